/*
 * slurp.h: reading a whole file that someone else may have planted: it
 * must be a regular file (or, where the user named it, a pipe), it is
 * opened without blocking, and it is read only up to a size cap.  A FIFO
 * would otherwise hang the reader in open(2) and a symbolic link to
 * /dev/zero would be read until memory runs out.
 */
#ifndef ARTREAD_SLURP_H
#define ARTREAD_SLURP_H

#include <stddef.h>
#include <sys/stat.h>

enum slurp_flag {
	SLURP_PIPE_OK = 1 << 0,	/* a pipe or FIFO is read too, to its end
				   (a file named on the command line:
				   `--import json <(cmd)`) */
};

/* The cap on annotation files (sidecars, imports): 256 MiB. */
#define SLURP_ANNOTATIONS_MAX	((size_t)256 << 20)

/*
 * Read path: the bytes (NUL-terminated, a new string) and their count in
 * *len.  A missing file: NULL with errno ENOENT and *cause set (so a
 * caller can tell "none yet" apart).  Anything else that is not a
 * regular file (or pipe with SLURP_PIPE_OK), or a file of more than max
 * bytes: NULL with *cause "PATH: why" (free it).  cause may be NULL
 * where no message is wanted (errno still says why): the first
 * strerror looks for the C library's message catalogue, three system
 * calls at a start that reads no state file.
 */
char *slurp_file(const char *path, size_t max, unsigned flags, size_t *len,
    char **cause);
/* The same, and *st gets the file's status as read (fstat of the
 * descriptor the bytes came from). */
char *slurp_file_stat(const char *path, size_t max, unsigned flags,
    size_t *len, struct stat *st, char **cause);

#endif
