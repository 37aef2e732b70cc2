/*
 * search.h: the pager's / and ? search, its & filter and --annotate-text:
 * a PCRE2 pattern with smart case (case-insensitive unless the pattern
 * has a capital letter), or a literal text.
 *
 * Text is searched as the reader sees it after reflow: paragraph by
 * paragraph, each run of white space (spaces, tabs, line ends) as one
 * space, so "club on Oldham" finds "club on\nOldham".  A match never
 * spans two paragraphs; ^ and $ are a paragraph's ends.  A paragraph
 * longer than SEARCH_PIECE bytes is searched in pieces that overlap by
 * SEARCH_OVERLAP bytes, so a match longer than that may be missed there.
 * Text and pattern are both searched in NFC, so "é" typed precomposed
 * finds "e" + U+0301 in the article and the other way round (a bare "e"
 * finds neither).  Typographic quotes are searched as the straight ones
 * (’ ‘ ʼ as ', “ ” „ « » as "), in the text and in the pattern, so
 * "it's" finds "it’s" and “Tonight finds "Tonight.  Matches are given as byte ranges of the article.  No
 * curses here.
 */
#ifndef ARTREAD_SEARCH_H
#define ARTREAD_SEARCH_H

#include <stddef.h>

#include "artread/doc.h"

#define SEARCH_PIECE	65536
#define SEARCH_OVERLAP	4096

/*
 * The reflowed text of bytes[start, end): each run of spaces, tabs, CRs
 * and LFs is one space, and each grapheme cluster in NFC (utf8.h).  search_flat_byte maps a character of the text
 * back to the byte it came from (a space to the start of its run), so a
 * match [i, j) of the text is the bytes [byte(i), byte(j)).  The map is
 * kept as anchors where a run of two or more bytes became one space, and
 * after a cluster NFC changed; between them text and bytes go in step.  text is NUL-padded past len
 * (PCRE2's JIT reads ahead).
 */
struct search_anchor {
	size_t	flat;		/* from this character of the text on */
	size_t	byte;		/* ... the bytes go in step from here */
	int	nfc;		/* ... or a cluster NFC changed starts here
				   and ends at the next anchor */
};

struct search_flat {
	char			*text;
	size_t			 len;
	size_t			 cap;
	struct search_anchor	*anchor;	/* the first is (0, start) */
	size_t			 nanchor;
	size_t			 anchor_cap;
	struct search_memo	*memo;		/* search.c's, for NFC */
};

void search_flat_init(struct search_flat *f);
void search_flat_free(struct search_flat *f);
/* Fill f with the reflowed text of bytes[start, end). */
void search_flat_fill(struct search_flat *f, const char *bytes, size_t start,
    size_t end);
/* The byte text[i] came from (i <= len; len gives end); inside a
 * cluster NFC changed, the cluster's first byte. */
size_t search_flat_byte(const struct search_flat *f, size_t i);
/* The same for the end of a match: inside such a cluster, its end. */
size_t search_flat_end_byte(const struct search_flat *f, size_t i);
/* The index of the first character of f made from byte off or later
 * (f->len if none). */
size_t search_flat_index(const struct search_flat *f, size_t off);

struct search;

enum search_flag {
	SEARCH_LITERAL	  = 1 << 0,	/* text, not a pattern (less's ^R) */
	SEARCH_EXACT_CASE = 1 << 1,	/* no smart case */
};

/* Compile; on error NULL and *err = "MESSAGE at offset N" (to free).
 * A literal's runs of white space match one space (as reflowed). */
struct search *search_compile(const char *pattern, unsigned flags,
    char **err);
/* search_compile(pattern, 0, err): a PCRE2 pattern, smart case. */
struct search *search_new(const char *pattern, char **err);
void search_free(struct search *s);
const char *search_pattern(const struct search *s);
/* Is it a literal text (SEARCH_LITERAL)? */
int search_is_literal(const struct search *s);

/*
 * The first match starting at or after byte from (forward), or the last
 * one starting before from (backward).  Empty matches are skipped.
 * Returns 1 and the match in *m, or 0.
 */
int search_find(const struct search *s, const struct doc *d, size_t from,
    int backward, struct range *m);

/*
 * Why the last search_find (and so search_count, search_paragraphs)
 * stopped short: "search too costly: " and PCRE2's message (its match or
 * depth limit spent, its JIT stack full); NULL when it did not.
 */
const char *search_error(const struct search *s);
/* Every match starting in [start, end), in order, not overlapping:
 * calls fn for each. */
void search_each(const struct search *s, const struct doc *d, size_t start,
    size_t end, void (*fn)(void *, size_t, size_t), void *arg);

/*
 * How many places match, overlapping ones too, counting at most max;
 * the first in *first.  (--annotate-text: a text found once.)
 */
size_t search_count(const struct search *s, const struct doc *d, size_t max,
    struct range *first);

/* The paragraphs holding a match, in order, in *out (free it); returns
 * how many.  (The & filter.) */
size_t search_paragraphs(const struct search *s, const struct doc *d,
    struct range **out);

/*
 * Does a short string (not the article) hold a match?  It is reflowed as
 * the article is (white space runs, NFC), into a copy with zeroed slack:
 * PCRE2's JIT reads a subject in 16-byte blocks past its end, which
 * valgrind reports on an exactly-sized heap string.
 */
int search_in_string(const struct search *s, const char *str, size_t n);

#endif
