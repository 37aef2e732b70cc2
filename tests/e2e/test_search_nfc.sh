#!/bin/sh
# End-to-end: search is insensitive to Unicode normalisation.  A search
# typed with a precomposed "é" finds "e" + U+0301 in the article and the
# other way round; the highlight covers the letter and its accent, no
# more; / with Ctrl-R (literal text) and & behave alike.
. "$(dirname "$0")/lib.sh"
plan 6
E_NFC=$(printf 'caf\303\251')		# café, é precomposed (U+00E9)
E_NFD=$(printf 'cafe\314\201')		# café, e then U+0301
printf 'Headline Here\n\nThe new %s opened on Tuesday.\n\nNothing here.\n' \
	"$E_NFD" >"$WORK/nfd.txt"
printf 'Headline Here\n\nThe new %s opened on Tuesday.\n\nNothing here.\n' \
	"$E_NFC" >"$WORK/nfc.txt"
ESC=$(printf '\033')
# highlighted FIRST [LAST]: on one row, a style starts just before FIRST
# and ends just after LAST (default FIRST): the match is those cells.
highlighted() {
	screen_escapes | grep -F -- "m$1" | grep -qF -- "${2:-$1}$ESC[0m"
}

start "$ARTREAD" --no-remember "$WORK/nfd.txt"
wait_for "Headline"
keys / ; literal "$E_NFC"; keys Enter
check "nfc: a precomposed search finds the decomposed word" \
	eventually highlighted "$E_NFD"
keys / ; literal "$E_NFC opened"; keys Enter
check "nfc: ... and what follows it, at the right cells" \
	eventually highlighted "$E_NFD" "opened"
keys / C-r; literal "new $E_NFC"; keys Enter
check "nfc: a literal search (Ctrl-R) finds it too" \
	eventually highlighted "new" "$E_NFD"
keys / ; literal "cafe"; keys Enter
check "nfc: a bare e does not find the e of e + U+0301" \
	wait_status "Pattern not found: cafe"
keys '&'; literal "$E_NFC"; keys Enter
check "nfc: & shows the paragraph with the decomposed word" \
	eval 'wait_gone "Nothing here." && on_screen "opened on"'
keys q
wait_for "EXIT="

start "$ARTREAD" --no-remember "$WORK/nfc.txt"
wait_for "Headline"
keys / ; literal "$E_NFD"; keys Enter
check "nfc: a decomposed search finds the precomposed word" \
	eventually highlighted "$E_NFC"
keys q
wait_for "EXIT="
finish
