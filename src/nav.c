/*
 * nav.c: quotes and mentions near an offset (nav.h).  Both lists are
 * sorted by start and do not overlap within themselves, so the one at an
 * offset is found by binary search.
 */
#include "artread/nav.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/names.h"
#include "artread/util.h"

/*
 * The items of a list sorted by start: struct entity or struct quote,
 * both with start as their first member.  size is the item's size,
 * end_at where its end offset is.
 */
struct items {
	const char	*v;
	size_t		 n;
	size_t		 size;
	size_t		 end_at;
};

#define ITEMS(v, n, type) { (const char *)(v), (n), sizeof(type), \
	offsetof(type, end) }

static size_t
item_start(const struct items *it, size_t i)
{
	return *(const size_t *)(const void *)(it->v + i * it->size);
}

static size_t
item_end(const struct items *it, size_t i)
{
	return *(const size_t *)(const void *)(it->v + i * it->size +
	    it->end_at);
}

/* How many items start at or before off. */
static size_t
starting_by(const struct items *it, size_t off)
{
	size_t lo = 0, hi = it->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (item_start(it, mid) <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The item holding off, or NAV_NONE. */
static long
item_at(const struct items *it, size_t off)
{
	size_t k = starting_by(it, off);

	return k == 0 || off >= item_end(it, k - 1) ? NAV_NONE : (long)k - 1;
}

long
nav_entity_at(const struct analysis *a, size_t off)
{
	struct items it = ITEMS(a != NULL ? a->ents : NULL, a != NULL ?
	    a->nents : 0, struct entity);

	return item_at(&it, off);
}

long
nav_quote_at(const struct analysis *a, size_t off)
{
	struct items it = ITEMS(a != NULL ? a->quotes : NULL, a != NULL ?
	    a->nquotes : 0, struct quote);

	return item_at(&it, off);
}

long
nav_quote_next(const struct analysis *a, size_t off, int backward)
{
	struct items it = ITEMS(a != NULL ? a->quotes : NULL, a != NULL ?
	    a->nquotes : 0, struct quote);
	size_t k;

	if (it.n == 0)
		return NAV_NONE;
	if (backward) {
		k = off == 0 ? 0 : starting_by(&it, off - 1);
		return k == 0 ? NAV_NONE : (long)k - 1;
	}
	k = starting_by(&it, off);
	return k == it.n ? NAV_NONE : (long)k;
}

/*
 * Walk from item i in one direction (round the ends with wrap) to the
 * next item whose id is the same; NAV_NONE if there is none.
 */
static long
same_id(size_t n, size_t i, int backward, int wrap, const struct names *nm,
    size_t (*id_of)(const struct names *, size_t))
{
	size_t want = id_of(nm, i), step, k;

	if (want == NAMES_NONE)
		return NAV_NONE;
	for (step = 1; step < n; step++) {
		if (!wrap && (backward ? step > i : i + step >= n))
			break;
		k = backward ? (i + n - step) % n : (i + step) % n;
		if (id_of(nm, k) == want)
			return (long)k;
	}
	return NAV_NONE;
}

/* Item i's place among the n items with its id, and their number. */
static size_t
rank_of(size_t n, size_t i, const struct names *nm,
    size_t (*id_of)(const struct names *, size_t), size_t *total)
{
	size_t want = id_of(nm, i), k, rank = 0;

	*total = 0;
	if (want == NAMES_NONE)
		return 0;
	for (k = 0; k < n; k++)
		if (id_of(nm, k) == want) {
			++*total;
			if (k <= i)
				rank++;
		}
	return rank;
}

enum nav_same_result
nav_same(const struct analysis *a, const struct names *nm, size_t off,
    int backward, int wrap, struct nav_same *out)
{
	long i, k;
	size_t n;
	size_t (*id_of)(const struct names *, size_t);

	memset(out, 0, sizeof *out);
	if (a == NULL || nm == NULL)
		return NAV_SAME_NOTHING;
	/* The entity under the cursor, else the quote around it. */
	if ((i = nav_entity_at(a, off)) != NAV_NONE) {
		n = a->nents;
		id_of = names_entity;
	} else if ((i = nav_quote_at(a, off)) != NAV_NONE) {
		n = a->nquotes;
		id_of = names_speaker;
		out->quote = 1;
	} else
		return NAV_SAME_NOTHING;
	if ((out->id = id_of(nm, (size_t)i)) == NAMES_NONE)
		return NAV_SAME_NO_SPEAKER;
	if ((k = same_id(n, (size_t)i, backward, wrap, nm, id_of)) == NAV_NONE)
		return NAV_SAME_ONLY;
	out->to = out->quote ? a->quotes[k].start : a->ents[k].start;
	out->rank = rank_of(n, (size_t)k, nm, id_of, &out->total);
	out->wrapped = backward ? k > i : k < i;
	return NAV_SAME_FOUND;
}

/* For sorting groups: the names, and by type or not. */
struct group_order {
	const struct names	*nm;
	int			 by_type;
};

static int
group_cmp(const void *x, const void *y, void *arg)
{
	const struct nav_group *g = x, *h = y;
	const struct group_order *o = arg;

	if ((g->id == NAMES_NONE) != (h->id == NAMES_NONE))
		return g->id == NAMES_NONE ? 1 : -1;
	if (o->by_type && g->id != NAMES_NONE &&
	    names_type(o->nm, g->id) != names_type(o->nm, h->id))
		return (int)names_type(o->nm, g->id) -
		    (int)names_type(o->nm, h->id);
	if (g->n != h->n)
		return g->n < h->n ? 1 : -1;
	if (g->id == NAMES_NONE)
		return 0;
	return strcmp(names_name(o->nm, g->id), names_name(o->nm, h->id));
}

/* Group the n items by id_of; the slot names_count is NAMES_NONE's. */
static size_t
group_by(size_t n, const struct names *nm,
    size_t (*id_of)(const struct names *, size_t), int by_type,
    struct nav_group **out)
{
	size_t nid = names_count(nm) + 1, i, id, k;
	struct nav_group *g = xcalloc(nid, sizeof *g);
	struct group_order o = { nm, by_type };

	for (id = 0; id < nid; id++)
		g[id].id = id + 1 < nid ? id : NAMES_NONE;
	for (i = 0; i < n; i++) {
		id = id_of(nm, i);
		g[id == NAMES_NONE ? nid - 1 : id].n++;
	}
	for (id = 0; id < nid; id++) {
		g[id].items = xreallocarray(NULL, g[id].n + 1,
		    sizeof *g[id].items);
		g[id].n = 0;
	}
	for (i = 0; i < n; i++) {
		id = id_of(nm, i);
		k = id == NAMES_NONE ? nid - 1 : id;
		g[k].items[g[k].n++] = i;
	}
	for (id = 0, k = 0; id < nid; id++) {
		if (g[id].n > 0)
			g[k++] = g[id];
		else
			free(g[id].items);
	}
	qsort_r(g, k, sizeof *g, group_cmp, &o);
	*out = g;
	return k;
}

size_t
nav_group_quotes(const struct analysis *a, const struct names *nm,
    struct nav_group **out)
{
	*out = NULL;
	if (a == NULL || nm == NULL)
		return 0;
	return group_by(a->nquotes, nm, names_speaker, 0, out);
}

size_t
nav_group_entities(const struct analysis *a, const struct names *nm,
    struct nav_group **out)
{
	*out = NULL;
	if (a == NULL || nm == NULL)
		return 0;
	return group_by(a->nents, nm, names_entity, 1, out);
}

void
nav_groups_free(struct nav_group *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(g[i].items);
	free(g);
}

char *
nav_describe(const struct analysis *a, const struct names *nm, size_t off)
{
	long e = nav_entity_at(a, off), q = nav_quote_at(a, off);
	struct buf b;
	size_t id;

	if (nm == NULL || (e == NAV_NONE && q == NAV_NONE))
		return NULL;
	buf_init(&b);
	if (e != NAV_NONE) {
		id = names_entity(nm, (size_t)e);
		buf_printf(&b, "%s %s", ent_type_name(a->ents[e].type),
		    names_name(nm, id));
	}
	if (q != NAV_NONE) {
		id = names_speaker(nm, (size_t)q);
		if (b.len > 0)
			buf_adds(&b, " \u00b7 ");
		if (id == NAMES_NONE)
			buf_adds(&b, "quote, speaker unknown");
		else
			buf_printf(&b, "quote by %s", names_name(nm, id));
	}
	return buf_steal(&b);
}

const char *
nav_quote_speaker(const struct analysis *a, const struct names *nm, size_t s,
    size_t e)
{
	long q = nav_quote_at(a, s);
	size_t id;

	if (nm == NULL || q == NAV_NONE || e <= s || e > a->quotes[q].end ||
	    (id = names_speaker(nm, (size_t)q)) == NAMES_NONE)
		return NULL;
	return names_name(nm, id);
}
