/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundle_refs.c: the references between pages, blocks and tags.
 *
 * Once the whole file is read: page ids are unique, block ids are unique
 * within their page, and every link and every tag leads to a page that
 * exists, and to a block of it when it names one.  This needs the whole
 * model, so it runs after bundle_schema.c, on what it built; positions
 * come from the marks the schema kept beside each id. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "loader.h"
#include "util.h"

struct idref {
	const char *id;
	size_t owner;		/* page index, for block ids */
	size_t order;		/* position in the file */
	struct mark at;
};

static int
cmp_idref(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c;

	if (x->owner != y->owner)
		return x->owner < y->owner ? -1 : 1;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Sort refs; report the earliest second use of an id.  Sorting keeps
 * this O(n log n) for hostile files with many thousands of ids. */
static bool
check_unique(struct loader *L, struct idref *refs, size_t n, bool blocks)
{
	const struct idref *dup = NULL, *first = NULL;

	if (n == 0)
		return true;	/* (and refs may be NULL) */
	qsort(refs, n, sizeof *refs, cmp_idref);
	for (size_t i = 1; i < n; i++) {
		size_t f = i - 1;

		if (refs[i].owner != refs[f].owner || strcmp(refs[i].id, refs[f].id) != 0)
			continue;
		while (f > 0 && refs[f - 1].owner == refs[i].owner
		       && strcmp(refs[f - 1].id, refs[i].id) == 0)
			f--;
		if (dup == NULL || refs[i].order < dup->order) {
			dup = &refs[i];
			first = &refs[f];
		}
	}
	if (dup == NULL)
		return true;
	if (blocks)
		return ld_fail(L, dup->at,
		               _("duplicate block id '%s' in this page (first at %u:%u)"),
		               dup->id, first->at.line, first->at.column);
	return ld_fail(L, dup->at, _("duplicate page id '%s' (first at %u:%u)"),
	               dup->id, first->at.line, first->at.column);
}

static const struct idref *
find_ref(const struct idref *refs, size_t n, size_t owner, const char *id)
{
	struct idref key = {id, owner, 0, {0, 0}};
	size_t lo = 0, hi = n;

	/* Lower bound on (owner, id), ignoring order. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = refs[mid].owner != owner
		        ? (refs[mid].owner < owner ? -1 : 1)
		        : strcmp(refs[mid].id, key.id);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && refs[lo].owner == owner && strcmp(refs[lo].id, id) == 0)
		return &refs[lo];
	return NULL;
}

/* A link's or tag's target: an existing page, and block in it. */
static bool
check_target(struct loader *L, const struct idref *pages, size_t npages,
             const struct idref *blocks, size_t nblocks, const char *page,
             struct mark page_at, const char *block, struct mark block_at)
{
	const struct idref *p = find_ref(pages, npages, 0, page);

	if (p == NULL)
		return ld_fail(L, page_at, _("there is no page '%s'"), page);
	if (block != NULL && find_ref(blocks, nblocks, p->order, block) == NULL)
		return ld_fail(L, block_at, _("page '%s' has no block '%s'"), page, block);
	return true;
}

bool
ld_check_references(struct loader *L, const struct bundle *b)
{
	struct idref *pages = xcalloc(b->npages, sizeof *pages);
	struct idref *blocks = NULL;
	size_t nblocks = 0, cap = 0;
	bool ok;

	for (size_t i = 0; i < b->npages; i++) {
		const struct page *p = &b->pages[i];

		pages[i] = (struct idref){p->id, 0, i, p->id_at};
		for (size_t j = 0; j < p->nblocks; j++) {
			if (p->blocks[j].id == NULL)
				continue;
			grow(&blocks, &cap, nblocks + 1, sizeof *blocks);
			blocks[nblocks] = (struct idref){p->blocks[j].id, i,
			                                 nblocks, p->blocks[j].id_at};
			nblocks++;
		}
	}
	ok = check_unique(L, pages, b->npages, false)
	     && check_unique(L, blocks, nblocks, true);
	for (size_t i = 0; ok && i < b->npages; i++)
		for (size_t j = 0; ok && j < b->pages[i].nblocks; j++) {
			const struct block *k = &b->pages[i].blocks[j];

			if (k->kind == BLOCK_LINK)
				ok = check_target(L, pages, b->npages, blocks, nblocks,
				                  k->page, k->page_at, k->block,
				                  k->block_at);
		}
	for (size_t i = 0; ok && i < b->ntags; i++) {
		const struct tag *t = &b->tags[i];

		ok = check_target(L, pages, b->npages, blocks, nblocks, t->page,
		                  t->page_at, t->block, t->block_at);
	}
	free(pages);
	free(blocks);
	return ok;
}
