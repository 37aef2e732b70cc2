/*
 * extract.c: finding the article body in a parsed page and putting the
 * plain-text article together (see extract.h for the method).  The body
 * is indexed once (struct extract_el, in document order, no recursion);
 * each attempt drops furniture, counts text, scores and picks; an
 * attempt that finds less than RETRY_CHARS of text is retried with fewer
 * rules, as Readability does, and the longest result is kept.
 */
#include "artread/extract.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/charset.h"
#include "artread/html.h"
#include "artread/util.h"
#include "extract_int.h"

#define MIN_PARA	25	/* characters a paragraph needs to score */
#define LEVELS		5	/* ancestors a paragraph gives points to */
#define TOP_N		5
#define RETRY_CHARS	500
#define STRONG_SHARE	4	/* a body class on less than 1/4 of the
				   largest one's text is not the body */

/* What an attempt drops besides the never-text elements. */
enum rules {
	RULE_FURNITURE	= 1 << 0,	/* nav, aside, footer, roles, ... */
	RULE_CLASSES	= 1 << 1,	/* class and id words */
};

/* ARIA roles of page furniture. */
static const char *const furniture_roles[] = { "navigation", "banner",
    "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "alert", "marquee", "tooltip", NULL };

struct extract_el *
extract_el_of(const struct extract *x, const xmlNode *n)
{
	uintptr_t v = (uintptr_t)n->_private;

	if (v == 0 || v > x->nel || x->el[v - 1].node != n)
		return NULL;
	return &x->el[v - 1];
}

char *
extract_key(const char *s)
{
	char *k = xmalloc(strlen(s) + 1), *o = k;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x80 || (c >= '0' && c <= '9'))
			*o++ = (char)c;
		else if (c >= 'a' && c <= 'z')
			*o++ = (char)c;
		else if (c >= 'A' && c <= 'Z')
			*o++ = (char)(c - 'A' + 'a');
	}
	*o = '\0';
	return k;
}

int
extract_is_ad_label(const char *s)
{
	static const char *const labels[] = { "advertisement", "advertising",
	    "ad", "ads", "sponsored", "sponsoredcontent", "paidcontent",
	    "storycontinuesbelowadvertisement", "continuereadingbelow",
	    "articlecontinuesbelow", "anzeige", "werbung", "publicit\xc3\xa9",
	    "publicidad", "pubblicit\xc3\xa0", "reklama", "\xe5\xb9\xbf\xe5\x91\x8a",
	    "\xe5\xba\x83\xe5\x91\x8a", NULL };
	char *k;
	size_t i;
	int found = 0;

	if (strlen(s) > 60)
		return 0;
	k = extract_key(s);
	for (i = 0; labels[i] != NULL && !found; i++)
		found = strcmp(k, labels[i]) == 0;
	free(k);
	return found;
}

/* ---- the index ---------------------------------------------------------- */

static void
add_el(struct extract *x, size_t *cap, xmlNode *n, int parent, int flat)
{
	struct extract_el *e, *p;
	enum html_tag t = html_tag(n);
	unsigned fl = html_tag_flags(t);
	int i = (int)x->nel;

	if (x->nel == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		x->el = xreallocarray(x->el, *cap, sizeof *x->el);
	}
	p = parent >= 0 ? &x->el[parent] : NULL;	/* after the realloc */
	e = &x->el[x->nel++];
	memset(e, 0, sizeof *e);
	e->node = n;
	e->parent = parent;
	e->tag = t;
	e->cls = extract_class_memo(x, n);
	if ((fl & HTML_BLOCK) && !flat)
		e->flags |= EL_BLOCK;
	if (flat)
		e->flags |= EL_FLAT;
	if (t == HTML_TAG_A || (p != NULL && (p->flags & EL_IN_LINK)))
		e->flags |= EL_IN_LINK;
	if (p != NULL && ((p->flags & EL_IN_ARTICLE) || p->tag == HTML_TAG_ARTICLE ||
	    p->tag == HTML_TAG_MAIN || p->tag == HTML_TAG_SECTION))
		e->flags |= EL_IN_ARTICLE;
	if (fl & HTML_NO_TEXT)
		e->flags |= EL_DROPPED;
	e->owner = (e->flags & EL_BLOCK) || p == NULL ? i : p->owner;
	n->_private = (void *)(uintptr_t)(i + 1);
}

/* Index every element of the body, in document order. */
static void
index_body(struct extract *x, xmlNode *body)
{
	int level[HTML_MAX_DEPTH + 2];
	size_t cap = 0;
	xmlNode *n = body;
	int depth = 0;

	add_el(x, &cap, body, -1, 0);
	level[0] = 0;
	for (;;) {	/* a walk in document order; it ends back at body */
		int descend = n->type == XML_ELEMENT_NODE &&
		    !(x->el[(uintptr_t)n->_private - 1].flags & EL_DROPPED);
		xmlNode *next;

		if (descend && n->children != NULL) {
			next = n->children;
			depth++;
		} else {
			while (n != body && n->next == NULL) {
				n = n->parent;
				depth--;
			}
			if (n == body)
				break;
			next = n->next;
		}
		n = next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		add_el(x, &cap, n, level[depth <= HTML_MAX_DEPTH ? depth - 1 :
		    HTML_MAX_DEPTH], depth > HTML_MAX_DEPTH);
		if (depth <= HTML_MAX_DEPTH)
			level[depth] = (int)x->nel - 1;
	}
}

/* One key inside the other, and not much shorter: the headline with a
 * kicker or a site name around it. */
static int
similar_keys(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la == 0 || lb == 0 || (la < lb ? la * 2 < lb : lb * 2 < la))
		return 0;
	return strstr(a, b) != NULL || strstr(b, a) != NULL;
}

/* Elements that hold the article, and everything around them, are never
 * dropped as furniture. */
static void
protect(struct extract *x)
{
	size_t i, h1s = 0;
	int j;

	for (i = 0; i < x->nel; i++) {
		struct extract_el *e = &x->el[i];
		const char *ip = html_attr(e->node, "itemprop");
		int marker = (e->cls & CLS_STRONG) || e->tag == HTML_TAG_MAIN ||
		    (ip != NULL && strstr(ip, "articleBody") != NULL);

		if (!marker && e->tag == HTML_TAG_H1 && h1s++ < 4 &&
		    x->title_key != NULL && *x->title_key != '\0') {
			char *t = html_text_short(e->node, 1000), *k;

			if (t != NULL) {
				k = extract_key(t);
				marker = similar_keys(k, x->title_key);
				free(k);
				free(t);
			}
		}
		if (!marker || (e->flags & EL_DROPPED))
			continue;
		e->flags |= EL_MARKER;
		for (j = (int)i; j >= 0 && !(x->el[j].flags & EL_PROTECTED);
		    j = x->el[j].parent)
			x->el[j].flags |= EL_PROTECTED;
	}
}

/* ---- dropping ------------------------------------------------------------ */

static int
is_hidden(const struct extract_el *e)
{
	const char *aria = html_attr(e->node, "aria-hidden");
	const char *style = html_attr(e->node, "style");

	if ((e->cls & CLS_HIDDEN) || html_attr(e->node, "hidden") != NULL ||
	    (aria != NULL && strcasecmp(aria, "true") == 0))
		return 1;
	if (style == NULL)
		return 0;
	return strcasestr(style, "display:none") != NULL ||
	    strcasestr(style, "display: none") != NULL ||
	    strcasestr(style, "visibility:hidden") != NULL ||
	    strcasestr(style, "visibility: hidden") != NULL;
}

static int
has_role(const xmlNode *n, const char *const *roles)
{
	const char *r = html_attr(n, "role");
	size_t i;

	if (r == NULL)
		return 0;
	for (i = 0; roles[i] != NULL; i++)
		if (strcasecmp(r, roles[i]) == 0)
			return 1;
	return 0;
}

static int
inside_marker(const struct extract *x, const struct extract_el *e)
{
	int j;

	for (j = e->parent; j >= 0; j = x->el[j].parent)
		if (x->el[j].flags & EL_MARKER)
			return x->el[j].tag != HTML_TAG_MAIN;
	return 0;
}

static int
is_furniture(const struct extract *x, const struct extract_el *e)
{
	switch (e->tag) {
	case HTML_TAG_ASIDE:
		/* Inside the article's own container, an aside is a fact box
		 * or a pull quote. */
		return !inside_marker(x, e);
	case HTML_TAG_NAV:
	case HTML_TAG_FOOTER:
	case HTML_TAG_FORM:
	case HTML_TAG_DIALOG:
	case HTML_TAG_MENU:
		return 1;
	case HTML_TAG_HEADER:
		return !(e->flags & EL_IN_ARTICLE);
	default:
		return has_role(e->node, furniture_roles);
	}
}

static int
is_script_link(const struct extract_el *e)
{
	const char *href = html_attr(e->node, "href");

	if (e->tag != HTML_TAG_A || href == NULL)
		return 0;
	while (html_is_space((unsigned char)*href))
		href++;
	return strncasecmp(href, "javascript:", 11) == 0;
}

static int
should_drop(const struct extract *x, const struct extract_el *e,
    unsigned rules)
{
	int prot = (e->flags & EL_PROTECTED) != 0;

	if (e->tag == HTML_TAG_AMP_CHROME || is_script_link(e))
		return 1;
	if (prot)
		return 0;
	if (is_hidden(e))
		return 1;
	if ((rules & RULE_FURNITURE) && is_furniture(x, e))
		return 1;
	return (rules & RULE_CLASSES) && (e->cls & CLS_BOILER) &&
	    (e->flags & EL_BLOCK);
}

static void
drop(struct extract *x, unsigned rules)
{
	size_t i;

	for (i = 1; i < x->nel; i++) {
		struct extract_el *e = &x->el[i];

		if (html_tag_flags(e->tag) & HTML_NO_TEXT)
			continue;	/* dropped for good by the index */
		e->flags &= ~(unsigned)EL_DROPPED;
		if ((x->el[e->parent].flags & EL_DROPPED) || should_drop(x, e, rules))
			e->flags |= EL_DROPPED;
	}
}

/* ---- counting ------------------------------------------------------------ */

/* Characters (white space runs as one) and commas of a text. */
static void
count_text(const char *s, size_t *chars, size_t *commas)
{
	const unsigned char *u = (const unsigned char *)s;
	int space = 1;

	for (; *u != '\0'; u++) {
		if (html_is_space(*u)) {
			if (!space)
				(*chars)++;
			space = 1;
			continue;
		}
		space = 0;
		if ((*u & 0xc0) != 0x80)
			(*chars)++;
		if (*u == ',' || (u[0] == 0xd8 && u[1] == 0x8c) ||
		    (u[0] == 0xef && u[1] == 0xbc && u[2] == 0x8c) ||
		    (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x81))
			(*commas)++;
	}
}

/* The next sibling that is not white space or a comment. */
static const xmlNode *
next_significant(const xmlNode *n)
{
	for (n = n->next; n != NULL; n = n->next) {
		if (n->type == XML_COMMENT_NODE)
			continue;
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			const char *c = (const char *)n->content;

			while (html_is_space((unsigned char)*c))
				c++;
			if (*c == '\0')
				continue;
		}
		return n;
	}
	return NULL;
}

static void
count(struct extract *x)
{
	size_t i, chars, commas;
	const xmlNode *c;

	for (i = 0; i < x->nel; i++) {
		struct extract_el *e = &x->el[i];

		e->own = e->own_commas = e->own_breaks = e->text = e->links = 0;
		e->score = 0;
		e->flags &= ~(unsigned)EL_CANDIDATE;
	}
	for (i = 0; i < x->nel; i++) {
		struct extract_el *e = &x->el[i], *o = &x->el[e->owner];

		if (e->flags & EL_DROPPED)
			continue;
		for (c = e->node->children; c != NULL; c = c->next) {
			if ((c->type == XML_TEXT_NODE ||
			    c->type == XML_CDATA_SECTION_NODE) && c->content) {
				chars = commas = 0;
				count_text((const char *)c->content, &chars,
				    &commas);
				e->text += chars;
				if (e->flags & EL_IN_LINK)
					e->links += chars;
				o->own += chars;
				o->own_commas += commas;
			} else if (html_tag(c) == HTML_TAG_BR &&
			    html_tag(next_significant(c)) == HTML_TAG_BR)
				o->own_breaks++;
		}
	}
	for (i = x->nel; i-- > 1;) {
		struct extract_el *e = &x->el[i];

		if (e->flags & EL_DROPPED)
			continue;
		x->el[e->parent].text += e->text;
		x->el[e->parent].links += e->links;
	}
}

/* A body class ("field--name-body", "entry-content") is also worn by
 * small blocks (a newsletter box, a copyright line): only the elements
 * so named that hold a fair share of the largest one's text keep the
 * name; the others would otherwise be protected from the furniture rules
 * and, with the class's points, outscore a body cut short by an edit. */
static void
weaken_small_strong(struct extract *x)
{
	size_t i, most = 0, strong = 0;

	for (i = 0; i < x->nel && strong < 2; i++)
		strong += (x->el[i].cls & CLS_STRONG) != 0;
	if (strong < 2)
		return;		/* nothing to tell apart: no counting */
	drop(x, 0);
	count(x);
	for (i = 0; i < x->nel; i++)
		if ((x->el[i].cls & CLS_STRONG) && x->el[i].text > most)
			most = x->el[i].text;
	for (i = 0; i < x->nel; i++)
		if ((x->el[i].cls & CLS_STRONG) &&
		    x->el[i].text * STRONG_SHARE < most)
			x->el[i].cls &= ~(unsigned)CLS_STRONG;
}

/* ---- scoring --------------------------------------------------------------- */

static double
tag_points(enum html_tag t)
{
	switch (t) {
	case HTML_TAG_DIV:
	case HTML_TAG_ARTICLE:
		return 5;
	case HTML_TAG_PRE:
	case HTML_TAG_TD:
	case HTML_TAG_BLOCKQUOTE:
		return 3;
	case HTML_TAG_ADDRESS:
	case HTML_TAG_OL:
	case HTML_TAG_UL:
	case HTML_TAG_DL:
	case HTML_TAG_DD:
	case HTML_TAG_DT:
	case HTML_TAG_LI:
	case HTML_TAG_FORM:
		return -3;
	case HTML_TAG_H1:
	case HTML_TAG_H2:
	case HTML_TAG_H3:
	case HTML_TAG_H4:
	case HTML_TAG_H5:
	case HTML_TAG_H6:
	case HTML_TAG_TH:
		return -5;
	default:
		return 0;
	}
}

static double
class_points(unsigned cls)
{
	double p = 0;

	if (cls & CLS_POSITIVE)
		p += 25;
	if (cls & CLS_NEGATIVE)
		p -= 25;
	if (cls & CLS_STRONG)
		p += 30;
	return p;
}

static void
candidate(struct extract_el *e)
{
	if (e->flags & EL_CANDIDATE)
		return;
	e->flags |= EL_CANDIDATE;
	e->score = tag_points(e->tag) + class_points(e->cls);
}

static void
score(struct extract *x)
{
	size_t i;
	int j, level;

	for (i = 0; i < x->nel; i++) {
		struct extract_el *e = &x->el[i];
		double paras, points;

		if ((e->flags & (EL_DROPPED | EL_FLAT)) || !(e->flags & EL_BLOCK) ||
		    e->own < MIN_PARA ||
		    (html_tag_flags(e->tag) & HTML_HEADING))
			continue;
		paras = 1 + (double)e->own_breaks;
		points = paras + (double)e->own_commas +
		    ((double)(e->own / 100) < 3 * paras ?
		    (double)(e->own / 100) : 3 * paras);
		for (j = e->parent, level = 0; j >= 0 && level < LEVELS;
		    j = x->el[j].parent, level++) {
			candidate(&x->el[j]);
			x->el[j].score += points / (level == 0 ? 1 :
			    level == 1 ? 2 : level * 3);
		}
	}
	for (i = 0; i < x->nel; i++) {
		struct extract_el *e = &x->el[i];

		if ((e->flags & EL_CANDIDATE) && e->text > 0)
			e->score *= 1.0 - (double)e->links / (double)e->text;
	}
}

/* ---- choosing --------------------------------------------------------------- */

static int
is_ancestor(const struct extract *x, int a, int n)
{
	for (n = x->el[n].parent; n >= 0; n = x->el[n].parent)
		if (n == a)
			return 1;
	return 0;
}

/* The best candidates, best first (ties: document order). */
static size_t
top_candidates(const struct extract *x, int *top)
{
	size_t i, n = 0, k;

	for (i = 0; i < x->nel; i++) {
		if (!(x->el[i].flags & EL_CANDIDATE) ||
		    (x->el[i].flags & EL_DROPPED))
			continue;
		for (k = 0; k < n && x->el[top[k]].score >= x->el[i].score; k++)
			;
		if (k >= TOP_N)
			continue;
		memmove(top + k + 1, top + k, (n - k - (n == TOP_N)) * sizeof *top);
		top[k] = (int)i;
		if (n < TOP_N)
			n++;
	}
	return n;
}

/* Several near-best candidates inside one ancestor: the article is
 * split among them (sections, live blog posts), take the ancestor. */
static int
shared_ancestor(const struct extract *x, const int *top, size_t n)
{
	int best = top[0], a, near[TOP_N];
	size_t i, nnear = 0, inside;

	for (i = 1; i < n; i++)
		if (x->el[top[i]].score >= 0.75 * x->el[best].score)
			near[nnear++] = top[i];
	if (nnear < 3)
		return best;
	for (a = x->el[best].parent; a > 0; a = x->el[a].parent) {
		for (i = 0, inside = 0; i < nnear; i++)
			inside += is_ancestor(x, a, near[i]) || a == near[i];
		if (inside >= 3)
			return a;
	}
	return best;
}

static int
element_children(const struct extract *x, int i)
{
	const xmlNode *c;
	const struct extract_el *e;
	int n = 0;

	for (c = x->el[i].node->children; c != NULL; c = c->next)
		if ((e = extract_el_of(x, c)) != NULL && !(e->flags & EL_DROPPED))
			n++;
	return n;
}

static int
choose_top(const struct extract *x)
{
	int top[TOP_N], best, a;
	double last, threshold;
	size_t n = top_candidates(x, top);

	if (n == 0)
		return 0;
	best = shared_ancestor(x, top, n);
	/* A parent that scores better holds more of the article. */
	last = x->el[best].score;
	threshold = last / 3;
	for (a = x->el[best].parent; a > 0; a = x->el[a].parent) {
		if (!(x->el[a].flags & EL_CANDIDATE))
			continue;
		if (x->el[a].score < threshold)
			break;
		if (x->el[a].score > last) {
			best = a;
			break;
		}
		last = x->el[a].score;
	}
	while (best > 0 && x->el[best].parent > 0 &&
	    element_children(x, x->el[best].parent) == 1)
		best = x->el[best].parent;
	return best;
}

static int
same_class(const xmlNode *a, const xmlNode *b)
{
	const char *ca = html_attr(a, "class"), *cb = html_attr(b, "class");

	return ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0;
}

/* A short text with a sentence in it. */
static int
has_sentence(const xmlNode *n)
{
	char *t = html_text_short(n, 80);
	int yes = t != NULL && (extract_ends_sentence(t) ||
	    strstr(t, ". ") != NULL);

	free(t);
	return yes;
}

/* Is a sibling of the best candidate part of the article too? */
static int
sibling_belongs(const struct extract *x, int best, int s)
{
	const struct extract_el *e = &x->el[s], *b = &x->el[best];
	double threshold = b->score * 0.2 > 10 ? b->score * 0.2 : 10;
	double bonus = same_class(e->node, b->node) ? b->score * 0.2 : 0;
	double density = e->text > 0 ? (double)e->links / (double)e->text : 1;

	if ((e->flags & EL_CANDIDATE) && e->score + bonus >= threshold)
		return 1;
	/* Text with few links next to the article is part of it (a live
	 * blog's key points, a standfirst), unless named as furniture. */
	if (e->text > 80 && density < 0.25 && !(e->cls & CLS_NEGATIVE))
		return 1;
	return e->tag == HTML_TAG_P && e->text > 0 && e->links == 0 &&
	    has_sentence(e->node);
}

/* The elements that make the body, in document order. */
static size_t
choose(const struct extract *x, xmlNode ***roots)
{
	int best = choose_top(x), parent = x->el[best].parent;
	const xmlNode *c;
	const struct extract_el *e;
	size_t n = 0;

	*roots = NULL;
	if (best == 0 || parent < 0) {
		*roots = xmalloc(sizeof **roots);
		(*roots)[n++] = x->el[best].node;
		return n;
	}
	for (c = x->el[parent].node->children; c != NULL; c = c->next) {
		if ((e = extract_el_of(x, c)) == NULL || (e->flags & EL_DROPPED))
			continue;
		if (e - x->el != best && !sibling_belongs(x, best,
		    (int)(e - x->el)))
			continue;
		*roots = xreallocarray(*roots, n + 1, sizeof **roots);
		(*roots)[n++] = e->node;
	}
	return n;
}

/* ---- the body ---------------------------------------------------------------- */

static char *
attempt(struct extract *x, unsigned rules, size_t *len)
{
	xmlNode **roots;
	size_t n;
	char *text;

	drop(x, rules);
	count(x);
	score(x);
	n = choose(x, &roots);
	text = extract_render(x, roots, n, len);
	free(roots);
	return text;
}

static size_t
count_words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s != '\0'; s++) {
		int sp = html_is_space((unsigned char)*s);

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* JSON-LD articleBody as paragraphs (one per line; tags removed). */
static char *
ld_paragraphs(const char *body, size_t *len)
{
	struct buf b, para;
	const char *p = body;
	int in_tag = 0;

	buf_init(&b);
	buf_init(&para);
	for (;; p++) {
		if (*p == '\n' || *p == '\0') {
			char *t = html_squeeze(xstrdup(para.data != NULL ?
			    para.data : ""));

			if (*t != '\0') {
				if (b.len > 0)
					buf_adds(&b, "\n\n");
				buf_adds(&b, t);
			}
			free(t);
			buf_reset(&para);
			if (*p == '\0')
				break;
			continue;
		}
		if (*p == '<')
			in_tag = 1;
		else if (*p == '>' && in_tag)
			in_tag = 0;
		else if (!in_tag)
			buf_addc(&para, *p);
	}
	buf_free(&para);
	*len = b.len;
	return buf_steal(&b);
}

static char *
body_text(const struct html_page *p, const struct webmeta *m, size_t *len,
    int *from_jsonld)
{
	static const unsigned tries[] = { RULE_FURNITURE | RULE_CLASSES,
	    RULE_FURNITURE, 0 };
	struct extract x;
	xmlNode *body = html_body(p);
	char *best = NULL, *text;
	size_t best_len = 0, n, i;

	memset(&x, 0, sizeof x);
	x.page = p;
	x.meta = m;
	x.title_key = m->title != NULL ? extract_key(m->title) : NULL;
	if (body != NULL) {
		index_body(&x, body);
		weaken_small_strong(&x);
		protect(&x);
		for (i = 0; i < sizeof tries / sizeof tries[0]; i++) {
			text = attempt(&x, tries[i], &n);
			if (best == NULL || n > best_len) {
				free(best);
				best = text;
				best_len = n;
			} else
				free(text);
			if (best_len >= RETRY_CHARS)
				break;
		}
	}
	if (m->ld_body != NULL &&
	    (best == NULL || count_words(best) * 2 < count_words(m->ld_body))) {
		free(best);
		best = ld_paragraphs(m->ld_body, &best_len);
		*from_jsonld = 1;
	}
	free(x.el);
	free(x.title_key);
	if (best == NULL)
		best = xstrdup("");
	*len = best_len;
	return best;
}

char *
extract_body(const struct html_page *p, const struct webmeta *m, size_t *len)
{
	int from_jsonld = 0;

	return body_text(p, m, len, &from_jsonld);
}

/* ---- the article ------------------------------------------------------------ */

/* Append s, with escaped bytes turned back into themselves. */
static void
add_unescaped(struct buf *b, const char *s)
{
	char *copy = xstrdup(s);
	size_t n = charset_unescape(copy, strlen(copy));

	buf_add(b, copy, n);
	free(copy);
}

static void
add_byline(struct buf *b, char **names, size_t n)
{
	size_t i;

	buf_adds(b, "By ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(b, i + 1 == n ? " and " : ", ");
		add_unescaped(b, names[i]);
	}
	buf_adds(b, "\n\n");
}

static void
add_dates(struct buf *b, const char *published, const char *modified)
{
	if (published != NULL) {
		buf_printf(b, "Published %s", published);
		if (modified != NULL && strcmp(modified, published) != 0)
			buf_printf(b, ", updated %s", modified);
	} else
		buf_printf(b, "Updated %s", modified);
	buf_adds(b, "\n\n");
}

static void
add_source(struct buf *b, const char *site, const char *url)
{
	if (site != NULL)
		add_unescaped(b, site);
	if (site != NULL && url != NULL)
		buf_adds(b, " \xc2\xb7 ");
	if (url != NULL)
		add_unescaped(b, url);
	buf_adds(b, "\n\n");
}

static void
unescape_meta(struct webmeta *m)
{
	char **fields[] = { &m->title, &m->site, &m->canonical };
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (*fields[i] != NULL)
			charset_unescape(*fields[i], strlen(*fields[i]));
	for (i = 0; i < m->nbyline; i++)
		charset_unescape(m->byline[i], strlen(m->byline[i]));
}

int
extract_article(const char *bytes, size_t len, const char *http_charset,
    const char *page_url, struct extract_result *r, char **cause)
{
	struct html_page page;
	struct buf b;
	const char *url;
	char *body;
	size_t blen;

	memset(r, 0, sizeof *r);
	if (html_parse(bytes, len, http_charset, &page, cause) != 0)
		return -1;
	webmeta_read(&page, page_url, &r->meta);
	body = body_text(&page, &r->meta, &blen, &r->body_from_jsonld);
	r->charset = page.charset.name;
	html_page_free(&page);

	buf_init(&b);
	if (r->meta.title != NULL) {
		add_unescaped(&b, r->meta.title);
		buf_adds(&b, "\n\n");
	}
	if (r->meta.nbyline > 0)
		add_byline(&b, r->meta.byline, r->meta.nbyline);
	if (r->meta.published != NULL || r->meta.modified != NULL)
		add_dates(&b, r->meta.published, r->meta.modified);
	url = webmeta_key_url(&r->meta, page_url);
	if (r->meta.site != NULL || url != NULL)
		add_source(&b, r->meta.site, url);
	r->body_start = b.len;
	blen = charset_unescape(body, blen);
	buf_add(&b, body, blen);
	if (blen > 0)
		buf_addc(&b, '\n');
	free(body);
	unescape_meta(&r->meta);
	r->len = b.len;
	r->text = buf_steal(&b);
	if (r->len == 0) {	/* an empty article is not one to annotate */
		extract_result_free(r);
		*cause = xstrdup("no article found in the page (no headline "
		    "and no text)");
		return -1;
	}
	return 0;
}

void
extract_result_free(struct extract_result *r)
{
	webmeta_free(&r->meta);
	free(r->text);
	memset(r, 0, sizeof *r);
}
