/* screen.c: the iclei-tui screen as tests see it (see screen.h). */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "screen.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h" /* check_note, check_skip_all, check_srcdir: no CHECK */

const char *tui;
char *data_dir;
char *data_env;
static char *tui_owned; /* tui, when made here */

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
	data_dir = concat(check_srcdir(), "/data");
	data_env = concat("ICLEI_TUI_DATA=", data_dir);
}

void
screen_cleanup(void)
{
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

/* ------------------------------------------------------------ the cloud */

const struct cloud_tag en_tags[] = {
	{"Sustainability", "History"}, {"Local governments", "Network"},
	{"Movement", "Mission"}, {"Agency", "Mission"},
	{"Climate protection", "History"}, {"Local Agenda 21", "History"},
	{"Seoul", "History"}, {"East Asia Secretariat", "History"},
	{"Park Won-soon", "Mission"}, {"1990", "History"},
	{"World Congress", "History"}, {"United Nations", "History"},
	{"Toronto", "History"}, {"Freiburg", "History"},
	{"ICLEI Council", "History"}, {"2003", "History"}, {"2012", "History"},
	{"CCP", "Achievements"}, {"Members", "Network"}, {"Advocacy", "Network"},
	{"Campaigns", "Network"},
	{"Knowledge exchange", "Network"}, {"Thematic networks", "Mission"},
	{"Strategic alliances", "Mission"}, {"Centers of excellence", "Mission"},
	{"Innovative tools", "Mission"}, {"Training", "Mission"},
	{"Urban sustainability", "Mission"}, {"88+ countries", "Achievements"},
	{"17 offices", "Achievements"}, {"Capacity building", "Achievements"},
	{"Biodiversity", "Achievements"}, {"Emissions reductions", "Achievements"},
};

const size_t n_en_tags = sizeof en_tags / sizeof *en_tags;
