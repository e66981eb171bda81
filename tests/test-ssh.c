/* SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers */
/* test-ssh.c: iclei-tui as a public terminal site (issue 17).
 *
 * First what --kiosk and --idle do, in the pty harness: Ctrl-Z never
 * stops the program (alone, and under a job-control shell, where it
 * would), nothing in the environment names a file (ICLEI_TUI_DATA,
 * TERMINFO, TERMINFO_DIRS, TERMCAP), no key for the idle time and it
 * says goodbye and exits 0 with the terminal restored, a key puts that
 * off, and at rest the wait is one poll() that lasts until the deadline.
 *
 * Then the README's recipe for real: a private sshd on a free loopback
 * port with a throwaway host key and client key in a temporary directory
 * (nothing of the system's read or touched, but /run/sshd, which sshd
 * run as root needs and which is made if missing), its ForceCommand the
 * built program with --kiosk and the tests' bundle, AcceptEnv LANG LC_*;
 * `ssh -tt` in the harness with LANG=ko_KR.UTF-8: the first screen in
 * Korean, L to Japanese, the Cloud, Ctrl-Z, q, and ssh's exit status 0
 * with the terminal as it was.  The client's own command is not run, and
 * without a terminal (ssh -T) the pages come as plain text.  Skipped,
 * with the reason, where sshd, ssh or ssh-keygen is missing (./quickstart
 * check installs them), and the sessions with a terminal where sshd run
 * by a user other than root cannot hand one over (see pty_problem). */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "screen.h"

#define T_SSH 15000 /* ms: a connection, a log-in and a first screen */

/* One check that cannot be made here, and why: TAP's "ok N # SKIP". */
static void
skip(const char *what, const char *why)
{
	printf("ok %d - %s # SKIP %s\n", ++check_count, what, why);
}

/* A program in PATH, or in the sbin directories (sshd), or NULL. */
static char *
find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *dirs = concat(path != NULL ? path : "/usr/bin:/bin", ":/usr/sbin:/usr/local/sbin");
	char *save = NULL, *found = NULL;

	for (char *d = strtok_r(dirs, ":", &save); d != NULL && found == NULL;
	     d = strtok_r(NULL, ":", &save)) {
		char *slash = concat(d, "/"), *p = concat(slash, name);

		free(slash);
		if (*d == '/' && access(p, X_OK) == 0)
			found = p;
		else
			free(p);
	}
	free(dirs);
	return found;
}

/* Run argv (argv[0] a path) in the tests' plain environment; true if it
 * exited 0, else a note with what it said. */
static bool
run_ok(char *const argv[])
{
	struct output o;
	bool ok = run_capture(argv, plain_env(), &o) && WIFEXITED(o.status)
	          && WEXITSTATUS(o.status) == 0;

	if (!ok)
		check_note("%s failed: %s%s", argv[0], o.out, o.err);
	output_free(&o);
	return ok;
}

static char *
path_in(const char *dir, const char *name)
{
	char *slash = concat(dir, "/"), *p = concat(slash, name);

	free(slash);
	return p;
}

static void
remove_tree(const char *dir)
{
	char *rm = find_program("rm");

	if (rm != NULL)
		run_ok((char *const[]){rm, (char *)"-rf", (char *)dir, NULL});
	free(rm);
}

/* The wait a process sleeps in: its poll()'s timeout in ms (-1: none),
 * from /proc/PID/syscall, which names the system call a process is
 * blocked in and its arguments.  False where that is not poll(2) (on an
 * architecture without it, glibc's poll is ppoll) or cannot be read. */
static bool
poll_timeout(pid_t pid, long *ms)
{
#ifdef __x86_64__
	char path[64], buf[256];
	unsigned long nr, a0, a1, a2;
	FILE *f;
	bool ok;

	snprintf(path, sizeof path, "/proc/%ld/syscall", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	ok = fgets(buf, sizeof buf, f) != NULL
	     && sscanf(buf, "%lu %lx %lx %lx", &nr, &a0, &a1, &a2) == 4 && nr == 7;
	fclose(f);
	if (ok)
		*ms = (long)(int)(unsigned)a2;	/* an int, in a register */
	return ok;
#else
	(void)pid;
	(void)ms;
	return false;
#endif
}

/* How many times the process has been put on a CPU so far (the third
 * field of /proc/PID/schedstat): each wake-up is one.  -1 if unknown. */
static long
runs(pid_t pid)
{
	char path[64];
	unsigned long long run, wait;
	long n = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fscanf(f, "%llu %llu %ld", &run, &wait, &n) != 3)
		n = -1;
	fclose(f);
	return n;
}

static bool
exited_with(struct vt *t, int ms, int want)
{
	int st = -1;

	return vt_wait_exit(t, ms, &st) && WIFEXITED(st) && WEXITSTATUS(st) == want;
}

/* ------------------------------------------------------------ --kiosk: Ctrl-Z */

static const char *const no_suspend = "Ctrl-Z does nothing here";

/* In the harness the program leads its own session: an orphaned process
 * group, which the kernel never stops for Ctrl-Z -- but without --kiosk
 * the program still gives the terminal back for it (and takes it again
 * at once): the alternate screen is left.  With --kiosk nothing is. */
static void
test_kiosk_ctrl_z(void)
{
	struct vt *t = start(24, 80, ARGS("--kiosk", "--data-dir", data_dir), NONE);
	size_t off;

	CHECKV(t, wait_at(t, EN, 0, 0), "kiosk: the first screen, from --data-dir");
	vt_keys(t, "jj");
	CHECKV(t, wait_at(t, EN, 0, 2), "kiosk: at line 3");
	off = vt_bytes(t);
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, wait_status(t, no_suspend), "kiosk: Ctrl-Z says it does nothing here");
	CHECKV(t, !vt_raw_seen_from(t, off, "\033[?1049l", 8) && vt_altscreen(t)
	       && !vt_raw_seen_from(t, off, "1000l", 5),
	       "kiosk: Ctrl-Z leaves neither the alternate screen nor the mouse");
	vt_keys(t, "j");
	CHECKV(t, wait_at(t, EN, 0, 3), "kiosk: the next key clears it and works");
	vt_keys(t, "q");
	CHECKV(t, exited_with(t, T_WAIT, 0) && restored(t, CURSOR_SENT),
	       "kiosk: q exits 0, the terminal restored");
	vt_free(t);
}

/* Under a job-control shell Ctrl-Z would stop the program and give the
 * reader the shell: a public terminal must never. */
static void
test_kiosk_shell(void)
{
	char *argv[] = {(char *)"sh", (char *)"-i", NULL};
	char *bin_env = concat("SSH_TUI=", tui), *dir_env = concat("SSH_DATA=", data_dir);
	char *env[] = {bin_env, dir_env, (char *)"PS1=kiosk$ ", (char *)"ENV=", NULL};
	struct vt *t = vt_spawn(24, 80, argv, env);

	CHECKV(t, t != NULL && vt_wait_text(t, "kiosk$", T_WAIT), "kiosk sh: a shell prompt");
	vt_keys(t, "\"$SSH_TUI\" --ambiguous=narrow --kiosk --data-dir \"$SSH_DATA\"\r");
	CHECKV(t, wait_at(t, EN, 0, 0), "kiosk sh: the program runs under sh -i");
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, wait_status(t, no_suspend) && vt_altscreen(t),
	       "kiosk sh: Ctrl-Z does not stop it: it says so, on its own screen");
	vt_keys(t, "j");
	CHECKV(t, wait_at(t, EN, 0, 1) && vt_find_text(t, "Stopped", NULL, NULL) == 0,
	       "kiosk sh: it reads keys; the shell never said 'Stopped'");
	vt_keys(t, "q");
	CHECKV(t, vt_wait(t, T_WAIT, pred_prompt_at_cursor, (void *)"kiosk$"),
	       "kiosk sh: q returns to the shell");
	vt_keys(t, "exit\r");
	CHECKV(t, vt_wait_exit(t, T_WAIT, NULL), "kiosk sh: the shell exits");
	vt_free(t);
	free(bin_env);
	free(dir_env);
}

/* A signal mask of /proc/PID/status ("SigBlk", "SigIgn"). */
static bool
sig_mask(pid_t pid, const char *field, unsigned long long *mask)
{
	char path[64], line[256];
	size_t n = strlen(field);
	bool ok = false;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	while (!ok && fgets(line, sizeof line, f) != NULL)
		ok = strncmp(line, field, n) == 0 && line[n] == ':'
		     && sscanf(line + n + 1, "%llx", mask) == 1;
	fclose(f);
	return ok;
}

/* Before the program has the terminal, Ctrl-Z would stop it: with
 * --kiosk the stop signal is ignored from the start.  Seen while it asks
 * the terminal its width question, which the harness, not reading, does
 * not answer: for that while the stop signal waits (blocked), to be
 * taken -- or, ignored, dropped -- when the question is given up. */
static void
test_kiosk_stop_ignored(void)
{
	const unsigned long long tstp = 1ULL << (SIGTSTP - 1), usr1 = 1ULL << (SIGUSR1 - 1);

	for (int kiosk = 0; kiosk < 2; kiosk++) {
		struct vt *t = start(24, 80, kiosk ? ARGS("--ambiguous=auto", "--kiosk", "--data-dir",
		                                          data_dir)
		                                   : ARGS("--ambiguous=auto"), NONE);
		unsigned long long blocked = 0, ignored = 0;
		bool seen = false;

		for (long long end = vt_now_ms() + 2000; !seen && vt_now_ms() < end; hold(1))
			seen = sig_mask(vt_pid(t), "SigBlk", &blocked) && (blocked & tstp)
			       && !(blocked & usr1)	/* not the harness's fork, all blocked */
			       && sig_mask(vt_pid(t), "SigIgn", &ignored);
		if (!seen)
			skip("kiosk: the stop signal before the terminal is taken",
			     "the width question's wait was not seen");
		else
			CHECK(!(ignored & tstp) == !kiosk,
			      "kiosk: before the terminal is taken, the stop signal is %s",
			      kiosk ? "ignored" : "not ignored without --kiosk");
		CHECKV(t, wait_at(t, EN, 0, 0), "kiosk: then the first screen");
		vt_free(t);
	}
}

/* ------------------------------------------------------------ --kiosk: the environment */

/* The first page's English title renamed in a copy of the bundle. */
static const struct swap marked = {"    title: Harbour\n", "    title: Envmarked\n"};

static bool
dump_has(const char *const args[], const char *env, const char *text)
{
	char *argv[16], *envp[8];
	char **plain = plain_env();
	struct output o;
	int n = 0, m = 0;
	bool has;

	argv[n++] = (char *)tui;
	for (int i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	for (int i = 0; plain[i] != NULL && m < 6; i++)
		if (strncmp(plain[i], "ICLEI_TUI_DATA=", 15) != 0)
			envp[m++] = plain[i];
	envp[m++] = (char *)env;
	envp[m] = NULL;
	has = run_capture(argv, envp, &o) && strstr(o.out, text) != NULL;
	output_free(&o);
	return has;
}

static void
test_kiosk_data_env(void)
{
	char *dir = bundle_copy(), *env;

	if (dir == NULL || !bundle_edit(dir, EN, swapped, &marked)) {
		CHECK(false, "kiosk env: a copy of the bundle with page 1 renamed");
		return;
	}
	env = concat("ICLEI_TUI_DATA=", dir);
	CHECK(dump_has(ARGS("--dump", "--lang", "en"), env, "Envmarked"),
	      "kiosk env: without --kiosk, ICLEI_TUI_DATA names the bundle");
	CHECK(!dump_has(ARGS("--kiosk", "--dump", "--lang", "en"), env, "Envmarked"),
	      "kiosk env: with --kiosk, ICLEI_TUI_DATA is not read");
	CHECK(dump_has(ARGS("--kiosk", "--dump", "--lang", "en", "--data-dir", dir), env,
	               "Envmarked"),
	      "kiosk env: --data-dir, the admin's, still counts");
	free(env);
	bundle_remove(dir);
}

/* A terminal description of our own, in a directory of our own: the
 * environment names it, and --kiosk does not look. */
static void
test_kiosk_terminfo(void)
{
	char tmpl[] = "/tmp/iclei-terminfo-XXXXXX";
	char *infocmp = find_program("infocmp"), *tic = find_program("tic");
	char *src = NULL, *file = NULL, *db = NULL;
	struct output o = {0};
	static const char *const vars[] = {"TERMINFO", "TERMINFO_DIRS"};

	if (infocmp == NULL || tic == NULL || mkdtemp(tmpl) == NULL) {
		skip("kiosk terminfo", "no infocmp or tic (ncurses-bin), or no temporary directory");
		free(infocmp);
		free(tic);
		return;
	}
	file = path_in(tmpl, "src");
	db = path_in(tmpl, "db");
	if (run_capture((char *const[]){infocmp, (char *)"-x", (char *)"xterm-256color", NULL},
	                plain_env(), &o)
	    && (src = text_replace(o.out, "\nxterm-256color|", "\niclei-kiosk-test|")) != NULL
	    && file_put(file, src))
		run_ok((char *const[]){tic, (char *)"-x", (char *)"-o", db, file, NULL});
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		char *var = concat(vars[i], "="), *set = concat(var, db);
		const char *env[] = {"TERM=iclei-kiosk-test", set, NULL};
		struct vt *t = start(24, 80, NONE, env);

		CHECKV(t, wait_at(t, EN, 0, 0), "kiosk %s: without --kiosk, TERM is found there",
		       vars[i]);
		vt_free(t);
		t = start(24, 80, ARGS("--kiosk", "--data-dir", data_dir), env);
		CHECKV(t, exited_with(t, T_WAIT, 2)
		       && vt_find_text(t, "unknown terminal type 'iclei-kiosk-test'", NULL, NULL) > 0,
		       "kiosk %s: with --kiosk it is not read: an unknown terminal type", vars[i]);
		vt_free(t);
		free(set);
		free(var);
	}
	output_free(&o);
	free(src);
	free(file);
	remove_tree(tmpl);
	free(db);
	free(infocmp);
	free(tic);
}

/* infocmp -C's entry as one line, for $TERMCAP: no comment lines, the
 * continuations ("\" newline blanks) joined. */
static char *
one_line(const char *entry)
{
	char *out = xmalloc(strlen(entry) + 1), *q = out;
	const char *p = entry;

	while (*p == '#')
		p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != '\0');
	for (; *p != '\0' && *p != '\n'; p++) {
		if (p[0] == '\\' && p[1] == '\n') {
			for (p += 2; *p == ' ' || *p == '\t'; p++)
				;
			p--;
			continue;
		}
		*q++ = *p;
	}
	*q = '\0';
	return out;
}

/* TERMCAP, where this ncurses reads it (built with termcap support). */
static void
test_kiosk_termcap(void)
{
	char *infocmp = find_program("infocmp"), *cap = NULL, *line, *env_cap;
	const char *env[3] = {"TERM=iclei-kiosk-cap", NULL, NULL};
	struct output o = {0};
	struct vt *t;

	if (infocmp == NULL
	    || !run_capture((char *const[]){infocmp, (char *)"-C", (char *)"-r",
	                                    (char *)"xterm-256color", NULL},
	                    plain_env(), &o)
	    || (cap = text_replace(o.out, "xterm-256color|", "iclei-kiosk-cap|")) == NULL) {
		skip("kiosk TERMCAP", "no infocmp -C (ncurses-bin)");
		free(infocmp);
		output_free(&o);
		return;
	}
	line = one_line(cap);
	env[1] = env_cap = concat("TERMCAP=", line);
	t = start(24, 80, NONE, env);
	if (!wait_at(t, EN, 0, 0)) {
		skip("kiosk TERMCAP", "this ncurses reads no TERMCAP");
	} else {
		vt_free(t);
		t = start(24, 80, ARGS("--kiosk", "--data-dir", data_dir), env);
		CHECKV(t, exited_with(t, T_WAIT, 2),
		       "kiosk TERMCAP: with --kiosk it is not read: an unknown terminal type");
	}
	vt_free(t);
	free(env_cap);
	free(line);
	free(cap);
	free(infocmp);
	output_free(&o);
}

/* ------------------------------------------------------------ --idle */

static void
test_idle_quits(void)
{
	struct vt *t = start(24, 80, ARGS("--kiosk", "--idle=2s", "--data-dir", data_dir), NONE);

	CHECKV(t, wait_at(t, EN, 0, 0), "idle: the first screen");
	show_tab(t, fx.npages);
	CHECKV(t, wait_status(t, "Cloud") && body_changes(t, T_WAIT),
	       "idle: on the moving Cloud (its frames are no input)");
	CHECKV(t, exited_with(t, 4 * T_WAIT, 0), "idle: no key for 2 s, and it exits 0");
	CHECKV(t, restored(t, CURSOR_SENT)
	       && vt_find_text(t, "No key pressed for 2 seconds: goodbye.", NULL, NULL) == 1,
	       "idle: the terminal restored, and goodbye said on it");
	vt_free(t);
}

/* A key puts the deadline off: keys a second apart outlive an idle time
 * of three seconds; then it runs out. */
static void
test_idle_keys(void)
{
	struct vt *t = start(24, 80, ARGS("--idle=3s"), NONE);
	bool on = true;

	CHECKV(t, wait_at(t, EN, 0, 0), "idle keys: --idle without --kiosk");
	for (int i = 0; i < 5 && on; i++) {
		vt_wait(t, 1000, NULL, NULL);
		vt_keys(t, i % 2 ? "k" : "j");
		on = alive(t);
	}
	CHECKV(t, on && wait_at(t, EN, 0, 1), "idle keys: a key a second for 5 s: still there");
	CHECKV(t, exited_with(t, 4 * T_WAIT, 0)
	       && vt_find_text(t, "No key pressed for 3 seconds: goodbye.", NULL, NULL) == 1,
	       "idle keys: then it runs out");
	vt_free(t);
}

/* At rest the program sleeps in one poll() whose timeout is what is left
 * of the idle time: 15 minutes for --kiosk, none without, none with
 * --idle=0; and it does not wake up meanwhile. */
static void
test_idle_timer(void)
{
	static const struct {
		const char *what;
		bool kiosk;
		const char *arg;	/* one more, or NULL */
		long lo, hi;		/* the timeout, ms: lo < it <= hi */
	} cases[] = {
		{"--kiosk", true, NULL, 14 * 60000L, 15 * 60000L},
		{"without --kiosk", false, NULL, -2, -1},
		{"--kiosk --idle=0", true, "--idle=0", -2, -1},
		{"--idle=90s", false, "--idle=90s", 60000, 90000},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *args[6] = {NULL};
		int n = 0;
		struct vt *t;
		long ms = 0, r0, r1;

		if (cases[i].kiosk) {
			args[n++] = "--kiosk";
			args[n++] = "--data-dir";
			args[n++] = data_dir;
		}
		args[n++] = cases[i].arg;
		t = start(24, 80, args, NONE);
		CHECKV(t, wait_at(t, EN, 0, 0) && settled(t), "idle timer %s: at rest",
		       cases[i].what);
		if (!poll_timeout(vt_pid(t), &ms))
			skip("idle timer: poll's timeout", "/proc/PID/syscall shows no poll(2) here");
		else
			CHECKV(t, ms > cases[i].lo && ms <= cases[i].hi,
			       "idle timer %s: one poll() until the deadline (timeout %ld ms)",
			       cases[i].what, ms);
		r0 = runs(vt_pid(t));
		vt_wait(t, 1000, NULL, NULL);
		r1 = runs(vt_pid(t));
		CHECKV(t, r0 >= 0 && r1 - r0 <= 1,
		       "idle timer %s: no wake-up in a second at rest (%ld)", cases[i].what,
		       r1 - r0);
		vt_free(t);
	}
}

static void
test_idle_usage(void)
{
	static const char *const bad[] = {"", "-1", "5x", "1441", "25h", " 5", "5ss"};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *arg = concat("--idle=", bad[i]);
		struct output o;
		char *want = concat("invalid idle time '", bad[i]);
		bool ok = run_capture((char *const[]){(char *)tui, arg, NULL}, plain_env(), &o)
		          && WIFEXITED(o.status) && WEXITSTATUS(o.status) == 2
		          && strstr(o.err, want) != NULL;

		CHECK(ok, "idle usage: %s is a usage error that names it", arg);
		if (!ok)
			check_note("%s", o.err);
		output_free(&o);
		free(want);
		free(arg);
	}
}

/* ------------------------------------------------------------ the recipe, for real */

struct sshd {
	char dir[64];
	char *ssh, *key, *user, *log;
	int port;
	pid_t pid;
};

static int
free_port(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET};
	socklen_t n = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0
	    && getsockname(fd, (struct sockaddr *)&a, &n) == 0)
		port = ntohs(a.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

/* Someone answers on the port. */
static bool
listening(int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	bool ok;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ok = fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

static bool
write_config(const struct sshd *s, const char *config)
{
	FILE *f = fopen(config, "w");
	bool ok;

	if (f == NULL)
		return false;
	/* The recipe's Match block, for every user here: this sshd serves
	 * no one else.  The rest makes it private: its own port, keys and
	 * files, no PAM (the system's log-in rules), no mode checks on the
	 * temporary directory. */
	fprintf(f, "ListenAddress 127.0.0.1\n"
	           "Port %d\n"
	           "HostKey %s/host_key\n"
	           "PidFile %s/sshd.pid\n"
	           "AuthorizedKeysFile %s/authorized_keys\n"
	           "UsePAM no\n"
	           "StrictModes no\n"
	           "PermitRootLogin %s\n"
	           "PasswordAuthentication no\n"
	           "KbdInteractiveAuthentication no\n"
	           "PubkeyAuthentication yes\n"
	           "AcceptEnv LANG LC_*\n"
	           "PermitTTY yes\n"
	           "AllowTcpForwarding no\n"
	           "AllowStreamLocalForwarding no\n"
	           "X11Forwarding no\n"
	           "AllowAgentForwarding no\n"
	           "PermitTunnel no\n"
	           "PermitUserRC no\n"
	           "ForceCommand LANG=\"${LANG:-C.UTF-8}\" exec '%s' --kiosk --data-dir '%s'\n",
	        s->port, s->dir, s->dir, s->dir, geteuid() == 0 ? "prohibit-password" : "no",
	        tui, data_dir);
	ok = fflush(f) == 0;
	return fclose(f) == 0 && ok;
}

/* The throwaway sshd, up and listening; or false with *why. */
static bool
sshd_start(struct sshd *s, const char **why)
{
	char *sshd = find_program("sshd"), *keygen = find_program("ssh-keygen");
	char *config = NULL, *hostkey = NULL, *userpub = NULL, *auth = NULL, *pub = NULL;
	struct passwd *pw = getpwuid(geteuid());
	bool ok = false;
	long long end;

	memset(s, 0, sizeof *s);
	s->pid = -1;
	s->ssh = find_program("ssh");
	*why = "sshd, ssh or ssh-keygen not installed (apt-get install openssh-server "
	       "openssh-client)";
	if (sshd == NULL || keygen == NULL || s->ssh == NULL || pw == NULL)
		goto out;
	*why = "cannot make /run/sshd, which sshd needs when run as root";
	if (geteuid() == 0 && mkdir("/run/sshd", 0755) != 0 && errno != EEXIST)
		goto out;
	*why = "no temporary directory";
	snprintf(s->dir, sizeof s->dir, "/tmp/iclei-ssh-XXXXXX");
	if (mkdtemp(s->dir) == NULL)
		goto out;
	s->user = xstrdup(pw->pw_name);
	s->key = path_in(s->dir, "user_key");
	s->log = path_in(s->dir, "sshd.log");
	hostkey = path_in(s->dir, "host_key");
	userpub = path_in(s->dir, "user_key.pub");
	auth = path_in(s->dir, "authorized_keys");
	config = path_in(s->dir, "sshd_config");
	*why = "ssh-keygen failed";
	if (!run_ok((char *const[]){keygen, (char *)"-q", (char *)"-t", (char *)"ed25519",
	                           (char *)"-N", (char *)"", (char *)"-f", hostkey, NULL})
	    || !run_ok((char *const[]){keygen, (char *)"-q", (char *)"-t", (char *)"ed25519",
	                              (char *)"-N", (char *)"", (char *)"-f", s->key, NULL})
	    || (pub = file_text(userpub)) == NULL || !file_put(auth, pub))
		goto out;
	*why = "no free loopback port, or the configuration cannot be written";
	if ((s->port = free_port()) <= 0 || !write_config(s, config))
		goto out;
	s->pid = fork();
	if (s->pid == 0) {
		int log = open(s->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int null = open("/dev/null", O_RDONLY);

		/* Ends with the test, whatever way it ends. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		dup2(null, 0);
		dup2(log, 1);
		dup2(log, 2);
		execve(sshd, (char *const[]){sshd, (char *)"-D", (char *)"-e", (char *)"-f",
		                             config, NULL},
		       (char *const[]){(char *)"PATH=/usr/bin:/bin", NULL});
		_exit(127);
	}
	*why = "sshd did not start";
	end = vt_now_ms() + T_SSH;
	while (s->pid > 0 && vt_now_ms() < end) {
		if (listening(s->port)) {
			ok = true;
			break;
		}
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid) {
			s->pid = -1;
			break;
		}
		hold(20);
	}
	if (!ok) {
		char *log = file_text(s->log);

		check_note("sshd's log: %s", log != NULL ? log : "(none)");
		free(log);
	}
out:
	free(sshd);
	free(keygen);
	free(config);
	free(hostkey);
	free(userpub);
	free(auth);
	free(pub);
	return ok;
}

static void
sshd_stop(struct sshd *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
	}
	if (s->dir[0] != '\0')
		remove_tree(s->dir);
	free(s->ssh);
	free(s->key);
	free(s->user);
	free(s->log);
}

/* ssh's command line: mode "-tt" or "-T", then command (may be NULL). */
static void
ssh_argv(const struct sshd *s, const char *mode, const char *command, char *argv[32],
         char *port, char *dest)
{
	int n = 0;

	snprintf(port, 16, "%d", s->port);
	snprintf(dest, 128, "%s@127.0.0.1", s->user);
	argv[n++] = s->ssh;
	argv[n++] = (char *)mode;
	/* No configuration, no agent, no known hosts of the user's. */
	argv[n++] = (char *)"-F";
	argv[n++] = (char *)"/dev/null";
	argv[n++] = (char *)"-i";
	argv[n++] = s->key;
	argv[n++] = (char *)"-p";
	argv[n++] = port;
	for (const char *const *o = (const char *const[]){
	             "StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null",
	             "IdentitiesOnly=yes", "BatchMode=yes", "LogLevel=ERROR", "SendEnv=LANG",
	             NULL};
	     *o != NULL; o++) {
		argv[n++] = (char *)"-o";
		argv[n++] = (char *)*o;
	}
	argv[n++] = dest;
	if (command != NULL)
		argv[n++] = (char *)command;
	argv[n] = NULL;
}

static void
say_log(const struct sshd *s)
{
	char *log = file_text(s->log);

	check_note("sshd's log:\n%s", log != NULL ? log : "(none)");
	free(log);
}

/* How many of lang's labels that are not the English ones are on the body. */
static int
labels_in(struct vt *t, int lang)
{
	int n = 0, row;

	for (int i = 0; i < fx.ntags; i++)
		if (strcmp(fx.tag[i].label[lang], fx.tag[i].label[EN]) != 0
		    && vt_find_text(t, fx.tag[i].label[lang], &row, NULL) > 0 && row > 0
		    && row < vt_rows(t) - 1)
			n++;
	return n;
}

static bool
pred_cloud_in_ja(struct vt *t, void *arg)
{
	(void)arg;
	return labels_in(t, JA) >= 3;
}

/* The status line is no longer arg. */
static bool
pred_status_changed(struct vt *t, void *arg)
{
	char *now = vt_row_text(t, vt_rows(t) - 1);
	bool changed = now != NULL && strcmp(now, arg) != 0;

	free(now);
	return changed;
}

/* Logged in: the program has taken the terminal. */
static bool
pred_altscreen(struct vt *t, void *arg)
{
	(void)arg;
	return vt_altscreen(t);
}

static void
test_ssh_session(const struct sshd *s)
{
	char *argv[32], port[16], dest[128], *home = concat("HOME=", s->dir), *before;
	char *env[] = {(char *)"LANG=ko_KR.UTF-8", (char *)"LC_ALL", home, NULL};
	struct vt *t;
	size_t off;
	bool ended;

	ssh_argv(s, "-tt", NULL, argv, port, dest);
	t = vt_spawn(24, 80, argv, env);
	CHECKV(t, t != NULL && vt_wait(t, T_SSH, pred_altscreen, NULL) && wait_at(t, KO, 0, 0),
	       "ssh: ssh -tt with LANG=ko_KR.UTF-8: the first page, in Korean");
	vt_keys(t, "L");
	CHECKV(t, wait_at(t, JA, 0, 0), "ssh: L switches to Japanese");
	show_tab(t, fx.npages);
	CHECKV(t, vt_wait(t, T_WAIT, pred_cloud_in_ja, NULL) && body_changes(t, T_WAIT),
	       "ssh: the Cloud tab, its Japanese labels, moving");
	before = vt_row_text(t, vt_rows(t) - 1);
	off = vt_bytes(t);
	vt_char(t, 'z', VT_MOD_CTRL);
	CHECKV(t, vt_wait(t, T_WAIT, pred_status_changed, before)
	       && !vt_raw_seen_from(t, off, "\033[?1049l", 8) && body_changes(t, T_WAIT),
	       "ssh: Ctrl-Z only says something: the screen stays, the cloud moves on");
	free(before);
	vt_keys(t, "q");
	ended = exited_with(t, T_SSH, 0);
	CHECKV(t, ended && restored(t, CURSOR_SENT),
	       "ssh: q ends the session: ssh exits 0, the terminal restored");
	if (!ended)
		say_log(s);
	vt_free(t);
	free(home);
}

/* The client's command is not run (ForceCommand), and without LANG the
 * first screen is English, in UTF-8 (the recipe's default: the status
 * line would say the character set is ASCII). */
static void
test_ssh_command(const struct sshd *s)
{
	char *argv[32], port[16], dest[128], *home = concat("HOME=", s->dir);
	char *env[] = {(char *)"LANG", (char *)"LC_ALL", home, NULL};
	struct vt *t;

	ssh_argv(s, "-tt", "echo RAN", argv, port, dest);
	t = vt_spawn(24, 80, argv, env);
	CHECKV(t, t != NULL && vt_wait(t, T_SSH, pred_altscreen, NULL) && wait_at(t, EN, 0, 0)
	       && vt_find_text(t, "RAN", NULL, NULL) == 0,
	       "ssh: a command of the client's is not run: the program is, without LANG "
	       "in English and UTF-8");
	vt_keys(t, "q");
	CHECKV(t, exited_with(t, T_SSH, 0), "ssh: and q ends it, status 0");
	vt_free(t);
	free(home);
}

/* ssh -T: no terminal, so the pages as plain text, in LANG's language. */
static void
test_ssh_plain(const struct sshd *s)
{
	char *argv[32], port[16], dest[128], *home = concat("HOME=", s->dir);
	char *env[] = {(char *)"PATH=/usr/bin:/bin", (char *)"LANG=ja_JP.UTF-8", home, NULL};
	struct output o;
	bool ok;

	ssh_argv(s, "-T", NULL, argv, port, dest);
	ok = run_capture(argv, env, &o) && WIFEXITED(o.status) && WEXITSTATUS(o.status) == 0;
	CHECK(ok && strstr(o.out, fx.page[0].title[JA]) != NULL
	      && strstr(o.out, "\033") == NULL,
	      "ssh: ssh -T (no terminal): the pages as plain text, in Japanese, status 0");
	if (!ok)
		check_note("ssh -T: %s", o.err);
	output_free(&o);
	free(home);
}

/* Run as root, sshd gives the session's pseudo-terminal to the user;
 * run by the user, it can only if the terminal is theirs already, in the
 * group it wants (tty), as devpts makes them when mounted with gid=5.
 * NULL if it can, else why not. */
static const char *
pty_problem(void)
{
	struct group *g = getgrnam("tty");
	struct stat st;
	const char *name;
	bool ok;
	int fd;

	if (geteuid() == 0)
		return NULL;
	if ((fd = posix_openpt(O_RDWR | O_NOCTTY)) < 0)
		return "no pseudo-terminal";
	ok = grantpt(fd) == 0 && unlockpt(fd) == 0 && (name = ptsname(fd)) != NULL
	     && stat(name, &st) == 0 && st.st_uid == geteuid()
	     && st.st_gid == (g != NULL ? g->gr_gid : getgid());
	close(fd);
	return ok ? NULL : "sshd run by a user other than root cannot hand a terminal over "
	                   "here (new pseudo-terminals are not in group tty: devpts without gid=5)";
}

static void
test_ssh(void)
{
	struct sshd s;
	const char *why = NULL;

	if (!sshd_start(&s, &why)) {
		skip("ssh: the recipe over a private sshd", why);
		sshd_stop(&s);
		return;
	}
	CHECK(true, "ssh: a private sshd on 127.0.0.1:%d", s.port);
	if ((why = pty_problem()) != NULL) {
		skip("ssh: sessions with a terminal", why);
	} else {
		test_ssh_session(&s);
		test_ssh_command(&s);
	}
	test_ssh_plain(&s);
	sshd_stop(&s);
}

int
main(void)
{
	screen_setup_needing(1, 3);
	test_kiosk_ctrl_z();
	test_kiosk_shell();
	test_kiosk_stop_ignored();
	test_kiosk_data_env();
	test_kiosk_terminfo();
	test_kiosk_termcap();
	test_idle_usage();
	test_idle_timer();
	test_idle_quits();
	test_idle_keys();
	test_ssh();
	screen_cleanup();
	return check_done();
}
