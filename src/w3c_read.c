/*
 * w3c_read.c: the reading half of the Web Annotation codec (w3c.h; the
 * format is described at the top of w3c.c).  Strict for the sidecar:
 * what is malformed is an error ("FILE:LINE: why"); lenient for import:
 * what can be normalised is, what cannot be used is an error.  Whatever
 * is not read is kept in annot->extra (see struct extra) to be written
 * back by w3c.c.
 */
#include "artread/w3c.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artread/b64.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/uuid.h"
#include "w3c_int.h"

/*
 * What a reader does not use, kept as annot->extra: a JSON object with
 *   "members"		unknown members of the annotation
 *   "bodies"		bodies other than tags and notes
 *   "bodyMembers"	{"tagging:TAG" | "commenting:": {other members}}
 *   "target"		unknown members of the target
 *   "selectors"	selectors other than position and quote
 *   "selectorMembers"	{"TextPositionSelector" | ...: {other members}}
 *   "artread"		unknown members of the extension
 * (and for a header, "members" and "article").
 */
struct extra {
	json_t	*x;		/* created on first use */
};

static const char *const top_known[] = { "@context", "id", "id_b64",
    "type", "created", "modified", "body", "bodyValue", "target", "artread",
    "orphaned", NULL };
static const char *const body_known[] = { "type", "purpose", "value",
    "value_b64", "format", NULL };
static const char *const target_known[] = { "source", "selector", NULL };
static const char *const pos_known[] = { "type", "unit", "start", "end",
    NULL };
static const char *const quote_known[] = { "type", "exact", "exact_b64",
    "prefix", "prefix_b64", "suffix", "suffix_b64", NULL };
static const char *const ext_known[] = { "anchor", "was", "version",
    "conflictOf", NULL };

/*
 * Get obj.key (or obj.key_b64, which wins) as allocated bytes.  Absent:
 * 1 (out set to "" if !required, else an error).  0 ok, -1 with *why.
 */
static int
get_text(json_t *obj, const char *key, int required, char **out,
    size_t *outlen, char **why)
{
	json_t *v, *v64;
	char k64[W3C_KEY_MAX];

	v = json_object_get(obj, key);
	v64 = json_object_get(obj, w3c_b64_key(key, k64));
	if (v64 != NULL) {
		if (!json_is_string(v64) || (*out = b64_decode(
		    json_string_value(v64), json_string_length(v64),
		    outlen)) == NULL) {
			*why = xasprintf("\"%s_b64\" is not base64", key);
			return -1;
		}
		return 0;
	}
	if (v == NULL) {
		if (required) {
			*why = xasprintf("missing \"%s\"", key);
			return -1;
		}
		*out = xstrdup("");
		*outlen = 0;
		return 1;
	}
	if (!json_is_string(v)) {
		*why = xasprintf("\"%s\" is not a string", key);
		return -1;
	}
	*outlen = json_string_length(v);
	*out = xmalloc(*outlen + 1);
	memcpy(*out, json_string_value(v), *outlen + 1);
	return 0;
}

static int
get_cstring(json_t *obj, const char *key, char **out, char **why)
{
	size_t len;

	if (get_text(obj, key, 1, out, &len, why) != 0)
		return -1;
	if (strlen(*out) != len) {
		free(*out);
		*out = NULL;	/* callers free it, or read it, later */
		*why = xasprintf("\"%s\" holds a NUL byte", key);
		return -1;
	}
	return 0;
}

/* exact (required), prefix and suffix of a quote object into q. */
static int
get_quote(json_t *o, struct annot_quote *q, char **why)
{
	if (get_text(o, "exact", 1, &q->exact, &q->exact_len, why) < 0)
		return -1;
	if (get_text(o, "prefix", 0, &q->prefix, &q->prefix_len, why) < 0)
		return -1;
	if (get_text(o, "suffix", 0, &q->suffix, &q->suffix_len, why) < 0)
		return -1;
	return 0;
}

static int
is_known(const char *key, const char *const *known)
{
	for (; *known != NULL; known++) {
		if (strcmp(key, *known) == 0)
			return 1;
	}
	return 0;
}

static int
has_unknown(json_t *obj, const char *const *known)
{
	const char *k;
	json_t *v;

	json_object_foreach(obj, k, v) {
		if (!is_known(k, known))
			return 1;
	}
	return 0;
}

static json_t *
extra_obj(struct extra *e)
{
	if (e->x == NULL)
		e->x = json_object();
	return e->x;
}

/* The object extra[where], made if needed. */
static json_t *
extra_sub(struct extra *e, const char *where, int array)
{
	json_t *sub = json_object_get(extra_obj(e), where);

	if (sub == NULL) {
		sub = array ? json_array() : json_object();
		json_object_set_new(e->x, where, sub);
	}
	return sub;
}

/* Keep obj's members that are not in known, in extra[where][key]. */
static void
keep_unknown(struct extra *e, json_t *obj, const char *const *known,
    const char *where, const char *key)
{
	const char *k;
	json_t *v, *dest = NULL;

	json_object_foreach(obj, k, v) {
		if (is_known(k, known))
			continue;
		if (dest == NULL) {
			dest = key == NULL ? extra_sub(e, where, 0) :
			    json_object();
			if (key != NULL)
				json_object_set_new(extra_sub(e, where, 0),
				    key, dest);
		}
		json_object_set(dest, k, v);
	}
}

/* Give a its kept JSON text (canonical: sorted keys, so that equal
 * extras compare equal). */
static void
extra_finish(struct extra *e, struct annot *a)
{
	if (e->x != NULL && json_object_size(e->x) > 0)
		a->extra = json_dumps(e->x, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(e->x);
	e->x = NULL;
}

/* ---- times, ids, bodies ------------------------------------ */

/* o.key as a time in the canonical form.  Missing: an error if strict,
 * else the fallback; unreadable: the fallback, counted. */
static int
get_time(json_t *o, const char *key, struct w3c_ctx *c, char *out,
    char **why)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v) && isotime_normalise(json_string_value(v),
	    out) == 0)
		return 0;
	if (c->strict && !json_is_string(v)) {
		*why = xasprintf("\"%s\" is %s", key, v == NULL ? "missing" :
		    "not a time stamp");
		return -1;
	}
	if (v != NULL)
		c->times_fixed++;
	if (c->fallback_time[0] != '\0')
		memcpy(out, c->fallback_time, ISOTIME_LEN);
	else
		isotime_now(out);
	return 0;
}

/* An id for an annotation that came without one: derived from what it
 * says, so that importing the same file twice adds it once. */
static char *
id_from_content(json_t *o)
{
	char urn[UUID_URN_LEN], *s = json_dumps(o, JSON_COMPACT |
	    JSON_SORT_KEYS);

	uuid_from_name("artread-content", s != NULL ? s : "", s != NULL ?
	    strlen(s) : 0, urn);
	free(s);
	return xstrdup(urn);
}

static int
get_id(struct annot *a, json_t *o, struct w3c_ctx *c, char **why)
{
	char *raw = NULL;

	if (json_object_get(o, "id") == NULL &&
	    json_object_get(o, "id_b64") == NULL && !c->strict) {
		a->id = id_from_content(o);
		return 0;
	}
	if (get_cstring(o, "id", &raw, why) != 0) {
		if (c->strict)
			return -1;
		free(*why);
		*why = NULL;
	}
	a->id = w3c_id(raw);
	free(raw);
	if (a->id == NULL) {
		if (c->strict) {
			*why = xstrdup("\"id\" is empty");
			return -1;
		}
		a->id = id_from_content(o);
	}
	return 0;
}

static void
add_tag(struct annot *a, const char *tag)
{
	size_t i;

	if (*tag == '\0')
		return;
	for (i = 0; i < a->ntags; i++) {
		if (strcmp(a->tags[i], tag) == 0)
			return;
	}
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = xstrdup(tag);
}

/*
 * Is b a body artread reads: a textual body (no type, or TextualBody)
 * with a purpose of tagging or commenting (leniently: no purpose is a
 * comment)?  The purpose, or NULL.
 */
static const char *
known_purpose(json_t *b, const struct w3c_ctx *c)
{
	const char *type, *purpose;

	if (!json_is_object(b))
		return NULL;
	type = json_string_value(json_object_get(b, "type"));
	purpose = json_string_value(json_object_get(b, "purpose"));
	if (type != NULL && strcmp(type, "TextualBody") != 0)
		return NULL;
	if (json_object_get(b, "value") == NULL &&
	    json_object_get(b, "value_b64") == NULL)
		return NULL;
	if (purpose == NULL)
		return json_object_get(b, "purpose") == NULL && !c->strict ?
		    "commenting" : NULL;
	if (strcmp(purpose, "tagging") == 0 ||
	    strcmp(purpose, "commenting") == 0)
		return purpose;
	return NULL;
}

static int
decode_body(struct annot *a, json_t *b, struct buf *note, struct extra *e,
    struct w3c_ctx *c, char **why)
{
	const char *purpose = known_purpose(b, c);
	char *value, *key;

	if (purpose == NULL) {
		json_array_append(extra_sub(e, "bodies", 1), b);
		return 0;
	}
	if (get_cstring(b, "value", &value, why) != 0) {
		if (c->strict)
			return -1;
		free(*why);
		*why = NULL;
		return 0;
	}
	if (strcmp(purpose, "tagging") == 0)
		add_tag(a, value);
	else if (*value != '\0') {
		if (note->len > 0)
			buf_addc(note, '\n');
		buf_adds(note, value);
	}
	if (has_unknown(b, body_known)) {
		key = w3c_body_key(purpose, value);
		keep_unknown(e, b, body_known, "bodyMembers", key);
		free(key);
	}
	free(value);
	return 0;
}

/* Tags and note from "body" (an array or one object) and "bodyValue". */
static int
decode_bodies(struct annot *a, json_t *o, struct extra *e,
    struct w3c_ctx *c, char **why)
{
	json_t *body = json_object_get(o, "body"), *b;
	const char *bv = json_string_value(json_object_get(o, "bodyValue"));
	struct buf note;
	size_t i;
	int rc = 0;

	if (body != NULL && !json_is_array(body) && !json_is_object(body) &&
	    c->strict) {
		*why = xstrdup("\"body\" is not an array");
		return -1;
	}
	buf_init(&note);
	if (bv != NULL)
		buf_adds(&note, bv);
	if (json_is_object(body))
		rc = decode_body(a, body, &note, e, c, why);
	else if (json_is_array(body)) {
		json_array_foreach(body, i, b) {
			if ((rc = decode_body(a, b, &note, e, c, why)) != 0)
				break;
		}
	} else if (body != NULL)
		json_array_append(extra_sub(e, "bodies", 1), body);
	if (note.len > 0) {
		free(a->note);
		a->note = buf_steal(&note);
	}
	buf_free(&note);
	return rc;
}

/* ---- reading: the target -------------------------------------------- */

static int
get_offset(json_t *sel, const char *key, size_t *out, char **why)
{
	json_t *v = json_object_get(sel, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    (unsigned long long)json_integer_value(v) > SIZE_MAX) {
		*why = xasprintf("\"%s\" is %s", key, v == NULL ? "missing" :
		    "not an offset");
		return -1;
	}
	*out = (size_t)json_integer_value(v);
	return 0;
}

/* What the selectors of a target give. */
struct found {
	int		 have_pos;
	int		 pos_bytes;	/* the position is in bytes */
	size_t		 start, end;
	int		 have_quote;
	struct annot_quote q;
};

static void
found_free(struct found *f)
{
	free(f->q.exact);
	free(f->q.prefix);
	free(f->q.suffix);
}

static int
decode_position(json_t *s, struct found *f, struct extra *e,
    const struct w3c_ctx *c, char **why)
{
	const char *unit = json_string_value(json_object_get(s, "unit"));

	if (unit != NULL && strcmp(unit, "byte") != 0) {
		*why = xasprintf("unit \"%s\" unsupported", unit);
		return -1;
	}
	if (get_offset(s, "start", &f->start, why) != 0 ||
	    get_offset(s, "end", &f->end, why) != 0)
		return -1;
	if (f->start > f->end) {
		*why = xstrdup("start is after end");
		return -1;
	}
	f->have_pos = 1;
	f->pos_bytes = unit != NULL || c->unit == W3C_BYTES;
	keep_unknown(e, s, pos_known, "selectorMembers",
	    "TextPositionSelector");
	return 0;
}

static int
decode_quote(json_t *s, struct found *f, struct extra *e, char **why)
{
	found_free(f);
	memset(&f->q, 0, sizeof f->q);
	if (get_quote(s, &f->q, why) != 0)
		return -1;
	f->have_quote = 1;
	keep_unknown(e, s, quote_known, "selectorMembers",
	    "TextQuoteSelector");
	return 0;
}

/* Read the selectors; a bad one is an error if strict, else skipped. */
static int
decode_selectors(json_t *sels, struct found *f, struct extra *e,
    struct w3c_ctx *c, char **why)
{
	const char *type;
	json_t *s;
	size_t i;
	int rc;

	json_array_foreach(sels, i, s) {
		type = json_string_value(json_object_get(s, "type"));
		if (type != NULL && strcmp(type, "TextPositionSelector") == 0)
			rc = decode_position(s, f, e, c, why);
		else if (type != NULL && strcmp(type, "TextQuoteSelector") == 0)
			rc = decode_quote(s, f, e, why);
		else {
			json_array_append(extra_sub(e, "selectors", 1), s);
			continue;
		}
		if (rc != 0 && c->strict)
			return -1;
		if (rc != 0) {
			free(*why);
			*why = NULL;
		}
	}
	return 0;
}

/* Move the quote into a (the article's own text wins if placed). */
static void
take_quote(struct annot *a, struct found *f)
{
	free(a->exact);
	free(a->prefix);
	free(a->suffix);
	a->exact = f->q.exact;
	a->exact_len = f->q.exact_len;
	a->prefix = f->q.prefix;
	a->prefix_len = f->q.prefix_len;
	a->suffix = f->q.suffix;
	a->suffix_len = f->q.suffix_len;
	memset(&f->q, 0, sizeof f->q);
}

/* A lenient read: place a by its position on the article if that holds
 * its quote; else by the quote, which re-anchoring will find. */
static int
place_on_article(struct annot *a, struct found *f, const struct w3c_ctx *c,
    char **why)
{
	size_t bs = f->start, be = f->end, ll;
	char *l;
	int ok = f->have_pos;

	if (ok && !f->pos_bytes)
		ok = c->cp != NULL && cpindex_to_byte(c->cp, f->start,
		    &bs) == 0 && cpindex_to_byte(c->cp, f->end, &be) == 0;
	if (ok && (be > c->len || bs >= be))
		ok = 0;
	if (ok) {
		a->start = bs;
		a->end = be;
		l = utf8_lossy(c->bytes + bs, be - bs, &ll);
		ok = !f->have_quote || (ll == f->q.exact_len &&
		    memcmp(l, f->q.exact, ll) == 0) || (be - bs ==
		    f->q.exact_len && memcmp(c->bytes + bs, f->q.exact,
		    be - bs) == 0);
		free(l);
		if (ok) {
			annot_fill_context(a, c->bytes, c->len);
			return 0;
		}
	}
	if (f->have_quote && f->q.exact_len > 0) {
		take_quote(a, f);
		return 0;
	}
	*why = xstrdup("no usable TextPositionSelector or TextQuoteSelector");
	return -1;
}

static int
decode_target(struct annot *a, json_t *o, struct extra *e, struct w3c_ctx *c,
    char **why)
{
	json_t *target = json_object_get(o, "target"), *sels, *one = NULL;
	struct found f;
	int rc = -1;

	if (json_is_array(target) && !c->strict)
		target = json_array_get(target, 0);
	sels = json_object_get(target, "selector");
	if (json_is_object(sels) && !c->strict) {
		one = json_array();
		json_array_append(one, sels);
		sels = one;
	}
	if (!json_is_object(target) || !json_is_array(sels)) {
		*why = xstrdup(target == NULL ? "no \"target\" object" :
		    "\"target\" has no \"selector\" array");
		json_decref(one);
		return -1;
	}
	memset(&f, 0, sizeof f);
	if (decode_selectors(sels, &f, e, c, why) != 0)
		goto out;
	keep_unknown(e, target, target_known, "target", NULL);
	if (!c->strict)
		rc = place_on_article(a, &f, c, why);
	else if (!f.have_pos || !f.have_quote)
		*why = xasprintf("no %s", f.have_pos ? "TextQuoteSelector" :
		    "TextPositionSelector");
	else {
		a->start = f.start;
		a->end = f.end;
		take_quote(a, &f);
		rc = 0;
	}
out:
	found_free(&f);
	json_decref(one);
	return rc;
}

/* ---- reading: the extension ----------------------------------------- */

static int
is_sha256_hex(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	}
	return s[64] == '\0';
}

/* The "artread" object, or format 1's "orphaned". */
static int
decode_ext(struct annot *a, json_t *o, struct extra *e, struct w3c_ctx *c,
    char **why)
{
	json_t *ext = json_object_get(o, "artread"), *orph, *was;
	const char *s;
	char *raw = NULL;
	int st;

	orph = json_object_get(o, "orphaned");
	if (orph != NULL && !json_is_boolean(orph) && c->strict) {
		*why = xstrdup("\"orphaned\" is not true or false");
		return -1;
	}
	annot_set_anchor(a, json_is_true(orph) ? ANNOT_ORPHAN : ANNOT_EXACT);
	if (ext == NULL)
		return 0;
	if (!json_is_object(ext)) {
		if (!c->strict)
			return 0;
		*why = xstrdup("\"artread\" is not an object");
		return -1;
	}
	if ((s = json_string_value(json_object_get(ext, "anchor"))) != NULL) {
		if ((st = annot_anchor_from_name(s)) >= 0)
			annot_set_anchor(a, (enum annot_anchor)st);
		else if (c->strict) {
			*why = xstrdup("\"anchor\" is not exact, moved, "
			    "changed or orphan");
			return -1;
		}
	}
	if ((s = json_string_value(json_object_get(ext, "version"))) != NULL &&
	    is_sha256_hex(s))
		memcpy(a->version, s, ANNOT_VERSION_LEN);
	else if (json_object_get(ext, "version") != NULL && c->strict) {
		*why = xstrdup("\"version\" is not a SHA-256");
		return -1;
	}
	if ((was = json_object_get(ext, "was")) != NULL) {
		a->was = xcalloc(1, sizeof *a->was);
		if (!json_is_object(was) || get_quote(was, a->was, why) != 0) {
			annot_quote_free(a->was);
			a->was = NULL;
			if (c->strict) {
				if (*why == NULL)
					*why = xstrdup("\"was\" is not a quote");
				return -1;
			}
			free(*why);
			*why = NULL;
		}
	}
	if (json_object_get(ext, "conflictOf") != NULL) {
		if (get_cstring(ext, "conflictOf", &raw, why) == 0)
			a->conflict_of = w3c_id(raw);
		else if (c->strict)
			return -1;
		free(raw);
	}
	keep_unknown(e, ext, ext_known, "artread", NULL);
	return 0;
}

/* Is type "Annotation" (or, leniently, an array holding it)? */
static int
is_annotation_type(json_t *type, int strict)
{
	json_t *t;
	size_t i;

	if (json_is_string(type))
		return strcmp(json_string_value(type), "Annotation") == 0;
	if (strict || !json_is_array(type))
		return 0;
	json_array_foreach(type, i, t) {
		if (json_is_string(t) &&
		    strcmp(json_string_value(t), "Annotation") == 0)
			return 1;
	}
	return 0;
}

struct annot *
w3c_decode(json_t *o, struct w3c_ctx *c, char **why)
{
	struct annot *a;
	struct extra e = { NULL };

	*why = NULL;
	if (!json_is_object(o)) {
		*why = xstrdup("not a JSON object");
		return NULL;
	}
	if (!is_annotation_type(json_object_get(o, "type"), c->strict) &&
	    (c->strict || json_object_get(o, "type") != NULL)) {
		*why = xstrdup("\"type\" is not \"Annotation\"");
		return NULL;
	}
	a = annot_new();
	if (get_id(a, o, c, why) != 0 ||
	    get_time(o, "created", c, a->created, why) != 0)
		goto fail;
	if (json_object_get(o, "modified") == NULL && !c->strict)
		memcpy(a->modified, a->created, ANNOT_TIME_LEN);
	else if (get_time(o, "modified", c, a->modified, why) != 0)
		goto fail;
	if (decode_bodies(a, o, &e, c, why) != 0 ||
	    decode_target(a, o, &e, c, why) != 0 ||
	    decode_ext(a, o, &e, c, why) != 0)
		goto fail;
	keep_unknown(&e, o, top_known, "members", NULL);
	extra_finish(&e, a);
	return a;
fail:
	json_decref(e.x);
	if (a->id == NULL)
		a->id = xstrdup("");
	annot_free(a);
	return NULL;
}

json_t *
w3c_items(json_t *root)
{
	json_t *type, *items;

	if (json_is_array(root))
		return json_incref(root);
	type = json_object_get(root, "type");
	if (json_is_string(type) && strcmp(json_string_value(type),
	    "AnnotationCollection") == 0) {
		/* An empty collection has no page (we write it so). */
		if (json_object_get(root, "first") == NULL &&
		    json_integer_value(json_object_get(root, "total")) == 0)
			return json_array();
		root = json_object_get(root, "first");
	}
	items = json_object_get(root, "items");
	if (json_is_array(items))
		return json_incref(items);
	if (is_annotation_type(json_object_get(root, "type"), 0)) {
		items = json_array();
		json_array_append(items, root);
		return items;
	}
	return NULL;
}

static const char *const header_known[] = { "type", "version", "article",
    "seed", "adopted", NULL };
static const char *const article_known[] = { "name", "name_b64", "sha256",
    "size", "url", "path", "path_b64", NULL };

/* A name in the header (bytes, NUL-free), or NULL if absent or bad. */
static void
header_name(json_t *art, const char *key, char **out)
{
	char *why = NULL;
	size_t len;

	*out = NULL;
	if (get_text(art, key, 0, out, &len, &why) != 0 ||
	    strlen(*out) != len) {
		free(*out);
		*out = NULL;
	}
	free(why);
}

int
w3c_header_decode(json_t *j, struct w3c_header *h, char **why)
{
	struct extra e = { NULL };
	const char *type, *s;
	json_t *version, *art;

	memset(h, 0, sizeof *h);
	type = json_string_value(json_object_get(j, "type"));
	version = json_object_get(j, "version");
	if (type == NULL || strcmp(type, W3C_SIDECAR_TYPE) != 0) {
		*why = xstrdup("not an artread annotations file (bad header)");
		return -1;
	}
	if (!json_is_integer(version) || json_integer_value(version) < 1) {
		*why = xstrdup("bad \"version\" in header");
		return -1;
	}
	if (json_integer_value(version) > W3C_SIDECAR_VERSION) {
		*why = xasprintf("written by a newer artread (format version "
		    "%lld; this one reads up to %d)",
		    (long long)json_integer_value(version), W3C_SIDECAR_VERSION);
		return -1;
	}
	h->version = (long)json_integer_value(version);
	art = json_object_get(j, "article");
	if ((s = json_string_value(json_object_get(art, "sha256"))) != NULL &&
	    is_sha256_hex(s))
		memcpy(h->sha256, s, sizeof h->sha256);
	if (json_is_integer(json_object_get(art, "size")))
		h->size = (size_t)json_integer_value(json_object_get(art,
		    "size"));
	if ((s = json_string_value(json_object_get(art, "url"))) != NULL &&
	    w3c_is_iri(s))
		h->url = xstrdup(s);
	header_name(art, "name", &h->name);
	header_name(art, "path", &h->path);
	if ((s = json_string_value(json_object_get(j, "seed"))) != NULL &&
	    is_sha256_hex(s))
		memcpy(h->seed, s, sizeof h->seed);
	if ((s = json_string_value(json_object_get(j, "adopted"))) != NULL &&
	    is_sha256_hex(s))
		memcpy(h->adopted, s, sizeof h->adopted);
	keep_unknown(&e, j, header_known, "members", NULL);
	if (json_is_object(art))
		keep_unknown(&e, art, article_known, "article", NULL);
	if (e.x != NULL)
		h->extra = json_dumps(e.x, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(e.x);
	return 0;
}

