/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-search.c: finding a pattern in a page (search.c).
 *
 *  - the work is linear in the text, whatever the pattern: characters
 *    compared are counted, not seconds (a naive scan of 2 MB of 'a' for
 *    'a'x199 'b' compares some 400 million);
 *  - a match begins and ends on grapheme boundaries: never a letter
 *    without its combining marks;
 *  - case folded; non-overlapping, leftmost first; the same matches as a
 *    plain reference search over many random texts. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unigbrk.h>
#include <unistr.h>

#include "check.h"
#include "search.h"
#include "util.h"

/* A page of one paragraph. */
static void
find(const char *pattern, const char *text, struct matches *m)
{
	struct block b = {.kind = BLOCK_PARAGRAPH, .text = (char *)text};
	struct page p = {.id = (char *)"p", .title = (char *)"T", .blocks = &b, .nblocks = 1};
	struct search s = {0};

	m->n = 0;
	if (search_set(&s, pattern))
		search_page(&s, &p, m);
	search_free(&s);
}

/* The matches as "start-end start-end ". */
static const char *
spans(const struct matches *m)
{
	static char buf[512];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < m->n && len + 24 < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%zu-%zu ",
		                        m->v[i].start, m->v[i].end);
	return buf;
}

static void
test_linear(void)
{
	size_t n = 2u << 20;
	char *text = xmalloc(n + 1), pattern[201];
	struct matches m = {0};

	memset(text, 'a', n);
	text[n] = '\0';
	memset(pattern, 'a', 199);
	pattern[199] = 'b';
	pattern[200] = '\0';
	find(pattern, text, &m);
	CHECK(m.n == 0 && m.compared <= 2 * (unsigned long long)n,
	      "'a'x199 'b' over 2 MiB of 'a': no match, %llu characters compared "
	      "(at most twice the text)", m.compared);
	text[n - 1] = 'b';
	find(pattern, text, &m);
	CHECK(m.n == 1 && m.v[0].start == n - 200 && m.v[0].end == n,
	      "and the one at the very end is found: %s", spans(&m));
	free(text);
	free(m.v);
}

static void
test_graphemes(void)
{
	struct matches m = {0};

	/* x + COMBINING ACUTE has no precomposed form: it stays two code
	 * points, one grapheme. */
	find("x", "x\xcc\x81y x", &m);
	CHECK(m.n == 1 && m.v[0].start == 5,
	      "'x' is not found inside x+U+0301, only alone: %s", spans(&m));
	find("\xcc\x81y", "x\xcc\x81y", &m);
	CHECK(m.n == 0, "a pattern starting on a combining mark splits no letter: %s",
	      spans(&m));
	find("x\xcc\x81", "ax\xcc\x81 x\xcc\x81", &m);
	CHECK(m.n == 2 && m.v[0].start == 1 && m.v[0].end == 4,
	      "x+U+0301 is found whole: %s", spans(&m));
	/* A Hangul syllable built of jamo is one grapheme too. */
	find("\xe1\x84\x80", "\xe1\x84\x80\xe1\x85\xa1 \xe1\x84\x80", &m);
	CHECK(m.n == 1 && m.v[0].start == 7,
	      "a leading jamo is not found inside its syllable: %s", spans(&m));
	free(m.v);
}

static void
test_basics(void)
{
	struct matches m = {0};

	find("iclei", "ICLEI and Iclei, iclei.", &m);
	CHECK(m.n == 3, "case folded: %s", spans(&m));
	find("abab", "abababab", &m);
	CHECK(strcmp(spans(&m), "0-4 4-8 ") == 0, "non-overlapping, leftmost first: %s",
	      spans(&m));
	find("aab", "aaab", &m);
	CHECK(strcmp(spans(&m), "1-4 ") == 0, "after a false start: %s", spans(&m));
	find("역사", "이클레이 역사와 역사", &m);
	CHECK(m.n == 2, "Hangul: %s", spans(&m));
	find("", "abc", &m);
	CHECK(m.n == 0, "an empty pattern finds nothing");
	free(m.v);
}

/* A reader types what the keyboard has; the page has typography. */
static void
test_typography(void)
{
	struct matches m = {0};

	find("iclei's", "ICLEI\u2019s network and ICLEI's", &m);
	CHECK(strcmp(spans(&m), "0-9 22-29 ") == 0,
	      "an ASCII apostrophe finds a right single quote (the original is "
	      "highlighted: 9 bytes): %s", spans(&m));
	find("\"long watch\"", "the \u201clong watch\u201d", &m);
	CHECK(m.n == 1, "ASCII quotes find curly ones: %s", spans(&m));
	find("1999-2004", "1999\u20132004, 1999\u20142004", &m);
	CHECK(m.n == 2, "a hyphen finds an en and an em dash: %s", spans(&m));
	find("ICLEI", "\uff29\uff23\uff2c\uff25\uff29 \uff49\uff43\uff4c\uff45\uff49", &m);
	CHECK(strcmp(spans(&m), "0-15 16-31 ") == 0,
	      "half-width Latin finds full-width, either case: %s", spans(&m));
	find("\uff29\uff23\uff2c\uff25\uff29", "ICLEI", &m);
	CHECK(m.n == 1, "full-width typed finds half-width: %s", spans(&m));
	find("2024", "\uff12\uff10\uff12\uff14\u5e74", &m);
	CHECK(m.n == 1, "digits too: %s", spans(&m));
	find("e\xcc\x81t\xc3\xa9", "\u00e9t\u00e9", &m);
	CHECK(m.n == 1, "a decomposed pattern finds the precomposed text: %s", spans(&m));
	free(m.v);
}

/* The reference: at each code point, compare the folded pattern, keep
 * a match on grapheme boundaries, go on after it. */
static size_t
naive(const char *pattern, const char *text, size_t *starts)
{
	struct search s = {0};
	size_t n = strlen(text), count = 0;
	char *g = xmalloc(n + 1);

	search_set(&s, pattern);
	u8_grapheme_breaks((const uint8_t *)text, n, g);
	for (size_t i = 0; i < n;) {
		size_t j = i, k = 0;

		while (k < s.nfold && j < n) {
			ucs4_t c;

			j += (size_t)u8_mbtouc(&c, (const uint8_t *)text + j, n - j);
			if (uc_tolower(c) != s.fold[k])
				break;
			k++;
		}
		if (k == s.nfold && (i == 0 || g[i]) && (j == n || g[j])) {
			starts[count++] = i;
			i = j;
			continue;
		}
		i += (size_t)u8_mblen((const uint8_t *)text + i, n - i);
	}
	search_free(&s);
	free(g);
	return count;
}

static unsigned
rnd(unsigned *seed, unsigned n)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) % n;
}

static void
test_against_reference(void)
{
	static const char *const alphabet[] = {"a", "b", "A", "\xcc\x81", " ",
	                                       "\xea\xb0\x80"};
	unsigned seed = 2026, bad = 0, cases = 0;
	struct matches m = {0};

	for (int t = 0; t < 3000; t++) {
		char text[256] = "", pattern[32] = "";
		size_t starts[128], n;

		for (int i = 0; i < 40; i++)
			strcat(text, alphabet[rnd(&seed, 6)]);
		for (unsigned i = 0, len = 1 + rnd(&seed, 4); i < len; i++)
			strcat(pattern, alphabet[rnd(&seed, 4)]);
		n = naive(pattern, text, starts);
		find(pattern, text, &m);
		cases++;
		if (m.n != n) {
			bad++;
			continue;
		}
		for (size_t i = 0; i < n; i++)
			if (m.v[i].start != starts[i]) {
				bad++;
				break;
			}
	}
	CHECK(bad == 0, "the same matches as the reference search, %u random texts "
	      "(%u differ)", cases, bad);
	free(m.v);
}

int
main(void)
{
	test_basics();
	test_typography();
	test_graphemes();
	test_linear();
	test_against_reference();
	return check_done();
}
