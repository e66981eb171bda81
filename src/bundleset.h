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
	struct bundle *lang[LANG_COUNT];	/* NULL where the file is absent */
};

/* Load every language file present in dir (at least one must be), each
 * checked on its own and all against the first.  On error, fill *err,
 * leave *set empty and return false. */
bool bundleset_load(struct bundleset *set, const char *dir,
                    struct bundle_error *err);
void bundleset_free(struct bundleset *set);

/* Load language l's file alone (--dump shows one language: no need to
 * read the others).  On failure *missing says whether the file is just
 * not there. */
bool bundleset_load_one(struct bundleset *set, const char *dir, enum lang l,
                        bool *missing, struct bundle_error *err);

/* Does b have the structure of ref: the same pages (ids, in order), the
 * same blocks (kind, id, link target, number of list items), and the same
 * tags (weight, page, block)?  If not, say where b differs. */
bool bundle_check_parallel(const struct bundle *ref, const struct bundle *b,
                           struct bundle_error *err);

/* The loaded language after (dir > 0) or before (dir < 0) l, cycling. */
enum lang bundleset_next_lang(const struct bundleset *set, enum lang l, int dir);

#endif
