/*
 * test_regress.c: regression tests for bugs the fuzzers found
 * (tests/fuzz/; the crashing inputs are in tests/fuzz/regress/NAME/,
 * replayed by make check).  Each test failed before its fix.
 */
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/annot.h"
#include "artread/export.h"
#include "artread/import.h"
#include "artread/sha256.h"
#include "artread/sidecar.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];

static int
setup(void **state)
{
	(void)state;
	return testutil_mkdtemp(tmpdir, "regress");
}

static int
teardown(void **state)
{
	(void)state;
	return testutil_rmtree(tmpdir);
}

static char *
write_file(const char *name, const char *bytes, size_t len)
{
	return testutil_write(tmpdir, name, bytes, len);
}

/*
 * fuzz_sidecar: a sidecar whose header has the article's SHA-256 (so it
 * was not re-anchored) but whose annotation ends past the end of the
 * article: its range was trusted, and readers of bytes[start, end) ran
 * off the article.  It must be re-anchored on its exact text.
 */
static void
sidecar_offset_past_end_reanchored(void **state)
{
	static const char art[] =
	    "Council approves harbour bridge\n\n"
	    "\"This is a historic day,\" said Mayor Lena Chen.\n";
	char sha[SHA256_HEX_LEN], *apath, *spath, *json, *cause = NULL;
	struct annot_set *set = annot_set_new();
	const struct annot *a;
	struct sidecar sc;
	const char *at = strstr(art, "historic day");

	(void)state;
	sha256_hex(art, sizeof(art) - 1, sha);
	apath = write_file("story.txt", art, sizeof(art) - 1);
	json = xasprintf("{\"type\":\"artread-annotations\",\"version\":1,"
	    "\"article\":{\"name\":\"story.txt\",\"sha256\":\"%s\","
	    "\"size\":%zu}}\n"
	    "{\"id\":\"1f87283cfcb2eec07108d849e3dd2afb\","
	    "\"type\":\"Annotation\","
	    "\"created\":\"2024-05-01T12:00:00.000Z\","
	    "\"modified\":\"2024-05-01T12:00:00.000Z\","
	    "\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\","
	    "\"value\":\"quote\"}],"
	    "\"target\":{\"selector\":[{\"type\":\"TextPositionSelector\","
	    "\"unit\":\"byte\",\"start\":%zu,\"end\":%zu},"
	    "{\"type\":\"TextQuoteSelector\",\"exact\":\"historic day\","
	    "\"prefix\":\"\\\"This is a \",\"suffix\":\",\\\" said\"}]},"
	    "\"orphaned\":false}\n", sha, sizeof(art) - 1,
	    (size_t)(at - art), sizeof(art) + 100);
	spath = write_file("story.txt.annotations.jsonl", json, strlen(json));

	memset(&sc, 0, sizeof(sc));
	assert_int_equal(sidecar_open(&sc, apath, art, sizeof(art) - 1, set,
	    &cause), 0);
	assert_int_equal(annot_count(set), 1);
	a = annot_at(set, 0);
	assert_false(a->orphan);
	assert_int_equal(a->start, (size_t)(at - art));
	assert_int_equal(a->end, (size_t)(at - art) + strlen("historic day"));
	assert_int_equal(sc.moved, 1);
	sidecar_close(&sc);
	annot_set_free(set);
	free(json);
	free(spath);
	free(apath);
}

/*
 * fuzz_roundtrip: the JSON export of an article with no annotations (a
 * collection with "total": 0 and, as the model wants, no page) was
 * refused by --import json: "not a W3C Annotation, AnnotationPage or
 * AnnotationCollection".
 */
static void
empty_json_export_imports(void **state)
{
	static const char art[] = "Headline\n\nBody text.\n";
	struct annot_set *set = annot_set_new(), *back = annot_set_new();
	struct import_stats st;
	char *p = NULL, *cause = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	(void)state;
	assert_int_equal(export_article(f, EXPORT_JSON, "story.txt", art,
	    sizeof(art) - 1, set, NULL, NULL, &cause), 0);
	fclose(f);
	assert_non_null(strstr(p, "\"total\": 0"));
	if (import_buffer(IMPORT_JSON, "story.json", p, n, art,
	    sizeof(art) - 1, back, &st, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(annot_count(back), 0);
	free(p);
	annot_set_free(back);
	annot_set_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    sidecar_offset_past_end_reanchored, setup, teardown),
		cmocka_unit_test(empty_json_export_imports),
	};
	testutil_private_data();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
