/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-once.c: each character is touched once (issue 15).
 *
 * Linked with -Wl,--wrap for libunistring's uc_width, u8_grapheme_breaks
 * and u8_possible_linebreaks (whose symbol unilbrk.h names
 * u8_possible_linebreaks_v2), so that the calls the layout makes into
 * them are counted here:
 *  - text_wrap measures each grapheme once, and an ASCII character not
 *    at all (one column, no table), nor does it look for grapheme breaks
 *    in a text of ASCII alone;
 *  - a page laid out again at another width finds no break opportunity
 *    again, unless its text changed;
 *  - a debug build (ICLEI_DEBUG) checks at the output that the model's
 *    text is as the loader let it in: --dump's lines abort on a control
 *    character that reached them some other way. */
#include <config.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>

#include "check.h"
#include "dump.h"
#include "layout.h"
#include "text.h"
#include "util.h"

static unsigned long width_calls, grapheme_calls, linebreak_calls;

int __real_uc_width(ucs4_t uc, const char *encoding);
int __wrap_uc_width(ucs4_t uc, const char *encoding);
void __real_u8_grapheme_breaks(const uint8_t *s, size_t n, char *p);
void __wrap_u8_grapheme_breaks(const uint8_t *s, size_t n, char *p);
void __real_u8_possible_linebreaks_v2(const uint8_t *s, size_t n, const char *encoding,
                                   char *p);
void __wrap_u8_possible_linebreaks_v2(const uint8_t *s, size_t n, const char *encoding,
                                   char *p);

void
__wrap_u8_possible_linebreaks_v2(const uint8_t *s, size_t n, const char *encoding, char *p)
{
	linebreak_calls++;
	__real_u8_possible_linebreaks_v2(s, n, encoding, p);
}

int
__wrap_uc_width(ucs4_t uc, const char *encoding)
{
	width_calls++;
	return __real_uc_width(uc, encoding);
}

void
__wrap_u8_grapheme_breaks(const uint8_t *s, size_t n, char *p)
{
	grapheme_calls++;
	__real_u8_grapheme_breaks(s, n, p);
}

static size_t
non_ascii_chars(const char *s)
{
	size_t k = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		k += *p >= 0xC0;
	return k;
}

static void
wrap_counted(const char *s, int width, enum break_rules rules, const char *what)
{
	struct tlines tl = {0};
	size_t chars = non_ascii_chars(s);
	int sum = 0;

	width_calls = grapheme_calls = 0;
	text_wrap(s, strlen(s), width, rules, &tl);
	for (size_t i = 0; i < tl.n; i++)
		sum += tl.v[i].width;
	CHECK(width_calls <= chars,
	      "%s at %d columns: %lu width look-ups for %zu non-ASCII characters "
	      "(each measured once, ASCII never)", what, width, width_calls, chars);
	CHECK(tl.n > 1 && sum > 0, "%s at %d columns: %zu lines", what, width, tl.n);
	free(tl.v);
}

static void
test_widths_once(void)
{
	static const char en[] =
		"Saltmere was founded in 1887 by nine fishing families who met in a net "
		"loft above the old quay and wrote the first harbour rules on the back "
		"of a sail.";
	static const char mixed[] =
		"Caf\xc3\xa9 au lait \xe2\x80\x94 the keeper\xe2\x80\x99s daughter lit a "
		"lantern for a boat lost in fog; \xe2\x80\x9cthe long watch\xe2\x80\x9d.";
	static const char ja[] =
		"\xe3\x82\xbd\xe3\x83\xab\xe3\x83\x88\xe3\x83\x9f\xe3\x82\xa2\xe3\x81\xaf"
		"1887\xe5\xb9\xb4\xe3\x80\x81\xe5\x8f\xa4\xe3\x81\x84\xe5\xb2\xb8\xe5\xa3"
		"\x81\xe3\x81\xae\xe4\xb8\x8a\xe3\x81\xae\xe7\xb6\xb2\xe5\xb0\x8f\xe5\xb1"
		"\x8b\xe3\x81\xab\xe9\x9b\x86\xe3\x81\xbe\xe3\x81\xa3\xe3\x81\x9f\xe4\xb9"
		"\x9d\xe3\x81\xa4\xe3\x81\xae\xe6\xbc\x81\xe5\xb8\xab\xe3\x81\xae\xe5\xae"
		"\xb6\xe6\x97\x8f\xe3\x80\x82";
	static const char ko[] =
		"\xec\x86\x94\xed\x8a\xb8\xeb\xaf\xb8\xec\x96\xb4\xeb\x8a\x94 1887\xeb\x85"
		"\x84 \xec\x98\x9b \xeb\xb6\x80\xeb\x91\x90 \xec\x9c\x84 \xea\xb7\xb8\xeb"
		"\xac\xbc \xeb\x8b\xa4\xeb\x9d\xbd\xec\x97\x90 \xeb\xaa\xa8\xec\x9d\xb8 "
		"\xec\x95\x84\xed\x99\x89 \xec\x96\xb4\xeb\xb6\x80 \xea\xb0\x80\xec\xa1"
		"\xb1\xec\x9d\xb4 \xec\x84\xb8\xec\x9b\xa0\xec\x8a\xb5\xeb\x8b\x88\xeb\x8b\xa4.";
	struct tlines tl = {0};

	wrap_counted(mixed, 20, BREAK_UAX14, "Latin with accents and quotes");
	wrap_counted(ja, 16, BREAK_KINSOKU, "Japanese");
	wrap_counted(ko, 14, BREAK_KEEP_ALL, "Korean");
	width_calls = grapheme_calls = 0;
	text_wrap(en, strlen(en), 20, BREAK_UAX14, &tl);
	CHECK(width_calls == 0 && grapheme_calls == 0,
	      "English in ASCII at 20 columns: no width looked up (%lu), no grapheme "
	      "breaks sought (%lu)", width_calls, grapheme_calls);
	free(tl.v);
}

/* Where the first line of block 0 ends. */
static size_t
first_line_end(const struct doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].block == 0 && d->v[i].src != NULL)
			return d->v[i].end;
	return 0;
}

/* A page laid out again at other widths (a resize): each text's breaks
 * and widths were found the first time, and are not looked for again;
 * a text changed where it is (the same pointer) is looked at anew. */
static void
test_breaks_once_per_page(void)
{
	char t1[] = "Saltmere was founded in 1887 by nine fishing families who met "
	            "in a net loft above the old quay.";
	char t2[] = "\xec\x86\x94\xed\x8a\xb8\xeb\xaf\xb8\xec\x96\xb4\xeb\x8a\x94 "
	            "1887\xeb\x85\x84 \xec\x98\x9b \xeb\xb6\x80\xeb\x91\x90 \xec\x9c\x84";
	char title[] = "Harbour";
	struct block blocks[2] = {
		{.kind = BLOCK_PARAGRAPH, .text = t1},
		{.kind = BLOCK_PARAGRAPH, .text = t2},
	};
	struct page p = {.id = (char *)"p", .title = title, .blocks = blocks, .nblocks = 2};
	struct layout_opts o = {80, AMBIGUOUS_NARROW, BREAK_KEEP_ALL};
	struct doc d = {0};
	unsigned long first, again;
	size_t lines40;

	linebreak_calls = width_calls = grapheme_calls = 0;
	layout_page(&d, &p, &o);
	first = linebreak_calls;
	for (int w = 60; w >= 20; w -= 20) {
		o.width = w;
		layout_page(&d, &p, &o);
	}
	again = linebreak_calls - first;
	CHECK(first == 3 && again == 0 && grapheme_calls == 1,
	      "a page of 3 texts laid out at 80, then 60, 40, 20 columns: break "
	      "opportunities found %lu times, then %lu more; grapheme breaks %lu",
	      first, again, grapheme_calls);
	o.width = 40;
	layout_page(&d, &p, &o);
	lines40 = first_line_end(&d);
	/* The same pointer, another text of the same length: one word. */
	memset(t1, 'x', strlen(t1));
	linebreak_calls = 0;
	layout_page(&d, &p, &o);
	CHECK(linebreak_calls == 1 && first_line_end(&d) == 40 && lines40 < 40,
	      "a text changed in place is looked at again, alone (%lu), and laid out "
	      "anew (its first line ends at byte %zu, was %zu)", linebreak_calls,
	      first_line_end(&d), lines40);
	doc_free(&d);
}

/* A line of --dump whose text holds ESC [ 2 J: only a text that did not
 * come through the loader can; a debug build aborts on it. */
static void
test_trust_checked(void)
{
#ifdef ICLEI_DEBUG
	static const char dirty[] = "a\033[2Jb";
	struct doc d = {0};
	struct dline l = {0};
	pid_t pid;
	int st = 0;

	l.src = dirty;
	l.end = strlen(dirty);
	l.style = LS_PARAGRAPH;
	l.width = 4;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		struct sbuf b = {0};

		/* The abort's message is expected: not on the test's log. */
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		dump_line(&b, &d, &l);
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFSIGNALED(st)
	      && WTERMSIG(st) == SIGABRT,
	      "debug build: a --dump line holding ESC that the loader never saw aborts");
#else
	printf("ok %d - # SKIP the trust is checked in debug builds only "
	       "(--enable-debug)\n", ++check_count);
#endif
}

int
main(void)
{
	test_widths_once();
	test_breaks_once_per_page();
	test_trust_checked();
	return check_done();
}
