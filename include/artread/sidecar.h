/*
 * sidecar.h: the annotations file beside an article.
 *
 * story.txt keeps its annotations in story.txt.annotations.jsonl next
 * to the real file (symlinks resolved).  If that directory is not
 * writable, or the article came from standard input, the file is
 * $XDG_DATA_HOME/artread/annotations/<sha256>.annotations.jsonl.
 * The format (JSON Lines, a header then one W3C-shaped annotation per
 * line) is described at the top of src/sidecar.c and in the manual.
 *
 * Saving is atomic and merges under a lock with what other artread
 * instances wrote.  A file that cannot be parsed (or has a newer
 * version) makes the sidecar read-only: it is never overwritten.
 */
#ifndef ARTREAD_SIDECAR_H
#define ARTREAD_SIDECAR_H

#include <stddef.h>

#include "artread/annot.h"

enum sidecar_where {
	SIDECAR_BESIDE,		/* next to the article */
	SIDECAR_DATA_DIR,	/* under $XDG_DATA_HOME (dir not writable) */
	SIDECAR_DATA_STDIN,	/* under $XDG_DATA_HOME (article on stdin) */
};

#define SIDECAR_VERSION	1

struct sidecar {
	char			*path;		/* the .annotations.jsonl */
	char			*lock_path;	/* DIR/.NAME.lock beside it */
	char			*seed_path;	/* read if path is missing, or NULL */
	enum sidecar_where	 where;
	char			*article_name;	/* base name, for the header */
	const char		*bytes;		/* the article (not a copy: it
						   must outlive the sidecar) */
	size_t			 len;
	char			 sha256[65];	/* "" until first needed */
	int			 readonly;	/* never write: see cause */
	char			*readonly_cause;
	size_t			 moved;		/* re-anchoring at load */
	size_t			 orphaned;
};

/*
 * Find the sidecar for an article (path NULL = standard input) whose
 * bytes are [0, len), and load it into set (which should be empty).  A
 * missing file is an empty set.  If the article changed since the
 * file was written, annotations are re-anchored (sc->moved,
 * sc->orphaned).  Returns 0, or -1 with *cause set (free it) when the
 * file could not be read or parsed ("FILE:LINE: why"): then
 * sc->readonly is set and set holds the annotations of
 * the lines that could be read (none if the header is bad), to be shown
 * read-only.  sc must be released with
 * sidecar_close either way.
 */
int sidecar_open(struct sidecar *sc, const char *article_path,
    const char *bytes, size_t len, struct annot_set *set, char **cause);
void sidecar_close(struct sidecar *sc);

/*
 * Save set: lock, re-read the file and merge (keep what other
 * instances added or changed later, drop what this one deleted), write
 * a temporary file, fsync, rename over, unlock.  The merge may add to
 * or change set.  Returns 0, or -1 with *cause (free it); on failure
 * nothing on disk is damaged, set is kept and the next save retries.
 */
int sidecar_save(struct sidecar *sc, struct annot_set *set, char **cause);

/* Is it read-only (corrupt or newer file)?  Why (NULL if not)? */
int sidecar_is_readonly(const struct sidecar *sc);
const char *sidecar_readonly_cause(const struct sidecar *sc);

/* For the status line: "story.txt.annotations.jsonl" or
 * "~/.local/share/artread/annotations/<sha>.annotations.jsonl (directory
 * not writable)"; a new string, free it. */
char *sidecar_location(const struct sidecar *sc);

/* The sidecar path that would be used for an article, without loading
 * (article_path NULL = stdin); *where says which kind.  NULL + cause on
 * failure. */
char *sidecar_path_for(const char *article_path, const char *bytes,
    size_t len, enum sidecar_where *where, char **cause);

/*
 * Scripting (--annotate, --annotate-text): load the article and its
 * sidecar (a corrupt one is refused), add one annotation, save with
 * lock and merge.  tags is a comma-separated list (may be NULL or ""),
 * note may be NULL.  The text form fails if exact_text is not found or
 * is found more than once.  0, or -1 with *cause.  If id is not NULL
 * it receives the new annotation's id (free it).
 */
int sidecar_annotate(const char *article_path, size_t start, size_t end,
    const char *tags, const char *note, char **id, char **cause);
int sidecar_annotate_text(const char *article_path, const char *exact_text,
    const char *tags, const char *note, char **id, char **cause);

/* Parse "START:END:TAG[:NOTE]" (the note may hold colons).  Allocates
 * *tag and *note (NULL if absent).  0, or -1 with *cause. */
int sidecar_parse_range_arg(const char *arg, size_t *start, size_t *end,
    char **tag, char **note, char **cause);

/* Test hook: decides whether an article's directory is writable (the
 * default uses access(2), which root always passes).  NULL = default. */
void sidecar_set_dir_writable_hook(int (*fn)(const char *dir));

/* Encode and decode annotations as sidecar JSON objects; exposed for
 * export/import and tests.  The json_t is jansson's. */
struct json_t;
struct json_t *sidecar_annot_to_json(const struct annot *a);
struct annot *sidecar_annot_from_json(struct json_t *obj, char **cause);

#endif
