/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-paint.c: what paint.c puts on the screen takes the columns the
 * layout counted, for every character.
 *
 * The layout measures with libunistring; curses (and glibc's wcwidth,
 * which most terminals follow) disagree with it on some hundred assigned
 * characters.  Here each code point the loader accepts is painted into a
 * curses window, and where curses moved the cursor -- its own idea of the
 * width, independent of ours -- must be where the layout said.  Also: a
 * ZWJ between two pictographs is not sent (a terminal could join them). */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <wchar.h>

#include "check.h"
#include "curses-compat.h"
#include "paint.h"
#include "sanitize.h"
#include "text.h"

static WINDOW *w;

/* Paint s at column 0; where the cursor went. */
static int
painted(const char *s, size_t n)
{
	werase(w);
	paint_text(w, 0, 0, s, n, 40, ST_NORMAL);
	return getcurx(w);
}

static void
test_every_code_point(void)
{
	unsigned long bad = 0, differ = 0, first = 0;

	for (ucs4_t c = 0x20; c < 0x110000; c++) {
		uint8_t buf[8];
		int n, want;

		if ((c >= 0xD800 && c < 0xE000) || !sanitize_char_ok(c) || c == '\n')
			continue;
		n = u8_uctomb(buf, c, (int)sizeof buf);
		want = text_char_width(c);
		if (want == 0)
			want = 1;	/* a mark alone is drawn on a space */
		differ += wcwidth((wchar_t)c) != text_char_width(c);
		if (painted((const char *)buf, (size_t)n) != want && bad++ == 0)
			first = c;
	}
	CHECK(bad == 0, "every character the loader takes is drawn in the columns the "
	      "layout counts (%lu on which libunistring and wcwidth disagree; %lu "
	      "drawn otherwise, the first U+%04lX)", differ, bad, first);
}

static void
test_named(void)
{
	/* libunistring 1, glibc 2: a Yijing hexagram, a circled number on a
	 * black square; libunistring 1, glibc 0: a Kannada vowel sign. */
	static const char *const odd[] = {"\xe4\xb7\x80", "\xe3\x89\x88", "\xe0\xb2\xbf"};
	char line[64];

	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
		snprintf(line, sizeof line, "a%sb", odd[i]);
		CHECK(painted(line, strlen(line)) == text_width(line, strlen(line)),
		      "'a%sb' takes the %d columns the layout gives it", odd[i],
		      text_width(line, strlen(line)));
	}
	/* MAN ZWJ WOMAN: counted as two pictographs (4 columns); the ZWJ
	 * is not sent, so no terminal can draw them as one. */
	snprintf(line, sizeof line, "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9");
	CHECK(painted(line, strlen(line)) == 4 && text_width(line, strlen(line)) == 4,
	      "an emoji ZWJ sequence costs its parts: 4 columns, drawn so");
	{
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1];
		attr_t attr;
		short pair;

		mvwin_wch(w, 0, 0, &cc);
		getcchar(&cc, wch, &attr, &pair, NULL);
		CHECK(wcschr(wch, 0x200D) == NULL, "and its ZWJ is not in the cell");
	}
}

int
main(void)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *s = NULL;

	setenv("TERM", "xterm-256color", 1);
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		check_skip_all("no C.UTF-8 locale");
	if (out == NULL || in == NULL || (s = newterm(NULL, out, in)) == NULL)
		check_skip_all("curses cannot start on /dev/null with TERM=xterm-256color");
	set_term(s);
	w = newwin(2, 60, 0, 0);
	theme_init(0, false);
	test_named();
	test_every_code_point();
	delwin(w);
	endwin();
	delscreen(s);
	return check_done();
}
