# webserver.sh: the web tests' own server (tests/web/server.py) for an
# e2e script, on 127.0.0.1 only.  Source it after lib.sh, then
#   web_server_start DIR ROOT [--cert PEM --key KEY]
# serves ROOT, keeping its files in DIR (ports, requests.log,
# server.err), and sets HTTP (and HTTPS with a certificate); the server
# is stopped at exit, or earlier with web_server_stop.  Proxies are not
# used for 127.0.0.1 (NO_PROXY), whatever the environment says.
#   web_make_certs DIR
# makes, with openssl, a throwaway CA (DIR/ca.pem) and a certificate it
# signs for 127.0.0.1 and localhost (DIR/server.pem, DIR/server.key), and
# another CA that signed nothing (DIR/other-ca.pem); it fails the script
# if openssl cannot.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy \
	CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
WEB_SERVER=""

web_server_stop() {
	[ -n "$WEB_SERVER" ] || return 0
	kill "$WEB_SERVER" 2>/dev/null
	wait "$WEB_SERVER" 2>/dev/null
	WEB_SERVER=""
}

web_server_start() {
	ws_dir=$1 ws_root=$2
	shift 2
	rm -f "$ws_dir/ports"
	python3 "$ROOT/tests/web/server.py" --root "$ws_root" \
		--portfile "$ws_dir/ports" --log "$ws_dir/requests.log" "$@" \
		2>"$ws_dir/server.err" &
	WEB_SERVER=$!
	CLEANUP_HOOK=web_server_stop
	ws_i=0
	while [ ! -s "$ws_dir/ports" ] && [ $ws_i -lt 250 ]; do
		sleep 0.02; ws_i=$((ws_i + 1))
	done
	if [ ! -s "$ws_dir/ports" ]; then
		cat "$ws_dir/server.err"
		fail "web: the test server did not start"
		exit 1
	fi
	HTTP="http://127.0.0.1:$(sed -n 's/^http //p' "$ws_dir/ports")"
	HTTPS="https://127.0.0.1:$(sed -n 's/^https //p' "$ws_dir/ports")"
}

web_make_certs() {
	(
		cd "$1" &&
		for ca in ca other-ca; do
			openssl req -x509 -newkey ec \
			    -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
			    -keyout $ca.key -out $ca.pem -days 2 \
			    -subj "/CN=artread test $ca" \
			    -addext "basicConstraints=critical,CA:TRUE" \
			    -addext "keyUsage=critical,keyCertSign,cRLSign" ||
			    exit 1
		done &&
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
		    -nodes -keyout server.key -out server.csr \
		    -subj "/CN=localhost" &&
		printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >ext.cnf &&
		openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key \
		    -CAcreateserial -out server.pem -days 2 -extfile ext.cnf
	) >"$1/openssl.log" 2>&1 && return 0
	cat "$1/openssl.log"
	fail "web: openssl made no certificate"
	exit 1
}
