/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* i18n.h: gettext glue. Every interface string goes through _() (or N_()
 * where it must be a constant), so catalogues in po/ can translate it. */
#ifndef ICLEI_I18N_H
#define ICLEI_I18N_H

#include <config.h>

#if ENABLE_NLS
# include <libintl.h>
# define _(s) gettext(s)
# define P_(s, p, n) ngettext((s), (p), (n))
#else
# define _(s) ((char *)(s))
# define P_(s, p, n) ((n) == 1 ? (char *)(s) : (char *)(p))
# define textdomain(d) ((void)0)
# define bindtextdomain(d, dir) ((void)0)
#endif
#define N_(s) (s)

#include "lang.h"

/* The locale: the user's character set (charset.h: what text goes out
 * in; a UTF-8 locale named but not installed is taken as C.UTF-8), and
 * messages that LANGUAGE can steer even under LANG=C. */
void i18n_init(void);

/* Speak language l from now on (the next gettext call).  Strings must be
 * looked up at draw time, never kept across a switch. */
void i18n_set_language(enum lang l);

#endif
