/*
 * atomic.h: replacing a file so that a crash leaves either the old file
 * or the new one, never half of one: the data goes to a temporary file
 * in the same directory (".NAME.XXXXXX.artread-tmp", created with
 * O_EXCL), which is fsynced, given the old file's mode and owner, and
 * renamed over NAME; then the directory is fsynced.
 *
 * The target is never written through: a symbolic link at NAME is
 * replaced by the new file (its target is untouched), and a FIFO, a
 * device, a socket or a directory at NAME (or a link to one) is an
 * error, so nothing blocks in open(2) and no device is overwritten.
 * The sidecar, the reading positions and every export use this.
 *
 * A temporary file still open when the process exits (exit(), fatalx:
 * out of memory, the spill store failing, in any thread) is removed at
 * exit; the target is left as it was.  So is one open when SIGINT,
 * SIGTERM or SIGHUP kills the process (the first atomic_open catches
 * those that nobody handles, removes its files and raises the signal
 * again).  A process killed otherwise (SIGKILL, a crash) leaves it
 * (atomic_remove_stale clears a sidecar's).
 */
#ifndef ARTREAD_ATOMIC_H
#define ARTREAD_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

/* The end of every temporary file's name. */
#define ATOMIC_TMP_SUFFIX	".artread-tmp"

enum atomic_open_flag {	/* not atomic_flag: <stdatomic.h> has one */
	ATOMIC_NEW = 1 << 0,	/* never replace an existing NAME */
	ATOMIC_PRIVATE = 1 << 1, /* a new file is the user's only (0600) */
};

/* What is at a target name. */
enum atomic_target {
	ATOMIC_ABSENT,		/* nothing */
	ATOMIC_REGULAR,		/* a regular file: replaced */
	ATOMIC_LINK,		/* a symbolic link (dangling, or to a regular
				   file): the link is replaced */
	ATOMIC_UNSAFE,		/* FIFO, device, socket, directory: refused */
};

/*
 * What is at path (for a caller that asks before replacing a file).
 * For ATOMIC_UNSAFE, *why (may be NULL) says what it is.
 */
enum atomic_target atomic_target(const char *path, const char **why);

/* Replace path with data[0, len).  0, or -1 with *cause "PATH: why". */
int atomic_write(const char *path, const void *data, size_t len,
    unsigned flags, char **cause);

/*
 * The same as a stream, for writers that print: atomic_open gives a
 * stdio stream on the temporary file; atomic_commit flushes, syncs and
 * renames it over path (and frees af), atomic_abort removes it.  Either
 * must be called once.  NULL / -1 with *cause on failure.
 */
struct atomic_file;
struct atomic_file *atomic_open(const char *path, unsigned flags, FILE **out,
    char **cause);
int atomic_commit(struct atomic_file *af, char **cause);
void atomic_abort(struct atomic_file *af);

/*
 * The process ends: remove every temporary file atomic_open made and no
 * commit or abort has finished, and open no more.  exit() calls this
 * (registered with atexit by the first atomic_open); call it before a
 * process ends some other way, e.g. raising a signal that kills it.
 * Not for signal handlers.
 */
void atomic_remove_open(void);

/*
 * Remove what a killed writer of path left: files in its directory named
 * exactly as this module names temporary files for path, that are
 * regular files (not links) and either empty or accepted by is_ours
 * (given their first bytes).  Only call it while holding the lock every
 * writer of path takes, so no live writer's file is removed.  Returns
 * how many were removed.
 */
size_t atomic_remove_stale(const char *path,
    int (*is_ours)(const char *head, size_t n));

#endif
