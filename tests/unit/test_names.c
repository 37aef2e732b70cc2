/*
 * test_names.c: the full name of each mention and speaker: surnames,
 * family names first, types kept apart, speakers without a name.
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
	    "left.  \"Fine,\" said Pettifer.  \"Go,\" said Ann.  \"So.\"";
	struct entity e[10];
	struct quote q[3];
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
	/* sorted by start as an analysis is: e[6] and e[7] share a start */
	memset(q, 0, sizeof q);
	q[0].start = testutil_nth(text, "\"Fine", 0);
	q[0].speaker_start = testutil_nth(text, "Pettifer", 2);
	q[0].speaker_end = q[0].speaker_start + 8;
	q[1].start = testutil_nth(text, "\"Go", 0);
	q[1].speaker_start = testutil_nth(text, "Ann", 1);
	q[1].speaker_end = q[1].speaker_start + 3;
	q[2].start = testutil_nth(text, "\"So", 0);
	a.ents = e;
	a.nents = 10;
	a.quotes = q;
	a.nquotes = 3;
	nm = names_new(text, strlen(text), &a);
	/* a surname is the full name that ends with it */
	assert_string_equal(names_name(nm, names_entity(nm, 4)),
	    "Rhys Pettifer");
	assert_int_equal(names_entity(nm, 4), names_entity(nm, 0));
	assert_int_equal(names_entity(nm, 9), names_entity(nm, 0));
	/* family name first: the full name that starts with it */
	assert_string_equal(names_name(nm, names_entity(nm, 5)),
	    "Zhou Mingyu");
	assert_int_equal(names_type(nm, names_entity(nm, 5)), ENT_PERSON);
	/* the longest of several that end with it; white space runs are
	 * one space */
	assert_string_equal(names_name(nm, names_entity(nm, 6)), "Lee nodded");
	assert_string_equal(names_name(nm, names_entity(nm, 7)), "Jordan Lee");
	/* a place is not a person of the same name */
	assert_string_equal(names_name(nm, names_entity(nm, 3)), "Jordan");
	assert_int_equal(names_type(nm, names_entity(nm, 3)), ENT_PLACE);
	/* a name found nowhere longer is itself */
	assert_string_equal(names_name(nm, names_entity(nm, 8)), "Ann");
	/* speakers: the same ids as the mentions; none for no speaker */
	assert_int_equal(names_speaker(nm, 0), names_entity(nm, 0));
	assert_int_equal(names_speaker(nm, 1), names_entity(nm, 8));
	assert_int_equal(names_speaker(nm, 2), NAMES_NONE);
	assert_int_equal(names_speaker(nm, 3), NAMES_NONE);
	/* ids are dense: Rhys Pettifer, Zhou Mingyu, Jordan Lee, Jordan,
	 * Lee nodded, Ann */
	assert_int_equal(names_count(nm), 6);
	for (i = 0; i < names_count(nm); i++)
		assert_true(*names_name(nm, i) != '\0');
	assert_string_equal(names_name(nm, 99), "");
	names_free(nm);
}

static void
empty_analysis(void **state)
{
	struct analysis a = { NULL, 0, NULL, 0 };
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
		cmocka_unit_test(empty_analysis),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
