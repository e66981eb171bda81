/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* curses-compat.h: the wide-character curses header, wherever it is. */
#ifndef ICLEI_CURSES_COMPAT_H
#define ICLEI_CURSES_COMPAT_H

#include <config.h>

#ifndef NCURSES_WIDECHAR
# define NCURSES_WIDECHAR 1
#endif
#if HAVE_NCURSESW_CURSES_H
# include <ncursesw/curses.h>
#else
# include <curses.h>
#endif

#endif
