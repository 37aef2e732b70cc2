/*
 * rescue.h: annotations that could not be saved, kept safe until they
 * can be.  When the pager must quit while its saves fail (q q after a
 * failed save, SIGTERM or SIGHUP), the changes that are not on disk go to
 * a rescue file, $XDG_DATA_HOME/artread/rescue/SHA256.jsonl (named by the
 * SHA-256 of the sidecar's path), written atomically.  The next time the
 * article is opened they are offered, merged like a second writer's copy
 * by merge.h's rule (each change remembers the fingerprint of the copy it
 * was made on, its base: a change is taken where the annotation is as it
 * was then; where it changed since too, both are kept; times are never
 * compared), and once that is saved the rescue file goes.  No curses here.
 *
 * The file is JSON Lines: a header
 *   {"type":"artread-rescue","version":2,"sidecar":PATH,
 *    "written":TIME,"cause":WHY}
 * then {"base":FP,"annotation":ANNOTATION} for each annotation added or
 * changed (ANNOTATION as in the sidecar; FP the 16 hex digits of the
 * base's fingerprint, or null for one never saved) and
 * {"deleted":ID,"base":FP} for each one deleted.
 */
#ifndef ARTREAD_RESCUE_H
#define ARTREAD_RESCUE_H

#include <stddef.h>

#include "artread/annot.h"
#include "artread/util.h"

struct rescue {
	char		 *path;		/* the rescue file */
	char		 *sidecar;	/* the sidecar it belongs to */
	char		  written[ANNOT_TIME_LEN];
	char		 *cause;	/* why the save failed ("" if unknown) */
	struct annot	**v;		/* annotations changed or added */
	unsigned long long *base;	/* each one's base (0: none) */
	size_t		  n;
	char		**deleted;	/* ids deleted */
	unsigned long long *del_base;	/* each one's base */
	size_t		  ndeleted;
};

/* The rescue file of a sidecar (free it), or NULL with *cause. */
char *rescue_path(const char *sidecar_path, char **cause);

/* The changes in set that are not on disk: annotations added or changed
 * since the last load or save, and annotations deleted. */
size_t rescue_unsaved(const struct annot_set *set);

/*
 * Keep set's unsaved changes in the rescue file of sidecar_path, with
 * why (the save's failure; may be NULL), together with what an older
 * rescue file there holds (where both hold a change to an annotation,
 * set's).  0 and
 * *path (free it), or -1 with *cause.
 */
int rescue_write(const char *sidecar_path, const char *why,
    const struct annot_set *set, char **path, char **cause);

/* The unsaved changes as the rescue file's lines, without the header:
 * for when even the rescue file cannot be written. */
void rescue_format(const struct annot_set *set, struct buf *out);

/*
 * The rescue file of sidecar_path: 0 and *r (NULL if there is none), or
 * -1 with *cause (a file that cannot be read is left alone).
 */
int rescue_load(const char *sidecar_path, struct rescue **r, char **cause);
/* The number of changes it holds. */
size_t rescue_count(const struct rescue *r);
/* "2 annotation changes rescued from 2026-12-01": how the pager's offer
 * and the command line's note name them (free it). */
char *rescue_summary(const struct rescue *r);
/* Is there a rescue file at all?  (A quick look, made before finding
 * where an article's annotations would be.) */
int rescue_any(void);

/*
 * Merge r into set like a second writer's copy: a change is taken where
 * set's copy is its base (or set has none); where set's copy changed
 * since, both are kept (the rescued one under a new id with
 * conflict_of); a deletion applies where set's copy is its base, else
 * the annotation stays.  Each is an undoable change that the next save
 * writes.  Returns how many were taken (conflict copies too).
 */
size_t rescue_merge(const struct rescue *r, struct annot_set *set);

/* Remove the file (its changes are saved); 0, or -1 with *cause. */
int rescue_remove(const struct rescue *r, char **cause);
void rescue_free(struct rescue *r);

#endif
