/* cloud-bench.c: what a frame of the tag cloud costs.
 *
 * Renders frames of the real cloud code (cloud.c for the maths,
 * cloud_draw.c and paint.c for the screen) through a real curses screen
 * whose output goes to a scratch file instead of a terminal, and prints, per frame: CPU
 * time (mean and 99th percentile), bytes sent to the terminal, and the
 * lower bound -- the cells that actually changed -- so the ratio of bytes
 * to changed cells shows what the drawing costs beyond the minimum; and
 * the share of front-hemisphere tags drawn whole.
 *
 *   cloud-bench [-c COLS] [-r ROWS] [-n TAGS] [-f FRAMES] [-l LANG] [-d DIR]
 *
 * A figure, not a test: `make bench` runs it at 80x24 and 200x60. */
#include <config.h>

#define _GNU_SOURCE 1
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* Cells that differ between two frames, as the screen shows them. */
static long
changed_cells(const struct cloud_frame *a, const struct cloud_frame *b)
{
	long n = 0;

	for (size_t i = 0; i < (size_t)a->w * (size_t)a->h; i++) {
		const struct cloud_cell *x = &a->cells[i], *y = &b->cells[i];

		if (memcmp(x->ch, y->ch, sizeof x->ch) != 0 || x->width != y->width
		    || (x->owner >= 0) != (y->owner >= 0)
		    || (x->owner >= 0 && (x->shade != y->shade || x->heavy != y->heavy)))
			n++;
	}
	return n;
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
	struct cloud_look look = {256, -1, -1};
	FILE *out, *in;
	SCREEN *scr;
	double *cpu, sum = 0;
	unsigned long long bytes = 0;
	long changed = 0, front = 0, whole = 0;
	char path[4096];

	while ((opt = getopt(argc, argv, "c:r:n:f:l:d:")) != -1) {
		switch (opt) {
		case 'c': cols = atoi(optarg); break;
		case 'r': rows = atoi(optarg); break;
		case 'n': ntags = (size_t)atol(optarg); break;
		case 'f': frames = atoi(optarg); break;
		case 'l': lang = optarg; break;
		case 'd': dir = optarg; break;
		default:
			fprintf(stderr, "usage: cloud-bench [-c COLS] [-r ROWS] [-n TAGS] "
			        "[-f FRAMES] [-l LANG] [-d DIR]\n");
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
	start_color();
	use_default_colors();
	theme_init(COLORS >= 256 ? 256 : 8);
	look.colors = COLORS >= 256 ? 256 : 8;
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
		werase(stdscr);		/* as the browser does every frame */
		cloud_draw(stdscr, 1, &f, &look);
		before = written(out);
		wnoutrefresh(stdscr);
		doupdate();
		cpu[i] = bench_cpu_ms() - t0;
		if (i > 0) {	/* the first frame paints everything */
			int fr, wh;

			bytes += written(out) - before;
			changed += changed_cells(&prev, &f);
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

		printf("%dx%d %s, %zu tags, %d frames: CPU %.4f ms/frame (p99 %.4f); "
		       "%.0f B/frame for %.0f changed cells (%.2f B/cell); "
		       "%.1f%% of front tags readable\n",
		       cols, rows, b->lang, c.n, n, sum / n, cpu[1 + (size_t)(n * 99 / 100)],
		       mean_bytes, mean_changed,
		       mean_changed > 0 ? mean_bytes / mean_changed : 0.0,
		       front > 0 ? 100.0 * (double)whole / (double)front : 0.0);
	}
	free(cpu);
	free(prev.cells);
	cloud_frame_free(&f);
	cloud_free(&c);
	bundleset_free(&set);
	return 0;
}
