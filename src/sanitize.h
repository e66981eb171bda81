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

#include <stdbool.h>
#include <stddef.h>
#include <unitypes.h>

#include "util.h"

/* May c appear in bundle text?  Not: C0 controls other than line feed
 * (so no TAB, CR, ESC), DEL, C1 controls, U+2028/U+2029, bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069),
 * the word joiner and invisible operators U+2060..U+2064, the byte order
 * mark / zero width no-break space U+FEFF, interlinear annotation
 * controls U+FFF9..U+FFFB, and tag characters U+E0000..U+E007F. */
bool sanitize_char_ok(ucs4_t c);

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

#endif
