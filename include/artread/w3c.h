/*
 * w3c.h: the one W3C Web Annotation codec.  It writes and reads the JSON
 * of an annotation for the sidecar (offsets in bytes, read strictly),
 * the JSON export (code points) and the JSON import (code points, read
 * leniently and normalised), and it owns the sidecar's format: its
 * header line and the "artread" extension object.  The format is
 * described at the top of src/w3c.c (which writes; src/w3c_read.c
 * reads) and in the manual (FILES).
 *
 * Everything a reader does not know (other bodies, creator, motivation,
 * other selectors, unknown members of "artread", any extension) is kept
 * on the annotation (annot->extra) and written back where it was, so no
 * rewrite loses it.  Text is written as UTF-8, with the C0 and C1
 * control characters and the bidirectional controls escaped (\uXXXX), so
 * that printing a sidecar or an export on a terminal is safe.
 */
#ifndef ARTREAD_W3C_H
#define ARTREAD_W3C_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "artread/annot.h"
#include "artread/cpindex.h"
#include "artread/isotime.h"

#define W3C_CONTEXT		"http://www.w3.org/ns/anno.jsonld"
#define W3C_SIDECAR_TYPE	"artread-annotations"
#define W3C_SIDECAR_VERSION	2	/* the format written; 1 is read too */

enum w3c_unit {
	W3C_BYTES,		/* the sidecar: bytes of the file as read;
				   text that is not UTF-8 is kept exactly as
				   FIELD_b64 besides its readable FIELD */
	W3C_CODEPOINTS,		/* export and import: code points (an
				   invalid byte counts as one) */
};

/* How to encode and decode: the unit, the strictness and the article. */
struct w3c_ctx {
	enum w3c_unit	 unit;
	int		 strict;	/* reading: refuse what is not well
					   formed (the sidecar), instead of
					   normalising it (import) */
	const char	*source;	/* writing: the target's source IRI,
					   or NULL for none */
	const char	*bytes;		/* the article: code point offsets, and
					   (import) taking its text */
	size_t		 len;
	const struct cpindex *cp;	/* for W3C_CODEPOINTS (or NULL) */
	char		 fallback_time[ISOTIME_LEN];	/* a time that cannot
					   be read becomes this ("" = now) */
	size_t		 times_fixed;	/* out: such times read */
};

/* A context with these defaults: the rest zero. */
void w3c_ctx_init(struct w3c_ctx *c, enum w3c_unit unit, int strict);

struct jsonw;

/* Write an annotation's JSON with w (jsonw.h: compact or indented). */
void w3c_write(struct jsonw *w, const struct annot *a, struct w3c_ctx *c);
/* The same as one compact line (a new string). */
char *w3c_line(const struct annot *a, struct w3c_ctx *c);
/* A JSON object as an annotation (a new one), or NULL with *why. */
struct annot *w3c_decode(json_t *obj, struct w3c_ctx *c, char **why);

/*
 * An id as artread keeps it: a UUID URN in lower case; 32 hex digits
 * (format 1) as the UUID URN with those digits; another IRI as it is;
 * anything else as a UUID URN derived from it (the same everywhere).  A
 * new string; NULL for an empty id.
 */
char *w3c_id(const char *id);
/* Is s an IRI (a scheme, ':', no spaces, controls or <>"{}|\^`)? */
int w3c_is_iri(const char *s);
/* The file: URL of an absolute path, percent-encoded (a new string). */
char *w3c_file_iri(const char *abspath);
/* An IRI naming text by its content: "ni:///sha-256;..." (RFC 6920). */
char *w3c_content_iri(const char *bytes, size_t len);
/* s with every byte a URI may not hold percent-encoded (a new string). */
char *w3c_uri_escape(const char *s);

/*
 * Write a W3C AnnotationCollection of set to out, indented (c->source:
 * the targets' source; label and generated as given), with one
 * AnnotationPage holding every annotation (none if set is empty: a page
 * must have items); the ids of both are derived from the source and the
 * annotations' ids.  Written one annotation at a time, so 100,000 need
 * no more memory than one.  0, or -1 on a write error.
 */
int w3c_write_collection(FILE *out, const struct annot_set *set,
    const char *label, const char *generated, struct w3c_ctx *c);
/* The annotations of a collection, page, array or single annotation (a
 * new reference to an array), or NULL. */
json_t *w3c_items(json_t *root);

/* The sidecar's first line. */
struct w3c_header {
	long	 version;
	char	*name;		/* the article's base name */
	char	 sha256[65];	/* of the article when written; "" */
	size_t	 size;
	char	*url;		/* where the article came from, or NULL */
	char	*path;		/* the article's real path, in a file kept
				   in the data directory by path; or NULL */
	char	 seed[65];	/* such a file, made from the file beside
				   the article: that file's SHA-256 then */
	char	 adopted[65];	/* the text whose annotations kept by
				   content were taken in (sidepath.h) */
	char	*extra;		/* unknown members, kept; or NULL */
};

/* Read a header line's JSON.  0, or -1 with *why. */
int w3c_header_decode(json_t *j, struct w3c_header *h, char **why);
/* The header line (version W3C_SIDECAR_VERSION; a new string). */
char *w3c_header_line(const struct w3c_header *h);
void w3c_header_free(struct w3c_header *h);

#endif
