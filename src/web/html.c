/*
 * html.c: parsing a web page with libxml2's HTML parser, and reading its
 * elements (see html.h for what Debian's libxml2 does and how it is
 * handled).
 */
#include "artread/html.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>

#include "artread/utf8.h"
#include "artread/util.h"

#define PARSE_OPTIONS	(HTML_PARSE_RECOVER | HTML_PARSE_NONET |	\
	HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | \
	HTML_PARSE_COMPACT | XML_PARSE_HUGE)

/* Slots of the tag name hash (a power of two, over twice the tags). */
#define TAG_SLOTS	256

struct tag_name {
	const char	*name;
	enum html_tag	 tag;
	unsigned	 flags;
};

static const struct tag_name tag_names[] = {
#define HTML_TAG_ROW(n, str, fl) { str, HTML_TAG_##n, fl },
	HTML_TAGS(HTML_TAG_ROW)
#undef HTML_TAG_ROW
};

/* AMP elements that are page furniture, never article text. */
static const char *const amp_chrome[] = {
	"amp-ad", "amp-analytics", "amp-auto-ads", "amp-consent",
	"amp-embed", "amp-geo", "amp-iframe", "amp-pixel", "amp-sidebar",
	"amp-social-share", "amp-sticky-ad", "amp-user-notification",
	"amp-web-push",
};

/* html_tag is asked about every element many times: a small open
 * hash on the name's length and first and last letters. */
static unsigned
tag_hash(const char *name, size_t len)
{
	return ((unsigned)len * 31 + (unsigned char)name[0] * 7 +
	    (unsigned char)name[len - 1]) & (TAG_SLOTS - 1);
}

static const struct tag_name *const *
tag_table(void)
{
	static const struct tag_name *slots[TAG_SLOTS];
	static int ready;
	size_t i, h;

	if (!ready) {
		for (i = 0; i < sizeof tag_names / sizeof tag_names[0]; i++) {
			h = tag_hash(tag_names[i].name, strlen(tag_names[i].name));
			while (slots[h] != NULL)
				h = (h + 1) & (TAG_SLOTS - 1);
			slots[h] = &tag_names[i];
		}
		ready = 1;
	}
	return slots;
}

enum html_tag
html_tag(const xmlNode *n)
{
	const struct tag_name *const *slots = tag_table();
	const char *name;
	size_t i, len, h;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL ||
	    n->name[0] == '\0')
		return HTML_TAG_OTHER;
	name = (const char *)n->name;
	if (strncmp(name, "amp-", 4) == 0) {
		for (i = 0; i < sizeof amp_chrome / sizeof amp_chrome[0]; i++)
			if (strcmp(name, amp_chrome[i]) == 0)
				return HTML_TAG_AMP_CHROME;
	}
	len = strlen(name);
	for (h = tag_hash(name, len); slots[h] != NULL; h = (h + 1) & (TAG_SLOTS - 1))
		if (strcmp(slots[h]->name, name) == 0)
			return slots[h]->tag;
	return HTML_TAG_OTHER;
}

unsigned
html_tag_flags(enum html_tag t)
{
	static unsigned flags[HTML_TAG__COUNT];
	static int ready;
	size_t i;

	if (!ready) {
		for (i = 0; i < sizeof tag_names / sizeof tag_names[0]; i++)
			flags[tag_names[i].tag] = tag_names[i].flags;
		flags[HTML_TAG_AMP_CHROME] = HTML_NO_TEXT;
		ready = 1;
	}
	return (unsigned)t < HTML_TAG__COUNT ? flags[t] : 0;
}

const char *
html_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->name == NULL || strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
		    a->children->content != NULL)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

xmlNode *
html_next(const xmlNode *root, const xmlNode *n, int descend)
{
	if (descend && n->children != NULL)
		return n->children;
	while (n != root && n->next == NULL)
		n = n->parent;
	return n == root ? NULL : n->next;
}

/* ---- before parsing ---------------------------------------------------- */

/* How browsers read &#128; to &#159;: as windows-1252 (0 = as is). */
static const uint16_t c1_as_cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/*
 * A numeric reference at s (after "&#"): its value into *v and its
 * length (digits and ';') into *len; 0 if it is none.
 */
static int
char_ref(const char *s, size_t n, unsigned long *v, size_t *len)
{
	size_t i = 0;
	int hex = 0, digits = 0;
	unsigned long val = 0;

	if (i < n && (s[i] == 'x' || s[i] == 'X')) {
		hex = 1;
		i++;
	}
	for (; i < n; i++) {
		int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (hex && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (hex && c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			break;
		if (val < 0x1000000)
			val = val * (hex ? 16 : 10) + (unsigned long)d;
		digits++;
	}
	if (digits == 0)
		return 0;
	if (i < n && s[i] == ';')
		i++;
	*v = val;
	*len = i;
	return 1;
}

/* What a reference should read as, or 0 to leave it alone. */
static unsigned long
ref_fixed(unsigned long v)
{
	if (v >= 0x80 && v <= 0x9f)
		return c1_as_cp1252[v - 0x80];
	if (v == 0 || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff ||
	    v >= CHARSET_ESCAPE_BASE)
		return 0xfffd;
	return 0;
}

/* Rewrite the numeric references browsers read differently from
 * libxml2 (C1 range, NUL, surrogates, the escape range).  Returns s or
 * a new buffer (then s is freed). */
static char *
fix_char_refs(char *s, size_t *len)
{
	struct buf b;
	unsigned long v, fixed;
	size_t i, from = 0, rlen;
	const char *amp;

	buf_init(&b);
	for (i = 0; i < *len; i++) {
		amp = memchr(s + i, '&', *len - i);
		if (amp == NULL)
			break;
		i = (size_t)(amp - s);
		if (i + 2 >= *len || s[i + 1] != '#' ||
		    !char_ref(s + i + 2, *len - i - 2, &v, &rlen) ||
		    (fixed = ref_fixed(v)) == 0)
			continue;
		buf_add(&b, s + from, i - from);
		buf_printf(&b, "&#%lu;", fixed);
		from = i + 2 + rlen;
		i = from - 1;
	}
	if (b.data == NULL)
		return s;
	buf_add(&b, s + from, *len - from);
	free(s);
	*len = b.len;
	return buf_steal(&b);
}

/* s[i] starts "<NAME" followed by a space, '>' or '/' (any case)? */
static int
tag_named(const char *s, size_t n, size_t i, const char *name)
{
	size_t k = strlen(name);

	return i + 1 + k < n && strncasecmp(s + i + 1, name, k) == 0 &&
	    (html_is_space((unsigned char)s[i + 1 + k]) || s[i + 1 + k] == '>' ||
	    s[i + 1 + k] == '/');
}

/* Where "</NAME" next starts at or after i (any case), or n. */
static size_t
end_tag(const char *s, size_t n, size_t i, const char *name)
{
	const char *lt;
	size_t k = strlen(name);

	while (i < n && (lt = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(lt - s);
		if (i + 2 + k <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, k) == 0)
			return i;
		i++;
	}
	return n;
}

/* The end of the start tag at s[i] (after its '>'), quotes respected. */
static size_t
start_tag_end(const char *s, size_t n, size_t i)
{
	char quote = 0;

	for (; i < n; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '>')
			return i + 1;
	}
	return n;
}

/* Elements whose content is never text and is often large: it is
 * dropped before parsing (see strip_raw_text). */
static const char *const raw_skip[] = { "script", "style", "svg",
    "noscript", "template", NULL };

static const char *
raw_skip_at(const char *s, size_t n, size_t i)
{
	size_t k;

	for (k = 0; raw_skip[k] != NULL; k++)
		if (tag_named(s, n, i, raw_skip[k]))
			return raw_skip[k];
	return NULL;
}

/*
 * Drop comments and the content of <script> (but JSON-LD's), <style>,
 * <svg>, <noscript> and <template> before parsing: none of it is ever
 * article text, it is most of the bytes of a modern news page, and
 * libxml2 reads it a character at a time.  A script's or style's content
 * ends where libxml2's recovering parser ends it, at the first </script
 * or </style; the others at their first end tag (nesting the same
 * element inside itself only shortens what is dropped).  In place;
 * returns the new length.
 */
static size_t
strip_raw_text(char *s, size_t n)
{
	size_t i = 0, o = 0, j, from;
	const char *lt, *name;
	int keep;

	while (i < n && (lt = memchr(s + i, '<', n - i)) != NULL) {
		from = i;
		i = (size_t)(lt - s);
		memmove(s + o, s + from, i - from);
		o += i - from;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			lt = memmem(s + i + 4, n - i - 4, "-->", 3);
			i = lt != NULL ? (size_t)(lt - s) + 3 : n;
			continue;
		}
		if ((name = raw_skip_at(s, n, i)) == NULL) {
			/* Any other tag is copied whole, so a '<' inside
			 * its attribute values is not taken for a tag. */
			j = i + 1 < n && (s[i + 1] == '/' ||
			    ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z')) ?
			    start_tag_end(s, n, i) : i + 1;
			memmove(s + o, s + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		j = start_tag_end(s, n, i);
		keep = strcmp(name, "script") == 0 &&
		    memmem(s + i, j - i, "ld+json", 7) != NULL;
		memmove(s + o, s + i, j - i);
		o += j - i;
		i = end_tag(s, n, j, name);
		if (keep) {
			memmove(s + o, s + j, i - j);
			o += i - j;
		}
	}
	if (i < n) {
		memmove(s + o, s + i, n - i);
		o += n - i;
	}
	return o;
}

static size_t
count_tags(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t tags = 0;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (p < end && ((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			tags++;
	}
	return tags;
}

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
html_parse(const char *bytes, size_t len, const char *http_charset,
    struct html_page *p, char **cause)
{
	size_t n;
	char *text;

	memset(p, 0, sizeof *p);
	xmlSetGenericErrorFunc(NULL, silent);
	charset_detect(bytes, len, http_charset, &p->charset);
	text = charset_to_utf8(bytes, len, &p->charset, &n);
	if (count_tags(text, n) > HTML_MAX_TAGS) {
		free(text);
		*cause = xasprintf("the page has more than %d tags",
		    HTML_MAX_TAGS);
		return -1;
	}
	n = strip_raw_text(text, n);
	text = fix_char_refs(text, &n);
	if (n > INT_MAX) {
		free(text);
		*cause = xstrdup("the page is too large");
		return -1;
	}
	p->doc = htmlReadMemory(text, (int)n, NULL, "UTF-8", PARSE_OPTIONS);
	free(text);
	if (p->doc == NULL)
		p->doc = htmlNewDocNoDtD(NULL, NULL);
	if (p->doc == NULL)
		fatalx("out of memory");
	return 0;
}

void
html_page_free(struct html_page *p)
{
	if (p->doc != NULL)
		xmlFreeDoc(p->doc);
	p->doc = NULL;
}

static xmlNode *
child_named(xmlNode *n, enum html_tag t)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (html_tag(n) == t)
			return n;
	return NULL;
}

xmlNode *
html_body(const struct html_page *p)
{
	xmlNode *root = xmlDocGetRootElement(p->doc), *body;

	body = child_named(root, HTML_TAG_BODY);
	return body != NULL ? body : root;
}

xmlNode *
html_head(const struct html_page *p)
{
	return child_named(xmlDocGetRootElement(p->doc), HTML_TAG_HEAD);
}

/* ---- text -------------------------------------------------------------- */

int
html_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Append s with white space runs as one space (none at the start of out). */
static void
add_squeezed(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (!html_is_space((unsigned char)*s)) {
			buf_addc(out, *s);
			continue;
		}
		if (out->len > 0 && out->data[out->len - 1] != ' ')
			buf_addc(out, ' ');
	}
}

/* Text of root's subtree; stops once out holds more than max bytes or
 * more than max_nodes nodes were seen (returns -1 then). */
static int
text_upto(const xmlNode *root, struct buf *out, size_t max, size_t max_nodes)
{
	const xmlNode *n = root;
	size_t seen = 0;
	unsigned fl;

	while (n != NULL) {
		if (out->len > max || ++seen > max_nodes)
			return -1;
		int descend = 1;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				add_squeezed(out, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			fl = html_tag_flags(html_tag(n));
			if (fl & HTML_NO_TEXT)
				descend = 0;
			else if ((fl & HTML_BLOCK) || html_tag(n) == HTML_TAG_BR)
				add_squeezed(out, " ");
		} else
			descend = 0;
		n = html_next(root, n, descend);
	}
	return 0;
}

void
html_text(const xmlNode *root, struct buf *out)
{
	(void)text_upto(root, out, (size_t)-1, (size_t)-1);
}

char *
html_text_short(const xmlNode *n, size_t max)
{
	struct buf b;
	char *s;

	buf_init(&b);
	if (text_upto(n, &b, max + 1, 64 + 8 * max) != 0) {
		buf_free(&b);
		return NULL;
	}
	s = html_squeeze(buf_steal(&b));
	if (strlen(s) > max) {
		free(s);
		return NULL;
	}
	return s;
}

char *
html_squeeze(char *s)
{
	size_t i, o = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (!html_is_space((unsigned char)s[i]))
			s[o++] = s[i];
		else if (o > 0 && s[o - 1] != ' ')
			s[o++] = ' ';
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	return s;
}

char *
html_text_dup(const xmlNode *n)
{
	struct buf b;

	buf_init(&b);
	html_text(n, &b);
	return html_squeeze(buf_steal(&b));
}

char *
html_unescape(const char *s)
{
	struct buf b;
	const htmlEntityDesc *e;
	unsigned long v;
	size_t rlen, k;
	char name[32], enc[4];

	buf_init(&b);
	while (*s != '\0') {
		if (*s != '&') {
			buf_addc(&b, *s++);
			continue;
		}
		if (s[1] == '#' && char_ref(s + 2, strlen(s + 2), &v, &rlen)) {
			unsigned long f = ref_fixed(v);

			buf_add(&b, enc, utf8_encode((uint32_t)(f ? f : v), enc));
			s += 2 + rlen;
			continue;
		}
		for (k = 0; k + 1 < sizeof name && s[1 + k] != '\0' &&
		    s[1 + k] != ';' && s[1 + k] != '&' &&
		    !html_is_space((unsigned char)s[1 + k]); k++)
			name[k] = s[1 + k];
		name[k] = '\0';
		if (s[1 + k] == ';' &&
		    (e = htmlEntityLookup((const xmlChar *)name)) != NULL) {
			buf_add(&b, enc, utf8_encode(e->value, enc));
			s += k + 2;
			continue;
		}
		buf_addc(&b, *s++);
	}
	return buf_steal(&b);
}
