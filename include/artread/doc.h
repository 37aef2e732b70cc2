/*
 * doc.h: the article as read.  The bytes are never changed: every other
 * module names text by byte offsets [start, end) into them.  The document
 * also answers questions about lines and paragraphs, lazily, so that the
 * first screen of a huge file costs no more than a small one.
 *
 * The bytes are one snapshot of the file.  A small file is read whole at
 * open; a large one is read in 64 KiB blocks the first time each is
 * touched (see doc.c), and a block is only taken from the file while the
 * file is still the version first read.  Whatever another program does
 * to the file afterwards (rewrite it in place, truncate it, append to it,
 * rename another file over it, delete it), the bytes already read never
 * change and are never mixed with bytes of the new version: once the file
 * has changed, a block not yet read reads as spaces and the document is
 * marked stale.  doc_changed() tells the caller what happened on disk.
 *
 * The bytes are filled by the processor touching them: before handing a
 * range of them to a system call (write, send), call doc_load() on it.
 */
#ifndef ARTREAD_DOC_H
#define ARTREAD_DOC_H

#include <signal.h>
#include <stddef.h>

struct doc_src;
struct stat;

struct doc {
	char		*name;		/* as given ("-" for standard input) */
	char		*path;		/* path opened, NULL for standard input */
	const char	*bytes;		/* the text as read */
	size_t		 len;
	size_t		 text_start;	/* after a UTF-8 byte order mark */
	int		 cr_lines;	/* old Mac file: a lone CR ends a line */
	int		 lazy;		/* blocks are read on first touch */
	/* Set when a block could not be read from the version first read
	 * (it reads as spaces): the file changed, or shrank, under us. */
	volatile sig_atomic_t stale;
	volatile sig_atomic_t truncated;
	struct doc_src	*src;		/* the file behind it (doc.c), or NULL */
};

/* A byte range. */
struct range {
	size_t	start;
	size_t	end;
};

enum doc_open_flag {
	DOC_FORCE = 1 << 0,	/* open files that look binary */
	DOC_LAZY = 1 << 1,	/* read on first touch even when small (tests) */
};

/* Files up to this size are read whole at open. */
#define DOC_READ_WHOLE	(1u << 20)
/* Larger ones are read in blocks of this size when first touched (a
 * multiple of the page size; the fuzz build makes it one page). */
#ifndef DOC_BLOCK
#define DOC_BLOCK	(1u << 16)
#endif

/* What happened to the file on disk since it was opened. */
enum doc_change {
	DOC_UNCHANGED,
	DOC_MODIFIED,		/* rewritten in place (same file) */
	DOC_TRUNCATED,		/* the same file, now shorter */
	DOC_APPENDED,		/* the same file, longer, its old end intact */
	DOC_REPLACED,		/* another file has its name (renamed over) */
	DOC_DELETED,		/* the name is gone */
};

/*
 * Open a file ("-" = standard input).  On failure returns NULL and sets
 * *cause to a one-line reason (to be shown after the file name).
 */
struct doc *doc_open(const char *path, unsigned flags, char **cause);
/* A document over a copy of bytes (tests, standard input). */
struct doc *doc_from_memory(const char *name, const char *bytes, size_t len);
/*
 * A document made from another file, d->path (an HTML page's extracted
 * text): from now on doc_changed watches that file, which was as st says
 * (taken before it was read).  Its bytes are not the document's, so any
 * change to it is DOC_MODIFIED, or DOC_REPLACED or DOC_DELETED.
 */
void doc_watch(struct doc *d, const struct stat *st);
void doc_free(struct doc *d);

/*
 * Has the file changed on disk since it was opened?  Compares the path's
 * stat (device, inode, size, modification and change times to the
 * nanosecond) with the file's as first read: two stat calls, cheap enough
 * for every key and while idle.  The verdict for a given state of the
 * file is worked out once (APPENDED reads back the last 4 KiB of the old
 * text; a small file whose times changed but whose bytes did not is
 * UNCHANGED).  Standard input, pipes and documents from memory never
 * change.  A stale document is never UNCHANGED.
 */
enum doc_change doc_changed(struct doc *d);
/* "modified", "truncated", "appended to", "replaced", "deleted" (or
 * "unchanged"): for a message such as "story.txt was truncated on disk". */
const char *doc_change_name(enum doc_change c);

/*
 * Make sure the bytes [start, end) are in memory, so they can be passed
 * to a system call (the kernel does not fill blocks on first touch; it
 * fails with EFAULT instead).  Reading them in C needs no such call.
 */
void doc_load(const struct doc *d, size_t start, size_t end);

/* Does the buffer look binary (a NUL byte in its first 8 KiB)? */
int doc_looks_binary(const char *bytes, size_t len);

/*
 * Lines.  A line ends at LF (a CR before it belongs to the line end), or
 * at a lone CR in a CR-only file.  line_end is the offset of the line
 * terminator (or len); line_next is the first byte of the next line.
 */
size_t doc_line_start(const struct doc *d, size_t off);
size_t doc_line_end(const struct doc *d, size_t off);
size_t doc_line_next(const struct doc *d, size_t off);
int doc_line_is_blank(const struct doc *d, size_t line_start);

/*
 * Paragraphs: maximal runs of non-blank lines.  A paragraph's range runs
 * from its first byte to the end of its last line (the terminator is not
 * included).  Each returns 0 when there is no such paragraph.
 */
/* The paragraph holding off, or the first one after off. */
int doc_para_at(const struct doc *d, size_t off, struct range *p);
/* The paragraph after / before paragraph p. */
int doc_para_next(const struct doc *d, const struct range *p, struct range *next);
int doc_para_prev(const struct doc *d, const struct range *p, struct range *prev);
/* The last paragraph of the document. */
int doc_para_last(const struct doc *d, struct range *p);
/* Is p the headline: the first paragraph, and short? */
int doc_para_is_headline(const struct doc *d, const struct range *p);

#endif
