/*
 * merge.c: the merge rule (see merge.h).
 */
#include "artread/merge.h"

#include <stdlib.h>
#include <string.h>

#include "artread/util.h"

/* The disk's annotations, sorted by id for lookups. */
struct disk {
	struct annot	**v;
	size_t		  n;
	unsigned char	 *used;
};

static int
by_id(const void *pa, const void *pb)
{
	return strcmp((*(struct annot *const *)pa)->id,
	    (*(struct annot *const *)pb)->id);
}

static long
disk_find(const struct disk *d, const char *id)
{
	size_t lo = 0, hi = d->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(d->v[mid]->id, id)) == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Is c a conflict copy of a, holding a's content (what: with times or
 * not, see annot_fingerprint)? */
static int
is_copy_of(const struct annot *c, const struct annot *a, unsigned what)
{
	return c->conflict_of != NULL && strcmp(c->conflict_of, a->id) == 0 &&
	    annot_fingerprint(c, what) == annot_fingerprint(a, what);
}

/* Does some annotation on disk hold a's content as a conflict copy of
 * a's id? */
static int
disk_holds_copy_of(const struct disk *d, const struct annot *a)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (is_copy_of(d->v[i], a, ANNOT_FP_TIMES))
			return 1;
	}
	return 0;
}

static int
set_holds_copy_of(const struct annot_set *set, const struct annot *a,
    unsigned what)
{
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		if (is_copy_of(annot_at(set, i), a, what))
			return 1;
	}
	return 0;
}

void
merge_make_copy(struct annot *c)
{
	free(c->conflict_of);
	c->conflict_of = c->id;
	c->id = annot_new_id();
	c->synced = 0;
	c->synced_fp = 0;
}

/* Take a as it is on disk. */
static void
as_on_disk(struct annot *a, unsigned long long fp)
{
	a->synced_fp = fp;
	a->synced = 1;
}

/* A growing list of annotations. */
struct list {
	struct annot	**v;
	size_t		  n;
};

static void
list_add(struct list *l, struct annot *a)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = a;
}

/* Decide for m (in memory) against its disk copy d (or NULL). */
/* What to do with each side: the disk's copies still to look at stay
 * alive until the end (lookups compare their ids). */
struct plan {
	struct list	in;		/* into the set */
	struct list	copy;		/* into the set under a new id */
	struct list	drop;		/* members to remove */
	struct list	discard;	/* disk copies not needed */
};

static void
decide(const struct annot_set *set, const struct annot *m, struct annot *d,
    const struct disk *disk, int exists, struct plan *pl,
    struct merge_stats *st)
{
	unsigned long long fm = annot_fingerprint(m, ANNOT_FP_ALL), fd;
	int here = !m->synced || fm != m->synced_fp, there;

	if (d == NULL) {
		if (exists && m->synced && !here) {
			list_add(&pl->drop, (struct annot *)m);
			st->dropped++;
		}
		return;
	}
	fd = annot_fingerprint(d, ANNOT_FP_ALL);
	there = !m->synced || fd != m->synced_fp;
	if (!there || fd == fm || (here && !disk_holds_copy_of(disk, m) &&
	    set_holds_copy_of(set, d, ANNOT_FP_TIMES))) {
		/* Unchanged there, the same change, or kept as a copy by an
		 * earlier try. */
		list_add(&pl->discard, d);
		return;
	}
	if (!here || disk_holds_copy_of(disk, m)) {
		as_on_disk(d, fd);
		list_add(&pl->in, d);	/* replaces m */
		st->in++;
		return;
	}
	list_add(&pl->copy, d);
	st->conflicts++;
}

void
merge_disk(struct annot_set *set, struct annot **v, size_t n, int exists,
    struct merge_stats *st)
{
	struct disk disk = { v, n, xcalloc(n + 1, 1) };
	struct plan pl;
	const struct annot *m;
	unsigned long long fp, fd;
	size_t i;
	long j;
	int synced;

	memset(st, 0, sizeof *st);
	memset(&pl, 0, sizeof pl);
	if (n > 1)
		qsort(v, n, sizeof *v, by_id);
	for (i = 0; i < annot_count(set); i++) {
		m = annot_at(set, i);
		j = disk_find(&disk, m->id);
		if (j >= 0)
			disk.used[j] = 1;
		decide(set, m, j >= 0 ? v[j] : NULL, &disk, exists, &pl, st);
	}
	for (i = 0; i < n; i++) {
		if (disk.used[i])
			continue;
		fd = annot_fingerprint(v[i], ANNOT_FP_ALL);
		if (annot_deleted_base(set, v[i]->id, &fp, &synced) &&
		    synced && fd == fp) {
			list_add(&pl.discard, v[i]);	/* deleted here */
			continue;
		}
		if (annot_is_deleted(set, v[i]->id))
			st->conflicts++;	/* changed there: it stays */
		else
			st->in++;
		as_on_disk(v[i], fd);
		list_add(&pl.in, v[i]);
	}
	/* The conflicting ones get their new ids now, lookups done. */
	for (i = 0; i < pl.copy.n; i++) {
		merge_make_copy(pl.copy.v[i]);
		list_add(&pl.in, pl.copy.v[i]);
	}
	for (i = 0; i < pl.drop.n; i++)
		annot_free(annot_take(set, pl.drop.v[i]->id));
	for (i = 0; i < pl.discard.n; i++)
		annot_free(pl.discard.v[i]);
	annot_insert_many(set, pl.in.v, pl.in.n);
	free(pl.in.v);
	free(pl.copy.v);
	free(pl.drop.v);
	free(pl.discard.v);
	free(disk.used);
	free(v);
}

size_t
merge_import(struct annot_set *set, struct annot **v, size_t n,
    size_t *conflicts)
{
	const struct annot *old;
	struct list in = { NULL, 0 };
	size_t i, nc = 0, added;

	for (i = 0; i < n; i++) {
		old = annot_find(set, v[i]->id);
		/* The same tags, note and fields: imported before (a time
		 * that could not be read differs at every import). */
		if (old != NULL && (annot_fingerprint(old, ANNOT_FP_ID) ==
		    annot_fingerprint(v[i], ANNOT_FP_ID) ||
		    set_holds_copy_of(set, v[i], 0))) {
			annot_free(v[i]);
			continue;
		}
		if (old != NULL) {
			merge_make_copy(v[i]);
			nc++;
		}
		list_add(&in, v[i]);
	}
	added = in.n;
	annot_insert_many(set, in.v, in.n);
	free(in.v);
	free(v);
	if (conflicts != NULL)
		*conflicts = nc;
	return added;
}
