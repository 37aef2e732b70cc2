#!/bin/sh
# End-to-end: the pager in tmux at 80x24, as a reader would use it.
. "$(dirname "$0")/lib.sh"
plan 42
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"

start "$ARTREAD" "$ART"
check "pager: headline on the first row" wait_for "$HEAD"
check "pager: status line names the file" \
	eventually sh -c "$T capture-pane -p | tail -n 1 | grep -q 01-harbour-bridge-vote.txt"
check "pager: status shows reading time" \
	eventually sh -c "$T capture-pane -p | tail -n 1 | grep -q 'min left'"

keys Space
if wait_gone "$HEAD"; then ok "pager: Space pages down"; else fail "pager: Space pages down"; fi
check "pager: status row moved" wait_status ' ([2-9]|[1-9][0-9]+)/[0-9]+ '
keys b
check "pager: b pages back to the headline" wait_for "$HEAD"

keys G
check "pager: G reaches the end" wait_for "See you at the inquiry."
check "pager: status says end" wait_status 'end'
keys g
check "pager: g returns to the top" wait_for "$HEAD"

keys 4 0 g
check "pager: 40g goes to row 40" wait_status ' 40/[0-9]'
keys d
check "pager: d scrolls half a page" wait_status ' 51/[0-9]'
keys C-u
check "pager: Ctrl-U scrolls back half a page" wait_status ' 40/[0-9]'
keys 3 j
check "pager: a count before j" wait_status ' 43/[0-9]'
keys g
keys 5 0 %
check "pager: 50% jumps to the middle" wait_status ' (4[0-9]|5[0-9])%'
keys g

# Search: the match is shown and highlighted, n moves on.
keys / ; literal "inquiry"; keys Enter
check "pager: search finds a match off screen" wait_for "inquiry"
check "pager: the match is highlighted" \
	eventually sh -c "$T capture-pane -p -e | grep 'inquiry' | grep -q '\[[0-9;]*m'"
keys / ; literal "zzzznotthere"; keys Enter
check "pager: a failed search says so" wait_for "Pattern not found: zzzznotthere"
keys / ; literal "(unclosed"; keys Enter
check "pager: a bad pattern shows PCRE2's message" wait_for "at offset"

# After G and g the cursor is back at the top: a search finds the first
# match, not one after where the cursor was left.
keys G g / ; literal "Pettifer"; keys Enter
settle
top=$(status_line | sed -n 's|.* \([0-9]*\)/[0-9]* [0-9]*%.*|\1|p')
check "search: after G then g, / finds the first match (top row $top)" \
	[ "${top:-99}" -lt 25 ]
keys g

# Help from the key table.
keys h
check "pager: h shows the help" wait_for "scroll down one page"
keys q
check "pager: q closes the help" wait_gone "scroll down one page"

keys q
check "pager: q quits" wait_for "EXIT=0"
check "pager: terminal restored (alternate screen off)" \
	sh -c "[ \"\$($T display -p '#{alternate_on}')\" = 0 ]"

# Resize: the passage at the top stays at the top.
start "$ARTREAD" --no-remember "$ART"
wait_for "$HEAD"
keys 2 0 j
settle
top_before=$(row 0)
first_word=$(echo "$top_before" | awk '{print $1}')
$T resize-window -x 40 -y 24
wait_gone "$top_before"
settle
check "resize: narrow window keeps the top passage" \
	eventually sh -c "$T capture-pane -p | head -n 1 | grep -qF -- '$first_word'"
check "resize: text re-wrapped to 40 columns" \
	eventually sh -c "$T capture-pane -p | head -n 20 | awk 'length > 40 { bad = 1 } END { exit bad }'"
$T resize-window -x 80 -y 24
top_row_is() { [ "$(row 0)" = "$1" ]; }
if wait_until 3 "top row '$top_before' not back" top_row_is "$top_before"; then
	ok "resize: back to 80 columns, same top row"
else
	fail "resize: back to 80 columns, same top row" "top row now '$(row 0)'"
fi

# Several files: :n and :p.
start "$ARTREAD" --no-remember "$ART" "$ROOT/sample-articles/02-lantern-rooms-closure.txt"
wait_for "$HEAD"
check "files: status shows [1/2]" wait_for "[1/2]"
keys : n
check "files: :n opens the second file" wait_for "Lantern Rooms"
keys : p
check "files: :p goes back" wait_for "$HEAD"

# Marks: m a, move, ' a returns; '' goes back.
keys m a 3 0 j
settle
keys "'" a
check "marks: 'a returns to the mark" wait_for "$HEAD"
keys m
wait_status '^ mark: type a letter'
keys Escape
check "marks: Esc at m lets it go quietly" \
	wait_status '^ 01-harbour-bridge-vote.txt '
keys "'" Escape
check "marks: ... and at '" wait_status '^ 01-harbour-bridge-vote.txt '

# Reading position is remembered between runs.
start "$ARTREAD" "$ART"
wait_for "$HEAD"
keys 4 0 j
settle
pos_row=$(status_line | sed -n 's|.* \([0-9]*\)/[0-9]* [0-9]*%.*|\1|p')
keys q
wait_for "EXIT=0"
start "$ARTREAD" "$ART"
settle
check "position: restored on the next open" wait_status " $pos_row/"
start "$ARTREAD" --no-remember "$ART"
check "position: --no-remember starts at the top" wait_for "$HEAD"

# SIGINT, SIGTERM and SIGHUP quit and restore the terminal.
for sig in INT TERM HUP; do
	start "$ARTREAD" --no-remember "$ART"
	wait_for "$HEAD"
	pid=$(artread_pid)
	kill -s $sig "$pid"
	check "signals: SIG$sig quits" wait_for "EXIT=0"
	check "signals: SIG$sig restores the terminal" \
		sh -c "[ \"\$($T display -p '#{alternate_on}')\" = 0 ]"
done

# A search that spends PCRE2's match limit says so, not "Pattern not
# found" (the text matches: the limit stopped it); & alike.
awk 'BEGIN { s = "a"; while (length(s) < 30000) s = s s;
    print substr(s, 1, 30000) "b" }' >"$WORK/aaa.txt"
start "$ARTREAD" --no-remember "$WORK/aaa.txt"
wait_for "aaaa"
keys / ; literal "(a|aa)*c|b"; keys Enter
check "search: a spent match limit is too costly, not not found" \
	wait_status "search too costly: match limit exceeded" 30
keys '&'; literal "(a|aa)*c|b"; keys Enter
check "filter: a spent match limit is too costly, nothing hidden" \
	wait_status "search too costly: match limit exceeded \(nothing hidden\)" 30
keys q
wait_for "EXIT="
finish
