/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* app.h: the full-screen browser -- what its modes share, and the
 * interface every mode implements.
 *
 * The screen is a top bar (title, tabs, language switcher), a body drawn
 * by the current mode, and a status line.  The modes (a page, the cloud,
 * the tag list, the help) are modules in the way tmux's window modes
 * are: each has private state made by init, a tick for time passing, a
 * draw that only reads, its key tables, and a mouse handler.  struct app
 * keeps what they share: the content, the language, the tab, the
 * history, the status line. */
#ifndef ICLEI_APP_H
#define ICLEI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "bundleset.h"
#include "curses-compat.h"
#include "keys.h"
#include "prompt.h"
#include "search.h"
#include "tty.h"

/* The modes, in the order of views[] (app.c): adding one is a file of its
 * own, a line here and a line there. */
enum view_id { VIEW_PAGE, VIEW_CLOUD, VIEW_LIST, VIEW_HELP, VIEW_COUNT };

/* A reading position that survives re-layout and language switches: the
 * tab, and the block (and part of it) at the top of the screen. */
struct place {
	int page;		/* the tab */
	int block, part;	/* -1: the top */
	size_t offset;		/* bytes into that part's text... */
	enum lang lang;		/* ...in this language's */
};

/* What a mode is told has changed (bits). */
enum change {
	CHANGE_CONTENT = 1,	/* reloaded: every pointer into the old set is
				   gone; drop them all now */
	CHANGE_LANG = 2,	/* another language: the same structure */
	CHANGE_SIZE = 4,	/* the terminal was resized */
};

struct app;

struct view {
	const char *name;
	/* Looked up before the application's own tables; NULL-ended. */
	const struct keytable *const *keys;
	/* What the help lists for the mode, in order (NULL: keys): the
	 * keys, and those of a line it asks for. */
	const struct keytable *const *help;
	void *(*init)(struct app *a);
	void (*free)(void *st);
	/* The rest may be NULL where a mode has nothing to do: */
	void (*changed)(struct app *a, void *st, unsigned what);
	/* Show place p (a->page is p->page already; NULL: the help opens),
	 * resp. say where the reader is (p->page is set already). */
	void (*go)(struct app *a, void *st, const struct place *p);
	void (*where)(const struct app *a, const void *st, struct place *p);
	/* Time passes: animate, lay out anew, keep the state consistent
	 * with the content and the screen.  May navigate.  Returns the
	 * milliseconds until the next tick is due, -1 for none. */
	int (*tick)(struct app *a, void *st);
	/* Draw rows top .. top+height-1; reads state only. */
	void (*draw)(const struct app *a, const void *st, int top, int height);
	/* A bound key: its binding's action, and the key's place in the
	 * binding's row.  False when the action is not the mode's to do. */
	bool (*command)(struct app *a, void *st, enum action act, int index);
	bool (*mouse)(struct app *a, void *st, const MEVENT *m);
	/* The line typed on the status line at the mode's request. */
	void (*prompt_done)(struct app *a, void *st, const char *text);
	/* Whether pointer motion is wanted (NULL: never). */
	bool (*pointer)(const struct app *a, const void *st);
	/* The status line's right part (N_(); NULL: "? help  q quit"). */
	const char *hint;
	/* The status line's left part: "History  12/80  15%" (NULL: the
	 * tab's title). */
	void (*status)(const struct app *a, const void *st, char *buf,
	               size_t size);
	/* draw keeps the body up to date by itself, rows it leaves alone
	 * being as the last frame had them: while the bars do not change,
	 * the screen is not erased, nor are the bars drawn again (a moving
	 * cloud).  a->erased says when it was erased after all. */
	bool keeps_body;
};

extern const struct view view_page, view_cloud, view_list, view_help;

/* A clickable stretch of the top bar. */
struct hit {
	int x0, x1;		/* columns [x0, x1) */
	int target;		/* tab index, or language */
	bool lang;
};

struct app_opts {
	struct tty_opts tty;
	bool still;		/* the cloud starts still (--no-motion) */
	int fps;		/* the moving cloud's frame rate */
	const char *note;	/* for the status line at the start, or NULL */
	long idle_ms;		/* quit after this long with no input; 0: never */
};

struct app {
	const struct app_opts *opts;

	/* content */
	struct bundleset set;
	enum lang lang;
	struct bundle *b;	/* set.lang[lang] */
	struct tty_info tty;

	/* where we are */
	int page;		/* the tab: a page, or the cloud (b->npages) */
	enum view_id view;	/* the mode showing that tab */
	enum view_id cloud_view;	/* how the Cloud tab shows: cloud or list */
	bool help;		/* the help is over it */
	void *state[VIEW_COUNT];

	struct prompt prompt;
	/* The Cloud tab's, shared by the cloud and the list: the chosen tag
	 * (an index into b->tags, or -1), and the pattern / looks for. */
	long tag;
	struct search tag_search;
	enum action pending;	/* m or ', waiting for its letter */
	struct place marks[26];
	unsigned marked;	/* bit i: marks[i] is set */
	struct place before_jump;	/* for '' */
	bool jumped;
	unsigned told;		/* bit i: clashes[i] said already */
	key_code last_key;
	unsigned long nkeys;	/* keys pressed so far: what lasts "until the
				   next key" keeps the count it began at */
	/* Where the last tag opened led: its page and block, marked there
	 * until the next key (nkeys then). */
	struct {
		int page, block;
		unsigned long nkeys;
	} target;
	bool counted;		/* the last key made a count: no such thing */

	/* history */
	struct place *back, *fwd;
	size_t nback, nfwd, capback, capfwd;

	/* the status line's message, until the next key */
	char msg[600];
	bool msg_error;

	struct hit hits[16];
	int nhits;
	int cloud_w[LANG_COUNT];	/* the Cloud tab's title, each language's */
	int body_height;
	/* The bars as last drawn (their look, as text), and whether the
	 * screen was erased for this frame. */
	char bars[1200];
	bool bars_wrap;		/* the message takes more than the status line */
	bool erased;
	long long idle_end;	/* monotonic_ms when idle_ms runs out; -1: never */
	bool quit;
};

/* Run the browser over set (taken over), starting at page (-1: the
 * first).  Returns the exit status. */
int app_run(struct bundleset *set, enum lang lang, int page,
            const struct app_opts *opts);

/* The text column where the body starts, and its width. */
int app_margin(void);
int app_text_width(void);

/* Number of tabs: the pages, then the cloud. */
int app_ntabs(const struct app *a);
const char *app_tab_title(const struct app *a, int t);

/* Navigation shared by the modes. */
void app_goto_page(struct app *a, int page, int block, bool record);
/* Open tag t's page, at its block (recorded in the history). */
void app_open_tag(struct app *a, size_t t);
void app_show_view(struct app *a, enum view_id v);
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* s has a pattern to repeat (n, N); if not, says how to give one. */
bool app_search_ready(struct app *a, const struct search *s);

/* "Name  12/80  15%": the first line shown of n, and how far down the
 * bottom of a body of height is; just the name when n is 0. */
void app_position(char *buf, size_t size, const char *name, size_t top, size_t n,
                  int height);

/* How far a moving action goes: lines, LONG_MIN for the top and LONG_MAX
 * for the bottom; false for an action that does not move. */
bool app_motion(const struct app *a, enum action act, long *by);

/* pos moved by `by` (LONG_MIN: to 0, LONG_MAX: to max), kept in 0..max. */
size_t app_move(size_t pos, long by, size_t max);

/* A wheel notch: how far it scrolls (3 lines up or down). */
bool app_wheel(const MEVENT *m, long *by);

/* A click in the body: the line it is on, counting from top (the first
 * line shown). */
bool app_body_click(const struct app *a, const MEVENT *m, size_t top,
                    size_t *line);

/* The key tables in the order the help lists them: the first mode's, the
 * app's for moving about, each other mode's (a table shared by several
 * modes once), the mouse, the rest of the app's.  Into v (n entries at
 * most); returns how many. */
size_t app_help_tables(const struct keytable **v, size_t n);

/* The help's section for mode v: its first table of its own (not the
 * shared moving keys); NULL for the first mode, whose keys lead the help. */
const struct keytable *app_view_table(enum view_id v);

/* How many keys of a binding's row work now (the digits: one per tab). */
int app_keys_usable(const struct app *a, const struct binding *b);

#endif
