/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-e2e.c: the real iclei-tui in a pseudo-terminal, driven with real
 * keystrokes and mouse reports, its screen read back as cells (vt.h; the
 * start-up, rows and status line as in screen.h).
 *
 * Every test starts its own process and waits for an eventual screen state
 * after each input, never for a fixed time; every wait has a deadline, and
 * a failed check prints the screen as "# " lines.
 *
 * The bundle is the tests' own, tests/fixture, and no test names its
 * content: titles, labels, targets come from its files (fx, screen.h),
 * line counts, positions and whole bodies from the program's own --dump
 * of it (page_dump), so the real content (data/) can change freely.
 *
 * Environment: ICLEI_TUI (the binary; else $top_builddir/src/iclei-tui,
 * else src/iclei-tui), top_srcdir (the bundle is $top_srcdir/tests/fixture).
 *
 * Only interface strings of the English interface are matched (they are
 * the gettext msgids); in the other languages the tests look at the
 * bundle's own text (tab titles, paragraphs), which does not depend on
 * whether the message catalogues are installed. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>
#include <uniwidth.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

/* The words the search tests type, and what they rely on in the
 * fixture's first page (checked against --dump, so that a change of the
 * fixture that breaks it says so). */
static const char *const word_once = "committee"; /* once, on the first screen at
                                                     80x24, capitalised there */
static const char *const word_many = "lantern";   /* on more than one screen at 80x24 */
static const char *const word_ko = "등불";        /* 3 or more times on the Korean
                                                     first screen */

/* ------------------------------------------------------------ helpers */

/* Eventually row r no longer matches text. */
static bool
pred_not_row(struct vt *t, void *arg)
{
	return !pred_row(t, arg);
}

static bool
wait_not_row(struct vt *t, int r, const char *text, enum how how)
{
	struct rowwant w = {r, text, how};

	return vt_wait(t, T_WAIT, pred_not_row, &w);
}

static bool
pred_pos_changed(struct vt *t, void *arg)
{
	long a, b;

	return status_pos(t, &a, &b) && a != *(long *)arg;
}

/* One key that scrolls: wait until the position moved. */
static bool
key_moves(struct vt *t, char key)
{
	long a, b;

	if (!status_pos(t, &a, &b))
		return false;
	vt_char(t, (unsigned char)key, 0);
	return vt_wait(t, T_WAIT, pred_pos_changed, &a);
}

/* A click as a hand makes it: the press, read by the program on its own,
 * then the release. */
static bool
slow_click(struct vt *t, int r, int c)
{
	bool sent = vt_mouse(t, r, c, 1, true);

	vt_wait_quiet(t, 100, T_WAIT);
	return vt_mouse(t, r, c, 1, false) && sent;
}

/* A quick click: press and release in one write, so the program reads
 * them together (SGR encoding, which the program asks for with ?1006). */
static bool
fast_click(struct vt *t, int r, int c)
{
	char buf[64];
	int n;

	if (vt_mouse_mode(t) == 0 || !vt_raw_seen(t, "1006", 4))
		return false;
	n = snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", c + 1, r + 1,
	             c + 1, r + 1);
	vt_send(t, buf, (size_t)n);
	return true;
}

static bool
look_at(struct vt *t, int r, int c, struct vt_cell *out)
{
	return vt_cell(t, row_index(t, r), c, out);
}

/* Two cells look different. */
static bool
looks_differ(struct vt *t, int r1, int c1, int r2, int c2)
{
	struct vt_cell a, b;

	return look_at(t, r1, c1, &a) && look_at(t, r2, c2, &b) && !same_look(&a, &b);
}

static bool
pred_marked(struct vt *t, void *arg)
{
	const int *rc = arg;
	struct vt_cell cell;

	return look_at(t, rc[0], rc[1], &cell) && highlighted(&cell);
}

/* ------------------------------------------------------------ the fixture on the screen */

/* Columns of s as the program counts them (ambiguous characters narrow). */
static int
cols_of(const char *s)
{
	return u8_strwidth((const uint8_t *)s, "UTF-8");
}

/* Wide characters in s. */
static int
wide_in(const char *s)
{
	int n = 0;
	ucs4_t c;

	for (const uint8_t *p = (const uint8_t *)s; (p = u8_next(&c, p)) != NULL;)
		n += uc_width(c, "UTF-8") == 2;
	return n;
}

/* The language switcher: "EN | KR | JP | CN". */
static const char *
switcher(void)
{
	static char buf[128];

	snprintf(buf, sizeof buf, "%s | %s | %s | %s", fx.label[EN], fx.label[KO], fx.label[JA],
	         fx.label[ZH]);
	return buf;
}

/* The page tabs of the top bar in lang, each followed by the separator
 * ("Harbour · Voices · Tides · "); the Cloud's tab comes next. */
static const char *
tabs(int lang)
{
	static char buf[NLANG][512];
	size_t n = 0;

	buf[lang][0] = '\0';
	for (int p = 0; p < fx.npages && n < sizeof buf[lang]; p++)
		n += (size_t)snprintf(buf[lang] + n, sizeof buf[lang] - n, "%s · ",
		                      fx.page[p].title[lang]);
	return buf[lang];
}

static const char *
title(int lang, int p)
{
	return fx.page[p].title[lang];
}

/* The top line once the program has brought line `line` of page p to the
 * top of this screen (as far as the page lets it). */
static long
top_for(struct vt *t, int lang, int p, long line)
{
	const struct dump *d = dump_on(t, lang, p);

	return d == NULL ? -1 : dump_top_for(d, line, vt_rows(t));
}

/* The first line of block b (-1: the title) of page p on this screen. */
static long
line_of(struct vt *t, int lang, int p, int b)
{
	const struct dump *d = dump_on(t, lang, p);

	return d == NULL ? -1 : dump_block_line(d, b);
}

/* The top once block b is brought to the top; the top at the page's
 * end. */
static long
block_top(struct vt *t, int lang, int p, int b)
{
	return top_for(t, lang, p, line_of(t, lang, p, b));
}

static long
end_top(struct vt *t, int lang, int p)
{
	const struct dump *d = dump_on(t, lang, p);

	return d == NULL ? -1 : dump_max_top(d, vt_rows(t));
}

/* The top once line i is brought into view from top, as show_line in
 * src/view_page.c does: not moved if it shows, else two lines above it. */
static long
shown_top(struct vt *t, int lang, int p, long top, long i)
{
	if (i >= top && i < top + vt_rows(t) - 2)
		return top;
	return top_for(t, lang, p, i > 2 ? i - 2 : 0);
}

/* The first link of page p starting at line `from` or below, as ] and
 * Enter look for one: its block, or -1. */
static int
link_from(struct vt *t, int lang, int p, long from)
{
	const struct dump *d = dump_on(t, lang, p);

	for (int b = 0; d != NULL && b < fx.page[p].nblocks; b++)
		if (fx.page[p].block[b].kind == 'a' && dump_block_line(d, b) >= from)
			return b;
	return -1;
}

/* The last link of page p, its block. */
static int
last_link(int p)
{
	int last = -1;

	for (int b = 0; b < fx.page[p].nblocks; b++)
		if (fx.page[p].block[b].kind == 'a')
			last = b;
	return last;
}

/* Block b of page p starts above the page's last top line in every
 * language at rows x cols: brought to the top, it is on row 1, and the
 * reading position is that block's in each of them. */
static bool
on_top_everywhere(int p, int b, int rows, int cols)
{
	for (int l = 0; l < NLANG; l++) {
		const struct dump *d = page_dump(l, p, cols);

		if (d == NULL || dump_block_line(d, b) > dump_max_top(d, rows))
			return false;
	}
	return true;
}

/* ------------------------------------------------------------ where the page is */

/* Eventually page p shows block b at the top, as far as the page lets it
 * (a link or a tag leads there). */
static bool
wait_block(struct vt *t, int lang, int p, int b)
{
	return wait_at(t, lang, p, block_top(t, lang, p, b));
}

/* j until the page's top is line `line`, 80 times at most. */
static bool
scroll_to(struct vt *t, int lang, int p, long line)
{
	long top1 = 0, total;

	for (int i = 0; i < 80 && status_pos(t, &top1, &total) && top1 - 1 < line; i++)
		if (!key_moves(t, 'j'))
			break;
	return wait_at(t, lang, p, line);
}

/* A page scrolled by keys, and where it must be: expect_move after each
 * key moves `by` lines (LONG_MIN, LONG_MAX: to the top, to the end),
 * clamped as app_move does. */
struct scrolled {
	struct vt *t;
	int lang, p;
	long top, max;
};

static struct scrolled
scrolled(struct vt *t, int lang, int p)
{
	return (struct scrolled){t, lang, p, 0, end_top(t, lang, p)};
}

static void
expect_move(struct scrolled *s, long by, const char *what)
{
	if (by == LONG_MIN)
		s->top = 0;
	else if (by == LONG_MAX)
		s->top = s->max;
	else
		s->top = s->top + by < 0 ? 0 : s->top + by > s->max ? s->max : s->top + by;
	CHECKV(s->t, wait_at(s->t, s->lang, s->p, s->top), "%s (line %ld)", what, s->top + 1);
}

/* ------------------------------------------------------------ the cloud */

/* Text found in the body: its row, first cell and width in cells. */
struct found {
	int row, col, width;
};

/* The body rows as text, one entry per cell (a wide character once), and
 * the cell each byte comes from; rebuilt only when the screen may have
 * changed (new output or a new size). */
static struct {
	struct vt *t;
	pid_t pid;
	size_t bytes;
	int rows, cols;
	char (*line)[2048];
	int (*colof)[2048];
	size_t *len;
} body_cache;

static void
body_scan(struct vt *t)
{
	int rows = vt_rows(t), cols = vt_cols(t);

	if (body_cache.t == t && body_cache.pid == vt_pid(t) && body_cache.bytes == vt_bytes(t)
	    && body_cache.rows == rows
	    && body_cache.cols == cols)
		return;
	free(body_cache.line);
	free(body_cache.colof);
	free(body_cache.len);
	body_cache.line = xmalloc((size_t)rows * sizeof *body_cache.line);
	body_cache.colof = xmalloc((size_t)rows * sizeof *body_cache.colof);
	body_cache.len = xmalloc((size_t)rows * sizeof *body_cache.len);
	body_cache.t = t;
	body_cache.pid = vt_pid(t);
	body_cache.bytes = vt_bytes(t);
	body_cache.rows = rows;
	body_cache.cols = cols;
	for (int r = 0; r < rows; r++) {
		char *line = body_cache.line[r];
		int *colof = body_cache.colof[r];
		size_t len = 0;

		line[0] = '\0';
		for (int c = 0; c < cols; c++) {
			struct vt_cell cell;
			size_t before = len;

			vt_cell(t, r, c, &cell);
			if (cell.width == 0)
				continue;	/* the right half of a wide character */
			add_cell_text(line, 2048, &len, &cell);
			for (size_t i = before; i < len; i++)
				colof[i] = c;
		}
		body_cache.len[r] = len;
	}
}

static void
body_cache_free(void)
{
	free(body_cache.line);
	free(body_cache.colof);
	free(body_cache.len);
	memset(&body_cache, 0, sizeof body_cache);
}

/* Where text occurs in the body (rows 1 .. rows-2), in cells; returns how
 * many times, the first in *f (may be NULL). */
static int
body_find(struct vt *t, const char *text, struct found *f)
{
	size_t tlen = strlen(text);
	int count = 0;

	body_scan(t);
	for (int r = 1; r < body_cache.rows - 1; r++) {
		const char *line = body_cache.line[r];
		const int *colof = body_cache.colof[r];
		size_t len = body_cache.len[r];

		for (const char *p = strstr(line, text); p != NULL; p = strstr(p + 1, text)) {
			size_t b = (size_t)(p - line), e = b + tlen;

			if (count++ == 0 && f != NULL) {
				f->row = r;
				f->col = colof[b];
				f->width = (e < len ? colof[e] : body_cache.cols) - colof[b];
			}
		}
	}
	return count;
}

static bool
pred_body_has(struct vt *t, void *arg)
{
	return body_find(t, arg, NULL) > 0;
}

/* The text found is drawn in one look (one label, not pieces of two). */
static bool
found_whole(struct vt *t, const struct found *f)
{
	struct vt_cell first, cell;

	if (!vt_cell(t, f->row, f->col, &first))
		return false;
	for (int c = f->col + 1; c < f->col + f->width; c++)
		if (!vt_cell(t, f->row, c, &cell) || (cell.width != 0 && !same_look(&first, &cell)))
			return false;
	return true;
}

/* The label is on the body once, whole. */
static bool
pred_label_whole(struct vt *t, void *arg)
{
	struct found f;

	return body_find(t, arg, &f) == 1 && found_whole(t, &f);
}

/* How many of the distinct English labels are on the body, whole. */
static int
en_labels_shown(struct vt *t)
{
	int n = 0;
	struct found f;

	for (int i = 0; i < fx.ntags; i++)
		if (fx.tag[i].distinct && body_find(t, fx.tag[i].label[EN], &f) == 1
		    && found_whole(t, &f))
			n++;
	return n;
}

/* How many English labels with letters in them are on the body, at all
 * (digits, such as a year, can be in the other languages' labels too). */
static int
en_words_shown(struct vt *t)
{
	int n = 0;

	for (int i = 0; i < fx.ntags; i++)
		if (strpbrk(fx.tag[i].label[EN], "abcdefghijklmnopqrstuvwxyz") != NULL
		    && body_find(t, fx.tag[i].label[EN], NULL) > 0)
			n++;
	return n;
}

/* How many of the labels of lang that are not the English ones are on
 * the body. */
static int
labels_shown_in(struct vt *t, int lang)
{
	int n = 0;

	for (int i = 0; i < fx.ntags; i++)
		if (strcmp(fx.tag[i].label[lang], fx.tag[i].label[EN]) != 0
		    && body_find(t, fx.tag[i].label[lang], NULL) > 0)
			n++;
	return n;
}

/* The English cloud is on the screen: at least 3 labels whole, over at
 * least 4 body rows, and not the list (whose rows say "label  → Page"). */
static bool
pred_cloud_shown(struct vt *t, void *arg)
{
	(void)arg;
	if (en_labels_shown(t) < 3 || body_find(t, "  → ", NULL) > 0)
		return false;
	return body_rows_used(t) >= 4;
}

/* The context switches of a process so far: each wake-up of a program
 * blocked on its input is one.  -1 if unknown. */
static long
wakeups(pid_t pid)
{
	char path[64], line[256];
	long n = 0, v;
	bool seen = false;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1
		    || sscanf(line, "nonvoluntary_ctxt_switches: %ld", &v) == 1) {
			n += v;
			seen = true;
		}
	fclose(f);
	return seen ? n : -1;
}

/* Keep reading for ms; *ticks gets the CPU ticks the program used
 * meanwhile.  False if they were unknown at the start. */
static bool
cpu_ticks_over(struct vt *t, int ms, long *ticks)
{
	long cpu0 = proc_cpu_ticks(vt_pid(t));

	vt_wait(t, ms, NULL, NULL);
	*ticks = proc_cpu_ticks(vt_pid(t)) - cpu0;
	return cpu0 >= 0;
}

/* At rest for ms: not a byte of output, and the program does not wake up
 * (a clock ticking without drawing anything new would).  *extra gets the
 * bytes that came, *woke the wake-ups. */
static bool
silent_for(struct vt *t, int ms, size_t *extra, long *woke)
{
	size_t bytes = vt_bytes(t);
	long w0 = wakeups(vt_pid(t));

	vt_wait(t, ms, NULL, NULL);
	*extra = vt_bytes(t) - bytes;
	*woke = wakeups(vt_pid(t)) - w0;
	return *extra == 0 && w0 >= 0 && *woke <= 1;
}

/* The same, and the status line names the Cloud: a frame can arrive in
 * two reads, the status line (the last row) in the second. */
static bool
pred_focus_on_cloud(struct vt *t, void *arg)
{
	return pred_focus_is(t, arg) && row_matches(t, -1, "Cloud", STARTS);
}

static bool
pred_no_marks(struct vt *t, void *arg)
{
	struct lit m[8];

	(void)arg;
	return lit_runs(t, m, 8) == 0;
}

/* The last column of every body row is blank, and wide characters are
 * whole. */
static bool
body_fits(struct vt *t)
{
	return last_column_blank(t, false) && cells_sane(t, NULL, true);
}

static bool
pred_fitted_cloud(struct vt *t, void *arg)
{
	(void)arg;
	return pred_cloud_shown(t, NULL) && body_fits(t);
}

/* The whole cloud is in Korean: Korean labels, no English words. */
static bool
pred_korean_cloud(struct vt *t, void *arg)
{
	(void)arg;
	return labels_shown_in(t, KO) > 0 && en_words_shown(t) == 0;
}

/* Very narrow: the top bar and status line redrawn at this width, a label
 * whole, nothing in the last column. */
static bool
pred_fitted_narrow(struct vt *t, void *arg)
{
	char *status = vt_row_text(t, vt_rows(t) - 1);
	bool ok = status != NULL && (strncmp(status, " Paused", 7) == 0
	                             || strncmp(status, " Cloud", 6) == 0);

	(void)arg;
	free(status);
	return ok && row_matches(t, 0, "Cloud", HAS) && en_labels_shown(t) >= 1
	    && body_fits(t);
}

/* The Korean cloud, redrawn at the terminal's size: the top bar, a status
 * line, some labels, and nothing in the last column. */
static bool
pred_fitted_ko(struct vt *t, void *arg)
{
	char *status = vt_row_text(t, vt_rows(t) - 1);
	bool has_status = status != NULL && status[0] != '\0';

	(void)arg;
	free(status);
	return has_status && row_matches(t, 0, fx.label[KO], HAS) && labels_shown_in(t, KO) >= 2
	    && body_fits(t);
}

/* One of the distinct English labels whole on the body, once, not
 * highlighted: for a click.  Returns its tag's index in fx.tag, or -1. */
static int
clickable_label(struct vt *t, struct found *f)
{
	for (int i = 0; i < fx.ntags; i++) {
		struct vt_cell cell;

		if (fx.tag[i].distinct && body_find(t, fx.tag[i].label[EN], f) == 1
		    && found_whole(t, f) && vt_cell(t, f->row, f->col, &cell) && !highlighted(&cell)
		    && !cell.underline)
			return i;
	}
	return -1;
}

/* Start the program (args, env as for start()) and show the Cloud tab. */
static struct vt *
start_cloud(int rows, int cols, const char *const args[], const char *const env[])
{
	struct vt *t = start(rows, cols, args, env);

	if (vt_wait_text(t, switcher(), T_WAIT))
		show_tab(t, fx.npages);
	return t;
}

/* Pause the cloud with a label to click whole on it (clickable_label):
 * paused where none is, go on a little and try again, 10 times at most.
 * Returns its tag's index in fx.tag (its place in *f), or -1. */
static int
pause_on_label(struct vt *t, struct found *f)
{
	int i = -1;

	for (int tries = 0; tries < 10 && i < 0; tries++) {
		if (tries > 0) {
			vt_keys(t, " ");
			body_changes(t, 500);
		}
		if (!pause_cloud(t))
			break;
		i = clickable_label(t, f);
	}
	return i;
}

/* ------------------------------------------------------------ 1. first screen */

/* From (row, col) the cells spell text: each character in a cell as wide
 * as the character, a wide one followed by its right half. */
static bool
cells_spell(struct vt *t, int row, int col, const char *text)
{
	ucs4_t ch;

	for (const uint8_t *p = (const uint8_t *)text; (p = u8_next(&ch, p)) != NULL;) {
		struct vt_cell a, b;
		int w = uc_width(ch, "UTF-8");

		if (!vt_cell(t, row, col, &a) || a.ch[0] != ch || a.width != w
		    || (w == 2 && (!vt_cell(t, row, col + 1, &b) || b.width != 0 || b.ch[0] != 0)))
			return false;
		col += w;
	}
	return true;
}

/* The wide characters a fresh screen of lang must have at least: those of
 * the first page's first screen in --dump, of the tab titles and of the
 * page's name on the status line. */
static int
wide_expected(struct vt *t, int lang)
{
	const struct dump *d = dump_on(t, lang, 0);
	int n = wide_in(tabs(lang)) + wide_in(title(lang, 0));

	for (size_t i = 0; d != NULL && i < d->n && i < (size_t)vt_rows(t) - 2; i++)
		n += wide_in(d->line[i]);
	return n;
}

static void
test_first_screen(int l)
{
	const char *code = lang_code[l], *first = title(l, 0);
	struct vt *t = start(24, 80, ARGS("--lang", code), NONE);
	int r = -1, c = -1, r2 = -1, c2 = -1, nwide = 0, want = wide_expected(t, l);
	struct vt_cell n;

	CHECKV(t, wait_row(t, 1, first, STARTS) && wait_at(t, l, 0, 0),
	       "%s: the first screen has the title '%s' at the top of the body and its "
	       "position on the status line", code, first);
	CHECKV(t, row_matches(t, 0, tabs(l), HAS),
	       "%s: row 0 has the tabs in order: %s", code, tabs(l));
	/* The other languages are checked after the first screen: then
	 * the switcher has them all. */
	CHECKV(t, wait_row(t, 0, switcher(), HAS) && vt_find_text(t, switcher(), &r, &c) > 0
	       && r == 0
	       && c + cols_of(switcher()) <= 80 && c + cols_of(switcher()) >= 78,
	       "%s: the language switcher is at the right of row 0", code);
	CHECKV(t, vt_find_text(t, fx.label[l], &r, &c) > 0 && r == 0
	       && vt_find_text(t, fx.label[l == EN ? KO : EN], &r2, &c2) > 0 && r2 == 0
	       && looks_differ(t, 0, c, 0, c2),
	       "%s: the current language %s is highlighted in the switcher", code, fx.label[l]);
	CHECKV(t, vt_find_text(t, first, &r, &c) > 0 && r == 0
	       && vt_find_text(t, title(l, 1), &r2, &c2) > 0 && r2 == 0
	       && looks_differ(t, 0, c, 0, c2),
	       "%s: the current tab is highlighted", code);
	if (l != EN) {
		vt_find_text(t, first, &r, &c);
		CHECKV(t, wide_in(first) > 0 && cells_spell(t, 0, c, first),
		       "%s: '%s' on row 0 is wide cells, each with its right half", code, first);
		CHECKV(t, cells_spell(t, 1, 2, first) && vt_cell(t, 1, 2 + cols_of(first), &n)
		       && n.ch[0] == 0,
		       "%s: the page title at row 1, column 2 is its wide characters", code);
	}
	CHECKV(t, cells_sane(t, &nwide, true)
	       && (l == EN ? nwide == 0 : nwide >= want && want > 200),
	       "%s: every wide character is whole, none cut at the right edge (%d wide "
	       "characters; the page, tabs and status have %d%s)", code, nwide, want,
	       l == EN ? "" : ", more than 200");
	CHECKV(t, wait_body(t, l, 0),
	       "%s: the body is the page as --dump lays it out at 76 columns", code);
	if (l == EN)
		CHECKV(t, wait_row(t, -1, "? help  q quit", HAS),
		       "en: the status line shows '? help'");
	CHECKV(t, vt_altscreen(t) && !vt_cursor_visible(t) && vt_mouse_mode(t) != 0,
	       "%s: alternate screen, cursor hidden, mouse reporting on", code);
	vt_free(t);
}

/* ------------------------------------------------------------ 2. pages */

/* A click on row 0 in the middle of text, or at `at` cells into it (-1:
 * the middle). */
static bool
click_top(struct vt *t, const char *text, int at)
{
	int r = -1, c = -1;

	return vt_find_text(t, text, &r, &c) > 0 && r == 0
	    && slow_click(t, 0, c + (at >= 0 ? at : cols_of(text) / 2));
}

static void
test_pages(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int last = fx.npages - 1;
	const char *heaviest = tag_ranked(0)->label[EN];
	bool ok;

	CHECKV(t, wait_at(t, EN, 0, 0), "pages: starts on %s", title(EN, 0));
	show_tab(t, 1);
	CHECKV(t, wait_at(t, EN, 1, 0), "pages: %c shows %s", tab_key(1), title(EN, 1));
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, wait_at(t, EN, 2, 0), "pages: Tab shows %s", title(EN, 2));
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, wait_at(t, EN, 1, 0), "pages: Shift-Tab goes back to %s", title(EN, 1));
	show_tab(t, last);
	CHECKV(t, wait_at(t, EN, last, 0), "pages: %c shows the last page, %s", tab_key(last),
	       title(EN, last));
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "pages: %c shows the Cloud tab, the tag cloud (labels scattered over the body)",
	       tab_key(fx.npages));
	show_tab(t, last);
	CHECKV(t, wait_at(t, EN, last, 0), "pages: %c from the Cloud", tab_key(last));
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "pages: Tab on the last page goes on to the Cloud");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, wait_at(t, EN, 0, 0),
	       "pages: Tab on the Cloud goes on round to %s, as on every tab", title(EN, 0));
	show_tab(t, fx.npages);
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_on_cloud, (void *)heaviest),
	       "pages: ] on the Cloud focuses a tag (%s) and stays on the Cloud", heaviest);
	show_tab(t, 0);
	CHECKV(t, wait_at(t, EN, 0, 0), "pages: 1 on the Cloud goes to %s", title(EN, 0));
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, wait_status(t, "Cloud"), "pages: Shift-Tab on the first tab wraps to the Cloud");
	show_tab(t, 0);
	CHECKV(t, wait_at(t, EN, 0, 0), "pages: 1 goes back to %s", title(EN, 0));

	/* The mouse on the top bar (after a visit to the Cloud); each click
	 * starts where the one before led. */
	ok = click_top(t, title(EN, last), -1) && wait_at(t, EN, last, 0);
	CHECKV(t, ok, "pages: a click on the tab label '%s' shows that page (mouse mode %d)",
	       title(EN, last), vt_mouse_mode(t));
	ok = ok && click_top(t, fx.label[KO], 0) && wait_at(t, KO, last, 0)
	     && wait_row(t, 0, tabs(KO), HAS);
	CHECKV(t, ok, "pages: a click on %s switches to Korean and stays on the page",
	       fx.label[KO]);
	ok = ok && wide_in(title(KO, 1)) > 0 && click_top(t, title(KO, 1), 1)
	     && wait_at(t, KO, 1, 0);
	CHECKV(t, ok, "pages: a click on the right half of a wide tab label works (%s)",
	       title(KO, 1));
	ok = ok && click_top(t, fx.label[EN], 1) && wait_at(t, EN, 1, 0);
	CHECKV(t, ok, "pages: a click on %s switches back", fx.label[EN]);
	vt_free(t);
}

/* ------------------------------------------------------------ the cloud */

static void check_restored(struct vt *t, const char *what);

/* The cloud moves by itself; Space freezes it (no output at all), Space
 * again and it moves on. */
static void
test_cloud_motion(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int last = fx.npages - 1;
	size_t extra = 0;
	long woke = 0;

	CHECKV(t, wait_at(t, EN, 0, 0), "cloud motion: started");
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud motion: %c shows the cloud", tab_key(fx.npages));
	CHECKV(t, body_changes(t, 500), "cloud motion: the body changes within 500 ms, no input");
	CHECKV(t, body_changes(t, 500), "cloud motion: and again: it keeps moving");
	CHECKV(t, pause_cloud(t), "cloud motion: Space says 'Paused' and the output stops");
	CHECKV(t, silent_for(t, 1000, &extra, &woke),
	       "cloud motion: paused: not a byte for a second (%zu bytes came), no wake-up "
	       "(%ld)", extra, woke);
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud motion: paused: the cloud is still shown");
	vt_keys(t, " ");
	CHECKV(t, body_changes(t, 500) && body_changes(t, 500),
	       "cloud motion: Space again: it moves again");
	show_tab(t, last);
	CHECKV(t, wait_at(t, EN, last, 0) && vt_wait_quiet(t, 200, T_WAIT)
	       && silent_for(t, 500, &extra, &woke),
	       "cloud motion: on another tab: no output (%zu bytes), no wake-up (%ld)", extra,
	       woke);
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && body_changes(t, 500),
	       "cloud motion: back on the Cloud it moves again");
	vt_keys(t, "++");
	CHECKV(t, body_changes(t, 500) && alive(t), "cloud motion: + speeds it up");
	vt_keys(t, "---");
	CHECKV(t, body_changes(t, 500) && alive(t), "cloud motion: - slows it down, still moving");
	vt_free(t);
}

/* Eventually tag's page shows at its block: where a click, or Enter on
 * it, leads. */
static bool
wait_tag_page(struct vt *t, const struct fx_tag *tag)
{
	return wait_block(t, EN, tag->page, tag->block);
}

/* The row of the k-th tag by weight in the list behind `l`:
 * "label  → Page". */
static const char *
list_row(int k)
{
	static char buf[4][256];
	const struct fx_tag *tag = tag_ranked(k);

	snprintf(buf[k % 4], sizeof buf[k % 4], "%s  → %s", tag->label[EN],
	         title(EN, tag->page));
	return buf[k % 4];
}

/* ] and [ focus the tags by weight and turns them to the front; Enter opens
 * the focused tag's page at its block; Backspace returns. */
static void
test_cloud_focus(void)
{
	int last = fx.npages - 1;
	const struct fx_tag *first = tag_ranked(0), *second = tag_ranked(1),
	                    *lightest = tag_ranked(-1);
	struct vt *t = start(24, 80, ARGS("--page", fx.page[last].id), NONE);

	CHECKV(t, wait_at(t, EN, last, 0), "cloud focus: --page %s", fx.page[last].id);
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_no_marks, NULL),
	       "cloud focus: the Cloud, nothing focused");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_row(t, -1, "] chooses a tag", STARTS) && row_matches(t, 0, "Cloud", HAS)
	       && alive(t), "cloud focus: Enter with nothing focused says how to choose");
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_on_cloud, first->label[EN]),
	       "cloud focus: the first ] focuses the heaviest tag, %s, drawn highlighted",
	       first->label[EN]);
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, second->label[EN]),
	       "cloud focus: ] again: the next by weight, %s", second->label[EN]);
	vt_keys(t, "[");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, first->label[EN])
	       && row_matches(t, -1, "Cloud", STARTS),
	       "cloud focus: [ goes back to %s (and stays on the Cloud)", first->label[EN]);
	vt_keys(t, "[");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, lightest->label[EN]),
	       "cloud focus: [ on the heaviest wraps to the lightest (the last of "
	       "weight %d, %s)", lightest->weight, lightest->label[EN]);
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, vt_wait(t, T_WAIT, pred_no_marks, NULL) && row_matches(t, -1, "Cloud", STARTS),
	       "cloud focus: Esc clears the focus");
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, first->label[EN]),
	       "cloud focus: ] after Esc starts again at %s", first->label[EN]);
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_tag_page(t, first),
	       "cloud focus: Enter opens %s's page, %s, at its block", first->label[EN],
	       title(EN, first->page));
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && body_changes(t, 500),
	       "cloud focus: Backspace returns to the Cloud, moving");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_at(t, EN, last, 0),
	       "cloud focus: Backspace again: %s, where it all began", title(EN, last));
	vt_free(t);

	/* Enter right after ]: the page opens once the tag is in front. */
	t = start_cloud(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "cloud focus: the Cloud");
	vt_keys(t, "]");
	vt_keys(t, "]");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_tag_page(t, second),
	       "cloud focus: ]] Enter at once opens %s's page (%s, at its block)",
	       second->label[EN], title(EN, second->page));
	vt_free(t);

	/* Paused, Enter still opens the focused tag's page. */
	t = start_cloud(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "cloud focus: the Cloud once more");
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, first->label[EN]) && pause_cloud(t),
	       "cloud focus: Tab, then Space: %s focused, the cloud paused", first->label[EN]);
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_tag_page(t, first),
	       "cloud focus: paused, Enter opens %s's page all the same", first->label[EN]);
	vt_free(t);
}

/* A click on a label opens its page: pause first, so it stays put. */
static void
cloud_click(bool fast)
{
	const char *how = fast ? "fast click" : "slow click";
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct found f = {0, 0, 0};
	const struct fx_tag *tag;
	int i = -1;
	bool opened;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud %s: the cloud", how);
	i = pause_on_label(t, &f);
	CHECKV(t, i >= 0, "cloud %s: paused, a known label is whole on the screen (%s)", how,
	       i >= 0 ? fx.tag[i].label[EN] : "none");
	if (i < 0) {
		vt_free(t);
		return;
	}
	tag = &fx.tag[i];
	if (fast)
		CHECKV(t, fast_click(t, f.row, f.col + f.width / 2), "cloud %s: sent", how);
	else
		CHECKV(t, slow_click(t, f.row, f.col + f.width / 2), "cloud %s: sent", how);
	opened = wait_tag_page(t, tag);
	CHECKV(t, opened, "cloud %s: on '%s' (row %d, columns %d-%d) opens its page, %s, at "
	       "its block", how, tag->label[EN], f.row, f.col, f.col + f.width - 1,
	       title(EN, tag->page));
	if (opened) {
		vt_key(t, VT_KEY_BACKSPACE);
		CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
		       "cloud %s: Backspace returns to the Cloud", how);
	}
	vt_free(t);
}

/* A click on one label in particular works: tag, why it was chosen. */
static void
cloud_click_known(const struct fx_tag *tag, const char *why)
{
	const char *label = tag != NULL ? tag->label[EN] : "(none)";
	struct vt *t;
	struct found f = {0, 0, 0};
	bool seen = false;

	CHECK(tag != NULL, "cloud click: the fixture has a tag %s", why);
	if (tag == NULL)
		return;
	t = start_cloud(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "cloud click %s: the cloud", label);
	/* Wait, while it turns, until the label is whole on the screen, then
	 * pause; if it moved on meanwhile, go on and try again. */
	for (int tries = 0; tries < 4 && !seen; tries++) {
		if (tries > 0)
			vt_keys(t, " ");
		if (!vt_wait(t, T_WAIT, pred_label_whole, (void *)label) || !pause_cloud(t))
			break;
		seen = body_find(t, label, &f) == 1 && found_whole(t, &f);
	}
	CHECKV(t, seen, "cloud click %s: paused with '%s' whole on the screen", label, label);
	if (seen) {
		CHECKV(t, slow_click(t, f.row, f.col + f.width / 2) && wait_tag_page(t, tag),
		       "cloud click %s (%s): a click on it (row %d, column %d) opens %s at its "
		       "block", label, why, f.row, f.col + f.width / 2, title(EN, tag->page));
	}
	vt_free(t);
}

/* The distinct tag with the shortest label that leads to a block of the
 * first page. */
static const struct fx_tag *
short_tag(void)
{
	const struct fx_tag *best = NULL;

	for (int i = 0; i < fx.ntags; i++) {
		const struct fx_tag *g = &fx.tag[i];

		if (g->distinct && g->page == 0 && g->block >= 0
		    && (best == NULL || cols_of(g->label[EN]) < cols_of(best->label[EN])))
			best = g;
	}
	return best;
}

/* The first distinct tag that leads to a list on the last page. */
static const struct fx_tag *
list_tag(void)
{
	for (int i = 0; i < fx.ntags; i++) {
		const struct fx_tag *g = &fx.tag[i];

		if (g->distinct && g->page == fx.npages - 1 && g->block >= 0
		    && fx.page[g->page].block[g->block].kind == 'l')
			return g;
	}
	return NULL;
}

static void
test_cloud_click(void)
{
	cloud_click(false);
	cloud_click(true);
	cloud_click_known(short_tag(), "with the shortest label, to a block of the first page");
	cloud_click_known(list_tag(), "to a list on the last page");
}

/* The language switch relabels the cloud where it is. */
static void
test_cloud_lang(void)
{
	const struct fx_tag *first = tag_ranked(0);
	const char *en = first->label[EN], *ko = first->label[KO];
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct lit m[8];
	int n, row = -1, mid = -1;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud lang: the English cloud");
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)en) && pause_cloud(t)
	       && lit_runs(t, m, 8) == 1, "cloud lang: %s focused, then paused", en);
	if (lit_runs(t, m, 8) == 1) {
		row = m[0].row;
		mid = m[0].col * 2 + cols_of(en);	/* twice its centre */
	}
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, tabs(KO), HAS) && vt_wait(t, T_WAIT, pred_focus_is, (void *)ko),
	       "cloud lang: L: Korean tabs, and the focused label is now %s", ko);
	n = lit_runs(t, m, 8);
	CHECKV(t, n == 1 && m[0].row == row && abs(m[0].col * 2 + cols_of(ko) - mid) <= 2,
	       "cloud lang: %s is where %s was (row %d, centre %.1f; was row %d, centre %.1f)",
	       ko, en, n == 1 ? m[0].row : -1,
	       n == 1 ? (m[0].col * 2 + cols_of(ko)) / 2.0 : -1, row, mid / 2.0);
	CHECKV(t, vt_wait(t, T_WAIT, pred_korean_cloud, NULL) && cells_sane(t, NULL, true),
	       "cloud lang: Korean labels, no English ones, wide characters whole");
	vt_keys(t, " ");
	CHECKV(t, body_changes(t, 500), "cloud lang: Space: the Korean cloud moves on");
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, 0, tabs(EN), HAS) && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud lang: H: back to English labels");
	vt_free(t);

	t = start_cloud(24, 80, ARGS("--lang", "ko"), NONE);
	CHECKV(t, wait_row(t, 0, tabs(KO), HAS) && vt_wait(t, T_WAIT, pred_body_has, (void *)ko)
	       && cells_sane(t, NULL, true),
	       "cloud lang: --lang ko: the cloud shows %s, wide characters whole", ko);
	vt_free(t);
}

/* Resized, the cloud refits: no label in the last column, none cut. */
static void
test_cloud_resize(void)
{
	/* rows x cols: the brief's three, a few odd ones, narrow and tall (where
	 * the width limits the sphere), and the narrowest the program draws. */
	static const int sizes[][2] = {{12, 41}, {40, 120}, {24, 80}, {17, 60}, {30, 200},
	                               {24, 30}, {40, 45}, {24, 20}};
	struct vt *t = start_cloud(24, 80, NONE, NONE);

	CHECKV(t, wait_status(t, "Cloud") && pause_cloud(t)
	       && vt_wait(t, T_WAIT, pred_fitted_cloud, NULL),
	       "cloud resize 80x24: paused, labels shown, the last column blank");
	/* (Esc clears "Paused": a message too long for a narrow status line
	 * wraps onto the body's last rows, and no label is there.) */
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, "Cloud"), "cloud resize: Esc clears the message");
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		bool ok;

		vt_resize(t, sizes[i][0], sizes[i][1]);
		/* Below 30 columns a label or two may be all there is room for. */
		ok = vt_wait(t, T_WAIT, sizes[i][1] < 30 ? pred_fitted_narrow : pred_fitted_cloud,
		             NULL);
		if (!ok)
			last_column_blank(t, true);
		CHECKV(t, ok, "cloud resize %dx%d: labels shown, no label text in the last "
		       "column, wide characters whole", sizes[i][1], sizes[i][0]);
	}
	vt_resize(t, 1, 1);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && alive(t), "cloud resize 1x1: still running");
	vt_resize(t, 24, 80);
	CHECKV(t, vt_wait(t, T_WAIT, pred_fitted_cloud, NULL) && alive(t),
	       "cloud resize 1x1 -> 80x24: the cloud again");
	vt_keys(t, " ");
	CHECKV(t, body_changes(t, 500), "cloud resize: Space: it moves on");
	vt_resize(t, 12, 41);
	CHECKV(t, vt_wait(t, T_WAIT, pred_fitted_cloud, NULL),
	       "cloud resize 41x12 while moving: refitted");
	vt_free(t);

	/* Korean: wide labels. */
	t = start_cloud(24, 80, ARGS("--lang", "ko"), NONE);
	CHECKV(t, vt_wait(t, T_WAIT, pred_body_has, tag_ranked(0)->label[KO]),
	       "cloud resize ko: the Korean cloud");
	vt_keys(t, " ");
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT), "cloud resize ko: Space pauses it");
	for (size_t i = 0; i < 2; i++) {
		bool ok;

		vt_resize(t, sizes[i][0], sizes[i][1]);
		ok = vt_wait(t, T_WAIT, pred_fitted_ko, NULL);
		if (!ok)
			last_column_blank(t, true);
		CHECKV(t, ok, "cloud resize ko %dx%d: Korean labels shown, no label text in the "
		       "last column, wide characters whole", sizes[i][1], sizes[i][0]);
	}
	vt_free(t);
}

/* --no-motion (and ICLEI_TUI_NO_MOTION=1): still; a key turns it once. */
static void
cloud_still(const char *const args[], const char *const env[], const char *what)
{
	const struct fx_tag *first = tag_ranked(0);
	struct vt *t = start(24, 80, args, env);
	size_t extra = 0;
	long woke = 0;
	bool ok;

	CHECKV(t, wait_at(t, EN, 0, 0), "%s: started", what);
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_wait_quiet(t, 200, T_WAIT), "%s: the cloud, then quiet", what);
	CHECKV(t, silent_for(t, 1000, &extra, &woke),
	       "%s: not a byte for a second on the cloud (%zu bytes came), no wake-up (%ld)",
	       what, extra, woke);
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, body_changes(t, T_WAIT), "%s: Right turns the cloud", what);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && silent_for(t, 500, &extra, &woke),
	       "%s: then it is still again (%zu bytes, %ld wake-ups)", what, extra, woke);
	vt_keys(t, "k");
	CHECKV(t, body_changes(t, T_WAIT) && vt_wait_quiet(t, 200, T_WAIT)
	       && silent_for(t, 300, &extra, &woke), "%s: k turns it once, then still", what);
	vt_keys(t, "]");
	ok = vt_wait(t, T_WAIT, pred_focus_is, first->label[EN])
	     && vt_wait_quiet(t, 200, T_WAIT) && silent_for(t, 300, &extra, &woke);
	if (!ok) {
		long ticks;

		cpu_ticks_over(t, 500, &ticks);
		check_note("%ld CPU ticks in the next 0.5 s%s", ticks,
		           ticks >= 40 ? ": the program spins" : "");
	}
	CHECKV(t, ok, "%s: ] focuses %s at once, then still", what, first->label[EN]);
	if (ok) {
		vt_key(t, VT_KEY_ENTER);
		CHECKV(t, wait_tag_page(t, first), "%s: Enter opens %s's page at its block", what,
		       first->label[EN]);
	}
	vt_free(t);

	/* A click opens a tag's page at once. */
	t = start_cloud(24, 80, args, env);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_wait_quiet(t, 200, T_WAIT), "%s: the cloud again", what);
	{
		struct found f = {0, 0, 0};
		int i = clickable_label(t, &f);

		CHECKV(t, i >= 0 && slow_click(t, f.row, f.col + f.width / 2)
		       && wait_tag_page(t, &fx.tag[i]),
		       "%s: a click on '%s' opens its page, %s", what,
		       i >= 0 ? fx.tag[i].label[EN] : "(no label)",
		       i >= 0 ? title(EN, fx.tag[i].page) : "?");
	}
	vt_free(t);
}

static void
test_cloud_still(void)
{
	cloud_still(ARGS("--no-motion"), NONE, "cloud --no-motion");
	cloud_still(NONE, ARGS("ICLEI_TUI_NO_MOTION=1"), "cloud ICLEI_TUI_NO_MOTION=1");

	/* ICLEI_TUI_NO_MOTION=0 means motion. */
	{
		struct vt *t = start_cloud(24, 80, NONE, ARGS("ICLEI_TUI_NO_MOTION=0"));

		CHECKV(t, wait_status(t, "Cloud") && body_changes(t, 500),
		       "cloud ICLEI_TUI_NO_MOTION=0: the cloud moves");
		vt_free(t);
	}
}

/* Pointer motion reporting (?1003) only while the cloud is shown. */
struct modewant {
	const char *status;
	int mode;
};

/* The status line starts with status (drawn last: the frame is complete)
 * and the mouse mode is mode. */
static bool
pred_status_mode(struct vt *t, void *arg)
{
	const struct modewant *w = arg;

	return row_matches(t, -1, w->status, STARTS) && vt_mouse_mode(t) == w->mode;
}

static bool
wait_status_mode(struct vt *t, const char *status, int mode)
{
	struct modewant w = {status, mode};

	if (mode == 3)	/* the cloud: it moves, never quiet */
		return vt_wait(t, T_WAIT, pred_status_mode, &w);
	/* At rest: once drawn and quiet, the mode is what it will stay. */
	return wait_status(t, status) && vt_wait_quiet(t, 100, T_WAIT)
	    && vt_mouse_mode(t) == mode;
}

static void
test_cloud_mouse_mode(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int st = -1;

	/* vt_mouse_mode: 1 clicks (?1000), 3 any motion (?1003). */
	CHECKV(t, wait_status_mode(t, title(EN, 0), 1),
	       "cloud mouse: on a page, clicks are reported, not motion (mode %d)",
	       vt_mouse_mode(t));
	show_tab(t, fx.npages);
	CHECKV(t, wait_status_mode(t, "Cloud", 3),
	       "cloud mouse: on the cloud, any-motion reporting is on (mode %d)",
	       vt_mouse_mode(t));
	show_tab(t, 1);
	CHECKV(t, wait_status_mode(t, title(EN, 1), 1),
	       "cloud mouse: on a page again, motion off and clicks still on (mode %d)",
	       vt_mouse_mode(t));
	CHECKV(t, click_top(t, title(EN, 2), 1) && wait_at(t, EN, 2, 0),
	       "cloud mouse: after the cloud, a click on a tab still works");
	show_tab(t, fx.npages);
	CHECKV(t, wait_status_mode(t, "Cloud", 3), "cloud mouse: the cloud again");
	vt_keys(t, "l");
	CHECKV(t, wait_row(t, 1, list_row(0), STARTS) && wait_status_mode(t, "Cloud", 1),
	       "cloud mouse: in the list, motion off, clicks on (mode %d)", vt_mouse_mode(t));
	vt_keys(t, "l");
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_shown, NULL) && wait_status_mode(t, "Cloud", 3),
	       "cloud mouse: l back to the cloud: motion on");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "The cloud", STARTS) && wait_status_mode(t, "Help", 1),
	       "cloud mouse: in the help (at the cloud's keys), motion off (mode %d)",
	       vt_mouse_mode(t));
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status_mode(t, "Cloud", 3), "cloud mouse: Esc: the cloud, motion on");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	       "cloud mouse: q on the cloud quits");
	check_restored(t, "cloud mouse: q on the cloud");
	vt_free(t);

	t = start_cloud(24, 80, ARGS("--no-mouse"), NONE);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_mouse_mode(t) == 0 && !vt_raw_seen(t, "\033[?1003h", 8),
	       "cloud mouse: --no-mouse: no mouse reporting on the cloud either");
	vt_free(t);
}

/* Every cell of the text found has the look. */
struct lookwant {
	struct found f;
	struct vt_cell look;
};

static bool
pred_label_look(struct vt *t, void *arg)
{
	const struct lookwant *w = arg;

	for (int c = w->f.col; c < w->f.col + w->f.width; c++) {
		struct vt_cell cell;

		if (!vt_cell(t, w->f.row, c, &cell)
		    || (cell.width != 0 && !same_look(&cell, &w->look)))
			return false;
	}
	return true;
}

/* The pointer over a label highlights it. */
static void
test_cloud_hover(void)
{
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct found f = {0, 0, 0};
	struct vt_cell before, after;
	int i = -1, mid = 0;
	bool changed = false;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud hover: the cloud");
	i = pause_on_label(t, &f);
	CHECKV(t, i >= 0, "cloud hover: paused, a label whole on the screen (%s)",
	       i >= 0 ? fx.tag[i].label[EN] : "none");
	if (i < 0) {
		vt_free(t);
		return;
	}
	mid = f.col + f.width / 2;
	vt_cell(t, f.row, mid, &before);
	CHECKV(t, vt_mouse_move(t, f.row, mid), "cloud hover: the move is reported");
	for (int k = 0; k < T_WAIT / 50 && !changed; k++) {
		vt_wait(t, 50, NULL, NULL);
		changed = vt_cell(t, f.row, mid, &after) && !same_look(&before, &after);
	}
	CHECKV(t, changed && (after.underline || memcmp(after.fg_rgb, before.fg_rgb, 3) != 0)
	       && body_find(t, fx.tag[i].label[EN], NULL) == 1,
	       "cloud hover: the pointer over '%s' highlights it (underline %d -> %d, "
	       "fg #%02x%02x%02x -> #%02x%02x%02x)", fx.tag[i].label[EN], before.underline,
	       after.underline, before.fg_rgb[0], before.fg_rgb[1], before.fg_rgb[2],
	       after.fg_rgb[0], after.fg_rgb[1], after.fg_rgb[2]);
	{
		struct lookwant w = {f, after};

		CHECKV(t, vt_wait(t, T_WAIT, pred_label_look, &w),
		       "cloud hover: the whole label '%s' is highlighted", fx.tag[i].label[EN]);
	}
	CHECKV(t, vt_mouse_move(t, vt_rows(t) - 1, 0)
	       && vt_wait(t, T_WAIT, pred_row, &(struct rowwant){-1, "Paused", STARTS})
	       && vt_wait_quiet(t, 200, T_WAIT) && vt_cell(t, f.row, mid, &after)
	       && same_look(&before, &after),
	       "cloud hover: the pointer off the cloud: '%s' looks as before",
	       fx.tag[i].label[EN]);
	vt_free(t);
}

/* Dragging turns the cloud, and it spins on after the release. */
static void
test_cloud_drag(void)
{
	struct vt *t = start_cloud(24, 80, ARGS("--no-motion"), NONE);
	char *before;
	bool ok;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_wait_quiet(t, 200, T_WAIT), "cloud drag: the still cloud");
	before = body_snapshot(t);
	/* The press, read by the program on its own (as slow_click does),
	 * then the moves with the button held. */
	vt_mouse(t, 11, 30, 1, true);
	vt_wait_quiet(t, 100, T_WAIT);
	for (int c = 31; c <= 50; c += 2) {
		vt_mouse_move(t, 11, c);
		vt_wait(t, 15, NULL, NULL);	/* the hand's pace: a speed to keep */
	}
	ok = vt_wait(t, T_WAIT, pred_body_changed, before);
	vt_mouse(t, 11, 50, 1, false);
	CHECKV(t, ok, "cloud drag: dragging turns the cloud");
	CHECKV(t, body_changes(t, 500) && body_changes(t, 500),
	       "cloud drag: after the release it spins on (inertia)");
	CHECKV(t, row_matches(t, -1, "Cloud", STARTS), "cloud drag: no page was opened");
	vt_free(t);
	free(before);
}

/* The list behind `l`. */
static void
test_cloud_list(void)
{
	int last = fx.npages - 1;
	const struct fx_tag *second = tag_ranked(1), *third = tag_ranked(2);
	struct vt *t = start(24, 80, ARGS("--page", fx.page[last].id), NONE);
	size_t extra = 0;
	long woke = 0;

	CHECKV(t, wait_at(t, EN, last, 0), "cloud list: --page %s", fx.page[last].id);
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud list: the cloud");
	vt_keys(t, "l");
	CHECKV(t, wait_row(t, 1, list_row(0), STARTS) && wait_row(t, 2, list_row(1), STARTS)
	       && wait_row(t, 3, list_row(2), STARTS) && row_matches(t, -1, "Cloud", STARTS),
	       "cloud list: l shows the tags as a list, heaviest first, each with its page");
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && silent_for(t, 300, &extra, &woke),
	       "cloud list: the list is still: no output (%zu bytes), no wake-up (%ld)", extra,
	       woke);
	vt_keys(t, "j");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, second->label[EN]),
	       "cloud list: j selects the second tag, highlighted");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_tag_page(t, second),
	       "cloud list: j, Enter opens the second tag's page (%s) at its block",
	       title(EN, second->page));
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "Cloud") && wait_row(t, 2, second->label[EN], STARTS),
	       "cloud list: Backspace returns to the Cloud, its list");
	vt_key(t, VT_KEY_DOWN);
	vt_key(t, VT_KEY_DOWN);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, tag_ranked(3)->label[EN]),
	       "cloud list: Down Down selects the fourth, %s", tag_ranked(3)->label[EN]);
	vt_key(t, VT_KEY_UP);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, third->label[EN]),
	       "cloud list: Up the third");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_tag_page(t, third), "cloud list: Enter: %s's page", third->label[EN]);
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && wait_row(t, 1, list_row(0), STARTS),
	       "cloud list: %c: the list again", tab_key(fx.npages));
	vt_keys(t, "l");
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_shown, NULL) && body_changes(t, 500),
	       "cloud list: l again: the cloud, moving");
	vt_free(t);
}

/* NO_COLOR: the cloud still shows labels, with no colour at all. */
static void
test_cloud_no_color(void)
{
	struct vt *t = start_cloud(24, 80, NONE, ARGS("NO_COLOR=1"));

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && !vt_screen_has_color(t),
	       "cloud NO_COLOR=1: labels shown, no colour");
	CHECKV(t, body_changes(t, 500) && !vt_screen_has_color(t),
	       "cloud NO_COLOR=1: it moves, still no colour");
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, tag_ranked(0)->label[EN])
	       && !vt_screen_has_color(t),
	       "cloud NO_COLOR=1: the focused tag stands out without colour");
	vt_free(t);
}

/* ------------------------------------------------------------ 3. languages */

/* The link that ends the last page (the tests follow it from there), and
 * the block of the first page it leads to: a block in the middle of it,
 * that the tests also scroll to. */
static const struct fx_block *
back_link(void)
{
	const struct fx_page *p = &fx.page[fx.npages - 1];
	int b = last_link(fx.npages - 1);

	return b >= 0 && p->block[b].page == 0 && p->block[b].block >= 0 ? &p->block[b] : NULL;
}

static int
middle_block(void)
{
	return back_link() != NULL ? back_link()->block : 0;
}

static void
test_lang_keeps_place(void)
{
	/* 80x14: the first page is long enough to put the block on top. */
	struct vt *t = start(14, 80, NONE, NONE);
	int b = middle_block();
	const char *id = fx.page[0].block[b].id;
	long line = dump_block_line(dump_on(t, EN, 0), b);

	CHECK(back_link() != NULL && on_top_everywhere(0, b, 14, 80),
	      "lang: the fixture's last page links to block '%s' of the first, which starts "
	      "above the last top line at 80x14 in every language", id);
	CHECKV(t, wait_at(t, EN, 0, 0), "lang: %s at 80x14", title(EN, 0));
	CHECKV(t, scroll_to(t, EN, 0, line), "lang: j x%ld puts block '%s' on row 1", line, id);
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, tabs(KO), HAS) && wait_block(t, KO, 0, b),
	       "lang: L switches to Korean, tabs and status too, and the same block is on "
	       "row 1");
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, tabs(JA), HAS) && wait_block(t, JA, 0, b),
	       "lang: L again: Japanese, the same block on row 1");
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, -1, "H: ", STARTS),
	       "lang: the first H says on the status line what it does here (lynx and w3m "
	       "readers press H for help)");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_block(t, KO, 0, b), "lang: H goes back to Korean, same block");
	vt_keys(t, "H");
	CHECKV(t, wait_at(t, EN, 0, line),
	       "lang: H again: English at exactly the same line (%ld)", line + 1);
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, 0, tabs(ZH), HAS) && wait_block(t, ZH, 0, b),
	       "lang: H from English wraps to Chinese, the same block at the top");
	vt_keys(t, "L");
	CHECKV(t, wait_at(t, EN, 0, line),
	       "lang: L from Chinese wraps to English, the block still at the top");
	vt_free(t);
}

/* ------------------------------------------------------------ 4. search */

static void
test_search_en(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	struct dump_hit h[4];
	int nh = dump_hits(dump_on(t, EN, 0), word_once, h, 4), w = cols_of(word_once);
	struct lit m[32];
	char echo[80];
	int n, r = h[0].line + 1, c = h[0].col;

	CHECK(nh == 1 && h[0].line < 22 && strcmp(h[0].text, word_once) != 0,
	      "search: the fixture's first page has '%s' once (%d), on its first screen, "
	      "written otherwise ('%s')", word_once, nh, nh > 0 ? h[0].text : "");
	CHECKV(t, wait_at(t, EN, 0, 0), "search: %s", title(EN, 0));
	vt_keys(t, "/");
	CHECKV(t, wait_row(t, -1, "/", IS) && vt_cursor_visible(t),
	       "search: / opens the prompt on the status line, with a visible cursor");
	vt_type(t, word_once);
	snprintf(echo, sizeof echo, "/%s", word_once);
	CHECKV(t, wait_row(t, -1, echo, IS), "search: the pattern is echoed");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_lits(t, h[0].text, 1) && (n = lit_runs(t, m, 32)) == 1
	       && m[0].row == r && m[0].col == c
	       && looks_differ(t, r, c, r, c - 1) && looks_differ(t, r, c + w - 1, r, c + w),
	       "search: '%s' finds '%s' (ignoring case), highlighted, its neighbours not",
	       word_once, h[0].text);
	CHECKV(t, wait_at(t, EN, 0, 0) && !vt_cursor_visible(t),
	       "search: the prompt is closed, the cursor hidden again");
	vt_keys(t, "n");
	CHECKV(t, wait_row(t, -1, "wrapped", HAS) && wait_lits(t, h[0].text, 1),
	       "search: n with one match says the search wrapped");
	vt_keys(t, "N");
	CHECKV(t, wait_row(t, -1, "wrapped to the bottom", HAS),
	       "search: N wraps to the bottom and says so");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_at(t, EN, 0, 0), "search: Esc clears the message");
	vt_keys(t, "/zzzz");
	CHECKV(t, wait_row(t, -1, "/zzzz", IS), "search: typing zzzz");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_row(t, -1, "Not found: zzzz", HAS) && lit_runs(t, m, 32) == 0,
	       "search: zzzz is 'Not found', and the old highlight is gone");
	vt_keys(t, "n");
	CHECKV(t, wait_row(t, -1, "Not found: zzzz", HAS), "search: n repeats 'Not found'");
	/* Cancelling: Esc, and Backspace on an empty pattern. */
	vt_keys(t, "j/abc");
	CHECKV(t, wait_row(t, -1, "/abc", IS), "search: a new prompt");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_at(t, EN, 0, 1), "search: Esc cancels the prompt");
	vt_keys(t, "/q");
	CHECKV(t, wait_row(t, -1, "/q", IS), "search: q in the prompt is text, not quit");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_row(t, -1, "/", IS), "search: Backspace removes a character");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_at(t, EN, 0, 1) && alive(t),
	       "search: Backspace on the empty pattern cancels");
	/* A click elsewhere abandons the pattern: keys work on the new tab
	 * (the torture tests found the cloud deaf to them). */
	vt_keys(t, "/abc");
	CHECKV(t, wait_row(t, -1, "/abc", IS) && click_top(t, "Cloud", 1)
	       && wait_status(t, "Cloud"),
	       "search: a click on a tab while typing a pattern leaves the prompt");
	show_tab(t, 0);
	CHECKV(t, wait_at(t, EN, 0, 0), "search: ...and keys work after it (1: the first page, "
	       "from its top)");
	vt_free(t);
}

/* The current match is at (row, col) with text: the one mark there has
 * the look of the current match, and no other mark has it. */
struct curwant {
	int row, col;
	const char *text;
	struct vt_cell look;
};

static bool
pred_current(struct vt *t, void *arg)
{
	const struct curwant *w = arg;
	struct lit m[32];
	int n = lit_runs(t, m, 32);
	bool found = false;

	for (int i = 0; i < n; i++) {
		bool here = m[i].row == w->row && m[i].col == w->col;

		if (here != same_look(&m[i].look, &w->look))
			return false;
		found = found || (here && strcmp(m[i].text, w->text) == 0);
	}
	return found;
}

/* Eventually the body is d from line top, with h the current match. */
static bool
wait_current(struct vt *t, const struct dump *d, long top, const struct dump_hit *h,
             const struct vt_cell *look)
{
	struct curwant w = {(int)(h->line - top) + 1, h->col, h->text, *look};

	return wait_body_from(t, d, top) && vt_wait(t, T_WAIT, pred_current, &w);
}

/* A word on several screens: n goes from match to match, bringing each
 * into view, and wraps at the end; N wraps back to the last. */
static void
test_search_screens(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	const struct dump *d = dump_on(t, EN, 0);
	struct dump_hit h[16], once = {0, 0, ""};
	int nh = dump_hits(d, word_many, h, 16);
	struct vt_cell look;
	long top = 0;

	memset(&look, 0, sizeof look);
	CHECK(nh >= 3 && h[nh - 1].line >= 22 && dump_hits(d, word_once, &once, 1) == 1,
	      "search screens: the fixture's first page has '%s' on more than one screen "
	      "(%d times), and '%s'", word_many, nh, word_once);
	CHECKV(t, wait_at(t, EN, 0, 0), "search screens: %s", title(EN, 0));
	/* A single match is the current one: its look.  (Typed as the page
	 * writes it: what this test checks does not hang on case.) */
	search_word(t, once.text);
	CHECKV(t, vt_wait(t, T_WAIT, pred_one_lit, &look),
	       "search screens: '%s': one match, the current one", once.text);
	search_word(t, word_many);
	CHECKV(t, nh > 0 && wait_current(t, d, top, &h[0], &look),
	       "search screens: '%s': the first match is the current one, on row %ld", word_many,
	       h[0].line + 1);
	for (int k = 1; k < nh; k++) {
		vt_keys(t, "n");
		top = shown_top(t, EN, 0, top, h[k].line);
		CHECKV(t, wait_at(t, EN, 0, top) && wait_current(t, d, top, &h[k], &look),
		       "search screens: n: match %d of %d (line %ld) is the current one, the "
		       "page from line %ld", k + 1, nh, h[k].line + 1, top + 1);
	}
	/* Past the last match, the whole site: n names the page with the next
	 * one, and n again goes there, to its first. */
	{
		int next = -1;
		struct dump_hit there[1];

		for (int p = 1; p < fx.npages && next < 0; p++)
			if (dump_hits(page_dump(EN, p, 80), word_many, there, 1) > 0)
				next = p;
		vt_keys(t, "n");
		CHECKV(t, next > 0 && wait_row(t, -1, "goes on to", HAS)
		       && row_matches(t, -1, title(EN, next), HAS),
		       "search screens: n on the last match names the next page that has one "
		       "(%s)", next > 0 ? title(EN, next) : "none");
		vt_keys(t, "n");
		CHECKV(t, next > 0 && wait_status(t, title(EN, next))
		       && vt_wait(t, T_WAIT, pred_one_lit, &look),
		       "search screens: n again goes there, its first match the current one");
		vt_keys(t, "N");
		CHECKV(t, wait_row(t, -1, "goes back to", HAS) && row_matches(t, -1, title(EN, 0), HAS),
		       "search screens: N there names the page before with a match");
	}
	/* A word on one page only wraps round it, and says so. */
	show_tab(t, 0);
	search_word(t, once.text);
	vt_keys(t, "n");
	CHECKV(t, wait_row(t, -1, "wrapped to the top", HAS),
	       "search screens: n on the only match of '%s' (on no other page) wraps, and says "
	       "so", once.text);
	vt_keys(t, "N");
	CHECKV(t, wait_row(t, -1, "wrapped to the bottom", HAS),
	       "search screens: N wraps the other way, and says so");
	vt_free(t);
}

static void
test_search_ko(void)
{
	struct vt *t = start(24, 80, ARGS("--lang", "ko"), NONE);
	struct dump_hit h[16];
	int nh = dump_hits(dump_on(t, KO, 0), word_ko, h, 16), on_first = 0;
	struct lit m[32];
	char echo[80];
	int n = 0, cur, first_row = -1, first_col = -1;

	while (on_first < nh && h[on_first].line < 22)
		on_first++;
	CHECK(on_first >= 3, "search ko: the fixture's Korean first screen has '%s' %d times "
	      "(3 or more)", word_ko, on_first);
	CHECKV(t, wait_at(t, KO, 0, 0), "search ko: %s", title(KO, 0));
	vt_keys(t, "/");
	vt_type(t, word_ko);
	snprintf(echo, sizeof echo, "/%s", word_ko);
	CHECKV(t, wait_row(t, -1, echo, IS), "search ko: the Korean pattern is echoed");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_lits(t, word_ko, on_first) && (n = lit_runs(t, m, 32)) == on_first
	       && (cur = lit_lone(m, n)) >= 0,
	       "search ko: '%s' is highlighted %d times, one of them as the current match",
	       word_ko, on_first);
	cur = lit_lone(m, n);
	if (cur >= 0) {
		first_row = m[cur].row;
		first_col = m[cur].col;
	}
	vt_keys(t, "n");
	/* Wait until the current match moved. */
	{
		bool moved = false;
		int k;

		for (k = 0; k < 50 && !moved; k++) {
			vt_wait(t, 100, NULL, NULL);
			n = lit_runs(t, m, 32);
			cur = lit_lone(m, n);
			moved = cur >= 0 && (m[cur].row != first_row || m[cur].col != first_col)
			        && strcmp(m[cur].text, word_ko) == 0;
		}
		CHECKV(t, moved, "search ko: n moves the current match (from row %d col %d)",
		       first_row, first_col);
	}
	vt_keys(t, "N");
	{
		bool back = false;

		for (int k = 0; k < 50 && !back; k++) {
			vt_wait(t, 100, NULL, NULL);
			n = lit_runs(t, m, 32);
			cur = lit_lone(m, n);
			back = cur >= 0 && m[cur].row == first_row && m[cur].col == first_col;
		}
		CHECKV(t, back, "search ko: N moves it back");
	}
	vt_free(t);
}

/* ------------------------------------------------------------ 5. help */

/* The help, after a switch to Korean (translated or not). */
static bool
pred_help_ko(struct vt *t, void *arg)
{
	(void)arg;
	return row_matches(t, 0, tabs(KO), HAS)
	    && (row_matches(t, 1, "키 안내", STARTS) || row_matches(t, 1, "Keys", STARTS));
}

static void
test_help(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_at(t, EN, 0, 0), "help: %s", title(EN, 0));
	vt_keys(t, "jjj");
	CHECKV(t, wait_at(t, EN, 0, 3), "help: jjj scrolls to line 4");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS) && wait_status(t, "Help")
	       && wait_row(t, 3, "Reading", STARTS),
	       "help: ? opens the help, 'Keys', status 'Help'");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_at(t, EN, 0, 3), "help: Esc closes it, the page is back at the same line");
	vt_key(t, VT_KEY_F1);
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: F1 opens the help");
	vt_keys(t, "q");
	CHECKV(t, wait_at(t, EN, 0, 3) && alive(t), "help: q closes the help and does not quit");
	vt_key(t, VT_KEY_F1);
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: F1 again");
	vt_key(t, VT_KEY_F1);
	CHECKV(t, wait_at(t, EN, 0, 3), "help: F1 in the help closes it");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: ? again");
	vt_keys(t, "?");
	CHECKV(t, wait_at(t, EN, 0, 3), "help: ? in the help closes it");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: ? once more");
	vt_keys(t, "G");
	CHECKV(t, wait_row(t, -2, "quit", HAS), "help: G scrolls the help to its end");
	vt_keys(t, "g");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: g to its top");
	/* A page key in the help: closes it.  Pressing the number of the page
	 * one is on leaves the page as it was (outside the help, '1' on the
	 * first page does nothing), so in the help it should only close it. */
	show_tab(t, 0);
	CHECKV(t, wait_not_row(t, 1, "Keys", STARTS) && wait_at(t, EN, 0, 3),
	       "help: 1 (the current page) closes the help and keeps the reading position");
	vt_free(t);

	/* Switching the language with the help open: the help stays, in the
	 * new language (view_help.c looks its strings up at draw time "so a
	 * language switch changes the help too"; the manual lists only Esc, q,
	 * ? and F1 as closing it). */
	t = start(24, 80, NONE, NONE);
	CHECKV(t, wait_at(t, EN, 0, 0), "help+L: %s", title(EN, 0));
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help+L: the help is open");
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, tabs(KO), HAS) && vt_wait(t, T_WAIT, pred_help_ko, NULL),
	       "help+L: L in the help switches the language and the help stays open");
	vt_free(t);
}

/* ------------------------------------------------------------ 6. scrolling */

static void
test_scroll(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	struct scrolled s = scrolled(t, EN, 0);
	long screen, half;

	CHECK(s.max > 0, "scroll: the fixture's first page is longer than a screen at 80x24");
	CHECKV(t, wait_at(t, EN, 0, 0), "scroll: %s at the top, with its percentage",
	       title(EN, 0));
	vt_keys(t, "G");
	expect_move(&s, LONG_MAX, "scroll: G goes to the end: 100%, the last line on the last "
	            "body row");
	vt_keys(t, "g");
	expect_move(&s, LONG_MIN, "scroll: g goes back to the top");
	vt_key(t, VT_KEY_END);
	expect_move(&s, LONG_MAX, "scroll: End");
	vt_key(t, VT_KEY_HOME);
	expect_move(&s, LONG_MIN, "scroll: Home");
	vt_keys(t, ">");
	expect_move(&s, LONG_MAX, "scroll: >");
	vt_keys(t, "<");
	expect_move(&s, LONG_MIN, "scroll: <");
	vt_keys(t, "k");
	CHECKV(t, vt_wait_quiet(t, 150, T_WAIT) && wait_at(t, EN, 0, 0),
	       "scroll: k at the top stays at the top");
	vt_free(t);

	/* Screens: 80x12 has a body of 10 rows, a screen is 9 lines. */
	t = start(12, 80, NONE, NONE);
	s = scrolled(t, EN, 0);
	screen = 12 - 3;
	half = screen / 2 + 1;
	CHECK(s.max > 2 * screen, "scroll 80x12: the page is more than three screens");
	CHECKV(t, wait_at(t, EN, 0, 0), "scroll 80x12: %s", title(EN, 0));
	vt_keys(t, " ");
	expect_move(&s, screen, "scroll 80x12: Space goes one screen down");
	while (s.top < s.max) {
		vt_keys(t, " ");
		expect_move(&s, screen, "scroll 80x12: Space again, until the end");
	}
	vt_keys(t, " ");
	CHECKV(t, vt_wait_quiet(t, 150, T_WAIT) && wait_at(t, EN, 0, s.max),
	       "scroll 80x12: Space at the end stays");
	vt_keys(t, "b");
	expect_move(&s, -screen, "scroll 80x12: b one screen up");
	vt_keys(t, "g");
	expect_move(&s, LONG_MIN, "scroll 80x12: g");
	vt_key(t, VT_KEY_PGDN);
	expect_move(&s, screen, "scroll 80x12: PgDn");
	vt_key(t, VT_KEY_PGUP);
	expect_move(&s, -screen, "scroll 80x12: PgUp");
	vt_key(t, VT_KEY_PGDN);
	expect_move(&s, screen, "scroll 80x12: PgDn again");
	vt_keys(t, "d");
	expect_move(&s, half, "scroll 80x12: d half a screen down");
	vt_keys(t, "u");
	expect_move(&s, -half, "scroll 80x12: u half a screen up");
	vt_key(t, VT_KEY_DOWN);
	expect_move(&s, 1, "scroll 80x12: Down");
	vt_key(t, VT_KEY_UP);
	expect_move(&s, -1, "scroll 80x12: Up");
	vt_char(t, 'f', VT_MOD_CTRL);
	expect_move(&s, screen, "scroll 80x12: Ctrl-F");
	vt_char(t, 'b', VT_MOD_CTRL);
	expect_move(&s, -screen, "scroll 80x12: Ctrl-B");
	vt_free(t);
}

/* ------------------------------------------------------------ 7. links */

/* Eventually the page shows from top with link b selected (highlighted
 * where its text starts). */
static bool
wait_link_selected(struct vt *t, int p, long top, int b)
{
	int rc[2] = {(int)(line_of(t, EN, p, b) - top) + 1, text_margin(vt_cols(t)) + 3};

	return b >= 0 && wait_at(t, EN, p, top) && vt_wait(t, T_WAIT, pred_marked, rc);
}

/* Eventually the page that link b of page p leads to shows, at its
 * block. */
static bool
wait_followed(struct vt *t, int p, int b)
{
	const struct fx_block *l = &fx.page[p].block[b];

	return b >= 0 && wait_block(t, EN, l->page, l->block);
}

static void
test_links(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int lb = last_link(0), sel, last = fx.npages - 1;
	long end = end_top(t, EN, 0), top, row = line_of(t, EN, 0, lb) - end + 1;
	struct vt_cell before, after;

	CHECKV(t, wait_at(t, EN, 0, 0), "links: %s", title(EN, 0));
	vt_keys(t, "G");
	CHECKV(t, wait_at(t, EN, 0, end) && row == 22 && vt_wait_quiet(t, 100, T_WAIT),
	       "links: the page ends with a link, on the last body row");
	sel = link_from(t, EN, 0, end);
	look_at(t, row, text_margin(80) + 3, &before);
	vt_keys(t, "]");
	CHECKV(t, sel == lb && wait_link_selected(t, 0, end, sel)
	       && look_at(t, row, text_margin(80) + 3, &after)
	       && !same_look(&before, &after) && !highlighted(&before),
	       "links: ] selects the first link on the screen, the last of the page, drawn "
	       "highlighted");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_followed(t, 0, lb), "links: Enter follows it to %s",
	       title(EN, fx.page[0].block[lb].page));
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_at(t, EN, 0, end), "links: Backspace goes back, at the same line");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_followed(t, 0, lb), "links: Right goes forward again");
	vt_key(t, VT_KEY_LEFT);
	CHECKV(t, wait_at(t, EN, 0, end), "links: Left goes back");
	vt_key(t, VT_KEY_LEFT);
	CHECKV(t, wait_row(t, -1, "Already at the start of the history", HAS),
	       "links: Left with nothing behind says so");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_followed(t, 0, lb), "links: Right once more");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_row(t, -1, "Already at the end of the history", HAS),
	       "links: Right with nothing ahead says so");
	vt_free(t);

	/* Back from a page switch, at a position that is not the end. */
	t = start(24, 80, NONE, NONE);
	CHECKV(t, wait_at(t, EN, 0, 0), "links: %s", title(EN, 0));
	vt_keys(t, "jjj");
	CHECKV(t, wait_at(t, EN, 0, 3), "links: at line 4");
	show_tab(t, 1);
	CHECKV(t, wait_at(t, EN, 1, 0), "links: %c to %s", tab_key(1), title(EN, 1));
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_at(t, EN, 0, 3), "links: Backspace returns to %s at line 4", title(EN, 0));
	/* Enter with no link selected selects the first one below. */
	vt_keys(t, "g");
	CHECKV(t, wait_at(t, EN, 0, 0), "links: top");
	sel = link_from(t, EN, 0, 0);
	top = shown_top(t, EN, 0, 0, line_of(t, EN, 0, sel));
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, sel != lb && wait_link_selected(t, 0, top, sel),
	       "links: Enter with none selected selects the first link (not the last: the "
	       "page has several) and stays");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_followed(t, 0, sel), "links: Enter again follows it");
	vt_keys(t, "1G");
	CHECKV(t, wait_at(t, EN, 0, end), "links: %s, end", title(EN, 0));
	{
		/* (English, so a byte a column but for the arrow's.) */
		char *rt = vt_row_text(t, (int)row);
		int past = rt != NULL ? (int)strlen(rt) + 2 : 80;

		free(rt);
		CHECKV(t, past < 79 && slow_click(t, (int)row, past)
		       && vt_wait_quiet(t, 300, T_WAIT) && wait_at(t, EN, 0, end),
		       "links: a click on the link's row past its text does nothing (w3m "
		       "follows a click on the anchor only)");
	}
	CHECKV(t, slow_click(t, (int)row, 8) && wait_followed(t, 0, lb),
	       "links: a click on the link's text follows it");
	vt_free(t);

	/* The last page -> the first, at the block named by the link. */
	t = start(14, 80, ARGS("--page", fx.page[last].id), NONE);
	lb = last_link(last);
	top = shown_top(t, EN, last, 0, line_of(t, EN, last, lb));
	CHECKV(t, wait_at(t, EN, last, 0), "links 80x14: %s", title(EN, last));
	vt_keys(t, "]");
	CHECKV(t, back_link() != NULL && top > 0 && link_from(t, EN, last, 0) == lb
	       && wait_link_selected(t, last, top, lb),
	       "links 80x14: ] scrolls to the link at the end of the page");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_followed(t, last, lb),
	       "links 80x14: it leads to %s with its block '%s' on row 1", title(EN, 0),
	       fx.page[0].block[middle_block()].id);
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_at(t, EN, last, top),
	       "links 80x14: Backspace returns to %s where it was", title(EN, last));
	vt_free(t);

	t = start(24, 80, ARGS("--page", fx.page[last].id), NONE);
	row = line_of(t, EN, last, lb) + 1;
	CHECKV(t, wait_at(t, EN, last, 0) && row < 23,
	       "links 80x24: %s shows its link (row %ld)", title(EN, last), row);
	CHECKV(t, slow_click(t, (int)row, 10) && wait_followed(t, last, lb),
	       "links 80x24: a click on it shows %s with the block as near the top as the "
	       "page lets it", title(EN, 0));
	vt_free(t);
}

/* ------------------------------------------------------------ 8. resize */

static void
check_frame(struct vt *t, const char *what)
{
	char status[128];

	snprintf(status, sizeof status, "%s  ", title(EN, 0));
	CHECKV(t, cells_sane(t, NULL, true) && row_matches(t, 0, title(EN, 0), HAS)
	       && row_matches(t, -1, status, STARTS),
	       "resize %s: top bar on row 0, status on the last row, no wide "
	       "character cut", what);
}

static void
test_resize(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int b = middle_block();
	long line;

	CHECKV(t, wait_at(t, EN, 0, 0), "resize: 80x24");
	CHECKV(t, scroll_to(t, EN, 0, line_of(t, EN, 0, 0)),
	       "resize: the first block on row 1");
	vt_resize(t, 12, 41);
	CHECKV(t, wait_block(t, EN, 0, 0),
	       "resize 41x12: reflowed as --dump at 39 columns, the first block still on row 1");
	check_frame(t, "41x12");
	vt_resize(t, 40, 120);
	CHECKV(t, wait_block(t, EN, 0, 0) && wait_row(t, 0, fx.title[EN], HAS),
	       "resize 120x40: reflowed as --dump at 100 columns, the first block on top, "
	       "the site's title in the top bar");
	check_frame(t, "120x40");
	vt_resize(t, 24, 80);
	CHECKV(t, wait_block(t, EN, 0, 0), "resize 80x24 again: reflowed");
	check_frame(t, "80x24");
	vt_resize(t, 1, 1);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && alive(t), "resize 1x1: still running");
	vt_resize(t, 3, 5);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && alive(t), "resize 5x3: still running");
	vt_resize(t, 24, 80);
	CHECKV(t, wait_block(t, EN, 0, 0) && wait_row(t, 0, tabs(EN), HAS),
	       "resize 1x1, 5x3, 80x24: draws correctly again");
	vt_resize(t, 4, 15);
	CHECKV(t, wait_row(t, 1, "Terminal too", IS) && wait_row(t, 2, "small", IS) && alive(t),
	       "resize 15x4: the 'Terminal too small' notice, whole, over two rows");
	vt_resize(t, 10, 19);
	CHECKV(t, wait_row(t, 5, "Terminal too small", IS), "resize 19x10: the whole notice");
	vt_keys(t, "jq");
	CHECKV(t, vt_wait_exit(t, T_WAIT, NULL), "resize: keys still work at 19x10 (q quits)");
	vt_free(t);

	/* A block's start stays on top: 80x14 -> 41x12 -> 80x14. */
	t = start(14, 80, NONE, NONE);
	line = line_of(t, EN, 0, b);
	CHECK(on_top_everywhere(0, b, 14, 80) && on_top_everywhere(0, b, 12, 41),
	      "resize: the fixture's block '%s' starts above the last top line at 80x14 and "
	      "41x12", fx.page[0].block[b].id);
	CHECKV(t, wait_at(t, EN, 0, 0), "resize: 80x14");
	CHECKV(t, scroll_to(t, EN, 0, line), "resize: block '%s' on row 1",
	       fx.page[0].block[b].id);
	vt_resize(t, 12, 41);
	CHECKV(t, wait_block(t, EN, 0, b), "resize 41x12: the block is still on row 1");
	vt_resize(t, 14, 80);
	CHECKV(t, wait_at(t, EN, 0, line), "resize back to 80x14: the same line as before");
	vt_free(t);

	/* Japanese at odd widths. */
	t = start(24, 80, ARGS("--lang", "ja"), NONE);
	CHECKV(t, wait_at(t, JA, 0, 0), "resize ja: 80x24");
	{
		static const int sizes[][2] = {{12, 41}, {9, 33}, {30, 61}, {10, 27}, {24, 80}};
		char status[128];

		snprintf(status, sizeof status, "%s  ", title(JA, 0));
		for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
			vt_resize(t, sizes[i][0], sizes[i][1]);
			CHECKV(t, wait_body(t, JA, 0) && cells_sane(t, NULL, true)
			       && row_matches(t, 0, title(JA, 0), HAS)
			       && row_matches(t, -1, status, STARTS),
			       "resize ja %dx%d: reflowed as --dump, top bar, status, whole wide "
			       "characters", sizes[i][1], sizes[i][0]);
		}
	}
	vt_free(t);
}

/* ------------------------------------------------------------ 9, 10. leaving */

static void
check_restored(struct vt *t, const char *what)
{
	CHECKV(t, restored(t, CURSOR_VT),
	       "%s: the terminal is restored (main screen, cursor visible, mouse off)",
	       what);
}

static void
test_quit(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int st = -1;

	CHECKV(t, wait_at(t, EN, 0, 0) && vt_mouse_mode(t) != 0, "quit: started");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	       "quit: q exits with status 0");
	check_restored(t, "quit");
	CHECKV(t, vt_find_text(t, title(EN, 0), NULL, NULL) == 0,
	       "quit: the main screen does not show the page");
	vt_free(t);
}

static void
test_signal(int sig, const char *name, bool typed)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int st = -1;
	char what[64];

	snprintf(what, sizeof what, "%s%s", name, typed ? " (typed Ctrl-C)" : "");
	CHECKV(t, wait_at(t, EN, 0, 0), "%s: started", what);
	if (typed)
		vt_char(t, 'c', VT_MOD_CTRL);
	else
		vt_signal(t, sig);
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st)
	       && ((WIFSIGNALED(st) && WTERMSIG(st) == sig) || WIFEXITED(st)),
	       "%s: the program ends (%s)", what,
	       WIFSIGNALED(st) ? "killed by the signal" : "exited");
	check_restored(t, what);
	vt_free(t);
}

/* ------------------------------------------------------------ 11. no terminal */

static void
test_not_a_tty(void)
{
	struct output o;
	char *argv[] = {(char *)tui, (char *)"--ambiguous=narrow", NULL};
	struct vt *t;
	int st = -1;

	/* Output to a pipe or a file, as man and git do: the pages as plain
	 * text, every one, and status 0 -- whatever the input is. */
	{
		char *dump_argv[] = {(char *)tui, (char *)"--dump", NULL};
		struct output d;
		bool ok = run_capture(argv, plain_env(), &o) && run_capture(dump_argv,
		                                                            plain_env(), &d);

		CHECK(ok && WIFEXITED(o.status) && WEXITSTATUS(o.status) == 0 && o.nerr == 0
		      && o.nout > 0 && o.nout == d.nout && memcmp(o.out, d.out, o.nout) == 0,
		      "no tty: stdin /dev/null, stdout a pipe: status 0, every page as --dump "
		      "prints them, nothing on stderr");
		output_free(&o);
		output_free(&d);
	}

	/* stdout the terminal, stdin not: refused, the message on the screen. */
	{
		char *sh_argv[] = {(char *)"sh", (char *)"-c",
		                   (char *)"\"$0\" --ambiguous=narrow </dev/null; echo \"rc=$?\"",
		                   (char *)tui, NULL};
		char *env[] = {data_env, NULL};

		t = vt_spawn(24, 80, sh_argv, env);
		CHECKV(t, t != NULL && vt_wait_text(t, "rc=2", T_WAIT)
		       && vt_find_text(t, "--dump", NULL, NULL) > 0,
		       "no tty: stdin /dev/null in a terminal: status 2, '--dump' on the screen");
		vt_free(t);
	}

	t = start(24, 80, NONE, ARGS("TERM=dumb"));
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 2
	       && vt_find_text(t, "dumb", NULL, NULL) > 0
	       && vt_find_text(t, "--dump", NULL, NULL) > 0 && !vt_altscreen(t),
	       "TERM=dumb: status 2, a message naming 'dumb' and --dump");
	vt_free(t);

	t = start(24, 80, NONE, ARGS("TERM=nonexistent-terminal"));
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 2
	       && vt_find_text(t, "'nonexistent-terminal'", NULL, NULL) > 0
	       && vt_find_text(t, "unknown terminal", NULL, NULL) > 0,
	       "TERM=nonexistent-terminal: status 2, 'unknown terminal type' named");
	vt_free(t);

	t = start(24, 80, NONE, ARGS("TERM"));
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 2
	       && vt_find_text(t, "TERM", NULL, NULL) > 0,
	       "TERM unset: status 2, a message about TERM");
	vt_free(t);
}

/* ------------------------------------------------------------ 12. colour */

static void
test_color(void)
{
	static const struct {
		const char *args[3], *env[3];
		bool color;
		const char *what;
	} cases[] = {
		{{NULL}, {NULL}, true, "default: colour"},
		{{NULL}, {"NO_COLOR=1", NULL}, false, "NO_COLOR=1: no colour"},
		{{NULL}, {"NO_COLOR=", NULL}, true, "NO_COLOR empty: colour"},
		{{"--color=never", NULL}, {NULL}, false, "--color=never: no colour"},
		{{"--color=always", NULL}, {"NO_COLOR=1", NULL}, true,
		 "--color=always with NO_COLOR=1: colour"},
		{{"--color=auto", NULL}, {"NO_COLOR=yes", NULL}, false,
		 "--color=auto with NO_COLOR=yes: no colour"},
		{{NULL}, {"TERM=vt100", NULL}, false, "TERM=vt100 (no colours): no colour"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct vt *t = start(24, 80, cases[i].args, cases[i].env);
		int r = -1, c = -1, r2 = -1, c2 = -1;

		CHECKV(t, wait_at(t, EN, 0, 0) && vt_screen_has_color(t) == cases[i].color,
		       "colour: %s", cases[i].what);
		CHECKV(t, vt_find_text(t, title(EN, 0), &r, &c) > 0 && r == 0
		       && vt_find_text(t, title(EN, 1), &r2, &c2) > 0 && r2 == 0
		       && looks_differ(t, 0, c, 0, c2),
		       "colour: %s: the current tab still stands out", cases[i].what);
		vt_free(t);
	}

	/* 8 colours: only the first 8 (16) palette entries. */
	{
		struct vt *t = start(24, 80, NONE, ARGS("TERM=xterm"));
		bool small = true;

		CHECKV(t, wait_at(t, EN, 0, 0) && vt_screen_has_color(t),
		       "colour: TERM=xterm has colour");
		for (int r = 0; r < 24; r++)
			for (int c = 0; c < 80; c++) {
				struct vt_cell cell;

				vt_cell(t, r, c, &cell);
				if ((!cell.fg_default && (cell.fg_index < 0 || cell.fg_index > 15))
				    || (!cell.bg_default && (cell.bg_index < 0 || cell.bg_index > 15)))
					small = false;
			}
		CHECKV(t, small, "colour: TERM=xterm uses only the 8/16 basic colours");
		/* Bold black is dark grey where bold is drawn bright (xterm's
		 * default, the Linux console): about 2:1 on green.  Black text
		 * must be plain: the current tab, the current language. */
		{
			int bad = 0, r = -1, c = -1;

			for (int col = 0; col < 80; col++) {
				struct vt_cell cell;

				if (vt_cell(t, 0, col, &cell) && !cell.fg_default
				    && cell.fg_index == 0 && cell.bold)
					bad++;
			}
			CHECKV(t, bad == 0 && vt_find_text(t, "EN", &r, &c) > 0,
			       "colour: TERM=xterm: no bold black on the top bar (%d cells)", bad);
		}
		vt_free(t);
	}

	/* Without colour, the search highlight is still visible. */
	{
		struct vt *t = start(24, 80, NONE, ARGS("NO_COLOR=1"));

		struct dump_hit h[1];

		CHECKV(t, wait_at(t, EN, 0, 0), "colour: NO_COLOR search");
		search_word(t, word_once);
		CHECKV(t, dump_hits(dump_on(t, EN, 0), word_once, h, 1) == 1
		       && wait_lits(t, h[0].text, 1) && !vt_screen_has_color(t),
		       "colour: NO_COLOR=1: the match is highlighted without colour");
		vt_free(t);
	}
}

/* ------------------------------------------------------------ 13. Ctrl-Z */

/* What xterm-256color's rmcup starts with, and the mouse turned off. */
#define RMCUP "\033[?1049l"

static bool
pred_raw_after(struct vt *t, void *arg)
{
	const size_t *off = arg;

	return vt_raw_seen_from(t, *off, RMCUP, sizeof RMCUP - 1);
}

static bool
pred_drawn(struct vt *t, void *arg)
{
	return vt_altscreen(t) && vt_mouse_mode(t) != 0 && pred_row(t, arg);
}

/* The first page's status line at line top of a 24x80 screen, in buf, as
 * a row for pred_drawn. */
static struct rowwant
status_row(long top, char *buf, size_t size)
{
	const struct dump *d = page_dump(EN, 0, 80);

	snprintf(buf, size, "?");
	if (d != NULL)
		status_at(d, top, 24, buf, size);
	return (struct rowwant){-1, buf, STARTS};
}

static void
test_suspend_orphan(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	char at3[128];
	struct rowwant w = status_row(2, at3, sizeof at3);
	size_t off;

	/* The harness's child is a session leader whose parent is in another
	 * session: its process group is orphaned, and the kernel discards a
	 * stop signal sent to it.  So Ctrl-Z cannot stop it here: the program
	 * gives the terminal back, raise(SIGTSTP) returns at once, and it
	 * takes the terminal again.  (The stop itself: test_suspend_shell.) */
	CHECKV(t, wait_at(t, EN, 0, 0), "suspend: started");
	vt_keys(t, "jj");
	CHECKV(t, wait_at(t, EN, 0, 2), "suspend: at line 3");
	off = vt_bytes(t);
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, vt_wait(t, T_WAIT, pred_raw_after, &off)
	       && vt_raw_seen_from(t, off, "1000l", 5),
	       "suspend: Ctrl-Z leaves the alternate screen and turns the mouse off");
	CHECKV(t, vt_wait(t, T_WAIT, pred_drawn, &w) && wait_at(t, EN, 0, 2),
	       "suspend: not stopped (orphaned group): the page is drawn again at line 3, "
	       "mouse back on");
	vt_signal(t, SIGCONT);
	vt_keys(t, "j");
	CHECKV(t, wait_at(t, EN, 0, 3) && alive(t),
	       "suspend: after SIGCONT it still reads keys");
	vt_free(t);
}

static void
test_suspend_shell(void)
{
	char *argv[] = {(char *)"sh", (char *)"-i", NULL};
	char *bin_env = concat("E2E_TUI=", tui);
	char *env[] = {data_env, bin_env, (char *)"PS1=e2e$ ", (char *)"ENV=", NULL};
	struct vt *t = vt_spawn(24, 80, argv, env);
	char at3[128];
	struct rowwant w = status_row(2, at3, sizeof at3);
	int st = -1;

	/* A job-control shell: the program gets its own process group with a
	 * parent in the session, so Ctrl-Z really stops it. */
	CHECKV(t, t != NULL && vt_wait_text(t, "e2e$", T_WAIT), "suspend sh: a shell prompt");
	vt_keys(t, "\"$E2E_TUI\" --ambiguous=narrow\r");
	CHECKV(t, wait_at(t, EN, 0, 0), "suspend sh: the program runs under sh -i");
	vt_keys(t, "jj");
	CHECKV(t, wait_at(t, EN, 0, 2), "suspend sh: at line 3");
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, vt_wait_text(t, "Stopped", T_WAIT) && vt_wait_text(t, "e2e$", T_WAIT),
	       "suspend sh: Ctrl-Z stops it, the shell says 'Stopped'");
	check_restored(t, "suspend sh: while stopped");
	vt_keys(t, "fg\r");
	CHECKV(t, vt_wait(t, T_WAIT, pred_drawn, &w) && wait_at(t, EN, 0, 2)
	       && !vt_cursor_visible(t),
	       "suspend sh: fg redraws the page at line 3, mouse on, cursor hidden");
	vt_keys(t, "j");
	CHECKV(t, wait_at(t, EN, 0, 3), "suspend sh: and it reads keys");
	vt_keys(t, "q");
	/* A new prompt where the cursor is (the old ones are on the main
	 * screen too): the shell reads again. */
	CHECKV(t, vt_wait(t, T_WAIT, pred_prompt_at_cursor, (void *)"e2e$"),
	       "suspend sh: q returns to the shell");
	vt_keys(t, "exit\r");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st), "suspend sh: the shell exits");
	vt_free(t);
	free(bin_env);
}

/* ------------------------------------------------------------ 14. idle */

static void
test_idle(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	size_t bytes;
	long ticks;
	bool known;

	CHECKV(t, wait_at(t, EN, 0, 0) && vt_wait_quiet(t, 200, T_WAIT),
	       "idle: first screen, then quiet");
	bytes = vt_bytes(t);
	known = cpu_ticks_over(t, 1500, &ticks);
	CHECKV(t, vt_bytes(t) == bytes, "idle: no output in 1.5 s on a page (%zu bytes more)",
	       vt_bytes(t) - bytes);
	CHECK(known && ticks <= 1, "idle: no CPU time used meanwhile (%ld ticks)", ticks);
	/* The Cloud moves, at a small cost; paused, it is idle too. */
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && body_changes(t, 500), "idle: the Cloud moves");
	known = cpu_ticks_over(t, 1000, &ticks);
	CHECK(known && ticks <= 25,
	      "idle: the moving cloud takes little CPU (%ld ticks in a second)", ticks);
	CHECKV(t, pause_cloud(t), "idle: Space pauses the Cloud, then quiet");
	bytes = vt_bytes(t);
	known = cpu_ticks_over(t, 700, &ticks);
	CHECKV(t, vt_bytes(t) == bytes, "idle: no output on the paused Cloud either (%zu bytes)",
	       vt_bytes(t) - bytes);
	CHECK(known && ticks <= 1, "idle: no CPU time used on the paused Cloud (%ld ticks)",
	      ticks);
	{
		size_t extra = 0;
		long woke = 0;

		CHECKV(t, silent_for(t, 500, &extra, &woke),
		       "idle: the paused Cloud does not even wake up (%ld wake-ups)", woke);
	}
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "The cloud", STARTS) && vt_wait_quiet(t, 200, T_WAIT),
	       "idle: help (at the cloud's keys)");
	bytes = vt_bytes(t);
	vt_wait(t, 500, NULL, NULL);
	CHECKV(t, vt_bytes(t) == bytes, "idle: nor in the help");
	vt_free(t);
}

/* ------------------------------------------------------------ 15. reload */

static void
test_reload(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	char *dir, *en_path, *orig, *broken, *renamed, *env_data, want[64];
	char from[128], to_broken[128], to_renamed[128], tabs2[256], status2[256];
	const struct dump *d = page_dump(EN, 0, 80);
	int line = 0;
	struct vt_cell normal_look, error_look;

	CHECKV(t, wait_at(t, EN, 0, 0), "reload: started");
	vt_keys(t, "r");
	CHECKV(t, wait_row(t, -1, "Reloaded", HAS) && row_matches(t, 1, title(EN, 0), IS),
	       "reload: r with a valid bundle says 'Reloaded'");
	vt_free(t);

	dir = bundle_copy();
	if (dir == NULL) {
		CHECK(0, "reload: cannot make a temporary copy of the bundle");
		return;
	}
	env_data = concat("ICLEI_TUI_DATA=", dir);
	en_path = bundle_file(dir, EN);
	orig = file_text(en_path);
	snprintf(from, sizeof from, "\n    title: %s\n", title(EN, 0));
	snprintf(to_broken, sizeof to_broken, "\n    title: [%s\n", title(EN, 0));
	snprintf(to_renamed, sizeof to_renamed, "\n    title: Chronicle\n");
	snprintf(tabs2, sizeof tabs2, "Chronicle · %s · ", title(EN, 1));
	snprintf(status2, sizeof status2, "Chronicle  4/%zu  ", d != NULL ? d->n : 0);
	broken = orig != NULL ? text_replace(orig, from, to_broken) : NULL;
	renamed = orig != NULL ? text_replace(orig, from, to_renamed) : NULL;
	CHECK(d != NULL && broken != NULL && renamed != NULL,
	      "reload: en.yaml has the first page's title line");
	if (d == NULL || broken == NULL || renamed == NULL)
		goto out;
	line = text_line(orig, from) + 1;	/* from starts at the newline before the line */

	t = start(24, 80, NONE, ARGS(env_data));
	CHECKV(t, wait_at(t, EN, 0, 0), "reload: started on a copy of the bundle");
	vt_keys(t, "jjj");
	CHECKV(t, wait_at(t, EN, 0, 3), "reload: at line 4");
	look_at(t, -1, 1, &normal_look);
	file_put(en_path, broken);
	vt_keys(t, "r");
	/* "    title: [" -- the list starts in column 12. */
	snprintf(want, sizeof want, "en.yaml:%d:12: ", line);
	CHECKV(t, wait_row(t, -1, want, HAS) && look_at(t, -1, 1, &error_look)
	       && !same_look(&normal_look, &error_look),
	       "reload: a broken en.yaml: the status line says '%s...', as an error", want);
	CHECKV(t, wait_body_from(t, d, 3) && row_matches(t, 0, tabs(EN), HAS),
	       "reload: the content on screen stays");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_at(t, EN, 0, 3), "reload: after Esc the page is still there, at line 4");
	file_put(en_path, renamed);
	vt_keys(t, "r");
	CHECKV(t, wait_row(t, -1, "Reloaded", HAS) && wait_row(t, 0, tabs2, HAS),
	       "reload: the fixed bundle is read: 'Reloaded', the new title in the tabs");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, status2), "reload: the reading position is kept (%s)", status2);
	vt_free(t);
out:
	free(orig);
	free(broken);
	free(renamed);
	free(en_path);
	free(env_data);
	bundle_remove(dir);
}

/* ------------------------------------------------------------ 16. mouse */

static void
test_mouse(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	struct scrolled s = scrolled(t, EN, 0);
	long at10;
	int lb;

	CHECKV(t, wait_at(t, EN, 0, 0) && vt_mouse_mode(t) != 0, "mouse: reporting is on");
	vt_wheel(t, 10, 20, 1);
	expect_move(&s, 3, "mouse: the wheel scrolls down 3 lines");
	vt_wheel(t, 10, 20, 1);
	expect_move(&s, 3, "mouse: again");
	vt_wheel(t, 10, 20, -1);
	expect_move(&s, -3, "mouse: wheel up");
	at10 = s.top + 9;
	lb = link_from(t, EN, 0, at10);
	CHECKV(t, (lb < 0 || line_of(t, EN, 0, lb) != at10) && vt_click(t, 10, 20)
	       && vt_wait_quiet(t, 150, T_WAIT) && wait_at(t, EN, 0, s.top),
	       "mouse: a click on plain text does nothing");
	vt_keys(t, "G");
	expect_move(&s, LONG_MAX, "mouse: G: the end");
	vt_wheel(t, 10, 20, 1);
	expect_move(&s, 3, "mouse: the wheel at the end stays there");
	vt_wheel(t, 10, 20, -1);
	expect_move(&s, -3, "mouse: and goes up from there");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "mouse: help");
	CHECKV(t, vt_wheel(t, 10, 20, 1) && wait_not_row(t, 1, "Keys", STARTS),
	       "mouse: the wheel scrolls the help");
	vt_free(t);

	t = start(24, 80, ARGS("--no-mouse"), NONE);
	CHECKV(t, wait_at(t, EN, 0, 0) && vt_mouse_mode(t) == 0,
	       "mouse: --no-mouse leaves mouse reporting off");
	CHECKV(t, !vt_wheel(t, 10, 20, 1) && !vt_click(t, 0, 30),
	       "mouse: --no-mouse: the terminal keeps the mouse (nothing is sent)");
	vt_free(t);
}

/* A quick click: press and release reach the program together (a fast
 * hand, a busy program, ssh or tmux coalescing the reports).  ncurses 6.4
 * with mouseinterval(0) then reports only BUTTON1_RELEASED. */
static void
test_fast_click(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int r = -1, c = -1, lb = last_link(0);
	long end = end_top(t, EN, 0), row = line_of(t, EN, 0, lb) - end + 1;

	CHECKV(t, wait_at(t, EN, 0, 0), "fast click: started");
	CHECKV(t, vt_find_text(t, title(EN, 2), &r, &c) > 0 && r == 0 && fast_click(t, 0, c + 2)
	       && wait_at(t, EN, 2, 0),
	       "fast click: a click whose press and release arrive together selects the tab");
	vt_keys(t, "1G");
	CHECKV(t, wait_at(t, EN, 0, end), "fast click: %s, end", title(EN, 0));
	CHECKV(t, fast_click(t, (int)row, 8) && wait_followed(t, 0, lb),
	       "fast click: and follows a link");
	vt_free(t);
}

/* ------------------------------------------------------------ more */

/* East Asian Ambiguous characters the program may draw. */
static const char *const ambiguous[] = {"·", "’", "“", "”", "→", "–", "—", "™", "…", "•",
                                        "│"};

/* How many of them lines from..n-1 of d have. */
static int
ambiguous_in(const struct dump *d, long from)
{
	int n = 0;

	for (size_t i = (size_t)from; d != NULL && i < d->n; i++)
		for (size_t k = 0; k < sizeof ambiguous / sizeof *ambiguous; k++)
			n += strstr(d->line[i], ambiguous[k]) != NULL;
	return n;
}

/* Ambiguous-width characters: auto asks the terminal (libvterm draws them
 * narrow); wide replaces them so nothing goes out of alignment. */
static void
test_ambiguous(void)
{
	struct vt *t = start(24, 80, ARGS("--ambiguous=auto"), NONE);
	const struct dump *narrow = page_dump(EN, 0, 80), *wide = page_dump_as(EN, 0, 80, "wide");
	int st;

	CHECKV(t, wait_row(t, 0, tabs(EN), HAS) && wait_body(t, EN, 0)
	       && vt_raw_seen(t, "\033[6n", 4),
	       "ambiguous auto: the terminal is asked, narrow is detected");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && vt_find_text(t, "…", NULL, NULL) == 0,
	       "ambiguous auto: the probe character is not left on the screen");
	vt_free(t);

	t = start(24, 80, ARGS("--ambiguous=wide"), NONE);
	CHECKV(t, wide != NULL && wait_body_from(t, wide, 0), "ambiguous wide: started");
	vt_keys(t, "G");
	CHECKV(t, narrow != NULL && ambiguous_in(narrow, dump_max_top(narrow, 24)) >= 2
	       && wide != NULL && wait_body_from(t, wide, dump_max_top(wide, 24)),
	       "ambiguous wide: the end of the page (%d ambiguous characters when narrow) as "
	       "--dump --ambiguous=wide lays it out: arrows and quotes become ASCII",
	       narrow != NULL ? ambiguous_in(narrow, dump_max_top(narrow, 24)) : -1);
	{
		bool none = true;

		for (size_t i = 0; i < sizeof ambiguous / sizeof *ambiguous; i++)
			if (vt_find_text(t, ambiguous[i], NULL, NULL) > 0) {
				check_note("'%s' is on the screen", ambiguous[i]);
				none = false;
			}
		CHECKV(t, none && cells_sane(t, NULL, true),
		       "ambiguous wide: no East Asian ambiguous character on the screen");
	}
	vt_free(t);
}

/* Ctrl-L repaints the whole screen. */
/* The cell before the bottom-right corner never holds a wide character's
 * right half: tmux 3.3a, redrawing the bottom row into xterm, drops a
 * wide character there (tests/terminals saw it).  The hint, a prompt that
 * fills the line and a message of any length end a column earlier. */
static bool
corner_clear(struct vt *t)
{
	struct vt_cell c;

	return vt_cell(t, vt_rows(t) - 1, vt_cols(t) - 2, &c) && c.width != 0;
}

static void
test_corner(void)
{
	struct vt *t = start(24, 80, ARGS("--lang", "ko"), NONE);
	struct vt_cell c;
	char buf[256] = "/";
	/* po/ko.po's "Not found: %s" */
	const char *not_found = "\uac80\uc0c9 \uacb0\uacfc \uc5c6\uc74c";
	bool ok = true;
	int k;

	CHECKV(t, wait_at(t, KO, 0, 0), "corner: %s", title(KO, 0));
	CHECKV(t, vt_cell(t, 23, 77, &c) && c.width == 0 && corner_clear(t),
	       "corner: the Korean hint's last (wide) character ends in column 77, not 78");
	/* 39 syllables: 78 columns after the '/', the prompt's room, whole. */
	for (k = 0; k < 39; k++)
		strcat(buf, "\uac00");
	vt_keys(t, "/");
	vt_type(t, buf + 1);
	CHECKV(t, wait_row(t, -1, "/\uac00\uac00", HAS) && vt_wait_quiet(t, 150, T_WAIT)
	       && corner_clear(t), "corner: a prompt of 39 syllables ends before column 78");
	vt_key(t, VT_KEY_ESC);
	wait_status(t, fx.page[0].title[KO]);
	/* "Not found: " and 30 to 45 syllables: one of them ends the line in
	 * column 78 but for the rule. */
	for (k = 30; k <= 45 && ok; k++) {
		char pat[200] = "";

		for (int i = 0; i < k; i++)
			strcat(pat, "\uac00");
		/* The prompt (the last message gone), then this one. */
		vt_keys(t, "/");
		vt_type(t, pat);
		ok = wait_row(t, -1, "/\uac00\uac00", HAS);
		vt_key(t, VT_KEY_ENTER);
		ok = ok && vt_wait_text(t, not_found, T_WAIT) && vt_wait_quiet(t, 100, T_WAIT)
		     && corner_clear(t);
	}
	CHECKV(t, ok, "corner: 'not found' messages of every length end before column 78 "
	       "(%d syllables)", k - 1);
	vt_free(t);
}

/* The cloud's colours (256) as drawn: which of the two shade tables the
 * labels come from.  theme.c's tables, dark and light background. */
static const int dark_shades[] = {239, 242, 245, 248, 252, 22, 28, 34, 41, 48,
                                  94, 136, 178, 220, 228, 226};
static const int light_shades[] = {252, 249, 246, 243, 240, 151, 114, 71, 28, 22,
                                   223, 179, 172, 130, 94, 166};

static bool
in_table(int c, const int *tab, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tab[i] == c)
			return true;
	return false;
}

/* How many label cells of the body are in neither table (*alien), in the
 * light table only (*light_only); false if no label is drawn. */
static bool
label_colours(struct vt *t, int *alien, int *light_only)
{
	int n = 0;

	*alien = *light_only = 0;
	for (int r = 1; r < vt_rows(t) - 1; r++)
		for (int c = 0; c < vt_cols(t); c++) {
			struct vt_cell cell;
			bool dark, light;

			if (!vt_cell(t, r, c, &cell) || cell.width == 0 || cell.ch[0] == 0
			    || cell.ch[0] == ' ' || cell.fg_index < 0 || !cell.bg_default)
				continue;
			n++;
			dark = in_table(cell.fg_index, dark_shades, sizeof dark_shades / sizeof *dark_shades);
			light = in_table(cell.fg_index, light_shades,
			                 sizeof light_shades / sizeof *light_shades);
			*alien += !dark && !light;
			*light_only += light && !dark;
		}
	return n > 0;
}

/* The terminal's answer to OSC 11 chooses the cloud's shades: toward
 * white on a light background, toward black otherwise (and with no
 * answer, as from libvterm alone).  Asked with the width, so the
 * program runs with --ambiguous=auto here. */
static void
test_background(void)
{
	static const struct {
		const char *answer, *what;
		bool light;
	} cases[] = {
		{NULL, "no answer", false},
		{"rgb:0000/0000/0000", "black", false},
		{"rgb:ffff/ffff/ffff", "white", true},
		{"rgb:f5/f5/dc", "beige, 2 digits", true},
		{"rgb:2e2e/3434/3636", "dark grey", false},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct vt *t;
		int alien = -1, light_only = -1;
		bool ok;

		vt_answer_background(cases[i].answer);
		t = start_cloud(24, 80, ARGS("--no-motion", "--ambiguous=auto"), NONE);
		ok = wait_status(t, "Cloud") && vt_wait_quiet(t, 200, T_WAIT)
		     && label_colours(t, &alien, &light_only) && alien == 0
		     && (cases[i].light ? light_only > 0 : light_only == 0);
		CHECKV(t, ok, "background %s: the cloud's shades are the %s table (%d cells in "
		       "neither, %d in the light one only)", cases[i].what,
		       cases[i].light ? "light" : "dark", alien, light_only);
		vt_free(t);
	}
	vt_answer_background("rgb:ffff/ffff/ffff");
	{
		/* 8 colours: yellow reads badly on white, the heavy tags are red. */
		struct vt *t = start_cloud(24, 80, ARGS("--no-motion", "--ambiguous=auto"),
		                           ARGS("TERM=xterm"));
		int yellow = 0, red = 0;

		wait_status(t, "Cloud");
		vt_wait_quiet(t, 200, T_WAIT);
		for (int r = 1; r < vt_rows(t) - 1; r++)
			for (int c = 0; c < vt_cols(t); c++) {
				struct vt_cell cell;

				if (vt_cell(t, r, c, &cell) && cell.ch[0] != 0 && cell.ch[0] != ' ') {
					yellow += cell.fg_index == 3;
					red += cell.fg_index == 1;
				}
			}
		CHECKV(t, yellow == 0 && red > 0, "background white, 8 colours: the heavy tags "
		       "red, none yellow (%d red cells, %d yellow)", red, yellow);
		vt_free(t);
	}
	{
		/* Typed as keys, "]11;rgb:ffff/ffff/ffff" would select a link,
		 * go to page 1, page down four times and leave a message. */
		struct vt *t = start(24, 80, ARGS("--ambiguous=auto"), NONE);

		CHECKV(t, wait_at(t, EN, 0, 0) && vt_wait_quiet(t, 300, T_WAIT)
		       && wait_at(t, EN, 0, 0) && vt_find_text(t, "no such key", NULL, NULL) == 0,
		       "background: the answer is not read as keys (the first page at its top, "
		       "no message)");
		vt_free(t);
	}
	/* Late, after the position (GNU screen): still not keys, and the
	 * cloud's shades change when it comes. */
	vt_answer_background_late("rgb:ffff/ffff/ffff");
	{
		struct vt *t = start(24, 80, ARGS("--ambiguous=auto"), NONE);

		bool ok = wait_at(t, EN, 0, 0);

		vt_keys(t, "\f");	/* the answer comes before it */
		CHECKV(t, ok && vt_wait_quiet(t, 300, T_WAIT) && wait_at(t, EN, 0, 0)
		       && vt_find_text(t, "no such key", NULL, NULL) == 0,
		       "background, answered late: not read as keys");
		vt_free(t);
	}
	{
		struct vt *t = start_cloud(24, 80, ARGS("--no-motion", "--ambiguous=auto"), NONE);
		int alien = -1, light_only = -1;

		CHECKV(t, wait_status(t, "Cloud") && vt_wait_quiet(t, 300, T_WAIT)
		       && label_colours(t, &alien, &light_only) && alien == 0 && light_only > 0,
		       "background, answered late: the cloud turns to the light shades (%d cells "
		       "in neither table, %d in the light one only)", alien, light_only);
		vt_free(t);
	}
	vt_answer_background("rgb:ffff/ffff/ffff");
	{
		struct vt *t = start(24, 80, ARGS("--ambiguous=auto"), ARGS("TERM=linux"));

		CHECKV(t, wait_at(t, EN, 0, 0) && !vt_raw_seen(t, "\033]11;", 5),
		       "background: not asked of the Linux console (it would print it)");
		vt_free(t);
	}
	vt_answer_background(NULL);
}

static void
test_redraw(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	size_t off;

	CHECKV(t, wait_at(t, EN, 0, 0) && vt_wait_quiet(t, 100, T_WAIT), "redraw: started");
	off = vt_bytes(t);
	vt_char(t, 'l', VT_MOD_CTRL);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && vt_bytes(t) - off > 1000
	       && wait_at(t, EN, 0, 0),
	       "redraw: Ctrl-L repaints everything (%zu bytes)", vt_bytes(t) - off);
	vt_free(t);
}

/* ------------------------------------------------------------ main */

int
main(void)
{
	screen_setup_needing(3, 4);
	for (int l = 0; l < NLANG; l++)
		test_first_screen(l);
	test_pages();
	test_cloud_motion();
	test_cloud_focus();
	test_cloud_click();
	test_cloud_lang();
	test_cloud_resize();
	test_cloud_still();
	test_cloud_mouse_mode();
	test_cloud_hover();
	test_cloud_drag();
	test_cloud_list();
	test_cloud_no_color();
	test_lang_keeps_place();
	test_search_en();
	test_search_screens();
	test_search_ko();
	test_help();
	test_scroll();
	test_links();
	test_resize();
	test_quit();
	test_signal(SIGTERM, "SIGTERM", false);
	test_signal(SIGHUP, "SIGHUP", false);
	test_signal(SIGINT, "SIGINT", false);
	test_signal(SIGINT, "SIGINT", true);
	test_not_a_tty();
	test_color();
	test_suspend_orphan();
	test_suspend_shell();
	test_idle();
	test_reload();
	test_mouse();
	test_fast_click();
	test_ambiguous();
	test_redraw();
	test_corner();
	test_background();

	body_cache_free();
	screen_cleanup();
	return check_done();
}
