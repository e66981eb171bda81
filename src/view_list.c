/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* view_list.c: the Cloud tab as a plain list of the tags, heaviest
 * first, each with the page it leads to -- the motion-free way to the
 * same places (`l` on the cloud). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cloud.h"
#include "i18n.h"
#include "paint.h"
#include "util.h"

struct list_state {
	size_t *order;		/* the tags by weight; NULL: not made yet */
	size_t n;		/* of a->b's tags */
	size_t sel, top;	/* rank chosen, and the first shown */
};

static const struct binding list_bindings[] = {
	{ACT_OPEN, {'\r', '\n', KEYC(KEY_ENTER)}, N_("open the chosen tag's page"), NULL},
	{ACT_SEARCH, {'/'}, N_("find a tag by its name"), NULL},
	{ACT_MATCH_NEXT, {'n'}, N_("the next tag the name matches"), NULL},
	{ACT_MATCH_PREV, {'N'}, N_("the previous tag the name matches"), NULL},
	{ACT_LIST, {'l'}, N_("back to the cloud"), NULL},
};

static const struct keytable list_keys = KEYTABLE(N_("The tag list (l on the cloud)"),
                                                  list_bindings);
static const struct keytable *const keys[] = {&keys_motion, &list_keys, NULL};

static void
ensure(const struct app *a, struct list_state *s)
{
	if (s->order == NULL) {
		s->order = cloud_tags_by_weight(a->b);
		s->n = a->b->ntags;
	}
	/* The tag chosen on the cloud is chosen here too. */
	for (size_t r = 0; a->tag >= 0 && r < s->n; r++)
		if ((long)s->order[r] == a->tag)
			s->sel = r;
	/* Kept whatever the screen: a terminal too small to draw the list
	 * does not make the choice point past its end. */
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
}

/* The list always has a row chosen: shown, it is the chosen tag the
 * cloud turns to as well -- one choice for both. */
static void
share(struct app *a, struct list_state *s)
{
	ensure(a, s);
	if (a->tag < 0 && s->sel < s->n)
		a->tag = (long)s->order[s->sel];
}

/* Choose rank r: the cloud sees it too. */
static void
choose(struct app *a, struct list_state *s, size_t r)
{
	s->sel = r;
	if (r < s->n)
		a->tag = (long)s->order[r];
}

static void
find_next(struct app *a, struct list_state *s, int dir)
{
	long r = search_tags(&a->tag_search, a->b, s->order, (long)s->sel, dir);

	if (r >= 0)
		choose(a, s, (size_t)r);
	else
		app_message(a, true, _("No tag matches: %s"), a->tag_search.text);
}

static void
prompt_done(struct app *a, void *st, const char *text)
{
	ensure(a, st);
	if (search_set(&a->tag_search, text))
		find_next(a, st, 1);
}

static void
open_chosen(struct app *a, struct list_state *s)
{
	ensure(a, s);
	if (s->sel < s->n)
		app_open_tag(a, s->order[s->sel]);
}

/* The cloud's look of a tag's weight, at its nearest. */
static enum style
weight_style(int weight)
{
	return theme_cloud(cloud_weight_class(weight), THEME_CLOUD_SHADES - 1);
}

/* ------------------------------------------------------------ the mode */

static void *
init(struct app *a)
{
	(void)a;
	return xcalloc(1, sizeof(struct list_state));
}

static void
state_free(void *st)
{
	struct list_state *s = st;

	free(s->order);
	free(s);
}

static void
changed(struct app *a, void *st, unsigned what)
{
	struct list_state *s = st;

	(void)a;
	if (what & CHANGE_CONTENT) {
		/* (Weights agree across languages: a switch keeps the order.) */
		free(s->order);
		s->order = NULL;
	}
}

static int
tick(struct app *a, void *st)
{
	struct list_state *s = st;
	size_t h = a->body_height > 0 ? (size_t)a->body_height : 1;

	share(a, s);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + h)
		s->top = s->sel - h + 1;
	return -1;
}

static void
draw(const struct app *a, const void *st, int top, int height)
{
	const struct list_state *s = st;
	int x = app_margin();
	const char *arrow = a->tty.ambig == AMBIGUOUS_WIDE ? "->" : "\u2192";

	if (s->n == 0) {
		paint_str(stdscr, top, x, _("This bundle has no tags."), COLS - x,
		          ST_NORMAL);
		return;
	}
	for (int r = 0; r < height && s->top + (size_t)r < s->n; r++) {
		size_t i = s->top + (size_t)r;
		const struct tag *t = &a->b->tags[s->order[i]];
		int page = bundle_find_page(a->b, t->page), w;
		enum style look = i == s->sel ? ST_CLOUD_FOCUS : weight_style(t->weight);

		w = paint_str(stdscr, top + r, x + 2, t->label, COLS - x - 4, look);
		if (page >= 0 && x + 2 + w + 4 < COLS) {
			paint_str(stdscr, top + r, x + 2 + w + 2, arrow, 2, ST_ATTRIBUTION);
			paint_str(stdscr, top + r, x + 2 + w + 4, a->b->pages[page].title,
			          COLS - x - w - 6, ST_ATTRIBUTION);
		}
	}
}

static bool
command(struct app *a, void *st, enum action act, int index)
{
	struct list_state *s = st;
	long by;

	(void)index;
	ensure(a, s);
	if (app_motion(a, act, &by)) {
		choose(a, s, app_move(s->sel, by, s->n > 0 ? s->n - 1 : 0));
		return true;
	}
	switch (act) {
	case ACT_OPEN:
		open_chosen(a, s);
		return true;
	case ACT_SEARCH:
		prompt_start(&a->prompt, VIEW_LIST, "/");
		return true;
	case ACT_MATCH_NEXT:
	case ACT_MATCH_PREV:
		if (app_search_ready(a, &a->tag_search))
			find_next(a, s, act == ACT_MATCH_NEXT ? 1 : -1);
		return true;
	case ACT_LIST:
		app_show_view(a, VIEW_CLOUD);
		return true;
	default:
		return false;
	}
}

static bool
mouse(struct app *a, void *st, const MEVENT *m)
{
	struct list_state *s = st;
	size_t i;
	long by;

	ensure(a, s);
	if (app_wheel(m, &by)) {
		choose(a, s, app_move(s->sel, by, s->n > 0 ? s->n - 1 : 0));
		return true;
	}
	if (!app_body_click(a, m, s->top, &i) || i >= s->n)
		return false;
	choose(a, s, i);
	open_chosen(a, s);
	return true;
}

/* "Cloud  3/22": the chosen tag among them. */
static void
status(const struct app *a, const void *st, char *buf, size_t size)
{
	const struct list_state *s = st;

	if (s->n == 0)
		snprintf(buf, size, "%s", app_tab_title(a, a->page));
	else
		snprintf(buf, size, "%s  %zu/%zu", app_tab_title(a, a->page), s->sel + 1, s->n);
}

const struct view view_list = {
	.name = "list",
	.keys = keys,
	.init = init,
	.free = state_free,
	.changed = changed,
	.tick = tick,
	.draw = draw,
	.command = command,
	.mouse = mouse,
	.prompt_done = prompt_done,
	.status = status,
};
