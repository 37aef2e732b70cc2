/*
 * doc.h: the article as read.  The bytes are never changed: every other
 * module names text by byte offsets [start, end) into them.  The document
 * also answers questions about lines and paragraphs, lazily, so that the
 * first screen of a huge file costs no more than a small one.
 */
#ifndef ARTREAD_DOC_H
#define ARTREAD_DOC_H

#include <stddef.h>

struct doc {
	char		*name;		/* as given ("-" for standard input) */
	char		*path;		/* path opened, NULL for standard input */
	const char	*bytes;		/* the text as read */
	size_t		 len;
	size_t		 text_start;	/* after a UTF-8 byte order mark */
	int		 cr_lines;	/* old Mac file: a lone CR ends a line */
	int		 mapped;	/* bytes are an mmap of the file */
	int		 truncated;	/* the file shrank under us (see doc.c) */
};

/* A byte range. */
struct range {
	size_t	start;
	size_t	end;
};

enum doc_open_flag {
	DOC_FORCE = 1 << 0,	/* open files that look binary */
};

/*
 * Open a file ("-" = standard input).  On failure returns NULL and sets
 * *cause to a one-line reason (to be shown after the file name).
 */
struct doc *doc_open(const char *path, unsigned flags, char **cause);
/* A document over a copy of bytes (tests, standard input). */
struct doc *doc_from_memory(const char *name, const char *bytes, size_t len);
void doc_free(struct doc *d);

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
