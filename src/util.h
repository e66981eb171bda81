/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* util.h: allocation that cannot fail, growable strings and arrays. */
#ifndef ICLEI_UTIL_H
#define ICLEI_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Set by main() to argv[0]'s base name; used in diagnostics. */
extern const char *program_name;

/* These never return NULL: on exhaustion they report and exit(1). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xmemdup0(const void *s, size_t n);

/* Make room for at least `need` elements of `size` bytes in *p, whose
 * capacity is *cap; grows geometrically. */
void grow(void *pp, size_t *cap, size_t need, size_t size);

/* Make room in the array *pp, holding n elements of `size` bytes, for
 * element n.  The capacity is implied by n (8, then powers of two), so
 * arrays that only ever grow need no capacity field. */
void push_room(void *pp, size_t n, size_t size);

/* A growable byte string, always NUL-terminated once anything is added. */
struct sbuf {
	char *s;
	size_t len, cap;
};
void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sbuf_free(struct sbuf *b);

/* Milliseconds on the monotonic clock (frame pacing, timeouts). */
long long monotonic_ms(void);

/* "program: message\n" on stderr, in one write. */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vwarnx(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* The same, followed by the line(s) `then` (may be NULL) in that write. */
void vwarnx_then(const char *then, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif
