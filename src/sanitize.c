/* sanitize.c: the one rule for what may reach a terminal. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unictype.h>
#include <unistr.h>

#include "i18n.h"
#include "sanitize.h"

/* Invisible characters a script needs, and that hide nothing: the
 * zero-width space (a break between words in Thai, Khmer...), the
 * zero-width non-joiner and joiner (Persian, Indic scripts). */
static bool
allowed_invisible(ucs4_t c)
{
	return c >= 0x200B && c <= 0x200D;
}

/* Format characters (Cf: bidi controls, the soft hyphen, invisible
 * operators, the BOM, tags...) and Default_Ignorable_Code_Point (Hangul
 * fillers, variation selectors, the Mongolian vowel separator...): they
 * reorder, hide or join text, or take a width terminals disagree on.
 * From the Unicode properties, not a list of our own. */
static bool
is_invisible(ucs4_t c)
{
	return (uc_is_general_category(c, UC_CATEGORY_Cf)
	        || uc_is_property_default_ignorable_code_point(c))
	    && !allowed_invisible(c);
}

static bool
is_control(ucs4_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool
sanitize_char_ok(ucs4_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return true;	/* the common case, at once */
	if (c == '\n')
		return true;
	if (is_control(c) || c == 0x2028 || c == 0x2029 || is_invisible(c))
		return false;
	/* No character yet (or a noncharacter): no width to rely on. */
	return !uc_is_general_category(c, UC_CATEGORY_Cn);
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
	if (is_invisible(c))
		return _("invisible or bidirectional format character");
	return _("unassigned code point");
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

/* ------------------------------------------------------------ formatting */

/* One conversion of a format: "%-08.3zu" as flags, width, precision,
 * length and the conversion character. */
struct conv {
	char spec[32];		/* '%' ... up to and with the conversion */
	char len[3];		/* "", "hh", "h", "l", "ll", "j", "z", "t", "L" */
	char c;
};

/* Parse the conversion at fmt (just after '%') into cv, taking '*'
 * widths from ap into the spec; returns its length, 0 if malformed. */
static size_t
parse_conv(const char *fmt, struct conv *cv, va_list *ap)
{
	const char *p = fmt;
	size_t n = 0;

	cv->spec[n++] = '%';
	while (*p != '\0' && strchr("-+ #0'", *p) != NULL && n < 8)
		cv->spec[n++] = *p++;
	for (int part = 0; part < 2; part++) {
		if (part == 1) {
			if (*p != '.')
				break;
			cv->spec[n++] = *p++;
		}
		if (*p == '*') {
			n += (size_t)snprintf(cv->spec + n, sizeof cv->spec - n, "%d",
			                      va_arg(*ap, int));
			p++;
		}
		while (*p >= '0' && *p <= '9' && n < 20)
			cv->spec[n++] = *p++;
	}
	memset(cv->len, 0, sizeof cv->len);
	for (int k = 0; k < 2 && *p != '\0' && strchr("hljztL", *p) != NULL; k++)
		cv->len[k] = cv->spec[n++] = *p++;
	if (*p == '\0' || strchr("diouxXcspfeEgG%", *p) == NULL
	    || n >= sizeof cv->spec - 1)
		return 0;
	cv->c = cv->spec[n++] = *p++;
	cv->spec[n] = '\0';
	return (size_t)(p - fmt);
}

/* spec is one conversion parse_conv checked, and arg is of the type it
 * names: a format we built, not one from outside. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
convert(struct sbuf *b, const struct conv *cv, va_list *ap)
{
	char tmp[64];
	struct sbuf clean = {0};
	const char *s;

	switch (cv->c) {
	case 's':
		s = va_arg(*ap, const char *);
		sanitize_append(&clean, s != NULL ? s : "(null)",
		                s != NULL ? strlen(s) : 6, false);
		sbuf_printf(b, cv->spec, clean.s != NULL ? clean.s : "");
		sbuf_free(&clean);
		return;
	case 'p':
		snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, void *));
		break;
	case '%':
		snprintf(tmp, sizeof tmp, "%%");
		break;
	case 'd': case 'i':
		if (strcmp(cv->len, "l") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, long));
		else if (strcmp(cv->len, "ll") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, long long));
		else if (strcmp(cv->len, "z") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, ssize_t));
		else if (strcmp(cv->len, "j") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, intmax_t));
		else if (strcmp(cv->len, "t") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, ptrdiff_t));
		else	/* int, and what promotes to it (hh, h) */
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, int));
		break;
	case 'c':
		snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, int));
		break;
	case 'f': case 'e': case 'E': case 'g': case 'G':
		if (strcmp(cv->len, "L") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, long double));
		else
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, double));
		break;
	default:	/* o u x X */
		if (strcmp(cv->len, "l") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, unsigned long));
		else if (strcmp(cv->len, "ll") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, unsigned long long));
		else if (strcmp(cv->len, "z") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, size_t));
		else if (strcmp(cv->len, "j") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, uintmax_t));
		else if (strcmp(cv->len, "t") == 0)
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, ptrdiff_t));
		else
			snprintf(tmp, sizeof tmp, cv->spec, va_arg(*ap, unsigned));
		break;
	}
	sanitize_append(b, tmp, strlen(tmp), false);
}
#pragma GCC diagnostic pop

void
sanitize_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list copy;

	va_copy(copy, ap);
	sbuf_add(b, "", 0);
	while (*fmt != '\0') {
		const char *pct = strchr(fmt, '%');
		struct conv cv;
		size_t n;

		if (pct == NULL) {
			sbuf_adds(b, fmt);
			break;
		}
		sbuf_add(b, fmt, (size_t)(pct - fmt));
		if ((n = parse_conv(pct + 1, &cv, &copy)) == 0) {
			sbuf_adds(b, pct);	/* not ours to guess at: as it is */
			break;
		}
		convert(b, &cv, &copy);
		fmt = pct + 1 + n;
	}
	va_end(copy);
}

void
sanitize_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sanitize_vprintf(b, fmt, ap);
	va_end(ap);
}

void
sanitize_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sbuf b = {0};
	size_t n;

	sanitize_vprintf(&b, fmt, ap);
	n = b.len < size ? b.len : size - 1;
	while (n > 0 && n < b.len && (b.s[n] & 0xC0) == 0x80)
		n--;	/* never half a character */
	memcpy(buf, b.s, n);
	buf[n] = '\0';
	sbuf_free(&b);
}
