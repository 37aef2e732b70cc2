/*
 * test_align.c: word-level alignment of two versions of a text: the
 * hunks, re-anchoring a passage (a table of edit kinds), the reading
 * position, --diff --stat numbers and the differences view against
 * golden files in tests/data/align/ (UPDATE_GOLDEN=1 rewrites them).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "artread/align.h"
#include "artread/util.h"

#include "testversions.h"	/* the article most rows edit */

#define X	"The minister said the plan was sound."
/* Both paragraphs holding X move down. */
#define BOTH_MOVED_OLD							\
	"Budget Row\n\nIn the morning: " X " Critics disagreed.\n\n"	\
	"Second paragraph stays.\n\nAt noon: " X "\n\n"		\
	"Fourth paragraph stays here, quietly and calmly.\n\n"	\
	"Fifth paragraph stays too, unchanged by anyone.\n"
#define BOTH_MOVED_NEW							\
	"Budget Row\n\nSecond paragraph stays.\n\n"		\
	"Fourth paragraph stays here, quietly and calmly.\n\n"	\
	"Fifth paragraph stays too, unchanged by anyone.\n\n"		\
	"At noon: " X "\n\nIn the morning: " X " Critics disagreed.\n"

struct row {
	const char		*name;
	const char		*old;
	const char		*new;
	const char		*passage;	/* in old */
	int			 nth_old;	/* which occurrence */
	enum align_state	 state;
	const char		*want;		/* in new ("" for ORPHAN) */
	int			 nth_new;
};

static const struct row rows[] = {
	{ "insert before the passage", ART,
	  P0 "The council met on Tuesday night. After a long and bitter "
	  "debate, members approved the bridge by nine votes to four.\n\n"
	  P2 P3 P4,
	  PASSAGE, 0, ALIGN_EXACT, PASSAGE, 0 },
	{ "insert inside the passage", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "narrowly approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_CHANGED,
	  "members narrowly approved the bridge by nine votes to four.", 0 },
	{ "insert after the passage", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by nine votes to four. The vote ends ten years "
	  "of talks.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_EXACT, PASSAGE, 0 },
	{ "insert a paragraph right before", ART,
	  P0 P1 "An update added at noon.\n\n" P2 P3 P4,
	  MAYOR, 0, ALIGN_EXACT, MAYOR, 0 },
	{ "delete words inside", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by votes to four.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_CHANGED,
	  "members approved the bridge by votes to four.", 0 },
	{ "replace one word", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by eight votes to four.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_CHANGED,
	  "members approved the bridge by eight votes to four.", 0 },
	{ "replace the first word", ART,
	  P0 "The council met on Tuesday night. After a long debate, "
	  "councillors approved the bridge by nine votes to four.\n\n"
	  P2 P3 P4,
	  PASSAGE, 0, ALIGN_CHANGED,
	  "councillors approved the bridge by nine votes to four.", 0 },
	{ "replace the last word", ART,
	  P0 P1 P2 "Opponents say the cost will rise. The finance office has "
	  "said the data is secure.\n\n" P4,
	  "has said the data is safe", 0, ALIGN_CHANGED,
	  "has said the data is secure", 0 },
	{ "a replaced word just outside is not taken in", ART,
	  P0 "The council met on Tuesday night. After a long row councillors "
	  "approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  "members approved the bridge", 0, ALIGN_CHANGED,
	  "approved the bridge", 0 },
	{ "a replaced word just inside is taken in", ART,
	  P0 "The council met on Tuesday night. After a long row councillors "
	  "approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  "debate, members approved the bridge", 0, ALIGN_CHANGED,
	  "row councillors approved the bridge", 0 },
	{ "delete the whole passage", ART,
	  P0 "The council met on Tuesday night.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_ORPHAN, "", 0 },
	{ "most words replaced", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "rejected a tunnel under the river.\n\n" P2 P3 P4,
	  "approved the bridge by nine votes", 0, ALIGN_ORPHAN, "", 0 },
	{ "move a paragraph", ART,
	  P0 P1 P3 P4 "\n" MAYOR "\n",
	  MAYOR, 0, ALIGN_MOVED, MAYOR, 0 },
	{ "move a paragraph, passage inside it", ART,
	  P0 P2 P3 P1 P4,
	  "approved the bridge by nine", 0, ALIGN_MOVED,
	  "approved the bridge by nine", 0 },
	{ "split the passage's paragraph", ART,
	  P0 "The council met on Tuesday night.\n\nAfter a long debate, "
	  "members approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  "Tuesday night. After a long debate", 0, ALIGN_EXACT,
	  "Tuesday night.\n\nAfter a long debate", 0 },
	{ "split before the passage", ART,
	  P0 "The council met on Tuesday night.\n\nAfter a long debate, "
	  "members approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_EXACT, PASSAGE, 0 },
	{ "merge paragraphs the passage crossed", ART,
	  P0 P1 "Mayor Ada Lind said the vote was a turning point for the city. "
	  "Opponents say the cost will rise. The finance office has said the "
	  "data is safe.\n\n" P4,
	  "for the city.\n\nOpponents say", 0, ALIGN_EXACT,
	  "for the city. Opponents say", 0 },
	{ "merge with the paragraph before", ART,
	  P0 P1 "Mayor Ada Lind said the vote was a turning point for the city. "
	  "Opponents say the cost will rise. The finance office has said the "
	  "data is safe.\n\n" P4,
	  "Opponents say the cost will rise.", 0, ALIGN_EXACT,
	  "Opponents say the cost will rise.", 0 },
	{ "re-wrap", ART,
	  P0 "The council met on Tuesday night. After a long debate,\nmembers "
	  "approved the bridge by nine votes\nto four.\n\n" P2 P3 P4,
	  PASSAGE, 0, ALIGN_EXACT,
	  "members approved the bridge by nine votes\nto four.", 0 },
	{ "LF to CRLF",
	  "Title\n\nOne line\nand another line\nend here.\n",
	  "Title\r\n\r\nOne line\r\nand another line\r\nend here.\r\n",
	  "line\nand another", 0, ALIGN_EXACT, "line\r\nand another", 0 },
	{ "CRLF to LF",
	  "Title\r\n\r\nOne line\r\nand another line\r\nend here.\r\n",
	  "Title\n\nOne line\nand another line\nend here.\n",
	  "another line\r\nend", 0, ALIGN_EXACT, "another line\nend", 0 },
	{ "a repeated passage: the second stays the second",
	  "Budget Row\n\n" X " Critics disagreed.\n\nLater in the day: " X
	  " Nobody asked why.\n",
	  "Budget Row\n\nAn update at noon.\n\n" X " Critics disagreed.\n\n"
	  "Later in the day: " X " Nobody asked why.\n",
	  X, 1, ALIGN_EXACT, X, 1 },
	{ "a repeated passage: the first edited, the second kept",
	  "Budget Row\n\n" X " Critics disagreed.\n\nLater in the day: " X
	  " Nobody asked why.\n",
	  "Budget Row\n\nThe minister said the plan was flawed. Critics "
	  "disagreed.\n\nLater in the day: " X " Nobody asked why.\n",
	  X, 1, ALIGN_EXACT, X, 0 },
	{ "a repeated passage, both moved: chosen by context",
	  BOTH_MOVED_OLD, BOTH_MOVED_NEW,
	  X, 0, ALIGN_MOVED, X, 1 },
	{ "a repeated passage, both moved: the other one",
	  BOTH_MOVED_OLD, BOTH_MOVED_NEW,
	  X, 1, ALIGN_MOVED, X, 0 },
	{ "a moved paragraph whose last mark the diff tied elsewhere",
	  "Budget Row\n\nIn the morning: " X " Critics disagreed.\n\n"
	  "Second paragraph stays.\n\nAt noon: " X " Nobody asked why.\n\n"
	  "Fourth paragraph stays.\n\nFifth paragraph stays too.\n",
	  "Budget Row\n\nSecond paragraph stays.\n\nFourth paragraph stays."
	  "\n\nFifth paragraph stays too.\n\nAt noon: " X " Nobody asked "
	  "why.\n\nIn the morning: " X " Critics disagreed.\n",
	  X, 0, ALIGN_MOVED, X, 1 },
	{ "a lone word gone is not moved to any copy of it", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by a wide margin.\n\n" P2 P3
	  "Work is due to start in nine weeks.\n",
	  "nine", 0, ALIGN_ORPHAN, "", 0 },
	{ "the real case: not into the previous paragraph",
	  "Cloud Deal\n\nThe company stores its data in Guizhou.\n\nChinese "
	  "state employees physically manage the servers, the report said.\n",
	  "Cloud Deal\n\nThe company stores its data in Guizhou.\n\nState "
	  "employees physically manage the servers, the report said.\n",
	  "Chinese state employees physically manage the servers", 0,
	  ALIGN_CHANGED, "State employees physically manage the servers", 0 },
	{ "the real case, cut after the first word",
	  "Cloud Deal\n\nThe company stores its data in Guizhou.\n\nChinese "
	  "state employees physically manage the servers, the report said.\n",
	  "Cloud Deal\n\nThe company stores its data in Guizhou.\n\nState "
	  "employees physically manage the servers, the report said.\n",
	  "state employees physically manage", 0,
	  ALIGN_CHANGED, "State employees physically manage", 0 },
	{ "the real case: keeps \"has\"", ART,
	  P0 P1 P2 "Opponents say the cost will rise. The finance office has "
	  "insisted the data is safe.\n\n" P4,
	  "has said the data is safe.", 0, ALIGN_CHANGED,
	  "has insisted the data is safe.", 0 },
	{ "a passage cut inside words", ART,
	  P0 "The council met on Tuesday night. After a long and bitter "
	  "debate, members approved the bridge by nine votes to four.\n\n"
	  P2 P3 P4,
	  "bers approved the bri", 0, ALIGN_EXACT, "bers approved the bri", 0 },
	{ "a paragraph moved past a rewritten one (chance words)", ART,
	  P0 P1 P3 "Construction begins in May.\n\n" MAYOR "\n",
	  MAYOR, 0, ALIGN_MOVED, MAYOR, 0 },
	{ "nothing changed", ART, ART, MAYOR, 0, ALIGN_EXACT, MAYOR, 0 },
	{ "everything rewritten", ART,
	  "Something Else\n\nAn unrelated text about gardens and bees.\n",
	  PASSAGE, 0, ALIGN_ORPHAN, "", 0 },
};

/* Offset of the nth occurrence of needle in hay (fails if none). */
static size_t
nth_offset(const char *hay, const char *needle, int nth)
{
	const char *p = hay;
	int i;

	for (i = 0; ; i++) {
		p = strstr(p, needle);
		if (p == NULL)
			fail_msg("'%s' occurs fewer than %d times", needle, nth + 1);
		if (i == nth)
			return (size_t)(p - hay);
		p++;
	}
}

static void
edit_kinds(void **state)
{
	size_t i, s, ns, ne, w;
	int failures = 0;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		struct align *al = align_texts(r->old, strlen(r->old), r->new,
		    strlen(r->new));
		enum align_state got;

		s = nth_offset(r->old, r->passage, r->nth_old);
		got = align_map(al, s, s + strlen(r->passage), &ns, &ne);
		w = r->want[0] == '\0' ? ns : nth_offset(r->new, r->want,
		    r->nth_new);
		if (got != r->state || ns != w || ne != w + strlen(r->want)) {
			print_error("%s: got %s [%zu, %zu) '%.*s', want %s [%zu, "
			    "%zu) '%s'\n", r->name, align_state_name(got), ns, ne,
			    (int)(ne - ns), r->new + ns,
			    align_state_name(r->state), w, w + strlen(r->want),
			    r->want);
			failures++;
		}
		align_free(al);
	}
	assert_int_equal(failures, 0);
}

static void
white_space_is_not_an_edit(void **state)
{
	static const char a[] = "\xef\xbb\xbfTitle\n\nOne  line\nand\tanother.\n";
	static const char b[] = "Title\r\n\r\n  One line and another.   \r\n";
	static const char c[] = "Title\n\nOne line\n\nand another.\n";
	struct align *al;
	struct align_stats st;

	(void)state;
	al = align_texts(a, sizeof a - 1, b, sizeof b - 1);
	assert_false(align_changed(al));
	assert_int_equal(al->nh, 1);
	assert_int_equal(al->h[0].op, ALIGN_EQUAL);
	align_stats(al, &st);
	assert_int_equal(st.words_inserted + st.words_deleted +
	    st.paras_changed, 0);
	assert_int_equal(st.paras_old, 2);
	align_free(al);
	/* A paragraph break is not white space. */
	al = align_texts(a, sizeof a - 1, c, sizeof c - 1);
	assert_true(align_changed(al));
	align_stats(al, &st);
	assert_int_equal(st.words_inserted + st.words_deleted, 0);
	assert_int_equal(st.paras_new, 3);
	align_free(al);
	/* Empty texts. */
	al = align_texts("", 0, "", 0);
	assert_false(align_changed(al));
	assert_int_equal(al->nh, 0);
	align_free(al);
	al = align_texts("", 0, b, sizeof b - 1);
	assert_true(align_changed(al));
	assert_int_equal(al->nh, 1);
	assert_int_equal(al->h[0].op, ALIGN_INSERT);
	align_free(al);
}

static void
hunks_name_bytes_of_each_text(void **state)
{
	static const char a[] = "The office has said the data is safe.";
	static const char b[] = "The office has firmly insisted the data is safe!";
	struct align *al = align_texts(a, sizeof a - 1, b, sizeof b - 1);
	const struct align_hunk *h = al->h;

	(void)state;
	assert_int_equal(al->nh, 6);
	assert_int_equal(h[0].op, ALIGN_EQUAL);
	assert_mem_str(a + h[0].a.start, h[0].a.end - h[0].a.start,
	    "The office has");
	assert_int_equal(h[1].op, ALIGN_DELETE);
	assert_mem_str(a + h[1].a.start, h[1].a.end - h[1].a.start, "said");
	assert_int_equal(h[1].b.start, h[1].b.end);
	assert_int_equal(h[2].op, ALIGN_INSERT);
	assert_mem_str(b + h[2].b.start, h[2].b.end - h[2].b.start,
	    "firmly insisted");
	assert_int_equal(h[3].op, ALIGN_EQUAL);
	assert_mem_str(b + h[3].b.start, h[3].b.end - h[3].b.start,
	    "the data is safe");
	assert_int_equal(h[4].op, ALIGN_DELETE);	/* "." */
	assert_int_equal(h[4].a_n, 1);
	assert_int_equal(h[5].op, ALIGN_INSERT);	/* "!" */
	assert_mem_str(b + h[5].b.start, h[5].b.end - h[5].b.start, "!");
	assert_int_equal(h[5].a.start, sizeof a - 1);
	align_free(al);
}

static void
stat_counts(void **state)
{
	static const char a[] = "Title\n\nOne two three.\n\nGone paragraph here."
	    "\n\nStays the same.\n\nFour five six.\n";
	static const char b[] = "Title\n\nOne two three four.\n\nStays the "
	    "same.\n\nFour six.\n\nA new one.\n";
	struct align *al = align_texts(a, sizeof a - 1, b, sizeof b - 1);
	struct align_stats st;

	(void)state;
	align_stats(al, &st);
	assert_int_equal(st.words_inserted, 4);	/* four, A new one */
	assert_int_equal(st.words_deleted, 4);	/* Gone paragraph here, five */
	/* "One two three four.", the gone one, "Four six.", "A new one." */
	assert_int_equal(st.paras_changed, 4);
	assert_int_equal(st.paras_old, 5);
	assert_int_equal(st.paras_new, 5);
	align_free(al);
}

static void
reading_position_follows(void **state)
{
	const char *a = ART, *b = P0 "A new first paragraph.\n\n" P1 P2
	    "Opponents say the cost will rise.\n\n" P4;
	struct align *al = align_texts(a, strlen(a), b, strlen(b));
	size_t off;

	(void)state;
	/* The start of a paragraph, inside a word, in white space. */
	off = nth_offset(a, "Mayor", 0);
	assert_int_equal(align_map_offset(al, off), nth_offset(b, "Mayor", 0));
	assert_int_equal(align_map_offset(al, off + 2),
	    nth_offset(b, "Mayor", 0) + 2);
	assert_int_equal(align_map_offset(al, 0), 0);
	/* In words that went: where they were. */
	off = nth_offset(a, "The finance", 0);
	assert_int_equal(align_map_offset(al, off),
	    nth_offset(b, "\n\nWork", 0));
	assert_int_equal(align_map_offset(al, strlen(a)), strlen(b));
	align_free(al);
}

/* Paragraph-sized blocks of distinct words, for the size test. */
static char *
big_text(size_t paras, unsigned seed, size_t *len)
{
	struct buf b;
	size_t p, w;

	buf_init(&b);
	for (p = 0; p < paras; p++) {
		for (w = 0; w < 60; w++) {
			seed = seed * 1103515245u + 12345u;
			buf_printf(&b, "%sw%u", w > 0 ? " " : "",
			    (seed >> 8) % 50000);
		}
		buf_adds(&b, ".\n\n");
	}
	*len = b.len;
	return buf_steal(&b);
}

/* A few MB with scattered edits, and two unrelated texts: both finish
 * (the budget is loose: this guards against quadratic blow-ups, not a
 * benchmark). */
static void
large_texts_finish(void **state)
{
	size_t la, lb, i, ns, ne;
	char *a = big_text(3000, 1, &la), *b = xstrdup(a), *c;
	struct align *al;
	struct align_stats st;
	clock_t t0 = clock();

	(void)state;
	lb = la;
	for (i = 1000; i + 10 < lb; i += 97003)		/* scattered edits */
		memcpy(b + i, "XYZ", 3);
	al = align_texts(a, la, b, lb);
	align_stats(al, &st);
	assert_true(st.words_deleted > 0 && st.words_deleted < 100);
	assert_int_equal(align_map(al, la - 200, la - 100, &ns, &ne),
	    ALIGN_EXACT);
	align_free(al);
	c = big_text(3000, 2, &lb);
	al = align_texts(a, la, c, lb);
	assert_true(align_changed(al));
	align_free(al);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
	free(a);
	free(b);
	free(c);
}

/* A text of n tokens from a small vocabulary (so that runs can slide),
 * with paragraph breaks. */
static char *
random_text(unsigned *seed, size_t n)
{
	static const char *const words[] = {
		"the", "vote", "A", ".", ",", "bridge", "\n\n", "said", "it",
		"\n", "the", "Vote",
	};
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		buf_adds(&b, words[(*seed >> 16) % (sizeof words / sizeof words[0])]);
		buf_addc(&b, (*seed >> 8) % 3 == 0 ? '\n' : ' ');
	}
	return buf_steal(&b);
}

/* The same text with tokens dropped, added and swapped at random. */
static char *
mutate(unsigned *seed, const char *t)
{
	struct buf b;
	const char *p = t;

	buf_init(&b);
	while (*p != '\0') {
		const char *sp = strchr(p, ' ');
		size_t n = sp != NULL ? (size_t)(sp - p) + 1 : strlen(p);

		*seed = *seed * 1103515245u + 12345u;
		switch ((*seed >> 16) % 10) {
		case 0:			/* drop */
			break;
		case 1:			/* add */
			buf_adds(&b, "bridge ");
			buf_add(&b, p, n);
			break;
		case 2:			/* a paragraph break */
			buf_add(&b, p, n);
			buf_adds(&b, "\n\n");
			break;
		default:
			buf_add(&b, p, n);
		}
		p += n;
	}
	return buf_steal(&b);
}

/* The hunks cover both texts in order, the matching agrees with them
 * and is monotone, every mapped range is inside the new text. */
static void
check_invariants(const struct align *al)
{
	size_t i, k, a = 0, b = 0, last = 0, ns, ne;

	for (i = 0; i < al->nh; i++) {
		const struct align_hunk *h = &al->h[i];

		assert_int_equal(h->a_tok, a);
		assert_int_equal(h->b_tok, b);
		if (h->op == ALIGN_EQUAL)
			for (k = 0; k < h->a_n; k++) {
				assert_int_equal(al->a2b[a + k], b + k);
				assert_int_equal(al->b2a[b + k], a + k);
			}
		else
			for (k = 0; k < h->a_n + h->b_n; k++)
				assert_int_equal(k < h->a_n ? al->a2b[a + k] :
				    al->b2a[b + k - h->a_n], ALIGN_NONE);
		a += h->a_n;
		b += h->b_n;
	}
	assert_int_equal(a, al->old.n);
	assert_int_equal(b, al->new.n);
	for (i = 0; i < al->old.n; i++)
		if (al->a2b_soft[i] != ALIGN_NONE) {
			assert_true(al->a2b_soft[i] >= last);
			last = al->a2b_soft[i];
		}
	for (i = 0; i + 3 <= al->old.len; i += 3) {
		(void)align_map(al, i, i + 3, &ns, &ne);
		assert_true(ns <= ne && ne <= al->new.len);
		assert_true(align_map_offset(al, i) <= al->new.len);
	}
}

static void
random_edits_keep_invariants(void **state)
{
	unsigned seed = 7;
	FILE *devnull = fopen("/dev/null", "w");
	int round;

	(void)state;
	assert_non_null(devnull);
	for (round = 0; round < 400; round++) {
		char *a = random_text(&seed, 5 + round % 60);
		char *b = mutate(&seed, a);
		struct align *al = align_texts(a, strlen(a), b, strlen(b));

		check_invariants(al);
		align_render_plain(al, devnull);
		align_free(al);
		al = align_texts(b, strlen(b), a, strlen(a));
		check_invariants(al);
		align_free(al);
		free(a);
		free(b);
	}
	fclose(devnull);
}

/* ---- the differences view against goldens -------------------------------- */

static char *
render(const struct align *al, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);

	assert_non_null(f);
	align_render_plain(al, f);
	assert_int_equal(fclose(f), 0);
	return out;
}

static void
check_golden(const char *name)
{
	char *oldp = xasprintf("tests/data/align/%s.old", name);
	char *newp = xasprintf("tests/data/align/%s.new", name);
	char *goldp = xasprintf("tests/data/align/%s.diff", name);
	char *old, *new, *got, *want;
	size_t olen, nlen, glen, wlen;
	struct align *al;
	FILE *f;

	old = util_read_file(oldp, &olen);
	new = util_read_file(newp, &nlen);
	if (old == NULL || new == NULL)
		fail_msg("%s: missing", old == NULL ? oldp : newp);
	al = align_texts(old, olen, new, nlen);
	got = render(al, &glen);
	if (getenv("UPDATE_GOLDEN") != NULL) {
		assert_non_null(f = fopen(goldp, "wb"));
		assert_int_equal(fwrite(got, 1, glen, f), glen);
		fclose(f);
	}
	want = util_read_file(goldp, &wlen);
	if (want == NULL)
		fail_msg("%s: missing (run with UPDATE_GOLDEN=1)", goldp);
	if (wlen != glen || memcmp(want, got, glen) != 0) {
		fprintf(stderr, "--- %s\n+++ got\n%s\n", goldp, got);
		fail_msg("%s differs", goldp);
	}
	align_free(al);
	free(old);
	free(new);
	free(got);
	free(want);
	free(oldp);
	free(newp);
	free(goldp);
}

static void
view_goldens(void **state)
{
	static const char *const names[] = {
		"edits", "paragraphs", "split-join", "rewrap", "move", "hostile",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		check_golden(names[i]);
}

/* What the goldens do not say: the pieces and their offsets. */
struct seen {
	const char	*old;
	const char	*new;
	int		 kinds[ALIGN_PIECE_FOLD + 1];
	int		 bad;
};

static void
collect(void *arg, const struct align_piece *p)
{
	struct seen *s = arg;
	const char *src = p->kind == ALIGN_PIECE_DELETED ? s->old : s->new;

	s->kinds[p->kind]++;
	if ((p->kind == ALIGN_PIECE_SAME || p->kind == ALIGN_PIECE_DELETED ||
	    p->kind == ALIGN_PIECE_INSERTED) && p->text != src + p->off)
		s->bad++;
}

static void
view_pieces(void **state)
{
	const char *a = P0 P1 P2 P3 P4, *b = P0 "The council met on Tuesday "
	    "night.\n\nAfter a long debate, members approved the bridge by nine "
	    "votes to four.\n\n" P2 "Opponents say the cost will rise. The "
	    "finance office has insisted the data is safe.\n";
	struct align *al = align_texts(a, strlen(a), b, strlen(b));
	struct seen s;

	(void)state;
	memset(&s, 0, sizeof s);
	s.old = a;
	s.new = b;
	align_render(al, collect, &s);
	assert_int_equal(s.bad, 0);
	assert_int_equal(s.kinds[ALIGN_PIECE_SPLIT], 1);
	assert_int_equal(s.kinds[ALIGN_PIECE_DELETED], 2);	/* said, P4 */
	assert_int_equal(s.kinds[ALIGN_PIECE_INSERTED], 1);
	assert_int_equal(s.kinds[ALIGN_PIECE_FOLD], 2);	/* P0; P2 */
	align_free(al);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edit_kinds),
		cmocka_unit_test(white_space_is_not_an_edit),
		cmocka_unit_test(hunks_name_bytes_of_each_text),
		cmocka_unit_test(stat_counts),
		cmocka_unit_test(reading_position_follows),
		cmocka_unit_test(large_texts_finish),
		cmocka_unit_test(random_edits_keep_invariants),
		cmocka_unit_test(view_goldens),
		cmocka_unit_test(view_pieces),
	};

	testutil_chdir_root("tests/data/align/edits.old");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
