/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-torture.c: the real iclei-tui in a pseudo-terminal (vt.h), tortured:
 *
 *  1. resize storms: 500 random sizes from 1x1 to 300x100 in well under a
 *     few seconds (an ioctl each, the output read as it comes), on a page
 *     and on the animated Cloud tab, then 80x24: the screen must be the one
 *     a freshly started program shows at that position (every cell, text
 *     and look), resp. on the Cloud tab the fresh top bar and status line
 *     and exactly what a full repaint (Ctrl-L, the cloud paused) draws;
 *  2. a seeded monkey: TORTURE_KEYS (default 100000) random events --
 *     printable ASCII, Hangul, Kana, CJK, emoji, combining marks, control
 *     characters, escape sequences for arrows, F-keys, PgUp/PgDn, Home/End
 *     (CSI and SS3, with modifiers), cut and garbage sequences, invalid
 *     UTF-8, SGR mouse presses, releases, motion and wheel at random cells
 *     (also outside the screen and absurd ones), X10 mouse garbage -- in
 *     bursts of up to 400, with a resize now and then.  'q' and Ctrl-C are
 *     in the mix: a clean exit (0 after a 'q', SIGINT after a Ctrl-C) must
 *     restore the terminal and the program is started again.  Not in the
 *     mix: Ctrl-\ (SIGQUIT: a core dump by design), Ctrl-S and Ctrl-Q (the
 *     terminal's flow control: Ctrl-S stops the program's output until
 *     Ctrl-Q, which would read as a hang).  No crash, the input always read
 *     within the deadline (the terminal's input queue is watched through
 *     the slave side), and afterwards Esc, 1, L..., g bring back the
 *     English first page as a fresh program shows it;
 *  3. SIGINT, SIGTERM, SIGHUP at random moments (start-up, at rest,
 *     mid-animation, mid-resize burst, mid-typing), 20 runs each: the
 *     program ends by the signal and restores the terminal; SIGTSTP+SIGCONT
 *     (20 runs) and SIGSTOP+SIGCONT (5 runs) at random moments: it keeps
 *     running, redraws right, reads keys, quits cleanly;
 *  4. a terminal that stops reading for 2 s while the cloud runs at 120
 *     fps: the program blocks in write(); then SIGTERM or SIGHUP, once or
 *     (if it is still there 1.5 s later) twice: once the terminal reads
 *     again the program must have ended by the signal and the terminal must
 *     be restored.  The notes say what happened while nothing was read.
 *
 * The bundle is the tests' own, tests/fixture: its titles and labels come
 * from its files, its line counts from --dump (screen.h), so the real
 * content (data/) can change freely.
 *
 * Environment: ICLEI_TUI (the binary; else $top_builddir/src/iclei-tui,
 * else src/iclei-tui), top_srcdir (the bundle is $top_srcdir/tests/fixture),
 * TORTURE_SEED (default: a fixed seed, so `make check` asks the same
 * questions every time and main stays green for a reason; "random" takes
 * one from the clock to explore; printed, so a failure can be replayed --
 * the random choices repeat exactly, the program's timing does not), TORTURE_KEYS (monkey events, default 100000), TORTURE_RUNS
 * (runs per signal, default 20), TORTURE_ONLY (a comma-separated subset of
 * "resize,monkey,signals,blocked"), TORTURE_SIGNALS (a subset of
 * "INT,TERM,HUP,TSTP,STOP"), TORTURE_SCENARIO (all signal runs in one
 * scenario: startup, rest, cloud, resize or typing), TORTURE_LOG (a file:
 * every monkey burst, raw, with its size and the restarts, to replay a
 * failure).
 *
 * Every wait has a deadline; a failed check prints the screen as "# "
 * lines, with the seed and the case.  Whole run: about 40 s. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

static uint64_t seed;    /* TORTURE_SEED */

/* ------------------------------------------------------------ helpers */

static long
env_long(const char *name, long dflt, long lo, long hi)
{
	const char *s = getenv(name);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return dflt;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi) {
		printf("Bail out! %s=%s: not a number from %ld to %ld\n", name, s, lo, hi);
		exit(99);
	}
	return v;
}

/* name is in the comma-separated list in the environment variable var,
 * or var is unset or empty (then everything is). */
static bool
listed(const char *var, const char *name)
{
	const char *only = getenv(var);
	size_t n = strlen(name);

	if (only == NULL || *only == '\0')
		return true;
	for (const char *p = only; (p = strstr(p, name)) != NULL; p += n)
		if ((p == only || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return true;
	return false;
}

/* ------------------------------------------------------------ random */

/* splitmix64: small, fast, good enough, and the same everywhere. */
static uint64_t
rnd64(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
static unsigned
rnd(uint64_t *s, unsigned n)
{
	return n == 0 ? 0 : (unsigned)(rnd64(s) % n);
}

/* lo .. hi */
static int
rnd_in(uint64_t *s, int lo, int hi)
{
	return lo + (int)rnd(s, (unsigned)(hi - lo + 1));
}

/* The generator of test number k: independent streams from one seed. */
static uint64_t
stream(unsigned k)
{
	uint64_t s = seed ^ (UINT64_C(0xD1B54A32D192ED03) * (k + 1));

	rnd64(&s);
	return s;
}

/* ------------------------------------------------------------ byte strings */

struct buf {
	char *s;
	size_t len, cap;
};

static void
badd(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = realloc(b->s, cap);
		if (b->s == NULL) {
			perror("realloc");
			exit(99);
		}
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
bput(struct buf *b, const char *s)
{
	badd(b, s, strlen(s));
}

static void bprintf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		badd(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Append c as UTF-8 (U+FFFD for what is not a scalar value). */
static void
bputcp(struct buf *b, uint32_t c)
{
	uint8_t u[4];
	int n = u8_uctomb(u, c, sizeof u);

	if (n < 0)
		n = u8_uctomb(u, 0xFFFD, sizeof u);
	badd(b, u, (size_t)n);
}

/* Bytes as a C string literal (for a failure report), at most max bytes. */
static void
note_bytes(const char *what, const char *s, size_t n, size_t max)
{
	struct buf out = {0};
	size_t from = n > max ? n - max : 0;

	bput(&out, "");
	for (size_t i = from; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == '"')
			bprintf(&out, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			badd(&out, &s[i], 1);
		else
			bprintf(&out, "\\x%02x", c);
		if (out.len > 100 && (i + 1 - from) % 64 == 0) {
			check_note("%s%s: \"%s\"", what, i + 1 - from <= 64 ? "" : " (cont.)", out.s);
			out.len = 0;
			out.s[0] = '\0';
		}
	}
	if (out.len > 0 || n == 0)
		check_note("%s%s: \"%s\"", what, n > 64 ? " (end)" : "", out.s);
	if (from > 0)
		check_note("(the first %zu bytes of %s are left out)", from, what);
	free(out.s);
}

/* ------------------------------------------------------------ the process */

/* Exited or killed, without reading the terminal or reaping the child
 * (the harness reaps it later). */
static bool
gone_unread(struct vt *t)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	if (waitid(P_PID, (id_t)vt_pid(t), &si, WEXITED | WNOHANG | WNOWAIT) != 0)
		return true;	/* ECHILD: reaped already */
	return si.si_pid != 0;
}

/* The terminal's own end (the slave), opened through the program's fd 0:
 * its input queue says how much the program has not read yet, its modes
 * what the program set. */
static int
open_slave(struct vt *t)
{
	char path[64];

	snprintf(path, sizeof path, "/proc/%ld/fd/0", (long)vt_pid(t));
	return open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
}

/* A note on the terminal's modes and input queue, and what the program is
 * doing (for a program that does not answer). */
static void
note_tty(struct vt *t)
{
	int fd = open_slave(t), inq = -1;
	struct termios tio;
	char stat[512];
	const char *fields;

	if (fd >= 0 && tcgetattr(fd, &tio) == 0) {
		ioctl(fd, FIONREAD, &inq);
		check_note("terminal modes: %s %s %s %s, VMIN %d VTIME %d; %d bytes unread",
		           tio.c_lflag & ICANON ? "ICANON" : "-icanon",
		           tio.c_lflag & ECHO ? "ECHO" : "-echo",
		           tio.c_lflag & ISIG ? "ISIG" : "-isig",
		           tio.c_iflag & IXON ? "IXON" : "-ixon", tio.c_cc[VMIN], tio.c_cc[VTIME],
		           inq);
	}
	if (fd >= 0)
		close(fd);
	if ((fields = proc_stat(vt_pid(t), stat, sizeof stat)) != NULL)
		check_note("process state %c", fields[0]);
}

/* Keep reading the terminal for ms. */
static void
pump_for(struct vt *t, int ms)
{
	vt_wait(t, ms, NULL, NULL);
}

static const char *
sig_name(int sig)
{
	switch (sig) {
	case SIGINT: return "SIGINT";
	case SIGTERM: return "SIGTERM";
	case SIGHUP: return "SIGHUP";
	case SIGTSTP: return "SIGTSTP";
	case SIGSTOP: return "SIGSTOP";
	case SIGCONT: return "SIGCONT";
	case SIGQUIT: return "SIGQUIT";
	case SIGKILL: return "SIGKILL";
	case SIGSEGV: return "SIGSEGV";
	case SIGABRT: return "SIGABRT";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	default: return "a signal";
	}
}

static void
describe_status(int st, char *buf, size_t size)
{
	if (WIFEXITED(st))
		snprintf(buf, size, "exited %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		snprintf(buf, size, "killed by signal %d (%s)%s", WTERMSIG(st),
		         sig_name(WTERMSIG(st)), WCOREDUMP(st) ? ", core dumped" : "");
	else
		snprintf(buf, size, "status 0x%x", (unsigned)st);
}

/* Where the program last sent what restores the terminal (for a failure
 * report): offsets into its output, or "never". */
static void
note_restore_seqs(struct vt *t)
{
	static const char *const seqs[][2] = {
		{"\033[?1003l", "motion off"}, {"\033[?1006;1000l", "mouse off"},
		{"\033[?25h", "cursor shown"}, {"\033[?25l", "cursor hidden"},
		{"\033[?1049h", "alternate screen"}, {"\033[?1049l", "main screen"},
		{"\0337", "DECSC"},
	};
	struct buf b = {0};

	bprintf(&b, "output: %zu bytes; last", vt_bytes(t));
	for (size_t i = 0; i < sizeof seqs / sizeof *seqs; i++) {
		size_t at = last_seen(t, seqs[i][0]);

		if (at > 0)
			bprintf(&b, " %s at %zu,", seqs[i][1], at - 1);
		else
			bprintf(&b, " %s never,", seqs[i][1]);
	}
	check_note("%s", b.s);
	free(b.s);
}

/* ------------------------------------------------------------ reading the screen */

/* Two cells are the same: character and look. */
static bool
same_cell(const struct vt_cell *a, const struct vt_cell *b)
{
	uint32_t ca = a->ch[0] == ' ' ? 0 : a->ch[0], cb = b->ch[0] == ' ' ? 0 : b->ch[0];

	/* A space written and a cell never written look the same. */
	return a->width == b->width && ca == cb
	    && memcmp(a->ch + 1, b->ch + 1, sizeof a->ch - sizeof a->ch[0]) == 0
	    && same_look(a, b);
}

/* ------------------------------------------------------------ whole screens */

struct shot {
	int rows, cols;
	struct vt_cell *cell;
	int mouse;		/* vt_mouse_mode */
};

static void
shot_take(struct vt *t, struct shot *s)
{
	s->rows = vt_rows(t);
	s->cols = vt_cols(t);
	s->cell = xmalloc((size_t)s->rows * (size_t)s->cols * sizeof *s->cell);
	for (int r = 0; r < s->rows; r++)
		for (int c = 0; c < s->cols; c++)
			vt_cell(t, r, c, &s->cell[r * s->cols + c]);
	s->mouse = vt_mouse_mode(t);
}

static void
shot_free(struct shot *s)
{
	free(s->cell);
	s->cell = NULL;
}

/* Row r of a shot as text, trailing blanks trimmed (like vt_row_text). */
static void
shot_row_text(const struct shot *s, int r, struct buf *b)
{
	b->len = 0;
	bput(b, "");
	for (int c = 0; c < s->cols; c++) {
		const struct vt_cell *cell = &s->cell[r * s->cols + c];
		char u[VT_CELL_UTF8];

		if (cell->width == 0)
			continue;
		badd(b, u, vt_cell_utf8(cell, u));
	}
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

/* Rows r0 .. r1 (inclusive; negative: from the bottom) of the screen are
 * those of s, cell by cell, character and look. */
static bool
shot_matches(struct vt *t, const struct shot *s, int r0, int r1, bool verbose)
{
	int bad = 0;

	if (vt_rows(t) != s->rows || vt_cols(t) != s->cols) {
		if (verbose)
			check_note("the screen is %dx%d, the reference %dx%d", vt_cols(t),
			           vt_rows(t), s->cols, s->rows);
		return false;
	}
	r0 = r0 < 0 ? s->rows + r0 : r0;
	r1 = r1 < 0 ? s->rows + r1 : r1;
	for (int r = r0; r <= r1; r++) {
		int col = -1;

		for (int c = 0; c < s->cols && col < 0; c++) {
			struct vt_cell cell;

			vt_cell(t, r, c, &cell);
			if (!same_cell(&cell, &s->cell[r * s->cols + c]))
				col = c;
		}
		if (col < 0)
			continue;
		if (!verbose)
			return false;
		if (bad++ < 6) {
			struct buf want = {0};
			char *got = vt_row_text(t, r);

			shot_row_text(s, r, &want);
			check_note("row %d differs from column %d:", r, col);
			check_note("   got: |%s|", got);
			check_note("  want: |%s|", want.s);
			free(got);
			free(want.s);
		}
	}
	if (bad > 6)
		check_note("... %d rows differ in all", bad);
	return bad == 0;
}

struct shotwant {
	const struct shot *s;
	int r0, r1;
};

static bool
pred_shot(struct vt *t, void *arg)
{
	const struct shotwant *w = arg;

	return shot_matches(t, w->s, w->r0, w->r1, false);
}

/* Eventually rows r0..r1 are those of s (a note on what differs if not). */
static bool
wait_shot(struct vt *t, const struct shot *s, int r0, int r1)
{
	struct shotwant w = {s, r0, r1};

	if (vt_wait(t, T_WAIT, pred_shot, &w))
		return true;
	shot_matches(t, s, r0, r1, true);
	return false;
}

/* ------------------------------------------------------------ references */

/* A freshly started program at 80x24 on the first page, scrolled to line
 * top1: the screen every run must come back to.  Made once per position. */
#define REF_MAX 64
static struct shot page_ref[REF_MAX + 1];
static struct shot cloud_ref;	/* rows 0 and 23 of the Cloud tab at 80x24 */

static const struct shot *
first_page_ref(long top1)
{
	struct shot *s;
	struct vt *t;
	bool ok;

	if (top1 < 1 || top1 > REF_MAX)
		return NULL;
	s = &page_ref[top1];
	if (s->cell != NULL)
		return s;
	t = start(24, 80, NONE, NONE);
	ok = wait_at(t, EN, 0, 0);
	for (long i = 1; ok && i < top1; i++)
		vt_keys(t, "j");
	ok = ok && wait_at(t, EN, 0, top1 - 1) && vt_wait_quiet(t, 150, T_WAIT);
	if (!ok) {
		check_note("no reference screen at line %ld", top1);
		vt_snapshot(t, stdout, "# ");
		vt_free(t);
		return NULL;
	}
	shot_take(t, s);
	vt_free(t);
	return s;
}

/* The cloud is drawn: at least 3 of its distinct English labels (but the
 * years) in the body over at least 4 rows, the last column blank, wide
 * characters whole. */
static bool
pred_cloud(struct vt *t, void *arg)
{
	int labels = 0, rows = vt_rows(t);

	(void)arg;
	for (int i = 0; i < fx.ntags; i++) {
		const char *label = fx.tag[i].label[EN];
		int r = -1;

		if (!fx.tag[i].distinct || label[strspn(label, "0123456789")] == '\0')
			continue; /* a year: in the other languages' labels too */
		if (vt_find_text(t, label, &r, NULL) > 0 && r >= 1 && r <= rows - 2)
			labels++;
	}
	return labels >= 3 && body_rows_used(t) >= 4 && last_column_blank(t, false)
	       && cells_sane(t, NULL, false);
}

static bool
wait_cloud(struct vt *t)
{
	return vt_wait(t, T_WAIT, pred_cloud, NULL);
}

static bool
make_cloud_ref(void)
{
	struct vt *t;
	bool ok;

	if (cloud_ref.cell != NULL)
		return true;
	t = start(24, 80, NONE, NONE);
	/* The other languages are checked after the first screen: the
	 * switcher is complete once they are. */
	ok = wait_at(t, EN, 0, 0) && wait_row(t, 0, fx.label[ZH], HAS);
	show_tab(t, fx.npages);
	ok = ok && wait_status(t, "Cloud") && wait_cloud(t);
	if (ok)
		shot_take(t, &cloud_ref);
	else
		vt_snapshot(t, stdout, "# ");
	vt_free(t);
	return ok;
}

/* The status line names the first page in one of the four languages:
 * which (EN...), or -1. */
static int
status_first_page(struct vt *t)
{
	for (int l = 0; l < NLANG; l++) {
		char name[256];

		snprintf(name, sizeof name, "%s  ", fx.page[0].title[l]);
		if (row_matches(t, -1, name, STARTS))
			return l;
	}
	return -1;
}

static bool
pred_first_page_any(struct vt *t, void *arg)
{
	(void)arg;
	return status_first_page(t) >= 0;
}

static bool
pred_first_page_in(struct vt *t, void *arg)
{
	return status_first_page(t) == *(int *)arg;
}

static bool
pred_first_page_not(struct vt *t, void *arg)
{
	return !pred_first_page_in(t, arg);
}

/* The screen is that of a fresh program at 80x24 on the first page at the
 * position its status line shows (cells, alternate screen, cursor
 * hidden).  *mouse_ok (may be NULL): the mouse mode is the fresh one's
 * too (reported apart: a wrong mode is a bug of its own). */
static bool
page_is_fresh(struct vt *t, bool *mouse_ok)
{
	long top1 = 0, total = 0;
	const struct shot *ref;

	if (mouse_ok != NULL)
		*mouse_ok = false;
	if (!vt_wait(t, T_WAIT, pred_first_page_in, &(int){EN}) || !vt_wait_quiet(t, 150, T_WAIT)
	    || !status_pos(t, &top1, &total)) {
		check_note("no position of the English first page on the status line");
		return false;
	}
	ref = first_page_ref(top1);
	if (ref == NULL)
		return false;
	if (mouse_ok != NULL)
		*mouse_ok = vt_mouse_mode(t) == ref->mouse;
	if (vt_mouse_mode(t) != ref->mouse)
		check_note("mouse mode %d, a fresh program's is %d", vt_mouse_mode(t), ref->mouse);
	if (!wait_shot(t, ref, 0, -1))
		return false;
	if (vt_cursor_visible(t) || !vt_altscreen(t)) {
		check_note("modes: cursor %s, %s screen",
		           vt_cursor_visible(t) ? "visible" : "hidden",
		           vt_altscreen(t) ? "alternate" : "main");
		return false;
	}
	return true;
}

static bool
pred_bytes_past(struct vt *t, void *arg)
{
	return vt_bytes(t) > *(size_t *)arg;
}

/* The Cloud tab at 80x24: the top bar and status line of a fresh one, a
 * cloud in between; and what is on the screen is what a full repaint
 * draws (paused with Space, compared with the screen after Ctrl-L). */
static bool
cloud_is_fresh(struct vt *t)
{
	struct shot before;
	size_t off;
	bool ok;

	if (!make_cloud_ref())
		return false;
	if (!wait_shot(t, &cloud_ref, 0, 0) || !wait_shot(t, &cloud_ref, -1, -1)) {
		check_note("the top bar or the status line is not that of a fresh program");
		return false;
	}
	if (!wait_cloud(t)) {
		check_note("no cloud in the body");
		return false;
	}
	vt_keys(t, " ");
	if (!wait_status(t, "Paused") || !vt_wait_quiet(t, 250, T_WAIT)) {
		check_note("Space did not pause the cloud");
		return false;
	}
	shot_take(t, &before);
	off = vt_bytes(t) + 500;
	vt_char(t, 'l', VT_MOD_CTRL);
	ok = vt_wait(t, T_WAIT, pred_bytes_past, &off) && vt_wait_quiet(t, 250, T_WAIT);
	off -= 500;
	if (!ok)
		check_note("Ctrl-L did not repaint (%zu bytes)", vt_bytes(t) - off);
	/* The state Ctrl-L shows (the truth) against the state before (what
	 * the updates left): the status line loses its message, nothing else
	 * may change. */
	if (ok && !shot_matches(t, &before, 0, -2, false)) {
		struct shot after;

		check_note("the screen after the updates differs from a full repaint:");
		shot_take(t, &after);
		/* Report it as "got" = before, "want" = the repaint. */
		for (int r = 0; r < before.rows - 1; r++) {
			struct buf a = {0}, b = {0};

			shot_row_text(&before, r, &b);
			shot_row_text(&after, r, &a);
			if (strcmp(a.s, b.s) != 0) {
				check_note("row %d before Ctrl-L: |%s|", r, b.s);
				check_note("row %d after  Ctrl-L: |%s|", r, a.s);
			}
			free(a.s);
			free(b.s);
		}
		shot_free(&after);
		ok = false;
	}
	shot_free(&before);
	vt_keys(t, " ");	/* moving again */
	return ok;
}

/* ------------------------------------------------------------ 1. resize storms */

static void
random_size(uint64_t *r, int *rows, int *cols)
{
	switch (rnd(r, 10)) {
	case 0:	/* tiny: around 1x1 and the "too small" limits */
		*rows = rnd_in(r, 1, 6);
		*cols = rnd_in(r, 1, 25);
		break;
	case 1:	/* the extremes */
		*rows = rnd(r, 2) ? 1 : 100;
		*cols = rnd(r, 2) ? 1 : 300;
		break;
	default:
		*rows = rnd_in(r, 1, 100);
		*cols = rnd_in(r, 1, 300);
		break;
	}
}

/* n resizes as fast as the terminal takes them: an ioctl each, reading
 * whatever the program wrote meanwhile, a short breath now and then.
 * (The storms stay in English: down to 1 column is safe for libvterm,
 * which crashes on a wide character in a 1-column screen.) */
static void
storm(struct vt *t, uint64_t *r, int n)
{
	for (int i = 0; i < n; i++) {
		int rows, cols;

		random_size(r, &rows, &cols);
		vt_resize(t, rows, cols);
		vt_pump(t, 0);
		if (rnd(r, 16) == 0)
			vt_pump(t, rnd_in(r, 1, 15));
	}
}

static void
test_resize_storm(void)
{
	uint64_t r = stream(1);
	struct vt *t = start(24, 80, NONE, NONE);
	long long t0;
	int st;

	check_note("resize storms: seed %llu", (unsigned long long)seed);
	CHECKV(t, wait_at(t, EN, 0, 0), "storm: started at 80x24 on the first page");
	vt_keys(t, "jjj");
	CHECKV(t, wait_at(t, EN, 0, 3), "storm: scrolled to line 4");

	t0 = vt_now_ms();
	storm(t, &r, 500);
	vt_resize(t, 24, 80);
	check_note("500 resizes on the page in %lld ms", vt_now_ms() - t0);
	CHECKV(t, alive(t), "storm on the page: still running");
	{
		bool mouse_ok;

		CHECKV(t, page_is_fresh(t, &mouse_ok) && mouse_ok,
		       "storm on the page, then 80x24: the screen (and mouse mode) is a fresh "
		       "program's at the same position");
	}

	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && wait_cloud(t), "storm: the Cloud tab");
	t0 = vt_now_ms();
	storm(t, &r, 500);
	vt_resize(t, 24, 80);
	check_note("500 resizes on the Cloud tab in %lld ms", vt_now_ms() - t0);
	CHECKV(t, alive(t), "storm on the Cloud tab: still running");
	CHECKV(t, cloud_is_fresh(t),
	       "storm on the Cloud tab, then 80x24: top bar and status as fresh, a cloud, "
	       "and the screen is what a full repaint draws");

	/* Storms with a key now and then: the program must keep reading. */
	for (int i = 0; i < 200; i++) {
		static const char keys[] = "jk\001\002 l\t";
		int rows, cols;
		char key = keys[rnd(&r, 7)];

		random_size(&r, &rows, &cols);
		vt_resize(t, rows, cols);
		if (key == '\001' || key == '\002')	/* the Cloud, the first page */
			show_tab(t, key == '\001' ? fx.npages : 0);
		else
			vt_keys(t, (char[]){key, '\0'});
		vt_pump(t, 0);
	}
	vt_resize(t, 24, 80);
	show_tab(t, 0);
	vt_keys(t, "g");
	{
		bool mouse_ok;

		CHECKV(t, page_is_fresh(t, &mouse_ok),
		       "storm with keys, then 1, g at 80x24: the first page as a fresh program "
		       "shows it");
		CHECKV(t, mouse_ok,
		       "storm with keys (the Cloud tab among them), back on the first page: mouse "
		       "reporting as in a fresh program (mode %d)", vt_mouse_mode(t));
	}
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0
	       && restored(t, CURSOR_SENT),
	       "storm: q exits with 0 and the terminal is restored");
	vt_free(t);
}

/* ------------------------------------------------------------ 2. the monkey */

/* Characters the terminal itself acts on: Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT,
 * a core dump), Ctrl-Z (SIGTSTP), Ctrl-S / Ctrl-Q (flow control: the
 * program keeps IXON, so Ctrl-S stops its output until Ctrl-Q -- the
 * terminal's doing, not a hang of the program). */
static bool
special_byte(unsigned c)
{
	return c == 0x03 || c == 0x1c || c == 0x1a || c == 0x13 || c == 0x11;
}

enum { QUIT_NONE = 0, QUIT_Q = 1, QUIT_INT = 2 };

static const char *const key_seqs[] = {
	"\033[A", "\033[B", "\033[C", "\033[D", "\033OA", "\033OB", "\033OC", "\033OD",
	"\033[H", "\033[F", "\033OH", "\033OF", "\033[1~", "\033[4~", "\033[7~", "\033[8~",
	"\033[5~", "\033[6~", "\033[2~", "\033[3~", "\033[Z",
	"\033OP", "\033OQ", "\033OR", "\033OS", "\033[15~", "\033[17~", "\033[18~",
	"\033[19~", "\033[20~", "\033[21~", "\033[23~", "\033[24~", "\033[11~", "\033[12~",
	"\033[1;2A", "\033[1;5B", "\033[1;3C", "\033[1;6D", "\033[1;5H", "\033[1;2F",
	"\033[5;5~", "\033[6;2~", "\033[1;2P", "\033[15;5~", "\033[E", "\033[G",
	"\033\r", "\033\t", "\033\033",
};

static const char *const garbage_seqs[] = {
	"\033", "\033[", "\033[1;", "\033[<", "\033[<0;", "\033[<0;5", "\033[<0;5;",
	"\033[<64;1;1", "\033O", "\033[1;5", "\033[99999999999999999999A",
	"\033[?1;2c", "\033[200~", "\033[201~", "\033]0;x\007", "\033]2;title\033\\",
	"\033P", "\033P1$r\033\\", "\033\033\033", "\033[;;;;;;;;;;;;;;;;;;;;;~",
	"\033[0;0R", "\033[24;80R", "\033[<0;0;0M", "\033[<-1;-1;-1M", "\033[<;;M",
	"\033[<0;1;1M\033[<", "\033[I", "\033[O", "\033[M", "\xc3", "\xe3\x81",
	"\xf0\x9f\x98", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xff\xfe",
	"\xef\xbf\xbf", "\xef\xbb\xbf", "\xe2\x80\xae", "\xcc\x81", "\xe2\x80\x8b",
};

/* A coordinate (1-based) for a mouse report: mostly on the screen, now
 * and then off it or absurd. */
static void
mouse_coord(uint64_t *r, struct buf *b, int max)
{
	static const char *const odd[] = {"0", "9999", "65535", "2147483647",
	                                  "4294967297", "99999999999999999999", ""};

	switch (rnd(r, 12)) {
	case 0:
		bput(b, odd[rnd(r, sizeof odd / sizeof *odd)]);
		break;
	case 1:
		bprintf(b, "%d", max + 1 + (int)rnd(r, 40));
		break;
	case 2:
		bprintf(b, "%d", 222 + (int)rnd(r, 10));
		break;
	default:
		bprintf(b, "%d", rnd_in(r, 1, max < 1 ? 1 : max));
		break;
	}
}

static void
mouse_event(uint64_t *r, struct buf *b, int rows, int cols)
{
	static const int buttons[] = {0, 0, 0, 1, 2, 3, 32, 33, 34, 35, 35, 35, 64, 65,
	                              64, 65, 66, 67, 128, 129};
	int btn = buttons[rnd(r, sizeof buttons / sizeof *buttons)];
	bool release = rnd(r, 3) == 0 && btn < 4;
	size_t at;

	if (rnd(r, 8) == 0)
		btn |= (int)rnd(r, 8) << 2;	/* shift, meta, ctrl */
	bprintf(b, "\033[<%d;", btn);
	at = b->len;
	mouse_coord(r, b, cols);
	bput(b, ";");
	mouse_coord(r, b, rows);
	bput(b, release ? "m" : "M");
	if (btn == 0 && !release && rnd(r, 2) == 0) {
		/* A whole click at the same cell. */
		char *coords = strndup(b->s + at, b->len - at - 1);

		bprintf(b, "\033[<0;%sm", coords);
		free(coords);
	}
}

/* One random input event appended to b; returns QUIT_* if it may end
 * the program.  Without quits, no character the terminal itself acts on
 * (no 'q', Ctrl-C, Ctrl-Z): typed after a quit signal, a Ctrl-Z would make
 * the terminal discard the restoring bytes not yet read (ISIG flushes the
 * output queue). */
static int
monkey_event(uint64_t *r, struct buf *b, int rows, int cols, bool quits)
{
	unsigned k = rnd(r, 1000);

	if (k < 380) {
		unsigned c;

		for (;;) {
			c = 0x20 + rnd(r, 95);
			if (c == 'q') {
				if (quits && rnd(r, 40) == 0) {
					bput(b, "q");
					return QUIT_Q;
				}
				continue;
			}
			if (c == 'r' && rnd(r, 4) != 0)
				continue;	/* reload, from disk: now and then */
			break;
		}
		bputcp(b, c);
	} else if (k < 460) {
		static const uint32_t ranges[][2] = {
			{0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x4E00, 0x9FFF},
			{0xFF01, 0xFF5E}, {0x00A0, 0x00FF}, {0x0300, 0x036F}, {0x1F300, 0x1F64F},
			{0x1100, 0x11FF}, {0x2000, 0x206F},
		};
		unsigned i = rnd(r, sizeof ranges / sizeof *ranges);

		bputcp(b, ranges[i][0] + rnd(r, ranges[i][1] - ranges[i][0] + 1));
	} else if (k < 540) {
		unsigned c;

		if (quits && rnd(r, 1000) == 0) {
			bput(b, "\003");	/* Ctrl-C */
			return QUIT_INT;
		}
		do {
			c = rnd(r, 33);
			c = c == 32 ? 0x7f : c;
			if (c == 0x1a && quits && rnd(r, 10) == 0)
				break;	/* Ctrl-Z: suspend (not stopped here: orphaned) */
		} while (special_byte(c));
		badd(b, &(char){(char)c}, 1);
	} else if (k < 700) {
		bput(b, key_seqs[rnd(r, sizeof key_seqs / sizeof *key_seqs)]);
	} else if (k < 740) {
		switch (rnd(r, 4)) {
		case 0: {	/* a CSI with random parameters and final byte */
			int n = (int)rnd(r, 5);
			unsigned c;

			bput(b, "\033[");
			if (rnd(r, 3) == 0)
				bput(b, (const char *const[]){"?", "<", ">", "="}[rnd(r, 4)]);
			for (int i = 0; i < n; i++)
				bprintf(b, "%s%u", i ? ";" : "", (unsigned)rnd(r, 2000));
			do
				c = 0x40 + rnd(r, 0x3f);
			while (c == 'q');	/* read as keys: quit */
			badd(b, &(char){(char)c}, 1);
			break;
		}
		case 1: {	/* X10 mouse: ESC [ M and three bytes */
			unsigned c;

			bput(b, "\033[M");
			for (int i = 0; i < 3; i++) {
				do
					c = 0x20 + rnd(r, 0xe0);
				while (c == 'q');	/* read as a key: quit */
				badd(b, &(char){(char)c}, 1);
			}
			break;
		}
		case 2: {	/* raw high bytes */
			int n = 1 + (int)rnd(r, 4);

			for (int i = 0; i < n; i++)
				badd(b, &(char){(char)(0x80 + rnd(r, 0x80))}, 1);
			break;
		}
		default:
			bput(b, garbage_seqs[rnd(r, sizeof garbage_seqs / sizeof *garbage_seqs)]);
			break;
		}
	} else {
		mouse_event(r, b, rows, cols);
	}
	return QUIT_NONE;
}

/* Whatever the monkey left (a prompt, the help, a search, another
 * language, the list, a selected link): back to the English first page,
 * line 1. */
static bool
back_to_first_page(struct vt *t)
{
	int lang;

	/* A mouse report the monkey cut short ("ESC [ < 0 ; 5") has ncurses
	 * read on, byte by byte, up to a final byte (0x40-0x7E): '~' ends it
	 * (and alone does nothing, or goes into a prompt that Esc closes). */
	vt_keys(t, "~");
	pump_for(t, 80);
	vt_key(t, VT_KEY_ESC);		/* closes a prompt */
	pump_for(t, 80);
	vt_key(t, VT_KEY_ESC);		/* clears a selected link or message */
	pump_for(t, 80);
	show_tab(t, 0);
	if (!vt_wait(t, T_WAIT, pred_first_page_any, NULL)) {
		check_note("~, Esc, Esc, 1 did not show the first page (in any language)");
		note_tty(t);
		/* Stale screen or keys not read?  A full repaint tells. */
		vt_char(t, 'l', VT_MOD_CTRL);
		pump_for(t, 500);
		{
			char *row = vt_row_text(t, vt_rows(t) - 1);

			check_note("after Ctrl-L the status line reads \"%s\"", row ? row : "");
			free(row);
		}
		return false;
	}
	vt_keys(t, "/\r");		/* an empty search clears the old one */
	pump_for(t, 50);
	vt_key(t, VT_KEY_ESC);
	pump_for(t, 80);
	for (int i = 0; i < NLANG && (lang = status_first_page(t)) != EN; i++) {
		vt_keys(t, "L");
		if (!vt_wait(t, T_WAIT, pred_first_page_not, &lang)) {
			check_note("L did not change the language");
			return false;
		}
	}
	vt_keys(t, "g");
	return wait_at(t, EN, 0, 0);
}

static bool
pred_started(struct vt *t, void *arg)
{
	(void)arg;
	return vt_altscreen(t);
}

enum drained { DRAINED, STUCK, ENDED };

/* Until everything sent has been read by the program (the harness's
 * queue empty, the terminal's input queue empty at `need` checks in a
 * row, 2 ms apart), reading its output all the while; or it ended; or
 * timeout_ms passed. */
static enum drained
drain(struct vt *t, int slave, int need, int timeout_ms)
{
	long long end = vt_now_ms() + timeout_ms;
	int zero = 0;

	for (;;) {
		int n = 0;

		if (vt_wait_exit(t, 0, NULL))
			return ENDED;
		if (vt_wait_quiet(t, 0, 0)) {
			if (slave < 0 || ioctl(slave, FIONREAD, &n) != 0)
				return DRAINED;	/* cannot tell more */
			zero = n == 0 ? zero + 1 : 0;
			if (zero >= need)
				return DRAINED;
		} else {
			zero = 0;
		}
		if (vt_now_ms() >= end)
			return STUCK;
		vt_pump(t, 2);
	}
}

static void
test_monkey(void)
{
	uint64_t r = stream(2);
	long total = env_long("TORTURE_KEYS", 100000, 0, 100000000);
	long sent = 0, bursts = 0, resizes = 0, restarts = 0, bytes = 0;
	struct vt *t = start(24, 80, NONE, NONE);
	struct buf burst = {0};
	long long t0 = vt_now_ms();
	bool ok = true, clean = true;
	int st, quits = 0, slave = -1;
	char how[96];
	FILE *logf = NULL;

	if (getenv("TORTURE_LOG") != NULL && *getenv("TORTURE_LOG") != '\0'
	    && (logf = fopen(getenv("TORTURE_LOG"), "w")) == NULL)
		check_note("TORTURE_LOG: %s", strerror(errno));

	check_note("monkey: seed %llu, %ld events (TORTURE_KEYS)", (unsigned long long)seed,
	           total);
	CHECKV(t, wait_at(t, EN, 0, 0), "monkey: started");
	slave = open_slave(t);
	if (slave < 0)
		check_note("cannot open the terminal's slave side (%s): pacing by the "
		           "harness's queue only", strerror(errno));
	for (;;) {
		int n = 1 + (int)rnd(&r, 400), quit = 0;
		enum drained d;

		if (sent < total) {
			if (n > total - sent)
				n = (int)(total - sent);
			burst.len = 0;
			bput(&burst, "");
			for (int i = 0; i < n; i++)
				quit |= monkey_event(&r, &burst, vt_rows(t), vt_cols(t), true);
			/* The terminal acts on a Ctrl-C only once the program has
			 * read that far: what may end the program is anything sent
			 * since it started. */
			quits |= quit;
			/* A 'q' may also come out of a cut escape sequence. */
			if (memchr(burst.s, 'q', burst.len) != NULL)
				quits |= QUIT_Q;
			if (memchr(burst.s, 0x03, burst.len) != NULL)
				quits |= QUIT_INT;
			sent += n;
			bursts++;
			bytes += (long)burst.len;
			if (rnd(&r, 15) == 0) {
				int rows, cols;

				if (rnd(&r, 4) == 0) {
					random_size(&r, &rows, &cols);
					/* Not 1 column: the monkey switches to Korean,
					 * Japanese, Chinese, and libvterm 0.1.4 crashes
					 * (NULL dereference in putglyph) on a wide
					 * character in a 1-column screen -- output sent
					 * for the old size can still arrive. */
					if (cols < 2)
						cols = 2;
				} else {
					rows = rnd_in(&r, 5, 60);
					cols = rnd_in(&r, 20, 200);
				}
				vt_resize(t, rows, cols);
				resizes++;
			}
			vt_send(t, burst.s, burst.len);
			if (logf != NULL) {
				fprintf(logf, "\n=== burst %ld, %d events, %zu bytes, %dx%d\n",
				        bursts, n, burst.len, vt_cols(t), vt_rows(t));
				fwrite(burst.s, 1, burst.len, logf);
				fflush(logf);
			}
		}
		/* The program reads everything sent within the deadline (one
		 * that stopped reading fails here); its output is read. */
		d = drain(t, slave, sent < total ? 1 : 10, T_WAIT);
		/* After a 'q' or Ctrl-C, let the program finish leaving before
		 * more is typed: a Ctrl-Z or Ctrl-C the terminal takes while the
		 * restoring bytes are still unread makes it discard them (ISIG
		 * flushes the output queue unless NOFLSH is set) -- the kernel's
		 * doing, not the program's. */
		if (d == DRAINED && (memchr(burst.s, 'q', burst.len) != NULL
		                     || memchr(burst.s, 0x03, burst.len) != NULL)
		    && vt_wait_exit(t, 150, NULL))
			d = ENDED;
		if (d == STUCK) {
			check_note("burst %ld (events %ld..%ld): the program has not read its "
			           "input for %d ms", bursts, sent - n, sent, T_WAIT);
			note_bytes("the burst", burst.s, burst.len, 512);
			vt_snapshot(t, stdout, "# ");
			ok = false;
			break;
		}
		if (d == ENDED) {
			vt_wait_exit(t, 0, &st);
			describe_status(st, how, sizeof how);
			if (!((quits & QUIT_Q) && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			    && !((quits & QUIT_INT) && WIFSIGNALED(st) && WTERMSIG(st) == SIGINT)) {
				check_note("burst %ld (events %ld..%ld): the program ended: %s",
				           bursts, sent - n, sent, how);
				note_bytes("the burst", burst.s, burst.len, 2048);
				vt_snapshot(t, stdout, "# ");
				ok = false;
				break;
			}
			if (!restored(t, CURSOR_SENT)) {
				if (clean) {
					check_note("burst %ld: the program quit (%s) and left the "
					           "terminal unrestored", bursts, how);
					note_restore_seqs(t);
					vt_snapshot(t, stdout, "# ");
					note_bytes("the burst", burst.s, burst.len, 512);
				}
				clean = false;
			}
			quits = 0;
			restarts++;
			if (logf != NULL)
				fprintf(logf, "\n=== restart %ld after %s\n", restarts, how);
			{
				int rows = vt_rows(t), cols = vt_cols(t);

				if (slave >= 0)
					close(slave);
				vt_free(t);
				t = start(rows, cols, NONE, NONE);
			}
			/* Curses has the terminal (at a tiny size there is
			 * little more to see). */
			if (!vt_wait(t, T_WAIT, pred_started, NULL)) {
				check_note("restart %ld: the program did not start", restarts);
				vt_snapshot(t, stdout, "# ");
				ok = false;
				break;
			}
			slave = open_slave(t);
			continue;
		}
		if (sent >= total)
			break;
	}
	free(burst.s);
	if (logf != NULL)
		fclose(logf);
	check_note("monkey: %ld events, %ld bytes in %ld bursts, %ld resizes, %ld restarts "
	           "after q or Ctrl-C, %lld ms", sent, bytes, bursts, resizes, restarts,
	           vt_now_ms() - t0);
	CHECK(ok, "monkey: %ld random events (seed %llu): no crash, the input always read",
	      sent, (unsigned long long)seed);
	CHECK(clean, "monkey: each of the %ld quits (q, Ctrl-C) restored the terminal",
	      restarts);
	if (ok) {
		vt_resize(t, 24, 80);
		CHECKV(t, back_to_first_page(t),
		       "monkey: no hang: ~, Esc, Esc, 1, L..., g bring the English first page back "
		       "within %d ms",
		       T_WAIT);
		{
			bool mouse_ok;

			CHECKV(t, page_is_fresh(t, &mouse_ok),
			       "monkey: afterwards the screen equals a fresh program's");
			CHECKV(t, mouse_ok, "monkey: afterwards mouse reporting is a fresh "
			       "program's (mode %d)", vt_mouse_mode(t));
		}
		vt_keys(t, "q");
		CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0
		       && restored(t, CURSOR_SENT),
		       "monkey: q then exits with 0 and restores the terminal");
	}
	if (slave >= 0)
		close(slave);
	vt_free(t);
}

/* ------------------------------------------------------------ 3. signals */

enum scen { SC_STARTUP, SC_REST, SC_CLOUD, SC_RESIZE, SC_TYPING, SC_N };

static const char *const scen_name[SC_N] = {
	"at start-up", "at rest on a page", "mid-animation on the Cloud tab",
	"mid-resize burst", "mid-typing",
};

static const char *const scen_key[SC_N] = {"startup", "rest", "cloud", "resize", "typing"};
static int forced_scen = -1;	/* TORTURE_SCENARIO */

static enum scen
pick_scen(uint64_t *r)
{
	unsigned k = rnd(r, SC_N);

	return (enum scen)(forced_scen >= 0 ? forced_scen : (int)k);
}

/* What to do at the random moment. */
struct fire {
	int sig;		/* SIGINT...; SIGTSTP, SIGSTOP: then SIGCONT */
	int gap_ms;		/* between the stop and the SIGCONT */
};

static void
fire(struct vt *t, const struct fire *f)
{
	vt_signal(t, f->sig);
	if (f->sig == SIGTSTP || f->sig == SIGSTOP) {
		pump_for(t, f->gap_ms);
		vt_signal(t, SIGCONT);
	}
}

/* Bring the program into scenario sc and fire at a random moment in it;
 * what happened goes to desc.  False if the scenario could not be set up
 * (the program did not show what it should). */
static bool
run_scenario(struct vt *t, uint64_t *r, enum scen sc, const struct fire *f, char *desc,
             size_t size)
{
	int delay, k, n;
	struct buf b = {0};

	switch (sc) {
	case SC_STARTUP:
		delay = (int)rnd(r, 60);
		snprintf(desc, size, "%s, %d ms after the spawn", scen_name[sc], delay);
		pump_for(t, delay);
		fire(t, f);
		return true;
	case SC_REST:
		if (!wait_at(t, EN, 0, 0))
			return false;
		n = (int)rnd(r, 6);
		for (int i = 0; i < n; i++)
			vt_keys(t, "j");
		delay = (int)rnd(r, 200);
		snprintf(desc, size, "%s (%d lines down), %d ms later", scen_name[sc], n, delay);
		pump_for(t, delay);
		fire(t, f);
		return true;
	case SC_CLOUD:
		if (!wait_at(t, EN, 0, 0))
			return false;
		show_tab(t, fx.npages);
		if (!wait_cloud(t))
			return false;
		delay = (int)rnd(r, 300);
		snprintf(desc, size, "%s, %d ms after it showed", scen_name[sc], delay);
		pump_for(t, delay);
		fire(t, f);
		return true;
	case SC_RESIZE:
		if (!wait_at(t, EN, 0, 0))
			return false;
		n = 100;
		k = (int)rnd(r, (unsigned)n);
		snprintf(desc, size, "%s, after resize %d of %d", scen_name[sc], k + 1, n);
		for (int i = 0; i < n; i++) {
			int rows, cols;

			random_size(r, &rows, &cols);
			vt_resize(t, rows, cols);
			vt_pump(t, 0);
			if (i == k)
				fire(t, f);
		}
		vt_resize(t, 24, 80);
		return true;
	case SC_TYPING:
		if (!wait_at(t, EN, 0, 0))
			return false;
		n = 10;
		k = (int)rnd(r, (unsigned)n);
		delay = (int)rnd(r, 8);
		snprintf(desc, size, "%s, %d ms after burst %d of %d", scen_name[sc], delay, k + 1,
		         n);
		for (int i = 0; i < n; i++) {
			int m = 1 + (int)rnd(r, 100);

			b.len = 0;
			bput(&b, "");
			for (int j = 0; j < m; j++)
				monkey_event(r, &b, vt_rows(t), vt_cols(t), false);
			vt_send(t, b.s, b.len);
			vt_pump(t, i == k ? delay : 2);
			if (i == k)
				fire(t, f);
		}
		free(b.s);
		return true;
	default:
		return false;
	}
}

/* SIGINT, SIGTERM or SIGHUP, runs times at random moments: the program
 * ends by the signal (or exits 128+n) and the terminal is restored. */
static void
test_signal_end(int sig, int runs, uint64_t *r)
{
	int failures = 0;
	char first[512] = "";
	long long t0 = vt_now_ms();

	for (int run = 0; run < runs; run++) {
		enum scen sc = pick_scen(r);
		struct fire f = {sig, 0};
		struct vt *t = start(24, 80, NONE, NONE);
		char desc[160], how[96] = "still running";
		int st = 0;
		bool ok = run_scenario(t, r, sc, &f, desc, sizeof desc);

		if (!ok)
			snprintf(desc, sizeof desc, "%s: the scenario could not be set up",
			         scen_name[sc]);
		if (ok) {
			ok = vt_wait_exit(t, T_WAIT, &st);
			if (ok)
				describe_status(st, how, sizeof how);
			ok = ok && ((WIFSIGNALED(st) && WTERMSIG(st) == sig)
			            || (WIFEXITED(st) && WEXITSTATUS(st) == 128 + sig));
			if (ok && !restored(t, CURSOR_SENT)) {
				ok = false;
				snprintf(how + strlen(how), sizeof how - strlen(how),
				         ", the terminal not restored");
			}
		}
		if (!ok) {
			check_note("%s run %d, %s: %s", sig_name(sig), run + 1, desc, how);
			note_restore_seqs(t);
			if (failures++ == 0) {
				snprintf(first, sizeof first, "run %d, %s: %s", run + 1, desc, how);
				vt_snapshot(t, stdout, "# ");
			}
		}
		vt_free(t);
	}
	CHECK(failures == 0,
	      "%s at %d random moments (seed %llu): the program ends by it and restores "
	      "the terminal (main screen, cursor shown, mouse off)%s%s [%lld ms]",
	      sig_name(sig), runs, (unsigned long long)seed, failures ? "; first failure: " : "",
	      first, vt_now_ms() - t0);
	if (failures)
		check_note("%d of %d runs failed", failures, runs);
}

/* SIGTSTP then SIGCONT (stop is discarded here: the harness's process
 * group is orphaned, so the program gives the terminal back and takes it
 * again at once), or SIGSTOP then SIGCONT (a real stop, mid-write
 * perhaps): the program keeps running and its screen is right. */
static void
test_signal_stop(int sig, int runs, uint64_t *r)
{
	int failures = 0, mouse_failures = 0;
	char first[512] = "";
	long long t0 = vt_now_ms();

	for (int run = 0; run < runs; run++) {
		enum scen sc = pick_scen(r);
		struct fire f = {sig, (int)rnd(r, 150)};
		struct vt *t = start(24, 80, NONE, NONE);
		char desc[160], why[96] = "";
		int st = 0;
		bool ok = run_scenario(t, r, sc, &f, desc, sizeof desc), mouse_ok = true;

		if (!ok)
			snprintf(why, sizeof why, "the scenario could not be set up");
		pump_for(t, 50);
		if (ok && !alive(t)) {
			describe_status(vt_wait_exit(t, 0, &st) ? st : 0, why, sizeof why);
			ok = false;
		}
		if (ok && sc == SC_CLOUD) {
			ok = cloud_is_fresh(t);
			if (!ok)
				snprintf(why, sizeof why, "the Cloud tab is not redrawn right");
		} else if (ok) {
			if (sc == SC_TYPING && !back_to_first_page(t)) {
				snprintf(why, sizeof why, "does not answer keys");
				ok = false;
			}
			if (ok && !page_is_fresh(t, &mouse_ok)) {
				snprintf(why, sizeof why, "the page is not redrawn right");
				ok = false;
			}
			if (!mouse_ok) {
				mouse_failures++;
				check_note("%s run %d, %s: mouse mode %d afterwards", sig_name(sig),
				           run + 1, desc, vt_mouse_mode(t));
			}
		}
		if (ok) {
			vt_keys(t, "q");
			ok = vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0
			     && restored(t, CURSOR_SENT);
			if (!ok)
				snprintf(why, sizeof why, "q afterwards: no clean exit and restore");
		}
		if (!ok) {
			check_note("%s run %d, %s, SIGCONT %d ms later: %s", sig_name(sig), run + 1,
			           desc, f.gap_ms, why);
			if (failures++ == 0) {
				snprintf(first, sizeof first, "run %d, %s, SIGCONT %d ms later: %s",
				         run + 1, desc, f.gap_ms, why);
				vt_snapshot(t, stdout, "# ");
			}
		}
		vt_free(t);
	}
	CHECK(failures == 0,
	      "%s+SIGCONT at %d random moments (seed %llu): the program keeps running, "
	      "redraws right, reads keys, quits cleanly%s%s [%lld ms]", sig_name(sig), runs,
	      (unsigned long long)seed, failures ? "; first failure: " : "", first,
	      vt_now_ms() - t0);
	if (failures)
		check_note("%d of %d runs failed", failures, runs);
	CHECK(mouse_failures == 0,
	      "%s+SIGCONT at %d random moments: afterwards, mouse reporting is a fresh "
	      "program's (%d runs with the wrong mode)", sig_name(sig), runs, mouse_failures);
}

/* A quit signal while the program waits for the terminal's answer to its
 * width question (a terminal that does not answer: the harness is not
 * read), before curses: it still ends by the signal, and the terminal's
 * modes are given back (echo and line editing on). */
static void
test_signal_probe(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	int failures = 0;
	char first[256] = "";

	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct vt *t = start(24, 80, ARGS("--ambiguous=auto"), NONE);
		struct timespec pause = {0, 80 * 1000000L};
		struct termios tio;
		int fd, st = 0;
		bool ok;
		char how[96] = "still running";

		nanosleep(&pause, NULL);	/* asked, and waiting: not read */
		fd = open_slave(t);
		kill(vt_pid(t), sigs[i]);
		ok = vt_wait_exit(t, T_WAIT, &st);
		if (ok)
			describe_status(st, how, sizeof how);
		ok = ok && ((WIFSIGNALED(st) && WTERMSIG(st) == sigs[i])
		            || (WIFEXITED(st) && WEXITSTATUS(st) == 128 + sigs[i]));
		if (fd < 0 || tcgetattr(fd, &tio) != 0) {
			ok = false;
			snprintf(how + strlen(how), sizeof how - strlen(how),
			         ", the terminal's modes unreadable");
		} else if ((tio.c_lflag & (ICANON | ECHO)) != (ICANON | ECHO)) {
			ok = false;
			snprintf(how + strlen(how), sizeof how - strlen(how), ", left %s %s",
			         tio.c_lflag & ICANON ? "icanon" : "-icanon",
			         tio.c_lflag & ECHO ? "echo" : "-echo");
		}
		if (fd >= 0)
			close(fd);
		if (!ok && failures++ == 0)
			snprintf(first, sizeof first, "%s: %s", sig_name(sigs[i]), how);
		vt_free(t);
	}
	CHECK(failures == 0, "signals during the width probe: the program ends by "
	      "them and gives the terminal's modes back%s%s",
	      failures ? "; first failure: " : "", first);
}

static void
test_signals(void)
{
	uint64_t r = stream(3);
	int runs = (int)env_long("TORTURE_RUNS", 20, 1, 100000);
	const char *only = getenv("TORTURE_SCENARIO");

	for (int i = 0; only != NULL && i < SC_N; i++)
		if (strcmp(only, scen_key[i]) == 0)
			forced_scen = i;
	check_note("signals: seed %llu, %d runs each (TORTURE_RUNS)%s%s",
	           (unsigned long long)seed, runs, forced_scen >= 0 ? ", all " : "",
	           forced_scen >= 0 ? scen_name[forced_scen] : "");
	test_signal_probe();
	if (!make_cloud_ref() || first_page_ref(1) == NULL)
		CHECK(false, "signals: reference screens");
	if (listed("TORTURE_SIGNALS", "INT"))
		test_signal_end(SIGINT, runs, &r);
	if (listed("TORTURE_SIGNALS", "TERM"))
		test_signal_end(SIGTERM, runs, &r);
	if (listed("TORTURE_SIGNALS", "HUP"))
		test_signal_end(SIGHUP, runs, &r);
	if (listed("TORTURE_SIGNALS", "TSTP"))
		test_signal_stop(SIGTSTP, runs, &r);
	if (listed("TORTURE_SIGNALS", "STOP"))
		test_signal_stop(SIGSTOP, runs / 4 > 0 ? runs / 4 : 1, &r);
}

/* ------------------------------------------------------------ 4. a terminal that stops reading */

/* What the process is doing, from /proc: "S write(...)" or so. */
static void
proc_state(pid_t pid, char *out, size_t size)
{
	char path[64], stat[512], sys[128] = "", wchan[64] = "";
	const char *state = proc_stat(pid, stat, sizeof stat);
	FILE *f;

	if (state == NULL)
		state = "?";
	snprintf(path, sizeof path, "/proc/%ld/syscall", (long)pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(sys, sizeof sys, f) != NULL)
			sys[strcspn(sys, " \n")] = '\0';
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%ld/wchan", (long)pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(wchan, sizeof wchan, f) == NULL)
			wchan[0] = '\0';
		fclose(f);
	}
	snprintf(out, size, "state %c, syscall %s%s, wchan %s", *state,
	         sys[0] ? sys : "?", strcmp(sys, "1") == 0 ? " (write)" : "",
	         wchan[0] ? wchan : "?");
}

/* Not reading for ms; true if the program is gone by then. */
static bool
unread_until_gone(struct vt *t, int ms)
{
	long long end = vt_now_ms() + ms;

	while (!gone_unread(t) && vt_now_ms() < end)
		hold(10);
	return gone_unread(t);
}

/* The program draws the cloud at 120 frames per second on 200x50, the
 * terminal stops reading for 2 s: the pty fills, the program blocks in
 * write().  Then the signal, and 1.5 s more without reading; in the
 * "twice" cases, if the program is still there, a second signal and 1 s
 * more without reading.  Then the terminal reads again: within the
 * deadline the program must have ended by the signal, and the terminal
 * must be restored.  The four cases run side by side (none is read while
 * the others wait). */
struct blocked {
	int sig;
	bool twice;
	struct vt *t;
	char what[64], state[256];
	bool ready, one, two, sent_two;
	size_t before;
};

static void
test_blocked(void)
{
	struct blocked c[] = {
		{.sig = SIGTERM}, {.sig = SIGTERM, .twice = true},
		{.sig = SIGHUP}, {.sig = SIGHUP, .twice = true},
	};
	size_t n = sizeof c / sizeof *c;
	long long end;

	for (size_t i = 0; i < n; i++) {
		struct blocked *b = &c[i];

		snprintf(b->what, sizeof b->what, "blocked output, %s%s",
		         b->sig == SIGTERM ? "SIGTERM" : "SIGHUP",
		         b->twice ? " (a second if need be)" : " once");
		b->t = start(50, 200, ARGS("--fps=120"), NONE);
		if (wait_at(b->t, EN, 0, 0)) {
			show_tab(b->t, fx.npages);
			b->ready = wait_cloud(b->t);
		}
		CHECKV(b->t, b->ready, "%s: started at 200x50, 120 fps, the cloud moves", b->what);
	}
	for (size_t i = 0; i < n; i++) {
		pump_for(c[i].t, 50);
		c[i].before = vt_bytes(c[i].t);
	}
	hold(2000);				/* the terminal does not read */
	for (size_t i = 0; i < n; i++) {
		proc_state(vt_pid(c[i].t), c[i].state, sizeof c[i].state);
		check_note("%s: after 2 s unread: %s", c[i].what, c[i].state);
		vt_signal(c[i].t, c[i].sig);
	}
	end = vt_now_ms() + 1500;
	for (size_t i = 0; i < n; i++) {
		struct blocked *b = &c[i];

		b->one = unread_until_gone(b->t, (int)(end > vt_now_ms() ? end - vt_now_ms() : 0));
		check_note("%s: one signal, still unread: %s 1.5 s later", b->what,
		           b->one ? "gone" : "still there");
		if (!b->one && b->twice) {
			proc_state(vt_pid(b->t), b->state, sizeof b->state);
			check_note("%s: before the second signal: %s", b->what, b->state);
			vt_signal(b->t, b->sig);
			b->sent_two = true;
		}
	}
	end = vt_now_ms() + 1000;
	for (size_t i = 0; i < n; i++) {
		struct blocked *b = &c[i];

		if (!b->sent_two)
			continue;
		b->two = unread_until_gone(b->t, (int)(end > vt_now_ms() ? end - vt_now_ms() : 0));
		proc_state(vt_pid(b->t), b->state, sizeof b->state);
		check_note("%s: a second signal, still unread: %s 1 s later%s%s", b->what,
		           b->two ? "gone" : "still there", b->two ? "" : ": ",
		           b->two ? "" : b->state);
	}
	/* The terminal reads again. */
	for (size_t i = 0; i < n; i++) {
		struct blocked *b = &c[i];
		char how[96] = "still running";
		int st = 0;
		bool ended = vt_wait_exit(b->t, T_WAIT, &st);

		if (ended)
			describe_status(st, how, sizeof how);
		check_note("%s: read again: %s, %zu bytes read since the stall", b->what, how,
		           vt_bytes(b->t) - b->before);
		CHECKV(b->t, ended && ((WIFSIGNALED(st) && WTERMSIG(st) == b->sig)
		                       || (WIFEXITED(st) && WEXITSTATUS(st) == 128 + b->sig)),
		       "%s: within %d ms of the terminal reading again, the program has "
		       "ended by the signal (%s; %s)", b->what, T_WAIT, how,
		       b->one ? "gone after one signal while unread"
		              : b->two ? "gone after the second signal while unread"
		                       : b->sent_two ? "two signals, but not gone while unread"
		                                     : "one signal, not gone while unread");
		CHECKV(b->t, ended && restored(b->t, CURSOR_SENT),
		       "%s: and then the terminal is restored (main screen, cursor shown, "
		       "mouse off)", b->what);
		if (!ended || !restored(b->t, CURSOR_SENT))
			note_restore_seqs(b->t);
		vt_free(b->t);
	}
}

/* ------------------------------------------------------------ main */

int
main(void)
{
	long long t0 = vt_now_ms();

	setvbuf(stdout, NULL, _IOLBF, 0);
	screen_setup();
	if (getenv("TORTURE_SEED") == NULL || *getenv("TORTURE_SEED") == '\0') {
		seed = 20261129;
	} else if (strcmp(getenv("TORTURE_SEED"), "random") != 0) {
		const char *s = getenv("TORTURE_SEED");
		char *end;

		errno = 0;
		seed = strtoull(s, &end, 10);
		if (errno != 0 || *end != '\0') {
			printf("Bail out! TORTURE_SEED=%s: not a number\n", s);
			return 99;
		}
	} else {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		seed = ((uint64_t)ts.tv_sec * 1000003u) ^ (uint64_t)ts.tv_nsec
		       ^ ((uint64_t)getpid() << 32);
		seed %= UINT64_C(10000000000);	/* short enough to type */
	}
	check_note("seed %llu (TORTURE_SEED=%llu repeats the random choices)",
	           (unsigned long long)seed, (unsigned long long)seed);

	if (listed("TORTURE_ONLY", "resize"))
		test_resize_storm();
	if (listed("TORTURE_ONLY", "monkey"))
		test_monkey();
	if (listed("TORTURE_ONLY", "signals"))
		test_signals();
	if (listed("TORTURE_ONLY", "blocked")) {
		test_blocked();
	}

	for (int i = 0; i <= REF_MAX; i++)
		shot_free(&page_ref[i]);
	shot_free(&cloud_ref);
	check_note("seed %llu, %lld ms in all", (unsigned long long)seed, vt_now_ms() - t0);
	screen_cleanup();
	return check_done();
}
