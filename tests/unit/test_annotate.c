/* test_annotate.c: --annotate and --annotate-text without the pager. */
#include "testutil.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/annot.h"
#include "artread/annotate.h"
#include "artread/sidecar.h"
#include "artread/util.h"

TESTUTIL_TMPDIR_FIXTURE("annotate")

static void
by_range_and_by_text(void **state)
{
	const char *text = "The cat sat. The dog sat. A bird flew.\n";
	char *path = testutil_write(tmpdir, "s.txt", text, strlen(text));
	char *cause = NULL, *id = NULL;
	struct annot_set *set = annot_set_new();
	struct sidecar sc;

	(void)state;
	assert_int_equal(annotate_range(path, 4, 7, "animal,pet", "n:1",
	    &id, &cause), 0);
	assert_non_null(id);
	assert_int_equal(strncmp(id, "urn:uuid:", 9), 0);
	free(id);
	assert_int_equal(annotate_range(path, 4, 400, "x", NULL, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "not within"));
	free(cause);
	assert_int_equal(annotate_range(path, 7, 4, "x", NULL, NULL, &cause),
	    -1);
	free(cause);
	assert_int_equal(annotate_text(path, "sat", "x", NULL, NULL, &cause),
	    -1);
	assert_non_null(strstr(cause, "found 2 times"));
	free(cause);
	assert_int_equal(annotate_text(path, "horse", "x", NULL, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "not found"));
	free(cause);
	assert_int_equal(annotate_text(path, "A bird flew", "bird", "note",
	    NULL, &cause), 0);
	assert_int_equal(sidecar_open(&sc, path, text, strlen(text), set,
	    &cause), 0);
	assert_int_equal(annot_count(set), 2);
	assert_int_equal(annot_at(set, 0)->ntags, 2);
	assert_string_equal(annot_at(set, 0)->note, "n:1");
	assert_int_equal(annot_at(set, 1)->start, 26);
	sidecar_close(&sc);
	annot_set_free(set);
	free(path);
}

/* A tag with a control character is refused, nothing is saved (tester
 * F18: --annotate took ESC and BEL in a tag name); and a tag is seen as
 * it is: no white space but single spaces between words ("needs check"
 * is a tag; two spaces, a no-break space are not), no invisible or
 * bidirectional character, valid UTF-8, as [tags] in the config (one
 * rule, annot_tag_check). */
static void
control_characters_in_tags_refused(void **state)
{
	const char *text = "The cat sat. The dog sat. A bird flew.\n";
	char *path = testutil_write(tmpdir, "c.txt", text, strlen(text));
	char *cause = NULL, *side;
	static const char *const bad[][2] = {
		{ "ok,b\033[31mad", "control characters" },
		{ "bel\007", "control characters" },
		{ "del\177", "control characters" },
		{ "c1\xc2\x9b", "control characters" },
		{ "a  b", "between words" },
		{ "a\xc2\xa0" "b", "white space" },
		{ "ok\xe2\x80\xaeyes", "bidirectional" },
		{ "zero\xe2\x80\x8bwidth", "invisible" },
		{ "bad\xff", "UTF-8" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(annotate_range(path, 4, 7, bad[i][0], NULL,
		    NULL, &cause), -1);
		assert_non_null(strstr(cause, bad[i][1]));
		free(cause);
		cause = NULL;
	}
	side = xasprintf("%s.annotations.jsonl", path);
	assert_int_equal(access(side, F_OK), -1);
	/* UTF-8 letters are fine (U+00AA starts with 0xc2, as C1 does) */
	assert_int_equal(annotate_range(path, 4, 7, "caf\xc3\xa9,\xc2\xaax,"
	    "needs check", NULL, NULL, &cause), 0);
	free(side);
	free(path);
}

static void
range_argument(void **state)
{
	char *tag, *note, *cause = NULL;
	size_t s, e;

	(void)state;
	assert_int_equal(annotate_parse_range_arg("3:9:claim:a: b", &s, &e,
	    &tag, &note, &cause), 0);
	assert_int_equal(s, 3);
	assert_int_equal(e, 9);
	assert_string_equal(tag, "claim");
	assert_string_equal(note, "a: b");
	free(tag);
	free(note);
	assert_int_equal(annotate_parse_range_arg("3:9:t", &s, &e, &tag,
	    &note, &cause), 0);
	assert_null(note);
	free(tag);
	assert_int_equal(annotate_parse_range_arg("3:x:t", &s, &e, &tag,
	    &note, &cause), -1);
	free(cause);
	assert_int_equal(annotate_parse_range_arg("3:9", &s, &e, &tag, &note,
	    &cause), -1);
	free(cause);
	assert_int_equal(annotate_parse_range_arg(
	    "18446744073709551616:2:t", &s, &e, &tag, &note, &cause), -1);
	free(cause);
}

static void
utf8_split_refused(void **state)
{
	const char *text = "caf\xc3\xa9 au lait\n";
	char *path = testutil_write(tmpdir, "u.txt", text, strlen(text));
	char *cause = NULL;

	(void)state;
	assert_int_equal(annotate_range(path, 0, 4, "x", NULL, NULL, &cause),
	    -1);
	assert_non_null(strstr(cause, "UTF-8"));
	free(cause);
	assert_int_equal(annotate_range(path, 0, 5, "x", NULL, NULL, &cause),
	    0);
	free(path);
}

/* A sidecar its owner made read-only is not written, and says so. */
static void
read_only_sidecar_refused(void **state)
{
	const char *text = "Read only text here.\n";
	char *path = testutil_write(tmpdir, "r.txt", text, strlen(text));
	char *side = xasprintf("%s.annotations.jsonl", path), *cause = NULL;
	char *before, *after;
	size_t blen, alen;

	(void)state;
	assert_int_equal(annotate_range(path, 0, 4, "x", NULL, NULL, &cause),
	    0);
	assert_int_equal(chmod(side, 0444), 0);
	before = util_read_file(side, &blen);
	assert_int_equal(annotate_range(path, 5, 9, "y", NULL, NULL, &cause),
	    -1);
	assert_non_null(strstr(cause, "read-only"));
	assert_non_null(strstr(cause, side));
	free(cause);
	after = util_read_file(side, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(before);
	free(after);
	free(side);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(by_range_and_by_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    control_characters_in_tags_refused, setup, teardown),
		cmocka_unit_test(range_argument),
		cmocka_unit_test_setup_teardown(utf8_split_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(read_only_sidecar_refused,
		    setup, teardown),
	};
	testutil_private_data();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
