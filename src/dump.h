/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* dump.h: --dump, the pages as plain text through the layout engine. */
#ifndef ICLEI_DUMP_H
#define ICLEI_DUMP_H

#include <stdio.h>

#include "bundle.h"
#include "layout.h"
#include "util.h"

/* Write one display line (no newline) to b, sanitised. */
void dump_line(struct sbuf *b, const struct doc *d, const struct dline *l);

/* Page i of b as --dump prints it, in UTF-8, appended to out, after the
 * blank line between pages when it follows another; d is the caller's,
 * to lay it out in (doc_free it after).  Pages may be laid out on several
 * threads at once, each with its own out and d. */
void dump_page(struct sbuf *out, struct doc *d, const struct bundle *b, size_t i,
               bool after_another, const struct layout_opts *o);

/* Print page `page` of b (every page, in order, when page < 0), laid out
 * by o.  Returns 0, or -1 on a write error (errno set). */
int dump_bundle(FILE *fp, const struct bundle *b, int page,
                const struct layout_opts *o);

#endif
