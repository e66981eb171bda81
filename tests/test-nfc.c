/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-nfc.c: the loader's fast path for plain text holds what it takes
 * for granted (issue 15: touch each character once).
 *
 * The loader checks every character of a text once; a text of plain
 * characters (sanitize_char_plain) is neither looked up further nor
 * normalised.  That is right only if every plain character is allowed,
 * of combining class 0, its own NFC, and the second character of no
 * canonical composition (so that no pair of plain characters composes or
 * reorders).  Here every code point of the table is held to that with
 * libunistring, the library that normalises the other texts; and the
 * loader is seen to normalise a text that is not plain, and to keep one
 * that is, byte for byte. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "bundle.h"
#include "check.h"
#include "sanitize.h"

#define MAX_CP 0x110000

static void
test_table(void)
{
	static unsigned char second[MAX_CP];
	unsigned long plain = 0, bad_ok = 0, bad_ccc = 0, bad_nfc = 0, bad_second = 0;
	ucs4_t first_bad[4] = {0, 0, 0, 0};

	/* Every character that a canonical composition takes second:
	 * the last of each two-character decomposition (Hangul syllables
	 * included, which decompose into L V and LV T). */
	for (ucs4_t x = 0; x < MAX_CP; x++) {
		ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];

		if (uc_canonical_decomposition(x, d) == 2)
			second[d[1]] = 1;
	}
	for (ucs4_t c = 0; c < MAX_CP; c++) {
		uint8_t u[8];
		uint8_t *nfc;
		size_t n, nlen;

		if (!sanitize_char_plain(c))
			continue;
		plain++;
		if (!sanitize_char_ok(c) && bad_ok++ == 0)
			first_bad[0] = c;
		if (uc_combining_class(c) != 0 && bad_ccc++ == 0)
			first_bad[1] = c;
		n = (size_t)u8_uctomb(u, c, sizeof u);
		nfc = u8_normalize(UNINORM_NFC, u, n, NULL, &nlen);
		if ((nfc == NULL || nlen != n || memcmp(nfc, u, n) != 0) && bad_nfc++ == 0)
			first_bad[2] = c;
		free(nfc);
		if (second[c] && bad_second++ == 0)
			first_bad[3] = c;
	}
	CHECK(plain > 30000, "the plain table covers the content's scripts (%lu characters)", plain);
	CHECK(bad_ok == 0, "every plain character is allowed in a bundle (%lu not, first U+%04X)",
	      bad_ok, (unsigned)first_bad[0]);
	CHECK(bad_ccc == 0, "every plain character is of combining class 0 (%lu not, first U+%04X)",
	      bad_ccc, (unsigned)first_bad[1]);
	CHECK(bad_nfc == 0, "every plain character is its own NFC (%lu not, first U+%04X)",
	      bad_nfc, (unsigned)first_bad[2]);
	CHECK(bad_second == 0, "no plain character is the second of a composition "
	      "(%lu are, first U+%04X)", bad_second, (unsigned)first_bad[3]);
	CHECK(!sanitize_char_plain('\n') && !sanitize_char_plain(0x0301)
	      && !sanitize_char_plain(0x1161) && !sanitize_char_plain(0x3099)
	      && !sanitize_char_plain(0xF900) && !sanitize_char_plain(0x00AD),
	      "line feed, a combining accent, a vowel jamo, the kana voicing mark, a "
	      "compatibility ideograph and the soft hyphen are not plain");
}

/* A paragraph of the bundle loaded from text. */
static char *
loaded(const char *para)
{
	static const char head[] =
		"lang: en\nname: English\nlabel: EN\ntitle: T\npages:\n"
		"  - id: p\n    title: P\n    blocks:\n      - paragraph: \"";
	struct bundle_error err;
	struct bundle *b;
	char *yaml = malloc(sizeof head + strlen(para) + 4), *out = NULL;

	strcpy(yaml, head);
	strcat(yaml, para);
	strcat(yaml, "\"\n");
	b = bundle_load_mem("nfc.yaml", yaml, strlen(yaml), &err);
	if (b != NULL) {
		out = strdup(b->pages[0].blocks[0].text);
		bundle_free(b);
	}
	free(yaml);
	return out;
}

static void
test_loader(void)
{
	/* e + COMBINING ACUTE, and a Hangul L V pair: NFC composes them. */
	char *a = loaded("caf\\u0065\\u0301 \\u1112\\u1161 \xea\xb0\x80");
	/* Plain already: kept as it is. */
	char *b = loaded("\xe6\xb8\xaf \xe3\x81\x8c \xea\xb0\x80 \xe2\x80\x94 \xc3\xa9");

	CHECK(a != NULL && strcmp(a, "caf\xc3\xa9 \xed\x95\x98 \xea\xb0\x80") == 0,
	      "a text with combining characters is normalised (e + U+0301 -> U+00E9, "
	      "U+1112 U+1161 -> U+D558)");
	CHECK(b != NULL && strcmp(b, "\xe6\xb8\xaf \xe3\x81\x8c \xea\xb0\x80 \xe2\x80\x94 \xc3\xa9") == 0,
	      "a plain text is kept byte for byte");
	free(a);
	free(b);
}

int
main(void)
{
	test_table();
	test_loader();
	return check_done();
}
