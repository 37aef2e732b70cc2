#!/bin/sh
# End-to-end: nested annotations (the one you see is the one you get, c
# goes through the others), undo and redo that say what they changed and
# go there, the A panel's - and r, and the small things that lost trust:
# counts in the right number, "saved in" only once saved, a hidden lock.
. "$(dirname "$0")/lib.sh"
plan 29
ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"

# need TEXT: a step the following cases rely on; a timeout fails.
need() { wait_for "$1" || fail "setup: '$1' did not appear"; }
# The tags of the annotation whose exact text starts with $1 (jq).
tags_of() {
	jq -r --arg s "$1" 'select(.target.selector[1].exact // "" | startswith($s))
	    | [.body[] | select(.purpose == "tagging") | .value] | join(",")' "$SIDE"
}
field_of() {	# field_of TEXT FIELD
	jq -r --arg s "$1" 'select(.target.selector[1].exact // "" | startswith($s))
	    | .'"$2" "$SIDE"
}

# "saved in X" only once X exists (wide enough for it to fit).  Plain
# prose, so that the status line has no quote or name to describe.
printf 'the first paragraph is plain.\n\nso is the second one, and the last.\n' \
	>"$WORK/fresh.txt"
start -x 132 "$ARTREAD" --no-remember "$WORK/fresh.txt"
need "the first paragraph is plain."
keys C-l
settle
check "saved-in: nothing is said to be saved before the sidecar exists" \
	sh -c "! $T capture-pane -p | tail -n 1 | grep -q 'saved in'"
keys s 1
need "tagged 'claim'"
keys "}"	# the cursor off the annotation: the status line says where
check "saved-in: ... and where, once it exists" \
	wait_for "saved in fresh.txt.annotations.jsonl"
keys q
need "EXIT=0"

start "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
# A paragraph tagged claim, a sentence inside it tagged evidence.
keys / ; literal "Tonight this city"; keys Enter
need "Tonight this city"
keys p 1
need "tagged 'claim'"
keys / ; literal "My grandmother took"; keys Enter
keys s 2
need "tagged 'evidence'"
keys C-l
check "nested: the status line names the inner annotation, and that others enclose it" \
	wait_for "[evidence] (1 of 2 here, c: next)"
keys c
check "nested: c goes to the enclosing one" wait_for "[claim] (2 of 2 here, c: next)"
keys c
check "nested: ... and round again" wait_for "[evidence] (1 of 2 here, c: next)"

# x deletes the one under the cursor (the inner one) and says what it was.
keys x
check "x: says what it deleted and that u undoes" \
	wait_for "deleted evidence on “My grandmother took"
check "x: the inner annotation went, the paragraph's stayed" \
	sh -c "[ -z \"\$(jq -r 'select(.body) | .body[].value' '$SIDE' | grep evidence)\" ] &&
	    jq -r 'select(.body) | .body[].value' '$SIDE' | grep -q claim"
check "x: ... u undoes" wait_for "u undoes"

# Undo from elsewhere: it goes back to the passage, shows it, says what.
keys G
need "See you at the inquiry."
keys u
check "undo: says what it undid, and how to redo" \
	wait_for "undone: deletion of tag evidence on “My grandmother took"
check "undo: ... Ctrl-R redoes" wait_for "Ctrl-R redoes"
check "undo: the passage it changed is on screen again" wait_for "grandmother took"
flashed=$(screen_escapes | grep 'grandmother took')
keys C-l
settle
after=$(screen_escapes | grep 'grandmother took')
check "undo: the passage is shown in a flash until the next key" \
	[ -n "$flashed" ] && [ "$flashed" != "$after" ]
check "undo: the cursor is on it" wait_for "[evidence] (1 of 2 here"
keys G
need "See you at the inquiry."
keys C-r
check "redo: says what it did again, and how to undo" \
	wait_for "redone: deletion of tag evidence on “My grandmother took"
check "redo: the passage is on screen" wait_for "grandmother took"
keys u
need "undone:"

# ] and [ go through nested annotations too.
keys / ; literal "By Maren Holt"; keys Enter
need "By Maren Holt"
keys ]
check "]: to the paragraph's annotation" wait_for "[claim]"
keys ]
check "]: ... then to the sentence inside it" wait_for "[evidence] (1 of 2 here"
keys [
check "[: back to the paragraph's" wait_for "[claim]"
keys ]

# The A panel opens on the annotation under the cursor.
keys A
check "panel: opens on the annotation under the cursor (the inner one)" \
	wait_for " 2/2 "
keys q
need "Tonight this city"

# - takes one of several tags off, asking which; id and note stay.
keys t; need "tag"; literal "source"; keys Enter
need "tagged 'source'"
keys a; need "note:"; literal "the ferry line"; keys Enter
need "note saved"
id=$(field_of "“My grandmother" id)
created=$(field_of "“My grandmother" created)
keys A
need " 2/2 "
keys -
check "panel -: asks which tag when there are several" wait_for "remove which tag"
literal "ev"; keys Tab Enter
check "panel -: says which tag went" wait_for "removed tag 'evidence'"
check "panel -: the other tag, the note and the id stay" \
	sh -c "[ \"\$(jq -r --arg id '$id' 'select(.id == \$id) | [.body[].value] | join(\"|\")' '$SIDE')\" = 'source|the ferry line' ]"
keys q

# r moves the chosen annotation to the selection made before the panel.
keys / ; literal "The vote, 52 to 41"; keys Enter
need "The vote, 52 to 41"
keys s
need "selected"
keys A
need "Annotations"
keys j
keys r
check "panel r: says what it re-targeted" wait_for "re-targeted source on “The vote, 52 to 41"
check "panel r: same id, creation time and note; new text" \
	sh -c "[ \"\$(jq -r --arg id '$id' 'select(.id == \$id) | [.created, .body[-1].value, (.target.selector[1].exact | .[0:18])] | join(\"|\")' '$SIDE')\" = '$created|the ferry line|The vote, 52 to 41' ]"
check "panel r: the modification is recorded" \
	sh -c "[ \"\$(jq -r --arg id '$id' 'select(.id == \$id) | .modified > .created' '$SIDE')\" = true ]"
keys q
keys u
check "panel r: u takes the move back" wait_for "undone: re-targeting of source"
keys q
need "EXIT=0"
check "lock: the lock beside the article is a hidden dot-file" \
	sh -c "[ -e '$WORK/.story.txt.annotations.jsonl.lock' ] && [ ! -e '$SIDE.lock' ]"

# Counts agree in number.
printf 'One Quote Only\n\n"We will rebuild the pier," said Ana Lopes on Monday.\n' \
	>"$WORK/one.txt"
start -x 120 "$ARTREAD" --no-remember "$WORK/one.txt"
need "One Quote Only"
check "counts: \"1 quote\", not \"1 quotes\"" \
	eventually sh -c "$T capture-pane -p | tail -n 1 | grep -q ' 1 quote '"
keys q
need "EXIT=0"

# "a, b" at the tag prompt is two tags, as --tag a,b is: a tag never
# holds the comma that separates TAGS in the listings.
start "$ARTREAD" --no-remember "$WORK/fresh.txt"
need "the first paragraph is plain."
keys / ; literal "so is the second"; keys Enter
need "so is the second"
keys s t; need "tag"; literal "alpha, beta"; keys Enter
need "tagged 'alpha', 'beta'"
keys q
need "EXIT=0"
check "tag prompt: 'alpha, beta' is two tags on one annotation" \
	sh -c "'$ARTREAD' --list-annotations '$WORK/fresh.txt' | grep -q '	alpha,beta	so is the second'"
finish
