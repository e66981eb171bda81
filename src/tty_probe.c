/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* tty_probe.c: how wide does the terminal draw an East Asian Ambiguous
 * character?  Ask it, as vim does, before curses starts.
 *
 * The first question (where is the cursor?) goes out as early as the
 * program can ask it, so that the terminal's round trip overlaps the
 * loading of the bundle.  With the answer in, and room on the line, an
 * ellipsis is printed where the cursor is and the question asked again:
 * two columns further means wide.  Then exactly those cells are erased
 * (ECH), so nothing the user had on the line is touched.
 *
 * Answers are parsed out of the input wherever they come in it, whatever
 * comes around them: the keys typed meanwhile are kept and given to
 * curses once it starts, and an answer later than the wait is still
 * recognised and dropped rather than read as keys.  The wait is for
 * silence (no byte for PROBE_QUIET_MS), not a deadline counted from the
 * question, so a slow link or a slow load still gets its answer.  In
 * between, the terminal is in a mode of ours (no echo: the answers are
 * not shown), and the quit and stop signals wait until it is restored.
 *
 * Before the first question goes a second one, as vim asks it: what is
 * the background colour (OSC 11)?  The cloud fades its far labels toward
 * the background, so it must know whether that is light.  A terminal that
 * does not know the question ignores it; one that does answers before it
 * answers the position, so that answer ends the wait for both -- unless
 * a multiplexer answers the position itself and passes the colour on to
 * its own terminal (GNU screen): that answer may come later, and is taken
 * out of the input whenever it comes (tty_probe_late), the theme then
 * changed.  BEL ends
 * the question, as vim ends it: some parsers (libvterm 0.1) miss ST.  Not asked
 * of the Linux console, which would print the question: it is dark. */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "charset.h"
#include "tty_int.h"
#include "util.h"

#define PROBE_QUIET_MS 300	/* no byte for this long: no answer is coming */
#define TYPED_MAX 4096		/* keys kept from the probe's time */

static struct {
	enum { PROBE_NONE, PROBE_ASKED, PROBE_DONE } state;
	enum ambiguous result;
	struct termios saved;
	sigset_t mask;		/* the signal mask before the probe */
	int pending;		/* questions whose answer has not come */
	bool colour_asked;	/* OSC 11 asked, its answer not come */
	bool light;		/* its answer: a light background */
	char in[64];		/* input not parsed yet: a report may be cut */
	size_t nin;
	char typed[TYPED_MAX];	/* the user's keys, from around the answers */
	size_t ntyped;
	bool replayed;		/* curses has them: it takes the input now */
} P;

/* No echo, no line editing, reads that return at once. */
static bool
raw_mode(const struct termios *saved)
{
	struct termios raw = *saved;

	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	return tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
}

static void
keep_typed(const char *s, size_t n)
{
	if (n > TYPED_MAX - P.ntyped)
		n = TYPED_MAX - P.ntyped;
	memcpy(P.typed + P.ntyped, s, n);
	P.ntyped += n;
}

/* A cursor position report, ESC [ row ; col R, at s (n bytes): its
 * length, 0 if s is not one, -1 if s may be the start of one. */
static int
report_at(const char *s, size_t n, int *row, int *col)
{
	size_t i = 2;
	int v[2] = {0, 0};

	if (n < 2)
		return n == 1 && s[0] == '\033' ? -1 : 0;
	if (s[0] != '\033' || s[1] != '[')
		return 0;
	for (int k = 0; k < 2; k++) {
		size_t start = i;

		while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 5)
			v[k] = v[k] * 10 + (s[i++] - '0');
		if (i == n)
			return -1;
		if (i == start || s[i] != (k == 0 ? ';' : 'R'))
			return 0;
		i++;
	}
	*row = v[0];
	*col = v[1];
	return (int)i;
}

/* An answer to OSC 11 at s (n bytes), ESC ] 11 ; rgb:R/G/B ended by BEL
 * or ESC \: its length, 0 if s is not one, -1 if s may be the start of
 * one.  A light background noted in P.light. */
static int
colour_at(const char *s, size_t n)
{
	static const char lead[] = "\033]11;";
	size_t i, k = sizeof lead - 1;

	if (!P.colour_asked)
		return 0;
	if (memcmp(s, lead, n < k ? n : k) != 0)
		return 0;
	for (i = n < k ? n : k; i < n && s[i] != '\a' && s[i] != '\033'; i++)
		if (i > 40)
			return 0;	/* no answer is this long */
	if (i == n || (s[i] == '\033' && i + 1 == n))
		return -1;
	if (s[i] == '\033' && s[i + 1] != '\\')
		return 0;
	/* rgb:R/G/B, 1 to 4 hex digits a component, each scaled to 0..1. */
	if (i - k > 4 && memcmp(s + k, "rgb:", 4) == 0) {
		const char *q = s + k + 4;
		double lum = 0;
		static const double weight[3] = {0.2126, 0.7152, 0.0722};
		int c;

		for (c = 0; c < 3; c++) {
			char *e;
			unsigned long x = strtoul(q, &e, 16);
			long d = e - q;

			if (d < 1 || d > 4 || *e != (c < 2 ? '/' : s[i]))
				break;
			lum += weight[c] * (double)x / (double)((1ul << (4 * d)) - 1);
			q = e + 1;
		}
		if (c == 3)
			P.light = lum > 0.5;
	}
	P.colour_asked = false;
	return (int)(i + (s[i] == '\a' ? 1 : 2));
}

/* Take reports out of P.in, keep the rest as typed; true once one has
 * come (its position in *row, *col).  A cut one stays in P.in. */
static bool
take_reports(int *row, int *col, bool *got)
{
	size_t i = 0;

	while (i < P.nin) {
		int r, c, len = colour_at(P.in + i, P.nin - i);

		if (len > 0) {
			i += (size_t)len;
			continue;
		}
		if (len == 0)
			len = report_at(P.in + i, P.nin - i, &r, &c);
		if (len < 0)
			break;
		if (len == 0) {
			keep_typed(P.in + i, 1);
			i++;
			continue;
		}
		if (P.pending > 0)
			P.pending--;
		if (!*got) {
			*row = r;
			*col = c;
			*got = true;
		}
		i += (size_t)len;
	}
	memmove(P.in, P.in + i, P.nin - i);
	P.nin -= i;
	return *got;
}

/* Read until a report has come, or no byte for PROBE_QUIET_MS. */
static bool
read_report(int *row, int *col)
{
	bool got = false;

	while (!take_reports(row, col, &got)) {
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		ssize_t r;

		if (poll(&p, 1, PROBE_QUIET_MS) <= 0)
			break;
		if (P.nin == sizeof P.in) {	/* no report is this long */
			keep_typed(P.in, P.nin);
			P.nin = 0;
		}
		r = read(STDIN_FILENO, P.in + P.nin, sizeof P.in - P.nin);
		if (r <= 0 && !(r < 0 && errno == EINTR))
			break;
		if (r > 0)
			P.nin += (size_t)r;
	}
	return got;
}

static bool
say(const char *s)
{
	size_t n = strlen(s);

	return write(STDOUT_FILENO, s, n) == (ssize_t)n;
}

/* Measure, from the report to the first question. */
static enum ambiguous
measure(void)
{
	struct winsize ws;
	int row, col, row2, col2;
	char erase[32];

	if (!read_report(&row, &col))
		return AMBIGUOUS_NARROW;	/* no answer: assume the common case */
	/* A wide glyph in the last column would wrap, and maybe scroll. */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || col + 2 > ws.ws_col)
		return AMBIGUOUS_NARROW;
	if (!say("\xe2\x80\xa6\033[6n"))	/* U+2026 … */
		return AMBIGUOUS_NARROW;
	P.pending++;
	if (!read_report(&row2, &col2))
		row2 = col2 = 0;
	/* Erase just the cells drawn: the rest of the line is the user's. */
	snprintf(erase, sizeof erase, "\033[%dG\033[%dX", col,
	         row2 == row && col2 > col ? col2 - col : 2);
	(void)say(erase);
	return row2 == row && col2 - col == 2 ? AMBIGUOUS_WIDE : AMBIGUOUS_NARROW;
}

static void
probe_atexit(void)
{
	int row, col;

	tty_probe_wait();
	/* An answer still on its way, with no curses to take it, would be
	 * typed into the shell after we leave: wait for it a while. */
	if (P.pending > 0 && !P.replayed && raw_mode(&P.saved)) {
		read_report(&row, &col);
		tcsetattr(STDIN_FILENO, TCSANOW, &P.saved);
	}
}

void
tty_probe_start(void)
{
	sigset_t block;
	const char *term;

	if (P.state != PROBE_NONE)
		return;
	P.state = PROBE_DONE;
	P.result = AMBIGUOUS_NARROW;
	if (!charset_is_utf8()) {
		/* The ellipsis could not be sent; a legacy CJK locale says
		 * itself that the terminal draws such characters wide. */
		if (wcwidth(0x2026) == 2)
			P.result = AMBIGUOUS_WIDE;
		return;
	}
	if (!tty_check_terminal(true) || tcgetattr(STDIN_FILENO, &P.saved) != 0)
		return;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	sigaddset(&block, SIGTSTP);
	sigprocmask(SIG_BLOCK, &block, &P.mask);
	if (!raw_mode(&P.saved)) {
		sigprocmask(SIG_SETMASK, &P.mask, NULL);
		return;
	}
	P.state = PROBE_ASKED;
	atexit(probe_atexit);
	term = getenv("TERM");
	if (term != NULL && strncmp(term, "linux", 5) != 0 && say("\033]11;?\a"))
		P.colour_asked = true;
	if (say("\033[6n"))
		P.pending++;
}

enum ambiguous
tty_probe_wait(void)
{
	if (P.state != PROBE_ASKED)
		return P.result;
	P.state = PROBE_DONE;
	P.result = measure();
	tcsetattr(STDIN_FILENO, TCSANOW, &P.saved);
	/* A quit signal that came meanwhile ends the program now, with the
	 * terminal as it was found. */
	sigprocmask(SIG_SETMASK, &P.mask, NULL);
	return P.result;
}

/* ------------------------------------------------------------ afterwards */

/* The keys of the probe's time, for curses: ungetch gives back decoded
 * keys, so the few sequences typed before curses set the keypad mode are
 * decoded here; other sequences are dropped, never read as text. */
static int
sequence_key(const char *s, size_t n, size_t *len)
{
	static const struct {
		char final;
		int key;
	} arrows[] = {
		{'A', KEY_UP}, {'B', KEY_DOWN}, {'C', KEY_RIGHT}, {'D', KEY_LEFT},
		{'H', KEY_HOME}, {'F', KEY_END}, {'Z', KEY_BTAB},
	};
	size_t i = 2;

	*len = 1;
	if (n < 2 || (s[1] != '[' && s[1] != 'O'))
		return 27;	/* Esc itself */
	while (i < n && s[i] >= 0x20 && s[i] < 0x40)
		i++;		/* parameters */
	if (i == n)
		return 0;
	*len = i + 1;
	for (size_t k = 0; k < sizeof arrows / sizeof *arrows; k++)
		if (s[i] == arrows[k].final && i == 2)
			return arrows[k].key;
	return 0;
}

void
tty_probe_replay(void)
{
	int keys[TYPED_MAX];
	size_t n = 0;

	for (size_t i = 0; i < P.ntyped;) {
		size_t len = 1;
		int k = (unsigned char)P.typed[i];

		if (k == 27)
			k = sequence_key(P.typed + i, P.ntyped - i, &len);
		if (k != 0)
			keys[n++] = k;
		i += len;
	}
	while (n > 0)
		ungetch(keys[--n]);	/* a stack: the last first */
	P.ntyped = 0;
	P.replayed = true;
}

bool
tty_probe_expecting(void)
{
	return P.pending > 0 || P.colour_asked;
}

bool
tty_light_background(void)
{
	return P.light;
}

bool
tty_probe_late(const char *s, size_t n, size_t *len)
{
	int row, col, r;

	if ((r = colour_at(s, n)) > 0) {
		*len = (size_t)r;
		return true;
	}
	if (P.pending <= 0 || (r = report_at(s, n, &row, &col)) <= 0)
		return false;
	P.pending--;
	*len = (size_t)r;
	return true;
}
