/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* tty.h: the one module that owns the terminal.
 *
 * Setting it up (checks, the ambiguous-width probe, curses, colours,
 * mouse), input (keys, mouse, resize, signals, timers) and every way out
 * (quit, signals, fatal errors, exit, suspend), which all leave the
 * terminal as it was found.  Views draw into stdscr; only this module
 * sends anything to the terminal. */
#ifndef ICLEI_TTY_H
#define ICLEI_TTY_H

#include <stdbool.h>

#include "curses-compat.h"
#include "keys.h"
#include "text.h"

enum color_mode {
	COLOR_AUTO,		/* when the terminal has colours and NO_COLOR is unset */
	COLOR_NEVER,
	COLOR_ALWAYS,
};

struct tty_opts {
	enum color_mode color;
	bool mouse;
	enum ambiguous ambiguous;	/* AMBIGUOUS_AUTO: ask the terminal */
	bool no_suspend;	/* --kiosk: Ctrl-Z (SIGTSTP) never stops us */
};

/* What the terminal turned out to be. */
struct tty_info {
	int colors;		/* 0 (monochrome), 8, or 256 */
	enum ambiguous ambig;	/* narrow or wide, never AUTO */
	bool light;		/* the terminal said its background is light */
};

enum event_type {
	EV_TIMEOUT,		/* the timeout passed: a frame is due */
	EV_KEY,			/* key */
	EV_MOUSE,
	EV_RESIZE,		/* LINES and COLS are new */
	EV_QUIT,		/* SIGINT, SIGTERM or SIGHUP: leave */
	EV_REDRAW,		/* back from suspension: repaint everything */
	EV_NO_SUSPEND,		/* Ctrl-Z, with no_suspend: nothing happened */
};

struct event {
	enum event_type type;
	key_code key;		/* EV_KEY */
	MEVENT mouse;		/* EV_MOUSE */
	int signal;		/* EV_QUIT */
};

/* Ask the terminal how wide it draws an East Asian Ambiguous character,
 * early, so that it answers while the program loads its content.  Does
 * nothing unless standard input and output are a usable terminal.  Until
 * tty_probe_wait, print nothing: the terminal is in a mode of ours, and
 * the quit and stop signals wait. */
void tty_probe_start(void);

/* Read the answer (narrow when none came within 300 ms of the question)
 * and give the terminal back as it was.  Safe to call without a
 * question, and twice; runs at exit() too. */
enum ambiguous tty_probe_wait(void);

/* Whether the terminal said its background is light (asked with the
 * width; false when it did not say, or was not asked). */
bool tty_light_background(void);

/* Check that standard input and output are a terminal that can address
 * the cursor, then take it over.  On failure, print why and return false
 * (the caller exits with status 2); the terminal is untouched. */
bool tty_open(const struct tty_opts *opts, struct tty_info *info);

/* Give the terminal back as it was found.  Safe to call twice; runs at
 * exit() too. */
void tty_close(void);

/* After tty_close for a quit signal: die of it, so the parent sees how
 * the program ended. */
void tty_reraise(int sig);

/* Wait for the next event, at most timeout_ms (-1: for ever -- no wake-ups
 * at all while nothing happens). */
void tty_next(struct event *ev, int timeout_ms);

/* Send the screen to the terminal: one doupdate per frame. */
void tty_flush(void);

/* Repaint the whole terminal on the next flush (Ctrl-L). */
void tty_repaint(void);

/* Whether Ctrl-C is the terminal's interrupt (on, as found) or a key
 * (off: the search prompt takes it to cancel). */
void tty_interrupt_key(bool on);

/* Report pointer motion too (the cloud wants it), or only buttons. */
void tty_mouse_motion(bool on);

/* Bytes written to the terminal so far (benchmarks, tests). */
unsigned long long tty_bytes_written(void);

#endif
