/*
 * sidepath.h: where an article's sidecar lives.
 *
 * story.txt keeps its annotations in story.txt.annotations.jsonl next
 * to the real file (symbolic links to the article resolved).  If that
 * directory is not writable, or the article came from standard input,
 * the file is $XDG_DATA_HOME/artread/annotations/<sha256>.annotations.jsonl
 * (and the file beside the article, if any, is its seed).
 */
#ifndef ARTREAD_SIDEPATH_H
#define ARTREAD_SIDEPATH_H

#include <stddef.h>

#define SIDEPATH_SUFFIX	".annotations.jsonl"

enum sidecar_where {
	SIDECAR_BESIDE,		/* next to the article */
	SIDECAR_DATA_DIR,	/* under $XDG_DATA_HOME (dir not writable) */
	SIDECAR_DATA_STDIN,	/* under $XDG_DATA_HOME (article on stdin) */
};

/*
 * The sidecar path for an article (article_path NULL = standard input)
 * whose bytes are [0, len); *where says which kind, *seed (may be NULL)
 * gets the path beside the article when the data directory is used
 * (free it).  NULL and *cause on failure.
 */
char *sidepath_for(const char *article_path, const char *bytes, size_t len,
    enum sidecar_where *where, char **seed, char **cause);

/*
 * The file a save of path replaces: path itself, or the file a symbolic
 * link at path points to (so the link stays a link).  NULL and *cause
 * for a link that points nowhere or to something not a regular file.
 */
char *sidepath_write_target(const char *path, char **cause);

/* $XDG_DATA_HOME/artread/annotations, created (mode 0700).  NULL and
 * *cause when neither XDG_DATA_HOME nor HOME is set, or on failure. */
char *sidepath_data_dir(char **cause);

/* Test hook: decides whether an article's directory is writable (the
 * default uses access(2), which root always passes).  NULL = default. */
void sidepath_set_dir_writable_hook(int (*fn)(const char *dir));

#endif
