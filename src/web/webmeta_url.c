/*
 * webmeta_url.c: URLs a page declares (webmeta.h): made absolute with
 * libxml2's RFC 3986 resolver, http and https only; and whether a
 * canonical URL is on the host the page came from.
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

/* The host part of an http(s) URL: its start and length. */
static const char *
url_host(const char *url, size_t *len)
{
	const char *h = strstr(url, "://"), *at, *end;

	if (h == NULL)
		return NULL;
	h += 3;
	end = h + strcspn(h, "/?#");
	at = memchr(h, '@', (size_t)(end - h));
	if (at != NULL)
		h = at + 1;
	*len = strcspn(h, ":/?#");
	if (*len > (size_t)(end - h))
		*len = (size_t)(end - h);
	if (*len > 4 && strncasecmp(h, "www.", 4) == 0) {
		h += 4;
		*len -= 4;
	}
	return h;
}

int
webmeta_same_host(const char *a, const char *b)
{
	const char *ha, *hb;
	size_t la, lb;

	if (!http_url(a) || !http_url(b) ||
	    (ha = url_host(a, &la)) == NULL || (hb = url_host(b, &lb)) == NULL)
		return 0;
	return la == lb && la > 0 && strncasecmp(ha, hb, la) == 0;
}

const char *
webmeta_key_url(const struct webmeta *m, const char *page_url)
{
	if (m->canonical != NULL &&
	    (page_url == NULL || webmeta_same_host(m->canonical, page_url)))
		return m->canonical;
	return page_url;
}
