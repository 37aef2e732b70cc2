/*
 * search.h: the pager's / and ? search: a PCRE2 pattern with smart case
 * (case-insensitive unless the pattern has a capital letter) over the
 * article's bytes.  No curses here.
 */
#ifndef ARTREAD_SEARCH_H
#define ARTREAD_SEARCH_H

#include <stddef.h>

#include "artread/doc.h"

struct search;

/* Compile; on error NULL and *err = "MESSAGE at offset N" (to free). */
struct search *search_new(const char *pattern, char **err);
void search_free(struct search *s);
const char *search_pattern(const struct search *s);

/*
 * The first match starting at or after from (forward), or the last one
 * starting before from (backward).  Empty matches are skipped.
 * Returns 1 and the match in *m, or 0.
 */
int search_find(const struct search *s, const char *text, size_t len,
    size_t from, int backward, struct range *m);

/*
 * Does a short string (not the article) hold a match?  It is copied with
 * zeroed slack first: PCRE2's JIT reads a subject in 16-byte blocks past
 * its end, which valgrind reports on an exactly-sized heap string.
 */
int search_in_string(const struct search *s, const char *str, size_t n);

/* Every match in text[start, end): calls fn for each. */
void search_each(const struct search *s, const char *text, size_t len,
    size_t start, size_t end, void (*fn)(void *, size_t, size_t), void *arg);

#endif
