/*
 * extract_text.c: the chosen part of a page as artread's plain text
 * (the body format is described in extract.h).  The walk is iterative;
 * every block element ends a paragraph wherever it is nested (libxml2
 * leaves a <section> inside an open <p>), except inside a list item, a
 * table row, a heading or a caption, where it is a space.  Paragraphs
 * that only repeat the headline, the byline or a date, advert labels and
 * short paragraphs that are mostly a link are left out, as are
 * containers that are mostly links (related lists, tag lists).
 */
#include <stdlib.h>
#include <string.h>

#include "artread/html.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/webmeta.h"
#include "extract_int.h"

#define MAX_LISTS	16

struct render {
	const struct extract	*x;
	struct buf		 out;		/* finished paragraphs */
	struct buf		 para;		/* the paragraph being built */
	size_t			 chars;		/* characters in para */
	size_t			 link_chars;	/* of which link text */
	size_t			 small_chars;	/* of which in <small> */
	int			 quote;		/* blockquote depth */
	int			 list;		/* list depth */
	int			 item[MAX_LISTS + 1];	/* next number; 0: bullets */
	int			 heading;
	int			 caption;
	int			 pre;
	int			 row;		/* in a data table row */
	int			 cells;
	int			 table;		/* in a data table */
};

/* Inside these, a block is a space, not a new paragraph. */
static int
inline_context(const struct render *r)
{
	return r->list > 0 || r->row || r->heading || r->caption;
}

/* ---- building a paragraph ------------------------------------------------ */

static int
para_ends_with(const struct render *r, char c)
{
	return r->para.len > 0 && r->para.data[r->para.len - 1] == c;
}

static void
add_space(struct render *r)
{
	if (r->para.len > 0 && !para_ends_with(r, ' ') && !para_ends_with(r, '\n'))
		buf_addc(&r->para, ' ');
}

static void
add_text(struct render *r, const char *s, int link, int small)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++) {
		if (r->pre && *u == '\r')
			continue;
		if (!r->pre && html_is_space(*u)) {
			add_space(r);
			continue;
		}
		buf_addc(&r->para, (char)*u);
		if ((*u & 0xc0) != 0x80) {
			r->chars++;
			if (link)
				r->link_chars++;
			if (small)
				r->small_chars++;
		}
	}
}

/* Length of the Unicode space (NBSP, ideographic, ...) at s, or 0. */
static size_t
unicode_space(const char *s, size_t n)
{
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp);

	if (k > 1 && (cp == 0xa0 || cp == 0x3000 || cp == 0x202f ||
	    cp == 0x205f || (cp >= 0x2000 && cp <= 0x200a)))
		return k;
	return 0;
}

/* Length of the Unicode space ending at s[len], or 0. */
static size_t
unicode_space_before(const char *s, size_t len)
{
	size_t k;

	for (k = 2; k <= 3 && k <= len; k++)
		if (unicode_space(s + len - k, k) == k)
			return k;
	return 0;
}

/* Trim white space (ASCII and Unicode spaces) at both ends, in place. */
static char *
trim(char *s)
{
	size_t len = strlen(s), start = 0, k;

	for (;;) {
		if (start < len && (html_is_space((unsigned char)s[start])))
			start++;
		else if ((k = unicode_space(s + start, len - start)) > 0)
			start += k;
		else
			break;
	}
	for (;;) {
		if (len > start && html_is_space((unsigned char)s[len - 1]))
			len--;
		else if (len > start &&
		    (k = unicode_space_before(s + start, len - start)) > 0)
			len -= k;
		else
			break;
	}
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
	return s;
}

/* Collapse runs of blank lines (a <pre> must stay one paragraph). */
static void
no_blank_lines(char *s)
{
	char *o = s, *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\n' && o > s && o[-1] == '\n')
			continue;
		*o++ = *p;
	}
	*o = '\0';
}

/* ---- what to leave out --------------------------------------------------- */

static int
is_headline(const struct render *r, const char *t)
{
	char *k;
	int same;

	if (r->x->title_key == NULL || strlen(t) > 400)
		return 0;
	k = extract_key(t);
	same = *k != '\0' && strcmp(k, r->x->title_key) == 0;
	free(k);
	return same;
}

int
extract_ends_sentence(const char *t)
{
	size_t len = strlen(t);

	while (len > 0 && (t[len - 1] == '"' || t[len - 1] == '\'' ||
	    t[len - 1] == ')'))
		len--;
	if (len >= 3 && (memcmp(t + len - 3, "\xe2\x80\x9d", 3) == 0 ||
	    memcmp(t + len - 3, "\xe2\x80\x99", 3) == 0))
		len -= 3;
	return len > 0 && (t[len - 1] == '.' || t[len - 1] == '!' ||
	    t[len - 1] == '?');
}

/* "By Ann Lee", or a short line naming every author: not body text. */
static int
is_byline(const struct render *r, const char *t)
{
	const struct webmeta *m = r->x->meta;
	size_t i, len = strlen(t);

	if (len > 120 || extract_ends_sentence(t))
		return 0;
	if ((strncmp(t, "By ", 3) == 0 || strncmp(t, "by ", 3) == 0) &&
	    ((t[3] >= 'A' && t[3] <= 'Z') || (unsigned char)t[3] >= 0x80))
		return 1;
	if (m == NULL || m->nbyline == 0 || len > 100)
		return 0;
	for (i = 0; i < m->nbyline; i++)
		if (strstr(t, m->byline[i]) == NULL)
			return 0;
	return 1;
}

static int
is_date_line(const char *t)
{
	size_t len = strlen(t);
	char date[40];

	return len <= 40 && !extract_ends_sentence(t) &&
	    webmeta_date(t, date, sizeof date) == 0;
}

/* "3 min read", "5 minute read": a reading-time label. */
static int
is_reading_time(const char *t)
{
	return strlen(t) <= 40 && (strstr(t, "min read") != NULL ||
	    strstr(t, "minute read") != NULL);
}

/* A line that only repeats the headline, byline or date, or labels an
 * advert. */
static int
echo_line(const struct render *r, const char *t)
{
	return is_headline(r, t) || is_byline(r, t) || is_date_line(t) ||
	    is_reading_time(t) || extract_is_ad_label(t);
}

/* Up to three words of letters, not a heading: a section label or
 * kicker ("Opinion", "Press release") above the article. */
static int
is_label(const struct render *r, const char *t)
{
	const unsigned char *u = (const unsigned char *)t;
	int ascii_letter = 0, spaces = 0;

	if (r->heading || r->list > 0 || r->row || r->quote ||
	    strlen(t) > 30)
		return 0;
	for (; *u != '\0'; u++) {
		if (*u == ' ' && ++spaces > 2)
			return 0;
		if (*u < 0x80 && *u != ' ' && !((*u >= 'a' && *u <= 'z') ||
		    (*u >= 'A' && *u <= 'Z') || *u == '-'))
			return 0;
		ascii_letter |= *u < 0x80 && *u != '-' && *u != ' ';
	}
	return ascii_letter;
}


/* A paragraph to leave out: an echo, a label, a short one that is mostly
 * a link, or fine print (all in <small>). */
static int
leave_out(const struct render *r, const char *t)
{
	if (r->caption)
		return 0;
	return echo_line(r, t) || is_label(r, t) || (r->chars > 0 &&
	    r->chars <= 200 && r->link_chars * 4 >= r->chars * 3) ||
	    (r->chars > 0 && r->small_chars == r->chars);
}

/* Lines of a paragraph made with <br> are checked one by one (old pages
 * put the headline, byline and date in one block). */
static void
drop_echo_lines(const struct render *r, char *t)
{
	char *line = t, *o = t, *nl;
	size_t len;

	for (;;) {
		nl = strchr(line, '\n');
		len = nl != NULL ? (size_t)(nl - line) : strlen(line);
		if (nl != NULL)
			*nl = '\0';
		if (!echo_line(r, line)) {
			if (o > t)
				*o++ = '\n';
			memmove(o, line, len);
			o += len;
		}
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	*o = '\0';
}

/* ---- ending a paragraph --------------------------------------------------- */

static void
emit(struct render *r, const char *t)
{
	int q;

	if (r->out.len > 0)
		buf_adds(&r->out, "\n\n");
	for (;;) {
		const char *nl = strchr(t, '\n');

		for (q = 0; q < r->quote; q++)
			buf_adds(&r->out, "> ");
		buf_add(&r->out, t, nl != NULL ? (size_t)(nl - t) : strlen(t));
		if (nl == NULL)
			break;
		buf_addc(&r->out, '\n');
		t = nl + 1;
	}
}

static void
flush(struct render *r)
{
	char *t;

	if (r->para.len == 0)
		goto reset;
	t = trim(xstrdup(r->para.data));
	if (r->pre)
		no_blank_lines(t);
	else if (!r->caption && strchr(t, '\n') != NULL)
		drop_echo_lines(r, t);
	if (*t != '\0' && !leave_out(r, t)) {
		if (r->caption) {
			char *c = xasprintf("[Caption: %s]", t);

			emit(r, c);
			free(c);
		} else
			emit(r, t);
	}
	free(t);
reset:
	buf_reset(&r->para);
	r->chars = r->link_chars = r->small_chars = 0;
}

/* A line break: a new line in the paragraph, or with a second <br>, a
 * new paragraph. */
static void
line_break(struct render *r, const xmlNode *br)
{
	const xmlNode *n;

	if (inline_context(r)) {
		add_space(r);
		return;
	}
	for (n = br->next; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    strspn((const char *)n->content, " \t\r\n\f") ==
		    strlen((const char *)n->content))
			continue;
		break;
	}
	if (n != NULL && html_tag(n) == HTML_TAG_BR) {
		flush(r);
		return;
	}
	while (para_ends_with(r, ' '))
		r->para.data[--r->para.len] = '\0';
	if (r->para.len > 0 && !para_ends_with(r, '\n'))
		buf_addc(&r->para, '\n');
}

/* ---- elements -------------------------------------------------------------- */

static int
mostly_links(const struct extract_el *e)
{
	return e->text > 0 && e->links * 2 > e->text;
}

/* A table of data (cells of text) rather than one used for layout. */
static int
data_table(const xmlNode *table)
{
	const xmlNode *n;

	for (n = html_next(table, table, 1); n != NULL; n = html_next(table, n, 1)) {
		enum html_tag t = html_tag(n);

		if ((html_tag_flags(t) & HTML_BLOCK) && t != HTML_TAG_TR &&
		    t != HTML_TAG_TD && t != HTML_TAG_TH &&
		    t != HTML_TAG_TBODY && t != HTML_TAG_THEAD &&
		    t != HTML_TAG_TFOOT && t != HTML_TAG_CAPTION)
			return 0;
	}
	return 1;
}

/* A container that only says "Advertisement". */
static int
ad_container(const xmlNode *n)
{
	char *t = html_text_short(n, 60);
	int ad = t != NULL && extract_is_ad_label(t);

	free(t);
	return ad;
}

static int
is_caption(const struct extract_el *e)
{
	return e->tag == HTML_TAG_FIGCAPTION || ((e->cls & CLS_CAPTION) &&
	    e->tag != HTML_TAG_FIGURE && e->text <= 300);
}

static void
start_item(struct render *r)
{
	int i;

	if (r->para.len > 0) {
		while (para_ends_with(r, ' '))
			r->para.data[--r->para.len] = '\0';
		buf_addc(&r->para, '\n');
	}
	for (i = 1; i < r->list && i < MAX_LISTS; i++)
		buf_adds(&r->para, "  ");
	if (r->item[r->list < MAX_LISTS ? r->list : MAX_LISTS] > 0)
		buf_printf(&r->para, "%d. ",
		    r->item[r->list < MAX_LISTS ? r->list : MAX_LISTS]++);
	else
		buf_adds(&r->para, "\xe2\x80\xa2 ");
}

/* Entering an element: 1 to read its content, 0 to skip it. */
static int
enter(struct render *r, const xmlNode *n)
{
	const struct extract_el *e = extract_el_of(r->x, n);
	int depth;

	if (e == NULL || (e->flags & EL_DROPPED))
		return 0;
	if (e->flags & EL_FLAT)
		return 1;
	switch (e->tag) {
	case HTML_TAG_BR:
		line_break(r, n);
		return 0;
	case HTML_TAG_HR:
		if (!inline_context(r))
			flush(r);
		return 0;
	case HTML_TAG_UL:
	case HTML_TAG_OL:
		if (mostly_links(e))
			return 0;
		if (r->list == 0)
			flush(r);
		r->list++;
		depth = r->list < MAX_LISTS ? r->list : MAX_LISTS;
		r->item[depth] = e->tag == HTML_TAG_OL ? 1 : 0;
		return 1;
	case HTML_TAG_LI:
		if (r->list > 0) {
			start_item(r);
			return 1;
		}
		break;
	case HTML_TAG_TABLE:
		if (!r->table && !inline_context(r) && data_table(n)) {
			flush(r);
			r->table = 1;
			return 1;
		}
		break;
	case HTML_TAG_TR:
		if (r->table) {
			flush(r);
			r->row = 1;
			r->cells = 0;
			return 1;
		}
		break;
	case HTML_TAG_TD:
	case HTML_TAG_TH:
		if (r->row) {
			if (r->cells++ > 0)
				buf_adds(&r->para, " | ");
			return 1;
		}
		break;
	case HTML_TAG_BLOCKQUOTE:
		if (!inline_context(r)) {
			flush(r);
			r->quote++;
			return 1;
		}
		break;
	case HTML_TAG_PRE:
		if (!inline_context(r)) {
			flush(r);
			r->pre = 1;
			return 1;
		}
		break;
	default:
		break;
	}
	if (!(e->flags & EL_BLOCK))
		return 1;
	if (e->tag != HTML_TAG_TBODY && e->tag != HTML_TAG_THEAD &&
	    e->tag != HTML_TAG_TFOOT && (mostly_links(e) ||
	    (e->text < 60 && e->text > 0 && ad_container(n))))
		return 0;
	if (inline_context(r)) {
		add_space(r);
		return 1;
	}
	flush(r);
	if (is_caption(e))
		r->caption = 1;
	else if (html_tag_flags(e->tag) & HTML_HEADING)
		r->heading = 1;
	return 1;
}

static void
leave(struct render *r, const xmlNode *n)
{
	const struct extract_el *e = extract_el_of(r->x, n);

	if (e == NULL || (e->flags & EL_FLAT))
		return;
	switch (e->tag) {
	case HTML_TAG_UL:
	case HTML_TAG_OL:
		if (r->list > 0 && --r->list == 0)
			flush(r);
		return;
	case HTML_TAG_LI:
		if (r->list > 0)
			return;
		break;
	case HTML_TAG_TABLE:
		if (r->table && !r->row) {
			flush(r);
			r->table = 0;
			return;
		}
		break;
	case HTML_TAG_TR:
		if (r->row) {
			flush(r);
			r->row = 0;
			return;
		}
		break;
	case HTML_TAG_TD:
	case HTML_TAG_TH:
		if (r->row)
			return;
		break;
	case HTML_TAG_BLOCKQUOTE:
		if (r->quote > 0 && !inline_context(r)) {
			flush(r);
			r->quote--;
			return;
		}
		break;
	case HTML_TAG_PRE:
		if (r->pre) {
			flush(r);
			r->pre = 0;
			return;
		}
		break;
	default:
		break;
	}
	if (!(e->flags & EL_BLOCK))
		return;
	if (r->caption && is_caption(e)) {
		flush(r);
		r->caption = 0;
		return;
	}
	if (r->heading && (html_tag_flags(e->tag) & HTML_HEADING)) {
		flush(r);
		r->heading = 0;
		return;
	}
	if (inline_context(r))
		add_space(r);
	else
		flush(r);
}

/* Is a text node inside <small> (within its paragraph)? */
static int
in_small(const struct render *r, const xmlNode *n)
{
	const struct extract_el *e;

	for (n = n->parent; n != NULL; n = n->parent) {
		if ((e = extract_el_of(r->x, n)) == NULL || (e->flags & EL_BLOCK))
			return 0;
		if (e->tag == HTML_TAG_SMALL)
			return 1;
	}
	return 0;
}

static void
text_node(struct render *r, const xmlNode *n)
{
	const struct extract_el *p = extract_el_of(r->x, n->parent);

	if (n->content != NULL)
		add_text(r, (const char *)n->content,
		    p != NULL && (p->flags & EL_IN_LINK), in_small(r, n));
}

/* Walk one chosen element; no recursion. */
static void
walk(struct render *r, xmlNode *root)
{
	xmlNode *n = root;
	int inside = enter(r, root);

	if (!inside)
		return;
	for (;;) {
		if (inside && n->children != NULL) {
			n = n->children;
		} else {
			if (inside && n->type == XML_ELEMENT_NODE)
				leave(r, n);
			while (n != root && n->next == NULL) {
				n = n->parent;
				leave(r, n);
			}
			if (n == root)
				break;
			n = n->next;
		}
		if (n->type == XML_ELEMENT_NODE)
			inside = enter(r, n);
		else {
			if (n->type == XML_TEXT_NODE ||
			    n->type == XML_CDATA_SECTION_NODE)
				text_node(r, n);
			inside = 0;
		}
	}
}

char *
extract_render(const struct extract *x, xmlNode *const *roots, size_t nroots,
    size_t *len)
{
	struct render r;
	size_t i;

	memset(&r, 0, sizeof r);
	r.x = x;
	buf_init(&r.out);
	buf_init(&r.para);
	for (i = 0; i < nroots; i++) {
		walk(&r, roots[i]);
		r.quote = r.list = r.heading = r.caption = r.pre = 0;
		r.row = r.table = 0;
		flush(&r);
	}
	buf_free(&r.para);
	*len = r.out.len;
	return buf_steal(&r.out);
}
