/*
 * test_names.c: the full name of each mention and speaker, from the
 * analysis' links (coref.c makes them; test_coref.c tests that): ids
 * per entity, types kept apart, speakers by the mention they are,
 * speakers without a name.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/names.h"

static struct entity
ent(const char *text, const char *s, int n, enum ent_type t)
{
	struct entity e;

	e.start = testutil_nth(text, s, n);
	e.end = e.start + strlen(s);
	e.type = t;
	return e;
}

static void
full_names(void **state)
{
	const char *text = "Rhys Pettifer and Zhou Mingyu met Jordan Lee in "
	    "Jordan.  Pettifer said no; Zhou said yes.  Lee\tnodded.  Ann "
	    "left.  \"Fine,\" said Pettifer.  \"Go,\" said Ann.  \"So.\"  The "
	    "National Anticorruption Directorate (DNA) and Jane Holt KC: "
	    "\"No,\" said the DNA.  \"Yes,\" said Jane Holt.";
	struct entity e[15];
	/* what coref_link makes of it: each mention's canonical one */
	size_t canon[15] = { 0, 1, 2, 3, 0, 1, 6, 2, 8, 0, 10, 10, 12,
	    10, 12 };
	struct quote q[5];
	struct analysis a;
	struct names *nm;
	size_t i;

	(void)state;
	e[0] = ent(text, "Rhys Pettifer", 0, ENT_PERSON);
	e[1] = ent(text, "Zhou Mingyu", 0, ENT_PERSON);
	e[2] = ent(text, "Jordan Lee", 0, ENT_PERSON);
	e[3] = ent(text, "Jordan", 1, ENT_PLACE);
	e[4] = ent(text, "Pettifer", 1, ENT_PERSON);
	e[5] = ent(text, "Zhou", 1, ENT_PERSON);
	e[6] = ent(text, "Lee\tnodded", 0, ENT_PERSON);	/* two words */
	e[7] = ent(text, "Lee", 1, ENT_PERSON);
	e[8] = ent(text, "Ann", 0, ENT_PERSON);
	e[9] = ent(text, "Pettifer", 2, ENT_PERSON);
	e[10] = ent(text, "National Anticorruption Directorate", 0, ENT_ORG);
	e[11] = ent(text, "DNA", 0, ENT_ORG);
	e[12] = ent(text, "Jane Holt KC", 0, ENT_PERSON);
	e[13] = ent(text, "DNA", 1, ENT_ORG);
	e[14] = ent(text, "Jane Holt", 1, ENT_PERSON);
	/* sorted by start as an analysis is: e[6] and e[7] share a start */
	memset(q, 0, sizeof q);
	memset(&a, 0, sizeof a);
	q[0].start = testutil_nth(text, "\"Fine", 0);
	q[0].speaker_start = testutil_nth(text, "Pettifer", 2);
	q[0].speaker_end = q[0].speaker_start + 8;
	q[1].start = testutil_nth(text, "\"Go", 0);
	q[1].speaker_start = testutil_nth(text, "Ann", 1);
	q[1].speaker_end = q[1].speaker_start + 3;
	q[2].start = testutil_nth(text, "\"So", 0);
	/* an organisation by its fullest name, a person without the KC */
	q[3].start = testutil_nth(text, "\"No,", 0);
	q[3].speaker_start = e[10].start;
	q[3].speaker_end = e[10].end;
	q[4].start = testutil_nth(text, "\"Yes", 0);
	q[4].speaker_start = e[12].start;
	q[4].speaker_end = e[12].start + strlen("Jane Holt");
	a.ents = e;
	a.nents = 15;
	a.quotes = q;
	a.nquotes = 5;
	a.canon = canon;
	nm = names_new(text, strlen(text), &a);
	/* a surname is its entity's fullest name */
	assert_string_equal(names_name(nm, names_entity(nm, 4)),
	    "Rhys Pettifer");
	assert_int_equal(names_entity(nm, 4), names_entity(nm, 0));
	assert_int_equal(names_entity(nm, 9), names_entity(nm, 0));
	assert_string_equal(names_name(nm, names_entity(nm, 5)),
	    "Zhou Mingyu");
	assert_int_equal(names_type(nm, names_entity(nm, 5)), ENT_PERSON);
	/* white space runs are one space */
	assert_string_equal(names_name(nm, names_entity(nm, 6)), "Lee nodded");
	assert_string_equal(names_name(nm, names_entity(nm, 7)), "Jordan Lee");
	/* a place is not a person of the same name */
	assert_string_equal(names_name(nm, names_entity(nm, 3)), "Jordan");
	assert_int_equal(names_type(nm, names_entity(nm, 3)), ENT_PLACE);
	assert_string_equal(names_name(nm, names_entity(nm, 8)), "Ann");
	/* an acronym is its expansion; a post-nominal is no part of it */
	assert_int_equal(names_entity(nm, 13), names_entity(nm, 10));
	assert_string_equal(names_name(nm, names_entity(nm, 11)),
	    "National Anticorruption Directorate");
	assert_string_equal(names_name(nm, names_entity(nm, 12)),
	    "Jane Holt");
	assert_int_equal(names_entity(nm, 14), names_entity(nm, 12));
	/* speakers: the ids of the mentions they are; none for no speaker */
	assert_int_equal(names_speaker(nm, 0), names_entity(nm, 0));
	assert_int_equal(names_speaker(nm, 1), names_entity(nm, 8));
	assert_int_equal(names_speaker(nm, 2), NAMES_NONE);
	assert_int_equal(names_speaker(nm, 3), names_entity(nm, 10));
	assert_int_equal(names_type(nm, names_speaker(nm, 3)), ENT_ORG);
	assert_int_equal(names_speaker(nm, 4), names_entity(nm, 12));
	assert_int_equal(names_speaker(nm, 5), NAMES_NONE);
	/* ids are dense: Rhys Pettifer, Zhou Mingyu, Jordan Lee, Jordan,
	 * Lee nodded, Ann, the Directorate, Jane Holt */
	assert_int_equal(names_count(nm), 8);
	for (i = 0; i < names_count(nm); i++)
		assert_true(*names_name(nm, i) != '\0');
	assert_string_equal(names_name(nm, 99), "");
	names_free(nm);
}

/* Without links (a hand-made analysis), each mention is itself; a
 * speaker that is no mention is a PERSON by its own text. */
static void
no_links(void **state)
{
	const char *text = "Ann Lee met Lee. \"Hi,\" said a clerk.";
	struct entity e[2] = { { 0, 7, ENT_PERSON }, { 12, 15, ENT_PERSON } };
	struct quote q[1];
	struct analysis a = { e, 2, q, 1, NULL, 0 };
	struct names *nm;

	(void)state;
	memset(q, 0, sizeof q);
	q[0].start = 17;
	q[0].end = 22;
	q[0].speaker_start = 28;
	q[0].speaker_end = 35;
	nm = names_new(text, strlen(text), &a);
	assert_string_equal(names_name(nm, names_entity(nm, 1)), "Lee");
	assert_string_equal(names_name(nm, names_speaker(nm, 0)), "a clerk");
	assert_int_equal(names_type(nm, names_speaker(nm, 0)), ENT_PERSON);
	assert_int_equal(names_count(nm), 3);
	names_free(nm);
}

static void
empty_analysis(void **state)
{
	struct analysis a = { NULL, 0, NULL, 0, NULL, 0 };
	struct names *nm = names_new("", 0, &a);

	(void)state;
	assert_int_equal(names_count(nm), 0);
	assert_int_equal(names_entity(nm, 0), NAMES_NONE);
	names_free(nm);
	names_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_names),
		cmocka_unit_test(no_links),
		cmocka_unit_test(empty_analysis),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
