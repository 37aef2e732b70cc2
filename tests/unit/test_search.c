/* test_search.c: the pager's pattern search. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/search.h"
#include "artread/utf8.h"
#include "artread/util.h"

static struct search *
compile(const char *pattern)
{
	char *err = NULL;
	struct search *s = search_new(pattern, &err);

	if (s == NULL)
		fail_msg("%s: %s", pattern, err);
	assert_null(err);
	return s;
}

/* A document over text (no copy). */
static struct doc
doc_of(const char *text, size_t len)
{
	struct doc d = { 0 };

	d.bytes = text;
	d.len = len;
	return d;
}

static int
find_in(const struct search *s, const char *text, size_t len, size_t from,
    int backward, struct range *m)
{
	struct doc d = doc_of(text, len);

	return search_find(s, &d, from, backward, m);
}

static void
each_in(const struct search *s, const char *text, size_t len, size_t start,
    size_t end, void (*fn)(void *, size_t, size_t), void *arg)
{
	struct doc d = doc_of(text, len);

	search_each(s, &d, start, end, fn, arg);
}

static int
find(const char *pattern, const char *text, size_t from, int backward,
    struct range *m)
{
	struct search *s = compile(pattern);
	int r = find_in(s, text, strlen(text), from, backward, m);

	search_free(s);
	return r;
}

/*
 * One search: PATTERN in TEXT from FROM (END: the end of the text),
 * forward or BACK, finds [start, end) -- or nothing when start is NONE.
 */
#define NONE	((size_t)-1)
#define END	((size_t)-1)
#define FWD	0
#define BACK	1

struct find_case {
	const char	*name;
	const char	*pattern;
	const char	*text;
	size_t		 from;
	int		 backward;
	size_t		 start;
	size_t		 end;
};

static const char HARBOUR[] = "The Harbour and the harbour. THE END";
/*                             0         1         2 */
/*                             0123456789012345678901234 */
static const char CATS[] = "cat dog cat bird cat fish";
static const char E3[] = "\xc3\xa9\xc3\xa9\xc3\xa9";	/* é at 0, 2, 4 */
static const char BADUTF[] =
    "caf\xc3 \xff\xfe bad \xe6\xbc caf\xc3\xa9 end\x80";
static const char XRUNS[] = "a\xc3\xa9x\xc3\xa9xx b";
/* Canonically equivalent texts: "caf\u00e9 cr\u00e8me" precomposed (NFC)
 * and decomposed (NFD: e then U+0301, e then U+0300). */
static const char NFC_TEXT[] = "caf\xc3\xa9 cr\xc3\xa8me";
/*                              0  3     5 6 8     10 */
static const char NFD_TEXT[] = "cafe\xcc\x81 cre\xcc\x80me";
/*                              0   4     6  9     12 */

static struct find_case find_cases[] = {
	/* smart case: lower case matches any case, a capital is exact */
	{ "smart case: 'the' matches The", "the", HARBOUR, 0, FWD, 0, 3 },
	{ "smart case: 'harbour' matches Harbour", "harbour", HARBOUR, 0,
	    FWD, 4, 11 },
	{ "smart case: 'end' matches END", "end", HARBOUR, 0, FWD, 33, 36 },
	{ "smart case: 'Harbour' is exact", "Harbour", HARBOUR, 5, FWD,
	    NONE, 0 },
	{ "smart case: 'THE' is exact", "THE", HARBOUR, 0, FWD, 29, 32 },
	{ "smart case: 'End' is exact", "End", HARBOUR, 0, FWD, NONE, 0 },
	{ "smart case: an escape is no capital (\\S)", "\\Sarbour", HARBOUR,
	    5, FWD, 20, 27 },
	{ "smart case: non-ASCII letters fold", "\xc3\xa9t\xc3\xa9",
	    "L'\xc3\x89T\xc3\x89 fini", 0, FWD, 2, 7 },
	/* a capital beyond ASCII is a capital (they used to fold) */
	{ "smart case: Romanian \u0218 is exact", "\xc8\x98tefan",
	    "\xc8\x99tefan", 0, FWD, NONE, 0 },
	{ "smart case: Romanian \u0219 matches \u0218", "\xc8\x99tefan",
	    "\xc8\x98tefan", 0, FWD, 0, 7 },
	{ "smart case: Greek \u0386 is exact",
	    "\xce\x86\xce\xbd\xce\xbd\xce\xb1",
	    "\xce\xac\xce\xbd\xce\xbd\xce\xb1", 0, FWD, NONE, 0 },
	{ "smart case: Cyrillic \u0401 is exact",
	    "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0",
	    "\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0", 0, FWD, NONE, 0 },
	/* forward: the first match starting at or after from */
	{ "forward from 0", "cat", CATS, 0, FWD, 0, 3 },
	{ "forward from 1", "cat", CATS, 1, FWD, 8, 11 },
	{ "forward from a match's start", "cat", CATS, 8, FWD, 8, 11 },
	{ "forward from inside a match", "cat", CATS, 9, FWD, 17, 20 },
	{ "forward past the last match", "cat", CATS, 18, FWD, NONE, 0 },
	{ "forward from the end", "cat", CATS, END, FWD, NONE, 0 },
	/* backward: the last match starting before from */
	{ "backward from the end", "cat", CATS, END, BACK, 17, 20 },
	{ "backward from a match's start", "cat", CATS, 17, BACK, 8, 11 },
	{ "backward from inside the last match", "cat", CATS, 18, BACK,
	    17, 20 },
	{ "backward from inside a match", "cat", CATS, 9, BACK, 8, 11 },
	{ "backward from the second match", "cat", CATS, 8, BACK, 0, 3 },
	{ "backward from 1", "cat", CATS, 1, BACK, 0, 3 },
	{ "backward from 0", "cat", CATS, 0, BACK, NONE, 0 },
	{ "backward: a match may run past from", "bird cat", CATS, 13, BACK,
	    12, 20 },
	/* ^ and $ are a paragraph's ends, not a line's */
	{ "paragraphs: ^ and $ are not a line's ends", "^dog$",
	    "cat\ndog\nemu", 0, FWD, NONE, 0 },
	{ "paragraphs: ^ and $ are a paragraph's ends", "^dog$",
	    "cat\n\ndog\n\nemu", 0, FWD, 5, 8 },
	{ "paragraphs: a match runs across line ends", "^cat dog emu$",
	    "cat\ndog\nemu", 0, FWD, 0, 11 },
	/* multibyte characters */
	{ "multibyte: backward from the end", "\xc3\xa9", E3, 6, BACK, 4, 6 },
	{ "multibyte: backward from a character", "\xc3\xa9", E3, 4, BACK,
	    2, 4 },
	{ "multibyte: forward from a character", "\xc3\xa9", E3, 2, FWD,
	    2, 4 },
	/* invalid UTF-8 in the text */
	{ "invalid UTF-8: a valid word after bad bytes", "caf\xc3\xa9", BADUTF,
	    0, FWD, 15, 20 },
	{ "invalid UTF-8: a word between bad bytes", "bad", BADUTF, 0, FWD,
	    8, 11 },
	{ "invalid UTF-8: a word before a stray byte", "end", BADUTF, 0, FWD,
	    21, 24 },
	{ "invalid UTF-8: backward from the end", "end", BADUTF, END, BACK,
	    21, 24 },
	{ "invalid UTF-8: backward into a character", "caf", BADUTF, 17,
	    BACK, 15, 18 },
	{ "invalid UTF-8: backward over bad bytes", "caf", BADUTF, 15, BACK,
	    0, 3 },
	/* normalisation: a search finds the text however it is composed,
	 * and the match is the bytes as read */
	{ "normalisation: precomposed finds decomposed", "caf\xc3\xa9",
	    NFD_TEXT, 0, FWD, 0, 6 },
	{ "normalisation: decomposed finds precomposed", "cafe\xcc\x81",
	    NFC_TEXT, 0, FWD, 0, 5 },
	{ "normalisation: one accented letter alone", "\xc3\xa9", NFD_TEXT,
	    0, FWD, 3, 6 },
	{ "normalisation: offsets after a composed letter", "cr\xc3\xa8me",
	    NFD_TEXT, 0, FWD, 7, 14 },
	{ "normalisation: a word after two composed letters", "me$",
	    NFD_TEXT, 0, FWD, 12, 14 },
	{ "normalisation: backward in decomposed text", "e", NFD_TEXT, END,
	    BACK, 13, 14 },
	{ "normalisation: a bare e is not the e of an e with an accent",
	    "cafe", NFD_TEXT, 0, FWD, NONE, 0 },
	{ "normalisation: smart case folds a decomposed capital",
	    "\xc3\xa9t\xc3\xa9", "L'E\xcc\x81TE\xcc\x81 fini", 0, FWD,
	    2, 9 },
	{ "normalisation: a capital precomposed is exact", "\xc3\x89",
	    "cafe\xcc\x81", 0, FWD, NONE, 0 },
	{ "normalisation: marks in another order (dot below, circumflex)",
	    "Vi\xe1\xbb\x87t", "Vie\xcc\x82\xcc\xa3t", 0, FWD, 0, 8 },
	{ "normalisation: the Angstrom sign is \u00c5", "\xc3\x85ngstr",
	    "1 \xe2\x84\xabngstr\xc3\xb6m", 0, FWD, 2, 10 },
	{ "normalisation: Hangul jamo make a syllable", "\xea\xb0\x80",
	    "x \xe1\x84\x80\xe1\x85\xa1 y", 0, FWD, 2, 8 },
	/* ... where a match is part of a cluster NFC changed, it is all of
	 * the cluster (one cell on the screen) */
	{ "normalisation: an Oriya vowel sign joins the one before",
	    "\xe0\xad\x8b", "\xe0\xac\x95\xe0\xad\x87\xe0\xac\xbe", 0,
	    FWD, 0, 9 },
	{ "normalisation: a part of what U+0958 is made of",
	    "\xe0\xa4\xbc", "a \xe0\xa5\x98 b", 0, FWD, 2, 5 },
	{ "normalisation: ... backward", "\xe0\xa4\xbc",
	    "a \xe0\xa5\x98 b", END, BACK, 2, 5 },
	{ "normalisation: a regular expression over decomposed text",
	    "cr.me", NFD_TEXT, 0, FWD, 7, 14 },
	/* empty matches: only real runs count, and searches end */
	{ "empty matches: x* finds the first run", "x*", XRUNS, 0, FWD,
	    3, 4 },
	{ "empty matches: x* finds the next run", "x*", XRUNS, 4, FWD, 6, 8 },
	{ "empty matches: backward, the last start before the end", "x*",
	    XRUNS, END, BACK, 7, 8 },
	{ "empty matches: x* after the last run", "x*", XRUNS, 9, FWD,
	    NONE, 0 },
	{ "empty matches: ^ alone", "^", XRUNS, 0, FWD, NONE, 0 },
	{ "empty matches: $ alone, backward", "$", XRUNS, 0, BACK, NONE, 0 },
	{ "empty matches: a lookahead alone", "(?=a)", XRUNS, 0, FWD,
	    NONE, 0 },
	{ "empty matches: \\b alone, backward", "\\b", XRUNS, END, BACK,
	    NONE, 0 },
};

static void
find_row(void **state)
{
	const struct find_case *c = *state;
	size_t from = c->from == END ? strlen(c->text) : c->from;
	struct range m = { NONE, NONE };
	int found = find(c->pattern, c->text, from, c->backward, &m);

	if (c->start == NONE) {
		assert_false(found);
		return;
	}
	assert_true(found);
	assert_int_equal(m.start, c->start);
	assert_int_equal(m.end, c->end);
}

static void
pattern_is_kept(void **state)
{
	struct search *s = compile("Some (pattern)");

	(void)state;
	assert_string_equal(search_pattern(s), "Some (pattern)");
	search_free(s);
}

static void
bad_pattern(void **state)
{
	static const char *const bad[] = { "(unclosed", "a[b", "*x", "a{2,1}",
		"\\", "(?<n>a)(?<n>b)" };
	char *err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err = NULL;
		assert_null(search_new(bad[i], &err));
		assert_non_null(err);
		assert_non_null(strstr(err, " at offset "));
		free(err);
	}
	err = NULL;
	assert_null(search_new("ab(c", &err));
	assert_non_null(strstr(err, "at offset 4"));
	free(err);
}

/*
 * A match found backward is the match found forward from its start: the
 * text was cut 4 KiB past the search's start, so "$" matched at the cut
 * and a long match was cut short there (found by fuzz_search).
 */
static void
backward_matches_as_forward(void **state)
{
	size_t len = 10001;
	char *t = xmalloc(len + 1);
	struct search *s = compile("a+$");
	struct range m, f;

	(void)state;
	memset(t, 'a', len - 1);
	t[len - 1] = '\n';
	t[len] = '\0';
	assert_true(find_in(s, t, len, 100, 1, &m));
	assert_int_equal(m.start, 99);
	assert_true(find_in(s, t, len, m.start, 0, &f));
	assert_int_equal(f.end, len - 1);
	assert_int_equal(m.end, f.end);
	search_free(s);
	/* "$" at the cut: no match where no line ends */
	memset(t, 'b', len);
	t[len] = '\0';
	t[4195] = 'a';	/* the old cut: 100 + 4096 */
	s = compile("b+a$");
	assert_false(find_in(s, t, len, 100, 1, &m));
	search_free(s);
	free(t);
}

/* A run of 1,000 capitalised words backtracks deeply: PCRE2's JIT stack
 * (32 KiB of its own) ran out and the search found nothing, silently. */
static void
long_capitalised_run(void **state)
{
	struct search *s = compile("[A-Z][a-z]*(?:\\s+[A-Z][a-z]*)*\\s+"
	    "Inc\\.");
	struct range m;
	struct buf t;

	(void)state;
	buf_init(&t);
	testutil_capitalised_run(&t, 1000);
	buf_reserve(&t, 32);	/* slack, as the article has */
	assert_true(find_in(s, t.data, t.len, 0, 0, &m));
	assert_int_equal(m.start, 10);
	assert_int_equal(m.end, t.len - 7);
	search_free(s);
	buf_free(&t);
}

static void
backward_far_across_chunks(void **state)
{
	size_t len = 300000, i;
	char *t = xmalloc(len + 1);
	struct search *s = compile("needle");
	struct range m;

	(void)state;
	memset(t, 'a', len);
	t[len] = '\0';
	memcpy(t + 10, "needle", 6);
	memcpy(t + 150000, "needle", 6);
	assert_true(find_in(s, t, len, len, 1, &m));
	assert_int_equal(m.start, 150000);
	assert_true(find_in(s, t, len, 150000, 1, &m));
	assert_int_equal(m.start, 10);
	assert_true(find_in(s, t, len, 150003, 1, &m));
	assert_int_equal(m.start, 150000);
	assert_false(find_in(s, t, len, 10, 1, &m));
	assert_true(find_in(s, t, len, 11, 0, &m));
	assert_int_equal(m.start, 150000);
	/* across the chunk boundary (from - 65536) */
	for (i = 0; i < 6; i++)
		t[150000 + i] = 'a';
	memcpy(t + len - 65536 - 3, "needle", 6);
	assert_true(find_in(s, t, len, len, 1, &m));
	assert_int_equal(m.start, len - 65536 - 3);
	search_free(s);
	free(t);
}

struct hits {
	size_t	start[64];
	size_t	end[64];
	size_t	n;
};

/* search_each: matches come in order and never overlap. */
struct counted {
	size_t	n;
	size_t	last_end;
};

static void
count_hit(void *arg, size_t start, size_t end)
{
	struct counted *h = arg;

	assert_true(start >= h->last_end);
	assert_true(end > start);
	h->last_end = end;
	h->n++;
}

static void
collect(void *arg, size_t start, size_t end)
{
	struct hits *h = arg;

	assert_true(h->n < 64);
	h->start[h->n] = start;
	h->end[h->n] = end;
	h->n++;
}


/* The reflowed text and its map back to bytes: CRLF, tabs, runs,
 * multi-byte characters (the byte of each character of the text). */
static void
flat_map(void **state)
{
	static const struct {
		const char	*in;
		const char	*text;
		size_t		 map[16];	/* len + 1 entries */
	} cases[] = {
		{ "a  b", "a b", { 0, 1, 3, 4 } },
		{ "a\r\nb", "a b", { 0, 1, 3, 4 } },
		{ "a \r\n\tb\r\n", "a b ", { 0, 1, 5, 6, 8 } },
		{ " x ", " x ", { 0, 1, 2, 3 } },
		{ "\xc3\xa9\n\tb", "\xc3\xa9 b", { 0, 1, 2, 4, 5 } },
		{ "\xe6\x97\xa5\xe6\x9c\xac\r\n\xe8\xaa\x9e",
		  "\xe6\x97\xa5\xe6\x9c\xac \xe8\xaa\x9e",
		  { 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11 } },
		{ "", "", { 0 } },
	};
	struct search_flat f;
	size_t i, k;

	(void)state;
	search_flat_init(&f);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		search_flat_fill(&f, cases[i].in, 0, strlen(cases[i].in));
		assert_mem_str(f.text, f.len, cases[i].text);
		assert_int_equal(f.text[f.len], '\0');
		for (k = 0; k <= f.len; k++)
			assert_int_equal(search_flat_byte(&f, k),
			    cases[i].map[k]);
	}
	/* a part of the bytes: offsets stay the article's */
	search_flat_fill(&f, "xx a\r\n b yy", 2, 9);
	assert_mem_str(f.text, f.len, " a b ");
	assert_int_equal(search_flat_byte(&f, 0), 2);
	assert_int_equal(search_flat_byte(&f, 2), 4);
	assert_int_equal(search_flat_byte(&f, 3), 7);
	assert_int_equal(search_flat_byte(&f, 5), 9);
	assert_int_equal(search_flat_index(&f, 0), 0);
	assert_int_equal(search_flat_index(&f, 5), 3);	/* in the run */
	assert_int_equal(search_flat_index(&f, 9), 5);
	/* the first character made from byte off or later */
	search_flat_fill(&f, "a \r\n b", 0, 6);
	assert_int_equal(search_flat_index(&f, 0), 0);
	assert_int_equal(search_flat_index(&f, 1), 1);
	assert_int_equal(search_flat_index(&f, 2), 2);	/* inside the run */
	assert_int_equal(search_flat_index(&f, 5), 2);
	assert_int_equal(search_flat_index(&f, 6), 3);
	search_flat_free(&f);
}

/* "club on Oldham" finds "club on<line end>Oldham", whatever the line
 * ends and white space; never across a blank line (a paragraph). */
static void
across_line_breaks(void **state)
{
	static const struct {
		const char	*text;
		size_t		 start;		/* SIZE_MAX: not found */
		size_t		 end;
	} cases[] = {
		{ "the club on\nOldham Street", 4, 18 },
		{ "the club on\r\nOldham Street", 4, 19 },
		{ "the club  on \n\t Oldham Street", 4, 22 },
		{ "the club on\n\nOldham Street", SIZE_MAX, 0 },
		{ "the club on\r\n \r\nOldham Street", SIZE_MAX, 0 },
		{ "\xc3\xa9t\xc3\xa9: club\non Oldham", 7, 21 },
	};
	struct range m;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].start == SIZE_MAX) {
			assert_false(find("club on Oldham", cases[i].text, 0, 0,
			    &m));
			continue;
		}
		assert_true(find("club on Oldham", cases[i].text, 0, 0, &m));
		assert_int_equal(m.start, cases[i].start);
		assert_int_equal(m.end, cases[i].end);
		/* backward from the end finds the same */
		assert_true(find("club on Oldham", cases[i].text,
		    strlen(cases[i].text), 1, &m));
		assert_int_equal(m.start, cases[i].start);
		/* \s+ too, and a match that ends in white space covers it */
		assert_true(find("on\\s", cases[i].text, 0, 0, &m));
		assert_int_equal(m.end, cases[i].end - 6);
	}
}

static struct search *
compile_flags(const char *text, unsigned flags)
{
	char *err = NULL;
	struct search *s = search_compile(text, flags, &err);

	if (s == NULL)
		fail_msg("%s: %s", text, err);
	return s;
}

/* Ctrl-R at the prompt and --annotate-text: text, not a pattern. */
static void
literal_text(void **state)
{
	static const char t[] = "It costs $145 million (a.b) or\naxb.";
	struct search *s;
	struct range m;

	(void)state;
	s = compile_flags("$145", SEARCH_LITERAL);
	assert_true(search_is_literal(s));
	assert_true(find_in(s, t, strlen(t), 0, 0, &m));
	assert_int_equal(m.start, 9);
	assert_int_equal(m.end, 13);
	search_free(s);
	assert_false(find("$145", t, 0, 0, &m));	/* a pattern: $ anchors */
	s = compile_flags("(a.b)", SEARCH_LITERAL);
	assert_true(find_in(s, t, strlen(t), 0, 0, &m));
	assert_int_equal(m.start, 22);
	assert_false(find_in(s, t, strlen(t), 23, 0, &m));	/* not axb */
	search_free(s);
	/* its own white space runs match any run */
	s = compile_flags("or \n\n  axb", SEARCH_LITERAL);
	assert_true(find_in(s, t, strlen(t), 0, 0, &m));
	assert_int_equal(m.start, 28);
	assert_int_equal(m.end, 34);
	search_free(s);
	/* smart case, or exact case */
	s = compile_flags("MILLION", SEARCH_LITERAL);
	assert_false(find_in(s, t, strlen(t), 0, 0, &m));
	search_free(s);
	s = compile_flags("it costs", SEARCH_LITERAL);
	assert_true(find_in(s, t, strlen(t), 0, 0, &m));
	search_free(s);
	s = compile_flags("it costs", SEARCH_LITERAL | SEARCH_EXACT_CASE);
	assert_false(find_in(s, t, strlen(t), 0, 0, &m));
	search_free(s);
}

/* The reflowed text is in NFC; a composed cluster maps back to all the
 * bytes it was made from, and what follows to its own bytes. */
static void
normalised_map(void **state)
{
	static const size_t map[] = { 0, 1, 2, 3, 3, 6, 8, 9 };
	struct search_flat f;
	size_t k;

	(void)state;
	search_flat_init(&f);
	search_flat_fill(&f, "cafe\xcc\x81  x", 0, 9);
	assert_mem_str(f.text, f.len, "caf\xc3\xa9 x");
	/* text[4] is the second byte of é, made from bytes 3 to 6 */
	for (k = 0; k <= f.len; k++)
		assert_int_equal(search_flat_byte(&f, k), map[k]);
	assert_int_equal(search_flat_end_byte(&f, 4), 6);	/* in é */
	assert_int_equal(search_flat_end_byte(&f, 5), 6);
	assert_int_equal(search_flat_end_byte(&f, 7), 9);
	assert_int_equal(search_flat_index(&f, 3), 3);
	assert_int_equal(search_flat_index(&f, 4), 5);	/* in the cluster */
	assert_int_equal(search_flat_index(&f, 6), 5);
	assert_int_equal(search_flat_index(&f, 8), 6);
	assert_int_equal(search_flat_index(&f, 9), 7);
	search_flat_free(&f);
}

/* A literal, and the & filter's short strings, are normalised too. */
static void
normalised_literals_and_strings(void **state)
{
	struct search *s;
	struct range m;

	(void)state;
	s = compile_flags("cre\xcc\x80me", SEARCH_LITERAL);
	assert_true(find_in(s, NFC_TEXT, strlen(NFC_TEXT), 0, 0, &m));
	assert_int_equal(m.start, 6);
	assert_int_equal(m.end, 12);
	search_free(s);
	s = compile_flags("caf\xc3\xa9 cr\xc3\xa8me", SEARCH_LITERAL |
	    SEARCH_EXACT_CASE);
	assert_int_equal(search_count(s, &(struct doc){ .bytes = NFD_TEXT,
	    .len = strlen(NFD_TEXT) }, 5, &m), 1);
	assert_int_equal(m.start, 0);
	assert_int_equal(m.end, 14);
	search_free(s);
	s = compile("cr\xc3\xa8me");
	assert_true(search_in_string(s, NFD_TEXT, strlen(NFD_TEXT)));
	assert_false(search_in_string(s, "creme", 5));
	search_free(s);
}

/*
 * Text in NFC already, in any script, is copied as it is (block by
 * block: no anchor but the first); text that is not comes out in NFC:
 * й and ё decomposed, Greek with its accents apart or with oxia (U+1F71
 * is U+03AC), the ano teleia and question mark (U+00B7, ';'), Hangul
 * conjoining jamo (L V T, a syllable and a final), Vietnamese with its
 * two marks in either order, Latin decomposed.
 */
static void
normalised_scripts(void **state)
{
	static const struct {
		const char	*in;
		const char	*flat;
		int		 nfc;	/* NFC already */
	} cases[] = {
		/* Cyrillic, NFC already (its « » searched as ") */
		{ "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xc2\xab\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0\xc2\xbb \xd1\x83\xd1\x88\xd1\x91\xd0\xbb \xd0\xb2 \xd0\xbf\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb8\xd1\x86\xd1\x83, \xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd1\x80\xd0\xb5\xd0\xb9\xd1\x81",
		    "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \"\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0\" \xd1\x83\xd1\x88\xd1\x91\xd0\xbb \xd0\xb2 \xd0\xbf\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb8\xd1\x86\xd1\x83, \xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd1\x80\xd0\xb5\xd0\xb9\xd1\x81",
		    0 },
		/* Cyrillic without quotes, NFC already */
		{ "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd1\x83\xd1\x88\xd1\x91\xd0\xbb",
		    "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd1\x83\xd1\x88\xd1\x91\xd0\xbb",
		    1 },
		/* Cyrillic, й and ё decomposed */
		{ "\xd0\x9d\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb8\xcc\x86  \xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd1\x83\xd1\x88\xd0\xb5\xcc\x88\xd0\xbb",
		    "\xd0\x9d\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd1\x83\xd1\x88\xd1\x91\xd0\xbb",
		    0 },
		/* Greek, NFC already */
		{ "\xce\x97 \xce\xb1\xce\xb3\xce\xbf\xcf\x81\xce\xac \xce\xac\xce\xbd\xce\xbf\xce\xb9\xce\xbe\xce\xb5 \xce\x90",
		    "\xce\x97 \xce\xb1\xce\xb3\xce\xbf\xcf\x81\xce\xac \xce\xac\xce\xbd\xce\xbf\xce\xb9\xce\xbe\xce\xb5 \xce\x90",
		    1 },
		/* Greek, decomposed, oxia, ano teleia, question mark */
		{ "\xce\xb1\xce\xb3\xce\xbf\xcf\x81\xce\xb1\xcc\x81 \xe1\xbd\xb1 ;\xce\x87\xcd\xbe",
		    "\xce\xb1\xce\xb3\xce\xbf\xcf\x81\xce\xac \xce\xac ;\xc2\xb7;",
		    0 },
		/* Hangul syllables */
		{ "\xed\x95\x9c\xea\xb5\xad \xeb\x89\xb4\xec\x8a\xa4",
		    "\xed\x95\x9c\xea\xb5\xad \xeb\x89\xb4\xec\x8a\xa4",
		    1 },
		/* Hangul jamo: L V T, LV + T, L V; a T alone stays */
		{ "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab \xea\xb0\x80\xe1\x86\xa8 \xe1\x84\x80\xe1\x85\xa1 \xe1\x86\xa8",
		    "\xed\x95\x9c \xea\xb0\x81 \xea\xb0\x80 \xe1\x86\xa8",
		    0 },
		/* Vietnamese, NFC already */
		{ "Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n H\xc3\xa0 N\xe1\xbb\x99i ngh\xe1\xbb\x87",
		    "Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n H\xc3\xa0 N\xe1\xbb\x99i ngh\xe1\xbb\x87",
		    1 },
		/* Vietnamese, decomposed, marks in either order */
		{ "Ngu\xcc\x9bo\xcc\x9b\xcc\x80i da\xcc\x82n Ha\xcc\x80 N\xc3\xb4\xcc\xa3i nghe\xcc\x82\xcc\xa3 nghe\xcc\xa3\xcc\x82",
		    "Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n H\xc3\xa0 N\xe1\xbb\x99i ngh\xe1\xbb\x87 ngh\xe1\xbb\x87",
		    0 },
		/* Latin, decomposed */
		{ "cafe\xcc\x81 Zoe\xcc\x88\t" "A\xcc\x8a",
		    "caf\xc3\xa9 Zo\xc3\xab \xc3\x85",
		    0 },
	};
	struct search_flat f;
	size_t i;

	(void)state;
	search_flat_init(&f);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		search_flat_fill(&f, cases[i].in, 0, strlen(cases[i].in));
		assert_mem_str(f.text, f.len, cases[i].flat);
		if (cases[i].nfc)
			assert_int_equal(f.nanchor, 1);
		else
			assert_true(f.nanchor > 1);
		assert_int_equal(search_flat_byte(&f, f.len),
		    strlen(cases[i].in));
	}
	search_flat_free(&f);
}

/*
 * Typographic quotes are found by the straight ones typed, and the other
 * way round, as a literal and in a pattern; the match is the article's
 * bytes.  A paragraph starting with one (or with a cluster NFC changes)
 * is found from before it (it was not: its first anchor was taken for
 * one inside the text).
 */
static void
straight_quotes_find_curly(void **state)
{
	static const char t[] = "Headline\n\n\xe2\x80\x9cTonight it\xe2\x80"
	    "\x99s done,\xe2\x80\x9d she said.\n\nCafe\xcc\x81 \xc2\xabOui\xc2\xbb.";
	struct range m;
	char *err = NULL;
	struct search *s;

	(void)state;
	assert_true(find("\"Tonight", t, 0, FWD, &m));
	assert_int_equal(m.start, 10);
	assert_int_equal(m.end, 20);

	assert_true(find("it's done,\"", t, 0, FWD, &m));
	assert_int_equal(m.start, 21);
	assert_int_equal(m.end, 36);
	assert_true(find("\xe2\x80\x98?s done", t, 0, FWD, &m)); /* ‘?s */
	assert_true(find("\"oui\"", t, 0, FWD, &m));
	assert_int_equal(m.end, strlen(t) - 1);
	assert_true(find("caf\xc3\xa9", t, 0, FWD, &m));	/* from before */
	assert_int_equal(m.start, 48);
	/* a paragraph opening with a cluster NFC changes, from before */
	assert_true(find("\xc3\xa9t\xc3\xa9", "A.\n\nE\xcc\x81te\xcc\x81 !", 0,
	    FWD, &m));
	assert_int_equal(m.start, 4);
	s = search_compile("it's done", SEARCH_LITERAL, &err);
	assert_non_null(s);
	assert_int_equal(search_in_string(s, t, strlen(t)), 1);
	search_free(s);
}

/* Pieces of text in many scripts, with combining marks and jamo. */
static const char *const MIXED[] = {
	"a", "e", "o", "u", "A", " ", "  ", "\n", ".",
	"\xcc\x81", "\xcc\x80", "\xcc\x82", "\xcc\x88", "\xcc\xa3",
	"\xcc\x9b", "\xcc\x86", "\xcc\x93",			/* marks */
	"\xd0\xb8", "\xd0\xb5", "\xd0\xb9", "\xd1\x91", "\xd0\x98",
	"\xce\xb1", "\xce\xb9", "\xce\xac", "\xe1\xbd\xb1", "\xce\x87",
	"\xe1\x84\x80", "\xe1\x84\x92", "\xe1\x85\xa1", "\xe1\x86\xa8",
	"\xea\xb0\x80", "\xea\xb0\x81", "\xed\x95\x9c",	/* jamo, syllables */
	"\xc6\xb0", "\xe1\xbb\x87", "\xc3\xa9", "\xe2\x84\xab",
	"\xe2\x80\x9c", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
};

/* s[0, *n) with its “ (the one quote of MIXED) as ", in place. */
static void
straight_quotes(char *s, size_t *n)
{
	char *p;

	while ((p = memmem(s, *n, "\xe2\x80\x9c", 3)) != NULL) {
		*p = '"';
		memmove(p + 1, p + 3, *n - (size_t)(p + 3 - s));
		*n -= 2;
	}
}

/* Text made of MIXED's pieces comes out as utf8_nfc makes it (white
 * space runs aside, quotes straight), whatever blocks were met before. */
static void
normalised_like_utf8_nfc(void **state)
{
	struct search_flat f;
	unsigned long r = 12345;
	char t[256], w[256], *want;
	size_t round, k, n, m, len;

	(void)state;
	search_flat_init(&f);
	for (round = 0; round < 20000; round++) {
		n = 0;
		for (k = 0; k < 1 + round % 23; k++) {
			const char *p;

			r = r * 6364136223846793005ul + 1442695040888963407ul;
			p = MIXED[(r >> 33) % (sizeof MIXED / sizeof MIXED[0])];
			memcpy(t + n, p, strlen(p));
			n += strlen(p);
		}
		for (k = m = 0; k < n; k++)	/* white space runs: one space */
			if (!strchr(" \n", t[k]) || m == 0 || w[m - 1] != ' ')
				w[m++] = strchr(" \n", t[k]) ? ' ' : t[k];
		search_flat_fill(&f, t, 0, n);
		want = utf8_nfc(w, m, &len);
		straight_quotes(want, &len);
		want[len] = '\0';
		assert_mem_str(f.text, f.len, want);
		free(want);
	}
	search_flat_free(&f);
}

/* r[0].end counts the matches, r[1] is the last. */
static void
count_match(void *arg, size_t start, size_t end)
{
	struct range *r = arg;

	r[0].end++;
	r[1].start = start;
	r[1].end = end;
}

/* NFC may make a text longer (U+0958 is U+0915 U+093C, 3 bytes then
 * 6): a paragraph of them, searched through, grows the reflowed copy
 * and keeps the offsets. */
static void
normalisation_grows_the_text(void **state)
{
	enum { N = 3000 };
	char *t = xmalloc(N * 3 + 5);
	struct search *s;
	struct range m, r[2] = { { 0, 0 }, { 0, 0 } };
	size_t i;

	(void)state;
	for (i = 0; i < N; i++)
		memcpy(t + i * 3, "\xe0\xa5\x98", 3);
	memcpy(t + N * 3, " end", 5);
	assert_true(find("end", t, 0, 0, &m));
	assert_int_equal(m.start, N * 3 + 1);
	s = compile("\xe0\xa4\x95\xe0\xa4\xbc");	/* U+0915 U+093C */
	each_in(s, t, N * 3 + 4, 0, N * 3 + 4, count_match, r);
	assert_int_equal(r[0].end, N);
	assert_int_equal(r[1].start, (N - 1) * 3);
	assert_int_equal(r[1].end, N * 3);
	search_free(s);
	free(t);
}

/* --annotate-text: how many places, overlapping ones too. */
static void
count_places(void **state)
{
	static const char t[] = "aaa and the\nlong night, the long\r\nnight";
	static const struct {
		const char	*text;
		size_t		 max;
		size_t		 count;
		size_t		 start;		/* of the first */
		size_t		 end;
	} cases[] = {
		{ "aa", SIZE_MAX, 2, 0, 2 },
		{ "the long night", SIZE_MAX, 2, 8, 22 },
		{ "the long night", 1, 1, 8, 22 },
		{ "long night,", SIZE_MAX, 1, 12, 23 },
		{ "nowhere", SIZE_MAX, 0, 0, 0 },
	};
	struct doc d = doc_of(t, strlen(t));
	struct range first;
	struct search *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = compile_flags(cases[i].text, SEARCH_LITERAL);
		first.start = first.end = 0;
		assert_int_equal(search_count(s, &d, cases[i].max, &first),
		    cases[i].count);
		assert_int_equal(first.start, cases[i].start);
		assert_int_equal(first.end, cases[i].end);
		search_free(s);
	}
}

/* The & filter: the paragraphs holding a match, each once. */
static void
matching_paragraphs(void **state)
{
	static const char t[] = "one cat\n\ntwo\r\n\r\nthree cat\ncat\n\nfour";
	struct search *s = compile("cat");
	struct doc d = doc_of(t, strlen(t));
	struct range *v;
	size_t n;

	(void)state;
	n = search_paragraphs(s, &d, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].start, 0);
	assert_int_equal(v[0].end, 7);
	assert_int_equal(v[1].start, 16);
	assert_int_equal(v[1].end, 29);
	free(v);
	search_free(s);
	s = compile("none");
	assert_int_equal(search_paragraphs(s, &d, &v), 0);
	assert_null(v);
	search_free(s);
}

/* A paragraph longer than a piece: a match across the cut between two
 * pieces is found once, forward, backward and by search_each. */
static void
across_pieces(void **state)
{
	size_t len = 3 * SEARCH_PIECE, at = SEARCH_PIECE - 3, i;
	char *t = xmalloc(len + 1);
	struct search *s = compile("needle in\\s+hay");
	struct range m;
	struct counted h;

	(void)state;
	for (i = 0; i < len; i++)
		t[i] = i % 7 == 6 ? '\n' : 'a';
	t[len] = '\0';
	memcpy(t + at, " needle in\r\n  hay ", 18);
	assert_true(find_in(s, t, len, 0, 0, &m));
	assert_int_equal(m.start, at + 1);
	assert_int_equal(m.end, at + 17);
	assert_true(find_in(s, t, len, len, 1, &m));
	assert_int_equal(m.start, at + 1);
	assert_false(find_in(s, t, len, at + 2, 0, &m));
	assert_false(find_in(s, t, len, at + 1, 1, &m));
	search_free(s);
	/* every match of a short pattern once, none twice at the cut */
	s = compile("a\\s");
	memset(&h, 0, sizeof h);
	each_in(s, t, len, 0, len, count_hit, &h);
	assert_true(h.n > 3 * SEARCH_PIECE / 7 - 8);
	assert_true(h.n < 3 * SEARCH_PIECE / 7 + 1);
	search_free(s);
	free(t);
}

static void
each_in_range(void **state)
{
	/*                0         1         2 */
	/*                0123456789012345678901234 */
	static const char t[] = "ab ab ab ab ab";
	struct search *s = compile("ab");
	struct hits h = { { 0 }, { 0 }, 0 };

	(void)state;
	each_in(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 5);
	assert_int_equal(h.start[4], 12);
	memset(&h, 0, sizeof h);
	/* only matches inside [4, 11) */
	each_in(s, t, strlen(t), 4, 11, collect, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.start[0], 6);
	assert_int_equal(h.end[0], 8);
	assert_int_equal(h.start[1], 9);
	assert_int_equal(h.end[1], 11);
	memset(&h, 0, sizeof h);
	each_in(s, t, strlen(t), 5, 5, collect, &h);
	assert_int_equal(h.n, 0);
	search_free(s);

	/* overlapping candidates: matches do not overlap */
	s = compile("aa");
	memset(&h, 0, sizeof h);
	each_in(s, "aaaaa", 5, 0, 5, collect, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.start[1], 2);
	search_free(s);
}

static void
invalid_utf8_does_not_crash(void **state)
{
	const char *t = BADUTF;
	struct search *s;
	struct hits h;
	struct range m;
	size_t from;

	(void)state;
	/* every start offset, even inside bytes that are not characters */
	s = compile("\\w+");
	for (from = 0; from <= strlen(t); from++) {
		(void)find_in(s, t, strlen(t), from, 0, &m);
		(void)find_in(s, t, strlen(t), from, 1, &m);
	}
	memset(&h, 0, sizeof h);
	each_in(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 4);	/* caf bad caf\xc3\xa9 end */
	assert_int_equal(h.start[2], 15);
	assert_int_equal(h.end[2], 20);
	search_free(s);
	/* a pattern that is itself invalid UTF-8 is an error, not a crash */
	{
		char *err = NULL;

		assert_null(search_new("\xff", &err));
		assert_non_null(err);
		free(err);
	}
}

static void
empty_matches_terminate(void **state)
{
	const char *t = XRUNS;
	struct search *s;
	struct hits h;
	struct range m;

	(void)state;
	/* "x*" matches empty everywhere: only the real x runs count */
	s = compile("x*");
	memset(&h, 0, sizeof h);
	each_in(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.start[0], 3);
	assert_int_equal(h.start[1], 6);
	assert_int_equal(h.end[1], 8);
	search_free(s);

	s = compile("");
	memset(&h, 0, sizeof h);
	each_in(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 0);
	assert_false(find_in(s, t, strlen(t), 0, 0, &m));
	assert_false(find_in(s, t, strlen(t), strlen(t), 1, &m));
	search_free(s);
}

int
main(void)
{
	static const struct CMUnitTest funcs[] = {
		cmocka_unit_test(pattern_is_kept),
		cmocka_unit_test(bad_pattern),
		cmocka_unit_test(backward_far_across_chunks),
		cmocka_unit_test(each_in_range),
		cmocka_unit_test(invalid_utf8_does_not_crash),
		cmocka_unit_test(empty_matches_terminate),
		cmocka_unit_test(flat_map),
		cmocka_unit_test(across_line_breaks),
		cmocka_unit_test(literal_text),
		cmocka_unit_test(count_places),
		cmocka_unit_test(matching_paragraphs),
		cmocka_unit_test(across_pieces),
		cmocka_unit_test(backward_matches_as_forward),
		cmocka_unit_test(long_capitalised_run),
		cmocka_unit_test(normalised_map),
		cmocka_unit_test(normalised_literals_and_strings),
		cmocka_unit_test(normalisation_grows_the_text),
		cmocka_unit_test(normalised_scripts),
		cmocka_unit_test(straight_quotes_find_curly),
		cmocka_unit_test(normalised_like_utf8_nfc),
	};

	testutil_run_with_table(funcs, find_cases, find_row, NULL, NULL);
}
