/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* search.h: finding a typed pattern in a page, for / n N.  No curses.
 *
 * Matching is case-insensitive (simple case folding) on the page's
 * source texts, so a match may run across a line break of the layout;
 * the page view maps matches onto display lines for highlighting.  It
 * takes time linear in the text whatever the pattern, and a match begins
 * and ends on grapheme cluster boundaries. */
#ifndef ICLEI_SEARCH_H
#define ICLEI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <unitypes.h>

#include "bundle.h"
#include "layout.h"

struct search {
	char *text;		/* the pattern as typed, NFC */
	ucs4_t *fold;		/* folded, for matching */
	size_t nfold;
	size_t *next;		/* KMP's failure function over fold */
};

struct match {
	const char *src;	/* one of the page's texts */
	size_t start, end;	/* bytes of src */
};

struct matches {
	struct match *v;
	size_t n, cap;
	unsigned long long compared;	/* characters compared (tests, bench) */
};

/* Set the pattern; false (and no pattern) when it is empty. */
bool search_set(struct search *s, const char *utf8);
void search_free(struct search *s);

/* Replace *out with every match of s in page p, in the order the page is
 * laid out (title, then each block's texts). */
void search_page(const struct search *s, const struct page *p,
                 struct matches *out);

/* The rank (an index into order, the bundle's tags by rank) of the next
 * tag after rank `from` (-1: before the first) whose label s matches,
 * going dir (1 or -1) and round; -1 when none does. */
long search_tags(const struct search *s, const struct bundle *b, const size_t *order,
                 long from, int dir);

/* The display line where each match starts (d->n for one not laid out),
 * into lines[0..m->n): one pass over both, as the page lays its texts
 * out in the order search_page finds them. */
void search_map_lines(const struct doc *d, const struct matches *m,
                      size_t *lines);

/* The bytes of line l covered by m, if any. */
bool search_match_on_line(const struct match *m, const struct dline *l,
                          size_t *from, size_t *to);

#endif
