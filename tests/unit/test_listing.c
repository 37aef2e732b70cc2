/*
 * test_listing.c: the exact --entities and --quotes formats, safe
 * output of control characters, and the stats summary.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/listing.h"

static char *
capture(void (*fn)(FILE *, const char *, size_t, const struct analysis *),
    const char *text, const struct analysis *a)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	fn(f, text, strlen(text), a);
	fclose(f);
	return p;
}

static void
test_entities_format(void **state)
{
	const char *text = "Ann\tLee\r\nmet \x1b[31mBob\x7f in Rome.";
	struct entity e[] = {
		{ 0, 12, ENT_PERSON },
		{ 13, 25, ENT_PERSON },
		{ 26, 30, ENT_PLACE },
	};
	struct analysis a = { e, 3, NULL, 0, NULL };
	char *out;

	(void)state;
	out = capture(listing_entities, text, &a);
	assert_string_equal(out,
	    "0\t12\tPERSON\tAnn Lee met\tAnn Lee met\n"
	    "13\t25\tPERSON\t?[31mBob? in\t?[31mBob? in\n"
	    "26\t30\tPLACE\tRome\tRome\n");
	free(out);
}

static void
test_quotes_format(void **state)
{
	const char *text = "\"Hi,\" said Ann\n  Lee. \"Bye\xc2\x9b\" \"x\"";
	struct quote q[] = {
		{ 0, 5, 11, 20, 0, 0, 0 },
		{ 22, 29, 0, 0, QUOTE_SCARE, 0, 0 },
	};
	struct analysis a = { NULL, 0, q, 2, NULL };
	char *out;

	(void)state;
	out = capture(listing_quotes, text, &a);
	assert_string_equal(out,
	    "0\t5\tAnn Lee\t\"Hi,\"\n"
	    "22\t29\t-\t\"Bye?\"\n");
	free(out);
}

static void
test_stats(void **state)
{
	const char *text = "\"One two three,\" said Ann. Ann and Bob.";
	struct entity e[] = {
		{ 22, 25, ENT_PERSON },
		{ 27, 30, ENT_PERSON },
		{ 35, 38, ENT_PERSON },
	};
	struct quote q[] = { { 0, 16, 22, 25, 0, 0, 0 } };
	struct analysis a = { e, 3, q, 1, NULL };
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	(void)state;
	listing_stats(f, text, strlen(text), &a, 1);
	fclose(f);
	assert_non_null(strstr(p, "  Ann                               1       3"));
	assert_non_null(strstr(p, "Words in direct quotes: 3 of 8 (37.5%)"));
	assert_non_null(strstr(p, "\u2588"));
	assert_non_null(strstr(p, "Most mentioned: PERSON (2 distinct)"));
	free(p);
}

/* Mentions are counted under their entity's fullest name (the links
 * coref.h makes; a speaker is named so already); a long name widens the
 * column instead of breaking it. */
static void
test_stats_full_names(void **state)
{
	const char *text = "Rhys Pettifer spoke. \"No,\" said Pettifer. "
	    "Bartholomew Featherstonehaugh-Smythe agreed.";
	struct entity e[] = {
		{ 0, 13, ENT_PERSON },
		{ 32, 40, ENT_PERSON },
		{ 42, 78, ENT_PERSON },
	};
	size_t canon[] = { 0, 0, 2 };
	struct quote q[] = { { 21, 26, 0, 13, 0, 32, 40 } };
	struct analysis a = { e, 3, q, 1, canon };
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	(void)state;
	listing_stats(f, text, strlen(text), &a, 0);
	fclose(f);
	assert_non_null(strstr(p, "  Rhys Pettifer "));
	assert_null(strstr(p, "  Pettifer "));
	assert_non_null(strstr(p,
	    "  Bartholomew Featherstonehaugh-Smythe      1\n"));
	/* two mentions of Rhys Pettifer, one row */
	assert_non_null(strstr(p, "Most mentioned: PERSON (2 distinct)"));
	free(p);
}

/* --entities names each mention's entity in a fifth column. */
static void
test_entities_canonical_column(void **state)
{
	const char *text = "Zhou Mingyu met the DNA. Zhou left.";
	struct entity e[] = {
		{ 0, 11, ENT_PERSON },
		{ 20, 23, ENT_ORG },
		{ 25, 29, ENT_PERSON },
	};
	size_t canon[] = { 0, 1, 0 };
	struct analysis a = { e, 3, NULL, 0, canon };
	char *out;

	(void)state;
	out = capture(listing_entities, text, &a);
	assert_string_equal(out,
	    "0\t11\tPERSON\tZhou Mingyu\tZhou Mingyu\n"
	    "20\t23\tORG\tDNA\tDNA\n"
	    "25\t29\tPERSON\tZhou\tZhou Mingyu\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_format),
		cmocka_unit_test(test_quotes_format),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_stats_full_names),
		cmocka_unit_test(test_entities_canonical_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
