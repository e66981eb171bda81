# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
# lib.sh: TAP helpers for the shell tests (sourced).
#
#   tap_ok "description"           ok N - description
#   tap_fail "description" [why]   not ok N - description, then "# why"
#   tap_check CMD... -- "desc"     ok if CMD succeeds
#   tap_skip "description" "why"   ok N # SKIP why
#   tap_skip_all "why"             1..0 # SKIP why, exit 0
#   tap_done                       the plan; exit 1 if anything failed

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${ICLEI_TUI:=$top_builddir/src/iclei-tui}"
: "${ICLEI_TUI_DATA:=$top_srcdir/data}"
export ICLEI_TUI_DATA
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LANG LC_MESSAGES

tap_n=0
tap_failed=0

tap_ok() {
	tap_n=$((tap_n + 1))
	printf 'ok %d - %s\n' "$tap_n" "$1"
}

tap_fail() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	printf 'not ok %d - %s\n' "$tap_n" "$1"
	if [ $# -gt 1 ]; then
		printf '%s\n' "$2" | sed 's/^/# /'
	fi
}

tap_skip() {
	tap_n=$((tap_n + 1))
	printf 'ok %d - %s # SKIP %s\n' "$tap_n" "$1" "$2"
}

tap_skip_all() {
	printf '1..0 # SKIP %s\n' "$1"
	exit 0
}

tap_done() {
	printf '1..%d\n' "$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}

# Can valgrind check the program?  Prints why not, and fails, when it is
# missing or the program was built with the sanitizers (which it cannot
# run under; they check memory themselves).
valgrind_usable() {
	if [ -n "${ICLEI_SANITIZED:-}" ]; then
		echo "built with sanitizers (they check memory instead)"
		return 1
	fi
	if ! command -v valgrind >/dev/null 2>&1; then
		echo "valgrind not installed (apt-get install valgrind)"
		return 1
	fi
	# valgrind 3.19 cannot read clang 14's DWARF 5 and dies reading it.
	if ! valgrind -q --error-exitcode=99 "$ICLEI_TUI" --version >/dev/null 2>&1; then
		echo "valgrind cannot run this build (clang's DWARF 5? use CFLAGS=-gdwarf-4)"
		return 1
	fi
}

# A scratch directory, removed on exit.
tap_tmpdir() {
	tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/iclei-tui-test.XXXXXX") || exit 1
	trap 'rm -rf "$tap_tmp"' EXIT
}
