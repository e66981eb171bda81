/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
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

/* Row y's word with the look of the hovered and the chosen label on it. */
static unsigned long long
row_word(const struct cloud_frame *f, const struct cloud_look *look, int y)
{
	unsigned long long k = f->rowsig[y];

	if (y == look->hover_row)
		k ^= 0xA5A5A5A5ull * (unsigned long long)(look->hover + 2);
	if (y == look->focus_row)
		k ^= 0x5A5A5A5A00000000ull * (unsigned long long)(look->focus + 2);
	return k;
}

void
cloud_draw(WINDOW *w, int top, const struct cloud_frame *f,
           const struct cloud_look *look, struct cloud_drawn *d, bool full)
{
	if (d != NULL && (d->w != f->w || d->h != f->h || d->sig == NULL)) {
		free(d->sig);
		d->sig = xcalloc(f->h > 0 ? (size_t)f->h : 1, sizeof *d->sig);
		d->w = f->w;
		d->h = f->h;
		full = true;
	}
	for (int y = 0; y < f->h; y++) {
		const struct cloud_cell *row = &f->cells[(size_t)y * (size_t)f->w];

		if (d != NULL) {
			unsigned long long k = row_word(f, look, y);

			if (!full && k == d->sig[y])
				continue;	/* as the screen has it */
			d->sig[y] = k;
			if (!full) {
				wmove(w, top + y, 0);
				wclrtoeol(w);
			}
		}
		draw_row(w, top + y, row, f->w, look);
	}
}

void
cloud_drawn_free(struct cloud_drawn *d)
{
	if (d == NULL)
		return;
	free(d->sig);
	memset(d, 0, sizeof *d);
}
