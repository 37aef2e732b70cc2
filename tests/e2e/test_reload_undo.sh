#!/bin/sh
# End-to-end: R (re-read the file) keeps the undo history, as :e, :n and
# :p do, its annotations re-anchored on the text read again.
. "$(dirname "$0")/lib.sh"
plan 5
ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"

need() { wait_for "$1" || fail "setup: '$1' did not appear"; }
# The annotations in the sidecar: "START END NOTE", one a line.
annots() { jq -r 'select(.body) | "\(.target.selector[] | select(.type == "TextPositionSelector") | "\(.start) \(.end)") \([.body[] | select(.purpose == "commenting") | .value][0])"' "$SIDE" 2>/dev/null; }

start -x 100 "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
keys '}' '}' s 2 a
need "Alt-Enter new line"
literal "kept across R"
keys Enter
need "note saved"
before=$(annots)
keys x
need "deleted"
keys R
need "re-read"
keys u
check "same text: u after R brings back the annotation deleted before it" \
	wait_status "undone"
same_as_before() { [ "$(annots)" = "$before" ]; }
check "same text: ... in the sidecar, where it was, with its note" \
	eventually same_as_before

# The article edited on disk: the history follows the text.
keys x
need "deleted"
{ printf 'A new first line.\n\n'; cat "$ROOT/sample-articles/01-harbour-bridge-vote.txt"; } >"$ART"
keys R
need "re-read"
keys u
check "edited text: u after R brings the annotation back" wait_status "undone"
start_was=${before%% *}
check "edited text: ... re-anchored on the new text (19 bytes on)" \
	eventually sh -c "[ \"\$(jq -r 'select(.body) | .target.selector[] | select(.type == \"TextPositionSelector\") | .start' '$SIDE')\" = $((start_was + 19)) ]"
keys u
check "edited text: u again takes back the note, as before R" \
	wait_status "undone"
finish
