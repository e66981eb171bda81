/* main.c: iclei-tui -- the ICLEI East Asia site, in the terminal.
 *
 * Sets up the locale, reads the command line, loads and checks the
 * bundle before anything else (so its errors print normally), then runs
 * the mode asked for: --check, --dump, or the full-screen browser. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unicase.h>
#include <unistd.h>

#include "app.h"
#include "bundleset.h"
#include "charset.h"
#include "datadir.h"
#include "dump.h"
#include "i18n.h"
#include "lang.h"
#include "options.h"
#include "sanitize.h"
#include "tty.h"
#include "util.h"

static void
print_summary(const struct bundle *b)
{
	struct sbuf file = {0}, line = {0}, pages = {0}, blocks = {0}, tags = {0};
	size_t nblocks = 0;

	for (size_t i = 0; i < b->npages; i++)
		nblocks += b->pages[i].nblocks;
	/* The whole path, so editors can jump to it; sanitised. */
	sanitize_append(&file, b->file, strlen(b->file), false);
	/* Each count with its own plural: "1 page", "17 blocks". */
	sbuf_printf(&pages, P_("%zu page", "%zu pages", b->npages), b->npages);
	sbuf_printf(&blocks, P_("%zu block", "%zu blocks", nblocks), nblocks);
	sbuf_printf(&tags, P_("%zu tag", "%zu tags", b->ntags), b->ntags);
	/* TRANSLATORS: the file, its language, then the three counts above. */
	sbuf_printf(&line, _("%s: ok: %s, %s, %s, %s\n"), file.s, b->lang, pages.s, blocks.s,
	            tags.s);
	charset_write(stdout, line.s, line.len);
	sbuf_free(&file);
	sbuf_free(&line);
	sbuf_free(&pages);
	sbuf_free(&blocks);
	sbuf_free(&tags);
}

/* --check FILE...: each file on its own. */
static int
check_files(char **files, int n)
{
	int status = EXIT_OK;

	for (int i = 0; i < n; i++) {
		struct bundle_error err;
		struct bundle *b = bundle_load_file(files[i], &err);

		if (b == NULL) {
			bundle_error_print(&err, stderr);
			status = EXIT_INVALID;
			continue;
		}
		print_summary(b);
		bundle_free(b);
	}
	return status;
}

/* --check: the data directory's bundle, every language, together. */
static int
check_set(const struct bundleset *set)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (set->lang[l] != NULL)
			print_summary(set->lang[l]);
	return EXIT_OK;
}

/* The language asked for (--lang), else the environment's, else the
 * default's, English, else the first there is -- then note says which
 * is shown and why.  A --lang
 * whose file is missing is a data problem: status 1, the file named. */
static int
choose_lang(const struct options *o, const struct bundleset *set, enum lang *out,
            struct sbuf *note)
{
	int l = o->lang != NULL ? lang_parse(o->lang) : (int)lang_from_env();

	if (l < 0) {
		usage_error(_("unknown language '%s' (valid: %s)"),
		            sanitize_arg(o->lang), lang_list(LANG_LIST_CODES));
		return EXIT_USAGE;
	}
	*out = (enum lang)l;
	if (set->lang[l] != NULL)
		return EXIT_OK;
	if (o->lang != NULL) {
		warnx(_("%s/%s.yaml: no such bundle file (the language asked for)"),
		      set->dir, lang_code((enum lang)l));
		return EXIT_INVALID;
	}
	/* Not the language after the missing one: the environment named
	 * none of ours, as far as this bundle goes. */
	*out = set->lang[LANG_EN] != NULL ? LANG_EN : bundleset_next_lang(set, LANG_EN, 1);
	sanitize_printf(note, _("No %s.yaml in %s: showing %s"), lang_code((enum lang)l),
	                set->dir, set->lang[*out]->name);
	return EXIT_OK;
}

/* Is the argument of --page this page: its id or its title, in any case? */
static bool
names_page(const char *arg, const char *id, const char *title)
{
	int cmp = 1;

	if (strcasecmp(arg, id) == 0)
		return true;
	return u8_casecmp((const uint8_t *)arg, strlen(arg), (const uint8_t *)title,
	                  strlen(title), NULL, UNINORM_NFC, &cmp) == 0 && cmp == 0;
}

/* --page: a page by id or title, any case; the cloud by its tab's name,
 * for the browser (--dump prints pages only). */
static int
choose_page(const struct options *o, const struct bundle *b, int *out)
{
	struct sbuf valid = {0};
	bool cloud;

	*out = -1;
	if (o->page == NULL)
		return EXIT_OK;
	for (size_t i = 0; i < b->npages; i++)
		if (names_page(o->page, b->pages[i].id, b->pages[i].title)) {
			*out = (int)i;
			return EXIT_OK;
		}
	cloud = names_page(o->page, "cloud", _("Cloud"));
	if (cloud && !o->dump) {
		*out = (int)b->npages;
		return EXIT_OK;
	}
	for (size_t i = 0; i < b->npages; i++)
		sbuf_printf(&valid, "%s%s", i ? ", " : "", b->pages[i].id);
	if (!o->dump)
		sbuf_adds(&valid, ", cloud");
	if (cloud)
		usage_error(_("--dump prints pages, and the cloud is none (pages: %s)"),
		            valid.s);
	else
		usage_error(_("unknown page '%s' (valid: %s)"), sanitize_arg(o->page), valid.s);
	sbuf_free(&valid);
	return EXIT_USAGE;
}

static int
dump_width(const struct options *o)
{
	struct winsize ws;

	if (o->width > 0)
		return o->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static int
run_dump(const struct options *o, struct bundle *b, int page)
{
	struct layout_opts lo = {
		.width = dump_width(o),
		.ambig = o->ambiguous == AMBIGUOUS_WIDE ? AMBIGUOUS_WIDE
		                                        : AMBIGUOUS_NARROW,
		.rules = lang_break_rules(b->lang),
	};

	if (lo.ambig == AMBIGUOUS_WIDE)
		bundle_make_unambiguous(b);
	if (dump_bundle(stdout, b, page, &lo) != 0 || fflush(stdout) != 0) {
		warnx(_("write error: %s"), strerror(errno));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static int
run_browser(const struct options *o, struct bundleset *set, enum lang lang,
            int page, const char *note)
{
	const char *still = getenv("ICLEI_TUI_NO_MOTION");
	struct app_opts ao = {
		.tty = {o->color, !o->no_mouse, o->ambiguous, o->kiosk},
		.still = o->no_motion || (still != NULL && *still != '\0'
		                          && strcmp(still, "0") != 0),
		.fps = o->fps > 0 ? o->fps : 30,
		.note = note,
		.idle_ms = o->idle_ms,
	};

	/* Nothing more may be printed to stdout through stdio: curses owns
	 * it now, and app_run gives it back. */
	return app_run(set, lang, page, &ao);
}

/* --dump shows one language: load that file alone -- the asked-for one,
 * else the environment's, else the first there is (and say so). */
static int
load_for_dump(const struct options *o, const char *dir, struct bundleset *set)
{
	struct bundle_error err;
	int first = o->lang != NULL ? lang_parse(o->lang) : (int)lang_from_env();

	if (first < 0) {
		usage_error(_("unknown language '%s' (valid: %s)"),
		            sanitize_arg(o->lang), lang_list(LANG_LIST_CODES));
		return EXIT_USAGE;
	}
	for (int k = 0; k < LANG_COUNT; k++) {
		enum lang l = (enum lang)((first + k) % LANG_COUNT);
		bool missing;

		if (bundleset_load_one(set, dir, l, &missing, &err)) {
			if (k > 0)
				warnx(_("No %s.yaml in %s: showing %s"),
				      lang_code((enum lang)first), dir, set->lang[l]->name);
			return EXIT_OK;
		}
		if (!missing)
			break;
		if (o->lang != NULL) {
			warnx(_("%s/%s.yaml: no such bundle file (the language asked for)"),
			      dir, lang_code(l));
			return EXIT_INVALID;
		}
	}
	bundle_error_print(&err, stderr);
	return EXIT_INVALID;
}

/* Every language, for --check and the browser.  The browser asks the
 * terminal its question first, so that the answer comes while the files
 * load; the terminal is given back before anything can be printed. */
static bool
load_all(const struct options *o, const char *dir, struct bundleset *set,
         struct bundle_error *err)
{
	bool ok;

	if (!o->check && o->ambiguous == AMBIGUOUS_AUTO)
		tty_probe_start();
	ok = bundleset_load(set, dir, err);
	tty_probe_wait();
	return ok;
}

static int
run(const struct options *opts)
{
	struct options dumping = *opts;
	const struct options *o = &dumping;
	struct bundleset set;
	struct bundle_error err;
	struct sbuf note = {0};
	enum lang lang;
	int page, status;
	char *dir;

	/* As man and git do: to a file or a pipe, the pages as plain text. */
	if (!o->check && !o->dump && !isatty(STDOUT_FILENO))
		dumping.dump = true;
	if (o->check && o->nfiles > 0)
		return check_files(o->files, o->nfiles);
	dir = datadir_find(o->data_dir);
	if (o->dump) {
		status = load_for_dump(o, dir, &set);
		free(dir);
		if (status != EXIT_OK)
			return status;
	} else if (!load_all(o, dir, &set, &err)) {
		bundle_error_print(&err, stderr);
		free(dir);
		return EXIT_INVALID;
	} else {
		free(dir);
	}
	if (o->check)
		status = check_set(&set);
	else if ((status = choose_lang(o, &set, &lang, &note)) != EXIT_OK
	         || (status = choose_page(o, set.lang[lang], &page)) != EXIT_OK)
		;	/* said */
	else if (o->dump)
		status = run_dump(o, set.lang[lang], page);
	else
		status = run_browser(o, &set, lang, page, note.s);
	bundleset_free(&set);
	sbuf_free(&note);
	return status;
}

int
main(int argc, char **argv)
{
	static char name[128];
	struct options o;
	const char *slash = strrchr(argv[0], '/');
	enum lang lang;
	int status;

	/* Quoted in every diagnostic and in --help: made safe once. */
	slash = slash ? slash + 1 : argv[0];
	sanitize_quote(name, sizeof name, slash, strlen(slash), 64);
	program_name = name;
	i18n_init();
	status = options_parse(argc, argv, &o);
	/* Speak the user's language (or --lang's) from the first message. */
	lang = lang_parse_or(o.lang, lang_from_env());
	i18n_set_language(lang);
	if (status >= 0) {
		options_report(&o);
		return status;
	}
	if (o.help || o.version) {
		if (o.help)
			options_help();
		else
			options_version();
		status = EXIT_OK;
	} else {
		status = run(&o);
	}
	if (fclose(stdout) != 0 && status == EXIT_OK) {
		warnx(_("write error: %s"), strerror(errno));
		status = EXIT_INVALID;
	}
	return status;
}
