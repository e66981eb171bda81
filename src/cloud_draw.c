/* cloud_draw.c: a frame of the tag cloud onto the screen.
 *
 * Whole rows from column 0, runs of one style at a time, so curses never
 * has to address a column inside a wide glyph.  The cells hold glyphs
 * measured once when the labels were set (cloud.c): they go to curses as
 * they are, with no second measuring.  Weight and depth become style
 * (theme_cloud); in monochrome the farthest two shades are hidden. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cloud_draw.h"
#include "paint.h"
#include "theme.h"
#include "util.h"

_Static_assert(THEME_CLOUD_WEIGHTS == CLOUD_WEIGHTS && THEME_CLOUD_SHADES == CLOUD_SHADES,
               "a style for every weight class and depth shade");

static enum style
cell_style(const struct cloud_cell *k, const struct cloud_look *look, bool *hidden)
{
	*hidden = false;
	if (k->owner == look->focus)
		return ST_CLOUD_FOCUS;
	if (k->owner == look->hover)
		return ST_CLOUD_HOVER;
	*hidden = look->colors == 0 && k->shade < 2;
	return theme_cloud(k->wclass, k->shade);
}

/* One glyph as curses takes it: what the screen would draw another width
 * than the layout counted is a '?' (and a blank after it, for two). */
static void
put(WINDOW *w, const struct cloud_cell *k, attr_t attr, short pair)
{
	wchar_t wch[4] = {0, 0, 0, 0};
	cchar_t cc;
	int n = 0;

	if (k->ch[0] >= 0x20 && k->ch[0] < 0x7f) {
		wch[n++] = (wchar_t)k->ch[0];
	} else if (wcwidth((wchar_t)k->ch[0]) != k->width) {
		wch[n++] = L'?';
	} else {
		for (; n < 3 && k->ch[n] != 0; n++)
			if (n == 0 || wcwidth((wchar_t)k->ch[n]) == 0)
				wch[n] = (wchar_t)k->ch[n];
			else
				break;
	}
	wch[n] = L'\0';
	setcchar(&cc, wch, attr, pair, NULL);
	wadd_wch(w, &cc);	/* ERR at the bottom-right cell is normal */
	if (wch[0] == L'?' && k->width == 2) {
		wchar_t sp[2] = {L' ', L'\0'};

		setcchar(&cc, sp, attr, pair, NULL);
		wadd_wch(w, &cc);
	}
}

static void
draw_row(WINDOW *w, int y, const struct cloud_cell *row, int width,
         const struct cloud_look *look)
{
	int x = 0;

	while (x < width) {
		enum style st;
		bool hidden, h;
		attr_t attr;
		short pair;

		/* Blanks stay as the erased window has them. */
		while (x < width && row[x].owner < 0)
			x++;
		if (x >= width)
			break;
		st = cell_style(&row[x], look, &hidden);
		theme_get(st, &attr, &pair);
		if (attr & A_BOLD)
			attr &= ~(attr_t)A_DIM;	/* never both: bold wins */
		if (!hidden)
			wmove(w, y, x);
		/* A run: cells that look the same. */
		while (x < width && row[x].owner >= 0 && cell_style(&row[x], look, &h) == st) {
			if (!hidden)
				put(w, &row[x], attr, pair);
			x++;
			/* The right half of a wide glyph came with it. */
			while (x < width && row[x].width == 0)
				x++;
		}
	}
}

/* Does the row hold a cell of item i? */
static bool
row_has(const struct cloud_cell *row, int width, int i)
{
	for (int x = 0; i >= 0 && x < width; x++)
		if (row[x].owner == i)
			return true;
	return false;
}

void
cloud_draw(WINDOW *w, int top, const struct cloud_frame *f,
           const struct cloud_look *look, struct cloud_drawn *d, bool full)
{
	size_t n = (size_t)f->w * (size_t)f->h;

	if (d != NULL && (d->w != f->w || d->h != f->h || d->cells == NULL)) {
		free(d->cells);
		d->cells = xcalloc(n ? n : 1, sizeof *d->cells);
		d->w = f->w;
		d->h = f->h;
		full = true;
	}
	for (int y = 0; y < f->h; y++) {
		const struct cloud_cell *row = &f->cells[(size_t)y * (size_t)f->w];
		struct cloud_cell *was = d != NULL ? &d->cells[(size_t)y * (size_t)f->w] : NULL;

		if (d != NULL && !full) {
			bool same = memcmp(row, was, (size_t)f->w * sizeof *row) == 0;

			/* The same cells, but a label there took or lost the
			 * pointer's or the choice's look. */
			if (same && look->hover != d->hover)
				same = !row_has(row, f->w, look->hover) && !row_has(row, f->w, d->hover);
			if (same && look->focus != d->focus)
				same = !row_has(row, f->w, look->focus) && !row_has(row, f->w, d->focus);
			if (same)
				continue;
			wmove(w, top + y, 0);
			wclrtoeol(w);
		}
		draw_row(w, top + y, row, f->w, look);
		if (was != NULL)
			memcpy(was, row, (size_t)f->w * sizeof *row);
	}
	if (d != NULL) {
		d->hover = look->hover;
		d->focus = look->focus;
	}
}

void
cloud_drawn_free(struct cloud_drawn *d)
{
	free(d->cells);
	memset(d, 0, sizeof *d);
}
