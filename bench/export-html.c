/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* export-html.c: the bundle as plain HTML, one file per language, for the
 * peers (w3m, lynx) to lay out what iclei-tui --dump lays out.
 *
 *   export-html [-d DATADIR] OUTDIR
 *
 * Reads DATADIR/LL.yaml for every language present with the project's own
 * loader (bundle_load_file, src/libcore.a) -- not through the program
 * under test -- and writes OUTDIR/LL.html: every page in order, with its
 * title as <h1>, headings as <h2>, paragraphs as <p>, lists as <ul>,
 * quotes as <blockquote> with the attribution, links as <a href>, line
 * feeds in a text as <br>, UTF-8 declared in a <meta>.  Prints one line
 * per file: "LL PATH BYTES FIRST-PAGE-TITLE".  A tool of bench/run. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "lang.h"

static void
esc(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\n': fputs("<br>\n", f); break;
		default: fputc(*s, f); break;
		}
	}
}

/* A start tag, with the id when there is one: <tag id="id">. */
static void
start_tag(FILE *f, const char *tag, const char *id)
{
	fprintf(f, "<%s", tag);
	if (id != NULL)
		fprintf(f, " id=\"%s\"", id);
	fputc('>', f);
}

/* An element holding a text: <tag>text</tag>. */
static void
elem(FILE *f, const char *tag, const char *id, const char *s)
{
	start_tag(f, tag, id);
	esc(f, s);
	fprintf(f, "</%s>\n", tag);
}

static void
block_html(FILE *f, const struct page *p, const struct block *b)
{
	char id[2 * BUNDLE_MAX_ID + 2];
	const char *anchor = NULL;

	if (b->id != NULL) {
		snprintf(id, sizeof id, "%s-%s", p->id, b->id);
		anchor = id;
	}
	switch (b->kind) {
	case BLOCK_HEADING:
		elem(f, "h2", anchor, b->text);
		break;
	case BLOCK_PARAGRAPH:
		elem(f, "p", anchor, b->text);
		break;
	case BLOCK_LIST:
		start_tag(f, "ul", anchor);
		fputc('\n', f);
		for (size_t i = 0; i < b->nitems; i++)
			elem(f, "li", NULL, b->items[i]);
		fputs("</ul>\n", f);
		break;
	case BLOCK_QUOTE:
		start_tag(f, "blockquote", anchor);
		fputc('\n', f);
		elem(f, "p", NULL, b->text);
		fputs("<p>\u2014 ", f);
		esc(f, b->by);
		if (b->role != NULL) {
			fputs("<br>\n", f);
			esc(f, b->role);
		}
		fputs("</p>\n</blockquote>\n", f);
		break;
	case BLOCK_LINK:
		start_tag(f, "p", anchor);
		fprintf(f, "<a href=\"#%s%s%s\">", b->page, b->block ? "-" : "",
		        b->block ? b->block : "");
		esc(f, b->text);
		fputs("</a></p>\n", f);
		break;
	}
}

static int
export(const struct bundle *b, const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		return -1;
	}
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	        "<meta charset=\"utf-8\">\n"
	        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
	        "<title>", b->lang);
	esc(f, b->title);
	fputs("</title>\n</head>\n<body>\n", f);
	for (size_t i = 0; i < b->npages; i++) {
		const struct page *p = &b->pages[i];

		elem(f, "h1", p->id, p->title);
		for (size_t j = 0; j < p->nblocks; j++)
			block_html(f, p, &p->blocks[j]);
	}
	fputs("</body>\n</html>\n", f);
	if (ferror(f) | fclose(f)) {
		perror(path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *dir = "data", *out;
	int found = 0, i = 1;

	if (argc > 2 && strcmp(argv[1], "-d") == 0) {
		dir = argv[2];
		i = 3;
	}
	if (argc != i + 1) {
		fprintf(stderr, "usage: export-html [-d DATADIR] OUTDIR\n");
		return 2;
	}
	out = argv[i];
	for (int l = 0; l < LANG_COUNT; l++) {
		const char *code = lang_code((enum lang)l);
		char src[4096], dst[4096];
		struct bundle_error err;
		struct bundle *b;
		FILE *f;
		long size;

		snprintf(src, sizeof src, "%s/%s.yaml", dir, code);
		if ((f = fopen(src, "r")) == NULL)
			continue;
		fclose(f);
		if ((b = bundle_load_file(src, &err)) == NULL) {
			bundle_error_print(&err, stderr);
			return 1;
		}
		snprintf(dst, sizeof dst, "%s/%s.html", out, code);
		if (export(b, dst) != 0) {
			bundle_free(b);
			return 1;
		}
		f = fopen(dst, "r");
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fclose(f);
		printf("%s %s %ld %s\n", code, dst, size, b->pages[0].title);
		bundle_free(b);
		found++;
	}
	if (found == 0) {
		fprintf(stderr, "export-html: no bundle in %s\n", dir);
		return 1;
	}
	return 0;
}
