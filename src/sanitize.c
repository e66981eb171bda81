/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* sanitize.c: the one rule for what may reach a terminal. */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Plain characters, sorted: what the bundles are written in (Latin,
 * general punctuation and symbols, CJK punctuation, kana, Hangul
 * syllables, ideographs, full-width forms), less every character that
 * is refused, combines, or changes under NFC: the soft hyphen (Cf),
 * U+2000/1, U+2126, U+212A/B, U+2329/A and the CJK compatibility
 * ideographs (singleton decompositions), the ideographic tone marks
 * U+302A..F and the combining kana voicing marks U+3099/A (classes
 * 218..232 and 8), and the Hangul fillers U+3164 and U+FFA0 (default
 * ignorable).  Conjoining jamo, combining marks and the Indic vowel
 * signs that compose are out of every range. */
static const struct {
	ucs4_t lo, hi;
} plain[] = {
	{0x0020, 0x007E}, {0x00A0, 0x00AC}, {0x00AE, 0x02FF},
	{0x2010, 0x2027}, {0x2030, 0x205E}, {0x20A0, 0x20C0},
	{0x2100, 0x2125}, {0x2127, 0x2129}, {0x212C, 0x218B},
	{0x2190, 0x2328}, {0x232B, 0x23FF}, {0x2460, 0x27BF},
	{0x3000, 0x3029}, {0x3030, 0x303F}, {0x3041, 0x3096},
	{0x309B, 0x30FF}, {0x3131, 0x3163}, {0x3165, 0x318E},
	{0x31F0, 0x321E},
	{0x3220, 0x32FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
	{0xAC00, 0xD7A3}, {0xFF01, 0xFF9F}, {0xFFA1, 0xFFBE},
	{0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7},
	{0xFFDA, 0xFFDC}, {0xFFE0, 0xFFE6}, {0xFFE8, 0xFFEE},
};

bool
sanitize_char_plain(ucs4_t c)
{
	size_t lo = 0, hi = sizeof plain / sizeof *plain;

	if (c < 0x80)
		return c >= 0x20 && c < 0x7F;
	/* The ideographs and Hangul syllables, most of CJK text, at once. */
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3))
		return true;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c < plain[mid].lo)
			hi = mid;
		else if (c > plain[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#ifdef ICLEI_DEBUG
void
sanitize_assert_trusted(const char *s, size_t n, const char *where)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	while (p < end) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (len < 0 || c == '\n' || !sanitize_char_ok(c)) {
			fprintf(stderr, "%s: untrusted text reached the output (byte %zu)\n",
			        where, (size_t)(p - (const uint8_t *)s));
			abort();
		}
		p += len;
	}
}
#endif

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

/* The kinds of argument a conversion takes. */
enum arg_kind { K_NONE, K_INT, K_LONG, K_LLONG, K_SIZE, K_INTMAX, K_PTRDIFF,
                K_UINT, K_ULONG, K_ULLONG, K_USIZE, K_UINTMAX, K_DOUBLE,
                K_LDOUBLE, K_STRING, K_POINTER };

#define MAX_ARGS 16	/* positions a format may name, as %9$s */

/* One conversion: "%-08.3zu" (less any "n$") as we hand it to snprintf,
 * the argument it takes, and where that argument is (1-based). */
struct conv {
	char spec[32];
	enum arg_kind kind;
	int pos;
	int star_pos;		/* a '*' width's argument, or 0 */
};

union arg {
	long long i;
	unsigned long long u;
	long double ld;
	double d;
	const char *s;
	void *p;
};

static enum arg_kind
kind_of(const char *len, char c)
{
	static const struct {
		const char *len;
		enum arg_kind sgn, uns;
	} ints[] = {
		{"", K_INT, K_UINT}, {"hh", K_INT, K_UINT}, {"h", K_INT, K_UINT},
		{"l", K_LONG, K_ULONG}, {"ll", K_LLONG, K_ULLONG}, {"z", K_SIZE, K_USIZE},
		{"j", K_INTMAX, K_UINTMAX}, {"t", K_PTRDIFF, K_PTRDIFF},
	};

	switch (c) {
	case 's':
		return K_STRING;
	case 'p':
		return K_POINTER;
	case 'c':
		return K_INT;
	case 'f': case 'e': case 'E': case 'g': case 'G':
		return strcmp(len, "L") == 0 ? K_LDOUBLE : K_DOUBLE;
	case '%':
		return K_NONE;
	default:
		for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
			if (strcmp(len, ints[i].len) == 0)
				return c == 'd' || c == 'i' ? ints[i].sgn : ints[i].uns;
		return K_NONE;
	}
}

/* Parse the conversion at fmt (just after '%') into cv; *next numbers
 * the arguments of the ones without a position.  Returns its length, 0
 * if malformed. */
static size_t
parse_conv(const char *fmt, struct conv *cv, int *next)
{
	const char *p = fmt;
	char len[3] = "";
	size_t n = 0, k = 0;
	int pos = 0;

	memset(cv, 0, sizeof *cv);
	cv->spec[n++] = '%';
	for (const char *q = p; *q >= '0' && *q <= '9'; q++)
		if (q[1] == '$') {	/* "%2$s": the second argument */
			pos = (int)strtol(p, NULL, 10);
			p = q + 2;
			break;
		}
	while (*p != '\0' && strchr("-+ #0'", *p) != NULL && n < 8)
		cv->spec[n++] = *p++;
	if (*p == '*') {
		cv->star_pos = ++*next;
		cv->spec[n++] = *p++;
	}
	while (*p >= '0' && *p <= '9' && n < 16)
		cv->spec[n++] = *p++;
	if (*p == '.') {
		cv->spec[n++] = *p++;
		while (*p >= '0' && *p <= '9' && n < 24)
			cv->spec[n++] = *p++;
	}
	while (k < 2 && *p != '\0' && strchr("hljztL", *p) != NULL)
		len[k++] = cv->spec[n++] = *p++;
	if (*p == '\0' || strchr("diouxXcspfeEgG%", *p) == NULL)
		return 0;
	cv->spec[n++] = *p;
	cv->spec[n] = '\0';
	cv->kind = kind_of(len, *p);
	cv->pos = cv->kind == K_NONE ? 0 : pos > 0 ? pos : ++*next;
	if (cv->pos > MAX_ARGS || (cv->kind == K_NONE && *p != '%'))
		return 0;
	return (size_t)(p + 1 - fmt);
}

/* The argument of each position, in order, as its conversion reads it. */
static void
fetch(union arg *v, const enum arg_kind *kinds, int n, va_list ap)
{
	/* Some of these types are one type on this ABI (ssize_t is long),
	 * not on every one: each named as its conversion says. */
	/* NOLINTBEGIN(bugprone-branch-clone) */
	for (int i = 1; i <= n; i++)
		switch (kinds[i]) {
		case K_INT: v[i].i = va_arg(ap, int); break;
		case K_LONG: v[i].i = va_arg(ap, long); break;
		case K_LLONG: v[i].i = va_arg(ap, long long); break;
		case K_SIZE: v[i].i = va_arg(ap, ssize_t); break;
		case K_INTMAX: v[i].i = va_arg(ap, intmax_t); break;
		case K_PTRDIFF: v[i].i = va_arg(ap, ptrdiff_t); break;
		case K_UINT: v[i].u = va_arg(ap, unsigned); break;
		case K_ULONG: v[i].u = va_arg(ap, unsigned long); break;
		case K_ULLONG: v[i].u = va_arg(ap, unsigned long long); break;
		case K_USIZE: v[i].u = va_arg(ap, size_t); break;
		case K_UINTMAX: v[i].u = va_arg(ap, uintmax_t); break;
		case K_DOUBLE: v[i].d = va_arg(ap, double); break;
		case K_LDOUBLE: v[i].ld = va_arg(ap, long double); break;
		case K_STRING: v[i].s = va_arg(ap, const char *); break;
		case K_POINTER: v[i].p = va_arg(ap, void *); break;
		default: v[i].i = va_arg(ap, int); break;	/* a position no
							   conversion names: an int, as C says */
		}
	/* NOLINTEND(bugprone-branch-clone) */
}

/* cv's spec is one parse_conv built and checked, and its value is of the
 * type it names: a format we made, not one from outside. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
convert(struct sbuf *b, const struct conv *in, const union arg *v)
{
	char tmp[64];
	struct sbuf clean = {0};
	const union arg *a = &v[in->pos];
	struct conv c = *in, *cv = &c;

	if (in->star_pos > 0) {
		/* The '*' width given: written into the spec. */
		char *star = strchr(in->spec, '*');

		snprintf(c.spec, sizeof c.spec, "%.*s%d%s", (int)(star - in->spec), in->spec,
		         (int)v[in->star_pos].i, star + 1);
	}
	switch (cv->kind) {
	case K_STRING:
		sanitize_append(&clean, a->s != NULL ? a->s : "(null)",
		                a->s != NULL ? strlen(a->s) : 6, false);
		sbuf_printf(b, cv->spec, clean.s != NULL ? clean.s : "");
		sbuf_free(&clean);
		return;
	case K_NONE:
		snprintf(tmp, sizeof tmp, "%%");
		break;
	case K_INT: case K_UINT:
		snprintf(tmp, sizeof tmp, cv->spec, (int)a->i);
		break;
	case K_LONG: case K_ULONG:
		snprintf(tmp, sizeof tmp, cv->spec, (long)a->i);
		break;
	case K_SIZE: case K_USIZE:
		snprintf(tmp, sizeof tmp, cv->spec, (size_t)a->u);
		break;
	case K_INTMAX: case K_UINTMAX:
		snprintf(tmp, sizeof tmp, cv->spec, (intmax_t)a->i);
		break;
	case K_PTRDIFF:
		snprintf(tmp, sizeof tmp, cv->spec, (ptrdiff_t)a->i);
		break;
	case K_DOUBLE:
		snprintf(tmp, sizeof tmp, cv->spec, a->d);
		break;
	case K_LDOUBLE:
		snprintf(tmp, sizeof tmp, cv->spec, a->ld);
		break;
	case K_POINTER:
		snprintf(tmp, sizeof tmp, cv->spec, a->p);
		break;
	default:	/* K_LLONG, K_ULLONG */
		snprintf(tmp, sizeof tmp, cv->spec, a->i);
		break;
	}
	sanitize_append(b, tmp, strlen(tmp), false);
}
#pragma GCC diagnostic pop

void
sanitize_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	enum arg_kind kinds[MAX_ARGS + 1] = {K_NONE};
	union arg v[MAX_ARGS + 1] = {{0}};	/* the unnamed ones too */
	struct conv cv;
	int next = 0, max = 0;
	va_list copy;

	/* Two passes, as positions ("%2$s") let a translation take the
	 * arguments in its own order: what each position holds, then the
	 * text. */
	for (const char *p = strchr(fmt, '%'); p != NULL; p = strchr(p, '%')) {
		size_t n = parse_conv(p + 1, &cv, &next);

		if (n == 0)
			break;
		if (cv.kind != K_NONE)
			kinds[cv.pos] = cv.kind;
		if (cv.star_pos > 0)
			kinds[cv.star_pos] = K_INT;
		max = cv.pos > max ? cv.pos : max;
		max = cv.star_pos > max ? cv.star_pos : max;
		p += 1 + n;
	}
	va_copy(copy, ap);
	fetch(v, kinds, max, copy);
	va_end(copy);
	next = 0;
	sbuf_add(b, "", 0);
	while (*fmt != '\0') {
		const char *pct = strchr(fmt, '%');
		size_t n;

		if (pct == NULL) {
			sbuf_adds(b, fmt);
			break;
		}
		sbuf_add(b, fmt, (size_t)(pct - fmt));
		if ((n = parse_conv(pct + 1, &cv, &next)) == 0) {
			sbuf_adds(b, pct);	/* not ours to guess at: as it is */
			break;
		}
		convert(b, &cv, v);
		fmt = pct + 1 + n;
	}
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
