#!/bin/sh
# Installs the Debian packages artread needs to build and test, and only
# those that are missing. Safe to run again: it does nothing when all is there.
set -eu

PACKAGES="make gcc pkg-config libncurses-dev libpcre2-dev libiniparser-dev \
libjansson-dev libcmocka-dev tmux valgrind libxml2-dev libcurl4-openssl-dev \
python3 openssl"
# libxml2 and libcurl: web articles (src/web/); python3 and openssl: the
# web tests' local HTTP(S) server and its throwaway certificates.
# `install-deps.sh dev` (make fuzz-deps): also clang with libFuzzer's
# runtime (make fuzz) and the static analysers (make lint).
if [ "${1:-}" = dev ]; then
	PACKAGES="$PACKAGES clang libclang-rt-dev clang-tidy cppcheck"
fi
# `install-deps.sh eval` (make eval-extract): node and npm, which install
# Mozilla's Readability as the reference; only when they are missing
# (a node from elsewhere is fine).
if [ "${1:-}" = eval ] && ! command -v npm >/dev/null 2>&1; then
	PACKAGES="$PACKAGES nodejs npm"
fi

missing=""
for pkg in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $pkg"
	fi
done

[ -z "$missing" ] && exit 0

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

echo "install-deps: installing$missing"
$SUDO apt-get update -qq || true
# shellcheck disable=SC2086
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing; then
	echo "install-deps: apt-get failed; run: ${SUDO:+$SUDO }apt-get install$missing" >&2
	exit 1
fi
