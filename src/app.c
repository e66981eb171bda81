/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* app.c: the full-screen browser -- the main loop, the top bar and the
 * status line around the modes, the keys every mode shares, navigation
 * and history. */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "charset.h"
#include "i18n.h"
#include "options.h"
#include "paint.h"
#include "sanitize.h"
#include "theme.h"
#include "util.h"

enum {
	MIN_COLS = 20,		/* below this, or MIN_ROWS, a notice only */
	MIN_ROWS = 5,
	MAX_MEASURE = 100,	/* the longest comfortable line of text */
	BURST_MS = 50,		/* input taken at most before a frame */
};

/* The modes, by enum view_id. */
static const struct view *const views[VIEW_COUNT] = {
	[VIEW_PAGE] = &view_page,
	[VIEW_CLOUD] = &view_cloud,
	[VIEW_LIST] = &view_list,
	[VIEW_HELP] = &view_help,
};

/* ------------------------------------------------------------ keys */

static const struct binding tab_bindings[] = {
	/* xgettext:c-format */
	{ACT_TAB, {'1', '2', '3', '4', '5', '6', '7', '8', '9'},
	 N_("a page, in the order of the tabs (%d: the cloud)"), NULL},
	{ACT_TAB_NEXT, {'\t'}, N_("next page"), NULL},
	{ACT_TAB_PREV, {KEYC(KEY_BTAB)}, N_("previous page"), NULL},
	{ACT_LANG_NEXT, {'L'}, N_("next language"), NULL},
	{ACT_LANG_PREV, {'H'}, N_("previous language"), NULL},
};

static const struct binding history_bindings[] = {
	{ACT_BACK, {KEYC(KEY_LEFT), KEYC(KEY_BACKSPACE), KEYC_DEL, KEYC_CTRL('H')},
	 N_("back"), NULL},
	{ACT_FORWARD, {KEYC(KEY_RIGHT)}, N_("forward"), NULL},
};

static const struct binding mark_bindings[] = {
	{ACT_MARK, {'m'}, N_("m and a letter: mark this place"), NULL},
	{ACT_MARK_GO, {'\''},
	 N_("' and a letter: go back to that mark ('' : to where the last jump left)"), NULL},
};

static const struct binding other_bindings[] = {
	{ACT_WHERE, {'='}, N_("where am I: the page, the line, the language, the file"), NULL},
	{ACT_REDRAW, {KEYC_CTRL('L')}, N_("redraw the screen"), NULL},
	{ACT_RELOAD, {'r'}, N_("reload the content from disk"), NULL},
	{ACT_HELP, {'?', 'h', KEYC(KEY_F(1))}, N_("this help (Esc or q closes it)"), NULL},
	{ACT_CANCEL, {KEYC_ESC}, N_("clear the status line's message"), NULL},
	{ACT_QUIT, {'q'}, N_("quit"), NULL},
};

/* Where a key of ours means something else in less, w3m or lynx and the
 * reader may not see it at once: said on the status line the first time
 * it is pressed.  (Digits as less's counts: said when a digit follows a
 * digit, see handle_key.) */
static const struct {
	key_code key;
	const char *note;
} clashes[] = {
	{'H', N_("H: the previous language here (help is ? or h; in lynx and w3m, H)")},
};

/* Gestures: in the help, never dispatched (the modes' mouse handlers
 * do what they say). */
static const struct binding mouse_bindings[] = {
	{ACT_NONE, {0}, N_("a tab, a language, a link, a tag in the cloud"), N_("click")},
	{ACT_NONE, {0}, N_("scroll"), N_("wheel")},
	{ACT_NONE, {0}, N_("steer the cloud; over a tag it slows down"), N_("point")},
	{ACT_NONE, {0}, N_("spin the cloud"), N_("drag")},
};

static const struct keytable tab_keys = KEYTABLE(N_("Pages and languages"), tab_bindings);
static const struct keytable history_keys = KEYTABLE(N_("History"), history_bindings);
static const struct keytable mark_keys = KEYTABLE(N_("Marks"), mark_bindings);
static const struct keytable other_keys = KEYTABLE(N_("Other"), other_bindings);
static const struct keytable mouse_keys = KEYTABLE(N_("Mouse"), mouse_bindings);

/* Looked up after the current mode's tables. */
static const struct keytable *const app_keys[] = {
	&tab_keys, &history_keys, &mark_keys, &other_keys, NULL,
};

static void
add_table(const struct keytable **v, size_t *n, size_t max, const struct keytable *t)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == t)
			return;	/* shared by several modes: once */
	if (*n < max)
		v[(*n)++] = t;
}

size_t
app_help_tables(const struct keytable **v, size_t max)
{
	size_t n = 0;

	for (int m = 0; m < VIEW_COUNT; m++) {
		const struct keytable *const *t = views[m]->help != NULL
		                                  ? views[m]->help : views[m]->keys;

		for (; *t != NULL; t++)
			add_table(v, &n, max, *t);
		if (m == 0) {
			add_table(v, &n, max, &tab_keys);
			add_table(v, &n, max, &history_keys);
			add_table(v, &n, max, &mark_keys);
		}
	}
	add_table(v, &n, max, &mouse_keys);
	add_table(v, &n, max, &other_keys);
	return n;
}

const struct keytable *
app_view_table(enum view_id v)
{
	const struct keytable *const *t = views[v]->keys;

	if (v == 0)
		return NULL;
	while (*t != NULL && *t == &keys_motion)
		t++;
	return *t;
}

int
app_keys_usable(const struct app *a, const struct binding *b)
{
	return b->act == ACT_TAB ? app_ntabs(a) : BINDING_KEYS;
}

/* ------------------------------------------------------------ shared */

int
app_margin(void)
{
	return COLS >= 60 ? 2 : COLS >= 30 ? 1 : 0;
}

int
app_text_width(void)
{
	int w = COLS - 2 * app_margin();

	if (w > MAX_MEASURE)
		w = MAX_MEASURE;
	return w < 1 ? 1 : w;
}

int
app_ntabs(const struct app *a)
{
	return (int)a->b->npages + 1;
}

const char *
app_tab_title(const struct app *a, int t)
{
	if (t < (int)a->b->npages)
		return a->b->pages[t].title;
	return _("Cloud");
}

static enum view_id
current(const struct app *a)
{
	return a->help ? VIEW_HELP : a->view;
}

void
app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sanitize_vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

bool
app_search_ready(struct app *a, const struct search *s)
{
	if (s->text != NULL)
		return true;
	app_message(a, false, "%s", _("No search yet: type / and a word"));
	return false;
}

bool
app_motion(const struct app *a, enum action act, long *by)
{
	long page = a->body_height > 1 ? a->body_height - 1 : 1;

	switch (act) {
	case ACT_LINE_UP:
		*by = -1;
		return true;
	case ACT_LINE_DOWN:
		*by = 1;
		return true;
	case ACT_SCREEN_DOWN:
		*by = page;
		return true;
	case ACT_SCREEN_UP:
		*by = -page;
		return true;
	case ACT_HALF_DOWN:
		*by = page / 2 + 1;
		return true;
	case ACT_HALF_UP:
		*by = -(page / 2 + 1);
		return true;
	case ACT_TOP:
		*by = LONG_MIN;
		return true;
	case ACT_BOTTOM:
		*by = LONG_MAX;
		return true;
	default:
		return false;
	}
}

size_t
app_move(size_t pos, long by, size_t max)
{
	if (by == LONG_MIN)
		return 0;
	if (by == LONG_MAX)
		return max;
	if (by < 0)	/* -by: by > LONG_MIN here */
		return (size_t)-by >= pos ? 0 : pos - (size_t)-by < max ? pos - (size_t)-by : max;
	return pos >= max || (size_t)by >= max - pos ? max : pos + (size_t)by;
}

static void
view_go(struct app *a, enum view_id v, const struct place *p)
{
	if (views[v]->go != NULL)
		views[v]->go(a, a->state[v], p);
}

void
app_position(char *buf, size_t size, const char *name, size_t top, size_t n,
             int height)
{
	size_t bottom = top + (size_t)(height > 0 ? height : 1);

	if (n == 0) {
		snprintf(buf, size, "%s", name);
		return;
	}
	if (bottom > n)
		bottom = n;
	snprintf(buf, size, "%s  %zu/%zu  %d%%", name, top + 1, n, (int)(bottom * 100 / n));
}

bool
app_wheel(const MEVENT *m, long *by)
{
	if (!(m->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)))
		return false;
	*by = m->bstate & BUTTON4_PRESSED ? -3 : 3;
	return true;
}

bool
app_body_click(const struct app *a, const MEVENT *m, size_t top, size_t *line)
{
	if (!(m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) || m->y < 1
	    || m->y > a->body_height)
		return false;
	*line = top + (size_t)(m->y - 1);
	return true;
}

/* Tell every mode what changed. */
static void
notify(struct app *a, unsigned what)
{
	a->bars[0] = '\0';	/* new content, language or size: the bars anew */
	for (int m = 0; m < VIEW_COUNT; m++)
		if (views[m]->changed != NULL)
			views[m]->changed(a, a->state[m], what);
}

/* ------------------------------------------------------------ top bar */

static void
add_hit(struct app *a, int x0, int x1, int target, bool lang)
{
	if (a->nhits < (int)(sizeof a->hits / sizeof *a->hits))
		a->hits[a->nhits++] = (struct hit){x0, x1, target, lang};
}

/* Width of language l's tabs drawn in full: " T1 · T2 · ... ". */
static int
tabs_width(const struct app *a, enum lang l, int sep)
{
	const struct bundle *b = a->set.lang[l];
	int w = a->cloud_w[l] + 2 + sep;

	for (size_t t = 0; t < b->npages; t++)
		w += paint_width(b->pages[t].title) + 2 + (t > 0 ? sep : 0);
	return w;
}

/* The Cloud tab's title in every language, measured once: the top bar is
 * laid out for the widest language. */
static void
measure_cloud_titles(struct app *a)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		i18n_set_language((enum lang)l);
		a->cloud_w[l] = paint_width(_("Cloud"));
	}
	i18n_set_language(a->lang);
}

/* The widest of every language's title and tabs: the top bar is laid out
 * for the widest, so that the tabs stay where they are on a switch. */
static void
widest_bar(const struct app *a, int *title_w, int *tabs)
{
	*title_w = *tabs = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		const struct bundle *b = a->set.lang[l];

		if (b == NULL)
			continue;
		if (paint_width(b->title) + 3 > *title_w)
			*title_w = paint_width(b->title) + 3;
		if (tabs_width(a, (enum lang)l, 1) > *tabs)
			*tabs = tabs_width(a, (enum lang)l, 1);
	}
}

/* Where the current tab is among them, as dots: "●○○○" -- not "1/4",
 * which reads like the status line's line count. */
static void
tab_dots(const struct app *a, char *buf, size_t size)
{
	bool wide = a->tty.ambig == AMBIGUOUS_WIDE;	/* (the dots are ambiguous) */
	size_t len = 0;

	buf[0] = '\0';
	for (int t = 0; t < app_ntabs(a) && len + 4 < size; t++)
		len += (size_t)snprintf(buf + len, size - len, "%s",
		                        t == a->page ? (wide ? "*" : "\u25cf")
		                                     : (wide ? "." : "\u25cb"));
}

static int
draw_tabs(struct app *a, int x, int maxw, bool full)
{
	const char *sep = a->tty.ambig == AMBIGUOUS_WIDE ? " " : "\u00b7";
	int x0 = x;

	if (!full) {
		/* Only the current tab, and where it is among them: the dots
		 * have their room first, the title takes what is left. */
		char dots[64];
		int dw;

		tab_dots(a, dots, sizeof dots);
		dw = paint_width(dots) + 1;
		x += paint_str(stdscr, 0, x, " ", maxw, ST_TAB_CURRENT);
		x += paint_str(stdscr, 0, x, app_tab_title(a, a->page),
		               maxw - (x - x0) - 1 - dw, ST_TAB_CURRENT);
		x += paint_str(stdscr, 0, x, " ", maxw - (x - x0), ST_TAB_CURRENT);
		add_hit(a, x0, x, a->page, false);
		x += paint_str(stdscr, 0, x + 1, dots, maxw - (x - x0) - 1, ST_TAB) + 1;
		return x - x0;
	}
	for (int t = 0; t < app_ntabs(a); t++) {
		enum style st = t == a->page ? ST_TAB_CURRENT : ST_TAB;
		int start;

		if (t > 0)
			x += paint_str(stdscr, 0, x, sep, maxw - (x - x0), ST_TAB);
		start = x;
		x += paint_str(stdscr, 0, x, " ", maxw - (x - x0), st);
		x += paint_str(stdscr, 0, x, app_tab_title(a, t), maxw - (x - x0), st);
		x += paint_str(stdscr, 0, x, " ", maxw - (x - x0), st);
		add_hit(a, start, x, t, false);
	}
	return x - x0;
}

/* "EN | KR | JP | CN", the current one highlighted, as the site had it. */
static int
switcher_width(const struct app *a, bool compact)
{
	int w = 0, n = 0;

	for (int l = 0; l < LANG_COUNT; l++)
		if (a->set.lang[l] != NULL) {
			w += paint_width(a->set.lang[l]->label) + (compact ? 0 : 2);
			n++;
		}
	return w + (n > 0 ? n - 1 : 0);	/* the "|" between labels */
}

static void
draw_switcher(struct app *a, int x, bool compact)
{
	bool first = true;

	for (int l = 0; l < LANG_COUNT; l++) {
		const struct bundle *b = a->set.lang[l];
		enum style st = l == (int)a->lang ? ST_LANG_CURRENT : ST_LANG;
		int start;

		if (b == NULL)
			continue;
		if (!first)
			x += paint_str(stdscr, 0, x, "|", COLS - x, ST_LANG);
		first = false;
		start = x;
		if (!compact)
			x += paint_str(stdscr, 0, x, " ", COLS - x, st);
		x += paint_str(stdscr, 0, x, b->label, COLS - x, st);
		if (!compact)
			x += paint_str(stdscr, 0, x, " ", COLS - x, st);
		add_hit(a, start, x, l, true);
	}
}

/* The most that fits: title, all tabs, switcher; then without the
 * title; then a compact switcher; then the current tab alone. */
static void
draw_topbar(struct app *a)
{
	int title_w, tabs;
	bool compact = false, full = true, title = true;
	int sw = switcher_width(a, false);

	widest_bar(a, &title_w, &tabs);
	a->nhits = 0;
	/* The titles of the languages still being checked are not known:
	 * until they are, no title, rather than one that would push the tabs
	 * aside when a longer one comes (a click aimed at a tab would miss). */
	if (1 + title_w + tabs + 2 + sw > COLS || a->set.pending > 0)
		title = false;
	if (!title && 1 + tabs + 2 + sw > COLS) {
		compact = true;
		sw = switcher_width(a, true);
	}
	if (!title && compact && 1 + tabs + 2 + sw > COLS)
		full = false;
	if (!full && COLS < MIN_COLS + 20) {
		sw = 0;		/* the tab alone, at the narrowest */
	}
	if (title) {
		paint_str(stdscr, 0, 1, a->b->title, COLS - 1, ST_TITLE);
		draw_tabs(a, title_w, COLS - title_w - sw - 1, full);
	} else {
		draw_tabs(a, 1, COLS - sw - 2, full);
	}
	if (sw > 0)
		draw_switcher(a, COLS - sw - 1, compact);
}

/* ------------------------------------------------------------ status line */

/* The search prompt on the status line: the stretch of the pattern
 * around the cursor, and a note when a paste was cut. */
/* Whether n bytes of s, ending in column end of the bottom row, put a
 * wide character next to the bottom-right corner.  It
 * must not be there: tmux (3.3a) redrawing the row into xterm leaves that
 * character out (tests/terminals saw "닫기" drawn as "닫"), so the row's
 * text ends a column earlier, which costs a blank. */
static bool
wide_at_corner(const char *s, size_t n, int end)
{
	return end == COLS - 2 && paint_last_width(s, n) > 1;
}

static void
draw_prompt(struct app *a, int y)
{
	char cut[128] = "";
	size_t from, to;
	int x, cw, cursor, room;

	if (a->prompt.capped)	/* a paste longer than a pattern */
		snprintf(cut, sizeof cut, _("(cut at %d bytes)"), PROMPT_MAX);
	cw = paint_width(cut);
	x = paint_str(stdscr, y, 0, a->prompt.lead, COLS, ST_STATUS);
	room = COLS - x - 1 - (cw > 0 ? cw + 2 : 0);
	prompt_window(&a->prompt, room, &from, &to, &cursor);
	if (cw == 0 && wide_at_corner(a->prompt.text.s + from, to - from,
	                              x + text_width(a->prompt.text.s + from, to - from) - 1))
		prompt_window(&a->prompt, --room, &from, &to, &cursor);
	paint_text(stdscr, y, x, a->prompt.text.s + from, to - from, room, ST_STATUS);
	if (cw > 0 && x + 2 + cw < COLS)
		paint_str(stdscr, y, COLS - cw - 1, cut, cw, ST_STATUS_ERROR);
	move(y, x + cursor);
}

/* A message, whole: wrapped over as many lines as it takes (half the
 * screen at most), the last one the status line's. */
static void
draw_message(struct app *a)
{
	enum style st = a->msg_error ? ST_STATUS_ERROR : ST_STATUS;
	struct tlines tl = {0};
	size_t n;
	int width = COLS - 2;

	text_wrap(a->msg, strlen(a->msg), width, lang_break_rules(a->b->lang), &tl);
	if (tl.n > 0 && wide_at_corner(a->msg + tl.v[tl.n - 1].start,
	                               tl.v[tl.n - 1].end - tl.v[tl.n - 1].start,
	                               tl.v[tl.n - 1].width)) {
		free(tl.v);
		memset(&tl, 0, sizeof tl);
		text_wrap(a->msg, strlen(a->msg), --width, lang_break_rules(a->b->lang), &tl);
	}
	/* A message never takes more than half the screen; what is cut off
	 * is shown to be, by an ellipsis on its last line. */
	n = tl.n < (size_t)LINES / 2 ? tl.n : (size_t)LINES / 2;
	for (size_t k = 0; k < n; k++) {
		int y = LINES - (int)n + (int)k, x;
		int cut = k + 1 == n && n < tl.n ? paint_width("\u2026") : 0;

		paint_blank(stdscr, y, 0, COLS, st);
		x = paint_text(stdscr, y, 1, a->msg + tl.v[k].start, tl.v[k].end - tl.v[k].start,
		               width - cut, st);
		if (cut > 0)
			paint_str(stdscr, y, 1 + x, "\u2026", cut, st);
	}
	free(tl.v);
}

static void
draw_status(struct app *a, const char *left)
{
	int y = LINES - 1, x;
	const char *hint = views[current(a)]->hint;
	const char *right = _(hint != NULL ? hint : N_("? help  q quit"));
	int rw = paint_width(right);

	if (a->msg[0] != '\0' && !a->prompt.active) {
		draw_message(a);
		return;
	}
	paint_blank(stdscr, y, 0, COLS, ST_STATUS);
	if (a->prompt.active) {
		draw_prompt(a, y);
		return;
	}
	x = paint_str(stdscr, y, 1, left, COLS - 2, ST_STATUS);
	if (wide_at_corner(right, strlen(right), COLS - 2))
		rw++;
	if (1 + x + 2 + rw + 1 <= COLS)
		paint_str(stdscr, y, COLS - rw - 1, right, rw, ST_STATUS);
}

/* The status line's left part for the mode on screen. */
static void
status_left(const struct app *a, char *buf, size_t size)
{
	enum view_id v = current(a);

	if (views[v]->status != NULL)
		views[v]->status(a, a->state[v], buf, size);
	else
		snprintf(buf, size, "%s", app_tab_title(a, a->page));
}

/* =: where am I. */
static void
where_am_i(struct app *a)
{
	char left[256];

	status_left(a, left, sizeof left);
	app_message(a, false, "%s \u00b7 %s \u00b7 %s", left, a->b->name, a->b->file);
}

/* ------------------------------------------------------------ drawing */

static bool
too_small(void)
{
	return LINES < MIN_ROWS || COLS < MIN_COLS;
}

/* Said whole, over as many rows as it takes, each centred. */
static void
draw_too_small(const struct app *a)
{
	const char *s = _("Terminal too small");
	struct tlines tl = {0};
	int y;

	text_wrap(s, strlen(s), COLS, lang_break_rules(a->b->lang), &tl);
	y = (LINES - (int)tl.n + 1) / 2;
	for (size_t k = 0; k < tl.n; k++) {
		int x = (COLS - tl.v[k].width) / 2;

		paint_text(stdscr, (y < 0 ? 0 : y) + (int)k, x < 0 ? 0 : x, s + tl.v[k].start,
		           tl.v[k].end - tl.v[k].start, COLS, ST_NORMAL);
	}
	free(tl.v);
}

/* The bars' look as text: what draw_topbar and draw_status depend on. */
static void
bars_key(const struct app *a, const char *left, char *buf, size_t size)
{
	unsigned langs = a->set.pending << LANG_COUNT;	/* the switcher's */

	for (int l = 0; l < LANG_COUNT; l++)
		langs |= (a->set.lang[l] != NULL) << l;
	snprintf(buf, size, "%d %d %d %d %d %d %d %d %u %s\n%s", a->page, (int)a->lang,
	         a->help, (int)current(a), COLS, LINES, (int)a->tty.ambig, a->msg_error, langs,
	         left, a->msg);
}

static void
draw(struct app *a)
{
	enum view_id v = current(a);
	char left[256], key[sizeof a->bars];

	/* The prompt's cursor goes where the line is edited, not where the
	 * update happens to stop (the end of what changed). */
	leaveok(stdscr, !a->prompt.active);
	if (too_small()) {
		curs_set(0);
		erase();
		draw_too_small(a);
		a->bars[0] = '\0';
		a->erased = true;
		return;
	}
	status_left(a, left, sizeof left);
	bars_key(a, left, key, sizeof key);
	/* A moving cloud: the bars as they were, the body kept by the
	 * mode -- a frame costs what changed in it. */
	if (views[v]->keeps_body && !a->prompt.active && !a->bars_wrap
	    && strcmp(key, a->bars) == 0) {
		a->erased = false;
		views[v]->draw(a, a->state[v], 1, a->body_height);
		return;
	}
	curs_set(0);
	erase();
	a->erased = true;
	draw_topbar(a);
	views[v]->draw(a, a->state[v], 1, a->body_height);
	draw_status(a, left);
	/* (A prompt's line is drawn anew each time, and once it ends.) */
	snprintf(a->bars, sizeof a->bars, "%s", a->prompt.active ? "" : key);
	a->bars_wrap = a->msg[0] != '\0' && paint_width(a->msg) > COLS - 2;
	if (a->prompt.active)
		curs_set(1);
}

/* Time passes for the mode on screen.  A tick may open another mode (a
 * tag reaching the front opens its page): tick that one too, so what is
 * drawn is up to date and the program may sleep.  Returns how long. */
static int
tick(struct app *a)
{
	enum view_id v;
	int ms = -1;

	a->body_height = LINES - 2;
	for (int i = 0; i < VIEW_COUNT; i++) {
		v = current(a);
		ms = views[v]->tick(a, a->state[v]);
		if (current(a) == v)
			break;
	}
	v = current(a);
	tty_mouse_motion(!too_small() && views[v]->pointer != NULL
	                 && views[v]->pointer(a, a->state[v]));
	return ms;
}

/* ------------------------------------------------------------ navigation */

static void
push_place(struct place **v, size_t *n, size_t *cap, struct place p)
{
	grow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = p;
}

static struct place
here(const struct app *a)
{
	struct place p = {a->page, -1, 0, 0, a->lang};

	if (views[a->view]->where != NULL)
		views[a->view]->where(a, a->state[a->view], &p);
	return p;
}

static void
go(struct app *a, const struct place *p)
{
	a->page = p->page < app_ntabs(a) ? p->page : 0;
	a->view = a->page < (int)a->b->npages ? VIEW_PAGE : a->cloud_view;
	a->help = false;
	view_go(a, a->view, p);
}

void
app_goto_page(struct app *a, int page, int block, bool record)
{
	struct place to = {page, block, 0, 0, a->lang};

	if (record) {
		push_place(&a->back, &a->nback, &a->capback, here(a));
		a->nfwd = 0;
	}
	go(a, &to);
}

void
app_open_tag(struct app *a, size_t t)
{
	const struct tag *tag;
	int page;

	if (t >= a->b->ntags)
		return;
	tag = &a->b->tags[t];
	page = bundle_find_page(a->b, tag->page);
	if (page < 0)
		return;
	a->target.page = page;
	a->target.block = tag->block != NULL
	                  ? page_find_block(&a->b->pages[page], tag->block) : -1;
	a->target.nkeys = a->nkeys;
	app_goto_page(a, page, a->target.block, true);
}

void
app_show_view(struct app *a, enum view_id v)
{
	struct place p = here(a);

	if (a->page >= (int)a->b->npages && (v == VIEW_CLOUD || v == VIEW_LIST))
		a->cloud_view = v;
	a->view = v;
	view_go(a, v, &p);
}

/* One step through the history: from one stack to the other. */
static void
travel(struct app *a, bool forward)
{
	struct place *from = forward ? a->fwd : a->back;
	size_t *nfrom = forward ? &a->nfwd : &a->nback;

	if (*nfrom == 0) {
		app_message(a, false, "%s", forward
		            ? _("Already at the end of the history")
		            : _("Already at the start of the history"));
		return;
	}
	if (forward)
		push_place(&a->back, &a->nback, &a->capback, here(a));
	else
		push_place(&a->fwd, &a->nfwd, &a->capfwd, here(a));
	/* push_place may have moved the other stack, never this one. */
	go(a, &from[--*nfrom]);
}

/* The status line names a language refused in the background (the file,
 * line and column, and what is wrong), then and on each attempt to
 * switch to it. */
static void
say_unavailable(struct app *a, int l)
{
	app_message(a, true, _("Language '%s' unavailable: %s"), lang_code((enum lang)l),
	            a->set.why[l]);
}

/* Check the next language not yet read, while the reader reads; say at
 * once if it is refused.  False when none was left. */
static bool
load_pending(struct app *a)
{
	int l = bundleset_load_pending(&a->set);

	if (l < 0)
		return false;
	if (a->set.lang[l] == NULL)
		say_unavailable(a, l);
	else if (a->tty.ambig == AMBIGUOUS_WIDE)
		bundle_make_unambiguous(a->set.lang[l]);
	return true;
}

static void
set_lang(struct app *a, enum lang l)
{
	struct place p = here(a);
	bool help = a->help;

	if (a->set.lang[l] == NULL)
		return;
	a->lang = l;
	a->b = a->set.lang[l];
	i18n_set_language(l);
	notify(a, CHANGE_LANG);
	/* The languages share their structure: the same place, which the
	 * mode finds in the other language's text. */
	go(a, &p);
	a->help = help;		/* the help stays open, now in l */
}

/* L and H: every language is checked before the cycle goes on. */
static void
step_lang(struct app *a, int dir)
{
	int skipped;
	enum lang l;

	while (load_pending(a))
		;
	l = bundleset_step_lang(&a->set, a->lang, dir, &skipped);
	set_lang(a, l);
	if (skipped >= 0)
		say_unavailable(a, skipped);
}

static void
make_unambiguous(struct bundleset *set)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (set->lang[l] != NULL)
			bundle_make_unambiguous(set->lang[l]);
}

static void
reload(struct app *a)
{
	struct bundleset fresh, old;
	struct bundle_error err;
	struct place p = here(a);
	enum lang l = a->lang;

	if (!bundleset_load(&fresh, a->set.dir, &err)) {
		/* Keep what we have; say what is wrong with the files. */
		if (err.line > 0)
			app_message(a, true, "%s:%u:%u: %s", err.file, err.line,
			            err.column, err.message);
		else
			app_message(a, true, "%s: %s", err.file, err.message);
		return;
	}
	if (a->tty.ambig == AMBIGUOUS_WIDE)
		make_unambiguous(&fresh);
	old = a->set;
	a->set = fresh;
	if (a->set.lang[l] == NULL)
		l = bundleset_next_lang(&a->set, l, 1);
	a->lang = l;
	a->b = a->set.lang[l];
	i18n_set_language(l);
	if (a->tag >= (long)a->b->ntags)
		a->tag = -1;
	/* Before the old set goes: no mode may keep a pointer into it. */
	notify(a, CHANGE_CONTENT);
	bundleset_free(&old);
	if (p.page > (int)a->b->npages)
		p.page = 0;
	go(a, &p);
	app_message(a, false, "%s", _("Reloaded the content from disk"));
}

/* ------------------------------------------------------------ input */

static void
switch_tab(struct app *a, int t)
{
	int n = app_ntabs(a);

	t = ((t % n) + n) % n;
	if (t == a->page)
		a->help = false;	/* from the help: back where we were */
	else
		app_goto_page(a, t, -1, true);
}

/* An action of the application's own tables. */
static void
command(struct app *a, enum action act, int index)
{
	switch (act) {
	case ACT_TAB:
		if (index < app_ntabs(a))
			switch_tab(a, index);
		else
			app_message(a, false, _("No tab %d: there are %d"), index + 1,
			            app_ntabs(a));
		break;
	case ACT_TAB_NEXT:
		switch_tab(a, a->page + 1);
		break;
	case ACT_TAB_PREV:
		switch_tab(a, a->page - 1);
		break;
	case ACT_LANG_NEXT:
		step_lang(a, 1);
		break;
	case ACT_LANG_PREV:
		step_lang(a, -1);
		break;
	case ACT_BACK:
	case ACT_FORWARD:
		travel(a, act == ACT_FORWARD);
		break;
	case ACT_REDRAW:
		tty_repaint();
		break;
	case ACT_RELOAD:
		reload(a);
		break;
	case ACT_HELP:
		a->help = true;
		view_go(a, VIEW_HELP, NULL);
		break;
	case ACT_QUIT:
		a->quit = true;
		break;
	case ACT_WHERE:
		where_am_i(a);
		break;
	case ACT_MARK:
	case ACT_MARK_GO:
		a->pending = act;
		app_message(a, false, "%s", act == ACT_MARK ? _("Mark: which letter?")
		                                         : _("Go to the mark: which letter?"));
		break;
	default:
		break;	/* ACT_CANCEL: the message is gone already */
	}
}

/* The letter after m or '. */
static void
mark_key(struct app *a, key_code k)
{
	enum action act = a->pending;
	int i = k >= 'a' && k <= 'z' ? (int)(k - 'a') : k >= 'A' && k <= 'Z' ? (int)(k - 'A') : -1;
	struct place to;

	a->pending = ACT_NONE;
	if (act == ACT_MARK_GO && k == '\'') {
		if (!a->jumped) {
			app_message(a, false, "%s", _("No jump to go back from"));
			return;
		}
		to = a->before_jump;
	} else if (i < 0) {
		return;		/* Esc, or no letter: nothing */
	} else if (act == ACT_MARK) {
		a->marks[i] = here(a);
		a->marked |= 1u << i;
		app_message(a, false, _("Mark %c set"), (int)('a' + i));
		return;
	} else if (!(a->marked & (1u << i))) {
		app_message(a, true, _("No mark %c"), (int)('a' + i));
		return;
	} else {
		to = a->marks[i];
	}
	a->before_jump = here(a);
	a->jumped = true;
	push_place(&a->back, &a->nback, &a->capback, a->before_jump);
	a->nfwd = 0;
	go(a, &to);
}

/* The application's command for key k.  If k means something else in
 * less, w3m or lynx, the first time it is pressed say so, in the
 * language it was pressed in: H switches the language, and the note is
 * for a reader of the one before. */
static void
command_noted(struct app *a, key_code k, enum action act, int index)
{
	char note[256] = "";
	size_t i = 0;

	while (i < sizeof clashes / sizeof *clashes
	       && (clashes[i].key != k || (a->told & (1u << i))))
		i++;
	if (i < sizeof clashes / sizeof *clashes)
		snprintf(note, sizeof note, "%s", _(clashes[i].note));
	command(a, act, index);
	if (note[0] != '\0' && a->msg[0] == '\0') {
		a->told |= 1u << i;
		app_message(a, false, "%s", note);
	}
}

static bool
is_digit(key_code k)
{
	return k >= '0' && k <= '9';
}

/* A key outside the prompt: the mark's letter, or the mode's command,
 * else the application's. */
static void
dispatch(struct app *a, key_code k)
{
	enum view_id v = current(a);
	const struct binding *b;
	int index;

	if (a->pending != ACT_NONE) {
		mark_key(a, k);
		return;
	}
	b = keys_lookup(views[v]->keys, k, &index);
	if (b != NULL && views[v]->command(a, a->state[v], b->act, index))
		return;
	b = keys_lookup(app_keys, k, &index);
	if (b == NULL && is_digit(k) && is_digit(a->last_key))
		a->counted = true;	/* "10j", "50%": a count, as in less */
	else if (b == NULL)
		app_message(a, false, _("%s: no such key here; ? lists the keys"), keyc_name(k));
	else
		command_noted(a, k, b->act, index);
}

static void
handle_key(struct app *a, key_code k)
{
	bool counted = a->counted;

	a->nkeys++;
	/* The status line takes every key while a line is typed. */
	if (a->prompt.active) {
		enum view_id owner = a->prompt.owner;

		if (prompt_key(&a->prompt, k) == PROMPT_DONE)
			views[owner]->prompt_done(a, a->state[owner], a->prompt.text.s);
		return;
	}
	a->msg[0] = '\0';
	a->counted = false;
	dispatch(a, k);
	/* The note on a count stays through the key the count was for, with
	 * nothing of its own to say: 10j typed at once still tells why j
	 * moved one line. */
	if (a->counted || (counted && a->msg[0] == '\0' && k != KEYC_ESC && !a->prompt.active
	                   && a->pending == ACT_NONE))
		app_message(a, false, "%s", _("No counts here (as in 10j): a digit picks a tab"));
	a->last_key = k;
}

static bool
topbar_click(struct app *a, const MEVENT *m)
{
	if (m->y != 0 || !(m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)))
		return false;
	for (int i = 0; i < a->nhits; i++) {
		const struct hit *h = &a->hits[i];

		if (m->x < h->x0 || m->x >= h->x1)
			continue;
		if (h->lang)
			set_lang(a, (enum lang)h->target);
		else
			switch_tab(a, h->target);
		return true;
	}
	return true;
}

/* Whatever the reader does puts the idle deadline off; time passing and
 * the program's own frames do not. */
static void
active(struct app *a, const struct event *ev)
{
	if (a->idle_end < 0 || ev->type == EV_TIMEOUT || ev->type == EV_QUIT
	    || ev->type == EV_REDRAW)
		return;
	a->idle_end = monotonic_ms() + a->opts->idle_ms;
}

/* The terminal's background colour can be told late (through GNU
 * screen): the cloud's shades follow it. */
static void
follow_background(struct app *a)
{
	bool light = tty_light_background();

	if (light == a->tty.light)
		return;
	a->tty.light = light;
	theme_init(a->tty.colors, light);
	tty_repaint();
}

static void
handle_event(struct app *a, const struct event *ev)
{
	enum view_id v = current(a);

	active(a, ev);
	switch (ev->type) {
	case EV_KEY:
		handle_key(a, ev->key);
		break;
	case EV_MOUSE:
		if (too_small())
			break;
		prompt_end(&a->prompt);	/* a click elsewhere abandons the line */
		if (!topbar_click(a, &ev->mouse) && views[v]->mouse != NULL)
			views[v]->mouse(a, a->state[v], &ev->mouse);
		break;
	case EV_REDRAW:
		tty_repaint();
		break;
	case EV_RESIZE:
		notify(a, CHANGE_SIZE);
		break;
	case EV_NO_SUSPEND:
		prompt_end(&a->prompt);
		app_message(a, false, "%s", _("Ctrl-Z does nothing here: this is a kiosk "
		                              "(q quits)"));
		break;
	case EV_TIMEOUT:
	case EV_QUIT:
		break;
	}
}

/* ------------------------------------------------------------ the loop */

/* ev, then everything else already waiting (a paste, keys typed ahead, a
 * storm of resizes), each after a tick, drawn once at the end: a paste
 * costs one frame, not one per byte.  Bounded in time, so a paste that
 * never ends still shows.  Returns the quit signal, or 0. */
static int
handle_burst(struct app *a, struct event *ev)
{
	long long until = monotonic_ms() + BURST_MS;

	for (;;) {
		if (ev->type == EV_QUIT)
			return ev->signal;
		handle_event(a, ev);
		if (ev->type == EV_TIMEOUT || a->quit || monotonic_ms() >= until)
			return 0;	/* a frame is due: nothing else waits */
		tick(a);
		tty_next(ev, 0);
		if (ev->type == EV_TIMEOUT)
			return 0;
	}
}

/* How long to wait for the next event: until the next frame (ms, -1 for
 * none), or until the idle deadline if that comes first -- one timer, so
 * a program at rest still wakes up once, when it runs out. */
static int
wait_ms(const struct app *a, int ms)
{
	long long left;

	if (a->idle_end < 0)
		return ms;
	left = a->idle_end - monotonic_ms();
	if (left < 0)
		left = 0;
	return ms >= 0 && ms < left ? ms : (int)(left < INT_MAX ? left : INT_MAX);
}

/* After idle_ms with no input: goodbye, on the terminal given back. */
static void
say_goodbye(const struct app *a)
{
	struct sbuf line = {0};
	long s = a->opts->idle_ms / 1000;

	if (s % 60 == 0)
		sanitize_printf(&line, P_("No key pressed for %ld minute: goodbye.\n",
		                          "No key pressed for %ld minutes: goodbye.\n", s / 60),
		                s / 60);
	else
		sanitize_printf(&line, P_("No key pressed for %ld second: goodbye.\n",
		                          "No key pressed for %ld seconds: goodbye.\n", s), s);
	charset_write(stdout, line.s, line.len);
	fflush(stdout);
	sbuf_free(&line);
}

static void
app_free(struct app *a)
{
	for (int m = 0; m < VIEW_COUNT; m++)
		if (a->state[m] != NULL)
			views[m]->free(a->state[m]);
	bundleset_free(&a->set);
	prompt_free(&a->prompt);
	search_free(&a->tag_search);
	free(a->back);
	free(a->fwd);
}

int
app_run(struct bundleset *set, enum lang lang, int page,
        const struct app_opts *opts)
{
	struct app a;
	struct place start;
	int sig = 0;
	bool idle = false;

	memset(&a, 0, sizeof a);
	a.opts = opts;
	a.idle_end = -1;
	a.set = *set;
	memset(set, 0, sizeof *set);
	a.lang = lang;
	a.b = a.set.lang[lang];
	a.cloud_view = VIEW_CLOUD;
	a.tag = -1;
	a.target.block = -1;
	if (!tty_open(&opts->tty, &a.tty)) {
		app_free(&a);
		return EXIT_USAGE;
	}
	if (a.tty.ambig == AMBIGUOUS_WIDE)
		make_unambiguous(&a.set);
	theme_init(a.tty.colors, a.tty.light);
	paint_set_ambiguous(a.tty.ambig);
	i18n_set_language(lang);
	for (int m = 0; m < VIEW_COUNT; m++)
		a.state[m] = views[m]->init(&a);
	measure_cloud_titles(&a);
	start = (struct place){page < 0 ? 0 : page, -1, 0, 0, lang};
	go(&a, &start);
	if (!charset_is_utf8())
		app_message(&a, false, _("Character set %s, not UTF-8: what it lacks "
		                         "shows as ?"), charset_name());
	else if (opts->note != NULL)
		app_message(&a, false, "%s", opts->note);
	if (opts->idle_ms > 0)
		a.idle_end = monotonic_ms() + opts->idle_ms;
	while (!a.quit && sig == 0) {
		struct event ev;
		int ms;

		if (a.idle_end >= 0 && monotonic_ms() >= a.idle_end) {
			idle = true;
			break;
		}
		ms = tick(&a);
		follow_background(&a);
		draw(&a);
		tty_flush();
		if (a.set.pending == 0) {
			tty_next(&ev, wait_ms(&a, ms));
		} else {
			/* The screen is out: check the other languages, one
			 * at a time while no key waits, then draw what they
			 * add (a key first, if one comes). */
			do
				tty_next(&ev, 0);
			while (ev.type == EV_TIMEOUT && load_pending(&a));
			if (ev.type == EV_TIMEOUT)
				continue;
		}
		sig = handle_burst(&a, &ev);
	}
	tty_close();
	if (idle)
		say_goodbye(&a);
	app_free(&a);
	if (sig != 0)
		tty_reraise(sig);
	return EXIT_OK;
}
