#!/bin/sh
# End-to-end: key sequences (ZZ quits, as in less and vim).  A key that
# starts one waits for the next; any other key cancels it and says so.
. "$(dirname "$0")/lib.sh"
plan 14
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"

check "sequences: --help lists ZZ with q" \
	sh -c "'$ARTREAD' --help | grep -Eq '^  q ZZ +quit +quit$'"

start "$ARTREAD" --no-remember "$ART"
wait_for "$HEAD"
keys Z
check "sequences: Z waits, shown on the status line" wait_status '^ Z  '
keys q
check "sequences: Z then q cancels, not quits" \
	wait_status '^ Zq: not a command \(h for help\)'
check "sequences: ... and the pager still runs" wait_for "$HEAD"
keys Z x
check "sequences: Z then x cancels (x deletes nothing)" \
	wait_status '^ Zx: not a command'
keys Z Escape
check "sequences: Z then Esc cancels quietly" \
	wait_status '^ 01-harbour-bridge-vote.txt .* 1/[0-9]+ '
keys Z j
check "sequences: Z then j cancels and does not scroll" \
	wait_status '^ Zj: not a command .* 1/[0-9]+ '
keys j
check "sequences: the next j scrolls again" wait_status ' 2/[0-9]+ '
# Esc alone is no error: it drops a count, quietly.
keys 5
wait_status '^ 5  '
keys Escape
check "sequences: Esc alone drops a count without a message" \
	wait_status '^ 01-harbour-bridge-vote.txt .* 2/[0-9]+ '
keys j
check "sequences: ... so the next j scrolls one row" wait_status ' 3/[0-9]+ '

# The help screen lists it.
keys h
wait_for "artread keys"
keys / ; literal "quit"; keys Enter
check "sequences: the help screen lists q ZZ" wait_for "q ZZ"
keys q
wait_gone "artread keys"

# While selecting, Z is no key (quitting is no selection key).
keys v Z
check "sequences: Z while selecting is not a selection key" \
	wait_status '^ Z: not a selection key'
keys Escape
wait_status '^ selection cancelled'
keys Z Z
check "sequences: ZZ quits" wait_for "EXIT=0"

# A user's key that a default sequence starts takes it: Z opens help.
mkdir -p "$XDG_CONFIG_HOME/artread"
printf '[keys]\nhelp = Z\n' >"$XDG_CONFIG_HOME/artread/config.ini"
start "$ARTREAD" --no-remember "$ART"
wait_for "$HEAD"
keys Z
check "sequences: [keys] help = Z takes Z from ZZ" wait_for "artread keys"
finish
