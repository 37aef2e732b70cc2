#!/bin/sh
# valgrind memcheck over artread's non-interactive paths and the pager.
#   sh tests/valgrind.sh          (builds ./artread if it is missing)
#   VG_PART=cli or VG_PART=pager  runs only that half
# Every run must end with zero errors and no definitely or indirectly
# lost bytes; "still reachable" memory (ncurses' terminfo and screen
# buffers, which it never frees) is not a leak.  Suppressions are in
# tests/valgrind.supp, each with its reason.  Prints "ok NAME" or
# "not ok NAME" per run (tests/run.sh style); a failing run's log is
# shown.  VG_KEEP=DIR keeps all the logs in DIR.
cd "$(dirname "$0")/.." || exit 2
R=$(pwd)
export ARTREAD="${ARTREAD:-$R/artread}"
[ -x "$ARTREAD" ] || make -s >/dev/null || exit 2
# lib.sh: WORK, XDG_* under WORK, tmux helpers, ok/fail/check, waits
# that fail the run they belong to, the plan, cleanup.
. "$R/tests/e2e/lib.sh"
ROOT=$R
# One case per valgrind run: a dump per sample article, NCLI other
# non-interactive runs, NPAGER pager sessions.
NSAMPLES=$(ls "$ROOT"/sample-articles/*.txt | wc -l)
NCLI=58 NPAGER=6
case ${VG_PART:-all} in
cli)	plan $((NSAMPLES + NCLI)) ;;
pager)	plan $NPAGER ;;
*)	plan $((NSAMPLES + NCLI + NPAGER)) ;;
esac

if ! command -v valgrind >/dev/null 2>&1; then
	fail "valgrind: not installed (apt-get install valgrind)"
	exit 1
fi
# A large article is read on first touch, from a SIGSEGV handler that
# returns (src/doc.c): valgrind must keep every register exact at loads
# for the retried instruction to see the right ones.
VG="valgrind --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
--vex-iropt-register-updates=allregs-at-mem-access \
--suppressions=$ROOT/tests/valgrind.supp --num-callers=30"
NRUN=0
t0=$(date +%s)

# vg_check NAME LOG RC WANT: judge one valgrind run from its log.
vg_check() {
	name=$1 log=$2 rc=$3 want=$4 why=""
	if [ "$rc" -eq 99 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
		why="memcheck errors"
	elif grep -qE '(definitely|indirectly) lost: [1-9]' "$log"; then
		why="leaks"
	elif [ "$want" != any ] && [ "$rc" -ne "$want" ]; then
		why="exit status $rc, expected $want"
	fi
	if [ -z "$why" ]; then
		ok "valgrind: $name"
	else
		fail "valgrind: $name" "$why"
		sed -n '/^==[0-9]*== [A-Z].*\(Invalid\|uninitialised\|lost in\|Mismatched\|overlap\|Syscall\)/,/^==[0-9]*== $/p' \
		    "$log" | head -n 60 | sed 's/^/# /'
	fi
	[ -n "${VG_KEEP:-}" ] && mkdir -p "$VG_KEEP" &&
	    cp "$log" "$VG_KEEP/$(echo "$name" | tr -c 'A-Za-z0-9.\n-' _).log"
	return 0
}

# vg NAME WANT COMMAND...: run artread's COMMAND under valgrind.  WANT is
# the expected exit status ("any" for error paths whose status other
# tests check).  Standard input is /dev/null unless redirected by the caller.
vg() {
	name=$1 want=$2; shift 2
	NRUN=$((NRUN + 1))
	log="$WORK/vg.$NRUN.log"
	$VG --log-file="$log" "$@" >"$WORK/out" 2>"$WORK/err"
	vg_check "$name" "$log" $? "$want"
}

# ---- inputs ---------------------------------------------------------------
A="$ROOT/sample-articles"
ART="$WORK/story.txt"
cp "$A/01-harbour-bridge-vote.txt" "$ART"
cp "$A/03-lagos-dock-strike.txt" "$WORK/second.txt"

# Hostile: escapes, controls, C1, bidi, zero-width, invalid and truncated
# UTF-8, CR, unbalanced and nested quotes, a huge unbroken line, many
# entity look-alikes.
HOST="$WORK/hostile.txt"
{
	printf 'Headline \033[31mred\033[0m \033]0;title\007 \a bell \033[2J\n\n'
	printf '\342\200\234Unclosed with \342\200\256bidi\342\200\254 and zero\342\200\213width,\342\200\235 said Nobody Atall.\n\n'
	printf 'Bad bytes: \377\376 \300\200 \355\240\200 truncated \342\202 end\n\n'
	printf '"Nested "quotes" inside" said A. B. \342\200\230single\342\200\231 \302\253guillemets\302\273 \342\200\234 dangling\n\n'
	printf 'C1: \302\233 \302\205 tab\there\r\nCR\rmid line\r\n\n'
	printf 'Mail a@b.c x@@y @handle #tag http://x.y/%%zz $1,000,000.00 12.5%% 2026-13-45 31 February 2026 25:61 p.m.\n\n'
	awk 'BEGIN { for (i = 0; i < 6000; i++) printf "x"; print ""; print "" }'
	awk 'BEGIN { for (i = 0; i < 300; i++) printf "\342\200\234%d,\342\200\235 said Dr. Ann Lee. ", i; print "" }'
	printf 'The end "'
} >"$HOST"
printf 'abc\000def\033[0m\nmore \000\000 bytes\n' >"$WORK/nul.bin"

# A hostile sidecar beside a copy: base64 fields, offsets past the end,
# an orphan, odd bodies.
HS="$WORK/hside.txt"
cp "$ART" "$HS"
"$ARTREAD" --annotate 0:9:x "$HS" >/dev/null
ID=a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0
cat >>"$HS.annotations.jsonl" <<EOF
{"id":"$ID","type":"Annotation","created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","body":[{"type":"TextualBody","purpose":"tagging","value":"b","value_b64":"/w=="},{"type":"TextualBody","purpose":"commenting","value":"n1"},{"type":"TextualBody","purpose":"commenting","value":"n2"},{"purpose":"other"}],"target":{"selector":[{"type":"TextPositionSelector","unit":"byte","start":999999,"end":1000005},{"type":"TextQuoteSelector","exact":"not in the article at all","prefix":"","suffix":""}]},"orphaned":false}
EOF
# A corrupt one.
CS="$WORK/corrupt.txt"
cp "$ART" "$CS"
printf '{"type":"artread-annotations","version":1}\n{"id": "x", broken\n' \
    >"$CS.annotations.jsonl"
# Broken rules, theme and config for --check.
cat >"$WORK/bad-rules.ini" <<'EOF'
[lists]
given = no-such-file.txt
[quotes]
pairs = x
[rule.bad]
type = NOPE
pattern = (unclosed[
[rule.worse]
type = PERSON
pattern = "(?<e>a)(?<e>b)"
priority = lots
EOF
mkdir -p "$XDG_CONFIG_HOME/artread/themes"
cat >"$XDG_CONFIG_HOME/artread/themes/broken.ini" <<'EOF'
[theme]
inherit = broken
[styles]
quote = fg=notacolour, bg=#12345, blink, 999
EOF
cat >"$WORK/bad-config.ini" <<'EOF'
[general]
width = -3
theme = nosuchtheme
[tags]
1 = claim, fg=nope
x = y
[keys]
quit = <NoSuchKey> q
scroll-down = <C-
EOF
# Hostile brat input.
cat >"$WORK/hostile.ann" <<'EOF'
T1	claim 0 9	Liverpool
T2	claim 9 0	x
T3	claim 5 99999999999999999999	x
T4	bad
#1	AnnotatorNotes T9	dangling note
#2	AnnotatorNotes T1	ok note
R1	Rel Arg1:T1 Arg2:T3
EOF

# ---- non-interactive paths ------------------------------------------------
if [ "${VG_PART:-all}" != pager ]; then
for f in "$A"/*.txt; do
	b=$(basename "$f" .txt)
	vg "dump $b" 0 "$ARTREAD" --dump --color=always "$f"
done
vg "dump --color=never -w 40 --no-reflow" 0 "$ARTREAD" --dump \
    --color=never -w 40 --no-reflow "$A/02-lantern-rooms-closure.txt"
vg "dump, theme light" 0 "$ARTREAD" --dump --color=always --theme light "$ART"
vg "dump hostile" 0 "$ARTREAD" --dump --color=always "$HOST"
vg "dump binary refused" 2 "$ARTREAD" --dump "$WORK/nul.bin"
vg "dump binary --force" 0 "$ARTREAD" --dump --force "$WORK/nul.bin"
NRUN=$((NRUN + 1)); log="$WORK/vg.$NRUN.log"
$VG --log-file="$log" "$ARTREAD" --dump <"$HOST" >/dev/null 2>&1
vg_check "dump from standard input" "$log" $? 0
vg "missing file" 2 "$ARTREAD" --dump "$WORK/nosuch.txt"
vg "bad option" 2 "$ARTREAD" --frobnicate "$ART"
vg "entities, all samples" 0 "$ARTREAD" --entities "$A"/*.txt
vg "quotes, all samples" 0 "$ARTREAD" --quotes "$A"/*.txt
vg "stats, all samples" 0 "$ARTREAD" --stats "$A"/*.txt
vg "entities hostile" 0 "$ARTREAD" --entities "$HOST"
vg "quotes hostile" 0 "$ARTREAD" --quotes "$HOST"
vg "stats hostile" 0 "$ARTREAD" --stats "$HOST"

vg "--annotate" 0 "$ARTREAD" --annotate 120:188:claim:"check: this" "$ART"
vg "--annotate-text" 0 "$ARTREAD" --annotate-text \
    "The result caps a bruising campaign." --tag claim,source \
    --note "two tags" "$ART"
vg "--annotate-text ambiguous" 2 "$ARTREAD" --annotate-text the --tag x "$ART"
vg "--annotate bad range" 2 "$ARTREAD" --annotate 9:3:x "$ART"
vg "--annotate hostile" 0 "$ARTREAD" --annotate 0:40:ctl:"note $(printf '\033')" "$HOST"
vg "--annotate-text hostile" 0 "$ARTREAD" --annotate-text "truncated" --tag bad "$HOST"
vg "--annotate on a corrupt sidecar" 2 "$ARTREAD" --annotate 0:9:x "$CS"
vg "--annotate on a hostile sidecar" 0 "$ARTREAD" --annotate 0:9:y "$HS"
for fmt in text markdown json brat csv; do
	vg "export $fmt" 0 "$ARTREAD" --export "$fmt" "$ART"
	vg "export $fmt, hostile sidecar" 0 "$ARTREAD" --export "$fmt" "$HS"
	vg "export $fmt, hostile article" 0 "$ARTREAD" --export "$fmt" "$HOST"
done
vg "export markdown grouped, quotes, entities" 0 "$ARTREAD" --export markdown \
    --group-by tag --with-quotes --with-entities "$ART"
vg "export text grouped to a file" 0 "$ARTREAD" --export text --group-by tag \
    -o "$WORK/out.txt" "$ART"
mkdir -p "$WORK/jsonout"
vg "export json, several articles to a directory" 0 "$ARTREAD" --export json \
    -o "$WORK/jsonout" "$ART" "$HS" "$HOST"
vg "export brat with entities, several articles to a directory" 0 \
    "$ARTREAD" --export brat --with-entities -o "$WORK/jsonout" "$ART" \
    "$HS" "$HOST"
vg "export csv, corrupt sidecar" any "$ARTREAD" --export csv "$CS"
"$ARTREAD" --export json "$ART" >"$WORK/story.json"
"$ARTREAD" --export brat "$ART" >"$WORK/story.ann"
cp "$A/01-harbour-bridge-vote.txt" "$WORK/imp1.txt"
cp "$A/01-harbour-bridge-vote.txt" "$WORK/imp2.txt"
vg "import brat" 0 "$ARTREAD" --import brat "$WORK/story.ann" "$WORK/imp1.txt"
vg "import json" 0 "$ARTREAD" --import json "$WORK/story.json" "$WORK/imp2.txt"
vg "import brat, test data" any "$ARTREAD" --import brat \
    "$ROOT/tests/data/export/story.ann" "$WORK/imp1.txt"
vg "import hostile brat" any "$ARTREAD" --import brat "$WORK/hostile.ann" "$WORK/imp1.txt"
vg "import hostile json" any "$ARTREAD" --import json "$HOST" "$WORK/imp1.txt"
# Change tracking: an annotated article edited (the versions store has
# the text annotated).
TRK="$WORK/track.txt"
cp "$ROOT/tests/data/track/story.v1" "$TRK"
"$ARTREAD" --annotate-text "has said the data is safe." --tag claim "$TRK" >/dev/null
"$ARTREAD" --annotate-text "Work is due to start" --tag plan "$TRK" >/dev/null
cp "$ROOT/tests/data/track/story.v2" "$TRK"
vg "--list-annotations, changed and orphan" 0 "$ARTREAD" --list-annotations "$TRK"
vg "--diff" 1 "$ARTREAD" --diff --color=always "$TRK"
vg "--diff --stat" 1 "$ARTREAD" --diff --stat "$TRK"
vg "--store" 0 "$ARTREAD" --store
vg "--forget" 0 "$ARTREAD" --forget "$HOST"
vg "--check" any "$ARTREAD" --check
vg "--check, broken rules, theme and config" 1 "$ARTREAD" --check \
    --rules "$WORK/bad-rules.ini" --config "$WORK/bad-config.ini"
vg "--paths" 0 "$ARTREAD" --paths
vg "--list-themes" 0 "$ARTREAD" --list-themes
vg "--help" 0 "$ARTREAD" --help
vg "--version" 0 "$ARTREAD" --version
fi
rm -rf "$XDG_CONFIG_HOME/artread/themes"

# ---- the pager in tmux ----------------------------------------------------
[ "${VG_PART:-all}" = cli ] && finish
# The pane runs artread under valgrind; everything is slower, so the
# waits are long.  A wait that times out fails the run (lib.sh).
pager_run() {	# NAME KEYS-FUNCTION ARTREAD-ARGS...
	name=$1 drive=$2; shift 2
	NRUN=$((NRUN + 1))
	log="$WORK/vg.$NRUN.log"
	start -x 100 -y 30 $VG --log-file="$log" "$ARTREAD" "$@"
	$drive
	keys q
	if wait_for "EXIT=" 60; then
		rc=$(screen | sed -n 's/.*EXIT=\([0-9]*\).*/\1/p' | tail -n 1)
		vg_check "pager: $name" "$log" "$rc" "${PAGER_EXIT:-0}"
	else
		fail "pager: $name" "did not exit"
		screen | sed 's/^/| /'
		$T kill-server 2>/dev/null
	fi
}

# Every step waits for what it shows, so no key is lost.  Under valgrind
# keys queue up, so Escape is never followed by another key at once
# (that would read as Alt-key): panels are closed with q.
step() { wait_for "$1" 20; }
drive_main() {
	step "Liverpool Council Backs" || return
	keys Space b G g j j j k 5 0 % C-d C-u g
	keys / ; literal "Tonight this city"; keys Enter
	step "Tonight this city"
	keys n N ? ; literal "[Bb]ridge"; keys Enter; keys n
	keys / ; literal "(unbalanced"; keys Enter
	step "bad pattern"
	keys / ; literal "Tonight this city"; keys Enter s
	step "selected:"
	keys 1
	step "tagged 'claim'"
	keys a
	step "note:"
	literal 'check the "minutes", page 4'
	keys Enter
	step "note saved"
	keys / ; literal "grandmother took"; keys Enter v w w e
	step "-- SELECT --"
	keys t
	step "tag ("
	literal "newtag"; keys Enter
	step "tagged 'newtag'"
	keys p 3
	step "tagged 'source'"
	keys o 7
	step "tagged 'important'"
	keys Tab Tab BTab w W ')' '(' '}' '{' ] [ x
	step "deleted"
	keys u; step "undone"
	keys C-r; step "redone"
	keys u; step "undone"
	keys A
	step "Annotations (Enter jumps)"
	keys / ; literal "min"; keys Enter Enter
	step "Tonight this city"
	keys Q
	step "Quotes (Enter jumps)"
	keys j j Enter
	step "annotation"
	keys E
	step "Entities by type"
	keys / ; literal "Okafor"; keys Enter
	step "filter: Okafor"
	keys q
	wait_gone "Entities by type" 20
	keys H H H H T T C-l X
	step "export as"
	keys Enter
	step "exported"
	keys h
	step "artread keys"
	keys q
	wait_gone "artread keys" 20
	keys m a
	step "mark 'a' set"
	keys G "'" a "'" "'"
	$T resize-window -x 60 -y 20 2>/dev/null
	sleep 0.5
	$T resize-window -x 120 -y 40 2>/dev/null
	keys : n
	step "(file 2 of 2)"
	keys : p
	step "(file 1 of 2)"
}
pager_run "open, page, search, select, tag, note, panels, themes, files" \
    drive_main "$ART" "$WORK/second.txt"

drive_hostile() {
	step "Headline" || return
	keys G g / ; literal "said Dr"; keys Enter n n s 2
	step "tagged 'evidence'"
	keys E
	step "Entities by type"
	keys q Q
	step "Quotes (Enter jumps)"
	keys q T H a
	step "note:"
	literal "$(printf 'x\342\200\256y\302\205z')"; keys Enter
	step "note saved"
}
pager_run "hostile article" drive_hostile "$HOST"

drive_corrupt() {
	step "annotations.jsonl:" || return
	keys / ; literal "grandmother"; keys Enter s 2
	step "read-only"
	keys q		# the selection is still there: q leaves it
	step "selection cancelled"
}
# (a sidecar it could not read: the reason on stderr at exit, status 2)
PAGER_EXIT=2
pager_run "corrupt sidecar (read-only)" drive_corrupt "$CS"
PAGER_EXIT=0

drive_stdin() {
	step "Headline" || return
	keys G s 1
	step "tagged 'claim'"
}
pager_run "standard input" drive_stdin "<$HOST"

# Over DOC_READ_WHOLE (1 MiB): read block by block on first touch, and
# rewritten in place while open (the blocks not read yet are spaces).
BIG="$WORK/big.txt"
for i in 1 2 3 4 5 6; do cat "$A"/*.txt; done >"$BIG"
while [ "$(wc -c <"$BIG")" -lt 1200000 ]; do cat "$BIG" "$BIG" >"$BIG.2" && mv "$BIG.2" "$BIG"; done
drive_big() {
	step "Liverpool Council Backs" || return
	keys G
	step "100%"
	touch -d '2001-01-01' "$BIG"
	keys g
	step "Liverpool Council Backs"
	keys 5 0 %
	wait_gone "Liverpool Council Backs" 20 ||
	    STEPFAIL="${STEPFAIL:-}${STEPFAIL:+, }'50%'"
}
pager_run "a large article, changed while open" drive_big "$BIG"

# The article rewritten while open: noticed, R re-anchors, D, the A
# panel's states.
TRK="$WORK/track.txt"
cp "$ROOT/tests/data/track/story.v1" "$TRK"
rm -f "$TRK.annotations.jsonl"
"$ARTREAD" --annotate-text "has said the data is safe." --tag claim "$TRK" >/dev/null
drive_track() {
	step "Harbour Vote Passes" || return
	cat "$ROOT/tests/data/track/story.v2" >"$TRK"
	step "modified on disk"
	keys R
	step "1 changed"
	keys D
	step "Differences since"
	keys Tab G q
	wait_gone "Differences since" 20
	keys A
	step "changed claim"
	keys =
	step "accepted"
	keys q
	wait_gone "Annotations (Enter" 20
}
pager_run "the article changed while open: R, D, A" drive_track "$TRK"

echo "# $NRUN valgrind runs in $(( $(date +%s) - t0 )) s"
finish
