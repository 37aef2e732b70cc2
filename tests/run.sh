#!/bin/sh
# Runs the test suites and ends with three lines: how many distinct cases
# there are, how many case runs each way of running gave, and the closing
# line "N passed, N failed, N skipped" (case runs).
#   tests/run.sh            everything, as make check runs it
#   tests/run.sh unit       unit tests (normal build)
#   tests/run.sh e2e        end-to-end tests (./artread)
#   tests/run.sh fuzz       fuzz corpus replay (normal and sanitizer builds)
#   tests/run.sh eval       the accuracy floor
#   tests/run.sh valgrind   the valgrind memcheck pass
#
# How cases are counted (see tests/README.md):
#   unit      each cmocka program's summary lines "[  PASSED  ] N",
#             "[  FAILED  ] N" and "[  SKIPPED ] N", which must add up to
#             its "Running N test(s)"; a program that dies without a
#             summary, or exits non-zero with no failed case (a leak found
#             at exit), counts one failure.
#   e2e, valgrind   lines "ok NAME", "not ok NAME" and "ok NAME # SKIP WHY"
#             (a skip); the script's plan "1..N" must match the number of
#             cases it reported.  No plan, a mismatch, or a non-zero exit
#             with no failed case counts one failure.
#   fuzz replay   one case per target: every file in tests/fuzz/corpus/NAME/
#             and tests/fuzz/regress/NAME/ fed once to the target.
#   eval      one case: tests/eval.sh --floor.
# A case run twice (plain and under ASan) is two case runs of one case.
cd "$(dirname "$0")/.." || exit 2
what=${1:-all}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Compiled rule sets (the unit tests load many) are cached here, not in
# the user's cache.
export XDG_CACHE_HOME="$tmp/cache"
log="$tmp/log"
tally="$tmp/tally"	# KIND<TAB>WAY<TAB>PASSED<TAB>FAILED<TAB>SKIPPED
: >"$tally"

# tally KIND WAY P F S: add one run's counts.
tally() { printf '%s\t%s\t%d\t%d\t%d\n' "$@" >>"$tally"; }

# The number captured by the sed pattern $1 in the log (its last match).
count() { sed -n "s/$1.*/\\1/p" "$log" | tail -n 1; }

# run_unit WAY BUILD_DIR: every cmocka program in BUILD_DIR/tests/.
run_unit() {
	way=$1 dir=$2 p=0 f=0 s=0 nprog=0
	for t in "$dir"/tests/test_*; do
		[ -x "$t" ] || continue
		nprog=$((nprog + 1))
		CMOCKA_MESSAGE_OUTPUT=stdout "$t" >"$log" 2>&1
		rc=$?
		cat "$log"
		n=$(count '^\[==========\] Running \([0-9]*\) test')
		tp=$(count '^\[  PASSED  \] \([0-9]*\) test')
		tf=$(count '^\[  FAILED  \] \([0-9]*\) test')
		ts=$(count '^\[  SKIPPED \] \([0-9]*\) test')
		tp=${tp:-0} tf=${tf:-0} ts=${ts:-0}
		if [ -z "$n" ] || [ $((tp + tf + ts)) -ne "$n" ]; then
			echo "not ok $t: exited $rc without a full summary" \
			    "(${n:-?} planned, $((tp + tf + ts)) reported)"
			tf=$((tf + 1))
		elif [ "$rc" -ne 0 ] && [ "$tf" -eq 0 ]; then
			echo "not ok $t: exited $rc after its cases passed"
			tf=1
		fi
		p=$((p + tp)) f=$((f + tf)) s=$((s + ts))
	done
	if [ "$nprog" -eq 0 ]; then
		echo "not ok $way: no test programs in $dir/tests (make tests-bin)"
		f=$((f + 1))
	fi
	tally unit "$way" $p $f $s
}

# run_script KIND WAY SCRIPT [VAR=VALUE...]: one lib.sh-style script.
run_script() {
	kind=$1 way=$2 t=$3
	shift 3
	t0=$(date +%s)
	env "$@" sh "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	s=$(grep -c '^ok .* # SKIP' "$log")
	p=$(( $(grep -c '^ok ' "$log") - s ))
	f=$(grep -c '^not ok ' "$log")
	# lib.sh's own verdict on the script ("not ok SCRIPT: ...") is not a case.
	own=$(grep -c "^not ok $t: " "$log")
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log" | tail -n 1)
	ran=$((p + f + s - own))
	if [ "$own" -eq 0 ] && [ -z "$plan" ]; then
		echo "not ok $t: no plan (call plan N after sourcing lib.sh)"
		f=$((f + 1))
	elif [ "$own" -eq 0 ] && [ "$ran" -ne "$plan" ]; then
		echo "not ok $t: planned $plan cases, ran $ran (exit status $rc)"
		f=$((f + 1))
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok $t: exited $rc"
		f=1
	fi
	echo "# $t: $((p + f + s)) cases in $(( $(date +%s) - t0 )) s"
	tally "$kind" "$way" $p $f $s
}

# run_e2e WAY [VAR=VALUE...]: every tests/e2e/test_*.sh.
run_e2e() {
	way=$1
	shift
	for t in tests/e2e/test_*.sh; do
		[ -f "$t" ] && run_script e2e "$way" "$t" "$@"
	done
}

# run_fuzz WAY BUILD_DIR: each fuzz target, built with tests/fuzz/replay.c
# into BUILD_DIR/fuzz-replay/, over its corpus and its crash inputs.
run_fuzz() {
	way=$1 dir=$2 p=0 f=0
	for src in tests/fuzz/fuzz_*.c; do
		name=$(basename "$src" .c)
		bin="$dir/fuzz-replay/$name"
		set --
		for d in tests/fuzz/corpus/$name tests/fuzz/regress/$name; do
			[ -d "$d" ] && set -- "$@" "$d"
		done
		if [ ! -x "$bin" ]; then
			echo "not ok $way: $name: $bin not built (make tests-bin)"
			f=$((f + 1))
			continue
		fi
		timeout 300 "$bin" "$@" >"$log" 2>&1
		rc=$?
		if [ "$rc" -eq 0 ]; then
			echo "ok $way: $name ($(tail -n 1 "$log"))"
			p=$((p + 1))
		else
			grep -v '^# input ' "$log" | head -n 60
			echo "not ok $way: $name: exit status $rc on $(sed -n \
			    's/^# input //p' "$log" | tail -n 1)"
			f=$((f + 1))
		fi
	done
	tally "fuzz replay" "$way" $p $f 0
}

# The accuracy floor of quote and entity recognition (tests/eval.sh).
run_eval() {
	if sh tests/eval.sh --floor >"$log" 2>&1; then
		echo "ok eval: accuracy floor"
		tally eval eval 1 0 0
	else
		cat "$log"
		echo "not ok eval: accuracy below the floor"
		tally eval eval 0 1 0
	fi
}

case $what in
unit)	run_unit unit build ;;
e2e)	run_e2e e2e ;;
fuzz)	run_fuzz "fuzz replay" build
	ASAN_OPTIONS=detect_leaks=1 run_fuzz "fuzz replay under ASan" build/san ;;
eval)	run_eval ;;
valgrind) run_script valgrind valgrind tests/valgrind.sh ;;
all)	run_unit unit build
	run_e2e e2e
	run_eval
	run_fuzz "fuzz replay" build
	echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
	export ASAN_OPTIONS=detect_leaks=1
	run_unit "unit under ASan" build/san
	run_fuzz "fuzz replay under ASan" build/san
	echo "== end-to-end tests with the AddressSanitizer + UBSan binary"
	run_e2e "e2e under ASan" ARTREAD="$(pwd)/build/san/artread" \
	    ASAN_OPTIONS=detect_leaks=0
	unset ASAN_OPTIONS
	echo "== valgrind memcheck"
	run_script valgrind valgrind tests/valgrind.sh ;;
*)	echo "usage: tests/run.sh [unit|e2e|fuzz|eval|valgrind]" >&2
	exit 2 ;;
esac

# Distinct cases: per kind, the most any one way ran; then the case runs
# of each way; then the closing line.
awk -F'\t' '
{
	n = $3 + $4 + $5
	if (!($1 in kruns)) kinds[++nk] = $1
	if (!($2 in wruns)) ways[++nw] = $2
	kruns[$1] = kruns[$1]; wruns[$2] += n; kind[$2] = $1
	p += $3; f += $4; s += $5
}
END {
	for (i = 1; i <= nw; i++) {
		w = ways[i]
		if (wruns[w] > best[kind[w]]) best[kind[w]] = wruns[w]
	}
	for (i = 1; i <= nk; i++) {
		k = kinds[i]
		d += best[k]; dl = dl (i > 1 ? ", " : "") k " " best[k] + 0
	}
	for (i = 1; i <= nw; i++)
		rl = rl (i > 1 ? ", " : "") ways[i] " " wruns[ways[i]]
	printf "distinct cases: %d (%s)\n", d, dl
	printf "case runs: %s\n", rl
	printf "%d passed, %d failed, %d skipped\n", p, f, s
	exit f > 0
}' "$tally"
