/* bundleset.c: the content in every language, checked to agree. */
#include <config.h>

#include <errno.h>
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
	}
	free(set->dir);
	set->dir = NULL;
}

static bool
load_one(struct bundleset *set, enum lang l, const char *path,
         struct bundle_error *err)
{
	struct bundle *b = bundle_load_file(path, err);

	if (b == NULL)
		return false;
	set->lang[l] = b;
	if (strcmp(b->lang, lang_code(l)) != 0) {
		bundle_error_set(err, path, b->lang_at,
		                 _("lang is '%s', but the file is named for '%s'"),
		                 b->lang, lang_code(l));
		return false;
	}
	for (int r = 0; r < (int)l; r++)
		if (set->lang[r] != NULL)
			return bundle_check_parallel(set->lang[r], b, err);
	return true;
}

/* Load language l into set if its file is there; false on an error,
 * and *found counts the files seen. */
static bool
load_if_there(struct bundleset *set, const char *dir, enum lang l, int *found,
              struct bundle_error *err)
{
	struct sbuf path = {0};
	bool ok = true;

	sbuf_printf(&path, "%s/%s.yaml", dir, lang_code(l));
	if (access(path.s, F_OK) == 0 || errno != ENOENT) {
		(*found)++;
		ok = load_one(set, l, path.s, err);
	}
	sbuf_free(&path);
	return ok;
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

bool
bundleset_load(struct bundleset *set, const char *dir,
               struct bundle_error *err)
{
	int found = 0;

	memset(set, 0, sizeof *set);
	set->dir = xstrdup(dir);
	for (int l = 0; l < LANG_COUNT; l++)
		if (!load_if_there(set, dir, (enum lang)l, &found, err)) {
			bundleset_free(set);
			return false;
		}
	if (found == 0)
		return none_found(set, dir, err);
	return true;
}

bool
bundleset_load_one(struct bundleset *set, const char *dir, enum lang l,
                   bool *missing, struct bundle_error *err)
{
	int found = 0;

	memset(set, 0, sizeof *set);
	set->dir = xstrdup(dir);
	*missing = false;
	if (!load_if_there(set, dir, l, &found, err)) {
		bundleset_free(set);
		return false;
	}
	if (found == 0) {
		*missing = true;
		return none_found(set, dir, err);
	}
	return true;
}

enum lang
bundleset_next_lang(const struct bundleset *set, enum lang l, int dir)
{
	int step = dir < 0 ? LANG_COUNT - 1 : 1;
	int n = (int)l;

	for (int i = 0; i < LANG_COUNT; i++) {
		n = (n + step) % LANG_COUNT;
		if (set->lang[n] != NULL)
			return (enum lang)n;
	}
	return l;
}
