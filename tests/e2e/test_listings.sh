#!/bin/sh
# End-to-end: a text long enough to be analysed in blocks (over 1 MiB:
# the articles one after another, again and again) gives the same
# listings, dumps (painted in the threads) and exports on one thread as
# on two and three (issue 16, item 3), and they are what a listing
# should be: every entity line START END TYPE TEXT NAME, the quotes, the
# summary, the dump, the text export with its quotes and entities.
# (That a block at a time gives what the whole text gives is
# test_analysis's and test_stats' work.)  A text long enough for what
# is kept a mention to go to a temporary file (30 MB of them) keeps
# it in $TMPDIR and leaves nothing there; without that directory, one
# line and status 2, and an export to -o FILE then leaves FILE as it was
# and no temporary file beside it.
. "$(dirname "$0")/lib.sh"
plan 16

BIG=$WORK/long.txt
: >"$BIG"
while [ "$(wc -c <"$BIG")" -lt 2500000 ]; do
	cat "$ROOT"/sample-articles/*.txt "$ROOT"/tests/data/tuning/*.txt >>"$BIG"
done

run() {	# J MODE: MODE's output with -j J into $WORK/J.MODE
	case $2 in
	export)	"$ARTREAD" -j "$1" --export=text --with-quotes --with-entities \
		    "$BIG" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' ;;
	dump-color) "$ARTREAD" -j "$1" --dump --color=always "$BIG" ;;
	*)	"$ARTREAD" -j "$1" "--$2" "$BIG" ;;
	esac >"$WORK/$1.$2" 2>"$WORK/$1.$2.err"
	echo "exit $?" >>"$WORK/$1.$2.err"
}

for m in entities quotes stats dump dump-color export; do
	for j in 1 2 3; do
		run "$j" "$m"
	done
	check "--$m: the same on 1, 2 and 3 threads" \
		sh -c "cmp -s '$WORK/1.$m' '$WORK/2.$m' &&
		    cmp -s '$WORK/1.$m' '$WORK/3.$m' &&
		    cmp -s '$WORK/1.$m.err' '$WORK/2.$m.err' &&
		    cmp -s '$WORK/1.$m.err' '$WORK/3.$m.err'"
done

# What was compared is a real listing of the whole text.
n=$(grep -c . "$WORK/1.entities")
check "--entities: thousands of lines, each START END TYPE TEXT NAME" \
	sh -c "[ '$n' -gt 5000 ] && ! grep -Evq \
	    '^[0-9]+	[0-9]+	[A-Z]+	[^	]+	[^	]+$' '$WORK/1.entities'"
last=$(tail -n 1 "$WORK/1.entities" | cut -f1)
size=$(wc -c <"$BIG")
check "--entities: mentions to the end of the text" \
	sh -c "[ '$last' -gt $((size - 200000)) ]"
check "--quotes: quotes of the whole text, with speakers" \
	sh -c "[ \$(grep -c . '$WORK/1.quotes') -gt 1000 ] &&
	    [ \$(cut -f3 '$WORK/1.quotes' | grep -cv '^-$') -gt 500 ]"
check "--stats: the summary's last line" \
	grep -q '^Words in direct quotes: [0-9]* of [0-9]* ' "$WORK/1.stats"
check "--dump: a row for every line of text or more" \
	sh -c "[ \$(wc -l <'$WORK/1.dump') -ge \$(grep -c . '$BIG') ]"
check "every run ended with status 0" \
	sh -c "! grep -h '^exit' '$WORK'/*.err | grep -vqx 'exit 0'"
check "--export: the text export lists the quotes and the entities" \
	sh -c "grep -Eq '^Quotes \([0-9]{4,}\)$' '$WORK/1.export' &&
	    grep -Eq '^Entities \([0-9]{3,}\)$' '$WORK/1.export'"

# 30 MB of these articles: what is kept a mention (over 4 MB of it) goes
# to an unlinked file in $TMPDIR.
HUGE=$WORK/huge.txt
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cat "$BIG"; done >"$HUGE"
mkdir "$WORK/tmp"
TMPDIR=$WORK/tmp "$ARTREAD" --entities "$HUGE" >"$WORK/huge.out" \
    2>"$WORK/huge.err"
echo "exit $?" >>"$WORK/huge.err"
check "a long text's listing leaves nothing in \$TMPDIR" \
	sh -c "[ \$(grep -c . '$WORK/huge.out') -gt 350000 ] &&
	    [ \"\$(cat '$WORK/huge.err')\" = 'exit 0' ] &&
	    [ -z \"\$(ls -A '$WORK/tmp')\" ]"
TMPDIR=$WORK/none "$ARTREAD" --entities "$HUGE" >"$WORK/none.out" \
    2>"$WORK/none.err"
echo "exit $?" >>"$WORK/none.err"
printf 'artread: temporary data in %s: No such file or directory\nexit 2\n' \
    "$WORK/none" >"$WORK/none.want"
check "no \$TMPDIR: one line naming it, status 2" \
	cmp -s "$WORK/none.want" "$WORK/none.err"
mkdir "$WORK/out"
echo old >"$WORK/out/e.txt"
TMPDIR=$WORK/none "$ARTREAD" --export=text --with-quotes --with-entities \
    -o "$WORK/out/e.txt" "$HUGE" 2>"$WORK/none-export.err"
echo "exit $?" >>"$WORK/none-export.err"
check "no \$TMPDIR: --export -o FILE keeps FILE, leaves no temporary file" \
	sh -c "cmp -s '$WORK/none.want' '$WORK/none-export.err' &&
	    [ \"\$(cat '$WORK/out/e.txt')\" = old ] &&
	    [ \"\$(ls -A '$WORK/out')\" = e.txt ]"
