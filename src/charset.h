/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* charset.h: the character set text leaves the program in.
 *
 * Inside, every string is UTF-8.  Out, text goes in the character set of
 * the user's locale (LC_CTYPE): UTF-8 as it is; any other through
 * libunistring's conversion, a character the set lacks written as '?'.
 * In a set whose bytes 0x80..0x9F are C1 controls to the terminal
 * (ASCII, the ISO 8859 family), no such byte is ever written.  The screen
 * goes the same way through curses (paint.c draws '?' for what the
 * locale cannot show).  No curses here. */
#ifndef ICLEI_CHARSET_H
#define ICLEI_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* After setlocale(LC_CTYPE, ""): note the locale's character set. */
void charset_init(void);

/* Is it UTF-8?  Its name ("UTF-8", "ANSI_X3.4-1968", "EUC-KR"). */
bool charset_is_utf8(void);
const char *charset_name(void);

/* s[0..n) (UTF-8) in the locale's character set, into out (replaced). */
void charset_convert(struct sbuf *out, const char *s, size_t n);

/* Write s[0..n) (UTF-8) to fp in the locale's character set, in one
 * write for an unbuffered fp.  Returns 0, or -1 on a write error. */
int charset_write(FILE *fp, const char *s, size_t n);

#endif
