/* test-layout.c: the layout engine's promises, as properties over every
 * block of the real bundle, in every language, at every width from 1 to
 * 120, with ambiguous characters narrow and wide:
 *
 *   - no line is wider than the width, and the width a line claims is the
 *     width its text really takes (as ncurses and --dump will draw it);
 *   - nothing is lost: each text's lines, with the spaces consumed at the
 *     breaks (and the line feed of a mandatory break) put back, are the
 *     text, byte for byte;
 *   - every break is a break opportunity of the language's rules (so
 *     Korean breaks only between words, Japanese and Chinese hold
 *     kinsoku), unless the unit around it is wider than the line;
 *   - continuation lines of a list item hang under its text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "bundle.h"
#include "bundleset.h"
#include "check.h"
#include "dump.h"
#include "layout.h"
#include "text.h"
#include "util.h"

enum { MAX_WIDTH = 120 };

struct tally {
	int cases, too_wide, wrong_width, lost, bad_break, bad_hang;
	char first[256];	/* the first failure, for the message */
};

static void
failed(struct tally *t, int *counter, const char *what, const struct page *p,
       int w)
{
	if (t->first[0] == '\0')
		snprintf(t->first, sizeof t->first, "%s on page %s at width %d",
		         what, p->id, w);
	(*counter)++;
}

/* Width of the text a unit-wider-than-the-line split cut: the stretch of
 * src between the break opportunities around byte `at`. */
static int
unit_width(const char *src, const char *brk, size_t at)
{
	size_t n = strlen(src), lo = at, hi = at + 1;

	while (lo > 0 && brk[lo] != UC_BREAK_POSSIBLE && src[lo - 1] != '\n')
		lo--;
	while (hi < n && brk[hi] != UC_BREAK_POSSIBLE && src[hi] != '\n')
		hi++;
	while (hi > lo && src[hi - 1] == ' ')
		hi--;
	return text_width(src + lo, hi - lo);
}

/* Check the lines [from, to) of d, all showing src laid out at `avail`
 * columns of text. */
static void
check_text(struct tally *t, const struct doc *d, size_t from, size_t to,
           const char *src, int avail, enum break_rules rules,
           const struct page *p)
{
	size_t n = strlen(src), pos = 0;
	char *brk = xmalloc(n + 1);

	text_breaks(src, n, rules, brk);
	for (size_t i = from; i < to; i++) {
		const struct dline *l = &d->v[i];
		bool spaces = pos < l->start;	/* consumed at this break */

		while (pos < l->start && (src[pos] == ' ' || src[pos] == '\n'))
			pos++;
		if (pos != l->start) {
			failed(t, &t->lost, "bytes lost between lines", p, d->width);
			break;
		}
		/* A break must be an opportunity, follow spaces, or split a
		 * unit wider than the line. */
		if (i > from && !spaces && brk[l->start] != UC_BREAK_POSSIBLE
		    && unit_width(src, brk, l->start) <= avail)
			failed(t, &t->bad_break, "a break that is not allowed", p,
			       d->width);
		pos = l->end;
	}
	if (pos != n)
		failed(t, &t->lost, "text lost at the end", p, d->width);
	free(brk);
}

static void
check_lines(struct tally *t, const struct doc *d, const struct page *p,
            enum break_rules rules)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < d->n;) {
		const struct dline *l = &d->v[i];
		size_t j = i + 1;
		int col;

		b.len = 0;
		dump_line(&b, d, l);
		if (l->width > d->width)
			failed(t, &t->too_wide, "a line wider than the width", p, d->width);
		if (text_width(b.s ? b.s : "", b.len) != l->width)
			failed(t, &t->wrong_width, "a line claiming a wrong width", p,
			       d->width);
		if (l->src == NULL) {
			i++;
			continue;
		}
		/* The lines of one text are consecutive. */
		while (j < d->n && d->v[j].src == l->src) {
			const struct dline *c = &d->v[j];

			b.len = 0;
			dump_line(&b, d, c);
			if (c->width > d->width)
				failed(t, &t->too_wide, "a line wider than the width", p,
				       d->width);
			if (text_width(b.s ? b.s : "", b.len) != c->width)
				failed(t, &t->wrong_width, "a line claiming a wrong width",
				       p, d->width);
			col = l->indent + layout_mark_width(l->mark, d->ambig);
			if (c->end > c->start && c->mark == MARK_NONE
			    && c->indent != col)
				failed(t, &t->bad_hang, "a continuation line not hanging",
				       p, d->width);
			j++;
		}
		col = l->indent + layout_mark_width(l->mark, d->ambig);
		check_text(t, d, i, j, l->src, d->width - col, rules, p);
		i = j;
	}
	sbuf_free(&b);
}

static void
check_bundle(struct bundle *b, enum ambiguous ambig)
{
	struct tally t = {0};
	struct doc d = {0};
	enum break_rules rules = lang_break_rules(b->lang);
	const char *mode = ambig == AMBIGUOUS_WIDE ? "wide" : "narrow";

	for (size_t i = 0; i < b->npages; i++)
		for (int w = 1; w <= MAX_WIDTH; w++) {
			struct layout_opts o = {w, ambig, rules};

			layout_page(&d, &b->pages[i], &o);
			check_lines(&t, &d, &b->pages[i], rules);
			t.cases += (int)b->pages[i].nblocks;
		}
	doc_free(&d);
	CHECK(t.too_wide == 0, "%s, ambiguous %s: no line over the width in %d "
	      "block layouts (%d over; %s)", b->lang, mode, t.cases, t.too_wide,
	      t.first);
	CHECK(t.wrong_width == 0, "%s, ambiguous %s: every line's width is what "
	      "it draws (%d wrong; %s)", b->lang, mode, t.wrong_width, t.first);
	CHECK(t.lost == 0, "%s, ambiguous %s: nothing lost (%d; %s)", b->lang,
	      mode, t.lost, t.first);
	CHECK(t.bad_break == 0, "%s, ambiguous %s: every break allowed by the "
	      "%s rules (%d not; %s)", b->lang, mode,
	      rules == BREAK_KEEP_ALL ? "keep-all"
	      : rules == BREAK_KINSOKU ? "kinsoku" : "UAX #14",
	      t.bad_break, t.first);
	CHECK(t.bad_hang == 0, "%s, ambiguous %s: continuation lines hang (%d; %s)",
	      b->lang, mode, t.bad_hang, t.first);
}

/* The Korean acceptance case: at 30 columns, no word is split. */
static void
check_korean_words(struct bundle *b)
{
	struct doc d = {0};
	struct layout_opts o = {30, AMBIGUOUS_NARROW, BREAK_KEEP_ALL};
	int split = 0, lines = 0;

	for (size_t i = 0; i < b->npages; i++) {
		layout_page(&d, &b->pages[i], &o);
		for (size_t k = 1; k < d.n; k++) {
			const struct dline *l = &d.v[k];

			if (l->src == NULL || d.v[k - 1].src != l->src)
				continue;
			lines++;
			if (l->src[l->start - 1] != ' ' && l->src[l->start - 1] != '\n')
				split++;
		}
	}
	doc_free(&d);
	CHECK(split == 0, "ko at width 30: %d line breaks, none inside a word (%d)",
	      lines, split);
}

int
main(void)
{
	struct bundleset set;
	struct bundle_error err;
	char dir[4096];

	snprintf(dir, sizeof dir, "%s/data", check_srcdir());
	if (!bundleset_load(&set, dir, &err)) {
		bundle_error_print(&err, stdout);
		CHECK(0, "the bundle in %s loads", dir);
		return check_done();
	}
	for (int l = 0; l < LANG_COUNT; l++)
		if (set.lang[l] != NULL)
			check_bundle(set.lang[l], AMBIGUOUS_NARROW);
	if (set.lang[LANG_KO] != NULL)
		check_korean_words(set.lang[LANG_KO]);
	for (int l = 0; l < LANG_COUNT; l++)
		if (set.lang[l] != NULL) {
			bundle_make_unambiguous(set.lang[l]);
			check_bundle(set.lang[l], AMBIGUOUS_WIDE);
		}
	bundleset_free(&set);
	return check_done();
}
