/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* tty_write.c: a frame leaves in one write(2).
 *
 * ncurses flushes its output buffer after every cursor movement (its
 * mvcur for the terminfo interface ends in _nc_flush), so one doupdate
 * of a moving cloud leaves in 4 to 30 writes, and a terminal that draws
 * between two of them shows half a frame.  ncurses has no interface to
 * hold its output, and it writes with write(2) on the descriptor of the
 * FILE newterm was given, so this file defines write: while a frame is
 * being drawn, what is written to the terminal's descriptor is kept, and
 * sent at the frame's end in one call.  Every other descriptor, and the
 * terminal outside a frame, goes straight to the kernel. */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "tty_int.h"
#include "util.h"

static struct {
	int fd;			/* the terminal, while a frame is held */
	char *buf;
	size_t n, cap;
	bool failed;		/* a frame could not be sent whole */
} F = {.fd = -1};

static ssize_t
kernel_write(int fd, const void *p, size_t n)
{
	return syscall(SYS_write, fd, p, n);
}

ssize_t
write(int fd, const void *p, size_t n)
{
	if (fd < 0 || fd != F.fd)
		return kernel_write(fd, p, n);
	grow(&F.buf, &F.cap, F.n + n, 1);
	memcpy(F.buf + F.n, p, n);
	F.n += n;
	return (ssize_t)n;
}

void
tty_hold_output(int fd)
{
	if (F.fd == fd)
		return;		/* held already: keep what is held */
	F.fd = fd;
	F.n = 0;
}

/* Async-signal-safe: only a store. */
void
tty_drop_output(void)
{
	F.fd = -1;
}

/* All of it, through EINTR and a terminal that is slow to take it (a
 * non-blocking descriptor says EAGAIN: wait until it can).  A pty with a
 * little room says it is writable while the write still would block:
 * after a wait that did not help, sleep a millisecond rather than spin. */
static bool
send_all(int fd, const char *p, size_t n)
{
	int stuck = 0;

	while (n > 0) {
		ssize_t k = kernel_write(fd, p, n);

		if (k > 0) {
			p += k;
			n -= (size_t)k;
			stuck = 0;
		} else if (k < 0 && errno == EAGAIN) {
			struct pollfd pfd = {.fd = fd, .events = POLLOUT};
			struct timespec ms = {0, 1000000L};

			if (stuck++ > 0)
				nanosleep(&ms, NULL);
			poll(&pfd, 1, -1);
		} else if (k < 0 && errno != EINTR) {
			return false;
		}
	}
	return true;
}

size_t
tty_release_output(void)
{
	int fd = F.fd;
	size_t n = F.n;

	F.fd = -1;
	F.n = 0;
	if (fd >= 0 && n > 0 && !send_all(fd, F.buf, n))
		F.failed = true;
	return n;
}

bool
tty_output_failed(void)
{
	return F.failed;
}
