/*
 * import.c: annotations back from brat standoff and W3C JSON.
 *
 * Offsets in both are code points (an invalid byte counts as one, as
 * in export.c); they are turned back into bytes, then every imported
 * annotation is re-anchored against the article like a loaded one.
 *
 * brat: export writes one T line per tag, all with the same span, then
 * the note on the first; so consecutive T lines with identical offsets
 * become one annotation with several tags.  Type "Annotation" means no
 * tag.  Lines other than T and AnnotatorNotes are ignored.
 */
#include "artread/import.h"
#include "artread/utf8.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "artread/sidecar.h"
#include "artread/util.h"

#define URN_PREFIX	"urn:artread:annotation:"

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

/* The byte offset of code point cp; -1 if past the end. */
static int
cp_to_byte(const char *b, size_t len, size_t cp, size_t *out)
{
	size_t i = 0, n = 0, k;

	while (n < cp && i < len) {
		k = utf8_decode(b + i, len - i, NULL);
		i += k == 0 ? 1 : k;
		n++;
	}
	if (n < cp)
		return -1;
	*out = i;
	return 0;
}

/* s[0, n) with each bad byte (and NUL) as U+FFFD, as export writes it. */
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

/* Parse "S E[;S E...]" into the overall range, in code points. */
static int
brat_offsets(const char *s, size_t n, size_t *lo, size_t *hi)
{
	const char *p = s, *end = s + n;
	unsigned long long v[2];
	int k, any = 0;

	while (p < end) {
		for (k = 0; k < 2; k++) {
			if (p >= end || *p < '0' || *p > '9')
				return -1;
			for (v[k] = 0; p < end && *p >= '0' && *p <= '9'; p++)
				v[k] = v[k] * 10 + (unsigned)(*p - '0');
			if (k == 0 && (p >= end || *p++ != ' '))
				return -1;
		}
		if (v[0] > v[1])
			return -1;
		if (!any || v[0] < *lo)
			*lo = (size_t)v[0];
		if (!any || v[1] > *hi)
			*hi = (size_t)v[1];
		any = 1;
		if (p < end && *p++ != ';')
			return -1;
	}
	return any ? 0 : -1;
}

struct brat_state {
	struct annot_set *set;
	char		**tids;		/* T id of each line's group */
	struct annot	**group;
	size_t		  n;
	char		 *last_offsets;
	struct annot	 *last;
	const char	 *bytes;
	size_t		  len;
};

static int
brat_t_line(struct brat_state *st, char *line, char **why)
{
	char *tab1, *tab2, *sp, *offs;
	size_t lo = 0, hi = 0, s, e;
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
	if (cp_to_byte(st->bytes, st->len, lo, &s) != 0 ||
	    cp_to_byte(st->bytes, st->len, hi, &e) != 0 || s >= e) {
		*why = xasprintf("offsets %zu-%zu are not within the article",
		    lo, hi);
		return -1;
	}
	if (st->last != NULL && strcmp(st->last_offsets, offs) == 0)
		a = st->last;
	else {
		a = fresh(st->bytes, st->len, s, e);
		annot_insert(st->set, a);
		free(st->last_offsets);
		st->last_offsets = xstrdup(offs);
		st->last = a;
	}
	if ((size_t)(sp - (tab1 + 1)) != strlen("Annotation") ||
	    strncmp(tab1 + 1, "Annotation", (size_t)(sp - (tab1 + 1))) != 0)
		add_tag(a, tab1 + 1, (size_t)(sp - (tab1 + 1)));
	st->tids = xreallocarray(st->tids, st->n + 1, sizeof *st->tids);
	st->group = xreallocarray(st->group, st->n + 1, sizeof *st->group);
	st->tids[st->n] = xstrdup(line);
	st->group[st->n++] = a;
	return 0;
}

static int
brat_note_line(struct brat_state *st, char *line, char **why)
{
	char *tab1, *sp, *tab2;
	size_t i;

	st->last = NULL;
	if ((tab1 = strchr(line, '\t')) == NULL ||
	    strncmp(tab1 + 1, "AnnotatorNotes ", 15) != 0)
		return 0;
	sp = tab1 + 15;
	if ((tab2 = strchr(sp + 1, '\t')) == NULL) {
		*why = xstrdup("bad AnnotatorNotes line");
		return -1;
	}
	*tab2 = '\0';
	for (i = 0; i < st->n; i++) {
		if (strcmp(st->tids[i], sp + 1) == 0) {
			append_note(st->group[i], tab2 + 1);
			return 0;
		}
	}
	*why = xasprintf("note on unknown annotation %s", sp + 1);
	return -1;
}

static int
import_brat(const char *text, size_t tlen, const char *bytes, size_t len,
    struct annot_set *set, size_t *lineno, char **why)
{
	struct brat_state st;
	char *copy, *line, *nl;
	size_t i;
	int rc = 0;

	memset(&st, 0, sizeof st);
	st.set = set;
	st.bytes = bytes;
	st.len = len;
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
		else
			st.last = NULL;
	}
	--*lineno;
	for (i = 0; i < st.n; i++)
		free(st.tids[i]);
	free(st.tids);
	free(st.group);
	free(st.last_offsets);
	free(copy);
	return rc;
}

/* ---- JSON ----------------------------------------------------------- */

static void
json_bodies(struct annot *a, json_t *body)
{
	json_t *b, *one;
	const char *purpose, *value;
	size_t i;

	if (json_is_object(body)) {
		one = json_array();
		json_array_append(one, body);
		json_bodies(a, one);
		json_decref(one);
		return;
	}
	json_array_foreach(body, i, b) {
		value = json_string_value(json_object_get(b, "value"));
		purpose = json_string_value(json_object_get(b, "purpose"));
		if (value == NULL)
			continue;
		if (purpose != NULL && strcmp(purpose, "tagging") == 0) {
			if (*value != '\0')
				add_tag(a, value, strlen(value));
		} else
			append_note(a, value);
	}
}

static void
copy_text(json_t *sel, const char *key, char **out, size_t *outlen)
{
	json_t *v = json_object_get(sel, key);

	if (!json_is_string(v))
		return;
	free(*out);
	*outlen = json_string_length(v);
	*out = xmalloc(*outlen + 1);
	memcpy(*out, json_string_value(v), *outlen + 1);
}

/* Apply the selectors of target to a; -1 with why if none usable. */
static int
json_target(struct annot *a, json_t *target, const char *bytes, size_t len,
    char **why)
{
	json_t *sels, *s, *one = NULL;
	const char *type;
	size_t i, cs = 0, ce = 0, bs, be, ll;
	int have_pos = 0, have_quote = 0;
	char *l;

	sels = json_object_get(target, "selector");
	if (json_is_object(sels)) {
		one = json_array();
		json_array_append(one, sels);
		sels = one;
	}
	json_array_foreach(sels, i, s) {
		type = json_string_value(json_object_get(s, "type"));
		if (type != NULL && strcmp(type, "TextPositionSelector") == 0 &&
		    json_is_integer(json_object_get(s, "start")) &&
		    json_is_integer(json_object_get(s, "end")) &&
		    json_integer_value(json_object_get(s, "start")) >= 0) {
			cs = (size_t)json_integer_value(json_object_get(s,
			    "start"));
			ce = (size_t)json_integer_value(json_object_get(s,
			    "end"));
			have_pos = 1;
		} else if (type != NULL &&
		    strcmp(type, "TextQuoteSelector") == 0 &&
		    json_is_string(json_object_get(s, "exact"))) {
			copy_text(s, "exact", &a->exact, &a->exact_len);
			copy_text(s, "prefix", &a->prefix, &a->prefix_len);
			copy_text(s, "suffix", &a->suffix, &a->suffix_len);
			have_quote = 1;
		}
	}
	json_decref(one);
	if (have_pos && cp_to_byte(bytes, len, cs, &bs) == 0 &&
	    cp_to_byte(bytes, len, ce, &be) == 0 && bs < be) {
		a->start = bs;
		a->end = be;
		l = utf8_lossy(bytes + bs, be - bs, &ll);
		/* The position is right: take the article's own bytes. */
		if (!have_quote || (ll == a->exact_len &&
		    memcmp(l, a->exact, ll) == 0))
			annot_fill_context(a, bytes, len);
		free(l);
		return 0;
	}
	if (have_quote && a->exact_len > 0)
		return 0;
	*why = xstrdup("no usable TextPositionSelector or "
	    "TextQuoteSelector");
	return -1;
}

static struct annot *
json_one(json_t *o, const char *bytes, size_t len, char **why)
{
	struct annot *a;
	const char *id, *t;
	json_t *target;

	if (!json_is_object(o)) {
		*why = xstrdup("an item is not an object");
		return NULL;
	}
	a = annot_new();
	id = json_string_value(json_object_get(o, "id"));
	if (id != NULL && strncmp(id, URN_PREFIX, strlen(URN_PREFIX)) == 0)
		id += strlen(URN_PREFIX);
	a->id = id != NULL && *id != '\0' ? xstrdup(id) : annot_new_id();
	annot_now(a->created);
	if ((t = json_string_value(json_object_get(o, "created"))) != NULL &&
	    strlen(t) < ANNOT_TIME_LEN)
		strcpy(a->created, t);
	memcpy(a->modified, a->created, ANNOT_TIME_LEN);
	if ((t = json_string_value(json_object_get(o, "modified"))) != NULL &&
	    strlen(t) < ANNOT_TIME_LEN)
		strcpy(a->modified, t);
	json_bodies(a, json_object_get(o, "body"));
	target = json_object_get(o, "target");
	if (json_is_array(target))
		target = json_array_get(target, 0);
	if (!json_is_object(target) ||
	    json_target(a, target, bytes, len, why) != 0) {
		if (*why == NULL)
			*why = xstrdup("no \"target\" object");
		annot_free(a);
		return NULL;
	}
	return a;
}

/* The array of annotations in a collection, page, array or single one. */
static json_t *
json_items(json_t *root)
{
	const char *type = json_string_value(json_object_get(root, "type"));
	json_t *items;

	if (json_is_array(root))
		return json_incref(root);
	if (type != NULL && strcmp(type, "AnnotationCollection") == 0)
		root = json_object_get(root, "first");
	items = json_object_get(root, "items");
	if (json_is_array(items))
		return json_incref(items);
	if (type != NULL && strcmp(type, "Annotation") == 0) {
		items = json_array();
		json_array_append(items, root);
		return items;
	}
	return NULL;
}

static int
import_json(const char *text, size_t tlen, const char *bytes, size_t len,
    struct annot_set *set, size_t *lineno, char **why)
{
	json_error_t err;
	json_t *root, *items, *it;
	struct annot *a;
	size_t i;
	int rc = 0;

	*lineno = 0;
	if ((root = json_loadb(text, tlen, 0, &err)) == NULL) {
		*lineno = (size_t)(err.line > 0 ? err.line : 0);
		*why = xasprintf("bad JSON: %s", err.text);
		return -1;
	}
	if ((items = json_items(root)) == NULL) {
		*why = xstrdup("not a W3C Annotation, AnnotationPage or "
		    "AnnotationCollection");
		rc = -1;
	}
	for (i = 0; rc == 0 && i < json_array_size(items); i++) {
		it = json_array_get(items, i);
		if ((a = json_one(it, bytes, len, why)) == NULL) {
			char *w = xasprintf("item %zu: %s", i + 1, *why);

			free(*why);
			*why = w;
			rc = -1;
		} else
			annot_insert(set, a);
	}
	json_decref(items);
	json_decref(root);
	return rc;
}

/* ---- entry points --------------------------------------------------- */

/*
 * Is there an annotation with a's range, tags and note already?  brat
 * gives no ids, so importing the same .ann twice must not double it.
 */
static int
same_as_one_of(const struct annot_set *set, const struct annot *a)
{
	const struct annot *b;
	size_t i, k;

	for (i = 0; i < annot_count(set); i++) {
		b = annot_at(set, i);
		if (b->start != a->start || b->end != a->end ||
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
    size_t *count, char **cause)
{
	struct annot_set *tmp = annot_set_new();
	const struct annot *old;
	struct annot *a;
	char *why = NULL;
	size_t lineno = 0, n = 0;
	int rc;

	if (fmt == IMPORT_BRAT)
		rc = import_brat(text, tlen, bytes, len, tmp, &lineno, &why);
	else
		rc = import_json(text, tlen, bytes, len, tmp, &lineno, &why);
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
	while (annot_count(tmp) > 0) {
		a = annot_take(tmp, annot_at(tmp, 0)->id);
		old = annot_find(set, a->id);
		if ((old != NULL && strcmp(a->modified, old->modified) <= 0) ||
		    same_as_one_of(set, a)) {
			annot_free(a);	/* already there (imported before) */
			continue;
		}
		annot_insert(set, a);
		n++;
	}
	annot_set_free(tmp);
	if (count != NULL)
		*count = n;
	return 0;
}

int
import_file(enum import_format fmt, const char *ann_path,
    const char *article_path, size_t *count, char **cause)
{
	struct annot_set *set;
	struct sidecar sc;
	char *text, *bytes;
	size_t tlen, len;
	int rc = -1;

	if ((text = util_read_file(ann_path, &tlen)) == NULL) {
		*cause = xasprintf("%s: %s", ann_path, strerror(errno));
		return -1;
	}
	if ((bytes = util_read_file(article_path, &len)) == NULL) {
		*cause = xasprintf("%s: %s", article_path, strerror(errno));
		free(text);
		return -1;
	}
	set = annot_set_new();
	if (sidecar_open(&sc, article_path, bytes, len, set, cause) == 0 &&
	    import_buffer(fmt, ann_path, text, tlen, bytes, len, set, count,
	    cause) == 0)
		rc = sidecar_save(&sc, set, cause);
	sidecar_close(&sc);
	annot_set_free(set);
	free(bytes);
	free(text);
	return rc;
}
