/* app.c: the full-screen browser -- the main loop, the top bar and the
 * status line around the views, navigation and history. */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
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
};

#define CTRL(c) ((c) & 0x1f)

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

static const struct view *
current_view(const struct app *a)
{
	if (a->view == VIEW_HELP)
		return &view_help;
	if (a->page >= (int)a->b->npages)
		return &view_cloud;
	return &view_page;
}

void
app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

/* ------------------------------------------------------------ top bar */

static const char *
tab_title(const struct app *a, int t)
{
	if (t < (int)a->b->npages)
		return a->b->pages[t].title;
	return _("Cloud");
}

static void
add_hit(struct app *a, int x0, int x1, int target, bool lang)
{
	if (a->nhits < (int)(sizeof a->hits / sizeof *a->hits))
		a->hits[a->nhits++] = (struct hit){x0, x1, target, lang};
}

/* Width of the tabs drawn in full: " T1 · T2 · ... ". */
static int
tabs_width(const struct app *a, int sep)
{
	int w = 0;

	for (int t = 0; t < app_ntabs(a); t++)
		w += paint_width(tab_title(a, t)) + 2 + (t > 0 ? sep : 0);
	return w;
}

static int
draw_tabs(struct app *a, int x, int maxw, bool full)
{
	const char *sep = a->tty.ambig == AMBIGUOUS_WIDE ? " " : "\u00b7";
	int x0 = x;

	if (!full) {
		/* Only the current tab, and where it is among them. */
		char buf[64];

		snprintf(buf, sizeof buf, " %d/%d", a->page + 1, app_ntabs(a));
		x += paint_str(stdscr, 0, x, " ", maxw, ST_TAB_CURRENT);
		x += paint_str(stdscr, 0, x, tab_title(a, a->page), maxw - (x - x0) - 1,
		               ST_TAB_CURRENT);
		x += paint_str(stdscr, 0, x, " ", maxw - (x - x0), ST_TAB_CURRENT);
		add_hit(a, x0, x, a->page, false);
		x += paint_str(stdscr, 0, x, buf, maxw - (x - x0), ST_TAB);
		return x - x0;
	}
	for (int t = 0; t < app_ntabs(a); t++) {
		enum style st = t == a->page ? ST_TAB_CURRENT : ST_TAB;
		int start;

		if (t > 0)
			x += paint_str(stdscr, 0, x, sep, maxw - (x - x0), ST_TAB);
		start = x;
		x += paint_str(stdscr, 0, x, " ", maxw - (x - x0), st);
		x += paint_str(stdscr, 0, x, tab_title(a, t), maxw - (x - x0), st);
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
	int title_w = paint_width(a->b->title) + 3;
	int tabs = tabs_width(a, 1);
	bool compact = false, full = true, title = true;
	int sw = switcher_width(a, false);

	a->nhits = 0;
	if (1 + title_w + tabs + 2 + sw > COLS)
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

static void
draw_status(struct app *a, const char *left)
{
	int y = LINES - 1, x;
	const char *right = _("? help  q quit");
	int rw = paint_width(right);

	paint_blank(stdscr, y, 0, COLS, a->msg[0] && a->msg_error
	            ? ST_STATUS_ERROR : ST_STATUS);
	if (a->prompt) {
		x = paint_str(stdscr, y, 0, "/", COLS, ST_STATUS);
		x += paint_text(stdscr, y, x, a->input.s ? a->input.s : "", a->input.len,
		                COLS - x - 1, ST_STATUS);
		move(y, x);
		return;
	}
	if (a->msg[0] != '\0') {
		paint_str(stdscr, y, 1, a->msg, COLS - 1,
		          a->msg_error ? ST_STATUS_ERROR : ST_STATUS);
		return;
	}
	x = paint_str(stdscr, y, 1, left, COLS - 2, ST_STATUS);
	if (1 + x + 2 + rw + 1 <= COLS)
		paint_str(stdscr, y, COLS - rw - 1, right, rw, ST_STATUS);
}

/* The page's name and the position: "History  12/80  15%". */
static void
status_text(const struct app *a, char *buf, size_t size)
{
	const char *name = a->view == VIEW_HELP ? _("Help") : tab_title(a, a->page);

	if (a->view == VIEW_PAGE && a->page < (int)a->b->npages && a->doc.n > 0) {
		size_t bottom = a->top + (size_t)a->body_height;
		int pct;

		if (bottom > a->doc.n)
			bottom = a->doc.n;
		pct = (int)(bottom * 100 / a->doc.n);
		snprintf(buf, size, "%s  %zu/%zu  %d%%", name, a->top + 1, a->doc.n, pct);
	} else {
		snprintf(buf, size, "%s", name);
	}
}

/* ------------------------------------------------------------ drawing */

static void
draw_too_small(void)
{
	const char *s = _("Terminal too small");
	int w = paint_width(s), y = LINES / 2, x = (COLS - w) / 2;

	paint_str(stdscr, y, x < 0 ? 0 : x, s, COLS, ST_NORMAL);
}

static void
draw(struct app *a)
{
	const struct view *v;
	char left[256];

	erase();
	curs_set(0);
	if (LINES < MIN_ROWS || COLS < MIN_COLS) {
		draw_too_small();
		return;
	}
	a->body_height = LINES - 2;
	if (current_view(a) != &view_cloud)
		tty_mouse_motion(false);	/* only the cloud follows the pointer */
	draw_topbar(a);
	v = current_view(a);
	v->draw(a, 1, a->body_height);
	if (current_view(a) != v) {
		/* The view opened a page as it drew (a tag reaching the front
		 * of the cloud): draw that instead, the program may sleep. */
		erase();
		tty_mouse_motion(false);
		draw_topbar(a);
		current_view(a)->draw(a, 1, a->body_height);
	}
	status_text(a, left, sizeof left);
	draw_status(a, left);
	if (a->prompt)
		curs_set(1);
}

/* ------------------------------------------------------------ navigation */

static void
push_place(struct place **v, size_t *n, size_t *cap, struct place p)
{
	grow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = p;
}

static struct place
here(struct app *a)
{
	struct place p = {a->page, -1, 0, 0};

	if (a->page < (int)a->b->npages)
		page_current_place(a, &p);
	return p;
}

static void
go(struct app *a, const struct place *p)
{
	a->page = p->page < app_ntabs(a) ? p->page : 0;
	a->view = VIEW_PAGE;
	a->link = -1;
	a->match = -1;
	a->matches.n = 0;
	a->top = 0;
	page_invalidate(a);
	if (a->page < (int)a->b->npages)
		page_restore_place(a, p);
}

void
app_goto_page(struct app *a, int page, int block, bool record)
{
	struct place to = {page, block, 0, 0};

	if (record) {
		push_place(&a->back, &a->nback, &a->capback, here(a));
		a->nfwd = 0;
	}
	go(a, &to);
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

void
app_back(struct app *a)
{
	travel(a, false);
}

void
app_forward(struct app *a)
{
	travel(a, true);
}

void
app_set_lang(struct app *a, enum lang l)
{
	struct place p = here(a);
	enum view_id view = a->view;

	if (a->set.lang[l] == NULL)
		return;

	a->lang = l;
	a->b = a->set.lang[l];
	i18n_set_language(l);
	/* The languages share their structure: the same block stays at the
	 * top (its offset means nothing in another language). */
	p.offset = 0;
	go(a, &p);		/* (and the page view searches it anew) */
	a->view = view;		/* the help stays open, now in l */
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
	struct bundleset fresh;
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
	cloud_view_forget();
	bundleset_free(&a->set);
	a->set = fresh;
	if (a->set.lang[l] == NULL)
		l = bundleset_next_lang(&a->set, l, 1);
	a->lang = l;
	a->b = a->set.lang[l];
	if (p.page > (int)a->b->npages)
		p.page = 0;
	a->view = VIEW_PAGE;
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
		a->view = VIEW_PAGE;	/* from the help: back where we were */
	else
		app_goto_page(a, t, -1, true);
}

bool
app_motion(const struct app *a, int key, bool keycode, long *by)
{
	long page = a->body_height > 1 ? a->body_height - 1 : 1;

	if (keycode) {
		switch (key) {
		case KEY_UP:
			*by = -1;
			return true;
		case KEY_DOWN:
			*by = 1;
			return true;
		case KEY_NPAGE:
			*by = page;
			return true;
		case KEY_PPAGE:
			*by = -page;
			return true;
		case KEY_HOME:
			*by = LONG_MIN;
			return true;
		case KEY_END:
			*by = LONG_MAX;
			return true;
		default:
			return false;
		}
	}
	switch (key) {
	case 'k': case CTRL('P'):
		*by = -1;
		return true;
	case 'j': case CTRL('N'):
		*by = 1;
		return true;
	case ' ': case 'f': case CTRL('F'):
		*by = page;
		return true;
	case 'b': case '-': case CTRL('B'):
		*by = -page;
		return true;
	case 'd': case CTRL('D'):
		*by = page / 2 + 1;
		return true;
	case 'u': case CTRL('U'):
		*by = -(page / 2 + 1);
		return true;
	case 'g': case '<':
		*by = LONG_MIN;
		return true;
	case 'G': case '>':
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

bool
app_common_key(struct app *a, int key, bool keycode)
{
	if (keycode) {
		switch (key) {
		case KEY_F(1):
			a->view = a->view == VIEW_HELP ? VIEW_PAGE : VIEW_HELP;
			a->help_top = 0;
			return true;
		case KEY_BTAB:
			switch_tab(a, a->page - 1);
			return true;
		case KEY_BACKSPACE:
		case KEY_LEFT:
			app_back(a);
			return true;
		case KEY_RIGHT:
			app_forward(a);
			return true;
		default:
			return false;
		}
	}
	switch (key) {
	case 'q':
		a->quit = true;
		return true;
	case '?':
		a->view = VIEW_HELP;
		a->help_top = 0;
		return true;
	case '\t':
		switch_tab(a, a->page + 1);
		return true;
	case 'L':
		app_set_lang(a, bundleset_next_lang(&a->set, a->lang, 1));
		return true;
	case 'H':
		app_set_lang(a, bundleset_next_lang(&a->set, a->lang, -1));
		return true;
	case CTRL('L'):
		tty_repaint();
		return true;
	case 'r':
		reload(a);
		return true;
	case 127:
	case CTRL('H'):
		app_back(a);
		return true;
	case 27:
		a->msg[0] = '\0';
		return true;
	default:
		if (key >= '1' && key <= '9' && key - '1' < app_ntabs(a)) {
			switch_tab(a, key - '1');
			return true;
		}
		return false;
	}
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
			app_set_lang(a, (enum lang)h->target);
		else
			switch_tab(a, h->target);
		return true;
	}
	return true;
}

static void
handle_event(struct app *a, const struct event *ev)
{
	const struct view *v = current_view(a);

	switch (ev->type) {
	case EV_KEY:
		/* The status line takes every key while a pattern is typed. */
		if (a->prompt) {
			page_prompt_key(a, ev->key, ev->keycode);
			break;
		}
		a->msg[0] = '\0';
		if (!v->key(a, ev->key, ev->keycode))
			app_common_key(a, ev->key, ev->keycode);
		break;
	case EV_MOUSE:
		if (LINES < MIN_ROWS || COLS < MIN_COLS)
			break;
		a->prompt = false;	/* a click elsewhere abandons the pattern */
		if (!topbar_click(a, &ev->mouse) && v->mouse != NULL)
			v->mouse(a, &ev->mouse);
		break;
	case EV_REDRAW:
		tty_repaint();
		break;
	case EV_RESIZE:
	case EV_TIMEOUT:
	case EV_QUIT:
		break;
	}
}

static void
app_free(struct app *a)
{
	bundleset_free(&a->set);
	doc_free(&a->doc);
	search_free(&a->search);
	free(a->matches.v);
	free(a->match_line);
	sbuf_free(&a->input);
	cloud_view_free();
	free(a->back);
	free(a->fwd);
}

int
app_run(struct bundleset *set, enum lang lang, int page,
        const struct tty_opts *opts)
{
	struct app a;
	int sig = 0;

	memset(&a, 0, sizeof a);
	a.set = *set;
	memset(set, 0, sizeof *set);
	a.lang = lang;
	a.b = a.set.lang[lang];
	a.page = page < 0 ? 0 : page;
	a.link = -1;
	a.match = -1;
	a.doc_page = -1;
	if (!tty_open(opts, &a.tty)) {
		app_free(&a);
		return EXIT_USAGE;
	}
	if (a.tty.ambig == AMBIGUOUS_WIDE)
		make_unambiguous(&a.set);
	theme_init(a.tty.colors);
	paint_set_ambiguous(a.tty.ambig);
	i18n_set_language(lang);
	while (!a.quit) {
		struct event ev;

		draw(&a);
		tty_flush();
		tty_next(&ev, current_view(&a)->frame_ms(&a));
		if (ev.type == EV_QUIT) {
			sig = ev.signal;
			break;
		}
		handle_event(&a, &ev);
	}
	tty_close();
	app_free(&a);
	if (sig != 0)
		tty_reraise(sig);
	return EXIT_OK;
}
