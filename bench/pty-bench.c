/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* pty-bench.c: the real program in a pseudo-terminal, timed.
 *
 * Runs iclei-tui (and, for comparison, w3m on the same content as HTML)
 * in the test suite's pty harness (tests/vt.c: a forkpty'd child read back
 * as cells with libvterm, terminal replies answered as xterm would), and
 * reads what the program costs from outside: wall time on CLOCK_MONOTONIC,
 * the child's CPU time from /proc/PID/schedstat (nanoseconds, the
 * scheduler's own accounting), its peak resident set from /proc/PID/status
 * (VmHWM), and the bytes it wrote to the terminal.
 *
 *   pty-bench start -d DATA -H HTMLDIR -l LANG [-n RUNS] [-r ROWS] [-c COLS]
 *             ICLEI W3M [MIN-CURSES]
 *      RUNS rounds (default 30, after one warm-up round), each running
 *      four programs (five with MIN-CURSES) in a rotating order:
 *        - iclei-tui, from exec to its first complete screen (the status
 *          line with its "? " help hint, the first page's title and the
 *          start of its first block), then key 5 to the first frame of
 *          the Cloud (three tag labels on screen, the page's text gone);
 *        - the same with --ambiguous=narrow (no terminal probe);
 *        - w3m HTMLDIR/LANG.html, from exec to its first complete screen
 *          (the same title and text, and its status line);
 *        - echo, from exec to its output on screen: the floor of what
 *          starting any program costs on this machine, in this harness;
 *        - with MIN-CURSES (bench/min-curses), that program painting the
 *          rows of iclei-tui's first screen (captured once beforehand),
 *          from exec to the same screen: the floor of a curses program.
 *      Prints the medians, and the peak RSS (VmHWM) of iclei-tui and w3m
 *      after their first screen.
 *
 *   pty-bench steps -l LANG -p PAGE [-n STEPS] [-r ROWS] [-c COLS]
 *             ICLEI DATA...
 *      One iclei-tui per bundle DATA (say the real one, 10x and 100x),
 *      side by side, taking turns step by step so that the machine's ups
 *      and downs fall on every size alike.  Each opens PAGE, goes to its
 *      bottom (G), then times STEPS (default 30) single scroll steps (k
 *      and j alternately: each moves the page one line and redraws what
 *      changed), STEPS/4 (at least 10) full redraws (Ctrl-L: the whole
 *      screen sent again), and 7 searches (/ WORD Enter, WORD a common
 *      word of the language, the prompt typed beforehand).  Each step:
 *      the key is sent, the screen is read until it shows the step's
 *      result (the status line's new position; the same screen after a
 *      clear; the prompt gone), then until the program sleeps again, and
 *      the child's CPU time from schedstat is the step's cost.  Prints
 *      the median and 90th percentile CPU per step, the bytes per step,
 *      the page's length in lines, and the peak RSS, one line per DATA.
 *
 *   pty-bench cloud -d DATA -l LANG [-s SECONDS] [-r ROWS] [-c COLS] ICLEI
 *      The moving cloud of the real program (--page cloud, 30 frames a
 *      second): after one second to settle, SECONDS (default 10) of it,
 *      and what the process spent meanwhile -- CPU time from schedstat,
 *      write calls from /proc/PID/io (syscw), the bytes that reached the
 *      terminal -- per frame, the frames counted on the terminal's side:
 *      bursts of output with 5 ms of silence or more between them.
 *      Prints CPU, writes and bytes per frame, frames per second and the
 *      load average.
 *
 *      -F: the program is bench/frame-floor (run as it is), not iclei-tui:
 *      the same figures for a program that only sleeps and writes.
 *
 *   pty-bench click -d DATA -l LANG [-n CLICKS] [-r ROWS] [-c COLS] ICLEI
 *      CLICKS times (default 20): on the moving cloud, a label found
 *      whole on the screen is clicked (press and release in one write),
 *      and the time from the click to the page drawn (its title on the
 *      status line) is taken; Backspace goes back to the cloud.  The
 *      labels are wherever the drift put them, front and back.  Prints
 *      the median, 90th percentile and the longest.
 *
 * Output is "key=value" words on one line, for bench/run.  Exits 1 with
 * a screen dump on standard error when the program does not do what is
 * expected within 5 s. */
#include <config.h>

#define _GNU_SOURCE 1
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "bundle.h"
#include "lang.h"
#include "text.h"
#include "../tests/vt.h"	/* the test suite's pty harness */

#define TIMEOUT_MS 5000

static void
fail(struct vt *t, const char *what)
{
	fprintf(stderr, "pty-bench: %s\n", what);
	if (t != NULL)
		vt_snapshot(t, stderr, "  ");
	vt_free(t);
	exit(1);
}

/* ------------------------------------------------------------ /proc */

/* CPU time the process has run, in ms (schedstat: nanoseconds). */
static double
proc_cpu_ms(pid_t pid)
{
	char path[64];
	unsigned long long ns = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fscanf(f, "%llu", &ns) != 1)
		ns = 0;
	fclose(f);
	return (double)ns / 1e6;
}

/* Peak resident set (VmHWM), KiB. */
static long
proc_hwm_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* The process's state letter (R running, S sleeping...). */
static char
proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return '?';
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' ? p[2] : '?';
}

/* Until the program is back asleep in poll (at most 50 ms), so that what
 * it did after its last byte counts for this step, not the next. */
static void
wait_asleep(struct vt *t)
{
	double until = bench_now_ms() + 50;

	while (proc_state(vt_pid(t)) == 'R' && bench_now_ms() < until)
		vt_pump(t, 0);
	vt_pump(t, 0);
}

/* ------------------------------------------------------------ the content */

struct content {
	const char *title;	/* the first page's */
	char needle[64];	/* the start of its first block's text */
	char **labels;		/* the tags */
	size_t nlabels;
	struct bundle *b;
};

static void
load_content(struct content *c, const char *dir, const char *lang)
{
	char path[4096];
	struct bundle_error err;
	const struct block *k;
	const char *s;
	size_t n = 0, chars = 0;

	snprintf(path, sizeof path, "%s/%s.yaml", dir, lang);
	if ((c->b = bundle_load_file(path, &err)) == NULL) {
		bundle_error_print(&err, stderr);
		exit(1);
	}
	c->title = c->b->pages[0].title;
	k = &c->b->pages[0].blocks[0];
	s = k->text != NULL ? k->text : k->items[0];
	/* Twelve characters: on the first line of the block at 80 columns. */
	while (s[n] != '\0' && s[n] != '\n' && chars < 12 && n < sizeof c->needle - 8) {
		n++;
		while (((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
		chars++;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	memcpy(c->needle, s, n);
	c->needle[n] = '\0';
	c->nlabels = c->b->ntags;
	c->labels = calloc(c->nlabels + 1, sizeof *c->labels);
	for (size_t i = 0; i < c->nlabels; i++)
		c->labels[i] = c->b->tags[i].label;
}

/* ------------------------------------------------------------ predicates */

static struct content C;

static bool
last_row_has(struct vt *t, const char *s)
{
	char *row = vt_row_text(t, vt_rows(t) - 1);
	bool yes = row != NULL && strstr(row, s) != NULL;

	free(row);
	return yes;
}

static bool
pred_first_screen(struct vt *t, void *arg)
{
	(void)arg;
	return last_row_has(t, "? ") && vt_find_text(t, C.title, NULL, NULL) > 0
	       && vt_find_text(t, C.needle, NULL, NULL) > 0;
}

static bool
pred_w3m_screen(struct vt *t, void *arg)
{
	char *row;
	bool yes;

	(void)arg;
	if (vt_find_text(t, C.title, NULL, NULL) == 0
	    || vt_find_text(t, C.needle, NULL, NULL) == 0)
		return false;
	row = vt_row_text(t, vt_rows(t) - 1);	/* w3m's status line */
	yes = row != NULL && row[0] != '\0';
	free(row);
	return yes;
}

static bool
pred_cloud(struct vt *t, void *arg)
{
	int seen = 0;

	(void)arg;
	if (vt_find_text(t, C.needle, NULL, NULL) > 0)
		return false;
	for (size_t i = 0; i < C.nlabels && seen < 3; i++)
		if (vt_find_text(t, C.labels[i], NULL, NULL) > 0)
			seen++;
	return seen >= 3;
}

/* ------------------------------------------------------------ start */

static char *const *
env_default(void)
{
	/* The harness's clean environment (TERM=xterm-256color,
	 * LC_ALL=C.UTF-8, PATH, HOME), nothing added. */
	return NULL;
}

static bool
pred_floor(struct vt *t, void *arg)
{
	(void)arg;
	return vt_find_text(t, C.needle, NULL, NULL) > 0;
}

enum racer { R_ICLEI, R_W3M, R_FLOOR, R_NARROW, R_CURSES, R_COUNT };

/* iclei-tui's first screen once at rest, row by row, into a file: what
 * min-curses paints.  The file's name into path. */
static void
capture_rows(char *const argv[], int rows, int cols, char *path, size_t size)
{
	struct vt *t = vt_spawn(rows, cols, argv, env_default());
	FILE *f;
	int fd;

	snprintf(path, size, "/tmp/pty-bench-rows.XXXXXX");
	if (t == NULL || !vt_wait(t, TIMEOUT_MS, pred_first_screen, NULL)
	    || !vt_wait_quiet(t, 200, TIMEOUT_MS))
		fail(t, "iclei-tui: no first screen to capture");
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL)
		fail(t, "cannot write the rows");
	for (int r = 0; r < rows; r++) {
		char *row = vt_row_text(t, r);

		fprintf(f, "%s\n", row != NULL ? row : "");
		free(row);
	}
	fclose(f);
	vt_free(t);
}

static int
cmd_start(int argc, char **argv, const char *data, const char *html,
          const char *lang, int runs, int rows, int cols)
{
	double *v[R_COUNT], *cloud;
	long hwm[R_COUNT] = {0};
	int n[R_COUNT] = {0}, racers = argc > 2 ? R_COUNT : R_CURSES;
	char htmlfile[4096], rowsfile[64] = "";

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "pty-bench start: ICLEI and W3M needed (and MIN-CURSES)\n");
		return 2;
	}
	snprintf(htmlfile, sizeof htmlfile, "%s/%s.html", html, lang);
	if (argc > 2) {
		char *const iargv[] = {argv[0], "--data-dir", (char *)data, "--lang",
		                       (char *)lang, "--ambiguous=narrow", NULL};

		capture_rows(iargv, rows, cols, rowsfile, sizeof rowsfile);
	}
	for (int i = 0; i < R_COUNT; i++)
		v[i] = calloc((size_t)runs, sizeof *v[i]);
	cloud = calloc((size_t)runs, sizeof *cloud);
	for (int r = 0; r < runs + 1; r++) {	/* round 0: warm-up */
		for (int k = 0; k < racers; k++) {
			enum racer which = (enum racer)((k + r) % racers);
			char *const iargv[] = {argv[0], "--data-dir", (char *)data,
			                       "--lang", (char *)lang, NULL};
			char *const nargv[] = {argv[0], "--data-dir", (char *)data,
			                       "--lang", (char *)lang, "--ambiguous=narrow",
			                       NULL};
			char *const wargv[] = {argv[1], htmlfile, NULL};
			char *const fargv[] = {"echo", C.needle, NULL};
			char *const cargv[] = {argc > 2 ? argv[2] : NULL, rowsfile, NULL};
			char *const *av = which == R_ICLEI ? iargv : which == R_NARROW ? nargv
			                  : which == R_W3M ? wargv : which == R_CURSES ? cargv
			                  : fargv;
			bool (*pred)(struct vt *, void *) =
				which == R_W3M ? pred_w3m_screen
				: which == R_FLOOR ? pred_floor : pred_first_screen;
			struct vt *t;
			double t0, t1, t2;
			long kb;

			t0 = bench_now_ms();
			t = vt_spawn(rows, cols, av, env_default());
			if (t == NULL)
				fail(NULL, "cannot start a pseudo-terminal");
			if (!vt_wait(t, TIMEOUT_MS, pred, NULL))
				fail(t, which == R_W3M ? "w3m: no first screen"
				        : which == R_FLOOR ? "echo: no output"
				        : which == R_CURSES ? "min-curses: no first screen"
				                           : "iclei-tui: no first screen");
			t1 = bench_now_ms();
			kb = which == R_FLOOR ? 0 : proc_hwm_kb(vt_pid(t));
			if (which == R_ICLEI) {
				vt_keys(t, "5");
				t2 = bench_now_ms();
				if (!vt_wait(t, TIMEOUT_MS, pred_cloud, NULL))
					fail(t, "iclei-tui: no cloud after key 5");
				if (r > 0)
					cloud[n[which]] = bench_now_ms() - t2;
			}
			if (r > 0) {
				v[which][n[which]++] = t1 - t0;
				if (kb > hwm[which])
					hwm[which] = kb;
			}
			vt_free(t);
		}
	}
	printf("lang=%s runs=%d first_med=%.3f first_p90=%.3f cloud_med=%.3f "
	       "cloud_p90=%.3f w3m_med=%.3f w3m_p90=%.3f floor_med=%.3f "
	       "narrow_med=%.3f curses_med=%.3f rss_kb=%ld w3m_rss_kb=%ld\n",
	       lang, runs, bench_quantile(v[R_ICLEI], n[R_ICLEI], 0.5),
	       bench_quantile(v[R_ICLEI], n[R_ICLEI], 0.9),
	       bench_quantile(cloud, n[R_ICLEI], 0.5),
	       bench_quantile(cloud, n[R_ICLEI], 0.9),
	       bench_quantile(v[R_W3M], n[R_W3M], 0.5),
	       bench_quantile(v[R_W3M], n[R_W3M], 0.9),
	       bench_quantile(v[R_FLOOR], n[R_FLOOR], 0.5),
	       bench_quantile(v[R_NARROW], n[R_NARROW], 0.5),
	       n[R_CURSES] > 0 ? bench_quantile(v[R_CURSES], n[R_CURSES], 0.5) : -1.0,
	       hwm[R_ICLEI], hwm[R_W3M]);
	if (rowsfile[0] != '\0')
		unlink(rowsfile);
	for (int i = 0; i < R_COUNT; i++)
		free(v[i]);
	free(cloud);
	return 0;
}

/* ------------------------------------------------------------ steps */

struct pos {
	long top, n;
};

/* "Name  TOP/N  PCT%" on the status line. */
static bool
status_pos(struct vt *t, struct pos *p)
{
	char *row = vt_row_text(t, vt_rows(t) - 1), *s;
	bool ok = false;

	for (s = row; s != NULL && *s != '\0'; s++) {
		long a, b;
		int used;

		if (s[0] == ' ' && s[1] == ' '
		    && sscanf(s, " %ld/%ld%n", &a, &b, &used) == 2 && s[used] == ' ') {
			p->top = a;
			p->n = b;
			ok = true;
			break;
		}
	}
	free(row);
	return ok;
}

static bool
pred_pos(struct vt *t, void *arg)
{
	const struct pos *want = arg;
	struct pos p;

	return status_pos(t, &p) && p.top == want->top && p.n == want->n;
}

struct same_screen {
	const char *text;
	size_t from;
};

static bool
pred_repainted(struct vt *t, void *arg)
{
	const struct same_screen *s = arg;
	char *now;
	bool yes;

	if (!vt_raw_seen_from(t, s->from, "\033[2J", 4))
		return false;
	now = vt_screen_text(t);
	yes = strcmp(now, s->text) == 0;
	free(now);
	return yes;
}

static bool
pred_no_prompt(struct vt *t, void *arg)
{
	char *row = vt_row_text(t, vt_rows(t) - 1);
	bool yes = row != NULL && row[0] != '/';

	(void)arg;
	free(row);
	return yes;
}

static bool
pred_prompt(struct vt *t, void *arg)
{
	char *row = vt_row_text(t, vt_rows(t) - 1);
	bool yes = row != NULL && row[0] == '/' && strcmp(row + 1, arg) == 0;

	free(row);
	return yes;
}

/* One program under test, on one bundle. */
struct inst {
	const char *data;
	struct vt *t;
	struct pos bottom;
	double *cpu, *bytes, *rcpu, *rbytes, scpu[16], sbytes[16];
	double cpu0, total;
	size_t bytes0;
};

static void
step_begin(struct inst *in)
{
	in->cpu0 = proc_cpu_ms(vt_pid(in->t));
	in->bytes0 = vt_bytes(in->t);
}

static void
step_end(struct inst *in, double *cpu, double *bytes)
{
	wait_asleep(in->t);
	*cpu = proc_cpu_ms(vt_pid(in->t)) - in->cpu0;
	*bytes = (double)(vt_bytes(in->t) - in->bytes0);
}

static void
open_page(struct inst *in, const char *prog, const char *lang, const char *page,
          int rows, int cols)
{
	char *const av[] = {(char *)prog, "--data-dir", (char *)in->data,
	                    "--lang", (char *)lang, "--page", (char *)page, NULL};
	struct pos p = {0, 0};
	double until;

	in->t = vt_spawn(rows, cols, av, env_default());
	if (in->t == NULL)
		fail(NULL, "cannot start a pseudo-terminal");
	if (!vt_wait_text(in->t, "? ", TIMEOUT_MS))
		fail(in->t, "iclei-tui: no first screen");
	/* To the bottom: the worst place for a cost that grows with the
	 * distance from the top. */
	vt_keys(in->t, "G");
	until = bench_now_ms() + TIMEOUT_MS;
	while (bench_now_ms() < until) {
		vt_pump(in->t, 20);
		if (status_pos(in->t, &p) && p.top > 1)
			break;
	}
	if (!status_pos(in->t, &p) || p.top <= 1)
		fail(in->t, "iclei-tui: the page does not scroll (shorter than "
		            "the screen?)");
	in->bottom = p;
	wait_asleep(in->t);
}

static int
cmd_steps(int argc, char **argv, const char *lang, const char *page, int steps,
          int rows, int cols)
{
	int nredraw = steps / 4 > 10 ? steps / 4 : 10, nsearch = 7, n = argc - 1;
	const char *word = bench_common(lang, BENCH_WORD);
	struct inst *in;

	if (argc < 2) {
		fprintf(stderr, "pty-bench steps: ICLEI and at least one DATA needed\n");
		return 2;
	}
	in = calloc((size_t)n, sizeof *in);
	for (int d = 0; d < n; d++) {
		in[d].data = argv[1 + d];
		in[d].cpu = calloc((size_t)steps, sizeof *in[d].cpu);
		in[d].bytes = calloc((size_t)steps, sizeof *in[d].bytes);
		in[d].rcpu = calloc((size_t)nredraw, sizeof *in[d].rcpu);
		in[d].rbytes = calloc((size_t)nredraw, sizeof *in[d].rbytes);
		open_page(&in[d], argv[0], lang, page, rows, cols);
	}
	/* Scroll steps, k, j, k, j..., the programs taking turns. */
	for (int i = 0; i < steps; i++)
		for (int d = 0; d < n; d++) {
			struct pos want = in[d].bottom;

			if (i % 2 == 0)
				want.top--;
			step_begin(&in[d]);
			vt_keys(in[d].t, i % 2 == 0 ? "k" : "j");
			if (!vt_wait(in[d].t, TIMEOUT_MS, pred_pos, &want))
				fail(in[d].t, "iclei-tui: the scroll step did not show");
			step_end(&in[d], &in[d].cpu[i], &in[d].bytes[i]);
			in[d].total += in[d].cpu[i];
		}
	/* Full redraws: Ctrl-L. */
	for (int i = 0; i < nredraw; i++)
		for (int d = 0; d < n; d++) {
			struct vt *t = in[d].t;
			struct same_screen same = {vt_screen_text(t), vt_bytes(t)};

			step_begin(&in[d]);
			vt_keys(t, "\014");
			if (!vt_wait(t, TIMEOUT_MS, pred_repainted, &same))
				fail(t, "iclei-tui: no redraw after Ctrl-L");
			step_end(&in[d], &in[d].rcpu[i], &in[d].rbytes[i]);
			free((char *)same.text);
		}
	/* Searches: the pattern typed first, then Enter timed. */
	for (int i = 0; i < nsearch; i++)
		for (int d = 0; d < n; d++) {
			struct vt *t = in[d].t;

			vt_keys(t, "/");
			vt_type(t, word);
			if (!vt_wait(t, TIMEOUT_MS, pred_prompt, (void *)word))
				fail(t, "iclei-tui: no search prompt");
			wait_asleep(t);
			step_begin(&in[d]);
			vt_keys(t, "\r");
			if (!vt_wait(t, TIMEOUT_MS, pred_no_prompt, NULL))
				fail(t, "iclei-tui: the search did not end");
			step_end(&in[d], &in[d].scpu[i], &in[d].sbytes[i]);
		}
	for (int d = 0; d < n; d++) {
		struct inst *x = &in[d];

		printf("data=%s lang=%s page=%s lines=%ld steps=%d step_cpu_med=%.4f "
		       "step_cpu_p90=%.4f step_cpu_mean=%.4f step_bytes_med=%.0f "
		       "redraws=%d redraw_cpu_med=%.4f redraw_cpu_p90=%.4f "
		       "redraw_bytes_med=%.0f search_word=%s search_cpu_med=%.4f "
		       "rss_kb=%ld\n",
		       x->data, lang, page, x->bottom.n, steps,
		       bench_quantile(x->cpu, steps, 0.5),
		       bench_quantile(x->cpu, steps, 0.9), x->total / steps,
		       bench_quantile(x->bytes, steps, 0.5), nredraw,
		       bench_quantile(x->rcpu, nredraw, 0.5),
		       bench_quantile(x->rcpu, nredraw, 0.9),
		       bench_quantile(x->rbytes, nredraw, 0.5), word,
		       bench_quantile(x->scpu, nsearch, 0.5),
		       proc_hwm_kb(vt_pid(x->t)));
		vt_free(x->t);
		free(x->cpu);
		free(x->bytes);
		free(x->rcpu);
		free(x->rbytes);
	}
	free(in);
	return 0;
}

/* ------------------------------------------------------------ the cloud */

/* The write calls a process made so far (syscw); -1 if unknown. */
static long
proc_writes(pid_t pid)
{
	char path[64], line[128];
	long n = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/io", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "syscw: %ld", &n) == 1)
			break;
	fclose(f);
	return n;
}

static bool floor_prog;	/* -F */

static struct vt *
start_cloud(const char *prog, const char *data, const char *lang, int rows, int cols)
{
	char *const av[] = {(char *)prog, "--data-dir", (char *)data, "--lang",
	                    (char *)lang, "--page", "cloud", "--fps", "30", NULL};
	char *const fav[] = {(char *)prog, NULL};
	struct vt *t = vt_spawn(rows, cols, floor_prog ? fav : av, env_default());

	if (t == NULL)
		fail(NULL, "cannot start a pseudo-terminal");
	if (!floor_prog && !vt_wait(t, TIMEOUT_MS, pred_cloud, NULL))
		fail(t, "iclei-tui: no cloud");
	return t;
}

static int
cmd_cloud(int argc, char **argv, const char *data, const char *lang, int seconds,
          int rows, int cols)
{
	struct vt *t;
	double cpu0, t0, cpu, wall;
	long w0, writes, frames = 0;
	size_t b0, bytes;
	char load[64] = "?";
	FILE *f;

	if (argc != 1) {
		fprintf(stderr, "pty-bench cloud: ICLEI needed\n");
		return 2;
	}
	t = start_cloud(argv[0], data, lang, rows, cols);
	vt_wait(t, 1000, NULL, NULL);	/* the first spin settles */
	cpu0 = proc_cpu_ms(vt_pid(t));
	w0 = proc_writes(vt_pid(t));
	b0 = vt_bytes(t);
	t0 = bench_now_ms();
	/* A frame: output after a silence (a read of it split in two is
	 * still one). */
	for (bool quiet = true; bench_now_ms() - t0 < seconds * 1000.0;) {
		size_t got = vt_pump(t, 5);

		if (got > 0 && quiet)
			frames++;
		quiet = got == 0;
	}
	cpu = proc_cpu_ms(vt_pid(t)) - cpu0;
	writes = proc_writes(vt_pid(t)) - w0;
	bytes = vt_bytes(t) - b0;
	wall = bench_now_ms() - t0;
	if (w0 < 0 || writes <= 0 || frames == 0)
		fail(t, "iclei-tui: no frames, or /proc/PID/io unreadable");
	if ((f = fopen("/proc/loadavg", "r")) != NULL) {
		if (fgets(load, sizeof load, f) == NULL)
			strcpy(load, "?");
		fclose(f);
		for (char *p = load, sp = 0; *p != '\0'; p++)
			if (*p == ' ' && ++sp == 3) {
				*p = '\0';
				break;
			} else if (*p == ' ') {
				*p = ',';
			}
	}
	printf("lang=%s size=%dx%d seconds=%.1f frames=%ld fps=%.1f cpu_ms=%.1f "
	       "cpu_per_frame_ms=%.4f writes_per_frame=%.2f bytes_per_frame=%.0f "
	       "load=%s\n", lang, cols, rows, wall / 1000, frames,
	       (double)frames * 1000 / wall, cpu, cpu / (double)frames,
	       (double)writes / (double)frames, (double)bytes / (double)frames, load);
	vt_free(t);
	return 0;
}

/* A label of the content whole on the screen, clickable: its tag. */
static int
label_on_screen(struct vt *t, int *row, int *col)
{
	for (size_t i = 0; i < C.nlabels; i++) {
		int r = -1, c = -1, w = 0;
		struct vt_cell first, cell;
		bool whole = true;

		if (vt_find_text(t, C.labels[i], &r, &c) != 1 || r < 1 || r >= vt_rows(t) - 1)
			continue;
		w = text_width(C.labels[i], strlen(C.labels[i]));
		if (!vt_cell(t, r, c, &first))
			continue;
		/* Blank on both sides: not part of a longer label. */
		if ((c > 0 && vt_cell(t, r, c - 1, &cell) && cell.ch[0] != 0 && cell.ch[0] != ' ')
		    || (vt_cell(t, r, c + w, &cell) && cell.ch[0] != 0 && cell.ch[0] != ' '))
			continue;
		for (int k = 1; k < w && whole; k++)
			whole = vt_cell(t, r, c + k, &cell)
			        && (cell.width == 0 || (cell.fg_rgb[0] == first.fg_rgb[0]
			                                && cell.fg_rgb[1] == first.fg_rgb[1]
			                                && cell.fg_rgb[2] == first.fg_rgb[2]));
		if (whole) {
			*row = r;
			*col = c;
			return (int)i;
		}
	}
	return -1;
}

/* A page's title on the status line: the click opened a page (the one
 * aimed at, or a neighbour the drift put under the pointer meanwhile). */
static bool
pred_on_page(struct vt *t, void *arg)
{
	(void)arg;
	for (size_t p = 0; p < C.b->npages; p++) {
		char want[256];

		snprintf(want, sizeof want, " %s  ", C.b->pages[p].title);
		if (last_row_has(t, want))
			return true;
	}
	return false;
}

static int
cmd_click(int argc, char **argv, const char *data, const char *lang, int clicks,
          int rows, int cols)
{
	double *ms = calloc((size_t)clicks, sizeof *ms);
	struct vt *t;
	int n = 0;

	if (argc != 1) {
		fprintf(stderr, "pty-bench click: ICLEI needed\n");
		return 2;
	}
	t = start_cloud(argv[0], data, lang, rows, cols);
	for (int tries = 0; n < clicks && tries < clicks * 5; tries++) {
		int r = -1, c = -1;
		char buf[64];
		double t0;

		vt_wait(t, 300 + 97 * (tries % 7), NULL, NULL);	/* somewhere else */
		if (label_on_screen(t, &r, &c) < 0)
			continue;
		snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", c + 2, r + 1, c + 2,
		         r + 1);
		t0 = bench_now_ms();
		vt_send(t, buf, strlen(buf));
		if (!vt_wait(t, TIMEOUT_MS, pred_on_page, NULL))
			fail(t, "iclei-tui: a click on a label opened no page");
		ms[n++] = bench_now_ms() - t0;
		vt_keys(t, "\177");
		if (!vt_wait(t, TIMEOUT_MS, pred_cloud, NULL))
			fail(t, "iclei-tui: Backspace did not come back to the cloud");
	}
	if (n == 0)
		fail(t, "iclei-tui: no label to click");
	printf("lang=%s size=%dx%d clicks=%d click_med=%.1f click_p90=%.1f click_max=%.1f\n",
	       lang, cols, rows, n, bench_quantile(ms, n, 0.5), bench_quantile(ms, n, 0.9),
	       bench_quantile(ms, n, 1.0));
	vt_free(t);
	free(ms);
	return 0;
}

/* ------------------------------------------------------------ main */

int
main(int argc, char **argv)
{
	const char *data = NULL, *html = NULL, *lang = "en", *page = NULL, *mode;
	int runs = -1, seconds = 10, rows = 24, cols = 80, opt, status;

	if (argc < 2) {
usage:
		fprintf(stderr,
		        "usage: pty-bench start -d DATA -H HTMLDIR -l LANG [-n RUNS] "
		        "[-r ROWS] [-c COLS] ICLEI W3M [MIN-CURSES]\n"
		        "       pty-bench steps -l LANG -p PAGE [-n STEPS] "
		        "[-r ROWS] [-c COLS] ICLEI DATA...\n"
		        "       pty-bench cloud -d DATA -l LANG [-s SECONDS] "
		        "[-r ROWS] [-c COLS] ICLEI\n"
		        "       pty-bench click -d DATA -l LANG [-n CLICKS] "
		        "[-r ROWS] [-c COLS] ICLEI\n");
		return 2;
	}
	mode = argv[1];
	optind = 2;
	while ((opt = getopt(argc, argv, "d:H:l:p:n:r:c:s:F")) != -1) {
		switch (opt) {
		case 'd': data = optarg; break;
		case 'H': html = optarg; break;
		case 'l': lang = optarg; break;
		case 'p': page = optarg; break;
		case 'n': runs = atoi(optarg); break;
		case 'r': rows = atoi(optarg); break;
		case 'c': cols = atoi(optarg); break;
		case 's': seconds = atoi(optarg); break;
		case 'F': floor_prog = true; break;
		default: goto usage;
		}
	}
	if (runs == -1)
		runs = strcmp(mode, "click") == 0 ? 20 : 30;
	if (runs < 1 || seconds < 1)
		goto usage;
	if (strcmp(mode, "steps") == 0 && data == NULL && optind + 1 < argc)
		data = argv[optind + 1];	/* the first bundle */
	if (data == NULL)
		goto usage;
	load_content(&C, data, lang);
	if (strcmp(mode, "start") == 0 && html != NULL)
		status = cmd_start(argc - optind, argv + optind, data, html, lang,
		                   runs, rows, cols);
	else if (strcmp(mode, "steps") == 0 && page != NULL)
		status = cmd_steps(argc - optind, argv + optind, lang, page, runs,
		                   rows, cols);
	else if (strcmp(mode, "cloud") == 0)
		status = cmd_cloud(argc - optind, argv + optind, data, lang, seconds, rows,
		                   cols);
	else if (strcmp(mode, "click") == 0)
		status = cmd_click(argc - optind, argv + optind, data, lang, runs, rows, cols);
	else
		goto usage;
	free(C.labels);
	bundle_free(C.b);
	return status;
}
