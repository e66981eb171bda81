/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-sanitize.c: the one rule for what may reach a terminal.
 *
 *  - sanitize_char_ok over every code point, against the Unicode data
 *    files (Debian's unicode-data, read here, not through libunistring):
 *    refused are Cc but line feed, Cf, Zl, Zp, Default_Ignorable_Code_Point
 *    but U+200B..U+200D, and unassigned code points.  Characters new in a
 *    Unicode later than libunistring's are left out (counted);
 *  - the formatter of every diagnostic: escapes in every %s position, with
 *    every kind of conversion around them, come out visible and inert. */
#include <config.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "check.h"
#include "sanitize.h"
#include "util.h"

#define NCODES 0x110000

enum { C_OK, C_REFUSED, C_SKIP };

static unsigned char expect[NCODES];

/* "0041..005A" or "0041" at the start of a data line: the range. */
static bool
code_range(const char *line, unsigned long *lo, unsigned long *hi)
{
	char *end;

	*lo = strtoul(line, &end, 16);
	if (end == line)
		return false;
	*hi = *lo;
	if (end[0] == '.' && end[1] == '.')
		*hi = strtoul(end + 2, &end, 16);
	return *hi < NCODES;
}

static FILE *
open_data(const char *name)
{
	char path[256];

	snprintf(path, sizeof path, "/usr/share/unicode/%s", name);
	return fopen(path, "r");
}

/* Everything unassigned (refused), then each character by its general
 * category; UnicodeData.txt gives big ranges as "<..., First>" and
 * "<..., Last>" lines. */
static bool
read_categories(void)
{
	FILE *f = open_data("UnicodeData.txt");
	char line[512];
	unsigned long first = 0;

	if (f == NULL)
		return false;
	memset(expect, C_REFUSED, sizeof expect);
	while (fgets(line, sizeof line, f) != NULL) {
		unsigned long c = strtoul(line, NULL, 16), lo;
		char *name = strchr(line, ';'), *cat = name ? strchr(name + 1, ';') : NULL;
		bool refused;

		if (cat == NULL || c >= NCODES)
			continue;
		cat++;
		refused = (cat[0] == 'C' && (cat[1] == 'c' || cat[1] == 'f'))
		          || (cat[0] == 'Z' && (cat[1] == 'l' || cat[1] == 'p'));
		if (strstr(name, ", First>") != NULL) {
			first = c;
			continue;
		}
		lo = strstr(name, ", Last>") != NULL ? first : c;
		for (unsigned long k = lo; k <= c; k++)
			expect[k] = cat[0] == 'C' && cat[1] == 's' ? C_SKIP
			            : refused ? C_REFUSED : C_OK;
	}
	fclose(f);
	expect['\n'] = C_OK;
	return true;
}

/* Apply the lines of a property file that have `prop` in their second
 * field: mark each such code point `how` (unless skip says not). */
static bool
read_property(const char *file, const char *prop, int how, bool (*skip)(unsigned long))
{
	FILE *f = open_data(file);
	char line[512];

	if (f == NULL)
		return false;
	while (fgets(line, sizeof line, f) != NULL) {
		unsigned long lo, hi;
		char *semi = strchr(line, ';');

		if (semi == NULL || !code_range(line, &lo, &hi))
			continue;
		semi++;
		while (*semi == ' ')
			semi++;
		if (strncmp(semi, prop, strlen(prop)) != 0)
			continue;
		for (unsigned long c = lo; c <= hi; c++)
			if (skip == NULL || !skip(c))
				expect[c] = (unsigned char)how;
	}
	fclose(f);
	return true;
}

/* The scripts' invisible characters, allowed by design. */
static bool
script_joiner(unsigned long c)
{
	return c >= 0x200B && c <= 0x200D;
}

static bool
unicode_data(void)
{
	if (!read_categories()
	    || !read_property("DerivedCoreProperties.txt", "Default_Ignorable_Code_Point",
	                      C_REFUSED, NULL)
	    /* libunistring 1.0 knows Unicode 14: what came later, it cannot */
	    || !read_property("DerivedAge.txt", "15.", C_SKIP, NULL))
		return false;
	for (unsigned long c = 0; c < NCODES; c++)
		if (script_joiner(c))
			expect[c] = C_OK;
	return true;
}

static void
test_every_code_point(void)
{
	unsigned long bad = 0, first = 0, skipped = 0, refused = 0;

	if (!unicode_data()) {
		CHECK(1, "every code point # SKIP /usr/share/unicode not readable "
		         "(apt-get install unicode-data)");
		return;
	}
	for (unsigned long c = 0; c < NCODES; c++) {
		bool ok;

		if (expect[c] == C_SKIP) {
			skipped++;
			continue;
		}
		ok = sanitize_char_ok((ucs4_t)c);
		refused += !ok;
		if (ok != (expect[c] == C_OK) && bad++ == 0)
			first = c;
	}
	CHECK(bad == 0, "sanitize_char_ok agrees with UnicodeData.txt and "
	      "DerivedCoreProperties.txt on every code point (%lu refused, %lu new "
	      "in Unicode 15 or surrogates left out; %lu disagree, the first U+%04lX)",
	      refused, skipped, bad, first);
}

static void
test_named(void)
{
	/* The ones the old hand-made list let through, and the ones a
	 * script needs. */
	static const ucs4_t refused[] = {
		0x00AD, 0x180E, 0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F,
		0x3164, 0x115F, 0x1160, 0xFFA0, 0x034F, 0xFE0F, 0xE0100, 0x202E,
		0x2066, 0xFEFF, 0x2028, 0x0085, 0x009B, 0x001B, 0x007F, 0x0378,
		0xFFFF,
	};
	static const ucs4_t allowed[] = {0x200B, 0x200C, 0x200D, '\n', 'A', 0xAC00,
	                                 0x3042, 0x4E2D, 0x2019, 0x00E9};
	size_t nr = 0, na = 0;

	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		nr += !sanitize_char_ok(refused[i]);
	for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++)
		na += sanitize_char_ok(allowed[i]);
	CHECK(nr == sizeof refused / sizeof *refused,
	      "soft hyphen, Mongolian vowel separator, U+206A-206F, Hangul fillers, "
	      "variation selectors, bidi controls, C0/C1, unassigned: all refused");
	CHECK(na == sizeof allowed / sizeof *allowed,
	      "ZWSP, ZWNJ, ZWJ, line feed and letters of every script stay");
}

/* ------------------------------------------------------------ formatting */

static const char *const hostile[] = {
	"\033]52;c;cHduZWQ=\007",	/* OSC 52: the clipboard */
	"\033]0;title\033\\",		/* OSC 0, ST-ended */
	"\033[2J\033[H",		/* clear the screen */
	"\xc2\x9b" "31m",		/* a one-character CSI */
	"\xe2\x80\xae" "evil",		/* right-to-left override */
	"\xff\xfe",			/* not UTF-8 */
	"a\nb\r\tc",			/* line feed, return, tab */
};

/* The output is inert: no byte below 0x20, no DEL, no C1 character, no
 * bidi control, valid UTF-8. */
static bool
inert(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		    || (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
		    || *p == 0xff || *p == 0xfe)
			return false;
	}
	return true;
}

static char *
fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *
fmt(const char *f, ...)
{
	struct sbuf b = {0};
	va_list ap;

	va_start(ap, f);
	sanitize_vprintf(&b, f, ap);
	va_end(ap);
	return b.s;
}

static void
test_formatter(void)
{
	size_t n = sizeof hostile / sizeof *hostile, bad = 0, cases = 0;
	char *s;

	/* Each hostile string in each %s position, among other conversions. */
	for (size_t i = 0; i < n; i++)
		for (int pos = 0; pos < 4; pos++) {
			const char *a[4] = {"ok", "ok", "ok", "ok"};
			char *out[3];

			a[pos] = hostile[i];
			out[0] = fmt("%s:%u:%u: %s %s %s", a[0], 12u, 3u, a[1], a[2], a[3]);
			out[1] = fmt("%s %zu %s %d%% %s %lld %-6s|", a[0], (size_t)7, a[1], -4,
			             a[2], 99LL, a[3]);
			out[2] = fmt("%s%s%s%s %04X %ld %c", a[0], a[1], a[2], a[3], 0x202Eu,
			             12L, 'x');
			for (int k = 0; k < 3; k++) {
				cases++;
				if (!inert(out[k]) && bad++ == 0)
					check_note("not inert: %zu at %d: %s", i, pos, out[k]);
				free(out[k]);
			}
		}
	CHECK(bad == 0, "formatter: every hostile %%s in every position, among "
	      "%%u %%zu %%d %%lld %%ld %%04X %%c %%%%: inert (%zu cases)", cases);
	s = fmt("%s:%u:%u: %s", "f.yaml", 3u, 14u, "msg");
	CHECK(strcmp(s, "f.yaml:3:14: msg") == 0, "formatter: plain text as printf: %s", s);
	free(s);
	s = fmt("[%-5s][%5s][%.2s][%c][%5.1f]", "ab", "ab", "abc", 'z', 2.25);
	CHECK(s != NULL, "formatter: widths and precisions (%s)", s);
	free(s);
	s = fmt("%s|%s", "\033[31m", "\xc2\x9b");
	CHECK(strcmp(s, "^[[31m|<U+009B>") == 0, "formatter: ESC as ^[, C1 as <U+009B>: %s", s);
	free(s);
	/* A translation may take the arguments in its own order. */
	s = fmt("%2$s:%1$zu:%3$d <%4$s>", (size_t)12, "ko.yaml", 5, "\033x");
	CHECK(strcmp(s, "ko.yaml:12:5 <^[x>") == 0, "formatter: positions (%%2$s): %s", s);
	free(s);
	s = fmt("[%*s][%-*d]", 4, "ab", 3, 7);
	CHECK(strcmp(s, "[  ab][7  ]") == 0, "formatter: '*' widths: %s", s);
	free(s);
	s = fmt("%d %i %u %x %X %o %zu %zd %ld %lu %lld %llu %%", -1, 2, 3u, 255u, 255u,
	        8u, (size_t)9, (ssize_t)-9, -10L, 10UL, -11LL, 11ULL);
	CHECK(strcmp(s, "-1 2 3 ff FF 10 9 -9 -10 10 -11 11 %") == 0,
	      "formatter: every integer conversion as printf has it: %s", s);
	free(s);
}

int
main(void)
{
	test_named();
	test_every_code_point();
	test_formatter();
	return check_done();
}
