#!/bin/sh
# End-to-end: annotations that could not be saved are never lost.  After
# a failed save (another process holds the sidecar's lock), q q, SIGTERM
# and SIGHUP exit 2 and say on stderr what was not saved and which rescue
# file holds it; the next time the article is opened, the rescued changes
# are offered, merged like a second writer's, and the rescue file goes
# once they are saved.
. "$(dirname "$0")/lib.sh"
plan 27
ART="$WORK/story.txt"
SIDE="$ART.annotations.jsonl"
LOCK="$WORK/.story.txt.annotations.jsonl.lock"
RESCUE="$XDG_DATA_HOME/artread/rescue"
cp "$ROOT/sample-articles/02-lantern-rooms-closure.txt" "$ART"

need() { wait_for "$1" ${2:-5} || fail "setup: '$1' did not appear"; }
LOCKPID=""
hold_lock() {
	flock "$LOCK" sleep 120 &
	LOCKPID=$!
	eventually sh -c "! flock -n '$LOCK' true" || fail "setup: the lock was not taken"
}
free_lock() {
	pkill -P "$LOCKPID" 2>/dev/null	# the sleep holds the lock too
	kill "$LOCKPID" 2>/dev/null
	wait "$LOCKPID" 2>/dev/null
}
rescue_files() { ls "$RESCUE" 2>/dev/null | grep -c '^[0-9a-f]\{64\}\.jsonl$'; }
artread_pid() { pgrep -P "$($T display -p '#{pane_pid}')" artread; }

if ! command -v flock >/dev/null 2>&1; then
	skip_n 27 rescue "no flock command"
	finish
fi

# ---- q q after a failed save ----------------------------------------------
hold_lock
start "$ARTREAD" --no-remember "$ART"
need "Lantern Rooms"
keys s 1
need "NOT SAVED" 10
keys q
need "q again quits anyway" 10
keys q
check "q q: exits non-zero after a failed save" wait_for "EXIT=2" 15
check "q q: says on stderr what was not saved, and why" \
	wait_for "1 annotation change was NOT saved"
check "q q: ... and which rescue file holds it" \
	eventually sh -c "$T capture-pane -J -p | tr -d '\n' | grep -q 'kept in $RESCUE/[0-9a-f]*.jsonl'"
check "q q: the rescue file holds the annotation" \
	sh -c "[ $(rescue_files) -eq 1 ] && grep -q '\"value\":\"claim\"' '$RESCUE'/*.jsonl"
check "q q: the sidecar was not touched" test ! -e "$SIDE"
free_lock

# ---- offered the next time --------------------------------------------------
start "$ARTREAD" --no-remember "$ART"
check "reopen: the rescued change is offered" \
	wait_for "1 annotation change rescued from"
keys n
check "reopen: n keeps it for later" wait_for "rescued changes kept in"
keys q
need "EXIT=0"
check "reopen: ... the rescue file stays, the sidecar has nothing" \
	sh -c "[ $(rescue_files) -eq 1 ] && ! grep -qs claim '$SIDE'"

# The other modes say in one line that it waits, and how to restore it.
said_by() {
	"$ARTREAD" "$@" "$ART" >/dev/null 2>"$WORK/err" &&
	[ "$(grep -c rescued "$WORK/err")" -eq 1 ] &&
	grep -q "^artread: $ART: not restored yet: 1 annotation change rescued from [0-9-]*, kept in $RESCUE/[0-9a-f]*\.jsonl; to restore, open it in the pager (artread $ART) and answer y\$" "$WORK/err"
}
check "other modes: --entities says a rescue file waits, and how to restore it" \
	said_by --entities
check "other modes: ... so do --quotes, --stats, --export, --dump, --list-annotations" \
	sh -c "for m in --quotes --stats --export --dump --list-annotations; do
	    '$ARTREAD' \$m '$ART' >/dev/null 2>'$WORK/err' &&
	    grep -q '1 annotation change rescued from .*(artread $ART) and answer y' '$WORK/err' || exit 1; done"

# Meanwhile a second writer adds one of its own.
"$ARTREAD" --annotate-text "Manchester" --tag place "$ART" >/dev/null 2>&1 ||
	"$ARTREAD" --annotate 0:10:place "$ART" >/dev/null 2>&1
start "$ARTREAD" --no-remember "$ART"
need "rescued from"
keys y
check "merge: y merges it and saves" wait_for "merged 1 rescued change (u undoes); saved to"
check "merge: the sidecar has both the rescued and the other writer's" \
	sh -c "grep -q '\"value\":\"claim\"' '$SIDE' && grep -q '\"value\":\"place\"' '$SIDE'"
check "merge: the rescue file is gone once saved" [ "$(rescue_files)" -eq 0 ]
keys q
need "EXIT=0"

# ---- SIGTERM and SIGHUP while the save fails --------------------------------
for sig in TERM HUP; do
	hold_lock
	start "$ARTREAD" --no-remember "$ART"
	need "Lantern Rooms"
	keys / ; literal "MANCHESTER"; keys Enter
	keys s 4
	need "NOT SAVED" 10
	kill -$sig "$(artread_pid)"
	check "SIG$sig: exits non-zero while the save fails" wait_for "EXIT=2" 15
	check "SIG$sig: names the rescue file" \
		eventually sh -c "$T capture-pane -J -p | tr -d '\n' | grep -q 'NOT saved.*kept in $RESCUE/[0-9a-f]*.jsonl'"
	check "SIG$sig: the rescue file holds the annotation" \
		sh -c "grep -q '\"value\":\"opinion\"' '$RESCUE'/*.jsonl"
	free_lock
done

# Offered while the save still fails: merged, but the rescue file stays.
hold_lock
start "$ARTREAD" --no-remember "$ART"
need "rescued from" 10
keys y
check "still failing: says it is not saved and the rescue file stays" \
	wait_for "NOT SAVED (the rescue file stays)" 10
free_lock
keys q
need "EXIT=0" 10
check "still failing: q saves once the lock is free, and the sidecar has it" \
	sh -c "grep -q '\"value\":\"opinion\"' '$SIDE'"
# ---- the directory made read-only (as nobody: root writes anyway) ----------
# Its saves go to the data directory's copy, as when it is read-only at
# open; a rescue file made while it was writable is offered while it is not.
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
RO="$WORK/ro" NB="$WORK/nb"
if [ "$(id -u)" -ne 0 ] || ! $NOBODY true 2>/dev/null; then
	skip_n 6 "read-only directory" "needs root and setpriv (to run as nobody)"
	finish
fi
mkdir -m 777 "$RO" "$NB"
cp "$ROOT/sample-articles/02-lantern-rooms-closure.txt" "$RO/s.txt"
chmod 711 "$WORK"
AS_NOBODY="env HOME=$NB XDG_DATA_HOME=$NB/data XDG_CONFIG_HOME=$NB/config XDG_STATE_HOME=$NB/state $NOBODY $ARTREAD"
start $AS_NOBODY --no-remember "$RO/s.txt"
need "Lantern Rooms"
keys s 1
need "saved to s.txt.annotations.jsonl" 10
chmod 555 "$RO"
keys j j s 2
check "read-only mid-session: the change is saved in the data directory" \
	wait_for "article directory not writable: saved to" 10
keys q
check "read-only mid-session: q quits at once, nothing unsaved" wait_for "EXIT=0" 10
check "read-only mid-session: reopened, both annotations are there" \
	sh -c "[ \$($AS_NOBODY --list-annotations '$RO/s.txt' | wc -l) -eq 2 ]"
# A change rescued while the directory was writable (the lock held) ...
chmod 777 "$RO"
start $AS_NOBODY --no-remember "$RO/s.txt"
need "annotations moved beside the article" 10
flock "$RO/.s.txt.annotations.jsonl.lock" sleep 120 &
LOCKPID=$!
eventually sh -c "! flock -n '$RO/.s.txt.annotations.jsonl.lock' true" ||
	fail "setup: the lock was not taken"
keys G s 3
need "NOT SAVED" 15
keys q
need "q again quits anyway" 10
keys q
need "EXIT=2" 15
free_lock
# ... is offered when it is reopened with the directory read-only.
chmod 555 "$RO"
start $AS_NOBODY --no-remember "$RO/s.txt"
check "read-only now: the change rescued before is offered" \
	wait_for "1 annotation change rescued from" 10
keys y
check "read-only now: y merges it into the data directory's copy" \
	wait_for "merged 1 rescued change (u undoes); saved to ~/data" 10
keys q
need "EXIT=0" 10
check "read-only now: all three are kept, the rescue file is gone" \
	sh -c "[ \$($AS_NOBODY --list-annotations '$RO/s.txt' | wc -l) -eq 3 ] &&
	    [ -z \"\$(ls '$NB/data/artread/rescue' 2>/dev/null)\" ]"
chmod 700 "$WORK"
chmod 777 "$RO"
finish
