/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-output.c: how the program's bytes leave for the terminal.
 *
 * A frame is one write(2): a terminal that draws between two writes
 * would show half a frame (ncurses alone flushes after every cursor
 * movement).  The write calls are the kernel's count, /proc/PID/io's
 * syscw, of the real program in a pseudo-terminal; the harness's start()
 * fixes the ambiguous width, so no probe question is written before the
 * first screen.
 *
 * Environment: as test-e2e (ICLEI_TUI, top_srcdir). */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

/* The write calls the process made so far; -1 if unknown. */
static long
write_calls(struct vt *t)
{
	return proc_write_calls(vt_pid(t));
}

/* keys, then the write calls the frame they cause took. */
static long
writes_for(struct vt *t, const char *keys)
{
	long before = write_calls(t);

	vt_keys(t, keys);
	if (!settled(t) || before < 0)
		return -1;
	return write_calls(t) - before;
}

/* The first screen alone, of a bundle with English only: nothing is
 * checked after it, so nothing follows it. */
static void
test_first_screen_alone(void)
{
	char *dir = bundle_copy();
	struct vt *t;
	long n;

	if (dir == NULL) {
		CHECK(0, "first screen alone: a copy of the bundle");
		return;
	}
	for (int l = KO; l < NLANG; l++) {
		char *path = bundle_file(dir, l);

		unlink(path);
		free(path);
	}
	t = start(24, 80, ARGS("--data-dir", dir), NONE);
	CHECKV(t, wait_at(t, EN, 0, 0) && settled(t), "first screen alone: drawn");
	n = write_calls(t);
	CHECKV(t, n == 1, "first screen alone (English only): curses' set-up and the whole "
	       "screen in one write (%ld)", n);
	vt_keys(t, "q");
	vt_wait_exit(t, T_WAIT, NULL);
	vt_free(t);
	bundle_remove(dir);
}

static void
test_first_screen(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	long n;

	CHECKV(t, wait_at(t, EN, 0, 0) && settled(t), "first screen: drawn");
	n = write_calls(t);
	/* The other languages are checked once the first screen is out:
	 * what they add to the top bar is a frame of its own. */
	CHECKV(t, n == 2, "first screen: curses' set-up and the whole screen in one write, "
	       "then the switcher with every language checked in another (%ld)", n);
	n = writes_for(t, "j");
	CHECKV(t, n == 1, "a line down: one write (%ld)", n);
	n = writes_for(t, " ");
	CHECKV(t, n == 1, "a page down, every row changed: one write (%ld)", n);
	show_tab(t, 1);
	CHECKV(t, settled(t), "the second page: drawn");
	n = writes_for(t, "?");
	CHECKV(t, n == 1, "the help: one write (%ld)", n);
	vt_keys(t, "q");
	vt_wait_exit(t, T_WAIT, NULL);
	vt_free(t);
}

/* The cloud turned by hand, still between keys: each turn is a frame of
 * tags all over the screen, and one write. */
static void
test_cloud_frames(void)
{
	struct vt *t = start(24, 80, ARGS("--no-motion"), NONE);
	long n, most = 0;

	CHECKV(t, wait_at(t, EN, 0, 0), "cloud: started");
	show_tab(t, fx.npages);
	CHECKV(t, settled(t), "cloud: shown");
	for (int i = 0; i < 8; i++) {
		n = writes_for(t, i % 2 ? "\033[C" : "\033[A");
		if (n < 0 || n > most)
			most = n < 0 ? 99 : n;
	}
	CHECKV(t, most == 1, "cloud: each of 8 turns is one write (at most %ld)", most);
	vt_keys(t, "q");
	vt_wait_exit(t, T_WAIT, NULL);
	vt_free(t);
}

int
main(void)
{
	screen_setup();
	test_first_screen_alone();
	test_first_screen();
	test_cloud_frames();
	screen_cleanup();
	return check_done();
}
