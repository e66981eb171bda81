/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* theme.h: what each kind of thing on screen looks like, with no colour,
 * with 8 colours and with 256 (after ncdu's theme table).  Monochrome
 * stays fully usable: bold, underline and reverse carry the meaning. */
#ifndef ICLEI_THEME_H
#define ICLEI_THEME_H

#include <stdbool.h>
#include "curses-compat.h"

enum style {
	ST_NORMAL,
	ST_TITLE,		/* page title */
	ST_HEADING,
	ST_RULE,		/* ==== and ---- under titles and headings */
	ST_MARK,		/* bullets, the quote bar, the attribution dash */
	ST_QUOTE,
	ST_ATTRIBUTION,
	ST_LINK,
	ST_LINK_SELECTED,
	ST_MATCH,		/* a search match */
	ST_MATCH_CURRENT,	/* the one n/N went to */
	ST_TAB,
	ST_TAB_CURRENT,
	ST_LANG,
	ST_LANG_CURRENT,
	ST_STATUS,		/* the bottom line */
	ST_STATUS_ERROR,
	ST_KEY,			/* key names in the help */
	/* The tag cloud's labels: THEME_CLOUD_WEIGHTS weight classes (light,
	 * medium, heavy) of THEME_CLOUD_SHADES depth shades each (farthest
	 * first), from ST_CLOUD on: theme_cloud() gives one. */
	ST_CLOUD,
	ST_CLOUD_END = ST_CLOUD + 3 * 5 - 1,
	ST_CLOUD_HOVER,		/* under the pointer */
	ST_CLOUD_FOCUS,		/* chosen with Tab, or in the list */
	ST_COUNT
};

/* Set up the colour pairs for a terminal with `colors` colours (0, 8 or
 * 256), on a light background or not (the cloud's shades fade toward
 * it; with 8 colours its heavy tags are red there, not yellow). */
void theme_init(int colors, bool light_background);

/* The attributes and colour pair of a style. */
void theme_get(enum style st, attr_t *attr, short *pair);

/* A label's style in the tag cloud: weight class 0..2 (bold and a hue of
 * its own for the heavy ones), depth shade 0 (farthest) .. 4 (nearest),
 * a fade toward the background. */
#define THEME_CLOUD_WEIGHTS 3
#define THEME_CLOUD_SHADES 5
enum style theme_cloud(int wclass, int shade);

/* What the table says a style looks like at a colour level (0
 * monochrome, 1 eight colours, 2 256), curses or not: its attributes and
 * colours (-1 the terminal's default). */
void theme_look(enum style st, int level, attr_t *attr, short *fg, short *bg);

#endif
