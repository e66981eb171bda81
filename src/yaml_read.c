/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* yaml_read.c: libyaml's events, read strictly, and the typed values
 * made of them.
 *
 * A small recursive-descent reader over the event parser: read_map hands
 * each key's value to the reader a table names for it, read_list each
 * element to an item reader.  What the format has no use for is refused
 * as it streams out -- aliases, anchors, tags, deep nesting -- with the
 * position libyaml reports.  Every string kept is checked: valid UTF-8,
 * no character sanitize_char_ok refuses, then NFC.  Which keys exist is
 * bundle_schema.c's business, not this file's. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>
#include <unistr.h>

#include "i18n.h"
#include "loader.h"
#include "sanitize.h"
#include "util.h"

/* ------------------------------------------------------------ parser */

bool
loader_open(struct loader *L, const char *file, const char *data, size_t len,
            struct bundle_error *err)
{
	*L = (struct loader){.data = data, .len = len, .file = file, .err = err,
	                     .key = "", .key_at = {0, 0}};
	if (!yaml_parser_initialize(&L->parser))
		return ld_fail(L, (struct mark){0, 0}, "%s", _("out of memory"));
	/* Refuse UTF-16 and friends: the format is UTF-8. */
	yaml_parser_set_encoding(&L->parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&L->parser, (const unsigned char *)data, len);
	return true;
}

void
loader_close(struct loader *L)
{
	if (L->have_ev)
		yaml_event_delete(&L->ev);
	yaml_parser_delete(&L->parser);
}

/* Refuse, before libyaml sees them, the characters YAML 1.1 takes for
 * line breaks (NEL, LS, PS, and a CR not before a LF): they would hide a
 * key inside what every other tool shows as a comment, and shift every
 * line number after them.  And name UTF-16 and UTF-32 for what they are. */
bool
ld_prescan(struct loader *L)
{
	const unsigned char *u = (const unsigned char *)L->data;
	size_t first = L->len;
	ucs4_t what = 0;

	if (L->len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
	                    || (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
		return ld_fail(L, (struct mark){1, 1}, "%s",
		               _("the file is UTF-32; a bundle must be UTF-8"));
	if (L->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return ld_fail(L, (struct mark){1, 1}, "%s",
		               _("the file is UTF-16; a bundle must be UTF-8"));
	/* The first of them in the file: each of the three bytes that can
	 * start one is sought with memchr, and only where it is, looked at. */
	for (int k = 0; k < 3; k++) {
		static const unsigned char lead[3] = {'\r', 0xC2, 0xE2};
		const unsigned char *p = u, *end = u + first;

		while (p < end && (p = memchr(p, lead[k], (size_t)(end - p))) != NULL) {
			size_t i = (size_t)(p - u);
			ucs4_t c = 0;

			/* A carriage return ends a line only before a line feed. */
			if (*p == '\r' && (i + 1 >= L->len || u[i + 1] != '\n'))
				c = '\r';
			else if (*p == 0xC2 && i + 1 < L->len && u[i + 1] == 0x85)
				c = 0x85;
			else if (*p == 0xE2 && i + 2 < L->len && u[i + 1] == 0x80
			         && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
				c = u[i + 2] == 0xA8 ? 0x2028 : 0x2029;
			if (c != 0) {
				first = i;
				what = c;
				break;
			}
			p++;
		}
	}
	if (what != 0)
		return ld_fail(L, ld_mark_at_offset(L->data, L->len, first),
		               _("%s U+%04X is not allowed anywhere in a bundle"),
		               sanitize_char_class(what), (unsigned)what);
	return true;
}

static bool
parser_failed(struct loader *L)
{
	const yaml_parser_t *p = &L->parser;
	const char *problem = p->problem ? p->problem : _("invalid YAML");

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return ld_fail(L, (struct mark){0, 0}, "%s", _("out of memory"));
	case YAML_READER_ERROR:
		return ld_fail(L, ld_mark_at_offset(L->data, L->len, p->problem_offset),
		               "%s", problem);
	default:
		if (p->context != NULL)
			return ld_fail(L, ld_mark_of(p->problem_mark),
			               _("%s (%s at %u:%u)"), problem, p->context,
			               (unsigned)p->context_mark.line + 1,
			               (unsigned)p->context_mark.column + 1);
		return ld_fail(L, ld_mark_of(p->problem_mark), "%s", problem);
	}
}

/* ------------------------------------------------------------ events */

struct mark
ld_here(const struct loader *L)
{
	return ld_mark_of(L->ev.start_mark);
}

const char *
ld_event_name(const yaml_event_t *ev)
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
bool
ld_next(struct loader *L)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	if (!parse_event(L))
		return false;
	switch (L->ev.type) {
	case YAML_ALIAS_EVENT:
		return ld_fail(L, ld_here(L), "%s",
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
		return ld_fail(L, ld_here(L), "%s",
		               _("anchors are not allowed in a bundle"));
	if (tag != NULL)
		return ld_fail(L, ld_here(L), "%s",
		               _("YAML tags are not allowed in a bundle"));
	/* Counted as the events stream out, so a nesting bomb is stopped
	 * before libyaml does the slow part. */
	if (L->ev.type != YAML_SCALAR_EVENT && ++L->depth > BUNDLE_MAX_DEPTH)
		return ld_fail(L, ld_here(L), _("nested more than %d levels deep"),
		               BUNDLE_MAX_DEPTH);
	return true;
}

/* what is untranslated (N_): gettext runs only on the error path, not
 * for each of the thousands of values a bundle has. */
bool
ld_expect(struct loader *L, yaml_event_type_t type, const char *what)
{
	if (L->ev.type == type)
		return true;
	if (L->item)
		return ld_fail(L, ld_here(L), _("each item of '%s' must be %s, not %s"),
		               L->key, _(what), ld_event_name(&L->ev));
	return ld_fail(L, ld_here(L), _("'%s' must be %s, not %s"), L->key, _(what),
	               ld_event_name(&L->ev));
}

/* ------------------------------------------------------------ values */

/* s[0..n), a part of the current scalar, as a string of the caller's:
 * libyaml's own buffer, taken from the event (which then frees NULL),
 * where copying it would cost a malloc, a copy and a free for each of a
 * bundle's thousands of values.  libyaml allocates with malloc
 * (yaml_malloc), so the taker may free it. */
static char *
ld_take_scalar(struct loader *L, const char *s, size_t n)
{
	char *v = (char *)L->ev.data.scalar.value;

	L->ev.data.scalar.value = NULL;
	memmove(v, s, n);
	v[n] = '\0';
	return v;
}

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
		return ld_fail(L, ld_here(L), "%s", _("invalid UTF-8 in text"));
	if (memchr(s, '\0', n) != NULL)
		return ld_fail(L, ld_locate_char(L, 0), "%s",
		               _("text contains a NUL character"));
	while (p < end) {
		ucs4_t c;

		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (!sanitize_char_ok(c))
			return ld_fail(L, ld_locate_char(L, c),
			               _("text contains %s U+%04X, which is not allowed"),
			               sanitize_char_class(c), (unsigned)c);
	}
	return true;
}

/* Each character once: is s[0..n) valid and made of plain characters
 * and line feeds (sanitize_char_plain), so that it is NFC already?
 * False also for anything check_chars would refuse, for it to say why. */
static bool
all_plain(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	while (p < end) {
		ucs4_t c;
		int len;

		if (*p < 0x80) {
			if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
				return false;
			p++;
			continue;
		}
		/* Two and three bytes (every BMP character) decoded here,
		 * strictly; four by libunistring. */
		if (*p >= 0xC2 && *p <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
			c = (ucs4_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
			len = 2;
		} else if ((*p & 0xF0) == 0xE0 && end - p >= 3 && (p[1] & 0xC0) == 0x80
		           && (p[2] & 0xC0) == 0x80 && !(*p == 0xE0 && p[1] < 0xA0)
		           && !(*p == 0xED && p[1] >= 0xA0)) {
			c = (ucs4_t)(*p & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			len = 3;
		} else if ((len = u8_mbtoucr(&c, p, (size_t)(end - p))) < 0) {
			return false;
		}
		if (!sanitize_char_plain(c))
			return false;
		p += len;
	}
	return true;
}

bool
ld_get_text(struct loader *L, char **out, unsigned flags)
{
	const char *s;
	size_t n, nfc_len;
	uint8_t *nfc;
	bool plain;

	if (!ld_expect(L, YAML_SCALAR_EVENT, N_("text")))
		return false;
	s = (const char *)L->ev.data.scalar.value;
	n = L->ev.data.scalar.length;
	/* The common case, plain text, is looked at once: valid, allowed
	 * and NFC already.  Anything else is checked closely, and
	 * normalised. */
	plain = all_plain(s, n);
	if (!plain && !check_chars(L, s, n))
		return false;
	trim(&s, &n);
	if (n == 0)
		return ld_fail(L, ld_here(L), _("'%s' must not be empty"), L->key);
	if ((flags & ONE_LINE) && memchr(s, '\n', n) != NULL)
		return ld_fail(L, ld_here(L), _("'%s' must be a single line"), L->key);
	if (plain) {
		*out = ld_take_scalar(L, s, n);
		return true;
	}
	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &nfc_len);
	if (nfc == NULL)
		return ld_fail(L, ld_here(L), "%s", _("out of memory"));
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

bool
ld_get_id(struct loader *L, char **out, struct mark *at)
{
	const char *s;
	size_t n;
	char q[128];

	if (!ld_expect(L, YAML_SCALAR_EVENT, N_("an id")))
		return false;
	s = (const char *)L->ev.data.scalar.value;
	n = L->ev.data.scalar.length;
	if (!valid_id(s, n))
		return ld_fail(L, ld_here(L),
		               _("'%s' is not a valid id: use lowercase letters, digits, "
		                 "'-' and '_', starting with a letter, at most %d characters"),
		               ld_quoted(q, sizeof q, s, n), BUNDLE_MAX_ID);
	*out = ld_take_scalar(L, s, n);
	*at = ld_here(L);
	return true;
}

bool
ld_get_int(struct loader *L, int *out, int lo, int hi)
{
	const char *s;
	char *end, q[128];
	long v;

	if (!ld_expect(L, YAML_SCALAR_EVENT, N_("a whole number")))
		return false;
	s = (const char *)L->ev.data.scalar.value;
	errno = 0;
	v = strtol(s, &end, 10);
	if (L->ev.data.scalar.length == 0 || *end != '\0' || errno != 0
	    || v < lo || v > hi || !(*s >= '0' && *s <= '9'))
		return ld_fail(L, ld_here(L), _("'%s' must be a whole number from %d to %d, not '%s'"),
		               L->key, lo, hi,
		               ld_quoted(q, sizeof q, s, L->ev.data.scalar.length));
	*out = (int)v;
	return true;
}

/* ------------------------------------------------------------ mappings */

/* The field for the key that is the current event; NULL and an error
 * that lists the known keys if there is none. */
static const struct field *
find_field(struct loader *L, const struct field *fields, size_t nfields,
           const char *what)
{
	const char *key = (const char *)L->ev.data.scalar.value;
	size_t klen = L->ev.data.scalar.length;
	struct sbuf keys = {0};
	char q[128];

	for (size_t i = 0; i < nfields; i++)
		if (strlen(fields[i].key) == klen
		    && memcmp(fields[i].key, key, klen) == 0)
			return &fields[i];
	for (size_t k = 0; k < nfields; k++)
		sbuf_printf(&keys, "%s%s", k ? ", " : "", fields[k].key);
	ld_fail(L, ld_here(L), _("unknown key '%s' in %s (known keys: %s)"),
	        ld_quoted(q, sizeof q, key, klen), _(what), keys.s);
	sbuf_free(&keys);
	return NULL;
}

/* At the end of a mapping that started at map_at: every required key
 * was there. */
static bool
require(struct loader *L, struct mark map_at, const struct field *fields,
        size_t nfields, const struct mark *seen, const char *what)
{
	for (size_t i = 0; i < nfields; i++) {
		if (!fields[i].required || seen[i].line != 0)
			continue;
		/* A misindented key ends the mapping early, and libyaml only
		 * complains at the next event: that complaint is the one to
		 * show, not "no 'title'" for a title that is right there. */
		if (!parse_event(L))
			return false;
		return ld_fail(L, map_at, _("%s has no '%s'"), _(what), fields[i].key);
	}
	return true;
}

bool
ld_read_map(struct loader *L, void *obj, const struct field *fields,
               size_t nfields, struct mark *seen, const char *what)
{
	struct mark map_at = ld_here(L);

	if (!ld_expect(L, YAML_MAPPING_START_EVENT, N_("a mapping")))
		return false;
	memset(seen, 0, nfields * sizeof *seen);
	for (;;) {
		const struct field *f;
		struct mark *at;

		if (!ld_next(L))
			return false;
		if (L->ev.type == YAML_MAPPING_END_EVENT)
			return require(L, map_at, fields, nfields, seen, what);
		if (L->ev.type != YAML_SCALAR_EVENT)
			return ld_fail(L, ld_here(L), _("a key in %s must be a plain word, not %s"),
			               _(what), ld_event_name(&L->ev));
		if ((f = find_field(L, fields, nfields, what)) == NULL)
			return false;
		at = &seen[f - fields];
		if (at->line != 0)
			return ld_fail(L, ld_here(L), _("duplicate key '%s' (first at %u:%u)"),
			               f->key, at->line, at->column);
		*at = L->key_at = ld_here(L);
		L->key = f->key;
		L->item = false;
		if (!ld_next(L) || !f->read(L, obj, f))
			return false;
	}
}

bool
ld_read_list(struct loader *L, void *obj,
                bool (*read_item)(struct loader *L, void *obj), size_t *n)
{
	const char *key = L->key;
	struct mark key_at = L->key_at;

	if (!ld_expect(L, YAML_SEQUENCE_START_EVENT, N_("a list")))
		return false;
	for (;;) {
		if (!ld_next(L))
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
		return ld_fail(L, key_at, _("'%s' must not be an empty list"), key);
	return true;
}
