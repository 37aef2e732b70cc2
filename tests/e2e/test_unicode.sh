#!/bin/sh
# End-to-end: grapheme clusters.  An emoji ZWJ sequence shows as one
# glyph (its joiners pass through to the terminal); a ZWJ anywhere else
# stays visible as <U+200D>; the cursor and the selection step over a
# letter with its accent, an emoji sequence and a flag in one move.
. "$(dirname "$0")/lib.sh"
plan 17

ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
ZWJ=$(printf '\342\200\215')
NURSE=$(printf '\360\237\221\251\342\200\215\342\232\225\357\270\217')	# 👩‍⚕️
FAMILY=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')
FLAGS=$(printf '\360\237\207\253\360\237\207\267\360\237\207\251\360\237\207\252')	# 🇫🇷🇩🇪
CAFE=$(printf 'Cafe\314\201')	# e + combining acute
MAN=$(printf '\360\237\221\250')
# The quote's first 60 bytes (what the Q panel shows) end inside FAMILY.
printf 'Emoji Headline\n\nThe nurse %s arrived with the family %s and the flags %s at the %s near a%sb end.\n\n\342\200\234Everyone on the ward knew the night shift by heart, %s included,\342\200\235 said Ana Costa.\n' \
	"$NURSE" "$FAMILY" "$FLAGS" "$CAFE" "$ZWJ" "$FAMILY" >"$ART"

# has FILE TEXT / lacks FILE TEXT: a fixed string is (not) in FILE.
has() { LC_ALL=C grep -qF -- "$2" "$1"; }
lacks() { ! LC_ALL=C grep -qF -- "$2" "$1"; }

"$ARTREAD" --dump --color=never "$ART" >"$WORK/dump.out"
check "dump: an emoji ZWJ sequence passes through whole" has "$WORK/dump.out" "nurse $NURSE arrived"
check "dump: a family of three is one sequence" has "$WORK/dump.out" "family $FAMILY and"
check "dump: a ZWJ between letters stays visible" has "$WORK/dump.out" "a<U+200D>b"
check "dump: no ZWJ shown by code point inside the emoji" \
	sh -c "[ \$(grep -o '<U+200D>' '$WORK/dump.out' | wc -l) -eq 1 ]"

start -x 120 "'$ARTREAD' --no-remember '$ART'"
check "pager: opens" wait_for "Emoji Headline"
check "pager: the ZWJ sequence is drawn whole" wait_for "nurse $NURSE arrived"
check "pager: the lone ZWJ is drawn as <U+200D>" wait_for "a<U+200D>b"

# tagged TEXT SEARCH KEYS...: search, then KEYS (v starts the selection)
# and tag it 1 (claim): the sidecar then holds an annotation of TEXT.
tagged() {
	want=$1 pat=$2
	shift 2
	keys / ; literal "$pat"; keys Enter
	keys "$@" 1
	# The status line may still say "tagged 'claim'" from the last
	# case: wait for the sidecar itself.
	wait_until 5 "no annotation of '$want' saved in 5 s" \
	    grep -qF "\"exact\":\"$want\"" "$SIDE"
}

# From "nurse", w goes to the emoji; a one-character selection there is
# the whole sequence (it used to stop after the first emoji).
check "cursor: one character is the whole ZWJ sequence" tagged "$NURSE" nurse w v
check "pager: the row reads right after the repaint" wait_for "nurse $NURSE arrived with"
# Four steps right from "C" reach the accented e: the accent comes with it.
check "cursor: a letter and its combining accent are one step" \
	tagged "$CAFE" Caf v l l l
# One step right from the first flag is the second flag, not the second
# half of the first.
check "cursor: a flag is one step" tagged "$FLAGS" "the flags" w w v l
# h steps back over the whole family (and the space after it).
check "cursor: h steps back over a ZWJ sequence" \
	tagged "$FAMILY " " and the flags" v h
check "pager: rows with sequences read right after the repaints" \
	wait_for "family $FAMILY and the flags $FLAGS at"
screen_escapes >"$WORK/pane.out"
check "pager: the pane shows no raw ZWJ outside the sequences" \
	lacks "$WORK/pane.out" "a${ZWJ}b"
# 86 columns: the quote's column (57 cells) ends inside the nurse's
# emoji sequence, so the cut must fall before it, whole.
$T resize-window -x 86
keys Q
check "panel: the quote is listed, cut short" wait_for "by heart, ..."
check "panel: the cut never splits an emoji sequence (a man for a family)" \
	sh -c "! $T capture-pane -p | grep -qF '$MAN...'"
keys q
keys q
check "pager: q exits 0" wait_for "EXIT=0"
finish
