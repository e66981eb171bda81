/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* options.c: the command line, GNU style (getopt_long). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "i18n.h"
#include "lang.h"
#include "options.h"
#include "sanitize.h"
#include "util.h"

enum {
	OPT_DUMP = CHAR_MAX + 1,
	OPT_CHECK,
	OPT_AMBIGUOUS,
	OPT_COLOR,
	OPT_NO_MOUSE,
	OPT_NO_MOTION,
	OPT_FPS,
	OPT_KIOSK,
	OPT_IDLE,
};

static const struct option long_options[] = {
	{"lang", required_argument, NULL, 'l'},
	{"page", required_argument, NULL, 'p'},
	{"data-dir", required_argument, NULL, 'd'},
	{"dump", no_argument, NULL, OPT_DUMP},
	{"width", required_argument, NULL, 'w'},
	{"ambiguous", required_argument, NULL, OPT_AMBIGUOUS},
	{"check", no_argument, NULL, OPT_CHECK},
	{"color", required_argument, NULL, OPT_COLOR},
	{"colour", required_argument, NULL, OPT_COLOR},
	{"no-mouse", no_argument, NULL, OPT_NO_MOUSE},
	{"no-motion", no_argument, NULL, OPT_NO_MOTION},
	{"fps", required_argument, NULL, OPT_FPS},
	{"kiosk", no_argument, NULL, OPT_KIOSK},
	{"idle", required_argument, NULL, OPT_IDLE},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

enum {
	MAX_WIDTH = 10000,
	KIOSK_IDLE_MIN = 15,	/* --kiosk's --idle */
	MAX_IDLE_MIN = 24 * 60,
};

void
usage_error(const char *fmt, ...)
{
	struct sbuf try = {0};
	va_list ap;

	sanitize_printf(&try, _("Try '%s --help' for more information.\n"), program_name);
	va_start(ap, fmt);
	vwarnx_then(try.s, fmt, ap);
	va_end(ap);
	sbuf_free(&try);
}

/* The option getopt_long stopped at: "--name[=...]" as typed, or the
 * short option character (which may sit inside a cluster like -xV). */
static const char *
offending(const char *arg)
{
	char opt[3] = {'-', (char)optopt, '\0'};

	if (strncmp(arg, "--", 2) == 0 || optopt <= 0 || optopt > CHAR_MAX)
		return sanitize_arg(arg);
	return sanitize_arg(opt);
}

void
options_help(void)
{
	struct sbuf b = {0};

	sbuf_printf(&b, _("Usage: %s [OPTION]...\n"
	                  "  or:  %s --check [FILE]...\n"), program_name, program_name);
	sbuf_adds(&b, _("Read ICLEI East Asia's history, mission, network and achievements\n"
	                "in the terminal, in each language of its content bundle.  Without\n"
	                "--dump or --check, a full-screen browser; press ? in it for the keys.\n"));
	sbuf_adds(&b, "\n");
	/* TRANSLATORS: the first %s lists the language codes, the second
	 * their other names. */
	sbuf_printf(&b, _("  -l, --lang=LANG        language: %s (also %s; any\n"
	                  "                           case); default: from LANGUAGE, LC_ALL,\n"
	                  "                           LC_MESSAGES, LANG, else en\n"),
	               lang_list(LANG_LIST_CODES), lang_list(LANG_LIST_ALIASES));
	sbuf_adds(&b, _("  -p, --page=PAGE        the page by its id or title, any case, or\n"
	                "                           cloud (an unknown one lists them); default:\n"
	                "                           the first; --dump: every page\n"
	                "  -d, --data-dir=DIR     read the content bundle from DIR\n"));
	sbuf_adds(&b, _("      --dump             print the page (every page, in order, when\n"
	                "                           --page is not given) as plain text to\n"
	                "                           standard output and exit; needs no terminal;\n"
	                "                           the default when standard output is not one\n"
	                "  -w, --width=N          width for --dump (default: the terminal's when\n"
	                "                           standard output is one, else 80)\n"
	                "      --ambiguous=WIDTH  how the terminal draws East Asian ambiguous\n"
	                "                           characters such as \"•\" and \"’\": narrow, wide\n"
	                "                           (then replaced by ASCII) or auto (the default;\n"
	                "                           narrow for --dump)\n"));
	sbuf_adds(&b, _("      --color=WHEN       use colours: never, auto (the default: when the\n"
	                "                           terminal has them and NO_COLOR is not set) or\n"
	                "                           always\n"
	                "      --no-mouse         leave the mouse to the terminal\n"));
	sbuf_adds(&b, _("      --no-motion        the tag cloud starts still and turns only with\n"
	                "                           the keys (also: ICLEI_TUI_NO_MOTION=1)\n"
	                "      --fps=N            frames per second of the moving cloud (1-120;\n"
	                "                           default 30)\n"));
	/* TRANSLATORS: the %d is the default idle time, in minutes. */
	sbuf_printf(&b, _("      --kiosk            for a public terminal, such as an account that\n"
	                  "                           ssh serves to anyone (see the manual): Ctrl-Z\n"
	                  "                           does nothing, $ICLEI_TUI_DATA, $TERMINFO and\n"
	                  "                           the like are ignored, and --idle is %d unless\n"
	                  "                           given\n"),
	            KIOSK_IDLE_MIN);
	sbuf_adds(&b, _("      --idle=TIME        quit after TIME with no key pressed: minutes, or\n"
	                "                           a number and s, m or h (90s, 2h); 0: never (the\n"
	                "                           default without --kiosk)\n"));
	sbuf_adds(&b, _("      --check [FILE]...  check the bundle (or the given files) and exit\n"
	                "  -h, --help             display this help and exit\n"
	                "  -V, --version          output version information and exit\n"));
	sbuf_adds(&b, "\n");
	sbuf_adds(&b, _("The bundle is read from --data-dir, else $ICLEI_TUI_DATA, else the\n"
	                "installed data directory.\n"));
	sbuf_adds(&b, "\n");
	sbuf_adds(&b, _("Exit status: 0 success, 1 invalid bundle (or another failure),\n"
	                "2 usage error.\n"));
	charset_write(stdout, b.s, b.len);
	sbuf_free(&b);
}

void
options_version(void)
{
	struct sbuf b = {0};

	/* As GNU programs say it: the name, the copyright, the licence. */
	sbuf_printf(&b, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	sbuf_adds(&b, "Copyright (C) 2026 the iclei-tui developers.\n");
	sbuf_adds(&b, _("License ISC: <https://opensource.org/license/isc-license-txt>.\n"
	                "This is free software: you are free to change and redistribute it.\n"
	                "There is NO WARRANTY, to the extent permitted by law.\n"));
	sbuf_adds(&b, _("The pages' text is ICLEI's (ICLEI - Local Governments for "
	                "Sustainability,\nEast Asia Secretariat), not under this license: "
	                "see COPYING.\n"));
	charset_write(stdout, b.s, b.len);
	sbuf_free(&b);
}

/* A whole number from lo to hi, or -1. */
static long
parse_number(const char *arg, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
		return -1;
	return v;
}

/* --idle's TIME: minutes, or a number and s, m or h; in milliseconds,
 * or -1.  At most a day. */
static long
parse_idle(const char *arg)
{
	static const struct { char unit; long ms; } units[] = {
		{'\0', 60000}, {'m', 60000}, {'s', 1000}, {'h', 3600000},
	};
	char *end;
	long v;

	if (*arg < '0' || *arg > '9')
		return -1;	/* no sign, no blank */
	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || (end[0] != '\0' && end[1] != '\0'))
		return -1;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (*end == units[i].unit)
			return v <= MAX_IDLE_MIN * 60000L / units[i].ms ? v * units[i].ms : -1;
	return -1;
}

/* What --kiosk implies at once, before anything else runs.  Nothing the
 * client of a public terminal may have set (sshd's AcceptEnv, if its
 * admin let more than LANG and LC_* through) can name a file for us to
 * read: only the command line, which is the admin's, says where the
 * bundle is, and the terminal's description comes from the system's
 * terminfo (or the account's own ~/.terminfo, the admin's too).  And the
 * stop signal is ignored from now on: tty.c turns Ctrl-Z into a message
 * while it has the terminal, and before and after that it does nothing. */
static void
kiosk_setup(void)
{
	static const char *const names[] = {
		"ICLEI_TUI_DATA",	/* datadir.c */
		"TERMINFO", "TERMINFO_DIRS", "TERMCAP",	/* ncurses */
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		unsetenv(names[i]);
	signal(SIGTSTP, SIG_IGN);
}

/* The first usage error, kept to be said once the language is known:
 * an error in an option before --lang is said in that language. */
static void
fail(struct options *o, enum option_error e, const char *arg)
{
	if (o->error != OPTERR_NONE)
		return;
	o->error = e;
	snprintf(o->error_arg, sizeof o->error_arg, "%s", arg != NULL ? sanitize_arg(arg) : "");
}

/* Which of three words arg is, or -1 (the error kept). */
static int
parse_word(struct options *o, const char *option, const char *arg,
           const char *const words[3])
{
	for (int i = 0; i < 3; i++)
		if (strcmp(arg, words[i]) == 0)
			return i;
	fail(o, OPTERR_WORD, arg);
	o->error_option = option;
	o->error_words = words;
	return -1;
}

/* The words of --ambiguous and --color, and the values they stand for. */
static const char *const ambiguous_words[3] = {"auto", "narrow", "wide"};
static const enum ambiguous ambiguous_values[3] = {
	AMBIGUOUS_AUTO, AMBIGUOUS_NARROW, AMBIGUOUS_WIDE,
};
static const char *const color_words[3] = {"never", "auto", "always"};
static const enum color_mode color_values[3] = {
	COLOR_NEVER, COLOR_AUTO, COLOR_ALWAYS,
};

void
options_report(const struct options *o)
{
	const char *arg = o->error_arg;

	switch (o->error) {
	case OPTERR_NONE:
		break;
	case OPTERR_EMPTY_DIR:
		usage_error("%s", _("the data directory's name is empty"));
		break;
	case OPTERR_WIDTH:
		usage_error(_("invalid width '%s' (a number of columns from 1 to %d)"), arg,
		            MAX_WIDTH);
		break;
	case OPTERR_WORD:
		usage_error(_("invalid value '%s' for --%s (valid: %s, %s, %s)"), arg,
		            o->error_option, o->error_words[0], o->error_words[1],
		            o->error_words[2]);
		break;
	case OPTERR_FPS:
		usage_error(_("invalid frame rate '%s' (from 1 to 120)"), arg);
		break;
	case OPTERR_NEEDS_VALUE:
		usage_error(_("option '%s' needs a value"), arg);
		break;
	case OPTERR_UNKNOWN:
		usage_error(_("unknown option '%s'"), arg);
		break;
	case OPTERR_UNEXPECTED:
		usage_error(_("unexpected argument '%s'"), arg);
		break;
	case OPTERR_CHECK_DUMP:
		usage_error("%s", _("--check and --dump cannot be used together"));
		break;
	case OPTERR_IDLE:
		usage_error(_("invalid idle time '%s' (minutes, or a number and s, m or h, "
		              "at most 24h; 0: never)"), arg);
		break;
	}
}

int
options_parse(int argc, char **argv, struct options *o)
{
	int c, w;
	long v;

	memset(o, 0, sizeof *o);
	o->ambiguous = AMBIGUOUS_AUTO;
	o->color = COLOR_AUTO;
	o->idle_ms = -1;
	/* getopt's own messages would echo the argument unsanitised. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:p:d:w:hV", long_options, NULL)) != -1) {
		switch (c) {
		case 'l':
			o->lang = optarg;
			break;
		case 'p':
			o->page = optarg;
			break;
		case 'd':
			/* Not "here", nor "/" once a file name is added. */
			if (*optarg == '\0')
				fail(o, OPTERR_EMPTY_DIR, NULL);
			o->data_dir = optarg;
			break;
		case 'w':
			if ((v = parse_number(optarg, 1, MAX_WIDTH)) < 0)
				fail(o, OPTERR_WIDTH, optarg);
			o->width = (int)v;
			break;
		case OPT_DUMP:
			o->dump = true;
			break;
		case OPT_CHECK:
			o->check = true;
			break;
		case OPT_AMBIGUOUS:
			if ((w = parse_word(o, "ambiguous", optarg, ambiguous_words)) >= 0)
				o->ambiguous = ambiguous_values[w];
			break;
		case OPT_COLOR:
			if ((w = parse_word(o, "color", optarg, color_words)) >= 0)
				o->color = color_values[w];
			break;
		case OPT_NO_MOUSE:
			o->no_mouse = true;
			break;
		case OPT_NO_MOTION:
			o->no_motion = true;
			break;
		case OPT_FPS:
			if ((o->fps = (int)parse_number(optarg, 1, 120)) < 0)
				fail(o, OPTERR_FPS, optarg);
			break;
		case OPT_KIOSK:
			o->kiosk = true;
			break;
		case OPT_IDLE:
			if ((o->idle_ms = parse_idle(optarg)) < 0)
				fail(o, OPTERR_IDLE, optarg);
			break;
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case ':':
			fail(o, OPTERR_NEEDS_VALUE, offending(argv[optind - 1]));
			break;
		default:
			fail(o, OPTERR_UNKNOWN, offending(argv[optind - 1]));
			break;
		}
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (o->nfiles > 0 && !o->check)
		fail(o, OPTERR_UNEXPECTED, argv[optind]);
	if (o->check && o->dump)
		fail(o, OPTERR_CHECK_DUMP, NULL);
	if (o->idle_ms < 0)
		o->idle_ms = o->kiosk ? KIOSK_IDLE_MIN * 60000L : 0;
	if (o->kiosk)
		kiosk_setup();
	return o->error != OPTERR_NONE ? EXIT_USAGE : -1;
}

