/*
 * web.h: the web input adapter.  It turns a URL, an HTML file or HTML on
 * standard input into artread's plain-text article and its metadata, so
 * that nothing downstream (doc, analysis, annotations, exports) needs to
 * know where the text came from: open the text with doc_from_memory()
 * and keep the metadata beside it.  HTML is recognised by its content
 * (or a .html/.htm/.xhtml name).  No curses here.
 *
 * The URL to key annotations by is web_article.key_url: the page's
 * canonical URL when it is on the host the page was fetched from (a page
 * cannot claim another site's identity), else the URL fetched; for a
 * file, the canonical URL it declares, or NULL.
 */
#ifndef ARTREAD_WEB_H
#define ARTREAD_WEB_H

#include <stddef.h>

#include "artread/fetch.h"
#include "artread/webmeta.h"

/* The largest HTML file or standard input read (as fetch's cap). */
#define WEB_MAX_BYTES	FETCH_MAX_BYTES

struct web_article {
	char		*text;		/* the plain-text article */
	size_t		 len;
	size_t		 body_start;	/* the body's offset in text */
	struct webmeta	 meta;		/* headline, byline, dates, site,
					   canonical URL, as declared */
	char		*fetched_url;	/* after redirects; NULL: not fetched */
	char		*key_url;	/* see above; may be NULL */
	const char	*charset;	/* the encoding the page was read in */
	int		 body_from_jsonld;
};

/* Is name a URL artread fetches (http:// or https://)? */
int web_is_url(const char *name);
/* Does a buffer hold HTML (by content)? */
int web_is_html(const char *bytes, size_t len);
/* Is a file or stdin ("-") an HTML page (by a look at its first bytes,
 * or its name)?  0 when it cannot be read. */
int web_file_is_html(const char *name);

/*
 * Read a URL, a file or "-" (standard input) as a web article.  fo gives
 * the fetch's limits and cancel flag (NULL: defaults).  0, or -1 with
 * *cause (one line, without the name).
 */
int web_open(const char *name, const struct fetch_opts *fo,
    struct web_article *a, char **cause);

/*
 * A web article from bytes already in hand: http_charset from the
 * Content-Type header (may be NULL), url where they came from (may be
 * NULL).
 */
int web_from_bytes(const char *bytes, size_t len, const char *http_charset,
    const char *url, struct web_article *a, char **cause);

void web_article_free(struct web_article *a);

/*
 * The article as one line of JSON (what --extract --json prints):
 * title, byline (an array of names), published, modified (ISO 8601),
 * site, url (key_url) and text (the body); null where unknown; invalid
 * UTF-8 as U+FFFD; with ascii_only, everything else escaped too.  A new
 * string.
 */
char *web_article_json(const struct web_article *a, int ascii_only);

#endif
