/*
 * extract_int.h: what the extractor's files share (extract.c finds the
 * body, extract_class.c reads class and id words, extract_text.c turns
 * the body into text).  Private to src/web/.
 */
#ifndef ARTREAD_EXTRACT_INT_H
#define ARTREAD_EXTRACT_INT_H

#include <stddef.h>

#include "artread/html.h"
#include "artread/webmeta.h"

/* What class and id words say about an element (extract_class). */
enum extract_cls {
	CLS_BOILER	= 1 << 0,	/* page furniture: drop a block */
	CLS_HIDDEN	= 1 << 1,	/* for screen readers only, or hidden */
	CLS_STRONG	= 1 << 2,	/* the article body's own container */
	CLS_POSITIVE	= 1 << 3,	/* article, content, story, ... */
	CLS_NEGATIVE	= 1 << 4,	/* comment, meta, share, ... */
	CLS_CAPTION	= 1 << 5,	/* a caption (wp-caption-text, ...) */
};

enum extract_el_flag {
	EL_BLOCK	= 1 << 0,	/* a paragraph boundary */
	EL_FLAT		= 1 << 1,	/* deeper than HTML_MAX_DEPTH: inline */
	EL_PROTECTED	= 1 << 2,	/* holds the article: never dropped by
					   the furniture rules */
	EL_DROPPED	= 1 << 3,
	EL_IN_LINK	= 1 << 4,	/* inside an <a> */
	EL_IN_ARTICLE	= 1 << 5,	/* inside <article>, <main>, <section> */
	EL_CANDIDATE	= 1 << 6,	/* has a score */
	EL_MARKER	= 1 << 7,	/* an articleBody / h1 / main marker */
};

/* One element of the page's body, in document order. */
struct extract_el {
	xmlNode		*node;
	int		 parent;	/* index, -1 for the body */
	int		 owner;		/* nearest block ancestor-or-self */
	unsigned	 tag;		/* enum html_tag */
	unsigned	 flags;
	unsigned	 cls;		/* enum extract_cls */
	size_t		 own;		/* characters of its own paragraph text */
	size_t		 own_commas;
	size_t		 own_breaks;	/* <br><br> inside it */
	size_t		 text;		/* characters in its subtree */
	size_t		 links;		/* of which inside links */
	double		 score;
};

/* Pages repeat the same class names on thousands of elements: what
 * extract_class said about the last ones seen, by their text. */
#define EXTRACT_CLASS_CACHE	512

struct extract_class_memo {
	const char	*cls, *id;	/* attribute values (the page's) */
	unsigned	 result;
};

struct extract {
	const struct html_page	*page;
	const struct webmeta	*meta;
	struct extract_el	*el;
	size_t			 nel;
	char			*title_key;	/* the headline, for comparing */
	struct extract_class_memo memo[EXTRACT_CLASS_CACHE];
};

/* The class/id words of an element (0 when it has neither). */
unsigned extract_class(const xmlNode *n);
/* The same, remembered in x's memo. */
unsigned extract_class_memo(struct extract *x, const xmlNode *n);

/* The element record of a node, or NULL (not in the body's index). */
struct extract_el *extract_el_of(const struct extract *x, const xmlNode *n);

/* A key for comparing short texts: lower case, letters and digits only. */
char *extract_key(const char *s);

/* Is s (a short text) only a label like "Advertisement"? */
int extract_is_ad_label(const char *s);
/* Does t end a sentence ('.', '!' or '?', maybe inside quotes)? */
int extract_ends_sentence(const char *t);

/*
 * The text of the chosen elements (in document order), blocks separated
 * by blank lines; *len bytes.
 */
char *extract_render(const struct extract *x, xmlNode *const *roots,
    size_t nroots, size_t *len);

#endif
