#!/bin/sh
# End-to-end: artread --extract against a real local server (tests/web/
# server.py) on 127.0.0.1, over HTTP and HTTPS with a throwaway CA made
# here with openssl and trusted through SSL_CERT_FILE / CURL_CA_BUNDLE.
# Fetching, charsets from the header, compression, redirects, errors
# (404, 500, not HTML, redirect loop, a server trickling a byte a second,
# a gzip bomb, 50 MB pages, TLS not trusted), 10,000 nested elements,
# proxies, Ctrl-C, and that a failed fetch writes nothing.  The server
# is started and stopped here; nothing reaches the internet.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/webserver.sh"
plan 43
FIX="$ROOT/tests/data/web"
S="$WORK/srv"
mkdir -p "$S"

# has FILE TEXT / lacks FILE TEXT: a fixed string in a file.
has() { LC_ALL=C grep -qF -- "$2" "$1"; }
lacks() { ! LC_ALL=C grep -qF -- "$2" "$1"; }
empty() { [ ! -s "$1" ]; }

for tool in python3 openssl; do
	if ! command -v $tool >/dev/null 2>&1; then
		fail "web: $tool is needed for the web tests (scripts/install-deps.sh)"
		exit 1
	fi
done

# ---- a throwaway CA and a certificate for 127.0.0.1 and localhost -------
web_make_certs "$S"

# ---- the server ---------------------------------------------------------------
web_server_start "$S" "$FIX" --cert "$S/server.pem" --key "$S/server.key"
: >"$S/requests.log"

# x NAME ARGS...: run artread --extract ARGS, stdout to $S/NAME.out, stderr
# to $S/NAME.err, exit status in $S/NAME.rc.
x() {
	_x=$1; shift
	"$ARTREAD" --extract "$@" >"$S/$_x.out" 2>"$S/$_x.err"
	echo $? >"$S/$_x.rc"
}
rc() { [ "$(cat "$S/$1.rc")" = "$2" ]; }
# failed NAME TEXT: exit status 2, nothing on stdout, TEXT in one line of stderr.
failed() {
	rc "$1" 2 && empty "$S/$1.out" && has "$S/$1.err" "$2" &&
	    [ "$(wc -l <"$S/$1.err")" -eq 1 ]
}
# got NAME TEXT...: exit status 0 and every TEXT in the output.
got() {
	_g=$1; shift
	rc "$_g" 0 || return 1
	for _t in "$@"; do has "$S/$_g.out" "$_t" || return 1; done
}
# failed_any NAME ERE: exit status 2, nothing on stdout, ERE on stderr.
failed_any() {
	rc "$1" 2 && empty "$S/$1.out" && grep -qE "$2" "$S/$1.err"
}
# json_field FILE KEY: a field of --json output.
json_field() {
	python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print(json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)' "$1" "$2"
}

# ---- fetching -----------------------------------------------------------------
"$ARTREAD" --extract --json "$FIX/05-amp.html" >"$S/file.json" 2>&1
x amp --json --timeout 10 "$HTTP/f/05-amp.html"
check "fetch: a page over HTTP" rc amp 0
check "fetch: same text as from the file" \
	[ "$(json_field "$S/amp.out" text)" = "$(json_field "$S/file.json" text)" ]
check "fetch: metadata as declared" \
	[ "$(json_field "$S/amp.out" byline)" = '["Beatriz Monteiro"]' ]
# The page's canonical URL is on another host: the URL fetched names it.
check "fetch: a canonical URL on another host is not taken" \
	[ "$(json_field "$S/amp.out" url)" = "$HTTP/f/05-amp.html" ]

x plain --timeout 10 "$HTTP/f/05-amp.html"
check "fetch: plain text starts with the headline" \
	[ "$(sed -n 1p "$S/plain.out")" = "Porto’s Pink Line metro to open on 1 June after four years of works" ]
"$ARTREAD" --dump --color=never "$S/plain.out" >"$S/plain.dump" 2>&1
check "fetch: the text opens in artread (--dump)" has "$S/plain.dump" "Praça"
check "fetch: User-Agent names artread and its version" \
	has "$S/requests.log" "GET /f/05-amp.html | artread/"
check "fetch: compressed answers are asked for" \
	sh -c "grep '^GET /f/05-amp.html' '$S/requests.log' | grep -q gzip"

x cp1252 --timeout 10 "$HTTP/f/12-cp1252-header.html"
check "charset: windows-1252 from the HTTP header" \
	got cp1252 "fallen by €2.4 million" "We’ve had three years"
x gbk --timeout 10 "$HTTP/f/14-gb2312-header.html"
check "charset: GB2312 (read as GBK) from the HTTP header" \
	got gbk "家住汉口的市民刘女士说"
x sjis --timeout 10 "$HTTP/f/13-shiftjis-meta.html"
check "charset: Shift_JIS from <meta>" got sjis "港湾局の担当者は"
x unknown --timeout 10 "$HTTP/unknown-charset"
check "charset: an unknown header label yields to <meta>" \
	got unknown "The café on the corner"
x wrong --timeout 10 "$HTTP/wrong-charset"
check "charset: bytes a wrong header cannot decode are kept as bytes" \
	got wrong "caf$(printf '\351') on"
x wrongj --json --timeout 10 "$HTTP/wrong-charset"
check "charset: ... and shown as U+FFFD in JSON" has "$S/wrongj.out" "caf�"

x gz --json --timeout 10 "$HTTP/gzip/05-amp.html"
check "fetch: a gzip-encoded page" \
	[ "$(json_field "$S/gz.out" text)" = "$(json_field "$S/file.json" text)" ]
x redir --json --timeout 10 "$HTTP/redirect/3"
check "fetch: three redirects are followed" rc redir 0
check "fetch: the URL is the one after redirects" \
	[ "$(json_field "$S/redir.out" url)" = "$HTTP/f/05-amp.html" ]

# ---- errors: one line, exit status 2, nothing written ---------------------------
x loop --timeout 10 "$HTTP/loop/a"
check "error: a redirect loop" failed loop "more than 10 redirects"
x tofile --timeout 10 "$HTTP/to-file"
check "error: a redirect to file://" failed tofile "only http and https"
x e404 --timeout 10 "$HTTP/status/404"
check "error: 404" failed e404 "HTTP 404 Not Found"
x e500 --timeout 10 "$HTTP/status/500"
check "error: 500" failed e500 "HTTP 500 Internal Server Error"
x empty404 --timeout 10 "$HTTP/empty/404"
check "error: 404 without a body" failed empty404 "HTTP 404"
x pdf --timeout 10 "$HTTP/pdf"
check "error: not HTML" failed pdf "not an HTML page (application/pdf)"
t0=$(date +%s)
x slow --timeout 3 "$HTTP/slow"
t1=$(date +%s)
check "error: a server trickling a byte a second" \
	failed_any slow "too slow|no complete answer within 3 s"
check "error: ... given up within the time limit" [ $((t1 - t0)) -le 6 ]
t0=$(date +%s)
x bomb --timeout 20 "$HTTP/bomb"
t1=$(date +%s)
check "error: a gzip bomb stops at the decoded size cap" \
	failed bomb "larger than 16 MiB (decoded)"
x big --timeout 20 "$HTTP/big"
check "error: a 50 MB page (with Content-Length)" failed big "larger than 16 MiB"
x bigc --timeout 20 "$HTTP/big-chunked"
check "error: a 50 MB page (without Content-Length)" \
	failed bigc "larger than 16 MiB (decoded)"
x deep --timeout 10 "$HTTP/deep"
check "hostile: 10,000 nested elements are read to the bottom" \
	got deep "The deepest paragraph of the page is still read"
x hostile --timeout 10 "$HTTP/hostile"
check "hostile: the page is read" got hostile "Text with an escape"
check "hostile: scripts and javascript: links are not text" \
	sh -c "! grep -qE 'alert|script link' '$S/hostile.out'"

# ---- TLS --------------------------------------------------------------------------
SSL_CERT_FILE="$S/ca.pem" x tls --json --timeout 10 "$HTTPS/f/05-amp.html"
check "tls: HTTPS with the test CA in SSL_CERT_FILE" \
	[ "$(json_field "$S/tls.out" text)" = "$(json_field "$S/file.json" text)" ]
CURL_CA_BUNDLE="$S/ca.pem" x tls2 --timeout 10 "$HTTPS/f/05-amp.html"
check "tls: ... and in CURL_CA_BUNDLE" rc tls2 0
SSL_CERT_FILE=/nonexistent-artread-ca.pem x untrusted --timeout 10 "$HTTPS/f/05-amp.html"
check "tls: an unreadable CA file is an error, never a fallback" \
	failed_any untrusted "TLS"
x untrusted2 --timeout 10 "$HTTPS/f/05-amp.html"
check "tls: the system's CAs do not know the test CA" \
	failed untrusted2 "TLS certificate not trusted"

# ---- proxies -------------------------------------------------------------------------
http_proxy="$HTTP" NO_PROXY= no_proxy= x proxied --timeout 10 \
	"http://news.example.invalid/f/05-amp.html"
check "proxy: http_proxy is used" \
	has "$S/requests.log" "GET http://news.example.invalid/f/05-amp.html"
check "proxy: ... and the page read through it" rc proxied 0
http_proxy=http://127.0.0.1:9 x noproxy --timeout 10 "$HTTP/f/05-amp.html"
check "proxy: NO_PROXY is honoured" rc noproxy 0

# ---- Ctrl-C ---------------------------------------------------------------------------
: >"$S/requests.log"
"$ARTREAD" --extract --timeout 60 "$HTTP/slow" >"$S/int.out" 2>"$S/int.err" &
PID=$!
i=0
while ! grep -q '^GET /slow' "$S/requests.log" && [ $i -lt 250 ]; do
	sleep 0.02; i=$((i + 1))
done
check "cancel: the slow fetch started" grep -q '^GET /slow' "$S/requests.log"
t0=$(date +%s)
kill -INT $PID
i=0
while kill -0 $PID 2>/dev/null && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
if kill -0 $PID 2>/dev/null; then
	kill -KILL $PID
	fail "cancel: Ctrl-C stops a fetch within 5 s"
else
	wait $PID
	echo $? >"$S/int.rc"
	check "cancel: Ctrl-C stops a fetch within 5 s" failed int ": cancelled"
fi

# ---- files and standard input ------------------------------------------------------------
"$ARTREAD" --extract - <"$FIX/05-amp.html" >"$S/stdin.out" 2>&1
check "stdin: HTML on standard input" \
	[ "$(sed -n 1p "$S/stdin.out")" = "Porto’s Pink Line metro to open on 1 June after four years of works" ]
cp "$FIX/05-amp.html" "$S/page-without-suffix"
x noname "$S/page-without-suffix"
check "file: HTML is recognised by its content" rc noname 0
x readme "$ROOT/README.md"
check "file: a text file is not HTML" failed readme "not an HTML page"

finish
