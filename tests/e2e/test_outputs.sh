#!/bin/sh
# End-to-end: what artread writes for scripts and reports (issue 13,
# items 9, 15, 17, 19, 21, 23): --annotate-text across line breaks, more
# than one --tag and --note, notes' white space in the text export,
# counts in the singular, CSV's byte order mark, and --stats' bars.
. "$(dirname "$0")/lib.sh"
plan 30
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"

cat >"$WORK/club.txt" <<'TXT'
Oldham Street Club Saved by Neighbours

MANCHESTER -- Regulars of the jazz club on
Oldham Street raised the money in a week.
TXT

# Item 9: --annotate-text finds its text across the file's line breaks.
"$ARTREAD" --annotate-text "club on Oldham Street" --tag place \
	"$WORK/club.txt" >"$WORK/id" 2>&1
check "annotate-text: a phrase across a line break is found" \
	grep -Eqx 'urn:uuid:[0-9a-f-]{36}' "$WORK/id"
"$ARTREAD" --export "$WORK/club.txt" >"$WORK/club.notes" 2>&1
check "annotate-text: the passage is the one across the break" \
	grep -q "> club on Oldham Street" "$WORK/club.notes"

# Item 15: --tag and --note given twice keep both.  Item 17: the text
# export keeps a note's white space as written.
"$ARTREAD" --annotate-text "raised the money" --tag place --tag music \
	--note "first line" --note "    second,  indented" \
	"$WORK/club.txt" >/dev/null 2>&1
"$ARTREAD" --export "$WORK/club.txt" >"$WORK/club.notes" 2>&1
check "--tag twice: both tags kept" grep -q "\] place, music --" \
	"$WORK/club.notes"
check "--note twice: both notes kept, on two lines" \
	grep -qx "    Note: first line" "$WORK/club.notes"
check "text export: a note's indent and double spaces kept" \
	grep -qx "              second,  indented" "$WORK/club.notes"

# An empty tag is no tag: refused as a missing --tag is.
"$ARTREAD" --annotate-text "raised the money" --tag ' , ' \
	"$WORK/club.txt" >/dev/null 2>"$WORK/err"
check "--tag with no word: exit 2, said" \
	sh -c "[ $? -eq 2 ] && grep -q 'no tag in' '$WORK/err'"

# A tab in a tag given to --annotate, --annotate-text or --import is
# refused with the tag in the message, the tab shown as ^I (it was
# written raw: a blank that hid what was refused).
"$ARTREAD" --annotate "0:5:a	b" "$WORK/club.txt" 2>"$WORK/err"
check "--annotate: a tab in a tag shows as ^I in the message" \
	grep -qF 'bad tag "a^Ib": a tag cannot hold control characters' "$WORK/err"
"$ARTREAD" --annotate-text "jazz club" --tag "x	y" "$WORK/club.txt" 2>"$WORK/err"
check "--annotate-text: a tab in --tag shows as ^I in the message" \
	grep -qF 'bad tag "x^Iy"' "$WORK/err"
printf 'T1\tta\tb 0 6\tOldham\n' >"$WORK/tab.ann"
"$ARTREAD" --import brat "$WORK/tab.ann" "$WORK/club.txt" 2>"$WORK/err"
check "--import: a tab in a brat type shows as ^I in the message" \
	grep -qF 'tab.ann:1: bad tag "ta^Ib"' "$WORK/err"

# Item 19: one is singular.
cat >"$WORK/one.txt" <<'TXT'
A Short Note

"Yes," said Ann Lee.
TXT
"$ARTREAD" --stats "$WORK/one.txt" >"$WORK/one.stats"
check "stats: 1 quote, not 1 quotes" grep -q "Quoted speakers (1 quote)" \
	"$WORK/one.stats"
# Several files: a section each, then their totals (Ann Lee in both is
# one row, her counts added).
cp "$WORK/one.txt" "$WORK/two.txt"
"$ARTREAD" --stats "$WORK/one.txt" "$WORK/two.txt" >"$WORK/two.stats"
check "stats: several files end with their totals" \
	sh -c "sed -n '/^==> total (2 files) <==\$/,\$p' '$WORK/two.stats' >'$WORK/total' &&
	    grep -q '^Quoted speakers (2 quotes)\$' '$WORK/total' &&
	    grep -q '^  Ann Lee  *2  *2\$' '$WORK/total' &&
	    grep -q '^Words in direct quotes: 2 of 14 ' '$WORK/total' &&
	    [ \$(grep -c '^==> ' '$WORK/two.stats') -eq 3 ]"
start -x 100 "$ARTREAD" --no-remember "$WORK/one.txt"
check "status: 1 quote 1 entity" wait_for "1 quote 1 entity "
"$ARTREAD" --annotate 0:5:x "$WORK/one.txt" >/dev/null
start -x 100 "$ARTREAD" --no-remember "$WORK/one.txt"
check "status: 1 annotation" wait_for "1 annotation "
keys q

# Item 21: --bom for spreadsheets, off by default.
"$ARTREAD" --export csv "$WORK/one.txt" >"$WORK/plain.csv"
"$ARTREAD" --export csv --bom "$WORK/one.txt" >"$WORK/bom.csv"
check "csv: no byte order mark by default" \
	sh -c "head -c 3 '$WORK/plain.csv' | grep -q '^id,'"
check "csv: --bom starts with EF BB BF" \
	sh -c "head -c 3 '$WORK/bom.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "csv: then the header" sh -c "head -c 6 '$WORK/bom.csv' | tail -c 3 | grep -q '^id,'"
"$ARTREAD" --export text --bom "$WORK/one.txt" >/dev/null 2>"$WORK/err"
check "csv: --bom with another format is an error" \
	grep -q "only a CSV export" "$WORK/err"

# Item 23: --stats draws bars on a terminal, in proportion.
start -x 100 -y 60 "$ARTREAD" --stats "$ART"
check "stats: block bars on a UTF-8 terminal" wait_for "█"
# Rhys Pettifer (3 mentions) has three times the bar of Helena Marsh (1).
bars() {
	$T capture-pane -p | sed -n '/Most mentioned: PERSON/,/^$/p' |
	    grep "  $1 " | grep -o '█' | wc -l
}
wait_for "Most mentioned: PERSON"
big=$(bars "Rhys Pettifer") small=$(bars "Helena Marsh")
# three_times BIG SMALL: BIG is three SMALLs, give or take a cell.
three_times() { [ "$1" -gt 0 ] && [ $(($2 * 3)) -ge $(($1 - 1)) ] &&
	[ $(($2 * 3)) -le $(($1 + 1)) ]; }
check "stats: mention bars in proportion ($big vs $small)" \
	three_times "$big" "$small"
check "stats: bars for quotes and for words per speaker" \
	eventually sh -c "$T capture-pane -p | grep '  Helena Marsh ' | head -n 1 |
	    grep -Eq '1 [█▏▎▍▌▋▊▉]+ +74 █+'"
check "stats: bars in the theme's colours" \
	eventually sh -c "$T capture-pane -p -e | grep -q '3[0-9]m█'"
check "stats: the share of quoted words as a bar" \
	eventually sh -c "$T capture-pane -p | grep 'Words in direct quotes' | grep -q '█.*░'"
# hash_bars: the mention bars are plain '#' (the row of Rhys Pettifer).
hash_bars() {
	wait_for "Words in direct quotes" &&
	    $T capture-pane -p | grep -Eq '^  Rhys Pettifer +3 #{10,}$'
}
start -x 100 -y 60 env NO_COLOR=1 "$ARTREAD" --stats "$ART"
check "stats: NO_COLOR draws plain # bars" hash_bars
check "stats: NO_COLOR: no block characters, no colour" \
	sh -c "! $T capture-pane -p -e | grep -q '█\|3[0-9]m#'"
start -x 100 -y 60 env LC_ALL=C LANG=C "$ARTREAD" --stats "$ART"
check "stats: a locale that is not UTF-8 draws # bars" hash_bars
"$ARTREAD" --stats "$ART" >"$WORK/stats.txt"
check "stats: no bars when the output is not a terminal" \
	sh -c "! grep -q '█\|##' '$WORK/stats.txt'"
# A place in a dateline's capitals is the place of the text, named as
# the text writes it: in --entities' canonical column, --stats and the E
# panel; in a text long enough to be read in blocks too.
cat >"$WORK/dateline.txt" <<'TXT'
Council Backs New Ferry Plan

LIVERPOOL, Monday - The council in Liverpool voted on Monday to back a
new ferry across the Mersey, said Anna Holt, the council leader.

"It is a good day for Liverpool," Holt said.
TXT
"$ARTREAD" --entities "$WORK/dateline.txt" >"$WORK/dateline.ents"
check "entities: a dateline's LIVERPOOL is named Liverpool" \
	grep -q "	PLACE	LIVERPOOL	Liverpool\$" "$WORK/dateline.ents"
"$ARTREAD" --stats "$WORK/dateline.txt" >"$WORK/dateline.stats"
check "stats: LIVERPOOL and Liverpool counted as one place" \
	sh -c "grep -Eq '^  Liverpool +3\$' '$WORK/dateline.stats' &&
	    ! grep -q LIVERPOOL '$WORK/dateline.stats'"
{
	printf 'Ferry Vote\n\nLIVERPOOL, Monday - The council met.\n'
	awk 'BEGIN { for (i = 0; i < 6000; i++) { printf "\nThe ferry";
	    for (k = 0; k < 50; k++) printf " ran on the river and";
	    printf " stopped.\n" } }'
	printf '\nThe vote in Liverpool was close.\n'
} >"$WORK/long.txt"
"$ARTREAD" --stats "$WORK/long.txt" >"$WORK/long.stats"
check "stats: a long text (blocks) counts LIVERPOOL and Liverpool as one" \
	sh -c "grep -Eq '^  Liverpool +2\$' '$WORK/long.stats' &&
	    ! grep -q LIVERPOOL '$WORK/long.stats'"
start -x 100 "$ARTREAD" --no-remember "$WORK/dateline.txt"
wait_for "Council Backs"
keys E
check "E panel: LIVERPOOL and Liverpool on one line, as Liverpool" \
	eventually sh -c "$T capture-pane -p | grep -Eq '^ *PLACE +3  Liverpool  \(also LIVERPOOL\)' &&
	    ! $T capture-pane -p | grep -Eq 'PLACE +[0-9]+  LIVERPOOL'"
keys q q
wait_for "EXIT="
finish
