#!/bin/sh
# End-to-end: opening files, errors, pipes and the non-interactive modes.
. "$(dirname "$0")/lib.sh"
plan 54
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"

# expect_error NAME STATUS PATTERN COMMAND...: one line on stderr matching
# PATTERN, the exit status, and nothing on stdout.
expect_error() {
	name=$1 want=$2 pat=$3; shift 3
	"$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	if [ "$rc" -eq "$want" ] && grep -q -- "$pat" "$WORK/err" &&
	    [ "$(wc -l <"$WORK/err")" -eq 1 ] && [ ! -s "$WORK/out" ]; then
		ok "$name"
	else
		fail "$name" "status $rc, stderr: $(head -c 200 "$WORK/err")"
	fi
}

expect_error "errors: missing file" 2 "nosuch.txt: No such file or directory" \
	"$ARTREAD" --dump "$WORK/nosuch.txt"
expect_error "errors: a directory" 2 ": is a directory" "$ARTREAD" --dump "$WORK"
printf 'abc\0def' >"$WORK/bin.dat"
expect_error "errors: binary refused" 2 "looks like a binary file" \
	"$ARTREAD" --dump "$WORK/bin.dat"
check "errors: --force opens a binary file" \
	sh -c "'$ARTREAD' --dump --force '$WORK/bin.dat' | grep -q 'abc^@def'"
expect_error "errors: a device is refused" 2 "not a regular file" \
	"$ARTREAD" --dump /dev/zero
printf 'secret\n' >"$WORK/locked.txt"
chmod 000 "$WORK/locked.txt"
# Root reads every file: as root, artread runs as nobody (setpriv), and
# WORK lets nobody pass through (not list or read).
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ "$(id -u)" -ne 0 ]; then
	expect_error "errors: unreadable file" 2 "locked.txt: Permission denied" \
		"$ARTREAD" --dump "$WORK/locked.txt"
elif $NOBODY true 2>/dev/null; then
	chmod 711 "$WORK"
	expect_error "errors: unreadable file" 2 "locked.txt: Permission denied" \
		$NOBODY "$ARTREAD" --dump "$WORK/locked.txt"
	chmod 700 "$WORK"
else
	skip "errors: unreadable file" "root reads every file, and setpriv cannot drop to nobody"
fi
expect_error "errors: --config /dev/zero is refused, not read forever" 2 \
	"/dev/zero: not a regular file" "$ARTREAD" --config /dev/zero --dump "$ART"
"$ARTREAD" --rules /dev/zero --dump "$ART" >/dev/null 2>"$WORK/err"
check "errors: --rules /dev/zero is refused, not read forever" \
	sh -c "[ $? -eq 2 ] && grep -q 'not a regular file' '$WORK/err'"
expect_error "errors: unknown option" 2 "unknown option '--frobnicate'" \
	"$ARTREAD" --frobnicate "$ART"
expect_error "errors: bad width" 2 "not a width" "$ARTREAD" --width 0 "$ART"

# The pager's errors leave no curses screen behind.
start "$ARTREAD" "$WORK/nosuch.txt"
check "errors: pager on a missing file exits 2 without a screen" wait_for "EXIT=2"
check "errors: the message is on the terminal" wait_for "No such file or directory"

start env -u TERM "$ARTREAD" "$ART"
check "errors: TERM unset is a clear error" wait_for "TERM is not set"
start env TERM=no-such-terminal "$ARTREAD" "$ART"
check "errors: unknown TERM is a clear error" wait_for "unknown terminal type 'no-such-terminal'"
start env TERM=dumb "$ARTREAD" "$ART"
check "errors: TERM=dumb (no cursor motion) is a clear error" \
	wait_for "terminal type 'dumb' cannot move the cursor"
check "errors: TERM=dumb exits 2" wait_for "EXIT=2"

: >"$WORK/empty.txt"
start "$ARTREAD" "$WORK/empty.txt"
check "empty: an empty file opens and says so" wait_for "is empty"
keys q
# A Windows-1252 file (from a word processor) says why its accents and
# curly quotes show as replacement marks, and how to convert it.
printf 'Caf\351 Closes\n\nThe caf\351 closed. \223We are closing,\224 said Jos\351.\n' \
	>"$WORK/cp1252.txt"
start "$ARTREAD" --no-remember "$WORK/cp1252.txt"
check "encoding: a file that is not UTF-8 says so and how to convert it" \
	wait_status 'cp1252.txt is not UTF-8 \(5 bytes shown as .; Windows-1252\? iconv'
keys q

# Standard input: a pipe, keys from the terminal.
start "cat '$ART' | '$ARTREAD'"
check "pipe: reads the article from standard input" wait_for "$HEAD"
keys G
check "pipe: keys come from the terminal" wait_for "See you at the inquiry."
keys q
check "pipe: q quits" wait_for "EXIT=0"
# A slow pipe says what artread waits for, then opens as usual.
start "(sleep 2; cat '$ART') | '$ARTREAD'"
check "pipe: a slow pipe says artread waits for it" \
	wait_for "waiting for standard input"
check "pipe: ... and opens when the text comes" wait_for "$HEAD"
keys q

# Not a terminal: behaves like --dump.
"$ARTREAD" "$ART" >"$WORK/dump.txt" 2>&1
check "dump: default when output is not a terminal" grep -q "$HEAD" "$WORK/dump.txt"
"$ARTREAD" --dump "$ART" >"$WORK/dump2.txt"
check "dump: same as --dump" cmp -s "$WORK/dump.txt" "$WORK/dump2.txt"
check "dump: text wrapped to the width" \
	sh -c "[ \$('$ARTREAD' --dump --width 50 '$ART' | wc -L) -le 52 ]"
check "dump: --color=always colours it" \
	sh -c "'$ARTREAD' --dump --color=always '$ART' | grep -q \"\$(printf '\\033')\\[\""
printf 'Title\n\nEvil \033]52;c;aGVsbG8=\007 and \033[2J\033[31mred \302\233 end\n' >"$WORK/evil.txt"
check "dump: --color=never writes no ESC byte for hostile input" \
	sh -c "! '$ARTREAD' --dump --color=never '$WORK/evil.txt' | grep -q \"\$(printf '\\033')\""
check "dump: escapes are shown visibly" \
	sh -c "'$ARTREAD' --dump --color=never '$WORK/evil.txt' | grep -qF '^[]52;c;aGVsbG8=^G'"
check "dump: NO_COLOR set gives no colour codes" \
	sh -c "NO_COLOR=1 '$ARTREAD' --dump '$ART' | grep -vq \"\$(printf '\\033')\""
check "dump: --no-reflow keeps line breaks" \
	sh -c "'$ARTREAD' --dump --no-reflow '$ROOT/sample-articles/03-lagos-dock-strike.txt' | sed -n 3p | grep -q 'LAGOS, Nigeria (Meridian Wire Service) -- Thousands of dockworkers\$'"

check "help: --help lists the options" sh -c "'$ARTREAD' --help | grep -q -- '--dump'"
# F15: the names [keys] takes are listed; a short form gets a suggestion
check "help: --help names each action for [keys] beside its keys" \
	sh -c "'$ARTREAD' --help | grep -q '^  j .* line_down  *scroll down one line\$' &&
	    '$ARTREAD' --help | grep -q ' delete_annotation  *[a-z]'"
printf '[keys]\ndelete = q\n' >"$WORK/keys.ini"
check "check: [keys] delete suggests delete_annotation" \
	sh -c "'$ARTREAD' --config '$WORK/keys.ini' --check | grep -q \"keys.ini:2: unknown command 'delete' (did you mean 'delete_annotation'?)\""
check "help: --version" sh -c "'$ARTREAD' --version | grep -q '^artread [0-9]'"
check "listing: --entities prints START END TYPE TEXT NAME" \
	sh -c "'$ARTREAD' --entities '$ART' | head -n 1 | grep -qP '^\\d+\\t\\d+\\t(PERSON|ORG|PLACE|DATE|TIME|MONEY|PERCENT|EMAIL|URL|HANDLE|HASHTAG)\\t[^\\t]+\\t[^\\t]+\$'"
check "listing: --quotes prints START END SPEAKER TEXT" \
	sh -c "'$ARTREAD' --quotes '$ART' | grep -qP '^\\d+\\t\\d+\\t[^\\t]+\\t“'"
# F16: several files get a first column, as grep -H, never "==>" lines
"$ARTREAD" --entities "$ART" "$ROOT/sample-articles/03-lagos-dock-strike.txt" >"$WORK/two.ent"
check "listing: --entities of several files: FILE TAB START TAB END ..." \
	sh -c "! grep -q '==>' '$WORK/two.ent' &&
	    awk -F '\t' 'NF != 6 || \$2 !~ /^[0-9]+\$/ { bad = 1 } { f[\$1] = 1 }
	        END { n = 0; for (k in f) n++; exit bad || n != 2 }' '$WORK/two.ent'"
"$ARTREAD" --quotes "$ART" "$ROOT/sample-articles/03-lagos-dock-strike.txt" >"$WORK/two.quo"
check "listing: --quotes of several files: FILE TAB START TAB END ..." \
	sh -c "! grep -q '==>' '$WORK/two.quo' &&
	    awk -F '\t' 'NF != 5 || \$2 !~ /^[0-9]+\$/ { bad = 1 } END { exit bad || NR == 0 }' '$WORK/two.quo'"
# F17: --stats on a narrow terminal: bars, and no row wraps (the pane's
# rows as drawn are as many as its lines joined)
stats_fit() {
	screen | grep -q 'Emeka Obiora .*█' &&
	    [ "$($T capture-pane -p -S - | wc -l)" -eq \
	    "$($T capture-pane -p -J -S - | wc -l)" ]
}
for cols in 40 50; do
	start -x $cols -y 60 "$ARTREAD" --stats "$ROOT/sample-articles/03-lagos-dock-strike.txt"
	wait_for "EXIT=0" >/dev/null
	check "stats: at $cols columns the bars fit and no row wraps" eventually stats_fit
done
check "check: shipped files are fine" sh -c "'$ARTREAD' --check >/dev/null"
printf '[general]\nwidth = abc\n[keys\n' >"$WORK/two.ini"
"$ARTREAD" --config "$WORK/two.ini" --check >"$WORK/two.out" 2>&1
check "check: a syntax error does not hide the file's other problems" \
	sh -c "[ $? -eq 1 ] && grep -q 'two.ini:3: syntax error' '$WORK/two.out' &&
	    grep -q \"two.ini:2: bad value 'abc' for width\" '$WORK/two.out' &&
	    grep -q '2 errors' '$WORK/two.out'"
"$ARTREAD" --config "$WORK/two.ini" --dump "$ART" >/dev/null 2>"$WORK/two.err"
check "check: outside --check a syntax error still stops the config (exit 2)" \
	sh -c "[ $? -eq 2 ] && grep -q 'two.ini:3: syntax error' '$WORK/two.err'"
# F4: a theme that is not there is the config's line, for --check and later
printf '[general]\ntheme = nosuch\n' >"$WORK/notheme.ini"
"$ARTREAD" --config "$WORK/notheme.ini" --check >"$WORK/notheme.out" 2>&1
check "check: a config's missing theme is an error at its line (exit 1)" \
	sh -c "[ $? -eq 1 ] && grep -q \"notheme.ini:2: theme 'nosuch' not found\" '$WORK/notheme.out' &&
	    grep -q '1 error,' '$WORK/notheme.out'"
"$ARTREAD" --config "$WORK/notheme.ini" --dump "$ART" >/dev/null 2>"$WORK/notheme.err"
check "check: a run names the config line of the missing theme" \
	grep -q "notheme.ini:2: theme 'nosuch' not found" "$WORK/notheme.err"
# F5: a theme that another inherits has its problems said once
mkdir -p "$XDG_CONFIG_HOME/artread/themes"
printf '[theme]\ninherit = other\n[styles]\ntext = nosuchcolour\nquote = bold blinky\nquote-mrk = bold\n' \
	>"$XDG_CONFIG_HOME/artread/themes/mine.ini"
printf '[theme]\ninherit = mine\n' >"$XDG_CONFIG_HOME/artread/themes/other.ini"
"$ARTREAD" --check >"$WORK/inh.out" 2>&1
check "check: an inherited theme's problems are listed and counted once" \
	sh -c "[ \$(sort '$WORK/inh.out' | uniq -d | wc -l) -eq 0 ] &&
	    [ \$(grep -c 'mine.ini:4:' '$WORK/inh.out') -eq 1 ] &&
	    grep -q ' 1 warning ' '$WORK/inh.out'"
rm -r "$XDG_CONFIG_HOME/artread/themes"
check "paths: --paths names the config file" sh -c "'$ARTREAD' --paths | grep -q config.ini"
mkdir -p "$XDG_CONFIG_HOME/artread/themes"
cp "$ROOT/themes/dark.ini" "$XDG_CONFIG_HOME/artread/themes/mine.ini"
check "paths: one theme is counted in the singular" \
	sh -c "'$ARTREAD' --paths | grep -q '(exists, 1 theme): yours'"
rm -r "$XDG_CONFIG_HOME/artread/themes"
check "themes: --list-themes shows the six themes" \
	sh -c "[ \$('$ARTREAD' --list-themes | grep -cE '^(default|dark|light|solarized-dark|high-contrast|mono) ') -eq 6 ]"
# An option that goes with one mode is refused with another, never
# silently ignored (-o without --export wrote no file and said nothing).
(cd "$WORK" && "$ARTREAD" -o x.txt "$ART" >/dev/null 2>"$WORK/o.err")
check "options: -o without --export: exit 2, says so, writes nothing" \
	sh -c "[ $? -eq 2 ] && grep -q -- '-o goes with --export' '$WORK/o.err' && [ ! -e '$WORK/x.txt' ]"
"$ARTREAD" --dump --with-quotes --tag a "$ART" >/dev/null 2>"$WORK/wq.err"
check "options: --with-quotes with --dump: exit 2, names --export" \
	sh -c "[ $? -eq 2 ] && grep -q -- '--with-quotes goes with --export' '$WORK/wq.err'"
"$ARTREAD" --export --group-by date "$ART" >/dev/null 2>"$WORK/gb.err"
check "options: --group-by date: exit 2, only tag is known" \
	sh -c "[ $? -eq 2 ] && grep -q \"only 'tag'\" '$WORK/gb.err'"
# The man page: no troff warnings (a line starting with '.' or '\'' is a
# request: such a line once vanished from the page).
check "man: the page formats without a warning" \
	sh -c "[ -z \"\$(groff -man -Tutf8 -ww -z '$ROOT/man/artread.1' 2>&1)\" ]"
finish
