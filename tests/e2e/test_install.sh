#!/bin/sh
# End-to-end: `make install` and where the binary finds its rules and
# themes.  After a plain `make`, `make install PREFIX=/usr DESTDIR=...`
# installs a binary that works run from / (it finds its files beside
# itself); one installed into a real prefix and then moved finds them
# through the DATADIR compiled in from PREFIX; and no binary ever takes
# rules or themes from the directory it is run from.  The builds go to a
# private BUILD directory (at -O0, for speed), so ./artread is untouched.
. "$(dirname "$0")/lib.sh"
plan 21

B="$WORK/build"
DEST="$WORK/dest"
ART="$ROOT/sample-articles/01-harbour-bridge-vote.txt"
# make ARGS...: the checkout's make, not the one that may be running us.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    make -s -C "$ROOT" BUILD="$B" OPT=-O0 "$@" >"$WORK/make.log" 2>&1 ||
	    { sed 's/^/# /' "$WORK/make.log" | tail -n 20; return 1; }
}
# from DIR COMMAND...: run COMMAND from DIR.
from() { (cd "$1" && shift && "$@"); }
# used DUMPFILE PATH: --paths output DUMPFILE marks PATH as the one used.
used() { grep -qF -- "* $2 (exists, used)" "$1"; }

check "build: a plain make" mk
check "install: make install PREFIX=/usr DESTDIR=... after it" \
	mk install PREFIX=/usr DESTDIR="$DEST"
BIN="$DEST/usr/bin/artread"
check "install: binary, man page, rules, themes and licence are in place" \
	test -x "$BIN" -a -f "$DEST/usr/share/man/man1/artread.1" \
	-a -f "$DEST/usr/share/artread/rules/default.ini" \
	-a -f "$DEST/usr/share/artread/themes/default.ini" \
	-a -f "$DEST/usr/share/artread/LICENSE"

from / "$BIN" --paths >"$WORK/paths.out" 2>&1
check "installed, from /: --paths uses the rules beside the binary" \
	used "$WORK/paths.out" "$DEST/usr/share/artread/rules/default.ini"
check "installed: PREFIX changed, so the compiled-in directory did too" \
	grep -qF "/usr/share/artread/rules/default.ini (missing): installed, as built" \
	"$WORK/paths.out"
check "installed, from /: --check finds rules and themes (exit 0)" \
	from / "$BIN" --check
from / "$BIN" --dump --color=always "$ART" >"$WORK/inst.dump" 2>"$WORK/inst.err"
"$ARTREAD" --dump --color=always "$ART" >"$WORK/tree.dump" 2>/dev/null
check "installed, from /: --dump shows the highlights (SGR colours)" \
	grep -q "$(printf '\033')\\[0;[0-9;]*3[0-9]mMaren Holt" "$WORK/inst.dump"
check "installed: --dump is the checkout's, byte for byte" \
	cmp -s "$WORK/inst.dump" "$WORK/tree.dump"
# The web adapters are a module loaded on demand (src/cli/webmod.c).
PAGE="$ROOT/tests/data/web/01-wp-classic.html"
check "install: the web module is in PREFIX/lib/artread" \
	test -f "$DEST/usr/lib/artread/artread-web.so"
check "installed, from /: --extract loads the module beside the binary" \
	sh -c "cd / && '$BIN' --extract '$PAGE' | grep -q 'Hebden Bridge flood wall'"

# A real prefix, then the binary moved away from it: the compiled-in
# DATADIR is the fallback.
P="$WORK/prefix"
check "install: make install PREFIX=(a real directory)" mk install PREFIX="$P"
mkdir -p "$WORK/moved"
cp "$P/bin/artread" "$WORK/moved/artread"
from / "$WORK/moved/artread" --paths >"$WORK/moved.out" 2>&1
check "moved binary: --paths uses the DATADIR it was built with" \
	used "$WORK/moved.out" "$P/share/artread/rules/default.ini"
check "moved binary: --check exits 0" from / "$WORK/moved/artread" --check
check "moved binary: --extract loads the module from the LIBDIR built in" \
	sh -c "cd / && '$WORK/moved/artread' --extract '$PAGE' | grep -q 'Hebden Bridge flood wall'"
rm -rf "$P/lib"
from / "$WORK/moved/artread" --extract "$PAGE" >"$WORK/nomod.out" 2>&1
check "no web module: --extract says so (exit 2)" \
	sh -c "[ $? -eq 2 ] && grep -q 'web pages are not supported here' '$WORK/nomod.out'"
# Every file opened is looked at for HTML: a plain text must not load the
# module for that (it costs more than a first screen), a page must.
check "a plain text article does not load the web module" \
	sh -c "! LD_DEBUG=files '$ARTREAD' --dump '$ART' 2>&1 >/dev/null | grep -q artread-web.so"
cp "$PAGE" "$WORK/page-without-a-suffix"
check "a page without .html loads the web module (HTML by content)" \
	sh -c "LD_DEBUG=files '$ARTREAD' --dump '$WORK/page-without-a-suffix' 2>&1 >/dev/null | grep -q artread-web.so"

# The current directory is never searched.
TRAP="$WORK/trap"
mkdir -p "$TRAP/rules" "$TRAP/themes"
printf '[bogus\n' >"$TRAP/rules/default.ini"
cp "$ROOT/themes/default.ini" "$TRAP/themes/trap.ini"
from "$TRAP" "$ARTREAD" --paths >"$WORK/trap.out" 2>&1
check "checkout binary elsewhere: --paths never lists ./rules" \
	sh -c "! grep -qF '$TRAP' '$WORK/trap.out'"
check "checkout binary elsewhere: it uses the checkout's rules" \
	from "$TRAP" "$ARTREAD" --check
rm -rf "$P/share"
from "$TRAP" "$WORK/moved/artread" --dump "$ART" >"$WORK/lost.out" 2>&1
rc=$?
check "no data anywhere: exit 2, not the current directory's rules" \
	[ "$rc" -eq 2 ]
check "no data anywhere: says rules/default.ini was not found" \
	grep -q "rules/default.ini not found" "$WORK/lost.out"
finish
