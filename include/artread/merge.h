/*
 * merge.h: putting together what this process holds and what another
 * wrote, by a rule that cannot lose a change.
 *
 * Each annotation in memory remembers the fingerprint of the copy on
 * disk when the two were last in sync (annot_fingerprint).  For each id:
 * a side "changed it" if its copy differs from that fingerprint.
 *   - only this process changed it: this process's copy is kept (an edit
 *     here also beats a deletion there);
 *   - only the disk changed it: the disk's copy is taken (its deletion
 *     too);
 *   - both changed it, differently: both are kept: this process's copy
 *     under the id, the disk's under a new id with conflict_of set to
 *     the id (unless the disk already holds this process's copy as such
 *     a conflict copy: then the disk's resolution is taken);
 *   - deleted here, changed there: the disk's copy comes back.
 * Times are never compared.
 */
#ifndef ARTREAD_MERGE_H
#define ARTREAD_MERGE_H

#include <stddef.h>

#include "artread/annot.h"

struct merge_stats {
	size_t	in;		/* taken from disk (new or changed there) */
	size_t	dropped;	/* deleted on disk, dropped here */
	size_t	conflicts;	/* changed on both sides: both kept */
};

/*
 * Merge disk[0, n) (the annotations of the file as it is now; taken,
 * and the array freed) into set.  exists: the file was there (if it is
 * gone, nothing is dropped).
 */
void merge_disk(struct annot_set *set, struct annot **disk, size_t n,
    int exists, struct merge_stats *st);

/*
 * Import: add in[0, n) (taken; the array freed) to set.  One whose id is
 * there with the same tags, note and fields is left out (imported
 * before, whatever its times say); with other content it is kept as a
 * conflict copy (new id, conflict_of).  Returns
 * how many were added; *conflicts (may be NULL) those kept as copies.
 */
size_t merge_import(struct annot_set *set, struct annot **in, size_t n,
    size_t *conflicts);

/* Make c, a copy that conflicts with the annotation of its id, the
 * conflict copy: a new id, conflict_of that id, not on disk yet. */
void merge_make_copy(struct annot *c);

#endif
