/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundle_schema.c: the keys of a bundle, and what each one holds.
 *
 * One table for each kind of mapping -- the top level, a page, a block,
 * a tag -- gives its keys, whether each is required, and how its value
 * is read; yaml_read.c's read_map walks the table, so unknown, duplicate
 * and missing keys are refused in one place.  What a table cannot say is
 * checked after the mapping: a block has one kind, exactly, and some keys
 * belong to one kind of block only.  The format is documented in
 * iclei-tui-bundle(5); keep the two in step. */
#include <config.h>

#include <stddef.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "loader.h"
#include "util.h"

#define NFIELDS(f) (sizeof (f) / sizeof *(f))

/* ------------------------------------------------------------ readers */

/* offsetof(type, m) when m is of type t; any other type does not compile,
 * so a table cannot send a value to the wrong kind of member.  (t is a
 * type name: it cannot be put in parentheses.) */
#define OFF(t, type, m) /* NOLINTNEXTLINE(bugprone-macro-parentheses) */ \
	_Generic(((type *)0)->m, t: offsetof(type, m))

/* How a key's value is read: the members of a struct field after key and
 * required.  TEXT: text into the char * m; ID: an id into m, and its mark
 * into m_at; LIST: elements by item, counted in n; KIND: a block's kind,
 * and its text or items; READ: by a reader of its own. */
#define TEXT(type, m, flags) \
	read_text, OFF(char *, type, m), 0, (flags), 0, NULL
#define ID(type, m) \
	read_id, OFF(char *, type, m), OFF(struct mark, type, m##_at), 0, 0, NULL
#define LIST(type, n, item) read_items, OFF(size_t, type, n), 0, 0, 0, (item)
#define KIND(kind, flags) read_kind, 0, 0, (flags), (kind), NULL
#define READ(fn) fn, 0, 0, 0, 0, NULL

#define REQUIRED true
#define OPTIONAL false

static void *
member(void *obj, size_t off)
{
	return (char *)obj + off;
}

static bool
read_text(struct loader *L, void *obj, const struct field *f)
{
	return ld_get_text(L, member(obj, f->off), f->flags);
}

static bool
read_id(struct loader *L, void *obj, const struct field *f)
{
	return ld_get_id(L, member(obj, f->off), member(obj, f->at));
}

static bool
read_items(struct loader *L, void *obj, const struct field *f)
{
	return ld_read_list(L, obj, f->item, member(obj, f->off));
}

/* A new element, zeroed, at the end of the array *pp of *n elements of
 * `size` bytes (util.c's push_room, with its void ** convention). */
static void *
new_element(void *pp, size_t *n, size_t size)
{
	void **p = pp;
	char *e;

	push_room(pp, *n, size);
	e = (char *)*p + *n * size;
	(*n)++;
	memset(e, 0, size);
	return e;
}

/* ------------------------------------------------------------ blocks */

static bool
set_kind(struct loader *L, struct block *b, enum block_kind kind)
{
	/* b->at is the block's start; a second kind key is an error. */
	if (b->text != NULL || b->items != NULL)
		return ld_fail(L, L->key_at,
		               _("a block has one kind only; this one is already a %s"),
		               block_kind_name(b->kind));
	b->kind = kind;
	return true;
}

static bool
read_item(struct loader *L, void *obj)
{
	struct block *b = obj;

	push_room(&b->items, b->nitems, sizeof *b->items);
	b->items[b->nitems] = NULL;
	if (!ld_get_text(L, &b->items[b->nitems], 0))
		return false;
	b->nitems++;
	return true;
}

static bool
read_kind(struct loader *L, void *obj, const struct field *f)
{
	struct block *b = obj;

	if (!set_kind(L, b, f->kind))
		return false;
	if (f->kind != BLOCK_LIST)
		return ld_get_text(L, &b->text, f->flags);
	/* Mark the kind as taken even while the list is still empty. */
	push_room(&b->items, 0, sizeof *b->items);
	return ld_read_list(L, b, read_item, &b->nitems);
}

/* Indexes in block_fields, for check_block_keys. */
enum {
	BF_HEADING, BF_PARAGRAPH, BF_LIST, BF_QUOTE, BF_LINK, BF_ID, BF_BY,
	BF_ROLE, BF_PAGE, BF_BLOCK,
};

static const struct field block_fields[] = {
	[BF_HEADING]   = {"heading",   OPTIONAL, KIND(BLOCK_HEADING, 0)},
	[BF_PARAGRAPH] = {"paragraph", OPTIONAL, KIND(BLOCK_PARAGRAPH, 0)},
	[BF_LIST]      = {"list",      OPTIONAL, KIND(BLOCK_LIST, 0)},
	[BF_QUOTE]     = {"quote",     OPTIONAL, KIND(BLOCK_QUOTE, 0)},
	[BF_LINK]      = {"link",      OPTIONAL, KIND(BLOCK_LINK, ONE_LINE)},
	[BF_ID]        = {"id",        OPTIONAL, ID(struct block, id)},
	[BF_BY]        = {"by",        OPTIONAL, TEXT(struct block, by, ONE_LINE)},
	[BF_ROLE]      = {"role",      OPTIONAL, TEXT(struct block, role, ONE_LINE)},
	[BF_PAGE]      = {"page",      OPTIONAL, ID(struct block, page)},
	[BF_BLOCK]     = {"block",     OPTIONAL, ID(struct block, block)},
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
			return ld_fail(L, seen[only[i].field],
			               _("'%s' belongs to a %s block, not to a %s"),
			               block_fields[only[i].field].key,
			               block_kind_name(only[i].kind),
			               block_kind_name(b->kind));
	if (b->kind == BLOCK_QUOTE && seen[BF_BY].line == 0)
		return ld_fail(L, b->at, "%s", _("a quote needs 'by': who said it"));
	if (b->kind == BLOCK_LINK && seen[BF_PAGE].line == 0)
		return ld_fail(L, b->at, "%s", _("a link needs 'page': where it leads"));
	return true;
}

static bool
read_block(struct loader *L, void *obj)
{
	struct page *p = obj;
	struct block *b = new_element(&p->blocks, &p->nblocks, sizeof *b);
	struct mark seen[NFIELDS(block_fields)];

	b->at = ld_here(L);
	if (!ld_read_map(L, b, block_fields, NFIELDS(block_fields), seen, N_("a block")))
		return false;
	if (b->text == NULL && b->items == NULL)
		return ld_fail(L, b->at, "%s",
		               _("a block needs one of 'heading', 'paragraph', 'list', "
		                 "'quote' or 'link'"));
	return check_block_keys(L, b, seen);
}

/* ------------------------------------------------------------ pages */

static const struct field page_fields[] = {
	{"id",     REQUIRED, ID(struct page, id)},
	{"title",  REQUIRED, TEXT(struct page, title, ONE_LINE)},
	{"blocks", REQUIRED, LIST(struct page, nblocks, read_block)},
};

static bool
read_page(struct loader *L, void *obj)
{
	struct bundle *b = obj;
	struct page *p = new_element(&b->pages, &b->npages, sizeof *p);
	struct mark seen[NFIELDS(page_fields)];

	p->at = ld_here(L);
	return ld_read_map(L, p, page_fields, NFIELDS(page_fields), seen, N_("a page"));
}

/* ------------------------------------------------------------ tags */

static bool
read_weight(struct loader *L, void *obj, const struct field *f)
{
	return ld_get_int(L, &((struct tag *)obj)->weight, TAG_WEIGHT_MIN,
	                  TAG_WEIGHT_MAX);
}

static const struct field tag_fields[] = {
	{"label",  REQUIRED, TEXT(struct tag, label, ONE_LINE)},
	{"weight", REQUIRED, READ(read_weight)},
	{"page",   REQUIRED, ID(struct tag, page)},
	{"block",  OPTIONAL, ID(struct tag, block)},
};

static bool
read_tag(struct loader *L, void *obj)
{
	struct bundle *b = obj;
	struct tag *t = new_element(&b->tags, &b->ntags, sizeof *t);
	struct mark seen[NFIELDS(tag_fields)];

	t->at = ld_here(L);
	return ld_read_map(L, t, tag_fields, NFIELDS(tag_fields), seen, N_("a tag"));
}

/* ------------------------------------------------------------ top level */

static bool
read_lang(struct loader *L, void *obj, const struct field *f)
{
	struct bundle *b = obj;
	char q[128];

	if (!ld_get_text(L, &b->lang, ONE_LINE))
		return false;
	b->lang_at = ld_here(L);
	if (lang_find(b->lang) >= 0)
		return true;
	return ld_fail(L, ld_here(L), _("unknown language '%s' (known: %s)"),
	               ld_quoted(q, sizeof q, b->lang, strlen(b->lang)),
	               lang_list(LANG_LIST_CODES));
}

static const struct field top_fields[] = {
	{"lang",  REQUIRED, READ(read_lang)},
	{"name",  REQUIRED, TEXT(struct bundle, name, ONE_LINE)},
	{"label", REQUIRED, TEXT(struct bundle, label, ONE_LINE)},
	{"title", REQUIRED, TEXT(struct bundle, title, ONE_LINE)},
	{"pages", REQUIRED, LIST(struct bundle, npages, read_page)},
	{"tags",  OPTIONAL, LIST(struct bundle, ntags, read_tag)},
};

/* ------------------------------------------------------------ document */

bool
ld_read_document(struct loader *L, struct bundle *b)
{
	struct mark seen[NFIELDS(top_fields)];

	if (!ld_next(L) || !ld_next(L))	/* stream start, document start */
		return false;
	if (L->ev.type == YAML_STREAM_END_EVENT)
		return ld_fail(L, (struct mark){1, 1}, "%s",
		               L->len == 0 ? _("the file is empty")
		                           : _("the file has nothing but comments and blank lines"));
	if (!ld_next(L))
		return false;
	if (L->ev.type != YAML_MAPPING_START_EVENT)
		return ld_fail(L, ld_here(L), _("the top level must be a mapping of keys "
		                             "(lang, name, label, title, pages, tags), not %s"),
		               ld_event_name(&L->ev));
	if (!ld_read_map(L, b, top_fields, NFIELDS(top_fields), seen, N_("the bundle")))
		return false;
	if (!ld_next(L) || !ld_next(L))	/* document end, stream end */
		return false;
	if (L->ev.type != YAML_STREAM_END_EVENT)
		return ld_fail(L, ld_here(L), "%s",
		               _("a bundle is one YAML document; found a second one"));
	return true;
}
