#!/bin/sh
# End-to-end: bracketed paste.  A paste into a prompt is text, whole (its
# line breaks lines of a note, spaces in a one-line prompt); a paste
# outside a prompt runs no command.  tmux's paste-buffer -p brackets the
# paste only when the program asked for it, as a terminal does.
. "$(dirname "$0")/lib.sh"
plan 15
ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"

need() { wait_for "$1" || fail "setup: '$1' did not appear"; }
# paste TEXT: as a terminal pastes it (line breaks as CR, bracketed if
# the program turned bracketed paste on).
paste() { printf '%s' "$1" | $T load-buffer - && $T paste-buffer -p; }
# The first note in the sidecar, as JSON.
note() { jq -c 'select(.body) | [.body[] | select(.purpose == "commenting") | .value][0]' "$SIDE" 2>/dev/null | head -n 1; }

start -x 100 "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
keys '}' s a
need "Alt-Enter new line"
paste "line one
line two with u and T"
check "note: the pasted text stays in the editor, both lines" \
	eventually sh -c "$T capture-pane -p | grep -q '^ line one\$' &&
	    $T capture-pane -p | grep -q '^ line two with u and T\$'"
keys Enter
check "note: Enter saves the pasted note" \
	wait_status "note saved"
check "note: ... the sidecar has it whole" \
	[ "$(note)" = '"line one\nline two with u and T"' ]

paste "uuuu x T"
check "reading: a paste outside a prompt says it was ignored" \
	wait_status "paste ignored"
check "reading: ... and runs no command (the note stays)" \
	[ "$(note)" = '"line one\nline two with u and T"' ]

keys g '}' '}' s t
need "tag (digit or name"
paste "pasted
tag"
keys Enter
check "tag prompt: line breaks of a paste become spaces" \
	wait_until 5 "the tag 'pasted tag'" sh -c "jq -c 'select(.body) | [.body[] | select(.purpose == \"tagging\") | .value]' '$SIDE' 2>/dev/null | grep -q '\"pasted tag\"'"

# A paste whose text holds the end marker ESC [201~ (a terminal that
# does not take it out) seemed to end there: the rest ran as commands
# (G went to the end, q quit).  Now it is all the paste's.
# status_has REGEX: the status line matches; not_at_end: G did not run.
status_has() { status_line | grep -q -- "$1"; }
not_at_end() { sleep 0.5; ! status_has ' end$'; }
keys g
paste "$(printf 'abc\033[201~G')"
check "reading: a paste holding ESC[201~ is ignored whole (its G runs not)" \
	sh -c "sleep 0.5; $T capture-pane -p | tail -n 1 | grep -q 'paste ignored'"
check "reading: ... and what came after the marker ran no command" not_at_end
keys /
need "/"
paste "$(printf 'Pettifer \033[201~said\rq')"
check "search prompt: the rest after ESC[201~ is text, its line break a space" \
	wait_until 5 "the prompt '/Pettifer said q'" status_has '^/Pettifer said q'
keys Escape
# Past 1 MiB a paste is cut: said, and what is left out runs no command.
keys '}' s a
need "Alt-Enter new line"
head -c 1100000 /dev/zero | tr '\0' 'G' | $T load-buffer - && $T paste-buffer -p
check "note: a paste past 1 MiB is cut, and said" \
	wait_until 30 "'paste cut at 1048576 bytes'" status_has \
	'paste cut at 1048576 bytes (the rest left out); note: Enter saves'
keys Escape
need "discard what was typed"
keys y
check "note: ... and what was left out ran no command (still at the top)" \
	not_at_end
keys Escape
need "selection cancelled"

keys q
need "EXIT=0"
paste "after the pager"	# echoed by the terminal, bracketed if still on
check "quit: bracketed paste is turned off again" \
	eventually sh -c "$T capture-pane -p | grep -q 'after the pager' &&
	    ! $T capture-pane -p | grep -q '200~'"

# A terminal's extra keys are numbered from curses' KEY_MAX up: on
# TERM=linux Shift-Tab has the code the paste once took, and started a
# "paste" that ate the keys after it.
TERM_FOR_TEST=linux start "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
keys BTab / ; literal "argument,"; keys Enter
check "keys: Shift-Tab on TERM=linux is a key: the search after it runs" \
	wait_for "See you at the inquiry"
check "keys: ... and no paste was taken (none ignored after its wait)" \
	sh -c "sleep 1.2; ! $T capture-pane -p | grep -q 'paste ignored'"
keys q

# Ctrl-Z: off while artread is stopped (the terminal echoes a paste,
# bracketed if still on).  set -m: a shell with job control, so that
# artread's process group may stop (and stays stopped while it sleeps).
start sh -c "'set -m; $ARTREAD --no-remember $ART; sleep 600'"
need "Liverpool Council Backs"
pid=$(pgrep -P "$(pgrep -P "$($T display -p '#{pane_pid}')" sh)" artread)
keys C-z
wait_until 5 "artread stopped on Ctrl-Z" sh -c "ps -o stat= -p $pid | grep -q '^T'"
paste "while stopped"
check "suspend: bracketed paste is off while artread is stopped" \
	eventually sh -c "$T capture-pane -p | grep -q 'while stopped' &&
	    ! $T capture-pane -p | grep -q '200~'"
finish
