#!/bin/sh
# make eval-extract: artread's extractor and Mozilla's Readability on the
# pages of tests/data/web/, scored against the expected texts and
# metadata (tests/web/score.py prints the table).
#   sh tests/web/eval-extract.sh BUILD/tests/web_extract [--check]
# Readability 0.6.0 and jsdom 26.1.0 are installed with npm into
# build/eval-extract/ the first time (the npm registry must be reachable;
# neither is needed to build or use artread).  Without node/npm the table
# has artread's column only, and says so.
cd "$(dirname "$0")/../.." || exit 2
TOOL=${1:?usage: eval-extract.sh EXTRACT_TOOL [--check]}
shift
DIR=build/eval-extract
FIX=tests/data/web
mkdir -p "$DIR"
"$TOOL" "$FIX"/*.html >"$DIR/artread.jsonl" || exit 1
ref=""
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	if [ ! -d "$DIR/node_modules/@mozilla/readability" ] ||
	    [ ! -d "$DIR/node_modules/jsdom" ]; then
		echo "eval-extract: installing @mozilla/readability and jsdom into $DIR (npm)"
		(cd "$DIR" && { [ -f package.json ] || echo '{"private": true}' >package.json; } &&
		    npm install --silent --no-audit --no-fund \
		    @mozilla/readability@0.6.0 jsdom@26.1.0 >npm.log 2>&1) ||
		    { echo "eval-extract: npm install failed (see $DIR/npm.log)"; }
	fi
	if [ -d "$DIR/node_modules/jsdom" ]; then
		cp tests/web/readability.mjs "$DIR/readability.mjs"
		node "$DIR/readability.mjs" "$FIX"/*.html >"$DIR/readability.jsonl" &&
		    ref="$DIR/readability.jsonl"
	fi
else
	echo "eval-extract: node and npm not found: no Readability column"
fi
python3 tests/web/score.py "$FIX" "$DIR/artread.jsonl" $ref "$@"
