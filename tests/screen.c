/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* screen.c: the iclei-tui screen as tests see it (see screen.h). */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "screen.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uniwidth.h>

#include "check.h" /* check_note, check_skip_all, check_srcdir: no CHECK */

const char *tui;
char *data_dir;
char *data_env;
static char *tui_owned; /* tui, when made here */

static void fx_read(void);
static void fx_free(void);
static void dumps_free(void);

/* ------------------------------------------------------------ the program */

void
screen_setup(void)
{
	const char *env = getenv("ICLEI_TUI");
	const char *build = getenv("top_builddir");

	if (env != NULL && *env != '\0')
		tui = env;
	else if (build != NULL && *build != '\0')
		tui = tui_owned = concat(build, "/src/iclei-tui");
	else
		tui = "src/iclei-tui";
	if (access(tui, X_OK) != 0)
		check_skip_all("no program to test (set ICLEI_TUI)");
	data_dir = concat(check_srcdir(), "/tests/fixture");
	data_env = concat("ICLEI_TUI_DATA=", data_dir);
	fx_read();
}

void
screen_setup_needing(int pages, int tags)
{
	screen_setup();
	if (fx.npages < pages || fx.ntags < tags) {
		printf("Bail out! the fixture has %d pages and %d tags: the tests need %d and %d "
		       "at least\n", fx.npages, fx.ntags, pages, tags);
		exit(99);
	}
}

void
screen_cleanup(void)
{
	dumps_free();
	fx_free();
	free(tui_owned);
	free(data_dir);
	free(data_env);
	tui = tui_owned = data_dir = data_env = NULL;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		perror("malloc");
		exit(99);
	}
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL) {
		perror("realloc");
		exit(99);
	}
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *
concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = xmalloc(na + nb + 1);

	memcpy(s, a, na);
	memcpy(s + na, b, nb + 1);
	return s;
}

struct vt *
start(int rows, int cols, const char *const args[], const char *const env[])
{
	char *argv[32], *envv[32];
	int n = 0, m = 0;
	bool ambig = false;
	struct vt *t;

	for (int i = 0; args[i] != NULL; i++)
		if (strncmp(args[i], "--ambiguous", 11) == 0)
			ambig = true;
	argv[n++] = (char *)tui;
	if (!ambig)
		argv[n++] = (char *)"--ambiguous=narrow";
	for (int i = 0; args[i] != NULL && n < 31; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	envv[m++] = data_env;
	for (int i = 0; env[i] != NULL && m < 31; i++)
		envv[m++] = (char *)env[i];
	envv[m] = NULL;
	t = vt_spawn(rows, cols, argv, envv);
	if (t == NULL) {
		printf("Bail out! vt_spawn: %s\n", strerror(errno));
		exit(99);
	}
	return t;
}

bool
alive(struct vt *t)
{
	return !vt_wait_exit(t, 0, NULL);
}

/* ------------------------------------------------------------ rows */

int
row_index(struct vt *t, int r)
{
	return r < 0 ? vt_rows(t) + r : r;
}

bool
row_matches(struct vt *t, int r, const char *text, enum how how)
{
	char *s = vt_row_text(t, row_index(t, r));
	const char *p = s;
	bool ok = false;

	if (s == NULL)
		return false;
	switch (how) {
	case HAS:
		ok = strstr(s, text) != NULL;
		break;
	case STARTS:
		while (*p == ' ')
			p++;
		ok = strncmp(p, text, strlen(text)) == 0;
		break;
	case IS:
		while (*p == ' ')
			p++;
		ok = strcmp(p, text) == 0;
		break;
	}
	free(s);
	return ok;
}

bool
pred_row(struct vt *t, void *arg)
{
	const struct rowwant *w = arg;

	return row_matches(t, w->row, w->text, w->how);
}

bool
wait_row(struct vt *t, int r, const char *text, enum how how)
{
	struct rowwant w = {r, text, how};

	return vt_wait(t, T_WAIT, pred_row, &w);
}

bool
wait_status(struct vt *t, const char *text)
{
	return wait_row(t, -1, text, STARTS);
}

bool
settled(struct vt *t)
{
	return vt_wait_quiet(t, 200, T_WAIT);
}

bool
status_pos(struct vt *t, long *top1, long *total)
{
	char *s = vt_row_text(t, vt_rows(t) - 1);
	bool ok = false;

	for (const char *p = s; p != NULL && *p != '\0'; p++) {
		char *end;
		long a, b;

		if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1])))
			continue;
		a = strtol(p, &end, 10);
		if (*end != '/' || !isdigit((unsigned char)end[1]))
			continue;
		b = strtol(end + 1, &end, 10);
		*top1 = a;
		*total = b;
		ok = true;
		break;
	}
	free(s);
	return ok;
}

int
body_rows_used(struct vt *t)
{
	int used = 0;

	for (int r = 1; r < vt_rows(t) - 1; r++) {
		char *s = vt_row_text(t, r);

		used += s != NULL && s[0] != '\0';
		free(s);
	}
	return used;
}

char *
body_snapshot(struct vt *t)
{
	char *s = NULL;
	size_t n = 0;

	append(&s, &n, "", 0);
	for (int r = 1; r < vt_rows(t) - 1; r++) {
		char *row = vt_row_text(t, r);

		append(&s, &n, row, strlen(row));
		append(&s, &n, "\n", 1);
		free(row);
	}
	return s;
}

bool
pred_body_changed(struct vt *t, void *arg)
{
	char *now = body_snapshot(t);
	bool changed = strcmp(now, arg) != 0;

	free(now);
	return changed;
}

bool
body_changes(struct vt *t, int ms)
{
	char *before = body_snapshot(t);
	bool ok = vt_wait(t, ms, pred_body_changed, before);

	free(before);
	return ok;
}

bool
last_column_blank(struct vt *t, bool verbose)
{
	int cols = vt_cols(t);
	bool ok = true;

	for (int r = 1; r < vt_rows(t) - 1; r++) {
		struct vt_cell cell;

		if (vt_cell(t, r, cols - 1, &cell)
		    && (cell.width != 1 || (cell.ch[0] != 0 && cell.ch[0] != ' '))) {
			if (!verbose)
				return false;
			check_note("row %d: U+%04X (width %d) in the last column", r,
			           (unsigned)cell.ch[0], cell.width);
			ok = false;
		}
	}
	return ok;
}

/* ------------------------------------------------------------ cells */

bool
same_look(const struct vt_cell *a, const struct vt_cell *b)
{
	return a->bold == b->bold && a->reverse == b->reverse
	    && a->underline == b->underline && a->italic == b->italic
	    && a->blink == b->blink && a->strike == b->strike
	    && a->fg_default == b->fg_default && a->bg_default == b->bg_default
	    && memcmp(a->fg_rgb, b->fg_rgb, 3) == 0
	    && memcmp(a->bg_rgb, b->bg_rgb, 3) == 0;
}

bool
cells_sane(struct vt *t, int *nwide, bool verbose)
{
	int rows = vt_rows(t), cols = vt_cols(t), wide = 0;
	bool ok = true;

	for (int r = 0; r < rows; r++) {
		int prev = 1;

		for (int c = 0; c < cols; c++) {
			struct vt_cell cell;
			bool bad = true;

			vt_cell(t, r, c, &cell);
			wide += cell.width == 2;
			if (cell.width == 2 && c == cols - 1) {
				if (verbose)
					check_note("row %d: a wide character starts in the last "
					           "column", r);
			} else if (cell.width == 0 && prev != 2) {
				if (verbose)
					check_note("row %d col %d: a right half without its left "
					           "half", r, c);
			} else if (cell.width != 0 && prev == 2) {
				if (verbose)
					check_note("row %d col %d: a wide character without its "
					           "right half", r, c - 1);
			} else {
				bad = false;
			}
			prev = cell.width;
			if (bad && !verbose && nwide == NULL)
				return false; /* nothing more to find out */
			ok = ok && !bad;
		}
	}
	if (nwide != NULL)
		*nwide = wide;
	return ok;
}

bool
highlighted(const struct vt_cell *c)
{
	return !c->bg_default || c->reverse;
}

void
add_cell_text(char *buf, size_t size, size_t *len, const struct vt_cell *cell)
{
	char u[VT_CELL_UTF8];
	size_t n = vt_cell_utf8(cell, u);

	if (*len + n < size) {
		memcpy(buf + *len, u, n);
		*len += n;
		buf[*len] = '\0';
	}
}

/* Row r's runs into run[*n...], at most max in all. */
static void
lit_row(struct vt *t, int r, struct lit *run, int *n, int max)
{
	struct lit *cur = NULL;
	size_t len = 0;

	for (int c = 0; c < vt_cols(t); c++) {
		struct vt_cell cell;

		vt_cell(t, r, c, &cell);
		if (cell.width == 0 && cur != NULL)
			continue;	/* the right half of a wide character */
		if (!highlighted(&cell)) {
			cur = NULL;
			continue;
		}
		if (cur == NULL || !same_look(&cur->look, &cell)) {
			if (*n == max)
				return;
			cur = &run[(*n)++];
			*cur = (struct lit){r, c, cell, ""};
			len = 0;
		}
		add_cell_text(cur->text, sizeof cur->text, &len, &cell);
	}
}

int
lit_runs(struct vt *t, struct lit *run, int max)
{
	int n = 0;

	for (int r = 1; r < vt_rows(t) - 1 && n < max; r++)
		lit_row(t, r, run, &n, max);
	return n;
}

int
lit_lone(const struct lit *run, int n)
{
	int found = -1;

	for (int i = 0; i < n; i++) {
		int same = 0;

		for (int j = 0; j < n; j++)
			same += j != i && same_look(&run[i].look, &run[j].look);
		if (same > 0)
			continue;
		if (found >= 0)
			return -1;
		found = i;
	}
	return found;
}

bool
pred_one_lit(struct vt *t, void *arg)
{
	struct lit run[4];

	if (lit_runs(t, run, 4) != 1)
		return false;
	*(struct vt_cell *)arg = run[0].look;
	return true;
}

bool
pred_focus_is(struct vt *t, void *arg)
{
	struct lit run[8];

	return lit_runs(t, run, 8) == 1 && strcmp(run[0].text, arg) == 0;
}

/* At least min runs, every one's text the same. */
struct litwant {
	const char *text;
	int min;
};

static bool
pred_lits(struct vt *t, void *arg)
{
	const struct litwant *w = arg;
	struct lit run[32];
	int n = lit_runs(t, run, 32);

	for (int i = 0; i < n; i++)
		if (strcmp(run[i].text, w->text) != 0)
			return false;
	return n >= w->min;
}

bool
wait_lits(struct vt *t, const char *text, int min)
{
	struct litwant w = {text, min};

	return vt_wait(t, T_WAIT, pred_lits, &w);
}

bool
pause_cloud(struct vt *t)
{
	vt_keys(t, " ");
	return wait_row(t, -1, "Paused", STARTS) && vt_wait_quiet(t, 200, T_WAIT);
}

bool
pred_prompt_at_cursor(struct vt *t, void *prompt)
{
	int r, c;

	vt_cursor(t, &r, &c);
	return !vt_altscreen(t) && c == (int)strlen(prompt) + 1
	       && row_matches(t, r, prompt, IS);
}

/* ------------------------------------------------------------ input */

void
search_word(struct vt *t, const char *word)
{
	vt_keys(t, "/");
	vt_type(t, word);
	vt_key(t, VT_KEY_ENTER);
}

void
hold(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* ------------------------------------------------------------ leaving */

size_t
last_seen(struct vt *t, const char *seq)
{
	size_t n = strlen(seq), lo = 0, hi = vt_bytes(t) + 1;

	if (!vt_raw_seen(t, seq, n))
		return 0;
	/* Binary search over vt_raw_seen_from. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (vt_raw_seen_from(t, mid, seq, n))
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

/* The cursor is shown, as xterm would show it.  libvterm 0.1.4 saves the
 * cursor's visibility with DECSC (ESC 7) and keeps one save slot for DECSC
 * and ?1049: ncurses sends "ESC 7, set scroll region, ESC 8" while the
 * cursor is hidden, and the ESC[?1049l on leaving then hides it again in
 * libvterm.  xterm saves no visibility with the cursor (and a slot per
 * screen), so there what counts is the last DECTCEM the program sent:
 * "show". */
static bool
cursor_shown(struct vt *t)
{
	return vt_cursor_visible(t) || last_seen(t, "\033[?25h") > last_seen(t, "\033[?25l");
}

bool
restored(struct vt *t, enum cursor_rule rule)
{
	return !vt_altscreen(t)
	    && (rule == CURSOR_SENT ? cursor_shown(t) : vt_cursor_visible(t))
	    && vt_mouse_mode(t) == 0;
}

/* ------------------------------------------------------------ the process */

const char *
proc_stat(pid_t pid, char *buf, size_t size)
{
	char path[64], *p;
	FILE *f;
	bool ok;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	/* comm may hold spaces and parentheses: the last ')' ends it. */
	if (!ok || (p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return NULL;
	return p + 2;
}

long
proc_cpu_ticks(pid_t pid)
{
	char buf[512];
	const char *p = proc_stat(pid, buf, sizeof buf);
	unsigned long ut = 0, st = 0;

	/* From the state (field 3) on: utime is field 14, stime 15. */
	if (p == NULL || sscanf(p, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut,
	                        &st) != 2)
		return -1;
	return (long)(ut + st);
}

long
proc_write_calls(pid_t pid)
{
	char path[64], line[128];
	long n = -1;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%ld/io", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "syscw: %ld", &n) == 1)
			break;
	fclose(fp);
	return n;
}

/* ------------------------------------------------------------ running without a terminal */

void
append(char **s, size_t *n, const char *p, size_t k)
{
	*s = xrealloc(*s, *n + k + 1);
	memcpy(*s + *n, p, k);
	*n += k;
	(*s)[*n] = '\0';
}

bool
run_capture(char *const argv[], char *const envp[], struct output *o)
{
	int po[2], pe[2];
	pid_t pid;
	struct timespec t0, now;
	bool open_out = true, open_err = true, ok = true;

	memset(o, 0, sizeof *o);
	append(&o->out, &o->nout, "", 0);
	append(&o->err, &o->nerr, "", 0);
	if (pipe(po) != 0 || pipe(pe) != 0)
		return false;
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		dup2(null, 0);
		dup2(po[1], 1);
		dup2(pe[1], 2);
		for (int fd = 3; fd < 1024; fd++)
			close(fd);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (open_out || open_err) {
		struct pollfd p[2] = {{open_out ? po[0] : -1, POLLIN, 0},
		                      {open_err ? pe[0] : -1, POLLIN, 0}};
		char buf[4096];
		long ms;

		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000;
		if (ms > T_WAIT) {
			kill(pid, SIGKILL);
			ok = false;
			break;
		}
		if (poll(p, 2, 100) <= 0)
			continue;
		for (int i = 0; i < 2; i++) {
			ssize_t k;

			if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			k = read(p[i].fd, buf, sizeof buf);
			if (k > 0 && i == 0)
				append(&o->out, &o->nout, buf, (size_t)k);
			else if (k > 0)
				append(&o->err, &o->nerr, buf, (size_t)k);
			else if (i == 0)
				open_out = false;
			else
				open_err = false;
		}
	}
	close(po[0]);
	close(pe[0]);
	while (waitpid(pid, &o->status, 0) < 0 && errno == EINTR)
		;
	return ok;
}

void
output_free(struct output *o)
{
	free(o->out);
	free(o->err);
}

char **
plain_env(void)
{
	static char *env[6];
	static char path[1100];

	snprintf(path, sizeof path, "PATH=%s",
	         getenv("PATH") != NULL ? getenv("PATH") : "/usr/bin:/bin");
	env[0] = (char *)"LC_ALL=C.UTF-8";
	env[1] = (char *)"TERM=xterm-256color";
	env[2] = data_env;
	env[3] = path;
	env[4] = NULL;
	return env;
}

/* ------------------------------------------------------------ files and bundles of a test's own */

char *
file_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = NULL, buf[4096];
	size_t n = 0, k;

	if (f == NULL)
		return NULL;
	append(&s, &n, "", 0);
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		append(&s, &n, buf, k);
	fclose(f);
	return s;
}

bool
file_put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	bool ok;

	if (f == NULL)
		return false;
	ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok;
}

char *
text_replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	char *s = NULL;
	size_t n = 0;

	if (at == NULL)
		return NULL;
	append(&s, &n, text, (size_t)(at - text));
	append(&s, &n, to, strlen(to));
	append(&s, &n, at + strlen(from), strlen(at + strlen(from)));
	return s;
}

int
text_line(const char *text, const char *s)
{
	const char *at = strstr(text, s);
	int line = 1;

	if (at == NULL)
		return 0;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

char *
swapped(const char *text, const void *arg)
{
	const struct swap *w = arg;

	return text_replace(text, w->from, w->to);
}

char *
bundle_file(const char *dir, int lang)
{
	char *slash = concat(dir, "/"), *name = concat(lang_code[lang], ".yaml");
	char *path = concat(slash, name);

	free(slash);
	free(name);
	return path;
}

/* Return the text as it is: bundle_edit as a copy. */
static char *
same_text(const char *text, const void *arg)
{
	(void)arg;
	return xstrdup(text);
}

/* Rewrite to's file of lang as edit makes the one in from. */
static bool
edit_into(const char *from, const char *to, int lang,
          char *(*edit)(const char *text, const void *arg), const void *arg)
{
	char *src = bundle_file(from, lang), *dst = bundle_file(to, lang);
	char *text = file_text(src), *edited = text != NULL ? edit(text, arg) : NULL;
	bool ok = edited != NULL && file_put(dst, edited);

	if (!ok)
		check_note("cannot write %s from %s", dst, src);
	free(edited);
	free(text);
	free(dst);
	free(src);
	return ok;
}

char *
bundle_copy(void)
{
	char tmpl[] = "/tmp/iclei-test-XXXXXX";
	char *dir;

	if (mkdtemp(tmpl) == NULL) {
		check_note("mkdtemp: %s", strerror(errno));
		return NULL;
	}
	dir = xstrdup(tmpl);
	for (int l = 0; l < NLANG; l++)
		if (!edit_into(data_dir, dir, l, same_text, NULL)) {
			bundle_remove(dir);
			return NULL;
		}
	return dir;
}

bool
bundle_edit(const char *dir, int lang, char *(*edit)(const char *text, const void *arg),
            const void *arg)
{
	return edit_into(dir, dir, lang, edit, arg);
}

void
bundle_remove(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			char *slash = concat(dir, "/"), *path = concat(slash, e->d_name);

			unlink(path);
			free(path);
			free(slash);
		}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
	free(dir);
}

/* ------------------------------------------------------------ the fixture */

const char *const lang_code[NLANG] = {"en", "ko", "ja", "zh"};
struct fixture fx;

/* One file as it is read: where, and how many pages, blocks and tags so
 * far (the last one of each is the current one). */
struct reader {
	int lang;
	char *file;
	int lineno;
	int pages, blocks, tags;
};

/* A target named in en.yaml, resolved once every page is known: of tag
 * `tag`, or (tag -1) of the link that is block `block` of page `page`. */
struct ref {
	int tag, page, block, lineno;
	char *to_page, *to_block;
};

static struct ref *refs;
static int nrefs;

static void fx_fail(const struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

static void
fx_fail(const struct reader *r, const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! %s:%d: ", r->file, r->lineno);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (the tests read the fixture line by line: see its en.yaml)\n");
	exit(99);
}

/* The value of "KEY: value" when line starts with key, unquoted; else
 * NULL. */
static char *
value_of(const char *line, const char *key)
{
	size_t n = strlen(key), len;

	if (strncmp(line, key, n) != 0)
		return NULL;
	line += n;
	len = strlen(line);
	if (len >= 2 && line[0] == '"' && line[len - 1] == '"')
		return strndup(line + 1, len - 2);
	return xstrdup(line);
}

/* The value of key ("page: ") in a flow mapping: up to a comma or '}'. */
static char *
field(const char *s, const char *key)
{
	const char *p = strstr(s, key);

	return p == NULL ? NULL : strndup(p + strlen(key), strcspn(p + strlen(key), ",}"));
}

static void
put(const struct reader *r, char **slot, char *v)
{
	if (*slot != NULL)
		fx_fail(r, "'%s' a second time", v);
	*slot = v;
}

static struct fx_page *
cur_page(const struct reader *r)
{
	if (r->pages == 0)
		fx_fail(r, "a page title or block before the first page");
	return &fx.page[r->pages - 1];
}

static void
add_ref(const struct reader *r, int tag, int block, char *to_page, char *to_block)
{
	refs = xrealloc(refs, (size_t)(nrefs + 1) * sizeof *refs);
	refs[nrefs++] = (struct ref){tag, r->pages - 1, block, r->lineno, to_page, to_block};
}

static void
page_starts(struct reader *r, char *id)
{
	if (r->lang == EN) {
		fx.page = xrealloc(fx.page, (size_t)(fx.npages + 1) * sizeof *fx.page);
		fx.page[fx.npages++] = (struct fx_page){.id = id};
	} else if (r->pages >= fx.npages || strcmp(id, fx.page[r->pages].id) != 0) {
		fx_fail(r, "page '%s' is not the one en.yaml has here", id);
	} else {
		free(id);
	}
	r->pages++;
}

/* "      - KIND: ...": a block starts. */
static void
block_starts(struct reader *r, const char *s)
{
	static const char *const kinds[] = {"heading:", "paragraph:", "list:", "quote:",
	                                    "link:"};
	static const char letter[] = "hplqa";
	struct fx_page *p = cur_page(r);
	size_t k = 0;

	while (k < 5 && strncmp(s, kinds[k], strlen(kinds[k])) != 0)
		k++;
	if (k == 5)
		fx_fail(r, "not a block: '%s'", s);
	r->blocks++;
	if (r->lang != EN)
		return;
	p->block = xrealloc(p->block, (size_t)(p->nblocks + 1) * sizeof *p->block);
	p->block[p->nblocks++] = (struct fx_block){letter[k], NULL, -1, -1};
}

/* "        KEY: value" in a block of en.yaml: its id, a link's target. */
static void
block_key(struct reader *r, const char *s)
{
	struct fx_page *p = cur_page(r);
	struct fx_block *b = p->nblocks > 0 ? &p->block[p->nblocks - 1] : NULL;
	struct ref *last = nrefs > 0 ? &refs[nrefs - 1] : NULL;
	char *v;

	if (b == NULL)
		fx_fail(r, "a block key before the first block");
	if (last == NULL || last->tag >= 0 || last->page != r->pages - 1
	    || last->block != p->nblocks - 1)
		last = NULL;	/* not yet a target for this block */
	if ((v = value_of(s, "id: ")) != NULL) {
		put(r, &b->id, v);
	} else if ((v = value_of(s, "page: ")) != NULL) {
		if (last != NULL)
			put(r, &last->to_page, v);
		else
			add_ref(r, -1, p->nblocks - 1, v, NULL);
	} else if ((v = value_of(s, "block: ")) != NULL) {
		if (last != NULL)
			put(r, &last->to_block, v);
		else
			add_ref(r, -1, p->nblocks - 1, NULL, v);
	}
}

/* "  - {label: L, weight: W, page: P, block: B}": a tag. */
static void
tag_line(struct reader *r, const char *s)
{
	char *label = field(s, "label: "), *weight = field(s, "weight: ");

	if (label == NULL || weight == NULL)
		fx_fail(r, "a tag without a label or weight");
	if (r->lang == EN) {
		fx.tag = xrealloc(fx.tag, (size_t)(fx.ntags + 1) * sizeof *fx.tag);
		fx.tag[fx.ntags] = (struct fx_tag){.weight = atoi(weight), .page = -1,
		                                   .block = -1};
		fx.tag[fx.ntags].label[EN] = label;
		add_ref(r, fx.ntags++, -1, field(s, ", page: "), field(s, ", block: "));
	} else if (r->tags >= fx.ntags) {
		fx_fail(r, "more tags than in en.yaml");
	} else {
		put(r, &fx.tag[r->tags].label[r->lang], label);
	}
	free(weight);
	r->tags++;
}

static void
read_line(struct reader *r, const char *s)
{
	char *v;

	if ((v = value_of(s, "title: ")) != NULL)
		put(r, &fx.title[r->lang], v);
	else if ((v = value_of(s, "name: ")) != NULL)
		put(r, &fx.name[r->lang], v);
	else if ((v = value_of(s, "label: ")) != NULL)
		put(r, &fx.label[r->lang], v);
	else if ((v = value_of(s, "  - id: ")) != NULL)
		page_starts(r, v);
	else if ((v = value_of(s, "    title: ")) != NULL)
		put(r, &cur_page(r)->title[r->lang], v);
	else if (strncmp(s, "      - ", 8) == 0 && s[8] != ' ')
		block_starts(r, s + 8);
	else if (strncmp(s, "        ", 8) == 0 && s[8] != ' ' && r->lang == EN)
		block_key(r, s + 8);
	else if (strncmp(s, "  - {", 5) == 0)
		tag_line(r, s + 5);
}

/* The first block of page p with id, or -1. */
static int
block_index(int p, const char *id)
{
	for (int b = 0; id != NULL && b < fx.page[p].nblocks; b++)
		if (fx.page[p].block[b].id != NULL && strcmp(fx.page[p].block[b].id, id) == 0)
			return b;
	return -1;
}

static int
page_index(const char *id)
{
	for (int p = 0; id != NULL && p < fx.npages; p++)
		if (strcmp(fx.page[p].id, id) == 0)
			return p;
	return -1;
}

/* Every target of en.yaml as page and block numbers. */
static void
resolve_refs(struct reader *r)
{
	for (int i = 0; i < nrefs; i++) {
		struct ref *f = &refs[i];
		int page = page_index(f->to_page), block = -1;

		r->lineno = f->lineno;
		if (page < 0)
			fx_fail(r, "no page '%s'", f->to_page ? f->to_page : "(none)");
		if (f->to_block != NULL && (block = block_index(page, f->to_block)) < 0)
			fx_fail(r, "no block '%s' in page '%s'", f->to_block, f->to_page);
		if (f->tag >= 0) {
			fx.tag[f->tag].page = page;
			fx.tag[f->tag].block = block;
		} else {
			fx.page[f->page].block[f->block].page = page;
			fx.page[f->page].block[f->block].block = block;
		}
		free(f->to_page);
		free(f->to_block);
	}
	free(refs);
	refs = NULL;
	nrefs = 0;
}

/* What was read is what `iclei-tui --check FILE` counts in the file. */
static void
check_counts(struct reader *r)
{
	char *argv[] = {(char *)tui, (char *)"--check", r->file, NULL};
	struct output o;
	const char *ok;
	int pages = -1, blocks = -1, tags = -1;

	if (!run_capture(argv, plain_env(), &o) || (ok = strstr(o.out, ": ok: ")) == NULL
	    || sscanf(ok, ": ok: %*[a-z], %d pages, %d blocks, %d tags", &pages, &blocks,
	              &tags) != 3)
		fx_fail(r, "iclei-tui --check: %s%s", o.out, o.err);
	output_free(&o);
	if (pages != r->pages || blocks != r->blocks || tags != r->tags)
		fx_fail(r, "read %d pages, %d blocks, %d tags, but --check counts %d, %d, %d",
		        r->pages, r->blocks, r->tags, pages, blocks, tags);
}

static void
read_file(int lang)
{
	struct reader r = {lang, bundle_file(data_dir, lang), 0, 0, 0, 0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f;

	if ((f = fopen(r.file, "r")) == NULL)
		fx_fail(&r, "%s", strerror(errno));
	while ((len = getline(&line, &cap, f)) > 0) {
		r.lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		read_line(&r, line);
	}
	fclose(f);
	free(line);
	if (lang == EN)
		resolve_refs(&r);
	check_counts(&r);
	free(r.file);
}

/* Not part of another label, nor of a tab title (the Cloud's too). */
static bool
label_distinct(int i)
{
	const char *l = fx.tag[i].label[EN];

	for (int j = 0; j < fx.ntags; j++)
		if (j != i && strstr(fx.tag[j].label[EN], l) != NULL)
			return false;
	for (int p = 0; p < fx.npages; p++)
		if (strstr(fx.page[p].title[EN], l) != NULL)
			return false;
	return strstr("Cloud", l) == NULL;
}

/* Every language has every title and label. */
static void
check_complete(void)
{
	struct reader r = {EN, (char *)"tests/fixture", 0, 0, 0, 0};

	for (int l = 0; l < NLANG; l++) {
		bool ok = fx.title[l] != NULL && fx.name[l] != NULL && fx.label[l] != NULL;

		for (int p = 0; p < fx.npages; p++)
			ok = ok && fx.page[p].title[l] != NULL;
		for (int i = 0; i < fx.ntags; i++)
			ok = ok && fx.tag[i].label[l] != NULL;
		if (!ok)
			fx_fail(&r, "%s.yaml lacks a title, a name or a label", lang_code[l]);
	}
	if (fx.npages == 0 || fx.ntags == 0)
		fx_fail(&r, "no pages or no tags");
}

static void
fx_read(void)
{
	for (int l = 0; l < NLANG; l++)
		read_file(l);
	check_complete();
	fx.rank = xmalloc((size_t)fx.ntags * sizeof *fx.rank);
	for (int i = 0; i < fx.ntags; i++) {	/* insertion: stable */
		int j = i;

		for (; j > 0 && fx.tag[fx.rank[j - 1]].weight < fx.tag[i].weight; j--)
			fx.rank[j] = fx.rank[j - 1];
		fx.rank[j] = i;
		fx.tag[i].distinct = label_distinct(i);
	}
}

static void
fx_free(void)
{
	for (int l = 0; l < NLANG; l++) {
		free(fx.title[l]);
		free(fx.name[l]);
		free(fx.label[l]);
		for (int p = 0; p < fx.npages; p++)
			free(fx.page[p].title[l]);
		for (int i = 0; i < fx.ntags; i++)
			free(fx.tag[i].label[l]);
	}
	for (int p = 0; p < fx.npages; p++) {
		for (int b = 0; b < fx.page[p].nblocks; b++)
			free(fx.page[p].block[b].id);
		free(fx.page[p].block);
		free(fx.page[p].id);
	}
	free(fx.page);
	free(fx.tag);
	free(fx.rank);
	memset(&fx, 0, sizeof fx);
}

char
tab_key(int i)
{
	return (char)('1' + i);
}

const struct fx_tag *
tag_ranked(int k)
{
	return &fx.tag[fx.rank[k < 0 ? fx.ntags + k : k]];
}

/* ------------------------------------------------------------ pages as --dump lays them out */

static struct dump **dumps;	/* made so far */
static size_t ndumps;

/* Split --dump's output into d's lines, each after the margin. */
static void
dump_split(struct dump *d, const char *p, int margin)
{
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *s;

		while (len > 0 && p[len - 1] == ' ')
			len--;
		s = xmalloc((size_t)margin + len + 1);
		memset(s, ' ', (size_t)margin);
		memcpy(s + margin, p, len);
		s[len == 0 ? 0 : (size_t)margin + len] = '\0';
		d->line = xrealloc(d->line, (d->n + 1) * sizeof *d->line);
		d->line[d->n++] = s;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

int
text_margin(int cols)
{
	return cols >= 60 ? 2 : cols >= 30 ? 1 : 0;
}

static bool
dump_load(struct dump *d)
{
	int margin = text_margin(d->cols);
	int width = d->cols - 2 * margin;
	char wbuf[16], abuf[32];
	struct output o;
	char *argv[] = {(char *)tui, (char *)"--dump", abuf, (char *)"--lang",
	                (char *)lang_code[d->lang], (char *)"--page", fx.page[d->page].id,
	                (char *)"--width", wbuf, d->dir != NULL ? (char *)"--data-dir" : NULL,
	                d->dir, NULL};
	bool ok;

	width = width > 100 ? 100 : width < 1 ? 1 : width;
	snprintf(wbuf, sizeof wbuf, "%d", width);
	snprintf(abuf, sizeof abuf, "--ambiguous=%s", d->ambiguous);
	snprintf(d->what, sizeof d->what, "--dump %s --lang %s --page %s --width %d%s", abuf,
	         lang_code[d->lang], fx.page[d->page].id, width,
	         d->dir != NULL ? " --data-dir (a copy)" : "");
	ok = run_capture(argv, plain_env(), &o) && WIFEXITED(o.status)
	     && WEXITSTATUS(o.status) == 0;
	if (ok)
		dump_split(d, o.out, margin);
	else
		check_note("%s failed: %s", d->what, o.err);
	output_free(&o);
	return ok;
}

static void
dump_free(struct dump *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->line[i]);
	free(d->line);
	free(d->dir);
	free(d);
}

static void
dumps_free(void)
{
	for (size_t i = 0; i < ndumps; i++)
		dump_free(dumps[i]);
	free(dumps);
	dumps = NULL;
	ndumps = 0;
}

/* Both NULL, or the same string. */
static bool
same_dir(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static const struct dump *
dump_get(const char *dir, int lang, int p, int cols, const char *ambiguous)
{
	struct dump *d;

	for (size_t i = 0; i < ndumps; i++)
		if (dumps[i]->lang == lang && dumps[i]->page == p && dumps[i]->cols == cols
		    && strcmp(dumps[i]->ambiguous, ambiguous) == 0 && same_dir(dumps[i]->dir, dir))
			return dumps[i];
	d = xmalloc(sizeof *d);
	*d = (struct dump){lang, p, cols, ambiguous, NULL, 0, "",
	                   dir != NULL ? xstrdup(dir) : NULL};
	if (!dump_load(d)) {
		dump_free(d);
		return NULL;
	}
	dumps = xrealloc(dumps, (ndumps + 1) * sizeof *dumps);
	dumps[ndumps++] = d;
	return d;
}

const struct dump *
page_dump_as(int lang, int p, int cols, const char *ambiguous)
{
	return dump_get(NULL, lang, p, cols, ambiguous);
}

const struct dump *
page_dump_in(const char *dir, int lang, int p, int cols)
{
	return dump_get(dir, lang, p, cols, "narrow");
}

const struct dump *
page_dump(int lang, int p, int cols)
{
	return page_dump_as(lang, p, cols, "narrow");
}

int
dump_hits(const struct dump *d, const char *word, struct dump_hit *h, int max)
{
	size_t len = strlen(word);
	int n = 0;

	for (size_t i = 0; d != NULL && i < d->n; i++) {
		const char *line = d->line[i];

		for (const char *p = strcasestr(line, word); p != NULL && n < max;
		     p = strcasestr(p + len, word)) {
			h[n].line = (long)i;
			h[n].col = u8_width((const uint8_t *)line, (size_t)(p - line), "UTF-8");
			snprintf(h[n].text, sizeof h[n].text, "%.*s", (int)len, p);
			n++;
		}
	}
	return n;
}

long
dump_block_line(const struct dump *d, int b)
{
	int empty = 0;

	for (size_t i = 0; b >= 0 && i < d->n; i++)
		if (d->line[i][0] == '\0' && empty++ == b)
			return (long)i + 1;
	return b < 0 ? 0 : (long)d->n;
}

long
dump_max_top(const struct dump *d, int rows)
{
	long body = rows > 2 ? rows - 2 : 1;

	return (long)d->n > body ? (long)d->n - body : 0;
}

long
dump_top_for(const struct dump *d, long line, int rows)
{
	long max = dump_max_top(d, rows);

	return line < max ? line : max;
}

void
status_at(const struct dump *d, long top, int rows, char *buf, size_t size)
{
	long bottom = top + (rows > 2 ? rows - 2 : 1);

	if (bottom > (long)d->n)
		bottom = (long)d->n;
	snprintf(buf, size, "%s  %ld/%zu  %ld%%", fx.page[d->page].title[d->lang], top + 1, d->n,
	         d->n > 0 ? bottom * 100 / (long)d->n : 0);
}

/* ------------------------------------------------------------ the screen against --dump */

void
show_tab(struct vt *t, int i)
{
	vt_char(t, (unsigned char)tab_key(i), 0);
}

const struct dump *
dump_on(struct vt *t, int lang, int p)
{
	return page_dump(lang, p, vt_cols(t));
}

/* The body shows d from line top (-1: the one the status line names). */
struct bodywant {
	const struct dump *d;
	long top;
};

static bool
body_matches(struct vt *t, const struct bodywant *w, bool verbose)
{
	const struct dump *d = w->d;
	long top1 = w->top + 1, total = (long)d->n;
	int rows = vt_rows(t);
	bool ok = true;

	if (w->top < 0 && !status_pos(t, &top1, &total)) {
		if (verbose)
			check_note("no position on the status line");
		return false;
	}
	if ((size_t)total != d->n) {
		if (verbose)
			check_note("the status says %ld lines, %s has %zu", total, d->what, d->n);
		ok = false;
	}
	for (int r = 1; r < rows - 1 && ok; r++) {
		size_t i = (size_t)(top1 - 1) + (size_t)(r - 1);
		const char *want = i < d->n ? d->line[i] : "";
		char *got = vt_row_text(t, r);

		if (strcmp(got, want) != 0) {
			if (verbose)
				check_note("row %d is \"%s\", line %zu of %s is \"%s\"", r, got,
				           i + 1, d->what, want);
			ok = false;
		}
		free(got);
	}
	return ok;
}

static bool
pred_body(struct vt *t, void *arg)
{
	return body_matches(t, arg, false);
}

bool
wait_body_from(struct vt *t, const struct dump *d, long top)
{
	struct bodywant w = {d, top};

	if (d == NULL)
		return false;
	if (vt_wait(t, T_WAIT, pred_body, &w))
		return true;
	body_matches(t, &w, true);
	return false;
}

bool
wait_body(struct vt *t, int lang, int p)
{
	return wait_body_from(t, dump_on(t, lang, p), -1);
}

bool
wait_at(struct vt *t, int lang, int p, long top)
{
	const struct dump *d = dump_on(t, lang, p);
	char want[256];

	if (d == NULL)
		return false;
	status_at(d, top, vt_rows(t), want, sizeof want);
	if (!wait_status(t, want)) {
		check_note("the status line is not \"%s...\"", want);
		return false;
	}
	return wait_body_from(t, d, top);
}
