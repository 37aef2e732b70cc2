/*
 * pager_nav.c: moving through what the rules found: Tab and Shift-Tab
 * (the next highlight or annotation), J and K (the next quote), * and #
 * (the next mention of the same entity, or quote by the same speaker);
 * and what is under the cursor, for the status line.  The finding is
 * nav.c's and names.c's.
 */
#include <stdlib.h>

#include "artread/names.h"
#include "artread/nav.h"
#include "artread/util.h"
#include "ui.h"

#define NEAR_WINDOWS	64	/* analysis windows tried (huge files) */

/* What a search for the next stop looks at. */
enum near_what {
	NEAR_QUOTES	= 1 << 0,
	NEAR_ENTITIES	= 1 << 1,
	NEAR_ANNOTS	= 1 << 2,
};

/* Is s a better next (or previous) stop from off than *best? */
static void
consider(size_t s, size_t off, int backward, size_t *best, int *found)
{
	if (backward ? (s < off && (!*found || s > *best)) :
	    (s > off && (!*found || s < *best))) {
		*best = s;
		*found = 1;
	}
}

/* The next (previous) quote or entity start in one analysis window. */
static void
near_in(const struct analysis *an, unsigned what, size_t off, int backward,
    size_t *best, int *found)
{
	long i;

	if (an == NULL)
		return;
	if ((what & NEAR_QUOTES) &&
	    (i = nav_quote_next(an, off, backward)) != NAV_NONE)
		consider(an->quotes[i].start, off, backward, best, found);
	for (i = 0; (what & NEAR_ENTITIES) && (size_t)i < an->nents; i++)
		consider(an->ents[i].start, off, backward, best, found);
}

/*
 * The start of the next (or previous) stop of what.  A huge article is
 * analysed by window: move window by window until one has a stop or the
 * article ends.
 */
static int
near(struct pager *p, size_t off, int backward, unsigned what, size_t *out)
{
	struct article *a = pager_file(p)->art;
	const struct analysis *an;
	const struct annot *at = NULL;
	size_t best = 0, probe = off;
	int found = 0, windows = 0;

	if (what & NEAR_ANNOTS)
		at = backward ? annot_prev(a->annots, off) :
		    annot_next(a->annots, off);
	if (at != NULL)
		consider(at->start, off, backward, &best, &found);
	for (;;) {
		int here = 0;
		size_t hbest = 0;

		an = article_analysis(a, probe, probe + 1);
		near_in(an, what, off, backward, &hbest, &here);
		if (here)
			consider(hbest, off, backward, &best, &found);
		/* At most NEAR_WINDOWS windows (a few MB): a key must answer
		 * quickly even in a 100 MB file with nothing in it. */
		if (here || an == NULL || (backward ? a->an_start == 0 :
		    a->an_end >= a->doc->len) || ++windows >= NEAR_WINDOWS)
			break;
		probe = backward ? a->an_start - 1 : a->an_end;
	}
	*out = best;
	return found;
}

/* Tab: the highlights shown (quotes, entities) and annotations. */
static void
highlight_next(struct pager *p, int backward)
{
	unsigned what = NEAR_ANNOTS;
	size_t to;

	if (p->layers & PAINT_LAYER_QUOTES)
		what |= NEAR_QUOTES;
	if (p->layers & PAINT_LAYER_ENTITIES)
		what |= NEAR_ENTITIES;
	if (near(p, pager_file(p)->cursor, backward, what, &to))
		pager_move_cursor(p, to);
	else
		pager_message(p, 1, "no more highlights");
}

/* J, K: the next quote, whether quotes are highlighted or not. */
static void
quote_next(struct pager *p, int backward)
{
	size_t to;

	if (pager_file(p)->art->rules == NULL)
		pager_message(p, 1, "no rules loaded: no quotes");
	else if (near(p, pager_file(p)->cursor, backward, NEAR_QUOTES, &to))
		pager_jump(p, to);	/* the status line says whose it is */
	else
		pager_message(p, 1, "no %s quote", backward ? "earlier" :
		    "later");
}

/* * and #: the entity under the cursor, else the quote's speaker. */
static void
same_next(struct pager *p, int backward)
{
	struct article *a = pager_file(p)->art;
	size_t c = pager_file(p)->cursor;
	const struct analysis *an = article_analysis(a, c, c + 1);
	const struct names *nm = article_names(a);
	struct nav_same ns;

	switch (nav_same(an, nm, c, backward, p->cfg->wrap_search, &ns)) {
	case NAV_SAME_FOUND:
		pager_jump(p, ns.to);
		if (ns.quote)
			pager_message(p, 0, "quote %zu of %zu by %s%s", ns.rank,
			    ns.total, names_name(nm, ns.id), ns.wrapped ?
			    " (went round the end)" : "");
		else
			pager_message(p, 0, "%s: mention %zu of %zu%s",
			    names_name(nm, ns.id), ns.rank, ns.total,
			    ns.wrapped ? " (went round the end)" : "");
		break;
	case NAV_SAME_ONLY:
		pager_message(p, 1, ns.quote ? "the only quote by %s" :
		    "%s is mentioned only here", names_name(nm, ns.id));
		break;
	case NAV_SAME_NO_SPEAKER:
		pager_message(p, 1, "this quote's speaker is not known");
		break;
	case NAV_SAME_NOTHING:
		pager_message(p, 1, "no entity or quote under the cursor "
		    "(Tab goes to the next highlight)");
		break;
	}
}

char *
pager_nav_under_cursor(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	size_t c = pager_file(p)->cursor;
	const struct analysis *an;

	if (a->rules == NULL ||
	    (an = article_analysis_have(a, c, c + 1)) == NULL)
		return NULL;	/* (said when the analysis is in) */
	return nav_describe(an, article_names(a), c);
}

int
pager_nav_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_HIGHLIGHT_NEXT:	highlight_next(p, 0); break;
	case ACTION_HIGHLIGHT_PREV:	highlight_next(p, 1); break;
	case ACTION_QUOTE_NEXT:		quote_next(p, 0); break;
	case ACTION_QUOTE_PREV:		quote_next(p, 1); break;
	case ACTION_SAME_NEXT:		same_next(p, 0); break;
	case ACTION_SAME_PREV:		same_next(p, 1); break;
	default:
		return 0;
	}
	return 1;
}
