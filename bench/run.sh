#!/bin/sh
# artread benchmarks: `make bench` (or `sh bench/run.sh` after `make`).
#
# Compares artread with less and bat on a generated 100 MB news-like file
# in an 80x24 tmux pane: time to first screen, time for `G` to show the end,
# RSS after `G`; then the throughput of `artread --dump` and
# `artread --entities` on a 10 MB file, the rule engine, and SHA-256 of
# the 100 MB file; last, issue 16's table (bench/table.sh: pager rows
# timed on a pseudo-terminal, the listings' peak memory at 1, 10 and
# 100 MB).  See bench/README.md.
#
# Environment:
#   ARTREAD=path   binary to measure (default ./artread)
#   RUNS=n         runs per measurement (default 5; medians are reported)
#   SIZE_MB=n      size of the big file (default 100)
#
# Never fails because one tool is missing or broken: it reports and goes on,
# and exits 0.

set -u
cd "$(dirname "$0")/.." || exit 0

OUT=bench/out
ARTREAD=${ARTREAD:-./artread}
RUNS=${RUNS:-5}
SIZE_MB=${SIZE_MB:-100}
BIG=$OUT/news-${SIZE_MB}mb.txt
SMALL=$OUT/news-10mb.txt
ONE=$OUT/one-line.txt
TOP='Kestrel Valley Council Approves Record'
END='End of the Kestrel Gazette archive'
FS_TIMEOUT=15000	# ms, first screen
G_TIMEOUT=15000		# ms, `G`

mkdir -p "$OUT"
START=$(date +%s)
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }
LOAD0=$(load)

# A clean, reproducible environment for every program under test.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LESSOPEN LESSCLOSE LESS LESSKEY PAGER BAT_PAGER BAT_CONFIG_PATH \
	BAT_STYLE BAT_THEME NO_COLOR 2>/dev/null
export LESSHISTFILE=-
export XDG_CONFIG_HOME="$PWD/$OUT/xdg/config" XDG_STATE_HOME="$PWD/$OUT/xdg/state" \
	XDG_DATA_HOME="$PWD/$OUT/xdg/data" XDG_CACHE_HOME="$PWD/$OUT/xdg/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

note() { printf 'bench: %s\n' "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---- tools --------------------------------------------------------------

CC=${CC:-cc}
for t in gen-news tpoll; do
	if [ ! -x "$OUT/$t" ] || [ "bench/$t.c" -nt "$OUT/$t" ]; then
		if ! $CC -O2 -o "$OUT/$t" "bench/$t.c"; then
			note "cannot build bench/$t.c; giving up"
			exit 0
		fi
	fi
done

if ! command -v batcat >/dev/null 2>&1 && ! command -v bat >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else SUDO=none; fi
	if [ "$SUDO" != none ] && command -v apt-get >/dev/null 2>&1; then
		note "installing bat (apt-get install -y bat)"
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq bat >/dev/null 2>&1 ||
			{ $SUDO apt-get update -qq >/dev/null 2>&1 &&
			  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq bat >/dev/null 2>&1; } ||
			note "could not install bat; skipping it"
	else
		note "bat is not installed and cannot be installed here (not root, no sudo); skipping it"
	fi
fi
BAT=$(command -v batcat 2>/dev/null || command -v bat 2>/dev/null || true)

# ---- input files (generated once; regenerated when the generator changes) --

gen() {	# SIZE_MB FILE
	if [ ! -s "$2" ] || [ "$OUT/gen-news" -nt "$2" ]; then
		t0=$(now_ms)
		"$OUT/gen-news" "$1" "$2" || { note "gen-news failed"; exit 0; }
		note "generated $2 in $(( $(now_ms) - t0 )) ms"
	fi
}
gen "$SIZE_MB" "$BIG"
gen 10 "$SMALL"
gen 1 "$OUT/news-1mb.txt"
echo 'floor-marker: a one-line file' > "$ONE"
cat "$BIG" "$SMALL" > /dev/null	# into the page cache

mb_of() { awk -v b="$(wc -c < "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# ---- helpers ----------------------------------------------------------------

median() {	# numbers on stdin (one per line) -> median, or "-"
	sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else print a[int((NR + 1) / 2)] }'
}

# RSS (MB) of a process and all its descendants.
tree_rss_kb() {
	pid=$1
	kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
	kb=${kb:-0}
	for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
		kb=$(( kb + $(tree_rss_kb "$c") ))
	done
	echo "$kb"
}

# ---- tmux -----------------------------------------------------------------

HAVE_TMUX=1
command -v tmux >/dev/null 2>&1 || { HAVE_TMUX=0; note "tmux not found: skipping pager measurements"; }
SOCK=bench$$
PANE=bench:0.0
TM() { tmux -L "$SOCK" "$@"; }
cleanup() { [ "$HAVE_TMUX" = 1 ] && TM kill-server >/dev/null 2>&1; }
trap cleanup EXIT INT TERM

if [ "$HAVE_TMUX" = 1 ]; then
	TM -f /dev/null new-session -d -s bench -x 80 -y 24 'exec sleep 100000' &&
	TM set -g status off \; set -g remain-on-exit on \; \
		set -g window-size manual \; set -g history-limit 0 >/dev/null &&
	TM resize-window -t bench:0 -x 80 -y 24 ||
		{ note "cannot start tmux; skipping pager measurements"; HAVE_TMUX=0; }
	if [ "$HAVE_TMUX" = 1 ] && infocmp tmux-256color >/dev/null 2>&1; then
		TM set -g default-terminal tmux-256color
	fi
	[ "$HAVE_TMUX" = 1 ] && note "pane: $(TM display -p -t "$PANE" '#{pane_width}x#{pane_height}'), TERM in pane: $(TM show -gv default-terminal)"
fi

blank() {	# an empty pane running nothing interesting
	TM respawn-pane -k -t "$PANE" 'exec sleep 100000' && TM clear-history -t "$PANE"
}

# first_screen CMD STRING -> ms (or >timeout)
first_screen() {
	blank
	"$OUT/tpoll" "$SOCK" "$PANE" "$FS_TIMEOUT" "$2" -- \
		tmux -L "$SOCK" respawn-pane -k -t "$PANE" "exec $1"
}

# measure NAME CMD [G]: RUNS runs of first screen (and G, RSS after G)
RESULTS=$OUT/results.txt
: > "$RESULTS"
measure() {
	name=$1 cmd=$2 do_g=${3:-}
	fs_list="" g_list="" rss_list="" g_note="" i=1
	while [ "$i" -le "$RUNS" ]; do
		fs=$(first_screen "$cmd" "$TOP")
		case $fs in
		'>'*|error|'')
			note "$name: first screen did not appear within $FS_TIMEOUT ms"
			fs_list="$fs_list 999999999"; break ;;
		esac
		fs_list="$fs_list $fs"
		if [ -n "$do_g" ] && [ -z "$g_note" ]; then
			g=$("$OUT/tpoll" "$SOCK" "$PANE" "$G_TIMEOUT" "$END" -- \
				tmux -L "$SOCK" send-keys -t "$PANE" G)
			pid=$(TM display -p -t "$PANE" '#{pane_pid}')
			rss=$(tree_rss_kb "$pid")
			rss_list="$rss_list $rss"
			case $g in
			'>'*|error|'')
				# counts as +infinity in the median; one timeout is
				# enough: do not wait 15 s five times
				g_note=">$G_TIMEOUT"
				g_list="$g_list 999999999"
				note "$name: G did not reach the end within $G_TIMEOUT ms (RSS at that moment: $(( rss / 1024 )) MB)" ;;
			*)	g_list="$g_list $g" ;;
			esac
		fi
		i=$((i + 1))
	done
	blank
	fs_m=$(echo "$fs_list" | tr ' ' '\n' | grep . | median)
	[ "$fs_m" = 999999999 ] && fs_m=">$FS_TIMEOUT"
	if [ -z "$do_g" ]; then g_m="-"; rss_m="-"
	else
		g_m=$(echo "$g_list" | tr ' ' '\n' | grep . | median)
		if [ "$g_m" = 999999999 ]; then g_m=">$G_TIMEOUT"
		elif [ -n "$g_note" ]; then g_m="$g_m*"; fi
		rss_m=$(echo "$rss_list" | tr ' ' '\n' | grep . | median)
		[ "$rss_m" != "-" ] && rss_m=$(awk -v k="$rss_m" 'BEGIN { printf "%.1f", k / 1024 }')
	fi
	printf '%s\t%s\t%s\t%s\n' "$name" "$fs_m" "$g_m" "$rss_m" >> "$RESULTS"
	note "$name: first screen $fs_m ms, G $g_m ms, RSS $rss_m MB (runs:$fs_list | G:$(echo "${g_list:-}" | sed "s/999999999/>$G_TIMEOUT/"))"
}

# keys_floor: send a key string to an interactive `cat` and wait for the echo
keys_floor() {
	list="" i=1
	while [ "$i" -le "$RUNS" ]; do
		blank
		TM respawn-pane -k -t "$PANE" 'exec cat'
		sleep 0.05
		v=$("$OUT/tpoll" "$SOCK" "$PANE" 2000 "QZ$i" -- tmux -L "$SOCK" send-keys -t "$PANE" "QZ$i")
		case $v in '>'*|error|'') ;; *) list="$list $v" ;; esac
		i=$((i + 1))
	done
	echo "$list" | tr ' ' '\n' | grep . | median
}

# (the floor runs `cat FILE -`: print the file, then wait on the tty, so
# that cat does not exit before tmux has read its output)

# ---- pager measurements ----------------------------------------------------

BIGQ=$(printf '%s' "$BIG" | sed "s/'/'\\\\''/g")
if [ "$HAVE_TMUX" = 1 ]; then
	note "measuring in tmux, $RUNS runs each, file $BIG ($(mb_of "$BIG") MB)"
	FLOOR_ONE=""; i=1
	while [ "$i" -le "$RUNS" ]; do
		FLOOR_ONE="$FLOOR_ONE $(first_screen "cat $ONE -" 'floor-marker')"
		i=$((i + 1))
	done
	FLOOR=$(echo "$FLOOR_ONE" | tr ' ' '\n' | grep -v '^>' | grep . | median)
	KFLOOR=$(keys_floor)
	note "floor: first screen of cat (1-line file) $FLOOR ms; keys->echo $KFLOOR ms"

	if [ -x "$ARTREAD" ]; then
		measure artread "$ARTREAD --no-remember '$BIGQ'" G
	else
		note "$ARTREAD not found or not executable; skipping artread"
		printf 'artread\tmissing\t-\t-\n' >> "$RESULTS"
	fi
	if command -v less >/dev/null 2>&1; then
		measure less "less '$BIGQ'" G
	else
		printf 'less\tmissing\t-\t-\n' >> "$RESULTS"
	fi
	if [ -n "$BAT" ]; then
		measure "bat" "$BAT --paging=always '$BIGQ'" G
	else
		printf 'bat\tmissing\t-\t-\n' >> "$RESULTS"
	fi
fi

# ---- batch throughput on the 10 MB file --------------------------------------

# batch NAME ARGS... : median of 3 wall times of ARTREAD ARGS SMALL > /dev/null
BATCH=$OUT/batch.txt
: > "$BATCH"
batch() {
	name=$1; shift
	if [ ! -x "$ARTREAD" ]; then
		printf '%s\tmissing\n' "$name" >> "$BATCH"; return
	fi
	list="" rc=0 i=1
	while [ "$i" -le 3 ]; do
		t0=$(now_ms)
		timeout 120 "$ARTREAD" "$@" "$SMALL" > "$OUT/batch.out" 2> "$OUT/batch.err"
		rc=$?
		t1=$(now_ms)
		[ "$rc" -ne 0 ] && break
		list="$list $((t1 - t0))"
		i=$((i + 1))
	done
	if [ "$rc" -ne 0 ]; then
		msg="failed (exit $rc$( [ "$rc" = 124 ] && echo ', timed out after 120 s'))"
		err=$(head -c 200 "$OUT/batch.err" | tr '\n' ' ')
		[ -n "$err" ] && msg="$msg: $err"
		printf '%s\t%s\n' "$name" "$msg" >> "$BATCH"
		return
	fi
	ms=$(echo "$list" | tr ' ' '\n' | grep . | median)
	mbs=$(awk -v b="$(wc -c < "$SMALL")" -v ms="$ms" 'BEGIN { if (ms > 0) printf "%.1f", b / 1048576 / (ms / 1000); else print "inf" }')
	extra=""
	if [ "$name" = "--entities" ]; then
		# START END TYPE TEXT NAME; anything else means the mode is not there yet
		if ! head -n 1 "$OUT/batch.out" | grep -Eq '^[0-9]+[[:space:]]+[0-9]+[[:space:]]'; then
			extra=" (output is not an entity list: first line is '$(head -n 1 "$OUT/batch.out" | cut -c1-40)')"
		else
			extra=" ($(wc -l < "$OUT/batch.out") entities)"
		fi
	fi
	printf '%s\t%s ms, %s MB/s%s\n' "$name" "$ms" "$mbs" "$extra" >> "$BATCH"
}
note "batch modes on $SMALL ($(mb_of "$SMALL") MB), median of 3"
batch --dump --dump
batch --entities --entities
rm -f "$OUT/batch.out" "$OUT/batch.err"

if command -v hyperfine >/dev/null 2>&1 && [ -x "$ARTREAD" ]; then
	note "hyperfine is installed: a second opinion on --dump"
	hyperfine --warmup 1 --runs 5 "$ARTREAD --dump $SMALL" 2>&1 | sed 's/^/  /'
fi

# ---- the rule engine against PCRE2's JIT alone ----------------------------

RULES_SPEED=${RULES_SPEED:-build/bench/rules_speed}
if [ -x "$RULES_SPEED" ]; then
	note "rules: each pattern alone through pcre2_jit_match vs the whole analysis"
	"$RULES_SPEED" "$SMALL" >"$OUT/rules-speed.txt" 2>&1 ||
		note "rules_speed failed (see $OUT/rules-speed.txt)"
fi

# ---- SHA-256 of the big file (the sidecar hashes the article) -------------

SHA256_SPEED=${SHA256_SPEED:-build/bench/sha256_speed}
if [ -x "$SHA256_SPEED" ]; then
	note "sha256: the whole $BIG, best of 5"
	"$SHA256_SPEED" "$BIG" 5 >"$OUT/sha256-speed.txt" 2>&1 ||
		note "sha256_speed failed (see $OUT/sha256-speed.txt)"
fi

# ---- opening a document, in-process ----------------------------------------

DOC_SPEED=${DOC_SPEED:-build/bench/doc_speed}
if [ -x "$DOC_SPEED" ]; then
	note "doc: open, first screen, G, full read of $BIG in-process"
	"$DOC_SPEED" "$BIG" "$RUNS" >"$OUT/doc-speed.txt" 2>&1 ||
		note "doc_speed failed (see $OUT/doc-speed.txt)"
fi

ALIGN_SPEED=${ALIGN_SPEED:-build/bench/align_speed}
if [ -x "$ALIGN_SPEED" ]; then
	note "align: two versions of a 1 MB article, in-process"
	"$ALIGN_SPEED" "$OUT/news-1mb.txt" "$RUNS" >"$OUT/align-speed.txt" 2>&1 ||
		note "align_speed failed (see $OUT/align-speed.txt)"
fi

# ---- the pager's search over the big file -------------------------------

SEARCH_SPEED=${SEARCH_SPEED:-build/bench/search_speed}
if [ -x "$SEARCH_SPEED" ]; then
	note "search: a miss over the whole file, a hit, one screen's highlights"
	"$SEARCH_SPEED" "$BIG" >"$OUT/search-speed.txt" 2>&1 ||
		note "search_speed failed (see $OUT/search-speed.txt)"
fi

# ---- report -------------------------------------------------------------

echo
echo "artread benchmarks, $(date '+%Y-%m-%d %H:%M'), $(nproc 2>/dev/null || echo '?') cores, $(uname -sr)"
echo "file: $BIG ($(mb_of "$BIG") MB), 80x24 tmux pane, medians of $RUNS runs"
echo "load average before: $LOAD0, after: $(load) (anything well above 0 means the numbers are inflated)"
if [ "$HAVE_TMUX" = 1 ]; then
	echo "floor (already inside every number below): first screen of 'cat' of a 1-line file ${FLOOR} ms; keys -> screen ${KFLOOR} ms"
	echo
	printf '%-10s %16s %12s %10s\n' program 'first screen ms' 'G ms' 'RSS MB'
	printf '%-10s %16s %12s %10s\n' ---------- ---------------- ------------ ----------
	while IFS="$(printf '\t')" read -r n f g r; do
		printf '%-10s %16s %12s %10s\n' "$n" "$f" "$g" "$r"
	done < "$RESULTS"
	echo "(bat: RSS is bat + the less it pipes to. G: a run over ${G_TIMEOUT} ms counts as infinite"
	echo " and ends that program's G runs; * marks a median taken over such a shortened series)"
fi
echo
echo "artread batch modes on $SMALL ($(mb_of "$SMALL") MB), median of 3:"
while IFS="$(printf '\t')" read -r n v; do
	printf '  %-11s %s\n' "$n" "$v"
done < "$BATCH"
if [ -s "$OUT/rules-speed.txt" ]; then
	echo
	echo "rule engine on $SMALL: each rule alone (PCRE2 JIT), all in sequence,"
	echo "and the whole analysis (quotes, lists, context):"
	sed 's/^/  /' "$OUT/rules-speed.txt"
fi
if [ -s "$OUT/sha256-speed.txt" ]; then
	echo
	echo "SHA-256 (OpenSSL libcrypto), as the sidecar hashes an article:"
	sed 's/^/  /' "$OUT/sha256-speed.txt"
fi
if [ -s "$OUT/doc-speed.txt" ]; then
	echo
	echo "opening $BIG in-process (build/bench/doc_speed, ms, median of $RUNS):"
	sed 's/^/  /' "$OUT/doc-speed.txt"
fi
if [ -s "$OUT/align-speed.txt" ]; then
	echo
	echo "aligning versions (build/bench/align_speed):"
	sed 's/^/  /' "$OUT/align-speed.txt"
fi
if [ -s "$OUT/search-speed.txt" ]; then
	echo
	echo "search (/ and n) on $BIG, each paragraph reflowed first:"
	sed 's/^/  /' "$OUT/search-speed.txt"
fi

# ---- issue 16's table: pager rows on a pty, listings' peak memory -------

ARTREAD=$ARTREAD RUNS=$RUNS OUT=$OUT sh bench/table.sh

echo
echo "total bench time: $(( $(date +%s) - START )) s"
exit 0
