/*
 * import.h: read annotations back from brat standoff (.ann) and W3C
 * Web Annotation JSON (as written by export), into an article's
 * sidecar.
 */
#ifndef ARTREAD_IMPORT_H
#define ARTREAD_IMPORT_H

#include <stddef.h>

#include "artread/annot.h"

enum import_format {
	IMPORT_BRAT,
	IMPORT_JSON,
};

/* "brat", "json" -> format; -1 if unknown. */
int import_format_from_name(const char *name);

/*
 * Parse text[0, tlen) in fmt and add its annotations to set, against
 * the article bytes[0, len): offsets are converted back to bytes and
 * each new annotation is re-anchored (orphaned if its text is gone).
 * JSON annotations keep their ids (one already in set is replaced only
 * if the imported one was modified later); brat ones get new ids.
 * *count gets the number added or updated.  0, or -1 with *cause
 * ("FILE:LINE: why"; nothing is added then).
 */
int import_buffer(enum import_format fmt, const char *name, const char *text,
    size_t tlen, const char *bytes, size_t len, struct annot_set *set,
    size_t *count, char **cause);

/*
 * --import: read ann_path, load article_path and its sidecar (refusing
 * a corrupt one), import, save with lock and merge.  0, or -1 with
 * *cause.  count may be NULL.
 */
int import_file(enum import_format fmt, const char *ann_path,
    const char *article_path, size_t *count, char **cause);

#endif
