#!/bin/sh
# End-to-end: themes, terminals, config, key rebinding.
. "$(dirname "$0")/lib.sh"
plan 50
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"

for theme in default dark light solarized-dark high-contrast mono; do
	for term in xterm-256color vt100; do
		TERM_FOR_TEST=$term start "$ARTREAD" --no-remember --theme "$theme" "$ART"
		if wait_for "$HEAD" && ! screen | grep -q '\[[0-9;]*m'; then
			ok "theme $theme opens under TERM=$term"
		else
			fail "theme $theme opens under TERM=$term"
		fi
		keys q
		check "theme $theme quits cleanly under TERM=$term" wait_for "EXIT=0"
	done
done

# Colours: a 256-colour theme uses colours; NO_COLOR and vt100 do not.
start "$ARTREAD" --no-remember --theme dark "$ART"
wait_for "$HEAD"
check "colour: dark theme draws in colour" \
	eventually sh -c "$T capture-pane -p -e | grep -q '\[38;5;'"
start env NO_COLOR=1 "$ARTREAD" --no-remember --theme dark "$ART"
wait_for "$HEAD"
check "colour: NO_COLOR keeps attributes only" \
	sh -c "! $T capture-pane -p -e | grep -q '\[3[0-9];\|\[38;5'"
check "colour: NO_COLOR still shows the headline in bold" \
	eventually sh -c "$T capture-pane -p -e | head -n 1 | grep -Eq '\[([0-9]+;)*1[;m]'"

# T cycles themes live and keeps the position.
start "$ARTREAD" --no-remember "$ART"
wait_for "$HEAD"
keys 1 0 j
settle
before=$(row 0)
keys T
check "theme: T switches the theme" wait_for "theme: "
check "theme: T keeps the position" [ "$(row 0)" = "$before" ]

# A rebinding takes effect; the help shows it.
mkdir -p "$XDG_CONFIG_HOME/artread"
cat >"$XDG_CONFIG_HOME/artread/config.ini" <<'INI'
[keys]
quit = Q x
page_down = <Space> z
INI
start "$ARTREAD" --no-remember "$ART"
wait_for "$HEAD"
keys z
check "keys: rebound page_down (z) pages" wait_gone "$HEAD"
keys q
sleep 0.3
check "keys: q no longer quits when rebound" sh -c "! $T capture-pane -p | grep -q 'EXIT='"
keys Q
check "keys: the new quit key works" wait_for "EXIT=0"
check "keys: --help shows the bindings in force" \
	sh -c "'$ARTREAD' --help | grep -Eq '^ +Q x +quit'"

# A broken config: one line naming the file and line, status 2.
cat >"$XDG_CONFIG_HOME/artread/config.ini" <<'INI'
[general]
width = wide
[keys]
quit = q
page_down = q
INI
"$ARTREAD" --dump "$ART" >/dev/null 2>"$WORK/err"
rc=$?
check "config: a bad value exits 2" [ "$rc" -eq 2 ]
check "config: the message names file and line" grep -q "config.ini:2:" "$WORK/err"
check "config: a key conflict names both commands" \
	sh -c "grep -q 'quit' '$WORK/err' && grep -q 'page_down' '$WORK/err'"
start "$ARTREAD" "$ART"
check "config: the pager refuses to start on a broken config" wait_for "EXIT=2"
"$ARTREAD" --check >"$WORK/check" 2>&1
check "config: --check reports it and exits 1" sh -c "[ $? -eq 1 ] && grep -q 'config.ini:2' '$WORK/check'"
printf '[general]\nthme = dark\n' >"$XDG_CONFIG_HOME/artread/config.ini"
"$ARTREAD" --check >"$WORK/check" 2>&1
check "config: --check warns of an unknown key with a suggestion" \
	grep -q "did you mean 'theme'" "$WORK/check"
"$ARTREAD" --config "$WORK/none.ini" --dump "$ART" >/dev/null 2>"$WORK/err"
check "config: --config naming a missing file is an error" \
	sh -c "[ $? -eq 2 ] && grep -q 'none.ini' '$WORK/err'"
rm -f "$XDG_CONFIG_HOME/artread/config.ini"
"$ARTREAD" --theme nosuchtheme --dump "$ART" >/dev/null 2>"$WORK/err"
check "themes: an unknown --theme is an error" \
	sh -c "[ $? -eq 2 ] && grep -q 'nosuchtheme' '$WORK/err'"

# An error in a theme: the same line (file, line, reason) however the
# theme was chosen, on the pager's first screen too, and status 2.
rm -f "$XDG_STATE_HOME/artread/theme"	# the one T chose above
mkdir -p "$XDG_CONFIG_HOME/artread/themes"
sed 's/^person *=.*/person = fg=cyanx/' "$ROOT/themes/default.ini" \
	>"$XDG_CONFIG_HOME/artread/themes/default.ini"
printf '[styles]\nheadline = fg=purple\n' >"$XDG_CONFIG_HOME/artread/themes/bad1.ini"
for how in "" "--theme default"; do
	"$ARTREAD" $how --dump "$ART" >/dev/null 2>"$WORK/err"
	check "theme error: --dump ${how:-(default)} exits 2 naming file and line" \
		sh -c "[ $? -eq 2 ] && grep -q 'default.ini:[0-9]*: bad style .fg=cyanx. for .person.' '$WORK/err'"
done
for how in "" "--theme bad1"; do
	case $how in "") want="default.ini:[0-9]*: bad style" ;; *) want="bad1.ini:2: bad style" ;; esac
	start "$ARTREAD" --no-remember $how "$ART"
	check "theme error: the pager's first screen says it (${how:-default})" \
		wait_status "$want"
	keys q
	check "theme error: the pager exits 2 (${how:-default})" wait_for "EXIT=2"
done
rm -f "$XDG_CONFIG_HOME/artread/themes/default.ini" \
	"$XDG_CONFIG_HOME/artread/themes/bad1.ini"

# No themes/default.ini anywhere: the compiled-in default is used, by
# name too, and listed (an install holding the rules and dark.ini only).
mkdir -p "$WORK/inst/bin" "$WORK/inst/share/artread/themes"
cp "$ARTREAD" "$WORK/inst/bin/artread"
cp -R "$ROOT/rules" "$WORK/inst/share/artread/"
cp "$ROOT/themes/dark.ini" "$WORK/inst/share/artread/themes/"
INST="$WORK/inst/bin/artread"
"$ARTREAD" --dump --color=always "$ART" >"$WORK/with.out"
"$INST" --dump --color=always "$ART" >"$WORK/without.out"
check "compiled default: used without default.ini on disk" \
	cmp -s "$WORK/with.out" "$WORK/without.out"
"$INST" --theme default --dump --color=always "$ART" >"$WORK/named.out" 2>"$WORK/err"
check "compiled default: --theme default finds it" \
	sh -c "[ $? -eq 0 ] && [ ! -s '$WORK/err' ] && cmp -s '$WORK/with.out' '$WORK/named.out'"
check "compiled default: --list-themes lists it" \
	sh -c "'$INST' --list-themes --color=never | grep -q '^default '"
finish
