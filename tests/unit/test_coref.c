/*
 * test_coref.c: one entity, many mentions (coref.c): which mentions are
 * linked, which names the entity, what the text says of a person's sex.
 * Mentions are given by hand, so only the linking is tested.
 */
#include "testutil.h"

#include <string.h>

#include "artread/coref.h"
#include "testrules.h"

#define MAXM	8

/* A text and its mentions: each mention is the first occurrence of its
 * text from `from`; canon names, per mention, its canonical mention's
 * text. */
struct m {
	const char	*s;
	enum ent_type	 type;
	size_t		 from;
	const char	*canon;
};

struct coref_case {
	const char	*name;
	const char	*text;
	struct m	 m[MAXM];	/* up to the first NULL */
};

static struct coref_case cases[] = {
	{ "a surname and a given name",
	    "Rhys Pettifer spoke. Pettifer left. Rhys came back.",
	    { { "Rhys Pettifer", ENT_PERSON, 0, "Rhys Pettifer" },
	      { "Pettifer", ENT_PERSON, 15, "Rhys Pettifer" },
	      { "Rhys", ENT_PERSON, 30, "Rhys Pettifer" } } },
	{ "family name first",
	    "Zhou Mingyu and Nguyễn Thị Hoa met. Zhou and Hoa agreed.",
	    { { "Zhou Mingyu", ENT_PERSON, 0, "Zhou Mingyu" },
	      { "Nguyễn Thị Hoa", ENT_PERSON, 0, "Nguyễn Thị Hoa" },
	      { "Zhou", ENT_PERSON, 20, "Zhou Mingyu" },
	      { "Hoa", ENT_PERSON, 40, "Nguyễn Thị Hoa" } } },
	{ "particles without case, accents",
	    "Jan van der Linden spoke. Van der Linden and Turcanu met "
	    "Ioana Țurcanu.",
	    { { "Jan van der Linden", ENT_PERSON, 0, "Jan van der Linden" },
	      { "Van der Linden", ENT_PERSON, 0, "Jan van der Linden" },
	      { "Turcanu", ENT_PERSON, 0, "Ioana Țurcanu" },
	      { "Ioana Țurcanu", ENT_PERSON, 0, "Ioana Țurcanu" } } },
	{ "the nearest full name for a shared surname",
	    "Kim Soo-ah spoke. Kim agreed. Kim Dae-jung spoke. Kim left.",
	    { { "Kim Soo-ah", ENT_PERSON, 0, "Kim Soo-ah" },
	      { "Kim", ENT_PERSON, 15, "Kim Soo-ah" },
	      { "Kim Dae-jung", ENT_PERSON, 0, "Kim Dae-jung" },
	      { "Kim", ENT_PERSON, 45, "Kim Dae-jung" } } },
	{ "acronyms by definition and by initials",
	    "The National Anticorruption Directorate (DNA) spoke. The DNA "
	    "and the European Battery Alliance met; the EBA agreed.",
	    { { "National Anticorruption Directorate", ENT_ORG, 0,
		"National Anticorruption Directorate" },
	      { "DNA", ENT_ORG, 0, "National Anticorruption Directorate" },
	      { "DNA", ENT_ORG, 50, "National Anticorruption Directorate" },
	      { "European Battery Alliance", ENT_ORG, 0,
		"European Battery Alliance" },
	      { "EBA", ENT_ORG, 0, "European Battery Alliance" } } },
	{ "suffixes in lower case, a TD's letters",
	    "Halden Fisk hf. grew. Halden Fisk said so; Niall Brennan TD "
	    "agreed.",
	    { { "Halden Fisk hf.", ENT_ORG, 0, "Halden Fisk" },
	      { "Halden Fisk", ENT_ORG, 20, "Halden Fisk" },
	      { "Niall Brennan TD", ENT_PERSON, 0, "Niall Brennan" } } },
	{ "organisations: the short form, the suffix",
	    "Samsung Electronics fell. Samsung said so. Castlegate Property "
	    "Holdings Ltd. agreed; the European Commission and the "
	    "Commission did too.",
	    { { "Samsung Electronics", ENT_ORG, 0, "Samsung Electronics" },
	      { "Samsung", ENT_ORG, 20, "Samsung Electronics" },
	      { "Castlegate Property Holdings Ltd.", ENT_ORG, 0,
		"Castlegate Property Holdings" },
	      { "European Commission", ENT_ORG, 0, "European Commission" },
	      { "Commission", ENT_ORG, 110, "European Commission" } } },
	{ "another script beside, and a headline's surname",
	    "Þórisdóttir Scores\n\nSóley Þórisdóttir scored in Shenzhen "
	    "(深圳). Giorgos Vlachakis (Γιώργος Βλαχάκης) spoke.",
	    { { "Þórisdóttir", ENT_PERSON, 0, "Sóley Þórisdóttir" },
	      { "Sóley Þórisdóttir", ENT_PERSON, 0, "Sóley Þórisdóttir" },
	      { "Shenzhen", ENT_PLACE, 0, "Shenzhen" },
	      { "深圳", ENT_PLACE, 0, "Shenzhen" },
	      { "Giorgos Vlachakis", ENT_PERSON, 0, "Giorgos Vlachakis" },
	      { "Γιώργος Βλαχάκης", ENT_PERSON, 0, "Giorgos Vlachakis" } } },
	{ "a byline's capitals name no one better than the text",
	    "By TOMASZ ZIELKE\n\nTomasz Zielke is in Gdańsk.",
	    { { "TOMASZ ZIELKE", ENT_PERSON, 0, "Tomasz Zielke" },
	      { "Tomasz Zielke", ENT_PERSON, 0, "Tomasz Zielke" } } },
	{ "post-nominals are no part of the name",
	    "Jane Holt KC spoke. Holt left.",
	    { { "Jane Holt KC", ENT_PERSON, 0, "Jane Holt" },
	      { "Holt", ENT_PERSON, 15, "Jane Holt" } } },
	{ "a birth name is the person of that given name before",
	    "Halina Brennan died. Born Halina Zawadzka in 1935, she married "
	    "Séamus Brennan; Halina Nowak, née Halina Wójcik, did not.",
	    { { "Halina Brennan", ENT_PERSON, 0, "Halina Brennan" },
	      { "Halina Zawadzka", ENT_PERSON, 0, "Halina Brennan" },
	      { "Séamus Brennan", ENT_PERSON, 0, "Séamus Brennan" },
	      { "Halina Nowak", ENT_PERSON, 0, "Halina Nowak" },
	      { "Halina Wójcik", ENT_PERSON, 0, "Halina Nowak" } } },
	{ "a word inside a longer name",
	    "Abdul Karim Sheikh farms. Karim left. Gabriel García Márquez "
	    "wrote; García won.",
	    { { "Abdul Karim Sheikh", ENT_PERSON, 0, "Abdul Karim Sheikh" },
	      { "Karim", ENT_PERSON, 20, "Abdul Karim Sheikh" },
	      { "Gabriel García Márquez", ENT_PERSON, 0,
		"Gabriel García Márquez" },
	      { "García", ENT_PERSON, 60, "Gabriel García Márquez" } } },
	{ "a double-barrelled surname cut to either half",
	    "Ama Owusu-Larbi died. Ama Owusu grew up in Tema; Ama Larbi "
	    "taught. Ama Owusu-Larbi's friend Ama Osei did not.",
	    { { "Ama Owusu-Larbi", ENT_PERSON, 0, "Ama Owusu-Larbi" },
	      { "Ama Owusu", ENT_PERSON, 20, "Ama Owusu-Larbi" },
	      { "Ama Larbi", ENT_PERSON, 0, "Ama Owusu-Larbi" },
	      { "Ama Owusu-Larbi", ENT_PERSON, 60, "Ama Owusu-Larbi" },
	      { "Ama Osei", ENT_PERSON, 0, "Ama Osei" } } },
	{ "HEAD of X is the X HEAD",
	    "The Transport Ministry and the Ministry of Labour met; the "
	    "Ministry of Transport spoke.",
	    { { "Transport Ministry", ENT_ORG, 0, "Ministry of Transport" },
	      { "Ministry of Labour", ENT_ORG, 0, "Ministry of Labour" },
	      { "Ministry of Transport", ENT_ORG, 0,
		"Ministry of Transport" } } },
};

/* The mentions of a case, in text order (they are listed so). */
static size_t
mentions(const struct coref_case *c, struct entity *e)
{
	size_t n;

	for (n = 0; n < MAXM && c->m[n].s != NULL; n++) {
		const char *p = strstr(c->text + c->m[n].from, c->m[n].s);

		if (p == NULL)
			fail_msg("\"%s\" not in the text", c->m[n].s);
		e[n].start = (size_t)(p - c->text);
		e[n].end = e[n].start + strlen(c->m[n].s);
		e[n].type = c->m[n].type;
		if (n > 0 && e[n].start < e[n - 1].end)
			fail_msg("mentions out of order at \"%s\"", c->m[n].s);
	}
	return n;
}

static void
coref_row(void **state)
{
	const struct coref_case *c = *state;
	struct entity e[MAXM];
	size_t canon[MAXM], n, i, s, t;

	n = mentions(c, e);
	coref_link(R, c->text, strlen(c->text), e, n, canon);
	for (i = 0; i < n; i++) {
		coref_name(c->text, e, canon, n, i, &s, &t);
		if (t - s != strlen(c->m[i].canon) ||
		    memcmp(c->text + s, c->m[i].canon, t - s) != 0)
			fail_msg("\"%s\" (#%zu) is named \"%.*s\", not \"%s\"",
			    c->m[i].s, i, (int)(t - s), c->text + s,
			    c->m[i].canon);
	}
}

/* The sexes of text's mentions are want[0, nw) ("" for none). */
static void
check_sexes(const char *text, const struct m *want, size_t nw)
{
	struct coref_case c = { "sexes", text, { { NULL, 0, 0, NULL } } };
	struct entity e[MAXM + 1];
	size_t canon[MAXM + 1], n, i;
	char sex[MAXM + 1];

	for (i = 0; i < nw; i++)
		c.m[i] = want[i];
	n = mentions(&c, e);
	coref_link(R, text, strlen(text), e, n, canon);
	coref_sexes(R, text, strlen(text), e, canon, n, sex);
	for (i = 0; i < n; i++) {
		if (sex[i] != want[i].canon[0])
			fail_msg("\"%s\": sex '%c', not '%c'", want[i].s,
			    sex[i] ? sex[i] : '0',
			    want[i].canon[0] ? want[i].canon[0] : '0');
	}
}

/* Sex: titles, given names, Thị and Văn, endings; the same for every
 * mention of a person; a mention over a line break (which once looped
 * for ever). */
static void
sexes(void **state)
{
	static const struct m want[] = {
		{ "Hale", ENT_PERSON, 0, "f" },
		{ "Tomás Ferrer", ENT_PERSON, 0, "m" },
		{ "Lê Văn Dũng", ENT_PERSON, 0, "m" },
		{ "Phạm Thị Lan", ENT_PERSON, 0, "f" },
		{ "Sóley Þórisdóttir", ENT_PERSON, 0, "f" },
		{ "Park\nJi-woo", ENT_PERSON, 0, "" },
		{ "Hale", ENT_PERSON, 100, "f" },
		{ "Dũng", ENT_PERSON, 100, "m" },
	};

	(void)state;
	check_sexes("Ms. Hale met Tomás Ferrer, Lê Văn Dũng, Phạm Thị "
	    "Lan, Sóley Þórisdóttir and Park\nJi-woo. Hale, Dũng and Park "
	    "left.", want, testutil_nelem(want));
}

/* "X said he", "X told them that she": only where names and titles say
 * nothing ("Ms. Hale said he" is still a woman). */
static void
sexes_from_pronouns(void **state)
{
	static const struct m want[] = {
		{ "Ikenna Ofor", ENT_PERSON, 0, "m" },
		{ "Oluchi Nwosu", ENT_PERSON, 0, "f" },
		{ "Ofor", ENT_PERSON, 30, "m" },
		{ "Nwosu", ENT_PERSON, 30, "f" },
		{ "Hale", ENT_PERSON, 0, "f" },
	};

	(void)state;
	check_sexes("Ikenna Ofor met Oluchi Nwosu. Ofor said he would stay; "
	    "Nwosu told them that she would not. Ms. Hale said he was late.",
	    want, testutil_nelem(want));
}

/* The mention at a span, and analysis_canon on hand-made analyses. */
static void
mention_at_and_canon(void **state)
{
	struct entity e[] = { { 0, 4, ENT_PERSON }, { 10, 20, ENT_ORG } };
	size_t canon[] = { 0, 0 };
	struct analysis a = { e, 2, NULL, 0, NULL, 0 };

	(void)state;
	assert_int_equal(coref_mention_at(e, 2, 0, 4), 0);
	assert_int_equal(coref_mention_at(e, 2, 12, 15), 1);
	assert_int_equal(coref_mention_at(e, 2, 5, 8), -1);
	assert_int_equal(coref_mention_at(e, 2, 18, 25), -1);
	assert_int_equal(coref_mention_at(e, 0, 0, 1), -1);
	assert_int_equal(analysis_canon(&a, 1), 1);	/* no links: itself */
	a.canon = canon;
	assert_int_equal(analysis_canon(&a, 1), 0);
	assert_int_equal(analysis_canon(&a, 7), 7);	/* out of range */
}

/* Through analysis_run: the canonical index of every mention, the
 * fullest name for a later surname. */
static void
analysed(void **state)
{
	size_t i, c;

	(void)state;
	run("Mirela Dobrescu spoke in Cluj. Dobrescu left for Iasi.");
	assert_non_null(A.canon);
	for (i = 0; i < A.nents; i++) {
		if (A.ents[i].end - A.ents[i].start == 8 &&
		    memcmp(T + A.ents[i].start, "Dobrescu", 8) == 0)
			break;
	}
	assert_true(i < A.nents);
	c = analysis_canon(&A, i);
	assert_true(c < i);
	assert_int_equal(A.ents[c].start, 0);
	assert_int_equal(A.ents[c].end, strlen("Mirela Dobrescu"));
}

int
main(void)
{
	struct CMUnitTest tests[4 + testutil_nelem(cases)] = {
		cmocka_unit_test(sexes),
		cmocka_unit_test(sexes_from_pronouns),
		cmocka_unit_test(mention_at_and_canon),
		cmocka_unit_test(analysed),
	};

	testutil_table(tests, 4, cases, coref_row);
	return cmocka_run_group_tests(tests, setup, teardown);
}
