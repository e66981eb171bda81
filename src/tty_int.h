/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* tty_int.h: what the terminal's two files share (tty.c, tty_probe.c);
 * the rest of the program sees tty.h only. */
#ifndef ICLEI_TTY_INT_H
#define ICLEI_TTY_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "tty.h"

/* Is standard input and output a terminal curses can drive?  Quietly
 * (the probe), or saying what is wrong.  Asked once. */
bool tty_check_terminal(bool quiet);

/* Give curses the keys typed while the probe waited (after newterm). */
void tty_probe_replay(void);

/* Does the probe still wait for an answer?  And is s (n bytes) such a
 * cursor report, come late?  Then *len is its length, and it is no
 * longer expected. */
bool tty_probe_expecting(void);
bool tty_probe_late(const char *s, size_t n, size_t *len);

/* tty_write.c: hold what is written to fd (the terminal) until
 * tty_release_output sends it in one write; how many bytes that was.
 * Drop what is held (a fatal signal's handler, which writes itself).
 * Whether a frame could not be sent whole, ever. */
void tty_hold_output(int fd);
void tty_drop_output(void);
size_t tty_release_output(void);
bool tty_output_failed(void);

#endif
