/*
 * textobj.h: text objects for the cursor and selections: characters,
 * words, sentences and paragraphs, as byte ranges.  No curses here.
 */
#ifndef ARTREAD_TEXTOBJ_H
#define ARTREAD_TEXTOBJ_H

#include <stddef.h>

#include "artread/doc.h"

/*
 * The next / previous character boundary: a character is a glyph as
 * layout shows it, so a grapheme cluster (a letter with its combining
 * accents, an emoji ZWJ sequence, a flag) is one step.
 */
size_t textobj_char_next(const struct doc *d, size_t off);
size_t textobj_char_prev(const struct doc *d, size_t off);

/* A word is a run of non-space bytes.  Each returns off when none. */
size_t textobj_word_next(const struct doc *d, size_t off);
size_t textobj_word_prev(const struct doc *d, size_t off);
/* The last byte of the word at or after off. */
size_t textobj_word_end(const struct doc *d, size_t off);
/* The word holding off (or the next one); 0 if none. */
int textobj_word_at(const struct doc *d, size_t off, struct range *w);

/*
 * Sentences end at . ! ? (with closing quotes and brackets) before white
 * space and a capital, a digit or an opening quote, unless the word is a
 * common abbreviation (Mr., Dr., U.S.); paragraphs end them too.
 */
int textobj_sentence_at(const struct doc *d, size_t off, struct range *s);
size_t textobj_sentence_next(const struct doc *d, size_t off);
size_t textobj_sentence_prev(const struct doc *d, size_t off);

/* The paragraph starts after / before off; off when none. */
size_t textobj_para_next(const struct doc *d, size_t off);
size_t textobj_para_prev(const struct doc *d, size_t off);

/*
 * For a selection, whose end includes the glyph under the cursor: the
 * last glyph of the sentence / paragraph at off, or of the next one
 * when off is already there (so } and ) never take the first letter of
 * what follows).  off when there is none.
 */
size_t textobj_sentence_last(const struct doc *d, size_t off);
size_t textobj_para_last(const struct doc *d, size_t off);

#endif
