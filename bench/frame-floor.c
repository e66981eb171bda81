/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* frame-floor.c: the floor of a frame's cost on this machine -- a program
 * that does only what every frame of the cloud must: sleep in poll(2)
 * until the frame is due, then write(2) BYTES of output to the terminal
 * in one call (default 100, about a cloud frame at 80x24).  No work at
 * all between the two.  bench/run runs it in the pseudo-terminal as
 * `pty-bench cloud -F` runs the program, so that the real program's CPU
 * per frame can be read beside it.
 *
 *   frame-floor [BYTES [FPS]] */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	int bytes = argc > 1 ? atoi(argv[1]) : 100, fps = argc > 2 ? atoi(argv[2]) : 30;
	char *buf;

	if (bytes < 8 || bytes > 65536 || fps < 1 || fps > 1000) {
		fprintf(stderr, "usage: frame-floor [BYTES [FPS]]\n");
		return 2;
	}
	buf = malloc((size_t)bytes);
	if (buf == NULL)
		return 1;
	for (unsigned long n = 0;; n++) {
		struct pollfd p = {0, POLLIN, 0};

		/* Home, then text that changes every frame. */
		memcpy(buf, "\033[H", 3);
		for (int i = 3; i < bytes; i++)
			buf[i] = (char)('a' + (n + (unsigned long)i) % 26);
		if (poll(&p, 1, 1000 / fps) > 0 && (p.revents & (POLLHUP | POLLERR)))
			return 0;
		if (write(1, buf, (size_t)bytes) < 0)
			return 1;
	}
}
