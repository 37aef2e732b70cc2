/*
 * cpindex.h: byte offsets to code point offsets and back, for formats
 * that count characters (W3C JSON export, brat).  An invalid byte counts
 * as one code point, as utf8_count does.  Built once per article (a
 * checkpoint every CPINDEX_STEP bytes), each lookup then decodes at most
 * one step, so exporting 100,000 annotations does not rescan the
 * article for each.
 */
#ifndef ARTREAD_CPINDEX_H
#define ARTREAD_CPINDEX_H

#include <stddef.h>

#define CPINDEX_STEP	256

struct cpindex;

/* An index over text[0, len) (not copied: it must outlive the index). */
struct cpindex *cpindex_new(const char *text, size_t len);
void cpindex_free(struct cpindex *ci);

/* The code point offset of byte off (off > len counts as len); the same
 * as utf8_count(text, off). */
size_t cpindex_to_cp(const struct cpindex *ci, size_t off);
/* The byte offset where code point cp starts (cp == count: len).  0, or
 * -1 if cp is past the end. */
int cpindex_to_byte(const struct cpindex *ci, size_t cp, size_t *off);

#endif
