/*
 * quotes.h: quoted passages and who said them.  Quotes pair across
 * hard-wrapped lines and, by the news convention, across paragraphs; a
 * quote left open at the end of a paragraph that is not continued ends
 * there.  Speakers come from the sentence around the quote, using the
 * entity mentions.  No curses here.
 */
#ifndef ARTREAD_QUOTES_H
#define ARTREAD_QUOTES_H

#include <stddef.h>

struct entity;
struct quote;
struct rules;
struct strmap;

/*
 * The quotes of text[0, len), sorted by start; ents are the entity
 * mentions (sorted by start) used to find speakers, canon their links
 * (coref.h) by which speakers are named in full.  *out is allocated
 * (free it); returns the count.
 */
size_t quotes_find(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, const size_t *canon, size_t nents,
    struct quote **out);

/*
 * What spans a text, for reading its quotes a window at a time
 * (analysis.c): quotes_doc_text reads the whole text once (the
 * quotation marks in use, the paragraphs a quote runs on into, the
 * labels of a transcript); quotes_doc_mentions is given every mention
 * in order (the persons a transcript's labels name); quotes_doc_finish
 * decides the rest.  Zero it first; quotes_doc_free frees it.
 */
struct quotes_doc {
	int		 single;	/* no double marks pair anywhere:
					   single ones are outer */
	size_t		*cont;		/* paragraphs a quote runs on into */
	size_t		 ncont;
	size_t		 capcont;
	struct strmap	*labels;	/* paragraph labels ("Q", "Aamodt") */
	size_t		 label[2];	/* the two used most, twice or more: */
	size_t		 label_len[2];	/* where first used, their lengths */
	size_t		 person[2][2];	/* the first person each names */
	size_t		 first_person[2];
	int		 answers;	/* which label answers */
	int		 has_guest;	/* a transcript, and its interviewee */
	int		 panel;		/* a third label used twice or more:
					   no one guest (a radio panel) */
	size_t		 guest_s;
	size_t		 guest_e;
	size_t		 first_q;
	/* In a window: the name of the first person or organisation
	 * mention of the whole text that reads as text[s, e) (1), or 0. */
	int		(*name_of)(void *arg, size_t s, size_t e, size_t *ns,
			    size_t *ne);
	void		*name_arg;
};

void quotes_doc_text(struct quotes_doc *qd, const struct rules *r,
    const char *text, size_t len);
void quotes_doc_mentions(struct quotes_doc *qd, const char *text,
    const struct entity *ents, size_t n);
void quotes_doc_finish(struct quotes_doc *qd, const char *text, size_t len);
void quotes_doc_free(struct quotes_doc *qd);
/* (quotes_doc_text's: p starts a paragraph a quote runs on into) */
void quotes_doc_cont(struct quotes_doc *qd, size_t p);
/* Does no quote run on into the first paragraph at or after p? */
int quotes_doc_closed(const struct quotes_doc *qd, const char *text,
    size_t len, size_t p);

/*
 * The quotes of the window text[ws, we) (each a paragraph start no quote
 * runs on into, or 0 and len): ents its mentions (canon may point into
 * ents[nents, nnamed): mentions outside the window that name some in
 * it), sex their sexes (coref_sexes of the whole text), qd the whole
 * text's.  (*taint)[i] (if taint is not NULL) marks a quote whose
 * speaker may differ from the whole text's: it looked past the window.
 */
size_t quotes_find_window(const struct rules *r, const char *text,
    size_t len, size_t ws, size_t we, const struct entity *ents,
    const size_t *canon, size_t nents, size_t nnamed, const char *sex,
    const struct quotes_doc *qd, struct quote **out, unsigned char **taint);

#endif
