/*
 * test_w3c.c: the Web Annotation codec.
 *
 * The export is checked against the MUSTs of the W3C Web Annotation Data
 * Model, sections 3 (annotations, bodies, targets, lifecycle times) and
 * 5 (collections and pages), one assertion per requirement, written from
 * the model's text:
 *   3.1  @context is (or holds) http://www.w3.org/ns/anno.jsonld, a
 *        string when there is one; an annotation has exactly one id, an
 *        IRI; type is (or holds) "Annotation"; at least one target.
 *   3.2  a TextualBody has exactly one value, a string; body and
 *        bodyValue are not both there; a SpecificResource target has
 *        exactly one source, an IRI.
 *   3.3.1 created, modified and generated are xsd:dateTime with the UTC
 *        time zone ("Z").
 *   4.2  a TextQuoteSelector has exactly one exact; a TextPositionSelector
 *        has a start and an end, non-negative integers.
 *   5.1  a collection has @context, exactly one id (an IRI), type
 *        "AnnotationCollection"; label a string; total a non-negative
 *        integer; one with annotations has exactly one first page (an IRI
 *        or an AnnotationPage); last, if there, an IRI.
 *   5.2  a page has exactly one id (an IRI), type "AnnotationPage", one
 *        or more items; partOf, next and prev, if there, IRIs;
 *        startIndex a non-negative integer.
 * IRIs are checked as the model's test suite checks them: the JSON
 * Schema "uri" format (RFC 3986: a scheme, and only characters a URI
 * may hold).  Then the sidecar's own shape: round trips, fields kept,
 * format 1, escapes.
 */
#include "testutil.h"
#include "testannot.h"

#include <ctype.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "artread/annot.h"
#include "artread/cpindex.h"
#include "artread/export.h"
#include "artread/jsonw.h"
#include "artread/util.h"
#include "artread/uuid.h"
#include "artread/w3c.h"

static const char ART[] =
    "Harbour vote\n\nThe council voted 7\xe2\x80\x93" "2 to approve the "
    "bridge, said Mayor L\xc3\xa9na Chen.\n";
#define ARTLEN (sizeof ART - 1)

/* ---- what the model asks ------------------------------------------- */

/* RFC 3986 URI syntax, as JSON Schema's "uri" format: a scheme, then
 * only unreserved, reserved and %XX. */
static int
is_uri(const char *s)
{
	const char *p = s;

	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' ||
	    *p == '.')
		p++;
	if (*p++ != ':' || *p == '\0')
		return 0;
	for (; *p != '\0'; p++) {
		if (*p == '%') {
			if (!isxdigit((unsigned char)p[1]) ||
			    !isxdigit((unsigned char)p[2]))
				return 0;
			p += 2;
		} else if (!isalnum((unsigned char)*p) &&
		    strchr("-._~:/?#[]@!$&'()*+,;=", *p) == NULL)
			return 0;
	}
	return 1;
}

/* xsd:dateTime with the UTC zone: YYYY-MM-DDThh:mm:ss[.s+]Z. */
static int
is_utc_datetime(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) :
		    s[i] != shape[i])
			return 0;
	}
	s += i;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return strcmp(s, "Z") == 0;
}

static json_t *
member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		fail_msg("missing \"%s\"", key);
	return v;
}

static void
assert_iri(json_t *v, const char *what)
{
	if (!json_is_string(v) || !is_uri(json_string_value(v)))
		fail_msg("%s is not an IRI: %s", what, json_is_string(v) ?
		    json_string_value(v) : "(not a string)");
}

/* type is value, or an array that holds it. */
static void
assert_type(json_t *o, const char *want)
{
	json_t *t = member(o, "type"), *x;
	size_t i;

	if (json_is_string(t) && strcmp(json_string_value(t), want) == 0)
		return;
	json_array_foreach(t, i, x) {
		if (json_is_string(x) && strcmp(json_string_value(x), want) == 0)
			return;
	}
	fail_msg("type is not %s", want);
}

static void
assert_nonneg_int(json_t *v, const char *what)
{
	if (!json_is_integer(v) || json_integer_value(v) < 0)
		fail_msg("%s is not a non-negative integer", what);
}

static void
assert_context(json_t *o)
{
	json_t *c = member(o, "@context");

	/* One value: a string, and it must be the model's. */
	assert_true(json_is_string(c));
	assert_string_equal(json_string_value(c), W3C_CONTEXT);
}

static void
assert_times(json_t *o)
{
	static const char *const keys[] = { "created", "modified",
	    "generated" };
	json_t *v;
	size_t i;

	for (i = 0; i < 3; i++) {
		if ((v = json_object_get(o, keys[i])) == NULL)
			continue;
		if (!json_is_string(v) || !is_utc_datetime(json_string_value(v)))
			fail_msg("%s is not an xsd:dateTime in UTC", keys[i]);
	}
}

static void
assert_selector(json_t *s)
{
	const char *type = json_string_value(member(s, "type"));

	if (strcmp(type, "TextQuoteSelector") == 0) {
		assert_true(json_is_string(member(s, "exact")));
		if (json_object_get(s, "prefix") != NULL)
			assert_true(json_is_string(json_object_get(s, "prefix")));
		if (json_object_get(s, "suffix") != NULL)
			assert_true(json_is_string(json_object_get(s, "suffix")));
	} else if (strcmp(type, "TextPositionSelector") == 0) {
		assert_nonneg_int(member(s, "start"), "start");
		assert_nonneg_int(member(s, "end"), "end");
		assert_true(json_integer_value(json_object_get(s, "start")) <=
		    json_integer_value(json_object_get(s, "end")));
		assert_null(json_object_get(s, "unit"));	/* not W3C */
	}
}

static void
assert_annotation(json_t *a)
{
	json_t *body, *b, *target, *sels, *s;
	size_t i;

	assert_iri(member(a, "id"), "annotation id");
	assert_type(a, "Annotation");
	assert_times(a);
	target = member(a, "target");
	assert_true(json_is_object(target));
	assert_iri(member(target, "source"), "target source");
	sels = member(target, "selector");
	assert_true(json_array_size(sels) >= 1);
	json_array_foreach(sels, i, s)
		assert_selector(s);
	assert_false(json_object_get(a, "body") != NULL &&
	    json_object_get(a, "bodyValue") != NULL);
	if ((body = json_object_get(a, "body")) == NULL)
		return;
	assert_true(json_is_array(body) && json_array_size(body) > 0);
	json_array_foreach(body, i, b) {
		if (json_object_get(b, "type") != NULL &&
		    strcmp(json_string_value(json_object_get(b, "type")),
		    "TextualBody") == 0)
			assert_true(json_is_string(member(b, "value")));
	}
}

static void
assert_collection(json_t *c, size_t n)
{
	json_t *page, *items, *it, *v;
	size_t i;

	assert_context(c);
	assert_iri(member(c, "id"), "collection id");
	assert_type(c, "AnnotationCollection");
	assert_true(json_is_string(member(c, "label")));
	assert_nonneg_int(member(c, "total"), "total");
	assert_int_equal(json_integer_value(json_object_get(c, "total")), n);
	assert_times(c);
	if (n == 0) {
		/* A page must have items: an empty collection has none. */
		assert_null(json_object_get(c, "first"));
		return;
	}
	page = member(c, "first");
	assert_true(json_is_object(page));
	assert_iri(member(page, "id"), "page id");
	assert_string_not_equal(json_string_value(json_object_get(page, "id")),
	    json_string_value(json_object_get(c, "id")));
	assert_type(page, "AnnotationPage");
	if ((v = json_object_get(page, "partOf")) != NULL) {
		assert_iri(v, "partOf");
		assert_string_equal(json_string_value(v),
		    json_string_value(json_object_get(c, "id")));
	}
	if ((v = json_object_get(page, "startIndex")) != NULL)
		assert_nonneg_int(v, "startIndex");
	assert_null(json_object_get(page, "next"));	/* one page */
	if ((v = json_object_get(c, "last")) != NULL) {
		assert_iri(v, "last");
		assert_string_equal(json_string_value(v),
		    json_string_value(json_object_get(page, "id")));
	}
	items = member(page, "items");
	assert_int_equal(json_array_size(items), n);
	json_array_foreach(items, i, it)
		assert_annotation(it);
}

/* ---- fixtures ------------------------------------------------------- */

static size_t
at(const char *s)
{
	const char *p = strstr(ART, s);

	assert_non_null(p);
	return (size_t)(p - ART);
}

static struct annot_set *
two_annotations(void)
{
	struct annot_set *set = annot_set_new();
	const char *id;
	size_t s = at("voted"), t = at("L\xc3\xa9na");

	id = annot_add(set, ART, ARTLEN, s, s + 5, "claim", "check \"7-2\"");
	annot_add_tag(set, id, "vote");
	annot_add(set, ART, ARTLEN, t, t + 5, NULL, NULL);
	return set;
}

static json_t *
export_json(const struct annot_set *set, const char *path,
    const char *source)
{
	struct export_opts o;
	json_error_t err;
	char *out = NULL, *cause = NULL;
	size_t len;
	json_t *j;
	FILE *f;

	export_opts_init(&o);
	o.source = source;
	f = open_memstream(&out, &len);
	assert_non_null(f);
	if (export_article(f, EXPORT_JSON, path, ART, ARTLEN, set, NULL, &o,
	    &cause) != 0)
		fail_msg("export: %s", cause);
	fclose(f);
	if ((j = json_loadb(out, len, 0, &err)) == NULL)
		fail_msg("export is not JSON: %s", err.text);
	free(out);
	return j;
}

/* ---- the export against the model ----------------------------------- */

/* The target source of the collection's item i. */
static const char *
item_source(json_t *j, size_t i)
{
	return json_string_value(json_object_get(json_object_get(
	    json_array_get(json_object_get(json_object_get(j, "first"),
	    "items"), i), "target"), "source"));
}

static void
export_meets_the_musts(void **state)
{
	struct annot_set *set = two_annotations(), *empty = annot_set_new();
	json_t *j;

	(void)state;
	j = export_json(set, "/srv/news/caf\xc3\xa9 story.txt", NULL);
	assert_collection(j, 2);
	/* The source: the file: URL of the path, percent-encoded. */
	assert_string_equal(item_source(j, 0),
	    "file:///srv/news/caf%C3%A9%20story.txt");
	json_decref(j);
	/* Standard input: a name for the content (RFC 6920). */
	j = export_json(set, NULL, NULL);
	assert_collection(j, 2);
	assert_int_equal(strncmp(item_source(j, 1), "ni:///sha-256;", 14), 0);
	json_decref(j);
	/* A web article: its URL, made a URI. */
	j = export_json(set, "/tmp/x.txt", "https://example.org/news/a b");
	assert_collection(j, 2);
	assert_string_equal(item_source(j, 0), "https://example.org/news/a%20b");
	json_decref(j);
	j = export_json(empty, "/tmp/x.txt", NULL);
	assert_collection(j, 0);
	json_decref(j);
	annot_set_free(empty);
	annot_set_free(set);
}

/* Kept fields from another tool still leave a conformant export. */
static void
export_with_kept_fields_still_conforms(void **state)
{
	static const char line[] =
	    "{\"id\":\"http://example.org/anno/7\",\"type\":\"Annotation\","
	    "\"created\":\"Mon, 30 Nov 2026 09:00:00 GMT\",\"motivation\":"
	    "\"commenting\",\"creator\":{\"name\":\"Ines\"},\"body\":[{\"type\":"
	    "\"TextualBody\",\"value\":\"noted\",\"language\":\"en\"},"
	    "{\"id\":\"http://example.org/ref\",\"purpose\":\"linking\"}],"
	    "\"target\":{\"source\":\"http://example.org/story\",\"selector\":"
	    "{\"type\":\"TextQuoteSelector\",\"exact\":\"bridge\"}}}";
	struct annot_set *set = annot_set_new();
	struct w3c_ctx c;
	struct cpindex *ci = cpindex_new(ART, ARTLEN);
	struct annot *a;
	json_t *in, *j, *it;
	char *why = NULL;

	(void)state;
	w3c_ctx_init(&c, W3C_CODEPOINTS, 0);
	c.bytes = ART;
	c.len = ARTLEN;
	c.cp = ci;
	in = json_loads(line, 0, NULL);
	a = w3c_decode(in, &c, &why);
	if (a == NULL)
		fail_msg("decode: %s", why);
	json_decref(in);
	annot_insert(set, a);
	annot_reanchor(set, ART, ARTLEN, NULL, NULL);
	j = export_json(set, "/tmp/x.txt", NULL);
	assert_collection(j, 1);
	it = json_array_get(json_object_get(json_object_get(j, "first"),
	    "items"), 0);
	assert_string_equal(json_string_value(json_object_get(it, "id")),
	    "http://example.org/anno/7");
	assert_string_equal(json_string_value(json_object_get(it, "created")),
	    "2026-11-30T09:00:00.000Z");
	assert_string_equal(json_string_value(json_object_get(it,
	    "motivation")), "commenting");
	assert_non_null(json_object_get(it, "creator"));
	assert_int_equal(json_array_size(json_object_get(it, "body")), 2);
	json_decref(j);
	cpindex_free(ci);
	annot_set_free(set);
}

/* ---- the sidecar shape ----------------------------------------------- */

static char *
sidecar_line(const struct annot *a)
{
	struct w3c_ctx c;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	return w3c_line(a, &c);
}

static struct annot *
read_line(const char *s, char **why)
{
	struct w3c_ctx c;
	struct annot *a;
	json_t *j;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	if ((j = json_loads(s, JSON_REJECT_DUPLICATES, NULL)) == NULL)
		fail_msg("not JSON: %s", s);
	a = w3c_decode(j, &c, why);
	json_decref(j);
	return a;
}

static void
sidecar_round_trip(void **state)
{
	static const char bytes[] = "ok \xff bad \0 nul \xe4\xb8 cut\n";
	struct annot_set *set = annot_set_new();
	const struct annot *a;
	struct annot *b, *m;
	char *line, *why = NULL;

	(void)state;
	annot_add(set, bytes, sizeof bytes - 1, 0, sizeof bytes - 2,
	    "t\xff", "n\xfe\n2");
	m = annot_dup(annot_at(set, 0));
	annot_set_anchor(m, ANNOT_CHANGED);
	memset(m->version, 'a', ANNOT_VERSION_LEN - 1);
	m->version[ANNOT_VERSION_LEN - 1] = '\0';
	m->was = xcalloc(1, sizeof *m->was);
	m->was->exact = xstrdup("it was \xfe");
	m->was->exact_len = strlen(m->was->exact);
	m->was->prefix = xstrdup("");
	m->was->suffix = xstrdup("");
	m->conflict_of = xstrdup("urn:uuid:00000000-0000-4000-8000-000000000001");
	a = m;
	line = sidecar_line(a);
	assert_non_null(strstr(line, "\"exact_b64\":"));
	assert_non_null(strstr(line, "\"unit\":\"byte\""));
	assert_non_null(strstr(line, "\"anchor\":\"changed\""));
	assert_null(strchr(line, '\n'));
	if ((b = read_line(line, &why)) == NULL)
		fail_msg("read back: %s", why);
	testannot_assert_same(a, b);
	annot_free(b);
	free(line);
	annot_free(m);
	annot_set_free(set);
}

/* Everything artread does not know survives a rewrite. */
static void
unknown_fields_kept(void **state)
{
	static const char line[] =
	    "{\"id\":\"urn:uuid:0f8e4d2a-0000-4000-8000-0000000000ff\","
	    "\"type\":\"Annotation\",\"created\":\"2024-05-01T12:00:00.000Z\","
	    "\"modified\":\"2024-05-01T12:00:00.000Z\","
	    "\"motivation\":\"tagging\",\"creator\":{\"id\":\"mailto:a@b.c\"},"
	    "\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\","
	    "\"value\":\"claim\",\"language\":\"en\"},{\"type\":"
	    "\"SpecificResource\",\"purpose\":\"linking\",\"source\":"
	    "\"https://example.org/a\"}],\"target\":{\"scope\":\"x:y\","
	    "\"selector\":[{\"type\":\"TextPositionSelector\",\"unit\":\"byte\","
	    "\"start\":0,\"end\":2,\"refinedBy\":{\"type\":\"Z\"}},{\"type\":"
	    "\"TextQuoteSelector\",\"exact\":\"ok\"},{\"type\":\"XPathSelector\","
	    "\"value\":\"/p[1]\"}]},\"artread\":{\"anchor\":\"moved\","
	    "\"futureThing\":[1,2]},\"ext:more\":true}";
	static const char *const kept[] = { "\"motivation\":\"tagging\"",
	    "\"creator\":{\"id\":\"mailto:a@b.c\"}", "\"language\":\"en\"",
	    "\"purpose\":\"linking\"", "\"scope\":\"x:y\"",
	    "\"refinedBy\":{\"type\":\"Z\"}", "\"XPathSelector\"",
	    "\"futureThing\":[1,2]", "\"ext:more\":true",
	    "\"anchor\":\"moved\"" };
	struct annot *a, *b;
	char *out, *why = NULL;
	size_t i;

	(void)state;
	if ((a = read_line(line, &why)) == NULL)
		fail_msg("read: %s", why);
	assert_int_equal(a->ntags, 1);
	assert_non_null(a->extra);
	/* An edit, then a rewrite. */
	free(a->note);
	a->note = xstrdup("edited");
	out = sidecar_line(a);
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		if (strstr(out, kept[i]) == NULL)
			fail_msg("lost %s in %s", kept[i], out);
	}
	b = read_line(out, &why);
	assert_non_null(b);
	testannot_assert_same(a, b);
	annot_free(a);
	annot_free(b);
	free(out);
}

static void
format_1_read(void **state)
{
	static const char v1[] =
	    "{\"id\":\"0F8E4D2A000040008000AAAAAAAAAAAA\",\"type\":\"Annotation\","
	    "\"created\":\"2024-05-01T12:00:00.000Z\",\"modified\":"
	    "\"2024-05-01T12:00:00Z\",\"body\":[],\"target\":{\"selector\":["
	    "{\"type\":\"TextPositionSelector\",\"unit\":\"byte\",\"start\":0,"
	    "\"end\":2},{\"type\":\"TextQuoteSelector\",\"exact\":\"ok\"}]},"
	    "\"orphaned\":true}";
	struct annot *a;
	char *why = NULL, *out;

	(void)state;
	if ((a = read_line(v1, &why)) == NULL)
		fail_msg("read: %s", why);
	assert_string_equal(a->id,
	    "urn:uuid:0f8e4d2a-0000-4000-8000-aaaaaaaaaaaa");
	assert_string_equal(a->modified, "2024-05-01T12:00:00.000Z");
	assert_true(a->orphan);
	assert_int_equal(a->anchor, ANNOT_ORPHAN);
	assert_null(a->extra);
	out = sidecar_line(a);
	assert_null(strstr(out, "orphaned"));
	assert_non_null(strstr(out, "\"anchor\":\"orphan\""));
	free(out);
	annot_free(a);
}

static void
strict_refusals(void **state)
{
	static const struct {
		const char *line, *why;
	} bad[] = {
		{ "[]", "not a JSON object" },
		{ "{\"type\":\"Note\"}", "\"type\"" },
		{ "{\"id\":\"\",\"type\":\"Annotation\"}", "\"id\" is empty" },
		{ "{\"id\":\"a\",\"type\":\"Annotation\",\"created\":3}",
		    "\"created\" is not a time stamp" },
		{ "{\"id\":\"a\",\"type\":\"Annotation\",\"created\":\"x\","
		    "\"modified\":\"x\",\"target\":{\"selector\":[{\"type\":"
		    "\"TextPositionSelector\",\"unit\":\"char\",\"start\":0,"
		    "\"end\":1}]}}", "unit \"char\"" },
		{ "{\"id\":\"a\",\"type\":\"Annotation\",\"created\":\"x\","
		    "\"modified\":\"x\",\"target\":{\"selector\":[{\"type\":"
		    "\"TextPositionSelector\",\"start\":2,\"end\":1},{\"type\":"
		    "\"TextQuoteSelector\",\"exact\":\"\"}]}}", "start is after" },
		{ "{\"id\":\"a\",\"type\":\"Annotation\",\"created\":\"x\","
		    "\"modified\":\"x\",\"target\":{\"selector\":[{\"type\":"
		    "\"TextPositionSelector\",\"start\":0,\"end\":1},{\"type\":"
		    "\"TextQuoteSelector\",\"exact\":\"\"}]},\"artread\":"
		    "{\"anchor\":\"lost\"}}", "\"anchor\"" },
	};
	struct annot *a;
	char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why = NULL;
		if ((a = read_line(bad[i].line, &why)) != NULL)
			fail_msg("accepted: %s", bad[i].line);
		if (why == NULL || strstr(why, bad[i].why) == NULL)
			fail_msg("%s: \"%s\", want \"%s\"", bad[i].line,
			    why ? why : "(none)", bad[i].why);
		free(why);
	}
}

/* Import reads leniently and normalises: nothing it writes is refused
 * by the strict reader. */
static void
lenient_read_normalises(void **state)
{
	static const char in[] =
	    "{\"id\":\"not an iri\",\"type\":[\"Annotation\",\"Thing\"],"
	    "\"created\":\"\",\"modified\":\"Mon, 30 Nov 2026 09:00:00 GMT\","
	    "\"bodyValue\":\"a plain note\",\"target\":[{\"selector\":{\"type\":"
	    "\"TextQuoteSelector\",\"exact\":\"bridge\"}}]}";
	struct w3c_ctx c;
	struct annot *a, *b;
	char *why = NULL, *line;
	json_t *j;

	(void)state;
	w3c_ctx_init(&c, W3C_CODEPOINTS, 0);
	c.bytes = ART;
	c.len = ARTLEN;
	j = json_loads(in, 0, NULL);
	a = w3c_decode(j, &c, &why);
	json_decref(j);
	if (a == NULL)
		fail_msg("decode: %s", why);
	assert_int_equal(strncmp(a->id, "urn:uuid:", 9), 0);
	assert_true(a->created[0] != '\0');
	assert_int_equal(c.times_fixed, 1);
	assert_string_equal(a->modified, "2026-11-30T09:00:00.000Z");
	assert_string_equal(a->note, "a plain note");
	assert_mem_str(a->exact, a->exact_len, "bridge");
	line = sidecar_line(a);
	b = read_line(line, &why);
	if (b == NULL)
		fail_msg("the strict reader refuses %s: %s", line, why);
	annot_free(b);
	free(line);
	annot_free(a);
}

/*
 * A string with a NUL byte where a C string is wanted (an id, conflictOf)
 * is dropped when reading leniently.  (Regression: the reader freed it
 * and then freed or read it again; ASan and clang-tidy saw it.)
 */
static void
lenient_read_drops_nul_strings(void **state)
{
	static const char in[] =
	    "{\"id\":\"urn:uuid:a\\u0000b\",\"type\":\"Annotation\","
	    "\"bodyValue\":\"note\",\"target\":{\"selector\":{\"type\":"
	    "\"TextQuoteSelector\",\"exact\":\"bridge\"}},"
	    "\"artread\":{\"conflictOf\":\"x\\u0000y\"}}";
	struct w3c_ctx c;
	struct annot *a;
	char *why = NULL;
	json_t *j;

	(void)state;
	w3c_ctx_init(&c, W3C_CODEPOINTS, 0);
	c.bytes = ART;
	c.len = ARTLEN;
	j = json_loads(in, JSON_ALLOW_NUL, NULL);
	assert_non_null(j);
	a = w3c_decode(j, &c, &why);
	json_decref(j);
	if (a == NULL)
		fail_msg("decode: %s", why);
	assert_int_equal(strncmp(a->id, "urn:uuid:", 9), 0);
	assert_null(a->conflict_of);
	annot_free(a);
	free(why);
}

static void
ids_and_iris(void **state)
{
	char *s;

	(void)state;
	s = w3c_id("0123456789abcdef0123456789ABCDEF");
	assert_string_equal(s, "urn:uuid:01234567-89ab-cdef-0123-456789abcdef");
	free(s);
	s = w3c_id("URN:UUID:01234567-89AB-CDEF-0123-456789ABCDEF");
	assert_string_equal(s, "urn:uuid:01234567-89ab-cdef-0123-456789abcdef");
	free(s);
	s = w3c_id("http://example.org/a#1");
	assert_string_equal(s, "http://example.org/a#1");
	free(s);
	s = w3c_id("a1");
	assert_true(uuid_parse(s, NULL));
	free(s);
	assert_null(w3c_id(""));
	assert_true(w3c_is_iri("urn:uuid:x"));
	assert_true(w3c_is_iri("https://example.org/caf\xc3\xa9"));
	assert_false(w3c_is_iri("story.txt"));
	assert_false(w3c_is_iri("1http://x"));
	assert_false(w3c_is_iri("http://a b"));
	assert_false(w3c_is_iri("http:"));
	s = w3c_file_iri("/a b/%/\xc3\xa9#?");
	assert_string_equal(s, "file:///a%20b/%25/%C3%A9%23%3F");
	assert_true(is_uri(s));
	free(s);
	s = w3c_content_iri("", 0);
	assert_string_equal(s, "ni:///sha-256;"
	    "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
	free(s);
}

/* Nothing a terminal acts on is written raw; other text is UTF-8. */
static void
dump_escapes_controls(void **state)
{
	json_t *j = json_object();
	char *s;

	(void)state;
	json_object_set_new(j, "v", json_string("caf\xc3\xa9 \x1b[2J \x7f "
	    "\xc2\x85 \xc2\x9b \xe2\x80\xae \xe2\x81\xa6 \xd8\x9c \xe2\x80\xa8 "
	    "\xe4\xb8\xad"));
	s = jsonw_dump(j, JSON_COMPACT);
	assert_string_equal(s, "{\"v\":\"caf\xc3\xa9 \\u001B[2J \\u007F "
	    "\\u0085 \\u009B \\u202E \\u2066 \\u061C \\u2028 \xe4\xb8\xad\"}");
	json_decref(j);
	j = json_loads(s, 0, NULL);
	assert_non_null(j);
	assert_non_null(strstr(json_string_value(json_object_get(j, "v")),
	    "\xc2\x9b"));
	json_decref(j);
	free(s);
}

static void
header_round_trip(void **state)
{
	static const char line[] =
	    "{\"type\":\"artread-annotations\",\"version\":1,\"tool\":{\"x\":1},"
	    "\"article\":{\"name\":\"s.txt\",\"sha256\":\"" "0000000000000000"
	    "000000000000000000000000000000000000000000000000\",\"size\":5,"
	    "\"url\":\"https://example.org/s\",\"lang\":\"en\"}}";
	struct w3c_header h;
	char *why = NULL, *out;
	json_t *j;

	(void)state;
	j = json_loads(line, 0, NULL);
	assert_int_equal(w3c_header_decode(j, &h, &why), 0);
	json_decref(j);
	assert_int_equal(h.version, 1);
	assert_string_equal(h.url, "https://example.org/s");
	assert_int_equal(h.size, 5);
	free(h.name);
	h.name = xstrdup("s.txt");
	out = w3c_header_line(&h);
	assert_int_equal(strncmp(out, "{\"type\":\"artread-annotations\","
	    "\"version\":2,\"article\":{\"name\":\"s.txt\",", 58), 0);
	assert_non_null(strstr(out, "\"url\":\"https://example.org/s\""));
	assert_non_null(strstr(out, "\"lang\":\"en\""));
	assert_non_null(strstr(out, "\"tool\":{\"x\":1}"));
	free(out);
	w3c_header_free(&h);
	j = json_loads("{\"type\":\"artread-annotations\",\"version\":3}", 0,
	    NULL);
	assert_int_equal(w3c_header_decode(j, &h, &why), -1);
	assert_non_null(strstr(why, "newer"));
	free(why);
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(export_meets_the_musts),
		cmocka_unit_test(export_with_kept_fields_still_conforms),
		cmocka_unit_test(sidecar_round_trip),
		cmocka_unit_test(unknown_fields_kept),
		cmocka_unit_test(format_1_read),
		cmocka_unit_test(strict_refusals),
		cmocka_unit_test(lenient_read_normalises),
		cmocka_unit_test(lenient_read_drops_nul_strings),
		cmocka_unit_test(ids_and_iris),
		cmocka_unit_test(dump_escapes_controls),
		cmocka_unit_test(header_round_trip),
	};
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
