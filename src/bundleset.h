/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundleset.h: the content in every language -- the data directory's
 * en.yaml, ko.yaml, ja.yaml and zh.yaml -- checked to agree in structure,
 * so that switching language keeps the reader's place. */
#ifndef ICLEI_BUNDLESET_H
#define ICLEI_BUNDLESET_H

#include <stdbool.h>

#include "bundle.h"
#include "lang.h"

struct bundleset {
	char *dir;
	/* Checked and usable; NULL where the file is absent, not read yet
	 * (pending) or refused (why). */
	struct bundle *lang[LANG_COUNT];
	unsigned pending;		/* bit l: l's file is there, unread */
	char *why[LANG_COUNT];		/* l refused: "FILE:LINE:COLUMN: MESSAGE" */
	enum lang ref;			/* what the others are checked against */
};

/* Load every language file present in dir (at least one must be), each
 * checked on its own and all against the first.  On error, fill *err,
 * leave *set empty and return false.  (--check, --dump, a reload.) */
bool bundleset_load(struct bundleset *set, const char *dir,
                    struct bundle_error *err);
void bundleset_free(struct bundleset *set);

/* Work on the first language, done while the others are still being
 * read and checked: for --dump to lay its pages out meanwhile.  ready is
 * called in the calling thread once that language is read; it may change
 * the text of what it is given, not its structure, and says how many
 * parts the work has.  part(i, arg) is then called once for each of
 * them, on either thread, when no file is left to take (the large pieces
 * first, the small ones fill in).  Nothing it makes may be shown before
 * bundleset_load_first returns true. */
struct first_work {
	size_t (*ready)(struct bundle *b, void *arg);
	void (*part)(size_t i, void *arg);
	void *arg;
};

/* The same as bundleset_load, with language first (-1: none; or one
 * whose file is not there) read before the others, and given to w (may be
 * NULL). */
bool bundleset_load_first(struct bundleset *set, const char *dir, int first,
                          const struct first_work *w, struct bundle_error *err);

/* Which language files dir has: bit l for language l. */
unsigned bundleset_files(const char *dir);

/* Show first, check the rest after: load and check language *l alone --
 * or, when its file is not there and fallback is true, English, else the
 * next there is (*l says which, and *missing that it is another) -- and note the other
 * files present as pending, for bundleset_load_pending.  False, with *set
 * empty, when the file is refused or there is no bundle (*err says why),
 * or when *l's file is not there and fallback is false (*missing). */
bool bundleset_open(struct bundleset *set, const char *dir, enum lang *l,
                    bool fallback, bool *missing, struct bundle_error *err);

/* Load and check the first pending language, on its own and against the
 * one shown first.  Returns it, or -1 when none is pending; where it is
 * refused, set->lang[it] stays NULL and set->why[it] says why. */
int bundleset_load_pending(struct bundleset *set);

/* Does b have the structure of ref: the same pages (ids, in order), the
 * same blocks (kind, id, link target, number of list items), and the same
 * tags (weight, page, block)?  If not, say where b differs. */
bool bundle_check_parallel(const struct bundle *ref, const struct bundle *b,
                           struct bundle_error *err);

/* The loaded language after (dir > 0) or before (dir < 0) l, cycling.
 * *skipped (may be NULL) gets the first refused language passed over on
 * the way, or -1. */
enum lang bundleset_next_lang(const struct bundleset *set, enum lang l, int dir);
enum lang bundleset_step_lang(const struct bundleset *set, enum lang l, int dir,
                              int *skipped);

#endif
