/*
 * extract.h: the article in a web page, as a browser's reader view finds
 * it, turned into artread's plain-text article: the headline as the
 * first paragraph, then the byline, the dates and the site/URL as short
 * paragraphs of their own, then the body, paragraphs separated by blank
 * lines.  In the body a subhead is a paragraph; list items are lines
 * starting "• " (or "1. "); a table row is a paragraph of cells joined
 * by " | "; a block quote's paragraphs start with "> "; a figure caption
 * is "[Caption: ...]".  Navigation, headers, footers, share and
 * subscribe boxes, adverts, cookie banners, comments, related and
 * most-read lists, scripts, styles and forms are left out.
 *
 * How the body is found (our own scoring, after studying Mozilla's
 * Readability and trafilatura): elements that are page furniture are
 * dropped by tag, ARIA role, hidden state and class/id words, unless
 * they contain the article (an itemprop=articleBody or article-body
 * class, <main>, or the <h1> that is the headline); every paragraph of
 * 25 characters or more gives points (one, one per comma, one per 100
 * characters, at most 3) to its parent, half to its grandparent and less
 * further up; containers start with points for their tag and class
 * words and keep the part of their score that is not link text.  The
 * best container, widened to a common ancestor when several near-best
 * ones share it, plus its siblings that score well, is the body.  When
 * the page's markup holds less than half the words of its JSON-LD
 * articleBody, that is the body instead.
 *
 * The result is deterministic: the same bytes give the same text.
 * No curses here; only web.h's callers and the tests use this.
 */
#ifndef ARTREAD_EXTRACT_H
#define ARTREAD_EXTRACT_H

#include <stddef.h>

#include "artread/webmeta.h"

struct html_page;

struct extract_result {
	struct webmeta	 meta;
	char		*text;		/* the plain-text article */
	size_t		 len;
	size_t		 body_start;	/* where the body starts in text */
	const char	*charset;	/* the encoding the page was read in */
	int		 body_from_jsonld;
};

/*
 * Extract the article from a page's bytes.  http_charset: the charset of
 * the Content-Type header (NULL if none); page_url: where the page came
 * from (NULL for a file), to resolve relative URLs.  Returns 0; or -1
 * with *cause set (see html_parse).  Undecodable bytes come out as the
 * bytes they were (charset.h).
 */
int extract_article(const char *bytes, size_t len, const char *http_charset,
    const char *page_url, struct extract_result *r, char **cause);
void extract_result_free(struct extract_result *r);

/*
 * The body of a parsed page (m gives the headline and byline, so they are
 * not repeated in it): a new string of *len bytes, undecodable bytes
 * still escaped.
 */
char *extract_body(const struct html_page *p, const struct webmeta *m,
    size_t *len);

#endif
