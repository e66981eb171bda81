/* view_page.c: a page of the bundle -- scrolling, search, links. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "paint.h"
#include "sanitize.h"
#include "util.h"

#include <unistr.h>

#define CTRL(c) ((c) & 0x1f)

/* ------------------------------------------------------------ layout */

static const struct page *
cur_page(const struct app *a)
{
	return &a->b->pages[a->page];
}

static void
map_matches(struct app *a)
{
	free(a->match_line);
	a->match_line = xcalloc(a->matches.n, sizeof *a->match_line);
	search_map_lines(&a->doc, &a->matches, a->match_line);
}

static size_t
max_top(const struct app *a)
{
	size_t h = a->body_height > 0 ? (size_t)a->body_height : 1;

	return a->doc.n > h ? a->doc.n - h : 0;
}

/* Lay the page out anew if the page, language or width changed; a new
 * width keeps the reading position. */
static void
sync(struct app *a)
{
	struct layout_opts o = {app_text_width(), a->tty.ambig,
	                        text_break_rules(a->b->lang)};
	struct place p;
	bool keep;

	if (a->doc_page == a->page && a->doc_bundle == a->b
	    && a->doc_width == o.width)
		return;
	keep = a->doc_page == a->page && a->doc_bundle == a->b;
	if (keep)
		page_current_place(a, &p);
	layout_page(&a->doc, cur_page(a), &o);
	a->doc_page = a->page;
	a->doc_bundle = a->b;
	a->doc_width = o.width;
	if (a->search.text != NULL)
		search_page(&a->search, cur_page(a), &a->matches);
	map_matches(a);
	if (keep)
		page_restore_place(a, &p);
}

void
page_invalidate(struct app *a)
{
	a->doc_page = -1;
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

void
page_current_place(struct app *a, struct place *p)
{
	const struct dline *l;

	p->page = a->page;
	p->block = -1;
	p->part = 0;
	p->offset = 0;
	if (a->doc_page != a->page || a->doc_bundle != a->b || a->top >= a->doc.n)
		return;
	l = &a->doc.v[a->top];
	p->block = l->block;
	p->part = l->part;
	p->offset = line_key(l);
}

void
page_restore_place(struct app *a, const struct place *p)
{
	size_t best = SIZE_MAX;

	sync(a);
	for (size_t i = 0; i < a->doc.n; i++) {
		const struct dline *l = &a->doc.v[i];

		if (l->block != p->block || l->part != p->part)
			continue;
		if (best == SIZE_MAX || line_key(l) <= p->offset)
			best = i;
		if (line_key(l) > p->offset)
			break;
	}
	if (best == SIZE_MAX && p->block >= 0)
		best = doc_block_line(&a->doc, p->block);
	a->top = best == SIZE_MAX || best >= a->doc.n ? 0 : best;
	if (a->top > max_top(a))
		a->top = max_top(a);
}

/* ------------------------------------------------------------ drawing */

static enum style
text_style(const struct app *a, const struct dline *l)
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
		return l->block == a->link ? ST_LINK_SELECTED : ST_LINK;
	default:
		return ST_NORMAL;
	}
}

/* The first match that may show on line `line` or after. */
static size_t
first_match_from(const struct app *a, size_t line)
{
	size_t lo = 0, hi = a->matches.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a->match_line[mid] < line)
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

static void
draw_text(const struct app *a, int y, int x, size_t i, int maxw)
{
	const struct dline *l = &a->doc.v[i];
	enum style st = text_style(a, l);
	size_t pos = l->start;

	if (l->overwide) {
		for (int k = 0; k < l->width - l->indent && k < maxw; k++)
			paint_str(stdscr, y, x + k, "?", 1, st);
		return;
	}
	for (size_t k = first_match_from(a, i); k < a->matches.n
	     && a->match_line[k] <= i; k++) {
		size_t from, to;

		if (!search_match_on_line(&a->matches.v[k], l, &from, &to))
			continue;
		x += paint_span(y, x, l, pos, from, maxw, st);
		x += paint_span(y, x, l, from, to, maxw,
		                (long)k == a->match ? ST_MATCH_CURRENT : ST_MATCH);
		pos = to;
	}
	paint_span(y, x, l, pos, l->end, maxw, st);
}

static void
draw_line(const struct app *a, int y, size_t i)
{
	const struct dline *l = &a->doc.v[i];
	int x = app_margin() + l->indent, right = app_margin() + a->doc_width;
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
		               l->mark == MARK_ARROW ? text_style(a, l) : ST_MARK);
	draw_text(a, y, x, i, right - x);
}

static void
draw(struct app *a, int top, int height)
{
	sync(a);
	if (a->top > max_top(a))
		a->top = max_top(a);
	for (int r = 0; r < height && a->top + (size_t)r < a->doc.n; r++)
		draw_line(a, top + r, a->top + (size_t)r);
}

/* ------------------------------------------------------------ moving */

static void
scroll_by(struct app *a, long n)
{
	a->top = app_move(a->top, n, max_top(a));
}

/* Bring line i into view, with a little context above it. */
static void
show_line(struct app *a, size_t i)
{
	if (i >= a->top && i < a->top + (size_t)a->body_height)
		return;
	a->top = i > 2 ? i - 2 : 0;
	if (a->top > max_top(a))
		a->top = max_top(a);
}

/* ------------------------------------------------------------ search */

static void
goto_match(struct app *a, long k)
{
	a->match = k;
	show_line(a, a->match_line[k]);
}

static void
search_next(struct app *a, int dir)
{
	long n = (long)a->matches.n, k;

	if (a->search.text == NULL) {
		app_message(a, false, "%s", _("No search yet: type / and a word"));
		return;
	}
	if (n == 0) {
		app_message(a, true, _("Not found: %s"), a->search.text);
		return;
	}
	if (a->match < 0) {
		/* The first match at or after the top of the screen. */
		k = (long)first_match_from(a, a->top);
		if (k < n && a->match_line[k] < a->top)
			k++;
		if (dir < 0)
			k--;
	} else {
		k = a->match + dir;
	}
	if (k >= n) {
		k = 0;
		app_message(a, false, "%s", _("Search wrapped to the top"));
	} else if (k < 0) {
		k = n - 1;
		app_message(a, false, "%s", _("Search wrapped to the bottom"));
	}
	goto_match(a, k);
}

static void
start_search(struct app *a)
{
	const char *typed = a->input.s ? a->input.s : "";

	a->match = -1;
	if (!search_set(&a->search, typed)) {
		a->matches.n = 0;
		map_matches(a);
		return;
	}
	search_page(&a->search, cur_page(a), &a->matches);
	map_matches(a);
	search_next(a, 1);
}

/* Typing the pattern on the status line. */
void
page_prompt_key(struct app *a, int key, bool keycode)
{
	if (a->page >= (int)a->b->npages) {	/* only a page can be searched */
		a->prompt = false;
		return;
	}
	sync(a);
	if (!keycode && (key == '\r' || key == '\n')) {
		a->prompt = false;
		start_search(a);
	} else if (!keycode && (key == 27 || key == CTRL('G'))) {
		a->prompt = false;
	} else if ((keycode && key == KEY_BACKSPACE)
	           || (!keycode && (key == 127 || key == CTRL('H')))) {
		if (a->input.len == 0) {
			a->prompt = false;	/* as less does */
			return;
		}
		/* Remove the last character. */
		while (a->input.len > 0
		       && ((unsigned char)a->input.s[--a->input.len] & 0xC0) == 0x80)
			;
		a->input.s[a->input.len] = '\0';
	} else if (!keycode && key == CTRL('U')) {
		a->input.len = 0;
		sbuf_add(&a->input, "", 0);
	} else if (!keycode && key >= 0x20 && sanitize_char_ok((ucs4_t)key)
	           && a->input.len < 200) {
		uint8_t buf[8];
		int n = u8_uctomb(buf, (ucs4_t)key, (int)sizeof buf);

		if (n > 0)
			sbuf_add(&a->input, (const char *)buf, (size_t)n);
	}
}

/* ------------------------------------------------------------ links */

/* The first line of the next (dir > 0) or previous link block. */
static long
find_link(const struct app *a, long from, int dir)
{
	for (long i = from; i >= 0 && i < (long)a->doc.n; i += dir) {
		const struct dline *l = &a->doc.v[i];

		if (l->style == LS_LINK && l->block != a->link)
			return i;
	}
	return -1;
}

static void
select_link(struct app *a, int dir)
{
	long from, i;

	if (a->link >= 0)
		from = (long)doc_block_line(&a->doc, a->link);
	else
		from = dir > 0 ? (long)a->top : (long)(a->top + (size_t)a->body_height) - 1;
	i = find_link(a, from, dir);
	if (i < 0) {
		app_message(a, false, "%s", dir > 0 ? _("No more links below")
		                                    : _("No more links above"));
		return;
	}
	a->link = a->doc.v[i].block;
	show_line(a, (size_t)i);
}

static void
follow_link(struct app *a)
{
	const struct block *b;
	int page, block = -1;

	if (a->link < 0) {
		select_link(a, 1);
		return;
	}
	b = &cur_page(a)->blocks[a->link];
	page = bundle_find_page(a->b, b->page);
	if (page < 0)
		return;
	if (b->block != NULL)
		block = page_find_block(&a->b->pages[page], b->block);
	app_goto_page(a, page, block, true);
}

/* ------------------------------------------------------------ input */

static bool
key(struct app *a, int k, bool keycode)
{
	long by;

	sync(a);
	if (app_motion(a, k, keycode, &by)) {
		scroll_by(a, by);
		return true;
	}
	if (keycode) {
		if (k != KEY_ENTER)
			return false;
		follow_link(a);
		return true;
	}
	switch (k) {
	case '/':
		a->prompt = true;
		a->input.len = 0;
		sbuf_add(&a->input, "", 0);
		return true;
	case 'n':
		search_next(a, 1);
		return true;
	case 'N':
		search_next(a, -1);
		return true;
	case ']':
		select_link(a, 1);
		return true;
	case '[':
		select_link(a, -1);
		return true;
	case '\r':
	case '\n':
		follow_link(a);
		return true;
	case 27:
		a->link = -1;
		return false;	/* and clear the message */
	default:
		return false;
	}
}

static bool
mouse(struct app *a, const MEVENT *m)
{
	size_t i;

	sync(a);
	if (m->bstate & BUTTON4_PRESSED) {
		scroll_by(a, -3);
		return true;
	}
	if (m->bstate & BUTTON5_PRESSED) {
		scroll_by(a, 3);
		return true;
	}
	if (!(m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)))
		return false;
	if (m->y < 1 || m->y > a->body_height)
		return false;
	i = a->top + (size_t)(m->y - 1);
	if (i < a->doc.n && a->doc.v[i].style == LS_LINK) {
		a->link = a->doc.v[i].block;
		follow_link(a);
		return true;
	}
	return false;
}

static int
frame_ms(struct app *a)
{
	(void)a;
	return -1;	/* a page never animates: sleep until something happens */
}

const struct view view_page = {draw, key, mouse, frame_ms};
