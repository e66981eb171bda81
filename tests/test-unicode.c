/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-unicode.c: the text module and libunistring against the Unicode
 * conformance data (Debian: unicode-data) -- UAX #14 line breaks, UAX #29
 * grapheme clusters, UAX #11 East Asian Ambiguous characters -- and a few
 * widths that need no data.
 *
 * libunistring deliberately departs from some LineBreakTest lines.
 * tests/linebreak-deviations.txt pins them: a failing line missing from
 * it fails the test, and so does a pinned line that now passes.  To
 * regenerate it (after checking that the change is not ours):
 *
 *   UPDATE_DEVIATIONS=1 DEVIATIONS_OUT=tests/linebreak-deviations.txt \
 *       tests/test-unicode
 *
 * UNICODE_DATA_DIR overrides /usr/share/unicode, the directory holding
 * EastAsianWidth.txt and auxiliary/. */
#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <unistring/version.h>

#include "check.h"
#include "text.h"
#include "util.h"

#define DIVIDE		"\xC3\xB7"	/* U+00F7: a break here */
#define TIMES		"\xC3\x97"	/* U+00D7: no break here */
#define MAX_EXAMPLES	10
#define MISSING		"not found (apt-get install unicode-data)"

/* ------------------------------------------------ reading break tests */

/* A line of a break test: its code points, the breaks it expects, and
 * the UTF-8 text they make. */
struct bcase {
	size_t lineno;
	size_t n;		/* code points */
	ucs4_t *cp;
	bool *brk;		/* brk[k]: a break before cp[k], k <= n */
	size_t *off;		/* where cp[k] starts in s; off[n] = len */
	uint8_t *s;
	size_t len;
	char *p;		/* the library's answer, one entry per byte */
	size_t cap;		/* code points the arrays have room for */
};

struct reader {
	const char *path;
	FILE *f;
	char *line;
	size_t linecap;
	size_t lineno;
	char *title;		/* first comment line: name and version */
	size_t malformed;
};

static void
bcase_reserve(struct bcase *t, size_t n)
{
	if (n <= t->cap)
		return;
	t->cp = xreallocarray(t->cp, n, sizeof *t->cp);
	t->brk = xreallocarray(t->brk, n + 1, sizeof *t->brk);
	t->off = xreallocarray(t->off, n + 1, sizeof *t->off);
	t->s = xreallocarray(t->s, n, 4);
	t->p = xreallocarray(t->p, n, 4);
	t->cap = n;
}

static void
bcase_free(struct bcase *t)
{
	free(t->cp);
	free(t->brk);
	free(t->off);
	free(t->s);
	free(t->p);
}

static bool
is_hex(const char *tok)
{
	size_t n = strspn(tok, "0123456789ABCDEFabcdef");

	return n > 0 && n <= 6 && tok[n] == '\0';
}

static bool
add_cp(struct bcase *t, const char *tok)
{
	unsigned long c;
	int len;

	if (!is_hex(tok) || t->n == t->cap)
		return false;
	c = strtoul(tok, NULL, 16);
	if (c > 0x10FFFF)
		return false;
	len = u8_uctomb(t->s + t->len, (ucs4_t)c,
	                (ptrdiff_t)(4 * t->cap - t->len));
	if (len < 0)
		return false;
	t->cp[t->n] = (ucs4_t)c;
	t->off[t->n++] = t->len;
	t->len += (size_t)len;
	return true;
}

/* Parse a line of a break test ("× 0023 ÷ 0020 ÷  # comment") into t.
 * Returns 1 for a test case, 0 for a line with none, -1 for garbage. */
static int
parse_case(char *line, struct bcase *t)
{
	char *save, *tok, *hash = strchr(line, '#');
	size_t nbrk = 0;

	if (hash != NULL)
		*hash = '\0';
	/* A code point takes more than two bytes of the line. */
	bcase_reserve(t, strlen(line) / 2 + 1);
	t->n = t->len = 0;
	for (tok = strtok_r(line, " \t\r\n", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		bool divide = strcmp(tok, DIVIDE) == 0;

		if (divide || strcmp(tok, TIMES) == 0) {
			if (nbrk != t->n)
				return -1;
			t->brk[nbrk++] = divide;
		} else if (nbrk != t->n + 1 || !add_cp(t, tok)) {
			return -1;
		}
	}
	t->off[t->n] = t->len;
	if (nbrk == 0)
		return 0;
	return t->n > 0 && nbrk == t->n + 1 ? 1 : -1;
}

static bool
reader_open(struct reader *r, const char *path)
{
	memset(r, 0, sizeof *r);
	r->path = path;
	r->f = fopen(path, "r");
	return r->f != NULL;
}

/* The first comment line names the file and its version. */
static void
take_title(struct reader *r)
{
	if (r->lineno == 1 && strncmp(r->line, "# ", 2) == 0)
		r->title = xmemdup0(r->line + 2, strcspn(r->line + 2, "\r\n"));
}

/* The next test case of r, into t; false at the end of the file. */
static bool
next_case(struct reader *r, struct bcase *t)
{
	while (getline(&r->line, &r->linecap, r->f) != -1) {
		r->lineno++;
		take_title(r);
		switch (parse_case(r->line, t)) {
		case 1:
			t->lineno = r->lineno;
			return true;
		case -1:
			if (r->malformed++ < MAX_EXAMPLES)
				check_note("%s:%zu: not a test case", r->path,
				           r->lineno);
			break;
		}
	}
	if (ferror(r->f)) {
		check_note("%s: %s", r->path, strerror(errno));
		r->malformed++;
	}
	return false;
}

static void
reader_close(struct reader *r)
{
	if (r->f != NULL)
		fclose(r->f);
	free(r->line);
	free(r->title);
}

static const char *
reader_title(const struct reader *r, const char *fallback)
{
	return r->title != NULL ? r->title : fallback;
}

/* A part whose data file is missing is skipped, not failed. */
static void
report_unreadable(const char *what, const char *path)
{
	int e = errno;

	if (e == ENOENT)
		CHECK(1, "%s # SKIP %s " MISSING, what, path);
	else
		CHECK(0, "%s: cannot read %s: %s", what, path, strerror(e));
}

/* t's code points as the pin file lists them: "0020 0308 0021". */
static void
case_key(const struct bcase *t, struct sbuf *b)
{
	b->len = 0;
	sbuf_add(b, "", 0);
	for (size_t k = 0; k < t->n; k++)
		sbuf_printf(b, "%s%04X", k > 0 ? " " : "", (unsigned)t->cp[k]);
}

/* The first code point before which `got` and t disagree; 0 if none.
 * The break before the first code point and after the last always hold. */
static size_t
first_mismatch(const struct bcase *t,
               bool (*got)(const struct bcase *, size_t))
{
	for (size_t k = 1; k < t->n; k++)
		if (got(t, k) != t->brk[k])
			return k;
	return 0;
}

/* One line of an example list: where and how t and the library differ. */
static void
add_example(struct sbuf *ex, const struct bcase *t, const char *key,
            size_t k)
{
	sbuf_printf(ex, "line %zu: %s: before code point %zu (%04X) "
	            "expected %s, got %s\n", t->lineno, key, k,
	            (unsigned)t->cp[k], t->brk[k] ? DIVIDE : TIMES,
	            t->brk[k] ? TIMES : DIVIDE);
}

/* Each line of ex as a diagnostic. */
static void
note_lines(const struct sbuf *ex)
{
	const char *s = ex->s, *nl;

	if (s == NULL)
		return;
	for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		check_note("%.*s", (int)(nl - s), s);
}

/* ------------------------------------------------ pinned deviations */

struct pin {
	char *key;
	bool seen;		/* the sequence is in LineBreakTest */
	bool failed;		/* and some line of it fails */
};

struct pins {
	struct pin *v;
	size_t n, cap;
	size_t malformed;
};

static int
cmp_pin(const void *a, const void *b)
{
	const struct pin *x = a, *y = b;

	return strcmp(x->key, y->key);
}

static void
pins_add(struct pins *ps, const char *key)
{
	grow(&ps->v, &ps->cap, ps->n + 1, sizeof *ps->v);
	ps->v[ps->n++] = (struct pin){ .key = xstrdup(key) };
}

static bool
pins_has(const struct pins *ps, const char *key)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].key, key) == 0)
			return true;
	return false;
}

static struct pin *
pins_find(const struct pins *ps, const char *key)
{
	struct pin want = { .key = (char *)key };

	if (ps->n == 0)
		return NULL;
	return bsearch(&want, ps->v, ps->n, sizeof *ps->v, cmp_pin);
}

static void
pins_free(struct pins *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->v[i].key);
	free(ps->v);
}

/* A pin file line as a key, normalized like case_key.  Returns 1 for a
 * key, 0 for a blank or comment line, -1 for garbage. */
static int
pin_key(char *line, struct sbuf *key)
{
	char *save, *tok, *hash = strchr(line, '#');

	if (hash != NULL)
		*hash = '\0';
	key->len = 0;
	sbuf_add(key, "", 0);
	for (tok = strtok_r(line, " \t\r\n", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		if (!is_hex(tok))
			return -1;
		sbuf_printf(key, "%s%04lX", key->len > 0 ? " " : "",
		            strtoul(tok, NULL, 16));
	}
	return key->len > 0;
}

/* Read the pin file, sorted and without duplicates, for pins_find. */
static bool
read_pins(const char *path, struct pins *ps)
{
	FILE *f = fopen(path, "r");
	struct sbuf key = {0};
	char *line = NULL;
	size_t cap = 0, lineno = 0, n = 0;
	bool ok;

	if (f == NULL)
		return false;
	while (getline(&line, &cap, f) != -1) {
		lineno++;
		switch (pin_key(line, &key)) {
		case 1:
			pins_add(ps, key.s);
			break;
		case -1:
			check_note("%s:%zu: not a code point sequence", path,
			           lineno);
			ps->malformed++;
			break;
		}
	}
	ok = !ferror(f);
	fclose(f);
	free(line);
	sbuf_free(&key);
	qsort(ps->v, ps->n, sizeof *ps->v, cmp_pin);
	for (size_t i = 0; i < ps->n; i++) {
		if (n > 0 && strcmp(ps->v[n - 1].key, ps->v[i].key) == 0)
			free(ps->v[i].key);
		else
			ps->v[n++] = ps->v[i];
	}
	ps->n = n;
	return ok;
}

/* ------------------------------------------------ UAX #14 line breaks */

struct lbstats {
	size_t lines, agree, pinned, fresh;
	struct sbuf fresh_ex;	/* the first few new failures */
};

/* Does text_breaks put a break before t's code point k? */
static bool
lb_break(const struct bcase *t, size_t k)
{
	/* MANDATORY marks the line feed itself: the break follows it. */
	return t->p[t->off[k]] == UC_BREAK_POSSIBLE ||
	    t->p[t->off[k - 1]] == UC_BREAK_MANDATORY;
}

/* Run every line of r through text_breaks.  Failing sequences go to
 * `failing` (once each); the pins of the lines seen are marked. */
static void
lb_run(struct reader *r, struct pins *pins, struct pins *failing,
       struct lbstats *st)
{
	struct bcase t = {0};
	struct sbuf key = {0};

	while (next_case(r, &t)) {
		struct pin *pin;
		size_t k;

		text_breaks((const char *)t.s, t.len, BREAK_UAX14, t.p);
		k = first_mismatch(&t, lb_break);
		case_key(&t, &key);
		pin = pins_find(pins, key.s);
		st->lines++;
		if (pin != NULL)
			pin->seen = true;
		if (k == 0) {
			st->agree++;
			continue;
		}
		if (!pins_has(failing, key.s))
			pins_add(failing, key.s);
		if (pin != NULL) {
			pin->failed = true;
			st->pinned++;
		} else if (st->fresh++ < MAX_EXAMPLES) {
			add_example(&st->fresh_ex, &t, key.s, k);
		}
	}
	bcase_free(&t);
	sbuf_free(&key);
}

/* The pins that no longer fail, and those not in the data at all. */
static void
check_pins(const struct pins *pins, const char *pinpath)
{
	struct sbuf fixed_ex = {0}, absent_ex = {0};
	size_t fixed = 0, absent = 0;

	for (size_t i = 0; i < pins->n; i++) {
		const struct pin *pin = &pins->v[i];

		if (!pin->seen && absent++ < MAX_EXAMPLES)
			sbuf_printf(&absent_ex, "pinned but not in "
			            "LineBreakTest: %s\n", pin->key);
		else if (pin->seen && !pin->failed && fixed++ < MAX_EXAMPLES)
			sbuf_printf(&fixed_ex, "deviation fixed; remove it "
			            "from %s: %s\n", pinpath, pin->key);
	}
	CHECK(fixed == 0, "LineBreakTest: every pinned deviation still fails "
	      "(%zu fixed)", fixed);
	note_lines(&fixed_ex);
	/* Another version of the data may have dropped a sequence: worth
	 * a look, not a failure. */
	note_lines(&absent_ex);
	if (absent > 0)
		check_note("%zu pinned sequences are not in LineBreakTest",
		           absent);
	sbuf_free(&fixed_ex);
	sbuf_free(&absent_ex);
}

static void
test_linebreak(const char *dir)
{
	struct sbuf path = {0}, pinpath = {0};
	struct pins pins = {0}, failing = {0};
	struct lbstats st = {0};
	struct reader r;
	bool pins_ok;

	sbuf_printf(&path, "%s/auxiliary/LineBreakTest.txt", dir);
	sbuf_printf(&pinpath, "%s/tests/linebreak-deviations.txt",
	            check_srcdir());
	if (!reader_open(&r, path.s)) {
		report_unreadable("LineBreakTest", path.s);
		goto out;
	}
	pins_ok = read_pins(pinpath.s, &pins);
	CHECK(pins_ok && pins.malformed == 0, "pin file %s: %zu deviations",
	      pinpath.s, pins.n);
	lb_run(&r, &pins, &failing, &st);
	CHECK(r.malformed == 0 && st.lines > 0, "%s: %zu of %zu lines agree "
	      "with text_breaks(BREAK_UAX14); %zu pinned deviations, %zu new",
	      reader_title(&r, path.s), st.agree, st.lines, st.pinned,
	      st.fresh);
	CHECK(st.fresh == 0, "LineBreakTest: no failing line missing from "
	      "the pin file (%zu new)", st.fresh);
	note_lines(&st.fresh_ex);
	if (st.fresh > MAX_EXAMPLES)
		check_note("... and %zu more", st.fresh - MAX_EXAMPLES);
	check_pins(&pins, pinpath.s);
	reader_close(&r);
out:
	sbuf_free(&st.fresh_ex);
	pins_free(&pins);
	pins_free(&failing);
	sbuf_free(&path);
	sbuf_free(&pinpath);
}

static void
write_deviations(FILE *f, const struct reader *r, const struct pins *failing)
{
	int v = _libunistring_version;

	fprintf(f,
	    "# linebreak-deviations.txt: the LineBreakTest lines on which\n"
	    "# libunistring's UAX #14 line breaking (text_breaks with\n"
	    "# BREAK_UAX14) deliberately departs from the Unicode data.\n"
	    "# One line per failing test line: its code points, as\n"
	    "# space-separated hex.\n"
	    "#\n"
	    "# tests/test-unicode fails on a failing line not listed here and\n"
	    "# on a listed line that now passes, so the list stays exact.\n"
	    "# Generated from %s with libunistring %d.%d.%d by\n"
	    "#\n"
	    "#   UPDATE_DEVIATIONS=1 \\\n"
	    "#   DEVIATIONS_OUT=tests/linebreak-deviations.txt \\\n"
	    "#       tests/test-unicode\n"
	    "#\n"
	    "# Regenerate after a libunistring or unicode-data upgrade, once\n"
	    "# the diff is known to come from them and not from text.c.\n",
	    reader_title(r, "LineBreakTest.txt"),
	    (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
	for (size_t i = 0; i < failing->n; i++)
		fprintf(f, "%s\n", failing->v[i].key);
}

/* UPDATE_DEVIATIONS=1: write the failing set to DEVIATIONS_OUT, or
 * stdout, instead of testing. */
static int
update_deviations(const char *dir)
{
	const char *out = getenv("DEVIATIONS_OUT");
	struct sbuf path = {0};
	struct pins none = {0}, failing = {0};
	struct lbstats st = {0};
	struct reader r;
	FILE *f = stdout;
	int status = 1;

	sbuf_printf(&path, "%s/auxiliary/LineBreakTest.txt", dir);
	if (!reader_open(&r, path.s)) {
		warnx("%s: %s", path.s, strerror(errno));
		goto out;
	}
	lb_run(&r, &none, &failing, &st);
	if (r.malformed > 0 || st.lines == 0) {
		warnx("%s: unusable test data", path.s);
		goto out;
	}
	if (out != NULL && *out != '\0' && (f = fopen(out, "w")) == NULL) {
		warnx("%s: %s", out, strerror(errno));
		goto out;
	}
	write_deviations(f, &r, &failing);
	if (f == stdout ? fflush(f) != 0 : fclose(f) != 0)
		warnx("%s: %s", f == stdout ? "stdout" : out, strerror(errno));
	else
		status = 0;
	fprintf(stderr, "%zu of %zu lines agree; %zu deviations written\n",
	        st.agree, st.lines, failing.n);
out:
	reader_close(&r);
	sbuf_free(&st.fresh_ex);
	pins_free(&failing);
	sbuf_free(&path);
	return status;
}

/* ------------------------------------------------ UAX #29 graphemes */

static bool
gb_break(const struct bcase *t, size_t k)
{
	return t->p[t->off[k]] != 0;
}

/* libunistring passes every GraphemeBreakTest line: no pins here. */
static void
test_graphemes(const char *dir)
{
	struct sbuf path = {0}, key = {0}, ex = {0};
	struct bcase t = {0};
	struct reader r;
	size_t lines = 0, failed = 0;

	sbuf_printf(&path, "%s/auxiliary/GraphemeBreakTest.txt", dir);
	if (!reader_open(&r, path.s)) {
		report_unreadable("GraphemeBreakTest", path.s);
		goto out;
	}
	while (next_case(&r, &t)) {
		size_t k;

		u8_grapheme_breaks(t.s, t.len, t.p);
		lines++;
		if ((k = first_mismatch(&t, gb_break)) == 0)
			continue;
		if (failed++ < MAX_EXAMPLES) {
			case_key(&t, &key);
			add_example(&ex, &t, key.s, k);
		}
	}
	CHECK(failed == 0 && r.malformed == 0 && lines > 0,
	      "%s: u8_grapheme_breaks agrees on %zu of %zu lines",
	      reader_title(&r, path.s), lines - failed, lines);
	note_lines(&ex);
	reader_close(&r);
out:
	bcase_free(&t);
	sbuf_free(&path);
	sbuf_free(&key);
	sbuf_free(&ex);
}

/* ------------------------------------------------ UAX #11 ambiguous */

/* How text_is_ambiguous does on one class of code points. */
struct eaw {
	size_t checked, wrong;
	struct sbuf ex;		/* the first few wrong ones */
};

static void
expect_ambiguous(struct eaw *e, bool want, unsigned lo, unsigned hi)
{
	for (unsigned c = lo; c <= hi; c++) {
		e->checked++;
		if (text_is_ambiguous(c) == want)
			continue;
		if (e->wrong++ < MAX_EXAMPLES)
			sbuf_printf(&e->ex, "%sU+%04X", e->wrong > 1 ? " " : "",
			            c);
	}
}

static void
report_eaw(struct eaw *e, const char *what)
{
	CHECK(e->checked > 0 && e->wrong == 0,
	      "%s (%zu code points, %zu wrong)", what, e->checked, e->wrong);
	if (e->wrong > 0)
		check_note("e.g. %s", e->ex.s);
	sbuf_free(&e->ex);
}

/* One line of EastAsianWidth.txt ("00A1;A  # Po  ..." or
 * "3400..4DBF;W  # Lo [6592] ..."); false if it has no data. */
static bool
parse_eaw(const char *line, unsigned *lo, unsigned *hi, char cls[3],
          char gc[3])
{
	if (sscanf(line, "%x..%x ; %2[A-Za-z] # %2[A-Za-z&]", lo, hi, cls,
	           gc) == 4)
		return *lo <= *hi && *hi <= 0x10FFFF;
	if (sscanf(line, "%x ; %2[A-Za-z] # %2[A-Za-z&]", lo, cls, gc) == 3) {
		*hi = *lo;
		return *lo <= 0x10FFFF;
	}
	return false;
}

static bool
is_combining(const char *gc)
{
	return strcmp(gc, "Mn") == 0 || strcmp(gc, "Me") == 0 ||
	    strcmp(gc, "Cf") == 0;
}

static void
test_east_asian_width(const char *dir)
{
	struct sbuf path = {0};
	struct eaw amb = {0}, comb = {0}, other = {0};
	struct reader r;
	unsigned lo, hi;
	char cls[3], gc[3];

	sbuf_printf(&path, "%s/EastAsianWidth.txt", dir);
	if (!reader_open(&r, path.s)) {
		report_unreadable("EastAsianWidth", path.s);
		goto out;
	}
	while (getline(&r.line, &r.linecap, r.f) != -1) {
		r.lineno++;
		take_title(&r);
		if (!parse_eaw(r.line, &lo, &hi, cls, gc)) {
			if (r.line[0] != '\0' &&
			    strchr("0123456789ABCDEF", r.line[0]) != NULL &&
			    r.malformed++ < MAX_EXAMPLES)
				check_note("%s:%zu: not understood", path.s,
				           r.lineno);
			continue;
		}
		if (strcmp(cls, "A") == 0) {
			/* Combining and format characters take no column
			 * either way, so the table leaves them out. */
			expect_ambiguous(is_combining(gc) ? &comb : &amb,
			                 !is_combining(gc), lo, hi);
		} else if (lo <= 0xFFFF) {
			/* N, Na, W, F, H: the BMP is sample enough. */
			expect_ambiguous(&other, false, lo,
			                 hi < 0xFFFF ? hi : 0xFFFF);
		}
	}
	if (ferror(r.f))
		r.malformed++;
	CHECK(r.malformed == 0, "%s read", reader_title(&r, path.s));
	report_eaw(&amb, "text_is_ambiguous true for every A code point "
	           "outside Mn/Me/Cf");
	report_eaw(&comb, "text_is_ambiguous false for the A code points in "
	           "Mn/Me/Cf, left out on purpose");
	report_eaw(&other, "text_is_ambiguous false for every N/Na/W/F/H "
	           "code point up to U+FFFF");
	reader_close(&r);
out:
	sbuf_free(&path);
}

/* ------------------------------------------------ no data needed */

static void
check_width(ucs4_t c, const char *name, int want)
{
	int w = text_char_width(c);

	CHECK(w == want, "width of %s is %d (got %d)", name, want, w);
}

static void
test_sanity(void)
{
	check_width('A', "'A'", 1);
	check_width(0xAC00, "U+AC00 HANGUL SYLLABLE GA", 2);
	check_width(0x3042, "U+3042 HIRAGANA LETTER A", 2);
	check_width(0x0301, "U+0301 COMBINING ACUTE ACCENT", 0);
	check_width(0x2019, "U+2019 RIGHT SINGLE QUOTATION MARK", 1);
	CHECK(text_is_ambiguous(0x2019), "U+2019 is East Asian Ambiguous");
	CHECK(!text_is_ambiguous('A'), "'A' is not East Asian Ambiguous");
	CHECK(!text_is_ambiguous(0xAC00), "U+AC00 is not East Asian Ambiguous");
}

int
main(void)
{
	const char *dir = getenv("UNICODE_DATA_DIR");
	const char *update = getenv("UPDATE_DEVIATIONS");

	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/unicode";
	if (update != NULL && strcmp(update, "1") == 0)
		return update_deviations(dir);
	/* A missing data file skips its part only; these always run. */
	test_sanity();
	test_linebreak(dir);
	test_graphemes(dir);
	test_east_asian_width(dir);
	return check_done();
}
