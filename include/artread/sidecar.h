/*
 * sidecar.h: the annotations file of an article, opened and saved.
 *
 * Where it lives is sidepath.h's; its format (JSON Lines, a header then
 * one W3C-shaped annotation per line) is w3c.h's, described at the top
 * of src/w3c.c and in the manual.  Saving is atomic (atomic.h) and
 * merges under a lock (lockfile.h) with what other artread instances
 * wrote, by a rule that cannot lose a change (merge.h).
 *
 * Read-only: a file that cannot be parsed (or has a newer version) is
 * never overwritten; nor is one without write permission (chmod a-w),
 * nor a symbolic link to something artread cannot replace.  The file is
 * read only if it is a regular file (a FIFO must not hang artread), and
 * up to SLURP_ANNOTATIONS_MAX bytes.
 */
#ifndef ARTREAD_SIDECAR_H
#define ARTREAD_SIDECAR_H

#include <stddef.h>

#include "artread/annot.h"
#include "artread/sidepath.h"

struct sidecar {
	char			*path;		/* the .annotations.jsonl */
	char			*write_path;	/* what a save replaces: path,
						   or a symbolic link's target */
	char			*lock_path;	/* DIR/.NAME.lock beside
						   write_path */
	char			*other_path;	/* the article's other place
						   (sidepath.h), or NULL */
	char			*content_path;	/* annotations kept for this
						   text by content, or NULL */
	char			*article_real;	/* the article's real path,
						   NULL for standard input */
	enum sidecar_where	 where;
	char			*article_name;	/* base name, for the header */
	const char		*bytes;		/* the article (not a copy: it
						   must outlive the sidecar) */
	size_t			 len;
	char			 sha256[65];	/* "" until first needed */
	char			*url;		/* the article's URL, or NULL */
	char			*header_extra;	/* unknown header members, kept */
	int			 readonly;	/* never write: see cause */
	char			*readonly_cause;
	size_t			 moved;		/* re-anchoring at load: placed
						   elsewhere or in another
						   state */
	size_t			 orphaned;	/* orphans now */
	size_t			 anchors[4];	/* after re-anchoring at load:
						   how many in each state
						   (enum annot_anchor) */
	size_t			 by_content;	/* offered from content_path
						   (made on standard input) */
	char			*content_name;	/* the article they were made
						   on ("stdin"), or NULL */
	char			*moved_from;	/* annotations moved beside the
						   article from here at open */
	size_t			 elsewhere;	/* none here, but files an older
						   artread kept for an article
						   of this name, another text */
	char			*elsewhere_path; /* the first of them */
	size_t			 renamed;	/* files of an article gone
						   (renamed or moved) whose
						   text was this one */
	char			*renamed_path;	/* the first of them */
	char			*renamed_name;	/* its article's name */
	size_t			 renamed_count;	/* its annotations */
	char			 seed[65];	/* header: see w3c.h */
	char			 adopted[65];
	int			 kept;		/* the text is in the store */
	unsigned long long	 pinned;	/* track_pin's fingerprint of
						   the versions pinned last */
	size_t			 times_fixed;	/* times that could not be read
						   at load (set to the file's
						   modification time) */
	size_t			 conflicts;	/* by the last save: changes
						   made on both sides, both
						   kept (conflict_of) */
	struct sidecar_stamp {			/* the file as last read or
						   written (private: a save
						   skips re-reading a file
						   that is still that one) */
		int		 valid;
		unsigned long long dev, ino, size;
		long long	 mtime, mtime_ns, ctime, ctime_ns;
	}			 stamp;
};

/*
 * Find the annotations of an article (path NULL = standard input) whose
 * bytes are [0, len), and load them into set (which should be empty).
 * Every place they may be is read (sidepath.h): the sidecar beside the
 * article and the one kept in the data directory by its path are
 * merged, and when the article's directory is writable again, those of
 * the data directory move beside it (atomically, under both files'
 * locks, taken in that order; nothing duplicated: the copy in the data
 * directory wins whole if the file beside it has not changed since it
 * was made from it, else they are merged as an import would).  Those
 * kept for the same text by content (made on standard input) are
 * offered: added, to be saved with the next save (sc->by_content),
 * unless this sidecar took them in before.  Files a renamed or moved
 * article left (kept for an article no longer there, with exactly this
 * text) are looked for, and named in sc->renamed_path for sidecar_adopt.
 * A missing file is an empty set.  If the article changed since a file was written, its
 * annotations are re-anchored (track.h: through the version store when
 * it has the text they were on; sc->moved, sc->anchors, sc->orphaned).
 * Returns 0 (sc->readonly may be set: a file without
 * write permission, say why in sidecar_readonly_cause), or -1 with
 * *cause set (free it) when the file could not be read or parsed
 * ("FILE:LINE: why"): then sc->readonly is set and set holds the
 * annotations of the lines that could be read (none if the header is
 * bad), to be shown read-only; files a renamed article left are looked
 * for then too (sc->renamed), so that a message can say how to adopt
 * them once the damaged file is out of the way.  sc must be released
 * with sidecar_close either way.
 */
int sidecar_open(struct sidecar *sc, const char *article_path,
    const char *bytes, size_t len, struct annot_set *set, char **cause);
/*
 * The same for an article fetched from the web, whose annotations are
 * kept by its URL (sidepath_locate_url); sc->url is url from the start.
 */
int sidecar_open_url(struct sidecar *sc, const char *url, const char *bytes,
    size_t len, struct annot_set *set, char **cause);
void sidecar_close(struct sidecar *sc);

/*
 * Save set: lock, re-read the file and merge (merge.h: keep what other
 * instances added or changed, drop what they deleted, keep both copies
 * of a conflicting change: sc->conflicts), write a temporary file,
 * fsync, rename over, unlock.  The merge may add to or change set.  Then
 * the text is kept in the version store (once) and the versions the
 * annotations were made on are pinned there (track.h).
 * Returns 0, or -1 with *cause (free it); on failure nothing on disk is
 * damaged, set is kept and the next save retries.
 */
int sidecar_save(struct sidecar *sc, struct annot_set *set, char **cause);

/*
 * Adopt the annotations of a renamed article (sc->renamed_path, found
 * at open: kept for an article that is no longer there, whose text was
 * exactly this one): they are added to set as an import adds them
 * (merge.h: none twice), saved, and the old file is removed once they
 * are saved, under its lock.  0 and *n (how many were added), or -1
 * with *cause (the old file is left as it was).
 */
int sidecar_adopt(struct sidecar *sc, struct annot_set *set, size_t *n,
    char **cause);

/*
 * Append to b where a renamed article's annotations are (sc->renamed
 * > 0) and the command that takes them in, "artread --adopt NAME" (name:
 * the article as the user named it).  When sc itself is damaged, that
 * file must go out of the way first (adopting saves to it, and a damaged
 * file is never written): damaged says so ("; " first, after the error).
 */
struct buf;
void sidecar_renamed_hint(const struct sidecar *sc, const char *name,
    int damaged, struct buf *b);
/* The same after *error (the damaged sidecar's error, replaced), when
 * there is a renamed article's file; else nothing. */
void sidecar_renamed_hint_after(const struct sidecar *sc, const char *name,
    char **error);

/* Is it read-only (corrupt, newer, or not writable)?  Why (NULL if not)? */
int sidecar_is_readonly(const struct sidecar *sc);
const char *sidecar_readonly_cause(const struct sidecar *sc);

/*
 * The article's URL, for an article that came from the web: kept in the
 * header and written as every annotation's target source from the next
 * save on.  NULL keeps the one there.
 */
void sidecar_set_url(struct sidecar *sc, const char *url);

/* For the status line: "story.txt.annotations.jsonl" or
 * "~/.local/share/artread/annotations/<sha>.annotations.jsonl (directory
 * not writable)"; a new string, free it. */
char *sidecar_location(const struct sidecar *sc);

#endif
