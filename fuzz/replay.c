/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* replay.c: run a fuzz target over files, without libFuzzer, so that
 * `make check` replays every crash ever found (fuzz/regress/) and the
 * seed corpus with the ordinary compiler. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int
main(int argc, char **argv)
{
	int n = 0;

	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *buf;
		long len;

		if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0) {
			perror(argv[i]);
			return 2;
		}
		rewind(fp);
		buf = malloc((size_t)len + 1);
		if (buf == NULL || fread(buf, 1, (size_t)len, fp) != (size_t)len) {
			perror(argv[i]);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, (size_t)len);
		free(buf);
		n++;
	}
	printf("replayed %d inputs\n", n);
	return 0;
}
