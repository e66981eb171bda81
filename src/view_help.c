/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* view_help.c: the keys, by what they do -- made from the key tables of
 * the application and of every mode (app_help_tables), so the help lists
 * exactly what dispatch does.  Looked up through gettext when laid out,
 * and laid out again after a language switch. */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "app.h"
#include "i18n.h"
#include "paint.h"
#include "util.h"

/* A row of the help as laid out: a key column (or NULL) and a stretch of
 * a text. */
struct row {
	const char *key;
	const char *text;
	size_t start, end;
	enum style st;
};

struct help_state {
	size_t top;
	const struct keytable *jump;	/* to show at the top, once laid out */
	const struct keytable *tables[32];	/* and where each one's heading is */
	size_t heading[32], ntables;
	int width;		/* laid out for; -1: not yet, or stale */
	int keyw;		/* the key column, 4 when keys go above */
	struct row *rows;
	size_t n, cap;
	char **strs;		/* what the rows point into, owned */
	size_t nstrs, capstrs;
};

static const struct binding help_bindings[] = {
	{ACT_CLOSE, {KEYC_ESC, 'q', '?', KEYC(KEY_F(1))}, N_("close this help"), NULL},
};

static const struct keytable help_keys = KEYTABLE(N_("Help"), help_bindings);
static const struct keytable *const keys[] = {&keys_motion, &help_keys, NULL};

/* ------------------------------------------------------------ layout */

static const char *
keep(struct help_state *s, char *str)
{
	grow(&s->strs, &s->capstrs, s->nstrs + 1, sizeof *s->strs);
	s->strs[s->nstrs++] = str;
	return str;
}

/* A help text or heading, translated; "%d" in it is the cloud's tab.
 * (Put in by hand: a translation is no format string to trust.) */
static const char *
text_of(const struct app *a, struct help_state *s, const char *msgid)
{
	const char *text = _(msgid), *d = strstr(text, "%d");
	struct sbuf b = {0};

	if (d == NULL)
		return text;
	sbuf_add(&b, text, (size_t)(d - text));
	sbuf_printf(&b, "%d", app_ntabs(a));
	sbuf_adds(&b, d + 2);
	return keep(s, b.s);
}

static void
add_row(struct help_state *s, const char *key, const char *text, size_t start,
        size_t end, enum style st)
{
	grow(&s->rows, &s->cap, s->n + 1, sizeof *s->rows);
	s->rows[s->n++] = (struct row){key, text, start, end, st};
}

static void
forget_rows(struct help_state *s)
{
	for (size_t i = 0; i < s->nstrs; i++)
		free(s->strs[i]);
	s->nstrs = 0;
	s->n = 0;
}

/* A text of the help wrapped by its language's rules, but never inside a
 * key name: "Ctrl-G", "Shift-Tab" stay whole on a line. */
static void
wrap(const struct app *a, const char *what, int width, struct tlines *tl)
{
	size_t n = strlen(what);
	char *brk = xmalloc(n + 1);

	text_breaks(what, n, lang_break_rules(a->b->lang), brk);
	for (size_t i = 1; i + 1 < n; i++)
		if (what[i] == '-' && isalnum((unsigned char)what[i - 1])
		    && isalnum((unsigned char)what[i + 1]))
			brk[i + 1] = UC_BREAK_PROHIBITED;
	text_wrap_breaks(what, n, width < 1 ? 1 : width, brk, tl);
	free(brk);
}

/* One binding: its keys, and what it does wrapped in the column after
 * them (under them when the screen is narrow). */
static void
lay_out_binding(const struct app *a, struct help_state *s, const struct binding *b,
                int textw)
{
	char keytext[128];
	const char *key, *what = text_of(a, s, b->help);
	struct tlines tl = {0};

	binding_keys_text(b, app_keys_usable(a, b), keytext, sizeof keytext);
	key = keep(s, xstrdup(keytext));
	if (s->keyw == 4)
		add_row(s, key, "", 0, 0, ST_NORMAL);
	wrap(a, what, textw, &tl);
	for (size_t k = 0; k < tl.n; k++)
		add_row(s, k == 0 && s->keyw > 4 ? key : NULL, what, tl.v[k].start,
		        tl.v[k].end, ST_NORMAL);
	free(tl.v);
}

/* The widest key column of the tables, plus the gap after it. */
static int
key_column(const struct app *a, const struct keytable *const *t, size_t nt)
{
	int w = 0;

	for (size_t i = 0; i < nt; i++)
		for (size_t j = 0; j < t[i]->n; j++) {
			char keytext[128];
			int kw;

			binding_keys_text(&t[i]->v[j], app_keys_usable(a, &t[i]->v[j]),
			                  keytext, sizeof keytext);
			if ((kw = paint_width(keytext)) > w)
				w = kw;
		}
	return w + 3;
}

static void
lay_out(const struct app *a, struct help_state *s, int width)
{
	const struct keytable **t = s->tables;
	size_t nt = app_help_tables(t, sizeof s->tables / sizeof s->tables[0]);
	const char *title = _("Keys");

	forget_rows(s);
	s->width = width;
	s->keyw = key_column(a, t, nt);
	if (width - 2 - s->keyw < 20)
		s->keyw = 4;		/* narrow: descriptions below their keys */
	add_row(s, NULL, title, 0, strlen(title), ST_TITLE);
	s->ntables = nt;
	for (size_t i = 0; i < nt; i++) {
		const char *heading = text_of(a, s, t[i]->title);

		s->heading[i] = s->n;
		add_row(s, NULL, "", 0, 0, ST_NORMAL);
		add_row(s, NULL, heading, 0, strlen(heading), ST_HEADING);
		for (size_t j = 0; j < t[i]->n; j++)
			lay_out_binding(a, s, &t[i]->v[j], width - 2 - s->keyw);
	}
}

/* ------------------------------------------------------------ the mode */

static size_t
max_top(const struct app *a, const struct help_state *s)
{
	size_t h = a->body_height > 0 ? (size_t)a->body_height : 1;

	return s->n > h ? s->n - h : 0;
}

static void *
init(struct app *a)
{
	struct help_state *s = xcalloc(1, sizeof *s);

	(void)a;
	s->width = -1;
	return s;
}

static void
state_free(void *st)
{
	struct help_state *s = st;

	forget_rows(s);
	free(s->rows);
	free(s->strs);
	free(s);
}

static void
changed(struct app *a, void *st, unsigned what)
{
	struct help_state *s = st;

	(void)a;
	(void)what;
	s->width = -1;	/* another language, other tabs, another width */
}

/* Opened from a mode: at that mode's keys. */
static void
go(struct app *a, void *st, const struct place *p)
{
	struct help_state *s = st;

	(void)p;
	s->top = 0;
	s->jump = app_view_table(a->view);
}

static int
tick(struct app *a, void *st)
{
	struct help_state *s = st;
	int width = COLS - 2 * app_margin();

	if (s->width != width)
		lay_out(a, s, width);
	for (size_t i = 0; s->jump != NULL && i < s->ntables; i++)
		if (s->tables[i] == s->jump)
			s->top = s->heading[i] + 1;	/* the heading on top */
	s->jump = NULL;
	if (s->top > max_top(a, s))
		s->top = max_top(a, s);
	return -1;
}

static void
draw(const struct app *a, const void *st, int top, int height)
{
	const struct help_state *s = st;
	int x = app_margin();

	(void)a;
	for (int r = 0; r < height && s->top + (size_t)r < s->n; r++) {
		const struct row *w = &s->rows[s->top + (size_t)r];

		if (w->key != NULL)
			paint_str(stdscr, top + r, x + 2, w->key, COLS - x - 2, ST_KEY);
		if (w->st != ST_NORMAL)
			paint_text(stdscr, top + r, x, w->text + w->start, w->end - w->start,
			           COLS - x, w->st);
		else
			paint_text(stdscr, top + r, x + 2 + s->keyw, w->text + w->start,
			           w->end - w->start, COLS - x - 2 - s->keyw, ST_NORMAL);
	}
}

static bool
command(struct app *a, void *st, enum action act, int index)
{
	struct help_state *s = st;
	long by;

	(void)index;
	if (act == ACT_CLOSE) {
		a->help = false;	/* back to the page or the cloud */
		return true;
	}
	if (!app_motion(a, act, &by))
		return false;
	s->top = app_move(s->top, by, max_top(a, s));
	return true;
}

static bool
mouse(struct app *a, void *st, const MEVENT *m)
{
	struct help_state *s = st;
	long by;

	if (!app_wheel(m, &by))
		return false;
	s->top = app_move(s->top, by, max_top(a, s));
	return true;
}

static void
status(const struct app *a, const void *st, char *buf, size_t size)
{
	const struct help_state *s = st;

	app_position(buf, size, _("Help"), s->top, s->n, a->body_height);
}

const struct view view_help = {
	.name = "help",
	.hint = N_("q closes the help"),
	.keys = keys,
	.init = init,
	.free = state_free,
	.changed = changed,
	.go = go,
	.tick = tick,
	.draw = draw,
	.command = command,
	.mouse = mouse,
	.status = status,
};
