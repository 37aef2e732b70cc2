/*
 * analysis.c: one article's analysis: entity mentions first, linked
 * into entities (coref.h), then the quotes (whose speakers are found
 * among those mentions and named by their entity's fullest name).
 */
#include "artread/analysis.h"

#include <stdlib.h>

#include "artread/coref.h"
#include "artread/entities.h"
#include "artread/quotes.h"
#include "artread/rules.h"
#include "artread/util.h"

void
analysis_run_diag(const struct rules *r, const char *text, size_t len,
    struct analysis *out, struct diag *d)
{
	out->nents = ent_find(r, text, len, &out->ents, d);
	out->canon = xcalloc(out->nents + 1, sizeof *out->canon);
	coref_link(r, text, len, out->ents, out->nents, out->canon);
	out->nquotes = quotes_find(r, text, len, out->ents, out->canon,
	    out->nents, &out->quotes);
}

void
analysis_run(const struct rules *r, const char *text, size_t len,
    struct analysis *out)
{
	analysis_run_diag(r, text, len, out, NULL);
}

size_t
analysis_canon(const struct analysis *a, size_t i)
{
	return a->canon != NULL && i < a->nents && a->canon[i] < a->nents ?
	    a->canon[i] : i;
}

void
analysis_free(struct analysis *a)
{
	free(a->ents);
	free(a->quotes);
	free(a->canon);
	a->ents = NULL;
	a->quotes = NULL;
	a->canon = NULL;
	a->nents = a->nquotes = 0;
}
