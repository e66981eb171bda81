/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundle.h: one language's content -- pages of blocks, and the tags of
 * the cloud -- loaded from a YAML file and checked strictly.  No curses.
 * The file format is documented in iclei-tui-bundle(5). */
#ifndef ICLEI_BUNDLE_H
#define ICLEI_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define BUNDLE_MAX_BYTES (16u << 20)	/* refuse larger files */
#define BUNDLE_MAX_DEPTH 32		/* collections nested deeper */
#define BUNDLE_MAX_ID 64		/* bytes in a page or block id */
#define TAG_WEIGHT_MIN 1
#define TAG_WEIGHT_MAX 10

enum block_kind {
	BLOCK_HEADING,
	BLOCK_PARAGRAPH,
	BLOCK_LIST,
	BLOCK_QUOTE,
	BLOCK_LINK,
};

/* A position in the file, 1-based; line 0 means "none". */
struct mark {
	unsigned line, column;
};

struct block {
	enum block_kind kind;
	char *id;		/* NULL when the block has none */
	char *text;		/* heading, paragraph, quote or link text */
	char **items;		/* list items */
	size_t nitems;
	char *by, *role;	/* quote: who said it; role may be NULL */
	char *page, *block;	/* link: target page, and block or NULL */
	struct mark at, id_at, page_at, block_at;
};

struct page {
	char *id, *title;
	struct block *blocks;
	size_t nblocks;
	struct mark at, id_at;
};

struct tag {
	char *label;
	int weight;		/* TAG_WEIGHT_MIN..TAG_WEIGHT_MAX */
	char *page, *block;	/* block may be NULL */
	struct mark at, page_at, block_at;
};

struct bundle {
	char *file;		/* as given to the loader */
	char *lang;		/* "en", "ko", "ja", "zh" */
	char *name;		/* "English", "한국어", ... */
	char *label;		/* switcher label: "EN", "KR", ... */
	char *title;		/* site title for the top line */
	struct page *pages;
	size_t npages;
	struct tag *tags;
	size_t ntags;
	struct mark lang_at;
};

/* What went wrong, and where: FILE:LINE:COLUMN: MESSAGE.  The file name
 * is already sanitised for printing. */
struct bundle_error {
	char file[4096];
	unsigned line, column;	/* 0 when the error has no position */
	char message[512];
};

/* Load and check a bundle.  On error, fill *err and return NULL; nothing
 * is leaked on any path. */
struct bundle *bundle_load_file(const char *path, struct bundle_error *err);
struct bundle *bundle_load_mem(const char *name, const char *data, size_t len,
                               struct bundle_error *err);
void bundle_free(struct bundle *b);

/* Index of the page or block with that id, or -1. */
int bundle_find_page(const struct bundle *b, const char *id);
int page_find_block(const struct page *p, const char *id);

/* Replace East Asian Ambiguous characters in every text of b by
 * unambiguous ones (for terminals that draw them two columns wide). */
void bundle_make_unambiguous(struct bundle *b);

/* Set *err; the file name is sanitised. */
void bundle_error_set(struct bundle_error *err, const char *file,
                      struct mark at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "FILE:LINE:COLUMN: MESSAGE\n" (or "FILE: MESSAGE\n"). */
void bundle_error_print(const struct bundle_error *err, FILE *fp);
/* The same without the line feed, newly allocated. */
char *bundle_error_text(const struct bundle_error *err);

const char *block_kind_name(enum block_kind kind);

#endif
