/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* main.c: iclei-tui -- the ICLEI East Asia site, in the terminal.
 *
 * Sets up the locale, reads the command line, loads and checks the
 * bundle before anything else (so its errors print normally), then runs
 * the mode asked for: --check, --dump, or the full-screen browser. */
#include <config.h>

#include <errno.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unicase.h>
#include <unistd.h>
#include <unistr.h>
#include <uniwidth.h>

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

/* Is the terminal the Linux console, which draws no double-width cell
 * (its fonts hold 512 glyphs at most: no Hangul, kana or Han)?  And
 * does language b need such cells: is any character of its own name
 * wide?  As the Debian installer does, such a language is then not
 * started in unless asked for by name. */
static bool
console_cannot_draw(const struct bundle *b)
{
	const char *term = getenv("TERM");
	size_t n = strlen(b->name);

	return term != NULL && strncmp(term, "linux", 5) == 0
	       && u8_width((const uint8_t *)b->name, n, "UTF-8")
	          > (int)u8_mbsnlen((const uint8_t *)b->name, n);
}

/* The language asked for (--lang), else the environment's; -1 after
 * saying that --lang names none of ours. */
static int
asked_lang(const struct options *o)
{
	int l = o->lang != NULL ? lang_parse(o->lang) : (int)lang_from_env();

	if (l < 0)
		usage_error(_("unknown language '%s' (valid: %s)"),
		            sanitize_arg(o->lang), lang_list(LANG_LIST_CODES));
	return l;
}

/* A --lang whose file is missing is a data problem: status 1, the file
 * named. */
static int
no_such_file(const char *dir, enum lang l)
{
	warnx(_("%s/%s.yaml: no such bundle file (the language asked for)"), dir,
	      lang_code(l));
	return EXIT_INVALID;
}

static void
say_fallback(struct sbuf *note, enum lang asked, const struct bundleset *set,
             enum lang shown)
{
	sanitize_printf(note, _("No %s.yaml in %s: showing %s"), lang_code(asked),
	                set->dir, set->lang[shown]->name);
}

/* Bit l: language l is in set. */
static unsigned
loaded(const struct bundleset *set)
{
	unsigned there = 0;

	for (int l = 0; l < LANG_COUNT; l++)
		if (set->lang[l] != NULL)
			there |= 1u << l;
	return there;
}

/* Where the language asked for has no file: English, else the one
 * after it -- not the language after the missing one: the environment
 * named none of ours, as far as this bundle goes. */
static enum lang
fallback_lang(unsigned there)
{
	int l = LANG_EN;

	for (int k = 0; k < LANG_COUNT && !(there & (1u << l)); k++)
		l = (l + 1) % LANG_COUNT;
	return (enum lang)l;
}

/* For --dump, of the whole set: the language asked for, else the
 * environment's, else English, else the first there is -- then note says
 * which is shown and why. */
static int
choose_lang(const struct options *o, const struct bundleset *set, enum lang *out,
            struct sbuf *note)
{
	int l = asked_lang(o);

	if (l < 0)
		return EXIT_USAGE;
	*out = (enum lang)l;
	if (set->lang[l] != NULL)
		return EXIT_OK;
	if (o->lang != NULL)
		return no_such_file(set->dir, (enum lang)l);
	*out = fallback_lang(loaded(set));
	say_fallback(note, (enum lang)l, set, *out);
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

/* The page --page names in b (-1: none is asked for), or -2 when it
 * names none, or the cloud for --dump. */
static int
find_page(const struct options *o, const struct bundle *b)
{
	if (o->page == NULL)
		return -1;
	for (size_t i = 0; i < b->npages; i++)
		if (names_page(o->page, b->pages[i].id, b->pages[i].title))
			return (int)i;
	if (!o->dump && names_page(o->page, "cloud", _("Cloud")))
		return (int)b->npages;
	return -2;
}

/* --page: a page by id or title, any case; the cloud by its tab's name,
 * for the browser (--dump prints pages only). */
static int
choose_page(const struct options *o, const struct bundle *b, int *out)
{
	struct sbuf valid = {0};
	bool cloud;

	if ((*out = find_page(o, b)) != -2)
		return EXIT_OK;
	cloud = names_page(o->page, "cloud", _("Cloud"));
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

/* How --dump lays b out; text that a wide-ambiguous terminal would draw
 * wider than counted is made unambiguous first. */
static struct layout_opts
dump_opts(const struct options *o, struct bundle *b)
{
	struct layout_opts lo = {
		.width = dump_width(o),
		.ambig = o->ambiguous == AMBIGUOUS_WIDE ? AMBIGUOUS_WIDE
		                                        : AMBIGUOUS_NARROW,
		.rules = lang_break_rules(b->lang),
	};

	if (lo.ambig == AMBIGUOUS_WIDE)
		bundle_make_unambiguous(b);
	return lo;
}

/* The pages of b as --dump prints them, into fp. */
static int
dump_to(const struct options *o, struct bundle *b, int page, FILE *fp)
{
	struct layout_opts lo = dump_opts(o, b);

	return dump_bundle(fp, b, page, &lo);
}

/* --dump lays its language out while the other files are still being
 * checked (bundleset_load_first): a page a part, on whichever thread is
 * free, into memory; nothing is printed before every file has passed. */
struct early_dump {
	const struct options *o;
	const struct bundle *b;	/* what is laid out */
	int page;
	struct layout_opts lo;
	struct sbuf *text;	/* each part's, UTF-8 */
	size_t n;
};

static size_t
dump_ready(struct bundle *b, void *arg)
{
	struct early_dump *d = arg;
	int page = find_page(d->o, b);

	if (page == -2)
		return 0;	/* choose_page will say why */
	d->lo = dump_opts(d->o, b);
	d->b = b;
	d->page = page;
	d->n = page < 0 ? b->npages : 1;
	d->text = xcalloc(d->n, sizeof *d->text);
	return d->n;
}

static void
dump_part(size_t i, void *arg)
{
	struct early_dump *d = arg;
	struct doc doc = {0};

	dump_page(&d->text[i], &doc, d->b, d->page < 0 ? i : (size_t)d->page,
	          i > 0, &d->lo);
	doc_free(&doc);
}

static void
early_free(struct early_dump *d)
{
	for (size_t i = 0; i < d->n; i++)
		sbuf_free(&d->text[i]);
	free(d->text);
}

/* The language --dump will show, if its file is there: the one asked
 * for, else the environment's, else English, else the one after it
 * (choose_lang says the same once every file is read); -1 if none. */
static int
dump_lang(const struct options *o, unsigned there)
{
	int l = o->lang != NULL ? lang_parse(o->lang) : (int)lang_from_env();

	if (l < 0 || there == 0 || (o->lang != NULL && !(there & (1u << l))))
		return -1;
	return there & (1u << l) ? l : (int)fallback_lang(there);
}

static int
run_dump(const struct options *o, struct bundle *b, int page,
         const struct early_dump *early)
{
	int rc;

	if (early->b == b && early->page == page) {
		rc = 0;
		for (size_t i = 0; i < early->n && rc == 0; i++)
			rc = charset_write(stdout, early->text[i].s, early->text[i].len);
	} else {
		rc = dump_to(o, b, page, stdout);
	}
	if (rc != 0 || fflush(stdout) != 0) {
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

/* The browser shows first and checks the rest after: the language to
 * show is loaded and checked alone here, the others once its first screen
 * is out (app.c).  The terminal is asked its question first, so that the
 * answer comes while the file loads; it is given back before anything can
 * be printed. */
static int
open_for_browser(const struct options *o, const char *dir, struct bundleset *set,
                 enum lang *lang, struct sbuf *note)
{
	struct bundle_error err;
	int asked = asked_lang(o);
	bool ok, missing;

	if (asked < 0)
		return EXIT_USAGE;
	*lang = (enum lang)asked;
	if (o->ambiguous == AMBIGUOUS_AUTO)
		tty_probe_start();
	ok = bundleset_open(set, dir, lang, o->lang == NULL, &missing, &err);
	tty_probe_wait();
	if (!ok && missing)
		return no_such_file(dir, (enum lang)asked);
	if (!ok) {
		bundle_error_print(&err, stderr);
		return EXIT_INVALID;
	}
	if (missing) {
		say_fallback(note, (enum lang)asked, set, *lang);
	} else if (o->lang == NULL && *lang != LANG_EN && (set->pending & (1u << LANG_EN))
	           && console_cannot_draw(set->lang[*lang])) {
		/* English, checked now, the first of the rest. */
		if (bundleset_load_pending(set) == LANG_EN && set->lang[LANG_EN] != NULL) {
			i18n_set_language(LANG_EN);	/* the messages too */
			/* Not translated: it is said where the translation
			 * could not be read. */
			sanitize_printf(note, "The Linux console cannot draw %s: showing "
			                "English (--lang %s shows it all the same)",
			                lang_name(*lang), lang_code(*lang));
			*lang = LANG_EN;
		}
	}
	return EXIT_OK;
}

/* Loading four languages on two threads allocates a model piece by
 * piece; glibc grows the second thread's heap a page or two at a time,
 * one mprotect call each (268 of them for --dump at 100 x the real
 * content, 13 with this).  Address space only: untouched pages cost no
 * memory. */
static void
grow_heaps_in_large_steps(void)
{
#if defined HAVE_MALLOPT && defined M_TOP_PAD
	(void)mallopt(M_TOP_PAD, 4 << 20);
#endif
}

static int
run(const struct options *opts)
{
	struct options dumping = *opts;
	const struct options *o = &dumping;
	/* Static: see the end of --check and --dump. */
	static struct bundleset set;
	struct bundle_error err;
	struct sbuf note = {0};
	struct early_dump early = {.o = o, .page = -1};
	const struct first_work dump_work = {dump_ready, dump_part, &early};
	enum lang lang;
	int page, status;
	char *dir;

	/* As man and git do: to a file or a pipe, the pages as plain text. */
	if (!o->check && !o->dump && !isatty(STDOUT_FILENO))
		dumping.dump = true;
	if (o->check && o->nfiles > 0)
		return check_files(o->files, o->nfiles);
	dir = datadir_find(o->data_dir);
	if (!o->check && !o->dump) {
		/* The browser: the shown language now, the others later. */
		status = open_for_browser(o, dir, &set, &lang, &note);
		free(dir);
		if (status == EXIT_OK
		    && (status = choose_page(o, set.lang[lang], &page)) == EXIT_OK)
			status = run_browser(o, &set, lang, page, note.s);
		bundleset_free(&set);
		sbuf_free(&note);
		return status;
	}
	/* --check and --dump: every language, checked to agree, before
	 * anything is printed; --dump's own laid out meanwhile. */
	grow_heaps_in_large_steps();
	if (!bundleset_load_first(&set, dir,
	                          o->dump ? dump_lang(o, bundleset_files(dir)) : -1,
	                          o->dump ? &dump_work : NULL, &err)) {
		bundle_error_print(&err, stderr);
		early_free(&early);
		free(dir);
		return EXIT_INVALID;
	}
	free(dir);
	if (o->check) {
		status = check_set(&set);
	} else if ((status = choose_lang(o, &set, &lang, &note)) == EXIT_OK
	           && (status = choose_page(o, set.lang[lang], &page)) == EXIT_OK) {
		if (note.s != NULL)
			warnx("%s", note.s);
		status = run_dump(o, set.lang[lang], page, &early);
	}
	early_free(&early);
	sbuf_free(&note);
	/* The process ends now, and the kernel takes the model back at
	 * once: freeing it would walk every string of four languages
	 * (4 million instructions of a --dump at 100 x the real content).
	 * set is static, so leak checkers see it as still reachable. */
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
