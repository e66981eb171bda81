/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* tty.c: the one module that owns the terminal.
 *
 * Signals are turned into events through a self-pipe, so the main loop
 * blocks in one poll() on the terminal and the pipe: no timer wakes it
 * while nothing happens, and no signal is lost between a check and the
 * wait.  SIGWINCH is ours too (ncurses then installs no handler of its
 * own), so a resize can never slip in unnoticed; we call resizeterm.
 * Ctrl-Z is handled here so that the modes we set ourselves (pointer
 * motion) are undone while the shell has the terminal -- or, in a kiosk
 * (no_suspend), so that it never stops us: a public terminal whose
 * program stopped would leave its client at a shell, or hung. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tty.h"	/* curses first, then its terminfo header */
#if HAVE_NCURSESW_CURSES_H
# include <ncursesw/term.h>
#else
# include <term.h>
#endif

#include "i18n.h"
#include "sanitize.h"
#include "tty_int.h"
#include "util.h"

/* Pointer motion reporting (any-event tracking), which ncurses does not
 * ask xterm-likes for; and everything mouse, off. */
#define MOTION_ON "\033[?1003h"
#define MOUSE_OFF "\033[?1003l\033[?1002l\033[?1000l\033[?1006l"

/* Whether curses may hold input it has read already: after it said it
 * had none, only new input on the terminal gives it more. */
static bool curses_pending = true;

static struct {
	bool open, closing;
	SCREEN *screen;
	struct termios saved;	/* before curses, to restore on a crash */
	bool have_saved;
	int pipe[2];		/* the self-pipe: signal handlers write here */
	bool mouse, motion;
	bool no_suspend;
	cc_t vintr;		/* Ctrl-C's character, while it is a key */
	char restore[256];	/* what a fatal-signal handler writes */
	size_t restore_len;
	unsigned long long written;
} T = {.pipe = {-1, -1}};

static volatile sig_atomic_t got_quit, got_winch, got_tstp;

/* ------------------------------------------------------------ signals */

static void
wake(void)
{
	int saved = errno;
	char c = 0;

	if (T.pipe[1] >= 0 && write(T.pipe[1], &c, 1) < 0) {
		/* The pipe is full: the main loop wakes anyway. */
	}
	errno = saved;
}

/* Put the terminal back with async-signal-safe calls only: the escape
 * sequences computed at start-up, then the saved termios.  Non-blocking,
 * waiting at most about five seconds for a terminal whose buffer is full
 * (a slow link, a loaded machine: the restore matters more than the wait),
 * so one that stopped reading cannot hang us here. */
static void
emergency_restore(void)
{
	int flags = fcntl(STDOUT_FILENO, F_GETFL);
	size_t done = 0;

	if (!T.open)
		return;
	tty_drop_output();	/* half a frame: the restore string follows */
	if (flags >= 0)
		fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK);
	/* Five seconds of no progress, by the clock: a pty with a little
	 * room says it is writable while a write of ours would still block,
	 * so counting polls would give up at once. */
	for (long long end = monotonic_ms() + 5000;
	     done < T.restore_len && monotonic_ms() < end;) {
		ssize_t w = write(STDOUT_FILENO, T.restore + done, T.restore_len - done);
		struct pollfd p = {STDOUT_FILENO, POLLOUT, 0};
		struct timespec pause = {0, 10 * 1000000L};

		if (w > 0) {
			done += (size_t)w;
			end = monotonic_ms() + 5000;
			continue;
		}
		if (w < 0 && errno != EAGAIN && errno != EINTR)
			break;
		if (poll(&p, 1, 100) > 0)
			nanosleep(&pause, NULL);	/* never spin */
	}
	if (flags >= 0)
		fcntl(STDOUT_FILENO, F_SETFL, flags);
	if (T.have_saved)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &T.saved);
}

static void
on_quit(int sig)
{
	if (got_quit) {
		/* A second request while the first is stuck (say, writing to
		 * a terminal that no longer reads): leave now. */
		emergency_restore();
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	got_quit = sig;
	wake();
}

static void
on_winch(int sig)
{
	(void)sig;
	got_winch = 1;
	wake();
}

static void
on_tstp(int sig)
{
	(void)sig;
	got_tstp = 1;
	wake();
}

static void
on_fatal(int sig)
{
	/* SA_RESETHAND made the action default again: restore, re-raise. */
	emergency_restore();
	raise(sig);
}

static void
handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;	/* no SA_RESTART: poll must return */
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* A sanitizer build that finds a fault reports it and exits without a
 * signal (unless told to abort): it gets the restore too, so a CI log,
 * or a user's terminal, is readable after it. */
#if defined(__SANITIZE_ADDRESS__)
# define HAVE_SANITIZER_DEATH 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#  define HAVE_SANITIZER_DEATH 1
# endif
#endif
#ifdef HAVE_SANITIZER_DEATH
# include <sanitizer/common_interface_defs.h>
#endif

static void
install_handlers(void)
{
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
	                            SIGQUIT};

	handle(SIGINT, on_quit, 0);
	handle(SIGTERM, on_quit, 0);
	handle(SIGHUP, on_quit, 0);
	handle(SIGWINCH, on_winch, 0);
	handle(SIGTSTP, on_tstp, 0);
	handle(SIGPIPE, SIG_IGN, 0);
	for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
		handle(fatal[i], on_fatal, SA_RESETHAND);
#ifdef HAVE_SANITIZER_DEATH
	__sanitizer_set_death_callback(emergency_restore);
#endif
}

static void
restore_handlers(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP,
	                           SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
	                           SIGQUIT};

	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		handle(sigs[i], SIG_DFL, 0);
	/* A kiosk is never stopped, on its way out either. */
	if (T.no_suspend)
		handle(SIGTSTP, SIG_IGN, 0);
}

/* ------------------------------------------------------------ checks */

/* Once it has passed, it is not asked again: reading terminfo takes a
 * while. */
bool
tty_check_terminal(bool quiet)
{
	static bool passed;
	const char *name = getenv("TERM");
	char *cup;
	int err = 0;

	if (passed)
		return true;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		if (!quiet)
			warnx("%s", _("standard input and output must be a terminal; "
			              "try --dump to print the pages"));
		return false;
	}
	if (name == NULL || *name == '\0') {
		if (!quiet)
			warnx("%s", _("TERM is not set; set it to your terminal's type "
			              "(for example xterm-256color), or try --dump"));
		return false;
	}
	/* setupterm, unlike initscr, reports an unknown TERM instead of
	 * exiting. */
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		if (!quiet)
			warnx(_("unknown terminal type '%s' (TERM); try --dump"),
			      sanitize_arg(name));
		return false;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		if (!quiet)
			warnx(_("terminal type '%s' cannot move the cursor; try --dump"),
			      sanitize_arg(name));
		del_curterm(cur_term);
		return false;
	}
	del_curterm(cur_term);
	passed = true;
	return true;
}

/* ------------------------------------------------------------ set-up */

static void
add_restore(const char *cap)
{
	char *s = tigetstr(cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (T.restore_len + n < sizeof T.restore) {
		memcpy(T.restore + T.restore_len, s, n);
		T.restore_len += n;
	}
}

/* The bytes a crash handler writes: computed now, when it is safe. */
static void
prepare_restore(void)
{
	/* CAN first: it cancels an escape sequence a frame left half
	 * written, which would otherwise swallow the start of ours. */
	static const char start[] = "\030" MOUSE_OFF;

	memcpy(T.restore, start, sizeof start - 1);
	T.restore_len = sizeof start - 1;
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore("rmkx");
	add_restore("rmcup");
}

/* What cbreak leaves as it was: Ctrl-S would freeze the screen (IXON),
 * and Ctrl-C or Ctrl-Z would discard output not yet read -- the bytes
 * that restore the terminal among them (NOFLSH keeps them). */
static void
own_termios(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)IXON;
	t.c_lflag |= NOFLSH;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();	/* curses restores this after Ctrl-Z */
}

static int
count_colors(const struct tty_opts *o)
{
	const char *no_color = getenv("NO_COLOR");

	if (o->color == COLOR_NEVER)
		return 0;
	if (o->color == COLOR_AUTO && no_color != NULL && *no_color != '\0')
		return 0;
	if (!has_colors() || start_color() != OK)
		return 0;
	use_default_colors();
	return COLORS >= 256 ? 256 : COLORS >= 8 ? 8 : 0;
}

static void
set_mouse(void)
{
	mmask_t want = 0;

	if (T.mouse)
		want = BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED
		       | BUTTON5_PRESSED | REPORT_MOUSE_POSITION;
	mousemask(want, NULL);
	mouseinterval(0);	/* no click-resolution delay */
}

bool
tty_open(const struct tty_opts *opts, struct tty_info *info)
{
	if (!tty_check_terminal(false))
		return false;
	if (pipe(T.pipe) != 0) {
		warnx("%s", strerror(errno));
		return false;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(T.pipe[i], F_SETFL, fcntl(T.pipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(T.pipe[i], F_SETFD, FD_CLOEXEC);
	}
	if (opts->ambiguous != AMBIGUOUS_AUTO) {
		info->ambig = opts->ambiguous;
	} else {
		tty_probe_start();	/* unless main has asked already */
		info->ambig = tty_probe_wait();
	}
	info->light = tty_light_background();
	T.have_saved = tcgetattr(STDIN_FILENO, &T.saved) == 0;
	T.no_suspend = opts->no_suspend;
	/* Handlers first: ncurses then leaves SIGWINCH and SIGTSTP to us. */
	install_handlers();
	/* From curses' first bytes to the first frame's last: one write. */
	tty_hold_output(fileno(stdout));
	T.screen = newterm(NULL, stdout, stdin);
	if (T.screen == NULL) {
		tty_release_output();
		restore_handlers();
		warnx("%s", _("cannot initialise the terminal"));
		return false;
	}
	set_term(T.screen);
	T.open = true;
	atexit(tty_close);
	prepare_restore();
	cbreak();
	noecho();
	nonl();
	own_termios();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);	/* Esc feels instant */
	curs_set(0);
	/* The cursor is hidden: never spend bytes moving it back after a
	 * frame (app.c turns this off while the search prompt shows it). */
	leaveok(stdscr, TRUE);
	/* No look for typed-ahead input while a frame goes out (two or
	 * three polls a frame): a frame is one write, sent whole anyway. */
	typeahead(-1);
	info->colors = count_colors(opts);
	T.mouse = opts->mouse;
	set_mouse();
	tty_probe_replay();
	curses_pending = true;	/* (the keys typed during the probe) */
	return true;
}

void
tty_close(void)
{
	if (!T.open || T.closing)
		return;
	/* Still open while the goodbye is written: a terminal that stopped
	 * reading blocks it, and a second signal then must still find the
	 * crash restore armed. */
	T.closing = true;
	tty_mouse_motion(false);
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	tty_release_output();	/* all that is held, the goodbye too */
	fflush(stdout);
	T.open = false;
	T.closing = false;
	delscreen(T.screen);
	T.screen = NULL;
	restore_handlers();
	close(T.pipe[0]);
	close(T.pipe[1]);
	T.pipe[0] = T.pipe[1] = -1;
}

void
tty_reraise(int sig)
{
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ------------------------------------------------------------ output */

/* Held, and sent with the next frame (or on leaving): in order with
 * curses' bytes, in the same write.  Hence write(2), not stdio, whose
 * own writes are not held. */
static void
raw_write(const char *s)
{
	size_t n = strlen(s);

	tty_hold_output(fileno(stdout));
	if (write(fileno(stdout), s, n) == (ssize_t)n)
		T.written += n;
}

void
tty_interrupt_key(bool on)
{
	struct termios t;

	if (!T.open)
		return;
	if (isendwin())
		reset_prog_mode();	/* curses' modes, not the shell's */
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	if (!on && t.c_cc[VINTR] != _POSIX_VDISABLE) {
		T.vintr = t.c_cc[VINTR];
		t.c_cc[VINTR] = _POSIX_VDISABLE;
	} else if (on && t.c_cc[VINTR] == _POSIX_VDISABLE && T.vintr != 0) {
		t.c_cc[VINTR] = T.vintr;
	} else {
		return;
	}
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();	/* what curses puts back after Ctrl-Z */
}

void
tty_mouse_motion(bool on)
{
	if (!T.mouse || on == T.motion)
		return;
	T.motion = on;
	/* Turning any-event tracking off turns all reports off in xterm:
	 * ask for clicks again (ncurses' own ?1000, with SGR ?1006 on). */
	raw_write(on ? MOTION_ON : "\033[?1003l\033[?1000h");
}

void
tty_flush(void)
{
	wnoutrefresh(stdscr);
	tty_hold_output(fileno(stdout));
	doupdate();
	T.written += tty_release_output();
}

void
tty_repaint(void)
{
	clearok(curscr, TRUE);
}

unsigned long long
tty_bytes_written(void)
{
	return T.written;
}

/* ------------------------------------------------------------ input */

static void
drain_pipe(void)
{
	char buf[64];

	while (read(T.pipe[0], buf, sizeof buf) > 0)
		;
}

static void
suspend(void)
{
	bool motion = T.motion;

	tty_mouse_motion(false);
	endwin();
	tty_release_output();	/* before the stop, not after it */
	fflush(stdout);
	handle(SIGTSTP, SIG_DFL, 0);
	raise(SIGTSTP);
	/* ...stopped until SIGCONT (fg)... */
	handle(SIGTSTP, on_tstp, 0);
	/* Back in curses' mode at once, not at the next frame: whatever
	 * changes the terminal's modes before that (the prompt's Ctrl-C)
	 * must start from curses' modes, not the shell's. */
	doupdate();
	tty_mouse_motion(motion);
	got_winch = 1;	/* the size may have changed meanwhile */
}

static bool
take_resize(void)
{
	struct winsize ws;

	got_winch = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0
	    || ws.ws_col == 0)
		return false;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return false;
	resizeterm(ws.ws_row, ws.ws_col);
	/* Repaint from a cleared screen: what a terminal keeps of its cells
	 * across a resize is its own (kitty rewraps them), and curses would
	 * skip the cells it believes unchanged -- kitty then lost a wide
	 * character of the new layout (tests/terminals). */
	clearok(curscr, TRUE);
	return true;
}

/* A signal that arrived: true when it made an event. */
static bool
signal_event(struct event *ev)
{
	drain_pipe();
	if (got_quit) {
		ev->type = EV_QUIT;
		ev->signal = got_quit;
		return true;
	}
	if (got_tstp && T.no_suspend) {
		got_tstp = 0;
		ev->type = EV_NO_SUSPEND;
		return true;
	}
	if (got_tstp) {
		got_tstp = 0;
		suspend();
		take_resize();
		ev->type = EV_REDRAW;
		return true;
	}
	if (got_winch) {
		if (take_resize()) {
			ev->type = EV_RESIZE;
			return true;
		}
	}
	return false;
}

/* After an Esc: is what follows an answer the probe gave up on, a
 * cursor report or the background colour?  (It comes in one piece, so
 * it is all there.)  Then it is dropped; else what was read goes back, to
 * be read as it came.  Reading stops at the end of such an answer, so the
 * keys after it stay. */
static bool
late_report(void)
{
	char buf[48] = "\033";
	struct { int r; wint_t wc; } got[48];
	size_t len = 1, n = 0;

	while (len < sizeof buf) {
		got[n].r = wget_wch(stdscr, &got[n].wc);
		if (got[n].r == ERR)
			break;
		n++;
		if (got[n - 1].r != OK || got[n - 1].wc >= 0x80)
			break;	/* a key, a wide character: no report */
		buf[len++] = (char)got[n - 1].wc;
		if (got[n - 1].wc == 'R' || got[n - 1].wc == '\a'
		    || (got[n - 1].wc == '\\' && buf[len - 2] == '\033'))
			break;
	}
	if (tty_probe_late(buf, len, &len))
		return true;
	while (n-- > 0) {
		if (got[n].r == OK)
			unget_wch((wchar_t)got[n].wc);
		else
			ungetch((int)got[n].wc);
	}
	return false;
}

/* A key or mouse event that curses has ready, without waiting. */
static bool
input_event(struct event *ev)
{
	wint_t wc;
	int r;

	nodelay(stdscr, TRUE);
	r = wget_wch(stdscr, &wc);
	if (r == OK && wc == 27 && tty_probe_expecting() && late_report())
		r = wget_wch(stdscr, &wc);
	curses_pending = r != ERR;
	if (r == ERR)
		return false;
	if (r == KEY_CODE_YES && wc == KEY_MOUSE) {
		if (getmouse(&ev->mouse) != OK)
			return false;
		ev->type = EV_MOUSE;
		return true;
	}
	if (r == KEY_CODE_YES && wc == KEY_RESIZE)
		return false;	/* ours come from SIGWINCH */
	ev->type = EV_KEY;
	ev->key = r == KEY_CODE_YES ? KEYC(wc) : (key_code)wc;
	return true;
}

void
tty_next(struct event *ev, int timeout_ms)
{
	long long deadline = timeout_ms < 0 ? -1 : monotonic_ms() + timeout_ms;

	memset(ev, 0, sizeof *ev);
	for (;;) {
		struct pollfd p[2] = {
			{STDIN_FILENO, POLLIN, 0},
			{T.pipe[0], POLLIN, 0},
		};
		int wait = -1, r;

		if (tty_output_failed()) {
			/* A frame could not be sent: the terminal is gone. */
			ev->type = EV_QUIT;
			ev->signal = SIGHUP;
			return;
		}
		if (got_quit || got_winch || got_tstp) {
			if (signal_event(ev))
				return;
		}
		/* curses may hold input it has already read: ask it first. */
		if (curses_pending && input_event(ev))
			return;
		if (deadline >= 0) {
			long long left = deadline - monotonic_ms();

			if (left <= 0) {
				ev->type = EV_TIMEOUT;
				return;
			}
			wait = (int)left;
		}
		r = poll(p, 2, wait);
		if (r < 0 && errno != EINTR) {
			ev->type = EV_QUIT;
			ev->signal = SIGHUP;
			return;
		}
		if (r == 0 && wait >= 0) {
			/* Nothing came: curses has nothing new to give. */
			ev->type = EV_TIMEOUT;
			return;
		}
		if (r > 0 && (p[0].revents & POLLIN))
			curses_pending = true;
		if (p[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal went away. */
			ev->type = EV_QUIT;
			ev->signal = SIGHUP;
			return;
		}
	}
}
