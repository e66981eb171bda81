/* datadir.c: where the content bundle is read from. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "util.h"

/* Is this binary the one in a configured build tree (".../src/iclei-tui"
 * beside ".../config.status")?  Then it reads the bundle from the source
 * tree, so it works before `make install`.  An installed binary never
 * has a config.status one level up from its directory named src. */
static int
running_from_build_tree(void)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return 0;
	*slash = '\0';
	if ((slash = strrchr(exe, '/')) == NULL || strcmp(slash, "/src") != 0)
		return 0;
	*slash = '\0';
	snprintf(probe, sizeof probe, "%s/config.status", exe);
	return access(probe, F_OK) == 0;
}

const char *
datadir_locale(void)
{
	return running_from_build_tree() ? BUILDLOCALEDIR : LOCALEDIR;
}

char *
datadir_find(const char *option)
{
	const char *env = getenv("ICLEI_TUI_DATA");

	if (option != NULL)
		return xstrdup(option);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (running_from_build_tree())
		return xstrdup(SRCDATADIR);
	return xstrdup(PKGDATADIR);
}
