/*
 * w3c.c: the Web Annotation codec (writing; w3c_read.c reads), and with
 * it the sidecar format.
 *
 * The sidecar (FILE.annotations.jsonl) is JSON Lines.  Line 1 is the
 * header:
 *
 *   {"type":"artread-annotations","version":2,
 *    "article":{"name":"story.txt","sha256":"<64 hex>","size":1234,
 *     "url":"https://example.org/news/story"}}
 *
 * "url" is there only for an article that came from the web; "path"
 * (the article's real path) only in a file kept in the data directory
 * by path, with "seed", the SHA-256 of the file beside the article it
 * was made from, if it was; "adopted" names the text whose annotations
 * kept by content (made on standard input) were taken in.  Members
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/b64.h"
#include "artread/jsonw.h"
#include "artread/sha256.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/uuid.h"
#include "w3c_int.h"

void
w3c_ctx_init(struct w3c_ctx *c, enum w3c_unit unit, int strict)
{
	memset(c, 0, sizeof *c);
	c->unit = unit;
	c->strict = strict;
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

/* ---- writing an annotation ----------------------------------------- */

/* "key": s[0, len), with "key_b64" too in the byte unit if it is not
 * clean UTF-8 (a readable copy with U+FFFD, and the exact bytes). */
static void
put_text(struct jsonw *w, const char *key, const char *s, size_t len,
    const struct w3c_ctx *c)
{
	char *lossy, *b64, k64[W3C_KEY_MAX];
	size_t llen;

	jsonw_key(w, key);
	if (annot_utf8_valid(s, len)) {
		jsonw_str(w, s, len);
		return;
	}
	lossy = utf8_lossy(s, len, &llen);
	jsonw_str(w, lossy, llen);
	free(lossy);
	if (c->unit != W3C_BYTES)
		return;
	b64 = b64_encode(s, len);
	jsonw_key(w, w3c_b64_key(key, k64));
	jsonw_cstr(w, b64);
	free(b64);
}

static void
put_string(struct jsonw *w, const char *key, const char *value)
{
	jsonw_key(w, key);
	jsonw_cstr(w, value);
}

/* The members of a kept object (NULL: none), after the known ones. */
static void
put_kept_members(struct jsonw *w, json_t *kept)
{
	const char *k;
	json_t *v;

	json_object_foreach(kept, k, v) {
		jsonw_key(w, k);
		jsonw_json(w, v);
	}
}

/* The items of a kept array (NULL: none). */
static void
put_kept_items(struct jsonw *w, json_t *kept)
{
	json_t *v;
	size_t i;

	json_array_foreach(kept, i, v)
		jsonw_json(w, v);
}

static void
put_quote(struct jsonw *w, const char *exact, size_t elen,
    const char *prefix, size_t plen, const char *suffix, size_t slen,
    const struct w3c_ctx *c)
{
	put_text(w, "exact", exact, elen, c);
	put_text(w, "prefix", prefix, plen, c);
	put_text(w, "suffix", suffix, slen, c);
}

static void
textual_body(struct jsonw *w, const char *purpose, const char *value,
    json_t *kept, const struct w3c_ctx *c)
{
	jsonw_open(w, '{');
	put_string(w, "type", "TextualBody");
	put_string(w, "purpose", purpose);
	put_text(w, "value", value, strlen(value), c);
	put_string(w, "format", W3C_FORMAT);
	put_kept_members(w, kept);
	jsonw_close(w, '{');
}

/* Tags, the note, and the bodies kept; nothing when there are none. */
static void
put_bodies(struct jsonw *w, const struct annot *a, json_t *x,
    const struct w3c_ctx *c)
{
	json_t *kept = json_object_get(x, "bodyMembers");
	json_t *other = json_object_get(x, "bodies");
	char *k;
	size_t i;

	if (a->ntags == 0 && *a->note == '\0' && json_array_size(other) == 0)
		return;
	jsonw_key(w, "body");
	jsonw_open(w, '[');
	for (i = 0; i < a->ntags; i++) {
		k = w3c_body_key("tagging", a->tags[i]);
		textual_body(w, "tagging", a->tags[i], json_object_get(kept, k),
		    c);
		free(k);
	}
	if (*a->note != '\0')
		textual_body(w, "commenting", a->note, json_object_get(kept,
		    "commenting:"), c);
	put_kept_items(w, other);
	jsonw_close(w, '[');
}

/* An offset in the unit of c. */
static long long
offset_out(size_t off, const struct w3c_ctx *c)
{
	if (c->unit == W3C_CODEPOINTS)
		off = c->cp != NULL ? cpindex_to_cp(c->cp, off) :
		    utf8_count(c->bytes, off > c->len ? c->len : off);
	return (long long)off;
}

static void
put_target(struct jsonw *w, const struct annot *a, json_t *x,
    const struct w3c_ctx *c)
{
	json_t *kept = json_object_get(x, "selectorMembers");

	jsonw_key(w, "target");
	jsonw_open(w, '{');
	if (c->source != NULL)
		put_string(w, "source", c->source);
	jsonw_key(w, "selector");
	jsonw_open(w, '[');
	jsonw_open(w, '{');
	put_string(w, "type", "TextPositionSelector");
	if (c->unit == W3C_BYTES)
		put_string(w, "unit", "byte");
	jsonw_key(w, "start");
	jsonw_int(w, offset_out(a->start, c));
	jsonw_key(w, "end");
	jsonw_int(w, offset_out(a->end, c));
	put_kept_members(w, json_object_get(kept, "TextPositionSelector"));
	jsonw_close(w, '{');
	jsonw_open(w, '{');
	put_string(w, "type", "TextQuoteSelector");
	put_quote(w, a->exact, a->exact_len, a->prefix, a->prefix_len,
	    a->suffix, a->suffix_len, c);
	put_kept_members(w, json_object_get(kept, "TextQuoteSelector"));
	jsonw_close(w, '{');
	put_kept_items(w, json_object_get(x, "selectors"));
	jsonw_close(w, '[');
	put_kept_members(w, json_object_get(x, "target"));
	jsonw_close(w, '{');
}

static void
put_ext(struct jsonw *w, const struct annot *a, json_t *x,
    const struct w3c_ctx *c)
{
	char *id;

	jsonw_key(w, "artread");
	jsonw_open(w, '{');
	put_string(w, "anchor", annot_anchor_name(annot_anchor_of(a)));
	if (a->version[0] != '\0')
		put_string(w, "version", a->version);
	if (a->was != NULL) {
		jsonw_key(w, "was");
		jsonw_open(w, '{');
		put_quote(w, a->was->exact, a->was->exact_len,
		    a->was->prefix, a->was->prefix_len, a->was->suffix,
		    a->was->suffix_len, c);
		jsonw_close(w, '{');
	}
	if ((id = w3c_id(a->conflict_of)) != NULL) {
		put_string(w, "conflictOf", id);
		free(id);
	}
	put_kept_members(w, json_object_get(x, "artread"));
	jsonw_close(w, '{');
}

void
w3c_write(struct jsonw *w, const struct annot *a, struct w3c_ctx *c)
{
	json_t *x = a->extra != NULL ? json_loads(a->extra, 0, NULL) : NULL;
	char *id = w3c_id(a->id);

	jsonw_open(w, '{');
	put_string(w, "id", id != NULL ? id : "");
	free(id);
	put_string(w, "type", "Annotation");
	put_string(w, "created", a->created);
	put_string(w, "modified", a->modified);
	put_bodies(w, a, x, c);
	put_target(w, a, x, c);
	put_ext(w, a, x, c);
	put_kept_members(w, json_object_get(x, "members"));
	jsonw_close(w, '{');
	json_decref(x);
}

char *
w3c_line(const struct annot *a, struct w3c_ctx *c)
{
	struct jsonw w;
	struct buf b;

	buf_init(&b);
	jsonw_init(&w, &b, 0, 0);
	w3c_write(&w, a, c);
	return buf_steal(&b);
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

/* Write b and empty it; -1 on a write error. */
static int
flush_buf(FILE *out, struct buf *b)
{
	int rc = b->len > 0 && fwrite(b->data, 1, b->len, out) != b->len ?
	    -1 : 0;

	buf_reset(b);
	return rc;
}

int
w3c_write_collection(FILE *out, const struct annot_set *set,
    const char *label, const char *generated, struct w3c_ctx *c)
{
	char coll[UUID_URN_LEN], page[UUID_URN_LEN];
	size_t i, n = annot_count(set);
	struct jsonw w;
	struct buf b;
	int rc = 0;

	collection_ids(set, c->source, coll, page);
	buf_init(&b);
	jsonw_init(&w, &b, 2, 0);
	jsonw_open(&w, '{');
	put_string(&w, "@context", W3C_CONTEXT);
	put_string(&w, "id", coll);
	put_string(&w, "type", "AnnotationCollection");
	put_string(&w, "label", label);
	put_string(&w, "generated", generated);
	jsonw_key(&w, "total");
	jsonw_int(&w, (long long)n);
	/* A page MUST have items: an empty collection has no page. */
	if (n > 0) {
		jsonw_key(&w, "first");
		jsonw_open(&w, '{');
		put_string(&w, "id", page);
		put_string(&w, "type", "AnnotationPage");
		put_string(&w, "partOf", coll);
		jsonw_key(&w, "startIndex");
		jsonw_int(&w, 0);
		jsonw_key(&w, "items");
		jsonw_open(&w, '[');
		for (i = 0; i < n && rc == 0; i++) {
			w3c_write(&w, annot_at(set, i), c);
			if (b.len > 65536)
				rc = flush_buf(out, &b);
		}
		jsonw_close(&w, '[');
		jsonw_close(&w, '{');
		put_string(&w, "last", page);
	}
	jsonw_close(&w, '{');
	buf_addc(&b, '\n');
	if (rc == 0)
		rc = flush_buf(out, &b);
	buf_free(&b);
	return rc;
}

/* ---- the sidecar header --------------------------------------------- */

void
w3c_header_free(struct w3c_header *h)
{
	free(h->name);
	free(h->url);
	free(h->path);
	free(h->extra);
	memset(h, 0, sizeof *h);
}

char *
w3c_header_line(const struct w3c_header *h)
{
	json_t *x = h->extra != NULL ? json_loads(h->extra, 0, NULL) : NULL;
	struct w3c_ctx c;
	struct jsonw w;
	struct buf b;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	buf_init(&b);
	jsonw_init(&w, &b, 0, 0);
	jsonw_open(&w, '{');
	put_string(&w, "type", W3C_SIDECAR_TYPE);
	jsonw_key(&w, "version");
	jsonw_int(&w, W3C_SIDECAR_VERSION);
	jsonw_key(&w, "article");
	jsonw_open(&w, '{');
	put_text(&w, "name", h->name, strlen(h->name), &c);
	put_string(&w, "sha256", h->sha256);
	jsonw_key(&w, "size");
	jsonw_int(&w, (long long)h->size);
	if (h->url != NULL)
		put_string(&w, "url", h->url);
	if (h->path != NULL)
		put_text(&w, "path", h->path, strlen(h->path), &c);
	put_kept_members(&w, json_object_get(x, "article"));
	jsonw_close(&w, '{');
	if (h->seed[0] != '\0')
		put_string(&w, "seed", h->seed);
	if (h->adopted[0] != '\0')
		put_string(&w, "adopted", h->adopted);
	put_kept_members(&w, json_object_get(x, "members"));
	jsonw_close(&w, '{');
	json_decref(x);
	return buf_steal(&b);
}
