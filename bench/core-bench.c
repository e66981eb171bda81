/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* core-bench.c: what loading and laying out a bundle costs, by size.
 *
 *   core-bench [-w WIDTH] [-n ROUNDS] DIR...
 *
 * For each DIR (a bundle: the real one, or ones made by gen-bundle.py)
 * and each language file in it, times the project's own core
 * (src/libcore.a) in CPU time of this process:
 *   load    bundle_load_file: read, parse, check, normalise one file
 *   layout  layout_page of every page at WIDTH columns (default 80), one
 *           struct doc reused, as --dump does
 *   search  search_page on the longest page, for a common word of the
 *           language ("the", "지방", "自治体", "地方") and for its most
 *           frequent letter ("e", "이", "の", "的": the worst case)
 *   map     then the display line of every match, with search_match_line,
 *           as view_page.c's map_matches does after every search, page
 *           change, resize or language switch while a search is active
 * and set: bundleset_load of the whole DIR (every language, checked to
 * agree), what the program does before anything else.
 *
 * The sizes are interleaved, so that the machine's ups and downs fall on
 * every size alike: each of ROUNDS rounds (default 11) times every
 * operation on every DIR once, and the figure is the median over the
 * rounds.  An operation shorter than 2 ms is timed as a batch of about
 * 2 ms, and the batch's mean taken, so that the clock's own cost (a
 * system call here) does not count.  Output, one line per file and one
 * per DIR:
 *   DIR LL bytes=B pages=P lines=N longest=N longest_page=ID
 *     load_ms=.. layout_ms=..
 *     word_search_ms=.. word_map_ms=.. word_matches=M
 *     char_search_ms=.. char_map_ms=.. char_matches=M
 *   DIR set bytes=B set_ms=..
 * A tool of bench/run. */
#include <config.h>

#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "bundle.h"
#include "bundleset.h"
#include "lang.h"
#include "layout.h"
#include "search.h"
#include "text.h"

#define MAX_ROUNDS 101
#define MIN_BLOCK_MS 2.0

static const char *const langs[] = {"en", "ko", "ja", "zh"};
#define NLANGS (sizeof langs / sizeof *langs)

enum op {
	OP_LOAD, OP_LAYOUT, OP_WSEARCH, OP_WMAP, OP_CSEARCH, OP_CMAP, NOPS
};

/* One language file of one DIR. */
struct file {
	char path[4096];
	long long bytes;
	struct bundle *b;
	struct layout_opts o;
	size_t lines, longest;
	int page;			/* the longest */
	struct doc d;			/* that page, laid out */
	struct search s[2];		/* word, letter */
	struct matches m[2];
	size_t *line[2];
	double t[NOPS][MAX_ROUNDS];
};

struct dir {
	const char *path;
	long long bytes;
	struct file f[NLANGS];
	bool have[NLANGS];
	double set[MAX_ROUNDS];
};

static void
die_bundle(const struct bundle_error *err)
{
	bundle_error_print(err, stderr);
	exit(1);
}

static void
op_run(struct file *f, struct dir *d, enum op op)
{
	struct bundle_error err;
	int k = op == OP_CSEARCH || op == OP_CMAP;

	switch (op) {
	case OP_LOAD: {
		struct bundle *b = bundle_load_file(f->path, &err);

		if (b == NULL)
			die_bundle(&err);
		bundle_free(b);
		break;
	}
	case OP_LAYOUT: {
		struct doc doc = {0};

		for (size_t i = 0; i < f->b->npages; i++)
			layout_page(&doc, &f->b->pages[i], &f->o);
		doc_free(&doc);
		break;
	}
	case OP_WSEARCH:
	case OP_CSEARCH:
		search_page(&f->s[k], &f->b->pages[f->page], &f->m[k]);
		break;
	case OP_WMAP:
	case OP_CMAP:
		search_map_lines(&f->d, &f->m[k], f->line[k]);
		break;
	case NOPS:
		break;
	}
	(void)d;
}

static void
set_run(struct dir *d)
{
	struct bundleset set;
	struct bundle_error err;

	if (!bundleset_load(&set, d->path, &err))
		die_bundle(&err);
	bundleset_free(&set);
}

/* The mean CPU time of op, run in a batch long enough (MIN_BLOCK_MS) that
 * the clock's own cost -- a system call here -- does not count. */
static double
timed(struct file *f, struct dir *d, int op)
{
	long n = 1;

	for (;;) {
		double t0 = bench_cpu_ms(), t;

		for (long i = 0; i < n; i++) {
			if (op < 0)
				set_run(d);
			else
				op_run(f, d, (enum op)op);
		}
		t = bench_cpu_ms() - t0;
		if (t >= MIN_BLOCK_MS || n >= 1000000)
			return t / (double)n;
		n = t > 0 ? (long)(n * 1.2 * MIN_BLOCK_MS / t) + 1 : n * 10;
	}
}

static void
prepare(struct dir *d, int width)
{
	for (size_t l = 0; l < NLANGS; l++) {
		struct file *f = &d->f[l];
		struct bundle_error err;
		struct stat st;
		struct doc doc = {0};

		snprintf(f->path, sizeof f->path, "%s/%s.yaml", d->path, langs[l]);
		if (stat(f->path, &st) != 0)
			continue;
		d->have[l] = true;
		f->bytes = st.st_size;
		d->bytes += st.st_size;
		if ((f->b = bundle_load_file(f->path, &err)) == NULL)
			die_bundle(&err);
		f->o = (struct layout_opts){width, AMBIGUOUS_NARROW,
		                            lang_break_rules(f->b->lang)};
		for (size_t i = 0; i < f->b->npages; i++) {
			layout_page(&doc, &f->b->pages[i], &f->o);
			f->lines += doc.n;
			if (doc.n > f->longest) {
				f->longest = doc.n;
				f->page = (int)i;
			}
		}
		doc_free(&doc);
		layout_page(&f->d, &f->b->pages[f->page], &f->o);
		search_set(&f->s[0], bench_common(f->b->lang, BENCH_WORD));
		search_set(&f->s[1], bench_common(f->b->lang, BENCH_LETTER));
		for (int k = 0; k < 2; k++) {
			search_page(&f->s[k], &f->b->pages[f->page], &f->m[k]);
			f->line[k] = calloc(f->m[k].n + 1, sizeof *f->line[k]);
		}
	}
}

int
main(int argc, char **argv)
{
	int width = 80, rounds = 11, opt, nd;
	struct dir *dirs;

	while ((opt = getopt(argc, argv, "w:n:")) != -1) {
		switch (opt) {
		case 'w': width = atoi(optarg); break;
		case 'n': rounds = atoi(optarg); break;
		default:
			goto usage;
		}
	}
	if (optind >= argc || width < 1 || rounds < 1 || rounds > MAX_ROUNDS)
		goto usage;
	nd = argc - optind;
	dirs = calloc((size_t)nd, sizeof *dirs);
	for (int i = 0; i < nd; i++) {
		dirs[i].path = argv[optind + i];
		prepare(&dirs[i], width);
	}
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < nd; i++) {
			struct dir *d = &dirs[(i + r) % nd];

			d->set[r] = timed(NULL, d, -1);
			for (size_t l = 0; l < NLANGS; l++)
				if (d->have[l])
					for (int op = 0; op < NOPS; op++)
						d->f[l].t[op][r] = timed(&d->f[l], d, op);
		}
	for (int i = 0; i < nd; i++) {
		struct dir *d = &dirs[i];

		for (size_t l = 0; l < NLANGS; l++) {
			struct file *f = &d->f[l];

			if (!d->have[l])
				continue;
			printf("%s %s bytes=%lld pages=%zu lines=%zu longest=%zu "
			       "longest_page=%s load_ms=%.4f layout_ms=%.4f "
			       "word_search_ms=%.4f word_map_ms=%.4f word_matches=%zu "
			       "char_search_ms=%.4f char_map_ms=%.4f char_matches=%zu\n",
			       d->path, langs[l], f->bytes, f->b->npages, f->lines,
			       f->longest, f->b->pages[f->page].id,
			       bench_median(f->t[OP_LOAD], rounds),
			       bench_median(f->t[OP_LAYOUT], rounds),
			       bench_median(f->t[OP_WSEARCH], rounds),
			       bench_median(f->t[OP_WMAP], rounds), f->m[0].n,
			       bench_median(f->t[OP_CSEARCH], rounds),
			       bench_median(f->t[OP_CMAP], rounds), f->m[1].n);
		}
		printf("%s set bytes=%lld set_ms=%.4f\n", d->path, d->bytes,
		       bench_median(d->set, rounds));
	}
	return 0;
usage:
	fprintf(stderr, "usage: core-bench [-w WIDTH] [-n ROUNDS] DIR...\n");
	return 2;
}
