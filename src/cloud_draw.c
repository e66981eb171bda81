/* cloud_draw.c: a frame of the tag cloud onto the screen.
 *
 * Whole rows from column 0, runs of one style at a time, so curses never
 * has to address a column inside a wide glyph.  Depth and weight become
 * style: shades from far to near, bold for heavy tags; in monochrome the
 * farthest two shades are hidden. */
#include <config.h>

#include <unistr.h>

#include "cloud_draw.h"
#include "paint.h"
#include "util.h"

static enum style
cell_style(const struct cloud_cell *k, const struct cloud_look *look,
           bool *bold, bool *hidden)
{
	*bold = false;
	*hidden = false;
	if (k->owner < 0)
		return ST_NORMAL;
	if (k->owner == look->focus)
		return ST_CLOUD_FOCUS;
	if (k->owner == look->hover)
		return ST_CLOUD_HOVER;
	*bold = k->heavy;
	*hidden = look->colors == 0 && k->shade < 2;
	return (enum style)(ST_CLOUD_0 + k->shade);
}

void
cloud_draw(WINDOW *w, int top, const struct cloud_frame *f,
           const struct cloud_look *look)
{
	struct sbuf run = {0};

	for (int y = 0; y < f->h; y++) {
		const struct cloud_cell *row = &f->cells[(size_t)y * (size_t)f->w];
		int x = 0;

		while (x < f->w) {
			enum style st;
			bool bold, hidden;
			int start, cols = 0;

			/* Blanks stay as the erased window has them. */
			while (x < f->w && row[x].owner < 0)
				x++;
			if (x >= f->w)
				break;
			start = x;
			st = cell_style(&row[x], look, &bold, &hidden);
			run.len = 0;
			/* A run: cells that look the same. */
			while (x < f->w) {
				bool b, h;
				enum style s2 = cell_style(&row[x], look, &b, &h);
				uint8_t buf[8];

				if (s2 != st || b != bold || h != hidden)
					break;
				for (int i = 0; i < 3 && row[x].ch[i] != 0; i++) {
					ucs4_t c = hidden && i == 0 ? ' ' : row[x].ch[i];
					int n;

					if (hidden && i > 0)
						break;
					n = u8_uctomb(buf, c, (int)sizeof buf);
					if (n > 0)
						sbuf_add(&run, (const char *)buf, (size_t)n);
				}
				if (hidden && row[x].width == 2)
					sbuf_addc(&run, ' ');
				cols += row[x].width;
				x++;
				/* The right half of a wide glyph came with it. */
				while (x < f->w && row[x].width == 0)
					x++;
			}
			if (!hidden)
				paint_text_ex(w, top + y, start, run.s, run.len, cols, st,
				              bold ? A_BOLD : 0);
		}
	}
	sbuf_free(&run);
}
