/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* fuzz-session.c: what a session does with content, across a reload.
 *
 * Input: byte 0 the width (1..128), byte 1 the pattern's length n, then n
 * bytes of pattern, then a bundle; a line "---reload---" splits it into
 * the bundle first loaded and the one a reload brings.  For each: every
 * page laid out at two widths and searched, the cloud made (or, when the
 * reload keeps the number of tags, relabelled as the cloud mode does),
 * rendered and hit-tested at every cell.
 * Promises: matches lie in their texts, on grapheme boundaries, mapped to
 * lines that exist; a hit is an item of the cloud as it is now (never one
 * of the cloud before the reload); every display line fits the width. */
#include <config.h>

#include <string.h>
#include <unigbrk.h>

#include "bundle.h"
#include "cloud.h"
#include "fuzz.h"
#include "lang.h"
#include "layout.h"
#include "search.h"
#include "util.h"

static const char SPLIT[] = "\n---reload---\n";

static void
check_matches(const struct matches *m, const struct doc *d, const size_t *lines)
{
	for (size_t k = 0; k < m->n; k++) {
		const struct match *x = &m->v[k];
		size_t n = strlen(x->src);
		char *g = xmalloc(n + 1);

		PROMISE(x->start < x->end && x->end <= n, "a match outside its text");
		u8_grapheme_breaks((const uint8_t *)x->src, n, g);
		PROMISE((x->start == 0 || g[x->start]) && (x->end == n || g[x->end]),
		        "a match splits a grapheme cluster");
		PROMISE(lines[k] <= d->n, "a match mapped past the last line");
		free(g);
	}
}

static void
pages(const struct bundle *b, int width, const struct search *s)
{
	struct doc d = {0};
	struct matches m = {0};

	for (size_t i = 0; i < b->npages; i++)
		for (int w = width; w <= width + 7; w += 7) {
			struct layout_opts o = {w, AMBIGUOUS_NARROW,
			                        lang_break_rules(b->lang)};
			size_t *lines;

			layout_page(&d, &b->pages[i], &o);
			for (size_t k = 0; k < d.n; k++)
				PROMISE(d.v[k].width <= d.width, "a line wider than the width");
			if (s->nfold == 0)
				continue;
			search_page(s, &b->pages[i], &m);
			lines = xcalloc(m.n, sizeof *lines);
			search_map_lines(&d, &m, lines);
			check_matches(&m, &d, lines);
			free(lines);
		}
	doc_free(&d);
	free(m.v);
}

static void
hit_everywhere(const struct cloud *c, const struct cloud_frame *f)
{
	for (int y = -1; y <= f->h; y++)
		for (int x = -1; x <= f->w; x++) {
			int i = cloud_hit(c, f, x, y);

			PROMISE(i >= -1 && (i < 0 || (size_t)i < c->n),
			        "a hit that is no item of the cloud");
		}
}

/* The cloud mode's rule on a reload: the same number of tags keeps the
 * cloud with new labels; else a new cloud.  The old frame goes. */
static void
reload_cloud(struct cloud *c, struct cloud_frame *f, const struct bundle *old,
             const struct bundle *b)
{
	cloud_frame_free(f);
	if (old->ntags == b->ntags) {
		cloud_relabel(c, b);
		return;
	}
	cloud_free(c);
	cloud_init(c, b, 2026);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundle_error err;
	struct bundle *a, *b = NULL;
	struct search s = {0};
	struct cloud c;
	struct cloud_frame f = {0};
	const char *text, *split;
	size_t n, plen;
	int width;
	char *pattern;

	if (size < 2 || (plen = data[1]) > size - 2)
		return 0;
	width = data[0] % 128 + 1;
	pattern = xmemdup0(data + 2, plen);
	text = (const char *)data + 2 + plen;
	n = size - 2 - plen;
	split = memmem(text, n, SPLIT, sizeof SPLIT - 1);
	a = bundle_load_mem("a.yaml", text, split ? (size_t)(split - text) : n, &err);
	if (split != NULL)
		b = bundle_load_mem("b.yaml", split + sizeof SPLIT - 1,
		                    n - (size_t)(split - text) - (sizeof SPLIT - 1), &err);
	if (a == NULL) {
		bundle_free(b);
		free(pattern);
		return 0;
	}
	search_set(&s, pattern);
	pages(a, width, &s);
	cloud_init(&c, a, 2026);
	cloud_render(&c, &f, width, width / 3 + 1);
	hit_everywhere(&c, &f);
	if (b != NULL) {
		reload_cloud(&c, &f, a, b);
		hit_everywhere(&c, &f);	/* no frame yet: no hit */
		cloud_render(&c, &f, width + 3, width / 3 + 2);
		hit_everywhere(&c, &f);
		pages(b, width, &s);
	}
	cloud_free(&c);
	cloud_frame_free(&f);
	search_free(&s);
	bundle_free(a);
	bundle_free(b);
	free(pattern);
	return 0;
}
