/*
 * analysis.h: what the rules find in an article: quoted passages (with
 * their speakers) and named entities.  Every position is a byte offset
 * into the text as read, [start, end).  No curses here.
 */
#ifndef ARTREAD_ANALYSIS_H
#define ARTREAD_ANALYSIS_H

#include <stddef.h>

struct rules;

/* Entity types, in listing order: X(ENUM_SUFFIX, "LISTING NAME"). */
#define ENT_TYPES(X)							\
	X(PERSON, "PERSON") X(ORG, "ORG") X(PLACE, "PLACE")		\
	X(DATE, "DATE") X(TIME, "TIME") X(MONEY, "MONEY")		\
	X(PERCENT, "PERCENT") X(EMAIL, "EMAIL") X(URL, "URL")		\
	X(HANDLE, "HANDLE") X(HASHTAG, "HASHTAG")

enum ent_type {
#define ENT_ENUM(e, name) ENT_##e,
	ENT_TYPES(ENT_ENUM)
#undef ENT_ENUM
	ENT__COUNT
};

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

/* "PERSON", ...; and back (-1 if unknown). */
const char *ent_type_name(enum ent_type t);
int ent_type_from_name(const char *name);

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
