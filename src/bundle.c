/* bundle.c: load one language's content from YAML, strictly.
 *
 * libyaml's event parser feeds a small recursive-descent reader driven by
 * tables of the keys each mapping may hold.  The reader refuses anything
 * the format does not define -- unknown or duplicate keys, aliases,
 * anchors, tags, several documents, deep nesting -- with the position
 * libyaml reports, and checks every string it keeps: valid UTF-8, no
 * character sanitize_char_ok refuses, then NFC.  References between pages,
 * blocks and tags are checked once the whole file is read. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uninorm.h>
#include <unistr.h>
#include <yaml.h>

#include "bundle.h"
#include "i18n.h"
#include "lang.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"

struct loader {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	const char *data;	/* the whole file, for reader-error positions */
	size_t len;
	const char *file;
	int depth;
	struct mark key_at;	/* the key whose value is being read */
	const char *key;
	bool item;		/* reading an element of the list `key` */
	struct bundle_error *err;
};

/* ------------------------------------------------------------ errors */

static void verror_set(struct bundle_error *err, const char *file,
                       struct mark at, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static void
verror_set(struct bundle_error *err, const char *file, struct mark at,
           const char *fmt, va_list ap)
{
	sanitize_quote(err->file, sizeof err->file, file, strlen(file),
	               sizeof err->file - 8);
	err->line = at.line;
	err->column = at.column;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
}

void
bundle_error_set(struct bundle_error *err, const char *file, struct mark at,
                 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror_set(err, file, at, fmt, ap);
	va_end(ap);
}

void
bundle_error_print(const struct bundle_error *err, FILE *fp)
{
	if (err->line > 0)
		fprintf(fp, "%s:%u:%u: %s\n", err->file, err->line, err->column,
		        err->message);
	else
		fprintf(fp, "%s: %s\n", err->file, err->message);
}

static bool fail(struct loader *L, struct mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool
fail(struct loader *L, struct mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror_set(L->err, L->file, at, fmt, ap);
	va_end(ap);
	return false;
}

static struct mark
mark_of(yaml_mark_t m)
{
	return (struct mark){(unsigned)m.line + 1, (unsigned)m.column + 1};
}

/* libyaml's reader errors (bad bytes) carry only a byte offset. */
static struct mark
mark_at_offset(const char *data, size_t len, size_t off)
{
	struct mark m = {1, 1};

	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == '\n' || (c == '\r' && (i + 1 >= len || data[i + 1] != '\n'))) {
			m.line++;
			m.column = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r') {
			m.column++;
		}
	}
	return m;
}

/* The byte offset of a libyaml mark (0-based line, and column counted
 * in characters): the inverse of mark_at_offset. */
static size_t
offset_of_mark(const char *data, size_t len, yaml_mark_t m)
{
	size_t i = 0, line = 0, col = 0;

	while (i < len && line < m.line) {
		if (data[i] == '\n'
		    || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
			line++;
		i++;
	}
	while (i < len && col < m.column) {
		i++;
		while (i < len && ((unsigned char)data[i] & 0xC0) == 0x80)
			i++;
		col++;
	}
	return i;
}

/* The character a double-quoted escape at s (just after the backslash)
 * stands for, and its length; -1 for an escape that makes no character
 * (an escaped line break) or one libyaml would have refused. */
static long
escape_value(const char *s, const char *end, size_t *len)
{
	static const char simple[] = "0\0a\ab\bt\tn\nv\vf\fr\re\x1b \x20\"\"//\\\\";
	int digits = 0;
	long v = 0;

	*len = 1;
	if (s >= end)
		return -1;
	for (size_t i = 0; i + 1 < sizeof simple; i += 2)
		if (*s == simple[i])
			return (unsigned char)simple[i + 1];
	switch (*s) {
	case '\t':
		return '\t';
	case 'N':
		return 0x85;
	case '_':
		return 0xA0;
	case 'L':
		return 0x2028;
	case 'P':
		return 0x2029;
	case 'x':
		digits = 2;
		break;
	case 'u':
		digits = 4;
		break;
	case 'U':
		digits = 8;
		break;
	default:
		return -1;
	}
	for (int i = 1; i <= digits; i++) {
		if (s + i >= end || strchr("0123456789abcdefABCDEF", s[i]) == NULL
		    || s[i] == '\0')
			return -1;
		v = v * 16 + (s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10);
	}
	*len = 1 + (size_t)digits;
	return v;
}

/* Where, in the current scalar's source, character c is written -- raw,
 * or as a double-quoted escape -- so an invisible character can be found
 * in an editor.  The scalar's start if it cannot be found. */
static struct mark
locate_char(const struct loader *L, ucs4_t c)
{
	const yaml_event_t *ev = &L->ev;
	bool escapes = ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	size_t from = offset_of_mark(L->data, L->len, ev->start_mark);
	size_t to = offset_of_mark(L->data, L->len, ev->end_mark);
	const char *end = L->data + to;

	for (size_t i = from; i < to;) {
		const char *p = L->data + i;
		ucs4_t raw;
		int n = u8_mbtouc(&raw, (const uint8_t *)p, (size_t)(end - p));

		if (escapes && *p == '\\') {
			size_t elen;
			long v = escape_value(p + 1, end, &elen);

			if (v == (long)c)
				return mark_at_offset(L->data, L->len, i);
			i += 1 + elen;
			continue;
		}
		if (raw == c)
			return mark_at_offset(L->data, L->len, i);
		i += (size_t)(n > 0 ? n : 1);
	}
	return mark_of(ev->start_mark);
}

/* Untrusted text for a message: sanitised, and cut when long. */
static const char *
quoted(char *buf, size_t size, const char *s, size_t n)
{
	sanitize_quote(buf, size, s, n, 40);
	return buf;
}

static bool
parser_failed(struct loader *L)
{
	const yaml_parser_t *p = &L->parser;
	const char *problem = p->problem ? p->problem : _("invalid YAML");

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return fail(L, (struct mark){0, 0}, "%s", _("out of memory"));
	case YAML_READER_ERROR:
		return fail(L, mark_at_offset(L->data, L->len, p->problem_offset),
		            "%s", problem);
	default:
		if (p->context != NULL)
			return fail(L, mark_of(p->problem_mark),
			            _("%s (%s at %u:%u)"), problem, p->context,
			            (unsigned)p->context_mark.line + 1,
			            (unsigned)p->context_mark.column + 1);
		return fail(L, mark_of(p->problem_mark), "%s", problem);
	}
}

/* ------------------------------------------------------------ events */

static struct mark
here(const struct loader *L)
{
	return mark_of(L->ev.start_mark);
}

static const char *
event_name(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return _("text");
	case YAML_SEQUENCE_START_EVENT:
		return _("a list");
	case YAML_MAPPING_START_EVENT:
		return _("a mapping");
	default:
		return _("the end of a collection");
	}
}

/* libyaml's next event, in place of the current one. */
static bool
parse_event(struct loader *L)
{
	if (L->have_ev) {
		yaml_event_delete(&L->ev);
		L->have_ev = false;
	}
	if (!yaml_parser_parse(&L->parser, &L->ev))
		return parser_failed(L);
	L->have_ev = true;
	return true;
}

/* The next event, refusing what the format has no use for. */
static bool
next(struct loader *L)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	if (!parse_event(L))
		return false;
	switch (L->ev.type) {
	case YAML_ALIAS_EVENT:
		return fail(L, here(L), "%s",
		            _("aliases are not allowed in a bundle"));
	case YAML_SCALAR_EVENT:
		anchor = L->ev.data.scalar.anchor;
		tag = L->ev.data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = L->ev.data.sequence_start.anchor;
		tag = L->ev.data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = L->ev.data.mapping_start.anchor;
		tag = L->ev.data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		L->depth--;
		return true;
	default:
		return true;
	}
	if (anchor != NULL)
		return fail(L, here(L), "%s",
		            _("anchors are not allowed in a bundle"));
	if (tag != NULL)
		return fail(L, here(L), "%s",
		            _("YAML tags are not allowed in a bundle"));
	/* Counted as the events stream out, so a nesting bomb is stopped
	 * before libyaml does the slow part. */
	if (L->ev.type != YAML_SCALAR_EVENT && ++L->depth > BUNDLE_MAX_DEPTH)
		return fail(L, here(L), _("nested more than %d levels deep"),
		            BUNDLE_MAX_DEPTH);
	return true;
}

/* what is untranslated (N_): gettext runs only on the error path, not
 * for each of the thousands of values a bundle has. */
static bool
expect(struct loader *L, yaml_event_type_t type, const char *what)
{
	if (L->ev.type == type)
		return true;
	if (L->item)
		return fail(L, here(L), _("each item of '%s' must be %s, not %s"),
		            L->key, _(what), event_name(&L->ev));
	return fail(L, here(L), _("'%s' must be %s, not %s"), L->key, _(what),
	            event_name(&L->ev));
}

/* ------------------------------------------------------------ values */

enum text_flags {
	ONE_LINE = 1,		/* titles, labels, names: no line feed */
};

/* Trim spaces and line feeds at both ends: they carry no meaning, and
 * the layout engine may then assume a text starts and ends with ink. */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\n')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

static bool
check_chars(struct loader *L, const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	if (u8_check(p, n) != NULL)
		return fail(L, here(L), "%s", _("invalid UTF-8 in text"));
	if (memchr(s, '\0', n) != NULL)
		return fail(L, locate_char(L, 0), "%s",
		            _("text contains a NUL character"));
	while (p < end) {
		ucs4_t c;

		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (!sanitize_char_ok(c))
			return fail(L, locate_char(L, c),
			            _("text contains %s U+%04X, which is not allowed"),
			            sanitize_char_class(c), (unsigned)c);
	}
	return true;
}

static bool
is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static bool
get_text(struct loader *L, char **out, unsigned flags)
{
	const char *s;
	size_t n, nfc_len;
	uint8_t *nfc;

	if (!expect(L, YAML_SCALAR_EVENT, N_("text")))
		return false;
	s = (const char *)L->ev.data.scalar.value;
	n = L->ev.data.scalar.length;
	if (!check_chars(L, s, n))
		return false;
	trim(&s, &n);
	if (n == 0)
		return fail(L, here(L), _("'%s' must not be empty"), L->key);
	if ((flags & ONE_LINE) && memchr(s, '\n', n) != NULL)
		return fail(L, here(L), _("'%s' must be a single line"), L->key);
	/* ASCII is already NFC: the common case costs no normalisation. */
	if (is_ascii(s, n)) {
		*out = xmemdup0(s, n);
		return true;
	}
	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &nfc_len);
	if (nfc == NULL)
		return fail(L, here(L), "%s", _("out of memory"));
	*out = xmemdup0(nfc, nfc_len);
	free(nfc);
	return true;
}

static bool
valid_id(const char *s, size_t n)
{
	if (n == 0 || n > BUNDLE_MAX_ID || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
		      || s[i] == '-' || s[i] == '_'))
			return false;
	return true;
}

static bool
get_id(struct loader *L, char **out, struct mark *at)
{
	const char *s;
	size_t n;
	char q[128];

	if (!expect(L, YAML_SCALAR_EVENT, N_("an id")))
		return false;
	s = (const char *)L->ev.data.scalar.value;
	n = L->ev.data.scalar.length;
	if (!valid_id(s, n))
		return fail(L, here(L),
		            _("'%s' is not a valid id: use lowercase letters, digits, "
		              "'-' and '_', starting with a letter, at most %d characters"),
		            quoted(q, sizeof q, s, n), BUNDLE_MAX_ID);
	*out = xmemdup0(s, n);
	*at = here(L);
	return true;
}

static bool
get_int(struct loader *L, int *out, int lo, int hi)
{
	const char *s;
	char *end, q[128];
	long v;

	if (!expect(L, YAML_SCALAR_EVENT, N_("a whole number")))
		return false;
	s = (const char *)L->ev.data.scalar.value;
	errno = 0;
	v = strtol(s, &end, 10);
	if (L->ev.data.scalar.length == 0 || *end != '\0' || errno != 0
	    || v < lo || v > hi || !(*s >= '0' && *s <= '9'))
		return fail(L, here(L), _("'%s' must be a whole number from %d to %d, not '%s'"),
		            L->key, lo, hi,
		            quoted(q, sizeof q, s, L->ev.data.scalar.length));
	*out = (int)v;
	return true;
}

/* ------------------------------------------------------------ mappings */

struct field {
	const char *key;
	bool (*read)(struct loader *L, void *obj);
};

/* Read the mapping whose start is the current event, dispatching each
 * key's value to its field's reader; seen[i] gets where key i was.  what
 * (untranslated, N_) names the mapping in messages. */
static bool
read_map(struct loader *L, void *obj, const struct field *fields,
         size_t nfields, struct mark *seen, const char *what)
{
	char q[128];

	memset(seen, 0, nfields * sizeof *seen);
	for (;;) {
		const char *key;
		size_t i, klen;

		if (!next(L))
			return false;
		if (L->ev.type == YAML_MAPPING_END_EVENT)
			return true;
		if (L->ev.type != YAML_SCALAR_EVENT)
			return fail(L, here(L), _("a key in %s must be a plain word, not %s"),
			            _(what), event_name(&L->ev));
		key = (const char *)L->ev.data.scalar.value;
		klen = L->ev.data.scalar.length;
		for (i = 0; i < nfields; i++)
			if (strlen(fields[i].key) == klen
			    && memcmp(fields[i].key, key, klen) == 0)
				break;
		if (i == nfields) {
			struct sbuf keys = {0};

			for (size_t k = 0; k < nfields; k++)
				sbuf_printf(&keys, "%s%s", k ? ", " : "", fields[k].key);
			fail(L, here(L), _("unknown key '%s' in %s (known keys: %s)"),
			     quoted(q, sizeof q, key, klen), _(what), keys.s);
			sbuf_free(&keys);
			return false;
		}
		if (seen[i].line != 0)
			return fail(L, here(L), _("duplicate key '%s' (first at %u:%u)"),
			            fields[i].key, seen[i].line, seen[i].column);
		seen[i] = here(L);
		L->key_at = seen[i];
		L->key = fields[i].key;
		L->item = false;
		if (!next(L) || !fields[i].read(L, obj))
			return false;
	}
}

static bool
require(struct loader *L, struct mark map_at, const struct field *fields,
        const struct mark *seen, const unsigned *required, size_t nreq,
        const char *what)
{
	for (size_t r = 0; r < nreq; r++) {
		if (seen[required[r]].line != 0)
			continue;
		/* A misindented key ends the mapping early, and libyaml only
		 * complains at the next event: that complaint is the one to
		 * show, not "no 'title'" for a title that is right there. */
		if (!parse_event(L))
			return false;
		return fail(L, map_at, _("%s has no '%s'"), _(what),
		            fields[required[r]].key);
	}
	return true;
}

#define NFIELDS(f) (sizeof (f) / sizeof *(f))

/* A list whose start is the current event; read_item is called with each
 * element as the current event.  `n` counts elements read so far. */
static bool
read_list(struct loader *L, void *obj,
          bool (*read_item)(struct loader *L, void *obj), size_t *n)
{
	const char *key = L->key;
	struct mark key_at = L->key_at;

	if (!expect(L, YAML_SEQUENCE_START_EVENT, N_("a list")))
		return false;
	for (;;) {
		if (!next(L))
			return false;
		if (L->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		L->key = key;
		L->key_at = key_at;
		L->item = true;
		if (!read_item(L, obj))
			return false;
	}
	if (*n == 0)
		return fail(L, key_at, _("'%s' must not be an empty list"), key);
	return true;
}

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

/* ------------------------------------------------------------ references */

struct idref {
	const char *id;
	size_t owner;		/* page index, for block ids */
	size_t order;		/* position in the file */
	struct mark at;
};

static int
cmp_idref(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c;

	if (x->owner != y->owner)
		return x->owner < y->owner ? -1 : 1;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Sort refs; report the earliest second use of an id.  Sorting keeps
 * this O(n log n) for hostile files with many thousands of ids. */
static bool
check_unique(struct loader *L, struct idref *refs, size_t n, bool blocks)
{
	const struct idref *dup = NULL, *first = NULL;

	if (n == 0)
		return true;	/* (and refs may be NULL) */
	qsort(refs, n, sizeof *refs, cmp_idref);
	for (size_t i = 1; i < n; i++) {
		size_t f = i - 1;

		if (refs[i].owner != refs[f].owner || strcmp(refs[i].id, refs[f].id) != 0)
			continue;
		while (f > 0 && refs[f - 1].owner == refs[i].owner
		       && strcmp(refs[f - 1].id, refs[i].id) == 0)
			f--;
		if (dup == NULL || refs[i].order < dup->order) {
			dup = &refs[i];
			first = &refs[f];
		}
	}
	if (dup == NULL)
		return true;
	if (blocks)
		return fail(L, dup->at,
		            _("duplicate block id '%s' in this page (first at %u:%u)"),
		            dup->id, first->at.line, first->at.column);
	return fail(L, dup->at, _("duplicate page id '%s' (first at %u:%u)"),
	            dup->id, first->at.line, first->at.column);
}

static const struct idref *
find_ref(const struct idref *refs, size_t n, size_t owner, const char *id)
{
	struct idref key = {id, owner, 0, {0, 0}};
	size_t lo = 0, hi = n;

	/* Lower bound on (owner, id), ignoring order. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = refs[mid].owner != owner
		        ? (refs[mid].owner < owner ? -1 : 1)
		        : strcmp(refs[mid].id, key.id);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && refs[lo].owner == owner && strcmp(refs[lo].id, id) == 0)
		return &refs[lo];
	return NULL;
}

/* A link's or tag's target: an existing page, and block in it. */
static bool
check_target(struct loader *L, const struct idref *pages, size_t npages,
             const struct idref *blocks, size_t nblocks, const char *page,
             struct mark page_at, const char *block, struct mark block_at)
{
	const struct idref *p = find_ref(pages, npages, 0, page);

	if (p == NULL)
		return fail(L, page_at, _("there is no page '%s'"), page);
	if (block != NULL && find_ref(blocks, nblocks, p->order, block) == NULL)
		return fail(L, block_at, _("page '%s' has no block '%s'"), page, block);
	return true;
}

static bool
check_references(struct loader *L, const struct bundle *b)
{
	struct idref *pages = xcalloc(b->npages, sizeof *pages);
	struct idref *blocks = NULL;
	size_t nblocks = 0, cap = 0;
	bool ok;

	for (size_t i = 0; i < b->npages; i++) {
		const struct page *p = &b->pages[i];

		pages[i] = (struct idref){p->id, 0, i, p->id_at};
		for (size_t j = 0; j < p->nblocks; j++) {
			if (p->blocks[j].id == NULL)
				continue;
			grow(&blocks, &cap, nblocks + 1, sizeof *blocks);
			blocks[nblocks] = (struct idref){p->blocks[j].id, i,
			                                 nblocks, p->blocks[j].id_at};
			nblocks++;
		}
	}
	ok = check_unique(L, pages, b->npages, false)
	     && check_unique(L, blocks, nblocks, true);
	for (size_t i = 0; ok && i < b->npages; i++)
		for (size_t j = 0; ok && j < b->pages[i].nblocks; j++) {
			const struct block *k = &b->pages[i].blocks[j];

			if (k->kind == BLOCK_LINK)
				ok = check_target(L, pages, b->npages, blocks, nblocks,
				                  k->page, k->page_at, k->block,
				                  k->block_at);
		}
	for (size_t i = 0; ok && i < b->ntags; i++) {
		const struct tag *t = &b->tags[i];

		ok = check_target(L, pages, b->npages, blocks, nblocks, t->page,
		                  t->page_at, t->block, t->block_at);
	}
	free(pages);
	free(blocks);
	return ok;
}

/* ------------------------------------------------------------ document */

static bool
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
	return check_references(L, b);
}

/* Refuse, before libyaml sees them, the characters YAML 1.1 takes for
 * line breaks (NEL, LS, PS, and a CR not before a LF): they would hide a
 * key inside what every other tool shows as a comment, and shift every
 * line number after them.  And name UTF-16 and UTF-32 for what they are. */
static bool
prescan(struct loader *L)
{
	const unsigned char *u = (const unsigned char *)L->data;

	if (L->len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
	                    || (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
		return fail(L, (struct mark){1, 1}, "%s",
		            _("the file is UTF-32; a bundle must be UTF-8"));
	if (L->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return fail(L, (struct mark){1, 1}, "%s",
		            _("the file is UTF-16; a bundle must be UTF-8"));
	for (size_t i = 0; i < L->len; i++) {
		ucs4_t c = 0;

		/* A carriage return ends a line only before a line feed. */
		if (u[i] == '\r' && (i + 1 >= L->len || u[i + 1] != '\n'))
			c = '\r';
		else if (i + 1 >= L->len)
			break;
		else if (u[i] == 0xC2 && u[i + 1] == 0x85)
			c = 0x85;
		else if (u[i] == 0xE2 && i + 2 < L->len && u[i + 1] == 0x80
		         && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
			c = u[i + 2] == 0xA8 ? 0x2028 : 0x2029;
		if (c != 0)
			return fail(L, mark_at_offset(L->data, L->len, i),
			            _("%s U+%04X is not allowed anywhere in a bundle"),
			            sanitize_char_class(c), (unsigned)c);
	}
	return true;
}

struct bundle *
bundle_load_mem(const char *name, const char *data, size_t len,
                struct bundle_error *err)
{
	struct loader L = {.data = data, .len = len, .file = name, .err = err,
	                   .key = "", .key_at = {0, 0}};
	struct bundle *b = xcalloc(1, sizeof *b);
	bool ok;

	b->file = xstrdup(name);
	/* libyaml skips a byte order mark but counts it as a column, which
	 * shifts the first line; it carries no information in UTF-8. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
		L.data = data;
		L.len = len;
	}
	if (len > BUNDLE_MAX_BYTES) {
		bundle_error_set(err, name, (struct mark){0, 0},
		                 _("file too large (%zu bytes; the limit is %u)"),
		                 len, BUNDLE_MAX_BYTES);
		bundle_free(b);
		return NULL;
	}
	if (!yaml_parser_initialize(&L.parser)) {
		bundle_error_set(err, name, (struct mark){0, 0}, "%s", _("out of memory"));
		bundle_free(b);
		return NULL;
	}
	/* Refuse UTF-16 and friends: the format is UTF-8. */
	yaml_parser_set_encoding(&L.parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&L.parser, (const unsigned char *)data, len);
	ok = prescan(&L) && read_document(&L, b);
	if (L.have_ev)
		yaml_event_delete(&L.ev);
	yaml_parser_delete(&L.parser);
	if (!ok) {
		bundle_free(b);
		return NULL;
	}
	return b;
}

static char *
read_file(const char *path, size_t *len, struct bundle_error *err)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	/* Non-blocking, or a FIFO with no writer would hang the open. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s",
		                 S_ISDIR(st.st_mode) ? _("is a directory, not a bundle file")
		                                     : _("not a regular file"));
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > BUNDLE_MAX_BYTES) {
		bundle_error_set(err, path, (struct mark){0, 0},
		                 _("file too large (%lld bytes; the limit is %u)"),
		                 (long long)st.st_size, BUNDLE_MAX_BYTES);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	/* Read to the end even if the file grew: the cap still holds. */
	for (;;) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size + 1 - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			bundle_error_set(err, path, (struct mark){0, 0}, "%s",
			                 strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0 || (got += (size_t)r) > (size_t)st.st_size)
			break;
	}
	close(fd);
	if (got > (size_t)st.st_size) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s",
		                 _("file changed while it was read"));
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}

struct bundle *
bundle_load_file(const char *path, struct bundle_error *err)
{
	size_t len;
	char *data = read_file(path, &len, err);
	struct bundle *b;

	if (data == NULL)
		return NULL;
	b = bundle_load_mem(path, data, len, err);
	free(data);
	return b;
}

/* ------------------------------------------------------------ model */

static void
free_block(struct block *b)
{
	free(b->id);
	free(b->text);
	for (size_t i = 0; i < b->nitems; i++)
		free(b->items[i]);
	free(b->items);
	free(b->by);
	free(b->role);
	free(b->page);
	free(b->block);
}

void
bundle_free(struct bundle *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->npages; i++) {
		struct page *p = &b->pages[i];

		for (size_t j = 0; j < p->nblocks; j++)
			free_block(&p->blocks[j]);
		free(p->blocks);
		free(p->id);
		free(p->title);
	}
	free(b->pages);
	for (size_t i = 0; i < b->ntags; i++) {
		free(b->tags[i].label);
		free(b->tags[i].page);
		free(b->tags[i].block);
	}
	free(b->tags);
	free(b->file);
	free(b->lang);
	free(b->name);
	free(b->label);
	free(b->title);
	free(b);
}

int
bundle_find_page(const struct bundle *b, const char *id)
{
	for (size_t i = 0; i < b->npages; i++)
		if (strcmp(b->pages[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
page_find_block(const struct page *p, const char *id)
{
	for (size_t i = 0; i < p->nblocks; i++)
		if (p->blocks[i].id != NULL && strcmp(p->blocks[i].id, id) == 0)
			return (int)i;
	return -1;
}

static void
unambiguous(char **s)
{
	char *t;

	if (*s == NULL)
		return;
	t = text_unambiguous(*s, strlen(*s), NULL);
	free(*s);
	*s = t;
}

void
bundle_make_unambiguous(struct bundle *b)
{
	unambiguous(&b->name);
	unambiguous(&b->label);
	unambiguous(&b->title);
	for (size_t i = 0; i < b->npages; i++) {
		struct page *p = &b->pages[i];

		unambiguous(&p->title);
		for (size_t j = 0; j < p->nblocks; j++) {
			struct block *k = &p->blocks[j];

			unambiguous(&k->text);
			unambiguous(&k->by);
			unambiguous(&k->role);
			for (size_t m = 0; m < k->nitems; m++)
				unambiguous(&k->items[m]);
		}
	}
	for (size_t i = 0; i < b->ntags; i++)
		unambiguous(&b->tags[i].label);
}

const char *
block_kind_name(enum block_kind kind)
{
	switch (kind) {
	case BLOCK_HEADING:
		return _("heading");
	case BLOCK_PARAGRAPH:
		return _("paragraph");
	case BLOCK_LIST:
		return _("list");
	case BLOCK_QUOTE:
		return _("quote");
	case BLOCK_LINK:
		return _("link");
	}
	return "?";
}
