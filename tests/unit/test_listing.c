/*
 * test_listing.c: the exact --entities and --quotes formats and safe
 * output of control characters (--stats: test_stats.c).
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
	struct analysis a = { e, 3, NULL, 0, NULL, 0 };
	char *out;

	(void)state;
	out = capture(listing_entities, text, &a);
	assert_string_equal(out,
	    "0\t12\tPERSON\tAnn Lee met\tAnn Lee met\n"
	    "13\t25\tPERSON\t^[[31mBob^? in\t^[[31mBob^? in\n"
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
	struct analysis a = { NULL, 0, q, 2, NULL, 0 };
	char *out;

	(void)state;
	out = capture(listing_quotes, text, &a);
	assert_string_equal(out,
	    "0\t5\tAnn Lee\t\"Hi,\"\n"
	    "22\t29\t-\t\"Bye<U+009B>\"\n");
	free(out);
}

static void
test_string(void **state)
{
	const char *text = "Ann \t\r\n Lee\x1b[1m";
	char *s;

	(void)state;
	s = listing_string(text, strlen(text), 0, strlen(text));
	assert_string_equal(s, "Ann Lee^[[1m");	/* ESC shown visibly */
	free(s);
	s = listing_string(text, strlen(text), 3, 3);
	assert_string_equal(s, "");
	free(s);
}

/* White space in a run of printable ASCII: single spaces kept in the
 * run, runs of spaces (and of tabs, line ends) one space when collapsed,
 * kept as they are in the mention's own text; a control character
 * ends a run. */
static void
test_spaces_in_runs(void **state)
{
	static const struct { const char *in, *ws, *raw; } cases[] = {
		{ "a b", "a b", "a b" },
		{ "a  b   c", "a b c", "a  b   c" },
		{ " a ", " a ", " a " },
		{ "  a  ", " a ", "  a  " },
		{ "a \t b", "a b", "a   b" },
		{ "a\n \n  b", "a b", "a     b" },
		{ "x ~\x7f y", "x ~^? y", "x ~^? y" },
		{ "a \x1b  b", "a ^[ b", "a ^[  b" },
	};
	struct buf b;
	char *s;
	size_t i;

	(void)state;
	for (i = 0; i < testutil_nelem(cases); i++) {
		s = listing_string(cases[i].in, strlen(cases[i].in), 0,
		    strlen(cases[i].in));
		assert_string_equal(s, cases[i].ws);
		free(s);
		buf_init(&b);
		listing_entities_to(&b, cases[i].in, strlen(cases[i].in),
		    &(struct analysis){ &(struct entity){ 0,
		    strlen(cases[i].in), ENT_ORG }, 1, NULL, 0, NULL, 0 });
		s = strchr(strchr(strchr(b.data, '\t') + 1, '\t') + 1, '\t') + 1;
		if (strncmp(s, cases[i].raw, strlen(cases[i].raw)) != 0 ||
		    s[strlen(cases[i].raw)] != '\t')
			fail_msg("case %zu: the mention's text in \"%s\"", i,
			    b.data);
		buf_free(&b);
	}
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
	struct analysis a = { e, 3, NULL, 0, canon, 0 };
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
		cmocka_unit_test(test_string),
		cmocka_unit_test(test_spaces_in_runs),
		cmocka_unit_test(test_entities_canonical_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
