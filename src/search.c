/* search.c: finding a typed pattern in a page. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "search.h"
#include "util.h"

void
search_free(struct search *s)
{
	free(s->text);
	free(s->fold);
	memset(s, 0, sizeof *s);
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
		s->fold[s->nfold++] = uc_tolower(c);
	}
	return true;
}

/* Does the pattern match src at byte i?  Sets *end past the match. */
static bool
match_at(const struct search *s, const char *src, size_t n, size_t i,
         size_t *end)
{
	const uint8_t *p = (const uint8_t *)src + i, *e = (const uint8_t *)src + n;

	for (size_t k = 0; k < s->nfold; k++) {
		ucs4_t c;

		if (p >= e)
			return false;
		p += u8_mbtouc(&c, p, (size_t)(e - p));
		if (uc_tolower(c) != s->fold[k])
			return false;
	}
	*end = (size_t)(p - (const uint8_t *)src);
	return true;
}

static void
search_text(const struct search *s, const char *src, struct matches *out)
{
	size_t n, i = 0;

	if (src == NULL)
		return;
	n = strlen(src);
	while (i < n) {
		size_t end;

		if (match_at(s, src, n, i, &end)) {
			grow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
			out->v[out->n++] = (struct match){src, i, end};
			i = end;
			continue;
		}
		i++;
		while (i < n && ((unsigned char)src[i] & 0xC0) == 0x80)
			i++;
	}
}

void
search_page(const struct search *s, const struct page *p, struct matches *out)
{
	out->n = 0;
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
