/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* fuzz-layout.c: any text, any width, any rules.  The first byte picks
 * the width (1..128) and the rules; the rest is the text, kept when it is
 * what the loader would accept (valid UTF-8, no refused character).
 * Promises: no line wider than the width, nothing lost (the lines with
 * the spaces and line feeds consumed at breaks put back are the text). */
#include <config.h>

#include <string.h>
#include <unistr.h>

#include "fuzz.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"

static bool
acceptable(const uint8_t *s, size_t n)
{
	const uint8_t *end = s + n;

	if (u8_check(s, n) != NULL || memchr(s, '\0', n) != NULL)
		return false;
	while (s < end) {
		ucs4_t c;

		s += u8_mbtouc(&c, s, (size_t)(end - s));
		if (!sanitize_char_ok(c))
			return false;
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum break_rules rules[] = {BREAK_UAX14, BREAK_KEEP_ALL,
	                                         BREAK_KINSOKU};
	struct tlines tl = {0};
	const char *s;
	size_t n, pos = 0;
	int width;
	enum break_rules r;

	if (size < 1)
		return 0;
	width = data[0] % 128 + 1;
	r = rules[(data[0] >> 7) + (size > 1 ? data[1] % 2 : 0)];
	s = (const char *)data + 1;
	n = size - 1;
	if (!acceptable((const uint8_t *)s, n))
		return 0;
	text_wrap(s, n, width, r, &tl);
	for (size_t i = 0; i < tl.n; i++) {
		const struct tline *l = &tl.v[i];

		PROMISE(l->width <= width, "a line wider than the width");
		PROMISE(l->overwide || l->width == text_width(s + l->start, l->end - l->start),
		        "a line's width is not its text's");
		while (pos < l->start && (s[pos] == ' ' || s[pos] == '\n'))
			pos++;
		PROMISE(pos == l->start, "text lost between lines");
		PROMISE(l->end >= l->start, "a line ends before it starts");
		pos = l->end;
	}
	while (pos < n && (s[pos] == ' ' || s[pos] == '\n'))
		pos++;
	PROMISE(pos == n, "text lost at the end");
	free(tl.v);
	return 0;
}
