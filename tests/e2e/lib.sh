# lib.sh: helpers for end-to-end tests that drive the real binary in tmux.
# A test script sources this, declares its case count with "plan N", then
# drives artread with start/keys/wait_for/... and reports each case with
# ok, fail, skip or check.  tests/run.sh and tests/valgrind.sh use it too.
#
# Every case prints exactly one line (counted by tests/run.sh):
#   ok NAME                 it passed
#   not ok NAME: WHY        it failed
#   ok NAME # SKIP WHY      it cannot run here (say why); counted as skipped
#
# Waits are assertions.  A wait_for, wait_gone, settle or wait_until that
# times out is recorded, and the next case reported fails with it (an ok
# becomes "not ok NAME: timed out: ...").  A timed-out wait after the last
# case fails the script.  There is no wait that may silently time out.
#
# The plan is checked at exit: a script that reports more or fewer cases
# than planned (it stopped early, or a branch forgot a case) ends with
# "not ok SCRIPT: planned N cases, ran M" and exit status 1.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ARTREAD=${ARTREAD:-$ROOT/artread}
SCRIPT=$0
NSTART=0
T="tmux -L ar$$-0 -f /dev/null"
WORK=$(mktemp -d)
RESULTS="$WORK/.lib-results"	# every case line reported so far
MISSED="$WORK/.lib-missed"	# timed-out waits not yet charged to a case
: >"$RESULTS"
: >"$MISSED"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state" \
	XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" HOME="$WORK/home"
unset NO_COLOR
mkdir -p "$HOME"
FAILED=0
PLAN=""
CLEANUP_HOOK=""	# a script's own cleanup, run at exit before lib's

# plan N: how many cases this script reports (call it once, right after
# sourcing lib.sh).  Prints the TAP plan line "1..N".
plan() {
	PLAN=$1
	echo "1..$PLAN"
}

# The verdict on the script as a whole, then cleanup.  Runs at exit, so
# a script that stops early (exit, set -u, a signal) is caught too.
lib_exit() {
	lib_rc=$?
	lib_ran=$(wc -l <"$RESULTS" 2>/dev/null || echo 0)
	lib_why=""
	if [ -s "$MISSED" ]; then
		lib_why="a wait after the last case timed out: $(missed_list)"
	fi
	if [ -z "$PLAN" ]; then
		lib_why="$lib_why${lib_why:+; }no plan"
		lib_why="$lib_why (call plan N after sourcing lib.sh)"
	elif [ "$lib_ran" -ne "$PLAN" ]; then
		lib_why="$lib_why${lib_why:+; }planned $PLAN cases, ran $lib_ran"
	fi
	if [ -n "$lib_why" ]; then
		printf 'not ok %s: %s\n' "$SCRIPT" "$lib_why"
		lib_rc=1
	elif grep -q '^not ok ' "$RESULTS" 2>/dev/null; then
		lib_rc=1
	fi
	[ -n "$CLEANUP_HOOK" ] && $CLEANUP_HOOK
	cleanup
	exit "$lib_rc"
}

cleanup() {
	lib_n=1
	while [ $lib_n -le $NSTART ]; do
		tmux -L "ar$$-$lib_n" kill-server 2>/dev/null
		lib_n=$((lib_n + 1))
	done
	rm -rf "$WORK"
}
trap lib_exit EXIT
trap 'exit 1' INT TERM HUP

result() {	# LINE: print a case line and record it
	printf '%s\n' "$1"
	printf '%s\n' "$1" | head -n 1 >>"$RESULTS"
}
missed_list() { tr '\n' ';' <"$MISSED" | sed 's/;$//; s/;/; /g'; }

ok() {
	if [ -s "$MISSED" ]; then
		fail "$1"
		return
	fi
	result "ok $1"
}
fail() {	# NAME [WHY]
	lib_why=${2:-}
	if [ -s "$MISSED" ]; then
		lib_why="$lib_why${lib_why:+; }timed out: $(missed_list)"
		: >"$MISSED"
	fi
	result "not ok $1${lib_why:+: $lib_why}"
	FAILED=$((FAILED + 1))
	if [ -n "${SHOWSCREEN:-}" ] || [ -n "${CI:-}" ]; then
		echo "--- screen:"; screen | sed 's/^/| /'; echo "---"
	fi
}
# skip NAME WHY: a case that cannot run here (as root, without a tool).
skip() { result "ok $1 # SKIP $2"; }
# skip_n N PART WHY: the N cases of a part that cannot run here.
skip_n() {
	lib_k=1
	while [ "$lib_k" -le "$1" ]; do
		skip "$2 (case $lib_k of $1)" "$3"
		lib_k=$((lib_k + 1))
	done
}

# check NAME COMMAND...: ok if the command succeeds.
check() {
	lib_name=$1; shift
	if "$@"; then ok "$lib_name"; else fail "$lib_name"; fi
}

# start [-x COLS] [-y ROWS] COMMAND...: run a command in a fresh pane.
# KEEP=1 start ... leaves the previous session running.
# The pane stays after the command exits, so its output can be read.
start() {
	cols=80 rows=24
	while [ $# -gt 0 ]; do
		case $1 in
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		*) break ;;
		esac
	done
	[ -n "${KEEP:-}" ] || $T kill-server 2>/dev/null
	# A fresh server per start: a killed one may still be shutting down.
	NSTART=$((NSTART + 1))
	T="tmux -L ar$$-$NSTART -f /dev/null"
	# TERM_FOR_TEST: the terminal type the program sees.  tmux sets a
	# pane's TERM itself (its default-terminal) over new-session -e, so
	# the command sets it.
	lib_cmd="$*"
	[ -z "${TERM_FOR_TEST:-}" ] ||
		lib_cmd="TERM=$TERM_FOR_TEST; export TERM; $lib_cmd"
	$T new-session -d -x "$cols" -y "$rows" -e LANG=C.UTF-8 \
		"$lib_cmd; echo EXIT=\$?; sleep 600"
	$T set-option -g remain-on-exit on >/dev/null 2>&1
}

screen() { $T capture-pane -p 2>/dev/null; }
screen_escapes() { $T capture-pane -p -e 2>/dev/null; }
keys() { $T send-keys "$@"; }
literal() { $T send-keys -l "$1"; }
status_line() { screen | sed -n '$p'; }
row() { screen | sed -n "$(( $1 + 1 ))p"; }
on_screen() { screen | grep -qF -- "$1"; }
off_screen() { ! on_screen "$1"; }

# wait_until SECONDS WHAT COMMAND...: run COMMAND every 20 ms until it
# succeeds.  If SECONDS pass first, "WHAT" is recorded as a timed-out
# wait (see the top of this file) and the status is 1.
wait_until() {
	lib_i=0 lib_limit=$(( $1 * 50 )) lib_what=$2
	shift 2
	while [ $lib_i -lt $lib_limit ]; do
		"$@" && return 0
		sleep 0.02
		lib_i=$((lib_i + 1))
	done
	printf '%s\n' "$lib_what" >>"$MISSED"
	return 1
}

# eventually COMMAND...: until COMMAND succeeds, as wait_for does for
# a condition on the screen that a fixed string cannot say (a capture
# taken once races the program's next paint).
eventually() { wait_until 5 "not true in 5 s: $*" "$@"; }

# wait_for TEXT [SECONDS]: until TEXT (a fixed string) is on the screen.
wait_for() { wait_until "${2:-5}" "'$1' not seen in ${2:-5} s" on_screen "$1"; }
# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
	wait_until "${2:-5}" "'$1' still shown after ${2:-5} s" off_screen "$1"
}
# wait_file FILE [SECONDS]: until FILE exists and is not empty.
wait_file() { wait_until "${2:-5}" "$1 still empty after ${2:-5} s" test -s "$1"; }

# wait_status REGEX [SECONDS]: until the status line (the last row)
# matches the extended regular expression REGEX.
wait_status() {
	wait_until "${2:-5}" "no status line matching '$1' in ${2:-5} s" \
		status_matches "$1"
}
status_matches() { status_line | grep -Eq -- "$1"; }

# settle [blank]: until two captures in a row are the same and not
# empty ("blank": an empty screen counts, for a pane too small to show
# anything -- wait for the program to run first).
settle() {
	SETTLE_PREV="" SETTLE_BLANK=${1:-}
	wait_until 3 "the screen did not settle in 3 s" settled
}
settled() {
	lib_cur=$(screen)
	[ -n "$lib_cur$SETTLE_BLANK" ] && [ "$lib_cur" = "$SETTLE_PREV" ] &&
		return 0
	SETTLE_PREV=$lib_cur
	sleep 0.01
	return 1
}

# artread_pid: the artread the current pane runs (for kill), if any.
artread_pid() { pgrep -P "$($T display -p '#{pane_pid}')" artread; }

# finish: the end of a script (the plan is checked at exit).
finish() { exit 0; }
