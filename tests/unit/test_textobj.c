/* test_textobj.c: characters, words, sentences and paragraphs. */
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "artread/doc.h"
#include "artread/textobj.h"
#include "artread/util.h"

static struct doc *
mem(const char *s)
{
	return doc_from_memory("t", s, strlen(s));
}

/* A document over exactly len bytes with nothing after them, so that a
 * read past the end is caught by the address sanitizer. */
static struct doc *
exact(const char *s)
{
	size_t n = strlen(s);
	struct doc *d = xcalloc(1, sizeof *d);
	char *b = xmalloc(n);

	memcpy(b, s, n);
	d->name = xstrdup("exact");
	d->bytes = b;
	d->len = n;
	return d;
}

/* Stepping right from each of starts[] reaches the next; left, the one
 * before. */
static void
assert_steps(const struct doc *d, const size_t *starts, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		assert_int_equal(textobj_char_next(d, starts[i]), starts[i + 1]);
		assert_int_equal(textobj_char_prev(d, starts[i + 1]), starts[i]);
	}
}

/* From off, inside a character: right to its end, left to its start. */
static void
assert_inside(const struct doc *d, size_t off, size_t next, size_t prev)
{
	assert_int_equal(textobj_char_next(d, off), next);
	assert_int_equal(textobj_char_prev(d, off), prev);
}

static void
char_next_prev_multibyte(void **state)
{
	/* a é 漢 😀 b, and a stray continuation byte */
	struct doc *d = mem("a\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80" "b");
	static const size_t starts[] = { 0, 1, 3, 6, 10, 11 };

	(void)state;
	assert_steps(d, starts, sizeof starts / sizeof starts[0]);
	assert_int_equal(textobj_char_next(d, 11), 11);
	assert_int_equal(textobj_char_next(d, 50), 11);
	assert_int_equal(textobj_char_prev(d, 0), 0);
	assert_inside(d, 7, 10, 6);
	assert_inside(d, 8, 10, 6);
	doc_free(d);

	/* the BOM is not a character to step onto */
	d = mem("\xef\xbb\xbf\xc3\xa9x");
	assert_int_equal(textobj_char_prev(d, 5), 3);
	assert_int_equal(textobj_char_prev(d, 3), 3);
	assert_int_equal(textobj_char_next(d, 3), 5);
	doc_free(d);
}

/* A grapheme cluster is one step: an accent with its letter, an emoji
 * ZWJ sequence, a flag; a visible ZWJ outside one is a step of its own. */
static void
char_next_prev_clusters(void **state)
{
	/* e+acute, 👩‍⚕️, 🇫🇷, 漢, a, ZWJ shown as <U+200D>, b, 👨‍👩‍👧 */
	struct doc *d = mem("e\xcc\x81"
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x95\xef\xb8\x8f"
	    "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7" "\xe6\xbc\xa2"
	    "a\xe2\x80\x8d" "b"
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
	    "\xe2\x80\x8d\xf0\x9f\x91\xa7");
	static const size_t starts[] = { 0, 3, 16, 24, 27, 28, 31, 32, 50 };

	(void)state;
	assert_int_equal(d->len, 50);
	assert_steps(d, starts, sizeof starts / sizeof starts[0]);
	assert_inside(d, 1, 3, 0);
	assert_inside(d, 8, 16, 3);
	assert_inside(d, 20, 24, 16);
	assert_inside(d, 49, 50, 32);
	doc_free(d);
}

static void
words(void **state)
{
	/*                   0123456789012345678901234 */
	struct doc *d = mem("one two  three\n\nfour");
	struct range w;

	(void)state;
	/* next: the start of the following word */
	assert_int_equal(textobj_word_next(d, 0), 4);
	assert_int_equal(textobj_word_next(d, 2), 4);
	assert_int_equal(textobj_word_next(d, 3), 4);
	assert_int_equal(textobj_word_next(d, 4), 9);
	assert_int_equal(textobj_word_next(d, 9), 16);
	assert_int_equal(textobj_word_next(d, 16), 16);	/* none */
	assert_int_equal(textobj_word_next(d, 18), 18);
	/* prev: the start of this word, or the one before */
	assert_int_equal(textobj_word_prev(d, 18), 16);
	assert_int_equal(textobj_word_prev(d, 16), 9);
	assert_int_equal(textobj_word_prev(d, 15), 9);
	assert_int_equal(textobj_word_prev(d, 9), 4);
	assert_int_equal(textobj_word_prev(d, 8), 4);
	assert_int_equal(textobj_word_prev(d, 5), 4);
	assert_int_equal(textobj_word_prev(d, 4), 0);
	assert_int_equal(textobj_word_prev(d, 1), 0);
	assert_int_equal(textobj_word_prev(d, 0), 0);
	/* end: the last byte of this word, or of the next one */
	assert_int_equal(textobj_word_end(d, 0), 2);
	assert_int_equal(textobj_word_end(d, 1), 2);
	assert_int_equal(textobj_word_end(d, 2), 6);
	assert_int_equal(textobj_word_end(d, 3), 6);
	assert_int_equal(textobj_word_end(d, 6), 13);
	assert_int_equal(textobj_word_end(d, 13), 19);
	assert_int_equal(textobj_word_end(d, 19), 19);	/* none */
	/* at */
	assert_true(textobj_word_at(d, 5, &w));
	assert_int_equal(w.start, 4);
	assert_int_equal(w.end, 7);
	assert_true(textobj_word_at(d, 7, &w));	/* on a space: the next */
	assert_int_equal(w.start, 9);
	assert_int_equal(w.end, 14);
	assert_true(textobj_word_at(d, 14, &w));
	assert_int_equal(w.start, 16);
	assert_int_equal(w.end, 20);
	assert_true(textobj_word_at(d, 19, &w));
	assert_int_equal(w.start, 16);
	doc_free(d);

	d = mem("word  \n");
	assert_false(textobj_word_at(d, 4, &w));
	assert_int_equal(textobj_word_next(d, 0), 0);
	assert_int_equal(textobj_word_end(d, 3), 3);
	doc_free(d);

	/* multibyte words are whole */
	d = mem("caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97");
	assert_true(textobj_word_at(d, 4, &w));
	assert_int_equal(w.start, 0);
	assert_int_equal(w.end, 5);
	assert_int_equal(textobj_word_next(d, 0), 6);
	assert_int_equal(textobj_word_end(d, 0), 4);
	assert_int_equal(textobj_word_end(d, 4), 11);
	doc_free(d);
}

/* The sentence at off, as text. */
static void
assert_sentence(const struct doc *d, size_t off, const char *want)
{
	struct range s;

	assert_true(textobj_sentence_at(d, off, &s));
	assert_mem_str(d->bytes + s.start, s.end - s.start, want);
}

static void
sentences_and_abbreviations(void **state)
{
	static const char t[] =
	    "Mr. Smith went to Washington. He said so.";
	struct doc *d = mem(t);
	size_t he = strstr(t, "He") - t;

	(void)state;
	assert_sentence(d, 0, "Mr. Smith went to Washington.");
	assert_sentence(d, 5, "Mr. Smith went to Washington.");
	assert_sentence(d, he - 2, "Mr. Smith went to Washington.");
	assert_sentence(d, he, "He said so.");
	assert_sentence(d, strlen(t) - 1, "He said so.");
	assert_int_equal(textobj_sentence_next(d, 0), he);
	assert_int_equal(textobj_sentence_next(d, 10), he);
	assert_int_equal(textobj_sentence_next(d, he), he);	/* none */
	assert_int_equal(textobj_sentence_prev(d, he + 3), he);
	assert_int_equal(textobj_sentence_prev(d, he), 0);
	assert_int_equal(textobj_sentence_prev(d, 7), 0);
	assert_int_equal(textobj_sentence_prev(d, 0), 0);
	doc_free(d);

	d = mem("U.S. officials met. Dr. No left.");
	assert_sentence(d, 0, "U.S. officials met.");
	assert_sentence(d, 22, "Dr. No left.");
	doc_free(d);

	/* An initial is no end either. */
	d = mem("J. Smith won. Then, 3 more came! Why? Ask.");
	assert_sentence(d, 0, "J. Smith won.");
	assert_sentence(d, 15, "Then, 3 more came!");
	assert_sentence(d, 33, "Why?");
	assert_sentence(d, 38, "Ask.");
	doc_free(d);

	/* A lower-case word after the period: not an end. */
	d = mem("It cost 3.5 m. dollars. Fine.");
	assert_sentence(d, 0, "It cost 3.5 m. dollars.");
	doc_free(d);

	/* Initials and lower case beyond ASCII: Ș. is an initial, and
	 * "é" after a period goes on with the sentence. */
	d = mem("\xc8\x98. Ionescu won. Then it ended. \xc3\xa9t\xc3\xa9 came.");
	assert_sentence(d, 0, "\xc8\x98. Ionescu won.");
	assert_sentence(d, 18, "Then it ended. \xc3\xa9t\xc3\xa9 came.");
	doc_free(d);
}

static void
sentences_with_quotes(void **state)
{
	static const char t[] =
	    "He said \xe2\x80\x9cNo.\xe2\x80\x9d Then he left.";
	static const char t2[] =
	    "She said \"Go!\" Then (it ended.) Later it rained.";
	struct doc *d = mem(t);
	size_t then = strstr(t, "Then") - t;

	(void)state;
	assert_sentence(d, 0, "He said \xe2\x80\x9cNo.\xe2\x80\x9d");
	assert_sentence(d, then, "Then he left.");
	assert_int_equal(textobj_sentence_next(d, 0), then);
	assert_int_equal(textobj_sentence_prev(d, then), 0);
	doc_free(d);

	d = mem(t2);
	assert_sentence(d, 0, "She said \"Go!\"");
	assert_sentence(d, 16, "Then (it ended.)");
	assert_sentence(d, strlen(t2) - 2, "Later it rained.");
	doc_free(d);

	/* A sentence opening with a quote. */
	d = mem("It ended. \xe2\x80\x9cWe won,\xe2\x80\x9d he said.");
	assert_sentence(d, 0, "It ended.");
	assert_sentence(d, 12, "\xe2\x80\x9cWe won,\xe2\x80\x9d he said.");
	doc_free(d);
}

static void
sentences_across_paragraphs(void **state)
{
	/*                   0         1          2          3 */
	/*                   0123456789012345678 9 0123456789012345 */
	struct doc *d = mem("First one. Second\n\nThird para. Fourth.\n");

	(void)state;
	assert_sentence(d, 12, "Second");	/* the paragraph ends it */
	assert_sentence(d, 18, "Third para.");	/* blank line: the next */
	assert_int_equal(textobj_sentence_next(d, 11), 19);
	assert_int_equal(textobj_sentence_next(d, 19), 31);
	assert_int_equal(textobj_sentence_next(d, 31), 31);	/* none */
	assert_int_equal(textobj_sentence_prev(d, 31), 19);
	assert_int_equal(textobj_sentence_prev(d, 19), 11);
	assert_int_equal(textobj_sentence_prev(d, 11), 0);
	assert_int_equal(textobj_sentence_prev(d, 25), 19);
	doc_free(d);
}

static void
sentence_end_at_buffer_end(void **state)
{
	/* The text ends in white space after a period, with no byte after
	 * the buffer: nothing may be read past it. */
	struct doc *d = exact("Hello there.   ");
	struct range s;

	(void)state;
	assert_true(textobj_sentence_at(d, 0, &s));
	assert_int_equal(s.start, 0);
	assert_int_equal(s.end, 12);
	assert_int_equal(textobj_sentence_next(d, 0), 0);
	doc_free(d);
}

static void
paragraphs(void **state)
{
	/*                   0123 4 5678 9 0 1 2345 6 */
	struct doc *d = mem("One\n\nTwo\nX\n\n\nSix\n");

	(void)state;
	assert_int_equal(textobj_para_next(d, 0), 5);
	assert_int_equal(textobj_para_next(d, 2), 5);
	assert_int_equal(textobj_para_next(d, 4), 5);	/* on a blank line */
	assert_int_equal(textobj_para_next(d, 5), 13);
	assert_int_equal(textobj_para_next(d, 9), 13);
	assert_int_equal(textobj_para_next(d, 13), 13);	/* none */
	assert_int_equal(textobj_para_next(d, 16), 16);
	assert_int_equal(textobj_para_prev(d, 16), 13);
	assert_int_equal(textobj_para_prev(d, 15), 13);
	assert_int_equal(textobj_para_prev(d, 13), 5);
	assert_int_equal(textobj_para_prev(d, 11), 5);
	assert_int_equal(textobj_para_prev(d, 9), 5);
	assert_int_equal(textobj_para_prev(d, 5), 0);
	assert_int_equal(textobj_para_prev(d, 2), 0);
	assert_int_equal(textobj_para_prev(d, 0), 0);	/* none */
	doc_free(d);
}

/* A selection's } and ) end on the last letter, never the next one's
 * first (v} took the "D" of the next paragraph). */
static void
selection_ends(void **state)
{
	/* "Then" ends at 14, "spoke." at 28, "Ok." at 32 */
	struct doc *d = mem("It rained. Then\n\nDella spoke. Ok.\n");

	(void)state;
	assert_int_equal(textobj_para_last(d, 0), 14);
	assert_int_equal(textobj_para_last(d, 14), 32);	/* the next one's */
	assert_int_equal(textobj_para_last(d, 32), 32);	/* none after */
	assert_int_equal(textobj_sentence_last(d, 0), 9);
	assert_int_equal(textobj_sentence_last(d, 9), 14);
	assert_int_equal(textobj_sentence_last(d, 17), 28);
	assert_int_equal(textobj_sentence_last(d, 28), 32);
	assert_int_equal(textobj_sentence_last(d, 32), 32);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(char_next_prev_multibyte),
		cmocka_unit_test(char_next_prev_clusters),
		cmocka_unit_test(words),
		cmocka_unit_test(sentences_and_abbreviations),
		cmocka_unit_test(sentences_with_quotes),
		cmocka_unit_test(sentences_across_paragraphs),
		cmocka_unit_test(sentence_end_at_buffer_end),
		cmocka_unit_test(paragraphs),
		cmocka_unit_test(selection_ends),
	};

	setlocale(LC_CTYPE, "C.UTF-8");	/* as main() makes sure */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
