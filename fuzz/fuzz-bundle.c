/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* fuzz-bundle.c: any bytes as a bundle file.  The loader must not crash,
 * leak or hang; when it accepts the file, every page must lay out at a
 * few widths within the width, and --dump's output must hold no control
 * character but line feeds. */
#include <config.h>

#include <string.h>

#include "bundle.h"
#include "dump.h"
#include "fuzz.h"
#include "lang.h"
#include "layout.h"
#include "text.h"
#include "util.h"

static void
check_dump(const struct bundle *b, int width, enum ambiguous ambig)
{
	struct layout_opts o = {width, ambig, lang_break_rules(b->lang)};
	struct doc d = {0};
	struct sbuf out = {0};

	for (size_t i = 0; i < b->npages; i++) {
		layout_page(&d, &b->pages[i], &o);
		for (size_t k = 0; k < d.n; k++) {
			PROMISE(d.v[k].width <= width, "a line wider than the width");
			out.len = 0;
			dump_line(&out, &d, &d.v[k]);
			for (size_t j = 0; j < out.len; j++) {
				unsigned char c = (unsigned char)out.s[j];

				PROMISE(c >= 0x20 && c != 0x7f, "a control byte in --dump");
				PROMISE(!(c == 0xc2 && j + 1 < out.len
				          && (unsigned char)out.s[j + 1] >= 0x80
				          && (unsigned char)out.s[j + 1] <= 0x9f),
				        "a C1 control in --dump");
			}
			PROMISE(text_width(out.s ? out.s : "", out.len) == d.v[k].width,
			        "a line's width is not what it draws");
		}
	}
	doc_free(&d);
	sbuf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundle_error err;
	struct bundle *b = bundle_load_mem("fuzz.yaml", (const char *)data, size, &err);

	if (b == NULL) {
		PROMISE(err.message[0] != '\0', "an error without a message");
		return 0;
	}
	check_dump(b, 1, AMBIGUOUS_NARROW);
	check_dump(b, 17, AMBIGUOUS_NARROW);
	check_dump(b, 80, AMBIGUOUS_NARROW);
	bundle_make_unambiguous(b);
	check_dump(b, 30, AMBIGUOUS_WIDE);
	bundle_free(b);
	return 0;
}
