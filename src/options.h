/* options.h: the command line. */
#ifndef ICLEI_OPTIONS_H
#define ICLEI_OPTIONS_H

#include <stdbool.h>

#include "text.h"

enum exit_status {
	EXIT_OK = 0,
	EXIT_INVALID = 1,	/* invalid bundle, or another failure */
	EXIT_USAGE = 2,
};

enum ambiguous_opt {
	AMBIG_AUTO,		/* ask the terminal (narrow for --dump) */
	AMBIG_NARROW,
	AMBIG_WIDE,
};

struct options {
	const char *lang;	/* as given; NULL: from the environment */
	const char *page;	/* NULL: the first page (--dump: all) */
	const char *data_dir;
	bool dump, check;
	int width;		/* --width, 0 when not given */
	enum ambiguous_opt ambiguous;
	char **files;		/* --check FILE... */
	int nfiles;
};

/* Parse argv into *o.  Returns -1 to go on, or an exit status: after
 * --help or --version (EXIT_OK), or a usage error, already reported
 * (EXIT_USAGE). */
int options_parse(int argc, char **argv, struct options *o);

/* Report a usage error ("program: message", then a pointer to --help). */
void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
