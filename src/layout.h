/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* layout.h: a page of the bundle as display lines at a given width.
 *
 * The same lines feed --dump and the screen: each is an indent, an
 * optional mark (bullet, quote bar, link arrow, attribution dash) and a
 * slice of one of the bundle's texts, with its style and its place in the
 * page (block, part), so a view can keep the reader's position across a
 * resize or a language switch.  No curses here. */
#ifndef ICLEI_LAYOUT_H
#define ICLEI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle.h"
#include "text.h"

enum line_style {
	LS_BLANK,
	LS_TITLE,		/* the page title */
	LS_TITLE_RULE,		/* ===== under it */
	LS_HEADING,
	LS_HEADING_RULE,	/* ----- under a heading */
	LS_PARAGRAPH,
	LS_ITEM,		/* a list item */
	LS_QUOTE,
	LS_ATTRIBUTION,		/* who said it, and their role */
	LS_LINK,
};

enum line_mark {
	MARK_NONE,
	MARK_BULLET,		/* "• " */
	MARK_BAR,		/* "│ " */
	MARK_ARROW,		/* "→ " */
	MARK_DASH,		/* "— " */
};

struct dline {
	const char *src;	/* the text shown; NULL on blank and rule lines */
	size_t start, end;	/* the bytes of src on this line */
	int width;		/* columns of the whole line, indent included */
	short indent;		/* blank columns before the mark */
	unsigned char mark;	/* enum line_mark */
	unsigned char style;	/* enum line_style */
	int block;		/* block index in the page; -1: the title */
	short part;		/* list: item; quote: 0 text, 1 by, 2 role;
				   -1: the blank line before the block */
	bool overwide;		/* one grapheme wider than the line: draw
				   `width` columns of placeholder instead */
};

struct prep_cache;

struct doc {
	struct dline *v;
	size_t n, cap;
	int width;
	enum ambiguous ambig;
	/* What layout found in the page's texts whatever the width (break
	 * opportunities, grapheme widths), kept for the next layout of the
	 * same page at another width; private to layout.c. */
	struct prep_cache *prep;
};

struct layout_opts {
	int width;		/* columns, >= 1 */
	enum ambiguous ambig;	/* chooses the marks' characters */
	enum break_rules rules;
};

/* Replace d's lines with page p laid out by o.  Laid out again (another
 * width), p's texts are not looked at again but to see that they are
 * the same: each one's breaks and widths are found once. */
void layout_page(struct doc *d, const struct page *p, const struct layout_opts *o);
void doc_free(struct doc *d);

/* The mark's characters (with its trailing space) and width. */
const char *layout_mark(enum line_mark mark, enum ambiguous ambig);
int layout_mark_width(enum line_mark mark, enum ambiguous ambig);

/* The character a rule line repeats. */
char layout_rule_char(enum line_style style);

/* First line showing block `block` (-1: the title), or d->n. */
size_t doc_block_line(const struct doc *d, int block);

#endif
