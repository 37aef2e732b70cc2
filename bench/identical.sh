#!/bin/sh
# identical.sh: are artread's outputs the same as before a change?
#
#   sh bench/identical.sh record [small|big|all]   write the golden outputs
#   sh bench/identical.sh check  [small|big|all]   compare with them
#   make perf-identical                            check all
#
# Record with the program as it was (ARTREAD=/path/to/old/artread sh
# bench/identical.sh record), then check after each change.  Every
# listing, --dump (plain and in colour), --stats in colour and each
# export format (with the article's quotes and entities) is run on:
#   small  the sample articles, tests/data/tuning, tests/data/heldout4
#          (the articles only: never their gold files), the export test's
#          story and the analysis fuzz corpus;
#   big    generated news of 1, 10 and 100 MB (bench/gen-news.c; IDENT_MB
#          overrides the sizes) and four made from them and the articles
#          (bench/out/ident/): the articles repeated to 3 MB, 2 MB with
#          CRLF line ends, 2 MB without a blank line, 2 MB quoted with
#          single marks only.
# Golden outputs go to bench/out/golden/ (git-ignored), the latest ones
# to bench/out/ident/latest/.  ARGS adds options to every run (say
# ARGS="-j 1").  Exit status: 0 all identical, 1 a difference (each is
# named, with the first lines of its diff), 2 no golden outputs.
set -u
cd "$(dirname "$0")/.." || exit 2

what=${1:-check}
set_=${2:-all}
ARTREAD=${ARTREAD:-./artread}
ARGS=${ARGS:-}
IDENT_MB=${IDENT_MB:-1 10 100}
OUT=bench/out
GOLD=$OUT/golden
LATEST=$OUT/ident/latest
case $what in
record) DEST=$GOLD ;;
check)	DEST=$LATEST
	[ -d "$GOLD" ] || { echo "identical: no $GOLD: record first" >&2; exit 2; } ;;
*)	echo "usage: sh bench/identical.sh record|check [small|big|all]" >&2
	exit 2 ;;
esac

# A clean environment: no user settings, a fixed width, no terminal.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 COLUMNS=80 TERM=xterm-256color
unset NO_COLOR
export XDG_CONFIG_HOME="$PWD/$OUT/ident/xdg/config" \
	XDG_STATE_HOME="$PWD/$OUT/ident/xdg/state" \
	XDG_DATA_HOME="$PWD/$OUT/ident/xdg/data" \
	XDG_CACHE_HOME="$PWD/$OUT/ident/xdg/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_DATA_HOME" \
	"$XDG_CACHE_HOME" "$OUT/ident"

# ---- inputs -------------------------------------------------------------

small_inputs() {
	ls sample-articles/*.txt tests/data/tuning/*.txt \
		tests/data/heldout4/*.txt tests/data/export/story.txt \
		tests/fuzz/corpus/fuzz_analysis/* 2>/dev/null
}

# repeat FILE... into OUT until it holds SIZE bytes
fill() {
	size=$1 out=$2
	shift 2
	: > "$out.tmp"
	while [ "$(wc -c < "$out.tmp")" -lt "$size" ]; do
		cat "$@" >> "$out.tmp"
	done
	mv "$out.tmp" "$out"
}

big_inputs() {
	CC=${CC:-cc}
	if [ ! -x "$OUT/gen-news" ] || [ bench/gen-news.c -nt "$OUT/gen-news" ]; then
		$CC -O2 -o "$OUT/gen-news" bench/gen-news.c || exit 2
	fi
	for mb in $IDENT_MB; do
		f=$OUT/news-${mb}mb.txt
		[ -s "$f" ] && [ "$f" -nt "$OUT/gen-news" ] ||
			"$OUT/gen-news" "$mb" "$f" >&2
		echo "$f"
	done
	d=$OUT/ident
	[ -s "$d/news-2mb.txt" ] || "$OUT/gen-news" 2 "$d/news-2mb.txt" >&2
	[ -s "$d/articles-3mb.txt" ] || fill 3000000 "$d/articles-3mb.txt" \
		sample-articles/*.txt tests/data/tuning/*.txt
	[ -s "$d/crlf-2mb.txt" ] || sed 's/$/\r/' "$d/news-2mb.txt" > "$d/crlf-2mb.txt"
	[ -s "$d/noblank-2mb.txt" ] || grep -v '^[[:space:]]*$' \
		"$d/news-2mb.txt" > "$d/noblank-2mb.txt"
	[ -s "$d/single-2mb.txt" ] || sed "s/[\"“”]/'/g; s/„/‘/g" \
		"$d/news-2mb.txt" > "$d/single-2mb.txt"
	echo "$d/articles-3mb.txt $d/crlf-2mb.txt $d/noblank-2mb.txt $d/single-2mb.txt" |
		tr ' ' '\n'
}

case $set_ in
small)	inputs=$(small_inputs) ;;
big)	inputs=$(big_inputs) ;;
all)	inputs="$(small_inputs)
$(big_inputs)" ;;
*)	echo "identical: unknown set $set_" >&2; exit 2 ;;
esac

# ---- runs ---------------------------------------------------------------

MODES="entities quotes stats stats-color dump dump-color export-text
export-markdown export-json export-brat export-csv"

run_mode() {	# MODE FILE
	# shellcheck disable=SC2086
	case $1 in
	entities)	"$ARTREAD" $ARGS --entities "$2" ;;
	quotes)		"$ARTREAD" $ARGS --quotes "$2" ;;
	stats)		"$ARTREAD" $ARGS --stats "$2" ;;
	stats-color)	"$ARTREAD" $ARGS --stats --color=always "$2" ;;
	dump)		"$ARTREAD" $ARGS --dump "$2" ;;
	dump-color)	"$ARTREAD" $ARGS --dump --color=always "$2" ;;
	# (the export's time and collection id change every run)
	export-*)	"$ARTREAD" $ARGS --export="${1#export-}" --with-quotes \
			    --with-entities "$2" > "$OUT/ident/export.tmp"
			rc=$?
			sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' \
			    -e 's/urn:uuid:[0-9a-f-]+/urn:uuid:ID/g' \
			    "$OUT/ident/export.tmp"
			return $rc ;;
	esac
}

fails=0 runs=0
for f in $inputs; do
	name=$(echo "$f" | tr '/' '_')
	before=$fails
	mkdir -p "$DEST/$name"
	for m in $MODES; do
		out=$DEST/$name/$m
		run_mode "$m" "$f" > "$out.out" 2> "$out.err"
		echo "exit $?" >> "$out.err"
		runs=$((runs + 1))
		[ "$what" = record ] && continue
		for k in out err; do
			if ! cmp -s "$GOLD/$name/$m.$k" "$out.$k"; then
				fails=$((fails + 1))
				echo "DIFFERS: $f $m ($k)"
				diff "$GOLD/$name/$m.$k" "$out.$k" | head -n 8
			fi
		done
	done
	# keep the outputs of a file that differs, for a closer look
	[ "$what" = check ] && [ "$fails" -eq "$before" ] &&
		rm -rf "${DEST:?}/$name"
done
if [ "$what" = record ]; then
	echo "identical: recorded $runs outputs in $GOLD"
	exit 0
fi
echo "identical: $runs runs, $fails difference(s)"
[ "$fails" -eq 0 ]
