/*
 * analysis.h: what the rules find in an article: quoted passages (with
 * their speakers) and named entities.  Every position is a byte offset
 * into the text as read, [start, end).  No curses here.
 */
#ifndef ARTREAD_ANALYSIS_H
#define ARTREAD_ANALYSIS_H

#include <stddef.h>

#include "artread/ent_type.h"

struct rules;

struct entity {
	size_t		start;
	size_t		end;
	enum ent_type	type;
};

enum quote_flag {
	QUOTE_SCARE	 = 1 << 0,	/* one or two words: shown quietly */
	QUOTE_UNBALANCED = 1 << 1,	/* never closed: ends at its paragraph */
};

struct quote {
	size_t		start;		/* the opening mark */
	size_t		end;		/* just after the closing mark */
	size_t		speaker_start;	/* speaker mention; both 0 if unknown */
	size_t		speaker_end;
	unsigned	flags;
};

struct analysis {
	struct entity	*ents;		/* sorted by start */
	size_t		 nents;
	struct quote	*quotes;	/* sorted by start */
	size_t		 nquotes;
};

/*
 * Analyse text[0, len) (any bytes: invalid UTF-8 and NULs are allowed).
 * Offsets in the result are relative to text.  out must be freed with
 * analysis_free.
 */
void analysis_run(const struct rules *r, const char *text, size_t len,
    struct analysis *out);
void analysis_free(struct analysis *a);

struct diag;
/* The same, reporting rules that hit a match limit in d (may be NULL). */
void analysis_run_diag(const struct rules *r, const char *text, size_t len,
    struct analysis *out, struct diag *d);

#endif
