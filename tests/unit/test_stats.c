/*
 * test_stats.c: the --stats dashboard: counts by full name, the words
 * quoted, singular and plural, and the bars (block characters in
 * eighths, '#' when plain, colours only when asked).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testrules.h"
#include "artread/analysis.h"
#include "artread/stats.h"

/* The summary, in a new string. */
static char *
stats_of(const char *text, const struct analysis *a, const struct stats_opts *o)
{
	char *p = NULL, *copy;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	assert_non_null(f);
	stats_write(f, text, strlen(text), a, o);
	fclose(f);
	copy = strdup(p);
	free(p);
	return copy;
}

/* Ann is quoted four times (1 + 1 + 1 + 4 words), Bob once (2 words). */
static const char text[] = "\"One,\" said Ann. \"Two,\" Ann said. "
    "\"Three,\" said Ann. \"Four five six seven,\" said Ann Lee. "
    "\"Eight nine,\" said Bob.";

static void
make(struct analysis *a, struct entity *e, struct quote *q)
{
	static const char *const speakers[] = { "Ann.", "Ann said",
	    "Ann. \"Four", "Ann Lee", "Bob" };
	static const size_t slen[] = { 3, 3, 3, 7, 3 };
	/* the links coref.h makes: every Ann is Ann Lee */
	static size_t canon[] = { 3, 3, 3, 3, 4 };
	static const char *const quotes[] = { "\"One,\"", "\"Two,\"",
	    "\"Three,\"", "\"Four five six seven,\"", "\"Eight nine,\"" };
	size_t i;

	memset(q, 0, 5 * sizeof *q);
	memset(a, 0, sizeof *a);
	for (i = 0; i < 5; i++) {
		q[i].start = (size_t)(strstr(text, quotes[i]) - text);
		q[i].end = q[i].start + strlen(quotes[i]);
		q[i].speaker_start = (size_t)(strstr(text, speakers[i]) - text);
		q[i].speaker_end = q[i].speaker_start + slen[i];
		e[i].start = q[i].speaker_start;
		e[i].end = q[i].speaker_end;
		e[i].type = ENT_PERSON;
	}
	a->ents = e;
	a->nents = 5;
	a->quotes = q;
	a->nquotes = 5;
	a->canon = canon;
}

static void
counts_by_full_name(void **state)
{
	struct stats_opts o = { 0, 0, 0, NULL, 80 };
	struct entity e[5];
	struct quote q[5];
	struct analysis a;
	char *out;

	(void)state;
	make(&a, e, q);
	out = stats_of(text, &a, &o);
	assert_non_null(strstr(out, "Quoted speakers (5 quotes)\n"));
	assert_non_null(strstr(out, "  SPEAKER                      QUOTES"
	    "   WORDS\n"));
	/* "Ann" is "Ann Lee": four quotes, seven words */
	assert_non_null(strstr(out, "  Ann Lee                           4"
	    "       7\n"));
	assert_non_null(strstr(out, "  Bob                               1"
	    "       2\n"));
	assert_null(strstr(out, "  Ann  "));
	assert_non_null(strstr(out, "Most mentioned: PERSON (2 distinct)\n"
	    "  Ann Lee                           4\n"));
	assert_non_null(strstr(out, "Words in direct quotes: 9 of 20"));
	assert_null(strchr(out, '\033'));
	assert_null(strchr(out, '#'));
	free(out);
	/* one quote: singular */
	a.nquotes = 1;
	a.nents = 1;
	out = stats_of(text, &a, &o);
	assert_non_null(strstr(out, "Quoted speakers (1 quote)\n"));
	free(out);
}

/* What pads a bar of 4 cells to 16. */
#define PAD12	"            "

static void
bars(void **state)
{
	struct style el[STYLE_EL__COUNT];
	struct stats_opts o = { 1, 1, 0, NULL, 80 };
	struct entity e[5];
	struct quote q[5];
	struct analysis a;
	char *out, *row;
	int i;

	(void)state;
	make(&a, e, q);
	/* 80 columns: two bars of (80 - 3 - 28 - 14) / 2 - 1 = 16 cells */
	out = stats_of(text, &a, &o);
	row = strstr(out, "  Ann Lee ");
	assert_non_null(row);
	assert_non_null(strstr(row, "4 \u2588\u2588\u2588\u2588\u2588\u2588"
	    "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588 "
	    "      7 \u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
	    "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\n"));
	/* Bob: 1 of 4 quotes is 4 cells, 2 of 7 words 4.57 (4 and 5/8) */
	row = strstr(out, "  Bob ");
	assert_non_null(strstr(row, "1 \u2588\u2588\u2588\u2588" PAD12
	    "       2 \u2588\u2588\u2588\u2588\u258b\n"));
	assert_null(strchr(out, '\033'));
	free(out);
	/* plain: '#' rounded to whole cells */
	o.unicode = 0;
	out = stats_of(text, &a, &o);
	assert_non_null(strstr(out, "1 ####" PAD12 "       2 #####\n"));
	assert_null(strstr(out, "\u2588"));
	free(out);
	/* colours: the theme's colour of what is counted */
	for (i = 0; i < STYLE_EL__COUNT; i++) {
		el[i].fg = STYLE_COLOR_DEFAULT;
		el[i].bg = STYLE_COLOR_DEFAULT;
		el[i].attrs = 0;
	}
	el[STYLE_EL_QUOTE].fg = 3;
	o.unicode = 1;
	o.ncolors = 8;
	o.el = el;
	out = stats_of(text, &a, &o);
	assert_non_null(strstr(out, "4 \033[0;33m\u2588"));
	free(out);
}

/* The widest line of s, in characters (the bars are one cell each). */
static int
widest_line(const char *s)
{
	int w = 0, k = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\n')
			k = 0;
		else if ((*s & 0xc0) != 0x80)
			k++;
		w = k > w ? k : w;
	}
	return w;
}

/* A narrow terminal: names are cut and bars shrink, no line wraps
 * (tester F17: rows broke in two at 40 and 50 columns). */
static void
bars_fit_narrow_terminals(void **state)
{
	static const int widths[] = { 40, 45, 50, 60, 80, 120 };
	struct stats_opts o = { 1, 1, 0, NULL, 80 };
	struct entity e[5];
	struct quote q[5];
	struct analysis a;
	char *out;
	size_t i;

	(void)state;
	make(&a, e, q);
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		o.width = widths[i];
		out = stats_of(text, &a, &o);
		if (widest_line(out) > o.width)
			fail_msg("%d columns: a line of %d:\n%s", o.width,
			    widest_line(out), out);
		assert_non_null(strstr(out, "\u2588"));	/* short bars */
		assert_non_null(strstr(out, "Ann Lee"));
		free(out);
	}
}

/* The summary of t[0, len) analysed whole, or a block at a time with
 * blocks as small as they can be, in a new string. */
static char *
summary(const char *t, size_t len, int streamed)
{
	struct stats_opts o = { 0 };
	struct analysis_stream *st;
	struct analysis a;
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	assert_non_null(f);
	if (streamed) {
		analysis_set_block_size(1);
		st = analysis_stream_open(R, t, len, NULL);
		stats_write_stream(f, t, len, st, &o, NULL);
		analysis_stream_close(st);
		analysis_set_block_size(0);
	} else {
		analysis_set_block_size((size_t)-1 / 2);
		analysis_run(R, t, len, &a);
		stats_write(f, t, len, &a, &o);
		analysis_free(&a);
		analysis_set_block_size(0);
	}
	fclose(f);
	return p;
}

/* The articles as one text: the same counted a block at a time (names
 * that span blocks, speakers named in another block, rows in the same
 * order), on one thread or with the next blocks made on others while
 * one is counted. */
static void
streamed_same(void **state)
{
	struct buf all;
	char *whole, *streamed;
	int threads;

	(void)state;
	buf_init(&all);
	testrules_read_dir("sample-articles", &all);
	testrules_read_dir("tests/data/tuning", &all);
	whole = summary(all.data, all.len, 0);
	assert_non_null(strstr(whole, "Words in direct quotes"));
	for (threads = 1; threads <= 3; threads++) {
		analysis_set_threads(threads);
		streamed = summary(all.data, all.len, 1);
		assert_string_equal(streamed, whole);
		free(streamed);
	}
	analysis_set_threads(0);
	free(whole);
	buf_free(&all);
}

/* --stats over several articles ends with their totals: each one's
 * blocks are counted into the total too, and a name in two articles is
 * one row with its counts added (here one text counted twice). */
static void
totals_add_up(void **state)
{
	static const char *const want[] = {
		"Quoted speakers (10 quotes)",
		"  Ann Lee                           8      14\n",
		"  Bob                               2       4\n",
		"Most mentioned: PERSON (2 distinct)",
		"Words in direct quotes: 18 of 40 (45.0%)",
	};
	struct stats_opts o = { 0 };
	struct stats_count *total = stats_count_new();
	struct analysis_stream *st;
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	int k;

	(void)state;
	assert_non_null(f);
	for (k = 0; k < 2; k++) {
		st = analysis_stream_open(R, text, strlen(text), NULL);
		stats_write_stream(f, text, strlen(text), st, &o, total);
		analysis_stream_close(st);
	}
	fclose(f);
	assert_non_null(strstr(p, "Quoted speakers (5 quotes)"));
	free(p);
	p = NULL;
	f = open_memstream(&p, &n);
	assert_non_null(f);
	stats_count_write(f, total, &o);
	fclose(f);
	for (k = 0; k < (int)(sizeof want / sizeof want[0]); k++)
		if (strstr(p, want[k]) == NULL)
			fail_msg("no \"%s\" in:\n%s", want[k], p);
	free(p);
	stats_count_free(total);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_by_full_name),
		cmocka_unit_test(bars),
		cmocka_unit_test(bars_fit_narrow_terminals),
		cmocka_unit_test(streamed_same),
		cmocka_unit_test(totals_add_up),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
