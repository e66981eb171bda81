/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* sanitize.h: the one rule for what may reach a terminal.
 *
 * Content is checked when the bundle is loaded (sanitize_char_ok) and
 * refused with a positioned error if it holds a character that could
 * change the terminal's state or hide or reorder text.  Everything else
 * that is printed and may come from outside -- file names, keys quoted
 * in error messages, and, as a second line of defence, content on every
 * output path -- goes through sanitize_append, which makes such
 * characters visible instead of sending them. */
#ifndef ICLEI_SANITIZE_H
#define ICLEI_SANITIZE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <unitypes.h>

#include "util.h"

/* May c appear in bundle text?  Not: C0 controls other than line feed
 * (so no TAB, CR, ESC), DEL, C1 controls, U+2028/U+2029, format
 * characters (general category Cf: bidirectional controls, the soft
 * hyphen, the BOM, tags...) and Default_Ignorable_Code_Points (Hangul
 * fillers, variation selectors...) -- but the zero-width space, non-joiner
 * and joiner, which scripts need -- and unassigned code points
 * (libunistring's Unicode). */
bool sanitize_char_ok(ucs4_t c);

/* Is c plain: allowed (sanitize_char_ok), of combining class 0, its own
 * NFC, and the second character of no canonical composition -- so that a
 * text of plain characters is valid bundle text and NFC already, and the
 * loader need neither look it up further nor normalise it?  A range
 * table of the scripts and punctuation the content uses (tests/test-nfc
 * holds every range to those properties with libunistring); false means
 * "look closer", not "refused".  Line feed is not plain. */
bool sanitize_char_plain(ucs4_t c);

/* The model is checked once, at load (sanitize_char_ok on every
 * character), and trusted after: the output paths send its text as it
 * is.  A debug build (--enable-debug, or --enable-sanitizers) checks that
 * trust where the text leaves, and aborts, naming `where`, if s[0..n)
 * holds a character the loader would have refused (or a line feed). */
#ifdef ICLEI_DEBUG
void sanitize_assert_trusted(const char *s, size_t n, const char *where);
#define SANITIZE_TRUSTED(s, n, where) sanitize_assert_trusted((s), (n), (where))
#else
#define SANITIZE_TRUSTED(s, n, where) ((void)0)
#endif

/* Short English name of the class of a refused character, for messages. */
const char *sanitize_char_class(ucs4_t c);

/* Append s[0..n) to b with every character sanitize_char_ok refuses (and
 * line feed, when keep_lf is false) shown as text: C0 and DEL in caret
 * notation (^[, ^?), other refused characters as <U+XXXX>, and bytes that
 * are not valid UTF-8 as <XX>. */
void sanitize_append(struct sbuf *b, const char *s, size_t n, bool keep_lf);

/* Write at most `max` columns-ish of s, sanitised, into buf (size bytes),
 * ending with "..." when cut: for quoting untrusted text in messages. */
void sanitize_quote(char *buf, size_t size, const char *s, size_t n,
                    size_t max);

/* s sanitised and cut for quoting in a message, in a static buffer that
 * the next call reuses. */
const char *sanitize_arg(const char *s);

/* vsnprintf into b, every %s argument sanitised as sanitize_append does
 * (line feeds shown as ^J): the one formatter of every diagnostic and
 * status-line message, so no file name, argument or key quoted in one can
 * reach the terminal raw.  fmt itself is trusted (ours, or a catalogue's
 * translation of ours). */
void sanitize_vprintf(struct sbuf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sanitize_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same into buf (size bytes, >= 1), cut at a character boundary. */
void sanitize_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
