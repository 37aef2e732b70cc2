#!/bin/sh
# End-to-end: hostile and odd input.  Escape sequences, invalid UTF-8,
# huge and strange files, odd file names, tiny and storming terminals,
# broken configs and catastrophic rules -- in --dump, the listings
# (--entities, --quotes) and the pager.  Every input is made here, in $WORK.
. "$(dirname "$0")/lib.sh"
plan 150
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"
ESC=$(printf '\033')

# clean FILE: no ESC and no control byte other than \n and \t.
clean() {
	[ "$(LC_ALL=C tr -d '\n\t\040-\176\200-\377' <"$1" | wc -c)" -eq 0 ]
}
# clean_sgr FILE: the same once artread's own SGR sequences are removed,
# so every ESC in FILE starts an "ESC [ ... m" sequence.
clean_sgr() {
	LC_ALL=C sed "s/$ESC\\[[0-9;]*m//g" "$1" >"$WORK/sgr.out" &&
	    clean "$WORK/sgr.out"
}
# has FILE TEXT: FILE holds TEXT (a fixed string).
has() { LC_ALL=C grep -qF -- "$2" "$1"; }
lacks() { ! LC_ALL=C grep -qF -- "$2" "$1"; }

# gate "read _; COMMAND": the pane waits for Enter (gate_open), so its
# title, options and pipe can be set before COMMAND writes anything.
gate() { start "$@"; }
gate_open() { keys Enter; }

# run_rc RCFILE COMMAND: a shell line running COMMAND and writing its exit
# status to RCFILE (a 1x1 pane has no room to show "EXIT=").
run_rc() {
	f=$1; shift
	rm -f "$f"
	echo "$*; echo \$? >'$f'"
}

# ---- escape-sequence injection -------------------------------------------
printf 'Hostile Headline Here\n\nSays \033[2J\033[31mred\033[0m and \033[5;5H moved \033[10A up \033]0;PWNED\007 title \033]52;c;aGVsbG8=\007 clip \033]8;;http://x.example/\033\\link\033]8;;\033\\ dcs \033Pq#0;2;0;0;0\033\\ c1raw \233 c1utf \302\233 bel \007 over a\bb cr one\rtwo. \342\200\234Stop \033[2J now,\342\200\235 said John Smith in Paris.\n' >"$WORK/evil.txt"
EVIL="$WORK/evil.txt"

"$ARTREAD" --dump --color=never "$EVIL" >"$WORK/d.out" 2>"$WORK/d.err"
check "inject: --dump --color=never exits 0" [ $? -eq 0 ]
check "inject: --dump --color=never has no ESC and no raw C0" clean "$WORK/d.out"
check "inject: CSI shown as ^[" has "$WORK/d.out" '^[[2J^[[31mred^[[0m'
check "inject: OSC title and BEL shown" has "$WORK/d.out" '^[]0;PWNED^G'
check "inject: OSC 52 shown" has "$WORK/d.out" '^[]52;c;aGVsbG8=^G'
check "inject: OSC 8 hyperlink shown" has "$WORK/d.out" '^[]8;;^[\'
check "inject: DCS shown" has "$WORK/d.out" '^[Pq#0;2;0;0;0^[\'
check "inject: backspace overstrike shown as ^H" has "$WORK/d.out" 'a^Hb'
check "inject: carriage return shown as ^M" has "$WORK/d.out" 'one^Mtwo'
check "inject: UTF-8 C1 CSI shown as <U+009B>" has "$WORK/d.out" 'c1utf <U+009B>'
check "inject: raw 0x9b byte shown as U+FFFD" has "$WORK/d.out" "c1raw $(printf '\357\277\275') c1utf"
check "inject: no C1 byte in the dump" sh -c "! LC_ALL=C grep -q \"\$(printf '\\233')\" '$WORK/d.out'"

"$ARTREAD" --dump --color=always "$EVIL" >"$WORK/dc.out"
check "inject: --color=always does colour" has "$WORK/dc.out" "$ESC["
check "inject: --color=always: every ESC starts an SGR sequence" clean_sgr "$WORK/dc.out"

"$ARTREAD" "$EVIL" >"$WORK/nt.out" 2>&1
check "inject: output not a terminal is a dump, no ESC" \
    sh -c "grep -q 'Hostile Headline' '$WORK/nt.out' && ! grep -q '$ESC' '$WORK/nt.out'"

for mode in entities quotes stats; do
	"$ARTREAD" --$mode "$EVIL" >"$WORK/l.out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ -s "$WORK/l.out" ] && clean "$WORK/l.out"; then
		ok "inject: --$mode exits 0 with no ESC or raw C0"
	else
		fail "inject: --$mode exits 0 with no ESC or raw C0" "status $rc"
	fi
done
"$ARTREAD" --quotes "$EVIL" >"$WORK/q.out"
check "inject: --quotes lists the quote, its ESC shown as ^[" \
    has "$WORK/q.out" "Stop ^[[2J now,"
check "inject: --quotes gives the speaker" has "$WORK/q.out" "John Smith"

# The pager: nothing reaches the terminal raw.
gate "read _; printf '\\033]2;safe-title\\007'; '$ARTREAD' --no-remember '$EVIL'"
$T set-option -s set-clipboard on
gate_open
check "inject: pager shows the headline" wait_for "Hostile Headline Here"
settle
check "inject: pager shows ^[ forms" wait_for '^[[2J^[[31mred^[[0m'
check "inject: pager shows OSC as text" wait_for '^[]0;PWNED^G'
check "inject: pager shows <U+009B>" wait_for '<U+009B>'
check "inject: pane title unchanged" \
    [ "$($T display -p '#{pane_title}')" = safe-title ]
check "inject: no clipboard buffer was set (OSC 52)" \
    [ -z "$($T list-buffers 2>/dev/null)" ]
check "inject: headline still on row 0 (nothing cleared or moved)" \
    eventually sh -c "$T capture-pane -p | head -n 1 | grep -q '^  Hostile Headline Here'"
screen_escapes >"$WORK/pane.out"
check "inject: the pane holds only SGR escapes" clean_sgr "$WORK/pane.out"
keys G g
settle
check "inject: after paging the headline is on row 0" \
    eventually sh -c "$T capture-pane -p | head -n 1 | grep -q '^  Hostile Headline Here'"
keys q
check "inject: pager q exits 0" wait_for "EXIT=0"

# ---- invalid and adversarial UTF-8 ---------------------------------------
printf 'Bad Bytes Headline\n\nOverlong \300\257| and \340\200\257| sur \355\240\200| stray \200\277| fe \376| ff \377| trunc \342\202| mid. Zero\342\200\213width rlo \342\200\256abc\342\200\254 iso \342\201\246x\342\201\251 John Smith went to Paris.\n\nEnd \342\202' >"$WORK/utf.txt"
UTF="$WORK/utf.txt"
R=$(printf '\357\277\275')
"$ARTREAD" --dump --color=never "$UTF" >"$WORK/u.out"
check "utf8: dump exits 0 and is clean" clean "$WORK/u.out"
check "utf8: overlong C0 AF is two U+FFFD" has "$WORK/u.out" "Overlong $R$R|"
check "utf8: overlong E0 80 AF is three U+FFFD" has "$WORK/u.out" "and $R$R$R|"
check "utf8: surrogate ED A0 80 is three U+FFFD" has "$WORK/u.out" "sur $R$R$R|"
check "utf8: stray continuation bytes" has "$WORK/u.out" "stray $R$R|"
check "utf8: FE and FF" sh -c "grep -qF 'fe $R|' '$WORK/u.out' && grep -qF 'ff $R|' '$WORK/u.out'"
check "utf8: truncated sequence inside" has "$WORK/u.out" "trunc $R$R|"
check "utf8: truncated sequence at the end of the file" has "$WORK/u.out" "End $R$R"
check "utf8: zero-width space shown" has "$WORK/u.out" 'Zero<U+200B>width'
check "utf8: RLO and PDF shown" has "$WORK/u.out" 'rlo <U+202E>abc<U+202C>'
check "utf8: isolates shown" has "$WORK/u.out" '<U+2066>x<U+2069>'
check "utf8: no raw bidi control in the dump" \
    lacks "$WORK/u.out" "$(printf '\342\200\256')"
"$ARTREAD" --entities "$UTF" >"$WORK/ue.out"
line=$(grep -P '\tPERSON\tJohn Smith\t' "$WORK/ue.out" | head -n 1)
s=$(echo "$line" | cut -f 1) e=$(echo "$line" | cut -f 2)
check "utf8: --entities offsets are byte offsets into the file" \
    [ -n "$line" ] && [ "$(tail -c +$((s + 1)) "$UTF" | head -c $((e - s)))" = "John Smith" ]
check "utf8: --entities is clean" clean "$WORK/ue.out"
printf 'Bidi Quote\n\n\342\200\234Pay \342\200\256 now \342\200\213 here,\342\200\235 said John Smith.\n' >"$WORK/bq.txt"
"$ARTREAD" --quotes "$WORK/bq.txt" >"$WORK/bq.out"
check "utf8: --quotes lists the quote with bidi controls" has "$WORK/bq.out" "Pay <U+202E> now <U+200B> here,"
check "utf8: --quotes writes no raw bidi or zero-width character" \
    sh -c "! grep -qF \"\$(printf '\342\200\256')\" '$WORK/bq.out' && ! grep -qF \"\$(printf '\342\200\213')\" '$WORK/bq.out'"
start "'$ARTREAD' --no-remember '$UTF'"
check "utf8: pager opens" wait_for "Bad Bytes Headline"
check "utf8: pager shows <U+202E>" wait_for "rlo <U+202E>abc<U+202C>"
check "utf8: pager shows U+FFFD per byte" wait_for "Overlong $R$R|"
keys q
check "utf8: pager q exits 0" wait_for "EXIT=0"

# ---- sizes and shapes ----------------------------------------------------
: >"$WORK/empty.txt"
check "size: empty file dumps nothing, exit 0" \
    sh -c "[ -z \"\$('$ARTREAD' --dump '$WORK/empty.txt')\" ]"
check "size: empty file listings exit 0" \
    sh -c "'$ARTREAD' --entities '$WORK/empty.txt' && '$ARTREAD' --quotes '$WORK/empty.txt'"
start "'$ARTREAD' --no-remember '$WORK/empty.txt'"
check "size: pager on an empty file says so" wait_for "is empty"
keys G j q
check "size: pager on an empty file quits" wait_for "EXIT=0"

printf 'x' >"$WORK/one.txt"
check "size: 1-byte file dumps it" \
    sh -c "[ \"\$('$ARTREAD' --dump '$WORK/one.txt')\" = '  x' ]"
check "size: 1-byte file listings" sh -c "'$ARTREAD' --entities '$WORK/one.txt' && '$ARTREAD' --quotes '$WORK/one.txt'"
start "'$ARTREAD' --no-remember '$WORK/one.txt'"
check "size: pager on a 1-byte file" wait_for "  x"
keys G w v l q q
check "size: pager on a 1-byte file quits" wait_for "EXIT=0"

printf 'No Newline Headline\n\nlast words' >"$WORK/nonl.txt"
check "size: no final newline: last line dumped" \
    sh -c "'$ARTREAD' --dump '$WORK/nonl.txt' | tail -n 1 | grep -qx '  last words'"

# A 10 MB single line.
awk 'BEGIN { s = "lorem ipsum dolor "; while (length(s) < 10000000) s = s s;
    printf "%s\n", substr(s, 1, 9999990) "THE-END" }' >"$WORK/line10m.txt"
timeout 30 "$ARTREAD" --dump --color=never "$WORK/line10m.txt" >"$WORK/l10.out"
check "size: 10 MB single line dumps in time" \
    sh -c "[ $? -eq 0 ] && tail -n 1 '$WORK/l10.out' | grep -q 'THE-END'"
timeout 30 "$ARTREAD" --entities "$WORK/line10m.txt" >/dev/null
check "size: 10 MB single line --entities finishes" [ $? -eq 0 ]
start "'$ARTREAD' --no-remember '$WORK/line10m.txt'"
check "size: 10 MB line: first screen" wait_for "lorem ipsum dolor" 15
keys G
check "size: 10 MB line: G reaches the end" wait_for "THE-END" 15
keys q
check "size: 10 MB line: q exits 0" wait_for "EXIT=0"
rm -f "$WORK/line10m.txt" "$WORK/l10.out"

# A paragraph of quotation marks and no full stop: each quote looked back
# to its sentence's start and read it forward (minutes before, quadratic).
awk 'BEGIN { s = "\"\""; while (length(s) < 200000) s = s s;
    print substr(s, 1, 200000) }' >"$WORK/marks.txt"
timeout 60 "$ARTREAD" --quotes "$WORK/marks.txt" >"$WORK/marks.out"
check "size: 200,000 quotation marks in one sentence: --quotes in time" \
    sh -c "[ $? -eq 0 ] && [ \$(wc -l <'$WORK/marks.out') -eq 100000 ]"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "\"a b\" "; print "" }' \
    >"$WORK/marks.txt"
timeout 60 "$ARTREAD" --quotes "$WORK/marks.txt" >"$WORK/marks.out"
check "size: 50,000 quotes of words in one sentence: --quotes in time" \
    sh -c "[ $? -eq 0 ] && [ \$(wc -l <'$WORK/marks.out') -eq 50000 ]"
# Quotes and pronouns in one sentence: each pronoun looked back two
# sentences, to the paragraph's start (quadratic: 20,000 took 52 s).
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "\"a b,\" he said, "
    print "" }' >"$WORK/marks.txt"
timeout 60 "$ARTREAD" --quotes "$WORK/marks.txt" >"$WORK/marks.out"
check "size: 30,000 quotes with a pronoun in one sentence: --quotes in time" \
    sh -c "[ $? -eq 0 ] && [ \$(wc -l <'$WORK/marks.out') -eq 30000 ]"
rm -f "$WORK/marks.txt" "$WORK/marks.out"

# 1,000,000 one-word lines.
awk 'BEGIN { for (i = 1; i <= 1000000; i++) print "w" i }' >"$WORK/lines.txt"
start "'$ARTREAD' --no-remember '$WORK/lines.txt'"
check "size: 1M lines: first screen" wait_for "w1 w2 w3" 15
keys G
check "size: 1M lines: G reaches the end" wait_for "w1000000" 15
keys q
check "size: 1M lines: q exits 0" wait_for "EXIT=0"
start "'$ARTREAD' --no-remember --no-reflow '$WORK/lines.txt'"
check "size: 1M lines without reflow: one per row" wait_for "w23"
keys G
check "size: 1M lines without reflow: G" wait_for "w1000000" 15
keys q
check "size: 1M lines without reflow: q exits 0" wait_for "EXIT=0"
rm -f "$WORK/lines.txt"

# A 200 MB file: the pager only.  yes + head -c makes it in a moment.
yes 'The council met on Tuesday and John Smith said the bridge would open.
' | head -c 200000000 >"$WORK/huge.txt"
start "'$ARTREAD' --no-remember '$WORK/huge.txt'"
check "size: 200 MB: first screen" wait_for "The council met" 15
keys G
check "size: 200 MB: G reaches the end" wait_status ' end' 15
keys q
check "size: 200 MB: q exits 0" wait_for "EXIT=0" 10
rm -f "$WORK/huge.txt" "$WORK"/huge.txt.annotations.jsonl*

# Line ends: CR only (old Mac), CRLF.
printf 'Old Mac Headline\r\rFirst para line one\rline two.\r\rSecond para.\r' >"$WORK/cr.txt"
"$ARTREAD" --dump --no-reflow "$WORK/cr.txt" >"$WORK/cr.out"
check "lines: CR-only lines are separate rows (dump)" \
    sh -c "grep -qx '  First para line one' '$WORK/cr.out' && grep -qx '  line two.' '$WORK/cr.out'"
check "lines: CR-only file shows no ^M" lacks "$WORK/cr.out" '^M'
check "lines: CR-only paragraphs found" \
    sh -c "'$ARTREAD' --dump '$WORK/cr.txt' | grep -qx '  First para line one line two.'"
start "'$ARTREAD' --no-remember --no-reflow '$WORK/cr.txt'"
check "lines: pager: CR-only headline on row 0" wait_for "Old Mac Headline"
check "lines: pager: CR-only lines as rows" \
    sh -c "[ \"\$($T capture-pane -p | sed -n 4p)\" = '  line two.' ]"
keys q
wait_for "EXIT=0"
printf 'CRLF Headline\r\n\r\nJohn Smith went\r\nto Paris.\r\n' >"$WORK/crlf.txt"
check "lines: CRLF shows no ^M" \
    sh -c "'$ARTREAD' --dump '$WORK/crlf.txt' | grep -qx '  John Smith went to Paris.'"
check "lines: CRLF entity offsets count the CRs" \
    sh -c "'$ARTREAD' --entities '$WORK/crlf.txt' | grep -qP '^37\\t42\\tPLACE\\tParis\\tParis$'"

# NUL bytes.
printf 'Nul Headline\n\nabc\0def and John Smith.\n' >"$WORK/nul.txt"
"$ARTREAD" --dump "$WORK/nul.txt" >"$WORK/n.out" 2>"$WORK/n.err"
check "nul: refused without --force (exit 2)" \
    sh -c "[ $? -eq 2 ] && grep -q binary '$WORK/n.err' && [ ! -s '$WORK/n.out' ]"
check "nul: listings refuse it too" \
    sh -c "'$ARTREAD' --entities '$WORK/nul.txt' 2>/dev/null; [ \$? -eq 2 ]"
check "nul: --force shows ^@" \
    sh -c "'$ARTREAD' --dump --force '$WORK/nul.txt' | grep -qF 'abc^@def'"
"$ARTREAD" --entities --force "$WORK/nul.txt" >"$WORK/ne.out"
check "nul: --force --entities finds the name" has "$WORK/ne.out" "John Smith"
check "nul: --force --entities output is clean" clean "$WORK/ne.out"
start "'$ARTREAD' --no-remember --force '$WORK/nul.txt'"
check "nul: pager with --force shows ^@" wait_for "abc^@def"
keys q
check "nul: pager q exits 0" wait_for "EXIT=0"

# open_council NAME BYTES: a file of one sentence again and again, open
# in the pager.
open_council() {
	yes 'The council met on Tuesday and John Smith said the bridge would open.
' | head -c "$2" >"$WORK/$1"
	start "'$ARTREAD' --no-remember '$WORK/$1'"
	wait_for "The council met"
}
# A file that shrinks, then one that grows, while open.
open_council shrink.txt 300000
truncate -s 150000 "$WORK/shrink.txt"
keys G
check "change: shrunk while open: G reaches the end" wait_status ' end|shrank'
keys g / z z z Enter G k k
settle
keys q
check "change: shrunk while open: no crash, q exits 0" wait_for "EXIT=0"
open_council grow.txt 300000
awk 'BEGIN { for (i = 0; i < 20000; i++) print "appended line " i }' >>"$WORK/grow.txt"
keys G
settle
keys g G
settle
keys q
check "change: grown while open: no crash, q exits 0" wait_for "EXIT=0"
# Rewritten in place while open (a program opening it for writing): what
# is on screen is what was read, not the new bytes.
awk 'BEGIN { print "Rewrite Headline"; print ""; for (i = 0; i < 200; i++) print "Old words on line " i " stay." }' >"$WORK/rewrite.txt"
start "'$ARTREAD' --no-remember '$WORK/rewrite.txt'"
wait_for "Old words on line 3 stay."
sed 's/Old/New/' "$WORK/rewrite.txt" | dd of="$WORK/rewrite.txt" conv=notrunc status=none
keys j k C-l
settle
check "change: rewritten in place while open: the screen keeps what was read" \
    eventually sh -c "$T capture-pane -p | grep -q 'Old words on line 3' && ! $T capture-pane -p | grep -q 'New words'"
keys q
wait_for "EXIT=0"
# A large file (over 4 MiB: no row index reads it all at once) is read
# block by block as the screen needs it: a block not read before the
# file shrank is never taken from the new one, and the pager says so.
open_council bigshrink.txt 6000000
truncate -s 1000000 "$WORK/bigshrink.txt"
keys G
check "change: a large file shrunk while open: says so at G" wait_for "shrank on disk"
keys q
check "change: a large file shrunk while open: q exits 0" wait_for "EXIT=0"

# ---- files ---------------------------------------------------------------
mkfifo "$WORK/fifo"
# A writer blocked in open() until a reader comes: wait until it is there.
fifo_writer() {
	sh -c "printf 'Fifo Headline\n\nJohn Smith lives in Paris.\n' >'$WORK/fifo'" &
	wpid=$!
	i=0
	while [ $i -lt 100 ] && [ "$(cat /proc/$wpid/wchan 2>/dev/null)" != wait_for_partner ]; do
		sleep 0.02; i=$((i + 1))
	done
}
fifo_writer
check "fifo: with a writer, --dump reads its content" \
    sh -c "timeout 10 '$ARTREAD' --dump '$WORK/fifo' | grep -q 'John Smith lives in Paris.'"
wait $wpid 2>/dev/null
fifo_writer
check "fifo: with a writer, --entities reads it" \
    sh -c "timeout 10 '$ARTREAD' --entities '$WORK/fifo' | grep -qP '\\tPERSON\\tJohn Smith'"
wait $wpid 2>/dev/null
# A writer that is not there yet is waited for, as cat does (tester F9:
# it read as an empty article and left the writer blocked).
(sleep 1; printf 'Late Headline\n\nJohn Smith lives in Paris.\n' >"$WORK/fifo") &
timeout 10 "$ARTREAD" --dump "$WORK/fifo" >"$WORK/f.out" 2>&1
check "fifo: a writer that comes late is waited for (--dump, exit 0)" \
    sh -c "[ $? -eq 0 ] && grep -q 'Late Headline' '$WORK/f.out'"
start "'$ARTREAD' --no-remember '$WORK/fifo'"
check "fifo: the pager says it waits for the FIFO's writer" \
    wait_for "fifo: waiting for a writer"
printf 'Late Headline\n\nJohn Smith lives in Paris.\n' >"$WORK/fifo"
check "fifo: then the pager shows the writer's text" wait_for "Late Headline"
keys q
check "fifo: and quits" wait_for "EXIT=0"

for dev in /dev/zero /dev/urandom; do
	timeout 10 "$ARTREAD" --dump "$dev" >"$WORK/dv.out" 2>"$WORK/dv.err"
	check "files: $dev refused with exit 2, no hang" \
	    sh -c "[ $? -eq 2 ] && grep -q 'not a regular file' '$WORK/dv.err'"
	timeout 10 "$ARTREAD" --entities "$dev" >/dev/null 2>&1
	check "files: --entities $dev refused" [ $? -eq 2 ]
done
start "'$ARTREAD' /dev/zero"
check "files: pager on /dev/zero exits 2" wait_for "EXIT=2"

mkdir -p "$WORK/real" "$WORK/links"
printf 'Link Headline\n\nJohn Smith said hello.\n' >"$WORK/real/art.txt"
ln -s ../real/art.txt "$WORK/links/ln.txt"
"$ARTREAD" --annotate 15:25:claim:check "$WORK/links/ln.txt" >/dev/null 2>&1
check "files: --annotate through a symlink works" [ $? -eq 0 ]
check "files: the sidecar is next to the real file" \
    [ -f "$WORK/real/art.txt.annotations.jsonl" ]
check "files: no sidecar next to the link" \
    [ ! -e "$WORK/links/ln.txt.annotations.jsonl" ]
check "files: the link is still a link" [ -L "$WORK/links/ln.txt" ]

SP="$WORK/name with spaces.txt"
printf 'Spaced Headline\n\nBody.\n' >"$SP"
check "names: spaces" sh -c "'$ARTREAD' --dump '$SP' | grep -q 'Spaced Headline'"
NL="$WORK/new
line.txt"
printf 'Newline Headline\n\nJohn Smith lives in Paris.\n' >"$NL"
check "names: a newline in the name" \
    sh -c "'$ARTREAD' --dump \"\$1\" | grep -q 'Newline Headline'" _ "$NL"
printf 'Spaced Headline\n\nJohn Smith lives in Paris.\n' >"$SP"
check "names: two files with odd names: the file column stays one field" \
    sh -c "'$ARTREAD' --entities \"\$1\" \"\$2\" | awk -F '\\t' 'NF != 6 { bad = 1 }
        \$1 ~ /new line.txt\$/ { nl++ } \$1 ~ /name with spaces.txt\$/ { sp++ }
        END { exit bad || !nl || !sp }'" _ "$NL" "$SP"
ESCNAME="$WORK/esc$(printf '\033')[2Jname.txt"
printf 'Esc Name\n\nJohn Smith.\n' >"$ESCNAME"
"$ARTREAD" --entities "$ESCNAME" "$SP" >"$WORK/en.out"
check "names: an ESC in a name does not reach the listing" clean "$WORK/en.out"
"$ARTREAD" --dump "$ESCNAME" "$SP" >"$WORK/en.out"
check "names: an ESC in a name does not reach the dump" clean "$WORK/en.out"
(cd "$WORK" && printf 'Dash Headline\n\nBody.\n' >./-story.txt)
check "names: artread -- -story.txt" \
    sh -c "cd '$WORK' && '$ARTREAD' --dump -- -story.txt | grep -q 'Dash Headline'"
(cd "$WORK" && "$ARTREAD" --dump -story.txt >/dev/null 2>"$WORK/dash.err")
check "names: without --, -story.txt is an option error naming -s" \
    sh -c "[ $? -eq 2 ] && grep -q \"unknown option '-s'\" '$WORK/dash.err'"

# Names the status line must make safe: newline, invalid UTF-8, C1, RLO.
BADNAME="bad$(printf '\377')nm$(printf '\302\233')c1$(printf '\342\200\256')rlo.txt"
printf 'Bad Name Headline\n\nBody.\n' >"$WORK/$BADNAME"
gate "read _; cd '$WORK' && '$ARTREAD' --no-remember bad*rlo.txt"
$T pipe-pane -o "cat >'$WORK/raw.out'"
gate_open
check "names: pager opens a non-UTF-8 name" wait_for "Bad Name Headline"
settle
check "names: status line shows bad bytes, C1 and bidi as the CLI does" \
    eventually sh -c "$T capture-pane -p | tail -n 1 | grep -qF ' bad$(printf '\357\277\275')nm<U+009B>c1<U+202E>rlo.txt'"
keys q
wait_for "EXIT=0"
$T pipe-pane
check "names: no raw 0xFF, C1 or RLO reached the terminal" \
    sh -c "! LC_ALL=C grep -q \"\$(printf '\\377')\\|\$(printf '\\302\\233')\\|\$(printf '\\342\\200\\256')\" '$WORK/raw.out'"
start "cd '$WORK' && '$ARTREAD' --no-remember new*line.txt"
check "names: pager opens a name with a newline" wait_for "Newline Headline"
check "names: status line shows the newline as ^J" \
    eventually sh -c "$T capture-pane -p | tail -n 1 | grep -qF ' new^Jline.txt'"
keys q
wait_for "EXIT=0"

# ---- terminals -----------------------------------------------------------
for size in 1x1 2x2 10x3 500x200; do
	w=${size%x*} h=${size#*x}
	start -x "$w" -y "$h" "$(run_rc "$WORK/rc.$size" "'$ARTREAD' --no-remember '$EVIL'")"
	wait_until 5 "artread did not start in a $size pane" artread_pid >/dev/null
	settle blank
	keys j Space G k b g Tab v l Escape
	settle blank
	keys q
	if wait_file "$WORK/rc.$size" && [ "$(cat "$WORK/rc.$size")" = 0 ]; then
		ok "term: ${size} window: no crash, q exits 0"
	else
		fail "term: ${size} window: no crash, q exits 0"
	fi
done

start "'$ARTREAD' --no-remember '$ART'"
wait_for "$HEAD"
i=0
while [ $i -lt 300 ]; do
	if [ $((i % 2)) -eq 0 ]; then
		$T resize-window -x 20 -y 5 2>/dev/null
	else
		$T resize-window -x 150 -y 50 2>/dev/null
	fi
	i=$((i + 1))
done
$T resize-window -x 80 -y 24
check "term: after a resize storm the pager redraws" wait_for "$HEAD"
keys G
check "term: after a resize storm keys still work" wait_for "See you at the inquiry."
keys q
check "term: after a resize storm q exits 0" wait_for "EXIT=0"

start env -u TERM "$ARTREAD" "$ART"
if wait_for "TERM is not set" && wait_for "EXIT=2"; then
	ok "term: TERM unset: clear error, exit 2"
else
	fail "term: TERM unset: clear error, exit 2"
fi
start env TERM=nonsense "$ARTREAD" "$ART"
if wait_for "unknown terminal type 'nonsense'" && wait_for "EXIT=2"; then
	ok "term: TERM=nonsense: clear error, exit 2"
else
	fail "term: TERM=nonsense: clear error, exit 2"
fi
for tt in vt100 linux; do
	TERM_FOR_TEST=$tt start "'$ARTREAD' --no-remember '$ART'"
	check "term: TERM=$tt opens" wait_for "$HEAD"
	keys Space G
	settle
	check "term: TERM=$tt: no literal escape garbage" \
	    sh -c "! $T capture-pane -p | grep -Eq '\\[[0-9;]*[0-9][mHJKABCDhl]|\\[3'"
	keys q
	check "term: TERM=$tt: q exits 0" wait_for "EXIT=0"
done

# ---- configuration -------------------------------------------------------
printf 'garbage here\n[general\nwidth = = =\n\377\376\n' >"$WORK/garbage.ini"
awk 'BEGIN { s = "x"; while (length(s) < 1048576) s = s s; print "[general]";
    print "theme = " s }' >"$WORK/longline.ini"
printf '[general]\nwidth = 7\0 0\ntheme = dark\n' >"$WORK/nul.ini"
for c in garbage longline nul; do
	"$ARTREAD" --config "$WORK/$c.ini" --dump "$ART" >"$WORK/c.out" 2>"$WORK/c.err"
	rc=$?
	if [ $rc -eq 2 ] && grep -q "$c.ini" "$WORK/c.err" && [ ! -s "$WORK/c.out" ]; then
		ok "config: $c config is an error naming the file, exit 2"
	else
		fail "config: $c config" "status $rc, stderr: $(head -c 200 "$WORK/c.err")"
	fi
done
"$ARTREAD" --config "$WORK/nul.ini" --dump "$ART" >/dev/null 2>"$WORK/c.err"
check "config: a NUL byte is called a NUL byte" grep -q "nul.ini:2: .*NUL" "$WORK/c.err"
start "'$ARTREAD' --config '$WORK/garbage.ini' '$ART'"
check "config: the pager refuses a broken config, exit 2" wait_for "EXIT=2"

# A catastrophic pattern: its budget of match steps stops it; reported, switched off.
printf '[rule.evil]\ntype = ORG\npriority = 50\npattern = (a+)+$\n' >"$WORK/evil.ini"
awk 'BEGIN { printf "Catastrophic Headline\n\n\342\200\234Hello,\342\200\235 said John Smith in Paris. ";
    for (i = 0; i < 5000; i++) printf "a"; printf "b and more text.\n" }' >"$WORK/cat.txt"
check "rules: --check accepts the pattern (it compiles)" \
    sh -c "'$ARTREAD' --rules '$WORK/evil.ini' --check >/dev/null"
for mode in entities quotes; do
	timeout 30 "$ARTREAD" --rules "$WORK/evil.ini" --$mode "$WORK/cat.txt" >"$WORK/r.out" 2>"$WORK/r.err"
	check "rules: catastrophic regex: --$mode finishes, exit 0" [ $? -eq 0 ]
done
timeout 30 "$ARTREAD" --rules "$WORK/evil.ini" --entities "$WORK/cat.txt" >"$WORK/r.out" 2>"$WORK/r.err"
check "rules: the rule is reported on stderr" \
    grep -q "evil.ini:4: rule evil: too costly.*switched off" "$WORK/r.err"
mkdir -p "$XDG_CONFIG_HOME/artread"
cp "$WORK/evil.ini" "$XDG_CONFIG_HOME/artread/rules.ini"
timeout 30 "$ARTREAD" --entities "$WORK/cat.txt" >"$WORK/r.out" 2>"$WORK/r.err"
check "rules: user rules.ini with the bad rule: the others still work" \
    sh -c "[ $? -eq 0 ] && grep -qP '\\tPERSON\\tJohn Smith' '$WORK/r.out' && grep -q 'rule evil' '$WORK/r.err'"
rm -f "$XDG_CONFIG_HOME/artread/rules.ini"
start "'$ARTREAD' --no-remember --rules '$WORK/evil.ini' '$WORK/cat.txt'"
check "rules: the pager with the bad rule opens" wait_for "Catastrophic Headline" 15
keys G E q
settle
keys q
check "rules: the pager with the bad rule quits" wait_for "EXIT=0"
finish
