/*
 * webmeta.c: the metadata a page declares (see webmeta.h).  Every
 * source offers values for the fields with a rank; the lowest rank wins,
 * so the order of the sources is written down once, in the RANK_ values.
 * Bylines are split in webmeta_names.c, URLs checked in webmeta_url.c,
 * dates read in webmeta_date.c.
 */
#include "artread/webmeta.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "artread/html.h"
#include "artread/util.h"
#include "webmeta_int.h"

/* Where a value came from: lower wins. */
enum {
	RANK_LINK = 0,		/* <link rel=canonical> */
	RANK_JSONLD = 10,
	RANK_META = 20,		/* + the name's place in its list */
	RANK_MICRODATA = 60,
	RANK_MARKUP = 80,
	RANK_NONE = 1000,
};

enum field {
	F_TITLE, F_PUBLISHED, F_MODIFIED, F_SITE, F_CANONICAL, F__STRINGS,
};

struct state {
	char		*value[F__STRINGS];
	int		 rank[F__STRINGS];
	char		**names;		/* the byline */
	size_t		 nnames;
	int		 names_rank;
	char		*ld_body;
	const char	*base;			/* for relative URLs */
	json_t		*graph[64];		/* JSON-LD objects, for @id */
	size_t		 ngraph;
};

/* <meta> names (property or name, lower case) for each field, best first. */
static const char *const meta_title[] = { "og:title", "twitter:title",
    "parsely-title", "sailthru.title", "dc.title", "dcterms.title", NULL };
static const char *const meta_author[] = { "author", "parsely-author",
    "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
    "byl", "citation_author", NULL };
static const char *const meta_published[] = { "article:published_time",
    "og:published_time", "parsely-pub-date", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
    "sailthru.date", "citation_publication_date", "datepublished", NULL };
static const char *const meta_modified[] = { "article:modified_time",
    "og:updated_time", "dcterms.modified", "dc.date.modified",
    "datemodified", NULL };
static const char *const meta_site[] = { "og:site_name", "application-name",
    NULL };
static const char *const meta_url[] = { "og:url", "parsely-link",
    "twitter:url", NULL };

/* schema.org types of an article. */
static const char *const article_types[] = { "Article", "NewsArticle",
    "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "TechArticle", "Report", "BlogPosting", "LiveBlogPosting",
    "SocialMediaPosting", "AdvertiserContentArticle",
    "DiscussionForumPosting", NULL };

static int
in_list(const char *const *list, const char *s, size_t n)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
			return (int)i;
	return -1;
}

/* "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle". */
static int
is_article_type(const char *t)
{
	const char *p = strrchr(t, '/'), *c = strrchr(t, ':');

	if (p == NULL || (c != NULL && c > p))
		p = c;
	p = p != NULL ? p + 1 : t;
	return in_list(article_types, p, strlen(p)) >= 0;
}

/* ---- offering values ---------------------------------------------------- */

/* A clean copy of a text value: entities decoded when asked, white space
 * squeezed; NULL when nothing is left. */
static char *
clean_text(const char *s, int unescape)
{
	char *t;

	if (s == NULL)
		return NULL;
	t = unescape ? html_unescape(s) : xstrdup(s);
	html_squeeze(t);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

static void
offer(struct state *st, enum field f, int rank, const char *raw, int unescape)
{
	char date[40], *v;

	if (rank >= st->rank[f] || (v = clean_text(raw, unescape)) == NULL)
		return;
	if (f == F_PUBLISHED || f == F_MODIFIED) {
		if (webmeta_date(v, date, sizeof date) != 0) {
			free(v);
			return;
		}
		free(v);
		v = xstrdup(date);
	} else if (f == F_CANONICAL) {
		char *abs = webmeta_abs_url(v, st->base);

		free(v);
		if ((v = abs) == NULL)
			return;
	} else if (f == F_SITE && webmeta_looks_like_url(v)) {
		free(v);
		return;
	}
	free(st->value[f]);
	st->value[f] = v;
	st->rank[f] = rank;
}

static void
offer_names(struct state *st, int rank, char **names, size_t n)
{
	if (n == 0 || rank >= st->names_rank) {
		util_free_list(names, n);
		return;
	}
	util_free_list(st->names, st->nnames);
	st->names = names;
	st->nnames = n;
	st->names_rank = rank;
}

static void
offer_byline(struct state *st, int rank, const char *raw, int unescape)
{
	char *v = clean_text(raw, unescape), **names;
	size_t n;

	if (v == NULL || rank >= st->names_rank) {
		free(v);
		return;
	}
	n = webmeta_names(v, &names);
	free(v);
	offer_names(st, rank, names, n);
}

/* ---- JSON-LD ------------------------------------------------------------ */

static const char *
json_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* An {"@id": ...} reference, followed to the object in the graph. */
static json_t *
resolve(struct state *st, json_t *v)
{
	const char *id;
	size_t i;

	if (!json_is_object(v) || json_object_get(v, "name") != NULL ||
	    (id = json_str(v, "@id")) == NULL)
		return v;
	for (i = 0; i < st->ngraph; i++) {
		const char *gid = json_str(st->graph[i], "@id");

		if (gid != NULL && strcmp(gid, id) == 0 && st->graph[i] != v)
			return st->graph[i];
	}
	return v;
}

static int
has_article_type(json_t *o)
{
	json_t *t = json_object_get(o, "@type"), *e;
	size_t i;

	if (json_is_string(t))
		return is_article_type(json_string_value(t));
	json_array_foreach(t, i, e)
		if (json_is_string(e) && is_article_type(json_string_value(e)))
			return 1;
	return 0;
}

/* Collect the top-level objects: the value itself, array items, @graph. */
static void
collect(struct state *st, json_t *v, int depth)
{
	json_t *e;
	size_t i;

	if (depth > 3)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			collect(st, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (st->ngraph < sizeof st->graph / sizeof st->graph[0])
		st->graph[st->ngraph++] = v;
	collect(st, json_object_get(v, "@graph"), depth + 1);
}

static void
add_name(char ***names, size_t *n, const char *raw)
{
	char *v = clean_text(raw, 1), **more;
	size_t k, i;

	if (v == NULL)
		return;
	k = webmeta_names(v, &more);
	free(v);
	for (i = 0; i < k; i++) {
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = more[i];
	}
	free(more);
}

static void
ld_authors(struct state *st, json_t *v, char ***names, size_t *n, int depth)
{
	json_t *e;
	size_t i;

	if (depth > 2)
		return;
	if (json_is_string(v)) {
		add_name(names, n, json_string_value(v));
		return;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			ld_authors(st, e, names, n, depth + 1);
		return;
	}
	v = resolve(st, v);
	if (json_is_object(v) && json_str(v, "name") != NULL)
		add_name(names, n, json_str(v, "name"));
}

/* The URL of a mainEntityOfPage / url value. */
static const char *
ld_url(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v))
		return json_str(v, "@id") != NULL ? json_str(v, "@id") :
		    json_str(v, "url");
	return NULL;
}

static void
ld_article(struct state *st, json_t *a)
{
	json_t *pub;
	char **names = NULL;
	size_t n = 0;

	offer(st, F_TITLE, RANK_JSONLD, json_str(a, "headline") != NULL ?
	    json_str(a, "headline") : json_str(a, "name"), 1);
	offer(st, F_PUBLISHED, RANK_JSONLD, json_str(a, "datePublished"), 0);
	offer(st, F_MODIFIED, RANK_JSONLD, json_str(a, "dateModified"), 0);
	pub = json_object_get(a, "publisher");
	if (json_is_array(pub))
		pub = json_array_get(pub, 0);
	pub = resolve(st, pub);
	if (json_is_object(pub))
		offer(st, F_SITE, RANK_JSONLD, json_str(pub, "name"), 1);
	offer(st, F_CANONICAL, RANK_JSONLD,
	    ld_url(json_object_get(a, "mainEntityOfPage")), 0);
	offer(st, F_CANONICAL, RANK_JSONLD + 1, json_str(a, "url"), 0);
	ld_authors(st, json_object_get(a, "author"), &names, &n, 0);
	offer_names(st, RANK_JSONLD, names, n);
	if (st->ld_body == NULL && json_str(a, "articleBody") != NULL)
		st->ld_body = xstrdup(json_str(a, "articleBody"));
}

/* Text of a <script>: its text or CDATA children. */
static char *
script_text(const xmlNode *s)
{
	struct buf b;
	const xmlNode *c;

	buf_init(&b);
	for (c = s->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
		    && c->content != NULL)
			buf_adds(&b, (const char *)c->content);
	return buf_steal(&b);
}

/* Some pages put raw line breaks or tabs inside JSON strings. */
static json_t *
parse_json(char *text)
{
	json_error_t err;
	json_t *v;
	char *p;

	v = json_loads(text, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &err);
	if (v != NULL)
		return v;
	for (p = text; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return json_loads(text, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &err);
}

static int
is_ld_script(const xmlNode *n)
{
	const char *type = html_attr(n, "type");

	if (html_tag(n) != HTML_TAG_SCRIPT || type == NULL)
		return 0;
	while (html_is_space((unsigned char)*type))
		type++;
	return strncasecmp(type, "application/ld+json", 19) == 0;
}

/* Every JSON-LD block; the first article object found is the page's. */
static void
read_jsonld(struct state *st, xmlNode *root, json_t **keep, size_t nkeep)
{
	xmlNode *n;
	size_t k = 0, i;
	int done = 0;

	for (n = root; n != NULL; n = html_next(root, n, 1)) {
		char *text;
		json_t *v;

		if (n->type != XML_ELEMENT_NODE || !is_ld_script(n) || k == nkeep)
			continue;
		text = script_text(n);
		v = parse_json(text);
		free(text);
		if (v == NULL)
			continue;
		keep[k++] = v;
		collect(st, v, 0);
	}
	for (i = 0; i < st->ngraph && !done; i++)
		if (has_article_type(st->graph[i])) {
			ld_article(st, st->graph[i]);
			done = 1;
		}
}

/* ---- <meta> and <link> ------------------------------------------------- */

static void
meta_tag(struct state *st, const xmlNode *n)
{
	const char *key = html_attr(n, "property"), *content;
	size_t len;
	int i;

	if (key == NULL)
		key = html_attr(n, "name");
	content = html_attr(n, "content");
	if (key == NULL || content == NULL)
		return;
	len = strlen(key);
	if ((i = in_list(meta_title, key, len)) >= 0)
		offer(st, F_TITLE, RANK_META + i, content, 0);
	if ((i = in_list(meta_author, key, len)) >= 0 && !webmeta_looks_like_url(content))
		offer_byline(st, RANK_META + i, content, 0);
	if ((i = in_list(meta_published, key, len)) >= 0)
		offer(st, F_PUBLISHED, RANK_META + i, content, 0);
	if ((i = in_list(meta_modified, key, len)) >= 0)
		offer(st, F_MODIFIED, RANK_META + i, content, 0);
	if ((i = in_list(meta_site, key, len)) >= 0)
		offer(st, F_SITE, RANK_META + i, content, 0);
	if ((i = in_list(meta_url, key, len)) >= 0)
		offer(st, F_CANONICAL, RANK_META + i, content, 0);
}

/* Does a space-separated attribute value hold word? */
static int
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		while (html_is_space((unsigned char)*p))
			p++;
		if (strncasecmp(p, word, n) == 0 &&
		    (p[n] == '\0' || html_is_space((unsigned char)p[n])))
			return 1;
		while (*p != '\0' && !html_is_space((unsigned char)*p))
			p++;
	}
	return 0;
}

static void
read_meta(struct state *st, xmlNode *root)
{
	xmlNode *n;

	for (n = root; n != NULL; n = html_next(root, n, 1)) {
		enum html_tag t = html_tag(n);

		if (t == HTML_TAG_META && html_attr(n, "itemprop") == NULL)
			meta_tag(st, n);
		else if (t == HTML_TAG_LINK &&
		    has_word(html_attr(n, "rel"), "canonical"))
			offer(st, F_CANONICAL, RANK_LINK, html_attr(n, "href"), 0);
	}
}

/* ---- microdata ---------------------------------------------------------- */

/* The value of an itemprop element: content, datetime, href or text. */
static char *
item_value(const xmlNode *n)
{
	const char *v = html_attr(n, "content");

	if (v == NULL && html_tag(n) == HTML_TAG_TIME)
		v = html_attr(n, "datetime");
	if (v == NULL && (html_tag(n) == HTML_TAG_A ||
	    html_tag(n) == HTML_TAG_LINK))
		v = html_attr(n, "href");
	/* hAtom's <abbr class="published" title="2026-03-08T19:42:00Z">,
	 * which Blogger marks as itemprop too. */
	if (v == NULL && n->name != NULL &&
	    strcmp((const char *)n->name, "abbr") == 0)
		v = html_attr(n, "title");
	return v != NULL ? xstrdup(v) : html_text_dup(n);
}

/* The item an itemprop belongs to: the nearest itemscope above it. */
static const xmlNode *
item_owner(const xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (html_attr(n, "itemscope") != NULL)
			return n;
	return NULL;
}

static int
owned_by_article(const xmlNode *n)
{
	const xmlNode *owner = item_owner(n);
	const char *type = owner != NULL ? html_attr(owner, "itemtype") : NULL;

	return type != NULL && is_article_type(type);
}

/* The "name" property inside an item (author, publisher). */
static char *
item_name(const xmlNode *item)
{
	const xmlNode *n;

	if (html_attr(item, "itemscope") == NULL)
		return item_value(item);
	for (n = item->children != NULL ? item->children : NULL; n != NULL;
	    n = html_next(item, n, 1))
		if (n->type == XML_ELEMENT_NODE &&
		    has_word(html_attr(n, "itemprop"), "name") &&
		    item_owner(n) == item)
			return item_value(n);
	return NULL;
}

static void
item_prop(struct state *st, const xmlNode *n, const char *prop)
{
	char *v = NULL;

	if (has_word(prop, "headline"))
		offer(st, F_TITLE, RANK_MICRODATA, v = item_value(n), 0);
	else if (has_word(prop, "datePublished"))
		offer(st, F_PUBLISHED, RANK_MICRODATA, v = item_value(n), 0);
	else if (has_word(prop, "dateModified"))
		offer(st, F_MODIFIED, RANK_MICRODATA, v = item_value(n), 0);
	else if (has_word(prop, "mainEntityOfPage"))
		offer(st, F_CANONICAL, RANK_MICRODATA, v = item_value(n), 0);
	else if (has_word(prop, "publisher"))
		offer(st, F_SITE, RANK_MICRODATA, v = item_name(n), 0);
	free(v);
}

static void
read_microdata(struct state *st, xmlNode *root)
{
	char **names = NULL, *v;
	size_t nnames = 0;
	xmlNode *n;

	for (n = root; n != NULL; n = html_next(root, n, 1)) {
		const char *prop;

		if (n->type != XML_ELEMENT_NODE ||
		    (prop = html_attr(n, "itemprop")) == NULL ||
		    !owned_by_article(n))
			continue;
		if (has_word(prop, "author") && (v = item_name(n)) != NULL) {
			add_name(&names, &nnames, v);
			free(v);
		} else
			item_prop(st, n, prop);
	}
	offer_names(st, RANK_MICRODATA, names, nnames);
}

/* ---- the markup ----------------------------------------------------------- */

/* Is the element inside something that is never article text? */
static int
in_no_text(const xmlNode *n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (html_tag_flags(html_tag(n)) & HTML_NO_TEXT)
			return 1;
	return 0;
}

/* A byline by class: byline, author, writer (not an author's bio). */
static int
byline_class(const xmlNode *n)
{
	const char *c = html_attr(n, "class"), *id = html_attr(n, "id");
	char both[256];
	size_t i;

	snprintf(both, sizeof both, "%s %s", c != NULL ? c : "",
	    id != NULL ? id : "");
	for (i = 0; both[i] != '\0'; i++)
		both[i] = (char)tolower((unsigned char)both[i]);
	if (strstr(both, "bio") != NULL || strstr(both, "about") != NULL ||
	    strstr(both, "avatar") != NULL || strstr(both, "box") != NULL)
		return 0;
	return strstr(both, "byline") != NULL || strstr(both, "author") != NULL ||
	    strstr(both, "writer") != NULL ||
	    has_word(html_attr(n, "rel"), "author");
}

/* A short "By Ann Lee" line. */
static int
by_line(const char *text)
{
	return strncmp(text, "By ", 3) == 0 && isupper((unsigned char)text[3]);
}

/* Is n a byline: a byline class, or a short "By Ann Lee" text? */
static char *
byline_text(const xmlNode *n)
{
	char *text;

	if (n->type != XML_ELEMENT_NODE ||
	    (html_tag_flags(html_tag(n)) & HTML_NO_TEXT))
		return NULL;
	if (!byline_class(n) && html_tag(n) != HTML_TAG_P &&
	    html_tag(n) != HTML_TAG_OTHER && html_tag(n) != HTML_TAG_DIV)
		return NULL;
	if ((text = html_text_short(n, 80)) == NULL)
		return NULL;
	if (strlen(text) >= 3 && (byline_class(n) || by_line(text)))
		return text;
	free(text);
	return NULL;
}

/* The first byline in the page; of nested ones, the innermost. */
static void
markup_byline(struct state *st, xmlNode *body)
{
	xmlNode *n, *found = NULL;
	char *text = NULL, *inner;

	for (n = body; n != NULL && found == NULL; n = html_next(body, n, 1))
		if ((text = byline_text(n)) != NULL)
			found = n;
	for (n = found; n != NULL; n = html_next(found, n, 1)) {
		if (n == found || (inner = byline_text(n)) == NULL)
			continue;
		free(text);
		text = inner;
	}
	if (text != NULL)
		offer_byline(st, RANK_MARKUP, text, 0);
	free(text);
}

static void
markup_date(struct state *st, xmlNode *body)
{
	xmlNode *n;

	for (n = body; n != NULL; n = html_next(body, n, 1))
		if (html_tag(n) == HTML_TAG_TIME && !in_no_text(n) &&
		    html_attr(n, "datetime") != NULL) {
			offer(st, F_PUBLISHED, RANK_MARKUP, html_attr(n, "datetime"), 0);
			if (st->value[F_PUBLISHED] != NULL)
				return;
		}
	/* A written date in a short element ("Posted: 14 March 2026"). */
	for (n = body; n != NULL; n = html_next(body, n, 1)) {
		char *text, date[40];

		if (n->type != XML_ELEMENT_NODE || n == body ||
		    (html_tag_flags(html_tag(n)) & HTML_NO_TEXT))
			continue;
		if ((text = html_text_short(n, 80)) == NULL)
			continue;
		if (webmeta_date(text, date, sizeof date) == 0) {
			offer(st, F_PUBLISHED, RANK_MARKUP + 1, date, 0);
			free(text);
			return;
		}
		free(text);
	}
}

/* Separators between a headline and a site name in <title>. */
static const char *const title_seps[] = { " | ", " - ", " \xe2\x80\x93 ",
    " \xe2\x80\x94 ", " \xc2\xb7 ", " :: ", " / ", "_", "\xef\xbd\x9c", NULL };

/* Remove "SEP site" at the end or "site SEP" at the start of t. */
static void
strip_site(char *t, const char *site)
{
	size_t tl = strlen(t), sl = strlen(site), k, pl;

	if (sl == 0 || sl >= tl)
		return;
	for (k = 0; title_seps[k] != NULL; k++) {
		pl = strlen(title_seps[k]);
		if (tl > sl + pl && strcasecmp(t + tl - sl, site) == 0 &&
		    strncmp(t + tl - sl - pl, title_seps[k], pl) == 0) {
			t[tl - sl - pl] = '\0';
			return;
		}
		if (tl > sl + pl && strncasecmp(t, site, sl) == 0 &&
		    strncmp(t + sl, title_seps[k], pl) == 0) {
			memmove(t, t + sl + pl, tl - sl - pl + 1);
			return;
		}
	}
}

/* The headline part of a <title> (no site known): the part that is the
 * page's <h1>, else the longest. */
static char *
title_part(const char *title, const char *h1)
{
	const char *p = title, *best = title, *q;
	size_t bestlen = 0, pl;

	while (*p != '\0') {
		q = webmeta_first_sep(p, title_seps, &pl);
		if (q == NULL)
			q = p + strlen(p);
		if (h1 != NULL && strlen(h1) == (size_t)(q - p) &&
		    strncmp(p, h1, (size_t)(q - p)) == 0)
			return xstrdup(h1);
		if ((size_t)(q - p) > bestlen) {
			best = p;
			bestlen = (size_t)(q - p);
		}
		p = *q != '\0' ? q + pl : q;
	}
	return xstrndup(best, bestlen);
}

static xmlNode *
first_of(xmlNode *root, enum html_tag t)
{
	xmlNode *n;

	for (n = root; n != NULL; n = html_next(root, n, 1))
		if (html_tag(n) == t && !in_no_text(n))
			return n;
	return NULL;
}

static xmlNode *
child_tag(xmlNode *parent, enum html_tag t)
{
	xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next)
		if (html_tag(n) == t)
			return n;
	return NULL;
}

static void
markup_title(struct state *st, const struct html_page *p, xmlNode *body)
{
	xmlNode *h1 = first_of(body, HTML_TAG_H1), *t;
	char *h1text = h1 != NULL ? html_text_dup(h1) : NULL, *title, *part;

	if (h1text != NULL)
		offer(st, F_TITLE, RANK_MARKUP, h1text, 0);
	t = html_head(p) != NULL ? child_tag(html_head(p), HTML_TAG_TITLE) : NULL;
	if (t != NULL && st->value[F_TITLE] == NULL) {
		/* <title> is NO_TEXT for the body: read it directly. */
		struct buf b;
		xmlNode *c;

		buf_init(&b);
		for (c = t->children; c != NULL; c = c->next)
			if (c->content != NULL)
				buf_adds(&b, (const char *)c->content);
		title = html_squeeze(buf_steal(&b));
		part = title_part(title, h1text);
		offer(st, F_TITLE, RANK_MARKUP + 1, part, 0);
		free(part);
		free(title);
	}
	free(h1text);
}

static void
read_markup(struct state *st, const struct html_page *p)
{
	xmlNode *body = html_body(p);

	if (body == NULL)
		return;
	if (st->value[F_TITLE] == NULL)
		markup_title(st, p, body);
	if (st->names == NULL)
		markup_byline(st, body);
	if (st->value[F_PUBLISHED] == NULL)
		markup_date(st, body);
}

/* <base href> changes what relative URLs are relative to. */
static char *
base_url(const struct html_page *p, const char *page_url)
{
	xmlNode *root = xmlDocGetRootElement(p->doc), *n;

	for (n = root; n != NULL; n = html_next(root, n, 1))
		if (html_tag(n) == HTML_TAG_BASE && html_attr(n, "href") != NULL)
			return webmeta_abs_url(html_attr(n, "href"), page_url);
	return page_url != NULL ? xstrdup(page_url) : NULL;
}

void
webmeta_read(const struct html_page *p, const char *page_url,
    struct webmeta *m)
{
	struct state st;
	xmlNode *root = xmlDocGetRootElement(p->doc);
	json_t *keep[16];
	char *base = base_url(p, page_url);
	size_t i, nkeep = sizeof keep / sizeof keep[0];
	int f;

	memset(&st, 0, sizeof st);
	memset(m, 0, sizeof *m);
	memset(keep, 0, sizeof keep);
	for (f = 0; f < F__STRINGS; f++)
		st.rank[f] = RANK_NONE;
	st.names_rank = RANK_NONE;
	st.base = base;
	if (root != NULL) {
		read_jsonld(&st, root, keep, nkeep);
		read_meta(&st, root);
		read_microdata(&st, root);
		read_markup(&st, p);
	}
	if (st.value[F_TITLE] != NULL && st.value[F_SITE] != NULL)
		strip_site(st.value[F_TITLE], st.value[F_SITE]);
	m->title = st.value[F_TITLE];
	m->published = st.value[F_PUBLISHED];
	m->modified = st.value[F_MODIFIED];
	m->site = st.value[F_SITE];
	m->canonical = st.value[F_CANONICAL];
	m->byline = st.names;
	m->nbyline = st.nnames;
	m->ld_body = st.ld_body != NULL ? html_unescape(st.ld_body) : NULL;
	free(st.ld_body);
	for (i = 0; i < nkeep; i++)
		json_decref(keep[i]);
	free(base);
}

void
webmeta_free(struct webmeta *m)
{
	free(m->title);
	util_free_list(m->byline, m->nbyline);
	free(m->published);
	free(m->modified);
	free(m->site);
	free(m->canonical);
	free(m->ld_body);
	memset(m, 0, sizeof *m);
}
