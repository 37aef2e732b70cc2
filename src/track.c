/*
 * track.c: change tracking (see track.h): the process's version store,
 * re-anchoring through it, keeping and pinning texts, the base of a
 * differences view, and the reading position.
 */
#include "artread/track.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "artread/align.h"
#include "artread/store.h"
#include "artread/util.h"

static int		 kept(struct store *, const char *, const char *);

static struct store	*the_store;
static int		 store_chosen;	/* opened, or told which (or none) */
static int		 store_ours;	/* opened here: close it here */
static size_t		 store_cap;

struct store *
track_store(void)
{
	char *cause = NULL;

	if (!store_chosen) {
		store_chosen = 1;
		store_ours = 1;
		the_store = store_open(NULL, store_cap, &cause);
		free(cause);	/* no store: nothing kept (track.h) */
	}
	return the_store;
}

void
track_set_limit(size_t cap)
{
	store_cap = cap;
}

void
track_use_store(struct store *st)
{
	track_close();
	the_store = st;
	store_chosen = 1;
	store_ours = 0;
}

void
track_close(void)
{
	if (store_ours)
		store_close(the_store);
	the_store = NULL;
	store_chosen = 0;
	store_ours = 0;
}

char *
track_key(const char *path, const char *url, const char *sha)
{
	char real[PATH_MAX];

	if (url != NULL)
		return xstrdup(url);
	if (path != NULL && realpath(path, real) != NULL)
		return xstrdup(real);
	if (path != NULL)
		return xstrdup(path);
	if (sha != NULL && *sha != '\0')
		return xasprintf("stdin:%s", sha);
	return xstrdup("stdin");
}

/* ---- re-anchoring --------------------------------------------------- */

/* The old text and its alignment with the new one. */
struct aligned {
	char		*old;
	size_t		 olen;
	struct align	*al;
};

static enum annot_anchor
anchor_of_state(enum align_state s)
{
	switch (s) {
	case ALIGN_EXACT:	return ANNOT_EXACT;
	case ALIGN_MOVED:	return ANNOT_MOVED;
	case ALIGN_CHANGED:	return ANNOT_CHANGED;
	case ALIGN_ORPHAN:	break;
	}
	return ANNOT_ORPHAN;
}

/* Does a's range hold its text on the old version? */
static int
on_old_text(const struct aligned *x, const struct annot *a)
{
	return a->start < a->end && a->end <= x->olen &&
	    a->exact_len == a->end - a->start &&
	    memcmp(x->old + a->start, a->exact, a->exact_len) == 0;
}

static enum annot_anchor
place_aligned(void *arg, const struct annot *a, const char *bytes, size_t len,
    size_t *ns, size_t *ne)
{
	const struct aligned *x = arg;
	enum annot_anchor st;

	if (!a->orphan && on_old_text(x, a))
		return anchor_of_state(align_map(x->al, a->start, a->end, ns,
		    ne));
	/* An orphan: its text may be back; else it stays where its place
	 * went.  Anything else is not on the old text: by its context. */
	st = annot_find_by_context(a, bytes, len, ns, ne);
	if (st == ANNOT_ORPHAN && a->orphan && a->start <= x->olen)
		*ns = *ne = align_map_offset(x->al, a->start);
	return st;
}

/* Align the text named old_sha with bytes[0, len): 0, or -1 if it is the
 * same text, unknown or not kept. */
static int
aligned_open(struct aligned *x, const char *old_sha, const char *bytes,
    size_t len, const char *sha)
{
	char *old = NULL;
	size_t olen = 0;

	if (old_sha == NULL || *old_sha == '\0' ||
	    (sha != NULL && strcmp(old_sha, sha) == 0) ||
	    track_text(old_sha, &old, &olen, NULL) != 0)
		return -1;
	x->old = old;
	x->olen = olen;
	x->al = align_texts(old, olen, bytes, len);
	return 0;
}

static void
aligned_close(struct aligned *x)
{
	align_free(x->al);
	free(x->old);
}

void
track_reanchor_v(struct annot **v, size_t n, const char *old_sha,
    const char *bytes, size_t len, const char *sha,
    struct annot_reanchor_stats *st)
{
	struct aligned x;

	if (n > 0 && aligned_open(&x, old_sha, bytes, len, sha) == 0) {
		annot_reanchor_v(v, n, bytes, len, place_aligned, &x, st);
		aligned_close(&x);
	} else
		annot_reanchor_v(v, n, bytes, len, NULL, NULL, st);
}

void
track_reanchor(struct annot_set *set, const char *old_sha, const char *bytes,
    size_t len, const char *sha, struct annot_reanchor_stats *st)
{
	struct aligned x;

	if (annot_count(set) > 0 &&
	    aligned_open(&x, old_sha, bytes, len, sha) == 0) {
		annot_reanchor_by(set, bytes, len, place_aligned, &x, st);
		aligned_close(&x);
	} else
		annot_reanchor_by(set, bytes, len, NULL, NULL, st);
}

/* ---- keeping texts -------------------------------------------------- */

int
track_text(const char *sha, char **bytes, size_t *len, char **cause)
{
	struct store *st = track_store();
	char *why = NULL;

	*bytes = NULL;
	*len = 0;
	if (st == NULL) {
		if (cause != NULL)
			*cause = xstrdup("no version store");
		return -1;
	}
	if (store_get(st, sha, bytes, len, &why) != STORE_OK) {
		if (cause != NULL)
			*cause = why;
		else
			free(why);
		return -1;
	}
	return 0;
}

/* The last version of key read, other than sha (NULL: any): 0 and out. */
static int
last_read(struct store *st, const char *key, const char *sha,
    char out[SHA256_HEX_LEN])
{
	struct store_version *v;
	char *cause = NULL;
	size_t n, i;
	int rc = -1;

	if (store_list(st, key, &v, &n, &cause) != STORE_OK) {
		free(cause);
		return -1;
	}
	/* Most recently used first. */
	for (i = 0; i < n && rc != 0; i++)
		if (sha == NULL || strcmp(v[i].sha, sha) != 0) {
			memcpy(out, v[i].sha, SHA256_HEX_LEN);
			rc = 0;
		}
	store_versions_free(v, n);
	return rc;
}

int
track_keep(const char *key, const char *bytes, size_t len,
    char sha[SHA256_HEX_LEN], char prev[SHA256_HEX_LEN])
{
	struct store *st = track_store();
	char *cause = NULL;
	int rc;

	sha[0] = '\0';
	if (prev != NULL)
		prev[0] = '\0';
	if (len > STORE_MAX_TEXT || st == NULL)
		return -1;
	if (prev != NULL && last_read(st, key, NULL, prev) != 0)
		prev[0] = '\0';
	rc = store_put(st, key, bytes, len, sha, &cause) == STORE_OK ? 0 : -1;
	free(cause);
	return rc;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The versions set's annotations name, other than sha (NULL: any), with
 * repeats, sorted; how many (free *out). */
static size_t
all_versions(const struct annot_set *set, const char *sha, const char ***out)
{
	size_t i, n = 0, count = set != NULL ? annot_count(set) : 0;
	const char **v = xreallocarray(NULL, count + 1, sizeof *v);
	const char *ver;

	for (i = 0; i < count; i++) {
		ver = annot_at(set, i)->version;
		if (*ver != '\0' && (sha == NULL || strcmp(ver, sha) != 0))
			v[n++] = ver;
	}
	qsort(v, n, sizeof *v, by_string);
	*out = v;
	return n;
}

/* The distinct versions set's annotations name, sorted; how many. */
static size_t
versions_of(const struct annot_set *set, const char ***out)
{
	size_t i, n = all_versions(set, NULL, out), k;
	const char **v = *out;

	for (i = k = 0; i < n; i++)
		if (k == 0 || strcmp(v[k - 1], v[i]) != 0)
			v[k++] = v[i];
	*out = v;
	return k;
}

int
track_pin(const char *holder, const struct annot_set *set,
    unsigned long long *last)
{
	struct store *st = track_store();
	unsigned long long fp = 0xcbf29ce484222325ULL;
	const char **v;
	char *cause = NULL;
	size_t n, i, k;
	int rc = 0;

	if (st == NULL)
		return -1;
	n = versions_of(set, &v);
	for (i = 0; i < n; i++)		/* FNV-1a over the sorted list */
		for (k = 0; k <= strlen(v[i]); k++)
			fp = (fp ^ (unsigned char)v[i][k]) * 0x100000001b3ULL;
	if (last == NULL || *last != fp) {
		rc = store_set_pins(st, holder, v, n, &cause) == STORE_OK ? 0 :
		    -1;
		if (rc == 0 && last != NULL)
			*last = fp;
	}
	free(cause);
	free(v);
	return rc;
}

int
track_kept(const char *key, const char *sha)
{
	struct store *st = track_store();

	return st != NULL && kept(st, key, sha);
}

/* Is sha kept in the store (as a version of key; NULL: of any)? */
static int
kept(struct store *st, const char *key, const char *sha)
{
	struct store_version *v;
	char *cause = NULL;
	size_t n, i;
	int found = 0;

	if (store_list(st, key, &v, &n, &cause) != STORE_OK) {
		free(cause);
		return 0;
	}
	for (i = 0; i < n && !found; i++)
		found = strcmp(v[i].sha, sha) == 0;
	store_versions_free(v, n);
	return found;
}

int
track_annotated_on(const struct annot_set *set, const char *sha)
{
	size_t i;

	for (i = 0; set != NULL && i < annot_count(set); i++)
		if (strcmp(annot_at(set, i)->version, sha) == 0)
			return 1;
	return 0;
}

int
track_base(const char *key, const struct annot_set *set, const char *sha,
    const char *before, char base[SHA256_HEX_LEN])
{
	struct store *st = track_store();
	size_t i, j, n, best = 0;
	const char **v;

	if (st == NULL)
		return -1;
	/* The version most annotations were made on: the longest run of
	 * one version in the sorted list of them all. */
	n = all_versions(set, sha, &v);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(v[j], v[i]) == 0; j++)
			;
		if (j - i > best && kept(st, NULL, v[i])) {
			best = j - i;
			memcpy(base, v[i], SHA256_HEX_LEN);
		}
	}
	free(v);
	if (best > 0)
		return 0;
	if (track_annotated_on(set, sha) ||
	    (before != NULL && strcmp(before, sha) == 0)) {
		memcpy(base, sha, SHA256_HEX_LEN);	/* nothing changed */
		return 0;
	}
	if (before != NULL && before[0] != '\0' && kept(st, key, before)) {
		memcpy(base, before, SHA256_HEX_LEN);
		return 0;
	}
	/* The caller has kept sha already (before given): the one before
	 * it; else the last read, sha itself if it was. */
	return last_read(st, key, before != NULL ? sha : NULL, base);
}

/* ---- the reading position ------------------------------------------- */

int
track_follow_offset(const char *key, size_t old_size, size_t off,
    const char *bytes, size_t len, size_t *out)
{
	struct store *st = track_store();
	struct store_version *v;
	struct align *al;
	char *cause = NULL, *old;
	size_t n, i, olen, found = 0;
	char sha[SHA256_HEX_LEN];

	if (st == NULL || store_list(st, key, &v, &n, &cause) != STORE_OK) {
		free(cause);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (v[i].size == old_size && (found++ == 0 || v[i].last))
			memcpy(sha, v[i].sha, SHA256_HEX_LEN);
	store_versions_free(v, n);
	if (found == 0 || track_text(sha, &old, &olen, NULL) != 0)
		return -1;
	al = align_texts(old, olen, bytes, len);
	*out = align_map_offset(al, off < olen ? off : olen);
	align_free(al);
	free(old);
	return 0;
}
