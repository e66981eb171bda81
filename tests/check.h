/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* check.h: a few lines of TAP for the C unit tests.
 *
 *   CHECK(cond, "what, with %s", args);   one "ok N - ..." line
 *   return check_done();                  the plan, and the exit status
 *
 * Property tests loop over many cases and report one line per property
 * (with the first failing case), so a failure reads as a sentence. */
#ifndef ICLEI_CHECK_H
#define ICLEI_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int check_count, check_failed;

static void check_report(int ok, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static inline void
check_report(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	check_count++;
	if (!ok)
		check_failed++;
	printf("%sok %d - ", ok ? "" : "not ", check_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok)
		printf(" # at %s:%d", file, line);
	putchar('\n');
	fflush(stdout);
}

#define CHECK(cond, ...) check_report(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Diagnostics: a "# " line, shown by the TAP driver in the log. */
static void check_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static inline void
check_note(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline int
check_done(void)
{
	printf("1..%d\n", check_count);
	return check_failed ? 1 : 0;
}

/* Skip the whole program, saying why. */
static inline void
check_skip_all(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	exit(0);
}

/* The source tree's top, from the test environment (make check sets it). */
static inline const char *
check_srcdir(void)
{
	const char *d = getenv("top_srcdir");

	return d != NULL ? d : ".";
}

#endif
