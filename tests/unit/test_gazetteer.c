/*
 * test_gazetteer.c: the mapped gazetteer (gazetteer.c): lookups in a
 * small file of our own, edge cases of its format, and the generated
 * rules/gazetteer.tsv through the default rule set.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/diag.h"
#include "artread/gazetteer.h"
#include "artread/rules.h"
#include "artread/util.h"

static char dir[] = "/tmp/artread-test-gaz.XXXXXX";

/* Write text to DIR/name; the path, to free. */
static char *
write_file(const char *name, const char *text)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *f;

	assert_non_null(path);
	sprintf(path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static int
setup(void **state)
{
	(void)state;
	testutil_chdir_root("rules/default.ini");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

/* Every name of a sorted file is found, with its kinds; nothing else. */
static void
lookups(void **state)
{
	static const char text[] =
	    "# a comment\n# another\n"
	    "Bar\tRTw\nBắc Ninh\tRT\nGeorgia\tCR\nReading\tTw\n"
	    "Reykjav\xc3\xadk\tT\nVictoria\tRTp\nZ\xc3\xbcrich\tT";
	static const struct {
		const char	*name;
		unsigned	 kinds;
	} want[] = {
		{ "Bar", GAZ_REGION | GAZ_TOWN | GAZ_WORD },
		{ "Bắc Ninh", GAZ_REGION | GAZ_TOWN },
		{ "Georgia", GAZ_COUNTRY | GAZ_REGION },
		{ "Reading", GAZ_TOWN | GAZ_WORD },
		{ "Reykjav\xc3\xadk", GAZ_TOWN },
		{ "Victoria", GAZ_REGION | GAZ_TOWN | GAZ_PERSON },
		{ "Z\xc3\xbcrich", GAZ_TOWN },	/* the last line has no \n */
		{ "Ba", 0 }, { "Bars", 0 }, { "Aachen", 0 }, { "Zz", 0 },
		{ "Georgi", 0 }, { "# a comment", 0 }, { "reading", 0 },
	};
	const char *why = NULL;
	char *path = write_file("g.tsv", text);
	struct gaz *g = gaz_open(path, &why);
	size_t i;

	(void)state;
	assert_non_null(g);
	assert_int_equal(gaz_count(g), 7);
	for (i = 0; i < testutil_nelem(want); i++) {
		if (gaz_lookup(g, want[i].name, strlen(want[i].name)) !=
		    want[i].kinds)
			fail_msg("%s: %u, not %u", want[i].name,
			    gaz_lookup(g, want[i].name, strlen(want[i].name)),
			    want[i].kinds);
	}
	assert_int_equal(gaz_lookup(g, "Bar", 0), 0);
	/* a word that starts a name of several words */
	assert_true(gaz_starts(g, "Bắc", strlen("Bắc")));
	assert_false(gaz_starts(g, "Bar", 3));
	assert_false(gaz_starts(g, "Bắ", strlen("Bắ")));
	assert_false(gaz_starts(g, "Zürich", strlen("Zürich")));
	gaz_close(g);
	unlink(path);
	free(path);
}

/* An empty file, a comment-only file, a missing one, a directory. */
static void
odd_files(void **state)
{
	const char *why = NULL;
	char *empty = write_file("empty.tsv", "");
	char *comments = write_file("c.tsv", "# only\n# comments");
	struct gaz *g;

	(void)state;
	g = gaz_open(empty, &why);
	assert_non_null(g);
	assert_int_equal(gaz_count(g), 0);
	assert_int_equal(gaz_lookup(g, "Bar", 3), 0);
	gaz_close(g);
	g = gaz_open(comments, &why);
	assert_non_null(g);
	assert_int_equal(gaz_count(g), 0);
	assert_int_equal(gaz_lookup(g, "# only", 6), 0);
	gaz_close(g);
	assert_null(gaz_open("/nonexistent/g.tsv", &why));
	assert_non_null(why);
	assert_null(gaz_open(dir, &why));
	assert_string_equal(why, "is a directory");
	gaz_close(NULL);
	unlink(empty);
	unlink(comments);
	free(empty);
	free(comments);
}

/* A file out of order gives wrong answers, never a read out of bounds
 * (valgrind and ASan watch this one). */
static void
unsorted_file(void **state)
{
	const char *why = NULL;
	char *path = write_file("u.tsv", "Zeta\tT\nAlpha\tT\n\n\t\nMid\n");
	struct gaz *g = gaz_open(path, &why);
	static const char *const probes[] = { "Zeta", "Alpha", "Mid", "",
	    "A", "Zz", "\t" };
	size_t i;

	(void)state;
	assert_non_null(g);
	for (i = 0; i < testutil_nelem(probes); i++)
		(void)gaz_lookup(g, probes[i], strlen(probes[i]));
	gaz_close(g);
	unlink(path);
	free(path);
}

/*
 * The generated gazetteer through the default rules: GeoNames cities and
 * iso-codes regions and countries, accent-free forms, and the names that
 * need context.  Skipped when the build had no GeoNames (see Makefile).
 */
static void
default_gazetteer(void **state)
{
	static const struct {
		const char	*name;
		unsigned	 lists;
	} want[] = {
		{ "Thessaloniki", 1u << RL_PLACE },
		{ "Bắc Ninh", 1u << RL_PLACE },
		{ "Bac Ninh", 1u << RL_PLACE },
		{ "Kutaisi", 1u << RL_PLACE },
		{ "Debrecen", 1u << RL_PLACE },
		{ "Reading", 1u << RL_PLACE_WORD },
		{ "Split", 1u << RL_PLACE_WORD },
		{ "Nice", 1u << RL_PLACE_WORD },
		{ "Mobile", 1u << RL_PLACE_WORD },
		{ "Regina", 1u << RL_PLACE_PERSON },
	};
	const char *p = "rules/default.ini";
	char *text;
	size_t i, len;
	struct rules *r;
	struct diag d;

	(void)state;
	text = util_read_file("rules/gazetteer.tsv", &len);
	assert_non_null(text);
	if (strstr(text, "Sources: GeoNames") == NULL) {
		free(text);
		skip();
	}
	free(text);
	diag_init(&d);
	r = rules_load(&p, 1, &d);
	assert_int_equal(d.errors, 0);
	for (i = 0; i < testutil_nelem(want); i++) {
		unsigned l = rules_lists_of(r, want[i].name,
		    strlen(want[i].name));

		if ((l & want[i].lists) != want[i].lists ||
		    (want[i].lists != (1u << RL_PLACE) &&
		    (l & (1u << RL_PLACE))))
			fail_msg("%s: lists %#x", want[i].name, l);
	}
	/* words that are never places are not there at all */
	assert_int_equal(rules_lists_of(r, "Of", 2) &
	    ((1u << RL_PLACE) | (1u << RL_PLACE_WORD)), 0);
	assert_int_equal(rules_lists_of(r, "reading", 7), 0);
	rules_free(r);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookups),
		cmocka_unit_test(odd_files),
		cmocka_unit_test(unsorted_file),
		cmocka_unit_test(default_gazetteer),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
