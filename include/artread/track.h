/*
 * track.h: change tracking, what follows from keeping an article's
 * versions (store.h) and aligning them (align.h):
 *
 *   - annotations re-anchored on a changed article: the text they were
 *     placed on is taken from the store and aligned with the text now,
 *     once per version, and each annotation mapped with align_map's
 *     rules; without that text, by their own context
 *     (annot_find_by_context);
 *   - the texts kept: the last version read of every article, and the
 *     version every annotation was made on, pinned while one refers to it;
 *   - the version a differences view starts from;
 *   - the reading position following the text.
 *
 * One store serves the whole process: opened on first use in the data
 * directory ($XDG_DATA_HOME/artread/versions) under the configured cap
 * (config store_limit).  If it cannot be opened, nothing is kept and
 * re-anchoring goes by context; nothing here fails loudly: losing a kept
 * text loses history, never an annotation.
 */
#ifndef ARTREAD_TRACK_H
#define ARTREAD_TRACK_H

#include <stddef.h>

#include "artread/annot.h"
#include "artread/sha256.h"

struct store;

/* The store (opened on first use), or NULL when there is none. */
struct store *track_store(void);
/* The cap the store is opened with (0: the default, 256 MiB).  Call it
 * before the store is first used. */
void track_set_limit(size_t cap);
/* Use st from now on (NULL: no store at all, for tests and fuzzing); the
 * caller keeps and closes it.  Any store opened before is closed. */
void track_use_store(struct store *st);
/* Close the store opened by track_store (at exit). */
void track_close(void);

/*
 * The key an article is known by in the store and the pins: its URL when
 * it came from the web, else its real path, else "stdin" (for holding
 * pins: "stdin:SHA", one holder per text read from standard input).  A
 * new string.
 */
char *track_key(const char *path, const char *url, const char *sha);

/*
 * Re-anchor v[0, n), whose ranges are on the text named old_sha ("" or
 * NULL: unknown), on bytes[0, len) whose SHA-256 is sha.  If the store
 * has the old text, the two are aligned once; annotations whose ranges
 * do not hold on it, and every annotation when it is not kept, are
 * placed by their context.  st gets the counts (annot.h).
 */
void track_reanchor_v(struct annot **v, size_t n, const char *old_sha,
    const char *bytes, size_t len, const char *sha,
    struct annot_reanchor_stats *st);
/* The same for a set. */
void track_reanchor(struct annot_set *set, const char *old_sha,
    const char *bytes, size_t len, const char *sha,
    struct annot_reanchor_stats *st);

/*
 * Keep bytes[0, len) as the last version read of key; sha gets its
 * SHA-256.  A text over STORE_MAX_TEXT is neither hashed nor kept
 * (sha ""): 0 if kept, else -1.  prev (may be NULL) gets the version
 * that was the last one read before ("" if none).
 */
int track_keep(const char *key, const char *bytes, size_t len,
    char sha[SHA256_HEX_LEN], char prev[SHA256_HEX_LEN]);
/* Is the text named sha kept as a version of key?  (A save checks
 * before it keeps, so that it does not rewrite the store's index.) */
int track_kept(const char *key, const char *sha);
/* Pin the versions set's annotations were made on, for holder (replacing
 * what it pinned before).  last (may be NULL) is a fingerprint of what
 * this caller pinned last: if the versions are the same, the store is
 * not touched.  0 or -1. */
int track_pin(const char *holder, const struct annot_set *set,
    unsigned long long *last);

/*
 * The version a differences view of key (now the text sha) starts from:
 * the version most of set's annotations were made on, other than sha and
 * kept in the store; else sha itself if annotations were made on it;
 * else the version read before this one: before, when the caller kept
 * sha and track_keep gave it the one before ("": none), else the last
 * version of key read, which is sha if the text is as it was last read
 * (so that --diff of an unchanged article shows no change, every time).
 * 0 and base (equal to sha: nothing changed), or -1 if none is kept.
 */
int track_base(const char *key, const struct annot_set *set, const char *sha,
    const char *before, char base[SHA256_HEX_LEN]);
/* Was an annotation of set made on the version sha? */
int track_annotated_on(const struct annot_set *set, const char *sha);

/*
 * A text kept in the store: *bytes (free it) and *len.  0, or -1 with
 * *cause (not kept, damaged, no store).
 */
int track_text(const char *sha, char **bytes, size_t *len, char **cause);

/*
 * Where an offset remembered in the version of key that had old_size
 * bytes is in bytes[0, len): the same place in the same word, or where
 * it was deleted.  0 and *out; -1 if no version of that size is kept
 * (of several, the last read one, else the most recently used).
 */
int track_follow_offset(const char *key, size_t old_size, size_t off,
    const char *bytes, size_t len, size_t *out);

#endif
