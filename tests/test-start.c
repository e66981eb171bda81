/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-start.c: show first, check the rest after (issue 15).
 *
 * The browser loads and checks the language it shows, paints, and only
 * then reads and checks the other languages, while it waits for the
 * first key.  So a broken file of another language no longer stops the
 * program: the status line names the file, line and column the moment
 * the problem is found, that language is left out of the switcher, and
 * L and H say why when they pass it by.  Nothing shown comes from a file
 * not checked: the language shown is checked before the first screen,
 * and --check and --dump still check every language first.
 *
 * The real program in a pseudo-terminal (vt.h, screen.h) on a copy of
 * the tests' bundle (tests/fixture) with one character made illegal.
 * Every wait is for an eventual state, with a deadline; nothing here
 * asserts a time.
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
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

/* Where the broken character goes: the first page's title, after the
 * key (the top level's own title has no indent). */
#define ANCHOR "\n    title: "
#define RLO "\u202e"	/* RIGHT-TO-LEFT OVERRIDE: refused by the loader */

/* The RLO before the first page's title; arg: where it is, "LINE:COLUMN". */
static char *
break_title(const char *text, const void *arg)
{
	const char *at = strstr(text, ANCHOR);
	char *pos = (char *)arg;
	int line = 1;

	if (at == NULL)
		return NULL;
	for (const char *p = text; p <= at; p++)
		line += *p == '\n';
	/* The column counts characters: the indent and "title: " are ASCII. */
	snprintf(pos, 32, "%d:%d", line, (int)strlen(ANCHOR));
	return text_replace(text, ANCHOR, ANCHOR RLO);
}

/* A copy of the bundle whose ja.yaml is refused; *where gets the
 * position of the problem as messages give it: "ja.yaml:LINE:COLUMN". */
static char *
broken_ja(char *where, size_t size)
{
	char *dir = bundle_copy();
	char pos[32] = "";

	if (dir != NULL && !bundle_edit(dir, JA, break_title, pos)) {
		bundle_remove(dir);
		dir = NULL;
	}
	snprintf(where, size, "ja.yaml:%s:", pos);
	return dir;
}

/* Eventually page p of lang is on the screen: its title under the top
 * bar.  (Not wait_at: the status line holds the message.) */
static bool
shows(struct vt *t, int lang, int p)
{
	return wait_row(t, 1, fx.page[p].title[lang], STARTS);
}

static void
check_quits(struct vt *t, const char *what)
{
	int st = -1;

	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	       "%s: q exits with status 0", what);
}

/* The switcher on the top bar: every language but Japanese, once all are
 * checked. */
static bool
pred_switcher_without_ja(struct vt *t, void *arg)
{
	char *top = vt_row_text(t, 0);
	bool ok = top != NULL && strstr(top, fx.label[EN]) != NULL
	          && strstr(top, fx.label[KO]) != NULL && strstr(top, fx.label[ZH]) != NULL
	          && strstr(top, fx.label[JA]) == NULL;

	(void)arg;
	free(top);
	return ok;
}

/* The program on a copy of the bundle whose ja.yaml is broken
 * (broken_ja: *dir, and where in *where), with --lang lang unless NULL;
 * NULL, after a failed CHECK for `what`, if the copy cannot be made. */
static struct vt *
start_broken(const char *what, const char *lang, char **dir, char *where,
             size_t size)
{
	if ((*dir = broken_ja(where, size)) == NULL) {
		CHECK(0, "%s: a copy of the bundle", what);
		return NULL;
	}
	if (lang != NULL)
		return start(24, 80, ARGS("--lang", lang, "--data-dir", *dir), NONE);
	return start(24, 80, ARGS("--data-dir", *dir), NONE);
}

/* English starts although ja.yaml is broken; the status line names the
 * file, line and column; L passes Japanese by and says why; so does H. */
static void
test_broken_other_language(void)
{
	char where[64], *dir;
	struct vt *t = start_broken("broken ja.yaml", NULL, &dir, where, sizeof where);

	if (t == NULL)
		return;
	CHECKV(t, shows(t, EN, 0), "broken ja.yaml: English starts, its first page shown");
	CHECKV(t, vt_wait_text(t, where, T_WAIT),
	       "broken ja.yaml: the status line names %s", where);
	CHECKV(t, vt_wait(t, T_WAIT, pred_switcher_without_ja, NULL),
	       "broken ja.yaml: the switcher has %s, %s and %s, not %s", fx.label[EN],
	       fx.label[KO], fx.label[ZH], fx.label[JA]);
	CHECKV(t, settled(t), "broken ja.yaml: at rest");
	vt_keys(t, "L");
	CHECKV(t, shows(t, KO, 0) && settled(t) && vt_find_text(t, where, NULL, NULL) == 0,
	       "broken ja.yaml: L: Korean, at the same place, the message gone");
	vt_keys(t, "L");
	CHECKV(t, shows(t, ZH, 0), "broken ja.yaml: L again: not Japanese but Chinese");
	CHECKV(t, vt_wait_text(t, where, T_WAIT),
	       "broken ja.yaml: ... and the status line says why Japanese is refused (%s)",
	       where);
	CHECKV(t, vt_find_text(t, fx.page[0].title[JA], NULL, NULL) == 0,
	       "broken ja.yaml: nothing of ja.yaml on the screen");
	vt_keys(t, "H");
	CHECKV(t, shows(t, KO, 0) && vt_wait_text(t, where, T_WAIT),
	       "broken ja.yaml: H: back past Japanese to Korean, and why it is passed by");
	check_quits(t, "broken ja.yaml");
	vt_free(t);
	bundle_remove(dir);
}

/* Keys typed before the other languages are checked: L L at once still
 * goes by Korean to Chinese, and says why not Japanese. */
static void
test_keys_at_once(void)
{
	char where[64], *dir;
	struct vt *t = start_broken("keys at once", NULL, &dir, where, sizeof where);

	if (t == NULL)
		return;
	vt_keys(t, "LL");
	CHECKV(t, shows(t, ZH, 0) && vt_wait_text(t, where, T_WAIT),
	       "keys at once: L L typed at the start: Chinese, and Japanese refused with %s",
	       where);
	check_quits(t, "keys at once");
	vt_free(t);
	bundle_remove(dir);
}

/* The language shown is checked before anything is: --lang ja with that
 * ja.yaml never starts, and says where it is broken. */
static void
test_broken_shown_language(void)
{
	char where[64], *dir;
	struct vt *t = start_broken("broken shown language", "ja", &dir, where,
	                            sizeof where);
	int st = -1;

	if (t == NULL)
		return;
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 1,
	       "broken shown language: --lang ja exits with status 1");
	CHECKV(t, vt_find_text(t, where, NULL, NULL) > 0,
	       "broken shown language: and names %s", where);
	vt_free(t);
	bundle_remove(dir);
}

/* --dump and --check read every language first: the broken ja.yaml
 * refuses an English --dump too, with its position, and nothing printed. */
static void
test_dump_checks_all(void)
{
	char where[64];
	char *dir = broken_ja(where, sizeof where);
	const char *modes[] = {"--dump", "--check"};

	if (dir == NULL) {
		CHECK(0, "--dump: a copy of the bundle");
		return;
	}
	for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
		char *argv[] = {(char *)tui, (char *)modes[i], "--data-dir", dir, "--lang",
		                "en", NULL};
		struct output o;
		bool ran;

		if (strcmp(modes[i], "--check") == 0)
			argv[4] = NULL;	/* --check takes no --lang */
		ran = run_capture(argv, plain_env(), &o);
		CHECK(ran && WIFEXITED(o.status) && WEXITSTATUS(o.status) == 1
		      && o.nout == 0 && o.err != NULL && strstr(o.err, where) != NULL,
		      "%s of English with a broken ja.yaml: status 1, nothing on stdout, "
		      "%s on stderr", modes[i], where);
		if (ran)
			output_free(&o);
	}
	bundle_remove(dir);
}

/* --check and --dump read the files two at a time: with ko.yaml and
 * zh.yaml both broken, what is said is still what reading them in order
 * finds first -- ko.yaml's problem, alone -- every time. */
static void
test_first_error_in_order(void)
{
	char *dir = bundle_copy();
	char pos[2][32] = {"", ""};
	int bad = 0;

	if (dir == NULL || !bundle_edit(dir, KO, break_title, pos[0])
	    || !bundle_edit(dir, ZH, break_title, pos[1])) {
		CHECK(0, "two broken files: a copy of the bundle");
		if (dir != NULL)
			bundle_remove(dir);
		return;
	}
	for (int i = 0; i < 20; i++) {
		char *argv[] = {(char *)tui, i % 2 ? "--dump" : "--check", "--data-dir", dir,
		                NULL};
		struct output o;

		if (!run_capture(argv, plain_env(), &o)) {
			bad++;
			continue;
		}
		if (!WIFEXITED(o.status) || WEXITSTATUS(o.status) != 1 || o.nout != 0
		    || o.err == NULL || strstr(o.err, "/ko.yaml:") == NULL
		    || strstr(o.err, "zh.yaml") != NULL || strchr(o.err, '\n') != o.err + o.nerr - 1) {
			if (bad++ == 0)
				check_note("run %d said: %s", i, o.err != NULL ? o.err : "");
		}
		output_free(&o);
	}
	CHECK(bad == 0, "ko.yaml and zh.yaml broken: --check and --dump say ko.yaml's "
	      "problem alone, in 20 runs (%d did not)", bad);
	bundle_remove(dir);
}

int
main(void)
{
	screen_setup();
	test_broken_other_language();
	test_keys_at_once();
	test_broken_shown_language();
	test_dump_checks_all();
	test_first_error_in_order();
	screen_cleanup();
	return check_done();
}
