/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* bundle_file.c: a bundle from a file or from memory -- the entry points
 * of the loader.
 *
 * The size is capped before anything is parsed: libyaml has no limit of
 * its own.  A file is opened so that nothing but a regular file can make
 * it wait or read forever (a FIFO, a device), and read once; then the
 * loader's layers run in order: yaml_read.c's prescan, bundle_schema.c
 * over libyaml's events, bundle_refs.c over the model built. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "loader.h"
#include "util.h"

struct bundle *
bundle_load_mem(const char *name, const char *data, size_t len,
                struct bundle_error *err)
{
	struct loader L;
	struct bundle *b;
	bool ok;

	/* libyaml skips a byte order mark but counts it as a column, which
	 * shifts the first line; it carries no information in UTF-8. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len > BUNDLE_MAX_BYTES) {
		bundle_error_set(err, name, (struct mark){0, 0},
		                 _("file too large (%zu bytes; the limit is %u)"),
		                 len, BUNDLE_MAX_BYTES);
		return NULL;
	}
	if (!loader_open(&L, name, data, len, err))
		return NULL;
	b = xcalloc(1, sizeof *b);
	b->file = xstrdup(name);
	ok = ld_prescan(&L) && ld_read_document(&L, b) && ld_check_references(&L, b);
	loader_close(&L);
	if (!ok) {
		bundle_free(b);
		return NULL;
	}
	return b;
}

static char *
read_file(const char *path, size_t *len, struct bundle_error *err)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	/* Non-blocking, or a FIFO with no writer would hang the open. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s",
		                 S_ISDIR(st.st_mode) ? _("is a directory, not a bundle file")
		                                     : _("not a regular file"));
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > BUNDLE_MAX_BYTES) {
		bundle_error_set(err, path, (struct mark){0, 0},
		                 _("file too large (%lld bytes; the limit is %u)"),
		                 (long long)st.st_size, BUNDLE_MAX_BYTES);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	/* Read to the end even if the file grew: the cap still holds. */
	for (;;) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size + 1 - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			bundle_error_set(err, path, (struct mark){0, 0}, "%s",
			                 strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0 || (got += (size_t)r) > (size_t)st.st_size)
			break;
	}
	close(fd);
	if (got > 0 && st.st_size == 0) {
		/* /proc, /sys: files whose size is made up as they are read */
		bundle_error_set(err, path, (struct mark){0, 0}, "%s",
		                 _("a special file (as in /proc or /sys) with no size "
		                   "of its own, not a bundle file"));
		free(buf);
		return NULL;
	}
	if (got > (size_t)st.st_size) {
		bundle_error_set(err, path, (struct mark){0, 0}, "%s",
		                 _("file changed while it was read"));
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}

struct bundle *
bundle_load_file(const char *path, struct bundle_error *err)
{
	size_t len;
	char *data = read_file(path, &len, err);
	struct bundle *b;

	if (data == NULL)
		return NULL;
	b = bundle_load_mem(path, data, len, err);
	free(data);
	return b;
}
