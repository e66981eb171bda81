/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* options.h: the command line. */
#ifndef ICLEI_OPTIONS_H
#define ICLEI_OPTIONS_H

#include <stdbool.h>

#include "text.h"
#include "tty.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_INVALID = 1,	/* invalid bundle, or another failure */
	EXIT_USAGE = 2,
};

/* The usage errors, said by options_report. */
enum option_error {
	OPTERR_NONE, OPTERR_EMPTY_DIR, OPTERR_WIDTH, OPTERR_WORD, OPTERR_FPS,
	OPTERR_NEEDS_VALUE, OPTERR_UNKNOWN, OPTERR_UNEXPECTED, OPTERR_CHECK_DUMP,
	OPTERR_IDLE,
};

struct options {
	const char *lang;	/* as given; NULL: from the environment */
	const char *page;	/* NULL: the first page (--dump: all) */
	const char *data_dir;
	bool dump, check;
	bool help, version;	/* print after parsing: --lang may come later */
	int width;		/* --width, 0 when not given */
	enum ambiguous ambiguous;	/* AUTO: ask the terminal (narrow for --dump) */
	enum color_mode color;
	bool no_mouse;
	bool no_motion;		/* the cloud starts still */
	int fps;		/* the cloud's frames per second, 0: default */
	/* --kiosk: the program is served to anyone (ssh, a public terminal;
	 * see the manual's SSH section): Ctrl-Z never stops it, and nothing
	 * in the environment that could name a file is read (options_parse
	 * drops it, before anything looks). */
	bool kiosk;
	long idle_ms;		/* --idle: leave after this long with no input;
				   0: never (--kiosk: 15 minutes unless given) */
	char **files;		/* --check FILE... */
	int nfiles;
	enum option_error error;	/* the first one */
	char error_arg[160];	/* what it is about, made safe to print */
	const char *error_option;	/* OPTERR_WORD: the option, its words */
	const char *const *error_words;
};

/* Parse argv into *o, once, with getopt_long.  Returns -1 to go on, or
 * EXIT_USAGE after a usage error: not said yet, so that it is said in the
 * language of a --lang that comes after it (options_report). */
int options_parse(int argc, char **argv, struct options *o);
void options_report(const struct options *o);

/* --help and --version. */
void options_help(void);
void options_version(void);

/* Report a usage error ("program: message", then a pointer to --help). */
void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
