/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* paint.h: UTF-8 text into a curses window, by columns.
 *
 * Views never address a column inside a wide glyph and never let one
 * straddle an edge: text is placed whole, clipped at a glyph boundary,
 * and anything sanitize_char_ok refuses is drawn as '?' (content was
 * checked on load; this is the screen's line of defence). */
#ifndef ICLEI_PAINT_H
#define ICLEI_PAINT_H

#include <stddef.h>

#include "curses-compat.h"
#include "text.h"
#include "theme.h"

/* How the terminal draws East Asian Ambiguous characters; when wide,
 * painted text gets unambiguous stand-ins for them. */
void paint_set_ambiguous(enum ambiguous a);

/* Draw s[0..n) at row y from column x, at most maxw columns, in style st.
 * Returns the columns used. */
int paint_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxw,
               enum style st);

/* The same, with extra attributes (A_BOLD...) on top of the style's. */
int paint_text_ex(WINDOW *w, int y, int x, const char *s, size_t n, int maxw,
                  enum style st, attr_t extra);

/* The same for a NUL-terminated string. */
int paint_str(WINDOW *w, int y, int x, const char *s, int maxw, enum style st);

/* n blank columns in style st. */
void paint_blank(WINDOW *w, int y, int x, int n, enum style st);

/* Columns s would take (as paint_text draws it). */
int paint_width(const char *s);
/* The columns the screen gives the last character of s's n bytes (0 if
 * none). */
int paint_last_width(const char *s, size_t n);

#endif
