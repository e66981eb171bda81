/* cloud_draw.h: a frame of the tag cloud onto the screen.  Shared by the
 * cloud view and the benchmark, so the benchmark measures what users get. */
#ifndef ICLEI_CLOUD_DRAW_H
#define ICLEI_CLOUD_DRAW_H

#include "cloud.h"
#include "curses-compat.h"

struct cloud_look {
	int colors;		/* 0, 8 or 256 */
	int hover;		/* item under the pointer, or -1 */
	int focus;		/* item chosen with Tab, or -1 */
};

/* Draw f's labels at rows top.. of w, which the caller has erased. */
void cloud_draw(WINDOW *w, int top, const struct cloud_frame *f,
                const struct cloud_look *look);

#endif
