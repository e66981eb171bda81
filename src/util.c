/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* util.c: allocation that cannot fail, growable strings and arrays. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charset.h"
#include "i18n.h"
#include "sanitize.h"
#include "util.h"

const char *program_name = PACKAGE;

static void
out_of_memory(void)
{
	/* No memory to convert a translation into the locale's characters
	 * with: unless they are UTF-8, the English words. */
	fprintf(stderr, "%s: %s\n", program_name,
	        charset_is_utf8() ? _("memory exhausted") : "memory exhausted");
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		out_of_memory();
	p = realloc(p, n != 0 && size != 0 ? n * size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *
xstrdup(const char *s)
{
	return xmemdup0(s, strlen(s));
}

char *
xmemdup0(const void *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			out_of_memory();
		c *= 2;
	}
	*p = xreallocarray(*p, c, size);
	*cap = c;
}

void
push_room(void *pp, size_t n, size_t size)
{
	void **p = pp;

	if (n == 0)
		*p = xreallocarray(*p, 8, size);
	else if (n >= 8 && (n & (n - 1)) == 0)
		*p = xreallocarray(*p, n * 2, size);
}

void
sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	grow(&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_addc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void
sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	grow(&b->s, &b->cap, b->len + (size_t)n + 1, 1);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
vwarnx_then(const char *then, const char *fmt, va_list ap)
{
	struct sbuf b = {0};

	/* One write for the whole diagnostic: stderr is unbuffered, and a
	 * reader (a terminal about to close, a pipe) may see the pieces of
	 * several writes apart, or only the first. */
	sanitize_printf(&b, "%s: ", program_name);
	sanitize_vprintf(&b, fmt, ap);
	sbuf_addc(&b, '\n');
	if (then != NULL)
		sbuf_adds(&b, then);
	charset_write(stderr, b.s, b.len);
	sbuf_free(&b);
}

void
vwarnx(const char *fmt, va_list ap)
{
	vwarnx_then(NULL, fmt, ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

long long
monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
