/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-habits.c: end-to-end tests for issue 13, "the habits of other
 * programs": keys and manners readers bring from less, w3m, lynx and the
 * shell, and messages that are said whole.  One test (or a few) per item
 * of the issue that test-e2e and test-regress do not already cover; each
 * says in its comment what the program did before (at f7889e9), where all
 * of them fail.
 *
 * The real program in a pseudo-terminal (vt.h, screen.h) on the tests'
 * own bundle (tests/fixture), or on a copy of it edited by the test.
 * Every check waits for an eventual screen state, never for a fixed time.
 * Interface strings are matched in English only; in the other languages
 * the tests look at the bundle's own text, or at what does not depend on
 * a translation (a key name, a file name, where things are).
 *
 * Environment: as test-e2e (ICLEI_TUI, top_srcdir). */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <ctype.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

/* ------------------------------------------------------------ helpers */

static const char *
title(int lang, int p)
{
	return fx.page[p].title[lang];
}

/* s without its spaces, newly allocated: wrapping may drop a space at a
 * break or keep it, and break a word that does not fit anywhere. */
static char *
squeezed(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* The message on the status line, however many rows it wraps over: the
 * rows at the bottom drawn in the status line's look (highlighted from
 * their first cell), joined by spaces; the number of rows in *nrows (may
 * be NULL). */
static char *
message_text(struct vt *t, int *nrows)
{
	char *s = NULL;
	size_t n = 0;
	int top = vt_rows(t) - 1;
	struct vt_cell cell;

	while (top > 1 && vt_cell(t, top - 1, 0, &cell) && highlighted(&cell))
		top--;
	append(&s, &n, "", 0);
	for (int r = top; r < vt_rows(t); r++) {
		char *row = vt_row_text(t, r);

		if (n > 0)
			append(&s, &n, " ", 1);
		append(&s, &n, row, strlen(row));
		free(row);
	}
	if (nrows != NULL)
		*nrows = vt_rows(t) - top;
	return s;
}

/* The message has text in it, wrapped or not. */
static bool
pred_message_has(struct vt *t, void *arg)
{
	char *m = message_text(t, NULL), *sm = squeezed(m), *sa = squeezed(arg);
	bool ok = strstr(sm, sa) != NULL;

	free(sa);
	free(sm);
	free(m);
	return ok;
}

static bool
wait_message(struct vt *t, const char *text)
{
	return vt_wait(t, T_WAIT, pred_message_has, (void *)text);
}

/* n presses of a key, sent at once. */
static void
press(struct vt *t, char c, long n)
{
	for (long i = 0; i < n; i++)
		vt_char(t, (unsigned char)c, 0);
}

/* A line strictly inside a block of d (neither its first line nor a
 * blank one), at `from` or after. */
static long
inner_line(const struct dump *d, long from)
{
	for (long i = from > 1 ? from : 1; i < (long)d->n; i++)
		if (d->line[i][0] != '\0' && d->line[i - 1][0] != '\0')
			return i;
	return -1;
}

/* The block of page p that line `line` of d belongs to: the last one
 * starting at or above it (-1: the title). */
static int
block_of(const struct dump *d, int p, long line)
{
	int b = -1;

	for (int k = 0; k < fx.page[p].nblocks; k++)
		if (dump_block_line(d, k) <= line)
			b = k;
	return b;
}

/* ------------------------------------------------------------ 1. Ctrl-C at the prompt */

/* The prompt is open: the status line matches text, the cursor shown on
 * it at column col. */
struct promptwant {
	const char *text;
	enum how how;
	int col;
};

static bool
pred_prompt(struct vt *t, void *arg)
{
	const struct promptwant *w = arg;
	int r, c;

	vt_cursor(t, &r, &c);
	return row_matches(t, -1, w->text, w->how) && vt_cursor_visible(t)
	    && r == vt_rows(t) - 1 && c == w->col;
}

/* The status line is exactly text, the cursor at col. */
static bool
wait_prompt(struct vt *t, const char *text, int col)
{
	struct promptwant w = {text, IS, col};

	return vt_wait(t, T_WAIT, pred_prompt, &w);
}

/* Before: Ctrl-C at the search prompt was the terminal's interrupt and
 * killed the program, the reader's place and all.  Now it cancels the
 * prompt, as at less's and bash's; elsewhere it still ends the program
 * (test-e2e's test_signal), here checked after a prompt it cancelled. */
static void
test_ctrl_c_prompt(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int st = -1;

	CHECKV(t, wait_at(t, EN, 0, 0), "Ctrl-C: started");
	vt_keys(t, "jj/abc");
	CHECKV(t, wait_prompt(t, "/abc", 4), "Ctrl-C: at line 3, /abc typed");
	vt_char(t, 'c', VT_MOD_CTRL);
	CHECKV(t, wait_at(t, EN, 0, 2) && alive(t) && !vt_cursor_visible(t),
	       "Ctrl-C at the prompt cancels it: the program lives, the page at line 3, the "
	       "prompt and its cursor gone");
	vt_keys(t, "j");
	CHECKV(t, wait_at(t, EN, 0, 3), "Ctrl-C: keys work after it (j)");
	show_tab(t, fx.npages);
	vt_keys(t, "/");
	CHECKV(t, wait_prompt(t, "/", 1), "Ctrl-C: the Cloud's prompt (a tag's name)");
	vt_char(t, 'c', VT_MOD_CTRL);
	CHECKV(t, wait_status(t, "Cloud") && alive(t), "Ctrl-C cancels the Cloud's prompt too");
	vt_char(t, 'c', VT_MOD_CTRL);
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st)
	       && ((WIFSIGNALED(st) && WTERMSIG(st) == SIGINT) || WIFEXITED(st))
	       && restored(t, CURSOR_SENT),
	       "Ctrl-C with no prompt open still ends the program, the terminal restored");
	vt_free(t);
}

/* ------------------------------------------------------------ 2. key names in the help */

/* A character of a key's name. */
static bool
key_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

/* The key names the help lists: the words of its key column (its rows
 * that start at the key column, up to the gap before the text), the
 * ASCII ones of two characters or more; and Ctrl- with every letter, as
 * the program names a control key. */
struct names {
	char v[256][24];
	int n;
};

static void
add_name(struct names *k, const char *s, size_t len)
{
	for (int i = 0; i < k->n; i++)
		if (strlen(k->v[i]) == len && strncmp(k->v[i], s, len) == 0)
			return;
	if (k->n < 256 && len < sizeof k->v[0])
		snprintf(k->v[k->n++], sizeof k->v[0], "%.*s", (int)len, s);
}

/* The blanks before the row's text. */
static int
indent(const char *row)
{
	return (int)strspn(row, " ");
}

/* The words of a key column, from p to end. */
static void
add_words(struct names *k, const char *p, const char *end)
{
	while (p < end) {
		size_t len = strcspn(p, " ");
		bool ascii = len >= 2;

		if (p + len > end)
			len = (size_t)(end - p);
		for (size_t i = 0; i < len; i++)
			ascii = ascii && key_char(p[i]);
		if (ascii)
			add_name(k, p, len);
		p += len + strspn(p + len, " ");
	}
}

static void
key_column_names(char *const *row, int nrows, int keycol, struct names *k)
{
	for (int r = 0; r < nrows; r++) {
		const char *p = row[r] + keycol, *gap;

		if (indent(row[r]) != keycol)
			continue;
		gap = strstr(p, "   ");
		add_words(k, p, gap != NULL ? gap : p + strlen(p));
	}
	for (char c = 'A'; c <= 'Z'; c++)
		add_name(k, (char[]){'C', 't', 'r', 'l', '-', c}, 6);
}

/* Name split between the end of row a and the start of row b, a row that
 * goes on with a's text: which name, or NULL. */
static const char *
split_name(const struct names *k, const char *a, const char *b)
{
	size_t la = strlen(a);

	b += indent(b);
	for (int i = 0; i < k->n; i++) {
		const char *name = k->v[i];
		size_t len = strlen(name);

		for (size_t cut = 1; cut < len && cut <= la; cut++) {
			const char *tail = a + la - cut;

			if (strncmp(tail, name, cut) == 0 && (tail == a || !key_char(tail[-1]))
			    && strncmp(b, name + cut, len - cut) == 0
			    && !key_char(b[len - cut]))
				return name;
		}
	}
	return NULL;
}

/* The help is open: row 1 is no longer the page's title. */
static bool
pred_help_shown(struct vt *t, void *arg)
{
	char *row = vt_row_text(t, 1);
	bool ok = row[0] != '\0' && !row_matches(t, 1, arg, STARTS);

	free(row);
	return ok;
}

/* Rows enough for the whole help at 50 columns. */
enum { HELP_ROWS = 160, HELP_BODY = HELP_ROWS - 2 };

/* Before: the help wrapped its texts by the language's rules alone, and
 * Korean, Japanese and Chinese may break after a hyphen: "Ctrl-" ended a
 * line, "G" began the next.  Here the whole help on one tall screen. */
static void
help_names_whole(int lang, int cols)
{
	struct vt *t = start(HELP_ROWS, cols, ARGS("--lang", lang_code[lang]), NONE);
	int body = HELP_BODY, keycol = text_margin(cols) + 2, nsplit = 0;
	char *row[HELP_BODY];
	struct names k = {.n = 0};
	long top1 = 0, total = 0;

	CHECKV(t, wait_at(t, lang, 0, 0), "help %s %d: started", lang_code[lang], cols);
	vt_keys(t, "?");
	CHECKV(t, vt_wait(t, T_WAIT, pred_help_shown, (void *)title(lang, 0)) && settled(t)
	       && (!status_pos(t, &top1, &total) || total <= body),
	       "help %s %d: open, whole on the screen (%ld lines)", lang_code[lang], cols, total);
	for (int r = 0; r < body; r++)
		row[r] = vt_row_text(t, r + 1);
	key_column_names(row, body, keycol, &k);
	for (int r = 0; r + 1 < body; r++) {
		const char *name = indent(row[r + 1]) > keycol
		                   ? split_name(&k, row[r], row[r + 1]) : NULL;

		if (name != NULL && nsplit++ < 3)
			check_note("'%s' is broken between \"%s\" and \"%s\"", name, row[r],
			           row[r + 1]);
	}
	CHECKV(t, k.n > 26 && nsplit == 0,
	       "help %s at %d columns: no key name broken across lines (%d key names, %d "
	       "broken)", lang_code[lang], cols, k.n, nsplit);
	for (int r = 0; r < body; r++)
		free(row[r]);
	vt_free(t);
}

static void
test_help_names(void)
{
	static const int widths[] = {80, 70, 50};

	for (int l = KO; l <= ZH; l++)
		for (size_t i = 0; i < sizeof widths / sizeof *widths; i++)
			help_names_whole(l, widths[i]);
}

/* ------------------------------------------------------------ 3. a language cycle */

/* The top line of the page on the screen is in block b of page p in
 * lang, and the body is that page from there. */
struct blockwant {
	int lang, p, b;
};

static bool
pred_top_in_block(struct vt *t, void *arg)
{
	const struct blockwant *w = arg;
	const struct dump *d = dump_on(t, w->lang, w->p);
	char want[128];
	long top1, total;

	snprintf(want, sizeof want, "%s  ", title(w->lang, w->p));
	return d != NULL && row_matches(t, -1, want, STARTS) && status_pos(t, &top1, &total)
	    && total == (long)d->n && block_of(d, w->p, top1 - 1) == w->b;
}

static bool
wait_top_in_block(struct vt *t, int lang, int b)
{
	struct blockwant w = {lang, 0, b};

	return vt_wait(t, T_WAIT, pred_top_in_block, &w) && wait_body(t, lang, 0);
}

/* Before: a switch brought the start of the block at the top to the
 * top, so a cycle through the languages (or L and back with H) ended a
 * few lines above where it began.  Now the part of the block at the top
 * stays there in each language, and the cycle ends on the very line. */
static void
test_lang_cycle(void)
{
	struct vt *t = start(20, 60, NONE, NONE);
	const struct dump *d = dump_on(t, EN, 0);
	long line = d != NULL ? inner_line(d, 14) : -1;
	int b = d != NULL ? block_of(d, 0, line) : -1;

	CHECKV(t, line > 0 && wait_at(t, EN, 0, 0), "lang cycle 60x20: started; line %ld is "
	       "inside block %d of %s", line + 1, b, title(EN, 0));
	press(t, 'j', line);
	CHECKV(t, wait_at(t, EN, 0, line), "lang cycle: j x%ld", line);
	for (int l = KO; l <= ZH; l++) {
		vt_keys(t, "L");
		CHECKV(t, wait_top_in_block(t, l, b),
		       "lang cycle: L: %s, the same block at the top", lang_code[l]);
	}
	vt_keys(t, "L");
	CHECKV(t, wait_at(t, EN, 0, line), "lang cycle: L a fourth time: English, at line %ld "
	       "again", line + 1);
	vt_free(t);

	t = start(20, 40, ARGS("--lang", "ko"), NONE);
	d = dump_on(t, KO, 0);
	line = d != NULL ? inner_line(d, 10) : -1;
	b = d != NULL ? block_of(d, 0, line) : -1;
	CHECKV(t, line > 0 && wait_at(t, KO, 0, 0), "lang L H ko 40x20: started");
	press(t, 'j', line);
	CHECKV(t, wait_at(t, KO, 0, line), "lang L H: j x%ld, inside block %d", line, b);
	vt_keys(t, "L");
	CHECKV(t, wait_top_in_block(t, JA, b), "lang L H: L: Japanese, the same block at the top");
	/* (Esc: the first H says what it is, over the body's last rows.) */
	vt_keys(t, "H");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_at(t, KO, 0, line), "lang L H: H (and Esc): Korean at line %ld again",
	       line + 1);
	vt_free(t);
}

/* ------------------------------------------------------------ 4. the prompt as a line editor */

static void
key_n(struct vt *t, enum vt_key key, int n)
{
	for (int i = 0; i < n; i++)
		vt_key(t, key);
}

/* Before: the prompt took characters and Backspace only: the arrows,
 * Home, End and the control keys did nothing (or were typed), there was
 * no history, Enter on nothing cancelled, and a long pattern ran off
 * the line with the cursor. */
static void
test_prompt_edit(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_at(t, EN, 0, 0), "prompt: started");
	vt_keys(t, "/");
	vt_type(t, "quay lntern");
	CHECKV(t, wait_prompt(t, "/quay lntern", 12), "prompt: 'quay lntern' typed");
	key_n(t, VT_KEY_LEFT, 5);
	vt_keys(t, "a");
	CHECKV(t, wait_prompt(t, "/quay lantern", 8), "prompt: Left x5, a: typed in the middle");
	vt_key(t, VT_KEY_HOME);
	CHECKV(t, wait_prompt(t, "/quay lantern", 1), "prompt: Home: the cursor at the start");
	vt_key(t, VT_KEY_END);
	CHECKV(t, wait_prompt(t, "/quay lantern", 13), "prompt: End: at the end");
	vt_char(t, 'a', VT_MOD_CTRL);
	CHECKV(t, wait_prompt(t, "/quay lantern", 1), "prompt: Ctrl-A: the start");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_prompt(t, "/quay lantern", 2), "prompt: Right: one on");
	vt_char(t, 'e', VT_MOD_CTRL);
	CHECKV(t, wait_prompt(t, "/quay lantern", 13), "prompt: Ctrl-E: the end");
	key_n(t, VT_KEY_LEFT, 3);
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_prompt(t, "/quay lanern", 9), "prompt: Backspace in the middle");
	vt_keys(t, "t");
	vt_key(t, VT_KEY_END);
	vt_char(t, 'w', VT_MOD_CTRL);
	CHECKV(t, wait_prompt(t, "/quay", 6), "prompt: Ctrl-W erases the word before the cursor");
	vt_char(t, 'u', VT_MOD_CTRL);
	CHECKV(t, wait_prompt(t, "/", 1), "prompt: Ctrl-U erases the line, the prompt stays");
	vt_type(t, "lantern");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_lits(t, "lantern", 2), "prompt: lantern searched, highlighted");
	vt_keys(t, "/");
	vt_type(t, "quay");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_lits(t, "quay", 2), "prompt: then quay");
	vt_keys(t, "/");
	vt_key(t, VT_KEY_UP);
	CHECKV(t, wait_prompt(t, "/quay", 5), "prompt: Up: the last pattern");
	vt_key(t, VT_KEY_UP);
	CHECKV(t, wait_prompt(t, "/lantern", 8), "prompt: Up again: the one before");
	vt_key(t, VT_KEY_DOWN);
	CHECKV(t, wait_prompt(t, "/quay", 5), "prompt: Down: the later one");
	vt_key(t, VT_KEY_DOWN);
	CHECKV(t, wait_prompt(t, "/", 1), "prompt: Down again: the line being typed (empty)");
	vt_key(t, VT_KEY_UP);
	vt_key(t, VT_KEY_UP);
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_lits(t, "lantern", 2), "prompt: Up Up Enter searches lantern again");
	vt_keys(t, "/zzzz\r");
	CHECKV(t, wait_message(t, "Not found: zzzz"), "prompt: zzzz is not found");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, title(EN, 0)), "prompt: Esc clears the message");
	vt_keys(t, "/\r");
	CHECKV(t, wait_message(t, "Not found: zzzz"),
	       "prompt: / and Enter on nothing searches the last pattern again (as in less)");
	vt_free(t);
}

/* The status line ends with text, the cursor right after it, on the
 * screen. */
static bool
pred_prompt_end(struct vt *t, void *arg)
{
	const char *tail = arg;
	char *row = vt_row_text(t, vt_rows(t) - 1);
	size_t n = strlen(row), k = strlen(tail);
	int r, c;
	bool ok;

	vt_cursor(t, &r, &c);
	ok = n >= k && strcmp(row + n - k, tail) == 0 && r == vt_rows(t) - 1
	     && c == (int)n && c < vt_cols(t) && vt_cursor_visible(t);
	free(row);
	return ok;
}

static void
test_prompt_long(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	char pattern[121], start_of[32];

	for (int i = 0; i < 120; i++)
		pattern[i] = i % 10 == 0 ? (char)('a' + i / 10) : (char)('0' + i % 10);
	pattern[120] = '\0';
	snprintf(start_of, sizeof start_of, "/%.20s", pattern);
	CHECKV(t, wait_at(t, EN, 0, 0), "long prompt: started");
	vt_keys(t, "/");
	vt_type(t, pattern);
	CHECKV(t, vt_wait(t, T_WAIT, pred_prompt_end, pattern + 100)
	       && !row_matches(t, -1, start_of, STARTS),
	       "long prompt: 120 characters typed at 80 columns: the line shows their end, the "
	       "cursor after it on the screen");
	vt_key(t, VT_KEY_HOME);
	CHECKV(t, vt_wait(t, T_WAIT, pred_prompt, &(struct promptwant){start_of, STARTS, 1}),
	       "long prompt: Home: the start shows, the cursor on it");
	vt_free(t);
}

/* ------------------------------------------------------------ 5. typography folded */

/* A run is highlighted at line `line` of the page (the status line says
 * which is at the top), column col, and its text is text. */
struct runwant {
	long line;
	int col;
	const char *text;
};

static bool
pred_run_at(struct vt *t, void *arg)
{
	const struct runwant *w = arg;
	struct lit run[32];
	int n = lit_runs(t, run, 32);
	long top1, total;

	if (!status_pos(t, &top1, &total))
		return false;
	for (int i = 0; i < n; i++)
		if (run[i].row == w->line - top1 + 2 && run[i].col == w->col)
			return strcmp(run[i].text, w->text) == 0;
	return false;
}

/* typed finds written (once on the page): the page's own text is
 * highlighted where --dump has it. */
static void
finds_written(const char *typed, const char *written)
{
	struct vt *t = start(24, 80, NONE, NONE);
	struct dump_hit h[4];
	int nh = dump_hits(dump_on(t, EN, 0), written, h, 4);
	struct runwant w = {nh > 0 ? h[0].line : -1, nh > 0 ? h[0].col : -1, written};

	CHECK(nh == 1, "typography: %s has '%s' once", title(EN, 0), written);
	CHECKV(t, wait_at(t, EN, 0, 0), "typography: started");
	search_word(t, typed);
	CHECKV(t, vt_wait(t, T_WAIT, pred_run_at, &w),
	       "typography: /%s finds '%s', highlighted as the page writes it (line %ld, "
	       "column %d)", typed, written, w.line + 1, w.col);
	vt_free(t);
}

/* Before: a search matched the characters typed, so an ASCII apostrophe
 * or quote missed the page's curly ones, a hyphen its dashes, and
 * full-width Latin (an East Asian input method's) the half-width text. */
static void
test_typography(void)
{
	const struct dump *d = page_dump(EN, 0, 80);
	struct dump_hit h[8];
	int n = dump_hits(d, "Saltmere", h, 8), shown = 0;
	struct vt *t;

	finds_written("keeper's", "keeper’s");
	finds_written("\"the long watch\"", "“the long watch”");
	finds_written("summer - stone", "summer – stone");
	while (shown < n && h[shown].line < 22)
		shown++;
	t = start(24, 80, NONE, NONE);
	CHECKV(t, shown >= 2 && wait_at(t, EN, 0, 0),
	       "typography: %s has Saltmere %d times on its first screen", title(EN, 0), shown);
	search_word(t, "ＳＡＬＴＭＥＲＥ");
	CHECKV(t, wait_lits(t, "Saltmere", shown),
	       "typography: full-width ＳＡＬＴＭＥＲＥ finds Saltmere, each highlighted");
	vt_free(t);
}

/* ------------------------------------------------------------ 6. keys of less, w3m and lynx */

/* Before: h, e, y, Ctrl-E, Ctrl-Y, =, m and ' did nothing, nor did an
 * unknown key or a count say anything. */
static void
test_less_keys(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	const struct dump *d = dump_on(t, EN, 0);
	char where[128], *file = bundle_file(data_dir, EN);

	CHECKV(t, wait_at(t, EN, 0, 0), "less keys: started");
	vt_keys(t, "e");
	CHECKV(t, wait_at(t, EN, 0, 1), "less keys: e one line down");
	vt_char(t, 'e', VT_MOD_CTRL);
	CHECKV(t, wait_at(t, EN, 0, 2), "less keys: Ctrl-E one line down");
	vt_keys(t, "y");
	CHECKV(t, wait_at(t, EN, 0, 1), "less keys: y one line up");
	vt_char(t, 'y', VT_MOD_CTRL);
	CHECKV(t, wait_at(t, EN, 0, 0), "less keys: Ctrl-Y one line up");
	vt_keys(t, "h");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS) && wait_status(t, "Help"),
	       "less keys: h opens the help");
	vt_keys(t, "q");
	CHECKV(t, wait_at(t, EN, 0, 0), "less keys: q closes it");
	vt_keys(t, "jjjj=");
	if (d != NULL)
		status_at(d, 4, 24, where, sizeof where);
	CHECKV(t, d != NULL && wait_message(t, where) && wait_message(t, fx.name[EN])
	       && wait_message(t, file),
	       "less keys: = says where: %s, %s, the file", where, fx.name[EN]);
	vt_keys(t, "ma");
	CHECKV(t, wait_message(t, "Mark a set"), "less keys: m a sets mark a");
	vt_keys(t, "G");
	CHECKV(t, wait_at(t, EN, 0, dump_max_top(d, 24)), "less keys: G, the end");
	vt_keys(t, "'a");
	CHECKV(t, wait_at(t, EN, 0, 4), "less keys: ' a goes back to the mark, line 5");
	vt_keys(t, "''");
	CHECKV(t, wait_at(t, EN, 0, dump_max_top(d, 24)),
	       "less keys: '' goes back to where the jump left");
	vt_keys(t, "x");
	CHECKV(t, wait_message(t, "no such key") && wait_message(t, "?"),
	       "less keys: x, a key bound to nothing, says so and that ? lists the keys");
	vt_free(t);
	free(file);
}

/* The H of lynx and w3m (help) is the previous language here: the first
 * one says so, in the language it was pressed in -- that of a reader who
 * may not read the one it switched to.  A count typed as in less, 10j,
 * says there are none, and the note stays through the j.  Before: not a
 * word of either. */
static void
test_less_notes(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_at(t, EN, 0, 0), "notes: started");
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, 0, title(ZH, 0), HAS) && wait_message(t, "previous language")
	       && wait_message(t, "?"),
	       "notes: H from English: Chinese, and the status line says in English that H is "
	       "the previous language and ? the help");
	vt_keys(t, "H");
	CHECKV(t, wait_at(t, JA, 0, 0), "notes: the second H says nothing");
	vt_keys(t, "L");
	CHECKV(t, wait_at(t, ZH, 0, 0), "notes: L");
	vt_keys(t, "L");
	CHECKV(t, wait_at(t, EN, 0, 0), "notes: L, English again");
	vt_keys(t, "10j");
	CHECKV(t, wait_body_from(t, dump_on(t, EN, 0), 1) && wait_message(t, "No counts here"),
	       "notes: 10j: j moves one line, and the status line says there are no counts");
	vt_keys(t, "j");
	CHECKV(t, wait_at(t, EN, 0, 2), "notes: the next key clears it");
	vt_free(t);
}

/* ------------------------------------------------------------ 7. the Cloud tab */

/* The ranks (0: the heaviest) of the tags whose English label has word,
 * in any case; how many. */
static int
ranks_matching(const char *word, int *rank, int max)
{
	int n = 0;

	for (int k = 0; k < fx.ntags && n < max; k++)
		if (strcasestr(tag_ranked(k)->label[EN], word) != NULL)
			rank[n++] = k;
	return n;
}

/* The tag of rank *arg is the chosen one: the one highlighted, and its
 * place among the tags on the status line ("Cloud  5/22"). */
static bool
pred_chosen(struct vt *t, void *arg)
{
	int k = *(const int *)arg;
	char want[64];

	snprintf(want, sizeof want, "Cloud  %d/%d ", k + 1, fx.ntags);
	return pred_focus_is(t, (void *)tag_ranked(k)->label[EN])
	    && row_matches(t, -1, want, STARTS);
}

static bool
wait_chosen(struct vt *t, int k)
{
	return vt_wait(t, T_WAIT, pred_chosen, &k);
}

/* / n N find tags by name, forward from the one chosen and round. */
static void
finds_tags(struct vt *t, const char *where, const char *word)
{
	int r[4], n = ranks_matching(word, r, 4);

	CHECK(n == 2, "%s: two tags have '%s' in their names (%d)", where, word, n);
	if (n != 2)
		return;
	search_word(t, word);
	CHECKV(t, wait_chosen(t, r[0]), "%s: /%s chooses %s, %d/%d", where, word,
	       tag_ranked(r[0])->label[EN], r[0] + 1, fx.ntags);
	vt_keys(t, "n");
	CHECKV(t, wait_chosen(t, r[1]), "%s: n the next one, %s", where,
	       tag_ranked(r[1])->label[EN]);
	vt_keys(t, "n");
	CHECKV(t, wait_chosen(t, r[0]), "%s: n round to the first", where);
	vt_keys(t, "N");
	CHECKV(t, wait_chosen(t, r[1]), "%s: N back to the last", where);
}

/* The status line is a position ("Help  58/99  79%"): top line top1 at
 * least. */
static bool
pred_help_pos(struct vt *t, void *arg)
{
	long top1, total;

	return row_matches(t, -1, "Help  ", STARTS) && row_matches(t, -1, "%", HAS)
	    && status_pos(t, &top1, &total) && top1 >= *(const long *)arg && total > top1;
}

/* Started on the first page, then the Cloud tab: the key first chooses
 * the heaviest tag (on the cloud, or l shows the list), then next the
 * next one; the status line says where each is among them. */
static struct vt *
cloud_chooses(const char *what, const char *first, const char *next)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_at(t, EN, 0, 0), "%s: started", what);
	show_tab(t, fx.npages);
	vt_keys(t, first);
	CHECKV(t, wait_chosen(t, 0), "%s: %s: the heaviest tag chosen, Cloud  1/%d", what,
	       first, fx.ntags);
	vt_keys(t, next);
	CHECKV(t, wait_chosen(t, 1), "%s: %s: the next, Cloud  2/%d", what, next, fx.ntags);
	return t;
}

/* Before: on the Cloud, Tab and Shift-Tab chose tags (so Shift-Tab never
 * left it), / n N were not there, the status line named the tab alone,
 * and the help's said "q quit" where q closes the help. */
static void
test_cloud_keys(void)
{
	struct vt *t = cloud_chooses("cloud keys", "]", "]");
	long top = 2, help_top = 0, total = 0;

	finds_tags(t, "cloud keys", "tide");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "The cloud", STARTS) && vt_wait(t, T_WAIT, pred_help_pos, &top)
	       && wait_row(t, -1, "q closes the help", HAS) && !row_matches(t, -1, "q quit", HAS),
	       "cloud keys: ? shows the help at the cloud's keys; its status line says where "
	       "(Help  N/M  P%%) and that q closes it");
	status_pos(t, &help_top, &total);
	help_top++;
	vt_keys(t, "j");
	CHECKV(t, vt_wait(t, T_WAIT, pred_help_pos, &help_top), "cloud keys: j in the help: "
	       "line %ld", help_top);
	vt_keys(t, "q");
	CHECKV(t, wait_status(t, "Cloud"), "cloud keys: q closes the help");
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, wait_at(t, EN, fx.npages - 1, 0), "cloud keys: Shift-Tab on the Cloud: the "
	       "last page, %s", title(EN, fx.npages - 1));
	vt_free(t);
}

/* The same in the list behind l (before: no / n N there either, and the
 * status line named the tab alone). */
static void
test_tag_list(void)
{
	struct vt *t = cloud_chooses("tag list", "l", "j");

	finds_tags(t, "tag list", "tide");
	vt_free(t);
}

/* ------------------------------------------------------------ 9. the command line */

/* A copy of the bundle with lang's file removed; NULL if not. */
static char *
bundle_without(int lang)
{
	char *dir = bundle_copy(), *file;

	if (dir == NULL)
		return NULL;
	file = bundle_file(dir, lang);
	if (unlink(file) != 0) {
		check_note("cannot remove %s", file);
		bundle_remove(dir);
		dir = NULL;
	}
	free(file);
	return dir;
}

/* Before: --page took a page's id alone, in small letters, and not the
 * Cloud; a language asked for by the locale whose file was missing
 * stopped the program (status 2).  (The same without a terminal, and
 * --dump's pipe: tests/cli.test.) */
static void
test_command_line(void)
{
	int last = fx.npages - 1;
	char caps[64], *dir;
	struct vt *t;
	size_t i;

	for (i = 0; i + 1 < sizeof caps && fx.page[last].id[i] != '\0'; i++)
		caps[i] = (char)toupper((unsigned char)fx.page[last].id[i]);
	caps[i] = '\0';
	t = start(24, 80, ARGS("--page", caps), NONE);
	CHECKV(t, wait_at(t, EN, last, 0), "command line: --page %s shows %s", caps,
	       title(EN, last));
	vt_free(t);
	t = start(24, 80, ARGS("--lang", "ko", "--page", title(KO, last)), NONE);
	CHECKV(t, wait_at(t, KO, last, 0), "command line: --page %s, by its Korean title",
	       title(KO, last));
	vt_free(t);
	t = start(24, 80, ARGS("--page", "cloud"), NONE);
	CHECKV(t, wait_status(t, "Cloud") && wait_row(t, 0, fx.page[0].title[EN], HAS),
	       "command line: --page cloud opens the Cloud tab");
	vt_free(t);

	dir = bundle_without(KO);
	CHECK(dir != NULL, "command line: a copy of the bundle without ko.yaml");
	if (dir == NULL)
		return;
	t = start(24, 80, ARGS("--data-dir", dir), ARGS("LC_ALL", "LANG=ko_KR.UTF-8"));
	CHECKV(t, wait_body_from(t, dump_on(t, EN, 0), 0) && wait_message(t, "ko.yaml") && wait_message(t, dir)
	       && wait_message(t, fx.name[EN]),
	       "command line: LANG=ko_KR.UTF-8 without ko.yaml: English, and the status line "
	       "says there is no ko.yaml in the directory, and that %s is shown", fx.name[EN]);
	vt_free(t);
	bundle_remove(dir);
}

/* ------------------------------------------------------------ 10. messages whole */

/* Before: a message was cut at the status line's end -- a reload's
 * error lost its line and column after a long file name. */
static void
test_reload_error(void)
{
	static const char longer[] = "-in-a-directory-whose-name-is-long-enough-to-wrap";
	char *dir = bundle_copy(), *name = dir != NULL ? concat(dir, longer) : NULL;
	char *file = NULL, *text = NULL, from[128], to[128], want[512];
	struct swap w = {from, to};
	struct vt *t;
	int rows = 0;

	if (name == NULL || rename(dir, name) != 0) {
		CHECK(0, "reload error: a copy of the bundle in a directory with a long name");
		free(name);
		if (dir != NULL)
			bundle_remove(dir);
		return;
	}
	free(dir);
	file = bundle_file(name, EN);
	text = file_text(file);
	snprintf(from, sizeof from, "\n    title: %s\n", title(EN, 0));
	snprintf(to, sizeof to, "\n    title: [%s\n", title(EN, 0));
	/* from starts at the newline before the line; "    title: [" puts
	 * the list in column 12. */
	snprintf(want, sizeof want, "%s:%d:12: ", file, text != NULL ? text_line(text, from) + 1 : 0);
	t = start(24, 80, ARGS("--data-dir", name), NONE);
	CHECKV(t, wait_at(t, EN, 0, 0), "reload error: started on the copy");
	CHECK(bundle_edit(name, EN, swapped, &w), "reload error: its en.yaml broken");
	vt_keys(t, "r");
	CHECKV(t, wait_message(t, want), "reload error: r: the message is whole, over the rows "
	       "it takes: %s...", want);
	free(message_text(t, &rows));
	CHECKV(t, rows >= 2 && rows <= 12 && !row_matches(t, -1, "…", HAS)
	       && row_matches(t, 1, title(EN, 0), IS),
	       "reload error: wrapped over %d rows, not cut, the page above it", rows);
	vt_free(t);
	free(text);
	free(file);
	bundle_remove(name);
}

/* The whole screen, its spaces left out. */
static char *
screen_squeezed(struct vt *t)
{
	char *s = vt_screen_text(t), *q = squeezed(s), *o = q;

	free(s);
	for (const char *p = q; *p != '\0'; p++)
		if (*p != '\n')
			*o++ = *p;
	*o = '\0';
	return q;
}

static bool
pred_screen_is(struct vt *t, void *arg)
{
	char *s = screen_squeezed(t);
	bool ok = s[0] != '\0' && (arg == NULL || strcmp(s, arg) == 0);

	free(s);
	return ok;
}

/* Before: "Terminal too small" was one row, cut at the screen's edge. */
static void
test_too_small(void)
{
	static const int sizes[][2] = {{4, 15}, {4, 9}, {8, 6}, {3, 10}};

	for (int l = 0; l < NLANG; l++) {
		/* Too few rows, room for the notice on one: the notice whole. */
		struct vt *t = start(4, 200, ARGS("--lang", lang_code[l]), NONE);
		char *notice;

		CHECKV(t, vt_wait(t, T_WAIT, pred_screen_is, NULL) && settled(t),
		       "too small %s: at 200x4, the notice", lang_code[l]);
		notice = screen_squeezed(t);
		for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
			vt_resize(t, sizes[i][0], sizes[i][1]);
			CHECKV(t, vt_wait(t, T_WAIT, pred_screen_is, notice)
			       && cells_sane(t, NULL, true),
			       "too small %s at %dx%d: the notice whole, wrapped (%s)", lang_code[l],
			       sizes[i][1], sizes[i][0], notice);
		}
		free(notice);
		vt_free(t);
	}
}

/* The tab bar's dots for tab `cur` of them all: "●○○○". */
static const char *
dots(int cur)
{
	static char buf[128];
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i <= fx.npages && n + 4 < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", i == cur ? "●" : "○");
	return buf;
}

/* Before: a tab bar too narrow for every tab said "1/4" after the
 * current one, which reads as the status line's count of lines. */
static void
test_tab_dots(void)
{
	static const int widths[] = {50, 40, 30};

	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		struct vt *t = start(24, widths[i], NONE, NONE);

		CHECKV(t, wait_at(t, EN, 0, 0) && wait_row(t, 0, dots(0), HAS)
		       && !row_matches(t, 0, "1/", HAS),
		       "tab dots at %d columns: the current tab and %s, no 1/%d", widths[i],
		       dots(0), fx.npages + 1);
		vt_key(t, VT_KEY_TAB);
		CHECKV(t, wait_at(t, EN, 1, 0) && wait_row(t, 0, dots(1), HAS),
		       "tab dots at %d columns: Tab: %s", widths[i], dots(1));
		vt_free(t);
	}
}

/* Where text is on row 0: its first cell, or -1. */
static int
top_col(struct vt *t, const char *text)
{
	int r = -1, c = -1;

	return vt_find_text(t, text, &r, &c) > 0 && r == 0 ? c : -1;
}

/* Before: the top bar was laid out for the language shown, so the tabs
 * moved on a switch (to make room for the site's title in one). */
static void
test_tab_columns(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int tab = -1, sw = -1;

	/* The other languages are checked after the first screen: the bar
	 * is laid out for them all once the switcher has them. */
	CHECKV(t, wait_at(t, EN, 0, 0) && wait_row(t, 0, fx.label[ZH], HAS)
	       && (tab = top_col(t, title(EN, 0))) >= 0
	       && (sw = top_col(t, fx.label[EN])) > tab,
	       "tab columns: English, the first tab at column %d, the languages at %d", tab, sw);
	for (int l = KO; l <= ZH; l++) {
		vt_keys(t, "L");
		CHECKV(t, wait_at(t, l, 0, 0) && top_col(t, title(l, 0)) == tab
		       && top_col(t, fx.label[EN]) == sw,
		       "tab columns: L: %s, the first tab still at column %d (%d), the languages at "
		       "%d (%d)", lang_code[l], tab, top_col(t, title(l, 0)), sw,
		       top_col(t, fx.label[EN]));
	}
	vt_free(t);
}

/* Before: a message longer than the status line was cut there without a
 * sign; now it wraps, over half the screen at most, and ends in "…"
 * where it is cut. */
static void
test_message_cut(void)
{
	struct vt *t = start(10, 40, NONE, NONE);
	char pattern[201], *m;
	int rows = 0;

	for (int i = 0; i < 200; i++)
		pattern[i] = (char)('a' + i % 26);
	pattern[200] = '\0';
	CHECKV(t, wait_at(t, EN, 0, 0), "message cut: started at 40x10");
	search_word(t, pattern);
	CHECKV(t, wait_message(t, "Not found: abcdefghij") && wait_row(t, -1, "…", HAS),
	       "message cut: a 200-letter pattern, not found: the message ends with …");
	m = message_text(t, &rows);
	CHECKV(t, rows == 5 && row_matches(t, -5, "Not found:", STARTS)
	       && row_matches(t, 1, title(EN, 0), IS),
	       "message cut: it takes half the screen (%d rows), the page above it", rows);
	free(m);
	vt_free(t);
}

/* ------------------------------------------------------------ 11. bold and dim */

/* What ncurses sends for bold with dim on terminals with sgr (xterm's
 * terminfo): SGR 0;1;2, alone or with more. */
static bool
bold_dim_seen(struct vt *t)
{
	return vt_raw_seen(t, "\033[0;1;2m", 8) || vt_raw_seen(t, "\033[0;1;2;", 8)
	    || vt_raw_seen(t, "\033[1;2m", 6);
}

/* Before: with 8 colours a heavy tag far behind was bold (heavy) and dim
 * (far) at once, which terminals draw as either or as neither.  Watched
 * over 60 frames of the moving cloud, the far ones dim, the heavy near
 * ones bold. */
static void
test_bold_dim(void)
{
	struct vt *t = start(24, 80, NONE, ARGS("TERM=xterm"));
	bool moved = true;

	CHECKV(t, wait_at(t, EN, 0, 0), "bold dim: TERM=xterm (8 colours)");
	show_tab(t, fx.npages);
	for (int k = 0; k < 60 && moved && !bold_dim_seen(t); k++)
		moved = body_changes(t, T_WAIT);
	CHECKV(t, moved && vt_raw_seen(t, "\033[0;2m", 6) && vt_raw_seen(t, "\033[0;1m", 6),
	       "bold dim: the cloud moves, some tags dim, some bold");
	CHECKV(t, !bold_dim_seen(t), "bold dim: never a tag bold and dim at once");
	vt_free(t);
}

/* ------------------------------------------------------------ main */

int
main(void)
{
	screen_setup_needing(3, 4);
	test_ctrl_c_prompt();
	test_help_names();
	test_lang_cycle();
	test_prompt_edit();
	test_prompt_long();
	test_typography();
	test_less_keys();
	test_less_notes();
	test_cloud_keys();
	test_tag_list();
	test_command_line();
	test_reload_error();
	test_too_small();
	test_tab_dots();
	test_tab_columns();
	test_message_cut();
	test_bold_dim();
	screen_cleanup();
	return check_done();
}
