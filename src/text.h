/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* text.h: UTF-8 text as a terminal shows it -- widths, East Asian
 * Ambiguous characters, line-break opportunities tailored per language,
 * and the fill loop that cuts a text into lines.  No curses here. */
#ifndef ICLEI_TEXT_H
#define ICLEI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <unitypes.h>

/* How the terminal draws East Asian Ambiguous characters (UAX #11). */
enum ambiguous {
	AMBIGUOUS_AUTO,		/* not known yet: ask the terminal (an option's
				   value; layout takes it as narrow) */
	AMBIGUOUS_NARROW,	/* one column: most terminals */
	AMBIGUOUS_WIDE,		/* two: "CJK width" terminals; we replace them */
};

/* Line-breaking rules on top of UAX #14. */
enum break_rules {
	BREAK_UAX14,		/* plain UAX #14 (English) */
	BREAK_KEEP_ALL,		/* Korean: break only after spaces */
	BREAK_KINSOKU,		/* Japanese, Chinese: UAX #14 + kinsoku shori */
};

/* Columns of one character, as ncurses (glibc wcwidth) counts them:
 * 0 for combining marks, 2 for wide, else 1. */
int text_char_width(ucs4_t c);

/* Columns of a valid UTF-8 string. */
int text_width(const char *s, size_t n);

/* Is c East Asian Ambiguous (and drawn with a column of its own)? */
bool text_is_ambiguous(ucs4_t c);

/* s with every East Asian Ambiguous character replaced by an unambiguous
 * equivalent ('’' -> '\'', '–' -> '-', '•' -> '*', '™' -> "TM", 'é' ->
 * 'e', '₂' -> '2', ...; '?' for one with none, such as Greek and
 * Cyrillic letters), so that a wide-ambiguous terminal and ncurses agree
 * on every width.  Returns a new NUL-terminated string. */
char *text_unambiguous(const char *s, size_t n, size_t *outlen);

/* Break opportunities of s[0..n), one entry per byte, with libunistring's
 * values: UC_BREAK_POSSIBLE before that byte, UC_BREAK_MANDATORY on a
 * line feed, UC_BREAK_PROHIBITED elsewhere. */
void text_breaks(const char *s, size_t n, enum break_rules rules, char *p);

/* A display line of a text: bytes [start, end), spaces consumed by the
 * break already left out.  overwide: a single grapheme wider than the
 * whole line; the caller draws a placeholder `width` columns wide. */
struct tline {
	size_t start, end;
	int width;
	bool overwide;
};

struct tlines {
	struct tline *v;
	size_t n, cap;
};

/* Append the lines of s[0..n) laid out at most `width` (>= 1) columns
 * wide to out.  Breaks at the opportunities above, else splits a unit
 * wider than the line between grapheme clusters.  Joining the lines, with
 * the spaces at each break put back, gives s again. */
void text_wrap(const char *s, size_t n, int width, enum break_rules rules,
               struct tlines *out);

/* The same with the break opportunities given (text_breaks' values, one
 * per byte), as a caller that holds some of them back needs. */
void text_wrap_breaks(const char *s, size_t n, int width, const char *brk,
                      struct tlines *out);

/* What text_wrap finds in a text whatever the width -- its break
 * opportunities, and each grapheme's width at its first byte (-1 on the
 * others; NULL for ASCII, whose every byte is one column) -- found once,
 * for a caller that lays the text out at several widths. */
struct tprep {
	char *brk;
	signed char *gw;
};

void text_prepare(const char *s, size_t n, enum break_rules rules, struct tprep *p);
void text_prep_free(struct tprep *p);
void text_wrap_prepared(const char *s, size_t n, int width, const struct tprep *p,
                        struct tlines *out);

#endif
