/*
 * w3c.c: the Web Annotation codec, and with it the sidecar format.
 *
 * The sidecar (FILE.annotations.jsonl) is JSON Lines.  Line 1 is the
 * header:
 *
 *   {"type":"artread-annotations","version":2,
 *    "article":{"name":"story.txt","sha256":"<64 hex>","size":1234,
 *     "url":"https://example.org/news/story"}}
 *
 * "url" is there only for an article that came from the web; members
 * artread does not know, in the header or in "article", are kept.  Then
 * one annotation per line, in article order, in the W3C shape:
 *
 *   {"id":"urn:uuid:3f1c0e9a-5b2d-4c8e-9a71-2d4e6f80a1b3",
 *    "type":"Annotation",
 *    "created":"2024-05-01T12:00:00.000Z",
 *    "modified":"2024-05-01T12:03:10.512Z",
 *    "body":[{"type":"TextualBody","purpose":"tagging","value":"claim",
 *             "format":"text/plain"},
 *            {"type":"TextualBody","purpose":"commenting","value":"...",
 *             "format":"text/plain"}],
 *    "target":{"source":"https://example.org/news/story",
 *     "selector":[
 *      {"type":"TextPositionSelector","unit":"byte","start":120,"end":164},
 *      {"type":"TextQuoteSelector","exact":"...","prefix":"...",
 *       "suffix":"..."}]},
 *    "artread":{"anchor":"exact","version":"<64 hex>",
 *     "was":{"exact":"...","prefix":"...","suffix":"..."},
 *     "conflictOf":"urn:uuid:..."}}
 *
 * - "id" is an IRI: a UUID URN for artread's own annotations.
 * - "created" and "modified" are xsd:dateTime in UTC with milliseconds.
 * - "body" is left out when there is neither tag nor note.
 * - "source" is written when the article's URL is known.
 * - start and end are BYTE offsets into the file as read ("unit":"byte";
 *   the W3C model counts code points, as the JSON export does).
 * - "artread" is artread's extension: "anchor" is how well the
 *   annotation sits on the article now (exact, moved, changed, orphan);
 *   "version" the SHA-256 of the article text it was made or last
 *   confirmed on; "was" the text as annotated, kept when the passage
 *   changed; "conflictOf" marks the other side's copy of a conflicting
 *   change to the annotation with that id (both were kept).
 * - Text that is not valid UTF-8 or holds NUL (articles may have both)
 *   is written twice: FIELD with U+FFFD for each bad byte, and FIELD_b64
 *   with the exact bytes in base64, which wins when reading.
 * - Anything else on a line (other bodies such as a "linking" one,
 *   "creator", "motivation", other selectors, unknown members of
 *   "artread") is kept on the annotation and written back.
 *
 * Format 1 (read, and rewritten as 2 on the next save) differs in: bare
 * 32-hex ids (read as the UUID URN with those digits), no "artread"
 * object, "orphaned":true|false for the anchor, no "format".
 *
 * The JSON export writes the same annotation shape with code point
 * offsets and no "unit", inside an AnnotationCollection; the import reads
 * it (and Hypothesis-like JSON) leniently: what is wrong is normalised
 * (a time in another format, an id that is not an IRI), never written.
 */
#include "artread/w3c.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "artread/b64.h"
#include "artread/sha256.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/uuid.h"

#define FORMAT_PLAIN	"text/plain"

/* What a reader does not use, kept (annot->extra is its JSON text). */
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

void
w3c_ctx_init(struct w3c_ctx *c, enum w3c_unit unit, int strict)
{
	memset(c, 0, sizeof *c);
	c->unit = unit;
	c->strict = strict;
}

/* ---- text fields ---------------------------------------------------- */

/* Set obj.key to s[0, len); with obj.key_b64 too in the byte unit if it
 * is not clean UTF-8. */
static void
put_text(json_t *obj, const char *key, const char *s, size_t len,
    const struct w3c_ctx *c)
{
	char *lossy, *b64, *k64;

	if (annot_utf8_valid(s, len)) {
		json_object_set_new(obj, key, json_stringn(s, len));
		return;
	}
	lossy = utf8_lossy(s, len, NULL);
	json_object_set_new(obj, key, json_string(lossy));
	free(lossy);
	if (c->unit != W3C_BYTES)
		return;
	b64 = b64_encode(s, len);
	k64 = xasprintf("%s_b64", key);
	json_object_set_new(obj, k64, json_string(b64));
	free(b64);
	free(k64);
}

/*
 * Get obj.key (or obj.key_b64, which wins) as allocated bytes.  Absent:
 * 1 (out set to "" if !required, else an error).  0 ok, -1 with *why.
 */
static int
get_text(json_t *obj, const char *key, int required, char **out,
    size_t *outlen, char **why)
{
	json_t *v, *v64;
	char *k64;

	k64 = xasprintf("%s_b64", key);
	v = json_object_get(obj, key);
	v64 = json_object_get(obj, k64);
	free(k64);
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

/* A C string from a text field: no NUL allowed. */
static int
get_cstring(json_t *obj, const char *key, char **out, char **why)
{
	size_t len;

	if (get_text(obj, key, 1, out, &len, why) != 0)
		return -1;
	if (strlen(*out) != len) {
		free(*out);
		*why = xasprintf("\"%s\" holds a NUL byte", key);
		return -1;
	}
	return 0;
}

static void
put_quote(json_t *o, const char *exact, size_t elen, const char *prefix,
    size_t plen, const char *suffix, size_t slen, const struct w3c_ctx *c)
{
	put_text(o, "exact", exact, elen, c);
	put_text(o, "prefix", prefix, plen, c);
	put_text(o, "suffix", suffix, slen, c);
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

/* ---- ids and IRIs --------------------------------------------------- */

int
w3c_is_iri(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (*p++ != ':' || *p == '\0')
		return 0;
	for (; *p != '\0'; p++) {
		if (*p <= 0x20 || *p == 0x7f || strchr("<>\"{}|\\^`", *p))
			return 0;
	}
	return utf8_valid(s, strlen(s));
}

char *
w3c_id(const char *id)
{
	char urn[UUID_URN_LEN];

	if (id == NULL || *id == '\0')
		return NULL;
	if (uuid_parse(id, urn) || uuid_from_hex(id, urn))
		return xstrdup(urn);
	if (w3c_is_iri(id))
		return xstrdup(id);
	uuid_from_name("artread-id", id, strlen(id), urn);
	return xstrdup(urn);
}

/* Unreserved, and the delimiters a path or URL keeps as they are. */
static int
uri_keeps(unsigned char ch, int path)
{
	if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || strchr("-._~/", ch) != NULL)
		return ch != '\0';
	return !path && ch != '\0' && strchr(":?#[]@!$&'()*+,;=%", ch) != NULL;
}

static char *
percent_encode(const char *s, int path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	struct buf b;

	buf_init(&b);
	buf_reserve(&b, strlen(s));
	b.data[0] = '\0';
	for (; *p != '\0'; p++) {
		if (uri_keeps(*p, path))
			buf_addc(&b, (char)*p);
		else {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*p >> 4]);
			buf_addc(&b, hex[*p & 15]);
		}
	}
	return buf_steal(&b);
}

char *
w3c_file_iri(const char *abspath)
{
	char *enc = percent_encode(abspath, 1), *iri;

	iri = xasprintf("file://%s", enc);
	free(enc);
	return iri;
}

char *
w3c_uri_escape(const char *s)
{
	return percent_encode(s, 0);
}

char *
w3c_content_iri(const char *bytes, size_t len)
{
	unsigned char md[SHA256_LEN];
	struct sha256 c;
	char *b64, *iri;

	sha256_init(&c);
	sha256_update(&c, bytes, len);
	sha256_final(&c, md);
	b64 = b64_encode_url(md, sizeof md);
	iri = xasprintf("ni:///sha-256;%s", b64);
	free(b64);
	return iri;
}

/* ---- what is kept --------------------------------------------------- */

static int
is_known(const char *key, const char *const *known)
{
	for (; *known != NULL; known++) {
		if (strcmp(key, *known) == 0)
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

/* Add the members of src that dest does not have. */
static void
merge_missing(json_t *dest, json_t *src)
{
	if (json_is_object(dest) && json_is_object(src))
		json_object_update_missing(dest, src);
}

/* Append the items of src to the array dest. */
static void
append_all(json_t *dest, json_t *src)
{
	if (json_is_array(dest) && json_is_array(src))
		json_array_extend(dest, src);
}

/* ---- writing -------------------------------------------------------- */

static json_t *
textual_body(const char *purpose, const char *value, json_t *kept,
    const struct w3c_ctx *c)
{
	json_t *b = json_object();

	json_object_set_new(b, "type", json_string("TextualBody"));
	json_object_set_new(b, "purpose", json_string(purpose));
	put_text(b, "value", value, strlen(value), c);
	json_object_set_new(b, "format", json_string(FORMAT_PLAIN));
	merge_missing(b, kept);
	return b;
}

/* The key under which a known body's other members are kept. */
static char *
body_key(const char *purpose, const char *value)
{
	return xasprintf("%s:%s", purpose, strcmp(purpose, "tagging") == 0 ?
	    value : "");
}

static json_t *
encode_bodies(const struct annot *a, json_t *x, const struct w3c_ctx *c)
{
	json_t *body = json_array(), *kept = json_object_get(x, "bodyMembers");
	char *k;
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		k = body_key("tagging", a->tags[i]);
		json_array_append_new(body, textual_body("tagging", a->tags[i],
		    json_object_get(kept, k), c));
		free(k);
	}
	if (*a->note != '\0')
		json_array_append_new(body, textual_body("commenting", a->note,
		    json_object_get(kept, "commenting:"), c));
	append_all(body, json_object_get(x, "bodies"));
	return body;
}

/* A position or offset in the unit of c. */
static json_int_t
offset_out(size_t off, const struct w3c_ctx *c)
{
	if (c->unit == W3C_CODEPOINTS)
		off = c->cp != NULL ? cpindex_to_cp(c->cp, off) :
		    utf8_count(c->bytes, off > c->len ? c->len : off);
	return (json_int_t)off;
}

static json_t *
encode_target(const struct annot *a, json_t *x, const struct w3c_ctx *c)
{
	json_t *target, *sels, *pos, *quote, *kept;

	kept = json_object_get(x, "selectorMembers");
	pos = json_object();
	json_object_set_new(pos, "type", json_string("TextPositionSelector"));
	if (c->unit == W3C_BYTES)
		json_object_set_new(pos, "unit", json_string("byte"));
	json_object_set_new(pos, "start", json_integer(offset_out(a->start,
	    c)));
	json_object_set_new(pos, "end", json_integer(offset_out(a->end, c)));
	merge_missing(pos, json_object_get(kept, "TextPositionSelector"));
	quote = json_object();
	json_object_set_new(quote, "type", json_string("TextQuoteSelector"));
	put_quote(quote, a->exact, a->exact_len, a->prefix, a->prefix_len,
	    a->suffix, a->suffix_len, c);
	merge_missing(quote, json_object_get(kept, "TextQuoteSelector"));
	sels = json_array();
	json_array_append_new(sels, pos);
	json_array_append_new(sels, quote);
	append_all(sels, json_object_get(x, "selectors"));
	target = json_object();
	if (c->source != NULL)
		json_object_set_new(target, "source", json_string(c->source));
	json_object_set_new(target, "selector", sels);
	merge_missing(target, json_object_get(x, "target"));
	return target;
}

static json_t *
encode_ext(const struct annot *a, json_t *x, const struct w3c_ctx *c)
{
	json_t *ext = json_object(), *was;
	char *id;

	json_object_set_new(ext, "anchor", json_string(annot_anchor_name(
	    annot_anchor_of(a))));
	if (a->version[0] != '\0')
		json_object_set_new(ext, "version", json_string(a->version));
	if (a->was != NULL) {
		was = json_object();
		put_quote(was, a->was->exact, a->was->exact_len,
		    a->was->prefix, a->was->prefix_len, a->was->suffix,
		    a->was->suffix_len, c);
		json_object_set_new(ext, "was", was);
	}
	if ((id = w3c_id(a->conflict_of)) != NULL) {
		json_object_set_new(ext, "conflictOf", json_string(id));
		free(id);
	}
	merge_missing(ext, json_object_get(x, "artread"));
	return ext;
}

json_t *
w3c_encode(const struct annot *a, struct w3c_ctx *c)
{
	json_t *o = json_object(), *x = NULL, *body;
	char *id = w3c_id(a->id);

	if (a->extra != NULL)
		x = json_loads(a->extra, 0, NULL);
	json_object_set_new(o, "id", json_string(id != NULL ? id : ""));
	free(id);
	json_object_set_new(o, "type", json_string("Annotation"));
	json_object_set_new(o, "created", json_string(a->created));
	json_object_set_new(o, "modified", json_string(a->modified));
	body = encode_bodies(a, x, c);
	if (json_array_size(body) > 0)
		json_object_set(o, "body", body);
	json_decref(body);
	json_object_set_new(o, "target", encode_target(a, x, c));
	json_object_set_new(o, "artread", encode_ext(a, x, c));
	merge_missing(o, json_object_get(x, "members"));
	json_decref(x);
	return o;
}

/* ---- reading: times, ids, bodies ------------------------------------ */

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
	key = body_key(purpose, value);
	keep_unknown(e, b, body_known, "bodyMembers", key);
	free(key);
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

/* ---- collections ---------------------------------------------------- */

/* Ids of the collection and its page, from the source and every id. */
static void
collection_ids(const struct annot_set *set, const char *source,
    char coll[UUID_URN_LEN], char page[UUID_URN_LEN])
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, source != NULL ? source : "");
	for (i = 0; i < annot_count(set); i++) {
		buf_addc(&b, '\n');
		buf_adds(&b, annot_at(set, i)->id);
	}
	uuid_from_name("artread-collection", b.data, b.len, coll);
	uuid_from_name("artread-page", coll, strlen(coll), page);
	buf_free(&b);
}

json_t *
w3c_collection(const struct annot_set *set, const char *label,
    const char *generated, struct w3c_ctx *c)
{
	char coll[UUID_URN_LEN], page_id[UUID_URN_LEN];
	json_t *col, *page, *items;
	size_t i, n = annot_count(set);

	collection_ids(set, c->source, coll, page_id);
	col = json_object();
	json_object_set_new(col, "@context", json_string(W3C_CONTEXT));
	json_object_set_new(col, "id", json_string(coll));
	json_object_set_new(col, "type", json_string("AnnotationCollection"));
	json_object_set_new(col, "label", json_string(label));
	json_object_set_new(col, "generated", json_string(generated));
	json_object_set_new(col, "total", json_integer((json_int_t)n));
	if (n == 0)	/* a page MUST have items: an empty one has none */
		return col;
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, w3c_encode(annot_at(set, i), c));
	page = json_object();
	json_object_set_new(page, "id", json_string(page_id));
	json_object_set_new(page, "type", json_string("AnnotationPage"));
	json_object_set_new(page, "partOf", json_string(coll));
	json_object_set_new(page, "startIndex", json_integer(0));
	json_object_set_new(page, "items", items);
	json_object_set_new(col, "first", page);
	json_object_set_new(col, "last", json_string(page_id));
	return col;
}

json_t *
w3c_items(json_t *root)
{
	json_t *type, *items;

	if (json_is_array(root))
		return json_incref(root);
	type = json_object_get(root, "type");
	if (json_is_string(type) && strcmp(json_string_value(type),
	    "AnnotationCollection") == 0)
		root = json_object_get(root, "first");
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

/* ---- output --------------------------------------------------------- */

/* Characters a terminal may act on: DEL, C1 controls, the bidi
 * controls and the line and paragraph separators. */
static int
must_escape(uint32_t cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

char *
w3c_dump(const json_t *j, size_t flags)
{
	char *s = json_dumps(j, flags | JSON_PRESERVE_ORDER), *p;
	struct buf b;
	uint32_t cp;
	size_t n, k, len;

	if (s == NULL)
		fatalx("cannot encode annotations as JSON");
	len = strlen(s);
	buf_init(&b);
	buf_reserve(&b, len);
	b.data[0] = '\0';
	for (p = s, n = 0; n < len; n += k) {
		k = utf8_decode(p + n, len - n, &cp);
		if (k == 0)
			k = 1, cp = (unsigned char)p[n];
		if (must_escape(cp))
			buf_printf(&b, "\\u%04X", (unsigned)cp);
		else
			buf_add(&b, p + n, k);
	}
	free(s);
	return buf_steal(&b);
}

/* ---- the sidecar header --------------------------------------------- */

static const char *const header_known[] = { "type", "version", "article",
    NULL };
static const char *const article_known[] = { "name", "name_b64", "sha256",
    "size", "url", NULL };

void
w3c_header_free(struct w3c_header *h)
{
	free(h->name);
	free(h->url);
	free(h->extra);
	memset(h, 0, sizeof *h);
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
	keep_unknown(&e, j, header_known, "members", NULL);
	if (json_is_object(art))
		keep_unknown(&e, art, article_known, "article", NULL);
	if (e.x != NULL)
		h->extra = json_dumps(e.x, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(e.x);
	return 0;
}

json_t *
w3c_header_encode(const struct w3c_header *h)
{
	json_t *j = json_object(), *art = json_object(), *x = NULL;
	struct w3c_ctx c;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	if (h->extra != NULL)
		x = json_loads(h->extra, 0, NULL);
	json_object_set_new(j, "type", json_string(W3C_SIDECAR_TYPE));
	json_object_set_new(j, "version", json_integer(W3C_SIDECAR_VERSION));
	put_text(art, "name", h->name, strlen(h->name), &c);
	json_object_set_new(art, "sha256", json_string(h->sha256));
	json_object_set_new(art, "size", json_integer((json_int_t)h->size));
	if (h->url != NULL)
		json_object_set_new(art, "url", json_string(h->url));
	merge_missing(art, json_object_get(x, "article"));
	json_object_set_new(j, "article", art);
	merge_missing(j, json_object_get(x, "members"));
	json_decref(x);
	return j;
}
