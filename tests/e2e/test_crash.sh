#!/bin/sh
# End-to-end hardening of the sidecar: SIGKILL at random moments, a full
# disk, a read-only sidecar, parallel annotators, planted symlinks at
# temporary names, and file modes.  Root is assumed for the mount and
# chattr cases; each falls back (or skips, saying why) when not allowed.
#   CRASH_KILLS=N     kills in the SIGKILL loop (300)
#   CRASH_SEED=N      seed for the kill delays (printed on failure)
#   CRASH_DISK=loop   use a loop-mounted ext4 image even if tmpfs works
#   CRASH_DISK=shim   use the LD_PRELOAD shim even if mount works
. "$(dirname "$0")/lib.sh"
plan 46

MOUNTS=""	# to unmount at exit
IMMUTABLE=""	# to chattr -i at exit
crash_cleanup() {	# at exit, before lib.sh removes WORK
	$T kill-server 2>/dev/null	# a pager may hold files on a mount
	for f in $IMMUTABLE; do chattr -i "$f" 2>/dev/null; done
	for m in $MOUNTS; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
}
CLEANUP_HOOK=crash_cleanup

# An ASCII article, so any byte range is a valid annotation.
mkart() {
	mkdir -p "$(dirname "$1")"
	awk 'BEGIN { for (i = 1; i <= 120; i++) {
		printf "Sentence number %d says something plain.\n", i
		if (i % 5 == 0) print "" } }' >"$1"
}

# The ids in a sidecar, one a line, sorted.
ids_in() { grep -o '"id":"urn:uuid:[0-9a-f-]*"' "$1" | sed 's/"id":"//; s/"$//' | sort; }

# Does the sidecar parse, with its header on line 1?
parses() {
	[ -s "$1.annotations.jsonl" ] &&
	    head -n 1 "$1.annotations.jsonl" | grep -q '"artread-annotations"' &&
	    "$ARTREAD" --export json "$1" >/dev/null 2>&1
}

# Temporary files (.NAME.XXXXXX.artread-tmp) left in a directory.
temps_in() { ls -a "$1" | grep -c '^\..*\.annotations\.jsonl\.......\.artread-tmp$'; }

# ---- SIGKILL at random moments -----------------------------------------
ART="$WORK/kill/story.txt"
SIDE="$ART.annotations.jsonl"
mkart "$ART"
LEN=$(wc -c <"$ART")
KILLS=${CRASH_KILLS:-300}
SEED=${CRASH_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
# Per run: "never" (not killed) or a delay in seconds before SIGKILL,
# from 0 to 6 ms (an --annotate takes about 5 ms here).
awk -v n="$KILLS" -v seed="$SEED" 'BEGIN { srand(seed)
	for (i = 0; i < n; i++) {
		r = rand()
		if (r < 0.15) print "never"
		else if (r < 0.30) print "0"
		else printf "%.4f\n", rand() * 0.006 } }' >"$WORK/delays"
"$ARTREAD" --annotate 0:8:seed "$ART" >"$WORK/done"
i=0 badparse=0 killed=0 midsave=0 t0=$(date +%s)
while read -r d; do
	s=$(( (i * 37) % (LEN - 12) )); e=$((s + 1 + i % 11))
	"$ARTREAD" --annotate "$s:$e:k$i" "$ART" >"$WORK/one" 2>/dev/null &
	pid=$!
	case $d in
	never) ;;
	0) kill -9 "$pid" 2>/dev/null ;;
	*) sleep "$d"; kill -9 "$pid" 2>/dev/null ;;
	esac
	wait "$pid" 2>/dev/null
	rc=$?
	[ "$(temps_in "$WORK/kill")" -gt 0 ] && midsave=$((midsave + 1))
	if [ "$rc" -eq 0 ] && [ -s "$WORK/one" ]; then
		cat "$WORK/one" >>"$WORK/done"
	elif [ "$rc" -eq 137 ]; then
		killed=$((killed + 1))
	fi
	if ! parses "$ART"; then
		badparse=$((badparse + 1))
		[ -f "$WORK/badside" ] || cp "$SIDE" "$WORK/badside" 2>/dev/null
	fi
	i=$((i + 1))
done <"$WORK/delays"
ndone=$(wc -l <"$WORK/done")
check "kill: the sidecar parsed after each of $i runs ($killed killed, $midsave left a temporary file, seed $SEED)" \
	[ "$badparse" -eq 0 ]
sort "$WORK/done" >"$WORK/done.sorted"
ids_in "$SIDE" >"$WORK/ondisk"
missing=$(comm -23 "$WORK/done.sorted" "$WORK/ondisk" | wc -l)
check "kill: all $ndone completed --annotate are in the sidecar (missing $missing)" \
	[ "$missing" -eq 0 ]
check "kill: no duplicate ids" [ -z "$(uniq -d "$WORK/ondisk")" ]
"$ARTREAD" --annotate 0:5:last "$ART" >/dev/null
check "kill: the next save clears stale temporary files" \
	[ "$(temps_in "$WORK/kill")" -eq 0 ]
check "kill: the loop took $(( $(date +%s) - t0 )) s" true

# ---- full disk ------------------------------------------------------------
FULL="$WORK/full"
mkdir -p "$FULL"
how=""
PRE=""
if [ "${CRASH_DISK:-}" != shim ]; then
	if [ "${CRASH_DISK:-}" != loop ] &&
	    mount -t tmpfs -o size=64k tmpfs "$FULL" 2>/dev/null; then
		how=tmpfs
		MOUNTS="$FULL $MOUNTS"
	elif dd if=/dev/zero of="$WORK/disk.img" bs=1k count=2048 2>/dev/null &&
	    mkfs.ext4 -q -F "$WORK/disk.img" >/dev/null 2>&1 &&
	    mount -o loop "$WORK/disk.img" "$FULL" 2>/dev/null; then
		how=loop
		MOUNTS="$FULL $MOUNTS"
	fi
fi
if [ -z "$how" ] && ${CC:-cc} -shared -fPIC -o "$WORK/enospc.so" \
    "$ROOT/tests/e2e/enospc.c" -ldl 2>"$WORK/cc.err"; then
	how=shim
	PRE="env LD_PRELOAD=$WORK/enospc.so ENOSPC_FLAG=$WORK/disk-is-full"
fi
disk_fill() {
	case $how in
	shim) : >"$WORK/disk-is-full" ;;
	*) dd if=/dev/zero of="$FULL/fill" bs=1k >/dev/null 2>&1
	   # Whatever dd left: small files until nothing fits.
	   n=0; while [ $n -lt 64 ] && echo x >"$FULL/fill.$n" 2>/dev/null; do
		n=$((n + 1)); done ;;
	esac
}
disk_free() { rm -f "$WORK/disk-is-full" "$FULL"/fill*; }

if [ -z "$how" ]; then
	skip_n 13 "full" "no tmpfs or loop mount, and no compiler for the shim"
else
	ART="$FULL/story.txt"
	SIDE="$ART.annotations.jsonl"
	cp "$ROOT/sample-articles/01-harbour-bridge-vote.txt" "$ART"
	$PRE "$ARTREAD" --annotate 0:9:seed "$ART" >/dev/null
	$PRE "$ARTREAD" --annotate 10:17:seed "$ART" >/dev/null
	cp "$SIDE" "$WORK/before"
	disk_fill
	$PRE "$ARTREAD" --annotate 18:22:full "$ART" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	check "full ($how): --annotate exits 2" [ "$rc" -eq 2 ]
	check "full ($how): says it is not saved and why" \
		sh -c "grep -q 'not saved: .*No space left on device' '$WORK/err' &&
		    [ \$(wc -l <'$WORK/err') -eq 1 ] && [ ! -s '$WORK/out' ]"
	check "full ($how): the sidecar is unchanged byte for byte" \
		cmp -s "$SIDE" "$WORK/before"
	check "full ($how): no temporary file left" [ "$(temps_in "$FULL")" -eq 0 ]
	disk_free
	ID=$($PRE "$ARTREAD" --annotate 18:22:freed "$ART")
	check "full ($how): after freeing space the next change is saved" \
		sh -c "[ -n '$ID' ] && grep -q '$ID' '$SIDE' &&
		    [ \$(grep -c '\"id\"' '$SIDE') -eq 3 ]"

	# The pager: the failure shows, the annotation stays in memory, and
	# the next change after space is freed saves both.
	cp "$SIDE" "$WORK/before"
	disk_fill
	start -x 200 $PRE "$ARTREAD" "$ART"
	wait_for "Liverpool Council Backs"
	keys / ; literal "Tonight this city"; keys Enter
	wait_for "Tonight this city"
	keys s 1
	check "full ($how) pager: the status line says NOT SAVED" \
		wait_for "NOT SAVED"
	check "full ($how) pager: ... and why" wait_for "No space left on device"
	keys C-l
	check "full ($how) pager: the annotation is kept in memory (4 annotations)" \
		wait_for "4 annotations"
	check "full ($how) pager: the sidecar is unchanged" \
		cmp -s "$SIDE" "$WORK/before"
	disk_free
	keys / ; literal "grandmother took"; keys Enter
	wait_for "grandmother took"
	keys s 2
	check "full ($how) pager: after freeing space the next change saves" \
		wait_for "tagged 'evidence'; saved to"
	check "full ($how) pager: both annotations are on disk" \
		sh -c "grep -q '\"claim\"' '$SIDE' && grep -q '\"evidence\"' '$SIDE' &&
		    [ \$(grep -c '\"id\"' '$SIDE') -eq 5 ]"
	keys q
	check "full ($how) pager: quits cleanly" wait_for "EXIT=0"
	check "full ($how) pager: no temporary file left" [ "$(temps_in "$FULL")" -eq 0 ]
fi

# ---- read-only sidecar ----------------------------------------------------
# Root ignores permission bits, so chmod alone proves nothing.
RO="$WORK/ro"
ART="$RO/story.txt"
SIDE="$ART.annotations.jsonl"
mkart "$ART"
"$ARTREAD" --annotate 0:8:seed "$ART" >/dev/null
cp "$SIDE" "$WORK/before"
if chattr +i "$SIDE" 2>/dev/null; then
	IMMUTABLE="$SIDE $IMMUTABLE"
	"$ARTREAD" --annotate 9:15:ro "$ART" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	check "read-only (chattr +i file): --annotate exits 2" [ "$rc" -eq 2 ]
	check "read-only (chattr +i file): says it is not saved and why" \
		grep -q 'not saved: .*Operation not permitted' "$WORK/err"
	check "read-only (chattr +i file): the sidecar is unchanged" \
		cmp -s "$SIDE" "$WORK/before"
	check "read-only (chattr +i file): no temporary file left" \
		[ "$(temps_in "$RO")" -eq 0 ]
	chattr -i "$SIDE"
	# An immutable directory is not writable: the annotation goes to
	# the data directory, seeded from the file beside the article.
	chattr +i "$RO"
	IMMUTABLE="$RO $IMMUTABLE"
	ID=$("$ARTREAD" --annotate 9:15:ro "$ART" 2>"$WORK/err")
	chattr -i "$RO"
	ALT=$(ls "$XDG_DATA_HOME"/artread/annotations/by-path/*.annotations.jsonl 2>/dev/null | head -n 1)
	check "read-only (chattr +i dir): the annotation goes to the data directory" \
		sh -c "[ -n '$ID' ] && [ -n '$ALT' ] && grep -q '$ID' '$ALT' &&
		    grep -q '\"seed\"' '$ALT'"
	check "read-only (chattr +i dir): the file beside is unchanged" \
		cmp -s "$SIDE" "$WORK/before"
	rm -rf "$XDG_DATA_HOME/artread"
	check "read-only: after chattr -i the next change is saved" \
		sh -c "'$ARTREAD' --annotate 16:20:rw '$ART' >/dev/null &&
		    grep -q '\"rw\"' '$SIDE'"
elif mount --bind "$RO" "$RO" 2>/dev/null; then
	MOUNTS="$RO $MOUNTS"
	if mount -o remount,ro,bind "$RO" 2>/dev/null; then
		ID=$("$ARTREAD" --annotate 9:15:ro "$ART" 2>"$WORK/err")
		ALT=$(ls "$XDG_DATA_HOME"/artread/annotations/by-path/*.annotations.jsonl 2>/dev/null | head -n 1)
		check "read-only (ro bind mount): the annotation goes to the data directory" \
			sh -c "[ -n '$ID' ] && [ -n '$ALT' ] && grep -q '$ID' '$ALT'"
		check "read-only (ro bind mount): the file beside is unchanged" \
			cmp -s "$SIDE" "$WORK/before"
		skip_n 5 "read-only (chattr +i)" "chattr +i is not allowed"
	else
		skip_n 7 "read-only" "neither chattr +i nor a read-only remount is allowed"
	fi
	umount "$RO"
else
	skip_n 7 "read-only" "neither chattr +i nor a bind mount is allowed"
fi

# ---- parallel annotators --------------------------------------------------
for n in 2 4 8; do
	D="$WORK/par$n"
	ART="$D/story.txt"
	SIDE="$ART.annotations.jsonl"
	mkart "$ART"
	p=1
	while [ $p -le $n ]; do
		(
			j=0
			while [ $j -lt 25 ]; do
				s=$(( (p * 97 + j * 31) % (LEN - 12) ))
				"$ARTREAD" --annotate "$s:$((s + 7)):p$p" "$ART" \
				    >>"$D/ids" 2>>"$D/err" || echo "exit $?" >>"$D/err"
				j=$((j + 1))
			done
		) &
		p=$((p + 1))
	done
	wait
	sort "$D/ids" >"$D/ids.sorted"
	ids_in "$SIDE" >"$D/ondisk"
	check "parallel $n: all $((n * 25)) --annotate succeeded" \
		sh -c "[ ! -s '$D/err' ] && [ \$(wc -l <'$D/ids') -eq $((n * 25)) ]"
	[ -s "$D/err" ] && sed 's/^/# /' "$D/err" | head -n 5
	check "parallel $n: every id is in the sidecar" \
		sh -c "[ -z \"\$(comm -23 '$D/ids.sorted' '$D/ondisk')\" ] &&
		    [ \$(wc -l <'$D/ondisk') -eq $((n * 25)) ]"
	check "parallel $n: the sidecar parses" parses "$ART"
done

# ---- temporary files, symlinks and modes ----------------------------------
D="$WORK/tmpsafe"
ART="$D/story.txt"
SIDE="$ART.annotations.jsonl"
B=$(basename "$SIDE")
mkart "$ART"
printf 'victim\n' >"$WORK/victim"
chmod 600 "$WORK/victim"
cp "$WORK/victim" "$WORK/victim.orig"
# A symlink at the lock name (no lock file yet) must not be followed.
ln -s "$WORK/victim" "$D/.$B.lock"
"$ARTREAD" --annotate 0:8:lk "$ART" >/dev/null 2>"$WORK/err"
check "symlink: a symlink at the lock name is not followed" \
	sh -c "cmp -s '$WORK/victim' '$WORK/victim.orig' &&
	    [ \$(stat -c %a '$WORK/victim') = 600 ]"
check "symlink: ... and the refusal is explained" \
	sh -c "[ -s '$SIDE' ] || grep -q 'lock' '$WORK/err'"
rm -f "$D/.$B.lock"
for suffix in XXXXXX AAAAAA 000000 abcdef tmp123 zzzzzz; do
	ln -s "$WORK/victim" "$D/.$B.$suffix"
done
ln -s "$WORK/victim" "$D/.$B.tmp"
ln -s "$WORK/victim" "$D/$B.tmp"
ln -s "$WORK/victim" "$D/$B.new"
k=0
while [ $k -lt 5 ]; do
	"$ARTREAD" --annotate "$((k * 10)):$((k * 10 + 5)):sym" "$ART" >/dev/null
	k=$((k + 1))
done
check "symlink: planted symlinks at temporary names are not followed" \
	sh -c "cmp -s '$WORK/victim' '$WORK/victim.orig' &&
	    [ \$(stat -c %a '$WORK/victim') = 600 ]"
check "symlink: the sidecar is a regular file holding the saves" \
	sh -c "[ -f '$SIDE' ] && [ ! -L '$SIDE' ] &&
	    [ \$(grep -c '\"sym\"' '$SIDE') -eq 5 ]"

chmod 640 "$SIDE"
"$ARTREAD" --annotate 0:4:mode "$ART" >/dev/null
check "mode: a 640 sidecar stays 640" [ "$(stat -c %a "$SIDE")" = 640 ]
chmod 604 "$SIDE"
"$ARTREAD" --annotate 0:4:mode "$ART" >/dev/null
check "mode: a 604 sidecar stays 604" [ "$(stat -c %a "$SIDE")" = 604 ]
# Mode 640 means nothing if the group changes: a save keeps the owner
# and group (root can give the file back; others keep at least a group
# they belong to).
if chown 4242:4343 "$SIDE" 2>/dev/null; then
	chmod 640 "$SIDE"
	"$ARTREAD" --annotate 0:4:owner "$ART" >/dev/null
	check "mode: a save keeps the owner and group (4242:4343 640)" \
		[ "$(stat -c %u:%g:%a "$SIDE")" = 4242:4343:640 ]
else
	skip "mode: a save keeps the owner and group" "chown needs root"
fi
for m in 027 077 022; do
	mkart "$WORK/umask$m/story.txt"
	(umask $m; "$ARTREAD" --annotate 0:4:new "$WORK/umask$m/story.txt" >/dev/null)
	want=$(printf '%o' $(( 0666 & ~0$m )))
	check "mode: a new sidecar follows umask $m ($want)" \
		[ "$(stat -c %a "$WORK/umask$m/story.txt.annotations.jsonl")" = "$want" ]
done
# ---- a signal that kills during an export ------------------------------
# -o FILE is written to a temporary file; SIGTERM or SIGHUP in the
# middle (a long export, nobody else catching it) must remove it and
# leave FILE as it was.  (SIGINT too, but a background job of a script
# ignores it; test_atomic covers it.)
mkdir -p "$WORK/sig"
awk 'BEGIN { for (i = 1; i <= 60000; i++) {
	printf "Mayor Ana Lindqvist of Oslo said on 3 May 2026 that %d crates cost $%d.\n\n", i, i } }' >"$WORK/sig/big.txt"
for sig in TERM HUP; do
	echo "old export" >"$WORK/sig/out.txt"
	"$ARTREAD" --export text --with-entities --with-quotes \
	    -o "$WORK/sig/out.txt" "$WORK/sig/big.txt" 2>/dev/null &
	pid=$!
	if ! wait_until 20 "no temporary file for out.txt in 20 s" \
	    sh -c "[ \$(ls -a '$WORK/sig' | grep -c '^\.out\.txt\..*\.artread-tmp\$') -gt 0 ]"; then
		kill -KILL $pid 2>/dev/null; wait $pid
		fail "signal: SIG$sig during --export -o removes its temporary file" \
		    "$(missed_list)"
		continue
	fi
	kill -$sig $pid
	wait $pid; rc=$?
	check "signal: SIG$sig during --export -o removes its temporary file (status $rc)" \
		sh -c "[ $rc -gt 128 ] && [ \$(ls -a '$WORK/sig' | grep -c 'artread-tmp') -eq 0 ] &&
		    [ \"\$(cat '$WORK/sig/out.txt')\" = 'old export' ]"
done
finish
