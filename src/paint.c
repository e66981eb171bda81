/* paint.c: UTF-8 text into a curses window, by columns. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "paint.h"
#include "sanitize.h"
#include "text.h"

/* One character cell: a base character and the combining marks after it
 * (at most CCHARW_MAX - 1), which never take a column of their own. */
static size_t
next_cell(const uint8_t *p, const uint8_t *end, wchar_t *wch, int *width)
{
	const uint8_t *q = p;
	int k = 0;

	while (q < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, q, (size_t)(end - q));
		int cw;

		if (!sanitize_char_ok(c) || c == '\n')
			c = '?';
		cw = text_char_width(c);
		if (k > 0 && cw != 0)
			break;
		if (k == 0 && cw == 0)
			c = ' ';	/* a stray mark: give it a base */
		if (k < CCHARW_MAX - 1)
			wch[k++] = (wchar_t)c;
		if (k == 1)
			*width = cw == 0 ? 1 : cw;
		q += len;
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
	if (ambig_mode == AMBIGUOUS_WIDE) {
		/* Interface strings too must not hold a character the terminal
		 * draws wider than curses thinks. */
		replaced = text_unambiguous(s, n, &n);
		p = (const uint8_t *)replaced;
		end = p + n;
	}
	theme_get(st, &attr, &pair);
	attr |= extra;
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
