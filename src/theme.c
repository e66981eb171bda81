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
	/* Depth fades toward the background: greys far, greens near; with
	 * 8 colours dim, plain, bold; in monochrome the view hides the far
	 * ones and makes the near ones bold. */
	[ST_CLOUD_0] = {{A_NORMAL, -1, -1}, {A_DIM, -1, -1}, {A_NORMAL, 238, -1}},
	[ST_CLOUD_1] = {{A_NORMAL, -1, -1}, {A_DIM, -1, -1}, {A_NORMAL, 242, -1}},
	[ST_CLOUD_2] = {{A_NORMAL, -1, -1}, {A_NORMAL, COLOR_GREEN, -1},
	                {A_NORMAL, 29, -1}},
	[ST_CLOUD_3] = {{A_NORMAL, -1, -1}, {A_NORMAL, COLOR_GREEN, -1},
	                {A_NORMAL, 35, -1}},
	[ST_CLOUD_4] = {{A_BOLD, -1, -1}, {A_BOLD, COLOR_GREEN, -1},
	                {A_BOLD, 48, -1}},
	[ST_CLOUD_HOVER] = {{A_BOLD | A_UNDERLINE, -1, -1},
	                    {A_BOLD | A_UNDERLINE, COLOR_YELLOW, -1},
	                    {A_BOLD | A_UNDERLINE, 226, -1}},
	[ST_CLOUD_FOCUS] = {{A_REVERSE | A_BOLD, -1, -1},
	                    {A_NORMAL, COLOR_BLACK, COLOR_GREEN},
	                    {A_BOLD, 231, 29}},
};

static int level;	/* 0 monochrome, 1 eight colours, 2 256 */

void
theme_init(int colors)
{
	level = colors >= 256 ? 2 : colors >= 8 ? 1 : 0;
	if (level == 0)
		return;
	for (int s = 0; s < ST_COUNT; s++) {
		const struct look *l = &looks[s][level];

		if (l->fg >= 0 || l->bg >= 0)
			init_pair((short)(s + 1), l->fg, l->bg);
	}
}

void
theme_get(enum style st, attr_t *attr, short *pair)
{
	const struct look *l = &looks[st][level];

	*attr = l->attr;
	*pair = level > 0 && (l->fg >= 0 || l->bg >= 0) ? (short)(st + 1) : 0;
}
