#!/bin/sh
# End-to-end: y and Y in select mode copy the passage (Y with a citation
# line) to the clipboard: through the terminal with OSC 52 (tmux, with
# set-clipboard on, keeps it in a paste buffer), or through a command
# given the text on its standard input; clipboard = off says so.
. "$(dirname "$0")/lib.sh"
plan 17
ART="$WORK/story.txt"
cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"
PASSAGE="“Tonight this city decided it’s done waiting,” said Council Leader Adaeze Okafor, who had staked her leadership on the project."
TITLE="Liverpool Council Backs £640m Mersey Bridge After All-Night Vote"

need() { wait_for "$1" || fail "setup: '$1' did not appear"; }
select_sentence() {
	keys / ; literal "Tonight this city"; keys Enter
	need "Tonight this city"
	keys s
	need "selected"
}
config() { mkdir -p "$XDG_CONFIG_HOME/artread"; printf '%s\n' "$@" >"$XDG_CONFIG_HOME/artread/config.ini"; }

# ---- OSC 52 through tmux ------------------------------------------------------
start "$ARTREAD" --no-remember "$ART"
$T set-option -g set-clipboard on
need "Liverpool Council Backs"
select_sentence
keys y
n=$(printf '%s' "$PASSAGE" | wc -m)
check "osc52: y says how many characters went" \
	wait_for "copied $n characters (OSC 52:"
check "osc52: the terminal (tmux) has the passage on its clipboard" \
	[ "$($T show-buffer 2>/dev/null)" = "$PASSAGE" ]
check "osc52: the hard line breaks of the file became spaces" \
	sh -c "! $T show-buffer | grep -c . | grep -qv '^1\$'"
keys C-l
check "osc52: y ends the selection" \
	eventually sh -c "! $T capture-pane -p | tail -n 1 | grep -q SELECT"
check "osc52: nothing of it leaks onto the screen" \
	sh -c "! $T capture-pane -p | grep -q '52;c'"
select_sentence
keys a
need "note:"
literal "check the minutes"; keys Enter
need "note saved"
select_sentence
keys Y
check "osc52: Y says so" wait_for "with a citation (OSC 52:"
check "osc52: inside tmux, says it takes set-clipboard on (its default drops it)" \
	wait_for "(OSC 52: if tmux has set-clipboard on)"
check "osc52: Y adds a citation line: title, file, note" \
	[ "$($T show-buffer 2>/dev/null)" = "$PASSAGE
— $TITLE, $ART. Note: check the minutes" ]
keys q
need "EXIT=0"

# ---- a command --------------------------------------------------------------
config "[general]" "clipboard = command" "clipboard_command = cat > '$WORK/clip.txt'"
start "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
select_sentence
keys y
check "command: says how many characters went where" \
	wait_for "copied $n characters to 'cat > "
check "command: the command got the passage on its standard input" \
	[ "$(cat "$WORK/clip.txt")" = "$PASSAGE" ]
select_sentence
keys Y
check "command: Y sends the citation too" \
	eventually sh -c "tail -n 1 '$WORK/clip.txt' | grep -qF '— $TITLE, $ART. Note: check the minutes'"
# A quote (o selects it): the citation names its speaker first.
rm -f "$WORK/clip.txt"
keys / ; literal "Tonight this city"; keys Enter
need "Tonight this city"
keys o
need "selected"
keys Y
check "command: Y on a quote names its speaker" \
	eventually sh -c "[ \"\$(cat '$WORK/clip.txt')\" = '“Tonight this city decided it’s done waiting,”
— Adaeze Okafor, quoted in $TITLE, $ART. Note: check the minutes' ]"
keys q
need "EXIT=0"

config "[general]" "clipboard = command" "clipboard_command = exit 3"
start "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
select_sentence
keys y
check "command: a failing command is reported" \
	wait_for "not copied: 'exit 3' exited with status 3"
keys q
need "EXIT=0"

# A command that does not end: the pager says it waits, and Ctrl-C
# stops the copy, not the pager.
config "[general]" "clipboard = command" "clipboard_command = sleep 30"
start "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
select_sentence
keys y
check "command: a slow command is shown while it runs" \
	wait_for "copying with 'sleep 30' (Ctrl-C cancels)"
keys C-c
check "command: Ctrl-C cancels the copy" wait_for "not copied: cancelled"
keys j
check "command: ... and the pager goes on" wait_status ' 2/[0-9]+ '
keys q
need "EXIT=0"

config "[general]" "clipboard = off"
start "$ARTREAD" --no-remember "$ART"
need "Liverpool Council Backs"
select_sentence
keys y
check "off: says copying is off" wait_for "copying is off"
keys Escape q
need "EXIT=0"
finish
