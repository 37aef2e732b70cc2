/*
 * fetch.h: fetching a web page over HTTP(S) with libcurl.  Redirects
 * are followed (up to FETCH_MAX_REDIRECTS, http and https only); the
 * whole transfer has a time limit and a slow-server limit; gzip, deflate,
 * brotli and zstd are decoded (whatever libcurl offers) and the size cap
 * counts the decoded bytes (a small gzip bomb is stopped at the cap, which
 * CURLOPT_MAXFILESIZE alone cannot do); certificates are always verified,
 * against CURL_CA_BUNDLE or SSL_CERT_FILE (SSL_CERT_DIR) when set, else
 * the system's; proxies come from the usual environment variables
 * (http_proxy, https_proxy, no_proxy, as libcurl reads them); the
 * User-Agent names artread and its version.  Only HTML is accepted
 * (text/html, application/xhtml+xml, or no Content-Type at all).
 * No curses here, and nothing is written anywhere: the page is returned.
 */
#ifndef ARTREAD_FETCH_H
#define ARTREAD_FETCH_H

#include <signal.h>
#include <stddef.h>

#define FETCH_TIMEOUT		30		/* seconds, by default */
#define FETCH_MAX_BYTES		(16u << 20)	/* decoded page size cap */
#define FETCH_MAX_REDIRECTS	10
#define FETCH_SLOW_BYTES	100		/* bytes a second: too slow */

struct fetch_opts {
	long			 timeout;	/* seconds for everything */
	size_t			 max_bytes;
	long			 max_redirects;
	/* When set and non-zero, the transfer stops ("cancelled"); a
	 * signal handler may set it (Ctrl-C). */
	volatile sig_atomic_t	*cancel;
};

struct fetch_result {
	char	*body;		/* the decoded page, NUL-terminated */
	size_t	 len;
	char	*url;		/* the URL after redirects */
	char	*media_type;	/* "text/html" (lower case), or NULL */
	char	*charset;	/* the Content-Type's charset, or NULL */
	long	 status;	/* HTTP status of the last response */
};

/* Defaults: FETCH_TIMEOUT, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS. */
void fetch_opts_init(struct fetch_opts *o);

/* Is s an http:// or https:// URL (which artread fetches)? */
int fetch_is_url(const char *s);

/* "artread/VERSION (...)": what the User-Agent header says. */
const char *fetch_user_agent(void);

/*
 * Fetch a page.  0 with *r filled; or -1 with *cause, one line saying
 * why (a TLS error, "HTTP 404 Not Found", not HTML, too many redirects,
 * too slow, too large, cancelled, ...), and nothing in *r.
 */
int fetch_url(const char *url, const struct fetch_opts *o,
    struct fetch_result *r, char **cause);
void fetch_result_free(struct fetch_result *r);

#endif
