#!/bin/sh
# table.sh: issue 16's table, every row from one run, artread beside less
# and bat, then the peak memory of the listings at 1, 10 and 100 MB (MEM_MB).
# run.sh calls it (make bench); alone: sh bench/table.sh after make.
#
# The pager rows are timed by bench/ptytime on a pseudo-terminal it holds
# (no terminal emulator, no polling floor; medians of RUNS): "first
# screen" until the headline has been written, `G` from the key until
# the file's last line has.  The batch rows are wall clock (median of 3)
# with output to /dev/null; the memory rows are bench/peakmem's peaks:
# the program's own memory (RssAnon) apart from the file's pages (RssFile
# + RssShmem: artread reads a big file into shared memory, mapped twice,
# so those pages count twice in VmRSS).
#
# Environment: ARTREAD (default ./artread), RUNS (default 5), OUT
# (default bench/out), MEM_MB (the sizes of the memory rows, default
# "1 10 100"; MEM_MB="1 10 100 300" adds 300 MB: about 5 minutes more).
# It reports; it never fails.
set -u
cd "$(dirname "$0")/.." || exit 0
ARTREAD=${ARTREAD:-./artread}
RUNS=${RUNS:-5}
OUT=${OUT:-bench/out}
CC=${CC:-cc}
MEM_MB=${MEM_MB:-1 10 100}
TOP='Kestrel Valley Council Approves Record'
END='End of the Kestrel Gazette archive'
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
unset LESSOPEN LESSCLOSE LESS PAGER BAT_PAGER BAT_CONFIG_PATH BAT_STYLE \
	BAT_THEME NO_COLOR 2>/dev/null
export LESSHISTFILE=-
export XDG_CONFIG_HOME="$PWD/$OUT/xdg/config" XDG_STATE_HOME="$PWD/$OUT/xdg/state" \
	XDG_DATA_HOME="$PWD/$OUT/xdg/data" XDG_CACHE_HOME="$PWD/$OUT/xdg/cache"
mkdir -p "$OUT" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_DATA_HOME" \
	"$XDG_CACHE_HOME"
note() { printf 'bench: %s\n' "$*" >&2; }

for t in gen-news ptytime peakmem; do
	if [ ! -x "$OUT/$t" ] || [ "bench/$t.c" -nt "$OUT/$t" ]; then
		$CC -O2 -o "$OUT/$t" "bench/$t.c" ||
			{ note "cannot build bench/$t.c"; exit 0; }
	fi
done
for mb in 0.005 1 10 100 $MEM_MB; do
	f=$OUT/news-${mb}mb.txt
	[ "$mb" = 0.005 ] && f=$OUT/news-5kb.txt
	[ -s "$f" ] && [ "$f" -nt "$OUT/gen-news" ] ||
		"$OUT/gen-news" "$mb" "$f" >&2
done
KB5=$OUT/news-5kb.txt MB10=$OUT/news-10mb.txt
MB100=$OUT/news-100mb.txt
cat "$MB100" "$MB10" >/dev/null		# into the page cache
BAT=$(command -v batcat 2>/dev/null || command -v bat 2>/dev/null || true)

median() {	# numbers (or >N) on stdin -> the median; >N sorts last
	sed 's/^>/9999999 >/' | sort -n | awk '
	    { v[NR] = NF > 1 ? $2 : $1 }
	    END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'
}

# pty SIZE FIELD RUNS CMD...: the median of ptytime's FIELD ("first" or
# "keys", the latter after G)
pty() {
	size=$1 field=$2 n=$3
	shift 3
	i=0
	while [ "$i" -lt "$n" ]; do
		if [ "$field" = keys ]; then
			"$OUT/ptytime" -s "$size" -k G -e "$END" "$TOP" -- "$@"
		else
			"$OUT/ptytime" -s "$size" "$TOP" -- "$@"
		fi | awk -v f="$field" '{ for (i = 1; i < NF; i++)
		    if ($i == f) print $(i + 1) }'
		i=$((i + 1))
	done | median
}

ratio() {	# A B -> "A ms (A/B×)" or A alone
	awk -v a="$1" -v b="$2" 'BEGIN {
	    if (a ~ /^>/ || b ~ /^[->]/ || b + 0 <= 0) { print a " ms"; exit }
	    printf "%s ms (%.1f×)", a, a / b }'
}

# wall MB FILE ARGS...: median of 3 wall times of artread, as "S s (R MB/s)"
wall() {
	mb=$1 f=$2
	shift 2
	for i in 1 2 3; do
		"$OUT/peakmem" "$ARTREAD" "$@" "$f" | awk '{ print $8 }'
	done | median | awk -v mb="$mb" '{ printf "%.2f s (%.1f MB/s)", $1 / 1000,
	    mb / ($1 / 1000) }'
}

# mem FILE ARGS...: "ANON / FILE'S PAGES" peaks in MB, and the time
mem() {
	f=$1
	shift
	"$OUT/peakmem" "$ARTREAD" "$@" "$f" | awk '{
	    printf "%.0f MB (file %.0f MB, %.1f s)", $2 / 1024, $4 / 1024,
	    $8 / 1000 }'
}

note "table: pager rows by ptytime, $RUNS runs each"
row() {	# LABEL SIZE FIELD FILE: less, bat, artread
	l=$(pty "$2" "$3" "$RUNS" less "$4")
	if [ -z "$BAT" ]; then b=-
	elif [ "$3" = keys ]; then
		b=$(pty "$2" "$3" 1 "$BAT" --paging=always "$4")	# seconds: once
	else
		b=$(pty "$2" "$3" "$RUNS" "$BAT" --paging=always "$4")
	fi
	a=$(pty "$2" "$3" "$RUNS" "$ARTREAD" --no-remember "$4")
	printf '| %s | %s ms | %s ms | %s |\n' "$1" "$l" "$b" "$(ratio "$a" "$l")"
}

CEIL=-
if [ -x build/bench/rules_speed ]; then
	CEIL=$(build/bench/rules_speed "$MB10" 2>/dev/null |
		awk '/^\(b\) all rules/ { print $4 }')
fi

echo
echo "issue 16's table, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | less | bat | artread |"
echo "|---|---|---|---|"
row "first screen, 5 KB article" 80x24 first "$KB5"
row "first screen, 100 MB file" 80x24 first "$MB100"
row "first screen, 100 MB, 200×60" 200x60 first "$MB100"
row "\`G\` on 100 MB" 80x24 keys "$MB100"
echo "| \`--entities\` 10 MB, 2 threads | — | — | $(wall 10 "$MB10" -j 2 --entities) |"
echo "| \`--entities\` 10 MB, 1 thread | — | — | $(wall 10 "$MB10" -j 1 --entities) (PCRE2-JIT ceiling of the rules alone: $CEIL MB/s) |"
echo "| \`--entities\` 100 MB, peak memory | — | — | $(mem "$MB100" --entities) |"
echo "| \`--dump\` 10 MB | — | — | $(wall 10 "$MB10" --dump) |"
echo
echo "peak memory of the listings: the program's own (RssAnon) and the"
echo "file's pages (RssFile + RssShmem), and the time:"
echo
printf '| listing |'
for mb in $MEM_MB; do printf ' %s MB |' "$mb"; done
printf '\n|---|'
for mb in $MEM_MB; do printf -- '---|'; done
echo
for m in entities quotes stats dump export; do
	case $m in
	export)	set -- --export=text --with-quotes --with-entities ;;
	*)	set -- "--$m" ;;
	esac
	printf '| `%s` |' "$*"
	for mb in $MEM_MB; do
		printf ' %s |' "$(mem "$OUT/news-${mb}mb.txt" "$@")"
	done
	echo
done
exit 0
