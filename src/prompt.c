/* prompt.c: a line typed on the status line. */
#include <config.h>

#include <stdint.h>
#include <unistr.h>

#include "curses-compat.h"
#include "i18n.h"
#include "prompt.h"
#include "sanitize.h"

static const struct binding bindings[] = {
	{ACT_PROMPT_DONE, {'\r', '\n', KEYC(KEY_ENTER)}, N_("search for what was typed"), NULL},
	{ACT_CANCEL, {KEYC_ESC, KEYC_CTRL('G')}, N_("cancel"), NULL},
	{ACT_PROMPT_ERASE, {KEYC(KEY_BACKSPACE), KEYC_DEL, KEYC_CTRL('H')},
	 N_("erase a character (on an empty line: cancel, as less does)"), NULL},
	{ACT_PROMPT_CLEAR, {KEYC_CTRL('U')}, N_("erase the whole line"), NULL},
};

const struct keytable keys_prompt = KEYTABLE(N_("Typing a search"), bindings);

void
prompt_start(struct prompt *p, int owner, const char *lead)
{
	p->active = true;
	p->owner = owner;
	p->lead = lead;
	p->text.len = 0;
	p->capped = false;
	sbuf_add(&p->text, "", 0);
}

static void
erase_char(struct prompt *p)
{
	/* The last character: back over its continuation bytes. */
	while (p->text.len > 0
	       && ((unsigned char)p->text.s[--p->text.len] & 0xC0) == 0x80)
		;
	p->text.s[p->text.len] = '\0';
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
	sbuf_add(&p->text, (const char *)buf, (size_t)n);
}

enum prompt_result
prompt_key(struct prompt *p, key_code k)
{
	const struct keytable *const tables[] = {&keys_prompt, NULL};
	const struct binding *b = keys_lookup(tables, k, NULL);

	switch (b != NULL ? b->act : ACT_NONE) {
	case ACT_PROMPT_DONE:
		p->active = false;
		return PROMPT_DONE;
	case ACT_CANCEL:
		p->active = false;
		return PROMPT_CANCEL;
	case ACT_PROMPT_ERASE:
		if (p->text.len == 0) {
			p->active = false;
			return PROMPT_CANCEL;
		}
		erase_char(p);
		return PROMPT_EDITING;
	case ACT_PROMPT_CLEAR:
		p->text.len = 0;
		p->text.s[0] = '\0';
		return PROMPT_EDITING;
	default:
		insert(p, k);
		return PROMPT_EDITING;
	}
}

void
prompt_free(struct prompt *p)
{
	sbuf_free(&p->text);
	p->active = false;
}
