/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* keys-list.c: every key binding of the program, from the same tables
 * that dispatch the keys and make the help screen, one per line:
 *
 *   table<TAB>Pages and languages
 *   key<TAB>Shift-Tab<TAB>previous page
 *   gesture<TAB>click<TAB>a tab, a language, a link, a tag in the cloud
 *
 * in the help's order, untranslated.  tests/docs.test holds them against
 * the man page. */
#include <config.h>

#include <stdio.h>

#include "app.h"

int
main(void)
{
	const struct keytable *t[64];
	size_t n = app_help_tables(t, sizeof t / sizeof *t);

	for (size_t i = 0; i < n; i++) {
		printf("table\t%s\n", t[i]->title);
		for (size_t j = 0; j < t[i]->n; j++) {
			const struct binding *b = &t[i]->v[j];

			if (b->name != NULL)
				printf("gesture\t%s\t%s\n", b->name, b->help);
			for (int k = 0; k < BINDING_KEYS && b->keys[k] != 0; k++)
				printf("key\t%s\t%s\n", keyc_name(b->keys[k]), b->help);
		}
	}
	return fflush(stdout) != 0;
}
