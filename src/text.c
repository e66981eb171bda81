/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* text.c: UTF-8 text as a terminal shows it. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "util.h"

int
text_char_width(ucs4_t c)
{
	int w;

	if (c >= 0x20 && c < 0x7F)
		return 1;	/* ASCII: no table to look in */
	/* Pass "UTF-8": a legacy CJK encoding name would make nearly every
	 * non-ASCII character two columns wide. */
	w = uc_width(c, "UTF-8");
	return w < 0 ? 0 : w;
}

int
text_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int w = 0;

	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, (size_t)(end - p));

		w += text_char_width(c);
		p += len;
	}
	return w;
}

/* ------------------------------------------------ ambiguous characters */

static const struct range {
	ucs4_t lo, hi;
} ambiguous_ranges[] = {
#include "ambiguous.inc"
};

static int
cmp_range(const void *key, const void *elem)
{
	ucs4_t c = *(const ucs4_t *)key;
	const struct range *r = elem;

	return c < r->lo ? -1 : c > r->hi ? 1 : 0;
}

bool
text_is_ambiguous(ucs4_t c)
{
	if (c < 0xA1)
		return false;
	return bsearch(&c, ambiguous_ranges,
	               sizeof ambiguous_ranges / sizeof *ambiguous_ranges,
	               sizeof *ambiguous_ranges, cmp_range) != NULL;
}

/* Unambiguous stand-ins, sorted by code point. */
static const struct subst {
	ucs4_t c;
	const char *to;
} substs[] = {
	{0x00A1, "!"}, {0x00AB, "<<"}, {0x00AE, "(R)"}, {0x00B1, "+/-"},
	{0x00B2, "2"}, {0x00B3, "3"}, {0x00B7, "."}, {0x00B9, "1"},
	{0x00BB, ">>"}, {0x00BC, "1/4"}, {0x00BD, "1/2"}, {0x00BE, "3/4"},
	{0x00BF, "?"}, {0x00D7, "x"}, {0x00F7, "/"},
	{0x2010, "-"}, {0x2013, "-"}, {0x2014, "--"}, {0x2015, "--"},
	{0x2016, "||"}, {0x2018, "'"}, {0x2019, "'"}, {0x201C, "\""},
	{0x201D, "\""}, {0x2020, "+"}, {0x2021, "++"}, {0x2022, "*"},
	{0x2024, "."}, {0x2025, ".."}, {0x2026, "..."}, {0x2027, "."},
	{0x2030, "0/00"}, {0x2032, "'"}, {0x2033, "\""}, {0x2035, "`"},
	{0x203B, "*"}, {0x203E, "-"}, {0x2103, "C"}, {0x2109, "F"},
	{0x2116, "No."}, {0x2121, "TEL"}, {0x2122, "TM"},
	{0x2190, "<-"}, {0x2191, "^"}, {0x2192, "->"}, {0x2193, "v"},
	{0x2194, "<->"}, {0x21D2, "=>"}, {0x21D4, "<=>"},
	{0x2212, "-"}, {0x2215, "/"}, {0x2260, "!="}, {0x2264, "<="},
	{0x2265, ">="},
	{0x2500, "-"}, {0x2501, "-"}, {0x2502, "|"}, {0x2503, "|"},
	{0x2550, "="}, {0x2551, "|"},
	{0x25A0, "#"}, {0x25A1, "#"}, {0x25B2, "^"}, {0x25B3, "^"},
	{0x25BC, "v"}, {0x25BD, "v"}, {0x25C6, "*"}, {0x25C7, "*"},
	{0x25CB, "o"}, {0x25CE, "o"}, {0x25CF, "*"},
	{0x2605, "*"}, {0x2606, "*"},
};

static int
cmp_subst(const void *key, const void *elem)
{
	ucs4_t c = *(const ucs4_t *)key;
	const struct subst *s = elem;

	return c < s->c ? -1 : c > s->c;
}

/* The character's compatibility decomposition without its combining
 * marks ('é' -> 'e', '₂' -> '2'), if that has no ambiguous character. */
static bool
add_decomposed(struct sbuf *b, ucs4_t c)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	uint8_t out[UC_DECOMPOSITION_MAX_LENGTH * 4];
	int tag, n = uc_decomposition(c, &tag, d);
	size_t len = 0;

	if (n <= 0)
		return false;
	for (int i = 0; i < n; i++) {
		if (text_char_width(d[i]) == 0)
			continue;
		if (text_is_ambiguous(d[i]) || d[i] < 0x20)
			return false;
		len += (size_t)u8_uctomb(out + len, d[i], (int)(sizeof out - len));
	}
	if (len == 0)
		return false;
	sbuf_add(b, (const char *)out, len);
	return true;
}

static void
add_stand_in(struct sbuf *b, ucs4_t c)
{
	const struct subst *s = bsearch(&c, substs, sizeof substs / sizeof *substs,
	                                sizeof *substs, cmp_subst);
	char tmp[8];

	if (s != NULL) {
		sbuf_adds(b, s->to);
	} else if (c >= 0x2460 && c <= 0x2473) {	/* circled 1..20 */
		snprintf(tmp, sizeof tmp, "(%u)", (unsigned)(c - 0x2460 + 1));
		sbuf_adds(b, tmp);
	} else if (c >= 0x2500 && c <= 0x257F) {	/* other box drawing */
		sbuf_addc(b, '+');
	} else if (add_decomposed(b, c)) {
		/* done: 'é' -> 'e' */
	} else {
		sbuf_addc(b, '?');
	}
}

char *
text_unambiguous(const char *s, size_t n, size_t *outlen)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	struct sbuf b = {0};

	sbuf_add(&b, "", 0);
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, (size_t)(end - p));

		if (text_is_ambiguous(c) && text_char_width(c) == 1)
			add_stand_in(&b, c);
		else
			sbuf_add(&b, (const char *)p, (size_t)len);
		p += len;
	}
	if (outlen != NULL)
		*outlen = b.len;
	return b.s;
}

/* ------------------------------------------------ break opportunities */

/* Kinsoku shori (JIS X 4051, W3C jlreq and clreq): characters that must
 * not start a line -- only those that UAX #14, as libunistring 1.0 has
 * it, would let start one.  The rest of jlreq's and clreq's list, closing
 * brackets and 、。，．！？ among them, are of class CL, CP, EX or IS,
 * which LB13 keeps off a line's start even after a space.  Nor does any
 * character need keeping off a line's end: opening brackets are OP
 * (LB14) and ‘ “ « ‹ are QU (LB19), and UAX #14 never breaks after those.
 * What is left, by class:
 *   NS, CJ  small kana, ー, 々 ゝ ヽ, ・, ゛, 〜, ： ；, ‼ ⁇: LB21 ties them
 *           to what precedes (libunistring reads CJ as NS), but after a
 *           space LB18 breaks first;
 *   BA, QU  ‐ – (jlreq's hyphens), ’ ” » ›: the same, after a space
 *           (’ ” before a narrow character; before a wide one they are
 *           」 to libunistring, see quotes_as_brackets);
 *   PO      ° ‰ ℃ ％: tied only to a number, letter or ideograph before
 *           them (LB23a-LB25); after ー, っ, punctuation or a space
 *           UAX #14 breaks;
 *   ID      ～ (U+FF5E, which CP932 text has for the wave dash 〜): an
 *           ideograph to UAX #14, which breaks on both sides of it.
 * Sorted: searched with bsearch. */
static const ucs4_t no_start[] = {
	0x00B0,						/* ° PO */
	0x00BB,						/* » QU */
	0x2010, 0x2013,					/* ‐ – BA */
	0x2019, 0x201D,					/* ’ ” QU */
	0x2030,						/* ‰ PO */
	0x203A,						/* › QU */
	0x203C, 0x2047, 0x2048, 0x2049,			/* ‼ ⁇ ⁈ ⁉ NS */
	0x2103,						/* ℃ PO */
	0x3005, 0x301C, 0x303B,				/* 々 〜 〻 NS */
	0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063,	/* ぁぃぅぇぉっ CJ */
	0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,	/* ゃゅょゎゕゖ CJ */
	0x309B, 0x309C, 0x309D, 0x309E, 0x30A0,		/* ゛゜ゝゞ゠ NS */
	0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3,	/* ァィゥェォッ CJ */
	0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,	/* ャュョヮヵヶ CJ */
	0x30FB,						/* ・ NS */
	0x30FC,						/* ー CJ */
	0x30FD, 0x30FE,					/* ヽヾ NS */
	0x31F0, 0x31F1, 0x31F2, 0x31F3, 0x31F4, 0x31F5,	/* ㇰㇱㇲㇳㇴㇵ CJ */
	0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB,	/* ㇶㇷㇸㇹㇺㇻ CJ */
	0x31FC, 0x31FD, 0x31FE, 0x31FF,			/* ㇼㇽㇾㇿ CJ */
	0xFF05,						/* ％ PO */
	0xFF1A, 0xFF1B,					/* ： ； NS */
	0xFF5E,						/* ～ ID */
	0xFF65,						/* ･ NS */
	0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B, 0xFF6C,	/* ｧｨｩｪｫｬ CJ */
	0xFF6D, 0xFF6E, 0xFF6F, 0xFF70,			/* ｭｮｯｰ CJ */
};

static int
cmp_ucs4(const void *a, const void *b)
{
	ucs4_t x = *(const ucs4_t *)a, y = *(const ucs4_t *)b;

	return x < y ? -1 : x > y;
}

/* Japanese and Chinese: no line starts with a no_start character. */
static char
kinsoku(char brk, ucs4_t next)
{
	if (brk == UC_BREAK_POSSIBLE
	    && bsearch(&next, no_start, sizeof no_start / sizeof *no_start,
	               sizeof *no_start, cmp_ucs4) != NULL)
		return UC_BREAK_PROHIBITED;
	return brk;
}

/* Unicode 14's UAX #14 glues the curly quotes to both neighbours (LB19;
 * 15.1 fixed it), so that 他说“你好”他说 could break neither before “
 * nor after ”.  In Japanese and Chinese a quote touching a wide character
 * is the bracket it stands for: ‘ “ after one open like 「, ’ ” before one
 * close like 」, and break -- or hold, as in 」。 and 「「 -- as those do.
 * Returns a copy of u with those quotes made brackets (three bytes each,
 * like the quotes), for libunistring to read instead; NULL if none. */
static uint8_t *
quotes_as_brackets(const uint8_t *u, size_t n)
{
	uint8_t *t = NULL;
	ucs4_t prev = 0, c, next = 0;
	int len = u8_mbtouc(&c, u, n);

	for (size_t i = 0; i < n; prev = c, c = next) {
		size_t j = i + (size_t)len;
		ucs4_t bracket = 0;

		len = j < n ? u8_mbtouc(&next, u + j, n - j) : 0;
		if (j >= n)
			next = 0;
		if ((c == 0x2018 || c == 0x201C) && text_char_width(prev) == 2)
			bracket = 0x300C;
		else if ((c == 0x2019 || c == 0x201D) && text_char_width(next) == 2)
			bracket = 0x300D;
		if (bracket != 0) {
			if (t == NULL)
				t = memcpy(xmalloc(n), u, n);
			u8_uctomb(t + i, bracket, 3);
		}
		i = j;
	}
	return t;
}

void
text_breaks(const char *s, size_t n, enum break_rules rules, char *p)
{
	const uint8_t *u = (const uint8_t *)s;
	uint8_t *brackets = NULL;
	ucs4_t prev = 0;

	if (rules == BREAK_KINSOKU && n > 0)
		brackets = quotes_as_brackets(u, n);
	u8_possible_linebreaks(brackets != NULL ? brackets : u, n, "UTF-8", p);
	free(brackets);
	if (rules == BREAK_UAX14)
		return;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, u + i, n - i);

		if (i > 0 && rules == BREAK_KEEP_ALL) {
			/* keep-all: only a space ends a Korean word. */
			if (p[i] == UC_BREAK_POSSIBLE && prev != ' ')
				p[i] = UC_BREAK_PROHIBITED;
		} else if (i > 0) {
			p[i] = kinsoku(p[i], c);
		}
		prev = c;
		i += (size_t)len;
	}
}

/* ------------------------------------------------ the fill loop */

/* A line of `width` columns, less the spaces before its break, which the
 * break consumes (a space is one column). */
static void
add_line(struct tlines *out, const char *s, size_t start, size_t end,
         int width, bool overwide)
{
	struct tline *l;

	while (!overwide && end > start && s[end - 1] == ' ') {
		end--;
		width--;
	}
	grow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
	l = &out->v[out->n++];
	l->start = start;
	l->end = end;
	l->width = width;
	l->overwide = overwide;
}

/* Lay out one line starting at `start`; returns where the next begins.
 * The line's width is the sum of its graphemes' widths: gw, where a
 * byte is not ASCII, has each grapheme's width at its first byte (and
 * -1 inside it), measured once for the whole text (NULL: the text is
 * ASCII, each byte a grapheme of one column). */
static size_t
fill_line(const char *s, size_t n, size_t start, int width, const char *brk,
          const signed char *gw, struct tlines *out)
{
	size_t i = start, last_break = 0;
	int col = 0, col_at_break = 0;

	while (i < n) {
		size_t end = i + 1;
		int w = 1;

		if (s[i] == '\n') {
			add_line(out, s, start, i, col, false);
			return i + 1;
		}
		if (i > start && brk[i] == UC_BREAK_POSSIBLE) {
			last_break = i;
			col_at_break = col;
		}
		if (gw != NULL) {
			/* a number (-1 inside a grapheme), not a character */
			w = gw[i];	/* NOLINT(bugprone-signed-char-misuse,cert-str34-c) */
			while (end < n && gw[end] < 0)
				end++;
		}
		/* A space never overflows: if a break follows, it is consumed.
		 * (A space carrying a combining mark is ink, not a space.) */
		if (!(s[i] == ' ' && end == i + 1) && col + w > width) {
			if (last_break > start) {
				add_line(out, s, start, last_break, col_at_break, false);
				return last_break;
			}
			if (i > start) {
				add_line(out, s, start, i, col, false);
				return i;
			}
			add_line(out, s, i, end, width, true);
			return end;
		}
		col += w;
		i = end;
	}
	add_line(out, s, start, n, col, false);
	return n;
}

/* Each grapheme's width at its first byte, -1 on the others: the
 * grapheme breaks, then every character measured once (an ASCII one with
 * no table, text_char_width). */
static signed char *
grapheme_widths(const char *s, size_t n)
{
	signed char *gw = xmalloc(n);
	size_t start = 0;
	int w = 0;

	u8_grapheme_breaks((const uint8_t *)s, n, (char *)gw);
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);

		if (i > 0 && gw[i]) {
			gw[start] = (signed char)(w > 127 ? 127 : w);
			start = i;
			w = 0;
		}
		w += text_char_width(c);
		for (int k = 0; k < len; k++)
			if (i + (size_t)k != start)
				gw[i + (size_t)k] = -1;
		i += (size_t)len;
	}
	gw[start] = (signed char)(w > 127 ? 127 : w);
	return gw;
}

static bool
has_non_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

void
text_prepare(const char *s, size_t n, enum break_rules rules, struct tprep *p)
{
	p->brk = NULL;
	p->gw = NULL;
	if (n == 0)
		return;
	p->brk = xmalloc(n);
	text_breaks(s, n, rules, p->brk);
	if (has_non_ascii(s, n))
		p->gw = grapheme_widths(s, n);
}

void
text_prep_free(struct tprep *p)
{
	free(p->brk);
	free(p->gw);
	p->brk = NULL;
	p->gw = NULL;
}

static void
wrap(const char *s, size_t n, int width, const char *brk, const signed char *gw,
     struct tlines *out)
{
	size_t pos = 0;

	if (width < 1)
		width = 1;
	if (n == 0) {
		add_line(out, s, 0, 0, 0, false);
		return;
	}
	while (pos < n)
		pos = fill_line(s, n, pos, width, brk, gw, out);
	/* A text ending in a line feed ends with an empty line. */
	if (s[n - 1] == '\n')
		add_line(out, s, n, n, 0, false);
}

void
text_wrap_prepared(const char *s, size_t n, int width, const struct tprep *p,
                   struct tlines *out)
{
	wrap(s, n, width, p->brk, p->gw, out);
}

void
text_wrap(const char *s, size_t n, int width, enum break_rules rules,
          struct tlines *out)
{
	struct tprep p;

	text_prepare(s, n, rules, &p);
	wrap(s, n, width, p.brk, p.gw, out);
	text_prep_free(&p);
}

void
text_wrap_breaks(const char *s, size_t n, int width, const char *brk,
                 struct tlines *out)
{
	signed char *gw = n > 0 && has_non_ascii(s, n) ? grapheme_widths(s, n) : NULL;

	wrap(s, n, width, brk, gw, out);
	free(gw);
}
