#!/bin/sh
# Runs the test suites and ends with one line "N passed, N failed".
#   tests/run.sh            unit, end-to-end, then unit under ASan+UBSan
#   tests/run.sh unit       unit tests only (normal build)
#   tests/run.sh e2e        end-to-end tests only
#   tests/run.sh valgrind   the valgrind memcheck pass only
# Each unit program is a cmocka binary; its "[  PASSED  ]" and
# "[  FAILED  ]" lines are counted.  A program that dies without a
# summary counts as one failure.  Each e2e script prints "ok NAME" or
# "not ok NAME" per case.
cd "$(dirname "$0")/.." || exit 2
what=${1:-all}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_unit() {	# $1 = build dir
	for t in "$1"/tests/test_*; do
		[ -x "$t" ] || continue
		CMOCKA_MESSAGE_OUTPUT=stdout "$t" >"$log" 2>&1
		rc=$?
		cat "$log"
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
		if [ -z "$p$f" ] || { [ "$rc" -ne 0 ] && [ -z "$f" ]; }; then
			echo "not ok $t: exited $rc without a summary"
			f=$(( ${f:-0} + 1 ))
		fi
		passed=$((passed + ${p:-0}))
		failed=$((failed + ${f:-0}))
	done
}

run_e2e() {
	for t in tests/e2e/test_*.sh; do
		[ -f "$t" ] || continue
		sh "$t" >"$log" 2>&1
		rc=$?
		cat "$log"
		p=$(grep -c '^ok ' "$log")
		f=$(grep -c '^not ok ' "$log")
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "not ok $t: exited $rc"
			f=1
		fi
		passed=$((passed + p))
		failed=$((failed + f))
	done
}

# The accuracy floor of quote and entity recognition (tests/eval.sh).
run_eval() {
	if sh tests/eval.sh --floor >"$log" 2>&1; then
		echo "ok eval: accuracy floor on the sample articles"
		passed=$((passed + 1))
	else
		cat "$log"
		echo "not ok eval: accuracy below the floor"
		failed=$((failed + 1))
	fi
}

# valgrind memcheck of the non-interactive modes and the pager.
run_valgrind() {
	sh tests/valgrind.sh >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok tests/valgrind.sh: exited $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

case $what in
unit)	run_unit build ;;
e2e)	run_e2e ;;
valgrind) run_valgrind ;;
*)	run_unit build
	run_e2e
	run_eval
	echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
	ASAN_OPTIONS=detect_leaks=1 run_unit build/san
	echo "== end-to-end tests with the AddressSanitizer + UBSan binary"
	ARTREAD=$(pwd)/build/san/artread ASAN_OPTIONS=detect_leaks=0 run_e2e
	echo "== valgrind memcheck"
	run_valgrind ;;
esac

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
