/* sanitize.c: the one rule for what may reach a terminal. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "sanitize.h"

/* Controls that reorder text, and invisible characters that can hide
 * text: the word joiner and invisible operators, the BOM, interlinear
 * annotations and tag characters.  (Zero-width space, joiner and
 * non-joiner stay: scripts need them, and they hide nothing.) */
static bool
is_bidi_or_invisible(ucs4_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F
	    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064)
	    || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF
	    || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

bool
sanitize_char_ok(ucs4_t c)
{
	if (c == '\n')
		return true;
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
		return false;
	if (c == 0x2028 || c == 0x2029)
		return false;
	return !is_bidi_or_invisible(c);
}

const char *
sanitize_char_class(ucs4_t c)
{
	if (c == '\t')
		return _("tab character");
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
		return _("control character");
	if (c == 0x2028 || c == 0x2029)
		return _("line or paragraph separator");
	return _("invisible or bidirectional format character");
}

void
sanitize_append(struct sbuf *b, const char *s, size_t n, bool keep_lf)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	char tmp[16];

	while (p < end) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (len < 0) {
			/* Invalid or truncated: show one byte and move on. */
			snprintf(tmp, sizeof tmp, "<%02X>", *p);
			sbuf_adds(b, tmp);
			p++;
			continue;
		}
		if (c == '\n' && !keep_lf) {
			sbuf_adds(b, "^J");
		} else if (sanitize_char_ok(c)) {
			sbuf_add(b, (const char *)p, (size_t)len);
		} else if (c < 0x20 || c == 0x7F) {
			tmp[0] = '^';
			tmp[1] = (char)(c == 0x7F ? '?' : c + 0x40);
			sbuf_add(b, tmp, 2);
		} else {
			snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)c);
			sbuf_adds(b, tmp);
		}
		p += len;
	}
}

void
sanitize_quote(char *buf, size_t size, const char *s, size_t n, size_t max)
{
	struct sbuf b = {0};
	size_t cut;

	if (size < 8) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	sanitize_append(&b, s, n, false);
	if (b.s == NULL) {
		buf[0] = '\0';
		return;
	}
	cut = b.len;
	if (cut > max || cut >= size) {
		cut = max < size - 4 ? max : size - 4;
		/* Never cut a UTF-8 sequence in half. */
		while (cut > 0 && (b.s[cut] & 0xC0) == 0x80)
			cut--;
		memcpy(buf, b.s, cut);
		memcpy(buf + cut, "...", 4);
	} else {
		memcpy(buf, b.s, cut + 1);
	}
	sbuf_free(&b);
}

const char *
sanitize_arg(const char *s)
{
	static char buf[160];

	sanitize_quote(buf, sizeof buf, s, strlen(s), 100);
	return buf;
}
