/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* cloud.h: the rotating 3D tag cloud as pure maths -- tags on a sphere,
 * an orientation, a velocity, and a frame of character cells.  No curses.
 *
 * The heir of WP-Cumulus (Roy Tanck) and its TYPO3 port: the same even
 * spiral of tags and perspective, made for a grid of cells about twice as
 * tall as wide, for wide (CJK) labels, and for a clock that only ticks
 * while something moves. */
#ifndef ICLEI_CLOUD_H
#define ICLEI_CLOUD_H

#include <stdbool.h>
#include <stddef.h>
#include <unitypes.h>

#include "bundle.h"

#define CLOUD_MAX_ITEMS 256	/* the heaviest tags beyond this stay in the list */
#define CLOUD_SHADES 5		/* depth shades, 0 farthest .. 4 nearest */
#define CLOUD_WEIGHTS 3		/* weight classes: 0 light (1-3), 1 medium (4-6),
				   2 heavy (7 and above) */
#define CLOUD_GAP 2		/* blank cells at least between two labels on a row */
/* Hysteresis, so that a tag does not blink at the edge of the rules that
 * hide it: a label shown in the last frame keeps its place against a
 * nearer one until that one is nearer by this much (depth runs from -1
 * to 1); a hidden one comes back only with a blank more than CLOUD_GAP
 * on its sides; and a depth shade changes only once the depth is this
 * far (in shades) past its edge. */
#define CLOUD_HOLD_DEPTH 0.15
#define CLOUD_HOLD_SHADE 0.25
#define CLOUD_DRIFT_X 0.05	/* the slow drift at rest, rad/s */
#define CLOUD_DRIFT_Y 0.12

/* A label's glyph, measured once when the label is set: a base character
 * and up to two marks (0-ended), and its columns. */
struct cloud_glyph {
	ucs4_t ch[3];
	int width;
};

struct cloud_item {
	double p[3];		/* on the unit sphere, in the cloud's own frame */
	const char *label;	/* not owned */
	struct cloud_glyph *glyphs;	/* the label's, owned */
	int nglyphs;
	int width;		/* columns */
	int weight;
	int wclass;		/* cloud_weight_class(weight) */
	int tag;		/* index in the bundle's tags */
	/* After the last render: */
	double depth;		/* -1 nearest .. 1 farthest */
	int shade;		/* 0 .. CLOUD_SHADES - 1; -1 before the first */
	int cells;		/* cells it holds in the frame */
	bool shown;		/* drawn whole */
	bool was_shown;		/* ...in the render before */
};

struct cloud {
	struct cloud_item *items;
	size_t n;
	double rot[3][3];	/* cloud frame -> view frame */
	double vx, vy;		/* angular velocity about the view's x, y: rad/s */
	double drift_x, drift_y;	/* what the velocity decays toward */
	double tau;		/* ...with this time constant, in seconds */
	int focus;		/* item being turned to the front, or -1 */
	int pinned[2];		/* items drawn on top, never taken away; -1 */
	unsigned long steps;	/* since the last re-orthonormalisation */
	int widest;		/* the widest label's columns */
	int *at;		/* scratch: each item's column and row, 2 n */
	bool no_hold;		/* no hysteresis (to measure what it saves) */
	int *order;		/* the items far to near, as last drawn */
};

/* One cell of a frame.  A wide glyph is a cell of width 2 followed by one
 * of width 0; owner -1 is empty. */
struct cloud_cell {
	ucs4_t ch[3];		/* base character and up to two marks; 0-ended */
	signed char width;
	unsigned char shade;	/* depth: 0 .. CLOUD_SHADES - 1 */
	unsigned char wclass;	/* weight: 0 .. CLOUD_WEIGHTS - 1 */
	short owner;		/* item index, or -1 */
};

/* Where a label was drawn: the cells a new render blanks first. */
struct cloud_span {
	int x, y, w;
};

struct cloud_frame {
	int w, h;
	struct cloud_cell *cells;	/* w * h, row by row */
	double rx, ry;		/* the fitted radii, in columns and rows */
	struct cloud_span *spans;	/* of the last render; nspans of them */
	size_t nspans, capspans;
	/* Each row's content in a word: the labels drawn whole on it, where,
	 * in which shade (a label's glyphs are its own): two rows with the
	 * same word look the same, so a frame redraws only the rows whose
	 * word changed. */
	unsigned long long *rowsig;
};

/* Spread the bundle's tags (the heaviest CLOUD_MAX_ITEMS) evenly on the
 * sphere: a fixed-seed shuffle, then the Cumulus spiral. */
void cloud_init(struct cloud *c, const struct bundle *b, unsigned seed);
void cloud_free(struct cloud *c);

/* The bundle's tags by index, heaviest first (ties in bundle order): the
 * order the cloud chooses its items in, Tab visits them, and the list
 * shows them.  A new array of b->ntags. */
size_t *cloud_tags_by_weight(const struct bundle *b);

/* The weight class of a tag's weight: 0 light, 1 medium, 2 heavy. */
int cloud_weight_class(int weight);

/* Point the items at another language's labels (same tags, same order):
 * the orientation stays. */
void cloud_relabel(struct cloud *c, const struct bundle *b);

/* Turn the cloud by ax radians about the view's x axis and ay about y. */
void cloud_turn(struct cloud *c, double ax, double ay);

/* Advance dt seconds: turn by the velocity, which decays toward the drift
 * independently of the frame rate; or turn the focused item toward the
 * front.  Returns true while anything still moves. */
bool cloud_step(struct cloud *c, double dt);

/* Start turning item i smoothly to the front (i < 0: stop). */
void cloud_focus(struct cloud *c, int i);

/* Draw items a and b (-1: none) on top of the others and never take
 * them away: the focused and the hovered tag stay in sight while they
 * turn behind others. */
void cloud_pin(struct cloud *c, int a, int b);

/* Is the orientation a rotation (orthonormal, det 1) within eps? */
bool cloud_orthonormal(const struct cloud *c, double eps);

/* Render into f (w x h cells, allocated here; the cells of the last
 * render are blanked, not the whole grid): far to near, every cell
 * knowing its owner; a wide glyph half covered becomes blank; glyphs are
 * clipped whole at the edges; then a label partly covered, or with fewer
 * than CLOUD_GAP blanks between it and a nearer one on its row, is taken
 * away whole (with the hysteresis above).  The radii are fitted so labels
 * are not cropped when that can be helped. */
void cloud_render(struct cloud *c, struct cloud_frame *f, int w, int h);
void cloud_frame_free(struct cloud_frame *f);

/* Where item i's label starts (column, row) in the last render's fit. */
void cloud_place(const struct cloud *c, const struct cloud_frame *f, size_t i,
                 int *x, int *y);

/* The item at a cell: its owner, else the nearest label within one cell
 * (front-most wins); -1 when none. */
int cloud_hit(const struct cloud *c, const struct cloud_frame *f, int x, int y);

/* Of the items in the front half, how many are drawn whole. */
void cloud_readable(const struct cloud *c, const struct cloud_frame *f,
                    int *front, int *whole);

#endif
