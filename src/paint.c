/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* paint.c: UTF-8 text into a curses window, by columns. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <wchar.h>

#include "paint.h"
#include "sanitize.h"
#include "text.h"

/* Columns curses (and so the screen) gives c: glibc's wcwidth, which
 * is not libunistring's everywhere (U+4DC0..U+4DFF, U+3248..U+324F: 2
 * against 1; U+0CBF: 0 against 1, ...). */
static int
screen_width(ucs4_t c)
{
	return c >= 0x20 && c < 0x7f ? 1 : wcwidth((wchar_t)c);
}

/* One character cell: a base character and the combining marks after it
 * (at most CCHARW_MAX - 1), which never take a column of their own.  The
 * layout measured with text_char_width; a character the screen would
 * give another width becomes '?' (the caller pads it to the layout's
 * width), a mark it would give a column is left out, and so is a ZWJ
 * after a pictograph, which a terminal might join with the next one into
 * fewer columns than counted.  *width: the layout's columns. */
static size_t
next_cell(const uint8_t *p, const uint8_t *end, wchar_t *wch, int *width)
{
	const uint8_t *q = p;
	int k = 0;

	while (q < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, q, (size_t)(end - q));
		int cw;

		/* Text is checked where it comes in (the model at load,
		 * messages as they are formatted, keys as they are typed):
		 * only a control is kept off the terminal here, by its code,
		 * with no table to look in. */
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			c = '?';
		cw = text_char_width(c);
		if (k > 0 && cw != 0)
			break;
		q += len;
		if (k == 0) {
			if (cw == 0)
				c = ' ';	/* a stray mark: give it a base */
			*width = cw == 0 ? 1 : cw;
			if (screen_width(c) != *width)
				c = '?';
		} else if (screen_width(c) != 0
		           || (c == 0x200D && uc_is_property_extended_pictographic((ucs4_t)wch[0]))
		           || k >= CCHARW_MAX - 1) {
			continue;
		}
		wch[k++] = (wchar_t)c;
	}
	wch[k] = L'\0';
	return (size_t)(q - p);
}

static enum ambiguous ambig_mode;

void
paint_set_ambiguous(enum ambiguous a)
{
	ambig_mode = a;
}

int
paint_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxw,
           enum style st)
{
	return paint_text_ex(w, y, x, s, n, maxw, st, 0);
}

int
paint_text_ex(WINDOW *w, int y, int x, const char *s, size_t n, int maxw,
              enum style st, attr_t extra)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	char *replaced = NULL;
	attr_t attr;
	short pair;
	int used = 0;

	if (maxw <= 0 || y < 0 || x < 0)
		return 0;
	SANITIZE_TRUSTED(s, n, "paint_text");
	if (ambig_mode == AMBIGUOUS_WIDE) {
		/* Interface strings too must not hold a character the terminal
		 * draws wider than curses thinks. */
		replaced = text_unambiguous(s, n, &n);
		p = (const uint8_t *)replaced;
		end = p + n;
	}
	theme_get(st, &attr, &pair);
	attr |= extra;
	if (attr & A_BOLD)
		attr &= ~(attr_t)A_DIM;	/* never both: bold wins */
	wmove(w, y, x);
	while (p < end) {
		wchar_t wch[CCHARW_MAX + 1];
		cchar_t cc;
		int cw = 1;
		size_t len = next_cell(p, end, wch, &cw);

		if (used + cw > maxw)
			break;		/* a glyph never straddles the edge */
		setcchar(&cc, wch, attr, pair, NULL);
		/* ERR at the bottom-right cell is normal: the cell is drawn. */
		wadd_wch(w, &cc);
		if (wch[0] == L'?' && cw == 2) {	/* a stand-in, one column short */
			wchar_t sp[2] = {L' ', L'\0'};

			setcchar(&cc, sp, attr, pair, NULL);
			wadd_wch(w, &cc);
		}
		used += cw;
		p += len;
	}
	free(replaced);
	return used;
}

int
paint_str(WINDOW *w, int y, int x, const char *s, int maxw, enum style st)
{
	return paint_text(w, y, x, s, strlen(s), maxw, st);
}

void
paint_blank(WINDOW *w, int y, int x, int n, enum style st)
{
	attr_t attr;
	short pair;
	cchar_t cc;
	wchar_t sp[2] = {L' ', L'\0'};

	theme_get(st, &attr, &pair);
	setcchar(&cc, sp, attr, pair, NULL);
	wmove(w, y, x);
	for (int i = 0; i < n; i++)
		wadd_wch(w, &cc);
}

int
paint_last_width(const char *s, size_t n)
{
	const uint8_t *end = (const uint8_t *)s + n;
	ucs4_t uc;

	if (u8_prev(&uc, end, (const uint8_t *)s) == NULL)
		return 0;
	return screen_width(uc);
}

int
paint_width(const char *s)
{
	char *r;
	int w;

	if (ambig_mode != AMBIGUOUS_WIDE)
		return text_width(s, strlen(s));
	r = text_unambiguous(s, strlen(s), NULL);
	w = text_width(r, strlen(r));
	free(r);
	return w;
}
