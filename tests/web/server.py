#!/usr/bin/env python3
"""server.py: the web tests' own HTTP(S) server, on 127.0.0.1 only.

    server.py --root tests/data/web --portfile FILE --log FILE
              [--cert server.pem --key server.key]

Listens on ephemeral ports (HTTP, and HTTPS when given a certificate),
writes "http PORT" and "https PORT" lines to --portfile once listening,
logs one line per request to --log ("METHOD TARGET | User-Agent |
Accept-Encoding"), and serves until killed.  A request for an absolute
URL (through a proxy) is served like its path.

Routes:
  /f/NAME              tests/data/web/NAME, with the Content-Type of
                       NAME.headers if there is one, else text/html
  /gzip/NAME           the same, gzip-encoded
  /redirect/N          N redirects, then /f/05-amp.html
  /loop/a, /loop/b     redirect to each other for ever
  /to-file             a redirect to file:///etc/passwd
  /status/CODE         that status with a small HTML page
  /empty/CODE          that status and no body
  /pdf                 application/pdf
  /slow                text/html, one byte a second (for 120 s)
  /bomb                a gzip bomb: 64 MiB of zeros in ~64 KiB
  /big                 50 MB of HTML with a Content-Length
  /big-chunked         the same without one (read until closed)
  /deep                10,000 nested <div>s around a paragraph
  /wrong-charset       says UTF-8, is ISO-8859-1
  /unknown-charset     says x-no-such-charset; its <meta> says windows-1252
  /hostile             escape sequences, a script, javascript: links
"""
import argparse, gzip, http.server, os, socket, ssl, sys, threading, time, zlib
from urllib.parse import urlsplit

ROOT = "."
LOG = None
LOG_LOCK = threading.Lock()
BOMB = b""

PARA = (b"<p>The council met again on Tuesday to discuss the harbour, "
        b"the bridge, the ferries and the budget, as it does every week.</p>\n")


def make_bomb():
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [c.compress(b"<html><body><p>")]
    zeros = b"0" * (1 << 20)
    for _ in range(64):
        out.append(c.compress(zeros))
    out.append(c.flush())
    return b"".join(out)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log_request_line(self):
        with LOG_LOCK, open(LOG, "a", encoding="utf-8") as f:
            f.write("%s %s | %s | %s\n" % (self.command, self.path,
                    self.headers.get("User-Agent", ""),
                    self.headers.get("Accept-Encoding", "")))

    def send(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b"<p>moved</p>", extra=[("Location", where)])

    def stream(self, chunks, ctype="text/html"):
        """A body without Content-Length: read until the connection closes."""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            for c in chunks:
                self.wfile.write(c)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            pass

    def fixture(self, name, gz=False):
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(path):
            return self.send(404, b"<p>no such fixture</p>")
        body = open(path, "rb").read()
        ctype = "text/html"
        hdr = path[:-5] + ".headers" if path.endswith(".html") else None
        if hdr and os.path.isfile(hdr):
            for line in open(hdr, encoding="ascii"):
                k, _, v = line.partition(":")
                if k.strip().lower() == "content-type":
                    ctype = v.strip()
        extra = []
        if gz:
            body = gzip.compress(body)
            extra.append(("Content-Encoding", "gzip"))
        self.send(200, body, ctype, extra)

    def do_GET(self):
        self.log_request_line()
        path = urlsplit(self.path).path if "://" in self.path else self.path
        parts = path.strip("/").split("/")
        head = parts[0]
        arg = parts[1] if len(parts) > 1 else ""
        if head == "f":
            return self.fixture(arg)
        if head == "gzip":
            return self.fixture(arg, gz=True)
        if head == "redirect":
            n = int(arg or 0)
            return self.redirect("/redirect/%d" % (n - 1) if n > 0
                                 else "/f/05-amp.html")
        if head == "loop":
            return self.redirect("/loop/b" if arg == "a" else "/loop/a")
        if head == "to-file":
            return self.redirect("file:///etc/passwd")
        if head == "status":
            code = int(arg)
            return self.send(code, b"<html><body><h1>Error %d</h1><p>"
                             b"Something went wrong here.</p></body></html>" % code)
        if head == "empty":
            return self.send(int(arg), b"", ctype=None)
        if head == "pdf":
            return self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
        if head == "slow":
            def trickle():
                yield b"<html><body><p>"
                for _ in range(120):
                    time.sleep(1)
                    yield b"x"
            return self.stream(trickle())
        if head == "bomb":
            return self.send(200, BOMB, "text/html",
                             [("Content-Encoding", "gzip")])
        if head == "big":
            n = 50 * 1000 * 1000 // len(PARA) + 1
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(n * len(PARA)))
            self.end_headers()
            try:
                for _ in range(n // 1000):
                    self.wfile.write(PARA * 1000)
                self.wfile.write(PARA * (n % 1000))
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
                pass
            return
        if head == "big-chunked":
            n = 50 * 1000 * 1000 // len(PARA) // 1000 + 1
            return self.stream(PARA * 1000 for _ in range(n))
        if head == "deep":
            body = (b"<html><head><title>Deep</title></head><body>"
                    + b"<div>" * 10000
                    + b"<p>The deepest paragraph of the page is still read, "
                      b"word for word, by the extractor.</p>"
                    + b"</div>" * 10000 + b"</body></html>")
            return self.send(200, body)
        if head == "wrong-charset":
            return self.send(200, "<html><body><h1>Caf\u00e9 closes</h1><p>The "
                             "caf\u00e9 on the corner closed on Monday after "
                             "forty years.</p></body></html>".encode("latin-1"),
                             "text/html; charset=utf-8")
        if head == "unknown-charset":
            return self.send(200, "<html><head><meta charset=\"windows-1252\">"
                             "</head><body><h1>Caf\u00e9 closes</h1><p>The "
                             "caf\u00e9 on the corner closed on Monday after "
                             "forty years.</p></body></html>".encode("cp1252"),
                             "text/html; charset=x-no-such-charset")
        if head == "hostile":
            return self.send(200, b"<html><head><title>Hostile</title></head>"
                             b"<body><h1>Hostile page</h1><script>alert(1)</script>"
                             b"<p>Text with an escape \x1b[31mred\x1b[0m and &#27;[2J "
                             b"a clear, a bell \x07 and a <a href=\"javascript:alert(2)\">"
                             b"script link</a> in a long enough paragraph.</p>"
                             b"<p><a href=\"data:text/html;base64,PHA+\">data link</a></p>"
                             b"</body></html>")
        return self.send(404, b"<p>unknown route</p>")

    do_HEAD = do_GET


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that gives up (the cap, a cancel) resets its connection:
        # expected here, not worth a traceback.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    global ROOT, LOG, BOMB
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--portfile", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    a = ap.parse_args()
    ROOT, LOG = a.root, a.log
    BOMB = make_bomb()
    servers = [("http", Server(("127.0.0.1", 0), Handler))]
    if a.cert:
        s = Server(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.cert, a.key)
        s.socket = ctx.wrap_socket(s.socket, server_side=True)
        servers.append(("https", s))
    for _, s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = a.portfile + ".tmp"
    with open(tmp, "w") as f:
        for scheme, s in servers:
            f.write("%s %d\n" % (scheme, s.server_address[1]))
    os.rename(tmp, a.portfile)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
