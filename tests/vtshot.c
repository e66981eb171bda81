/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* vtshot: run a command in the test harness's terminal, script it, print
 * the screen.  For README screenshots and for debugging the end-to-end tests.
 *
 *   vtshot [-r ROWS] [-c COLS] [-t MS] [-e NAME=VALUE]... [-a]
 *          [-w TEXT | -g TEXT | -k KEYS | -m ROW,COL | -W ROW,COL,N | -p MS |
 *           -R ROWSxCOLS | -x]...
 *          -- COMMAND [ARG]...
 *
 * The actions (-w -g -k -m -W -p -R -x) run in command-line order; see usage(). */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vt.h"

#define ESC_PAUSE_MS 100 /* after a lone <Esc>, so it is not read as Alt */

static const char *progname = "vtshot";

static void __attribute__((noreturn))
usage(int status)
{
	FILE *f = status == 0 ? stdout : stderr;

	fprintf(f,
"usage: %s [-r ROWS] [-c COLS] [-t MS] [-e NAME=VALUE]... [-B RGB] [-a]\n"
"              [-w TEXT | -g TEXT | -k KEYS | -m ROW,COL | -W ROW,COL,N | -p MS |\n"
"               -R ROWSxCOLS | -x]...\n"
"              -- COMMAND [ARG]...\n"
"Run COMMAND in a pseudo-terminal (TERM=xterm-256color, LC_ALL=C.UTF-8),\n"
"do the actions in order, then print the screen once output is quiet.\n"
"\n"
"  -r ROWS, -c COLS  terminal size (24 x 80)\n"
"  -t MS             timeout of every wait (5000)\n"
"  -e NAME=VALUE     add to the environment (a bare NAME removes it)\n"
"  -B RGB            answer OSC 11 (the background colour) with RGB, as in\n"
"                    rgb:ffff/ffff/ffff (libvterm alone does not answer)\n"
"  -a                annotated dump: frame, cursor, modes, styled runs\n"
"actions:\n"
"  -w TEXT           wait until TEXT is on the screen\n"
"  -g TEXT           wait until TEXT is gone from the screen\n"
"  -k KEYS           type KEYS: bytes with \\e \\n \\r \\t \\\\ \\< \\xHH escapes and\n"
"                    <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <Ins>\n"
"                    <Del> <F1>..<F12> <Tab> <S-Tab> <Enter> <Esc> <BS> <Space>\n"
"                    <C-x> (Ctrl) <M-x> (Alt), sent as the program's modes ask\n"
"  -m ROW,COL        a left click on the cell (0-based), as the program's\n"
"                    mouse modes ask it to be reported\n"
"  -W ROW,COL,N      N notches of the wheel there (N < 0: up)\n"
"  -p MS             keep reading for MS milliseconds\n"
"  -R ROWSxCOLS      resize the terminal\n"
"  -x                wait until COMMAND exits\n"
"Exit status: 0 if every wait succeeded, 1 if one timed out (the actions\n"
"stop there; the screen is printed all the same), 2 on usage errors.\n",
		progname);
	exit(status);
}

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n != 0 ? n : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

static int
number(const char *s, const char *what, int min)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > 100000)
		die("bad %s: %s", what, s);
	return (int)v;
}

/* ------------------------------------------------------------ keys */

/* One step of a -k argument: raw bytes, a named key, or a character with
 * modifiers. */
struct step {
	enum { S_BYTES, S_KEY, S_CHAR } kind;
	char *bytes;
	size_t n;
	enum vt_key key;
	uint32_t c;
	int mods;
};

struct steps {
	struct step *v;
	size_t n;
};

static struct step *
add_step(struct steps *ss, int kind)
{
	struct step *s;

	ss->v = realloc(ss->v, (ss->n + 1) * sizeof *ss->v);
	if (ss->v == NULL)
		die("out of memory");
	s = &ss->v[ss->n++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	return s;
}

static void
add_byte(struct steps *ss, char b)
{
	struct step *s = ss->n > 0 ? &ss->v[ss->n - 1] : NULL;

	if (s == NULL || s->kind != S_BYTES) {
		s = add_step(ss, S_BYTES);
		s->bytes = xmalloc(16);
	} else if ((s->n & (s->n - 1)) == 0 && s->n >= 16) {
		s->bytes = realloc(s->bytes, s->n * 2);
		if (s->bytes == NULL)
			die("out of memory");
	}
	s->bytes[s->n++] = b;
}

static const struct {
	const char *name;
	enum vt_key key;
} key_names[] = {
	{"Up", VT_KEY_UP}, {"Down", VT_KEY_DOWN}, {"Left", VT_KEY_LEFT},
	{"Right", VT_KEY_RIGHT}, {"Home", VT_KEY_HOME}, {"End", VT_KEY_END},
	{"PgUp", VT_KEY_PGUP}, {"PageUp", VT_KEY_PGUP}, {"PgDn", VT_KEY_PGDN},
	{"PageDown", VT_KEY_PGDN}, {"Ins", VT_KEY_INS}, {"Insert", VT_KEY_INS},
	{"Del", VT_KEY_DEL}, {"Delete", VT_KEY_DEL}, {"Tab", VT_KEY_TAB},
	{"S-Tab", VT_KEY_BTAB}, {"BTab", VT_KEY_BTAB}, {"Enter", VT_KEY_ENTER},
	{"Return", VT_KEY_ENTER}, {"Esc", VT_KEY_ESC}, {"Escape", VT_KEY_ESC},
	{"BS", VT_KEY_BACKSPACE}, {"Backspace", VT_KEY_BACKSPACE},
};

/* The name inside <...> (len bytes): a step, or false if unknown. */
static bool
named(struct steps *ss, const char *name, size_t len)
{
	struct step *s;

	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strlen(key_names[i].name) == len &&
		    strncasecmp(key_names[i].name, name, len) == 0) {
			add_step(ss, S_KEY)->key = key_names[i].key;
			return true;
		}
	if (len == 5 && strncasecmp(name, "Space", 5) == 0) {
		add_byte(ss, ' ');
		return true;
	}
	if ((len == 2 || len == 3) && (name[0] == 'F' || name[0] == 'f') &&
	    isdigit((unsigned char)name[1]) && (len == 2 || isdigit((unsigned char)name[2]))) {
		int n = atoi(name + 1);

		if (n < 1 || n > 12)
			return false;
		add_step(ss, S_KEY)->key = (enum vt_key)(VT_KEY_F1 + n - 1);
		return true;
	}
	if (len == 3 && name[1] == '-' && (unsigned char)name[2] < 0x80 &&
	    strchr("CcMm", name[0]) != NULL) {
		s = add_step(ss, S_CHAR);
		s->c = (unsigned char)name[2];
		s->mods = name[0] == 'C' || name[0] == 'c' ? VT_MOD_CTRL : VT_MOD_ALT;
		if (s->mods == VT_MOD_CTRL)
			s->c = (uint32_t)tolower((int)s->c);
		return true;
	}
	return false;
}

static int
hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0'
	     : isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10 : -1;
}

static void
parse_keys(struct steps *ss, const char *arg)
{
	const char *p = arg;

	while (*p) {
		if (*p == '\\') {
			p++;
			switch (*p) {
			case 'e': add_byte(ss, '\033'); p++; break;
			case 'n': add_byte(ss, '\n'); p++; break;
			case 'r': add_byte(ss, '\r'); p++; break;
			case 't': add_byte(ss, '\t'); p++; break;
			case '\\': add_byte(ss, '\\'); p++; break;
			case '<': add_byte(ss, '<'); p++; break;
			case 'x': {
				int v = 0, k = 0;

				p++;
				while (k < 2 && hexval(*p) >= 0) {
					v = v * 16 + hexval(*p++);
					k++;
				}
				if (k == 0)
					die("-k %s: \\x needs hex digits", arg);
				add_byte(ss, (char)v);
				break;
			}
			default:
				die("-k %s: unknown escape \\%c", arg, *p ? *p : ' ');
			}
		} else if (*p == '<') {
			size_t len = strspn(p + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					    "0123456789-");

			if (len > 0 && p[1 + len] == '>') {
				if (!named(ss, p + 1, len))
					die("-k %s: unknown key <%.*s> (write \\< for a literal <)",
					    arg, (int)len, p + 1);
				p += len + 2;
			} else {
				add_byte(ss, *p++);
			}
		} else {
			add_byte(ss, *p++);
		}
	}
}

/* ------------------------------------------------------------ actions */

struct action {
	char op; /* w g k m W p R x */
	const char *text;
	struct steps keys;
	int ms, rows, cols, notches;
};

static bool
run(struct vt *t, const struct action *a, int timeout)
{
	int st;

	switch (a->op) {
	case 'w':
		if (vt_wait_text(t, a->text, timeout))
			return true;
		fprintf(stderr, "%s: no \"%s\" on the screen after %d ms\n", progname, a->text,
			timeout);
		return false;
	case 'g':
		if (vt_wait_no_text(t, a->text, timeout))
			return true;
		fprintf(stderr, "%s: \"%s\" still on the screen after %d ms\n", progname, a->text,
			timeout);
		return false;
	case 'k':
		for (size_t i = 0; i < a->keys.n; i++) {
			const struct step *s = &a->keys.v[i];

			if (s->kind == S_BYTES)
				vt_send(t, s->bytes, s->n);
			else if (s->kind == S_KEY)
				vt_key(t, s->key);
			else
				vt_char(t, s->c, s->mods);
			if (s->kind == S_KEY && s->key == VT_KEY_ESC)
				vt_wait(t, ESC_PAUSE_MS, NULL, NULL);
			else
				vt_pump(t, 0);
		}
		return true;
	case 'm':
		if (vt_click(t, a->rows, a->cols))
			return true;
		fprintf(stderr, "%s: no mouse reporting for a click at %d,%d\n", progname,
			a->rows, a->cols);
		return false;
	case 'W':
		if (vt_wheel(t, a->rows, a->cols, a->notches))
			return true;
		fprintf(stderr, "%s: no mouse reporting for the wheel at %d,%d\n", progname,
			a->rows, a->cols);
		return false;
	case 'p':
		vt_wait(t, a->ms, NULL, NULL);
		return true;
	case 'R':
		vt_resize(t, a->rows, a->cols);
		return true;
	case 'x':
		if (vt_wait_exit(t, timeout, &st)) {
			if (WIFEXITED(st))
				fprintf(stderr, "%s: exited %d\n", progname, WEXITSTATUS(st));
			else if (WIFSIGNALED(st))
				fprintf(stderr, "%s: killed by signal %d\n", progname, WTERMSIG(st));
			return true;
		}
		fprintf(stderr, "%s: still running after %d ms\n", progname, timeout);
		return false;
	}
	return false;
}

int
main(int argc, char *argv[])
{
	struct action *acts = NULL;
	char **env;
	size_t nacts = 0, nenv = 0;
	int rows = 24, cols = 80, timeout = 5000, opt, status = 0;
	bool annotate = false;
	struct vt *t;

	if (argc > 0 && argv[0] != NULL && strrchr(argv[0], '/') != NULL)
		progname = strrchr(argv[0], '/') + 1;
	else if (argc > 0 && argv[0] != NULL)
		progname = argv[0];
	env = xmalloc(sizeof *env * (size_t)(argc + 1));
	acts = xmalloc(sizeof *acts * (size_t)(argc + 1));

	while ((opt = getopt(argc, argv, "+r:c:t:e:B:aw:g:k:m:W:p:R:xh")) != -1) {
		struct action *a = &acts[nacts];

		memset(a, 0, sizeof *a);
		a->op = (char)opt;
		switch (opt) {
		case 'r': rows = number(optarg, "row count", 1); break;
		case 'c': cols = number(optarg, "column count", 1); break;
		case 't': timeout = number(optarg, "timeout", 0); break;
		case 'e': env[nenv++] = optarg; break;
		case 'a': annotate = true; break;
		case 'B': vt_answer_background(optarg); break;
		case 'h': usage(0);
		case 'w':
		case 'g':
			if (*optarg == '\0')
				die("-%c needs a non-empty text", opt);
			a->text = optarg;
			nacts++;
			break;
		case 'k':
			parse_keys(&a->keys, optarg);
			nacts++;
			break;
		case 'p':
			a->ms = number(optarg, "pause", 0);
			nacts++;
			break;
		case 'R': {
			char *x = strchr(optarg, 'x');

			if (x == NULL)
				die("-R wants ROWSxCOLS: %s", optarg);
			*x = '\0';
			a->rows = number(optarg, "row count", 1);
			a->cols = number(x + 1, "column count", 1);
			*x = 'x';
			nacts++;
			break;
		}
		case 'm':
		case 'W': {
			char *end;
			long v[3] = {0, 0, 0};
			int n = 0;
			const char *p = optarg;

			for (; n < 3 && *p != '\0'; n++) {
				errno = 0;
				v[n] = strtol(p, &end, 10);
				if (end == p || errno != 0 || v[n] < INT_MIN || v[n] > INT_MAX)
					break;
				p = *end == ',' ? end + 1 : end;
			}
			if (*p != '\0' || n != (opt == 'm' ? 2 : 3) || v[0] < 0 || v[1] < 0)
				die("-%c wants %s: %s", opt, opt == 'm' ? "ROW,COL" : "ROW,COL,N",
				    optarg);
			a->rows = (int)v[0];
			a->cols = (int)v[1];
			a->notches = (int)v[2];
			nacts++;
			break;
		}
		case 'x':
			nacts++;
			break;
		default:
			usage(2);
		}
	}
	env[nenv] = NULL;
	if (optind >= argc)
		usage(2);

	t = vt_spawn(rows, cols, argv + optind, env);
	if (t == NULL)
		die("cannot start %s in a pseudo-terminal: %s", argv[optind], strerror(errno));
	for (size_t i = 0; i < nacts && status == 0; i++)
		if (!run(t, &acts[i], timeout))
			status = 1;
	vt_wait_quiet(t, 200, 2000);

	if (annotate) {
		vt_snapshot(t, stdout, "");
		vt_dump_attrs(t, stdout, "");
	} else {
		char *s = vt_screen_text(t);

		puts(s);
		free(s);
	}
	vt_free(t);
	for (size_t i = 0; i < nacts; i++) {
		for (size_t k = 0; k < acts[i].keys.n; k++)
			free(acts[i].keys.v[k].bytes);
		free(acts[i].keys.v);
	}
	free(acts);
	free(env);
	return fflush(stdout) == 0 ? status : 2;
}
