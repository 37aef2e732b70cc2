#!/bin/sh
# End-to-end: when the article changes (issue 12).  The open file is
# rewritten in place, truncated, appended to, renamed over and deleted:
# the highlights painted (read back with capture-pane -e) stay on the
# characters they belong to, and the status line says what happened; R
# re-anchors (exact, moved, changed, orphan); D shows the differences;
# the A panel shows and filters the states, = accepts and r re-targets;
# the reading position follows the text; --diff (golden), --diff --stat,
# --list-annotations, the exports, --store and --forget; annotations made
# on standard input are offered to a file with that text.
. "$(dirname "$0")/lib.sh"
plan 54

DATA="$ROOT/tests/data/track"
STYLED="python3 $ROOT/tests/e2e/styled.py"
D="$WORK/news"
ART="$D/story.txt"
mkdir -p "$D"
# The default theme paints claim in red, underlined (fg=1,ul), source in
# blue, underlined (fg=4,ul); diff-inserted is black on green (bg=2).
CLAIM="ul,fg=1"
SOURCE="ul,fg=4"

annotate() {	# TEXT TAG: annotate the only place TEXT is in the article
	"$ARTREAD" --annotate-text "$1" --tag "$2" "$ART" >/dev/null
}
painted() {	# ATTR: the text on screen painted with ATTR
	screen_escapes | $STYLED "$1"
}
painted_is() {	# ATTR TEXT: exactly TEXT is painted with ATTR
	[ "$(painted "$1")" = "$2" ]
}
wait_painted() {	# ATTR TEXT
	wait_until 5 "'$2' not painted with $1" painted_is "$1" "$2"
}
pager() {	# open the article in the pager, wait for its headline
	start -x 120 "$ARTREAD" --no-remember "$ART"
	wait_for "Harbour Vote Passes"
}
same_top() {	# FILE: the first rows of the screen are those in FILE
	screen | head -n 3 | cmp -s - "$1"
}

cp "$DATA/story.v1" "$ART"
annotate "has said the data is safe." claim
annotate "Mayor Ada Lind said the vote was a turning point" source
annotate "by nine votes to four" quote
annotate "Work is due to start in the spring." plan

# ---- rewritten in place while open -------------------------------------
pager
check "in place: the claim is painted on its passage" \
	wait_painted "$CLAIM" "has said the data is safe."
cat "$DATA/story.v2" >"$ART"	# the same file, new bytes
check "in place: noticed while idle, on the status line" \
	wait_for "story.txt was modified on disk: R reloads"
keys j
check "in place: after a key, the claim is still on the text read" \
	wait_painted "$CLAIM" "has said the data is safe."
check "in place: the source too" \
	painted_is "$SOURCE" "Mayor Ada Lind said the vote was a turning point"
check "in place: the status line keeps a mark until R" \
	wait_status "story.txt \[modified on disk\]"
keys R
check "R: re-anchored, each state counted" \
	wait_for "annotations 0 exact, 1 moved, 2 changed, 1 orphaned"
check "R: the claim is painted on the edited passage" \
	wait_painted "$CLAIM" "has insisted the data is safe."
check "R: the moved passage is painted where it went" \
	wait_painted "$SOURCE" "Mayor Ada Lind said the vote was a turning point"
keys / ; literal "insisted"; keys Enter
check "status line: the state and the text as annotated" \
	wait_status "\[claim\] \(changed; was: .has said the data is safe\..\)"

# ---- D: the differences -------------------------------------------------
T_MAIN=$T
keys D
check "D: the differences since the version annotated" \
	wait_for "Differences since the version annotated"
check "D: inserted words in the insertion style" \
	eventually sh -c "$T capture-pane -p -e | $STYLED bg=2 | grep -qx 'insisted'"
check "D: deleted words are shown where they were" \
	wait_for "approved the bridge by nineeight votes to"
check "D: the state of a changed annotation under its paragraph" \
	wait_for "[claim] changed; was: “has said the data is safe.”"
keys Tab Tab
check "D: Tab goes from change to change" wait_status "change 2 of [0-9]+"
keys G
check "D: orphans at the end" wait_for "[plan] Work is due to start"
keys q
check "D: q goes back to the text" wait_gone "Differences since"

# Without colours, the changes are marked in the text.
KEEP=1 start -x 120 env NO_COLOR=1 "$ARTREAD" --no-remember "$ART"
wait_for "Harbour Vote Passes"
keys D
check "D under NO_COLOR: [-deleted-] and {+inserted+} words" \
	wait_for "has [-said-]{+insisted+} the data is safe."
keys q q
wait_for "EXIT="
T=$T_MAIN

# ---- the A panel: states, filter, =, r ----------------------------------
keys A
check "A: a state column" wait_for "changed claim"
check "A: a changed one shows the text as annotated" \
	wait_for "was: has said the data is safe."
keys s s s
check "A: s shows one state at a time" \
	eventually sh -c "$T capture-pane -p | grep -q 'only changed' &&
	    ! $T capture-pane -p | grep -q 'orphan  plan'"
keys g =
check "A: = accepts a changed annotation as it now is" \
	wait_for "accepted quote"
keys q
# r: the orphan goes to a passage chosen for it.
keys / ; literal "Construction begins"; keys Enter s A
wait_for "Annotations (Enter jumps)"
keys G r
check "A: r re-targets the orphan to the selection" wait_for "re-targeted plan"
keys q
keys q
check "A: q saves and quits" wait_for "EXIT=0"
"$ARTREAD" --list-annotations "$ART" >"$WORK/list" 2>/dev/null
check "after =: the accepted one is exact" \
	grep -q '	exact	quote	by eight votes to four$' "$WORK/list"
check "after r: the orphan is exact on its new passage" \
	grep -q '	exact	plan	Construction begins in May.$' "$WORK/list"

# ---- truncated, appended to, renamed over, deleted -----------------------
cp "$DATA/story.v1" "$ART"
rm -f "$ART.annotations.jsonl"
annotate "has said the data is safe." claim
pager
wait_painted "$CLAIM" "has said the data is safe."
head -c 60 "$DATA/story.v1" >"$ART"
check "truncated: said on the status line" \
	wait_for "story.txt shrank on disk (truncated): R reloads"
keys j
check "truncated: the claim stays on the text read" \
	wait_painted "$CLAIM" "has said the data is safe."
cp "$DATA/story.v1" "$ART"
pager
printf 'Correction appended later.\n' >>"$ART"
check "appended to: said on the status line" \
	wait_for "story.txt was appended to on disk: R reloads"
keys R
check "appended to: R reads it again" wait_for "re-read "
cp "$DATA/story.v2" "$D/new.txt"
mv "$D/new.txt" "$ART"
check "renamed over: said on the status line" \
	wait_for "story.txt was replaced on disk: R reloads"
keys j
check "renamed over: the claim stays on the text read" \
	wait_painted "$CLAIM" "has said the data is safe."
rm "$ART"
check "deleted: said on the status line" \
	wait_for "story.txt was deleted on disk: the text read stays"
keys R
check "deleted: R keeps the old text and says why" \
	wait_for "No such file or directory"
keys q
wait_for "EXIT="

# ---- the reading position follows the text -------------------------------
LONG="$D/long.txt"
{
	echo "Long Council Report"
	i=1
	while [ $i -le 80 ]; do
		echo
		echo "Paragraph $i of the report says the council met again."
		i=$((i + 1))
	done
} >"$LONG"
start "$ARTREAD" "$LONG"
wait_for "Long Council Report"
keys / ; literal "Paragraph 50 of"; keys Enter
wait_for "Paragraph 50 of"
settle
screen | head -n 3 >"$WORK/top.before"
keys q
wait_for "EXIT=0"
{ printf 'Editor'"'"'s note added on top.\n\nAnd another paragraph.\n\n'
  cat "$LONG"; } >"$LONG.new"
mv "$LONG.new" "$LONG"
start "$ARTREAD" "$LONG"
check "position: reopened on the same rows after an edit above them" \
	wait_until 5 "the same rows on top" same_top "$WORK/top.before"
keys q

# ---- --diff, --list-annotations, exports ----------------------------------
cp "$DATA/story.v1" "$ART"
rm -f "$ART.annotations.jsonl"
annotate "has said the data is safe." claim
annotate "Mayor Ada Lind said the vote was a turning point" source
annotate "by nine votes to four" quote
annotate "Work is due to start in the spring." plan
cp "$DATA/story.v2" "$ART"
(cd "$D" && "$ARTREAD" --diff story.txt >"$WORK/diff.out" 2>"$WORK/diff.err")
rc=$?
check "--diff: exit 1 when the text changed" [ "$rc" -eq 1 ]
check "--diff: the golden output" cmp -s "$WORK/diff.out" "$DATA/story.diff"
(cd "$D" && "$ARTREAD" --diff --stat story.txt >"$WORK/stat.out" 2>/dev/null)
rc=$?
check "--diff --stat: one line, exit 1" sh -c "[ $rc -eq 1 ] &&
    [ \"\$(cat '$WORK/stat.out')\" = 'story.txt: 28 words inserted, 23 deleted, 7 paragraphs changed; annotations: 2 changed, 1 orphaned' ]"
"$ARTREAD" --diff --color=always "$ART" >"$WORK/color.out" 2>/dev/null
check "--diff --color=always: SGR around the changes, no markers" \
	sh -c "grep -q '$(printf '\033')\[0;30;42minsisted' '$WORK/color.out' &&
	    ! grep -q '{+' '$WORK/color.out'"
"$ARTREAD" --list-annotations "$ART" >"$WORK/list" 2>/dev/null
check "--list-annotations: START END STATE TAGS TEXT, was: for changed" \
	grep -q '^[0-9]*	[0-9]*	changed	claim	has insisted the data is safe.	was: has said the data is safe.$' "$WORK/list"
check "--list-annotations: moved and orphan" sh -c "
	grep -q '	moved	source	Mayor Ada Lind' '$WORK/list' &&
	grep -q '	orphan	plan	Work is due' '$WORK/list'"
"$ARTREAD" --list-annotations "$ART" "$ART" >"$WORK/list2" 2>/dev/null
check "--list-annotations of several files: FILE TAB START ..., no ==> lines" \
	sh -c "! grep -q '==>' '$WORK/list2' &&
	    [ \$(grep -c '^[^	]*story.txt	[0-9]*	[0-9]*	changed	claim	' '$WORK/list2') -eq 2 ] &&
	    [ \$(wc -l <'$WORK/list2') -eq \$((2 * \$(wc -l <'$WORK/list'))) ]"
"$ARTREAD" --export csv "$ART" >"$WORK/out.csv" 2>/dev/null
check "export csv: state and was columns" sh -c "
	head -n 1 '$WORK/out.csv' | grep -q ',orphaned,state,was' &&
	grep -q ',false,changed,has said the data is safe\.' '$WORK/out.csv' &&
	grep -q ',true,orphan,' '$WORK/out.csv'"
"$ARTREAD" --export text "$ART" >"$WORK/out.txt" 2>/dev/null
check "export text: changed, with the text as annotated" sh -c "
	grep -q ', changed\$' '$WORK/out.txt' &&
	grep -q 'Was: has said the data is safe.' '$WORK/out.txt'"
"$ARTREAD" --export json "$ART" >"$WORK/out.json" 2>/dev/null
check "export json: the artread extension has anchor and was" sh -c "
	grep -q '\"anchor\": \"moved\"' '$WORK/out.json' &&
	grep -q '\"was\": {' '$WORK/out.json'"
# The text is the same as the one --diff kept last: unchanged now for a
# file without annotations.
cp "$ART" "$D/plain.txt"
"$ARTREAD" --diff --stat "$D/plain.txt" >/dev/null 2>&1
"$ARTREAD" --diff --stat "$D/plain.txt" >/dev/null 2>&1
rc=$?
check "--diff --stat: exit 0 when nothing changed since the last look" \
	[ "$rc" -eq 0 ]
# A change is reported once: the look that reports it keeps the text
# now as the last read, so a script watching a folder is told once.
printf '\nA line added.\n' >>"$D/plain.txt"
"$ARTREAD" --diff --stat "$D/plain.txt" >/dev/null 2>&1
rc1=$?
"$ARTREAD" --diff --stat "$D/plain.txt" >/dev/null 2>&1
check "--diff --stat: exit 1 for a change, then 0 (told once)" \
	[ "$rc1" -eq 1 -a "$?" -eq 0 ]
# Annotated and unchanged: no change and nothing to complain of.
cp "$DATA/story.v2" "$D/fresh.txt"
"$ARTREAD" --annotate 0:4:claim "$D/fresh.txt" >/dev/null 2>&1
"$ARTREAD" --diff "$D/fresh.txt" >/dev/null 2>"$WORK/fresh.err"
check "--diff: an annotated, unchanged article: exit 0, nothing on stderr" \
	[ "$?" -eq 0 -a ! -s "$WORK/fresh.err" ]

# ---- --store and --forget -------------------------------------------------
"$ARTREAD" --store >"$WORK/store.out" 2>&1
check "--store: the article and its versions, the total" sh -c "
	grep -q '^$D/story.txt\$' '$WORK/store.out' &&
	grep -q 'annotated' '$WORK/store.out' &&
	grep -q 'on disk of 256.0 MiB' '$WORK/store.out'"
"$ARTREAD" --forget "$ART" >"$WORK/forget.out" 2>/dev/null
check "--forget: says what it dropped and who loses its history" sh -c "
	grep -q 'story.txt: forgot [0-9]* versions' '$WORK/forget.out' &&
	grep -q 'changed \[claim\] has insisted' '$WORK/forget.out'"
"$ARTREAD" --store >"$WORK/store.out" 2>&1
check "--forget: the article is no longer kept" \
	sh -c "! grep -q '^$D/story.txt\$' '$WORK/store.out'"
"$ARTREAD" --forget "$D/nosuch.txt" >"$WORK/forget2.out" 2>"$WORK/forget2.err"
check "--forget: a name that is neither there nor kept is an error (exit 2)" \
	sh -c "[ $? -eq 2 ] && [ ! -s '$WORK/forget2.out' ] &&
	    grep -q 'nosuch.txt: no such file, and no version of it is kept' '$WORK/forget2.err'"
# The version annotated is the text now: --diff needs no kept copy of it
# (it said "SHA: not kept" and exited 2).
printf 'Alone Here\n\nA text no other file here has.\n' >"$D/alone.txt"
"$ARTREAD" --annotate 0:5:claim "$D/alone.txt" >/dev/null 2>&1
"$ARTREAD" --forget "$D/alone.txt" >/dev/null 2>&1
"$ARTREAD" --diff "$D/alone.txt" >/dev/null 2>"$WORK/fresh.err"
check "--diff: unchanged since annotated, its versions forgotten: exit 0, nothing on stderr" \
	[ "$?" -eq 0 -a ! -s "$WORK/fresh.err" ]

# ---- standard input: by content ---------------------------------------------
cp "$DATA/story.v1" "$D/piped.txt"
printf '#!/bin/sh\ncat "%s" | "%s" --no-remember\n' "$D/piped.txt" \
    "$ARTREAD" >"$WORK/piped.sh"
start sh "$WORK/piped.sh"
wait_for "Harbour Vote Passes"
keys / ; literal "Mayor Ada"; keys Enter s 1
wait_for "tagged 'claim'"
keys q
wait_for "EXIT=0"
cp "$D/piped.txt" "$D/copy.txt"
"$ARTREAD" --list-annotations "$D/copy.txt" >"$WORK/bc.out" 2>"$WORK/bc.err"
check "by content: a file with the text read from stdin is offered them" \
	sh -c "grep -q '	claim	Mayor Ada Lind' '$WORK/bc.out' &&
	    grep -q 'found by content (made on standard input)' '$WORK/bc.err'"
printf 'Another text entirely.\n' >"$D/other.txt"
"$ARTREAD" --list-annotations "$D/other.txt" >"$WORK/bc2.out" 2>/dev/null
check "by content: never for another text" [ ! -s "$WORK/bc2.out" ]
finish
