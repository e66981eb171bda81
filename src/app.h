/* app.h: the full-screen browser's state, shared by its views.
 *
 * The screen is a top bar (title, page tabs, language switcher), a body
 * drawn by the current view, and a status line.  Each view -- a page, the
 * help, the cloud -- has the trio ncdu 1.x uses: draw, key (and mouse),
 * plus how long it may sleep before its next frame. */
#ifndef ICLEI_APP_H
#define ICLEI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "bundleset.h"
#include "curses-compat.h"
#include "layout.h"
#include "search.h"
#include "tty.h"
#include "util.h"

enum view_id { VIEW_PAGE, VIEW_HELP, VIEW_CLOUD };

struct app;

struct view {
	void (*draw)(struct app *a, int top, int height);
	/* true when the key was the view's */
	bool (*key)(struct app *a, int key, bool keycode);
	bool (*mouse)(struct app *a, const MEVENT *m);
	/* milliseconds until the next frame, -1 for none */
	int (*frame_ms)(struct app *a);
};

/* A reading position that survives re-layout and language switches:
 * the page, and the block (and part of it) at the top of the screen. */
struct place {
	int page;
	int block, part;
	size_t offset;		/* bytes into that part's text */
};

/* A clickable stretch of the top bar. */
struct hit {
	int x0, x1;		/* columns [x0, x1) */
	int target;		/* tab index, or language */
	bool lang;
};

struct app {
	/* content */
	struct bundleset set;
	char *data_dir;
	enum lang lang;
	struct bundle *b;	/* set.lang[lang] */
	struct tty_info tty;

	/* where we are: a page, or the cloud (page == b->npages) */
	int page;
	enum view_id view;	/* VIEW_HELP overlays the page or the cloud */

	/* the page as laid out, and the reading position in it */
	struct doc doc;
	int doc_page, doc_width;
	const struct bundle *doc_bundle;
	size_t top;		/* first display line on screen */
	int link;		/* block of the selected link, or -1 */

	/* search */
	struct search search;
	struct matches matches;
	size_t *match_line;	/* display line where each match starts */
	long match;		/* the current match, or -1 */
	bool prompt;		/* typing a search pattern */
	struct sbuf input;

	/* history */
	struct place *back, *fwd;
	size_t nback, nfwd, capback, capfwd;

	/* the status line's message, until the next key */
	char msg[600];
	bool msg_error;

	/* help and cloud views */
	size_t help_top;
	size_t cloud_sel;

	struct hit hits[16];
	int nhits;
	int body_height;
	bool quit;
};

/* Run the browser over set (taken over), starting at page (-1: the
 * first).  Returns the exit status. */
int app_run(struct bundleset *set, enum lang lang, int page,
            const struct tty_opts *opts);

/* The text column where the body starts, and its width. */
int app_margin(void);
int app_text_width(void);

/* Navigation shared by the views. */
void app_goto_page(struct app *a, int page, int block, bool record);
void app_back(struct app *a);
void app_forward(struct app *a);
void app_set_lang(struct app *a, enum lang l);
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The page view's reading position (view_page.c). */
void page_current_place(struct app *a, struct place *p);
void page_restore_place(struct app *a, const struct place *p);
void page_invalidate(struct app *a);
/* A key while the search pattern is being typed on the status line. */
void page_prompt_key(struct app *a, int key, bool keycode);

/* The moving keys of less and vi that every scrolling view shares: how
 * far the key moves, LONG_MIN for the top and LONG_MAX for the bottom. */
bool app_motion(const struct app *a, int key, bool keycode, long *by);

/* pos moved by `by` (LONG_MIN: to 0, LONG_MAX: to max), kept in 0..max. */
size_t app_move(size_t pos, long by, size_t max);

/* Keys every view shares (quit, help, pages, languages, redraw...). */
bool app_common_key(struct app *a, int key, bool keycode);

/* Number of tabs: the pages, then the cloud. */
int app_ntabs(const struct app *a);

extern const struct view view_page, view_help, view_cloud;

/* The cloud's options: still (--no-motion: keyboard rotation only) and
 * frames per second while it moves (--fps). */
void cloud_view_configure(bool still, int fps);
void cloud_view_free(void);
/* Before the bundle the cloud shows is freed. */
void cloud_view_forget(void);

#endif
