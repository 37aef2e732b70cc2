/*
 * article.h: one open article with what is known about it: its bytes,
 * the quotes and entities the rules find (for all of it, or for a window
 * around the screen when it is huge), and the user's annotations with
 * their sidecar file.  The pager and the listings both use it.
 * No curses here.
 */
#ifndef ARTREAD_ARTICLE_H
#define ARTREAD_ARTICLE_H

#include <stddef.h>

#include "artread/analysis.h"
#include "artread/annot.h"
#include "artread/doc.h"
#include "artread/sidecar.h"

struct analysis_job;
struct diag;
struct names;

/*
 * Articles up to this size are analysed whole (about 0.1 s), larger ones
 * by a window around the screen, so the first screen never waits.
 */
#define ARTICLE_ANALYSE_ALL	(1u << 20)

struct article {
	struct doc		*doc;
	const struct rules	*rules;		/* NULL: no highlights */
	struct analysis		 an;		/* offsets into doc->bytes */
	size_t			 an_start;	/* what an covers */
	size_t			 an_end;
	int			 an_done;
	struct annot_set	*annots;
	struct sidecar		 sc;
	int			 sc_open;
	int			 sc_damaged;	/* the sidecar could not be read */
	char			*sc_error;	/* why annotations are read-only
						   (damaged, or not writable) */
	size_t			 words;		/* words in the article */
	struct diag		*diag;		/* rule errors while analysing
						   (a match limit hit), or NULL */
	struct names		*names;		/* of an, made when first asked */
	struct analysis_job	*job;		/* an analysis being made in
						   the background, or NULL */
	char			*url;		/* a web article: the URL its
						   annotations are kept by, or
						   NULL (see article_set_url) */
	char			*note;		/* what opening it found worth
						   saying (a copy kept offline),
						   or NULL */
};

/* Open an article (see doc_open); NULL and *cause on failure. */
struct article *article_open(const char *name, unsigned doc_flags,
    const struct rules *r, char **cause);
/* An article over a document already open (it takes d). */
struct article *article_from_doc(struct doc *d, const struct rules *r);
/* A web article: its annotations are kept by url (sidecar_open_url),
 * not beside a file.  Before article_load_annotations. */
void article_set_url(struct article *a, const char *url);
void article_close(struct article *a);

/*
 * The article's name for a status line: its file's base name; for a web
 * article, the last part of the URL's path that is not empty (many
 * sites' URLs end in '/'), or the host when the path is empty.  A new
 * string.
 */
char *article_short_name(const struct article *a);

/*
 * A file name made from the headline (the first paragraph): lower-case
 * ASCII letters and digits joined by '-', at most 60 bytes, cut after a
 * whole word when it can be ("article" if none), for what is written
 * about an article that has no file (X on a web article).  A new string.
 */
char *article_file_stem(const struct article *a);

/* The analysis, covering at least [start, end) (may be NULL: no rules). */
const struct analysis *article_analysis(struct article *a, size_t start,
    size_t end);
/* The analysis of the whole article. */
const struct analysis *article_analysis_all(struct article *a);
/* The same a block at a time, in memory that does not grow with the
 * text (analysis.h's analysis_stream; NULL: no rules).  Close it with
 * analysis_stream_close before the article. */
struct analysis_stream *article_analysis_stream(struct article *a);
/*
 * The same as article_analysis, without waiting: NULL when it is not
 * made yet, and then a thread starts making it (for the window
 * article_analysis would choose).  article_analysis_poll takes the
 * result when it is done: 1 then (paint again), else 0.  Every other
 * call waits for a running job first.
 */
const struct analysis *article_analysis_ready(struct article *a,
    size_t start, size_t end);
/* The same without starting anything: what is made already, or NULL
 * (the pager paints with it, then asks article_analysis_ready). */
const struct analysis *article_analysis_have(struct article *a,
    size_t start, size_t end);
int article_analysis_poll(struct article *a);
/* Is an analysis being made in the background? */
int article_analysis_busy(const struct article *a);
/*
 * The full names (names.h) of the mentions and speakers of the analysis
 * article_analysis last gave; NULL without rules.  Valid until the
 * analysis changes (the next article_analysis of another window).
 */
const struct names *article_names(struct article *a);

/*
 * Load the annotations from the sidecar.  Returns 0; or -1 with *msg (a
 * corrupt or newer sidecar: annotations are then read-only).  *msg may
 * also be set on success (how many were re-anchored; that the sidecar
 * is not writable, and then sc_error is set too: read-only).
 */
int article_load_annotations(struct article *a, char **msg);
/* Save after a change: 0, or -1 with *cause (nothing lost: retried later). */
int article_save_annotations(struct article *a, char **cause);

/*
 * The rescue file (rescue.h) of the article's annotations: changes an
 * earlier session could not save, kept for its sidecar or for the
 * article's other place (its directory was writable then and is not now,
 * or the other way round).  Before article_load_annotations too: then
 * where the sidecar would be is worked out, only when some rescue file
 * exists.  0 and *r (NULL: none; free it with rescue_free), or -1 with
 * *cause.
 */
struct rescue;
int article_rescue(const struct article *a, struct rescue **r,
    char **cause);

#endif
