/*
 * annotate.h: adding one annotation without the pager, for scripting
 * (--annotate, --annotate-text): load the article and its sidecar (a
 * damaged or read-only one is refused), add the annotation, save with
 * lock and merge.  Nothing is printed here.
 */
#ifndef ARTREAD_ANNOTATE_H
#define ARTREAD_ANNOTATE_H

#include <stddef.h>

/*
 * Annotate bytes [start, end) of the article at path.  tags is a
 * comma-separated list (may be NULL or ""), note may be NULL.  0, or -1
 * with *cause (naming the file).  If id is not NULL it receives the new
 * annotation's id (free it).  On success *cause may hold a notice (free
 * it): where the annotation went when the article's directory could not
 * keep it.
 */
int annotate_range(const char *path, size_t start, size_t end,
    const char *tags, const char *note, char **id, char **cause);
/* The same on the one place exact_text occurs; fails if it is not
 * found or found more than once. */
int annotate_text(const char *path, const char *exact_text, const char *tags,
    const char *note, char **id, char **cause);

/*
 * The same on a document already open (an HTML page's or a URL's text):
 * its annotations are kept by url when it is not NULL (a web article,
 * sidecar_open_url), else by d->path.  Messages name d->name.
 */
struct doc;
int annotate_range_in(const struct doc *d, const char *url, size_t start,
    size_t end, const char *tags, const char *note, char **id, char **cause);
int annotate_text_in(const struct doc *d, const char *url,
    const char *exact_text, const char *tags, const char *note, char **id,
    char **cause);

/* Parse "START:END:TAG[:NOTE]" (the note may hold colons).  Allocates
 * *tag and *note (NULL if absent).  0, or -1 with *cause. */
int annotate_parse_range_arg(const char *arg, size_t *start, size_t *end,
    char **tag, char **note, char **cause);

#endif
