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
	/* the legal forms of France and of Latin America: SAS, Ltda. */
	{ "an SAS and a Ltda.",
	    "Tranvía Sur SAS grew. Café Andino Ltda. fell.",
	    { { "Tranvía Sur SAS", ENT_ORG, 0, "Tranvía Sur" },
	      { "Café Andino Ltda.", ENT_ORG, 0, "Café Andino" } } },
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
	/* any type: a name that differs only by case (a dateline's
	 * capitals) is the same, named as the text writes it */
	{ "a dateline's capitals are the place",
	    "LIVERPOOL, Monday - Liverpool council met on MONDAY in "
	    "ÅLESUND; Ålesund and GROSSE STRASSE (Große Straße) agreed.",
	    { { "LIVERPOOL", ENT_PLACE, 0, "Liverpool" },
	      { "Monday", ENT_DATE, 0, "Monday" },
	      { "Liverpool", ENT_PLACE, 0, "Liverpool" },
	      { "MONDAY", ENT_DATE, 0, "Monday" },
	      { "ÅLESUND", ENT_PLACE, 0, "Ålesund" },
	      { "Ålesund", ENT_PLACE, 0, "Ålesund" },
	      { "GROSSE STRASSE", ENT_PLACE, 0, "Große Straße" },
	      { "Große Straße", ENT_PLACE, 0, "Große Straße" } } },
	{ "a URL's path has case: only the same URL is the same",
	    "See https://example.org/Report and https://example.org/report; "
	    "mail INFO@example.org or info@example.org.",
	    { { "https://example.org/Report", ENT_URL, 0,
		"https://example.org/Report" },
	      { "https://example.org/report", ENT_URL, 0,
		"https://example.org/report" },
	      { "INFO@example.org", ENT_EMAIL, 0, "info@example.org" },
	      { "info@example.org", ENT_EMAIL, 0, "info@example.org" } } },
	{ "only case: not a part, not another type",
	    "New York met York. Jordan flew to Jordan; JORDAN agreed.",
	    { { "New York", ENT_PLACE, 0, "New York" },
	      { "York", ENT_PLACE, 5, "York" },
	      { "Jordan", ENT_PERSON, 0, "Jordan" },
	      { "Jordan", ENT_PLACE, 25, "Jordan" },
	      { "JORDAN", ENT_PLACE, 0, "Jordan" } } },
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

/* A long text for the streaming linker: a headline's surname, then
 * paragraphs naming the same people and organisation again and again
 * (6 mentions each: many tape pieces), then the headline's full name. */
struct long_text {
	struct buf		 t;
	struct coref_mention	*m;
	size_t			 n;
};

static void
long_mention(struct long_text *lt, const char *name, enum ent_type type)
{
	lt->m = xreallocarray(lt->m, lt->n + 1, sizeof *lt->m);
	memset(&lt->m[lt->n], 0, sizeof *lt->m);
	lt->m[lt->n].start = lt->t.len;
	lt->m[lt->n].len = (uint32_t)strlen(name);
	lt->m[lt->n].type = (uint8_t)type;
	lt->n++;
	buf_adds(&lt->t, name);
}

static void
long_text(struct long_text *lt, size_t paragraphs)
{
	static const struct m para[] = {	/* (from: what follows) */
		{ "Anna Hale", ENT_PERSON, 0, " met " },
		{ "Rhys Kowalski", ENT_PERSON, 0, " of the " },
		{ "European Battery Alliance", ENT_ORG, 0, ". " },
		{ "Hale", ENT_PERSON, 0, " said he agreed; the " },
		{ "EBA", ENT_ORG, 0, " and " },
		{ "Kowalski", ENT_PERSON, 0, " did too.\n\n" },
	};
	size_t k, j;

	memset(lt, 0, sizeof *lt);
	buf_init(&lt->t);
	long_mention(lt, "Pettifer", ENT_PERSON);
	buf_adds(&lt->t, " spoke first.\n\n");
	for (k = 0; k < paragraphs; k++)
		for (j = 0; j < testutil_nelem(para); j++) {
			long_mention(lt, para[j].s, para[j].type);
			buf_adds(&lt->t, para[j].canon);
		}
	long_mention(lt, "Rhys Pettifer", ENT_PERSON);
	buf_adds(&lt->t, " closed.\n");
}

static char tmpdir[PATH_MAX];

/* The links and sexes of the streaming linker, its tapes and its
 * union-find kept in at most mem_limit bytes each; files: how many of
 * them are then in temporary files (in tmpdir). */
static void
link_stream(const struct long_text *lt, size_t mem_limit, int files,
    uint32_t *canon, char *sex)
{
	struct coref_linker *l = coref_linker_open(lt->t.data, lt->t.len, R,
	    mem_limit);
	struct coref_entity e;
	size_t i;

	for (i = 0; i < lt->n; i++)
		coref_linker_add(l, &lt->m[i]);
	coref_linker_link(l);
	assert_int_equal(testutil_fds_in(tmpdir), files);
	for (i = 0; i < lt->n; i++) {
		coref_linker_next(l, &e);
		canon[i] = (uint32_t)e.canon;
		sex[i] = e.sex;
		assert_int_equal(e.start, lt->m[canon[i]].start);
		assert_int_equal(e.len, lt->m[canon[i]].len);
		assert_int_equal(e.type, lt->m[canon[i]].type);
	}
	coref_linker_close(l);
}

/*
 * The streaming linker, which reads its mentions back from tapes (in a
 * temporary file past a limit; the backward sweep backwards), links as
 * the linker that held every mention in memory did: a headline's
 * surname to the full name 18,000 mentions later, every later mention
 * to the first full name; and the same with the tapes and the
 * union-find in memory or on disk (in a mapped file from the first
 * mention, or moved there after 2,048), and through coref_link_mentions
 * and coref_sexes_mentions.
 */
static void
streamed_long_text(void **state)
{
	struct long_text lt;
	uint32_t *c1, *c2, *c3, *c4;
	char *s1, *s2, *s3, *s4;
	size_t i, n, last;

	(void)state;
	assert_int_equal(testutil_mkdtemp(tmpdir, "coref"), 0);
	setenv("TMPDIR", tmpdir, 1);
	long_text(&lt, 3000);
	n = lt.n;
	last = n - 1;
	c1 = xcalloc(n, sizeof *c1);
	c2 = xcalloc(n, sizeof *c2);
	c3 = xcalloc(n, sizeof *c3);
	c4 = xcalloc(n, sizeof *c4);
	s1 = xcalloc(n, 1);
	s2 = xcalloc(n, 1);
	s3 = xcalloc(n, 1);
	s4 = xcalloc(n, 1);
	/* on disk at once: the two tapes and the union-find */
	link_stream(&lt, 1, 3, c1, s1);
	link_stream(&lt, SIZE_MAX, 0, c2, s2);	/* all in memory */
	link_stream(&lt, 8192, 3, c4, s4);	/* moved to disk on the way */
	coref_link_mentions(lt.t.data, lt.t.len, lt.m, n, c3);
	coref_sexes_mentions(R, lt.t.data, lt.t.len, lt.m, c3, n, s3);
	unsetenv("TMPDIR");
	assert_int_equal(testutil_rmtree(tmpdir), 0);
	assert_memory_equal(c1, c2, n * sizeof *c1);
	assert_memory_equal(c1, c3, n * sizeof *c1);
	assert_memory_equal(c1, c4, n * sizeof *c1);
	assert_memory_equal(s1, s2, n);
	assert_memory_equal(s1, s3, n);
	assert_memory_equal(s1, s4, n);
	/* the headline's surname: linked backwards, far */
	assert_int_equal(c1[0], last);
	assert_int_equal(c1[last], last);
	for (i = 1; i < last; i++) {
		/* Anna Hale, Rhys Kowalski, the European Battery Alliance:
		 * the first of each names all */
		static const uint32_t first[6] = { 1, 2, 3, 1, 3, 2 };

		if (c1[i] != first[(i - 1) % 6])
			fail_msg("mention %zu: linked to %u, not %u", i, c1[i],
			    first[(i - 1) % 6]);
		assert_int_equal(s1[i], (i - 1) % 6 == 0 || (i - 1) % 6 == 3 ?
		    'f' : (i - 1) % 6 == 2 || (i - 1) % 6 == 4 ? 0 : 'm');
	}
	free(c1);
	free(c2);
	free(c3);
	free(c4);
	free(s1);
	free(s2);
	free(s3);
	free(s4);
	free(lt.m);
	buf_free(&lt.t);
}

int
main(void)
{
	static const struct CMUnitTest funcs[] = {
		cmocka_unit_test(sexes),
		cmocka_unit_test(sexes_from_pronouns),
		cmocka_unit_test(mention_at_and_canon),
		cmocka_unit_test(analysed),
		cmocka_unit_test(streamed_long_text),
	};

	testutil_run_with_table(funcs, cases, coref_row, setup, teardown);
}
