/*
 * spill.h: bytes kept out of memory.  A spill is an append-only tape:
 * what is put stays in memory up to a limit; past it, the tape moves to
 * an unlinked temporary file in $TMPDIR (else /tmp), written and read
 * back in pieces, as sort(1) keeps what does not fit.  The analysis of
 * a long text keeps its per-mention facts here (analysis.c), so that
 * its memory does not grow with the text.  No curses here.
 *
 * A temporary file that cannot be made, written or read is fatal, as
 * running out of memory is: "artread: temporary data in DIR: REASON",
 * exit status 2 (fatalx).  The file has no name once made: nothing is
 * left behind, however the program ends.
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

#endif
