/*
 * extract_class.c: what an element's class and id words say about it.
 * The words are split at every character that is not a letter or digit
 * ("td-post-content" is td, post, content; camelCase is not split, so a
 * generated name like "bXAdQk" never reads as "ad").  A pattern is one
 * word or a run of consecutive words ("most read"); a few long words are
 * also found inside compound words ("jp-relatedposts").  The lists are
 * our own, after the words Readability and trafilatura look for.
 */
#include "extract_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS	24

#define B	(CLS_BOILER | CLS_NEGATIVE)
#define H	CLS_HIDDEN
#define S	CLS_STRONG
#define P	CLS_POSITIVE
#define N	CLS_NEGATIVE
#define C	CLS_CAPTION

struct pattern {
	const char	*first;		/* the first word */
	const char	*rest;		/* the words after it ("" for none) */
	unsigned	 cls;
};

/* Sorted by first word (checked by the unit tests). */
static const struct pattern patterns[] = {
	{ "about", "author", B },
	{ "ad", "", B },
	{ "adbox", "", B },
	{ "ads", "", B },
	{ "adsbygoogle", "", B },
	{ "adslot", "", B },
	{ "adunit", "", B },
	{ "adv", "", B },
	{ "advert", "", B },
	{ "advertisement", "", B },
	{ "advertising", "", B },
	{ "adverts", "", B },
	{ "also", "read", B },
	{ "arcad", "", B },
	{ "article", "", P },
	{ "article", "body", S },
	{ "article", "content", S },
	{ "article", "text", S },
	{ "articlebody", "", S },
	{ "articlecontent", "", S },
	{ "articletext", "", S },
	{ "author", "", B },
	{ "banner", "", B },
	{ "barrier", "", B },
	{ "blog", "", P },
	{ "body", "", P },
	{ "body", "markup", S },
	{ "body", "text", S },
	{ "breadcrumb", "", B },
	{ "breadcrumbs", "", B },
	{ "byline", "", B },
	{ "caption", "", C },
	{ "comment", "", B },
	{ "commentlist", "", B },
	{ "comments", "", B },
	{ "consent", "", B },
	{ "content", "", P },
	{ "content", "body", S },
	{ "cookie", "", B },
	{ "cookies", "", B },
	{ "copyright", "", B },
	{ "date", "", B },
	{ "dfp", "", B },
	{ "disqus", "", B },
	{ "donate", "", B },
	{ "embed", "", B },
	{ "entry", "", P },
	{ "entry", "content", S },
	{ "field", "name body", S },
	{ "footer", "", B },
	{ "gdpr", "", B },
	{ "gh", "content", S },
	{ "hentry", "", P },
	{ "hidden", "", N },
	{ "main", "", P },
	{ "masthead", "", B },
	{ "menu", "", B },
	{ "meta", "", B },
	{ "metadata", "", B },
	{ "modal", "", B },
	{ "more", "", B },
	{ "most", "popular", B },
	{ "most", "read", B },
	{ "mostpopular", "", B },
	{ "mostread", "", B },
	{ "nav", "", B },
	{ "navbar", "", B },
	{ "navigation", "", B },
	{ "newsletter", "", B },
	{ "onetrust", "", B },
	{ "outbrain", "", B },
	{ "overlay", "", B },
	{ "page", "", P },
	{ "pager", "", B },
	{ "pagination", "", B },
	{ "popular", "", B },
	{ "popup", "", B },
	{ "post", "", P },
	{ "post", "body", S },
	{ "post", "content", S },
	{ "post", "entry", S },
	{ "post", "text", S },
	{ "postbody", "", S },
	{ "postcontent", "", S },
	{ "promo", "", B },
	{ "promoted", "", B },
	{ "promotion", "", B },
	{ "reaction", "", B },
	{ "reactions", "", B },
	{ "read", "also", B },
	{ "read", "more", B },
	{ "readmore", "", B },
	{ "recirc", "", B },
	{ "recommendations", "", B },
	{ "recommended", "", B },
	{ "regwall", "", B },
	{ "related", "", B },
	{ "relatedposts", "", B },
	{ "reply", "", B },
	{ "screen", "reader", H },
	{ "share", "", B },
	{ "sharedaddy", "", B },
	{ "shares", "", B },
	{ "sharing", "", B },
	{ "sidebar", "", B },
	{ "signup", "", B },
	{ "skip", "", B },
	{ "social", "", B },
	{ "sponsor", "", B },
	{ "sponsored", "", B },
	{ "sr", "only", H },
	{ "story", "", P },
	{ "story", "body", S },
	{ "story", "content", S },
	{ "story", "text", S },
	{ "storybody", "", S },
	{ "subscribe", "", B },
	{ "subscription", "", B },
	{ "taboola", "", B },
	{ "tags", "", B },
	{ "text", "", P },
	{ "ticker", "", B },
	{ "timestamp", "", B },
	{ "toolbar", "", B },
	{ "trending", "", B },
	{ "visually", "hidden", H },
	{ "visuallyhidden", "", H },
	{ "widget", "", B },
	{ "widgets", "", B },
	{ "zergnet", "", B },
};

/* Found inside longer words ("jp-relatedposts", "commentlist2"). */
static const char *const boiler_parts[] = { "advert", "breadcrumb",
    "comment", "consent", "cookie", "mostread", "newsletter", "outbrain",
    "popular", "readmore", "recommend", "related", "sharing", "sidebar",
    "sponsor", "subscri", "taboola", "trending", NULL };

/* Whole class names that hide an element. */
static const char *const hiding[] = { "hidden", "hide", "is-hidden",
    "invisible", "d-none", "u-hidden", NULL };

struct words {
	char		 buf[512];
	const char	*w[MAX_WORDS];
	size_t		 n;
};

static void
split_words(const char *s, struct words *ws)
{
	size_t i = 0, start;

	for (; *s != '\0' && i + 2 < sizeof ws->buf; s++) {
		unsigned char c = (unsigned char)*s;

		ws->buf[i++] = isalnum(c) ? (char)tolower(c) : '\0';
	}
	ws->buf[i] = '\0';
	ws->n = 0;
	for (start = 0; start < i && ws->n < MAX_WORDS; start++) {
		if (ws->buf[start] == '\0')
			continue;
		ws->w[ws->n++] = ws->buf + start;
		start += strlen(ws->buf + start);
	}
}

/* Do words w[at + 1 ...] spell rest ("name body")? */
static int
rest_matches(const struct words *ws, size_t at, const char *rest)
{
	size_t k = at + 1, len;

	while (*rest != '\0') {
		len = strcspn(rest, " ");
		if (k >= ws->n || strlen(ws->w[k]) != len ||
		    strncmp(ws->w[k], rest, len) != 0)
			return 0;
		k++;
		rest += len;
		if (*rest == ' ')
			rest++;
	}
	return 1;
}

static int
cmp_first(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pattern *)elem)->first);
}

static unsigned
word_class(const struct words *ws, size_t at)
{
	const struct pattern *p, *end = patterns + sizeof patterns /
	    sizeof patterns[0];
	const char *w = ws->w[at];
	unsigned cls = 0;
	size_t k;

	p = bsearch(w, patterns, (size_t)(end - patterns), sizeof *p, cmp_first);
	if (p != NULL) {
		while (p > patterns && strcmp(p[-1].first, w) == 0)
			p--;
		for (; p < end && strcmp(p->first, w) == 0; p++)
			if (rest_matches(ws, at, p->rest))
				cls |= p->cls;
	}
	if (strlen(w) >= 7 && strncmp(w, "commentar", 9) != 0)
		for (k = 0; boiler_parts[k] != NULL; k++)
			if (strstr(w, boiler_parts[k]) != NULL)
				cls |= B;
	return cls;
}

static unsigned
hidden_class(const char *cls)
{
	const char *p = cls;
	size_t len, k;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		len = strcspn(p, " \t\n");
		for (k = 0; hiding[k] != NULL; k++)
			if (len == strlen(hiding[k]) &&
			    strncasecmp(p, hiding[k], len) == 0)
				return H;
		p += len;
	}
	return 0;
}

static unsigned
words_class(const char *s)
{
	struct words ws;
	unsigned cls = 0;
	size_t i;

	split_words(s, &ws);
	for (i = 0; i < ws.n; i++)
		cls |= word_class(&ws, i);
	return cls;
}

unsigned
extract_class(const xmlNode *n)
{
	const char *c = html_attr(n, "class"), *id = html_attr(n, "id");
	unsigned cls = 0;

	if (c != NULL)
		cls |= words_class(c) | hidden_class(c);
	if (id != NULL)
		cls |= words_class(id);
	/* A container named both ("comment-content entry-content") is the
	 * furniture, not the article. */
	if (cls & CLS_BOILER)
		cls &= ~(unsigned)CLS_STRONG;
	return cls;
}

static unsigned
memo_slot(const char *c, const char *id)
{
	unsigned h = 2166136261u;

	for (; c != NULL && *c != '\0'; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	h = (h ^ '#') * 16777619u;
	for (; id != NULL && *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h % EXTRACT_CLASS_CACHE;
}

static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

unsigned
extract_class_memo(struct extract *x, const xmlNode *n)
{
	const char *c = html_attr(n, "class"), *id = html_attr(n, "id");
	struct extract_class_memo *m;

	if (c == NULL && id == NULL)
		return 0;
	m = &x->memo[memo_slot(c, id)];
	if (m->cls != NULL || m->id != NULL) {
		if (same(m->cls, c) && same(m->id, id))
			return m->result;
	}
	m->cls = c;
	m->id = id;
	m->result = extract_class(n);
	return m->result;
}
