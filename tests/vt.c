/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* vt.c: the pseudo-terminal test harness (see vt.h).
 *
 * One child on a new pseudo-terminal, its master fd (non-blocking,
 * close-on-exec) and a libvterm screen fed with everything the child writes.
 * The harness keeps the slave side open too until the child has exited and
 * its output is drained: with no slave left open, Linux may report EIO on the
 * master before the child's last bytes have been read (a message written
 * just before exit would be lost).  Input to the child
 * (our keys and mouse reports, libvterm's replies) goes through an output
 * queue that is flushed whenever the master is writable, so a child that does
 * not read can never block the harness. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "vt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>
#include <utmp.h> /* login_tty */
#include <vterm.h>

_Static_assert(VT_MAX_CHARS == VTERM_MAX_CHARS_PER_CELL,
	       "VT_MAX_CHARS must match libvterm's VTERM_MAX_CHARS_PER_CELL");

#define RAW_CAP ((size_t)64 << 20) /* raw output kept for vt_raw_seen */
#define PUMP_MAX ((size_t)1 << 20) /* bytes read per vt_pump at most */
#define DRAIN_MS 200               /* reading the rest after the exit */

struct vt {
	pid_t pid;
	int fd;
	int slave; /* our hold on the slave side, until the drain; or -1 */
	int rows, cols;
	VTerm *term;
	VTermScreen *screen;
	VTermState *state;

	int gstate, gutf8; /* where the output stands: see track() */
	bool margins_stale; /* resized: the scroll region is reset next */

	bool eof;    /* the master said EOF/EIO: no more output */
	bool reaped; /* waitpid done; status valid */
	int status;

	bool altscreen, cursor_visible;
	int mouse, bells;
	char *title;

	unsigned char *raw; /* the first RAW_CAP bytes of output */
	size_t raw_len, raw_cap;
	size_t received;

	char *out; /* queued input for the child */
	size_t out_len, out_cap;
	size_t sent; /* bytes ever queued */

	int64_t last_activity; /* ms, CLOCK_MONOTONIC: last byte in or out */

	/* An escape sequence being collected by feed(): CSI ? Pm h/l. */
	char pend[64];
	size_t pend_len;
};

/* ------------------------------------------------------------ helpers */

int64_t
vt_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q == NULL) {
		fputs("vt: out of memory\n", stderr);
		abort();
	}
	return q;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xrealloc(NULL, n), s, n);
}

/* A growing byte string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 128;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The characters of a cell (up to VT_MAX_CHARS code points, 0-terminated
 * unless full) as UTF-8 into out (VT_CELL_UTF8 bytes): a space for a
 * blank cell (ch[0] == 0), U+FFFD for what is not a scalar value.  Returns
 * the number of bytes. */
static size_t
chars_utf8(const uint32_t *ch, char *out)
{
	uint8_t *u = (uint8_t *)out;
	size_t n = 0;

	if (ch[0] == 0)
		u[n++] = ' ';
	for (int i = 0; i < VT_MAX_CHARS && ch[i] != 0; i++) {
		int k = u8_uctomb(u + n, ch[i], VT_CELL_UTF8 - (ptrdiff_t)n);

		if (k < 0)
			k = u8_uctomb(u + n, 0xFFFD, VT_CELL_UTF8 - (ptrdiff_t)n);
		n += (size_t)k;
	}
	return n;
}

/* ------------------------------------------------------------ output queue */

/* Write what we can of the queue; drop it if the child's side is gone. */
static void
flush_out(struct vt *t)
{
	size_t done = 0;

	if (t->out_len == 0)
		return;
	while (done < t->out_len) {
		ssize_t n = write(t->fd, t->out + done, t->out_len - done);

		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		done = t->out_len; /* EIO etc.: nobody will read it */
	}
	if (done > 0 && done < t->out_len)
		memmove(t->out, t->out + done, t->out_len - done);
	t->out_len -= done;
}

static void
queue_out(struct vt *t, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (t->out_len + n > t->out_cap) {
		size_t cap = t->out_cap ? t->out_cap : 256;

		while (t->out_len + n > cap)
			cap *= 2;
		t->out = xrealloc(t->out, cap);
		t->out_cap = cap;
	}
	memcpy(t->out + t->out_len, s, n);
	t->out_len += n;
	t->sent += n;
	t->last_activity = vt_now_ms();
	flush_out(t);
}

/* What the harness answers to OSC 11 (the background colour), as
 * "rgb:RRRR/GGGG/BBBB"; NULL: no answer, as libvterm gives none. */
static const char *background_answer;
static bool background_late;	/* answered after two position reports */
static int reports_before;	/* reports still to go before it */
static char late_answer[64];	/* that answer, until then ("" if none) */

void
vt_answer_background(const char *rgb)
{
	background_answer = rgb;
	background_late = false;
}

void
vt_answer_background_late(const char *rgb)
{
	background_answer = rgb;
	background_late = true;
}

static int
on_osc(const char *command, size_t len, void *user)
{
	char buf[64];

	if (background_answer == NULL || len != 4 || memcmp(command, "11;?", 4) != 0)
		return 0;
	snprintf(buf, sizeof buf, "\033]11;%s\033\\", background_answer);
	if (background_late) {
		snprintf(late_answer, sizeof late_answer, "%s", buf);
		reports_before = 2;
	}
	else
		queue_out(user, buf, strlen(buf));
	return 1;
}

static const VTermParserCallbacks fallbacks = {.osc = on_osc};

/* The held-back answer goes just before the first key typed once the
 * probe's reports are out: the program reads it with curses running. */
static void
send_late_answer(struct vt *t)
{
	if (late_answer[0] == '\0' || reports_before > 0)
		return;
	queue_out(t, late_answer, strlen(late_answer));
	late_answer[0] = '\0';
}

/* libvterm's output: keys, mouse reports, replies to queries. */
static void
on_output(const char *s, size_t len, void *user)
{
	if (len == 0 || s[len - 1] != 'R')
		send_late_answer(user);	/* a key, not a report */
	queue_out(user, s, len);
	/* As GNU screen does: the position at once, the colour after. */
	if (late_answer[0] != '\0' && len > 0 && s[len - 1] == 'R')
		reports_before--;
}


/* ------------------------------------------------------------ screen callbacks */

static int
on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct vt *t = user;

	switch (prop) {
	case VTERM_PROP_ALTSCREEN:
		t->altscreen = val->boolean != 0;
		break;
	case VTERM_PROP_CURSORVISIBLE:
		t->cursor_visible = val->boolean != 0;
		break;
	case VTERM_PROP_MOUSE:
		t->mouse = val->number;
		break;
	case VTERM_PROP_TITLE:
		free(t->title);
		t->title = xstrdup(val->string != NULL ? val->string : "");
		break;
	default:
		break;
	}
	return 1;
}

static int
on_bell(void *user)
{
	struct vt *t = user;

	t->bells++;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_settermprop,
	.bell = on_bell,
};

/* ------------------------------------------------------------ spawning */

/* Put "NAME=value" s (taken over) into v[0..*n), replacing NAME; a bare
 * "NAME" removes it. */
static void
env_put(char **v, size_t *n, char *s)
{
	size_t k = strcspn(s, "="), j;

	for (j = 0; j < *n; j++)
		if (strncmp(v[j], s, k) == 0 && v[j][k] == '=')
			break;
	if (j < *n) {
		free(v[j]);
		v[j] = v[--*n];
	}
	if (s[k] == '=')
		v[(*n)++] = s;
	else
		free(s);
}

static char *
concat(const char *a, const char *b)
{
	struct buf x = {0};

	buf_addstr(&x, a);
	buf_addstr(&x, b);
	return x.s;
}

/* The child's environment: defaults, then env's additions and removals.
 * Nothing else is inherited, so LINES and COLUMNS never leak in: the size
 * comes from the ioctl alone (ncurses would otherwise ignore resizes). */
static char **
make_env(char *const env[])
{
	const char *path = getenv("PATH"), *home = getenv("HOME");
	size_t n = 0, cap = 5;
	char **v;

	for (size_t i = 0; env != NULL && env[i] != NULL; i++)
		cap++;
	v = xrealloc(NULL, cap * sizeof *v);
	env_put(v, &n, xstrdup("TERM=xterm-256color"));
	env_put(v, &n, xstrdup("LC_ALL=C.UTF-8"));
	env_put(v, &n, concat("PATH=", path != NULL && *path ? path
				       : "/usr/local/bin:/usr/bin:/bin"));
	env_put(v, &n, concat("HOME=", home != NULL && *home ? home : "/"));
	for (size_t i = 0; env != NULL && env[i] != NULL; i++)
		env_put(v, &n, xstrdup(env[i]));
	v[n] = NULL;
	return v;
}

static void
free_env(char **v)
{
	for (size_t i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* Close every descriptor from lo up (the caller's pipes, other terminals). */
static void
close_from(int lo)
{
	long max;

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
	if (close_range((unsigned)lo, ~0U, 0) == 0)
		return;
#endif
	max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (long fd = lo; fd < max; fd++)
		close((int)fd);
}

/* In the child, on the new terminal (all signals blocked): default signals, then
 * unblocked, no stray fds, exec. */
static void __attribute__((noreturn))
child_exec(char *const argv[], char **envp)
{
	sigset_t none;
	const char *msg;

	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL); /* EINVAL for KILL/STOP/RT internals: fine */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	close_from(3);

	environ = envp;
	execvp(argv[0], argv);
	msg = strerror(errno);
	(void)!write(2, "vt_spawn: ", 10);
	(void)!write(2, argv[0], strlen(argv[0]));
	(void)!write(2, ": ", 2);
	(void)!write(2, msg, strlen(msg));
	(void)!write(2, "\r\n", 2);
	_exit(127);
}

struct vt *
vt_spawn(int rows, int cols, char *const argv[], char *const env[])
{
	struct winsize ws = {0};
	sigset_t all, old;
	struct vt *t;
	char **envp;
	int fd, slave, flags, e;
	pid_t pid;

	if (rows < 1 || cols < 1 || argv == NULL || argv[0] == NULL) {
		errno = EINVAL;
		return NULL;
	}
	signal(SIGPIPE, SIG_IGN);

	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	envp = make_env(env); /* before fork: no malloc in the child */
	/* Signals stay blocked in the child until its dispositions are back
	 * at their defaults: a signal sent right after vt_spawn must not meet
	 * one of the caller's handlers or SIG_IGN. */
	if (openpty(&fd, &slave, NULL, NULL, &ws) != 0) {
		free_env(envp);
		return NULL;
	}
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	pid = fork();
	if (pid == 0) {
		close(fd);
		if (login_tty(slave) != 0)
			_exit(127);
		child_exec(argv, envp);
	}
	e = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	free_env(envp);
	if (pid < 0) {
		close(fd);
		close(slave);
		errno = e;
		return NULL;
	}
	fcntl(slave, F_SETFD, FD_CLOEXEC);

	flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);

	t = xrealloc(NULL, sizeof *t);
	memset(t, 0, sizeof *t);
	t->pid = pid;
	t->fd = fd;
	t->slave = slave;
	t->rows = rows;
	t->cols = cols;
	t->cursor_visible = true;
	t->last_activity = vt_now_ms();

	t->term = vterm_new(rows, cols);
	if (t->term == NULL) {
		fputs("vt: vterm_new failed\n", stderr);
		abort();
	}
	vterm_set_utf8(t->term, 1); /* before the reset */
	vterm_output_set_callback(t->term, on_output, t);
	t->state = vterm_obtain_state(t->term);
	t->screen = vterm_obtain_screen(t->term);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_set_callbacks(t->screen, &screen_callbacks, t);
	vterm_screen_reset(t->screen, 1);
	vterm_state_set_unrecognised_fallbacks(t->state, &fallbacks, t);
	return t;
}

static void
reap(struct vt *t, bool block)
{
	int st;

	while (!t->reaped) {
		pid_t r = waitpid(t->pid, &st, block ? 0 : WNOHANG);

		if (r == t->pid) {
			t->reaped = true;
			t->status = st;
		} else if (r < 0 && errno == EINTR) {
			continue;
		} else if (r < 0) {
			/* ECHILD: reaped behind our back; nothing to wait for */
			t->reaped = true;
			t->status = -1;
		}
		break;
	}
}

void
vt_free(struct vt *t)
{
	if (t == NULL)
		return;
	if (!t->reaped) {
		/* The child is a session and group leader (login_tty): take the
		 * whole group, then the leader in case it left it. */
		kill(-t->pid, SIGKILL);
		kill(t->pid, SIGKILL);
		reap(t, true);
	}
	if (t->slave >= 0)
		close(t->slave);
	close(t->fd);
	vterm_free(t->term);
	free(t->title);
	free(t->raw);
	free(t->out);
	free(t);
}

/* ------------------------------------------------------------ reading */

/* libvterm 0.1.4 applies only the first parameter of a DEC private mode
 * set/reset (CSI ? Pm h / l): "ESC[?1006;1000h", which ncurses sends to turn
 * the mouse on, would leave the mouse off.  xterm applies every parameter,
 * so such a sequence is split into one sequence per parameter on its way to
 * libvterm (the raw output kept for vt_raw_seen stays as it came).  A
 * sequence cut between two reads is held back until it is complete. */
static void
feed_pending(struct vt *t)
{
	if (t->pend_len > 0)
		vterm_input_write(t->term, t->pend, t->pend_len);
	t->pend_len = 0;
}

/* The pending bytes with c, a complete "ESC [ ? Pm h|l": one per parameter. */
static void
feed_split(struct vt *t, char c)
{
	const char *p = t->pend + 3, *end = t->pend + t->pend_len;

	while (p <= end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *stop = semi != NULL ? semi : end;
		char seq[80];
		size_t n = (size_t)(stop - p);

		if (n > 0 && n + 4 <= sizeof seq) {
			memcpy(seq, "\033[?", 3);
			memcpy(seq + 3, p, n);
			seq[3 + n] = c;
			vterm_input_write(t->term, seq, n + 4);
		}
		p = stop + 1;
	}
	t->pend_len = 0;
}

static void
feed(struct vt *t, const char *p, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		char c = p[i];

		if (t->pend_len == 0) {
			if (c == '\033') {
				if (i > start)
					vterm_input_write(t->term, p + start, i - start);
				t->pend[t->pend_len++] = c;
				start = i + 1;
			}
			continue;
		}
		/* Collecting: ESC, ESC [, ESC [ ?, then digits and ';'. */
		if ((t->pend_len == 1 && c == '[') || (t->pend_len == 2 && c == '?')
		    || (t->pend_len >= 3 && ((c >= '0' && c <= '9') || c == ';')
		        && t->pend_len < sizeof t->pend - 1)) {
			t->pend[t->pend_len++] = c;
			start = i + 1;
		} else if (t->pend_len >= 3 && (c == 'h' || c == 'l')
		           && memchr(t->pend, ';', t->pend_len) != NULL) {
			feed_split(t, c);
			start = i + 1;
		} else {
			/* Anything else: pass it all on as it came. */
			feed_pending(t);
			start = i;
			if (c == '\033') {
				t->pend[t->pend_len++] = c;
				start = i + 1;
			}
		}
	}
	if (n > start)
		vterm_input_write(t->term, p + start, n - start);
}

/* Where the output stream stands between two bytes: in text (ground),
 * or inside an escape sequence or a UTF-8 character.  Only in ground may
 * the harness put in bytes of its own. */
enum { G_GROUND, G_ESC, G_CSI, G_STR, G_STR_ESC, G_UTF8 };

static void
track(struct vt *t, unsigned char c)
{
	switch (t->gstate) {
	case G_GROUND:
		if (c == 0x1b) {
			t->gstate = G_ESC;
		} else if (c >= 0xc0 && c < 0xf8) {
			t->gutf8 = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
			t->gstate = G_UTF8;
		}
		break;
	case G_UTF8:
		if ((c & 0xc0) != 0x80 || --t->gutf8 == 0)
			t->gstate = G_GROUND;
		break;
	case G_ESC:
		if (c == '[')
			t->gstate = G_CSI;
		else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X')
			t->gstate = G_STR;
		else if (c < 0x20 || c >= 0x30)	/* not an intermediate */
			t->gstate = G_GROUND;
		break;
	case G_CSI:
		if (c >= 0x40 && c <= 0x7e)
			t->gstate = G_GROUND;
		break;
	case G_STR:
		if (c == 0x07)
			t->gstate = G_GROUND;
		else if (c == 0x1b)
			t->gstate = G_STR_ESC;
		break;
	default:
		t->gstate = c == '\\' ? G_GROUND : G_STR;
		break;
	}
}

/* After a resize, as xterm and VTE do: the scroll region is the whole
 * screen again.  (libvterm 0.1.4 keeps the old one, and a scroll in a
 * region past the new bottom memmoves a negative size.)  The cursor stays
 * where it is. */
static void
reset_margins(struct vt *t)
{
	vterm_input_write(t->term, "\0337\033[r\0338", 7);
	t->margins_stale = false;
}

/* The output to libvterm, with the margins reset at the first moment the
 * stream allows after a resize. */
static void
feed_tracked(struct vt *t, const char *p, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		if (t->margins_stale && t->gstate == G_GROUND) {
			feed(t, p + start, i - start);
			reset_margins(t);
			start = i;
		}
		track(t, (unsigned char)p[i]);
	}
	feed(t, p + start, n - start);
	if (t->margins_stale && t->gstate == G_GROUND)
		reset_margins(t);
}

static void
take(struct vt *t, const char *p, size_t n)
{
	if (t->raw_len < RAW_CAP) {
		size_t keep = n < RAW_CAP - t->raw_len ? n : RAW_CAP - t->raw_len;

		if (t->raw_len + keep > t->raw_cap) {
			size_t cap = t->raw_cap ? t->raw_cap : 65536;

			while (t->raw_len + keep > cap)
				cap *= 2;
			if (cap > RAW_CAP)
				cap = RAW_CAP;
			t->raw = xrealloc(t->raw, cap);
			t->raw_cap = cap;
		}
		memcpy(t->raw + t->raw_len, p, keep);
		t->raw_len += keep;
	}
	t->received += n;
	t->last_activity = vt_now_ms();
	feed_tracked(t, p, n);
}

/* Read everything available now (non-blocking). */
static size_t
read_available(struct vt *t)
{
	char chunk[65536];
	size_t got = 0;

	while (!t->eof && got < PUMP_MAX) {
		ssize_t n = read(t->fd, chunk, sizeof chunk);

		if (n > 0) {
			take(t, chunk, (size_t)n);
			got += (size_t)n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			break;
		} else {
			/* 0, or EIO once the child side is closed (Linux) */
			t->eof = true;
			t->out_len = 0;
		}
	}
	return got;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Once the child has exited and nothing more comes for a moment, its last
 * write has reached the master: let go of the slave, so that the master
 * reads EIO (end of output) from now on. */
static void
release_slave(struct vt *t)
{
	struct pollfd p = {t->fd, POLLIN, 0};

	if (t->slave < 0)
		return;
	reap(t, false);
	if (!t->reaped)
		return;
	while (poll(&p, 1, 20) > 0 && read_available(t) > 0)
		;
	close(t->slave);
	t->slave = -1;
}

size_t
vt_pump(struct vt *t, int timeout_ms)
{
	struct pollfd p;
	size_t got;

	if (timeout_ms < 0)
		timeout_ms = 0;
	if (t->eof) {
		if (timeout_ms > 0)
			sleep_ms(timeout_ms);
		return 0;
	}
	release_slave(t); /* if the child has gone */
	p.fd = t->fd;
	p.events = POLLIN | (t->out_len > 0 ? POLLOUT : 0);
	p.revents = 0;
	if (poll(&p, 1, timeout_ms) <= 0)
		return 0; /* timeout, or EINTR: the caller's loop re-checks */
	if (p.revents & POLLOUT)
		flush_out(t);
	got = read_available(t); /* also sees POLLHUP/POLLERR as EIO */
	flush_out(t);            /* replies to what was just read */
	return got;
}

static int
remaining(int64_t deadline)
{
	int64_t r = deadline - vt_now_ms();

	return r < 0 ? 0 : r > 1000 ? 1000 : (int)r;
}

bool
vt_wait(struct vt *t, int timeout_ms, bool (*pred)(struct vt *, void *), void *arg)
{
	int64_t deadline = vt_now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		if (pred != NULL && pred(t, arg))
			return true;
		if (t->eof || vt_now_ms() >= deadline)
			return false;
		vt_pump(t, remaining(deadline));
	}
}

static bool
pred_text(struct vt *t, void *arg)
{
	return vt_find_text(t, arg, NULL, NULL) > 0;
}

static bool
pred_no_text(struct vt *t, void *arg)
{
	return vt_find_text(t, arg, NULL, NULL) == 0;
}

bool
vt_wait_text(struct vt *t, const char *utf8, int timeout_ms)
{
	return vt_wait(t, timeout_ms, pred_text, (void *)utf8);
}

bool
vt_wait_no_text(struct vt *t, const char *utf8, int timeout_ms)
{
	return vt_wait(t, timeout_ms, pred_no_text, (void *)utf8);
}

bool
vt_wait_quiet(struct vt *t, int quiet_ms, int timeout_ms)
{
	int64_t deadline = vt_now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		int64_t now = vt_now_ms(), quiet_until = t->last_activity + quiet_ms;
		int64_t until;

		if (t->out_len == 0 && (t->eof || now >= quiet_until))
			return true;
		if (now >= deadline)
			return false;
		until = quiet_until < deadline ? quiet_until : deadline;
		vt_pump(t, until > now ? (int)(until - now) : 1);
	}
}

/* ------------------------------------------------------------ the screen */

int
vt_rows(struct vt *t)
{
	return t->rows;
}

int
vt_cols(struct vt *t)
{
	return t->cols;
}

/* Row text into b (untrimmed); if cellcol, the cell column of every byte. */
static void
row_text(struct vt *t, int row, struct buf *b, struct buf *cellcol)
{
	for (int col = 0; col < t->cols; col++) {
		VTermScreenCell c;
		VTermPos pos = {row, col};
		size_t before = b->len;
		char u[VT_CELL_UTF8];

		if (!vterm_screen_get_cell(t->screen, pos, &c))
			continue;
		if (c.chars[0] == (uint32_t)-1)
			continue; /* right half of a wide character */
		buf_add(b, u, chars_utf8(c.chars, u));
		if (cellcol != NULL)
			for (size_t k = before; k < b->len; k++)
				buf_add(cellcol, &col, sizeof col);
	}
	if (b->s == NULL)
		buf_add(b, "", 0);
}

static void
trim(struct buf *b)
{
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

char *
vt_row_text(struct vt *t, int row)
{
	struct buf b = {0};

	if (row < 0 || row >= t->rows)
		return NULL;
	row_text(t, row, &b, NULL);
	trim(&b);
	return b.s;
}

char *
vt_screen_text(struct vt *t)
{
	struct buf b = {0};

	buf_add(&b, "", 0);
	for (int row = 0; row < t->rows; row++) {
		struct buf r = {0};

		row_text(t, row, &r, NULL);
		trim(&r);
		if (row > 0)
			buf_add(&b, "\n", 1);
		buf_add(&b, r.s, r.len);
		free(r.s);
	}
	return b.s;
}

int
vt_find_text(struct vt *t, const char *utf8, int *row, int *col)
{
	size_t n = strlen(utf8);
	int count = 0;

	if (n == 0)
		return 0;
	for (int r = 0; r < t->rows; r++) {
		struct buf b = {0}, cc = {0};
		const char *p;

		row_text(t, r, &b, &cc);
		for (p = b.s; (p = strstr(p, utf8)) != NULL; p++) {
			if (count++ == 0) {
				int c;

				memcpy(&c, cc.s + (size_t)(p - b.s) * sizeof c, sizeof c);
				if (row != NULL)
					*row = r;
				if (col != NULL)
					*col = c;
			}
		}
		free(b.s);
		free(cc.s);
	}
	return count;
}

static bool
get_cell(struct vt *t, int row, int col, VTermScreenCell *c)
{
	VTermPos pos = {row, col};

	if (row < 0 || row >= t->rows || col < 0 || col >= t->cols)
		return false;
	return vterm_screen_get_cell(t->screen, pos, c) != 0;
}

static void
color_out(struct vt *t, VTermColor col, bool *is_default, int *index, uint8_t rgb[3],
	  bool fg)
{
	*is_default = fg ? VTERM_COLOR_IS_DEFAULT_FG(&col) : VTERM_COLOR_IS_DEFAULT_BG(&col);
	*index = !*is_default && VTERM_COLOR_IS_INDEXED(&col) ? col.indexed.idx : -1;
	vterm_screen_convert_color_to_rgb(t->screen, &col);
	rgb[0] = col.rgb.red;
	rgb[1] = col.rgb.green;
	rgb[2] = col.rgb.blue;
}

bool
vt_cell(struct vt *t, int row, int col, struct vt_cell *out)
{
	VTermScreenCell c;

	memset(out, 0, sizeof *out);
	if (!get_cell(t, row, col, &c))
		return false;
	if (c.chars[0] == (uint32_t)-1) {
		out->width = 0;
	} else {
		for (int i = 0; i < VT_MAX_CHARS && c.chars[i] != 0; i++)
			out->ch[i] = c.chars[i];
		out->width = c.width;
	}
	out->bold = c.attrs.bold;
	out->underline = (int)c.attrs.underline;
	out->italic = c.attrs.italic;
	out->blink = c.attrs.blink;
	out->reverse = c.attrs.reverse;
	out->strike = c.attrs.strike;
	color_out(t, c.fg, &out->fg_default, &out->fg_index, out->fg_rgb, true);
	color_out(t, c.bg, &out->bg_default, &out->bg_index, out->bg_rgb, false);
	return true;
}

size_t
vt_cell_utf8(const struct vt_cell *c, char *out)
{
	return chars_utf8(c->ch, out);
}

bool
vt_screen_has_color(struct vt *t)
{
	for (int r = 0; r < t->rows; r++)
		for (int c = 0; c < t->cols; c++) {
			VTermScreenCell cell;

			if (get_cell(t, r, c, &cell) &&
			    (!VTERM_COLOR_IS_DEFAULT_FG(&cell.fg) ||
			     !VTERM_COLOR_IS_DEFAULT_BG(&cell.bg)))
				return true;
		}
	return false;
}

void
vt_cursor(struct vt *t, int *row, int *col)
{
	VTermPos pos;

	vterm_state_get_cursorpos(t->state, &pos);
	if (row != NULL)
		*row = pos.row;
	if (col != NULL)
		*col = pos.col;
}

/* ------------------------------------------------------------ state */

bool
vt_altscreen(struct vt *t)
{
	return t->altscreen;
}

bool
vt_cursor_visible(struct vt *t)
{
	return t->cursor_visible;
}

int
vt_mouse_mode(struct vt *t)
{
	return t->mouse;
}

const char *
vt_title(struct vt *t)
{
	return t->title != NULL ? t->title : "";
}

int
vt_bells(struct vt *t)
{
	return t->bells;
}

pid_t
vt_pid(struct vt *t)
{
	return t->pid;
}

size_t
vt_bytes(struct vt *t)
{
	return t->received;
}

bool
vt_raw_seen_from(struct vt *t, size_t from, const char *bytes, size_t n)
{
	if (from >= t->raw_len)
		return n == 0 && from == t->raw_len;
	return memmem(t->raw + from, t->raw_len - from, bytes, n) != NULL;
}

bool
vt_raw_seen(struct vt *t, const char *bytes, size_t n)
{
	return vt_raw_seen_from(t, 0, bytes, n);
}

/* ------------------------------------------------------------ input */

void
vt_send(struct vt *t, const char *bytes, size_t n)
{
	send_late_answer(t);
	queue_out(t, bytes, n);
}

void
vt_keys(struct vt *t, const char *s)
{
	send_late_answer(t);
	queue_out(t, s, strlen(s));
}

void
vt_key_mod(struct vt *t, enum vt_key key, int mods)
{
	static const VTermKey map[] = {
		[VT_KEY_UP] = VTERM_KEY_UP,
		[VT_KEY_DOWN] = VTERM_KEY_DOWN,
		[VT_KEY_LEFT] = VTERM_KEY_LEFT,
		[VT_KEY_RIGHT] = VTERM_KEY_RIGHT,
		[VT_KEY_HOME] = VTERM_KEY_HOME,
		[VT_KEY_END] = VTERM_KEY_END,
		[VT_KEY_PGUP] = VTERM_KEY_PAGEUP,
		[VT_KEY_PGDN] = VTERM_KEY_PAGEDOWN,
		[VT_KEY_INS] = VTERM_KEY_INS,
		[VT_KEY_DEL] = VTERM_KEY_DEL,
		[VT_KEY_ENTER] = VTERM_KEY_ENTER,
		[VT_KEY_TAB] = VTERM_KEY_TAB,
		[VT_KEY_BTAB] = VTERM_KEY_TAB,
		[VT_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
		[VT_KEY_ESC] = VTERM_KEY_ESCAPE,
	};
	VTermModifier m = (VTermModifier)(mods & VTERM_ALL_MODS_MASK);
	VTermKey k;

	if (key >= VT_KEY_F1 && key <= VT_KEY_F12)
		k = VTERM_KEY_FUNCTION((int)(key - VT_KEY_F1) + 1);
	else if ((size_t)key < sizeof map / sizeof map[0])
		k = map[key];
	else
		return;
	if (key == VT_KEY_BTAB)
		m |= VTERM_MOD_SHIFT;
	vterm_keyboard_key(t->term, k, m);
}

void
vt_key(struct vt *t, enum vt_key key)
{
	vt_key_mod(t, key, 0);
}

void
vt_char(struct vt *t, uint32_t c, int mods)
{
	vterm_keyboard_unichar(t->term, c, (VTermModifier)(mods & VTERM_ALL_MODS_MASK));
}

void
vt_type(struct vt *t, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t n = strlen(utf8);

	while (n > 0) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, s, n);

		if (len <= 0) { /* not a valid, shortest-form character: raw */
			queue_out(t, (const char *)s, 1);
			len = 1;
		} else {
			vterm_keyboard_unichar(t->term, c, VTERM_MOD_NONE);
		}
		s += len;
		n -= (size_t)len;
	}
}

void
vt_paste(struct vt *t, const char *utf8)
{
	vterm_keyboard_start_paste(t->term);
	vt_type(t, utf8);
	vterm_keyboard_end_paste(t->term);
}

/* libvterm 0.1.4 keeps reporting clicks after the program turned the mouse
 * off (ESC[?1000l leaves MOUSE_WANT_CLICK set, even ESC c does): only let
 * buttons through while the program has a mouse mode on, as xterm does.
 * Moves always go through, to keep libvterm's idea of the position. */
bool
vt_mouse_move(struct vt *t, int row, int col)
{
	size_t before = t->sent;

	vterm_mouse_move(t->term, row, col, VTERM_MOD_NONE);
	return t->sent != before;
}

bool
vt_mouse(struct vt *t, int row, int col, int button, bool press)
{
	size_t before = t->sent;

	vterm_mouse_move(t->term, row, col, VTERM_MOD_NONE);
	if (t->mouse != VTERM_PROP_MOUSE_NONE)
		vterm_mouse_button(t->term, button, press, VTERM_MOD_NONE);
	return t->sent != before;
}

bool
vt_click(struct vt *t, int row, int col)
{
	bool a = vt_mouse(t, row, col, 1, true);
	bool b = vt_mouse(t, row, col, 1, false);

	return a || b;
}

bool
vt_wheel(struct vt *t, int row, int col, int notches)
{
	int button = notches < 0 ? 4 : 5;
	int k = notches < 0 ? -notches : notches;
	bool sent = false;

	for (int i = 0; i < k; i++)
		sent |= vt_mouse(t, row, col, button, true); /* no release */
	return sent;
}

void
vt_resize(struct vt *t, int rows, int cols)
{
	struct winsize ws = {0};

	if (rows < 1 || cols < 1)
		return;
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	ioctl(t->fd, TIOCSWINSZ, &ws);
	vterm_set_size(t->term, rows, cols);
	t->rows = rows;
	t->cols = cols;
	t->margins_stale = true;
	if (t->gstate == G_GROUND)
		reset_margins(t);
}

/* ------------------------------------------------------------ process */

void
vt_signal(struct vt *t, int sig)
{
	if (!t->reaped)
		kill(t->pid, sig);
}

bool
vt_wait_exit(struct vt *t, int timeout_ms, int *status)
{
	int64_t deadline = vt_now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	while (!t->reaped) {
		reap(t, false);
		if (t->reaped)
			break;
		if (vt_now_ms() >= deadline)
			return false;
		vt_pump(t, remaining(deadline) < 10 ? remaining(deadline) : 10);
	}
	/* The program is gone: read what it left, up to the EIO (a
	 * grandchild may keep the terminal open; then stop after a while). */
	{
		int64_t until = vt_now_ms() + DRAIN_MS;

		while (!t->eof && vt_now_ms() < until)
			vt_pump(t, remaining(until));
	}
	if (status != NULL)
		*status = t->status;
	return true;
}

/* ------------------------------------------------------------ diagnostics */

void
vt_snapshot(struct vt *t, FILE *f, const char *prefix)
{
	int crow, ccol, w = t->rows > 100 ? 3 : 2;

	if (prefix == NULL)
		prefix = "";
	vt_cursor(t, &crow, &ccol);
	fprintf(f, "%s+-- %dx%d, cursor %d,%d %s, %s screen, mouse %d, %zu bytes",
		prefix, t->rows, t->cols, crow, ccol,
		t->cursor_visible ? "visible" : "hidden",
		t->altscreen ? "alternate" : "main", t->mouse, t->received);
	if (t->title != NULL && *t->title)
		fprintf(f, ", title \"%s\"", t->title);
	if (t->reaped) {
		if (WIFEXITED(t->status))
			fprintf(f, ", exited %d", WEXITSTATUS(t->status));
		else if (WIFSIGNALED(t->status))
			fprintf(f, ", killed by signal %d", WTERMSIG(t->status));
	} else if (t->eof) {
		fputs(", output ended", f);
	}
	fputc('\n', f);
	fprintf(f, "%s%*s|", prefix, w, "");
	for (int c = 0; c < t->cols; c++)
		fputc(c % 10 == 0 ? '0' + c / 10 % 10 : ' ', f);
	fputc('\n', f);
	fprintf(f, "%s%*s|", prefix, w, "");
	for (int c = 0; c < t->cols; c++)
		fputc('0' + c % 10, f);
	fputc('\n', f);
	for (int r = 0; r < t->rows; r++) {
		char *s = vt_row_text(t, r);

		fprintf(f, "%s%0*d|%s\n", prefix, w, r, s);
		free(s);
	}
	fprintf(f, "%s+--\n", prefix);
}

static void
color_name(char *out, size_t n, bool is_default, int index, const uint8_t rgb[3])
{
	if (is_default)
		snprintf(out, n, "default");
	else if (index >= 0)
		snprintf(out, n, "%d", index);
	else
		snprintf(out, n, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

/* The style of a cell as words; "" when plain. */
static void
style_words(const struct vt_cell *c, struct buf *b)
{
	char col[32];

	b->len = 0;
	buf_add(b, "", 0);
	if (c->bold)
		buf_addstr(b, " bold");
	if (c->italic)
		buf_addstr(b, " italic");
	if (c->underline == 1)
		buf_addstr(b, " underline");
	else if (c->underline == 2)
		buf_addstr(b, " double-underline");
	else if (c->underline == 3)
		buf_addstr(b, " curly-underline");
	if (c->blink)
		buf_addstr(b, " blink");
	if (c->reverse)
		buf_addstr(b, " reverse");
	if (c->strike)
		buf_addstr(b, " strike");
	if (!c->fg_default) {
		color_name(col, sizeof col, false, c->fg_index, c->fg_rgb);
		buf_addstr(b, " fg=");
		buf_addstr(b, col);
	}
	if (!c->bg_default) {
		color_name(col, sizeof col, false, c->bg_index, c->bg_rgb);
		buf_addstr(b, " bg=");
		buf_addstr(b, col);
	}
}

void
vt_dump_attrs(struct vt *t, FILE *f, const char *prefix)
{
	struct buf cur = {0}, run = {0}, text = {0};

	if (prefix == NULL)
		prefix = "";
	for (int r = 0; r < t->rows; r++) {
		int start = -1, last = -1;

		for (int c = 0; c <= t->cols; c++) {
			struct vt_cell cell;
			char u[VT_CELL_UTF8];

			if (c < t->cols) {
				vt_cell(t, r, c, &cell);
				if (cell.width == 0)
					continue; /* belongs to the cell before */
				style_words(&cell, &cur);
			}
			if (start >= 0 && (c == t->cols || strcmp(cur.s, run.s) != 0)) {
				if (run.len > 0)
					fprintf(f, "%sr%d c%d-%d%s |%s|\n", prefix, r, start,
						last, run.s, text.s);
				start = -1;
			}
			if (c == t->cols)
				break;
			if (start < 0) {
				start = c;
				run.len = 0;
				buf_add(&run, cur.s, cur.len);
				text.len = 0;
				buf_add(&text, "", 0);
			}
			last = c + (cell.width == 2 ? 1 : 0);
			buf_add(&text, u, vt_cell_utf8(&cell, u));
		}
	}
	free(cur.s);
	free(run.s);
	free(text.s);
}
