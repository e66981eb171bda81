/* options.c: the command line, GNU style (getopt_long). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "options.h"
#include "sanitize.h"
#include "util.h"

enum {
	OPT_DUMP = CHAR_MAX + 1,
	OPT_CHECK,
	OPT_AMBIGUOUS,
};

static const struct option long_options[] = {
	{"lang", required_argument, NULL, 'l'},
	{"page", required_argument, NULL, 'p'},
	{"data-dir", required_argument, NULL, 'd'},
	{"dump", no_argument, NULL, OPT_DUMP},
	{"width", required_argument, NULL, 'w'},
	{"ambiguous", required_argument, NULL, OPT_AMBIGUOUS},
	{"check", no_argument, NULL, OPT_CHECK},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

enum { MAX_WIDTH = 10000 };

void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), program_name);
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

static void
print_help(void)
{
	printf(_("Usage: %s [OPTION]...\n"
	         "  or:  %s --check [FILE]...\n"), program_name, program_name);
	fputs(_("Read ICLEI East Asia's history, mission, network and achievements\n"
	        "in English, Korean, Japanese or Chinese, in the terminal.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -l, --lang=LANG        language: en, ko, ja, zh (also kr, jp, cn; any\n"
	        "                           case); default: from LANGUAGE, LC_ALL,\n"
	        "                           LC_MESSAGES, LANG, else en\n"
	        "  -p, --page=PAGE        page: history, mission, network, achievements\n"
	        "                           (default: history; --dump: every page)\n"
	        "  -d, --data-dir=DIR     read the content bundle from DIR\n"), stdout);
	fputs(_("      --dump             print the page (every page, in order, when\n"
	        "                           --page is not given) as plain text to\n"
	        "                           standard output and exit; needs no terminal\n"
	        "  -w, --width=N          width for --dump (default: the terminal's when\n"
	        "                           standard output is one, else 80)\n"
	        "      --ambiguous=WIDTH  how the terminal draws East Asian ambiguous\n"
	        "                           characters such as \"•\" and \"’\": narrow, wide\n"
	        "                           (then replaced by ASCII) or auto (the default;\n"
	        "                           narrow for --dump)\n"), stdout);
	fputs(_("      --check [FILE]...  check the bundle (or the given files) and exit\n"
	        "  -h, --help             display this help and exit\n"
	        "  -V, --version          output version information and exit\n"), stdout);
	fputs("\n", stdout);
	fputs(_("The bundle is read from --data-dir, else $ICLEI_TUI_DATA, else the\n"
	        "installed data directory.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("Exit status: 0 success, 1 invalid bundle (or another failure),\n"
	        "2 usage error.\n"), stdout);
}

static void
print_version(void)
{
	printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	fputs(_("Content: ICLEI - Local Governments for Sustainability, East Asia "
	        "Secretariat.\n"), stdout);
}

static int
parse_width(const char *arg, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno != 0 || v < 1 || v > MAX_WIDTH) {
		usage_error(_("invalid width '%s' (a number of columns from 1 to %d)"),
		            sanitize_arg(arg), MAX_WIDTH);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int
parse_ambiguous(const char *arg, enum ambiguous_opt *out)
{
	static const char *const names[] = {"auto", "narrow", "wide"};

	for (int i = 0; i < 3; i++)
		if (strcmp(arg, names[i]) == 0) {
			*out = (enum ambiguous_opt)i;
			return 0;
		}
	usage_error(_("invalid value '%s' for --ambiguous (valid: auto, narrow, wide)"),
	            sanitize_arg(arg));
	return -1;
}

int
options_parse(int argc, char **argv, struct options *o)
{
	int c;

	memset(o, 0, sizeof *o);
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
			if (parse_ambiguous(optarg, &o->ambiguous) != 0)
				return EXIT_USAGE;
			break;
		case 'h':
			print_help();
			return EXIT_OK;
		case 'V':
			print_version();
			return EXIT_OK;
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
