/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* lang.h: the languages iclei-tui knows -- the one table of them.
 *
 * A language is a row of LANGUAGES below, its bundle data/CODE.yaml, its
 * message catalogue po/CATALOG.po (listed in po/LINGUAS) and its man page;
 * every message that lists languages is formatted from this table. */
#ifndef ICLEI_LANG_H
#define ICLEI_LANG_H

#include "text.h"

/* In the order of the site's switcher (EN | KR | JP | CN):
 *   X(ID, code, alias, English name, catalogue, line-break rules)
 * code: ISO 639-1, the bundle's file name and its `lang`; alias: the
 * site's switcher label, also accepted by --lang; catalogue: the name
 * gettext's LANGUAGE needs exactly ("zh_CN", not "zh"). */
#define LANGUAGES(X) \
	X(EN, "en", "en", "English", "en", BREAK_UAX14) \
	X(KO, "ko", "kr", "Korean", "ko", BREAK_KEEP_ALL) \
	X(JA, "ja", "jp", "Japanese", "ja", BREAK_KINSOKU) \
	X(ZH, "zh", "cn", "Chinese", "zh_CN", BREAK_KINSOKU)

#define LANG_ENUM(id, code, alias, name, catalog, rules) LANG_##id,
enum lang { LANGUAGES(LANG_ENUM) LANG_COUNT };
#undef LANG_ENUM

const char *lang_code(enum lang l);
const char *lang_catalog(enum lang l);
const char *lang_name(enum lang l);	/* English, for messages */

/* The line-breaking rules of a bundle language code ("ko": keep-all);
 * plain UAX #14 for a code not in the table. */
enum break_rules lang_break_rules(const char *code);

/* The language whose code is exactly `code` ("ko"), or -1. */
int lang_find(const char *code);

/* "en", "KO", "kr", "jp", "cn", "ko_KR.UTF-8", "zh_SG", "ja_JP@x": the
 * language, or -1 when it is none of ours. */
int lang_parse(const char *s);

/* lang_parse(s) when s names one of ours, else fallback. */
enum lang lang_parse_or(const char *s, enum lang fallback);

/* The starting language from LANGUAGE, then LC_ALL, LC_MESSAGES, LANG;
 * LANG_EN when they name none of ours. */
enum lang lang_from_env(void);

/* For messages, ", "-joined: every code ("en, ko, ja, zh"), every alias
 * that differs from its code ("kr, jp, cn"), every bundle file name
 * ("en.yaml, ko.yaml, ja.yaml, zh.yaml").  A static string. */
enum lang_list { LANG_LIST_CODES, LANG_LIST_ALIASES, LANG_LIST_FILES };
const char *lang_list(enum lang_list what);

#endif
