#!/bin/sh
# End-to-end: notes of several lines (Enter saves, Alt-Enter starts a
# line), the note view (i: every note on the passage, wrapped, scrolled),
# and a note of 300 KB under the cursor that must not stall the screen.
. "$(dirname "$0")/lib.sh"
plan 16
ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"

need() { wait_for "$1" || fail "setup: '$1' did not appear"; }
# The notes in the sidecar, one JSON string a line, in article order.
notes() { jq -c 'select(.body) | [.body[] | select(.purpose == "commenting") | .value][0]' "$SIDE"; }

start -x 100 "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
keys / ; literal "Tonight this city"; keys Enter
keys p 1
need "tagged 'claim'"
keys a
check "editor: a opens the note editor, which says how it works" \
	wait_for "Enter saves, Alt-Enter new line, Esc cancels"
literal "First line."
keys M-Enter
literal "Second line, long enough to wrap: the council met until two in the morning and the vote went fifty-two to forty-one."
check "editor: Alt-Enter starts a new line; a long line wraps" \
	eventually sh -c "$T capture-pane -p | grep -q '^ First line.\$' &&
	    $T capture-pane -p | grep -q '^ Second line, long enough' &&
	    $T capture-pane -p | grep -q '^ fifty-two to forty-one.'"
keys Enter
check "editor: Enter saves" wait_for "note saved"
check "editor: the note keeps its line break" \
	[ "$(notes)" = '"First line.\nSecond line, long enough to wrap: the council met until two in the morning and the vote went fifty-two to forty-one."' ]
keys a
need "Alt-Enter new line"
check "editor: editing again shows the note's lines" \
	eventually sh -c "$T capture-pane -p | grep -q '^ First line.\$'"
keys Up Home
literal "New "
keys Escape
check "editor: Esc asks before what was typed goes" \
	wait_for "discard what was typed in the note? (y/n"
keys y
check "editor: y leaves it as it was" wait_for "note not changed"
has_note() { notes | grep -q "$1"; }
check "editor: ... on disk too" has_note '^"First line'


# A sentence inside the paragraph, with its own note: i shows both.
keys / ; literal "My grandmother took"; keys Enter
keys s 2 a
need "Alt-Enter new line"
literal "The ferry ran until 1998."
keys Enter
need "note saved"
keys i
check "view: i shows the note under the cursor in full" \
	wait_for "The ferry ran until 1998."
check "view: ... and every other note on the passage" \
	eventually sh -c "$T capture-pane -p | grep -q 'First line.' &&
	    $T capture-pane -p | grep -q 'fifty-two to forty-one.'"
check "view: ... saying which is which" \
	eventually sh -c "$T capture-pane -p | grep -q '(1 of 2 here)' &&
	    $T capture-pane -p | grep -q '(2 of 2 here)'"
keys a
need "Alt-Enter new line"
keys End; literal " Check."; keys Enter
check "view: a there edits the first note" \
	wait_until 5 "the note was not saved" \
	has_note 'The ferry ran until 1998. Check.'

keys q
need "EXIT=0"

# A 300 KB note under the cursor.
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "note%05d  ", i; printf "END-OF-LONG-NOTE" }' >"$WORK/long.txt"
jq -c --rawfile n "$WORK/long.txt" \
	'if .body then .body = [.body[] | if .purpose == "commenting" then .value = $n else . end] else . end' \
	"$SIDE" >"$SIDE.new" && mv "$SIDE.new" "$SIDE"
start -x 160 "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
keys / ; literal "My grandmother took"; keys Enter
check "long note: the status line shows its start at once" \
	wait_for "[evidence] (1 of 2 here, c: next) note00000  note00001"
row=$(status_line | sed -n 's|.* \([0-9]*\)/[0-9]* [0-9]*%.*|\1|p')
keys j j j k
check "long note: the screen keeps up with keys" wait_for " $((${row:-0} + 2))/"
keys i
need "Notes here"
keys G
check "long note: the view reaches its end" wait_for "END-OF-LONG-NOTE"
keys q q
check "long note: q quits at once" wait_for "EXIT=0"
finish
