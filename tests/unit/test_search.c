/* test_search.c: the pager's pattern search. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/search.h"
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

static int
find(const char *pattern, const char *text, size_t from, int backward,
    struct range *m)
{
	struct search *s = compile(pattern);
	int r = search_find(s, text, strlen(text), from, backward, m);

	search_free(s);
	return r;
}

static void
smart_case(void **state)
{
	static const char t[] = "The Harbour and the harbour. THE END";
	struct range m;

	(void)state;
	/* lower case: any case */
	assert_true(find("the", t, 0, 0, &m));
	assert_int_equal(m.start, 0);
	assert_int_equal(m.end, 3);
	assert_true(find("harbour", t, 0, 0, &m));
	assert_int_equal(m.start, 4);
	assert_true(find("end", t, 0, 0, &m));
	assert_int_equal(m.start, 33);
	/* a capital: exact */
	assert_false(find("Harbour", t, 5, 0, &m));
	assert_true(find("THE", t, 0, 0, &m));
	assert_int_equal(m.start, 29);
	assert_false(find("End", t, 0, 0, &m));
	/* an escape is no capital: \S is not "S" */
	assert_true(find("\\Sarbour", t, 5, 0, &m));
	assert_int_equal(m.start, 20);
	/* non-ASCII letters fold too */
	assert_true(find("\xc3\xa9t\xc3\xa9", "L'\xc3\x89T\xc3\x89 fini", 0, 0,
	    &m));
	assert_int_equal(m.start, 2);
	assert_int_equal(m.end, 7);
	/* a capital beyond ASCII is a capital: "Ștefan" is exact, and so
	 * are Greek "Άννα" and Cyrillic "Ёлка" (they used to fold) */
	assert_false(find("\xc8\x98tefan", "\xc8\x99tefan", 0, 0, &m));
	assert_true(find("\xc8\x99tefan", "\xc8\x98tefan", 0, 0, &m));
	assert_false(find("\xce\x86\xce\xbd\xce\xbd\xce\xb1",
	    "\xce\xac\xce\xbd\xce\xbd\xce\xb1", 0, 0, &m));
	assert_false(find("\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0",
	    "\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0", 0, 0, &m));
	{
		struct search *s = compile("Some (pattern)");

		assert_string_equal(search_pattern(s), "Some (pattern)");
		search_free(s);
	}
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

static void
forward_and_backward(void **state)
{
	/*                0         1         2         3 */
	/*                0123456789012345678901234567890123 */
	static const char t[] = "cat dog cat bird cat fish";
	struct range m;

	(void)state;
	assert_true(find("cat", t, 0, 0, &m));
	assert_int_equal(m.start, 0);
	assert_true(find("cat", t, 1, 0, &m));
	assert_int_equal(m.start, 8);
	assert_true(find("cat", t, 8, 0, &m));
	assert_int_equal(m.start, 8);
	assert_true(find("cat", t, 9, 0, &m));
	assert_int_equal(m.start, 17);
	assert_int_equal(m.end, 20);
	assert_false(find("cat", t, 18, 0, &m));
	assert_false(find("cat", t, strlen(t), 0, &m));
	/* backward: the last match starting before from */
	assert_true(find("cat", t, strlen(t), 1, &m));
	assert_int_equal(m.start, 17);
	assert_true(find("cat", t, 17, 1, &m));
	assert_int_equal(m.start, 8);
	assert_true(find("cat", t, 18, 1, &m));
	assert_int_equal(m.start, 17);
	assert_true(find("cat", t, 9, 1, &m));
	assert_int_equal(m.start, 8);
	assert_true(find("cat", t, 8, 1, &m));
	assert_int_equal(m.start, 0);
	assert_true(find("cat", t, 1, 1, &m));
	assert_int_equal(m.start, 0);
	assert_false(find("cat", t, 0, 1, &m));
	/* a match may run past from */
	assert_true(find("bird cat", t, 13, 1, &m));
	assert_int_equal(m.start, 12);
	assert_int_equal(m.end, 20);
	/* multi-line: ^ and $ work per line */
	assert_true(find("^dog$", "cat\ndog\nemu", 0, 0, &m));
	assert_int_equal(m.start, 4);
}

static void
backward_over_multibyte(void **state)
{
	/* é at 0, 2, 4 */
	static const char t[] = "\xc3\xa9\xc3\xa9\xc3\xa9";
	struct range m;

	(void)state;
	assert_true(find("\xc3\xa9", t, 6, 1, &m));
	assert_int_equal(m.start, 4);
	assert_int_equal(m.end, 6);
	assert_true(find("\xc3\xa9", t, 4, 1, &m));
	assert_int_equal(m.start, 2);
	assert_true(find("\xc3\xa9", t, 2, 0, &m));
	assert_int_equal(m.start, 2);
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
	assert_true(search_find(s, t, len, len, 1, &m));
	assert_int_equal(m.start, 150000);
	assert_true(search_find(s, t, len, 150000, 1, &m));
	assert_int_equal(m.start, 10);
	assert_true(search_find(s, t, len, 150003, 1, &m));
	assert_int_equal(m.start, 150000);
	assert_false(search_find(s, t, len, 10, 1, &m));
	assert_true(search_find(s, t, len, 11, 0, &m));
	assert_int_equal(m.start, 150000);
	/* across the chunk boundary (from - 65536) */
	for (i = 0; i < 6; i++)
		t[150000 + i] = 'a';
	memcpy(t + len - 65536 - 3, "needle", 6);
	assert_true(search_find(s, t, len, len, 1, &m));
	assert_int_equal(m.start, len - 65536 - 3);
	search_free(s);
	free(t);
}

struct hits {
	size_t	start[64];
	size_t	end[64];
	size_t	n;
};

static void
collect(void *arg, size_t start, size_t end)
{
	struct hits *h = arg;

	assert_true(h->n < 64);
	h->start[h->n] = start;
	h->end[h->n] = end;
	h->n++;
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
	search_each(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 5);
	assert_int_equal(h.start[4], 12);
	memset(&h, 0, sizeof h);
	/* only matches inside [4, 11) */
	search_each(s, t, strlen(t), 4, 11, collect, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.start[0], 6);
	assert_int_equal(h.end[0], 8);
	assert_int_equal(h.start[1], 9);
	assert_int_equal(h.end[1], 11);
	memset(&h, 0, sizeof h);
	search_each(s, t, strlen(t), 5, 5, collect, &h);
	assert_int_equal(h.n, 0);
	search_free(s);

	/* overlapping candidates: matches do not overlap */
	s = compile("aa");
	memset(&h, 0, sizeof h);
	search_each(s, "aaaaa", 5, 0, 5, collect, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.start[1], 2);
	search_free(s);
}

static void
invalid_utf8_does_not_crash(void **state)
{
	static const char t[] = "caf\xc3 \xff\xfe bad \xe6\xbc caf\xc3\xa9 end\x80";
	struct search *s;
	struct hits h;
	struct range m;
	size_t from;

	(void)state;
	assert_true(find("caf\xc3\xa9", t, 0, 0, &m));
	assert_int_equal(m.start, 15);
	assert_int_equal(m.end, 20);
	assert_true(find("bad", t, 0, 0, &m));
	assert_int_equal(m.start, 8);
	assert_true(find("end", t, 0, 0, &m));
	assert_true(find("end", t, strlen(t), 1, &m));
	assert_int_equal(m.start, 21);
	assert_true(find("caf", t, 17, 1, &m));
	assert_int_equal(m.start, 15);
	assert_true(find("caf", t, 15, 1, &m));
	assert_int_equal(m.start, 0);
	/* every start offset, even inside bytes that are not characters */
	s = compile("\\w+");
	for (from = 0; from <= strlen(t); from++) {
		(void)search_find(s, t, strlen(t), from, 0, &m);
		(void)search_find(s, t, strlen(t), from, 1, &m);
	}
	memset(&h, 0, sizeof h);
	search_each(s, t, strlen(t), 0, strlen(t), collect, &h);
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
	static const char t[] = "a\xc3\xa9x\xc3\xa9xx b";
	struct search *s;
	struct hits h;
	struct range m;

	(void)state;
	/* "x*" matches empty everywhere: only the real x runs count */
	assert_true(find("x*", t, 0, 0, &m));
	assert_int_equal(m.start, 3);
	assert_int_equal(m.end, 4);
	assert_true(find("x*", t, 4, 0, &m));
	assert_int_equal(m.start, 6);
	assert_int_equal(m.end, 8);
	assert_true(find("x*", t, strlen(t), 1, &m));
	assert_int_equal(m.start, 7);	/* the last start before the end */
	assert_false(find("x*", t, 9, 0, &m));
	assert_false(find("^", t, 0, 0, &m));
	assert_false(find("$", t, 0, 1, &m));
	assert_false(find("(?=a)", t, 0, 0, &m));
	assert_false(find("\\b", t, strlen(t), 1, &m));

	s = compile("x*");
	memset(&h, 0, sizeof h);
	search_each(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.start[0], 3);
	assert_int_equal(h.start[1], 6);
	assert_int_equal(h.end[1], 8);
	search_free(s);

	s = compile("");
	memset(&h, 0, sizeof h);
	search_each(s, t, strlen(t), 0, strlen(t), collect, &h);
	assert_int_equal(h.n, 0);
	assert_false(search_find(s, t, strlen(t), 0, 0, &m));
	assert_false(search_find(s, t, strlen(t), strlen(t), 1, &m));
	search_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(smart_case),
		cmocka_unit_test(bad_pattern),
		cmocka_unit_test(forward_and_backward),
		cmocka_unit_test(backward_over_multibyte),
		cmocka_unit_test(backward_far_across_chunks),
		cmocka_unit_test(each_in_range),
		cmocka_unit_test(invalid_utf8_does_not_crash),
		cmocka_unit_test(empty_matches_terminate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
