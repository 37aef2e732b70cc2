#!/bin/sh
# End-to-end: highlights, layers, panels and broken rules in the pager.
. "$(dirname "$0")/lib.sh"
plan 26
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
HEAD="Liverpool Council Backs"

# 100 columns: the counts share the status line with what is under the
# cursor (at 80, what is under the cursor wins).
start -x 100 "$ARTREAD" --no-remember --theme default "$ART"
wait_for "$HEAD"
settle		# the whole screen drawn, not only its first rows
check "status: counts quotes and entities" \
	eventually sh -c "$T capture-pane -p | tail -n 1 | grep -Eq '[0-9]+ quotes [0-9]+ entities'"
# "Maren Holt" is a PERSON: drawn in the person style (cyan in default).
check "highlight: a person is drawn in its style" \
	eventually sh -c "$T capture-pane -p -e | grep -q '36mMaren Holt'"
check "highlight: a quote is drawn in its style" \
	eventually sh -c "$T capture-pane -p -e | grep 'the longest night' | grep -q '33m'"
keys H
check "layers: H shows quotes only" wait_for "quotes only"
check "layers: entities are plain now" \
	sh -c "! $T capture-pane -p -e | grep -q '36mMaren Holt'"
keys H H H
check "layers: H cycles back to all" wait_for "all highlights"

keys Tab
settle
keys v
check "tab: the cursor went to a highlight (selection starts there)" wait_for "SELECT"
keys Escape

keys Q
check "quotes panel: lists speakers" wait_for "Adaeze Okafor"
check "quotes panel: first words of the quote" wait_for "Tonight this city"
keys / ; literal "Pettifer"; keys Enter
check "quotes panel: / filters" wait_gone "Adaeze Okafor"
keys Enter
check "quotes panel: Enter jumps to the quote" wait_for "not against a bridge"
keys E
check "entities panel: grouped by type with counts" \
	eventually sh -c "$T capture-pane -p | grep -Eq '^ *PERSON +[0-9]+ +'"
keys / ; literal "MCA"; keys Enter Enter
# MCA is grouped under its expansion (coref.h)
check "entities panel: Enter jumps and n/N follow the mentions" \
	wait_for "mention of Mersey Crossings Authority"
keys n
check "entities panel: n goes to the next mention" wait_for "MCA"
keys q
wait_for "EXIT=0"

# A broken rule: the pager refuses to start and says which.
cat >"$WORK/bad.ini" <<'INI'
[rule.broken]
type = ORG
pattern = (unclosed
INI
start "$ARTREAD" --rules "$WORK/bad.ini" "$ART"
check "rules: a broken rule stops the pager with its name" wait_for "rule broken"
check "rules: the message gives file, line and offset" wait_for "bad.ini:3:"
check "rules: exit status 2" wait_for "EXIT=2"
"$ARTREAD" --check --rules "$WORK/bad.ini" >"$WORK/check" 2>&1
check "rules: --check reports it with PCRE2's offset" \
	grep -q "bad.ini:3: rule broken: missing closing parenthesis at offset 9" "$WORK/check"

# --rules replaces the defaults: only this rule's matches are listed.
cat >"$WORK/only.ini" <<'INI'
[rule.bridge]
type = PLACE
pattern = "Bridge"
INI
check "rules: --rules replaces the default rules (no MONEY rule left)" \
	sh -c "! '$ARTREAD' --rules '$WORK/only.ini' --entities '$ART' | grep -qP '\tMONEY\t'"
check "rules: --rules adds its own rule" \
	sh -c "'$ARTREAD' --rules '$WORK/only.ini' --entities '$ART' | grep -qP '^38\t44\tPLACE\tBridge\tBridge\$'"

# User rules add to the defaults.
mkdir -p "$XDG_CONFIG_HOME/artread"
cat >"$XDG_CONFIG_HOME/artread/rules.ini" <<'INI'
[rule.seacombe-link]
type = ORG
pattern = "Seacombe Link"
priority = 90
INI
check "rules: the user's rules.ini adds a rule" \
	sh -c "'$ARTREAD' --entities '$ART' | grep -qP '\tORG\tSeacombe Link\tSeacombe Link\$'"
check "rules: and the defaults still apply" \
	sh -c "'$ARTREAD' --entities '$ART' | grep -qP '\tPERSON\tMaren Holt\tMaren Holt\$'"
rm -f "$XDG_CONFIG_HOME/artread/rules.ini"

# Reload: the file changes while open; R re-reads it.
cp "$ART" "$WORK/live.txt"
start "$ARTREAD" --no-remember "$WORK/live.txt"
wait_for "$HEAD"
printf 'Breaking: A New Headline\n\n' >"$WORK/new.txt"
cat "$ART" >>"$WORK/new.txt"
cp "$WORK/new.txt" "$WORK/live.txt"
keys R
check "reload: R shows the new text" wait_for "Breaking: A New Headline"
: >"$WORK/live.txt"
keys G
keys R
check "reload: an emptied file is fine" wait_for "re-read"
keys q
check "reload: quits cleanly" wait_for "EXIT=0"

# v} and v) end on the paragraph's / sentence's last letter: they took
# the first letter of the next one into the annotation.
cp "$ROOT/sample-articles/02-lantern-rooms-closure.txt" "$WORK/sel.txt"
start "$ARTREAD" --no-remember "$WORK/sel.txt"
wait_for "Lantern Rooms"
keys g '}' '}' v '}' 1
wait_for "tagged 'claim'"
keys q
wait_for "EXIT=0"
"$ARTREAD" --export csv "$WORK/sel.txt" >"$WORK/sel.csv"
check "select: v} ends with the paragraph (no letter of the next)" \
	grep -q 'said on Monday\.",' "$WORK/sel.csv"
finish
