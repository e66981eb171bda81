/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-layout.c: the layout engine's rules on small synthetic pages (the
 * hanging indents, and each narrow-width fallback of fit() at the widths
 * around it), then its promises, as properties over every block of the
 * real bundle, in every language, at every width from 1 to 120, with
 * ambiguous characters narrow and wide:
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

/* ------------------------------------------------ synthetic pages */

/* Block b, alone on a page, laid out at width w (UAX #14) as --dump
 * prints it, without the title: its lines joined with '|'. */
static char *
show_block(struct block *b, int w, enum ambiguous ambig)
{
	struct page p = {.id = "p", .title = "T", .blocks = b, .nblocks = 1};
	struct layout_opts o = {w, ambig, BREAK_UAX14};
	struct doc d = {0};
	struct sbuf out = {0};

	layout_page(&d, &p, &o);
	sbuf_add(&out, "", 0);
	for (size_t i = doc_block_line(&d, 0); i < d.n; i++) {
		if (out.len > 0)
			sbuf_addc(&out, '|');
		dump_line(&out, &d, &d.v[i]);
	}
	doc_free(&d);
	return out.s;
}

static void
expect_block(struct block *b, int w, enum ambiguous ambig, const char *want,
             const char *rule)
{
	char *got = show_block(b, w, ambig);

	CHECK(strcmp(got, want) == 0, "%s: at %d, \"%s\" (want \"%s\")", rule,
	      w, got, want);
	free(got);
}

/* A width, what block b shows there, and the rule that makes it so. */
struct shown {
	int width;
	enum ambiguous ambig;
	const char *want, *rule;
};

static void
expect_shown(struct block *b, const struct shown *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		expect_block(b, v[i].width, v[i].ambig, v[i].want, v[i].rule);
}

#define EXPECT_SHOWN(b, v) expect_shown((b), (v), sizeof(v) / sizeof *(v))
#define NARROW AMBIGUOUS_NARROW

/* A list item: "  • " (indent, bullet), then text whose continuation
 * lines hang under it. fit() lets the indent go when fewer than MIN_TEXT
 * (8) columns would be left for text, then the bullet when fewer than 4. */
static void
test_list_fit(void)
{
	static const struct shown v[] = {
		{12, NARROW, "  • ab cd ef|    gh ij|  • kl",
		 "a list item's continuation hangs after the bullet"},
		{11, NARROW, "• ab cd ef|  gh ij|• kl",
		 "fit(): under 8 columns of text, the indent gives way"},
		{6, NARROW, "• ab|  cd|  ef|  gh|  ij|• kl",
		 "fit(): the bullet stays while 4 columns are left"},
		{5, NARROW, "ab cd|ef gh|ij|kl",
		 "fit(): under 4, the bullet gives way too"},
	};
	char *items[] = {"ab cd ef gh ij", "kl"};
	struct block b = {.kind = BLOCK_LIST, .items = items, .nitems = 2};

	EXPECT_SHOWN(&b, v);
}

/* A quote: every line of it after the bar "  │ "; then "— name" hanging
 * under the quote's text and the role aligned with the name.  The
 * attribution's own indent (the quote's text column) gives way first,
 * at a width where the quote keeps its own. */
static void
test_quote_fit(void)
{
	static const struct shown v[] = {
		{16, NARROW, "  │ ab cd ef gh|  │ ij|    — Jo Ko|      mayor of x",
		 "each line of a quote has the bar; the role is aligned under "
		 "the name"},
		{14, NARROW, "  │ ab cd ef|  │ gh ij|    — Jo Ko|      mayor of|      x",
		 "the attribution keeps its indent with 8 columns of text"},
		{13, NARROW, "  │ ab cd ef|  │ gh ij|— Jo Ko|  mayor of x",
		 "fit(): with fewer, the attribution's indent gives way"},
		{11, NARROW, "│ ab cd ef|│ gh ij|— Jo Ko|  mayor of|  x",
		 "fit(): then the quote's"},
		{6, NARROW, "│ ab|│ cd|│ ef|│ gh|│ ij|— Jo|  Ko|  mayo|  r of|  x",
		 "fit(): the bar and the dash stay while 4 columns are left"},
		{5, NARROW, "ab cd|ef gh|ij|Jo Ko|mayor|of x",
		 "fit(): under 4, the bar and the dash give way"},
	};
	struct block b = {.kind = BLOCK_QUOTE, .text = "ab cd ef gh ij",
	                  .by = "Jo Ko", .role = "mayor of x"};

	EXPECT_SHOWN(&b, v);
}

/* A link: "→ " and the text hanging after it; it has no indent to give,
 * and the arrow goes under 4 columns of text.  With ambiguous characters
 * wide the arrow is "-> ", a column wider. */
static void
test_link_fit(void)
{
	static const struct shown v[] = {
		{8, NARROW, "→ go on|  to it",
		 "a link's continuation hangs after the arrow"},
		{6, NARROW, "→ go|  on|  to|  it",
		 "fit(): the arrow stays while 4 columns are left"},
		{5, NARROW, "go on|to it", "fit(): under 4, the arrow gives way"},
		{7, AMBIGUOUS_WIDE, "-> go|   on|   to|   it",
		 "fit(): with the wide-terminal arrow, 4 columns left at 7"},
		{6, AMBIGUOUS_WIDE, "go on|to it", "fit(): and none at 6"},
	};
	struct block b = {.kind = BLOCK_LINK, .text = "go on to it"};

	EXPECT_SHOWN(&b, v);
}

/* An empty line inside a text (a paragraph break in an item) gets no
 * indent: no trailing blanks.  A width under 1 is taken as 1. */
static void
test_edges(void)
{
	char *items[] = {"ab\n\ncd"};
	struct block b = {.kind = BLOCK_LIST, .items = items, .nitems = 1};
	struct page p = {.id = "p", .title = "T", .blocks = &b, .nblocks = 1};
	struct layout_opts o = {0, NARROW, BREAK_UAX14};
	struct doc d = {0};
	char *zero = show_block(&b, 0, NARROW);

	expect_block(&b, 12, NARROW, "  • ab||    cd",
	             "an empty line of an item has no indent");
	layout_page(&d, &p, &o);
	CHECK(d.width == 1 && strcmp(zero, "a|b||c|d") == 0,
	      "width 0 lays out as width 1 (%d wide: \"%s\")", d.width, zero);
	free(zero);
	doc_free(&d);
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

	test_list_fit();
	test_quote_fit();
	test_link_fit();
	test_edges();
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
