/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* min-curses.c: the floor of a curses program's first screen.
 *
 *   min-curses ROWSFILE
 *
 * Paints the rows of ROWSFILE (UTF-8 text, one row a line: the first
 * screen of iclei-tui, as bench/pty-bench captured it), each at its row
 * from column 0, in one refresh, then waits for a key and ends.  It sets
 * the locale, starts curses as iclei-tui does (newterm on the terminal,
 * cbreak, noecho, keypad) and draws nothing else: what any curses
 * program must pay to show those rows, and so the measure of iclei-tui's
 * first screen (target: at most 1.4 times this).  Links ncursesw alone.
 * A tool of bench/run. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	static char text[1 << 16];
	SCREEN *sp;
	FILE *f;
	size_t n;
	int row = 0;

	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: min-curses ROWSFILE\n");
		return 2;
	}
	n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	setlocale(LC_ALL, "");
	if ((sp = newterm(NULL, stdout, stdin)) == NULL)
		return 1;
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	for (char *line = text, *nl; *line != '\0' && row < LINES; line = nl + 1, row++) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		else
			*nl = '\0';
		mvaddstr(row, 0, line);
	}
	refresh();
	getch();
	endwin();
	delscreen(sp);
	return 0;
}
