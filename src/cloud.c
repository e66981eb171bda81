/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* cloud.c: the rotating 3D tag cloud as pure maths. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "cloud.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"

#define CAMERA 5.0		/* camera distance, in radii: milder than Cumulus's 2 */
#define DECAY_SECONDS 1.5	/* time constant of the spin's decay */
#define FOCUS_SECONDS 0.25	/* time constant of turning to the front */
#define MAX_SPEED 1.5		/* rad/s about each axis: never out of control */

/* ------------------------------------------------------------ set-up */

/* A small deterministic generator (xorshift32), so a seed always gives
 * the same cloud on every machine. */
static unsigned
next_random(unsigned *s)
{
	unsigned x = *s ? *s : 0x9E3779B9u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

/* A tag's weight, and where it is in the bundle: sorted heaviest first,
 * ties in bundle order. */
struct ranked {
	int weight;
	size_t tag;
};

static int
heavier(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->weight != b->weight)
		return b->weight - a->weight;
	return a->tag < b->tag ? -1 : a->tag > b->tag;
}

size_t *
cloud_tags_by_weight(const struct bundle *b)
{
	struct ranked *r = xcalloc(b->ntags, sizeof *r);
	size_t *order = xcalloc(b->ntags, sizeof *order);

	for (size_t i = 0; i < b->ntags; i++)
		r[i] = (struct ranked){b->tags[i].weight, i};
	qsort(r, b->ntags, sizeof *r, heavier);
	for (size_t i = 0; i < b->ntags; i++)
		order[i] = r[i].tag;
	free(r);
	return order;
}

static double
clamp1(double v)
{
	return v < -1 ? -1 : v > 1 ? 1 : v;
}

void
cloud_init(struct cloud *c, const struct bundle *b, unsigned seed)
{
	size_t n = b->ntags < CLOUD_MAX_ITEMS ? b->ntags : CLOUD_MAX_ITEMS;
	size_t *order = cloud_tags_by_weight(b);

	memset(c, 0, sizeof *c);
	c->items = xcalloc(n ? n : 1, sizeof *c->items);
	c->order = xcalloc(n ? n : 1, sizeof *c->order);
	c->at = xcalloc(2 * (n ? n : 1), sizeof *c->at);
	c->n = n;
	c->focus = -1;
	c->pinned[0] = c->pinned[1] = -1;
	/* Shuffle the chosen ones (Fisher-Yates), so weights spread round
	 * the sphere instead of piling up at one pole. */
	for (size_t i = n; i > 1; i--) {
		size_t j = next_random(&seed) % i;
		size_t t = order[i - 1];

		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t i = 0; i < n; i++) {
		/* The Cumulus spiral; acos clamped, or rounding leaves a tag
		 * at NaN for n = 1. */
		double phi = acos(clamp1(-1.0 + (2.0 * (double)i + 1.0) / (double)n));
		double theta = sqrt((double)n * M_PI) * phi;
		struct cloud_item *it = &c->items[i];

		it->p[0] = cos(theta) * sin(phi);
		it->p[1] = sin(theta) * sin(phi);
		it->p[2] = cos(phi);
		it->tag = (int)order[i];
		it->shade = -1;
		c->order[i] = (int)i;
	}
	free(order);
	cloud_relabel(c, b);
	for (int i = 0; i < 3; i++)
		c->rot[i][i] = 1;
	/* A gentle spin that settles into a slow drift. */
	c->drift_x = CLOUD_DRIFT_X;
	c->drift_y = CLOUD_DRIFT_Y;
	c->tau = DECAY_SECONDS;
	c->vx = 0.25;
	c->vy = 0.6;
}

int
cloud_weight_class(int weight)
{
	return weight >= 7 ? 2 : weight >= 4 ? 1 : 0;
}

/* A label as glyphs, once: a base character and the marks after it; a
 * stray mark gets a blank base, and what the screen must not show (the
 * bundle was checked on load; this is the cloud's own line of defence)
 * becomes '?'.  Returns the columns. */
static int
make_glyphs(struct cloud_item *it, const char *label)
{
	const uint8_t *p = (const uint8_t *)label, *end = p + strlen(label);
	int n = 0, cap = 0, cols = 0;

	free(it->glyphs);
	it->glyphs = NULL;
	while (p < end) {
		struct cloud_glyph g = {{0, 0, 0}, 1};
		ucs4_t ch;
		int k = 0;

		p += u8_mbtouc(&ch, p, (size_t)(end - p));
		if (!sanitize_char_ok(ch) || ch == '\n')
			ch = '?';
		g.width = text_char_width(ch);
		g.ch[k++] = g.width == 0 ? ' ' : ch;
		g.width = g.width == 0 ? 1 : g.width;
		while (p < end) {
			int len = u8_mbtouc(&ch, p, (size_t)(end - p));

			if (!sanitize_char_ok(ch) || text_char_width(ch) != 0)
				break;
			if (k < 2)
				g.ch[k++] = ch;
			p += len;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			it->glyphs = xreallocarray(it->glyphs, (size_t)cap, sizeof *it->glyphs);
		}
		it->glyphs[n++] = g;
		cols += g.width;
	}
	it->nglyphs = n;
	return cols;
}

void
cloud_relabel(struct cloud *c, const struct bundle *b)
{
	c->widest = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct cloud_item *it = &c->items[i];
		const struct tag *t = &b->tags[it->tag];

		it->label = t->label;
		it->width = make_glyphs(it, t->label);
		it->weight = t->weight;
		it->wclass = cloud_weight_class(t->weight);
		if (it->width > c->widest)
			c->widest = it->width;
	}
}

void
cloud_free(struct cloud *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->items[i].glyphs);
	free(c->items);
	free(c->order);
	free(c->at);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------ motion */

/* m = r * m */
static void
premultiply(double m[3][3], const double r[3][3])
{
	double t[3][3];

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			t[i][j] = r[i][0] * m[0][j] + r[i][1] * m[1][j] + r[i][2] * m[2][j];
	memcpy(m, t, sizeof t);
}

/* Gram-Schmidt on the rows: rounding must not turn the rotation into a
 * shear over a long session. */
static void
orthonormalise(double m[3][3])
{
	double *a = m[0], *b = m[1], *c = m[2], n, d;

	n = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
	for (int i = 0; i < 3; i++)
		a[i] /= n;
	d = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	for (int i = 0; i < 3; i++)
		b[i] -= d * a[i];
	n = sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
	for (int i = 0; i < 3; i++)
		b[i] /= n;
	c[0] = a[1] * b[2] - a[2] * b[1];
	c[1] = a[2] * b[0] - a[0] * b[2];
	c[2] = a[0] * b[1] - a[1] * b[0];
}

/* Rotation by angle about the unit axis u (Rodrigues). */
static void
axis_rotation(double r[3][3], const double u[3], double angle)
{
	double s = sin(angle), k = 1 - cos(angle);

	r[0][0] = 1 - k * (u[1] * u[1] + u[2] * u[2]);
	r[0][1] = -s * u[2] + k * u[0] * u[1];
	r[0][2] = s * u[1] + k * u[0] * u[2];
	r[1][0] = s * u[2] + k * u[0] * u[1];
	r[1][1] = 1 - k * (u[0] * u[0] + u[2] * u[2]);
	r[1][2] = -s * u[0] + k * u[1] * u[2];
	r[2][0] = -s * u[1] + k * u[0] * u[2];
	r[2][1] = s * u[0] + k * u[1] * u[2];
	r[2][2] = 1 - k * (u[0] * u[0] + u[1] * u[1]);
}

void
cloud_turn(struct cloud *c, double ax, double ay)
{
	static const double x_axis[3] = {1, 0, 0}, y_axis[3] = {0, 1, 0};
	double r[3][3];

	if (ax != 0) {
		axis_rotation(r, x_axis, ax);
		premultiply(c->rot, r);
	}
	if (ay != 0) {
		axis_rotation(r, y_axis, ay);
		premultiply(c->rot, r);
	}
	orthonormalise(c->rot);
}

static void
to_view(const struct cloud *c, const double p[3], double q[3])
{
	for (int i = 0; i < 3; i++)
		q[i] = c->rot[i][0] * p[0] + c->rot[i][1] * p[1] + c->rot[i][2] * p[2];
}

/* Turn the focused item toward the front (0, 0, -1): quickly when far,
 * gently at the end. */
static bool
focus_step(struct cloud *c, double dt)
{
	double q[3], u[3], s, angle, r[3][3];

	to_view(c, c->items[c->focus].p, q);
	/* u = q x front */
	u[0] = -q[1];
	u[1] = q[0];
	u[2] = 0;
	s = sqrt(u[0] * u[0] + u[1] * u[1]);
	angle = atan2(s, -q[2]);
	if (angle < 0.002) {
		c->focus = -1;
		return false;
	}
	if (s < 1e-9) {		/* exactly behind: any axis will do */
		u[0] = 0;
		u[1] = 1;
		s = 1;
	}
	u[0] /= s;
	u[1] /= s;
	/* Never past the front, however long the step. */
	axis_rotation(r, u, fmin(angle, angle * (1 - exp(-dt / FOCUS_SECONDS)) + 0.02));
	premultiply(c->rot, r);
	orthonormalise(c->rot);
	return true;
}

static double
clamp_speed(double v)
{
	return v > MAX_SPEED ? MAX_SPEED : v < -MAX_SPEED ? -MAX_SPEED : v;
}

bool
cloud_step(struct cloud *c, double dt)
{
	double k = exp(-dt / (c->tau > 0 ? c->tau : DECAY_SECONDS));

	if (dt <= 0)
		return true;
	if (c->focus >= 0 && (size_t)c->focus < c->n)
		return focus_step(c, dt) || c->drift_x != 0 || c->drift_y != 0;
	/* Exponential decay toward the drift: the same path whatever the
	 * frame rate. */
	c->vx = clamp_speed(c->drift_x + (c->vx - c->drift_x) * k);
	c->vy = clamp_speed(c->drift_y + (c->vy - c->drift_y) * k);
	if (fabs(c->vx) < 1e-4 && fabs(c->vy) < 1e-4) {
		c->vx = c->vy = 0;
		return false;
	}
	cloud_turn(c, c->vx * dt, c->vy * dt);
	return true;
}

void
cloud_focus(struct cloud *c, int i)
{
	c->focus = i >= 0 && (size_t)i < c->n ? i : -1;
}

bool
cloud_orthonormal(const struct cloud *c, double eps)
{
	const double (*m)[3] = c->rot;
	double det;

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++) {
			double d = m[i][0] * m[j][0] + m[i][1] * m[j][1] + m[i][2] * m[j][2];

			if (fabs(d - (i == j)) > eps)
				return false;
		}
	det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
	      - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
	      + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	return fabs(det - 1) <= eps;
}

/* ------------------------------------------------------------ frames */

static struct cloud_cell *
cell_at(struct cloud_frame *f, int x, int y)
{
	return &f->cells[(size_t)y * (size_t)f->w + (size_t)x];
}

static void
blank(struct cloud_cell *cell)
{
	memset(cell, 0, sizeof *cell);
	cell->ch[0] = ' ';
	cell->width = 1;
	cell->owner = -1;
}

/* A render's scratch: the cloud, and the frame it draws into. */
struct canvas {
	struct cloud *c;
	struct cloud_frame *f;
};

/* Cell (x, y) gives up its glyph: its owner holds one cell fewer. */
static void
vacate(struct canvas *v, struct cloud_cell *cell)
{
	if (cell->owner >= 0)
		v->c->items[cell->owner].cells--;
	blank(cell);
}

/* Before (x, y) is overwritten: the other half of a wide glyph there
 * becomes blank, never half a character. */
static void
unpair(struct canvas *v, int x, int y)
{
	struct cloud_frame *f = v->f;
	struct cloud_cell *cell = cell_at(f, x, y);

	if (cell->width == 0 && x > 0)
		vacate(v, cell_at(f, x - 1, y));
	else if (cell->width == 2 && x + 1 < f->w)
		vacate(v, cell_at(f, x + 1, y));
	vacate(v, cell_at(f, x, y));
}

static void
put_cell(struct canvas *v, struct cloud_cell *cell, const ucs4_t ch[3], int width,
         int owner, const struct cloud_item *it)
{
	memcpy(cell->ch, ch, sizeof cell->ch);
	cell->width = (signed char)width;
	cell->owner = (short)owner;
	cell->shade = (unsigned char)it->shade;
	cell->wclass = (unsigned char)it->wclass;
	v->c->items[owner].cells++;
}

/* Item i's label from (x, y), glyph by glyph.  Clipped whole: a glyph
 * that does not fit is not drawn at all.  The last column stays blank, as
 * the fit leaves it for labels that do. */
static void
put_label(struct canvas *v, int x, int y, int i)
{
	static const ucs4_t none[3] = {0, 0, 0};
	struct cloud_frame *f = v->f;
	const struct cloud_item *it = &v->c->items[i];

	if (y < 0 || y >= f->h)
		return;
	for (int g = 0; g < it->nglyphs; g++) {
		int width = it->glyphs[g].width;

		if (x >= 0 && x + width <= f->w - 1) {
			for (int k = 0; k < width; k++)
				unpair(v, x + k, y);
			put_cell(v, cell_at(f, x, y), it->glyphs[g].ch, width, i, it);
			if (width == 2)
				put_cell(v, cell_at(f, x + 1, y), none, 0, i, it);
		}
		x += width;
	}
}

/* Radii so that every label fits at its farthest projection from the
 * centre.  Cells are about twice as tall as wide, so a round cloud has
 * ry = rx / 2; terminals being wide, it may stretch sideways (to rx =
 * 2.8 ry), which spreads the labels: 93-98 % of the front ones are shown
 * whole at 80x24. */
#define STRETCH 2.8

static void
fit(const struct cloud *c, struct cloud_frame *f)
{
	/* The farthest a point of the unit sphere projects from the centre,
	 * q0 * C / (C + q2) with q0^2 + q2^2 = 1, is 1 / sqrt(1 - 1/C^2), at
	 * q2 = -1/C: a little nearer than the rim, not the nearest point,
	 * which projects to the centre. */
	double per_max = 1 / sqrt(1 - 1 / (CAMERA * CAMERA)), rx, ry;

	rx = (f->w / 2.0 - c->widest / 2.0 - 1) / per_max;
	ry = ((f->h - 1) / 2.0) / per_max;
	if (rx > STRETCH * ry)
		rx = STRETCH * ry;
	/* Round where there is room; where the widest label leaves none
	 * across, still spread the labels down the rows. */
	if (rx > 0 && ry > rx / 2)
		ry = rx / 2;
	f->rx = rx > 0 ? rx : 0;
	f->ry = ry > 0 ? ry : 0;
}

static bool
pinned(const struct cloud *c, int i)
{
	return i >= 0 && (i == c->pinned[0] || i == c->pinned[1]);
}

/* The depth a label holds its place by: a label shown in the last frame
 * counts as a little nearer than it is. */
static double
held_depth(const struct cloud *c, const struct cloud_item *it)
{
	return it->depth - (it->was_shown && !c->no_hold ? CLOUD_HOLD_DEPTH : 0);
}

/* Is item i drawn after (over) item j?  The pinned ones come last. */
static bool
nearer(const struct cloud *c, int i, int j)
{
	double di = held_depth(c, &c->items[i]), dj = held_depth(c, &c->items[j]);

	if (pinned(c, i) != pinned(c, j))
		return pinned(c, i);
	if (di != dj)
		return di < dj;
	return i > j;
}

/* The depth shade, which changes only once the depth is clearly past
 * its edge. */
static int
shade_of(const struct cloud *c, const struct cloud_item *it)
{
	double v = (1 - it->depth) / 2 * CLOUD_SHADES;
	int s = (int)v;

	if (it->shade >= 0 && !c->no_hold && v > it->shade - CLOUD_HOLD_SHADE
	    && v < it->shade + 1 + CLOUD_HOLD_SHADE)
		return it->shade;
	return s < 0 ? 0 : s >= CLOUD_SHADES ? CLOUD_SHADES - 1 : s;
}

/* The items far to near: an insertion sort of the last frame's order,
 * which a frame's turn changes little. */
static void
sort_far_to_near(struct cloud *c)
{
	int *o = c->order;

	for (size_t k = 1; k < c->n; k++) {
		int i = o[k];
		size_t j = k;

		while (j > 0 && nearer(c, o[j - 1], i)) {
			o[j] = o[j - 1];
			j--;
		}
		o[j] = i;
	}
}

/* A terminal has no transparency: what is left of a label a nearer one
 * covers in part reads as one wrong word ("Biodiversity" half under
 * "CCP" reads "CCPdiversity"), and so do two labels one blank apart
 * ("Local Agenda 21 Freiburg"; Korean labels hold blanks of their own).
 * So a label is shown whole, with CLOUD_GAP blanks at least between it
 * and the next on its row (one more to come back), or not at all: the
 * farther of two goes, unless it is pinned.  From near to far, so that a
 * label taken away takes nothing else with it. */
static void
drop_fragments(struct canvas *v, const int *x0, const int *y0)
{
	struct cloud *c = v->c;
	struct cloud_frame *f = v->f;

	for (size_t i = 0; i < c->n; i++)
		c->items[i].shown = c->items[i].cells == c->items[i].width
		                    || pinned(c, (int)i);
	for (size_t k = c->n; k-- > 0;) {
		int a = c->order[k], y = y0[a];
		const struct cloud_item *it = &c->items[a];

		if (!it->shown || y < 0 || y >= f->h)
			continue;
		/* The cells beside it, CLOUD_GAP + 1 each way: the nearest
		 * label there on either side. */
		for (int side = -1; side <= 1 && c->items[a].shown; side += 2) {
			int x = side < 0 ? x0[a] - 1 : x0[a] + it->width;

			for (int blanks = 0; blanks <= CLOUD_GAP; blanks++, x += side) {
				int b, lose;
				struct cloud_item *l;

				if (x < 0 || x >= f->w)
					break;
				if ((b = cell_at(f, x, y)->owner) < 0 || b == a || !c->items[b].shown)
					continue;
				lose = nearer(c, a, b) ? b : a;
				l = &c->items[lose];
				/* A label drawn last time keeps its place with
				 * CLOUD_GAP blanks; a new one needs one more. */
				if (!pinned(c, lose) && blanks < CLOUD_GAP + (!l->was_shown && !c->no_hold))
					l->shown = false;
				break;
			}
		}
	}
	/* Take the dropped away: their cells, wherever they still hold
	 * some. */
	for (size_t i = 0; i < c->n; i++) {
		struct cloud_item *it = &c->items[i];

		if (it->shown || it->cells == 0 || y0[i] < 0 || y0[i] >= f->h)
			continue;
		for (int x = x0[i] < 0 ? 0 : x0[i]; x < x0[i] + it->width && x < f->w; x++) {
			struct cloud_cell *cell = cell_at(f, x, y0[i]);

			if (cell->owner == (int)i)
				vacate(v, cell);
		}
	}
}

static void
add_span(struct cloud_frame *f, int x, int y, int w)
{
	grow(&f->spans, &f->capspans, f->nspans + 1, sizeof *f->spans);
	f->spans[f->nspans++] = (struct cloud_span){x, y, w};
}

/* Blank what the last render drew, or everything for a new grid. */
static void
clear(struct cloud_frame *f, int w, int h)
{
	size_t ncells = (size_t)(w > 0 ? w : 0) * (size_t)(h > 0 ? h : 0);

	if (f->w != w || f->h != h || f->cells == NULL) {
		free(f->cells);
		free(f->rowsig);
		f->cells = xcalloc(ncells ? ncells : 1, sizeof *f->cells);
		f->rowsig = xcalloc(h > 0 ? (size_t)h : 1, sizeof *f->rowsig);
		f->w = w;
		f->h = h;
		for (size_t i = 0; i < ncells; i++)
			blank(&f->cells[i]);
		f->nspans = 0;
		return;
	}
	for (size_t k = 0; k < f->nspans; k++) {
		const struct cloud_span *sp = &f->spans[k];

		for (int x = sp->x; x < sp->x + sp->w; x++)
			if (x >= 0 && x < w && sp->y >= 0 && sp->y < h)
				blank(cell_at(f, x, sp->y));
	}
	f->nspans = 0;
}

/* Where a label of `width` columns at q (view frame) starts. */
static void
place(const struct cloud_frame *f, const double q[3], int width, int *x, int *y)
{
	double per = CAMERA / (CAMERA + q[2]), cx = (f->w - 1) / 2.0, cy = (f->h - 1) / 2.0;

	/* Screen y grows downward; the cloud's y upward. */
	*x = (int)lround(cx + q[0] * f->rx * per - width / 2.0 + 0.5);
	*y = (int)lround(cy - q[1] * f->ry * per);
}

void
cloud_render(struct cloud *c, struct cloud_frame *f, int w, int h)
{
	struct canvas v = {c, f};
	int *x0 = c->at, *y0 = c->at + c->n;

	clear(f, w, h);
	if (f->w <= 0 || f->h <= 0 || c->n == 0)
		return;
	fit(c, f);
	for (size_t i = 0; i < c->n; i++) {
		struct cloud_item *it = &c->items[i];
		double q[3];

		to_view(c, it->p, q);
		it->depth = q[2];
		it->shade = shade_of(c, it);
		it->was_shown = it->shown;
		it->cells = 0;
		place(f, q, it->width, &x0[i], &y0[i]);
	}
	sort_far_to_near(c);
	for (size_t k = 0; k < c->n; k++) {
		int i = c->order[k];

		put_label(&v, x0[i], y0[i], i);
		add_span(f, x0[i], y0[i], c->items[i].width);
	}
	drop_fragments(&v, x0, y0);
	/* The rows' words (see cloud.h). */
	memset(f->rowsig, 0, (size_t)f->h * sizeof *f->rowsig);
	for (size_t i = 0; i < c->n; i++) {
		const struct cloud_item *it = &c->items[i];
		unsigned long long k;

		if (it->cells == 0 || y0[i] < 0 || y0[i] >= f->h)
			continue;
		k = ((unsigned long long)i << 40) ^ ((unsigned long long)(x0[i] + 1024) << 16)
		    ^ ((unsigned long long)it->shade << 8) ^ (unsigned long long)it->wclass
		    ^ ((unsigned long long)it->cells << 48);
		/* (splitmix64: every bit of the key moves every bit) */
		k += 0x9E3779B97F4A7C15ull;
		k = (k ^ (k >> 30)) * 0xBF58476D1CE4E5B9ull;
		k = (k ^ (k >> 27)) * 0x94D049BB133111EBull;
		f->rowsig[y0[i]] += k ^ (k >> 31);
	}
}

void
cloud_pin(struct cloud *c, int a, int b)
{
	c->pinned[0] = a >= 0 && (size_t)a < c->n ? a : -1;
	c->pinned[1] = b >= 0 && (size_t)b < c->n ? b : -1;
}

void
cloud_place(const struct cloud *c, const struct cloud_frame *f, size_t i,
            int *x, int *y)
{
	double q[3];

	to_view(c, c->items[i].p, q);
	place(f, q, c->items[i].width, x, y);
}

void
cloud_frame_free(struct cloud_frame *f)
{
	free(f->cells);
	free(f->spans);
	free(f->rowsig);
	memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ queries */

/* The item at a cell -- checked, as a frame is only as good as the cloud
 * it was rendered from: -1 for an index that cloud no longer has. */
static int
owner_of(const struct cloud *c, const struct cloud_frame *f, int x, int y)
{
	int o = f->cells[(size_t)y * (size_t)f->w + (size_t)x].owner;

	return o >= 0 && (size_t)o < c->n ? o : -1;
}

int
cloud_hit(const struct cloud *c, const struct cloud_frame *f, int x, int y)
{
	int best = -1, best_d = 0;

	if (x < 0 || y < 0 || x >= f->w || y >= f->h)
		return -1;
	if (f->cells[(size_t)y * (size_t)f->w + (size_t)x].owner >= 0)
		return owner_of(c, f, x, y);
	/* Nearest label within a cell around: labels are small targets. */
	for (int dy = -1; dy <= 1; dy++)
		for (int dx = -1; dx <= 1; dx++) {
			int xx = x + dx, yy = y + dy, o, d;

			if (xx < 0 || yy < 0 || xx >= f->w || yy >= f->h)
				continue;
			o = owner_of(c, f, xx, yy);
			d = dx * dx + 4 * dy * dy;	/* rows are farther apart */
			if (o < 0)
				continue;
			if (best < 0 || d < best_d
			    || (d == best_d && c->items[o].depth < c->items[best].depth)) {
				best = o;
				best_d = d;
			}
		}
	return best;
}

void
cloud_readable(const struct cloud *c, const struct cloud_frame *f, int *front,
               int *whole)
{
	*front = *whole = 0;
	if (f->cells == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		if (c->items[i].depth >= 0)
			continue;
		(*front)++;
		if (c->items[i].cells == c->items[i].width)
			(*whole)++;
	}
}
