/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bench.h: what the bench programs share -- their clocks, the median and
 * percentiles of their samples, the words their searches look for.
 * bench/bench.c, compiled into each program. */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stddef.h>

/* Wall time on CLOCK_MONOTONIC, in ms. */
double bench_now_ms(void);

/* CPU time of this process (CLOCK_PROCESS_CPUTIME_ID), in ms. */
double bench_cpu_ms(void);

/* v[0..n) in ascending order. */
void bench_sort(double *v, size_t n);

/* The q quantile (0..1) of v[0..n), the nearest sample (index
 * q * (n - 1), rounded); sorts v.  0 when n <= 0. */
double bench_quantile(double *v, int n, double q);

/* The median: bench_quantile(v, n, 0.5), that is, v[n / 2] once sorted. */
double bench_median(double *v, int n);

/* What the search figures look for in a language ("en", "ko", "ja", "zh";
 * any other as "en"): a common word, or the language's most frequent
 * letter (the worst case). */
enum bench_text { BENCH_WORD, BENCH_LETTER };
const char *bench_common(const char *lang, enum bench_text what);

#endif
