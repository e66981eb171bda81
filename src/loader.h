/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* loader.h: what the layers of the bundle loader share.
 *
 * The loader is split by job, as mandoc splits its parsers: bundle_msg.c
 * says where and what went wrong, yaml_read.c turns libyaml's events into
 * checked values, bundle_schema.c knows the keys each mapping may hold,
 * bundle_refs.c checks the references between pages, blocks and tags,
 * and bundle_file.c reads the file and runs the others.  They pass one
 * struct loader along.  Nothing here is for the rest of the program,
 * which sees bundle.h only; the ld_ prefix keeps these names out of its
 * way in libcore.a. */
#ifndef ICLEI_LOADER_H
#define ICLEI_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <unitypes.h>
#include <yaml.h>

#include "bundle.h"

/* One load in progress. */
struct loader {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	const char *data;	/* the whole file, for reader-error positions */
	size_t len;
	const char *file;
	int depth;
	struct mark key_at;	/* the key whose value is being read */
	const char *key;
	bool item;		/* reading an element of the list `key` */
	struct bundle_error *err;
};

/* ------------------------------------------------ bundle_msg.c */

/* Fill L's error; returns false, for `return ld_fail(...)`. */
bool ld_fail(struct loader *L, struct mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A libyaml mark (0-based) as a struct mark (1-based). */
struct mark ld_mark_of(yaml_mark_t m);

/* The position of byte `off` of data. */
struct mark ld_mark_at_offset(const char *data, size_t len, size_t off);

/* Where, in the current scalar's source, character c is written. */
struct mark ld_locate_char(const struct loader *L, ucs4_t c);

/* Untrusted text for a message: sanitised, and cut when long. */
const char *ld_quoted(char *buf, size_t size, const char *s, size_t n);

/* ------------------------------------------------ yaml_read.c */

/* Start reading data (len bytes, UTF-8); on failure L's error is set and
 * there is nothing to close. */
bool loader_open(struct loader *L, const char *file, const char *data,
                 size_t len, struct bundle_error *err);
void loader_close(struct loader *L);

/* Refuse what must not reach libyaml (line breaks only YAML 1.1 knows,
 * UTF-16, UTF-32). */
bool ld_prescan(struct loader *L);

/* Where the current event starts. */
struct mark ld_here(const struct loader *L);

/* What the current event is, for messages: "text", "a list"... */
const char *ld_event_name(const yaml_event_t *ev);

/* The next event, refusing aliases, anchors, tags and deep nesting. */
bool ld_next(struct loader *L);

/* The current event is of that type, or an error names what (N_) the
 * value of L->key must be. */
bool ld_expect(struct loader *L, yaml_event_type_t type, const char *what);

enum text_flags {
	ONE_LINE = 1,		/* titles, labels, names: no line feed */
};

/* The current event as checked text (trimmed, NFC), as an id, or as a
 * whole number from lo to hi. */
bool ld_get_text(struct loader *L, char **out, unsigned flags);
bool ld_get_id(struct loader *L, char **out, struct mark *at);
bool ld_get_int(struct loader *L, int *out, int lo, int hi);

/* A key a mapping may hold, and how its value is read into the mapping's
 * struct: read is called with the value as the current event, and finds
 * in the field what it needs to know (bundle_schema.c has the tables). */
struct field {
	const char *key;
	bool required;
	bool (*read)(struct loader *L, void *obj, const struct field *f);
	size_t off;		/* offsetof the member the value goes to */
	size_t at;		/* offsetof the member its mark goes to */
	unsigned flags;		/* enum text_flags, for text */
	enum block_kind kind;	/* for a block's kind keys */
	bool (*item)(struct loader *L, void *obj);	/* for lists */
};

/* Read the mapping that starts at the current event into obj, each key's
 * value by its field's reader; refuse unknown and duplicate keys, and a
 * mapping without a required one.  seen[i] gets where fields[i]'s key
 * was (line 0 if it was not).  what (N_) names the mapping in messages. */
bool ld_read_map(struct loader *L, void *obj, const struct field *fields,
                 size_t nfields, struct mark *seen, const char *what);

/* Read the list that starts at the current event, calling read_item
 * with each element as the current event.  *n is the count read_item
 * keeps: a list that leaves it 0 is refused as empty. */
bool ld_read_list(struct loader *L, void *obj,
                  bool (*read_item)(struct loader *L, void *obj), size_t *n);

/* ------------------------------------------------ bundle_schema.c */

/* The whole stream: one document, the bundle's top-level mapping. */
bool ld_read_document(struct loader *L, struct bundle *b);

/* ------------------------------------------------ bundle_refs.c */

/* Ids unique, and every link and tag leading to a page (and block) that
 * exists. */
bool ld_check_references(struct loader *L, const struct bundle *b);

#endif
