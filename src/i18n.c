/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* i18n.c: the interface language, switchable at run time.
 *
 * gettext picks the catalogue from LANGUAGE, but ignores it when the
 * LC_MESSAGES locale is "C"; and only C, C.UTF-8 and POSIX may exist.  So
 * LC_MESSAGES becomes C.UTF-8 when it is C, LANGUAGE names the catalogue,
 * and glibc's catalogue counter is bumped so the next lookup sees it. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "datadir.h"
#include "i18n.h"

#if ENABLE_NLS && defined __GLIBC__
extern int _nl_msg_cat_cntr;
#endif

/* The locale LC_CTYPE is asked for: LC_ALL, LC_CTYPE, then LANG. */
static const char *
ctype_name(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return v;
	}
	return "";
}

/* "xx_YY.UTF-8", "C.utf8", "en_US.UTF-8@euro": a UTF-8 locale's name. */
static bool
names_utf8(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t n;

	if (dot == NULL)
		return false;
	n = strcspn(dot + 1, "@");
	return (n == 5 && strncasecmp(dot + 1, "utf-8", 5) == 0)
	    || (n == 4 && strncasecmp(dot + 1, "utf8", 4) == 0);
}

void
i18n_init(void)
{
	const char *messages;

	/* Only the categories the program uses, as tmux does: it formats no
	 * numbers, dates or sorted lists, and on a system without a locale
	 * archive each category is files to open (0.6 ms of --version's
	 * 4.9 here). */
	/* The character set text goes out in is the locale's (charset.h):
	 * a terminal set to another one would read UTF-8's bytes 0x80..0x9F
	 * as C1 controls.  A UTF-8 locale that is named but not installed
	 * (LANG=ko_KR.UTF-8 on a system with C.UTF-8 only) is still UTF-8:
	 * C.UTF-8 stands in for it, as every Debian system has it. */
	if (setlocale(LC_CTYPE, "") == NULL && names_utf8(ctype_name()))
		setlocale(LC_CTYPE, "C.UTF-8");
	charset_init();
	setlocale(LC_MESSAGES, "");
	messages = setlocale(LC_MESSAGES, NULL);
	if (messages == NULL || strcmp(messages, "C") == 0
	    || strcmp(messages, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	bindtextdomain(PACKAGE, datadir_locale());
	textdomain(PACKAGE);
#if ENABLE_NLS
	bind_textdomain_codeset(PACKAGE, "UTF-8");
#endif
}

void
i18n_set_language(enum lang l)
{
#if ENABLE_NLS
	setenv("LANGUAGE", lang_catalog(l), 1);
# ifdef __GLIBC__
	++_nl_msg_cat_cntr;
# endif
#else
	(void)l;
#endif
}
