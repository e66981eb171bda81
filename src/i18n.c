/* i18n.c: the interface language, switchable at run time.
 *
 * gettext picks the catalogue from LANGUAGE, but ignores it when the
 * LC_MESSAGES locale is "C"; and only C, C.UTF-8 and POSIX may exist.  So
 * LC_MESSAGES becomes C.UTF-8 when it is C, LANGUAGE names the catalogue,
 * and glibc's catalogue counter is bumped so the next lookup sees it. */
#include <config.h>

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "i18n.h"

#if ENABLE_NLS && defined __GLIBC__
extern int _nl_msg_cat_cntr;
#endif

void
i18n_init(void)
{
	const char *messages;

	/* Only the categories the program uses, as tmux does: it formats no
	 * numbers, dates or sorted lists, and on a system without a locale
	 * archive each category is files to open (0.6 ms of --version's
	 * 4.9 here). */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/* The content is UTF-8 whatever the user's locale; C.UTF-8 is the
	 * one UTF-8 locale every Debian system has. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
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
