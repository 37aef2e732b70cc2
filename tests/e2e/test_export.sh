#!/bin/sh
# End-to-end: exports from the command line and the pager, batch exports,
# and import round trips.
. "$(dirname "$0")/lib.sh"
plan 50
A1="$WORK/one.txt"; A2="$WORK/two.txt"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$A1"
cp "$ROOT/sample-articles/05-sines-battery-deal.txt" "$A2"
"$ARTREAD" --annotate-text "the longest night of my political life" --tag claim \
	--note 'said "at 2:15", check' "$A1" >/dev/null
"$ARTREAD" --annotate-text "Tonight this city decided" --tag source "$A1" >/dev/null
"$ARTREAD" --annotate 0:20:important "$A2" >/dev/null

"$ARTREAD" --export "$A1" >"$WORK/out.txt"
check "export: text is the default, to standard output" \
	grep -q 'the longest night of my political life' "$WORK/out.txt"
check "export: the text report has the headline" \
	grep -q 'Liverpool Council Backs' "$WORK/out.txt"
check "export: the note is in the report" grep -qF 'said "at 2:15", check' "$WORK/out.txt"
"$ARTREAD" --export=markdown "$A1" >"$WORK/out.md"
check "export: markdown has a heading and block quotes" \
	sh -c "grep -q '^# ' '$WORK/out.md' && grep -q '^> ' '$WORK/out.md'"
"$ARTREAD" --export csv "$A1" "$A2" >"$WORK/all.csv"
check "export: batch csv has one header, with an article column" \
	[ "$(grep -c '^article,id,tag,start,end,exact,note,created,modified,orphaned' "$WORK/all.csv")" -eq 1 ]
check "export: batch csv rows name their article" \
	[ "$(grep -c "^$A2," "$WORK/all.csv")" -eq 1 ]
"$ARTREAD" --export csv "$A1" >"$WORK/one.csv"
check "export: one article's csv has the plain header" \
	grep -q '^id,tag,start,end,exact,note,created,modified,orphaned' "$WORK/one.csv"
"$ARTREAD" --export json "$A1" "$A2" >"$WORK/two.json"
check "export: several articles as json make one valid array" \
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2" "$WORK/two.json"
"$ARTREAD" --export brat "$A1" "$A2" >/dev/null 2>"$WORK/err"
check "export: brat with several articles needs -o DIR/" \
	sh -c "[ $? -eq 2 ] && grep -q 'DIR/' '$WORK/err'"
cat "$A1" | "$ARTREAD" --export >"$WORK/stdin.txt" 2>"$WORK/err"
check "export: an article on standard input exports" \
	sh -c "[ $? -eq 0 ] && grep -q 'Liverpool Council Backs' '$WORK/stdin.txt'"
check "export: batch csv has every annotation" [ "$(tail -n +2 "$WORK/all.csv" | grep -c 'claim\|source\|important')" -eq 3 ]
check "export: csv lines end in CRLF" sh -c "head -n 1 '$WORK/all.csv' | od -c | grep -q '\\\\r  \\\\n'"
mkdir -p "$WORK/json"
"$ARTREAD" --export json -o "$WORK/json/" "$A1" "$A2"
check "export: -o DIR/ writes one json per article" \
	sh -c "[ \$(ls '$WORK/json' | wc -l) -eq 2 ]"
check "export: json is a W3C AnnotationCollection" \
	grep -q '"AnnotationCollection"' "$WORK/json/one.txt.annotations.json"
"$ARTREAD" --export brat "$A1" >"$WORK/one.ann"
check "export: brat standoff lines" grep -qP '^T1\tclaim \d+ \d+\t' "$WORK/one.ann"
check "export: brat notes" grep -qP '^#1\tAnnotatorNotes T1\t' "$WORK/one.ann"
"$ARTREAD" --export brat --with-entities "$A1" >"$WORK/ents.ann"
check "export: brat --with-entities adds entities" grep -qP '\tPERSON \d+ \d+\tMaren Holt' "$WORK/ents.ann"
"$ARTREAD" --export --with-quotes --with-entities "$A1" >"$WORK/full.txt"
check "export: --with-quotes lists speakers" grep -q 'Okafor' "$WORK/full.txt"
"$ARTREAD" --export --group-by tag "$A1" >"$WORK/grouped.txt"
check "export: --group-by tag" grep -qi 'claim' "$WORK/grouped.txt"
"$ARTREAD" --export=nonsense "$A1" >/dev/null 2>"$WORK/err"
check "export: an unknown format is an error" sh -c "[ $? -eq 2 ] && grep -q 'unknown format' '$WORK/err'"
"$ARTREAD" --export json --with-quotes "$A1" >"$WORK/wq.json" 2>"$WORK/err"
check "export: json has no place for --with-quotes: exit 2, said, no output" \
	sh -c "[ $? -eq 2 ] && grep -q 'with-quotes: a json export has no place' '$WORK/err' && [ ! -s '$WORK/wq.json' ]"
"$ARTREAD" --export csv --with-entities "$A1" >/dev/null 2>"$WORK/err"
check "export: csv has no place for --with-entities: exit 2, said" \
	sh -c "[ $? -eq 2 ] && grep -q 'with-entities: a csv export has no place' '$WORK/err'"

# Import round trip: brat and json into a fresh copy of the article.
B="$WORK/copy.txt"
cp "$A1" "$B"
"$ARTREAD" --import brat "$WORK/one.ann" "$B" 2>"$WORK/err"
check "import: brat adds the annotations" grep -q '2 annotations imported' "$WORK/err"
"$ARTREAD" --export csv "$B" | cut -d, -f2-5 | sort >"$WORK/b.csv"
"$ARTREAD" --export csv "$A1" | cut -d, -f2-5 | sort >"$WORK/a.csv"
check "import: brat round trip keeps tags and ranges" cmp -s "$WORK/a.csv" "$WORK/b.csv"
"$ARTREAD" --import brat "$WORK/one.ann" "$B" 2>"$WORK/err"
check "import: the same .ann twice adds nothing the second time" \
	grep -q '0 annotations imported' "$WORK/err"
check "import: a second import says why it added nothing" \
	grep -q '(2 already there: the same tags, note and place)' "$WORK/err"
# brat has no spaces in a type: "needs check" goes out as needs_check.
# Back in, it is the tag the article's annotations have (no second tag,
# no second annotation).
S="$WORK/spaced.txt"
cp "$A1" "$S"
"$ARTREAD" --annotate "0:9:needs check" "$S" >/dev/null
"$ARTREAD" --export brat "$S" >"$WORK/spaced.ann"
"$ARTREAD" --import brat "$WORK/spaced.ann" "$S" 2>"$WORK/err"
check "import: needs_check back onto its article is 'needs check', there already" \
	sh -c "grep -q '0 annotations imported.*1 already there' '$WORK/err' &&
	    [ \"\$('$ARTREAD' --list-annotations '$S')\" = \"\$(printf '0\t9\texact\tneeds check\tLiverpool')\" ]"
printf 'T1\tneeds_check 10 17\tCouncil\n' >"$WORK/more.ann"
"$ARTREAD" --import brat "$WORK/more.ann" "$S" 2>/dev/null
check "import: another needs_check span is 'needs check' too" \
	sh -c "'$ARTREAD' --list-annotations '$S' | grep -q '^10	17	exact	needs check	Council\$'"
# A .ann made on another text: each span goes where its text is, or is
# an orphan, and the import says so (it put them on the words at the
# offsets, as exact).
D="$WORK/edited.txt"
{ printf 'A paragraph added on top.\n\n'; cat "$A1"; } >"$D"
"$ARTREAD" --import brat "$WORK/one.ann" "$D" 2>"$WORK/err"
check "import: brat spans whose text moved are said to" \
	grep -q "warning: 2 brat spans did not hold their text at their offsets" "$WORK/err"
check "import: ... and go where their text is" \
	[ "$("$ARTREAD" --list-annotations "$D" | grep -c 'exact.*\(the longest night of my political life\|Tonight this city decided\)')" -eq 2 ]
E="$WORK/rewritten.txt"
sed 's/the longest night of my political life/a very long night indeed/' "$A1" >"$E"
"$ARTREAD" --import brat "$WORK/one.ann" "$E" 2>"$WORK/err"
check "import: a brat span whose text is gone is an orphan, and said" \
	grep -q "1 of them is an orphan" "$WORK/err"
"$ARTREAD" --import json "$WORK/json/one.txt.annotations.json" "$A1" 2>"$WORK/err"
check "import: an article's own json export, imported back, is already there" \
	grep -q '0 annotations imported.*already there' "$WORK/err"
C="$WORK/copy2.txt"
cp "$A1" "$C"
"$ARTREAD" --import json "$WORK/json/one.txt.annotations.json" "$C" 2>/dev/null
"$ARTREAD" --export csv "$C" | cut -d, -f2-6 | sort >"$WORK/c.csv"
"$ARTREAD" --export csv "$A1" | cut -d, -f2-6 | sort >"$WORK/a6.csv"
check "import: json round trip keeps tags, ranges and notes" cmp -s "$WORK/a6.csv" "$WORK/c.csv"

# The annotations panel filter folds case beyond ASCII, and its columns
# line up whatever the letters.
"$ARTREAD" --annotate-text "Sines" --tag needs-sourcing-urgently --note "Café Zürich" "$A2" >/dev/null 2>&1 ||
	"$ARTREAD" --annotate 30:40:needs-sourcing-urgently:"Café Zürich" "$A2" >/dev/null
start "$ARTREAD" --no-remember "$A2"
wait_for "Sines"
keys A
wait_for "Annotations"
keys / ; literal "ZÜRICH"; keys Enter
check "panel: the filter folds case beyond ASCII" wait_for "Café Zürich"
check "panel: a long tag is cut to its column" wait_for "needs-sourcin... "
keys q q

# X in the pager writes a report beside the article.
start "$ARTREAD" --no-remember "$A1"
wait_for "Liverpool Council Backs"
keys X
check "pager: X asks for a format" wait_for "export as"
keys Enter
check "pager: X says where it wrote" wait_for "exported 2 annotations to"
check "pager: the report is beside the article" grep -q 'longest night' "$A1.notes.txt"
keys X; wait_for "export as"; keys C-u; literal "brat"; keys Enter
check "pager: brat goes to the .ann beside the .txt" wait_for "one.ann"
keys q
# ---- X names a file; a directory it cannot write (F3); -o's messages (F7) ----
start -x 160 "$ARTREAD" --no-remember "$A1"
wait_for "Liverpool" || fail "setup: the article did not show"
keys X; wait_for "export as"; literal "csv $WORK/picked.csv"
check "pager: a format and a file at X: the hint names the file" \
	wait_for "-> $WORK/picked.csv (csv)"
keys Enter
check "pager: ... and X writes it" \
	eventually sh -c "head -n 1 '$WORK/picked.csv' 2>/dev/null | grep -q '^id,'"
keys X; wait_for "export as"; literal "$WORK/alone.md"; keys Enter
check "pager: a file alone at X: the format from its extension" \
	eventually sh -c "grep -qs '^# ' '$WORK/alone.md'"
keys q
"$ARTREAD" --export markdown -o /nonexistent/dir/x.md "$A1" 2>"$WORK/err"
check "export: -o into a missing directory names the file and says so" \
	sh -c "[ $? -eq 2 ] && grep -q '^artread: /nonexistent/dir/x.md: cannot write it: the directory /nonexistent/dir does not exist$' '$WORK/err'"
# -o never replaces what the export reads: the article, or a sidecar.
cp "$A1" "$WORK/self.txt"
"$ARTREAD" --annotate 0:10:claim "$WORK/self.txt" >/dev/null
cp "$WORK/self.txt" "$WORK/self.before"
"$ARTREAD" --export -o "$WORK/self.txt" "$WORK/self.txt" 2>"$WORK/err"
check "export: -o naming the article refuses, says so, leaves it" \
	sh -c "[ $? -eq 2 ] && grep -q 'self.txt: that is the article' '$WORK/err' && cmp -s '$WORK/self.txt' '$WORK/self.before'"
"$ARTREAD" --export -o "$WORK/self.txt" - <"$WORK/self.txt" 2>"$WORK/err"
check "export: -o naming the file standard input reads refuses too" \
	sh -c "[ $? -eq 2 ] && grep -q 'the article read from standard input' '$WORK/err' && cmp -s '$WORK/self.txt' '$WORK/self.before'"
cp "$WORK/self.txt.annotations.jsonl" "$WORK/side.before"
"$ARTREAD" --export json -o "$WORK/self.txt.annotations.jsonl" "$WORK/self.txt" 2>"$WORK/err"
check "export: -o naming a sidecar refuses, says so, leaves it" \
	sh -c "[ $? -eq 2 ] && grep -q 'artread keeps annotations there' '$WORK/err' && cmp -s '$WORK/self.txt.annotations.jsonl' '$WORK/side.before'"
ln "$WORK/self.txt.annotations.jsonl" "$WORK/hard.json"
"$ARTREAD" --export json -o "$WORK/hard.json" "$WORK/self.txt" 2>"$WORK/err"
check "export: -o on a hard link to a sidecar replaces the link, not the sidecar" \
	sh -c "[ $? -eq 0 ] && cmp -s '$WORK/self.txt.annotations.jsonl' '$WORK/side.before' && grep -q '\"type\"' '$WORK/hard.json'"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ "$(id -u)" -ne 0 ] || ! $NOBODY true 2>/dev/null; then
	skip_n 3 "read-only directory" "needs root and setpriv (to run as nobody)"
	finish
fi
RO="$WORK/ro" NB="$WORK/nb"
mkdir -m 755 "$RO"
mkdir -m 777 "$NB"
cp "$A1" "$RO/r.txt"
chmod 711 "$WORK"
start env HOME="$NB" XDG_DATA_HOME="$NB/data" XDG_CONFIG_HOME="$NB/config" \
	XDG_STATE_HOME="$NB/state" $NOBODY "$ARTREAD" --no-remember "$RO/r.txt"
wait_for "Liverpool" || fail "setup: the article did not show"
keys s 1
wait_for "tagged 'claim'" || fail "setup: not tagged"
keys X; wait_for "export as"; keys Enter
check "pager: X in a read-only directory asks for a file, offering one in HOME" \
	wait_for "save as (Enter: ~/r.txt.notes.txt):  (r.txt.notes.txt: directory not"
keys Enter
check "pager: ... Enter writes it there" \
	eventually sh -c "grep -qs claim '$NB/r.txt.notes.txt'"
keys q
cp "$A1" "$RO/a.txt"
chmod 555 "$RO"
env HOME="$NB" XDG_DATA_HOME="$NB/data" XDG_CONFIG_HOME="$NB/config" \
	XDG_STATE_HOME="$NB/state" $NOBODY "$ARTREAD" --annotate 0:10:claim \
	"$RO/a.txt" >/dev/null 2>"$WORK/err"
check "annotate: in a read-only directory, says where the annotation went" \
	grep -q '^artread: .*a.txt: saved to ~/data/artread/annotations/.*(article directory not writable)$' "$WORK/err"
chmod 700 "$WORK"
finish
