/* options.c: the command line, GNU style (getopt_long). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
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
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

enum { MAX_WIDTH = 10000 };

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

	sbuf_printf(&b, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	sbuf_adds(&b, _("Content: ICLEI - Local Governments for Sustainability, East Asia "
	                "Secretariat.\n"));
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

static int
parse_width(const char *arg, int *out)
{
	long v = parse_number(arg, 1, MAX_WIDTH);

	if (v < 0) {
		usage_error(_("invalid width '%s' (a number of columns from 1 to %d)"),
		            sanitize_arg(arg), MAX_WIDTH);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* Which of three words arg is, or -1 after saying what is valid. */
static int
parse_word(const char *option, const char *arg, const char *const words[3])
{
	for (int i = 0; i < 3; i++)
		if (strcmp(arg, words[i]) == 0)
			return i;
	usage_error(_("invalid value '%s' for --%s (valid: %s, %s, %s)"),
	            sanitize_arg(arg), option, words[0], words[1], words[2]);
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

int
options_parse(int argc, char **argv, struct options *o)
{
	int c, w;

	memset(o, 0, sizeof *o);
	o->ambiguous = AMBIGUOUS_AUTO;
	o->color = COLOR_AUTO;
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
			if (*optarg == '\0') {
				/* Not "here", nor "/" once a file name is added. */
				usage_error("%s", _("the data directory's name is empty"));
				return EXIT_USAGE;
			}
			o->data_dir = optarg;
			break;
		case 'w':
			if (parse_width(optarg, &o->width) != 0)
				return EXIT_USAGE;
			break;
		case OPT_DUMP:
			o->dump = true;
			break;
		case OPT_CHECK:
			o->check = true;
			break;
		case OPT_AMBIGUOUS:
			if ((w = parse_word("ambiguous", optarg, ambiguous_words)) < 0)
				return EXIT_USAGE;
			o->ambiguous = ambiguous_values[w];
			break;
		case OPT_COLOR:
			if ((w = parse_word("color", optarg, color_words)) < 0)
				return EXIT_USAGE;
			o->color = color_values[w];
			break;
		case OPT_NO_MOUSE:
			o->no_mouse = true;
			break;
		case OPT_NO_MOTION:
			o->no_motion = true;
			break;
		case OPT_FPS:
			if ((o->fps = (int)parse_number(optarg, 1, 120)) < 0) {
				usage_error(_("invalid frame rate '%s' (from 1 to 120)"),
				            sanitize_arg(optarg));
				return EXIT_USAGE;
			}
			break;
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case ':':
			usage_error(_("option '%s' needs a value"),
			            offending(argv[optind - 1]));
			return EXIT_USAGE;
		default:
			usage_error(_("unknown option '%s'"),
			            offending(argv[optind - 1]));
			return EXIT_USAGE;
		}
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (o->nfiles > 0 && !o->check) {
		usage_error(_("unexpected argument '%s'"), sanitize_arg(argv[optind]));
		return EXIT_USAGE;
	}
	if (o->check && o->dump) {
		usage_error("%s", _("--check and --dump cannot be used together"));
		return EXIT_USAGE;
	}
	return -1;
}

const char *
options_peek_lang(int argc, char **argv)
{
	const char *lang = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0)
			break;
		if (strncmp(a, "--lang=", 7) == 0)
			lang = a + 7;
		else if ((strcmp(a, "--lang") == 0 || strcmp(a, "-l") == 0) && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(a, "-l", 2) == 0 && a[2] != '\0')
			lang = a + 2;
	}
	return lang;
}
