#!/bin/sh
# Stress: the sizes of issue 11's table that are about annotation files,
# timed on the normal build.  Not part of `make check` (it measures this
# machine); run by `make stress`.  Each line: "ok"/"not ok", the case,
# the CPU seconds it took (user + system: what other work on a shared
# machine does not change), the wall-clock seconds, and the target; the
# last line counts them.
#   STRESS_SIZES="10000 30000 100000"   annotations in the sidecar
cd "$(dirname "$0")/../.." || exit 2
ARTREAD=${ARTREAD:-./artread}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" \
	XDG_CONFIG_HOME="$WORK/config" HOME="$WORK"
TARGET=2		# seconds, for every row
passed=0 failed=0

# run NAME COMMAND...: time a command, check it succeeds within TARGET.
run() {
	name=$1; shift
	set -- $(python3 tests/stress/timeit.py "$WORK/out" "$WORK/err" "$@")
	secs=$1 wall=$2 rc=$3
	if [ "$rc" -eq 0 ] && awk -v s="$secs" -v t="$TARGET" \
	    'BEGIN { exit !(s < t) }'; then
		echo "ok $name: ${secs}s CPU, ${wall}s wall (target < ${TARGET}s)"
		passed=$((passed + 1))
	else
		echo "not ok $name: ${secs}s CPU, ${wall}s wall, exit $rc" \
		    "(target < ${TARGET}s)"
		sed 's/^/# /' "$WORK/err" | head -n 3
		failed=$((failed + 1))
	fi
}

python3 tests/stress/gen.py article "$WORK/story.txt" 200000
for n in ${STRESS_SIZES:-10000 30000 100000}; do
	cp "$WORK/story.txt" "$WORK/s$n.txt"
	python3 tests/stress/gen.py sidecar "$WORK/s$n.txt" "$n"
	run "sidecar of $n annotations: --export json" \
		"$ARTREAD" --export json "$WORK/s$n.txt"
	run "sidecar of $n annotations: --export csv" \
		"$ARTREAD" --export csv "$WORK/s$n.txt"
	run "sidecar of $n annotations: --annotate (open, merge, save)" \
		"$ARTREAD" --annotate 0:6:new "$WORK/s$n.txt"
done
cp "$WORK/story.txt" "$WORK/bodies.txt"
python3 tests/stress/gen.py bodies "$WORK/bodies.txt" 30000
run "one annotation with 30000 comment bodies: --export" \
	"$ARTREAD" --export "$WORK/bodies.txt"
run "one annotation with 30000 comment bodies: --annotate" \
	"$ARTREAD" --annotate 0:6:new "$WORK/bodies.txt"
cp "$WORK/story.txt" "$WORK/brat.txt"
python3 tests/stress/gen.py brat "$WORK/brat.txt" 20000 "$WORK/in.ann"
run "brat import of 20000 lines" \
	"$ARTREAD" --import brat "$WORK/in.ann" "$WORK/brat.txt"
run "brat import of the same 20000 lines again" \
	"$ARTREAD" --import brat "$WORK/in.ann" "$WORK/brat.txt"
# Issue 11's row: 1,000 annotations whose text is gone from a 120 KB
# article, on every open: by context (the text annotated is not kept)
# and through the version store (it is: aligned once).
python3 tests/stress/gen.py article "$WORK/gone.txt" 20000
python3 tests/stress/gen.py sidecar "$WORK/gone.txt" 1000
cp "$WORK/gone.txt" "$WORK/kept.txt"
python3 tests/stress/gen.py sidecar "$WORK/kept.txt" 1000
"$ARTREAD" --annotate 0:6:kept "$WORK/kept.txt" >/dev/null
python3 tests/stress/gen.py rewrite "$WORK/gone.txt" 20000
python3 tests/stress/gen.py rewrite "$WORK/kept.txt" 20000
run "1000 annotations whose text is gone from 120 KB, by context: --export" \
	"$ARTREAD" --export csv "$WORK/gone.txt"
run "1000 annotations whose text is gone from 120 KB, kept text: --export" \
	"$ARTREAD" --export csv "$WORK/kept.txt"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
