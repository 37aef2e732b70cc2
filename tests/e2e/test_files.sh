#!/bin/sh
# End-to-end: annotation files that are not what they seem (FIFOs, links,
# devices, read-only files, a byte order mark), exports that must not
# follow a planted link or replace a file unasked, a change made in two
# places at once, format 1 sidecars, and imports from a pipe.
. "$(dirname "$0")/lib.sh"
plan 55

SAMPLE="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
TO=10		# seconds: anything slower is a hang

# fresh NAME: a copy of the sample article in its own directory.
fresh() {
	mkdir -p "$WORK/$1"
	cp "$SAMPLE" "$WORK/$1/story.txt"
	echo "$WORK/$1/story.txt"
}

# quick NAME COMMAND...: the command ends within TO seconds (status in
# $rc, stderr in $WORK/err).
quick() {
	name=$1; shift
	timeout "$TO" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	if [ "$rc" -eq 124 ]; then fail "$name" "hung"; return 1; fi
	ok "$name"
}

# ---- a FIFO where the sidecar should be --------------------------------
ART=$(fresh fifo)
mkfifo "$ART.annotations.jsonl"
quick "fifo sidecar: --export returns" "$ARTREAD" --export json "$ART"
check "fifo sidecar: --export fails, naming the FIFO" \
	sh -c "[ $rc -eq 2 ] && grep -q 'FIFO' '$WORK/err'"
quick "fifo sidecar: --annotate returns" "$ARTREAD" --annotate 0:9:x "$ART"
check "fifo sidecar: --annotate fails and says why" \
	sh -c "[ $rc -eq 2 ] && grep -q 'FIFO' '$WORK/err'"
printf 'T1\tclaim 0 9\tLiverpool\n' >"$WORK/one.ann"
quick "fifo sidecar: --import returns" "$ARTREAD" --import brat "$WORK/one.ann" "$ART"
check "fifo sidecar: --import fails" [ "$rc" -eq 2 ]
check "fifo sidecar: it is still a FIFO" test -p "$ART.annotations.jsonl"
start "$ARTREAD" --no-remember "$ART"
check "fifo sidecar: the pager opens the article" wait_for "Liverpool Council Backs"
check "fifo sidecar: the pager says what is wrong" wait_for "is a FIFO"
keys q
check "fifo sidecar: q quits (status 2: its annotations were read-only)" wait_for "EXIT=2"

# ---- a link to /dev/zero where the sidecar should be ----------------
ART=$(fresh zero)
ln -s /dev/zero "$ART.annotations.jsonl"
quick "/dev/zero sidecar: --export returns" "$ARTREAD" --export "$ART"
check "/dev/zero sidecar: --export fails and says why" \
	sh -c "[ $rc -eq 2 ] && grep -q 'not a regular file' '$WORK/err'"

# ---- a byte order mark and blank lines before the header --------------
ART=$(fresh bom)
"$ARTREAD" --annotate-text "Tonight this city decided" --tag claim "$ART" >/dev/null
{ printf '\357\273\277\n\n'; cat "$ART.annotations.jsonl"; } >"$WORK/bom.jsonl"
mv "$WORK/bom.jsonl" "$ART.annotations.jsonl"
"$ARTREAD" --export csv "$ART" >"$WORK/bom.csv" 2>"$WORK/err"
check "bom sidecar: its annotation is exported" \
	sh -c "[ $? -eq 0 ] && grep -q 'Tonight this city decided' '$WORK/bom.csv'"
check "bom sidecar: --annotate adds to it" \
	sh -c "'$ARTREAD' --annotate 0:9:head '$ART' >/dev/null"
check "bom sidecar: both are there" \
	sh -c "[ \$('$ARTREAD' --export csv '$ART' | wc -l) -eq 3 ]"

# ---- a sidecar made read-only -----------------------------------------
ART=$(fresh ro)
"$ARTREAD" --annotate 0:9:seed "$ART" >/dev/null
chmod 444 "$ART.annotations.jsonl"
cp "$ART.annotations.jsonl" "$WORK/ro.before"
"$ARTREAD" --annotate 10:17:more "$ART" >/dev/null 2>"$WORK/err"
check "read-only sidecar: --annotate exits 2 saying read-only" \
	sh -c "[ $? -eq 2 ] && grep -q 'read-only' '$WORK/err'"
check "read-only sidecar: the file is unchanged" \
	cmp -s "$ART.annotations.jsonl" "$WORK/ro.before"
check "read-only sidecar: it still exports" \
	sh -c "'$ARTREAD' --export csv '$ART' 2>/dev/null | grep -q seed"
start "$ARTREAD" --no-remember "$ART"
check "read-only sidecar: the pager says so" wait_for "read-only"
keys s 1
check "read-only sidecar: tagging is refused" wait_for "annotations are read-only"
keys q q
wait_for "EXIT="
check "read-only sidecar: still unchanged after the pager" \
	cmp -s "$ART.annotations.jsonl" "$WORK/ro.before"

# ---- a change made here and elsewhere at once ------------------------
ART=$(fresh conflict)
ID=$("$ARTREAD" --annotate-text "Tonight this city decided" --tag claim "$ART")
start "$ARTREAD" --no-remember "$ART"
check "conflict: the pager opens" wait_for "1 annotation"
# Another writer changes the same annotation's note meanwhile.
python3 - "$ART.annotations.jsonl" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
a = json.loads(lines[1])
a["body"].append({"type": "TextualBody", "purpose": "commenting",
                  "value": "their note", "format": "text/plain"})
a["modified"] = "2099-01-01T00:00:00.000Z"
lines[1] = json.dumps(a, ensure_ascii=False, separators=(",", ":"))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
keys / ; literal "Tonight this city"; keys Enter a
wait_for "note:"
literal "my note"; keys Enter
check "conflict: the status line says both copies are kept" \
	wait_for "both copies kept"
keys q
wait_for "EXIT="
check "conflict: the sidecar has my note under the id" \
	sh -c "grep '\"id\":\"$ID\"' '$ART.annotations.jsonl' | grep -q 'my note'"
check "conflict: and their note in a copy marked conflictOf" \
	sh -c "grep '\"conflictOf\":\"$ID\"' '$ART.annotations.jsonl' | grep -q 'their note'"

# ---- exports: planted links, FIFOs, files that exist -----------------
ART=$(fresh exp)
"$ARTREAD" --annotate 0:9:claim "$ART" >/dev/null
printf 'precious\n' >"$WORK/victim"
ln -s "$WORK/victim" "$ART.notes.txt"
start "$ARTREAD" --no-remember "$ART"
wait_for "Liverpool Council Backs"
keys X
wait_for "export as"
keys Enter
wait_for "exists: replace it?"
keys y
check "X: exports over a planted link" wait_for "exported 1 annotation to"
keys q
wait_for "EXIT="
check "X: the link's target is untouched" \
	sh -c "[ \"\$(cat '$WORK/victim')\" = precious ]"
check "X: the report is a regular file" \
	sh -c "[ -f '$ART.notes.txt' ] && [ ! -L '$ART.notes.txt' ] &&
	    grep -q 'Liverpool' '$ART.notes.txt'"
mkfifo "$ART.annotations.csv"
start "$ARTREAD" --no-remember "$ART"
wait_for "Liverpool Council Backs"
keys X
wait_for "export as"
literal "csv"; keys Enter
check "X: a FIFO at the export name is an error, not a hang" \
	wait_for "export failed"
keys q
check "X: q still quits" wait_for "EXIT=0"
quick "-o FIFO: returns" "$ARTREAD" --export csv -o "$ART.annotations.csv" "$ART"
check "-o FIFO: fails and says why" sh -c "[ $rc -eq 2 ] && grep -q FIFO '$WORK/err'"
ln -s "$WORK/victim" "$WORK/exp/planted.json"
"$ARTREAD" --export json -o "$WORK/exp/planted.json" "$ART" 2>/dev/null
check "-o FILE: a planted link is replaced, its target untouched" \
	sh -c "[ \"\$(cat '$WORK/victim')\" = precious ] &&
	    [ ! -L '$WORK/exp/planted.json' ] &&
	    grep -q AnnotationCollection '$WORK/exp/planted.json'"
mkdir -p "$WORK/dir"
"$ARTREAD" --export json -o "$WORK/dir/" "$ART"
printf 'mine\n' >"$WORK/dir/story.txt.annotations.json"
"$ARTREAD" --export json -o "$WORK/dir/" "$ART" 2>"$WORK/err"
check "-o DIR/: an existing file is not replaced" \
	sh -c "[ $? -eq 2 ] && [ \"\$(cat '$WORK/dir/story.txt.annotations.json')\" = mine ]"
check "-o DIR/: ... and --force is named" grep -q -- '--force' "$WORK/err"
check "-o DIR/: the message names the file with one slash" \
	grep -q -- "$WORK/dir/story.txt.annotations.json: " "$WORK/err"
"$ARTREAD" --export json --force -o "$WORK/dir/" "$ART" 2>"$WORK/err"
check "-o DIR/ --force: replaces it" \
	grep -q AnnotationCollection "$WORK/dir/story.txt.annotations.json"
check "exports: no temporary file left" \
	sh -c "! ls -a '$WORK/exp' '$WORK/dir' | grep -q 'artread-tmp'"

# ---- format 1, rewritten as 2 --------------------------------------------
ART=$(fresh v1)
SHA=$(sha256sum "$ART" | cut -d' ' -f1)
cat >"$ART.annotations.jsonl" <<EOF
{"type":"artread-annotations","version":1,"article":{"name":"story.txt","sha256":"$SHA","size":$(wc -c <"$ART")}}
{"id":"0123456789abcdef0123456789abcdef","type":"Annotation","created":"2024-05-01T12:00:00.000Z","modified":"2024-05-01T12:00:00.000Z","body":[{"type":"TextualBody","purpose":"tagging","value":"old"}],"target":{"selector":[{"type":"TextPositionSelector","unit":"byte","start":0,"end":9},{"type":"TextQuoteSelector","exact":"Liverpool","prefix":"","suffix":" Council Backs £640m Mersey Brid"}]},"orphaned":false}
EOF
check "format 1: read" sh -c "'$ARTREAD' --export csv '$ART' | grep -q ',old,'"
"$ARTREAD" --annotate 10:17:new "$ART" >/dev/null
check "format 1: rewritten as 2 on the next save" \
	sh -c "head -n 1 '$ART.annotations.jsonl' | grep -q '\"version\":2' &&
	    grep -q '\"id\":\"urn:uuid:01234567-89ab-cdef-0123-456789abcdef\"' '$ART.annotations.jsonl'"

# ---- imports: a pipe, and what brat lines are skipped ----------------
ART=$(fresh imp)
printf 'T1\tclaim 0 9\tLiverpool\nR1\tCause Arg1:T1 Arg2:T1\nA1\tNegated T1\n' |
	"$ARTREAD" --import brat /dev/stdin "$ART" 2>"$WORK/err"
check "import: from a pipe" grep -q '1 annotation imported' "$WORK/err"
check "import: skipped brat lines are counted and named" \
	grep -q '2 brat lines skipped.*(R, A)' "$WORK/err"
# ---- a renamed article finds its annotations by its text (F1) ----------------
R="$WORK/renamed"
mkdir -p "$R"
cp "$ROOT/sample-articles/04-rhine-low-water.txt" "$R/mv1.txt"
"$ARTREAD" --annotate-text 'Barge traffic' --tag claim "$R/mv1.txt" >/dev/null
mv "$R/mv1.txt" "$R/mv2.txt"
"$ARTREAD" --list-annotations "$R/mv2.txt" >/dev/null 2>"$WORK/err"
check "renamed: a listing names the old file and how to adopt it" \
	sh -c "grep -q 'mv1.txt.annotations.jsonl holds 1 annotation made on this very text for mv1.txt' '$WORK/err' &&
	    grep -q 'artread --adopt $R/mv2.txt takes it' '$WORK/err'"
start "$ARTREAD" --no-remember "$R/mv2.txt"
check "renamed: the pager offers them" \
	wait_for "1 annotation of mv1.txt (gone; same text) found: y adopts" $TO
keys y
check "renamed: y adopts them" wait_for "adopted 1 annotation of mv1.txt" $TO
check "renamed: saved under the new name, the old file removed" \
	sh -c "[ ! -e '$R/mv1.txt.annotations.jsonl' ] &&
	    grep -q claim '$R/mv2.txt.annotations.jsonl'"
keys q
wait_for "EXIT=0" $TO || fail "renamed: q did not quit"
mv "$R/mv2.txt" "$R/mv3.txt"
"$ARTREAD" --adopt "$R/mv3.txt" 2>"$WORK/err"
check "renamed: --adopt takes them and says from where" \
	sh -c "[ $? -eq 0 ] && grep -q '1 annotation adopted from $R/mv2.txt.annotations.jsonl (removed)' '$WORK/err' &&
	    [ \$('$ARTREAD' --list-annotations '$R/mv3.txt' | wc -l) -eq 1 ]"
"$ARTREAD" --adopt "$R/mv3.txt" 2>"$WORK/err"
check "renamed: --adopt with nothing to adopt says so, exit 1" \
	sh -c "[ $? -eq 1 ] && grep -q 'no annotations left by a renamed article' '$WORK/err'"
cp "$R/mv3.txt" "$R/copy.txt"
"$ARTREAD" --list-annotations "$R/copy.txt" >"$WORK/out" 2>"$WORK/err"
check "renamed: a copy (the original still there) is offered nothing" \
	sh -c "[ ! -s '$WORK/out' ] && [ ! -s '$WORK/err' ]"
# A damaged sidecar under the new name: the message says how to adopt
# (move the damaged file aside, then --adopt), and that works.
cp "$ROOT/sample-articles/04-rhine-low-water.txt" "$R/dm1.txt"
"$ARTREAD" --annotate-text 'Barge traffic' --tag claim "$R/dm1.txt" >/dev/null
mv "$R/dm1.txt" "$R/dm2.txt"
echo '{bad json' >"$R/dm2.txt.annotations.jsonl"
"$ARTREAD" --list-annotations "$R/dm2.txt" >/dev/null 2>"$WORK/err"
check "renamed: a damaged sidecar's message says how to adopt" \
	sh -c "grep -q 'bad JSON.*dm1.txt.annotations.jsonl holds 1 annotation made on this very text for dm1.txt.*move the damaged file aside (mv $R/dm2.txt.annotations.jsonl $R/dm2.txt.annotations.jsonl.damaged), then artread --adopt $R/dm2.txt takes it' '$WORK/err'"
"$ARTREAD" --annotate 0:5:x "$R/dm2.txt" 2>"$WORK/err.a"
printf 'T1\tclaim 0 5\tBarge\n' | "$ARTREAD" --import brat /dev/stdin "$R/dm2.txt" 2>"$WORK/err.i"
check "renamed: ... and so do --annotate and --import, refused there" \
	sh -c "grep -q 'nothing was added.*move the damaged file aside (mv .*), then artread --adopt $R/dm2.txt takes it' '$WORK/err.a' &&
	    grep -q 'bad JSON.*move the damaged file aside (mv .*), then artread --adopt $R/dm2.txt takes it' '$WORK/err.i'"
start -x 140 "$ARTREAD" --no-remember "$R/dm2.txt"
check "renamed: ... and the pager's, what to do first" \
	wait_for "the sidecar is damaged: move dm2.txt.annotations.jsonl aside, then artread --adopt" $TO
keys q
wait_for "EXIT=2" $TO || fail "renamed: q did not quit"
mv "$R/dm2.txt.annotations.jsonl" "$R/dm2.txt.annotations.jsonl.damaged"
"$ARTREAD" --adopt "$R/dm2.txt" 2>"$WORK/err"
check "renamed: --adopt then takes them" \
	sh -c "[ $? -eq 0 ] && grep -q '1 annotation adopted from $R/dm1.txt.annotations.jsonl' '$WORK/err'"
# ---- an import of another article's export is said (F8) ----------------------
cp "$ROOT/sample-articles/03-lagos-dock-strike.txt" "$R/n.txt"
cp "$ROOT/sample-articles/06-nordic-grid-warning.txt" "$R/l.txt"
"$ARTREAD" --annotate 0:30:claim "$R/n.txt" >/dev/null
"$ARTREAD" --export json -o "$R/n.json" "$R/n.txt"
"$ARTREAD" --import json "$R/n.json" "$R/l.txt" 2>"$WORK/err"
check "import: another article's export is named, and its orphans counted" \
	sh -c "[ $? -eq 0 ] && grep -q 'warning: $R/n.json was made on another article (its source is file://$R/n.txt), not on $R/l.txt' '$WORK/err' &&
	    grep -q '1 of them is an orphan' '$WORK/err'"
# A byte-identical copy in another directory is the same article: its
# export names the other path, but was made on this very text.
mkdir "$R/elsewhere"
cp "$R/n.txt" "$R/elsewhere/n.txt"
"$ARTREAD" --import json "$R/n.json" "$R/elsewhere/n.txt" 2>"$WORK/err"
check "import: an export of a byte-identical copy elsewhere: no warning" \
	sh -c "[ $? -eq 0 ] && grep -q '1 annotation imported' '$WORK/err' &&
	    ! grep -q 'another article' '$WORK/err'"
finish
