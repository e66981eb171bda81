/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* charset.c: the character set text leaves the program in. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uniconv.h>

#include "charset.h"

static struct {
	bool utf8;
	bool c1_controls;	/* bytes 0x80..0x9F are controls in this set */
	char name[64];
} C = {true, false, "UTF-8"};

void
charset_init(void)
{
	const char *name = locale_charset();

	snprintf(C.name, sizeof C.name, "%s", name != NULL ? name : "ASCII");
	C.utf8 = strcasecmp(C.name, "UTF-8") == 0 || strcasecmp(C.name, "UTF8") == 0;
	/* Single-byte sets that leave 0x80..0x9F to C1, as terminals read
	 * them; the multibyte CJK sets use those bytes inside characters
	 * (Shift_JIS, Big5, GBK), or never (EUC-KR). */
	C.c1_controls = !C.utf8
	             && (strncasecmp(C.name, "ISO-8859-", 9) == 0
	                 || strcasecmp(C.name, "ANSI_X3.4-1968") == 0
	                 || strcasecmp(C.name, "ASCII") == 0
	                 || strcasecmp(C.name, "US-ASCII") == 0);
}

bool
charset_is_utf8(void)
{
	return C.utf8;
}

const char *
charset_name(void)
{
	return C.name;
}

void
charset_convert(struct sbuf *out, const char *s, size_t n)
{
	size_t len = 0;
	uint8_t *conv;

	out->len = 0;
	sbuf_add(out, "", 0);
	if (C.utf8 || n == 0) {
		sbuf_add(out, s, n);
		return;
	}
	conv = (uint8_t *)u8_conv_to_encoding(C.name, iconveh_question_mark,
	                                      (const uint8_t *)s, n, NULL, NULL, &len);
	if (conv == NULL) {
		/* No converter for the set: ASCII, a '?' a character else
		 * (for its first byte; its continuation bytes go). */
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c < 0x80)
				sbuf_addc(out, (char)c);
			else if ((c & 0xC0) == 0xC0)
				sbuf_addc(out, '?');
		}
		return;
	}
	if (C.c1_controls) {
		/* The loader lets no C1 character in; even so, never one out. */
		for (size_t i = 0; i < len; i++)
			if (conv[i] >= 0x80 && conv[i] <= 0x9F)
				conv[i] = '?';
	}
	sbuf_add(out, (const char *)conv, len);
	free(conv);
}

int
charset_write(FILE *fp, const char *s, size_t n)
{
	struct sbuf b = {0};
	int rc = 0;

	if (C.utf8) {
		return fwrite(s, 1, n, fp) == n ? 0 : -1;
	}
	charset_convert(&b, s, n);
	if (fwrite(b.s, 1, b.len, fp) != b.len)
		rc = -1;
	sbuf_free(&b);
	return rc;
}
