/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* view_page.c: a page of the bundle -- scrolling, search, links. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "layout.h"
#include "paint.h"
#include "search.h"
#include "util.h"

struct page_state {
	/* the page as laid out */
	struct doc doc;
	int page, width;	/* of the layout; page -1: none yet */
	enum lang lang;		/* of the layout */
	/* Where a run of language switches started, so that L four times
	 * comes back to the very line (each language's offsets are its own):
	 * kept while the reader does not move. */
	struct place anchor;
	bool anchored, switching;
	size_t anchor_top;	/* the top the last switch showed */
	/* The whole site is searched: at the last match, n names the page
	 * with the next (offer), and n again goes there (arrive: to its
	 * first match, -1 its last). */
	int offer, offer_dir, arrive;
	size_t top;		/* first display line on screen */
	int link;		/* block of the selected link, or -1 */
	/* search */
	struct search search;
	struct matches matches;
	size_t *match_line;	/* display line where each match starts */
	long match;		/* the current match, or -1 */
};

static const struct binding search_bindings[] = {
	{ACT_SEARCH, {'/'}, N_("search this page"), NULL},
	{ACT_MATCH_NEXT, {'n'}, N_("next match"), NULL},
	{ACT_MATCH_PREV, {'N'}, N_("previous match"), NULL},
};

static const struct binding link_bindings[] = {
	{ACT_LINK_NEXT, {']'}, N_("select the next link"), NULL},
	{ACT_LINK_PREV, {'['}, N_("select the previous link"), NULL},
	{ACT_FOLLOW, {'\r', '\n', KEYC(KEY_ENTER)}, N_("follow the selected link"), NULL},
	{ACT_CANCEL, {KEYC_ESC}, N_("forget the selected link"), NULL},
};

static const struct keytable search_keys = KEYTABLE(N_("Search"), search_bindings);
static const struct keytable link_keys = KEYTABLE(N_("Links"), link_bindings);
static const struct keytable *const keys[] = {
	&keys_motion, &search_keys, &link_keys, NULL,
};
static const struct keytable *const help[] = {
	&keys_motion, &search_keys, &keys_prompt, &link_keys, NULL,
};

/* ------------------------------------------------------------ layout */

static const struct page *
cur_page(const struct app *a)
{
	return &a->b->pages[a->page];
}

static void
map_matches(struct page_state *s)
{
	free(s->match_line);
	s->match_line = xcalloc(s->matches.n, sizeof *s->match_line);
	search_map_lines(&s->doc, &s->matches, s->match_line);
}

static size_t
max_top(const struct app *a, const struct page_state *s)
{
	size_t h = a->body_height > 0 ? (size_t)a->body_height : 1;

	return s->doc.n > h ? s->doc.n - h : 0;
}

/* Where in its part a line starts: text lines by byte, a rule after all
 * of the text. */
static size_t
line_key(const struct dline *l)
{
	if (l->style == LS_TITLE_RULE || l->style == LS_HEADING_RULE)
		return SIZE_MAX;
	return l->src != NULL ? l->start : 0;
}

static bool
laid_out(const struct app *a, const struct page_state *s)
{
	return s->page == a->page && s->page >= 0;
}

static void
where(const struct app *a, const void *st, struct place *p)
{
	const struct page_state *s = st;
	const struct dline *l;

	p->block = -1;
	p->part = 0;
	p->offset = 0;
	p->lang = s->lang;
	if (!laid_out(a, s) || s->top >= s->doc.n)
		return;
	l = &s->doc.v[s->top];
	p->block = l->block;
	p->part = l->part;
	p->offset = line_key(l);
}

/* The top line showing place p: its block and part, at or before its
 * offset; else the block's first line; else the top. */
static void
restore(const struct app *a, struct page_state *s, const struct place *p)
{
	size_t best = SIZE_MAX;

	for (size_t i = 0; i < s->doc.n; i++) {
		const struct dline *l = &s->doc.v[i];

		if (l->block != p->block || l->part != p->part)
			continue;
		if (best == SIZE_MAX || line_key(l) <= p->offset)
			best = i;
		if (line_key(l) > p->offset)
			break;
	}
	if (best == SIZE_MAX && p->block >= 0)
		best = doc_block_line(&s->doc, p->block);
	s->top = best == SIZE_MAX || best >= s->doc.n ? 0 : best;
	if (s->top > max_top(a, s))
		s->top = max_top(a, s);
}

/* Lay the page out anew if the page or the width changed (a new width
 * keeps the reading position).  The matches are byte ranges of the
 * page's texts, not of the layout: a new width only maps them onto the
 * new lines; a new page is searched. */
static void
sync(struct app *a, struct page_state *s)
{
	struct layout_opts o = {app_text_width(), a->tty.ambig,
	                        lang_break_rules(a->b->lang)};
	struct place p;
	bool keep;

	if (laid_out(a, s) && s->width == o.width)
		return;
	keep = laid_out(a, s);
	if (keep)
		where(a, s, &p);
	layout_page(&s->doc, cur_page(a), &o);
	s->lang = a->lang;
	if (!keep) {
		s->matches.n = 0;
		if (s->search.text != NULL)
			search_page(&s->search, cur_page(a), &s->matches);
	}
	s->page = a->page;
	s->width = o.width;
	map_matches(s);
	if (keep)
		restore(a, s, &p);
}

/* Forget the layout and everything that points into it. */
static void
invalidate(struct page_state *s)
{
	s->page = -1;
	s->doc.n = 0;
	s->matches.n = 0;
	s->match = -1;
	s->link = -1;
}

/* ------------------------------------------------------------ drawing */

static enum style
text_style(const struct page_state *s, const struct dline *l)
{
	switch (l->style) {
	case LS_TITLE:
		return ST_TITLE;
	case LS_HEADING:
		return ST_HEADING;
	case LS_TITLE_RULE:
	case LS_HEADING_RULE:
		return ST_RULE;
	case LS_QUOTE:
		return ST_QUOTE;
	case LS_ATTRIBUTION:
		return ST_ATTRIBUTION;
	case LS_LINK:
		return l->block == s->link ? ST_LINK_SELECTED : ST_LINK;
	default:
		return ST_NORMAL;
	}
}

/* The first match that may show on line `line` or after. */
static size_t
first_match_from(const struct page_state *s, size_t line)
{
	size_t lo = 0, hi = s->matches.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->match_line[mid] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* A match starting on an earlier line may run onto this one. */
	return lo > 0 ? lo - 1 : lo;
}

/* Text of line l from byte `from` to `to`, in st, at column x. */
static int
paint_span(int y, int x, const struct dline *l, size_t from, size_t to,
           int maxw, enum style st)
{
	return paint_text(stdscr, y, x, l->src + from, to - from, maxw, st);
}

/* The block a tag led to is marked, as a search match is, until the
 * next key. */
static bool
target_line(const struct app *a, const struct dline *l)
{
	return a->target.block >= 0 && l->block == a->target.block
	    && a->target.page == a->page && a->target.nkeys == a->nkeys;
}

static void
draw_text(const struct app *a, const struct page_state *s, int y, int x, size_t i,
          int maxw)
{
	const struct dline *l = &s->doc.v[i];
	enum style st = target_line(a, l) ? ST_MATCH : text_style(s, l);
	size_t pos = l->start;

	if (l->overwide) {
		for (int k = 0; k < l->width - l->indent && k < maxw; k++)
			paint_str(stdscr, y, x + k, "?", 1, st);
		return;
	}
	for (size_t k = first_match_from(s, i); k < s->matches.n
	     && s->match_line[k] <= i; k++) {
		size_t from, to;

		if (!search_match_on_line(&s->matches.v[k], l, &from, &to))
			continue;
		x += paint_span(y, x, l, pos, from, maxw, st);
		x += paint_span(y, x, l, from, to, maxw,
		                (long)k == s->match ? ST_MATCH_CURRENT : ST_MATCH);
		pos = to;
	}
	paint_span(y, x, l, pos, l->end, maxw, st);
}

static void
draw_line(const struct app *a, const struct page_state *s, int y, size_t i)
{
	const struct dline *l = &s->doc.v[i];
	int x = app_margin() + l->indent, right = app_margin() + s->width;
	const char *mark;

	switch (l->style) {
	case LS_BLANK:
		return;
	case LS_TITLE_RULE:
	case LS_HEADING_RULE: {
		char c[2] = {layout_rule_char(l->style), '\0'};

		for (int k = 0; k < l->width; k++)
			paint_str(stdscr, y, x + k, c, 1, ST_RULE);
		return;
	}
	default:
		break;
	}
	mark = layout_mark(l->mark, a->tty.ambig);
	if (*mark != '\0')
		x += paint_str(stdscr, y, x, mark, right - x,
		               l->mark == MARK_ARROW ? text_style(s, l) : ST_MARK);
	draw_text(a, s, y, x, i, right - x);
}

static void
draw(const struct app *a, const void *st, int top, int height)
{
	const struct page_state *s = st;

	for (int r = 0; r < height && s->top + (size_t)r < s->doc.n; r++)
		draw_line(a, s, top + r, s->top + (size_t)r);
}

/* "History  12/80  15%" */
static void
status(const struct app *a, const void *st, char *buf, size_t size)
{
	const struct page_state *s = st;

	app_position(buf, size, app_tab_title(a, a->page), s->top, s->doc.n,
	             a->body_height);
}

/* ------------------------------------------------------------ moving */

/* Bring line i into view, with a little context above it. */
static void
show_line(const struct app *a, struct page_state *s, size_t i)
{
	if (i >= s->top && i < s->top + (size_t)a->body_height)
		return;
	s->top = i > 2 ? i - 2 : 0;
	if (s->top > max_top(a, s))
		s->top = max_top(a, s);
}

/* ------------------------------------------------------------ search */

/* The next page (dir 1) or the previous one (-1), round, that has a
 * match; -1 when no other page has one. */
static int
other_page(const struct app *a, const struct page_state *s, int dir)
{
	struct matches m = {0};
	int n = (int)a->b->npages, found = -1;

	for (int k = 1; k < n && found < 0; k++) {
		int p = ((a->page + dir * k) % n + n) % n;

		search_page(&s->search, &a->b->pages[p], &m);
		if (m.n > 0)
			found = p;
	}
	free(m.v);
	return found;
}

/* No more matches this way on this page: the first time, say which page
 * has the next one; the second, go there. */
static bool
offer_page(struct app *a, struct page_state *s, int dir)
{
	int p = other_page(a, s, dir);

	if (p < 0)
		return false;
	if (s->offer == p && s->offer_dir == dir) {
		s->arrive = dir;
		s->offer = -1;
		app_goto_page(a, p, -1, true);
		return true;
	}
	s->offer = p;
	s->offer_dir = dir;
	app_message(a, false, dir > 0 ? _("No more here; %s goes on to %s") :
	            _("None before here; %s goes back to %s"), dir > 0 ? "n" : "N",
	            a->b->pages[p].title);
	return true;
}

static void
search_next(struct app *a, struct page_state *s, int dir)
{
	long n = (long)s->matches.n, k;

	if (!app_search_ready(a, &s->search))
		return;
	if (n == 0) {
		if (!offer_page(a, s, dir))
			app_message(a, true, _("Not found: %s"), s->search.text);
		return;
	}
	if (s->match < 0) {
		/* The first match at or after the top of the screen. */
		k = (long)first_match_from(s, s->top);
		if (k < n && s->match_line[k] < s->top)
			k++;
		if (dir < 0)
			k--;
	} else {
		k = s->match + dir;
	}
	if ((k >= n || k < 0) && offer_page(a, s, dir))
		return;
	if (k >= n) {
		k = 0;
		app_message(a, false, "%s", _("Search wrapped to the top"));
	} else if (k < 0) {
		k = n - 1;
		app_message(a, false, "%s", _("Search wrapped to the bottom"));
	}
	s->match = k;
	show_line(a, s, s->match_line[k]);
}

static void
prompt_done(struct app *a, void *st, const char *typed)
{
	struct page_state *s = st;

	s->match = -1;
	s->matches.n = 0;
	if (search_set(&s->search, typed))
		search_page(&s->search, cur_page(a), &s->matches);
	map_matches(s);
	if (s->search.text != NULL)
		search_next(a, s, 1);
}

/* ------------------------------------------------------------ links */

/* The first line of the next (dir > 0) or previous link block. */
static long
find_link(const struct page_state *s, long from, int dir)
{
	for (long i = from; i >= 0 && i < (long)s->doc.n; i += dir) {
		const struct dline *l = &s->doc.v[i];

		if (l->style == LS_LINK && l->block != s->link)
			return i;
	}
	return -1;
}

static void
select_link(struct app *a, struct page_state *s, int dir)
{
	long from, i;

	if (s->link >= 0)
		from = (long)doc_block_line(&s->doc, s->link);
	else
		from = dir > 0 ? (long)s->top : (long)(s->top + (size_t)a->body_height) - 1;
	i = find_link(s, from, dir);
	if (i < 0) {
		app_message(a, false, "%s", dir > 0 ? _("No more links below")
		                                    : _("No more links above"));
		return;
	}
	s->link = s->doc.v[i].block;
	show_line(a, s, (size_t)i);
}

static void
follow_link(struct app *a, struct page_state *s)
{
	const struct block *b;
	int page, block = -1;

	if (s->link < 0) {
		select_link(a, s, 1);
		return;
	}
	b = &cur_page(a)->blocks[s->link];
	page = bundle_find_page(a->b, b->page);
	if (page < 0)
		return;
	if (b->block != NULL)
		block = page_find_block(&a->b->pages[page], b->block);
	app_goto_page(a, page, block, true);
}

/* ------------------------------------------------------------ the mode */

static void *
init(struct app *a)
{
	struct page_state *s = xcalloc(1, sizeof *s);

	(void)a;
	invalidate(s);
	s->offer = -1;
	return s;
}

static void
state_free(void *st)
{
	struct page_state *s = st;

	doc_free(&s->doc);
	search_free(&s->search);
	free(s->matches.v);
	free(s->match_line);
	free(s);
}

static void
changed(struct app *a, void *st, unsigned what)
{
	struct page_state *s = st;

	if (what & CHANGE_LANG) {
		/* (The old language's texts are still there.) */
		if (!s->anchored || s->top != s->anchor_top) {
			s->anchor.page = a->page;
			where(a, s, &s->anchor);
		}
		s->anchored = s->switching = laid_out(a, s);
	}
	if (what & CHANGE_CONTENT)
		s->anchored = false;
	/* A new language or content: other texts, other lines. */
	if (what & (CHANGE_CONTENT | CHANGE_LANG))
		invalidate(st);
}

/* The text of part `part` of block `block` (-1: the title) of page, or
 * NULL. */
static const char *
part_text(const struct page *pg, int block, int part)
{
	const struct block *b;

	if (block < 0)
		return pg->title;
	if ((size_t)block >= pg->nblocks)
		return NULL;
	b = &pg->blocks[block];
	if (b->kind == BLOCK_LIST)
		return part >= 0 && (size_t)part < b->nitems ? b->items[part] : NULL;
	return part == 1 ? b->by : part == 2 ? b->role : b->text;
}

/* p, in a's language: the same block and part, and as far into it. */
static struct place
translate(const struct app *a, struct place p)
{
	const struct bundle *from = p.lang < LANG_COUNT ? a->set.lang[p.lang] : NULL;
	const char *t0, *t1;

	if (p.lang == a->lang || p.offset == SIZE_MAX)
		return p;
	t0 = from != NULL && (size_t)p.page < from->npages
	     ? part_text(&from->pages[p.page], p.block, p.part) : NULL;
	t1 = part_text(cur_page(a), p.block, p.part);
	p.offset = t0 != NULL && t1 != NULL && *t0 != '\0'
	           ? (size_t)((double)p.offset * strlen(t1) / strlen(t0)) : 0;
	p.lang = a->lang;
	return p;
}

static void
go(struct app *a, void *st, const struct place *p)
{
	struct page_state *s = st;
	bool switching = s->switching && s->anchored && s->anchor.page == p->page;
	struct place to;

	invalidate(s);
	sync(a, s);
	to = translate(a, switching ? s->anchor : *p);
	restore(a, s, &to);
	if (s->arrive != 0 && s->matches.n > 0) {
		s->match = s->arrive > 0 ? 0 : (long)s->matches.n - 1;
		show_line(a, s, s->match_line[s->match]);
	}
	s->arrive = 0;
	s->offer = -1;
	s->switching = false;
	s->anchored = switching;
	s->anchor_top = s->top;
}

static int
tick(struct app *a, void *st)
{
	struct page_state *s = st;

	sync(a, s);
	if (s->top > max_top(a, s))
		s->top = max_top(a, s);
	return -1;	/* a page never animates: sleep until something happens */
}

static bool
command(struct app *a, void *st, enum action act, int index)
{
	struct page_state *s = st;
	long by;

	(void)index;
	if (act != ACT_MATCH_NEXT && act != ACT_MATCH_PREV)
		s->offer = -1;	/* n then n, nothing between */
	if (app_motion(a, act, &by)) {
		s->top = app_move(s->top, by, max_top(a, s));
		return true;
	}
	switch (act) {
	case ACT_SEARCH:
		prompt_start(&a->prompt, VIEW_PAGE, "/");
		return true;
	case ACT_MATCH_NEXT:
	case ACT_MATCH_PREV:
		search_next(a, s, act == ACT_MATCH_NEXT ? 1 : -1);
		return true;
	case ACT_LINK_NEXT:
	case ACT_LINK_PREV:
		select_link(a, s, act == ACT_LINK_NEXT ? 1 : -1);
		return true;
	case ACT_FOLLOW:
		follow_link(a, s);
		return true;
	case ACT_CANCEL:
		s->link = -1;
		return true;
	default:
		return false;
	}
}

static bool
mouse(struct app *a, void *st, const MEVENT *m)
{
	struct page_state *s = st;
	size_t i;
	long by;

	if (app_wheel(m, &by)) {
		s->top = app_move(s->top, by, max_top(a, s));
		return true;
	}
	if (!app_body_click(a, m, s->top, &i))
		return false;
	/* On the link's text (its arrow too), not anywhere on its row: as
	 * w3m follows a click on the anchor only. */
	if (i < s->doc.n && s->doc.v[i].style == LS_LINK
	    && m->x >= app_margin() + s->doc.v[i].indent
	    && m->x < app_margin() + s->doc.v[i].width) {
		s->link = s->doc.v[i].block;
		follow_link(a, s);
		return true;
	}
	return false;
}

const struct view view_page = {
	.name = "page",
	.keys = keys,
	.help = help,
	.init = init,
	.free = state_free,
	.changed = changed,
	.go = go,
	.where = where,
	.tick = tick,
	.draw = draw,
	.command = command,
	.mouse = mouse,
	.prompt_done = prompt_done,
	.status = status,
};
