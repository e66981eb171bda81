/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* view_cloud.c: the Cloud tab -- the tags on a rotating sphere, steered
 * by the pointer and the keyboard.  (`l` shows them as a list instead:
 * view_list.c.)
 *
 * The clock ticks only while something moves: paused, at rest, or on
 * another tab, tick says -1 and the program sleeps. */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "app.h"
#include "cloud.h"
#include "cloud_draw.h"
#include "i18n.h"
#include "paint.h"
#include "util.h"

#define STEER 0.9		/* rad/s at the cloud's edge: Cumulus's ~52 deg/s */
#define DEAD_ZONE 0.12		/* of the radius, around the centre */
#define NUDGE 0.5		/* rad/s a key adds */
#define STILL_STEP (M_PI / 12)	/* a key's turn with --no-motion: 15 deg */
#define POINTER_IDLE_MS 2000	/* no motion for this long: the pointer left */
#define SPEED_STEP 1.5		/* + and - */
#define OPEN_FRONT (-0.5)	/* a tag turned this far to the front opens */
#define OPEN_MS 250		/* ...and after this long in any case */

struct cloud_state {
	bool ready;		/* c holds the items of a->b's tags */
	size_t ntags;		/* the bundle's tags when c was made */
	size_t *order;		/* those tags by weight */
	struct cloud c;
	struct cloud_frame f;	/* the last render; its owners index c */
	struct cloud_drawn *drawn;	/* what the screen shows of it */
	bool paused, still;
	int fps;
	double speed;		/* + and - */
	long long last;		/* when the cloud last moved, ms */
	bool moving;
	int hover, focus;	/* items, or -1 */
	int opening;		/* item to open once it has turned to the front */
	long long open_by;	/* ...at the latest then, ms */
	int px, py;		/* the pointer, in body cells */
	bool pointer_in;	/* ...over the cloud: the hover follows it */
	unsigned long nkeys;	/* a->nkeys when the pointer last moved */
	long long pointer_ms;	/* when it last moved */
	bool dragging, dragged;
	int drag_x, drag_y;
	long long drag_ms;
	double drag_vx, drag_vy;
};

static const struct binding cloud_bindings[] = {
	{ACT_TURN_UP, {KEYC(KEY_UP), 'k'}, N_("turn the front up"), NULL},
	{ACT_TURN_DOWN, {KEYC(KEY_DOWN), 'j'}, N_("turn the front down"), NULL},
	{ACT_TURN_LEFT, {KEYC(KEY_LEFT), 'h'}, N_("turn the front left"), NULL},
	{ACT_TURN_RIGHT, {KEYC(KEY_RIGHT)}, N_("turn the front right"), NULL},
	{ACT_TAG_NEXT, {']'}, N_("bring the next tag to the front"), NULL},
	{ACT_TAG_PREV, {'['}, N_("bring the previous tag to the front"), NULL},
	{ACT_SEARCH, {'/'}, N_("find a tag by its name"), NULL},
	{ACT_MATCH_NEXT, {'n'}, N_("the next tag the name matches"), NULL},
	{ACT_MATCH_PREV, {'N'}, N_("the previous tag the name matches"), NULL},
	{ACT_OPEN, {'\r', '\n', KEYC(KEY_ENTER)},
	 N_("open that tag's page (Backspace comes back)"), NULL},
	{ACT_PAUSE, {' '}, N_("pause, go on"), NULL},
	{ACT_FASTER, {'+'}, N_("faster"), NULL},
	{ACT_SLOWER, {'-'}, N_("slower"), NULL},
	{ACT_LIST, {'l'}, N_("the tags as a list, heaviest first (l again: the cloud)"), NULL},
	{ACT_CANCEL, {KEYC_ESC}, N_("forget the chosen tag"), NULL},
};

/* xgettext:c-format */
static const struct keytable cloud_keys = KEYTABLE(N_("The cloud (tab %d)"), cloud_bindings);
static const struct keytable *const keys[] = {&cloud_keys, NULL};

/* ------------------------------------------------------------ the model */

static void
settle(struct cloud_state *s)
{
	s->c.drift_x = s->still ? 0 : CLOUD_DRIFT_X;
	s->c.drift_y = s->still ? 0 : CLOUD_DRIFT_Y;
	s->c.tau = 1.5;
}

/* The items for a's tags, made when first needed. */
static void
ensure(struct app *a, struct cloud_state *s)
{
	if (s->ready)
		return;
	cloud_init(&s->c, a->b, 2026);
	free(s->order);
	s->order = cloud_tags_by_weight(a->b);
	s->hover = s->focus = s->opening = -1;
	settle(s);
	if (s->still)
		s->c.vx = s->c.vy = 0;
	s->moving = !s->still;
	s->last = monotonic_ms();
	s->ntags = a->b->ntags;
	s->ready = true;
}

/* Forget the items and everything that indexes them. */
static void
forget(struct cloud_state *s)
{
	if (s->ready)
		cloud_free(&s->c);
	cloud_frame_free(&s->f);
	cloud_drawn_free(s->drawn);
	free(s->order);
	s->order = NULL;
	s->ready = false;
	s->hover = s->focus = s->opening = -1;
	s->dragging = false;
}

/* Item i, if it is one of the cloud's now. */
static bool
valid(const struct cloud_state *s, int i)
{
	return s->ready && i >= 0 && (size_t)i < s->c.n;
}

static void
open_item(struct app *a, struct cloud_state *s, int i)
{
	s->opening = -1;
	if (valid(s, i))
		app_open_tag(a, (size_t)s->c.items[i].tag);
}

/* Open item i's page: at once when it is in the front half or nothing
 * may move (still, or paused); one further back turns toward the front
 * first, and opens once well round, OPEN_MS at the most. */
static void
front_and_open(struct app *a, struct cloud_state *s, int i)
{
	if (!valid(s, i))
		return;
	s->focus = i;
	a->tag = s->c.items[i].tag;
	if (s->still || s->paused || s->c.items[i].depth < 0) {
		a->msg[0] = '\0';	/* not "Paused" on the page */
		open_item(a, s, i);
		return;
	}
	s->opening = i;
	s->open_by = monotonic_ms() + OPEN_MS;
	cloud_focus(&s->c, i);
	s->moving = true;
}

/* The pointer steers: its offset from the centre sets the speed and
 * direction the front turns toward; over a tag the cloud slows down
 * rather than stopping (stopping dead reads as choppy). */
static void
steer(struct cloud_state *s, long long now)
{
	double cx = (s->f.w - 1) / 2.0, cy = (s->f.h - 1) / 2.0;
	double dx, dy, k;

	if (s->dragging || s->still)
		return;
	dx = (s->px - cx) / (s->f.rx + 4);
	dy = (s->py - cy) / (s->f.ry + 2);
	if (!s->pointer_in || now - s->pointer_ms > POINTER_IDLE_MS || fabs(dx) > 1.3
	    || fabs(dy) > 1.3) {
		settle(s);	/* the pointer left: back to the drift */
		return;
	}
	k = s->hover >= 0 ? 0.25 : 1;
	s->c.drift_y = fabs(dx) < DEAD_ZONE ? 0 : -fmax(-1, fmin(1, dx)) * STEER * k;
	s->c.drift_x = fabs(dy) < DEAD_ZONE ? 0 : -fmax(-1, fmin(1, dy)) * STEER * k;
	s->c.tau = 0.4;
	s->moving = true;
}

/* Advance the cloud to now; open the tag that has reached the front. */
static void
advance(struct app *a, struct cloud_state *s)
{
	long long now = monotonic_ms();
	double dt = (double)(now - s->last) / 1000;

	s->last = now;
	if (s->paused || !s->moving)
		return;
	if (dt > 0.1)
		dt = 0.1;	/* after a pause or a stall, no jump */
	if (s->pointer_ms > 0)
		steer(s, now);
	s->moving = cloud_step(&s->c, dt * s->speed) || s->dragging;
	if (valid(s, s->opening)) {
		double q = 0;

		for (int k = 0; k < 3; k++)
			q += s->c.rot[2][k] * s->c.items[s->opening].p[k];
		if (s->c.focus < 0 || q < OPEN_FRONT || now >= s->open_by)
			open_item(a, s, s->opening);
	}
}

/* ------------------------------------------------------------ keys */

/* The item showing tag t, or -1 (a tag past CLOUD_MAX_ITEMS has none). */
static int
item_of(const struct cloud_state *s, long t)
{
	for (size_t k = 0; s->ready && t >= 0 && k < s->c.n; k++)
		if (s->c.items[k].tag == t)
			return (int)k;
	return -1;
}

/* Choose item i (the list sees it too) and turn it to the front:
 * smoothly, or at once with reduced motion. */
static void
choose(struct app *a, struct cloud_state *s, int i)
{
	s->focus = i;
	s->opening = -1;
	a->tag = s->c.items[i].tag;
	cloud_focus(&s->c, i);
	if (!s->still) {
		s->moving = true;
		return;
	}
	/* Each long step closes most of the angle; the bound is a safety
	 * net. */
	for (int k = 0; k < 1000 && s->c.focus >= 0; k++)
		cloud_step(&s->c, 10);
	cloud_focus(&s->c, -1);
}

/* The chosen tag's rank among the tags by weight, or -1. */
static long
chosen_rank(const struct app *a, const struct cloud_state *s)
{
	for (size_t r = 0; s->ready && a->tag >= 0 && r < s->ntags; r++)
		if ((long)s->order[r] == a->tag)
			return (long)r;
	return -1;
}

/* The tag chosen elsewhere (in the list) is the cloud's focus too. */
static void
follow_choice(struct app *a, struct cloud_state *s)
{
	int i = item_of(s, a->tag);

	if (a->tag < 0)
		s->focus = -1;
	else if (i >= 0 && i != s->focus)
		choose(a, s, i);
}

/* ] and [: the next tag by weight; n and N: the next one / matches.
 * A tag the cloud does not show (past CLOUD_MAX_ITEMS) is passed over. */
static void
focus_next(struct app *a, struct cloud_state *s, int dir, bool matching)
{
	const size_t *o = s->order;
	long n = (long)a->b->ntags, rank = chosen_rank(a, s), from = rank;
	int i = -1;

	if (rank < 0)
		from = dir > 0 ? -1 : n;
	for (long tries = 0; tries < n && i < 0; tries++) {
		rank = matching ? search_tags(&a->tag_search, a->b, o, from, dir)
		                : ((from + dir) % n + n) % n;
		if (rank < 0)
			break;
		i = item_of(s, (long)o[rank]);
		from = rank;
	}
	if (i >= 0)
		choose(a, s, i);
	else if (matching)
		app_message(a, true, _("No tag matches: %s"), a->tag_search.text);
}

/* The line typed after /: the first tag after the chosen one it names. */
static void
prompt_done(struct app *a, void *st, const char *text)
{
	if (search_set(&a->tag_search, text))
		focus_next(a, st, 1, true);
}

/* An arrow: a push to the spin; still or paused, a step of STILL_STEP
 * at once, and the cloud stays as it was (paused: no drift). */
static void
nudge(struct app *a, struct cloud_state *s, double ax, double ay)
{
	if (s->still || s->paused) {
		cloud_turn(&s->c, ax * STILL_STEP, ay * STILL_STEP);
		s->c.focus = -1;
		if (s->paused)
			app_message(a, false, "%s", _("Paused: the arrows turn it, Space goes on"));
		return;
	}
	s->c.focus = -1;
	s->c.vx += ax * NUDGE;
	s->c.vy += ay * NUDGE;
	s->moving = true;
}

static void
toggle_pause(struct app *a, struct cloud_state *s)
{
	s->paused = !s->paused;
	if (s->paused)
		app_message(a, false, "%s", _("Paused: Space goes on"));
	else if (s->still)
		app_message(a, false, "%s", _("Still (--no-motion): the arrows turn it"));
	else
		app_message(a, false, "%s", _("Moving: Space pauses"));
	s->last = monotonic_ms();
}

/* + and -: the speed, said; paused, it is the speed to go on at. */
static void
set_speed(struct app *a, struct cloud_state *s, double by)
{
	s->speed = fmax(0.25, fmin(s->speed * by, 4));
	if (s->speed > 0.99 && s->speed < 1.01)
		s->speed = 1;
	s->moving = !s->paused;
	if (s->paused)
		/* xgettext:c-format */
		app_message(a, false, _("Speed \u00d7%.3g once it goes on (paused: Space)"),
		            s->speed);
	else if (s->still)
		/* xgettext:c-format */
		app_message(a, false, _("Speed \u00d7%.3g (still: the cloud turns with the keys)"),
		            s->speed);
	else
		/* xgettext:c-format */
		app_message(a, false, _("Speed \u00d7%.3g"), s->speed);
}

static bool
command(struct app *a, void *st, enum action act, int index)
{
	struct cloud_state *s = st;

	(void)index;
	if (a->b->ntags == 0)
		return false;
	ensure(a, s);
	switch (act) {
	case ACT_TURN_UP:
	case ACT_TURN_DOWN:
		nudge(a, s, act == ACT_TURN_UP ? 1 : -1, 0);	/* the front goes up */
		return true;
	case ACT_TURN_LEFT:
	case ACT_TURN_RIGHT:
		nudge(a, s, 0, act == ACT_TURN_LEFT ? 1 : -1);
		return true;
	case ACT_TAG_NEXT:
	case ACT_TAG_PREV:
		focus_next(a, s, act == ACT_TAG_NEXT ? 1 : -1, false);
		return true;
	case ACT_SEARCH:
		prompt_start(&a->prompt, VIEW_CLOUD, "/");
		return true;
	case ACT_MATCH_NEXT:
	case ACT_MATCH_PREV:
		if (app_search_ready(a, &a->tag_search))
			focus_next(a, s, act == ACT_MATCH_NEXT ? 1 : -1, true);
		return true;
	case ACT_OPEN:
		if (s->focus >= 0)
			front_and_open(a, s, s->focus);
		else
			app_message(a, false, "%s", _("] chooses a tag, Enter opens it"));
		return true;
	case ACT_PAUSE:
		toggle_pause(a, s);
		return true;
	case ACT_FASTER:
		set_speed(a, s, SPEED_STEP);
		return true;
	case ACT_SLOWER:
		set_speed(a, s, 1 / SPEED_STEP);
		return true;
	case ACT_LIST:
		app_show_view(a, VIEW_LIST);
		return true;
	case ACT_CANCEL:
		s->focus = s->opening = -1;
		a->tag = -1;
		cloud_focus(&s->c, -1);
		return true;
	default:
		return false;
	}
}

/* ------------------------------------------------------------ the pointer */

/* Dragging turns the cloud with the pointer; let go, and it spins on. */
static void
drag_to(struct cloud_state *s, int x, int y, long long now)
{
	double ax = -(double)(y - s->drag_y) / (s->f.ry + 1);
	double ay = -(double)(x - s->drag_x) / (s->f.rx + 1);
	double dt = (double)(now - s->drag_ms) / 1000;

	if (x == s->drag_x && y == s->drag_y)
		return;
	s->dragged = true;
	cloud_turn(&s->c, ax, ay);
	if (dt > 0.005) {
		s->drag_vx = ax / dt;
		s->drag_vy = ay / dt;
	}
	s->drag_x = x;
	s->drag_y = y;
	s->drag_ms = now;
	s->c.focus = -1;
}

static void
release(struct app *a, struct cloud_state *s, int x, int y)
{
	bool dragged = s->dragging && s->dragged;

	s->dragging = false;
	if (dragged) {
		/* Inertia: the spin of the last move, then the decay. */
		s->c.vx = s->drag_vx;
		s->c.vy = s->drag_vy;
		s->moving = true;
		return;
	}
	s->hover = cloud_hit(&s->c, &s->f, x, y);
	front_and_open(a, s, s->hover);
}

static bool
mouse(struct app *a, void *st, const MEVENT *m)
{
	struct cloud_state *s = st;
	long long now = monotonic_ms();
	int x = m->x, y = m->y - 1;	/* in the body */

	if (a->b->ntags == 0)
		return false;
	ensure(a, s);
	if (m->bstate & BUTTON1_PRESSED) {
		s->dragging = true;
		s->dragged = false;
		s->drag_x = x;
		s->drag_y = y;
		s->drag_ms = now;
		s->drag_vx = s->drag_vy = 0;
		return true;
	}
	if (m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) {
		release(a, s, x, y);
		return true;
	}
	if (!(m->bstate & REPORT_MOUSE_POSITION))
		return false;
	if (s->dragging) {
		drag_to(s, x, y, now);
	} else {
		s->px = x;
		s->py = y;
		s->pointer_ms = now;
		s->nkeys = a->nkeys;
		s->pointer_in = y >= 0 && y < s->f.h && x >= 0 && x < s->f.w;
		s->hover = s->pointer_in ? cloud_hit(&s->c, &s->f, x, y) : -1;
	}
	s->moving = !s->still || s->moving;
	return true;
}

/* ------------------------------------------------------------ the mode */

static void *
init(struct app *a)
{
	struct cloud_state *s = xcalloc(1, sizeof *s);

	s->still = a->opts->still;
	s->fps = a->opts->fps > 0 ? a->opts->fps : 30;
	s->speed = 1;
	s->hover = s->focus = s->opening = -1;
	s->drawn = xcalloc(1, sizeof *s->drawn);
	return s;
}

static void
state_free(void *st)
{
	struct cloud_state *s = st;

	forget(s);
	free(s->drawn);
	free(s);
}

/* The pointer is forgotten: it left, a key was pressed, the tab
 * changed.  The hover ends with it. */
static void
pointer_gone(struct cloud_state *s)
{
	s->pointer_in = false;
	s->hover = -1;
}

/* The Cloud tab is shown (again): what the pointer did before is over. */
static void
go(struct app *a, void *st, const struct place *p)
{
	(void)a;
	(void)p;
	pointer_gone(st);
}

static void
changed(struct app *a, void *st, unsigned what)
{
	struct cloud_state *s = st;

	if (what & CHANGE_CONTENT) {
		/* Languages share their tags, so a same-sized cloud keeps its
		 * orientation with new labels; else it starts anew.  Either
		 * way the old frame indexes what is gone. */
		cloud_frame_free(&s->f);
		pointer_gone(s);
		s->dragging = false;
		if (s->ready && s->ntags == a->b->ntags) {
			cloud_relabel(&s->c, a->b);
			free(s->order);	/* (the weights may be others) */
			s->order = cloud_tags_by_weight(a->b);
		} else {
			forget(s);
		}
	} else if ((what & CHANGE_LANG) && s->ready) {
		cloud_relabel(&s->c, a->b);
	}
	if (what & (CHANGE_LANG | CHANGE_SIZE))
		pointer_gone(s);
}

static int
tick(struct app *a, void *st)
{
	struct cloud_state *s = st;
	long long due;

	if (a->b->ntags == 0)
		return -1;
	ensure(a, s);
	advance(a, s);
	if (a->view != VIEW_CLOUD)
		return -1;	/* the focused tag's page has just opened */
	if (!valid(s, s->focus))
		s->focus = -1;
	if (s->nkeys != a->nkeys)
		pointer_gone(s);	/* a key: the hand is on the keyboard */
	if (!valid(s, s->hover))
		s->hover = -1;
	follow_choice(a, s);
	cloud_pin(&s->c, s->focus, s->hover);
	cloud_render(&s->c, &s->f, COLS, a->body_height);
	/* The hover lasts while the pointer is over the tag: the cloud
	 * turning it away ends it. */
	s->hover = s->pointer_in ? cloud_hit(&s->c, &s->f, s->px, s->py) : -1;
	if (s->paused || !s->moving)
		return -1;
	due = s->last + 1000 / s->fps - monotonic_ms();
	return due > 0 ? (int)due : 0;
}

static void
draw(const struct app *a, const void *st, int top, int height)
{
	const struct cloud_state *s = st;
	struct cloud_look look = {a->tty.colors, s->hover, s->focus, -1, -1};
	int x;

	(void)height;
	if (a->b->ntags == 0) {
		paint_str(stdscr, top, app_margin(), _("This bundle has no tags."),
		          COLS - app_margin(), ST_NORMAL);
		return;
	}
	if (valid(s, s->hover) && s->f.cells != NULL)
		cloud_place(&s->c, &s->f, (size_t)s->hover, &x, &look.hover_row);
	if (valid(s, s->focus) && s->f.cells != NULL)
		cloud_place(&s->c, &s->f, (size_t)s->focus, &x, &look.focus_row);
	cloud_draw(stdscr, top, &s->f, &look, s->drawn, a->erased);
}

/* "Cloud  5/22": the chosen tag's rank by weight. */
static void
status(const struct app *a, const void *st, char *buf, size_t size)
{
	long r = chosen_rank(a, st);

	if (r < 0)
		snprintf(buf, size, "%s", app_tab_title(a, a->page));
	else
		snprintf(buf, size, "%s  %ld/%zu", app_tab_title(a, a->page), r + 1, a->b->ntags);
}

static bool
pointer(const struct app *a, const void *st)
{
	(void)st;
	return a->b->ntags > 0;
}

const struct view view_cloud = {
	.name = "cloud",
	.keys = keys,
	.init = init,
	.free = state_free,
	.changed = changed,
	.go = go,
	.tick = tick,
	.draw = draw,
	.command = command,
	.mouse = mouse,
	.prompt_done = prompt_done,
	.pointer = pointer,
	.status = status,
	.keeps_body = true,
};
