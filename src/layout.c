/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* layout.c: a page of the bundle as display lines at a given width. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "util.h"

enum {
	LIST_INDENT = 2,	/* "  • item" */
	QUOTE_INDENT = 2,	/* "  │ quote" */
	MIN_TEXT = 8,		/* below this, indents give way to text */
};

const char *
layout_mark(enum line_mark mark, enum ambiguous ambig)
{
	/* The narrow forms are East Asian Ambiguous: a terminal that draws
	 * those two columns wide gets ASCII ones. */
	static const char *const marks[][2] = {
		[MARK_NONE] = {"", ""},
		[MARK_BULLET] = {"\u2022 ", "* "},
		[MARK_BAR] = {"\u2502 ", "| "},
		[MARK_ARROW] = {"\u2192 ", "-> "},
		[MARK_DASH] = {"\u2014 ", "-- "},
	};

	return marks[mark][ambig == AMBIGUOUS_WIDE];
}

int
layout_mark_width(enum line_mark mark, enum ambiguous ambig)
{
	const char *m = layout_mark(mark, ambig);

	return text_width(m, strlen(m));
}

char
layout_rule_char(enum line_style style)
{
	return style == LS_TITLE_RULE ? '=' : '-';
}

static struct dline *
add(struct doc *d, enum line_style style, int block, int part)
{
	struct dline *l;

	grow(&d->v, &d->cap, d->n + 1, sizeof *d->v);
	l = &d->v[d->n++];
	memset(l, 0, sizeof *l);
	l->style = (unsigned char)style;
	l->block = block;
	l->part = (short)part;
	return l;
}

/* The blank line before a block belongs to it, as part -1. */
static void
add_blank(struct doc *d, int block)
{
	add(d, LS_BLANK, block, -1);
}

/* Where text goes: `col` columns in, after `mark` at `mark_indent`. */
struct hang {
	int mark_indent, col;
	enum line_mark mark;
};

/* The hang of text after `mark` at `mark_indent`, on a line d->width
 * wide.  When the line is too narrow for it, the indent goes first (when
 * fewer than MIN_TEXT columns would be left for the text), then the mark
 * (when even then fewer than MIN_TEXT / 2 would be). */
static struct hang
fit(const struct doc *d, int mark_indent, enum line_mark mark)
{
	struct hang h = {mark_indent, 0, mark};

	h.col = mark_indent + layout_mark_width(mark, d->ambig);
	if (d->width - h.col < MIN_TEXT) {
		h.col -= h.mark_indent;
		h.mark_indent = 0;
	}
	if (d->width - h.col < MIN_TEXT / 2) {
		h.col = 0;
		h.mark = MARK_NONE;
	}
	return h;
}

/* ------------------------------------------------ what does not change with the width */

struct prep_entry {
	const char *src;
	size_t n;
	uint64_t hash;		/* of the text: the same pointer may hold another */
	enum break_rules rules;
	struct tprep p;
};

/* The prepared texts of one page, in the order layout meets them. */
struct prep_cache {
	const struct page *page;
	struct prep_entry *v;
	size_t n, cap, next;
};

static uint64_t
text_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

static void
prep_drop(struct prep_cache *c, size_t from)
{
	for (size_t i = from; i < c->n; i++)
		text_prep_free(&c->v[i].p);
	c->n = from;
}

/* The next text's preparation: the one kept from the last layout if it
 * is of the same text, else made now in its place. */
static const struct tprep *
prepared(struct doc *d, const char *src, size_t n, enum break_rules rules)
{
	struct prep_cache *c = d->prep;
	uint64_t h = text_hash(src, n);
	struct prep_entry *e;

	if (c->next < c->n) {
		e = &c->v[c->next++];
		if (e->src == src && e->n == n && e->hash == h && e->rules == rules)
			return &e->p;
		text_prep_free(&e->p);
	} else {
		grow(&c->v, &c->cap, c->n + 1, sizeof *c->v);
		e = &c->v[c->n++];
		c->next = c->n;
	}
	*e = (struct prep_entry){src, n, h, rules, {NULL, NULL}};
	text_prepare(src, n, rules, &e->p);
	return &e->p;
}

/* Wrap src into lines whose text starts h.col columns in; the first line
 * (or, with every_line, each line) carries the mark.  Returns the widest
 * line's width. */
static int
add_text(struct doc *d, const struct layout_opts *o, const char *src,
         struct hang h, bool every_line, enum line_style style, int block,
         int part)
{
	struct tlines tl = {0};
	int widest = 0;
	size_t n = strlen(src);

	text_wrap_prepared(src, n, d->width - h.col, prepared(d, src, n, o->rules), &tl);
	for (size_t i = 0; i < tl.n; i++) {
		struct dline *l = add(d, style, block, part);
		bool marked = (i == 0 || every_line) && h.mark != MARK_NONE;

		l->src = src;
		l->start = tl.v[i].start;
		l->end = tl.v[i].end;
		l->overwide = tl.v[i].overwide;
		l->mark = (unsigned char)(marked ? h.mark : MARK_NONE);
		l->indent = (short)(marked ? h.mark_indent : h.col);
		l->width = h.col + tl.v[i].width;
		if (tl.v[i].end == tl.v[i].start && !marked)
			l->width = l->indent = 0;	/* no trailing blanks */
		if (l->width > widest)
			widest = l->width;
	}
	free(tl.v);
	return widest;
}

static void
add_rule(struct doc *d, enum line_style style, int width, int block)
{
	struct dline *l = add(d, style, block, 0);

	l->width = width;
}

static void
layout_quote(struct doc *d, const struct layout_opts *o, const struct block *b,
             int j)
{
	struct hang h = fit(d, QUOTE_INDENT, MARK_BAR);

	add_text(d, o, b->text, h, true, LS_QUOTE, j, 0);
	/* The attribution hangs under the quote's text: "— name", then the
	 * role aligned with the name. */
	h = fit(d, h.col, MARK_DASH);
	add_text(d, o, b->by, h, false, LS_ATTRIBUTION, j, 1);
	if (b->role != NULL) {
		h.mark = MARK_NONE;
		add_text(d, o, b->role, h, false, LS_ATTRIBUTION, j, 2);
	}
}

static void
layout_block(struct doc *d, const struct layout_opts *o, const struct block *b,
             int j)
{
	struct hang plain = {0, 0, MARK_NONE};
	int w;

	switch (b->kind) {
	case BLOCK_HEADING:
		w = add_text(d, o, b->text, plain, false, LS_HEADING, j, 0);
		add_rule(d, LS_HEADING_RULE, w, j);
		break;
	case BLOCK_PARAGRAPH:
		add_text(d, o, b->text, plain, false, LS_PARAGRAPH, j, 0);
		break;
	case BLOCK_LIST:
		for (size_t k = 0; k < b->nitems; k++)
			add_text(d, o, b->items[k], fit(d, LIST_INDENT, MARK_BULLET),
			         false, LS_ITEM, j, (int)k);
		break;
	case BLOCK_QUOTE:
		layout_quote(d, o, b, j);
		break;
	case BLOCK_LINK:
		add_text(d, o, b->text, fit(d, 0, MARK_ARROW), false, LS_LINK, j, 0);
		break;
	}
}

void
layout_page(struct doc *d, const struct page *p, const struct layout_opts *o)
{
	struct hang plain = {0, 0, MARK_NONE};
	int w;

	d->n = 0;
	d->width = o->width < 1 ? 1 : o->width;
	d->ambig = o->ambig;
	if (d->prep == NULL)
		d->prep = xcalloc(1, sizeof *d->prep);
	if (d->prep->page != p) {
		prep_drop(d->prep, 0);
		d->prep->page = p;
	}
	d->prep->next = 0;
	w = add_text(d, o, p->title, plain, false, LS_TITLE, -1, 0);
	add_rule(d, LS_TITLE_RULE, w, -1);
	for (size_t j = 0; j < p->nblocks; j++) {
		add_blank(d, (int)j);
		layout_block(d, o, &p->blocks[j], (int)j);
	}
}

void
doc_free(struct doc *d)
{
	if (d->prep != NULL) {
		prep_drop(d->prep, 0);
		free(d->prep->v);
		free(d->prep);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}

size_t
doc_block_line(const struct doc *d, int block)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].block == block && d->v[i].style != LS_BLANK)
			return i;
	return d->n;
}
