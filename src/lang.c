/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* lang.c: the languages iclei-tui knows, their names and aliases. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lang.h"

static const struct {
	const char *code, *alias, *name, *catalog;
	enum break_rules rules;
} langs[LANG_COUNT] = {
#define LANG_ROW(id, code, alias, name, catalog, rules) \
	[LANG_##id] = {code, alias, name, catalog, rules},
	LANGUAGES(LANG_ROW)
#undef LANG_ROW
};

const char *
lang_code(enum lang l)
{
	return langs[l].code;
}

const char *
lang_catalog(enum lang l)
{
	return langs[l].catalog;
}

const char *
lang_name(enum lang l)
{
	return langs[l].name;
}

int
lang_find(const char *code)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (strcmp(code, langs[l].code) == 0)
			return l;
	return -1;
}

enum break_rules
lang_break_rules(const char *code)
{
	int l = lang_find(code);

	return l >= 0 ? langs[l].rules : BREAK_UAX14;
}

int
lang_parse(const char *s)
{
	size_t n = strcspn(s, "_-.@");

	if (n != 2 || (s[2] != '\0' && strchr("_-.@", s[2]) == NULL))
		return -1;
	for (int l = 0; l < LANG_COUNT; l++)
		if (strncasecmp(s, langs[l].code, 2) == 0
		    || strncasecmp(s, langs[l].alias, 2) == 0)
			return l;
	return -1;
}

enum lang
lang_parse_or(const char *s, enum lang fallback)
{
	int l = s != NULL ? lang_parse(s) : -1;

	return l >= 0 ? (enum lang)l : fallback;
}

/* First language of ours in a colon-separated priority list. */
static int
parse_list(const char *v)
{
	char item[64];

	while (*v != '\0') {
		size_t n = strcspn(v, ":");

		if (n > 0 && n < sizeof item) {
			int l;

			memcpy(item, v, n);
			item[n] = '\0';
			if ((l = lang_parse(item)) >= 0)
				return l;
		}
		v += n + (v[n] == ':');
	}
	return -1;
}

enum lang
lang_from_env(void)
{
	static const char *const locale_vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v = getenv("LANGUAGE");
	int l;

	if (v != NULL && (l = parse_list(v)) >= 0)
		return (enum lang)l;
	/* POSIX precedence: the first of these that is set decides. */
	for (size_t i = 0; i < sizeof locale_vars / sizeof *locale_vars; i++) {
		v = getenv(locale_vars[i]);
		if (v != NULL && *v != '\0') {
			l = lang_parse(v);
			return l >= 0 ? (enum lang)l : LANG_EN;
		}
	}
	return LANG_EN;
}

const char *
lang_list(enum lang_list what)
{
	static char lists[3][24 * LANG_COUNT];
	char *buf = lists[what];
	size_t len = 0;

	if (buf[0] != '\0')
		return buf;
	for (int l = 0; l < LANG_COUNT; l++) {
		const char *s = what == LANG_LIST_ALIASES ? langs[l].alias : langs[l].code;
		const char *suffix = what == LANG_LIST_FILES ? ".yaml" : "";

		if (what == LANG_LIST_ALIASES && strcmp(s, langs[l].code) == 0)
			continue;
		if (len + strlen(s) + strlen(suffix) + 3 > sizeof lists[0])
			break;
		len += (size_t)snprintf(buf + len, sizeof lists[0] - len, "%s%s%s",
		                        len > 0 ? ", " : "", s, suffix);
	}
	return buf;
}
