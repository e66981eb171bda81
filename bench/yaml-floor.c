/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* yaml-floor.c: what libyaml alone costs on the bundle's files.
 *
 *   yaml-floor [-2] FILE...
 *
 * Reads each file and runs libyaml's event parser over it as the loader
 * does (UTF-8 input from memory), doing nothing with the events: the
 * floor under any loader built on libyaml, for bench/run to set beside
 * `iclei-tui --dump`, which parses every language file and checks it.
 * With -2 the files are parsed two at a time, on two threads, as
 * iclei-tui's loader does (the second started on another core, as
 * src/bundleset.c starts it): the floor on a machine with two cores.
 * Exits 1 if a file does not parse.  A tool of bench/run. */
#define _GNU_SOURCE 1
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static char **files;
static int nfiles;
static atomic_int next, failed;
static cpu_set_t cpus;

static int
parse_file(const char *path)
{
	yaml_parser_t p;
	yaml_event_t e;
	unsigned char *buf;
	long size;
	size_t n;
	FILE *f = fopen(path, "rb");
	int done = 0;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0
	    || fseek(f, 0, SEEK_SET) != 0)
		return -1;
	buf = malloc((size_t)size + 1);
	n = fread(buf, 1, (size_t)size, f);
	fclose(f);
	if (buf == NULL || !yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, buf, n);
	while (!done) {
		if (!yaml_parser_parse(&p, &e))
			return -1;
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	free(buf);
	return 0;
}

/* Takes the next file not yet taken, until none is left. */
static void *
worker(void *arg)
{
	int i;

	if (arg != NULL)
		(void)pthread_setaffinity_np(pthread_self(), sizeof cpus, &cpus);
	while ((i = atomic_fetch_add(&next, 1)) < nfiles)
		if (parse_file(files[i]) != 0)
			atomic_store(&failed, 1);
	return NULL;
}

int
main(int argc, char **argv)
{
	pthread_t helper;
	pthread_attr_t attr;
	cpu_set_t other;
	int two = argc > 1 && strcmp(argv[1], "-2") == 0;
	int helped = 0, here = sched_getcpu();

	files = argv + 1 + two;
	nfiles = argc - 1 - two;
	if (two && pthread_attr_init(&attr) == 0) {
		if (here >= 0 && sched_getaffinity(0, sizeof cpus, &cpus) == 0) {
			other = cpus;
			CPU_CLR(here, &other);
			if (CPU_COUNT(&other) > 0)
				pthread_attr_setaffinity_np(&attr, sizeof other, &other);
		}
		helped = pthread_create(&helper, &attr, worker, &cpus) == 0;
		pthread_attr_destroy(&attr);
	}
	worker(NULL);
	if (helped)
		pthread_join(helper, NULL);
	return atomic_load(&failed);
}
