/*
 * store.h: the version store.  It keeps the texts of articles as they
 * were read, compressed with zstd and named by their SHA-256, so that an
 * annotation made on one version can be re-anchored on a later one, and
 * the differences shown.  Shared by change tracking and web articles.
 *
 * On disk ($XDG_DATA_HOME/artread/versions/ unless told otherwise):
 *	SHA.zst		one text: a zstd frame with its checksum
 *	index		which article (key) was seen with which texts, when,
 *			and which texts annotations refer to (JSON lines)
 *	lock		flock'd around every change to the index
 * The index is replaced atomically (never half written) and a text file
 * is written whole before the index names it.
 *
 * An article's key is what names it for the caller: its absolute path,
 * its URL, or "stdin".  The last version read of every article is kept;
 * so is every version an annotation refers to (a pin, held by the key of
 * the article whose annotations refer to it); other versions are kept
 * while the total fits the store's cap.  Over the cap, unpinned versions
 * go least recently used first: older versions of an article before the
 * last read ones.  Pinned versions never go, whatever the cap.
 *
 * Texts over STORE_MAX_TEXT are not kept (callers fall back on the
 * context selectors).  A text file that is damaged or truncated, or whose
 * bytes do not hash to its name, is reported as STORE_CORRUPT and never
 * returned as text.
 */
#ifndef ARTREAD_STORE_H
#define ARTREAD_STORE_H

#include <stddef.h>
#include <time.h>

#include "artread/sha256.h"

#define STORE_MAX_TEXT		(16u << 20)	/* bytes of one text */
#define STORE_DEFAULT_CAP	(256u << 20)	/* bytes on disk, in all */

struct store;

enum store_status {
	STORE_OK = 0,
	STORE_NOT_FOUND,	/* no such version (never stored, or pruned) */
	STORE_TOO_LARGE,	/* over STORE_MAX_TEXT: not kept */
	STORE_CORRUPT,		/* a damaged text file, or a damaged index */
	STORE_FAILED,		/* the system said no (see the cause) */
};

/* One version of one article, as store_list gives it. */
struct store_version {
	char	*key;			/* the article */
	char	 sha[SHA256_HEX_LEN];	/* the text */
	size_t	 size;			/* bytes of text */
	size_t	 stored;		/* bytes on disk */
	time_t	 used;			/* last put */
	int	 last;			/* the last version read of key */
	int	 pinned;		/* annotations refer to it */
};

/* What the store holds (for `artread --store`). */
struct store_stats {
	size_t	articles;
	size_t	versions;		/* (article, text) pairs */
	size_t	texts;			/* distinct texts */
	size_t	pinned;			/* distinct texts pinned */
	size_t	bytes;			/* on disk, texts only */
};

/*
 * Open the store in dir (NULL: $XDG_DATA_HOME/artread/versions), made if
 * missing (mode 0700).  cap: bytes the texts may take on disk (0: the
 * default).  NULL and *cause on failure.
 */
struct store *store_open(const char *dir, size_t cap, char **cause);
void store_close(struct store *st);
const char *store_dir(const struct store *st);

/*
 * Keep the text bytes[0, len) as the last version read of key; sha gets
 * its SHA-256 (also when it is too large to keep).  A text already kept
 * is not written again.  Over the cap, other versions are pruned (never
 * this one, never a pinned one).
 */
enum store_status store_put(struct store *st, const char *key,
    const char *bytes, size_t len, char sha[SHA256_HEX_LEN], char **cause);

/*
 * The text named sha: *bytes (to free; NUL-terminated after *len) and
 * *len.  STORE_CORRUPT (with *cause) if the file is damaged.
 */
enum store_status store_get(struct store *st, const char *sha, char **bytes,
    size_t *len, char **cause);

/*
 * The versions of key (NULL: of every article), most recently used
 * first.  *out is to be freed with store_versions_free; *n may be 0.
 */
enum store_status store_list(struct store *st, const char *key,
    struct store_version **out, size_t *n, char **cause);
void store_versions_free(struct store_version *v, size_t n);
enum store_status store_stats(struct store *st, struct store_stats *s,
    char **cause);

/*
 * The texts that holder's annotations refer to, now: replaces what
 * holder pinned before (n = 0 unpins them all).  holder is the key of
 * the annotated article.  A sha not kept (yet) may be pinned.
 */
enum store_status store_set_pins(struct store *st, const char *holder,
    const char *const *shas, size_t n, char **cause);

/*
 * Drop every version of key and the pins key holds.  *dropped (to free
 * with store_shas_free) gets the texts no longer kept at all (a text
 * still seen under another key, or pinned by another, stays).
 */
enum store_status store_forget(struct store *st, const char *key,
    char ***dropped, size_t *ndropped, char **cause);

/*
 * Bring the texts under the cap (see above) and remove files the index
 * does not name (left by a crash).  *dropped as for store_forget; both
 * may be NULL.
 */
enum store_status store_prune(struct store *st, char ***dropped,
    size_t *ndropped, char **cause);
void store_shas_free(char **shas, size_t n);

#endif
