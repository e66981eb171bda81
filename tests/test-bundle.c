/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-bundle.c: the loader's model and its checks, through the API.
 * (Every error kind is also covered file by file, message and position,
 * by bad-bundles.test.) */
#include <config.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bundle.h"
#include "bundleset.h"
#include "check.h"
#include "util.h"

#define HEAD "lang: en\nname: English\nlabel: EN\ntitle: T\n"

static const char minimal[] =
	HEAD
	"pages:\n"
	"  - id: one\n"
	"    title: One\n"
	"    blocks:\n"
	"      - heading: \"  Caf\\u0065\\u0301 \"\n"	/* e + combining acute */
	"        id: top\n"
	"      - paragraph: |\n"
	"          line one\n"
	"          line two\n"
	"      - list: [a, b, c]\n"
	"      - quote: Q\n"
	"        by: Someone\n"
	"      - link: Back\n"
	"        page: one\n"
	"        block: top\n"
	"tags:\n"
	"  - {label: T1, weight: 3, page: one}\n"
	"  - {label: T2, weight: 10, page: one, block: top}\n";

static struct bundle *
load(const char *text, struct bundle_error *err)
{
	return bundle_load_mem("mem.yaml", text, strlen(text), err);
}

static void
test_model(void)
{
	struct bundle_error err;
	struct bundle *b = load(minimal, &err);
	const struct page *p;

	CHECK(b != NULL, "a minimal bundle loads%s%s", b ? "" : ": ",
	      b ? "" : err.message);
	if (b == NULL)
		return;
	p = &b->pages[0];
	CHECK(b->npages == 1 && p->nblocks == 5 && b->ntags == 2,
	      "one page, five blocks, two tags");
	CHECK(strcmp(p->blocks[0].text, "Caf\xc3\xa9") == 0,
	      "text is trimmed and NFC-normalised (e + U+0301 -> U+00E9)");
	CHECK(strcmp(p->blocks[1].text, "line one\nline two") == 0,
	      "a literal block keeps its line feed, trailing one trimmed");
	CHECK(p->blocks[2].kind == BLOCK_LIST && p->blocks[2].nitems == 3
	      && strcmp(p->blocks[2].items[2], "c") == 0, "a list has its items");
	CHECK(p->blocks[3].kind == BLOCK_QUOTE && p->blocks[3].role == NULL
	      && strcmp(p->blocks[3].by, "Someone") == 0, "a quote has 'by'");
	CHECK(p->blocks[4].kind == BLOCK_LINK && strcmp(p->blocks[4].page, "one") == 0
	      && strcmp(p->blocks[4].block, "top") == 0, "a link has its target");
	CHECK(b->tags[1].weight == 10 && b->tags[0].block == NULL,
	      "tags have weight, page and optional block");
	CHECK(p->blocks[0].at.line == 9 && p->blocks[0].at.column == 9,
	      "blocks remember where they are (%u:%u)", p->blocks[0].at.line,
	      p->blocks[0].at.column);
	bundle_free(b);
	{
		struct sbuf bom = {0};

		sbuf_adds(&bom, "\xEF\xBB\xBF");
		sbuf_adds(&bom, minimal);
		b = load(bom.s, &err);
		sbuf_free(&bom);
	}
	CHECK(b != NULL && b->pages[0].blocks[0].at.line == 9
	      && b->pages[0].blocks[0].at.column == 9,
	      "a byte order mark is skipped without shifting positions");
	if (b == NULL)
		return;
	p = &b->pages[0];
	CHECK(bundle_find_page(b, "one") == 0 && bundle_find_page(b, "two") == -1
	      && page_find_block(p, "top") == 0 && page_find_block(p, "x") == -1,
	      "pages and blocks are found by id");
	bundle_free(b);
}

/* Load text that must fail with this position and message start. */
static void
expect_error(const char *what, const char *text, unsigned line, unsigned col,
             const char *message)
{
	struct bundle_error err;
	struct bundle *b = load(text, &err);

	if (b != NULL) {
		CHECK(0, "%s: refused", what);
		bundle_free(b);
		return;
	}
	CHECK(err.line == line && err.column == col
	      && strncmp(err.message, message, strlen(message)) == 0
	      && strcmp(err.file, "mem.yaml") == 0,
	      "%s: %s:%u:%u: %s", what, err.file, err.line, err.column, err.message);
}

static void
test_errors(void)
{
	struct sbuf deep = {0};

	expect_error("anchor", HEAD "pages: &a []\n", 5, 8, "anchors are not allowed");
	expect_error("alias", HEAD "pages:\n  - *a\n", 6, 5, "aliases are not allowed");
	expect_error("empty file", "", 1, 1, "the file is empty");
	expect_error("comment only", "# nothing\n", 1, 1, "the file has nothing but comments");
	expect_error("invalid UTF-8 in the middle", HEAD "pages: \xff\n", 5, 8,
	             "invalid leading UTF-8 octet");
	expect_error("unknown key", HEAD "colour: red\n", 5, 1,
	             "unknown key 'colour' in the bundle");
	expect_error("escape in text", "lang: en\nname: \"\\e[31m\"\n", 2, 8,
	             "text contains control character U+001B");
	/* 100 000 nested flow lists: refused at the first, before libyaml's
	 * quadratic work on the rest (the schema nests no lists in 'lang';
	 * the depth limit is the backstop for where it does). */
	sbuf_adds(&deep, "lang: ");
	for (int i = 0; i < 100000; i++)
		sbuf_addc(&deep, '[');
	expect_error("nesting bomb", deep.s, 1, 7, "'lang' must be text, not a list");
	sbuf_free(&deep);
	sbuf_adds(&deep, HEAD "pages:\n  - id: p\n    title: P\n    blocks:\n"
	                 "      - list: ");
	for (int i = 0; i < 100000; i++)
		sbuf_addc(&deep, '[');
	expect_error("nesting bomb in a list", deep.s, 9, 16,
	             "each item of 'list' must be text, not a list");
	sbuf_free(&deep);
}

static void
test_limits(void)
{
	struct bundle_error err;
	size_t n = BUNDLE_MAX_BYTES + 1;
	char *big = xmalloc(n);
	struct bundle *b;

	memset(big, '#', n);
	b = bundle_load_mem("big.yaml", big, n, &err);
	CHECK(b == NULL && err.line == 0 && strstr(err.message, "too large") != NULL,
	      "a file over %u bytes is refused unread: %s", BUNDLE_MAX_BYTES,
	      err.message);
	free(big);
	b = bundle_load_file("/nonexistent/x.yaml", &err);
	CHECK(b == NULL && err.line == 0, "a missing file: %s", err.message);
	b = bundle_load_file("/", &err);
	CHECK(b == NULL && strstr(err.message, "directory") != NULL,
	      "a directory: %s", err.message);
}

static void
test_unsafe_names(void)
{
	struct bundle_error err;
	struct bundle *b = bundle_load_mem("evil\x1b]52;c;eA==\a.yaml", "", 0, &err);

	CHECK(b == NULL && strchr(err.file, '\x1b') == NULL
	      && strchr(err.file, '\a') == NULL,
	      "a file name with escapes is shown safely: %s", err.file);
	b = load(HEAD "\"x\\e[2J\": 1\n", &err);
	CHECK(b == NULL && strchr(err.message, '\x1b') == NULL,
	      "a key with escapes is quoted safely: %s", err.message);
}

static void
test_parallel(void)
{
	struct bundle_error err;
	struct bundle *a = load(minimal, &err), *b;
	char *other = xstrdup(minimal);

	/* The same structure in another language passes... */
	b = load(minimal, &err);
	CHECK(a && b && bundle_check_parallel(a, b, &err),
	      "identical structure agrees");
	bundle_free(b);
	/* ...a different tag weight does not. */
	*strstr(other, "weight: 3") = '\0';
	{
		struct sbuf s = {0};

		sbuf_adds(&s, other);
		sbuf_adds(&s, "weight: 4, page: one}\n"
		              "  - {label: T2, weight: 10, page: one, block: top}\n");
		bool agree;

		b = load(s.s, &err);
		agree = a && b && bundle_check_parallel(a, b, &err);
		CHECK(!agree && err.line == 21 && err.column == 5 && strstr(err.message, "tag 1") != NULL,
		      "a tag's weight must agree: %u:%u: %s", err.line, err.column,
		      err.message);
		bundle_free(b);
		sbuf_free(&s);
	}
	free(other);
	bundle_free(a);
}

/* bundleset_load_first's work on the first language: ready once, in
 * the calling thread, with that language; then each part exactly once,
 * all of them before it returns. */
#define PARTS 7
static struct {
	pthread_t caller;
	int readies, wrong_thread;
	const char *lang;
	size_t nparts;
	int slow_ready, slow_parts;	/* ms */
	atomic_int done[PARTS + 1];
	atomic_int elsewhere;		/* parts done by another thread */
} W;

static void
sleep_ms(int ms)
{
	struct timespec t = {0, (long)ms * 1000000L};

	nanosleep(&t, NULL);
}

static size_t
work_ready(struct bundle *b, void *arg)
{
	(void)arg;
	W.readies++;
	W.wrong_thread += !pthread_equal(pthread_self(), W.caller);
	W.lang = b->lang;
	/* The helper runs out of files before there are parts to take. */
	sleep_ms(W.slow_ready);
	return W.nparts;
}

static void
work_part(size_t i, void *arg)
{
	(void)arg;
	atomic_fetch_add(&W.done[i < PARTS ? i : PARTS], 1);
	if (!pthread_equal(pthread_self(), W.caller))
		atomic_fetch_add(&W.elsewhere, 1);
	/* Time for the helper to come for the rest. */
	sleep_ms(W.slow_parts);
}

static void
test_first_work(void)
{
	const struct first_work w = {work_ready, work_part, NULL};
	char dir[4096];
	int runs = 0, bad_parts = 0, bad = 0, elsewhere = 0;

	snprintf(dir, sizeof dir, "%s/tests/fixture", check_srcdir());
	/* Many times over: which thread runs out of files first varies. */
	for (int r = 0; r < 60; r++) {
		struct bundleset set;
		struct bundle_error err;
		bool ok;

		memset(&W, 0, sizeof W);
		W.caller = pthread_self();
		W.nparts = (size_t)(r % 3 == 0 ? 0 : PARTS);
		W.slow_ready = r % 3 == 1 ? 30 : 0;
		W.slow_parts = r % 3 == 2 ? 3 : 0;
		for (int i = 0; i <= PARTS; i++)
			atomic_init(&W.done[i], 0);
		atomic_init(&W.elsewhere, 0);
		ok = bundleset_load_first(&set, dir, LANG_JA, &w, &err);
		runs++;
		elsewhere += atomic_load(&W.elsewhere);
		for (size_t i = 0; i <= PARTS; i++)
			bad_parts += atomic_load(&W.done[i]) != (i < W.nparts ? 1 : 0);
		bad += !ok || W.readies != 1 || W.wrong_thread != 0
		       || W.lang == NULL || strcmp(W.lang, "ja") != 0
		       || set.lang[LANG_EN] == NULL || set.lang[LANG_ZH] == NULL;
		if (ok)
			bundleset_free(&set);
	}
	CHECK(bad == 0, "first work: every language loaded, ready once, in the "
	      "calling thread, with the first language (%d of %d runs wrong)", bad, runs);
	CHECK(bad_parts == 0, "first work: each part done exactly once before the "
	      "load returns, none when ready says none, all when the helper has gone "
	      "(%d wrong counts)", bad_parts);
	CHECK(elsewhere > 0, "first work: the helper takes parts too, once its files "
	      "are done (%d parts of %d runs)", elsewhere, runs);
}

int
main(void)
{
	test_model();
	test_errors();
	test_limits();
	test_unsafe_names();
	test_parallel();
	test_first_work();
	return check_done();
}
