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

/*
 * The quotes of text[0, len), sorted by start; ents are the entity
 * mentions (sorted by start) used to find speakers, canon their links
 * (coref.h) by which speakers are named in full.  *out is allocated
 * (free it); returns the count.
 */
size_t quotes_find(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, const size_t *canon, size_t nents,
    struct quote **out);

#endif
