/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* prompt.c: a line typed on the status line, edited as readline and
 * less edit one: a cursor that moves by whole characters (grapheme
 * clusters), words, a history of the lines given before.
 *
 * While it is open, Ctrl-C is a key, not the terminal's interrupt: it
 * cancels the line, as it does at less's and bash's prompts, and leaves
 * the program and the reader's place alone. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "curses-compat.h"
#include "i18n.h"
#include "prompt.h"
#include "sanitize.h"
#include "text.h"
#include "tty.h"

#define HISTORY_MAX 50

static const struct binding bindings[] = {
	{ACT_PROMPT_DONE, {'\r', '\n', KEYC(KEY_ENTER)},
	 N_("search for what was typed (nothing typed: the last pattern again)"), NULL},
	{ACT_CANCEL, {KEYC_ESC, KEYC_CTRL('G'), KEYC_CTRL('C')}, N_("cancel"), NULL},
	{ACT_PROMPT_LEFT, {KEYC(KEY_LEFT), KEYC_CTRL('B')}, N_("the cursor one character left"),
	 NULL},
	{ACT_PROMPT_RIGHT, {KEYC(KEY_RIGHT), KEYC_CTRL('F')},
	 N_("the cursor one character right"), NULL},
	{ACT_PROMPT_HOME, {KEYC(KEY_HOME), KEYC_CTRL('A')}, N_("the cursor to the start"), NULL},
	{ACT_PROMPT_END, {KEYC(KEY_END), KEYC_CTRL('E')}, N_("the cursor to the end"), NULL},
	{ACT_PROMPT_ERASE, {KEYC(KEY_BACKSPACE), KEYC_DEL, KEYC_CTRL('H')},
	 N_("erase the character before the cursor (on an empty line: cancel, as less does)"),
	 NULL},
	{ACT_PROMPT_DELETE, {KEYC(KEY_DC), KEYC_CTRL('D')},
	 N_("erase the character under the cursor"), NULL},
	{ACT_PROMPT_WORD, {KEYC_CTRL('W')}, N_("erase the word before the cursor"), NULL},
	{ACT_PROMPT_CLEAR, {KEYC_CTRL('U')}, N_("erase the whole line"), NULL},
	{ACT_PROMPT_KILL, {KEYC_CTRL('K')}, N_("erase from the cursor to the end"), NULL},
	{ACT_PROMPT_OLDER, {KEYC(KEY_UP), KEYC_CTRL('P')}, N_("the pattern searched before"),
	 NULL},
	{ACT_PROMPT_NEWER, {KEYC(KEY_DOWN), KEYC_CTRL('N')},
	 N_("the pattern searched after (back to the line being typed)"), NULL},
};

const struct keytable keys_prompt = KEYTABLE(N_("Typing a search"), bindings);

static void
set_text(struct prompt *p, const char *s)
{
	p->text.len = 0;
	sbuf_add(&p->text, s, strlen(s));
	p->cursor = p->text.len;
}

void
prompt_start(struct prompt *p, int owner, const char *lead)
{
	p->active = true;
	p->owner = owner;
	p->lead = lead;
	p->capped = false;
	p->browse = p->nhistory;
	set_text(p, "");
	tty_interrupt_key(false);	/* Ctrl-C comes as a key now */
}

void
prompt_end(struct prompt *p)
{
	if (!p->active)
		return;
	p->active = false;
	tty_interrupt_key(true);
}

/* ------------------------------------------------------------ moving */

/* The grapheme boundary before (dir < 0) or after pos. */
static size_t
step(const struct prompt *p, size_t pos, int dir)
{
	size_t n = p->text.len;
	char *brk;

	if ((dir < 0 && pos == 0) || (dir > 0 && pos >= n))
		return pos;
	brk = xmalloc(n + 1);
	u8_grapheme_breaks((const uint8_t *)p->text.s, n, brk);
	do
		pos = dir < 0 ? pos - 1 : pos + 1;
	while (pos > 0 && pos < n && !brk[pos]);
	free(brk);
	return pos;
}

/* Where the word before pos starts: back over spaces, then the rest. */
static size_t
word_start(const struct prompt *p, size_t pos)
{
	while (pos > 0 && p->text.s[pos - 1] == ' ')
		pos--;
	while (pos > 0 && p->text.s[pos - 1] != ' ')
		pos = step(p, pos, -1);
	return pos;
}

/* ------------------------------------------------------------ editing */

static void
cut(struct prompt *p, size_t from, size_t to)
{
	memmove(p->text.s + from, p->text.s + to, p->text.len - to + 1);
	p->text.len -= to - from;
	p->cursor = from;
}

static void
insert(struct prompt *p, key_code k)
{
	uint8_t buf[8];
	int n;

	if (k < 0x20 || (k & KEYC_CURSES) || !sanitize_char_ok((ucs4_t)k))
		return;
	n = u8_uctomb(buf, (ucs4_t)k, (int)sizeof buf);
	if (n <= 0)
		return;
	if (p->text.len + (size_t)n > PROMPT_MAX) {
		p->capped = true;	/* a paste, say: the rest is dropped */
		return;
	}
	grow(&p->text.s, &p->text.cap, p->text.len + (size_t)n + 1, 1);
	memmove(p->text.s + p->cursor + n, p->text.s + p->cursor,
	        p->text.len - p->cursor + 1);
	memcpy(p->text.s + p->cursor, buf, (size_t)n);
	p->text.len += (size_t)n;
	p->cursor += (size_t)n;
}

/* Up and Down: through the history; past the newest, the line being
 * typed comes back. */
static void
browse(struct prompt *p, int dir)
{
	size_t to = p->browse;

	if (dir < 0 && to > 0)
		to--;
	else if (dir > 0 && to < p->nhistory)
		to++;
	if (to == p->browse)
		return;
	if (p->browse == p->nhistory) {
		free(p->draft);
		p->draft = xstrdup(p->text.s);
	}
	p->browse = to;
	set_text(p, to == p->nhistory ? p->draft : p->history[to]);
}

static void
remember(struct prompt *p)
{
	if (p->text.len == 0
	    || (p->nhistory > 0 && strcmp(p->history[p->nhistory - 1], p->text.s) == 0))
		return;
	if (p->nhistory == HISTORY_MAX) {
		free(p->history[0]);
		memmove(p->history, p->history + 1, (HISTORY_MAX - 1) * sizeof *p->history);
		p->nhistory--;
	}
	push_room(&p->history, p->nhistory, sizeof *p->history);
	p->history[p->nhistory++] = xstrdup(p->text.s);
}

static enum prompt_result
done(struct prompt *p)
{
	/* As less does: nothing typed searches for the last pattern again. */
	if (p->text.len == 0 && p->nhistory > 0)
		set_text(p, p->history[p->nhistory - 1]);
	remember(p);
	prompt_end(p);
	return PROMPT_DONE;
}

enum prompt_result
prompt_key(struct prompt *p, key_code k)
{
	const struct keytable *const tables[] = {&keys_prompt, NULL};
	const struct binding *b = keys_lookup(tables, k, NULL);

	switch (b != NULL ? b->act : ACT_NONE) {
	case ACT_PROMPT_DONE:
		return done(p);
	case ACT_CANCEL:
		prompt_end(p);
		return PROMPT_CANCEL;
	case ACT_PROMPT_ERASE:
		if (p->text.len == 0) {
			prompt_end(p);
			return PROMPT_CANCEL;
		}
		cut(p, step(p, p->cursor, -1), p->cursor);
		break;
	case ACT_PROMPT_DELETE:
		cut(p, p->cursor, step(p, p->cursor, 1));
		break;
	case ACT_PROMPT_WORD:
		cut(p, word_start(p, p->cursor), p->cursor);
		break;
	case ACT_PROMPT_CLEAR:
		cut(p, 0, p->text.len);
		break;
	case ACT_PROMPT_KILL:
		cut(p, p->cursor, p->text.len);
		break;
	case ACT_PROMPT_LEFT:
	case ACT_PROMPT_RIGHT:
		p->cursor = step(p, p->cursor, b->act == ACT_PROMPT_LEFT ? -1 : 1);
		break;
	case ACT_PROMPT_HOME:
		p->cursor = 0;
		break;
	case ACT_PROMPT_END:
		p->cursor = p->text.len;
		break;
	case ACT_PROMPT_OLDER:
	case ACT_PROMPT_NEWER:
		browse(p, b->act == ACT_PROMPT_OLDER ? -1 : 1);
		break;
	default:
		insert(p, k);
		break;
	}
	return PROMPT_EDITING;
}

void
prompt_window(const struct prompt *p, int width, size_t *from, size_t *to, int *cursor)
{
	const char *s = p->text.s;
	size_t start = 0, end = p->text.len;

	/* Shown whole if it fits; else the stretch around the cursor, the
	 * cursor kept a quarter in from the right edge while typing on. */
	while (text_width(s + start, end - start) > width) {
		if (text_width(s + start, p->cursor - start) > width - width / 4 - 1
		    || p->cursor == end)
			start = step(p, start, 1);
		else
			end = step(p, end, -1);
	}
	*from = start;
	*to = end;
	*cursor = text_width(s + start, p->cursor - start);
}

void
prompt_free(struct prompt *p)
{
	prompt_end(p);
	sbuf_free(&p->text);
	for (size_t i = 0; i < p->nhistory; i++)
		free(p->history[i]);
	free(p->history);
	free(p->draft);
	memset(p, 0, sizeof *p);
}
