/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* search.c: finding a typed pattern in a page.
 *
 * Knuth-Morris-Pratt over folded code points: one pass over each text
 * whatever the pattern (a naive scan took seconds on a long paragraph and
 * a pattern like "aaa...ab"), and a match is kept only if it begins and
 * ends on grapheme boundaries, so a highlight never splits a letter from
 * its marks. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "search.h"
#include "util.h"

void
search_free(struct search *s)
{
	free(s->text);
	free(s->fold);
	free(s->next);
	memset(s, 0, sizeof *s);
}

/* The KMP failure function: next[k] is the length of the longest proper
 * prefix of fold[0..k] that is also its suffix. */
static void
make_next(struct search *s)
{
	size_t k = 0;

	s->next = xcalloc(s->nfold, sizeof *s->next);
	for (size_t i = 1; i < s->nfold; i++) {
		while (k > 0 && s->fold[i] != s->fold[k])
			k = s->next[k - 1];
		if (s->fold[i] == s->fold[k])
			k++;
		s->next[i] = k;
	}
}

/* One code point as search compares it.  Readers type what their
 * keyboard has: an ASCII apostrophe, quote or hyphen for the bundle's
 * typographic ones, half-width Latin for the full-width forms a Japanese
 * or Chinese text uses (and the other way round), any case.  Each fold
 * is one code point to one, so a match's offsets in the folded text are
 * its offsets in the original, where it is highlighted. */
static ucs4_t
fold(ucs4_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201B: case 0x2032:	/* ‘ ’ ‛ ′ */
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:	/* “ ” „ ‟ ″ */
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212:	/* the hyphens and dashes, minus */
		return '-';
	case 0x3000:	/* ideographic space */
		return ' ';
	}
	if (c >= 0xFF01 && c <= 0xFF5E)	/* full-width ASCII */
		c -= 0xFEE0;
	return uc_tolower(c);
}

bool
search_set(struct search *s, const char *utf8)
{
	size_t n = strlen(utf8), len;
	uint8_t *nfc;
	const uint8_t *p, *end;

	search_free(s);
	if (n == 0 || u8_check((const uint8_t *)utf8, n) != NULL)
		return false;
	/* A terminal may send decomposed Hangul or accents: compare in NFC,
	 * as the bundle is stored. */
	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)utf8, n, NULL, &len);
	if (nfc == NULL)
		return false;
	s->text = xmemdup0(nfc, len);
	free(nfc);
	s->fold = xcalloc(len, sizeof *s->fold);
	p = (const uint8_t *)s->text;
	end = p + len;
	while (p < end) {
		ucs4_t c;

		p += u8_mbtouc(&c, p, (size_t)(end - p));
		s->fold[s->nfold++] = fold(c);
	}
	make_next(s);
	return true;
}

static void
add_match(struct matches *out, const char *src, size_t start, size_t end)
{
	grow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct match){src, start, end};
}

/* Every match of s in src, left to right, none overlapping. */
static void
search_text(const struct search *s, const char *src, struct matches *out)
{
	const uint8_t *u = (const uint8_t *)src;
	size_t n, m = s->nfold, k = 0, i = 0, ncp = 0;
	size_t *starts;		/* where the last m code points began, a ring */
	char *gbrk;

	if (src == NULL || (n = strlen(src)) == 0)
		return;
	starts = xcalloc(m, sizeof *starts);
	gbrk = xmalloc(n);
	u8_grapheme_breaks(u, n, gbrk);
	while (i < n) {
		ucs4_t c;
		size_t at = i;

		i += (size_t)u8_mbtouc(&c, u + i, n - i);
		starts[ncp++ % m] = at;
		c = fold(c);
		while (k > 0 && c != s->fold[k]) {
			k = s->next[k - 1];
			out->compared++;
		}
		out->compared++;
		if (c == s->fold[k])
			k++;
		if (k < m)
			continue;
		/* A whole match: [start, i).  Keep it only between grapheme
		 * boundaries; else look on, as KMP does after a match. */
		at = starts[(ncp - m) % m];
		if ((at == 0 || gbrk[at]) && (i == n || gbrk[i])) {
			add_match(out, src, at, i);
			k = 0;
		} else {
			k = s->next[k - 1];
		}
	}
	free(starts);
	free(gbrk);
}

void
search_page(const struct search *s, const struct page *p, struct matches *out)
{
	out->n = 0;
	out->compared = 0;
	if (s->nfold == 0)
		return;
	search_text(s, p->title, out);
	for (size_t j = 0; j < p->nblocks; j++) {
		const struct block *b = &p->blocks[j];

		search_text(s, b->text, out);
		for (size_t k = 0; k < b->nitems; k++)
			search_text(s, b->items[k], out);
		search_text(s, b->by, out);
		search_text(s, b->role, out);
	}
}

long
search_tags(const struct search *s, const struct bundle *b, const size_t *order,
            long from, int dir)
{
	long n = (long)b->ntags;
	struct matches m = {0};
	long found = -1;

	if (s->nfold == 0 || n == 0)
		return -1;
	for (long k = 1; k <= n && found < 0; k++) {
		long r = ((from + dir * k) % n + n) % n;

		m.n = 0;
		search_text(s, b->tags[order[r]].label, &m);
		if (m.n > 0)
			found = r;
	}
	free(m.v);
	return found;
}

void
search_map_lines(const struct doc *d, const struct matches *m, size_t *lines)
{
	size_t i = 0;

	for (size_t k = 0; k < m->n; k++) {
		const struct match *x = &m->v[k];
		size_t j = i;

		/* The first line of that text ending past the match's start
		 * (a match may begin in spaces consumed by a break). */
		while (j < d->n && !(d->v[j].src == x->src && x->start < d->v[j].end))
			j++;
		lines[k] = j;
		if (j < d->n)
			i = j;	/* the next match is at or after this line */
	}
}

bool
search_match_on_line(const struct match *m, const struct dline *l,
                     size_t *from, size_t *to)
{
	if (l->src != m->src || m->end <= l->start || m->start >= l->end)
		return false;
	*from = m->start > l->start ? m->start : l->start;
	*to = m->end < l->end ? m->end : l->end;
	return true;
}
