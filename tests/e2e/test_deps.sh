#!/bin/sh
# End-to-end: scripts/install-deps.sh (run by make run and make check)
# never runs apt-get when the dependencies are there, and says what it
# installs and why when they are not.  apt-get, sudo, dpkg-query and
# pkg-config are stubs on PATH here: nothing is installed for real.
. "$(dirname "$0")/lib.sh"
plan 8

STUB="$WORK/stub"
LOG="$WORK/apt.log"
mkdir -p "$STUB"
REAL_PKG_CONFIG=$(command -v pkg-config)
# apt-get and sudo only log their arguments.
printf '#!/bin/sh\necho "apt-get $*" >>"%s"\n' "$LOG" >"$STUB/apt-get"
printf '#!/bin/sh\necho "sudo $*" >>"%s"\n"$@"\n' "$LOG" >"$STUB/sudo"
# dpkg knows no package: everything came another way (built from source,
# another package's name), and is there all the same.
printf '#!/bin/sh\nexit 1\n' >"$STUB/dpkg-query"
# pkg-config: the real one, except that $FAKE_MISSING is not installed.
printf '#!/bin/sh\nfor a in "$@"; do [ "$a" = "${FAKE_MISSING:-}" ] && exit 1; done\nexec "%s" "$@"\n' \
	"$REAL_PKG_CONFIG" >"$STUB/pkg-config"
chmod +x "$STUB/apt-get" "$STUB/sudo" "$STUB/pkg-config" "$STUB/dpkg-query"

# deps [-n]: the script with the stubs first on PATH.
deps() {
	: >"$LOG"
	PATH="$STUB:$PATH" sh "$ROOT/scripts/install-deps.sh" "$@" >"$WORK/out" 2>&1
}

deps
rc=$?
check "all present: exits 0" [ "$rc" -eq 0 ]
check "all present: says nothing" [ ! -s "$WORK/out" ]
check "all present: never runs apt-get" [ ! -s "$LOG" ]

FAKE_MISSING=libutf8proc
export FAKE_MISSING
deps -n
rc=$?
check "-n: a missing library is named with its reason" \
	grep -q "libutf8proc-dev: character categories, case, grapheme clusters" "$WORK/out"
check "-n: installs nothing and exits 1" sh -c "[ $rc -eq 1 ] && [ ! -s '$LOG' ]"
deps
rc=$?
check "missing: says what it installs before installing" \
	grep -q "installing with .*apt-get: libutf8proc-dev$" "$WORK/out"
check "missing: apt-get installs exactly the missing package" \
	grep -q "apt-get install -y -qq libutf8proc-dev$" "$LOG"
check "missing: exits 0 once apt-get succeeded" [ "$rc" -eq 0 ]
finish
