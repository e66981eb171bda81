/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* theme.c: the styles, in monochrome, 8 and 256 colours. */
#include <config.h>

#include "theme.h"

struct look {
	attr_t attr;
	short fg, bg;		/* -1: the terminal's default */
};

/* Each style three times: monochrome, 8 colours, 256 colours.  Text keeps
 * the terminal's own foreground where it can, so light and dark
 * backgrounds both read well; colour marks structure and state.  With 8
 * colours, black text is never bold: the terminals that draw bold as
 * bright (xterm's default, the Linux console) would make it dark grey,
 * about 2:1 on green; plain black on green, cyan, yellow or white reads
 * at 6:1 or better on both palettes. */
static const struct look looks[ST_COUNT][3] = {
	[ST_NORMAL] = {{A_NORMAL, -1, -1}, {A_NORMAL, -1, -1}, {A_NORMAL, -1, -1}},
	[ST_TITLE] = {{A_BOLD, -1, -1}, {A_BOLD, COLOR_GREEN, -1}, {A_BOLD, 35, -1}},
	[ST_HEADING] = {{A_BOLD, -1, -1}, {A_BOLD, COLOR_GREEN, -1}, {A_BOLD, 35, -1}},
	[ST_RULE] = {{A_NORMAL, -1, -1}, {A_NORMAL, COLOR_GREEN, -1}, {A_NORMAL, 29, -1}},
	[ST_MARK] = {{A_BOLD, -1, -1}, {A_BOLD, COLOR_GREEN, -1}, {A_BOLD, 35, -1}},
	[ST_QUOTE] = {{A_ITALIC, -1, -1}, {A_ITALIC, -1, -1}, {A_ITALIC, -1, -1}},
	[ST_ATTRIBUTION] = {{A_NORMAL, -1, -1}, {A_NORMAL, COLOR_CYAN, -1},
	                    {A_NORMAL, 244, -1}},
	[ST_LINK] = {{A_UNDERLINE, -1, -1}, {A_UNDERLINE, COLOR_CYAN, -1},
	             {A_UNDERLINE, 38, -1}},
	[ST_LINK_SELECTED] = {{A_REVERSE | A_UNDERLINE, -1, -1},
	                      {A_NORMAL, COLOR_BLACK, COLOR_CYAN},
	                      {A_NORMAL, 16, 38}},
	[ST_MATCH] = {{A_REVERSE, -1, -1}, {A_NORMAL, COLOR_BLACK, COLOR_YELLOW},
	              {A_NORMAL, 16, 222}},
	[ST_MATCH_CURRENT] = {{A_REVERSE | A_BOLD | A_UNDERLINE, -1, -1},
	                      {A_UNDERLINE, COLOR_BLACK, COLOR_WHITE},
	                      {A_BOLD, 16, 208}},
	[ST_TAB] = {{A_NORMAL, -1, -1}, {A_NORMAL, -1, -1}, {A_NORMAL, -1, -1}},
	[ST_TAB_CURRENT] = {{A_REVERSE | A_BOLD, -1, -1},
	                    {A_NORMAL, COLOR_BLACK, COLOR_GREEN},
	                    {A_BOLD, 231, 29}},
	[ST_LANG] = {{A_NORMAL, -1, -1}, {A_NORMAL, -1, -1}, {A_NORMAL, 244, -1}},
	[ST_LANG_CURRENT] = {{A_REVERSE | A_BOLD, -1, -1},
	                     {A_NORMAL, COLOR_BLACK, COLOR_GREEN},
	                     {A_BOLD, 231, 29}},
	[ST_STATUS] = {{A_REVERSE, -1, -1}, {A_REVERSE, -1, -1},
	               {A_NORMAL, 16, 250}},
	[ST_STATUS_ERROR] = {{A_REVERSE | A_BOLD, -1, -1},
	                     {A_BOLD, COLOR_WHITE, COLOR_RED},
	                     {A_BOLD, 231, 124}},
	[ST_KEY] = {{A_BOLD, -1, -1}, {A_BOLD, COLOR_GREEN, -1}, {A_BOLD, 35, -1}},
	/* The cloud: weight and depth are separate cues.  Weight is a hue
	 * (greys light, greens medium, ambers heavy), and bold for the heavy
	 * ones; depth a fade toward a dark background, each weight's shades
	 * of one hue, never a nearer one darker than a farther one.  With 8
	 * colours: the hue, dim far and plain near (heavy: plain far, bold
	 * near); in monochrome bold is the weight, and the view hides the
	 * farthest two shades. */
#define LIGHT(s, c256) [ST_CLOUD + (s)] = {{A_NORMAL, -1, -1}, \
		{(s) < 2 ? A_DIM : A_NORMAL, -1, -1}, {A_NORMAL, c256, -1}}
#define MEDIUM(s, c256) [ST_CLOUD + 5 + (s)] = {{A_NORMAL, -1, -1}, \
		{(s) < 2 ? A_DIM : A_NORMAL, COLOR_GREEN, -1}, {A_NORMAL, c256, -1}}
#define HEAVY(s, c256) [ST_CLOUD + 10 + (s)] = {{A_BOLD, -1, -1}, \
		{(s) < 2 ? A_NORMAL : A_BOLD, COLOR_YELLOW, -1}, {A_BOLD, c256, -1}}
	LIGHT(0, 239), LIGHT(1, 242), LIGHT(2, 245), LIGHT(3, 248), LIGHT(4, 252),
	MEDIUM(0, 22), MEDIUM(1, 28), MEDIUM(2, 34), MEDIUM(3, 41), MEDIUM(4, 48),
	HEAVY(0, 94), HEAVY(1, 136), HEAVY(2, 178), HEAVY(3, 220), HEAVY(4, 228),
#undef LIGHT
#undef MEDIUM
#undef HEAVY
	[ST_CLOUD_HOVER] = {{A_BOLD | A_UNDERLINE, -1, -1},
	                    {A_BOLD | A_UNDERLINE, COLOR_YELLOW, -1},
	                    {A_BOLD | A_UNDERLINE, 226, -1}},
	[ST_CLOUD_FOCUS] = {{A_REVERSE | A_BOLD, -1, -1},
	                    {A_NORMAL, COLOR_BLACK, COLOR_GREEN},
	                    {A_BOLD, 231, 29}},
};

/* The cloud on a light background, 256 colours: each weight's hue fades
 * toward white, far to near as above (never a nearer one lighter), and the
 * hover a dark orange, not yellow. */
static const struct look light_cloud[THEME_CLOUD_WEIGHTS * THEME_CLOUD_SHADES + 1] = {
	{A_NORMAL, 252, -1}, {A_NORMAL, 249, -1}, {A_NORMAL, 246, -1},
	{A_NORMAL, 243, -1}, {A_NORMAL, 240, -1},
	{A_NORMAL, 151, -1}, {A_NORMAL, 114, -1}, {A_NORMAL, 71, -1},
	{A_NORMAL, 28, -1}, {A_NORMAL, 22, -1},
	{A_BOLD, 223, -1}, {A_BOLD, 179, -1}, {A_BOLD, 172, -1},
	{A_BOLD, 130, -1}, {A_BOLD, 94, -1},
	{A_BOLD | A_UNDERLINE, 166, -1},	/* ST_CLOUD_HOVER */
};

/* With 8 colours on a light background, yellow is about 1.5:1 on white:
 * the heavy tags red, the hovered one magenta; the rest as on dark. */
static struct look light8[THEME_CLOUD_WEIGHTS * THEME_CLOUD_SHADES + 1];

static int level;	/* 0 monochrome, 1 eight colours, 2 256 */
static bool light;	/* a light background, with colours */

/* The look of st at the level in use. */
static const struct look *
look_of(enum style st)
{
	if (light && st >= ST_CLOUD && st <= ST_CLOUD_HOVER)
		return level == 2 ? &light_cloud[st - ST_CLOUD] : &light8[st - ST_CLOUD];
	return &looks[st][level];
}

void
theme_init(int colors, bool light_background)
{
	level = colors >= 256 ? 2 : colors >= 8 ? 1 : 0;
	light = level > 0 && light_background;
	for (int i = 0; i <= THEME_CLOUD_WEIGHTS * THEME_CLOUD_SHADES; i++) {
		light8[i] = looks[ST_CLOUD + i][1];
		if (light8[i].fg == COLOR_YELLOW)
			light8[i].fg = ST_CLOUD + i == ST_CLOUD_HOVER ? COLOR_MAGENTA : COLOR_RED;
	}
	if (level == 0)
		return;
	for (int s = 0; s < ST_COUNT; s++) {
		const struct look *l = look_of((enum style)s);

		if (l->fg >= 0 || l->bg >= 0)
			init_pair((short)(s + 1), l->fg, l->bg);
	}
}

enum style
theme_cloud(int wclass, int shade)
{
	wclass = wclass < 0 ? 0 : wclass >= THEME_CLOUD_WEIGHTS ? THEME_CLOUD_WEIGHTS - 1 : wclass;
	shade = shade < 0 ? 0 : shade >= THEME_CLOUD_SHADES ? THEME_CLOUD_SHADES - 1 : shade;
	return (enum style)(ST_CLOUD + wclass * THEME_CLOUD_SHADES + shade);
}

void
theme_look(enum style st, int lvl, attr_t *attr, short *fg, short *bg)
{
	const struct look *l = &looks[st][lvl < 0 ? 0 : lvl > 2 ? 2 : lvl];

	*attr = l->attr;
	*fg = l->fg;
	*bg = l->bg;
}

void
theme_get(enum style st, attr_t *attr, short *pair)
{
	const struct look *l = look_of(st);

	*attr = l->attr;
	*pair = level > 0 && (l->fg >= 0 || l->bg >= 0) ? (short)(st + 1) : 0;
}
