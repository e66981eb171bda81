/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* fuzz.h: the libFuzzer entry point, and how a target reports a broken
 * promise (abort, so both libFuzzer and the replay driver catch it). */
#ifndef ICLEI_FUZZ_H
#define ICLEI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PROMISE(cond, what)                                               \
	do {                                                              \
		if (!(cond)) {                                            \
			fprintf(stderr, "broken promise: %s (%s:%d)\n", what, \
			        __FILE__, __LINE__);                      \
			abort();                                          \
		}                                                         \
	} while (0)

#endif
