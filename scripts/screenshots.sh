#!/bin/sh
# screenshots.sh: the README's pictures, made from the real program so they
# never drift from what it shows (`make screenshots`, for developers; not
# part of `make check`).  Each picture is a tmux pane running ./artread,
# captured with its colours (capture-pane -e) and drawn as a PNG by
# scripts/ansi2png.py (Pillow and DejaVu Sans Mono: Debian's python3-pil
# and fonts-dejavu-core, which install-deps.sh screenshots installs when
# they are missing).
#
#   docs/screenshots/pager.png        a sample article: highlights, tagged
#                                     passages, the status line
#   docs/screenshots/annotations.png  the A panel
#   docs/screenshots/stats.png        artread --stats
set -eu
cd "$(dirname "$0")/.."
R=$(pwd)
OUT=docs/screenshots
ARTREAD=${ARTREAD:-$R/artread}
[ -x "$ARTREAD" ] || make -s
sh scripts/install-deps.sh screenshots
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3	# Debian's, with python3-pil

WORK=$(mktemp -d)
N=0
T="tmux -L artread-shots-$$-$N -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM
export XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state" \
	XDG_DATA_HOME="$WORK/data" LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR

# wait_for TEXT: until TEXT is on the screen (10 s at most, else fail).
wait_for() {
	i=0
	while ! $T capture-pane -p | grep -qF -- "$1"; do
		i=$((i + 1))
		if [ $i -gt 500 ]; then
			echo "screenshots: '$1' never showed" >&2
			$T capture-pane -p >&2
			exit 1
		fi
		sleep 0.02
	done
}

# settle: until two captures in a row are the same.
settle() {
	prev="" cur=$($T capture-pane -p -e)
	while [ "$cur" != "$prev" ]; do
		sleep 0.1
		prev=$cur
		cur=$($T capture-pane -p -e)
	done
}

# shoot NAME TITLE: the pane as OUT/NAME.png.
shoot() {
	settle
	$T capture-pane -p -e >"$WORK/$1.ans"
	$PY scripts/ansi2png.py --cols "$COLS" --rows "$ROWS" --title "$2" \
	    "$WORK/$1.ans" "$OUT/$1.png"
	echo "screenshots: $OUT/$1.png"
}

# run COLS ROWS COMMAND: a fresh pane of that size (on a fresh server: a
# killed one may still be shutting down).
run() {
	COLS=$1 ROWS=$2
	shift 2
	$T kill-server 2>/dev/null || true
	N=$((N + 1))
	T="tmux -L artread-shots-$$-$N -f /dev/null"
	$T new-session -d -x "$COLS" -y "$ROWS" -e LANG=C.UTF-8 \
	    -e TERM=xterm-256color "$*; sleep 600"
}

mkdir -p "$OUT"
ART="$WORK/harbour-bridge-vote.txt"
cp sample-articles/01-harbour-bridge-vote.txt "$ART"
"$ARTREAD" --annotate-text "put the likely overrun at 18%" --tag claim \
	--note "Check against the MCA's own figures" "$ART" >/dev/null
"$ARTREAD" --annotate-text "52 to 41 with three abstentions" \
	--tag evidence --note "Council minutes, p. 3" "$ART" >/dev/null
"$ARTREAD" --annotate-text "first reported by The Mersey Clarion" \
	--tag source "$ART" >/dev/null
"$ARTREAD" --annotate-text "A guarantee that expires the moment the cameras leave isn’t a guarantee" \
	--tag opinion --tag quote "$ART" >/dev/null

# The pager: the cursor on Adaeze Okafor's quote, so the status line
# says whose it is.
run 100 30 "cd '$WORK' && '$ARTREAD' --theme dark harbour-bridge-vote.txt"
wait_for "Liverpool Council Backs"
$T send-keys J J
wait_for "quote by Adaeze Okafor"
shoot pager "artread harbour-bridge-vote.txt"

$T send-keys A
wait_for "Annotations"
shoot annotations "artread harbour-bridge-vote.txt  (A: the annotations)"

run 100 44 "cd '$WORK' && '$ARTREAD' --theme dark --stats harbour-bridge-vote.txt"
wait_for "Words in direct quotes"
shoot stats "artread --stats harbour-bridge-vote.txt"
