/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* prompt.h: a line typed on the status line (the search pattern), with
 * its own keys.  The application owns it and draws it; the mode that
 * asked for it gets the line when Enter ends it. */
#ifndef ICLEI_PROMPT_H
#define ICLEI_PROMPT_H

#include <stdbool.h>

#include "keys.h"
#include "util.h"

#define PROMPT_MAX 200		/* bytes of a pattern */

struct prompt {
	bool active;
	int owner;		/* the view that asked, enum view_id */
	const char *lead;	/* drawn before the text: "/" */
	struct sbuf text;	/* always a NUL-terminated string */
	size_t cursor;		/* bytes into text, on a grapheme boundary */
	bool capped;		/* more was typed than PROMPT_MAX holds */
	char **history;		/* the lines given, oldest first */
	size_t nhistory;
	size_t browse;		/* the one shown; nhistory: the line typed */
	char *draft;		/* the line typed, while browsing */
};

enum prompt_result {
	PROMPT_EDITING,
	PROMPT_DONE,		/* Enter: text holds the line */
	PROMPT_CANCEL,
};

extern const struct keytable keys_prompt;

/* Open the line (the history stays), resp. close it without a result. */
void prompt_start(struct prompt *p, int owner, const char *lead);
void prompt_end(struct prompt *p);
enum prompt_result prompt_key(struct prompt *p, key_code k);
void prompt_free(struct prompt *p);

/* What of the text shows in width columns: bytes [*from, *to), and the
 * cursor's column in that stretch. */
void prompt_window(const struct prompt *p, int width, size_t *from, size_t *to,
                   int *cursor);

#endif
