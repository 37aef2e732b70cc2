/*
 * test_nav.c: what is at an offset, the next and previous quote, the
 * next and previous mention of the same entity or quote by the same
 * speaker, and the status line's description.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/names.h"
#include "artread/nav.h"

/*
 *           0         1         2         3         4         5
 *           012345678901234567890123456789012345678901234567890123456789
 */
static const char text[] =
    "Zhou Mingyu said \"yes.\" Bo Li: \"no.\" Zhou: \"maybe,\" in Oslo. "
    "\"Zhou lies,\" said Li.";

static struct entity ents[] = {
	{ 0, 11, ENT_PERSON },		/* Zhou Mingyu */
	{ 24, 29, ENT_PERSON },		/* Bo Li */
	{ 37, 41, ENT_PERSON },		/* Zhou */
	{ 55, 59, ENT_PLACE },		/* Oslo */
	{ 62, 66, ENT_PERSON },		/* Zhou, inside a quote */
	{ 79, 81, ENT_PERSON },		/* Li */
};

/* each mention's canonical one (coref.h): Zhou is Zhou Mingyu, Li is
 * Bo Li */
static size_t canon[] = { 0, 1, 0, 3, 0, 1 };

static struct quote quotes[] = {
	{ 17, 23, 0, 11, 0, 0, 0 },	/* "yes." by Zhou Mingyu */
	{ 31, 36, 24, 29, 0, 0, 0 },	/* "no." by Bo Li */
	{ 43, 51, 37, 41, 0, 0, 0 },	/* "maybe," by Zhou */
	{ 61, 72, 79, 81, 0, 0, 0 },	/* "Zhou lies," by Li */
};

static struct analysis an = { ents, 6, quotes, 4, canon, 0 };

static void
at_offset(void **state)
{
	(void)state;
	assert_int_equal(nav_entity_at(&an, 0), 0);
	assert_int_equal(nav_entity_at(&an, 10), 0);
	assert_int_equal(nav_entity_at(&an, 11), NAV_NONE);
	assert_int_equal(nav_entity_at(&an, 63), 4);
	assert_int_equal(nav_entity_at(&an, 200), NAV_NONE);
	assert_int_equal(nav_quote_at(&an, 16), NAV_NONE);
	assert_int_equal(nav_quote_at(&an, 17), 0);
	assert_int_equal(nav_quote_at(&an, 22), 0);
	assert_int_equal(nav_quote_at(&an, 23), NAV_NONE);
	assert_int_equal(nav_quote_at(&an, 63), 3);
	assert_int_equal(nav_entity_at(NULL, 0), NAV_NONE);
}

static void
next_quote(void **state)
{
	(void)state;
	assert_int_equal(nav_quote_next(&an, 0, 0), 0);
	assert_int_equal(nav_quote_next(&an, 17, 0), 1);	/* after */
	assert_int_equal(nav_quote_next(&an, 18, 0), 1);
	assert_int_equal(nav_quote_next(&an, 61, 0), NAV_NONE);
	assert_int_equal(nav_quote_next(&an, 61, 1), 2);	/* before */
	assert_int_equal(nav_quote_next(&an, 62, 1), 3);
	assert_int_equal(nav_quote_next(&an, 17, 1), NAV_NONE);
	assert_int_equal(nav_quote_next(&an, 0, 1), NAV_NONE);
}

/* * and #: from an offset to the next of the same entity or speaker. */
static void
same_entity_and_speaker(void **state)
{
	static const struct {
		size_t	off;		/* from here */
		int	backward;
		int	wrap;
		int	result;
		int	quote;		/* quotes by a speaker, not mentions */
		size_t	to;		/* then: to there, which is */
		size_t	rank;		/* rank of total */
		size_t	total;
		int	wrapped;
	} cases[] = {
		/* Zhou Mingyu: mentions at 0, 37 and 62 (in a quote) */
		{ 0, 0, 0, NAV_SAME_FOUND, 0, 37, 2, 3, 0 },
		{ 38, 0, 0, NAV_SAME_FOUND, 0, 62, 3, 3, 0 },
		{ 63, 0, 0, NAV_SAME_ONLY, 0, 0, 0, 0, 0 },
		{ 63, 0, 1, NAV_SAME_FOUND, 0, 0, 1, 3, 1 },
		{ 63, 1, 0, NAV_SAME_FOUND, 0, 37, 2, 3, 0 },
		{ 2, 1, 0, NAV_SAME_ONLY, 0, 0, 0, 0, 0 },
		{ 2, 1, 1, NAV_SAME_FOUND, 0, 62, 3, 3, 1 },
		/* Bo Li, and later Li */
		{ 25, 0, 0, NAV_SAME_FOUND, 0, 79, 2, 2, 0 },
		/* Oslo: the only one */
		{ 56, 0, 1, NAV_SAME_ONLY, 0, 0, 0, 0, 0 },
		/* quotes by Zhou Mingyu (17, 43) and by Bo Li (31, 61);
		 * an entity in a quote wins over the quote */
		{ 18, 0, 0, NAV_SAME_FOUND, 1, 43, 2, 2, 0 },
		{ 44, 1, 0, NAV_SAME_FOUND, 1, 17, 1, 2, 0 },
		{ 32, 0, 0, NAV_SAME_FOUND, 1, 61, 2, 2, 0 },
		{ 70, 0, 0, NAV_SAME_ONLY, 1, 0, 0, 0, 0 },
		{ 70, 0, 1, NAV_SAME_FOUND, 1, 31, 1, 2, 1 },
		/* between things */
		{ 12, 0, 1, NAV_SAME_NOTHING, 0, 0, 0, 0, 0 },
	};
	struct names *nm = names_new(text, strlen(text), &an);
	struct nav_same ns;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(nav_same(&an, nm, cases[i].off,
		    cases[i].backward, cases[i].wrap, &ns), cases[i].result);
		assert_int_equal(ns.quote, cases[i].quote);
		if (cases[i].result != NAV_SAME_FOUND)
			continue;
		assert_int_equal(ns.to, cases[i].to);
		assert_int_equal(ns.rank, cases[i].rank);
		assert_int_equal(ns.total, cases[i].total);
		assert_int_equal(ns.wrapped, cases[i].wrapped);
	}
	/* the full name of what was found */
	assert_int_equal(nav_same(&an, nm, 38, 0, 0, &ns), NAV_SAME_FOUND);
	assert_string_equal(names_name(nm, ns.id), "Zhou Mingyu");
	/* a quote without a speaker */
	quotes[1].speaker_start = quotes[1].speaker_end = 0;
	names_free(nm);
	nm = names_new(text, strlen(text), &an);
	assert_int_equal(nav_same(&an, nm, 33, 0, 1, &ns),
	    NAV_SAME_NO_SPEAKER);
	quotes[1].speaker_start = 24;
	quotes[1].speaker_end = 29;
	names_free(nm);
	assert_int_equal(nav_same(NULL, NULL, 0, 0, 0, &ns), NAV_SAME_NOTHING);
}

static void
describe(void **state)
{
	struct names *nm = names_new(text, strlen(text), &an);
	static const struct {
		size_t		 off;
		const char	*want;
	} cases[] = {
		{ 0, "PERSON Zhou Mingyu" },
		{ 38, "PERSON Zhou Mingyu" },		/* a later "Zhou" */
		{ 56, "PLACE Oslo" },
		{ 18, "quote by Zhou Mingyu" },
		{ 33, "quote by Bo Li" },
		{ 63, "PERSON Zhou Mingyu \u00b7 quote by Bo Li" },
		{ 12, NULL },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = nav_describe(&an, nm, cases[i].off);
		if (cases[i].want == NULL)
			assert_null(s);
		else
			assert_string_equal(s, cases[i].want);
		free(s);
	}
	/* a quote without a speaker */
	quotes[1].speaker_start = quotes[1].speaker_end = 0;
	names_free(nm);
	nm = names_new(text, strlen(text), &an);
	s = nav_describe(&an, nm, 33);
	assert_string_equal(s, "quote, speaker unknown");
	free(s);
	quotes[1].speaker_start = 24;
	quotes[1].speaker_end = 29;
	names_free(nm);
	assert_null(nav_describe(&an, NULL, 0));
}

static void
groups(void **state)
{
	struct names *nm = names_new(text, strlen(text), &an);
	struct nav_group *g;
	size_t n;

	(void)state;
	/* quotes: Bo Li (2), Zhou Mingyu (1), then those without speaker */
	quotes[2].speaker_start = quotes[2].speaker_end = 0;
	names_free(nm);
	nm = names_new(text, strlen(text), &an);
	n = nav_group_quotes(&an, nm, &g);
	assert_int_equal(n, 3);
	assert_string_equal(names_name(nm, g[0].id), "Bo Li");
	assert_int_equal(g[0].n, 2);
	assert_int_equal(g[0].items[0], 1);
	assert_int_equal(g[0].items[1], 3);
	assert_string_equal(names_name(nm, g[1].id), "Zhou Mingyu");
	assert_int_equal(g[1].n, 1);
	assert_int_equal(g[2].id, NAMES_NONE);
	assert_int_equal(g[2].items[0], 2);
	nav_groups_free(g, n);
	quotes[2].speaker_start = 37;
	quotes[2].speaker_end = 41;
	/* mentions: PERSON Zhou Mingyu (3), PERSON Bo Li (2), PLACE Oslo */
	n = nav_group_entities(&an, nm, &g);
	assert_int_equal(n, 3);
	assert_string_equal(names_name(nm, g[0].id), "Zhou Mingyu");
	assert_int_equal(g[0].n, 3);
	assert_int_equal(g[0].items[2], 4);
	assert_string_equal(names_name(nm, g[1].id), "Bo Li");
	assert_string_equal(names_name(nm, g[2].id), "Oslo");
	nav_groups_free(g, n);
	names_free(nm);
	assert_int_equal(nav_group_quotes(NULL, NULL, &g), 0);
}

/* Y's citation names the speaker of the quote the passage is (or is
 * part of); a passage reaching outside the quote has none. */
static void
quote_speaker(void **state)
{
	struct names *nm = names_new(text, strlen(text), &an);
	static const struct {
		size_t		 s, e;
		const char	*want;
	} cases[] = {
		{ 17, 23, "Zhou Mingyu" },	/* the quote */
		{ 18, 21, "Zhou Mingyu" },	/* a part of it */
		{ 43, 51, "Zhou Mingyu" },	/* "maybe," by a later Zhou */
		{ 61, 72, "Bo Li" },
		{ 12, 23, NULL },		/* begins before it */
		{ 17, 24, NULL },		/* ends after it */
		{ 17, 36, NULL },		/* two quotes */
		{ 0, 11, NULL },		/* no quote */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = nav_quote_speaker(&an, nm, cases[i].s,
		    cases[i].e);

		if (cases[i].want == NULL ? got != NULL : got == NULL ||
		    strcmp(got, cases[i].want) != 0)
			fail_msg("[%zu, %zu): \"%s\", not \"%s\"", cases[i].s,
			    cases[i].e, got != NULL ? got : "(none)",
			    cases[i].want != NULL ? cases[i].want : "(none)");
	}
	quotes[1].speaker_start = quotes[1].speaker_end = 0;
	names_free(nm);
	nm = names_new(text, strlen(text), &an);
	assert_null(nav_quote_speaker(&an, nm, 31, 36));	/* unknown */
	quotes[1].speaker_start = 24;
	quotes[1].speaker_end = 29;
	names_free(nm);
	assert_null(nav_quote_speaker(&an, NULL, 17, 23));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(at_offset),
		cmocka_unit_test(next_quote),
		cmocka_unit_test(same_entity_and_speaker),
		cmocka_unit_test(groups),
		cmocka_unit_test(describe),
		cmocka_unit_test(quote_speaker),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
