/*
 * listing.h: the plain-text listings other tools read (--entities,
 * --quotes).  Article bytes are printed with tabs and line breaks as
 * spaces and control characters in their visible forms (termsafe.h: ^[,
 * <U+202E>, U+FFFD), so the output is safe on a terminal and a file
 * alike; offsets are the analysis' own.  (--stats: stats.h.)
 */
#ifndef ARTREAD_LISTING_H
#define ARTREAD_LISTING_H

#include <stddef.h>
#include <stdio.h>

struct analysis;
struct buf;

/*
 * One line per mention, sorted by START:
 * "START\tEND\tTYPE\tTEXT\tNAME", NAME being the entity's fullest name
 * in the text (the same for "Zhou Mingyu" and "Zhou", for "DNA" and
 * "National Anticorruption Directorate"; coref.h).
 */
void listing_entities(FILE *out, const char *text, size_t len,
    const struct analysis *a);
/* One line per quote: "START\tEND\tSPEAKER\tTEXT" (SPEAKER "-" if none). */
void listing_quotes(FILE *out, const char *text, size_t len,
    const struct analysis *a);
/* The same lines appended to b (thread-safe: a block's listing is made
 * in the thread that analysed it, analysis_pipe). */
void listing_entities_to(struct buf *b, const char *text, size_t len,
    const struct analysis *a);
void listing_quotes_to(struct buf *b, const char *text, size_t len,
    const struct analysis *a);
/* Write text[s, e) safely: see above; ws collapses white space runs. */
void listing_text(FILE *out, const char *text, size_t len, size_t s,
    size_t e, int ws);
/* text[s, e) made safe as above, white space runs as one space: a new
 * string (free it). */
char *listing_string(const char *text, size_t len, size_t s, size_t e);
/* The same appended to b. */
void listing_text_to(struct buf *b, const char *text, size_t len, size_t s,
    size_t e);
/* "==> NAME <==" before the i-th of several articles, NAME made safe. */
void listing_section(FILE *out, int i, const char *name);
/* The file column of a listing of several files, as grep -H: the name
 * made safe (a tab or line break in it shows as a space) and a tab. */
char *listing_file_column(const char *name);
/* lines (whole lines) with column before each. */
void listing_prefixed(FILE *out, const char *column, const char *lines,
    size_t len);

#endif
