/*
 * analysis.c: one article's analysis: entity mentions first, then the
 * quotes (whose speakers are found among those mentions).
 */
#include "artread/analysis.h"

#include <stdlib.h>

#include "artread/entities.h"
#include "artread/quotes.h"
#include "artread/rules.h"

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
