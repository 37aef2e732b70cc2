/*
 * webmeta_url.c: URLs a page declares (webmeta.h): made absolute with
 * libxml2's RFC 3986 resolver, http and https only; and whether a
 * canonical URL is on the host and port the page came from.
 */
#include "artread/webmeta.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "artread/html.h"
#include "artread/util.h"
#include "webmeta_int.h"

/* Is s a URL (a byline "name" that is an author page)? */
int
webmeta_looks_like_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
	    strncmp(s, "//", 2) == 0 || strncmp(s, "www.", 4) == 0;
}

static int
http_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

/* Does s start with a scheme ("javascript:", "data:")? */
static int
has_scheme(const char *s)
{
	size_t i = 0;

	if (!isalpha((unsigned char)s[0]))
		return 0;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.')
		i++;
	return s[i] == ':';
}

char *
webmeta_abs_url(const char *href, const char *base)
{
	xmlChar *built;
	char *s, *out = NULL;

	if (href == NULL)
		return NULL;
	s = xstrdup(href);
	html_squeeze(s);
	if (*s == '\0' || strchr(s, ' ') != NULL ||
	    (has_scheme(s) && !http_url(s))) {
		free(s);
		return NULL;
	}
	if (http_url(s))
		return s;
	if (base == NULL || !http_url(base)) {
		/* "//host/path" without a base: the web's default. */
		out = strncmp(s, "//", 2) == 0 ? xasprintf("https:%s", s) : NULL;
		free(s);
		return out;
	}
	built = xmlBuildURI((const xmlChar *)s, (const xmlChar *)base);
	free(s);
	if (built != NULL && http_url((const char *)built))
		out = xstrdup((const char *)built);
	xmlFree(built);
	return out;
}

/* The host part of an http(s) URL (an IPv6 address with its brackets):
 * its start and length. */
static const char *
url_host(const char *url, size_t *len)
{
	const char *h = strstr(url, "://"), *at, *end, *close;

	if (h == NULL)
		return NULL;
	h += 3;
	end = h + strcspn(h, "/?#");
	at = memchr(h, '@', (size_t)(end - h));
	if (at != NULL)
		h = at + 1;
	if (*h == '[' && (close = memchr(h, ']', (size_t)(end - h))) != NULL)
		*len = (size_t)(close + 1 - h);
	else
		*len = strcspn(h, ":/?#");
	if (*len > (size_t)(end - h))
		*len = (size_t)(end - h);
	return h;
}

/* The port a URL's host is reached on: the one written, else its
 * scheme's (80, 443); -1 if what is written is not a port. */
static long
url_port(const char *url, const char *host, size_t hlen)
{
	const char *p = host + hlen;
	long port = 0;

	if (*p != ':' || p[1] == '/' || p[1] == '?' || p[1] == '#' ||
	    p[1] == '\0')
		return strncasecmp(url, "https:", 6) == 0 ? 443 : 80;
	for (p++; *p >= '0' && *p <= '9' && port <= 65535; p++)
		port = port * 10 + (*p - '0');
	return (*p == '\0' || *p == '/' || *p == '?' || *p == '#') &&
	    port <= 65535 ? port : -1;
}

/* A scheme's own port counts as none: http://a and https://a are the
 * same site, http://a:8080 another server on it. */
static int
default_port(long port)
{
	return port == 80 || port == 443;
}

static int
same_port(const char *a, const char *ha, size_t la, const char *b,
    const char *hb, size_t lb)
{
	long pa = url_port(a, ha, la), pb = url_port(b, hb, lb);

	if (pa < 0 || pb < 0)
		return 0;
	return pa == pb || (default_port(pa) && default_port(pb));
}

/* A host without a "www." prefix. */
static const char *
bare_host(const char *h, size_t *len)
{
	if (*len > 4 && strncasecmp(h, "www.", 4) == 0) {
		*len -= 4;
		return h + 4;
	}
	return h;
}

int
webmeta_same_host(const char *a, const char *b)
{
	const char *ha, *hb, *ba, *bb;
	size_t la, lb, bla, blb;

	if (!http_url(a) || !http_url(b) ||
	    (ha = url_host(a, &la)) == NULL || (hb = url_host(b, &lb)) == NULL)
		return 0;
	bla = la;
	blb = lb;
	ba = bare_host(ha, &bla);
	bb = bare_host(hb, &blb);
	return bla == blb && bla > 0 && strncasecmp(ba, bb, bla) == 0 &&
	    same_port(a, ha, la, b, hb, lb);
}

const char *
webmeta_key_url(const struct webmeta *m, const char *page_url)
{
	if (m->canonical != NULL &&
	    (page_url == NULL || webmeta_same_host(m->canonical, page_url)))
		return m->canonical;
	return page_url;
}
