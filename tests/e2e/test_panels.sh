#!/bin/sh
# End-to-end: panels lay out their columns by the window's width: at 40
# columns the annotations panel still shows notes and help lines wrap
# instead of being cut; at 200 the passage column uses the room; a
# resize while a panel is open lays it out again.
. "$(dirname "$0")/lib.sh"
plan 10
ART="$WORK/story.txt"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"
"$ARTREAD" --annotate-text "“Tonight this city decided it’s done waiting,” said Council Leader Adaeze Okafor, who had staked her leadership on the project." \
	--tag claim --note "check the minutes" "$ART" >/dev/null

need() { wait_for "$1" || fail "setup: '$1' did not appear"; }

start -x 40 "$ARTREAD" --no-remember "$ART"
need "Liverpool"
keys A
need "Annotations"
check "40 columns: the annotations panel shows the note" \
	wait_for "check the minutes"
keys q E
need "Entities"
check "40 columns: a line cut at the edge ends in ..." \
	wait_for "Rhys Pettifer  (also ..."
keys q v
check "40 columns: the palette row that cannot show every tag ends in ..." \
	wait_for "3 source  ..."
keys Escape h
need "artread keys"
keys /; literal "paragraph"; keys Enter
check "40 columns: help lines wrap instead of being cut" \
	wait_for "to the previous paragraph"
keys q q
need "EXIT="

start -x 200 "$ARTREAD" --no-remember "$ART"
need "Liverpool"
keys A
need "Annotations"
check "200 columns: the passage column uses the room" \
	eventually sh -c "$T capture-pane -p | grep '^ exact  *claim' | grep -q 'waiting,” said Council Leader Adaeze'"
check "200 columns: ... and the note follows it" \
	eventually sh -c "$T capture-pane -p | grep '^ exact  *claim' | grep -q 'Adaeze.*check the minutes'"
$T resize-window -x 40
check "resize: the panel is laid out again for 40 columns" \
	eventually sh -c "$T capture-pane -p | grep 'claim' | grep -q 'check the minutes'"
keys q
$T resize-window -x 200
keys Q
need "Quotes"
check "200 columns: the quotes panel shows long quotes whole" \
	eventually sh -c "$T capture-pane -p | grep -q '^  *Adaeze Okafor  *“My grandmother took the ferry to work for forty years. My daughter shouldn’t have to.”'"
keys q q
need "EXIT="

# A control byte in a passage shows in its visible form in the panels,
# as in the text and the listings (^[, not a blank).
ESC="$WORK/esc.txt"
printf 'Harbour Clerk Speaks\n\n\342\200\234Esc \033[31m inside, the ledger was wrong,\342\200\235 said Maren Holt, the harbour clerk.\n' >"$ESC"
"$ARTREAD" --annotate 22:67:claim:escaped "$ESC" >/dev/null || fail "setup: --annotate"
start -x 120 "$ARTREAD" --no-remember "$ESC"
need "Harbour Clerk"
keys Q
need "Quotes"
check "quotes panel: ESC shows as ^[" wait_for "Esc ^[[31m inside"
keys q A
need "Annotations"
check "annotations panel: ESC shows as ^[" wait_for "Esc ^[[31m inside"
keys q q
need "EXIT="
finish
