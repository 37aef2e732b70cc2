/*
 * import.h: read annotations back from brat standoff (.ann) and W3C
 * Web Annotation JSON (as written by export), into an article's
 * sidecar.
 */
#ifndef ARTREAD_IMPORT_H
#define ARTREAD_IMPORT_H

#include <stddef.h>

#include "artread/annot.h"
#include "artread/doc.h"

enum import_format {
	IMPORT_BRAT,
	IMPORT_JSON,
};

/* "brat", "json" -> format; -1 if unknown. */
int import_format_from_name(const char *name);

/* What an import did. */
struct import_stats {
	size_t	added;		/* new annotations (conflict copies too) */
	size_t	conflicts;	/* an id already there with other content:
				   kept as a copy (conflict_of) */
	size_t	skipped;	/* brat lines of kinds artread does not
				   read (relations, events, attributes,
				   normalisations, ...) */
	char	skipped_kinds[32];	/* their first letters, "R, E, A" */
	size_t	already;	/* read but there already (imported before,
				   or the article's own export): left out */
	size_t	times_fixed;	/* times that could not be read: now */
	size_t	orphans;	/* added as orphans: their text is not in
				   the article */
	size_t	relocated;	/* brat spans whose text was not the
				   article's at their offsets (the .ann
				   was made on another text): placed where
				   their text is (orphans are counted in
				   orphans) */
	char	source[512];	/* the article the JSON names (its first
				   target source; cut to fit), or "" */
	int	same_text;	/* JSON: an item was made on this very
				   text (its artread version is the
				   text's SHA-256), wherever it was */
	int	other_source;	/* import_into: source names another
				   article than the one imported into */
};

/*
 * Parse text[0, tlen) in fmt and add its annotations to set, against
 * the article bytes[0, len): offsets are converted back to bytes and
 * each new annotation is re-anchored (orphaned if its text is gone).
 * Every field is validated and normalised (ids made IRIs, times made
 * ISO 8601 UTC).  JSON annotations keep their ids; one already in set
 * with the same content is left out, one with other content is kept as
 * a conflict copy (never replacing a local edit).  brat ones get new
 * ids; one identical to an annotation there is left out; a brat type
 * that is how export writes a tag an annotation in set has
 * ("needs_check" for "needs check") is that tag.  st (may be NULL) gets
 * the counts.  0, or -1 with *cause ("FILE:LINE: why";
 * nothing is added then).
 */
int import_buffer(enum import_format fmt, const char *name, const char *text,
    size_t tlen, const char *bytes, size_t len, struct annot_set *set,
    struct import_stats *st, char **cause);

/*
 * Read ann_path (a regular file or a pipe, up to SLURP_ANNOTATIONS_MAX
 * bytes) and import it onto the article d, whose annotations are kept
 * by url (a web article, sidecar_open_url) or else beside d->path
 * (refusing a damaged or read-only sidecar); save with lock and merge.
 * 0, or -1 with *cause.  st may be NULL.
 */
int import_into(enum import_format fmt, const char *ann_path,
    const struct doc *d, const char *url, struct import_stats *st,
    char **cause);

/*
 * The same onto the text file article_path, read as it is (the CLI's
 * --import opens HTML pages and URLs as articles and calls import_into).
 */
int import_file(enum import_format fmt, const char *ann_path,
    const char *article_path, struct import_stats *st, char **cause);

#endif
