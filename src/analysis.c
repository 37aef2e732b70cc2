/*
 * analysis.c: one article's analysis: entity mentions first, then the
 * quotes (whose speakers are found among those mentions).
 */
#include "artread/analysis.h"

#include <stdlib.h>
#include <strings.h>

#include "artread/entities.h"
#include "artread/quotes.h"
#include "artread/rules.h"

static const char *const type_names[] = {
#define ENT_NAME(e, name) name,
	ENT_TYPES(ENT_NAME)
#undef ENT_NAME
};

const char *
ent_type_name(enum ent_type t)
{
	if ((int)t < 0 || t >= ENT__COUNT)
		return "?";
	return type_names[t];
}

int
ent_type_from_name(const char *name)
{
	int i;

	for (i = 0; i < ENT__COUNT; i++) {
		if (strcasecmp(name, type_names[i]) == 0)
			return i;
	}
	return -1;
}

void
analysis_run_diag(const struct rules *r, const char *text, size_t len,
    struct analysis *out, struct diag *d)
{
	out->nents = ent_find(r, text, len, &out->ents, d);
	out->nquotes = quotes_find(r, text, len, out->ents, out->nents,
	    &out->quotes);
}

void
analysis_run(const struct rules *r, const char *text, size_t len,
    struct analysis *out)
{
	analysis_run_diag(r, text, len, out, NULL);
}

void
analysis_free(struct analysis *a)
{
	free(a->ents);
	free(a->quotes);
	a->ents = NULL;
	a->quotes = NULL;
	a->nents = a->nquotes = 0;
}
