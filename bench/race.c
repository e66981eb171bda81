/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* race.c: run commands side by side, interleaved, and time them.
 *
 *   race [-r ROUNDS] [-w WARMUP] LABEL PROG [ARG]... [:: LABEL PROG [ARG]...]...
 *
 * Each round runs every command once, in an order that rotates from round
 * to round (round r starts with command r mod n), so that a slow spell of
 * the machine, a cache or a frequency change, falls on every command
 * alike.  A command runs with standard input and output on /dev/null and
 * standard error on /dev/null (a failing command is counted, and named).
 * The time of a run is the wall time from just before posix_spawn to the
 * return of wait4, on CLOCK_MONOTONIC; its CPU time and peak resident
 * set come from wait4's rusage.  WARMUP rounds (default 2) run first and
 * are not counted.
 *
 * One line per command on standard output, machine-readable:
 *   LABEL runs=N fails=F wall_med=MS wall_min=MS wall_p90=MS cpu_med=MS rss_kb=KB
 * (rss_kb: the largest ru_maxrss of its runs, KiB).  A tool of bench/run. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

extern char **environ;

struct cmd {
	const char *label;
	char **argv;
	double *wall, *cpu;
	long rss;
	int fails, runs;
};

static void
run(struct cmd *c, int keep)
{
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	pid_t pid;
	int st, e;
	double t0, t1;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = bench_now_ms();
	e = posix_spawnp(&pid, c->argv[0], &fa, NULL, c->argv, environ);
	if (e != 0) {
		fprintf(stderr, "race: %s: %s\n", c->argv[0], strerror(e));
		exit(1);
	}
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("race: wait4");
			exit(1);
		}
	t1 = bench_now_ms();
	posix_spawn_file_actions_destroy(&fa);
	if (!keep)
		return;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		c->fails++;
	c->wall[c->runs] = t1 - t0;
	c->cpu[c->runs] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3
	                  + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	if (ru.ru_maxrss > c->rss)
		c->rss = ru.ru_maxrss;
	c->runs++;
}

int
main(int argc, char **argv)
{
	int rounds = 30, warmup = 2, opt, n = 0;
	struct cmd *cmds;

	while ((opt = getopt(argc, argv, "+r:w:")) != -1) {
		switch (opt) {
		case 'r': rounds = atoi(optarg); break;
		case 'w': warmup = atoi(optarg); break;
		default:
			goto usage;
		}
	}
	if (optind + 2 > argc || rounds < 1 || warmup < 0)
		goto usage;
	cmds = calloc((size_t)argc, sizeof *cmds);
	for (int i = optind; i < argc;) {
		struct cmd *c = &cmds[n++];

		c->label = argv[i++];
		c->argv = &argv[i];
		while (i < argc && strcmp(argv[i], "::") != 0)
			i++;
		if (c->argv == &argv[i])
			goto usage;
		if (i < argc)
			argv[i++] = NULL;	/* the "::" ends this argv */
		c->wall = calloc((size_t)rounds, sizeof *c->wall);
		c->cpu = calloc((size_t)rounds, sizeof *c->cpu);
	}
	for (int r = 0; r < warmup + rounds; r++)
		for (int j = 0; j < n; j++)
			run(&cmds[(r + j) % n], r >= warmup);
	for (int i = 0; i < n; i++) {
		struct cmd *c = &cmds[i];
		double med = bench_quantile(c->wall, c->runs, 0.5);
		double p90 = bench_quantile(c->wall, c->runs, 0.9);

		printf("%s runs=%d fails=%d wall_med=%.3f wall_min=%.3f wall_p90=%.3f "
		       "cpu_med=%.3f rss_kb=%ld\n", c->label, c->runs, c->fails, med,
		       c->wall[0], p90, bench_quantile(c->cpu, c->runs, 0.5), c->rss);
	}
	return 0;
usage:
	fprintf(stderr, "usage: race [-r ROUNDS] [-w WARMUP] LABEL PROG [ARG]... "
	        "[:: LABEL PROG [ARG]...]...\n");
	return 2;
}
