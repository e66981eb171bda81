/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-cloud.c: the tag cloud's maths and frames.
 *
 *   - the spiral spreads tags evenly (nearest-neighbour spread), and the
 *     acos clamp keeps n = 1 and 2 finite;
 *   - the orientation stays a rotation after 10^6 steps;
 *   - the fit keeps every label inside the frame at any orientation;
 *   - overlapping wide labels never leave half a glyph;
 *   - two labels on a row have CLOUD_GAP blanks at least between them;
 *   - hysteresis: a label shown keeps its place against one a little
 *     nearer and at exactly CLOUD_GAP blanks, where a hidden one stays
 *     hidden; a depth shade holds at its edge; over a slow drift, labels
 *     appear and vanish far less often than without it;
 *   - weight and depth are separate cues: each weight class its own hue
 *     at every depth (and the heavy bold), and no nearer shade darker
 *     than a farther one of the same weight, in 256 and 8 colours;
 *   - hit-testing finds the label under, or next to, a cell;
 *   - golden frames for a fixed seed and angles, in English, Korean and
 *     Japanese (tests/golden/cloud-*.txt; UPDATE_GOLDEN=1 rewrites them). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "bundleset.h"
#include "check.h"
#include "cloud.h"
#include "theme.h"
#include "util.h"

/* A bundle with n tags and nothing else of interest. */
static struct bundle *
fake_bundle(size_t n)
{
	struct bundle *b = xcalloc(1, sizeof *b);

	b->tags = xcalloc(n ? n : 1, sizeof *b->tags);
	b->ntags = n;
	for (size_t i = 0; i < n; i++) {
		b->tags[i].label = xstrdup("tag");
		b->tags[i].weight = (int)(i % 10) + 1;
	}
	return b;
}

static void
free_fake(struct bundle *b)
{
	for (size_t i = 0; i < b->ntags; i++)
		free(b->tags[i].label);
	free(b->tags);
	free(b);
}

static double
dist(const double a[3], const double b[3])
{
	double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];

	return sqrt(dx * dx + dy * dy + dz * dz);
}

static void
test_spread(void)
{
	static const size_t sizes[] = {10, 36, 100, 256};

	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		struct bundle *b = fake_bundle(sizes[s]);
		struct cloud c;
		double min = 1e9, max = 0, sum = 0, sumsq = 0, mean, cv;

		cloud_init(&c, b, 1);
		for (size_t i = 0; i < c.n; i++) {
			double nn = 1e9;

			for (size_t j = 0; j < c.n; j++)
				if (j != i && dist(c.items[i].p, c.items[j].p) < nn)
					nn = dist(c.items[i].p, c.items[j].p);
			min = fmin(min, nn);
			max = fmax(max, nn);
			sum += nn;
			sumsq += nn * nn;
		}
		mean = sum / (double)c.n;
		cv = sqrt(sumsq / (double)c.n - mean * mean) / mean;
		/* Random points on a sphere give a spread (cv) near 0.5 and
		 * near neighbours almost touching; the spiral stays even. */
		CHECK(cv < 0.2 && min > 0.5 * mean,
		      "%zu tags spread evenly: nearest neighbours %.3f..%.3f, "
		      "mean %.3f, cv %.3f", c.n, min, max, mean, cv);
		cloud_free(&c);
		free_fake(b);
	}
}

static void
test_small(void)
{
	for (size_t n = 1; n <= 2; n++) {
		struct bundle *b = fake_bundle(n);
		struct cloud c;
		bool ok = true;

		cloud_init(&c, b, 7);
		for (size_t i = 0; i < c.n; i++) {
			const double *p = c.items[i].p;
			double len = sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);

			ok &= isfinite(p[0]) && isfinite(p[1]) && isfinite(p[2])
			      && fabs(len - 1) < 1e-9;
		}
		CHECK(ok, "n = %zu: every tag on the sphere (acos clamped)", n);
		cloud_free(&c);
		free_fake(b);
	}
}

static void
test_orthonormal(void)
{
	struct bundle *b = fake_bundle(36);
	struct cloud c;

	cloud_init(&c, b, 3);
	c.vx = 1.1;
	c.vy = -0.7;
	c.drift_x = 0.3;	/* keep it turning all the way */
	c.drift_y = 0.2;
	for (long i = 0; i < 1000000; i++) {
		cloud_step(&c, 1.0 / 30);
		if (i % 250000 == 0)
			cloud_turn(&c, 0.3, -0.2);
	}
	CHECK(cloud_orthonormal(&c, 1e-9),
	      "after 10^6 steps the orientation is still a rotation");
	CHECK(fabs(c.vx - 0.3) < 1e-6 && fabs(c.vy - 0.2) < 1e-6,
	      "the spin decayed to the drift (%.4f, %.4f)", c.vx, c.vy);
	c.drift_x = c.drift_y = 0;
	for (int i = 0; i < 30 * 60; i++)
		if (!cloud_step(&c, 1.0 / 30))
			break;
	CHECK(c.vx == 0 && c.vy == 0, "without drift it comes to rest");
	/* Frame-rate independence: 1 s at 30 fps = 1 s at 120 fps. */
	{
		struct cloud d;
		double a, e;

		cloud_init(&d, b, 3);
		d.drift_x = d.drift_y = 0;
		d.vx = d.vy = 1;
		for (int i = 0; i < 30; i++)
			cloud_step(&d, 1.0 / 30);
		a = d.vx;
		d.vx = d.vy = 1;
		for (int i = 0; i < 120; i++)
			cloud_step(&d, 1.0 / 120);
		e = d.vx;
		CHECK(fabs(a - e) < 1e-9, "decay is frame-rate independent "
		      "(%.6f at 30 fps, %.6f at 120 fps)", a, e);
		cloud_free(&d);
	}
	cloud_free(&c);
	free_fake(b);
}

static struct bundleset set;

static bool
load_set(void)
{
	struct bundle_error err;
	char dir[4096];

	snprintf(dir, sizeof dir, "%s/data", check_srcdir());
	if (!bundleset_load(&set, dir, &err)) {
		CHECK(0, "the bundle loads: %s", err.message);
		return false;
	}
	return true;
}

/* Every frame of `turns` orientations: labels inside, wide glyphs whole. */
static void
test_frames(const struct bundle *b, int w, int h)
{
	struct cloud c;
	struct cloud_frame f = {0};
	int outside = 0, halves = 0, frames = 0, parts = 0, touching = 0, close = 0;
	int *owned, same_word = 0, stale = 0;
	struct cloud_cell *was = xcalloc((size_t)w * (size_t)h, sizeof *was);
	unsigned long long *sig = xcalloc((size_t)h, sizeof *sig);

	cloud_init(&c, b, 42);
	owned = xcalloc(c.n, sizeof *owned);
	for (int t = 0; t < 500; t++, frames++) {
		/* Big turns, and every fifth a small one: rows that stay. */
		if (t % 5 == 4)
			cloud_turn(&c, 0.004, 0.007);
		else
			cloud_turn(&c, 0.37, 0.61);
		cloud_render(&c, &f, w, h);
		/* A row whose word did not change looks as it did. */
		for (int y = 0; t > 0 && y < h; y++)
			if (f.rowsig[y] == sig[y]) {
				same_word++;
				stale += memcmp(&f.cells[y * w], &was[y * w], (size_t)w * sizeof *was) != 0;
			}
		memcpy(was, f.cells, (size_t)w * (size_t)h * sizeof *was);
		memcpy(sig, f.rowsig, (size_t)h * sizeof *sig);
		/* Shown whole or not at all, and never run into another. */
		memset(owned, 0, c.n * sizeof *owned);
		for (int i = 0; i < w * h; i++) {
			if (f.cells[i].owner >= 0)
				owned[f.cells[i].owner]++;
			if (i % w + 1 < w && f.cells[i].owner >= 0
			    && f.cells[i + 1].owner >= 0
			    && f.cells[i + 1].owner != f.cells[i].owner)
				touching++;
		}
		for (size_t i = 0; i < c.n; i++)
			parts += owned[i] != 0 && owned[i] != c.items[i].width;
		/* Between two labels on a row, CLOUD_GAP blanks at least. */
		for (int y = 0; y < h; y++) {
			int last = -1, end = 0;

			for (int x = 0; x < w; x++) {
				int o = f.cells[y * w + x].owner;

				if (o < 0)
					continue;
				if (last >= 0 && o != last && x - end < 2)
					close++;
				last = o;
				end = x + 1;
			}
		}
		for (size_t i = 0; i < c.n; i++) {
			int x, y;

			cloud_place(&c, &f, i, &x, &y);
			if (x < 0 || y < 0 || x + c.items[i].width > w || y >= h)
				outside++;
		}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				const struct cloud_cell *k = &f.cells[y * w + x];

				if (k->width == 2 && (x + 1 >= w || k[1].width != 0
				                      || k[1].owner != k->owner))
					halves++;
				if (k->width == 0 && (x == 0 || k[-1].width != 2
				                      || k[-1].owner != k->owner))
					halves++;
			}
	}
	CHECK(outside == 0, "%s at %dx%d: no label cropped in %d frames (%d out)",
	      b->lang, w, h, frames, outside);
	CHECK(halves == 0, "%s at %dx%d: no half wide glyph in %d frames (%d)",
	      b->lang, w, h, frames, halves);
	CHECK(parts == 0, "%s at %dx%d: no part of a covered label shown in %d "
	      "frames (%d)", b->lang, w, h, frames, parts);
	CHECK(touching == 0, "%s at %dx%d: no two labels touch in %d frames (%d)",
	      b->lang, w, h, frames, touching);
	CHECK(close == 0, "%s at %dx%d: %d blanks at least between two labels on a row "
	      "in %d frames (%d closer)", b->lang, w, h, CLOUD_GAP, frames, close);
	CHECK(stale == 0 && same_word > 0, "%s at %dx%d: a row whose word is the frame "
	      "before's holds the same cells (%d such rows, %d not)", b->lang, w, h, same_word,
	      stale);
	free(was);
	free(sig);
	free(owned);
	cloud_frame_free(&f);
	cloud_free(&c);
}

/* A pinned tag (the focused or hovered one) is shown whole even from the
 * back, behind every other. */
static void
test_pinned(const struct bundle *b)
{
	struct cloud c;
	struct cloud_frame f = {0};
	int missing = 0;

	cloud_init(&c, b, 7);
	for (int t = 0; t < 300; t++) {
		size_t far = 0;
		int cells = 0;

		cloud_turn(&c, 0.29, 0.53);
		cloud_render(&c, &f, 80, 22);
		for (size_t i = 1; i < c.n; i++)
			if (c.items[i].depth > c.items[far].depth)
				far = i;
		cloud_pin(&c, (int)far, -1);
		cloud_render(&c, &f, 80, 22);
		for (int i = 0; i < f.w * f.h; i++)
			cells += f.cells[i].owner == (int)far;
		missing += cells != c.items[far].width;
	}
	CHECK(missing == 0, "%s: a pinned tag at the back is shown whole "
	      "(%d of 300 frames not)", b->lang, missing);
	cloud_frame_free(&f);
	cloud_free(&c);
}

static void
test_hit(const struct bundle *b)
{
	struct cloud c;
	struct cloud_frame f = {0};
	int wrong = 0, near = -2, far = -2;

	cloud_init(&c, b, 5);
	cloud_render(&c, &f, 80, 22);
	for (int y = 0; y < f.h; y++)
		for (int x = 0; x < f.w; x++) {
			int o = f.cells[y * f.w + x].owner;

			if (o >= 0 && cloud_hit(&c, &f, x, y) != o)
				wrong++;
			/* A blank just right of a label finds it. */
			if (o >= 0 && x + 1 < f.w && f.cells[y * f.w + x + 1].owner < 0
			    && near == -2)
				near = cloud_hit(&c, &f, x + 1, y) == o ? 1 : 0;
		}
	far = cloud_hit(&c, &f, 0, 0);
	CHECK(wrong == 0, "a cell's label is the one hit there (%d wrong)", wrong);
	CHECK(near == 1, "a blank next to a label hits that label");
	CHECK(far == -1, "the empty corner hits nothing (%d)", far);
	CHECK(cloud_hit(&c, &f, -1, 3) == -1 && cloud_hit(&c, &f, 80, 3) == -1,
	      "outside the frame hits nothing");
	cloud_frame_free(&f);
	cloud_free(&c);
}

static void
test_readable(const struct bundle *b)
{
	struct cloud c;
	struct cloud_frame f = {0};
	long front = 0, whole = 0;

	cloud_init(&c, b, 9);
	for (int t = 0; t < 300; t++) {
		int fr, wh;

		cloud_turn(&c, 0.05, 0.11);
		cloud_render(&c, &f, 80, 22);
		cloud_readable(&c, &f, &fr, &wh);
		front += fr;
		whole += wh;
	}
	CHECK(whole * 100 >= front * 90, "%s at 80x22: %.1f%% of front tags "
	      "readable (target 90%%)", b->lang, 100.0 * (double)whole / (double)front);
	cloud_frame_free(&f);
	cloud_free(&c);
}

/* ------------------------------------------------------------ hysteresis */

/* Two labels of four columns on the middle row of a 60x15 frame: item 0
 * at the front, item 1 to its right at depth z (-1 front .. 1 back).
 * Returns the blanks between them once item 1 is placed `blanks` cells
 * after item 0 (as near as the projection allows). */
static int
pair_at(struct cloud *c, struct cloud_frame *f, int blanks, double z)
{
	int x0, y0, x1, y1, got = -99;

	c->items[0].p[0] = 0;
	c->items[0].p[1] = 0;
	c->items[0].p[2] = -1;
	for (double t = 0; t < 1; t += 0.0005) {
		double r = sqrt(1 - z * z);

		c->items[1].p[0] = r * t;
		c->items[1].p[1] = 0;
		c->items[1].p[2] = z;
		/* (onto the sphere, keeping the depth) */
		c->items[1].p[1] = r * sqrt(fmax(0, 1 - t * t)) * 0;
		cloud_place(c, f, 0, &x0, &y0);
		cloud_place(c, f, 1, &x1, &y1);
		got = x1 - (x0 + c->items[0].width);
		if (got >= blanks)
			break;
	}
	return got;
}

static bool
shown_whole(const struct cloud *c, const struct cloud_frame *f, int i)
{
	int n = 0;

	for (int k = 0; k < f->w * f->h; k++)
		n += f->cells[k].owner == i;
	return n == c->items[i].width;
}

static void
test_hold(void)
{
	struct bundle *b = fake_bundle(2);
	struct cloud c;
	struct cloud_frame f = {0};
	int got;
	bool a, d;

	free(b->tags[0].label);
	free(b->tags[1].label);
	b->tags[0].label = xstrdup("aaaa");
	b->tags[1].label = xstrdup("bbbb");
	cloud_init(&c, b, 1);
	cloud_render(&c, &f, 60, 15);	/* the fit */

	/* The gap: item 1 (farther) 1 blank away goes; at 2 it stays
	 * hidden (a hidden one needs 3); at 3 it comes back; at 2 again it
	 * stays (a shown one needs 2); at 1 it goes. */
	got = pair_at(&c, &f, 1, -0.5);
	cloud_render(&c, &f, 60, 15);
	a = !shown_whole(&c, &f, 1) && shown_whole(&c, &f, 0);
	CHECK(got == 1 && a, "gap: one blank between two labels: the farther goes "
	      "(blanks %d)", got);
	got = pair_at(&c, &f, 2, -0.5);
	cloud_render(&c, &f, 60, 15);
	CHECK(got == 2 && !shown_whole(&c, &f, 1),
	      "hysteresis: at %d blanks a hidden label stays hidden (blanks %d)", CLOUD_GAP, got);
	got = pair_at(&c, &f, 3, -0.5);
	cloud_render(&c, &f, 60, 15);
	CHECK(got == 3 && shown_whole(&c, &f, 1),
	      "hysteresis: at %d blanks it comes back (blanks %d)", CLOUD_GAP + 1, got);
	got = pair_at(&c, &f, 2, -0.5);
	cloud_render(&c, &f, 60, 15);
	CHECK(got == 2 && shown_whole(&c, &f, 1) && shown_whole(&c, &f, 0),
	      "gap: at %d blanks a label shown stays shown, and so does its neighbour "
	      "(blanks %d)", CLOUD_GAP, got);
	got = pair_at(&c, &f, 1, -0.5);
	cloud_render(&c, &f, 60, 15);
	CHECK(got == 1 && !shown_whole(&c, &f, 1), "gap: at one blank it goes again");

	/* Depth: two labels on one place; the one shown keeps it against
	 * one a little nearer, and gives it up to one clearly nearer. */
	c.items[0].p[0] = c.items[1].p[0] = 0;
	c.items[0].p[1] = c.items[1].p[1] = 0;
	c.items[0].p[2] = -0.8;
	c.items[1].p[2] = -0.6;
	cloud_render(&c, &f, 60, 15);
	cloud_render(&c, &f, 60, 15);
	a = shown_whole(&c, &f, 0) && !shown_whole(&c, &f, 1);
	c.items[0].p[2] = -0.6;
	c.items[1].p[2] = -0.6 - CLOUD_HOLD_DEPTH / 2;
	cloud_render(&c, &f, 60, 15);
	d = shown_whole(&c, &f, 0) && !shown_whole(&c, &f, 1);
	CHECK(a && d, "hysteresis: a label shown stays over one that has come %.3f nearer",
	      CLOUD_HOLD_DEPTH / 2);
	c.items[1].p[2] = -0.6 - CLOUD_HOLD_DEPTH * 2;
	cloud_render(&c, &f, 60, 15);
	CHECK(shown_whole(&c, &f, 1) && !shown_whole(&c, &f, 0),
	      "depth: one clearly nearer (%.2f) takes its place", CLOUD_HOLD_DEPTH * 2);

	/* The shade: at the edge of two shades, a depth going to and fro by
	 * less than the hold keeps one. */
	{
		double edge = 1 - 2.0 * 3 / CLOUD_SHADES;	/* shades 2 | 3 */
		int first = -1, changes = 0;

		c.items[0].p[2] = 0.9;	/* out of the way */
		for (int k = 0; k < 20; k++) {
			c.items[1].p[2] = edge + (k % 2 ? 0.03 : -0.03);
			cloud_render(&c, &f, 60, 15);
			if (first >= 0 && c.items[1].shade != first)
				changes++;
			first = c.items[1].shade;
		}
		CHECK(changes == 0, "hysteresis: a depth to and fro across a shade's edge keeps "
		      "its shade (%d changes in 20 frames)", changes);
	}
	cloud_frame_free(&f);
	cloud_free(&c);
	free_fake(b);
}

/* Over six seconds of the slow drift at 30 frames a second: how often a
 * label appears or vanishes, how often it does so again within a fifth
 * of a second (a blink: the edge of a rule, not a label passing behind
 * another), and how many are hidden, with and without the hysteresis. */
struct blinks {
	long changes, flickers, hidden, seen;
};

static void
drift_blinks(const struct bundle *b, bool hold, struct blinks *r)
{
	struct cloud c;
	struct cloud_frame f = {0};
	bool *was;
	int *since;

	cloud_init(&c, b, 2026);
	c.no_hold = !hold;
	c.vx = c.drift_x;
	c.vy = c.drift_y;
	was = xcalloc(c.n, sizeof *was);
	since = xcalloc(c.n, sizeof *since);
	for (int k = 0; k < 6 * 30; k++) {
		cloud_step(&c, 1.0 / 30);
		cloud_render(&c, &f, 80, 22);
		for (size_t i = 0; i < c.n; i++) {
			bool now = c.items[i].cells == c.items[i].width;

			if (k > 0 && now != was[i]) {
				r->changes++;
				r->flickers += since[i] < 6;
				since[i] = 0;
			} else {
				since[i]++;
			}
			was[i] = now;
			r->hidden += !now;
			r->seen++;
		}
	}
	free(was);
	free(since);
	cloud_frame_free(&f);
	cloud_free(&c);
}

static void
test_blinks(void)
{
	struct blinks with = {0}, without = {0};

	for (int l = 0; l < LANG_COUNT; l++) {
		struct blinks w = {0}, wo = {0};

		drift_blinks(set.lang[l], true, &w);
		drift_blinks(set.lang[l], false, &wo);
		check_note("%s at 80x22, 6 s of drift: %.1f changes a second, %ld blinks, %.1f%% "
		           "hidden; without the hysteresis %.1f, %ld, %.1f%%", set.lang[l]->lang,
		           w.changes / 6.0, w.flickers, 100.0 * (double)w.hidden / (double)w.seen,
		           wo.changes / 6.0, wo.flickers, 100.0 * (double)wo.hidden / (double)wo.seen);
		with.changes += w.changes;
		with.flickers += w.flickers;
		without.changes += wo.changes;
		without.flickers += wo.flickers;
	}
	CHECK(with.flickers * 10 <= without.flickers * 6 && with.changes <= without.changes,
	      "slow drift, 4 languages: %ld blinks (a label back or gone again within 0.2 s) "
	      "with the hysteresis, %ld without (at most 60 %%); %ld changes, %ld without",
	      with.flickers, without.flickers, with.changes, without.changes);
}

/* ------------------------------------------------------------ looks */

/* The colour of an xterm 256-colour index as the eye weighs it (Rec. 709
 * luma of the palette's RGB). */
static double
luma(int c)
{
	static const int cube[6] = {0, 95, 135, 175, 215, 255};
	int r, g, bl;

	if (c >= 232) {
		r = g = bl = 8 + 10 * (c - 232);
	} else if (c >= 16) {
		r = cube[(c - 16) / 36];
		g = cube[(c - 16) / 6 % 6];
		bl = cube[(c - 16) % 6];
	} else {
		return -1;
	}
	return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
}

/* Dim 0, plain 1, bold 2. */
static int
intensity(attr_t a)
{
	return a & A_BOLD ? 2 : a & A_DIM ? 0 : 1;
}

static void
test_looks(void)
{
	int darker = 0, dimmer = 0, same_hue = 0, heavy_plain = 0, light_bold = 0;

	for (int wc = 0; wc < CLOUD_WEIGHTS; wc++)
		for (int s = 0; s + 1 < CLOUD_SHADES; s++) {
			attr_t a0, a1;
			short f0, f1, bg;

			theme_look(theme_cloud(wc, s), 2, &a0, &f0, &bg);
			theme_look(theme_cloud(wc, s + 1), 2, &a1, &f1, &bg);
			darker += luma(f1) < luma(f0) || intensity(a1) < intensity(a0);
			theme_look(theme_cloud(wc, s), 1, &a0, &f0, &bg);
			theme_look(theme_cloud(wc, s + 1), 1, &a1, &f1, &bg);
			dimmer += intensity(a1) < intensity(a0) || f0 != f1;
		}
	for (int s = 0; s < CLOUD_SHADES; s++)
		for (int lvl = 0; lvl <= 2; lvl++) {
			attr_t a[CLOUD_WEIGHTS];
			short fg[CLOUD_WEIGHTS], bg;

			for (int wc = 0; wc < CLOUD_WEIGHTS; wc++)
				theme_look(theme_cloud(wc, s), lvl, &a[wc], &fg[wc], &bg);
			if (lvl > 0)
				same_hue += fg[0] == fg[1] || fg[1] == fg[2] || fg[0] == fg[2];
			heavy_plain += lvl != 1 && !(a[2] & A_BOLD);
			light_bold += (a[0] & A_BOLD) != 0 || (a[1] & A_BOLD) != 0;
		}
	CHECK(darker == 0, "256 colours: of one weight, no nearer shade darker (luma) or "
	      "dimmer than a farther one (%d)", darker);
	CHECK(dimmer == 0, "8 colours: of one weight, one hue, and no nearer shade dimmer "
	      "than a farther one (%d)", dimmer);
	CHECK(same_hue == 0, "weight is a hue of its own at every depth, 8 and 256 colours "
	      "(%d shades where two weights share one)", same_hue);
	CHECK(heavy_plain == 0 && light_bold == 0,
	      "bold is the heavy tags', at every depth, never the others' (%d heavy not "
	      "bold, %d others bold)", heavy_plain, light_bold);
}

/* The frame as text: wide glyphs once, blank for empty cells. */
static void
frame_text(const struct cloud_frame *f, struct sbuf *out)
{
	for (int y = 0; y < f->h; y++) {
		size_t start = out->len;

		for (int x = 0; x < f->w; x++) {
			const struct cloud_cell *k = &f->cells[y * f->w + x];
			uint8_t buf[8];

			for (int i = 0; i < 3 && k->ch[i] != 0; i++) {
				int n = u8_uctomb(buf, k->ch[i], (int)sizeof buf);

				sbuf_add(out, (const char *)buf, (size_t)(n > 0 ? n : 0));
			}
		}
		while (out->len > start && out->s[out->len - 1] == ' ')
			out->len--;
		sbuf_addc(out, '\n');
	}
}

static void
test_golden(const struct bundle *b, double ax, double ay, const char *name)
{
	struct cloud c;
	struct cloud_frame f = {0};
	struct sbuf got = {0};
	char path[4096], *want = NULL;
	FILE *fp;
	long n = 0;

	cloud_init(&c, b, 2026);
	cloud_turn(&c, ax, ay);
	cloud_render(&c, &f, 60, 15);
	frame_text(&f, &got);
	snprintf(path, sizeof path, "%s/tests/golden/%s", check_srcdir(), name);
	if (getenv("UPDATE_GOLDEN") != NULL && (fp = fopen(path, "w")) != NULL) {
		fwrite(got.s, 1, got.len, fp);
		fclose(fp);
	}
	if ((fp = fopen(path, "r")) != NULL) {
		want = xcalloc(1, 65536);
		n = (long)fread(want, 1, 65535, fp);
		fclose(fp);
	}
	CHECK(want != NULL && (size_t)n == got.len && memcmp(want, got.s, got.len) == 0,
	      "golden frame %s", name);
	if (want == NULL || (size_t)n != got.len || memcmp(want, got.s, got.len) != 0)
		check_note("got:\n%s", got.s);
	free(want);
	sbuf_free(&got);
	cloud_frame_free(&f);
	cloud_free(&c);
}

int
main(void)
{
	test_spread();
	test_small();
	test_orthonormal();
	test_hold();
	test_looks();
	if (load_set()) {
		for (int l = 0; l < LANG_COUNT; l++) {
			test_frames(set.lang[l], 80, 22);
			test_frames(set.lang[l], 40, 10);
			test_readable(set.lang[l]);
		}
		test_blinks();
		test_pinned(set.lang[LANG_EN]);
		test_pinned(set.lang[LANG_KO]);
		test_hit(set.lang[LANG_EN]);
		test_golden(set.lang[LANG_EN], 0, 0, "cloud-en.txt");
		test_golden(set.lang[LANG_KO], 0.4, 0.9, "cloud-ko.txt");
		test_golden(set.lang[LANG_JA], -0.6, 2.1, "cloud-ja.txt");
		test_golden(set.lang[LANG_ZH], 1.1, -0.3, "cloud-zh.txt");
		bundleset_free(&set);
	}
	return check_done();
}
