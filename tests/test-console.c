/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-console.c: the program on the Linux console (TERM=linux), in the
 * pty harness.
 *
 * The console draws no double-width cell, so a language written in them
 * (here Korean) is not started in from the environment: English, and the
 * status line says why and how to insist.  --lang insists.  Its eight
 * colours keep black text plain (bold black is dark grey there).
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

#include "check.h"
#include "screen.h"
#include "vt.h"

static bool
pred_text(struct vt *t, void *arg)
{
	int r, c;

	return vt_find_text(t, arg, &r, &c) > 0;
}

static void
test_korean_locale(void)
{
	struct vt *t = start(24, 80, NONE, ARGS("TERM=linux", "LC_ALL", "LANG=ko_KR.UTF-8"));

	/* (The message takes the body's last row: the title says enough.) */
	CHECKV(t, wait_row(t, 1, fx.page[0].title[EN], IS) && wait_row(t, 0, "EN | KR", HAS),
	       "console: LANG=ko_KR.UTF-8 on TERM=linux: English");
	CHECKV(t, vt_wait(t, T_WAIT, pred_text, (void *)"Linux console cannot draw Korean"),
	       "console: the status line says the console cannot draw Korean");
	CHECKV(t, vt_wait(t, T_WAIT, pred_text, (void *)"--lang ko"),
	       "console: ... and that --lang ko shows it all the same");
	vt_free(t);
	t = start(24, 80, ARGS("--lang", "ko"), ARGS("TERM=linux"));
	CHECKV(t, wait_at(t, KO, 0, 0), "console: --lang ko insists: Korean");
	vt_free(t);
	t = start(24, 80, NONE, ARGS("TERM=xterm-256color", "LC_ALL", "LANG=ko_KR.UTF-8"));
	CHECKV(t, wait_at(t, KO, 0, 0), "console: the same locale elsewhere: Korean");
	vt_free(t);
}

/* Black text on the console's colours is never bold: the current tab
 * and the current language. */
static void
test_colours(void)
{
	struct vt *t = start(24, 80, NONE, ARGS("TERM=linux"));
	int bold_black = 0;

	CHECKV(t, wait_at(t, EN, 0, 0) && vt_screen_has_color(t), "console: in colour");
	for (int c = 0; c < vt_cols(t); c++) {
		struct vt_cell cell;

		if (vt_cell(t, 0, c, &cell) && !cell.fg_default && cell.fg_index == 0
		    && cell.bold)
			bold_black++;
	}
	CHECKV(t, bold_black == 0, "console: no bold black on the top line (%d cells)",
	       bold_black);
	vt_free(t);
}

int
main(void)
{
	screen_setup_needing(1, 1);
	test_korean_locale();
	test_colours();
	screen_cleanup();
	return check_done();
}
