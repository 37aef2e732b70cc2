#!/bin/sh
# End-to-end: moving through quotes and entities, and less's habits
# (issue 13, items 7-11 and 18): what is under the cursor, J K * #, the
# Q and E panels by speaker and entity, search across line breaks,
# Ctrl-R, &, = and Ctrl-G, :e, e and y, files that cannot be opened,
# selection mode's keys, and where a search starts after a jump.
. "$(dirname "$0")/lib.sh"
plan 45
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"

# A hard-wrapped article (invented people and club), with a name given
# in full and later by the family name alone.
cat >"$WORK/club.txt" <<'TXT'
Oldham Street Club Saved by Neighbours

By Ines Marlow

MANCHESTER -- Regulars of the jazz club on
Oldham Street raised $145 million pesos, or
so the joke goes, to keep the doors open.

"We will not let it close," said Zhou Mingyu, who has played
piano there since 1998. "This room taught me everything."

The landlord, Harbour Lane Estates, had asked for a rent rise
of 40% in March. Zhou said the club would pay what it could.

"Nobody gets rich on jazz," Zhou added.
TXT
CLUB="Oldham Street Club Saved"

# byte_is N: = says the cursor is at byte N.
byte_is() {
	keys =
	wait_for "byte $1 of" 2
}

start "$ARTREAD" --no-remember "$WORK/club.txt"
wait_for "$CLUB"

# Item 7: the status line says what is under the cursor.
keys / ; literal "taught"; keys Enter
check "status: in a quote, the speaker" wait_for "quote by Zhou Mingyu"
keys / ; literal "Harbour Lane"; keys Enter
check "status: an organisation, its type" wait_for "ORG Harbour Lane Estates"
keys / ; literal "Zhou said"; keys Enter
check "status: a later family name shows the full name" \
	wait_for "PERSON Zhou Mingyu"

# Item 8: J and K go from quote to quote; * and # by the same speaker or
# entity.
keys g J
check "J: to the first quote" byte_is 186
keys J
check "J: to the next quote" byte_is 271
keys K
check "K: back to the previous quote" byte_is 186
keys '*'
check "*: on a quote, the speaker's next quote" \
	wait_for "quote 2 of 3 by Zhou Mingyu"
keys '#'
check "#: the speaker's previous quote" wait_for "quote 1 of 3 by Zhou Mingyu"
keys / ; literal "Zhou Mingyu"; keys Enter '*'
check "*: on a name, the next mention of the person" \
	wait_for "Zhou Mingyu: mention 2 of 3"
check "*: it went to a later \"Zhou\"" byte_is 385
keys '#'
check "#: the previous mention" wait_for "Zhou Mingyu: mention 1 of 3"

keys Q
check "Q panel: quotes grouped by speaker, full name" \
	wait_for "Zhou Mingyu: 3 quotes"
check "Q panel: a quote under its speaker as written" \
	eventually sh -c "$T capture-pane -p | grep -Eq '^ +Zhou +\"Nobody gets rich'"
keys q E
check "E panel: one row per person, with the other forms" \
	wait_for "Zhou Mingyu  (also Zhou)"
check "E panel: its mentions counted together" \
	eventually sh -c "$T capture-pane -p | grep -Eq '^ *PERSON +3 +Zhou Mingyu'"
keys q

# Item 9: search as the text is shown: across the file's line breaks.
keys g / ; literal "club on Oldham"; keys Enter
check "search: finds a phrase across a line break" byte_is 91
keys / C-r
check "search: Ctrl-R at the prompt switches to literal text" \
	wait_for "literal /"
literal '$145'; keys Enter
check "search: literal \$145 is found" byte_is 120
keys / ; literal '$145'; keys Enter
check "search: as a pattern, \$145 is not" wait_for "Pattern not found"

keys '&'; literal "zhou"; keys Enter
check "&: only the paragraphs that match are shown" \
	wait_gone "Regulars of the jazz club"
check "&: they are" wait_for "Nobody gets rich on jazz"
keys C-l
check "&: the status line says a filter is on" wait_for "[&zhou]"
keys '&' Enter
check "&: & and Enter show every paragraph again" \
	wait_for "Regulars of the jazz club"

keys g C-g
check "Ctrl-G: the file, position, size and annotations" \
	wait_for "club.txt: 1/14 100%, byte 0 of 470; no annotations"

printf 'A Second Story\n\nIt is short.\n' >"$WORK/second.txt"
keys : e; literal "$WORK/second.txt"; keys Enter
check ":e: opens another file" wait_for "A Second Story"
check ":e: it is the second of two" wait_for "(file 2 of 2)"
keys : p
check ":p: back to the first" wait_for "$CLUB"
# Tab at :e completes file names: a directory with its /, then a file.
mkdir -p "$WORK/tabdir"
printf 'A Third Story\n\nAlso short.\n' >"$WORK/tabdir/third-story.txt"
keys : e; literal " $WORK/tabd"; keys Tab
check ":e Tab: completes a directory, with its / (blanks before it dropped)" \
	wait_for "$WORK/tabdir/"
literal "th"; keys Tab
check ":e Tab: ... then the file in it" \
	wait_for "$WORK/tabdir/third-story.txt"
keys Enter
check ":e Tab: the completed name opens" wait_for "A Third Story"

# Item 9: e and y scroll a line, as in less.
start "$ARTREAD" --no-remember "$ART"
wait_for "$HEAD"
keys e e
check "e: scrolls down a line" wait_for " 3/"
keys y
check "y: scrolls up a line" wait_for " 2/"

# Item 18: after g, G or a mark, a search starts at the top word of the
# new screen, that word included.
keys g / ; literal "Liverpool"; keys Enter
check "after g, / finds the top word itself" byte_is 0
# A mark at the top; 4 rows down the cursor is on row 0 again, which is
# row 4 once the mark brings the view back: the search starts at the top.
keys g m a 4 j "'" a / ; literal "Liverpool"; keys Enter
check "after a mark, / finds the top word itself" byte_is 0
keys G =
wait_gone "byte 0 of"	# the last case's message goes first
wait_for "byte "
top=$(status_line | sed -n 's/.*byte \([0-9]*\) of.*/\1/p')
word=$(row 0 | awk '{print $1}')
keys G / C-r; literal "$word"; keys Enter
check "after G, / finds the top word '$word' itself" byte_is "$top"
check "after G, no wrap round the end" \
	sh -c "! $T capture-pane -p | grep -q 'search hit'"

# Item 11: selection mode answers its own keys and the scrolling keys.
keys g v w
check "select: w extends the selection" wait_for "SELECT"
keys x
check "select: another key says how to leave" \
	wait_for "x: not a selection key"
keys Space
check "select: paging keys still page" wait_gone "$HEAD"
keys q
check "select: q leaves the selection" wait_for "selection cancelled"
check "select: ... and does not quit" sh -c "! $T capture-pane -p | grep -q EXIT="
keys q
check "q quits once the selection is gone" wait_for "EXIT=0"

# Item 10: files that cannot be opened are named; the others open.
start "$ARTREAD" --no-remember "$ART" "$WORK/nosuch.txt" "$WORK/second.txt"
check "files: the missing one is named" \
	wait_for "cannot open $WORK/nosuch.txt: No such file"
keys : n
check "files: the others are open" wait_for "A Second Story"
keys q
check "files: the exit status is still 2" wait_for "EXIT=2"
finish
