/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-vt.c: the pseudo-terminal harness tested on itself, with sh, printf,
 * stty, dd, od and sleep as the programs under test.
 *
 * Programs that must show what they received run "echo_child": the terminal
 * in raw mode, the requested modes printed, "ready", then the next N input
 * bytes shown in hex (od), " END" after them. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "vt.h"

#define T_WAIT 10000 /* ms: generous, valgrind runs the parent slowly */

/* CHECK, with the screen dumped after a failure. */
#define CHECKV(t, cond, ...) do { \
		bool ok_ = (cond); \
		CHECK(ok_, __VA_ARGS__); \
		if (!ok_) \
			vt_snapshot((t), stdout, "# "); \
	} while (0)

static struct vt *
sh(int rows, int cols, const char *script, char *const env[])
{
	char *argv[] = {"sh", "-c", (char *)script, NULL};

	return vt_spawn(rows, cols, argv, env);
}

static bool
exited_with(struct vt *t, int code)
{
	int st;

	return vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == code;
}

static bool
row_is(struct vt *t, int row, const char *want)
{
	char *s = vt_row_text(t, row);
	bool ok = s != NULL && strcmp(s, want) == 0;

	if (!ok)
		check_note("row %d is \"%s\", want \"%s\"", row, s ? s : "(null)", want);
	free(s);
	return ok;
}

/* ------------------------------------------------------------ echo child */

static struct vt *
echo_child(const char *modes, size_t n, const char *after)
{
	static const char script[] =
		"stty raw -echo; printf '%s' \"$1\"; printf ready; "
		"dd bs=1 count=\"$2\" 2>/dev/null | od -An -v -tx1 | tr -d '\\n'; "
		"printf ' END'; printf '%s' \"$3\"";
	char count[32];
	char *argv[] = {"sh", "-c", (char *)script, "sh", (char *)modes, count,
			(char *)(after ? after : ""), NULL};
	struct vt *t;

	snprintf(count, sizeof count, "%zu", n);
	t = vt_spawn(10, 200, argv, NULL);
	if (t != NULL && !vt_wait_text(t, "ready", T_WAIT)) {
		check_note("echo child never got ready");
		vt_snapshot(t, stdout, "# ");
	}
	return t;
}

/* The child showed exactly the bytes want[0..n) and exited 0. */
static bool
echoed(struct vt *t, const char *want, size_t n)
{
	char *hex = malloc(n * 3 + 5), *p = hex;
	bool ok;

	for (size_t i = 0; i < n; i++)
		p += sprintf(p, " %02x", (unsigned char)want[i]);
	strcpy(p, " END");
	ok = vt_wait_text(t, hex, T_WAIT);
	if (!ok)
		check_note("want%s", hex);
	free(hex);
	return ok && exited_with(t, 0);
}

/* ------------------------------------------------------------ tests */

static void
test_altscreen_and_wide(void)
{
	struct vt *t = sh(24, 80,
			  "printf 'before\\r\\n'; "
			  "printf '\\033[?1049h\\033[2J\\033[3;5Hhello 가나 end\\033[?25l'; "
			  "read x; printf '\\033[?25h\\033[?1049l'", NULL);
	struct vt_cell c;
	int row = -1, col = -1;
	char *s, *buf = NULL;
	size_t len = 0;
	FILE *f;

	CHECKV(t, vt_wait_text(t, "hello 가나", T_WAIT), "the text appears");
	CHECKV(t, vt_find_text(t, "hello 가나", &row, &col) == 1 && row == 2 && col == 4,
	       "found once at row 2 col 4 (got %d,%d)", row, col);
	vt_find_text(t, "end", &row, &col);
	CHECKV(t, row == 2 && col == 15, "text after two wide characters: cell column 15 (got %d)",
	       col);
	vt_find_text(t, "나", &row, &col);
	CHECK(col == 12, "the second wide character starts at cell 12 (got %d)", col);
	CHECK(vt_cell(t, 2, 10, &c) && c.ch[0] == 0xAC00 && c.ch[1] == 0 && c.width == 2,
	      "cell 2,10 holds 가, width 2");
	CHECK(vt_cell(t, 2, 11, &c) && c.width == 0 && c.ch[0] == 0,
	      "cell 2,11 is its right half (width 0)");
	CHECK(vt_cell(t, 2, 0, &c) && c.ch[0] == 0 && c.width == 1, "cell 2,0 is blank");
	CHECK(!vt_cell(t, 24, 0, &c) && !vt_cell(t, 0, 80, &c) && !vt_cell(t, -1, 0, &c),
	      "vt_cell refuses cells off the screen");
	CHECK(row_is(t, 2, "    hello 가나 end"), "row text: wide characters once, trimmed");
	CHECK(row_is(t, 0, ""), "an empty row is \"\"");
	CHECK(vt_row_text(t, 24) == NULL, "no row 24");
	CHECK(vt_altscreen(t), "alternate screen on");
	CHECK(!vt_cursor_visible(t), "cursor hidden");
	CHECK(vt_find_text(t, "before", NULL, NULL) == 0, "the main screen is not visible");
	vt_cursor(t, &row, &col);
	CHECK(row == 2 && col == 18, "cursor after the text (got %d,%d)", row, col);

	f = open_memstream(&buf, &len);
	vt_snapshot(t, f, "# ");
	fclose(f);
	CHECK(strstr(buf, "# +-- 24x80, cursor 2,18 hidden, alternate screen") != NULL &&
	      strstr(buf, "\n# 02|    hello 가나 end\n") != NULL &&
	      strstr(buf, "\n# 23|\n# +--\n") != NULL,
	      "vt_snapshot frames the screen");
	if (strstr(buf, "hello") == NULL)
		fputs(buf, stdout);
	free(buf);

	vt_keys(t, "x\n");
	CHECKV(t, exited_with(t, 0), "exits 0 after a line of input");
	CHECKV(t, !vt_altscreen(t), "alternate screen off after exit");
	CHECK(vt_cursor_visible(t), "cursor visible after exit");
	CHECKV(t, vt_find_text(t, "before", &row, &col) == 1 && row == 0 && col == 0,
	       "the main screen is back");
	CHECK(vt_find_text(t, "hello", NULL, NULL) == 0, "the alternate screen's text is gone");
	s = vt_screen_text(t);
	CHECK(strncmp(s, "before\n\n", 8) == 0 && strlen(s) == 6 + 23,
	      "vt_screen_text: 24 rows joined by newlines");
	free(s);
	CHECK(vt_raw_seen(t, "\033[?1049h", 8) && vt_raw_seen(t, "\033[?1049l", 8),
	      "vt_raw_seen finds the screen switches");
	CHECK(!vt_raw_seen(t, "\033[?1049x", 8), "vt_raw_seen: not what was not sent");
	CHECK(!vt_raw_seen_from(t, vt_bytes(t), "\033", 1) && vt_raw_seen_from(t, 0, "\033", 1),
	      "vt_raw_seen_from honours the offset");
	vt_free(t);
}

static void
test_environment(void)
{
	static const char show[] =
		"printf '[%s|%s|%s|%s|%s|%s|%s]' \"$TERM\" \"$LC_ALL\" \"${FOO-unset}\" "
		"\"${HOME-unset}\" \"${COLUMNS-unset}\" \"${LINES-unset}\" "
		"\"${VT_SELFTEST_LEAK-unset}\"; "
		"case $PATH in */bin*) echo ' path-ok';; esac";
	char *env[] = {"FOO=bar baz", "HOME", "LC_ALL=C", NULL};
	struct vt *t;

	setenv("VT_SELFTEST_LEAK", "1", 1);
	setenv("COLUMNS", "33", 1);
	setenv("LINES", "11", 1);
	t = sh(24, 80, show, NULL);
	CHECKV(t, vt_wait_text(t, "[xterm-256color|C.UTF-8|unset|", T_WAIT) &&
	       vt_wait_text(t, "|unset|unset|unset] path-ok", T_WAIT),
	       "clean environment: TERM, LC_ALL, PATH; no LINES, COLUMNS or other variables");
	CHECK(vt_find_text(t, "|unset|unset|unset|unset]", NULL, NULL) == 0, "HOME is set");
	CHECK(exited_with(t, 0), "exits 0");
	vt_free(t);

	t = sh(24, 80, show, env);
	CHECKV(t, vt_wait_text(t, "[xterm-256color|C|bar baz|unset|unset|unset|unset] path-ok",
			       T_WAIT),
	       "env adds FOO, overrides LC_ALL, removes HOME");
	vt_free(t);
	unsetenv("VT_SELFTEST_LEAK");
	unsetenv("COLUMNS");
	unsetenv("LINES");

	t = sh(24, 80, "stty size", NULL);
	CHECKV(t, vt_wait_text(t, "24 80", T_WAIT), "the window size is set before the start");
	vt_free(t);
}

static void
test_colours(void)
{
	struct vt *t = sh(24, 80,
			  "printf '\\033[31mred\\033[0m "
			  "\\033[1;3;4;7;9;38;5;200;48;2;1;2;3mX\\033[0m plain "
			  "\\033[44m \\033[0m'", NULL);
	struct vt_cell c;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	CHECKV(t, vt_wait_text(t, "plain", T_WAIT), "coloured text appears");
	CHECK(vt_cell(t, 0, 0, &c) && c.ch[0] == 'r' && !c.fg_default && c.fg_index == 1 &&
	      c.bg_default && c.bg_index == -1 && !c.bold && !c.reverse,
	      "ESC[31m: fg index 1, default bg, no attributes");
	CHECK(vt_cell(t, 0, 4, &c) && c.ch[0] == 'X' && c.bold && c.italic && c.underline == 1 &&
	      c.reverse && c.strike && !c.blink && c.fg_index == 200 && !c.bg_default &&
	      c.bg_index == -1 && c.bg_rgb[0] == 1 && c.bg_rgb[1] == 2 && c.bg_rgb[2] == 3,
	      "bold italic underline reverse strike, fg 256-colour 200, bg RGB 1,2,3");
	CHECK(vt_cell(t, 0, 6, &c) && c.ch[0] == 'p' && c.fg_default && c.bg_default &&
	      !c.bold && c.underline == 0, "ESC[0m: plain again");
	CHECK(vt_cell(t, 0, 12, &c) && c.ch[0] == ' ' && c.bg_index == 4,
	      "a coloured blank keeps its background");
	CHECK(vt_screen_has_color(t), "vt_screen_has_color: yes");

	f = open_memstream(&buf, &len);
	vt_dump_attrs(t, f, "");
	fclose(f);
	CHECK(strcmp(buf, "r0 c0-2 fg=1 |red|\n"
			  "r0 c4-4 bold italic underline reverse strike fg=200 bg=#010203 |X|\n"
			  "r0 c12-12 bg=4 | |\n") == 0,
	      "vt_dump_attrs lists the styled runs");
	if (strstr(buf, "|red|") == NULL)
		check_note("%s", buf);
	free(buf);
	vt_free(t);

	t = sh(24, 80, "printf 'plain \\033[1mbold\\033[7mrev\\033[0m'", NULL);
	CHECKV(t, vt_wait_text(t, "boldrev", T_WAIT), "bold and reverse text appears");
	CHECK(!vt_screen_has_color(t), "vt_screen_has_color: no, for bold and reverse alone");
	vt_free(t);
}

static void
test_combining_and_title(void)
{
	struct vt *t = sh(24, 80, "printf 'e\\314\\201z\\033]2;my title\\007\\007!'", NULL);
	struct vt_cell c;
	int row = -1, col = -1;

	CHECKV(t, vt_wait_text(t, "z!", T_WAIT), "text appears");
	CHECK(vt_find_text(t, "e\xcc\x81z", &row, &col) == 1 && row == 0 && col == 0,
	      "a combining mark stays with its base");
	vt_find_text(t, "z", &row, &col);
	CHECK(col == 1, "and takes no cell (z at column %d)", col);
	CHECK(vt_cell(t, 0, 0, &c) && c.ch[0] == 'e' && c.ch[1] == 0x301 && c.ch[2] == 0,
	      "the cell holds e and U+0301");
	CHECK(strcmp(vt_title(t), "my title") == 0, "OSC 2 sets the title (\"%s\")", vt_title(t));
	CHECK(vt_bells(t) == 1, "one bell (%d)", vt_bells(t));
	vt_free(t);
}

static void
test_cursor_report(void)
{
	struct vt *t = echo_child("\033[5;10H\033[6n", 7, NULL);

	CHECKV(t, echoed(t, "\033[5;10R", 7), "ESC[6n is answered with ESC[5;10R");
	vt_free(t);

	t = echo_child("\033[c", 7, NULL);
	CHECKV(t, echoed(t, "\033[?1;2c", 7), "ESC[c is answered with ESC[?1;2c");
	vt_free(t);
}

#define LIT(s) s, sizeof s - 1

static void
test_keys(void)
{
	static const char app[] = "\033OA\033OB\033OD\033OC\033OH\033OF\033[5~\033[6~"
				  "\033[3~\033OP\033[15~\033[Z\t\r\x7f\033";
	static const char normal[] = "\033[A\033[D\033[H\033[1;5C\033[1;2A";
	static const char chars[] = "a\x03\033x가\033[200~p\033[201~";
	struct vt *t;

	t = echo_child("\033[?1h\033=", sizeof app - 1, NULL);
	vt_key(t, VT_KEY_UP);
	vt_key(t, VT_KEY_DOWN);
	vt_key(t, VT_KEY_LEFT);
	vt_key(t, VT_KEY_RIGHT);
	vt_key(t, VT_KEY_HOME);
	vt_key(t, VT_KEY_END);
	vt_key(t, VT_KEY_PGUP);
	vt_key(t, VT_KEY_PGDN);
	vt_key(t, VT_KEY_DEL);
	vt_key(t, VT_KEY_F1);
	vt_key(t, VT_KEY_F5);
	vt_key(t, VT_KEY_BTAB);
	vt_key(t, VT_KEY_TAB);
	vt_key(t, VT_KEY_ENTER);
	vt_key(t, VT_KEY_BACKSPACE);
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, echoed(t, LIT(app)),
	       "application cursor mode (smkx): ESC O A..., PgUp/PgDn ESC[5~/6~, F1 ESC O P, "
	       "S-Tab ESC[Z, Enter CR, Backspace DEL");
	vt_free(t);

	t = echo_child("", sizeof normal - 1, NULL);
	vt_key(t, VT_KEY_UP);
	vt_key(t, VT_KEY_LEFT);
	vt_key(t, VT_KEY_HOME);
	vt_key_mod(t, VT_KEY_RIGHT, VT_MOD_CTRL);
	vt_key_mod(t, VT_KEY_UP, VT_MOD_SHIFT);
	CHECKV(t, echoed(t, LIT(normal)), "normal cursor mode: ESC [ A, modifiers as ESC[1;5C");
	vt_free(t);

	t = echo_child("\033[?2004h", sizeof chars - 1, NULL);
	vt_char(t, 'a', 0);
	vt_char(t, 'c', VT_MOD_CTRL);
	vt_char(t, 'x', VT_MOD_ALT);
	vt_type(t, "가");
	vt_paste(t, "p");
	CHECKV(t, echoed(t, LIT(chars)), "characters: plain, Ctrl, Alt, UTF-8, bracketed paste");
	vt_free(t);

	t = echo_child("", 6, NULL);
	vt_keys(t, "ab\033");
	vt_send(t, "\0\xff\n", 3);
	CHECKV(t, echoed(t, "ab\033\0\xff\n", 6), "raw bytes go through unchanged");
	vt_free(t);
}

static void
test_mouse(void)
{
	static const char sgr[] = "\033[<0;5;3M\033[<0;5;3m\033[<64;1;1M\033[<65;1;1M"
				  "\033[<2;200;10M";
	static const char x10[] = "\033[M %#\033[M#%#";
	static const char drag[] = "\033[<0;2;2M\033[<32;4;2M\033[<0;4;2m";
	static const char motion[] = "\033[<35;6;6M";
	struct vt *t;

	t = echo_child("\033[?1000h\033[?1006h", sizeof sgr - 1, "\033[?1006l\033[?1000l");
	CHECKV(t, vt_mouse_mode(t) == 1, "?1000h: mouse mode 1 (click)");
	CHECK(vt_click(t, 2, 4), "a click is reported");
	CHECK(vt_wheel(t, 0, 0, -1), "wheel up is reported");
	CHECK(vt_wheel(t, 0, 0, 1), "wheel down is reported");
	CHECK(vt_mouse(t, 9, 199, 3, true), "a right press in the corner");
	CHECK(!vt_mouse_move(t, 5, 5), "no motion report in click mode");
	CHECKV(t, echoed(t, LIT(sgr)),
	       "SGR 1006: press M / release m with 1-based column;row, wheel 64/65");
	CHECK(vt_mouse_mode(t) == 0, "?1000l: mouse off");
	CHECK(!vt_click(t, 0, 0), "no mouse mode: a click sends nothing");
	vt_free(t);

	t = echo_child("\033[?1000h", sizeof x10 - 1, NULL);
	vt_click(t, 2, 4);
	CHECKV(t, echoed(t, LIT(x10)), "X10 encoding without ?1006 (release is button 3)");
	vt_free(t);

	t = echo_child("\033[?1002h\033[?1006h", sizeof drag - 1, NULL);
	CHECK(vt_mouse_mode(t) == 2, "?1002h: mouse mode 2 (drag)");
	vt_mouse(t, 1, 1, 1, true);
	vt_mouse_move(t, 1, 3);
	vt_mouse(t, 1, 3, 1, false);
	CHECKV(t, echoed(t, LIT(drag)), "drag: motion with the button held is 32+button");
	vt_free(t);

	t = echo_child("\033[?1003h\033[?1006h", sizeof motion - 1, NULL);
	CHECK(vt_mouse_mode(t) == 3, "?1003h: mouse mode 3 (any motion)");
	CHECK(vt_mouse_move(t, 5, 5), "motion is reported");
	CHECKV(t, echoed(t, LIT(motion)), "motion without a button is 35");
	vt_free(t);
}

static void
test_resize(void)
{
	struct vt *t = sh(24, 80,
			  "trap 'stty size; exit 3' WINCH; stty size; echo ready; "
			  "while :; do sleep 0.05; done", NULL);
	struct vt_cell c;

	CHECKV(t, vt_wait_text(t, "ready", T_WAIT) && vt_find_text(t, "24 80", NULL, NULL) == 1,
	       "starts at 24x80");
	vt_resize(t, 30, 100);
	CHECK(vt_rows(t) == 30 && vt_cols(t) == 100, "the screen model is 30x100");
	CHECK(vt_cell(t, 29, 99, &c) && !vt_cell(t, 30, 0, &c), "and has cells up to 29,99");
	CHECKV(t, vt_wait_text(t, "30 100", T_WAIT), "the program gets SIGWINCH and sees 30x100");
	CHECKV(t, exited_with(t, 3), "exits from its trap");
	vt_free(t);

	t = sh(24, 80, "stty raw -echo; echo ready; dd bs=1 count=1 2>/dev/null >/dev/null; "
		       "stty size", NULL);
	CHECKV(t, vt_wait_text(t, "ready", T_WAIT), "ready");
	vt_resize(t, 5, 20);
	vt_keys(t, "x");
	CHECKV(t, vt_wait_text(t, "5 20", T_WAIT), "shrunk to 5x20");
	vt_free(t);
}

static void
test_signals(void)
{
	char *sleeper[] = {"sleep", "100", NULL};
	struct vt *t;
	int st = 0;
	int64_t t0;

	signal(SIGTERM, SIG_IGN); /* must not be inherited */
	t = sh(24, 80, "echo ready; exec sleep 100", NULL);
	signal(SIGTERM, SIG_DFL);
	CHECKV(t, vt_wait_text(t, "ready", T_WAIT), "ready");
	vt_signal(t, SIGTERM);
	CHECK(vt_wait_exit(t, T_WAIT, &st) && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
	      "SIGTERM kills sleep (the child's signals are at their default)");
	CHECK(vt_wait_exit(t, 0, &st) && WIFSIGNALED(st), "vt_wait_exit again: same status");
	vt_free(t);

	t = sh(24, 80, "kill -s PIPE $$; echo survived", NULL);
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
	       "SIGPIPE is not ignored in the child");
	vt_free(t);

	t = vt_spawn(24, 80, sleeper, NULL);
	CHECK(!vt_wait_exit(t, 100, &st), "vt_wait_exit times out on a running program");
	t0 = vt_now_ms();
	vt_free(t);
	CHECK(vt_now_ms() - t0 < 2000, "vt_free kills a running program at once");

	t = vt_spawn(24, 80, (char *[]){"/nonexistent/program", NULL}, NULL);
	CHECKV(t, exited_with(t, 127) &&
	       vt_wait_text(t, "vt_spawn: /nonexistent/program: No such file", 0),
	       "a failed exec says why and exits 127");
	vt_free(t);
}

static void
test_waiting(void)
{
	struct vt *t = sh(24, 80, "printf a; sleep 0.3; printf b; exec sleep 100", NULL);
	int64_t t0;
	bool r;

	CHECKV(t, vt_wait_text(t, "a", T_WAIT), "a");
	CHECKV(t, vt_wait_quiet(t, 1000, T_WAIT) && row_is(t, 0, "ab"),
	       "vt_wait_quiet waits out the pause");
	vt_keys(t, "z");
	CHECK(!vt_wait_quiet(t, 500, 100), "a key restarts the quiet period");
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && row_is(t, 0, "abz"), "then quiet again");

	t0 = vt_now_ms();
	r = vt_wait_text(t, "never", 300);
	CHECK(!r && vt_now_ms() - t0 >= 300 && vt_now_ms() - t0 < 3000,
	      "vt_wait_text gives up at the deadline (%lld ms)", (long long)(vt_now_ms() - t0));
	CHECK(vt_wait_no_text(t, "never", 0), "vt_wait_no_text: true at once");
	vt_free(t);

	t = sh(24, 80, "echo gone", NULL);
	t0 = vt_now_ms();
	r = vt_wait_text(t, "never", 20000);
	CHECK(!r && vt_now_ms() - t0 < 5000, "vt_wait gives up once the output has ended");
	CHECK(vt_wait_quiet(t, 100000, 1000), "and an ended output counts as quiet");
	vt_pump(t, 50);
	CHECK(exited_with(t, 0), "exit status still available after EOF");
	vt_free(t);

	/* Everything a program writes before exiting arrives, up to the last
	 * byte: seq 1 30000 is 168894 bytes, plus a CR per line (onlcr). */
	t = vt_spawn(24, 80, (char *[]){"seq", "1", "30000", NULL}, NULL);
	CHECKV(t, vt_wait_exit(t, 3 * T_WAIT, NULL) && vt_bytes(t) == 168894 + 30000,
	       "200 kB of output arrive in full (%zu bytes)", vt_bytes(t));
	CHECKV(t, row_is(t, 22, "30000") && row_is(t, 23, ""), "ending with the last line");
	CHECK(vt_raw_seen(t, "\r\n29999\r\n30000\r\n", 16), "and the raw stream has it all");
	vt_free(t);

	/* A program that reads nothing cannot block the harness. */
	t = sh(24, 80, "stty raw -echo; echo ready; exec sleep 100", NULL);
	CHECKV(t, vt_wait_text(t, "ready", T_WAIT), "ready");
	{
		size_t n = 1 << 20;
		char *big = malloc(n);

		memset(big, 'q', n);
		t0 = vt_now_ms();
		vt_send(t, big, n);
		vt_pump(t, 10);
		free(big);
		CHECK(vt_now_ms() - t0 < 2000, "sending 1 MiB to a program that does not read");
	}
	CHECK(!vt_wait_quiet(t, 50, 200), "unsent input is not quiet");
	vt_free(t);
}

static void
test_fds(void)
{
	int p[2];
	char script[128];
	struct vt *t;

	if (pipe(p) < 0) {
		CHECK(0, "pipe: %s", strerror(errno));
		return;
	}
	snprintf(script, sizeof script,
		 "for f in %d %d; do test -e /proc/$$/fd/$f && echo leak$f; done; echo done",
		 p[0], p[1]);
	t = sh(24, 80, script, NULL);
	CHECKV(t, vt_wait_text(t, "done", T_WAIT) && vt_find_text(t, "leak", NULL, NULL) == 0,
	       "the child does not inherit the caller's descriptors");
	vt_free(t);
	close(p[0]);
	close(p[1]);
}

static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

int
main(void)
{
	char *probe[] = {"true", NULL};
	struct vt *t;
	int fds, st;

	fds = count_fds();
	t = vt_spawn(24, 80, probe, NULL);
	if (t == NULL) {
		char why[256];

		snprintf(why, sizeof why, "no pseudo-terminal: %s", strerror(errno));
		check_skip_all(why);
	}
	CHECK(exited_with(t, 0), "true runs in a pseudo-terminal and exits 0");
	vt_free(t);

	test_altscreen_and_wide();
	test_environment();
	test_colours();
	test_combining_and_title();
	test_cursor_report();
	test_keys();
	test_mouse();
	test_resize();
	test_signals();
	test_waiting();
	test_fds();

	CHECK(count_fds() == fds, "no descriptor leaked (%d before, %d after)", fds, count_fds());
	CHECK(waitpid(-1, &st, WNOHANG) < 0 && errno == ECHILD, "no child left, no zombie");
	return check_done();
}
