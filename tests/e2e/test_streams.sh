#!/bin/sh
# End-to-end: what reaches the terminal and the standard streams (issue
# 11, items 8, 9 and 14).  Exports and listings to a terminal show
# control characters visibly (the pane's title and screen stay ours);
# -o files and pipes keep the exact bytes; messages quoting hostile
# config, rule, theme and sidecar bytes are safe; a write error on
# standard output (a full disk, a closed descriptor) is exit status 2
# with a message; a closed standard error never ends up inside an export.
# And --check on a [keys] section with no way out, a theme that loops
# (item 16).
. "$(dirname "$0")/lib.sh"
plan 70
ESC=$(printf '\033')

# has FILE TEXT / lacks FILE TEXT: FILE holds TEXT (a fixed string) or not.
has() { LC_ALL=C grep -qF -- "$2" "$1"; }
lacks() { ! LC_ALL=C grep -qF -- "$2" "$1"; }
# no_esc FILE: not one ESC byte.
no_esc() { lacks "$1" "$ESC"; }
# pane_has TEXT: the pane shows TEXT, rows that wrapped joined.
pane_has() { $T capture-pane -pJ | grep -qF -- "$1"; }

# A crafted article, and an annotation whose tag and note carry escape
# sequences too (as a sidecar written by someone else may).
ART="$WORK/story.txt"
printf 'Crafted Headline\n\nThe mayor said \033]0;PWNED\007 hello \033[2J world, \342\200\234Stop \033[5;5H here,\342\200\235 said John Smith in Paris.\n' >"$ART"
"$ARTREAD" --annotate 18:60:claim:"note $(printf '\033]0;NOTE\007')" "$ART" >/dev/null
python3 - "$ART.annotations.jsonl" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
a = json.loads(lines[1])
for b in a["body"]:
    if b.get("purpose") == "tagging":
        b["value"] = "cl\x1b]0;TAG\x07aim"
open(sys.argv[1], "w").write(lines[0] + "\n" + json.dumps(a) + "\n")
EOF

BIDI="$WORK/bidi.txt"
cp "$ART" "$BIDI"
"$ARTREAD" --annotate 0:7:claim:"$(printf 'x\342\200\256y\302\233z')" "$BIDI" >/dev/null

# ---- item 8: a terminal sees visible forms, never the sequences -----------
# on_tty NAME COMMAND: run COMMAND in a pane whose title is set first and
# whose first row is a marker; the title must stay, the marker must stay
# (nothing cleared or moved), and the sequences must show as ^[.
on_tty() {
	name=$1; shift
	start -y 80 "printf '\\033]2;safe-title\\007'; echo MARKER-ROW; $*"
	if wait_for "EXIT=" 10 && on_screen "EXIT=0"; then
		ok "tty $name: exits 0"
	else
		fail "tty $name: exits 0" "$(screen | grep EXIT=)"
	fi
	check "tty $name: the window title is unchanged" \
	    [ "$($T display -p '#{pane_title}')" = safe-title ]
	check "tty $name: nothing cleared or moved" \
	    eventually sh -c "$T capture-pane -p | head -n 1 | grep -q '^MARKER-ROW'"
}
on_tty "export csv" "'$ARTREAD' --export csv '$ART'"
check "tty export csv: the sequences are shown as ^[" \
    eval "pane_has '^[]0;PWNED^G' && pane_has 'cl^[]0;TAG^Gaim' && pane_has 'note ^[]0;NOTE^G'"
on_tty "export json" "'$ARTREAD' --export json '$ART'"
on_tty "export text" "'$ARTREAD' --export '$ART'"
on_tty "export markdown" "'$ARTREAD' --export markdown '$ART'"
on_tty "export brat" "'$ARTREAD' --export brat '$ART'"
on_tty "entities" "'$ARTREAD' --entities '$ART'"
on_tty "quotes" "'$ARTREAD' --quotes '$ART'"
check "tty quotes: ESC [ shown as ^[[" wait_for '^[[5;5H here'
on_tty "dump --color=never" "'$ARTREAD' --dump --color=never '$ART'"
on_tty "export csv, a note with bidi and C1 controls" \
    "'$ARTREAD' --export csv '$BIDI'"
check "tty export csv: bidi and C1 controls shown by code point" \
    pane_has 'x<U+202E>y<U+009B>z'

# Files and pipes keep the exact bytes.
"$ARTREAD" --export csv -o "$WORK/out.csv" "$ART"
check "-o: the csv file keeps the ESC bytes" has "$WORK/out.csv" "cl${ESC}]0;TAG"
"$ARTREAD" --export csv "$ART" | cat >"$WORK/pipe.csv"
check "pipe: the csv keeps the ESC bytes" has "$WORK/pipe.csv" "note ${ESC}]0;NOTE"
check "pipe: -o and standard output write the same bytes" \
    cmp -s "$WORK/out.csv" "$WORK/pipe.csv"

# ---- item 9: messages quote hostile bytes safely --------------------------
CFG="$WORK/hostile.ini"
printf '[general]\nwi\033]0;CFG\007dth = 3\n[keys]\nqu\033[2Jit = q\n[tags]\n1 = cl\033]0;T\007aim\n[bad\033]0;S\007]\n' >"$CFG"
RULES="$WORK/rules.ini"
printf '[rule.x\033]0;RULE\007]\ntype = person\npattern = (\n[rule.y]\ntype = pe\033]0;TY\007rson\npattern = a\n' >"$RULES"
mkdir -p "$XDG_CONFIG_HOME/artread/themes"
printf '[theme]\ndescription = d\033]0;DESC\007\n[styles]\nqu\033[2Jote = fg=red\nperson = fg=\033]0;ST\007\n' \
    >"$XDG_CONFIG_HOME/artread/themes/evil.ini"
"$ARTREAD" --check --config "$CFG" --rules "$RULES" >"$WORK/check.out" 2>&1
check "diag: --check reports the hostile config key" \
    has "$WORK/check.out" "unknown setting 'wi^[]0;cfg^Gdth'"
check "diag: --check reports the hostile rule name" has "$WORK/check.out" 'rule x^['
check "diag: --check reports the hostile theme element" \
    has "$WORK/check.out" "unknown element 'qu^[[2jote'"
check "diag: --check writes no ESC" no_esc "$WORK/check.out"
"$ARTREAD" --config "$CFG" --dump "$ART" >/dev/null 2>"$WORK/cfg.err"
check "diag: a hostile config's messages on stderr have no ESC" \
    sh -c "[ -s '$WORK/cfg.err' ] && ! grep -q '$ESC' '$WORK/cfg.err'"
"$ARTREAD" --rules "$RULES" --entities "$ART" >/dev/null 2>"$WORK/rules.err"
check "diag: a hostile rule file's messages have no ESC" \
    sh -c "grep -qF 'rule x^[' '$WORK/rules.err' && ! grep -q '$ESC' '$WORK/rules.err'"
"$ARTREAD" --list-themes --color=always >"$WORK/themes.out" 2>&1
check "diag: --list-themes shows the description made safe" \
    has "$WORK/themes.out" 'd^[]0'
check "diag: --list-themes in colour: every ESC starts an SGR sequence" \
    sh -c "LC_ALL=C sed 's/$ESC\\[[0-9;]*m//g' '$WORK/themes.out' | { ! grep -q '$ESC'; }"
rm "$XDG_CONFIG_HOME/artread/themes/evil.ini"

# Sidecars: jansson's "near '...'", an unsupported unit.
S2="$WORK/s2.txt"
cp "$ART" "$S2"
head -n 1 "$ART.annotations.jsonl" >"$S2.annotations.jsonl"
printf '{"id": \033]0;NEAR\007}\n' >>"$S2.annotations.jsonl"
"$ARTREAD" --export "$S2" >/dev/null 2>"$WORK/near.err"
check "diag: bad JSON near an ESC is reported as ^[" \
    sh -c "grep -qF \"near '^['\" '$WORK/near.err' && ! grep -q '$ESC' '$WORK/near.err'"
S3="$WORK/s3.txt"
cp "$ART" "$S3"
python3 - "$ART.annotations.jsonl" "$S3.annotations.jsonl" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
a = json.loads(lines[1])
for s in a["target"]["selector"]:
    if s["type"] == "TextPositionSelector":
        s["unit"] = "by\x1b]0;UNIT\x07te"
open(sys.argv[2], "w").write(lines[0] + "\n" + json.dumps(a) + "\n")
EOF
"$ARTREAD" --export "$S3" >/dev/null 2>"$WORK/unit.err"
check "diag: a hostile selector unit is reported safely" \
    sh -c "grep -qF 'by^[]0;UNIT^Gte' '$WORK/unit.err' && ! grep -q '$ESC' '$WORK/unit.err'"
printf 'T1\tclaim 0 \0335\tx\n' >"$WORK/bad.ann"
cp "$ART" "$WORK/imp.txt"
"$ARTREAD" --import brat "$WORK/bad.ann" "$WORK/imp.txt" 2>"$WORK/imp.err"
check "diag: a hostile brat offset is reported safely" \
    sh -c "grep -qF '^[5' '$WORK/imp.err' && ! grep -q '$ESC' '$WORK/imp.err'"
"$ARTREAD" --width "$(printf '1\033]0;W\007')" --dump "$ART" 2>"$WORK/opt.err"
check "diag: a hostile option value is echoed safely" \
    sh -c "grep -qF '1^[]0;W^G' '$WORK/opt.err' && ! grep -q '$ESC' '$WORK/opt.err'"
start "printf '\\033]2;safe-title\\007'; '$ARTREAD' --export '$S3'; echo EXIT=\$?"
wait_for "EXIT="
check "diag: a message on a terminal leaves the title alone" \
    [ "$($T display -p '#{pane_title}')" = safe-title ]

# ---- item 14: write errors and closed descriptors -------------------------
for mode in --dump --entities --stats --paths --check "--export csv" \
    "--export json" --list-themes --help; do
	# shellcheck disable=SC2086
	"$ARTREAD" $mode "$ART" >/dev/full 2>"$WORK/full.err"
	rc=$?
	if [ $rc -eq 2 ] && has "$WORK/full.err" \
	    "artread: write error: No space left on device"; then
		ok "write error: $mode >/dev/full is status 2 with a message"
	else
		fail "write error: $mode >/dev/full is status 2 with a message" \
		    "status $rc: $(head -n 2 "$WORK/full.err")"
	fi
done
"$ARTREAD" --quotes "$ART" >/dev/full 2>"$WORK/full.err"
check "write error: --quotes >/dev/full is status 2" [ $? -eq 2 ]
for mode in --dump --entities --stats --paths "--export csv"; do
	# shellcheck disable=SC2086
	"$ARTREAD" $mode "$ART" >&- 2>"$WORK/closed.err"
	rc=$?
	if [ $rc -eq 2 ] && has "$WORK/closed.err" "write error: Bad file descriptor"; then
		ok "closed stdout: $mode is status 2 with a message"
	else
		fail "closed stdout: $mode is status 2 with a message" \
		    "status $rc: $(head -n 2 "$WORK/closed.err")"
	fi
done
"$ARTREAD" --export json -o "$WORK/o.json" "$ART" >&-
check "closed stdout: -o still writes the export, status 0" \
    sh -c "[ $? -eq 0 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '$WORK/o.json'"

# A damaged sidecar says so on stderr while the -o file is open: with
# stderr closed the message must not land in the file.
BAD="$WORK/bad.txt"
cp "$ART" "$BAD"
cp "$ART.annotations.jsonl" "$BAD.annotations.jsonl"
echo '{"broken' >>"$BAD.annotations.jsonl"
"$ARTREAD" --export json -o "$WORK/bad.json" "$BAD" 2>&-
check "closed stderr: the export's status is still 2" [ $? -eq 2 ]
check "closed stderr: no message inside the -o file" \
    lacks "$WORK/bad.json" "artread:"
check "closed stderr: the -o file is valid JSON" \
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/bad.json"
"$ARTREAD" --export csv -o "$WORK/bad.csv" "$BAD" 2>&- <&-
check "closed stdin and stderr: no message inside the csv" \
    lacks "$WORK/bad.csv" "artread:"
"$ARTREAD" --config "$CFG" --export json -o "$WORK/cfg.json" "$ART" 2>&-
check "closed stderr: a broken config still stops with status 2" [ $? -eq 2 ]

# ---- item 16: --check on configs that trap the user, themes that loop -----
printf '[keys]\nquit =\ncolon =\nhelp =\n' >"$WORK/trap.ini"
"$ARTREAD" --check --config "$WORK/trap.ini" >"$WORK/trap.out" 2>&1
check "check: a [keys] section with no way out is a warning" \
    sh -c "grep -q 'trap.ini:1: \[keys\] leaves no key that quits' '$WORK/trap.out' && grep -q 'leaves no key for help' '$WORK/trap.out'"
printf '[theme]\ninherit = loop\n' >"$XDG_CONFIG_HOME/artread/themes/loop.ini"
"$ARTREAD" --check >"$WORK/loop.out" 2>&1
check "check: a theme that inherits itself is a cycle" \
    sh -c "[ $? -eq 1 ] && grep -q \"loop.ini:2: inherit cycle: theme 'loop' inherits itself\" '$WORK/loop.out'"
"$ARTREAD" --theme loop --dump "$ART" >"$WORK/loop.dump" 2>"$WORK/loop.err"
check "theme: --theme naming a looping theme says so, still dumps, exits 2" \
    sh -c "[ $? -eq 2 ] && [ -s '$WORK/loop.dump' ] && grep -q 'inherits itself' '$WORK/loop.err'"
finish
