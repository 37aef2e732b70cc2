/*
 * html.h: a web page parsed into a tree by libxml2's HTML parser
 * (recovering, no network, no entities beyond HTML's), after its bytes
 * were decoded to UTF-8 (charset.h); and the small questions the
 * extractor and the metadata reader ask of its elements.  Only src/web/
 * and its tests include this header (it brings libxml2's types); the
 * rest of artread reaches web pages through web.h.
 *
 * Debian's libxml2 (2.9) parses as HTML4 did.  What that means here:
 * - it stops at depth 256 and drops the rest of the page unless
 *   XML_PARSE_HUGE is given: it is given, and depth is capped by the
 *   callers instead (HTML_MAX_DEPTH: deeper elements are read as inline
 *   text of the element at the cap);
 * - it knows no HTML5 elements: a <section> stays inside an open <p>,
 *   so callers treat every block element as a paragraph boundary,
 *   wherever it is nested;
 * - <template>, <script>, <style> and <noscript> contents become nodes
 *   or text: html_tag_flags marks them HTML_NO_TEXT and every reader of
 *   text skips them;
 * - a numeric reference in the C1 range (&#146;) is the C1 control,
 *   where browsers read windows-1252 (’): html_parse rewrites such
 *   references before parsing, as browsers do.
 */
#ifndef ARTREAD_HTML_H
#define ARTREAD_HTML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "artread/charset.h"

struct buf;

/* Elements nested deeper than this are read as inline text. */
#define HTML_MAX_DEPTH		256
/* A page with more tags than this is refused (memory is bounded). */
#define HTML_MAX_TAGS		1000000

/*
 * The elements the readers care about: X(NAME, "tag", flags).  Other
 * elements (and unknown ones) are HTML_TAG_OTHER and read as inline.
 */
#define HTML_TAGS(X)							\
	X(A,		"a",		0)				\
	X(ADDRESS,	"address",	HTML_BLOCK)			\
	X(AMP_IMG,	"amp-img",	0)				\
	X(APPLET,	"applet",	HTML_NO_TEXT)			\
	X(ARTICLE,	"article",	HTML_BLOCK)			\
	X(ASIDE,	"aside",	HTML_BLOCK)			\
	X(AUDIO,	"audio",	HTML_NO_TEXT)			\
	X(BASE,		"base",		HTML_NO_TEXT)			\
	X(BLOCKQUOTE,	"blockquote",	HTML_BLOCK)			\
	X(BODY,		"body",		HTML_BLOCK)			\
	X(BR,		"br",		0)				\
	X(BUTTON,	"button",	HTML_NO_TEXT)			\
	X(CANVAS,	"canvas",	HTML_NO_TEXT)			\
	X(CAPTION,	"caption",	HTML_BLOCK)			\
	X(CENTER,	"center",	HTML_BLOCK)			\
	X(DD,		"dd",		HTML_BLOCK)			\
	X(DETAILS,	"details",	HTML_BLOCK)			\
	X(DIALOG,	"dialog",	HTML_BLOCK)			\
	X(DIR,		"dir",		HTML_BLOCK)			\
	X(DIV,		"div",		HTML_BLOCK)			\
	X(DL,		"dl",		HTML_BLOCK)			\
	X(DT,		"dt",		HTML_BLOCK)			\
	X(EMBED,	"embed",	HTML_NO_TEXT)			\
	X(FIELDSET,	"fieldset",	HTML_BLOCK)			\
	X(FIGCAPTION,	"figcaption",	HTML_BLOCK)			\
	X(FIGURE,	"figure",	HTML_BLOCK)			\
	X(FOOTER,	"footer",	HTML_BLOCK)			\
	X(FORM,		"form",		HTML_BLOCK)			\
	X(FRAME,	"frame",	HTML_NO_TEXT)			\
	X(FRAMESET,	"frameset",	HTML_NO_TEXT)			\
	X(H1,		"h1",		HTML_BLOCK | HTML_HEADING)	\
	X(H2,		"h2",		HTML_BLOCK | HTML_HEADING)	\
	X(H3,		"h3",		HTML_BLOCK | HTML_HEADING)	\
	X(H4,		"h4",		HTML_BLOCK | HTML_HEADING)	\
	X(H5,		"h5",		HTML_BLOCK | HTML_HEADING)	\
	X(H6,		"h6",		HTML_BLOCK | HTML_HEADING)	\
	X(HEAD,		"head",		HTML_NO_TEXT)			\
	X(HEADER,	"header",	HTML_BLOCK)			\
	X(HGROUP,	"hgroup",	HTML_BLOCK)			\
	X(HR,		"hr",		HTML_BLOCK)			\
	X(HTML,		"html",		HTML_BLOCK)			\
	X(IFRAME,	"iframe",	HTML_NO_TEXT)			\
	X(IMG,		"img",		0)				\
	X(INPUT,	"input",	HTML_NO_TEXT)			\
	X(LABEL,	"label",	0)				\
	X(LEGEND,	"legend",	HTML_BLOCK)			\
	X(LI,		"li",		HTML_BLOCK)			\
	X(LINK,		"link",		HTML_NO_TEXT)			\
	X(MAIN,		"main",		HTML_BLOCK)			\
	X(MAP,		"map",		HTML_NO_TEXT)			\
	X(MATH,		"math",		HTML_NO_TEXT)			\
	X(MENU,		"menu",		HTML_BLOCK)			\
	X(META,		"meta",		HTML_NO_TEXT)			\
	X(NAV,		"nav",		HTML_BLOCK)			\
	X(NOFRAMES,	"noframes",	HTML_NO_TEXT)			\
	X(NOSCRIPT,	"noscript",	HTML_NO_TEXT)			\
	X(OBJECT,	"object",	HTML_NO_TEXT)			\
	X(OL,		"ol",		HTML_BLOCK)			\
	X(OPTION,	"option",	HTML_NO_TEXT)			\
	X(P,		"p",		HTML_BLOCK)			\
	X(PICTURE,	"picture",	HTML_NO_TEXT)			\
	X(PRE,		"pre",		HTML_BLOCK)			\
	X(SCRIPT,	"script",	HTML_NO_TEXT)			\
	X(SECTION,	"section",	HTML_BLOCK)			\
	X(SELECT,	"select",	HTML_NO_TEXT)			\
	X(SMALL,	"small",	0)				\
	X(STYLE,	"style",	HTML_NO_TEXT)			\
	X(SUMMARY,	"summary",	HTML_BLOCK)			\
	X(SVG,		"svg",		HTML_NO_TEXT)			\
	X(TABLE,	"table",	HTML_BLOCK)			\
	X(TBODY,	"tbody",	HTML_BLOCK)			\
	X(TD,		"td",		HTML_BLOCK)			\
	X(TEMPLATE,	"template",	HTML_NO_TEXT)			\
	X(TEXTAREA,	"textarea",	HTML_NO_TEXT)			\
	X(TFOOT,	"tfoot",	HTML_BLOCK)			\
	X(TH,		"th",		HTML_BLOCK)			\
	X(THEAD,	"thead",	HTML_BLOCK)			\
	X(TIME,		"time",		0)				\
	X(TITLE,	"title",	HTML_NO_TEXT)			\
	X(TR,		"tr",		HTML_BLOCK)			\
	X(UL,		"ul",		HTML_BLOCK)			\
	X(VIDEO,	"video",	HTML_NO_TEXT)

enum html_tag_flag {
	HTML_BLOCK	= 1 << 0,	/* a paragraph boundary */
	HTML_HEADING	= 1 << 1,
	HTML_NO_TEXT	= 1 << 2,	/* its content is never text to read */
};

enum html_tag {
	HTML_TAG_OTHER,
#define HTML_TAG_ENUM(name, str, flags) HTML_TAG_##name,
	HTML_TAGS(HTML_TAG_ENUM)
#undef HTML_TAG_ENUM
	HTML_TAG_AMP_CHROME,	/* amp-ad, amp-sidebar, amp-consent, ... */
	HTML_TAG__COUNT
};

struct html_page {
	xmlDoc			*doc;		/* never NULL after html_parse */
	struct charset_guess	 charset;	/* how the bytes were read */
};

/*
 * Parse a page.  http_charset: the charset the HTTP header declared, or
 * NULL.  Returns 0; or -1 with *cause (a page with more than
 * HTML_MAX_TAGS tags).
 */
int html_parse(const char *bytes, size_t len, const char *http_charset,
    struct html_page *p, char **cause);
void html_page_free(struct html_page *p);

/* The <body> (or the root element, or NULL for an empty page). */
xmlNode *html_body(const struct html_page *p);
/* The <head>, or NULL. */
xmlNode *html_head(const struct html_page *p);

enum html_tag html_tag(const xmlNode *n);	/* OTHER for non-elements */
unsigned html_tag_flags(enum html_tag t);

/* An attribute's value (names are lower case), or NULL.  Not a copy. */
const char *html_attr(const xmlNode *n, const char *name);

/*
 * The next element after n in document order within root (n's children
 * first when descend is set); NULL at the end.  No recursion.
 */
xmlNode *html_next(const xmlNode *root, const xmlNode *n, int descend);

/*
 * Append n's text to out, white space collapsed to single spaces and
 * elements with HTML_NO_TEXT skipped (a space at each block boundary).
 * Not trimmed.
 */
void html_text(const xmlNode *n, struct buf *out);
/* The same as a new trimmed string. */
char *html_text_dup(const xmlNode *n);
/* The same, or NULL when the text is longer than max bytes (it stops
 * reading there: cheap on big elements). */
char *html_text_short(const xmlNode *n, size_t max);

/*
 * Decode HTML character references (&amp; &eacute; &#8217; &#x2019;)
 * in s: a new string.  For values that were not parsed as HTML (JSON-LD).
 */
char *html_unescape(const char *s);

/* Is c ASCII white space (HTML's)? */
int html_is_space(int c);
/* Collapse runs of ASCII white space to one space and trim, in place;
 * returns s. */
char *html_squeeze(char *s);

#endif
