/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* cloud_draw.h: a frame of the tag cloud onto the screen.  Shared by the
 * cloud view and the benchmark, so the benchmark measures what users get. */
#ifndef ICLEI_CLOUD_DRAW_H
#define ICLEI_CLOUD_DRAW_H

#include "cloud.h"
#include "curses-compat.h"

struct cloud_look {
	int colors;		/* 0, 8 or 256 */
	int hover;		/* item under the pointer, or -1 */
	int focus;		/* item chosen with ] or in the list, or -1 */
	int hover_row, focus_row;	/* the rows they are on, or -1 */
};

/* What the screen shows of the cloud, as last drawn: the rows a frame
 * leaves alone need not be drawn again. */
struct cloud_drawn {
	int w, h;
	unsigned long long *sig;	/* each row's word (cloud.h), and its look */
};

/* Draw f's labels at rows top.. of w.  d NULL: onto rows the caller has
 * erased.  Else only the rows that differ from d (all of them when full:
 * the caller erased the screen), each erased first; d then holds f. */
void cloud_draw(WINDOW *w, int top, const struct cloud_frame *f,
                const struct cloud_look *look, struct cloud_drawn *d, bool full);
void cloud_drawn_free(struct cloud_drawn *d);

#endif
