/* bundle_schema.c: the keys of a bundle, and what each one holds.
 *
 * A table per mapping -- the top level, a page, a block, a tag -- names
 * its keys and the reader of each key's value; yaml_read.c's read_map
 * walks the table, so a key the format does not define is refused in one
 * place, with the list of those it does.  What a table cannot say is
 * checked here after the mapping: which keys are required, and which
 * belong to one kind of block only.  The file format is documented in
 * iclei-tui-bundle(5); keep the two in step. */
#include <config.h>

#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "loader.h"
#include "util.h"

#define NFIELDS(f) (sizeof (f) / sizeof *(f))

/* ------------------------------------------------------------ blocks */

static bool
set_kind(struct loader *L, struct block *b, enum block_kind kind)
{
	/* b->at is the block's start; a second kind key is an error. */
	if (b->text != NULL || b->items != NULL)
		return fail(L, L->key_at,
		            _("a block has one kind only; this one is already a %s"),
		            block_kind_name(b->kind));
	b->kind = kind;
	return true;
}

static bool
read_heading(struct loader *L, void *obj)
{
	struct block *b = obj;

	return set_kind(L, b, BLOCK_HEADING) && get_text(L, &b->text, 0);
}

static bool
read_paragraph(struct loader *L, void *obj)
{
	struct block *b = obj;

	return set_kind(L, b, BLOCK_PARAGRAPH) && get_text(L, &b->text, 0);
}

static bool
read_quote(struct loader *L, void *obj)
{
	struct block *b = obj;

	return set_kind(L, b, BLOCK_QUOTE) && get_text(L, &b->text, 0);
}

static bool
read_link(struct loader *L, void *obj)
{
	struct block *b = obj;

	return set_kind(L, b, BLOCK_LINK) && get_text(L, &b->text, ONE_LINE);
}

static bool
read_item(struct loader *L, void *obj)
{
	struct block *b = obj;

	push_room(&b->items, b->nitems, sizeof *b->items);
	b->items[b->nitems] = NULL;
	if (!get_text(L, &b->items[b->nitems], 0))
		return false;
	b->nitems++;
	return true;
}

static bool
read_list_block(struct loader *L, void *obj)
{
	struct block *b = obj;

	if (!set_kind(L, b, BLOCK_LIST))
		return false;
	/* Mark the kind as taken even while the list is still empty. */
	push_room(&b->items, 0, sizeof *b->items);
	return read_list(L, b, read_item, &b->nitems);
}

static bool
read_block_id(struct loader *L, void *obj)
{
	struct block *b = obj;

	return get_id(L, &b->id, &b->id_at);
}

static bool
read_by(struct loader *L, void *obj)
{
	return get_text(L, &((struct block *)obj)->by, ONE_LINE);
}

static bool
read_role(struct loader *L, void *obj)
{
	return get_text(L, &((struct block *)obj)->role, ONE_LINE);
}

static bool
read_target_page(struct loader *L, void *obj)
{
	struct block *b = obj;

	return get_id(L, &b->page, &b->page_at);
}

static bool
read_target_block(struct loader *L, void *obj)
{
	struct block *b = obj;

	return get_id(L, &b->block, &b->block_at);
}

enum {
	BF_HEADING, BF_PARAGRAPH, BF_LIST, BF_QUOTE, BF_LINK, BF_ID, BF_BY,
	BF_ROLE, BF_PAGE, BF_BLOCK,
};

static const struct field block_fields[] = {
	[BF_HEADING] = {"heading", read_heading},
	[BF_PARAGRAPH] = {"paragraph", read_paragraph},
	[BF_LIST] = {"list", read_list_block},
	[BF_QUOTE] = {"quote", read_quote},
	[BF_LINK] = {"link", read_link},
	[BF_ID] = {"id", read_block_id},
	[BF_BY] = {"by", read_by},
	[BF_ROLE] = {"role", read_role},
	[BF_PAGE] = {"page", read_target_page},
	[BF_BLOCK] = {"block", read_target_block},
};

/* Keys that belong to one kind of block only. */
static bool
check_block_keys(struct loader *L, const struct block *b, const struct mark *seen)
{
	static const struct {
		unsigned field;
		enum block_kind kind;
	} only[] = {
		{BF_BY, BLOCK_QUOTE}, {BF_ROLE, BLOCK_QUOTE},
		{BF_PAGE, BLOCK_LINK}, {BF_BLOCK, BLOCK_LINK},
	};

	for (size_t i = 0; i < NFIELDS(only); i++)
		if (seen[only[i].field].line != 0 && b->kind != only[i].kind)
			return fail(L, seen[only[i].field],
			            _("'%s' belongs to a %s block, not to a %s"),
			            block_fields[only[i].field].key,
			            block_kind_name(only[i].kind),
			            block_kind_name(b->kind));
	if (b->kind == BLOCK_QUOTE && seen[BF_BY].line == 0)
		return fail(L, b->at, "%s", _("a quote needs 'by': who said it"));
	if (b->kind == BLOCK_LINK && seen[BF_PAGE].line == 0)
		return fail(L, b->at, "%s", _("a link needs 'page': where it leads"));
	return true;
}

static bool
read_block(struct loader *L, void *obj)
{
	struct page *p = obj;
	struct block *b;
	struct mark seen[NFIELDS(block_fields)];

	if (!expect(L, YAML_MAPPING_START_EVENT, N_("a mapping")))
		return false;
	push_room(&p->blocks, p->nblocks, sizeof *p->blocks);
	b = &p->blocks[p->nblocks++];
	memset(b, 0, sizeof *b);
	b->at = here(L);
	if (!read_map(L, b, block_fields, NFIELDS(block_fields), seen, N_("a block")))
		return false;
	if (b->text == NULL && b->items == NULL)
		return fail(L, b->at, "%s",
		            _("a block needs one of 'heading', 'paragraph', 'list', "
		              "'quote' or 'link'"));
	return check_block_keys(L, b, seen);
}

/* ------------------------------------------------------------ pages */

static bool
read_page_id(struct loader *L, void *obj)
{
	struct page *p = obj;

	return get_id(L, &p->id, &p->id_at);
}

static bool
read_page_title(struct loader *L, void *obj)
{
	return get_text(L, &((struct page *)obj)->title, ONE_LINE);
}

static bool
read_blocks(struct loader *L, void *obj)
{
	struct page *p = obj;

	return read_list(L, p, read_block, &p->nblocks);
}

static const struct field page_fields[] = {
	{"id", read_page_id},
	{"title", read_page_title},
	{"blocks", read_blocks},
};

static bool
read_page(struct loader *L, void *obj)
{
	static const unsigned required[] = {0, 1, 2};
	struct bundle *bu = obj;
	struct page *p;
	struct mark seen[NFIELDS(page_fields)];

	if (!expect(L, YAML_MAPPING_START_EVENT, N_("a mapping")))
		return false;
	push_room(&bu->pages, bu->npages, sizeof *bu->pages);
	p = &bu->pages[bu->npages++];
	memset(p, 0, sizeof *p);
	p->at = here(L);
	return read_map(L, p, page_fields, NFIELDS(page_fields), seen, N_("a page"))
	    && require(L, p->at, page_fields, seen, required, NFIELDS(required),
	               N_("a page"));
}

/* ------------------------------------------------------------ tags */

static bool
read_tag_label(struct loader *L, void *obj)
{
	return get_text(L, &((struct tag *)obj)->label, ONE_LINE);
}

static bool
read_tag_weight(struct loader *L, void *obj)
{
	return get_int(L, &((struct tag *)obj)->weight, TAG_WEIGHT_MIN,
	               TAG_WEIGHT_MAX);
}

static bool
read_tag_page(struct loader *L, void *obj)
{
	struct tag *t = obj;

	return get_id(L, &t->page, &t->page_at);
}

static bool
read_tag_block(struct loader *L, void *obj)
{
	struct tag *t = obj;

	return get_id(L, &t->block, &t->block_at);
}

static const struct field tag_fields[] = {
	{"label", read_tag_label},
	{"weight", read_tag_weight},
	{"page", read_tag_page},
	{"block", read_tag_block},
};

static bool
read_tag(struct loader *L, void *obj)
{
	static const unsigned required[] = {0, 1, 2};
	struct bundle *bu = obj;
	struct tag *t;
	struct mark seen[NFIELDS(tag_fields)];

	if (!expect(L, YAML_MAPPING_START_EVENT, N_("a mapping")))
		return false;
	push_room(&bu->tags, bu->ntags, sizeof *bu->tags);
	t = &bu->tags[bu->ntags++];
	memset(t, 0, sizeof *t);
	t->at = here(L);
	return read_map(L, t, tag_fields, NFIELDS(tag_fields), seen, N_("a tag"))
	    && require(L, t->at, tag_fields, seen, required, NFIELDS(required),
	               N_("a tag"));
}

/* ------------------------------------------------------------ top level */

static bool
read_lang(struct loader *L, void *obj)
{
	struct bundle *b = obj;
	char q[128];

	if (!get_text(L, &b->lang, ONE_LINE))
		return false;
	b->lang_at = here(L);
	for (int l = 0; l < LANG_COUNT; l++)
		if (strcmp(b->lang, lang_code((enum lang)l)) == 0)
			return true;
	return fail(L, here(L), _("unknown language '%s' (known: en, ko, ja, zh)"),
	            quoted(q, sizeof q, b->lang, strlen(b->lang)));
}

static bool
read_name(struct loader *L, void *obj)
{
	return get_text(L, &((struct bundle *)obj)->name, ONE_LINE);
}

static bool
read_label(struct loader *L, void *obj)
{
	return get_text(L, &((struct bundle *)obj)->label, ONE_LINE);
}

static bool
read_title(struct loader *L, void *obj)
{
	return get_text(L, &((struct bundle *)obj)->title, ONE_LINE);
}

static bool
read_pages(struct loader *L, void *obj)
{
	struct bundle *b = obj;

	return read_list(L, b, read_page, &b->npages);
}

static bool
read_tags(struct loader *L, void *obj)
{
	struct bundle *b = obj;

	return read_list(L, b, read_tag, &b->ntags);
}

static const struct field top_fields[] = {
	{"lang", read_lang},
	{"name", read_name},
	{"label", read_label},
	{"title", read_title},
	{"pages", read_pages},
	{"tags", read_tags},
};

/* ------------------------------------------------------------ document */

bool
read_document(struct loader *L, struct bundle *b)
{
	static const unsigned required[] = {0, 1, 2, 3, 4};
	struct mark seen[NFIELDS(top_fields)], top_at;

	if (!next(L) || !next(L))	/* stream start, document start */
		return false;
	if (L->ev.type == YAML_STREAM_END_EVENT)
		return fail(L, (struct mark){1, 1}, "%s",
		            L->len == 0 ? _("the file is empty")
		                        : _("the file has nothing but comments and blank lines"));
	if (!next(L))
		return false;
	if (L->ev.type != YAML_MAPPING_START_EVENT)
		return fail(L, here(L), _("the top level must be a mapping of keys "
		                          "(lang, name, label, title, pages, tags), not %s"),
		            event_name(&L->ev));
	top_at = here(L);
	if (!read_map(L, b, top_fields, NFIELDS(top_fields), seen, N_("the bundle"))
	    || !require(L, top_at, top_fields, seen, required, NFIELDS(required),
	                N_("the bundle")))
		return false;
	if (!next(L) || !next(L))	/* document end, stream end */
		return false;
	if (L->ev.type != YAML_STREAM_END_EVENT)
		return fail(L, here(L), "%s",
		            _("a bundle is one YAML document; found a second one"));
	return true;
}
