/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* keys.h: key bindings as data.
 *
 * Each mode (view) has tables of bindings: an action, the keys that do
 * it, and what it does in words (through gettext).  The same tables
 * dispatch the keys, make the help screen, and let tests/docs.test check
 * that the man page lists every key: nothing about a key is written down
 * twice.  Like tmux's key tables, a mode's tables are looked up first,
 * then the application's. */
#ifndef ICLEI_KEYS_H
#define ICLEI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* A key: a Unicode character, or a curses KEY_* code with KEYC_CURSES
 * set (the two ranges overlap, so the flag tells them apart). */
typedef unsigned int key_code;

#define KEYC_CURSES 0x1000000u
#define KEYC(k) (KEYC_CURSES | (key_code)(k))
#define KEYC_CTRL(c) ((key_code)((c) & 0x1f))
#define KEYC_ESC ((key_code)27)
#define KEYC_DEL ((key_code)127)

enum action {
	ACT_NONE,
	/* moving through a page, the help or the tag list */
	ACT_LINE_UP, ACT_LINE_DOWN, ACT_SCREEN_DOWN, ACT_SCREEN_UP,
	ACT_HALF_DOWN, ACT_HALF_UP, ACT_TOP, ACT_BOTTOM,
	/* everywhere */
	ACT_TAB,		/* the key's position in its row is the tab */
	ACT_TAB_NEXT, ACT_TAB_PREV, ACT_LANG_NEXT, ACT_LANG_PREV,
	ACT_BACK, ACT_FORWARD, ACT_REDRAW, ACT_RELOAD, ACT_HELP, ACT_QUIT,
	ACT_WHERE, ACT_MARK, ACT_MARK_GO,
	ACT_CANCEL,		/* Esc: forget a selection, clear the message */
	/* a page */
	ACT_SEARCH, ACT_MATCH_NEXT, ACT_MATCH_PREV, ACT_LINK_NEXT,
	ACT_LINK_PREV, ACT_FOLLOW,
	/* the help */
	ACT_CLOSE,
	/* the cloud and its list */
	ACT_TURN_UP, ACT_TURN_DOWN, ACT_TURN_LEFT, ACT_TURN_RIGHT,
	ACT_TAG_NEXT, ACT_TAG_PREV, ACT_OPEN, ACT_PAUSE, ACT_FASTER,
	ACT_SLOWER, ACT_LIST,
	/* typing on the status line */
	ACT_PROMPT_DONE, ACT_PROMPT_ERASE, ACT_PROMPT_CLEAR, ACT_PROMPT_LEFT,
	ACT_PROMPT_RIGHT, ACT_PROMPT_HOME, ACT_PROMPT_END, ACT_PROMPT_DELETE,
	ACT_PROMPT_WORD, ACT_PROMPT_KILL, ACT_PROMPT_OLDER, ACT_PROMPT_NEWER,
};

#define BINDING_KEYS 9

struct binding {
	enum action act;
	key_code keys[BINDING_KEYS];	/* 0-ended unless full */
	const char *help;	/* N_(): what it does, for the help screen */
	const char *name;	/* N_(): instead of keys, for a pointer gesture
				   (listed in the help, never dispatched) */
};

/* A section of a mode's bindings, with its heading in the help. */
struct keytable {
	const char *title;	/* N_() */
	const struct binding *v;
	size_t n;
};

#define KEYTABLE(title, v) {(title), (v), sizeof (v) / sizeof *(v)}

/* The moving keys of less and vi, shared by every scrolling mode. */
extern const struct keytable keys_motion;

/* The binding of k in tables (NULL-ended, looked up in order), and the
 * key's position in its row (*index, may be NULL); NULL when unbound. */
const struct binding *keys_lookup(const struct keytable *const *tables,
                                  key_code k, int *index);

/* A key's name as the help and the man page write it: "↑", "PgDn",
 * "Shift-Tab", "Ctrl-L", "Space", "Enter", "q". */
const char *keyc_name(key_code k);

/* The names of b's first `max` keys (or its gesture name), joined with
 * single spaces, each name once, into buf. */
void binding_keys_text(const struct binding *b, int max, char *buf,
                       size_t size);

#endif
