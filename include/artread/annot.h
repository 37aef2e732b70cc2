/*
 * annot.h: the user's annotations on one article, in memory.  Each one
 * has a stable id, tags, a note, timestamps and an anchor (a byte range
 * into the article as read, plus the exact text and up to 32 code
 * points of context either side so it can be found again when the
 * article changes).  Every change can be undone and redone.  No I/O
 * here except reading /dev/urandom for ids; see sidecar.h for files.
 */
#ifndef ARTREAD_ANNOT_H
#define ARTREAD_ANNOT_H

#include <stddef.h>

#define ANNOT_CONTEXT	32	/* code points of prefix and suffix */
#define ANNOT_TIME_LEN	32	/* "2024-05-01T12:34:56.789Z" + NUL, padded */
#define ANNOT_ID_LEN	46	/* "urn:uuid:" + 36 + NUL (ids read may differ) */
#define ANNOT_VERSION_LEN 65	/* a SHA-256 in hex + NUL */

/* How well an annotation is anchored on the article as it is now. */
enum annot_anchor {
	ANNOT_EXACT,		/* its text, where it was */
	ANNOT_MOVED,		/* its text, found elsewhere */
	ANNOT_CHANGED,		/* the passage was edited: placed on the new
				   text; "was" keeps the text as annotated */
	ANNOT_ORPHAN,		/* not found: kept, range last known */
};

/* A passage and its context, as a W3C TextQuoteSelector. */
struct annot_quote {
	char	*exact;
	size_t	 exact_len;
	char	*prefix;
	size_t	 prefix_len;
	char	*suffix;
	size_t	 suffix_len;
};

struct annot {
	char	 *id;		/* stable, unique in its set: an IRI,
				   "urn:uuid:..." for artread's own */
	char	**tags;		/* each a non-empty string, no duplicates */
	size_t	  ntags;
	char	 *note;		/* never NULL; "" means no note */
	char	  created[ANNOT_TIME_LEN];	/* ISO 8601 UTC, ms */
	char	  modified[ANNOT_TIME_LEN];
	size_t	  start;	/* [start, end) bytes into the article */
	size_t	  end;
	char	 *exact;	/* article bytes [start, end) when anchored */
	size_t	  exact_len;	/* (any bytes: NUL and invalid UTF-8 too) */
	char	 *prefix;	/* context before start */
	size_t	  prefix_len;
	char	 *suffix;	/* context after end */
	size_t	  suffix_len;
	int	  orphan;	/* anchor == ANNOT_ORPHAN (kept in step) */
	enum annot_anchor anchor;
	struct annot_quote *was;	/* the text as annotated, kept when
					   the passage changed; or NULL */
	char	  version[ANNOT_VERSION_LEN];	/* SHA-256 of the article
				   text it was made or last confirmed on;
				   "" if unknown */
	char	 *conflict_of;	/* this is the other side's copy of a
				   conflicting change to that id; or NULL */
	char	 *extra;	/* what the codec read but artread does not
				   use (other bodies, creator, ...), kept to
				   be written back; opaque JSON, or NULL */
	/* Book-keeping for sidecar merges: the fingerprint of what was on
	 * disk when last in sync (synced), see annot_fingerprint.  Not
	 * saved. */
	unsigned long long synced_fp;
	int	  synced;
};

struct annot_set;

/* A new, empty set; free it with annot_set_free. */
struct annot_set *annot_set_new(void);
void annot_set_free(struct annot_set *set);

/*
 * Test and import hooks: the clock ("now" as ISO 8601) and the id
 * source.  NULL restores the defaults (real time, /dev/urandom).
 */
void annot_set_clock(struct annot_set *set, void (*now)(char *out));
void annot_set_idgen(struct annot_set *set, char *(*gen)(void));

/* The current time, ISO 8601 UTC with milliseconds (out: ANNOT_TIME_LEN). */
void annot_now(char *out);
/* A new random id: a UUID URN ("urn:uuid:" + 8-4-4-4-12, version 4). */
char *annot_new_id(void);

/*
 * Add an annotation on bytes[start, end) of the article (start < end
 * <= len); tag may be NULL or "" for none, note may be NULL.  Returns the
 * new annotation's id (owned by the set), or NULL if the range is bad.
 * Undoable.
 */
const char *annot_add(struct annot_set *set, const char *bytes, size_t len,
    size_t start, size_t end, const char *tag, const char *note);

/*
 * Can tag[0, len) be a tag ("claim", "needs check")?  Valid UTF-8 with
 * no control character (C0, DEL, C1), no white space but single spaces
 * between words (no tab, line break, no-break space), no invisible or bidirectional formatting character
 * (Cf: U+200B, U+202E, ...) and no comma.  0, or -1 with *cause ("bad
 * tag \"...\": a tag cannot hold control characters").  The one rule:
 * [tags] in the config, --annotate, --import and the pager's tag prompt
 * all check with it; reading a sidecar does not (what was saved is
 * shown).
 */
int annot_tag_check(const char *tag, size_t len, char **cause);

/* Edits by id; 0 on success, -1 if there is no such annotation (or the
 * tag is already there / not there).  All undoable. */
int annot_add_tag(struct annot_set *set, const char *id, const char *tag);
int annot_remove_tag(struct annot_set *set, const char *id, const char *tag);
int annot_set_note(struct annot_set *set, const char *id, const char *note);
int annot_delete(struct annot_set *set, const char *id);
/*
 * Move an annotation to bytes[start, end) of the article (start < end <=
 * len), keeping its id, tags, notes and creation time; its context is
 * taken from the new place and it is exact there (no longer an orphan,
 * moved or changed; "was" is dropped, and its version becomes the text
 * it is on when saved).  Re-targeting a moved or changed annotation to
 * its own range accepts it as it now is.  0, or -1 if there is no such
 * annotation or the range is bad.  Undoable.
 */
int annot_retarget(struct annot_set *set, const char *id, const char *bytes,
    size_t len, size_t start, size_t end);
/*
 * Make the annotation with copy's id what copy is (a copy is taken, with
 * copy's times): a change from elsewhere, such as a rescue file, that is
 * saved with the next save.  Undoable.
 */
void annot_restore(struct annot_set *set, const struct annot *copy);

/* Undo or redo the last change; 0 if done, -1 if nothing to do. */
int annot_undo(struct annot_set *set);
int annot_redo(struct annot_set *set);
int annot_can_undo(const struct annot_set *set);
int annot_can_redo(const struct annot_set *set);
/*
 * The undo and redo history of the same article read again (R): move
 * from's to to (to's own is dropped; from's is left empty), then
 * re-anchor its annotations on the text now read, bytes[0, len), by
 * their context (as annot_reanchor does the set's).
 */
void annot_history_move(struct annot_set *to, struct annot_set *from);
void annot_history_reanchor(struct annot_set *set, const char *bytes,
    size_t len);
/*
 * The change the next undo (redo = 0) would take back, or the next redo
 * (redo = 1) would make again: 0 with *before and *after (NULL: the
 * annotation did not exist), or -1 if there is none.  Borrowed: valid
 * until the set changes.
 */
int annot_change_peek(const struct annot_set *set, int redo,
    const struct annot **before, const struct annot **after);
/*
 * For messages: "claim, source on “The company said…”" (at most max
 * characters of the passage, on one line), and a change from before to
 * after (either NULL) as "tag claim on “…”", "deletion of tag claim on
 * “…”", "note on “…”", "removal of tag x from “…”", "re-targeting of
 * ...".  New strings (free them); not yet made safe for a terminal.
 */
char *annot_summary(const struct annot *a, size_t max);
char *annot_describe_change(const struct annot *before,
    const struct annot *after, size_t max);

/* Count and access in article order: by start, then end; orphans last. */
size_t annot_count(const struct annot_set *set);
const struct annot *annot_at(const struct annot_set *set, size_t i);
const struct annot *annot_find(const struct annot_set *set, const char *id);
/* Index in article order, or -1. */
long annot_index(const struct annot_set *set, const char *id);

/*
 * Nesting: > 0 if a lies deeper than b (it is shorter; on a tie it
 * starts later; then it comes later in article order), < 0 if b does, 0
 * for the same annotation.  The deepest annotation at a place is the
 * one painted on top, so it is the one "under the cursor".
 */
int annot_depth_cmp(const struct annot *a, const struct annot *b);
/* Anchored annotations covering offset (start <= off < end), deepest
 * first; returns how many were stored (the max deepest). */
size_t annot_covering(const struct annot_set *set, size_t off,
    const struct annot **out, size_t max);
/* The deepest anchored annotation covering off, or NULL. */
const struct annot *annot_innermost(const struct annot_set *set, size_t off);
/* The first anchored annotation starting after off, or the last one
 * starting before off; NULL if none. */
const struct annot *annot_next(const struct annot_set *set, size_t off);
const struct annot *annot_prev(const struct annot_set *set, size_t off);

/*
 * Re-anchoring: putting annotations made on one version of the article
 * on another, bytes[0, len).  A placer says where an annotation is in
 * the new text and how it got there (the state of that move alone):
 * *ns, *ne and EXACT (the same words, in place), MOVED (the same words,
 * elsewhere), CHANGED (the passage was edited: placed on the edited
 * words) or ORPHAN (mostly gone; *ns, *ne: where it was, possibly an
 * empty range).  The version store's placer aligns both versions (see
 * track.h); annot_find_by_context is the placer for a text that is not
 * kept.  Applying a placement keeps the state relative to the text the
 * annotation was made on: it only worsens (exact, moved, changed,
 * orphan) until the user re-targets or accepts it, or the edit is undone
 * (the text annotated is back: exact or moved again).  "was" keeps the
 * text as annotated while the state is changed.  An orphan keeps its
 * text and its data.  Not undoable: it is not a user's change.
 */
typedef enum annot_anchor annot_place_fn(void *arg, const struct annot *a,
    const char *bytes, size_t len, size_t *ns, size_t *ne);

/* What a re-anchoring did: the states after it, and how many annotations
 * it moved (range or state) and lost (newly orphaned). */
struct annot_reanchor_stats {
	size_t	exact;
	size_t	moved;
	size_t	changed;
	size_t	orphaned;
	size_t	relocated;
	size_t	lost;
};

/*
 * Where a is in bytes[0, len), found from its own context: its text in
 * place (EXACT); its text with all its context elsewhere (EXACT: only
 * shifted); else the quote with its context (32 code points either side)
 * aligned word by word with the new text around where it or its context
 * is found, with align_map's rules (align.h: never stretched over words
 * outside it nor across a paragraph break); else its text elsewhere
 * with some context (MOVED); else ORPHAN (*ns, *ne: a's range).  In a
 * text over 2 MiB it is looked for within 1 MiB of its old place.
 */
enum annot_anchor annot_find_by_context(const struct annot *a,
    const char *bytes, size_t len, size_t *ns, size_t *ne);

/* Re-anchor v[0, n) (place NULL: by context); st gets the counts. */
void annot_reanchor_v(struct annot **v, size_t n, const char *bytes,
    size_t len, annot_place_fn *place, void *arg,
    struct annot_reanchor_stats *st);
/* The same for a set (kept in article order). */
void annot_reanchor_by(struct annot_set *set, const char *bytes, size_t len,
    annot_place_fn *place, void *arg, struct annot_reanchor_stats *st);
/* By context; moved: annotations placed elsewhere or in another state,
 * orphaned: orphans now (either may be NULL). */
void annot_reanchor(struct annot_set *set, const char *bytes, size_t len,
    size_t *moved, size_t *orphaned);

/*
 * For the sidecar and import: insert a complete annotation, taking
 * ownership of a (allocated with annot_new); not undoable.  If the id
 * exists it is replaced.  annot_insert_many does the same for v[0, n)
 * (ids unique among them) with one sort, for loading many at once; it
 * takes the annotations, not the array.  annot_take removes one and
 * hands it back.
 */
struct annot *annot_new(void);
struct annot *annot_dup(const struct annot *a);
void annot_free(struct annot *a);
void annot_insert(struct annot_set *set, struct annot *a);
void annot_insert_many(struct annot_set *set, struct annot **v, size_t n);
struct annot *annot_take(struct annot_set *set, const char *id);
/* A copy of a quote; free with annot_quote_free. */
struct annot_quote *annot_quote_dup(const struct annot_quote *q);
void annot_quote_free(struct annot_quote *q);
/* The names of the anchor states ("exact", "moved", "changed",
 * "orphan") and back (-1 if unknown). */
const char *annot_anchor_name(enum annot_anchor a);
int annot_anchor_from_name(const char *name);
/* Set a's anchor state (and orphan with it). */
void annot_set_anchor(struct annot *a, enum annot_anchor anchor);
/* a's anchor state; orphan wins if the two disagree. */
enum annot_anchor annot_anchor_of(const struct annot *a);
/* Fill exact, prefix and suffix from the article for a's range. */
void annot_fill_context(struct annot *a, const char *bytes, size_t len);

/* Ids deleted in this session since the last successful save (so a
 * merge with the file on disk does not bring them back). */
size_t annot_deleted_count(const struct annot_set *set);
const char *annot_deleted_at(const struct annot_set *set, size_t i);
int annot_is_deleted(const struct annot_set *set, const char *id);
/* Was id deleted here, and what was its synced fingerprint then (0 and
 * *synced 0 if it had never been in sync)?  1 if deleted, else 0. */
int annot_deleted_base(const struct annot_set *set, const char *id,
    unsigned long long *fp, int *synced);
void annot_clear_deleted(struct annot_set *set);
/* Mark every annotation as in sync with disk (after load or save). */
void annot_mark_synced(struct annot_set *set);
/* Forget that the annotations were ever in sync with a file: before
 * merging one they were never saved to (another copy of the sidecar), so
 * what it lacks is not taken as deleted there. */
void annot_mark_unsynced(struct annot_set *set);
/* Annotations with no version that are on their own text (exact or
 * moved) get this one (the article they are on now). */
void annot_fill_versions(struct annot_set *set, const char *sha256);

/*
 * A fingerprint of what a user can change in a: tags, note and the kept
 * unknown fields; with ANNOT_FP_TIMES also created and modified (every
 * user change sets modified), with ANNOT_FP_ID the id and conflict_of.
 * Not the range or the anchor state: re-anchoring is not a change (a
 * user's re-targeting updates modified).  Used to tell whether a side
 * changed an annotation since the last sync; times are never ordered.
 */
enum annot_fp {
	ANNOT_FP_ID	= 1 << 0,
	ANNOT_FP_TIMES	= 1 << 1,
	ANNOT_FP_ALL	= ANNOT_FP_ID | ANNOT_FP_TIMES,
};
unsigned long long annot_fingerprint(const struct annot *a, unsigned what);

/* True if a change was made since the last annot_mark_synced. */
int annot_dirty(const struct annot_set *set);

/* True if s[0, len) is valid UTF-8 without NUL. */
int annot_utf8_valid(const char *s, size_t len);

#endif
