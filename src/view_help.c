/* view_help.c: the keys, by what they do.  Looked up through gettext at
 * draw time, so a language switch changes the help too. */
#include <config.h>

#include <limits.h>

#include "app.h"
#include "i18n.h"
#include "paint.h"

/* Key names that are words are translatable (N_); bare keys are not. */
static const struct {
	const char *keys;	/* NULL: a section heading */
	const char *what;
} help[] = {
	{NULL, N_("Reading")},
	{N_("\u2191 \u2193  j k"), N_("one line up, down")},
	{N_("Space PgDn f"), N_("one screen down")},
	{N_("b PgUp -"), N_("one screen up")},
	{"d u", N_("half a screen down, up")},
	{N_("g Home <"), N_("top of the page")},
	{N_("G End >"), N_("bottom of the page")},
	{NULL, N_("Pages and languages")},
	{"1 2 3 4 5", N_("a page, in the order of the tabs (5: the cloud)")},
	{N_("Tab  Shift-Tab"), N_("next, previous page")},
	{"L  H", N_("next, previous language")},
	{NULL, N_("Search")},
	{"/", N_("search this page (Enter: go, Esc: cancel)")},
	{"n  N", N_("next, previous match")},
	{NULL, N_("Links and history")},
	{"]  [", N_("select the next, previous link")},
	{N_("Enter"), N_("follow the selected link")},
	{N_("\u2190  Backspace"), N_("back")},
	{N_("\u2192"), N_("forward")},
	{NULL, N_("Mouse")},
	{N_("click"), N_("a tab, a language, a link")},
	{N_("wheel"), N_("scroll")},
	{NULL, N_("Other")},
	{"Ctrl-L", N_("redraw the screen")},
	{"r", N_("reload the content from disk")},
	{"? F1", N_("this help (Esc or q closes it)")},
	{"q", N_("quit")},
};

enum { NHELP = sizeof help / sizeof *help };

/* Display lines: the title, a blank, then each entry (and a blank before
 * each section but the first). */
static int
help_lines(void)
{
	int n = 2;

	for (int i = 0; i < NHELP; i++)
		n += help[i].keys == NULL ? (i > 0 ? 2 : 1) : 1;
	return n;
}

static void
draw(struct app *a, int top, int height)
{
	int x = app_margin(), keyw = 0, row = 0, max;

	for (int i = 0; i < NHELP; i++)
		if (help[i].keys != NULL && paint_width(_(help[i].keys)) > keyw)
			keyw = paint_width(_(help[i].keys));
	keyw += 3;
	max = help_lines() - height;
	if ((int)a->help_top > max)
		a->help_top = max > 0 ? (size_t)max : 0;
#define ROW(r) (top + (r) - (int)a->help_top)
#define VISIBLE(r) ((r) >= (int)a->help_top && (r) < (int)a->help_top + height)
	if (VISIBLE(row))
		paint_str(stdscr, ROW(row), x, _("Keys"), COLS - x, ST_TITLE);
	row += 2;
	for (int i = 0; i < NHELP; i++) {
		if (help[i].keys == NULL) {
			if (i > 0)
				row++;
			if (VISIBLE(row))
				paint_str(stdscr, ROW(row), x, _(help[i].what), COLS - x,
				          ST_HEADING);
			row++;
			continue;
		}
		if (VISIBLE(row)) {
			paint_str(stdscr, ROW(row), x + 2, _(help[i].keys), COLS - x - 2,
			          ST_KEY);
			paint_str(stdscr, ROW(row), x + 2 + keyw, _(help[i].what),
			          COLS - x - 2 - keyw, ST_NORMAL);
		}
		row++;
	}
#undef ROW
#undef VISIBLE
}

static void
scroll_help(struct app *a, long n)
{
	if (n == LONG_MIN || (n < 0 && -n > (long)a->help_top))
		a->help_top = 0;
	else if (n == LONG_MAX)
		a->help_top = (size_t)help_lines();	/* draw clamps it */
	else
		a->help_top = (size_t)((long)a->help_top + n);
}

static bool
key(struct app *a, int k, bool keycode)
{
	long by;

	if ((keycode && k == KEY_F(1)) || (!keycode && (k == 'q' || k == 27 || k == '?'))) {
		a->view = VIEW_PAGE;	/* back to the page or the cloud */
		return true;
	}
	if (!app_motion(a, k, keycode, &by))
		return false;
	scroll_help(a, by);
	return true;
}

static bool
mouse(struct app *a, const MEVENT *m)
{
	if (m->bstate & BUTTON4_PRESSED)
		scroll_help(a, -3);
	else if (m->bstate & BUTTON5_PRESSED)
		scroll_help(a, 3);
	else
		return false;
	return true;
}

static int
frame_ms(struct app *a)
{
	(void)a;
	return -1;
}

const struct view view_help = {draw, key, mouse, frame_ms};
