#!/bin/sh
# End-to-end: a damaged sidecar.  Its reason is readable whole in the
# pager (=), said on stderr at exit (status 2), and a line cut short is
# said to be, with the line it is on.
. "$(dirname "$0")/lib.sh"
plan 5
D="$WORK/a-directory-with-a-rather-long-name/and-another-one-below-it"
mkdir -p "$D"
ART="$D/story.txt"
SIDE="$ART.annotations.jsonl"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"
"$ARTREAD" --annotate-text "the longest night" --tag claim "$ART" >/dev/null
"$ARTREAD" --annotate-text "Tonight this city" --tag source "$ART" >/dev/null
"$ARTREAD" --annotate-text "clears the way" --tag claim "$ART" >/dev/null
# Line 3 of 4 cut short, as a crash in the middle of a write leaves it.
awk 'NR == 3 { print substr($0, 1, 60); next } { print }' "$SIDE" >"$WORK/s" &&
	mv "$WORK/s" "$SIDE"

"$ARTREAD" --list-annotations "$ART" >/dev/null 2>"$WORK/err"
check "message: a line cut short is said to end too soon, on its line" \
	sh -c "grep -q 'annotations.jsonl:3: bad JSON' '$WORK/err' &&
	    grep -q 'the line ends' '$WORK/err' &&
	    ! grep -q 'end of file' '$WORK/err'"

start "$ARTREAD" --no-remember "$ART" "2>$WORK/err"
wait_for "Liverpool Council Backs" || fail "setup: the article did not show"
check "pager: the status line says the annotations are read-only" \
	wait_status "read-only"
keys =
check "pager: = shows the whole reason, wrapped" \
	eventually sh -c "$T capture-pane -p -J | tr -d '\n' | grep -q 'story.txt.annotations.jsonl:3: bad JSON'"
keys q q
check "exit: status 2" wait_for "EXIT=2"
check "exit: the reason, one line on stderr" \
	sh -c "[ \$(wc -l <'$WORK/err') -eq 1 ] &&
	    grep -q '^artread: .*story.txt.annotations.jsonl:3: bad JSON' '$WORK/err'"
finish
