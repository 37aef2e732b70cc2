/*
 * test_import.c: importing brat and W3C JSON: what is validated and
 * normalised, what is skipped and said, what is refused; the sidecar an
 * import writes must be one artread reads back.
 */
#include "testutil.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/annot.h"
#include "artread/doc.h"
#include "artread/export.h"
#include "artread/import.h"
#include "artread/sha256.h"
#include "artread/sidecar.h"
#include "artread/util.h"

static const char ART[] = "The council voted on Tuesday to approve the "
    "bridge.\nCritics disagreed.\n";
#define ARTLEN (sizeof ART - 1)

TESTUTIL_TMPDIR_FIXTURE("import")

static int
import(enum import_format fmt, const char *text, struct annot_set *set,
    struct import_stats *st, char **cause)
{
	return import_buffer(fmt, "in", text, strlen(text), ART, ARTLEN, set,
	    st, cause);
}

/* A place an annotation may be at: [start, end). */
struct place {
	size_t	start;
	size_t	end;
};

/* Every annotation of set but the orphans is exact, at one of the n
 * places; the orphan (the last one), or NULL. */
static const struct annot *
exact_at_one_of(const struct annot_set *set, const struct place *at,
    size_t n)
{
	const struct annot *a, *orphan = NULL;
	size_t i, k;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->orphan) {
			orphan = a;
			continue;
		}
		assert_int_equal(annot_anchor_of(a), ANNOT_EXACT);
		for (k = 0; k < n && (a->start != at[k].start ||
		    a->end != at[k].end); k++)
			;
		if (k == n)
			fail_msg("an annotation at %zu-%zu", a->start, a->end);
	}
	return orphan;
}

/* Issue 11: brat offsets of 2^64 and more wrapped around to 0. */
static void
brat_huge_offsets_refused(void **state)
{
	static const char *const bad[] = {
		"T1\tx 18446744073709551616 18446744073709551625\tThe counc\n",
		"T1\tx 0 99999999999999999999999\tt\n",
		"T1\tx 18446744073709551615 18446744073709551615\tt\n",
	};
	struct annot_set *set = annot_set_new();
	char *cause = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(import(IMPORT_BRAT, bad[i], set, NULL,
		    &cause), -1);
		assert_non_null(strstr(cause, "in:1:"));
		free(cause);
	}
	assert_int_equal(annot_count(set), 0);
	annot_set_free(set);
}

/* An empty span ("4 4") is said to be empty, not outside the article. */
static void
brat_empty_span_said_empty(void **state)
{
	struct annot_set *set = annot_set_new();
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_BRAT, "T1\tx 4 4\t\n", set, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "in:1:"));
	assert_non_null(strstr(cause, "span 4-4 is empty"));
	free(cause);
	assert_int_equal(annot_count(set), 0);
	annot_set_free(set);
}

/* Found by fuzzing: a T line with an empty type made an empty tag, which
 * the sidecar could not hold. */
static void
brat_empty_type_is_no_tag(void **state)
{
	struct annot_set *set = annot_set_new();
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_BRAT, "T1\t 4 11\tcouncil\n", set,
	    NULL, &cause), 0);
	assert_int_equal(annot_count(set), 1);
	assert_int_equal(annot_at(set, 0)->ntags, 0);
	annot_set_free(set);
}

/*
 * A .ann made on another text: a span whose text is not the article's
 * at its offsets was put on whatever words were there, as exact.  Now
 * it goes where its text is (the nearest), or is an orphan; both
 * counted.  A span over a line break holds its text with a space for
 * it, as export writes it.
 */
static void
brat_text_elsewhere_is_found_or_orphaned(void **state)
{
	static const char ann[] =
	    "T1\tclaim 0 11\tThe council\n"		/* where it is */
	    "\n"
	    "T2\tclaim 4 11\tvoted on\n"		/* 8 bytes on */
	    "\n"
	    "T3\tclaim 21 28\tWednesday\n"		/* not in it */
	    "\n"
	    "T4\tclaim 44 59\tbridge. Critics\n";	/* over the \n */
	/* "voted on" is at 12 */
	static const struct place at[] = { { 0, 11 }, { 12, 20 }, { 44, 59 } };
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	const struct annot *orphan;
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_BRAT, ann, set, &st, &cause), 0);
	assert_int_equal(annot_count(set), 4);
	assert_int_equal(st.relocated, 1);
	assert_int_equal(st.orphans, 1);
	orphan = exact_at_one_of(set, at, testutil_nelem(at));
	assert_non_null(orphan);
	assert_string_equal(orphan->exact, "Wednesday");
	annot_set_free(set);
}

/*
 * An article's own brat export, imported back into the same text, puts
 * every span where it was, exact: the span's text is compared as export
 * writes it (a control character as ^G, a bad byte as U+FFFD), not
 * with the raw bytes (which made both spans orphans); an empty text is
 * no text to check.
 */
static void
brat_own_export_of_controls_comes_back(void **state)
{
	static const char art[] = "The caf\xe9 on Main Street opened.\n"
	    "A second line with a bell\a here.\n";
	static const char ann[] = "T1\tplace 4 8\tcaf\xef\xbf\xbd\n"
	    "T2\tx 50 60\t a bell^G h\n"
	    "T3\ty 0 3\t\n";
	static const struct place at[] = { { 4, 8 }, { 50, 60 }, { 0, 3 } };
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	char *cause = NULL;

	(void)state;
	assert_int_equal(import_buffer(IMPORT_BRAT, "in", ann, strlen(ann),
	    art, strlen(art), set, &st, &cause), 0);
	assert_int_equal(annot_count(set), 3);
	assert_int_equal(st.relocated, 0);
	assert_int_equal(st.orphans, 0);
	assert_null(exact_at_one_of(set, at, testutil_nelem(at)));
	annot_set_free(set);
}

/* A tag with a control character came in through an import
 * (--annotate refused it): brat and JSON, refused with the file,
 * the line or item, and the reason; nothing is added. */
static void
control_in_tag_refused(void **state)
{
	static const char brat[] = "T1\tclaim 4 11\tcouncil\n"
	    "T2\tcl\033aim 4 11\tcouncil\n";
	static const char json[] = "[{\"type\":\"Annotation\",\"body\":"
	    "{\"purpose\":\"tagging\",\"value\":\"a\\u009bb\"},\"target\":"
	    "{\"selector\":{\"type\":\"TextPositionSelector\",\"start\":4,"
	    "\"end\":11}}}]";
	struct annot_set *set = annot_set_new();
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_BRAT, brat, set, NULL, &cause), -1);
	assert_string_equal(cause, "in:2: bad tag \"cl\033aim\": a tag "
	    "cannot hold control characters");
	free(cause);
	assert_int_equal(import(IMPORT_JSON, json, set, NULL, &cause), -1);
	assert_string_equal(cause, "in: item 1: bad tag \"a\xc2\x9b" "b\": a "
	    "tag cannot hold control characters");
	free(cause);
	assert_int_equal(annot_count(set), 0);
	annot_set_free(set);
}

/*
 * brat forbids spaces (and all but ASCII letters, digits, '_' and '-')
 * in a type: export writes "needs check" as needs_check.  Imported
 * back, a type that is how export writes a tag the article's
 * annotations have is that tag: no second tag beside it, no second
 * annotation beside the one exported.  A type that is a tag as it is
 * stays itself.
 */
static void
brat_underscore_type_is_the_known_tag(void **state)
{
	static const char ann[] = "T1\tneeds_check 4 11\tcouncil\n"
	    "T2\tto_do 44 50\tbridge\n"
	    "T3\tcaf__ 44 50\tbridge\n"
	    "T4\ta_b 0 3\tThe\n"
	    "T5\tother_tag 0 3\tThe\n";
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	const struct annot *a;
	char *cause = NULL;
	size_t i;

	(void)state;
	annot_add(set, ART, ARTLEN, 4, 11, "needs check", NULL);
	annot_add_tag(set, annot_add(set, ART, ARTLEN, 52, 59, "to do",
	    NULL), "caf\xc3\xa9");
	annot_add(set, ART, ARTLEN, 0, 11, "a_b", NULL);
	assert_int_equal(import(IMPORT_BRAT, ann, set, &st, &cause), 0);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.already, 1);
	assert_int_equal(annot_count(set), 5);
	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->start == 44) {
			assert_int_equal(a->ntags, 2);
			assert_string_equal(a->tags[0], "to do");
			assert_string_equal(a->tags[1], "caf\xc3\xa9");
		} else if (a->start == 0 && a->end == 3) {
			assert_int_equal(a->ntags, 2);
			assert_string_equal(a->tags[0], "a_b");
			assert_string_equal(a->tags[1], "other_tag");
		} else
			assert_int_equal(a->ntags, a->start == 52 ? 2 : 1);
	}
	annot_set_free(set);
}

/* A JSON tag with U+202E (right-to-left override) came in, though
 * [tags] in the config refused it: one rule (annot_tag_check). */
static void
bidi_in_tag_refused(void **state)
{
	static const char json[] = "[{\"type\":\"Annotation\",\"body\":"
	    "{\"purpose\":\"tagging\",\"value\":\"ok\\u202eyes\"},\"target\":"
	    "{\"selector\":{\"type\":\"TextPositionSelector\",\"start\":4,"
	    "\"end\":11}}}]";
	struct annot_set *set = annot_set_new();
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_JSON, json, set, NULL, &cause), -1);
	assert_non_null(strstr(cause, "in: item 1: bad tag"));
	assert_non_null(strstr(cause, "invisible or bidirectional"));
	free(cause);
	assert_int_equal(annot_count(set), 0);
	annot_set_free(set);
}

/* Issue 11: relation, event, attribute lines were dropped silently. */
static void
brat_unsupported_lines_counted(void **state)
{
	static const char ann[] =
	    "T1\tclaim 4 11\tcouncil\n"
	    "T2\tplace 55 62\tCritics\n"
	    "R1\tSupports Arg1:T1 Arg2:T2\n"
	    "E1\tVote:T1\n"
	    "A1\tNegated E1\n"
	    "A2\tNegated T2\n"
	    "N1\tReference T1 Wikidata:Q1\tcouncil\n"
	    "*\tEquiv T1 T2\n"
	    "#1\tAnnotatorNotes T1\tchecked\n"
	    "#2\tsomething else\n";
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_BRAT, ann, set, &st, &cause), 0);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.skipped, 7);
	assert_string_equal(st.skipped_kinds, "R, E, A, N, *, #");
	assert_string_equal(annot_at(set, 0)->note, "checked");
	annot_set_free(set);
}

/* Issue 11: "created":"" imported "successfully", and then artread read
 * its own sidecar as damaged for good. */
static void
json_fields_normalised(void **state)
{
	static const char json[] = "[{\"id\":\"\",\"type\":\"Annotation\","
	    "\"created\":\"\",\"modified\":\"\",\"body\":{\"value\":\"n\"},"
	    "\"target\":{\"selector\":{\"type\":\"TextQuoteSelector\","
	    "\"exact\":\"bridge\"}}},{\"id\":\"my id 7\",\"type\":\"Annotation\","
	    "\"created\":\"Tue, 01 Dec 2026 10:00:00 +0100\",\"body\":[{"
	    "\"purpose\":\"tagging\",\"value\":\"\"},{\"purpose\":\"tagging\","
	    "\"value\":\"ok\"}],\"target\":{\"selector\":[{\"type\":"
	    "\"TextPositionSelector\",\"start\":4,\"end\":11}]}}]";
	char *path = testutil_write(tmpdir, "a.txt", ART, ARTLEN);
	char *in = testutil_write(tmpdir, "in.json", json, strlen(json));
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	struct sidecar sc;
	const struct annot *a;
	char *cause = NULL;
	size_t i;

	(void)state;
	if (import_file(IMPORT_JSON, in, path, &st, &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.times_fixed, 2);
	if (sidecar_open(&sc, path, ART, ARTLEN, set, &cause) != 0)
		fail_msg("artread refuses the sidecar it wrote: %s", cause);
	assert_int_equal(annot_count(set), 2);
	for (i = 0; i < 2; i++) {
		a = annot_at(set, i);
		assert_int_equal(strncmp(a->id, "urn:uuid:", 9), 0);
		assert_int_equal(strlen(a->created), 24);
		assert_int_equal(strlen(a->modified), 24);
	}
	a = annot_at(set, 0);
	assert_string_equal(a->created, "2026-12-01T09:00:00.000Z");
	assert_string_equal(a->modified, a->created);
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "ok");
	assert_string_equal(annot_at(set, 1)->note, "n");
	sidecar_close(&sc);
	/* Again: nothing new. */
	assert_int_equal(import_file(IMPORT_JSON, in, path, &st, &cause), 0);
	assert_int_equal(st.added, 0);
	annot_set_free(set);
	free(in);
	free(path);
}

/* An export of another article: said, with the orphans it made (F8). */
static void
json_of_another_article(void **state)
{
	static const char OTHER[] = "A different story altogether.\n";
	char *a = testutil_write(tmpdir, "a.txt", ART, ARTLEN);
	char *b = testutil_write(tmpdir, "b.txt", OTHER, sizeof OTHER - 1);
	char *out = xasprintf("%s/a.json", tmpdir), *cause = NULL, *want;
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	struct export_opts eo;

	(void)state;
	annot_add(set, ART, ARTLEN, 4, 11, "claim", NULL);
	annot_add(set, ART, ARTLEN, 44, 50, "place", NULL);
	export_opts_init(&eo);
	if (export_to_path(out, 0, EXPORT_JSON, a, ART, ARTLEN, set, NULL, &eo,
	    &cause) != 0)
		fail_msg("export: %s", cause);
	if (import_file(IMPORT_JSON, out, b, &st, &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.orphans, 2);
	assert_true(st.other_source);
	want = realpath(a, NULL);
	assert_non_null(strstr(st.source, want));
	free(want);
	/* Onto its own article: nothing to say. */
	if (import_file(IMPORT_JSON, out, a, &st, &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.orphans, 0);
	assert_false(st.other_source);
	annot_set_free(set);
	free(out);
	free(b);
	free(a);
}

/* An export made on this very text (its artread version is the text's
 * SHA-256) is of this article, whatever file it names. */
static void
json_of_the_same_text(void **state)
{
	char sha[SHA256_HEX_LEN], *json, *cause = NULL;
	struct annot_set *set = annot_set_new();
	struct import_stats st;

	(void)state;
	sha256_hex(ART, ARTLEN, sha);
	json = xasprintf("[{\"type\":\"Annotation\",\"target\":{"
	    "\"source\":\"file:///elsewhere/a.txt\",\"selector\":"
	    "{\"type\":\"TextPositionSelector\",\"start\":4,\"end\":11}},"
	    "\"artread\":{\"version\":\"%s\"}}]", sha);
	assert_int_equal(import(IMPORT_JSON, json, set, &st, &cause), 0);
	assert_true(st.same_text);
	free(json);
	json = xstrdup("[{\"type\":\"Annotation\",\"target\":{"
	    "\"source\":\"file:///elsewhere/a.txt\",\"selector\":"
	    "{\"type\":\"TextPositionSelector\",\"start\":4,\"end\":11}}}]");
	assert_int_equal(import(IMPORT_JSON, json, set, &st, &cause), 0);
	assert_false(st.same_text);
	free(json);
	annot_set_free(set);
}

static void
json_refusals(void **state)
{
	struct annot_set *set = annot_set_new();
	char *cause = NULL;

	(void)state;
	assert_int_equal(import(IMPORT_JSON, "{\"type\":\"Thing\"}", set,
	    NULL, &cause), -1);
	assert_non_null(strstr(cause, "not a W3C"));
	free(cause);
	assert_int_equal(import(IMPORT_JSON, "[{\"type\":\"Annotation\","
	    "\"target\":\"http://example.org/whole\"}]", set, NULL, &cause),
	    -1);
	assert_non_null(strstr(cause, "item 1"));
	free(cause);
	assert_int_equal(import(IMPORT_JSON, "[{\"target\":{\"selector\":[{"
	    "\"type\":\"TextPositionSelector\",\"start\":0,\"end\":999}]}}]",
	    set, NULL, &cause), -1);
	free(cause);
	assert_int_equal(annot_count(set), 0);
	annot_set_free(set);
}

/* --import <(cmd): a pipe is read too. */
static void
import_from_a_pipe(void **state)
{
	static const char ann[] = "T1\tclaim 4 11\tcouncil\n";
	char *path = testutil_write(tmpdir, "p.txt", ART, ARTLEN), *dev;
	struct import_stats st;
	char *cause = NULL;
	int fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], ann, strlen(ann)), (ssize_t)strlen(ann));
	close(fds[1]);
	dev = xasprintf("/dev/fd/%d", fds[0]);
	if (import_file(IMPORT_BRAT, dev, path, &st, &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(st.added, 1);
	close(fds[0]);
	free(dev);
	free(path);
}

/* A web article: the import goes where its annotations are kept, by its
 * URL in the data directory, not beside a file. */
static void
import_onto_a_url(void **state)
{
	static const char ann[] = "T1\tclaim 44 50\tbridge\n";
	static const char url[] = "https://news.example/council-bridge";
	char *in = testutil_write(tmpdir, "in.ann", ann, strlen(ann));
	char *data = xasprintf("%s/data", tmpdir);
	struct doc *d = doc_from_memory(url, ART, ARTLEN);
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	struct sidecar sc;
	char *cause = NULL;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	if (import_into(IMPORT_BRAT, in, d, url, &st, &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(st.added, 1);
	if (sidecar_open_url(&sc, url, ART, ARTLEN, set, &cause) != 0)
		fail_msg("sidecar: %s", cause);
	assert_int_equal(annot_count(set), 1);
	assert_string_equal(annot_at(set, 0)->tags[0], "claim");
	sidecar_close(&sc);
	unsetenv("XDG_DATA_HOME");
	annot_set_free(set);
	doc_free(d);
	free(data);
	free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(brat_huge_offsets_refused),
		cmocka_unit_test(brat_unsupported_lines_counted),
		cmocka_unit_test(brat_empty_type_is_no_tag),
		cmocka_unit_test(brat_empty_span_said_empty),
		cmocka_unit_test(bidi_in_tag_refused),
		cmocka_unit_test(brat_text_elsewhere_is_found_or_orphaned),
		cmocka_unit_test(brat_own_export_of_controls_comes_back),
		cmocka_unit_test(control_in_tag_refused),
		cmocka_unit_test(brat_underscore_type_is_the_known_tag),
		cmocka_unit_test_setup_teardown(json_fields_normalised, setup,
		    teardown),
		cmocka_unit_test(json_of_the_same_text),
		cmocka_unit_test(json_refusals),
		cmocka_unit_test_setup_teardown(json_of_another_article, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(import_onto_a_url, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(import_from_a_pipe, setup,
		    teardown),
	};
	testutil_private_data();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
