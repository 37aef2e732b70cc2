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
#include <sys/stat.h>
#include <unistd.h>

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

/* (analysis_pipe) what a block's work leaves: its number and its
 * counts, made in the thread that made the block */
static void
note_block(void *arg, struct analysis_piece *j)
{
	(void)arg;
	buf_printf(j->out, "%zu %zu-%zu %zu %zu\n", j->k, j->start, j->end,
	    j->an.nents, j->an.nquotes);
	j->note[0] = j->k + 1;
}

/*
 * The pipeline gives the blocks in order, each what analysis_stream_next
 * gives for it (the mentions, their names, the quotes), with what the
 * work made of that very block; closing it part way leaves nothing
 * behind (valgrind, ASan).
 */
static void
same_piped(const char *name, const char *t, size_t len, int nthreads)
{
	struct analysis_stream *st, *st2;
	struct analysis_pipe *p;
	struct analysis_piece *j;
	const struct analysis *v;
	size_t k = 0, bs, be, i, want, stop;
	char line[128];

	analysis_set_threads(nthreads);
	analysis_set_block_size(1);
	st = analysis_stream_open(R, t, len, NULL);
	st2 = analysis_stream_open(R, t, len, NULL);
	p = analysis_pipe_open(st, note_block, NULL);
	while ((j = analysis_pipe_next(p)) != NULL) {
		v = analysis_stream_next(st2, &bs, &be);
		assert_non_null(v);
		if (j->k != k || j->start != bs || j->end != be ||
		    j->note[0] != k + 1)
			fail_msg("%s, %d threads: block %zu given as %zu "
			    "(%zu-%zu, not %zu-%zu)", name, nthreads, k, j->k,
			    j->start, j->end, bs, be);
		snprintf(line, sizeof line, "%zu %zu-%zu %zu %zu\n", k, bs, be,
		    v->nents, v->nquotes);
		assert_int_equal(j->out->len, strlen(line));
		assert_memory_equal(j->out->data, line, strlen(line));
		assert_int_equal(j->an.nents, v->nents);
		assert_int_equal(j->an.nquotes, v->nquotes);
		for (i = 0; i < v->nents; i++)
			if (j->an.ents[i].start != v->ents[i].start ||
			    j->an.ents[i].end != v->ents[i].end ||
			    j->an.ents[i].type != v->ents[i].type ||
			    j->an.ents[analysis_canon(&j->an, i)].start !=
			    v->ents[analysis_canon(v, i)].start)
				fail_msg("%s: block %zu, mention %zu differs",
				    name, k, i);
		for (i = 0; i < v->nquotes; i++)
			assert_memory_equal(&j->an.quotes[i], &v->quotes[i],
			    sizeof v->quotes[i]);
		k++;
	}
	assert_null(analysis_stream_next(st2, &bs, &be));
	assert_null(analysis_pipe_next(p));	/* and stays at the end */
	assert_true(k > 2 || len < 200);
	analysis_pipe_close(p);
	analysis_stream_close(st);
	analysis_stream_close(st2);
	/* closed after a block or two, the others made or being made */
	for (stop = 1; stop <= 2; stop++) {
		st = analysis_stream_open(R, t, len, NULL);
		p = analysis_pipe_open(st, note_block, NULL);
		for (want = 0; want < stop; want++)
			assert_non_null(analysis_pipe_next(p));
		analysis_pipe_close(p);
		analysis_stream_close(st);
	}
	analysis_set_block_size(0);
	analysis_set_threads(0);
}

/* A text of one block comes through the pipeline as one piece, the
 * stream's whole analysis. */
static void
test_pipe_one_block(void **state)
{
	const char *t = "Councillor Ines Varga said “we are ready.”\n";
	struct analysis_stream *st;
	struct analysis_pipe *p;
	struct analysis_piece *j;

	(void)state;
	analysis_set_threads(2);
	st = analysis_stream_open(R, t, strlen(t), NULL);
	p = analysis_pipe_open(st, note_block, NULL);
	j = analysis_pipe_next(p);
	assert_non_null(j);
	assert_int_equal(j->k, 0);
	assert_int_equal(j->start, 0);
	assert_int_equal(j->end, strlen(t));
	assert_true(j->an.nents >= 1);
	assert_int_equal(j->an.nquotes, 1);
	assert_int_equal(j->note[0], 1);
	assert_null(analysis_pipe_next(p));
	analysis_pipe_close(p);
	analysis_stream_close(st);
	analysis_set_threads(0);
}

/*
 * The same with what a long text keeps a mention in a temporary file
 * (tapes that keep a byte in memory): the file is in $TMPDIR while the
 * stream is open, has no name, and is gone once it is closed.
 */
static void
test_spilled(void **state)
{
	char dir[PATH_MAX];
	struct analysis_stream *st;
	struct buf all;

	(void)state;
	assert_int_equal(testutil_mkdtemp(dir, "analysis"), 0);
	setenv("TMPDIR", dir, 1);
	analysis_set_spill_limit(1);
	buf_init(&all);
	testrules_read_dir("sample-articles", &all);
	analysis_set_block_size(1);
	st = analysis_stream_open(R, all.data, all.len, NULL);
	assert_int_equal(testutil_fds_in(dir), 1);
	assert_int_equal(rmdir(dir), 0);	/* (empty: nothing named) */
	assert_int_equal(mkdir(dir, 0700), 0);
	analysis_stream_close(st);
	assert_int_equal(testutil_fds_in(dir), 0);
	analysis_set_block_size(0);
	same_streamed("the articles spilled", all.data, all.len);
	same_piped("the articles spilled, piped", all.data, all.len, 2);
	analysis_set_spill_limit(0);
	unsetenv("TMPDIR");
	assert_int_equal(rmdir(dir), 0);
	buf_free(&all);
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
	same_piped("the articles piped", all.data, all.len, 1);
	same_piped("the articles piped", all.data, all.len, 2);
	same_piped("the articles piped", all.data, all.len, 3);
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

/*
 * A long text of many short articles where "she" never finds a woman:
 * each look back found nothing, marked its quote, and every block's
 * window grew to the whole text (quadratic: 30 MB took minutes).  Now
 * no look reaches back more than 64 KB and a window stops growing at
 * 256 KB, so a block is read in at most three windows.
 */
static void
test_windows_bounded(void **state)
{
	static const char piece[] = "Tomas Berg runs the ferry.  \"We will "
	    "see,\" she said.  \"Not today,\" he added.\n\n";
	struct analysis_stream *st;
	size_t len = 0, cap = 512u << 10, bs, be, nb = 0;
	char *t = malloc(cap);

	(void)state;
	assert_non_null(t);
	while (len + sizeof piece < cap) {
		memcpy(t + len, piece, sizeof piece - 1);
		len += sizeof piece - 1;
	}
	analysis_set_block_size(64u << 10);
	st = analysis_stream_open(R, t, len, NULL);
	while (analysis_stream_next(st, &bs, &be) != NULL)
		nb++;
	assert_true(nb >= 7);
	if (analysis_stream_windows(st) > 3 * nb)
		fail_msg("%zu windows for %zu blocks",
		    analysis_stream_windows(st), nb);
	analysis_stream_close(st);
	analysis_set_block_size(0);
	free(t);
}

/*
 * analysis_stream_mention_at asked in any order, across more blocks
 * than it keeps read (AT_KEPT): the same answer as when asked in order,
 * a start inside no mention or past the end of one says so.
 */
static void
test_mention_at_any_order(void **state)
{
	struct analysis_stream *st;
	const struct analysis *v;
	struct buf all;
	struct m { size_t s, e, ns, ne; int t; } *m = NULL;
	size_t n = 0, cap = 0, i, k, bs, be, ns, ne, nb = 0;

	(void)state;
	buf_init(&all);
	testrules_read_dir("sample-articles", &all);
	analysis_set_block_size(1);
	st = analysis_stream_open(R, all.data, all.len, NULL);
	while ((v = analysis_stream_next(st, &bs, &be)) != NULL) {
		nb++;
		for (i = 0; i < v->nents; i++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				m = xreallocarray(m, cap, sizeof *m);
			}
			m[n].s = v->ents[i].start;
			m[n].e = v->ents[i].end;
			m[n].t = analysis_stream_mention_at(st, m[n].s, m[n].e,
			    &m[n].ns, &m[n].ne);
			assert_int_equal(m[n].t, v->ents[i].type);
			n++;
		}
	}
	assert_true(nb > 20 && n > 100);
	for (i = 0; i < n; i++) {
		k = (i * 7919) % n;	/* a prime stride: blocks far apart */
		assert_int_equal(analysis_stream_mention_at(st, m[k].s, m[k].e,
		    &ns, &ne), m[k].t);
		assert_int_equal(ns, m[k].ns);
		assert_int_equal(ne, m[k].ne);
		if (m[k].e - m[k].s > 1)	/* a span wider than it */
			assert_int_equal(analysis_stream_mention_at(st,
			    m[k].s + 1, m[k].e + 1, &ns, &ne), -1);
	}
	analysis_stream_close(st);
	analysis_set_block_size(0);
	free(m);
	buf_free(&all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_articles),
		cmocka_unit_test(test_across_paragraphs),
		cmocka_unit_test(test_pipe_one_block),
		cmocka_unit_test(test_spilled),
		cmocka_unit_test(test_windows_bounded),
		cmocka_unit_test(test_mention_at_any_order),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
