/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* dump.c: --dump, the pages as plain text through the layout engine. */
#include <config.h>

#include <string.h>

#include "charset.h"
#include "dump.h"
#include "sanitize.h"
#include "util.h"

static void
add_repeated(struct sbuf *b, char c, int n)
{
	for (int i = 0; i < n; i++)
		sbuf_addc(b, c);
}

void
dump_line(struct sbuf *b, const struct doc *d, const struct dline *l)
{
	switch (l->style) {
	case LS_BLANK:
		return;
	case LS_TITLE_RULE:
	case LS_HEADING_RULE:
		add_repeated(b, layout_rule_char(l->style), l->width);
		return;
	default:
		break;
	}
	add_repeated(b, ' ', l->indent);
	sbuf_adds(b, layout_mark(l->mark, d->ambig));
	if (l->overwide) {
		/* A character wider than the whole line cannot be shown. */
		add_repeated(b, '?', l->width - l->indent
		                     - layout_mark_width(l->mark, d->ambig));
		return;
	}
	/* Content was checked on load, every character once, and the
	 * layout only cuts it at character boundaries: it goes out as it
	 * is (a debug build checks that). */
	SANITIZE_TRUSTED(l->src + l->start, l->end - l->start, "dump_line");
	sbuf_add(b, l->src + l->start, l->end - l->start);
}

void
dump_page(struct sbuf *out, struct doc *d, const struct bundle *b, size_t i,
          bool after_another, const struct layout_opts *o)
{
	if (after_another)
		sbuf_addc(out, '\n');	/* the blank line between pages */
	layout_page(d, &b->pages[i], o);
	for (size_t k = 0; k < d->n; k++) {
		dump_line(out, d, &d->v[k]);
		sbuf_addc(out, '\n');
	}
}

int
dump_bundle(FILE *fp, const struct bundle *b, int page,
            const struct layout_opts *o)
{
	struct doc d = {0};
	struct sbuf out = {0};
	size_t first = page < 0 ? 0 : (size_t)page;
	size_t last = page < 0 ? b->npages : (size_t)page + 1;
	int rc = 0;

	for (size_t i = first; i < last && rc == 0; i++) {
		out.len = 0;
		dump_page(&out, &d, b, i, i > first, o);
		if (charset_write(fp, out.s, out.len) != 0)
			rc = -1;
	}
	doc_free(&d);
	sbuf_free(&out);
	return rc;
}
