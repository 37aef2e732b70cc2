/*
 * spill.h: bytes kept out of memory.  A spill is an append-only tape:
 * what is put stays in memory up to a limit; past it, the tape moves to
 * an unlinked temporary file in $TMPDIR (else /tmp), written and read
 * back in pieces, as sort(1) keeps what does not fit.  The analysis of
 * a long text keeps its per-mention facts here (analysis.c), so that
 * its memory does not grow with the text.  No curses here.
 *
 * A spill array is the same for an array that is written and read
 * anywhere: in memory (malloc) up to its limit; past it, in an unlinked
 * temporary file mapped shared (mmap), grown by reserving the file's
 * blocks (posix_fallocate) and mapping it again.  Its pages are then
 * the file's: the kernel writes them out and drops them when memory is
 * short, as it does a file's it reads (they count as RssFile, not as
 * the program's own RssAnon).
 *
 * A temporary file that cannot be made, written, read, reserved or
 * mapped is fatal, as running out of memory is: "artread: temporary
 * data in DIR: REASON", exit status 2 (fatalx).  The file has no name
 * once made: nothing is left behind, however the program ends.
 */
#ifndef ARTREAD_SPILL_H
#define ARTREAD_SPILL_H

#include <stddef.h>
#include <stdint.h>

struct spill;

/* A new, empty tape that stays in memory up to mem_limit bytes. */
struct spill *spill_open(size_t mem_limit);
/* Append p[0, n); its offset on the tape.  Safe from several threads. */
uint64_t spill_put(struct spill *s, const void *p, size_t n);
/* Read n bytes at off (put before) into p.  Safe from several
 * threads. */
void spill_get(struct spill *s, uint64_t off, void *p, size_t n);
/* The bytes put so far; 1 if they are in a file. */
uint64_t spill_size(const struct spill *s);
int spill_on_disk(const struct spill *s);
/* The directory temporary files go to ($TMPDIR if set, else /tmp). */
const char *spill_dir(void);
void spill_close(struct spill *s);

struct spill_array;

/* A new, empty array of elements of size bytes, in memory while it
 * holds at most mem_limit bytes (SPILL_ARRAY_MEM_MAX, if defined at
 * build time, lowers every limit: a test build that maps them all). */
struct spill_array *spill_array_open(size_t size, size_t mem_limit);
/* Room for at least n elements, those there kept; the first element
 * (it may move: pointers into the array are stale after this). */
void *spill_array_grow(struct spill_array *a, size_t n);
/* The elements there is room for; 1 if in a file. */
size_t spill_array_cap(const struct spill_array *a);
int spill_array_on_disk(const struct spill_array *a);
void spill_array_close(struct spill_array *a);

#endif
