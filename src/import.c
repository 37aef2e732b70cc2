/*
 * import.c: annotations back from brat standoff and W3C JSON.
 *
 * Offsets in both are code points (an invalid byte counts as one, as
 * in export.c); they are turned back into bytes, then every imported
 * annotation is re-anchored against the article like a loaded one.
 * JSON is read by the W3C codec (w3c.c), leniently: what it cannot use
 * is an error, what is merely odd (a time in another format, an id that
 * is not an IRI) is normalised.  New annotations join the set by
 * merge_import (merge.h), which never replaces one already there.
 *
 * brat: export writes one T line per tag, all with the same span, then
 * the note on the first; so consecutive T lines with identical offsets
 * become one annotation with several tags.  Type "Annotation" means no
 * tag.  Lines of other kinds (relations, events, attributes, ...) are
 * counted and reported as skipped.
 */
#include "artread/import.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/cpindex.h"
#include "artread/doc.h"
#include "artread/export.h"
#include "artread/merge.h"
#include "artread/sha256.h"
#include "artread/sidecar.h"
#include "artread/slurp.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/w3c.h"

int
import_format_from_name(const char *name)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "brat") == 0)
		return IMPORT_BRAT;
	if (strcmp(name, "json") == 0)
		return IMPORT_JSON;
	return -1;
}

static void
add_tag(struct annot *a, const char *tag, size_t n)
{
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		if (strlen(a->tags[i]) == n && memcmp(a->tags[i], tag, n) == 0)
			return;
	}
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = xstrndup(tag, n);
}

static void
append_note(struct annot *a, const char *note)
{
	char *s;

	if (*a->note == '\0')
		s = xstrdup(note);
	else
		s = xasprintf("%s\n%s", a->note, note);
	free(a->note);
	a->note = s;
}

/* A fresh annotation on bytes [s, e), new id, time now. */
static struct annot *
fresh(const char *bytes, size_t len, size_t s, size_t e)
{
	struct annot *a = annot_new();

	a->id = annot_new_id();
	annot_now(a->created);
	memcpy(a->modified, a->created, ANNOT_TIME_LEN);
	a->start = s;
	a->end = e;
	annot_fill_context(a, bytes, len);
	return a;
}

/* ---- brat ----------------------------------------------------------- */

/* A decimal number at *p (before end) that fits a size_t; -1 if none
 * or too large (2^64 must not wrap to 0). */
static int
brat_number(const char **p, const char *end, size_t *out)
{
	unsigned long long v = 0;
	unsigned d;

	if (*p >= end || **p < '0' || **p > '9')
		return -1;
	for (; *p < end && **p >= '0' && **p <= '9'; (*p)++) {
		d = (unsigned)(**p - '0');
		if (v > (ULLONG_MAX - d) / 10 || v * 10 + d > SIZE_MAX)
			return -1;
		v = v * 10 + d;
	}
	*out = (size_t)v;
	return 0;
}

/* Parse "S E[;S E...]" into the overall range, in code points. */
static int
brat_offsets(const char *s, size_t n, size_t *lo, size_t *hi)
{
	const char *p = s, *end = s + n;
	size_t v[2];
	int any = 0;

	while (p < end) {
		if (brat_number(&p, end, &v[0]) != 0 || p >= end ||
		    *p++ != ' ' || brat_number(&p, end, &v[1]) != 0)
			return -1;
		if (v[0] > v[1])
			return -1;
		if (!any || v[0] < *lo)
			*lo = v[0];
		if (!any || v[1] > *hi)
			*hi = v[1];
		any = 1;
		if (p < end && *p++ != ';')
			return -1;
	}
	return any ? 0 : -1;
}

struct brat_state {
	struct annot_set	*set;
	char			**tids;		/* T id of each line's group */
	struct annot		**group;
	size_t			  n;
	char			 *last_offsets;
	struct annot		 *last;
	const char		 *bytes;
	size_t			  len;
	struct cpindex		 *cp;
	struct import_stats	 *st;
	const char		**known;	/* tags a type may stand for */
	size_t			  nknown;
};

/* The tags a brat type may stand for: those of set's annotations (the
 * palette's are all types brat allows as they are), into st. */
static void
brat_known(struct brat_state *st, const struct annot_set *set)
{
	size_t i, k, n = 0, cap = 0;

	for (i = 0; i < annot_count(set); i++)
		cap += annot_at(set, i)->ntags;
	st->known = xreallocarray(NULL, cap + 1, sizeof *st->known);
	for (i = 0; i < annot_count(set); i++)
		for (k = 0; k < annot_at(set, i)->ntags; k++)
			st->known[n++] = annot_at(set, i)->tags[k];
	st->nknown = n;
}

/* The tag brat type t[0, *n) stands for: a known tag as it is, else
 * the known tag export writes as t ("needs check" for needs_check),
 * else t itself; *n its length. */
static const char *
brat_tag(const struct brat_state *st, const char *t, size_t *n)
{
	const char *found = NULL;
	char *type;
	size_t i;

	for (i = 0; i < st->nknown; i++)
		if (strlen(st->known[i]) == *n &&
		    memcmp(st->known[i], t, *n) == 0)
			return t;
	for (i = 0; i < st->nknown && found == NULL; i++) {
		type = export_brat_type(st->known[i]);
		if (strlen(type) == *n && memcmp(type, t, *n) == 0)
			found = st->known[i];
		free(type);
	}
	if (found == NULL)
		return t;
	*n = strlen(found);
	return found;
}

/* Is c a blank for brat_same_text (export flattens them to spaces)? */
static int
brat_blank(unsigned char c)
{
	return c <= ' ' || c == 0x7f;
}

/* Do the texts a[0, n) and t say the same, runs of blanks compared as
 * one space? */
static int
same_but_blanks(const char *bytes, size_t n, const char *t)
{
	size_t i = 0;

	for (;;) {
		while (i < n && brat_blank((unsigned char)bytes[i]) &&
		    (i + 1 == n || brat_blank((unsigned char)bytes[i + 1])))
			i++;	/* a run of blanks: its last one counts */
		while (*t != '\0' && brat_blank((unsigned char)*t) &&
		    brat_blank((unsigned char)t[1]))
			t++;
		if (i == n || *t == '\0')
			return i == n && *t == '\0';
		if (brat_blank((unsigned char)bytes[i]) ?
		    !brat_blank((unsigned char)*t) : bytes[i] != *t)
			return 0;
		i++;
		t++;
	}
}

/*
 * Does the span's text in the .ann, t, say what bytes[0, n) of the
 * article says, as export writes it (export_brat_text: controls as ^G,
 * bad bytes as U+FFFD, line breaks and the joins of a span's pieces as
 * spaces)?
 */
static int
brat_same_text(const char *bytes, size_t n, const char *t)
{
	char *shown = export_brat_text(bytes, n);
	int same = same_but_blanks(shown, strlen(shown), t);

	free(shown);
	return same;
}

/*
 * The annotation of a span whose text t is not at [s, e): on the
 * occurrence of t nearest to s (counted as relocated), or else an
 * orphan that keeps t (no context: it was not made on this text).
 */
static struct annot *
brat_elsewhere(struct brat_state *st, const char *t, size_t s, size_t e)
{
	size_t n = strlen(t), best = SIZE_MAX, at;
	const char *p = st->bytes, *end = st->bytes + st->len, *hit;
	struct annot *a;

	while (n > 0 && (hit = memmem(p, (size_t)(end - p), t, n)) != NULL) {
		at = (size_t)(hit - st->bytes);
		if (best == SIZE_MAX || (at > s ? at - s : s - at) <
		    (best > s ? best - s : s - best))
			best = at;
		p = hit + 1;
	}
	if (best != SIZE_MAX) {
		st->st->relocated++;
		return fresh(st->bytes, st->len, best, best + n);
	}
	a = fresh(st->bytes, st->len, s, e);
	free(a->exact);
	free(a->prefix);
	free(a->suffix);
	a->exact = xstrdup(t);
	a->exact_len = n;
	a->prefix = xstrdup("");
	a->suffix = xstrdup("");
	a->prefix_len = a->suffix_len = 0;
	a->anchor = ANNOT_ORPHAN;
	a->orphan = 1;
	return a;
}

static int
brat_t_line(struct brat_state *st, char *line, char **why)
{
	char *tab1, *tab2, *sp, *offs;
	const char *tag;
	size_t lo = 0, hi = 0, s, e, n;
	struct annot *a;

	if ((tab1 = strchr(line, '\t')) == NULL ||
	    (sp = strchr(tab1 + 1, ' ')) == NULL) {
		*why = xstrdup("bad text-bound annotation");
		return -1;
	}
	*tab1 = '\0';
	offs = sp + 1;
	if ((tab2 = strchr(offs, '\t')) != NULL)
		*tab2 = '\0';
	if (brat_offsets(offs, strlen(offs), &lo, &hi) != 0) {
		*why = xasprintf("bad offsets \"%s\"", offs);
		return -1;
	}
	if (lo == hi) {
		*why = xasprintf("span %zu-%zu is empty", lo, hi);
		return -1;
	}
	if (cpindex_to_byte(st->cp, lo, &s) != 0 ||
	    cpindex_to_byte(st->cp, hi, &e) != 0 || s >= e) {
		*why = xasprintf("offsets %zu-%zu are not within the article",
		    lo, hi);
		return -1;
	}
	if (annot_tag_check(tab1 + 1, (size_t)(sp - (tab1 + 1)), why) != 0)
		return -1;
	if (st->last != NULL && strcmp(st->last_offsets, offs) == 0)
		a = st->last;
	else {
		/* no text to check (none written, or empty): the offsets */
		a = tab2 == NULL || tab2[1] == '\0' ||
		    brat_same_text(st->bytes + s, e - s, tab2 + 1) ?
		    fresh(st->bytes, st->len, s, e) :
		    brat_elsewhere(st, tab2 + 1, s, e);
		annot_insert(st->set, a);
		free(st->last_offsets);
		st->last_offsets = xstrdup(offs);
		st->last = a;
	}
	/* "Annotation" (or no type at all) means no tag. */
	n = (size_t)(sp - (tab1 + 1));
	if (n > 0 && (n != strlen("Annotation") ||
	    strncmp(tab1 + 1, "Annotation", n) != 0)) {
		tag = brat_tag(st, tab1 + 1, &n);
		add_tag(a, tag, n);
	}
	st->tids = xreallocarray(st->tids, st->n + 1, sizeof *st->tids);
	st->group = xreallocarray(st->group, st->n + 1, sizeof *st->group);
	st->tids[st->n] = xstrdup(line);
	st->group[st->n++] = a;
	return 0;
}

/* Count a line of a kind artread does not read. */
static void
brat_skip(struct brat_state *st, char kind)
{
	struct import_stats *s = st->st;
	size_t n = strlen(s->skipped_kinds);

	st->last = NULL;
	s->skipped++;
	if (kind == '\0' || strchr(s->skipped_kinds, kind) != NULL ||
	    n + 4 >= sizeof s->skipped_kinds)
		return;
	if (n > 0) {
		s->skipped_kinds[n++] = ',';
		s->skipped_kinds[n++] = ' ';
	}
	s->skipped_kinds[n++] = kind;
	s->skipped_kinds[n] = '\0';
}

/*
 * A note as artread's brat export writes it starts with the annotation's
 * anchor state when it is not exact ("[moved] ", "[changed; was: ...] ",
 * "[orphan] "): not part of the note.  The state is worked out again on
 * import.
 */
static const char *
skip_state(const char *note)
{
	static const char *const start[] = { "[moved]", "[orphan]",
		"[changed; was: " };
	const char *end;
	size_t i;

	for (i = 0; i < sizeof start / sizeof start[0]; i++) {
		if (strncmp(note, start[i], strlen(start[i])) != 0)
			continue;
		if ((end = strchr(note + strlen(start[i]) - 1, ']')) == NULL)
			return note;
		end++;
		return *end == ' ' ? end + 1 : end;
	}
	return note;
}

static int
brat_note_line(struct brat_state *st, char *line, char **why)
{
	char *tab1, *sp, *tab2;
	size_t i;

	st->last = NULL;
	if ((tab1 = strchr(line, '\t')) == NULL ||
	    strncmp(tab1 + 1, "AnnotatorNotes ", 15) != 0) {
		brat_skip(st, '#');
		return 0;
	}
	sp = tab1 + 15;
	if ((tab2 = strchr(sp + 1, '\t')) == NULL) {
		*why = xstrdup("bad AnnotatorNotes line");
		return -1;
	}
	*tab2 = '\0';
	for (i = 0; i < st->n; i++) {
		if (strcmp(st->tids[i], sp + 1) == 0) {
			append_note(st->group[i], skip_state(tab2 + 1));
			return 0;
		}
	}
	*why = xasprintf("note on unknown annotation %s", sp + 1);
	return -1;
}

static int
import_brat(const char *text, size_t tlen, const char *bytes, size_t len,
    const struct annot_set *into, struct annot_set *set,
    struct import_stats *stats, size_t *lineno, char **why)
{
	struct brat_state st;
	char *copy, *line, *nl;
	size_t i;
	int rc = 0;

	memset(&st, 0, sizeof st);
	st.set = set;
	st.bytes = bytes;
	st.len = len;
	st.cp = cpindex_new(bytes, len);
	st.st = stats;
	brat_known(&st, into);
	copy = xstrndup(text, tlen);
	for (line = copy, *lineno = 1; line != NULL && rc == 0;
	    line = nl, ++*lineno) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		if (*line != '\0' && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		if (*line == 'T')
			rc = brat_t_line(&st, line, why);
		else if (*line == '#')
			rc = brat_note_line(&st, line, why);
		else if (*line != '\0')
			brat_skip(&st, (*line >= 'A' && *line <= 'Z') ||
			    *line == '*' ? *line : '\0');
		else
			st.last = NULL;
	}
	--*lineno;
	for (i = 0; i < st.n; i++)
		free(st.tids[i]);
	free(st.tids);
	free(st.group);
	free(st.last_offsets);
	free(st.known);
	cpindex_free(st.cp);
	free(copy);
	return rc;
}

/* ---- JSON ----------------------------------------------------------- */

/* The first target source named (a string): kept in st->source. */
static void
note_source(json_t *item, struct import_stats *st)
{
	json_t *src = json_object_get(json_object_get(item, "target"),
	    "source");

	if (st->source[0] == '\0' && json_is_string(src))
		snprintf(st->source, sizeof st->source, "%s",
		    json_string_value(src));
}

/* Are a's tags fit to be tags (annot_tag_check)?  0, or -1 with *why. */
static int
tags_check(const struct annot *a, char **why)
{
	size_t i;

	for (i = 0; i < a->ntags; i++)
		if (annot_tag_check(a->tags[i], strlen(a->tags[i]), why) != 0)
			return -1;
	return 0;
}

static int
import_json(const char *text, size_t tlen, const char *bytes, size_t len,
    struct annot_set *set, struct import_stats *stats, size_t *lineno,
    char **why)
{
	struct cpindex *cp;
	struct w3c_ctx c;
	json_error_t err;
	json_t *root, *items, *it;
	struct annot *a;
	char *w, sha[SHA256_HEX_LEN];
	size_t i;
	int rc = 0;

	*lineno = 0;
	if ((root = json_loadb(text, tlen, 0, &err)) == NULL) {
		*lineno = (size_t)(err.line > 0 ? err.line : 0);
		*why = xasprintf("bad JSON: %s", err.text);
		return -1;
	}
	if ((items = w3c_items(root)) == NULL) {
		*why = xstrdup("not a W3C Annotation, AnnotationPage or "
		    "AnnotationCollection");
		json_decref(root);
		return -1;
	}
	sha256_hex(bytes, len, sha);
	w3c_ctx_init(&c, W3C_CODEPOINTS, 0);
	c.bytes = bytes;
	c.len = len;
	c.cp = cp = cpindex_new(bytes, len);
	json_array_foreach(items, i, it) {
		if ((a = w3c_decode(it, &c, why)) == NULL ||
		    tags_check(a, why) != 0) {
			annot_free(a);
			w = xasprintf("item %zu: %s", i + 1, *why);
			free(*why);
			*why = w;
			rc = -1;
			break;
		}
		stats->same_text |= strcmp(a->version, sha) == 0;
		annot_insert(set, a);
		note_source(it, stats);
	}
	stats->times_fixed = c.times_fixed;
	cpindex_free(cp);
	json_decref(items);
	json_decref(root);
	return rc;
}

/* ---- entry points --------------------------------------------------- */

static size_t
orphans_in(const struct annot_set *set)
{
	size_t i, n = 0;

	for (i = 0; i < annot_count(set); i++)
		n += annot_at(set, i)->orphan != 0;
	return n;
}

/*
 * Is there an annotation with a's range, tags and note already?  brat
 * gives no ids, so importing the same .ann twice must not double it.
 */
static int
same_as_one_of(const struct annot_set *set, const struct annot *a)
{
	const struct annot *b;
	size_t i, k, lo = 0, hi = annot_count(set), mid;

	/* Anchored ones come first, by start: find the first at a's. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		b = annot_at(set, mid);
		if (!b->orphan && b->start < a->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < annot_count(set); i++) {
		b = annot_at(set, i);
		if (b->orphan || b->start != a->start)
			break;
		if (b->end != a->end ||
		    b->ntags != a->ntags || strcmp(b->note, a->note) != 0)
			continue;
		for (k = 0; k < a->ntags && strcmp(a->tags[k], b->tags[k]) == 0;
		    k++)
			;
		if (k == a->ntags)
			return 1;
	}
	return 0;
}

int
import_buffer(enum import_format fmt, const char *name, const char *text,
    size_t tlen, const char *bytes, size_t len, struct annot_set *set,
    struct import_stats *st, char **cause)
{
	struct annot_set *tmp = annot_set_new();
	struct import_stats local;
	struct annot **v;
	char *why = NULL;
	size_t lineno = 0, n = 0, read;
	int rc;

	if (st == NULL)
		st = &local;
	memset(st, 0, sizeof *st);
	if (fmt == IMPORT_BRAT)
		rc = import_brat(text, tlen, bytes, len, set, tmp, st, &lineno,
		    &why);
	else
		rc = import_json(text, tlen, bytes, len, tmp, st, &lineno, &why);
	if (rc != 0) {
		if (lineno > 0)
			*cause = xasprintf("%s:%zu: %s", name, lineno, why);
		else
			*cause = xasprintf("%s: %s", name, why);
		free(why);
		annot_set_free(tmp);
		return -1;
	}
	annot_reanchor(tmp, bytes, len, NULL, NULL);
	read = annot_count(tmp);
	v = xreallocarray(NULL, read + 1, sizeof *v);
	while (annot_count(tmp) > 0) {
		v[n] = annot_take(tmp, annot_at(tmp, 0)->id);
		if (fmt == IMPORT_BRAT && same_as_one_of(set, v[n]))
			annot_free(v[n]);	/* imported before */
		else
			n++;
	}
	annot_set_free(tmp);
	st->orphans = orphans_in(set);
	st->added = merge_import(set, v, n, &st->conflicts);
	st->already = read - st->added;
	st->orphans = orphans_in(set) - st->orphans;
	return 0;
}

/*
 * Does the source an import names (st->source) name another article
 * than d (its file: URL, the URL it came from, or its content's, for
 * an export of standard input)?
 */
static int
names_another(const struct import_stats *st, const struct doc *d,
    const char *url)
{
	char *mine[2] = { NULL, NULL }, *real;
	size_t n = strlen(st->source), i;
	int other = n > 0;

	if (st->same_text)	/* a copy of the file exported, elsewhere */
		return 0;

	if (url != NULL)
		mine[0] = w3c_uri_escape(url);
	else if (d->path != NULL && (real = realpath(d->path, NULL)) != NULL) {
		mine[0] = w3c_file_iri(real);
		free(real);
	}
	mine[1] = w3c_content_iri(d->bytes, d->len);
	for (i = 0; i < 2; i++) {
		/* A source cut to fit compares on what is kept of it. */
		if (mine[i] != NULL && strncmp(mine[i], st->source,
		    n + 1 < sizeof st->source ? n + 1 : n) == 0)
			other = 0;
		free(mine[i]);
	}
	return other;
}

int
import_into(enum import_format fmt, const char *ann_path,
    const struct doc *d, const char *url, struct import_stats *st,
    char **cause)
{
	struct annot_set *set;
	struct sidecar sc;
	char *text;
	size_t tlen;
	int rc = -1;

	if ((text = slurp_file(ann_path, SLURP_ANNOTATIONS_MAX, SLURP_PIPE_OK,
	    &tlen, cause)) == NULL)
		return -1;
	set = annot_set_new();
	if ((url != NULL ? sidecar_open_url(&sc, url, d->bytes, d->len, set,
	    cause) : sidecar_open(&sc, d->path, d->bytes, d->len, set,
	    cause)) != 0) {
		sidecar_renamed_hint_after(&sc, d->path != NULL ? d->path :
		    d->name, cause);
		goto out;
	}
	if (sidecar_is_readonly(&sc)) {
		*cause = xasprintf("not imported: %s",
		    sidecar_readonly_cause(&sc));
		goto out;
	}
	if (import_buffer(fmt, ann_path, text, tlen, d->bytes, d->len, set, st,
	    cause) == 0) {
		if (st != NULL)
			st->other_source = names_another(st, d, url);
		rc = sidecar_save(&sc, set, cause);
	}
out:
	sidecar_close(&sc);
	annot_set_free(set);
	free(text);
	return rc;
}

int
import_file(enum import_format fmt, const char *ann_path,
    const char *article_path, struct import_stats *st, char **cause)
{
	struct doc *d;
	char *why = NULL;
	int rc;

	if ((d = doc_open(article_path, DOC_FORCE, &why)) == NULL) {
		*cause = xasprintf("%s: %s", article_path, why);
		free(why);
		return -1;
	}
	rc = import_into(fmt, ann_path, d, NULL, st, cause);
	doc_free(d);
	return rc;
}
