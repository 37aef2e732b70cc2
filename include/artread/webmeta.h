/*
 * webmeta.h: what a web page says about its article: headline, byline,
 * dates, site name and canonical URL.  Declarations come first, in this
 * order: JSON-LD (a NewsArticle, Article, BlogPosting, ... object, also
 * inside @graph arrays, with @id references followed), then Open Graph
 * and <meta> names (article:published_time, parsely-*, dc.*, author...),
 * then the markup (schema.org microdata, <h1>, a "By ..." line, a
 * <time>, a written date, <title>).  Dates are normalised to ISO 8601;
 * URLs are made absolute, and only http and https are accepted
 * (javascript:, data: and the rest are ignored).
 */
#ifndef ARTREAD_WEBMETA_H
#define ARTREAD_WEBMETA_H

#include <stddef.h>

struct html_page;

struct webmeta {
	char	 *title;		/* NULL: none found */
	char	**byline;		/* names, in order */
	size_t	  nbyline;
	char	 *published;		/* ISO 8601, or NULL */
	char	 *modified;
	char	 *site;
	char	 *canonical;		/* absolute http(s) URL, or NULL */
	char	 *ld_body;		/* JSON-LD articleBody, or NULL */
};

/*
 * Read the metadata of a parsed page.  page_url (the URL it was fetched
 * from, or NULL) resolves relative URLs.
 */
void webmeta_read(const struct html_page *p, const char *page_url,
    struct webmeta *m);
void webmeta_free(struct webmeta *m);

/*
 * A date as ISO 8601 into out (at least 32 bytes): "2026-03-04",
 * "2026-03-04T10:15:00", "2026-03-04T10:15:00Z" or with "+01:00".
 * Reads ISO 8601 and its variants ("2026-03-04 10:15", "+0100",
 * fractions), RFC 2822 ("Wed, 04 Mar 2026 10:15:00 GMT"), English
 * written dates ("4 March 2026", "March 4, 2026", found inside a longer
 * text) and 2026年3月4日.  0, or -1 when no date is found.
 */
int webmeta_date(const char *in, char *out, size_t outsz);

/*
 * Split a byline ("By Ann Lee, Bo Ma and Cy Ng") into names (without
 * "By", roles such as "Staff writer", duplicates or URLs).  Returns the
 * number of names; *names is a new array of new strings (free with
 * util_free_list).
 */
size_t webmeta_names(const char *byline, char ***names);

/*
 * href as an absolute http(s) URL against base (may be NULL), or NULL
 * when it is empty, relative without a base, or of another scheme.
 */
char *webmeta_abs_url(const char *href, const char *base);

/*
 * Do two http(s) URLs name the same server: the same host (case and a
 * "www." prefix aside) and the same port, a scheme's own port (80 for
 * http, 443 for https, written or not) counting as none, so that
 * http://a.example/ and https://a.example:443/ are one site and
 * http://a.example:8080/ another?  A page's canonical URL is only taken
 * as its identity when it is on the server the page came from.
 */
int webmeta_same_host(const char *a, const char *b);

/*
 * The URL that names the article: the canonical URL when it is on
 * page_url's host and port (webmeta_same_host; or page_url is NULL: a file), else page_url.  NULL
 * when there is neither.  Not a copy.
 */
const char *webmeta_key_url(const struct webmeta *m, const char *page_url);

#endif
