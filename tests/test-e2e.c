/* test-e2e.c: the real iclei-tui in a pseudo-terminal, driven with real
 * keystrokes and mouse reports, its screen read back as cells (vt.h; the
 * start-up, rows and status line as in screen.h).
 *
 * Every test starts its own process and waits for an eventual screen state
 * after each input, never for a fixed time; every wait has a deadline, and
 * a failed check prints the screen as "# " lines.
 *
 * Environment: ICLEI_TUI (the binary; else $top_builddir/src/iclei-tui,
 * else src/iclei-tui), top_srcdir (the bundle is $top_srcdir/data).
 *
 * Only interface strings of the English interface are matched (they are
 * the gettext msgids); in the other languages the tests look at the
 * bundle's own text (tab titles, paragraphs), which does not depend on
 * whether the message catalogues are installed. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "screen.h"
#include "vt.h"

/* ------------------------------------------------------------ helpers */

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* Eventually row r no longer matches text. */
static bool
pred_not_row(struct vt *t, void *arg)
{
	return !pred_row(t, arg);
}

static bool
wait_not_row(struct vt *t, int r, const char *text, enum how how)
{
	struct rowwant w = {r, text, how};

	return vt_wait(t, T_WAIT, pred_not_row, &w);
}

static bool
pred_pos_changed(struct vt *t, void *arg)
{
	long a, b;

	return status_pos(t, &a, &b) && a != *(long *)arg;
}

/* One key that scrolls: wait until the position moved. */
static bool
key_moves(struct vt *t, char key)
{
	long a, b;

	if (!status_pos(t, &a, &b))
		return false;
	vt_char(t, (unsigned char)key, 0);
	return vt_wait(t, T_WAIT, pred_pos_changed, &a);
}

/* j until text starts row 1, 30 times at most; returns how many. */
static int
scroll_to_row1(struct vt *t, const char *text)
{
	int i;

	for (i = 0; i < 30 && !row_matches(t, 1, text, STARTS); i++)
		if (!key_moves(t, 'j'))
			break;
	return i;
}

/* A click as a hand makes it: the press, read by the program on its own,
 * then the release. */
static bool
slow_click(struct vt *t, int r, int c)
{
	bool sent = vt_mouse(t, r, c, 1, true);

	vt_wait_quiet(t, 100, T_WAIT);
	return vt_mouse(t, r, c, 1, false) && sent;
}

/* A quick click: press and release in one write, so the program reads
 * them together (SGR encoding, which the program asks for with ?1006). */
static bool
fast_click(struct vt *t, int r, int c)
{
	char buf[64];
	int n;

	if (vt_mouse_mode(t) == 0 || !vt_raw_seen(t, "1006", 4))
		return false;
	n = snprintf(buf, sizeof buf, "\033[<0;%d;%dM\033[<0;%d;%dm", c + 1, r + 1,
	             c + 1, r + 1);
	vt_send(t, buf, (size_t)n);
	return true;
}

/* Highlighted: a background colour or reverse video. */
static bool
marked(const struct vt_cell *c)
{
	return !c->bg_default || c->reverse;
}

static bool
look_at(struct vt *t, int r, int c, struct vt_cell *out)
{
	return vt_cell(t, row_index(t, r), c, out);
}

/* Two cells look different. */
static bool
looks_differ(struct vt *t, int r1, int c1, int r2, int c2)
{
	struct vt_cell a, b;

	return look_at(t, r1, c1, &a) && look_at(t, r2, c2, &b) && !same_look(&a, &b);
}

/* Append the cell's text (vt_cell_utf8) to buf (size bytes, *len used),
 * if it fits. */
static void
put_cell(char *buf, size_t size, size_t *len, const struct vt_cell *cell)
{
	char u[VT_CELL_UTF8];
	size_t n = vt_cell_utf8(cell, u);

	if (*len + n < size) {
		memcpy(buf + *len, u, n);
		*len += n;
		buf[*len] = '\0';
	}
}

static bool
pred_marked(struct vt *t, void *arg)
{
	const int *rc = arg;
	struct vt_cell cell;

	return look_at(t, rc[0], rc[1], &cell) && marked(&cell);
}

/* Runs of highlighted cells in the body (rows 1 .. rows-2), each with one
 * look, and their text. */
struct mark {
	int row, col;
	struct vt_cell look;
	char text[128];
};

static int
find_marks(struct vt *t, struct mark *m, int max)
{
	int n = 0, rows = vt_rows(t), cols = vt_cols(t);

	for (int r = 1; r < rows - 1; r++) {
		struct mark *cur = NULL;
		size_t len = 0;

		for (int c = 0; c < cols; c++) {
			struct vt_cell cell;

			vt_cell(t, r, c, &cell);
			if (cell.width == 0 && cur != NULL)
				continue;	/* right half of a wide character */
			if (!marked(&cell)) {
				cur = NULL;
				continue;
			}
			if (cur == NULL || !same_look(&cur->look, &cell)) {
				if (n == max)
					return n;
				cur = &m[n++];
				cur->row = r;
				cur->col = c;
				cur->look = cell;
				cur->text[0] = '\0';
				len = 0;
			}
			put_cell(cur->text, sizeof cur->text, &len, &cell);
		}
	}
	return n;
}

/* The one run whose look no other run shares (the current match), or -1. */
static int
unique_mark(const struct mark *m, int n)
{
	int found = -1;

	for (int i = 0; i < n; i++) {
		int same = 0;

		for (int j = 0; j < n; j++)
			if (j != i && same_look(&m[i].look, &m[j].look))
				same++;
		if (same == 0) {
			if (found >= 0)
				return -1;
			found = i;
		}
	}
	return found;
}

/* ------------------------------------------------------------ running without a terminal */

struct output {
	char *out, *err;
	size_t nout, nerr;
	int status;
};

static void
append(char **s, size_t *n, const char *p, size_t k)
{
	char *bigger = realloc(*s, *n + k + 1);

	if (bigger == NULL) {
		perror("realloc");
		exit(99);
	}
	*s = bigger;
	memcpy(*s + *n, p, k);
	*n += k;
	(*s)[*n] = '\0';
}

/* Run argv with stdin from /dev/null and stdout, stderr into pipes. */
static bool
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

static void
output_free(struct output *o)
{
	free(o->out);
	free(o->err);
}

/* The environment for run_capture: a clean one, like the harness's. */
static char **
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

/* ------------------------------------------------------------ the cloud */

/* Text found in the body: its row, first cell and width in cells. */
struct found {
	int row, col, width;
};

/* The body rows as text, one entry per cell (a wide character once), and
 * the cell each byte comes from; rebuilt only when the screen may have
 * changed (new output or a new size). */
static struct {
	struct vt *t;
	pid_t pid;
	size_t bytes;
	int rows, cols;
	char (*line)[2048];
	int (*colof)[2048];
	size_t *len;
} body_cache;

static void
body_scan(struct vt *t)
{
	int rows = vt_rows(t), cols = vt_cols(t);

	if (body_cache.t == t && body_cache.pid == vt_pid(t) && body_cache.bytes == vt_bytes(t)
	    && body_cache.rows == rows
	    && body_cache.cols == cols)
		return;
	free(body_cache.line);
	free(body_cache.colof);
	free(body_cache.len);
	body_cache.line = xmalloc((size_t)rows * sizeof *body_cache.line);
	body_cache.colof = xmalloc((size_t)rows * sizeof *body_cache.colof);
	body_cache.len = xmalloc((size_t)rows * sizeof *body_cache.len);
	body_cache.t = t;
	body_cache.pid = vt_pid(t);
	body_cache.bytes = vt_bytes(t);
	body_cache.rows = rows;
	body_cache.cols = cols;
	for (int r = 0; r < rows; r++) {
		char *line = body_cache.line[r];
		int *colof = body_cache.colof[r];
		size_t len = 0;

		line[0] = '\0';
		for (int c = 0; c < cols; c++) {
			struct vt_cell cell;
			size_t before = len;

			vt_cell(t, r, c, &cell);
			if (cell.width == 0)
				continue;	/* the right half of a wide character */
			put_cell(line, 2048, &len, &cell);
			for (size_t i = before; i < len; i++)
				colof[i] = c;
		}
		body_cache.len[r] = len;
	}
}

static void
body_cache_free(void)
{
	free(body_cache.line);
	free(body_cache.colof);
	free(body_cache.len);
	memset(&body_cache, 0, sizeof body_cache);
}

/* Where text occurs in the body (rows 1 .. rows-2), in cells; returns how
 * many times, the first in *f (may be NULL). */
static int
body_find(struct vt *t, const char *text, struct found *f)
{
	size_t tlen = strlen(text);
	int count = 0;

	body_scan(t);
	for (int r = 1; r < body_cache.rows - 1; r++) {
		const char *line = body_cache.line[r];
		const int *colof = body_cache.colof[r];
		size_t len = body_cache.len[r];

		for (const char *p = strstr(line, text); p != NULL; p = strstr(p + 1, text)) {
			size_t b = (size_t)(p - line), e = b + tlen;

			if (count++ == 0 && f != NULL) {
				f->row = r;
				f->col = colof[b];
				f->width = (e < len ? colof[e] : body_cache.cols) - colof[b];
			}
		}
	}
	return count;
}

static bool
pred_body_has(struct vt *t, void *arg)
{
	return body_find(t, arg, NULL) > 0;
}

/* The text found is drawn in one look (one label, not pieces of two). */
static bool
found_whole(struct vt *t, const struct found *f)
{
	struct vt_cell first, cell;

	if (!vt_cell(t, f->row, f->col, &first))
		return false;
	for (int c = f->col + 1; c < f->col + f->width; c++)
		if (!vt_cell(t, f->row, c, &cell) || (cell.width != 0 && !same_look(&first, &cell)))
			return false;
	return true;
}

/* The label is on the body once, whole. */
static bool
pred_label_whole(struct vt *t, void *arg)
{
	struct found f;

	return body_find(t, arg, &f) == 1 && found_whole(t, &f);
}

/* How many of the English labels are on the body, whole. */
static int
en_labels_shown(struct vt *t)
{
	int n = 0;
	struct found f;

	for (size_t i = 0; i < n_en_tags; i++)
		if (body_find(t, en_tags[i].label, &f) == 1 && found_whole(t, &f))
			n++;
	return n;
}

/* How many English labels with letters in them are on the body, at all
 * (the digits "1990", "2003"... are in the Korean labels too). */
static int
en_words_shown(struct vt *t)
{
	int n = 0;

	for (size_t i = 0; i < n_en_tags; i++)
		if (strpbrk(en_tags[i].label, "abcdefghijklmnopqrstuvwxyz") != NULL
		    && body_find(t, en_tags[i].label, NULL) > 0)
			n++;
	return n;
}

/* The English cloud is on the screen: at least 3 labels whole, over at
 * least 4 body rows, and not the list (whose rows say "label  → Page"). */
static bool
pred_cloud_shown(struct vt *t, void *arg)
{
	(void)arg;
	if (en_labels_shown(t) < 3 || body_find(t, "  → ", NULL) > 0)
		return false;
	return body_rows_used(t) >= 4;
}

/* The body as one string. */
static char *
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

static bool
pred_body_changed(struct vt *t, void *arg)
{
	char *now = body_snapshot(t);
	bool changed = strcmp(now, arg) != 0;

	free(now);
	return changed;
}

/* The body changes within ms, with no input. */
static bool
body_changes(struct vt *t, int ms)
{
	char *before = body_snapshot(t);
	bool ok = vt_wait(t, ms, pred_body_changed, before);

	free(before);
	return ok;
}

/* The context switches of a process so far: each wake-up of a program
 * blocked on its input is one.  -1 if unknown. */
static long
wakeups(pid_t pid)
{
	char path[64], line[256];
	long n = 0, v;
	bool seen = false;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1
		    || sscanf(line, "nonvoluntary_ctxt_switches: %ld", &v) == 1) {
			n += v;
			seen = true;
		}
	fclose(f);
	return seen ? n : -1;
}

/* The CPU time a process used so far, in clock ticks; -1 if unknown. */
static long
cpu_ticks(pid_t pid)
{
	char buf[512];
	const char *p = proc_stat(pid, buf, sizeof buf);
	unsigned long ut = 0, stime = 0;

	/* From the state (field 3) on: utime is field 14, stime 15. */
	if (p == NULL || sscanf(p, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
	                        &ut, &stime) != 2)
		return -1;
	return (long)(ut + stime);
}

/* Keep reading for ms; *ticks gets the CPU ticks the program used
 * meanwhile.  False if they were unknown at the start. */
static bool
cpu_ticks_over(struct vt *t, int ms, long *ticks)
{
	long cpu0 = cpu_ticks(vt_pid(t));

	vt_wait(t, ms, NULL, NULL);
	*ticks = cpu_ticks(vt_pid(t)) - cpu0;
	return cpu0 >= 0;
}

/* At rest for ms: not a byte of output, and the program does not wake up
 * (a clock ticking without drawing anything new would).  *extra gets the
 * bytes that came, *woke the wake-ups. */
static bool
silent_for(struct vt *t, int ms, size_t *extra, long *woke)
{
	size_t bytes = vt_bytes(t);
	long w0 = wakeups(vt_pid(t));

	vt_wait(t, ms, NULL, NULL);
	*extra = vt_bytes(t) - bytes;
	*woke = wakeups(vt_pid(t)) - w0;
	return *extra == 0 && w0 >= 0 && *woke <= 1;
}

/* The focused tag: the one run of highlighted cells in the body is text
 * (the focus style has a background, or reverse video). */
static bool
pred_focus_is(struct vt *t, void *arg)
{
	struct mark m[8];
	int n = find_marks(t, m, 8);

	return n == 1 && strcmp(m[0].text, arg) == 0;
}

/* The same, and the status line names the Cloud: a frame can arrive in
 * two reads, the status line (the last row) in the second. */
static bool
pred_focus_on_cloud(struct vt *t, void *arg)
{
	return pred_focus_is(t, arg) && row_matches(t, -1, "Cloud", STARTS);
}

static bool
pred_no_marks(struct vt *t, void *arg)
{
	struct mark m[8];

	(void)arg;
	return find_marks(t, m, 8) == 0;
}

/* The last column of every body row is blank, and wide characters are
 * whole. */
static bool
body_fits(struct vt *t)
{
	return last_column_blank(t, false) && cells_sane(t, NULL, true);
}

static bool
pred_fitted_cloud(struct vt *t, void *arg)
{
	(void)arg;
	return pred_cloud_shown(t, NULL) && body_fits(t);
}

/* The whole cloud is in Korean: Korean labels, no English words. */
static bool
pred_korean_cloud(struct vt *t, void *arg)
{
	(void)arg;
	return body_find(t, "지속가능성", NULL) + body_find(t, "지방정부", NULL)
	       + body_find(t, "네트워크", NULL) + body_find(t, "기후보호", NULL) > 0
	    && en_words_shown(t) == 0;
}

/* Very narrow: the top bar and status line redrawn at this width, a label
 * whole, nothing in the last column. */
static bool
pred_fitted_narrow(struct vt *t, void *arg)
{
	char *status = vt_row_text(t, vt_rows(t) - 1);
	bool ok = status != NULL && (strncmp(status, " Paused", 7) == 0
	                             || strncmp(status, " Cloud", 6) == 0);

	(void)arg;
	free(status);
	return ok && row_matches(t, 0, "Cloud", HAS) && en_labels_shown(t) >= 1
	    && body_fits(t);
}

/* The Korean cloud, redrawn at the terminal's size: the top bar, a status
 * line, some labels, and nothing in the last column. */
static bool
pred_fitted_ko(struct vt *t, void *arg)
{
	static const char *const ko[] = {"지속가능성", "지방정부", "네트워크", "기후보호",
	                                 "토론토", "서울", "회원", "교육", "역량강화"};
	int shown = 0;
	char *status = vt_row_text(t, vt_rows(t) - 1);
	bool has_status = status != NULL && status[0] != '\0';

	(void)arg;
	free(status);
	for (size_t i = 0; i < sizeof ko / sizeof *ko; i++)
		shown += body_find(t, ko[i], NULL) > 0;
	return has_status && row_matches(t, 0, "KR", HAS) && shown >= 2 && body_fits(t);
}

/* One of the English labels whole on the body, once, not highlighted:
 * for a click.  Returns its index in en_tags, or -1. */
static int
clickable_label(struct vt *t, struct found *f)
{
	for (size_t i = 0; i < n_en_tags; i++) {
		struct vt_cell cell;

		if (body_find(t, en_tags[i].label, f) == 1 && found_whole(t, f)
		    && vt_cell(t, f->row, f->col, &cell) && !marked(&cell)
		    && !cell.underline)
			return (int)i;
	}
	return -1;
}

/* Start the program (args, env as for start()) and show the Cloud tab. */
static struct vt *
start_cloud(int rows, int cols, const char *const args[], const char *const env[])
{
	struct vt *t = start(rows, cols, args, env);

	if (vt_wait_text(t, "EN | KR | JP | CN", T_WAIT))
		vt_keys(t, "5");
	return t;
}

/* Pause the moving cloud with Space: "Paused", then quiet. */
static bool
pause_cloud(struct vt *t)
{
	vt_keys(t, " ");
	return wait_row(t, -1, "Paused", STARTS) && vt_wait_quiet(t, 200, T_WAIT);
}

/* Pause the cloud with a label to click whole on it (clickable_label):
 * paused where none is, go on a little and try again, 10 times at most.
 * Returns the label's index in en_tags (its place in *f), or -1. */
static int
pause_on_label(struct vt *t, struct found *f)
{
	int i = -1;

	for (int tries = 0; tries < 10 && i < 0; tries++) {
		if (tries > 0) {
			vt_keys(t, " ");
			body_changes(t, 500);
		}
		if (!pause_cloud(t))
			break;
		i = clickable_label(t, f);
	}
	return i;
}

/* ------------------------------------------------------------ the body against --dump */

/* `iclei-tui --dump` lays a page out with the same engine: the body of the
 * screen must be those lines, shifted right by the margin.  From src/app.c:
 * margin 2 from 60 columns, 1 from 30, else 0; text width COLS - 2 margins,
 * at most 100. */
struct dump {
	char **line;
	size_t n;
	int margin;
	char what[64];
};

static bool
dump_load(struct dump *d, const char *lang, const char *page, int cols)
{
	int margin = cols >= 60 ? 2 : cols >= 30 ? 1 : 0;
	int width = cols - 2 * margin;
	char wbuf[16];
	struct output o;
	char *argv[] = {(char *)tui, (char *)"--dump", (char *)"--ambiguous=narrow",
	                (char *)"--lang", (char *)lang, (char *)"--page", (char *)page,
	                (char *)"--width", wbuf, NULL};
	char *p;

	if (width > 100)
		width = 100;
	if (width < 1)
		width = 1;
	snprintf(wbuf, sizeof wbuf, "%d", width);
	snprintf(d->what, sizeof d->what, "--dump --lang %s --page %s --width %d",
	         lang, page, width);
	d->line = NULL;
	d->n = 0;
	d->margin = margin;
	if (!run_capture(argv, plain_env(), &o) || !WIFEXITED(o.status)
	    || WEXITSTATUS(o.status) != 0) {
		check_note("%s failed: %s", d->what, o.err);
		output_free(&o);
		return false;
	}
	p = o.out;
	while (*p != '\0') {
		char *nl = strchr(p, '\n'), *s;
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

		while (len > 0 && p[len - 1] == ' ')
			len--;
		s = xmalloc((size_t)margin + len + 1);
		memset(s, ' ', (size_t)margin);
		memcpy(s + margin, p, len);
		s[len == 0 ? 0 : (size_t)margin + len] = '\0';
		d->line = realloc(d->line, (d->n + 1) * sizeof *d->line);
		if (d->line == NULL)
			exit(99);
		d->line[d->n++] = s;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	output_free(&o);
	return true;
}

static void
dump_free(struct dump *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->line[i]);
	free(d->line);
}

static bool
body_matches(struct vt *t, const struct dump *d, bool verbose)
{
	long top1, total;
	int rows = vt_rows(t);
	bool ok = true;

	if (!status_pos(t, &top1, &total)) {
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

/* Eventually the body is the page as --dump lays it out at this width,
 * from the line the status line names. */
static bool
wait_body(struct vt *t, const char *lang, const char *page)
{
	struct dump d;
	bool ok;

	if (!dump_load(&d, lang, page, vt_cols(t)))
		return false;
	ok = vt_wait(t, T_WAIT, pred_body, &d);
	if (!ok)
		body_matches(t, &d, true);
	dump_free(&d);
	return ok;
}

/* ------------------------------------------------------------ 1. first screen */

static const struct lang {
	const char *code, *label;
	const char *tab[4];
	bool wide;
} langs[] = {
	{"en", "EN", {"History", "Mission", "Network", "Achievements"}, false},
	{"ko", "KR", {"역사", "미션", "네트워크", "성과"}, true},
	{"ja", "JP", {"沿革", "ミッション", "ネットワーク", "実績"}, true},
	{"zh", "CN", {"历史", "使命", "网络", "成就"}, true},
};

static void
test_first_screen(const struct lang *l)
{
	struct vt *t = start(24, 80, ARGS("--lang", l->code), NONE);
	char tabs[256], status[64];
	int r = -1, c = -1, r2 = -1, c2 = -1, nwide = 0;
	struct vt_cell a, b, n;

	snprintf(tabs, sizeof tabs, "%s · %s · %s · %s · ", l->tab[0], l->tab[1],
	         l->tab[2], l->tab[3]);
	snprintf(status, sizeof status, "%s  1/", l->tab[0]);
	CHECKV(t, wait_row(t, 1, l->tab[0], STARTS) && wait_status(t, status),
	       "%s: the first screen has the title '%s' at the top of the body and "
	       "'%s...' on the status line", l->code, l->tab[0], status);
	CHECKV(t, row_matches(t, 0, tabs, HAS),
	       "%s: row 0 has the tabs in order: %s", l->code, tabs);
	CHECKV(t, row_matches(t, 0, "EN | KR | JP | CN", HAS)
	       && vt_find_text(t, "EN | KR | JP | CN", &r, &c) > 0 && r == 0
	       && c + 17 <= 80 && c + 17 >= 78,
	       "%s: the language switcher is at the right of row 0", l->code);
	CHECKV(t, vt_find_text(t, l->label, &r, &c) > 0 && r == 0
	       && vt_find_text(t, l->code[0] == 'e' ? "KR" : "EN", &r2, &c2) > 0 && r2 == 0
	       && looks_differ(t, 0, c, 0, c2),
	       "%s: the current language %s is highlighted in the switcher", l->code,
	       l->label);
	CHECKV(t, vt_find_text(t, l->tab[0], &r, &c) > 0 && r == 0
	       && vt_find_text(t, l->tab[1], &r2, &c2) > 0 && r2 == 0
	       && looks_differ(t, 0, c, 0, c2),
	       "%s: the current tab is highlighted", l->code);
	if (l->wide) {
		/* The tab title: two wide characters, each with its right half. */
		vt_find_text(t, l->tab[0], &r, &c);
		CHECKV(t, vt_cell(t, 0, c, &a) && a.width == 2 && vt_cell(t, 0, c + 1, &b)
		       && b.width == 0 && b.ch[0] == 0 && vt_cell(t, 0, c + 2, &n)
		       && n.width == 2,
		       "%s: '%s' on row 0 is two wide cells (width 2, right half, width 2)",
		       l->code, l->tab[0]);
		CHECKV(t, vt_cell(t, 1, 2, &a) && a.width == 2 && vt_cell(t, 1, 3, &b)
		       && b.width == 0 && vt_cell(t, 1, 4, &n) && n.width == 2
		       && vt_cell(t, 1, 6, &n) && n.ch[0] == 0,
		       "%s: the page title at row 1, column 2 is two wide characters", l->code);
	}
	CHECKV(t, cells_sane(t, &nwide, true) && (l->wide ? nwide > 200 : nwide == 0),
	       "%s: every wide character is whole, none cut at the right edge "
	       "(%d wide characters)", l->code, nwide);
	CHECKV(t, wait_body(t, l->code, "history"),
	       "%s: the body is the page as --dump lays it out at 76 columns", l->code);
	if (l->code[0] == 'e')
		CHECKV(t, wait_row(t, -1, "? help  q quit", HAS),
		       "en: the status line shows '? help'");
	CHECKV(t, vt_altscreen(t) && !vt_cursor_visible(t) && vt_mouse_mode(t) != 0,
	       "%s: alternate screen, cursor hidden, mouse reporting on", l->code);
	vt_free(t);
}

/* ------------------------------------------------------------ 2. pages */

static void
test_pages(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int r = -1, c = -1;
	bool ok;

	CHECKV(t, wait_status(t, "History  1/28"), "pages: starts on History");
	vt_keys(t, "2");
	CHECKV(t, wait_status(t, "Mission  1/") && wait_row(t, 1, "Mission", IS)
	       && wait_body(t, "en", "mission"), "pages: 2 shows Mission");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, wait_status(t, "Network  1/") && wait_body(t, "en", "network"),
	       "pages: Tab shows Network");
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, wait_status(t, "Mission  1/"), "pages: Shift-Tab goes back to Mission");
	vt_keys(t, "4");
	CHECKV(t, wait_status(t, "Achievements  1/") && wait_body(t, "en", "achievements"),
	       "pages: 4 shows Achievements");
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "pages: 5 shows the Cloud tab, the tag cloud (labels scattered over the body)");
	vt_keys(t, "4");
	CHECKV(t, wait_status(t, "Achievements  1/"), "pages: 4 from the Cloud");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "pages: Tab on Achievements goes on to the Cloud");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_on_cloud, (void *)"ICLEI"),
	       "pages: Tab on the Cloud focuses a tag (ICLEI) and stays on the Cloud");
	vt_keys(t, "1");
	CHECKV(t, wait_status(t, "History  1/28"), "pages: 1 on the Cloud goes to History");
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, wait_status(t, "Cloud"), "pages: Shift-Tab on the first tab wraps to the Cloud");
	vt_keys(t, "1");
	CHECKV(t, wait_status(t, "History  1/28"), "pages: 1 goes back to History");

	/* The mouse on the top bar (after a visit to the Cloud); each click
	 * starts where the one before led. */
	ok = vt_find_text(t, "Achievements", &r, &c) > 0 && r == 0
	     && slow_click(t, 0, c + 3) && wait_status(t, "Achievements  1/");
	CHECKV(t, ok, "pages: a click on the tab label 'Achievements' shows that page "
	       "(mouse mode %d)", vt_mouse_mode(t));
	ok = ok && vt_find_text(t, "KR", &r, &c) > 0 && r == 0 && slow_click(t, 0, c)
	     && wait_status(t, "성과  1/") && wait_row(t, 0, "역사 · 미션 · 네트워크 · 성과", HAS);
	CHECKV(t, ok, "pages: a click on KR switches to Korean and stays on the page");
	ok = ok && vt_find_text(t, "미션", &r, &c) > 0 && r == 0
	     && slow_click(t, 0, c + 1) && wait_status(t, "미션  1/")
	     && wait_body(t, "ko", "mission");
	CHECKV(t, ok, "pages: a click on the right half of a wide tab label works (미션)");
	ok = ok && vt_find_text(t, "EN", &r, &c) > 0 && r == 0 && slow_click(t, 0, c + 1)
	     && wait_status(t, "Mission  1/");
	CHECKV(t, ok, "pages: a click on EN switches back");
	vt_free(t);
}

/* ------------------------------------------------------------ the cloud */

static void check_restored(struct vt *t, const char *what);

/* The cloud moves by itself; Space freezes it (no output at all), Space
 * again and it moves on. */
static void
test_cloud_motion(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	size_t extra = 0;
	long woke = 0;

	CHECKV(t, wait_status(t, "History  1/28"), "cloud motion: started");
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud motion: 5 shows the cloud");
	CHECKV(t, body_changes(t, 500), "cloud motion: the body changes within 500 ms, no input");
	CHECKV(t, body_changes(t, 500), "cloud motion: and again: it keeps moving");
	CHECKV(t, pause_cloud(t), "cloud motion: Space says 'Paused' and the output stops");
	CHECKV(t, silent_for(t, 1000, &extra, &woke),
	       "cloud motion: paused: not a byte for a second (%zu bytes came), no wake-up "
	       "(%ld)", extra, woke);
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud motion: paused: the cloud is still shown");
	vt_keys(t, " ");
	CHECKV(t, body_changes(t, 500) && body_changes(t, 500),
	       "cloud motion: Space again: it moves again");
	vt_keys(t, "4");
	CHECKV(t, wait_status(t, "Achievements  1/") && vt_wait_quiet(t, 200, T_WAIT)
	       && silent_for(t, 500, &extra, &woke),
	       "cloud motion: on another tab: no output (%zu bytes), no wake-up (%ld)", extra,
	       woke);
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && body_changes(t, 500),
	       "cloud motion: back on the Cloud it moves again");
	vt_keys(t, "++");
	CHECKV(t, body_changes(t, 500) && alive(t), "cloud motion: + speeds it up");
	vt_keys(t, "---");
	CHECKV(t, body_changes(t, 500) && alive(t), "cloud motion: - slows it down, still moving");
	vt_free(t);
}

/* Tab focuses the tags by weight and turns them to the front; Enter opens
 * the focused tag's page at its block; Backspace returns. */
static void
test_cloud_focus(void)
{
	struct vt *t = start(24, 80, ARGS("--page", "achievements"), NONE);

	CHECKV(t, wait_status(t, "Achievements  1/"), "cloud focus: --page achievements");
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_no_marks, NULL),
	       "cloud focus: the Cloud, nothing focused");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_row(t, -1, "Tab chooses a tag", STARTS) && row_matches(t, 0, "Cloud", HAS)
	       && alive(t), "cloud focus: Enter with nothing focused says how to choose");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_on_cloud, (void *)"ICLEI"),
	       "cloud focus: the first Tab focuses the heaviest tag, ICLEI, drawn highlighted");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"Sustainability"),
	       "cloud focus: Tab again: the next by weight, Sustainability");
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"ICLEI")
	       && row_matches(t, -1, "Cloud", STARTS),
	       "cloud focus: Shift-Tab goes back to ICLEI (and stays on the Cloud)");
	vt_key(t, VT_KEY_BTAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"Centers of excellence"),
	       "cloud focus: Shift-Tab on the heaviest wraps to the lightest (the last of "
	       "weight 3, Centers of excellence)");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, vt_wait(t, T_WAIT, pred_no_marks, NULL) && row_matches(t, -1, "Cloud", STARTS),
	       "cloud focus: Esc clears the focus");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"ICLEI"),
	       "cloud focus: Tab after Esc starts again at ICLEI");
	vt_key(t, VT_KEY_ENTER);
	/* ICLEI leads to History, block 'idea': the heading, line 4. */
	CHECKV(t, wait_status(t, "History  4/28")
	       && wait_row(t, 1, "ICLEI started with the idea", STARTS),
	       "cloud focus: Enter opens ICLEI's page, History, at its block (the heading on "
	       "row 1)");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && body_changes(t, 500),
	       "cloud focus: Backspace returns to the Cloud, moving");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "Achievements  1/"),
	       "cloud focus: Backspace again: Achievements, where it all began");
	vt_free(t);

	/* Enter right after Tab: the page opens once the tag is in front. */
	t = start_cloud(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "cloud focus: the Cloud");
	vt_key(t, VT_KEY_TAB);
	vt_key(t, VT_KEY_TAB);
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_status(t, "History  7/28")
	       && vt_wait_text(t, "renaming the association", T_WAIT),
	       "cloud focus: Tab Tab Enter at once opens Sustainability's page (History, "
	       "block 'mandate', 7/28)");
	vt_free(t);

	/* Paused, Enter still opens the focused tag's page. */
	t = start_cloud(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "Cloud"), "cloud focus: the Cloud once more");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"ICLEI") && pause_cloud(t),
	       "cloud focus: Tab, then Space: ICLEI focused, the cloud paused");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_status(t, "History  4/28")
	       && wait_row(t, 1, "ICLEI started with the idea", STARTS),
	       "cloud focus: paused, Enter opens ICLEI's page all the same");
	vt_free(t);
}

/* A click on a label opens its page: pause first, so it stays put. */
static void
cloud_click(bool fast)
{
	const char *how = fast ? "fast click" : "slow click";
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct found f = {0, 0, 0};
	int i = -1;
	char want[64];
	bool opened;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud %s: the cloud", how);
	i = pause_on_label(t, &f);
	CHECKV(t, i >= 0, "cloud %s: paused, a known label is whole on the screen (%s)", how,
	       i >= 0 ? en_tags[i].label : "none");
	if (i < 0) {
		vt_free(t);
		return;
	}
	snprintf(want, sizeof want, "%s  ", en_tags[i].page);
	if (fast)
		CHECKV(t, fast_click(t, f.row, f.col + f.width / 2), "cloud %s: sent", how);
	else
		CHECKV(t, slow_click(t, f.row, f.col + f.width / 2), "cloud %s: sent", how);
	opened = wait_status(t, want) && wait_not_row(t, 1, "", IS);
	CHECKV(t, opened, "cloud %s: on '%s' (row %d, columns %d-%d) opens its page, %s", how,
	       en_tags[i].label, f.row, f.col, f.col + f.width - 1, en_tags[i].page);
	if (opened) {
		vt_key(t, VT_KEY_BACKSPACE);
		CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
		       "cloud %s: Backspace returns to the Cloud", how);
	}
	vt_free(t);
}

/* Seoul leads to History at the block east-asia; Biodiversity to
 * Achievements: the click works on those two in particular. */
static void
cloud_click_known(const char *label, const char *status, const char *text)
{
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct found f = {0, 0, 0};
	bool seen = false;

	CHECKV(t, wait_status(t, "Cloud"), "cloud click %s: the cloud", label);
	/* Wait, while it turns, until the label is whole on the screen, then
	 * pause; if it moved on meanwhile, go on and try again. */
	for (int tries = 0; tries < 4 && !seen; tries++) {
		if (tries > 0)
			vt_keys(t, " ");
		if (!vt_wait(t, T_WAIT, pred_label_whole, (void *)label) || !pause_cloud(t))
			break;
		seen = body_find(t, label, &f) == 1 && found_whole(t, &f);
	}
	CHECKV(t, seen, "cloud click %s: paused with '%s' whole on the screen", label, label);
	if (seen) {
		CHECKV(t, slow_click(t, f.row, f.col + f.width / 2) && wait_status(t, status)
		       && vt_wait_text(t, text, T_WAIT),
		       "cloud click %s: a click on it (row %d, column %d) opens '%s...' showing "
		       "'%s'", label, f.row, f.col + f.width / 2, status, text);
	}
	vt_free(t);
}

static void
test_cloud_click(void)
{
	cloud_click(false);
	cloud_click(true);
	cloud_click_known("Seoul", "History  7/28", "With the support of Seoul Metropolitan");
	cloud_click_known("Biodiversity", "Achievements  ", "engaged dozens of global");
}

/* The language switch relabels the cloud where it is. */
static void
test_cloud_lang(void)
{
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct mark m[8];
	int n, row = -1, mid = -1;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud lang: the English cloud");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"ICLEI") && pause_cloud(t)
	       && find_marks(t, m, 8) == 1, "cloud lang: ICLEI focused, then paused");
	if (find_marks(t, m, 8) == 1) {
		row = m[0].row;
		mid = m[0].col * 2 + 5;	/* twice its centre: "ICLEI" is 5 columns */
	}
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, "역사 · 미션 · 네트워크 · 성과", HAS)
	       && vt_wait(t, T_WAIT, pred_focus_is, (void *)"이클레이"),
	       "cloud lang: L: Korean tabs, and the focused label is now 이클레이");
	n = find_marks(t, m, 8);
	CHECKV(t, n == 1 && m[0].row == row && abs(m[0].col * 2 + 8 - mid) <= 2,
	       "cloud lang: 이클레이 is where ICLEI was (row %d, centre %.1f; was row %d, "
	       "centre %.1f)", n == 1 ? m[0].row : -1, n == 1 ? (m[0].col * 2 + 8) / 2.0 : -1,
	       row, mid / 2.0);
	CHECKV(t, vt_wait(t, T_WAIT, pred_korean_cloud, NULL) && cells_sane(t, NULL, true),
	       "cloud lang: Korean labels, no English ones, wide characters whole");
	vt_keys(t, " ");
	CHECKV(t, body_changes(t, 500), "cloud lang: Space: the Korean cloud moves on");
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, 0, "History · Mission", HAS)
	       && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud lang: H: back to English labels");
	vt_free(t);

	t = start_cloud(24, 80, ARGS("--lang", "ko"), NONE);
	CHECKV(t, wait_row(t, 0, "역사 · 미션", HAS)
	       && vt_wait(t, T_WAIT, pred_body_has, (void *)"이클레이")
	       && cells_sane(t, NULL, true),
	       "cloud lang: --lang ko: the cloud shows 이클레이, wide characters whole");
	vt_free(t);
}

/* Resized, the cloud refits: no label in the last column, none cut. */
static void
test_cloud_resize(void)
{
	/* rows x cols: the brief's three, a few odd ones, narrow and tall (where
	 * the width limits the sphere), and the narrowest the program draws. */
	static const int sizes[][2] = {{12, 41}, {40, 120}, {24, 80}, {17, 60}, {30, 200},
	                               {24, 30}, {40, 45}, {24, 20}};
	struct vt *t = start_cloud(24, 80, NONE, NONE);

	CHECKV(t, wait_status(t, "Cloud") && pause_cloud(t)
	       && vt_wait(t, T_WAIT, pred_fitted_cloud, NULL),
	       "cloud resize 80x24: paused, labels shown, the last column blank");
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		bool ok;

		vt_resize(t, sizes[i][0], sizes[i][1]);
		/* Below 30 columns a label or two may be all there is room for. */
		ok = vt_wait(t, T_WAIT, sizes[i][1] < 30 ? pred_fitted_narrow : pred_fitted_cloud,
		             NULL);
		if (!ok)
			last_column_blank(t, true);
		CHECKV(t, ok, "cloud resize %dx%d: labels shown, no label text in the last "
		       "column, wide characters whole", sizes[i][1], sizes[i][0]);
	}
	vt_resize(t, 1, 1);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && alive(t), "cloud resize 1x1: still running");
	vt_resize(t, 24, 80);
	CHECKV(t, vt_wait(t, T_WAIT, pred_fitted_cloud, NULL) && alive(t),
	       "cloud resize 1x1 -> 80x24: the cloud again");
	vt_keys(t, " ");
	CHECKV(t, body_changes(t, 500), "cloud resize: Space: it moves on");
	vt_resize(t, 12, 41);
	CHECKV(t, vt_wait(t, T_WAIT, pred_fitted_cloud, NULL),
	       "cloud resize 41x12 while moving: refitted");
	vt_free(t);

	/* Korean: wide labels. */
	t = start_cloud(24, 80, ARGS("--lang", "ko"), NONE);
	CHECKV(t, vt_wait(t, T_WAIT, pred_body_has, (void *)"이클레이"),
	       "cloud resize ko: the Korean cloud");
	vt_keys(t, " ");
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT), "cloud resize ko: Space pauses it");
	for (size_t i = 0; i < 2; i++) {
		bool ok;

		vt_resize(t, sizes[i][0], sizes[i][1]);
		ok = vt_wait(t, T_WAIT, pred_fitted_ko, NULL);
		if (!ok)
			last_column_blank(t, true);
		CHECKV(t, ok, "cloud resize ko %dx%d: Korean labels shown, no label text in the "
		       "last column, wide characters whole", sizes[i][1], sizes[i][0]);
	}
	vt_free(t);
}

/* --no-motion (and ICLEI_TUI_NO_MOTION=1): still; a key turns it once. */
static void
cloud_still(const char *const args[], const char *const env[], const char *what)
{
	struct vt *t = start(24, 80, args, env);
	size_t extra = 0;
	long woke = 0;
	bool ok;

	CHECKV(t, wait_status(t, "History  1/28"), "%s: started", what);
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_wait_quiet(t, 200, T_WAIT), "%s: the cloud, then quiet", what);
	CHECKV(t, silent_for(t, 1000, &extra, &woke),
	       "%s: not a byte for a second on the cloud (%zu bytes came), no wake-up (%ld)",
	       what, extra, woke);
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, body_changes(t, T_WAIT), "%s: Right turns the cloud", what);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && silent_for(t, 500, &extra, &woke),
	       "%s: then it is still again (%zu bytes, %ld wake-ups)", what, extra, woke);
	vt_keys(t, "k");
	CHECKV(t, body_changes(t, T_WAIT) && vt_wait_quiet(t, 200, T_WAIT)
	       && silent_for(t, 300, &extra, &woke), "%s: k turns it once, then still", what);
	vt_key(t, VT_KEY_TAB);
	ok = vt_wait(t, T_WAIT, pred_focus_is, (void *)"ICLEI")
	     && vt_wait_quiet(t, 200, T_WAIT) && silent_for(t, 300, &extra, &woke);
	if (!ok) {
		long ticks;

		cpu_ticks_over(t, 500, &ticks);
		check_note("%ld CPU ticks in the next 0.5 s%s", ticks,
		           ticks >= 40 ? ": the program spins" : "");
	}
	CHECKV(t, ok, "%s: Tab focuses ICLEI at once, then still", what);
	if (ok) {
		vt_key(t, VT_KEY_ENTER);
		CHECKV(t, wait_status(t, "History  4/28")
		       && wait_row(t, 1, "ICLEI started with the idea", STARTS),
		       "%s: Enter opens ICLEI's page at its block", what);
	}
	vt_free(t);

	/* A click opens a tag's page at once. */
	t = start_cloud(24, 80, args, env);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_wait_quiet(t, 200, T_WAIT), "%s: the cloud again", what);
	{
		struct found f = {0, 0, 0};
		int i = clickable_label(t, &f);
		char want[64];

		snprintf(want, sizeof want, "%s  ", i >= 0 ? en_tags[i].page : "?");
		CHECKV(t, i >= 0 && slow_click(t, f.row, f.col + f.width / 2)
		       && wait_status(t, want) && wait_not_row(t, 1, "", IS),
		       "%s: a click on '%s' opens its page, %s", what,
		       i >= 0 ? en_tags[i].label : "(no label)", i >= 0 ? en_tags[i].page : "?");
	}
	vt_free(t);
}

static void
test_cloud_still(void)
{
	cloud_still(ARGS("--no-motion"), NONE, "cloud --no-motion");
	cloud_still(NONE, ARGS("ICLEI_TUI_NO_MOTION=1"), "cloud ICLEI_TUI_NO_MOTION=1");

	/* ICLEI_TUI_NO_MOTION=0 means motion. */
	{
		struct vt *t = start_cloud(24, 80, NONE, ARGS("ICLEI_TUI_NO_MOTION=0"));

		CHECKV(t, wait_status(t, "Cloud") && body_changes(t, 500),
		       "cloud ICLEI_TUI_NO_MOTION=0: the cloud moves");
		vt_free(t);
	}
}

/* Pointer motion reporting (?1003) only while the cloud is shown. */
struct modewant {
	const char *status;
	int mode;
};

/* The status line starts with status (drawn last: the frame is complete)
 * and the mouse mode is mode. */
static bool
pred_status_mode(struct vt *t, void *arg)
{
	const struct modewant *w = arg;

	return row_matches(t, -1, w->status, STARTS) && vt_mouse_mode(t) == w->mode;
}

static bool
wait_status_mode(struct vt *t, const char *status, int mode)
{
	struct modewant w = {status, mode};

	if (mode == 3)	/* the cloud: it moves, never quiet */
		return vt_wait(t, T_WAIT, pred_status_mode, &w);
	/* At rest: once drawn and quiet, the mode is what it will stay. */
	return wait_status(t, status) && vt_wait_quiet(t, 100, T_WAIT)
	    && vt_mouse_mode(t) == mode;
}

static void
test_cloud_mouse_mode(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int r = -1, c = -1, st = -1;

	/* vt_mouse_mode: 1 clicks (?1000), 3 any motion (?1003). */
	CHECKV(t, wait_status_mode(t, "History  1/28", 1),
	       "cloud mouse: on a page, clicks are reported, not motion (mode %d)",
	       vt_mouse_mode(t));
	vt_keys(t, "5");
	CHECKV(t, wait_status_mode(t, "Cloud", 3),
	       "cloud mouse: on the cloud, any-motion reporting is on (mode %d)",
	       vt_mouse_mode(t));
	vt_keys(t, "2");
	CHECKV(t, wait_status_mode(t, "Mission  1/", 1),
	       "cloud mouse: on a page again, motion off and clicks still on (mode %d)",
	       vt_mouse_mode(t));
	CHECKV(t, vt_find_text(t, "Network", &r, &c) > 0 && r == 0 && slow_click(t, 0, c + 1)
	       && wait_status(t, "Network  1/"),
	       "cloud mouse: after the cloud, a click on a tab still works");
	vt_keys(t, "5");
	CHECKV(t, wait_status_mode(t, "Cloud", 3), "cloud mouse: the cloud again");
	vt_keys(t, "l");
	CHECKV(t, wait_row(t, 1, "ICLEI  → History", STARTS) && wait_status_mode(t, "Cloud", 1),
	       "cloud mouse: in the list, motion off, clicks on (mode %d)", vt_mouse_mode(t));
	vt_keys(t, "l");
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_shown, NULL) && wait_status_mode(t, "Cloud", 3),
	       "cloud mouse: l back to the cloud: motion on");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS) && wait_status_mode(t, "Help", 1),
	       "cloud mouse: in the help, motion off (mode %d)", vt_mouse_mode(t));
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status_mode(t, "Cloud", 3), "cloud mouse: Esc: the cloud, motion on");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	       "cloud mouse: q on the cloud quits");
	check_restored(t, "cloud mouse: q on the cloud");
	vt_free(t);

	t = start_cloud(24, 80, ARGS("--no-mouse"), NONE);
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_mouse_mode(t) == 0 && !vt_raw_seen(t, "\033[?1003h", 8),
	       "cloud mouse: --no-mouse: no mouse reporting on the cloud either");
	vt_free(t);
}

/* Every cell of the text found has the look. */
struct lookwant {
	struct found f;
	struct vt_cell look;
};

static bool
pred_label_look(struct vt *t, void *arg)
{
	const struct lookwant *w = arg;

	for (int c = w->f.col; c < w->f.col + w->f.width; c++) {
		struct vt_cell cell;

		if (!vt_cell(t, w->f.row, c, &cell)
		    || (cell.width != 0 && !same_look(&cell, &w->look)))
			return false;
	}
	return true;
}

/* The pointer over a label highlights it. */
static void
test_cloud_hover(void)
{
	struct vt *t = start_cloud(24, 80, NONE, NONE);
	struct found f = {0, 0, 0};
	struct vt_cell before, after;
	int i = -1, mid = 0;
	bool changed = false;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud hover: the cloud");
	i = pause_on_label(t, &f);
	CHECKV(t, i >= 0, "cloud hover: paused, a label whole on the screen (%s)",
	       i >= 0 ? en_tags[i].label : "none");
	if (i < 0) {
		vt_free(t);
		return;
	}
	mid = f.col + f.width / 2;
	vt_cell(t, f.row, mid, &before);
	CHECKV(t, vt_mouse_move(t, f.row, mid), "cloud hover: the move is reported");
	for (int k = 0; k < T_WAIT / 50 && !changed; k++) {
		vt_wait(t, 50, NULL, NULL);
		changed = vt_cell(t, f.row, mid, &after) && !same_look(&before, &after);
	}
	CHECKV(t, changed && (after.underline || memcmp(after.fg_rgb, before.fg_rgb, 3) != 0)
	       && body_find(t, en_tags[i].label, NULL) == 1,
	       "cloud hover: the pointer over '%s' highlights it (underline %d -> %d, "
	       "fg #%02x%02x%02x -> #%02x%02x%02x)", en_tags[i].label, before.underline,
	       after.underline, before.fg_rgb[0], before.fg_rgb[1], before.fg_rgb[2],
	       after.fg_rgb[0], after.fg_rgb[1], after.fg_rgb[2]);
	{
		struct lookwant w = {f, after};

		CHECKV(t, vt_wait(t, T_WAIT, pred_label_look, &w),
		       "cloud hover: the whole label '%s' is highlighted", en_tags[i].label);
	}
	CHECKV(t, vt_mouse_move(t, vt_rows(t) - 1, 0)
	       && vt_wait(t, T_WAIT, pred_row, &(struct rowwant){-1, "Paused", STARTS})
	       && vt_wait_quiet(t, 200, T_WAIT) && vt_cell(t, f.row, mid, &after)
	       && same_look(&before, &after),
	       "cloud hover: the pointer off the cloud: '%s' looks as before", en_tags[i].label);
	vt_free(t);
}

/* Dragging turns the cloud, and it spins on after the release. */
static void
test_cloud_drag(void)
{
	struct vt *t = start_cloud(24, 80, ARGS("--no-motion"), NONE);
	char *before;
	bool ok;

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && vt_wait_quiet(t, 200, T_WAIT), "cloud drag: the still cloud");
	before = body_snapshot(t);
	/* The press, read by the program on its own (as slow_click does),
	 * then the moves with the button held. */
	vt_mouse(t, 11, 30, 1, true);
	vt_wait_quiet(t, 100, T_WAIT);
	for (int c = 31; c <= 50; c += 2) {
		vt_mouse_move(t, 11, c);
		vt_wait(t, 15, NULL, NULL);	/* the hand's pace: a speed to keep */
	}
	ok = vt_wait(t, T_WAIT, pred_body_changed, before);
	vt_mouse(t, 11, 50, 1, false);
	CHECKV(t, ok, "cloud drag: dragging turns the cloud");
	CHECKV(t, body_changes(t, 500) && body_changes(t, 500),
	       "cloud drag: after the release it spins on (inertia)");
	CHECKV(t, row_matches(t, -1, "Cloud", STARTS), "cloud drag: no page was opened");
	vt_free(t);
	free(before);
}

/* The list behind `l`. */
static void
test_cloud_list(void)
{
	struct vt *t = start(24, 80, ARGS("--page", "achievements"), NONE);
	size_t extra = 0;
	long woke = 0;

	CHECKV(t, wait_status(t, "Achievements  1/"), "cloud list: --page achievements");
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL),
	       "cloud list: the cloud");
	vt_keys(t, "l");
	CHECKV(t, wait_row(t, 1, "ICLEI  → History", STARTS)
	       && wait_row(t, 2, "Sustainability  → History", STARTS)
	       && wait_row(t, 3, "Local governments  → Network", STARTS)
	       && row_matches(t, -1, "Cloud", STARTS),
	       "cloud list: l shows the tags as a list, heaviest first, each with its page");
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && silent_for(t, 300, &extra, &woke),
	       "cloud list: the list is still: no output (%zu bytes), no wake-up (%ld)", extra,
	       woke);
	vt_keys(t, "j");
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"Sustainability"),
	       "cloud list: j selects the second tag, highlighted");
	vt_key(t, VT_KEY_ENTER);
	/* Sustainability leads to History, block 'mandate' (clamped: 7/28). */
	CHECKV(t, wait_status(t, "History  7/28") && row_matches(t, 14, "As ICLEI’s programs", STARTS),
	       "cloud list: j, Enter opens the second tag's page at its block");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "Cloud") && wait_row(t, 2, "Sustainability", STARTS),
	       "cloud list: Backspace returns to the Cloud, its list");
	vt_key(t, VT_KEY_DOWN);
	vt_key(t, VT_KEY_DOWN);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"Network"),
	       "cloud list: Down Down selects the fourth, Network");
	vt_key(t, VT_KEY_UP);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"Local governments"),
	       "cloud list: Up the third");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_status(t, "Network  1/"), "cloud list: Enter: Local governments' page");
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && wait_row(t, 1, "ICLEI", STARTS),
	       "cloud list: 5: the list again");
	vt_keys(t, "l");
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_shown, NULL) && body_changes(t, 500),
	       "cloud list: l again: the cloud, moving");
	vt_free(t);
}

/* NO_COLOR: the cloud still shows labels, with no colour at all. */
static void
test_cloud_no_color(void)
{
	struct vt *t = start_cloud(24, 80, NONE, ARGS("NO_COLOR=1"));

	CHECKV(t, wait_status(t, "Cloud") && vt_wait(t, T_WAIT, pred_cloud_shown, NULL)
	       && !vt_screen_has_color(t),
	       "cloud NO_COLOR=1: labels shown, no colour");
	CHECKV(t, body_changes(t, 500) && !vt_screen_has_color(t),
	       "cloud NO_COLOR=1: it moves, still no colour");
	vt_key(t, VT_KEY_TAB);
	CHECKV(t, vt_wait(t, T_WAIT, pred_focus_is, (void *)"ICLEI") && !vt_screen_has_color(t),
	       "cloud NO_COLOR=1: the focused tag stands out without colour");
	vt_free(t);
}

/* ------------------------------------------------------------ 3. languages */

static bool
row1_or_2_starts(struct vt *t, const char *text)
{
	return row_matches(t, 1, text, STARTS) || row_matches(t, 2, text, STARTS);
}

static bool
pred_row1_or_2(struct vt *t, void *arg)
{
	return row1_or_2_starts(t, arg);
}

static void
test_lang_keeps_place(void)
{
	/* 80x14: the History page is long enough to put any paragraph on top. */
	struct vt *t = start(14, 80, NONE, NONE);
	const char *en = "ICLEI’s first global programs";
	int i;

	CHECKV(t, wait_status(t, "History  1/28"), "lang: History at 80x14");
	i = scroll_to_row1(t, en);
	CHECKV(t, row_matches(t, 1, en, STARTS) && row_matches(t, -1, "History  14/28", STARTS),
	       "lang: j x%d puts 'ICLEI’s first global programs' on row 1", i);
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, "역사 · 미션 · 네트워크 · 성과", HAS)
	       && wait_row(t, 1, "이클레이 최초의 글로벌 프로그램은", STARTS)
	       && wait_status(t, "역사  ") && wait_body(t, "ko", "history"),
	       "lang: L switches to Korean, tabs and status too, and the same paragraph "
	       "is on row 1");
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, "沿革 · ミッション · ネットワーク · 実績", HAS)
	       && wait_row(t, 1, "イクレイが最初に手がけた", STARTS) && wait_status(t, "沿革  ")
	       && wait_body(t, "ja", "history"),
	       "lang: L again: Japanese, the same paragraph on row 1");
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, 1, "이클레이 최초의 글로벌 프로그램은", STARTS)
	       && wait_status(t, "역사  "), "lang: H goes back to Korean, same paragraph");
	vt_keys(t, "H");
	CHECKV(t, wait_row(t, 1, en, STARTS) && wait_status(t, "History  14/28"),
	       "lang: H again: English at exactly the same line (14/28)");
	vt_keys(t, "H");
	/* Chinese: the page is shorter, the bottom is clamped: row 1 or 2. */
	CHECKV(t, wait_row(t, 0, "历史 · 使命 · 网络 · 成就", HAS)
	       && vt_wait(t, T_WAIT, pred_row1_or_2, (void *)"宜可城最早的全球项目")
	       && wait_body(t, "zh", "history"),
	       "lang: H from English wraps to Chinese, the same paragraph at the top");
	vt_keys(t, "L");
	CHECKV(t, wait_status(t, "History  ")
	       && vt_wait(t, T_WAIT, pred_row1_or_2, (void *)en),
	       "lang: L from Chinese wraps to English, the paragraph still at the top");
	vt_free(t);
}

/* ------------------------------------------------------------ 4. search */

struct markwant {
	const char *text;
	int min;
};

static bool
pred_marks(struct vt *t, void *arg)
{
	const struct markwant *w = arg;
	struct mark m[32];
	int n = find_marks(t, m, 32);

	if (n < w->min)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(m[i].text, w->text) != 0)
			return false;
	return true;
}

static bool
wait_marks(struct vt *t, const char *text, int min)
{
	struct markwant w = {text, min};

	return vt_wait(t, T_WAIT, pred_marks, &w);
}

static void
test_search_en(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	struct mark m[32];
	int n, r = -1, c = -1;

	CHECKV(t, wait_status(t, "History  1/28"), "search: History");
	vt_keys(t, "/");
	CHECKV(t, wait_row(t, -1, "/", IS) && vt_cursor_visible(t),
	       "search: / opens the prompt on the status line, with a visible cursor");
	vt_type(t, "council");
	CHECKV(t, wait_row(t, -1, "/council", IS), "search: the pattern is echoed");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_marks(t, "Council", 1) && (n = find_marks(t, m, 32)) == 1
	       && vt_find_text(t, "Council", &r, &c) == 1 && m[0].row == r && m[0].col == c
	       && looks_differ(t, r, c, r, c - 1) && looks_differ(t, r, c + 6, r, c + 7),
	       "search: 'council' finds 'Council' (ignoring case), highlighted, "
	       "its neighbours not");
	CHECKV(t, wait_status(t, "History  1/28") && !vt_cursor_visible(t),
	       "search: the prompt is closed, the cursor hidden again");
	vt_keys(t, "n");
	CHECKV(t, wait_row(t, -1, "wrapped", HAS) && wait_marks(t, "Council", 1),
	       "search: n with one match says the search wrapped");
	vt_keys(t, "N");
	CHECKV(t, wait_row(t, -1, "wrapped to the bottom", HAS),
	       "search: N wraps to the bottom and says so");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, "History  1/28"), "search: Esc clears the message");
	vt_keys(t, "/zzzz");
	CHECKV(t, wait_row(t, -1, "/zzzz", IS), "search: typing zzzz");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_row(t, -1, "Not found: zzzz", HAS) && find_marks(t, m, 32) == 0,
	       "search: zzzz is 'Not found', and the old highlight is gone");
	vt_keys(t, "n");
	CHECKV(t, wait_row(t, -1, "Not found: zzzz", HAS), "search: n repeats 'Not found'");
	/* Cancelling: Esc, and Backspace on an empty pattern. */
	vt_keys(t, "j/abc");
	CHECKV(t, wait_row(t, -1, "/abc", IS), "search: a new prompt");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, "History  2/28"), "search: Esc cancels the prompt");
	vt_keys(t, "/q");
	CHECKV(t, wait_row(t, -1, "/q", IS), "search: q in the prompt is text, not quit");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_row(t, -1, "/", IS), "search: Backspace removes a character");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "History  2/28") && alive(t),
	       "search: Backspace on the empty pattern cancels");
	/* A click elsewhere abandons the pattern: keys work on the new tab
	 * (the torture tests found the cloud deaf to them). */
	vt_keys(t, "/abc");
	CHECKV(t, wait_row(t, -1, "/abc", IS) && vt_find_text(t, "Cloud", &r, &c) > 0
	       && r == 0 && slow_click(t, 0, c + 1) && wait_status(t, "Cloud"),
	       "search: a click on a tab while typing a pattern leaves the prompt");
	vt_keys(t, "1");
	CHECKV(t, wait_status(t, "History  "), "search: ...and keys work after it");
	vt_free(t);
}

static void
test_search_ko(void)
{
	struct vt *t = start(24, 80, ARGS("--lang", "ko"), NONE);
	struct mark m[32];
	int n = 0, cur, first_row = -1, first_col = -1;

	CHECKV(t, wait_status(t, "역사  1/"), "search ko: 역사");
	vt_keys(t, "/");
	vt_type(t, "지속가능");
	CHECKV(t, wait_row(t, -1, "/지속가능", IS), "search ko: the Korean pattern is echoed");
	vt_key(t, VT_KEY_ENTER);
	/* On the first screen: rows 8, 14, 18 and 20. */
	CHECKV(t, wait_marks(t, "지속가능", 4) && (n = find_marks(t, m, 32)) == 4
	       && (cur = unique_mark(m, n)) >= 0,
	       "search ko: '지속가능' is highlighted 4 times, one of them as the current match");
	cur = unique_mark(m, n);
	if (cur >= 0) {
		first_row = m[cur].row;
		first_col = m[cur].col;
	}
	vt_keys(t, "n");
	/* Wait until the current match moved. */
	{
		bool moved = false;
		int k;

		for (k = 0; k < 50 && !moved; k++) {
			vt_wait(t, 100, NULL, NULL);
			n = find_marks(t, m, 32);
			cur = unique_mark(m, n);
			moved = cur >= 0 && (m[cur].row != first_row || m[cur].col != first_col)
			        && strcmp(m[cur].text, "지속가능") == 0;
		}
		CHECKV(t, moved, "search ko: n moves the current match (from row %d col %d)",
		       first_row, first_col);
	}
	vt_keys(t, "N");
	{
		bool back = false;

		for (int k = 0; k < 50 && !back; k++) {
			vt_wait(t, 100, NULL, NULL);
			n = find_marks(t, m, 32);
			cur = unique_mark(m, n);
			back = cur >= 0 && m[cur].row == first_row && m[cur].col == first_col;
		}
		CHECKV(t, back, "search ko: N moves it back");
	}
	vt_free(t);
}

/* ------------------------------------------------------------ 5. help */

/* The help, after a switch to Korean (translated or not). */
static bool
pred_help_ko(struct vt *t, void *arg)
{
	(void)arg;
	return row_matches(t, 0, "역사 · 미션", HAS)
	    && (row_matches(t, 1, "키 안내", STARTS) || row_matches(t, 1, "Keys", STARTS));
}

static void
test_help(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_status(t, "History  1/28"), "help: History");
	vt_keys(t, "jjj");
	CHECKV(t, wait_status(t, "History  4/28"), "help: jjj scrolls to line 4");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS) && wait_status(t, "Help")
	       && wait_row(t, 3, "Reading", STARTS),
	       "help: ? opens the help, 'Keys', status 'Help'");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, "History  4/28") && wait_row(t, 1, "ICLEI started", STARTS),
	       "help: Esc closes it, the page is back at the same line");
	vt_key(t, VT_KEY_F1);
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: F1 opens the help");
	vt_keys(t, "q");
	CHECKV(t, wait_status(t, "History  4/28") && wait_row(t, 1, "ICLEI started", STARTS)
	       && alive(t), "help: q closes the help and does not quit");
	vt_key(t, VT_KEY_F1);
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: F1 again");
	vt_key(t, VT_KEY_F1);
	CHECKV(t, wait_status(t, "History  4/28"), "help: F1 in the help closes it");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: ? again");
	vt_keys(t, "?");
	CHECKV(t, wait_status(t, "History  4/28"), "help: ? in the help closes it");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: ? once more");
	vt_keys(t, "G");
	CHECKV(t, wait_row(t, -2, "quit", HAS), "help: G scrolls the help to its end");
	vt_keys(t, "g");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help: g to its top");
	/* A page key in the help: closes it.  Pressing the number of the page
	 * one is on leaves the page as it was (outside the help, '1' on
	 * History does nothing), so in the help it should only close it. */
	vt_keys(t, "1");
	CHECKV(t, wait_not_row(t, 1, "Keys", STARTS) && wait_status(t, "History  4/28"),
	       "help: 1 (the current page) closes the help and keeps the reading position");
	vt_free(t);

	/* Switching the language with the help open: the help stays, in the
	 * new language (view_help.c looks its strings up at draw time "so a
	 * language switch changes the help too"; the manual lists only Esc, q,
	 * ? and F1 as closing it). */
	t = start(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "History  1/28"), "help+L: History");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "help+L: the help is open");
	vt_keys(t, "L");
	CHECKV(t, wait_row(t, 0, "역사 · 미션", HAS) && vt_wait(t, T_WAIT, pred_help_ko, NULL),
	       "help+L: L in the help switches the language and the help stays open");
	vt_free(t);
}

/* ------------------------------------------------------------ 6. scrolling */

static void
test_scroll(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_status(t, "History  1/28  78%"), "scroll: History at the top, 78%%");
	vt_keys(t, "G");
	CHECKV(t, wait_status(t, "History  7/28  100%") && wait_row(t, 22, "→ Next: our mission", STARTS),
	       "scroll: G goes to the end: 100%%, the last line is on the last body row");
	CHECKV(t, wait_body(t, "en", "history"), "scroll: the end of the page is laid out as --dump");
	vt_keys(t, "g");
	CHECKV(t, wait_status(t, "History  1/28") && wait_row(t, 1, "History", IS),
	       "scroll: g goes back to the top");
	vt_key(t, VT_KEY_END);
	CHECKV(t, wait_status(t, "History  7/28  100%"), "scroll: End");
	vt_key(t, VT_KEY_HOME);
	CHECKV(t, wait_status(t, "History  1/28"), "scroll: Home");
	vt_keys(t, ">");
	CHECKV(t, wait_status(t, "History  7/28"), "scroll: >");
	vt_keys(t, "<");
	CHECKV(t, wait_status(t, "History  1/28"), "scroll: <");
	vt_keys(t, "k");
	CHECKV(t, vt_wait_quiet(t, 150, T_WAIT) && row_matches(t, -1, "History  1/28", STARTS),
	       "scroll: k at the top stays at the top");
	vt_free(t);

	/* Screens: 80x12 has a body of 10 rows, a screen is 9 lines. */
	t = start(12, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "History  1/28"), "scroll 80x12: History");
	vt_keys(t, " ");
	CHECKV(t, wait_status(t, "History  10/28") && wait_body(t, "en", "history"),
	       "scroll 80x12: Space goes one screen down (10/28)");
	vt_keys(t, " ");
	CHECKV(t, wait_status(t, "History  19/28  100%"), "scroll 80x12: Space to the end");
	vt_keys(t, " ");
	CHECKV(t, vt_wait_quiet(t, 150, T_WAIT) && row_matches(t, -1, "History  19/28", STARTS),
	       "scroll 80x12: Space at the end stays");
	vt_keys(t, "b");
	CHECKV(t, wait_status(t, "History  10/28"), "scroll 80x12: b one screen up");
	vt_key(t, VT_KEY_PGUP);
	CHECKV(t, wait_status(t, "History  1/28"), "scroll 80x12: PgUp");
	vt_key(t, VT_KEY_PGDN);
	CHECKV(t, wait_status(t, "History  10/28"), "scroll 80x12: PgDn");
	vt_keys(t, "d");
	CHECKV(t, wait_status(t, "History  15/28"), "scroll 80x12: d half a screen down");
	vt_keys(t, "u");
	CHECKV(t, wait_status(t, "History  10/28"), "scroll 80x12: u half a screen up");
	vt_key(t, VT_KEY_DOWN);
	CHECKV(t, wait_status(t, "History  11/28"), "scroll 80x12: Down");
	vt_key(t, VT_KEY_UP);
	CHECKV(t, wait_status(t, "History  10/28"), "scroll 80x12: Up");
	vt_char(t, 'f', VT_MOD_CTRL);
	CHECKV(t, wait_status(t, "History  19/28"), "scroll 80x12: Ctrl-F");
	vt_char(t, 'b', VT_MOD_CTRL);
	CHECKV(t, wait_status(t, "History  10/28"), "scroll 80x12: Ctrl-B");
	vt_free(t);
}

/* ------------------------------------------------------------ 7. links */

static void
test_links(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int r = -1, c = -1;
	struct vt_cell before, after;

	CHECKV(t, wait_status(t, "History  1/28"), "links: History");
	vt_keys(t, "G");
	CHECKV(t, wait_row(t, 22, "→ Next: our mission", STARTS) && vt_wait_quiet(t, 100, T_WAIT),
	       "links: the link is on the last body row");
	look_at(t, 22, 5, &before);
	vt_keys(t, "]");
	CHECKV(t, vt_wait(t, T_WAIT, pred_marked, (int[]){22, 5}) && look_at(t, 22, 5, &after)
	       && !same_look(&before, &after) && !marked(&before),
	       "links: ] selects 'Next: our mission', drawn highlighted");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_status(t, "Mission  1/") && wait_row(t, 1, "Mission", IS),
	       "links: Enter follows it to Mission");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "History  7/28") && wait_body(t, "en", "history"),
	       "links: Backspace goes back to History, at the same line");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_status(t, "Mission  1/"), "links: Right goes forward again");
	vt_key(t, VT_KEY_LEFT);
	CHECKV(t, wait_status(t, "History  7/28"), "links: Left goes back");
	vt_key(t, VT_KEY_LEFT);
	CHECKV(t, wait_row(t, -1, "Already at the start of the history", HAS),
	       "links: Left with nothing behind says so");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_status(t, "Mission  1/"), "links: Right once more");
	vt_key(t, VT_KEY_RIGHT);
	CHECKV(t, wait_row(t, -1, "Already at the end of the history", HAS),
	       "links: Right with nothing ahead says so");
	vt_free(t);

	/* Back from a page switch, at a position that is not the end. */
	t = start(24, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "History  1/28"), "links: History");
	vt_keys(t, "jjj");
	CHECKV(t, wait_status(t, "History  4/28"), "links: at line 4");
	vt_keys(t, "2");
	CHECKV(t, wait_status(t, "Mission  1/"), "links: 2 to Mission");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "History  4/28") && wait_row(t, 1, "ICLEI started with", STARTS),
	       "links: Backspace returns to History at line 4");
	/* Enter with no link selected selects the first one below. */
	vt_keys(t, "g");
	CHECKV(t, wait_status(t, "History  1/28"), "links: top");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_row(t, -2, "→ Next: our mission", STARTS)
	       && vt_find_text(t, "Next: our mission", &r, &c) == 1
	       && vt_wait(t, T_WAIT, pred_marked, (int[]){r, c})
	       && row_matches(t, -1, "History", STARTS),
	       "links: Enter with none selected selects the first link (and stays)");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_status(t, "Mission  1/"), "links: Enter again follows it");
	vt_keys(t, "1G");
	CHECKV(t, wait_status(t, "History  7/28") && wait_row(t, 22, "→ Next: our mission", STARTS),
	       "links: History, end");
	CHECKV(t, slow_click(t, 22, 8) && wait_status(t, "Mission  1/"),
	       "links: a click on the link line follows it");
	vt_free(t);

	/* Achievements -> History, at the paragraph named by the link. */
	t = start(14, 80, ARGS("--page", "achievements"), NONE);
	CHECKV(t, wait_status(t, "Achievements  1/"), "links 80x14: Achievements");
	vt_keys(t, "]");
	CHECKV(t, wait_row(t, -2, "→ Where it began: ICLEI’s first programs", STARTS),
	       "links 80x14: ] scrolls to the link 'Where it began'");
	vt_key(t, VT_KEY_ENTER);
	CHECKV(t, wait_status(t, "History  14/28")
	       && wait_row(t, 1, "ICLEI’s first global programs", STARTS),
	       "links 80x14: it leads to History with the 'programs' paragraph on row 1");
	vt_key(t, VT_KEY_BACKSPACE);
	CHECKV(t, wait_status(t, "Achievements  ")
	       && wait_row(t, -2, "→ Where it began", STARTS),
	       "links 80x14: Backspace returns to Achievements where it was");
	vt_free(t);

	t = start(24, 80, ARGS("--page", "achievements"), NONE);
	CHECKV(t, wait_row(t, 20, "→ Where it began: ICLEI’s first programs", STARTS),
	       "links 80x24: Achievements shows its link");
	CHECKV(t, slow_click(t, 20, 10) && wait_status(t, "History  7/28")
	       && vt_find_text(t, "ICLEI’s first global programs", &r, &c) == 1 && r <= 8,
	       "links 80x24: a click on it shows History with the paragraph near the top");
	vt_free(t);
}

/* ------------------------------------------------------------ 8. resize */

static void
check_frame(struct vt *t, const char *what)
{
	CHECKV(t, cells_sane(t, NULL, true) && row_matches(t, 0, "History", HAS)
	       && row_matches(t, -1, "History  ", STARTS),
	       "resize %s: top bar on row 0, status on the last row, no wide "
	       "character cut", what);
}

static void
test_resize(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_status(t, "History  1/28"), "resize: 80x24");
	vt_keys(t, "jjj");
	CHECKV(t, wait_status(t, "History  4/28")
	       && wait_row(t, 1, "ICLEI started with the idea", STARTS),
	       "resize: the heading on row 1");
	vt_resize(t, 12, 41);
	CHECKV(t, wait_body(t, "en", "history"), "resize 41x12: reflowed as --dump at 39 columns");
	CHECKV(t, row_matches(t, 1, "ICLEI started with the idea", STARTS),
	       "resize 41x12: the heading is still on row 1");
	check_frame(t, "41x12");
	vt_resize(t, 40, 120);
	CHECKV(t, wait_body(t, "en", "history") && wait_row(t, 0, "ICLEI East Asia", HAS),
	       "resize 120x40: reflowed as --dump at 100 columns, the title in the top bar");
	CHECKV(t, vt_find_text(t, "ICLEI started with the idea", NULL, NULL) == 1,
	       "resize 120x40: the heading is visible");
	check_frame(t, "120x40");
	vt_resize(t, 24, 80);
	CHECKV(t, wait_body(t, "en", "history"), "resize 80x24 again: reflowed");
	check_frame(t, "80x24");
	vt_resize(t, 1, 1);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && alive(t), "resize 1x1: still running");
	vt_resize(t, 3, 5);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && alive(t), "resize 5x3: still running");
	vt_resize(t, 24, 80);
	CHECKV(t, wait_body(t, "en", "history") && wait_row(t, 0, "History · Mission", HAS),
	       "resize 1x1, 5x3, 80x24: draws correctly again");
	vt_resize(t, 4, 15);
	CHECKV(t, wait_row(t, 2, "Terminal too", HAS) && alive(t),
	       "resize 15x4: 'Terminal too small' notice");
	vt_resize(t, 10, 19);
	CHECKV(t, wait_row(t, 5, "Terminal too small", IS), "resize 19x10: the whole notice");
	vt_keys(t, "jq");
	CHECKV(t, vt_wait_exit(t, T_WAIT, NULL), "resize: keys still work at 19x10 (q quits)");
	vt_free(t);

	/* A paragraph's start stays on top: 80x14 -> 41x12 -> 80x14. */
	t = start(14, 80, NONE, NONE);
	CHECKV(t, wait_status(t, "History  1/28"), "resize: 80x14");
	scroll_to_row1(t, "ICLEI’s first global");
	CHECKV(t, row_matches(t, 1, "ICLEI’s first global", STARTS), "resize: paragraph on row 1");
	vt_resize(t, 12, 41);
	CHECKV(t, wait_body(t, "en", "history") && row_matches(t, 1, "ICLEI’s first global", STARTS),
	       "resize 41x12: the paragraph is still on row 1");
	vt_resize(t, 14, 80);
	CHECKV(t, wait_body(t, "en", "history") && row_matches(t, 1, "ICLEI’s first global", STARTS)
	       && row_matches(t, -1, "History  14/28", STARTS),
	       "resize back to 80x14: the same line as before");
	vt_free(t);

	/* Japanese at odd widths. */
	t = start(24, 80, ARGS("--lang", "ja"), NONE);
	CHECKV(t, wait_status(t, "沿革  1/"), "resize ja: 80x24");
	{
		static const int sizes[][2] = {{12, 41}, {9, 33}, {30, 61}, {10, 27}, {24, 80}};

		for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
			vt_resize(t, sizes[i][0], sizes[i][1]);
			CHECKV(t, wait_body(t, "ja", "history") && cells_sane(t, NULL, true)
			       && row_matches(t, 0, "沿革", HAS) && row_matches(t, -1, "沿革  ", STARTS),
			       "resize ja %dx%d: reflowed as --dump, top bar, status, whole wide "
			       "characters", sizes[i][1], sizes[i][0]);
		}
	}
	vt_free(t);
}

/* ------------------------------------------------------------ 9, 10. leaving */

static void
check_restored(struct vt *t, const char *what)
{
	CHECKV(t, restored(t, CURSOR_VT),
	       "%s: the terminal is restored (main screen, cursor visible, mouse off)",
	       what);
}

static void
test_quit(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int st = -1;

	CHECKV(t, wait_status(t, "History  1/28") && vt_mouse_mode(t) != 0, "quit: started");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	       "quit: q exits with status 0");
	check_restored(t, "quit");
	CHECKV(t, vt_find_text(t, "History", NULL, NULL) == 0,
	       "quit: the main screen does not show the page");
	vt_free(t);
}

static void
test_signal(int sig, const char *name, bool typed)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int st = -1;
	char what[64];

	snprintf(what, sizeof what, "%s%s", name, typed ? " (typed Ctrl-C)" : "");
	CHECKV(t, wait_status(t, "History  1/28"), "%s: started", what);
	if (typed)
		vt_char(t, 'c', VT_MOD_CTRL);
	else
		vt_signal(t, sig);
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st)
	       && ((WIFSIGNALED(st) && WTERMSIG(st) == sig) || WIFEXITED(st)),
	       "%s: the program ends (%s)", what,
	       WIFSIGNALED(st) ? "killed by the signal" : "exited");
	check_restored(t, what);
	vt_free(t);
}

/* ------------------------------------------------------------ 11. no terminal */

static void
test_not_a_tty(void)
{
	struct output o;
	char *argv[] = {(char *)tui, (char *)"--ambiguous=narrow", NULL};
	struct vt *t;
	int st = -1;

	CHECK(run_capture(argv, plain_env(), &o) && WIFEXITED(o.status)
	      && WEXITSTATUS(o.status) == 2 && strstr(o.err, "--dump") != NULL && o.nout == 0,
	      "no tty: stdin /dev/null, stdout a pipe: status 2, stderr mentions --dump, "
	      "nothing on stdout");
	if (strstr(o.err, "--dump") == NULL)
		check_note("stderr: %s", o.err);
	output_free(&o);

	/* stdin the terminal, stdout not: the message is on the screen. */
	{
		char *sh_argv[] = {(char *)"sh", (char *)"-c",
		                   (char *)"\"$0\" --ambiguous=narrow >/dev/null; echo \"rc=$?\"",
		                   (char *)tui, NULL};
		char *env[] = {data_env, NULL};

		t = vt_spawn(24, 80, sh_argv, env);
		CHECKV(t, t != NULL && vt_wait_text(t, "rc=2", T_WAIT)
		       && vt_find_text(t, "--dump", NULL, NULL) > 0,
		       "no tty: stdout to /dev/null from a terminal: status 2, '--dump' on the screen");
		vt_free(t);
	}

	t = start(24, 80, NONE, ARGS("TERM=dumb"));
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 2
	       && vt_find_text(t, "dumb", NULL, NULL) > 0
	       && vt_find_text(t, "--dump", NULL, NULL) > 0 && !vt_altscreen(t),
	       "TERM=dumb: status 2, a message naming 'dumb' and --dump");
	vt_free(t);

	t = start(24, 80, NONE, ARGS("TERM=nonexistent-terminal"));
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 2
	       && vt_find_text(t, "'nonexistent-terminal'", NULL, NULL) > 0
	       && vt_find_text(t, "unknown terminal", NULL, NULL) > 0,
	       "TERM=nonexistent-terminal: status 2, 'unknown terminal type' named");
	vt_free(t);

	t = start(24, 80, NONE, ARGS("TERM"));
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && WIFEXITED(st) && WEXITSTATUS(st) == 2
	       && vt_find_text(t, "TERM", NULL, NULL) > 0,
	       "TERM unset: status 2, a message about TERM");
	vt_free(t);
}

/* ------------------------------------------------------------ 12. colour */

static void
test_color(void)
{
	static const struct {
		const char *args[3], *env[3];
		bool color;
		const char *what;
	} cases[] = {
		{{NULL}, {NULL}, true, "default: colour"},
		{{NULL}, {"NO_COLOR=1", NULL}, false, "NO_COLOR=1: no colour"},
		{{NULL}, {"NO_COLOR=", NULL}, true, "NO_COLOR empty: colour"},
		{{"--color=never", NULL}, {NULL}, false, "--color=never: no colour"},
		{{"--color=always", NULL}, {"NO_COLOR=1", NULL}, true,
		 "--color=always with NO_COLOR=1: colour"},
		{{"--color=auto", NULL}, {"NO_COLOR=yes", NULL}, false,
		 "--color=auto with NO_COLOR=yes: no colour"},
		{{NULL}, {"TERM=vt100", NULL}, false, "TERM=vt100 (no colours): no colour"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct vt *t = start(24, 80, cases[i].args, cases[i].env);
		int r = -1, c = -1, r2 = -1, c2 = -1;

		CHECKV(t, wait_status(t, "History  1/28") && wait_body(t, "en", "history")
		       && vt_screen_has_color(t) == cases[i].color,
		       "colour: %s", cases[i].what);
		CHECKV(t, vt_find_text(t, "History", &r, &c) > 0 && r == 0
		       && vt_find_text(t, "Mission", &r2, &c2) > 0 && r2 == 0
		       && looks_differ(t, 0, c, 0, c2),
		       "colour: %s: the current tab still stands out", cases[i].what);
		vt_free(t);
	}

	/* 8 colours: only the first 8 (16) palette entries. */
	{
		struct vt *t = start(24, 80, NONE, ARGS("TERM=xterm"));
		bool small = true;

		CHECKV(t, wait_status(t, "History  1/28") && vt_screen_has_color(t),
		       "colour: TERM=xterm has colour");
		for (int r = 0; r < 24; r++)
			for (int c = 0; c < 80; c++) {
				struct vt_cell cell;

				vt_cell(t, r, c, &cell);
				if ((!cell.fg_default && (cell.fg_index < 0 || cell.fg_index > 15))
				    || (!cell.bg_default && (cell.bg_index < 0 || cell.bg_index > 15)))
					small = false;
			}
		CHECKV(t, small, "colour: TERM=xterm uses only the 8/16 basic colours");
		vt_free(t);
	}

	/* Without colour, the search highlight is still visible. */
	{
		struct vt *t = start(24, 80, NONE, ARGS("NO_COLOR=1"));

		CHECKV(t, wait_status(t, "History  1/28"), "colour: NO_COLOR search");
		vt_keys(t, "/Council\r");
		CHECKV(t, wait_marks(t, "Council", 1) && !vt_screen_has_color(t),
		       "colour: NO_COLOR=1: the match is highlighted without colour");
		vt_free(t);
	}
}

/* ------------------------------------------------------------ 13. Ctrl-Z */

/* What xterm-256color's rmcup starts with, and the mouse turned off. */
#define RMCUP "\033[?1049l"

static bool
pred_raw_after(struct vt *t, void *arg)
{
	const size_t *off = arg;

	return vt_raw_seen_from(t, *off, RMCUP, sizeof RMCUP - 1);
}

static bool
pred_drawn(struct vt *t, void *arg)
{
	return vt_altscreen(t) && vt_mouse_mode(t) != 0 && pred_row(t, arg);
}

static void
test_suspend_orphan(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	struct rowwant w = {-1, "History  3/28", STARTS};
	size_t off;

	/* The harness's child is a session leader whose parent is in another
	 * session: its process group is orphaned, and the kernel discards a
	 * stop signal sent to it.  So Ctrl-Z cannot stop it here: the program
	 * gives the terminal back, raise(SIGTSTP) returns at once, and it
	 * takes the terminal again.  (The stop itself: test_suspend_shell.) */
	CHECKV(t, wait_status(t, "History  1/28"), "suspend: started");
	vt_keys(t, "jj");
	CHECKV(t, wait_status(t, "History  3/28"), "suspend: at line 3");
	off = vt_bytes(t);
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, vt_wait(t, T_WAIT, pred_raw_after, &off)
	       && vt_raw_seen_from(t, off, "1000l", 5),
	       "suspend: Ctrl-Z leaves the alternate screen and turns the mouse off");
	CHECKV(t, vt_wait(t, T_WAIT, pred_drawn, &w) && wait_body(t, "en", "history"),
	       "suspend: not stopped (orphaned group): the page is drawn again at line 3, "
	       "mouse back on");
	vt_signal(t, SIGCONT);
	vt_keys(t, "j");
	CHECKV(t, wait_status(t, "History  4/28") && alive(t),
	       "suspend: after SIGCONT it still reads keys");
	vt_free(t);
}

static void
test_suspend_shell(void)
{
	char *argv[] = {(char *)"sh", (char *)"-i", NULL};
	char *bin_env = concat("E2E_TUI=", tui);
	char *env[] = {data_env, bin_env, (char *)"PS1=e2e$ ", (char *)"ENV=", NULL};
	struct vt *t = vt_spawn(24, 80, argv, env);
	struct rowwant w = {-1, "History  3/28", STARTS};
	int st = -1;

	/* A job-control shell: the program gets its own process group with a
	 * parent in the session, so Ctrl-Z really stops it. */
	CHECKV(t, t != NULL && vt_wait_text(t, "e2e$", T_WAIT), "suspend sh: a shell prompt");
	vt_keys(t, "\"$E2E_TUI\" --ambiguous=narrow\r");
	CHECKV(t, wait_status(t, "History  1/28"), "suspend sh: the program runs under sh -i");
	vt_keys(t, "jj");
	CHECKV(t, wait_status(t, "History  3/28"), "suspend sh: at line 3");
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, vt_wait_text(t, "Stopped", T_WAIT) && vt_wait_text(t, "e2e$", T_WAIT),
	       "suspend sh: Ctrl-Z stops it, the shell says 'Stopped'");
	check_restored(t, "suspend sh: while stopped");
	vt_keys(t, "fg\r");
	CHECKV(t, vt_wait(t, T_WAIT, pred_drawn, &w) && wait_body(t, "en", "history")
	       && !vt_cursor_visible(t),
	       "suspend sh: fg redraws the page at line 3, mouse on, cursor hidden");
	vt_keys(t, "j");
	CHECKV(t, wait_status(t, "History  4/28"), "suspend sh: and it reads keys");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_text(t, "e2e$", T_WAIT) && !vt_altscreen(t),
	       "suspend sh: q returns to the shell");
	vt_keys(t, "exit\r");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st), "suspend sh: the shell exits");
	vt_free(t);
	free(bin_env);
}

/* ------------------------------------------------------------ 14. idle */

static void
test_idle(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	size_t bytes;
	long ticks;
	bool known;

	CHECKV(t, wait_status(t, "History  1/28") && vt_wait_quiet(t, 200, T_WAIT),
	       "idle: first screen, then quiet");
	bytes = vt_bytes(t);
	known = cpu_ticks_over(t, 1500, &ticks);
	CHECKV(t, vt_bytes(t) == bytes, "idle: no output in 1.5 s on a page (%zu bytes more)",
	       vt_bytes(t) - bytes);
	CHECK(known && ticks <= 1, "idle: no CPU time used meanwhile (%ld ticks)", ticks);
	/* The Cloud moves, at a small cost; paused, it is idle too. */
	vt_keys(t, "5");
	CHECKV(t, wait_status(t, "Cloud") && body_changes(t, 500), "idle: the Cloud moves");
	known = cpu_ticks_over(t, 1000, &ticks);
	CHECK(known && ticks <= 25,
	      "idle: the moving cloud takes little CPU (%ld ticks in a second)", ticks);
	CHECKV(t, pause_cloud(t), "idle: Space pauses the Cloud, then quiet");
	bytes = vt_bytes(t);
	known = cpu_ticks_over(t, 700, &ticks);
	CHECKV(t, vt_bytes(t) == bytes, "idle: no output on the paused Cloud either (%zu bytes)",
	       vt_bytes(t) - bytes);
	CHECK(known && ticks <= 1, "idle: no CPU time used on the paused Cloud (%ld ticks)",
	      ticks);
	{
		size_t extra = 0;
		long woke = 0;

		CHECKV(t, silent_for(t, 500, &extra, &woke),
		       "idle: the paused Cloud does not even wake up (%ld wake-ups)", woke);
	}
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS) && vt_wait_quiet(t, 200, T_WAIT), "idle: help");
	bytes = vt_bytes(t);
	vt_wait(t, 500, NULL, NULL);
	CHECKV(t, vt_bytes(t) == bytes, "idle: nor in the help");
	vt_free(t);
}

/* ------------------------------------------------------------ 15. reload */

static bool
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	bool ok;

	if (f == NULL)
		return false;
	ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok;
}

static char *
read_file(const char *path)
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

/* A copy of the bundle in a new temporary directory. */
static char *
copy_data(void)
{
	char tmpl[] = "/tmp/iclei-e2e-XXXXXX";
	DIR *d;
	struct dirent *e;
	char *dir;

	if (mkdtemp(tmpl) == NULL || (d = opendir(data_dir)) == NULL)
		return NULL;
	dir = xstrdup(tmpl);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *from, *to, *text;

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		from = concat(data_dir, "/");
		to = concat(dir, "/");
		append(&from, (size_t[]){strlen(from)}, e->d_name, len);
		append(&to, (size_t[]){strlen(to)}, e->d_name, len);
		text = read_file(from);
		if (text == NULL || !write_file(to, text))
			check_note("cannot copy %s to %s", from, to);
		free(text);
		free(from);
		free(to);
	}
	closedir(d);
	return dir;
}

static void
remove_data(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.') {
				char *slash = concat(dir, "/"), *path = concat(slash, e->d_name);

				unlink(path);
				free(path);
				free(slash);
			}
		closedir(d);
	}
	rmdir(dir);
	free(dir);
}

/* text with the first occurrence of from replaced by to; *line gets the
 * 1-based line where it was. */
static char *
replace(const char *text, const char *from, const char *to, int *line)
{
	const char *at = strstr(text, from);
	char *s = NULL;
	size_t n = 0;

	if (at == NULL)
		return NULL;
	*line = 1;
	for (const char *p = text; p < at; p++)
		*line += *p == '\n';
	append(&s, &n, text, (size_t)(at - text));
	append(&s, &n, to, strlen(to));
	append(&s, &n, at + strlen(from), strlen(at + strlen(from)));
	return s;
}

static void
test_reload(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	char *dir, *en_path, *orig, *broken, *renamed, *env_data, *slash, want[64];
	int line = 0, line2 = 0;
	struct vt_cell normal_look, error_look;

	CHECKV(t, wait_status(t, "History  1/28"), "reload: started");
	vt_keys(t, "r");
	CHECKV(t, wait_row(t, -1, "Reloaded", HAS) && row_matches(t, 1, "History", IS),
	       "reload: r with a valid bundle says 'Reloaded'");
	vt_free(t);

	dir = copy_data();
	if (dir == NULL) {
		CHECK(0, "reload: cannot make a temporary copy of the bundle");
		return;
	}
	env_data = concat("ICLEI_TUI_DATA=", dir);
	slash = concat(dir, "/");
	en_path = concat(slash, "en.yaml");
	orig = read_file(en_path);
	broken = orig != NULL ? replace(orig, "\n    title: History\n",
	                                "\n    title: [History\n", &line) : NULL;
	renamed = orig != NULL ? replace(orig, "\n    title: History\n",
	                                 "\n    title: Chronicle\n", &line2) : NULL;
	CHECK(broken != NULL && renamed != NULL, "reload: en.yaml has the History title line");
	if (broken == NULL || renamed == NULL)
		goto out;
	line++;	/* the match starts at the newline before the line */

	t = start(24, 80, NONE, ARGS(env_data));
	CHECKV(t, wait_status(t, "History  1/28"), "reload: started on a copy of the bundle");
	vt_keys(t, "jjj");
	CHECKV(t, wait_status(t, "History  4/28"), "reload: at line 4");
	look_at(t, -1, 1, &normal_look);
	write_file(en_path, broken);
	vt_keys(t, "r");
	/* "    title: [" -- the list starts in column 12. */
	snprintf(want, sizeof want, "en.yaml:%d:12: ", line);
	CHECKV(t, wait_row(t, -1, want, HAS) && look_at(t, -1, 1, &error_look)
	       && !same_look(&normal_look, &error_look),
	       "reload: a broken en.yaml: the status line says '%s...', as an error", want);
	CHECKV(t, row_matches(t, 1, "ICLEI started with the idea", STARTS)
	       && row_matches(t, 0, "History · Mission", HAS),
	       "reload: the content on screen stays");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, "History  4/28") && wait_body(t, "en", "history"),
	       "reload: after Esc the page is still there, at line 4");
	write_file(en_path, renamed);
	vt_keys(t, "r");
	CHECKV(t, wait_row(t, -1, "Reloaded", HAS) && wait_row(t, 0, "Chronicle · Mission", HAS),
	       "reload: the fixed bundle is read: 'Reloaded', the new title in the tabs");
	vt_key(t, VT_KEY_ESC);
	CHECKV(t, wait_status(t, "Chronicle  4/28"),
	       "reload: the reading position is kept (4/28)");
	vt_free(t);
out:
	free(orig);
	free(broken);
	free(renamed);
	free(en_path);
	free(slash);
	free(env_data);
	remove_data(dir);
}

/* ------------------------------------------------------------ 16. mouse */

static void
test_mouse(void)
{
	struct vt *t = start(24, 80, NONE, NONE);

	CHECKV(t, wait_status(t, "History  1/28") && vt_mouse_mode(t) != 0,
	       "mouse: reporting is on");
	CHECKV(t, vt_wheel(t, 10, 20, 1) && wait_status(t, "History  4/28"),
	       "mouse: the wheel scrolls down 3 lines");
	CHECKV(t, vt_wheel(t, 10, 20, 1) && wait_status(t, "History  7/28"),
	       "mouse: again (to the end)");
	CHECKV(t, vt_wheel(t, 10, 20, -1) && wait_status(t, "History  4/28"),
	       "mouse: wheel up");
	CHECKV(t, vt_click(t, 10, 20) && vt_wait_quiet(t, 150, T_WAIT)
	       && row_matches(t, -1, "History  4/28", STARTS),
	       "mouse: a click on plain text does nothing");
	vt_keys(t, "?");
	CHECKV(t, wait_row(t, 1, "Keys", STARTS), "mouse: help");
	CHECKV(t, vt_wheel(t, 10, 20, 1) && wait_not_row(t, 1, "Keys", STARTS),
	       "mouse: the wheel scrolls the help");
	vt_free(t);

	t = start(24, 80, ARGS("--no-mouse"), NONE);
	CHECKV(t, wait_status(t, "History  1/28") && vt_mouse_mode(t) == 0,
	       "mouse: --no-mouse leaves mouse reporting off");
	CHECKV(t, !vt_wheel(t, 10, 20, 1) && !vt_click(t, 0, 30),
	       "mouse: --no-mouse: the terminal keeps the mouse (nothing is sent)");
	vt_free(t);
}

/* A quick click: press and release reach the program together (a fast
 * hand, a busy program, ssh or tmux coalescing the reports).  ncurses 6.4
 * with mouseinterval(0) then reports only BUTTON1_RELEASED. */
static void
test_fast_click(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	int r = -1, c = -1;

	CHECKV(t, wait_status(t, "History  1/28"), "fast click: started");
	CHECKV(t, vt_find_text(t, "Network", &r, &c) > 0 && r == 0 && fast_click(t, 0, c + 2)
	       && wait_status(t, "Network  1/"),
	       "fast click: a click whose press and release arrive together selects the tab");
	vt_keys(t, "1G");
	CHECKV(t, wait_row(t, 22, "→ Next: our mission", STARTS), "fast click: History, end");
	CHECKV(t, fast_click(t, 22, 8) && wait_status(t, "Mission  1/"),
	       "fast click: and follows a link");
	vt_free(t);
}

/* ------------------------------------------------------------ more */

/* Ambiguous-width characters: auto asks the terminal (libvterm draws them
 * narrow); wide replaces them so nothing goes out of alignment. */
static void
test_ambiguous(void)
{
	struct vt *t = start(24, 80, ARGS("--ambiguous=auto"), NONE);
	static const char *const ambiguous[] = {"·", "’", "→", "–", "™", "…", "•"};
	int st;

	CHECKV(t, wait_row(t, 0, "History · Mission", HAS) && wait_body(t, "en", "history")
	       && vt_raw_seen(t, "\033[6n", 4),
	       "ambiguous auto: the terminal is asked, narrow is detected");
	vt_keys(t, "q");
	CHECKV(t, vt_wait_exit(t, T_WAIT, &st) && vt_find_text(t, "…", NULL, NULL) == 0,
	       "ambiguous auto: the probe character is not left on the screen");
	vt_free(t);

	t = start(24, 80, ARGS("--ambiguous=wide"), NONE);
	CHECKV(t, wait_status(t, "History  1/28"), "ambiguous wide: started");
	vt_keys(t, "G");
	CHECKV(t, wait_row(t, 22, "-> Next: our mission", STARTS)
	       && row_matches(t, 14, "As ICLEI's programs", STARTS),
	       "ambiguous wide: arrows and quotes become ASCII");
	{
		bool none = true;

		for (size_t i = 0; i < sizeof ambiguous / sizeof *ambiguous; i++)
			if (vt_find_text(t, ambiguous[i], NULL, NULL) > 0) {
				check_note("'%s' is on the screen", ambiguous[i]);
				none = false;
			}
		CHECKV(t, none && cells_sane(t, NULL, true),
		       "ambiguous wide: no East Asian ambiguous character on the screen");
	}
	vt_free(t);
}

/* Ctrl-L repaints the whole screen. */
static void
test_redraw(void)
{
	struct vt *t = start(24, 80, NONE, NONE);
	size_t off;

	CHECKV(t, wait_status(t, "History  1/28") && vt_wait_quiet(t, 100, T_WAIT),
	       "redraw: started");
	off = vt_bytes(t);
	vt_char(t, 'l', VT_MOD_CTRL);
	CHECKV(t, vt_wait_quiet(t, 200, T_WAIT) && vt_bytes(t) - off > 1000
	       && wait_body(t, "en", "history"),
	       "redraw: Ctrl-L repaints everything (%zu bytes)", vt_bytes(t) - off);
	vt_free(t);
}

/* ------------------------------------------------------------ main */

int
main(void)
{
	screen_setup();
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
		test_first_screen(&langs[i]);
	test_pages();
	test_cloud_motion();
	test_cloud_focus();
	test_cloud_click();
	test_cloud_lang();
	test_cloud_resize();
	test_cloud_still();
	test_cloud_mouse_mode();
	test_cloud_hover();
	test_cloud_drag();
	test_cloud_list();
	test_cloud_no_color();
	test_lang_keeps_place();
	test_search_en();
	test_search_ko();
	test_help();
	test_scroll();
	test_links();
	test_resize();
	test_quit();
	test_signal(SIGTERM, "SIGTERM", false);
	test_signal(SIGHUP, "SIGHUP", false);
	test_signal(SIGINT, "SIGINT", false);
	test_signal(SIGINT, "SIGINT", true);
	test_not_a_tty();
	test_color();
	test_suspend_orphan();
	test_suspend_shell();
	test_idle();
	test_reload();
	test_mouse();
	test_fast_click();
	test_ambiguous();
	test_redraw();

	body_cache_free();
	screen_cleanup();
	return check_done();
}
