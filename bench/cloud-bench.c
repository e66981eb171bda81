/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* cloud-bench.c: what a frame of the tag cloud costs.
 *
 * Renders frames of the real cloud code (cloud.c for the maths,
 * cloud_draw.c for the screen) through a real curses screen whose output
 * goes to a scratch file instead of a terminal, and prints, per frame:
 * CPU time in-process (mean and 99th percentile: the cloud and curses
 * alone, frames back to back -- not the event loop, the bars, the
 * terminal's write or the kernel; `pty-bench cloud` measures the real
 * program for those), bytes sent to the
 * terminal, and the lower bound -- the cells that actually changed -- so
 * the ratio of bytes to changed cells shows what the drawing costs beyond
 * the minimum; what those bytes are for (characters, cursor moves, colour
 * switches); and the share of front-hemisphere tags drawn whole.  Beside
 * curses's bytes, what a frugal writer would send for the same changes
 * (see frugal_bytes): about the floor of the terminal's protocol.
 *
 *   cloud-bench [-c COLS] [-r ROWS] [-n TAGS] [-f FRAMES] [-l LANG] [-d DIR]
 *               [-C 256|8|0]     (colours: 256 by default; 0 monochrome)
 *
 * A figure, not a test: `make bench` runs it at 80x24 and 200x60. */
#include <config.h>

#define _GNU_SOURCE 1
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "bench.h"
#include "bundleset.h"
#include "cloud.h"
#include "cloud_draw.h"
#include "paint.h"
#include "theme.h"
#include "util.h"

/* What curses has written so far: its output goes to a scratch file
 * (curses writes to the descriptor, so a stdio cookie would not see it). */
static unsigned long long
written(FILE *out)
{
	struct stat st;

	fflush(out);
	return fstat(fileno(out), &st) == 0 ? (unsigned long long)st.st_size : 0;
}

/* What the bytes of a frame are for: the characters themselves, moving
 * the cursor (and erasing or shifting a row), or switching colours and
 * attributes (SGR, and the character-set selection curses sends with
 * it). */
enum { TEXT, MOVE, STYLE, KINDS };

static void
classify(FILE *out, unsigned long long from, unsigned long long to,
         unsigned long long kind[KINDS])
{
	unsigned char buf[4096];
	unsigned long long off = from;
	int state = 0;		/* 0 text, 1 after ESC, 2 in a CSI, 3 charset */
	unsigned seq = 0;	/* bytes of the escape sequence so far */

	while (off < to) {
		size_t want = to - off < sizeof buf ? (size_t)(to - off) : sizeof buf;
		ssize_t n = pread(fileno(out), buf, want, (off_t)off);

		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++) {
			unsigned char ch = buf[i];

			seq++;
			if (state == 0) {
				seq = 0;
				if (ch == 0x1b)
					state = 1, seq = 1;
				else
					kind[ch == 0x0e || ch == 0x0f ? STYLE
					     : ch < 0x20 ? MOVE : TEXT]++;
			} else if (state == 1) {
				state = ch == '[' ? 2 : ch == '(' || ch == ')' ? 3 : 0;
				if (state == 0)
					kind[MOVE] += seq;	/* ESC x */
			} else if (state == 2 && ch >= 0x40 && ch <= 0x7e) {
				kind[ch == 'm' ? STYLE : MOVE] += seq;
				state = 0;
			} else if (state == 3) {
				kind[STYLE] += seq;
				state = 0;
			}
		}
		off += (unsigned long long)n;
	}
}

static double
per_cell(unsigned long long bytes, int frames, double cells_per_frame)
{
	return cells_per_frame > 0 ? (double)bytes / frames / cells_per_frame : 0.0;
}

/* More tags than the bundle has: its own, repeated with a number. */
static void
grow_tags(struct bundle *b, size_t n)
{
	size_t have = b->ntags;

	if (n <= have || have == 0)
		return;
	b->tags = xreallocarray(b->tags, n, sizeof *b->tags);
	for (size_t i = have; i < n; i++) {
		struct tag *t = &b->tags[i];
		struct sbuf s = {0};

		*t = b->tags[i % have];
		sbuf_printf(&s, "%s %zu", b->tags[i % have].label, i / have + 1);
		t->label = s.s;
		t->page = xstrdup(t->page);
		t->block = t->block ? xstrdup(t->block) : NULL;
	}
	b->ntags = n;
}

/* What the screen shows of a cell, as cloud_draw.c draws it: a blank, or
 * a glyph in a foreground colour (-1 the default) and weight. */
enum { BOLD = 1, DIM = 2 };
struct shown {
	bool blank;
	int fg;
	unsigned weight;
};

static int colours = 256;	/* -C */

static struct shown
shown(const struct cloud_cell *k)
{
	struct shown s = {true, -1, 0};
	attr_t attr;
	short pair, fg, bg;

	if (k->owner < 0 || (colours == 0 && k->shade < 2))
		return s;	/* monochrome hides the two farthest shades */
	theme_get(theme_cloud(k->wclass, k->shade), &attr, &pair);
	s.blank = false;
	s.fg = pair != 0 && pair_content(pair, &fg, &bg) == OK ? fg : -1;
	s.weight = attr & A_BOLD ? BOLD : attr & A_DIM ? DIM : 0;
	return s;
}

/* Cells that differ between two frames, as the screen shows them. */
static bool
cell_differs(const struct cloud_cell *x, const struct cloud_cell *y)
{
	struct shown a = shown(x), b = shown(y);

	if (a.blank || b.blank)
		return a.blank != b.blank;
	return memcmp(x->ch, y->ch, sizeof x->ch) != 0 || x->width != y->width
	       || a.fg != b.fg || a.weight != b.weight;
}

static long
changed_cells(const struct cloud_frame *a, const struct cloud_frame *b)
{
	long n = 0;

	for (size_t i = 0; i < (size_t)a->w * (size_t)a->h; i++)
		n += cell_differs(&a->cells[i], &b->cells[i]);
	return n;
}

/* ----------------------------------------------------- the frugal writer
 *
 * What a frugal writer would send for a frame's changes on an xterm-like
 * terminal: it remembers the cursor and the colours across frames (curses
 * resets them after every update, for the sake of other programs writing
 * to the terminal), moves the cursor with the shortest of CUP, CUF, CHA
 * and CR LF or by rewriting the unchanged cells in between, writes a blank
 * in whatever colour is current (a blank looks the same in any foreground
 * colour), and changes colour and weight with one SGR of just the
 * parameters that change.  It does not shift rows with insert/delete
 * character, which curses sometimes can.  The figure tells how much of
 * the cost is the terminal's protocol and how much the library's. */

struct pen {
	int y, x;		/* the cursor; y -1: unknown */
	int fg;
	unsigned weight;
};

static int
digits(int n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static int
cell_bytes(const struct cloud_cell *k)
{
	uint8_t buf[8];
	int n = 0;

	if (shown(k).blank)
		return 1;
	for (int i = 0; i < 3 && k->ch[i] != 0; i++)
		n += u8_uctomb(buf, k->ch[i], (int)sizeof buf);
	return n;
}

static int
min(int a, int b)
{
	return a < b ? a : b;
}

/* Bytes to take the cursor from the pen to (y, x) on the frame's row. */
static int
move_bytes(const struct pen *p, const struct cloud_cell *row, int y, int x)
{
	int best = 4 + digits(y + 1) + digits(x + 1);	/* CUP */

	if (p->y == y && p->x == x)
		return 0;
	if (p->y == y && x > p->x) {
		int gap = 0;

		best = min(best, 3 + digits(x - p->x));	/* CUF */
		/* Rewriting what is there: blanks, or glyphs in the pen's look. */
		for (int i = p->x; i < x && gap < best; i++) {
			struct shown s = shown(&row[i]);

			if (row[i].width == 0)
				continue;
			if (!s.blank && (s.fg != p->fg || s.weight != p->weight))
				gap = best;
			else
				gap += cell_bytes(&row[i]);
		}
		best = min(best, gap);
	}
	if (p->y == y)
		best = min(best, 3 + digits(x + 1));	/* CHA */
	if (x == 0 && p->y >= 0 && p->y + 1 == y)
		best = min(best, 2);	/* CR LF */
	return best;
}

static int
sgr_bytes(struct pen *p, const struct shown *s)
{
	int n = 0, params = 0;
	unsigned on = s->weight;

	if ((p->weight & ~s->weight) != 0) {
		n += 2;		/* 22: neither bold nor dim */
		params++;
	} else {
		on &= ~p->weight;
	}
	for (unsigned bit = BOLD; bit <= DIM; bit <<= 1)
		if (on & bit) {
			n += 1;		/* 1, 2 */
			params++;
		}
	if (s->fg != p->fg) {
		n += s->fg < 0 ? 2 : 5 + digits(s->fg);	/* 39, 38;5;N */
		params++;
	}
	p->fg = s->fg;
	p->weight = s->weight;
	return params == 0 ? 0 : 3 + n + params - 1;	/* ESC [ ... m */
}

static long
frugal_bytes(struct pen *p, const struct cloud_frame *prev,
            const struct cloud_frame *cur)
{
	long bytes = 0;

	for (int y = 0; y < cur->h; y++) {
		const struct cloud_cell *row = &cur->cells[(size_t)y * (size_t)cur->w];
		const struct cloud_cell *was = &prev->cells[(size_t)y * (size_t)cur->w];

		for (int x = 0; x < cur->w; x++) {
			struct shown s;
			int at = x;

			if (!cell_differs(&row[x], &was[x]))
				continue;
			while (at > 0 && row[at].width == 0)
				at--;	/* a wide glyph is written whole */
			bytes += move_bytes(p, row, y, at);
			s = shown(&row[at]);
			if (!s.blank)
				bytes += sgr_bytes(p, &s);
			bytes += cell_bytes(&row[at]);
			p->y = y;
			p->x = at + (row[at].width > 0 ? row[at].width : 1);
			x = p->x - 1;
		}
	}
	return bytes;
}

int
main(int argc, char **argv)
{
	int cols = 80, rows = 24, frames = 1000, opt;
	size_t ntags = 0;
	const char *lang = "en", *dir = NULL;
	struct bundleset set;
	struct bundle_error err;
	struct bundle *b;
	struct cloud c;
	struct cloud_frame f = {0}, prev = {0};
	struct cloud_look look = {256, -1, -1, -1, -1};
	struct cloud_drawn drawn = {0};
	FILE *out, *in;
	SCREEN *scr;
	double *cpu, sum = 0;
	unsigned long long bytes = 0, kind[KINDS] = {0};
	long changed = 0, front = 0, whole = 0, frugal = 0;
	struct pen pen = {-1, 0, -1, 0};
	char path[4096];

	while ((opt = getopt(argc, argv, "c:r:n:f:l:d:C:")) != -1) {
		switch (opt) {
		case 'c': cols = atoi(optarg); break;
		case 'r': rows = atoi(optarg); break;
		case 'n': ntags = (size_t)atol(optarg); break;
		case 'f': frames = atoi(optarg); break;
		case 'l': lang = optarg; break;
		case 'd': dir = optarg; break;
		case 'C': colours = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: cloud-bench [-c COLS] [-r ROWS] [-n TAGS] "
			        "[-f FRAMES] [-l LANG] [-d DIR] [-C 256|8|0]\n");
			return 2;
		}
	}
	if (cols < 20 || rows < 5 || frames < 2) {
		fprintf(stderr, "cloud-bench: at least 20x5 and 2 frames\n");
		return 2;
	}
	if (dir == NULL)
		dir = getenv("ICLEI_TUI_DATA") ? getenv("ICLEI_TUI_DATA") : "data";
	if (!bundleset_load(&set, dir, &err)) {
		bundle_error_print(&err, stderr);
		return 1;
	}
	b = set.lang[lang_parse_or(lang, LANG_EN)];
	if (ntags > 0)
		grow_tags(b, ntags);

	/* A real curses screen on a counting sink. */
	snprintf(path, sizeof path, "%d", rows);
	setenv("LINES", path, 1);
	snprintf(path, sizeof path, "%d", cols);
	setenv("COLUMNS", path, 1);
	out = tmpfile();
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL || (scr = newterm("xterm-256color", out, in)) == NULL) {
		fprintf(stderr, "cloud-bench: cannot set up curses\n");
		return 1;
	}
	set_term(scr);
	if (colours > 0) {
		start_color();
		use_default_colors();
		colours = COLORS >= 256 && colours >= 256 ? 256 : 8;
	}
	theme_init(colours, false);
	look.colors = colours;
	curs_set(0);
	leaveok(stdscr, TRUE);	/* as tty.c sets it */
	wnoutrefresh(stdscr);
	doupdate();

	cloud_init(&c, b, 2026);
	cpu = xcalloc((size_t)frames, sizeof *cpu);
	for (int i = 0; i < frames; i++) {
		unsigned long long before;
		double t0 = bench_cpu_ms();

		cloud_step(&c, 1.0 / 30);
		cloud_render(&c, &f, cols, rows - 2);
		/* As the browser draws a frame: the rows that changed. */
		cloud_draw(stdscr, 1, &f, &look, &drawn, i == 0);
		before = written(out);
		wnoutrefresh(stdscr);
		doupdate();
		cpu[i] = bench_cpu_ms() - t0;
		if (i > 0) {	/* the first frame paints everything */
			unsigned long long after = written(out);
			int fr, wh;

			bytes += after - before;
			classify(out, before, after, kind);
			changed += changed_cells(&prev, &f);
			frugal += frugal_bytes(&pen, &prev, &f);
			sum += cpu[i];
			cloud_readable(&c, &f, &fr, &wh);
			front += fr;
			whole += wh;
		}
		if (prev.w != f.w || prev.h != f.h) {
			free(prev.cells);
			prev.cells = xcalloc((size_t)f.w * (size_t)f.h, sizeof *prev.cells);
			prev.w = f.w;
			prev.h = f.h;
		}
		memcpy(prev.cells, f.cells, (size_t)f.w * (size_t)f.h * sizeof *f.cells);
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	bench_sort(cpu + 1, (size_t)frames - 1);
	{
		int n = frames - 1;
		double mean_bytes = (double)bytes / n, mean_changed = (double)changed / n;

		printf("%dx%d %s, %zu tags, %d colours, %d frames: in-process CPU %.4f ms/frame "
		       "(p99 %.4f); "
		       "%.0f B/frame for %.0f changed cells (%.2f B/cell); "
		       "%.1f%% of front tags readable; "
		       "%.2f | %.2f | %.2f B/cell for text | cursor | style; "
		       "a frugal writer: %.0f B/frame (%.2f B/cell)\n",
		       cols, rows, b->lang, c.n, colours, n, sum / n, cpu[1 + (size_t)(n * 99 / 100)],
		       mean_bytes, mean_changed,
		       mean_changed > 0 ? mean_bytes / mean_changed : 0.0,
		       front > 0 ? 100.0 * (double)whole / (double)front : 0.0,
		       per_cell(kind[TEXT], n, mean_changed),
		       per_cell(kind[MOVE], n, mean_changed),
		       per_cell(kind[STYLE], n, mean_changed),
		       (double)frugal / n,
		       mean_changed > 0 ? (double)frugal / n / mean_changed : 0.0);
	}
	free(cpu);
	cloud_drawn_free(&drawn);
	free(prev.cells);
	cloud_frame_free(&f);
	cloud_free(&c);
	bundleset_free(&set);
	return 0;
}
