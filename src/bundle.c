/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundle.c: one language's content once loaded -- freeing it, finding
 * its pages and blocks by id, and rewriting its text for terminals that
 * draw East Asian Ambiguous characters wide.
 *
 * The model is plain structs (bundle.h), built only by the loader, which
 * is split by layer: bundle_file.c (the entry points), yaml_read.c,
 * bundle_schema.c, bundle_refs.c and bundle_msg.c; see loader.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "i18n.h"
#include "text.h"

static void
free_block(struct block *b)
{
	free(b->id);
	free(b->text);
	for (size_t i = 0; i < b->nitems; i++)
		free(b->items[i]);
	free(b->items);
	free(b->by);
	free(b->role);
	free(b->page);
	free(b->block);
}

void
bundle_free(struct bundle *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->npages; i++) {
		struct page *p = &b->pages[i];

		for (size_t j = 0; j < p->nblocks; j++)
			free_block(&p->blocks[j]);
		free(p->blocks);
		free(p->id);
		free(p->title);
	}
	free(b->pages);
	for (size_t i = 0; i < b->ntags; i++) {
		free(b->tags[i].label);
		free(b->tags[i].page);
		free(b->tags[i].block);
	}
	free(b->tags);
	free(b->file);
	free(b->lang);
	free(b->name);
	free(b->label);
	free(b->title);
	free(b);
}

int
bundle_find_page(const struct bundle *b, const char *id)
{
	for (size_t i = 0; i < b->npages; i++)
		if (strcmp(b->pages[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
page_find_block(const struct page *p, const char *id)
{
	for (size_t i = 0; i < p->nblocks; i++)
		if (p->blocks[i].id != NULL && strcmp(p->blocks[i].id, id) == 0)
			return (int)i;
	return -1;
}

static void
unambiguous(char **s)
{
	char *t;

	if (*s == NULL)
		return;
	t = text_unambiguous(*s, strlen(*s), NULL);
	free(*s);
	*s = t;
}

void
bundle_make_unambiguous(struct bundle *b)
{
	unambiguous(&b->name);
	unambiguous(&b->label);
	unambiguous(&b->title);
	for (size_t i = 0; i < b->npages; i++) {
		struct page *p = &b->pages[i];

		unambiguous(&p->title);
		for (size_t j = 0; j < p->nblocks; j++) {
			struct block *k = &p->blocks[j];

			unambiguous(&k->text);
			unambiguous(&k->by);
			unambiguous(&k->role);
			for (size_t m = 0; m < k->nitems; m++)
				unambiguous(&k->items[m]);
		}
	}
	for (size_t i = 0; i < b->ntags; i++)
		unambiguous(&b->tags[i].label);
}

const char *
block_kind_name(enum block_kind kind)
{
	switch (kind) {
	case BLOCK_HEADING:
		return _("heading");
	case BLOCK_PARAGRAPH:
		return _("paragraph");
	case BLOCK_LIST:
		return _("list");
	case BLOCK_QUOTE:
		return _("quote");
	case BLOCK_LINK:
		return _("link");
	}
	return "?";
}
