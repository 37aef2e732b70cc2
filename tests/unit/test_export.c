/*
 * test_export.c: every export format against golden files in
 * tests/data/export/ (UPDATE_GOLDEN=1 rewrites them), plus checks that
 * do not trust the goldens: JSON parses and has the W3C fields, CSV
 * reads back, brat offsets cut out the text, Markdown passages come
 * back, and brat and JSON import what they export.
 */
#include "testutil.h"

#include <locale.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"
#include "artread/annot.h"
#include "artread/export.h"
#include "artread/import.h"
#include "artread/util.h"

static const char ART[] =
    "City council approves \"green\" budget\n"
    "\n"
    "The council voted 7\xe2\x80\x93" "2 on Tuesday to approve the budget,\n"
    "which raises spending on parks by 12%.\n"
    "\n"
    "Mayor Lee said: \"This is a historic day.\" Critics, led by\n"
    "councillor Chen (\xe9\x99\x88), disagreed.\n"
    "\n"
    "\xe6\x9d\xb1\xe4\xba\xac and \xe5\x8c\x97\xe4\xba\xac delegations "
    "attended; caf\xc3\xa9 owners cheered. A very long closing sentence "
    "follows so that the wrapping at seventy-two columns is exercised "
    "properly.\n";
#define ARTLEN (sizeof ART - 1)

#define ORPHAN_ID	"urn:uuid:00000000-0000-4000-8000-0000000000ff"
#define SOURCE		"file:///news/caf%C3%A9/story.txt"

static int ticks, ids;

static void
fake_now(char *out)
{
	snprintf(out, ANNOT_TIME_LEN, "2024-05-01T12:00:%02d.000Z", ticks++);
}

static char *
fake_id(void)
{
	return xasprintf("urn:uuid:00000000-0000-4000-8000-%012d", ++ids);
}

static size_t
at(const char *s)
{
	const char *p = strstr(ART, s);

	assert_non_null(p);
	return (size_t)(p - ART);
}

static const char *
add(struct annot_set *set, const char *s, const char *tag, const char *note)
{
	size_t b = at(s);

	return annot_add(set, ART, ARTLEN, b, b + strlen(s), tag, note);
}

/* Give an annotation an anchor state (as re-anchoring would), and for a
 * changed one the text as annotated. */
static void
set_state(struct annot_set *set, const char *id, enum annot_anchor st,
    const char *was)
{
	struct annot *a = annot_take(set, id);
	struct annot_quote q;
	char none[1] = "";

	assert_non_null(a);
	annot_set_anchor(a, st);
	if (was != NULL) {
		q.exact = (char *)was;
		q.exact_len = strlen(was);
		q.prefix = q.suffix = none;
		q.prefix_len = q.suffix_len = 0;
		a->was = annot_quote_dup(&q);
	}
	annot_insert(set, a);
}

static struct annot_set *
make_set(void)
{
	struct annot_set *set = annot_set_new();
	struct annot *o;
	const char *id;

	ticks = ids = 0;
	annot_set_clock(set, fake_now);
	annot_set_idgen(set, fake_id);
	id = add(set, "approve the budget,\nwhich raises spending", "claim",
	    "He said \"yes\", then, no.\nSecond line\twith tab");
	annot_add_tag(set, id, "budget");
	id = add(set, "Chen (\xe9\x99\x88)", "person", "Name, in Chinese");
	set_state(set, id, ANNOT_MOVED, NULL);
	add(set, "\xe6\x9d\xb1\xe4\xba\xac and \xe5\x8c\x97\xe4\xba\xac "
	    "delegations", "place", NULL);
	add(set, "\"This is a historic day.\"", "quote",
	    "*not* [really] _so_ # 1. <b>&amp; `code`");
	id = add(set, "A very long closing sentence follows so that the "
	    "wrapping at seventy-two columns is exercised properly.", "claim",
	    NULL);
	set_state(set, id, ANNOT_CHANGED, "A closing sentence, once shorter.");
	o = annot_new();
	o->id = xstrdup(ORPHAN_ID);
	strcpy(o->created, "2024-04-30T08:00:00.000Z");
	strcpy(o->modified, "2024-04-30T09:00:00.000Z");
	o->start = 40;
	o->end = 66;
	o->exact_len = strlen("a passage that was removed");
	free(o->exact);
	o->exact = xstrdup("a passage that was removed");
	o->orphan = 1;
	o->tags = xmalloc(sizeof *o->tags);
	o->tags[0] = xstrdup("removed");
	o->ntags = 1;
	free(o->note);
	o->note = xstrdup("gone in v2");
	annot_insert(set, o);
	return set;
}

static void
make_analysis(struct analysis *an)
{
	static struct quote q[1];
	static struct entity e[5];

	memset(an, 0, sizeof *an);
	q[0].start = at("\"This is");
	q[0].end = q[0].start + strlen("\"This is a historic day.\"");
	q[0].speaker_start = at("Mayor Lee");
	q[0].speaker_end = q[0].speaker_start + 9;
	e[0] = (struct entity){ at("council"), at("council") + 7, ENT_ORG };
	e[1] = (struct entity){ at("council voted"), at("council voted") + 7,
	    ENT_ORG };
	e[2] = (struct entity){ at("Lee"), at("Lee") + 3, ENT_PERSON };
	e[3] = (struct entity){ at("Chen"), at("Chen") + 4, ENT_PERSON };
	e[4] = (struct entity){ at("\xe6\x9d\xb1"), at("\xe6\x9d\xb1") + 6,
	    ENT_PLACE };
	an->quotes = q;
	an->nquotes = 1;
	an->ents = e;
	an->nents = 5;
}

/* Export to a string. */
static char *
run_export(enum export_format fmt, const struct annot_set *set,
    const struct analysis *an, const struct export_opts *o, size_t *len)
{
	char *out = NULL, *cause = NULL;
	FILE *f;

	f = open_memstream(&out, len);
	assert_non_null(f);
	if (export_article(f, fmt, "tests/story.txt", ART, ARTLEN, set, an, o,
	    &cause) != 0)
		fail_msg("export: %s", cause);
	fclose(f);
	return out;
}

/* Export an article of text t with no annotations to a string. */
static char *
export_text_of(enum export_format fmt, const struct buf *t,
    const struct analysis *an, const struct export_opts *o, size_t *len)
{
	struct annot_set *set = annot_set_new();
	char *out = NULL, *cause = NULL;
	FILE *f = open_memstream(&out, len);

	assert_non_null(f);
	if (export_article(f, fmt, "long.txt", t->data, t->len, set, an, o,
	    &cause) != 0)
		fail_msg("export: %s", cause);
	fclose(f);
	annot_set_free(set);
	return out;
}

static char *
golden_path(const char *name)
{
	FILE *f = fopen("tests/data/export/.keep", "r");

	if (f != NULL) {
		fclose(f);
		return xasprintf("tests/data/export/%s", name);
	}
	return xasprintf("%.*s/../data/export/%s",
	    (int)(strrchr(__FILE__, '/') - __FILE__), __FILE__, name);
}

static void
check_golden(const char *name, const char *got, size_t len)
{
	char *path = golden_path(name), *want;
	size_t wlen;
	FILE *f;

	if (getenv("UPDATE_GOLDEN") != NULL) {
		assert_non_null(f = fopen(path, "wb"));
		assert_int_equal(fwrite(got, 1, len, f), len);
		fclose(f);
	}
	want = util_read_file(path, &wlen);
	if (want == NULL)
		fail_msg("%s: missing (run with UPDATE_GOLDEN=1)", path);
	if (wlen != len || memcmp(want, got, len) != 0) {
		fprintf(stderr, "--- %s\n+++ got\n%s\n", path, got);
		fail_msg("%s differs from the export", path);
	}
	free(want);
	free(path);
}

static void
golden(enum export_format fmt, const char *name, int grouped, int extras)
{
	struct annot_set *set = make_set();
	struct export_opts o;
	struct analysis an;
	char *out;
	size_t len;

	make_analysis(&an);
	export_opts_init(&o);
	o.date = "2024-05-02T00:00:00.000Z";
	o.source = "file:///news/caf\xc3\xa9/story.txt";
	o.group_by_tag = grouped;
	o.with_quotes = o.with_entities = extras;
	out = run_export(fmt, set, &an, &o, &len);
	if (fmt == EXPORT_JSON)	/* percent-encoded: a URI */
		assert_non_null(strstr(out, "\"source\": \"" SOURCE "\""));
	check_golden(name, out, len);
	free(out);
	annot_set_free(set);
}

static void
golden_files(void **state)
{
	(void)state;
	golden(EXPORT_TEXT, "story.txt", 0, 0);
	golden(EXPORT_TEXT, "story-grouped.txt", 1, 1);
	golden(EXPORT_MARKDOWN, "story.md", 0, 0);
	golden(EXPORT_MARKDOWN, "story-grouped.md", 1, 1);
	golden(EXPORT_JSON, "story.json", 0, 0);
	golden(EXPORT_BRAT, "story.ann", 0, 0);
	golden(EXPORT_BRAT, "story-entities.ann", 0, 1);
	golden(EXPORT_CSV, "story.csv", 0, 0);
}

static void
format_names(void **state)
{
	(void)state;
	assert_int_equal(export_format_from_name("text"), EXPORT_TEXT);
	assert_int_equal(export_format_from_name("md"), EXPORT_MARKDOWN);
	assert_int_equal(export_format_from_name("markdown"), EXPORT_MARKDOWN);
	assert_int_equal(export_format_from_name("json"), EXPORT_JSON);
	assert_int_equal(export_format_from_name("brat"), EXPORT_BRAT);
	assert_int_equal(export_format_from_name("csv"), EXPORT_CSV);
	assert_int_equal(export_format_from_name("xml"), -1);
	assert_int_equal(import_format_from_name("brat"), IMPORT_BRAT);
	assert_int_equal(import_format_from_name("csv"), -1);
}

static const char *
sget(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	if (s == NULL)
		fail_msg("missing string \"%s\"", k);
	return s;
}

static void
json_is_w3c(void **state)
{
	struct annot_set *set = make_set();
	json_t *root, *items, *it, *sel, *body;
	json_error_t err;
	const struct annot *a;
	char *out;
	size_t len, i;

	(void)state;
	/* Invalid bytes and NUL in the article's passage must still work. */
	out = run_export(EXPORT_JSON, set, NULL, NULL, &len);
	root = json_loadb(out, len, 0, &err);
	if (root == NULL)
		fail_msg("JSON: %s", err.text);
	assert_string_equal(sget(root, "@context"),
	    "http://www.w3.org/ns/anno.jsonld");
	assert_string_equal(sget(root, "type"), "AnnotationCollection");
	assert_int_equal(json_integer_value(json_object_get(root, "total")),
	    annot_count(set));
	assert_string_equal(sget(json_object_get(root, "first"), "type"),
	    "AnnotationPage");
	items = json_object_get(json_object_get(root, "first"), "items");
	assert_int_equal(json_array_size(items), annot_count(set));
	json_array_foreach(items, i, it) {
		a = annot_at(set, i);
		assert_string_equal(sget(it, "type"), "Annotation");
		assert_string_equal(sget(it, "id"), a->id);
		assert_string_equal(sget(it, "created"), a->created);
		assert_string_equal(sget(it, "modified"), a->modified);
		assert_true(strncmp(sget(json_object_get(it, "target"),
		    "source"), "file:///", 8) == 0);
		assert_non_null(strstr(sget(json_object_get(it, "target"),
		    "source"), "/tests/story.txt"));
		sel = json_object_get(json_object_get(it, "target"),
		    "selector");
		assert_string_equal(sget(json_array_get(sel, 0), "type"),
		    "TextPositionSelector");
		assert_string_equal(sget(json_array_get(sel, 1), "type"),
		    "TextQuoteSelector");
		body = json_object_get(it, "body");
		assert_int_equal(json_array_size(body), a->ntags +
		    (*a->note != '\0'));
		assert_string_equal(sget(json_object_get(it, "artread"),
		    "anchor"), annot_anchor_name(annot_anchor_of(a)));
		assert_string_equal(sget(json_array_get(body, 0), "purpose"),
		    "tagging");
		if (!a->orphan) {
			/* Code points, not bytes. */
			assert_int_equal(json_integer_value(json_object_get(
			    json_array_get(sel, 0), "start")),
			    utf8_count(ART, a->start));
			assert_mem_str(a->exact, a->exact_len,
			    sget(json_array_get(sel, 1), "exact"));
		}
	}
	json_decref(root);
	free(out);
	annot_set_free(set);
}

/* A tiny RFC 4180 reader: the next field; *eol set at a record's end. */
static char *
csv_next(const char **p, int *eol)
{
	struct buf b;
	const char *s = *p;

	buf_init(&b);
	if (*s == '"') {
		for (s++; ; s++) {
			assert_true(*s != '\0');
			if (*s == '"' && s[1] == '"')
				buf_addc(&b, *s++);
			else if (*s == '"')
				break;
			else
				buf_addc(&b, *s);
		}
		s++;
	} else {
		while (*s != ',' && *s != '\r' && *s != '\0') {
			assert_true(*s != '\n' && *s != '"');
			buf_addc(&b, *s++);
		}
	}
	if (*s == ',') {
		*eol = 0;
		s++;
	} else {
		assert_int_equal(s[0], '\r');
		assert_int_equal(s[1], '\n');
		*eol = 1;
		s += 2;
	}
	*p = s;
	return buf_steal(&b);
}

static void
csv_reads_back(void **state)
{
	static const char *const header[] = { "id", "tag", "start", "end",
	    "exact", "note", "created", "modified", "orphaned", "state", "was",
	    "source" };
	struct annot_set *set = make_set();
	const struct annot *a;
	const char *p;
	char *out, *f[12], *want;
	size_t len, i, row;
	int eol;

	(void)state;
	out = run_export(EXPORT_CSV, set, NULL, NULL, &len);
	p = out;
	for (row = 0; *p != '\0'; row++) {
		for (i = 0; i < 12; i++) {
			f[i] = csv_next(&p, &eol);
			assert_int_equal(eol, i == 11);
		}
		if (row == 0) {
			for (i = 0; i < 12; i++)
				assert_string_equal(f[i], header[i]);
		} else {
			a = annot_at(set, row - 1);
			assert_string_equal(f[0], a->id);
			want = a->ntags == 2 ? xasprintf("%s;%s", a->tags[0],
			    a->tags[1]) : xstrdup(a->tags[0]);
			assert_string_equal(f[1], want);
			free(want);
			assert_int_equal(strtoul(f[2], NULL, 10), a->start);
			assert_int_equal(strtoul(f[3], NULL, 10), a->end);
			assert_mem_str(a->exact, a->exact_len, f[4]);
			assert_string_equal(f[5], a->note);
			assert_string_equal(f[6], a->created);
			assert_string_equal(f[7], a->modified);
			assert_string_equal(f[8], a->orphan ? "true" : "false");
			assert_string_equal(f[9],
			    annot_anchor_name(annot_anchor_of(a)));
			if (a->was != NULL)
				assert_mem_str(a->was->exact, a->was->exact_len,
				    f[10]);
			else
				assert_string_equal(f[10], "");
			/* The W3C target's source: the file: URL. */
			assert_true(strncmp(f[11], "file:///", 8) == 0);
			assert_non_null(strstr(f[11], "/tests/story.txt"));
		}
		for (i = 0; i < 12; i++)
			free(f[i]);
	}
	assert_int_equal(row, annot_count(set) + 1);
	free(out);
	annot_set_free(set);
}

/* The byte offset of code point cp in ART. */
static size_t
cp_byte(size_t cp)
{
	size_t i = 0, n = 0, k;

	while (n < cp) {
		k = utf8_decode(ART + i, ARTLEN - i, NULL);
		i += k == 0 ? 1 : k;
		n++;
	}
	return i;
}

static void
brat_offsets_cut_text(void **state)
{
	struct annot_set *set = make_set();
	struct buf frags;
	char *out, *line, *next, *text, *offs;
	unsigned long s, e;
	size_t len, n = 0;
	int k;

	(void)state;
	out = run_export(EXPORT_BRAT, set, NULL, NULL, &len);
	for (line = out; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		assert_non_null(next);
		*next++ = '\0';
		if (*line != 'T')
			continue;
		n++;
		offs = strchr(line, ' ') + 1;
		text = strchr(offs, '\t') + 1;
		buf_init(&frags);
		do {
			assert_int_equal(sscanf(offs, "%lu %lu%n", &s, &e, &k),
			    2);
			if (frags.len > 0)
				buf_addc(&frags, ' ');
			buf_add(&frags, ART + cp_byte(s), cp_byte(e) -
			    cp_byte(s));
			assert_null(memchr(ART + cp_byte(s), '\n',
			    cp_byte(e) - cp_byte(s)));
			offs += k;
		} while (*offs++ == ';');
		assert_string_equal(frags.data, text);
		buf_free(&frags);
	}
	/* One line per tag of the anchored ones; the orphan is left out. */
	assert_int_equal(n, 6);
	assert_non_null(strstr(out, "T1\tclaim 74 93;94 115\t"));
	free(out);
	annot_set_free(set);
}

/* Undo CommonMark backslash escapes. */
static char *
md_unescape(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0' && strchr("!\"#$%&'()*+,-./:;<=>?@"
		    "[\\]^_`{|}~", s[1]) != NULL)
			s++;
		buf_addc(&b, *s);
	}
	return buf_steal(&b);
}

/* a's text with white-space runs as one space. */
static char *
collapsed(const struct annot *a)
{
	struct buf b;
	size_t i;
	int sp = 0;

	buf_init(&b);
	for (i = 0; i < a->exact_len; i++) {
		if (strchr(" \n\t", a->exact[i]) != NULL) {
			sp = 1;
			continue;
		}
		if (sp && b.len > 0)
			buf_addc(&b, ' ');
		sp = 0;
		buf_addc(&b, a->exact[i]);
	}
	return buf_steal(&b);
}

static void
markdown_passages_round_trip(void **state)
{
	struct annot_set *set = make_set();
	char *out, *line, *next, *u, *c;
	size_t len, n = 0;

	(void)state;
	out = run_export(EXPORT_MARKDOWN, set, NULL, NULL, &len);
	for (line = out; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (strncmp(line, "> ", 2) != 0)
			continue;
		assert_true(n < annot_count(set));
		u = md_unescape(line + 2);
		c = collapsed(annot_at(set, n++));
		assert_string_equal(u, c);
		free(u);
		free(c);
	}
	assert_int_equal(n, annot_count(set));
	free(out);
	annot_set_free(set);
}

static void
import_round_trip(enum export_format ef, enum import_format inf)
{
	struct annot_set *set = make_set(), *back = annot_set_new();
	struct import_stats st;
	const struct annot *a, *b;
	char *out, *cause = NULL, *flat;
	size_t len, count, i, j;

	out = run_export(ef, set, NULL, NULL, &len);
	if (import_buffer(inf, "x", out, len, ART, ARTLEN, back, &st,
	    &cause) != 0)
		fail_msg("import: %s", cause);
	count = st.added;
	/* brat cannot hold orphans. */
	assert_int_equal(count, annot_count(set) - (ef == EXPORT_BRAT));
	for (i = 0; i < count; i++) {
		a = annot_at(set, i);
		b = annot_at(back, i);
		if (ef == EXPORT_JSON) {
			assert_string_equal(a->id, b->id);
			assert_string_equal(a->created, b->created);
			assert_string_equal(a->modified, b->modified);
			assert_string_equal(a->note, b->note);
		} else {
			flat = xstrdup(a->note);
			for (j = 0; flat[j] != '\0'; j++)
				if (flat[j] == '\n' || flat[j] == '\t')
					flat[j] = ' ';
			assert_string_equal(flat, b->note);
			free(flat);
		}
		assert_int_equal(a->start, b->start);
		assert_int_equal(a->end, b->end);
		assert_int_equal(a->orphan, b->orphan);
		assert_int_equal(a->ntags, b->ntags);
		for (j = 0; j < a->ntags; j++)
			assert_string_equal(a->tags[j], b->tags[j]);
		assert_int_equal(a->exact_len, b->exact_len);
		assert_memory_equal(a->exact, b->exact, a->exact_len);
	}
	if (ef == EXPORT_JSON) {
		b = annot_find(back, ORPHAN_ID);
		assert_non_null(b);
		assert_true(b->orphan);
	}
	/* Importing again adds nothing new with the same ids (JSON). */
	if (ef == EXPORT_JSON) {
		assert_int_equal(import_buffer(inf, "x", out, len, ART, ARTLEN,
		    back, &st, &cause), 0);
		assert_int_equal(st.added, 0);
		assert_int_equal(st.conflicts, 0);
	}
	free(out);
	annot_set_free(set);
	annot_set_free(back);
}

static void
brat_and_json_import(void **state)
{
	char *cause = NULL;
	struct annot_set *set = annot_set_new();

	(void)state;
	import_round_trip(EXPORT_BRAT, IMPORT_BRAT);
	import_round_trip(EXPORT_JSON, IMPORT_JSON);
	assert_int_equal(import_buffer(IMPORT_BRAT, "bad.ann", "T1\tx 5 x\tt\n",
	    12, ART, ARTLEN, set, NULL, &cause), -1);
	assert_string_equal(cause, "bad.ann:1: bad offsets \"5 x\"");
	free(cause);
	assert_int_equal(import_buffer(IMPORT_JSON, "bad.json", "{\n\"a\":", 6,
	    ART, ARTLEN, set, NULL, &cause), -1);
	assert_non_null(strstr(cause, "bad.json:2: bad JSON"));
	free(cause);
	assert_int_equal(annot_count(set), 0);
	annot_set_free(set);
}

static void
invalid_bytes_still_valid_json(void **state)
{
	const char text[] = "ok \xff\xfe bad \0 nul \xe4\xb8 cut\n";
	struct annot_set *set = annot_set_new();
	char *out = NULL, *cause = NULL;
	json_error_t err;
	json_t *root;
	size_t len;
	FILE *f;

	(void)state;
	annot_add(set, text, sizeof text - 1, 0, sizeof text - 2, "t\xff",
	    "n\xfe");
	f = open_memstream(&out, &len);
	assert_int_equal(export_article(f, EXPORT_JSON, NULL, text,
	    sizeof text - 1, set, NULL, NULL, &cause), 0);
	fclose(f);
	root = json_loadb(out, len, 0, &err);
	assert_non_null(root);
	/* "ok " 3, two bad bytes 2, " bad " 5, NUL 1, " nul " 5, 2 bad,
	 * " cut" 4 = 22 code points. */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
	    json_object_get(json_object_get(json_array_get(json_object_get(
	    json_object_get(root, "first"), "items"), 0), "target"),
	    "selector"), 0), "end")), 22);
	json_decref(root);
	free(out);
	annot_set_free(set);
}

/* The text report of text[0, len) and its annotations, a new string. */
static char *
text_report(const char *text, size_t len, struct annot_set *set)
{
	struct export_opts o;
	char *out = NULL, *cause = NULL;
	size_t n;
	FILE *f;

	export_opts_init(&o);
	o.date = "D";
	f = open_memstream(&out, &n);
	assert_int_equal(export_article(f, EXPORT_TEXT, "t.txt", text, len,
	    set, NULL, &o, &cause), 0);
	fclose(f);
	return out;
}

static void
text_wraps_wide_characters(void **state)
{
	struct annot_set *set = annot_set_new();
	char text[200 * 3], *out, *line, *nl;
	size_t i;

	(void)state;
	for (i = 0; i < 60; i++)
		memcpy(text + 3 * i, "\xe4\xb8\xad", 3);
	annot_add(set, text, 180, 0, 180, "wide", NULL);
	out = text_report(text, 180, set);
	line = strstr(out, "    > ");
	assert_non_null(line);
	nl = strchr(line, '\n');
	/* 6 columns of lead, then 33 characters 2 columns wide = 72. */
	assert_int_equal(nl - line, 6 + 33 * 3);
	line = nl + 1;
	nl = strchr(line, '\n');
	assert_int_equal(nl - line, 6 + 27 * 3);
	free(out);
	annot_set_free(set);
}

/* Control characters in the text, a tag and a note show as the pager
 * shows them (^[, ^G, <U+0085>), never raw, never as U+FFFD (tester
 * F18: the text export said U+FFFD where csv said ^[); CRLF in a note
 * is a line break. */
static void
text_shows_controls_as_the_pager(void **state)
{
	static const char text[] = "Title\n\nA \033[31mred\007 bell "
	    "and \xc2\x85 next.\n";
	struct annot_set *set = annot_set_new();
	char *out;

	(void)state;
	annot_add(set, text, sizeof text - 1, 7, sizeof text - 2, "claim",
	    "one\r\ntwo\033");
	out = text_report(text, sizeof text - 1, set);
	assert_non_null(strstr(out, "A ^[[31mred^G bell and <U+0085> next."));
	assert_non_null(strstr(out, "one\n"));
	assert_non_null(strstr(out, "two^[\n"));
	assert_null(strchr(out, '\033'));
	assert_null(strchr(out, '\007'));
	assert_null(strchr(out, '\r'));
	assert_null(strstr(out, "\xef\xbf\xbd"));
	free(out);
	annot_set_free(set);
}

/* The text export keeps a note's white space as written: indents, runs
 * of spaces, tabs, empty lines. */
static void
text_keeps_note_white_space(void **state)
{
	static const char note[] = "  indented,  two spaces\n\n\tand a "
	    "tab:\n- one\n-   two";
	struct annot_set *set = annot_set_new();
	struct export_opts o;
	char *out;
	size_t len;

	(void)state;
	annot_add(set, ART, ARTLEN, 0, 8, "claim", note);
	export_opts_init(&o);
	o.date = "D";
	out = run_export(EXPORT_TEXT, set, NULL, &o, &len);
	assert_non_null(strstr(out, "    Note:   indented,  two spaces\n"
	    "\n"
	    "          \tand a tab:\n"
	    "          - one\n"
	    "          -   two\n"));
	free(out);
	annot_set_free(set);
}

/*
 * More quotes than the export keeps in memory (they wait in a temporary
 * file for their count): the count first, every quote once and in
 * order, then the entities; Markdown still ends in one line break.
 */
static void
long_quotes_spill(void **state)
{
	enum { N = 40000 };
	struct annot_set *set = annot_set_new();
	struct export_opts o;
	struct analysis an;
	struct buf t;
	char *out, *p, want[64];
	size_t len, i, lines;

	(void)state;
	buf_init(&t);
	memset(&an, 0, sizeof an);
	an.quotes = xcalloc(N, sizeof *an.quotes);
	an.ents = xcalloc(N, sizeof *an.ents);
	for (i = 0; i < N; i++) {
		an.quotes[i].start = t.len;
		buf_printf(&t, "\"Quote number %05zu, long enough to wrap "
		    "nowhere.\"", i);
		an.quotes[i].end = t.len;
		buf_adds(&t, " said ");
		an.quotes[i].speaker_start = an.ents[i].start = t.len;
		buf_adds(&t, "Ann Lee");
		an.quotes[i].speaker_end = an.ents[i].end = t.len;
		an.ents[i].type = ENT_PERSON;
		buf_adds(&t, ".\n\n");
	}
	an.nquotes = an.nents = N;
	export_opts_init(&o);
	o.date = "D";
	o.with_quotes = o.with_entities = 1;

	out = export_text_of(EXPORT_TEXT, &t, &an, &o, &len);
	assert_true(len > 2u << 20);
	p = strstr(out, "Quotes (40000)\n\n    > \"Quote number 00000,");
	assert_non_null(p);
	for (i = 0, lines = 0; (p = strstr(p, "\n    > ")) != NULL; p++, i++) {
		snprintf(want, sizeof want, "\n    > \"Quote number %05zu,",
		    lines);
		assert_memory_equal(p, want, strlen(want));
		lines++;
	}
	assert_int_equal(lines, N);
	assert_non_null(strstr(out, "      -- Ann Lee\n\nEntities (1)\n\n"
	    "    PERSON   Ann Lee (40000)\n\n"));
	free(out);

	o.with_entities = 0;
	out = export_text_of(EXPORT_MARKDOWN, &t, &an, &o, &len);
	assert_non_null(strstr(out, "## Quotes\n\n- \"Quote number 00000,"));
	assert_true(len > 2 && strcmp(out + len - 2, "*\n") == 0);
	assert_non_null(strstr(out, "number 39999, long enough to wrap "
	    "nowhere.\" \xe2\x80\x94 *Ann Lee*\n"));
	free(out);

	free(an.quotes);
	free(an.ents);
	buf_free(&t);
	annot_set_free(set);
}

/* --bom: a UTF-8 byte order mark before the CSV header, once; the
 * source column. */
static void
csv_byte_order_mark(void **state)
{
	struct annot_set *set = make_set();
	struct export_opts o;
	char *out;
	size_t len;

	(void)state;
	export_opts_init(&o);
	assert_int_equal(o.bom, 0);
	out = run_export(EXPORT_CSV, set, NULL, &o, &len);
	assert_memory_equal(out, "id,", 3);
	free(out);
	o.bom = 1;
	out = run_export(EXPORT_CSV, set, NULL, &o, &len);
	assert_memory_equal(out, "\xef\xbb\xbfid,", 6);
	assert_null(strstr(out + 3, "\xef\xbb\xbf"));
	free(out);
	o.header = 0;	/* the second article in one stream: no mark */
	out = run_export(EXPORT_CSV, set, NULL, &o, &len);
	assert_null(strstr(out, "\xef\xbb\xbf"));
	free(out);
	/* A web article's CSV names its URL in the source column, as the
	 * W3C export does. */
	o.header = 1;
	o.source = "https://news.example/2026/ferry?id=7";
	out = run_export(EXPORT_CSV, set, NULL, &o, &len);
	assert_non_null(strstr(out, "orphaned,state,was,source\r\n"));
	assert_non_null(strstr(out, ",https://news.example/2026/ferry?id=7\r\n"));
	assert_null(strstr(out, "file:"));
	free(out);
	annot_set_free(set);
}

/* Check one answer to the export prompt: want_fmt (-1: refused) and
 * want_path (NULL: none). */
static void
request_is(const char *typed, int want_fmt, const char *want_path)
{
	char *path = NULL;
	int f = -2;

	if (export_parse_request(typed, &f, &path) != 0) {
		assert_int_equal(want_fmt, -1);
		assert_null(path);
		return;
	}
	assert_int_equal(f, want_fmt);
	if (want_path == NULL)
		assert_null(path);
	else
		assert_string_equal(path, want_path);
	free(path);
}

/* The X prompt takes a file name too (F3): alone, after a format. */
static void
prompt_takes_a_file(void **state)
{
	(void)state;
	request_is("", EXPORT_TEXT, NULL);
	request_is("  csv ", EXPORT_CSV, NULL);
	request_is("md", EXPORT_MARKDOWN, NULL);
	request_is("csv /tmp/x.csv", EXPORT_CSV, "/tmp/x.csv");
	request_is("json  my notes.txt ", EXPORT_JSON, "my notes.txt");
	request_is("/tmp/x.txt", EXPORT_TEXT, "/tmp/x.txt");
	request_is("/tmp/x.CSV", EXPORT_CSV, "/tmp/x.CSV");
	request_is("notes.md", EXPORT_MARKDOWN, "notes.md");
	request_is("~/out.ann", EXPORT_BRAT, "~/out.ann");
	request_is("/tmp/x", EXPORT_TEXT, "/tmp/x");
	request_is("cvs", -1, NULL);
	assert_int_equal(export_format_of_file("a.d/b"), -1);
	assert_int_equal(export_format_of_file("b.jsonld"), EXPORT_JSON);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prompt_takes_a_file),
		cmocka_unit_test(text_keeps_note_white_space),
		cmocka_unit_test(text_shows_controls_as_the_pager),
		cmocka_unit_test(long_quotes_spill),
		cmocka_unit_test(csv_byte_order_mark),
		cmocka_unit_test(golden_files),
		cmocka_unit_test(format_names),
		cmocka_unit_test(json_is_w3c),
		cmocka_unit_test(csv_reads_back),
		cmocka_unit_test(brat_offsets_cut_text),
		cmocka_unit_test(markdown_passages_round_trip),
		cmocka_unit_test(brat_and_json_import),
		cmocka_unit_test(invalid_bytes_still_valid_json),
		cmocka_unit_test(text_wraps_wide_characters),
	};
	setlocale(LC_CTYPE, "C.UTF-8");	/* as main() makes sure */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
