/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundle_msg.c: where a bundle is wrong, and how that is said.
 *
 * Every refusal of the loader is one message at one FILE:LINE:COLUMN, so
 * that an editor can jump to it.  libyaml gives positions in three ways
 * -- a mark, a byte offset for its reader's errors, and nothing for a
 * character hidden in an escape -- and this file turns each into the
 * same struct mark.  Anything quoted from the file, its name included,
 * is sanitised first: an error message must not be a way to reach the
 * terminal. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "charset.h"
#include "loader.h"
#include "sanitize.h"
#include "util.h"

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
	sanitize_vsnprintf(err->message, sizeof err->message, fmt, ap);
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

/* Both parts are sanitised already (verror_set). */
static void
format_error(struct sbuf *b, const struct bundle_error *err)
{
	if (err->line > 0)
		sbuf_printf(b, "%s:%u:%u: %s", err->file, err->line, err->column,
		            err->message);
	else
		sbuf_printf(b, "%s: %s", err->file, err->message);
}

void
bundle_error_print(const struct bundle_error *err, FILE *fp)
{
	struct sbuf b = {0};

	/* At a place in the file: as a compiler says it, for editors to jump
	 * to.  About the file as a whole (it cannot be opened, say): as any
	 * other program's message, after our name. */
	if (err->line == 0)
		sbuf_printf(&b, "%s: ", program_name);
	format_error(&b, err);
	sbuf_addc(&b, '\n');
	charset_write(fp, b.s, b.len);
	sbuf_free(&b);
}

char *
bundle_error_text(const struct bundle_error *err)
{
	struct sbuf b = {0};

	format_error(&b, err);
	return b.s;
}

bool
ld_fail(struct loader *L, struct mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror_set(L->err, L->file, at, fmt, ap);
	va_end(ap);
	return false;
}

struct mark
ld_mark_of(yaml_mark_t m)
{
	return (struct mark){(unsigned)m.line + 1, (unsigned)m.column + 1};
}

/* libyaml's reader errors (bad bytes) carry only a byte offset. */
struct mark
ld_mark_at_offset(const char *data, size_t len, size_t off)
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
struct mark
ld_locate_char(const struct loader *L, ucs4_t c)
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
				return ld_mark_at_offset(L->data, L->len, i);
			i += 1 + elen;
			continue;
		}
		if (raw == c)
			return ld_mark_at_offset(L->data, L->len, i);
		i += (size_t)(n > 0 ? n : 1);
	}
	return ld_mark_of(ev->start_mark);
}

/* Untrusted text for a message: sanitised, and cut when long. */
const char *
ld_quoted(char *buf, size_t size, const char *s, size_t n)
{
	sanitize_quote(buf, size, s, n, 40);
	return buf;
}
