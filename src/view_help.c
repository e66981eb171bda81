/* view_help.c: the keys, by what they do.  Looked up through gettext at
 * draw time, so a language switch changes the help too. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "paint.h"
#include "util.h"

/* Key names that are words are translatable (N_); bare keys are not. */
static const struct {
	const char *keys;	/* NULL: a section heading */
	const char *what;
} help[] = {
	{NULL, N_("Reading")},
	{N_("\u2191 \u2193  k j  Ctrl-P Ctrl-N"), N_("one line up, down")},
	{N_("Space PgDn f  Ctrl-F"), N_("one screen down")},
	{N_("b PgUp -  Ctrl-B"), N_("one screen up")},
	{"d u  Ctrl-D Ctrl-U", N_("half a screen down, up")},
	{N_("g Home <"), N_("top of the page")},
	{N_("G End >"), N_("bottom of the page")},
	{NULL, N_("Pages and languages")},
	{"1 2 3 4 5", N_("a page, in the order of the tabs (5: the cloud)")},
	{N_("Tab  Shift-Tab"), N_("next, previous page")},
	{"L  H", N_("next, previous language")},
	{NULL, N_("Search")},
	{"/", N_("search this page (Enter: go; Esc, Ctrl-G: cancel; Ctrl-U: clear)")},
	{"n  N", N_("next, previous match")},
	{NULL, N_("Links and history")},
	{"]  [", N_("select the next, previous link")},
	{N_("Enter"), N_("follow the selected link")},
	{N_("\u2190  Backspace"), N_("back")},
	{N_("\u2192"), N_("forward")},
	{NULL, N_("The cloud (tab 5)")},
	{N_("\u2190 \u2192 \u2191 \u2193  h j k"), N_("turn it")},
	{N_("Tab  Shift-Tab"), N_("bring the next, previous tag to the front")},
	{N_("Enter"), N_("open that tag's page (Backspace comes back)")},
	{N_("Space"), N_("pause, go on")},
	{"+ -", N_("faster, slower")},
	{"l", N_("the tags as a list, heaviest first (l again: the cloud)")},
	{NULL, N_("Mouse")},
	{N_("click"), N_("a tab, a language, a link, a tag in the cloud")},
	{N_("wheel"), N_("scroll")},
	{N_("point"), N_("steer the cloud; over a tag it slows down")},
	{N_("drag"), N_("spin the cloud")},
	{NULL, N_("Other")},
	{"Ctrl-L", N_("redraw the screen")},
	{"r", N_("reload the content from disk")},
	{"? F1", N_("this help (Esc or q closes it)")},
	{"q", N_("quit")},
};

enum { NHELP = sizeof help / sizeof *help };

/* A row of the help as laid out: a key (or NULL) and a stretch of text. */
struct row {
	const char *key;
	const char *text;
	size_t start, end;
	enum style st;
};

static void
add_row(struct row **v, size_t *n, size_t *cap, struct row r)
{
	grow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = r;
}

/* The help at this width: descriptions wrapped by the layout engine in
 * the column after the keys (under them when the screen is narrow). */
static size_t
lay_out(struct row **v, int width, int *keyw)
{
	size_t n = 0, cap = 0;
	int textw;

	*keyw = 0;
	for (int i = 0; i < NHELP; i++)
		if (help[i].keys != NULL && paint_width(_(help[i].keys)) > *keyw)
			*keyw = paint_width(_(help[i].keys));
	*keyw += 3;
	if (width - 2 - *keyw < 20)
		*keyw = 4;		/* narrow: descriptions below their keys */
	textw = width - 2 - *keyw;
	add_row(v, &n, &cap, (struct row){NULL, _("Keys"), 0, strlen(_("Keys")), ST_TITLE});
	add_row(v, &n, &cap, (struct row){NULL, "", 0, 0, ST_NORMAL});
	for (int i = 0; i < NHELP; i++) {
		const char *what = _(help[i].what);
		struct tlines tl = {0};

		if (help[i].keys == NULL) {
			if (i > 0)
				add_row(v, &n, &cap, (struct row){NULL, "", 0, 0, ST_NORMAL});
			add_row(v, &n, &cap, (struct row){NULL, what, 0, strlen(what), ST_HEADING});
			continue;
		}
		if (*keyw == 4)
			add_row(v, &n, &cap, (struct row){_(help[i].keys), "", 0, 0, ST_NORMAL});
		text_wrap(what, strlen(what), textw < 1 ? 1 : textw, BREAK_UAX14, &tl);
		for (size_t k = 0; k < tl.n; k++)
			add_row(v, &n, &cap, (struct row){k == 0 && *keyw > 4 ? _(help[i].keys) : NULL,
			                                  what, tl.v[k].start, tl.v[k].end, ST_NORMAL});
		free(tl.v);
	}
	return n;
}

static void
draw(struct app *a, int top, int height)
{
	struct row *rows = NULL;
	int x = app_margin(), keyw;
	size_t n = lay_out(&rows, COLS - 2 * x, &keyw);

	if (a->help_top + (size_t)height > n)
		a->help_top = n > (size_t)height ? n - (size_t)height : 0;
	for (int r = 0; r < height && a->help_top + (size_t)r < n; r++) {
		const struct row *w = &rows[a->help_top + (size_t)r];

		if (w->key != NULL)
			paint_str(stdscr, top + r, x + 2, w->key, COLS - x - 2, ST_KEY);
		if (w->st != ST_NORMAL)
			paint_text(stdscr, top + r, x, w->text + w->start, w->end - w->start,
			           COLS - x, w->st);
		else
			paint_text(stdscr, top + r, x + 2 + keyw, w->text + w->start,
			           w->end - w->start, COLS - x - 2 - keyw, ST_NORMAL);
	}
	free(rows);
}

static void
scroll_help(struct app *a, long n)
{
	/* The bottom is known only when drawing, which clamps it (and may
	 * not happen on a terminal too small): a bound, not the end. */
	a->help_top = app_move(a->help_top, n, SIZE_MAX / 4);
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
