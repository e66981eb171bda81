/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* vt.h: drive a full-screen program in a pseudo-terminal, read its screen
 * back as cells.  The end-to-end test harness (libvterm underneath).
 *
 *   struct vt *t = vt_spawn(24, 80, argv, (char *const[]){"NO_COLOR=1", NULL});
 *   CHECK(vt_wait_text(t, "Korean", 5000), "the menu shows Korean");
 *   vt_key(t, VT_KEY_DOWN);
 *   vt_click(t, row, col);
 *   CHECK(vt_wait_exit(t, 5000, &status) && WIFEXITED(status), "...");
 *   vt_free(t);
 *
 * Rules of use:
 *  - Wait for a state, never for idleness: vt_wait / vt_wait_text / vt_wait_no_text
 *    keep reading until a predicate holds or the deadline passes.  The program
 *    may animate; vt_wait_quiet is only for programs at rest.
 *  - Rows and columns are 0-based CELL coordinates everywhere.  A wide
 *    character takes two cells; the right half is a continuation cell.
 *  - Keys and mouse go through libvterm's encoders, so they come out in the
 *    mode the program asked for (application cursor keys after smkx, SGR
 *    mouse after ?1006h), exactly as a real xterm would send them.
 *  - Terminal replies (cursor position report for ESC[6n, device attributes
 *    for ESC[c) are written back to the program automatically.
 *  - The harness ignores SIGPIPE in the calling process; the child starts with
 *    every signal at its default and an empty signal mask.
 *
 * Not thread-safe; one struct vt per program run.  Everything returned as
 * char * is malloc'd and the caller frees it. */
#ifndef ICLEI_VT_H
#define ICLEI_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct vt;

/* Up to this many code points in one cell: a base and its combining marks
 * (equal to libvterm's VTERM_MAX_CHARS_PER_CELL, checked at compile time). */
#define VT_MAX_CHARS 6

/* ------------------------------------------------------------ lifetime */

/* Start argv[0] (looked up in the child's PATH) in a new pseudo-terminal of
 * rows x cols (set before the program starts).
 * The child's environment is clean: TERM=xterm-256color, LC_ALL=C.UTF-8, PATH
 * and HOME (from the caller, or /usr/local/bin:/usr/bin:/bin and /), then each
 * "NAME=value" of env (NULL-terminated, may be NULL) added or overriding; a
 * bare "NAME" removes NAME.  Nothing else is inherited: LINES and COLUMNS are
 * not exported (unless env names them; ncurses then ignores resizes).  If exec
 * fails, the child prints the reason on the terminal and exits 127.
 * Returns NULL with errno set if no pseudo-terminal or process could be had. */
struct vt *vt_spawn(int rows, int cols, char *const argv[], char *const env[]);

/* From now on, answer OSC 11 (what is the background colour?) with rgb,
 * "rgb:ffff/ffff/ffff" say, as xterm does; NULL: do not answer (libvterm
 * does not). */
void vt_answer_background(const char *rgb);
/* The same, the answer held back until the first key typed after the
 * width probe's two position reports, as late as GNU screen may give it
 * (it passes the question on to its own terminal and answers the position
 * itself). */
void vt_answer_background_late(const char *rgb);

/* Kill the child's process group (SIGKILL) if it has not been reaped, reap
 * it, close the terminal and free everything.  NULL is fine. */
void vt_free(struct vt *t);

/* ------------------------------------------------------------ reading */

/* Wait up to timeout_ms (negative counts as 0) for output, read all that is
 * available (at most 1 MiB per call), feed it to the terminal and send any
 * pending input or replies.  Returns the number of bytes received. */
size_t vt_pump(struct vt *t, int timeout_ms);

/* Pump until pred(t, arg) is true (checked first, then after every read) or
 * timeout_ms passes (CLOCK_MONOTONIC).  Returns the predicate's last value;
 * gives up early once the program's output has ended (nothing can change).
 * pred NULL: just keep reading for timeout_ms (returns false). */
/* CLOCK_MONOTONIC in milliseconds: the clock of every wait here. */
int64_t vt_now_ms(void);

bool vt_wait(struct vt *t, int timeout_ms, bool (*pred)(struct vt *, void *),
	     void *arg);

/* Eventually the screen shows utf8 (within one row), resp. no longer does. */
bool vt_wait_text(struct vt *t, const char *utf8, int timeout_ms);
bool vt_wait_no_text(struct vt *t, const char *utf8, int timeout_ms);

/* True once nothing was received or sent for quiet_ms (or the output has
 * ended); false if timeout_ms passes first.  Only meaningful for a program at
 * rest: an animating program is never quiet.  Input sent with vt_key etc.
 * restarts the quiet period, so "press a key, wait for quiet" works. */
bool vt_wait_quiet(struct vt *t, int quiet_ms, int timeout_ms);

/* ------------------------------------------------------------ the screen */

int vt_rows(struct vt *t);
int vt_cols(struct vt *t);

/* One row as UTF-8: blank cells are spaces, a wide character appears once,
 * combining marks follow their base, trailing blanks are trimmed.  NULL if
 * row is out of range. */
char *vt_row_text(struct vt *t, int row);

/* All rows joined with '\n' (no final newline; empty rows kept, so line i is
 * row i). */
char *vt_screen_text(struct vt *t);

/* Where utf8 first occurs (top to bottom, left to right, within a row): its
 * row and CELL column (a wide character before it counts two).  Returns how
 * many times it occurs on the screen (0: not found, *row and *col untouched).
 * row or col may be NULL. */
int vt_find_text(struct vt *t, const char *utf8, int *row, int *col);

struct vt_cell {
	uint32_t ch[VT_MAX_CHARS]; /* code points, 0-terminated unless full;
				      ch[0] == 0: blank (never written) */
	int width;                 /* 1, 2 (wide), or 0: right half of a wide
				      character (ch[] all 0 then) */
	bool bold, italic, blink, reverse, strike;
	int underline;             /* 0 off, 1 single, 2 double, 3 curly */
	/* No "dim": libvterm 0.1.4 ignores SGR 2.  Check the raw stream. */
	bool fg_default, bg_default;
	int fg_index, bg_index;    /* palette index 0..255, or -1 if the colour
				      is the default or direct RGB */
	uint8_t fg_rgb[3], bg_rgb[3]; /* always filled: the colour as RGB */
};

/* The cell at (row, col); false if out of range. */
bool vt_cell(struct vt *t, int row, int col, struct vt_cell *out);

/* The most bytes vt_cell_utf8 writes. */
#define VT_CELL_UTF8 (VT_MAX_CHARS * 4)

/* A cell's text as UTF-8, as vt_row_text shows it, into out (at least
 * VT_CELL_UTF8 bytes, not NUL-terminated): its code points, or a space
 * where ch[0] == 0 (a blank cell, also the right half of a wide character:
 * skip those for a row's text); U+FFFD for what is not a scalar value.
 * Returns the number of bytes. */
size_t vt_cell_utf8(const struct vt_cell *c, char *out);

/* Whether any cell has a non-default foreground or background colour. */
bool vt_screen_has_color(struct vt *t);

/* The cursor position. */
void vt_cursor(struct vt *t, int *row, int *col);

/* ------------------------------------------------------------ state */

bool vt_altscreen(struct vt *t);      /* alternate screen active */
bool vt_cursor_visible(struct vt *t); /* DECTCEM (?25) */
int vt_mouse_mode(struct vt *t);      /* 0 off, 1 click (?1000), 2 drag
					 (?1002), 3 any motion (?1003) */
const char *vt_title(struct vt *t);   /* last OSC 0/2 title, "" if none */
int vt_bells(struct vt *t);           /* BEL count */
pid_t vt_pid(struct vt *t);

/* Bytes received from the program so far. */
size_t vt_bytes(struct vt *t);

/* Whether the byte sequence ever appeared in the program's raw output (at or
 * after byte offset from, e.g. a vt_bytes() taken earlier).  The first 64 MiB
 * are kept; later output is not searched. */
bool vt_raw_seen(struct vt *t, const char *bytes, size_t n);
bool vt_raw_seen_from(struct vt *t, size_t from, const char *bytes, size_t n);

/* ------------------------------------------------------------ input */

enum vt_key {
	VT_KEY_UP, VT_KEY_DOWN, VT_KEY_LEFT, VT_KEY_RIGHT,
	VT_KEY_HOME, VT_KEY_END, VT_KEY_PGUP, VT_KEY_PGDN,
	VT_KEY_INS, VT_KEY_DEL,
	VT_KEY_ENTER, VT_KEY_TAB, VT_KEY_BTAB, VT_KEY_BACKSPACE, VT_KEY_ESC,
	VT_KEY_F1, VT_KEY_F2, VT_KEY_F3, VT_KEY_F4, VT_KEY_F5, VT_KEY_F6,
	VT_KEY_F7, VT_KEY_F8, VT_KEY_F9, VT_KEY_F10, VT_KEY_F11, VT_KEY_F12
};

enum { VT_MOD_SHIFT = 1, VT_MOD_ALT = 2, VT_MOD_CTRL = 4 };

/* Raw bytes, as they are (vt_keys: a NUL-terminated string). */
void vt_send(struct vt *t, const char *bytes, size_t n);
void vt_keys(struct vt *t, const char *s);

/* A named key, encoded by libvterm for the current modes (ESC O A for Up in
 * application cursor mode, ESC [ A otherwise; Enter is CR, Backspace DEL,
 * BTAB ESC [ Z).  mods: VT_MOD_* bits.  After VT_KEY_ESC, wait for its effect
 * before the next key: ncurses reads ESC and a key within ESCDELAY as Alt+key. */
void vt_key(struct vt *t, enum vt_key key);
void vt_key_mod(struct vt *t, enum vt_key key, int mods);

/* A character typed with modifiers (vt_char(t, 'c', VT_MOD_CTRL) sends 0x03),
 * and text typed one character at a time (bytes that are not valid UTF-8
 * are sent raw). */
void vt_char(struct vt *t, uint32_t c, int mods);
void vt_type(struct vt *t, const char *utf8);

/* Text as a paste: wrapped in ESC[200~ ... ESC[201~ if the program enabled
 * bracketed paste (?2004), plain otherwise. */
void vt_paste(struct vt *t, const char *utf8);

/* Mouse, at a 0-based cell.  button: 1 left, 2 middle, 3 right, 4 wheel up,
 * 5 wheel down.  Reports are encoded in the protocol the program enabled
 * (X10, UTF-8 ?1005, SGR ?1006, urxvt ?1015) and only while it has a mouse
 * mode on; each returns whether anything was sent.  The pointer moves to the
 * cell first, and like a real mouse that move is itself reported in
 * any-motion mode (?1003), or in drag mode (?1002) with a button held: in
 * ?1003 a click at a new cell is motion, press, release.  Wheel: press only. */
bool vt_mouse_move(struct vt *t, int row, int col);
bool vt_mouse(struct vt *t, int row, int col, int button, bool press);
bool vt_click(struct vt *t, int row, int col);          /* left press+release */
bool vt_wheel(struct vt *t, int row, int col, int notches); /* <0 up, >0 down */

/* Resize the terminal: the kernel sends SIGWINCH to the program's
 * foreground process group; the screen model is resized at once. */
void vt_resize(struct vt *t, int rows, int cols);

/* ------------------------------------------------------------ process */

/* Send a signal to the program (its pid, not its group). */
void vt_signal(struct vt *t, int sig);

/* Wait up to timeout_ms for the program to exit, reading its output all the
 * while (so the final restore sequences reach the screen model), then read
 * what is left.  On success *status (may be NULL) gets the waitpid status.
 * Once reaped, later calls return true at once with the same status. */
bool vt_wait_exit(struct vt *t, int timeout_ms, int *status);

/* ------------------------------------------------------------ diagnostics */

/* The screen, framed, one line per row, each line starting with prefix
 * (use "# " to make TAP comments): size, cursor, modes, bytes received. */
void vt_snapshot(struct vt *t, FILE *f, const char *prefix);

/* Runs of styled cells (any attribute or non-default colour), one per line:
 * "r2 c4-13 bold reverse fg=1 bg=#010203 |hello 가나|". */
void vt_dump_attrs(struct vt *t, FILE *f, const char *prefix);

#endif
