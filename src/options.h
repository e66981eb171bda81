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
	char **files;		/* --check FILE... */
	int nfiles;
};

/* Parse argv into *o.  Returns -1 to go on, or EXIT_USAGE after a usage
 * error, already reported. */
int options_parse(int argc, char **argv, struct options *o);

/* The --lang argument, found before parsing, so that even a usage error
 * in an earlier option is reported in that language; NULL if none. */
const char *options_peek_lang(int argc, char **argv);

/* --help and --version. */
void options_help(void);
void options_version(void);

/* Report a usage error ("program: message", then a pointer to --help). */
void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
