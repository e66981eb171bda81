/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* datadir.h: where the content bundle is read from. */
#ifndef ICLEI_DATADIR_H
#define ICLEI_DATADIR_H

/* The data directory: `option` (--data-dir) when given, else
 * $ICLEI_TUI_DATA, else the source tree's data/ when this binary runs from
 * its build tree, else the installed $(pkgdatadir).  A new string. */
char *datadir_find(const char *option);

/* Where the message catalogues are: the build tree's locale/ when this
 * binary runs from it, else the installed $(localedir).  Static. */
const char *datadir_locale(void);

#endif
