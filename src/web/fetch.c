/*
 * fetch.c: one HTTP(S) GET with libcurl, with the limits fetch.h lists.
 * The write callback stops the transfer early when the answer is an
 * error status, is not HTML, or grows past the cap, so a 50 MB page or a
 * gzip bomb costs at most the cap; the progress callback checks the
 * cancel flag.  Every error is one line, made from what we know (the
 * status, the media type, the limit) rather than from curl's wording
 * where we can.
 */
#include "artread/fetch.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "artread/charset.h"
#include "artread/util.h"

#ifndef AR_VERSION
#define AR_VERSION	"0"
#endif
/* Set AR_HOMEPAGE (make HOMEPAGE=...) to name the project's page in the
 * User-Agent, as well-behaved clients do. */
#ifdef AR_HOMEPAGE
#define USER_AGENT	"artread/" AR_VERSION " (+" AR_HOMEPAGE ")"
#else
#define USER_AGENT	"artread/" AR_VERSION " (terminal news reader)"
#endif

struct transfer {
	CURL			*curl;
	const struct fetch_opts	*o;
	struct buf		 body;
	char			*why;		/* why the write callback stopped */
	char			 reason[64];	/* the status line's reason */
	int			 checked;	/* status and type looked at */
};

void
fetch_opts_init(struct fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->timeout = FETCH_TIMEOUT;
	o->max_bytes = FETCH_MAX_BYTES;
	o->max_redirects = FETCH_MAX_REDIRECTS;
}

int
fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

const char *
fetch_user_agent(void)
{
	return USER_AGENT;
}

/* A copy of s fit for one line on a terminal: controls become '?'. */
static char *
one_line(const char *s)
{
	char *c = xstrdup(s), *p;

	for (p = c; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return c;
}

/* "text/html; charset=utf-8" -> media type "text/html". */
static char *
media_type(const char *ct)
{
	size_t n = strcspn(ct, "; \t"), i;
	char *m = xstrndup(ct, n);

	for (i = 0; i < n; i++)
		if (m[i] >= 'A' && m[i] <= 'Z')
			m[i] = (char)(m[i] - 'A' + 'a');
	return m;
}

static int
is_html_type(const char *ct)
{
	char *m;
	int yes;

	if (ct == NULL || *ct == '\0')
		return 1;	/* no type: the content decides */
	m = media_type(ct);
	yes = strcmp(m, "text/html") == 0 ||
	    strcmp(m, "application/xhtml+xml") == 0;
	free(m);
	return yes;
}

static const char *
status_reason(long status, const char *from_server)
{
	switch (status) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 410: return "Gone";
	case 429: return "Too Many Requests";
	case 451: return "Unavailable For Legal Reasons";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return from_server;
	}
}

/* Is the answer one we want?  Sets t->why when not. */
static int
check_answer(struct transfer *t)
{
	long status = 0;
	char *ct = NULL;

	t->checked = 1;
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &ct);
	if (status >= 400) {
		const char *r = status_reason(status, t->reason);

		t->why = *r != '\0' ? xasprintf("HTTP %ld %s", status, r) :
		    xasprintf("HTTP %ld", status);
		return -1;
	}
	if (!is_html_type(ct)) {
		char *m = media_type(ct), *safe = one_line(m);

		t->why = xasprintf("not an HTML page (%s)", safe);
		free(safe);
		free(m);
		return -1;
	}
	return 0;
}

static size_t
on_data(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	size_t bytes = size * n;

	if (!t->checked && check_answer(t) != 0)
		return 0;
	if (t->body.len + bytes > t->o->max_bytes) {
		t->why = xasprintf("the page is larger than %zu MiB (decoded)",
		    t->o->max_bytes >> 20);
		return 0;
	}
	buf_add(&t->body, data, bytes);
	return bytes;
}

/* Keep the reason phrase of the last status line ("HTTP/1.1 404 Gone"). */
static size_t
on_header(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	size_t bytes = size * n, i = 0, k = 0;

	if (bytes > 9 && strncmp(data, "HTTP/", 5) == 0) {
		while (i < bytes && data[i] != ' ')
			i++;
		i++;
		while (i < bytes && data[i] != ' ' && data[i] != '\r')
			i++;
		if (i < bytes && data[i] == ' ')
			i++;
		while (i < bytes && data[i] != '\r' && data[i] != '\n' &&
		    k + 1 < sizeof t->reason)
			t->reason[k++] = data[i++];
		t->reason[k] = '\0';
	}
	return bytes;
}

static int
on_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut,
    curl_off_t un)
{
	const struct transfer *t = arg;

	(void)dt;
	(void)dn;
	(void)ut;
	(void)un;
	return t->o->cancel != NULL && *t->o->cancel != 0;
}

/* The CA certificates to trust: CURL_CA_BUNDLE, then SSL_CERT_FILE (as
 * the curl tool reads them); libcurl itself reads neither. */
static void
set_ca(CURL *c)
{
	const char *file = getenv("CURL_CA_BUNDLE"), *dir = getenv("SSL_CERT_DIR");

	if (file == NULL || *file == '\0')
		file = getenv("SSL_CERT_FILE");
	if (file != NULL && *file != '\0')
		curl_easy_setopt(c, CURLOPT_CAINFO, file);
	if (dir != NULL && *dir != '\0')
		curl_easy_setopt(c, CURLOPT_CAPATH, dir);
}

static void
set_options(struct transfer *t, const char *url, char *errbuf,
    struct curl_slist *headers)
{
	CURL *c = t->curl;
	long slow = t->o->timeout / 2 > 10 ? 10 : t->o->timeout / 2;

	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, t->o->max_redirects);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_TIMEOUT, t->o->timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, t->o->timeout);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, (long)FETCH_SLOW_BYTES);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, slow > 0 ? slow : 1L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)t->o->max_bytes);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	set_ca(c);
	curl_easy_setopt(c, CURLOPT_USERAGENT, USER_AGENT);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, t);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
}

/*
 * "cannot connect to HOST port N (...)", HOST as curl names it (a proxy,
 * through one): curl's own message ("Failed to connect to HOST port N
 * after 0 ms: Couldn't connect to server") counts milliseconds.
 */
static char *
cannot_connect(const char *detail)
{
	static const char failed[] = "Failed to connect to ";
	const char *what = detail + sizeof failed - 1, *after;

	if (strncmp(detail, failed, sizeof failed - 1) != 0 ||
	    (after = strstr(what, " after ")) == NULL)
		return xasprintf("cannot connect: %s", detail);
	return xasprintf("cannot connect to %.*s (no server answers there, "
	    "or no network)", (int)(after - what), what);
}

/* One line for a failed transfer. */
static char *
failure(struct transfer *t, CURLcode rc, const char *errbuf)
{
	const char *detail = *errbuf != '\0' ? errbuf : curl_easy_strerror(rc);
	char *safe = one_line(detail), *why;

	switch (rc) {
	case CURLE_WRITE_ERROR:
		why = t->why != NULL ? xstrdup(t->why) :
		    xasprintf("cannot store the page: %s", safe);
		break;
	case CURLE_ABORTED_BY_CALLBACK:
		why = xstrdup("cancelled");
		break;
	case CURLE_OPERATION_TIMEDOUT:
		why = strstr(detail, "too slow") != NULL ?
		    xasprintf("the server is too slow (under %d bytes a second)",
		    FETCH_SLOW_BYTES) :
		    xasprintf("no complete answer within %ld s", t->o->timeout);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		why = xasprintf("more than %ld redirects (a redirect loop?)",
		    t->o->max_redirects);
		break;
	case CURLE_FILESIZE_EXCEEDED:
		why = xasprintf("the page is larger than %zu MiB",
		    t->o->max_bytes >> 20);
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		why = xasprintf("TLS certificate not trusted: %s", safe);
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
		why = xasprintf("TLS error: %s", safe);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		why = xasprintf("only http and https are fetched (%s)", safe);
		break;
	case CURLE_COULDNT_CONNECT:
		why = cannot_connect(safe);
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	default:
		why = xstrdup(safe);
		break;
	}
	free(safe);
	return why;
}

static void
fill_result(struct transfer *t, struct fetch_result *r)
{
	char *ct = NULL, *eff = NULL, label[64];

	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &ct);
	curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &eff);
	r->url = xstrdup(eff != NULL ? eff : "");
	if (ct != NULL) {
		r->media_type = media_type(ct);
		if (charset_param(ct, label, sizeof label) == 0)
			r->charset = xstrdup(label);
	}
	r->len = t->body.len;
	r->body = buf_steal(&t->body);
}

int
fetch_url(const char *url, const struct fetch_opts *o, struct fetch_result *r,
    char **cause)
{
	static int ready;
	struct transfer t;
	struct curl_slist *headers = NULL;
	char errbuf[CURL_ERROR_SIZE];
	CURLcode rc;
	int ret = 0;

	memset(r, 0, sizeof *r);
	if (!fetch_is_url(url)) {
		*cause = xstrdup("not an http or https URL");
		return -1;
	}
	if (!ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
			*cause = xstrdup("libcurl could not start");
			return -1;
		}
		atexit(curl_global_cleanup);
		ready = 1;
	}
	memset(&t, 0, sizeof t);
	t.o = o;
	buf_init(&t.body);
	errbuf[0] = '\0';
	if ((t.curl = curl_easy_init()) == NULL)
		fatalx("out of memory");
	headers = curl_slist_append(headers,
	    "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
	set_options(&t, url, errbuf, headers);
	rc = curl_easy_perform(t.curl);
	if (rc == CURLE_OK && !t.checked && check_answer(&t) != 0)
		rc = CURLE_WRITE_ERROR;		/* an empty error page */
	if (rc != CURLE_OK) {
		*cause = failure(&t, rc, errbuf);
		buf_free(&t.body);
		ret = -1;
	} else
		fill_result(&t, r);
	free(t.why);
	curl_slist_free_all(headers);
	curl_easy_cleanup(t.curl);
	return ret;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->body);
	free(r->url);
	free(r->media_type);
	free(r->charset);
	memset(r, 0, sizeof *r);
}
