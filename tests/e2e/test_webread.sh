#!/bin/sh
# End-to-end: web articles read as articles, against the real local
# server (tests/web/server.py) on 127.0.0.1, started and stopped here.
# `artread URL`, `artread page.html` (by content, not by name), HTML on
# standard input and URLs mixed with text files, in the pager (tmux) and
# in the non-interactive modes; annotations kept by the canonical URL
# (only on the page's own host); the text kept, so that the URL reopens
# offline with its annotations; R after the page changed, and D; exports
# carrying the URL; X naming its file after the headline; errors (one
# line, exit 2, nothing written) and Ctrl-C during a fetch; the reading
# position kept by URL (offline too); a local page edited on disk
# noticed and R extracting it again; --import onto a URL and a page;
# HTTPS through a test CA, and a certificate it did not sign refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/webserver.sh"
plan 94
PAGES="$ROOT/tests/data/web/read"
S="$WORK/srv"
SITE="$S/site"
ANN="$XDG_DATA_HOME/artread/annotations"
mkdir -p "$SITE" "$WORK/cwd"

has() { LC_ALL=C grep -qF -- "$2" "$1"; }
lacks() { ! LC_ALL=C grep -qF -- "$2" "$1"; }
# r NAME ARGS...: run artread ARGS; stdout, stderr and status in $S/NAME.*
r() {
	_r=$1; shift
	"$ARTREAD" "$@" >"$S/$_r.out" 2>"$S/$_r.err"
	echo $? >"$S/$_r.rc"
}
rc() { [ "$(cat "$S/$1.rc")" = "$2" ]; }
# failed NAME TEXT: status 2, TEXT in the only line of stderr.
failed() {
	rc "$1" 2 && has "$S/$1.err" "$2" && [ "$(wc -l <"$S/$1.err")" -eq 1 ]
}
# page NAME [CANONICAL]: serve tests/data/web/read/ferry.html as /f/NAME,
# declaring CANONICAL (default: itself).
page() {
	sed "s|@CANONICAL@|${2:-$HTTP/f/$1}|" "$PAGES/ferry.html" >"$SITE/$1.tmp" &&
	    mv "$SITE/$1.tmp" "$SITE/$1"
}
# edit_page NAME: the article edited after publication (two sentences).
edit_page() {
	sed -e 's|have two sailings a day|have three sailings a day|' \
	    -e 's|said the repairs would take about six weeks|said on Friday that the repairs would take about eight weeks|' \
	    "$SITE/$1" >"$SITE/$1.tmp" && mv "$SITE/$1.tmp" "$SITE/$1"
}
# files_in DIR: how many files under DIR (0 if it does not exist).
files_in() { find "$1" -type f 2>/dev/null | wc -l; }
# json_source FILE: the target source of the first annotation of a W3C export.
json_source() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["first"]["items"][0]["target"]["source"])' "$1" 2>/dev/null ||
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["items"][0]["target"]["source"])' "$1"
}

web_make_certs "$S"
web_server_start "$S" "$SITE" --cert "$S/server.pem" --key "$S/server.key"
URL="$HTTP/f/ferry.html"
page ferry.html
HEADLINE="Island ferry timetable cut for the winter"

# ---- the non-interactive modes ----------------------------------------------
r dump --dump --color=never "$URL"
check "dump: a URL is fetched and shown as an article" \
	eval 'rc dump 0 && has "$S/dump.out" "$HEADLINE" && has "$S/dump.out" "Inchcraig"'
check "dump: navigation, the most-read list and the footer are gone" \
	eval 'lacks "$S/dump.out" "Most read" && lacks "$S/dump.out" "Subscribe"'
cp "$SITE/ferry.html" "$WORK/ferry.page"	# HTML by content, not by name
r file --dump --color=never "$WORK/ferry.page"
check "file: HTML found by its content (no .html)" \
	eval 'rc file 0 && has "$S/file.out" "$HEADLINE" && lacks "$S/file.out" "<p>"'
printf '<html> tags are explained below.\n\nA journalist wrote about <p> and <div> elements.\n' >"$WORK/tags.txt"
r prose --dump --color=never "$WORK/tags.txt"
check "file: a text that opens with a tag in prose stays a text" \
	eval 'rc prose 0 && has "$S/prose.out" "<html> tags are explained" && has "$S/prose.out" "<p> and <div> elements"'
"$ARTREAD" --dump --color=never - <"$WORK/ferry.page" >"$S/stdin.out" 2>&1
check "stdin: HTML on standard input is extracted" \
	eval 'has "$S/stdin.out" "$HEADLINE" && lacks "$S/stdin.out" "<article>"'
mkfifo "$WORK/fifo"
cat "$WORK/ferry.page" >"$WORK/fifo" &
WRITER=$!
# A FIFO without a writer reads as empty: wait until the writer is there
# (blocked in open() until a reader comes).
wait_until 5 "the FIFO's writer did not start" \
	eval '[ "$(cat /proc/$WRITER/wchan 2>/dev/null)" = wait_for_partner ]'
"$ARTREAD" --dump --color=never "$WORK/fifo" >"$S/fifo.out" 2>&1
wait $WRITER
check "fifo: HTML through a FIFO is read once, then extracted" \
	eval 'has "$S/fifo.out" "$HEADLINE" && lacks "$S/fifo.out" "<article>"'
printf 'Plain text headline\n\nA text file, as ever.\n' >"$WORK/plain.txt"
r mixed --dump --color=never "$WORK/plain.txt" "$URL"
check "mixed: a text file and a URL in one run" \
	eval 'rc mixed 0 && has "$S/mixed.out" "A text file, as ever." && has "$S/mixed.out" "$HEADLINE"'
r quotes --quotes "$URL"
check "quotes: --quotes on a URL names the speaker" \
	has "$S/quotes.out" "Callum Drever"
r ents --entities "$URL"
check "entities: --entities on a URL" has "$S/ents.out" "PERSON	Callum Drever"

# ---- errors: one line, exit 2, nothing written ---------------------------------
before=$(files_in "$XDG_DATA_HOME")
r e404 --dump "$HTTP/status/404"
check "error: a 404 is one line and exit 2" failed e404 "404"
check "error: nothing on standard output" [ ! -s "$S/e404.out" ]
r enot --dump "$HTTP/pdf"
check "error: a page that is not HTML" failed enot "$HTTP/pdf"
r emix --dump --color=never "$HTTP/status/500" "$WORK/plain.txt"
check "error: the other files are still shown, exit 2" \
	eval 'rc emix 2 && has "$S/emix.out" "A text file, as ever."'
check "error: nothing was written for a failed fetch" \
	[ "$(files_in "$XDG_DATA_HOME")" -eq "$before" ]
r eslow --dump --timeout 2 "$HTTP/slow"
check "error: --timeout bounds a fetch" eval 'rc eslow 2 && [ -s "$S/eslow.err" ]'

# ---- annotations kept by URL --------------------------------------------------
r ann1 --annotate-text "Callum Drever" --tag source "$URL"
r ann2 --annotate-text "two sailings a day" --tag claim "$URL"
check "annotate: --annotate-text on a URL" eval 'rc ann1 0 && rc ann2 0'
check "annotate: the sidecar is kept by URL in the data directory" \
	[ "$(ls "$ANN/by-url" | wc -l)" -eq 1 ]
check "annotate: the sidecar names the URL" has "$ANN"/by-url/*.jsonl "\"url\":\"$URL\""
r json --export json "$URL"
check "export: W3C target source is the URL" [ "$(json_source "$S/json.out")" = "$URL" ]
r csv --export csv "$URL"
check "export: CSV has a source column with the URL" \
	eval 'head -1 "$S/csv.out" | grep -q ",source" && has "$S/csv.out" ",$URL"'
r list --list-annotations "$URL"
check "list: both annotations, exact" \
	eval '[ "$(grep -c "	exact	" "$S/list.out")" -eq 2 ]'

# The same page under another URL of the same host, declaring the first as
# canonical: the same annotations.  Declaring another host: not taken.
page alias.html "$URL"
r alias --list-annotations "$HTTP/f/alias.html"
check "canonical: on the page's own host, it keys the annotations" \
	eval '[ "$(grep -c "	exact	" "$S/alias.out")" -eq 2 ]'
page foreign.html "https://news.example/ferry"
r foreign --export csv "$HTTP/f/foreign.html"
check "canonical: on another host, the URL fetched keys them" \
	eval 'rc foreign 0 && [ "$(wc -l <"$S/foreign.out")" -eq 1 ] && has "$S/foreign.out" ",source"'
# The same host on another port is another server: not taken either.
OTHERPORT=$(printf '%s' "$HTTP" | sed 's|:[0-9]*$||'):1
page otherport.html "$OTHERPORT/f/ferry.html"
r otherport --extract "$HTTP/f/otherport.html"
check "canonical: on the same host but another port, the URL fetched keys them" \
	eval 'rc otherport 0 && has "$S/otherport.out" "$HTTP/f/otherport.html" && lacks "$S/otherport.out" "$OTHERPORT"'

# A #fragment points into the page: the same article, the same
# annotations (a page whose canonical URL is on another host is keyed
# by the URL fetched).
page nocanon.html "https://news.example/elsewhere"
r fann --annotate-text "Callum Drever" --tag source "$HTTP/f/nocanon.html"
r frag --list-annotations "$HTTP/f/nocanon.html#comments"
check "fragment: URL#comments lists the URL's annotations" \
	eval 'rc fann 0 && rc frag 0 && has "$S/frag.out" "	exact	source	Callum Drever"'

# A local HTML file keeps its annotations beside it, as a text file does.
cp "$WORK/ferry.page" "$WORK/ferry.html"
r local --annotate-text "six weeks" --tag claim "$WORK/ferry.html"
check "local: a .html file's sidecar sits beside it" \
	eval 'rc local 0 && [ -s "$WORK/ferry.html.annotations.jsonl" ]'

# ---- --import: onto the article's text, kept as the pager keeps it -----------
# A brat file with the offsets of "Callum Drever" in the article's text
# (brat counts characters), and the listing line it should give
# (START END STATE TAGS TEXT, in bytes).
page imp.html
"$ARTREAD" --extract "$HTTP/f/imp.html" >"$S/imp.txt"
python3 - "$S/imp.txt" "$S/imp" <<'EOF'
import sys
w = "Callum Drever"
t = open(sys.argv[1], encoding="utf-8").read()
c, b = t.index(w), t.encode().index(w.encode())
open(sys.argv[2] + ".ann", "w").write("T1\tsource %d %d\t%s\n" % (c, c + len(w), w))
open(sys.argv[2] + ".want", "w").write("%d\t%d\texact\tsource\t%s\n" % (b, b + len(w), w))
EOF
r imp --import brat "$S/imp.ann" "$HTTP/f/imp.html"
check "import: --import onto a URL" \
	eval 'rc imp 0 && has "$S/imp.err" "1 annotation imported"'
r implist --list-annotations "$HTTP/f/imp.html"
check "import: kept by the URL, exact on the article's text" \
	eval 'rc implist 0 && cmp -s "$S/implist.out" "$S/imp.want"'
cp "$SITE/imp.html" "$WORK/imp-local.html"
r implocal --import brat "$S/imp.ann" "$WORK/imp-local.html"
r implocallist --list-annotations "$WORK/imp-local.html"
check "import: onto a local page, at the offsets of its article" \
	eval 'rc implocal 0 && cmp -s "$S/implocallist.out" "$S/imp.want"'
r impnone --import brat "$S/imp.ann" "$HTTP/f/never-there.html"
check "import: a page that cannot be fetched is one line, exit 2" \
	failed impnone "never-there.html"

# ---- HTTPS through the test CA --------------------------------------------------
TLS="$HTTPS/f/tls.html"
page tls.html "$TLS"
SSL_CERT_FILE="$S/ca.pem" r tls --annotate-text "Callum Drever" --tag source "$TLS"
check "https: a page over HTTPS, the test CA in SSL_CERT_FILE" rc tls 0
CURL_CA_BUNDLE="$S/ca.pem" r tlslist --list-annotations "$TLS"
check "https: its annotations kept by the https URL (CURL_CA_BUNDLE)" \
	eval 'rc tlslist 0 && has "$S/tlslist.out" "exact	source	Callum Drever" &&
	    grep -lF "\"url\":\"$TLS\"" "$ANN"/by-url/*.jsonl >/dev/null'
before=$(files_in "$XDG_DATA_HOME")
page tls2.html "$HTTPS/f/tls2.html"
SSL_CERT_FILE="$S/other-ca.pem" r tlsbad --annotate-text "Callum Drever" --tag source "$HTTPS/f/tls2.html"
check "https: a certificate the CA did not sign: one line, exit 2" \
	failed tlsbad "TLS certificate not trusted"
check "https: nothing written for it" \
	eval '[ ! -s "$S/tlsbad.out" ] && [ "$(files_in "$XDG_DATA_HOME")" -eq "$before" ]'
start "SSL_CERT_FILE='$S/ca.pem' '$ARTREAD' '$TLS'"
check "https pager: the article and its annotation" \
	eval 'wait_for "$HEADLINE" && keys = && wait_status "1 annotation"'
keys q
start "SSL_CERT_FILE='$S/other-ca.pem' '$ARTREAD' '$HTTPS/f/tls2.html'"
check "https pager: refused with the reason, exit 2" \
	eval 'wait_for "TLS certificate not trusted" && wait_for "EXIT=2"'

# ---- the pager ------------------------------------------------------------------
start "cd '$WORK/cwd' && '$ARTREAD' '$URL'"
check "pager: artread URL opens the article" wait_for "$HEADLINE"
keys =
check "pager: its annotations are there" wait_status "2 annotations"
keys X; wait_for "export as"; keys Enter
check "pager: X writes to the current directory, named after the headline" \
	wait_file "$WORK/cwd/island-ferry-timetable-cut-for-the-winter.notes.txt"
check "pager: the export names the URL" \
	has "$WORK/cwd/island-ferry-timetable-cut-for-the-winter.notes.txt" "$URL"
edit_page ferry.html
keys R
check "R: the article changed, and it says so" \
	wait_for "the article changed since it was read: D shows"
check "R: the new text is shown" wait_for "three sailings"
keys D
check "D: the differences since the text read before" wait_for "Differences since"
check "D: the words that changed" \
	eval 'on_screen "two" && on_screen "three" && on_screen "eight weeks"'
keys q
keys R
check "R: the same text again: no change announced" \
	eval 'wait_status "re-read|annotations [0-9]+ exact" && off_screen "changed since it was read"'
keys q
wait_for "EXIT="

r dstat --diff --stat "$URL"
check "diff: --diff --stat on a URL: changed since annotated (exit 1)" \
	eval 'rc dstat 1 && has "$S/dstat.out" "annotations: 1 changed"'

start "'$ARTREAD' '$WORK/plain.txt'"
wait_for "Plain text headline"
keys : e; literal "$URL"; keys Enter
wait_for "$HEADLINE"
keys =
check "pager: :e URL fetches and opens it after the others" \
	wait_status "ferry.html \[2/2\]"
keys : p	# back to the text, then :e the same URL again (with a #fragment)
wait_for "Plain text headline"
keys : e; literal "$URL#comments"; keys Enter
wait_for "$HEADLINE"
keys =
check "pager: :e of a URL already open goes to it, no second copy" \
	wait_status "ferry.html \[2/2\]"
keys q
# Several names: a URL after the first file is fetched when first shown,
# so the first screen does not wait for it; one that cannot be opened
# then is said, leaves the list, and the exit status is 2.  A file
# named twice is opened once, and so is a URL whose page names the
# same canonical URL.
page later.html
page again.html "$HTTP/f/later.html"
: >"$S/requests.log"
start "'$ARTREAD' '$WORK/plain.txt' '$HTTP/f/later.html' '$HTTP/f/none.html' '$WORK/./plain.txt' '$HTTP/f/again.html' 2>'$S/several.err'"
wait_for "Plain text headline"
check "pager: a URL after the first file is not fetched before it is shown" \
	sh -c "! grep -q 'later.html' '$S/requests.log'"
keys =
check "pager: a file named twice is opened once" \
	wait_status "plain.txt \[1/4\]"
keys : n
wait_for "$HEADLINE"
keys =
check "pager: :n fetches it and shows it" wait_status "later.html \[2/4\]"
keys : n
check "pager: :n past a URL that cannot be opened, to one open already" \
	wait_for "again.html is the article open as later.html (file 2)"
keys =
check "pager: ... and both leave the list" wait_status "later.html \[2/2\]"
keys q
check "pager: ... and the exit status is 2" wait_for "EXIT=2"
check "pager: ... and standard error says why" \
	has "$S/several.err" "artread: $HTTP/f/none.html: "
start "'$ARTREAD' '$URL/'"
wait_for "$HEADLINE"
keys C-l	# past what opening it said
check "pager: a URL ending in / is named by the last part of its path" \
	wait_status "^ ferry.html "
keys q
start "'$ARTREAD' '$WORK/ferry.page'"
check "pager: an HTML file found by content" wait_for "$HEADLINE"
keys q
start "cat '$WORK/ferry.page' | '$ARTREAD'"
check "pager: HTML on standard input" wait_for "$HEADLINE"
keys q
# A local page edited on disk while open: said, and R extracts it again.
cp "$WORK/ferry.page" "$WORK/edit.html"
start "'$ARTREAD' '$WORK/edit.html'"
wait_for "$HEADLINE"
sed 's/two sailings a day/five sailings a day/' "$WORK/edit.html" >"$WORK/edit.tmp"
cat "$WORK/edit.tmp" >"$WORK/edit.html"		# in place: "modified"
check "local page: an edit on disk is noticed" \
	wait_for "edit.html was modified on disk: R reloads"
keys R
check "local page: R extracts the page again" \
	eval 'wait_for "five sailings" && on_screen "$HEADLINE" && off_screen "<p>"'
keys q

# The reading position, kept by URL: a pane too short for the article.
start -y 6 "'$ARTREAD' '$URL'"
wait_for "$HEADLINE"
keys G
wait_for "eight weeks"
keys q
wait_for "EXIT="
start -y 6 "'$ARTREAD' '$URL'"
check "position: a URL reopens where the reader left it" \
	eval 'wait_for "eight weeks" && off_screen "$HEADLINE"'
keys q
: >"$S/requests.log"
start "'$ARTREAD' '$HTTP/slow'"
wait_until 5 "the slow fetch did not start" grep -q '^GET /slow' "$S/requests.log"
check "pager: while a URL is fetched, a line says so" \
	wait_for "artread: fetching 127.0.0.1:"
keys C-c
check "pager: Ctrl-C cancels a fetch, exit 2" \
	eval 'wait_for "cancelled" && wait_for "EXIT=2"'
check "pager: the fetching line is gone" off_screen "fetching"
# A :n fetch cancelled keeps its URL in the list: the next :n fetches it
# again, and a cancel is no error (exit 0).
: >"$S/requests.log"
start "'$ARTREAD' '$WORK/plain.txt' '$HTTP/slow' 2>'$S/cancel.err'"
wait_for "Plain text headline"
keys : n
wait_until 5 "the :n fetch did not start" grep -q '^GET /slow' "$S/requests.log"
check "pager: :n says it is fetching" wait_status "fetching $HTTP/slow"
keys C-c
check "pager: a :n fetch cancelled says so" \
	wait_status "fetch cancelled: $HTTP/slow stays in the list"
keys =
check "pager: ... the URL stays in the list" wait_status "plain.txt \[1/2\]"
keys : n
slow_twice() { [ "$(grep -c '^GET /slow' "$S/requests.log")" -eq 2 ]; }
check "pager: ... and the next :n fetches it again" eventually slow_twice
keys C-c
wait_status "fetch cancelled"
keys q
check "pager: ... quitting after a cancel is no error" \
	eval 'wait_for "EXIT=0" && ! test -s "$S/cancel.err"'
# SIGTERM and SIGHUP during a fetch are no Ctrl-C: they end artread as
# they do anywhere else.  In the pager (a :n fetch) it quits as at any
# SIGTERM (test_pager.sh): the terminal restored, the annotations saved,
# exit 0.  Before the pager (the first file fetched), artread ends by
# the signal (128 + its number), the pager never started.
for sig in TERM HUP; do
	cp "$WORK/plain.txt" "$WORK/sig$sig.txt"
	: >"$S/requests.log"
	start "'$ARTREAD' --no-remember '$WORK/sig$sig.txt' '$HTTP/slow'"
	wait_for "Plain text headline"
	keys s 1
	wait_status "saved to"
	keys : n
	wait_until 5 "the :n fetch did not start" grep -q '^GET /slow' "$S/requests.log"
	wait_status "fetching $HTTP/slow"
	kill -s $sig "$(artread_pid)"
	check "pager: SIG$sig during a :n fetch quits, exit 0" wait_for "EXIT=0"
	check "pager: ... SIG$sig restores the terminal" \
		eventually sh -c "[ \"\$($T display -p '#{alternate_on}')\" = 0 ]"
	check "pager: ... the annotation made before SIG$sig is on disk" \
		grep -q '"value"' "$WORK/sig$sig.txt.annotations.jsonl"
done
for sig in TERM:143 HUP:129; do
	: >"$S/requests.log"
	start "'$ARTREAD' '$HTTP/slow' '$WORK/plain.txt'"
	wait_until 5 "the first fetch did not start" grep -q '^GET /slow' "$S/requests.log"
	wait_for "artread: fetching 127.0.0.1:"
	kill -s "${sig%:*}" "$(artread_pid)"
	check "first file: SIG${sig%:*} during its fetch ends artread by it" \
		wait_for "EXIT=${sig#*:}"
	check "first file: ... no pager after SIG${sig%:*}, the fetching line gone" \
		eval 'off_screen "Plain text headline" && off_screen "fetching"'
done
# --export -o FILE opens FILE's temporary file before the fetch: a SIGTERM
# then ends artread without leaving it, and FILE as it was.
mkdir "$WORK/sigexp"
echo old >"$WORK/sigexp/e.txt"
: >"$S/requests.log"
start "'$ARTREAD' --export=text -o '$WORK/sigexp/e.txt' '$HTTP/slow'"
wait_until 5 "the export's fetch did not start" grep -q '^GET /slow' "$S/requests.log"
wait_until 5 "the export's temporary file was not made" \
	sh -c "ls -A '$WORK/sigexp' | grep -q artread-tmp"
kill -s TERM "$(artread_pid)"
check "--export -o FILE: SIGTERM during the fetch ends artread by it" \
	wait_for "EXIT=143"
check "--export -o FILE: ... FILE kept, no temporary file left" \
	eval '[ "$(cat "$WORK/sigexp/e.txt")" = old ] &&
	    [ "$(ls -A "$WORK/sigexp")" = e.txt ]'

# ---- offline: the server stopped ----------------------------------------------
# Another URL of the same host with the same text, naming this one as
# canonical: offline, the URL typed still finds its own annotations.
cp "$SITE/ferry.html" "$SITE/same.html"
r same --list-annotations "$HTTP/f/same.html"
web_server_stop
r off --dump --color=never "$URL"
check "offline: the URL opens the text kept" \
	eval 'rc off 0 && has "$S/off.out" "three sailings"'
check "offline: it says the page could not be fetched" \
	has "$S/off.err" "showing the text read on"
r offlist --list-annotations "$URL"
check "offline: with its annotations" \
	eval 'has "$S/offlist.out" "Callum Drever" && has "$S/offlist.out" "two sailings a day"'
r offalias --list-annotations "$HTTP/f/alias.html"
check "offline: a URL whose canonical URL keys them finds them too" \
	eval 'rc offalias 0 && [ "$(grep -c "	exact	" "$S/offalias.out")" -eq 2 ]'
r offfrag --list-annotations "$HTTP/f/nocanon.html#comments"
check "offline: URL#comments opens the text kept for the URL" \
	eval 'rc offfrag 0 && has "$S/offfrag.out" "	exact	source	Callum Drever"'
start -y 6 "'$ARTREAD' '$URL'"
check "offline position: the text kept opens where the reader left it" \
	eval 'wait_for "eight weeks" && off_screen "$HEADLINE"'
keys q
r offnew --dump "$HTTP/f/never-read.html"
check "offline: a URL never read is an error" failed offnew "never-read.html"
check "offline: the error says what cannot be reached, without curl's timing" \
	eval 'has "$S/offnew.err" "cannot connect to 127.0.0.1 port ${HTTP##*:} (no server answers there" &&
	    lacks "$S/offnew.err" " ms"'
start "'$ARTREAD' '$URL'"
check "offline pager: the text kept" wait_for "three sailings"
check "offline pager: the status line says so, before the cause" \
	wait_for "cannot fetch it: showing the text read on 2"
keys R
check "offline pager: R keeps the text on screen and says why" \
	eval 'wait_for "not reloaded: cannot fetch it" && on_screen "three sailings"'
keys =
check "offline pager: the annotations are there" wait_status "2 annotations"
keys q
wait_for "EXIT="	# at q, the pager keeps the text read: before --forget
r forget --forget "$URL"
r offgone --dump "$URL"
check "forget: --forget URL drops the text kept; offline, it is an error then" \
	eval 'rc forget 0 && has "$S/forget.out" "forgot" && failed offgone "$URL"'
finish
