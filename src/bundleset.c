/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundleset.c: the content in every language, checked to agree. */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundleset.h"
#include "i18n.h"
#include "util.h"

static bool
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static const char *
or_none(const char *s)
{
	return s != NULL ? s : _("(none)");
}

static bool
check_blocks(const struct bundle *ref, const struct page *rp,
             const struct bundle *b, const struct page *p,
             struct bundle_error *err)
{
	if (p->nblocks != rp->nblocks) {
		bundle_error_set(err, b->file, p->at,
		                 _("page '%s' has %zu blocks here but %zu in %s"),
		                 p->id, p->nblocks, rp->nblocks, ref->file);
		return false;
	}
	for (size_t j = 0; j < p->nblocks; j++) {
		const struct block *rk = &rp->blocks[j], *k = &p->blocks[j];

		if (k->kind != rk->kind || !same(k->id, rk->id)) {
			bundle_error_set(err, b->file, k->at,
			                 _("block %zu of page '%s' is a %s with id %s here "
			                   "but a %s with id %s in %s"),
			                 j + 1, p->id, block_kind_name(k->kind),
			                 or_none(k->id), block_kind_name(rk->kind),
			                 or_none(rk->id), ref->file);
			return false;
		}
		if (k->nitems != rk->nitems) {
			bundle_error_set(err, b->file, k->at,
			                 _("this list has %zu items here but %zu in %s"),
			                 k->nitems, rk->nitems, ref->file);
			return false;
		}
		if (!same(k->page, rk->page) || !same(k->block, rk->block)) {
			bundle_error_set(err, b->file, k->at,
			                 _("this link leads elsewhere than in %s"),
			                 ref->file);
			return false;
		}
	}
	return true;
}

bool
bundle_check_parallel(const struct bundle *ref, const struct bundle *b,
                      struct bundle_error *err)
{
	if (b->npages != ref->npages) {
		bundle_error_set(err, b->file, (struct mark){1, 1},
		                 _("%zu pages here but %zu in %s"), b->npages,
		                 ref->npages, ref->file);
		return false;
	}
	for (size_t i = 0; i < b->npages; i++) {
		const struct page *rp = &ref->pages[i], *p = &b->pages[i];

		if (strcmp(p->id, rp->id) != 0) {
			bundle_error_set(err, b->file, p->id_at,
			                 _("page %zu is '%s' here but '%s' in %s"), i + 1,
			                 p->id, rp->id, ref->file);
			return false;
		}
		if (!check_blocks(ref, rp, b, p, err))
			return false;
	}
	if (b->ntags != ref->ntags) {
		bundle_error_set(err, b->file, (struct mark){1, 1},
		                 _("%zu tags here but %zu in %s"), b->ntags,
		                 ref->ntags, ref->file);
		return false;
	}
	for (size_t i = 0; i < b->ntags; i++) {
		const struct tag *rt = &ref->tags[i], *t = &b->tags[i];

		if (t->weight != rt->weight || !same(t->page, rt->page)
		    || !same(t->block, rt->block)) {
			bundle_error_set(err, b->file, t->at,
			                 _("tag %zu differs from %s in weight, page or block"),
			                 i + 1, ref->file);
			return false;
		}
	}
	return true;
}

void
bundleset_free(struct bundleset *set)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		bundle_free(set->lang[l]);
		set->lang[l] = NULL;
		free(set->why[l]);
		set->why[l] = NULL;
	}
	set->pending = 0;
	free(set->dir);
	set->dir = NULL;
}

/* Language l's file, read and checked on its own: the language it says
 * it is must be the one it is named for. */
static struct bundle *
load_file(enum lang l, const char *path, struct bundle_error *err)
{
	struct bundle *b = bundle_load_file(path, err);

	if (b != NULL && strcmp(b->lang, lang_code(l)) != 0) {
		bundle_error_set(err, path, b->lang_at,
		                 _("lang is '%s', but the file is named for '%s'"),
		                 b->lang, lang_code(l));
		bundle_free(b);
		return NULL;
	}
	return b;
}

static char *
lang_path(const char *dir, enum lang l)
{
	struct sbuf path = {0};

	sbuf_printf(&path, "%s/%s.yaml", dir, lang_code(l));
	return path.s;
}

/* Is l's file there (or there but unreadable: loading will say why)? */
static bool
file_there(const char *dir, enum lang l)
{
	char *path = lang_path(dir, l);
	bool there = access(path, F_OK) == 0 || errno != ENOENT;

	free(path);
	return there;
}

static void
init(struct bundleset *set, const char *dir)
{
	memset(set, 0, sizeof *set);
	set->dir = xstrdup(dir);
}

static bool
none_found(struct bundleset *set, const char *dir, struct bundle_error *err)
{
	bundle_error_set(err, dir, (struct mark){0, 0},
	                 _("no bundle here (expected one of %s)"),
	                 lang_list(LANG_LIST_FILES));
	bundleset_free(set);
	return false;
}

/* --check, --dump and a reload read every file: two at a time, on the
 * machine's second core, each file read and checked on its own by
 * whichever thread takes it first; what they found is then taken in the
 * order of the languages, so that the result, and the error reported
 * (the first language's), are those of reading them one by one.  The
 * parts of the first language's work are taken the same way, once the
 * files are all taken. */
struct loading {
	const char *dir;
	unsigned there;			/* bit l: l's file is there */
	atomic_int next;		/* the next language to take */
	struct bundle *b[LANG_COUNT];
	struct bundle_error err[LANG_COUNT];
	const struct first_work *w;
	atomic_size_t nparts;		/* 0 until ready has said */
	atomic_size_t next_part;
#if defined HAVE_PTHREAD_ATTR_SETAFFINITY_NP && defined HAVE_SCHED_GETCPU
	cpu_set_t cpus;			/* where the process may run */
	bool placed;			/* the helper started elsewhere */
#endif
};

static void
load_some(struct loading *j)
{
	int l;

	while ((l = atomic_fetch_add(&j->next, 1)) < LANG_COUNT) {
		char *path;

		if (!(j->there & (1u << l)))
			continue;
		path = lang_path(j->dir, (enum lang)l);
		j->b[l] = load_file((enum lang)l, path, &j->err[l]);
		free(path);
	}
}

/* The parts ready has announced, if it has yet: a helper that finds
 * none leaves the rest to the thread that calls ready. */
static void
do_parts(struct loading *j)
{
	size_t n = atomic_load(&j->nparts), i;

	if (n == 0)
		return;		/* (and next_part stays untouched) */
	while ((i = atomic_fetch_add(&j->next_part, 1)) < n)
		j->w->part(i, j->w->arg);
}

static void *
loader_thread(void *arg)
{
#if defined HAVE_PTHREAD_ATTR_SETAFFINITY_NP && defined HAVE_SCHED_GETCPU
	struct loading *j = arg;

	/* Started on another core; free to move from now on. */
	if (j->placed)
		(void)pthread_setaffinity_np(pthread_self(), sizeof j->cpus, &j->cpus);
#endif
	load_some(arg);
	do_parts(arg);
	return NULL;
}

/* The helper, started on a core other than this thread's.  Linux puts a
 * new thread on its creator's core and moves one of the two only at the
 * next balancing, a tick later: in three starts out of eight here the
 * helper began 2.7 to 3.1 ms late, against 0.1 to 0.3 ms started
 * elsewhere -- a tenth of a --dump at 100 x the real content. */
static bool
start_helper(pthread_t *thread, struct loading *j)
{
#if defined HAVE_PTHREAD_ATTR_SETAFFINITY_NP && defined HAVE_SCHED_GETCPU
	pthread_attr_t attr;
	cpu_set_t other;
	int here = sched_getcpu();
	bool ok;

	if (here >= 0 && here < CPU_SETSIZE
	    && sched_getaffinity(0, sizeof j->cpus, &j->cpus) == 0
	    && pthread_attr_init(&attr) == 0) {
		other = j->cpus;
		CPU_CLR(here, &other);
		j->placed = CPU_COUNT(&other) > 0
		            && pthread_attr_setaffinity_np(&attr, sizeof other, &other) == 0;
		ok = pthread_create(thread, &attr, loader_thread, j) == 0;
		pthread_attr_destroy(&attr);
		return ok;
	}
#endif
	return pthread_create(thread, NULL, loader_thread, j) == 0;
}

unsigned
bundleset_files(const char *dir)
{
	unsigned there = 0;

	for (int l = 0; l < LANG_COUNT; l++)
		if (file_there(dir, (enum lang)l))
			there |= 1u << l;
	return there;
}

bool
bundleset_load(struct bundleset *set, const char *dir,
               struct bundle_error *err)
{
	return bundleset_load_first(set, dir, -1, NULL, err);
}

bool
bundleset_load_first(struct bundleset *set, const char *dir, int first_lang,
                     const struct first_work *w, struct bundle_error *err)
{
	struct loading *j = xcalloc(1, sizeof *j);
	unsigned there = bundleset_files(dir);
	pthread_t thread;
	bool first = true, helped, ok = true;

	init(set, dir);
	if (there == 0) {
		free(j);
		return none_found(set, dir, err);
	}
	if (first_lang >= 0 && !(there & (1u << first_lang)))
		first_lang = -1;
	j->dir = dir;
	j->w = w;
	atomic_init(&j->nparts, 0);
	atomic_init(&j->next_part, 0);
	/* The first language is this thread's; the helper starts on the
	 * others at once. */
	j->there = first_lang >= 0 ? there & ~(1u << first_lang) : there;
	atomic_init(&j->next, 0);
	/* Built once here, not by two threads at once in a message. */
	for (int k = LANG_LIST_CODES; k <= LANG_LIST_FILES; k++)
		(void)lang_list((enum lang_list)k);
	helped = (there & (there - 1)) != 0 && start_helper(&thread, j);
	if (first_lang >= 0) {
		char *path = lang_path(dir, (enum lang)first_lang);

		j->b[first_lang] = load_file((enum lang)first_lang, path, &j->err[first_lang]);
		free(path);
		if (j->b[first_lang] != NULL && w != NULL)
			atomic_store(&j->nparts, w->ready(j->b[first_lang], w->arg));
	}
	load_some(j);
	do_parts(j);
	if (helped)
		pthread_join(thread, NULL);
	for (int l = 0; l < LANG_COUNT; l++) {
		struct bundle *b = j->b[l];

		if (!(there & (1u << l)))
			continue;
		j->b[l] = NULL;
		if (ok && b == NULL) {
			*err = j->err[l];
			ok = false;
		} else if (ok && !first && !bundle_check_parallel(set->lang[set->ref], b, err)) {
			ok = false;
		}
		if (!ok) {
			bundle_free(b);
			continue;
		}
		set->lang[l] = b;
		if (first)
			set->ref = (enum lang)l;
		first = false;
	}
	free(j);
	if (!ok)
		bundleset_free(set);
	return ok;
}

bool
bundleset_open(struct bundleset *set, const char *dir, enum lang *l,
               bool fallback, bool *missing, struct bundle_error *err)
{
	enum lang shown = *l;
	char *path;

	init(set, dir);
	*missing = false;
	for (int k = 0; k < LANG_COUNT; k++)
		if (file_there(dir, (enum lang)k))
			set->pending |= 1u << k;
	if (set->pending == 0)
		return none_found(set, dir, err);
	if (!(set->pending & (1u << shown))) {
		*missing = true;
		if (!fallback) {
			bundleset_free(set);
			return false;
		}
		/* English, else the one after it: not the language after
		 * the missing one, as the environment named none of ours as
		 * far as this bundle goes. */
		shown = LANG_EN;
		while (!(set->pending & (1u << shown)))
			shown = (enum lang)((shown + 1) % LANG_COUNT);
	}
	set->pending &= ~(1u << shown);
	path = lang_path(dir, shown);
	set->lang[shown] = load_file(shown, path, err);
	free(path);
	if (set->lang[shown] == NULL) {
		bundleset_free(set);
		return false;
	}
	set->ref = shown;
	*l = shown;
	return true;
}

int
bundleset_load_pending(struct bundleset *set)
{
	struct bundle_error err;
	struct bundle *b;
	char *path;
	int l = 0;

	if (set->pending == 0)
		return -1;
	while (!(set->pending & (1u << l)))
		l++;
	set->pending &= ~(1u << l);
	path = lang_path(set->dir, (enum lang)l);
	b = load_file((enum lang)l, path, &err);
	free(path);
	if (b != NULL && !bundle_check_parallel(set->lang[set->ref], b, &err)) {
		bundle_free(b);
		b = NULL;
	}
	if (b == NULL)
		set->why[l] = bundle_error_text(&err);
	set->lang[l] = b;
	return l;
}

enum lang
bundleset_step_lang(const struct bundleset *set, enum lang l, int dir,
                    int *skipped)
{
	int step = dir < 0 ? LANG_COUNT - 1 : 1;
	int n = (int)l;

	if (skipped != NULL)
		*skipped = -1;
	for (int i = 0; i < LANG_COUNT; i++) {
		n = (n + step) % LANG_COUNT;
		if (set->lang[n] != NULL)
			return (enum lang)n;
		if (skipped != NULL && *skipped < 0 && set->why[n] != NULL)
			*skipped = n;
	}
	return l;
}

enum lang
bundleset_next_lang(const struct bundleset *set, enum lang l, int dir)
{
	return bundleset_step_lang(set, l, dir, NULL);
}
