/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* yaml-floor.c: what libyaml alone costs on the bundle's files.
 *
 *   yaml-floor FILE...
 *
 * Reads each file and runs libyaml's event parser over it as the loader
 * does (UTF-8 input from memory), doing nothing with the events: the
 * floor under any loader built on libyaml, for bench/run to set beside
 * `iclei-tui --dump`, which parses every language file and checks it.
 * Exits 1 if a file does not parse.  A tool of bench/run. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		yaml_parser_t p;
		yaml_event_t e;
		unsigned char *buf;
		long size;
		size_t n;
		FILE *f = fopen(argv[i], "rb");
		int done = 0;

		if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0
		    || fseek(f, 0, SEEK_SET) != 0)
			return 1;
		buf = malloc((size_t)size + 1);
		n = fread(buf, 1, (size_t)size, f);
		fclose(f);
		if (!yaml_parser_initialize(&p))
			return 1;
		yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
		yaml_parser_set_input_string(&p, buf, n);
		while (!done) {
			if (!yaml_parser_parse(&p, &e))
				return 1;
			done = e.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&e);
		}
		yaml_parser_delete(&p);
		free(buf);
	}
	return 0;
}
