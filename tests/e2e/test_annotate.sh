#!/bin/sh
# End-to-end: tagging, notes, the sidecar, undo, re-anchoring, two
# instances, and a crash loop of --annotate under SIGKILL.
. "$(dirname "$0")/lib.sh"
plan 56
ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"
# Every session opens at the top: a remembered reading position would
# hide the headline the waits look for.
mkdir -p "$XDG_CONFIG_HOME/artread"
printf '[general]\nremember_position = false\n' \
	>"$XDG_CONFIG_HOME/artread/config.ini"

start "$ARTREAD" "$ART"
wait_for "Liverpool Council Backs"
keys / ; literal "Tonight this city"; keys Enter
wait_for "Tonight this city"
keys s
check "tag: s selects the sentence" wait_for "selected:"
keys 1
check "tag: a digit tags the selection and saves" wait_for "tagged 'claim'; saved to"
check "tag: the sidecar exists" test -s "$SIDE"
check "tag: the sidecar holds the tag" grep -q '"value":"claim"' "$SIDE"
keys a
check "note: a opens the note prompt" wait_for "note:"
literal 'check the "minutes", page 4'
keys Enter
check "note: Enter saves the note" wait_for "note saved"
check "note: the sidecar holds the note" grep -qF 'check the \"minutes\", page 4' "$SIDE"
check "note: a margin mark shows the noted row" eventually sh -c "$T capture-pane -p | grep -q '^\\*'"
keys C-l
check "note: the status line shows the tag and note under the cursor" \
	wait_for '[claim] check the "minutes", page 4'
keys q
wait_for "EXIT=0"

start "$ARTREAD" "$ART"
wait_for "Liverpool Council Backs"
check "reopen: the annotation is counted" wait_for "1 annotation "
keys A
check "reopen: the panel lists tag and note" wait_for 'check the "minutes", page 4'
keys Enter
check "panel: Enter jumps to the passage" wait_for "Tonight this city"
keys x
check "delete: x deletes the annotation under the cursor" wait_for "deleted claim on"
keys C-l
check "delete: the count drops" wait_gone "1 annotation "
keys u
wait_for "undone"; keys C-l
check "undo: u brings it back" wait_for "1 annotation "
keys C-r
wait_for "redone"; keys C-l
check "redo: Ctrl-R deletes it again" wait_gone "1 annotation "
keys u
wait_for "undone"
keys q
wait_for "EXIT=0"
check "undo: the sidecar has the annotation again" grep -q '"value":"claim"' "$SIDE"

# Ctrl-C in the note prompt cancels the note, not the session; a closing
# terminal (SIGHUP) while typing a note saves what was typed.
start "$ARTREAD" "$ART"
wait_for "Liverpool Council Backs"
keys / ; literal "grandmother took"; keys Enter s a
wait_for "note:"
literal "half a thought"
# Ctrl-C is a signal: the terminal flushes input not yet read, so the
# typed note must be on screen before it is sent.
wait_for "half a thought"
keys C-c
check "signals: Ctrl-C in the note editor asks before a typed note goes" \
	wait_for "discard what was typed in the note? (y/n"
keys n
wait_for "half a thought"
keys Escape
wait_for "discard what was typed"
keys y
check "signals: ... y cancels the note" wait_for "note not changed"
check "signals: Ctrl-C in a prompt does not quit" sh -c "! $T capture-pane -p | grep -q EXIT="
keys s a
wait_for "note:"
literal "kept after Esc"
keys Escape
wait_for "discard what was typed"
keys n
keys Enter
check "signals: n goes on editing, and Enter saves the note" \
	wait_for "note saved"
keys Escape v l
wait_for "SELECT"
keys C-c
check "signals: Ctrl-C in select mode ends the selection, not the pager" \
	wait_for "selection cancelled"
keys s a
wait_for "note:"
literal "typed before the terminal closed"
# A signal may flush input the pager has not read yet: wait for the text.
wait_for "typed before the terminal closed"
pid=$(artread_pid)
kill -HUP "$pid"
check "signals: SIGHUP while typing a note quits" wait_for "EXIT="
check "signals: ... and the note was saved" grep -q "typed before the terminal closed" "$SIDE"

# The article changes: the annotation follows its text.
{ printf 'Editor'"'"'s note: this story was updated.\n\n'; cat "$ART"; } >"$ART.new"
mv "$ART.new" "$ART"
start "$ARTREAD" "$ART"
check "re-anchor: a message says they moved" wait_for "0 changed, 0 orphaned"
"$ARTREAD" --export csv "$ART" >"$WORK/out.csv"
check "re-anchor: exported passage is still the sentence" \
	grep -q 'Tonight this city decided' "$WORK/out.csv"
check "re-anchor: none orphaned" sh -c "! grep -q ',true' '$WORK/out.csv'"
keys q
check "re-anchor: q saves the new places and quits" wait_for "EXIT=0"

# A corrupt sidecar is never overwritten.
cp "$SIDE" "$WORK/good.jsonl"
printf '{"broken": \n' >>"$SIDE"
cp "$SIDE" "$WORK/corrupt.jsonl"
start "$ARTREAD" "$ART"
check "corrupt: says which line is wrong" wait_for "annotations.jsonl:"
keys / ; literal "grandmother"; keys Enter s 2
check "corrupt: tagging is refused" wait_for "read-only"
keys Escape q	# the refused tag leaves the selection as it was
wait_for "EXIT=2"	# read-only: said on stderr, status 2
check "corrupt: the file is untouched" cmp -s "$SIDE" "$WORK/corrupt.jsonl"
# In a narrow window the middle of the path gives way to the rest.
DEEP="$WORK/newsroom-archive-of-the-week/drafts"
mkdir -p "$DEEP"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$DEEP/story.txt"
printf '{"broken": \n' >"$DEEP/story.txt.annotations.jsonl"
start -x 60 "$ARTREAD" "$DEEP/story.txt"
# (What it means comes first, "read-only", and = shows the reason whole.)
check "corrupt: a long message keeps the file, not the directories" \
	wait_status '^ read-only, = says why: /[^/ ]+/\.\.\./story\.txt\.annotations'
keys q
wait_for "EXIT=2"
"$ARTREAD" --export csv "$ART" >"$WORK/salvaged.csv" 2>"$WORK/err"
check "corrupt: export gives the annotations that could be read" \
	sh -c "[ $? -eq 2 ] && grep -q claim '$WORK/salvaged.csv' && grep -q 'annotations.jsonl:' '$WORK/err'"
start "$ARTREAD" "$ART"
wait_for "Liverpool Council Backs"
keys A
check "corrupt: the panel still lists the readable annotations" wait_for "claim"
keys q q
"$ARTREAD" --annotate 0:5:x "$ART" >/dev/null 2>"$WORK/err"
check "corrupt: --annotate is refused, saying nothing was added" \
	sh -c "[ $? -eq 2 ] && grep -q 'nothing was added, the sidecar is left as it is' '$WORK/err'"
check "corrupt: the refused --annotate left the file untouched" \
	cmp -s "$SIDE" "$WORK/corrupt.jsonl"
cp "$WORK/good.jsonl" "$SIDE"

# Two instances on the same article: both annotations are kept.
start "$ARTREAD" "$ART"
T1=$T
check "two: the first instance opens" wait_for "Liverpool Council Backs"
KEEP=1 start "$ARTREAD" "$ART"
T2=$T
check "two: the second instance opens" wait_for "Liverpool Council Backs"
T=$T1; keys / ; literal "grandmother took"; keys Enter s 3
check "two: first instance saves" wait_for "tagged 'source'"
T=$T2; keys / ; literal "The vote, 52 to 41"; keys Enter s 4
check "two: second instance saves" wait_for "tagged 'opinion'"
T=$T1; keys q; T=$T2; keys q
check "two: the second instance quits" wait_for "EXIT=0"
T=$T1
check "two: the first instance quits" wait_for "EXIT=0"
check "two: both annotations are in the sidecar" \
	sh -c "grep -q '\"source\"' '$SIDE' && grep -q '\"opinion\"' '$SIDE' && grep -q '\"claim\"' '$SIDE'"
$T1 kill-server 2>/dev/null

# A save that fails (another process holds the lock) is retried on q;
# if it still fails, q warns and only a second q quits.
if command -v flock >/dev/null 2>&1; then
	LOCKED="$WORK/locked.txt"
	cp "$ROOT/sample-articles/02-lantern-rooms-closure.txt" "$LOCKED"
	flock "$WORK/.locked.txt.annotations.jsonl.lock" sleep 30 &
	lockpid=$!
	eventually sh -c "! flock -n '$WORK/.locked.txt.annotations.jsonl.lock' true" ||
	    fail "setup: the lock was not taken"
	start "$ARTREAD" --no-remember "$LOCKED"
	wait_for "Lantern Rooms"
	keys s 1
	check "unsaved: a failed save says so" wait_for "NOT SAVED" 10
	keys q
	check "unsaved: q retries, fails, and warns" wait_for "q again quits anyway" 10
	check "unsaved: ... and does not quit" sh -c "! $T capture-pane -p | grep -q EXIT="
	pkill -P "$lockpid" 2>/dev/null	# the sleep holds the lock too
	kill "$lockpid" 2>/dev/null
	wait "$lockpid" 2>/dev/null
	keys q
	check "unsaved: the next q saves and quits" wait_for "EXIT=0" 10
	check "unsaved: the annotation reached the sidecar" \
		grep -q '"claim"' "$LOCKED.annotations.jsonl"
else
	skip_n 6 "unsaved" "no flock command"
fi

# Scripted annotation, and a crash loop: SIGKILL at random moments.
ID=$("$ARTREAD" --annotate-text "The result caps a bruising campaign." --tag claim --note "scripted" "$ART")
check "script: --annotate-text prints the new id" sh -c "echo '$ID' | grep -qE '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\$'"
check "script: ambiguous text is refused" \
	sh -c "! '$ARTREAD' --annotate-text 'the' --tag x '$ART' 2>&1 | grep -q . || ! '$ARTREAD' --annotate-text 'the' --tag x '$ART' 2>/dev/null"
"$ARTREAD" --annotate-text "no such sentence anywhere" --tag x "$ART" 2>"$WORK/err"
check "script: missing text fails with a message" grep -q "not found" "$WORK/err"

done_ids="$WORK/done"
: >"$done_ids"
i=0
while [ $i -lt 60 ]; do
	s=$((i * 7 % 3000)); e=$((s + 5))
	( "$ARTREAD" --annotate "$s:$e:crash" "$ART" >>"$done_ids" 2>/dev/null ) &
	pid=$!
	# Kill some of them at once, some a moment later, some never.
	case $((i % 3)) in
	0) kill -9 $pid 2>/dev/null ;;
	1) sleep 0.003; kill -9 $pid 2>/dev/null ;;
	esac
	wait $pid 2>/dev/null
	i=$((i + 1))
done
check "crash: the sidecar still parses" "$ARTREAD" --export json "$ART" -o "$WORK/after.json"
missing=0
for id in $(cat "$done_ids"); do
	grep -q "$id" "$SIDE" || missing=$((missing + 1))
done
check "crash: every completed --annotate is in the sidecar ($(wc -l <"$done_ids") done)" [ "$missing" -eq 0 ]
check "crash: no temporary files left" sh -c "! ls -a '$WORK' | grep '^\\.story.txt.annotations.jsonl\\.' | grep -qv '\\.lock\$'"
# v then G selects to the end of the text, as vim's vG does (the cursor
# went to the top of the last screen, as G puts it when reading, and the
# selection ended there), and the end stays in sight under the palette.
VG="$WORK/vg.txt"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$VG"
start "$ARTREAD" "$VG"
wait_for "Liverpool Council Backs"
keys v G
check "select: v G shows the end of the text, above the palette" \
	wait_for "See you at the inquiry"
keys 1
wait_for "tagged 'claim'"
check "select: v G 1 tags from the start to the end of the text" \
	[ "$("$ARTREAD" --list-annotations "$VG" | cut -f1-3)" = \
	    "$(printf '0\t%s\texact' $(($(wc -c <"$VG") - 1)))" ]
keys q
finish
