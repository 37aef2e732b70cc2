# lib.sh: helpers for end-to-end tests that drive the real binary in tmux.
# Each test script sources this, calls start/keys/wait_for/..., and reports
# each case with ok/fail.  Output lines "ok NAME" / "not ok NAME" are
# counted by tests/run.sh.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ARTREAD=${ARTREAD:-$ROOT/artread}
NSTART=0
T="tmux -L ar$$-0 -f /dev/null"
WORK=$(mktemp -d)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state" \
	XDG_DATA_HOME="$WORK/data" HOME="$WORK/home"
unset NO_COLOR
mkdir -p "$HOME"
FAILED=0

cleanup() {
	n=1
	while [ $n -le $NSTART ]; do
		tmux -L "ar$$-$n" kill-server 2>/dev/null
		n=$((n + 1))
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "ok $1"; }
fail() {
	echo "not ok $1${2:+: $2}"
	FAILED=$((FAILED + 1))
	if [ -n "${SHOWSCREEN:-}" ] || [ -n "${CI:-}" ]; then
		echo "--- screen:"; screen | sed 's/^/| /'; echo "---"
	fi
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
	$T new-session -d -x "$cols" -y "$rows" -e LANG=C.UTF-8 \
		-e TERM=${TERM_FOR_TEST:-xterm-256color} "$*; echo EXIT=\$?; sleep 600"
	$T set-option -g remain-on-exit on >/dev/null 2>&1
}

screen() { $T capture-pane -p 2>/dev/null; }
screen_escapes() { $T capture-pane -p -e 2>/dev/null; }
keys() { $T send-keys "$@"; }
literal() { $T send-keys -l "$1"; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT (fixed string) is on it.
wait_for() {
	i=0 limit=$(( ${2:-5} * 50 ))
	while [ $i -lt $limit ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on screen.
wait_gone() {
	i=0 limit=$(( ${2:-5} * 50 ))
	while [ $i -lt $limit ]; do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

# settle: wait until two captures in a row are the same.
settle() {
	prev="" i=0
	while [ $i -lt 100 ]; do
		cur=$(screen)
		[ "$cur" = "$prev" ] && [ -n "$cur" ] && return 0
		prev=$cur
		sleep 0.03
		i=$((i + 1))
	done
}

status_line() { screen | sed -n '$p'; }
row() { screen | sed -n "$(( $1 + 1 ))p"; }

# check NAME COMMAND...: ok if the command succeeds.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else fail "$name"; fi
}

# plan N: how many cases this script runs (checked by tests/run.sh once
# the runner enforces it; declare it in every script).
PLAN=""
plan() { PLAN=$1; }

finish() { exit 0; }
