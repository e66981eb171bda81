/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* screen.h: the iclei-tui screen as tests see it, on top of the vt harness
 * (vt.h): the program started in a pseudo-terminal with the tests' own
 * bundle (tests/fixture), its rows, status line and cells read back, waits
 * for a state of them; the facts of that bundle, and its pages as --dump
 * lays them out, to compute what a screen must show.
 *
 *   screen_setup();                       the program and bundle, or skip
 *   struct vt *t = start(24, 80, ARGS("--lang", "ko"), NONE);
 *   CHECKV(t, wait_status(t, fx.page[0].title[KO]), "...");
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
extern char *data_dir;  /* its bundle: $top_srcdir/tests/fixture */
extern char *data_env;  /* "ICLEI_TUI_DATA=" data_dir */

/* Find the program: $ICLEI_TUI, else $top_builddir/src/iclei-tui, else
 * src/iclei-tui; skip the whole test (TAP "1..0 # SKIP") if it is not
 * executable.  Then the bundle, from top_srcdir, and its facts (fx
 * below); bails out (exit 99) if they cannot be read. */
void screen_setup(void);

/* screen_setup, then bail out (exit 99) unless the fixture has at least
 * that many pages and tags. */
void screen_setup_needing(int pages, int tags);

/* Free what screen_setup made. */
void screen_cleanup(void);

/* malloc and realloc that exit (99) when out of memory; a copy of s;
 * a + b, newly allocated. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
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

/* Eventually the program is at rest (no output for a while): it has read
 * and handled what was sent, and drawn it. */
bool settled(struct vt *t);

/* The position on the status line: "Harbour  14/51  70%" gives 14, 51.
 * False (and *top1, *total untouched) if it shows none. */
bool status_pos(struct vt *t, long *top1, long *total);

/* How many body rows (1 .. rows-2) have any text. */
int body_rows_used(struct vt *t);

/* The body (rows 1 .. rows-2) as one string, a line a row, newly
 * allocated. */
char *body_snapshot(struct vt *t);

/* The body is no longer arg, a body_snapshot. */
bool pred_body_changed(struct vt *t, void *arg);

/* The body changes within ms (a moving cloud: with no input). */
bool body_changes(struct vt *t, int ms);

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

/* Highlighted: a background colour or reverse video (a search match,
 * the focused tag, the selected row). */
bool highlighted(const struct vt_cell *c);

/* Append the cell's text (vt_cell_utf8) to buf (size bytes, *len used),
 * if it fits. */
void add_cell_text(char *buf, size_t size, size_t *len, const struct vt_cell *cell);

/* A run of highlighted cells of one look in the body (rows 1 .. rows-2),
 * and its text (at most 127 bytes of it). */
struct lit {
	int row, col;
	struct vt_cell look;
	char text[128];
};

/* The runs on the screen, top to bottom, at most max; how many. */
int lit_runs(struct vt *t, struct lit *run, int max);

/* The one run whose look no other run shares (the current search match
 * among the others), or -1. */
int lit_lone(const struct lit *run, int n);

/* Exactly one run on the screen (the current match of a word found
 * once): its look into arg, a struct vt_cell. */
bool pred_one_lit(struct vt *t, void *arg);

/* Exactly one run on the screen, and its text is arg, a string: the
 * focused tag, the chosen row of a list. */
bool pred_focus_is(struct vt *t, void *arg);

/* Eventually at least min runs, and every one's text is text: the
 * matches of a search. */
bool wait_lits(struct vt *t, const char *text, int min);

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

/* Pause the moving cloud with Space: "Paused" on the status line, then
 * quiet. */
bool pause_cloud(struct vt *t);

/* A shell's prompt where the cursor is, on the main screen: prompt (a
 * string) is PS1 without its last blank ("e2e$" for "e2e$ ").  A new
 * prompt, so the shell reads again: the old ones stay on the screen. */
bool pred_prompt_at_cursor(struct vt *t, void *prompt);

/* ------------------------------------------------------------ input */

/* Type a search for word, and Enter. */
void search_word(struct vt *t, const char *word);

/* Hold the harness back for ms: nothing is read from the program, so the
 * terminal's answers to its questions wait too.  An input (a slow
 * terminal), never a wait for the program: wait for a state after it. */
void hold(int ms);

/* ------------------------------------------------------------ the process */

/* /proc/PID/stat into buf (size bytes); returns its fields after
 * "pid (comm) ", the first being the state (field 3), or NULL if the
 * process is gone. */
const char *proc_stat(pid_t pid, char *buf, size_t size);

/* The CPU time (user and system) a process used so far, in clock ticks
 * (sysconf(_SC_CLK_TCK) a second); -1 if unknown. */
long proc_cpu_ticks(pid_t pid);

/* The write calls a process made so far (/proc/PID/io's syscw: a frame of
 * the program is one); -1 if unknown. */
long proc_write_calls(pid_t pid);

/* ------------------------------------------------------------ running without a terminal */

/* What a program wrote, and how it ended. */
struct output {
	char *out, *err;
	size_t nout, nerr;
	int status;
};

/* Append k bytes at p to the string *s of *n bytes (kept NUL-terminated). */
void append(char **s, size_t *n, const char *p, size_t k);

/* Run argv with stdin from /dev/null and stdout, stderr into pipes, for
 * T_WAIT ms at most (then it is killed and this returns false). */
bool run_capture(char *const argv[], char *const envp[], struct output *o);
void output_free(struct output *o);

/* The environment for run_capture: a clean one, like the harness's. */
char **plain_env(void);

/* ------------------------------------------------------------ files and bundles of a test's own */

/* The whole file at path, NUL-terminated; NULL if it cannot be read. */
char *file_text(const char *path);

/* Write text to path; false if that fails. */
bool file_put(const char *path, const char *text);

/* text with the first from replaced by to, newly allocated; NULL if text
 * has no from. */
char *text_replace(const char *text, const char *from, const char *to);

/* The line (1-based) where s first starts in text; 0 if text has no s. */
int text_line(const char *text, const char *s);

/* For bundle_edit: text_replace with arg a struct swap. */
struct swap {
	const char *from, *to;
};

char *swapped(const char *text, const void *arg);

/* A copy of the tests' bundle (the files of every language) in a new
 * temporary directory, for a test to edit; NULL, with a note, if it
 * cannot be made.  bundle_remove deletes it and frees the name. */
char *bundle_copy(void);
void bundle_remove(char *dir);

/* The file of lang in the bundle at dir, newly allocated. */
char *bundle_file(const char *dir, int lang);

/* Rewrite lang's file in dir to edit(its text, arg), a malloc'd string
 * (freed here); false if it cannot be read or written, or edit gives
 * NULL. */
bool bundle_edit(const char *dir, int lang, char *(*edit)(const char *text, const void *arg),
                 const void *arg);

/* ------------------------------------------------------------ the fixture */

/* The tests' bundle is tests/fixture (see its en.yaml): the facts they
 * need about it -- pages, titles, blocks, link targets, tags -- are read
 * from its files by screen_setup, and checked against what `iclei-tui
 * --check` counts in each, so no test names a title or a label itself. */
enum { EN, KO, JA, ZH, NLANG };
extern const char *const lang_code[NLANG]; /* "en", "ko", "ja", "zh" */

struct fx_block {
	char kind;		/* h(eading) p(aragraph) l(ist) q(uote) a (link) */
	char *id;		/* NULL if none */
	int page, block;	/* a link's target (block -1: the page's top) */
};

struct fx_page {
	char *id;
	char *title[NLANG];
	struct fx_block *block;
	int nblocks;
};

struct fx_tag {
	char *label[NLANG];
	int weight, page, block;	/* the target (block -1: the page's top) */
	/* The English label cannot be mistaken on the screen: it is not part
	 * of another label or of a tab title. */
	bool distinct;
};

struct fixture {
	char *title[NLANG];	/* the site's, on the top bar */
	char *name[NLANG];	/* the language's own name: "English" */
	char *label[NLANG];	/* in the language switcher: "EN" */
	struct fx_page *page;
	int npages;		/* the Cloud is the tab after the last page */
	struct fx_tag *tag;
	int ntags;
	int *rank;		/* the tags heaviest first, ties in file order */
};

extern struct fixture fx;

/* The key that shows tab i (0: the first page, fx.npages: the Cloud). */
char tab_key(int i);

/* The k-th tag by weight: 0 the heaviest, -1 the lightest. */
const struct fx_tag *tag_ranked(int k);

/* ------------------------------------------------------------ pages as --dump lays them out */

/* `iclei-tui --dump` lays a page out with the same engine as the screen:
 * the body of the screen must be those lines, shifted right by the
 * margin.  From src/app.c: margin 2 from 60 columns, 1 from 30, else 0;
 * text width COLS - 2 margins, at most 100. */
struct dump {
	int lang, page, cols;
	const char *ambiguous;	/* --ambiguous: "narrow" or "wide" */
	char **line;		/* as on the screen: margin, text, no trailing blank */
	size_t n;
	char what[96];		/* the command, for notes */
	char *dir;		/* the bundle: NULL for the tests' own */
};

/* The body's margin at cols columns. */
int text_margin(int cols);

/* Page p in language lang laid out for a screen cols wide (made once,
 * kept until screen_cleanup); NULL, with a note, if --dump failed. */
const struct dump *page_dump(int lang, int p, int cols);
const struct dump *page_dump_as(int lang, int p, int cols, const char *ambiguous);

/* The same, of the bundle at dir (a bundle_copy, edited). */
const struct dump *page_dump_in(const char *dir, int lang, int p, int cols);

/* A match of a search as --dump has it: line (0-based), column, and the
 * text as the page writes it. */
struct dump_hit {
	long line;
	int col;
	char text[64];
};

/* The matches of word in d, ignoring ASCII case as the program does,
 * into h; how many (at most max).  The fixture's words never straddle a
 * line break at the widths the tests use. */
int dump_hits(const struct dump *d, const char *word, struct dump_hit *h, int max);

/* The line (0-based) where block b starts (-1: the title): the blocks are
 * separated by empty lines and hold none (tests/fixture/en.yaml). */
long dump_block_line(const struct dump *d, int b);

/* The last top line on a screen of `rows` rows (a body of rows - 2). */
long dump_max_top(const struct dump *d, int rows);

/* Where the program shows line `line` at the top: there, unless the page
 * ends first. */
long dump_top_for(const struct dump *d, long line, int rows);

/* The status line the page shows from line top: "Harbour  4/51  47%". */
void status_at(const struct dump *d, long top, int rows, char *buf, size_t size);

/* ------------------------------------------------------------ the screen against --dump */

/* Type the key of tab i (fx.npages: the Cloud). */
void show_tab(struct vt *t, int i);

/* Page p in lang as the screen of t lays it out (page_dump). */
const struct dump *dump_on(struct vt *t, int lang, int p);

/* Eventually the body is d from line top; top -1: from the line the
 * status line names, whose count of lines must be d's.  A note on the
 * first row that differs if not. */
bool wait_body_from(struct vt *t, const struct dump *d, long top);

/* The same for page p in lang, as --dump lays it out at this width. */
bool wait_body(struct vt *t, int lang, int p);

/* Eventually page p shows from line top (0-based): the status line says
 * so ("Harbour  4/51  47%") and the body is --dump's from there. */
bool wait_at(struct vt *t, int lang, int p, long top);

#endif
