#!/bin/sh
# Installs what artread needs to build and test, and only what is missing.
#
#   sh scripts/install-deps.sh        (make run, make check)
#   sh scripts/install-deps.sh dev    also clang, libFuzzer, clang-tidy and
#                                     cppcheck (make fuzz-deps)
#   sh scripts/install-deps.sh screenshots
#                                     also Pillow and the DejaVu fonts
#                                     (make screenshots)
#   sh scripts/install-deps.sh eval   also node and npm (make eval-extract)
#   sh scripts/install-deps.sh -n     say what is missing, install nothing
#
# Each dependency is checked for itself -- the command on PATH, the
# library through pkg-config, the header -- not by asking dpkg, so a
# machine that has everything (however it got there) never runs apt-get.
# When something is missing, it says what and why, then installs the
# Debian packages with apt-get (through sudo when not root).
set -eu

dev=0 dry=0 shots=0 eval=0
for arg in "$@"; do
	case $arg in
	dev)	dev=1 ;;
	screenshots) shots=1 ;;
	eval)	eval=1 ;;
	-n)	dry=1 ;;
	*)	echo "usage: install-deps.sh [dev] [screenshots] [eval] [-n]" >&2; exit 2 ;;
	esac
done

missing=""	# Debian packages to install
why=""		# one line per package: what needs it

# need PACKAGE REASON CHECK...: PACKAGE is missing unless CHECK succeeds.
need() {
	pkg=$1 reason=$2
	shift 2
	if ! "$@" >/dev/null 2>&1; then
		case " $missing " in
		*" $pkg "*) ;;
		*)	missing="$missing $pkg"
			why="$why
  $pkg: $reason" ;;
		esac
	fi
}
cmd() { command -v "$1"; }
lib() { command -v pkg-config && pkg-config --exists "$1"; }
# A libFuzzer target links (clang's runtime is there).
fuzzer() {
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' |
	    clang -fsanitize=fuzzer -x c - -o /dev/null
}

need make "to build" cmd make
need gcc "the C compiler" cmd cc
need pkg-config "finds the libraries' flags" cmd pkg-config
need libncurses-dev "the pager's screen (ncursesw)" lib ncursesw
need libpcre2-dev "rules and search (PCRE2)" lib libpcre2-8
need libiniparser-dev "config, theme and rule files" \
	test -f /usr/include/iniparser/iniparser.h
need libjansson-dev "the sidecar and the JSON exports" lib jansson
need libutf8proc-dev "character categories, case, grapheme clusters" \
	lib libutf8proc
need libssl-dev "SHA-256 of articles (libcrypto)" lib libcrypto
need libgeonames-dev "the gazetteer's cities (GeoNames, read at build time by tools/gazgen; never linked into artread)" \
	lib geonames
need iso-codes "the gazetteer's countries and regions, and their names in other languages (build time)" \
	test -f /usr/share/iso-codes/json/iso_3166-2.json
need wbritish "the gazetteer: places named by a common word (Reading, Split) need context (build time)" \
	test -f /usr/share/dict/british-english
need libzstd-dev "the version store of article texts (zstd)" lib libzstd
need libcmocka-dev "the unit tests" lib cmocka
need tmux "the end-to-end tests drive the pager in tmux" cmd tmux
need groff-base "the tests format the man page (troff warnings)" cmd groff
need valgrind "make check runs memcheck" cmd valgrind
need libxml2-dev "web articles: the HTML parser (libxml2)" lib libxml-2.0
need libcurl4-openssl-dev "web articles: fetching (libcurl)" lib libcurl
need python3 "the web tests' local HTTP(S) server" cmd python3
need openssl "the web tests' throwaway certificates" cmd openssl
if [ "$dev" -eq 1 ]; then
	need clang "make fuzz and make CC=clang" cmd clang
	need libclang-rt-dev "libFuzzer's runtime (make fuzz)" fuzzer
	need clang-tidy "make lint" cmd clang-tidy
	need cppcheck "make lint" cmd cppcheck
fi
# make eval-extract: node and npm install Mozilla's Readability as the
# reference (a node from elsewhere is fine).
if [ "$eval" -eq 1 ]; then
	need nodejs "make eval-extract runs Readability" cmd node
	need npm "make eval-extract installs Readability" cmd npm
fi
if [ "$shots" -eq 1 ]; then
	need python3-pil "scripts/ansi2png.py draws the screenshots" \
		python3 -c 'import PIL'
	need fonts-dejavu-core "the screenshots' font" \
		test -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
fi

[ -z "$missing" ] && exit 0

echo "install-deps: missing, and needed for:$why"
if [ "$dry" -eq 1 ]; then
	echo "install-deps: would run: apt-get install$missing"
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: apt-get not found; install these packages by hand:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "install-deps: not root and no sudo; run as root: apt-get install$missing" >&2
	exit 1
fi

echo "install-deps: installing with ${SUDO:+sudo }apt-get:$missing"
$SUDO apt-get update -qq || true
# shellcheck disable=SC2086
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing; then
	echo "install-deps: apt-get failed; run: ${SUDO:+$SUDO }apt-get install$missing" >&2
	exit 1
fi
