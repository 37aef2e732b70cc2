#!/bin/sh
# check-layering.sh: the core library is a layered, headless library.
#
#   sh scripts/check-layering.sh LIB     check LIB (build/libcore.a)
#   sh scripts/check-layering.sh --self-test
#                                        plant a cycle and a curses call in
#                                        small libraries and check that both
#                                        are caught (and a clean one is not);
#                                        silent unless that fails
#
# LIB is checked from its symbols (nm), that is, from what the linker
# sees, not from what the sources include:
#  1. No cycle between its object files.  a.o -> b.o when a.o uses a
#     symbol that b.o defines; a cycle is printed with the symbol behind
#     each step, e.g. "rules.o -> analysis.o (ent_type_from_name)".
#  2. No object needs a curses symbol: its undefined symbols (nm -u) are
#     compared with those the curses libraries define (nm -D of the
#     libncursesw and libtinfo that $CC links).
# Exit status 0 if both hold, 1 if not, 2 if it cannot tell (no nm, no
# library, no curses library to compare with).
# Environment: CC (cc), AR (ar), NM (nm), CURSES_LIBS ("ncursesw tinfo").

CC=${CC:-cc}
AR=${AR:-ar}
NM=${NM:-nm}
CURSES_LIBS=${CURSES_LIBS:-ncursesw tinfo}

# The shared object behind -lNAME, following a linker script's INPUT().
lib_files() {	# $1 = NAME
	f=$($CC -print-file-name="lib$1.so" 2>/dev/null)
	[ -f "$f" ] || return 1
	if $NM -D --defined-only "$f" >/dev/null 2>&1; then
		echo "$f"
		return 0
	fi
	# e.g. "INPUT(libncursesw.so.6 -ltinfo)"
	for tok in $(sed -n 's/^[[:space:]]*\(INPUT\|GROUP\)[[:space:]]*(\(.*\)).*/\2/p' "$f"); do
		case $tok in
		-l*)	lib_files "${tok#-l}" ;;
		/*)	echo "$tok" ;;
		*)	if [ -f "$(dirname "$f")/$tok" ]; then
				echo "$(dirname "$f")/$tok"
			else
				$CC -print-file-name="$tok"
			fi ;;
		esac
	done
}

# Every symbol the curses libraries define, one a line.
curses_symbols() {
	for l in $CURSES_LIBS; do
		for f in $(lib_files "$l"); do
			$NM -D --defined-only -P "$f" 2>/dev/null
		done
	done | awk '{ sub(/@.*/, "", $1); print $1 }' | sort -u
}

# Cycles in LIB's link graph, from "nm -A -P" lines on standard input:
# "LIB[OBJ]: SYMBOL TYPE ...".  Prints one line per cycle; none if none.
find_cycles() {
	awk '
	{
		obj = $1; sub(/^.*\[/, "", obj); sub(/\]:$/, "", obj)
		objs[obj] = 1
		if ($3 == "U" || $3 == "w" || $3 == "v") {
			nu++; uobj[nu] = obj; usym[nu] = $2
		} else if ($3 ~ /^[A-Z]$/)
			def[$2] = obj
	}
	END {
		for (i = 1; i <= nu; i++) {
			d = def[usym[i]]
			if (d == "" || d == uobj[i] || ((uobj[i], d) in via))
				continue
			via[uobj[i], d] = usym[i]
			reach[uobj[i], d] = 1
		}
		for (k in objs)
			for (i in objs)
				if ((i, k) in reach)
					for (j in objs)
						if ((k, j) in reach)
							reach[i, j] = 1
		# One cycle per strongly connected group: the shortest way
		# from its first object (by name) back to itself.
		n = 0
		for (o in objs)
			names[++n] = o
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n; j++)
				if (names[j] < names[i]) {
					t = names[i]; names[i] = names[j]; names[j] = t
				}
		for (i = 1; i <= n; i++) {
			u = names[i]
			if (!((u, u) in reach) || (u in done))
				continue
			split("", seen); split("", par); split("", q)
			head = 1; tail = 1; q[1] = u; last = ""
			while (head <= tail && last == "") {
				at = q[head++]
				for (j = 1; j <= n && last == ""; j++) {
					v = names[j]
					if (!((at, v) in via))
						continue
					if (v == u)
						last = at
					else if (!(v in seen)) {
						seen[v] = 1; par[v] = at; q[++tail] = v
					}
				}
			}
			line = " -> " u " (" via[last, u] ")"
			for (v = last; v != u; v = par[v])
				line = " -> " v " (" via[par[v], v] ")" line
			print u line
			for (o in objs)
				if ((u, o) in reach && (o, u) in reach)
					done[o] = 1
		}
	}'
}

check() {	# $1 = LIB
	lib=$1
	if ! command -v "$NM" >/dev/null 2>&1; then
		echo "check-layering: $NM not found" >&2
		return 2
	fi
	if [ ! -f "$lib" ]; then
		echo "check-layering: $lib: no such library (make it first)" >&2
		return 2
	fi
	syms=$($NM -A -P "$lib") || return 2
	if [ -z "$syms" ]; then
		echo "check-layering: $lib: no symbols" >&2
		return 2
	fi
	rc=0
	cycles=$(printf '%s\n' "$syms" | find_cycles)
	if [ -n "$cycles" ]; then
		printf '%s\n' "$cycles" | sed "s|^|check-layering: $lib: cycle: |" >&2
		rc=1
	fi
	curses=$(curses_symbols)
	if [ -z "$curses" ]; then
		echo "check-layering: cannot find the curses libraries" \
		    "($CURSES_LIBS) to compare $lib with" >&2
		return 2
	fi
	# Each undefined symbol (OBJ SYMBOL) that curses defines.
	printf '%s\n' "$curses" >"$work/curses.syms"
	bad=$(printf '%s\n' "$syms" | awk 'NR == FNR { c[$1] = 1; next }
	    $3 == "U" && ($2 in c) {
		obj = $1; sub(/^.*\[/, "", obj); sub(/\]:$/, "", obj)
		print obj " uses " $2 }' "$work/curses.syms" -)
	if [ -n "$bad" ]; then
		printf '%s\n' "$bad" | sed "s|^|check-layering: $lib: curses: |" >&2
		rc=1
	fi
	return $rc
}

# Build $work/NAME.a from C snippets: plant NAME FILE:CODE...
plant() {
	name=$1
	shift
	mkdir -p "$work/$name"
	for spec in "$@"; do
		printf '%s\n' "${spec#*:}" >"$work/$name/${spec%%:*}.c"
		$CC -c -o "$work/$name/${spec%%:*}.o" \
		    "$work/$name/${spec%%:*}.c" || return 2
	done
	rm -f "$work/$name.a"
	$AR rcs "$work/$name.a" "$work/$name"/*.o
}

# A checker that cannot fail would be worse than none: show it fails.
self_test() {
	fails=0
	plant clean 'a:int b(void); int a(void) { return b(); }' \
	    'b:int c(void); int b(void) { return c(); }' \
	    'c:int c(void) { return 0; }' || return 2
	plant cycle 'a:int b(void); int a(void) { return b(); }' \
	    'b:int c(void); int b(void) { return c(); }' \
	    'c:int a(void); int c(void) { return a(); }' \
	    'd:int a(void); int d(void) { return a(); }' || return 2
	plant curses 'a:int initscr(void); int a(void) { return initscr(); }' \
	    || return 2
	if ! check "$work/clean.a" 2>"$work/log"; then
		cat "$work/log"
		echo "not ok check-layering: a library without cycles fails"
		fails=$((fails + 1))
	fi
	check "$work/cycle.a" 2>"$work/log"
	if [ $? -ne 1 ] || ! grep -q 'cycle: a.o -> b.o (b) -> c.o (c) -> a.o (a)$' \
	    "$work/log" || [ "$(grep -c cycle: "$work/log")" -ne 1 ]; then
		cat "$work/log"
		echo "not ok check-layering: a planted cycle is not caught"
		fails=$((fails + 1))
	fi
	check "$work/curses.a" 2>"$work/log"
	if [ $? -ne 1 ] || ! grep -q 'curses: a.o uses initscr$' "$work/log"; then
		cat "$work/log"
		echo "not ok check-layering: a planted curses call is not caught"
		fails=$((fails + 1))
	fi
	[ "$fails" -eq 0 ]
}

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
case ${1:-} in
--self-test)
	self_test ;;
''|-*)
	echo "usage: check-layering.sh LIB | --self-test" >&2
	exit 2 ;;
*)
	check "$1" ;;
esac
