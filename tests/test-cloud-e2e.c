/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-cloud-e2e.c: the tag cloud of the real program in a pseudo-terminal
 * (screen.h), for the rules of issue 14:
 *
 *   - the hover lasts exactly while the pointer is over the tag: it ends
 *     when the pointer moves off it, when the cloud turns the tag away
 *     from a pointer held still, on a key, and on a tab change;
 *   - a click on a tag in the front half opens its page at once: no
 *     cloud frame between the click and the page but one that may have
 *     been under way (the kernel's count of write calls, one a frame);
 *     the page shows the block the tag led to marked, until the next key;
 *     one at the back opens within 250 ms: 11 frames at most;
 *   - the list and the cloud share one choice, both ways;
 *   - keys say what they did on the status line, and an arrow while
 *     paused turns the cloud once and leaves it paused.
 *
 * No timed assertion: each check waits for a state, with a deadline.
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
#include <unistr.h>
#include <uniwidth.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

/* ------------------------------------------------------------ helpers */

static int
cols_of(const char *s)
{
	return u8_strwidth((const uint8_t *)s, "UTF-8");
}

static struct vt *
start_cloud(const char *const args[], const char *const env[])
{
	struct vt *t = start(24, 80, args, env);

	show_tab(t, fx.npages);
	return t;
}

/* Where a distinct English label is in the body, whole (one look) and
 * on its own (blank on both sides), not highlighted nor underlined. */
struct at {
	int tag, row, col, width;
};

static bool
label_at(struct vt *t, int i, struct at *a)
{
	const char *label = fx.tag[i].label[EN];
	int r = -1, c = -1, w = cols_of(label);
	struct vt_cell first, cell;

	if (!fx.tag[i].distinct || vt_find_text(t, label, &r, &c) != 1 || r < 1
	    || r >= vt_rows(t) - 1 || !vt_cell(t, r, c, &first) || highlighted(&first)
	    || first.underline)
		return false;
	if (c > 0 && vt_cell(t, r, c - 1, &cell) && cell.ch[0] != 0 && cell.ch[0] != ' ')
		return false;
	if (vt_cell(t, r, c + w, &cell) && cell.ch[0] != 0 && cell.ch[0] != ' ')
		return false;
	for (int k = 1; k < w; k++)
		if (!vt_cell(t, r, c + k, &cell) || (cell.width != 0 && !same_look(&first, &cell)))
			return false;
	*a = (struct at){i, r, c, w};
	return true;
}

/* Any label to point at, on the screen now. */
static bool
some_label(struct vt *t, struct at *a)
{
	for (int i = 0; i < fx.ntags; i++)
		if (label_at(t, i, a))
			return true;
	return false;
}

/* Cells of the body drawn underlined: the hover's look (the focus and
 * the search's marks have a background instead). */
static int
underlined(struct vt *t)
{
	int n = 0;

	for (int r = 1; r < vt_rows(t) - 1; r++)
		for (int c = 0; c < vt_cols(t); c++) {
			struct vt_cell cell;

			if (vt_cell(t, r, c, &cell) && cell.width != 0 && cell.ch[0] != 0
			    && cell.ch[0] != ' ' && cell.underline)
				n++;
		}
	return n;
}

static bool
pred_hover(struct vt *t, void *arg)
{
	(void)arg;
	return underlined(t) > 0;
}

static bool
pred_no_hover(struct vt *t, void *arg)
{
	(void)arg;
	return underlined(t) == 0;
}

/* The label at a is hovered: underlined, all of it. */
static bool
pred_hovers(struct vt *t, void *arg)
{
	const struct at *a = arg;
	struct vt_cell cell;

	for (int k = 0; k < a->width; k++)
		if (!vt_cell(t, a->row, a->col + k, &cell) || (cell.width != 0 && !cell.underline))
			return false;
	return true;
}

/* The chosen tag on the cloud, not the list (whose rows say "label  → Page"). */
static bool
pred_cloud_chosen(struct vt *t, void *arg)
{
	return pred_focus_is(t, arg) && vt_find_text(t, "  → ", NULL, NULL) == 0
	    && row_matches(t, -1, "Cloud", STARTS);
}

/* A label paused whole on the screen, moving on a little between tries:
 * the pointer is then moved onto its middle, and the cloud goes on.
 * Returns whether the label was found and is hovered. */
static bool
hover_a_label(struct vt *t, struct at *a)
{
	for (int tries = 0; tries < 10; tries++) {
		if (tries > 0) {
			vt_keys(t, " ");
			vt_wait(t, 300, NULL, NULL);
		}
		if (!pause_cloud(t))
			return false;
		if (some_label(t, a))
			break;
		a->tag = -1;
	}
	if (a->tag < 0)
		return false;
	vt_mouse_move(t, a->row, a->col + a->width / 2);
	return vt_wait(t, T_WAIT, pred_hovers, a);
}

/* ------------------------------------------------------------ the hover */

static void
test_hover(void)
{
	struct vt *t = start_cloud(NONE, NONE);
	struct at a = {-1, 0, 0, 0};
	bool ok;

	CHECKV(t, wait_status(t, "Cloud"), "hover: the cloud");
	ok = hover_a_label(t, &a);
	CHECKV(t, ok, "hover: paused, the pointer on '%s' underlines it",
	       a.tag >= 0 ? fx.tag[a.tag].label[EN] : "(none)");
	if (!ok) {
		vt_free(t);
		return;
	}
	/* Off the label, onto a blank far from every label: the corner. */
	vt_mouse_move(t, vt_rows(t) - 2, 0);
	CHECKV(t, vt_wait(t, T_WAIT, pred_no_hover, NULL),
	       "hover: the pointer off the label (to the body's corner): nothing underlined");
	vt_mouse_move(t, a.row, a.col + a.width / 2);
	CHECKV(t, vt_wait(t, T_WAIT, pred_hovers, &a), "hover: back on it: underlined again");
	/* Held still while the cloud turns: the tag drifts away, and the
	 * hover with it.  (Space is a key, which ends the hover: the pointer
	 * goes onto a label of the moving cloud afterwards.) */
	vt_keys(t, " ");
	ok = false;
	for (int tries = 0; tries < 20 && !ok; tries++) {
		vt_wait(t, 200, NULL, NULL);
		if (some_label(t, &a)) {
			vt_mouse_move(t, a.row, a.col + a.width / 2);
			ok = vt_wait(t, 1000, pred_hover, NULL);
		}
	}
	CHECKV(t, ok, "hover: moving on, the pointer onto a label: it is underlined");
	CHECKV(t, vt_wait(t, 12000, pred_no_hover, NULL),
	       "hover: the pointer held still, the tag turns away from it and is no longer "
	       "underlined (it stuck for over a minute)");
	vt_free(t);

	/* A key ends it; so does a tab change. */
	t = start_cloud(NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "hover and keys: the cloud");
	a.tag = -1;
	ok = hover_a_label(t, &a);
	CHECKV(t, ok, "hover and keys: '%s' hovered", a.tag >= 0 ? fx.tag[a.tag].label[EN] : "-");
	if (ok) {
		vt_keys(t, "=");
		CHECKV(t, vt_wait(t, T_WAIT, pred_no_hover, NULL),
		       "hover: a key (=) ends it, the pointer not moved");
		vt_mouse_move(t, a.row, a.col + a.width / 2 + 1);
		CHECKV(t, vt_wait(t, T_WAIT, pred_hovers, &a), "hover: the pointer moved: again");
		show_tab(t, 0);
		CHECKV(t, wait_status(t, fx.page[0].title[EN]), "hover: a tab change");
		show_tab(t, fx.npages);
		CHECKV(t, wait_status(t, "Cloud") && vt_wait_quiet(t, 200, T_WAIT)
		       && underlined(t) == 0,
		       "hover: back on the Cloud, nothing is underlined");
	}
	vt_free(t);
}

/* ------------------------------------------------------------ a click */

/* Some page's title on the status line: a page is open. */
static bool
pred_on_page(struct vt *t, void *arg)
{
	(void)arg;
	for (int p = 0; p < fx.npages; p++)
		if (row_matches(t, -1, fx.page[p].title[EN], STARTS))
			return true;
	return false;
}

/* The first line of block b of page p, as the screen of t shows it (the
 * body's row, found from the status line's position), is marked. */
static bool
block_marked(struct vt *t, int p, int b, bool verbose)
{
	const struct dump *d = page_dump(EN, p, vt_cols(t));
	long line = d != NULL ? dump_block_line(d, b) : -1, top1, total;
	struct lit run[16];
	int n = lit_runs(t, run, 16), row;

	if (line < 0 || !status_pos(t, &top1, &total))
		return false;
	row = 1 + (int)(line - (top1 - 1));
	for (int k = 0; k < n; k++)
		if (run[k].row == row && strstr(d->line[line], run[k].text) != NULL)
			return true;
	if (verbose)
		check_note("no mark on row %d (line %ld: '%s'); %d runs", row, line, d->line[line],
		           n);
	return false;
}

static bool
pred_block_marked(struct vt *t, void *arg)
{
	const int *pb = arg;

	return block_marked(t, pb[0], pb[1], false);
}

/* Nothing drawn highlighted: no mark, no chosen label. */
static bool
pred_nothing_lit(struct vt *t, void *arg)
{
	struct lit run[8];

	(void)arg;
	return lit_runs(t, run, 8) == 0;
}

static void
test_click(void)
{
	const struct fx_tag *first = tag_ranked(0);
	struct vt *t = start_cloud(NONE, NONE);
	struct lit run[8];
	long w0, w1;
	int n, pb[2] = {first->page, first->block};
	bool ok;
	char buf[64];

	CHECKV(t, wait_status(t, "Cloud"), "click: the cloud");
	/* ] turns the heaviest tag to the front; the drift then takes it on,
	 * and it stays in the front half a good while. */
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)first->label[EN]),
	       "click: ] chooses %s", first->label[EN]);
	vt_wait(t, 2500, NULL, NULL);	/* turned to the front, and a little past it */
	n = lit_runs(t, run, 8);
	ok = n == 1 && vt_mouse_mode(t) == 3;
	CHECKV(t, ok, "click: %s is on the screen, highlighted", first->label[EN]);
	if (!ok) {
		vt_free(t);
		return;
	}
	/* Press and release in one write, on the label's second cell. */
	snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", run[0].col + 2, run[0].row + 1,
	         run[0].col + 2, run[0].row + 1);
	w0 = proc_write_calls(vt_pid(t));
	vt_send(t, buf, strlen(buf));
	ok = wait_status(t, fx.page[first->page].title[EN]);
	w1 = proc_write_calls(vt_pid(t));
	CHECKV(t, ok && w0 >= 0 && w1 - w0 <= 2,
	       "click: on %s in the front half, its page opens at once: %ld frames from the "
	       "click to the page, the page's own included (at most 2: one may have been under "
	       "way)", first->label[EN], w1 - w0);
	CHECKV(t, vt_wait(t, T_WAIT, pred_block_marked, pb) || block_marked(t, pb[0], pb[1], true),
	       "click: the page shows the block %s led to marked", first->label[EN]);
	/* Ctrl-L: a key that changes nothing else (= would say where we are,
	 * over two rows when the bundle's path is long, as in distcheck).
	 * Waited for, not for quiet: a loaded machine may answer the key
	 * after a pause longer than any quiet spell we could pick. */
	vt_keys(t, "\f");
	CHECKV(t, vt_wait(t, T_WAIT, pred_nothing_lit, NULL)
	       && wait_row(t, -1, fx.page[first->page].title[EN], HAS),
	       "click: the next key (Ctrl-L) takes the mark away");
	vt_free(t);
}

/* A label drawn in the farthest shade of its weight (theme.c's 256-colour
 * table: 239 grey, 22 green, 94 amber): at the back of the sphere. */
static bool
back_label(struct vt *t, struct at *a)
{
	for (int i = 0; i < fx.ntags; i++) {
		struct vt_cell cell;

		if (label_at(t, i, a) && vt_cell(t, a->row, a->col, &cell)
		    && (cell.fg_index == 239 || cell.fg_index == 22 || cell.fg_index == 94))
			return true;
	}
	return false;
}

/* A click on a tag at the back: it is turned toward the front first, and
 * its page opens within OPEN_MS (250 ms; view_cloud.c) -- at 30 frames a
 * second, no more than 9 frames of turning before the page's own. */
static void
test_click_back(void)
{
	struct vt *t = start_cloud(NONE, NONE);
	struct at a = {-1, 0, 0, 0};
	bool found = false;
	long w0, w1;
	char buf[64];

	CHECKV(t, wait_status(t, "Cloud"), "click back: the cloud");
	for (int tries = 0; tries < 100 && !found; tries++) {
		vt_wait(t, 50, NULL, NULL);
		found = back_label(t, &a);
	}
	CHECKV(t, found, "click back: a label in the farthest shade (%s)",
	       found ? fx.tag[a.tag].label[EN] : "none");
	if (!found) {
		vt_free(t);
		return;
	}
	snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", a.col + 2, a.row + 1, a.col + 2,
	         a.row + 1);
	w0 = proc_write_calls(vt_pid(t));
	vt_send(t, buf, strlen(buf));
	found = vt_wait(t, T_WAIT, pred_on_page, NULL);
	w1 = proc_write_calls(vt_pid(t));
	CHECKV(t, found && w0 >= 0 && w1 - w0 <= 11,
	       "click back: on '%s' at the back, a page opens after %ld frames, the page's own "
	       "included (at most 11: 9 of turning in 250 ms at 30 a second, one under way); "
	       "it took over 20 when the tag had to reach the front", fx.tag[a.tag].label[EN],
	       w1 - w0);
	vt_free(t);
}

/* ------------------------------------------------------------ one choice */

/* "label  → Page", a row of the list. */
static const char *
list_row(int k)
{
	static char buf[256];
	const struct fx_tag *tag = tag_ranked(k);

	snprintf(buf, sizeof buf, "%s  → %s", tag->label[EN], fx.page[tag->page].title[EN]);
	return buf;
}

static void
test_shared(void)
{
	struct vt *t = start_cloud(NONE, NONE);
	char status[64];

	CHECKV(t, wait_status(t, "Cloud"), "shared: the cloud");
	vt_keys(t, "]]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_chosen, (void *)tag_ranked(1)->label[EN]),
	       "shared: ]] chooses %s on the cloud", tag_ranked(1)->label[EN]);
	vt_keys(t, "l");
	snprintf(status, sizeof status, "Cloud  2/%d", fx.ntags);
	CHECKV(t, wait_row(t, 1, list_row(0), STARTS)
	       && vt_wait(t, T_WAIT, pred_focus_is, (void *)tag_ranked(1)->label[EN])
	       && wait_status(t, status),
	       "shared: l: the list has %s chosen too (%s)", tag_ranked(1)->label[EN], status);
	vt_keys(t, "j");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)tag_ranked(2)->label[EN]),
	       "shared: j in the list chooses %s", tag_ranked(2)->label[EN]);
	vt_keys(t, "l");
	snprintf(status, sizeof status, "Cloud  3/%d", fx.ntags);
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_chosen, (void *)tag_ranked(2)->label[EN])
	       && wait_status(t, status),
	       "shared: l back: the cloud has %s chosen (%s)", tag_ranked(2)->label[EN], status);
	vt_free(t);

	/* The list first: its row is the cloud's choice. */
	t = start_cloud(NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "shared: a fresh cloud, nothing chosen");
	vt_keys(t, "l");
	CHECKV(t, wait_row(t, 1, list_row(0), STARTS)
	       && vt_wait(t, T_WAIT, pred_focus_is, (void *)tag_ranked(0)->label[EN]),
	       "shared: l: the list, its first row chosen");
	vt_keys(t, "l");
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_chosen, (void *)tag_ranked(0)->label[EN]),
	       "shared: l back: the cloud has the list's choice, %s", tag_ranked(0)->label[EN]);
	vt_free(t);
}

/* ------------------------------------------------------------ keys */

static void
test_keys(void)
{
	struct vt *t = start_cloud(NONE, NONE);
	char *before, *after;
	size_t bytes;

	CHECKV(t, wait_status(t, "Cloud"), "keys: the cloud");
	vt_keys(t, "+");
	CHECKV(t, wait_status(t, "Speed \u00d71.5"), "keys: + says 'Speed \u00d71.5'");
	vt_keys(t, "-");
	CHECKV(t, wait_status(t, "Speed \u00d71"), "keys: - says 'Speed \u00d71'");
	CHECKV(t, pause_cloud(t), "keys: Space says 'Paused'");
	vt_keys(t, "+");
	CHECKV(t, wait_status(t, "Speed \u00d71.5 once it goes on") && vt_wait_quiet(t, 300, T_WAIT),
	       "keys: paused, + says the speed it will go on at, and nothing moves");
	before = body_snapshot(t);
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_status(t, "Paused") && vt_wait_quiet(t, 300, T_WAIT),
	       "keys: paused, Right: the status line still says 'Paused', then quiet");
	after = body_snapshot(t);
	bytes = vt_bytes(t);
	vt_wait(t, 500, NULL, NULL);
	CHECKV(t, strcmp(before, after) != 0 && vt_bytes(t) == bytes,
	       "keys: paused, Right turned the cloud once and it stayed still (no drift: %zu "
	       "bytes in 0.5 s)", vt_bytes(t) - bytes);
	free(before);
	free(after);
	vt_keys(t, " ");
	CHECKV(t, wait_status(t, "Moving"), "keys: Space again says 'Moving'");
	vt_free(t);
}

/* The cloud keeps the bars it drew while the frames change; the other
 * languages are checked after the first screen: the switcher must still
 * be drawn anew when they come, the cloud on screen from the start. */
static void
test_switcher_comes(void)
{
	struct vt *t = start(24, 80, ARGS("--page", "cloud"), NONE);

	CHECKV(t, wait_row(t, 0, "EN | KR | JP | CN", HAS),
	       "switcher: started on the cloud, every language comes to the switcher");
	vt_free(t);
}

int
main(void)
{
	screen_setup();
	test_hover();
	test_click();
	test_click_back();
	test_shared();
	test_keys();
	test_switcher_comes();
	screen_cleanup();
	return check_done();
}
