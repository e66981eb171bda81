/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bench.c: what the bench programs share; see bench.h. */
#define _GNU_SOURCE 1
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

static double
clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

double
bench_now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

double
bench_cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

void
bench_sort(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
}

double
bench_quantile(double *v, int n, double q)
{
	if (n <= 0)
		return 0;
	bench_sort(v, (size_t)n);
	return v[(int)(q * (n - 1) + 0.5)];
}

double
bench_median(double *v, int n)
{
	return bench_quantile(v, n, 0.5);
}

static const struct {
	const char *lang, *text[2];	/* by enum bench_text */
} common[] = {
	{"ko", {"지방", "이"}},
	{"ja", {"自治体", "の"}},
	{"zh", {"地方", "的"}},
	{"en", {"the", "e"}},		/* the last: any other language */
};

const char *
bench_common(const char *lang, enum bench_text what)
{
	size_t i = 0;

	while (i + 1 < sizeof common / sizeof *common
	       && strcmp(lang, common[i].lang) != 0)
		i++;
	return common[i].text[what];
}
