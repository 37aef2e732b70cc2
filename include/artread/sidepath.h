/*
 * sidepath.h: where an article's annotations are kept.
 *
 * story.txt keeps its annotations in story.txt.annotations.jsonl next
 * to the real file (symbolic links to the article resolved).  If that
 * directory is not writable, they are kept in the data directory, by
 * the article's path (so an edited article keeps them):
 * $XDG_DATA_HOME/artread/annotations/by-path/<sha256 of the real
 * path>.annotations.jsonl; when the directory is writable again they
 * move beside the article (sidecar.c).  An article read from standard
 * input keeps them by content: .../annotations/<sha256 of the
 * text>.annotations.jsonl, where an older artread also kept those of
 * articles in directories it could not write; a file with exactly that
 * text is offered them.  An article fetched from the web keeps them by
 * its URL (sidepath_locate_url).
 */
#ifndef ARTREAD_SIDEPATH_H
#define ARTREAD_SIDEPATH_H

#include <stddef.h>

#define SIDEPATH_SUFFIX	".annotations.jsonl"
#define SIDEPATH_BY_PATH	"by-path"
#define SIDEPATH_BY_URL	"by-url"
/* Texts up to this size are looked up by content (hashing a larger one
 * on every open would cost more than it finds). */
#define SIDEPATH_CONTENT_MAX	(16u << 20)

enum sidecar_where {
	SIDECAR_BESIDE,		/* next to the article */
	SIDECAR_DATA_DIR,	/* under $XDG_DATA_HOME (dir not writable) */
	SIDECAR_DATA_STDIN,	/* under $XDG_DATA_HOME (article on stdin) */
	SIDECAR_DATA_URL,	/* under $XDG_DATA_HOME (a web article) */
};

/* Every place an article's annotations may be. */
struct sidepath {
	char			*path;		/* where they are saved */
	enum sidecar_where	 where;
	char			*real;		/* the article's real path, or
						   NULL (standard input) */
	char			*other;		/* the other place of a file:
						   beside it when path is in
						   the data directory, and the
						   other way round */
	char			*by_content;	/* the data directory's file
						   for this text, if there is
						   one (not for standard
						   input: it is path) */
	char			 sha256[65];	/* of the text, if it was
						   computed here; or "" */
};

/*
 * Where the annotations of an article (article_path NULL = standard
 * input) whose bytes are [0, len) are kept.  The text is hashed only
 * when needed (standard input, or a file whose text may have annotations
 * kept by content).  0, or -1 with *cause; free sp with sidepath_free.
 */
int sidepath_locate(const char *article_path, const char *bytes, size_t len,
    struct sidepath *sp, char **cause);
void sidepath_free(struct sidepath *sp);
/*
 * Where the annotations of a web article are kept: by its URL (web.h's
 * key_url), $XDG_DATA_HOME/artread/annotations/by-url/<sha256 of the
 * URL>.annotations.jsonl, made if missing.  0, or -1 with *cause.
 */
int sidepath_locate_url(const char *url, struct sidepath *sp, char **cause);

/*
 * The file a save of path replaces: path itself, or the file a symbolic
 * link at path points to (so the link stays a link).  NULL and *cause
 * for a link that points nowhere or to something not a regular file.
 */
char *sidepath_write_target(const char *path, char **cause);

/* $XDG_DATA_HOME/artread/annotations, created (mode 0700) with its
 * by-path directory.  NULL and *cause when neither XDG_DATA_HOME nor
 * HOME is set, or on failure. */
char *sidepath_data_dir(char **cause);
/* The same path, not created (it may not exist); NULL if unknown. */
char *sidepath_data_dir_name(void);

/* Is the directory of the article whose real path is real writable
 * (the hook below decides in tests)? */
int sidepath_dir_writable(const char *real);
/* The data directory's by-path file of the article whose real path is
 * real, the directories made; NULL and *cause. */
char *sidepath_by_path(const char *real, char **cause);

/* The other place of a file's annotations (whether or not a file is
 * there): by-path for where SIDECAR_BESIDE, beside it for
 * SIDECAR_DATA_DIR; NULL for the others (or no data directory). */
char *sidepath_other_place(const char *real, enum sidecar_where where);

/* Test hook: decides whether an article's directory is writable (the
 * default uses access(2), which root always passes).  NULL = default. */
void sidepath_set_dir_writable_hook(int (*fn)(const char *dir));

#endif
