/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* keys.c: key bindings as data -- lookup, names, the shared motion keys. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "curses-compat.h"
#include "i18n.h"
#include "keys.h"

static const struct binding motion[] = {
	{ACT_LINE_UP, {KEYC(KEY_UP), 'k', KEYC_CTRL('P'), 'y', KEYC_CTRL('Y')},
	 N_("one line up"), NULL},
	{ACT_LINE_DOWN, {KEYC(KEY_DOWN), 'j', KEYC_CTRL('N'), 'e', KEYC_CTRL('E')},
	 N_("one line down"), NULL},
	{ACT_SCREEN_DOWN, {' ', KEYC(KEY_NPAGE), 'f', KEYC_CTRL('F')},
	 N_("one screen down"), NULL},
	{ACT_SCREEN_UP, {'b', KEYC(KEY_PPAGE), '-', KEYC_CTRL('B')},
	 N_("one screen up"), NULL},
	{ACT_HALF_DOWN, {'d', KEYC_CTRL('D')}, N_("half a screen down"), NULL},
	{ACT_HALF_UP, {'u', KEYC_CTRL('U')}, N_("half a screen up"), NULL},
	{ACT_TOP, {'g', KEYC(KEY_HOME), '<'}, N_("top of the page"), NULL},
	{ACT_BOTTOM, {'G', KEYC(KEY_END), '>'}, N_("bottom of the page"), NULL},
};

const struct keytable keys_motion = KEYTABLE(N_("Reading"), motion);

const struct binding *
keys_lookup(const struct keytable *const *tables, key_code k, int *index)
{
	for (; *tables != NULL; tables++)
		for (size_t i = 0; i < (*tables)->n; i++) {
			const struct binding *b = &(*tables)->v[i];

			for (int j = 0; j < BINDING_KEYS && b->keys[j] != 0; j++)
				if (b->keys[j] == k) {
					if (index != NULL)
						*index = j;
					return b;
				}
		}
	return NULL;
}

static const struct {
	key_code key;
	const char *name;
} names[] = {
	{KEYC(KEY_UP), "\u2191"}, {KEYC(KEY_DOWN), "\u2193"},
	{KEYC(KEY_LEFT), "\u2190"}, {KEYC(KEY_RIGHT), "\u2192"},
	{KEYC(KEY_NPAGE), "PgDn"}, {KEYC(KEY_PPAGE), "PgUp"},
	{KEYC(KEY_HOME), "Home"}, {KEYC(KEY_END), "End"},
	{KEYC(KEY_BTAB), "Shift-Tab"}, {KEYC(KEY_F(1)), "F1"},
	{KEYC(KEY_ENTER), "Enter"}, {'\r', "Enter"}, {'\n', "Enter"},
	{KEYC(KEY_BACKSPACE), "Backspace"}, {KEYC_DEL, "Backspace"},
	{KEYC_CTRL('H'), "Backspace"},
	{KEYC_ESC, "Esc"}, {'\t', "Tab"}, {' ', "Space"},
	{KEYC(KEY_DC), "Delete"}, {KEYC(KEY_IC), "Insert"},
};

const char *
keyc_name(key_code k)
{
	static char buf[16];

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].key == k)
			return names[i].name;
	if (k < 0x20)
		snprintf(buf, sizeof buf, "Ctrl-%c", (char)(k + 0x40));
	else if (k < 0x7f)
		snprintf(buf, sizeof buf, "%c", (char)k);
	else
		snprintf(buf, sizeof buf, "<%#x>", k);	/* not in any table */
	return buf;
}

void
binding_keys_text(const struct binding *b, int max, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	if (b->name != NULL) {
		snprintf(buf, size, "%s", _(b->name));
		return;
	}
	for (int j = 0; j < max && j < BINDING_KEYS && b->keys[j] != 0; j++) {
		char name[16];
		size_t n;
		bool seen = false;

		/* (key_name's buffer is reused by the next call) */
		snprintf(name, sizeof name, "%s", keyc_name(b->keys[j]));
		n = strlen(name);

		/* Enter, Return and Ctrl-M are one key to a reader. */
		for (int i = 0; i < j && !seen; i++)
			seen = strcmp(keyc_name(b->keys[i]), name) == 0;
		if (seen || len + n + 2 > size)
			continue;
		if (len > 0)
			buf[len++] = ' ';
		memcpy(buf + len, name, n + 1);
		len += n;
	}
}
