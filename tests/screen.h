/* screen.h: the iclei-tui screen as tests see it, on top of the vt harness
 * (vt.h): the program started in a pseudo-terminal with the test bundle,
 * its rows, status line and cells read back, waits for a state of them.
 *
 *   screen_setup();                       the program and bundle, or skip
 *   struct vt *t = start(24, 80, ARGS("--lang", "ko"), NONE);
 *   CHECKV(t, wait_status(t, "역사  1/"), "...");
 *   vt_free(t);
 *   screen_cleanup();
 *
 * Conventions, the same in every function:
 *  - rows are 0-based; a negative row counts from the bottom (-1 is the
 *    status line), columns are cells as in vt.h;
 *  - wait_* keep reading until the state shows, at most T_WAIT ms;
 *    pred_* are their predicates, for vt_wait;
 *  - a bool verbose (last) says whether to explain a failure in "# " notes.
 *
 * check.h keeps its count per file: nothing here CHECKs (CHECKV below is
 * expanded in the test's own file, which includes check.h). */
#ifndef ICLEI_SCREEN_H
#define ICLEI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "vt.h"

#define T_WAIT 5000 /* ms: the deadline of every wait */

/* CHECK, with the screen dumped after a failure (t may be NULL). */
#define CHECKV(t, cond, ...) do { \
		bool ok_ = (cond); \
		CHECK(ok_, __VA_ARGS__); \
		if (!ok_ && (t) != NULL) \
			vt_snapshot((t), stdout, "# "); \
	} while (0)

/* Argument and environment lists for start(). */
#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NONE ((const char *const[]){NULL})

/* ------------------------------------------------------------ the program */

extern const char *tui; /* the program under test */
extern char *data_dir;  /* its bundle: $top_srcdir/data */
extern char *data_env;  /* "ICLEI_TUI_DATA=" data_dir */

/* Find the program: $ICLEI_TUI, else $top_builddir/src/iclei-tui, else
 * src/iclei-tui; skip the whole test (TAP "1..0 # SKIP") if it is not
 * executable.  Then the bundle, from top_srcdir. */
void screen_setup(void);

/* Free what screen_setup made. */
void screen_cleanup(void);

/* malloc that exits (99) when out of memory; a + b, newly allocated. */
void *xmalloc(size_t n);
char *concat(const char *a, const char *b);

/* Start the program at rows x cols with args (after --ambiguous=narrow
 * unless args say otherwise) and env (after ICLEI_TUI_DATA), both
 * NULL-terminated (ARGS, NONE).  Bails out (exit 99) if it cannot. */
struct vt *start(int rows, int cols, const char *const args[], const char *const env[]);

/* The program has not ended (reaps it if it has). */
bool alive(struct vt *t);

/* ------------------------------------------------------------ rows */

/* Row r as a row number: negative counts from the bottom. */
int row_index(struct vt *t, int r);

/* How a row matches text: contains it, starts with it, or is exactly it
 * (the latter two after leading blanks; trailing blanks never count). */
enum how { HAS, STARTS, IS };

/* Row r matches text. */
bool row_matches(struct vt *t, int r, const char *text, enum how how);

/* A row to wait for, as vt_wait's argument for pred_row. */
struct rowwant {
	int row;
	const char *text;
	enum how how;
};

bool pred_row(struct vt *t, void *arg);

/* Eventually row r matches text. */
bool wait_row(struct vt *t, int r, const char *text, enum how how);

/* Eventually the status line (the last row) starts with text. */
bool wait_status(struct vt *t, const char *text);

/* The position on the status line: "History  14/28  89%" gives 14, 28.
 * False (and *top1, *total untouched) if it shows none. */
bool status_pos(struct vt *t, long *top1, long *total);

/* How many body rows (1 .. rows-2) have any text. */
int body_rows_used(struct vt *t);

/* Nothing in the last column of the body rows: each cell there is a
 * narrow blank.  verbose: a note on every one that is not. */
bool last_column_blank(struct vt *t, bool verbose);

/* ------------------------------------------------------------ cells */

/* Two cells look the same: everything but the character (attributes and
 * colours, as RGB). */
bool same_look(const struct vt_cell *a, const struct vt_cell *b);

/* Wide characters are whole: a width-2 cell is followed by its right half
 * and never starts in the last column; a right half follows a width-2
 * cell.  *nwide (may be NULL) gets the number of wide characters. */
bool cells_sane(struct vt *t, int *nwide, bool verbose);

/* ------------------------------------------------------------ leaving */

/* Where seq last starts in the program's output, plus one; 0 if never. */
size_t last_seen(struct vt *t, const char *seq);

/* Whether the cursor counts as shown: as libvterm has it (CURSOR_VT), or
 * as xterm would show it (CURSOR_SENT: libvterm 0.1.4 can hide it again
 * on leaving the alternate screen, see screen.c). */
enum cursor_rule { CURSOR_VT, CURSOR_SENT };

/* The terminal is as the program found it: main screen, cursor shown,
 * mouse reporting off. */
bool restored(struct vt *t, enum cursor_rule rule);

/* ------------------------------------------------------------ the process */

/* /proc/PID/stat into buf (size bytes); returns its fields after
 * "pid (comm) ", the first being the state (field 3), or NULL if the
 * process is gone. */
const char *proc_stat(pid_t pid, char *buf, size_t size);

/* ------------------------------------------------------------ the cloud */

/* The cloud's English tags (data/en.yaml), with the page each leads to:
 * the name the status line shows there.  Labels that are part of another
 * label or of a tab title are left out: they could not be told apart on
 * screen. */
struct cloud_tag {
	const char *label, *page;
};

extern const struct cloud_tag en_tags[];
extern const size_t n_en_tags;

#endif
