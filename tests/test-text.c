/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-text.c: the text module -- widths, ambiguous characters, break
 * opportunities per language, and the fill loop on hand-picked cases. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "check.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"

/* The lines of s at width w, joined with '|' (consumed spaces dropped). */
static char *
wrap(const char *s, int w, enum break_rules r)
{
	struct tlines tl = {0};
	struct sbuf b = {0};

	text_wrap(s, strlen(s), w, r, &tl);
	sbuf_add(&b, "", 0);
	for (size_t i = 0; i < tl.n; i++) {
		if (i > 0)
			sbuf_addc(&b, '|');
		if (tl.v[i].overwide)
			sbuf_addc(&b, '#');
		else
			sbuf_add(&b, s + tl.v[i].start, tl.v[i].end - tl.v[i].start);
	}
	free(tl.v);
	return b.s;
}

static void
expect_wrap(const char *s, int w, enum break_rules r, const char *want)
{
	char *got = wrap(s, w, r);
	struct sbuf shown = {0};

	/* Line feeds in the case would break the TAP line: show them as ^J. */
	sanitize_append(&shown, s, strlen(s), false);
	sbuf_add(&shown, "", 0);
	CHECK(strcmp(got, want) == 0, "wrap(\"%s\", %d) = \"%s\" (want \"%s\")",
	      shown.s, w, got, want);
	sbuf_free(&shown);
	free(got);
}

static void
test_widths(void)
{
	CHECK(text_width("abc", 3) == 3, "ASCII is one column a character");
	CHECK(text_width("가나", strlen("가나")) == 4, "Hangul is two columns");
	CHECK(text_width("あ漢", strlen("あ漢")) == 4, "Kana and Han are two");
	CHECK(text_width("e\xcc\x81", 3) == 1, "a combining mark adds nothing");
	CHECK(text_width("’", strlen("’")) == 1, "ambiguous counts one, as ncurses does");
	CHECK(text_is_ambiguous(0x2019) && text_is_ambiguous(0x2022)
	      && text_is_ambiguous(0x2122) && text_is_ambiguous(0x2013),
	      "’ • ™ – are East Asian Ambiguous");
	CHECK(!text_is_ambiguous('A') && !text_is_ambiguous(0xAC00)
	      && !text_is_ambiguous(0x300C), "A, 가 and 「 are not");
}

static void
test_unambiguous(void)
{
	const char *in = "ICLEI’s – “x” • ™ → ‘y’ … ①";
	size_t n;
	char *out = text_unambiguous(in, strlen(in), &n);

	CHECK(strcmp(out, "ICLEI's - \"x\" * TM -> 'y' ... (1)") == 0,
	      "ambiguous punctuation becomes ASCII: \"%s\"", out);
	CHECK(n == strlen(out), "the returned length is the string's");
	free(out);
	out = text_unambiguous("이클레이 「가」", strlen("이클레이 「가」"), NULL);
	CHECK(strcmp(out, "이클레이 「가」") == 0, "wide and narrow text is untouched");
	free(out);
	out = text_unambiguous("α", strlen("α"), NULL);
	CHECK(strcmp(out, "?") == 0, "an ambiguous letter with no equivalent becomes '?'");
	free(out);
	out = text_unambiguous("Café CO₂ ½", strlen("Café CO₂ ½"), NULL);
	CHECK(strcmp(out, "Cafe CO2 1/2") == 0,
	      "accents and subscripts fall back to their base: \"%s\"", out);
	free(out);
}

/* Is a break allowed before byte `at` of s? */
static bool
breaks_at(const char *s, size_t at, enum break_rules r)
{
	size_t n = strlen(s);
	char *p = xmalloc(n);
	bool ok;

	text_breaks(s, n, r, p);
	ok = at < n && p[at] == UC_BREAK_POSSIBLE;
	free(p);
	return ok;
}

/* ... before the first `what` in s; after it. */
static bool
breaks_before(const char *s, const char *what, enum break_rules r)
{
	return breaks_at(s, (size_t)(strstr(s, what) - s), r);
}

static bool
breaks_after(const char *s, const char *what, enum break_rules r)
{
	return breaks_at(s, (size_t)(strstr(s, what) - s) + strlen(what), r);
}

/* Keep-all (BREAK_KEEP_ALL, text_breaks): UAX #14 may break between any
 * two Hangul syllables; Korean readers expect breaks at spaces only.  The
 * checks on syllables and the wraps at 8 and 5 fail with keep-all off.  A
 * word wider than the line is still split, between syllables where the
 * line is full (the fill loop's grapheme fallback): the last three wraps
 * fail without that. */
static void
test_keep_all(void)
{
	CHECK(breaks_before("가나 다라", "다", BREAK_KEEP_ALL),
	      "Korean breaks after a space");
	CHECK(!breaks_before("가나 다라", "나", BREAK_KEEP_ALL),
	      "Korean does not break between syllables (keep-all)");
	CHECK(breaks_before("가나 다라", "나", BREAK_UAX14),
	      "UAX #14 alone would break between syllables");
	CHECK(!breaks_before("UN본부에서", "본", BREAK_KEEP_ALL)
	      && breaks_before("UN본부에서", "본", BREAK_UAX14),
	      "nor between a Latin word and the syllables glued to it");
	CHECK(!breaks_before("지방정부 세계회의’ 에", "’", BREAK_KEEP_ALL),
	      "nor before a closing quote");
	expect_wrap("가나다 라마바", 6, BREAK_KEEP_ALL, "가나다|라마바");
	expect_wrap("가나다 라마바", 20, BREAK_KEEP_ALL, "가나다 라마바");
	/* Wider than the line: split where the line is full. */
	expect_wrap("가나 다라마바사", 8, BREAK_KEEP_ALL, "가나|다라마바|사");
	expect_wrap("가나다 라마바", 5, BREAK_KEEP_ALL, "가나|다|라마|바");
	expect_wrap("지속가능한 미래", 6, BREAK_KEEP_ALL, "지속가|능한|미래");
}

/* Those of cs[0..n) that, written between `before` and `after`, break
 * otherwise than `want` under BREAK_KINSOKU: before the character (or,
 * at_end, after it).  Space-separated, "" when none; the caller frees it. */
static char *
offenders(const char *before, const char *const *cs, size_t n,
          const char *after, bool at_end, bool want)
{
	struct sbuf bad = {0};
	char s[64];

	sbuf_add(&bad, "", 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(s, sizeof s, "%s%s%s", before, cs[i], after);
		if ((at_end ? breaks_after(s, cs[i], BREAK_KINSOKU)
		            : breaks_before(s, cs[i], BREAK_KINSOKU)) != want) {
			sbuf_addc(&bad, ' ');
			sbuf_adds(&bad, cs[i]);
		}
	}
	return bad.s;
}

/* CHECK that every character of the array cs, between before and after,
 * breaks as `want` says: "what", then the characters that do not. */
#define CHECK_BREAKS(before, cs, after, at_end, want, what)                  \
	do {                                                                 \
		char *bad_ = offenders((before), (cs), sizeof(cs) / sizeof *(cs), \
		                       (after), (at_end), (want));           \
		CHECK(*bad_ == '\0', "%s%s%s", (what),                       \
		      *bad_ ? "; but not:" : "", bad_);                      \
		free(bad_);                                                  \
	} while (0)
#define CHECK_NO_START(before, cs, after, what)                              \
	CHECK_BREAKS(before, cs, after, false, false, what)

/* Kinsoku that UAX #14 (libunistring 1.0) gives by itself, so that text.c
 * has no entry for it: checked here so that a libunistring which stopped
 * giving it would be noticed. */
static void
test_kinsoku_uax14(void)
{
	/* CL, CP, EX, IS: LB13, even after a space. */
	static const char *const closing[] = {
		"!", ")", ",", ".", ":", ";", "?", "]", "}", "、", "。", "〉", "》",
		"」", "』", "】", "〕", "〗", "〙", "〛", "〟", "！", "）", "，", "．",
		"？", "］", "｝", "｠", "｡", "｣", "､",
	};
	/* OP (LB14) and QU (LB19). */
	static const char *const opening[] = {
		"(", "[", "{", "«", "‘", "“", "‹", "〈", "《", "「", "『", "【", "〔",
		"〖", "〘", "〚", "〝", "（", "［", "｛", "｟", "｢",
	};
	static const char *const brackets[] = {
		"(", "〈", "《", "「", "『", "【", "〔", "〖", "〘", "〚", "〝", "（",
		"［", "｛", "｟",
	};
	/* NS, CJ right after a character (LB21). */
	static const char *const glued[] = {
		"ー", "ぁ", "っ", "ゃ", "ァ", "ッ", "ャ", "ョ", "々", "ゝ", "・", "：",
		"〜",
	};

	CHECK_NO_START("漢字", closing, "漢字",
	               "no line starts with a closing bracket, 。、，．！？ (LB13)");
	CHECK_NO_START("漢字 ", closing, "漢字", "not even after a space");
	CHECK_BREAKS("漢字", opening, "漢字", true, false,
	             "no line ends with an opening bracket or quote (LB14, LB19)");
	CHECK_BREAKS("漢字", brackets, "漢字", false, true,
	             "but a line may break before an opening bracket");
	CHECK_NO_START("漢字", glued, "漢字", "no line starts with ー, small "
	               "kana, 々, ・, ： or 〜 (LB21)");
	expect_wrap("あいう。えお", 6, BREAK_KINSOKU, "あい|う。え|お");
	expect_wrap("あい「うえ」", 6, BREAK_KINSOKU, "あい|「う|え」");
	expect_wrap("あいうっ", 6, BREAK_KINSOKU, "あい|うっ");
	expect_wrap("コーヒー", 4, BREAK_KINSOKU, "コー|ヒー");
	expect_wrap("你好，世界。", 4, BREAK_KINSOKU, "你|好，|世|界。");
}

/* What BREAK_KINSOKU adds to UAX #14: the no_start table of text.c, one
 * check per class of it, every character listed.  Each check fails when
 * any of its characters' entries is taken out of the table. */
static void
test_kinsoku_no_start(void)
{
	/* NS and CJ: LB21 ties them to what precedes, but a space breaks
	 * first (LB18). */
	static const char *const ns_cj[] = {
		"‼", "⁇", "⁈", "⁉", "々", "〜", "〻", "゛", "゜", "ゝ", "ゞ", "゠",
		"・", "ヽ", "ヾ", "：", "；", "･",
		"ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ゕ", "ゖ",
		"ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ",
		"ー", "ㇰ", "ㇱ", "ㇲ", "ㇳ", "ㇴ", "ㇵ", "ㇶ", "ㇷ", "ㇸ", "ㇹ", "ㇺ",
		"ㇻ", "ㇼ", "ㇽ", "ㇾ", "ㇿ", "ｧ", "ｨ", "ｩ", "ｪ", "ｫ", "ｬ", "ｭ",
		"ｮ", "ｯ", "ｰ",
	};
	/* BA (jlreq's hyphens) and closing QU: the same (LB21, LB19).  Before
	 * a narrow character: before a wide one ’ and ” are 」 already. */
	static const char *const ba_qu[] = {"‐", "–", "’", "”", "»", "›"};
	/* PO: tied only to a number, letter or ideograph before it. */
	static const char *const po[] = {"°", "‰", "℃", "％"};
	/* ID: ～ is an ideograph to UAX #14. */
	static const char *const id[] = {"～"};

	CHECK_NO_START("漢字 ", ns_cj, "漢字",
	               "no line starts with small kana, ー, 々, ・, 〜, ： or ‼ "
	               "after a space (NS, CJ: LB18 before LB21)");
	CHECK_NO_START("漢字 ", ba_qu, "ab",
	               "nor with ‐ – ’ ” » › after a space (BA, QU: LB18 first)");
	CHECK_NO_START("漢字ー", po, "漢字",
	               "nor with ° ‰ ℃ ％ after ー (PO: LB23a-LB25 tie it to "
	               "numbers, letters and ideographs only)");
	CHECK_NO_START("漢字 ", po, "漢字", "nor after a space");
	CHECK_NO_START("漢字", id, "漢字", "nor with ～ (U+FF5E, class ID)");
}

/* The curly-quote rule of BREAK_KINSOKU: Unicode 14's UAX #14 glues
 * ‘ “ ’ ” to both neighbours (LB19); touching a wide character they break
 * and hold as the corner brackets they stand for. */
static void
test_curly_quotes(void)
{
	CHECK(breaks_before("他说“你好”。", "“", BREAK_KINSOKU),
	      "a Chinese line may break before “ after a wide character");
	CHECK(breaks_before("他说‘你好’。", "‘", BREAK_KINSOKU),
	      "and before ‘");
	CHECK(breaks_before("“你好”他说", "他", BREAK_KINSOKU),
	      "and after ” before a wide character");
	CHECK(breaks_before("‘你好’他说", "他", BREAK_KINSOKU),
	      "and after ’");
	CHECK(!breaks_before("“你好”他说", "”", BREAK_KINSOKU)
	      && !breaks_after("他说“你好", "“", BREAK_KINSOKU),
	      "but not before ” or after “, as not before 」 or after 「");
	CHECK(!breaks_before("“你好”。", "。", BREAK_KINSOKU)
	      && !breaks_before("‘你好’、", "、", BREAK_KINSOKU),
	      "but 。 and 、 do not start a line after ” or ’, as after 」");
	CHECK(!breaks_before("他说「“你好”」", "“", BREAK_KINSOKU)
	      && !breaks_before("他说（‘你好’）", "‘", BREAK_KINSOKU),
	      "nor does a line end with 「 before “ or （ before ‘");
	CHECK(!breaks_before("他说“ 你好”", "你", BREAK_KINSOKU),
	      "nor with “ before a space, as 「 does not (LB14)");
	CHECK(!breaks_before("it’s “so”", "so", BREAK_KINSOKU)
	      && !breaks_before("it’s “so”", "s", BREAK_KINSOKU)
	      && !breaks_before("a“b”c", "“", BREAK_KINSOKU)
	      && !breaks_after("a“b”c", "”", BREAK_KINSOKU),
	      "and the quotes stay glued to narrow neighbours");
	CHECK(!breaks_before("他说“你好”", "“", BREAK_UAX14),
	      "and, in English (plain UAX #14), to wide ones");
}

static void
test_fill(void)
{
	expect_wrap("one two three", 7, BREAK_UAX14, "one two|three");
	expect_wrap("one two three", 3, BREAK_UAX14, "one|two|thr|ee");
	expect_wrap("one   two", 4, BREAK_UAX14, "one|two");
	expect_wrap("a\nb", 10, BREAK_UAX14, "a|b");
	expect_wrap("a\n\nb", 10, BREAK_UAX14, "a||b");
	expect_wrap("a  \nb", 10, BREAK_UAX14, "a|b");
	expect_wrap("가", 1, BREAK_KEEP_ALL, "#");
	expect_wrap("a가b", 1, BREAK_UAX14, "a|#|b");
	expect_wrap("가나", 3, BREAK_KEEP_ALL, "가|나");
	expect_wrap("", 5, BREAK_UAX14, "");
	/* A combining mark never starts a line. */
	expect_wrap("ae\xcc\x81", 1, BREAK_UAX14, "a|e\xcc\x81");
	expect_wrap("1,500+ local", 6, BREAK_UAX14, "1,500+|local");
	/* A space carrying a combining mark is ink: it counts (fuzz find). */
	expect_wrap("ab \xe3\x80\xaa", 2, BREAK_UAX14, "ab| \xe3\x80\xaa");
}

/* Property: every line fits, and the lines put back together with the
 * consumed spaces are the text, for texts in every script and widths. */
static void
test_fill_properties(void)
{
	static const char *const texts[] = {
		"ICLEI was founded in 1990 by 200 local governments from 43 countries.",
		"이클레이는 1990년 뉴욕 UN본부에서 개최된 ‘ 지속가능한 미래를 위한 제1차 지방정부 세계회의’ 에",
		"イクレイは、1990年にニューヨークの国連本部で開催された第1回「持続可能な未来のための自治体世界会議」に",
		"宜可城于1990年由来自43个国家的200个地方政府创立。“城市气候保护”",
		"supercalifragilisticexpialidocious 가나다라마바사아자차카타파하 x",
		"a\n\nb  c\nd",
	};
	static const enum break_rules rules[] = {BREAK_UAX14, BREAK_KEEP_ALL,
	                                         BREAK_KINSOKU};
	int bad_width = 0, bad_join = 0;

	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
		for (size_t r = 0; r < 3; r++)
			for (int w = 1; w <= 60; w++) {
				const char *s = texts[t];
				struct tlines tl = {0};
				size_t pos = 0;

				text_wrap(s, strlen(s), w, rules[r], &tl);
				for (size_t i = 0; i < tl.n; i++) {
					const struct tline *l = &tl.v[i];

					if (l->width > w)
						bad_width++;
					/* Between lines, only consumed spaces and
					 * the line feed of a mandatory break. */
					while (pos < l->start && (s[pos] == ' '
					       || (s[pos] == '\n' && i > 0)))
						pos++;
					if (pos != l->start)
						bad_join++;
					pos = l->end;
				}
				if (pos != strlen(s))
					bad_join++;
				free(tl.v);
			}
	CHECK(bad_width == 0, "no line wider than its width (%d over)", bad_width);
	CHECK(bad_join == 0, "joining the lines gives the text back (%d gaps)", bad_join);
}

static void
test_sanitize(void)
{
	struct sbuf b = {0};

	sanitize_append(&b, "a\x1b[31mb\x7f\xc2\x9b\xe2\x80\xae\xff\n", 15, false);
	CHECK(strcmp(b.s, "a^[[31mb^?<U+009B><U+202E><FF>^J") == 0,
	      "controls are shown, never sent: \"%s\"", b.s);
	sbuf_free(&b);
	CHECK(sanitize_char_ok('\n') && !sanitize_char_ok('\t')
	      && !sanitize_char_ok('\r') && !sanitize_char_ok(0x1B)
	      && !sanitize_char_ok(0x85) && !sanitize_char_ok(0x202E)
	      && !sanitize_char_ok(0x2066) && !sanitize_char_ok(0xFEFF)
	      && sanitize_char_ok(0x200B) && sanitize_char_ok(0xAC00),
	      "bundle text: LF yes; TAB, CR, ESC, C1, bidi, BOM no");
}

int
main(void)
{
	test_widths();
	test_unambiguous();
	test_keep_all();
	test_kinsoku_uax14();
	test_kinsoku_no_start();
	test_curly_quotes();
	test_fill();
	test_fill_properties();
	test_sanitize();
	return check_done();
}
