/* view_cloud.c: the Cloud tab -- the tags on a rotating sphere, steered
 * by the pointer and the keyboard, or as a plain list by weight (`l`).
 *
 * The clock ticks only while something moves: paused, at rest, in the
 * list, or on another tab, frame_ms says -1 and the program sleeps. */
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

static struct {
	bool ready;
	const struct bundle *b;	/* whose labels the items show, or NULL */
	size_t ntags;		/* its tags, for telling a relabel from a new cloud */
	struct cloud c;
	struct cloud_frame f;
	bool list, paused, still;
	int fps;
	double speed;		/* + and - */
	long long last;		/* when the cloud last moved, ms */
	bool moving;
	int hover, focus;	/* items, or -1 */
	int opening;		/* item to open once it has turned to the front */
	int px, py;		/* the pointer, in body cells */
	long long pointer_ms;	/* when it last moved */
	bool dragging, dragged;
	int drag_x, drag_y;
	long long drag_ms;
	double drag_vx, drag_vy;
	size_t list_top;
} S = {.fps = 30, .speed = 1, .hover = -1, .focus = -1, .opening = -1};

void
cloud_view_configure(bool still, int fps)
{
	S.still = still;
	if (fps > 0)
		S.fps = fps;
}

void
cloud_view_free(void)
{
	if (S.ready)
		cloud_free(&S.c);
	cloud_frame_free(&S.f);
	S.ready = false;
	S.b = NULL;
}

/* ------------------------------------------------------------ the model */

static void
settle(void)
{
	S.c.drift_x = S.still ? 0 : CLOUD_DRIFT_X;
	S.c.drift_y = S.still ? 0 : CLOUD_DRIFT_Y;
	S.c.tau = 1.5;
}

/* The items for a's language: a new cloud, or the same one relabelled
 * (languages share their tags, so the orientation stays). */
static void
ensure(struct app *a)
{
	if (S.ready && S.b == a->b)
		return;
	if (S.ready && S.ntags == a->b->ntags) {
		cloud_relabel(&S.c, a->b);
	} else {
		if (S.ready)
			cloud_free(&S.c);
		cloud_init(&S.c, a->b, 2026);
		S.hover = S.focus = S.opening = -1;
		settle();
		if (S.still)
			S.c.vx = S.c.vy = 0;
		S.moving = !S.still;
		S.last = monotonic_ms();
	}
	S.b = a->b;
	S.ntags = a->b->ntags;
	S.ready = true;
}

void
cloud_view_forget(void)
{
	/* The bundle is about to go (a reload): the labels must come from
	 * its successor, even if it lands at the same address. */
	S.b = NULL;
}

static int
item_of_tag(size_t tag)
{
	for (size_t i = 0; i < S.c.n; i++)
		if ((size_t)S.c.items[i].tag == tag)
			return (int)i;
	return -1;
}

static void
open_item(struct app *a, int i)
{
	const struct tag *t = &a->b->tags[S.c.items[i].tag];
	int page = bundle_find_page(a->b, t->page), block = -1;

	if (page < 0)
		return;
	if (t->block != NULL)
		block = page_find_block(&a->b->pages[page], t->block);
	S.opening = -1;
	app_goto_page(a, page, block, true);
}

/* Bring item i to the front, then open its page: at once when nothing
 * may move (still, or paused). */
static void
front_and_open(struct app *a, int i)
{
	S.focus = i;
	if (S.still || S.paused) {
		a->msg[0] = '\0';	/* not "Paused" on the page */
		open_item(a, i);
		return;
	}
	S.opening = i;
	cloud_focus(&S.c, i);
	S.moving = true;
}

/* The pointer steers: its offset from the centre sets the speed and
 * direction the front turns toward; over a tag the cloud slows down
 * rather than stopping (stopping dead reads as choppy). */
static void
steer(long long now)
{
	double cx = (S.f.w - 1) / 2.0, cy = (S.f.h - 1) / 2.0;
	double dx, dy, k;

	if (S.dragging || S.still)
		return;
	dx = (S.px - cx) / (S.f.rx + 4);
	dy = (S.py - cy) / (S.f.ry + 2);
	if (now - S.pointer_ms > POINTER_IDLE_MS || fabs(dx) > 1.3 || fabs(dy) > 1.3) {
		settle();	/* the pointer left: back to the drift */
		return;
	}
	k = S.hover >= 0 ? 0.25 : 1;
	S.c.drift_y = fabs(dx) < DEAD_ZONE ? 0 : -fmax(-1, fmin(1, dx)) * STEER * k;
	S.c.drift_x = fabs(dy) < DEAD_ZONE ? 0 : -fmax(-1, fmin(1, dy)) * STEER * k;
	S.c.tau = 0.4;
	S.moving = true;
}

/* Advance the cloud to now. */
static void
advance(struct app *a)
{
	long long now = monotonic_ms();
	double dt = (double)(now - S.last) / 1000;

	S.last = now;
	if (S.paused || !S.moving)
		return;
	if (dt > 0.1)
		dt = 0.1;	/* after a pause or a stall, no jump */
	if (S.pointer_ms > 0)
		steer(now);
	S.moving = cloud_step(&S.c, dt * S.speed) || S.dragging;
	if (S.opening >= 0 && S.c.focus < 0)
		open_item(a, S.opening);
}

/* ------------------------------------------------------------ the list */

static const struct bundle *sort_bundle;

static int
by_weight(const void *x, const void *y)
{
	const struct tag *t = sort_bundle->tags;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;

	if (t[i].weight != t[j].weight)
		return t[j].weight - t[i].weight;
	return i < j ? -1 : i > j;
}

/* The tags, heaviest first (ties in bundle order). */
static size_t *
order(const struct app *a)
{
	size_t *o = xcalloc(a->b->ntags, sizeof *o);

	for (size_t i = 0; i < a->b->ntags; i++)
		o[i] = i;
	sort_bundle = a->b;
	qsort(o, a->b->ntags, sizeof *o, by_weight);
	return o;
}

static enum style
weight_style(int weight)
{
	return weight >= 8 ? ST_CLOUD_4 : weight >= 5 ? ST_CLOUD_3 : ST_CLOUD_2;
}

static void
draw_list(struct app *a, int top, int height)
{
	size_t *o = order(a), n = a->b->ntags;
	int x = app_margin();
	const char *arrow = a->tty.ambig == AMBIGUOUS_WIDE ? "->" : "\u2192";

	if (a->cloud_sel >= n)
		a->cloud_sel = n > 0 ? n - 1 : 0;
	if (a->cloud_sel < S.list_top)
		S.list_top = a->cloud_sel;
	if (height > 0 && a->cloud_sel >= S.list_top + (size_t)height)
		S.list_top = a->cloud_sel - (size_t)height + 1;
	for (int r = 0; r < height && S.list_top + (size_t)r < n; r++) {
		size_t i = S.list_top + (size_t)r;
		const struct tag *t = &a->b->tags[o[i]];
		int page = bundle_find_page(a->b, t->page), w;
		enum style st = i == a->cloud_sel ? ST_CLOUD_FOCUS : weight_style(t->weight);

		w = paint_str(stdscr, top + r, x + 2, t->label, COLS - x - 4, st);
		if (page >= 0 && x + 2 + w + 4 < COLS) {
			paint_str(stdscr, top + r, x + 2 + w + 2, arrow, 2, ST_ATTRIBUTION);
			paint_str(stdscr, top + r, x + 2 + w + 4, a->b->pages[page].title,
			          COLS - x - w - 6, ST_ATTRIBUTION);
		}
	}
	free(o);
}

static void
list_move(struct app *a, long n)
{
	size_t n_tags = a->b->ntags;

	a->cloud_sel = app_move(a->cloud_sel, n, n_tags > 0 ? n_tags - 1 : 0);
}

static void
list_open(struct app *a)
{
	size_t *o;
	int i;

	if (a->b->ntags == 0)
		return;
	o = order(a);
	i = item_of_tag(o[a->cloud_sel]);
	if (i >= 0) {
		open_item(a, i);
	} else {
		/* A tag beyond the cloud's CLOUD_MAX_ITEMS: open it directly. */
		const struct tag *t = &a->b->tags[o[a->cloud_sel]];
		int page = bundle_find_page(a->b, t->page);

		if (page >= 0)
			app_goto_page(a, page, t->block != NULL
			              ? page_find_block(&a->b->pages[page], t->block) : -1,
			              true);
	}
	free(o);
}

/* ------------------------------------------------------------ the view */

static void
draw(struct app *a, int top, int height)
{
	struct cloud_look look;

	ensure(a);
	if (a->b->ntags == 0) {
		paint_str(stdscr, top, app_margin(), _("This bundle has no tags."),
		          COLS - app_margin(), ST_NORMAL);
		return;
	}
	tty_mouse_motion(!S.list);
	if (S.list) {
		draw_list(a, top, height);
		return;
	}
	advance(a);
	if (a->page != (int)a->b->npages)
		return;		/* the focused tag's page has just opened */
	cloud_pin(&S.c, S.focus, S.hover);
	cloud_render(&S.c, &S.f, COLS, height);
	look.colors = a->tty.colors;
	look.hover = S.hover;
	look.focus = S.focus;
	cloud_draw(stdscr, top, &S.f, &look);
}

/* Tab and Shift-Tab: the next tag by weight, turned to the front. */
static void
focus_next(struct app *a, int dir)
{
	size_t *o = order(a), n = a->b->ntags, rank = 0;
	int i = -1;

	if (S.focus >= 0)
		for (rank = 0; rank < n && o[rank] != (size_t)S.c.items[S.focus].tag; rank++)
			;
	for (size_t tries = 0; tries < n && i < 0; tries++) {
		rank = S.focus < 0 && tries == 0 ? (dir > 0 ? 0 : n - 1)
		       : (rank + n + (size_t)dir) % n;
		i = item_of_tag(o[rank]);
	}
	free(o);
	if (i < 0)
		return;
	S.focus = i;
	S.opening = -1;
	if (S.still) {
		/* Reduced motion: the tag is simply there (each long step
		 * closes most of the angle; the bound is a safety net). */
		cloud_focus(&S.c, i);
		for (int k = 0; k < 1000 && S.c.focus >= 0; k++)
			cloud_step(&S.c, 10);
		cloud_focus(&S.c, -1);
	} else {
		cloud_focus(&S.c, i);
		S.moving = true;
	}
}

static void
nudge(double ax, double ay)
{
	if (S.still) {
		cloud_turn(&S.c, ax * STILL_STEP, ay * STILL_STEP);
		return;
	}
	S.c.focus = -1;
	S.c.vx += ax * NUDGE;
	S.c.vy += ay * NUDGE;
	S.paused = false;
	S.moving = true;
}

static bool
cloud_key(struct app *a, int k, bool keycode)
{
	if ((keycode && k == KEY_ENTER) || (!keycode && (k == '\r' || k == '\n'))) {
		if (S.focus >= 0)
			front_and_open(a, S.focus);
		else
			app_message(a, false, "%s", _("Tab chooses a tag, Enter opens it"));
		return true;
	}
	if (keycode) {
		switch (k) {
		case KEY_UP:
			nudge(1, 0);	/* the front goes up */
			return true;
		case KEY_DOWN:
			nudge(-1, 0);
			return true;
		case KEY_LEFT:
			nudge(0, 1);
			return true;
		case KEY_RIGHT:
			nudge(0, -1);
			return true;
		case KEY_BTAB:
			focus_next(a, -1);
			return true;
		default:
			return false;
		}
	}
	switch (k) {
	case 'k':
		nudge(1, 0);
		return true;
	case 'j':
		nudge(-1, 0);
		return true;
	case 'h':
		nudge(0, 1);
		return true;
	case '\t':
		focus_next(a, 1);
		return true;
	case ' ':
		S.paused = !S.paused;
		if (S.paused)
			app_message(a, false, "%s", _("Paused: Space goes on"));
		S.last = monotonic_ms();
		return true;
	case '+':
		S.speed = fmin(S.speed * 1.25, 4);
		S.moving = true;
		return true;
	case '-':
		S.speed = fmax(S.speed / 1.25, 0.25);
		return true;
	case 27:
		S.focus = -1;
		S.opening = -1;
		cloud_focus(&S.c, -1);
		return false;	/* and clear the message */
	default:
		return false;
	}
}

static bool
key(struct app *a, int k, bool keycode)
{
	long by;

	ensure(a);
	if (!keycode && k == 'l') {
		S.list = !S.list;
		return true;
	}
	if (!S.list)
		return cloud_key(a, k, keycode);
	if (app_motion(a, k, keycode, &by)) {
		list_move(a, by);
		return true;
	}
	if ((keycode && k == KEY_ENTER) || (!keycode && (k == '\r' || k == '\n'))) {
		list_open(a);
		return true;
	}
	return false;
}

static bool
list_mouse(struct app *a, const MEVENT *m)
{
	size_t i;

	if (m->bstate & BUTTON4_PRESSED) {
		list_move(a, -3);
		return true;
	}
	if (m->bstate & BUTTON5_PRESSED) {
		list_move(a, 3);
		return true;
	}
	if (!(m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) || m->y < 1
	    || m->y > a->body_height)
		return false;
	i = S.list_top + (size_t)(m->y - 1);
	if (i >= a->b->ntags)
		return false;
	a->cloud_sel = i;
	list_open(a);
	return true;
}

/* Dragging turns the cloud with the pointer; let go, and it spins on. */
static void
drag_to(int x, int y, long long now)
{
	double ax = -(double)(y - S.drag_y) / (S.f.ry + 1);
	double ay = -(double)(x - S.drag_x) / (S.f.rx + 1);
	double dt = (double)(now - S.drag_ms) / 1000;

	if (x == S.drag_x && y == S.drag_y)
		return;
	S.dragged = true;
	cloud_turn(&S.c, ax, ay);
	if (dt > 0.005) {
		S.drag_vx = ax / dt;
		S.drag_vy = ay / dt;
	}
	S.drag_x = x;
	S.drag_y = y;
	S.drag_ms = now;
	S.c.focus = -1;
}

static bool
mouse(struct app *a, const MEVENT *m)
{
	long long now = monotonic_ms();
	int x = m->x, y = m->y - 1;	/* in the body */

	ensure(a);
	if (S.list)
		return list_mouse(a, m);
	if (m->bstate & BUTTON1_PRESSED) {
		S.dragging = true;
		S.dragged = false;
		S.drag_x = x;
		S.drag_y = y;
		S.drag_ms = now;
		S.drag_vx = S.drag_vy = 0;
		return true;
	}
	if (m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) {
		bool dragged = S.dragging && S.dragged;
		int i;

		S.dragging = false;
		if (dragged) {
			/* Inertia: the spin of the last move, then the decay. */
			S.c.vx = S.drag_vx;
			S.c.vy = S.drag_vy;
			S.moving = true;
			return true;
		}
		i = cloud_hit(&S.c, &S.f, x, y);
		if (i >= 0)
			front_and_open(a, i);
		return true;
	}
	if (m->bstate & REPORT_MOUSE_POSITION) {
		if (S.dragging) {
			drag_to(x, y, now);
		} else {
			S.px = x;
			S.py = y;
			S.pointer_ms = now;
			S.hover = cloud_hit(&S.c, &S.f, x, y);
		}
		S.moving = !S.still || S.moving;
		return true;
	}
	return false;
}

static int
frame_ms(struct app *a)
{
	long long due;

	(void)a;
	if (S.list || S.paused || !S.moving)
		return -1;
	due = S.last + 1000 / S.fps;
	due -= monotonic_ms();
	return due > 0 ? (int)due : 0;
}

const struct view view_cloud = {draw, key, mouse, frame_ms};
