/*
 * test_analysis.c: a text analysed in blocks, on several threads, or a
 * block at a time in bounded memory (analysis_stream), gives exactly
 * what it gives analysed whole on one: every mention, its link
 * (analysis_canon), every quote and speaker.  Blocks are made as small
 * as they can be (a boundary at every paragraph start where one may
 * go), so every rule sees a block edge next to what it looks at; the
 * articles are the sample and tuning sets, one after another, and
 * texts written to put a name's context across a paragraph break.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testrules.h"
#include "artread/coref.h"
#include "artread/util.h"

/* Analyse t[0, len) whole on one thread and in blocks on nthreads;
 * both the same, each entity and quote field for field. */
static void
same_in_blocks(const char *name, const char *t, size_t len, int nthreads)
{
	struct analysis whole, blocks;
	size_t i, *bounds, nb;

	analysis_set_threads(1);
	analysis_set_block_size((size_t)-1 / 2);
	analysis_run(R, t, len, &whole);
	analysis_set_threads(nthreads);
	analysis_set_block_size(1);
	nb = analysis_blocks(t, len, 1, &bounds);
	free(bounds);
	analysis_run(R, t, len, &blocks);
	analysis_set_block_size(0);
	analysis_set_threads(0);
	if (whole.nents != blocks.nents || whole.nquotes != blocks.nquotes)
		fail_msg("%s (%zu blocks, %d threads): %zu/%zu mentions, "
		    "%zu/%zu quotes", name, nb, nthreads, whole.nents,
		    blocks.nents, whole.nquotes, blocks.nquotes);
	for (i = 0; i < whole.nents; i++)
		if (whole.ents[i].start != blocks.ents[i].start ||
		    whole.ents[i].end != blocks.ents[i].end ||
		    whole.ents[i].type != blocks.ents[i].type ||
		    analysis_canon(&whole, i) != analysis_canon(&blocks, i))
			fail_msg("%s: mention %zu (%zu-%zu) differs in blocks",
			    name, i, whole.ents[i].start, whole.ents[i].end);
	for (i = 0; i < whole.nquotes; i++)
		if (memcmp(&whole.quotes[i], &blocks.quotes[i],
		    sizeof whole.quotes[i]) != 0)
			fail_msg("%s: quote %zu (%zu-%zu) differs in blocks",
			    name, i, whole.quotes[i].start, whole.quotes[i].end);
	assert_true(nb > 1 || len < 200);
	analysis_free(&whole);
	analysis_free(&blocks);
}

/*
 * The same a block at a time (analysis_stream): each block's mentions,
 * their names (the text of the mention analysis_canon points to) and
 * quotes are the whole analysis's, in order.  Blocks as small as they
 * can be make every quote's window small: most look past it and are
 * read again.
 */
static void
same_streamed(const char *name, const char *t, size_t len)
{
	struct analysis whole;
	const struct analysis *v;
	struct analysis_stream *st;
	size_t i, ie = 0, iq = 0, bs, be, nb = 0, c, vc, ns, ne, ws, we;

	analysis_set_threads(1);
	analysis_set_block_size((size_t)-1 / 2);
	analysis_run(R, t, len, &whole);
	analysis_set_threads(2);
	analysis_set_block_size(1);
	st = analysis_stream_open(R, t, len, NULL);
	while ((v = analysis_stream_next(st, &bs, &be)) != NULL) {
		nb++;
		for (i = 0; i < v->nents; i++, ie++) {
			if (ie >= whole.nents ||
			    whole.ents[ie].start != v->ents[i].start ||
			    whole.ents[ie].end != v->ents[i].end ||
			    whole.ents[ie].type != v->ents[i].type)
				fail_msg("%s: mention %zu differs streamed", name,
				    ie);
			c = analysis_canon(&whole, ie);
			vc = analysis_canon(v, i);
			if (whole.ents[c].start != v->ents[vc].start ||
			    whole.ents[c].end != v->ents[vc].end)
				fail_msg("%s: mention %zu named otherwise "
				    "streamed", name, ie);
			assert_int_equal(analysis_stream_mention_at(st,
			    v->ents[i].start, v->ents[i].end, &ns, &ne),
			    v->ents[i].type);
			coref_name(t, whole.ents, whole.canon, whole.nents, ie,
			    &ws, &we);
			assert_int_equal(ns, ws);
			assert_int_equal(ne, we);
		}
		for (i = 0; i < v->nquotes; i++, iq++)
			if (iq >= whole.nquotes || memcmp(&whole.quotes[iq],
			    &v->quotes[i], sizeof v->quotes[i]) != 0)
				fail_msg("%s: quote %zu (%zu-%zu) differs "
				    "streamed", name, iq, v->quotes[i].start,
				    v->quotes[i].end);
	}
	analysis_stream_close(st);
	analysis_set_block_size(0);
	analysis_set_threads(0);
	assert_int_equal(ie, whole.nents);
	assert_int_equal(iq, whole.nquotes);
	assert_true(nb > 1 || len < 200);
	analysis_free(&whole);
}

/* The articles, each alone and all of them as one text. */
static void
test_articles(void **state)
{
	static const char *const dirs[] = { "sample-articles",
	    "tests/data/tuning" };
	struct buf all;
	size_t i;

	(void)state;
	buf_init(&all);
	for (i = 0; i < testutil_nelem(dirs); i++)
		testrules_read_dir(dirs[i], &all);
	same_in_blocks("the articles as one text", all.data, all.len, 2);
	same_in_blocks("the articles, 3 threads", all.data, all.len, 3);
	same_streamed("the articles streamed", all.data, all.len);
	buf_free(&all);
}

/*
 * What the recogniser reads across a paragraph break: a place
 * preposition or "the" ending the paragraph before ("in the\n\nThames"),
 * a title before a name, a name's surname used alone later, a quote
 * attributed in the next paragraph, an acronym defined in one paragraph
 * and used in another, a headline after a blank line.
 */
static void
test_across_paragraphs(void **state)
{
	static const char *const texts[] = {
		"Flood Warning Issued For Kestrel Valley\n\n"
		"The barges waited in the\n\nThames estuary overnight, "
		"said Councillor Ines Varga.\n\nVarga said the Port of "
		"Kestrel Authority (PKA) would reopen.\n\n"
		"“We are ready,” she said.\n\n“The PKA is ready too.”\n\n"
		"chief executive\n\nAdaora Nwachukwu said on Monday, March 7 "
		"that profits rose 4 per cent.\n\nNwachukwu's staff "
		"agreed.\n",
		"By Jane Doe and John Roe\n\nWARSAW -- Poland's "
		"Ministry of Labour, Family and\n\nSocial Affairs said "
		"\"the rate,\" said Kowalski, \"is too high.\"\n\n"
		"Mr.\n\nSmith of Acme Corp.\n\nInc. said.\n\n"
		"Zhou Mingyu\n\nZhou said: “fine”\n\n“and more”\n\n",
		/* prep_before looks past the blank line for "to the" */
		("The delegation flew to the\n\nVictoria said the plan "
		"worked.\n\nIn the\n\nReading rooms, they sat.\n\n"),
	};
	struct buf t;
	size_t i, k;
	char name[32];

	(void)state;
	for (i = 0; i < testutil_nelem(texts); i++) {
		buf_init(&t);
		for (k = 0; k < 20; k++)
			buf_adds(&t, texts[i]);
		snprintf(name, sizeof name, "text %zu", i);
		same_in_blocks(name, t.data, t.len, 2);
		same_streamed(name, t.data, t.len);
		buf_free(&t);
	}
}

/* Block boundaries: paragraph starts after blank lines, in order; none
 * in a text without blank lines. */
static void
test_boundaries(void **state)
{
	const char *t = "One two.\n\nThree four.\n  \nFive.\nSix.\n\n\nSeven.";
	const char *flat = "One two.\nThree four.\nFive.\n";
	size_t *b, n;

	(void)state;
	n = analysis_blocks(t, strlen(t), 1, &b);
	assert_int_equal(n, 4);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[1], 10);		/* "Three" */
	assert_int_equal(b[2], 25);		/* "Five" */
	assert_int_equal(b[3], 37);		/* the third line break */
	assert_int_equal(b[4], strlen(t));
	free(b);
	n = analysis_blocks(t, strlen(t), 20, &b);
	assert_int_equal(n, 2);			/* at least 20 bytes each */
	assert_int_equal(b[1], 25);
	free(b);
	n = analysis_blocks(flat, strlen(flat), 1, &b);
	assert_int_equal(n, 1);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_articles),
		cmocka_unit_test(test_across_paragraphs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
