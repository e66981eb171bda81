/* view_cloud.c: the Cloud tab.  For now the tags as a plain list, by
 * weight -- the motion-free view the rotating cloud will keep behind its
 * `l` key. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>

#include "app.h"
#include "i18n.h"
#include "paint.h"
#include "util.h"

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
	return weight >= 8 ? ST_CLOUD_NEAR : weight >= 5 ? ST_CLOUD_MID
	                                                 : ST_CLOUD_FAR;
}

static size_t list_top;

static void
draw(struct app *a, int top, int height)
{
	size_t *o = order(a), n = a->b->ntags;
	int x = app_margin();

	if (n == 0) {
		paint_str(stdscr, top, x, _("This bundle has no tags."), COLS - x,
		          ST_NORMAL);
		free(o);
		return;
	}
	if (a->cloud_sel >= n)
		a->cloud_sel = n - 1;
	if (a->cloud_sel < list_top)
		list_top = a->cloud_sel;
	if (height > 0 && a->cloud_sel >= list_top + (size_t)height)
		list_top = a->cloud_sel - (size_t)height + 1;
	for (int r = 0; r < height && list_top + (size_t)r < n; r++) {
		size_t i = list_top + (size_t)r;
		const struct tag *t = &a->b->tags[o[i]];
		int page = bundle_find_page(a->b, t->page), w;
		enum style st = i == a->cloud_sel ? ST_CLOUD_FOCUS : weight_style(t->weight);

		w = paint_str(stdscr, top + r, x + 2, t->label, COLS - x - 4, st);
		if (page >= 0 && x + 2 + w + 4 < COLS) {
			paint_str(stdscr, top + r, x + 2 + w + 2,
			          a->tty.ambig == AMBIGUOUS_WIDE ? "->" : "\u2192",
			          COLS - x - w - 4, ST_ATTRIBUTION);
			paint_str(stdscr, top + r, x + 2 + w + 4, a->b->pages[page].title,
			          COLS - x - w - 6, ST_ATTRIBUTION);
		}
	}
	free(o);
}

static void
open_tag(struct app *a, size_t i)
{
	size_t *o = order(a);
	const struct tag *t = &a->b->tags[o[i]];
	int page = bundle_find_page(a->b, t->page), block = -1;

	free(o);
	if (page < 0)
		return;
	if (t->block != NULL)
		block = page_find_block(&a->b->pages[page], t->block);
	app_goto_page(a, page, block, true);
}

static void
move_sel(struct app *a, long n)
{
	long max = (long)a->b->ntags - 1;

	if (n == LONG_MIN || max < 0 || (n < 0 && -n > (long)a->cloud_sel))
		a->cloud_sel = 0;
	else if (n == LONG_MAX || (long)a->cloud_sel + n > max)
		a->cloud_sel = (size_t)max;
	else
		a->cloud_sel = (size_t)((long)a->cloud_sel + n);
}

static bool
key(struct app *a, int k, bool keycode)
{
	long by;

	if (app_motion(a, k, keycode, &by)) {
		move_sel(a, by);
		return true;
	}
	if ((keycode && k == KEY_ENTER) || (!keycode && (k == '\r' || k == '\n'))) {
		if (a->b->ntags > 0)
			open_tag(a, a->cloud_sel);
		return true;
	}
	return false;
}

static bool
mouse(struct app *a, const MEVENT *m)
{
	size_t i;

	if (m->bstate & BUTTON4_PRESSED) {
		move_sel(a, -3);
		return true;
	}
	if (m->bstate & BUTTON5_PRESSED) {
		move_sel(a, 3);
		return true;
	}
	if (!(m->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) || m->y < 1
	    || m->y > a->body_height)
		return false;
	i = list_top + (size_t)(m->y - 1);
	if (i >= a->b->ntags)
		return false;
	a->cloud_sel = i;
	open_tag(a, i);
	return true;
}

static int
frame_ms(struct app *a)
{
	(void)a;
	return -1;
}

const struct view view_cloud = {draw, key, mouse, frame_ms};
