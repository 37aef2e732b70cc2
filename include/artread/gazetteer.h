/*
 * gazetteer.h: a gazetteer file (rules/gazetteer.tsv, written at build
 * time by tools/gazgen.c from GeoNames and iso-codes): one place name a
 * line, a tab, its kinds; '#' lines first; the rest sorted by bytes.  The
 * file is mapped, not read, and searched in place, so opening it costs
 * nothing however big it is.  No curses here.
 */
#ifndef ARTREAD_GAZETTEER_H
#define ARTREAD_GAZETTEER_H

#include <stddef.h>

struct gaz;

/* What a name is (the letters of the file's kinds column). */
enum gaz_kind {
	GAZ_COUNTRY	= 1 << 0,	/* C */
	GAZ_REGION	= 1 << 1,	/* R: a first-level subdivision */
	GAZ_TOWN	= 1 << 2,	/* T: a town or city */
	GAZ_WORD	= 1 << 3,	/* w: also a common word (Reading) */
	GAZ_PERSON	= 1 << 4,	/* p: also a person's name (Victoria) */
};

/*
 * Map the gazetteer at path.  NULL on failure, with the reason in *why
 * (the system's, or "not a regular file", "too large").
 */
struct gaz *gaz_open(const char *path, const char **why);
void gaz_close(struct gaz *g);
/* The kinds (enum gaz_kind bits) of the name s[0, n); 0 if absent. */
unsigned gaz_lookup(const struct gaz *g, const char *s, size_t n);
/* Does a name of several words start with the word s[0, n) ("New" for
 * "New York")? */
int gaz_starts(const struct gaz *g, const char *s, size_t n);
/* Names in the file (counted: not for hot paths). */
size_t gaz_count(const struct gaz *g);

#endif
