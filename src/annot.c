/*
 * annot.c: the annotation set: a sorted array of annotations, an undo
 * stack and a redo stack of (before, after) snapshots, the ids deleted
 * since the last save, and re-anchoring on a changed article.
 *
 * Undo works on snapshots: every change records a copy of the
 * annotation before and after it (NULL for "did not exist"), so one
 * function undoes adds, edits and deletes alike.  Undoing or redoing is
 * itself a change as far as the sidecar's merge is concerned: it gets a
 * fresh "modified" time, so its fingerprint differs from the copy on disk.
 *
 * Lookups by id use a second array sorted by id (binary search), and
 * loading many annotations sorts once (annot_insert_many): a sidecar of
 * 100,000 annotations must not cost 100,000 sorts.
 */
#include "artread/annot.h"
#include "artread/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "artread/align.h"
#include "artread/isotime.h"
#include "artread/util.h"
#include "artread/uuid.h"

struct change {
	struct annot	*before;	/* NULL: did not exist */
	struct annot	*after;		/* NULL: deleted */
};

struct stack {
	struct change	*v;
	size_t		 n;
};

/* An id deleted since the last save, and its synced fingerprint. */
struct deleted {
	char			*id;
	unsigned long long	 fp;
	int			 synced;
};

struct annot_set {
	struct annot	**v;		/* sorted: see annot_cmp */
	struct annot	**byid;		/* the same, sorted by id */
	size_t		  n;
	struct stack	  undo;
	struct stack	  redo;
	struct deleted	 *deleted;	/* since the last save */
	size_t		  ndeleted;
	void		(*now)(char *);
	char		*(*idgen)(void);
	int		  dirty;
};

static void	 set_sort(struct annot_set *);
static void	 stack_clear(struct stack *);

/* ---- UTF-8 ---------------------------------------------------------- */

int
annot_utf8_valid(const char *s, size_t len)
{
	return utf8_valid(s, len) && memchr(s, '\0', len) == NULL;
}

/* The start of the code point before off (an invalid byte is one). */
static size_t
cp_back(const char *s, size_t off)
{
	size_t k;

	for (k = 2; k <= 4 && k <= off; k++) {
		if (utf8_decode(s + off - k, k, NULL) == k)
			return off - k;
	}
	return off - 1;
}

/* ---- annotations ---------------------------------------------------- */

struct annot *
annot_new(void)
{
	struct annot *a = xcalloc(1, sizeof *a);

	a->note = xstrdup("");
	a->exact = xstrdup("");
	a->prefix = xstrdup("");
	a->suffix = xstrdup("");
	return a;
}

static char *
memdup0(const char *p, size_t n)
{
	char *s = xmalloc(n + 1);

	if (n > 0)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

struct annot *
annot_dup(const struct annot *a)
{
	struct annot *d = xmalloc(sizeof *d);
	size_t i;

	*d = *a;
	d->id = a->id != NULL ? xstrdup(a->id) : NULL;
	d->tags = NULL;
	if (a->ntags > 0 && a->tags != NULL) {
		d->tags = xreallocarray(NULL, a->ntags, sizeof *d->tags);
		for (i = 0; i < a->ntags; i++)
			d->tags[i] = xstrdup(a->tags[i]);
	}
	d->note = xstrdup(a->note);
	d->exact = memdup0(a->exact, a->exact_len);
	d->prefix = memdup0(a->prefix, a->prefix_len);
	d->suffix = memdup0(a->suffix, a->suffix_len);
	d->was = annot_quote_dup(a->was);
	d->conflict_of = a->conflict_of != NULL ? xstrdup(a->conflict_of) :
	    NULL;
	d->extra = a->extra != NULL ? xstrdup(a->extra) : NULL;
	return d;
}

struct annot_quote *
annot_quote_dup(const struct annot_quote *q)
{
	struct annot_quote *d;

	if (q == NULL)
		return NULL;
	d = xmalloc(sizeof *d);
	d->exact = memdup0(q->exact, q->exact_len);
	d->exact_len = q->exact_len;
	d->prefix = memdup0(q->prefix, q->prefix_len);
	d->prefix_len = q->prefix_len;
	d->suffix = memdup0(q->suffix, q->suffix_len);
	d->suffix_len = q->suffix_len;
	return d;
}

void
annot_quote_free(struct annot_quote *q)
{
	if (q == NULL)
		return;
	free(q->exact);
	free(q->prefix);
	free(q->suffix);
	free(q);
}

static const char *const anchor_names[] = {
	"exact", "moved", "changed", "orphan",
};

const char *
annot_anchor_name(enum annot_anchor a)
{
	if ((size_t)a >= sizeof anchor_names / sizeof anchor_names[0])
		return "exact";
	return anchor_names[a];
}

int
annot_anchor_from_name(const char *name)
{
	size_t i;

	for (i = 0; name != NULL &&
	    i < sizeof anchor_names / sizeof anchor_names[0]; i++) {
		if (strcmp(name, anchor_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

enum annot_anchor
annot_anchor_of(const struct annot *a)
{
	if (a->orphan)
		return ANNOT_ORPHAN;
	return a->anchor == ANNOT_ORPHAN ? ANNOT_EXACT : a->anchor;
}

void
annot_set_anchor(struct annot *a, enum annot_anchor anchor)
{
	a->anchor = anchor;
	a->orphan = anchor == ANNOT_ORPHAN;
}

void
annot_free(struct annot *a)
{
	if (a == NULL)
		return;
	free(a->id);
	util_free_list(a->tags, a->ntags);
	free(a->note);
	free(a->exact);
	free(a->prefix);
	free(a->suffix);
	annot_quote_free(a->was);
	free(a->conflict_of);
	free(a->extra);
	free(a);
}

/* FNV-1a, 64 bits, over n bytes and then a separator. */
static unsigned long long
fnv(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static unsigned long long
fnv_str(unsigned long long h, const char *s)
{
	return s != NULL ? fnv(h, s, strlen(s)) : fnv(h, "", 0) * 31;
}

unsigned long long
annot_fingerprint(const struct annot *a, unsigned what)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	size_t i;

	if (what & ANNOT_FP_ID) {
		h = fnv_str(h, a->id);
		h = fnv_str(h, a->conflict_of);
	}
	if (what & ANNOT_FP_TIMES) {
		h = fnv_str(h, a->created);
		h = fnv_str(h, a->modified);
	}
	for (i = 0; i < a->ntags; i++)
		h = fnv_str(h, a->tags[i]);
	h = fnv(h, "#", 1);
	h = fnv_str(h, a->note);
	return fnv_str(h, a->extra);
}

void
annot_fill_context(struct annot *a, const char *bytes, size_t len)
{
	size_t p, s, i;

	if (a->end > len || a->start > a->end)
		return;
	free(a->exact);
	a->exact = memdup0(bytes + a->start, a->end - a->start);
	a->exact_len = a->end - a->start;
	for (p = a->start, i = 0; p > 0 && i < ANNOT_CONTEXT; i++)
		p = cp_back(bytes, p);
	free(a->prefix);
	a->prefix = memdup0(bytes + p, a->start - p);
	a->prefix_len = a->start - p;
	for (s = a->end, i = 0; s < len && i < ANNOT_CONTEXT; i++) {
		size_t k = utf8_decode(bytes + s, len - s, NULL);
		s += k == 0 ? 1 : k;
	}
	free(a->suffix);
	a->suffix = memdup0(bytes + a->end, s - a->end);
	a->suffix_len = s - a->end;
}

static int
has_tag(const struct annot *a, const char *tag)
{
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		if (strcmp(a->tags[i], tag) == 0)
			return 1;
	}
	return 0;
}

static void
push_tag(struct annot *a, const char *tag)
{
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = xstrdup(tag);
}

/* ---- time and ids --------------------------------------------------- */

void
annot_now(char *out)
{
	isotime_now(out);
}

char *
annot_new_id(void)
{
	char id[UUID_URN_LEN];

	uuid_random(id);
	return xstrdup(id);
}

/* ---- the set -------------------------------------------------------- */

struct annot_set *
annot_set_new(void)
{
	struct annot_set *set = xcalloc(1, sizeof *set);

	set->now = annot_now;
	set->idgen = annot_new_id;
	return set;
}

void
annot_set_free(struct annot_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++)
		annot_free(set->v[i]);
	free(set->v);
	free(set->byid);
	stack_clear(&set->undo);
	stack_clear(&set->redo);
	annot_clear_deleted(set);
	free(set);
}

void
annot_set_clock(struct annot_set *set, void (*now)(char *))
{
	set->now = now != NULL ? now : annot_now;
}

void
annot_set_idgen(struct annot_set *set, char *(*gen)(void))
{
	set->idgen = gen != NULL ? gen : annot_new_id;
}

/* Article order: anchored by start, then end; orphans last. */
static int
annot_cmp(const void *pa, const void *pb)
{
	const struct annot *a = *(const struct annot *const *)pa;
	const struct annot *b = *(const struct annot *const *)pb;
	int c;

	if (a->orphan != b->orphan)
		return a->orphan - b->orphan;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if ((c = strcmp(a->created, b->created)) != 0)
		return c;
	return strcmp(a->id, b->id);
}

static void
set_sort(struct annot_set *set)
{
	if (set->n > 1)
		qsort(set->v, set->n, sizeof *set->v, annot_cmp);
}

static int
id_cmp(const void *pa, const void *pb)
{
	return strcmp((*(const struct annot *const *)pa)->id,
	    (*(const struct annot *const *)pb)->id);
}

/* Where id is (1) or would go (0) in set->byid. */
static int
id_search(const struct annot_set *set, const char *id, size_t *pos)
{
	size_t lo = 0, hi = set->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(set->byid[mid]->id, id)) == 0) {
			*pos = mid;
			return 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*pos = lo;
	return 0;
}

/* Where a is or would go in set->v (article order). */
static size_t
order_search(const struct annot_set *set, const struct annot *a)
{
	size_t lo = 0, hi = set->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (annot_cmp(&set->v[mid], &a) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The index of a (a member) in set->v. */
static size_t
order_index(const struct annot_set *set, const struct annot *a)
{
	size_t i = order_search(set, a);

	if (i < set->n && set->v[i] == a)
		return i;
	for (i = 0; i < set->n && set->v[i] != a; i++)
		;	/* its keys changed behind our back: look everywhere */
	return i;
}

static void
array_insert(struct annot **v, size_t n, size_t at, struct annot *a)
{
	memmove(v + at + 1, v + at, (n - at) * sizeof *v);
	v[at] = a;
}

static void
array_remove(struct annot **v, size_t n, size_t at)
{
	memmove(v + at, v + at + 1, (n - at - 1) * sizeof *v);
}

long
annot_index(const struct annot_set *set, const char *id)
{
	size_t pos;

	if (id == NULL || !id_search(set, id, &pos))
		return -1;
	return (long)order_index(set, set->byid[pos]);
}

static struct annot *
find(const struct annot_set *set, const char *id)
{
	size_t pos;

	if (id == NULL || !id_search(set, id, &pos))
		return NULL;
	return set->byid[pos];
}

const struct annot *
annot_find(const struct annot_set *set, const char *id)
{
	return find(set, id);
}

size_t
annot_count(const struct annot_set *set)
{
	return set->n;
}

const struct annot *
annot_at(const struct annot_set *set, size_t i)
{
	return i < set->n ? set->v[i] : NULL;
}

static long
deleted_index(const struct annot_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->ndeleted; i++) {
		if (strcmp(set->deleted[i].id, id) == 0)
			return (long)i;
	}
	return -1;
}

static void
unmark_deleted(struct annot_set *set, const char *id)
{
	long i = deleted_index(set, id);

	if (i < 0)
		return;
	free(set->deleted[i].id);
	set->deleted[i] = set->deleted[--set->ndeleted];
}

/* Remember that a (about to be removed) was deleted here. */
static void
mark_deleted(struct annot_set *set, const struct annot *a)
{
	struct deleted *d;

	if (annot_is_deleted(set, a->id))
		return;
	set->deleted = xreallocarray(set->deleted, set->ndeleted + 1,
	    sizeof *set->deleted);
	d = &set->deleted[set->ndeleted++];
	d->id = xstrdup(a->id);
	d->fp = a->synced_fp;
	d->synced = a->synced;
}

/* Remove set->v's and set->byid's entry for a member; returns it. */
static struct annot *
unlink_member(struct annot_set *set, size_t idpos)
{
	struct annot *a = set->byid[idpos];

	array_remove(set->v, set->n, order_index(set, a));
	array_remove(set->byid, set->n, idpos);
	set->n--;
	return a;
}

void
annot_insert(struct annot_set *set, struct annot *a)
{
	size_t pos;

	if (id_search(set, a->id, &pos))
		annot_free(unlink_member(set, pos));
	set->v = xreallocarray(set->v, set->n + 1, sizeof *set->v);
	set->byid = xreallocarray(set->byid, set->n + 1, sizeof *set->byid);
	array_insert(set->byid, set->n, pos, a);
	array_insert(set->v, set->n, order_search(set, a), a);
	set->n++;
}

/* Is v[0, n) in order by cmp already?  (A sidecar is written in article
 * order: loading it need not sort it again.) */
static int
sorted(struct annot **v, size_t n, int (*cmp)(const void *, const void *))
{
	size_t i;

	for (i = 1; i < n; i++) {
		if (cmp(&v[i - 1], &v[i]) > 0)
			return 0;
	}
	return 1;
}

void
annot_insert_many(struct annot_set *set, struct annot **in, size_t n)
{
	struct annot **merged, **order = NULL;
	size_t i, j, k, pos;

	if (n == 0)
		return;
	if (set->n == 0 && sorted(in, n, annot_cmp)) {
		order = xreallocarray(NULL, n, sizeof *order);
		memcpy(order, in, n * sizeof *order);
	}
	if (!sorted(in, n, id_cmp))
		qsort(in, n, sizeof *in, id_cmp);
	/* Replace those already there in place; the rest are new. */
	for (i = j = 0; i < n; i++) {
		if (j > 0 && strcmp(in[j - 1]->id, in[i]->id) == 0) {
			annot_free(in[i]);	/* a repeated id: keep one */
			free(order);		/* (and the order has it) */
			order = NULL;
			continue;
		}
		if (id_search(set, in[i]->id, &pos)) {
			annot_free(set->byid[pos]);
			set->byid[pos] = in[i];
		} else
			in[j++] = in[i];
	}
	/* Merge the new ones into the id order, then sort once. */
	merged = xreallocarray(NULL, set->n + j, sizeof *merged);
	for (i = k = 0, pos = 0; i < set->n || k < j; pos++) {
		if (k == j || (i < set->n &&
		    strcmp(set->byid[i]->id, in[k]->id) < 0))
			merged[pos] = set->byid[i++];
		else
			merged[pos] = in[k++];
	}
	free(set->byid);
	set->byid = merged;
	set->n = pos;
	if (order != NULL) {
		free(set->v);
		set->v = order;
		return;
	}
	set->v = xreallocarray(set->v, set->n, sizeof *set->v);
	memcpy(set->v, set->byid, set->n * sizeof *set->v);
	set_sort(set);
}

struct annot *
annot_take(struct annot_set *set, const char *id)
{
	size_t pos;

	if (id == NULL || !id_search(set, id, &pos))
		return NULL;
	return unlink_member(set, pos);
}

size_t
annot_deleted_count(const struct annot_set *set)
{
	return set->ndeleted;
}

const char *
annot_deleted_at(const struct annot_set *set, size_t i)
{
	return i < set->ndeleted ? set->deleted[i].id : NULL;
}

int
annot_is_deleted(const struct annot_set *set, const char *id)
{
	return deleted_index(set, id) >= 0;
}

int
annot_deleted_base(const struct annot_set *set, const char *id,
    unsigned long long *fp, int *synced)
{
	long i = deleted_index(set, id);

	*fp = 0;
	*synced = 0;
	if (i < 0)
		return 0;
	*fp = set->deleted[i].fp;
	*synced = set->deleted[i].synced;
	return 1;
}

void
annot_clear_deleted(struct annot_set *set)
{
	size_t i;

	for (i = 0; i < set->ndeleted; i++)
		free(set->deleted[i].id);
	free(set->deleted);
	set->deleted = NULL;
	set->ndeleted = 0;
}

void
annot_fill_versions(struct annot_set *set, const char *sha256)
{
	size_t i;

	if (strlen(sha256) != ANNOT_VERSION_LEN - 1)
		return;
	/* A changed one was not made on this text. */
	for (i = 0; i < set->n; i++) {
		if (set->v[i]->version[0] == '\0' &&
		    (annot_anchor_of(set->v[i]) == ANNOT_EXACT ||
		    annot_anchor_of(set->v[i]) == ANNOT_MOVED))
			memcpy(set->v[i]->version, sha256, ANNOT_VERSION_LEN);
	}
}

void
annot_mark_unsynced(struct annot_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		set->v[i]->synced = 0;
}

void
annot_mark_synced(struct annot_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		set->v[i]->synced_fp = annot_fingerprint(set->v[i],
		    ANNOT_FP_ALL);
		set->v[i]->synced = 1;
	}
	set->dirty = 0;
}

int
annot_dirty(const struct annot_set *set)
{
	return set->dirty;
}

/* ---- undo ----------------------------------------------------------- */

static void
stack_push(struct stack *s, struct annot *before, struct annot *after)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n].before = before;
	s->v[s->n].after = after;
	s->n++;
}

static void
stack_clear(struct stack *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		annot_free(s->v[i].before);
		annot_free(s->v[i].after);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void
annot_history_move(struct annot_set *to, struct annot_set *from)
{
	stack_clear(&to->undo);
	stack_clear(&to->redo);
	to->undo = from->undo;
	to->redo = from->redo;
	memset(&from->undo, 0, sizeof from->undo);
	memset(&from->redo, 0, sizeof from->redo);
}

/* The snapshots of s (none shared: each change owns its two) into v. */
static void
stack_snapshots(const struct stack *s, struct annot **v, size_t *n)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].before != NULL)
			v[(*n)++] = s->v[i].before;
		if (s->v[i].after != NULL)
			v[(*n)++] = s->v[i].after;
	}
}

void
annot_history_reanchor(struct annot_set *set, const char *bytes, size_t len)
{
	struct annot_reanchor_stats st;
	struct annot **v;
	size_t n = 0;

	v = xreallocarray(NULL, 2 * (set->undo.n + set->redo.n) + 1,
	    sizeof *v);
	stack_snapshots(&set->undo, v, &n);
	stack_snapshots(&set->redo, v, &n);
	annot_reanchor_v(v, n, bytes, len, NULL, NULL, &st);
	free(v);
}

/* Record a user's change (taking the snapshots); clears the redo stack. */
static void
record(struct annot_set *set, struct annot *before, struct annot *after)
{
	stack_push(&set->undo, before, after);
	stack_clear(&set->redo);
	set->dirty = 1;
}

/* Make annotation id look like state (NULL: not exist), as of now. */
static void
apply(struct annot_set *set, const char *id, const struct annot *state)
{
	struct annot *a, *cur;
	char *copy = xstrdup(id);
	unsigned long long fp;
	int synced;

	/* The sync state is the set's, not the snapshot's (it may be older
	 * than the last save). */
	if ((cur = annot_take(set, copy)) != NULL) {
		fp = cur->synced_fp;
		synced = cur->synced;
	} else
		(void)annot_deleted_base(set, copy, &fp, &synced);
	if (state == NULL) {
		if (cur != NULL)
			mark_deleted(set, cur);
	} else {
		a = annot_dup(state);
		a->synced_fp = fp;
		a->synced = synced;
		set->now(a->modified);
		unmark_deleted(set, copy);
		annot_insert(set, a);
	}
	annot_free(cur);
	free(copy);
	set->dirty = 1;
}

static const char *
change_id(const struct change *c)
{
	return c->before != NULL ? c->before->id : c->after->id;
}

int
annot_undo(struct annot_set *set)
{
	struct change c;

	if (set->undo.n == 0)
		return -1;
	c = set->undo.v[--set->undo.n];
	apply(set, change_id(&c), c.before);
	stack_push(&set->redo, c.before, c.after);
	return 0;
}

int
annot_redo(struct annot_set *set)
{
	struct change c;

	if (set->redo.n == 0)
		return -1;
	c = set->redo.v[--set->redo.n];
	apply(set, change_id(&c), c.after);
	stack_push(&set->undo, c.before, c.after);
	return 0;
}

int
annot_can_undo(const struct annot_set *set)
{
	return set->undo.n > 0;
}

int
annot_can_redo(const struct annot_set *set)
{
	return set->redo.n > 0;
}

/* ---- user changes --------------------------------------------------- */

const char *
annot_add(struct annot_set *set, const char *bytes, size_t len, size_t start,
    size_t end, const char *tag, const char *note)
{
	struct annot *a;

	if (start >= end || end > len)
		return NULL;
	a = annot_new();
	do {
		free(a->id);
		a->id = set->idgen();
	} while (find(set, a->id) != NULL);
	if (tag != NULL && *tag != '\0')
		push_tag(a, tag);
	if (note != NULL) {
		free(a->note);
		a->note = xstrdup(note);
	}
	set->now(a->created);
	memcpy(a->modified, a->created, ANNOT_TIME_LEN);
	a->start = start;
	a->end = end;
	annot_fill_context(a, bytes, len);
	annot_insert(set, a);
	unmark_deleted(set, a->id);
	record(set, NULL, annot_dup(a));
	return a->id;
}

/* Snapshot a before an edit; finish_edit records it with the result. */
static void
finish_edit(struct annot_set *set, struct annot *a, struct annot *before)
{
	set->now(a->modified);
	record(set, before, annot_dup(a));
}

/* Why the character at tag[i] (its code point cp, n bytes, 0 when
 * invalid) cannot be in a tag, or NULL. */
static const char *
tag_char_fault(const unsigned char *p, size_t n, uint32_t cp)
{
	if (n == 0)
		return "a tag must be UTF-8";
	if (p[0] < 0x20 || p[0] == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return "a tag cannot hold control characters";
	if (utf8_is_space(cp))
		return "a tag is one word: it cannot hold white space";
	if (utf8_is_format(cp))
		return "a tag cannot hold invisible or bidirectional "
		    "characters";
	if (cp == ',')
		return "a tag cannot hold a comma (commas separate tags)";
	return NULL;
}

int
annot_tag_check(const char *tag, size_t len, char **cause)
{
	const char *why;
	uint32_t cp = 0;
	size_t i, n;

	for (i = 0; i < len; i += n ? n : 1) {
		n = utf8_decode(tag + i, len - i, &cp);
		if (cp == ' ' && i > 0 && i + 1 < len && tag[i + 1] != ' ')
			continue;	/* one space between words */
		if ((why = cp == ' ' ? "spaces go only between words, one at a "
		    "time" : tag_char_fault((const unsigned char *)tag + i, n,
		    cp)) != NULL) {
			*cause = xasprintf("bad tag \"%.*s\": %s", (int)len,
			    tag, why);
			return -1;
		}
	}
	return 0;
}

int
annot_add_tag(struct annot_set *set, const char *id, const char *tag)
{
	struct annot *a = find(set, id), *before;

	if (a == NULL || tag == NULL || *tag == '\0' || has_tag(a, tag))
		return -1;
	before = annot_dup(a);
	push_tag(a, tag);
	finish_edit(set, a, before);
	return 0;
}

int
annot_remove_tag(struct annot_set *set, const char *id, const char *tag)
{
	struct annot *a = find(set, id), *before;
	size_t i;

	if (a == NULL || tag == NULL || !has_tag(a, tag))
		return -1;
	before = annot_dup(a);
	for (i = 0; strcmp(a->tags[i], tag) != 0; i++)
		;
	free(a->tags[i]);
	memmove(a->tags + i, a->tags + i + 1,
	    (a->ntags - i - 1) * sizeof *a->tags);
	a->ntags--;
	finish_edit(set, a, before);
	return 0;
}

int
annot_set_note(struct annot_set *set, const char *id, const char *note)
{
	struct annot *a = find(set, id), *before;

	if (a == NULL)
		return -1;
	if (note == NULL)
		note = "";
	if (strcmp(a->note, note) == 0)
		return 0;
	before = annot_dup(a);
	free(a->note);
	a->note = xstrdup(note);
	finish_edit(set, a, before);
	return 0;
}

int
annot_delete(struct annot_set *set, const char *id)
{
	struct annot *a = annot_take(set, id);

	if (a == NULL)
		return -1;
	mark_deleted(set, a);
	record(set, a, NULL);
	return 0;
}

int
annot_retarget(struct annot_set *set, const char *id, const char *bytes,
    size_t len, size_t start, size_t end)
{
	struct annot *a = find(set, id), *before;

	if (a == NULL || start >= end || end > len)
		return -1;
	if (annot_anchor_of(a) == ANNOT_EXACT && a->start == start &&
	    a->end == end)
		return 0;
	before = annot_dup(a);
	a->start = start;
	a->end = end;
	/* Made anew on this text: exact, and its version is this text's
	 * (filled in when it is saved). */
	annot_set_anchor(a, ANNOT_EXACT);
	annot_quote_free(a->was);
	a->was = NULL;
	a->version[0] = '\0';
	annot_fill_context(a, bytes, len);
	set_sort(set);
	finish_edit(set, a, before);
	return 0;
}

void
annot_restore(struct annot_set *set, const struct annot *copy)
{
	struct annot *before = annot_take(set, copy->id), *a = annot_dup(copy);

	/* Whatever copy says, it stands with the disk as the one it
	 * replaces did: a change made here, unless the disk changed too. */
	a->synced = before != NULL && before->synced;
	a->synced_fp = before != NULL ? before->synced_fp : 0;
	unmark_deleted(set, a->id);
	annot_insert(set, a);
	record(set, before, annot_dup(a));
}

/* The length of white space at p (ASCII or U+00A0), or 0. */
static size_t
space_len(const char *p, size_t len)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	    *p == '\f' || *p == '\v')
		return 1;
	if (len >= 2 && (unsigned char)p[0] == 0xc2 &&
	    (unsigned char)p[1] == 0xa0)
		return 2;
	return 0;
}

/* ---- describing a change -------------------------------------------- */

/* The length of a quotation mark at s[0, len), or 0. */
static size_t
quote_mark_len(const char *s, size_t len)
{
	static const char *const marks[] = { "\"", "\u201c", "\u201d",
		"\u201e", "\u2018", "\u2019", "\u00ab", "\u00bb" };
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		n = strlen(marks[i]);
		if (n <= len && memcmp(s, marks[i], n) == 0)
			return n;
	}
	return 0;
}

/*
 * The first max characters of s as one line: white space runs become
 * one space, and a cut ends in an ellipsis.  It goes between our own
 * quotation marks, so the passage's own marks at its ends are left out.
 */
static void
add_excerpt(struct buf *b, const char *s, size_t len, size_t max)
{
	size_t i = 0, k, chars = 0;
	int space = 0;

	while (i < len && ((k = space_len(s + i, len - i)) > 0 ||
	    (k = quote_mark_len(s + i, len - i)) > 0))
		i += k;
	while (len > i && space_len(s + len - 1, 1) > 0)
		len--;
	for (k = 1; k <= 3 && k <= len - i; k++)
		if (quote_mark_len(s + len - k, k) == k) {
			len -= k;
			break;
		}
	for (; i < len; i += k) {
		if ((k = space_len(s + i, len - i)) > 0) {
			space = 1;
			continue;
		}
		if (chars + space >= max) {
			buf_adds(b, "\u2026");
			return;
		}
		if (space) {
			buf_addc(b, ' ');
			chars++;
			space = 0;
		}
		k = utf8_decode(s + i, len - i, NULL);
		k = k == 0 ? 1 : k;
		buf_add(b, s + i, k);
		chars++;
	}
}

static void
add_tag_list(struct buf *b, char *const *tags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i > 0 ? ", " : "", tags[i]);
}

char *
annot_summary(const struct annot *a, size_t max)
{
	struct buf b;

	buf_init(&b);
	if (a->ntags == 0)
		buf_adds(&b, "annotation");
	add_tag_list(&b, a->tags, a->ntags);
	buf_adds(&b, " on \u201c");
	add_excerpt(&b, a->exact, a->exact_len, max);
	buf_adds(&b, "\u201d");
	return buf_steal(&b);
}

/* The tags of a that b does not have. */
static size_t
tags_missing(const struct annot *a, const struct annot *b, char ***out)
{
	size_t i, n = 0;

	*out = NULL;
	for (i = 0; i < a->ntags; i++) {
		if (has_tag(b, a->tags[i]))
			continue;
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = a->tags[i];
	}
	return n;
}

/* One tag change (added or removed) as "tag X on" or "removal of tags X,
 * Y from"; 0 if the tags are the same. */
static int
describe_tags(struct buf *b, const struct annot *before,
    const struct annot *after)
{
	char **v;
	size_t n;
	int removed = 0;

	if ((n = tags_missing(after, before, &v)) == 0) {
		free(v);
		if ((n = tags_missing(before, after, &v)) == 0) {
			free(v);
			return 0;
		}
		removed = 1;
	}
	buf_printf(b, "%stag%s ", removed ? "removal of " : "",
	    n > 1 ? "s" : "");
	add_tag_list(b, v, n);
	buf_adds(b, removed ? " from \u201c" : " on \u201c");
	free(v);
	return 1;
}

char *
annot_describe_change(const struct annot *before, const struct annot *after,
    size_t max)
{
	const struct annot *a = after != NULL ? after : before;
	struct buf b;
	char *sum;

	if (a == NULL)
		return xstrdup("nothing");
	buf_init(&b);
	if (before == NULL || after == NULL) {
		sum = annot_summary(a, max);
		buf_printf(&b, "%s%s", after == NULL ? "deletion of " : "",
		    a->ntags > 0 ? "tag" : after == NULL ? "the " : "");
		buf_adds(&b, a->ntags > 1 ? "s " : a->ntags == 1 ? " " : "");
		buf_adds(&b, sum);
		free(sum);
		return buf_steal(&b);
	}
	if (before->start != after->start || before->end != after->end ||
	    before->orphan != after->orphan) {
		sum = annot_summary(after, max);
		buf_printf(&b, "re-targeting of %s", sum);
		free(sum);
		return buf_steal(&b);
	}
	if (!describe_tags(&b, before, after))
		buf_printf(&b, "%s on \u201c", strcmp(before->note,
		    after->note) == 0 ? "change" : before->note[0] == '\0' ?
		    "note" : after->note[0] == '\0' ? "removal of the note" :
		    "note edit");
	add_excerpt(&b, a->exact, a->exact_len, max);
	buf_adds(&b, "\u201d");
	return buf_steal(&b);
}

int
annot_change_peek(const struct annot_set *set, int redo,
    const struct annot **before, const struct annot **after)
{
	const struct stack *s = redo ? &set->redo : &set->undo;

	if (s->n == 0)
		return -1;
	*before = s->v[s->n - 1].before;
	*after = s->v[s->n - 1].after;
	return 0;
}

/* ---- queries -------------------------------------------------------- */

/*
 * Deeper: shorter; on a tie, starting later; then later in article
 * order.  The pager paints annotations from the outermost to the
 * innermost, so the deepest is the one the reader sees.
 */
int
annot_depth_cmp(const struct annot *a, const struct annot *b)
{
	size_t la = a->end - a->start, lb = b->end - b->start;

	if (la != lb)
		return la < lb ? 1 : -1;
	if (a->start != b->start)
		return a->start > b->start ? 1 : -1;
	return annot_cmp(&a, &b);
}

size_t
annot_covering(const struct annot_set *set, size_t off,
    const struct annot **out, size_t max)
{
	size_t i, k, n = 0;

	for (i = 0; i < set->n && max > 0; i++) {
		const struct annot *a = set->v[i];

		if (a->orphan || a->start > off)
			break;
		if (off >= a->end)
			continue;
		/* Keep out[] deepest first, the max deepest. */
		for (k = n; k > 0 && annot_depth_cmp(a, out[k - 1]) > 0; k--)
			;
		if (k >= max)
			continue;
		if (n < max)
			n++;
		memmove(out + k + 1, out + k, (n - 1 - k) * sizeof *out);
		out[k] = a;
	}
	return n;
}

const struct annot *
annot_innermost(const struct annot_set *set, size_t off)
{
	const struct annot *a;

	return annot_covering(set, off, &a, 1) == 1 ? a : NULL;
}

const struct annot *
annot_next(const struct annot_set *set, size_t off)
{
	size_t i;

	for (i = 0; i < set->n && !set->v[i]->orphan; i++) {
		if (set->v[i]->start > off)
			return set->v[i];
	}
	return NULL;
}

const struct annot *
annot_prev(const struct annot_set *set, size_t off)
{
	const struct annot *best = NULL;
	size_t i;

	for (i = 0; i < set->n && !set->v[i]->orphan; i++) {
		if (set->v[i]->start >= off)
			break;
		best = set->v[i];
	}
	return best;
}

/* ---- re-anchoring --------------------------------------------------- */

/*
 * Re-anchoring puts an annotation made on one version of the article on
 * another.  Where it goes is decided by a placer: the version store's
 * (track.c: both versions aligned word by word, align.h), or, when the
 * text it was on is not kept, its own context (annot_find_by_context:
 * the quote with up to 32 code points either side is aligned with the
 * part of the new text where it or its context is found).  Both follow
 * align_map's rules, so a passage is never stretched over text it did
 * not hold nor across a paragraph break.  Applying a placement
 * (relocate) keeps what the state means: the state is relative to the
 * text the annotation was made on, so it only worsens (exact, moved,
 * changed, orphan) until the user re-targets or accepts it, or the edit
 * is undone on the page.
 */

#define CONTEXT_WINDOW	4096	/* new text either side of the place
				   where a passage is looked for */
#define SEARCH_RADIUS	(1u << 20)	/* in a larger text, a passage is
				   looked for this far from where it was */
#define CONTEXT_PROBE	16	/* bytes of context searched for */
#define MOVED_MIN_WORDS	3	/* fewer: a copy elsewhere must share
				   some context to count as the passage */

/* How many bytes a's tail and b's tail share. */
static size_t
common_tail(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t n = 0;

	while (n < alen && n < blen && a[alen - 1 - n] == b[blen - 1 - n])
		n++;
	return n;
}

static size_t
common_head(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t n = 0;

	while (n < alen && n < blen && a[n] == b[n])
		n++;
	return n;
}

/* memmem(3) is not in POSIX 2008; a plain version. */
static const char *
mem_find(const char *hay, size_t hlen, const char *pat, size_t plen)
{
	const char *p = hay, *end;

	if (plen == 0 || plen > hlen)
		return NULL;
	end = hay + hlen - plen;
	while (p <= end && (p = memchr(p, pat[0], (size_t)(end - p) + 1)) !=
	    NULL) {
		if (memcmp(p, pat, plen) == 0)
			return p;
		p++;
	}
	return NULL;
}

static size_t
distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/*
 * The occurrence of pat in text[lo, hi) whose surroundings (within the
 * whole text[0, len)) match pre and suf best, then the one nearest to
 * near.  Returns 0, *at and *score (bytes of context in common), or -1.
 */
static int
best_occurrence(const char *text, size_t len, size_t lo, size_t hi,
    const char *pat, size_t plen, const char *pre, size_t prelen,
    const char *suf, size_t suflen, size_t near, size_t *at, size_t *score)
{
	const char *p = text + lo, *hit;
	size_t sc, pos;
	int found = 0;

	while ((hit = mem_find(p, hi - (size_t)(p - text), pat, plen)) != NULL) {
		pos = (size_t)(hit - text);
		sc = common_tail(pre, prelen, text, pos) + common_head(suf,
		    suflen, text + pos + plen, len - pos - plen);
		if (!found || sc > *score || (sc == *score &&
		    distance(pos, near) < distance(*at, near))) {
			*score = sc;
			*at = pos;
			found = 1;
		}
		p = hit + 1;
	}
	return found ? 0 : -1;
}

/* The occurrence of pat in text[lo, hi) nearest to near: 0 and *at. */
static int
nearest_occurrence(const char *text, size_t lo, size_t hi, const char *pat,
    size_t plen, size_t near, size_t *at)
{
	const char *p = text + lo, *hit;
	int found = 0;

	while ((hit = mem_find(p, hi - (size_t)(p - text), pat, plen)) != NULL) {
		if (!found || distance((size_t)(hit - text), near) <
		    distance(*at, near))
			*at = (size_t)(hit - text);
		found = 1;
		p = hit + 1;
	}
	return found ? 0 : -1;
}

/* Words in s[0, n): runs of letters and digits (any non-ASCII byte counts
 * as a letter). */
static size_t
word_count(const char *s, size_t n)
{
	size_t i, words = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int w = isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80);

		words += w && !in;
		in = w;
	}
	return words;
}

/* Widen [*s, *e) so it does not split a UTF-8 sequence. */
static void
snap_utf8(const char *bytes, size_t len, size_t *s, size_t *e)
{
	int k;

	for (k = 0; k < 3 && *s > 0 && *s < len &&
	    ((unsigned char)bytes[*s] & 0xc0) == 0x80; k++)
		(*s)--;
	for (k = 0; k < 3 && *e < len &&
	    ((unsigned char)bytes[*e] & 0xc0) == 0x80; k++)
		(*e)++;
}

/* Is s[from, to) white space only (or empty, or backwards)? */
static int
only_space(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (!isspace((unsigned char)s[from]))
			return 0;
	return 1;
}

/*
 * Align the quote with its context (prefix, exact, suffix) with the new
 * text around center, and map the quote: the state and *ns, *ne.
 */
static enum align_state
align_in_window(const struct annot *a, const char *bytes, size_t len,
    size_t center, size_t *ns, size_t *ne)
{
	size_t margin = CONTEXT_WINDOW + 2 * a->exact_len, ws, we, n, cs, ce;
	enum align_state st;
	struct align *al;
	char *snip;

	ws = center > margin ? center - margin : 0;
	we = len - center > margin + a->exact_len ? center + margin +
	    a->exact_len : len;
	snap_utf8(bytes, len, &ws, &we);
	n = a->prefix_len + a->exact_len + a->suffix_len;
	snip = xmalloc(n + 1);
	memcpy(snip, a->prefix, a->prefix_len);
	memcpy(snip + a->prefix_len, a->exact, a->exact_len);
	memcpy(snip + a->prefix_len + a->exact_len, a->suffix, a->suffix_len);
	al = align_texts(snip, n, bytes + ws, we - ws);
	st = align_map(al, a->prefix_len, a->prefix_len + a->exact_len, ns, ne);
	/* In place among its own words, but its context is next to it on
	 * neither side: the passage was moved (a paragraph, say). */
	if (st == ALIGN_EXACT && a->prefix_len > 0 && a->suffix_len > 0 &&
	    (align_map(al, 0, a->prefix_len, &cs, &ce) == ALIGN_ORPHAN ||
	    !only_space(bytes + ws, ce, *ns)) &&
	    (align_map(al, n - a->suffix_len, n, &cs, &ce) == ALIGN_ORPHAN ||
	    !only_space(bytes + ws, *ne, cs)))
		st = ALIGN_MOVED;
	*ns += ws;
	*ne += ws;
	align_free(al);
	free(snip);
	return st;
}

/* Where a's context is found near its old place in text[lo, hi): a byte
 * where the passage would start.  0 and *at, or -1. */
static int
context_found(const struct annot *a, const char *bytes, size_t lo, size_t hi,
    size_t near, size_t *at)
{
	size_t k, s, e;

	if (a->prefix_len > 0) {
		k = a->prefix_len < CONTEXT_PROBE ? a->prefix_len : CONTEXT_PROBE;
		s = a->prefix_len - k;
		e = a->prefix_len;
		snap_utf8(a->prefix, a->prefix_len, &s, &e);
		if (nearest_occurrence(bytes, lo, hi, a->prefix + s,
		    a->prefix_len - s, near, at) == 0) {
			*at += a->prefix_len - s;
			return 0;
		}
	}
	if (a->suffix_len > 0) {
		k = a->suffix_len < CONTEXT_PROBE ? a->suffix_len : CONTEXT_PROBE;
		if (nearest_occurrence(bytes, lo, hi, a->suffix, k,
		    near + a->exact_len, at) == 0) {
			*at = *at > a->exact_len ? *at - a->exact_len : 0;
			return 0;
		}
	}
	return -1;
}

enum annot_anchor
annot_find_by_context(const struct annot *a, const char *bytes, size_t len,
    size_t *ns, size_t *ne)
{
	size_t lo = 0, hi = len, at = 0, score = 0, center;
	enum align_state st;
	int found;

	*ns = a->start;
	*ne = a->end;
	if (a->exact_len == 0)
		return ANNOT_ORPHAN;
	/* Its own text, where it was. */
	if (a->end <= len && a->end - a->start == a->exact_len &&
	    memcmp(bytes + a->start, a->exact, a->exact_len) == 0) {
		*ns = a->start;
		*ne = a->end;
		return ANNOT_EXACT;
	}
	if (len > 2 * SEARCH_RADIUS) {
		lo = a->start > SEARCH_RADIUS ? a->start - SEARCH_RADIUS : 0;
		hi = len - a->start > SEARCH_RADIUS ? a->start + SEARCH_RADIUS :
		    len;
	}
	/* Its own text and all its context elsewhere: only shifted. */
	found = best_occurrence(bytes, len, lo, hi, a->exact, a->exact_len,
	    a->prefix, a->prefix_len, a->suffix, a->suffix_len, a->start, &at,
	    &score) == 0;
	if (found && score == a->prefix_len + a->suffix_len) {
		*ns = at;
		*ne = at + a->exact_len;
		return ANNOT_EXACT;
	}
	/* Edited, or its context was: aligned where it or its context is. */
	if (found)
		center = at;
	else if (context_found(a, bytes, lo, hi, a->start, &center) != 0)
		center = a->start < len ? a->start : len;
	st = align_in_window(a, bytes, len, center, ns, ne);
	if (st != ALIGN_ORPHAN)
		return (enum annot_anchor)st;
	/* Its own text elsewhere, with little of its context: moved. */
	if (found && (score > 0 ||
	    word_count(a->exact, a->exact_len) >= MOVED_MIN_WORDS)) {
		*ns = at;
		*ne = at + a->exact_len;
		return ANNOT_MOVED;
	}
	*ns = a->start;		/* not found: the range last known */
	*ne = a->end;
	return ANNOT_ORPHAN;
}

/* The state relative to the text annotated, after a move by delta. */
static enum annot_anchor
combine(enum annot_anchor before, enum annot_anchor delta)
{
	if (delta == ANNOT_ORPHAN)
		return ANNOT_ORPHAN;
	if (before == ANNOT_ORPHAN)
		return delta;	/* found again: its text is the one annotated */
	if (before == ANNOT_CHANGED || delta == ANNOT_CHANGED)
		return ANNOT_CHANGED;
	if (before == ANNOT_MOVED || delta == ANNOT_MOVED)
		return ANNOT_MOVED;
	return ANNOT_EXACT;
}

static struct annot_quote *
quote_of(const struct annot *a)
{
	struct annot_quote q = { a->exact, a->exact_len, a->prefix,
		a->prefix_len, a->suffix, a->suffix_len };

	return annot_quote_dup(&q);
}

/* Apply a placement to a; 1 if its range or state changed. */
static int
relocate(struct annot *a, const char *bytes, size_t len, size_t ns,
    size_t ne, enum annot_anchor delta)
{
	enum annot_anchor before = annot_anchor_of(a),
	    now = combine(before, delta);
	size_t os = a->start, oe = a->end;

	if (now == ANNOT_ORPHAN) {
		/* The text last seen is kept; the range says where it was. */
		a->start = ns;
		a->end = ne;
		annot_set_anchor(a, ANNOT_ORPHAN);
		return before != ANNOT_ORPHAN || os != a->start || oe != a->end;
	}
	if (now == ANNOT_CHANGED && a->was == NULL)
		a->was = quote_of(a);	/* the text as annotated */
	a->start = ns;
	a->end = ne;
	annot_fill_context(a, bytes, len);
	/* An edit undone on the page: the text annotated is back. */
	if (now == ANNOT_CHANGED && a->was != NULL &&
	    a->was->exact_len == a->exact_len &&
	    memcmp(a->was->exact, a->exact, a->exact_len) == 0)
		now = delta == ANNOT_MOVED || before == ANNOT_MOVED ?
		    ANNOT_MOVED : ANNOT_EXACT;
	if (now != ANNOT_CHANGED) {
		annot_quote_free(a->was);
		a->was = NULL;
	}
	annot_set_anchor(a, now);
	return before != now || os != ns || oe != ne;
}

static enum annot_anchor
place_by_context(void *arg, const struct annot *a, const char *bytes,
    size_t len, size_t *ns, size_t *ne)
{
	(void)arg;
	return annot_find_by_context(a, bytes, len, ns, ne);
}

void
annot_reanchor_v(struct annot **v, size_t n, const char *bytes, size_t len,
    annot_place_fn *place, void *arg, struct annot_reanchor_stats *st)
{
	enum annot_anchor delta;
	struct annot *a;
	size_t i, ns, ne;

	memset(st, 0, sizeof *st);
	if (place == NULL)
		place = place_by_context;
	for (i = 0; i < n; i++) {
		a = v[i];
		delta = place(arg, a, bytes, len, &ns, &ne);
		if (delta != ANNOT_ORPHAN)
			snap_utf8(bytes, len, &ns, &ne);
		if (delta != ANNOT_ORPHAN && (ns >= ne || ne > len)) {
			delta = ANNOT_ORPHAN;	/* never an empty passage */
			ns = a->start;
			ne = a->end;
		}
		if (relocate(a, bytes, len, ns, ne, delta)) {
			st->relocated += !a->orphan;
			st->lost += a->orphan;
		}
		switch (annot_anchor_of(a)) {
		case ANNOT_EXACT:	st->exact++; break;
		case ANNOT_MOVED:	st->moved++; break;
		case ANNOT_CHANGED:	st->changed++; break;
		case ANNOT_ORPHAN:	st->orphaned++; break;
		}
	}
}

void
annot_reanchor_by(struct annot_set *set, const char *bytes, size_t len,
    annot_place_fn *place, void *arg, struct annot_reanchor_stats *st)
{
	annot_reanchor_v(set->v, set->n, bytes, len, place, arg, st);
	set_sort(set);
	if (st->relocated + st->lost > 0)
		set->dirty = 1;
}

void
annot_reanchor(struct annot_set *set, const char *bytes, size_t len,
    size_t *moved, size_t *orphaned)
{
	struct annot_reanchor_stats st;

	annot_reanchor_by(set, bytes, len, NULL, NULL, &st);
	if (moved != NULL)
		*moved = st.relocated;
	if (orphaned != NULL)
		*orphaned = st.orphaned;
}
