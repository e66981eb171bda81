/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* datadir.c: where the content bundle is read from. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "util.h"

/* The build tree this binary runs from, or NULL: ".../src/iclei-tui"
 * beside ".../config.status".  Then the bundle is read from the tree's
 * data/ (the source tree's, or a link to it in a VPATH build) and the
 * catalogues from its locale/, so the program works before `make
 * install` with no path of the build compiled in.  An installed binary
 * never has a config.status one level up from its directory named src. */
static const char *
build_tree(void)
{
	static char top[PATH_MAX];
	static int known;
	char probe[PATH_MAX + 32];
	ssize_t n;
	char *slash;

	if (known)
		return top[0] != '\0' ? top : NULL;
	known = 1;
	n = readlink("/proc/self/exe", top, sizeof top - 1);
	if (n <= 0)
		return top[0] = '\0', NULL;
	top[n] = '\0';
	if ((slash = strrchr(top, '/')) != NULL)
		*slash = '\0';
	if (slash == NULL || (slash = strrchr(top, '/')) == NULL || strcmp(slash, "/src") != 0)
		return top[0] = '\0', NULL;
	*slash = '\0';
	snprintf(probe, sizeof probe, "%s/config.status", top);
	if (access(probe, F_OK) != 0)
		return top[0] = '\0', NULL;
	return top;
}

/* dir/name, allocated. */
static char *
under(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *s = xmalloc(n);

	snprintf(s, n, "%s/%s", dir, name);
	return s;
}

const char *
datadir_locale(void)
{
	static char *dir;
	const char *top = build_tree();

	if (top == NULL)
		return LOCALEDIR;
	if (dir == NULL)
		dir = under(top, "locale");
	return dir;
}

char *
datadir_find(const char *option)
{
	const char *env = getenv("ICLEI_TUI_DATA"), *top = build_tree();

	if (option != NULL)
		return xstrdup(option);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (top != NULL)
		return under(top, "data");
	return xstrdup(PKGDATADIR);
}
