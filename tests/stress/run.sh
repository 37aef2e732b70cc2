#!/bin/sh
# Stress: the sizes of issue 11's table (annotation files, settings and
# rule files, costly rules), timed on the normal build.  Not part of `make check` (it measures this
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
	timed 0 "" "$@"
}

# refuse NAME MESSAGE COMMAND...: the command must stop with status 2
# and MESSAGE (an extended regular expression) on stderr, within TARGET:
# an input past a documented cap.
refuse() {
	name=$1 msg=$2; shift 2
	timed 2 "$msg" "$@"
}

# timed STATUS MESSAGE COMMAND...: the command exits STATUS within
# TARGET, and its stderr matches MESSAGE (if not empty).
timed() {
	want=$1 msg=$2; shift 2
	set -- $(python3 tests/stress/timeit.py "$WORK/out" "$WORK/err" "$@")
	secs=$1 wall=$2 rc=$3
	if [ "$rc" -eq "$want" ] && { [ -z "$msg" ] ||
	    grep -Eq -- "$msg" "$WORK/err"; } &&
	    awk -v s="$secs" -v t="$TARGET" 'BEGIN { exit !(s < t) }'; then
		note=""
		[ -n "$msg" ] && note=", says so"
		[ "$want" -eq 2 ] && note=", refused"
		echo "ok $name: ${secs}s CPU, ${wall}s wall (target < ${TARGET}s$note)"
		passed=$((passed + 1))
	else
		echo "not ok $name: ${secs}s CPU, ${wall}s wall, exit $rc" \
		    "(target < ${TARGET}s, exit $want${msg:+: $msg})"
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

# Settings and rules: iniparser's time grows with the square of the keys
# (a documented cap refuses the file); a rule's matches see a paragraph
# and spend a budget of match steps (a rule past it is switched off).
python3 tests/stress/gen.py config "$WORK/big.ini" 700000
refuse "config with 700000 keys (8 MB): refused by the cap" \
	"too many keys and sections" "$ARTREAD" --config "$WORK/big.ini" \
	--dump "$WORK/story.txt"
python3 tests/stress/gen.py badconfig "$WORK/bad.ini" 700000
refuse "config of 700000 bad lines: 200 messages, the rest counted" \
	"and 699800 more" "$ARTREAD" --config "$WORK/bad.ini" \
	--dump "$WORK/story.txt"
python3 tests/stress/gen.py config "$WORK/cap.ini" 9999
run "config with 9999 keys (at the cap): --check" \
	"$ARTREAD" --check --config "$WORK/cap.ini"
python3 tests/stress/gen.py rules "$WORK/big-rules.ini" 200000
refuse "rules file with 200000 rules: refused by the cap" \
	"too many keys and sections" "$ARTREAD" --rules "$WORK/big-rules.ini" \
	--entities "$WORK/story.txt"
python3 tests/stress/gen.py rules "$WORK/cap-rules.ini" 3333
run "rules file with 3333 rules (at the cap): --entities of 200000 words" \
	"$ARTREAD" --rules "$WORK/cap-rules.ini" --entities "$WORK/story.txt"
printf '[rule.look]\ntype = ORG\npattern = "x(?=[^#]*#)"\n' >"$WORK/look.ini"
python3 tests/stress/gen.py lines "$WORK/lines.txt" 1000000
run "rule x(?=[^#]*#) on a 1 MB article, a paragraph a line" \
	"$ARTREAD" --rules "$WORK/look.ini" --entities "$WORK/lines.txt"
run "rule x(?=[^#]*#) on a 1 MB article, blank lines between paragraphs" \
	"$ARTREAD" --rules "$WORK/look.ini" --entities "$WORK/story.txt"
python3 tests/stress/gen.py capitals "$WORK/caps.txt" 1000
name="a run of 1000 capitalised words: --entities"
timed 0 "" "$ARTREAD" --entities "$WORK/caps.txt"
if grep -q 'JIT stack\|switched off' "$WORK/err"; then
	echo "not ok a run of 1000 capitalised words: a rule was switched off"
	sed 's/^/# /' "$WORK/err" | head -n 3
	failed=$((failed + 1))
else
	echo "ok a run of 1000 capitalised words: no rule switched off"
	passed=$((passed + 1))
fi
python3 tests/stress/gen.py capitals "$WORK/capsmb.txt" 160000
name="1 MB of capitalised words: the costly rule switched off"
timed 0 "rule org_suffix: too costly" "$ARTREAD" --entities "$WORK/capsmb.txt"

echo "$passed passed, $failed failed (targets: every row under ${TARGET}s" \
    "of CPU, or refused by its documented cap)"
[ "$failed" -eq 0 ]
