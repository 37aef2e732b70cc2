/* test_wrap.c: text that is not the article broken into rows. */
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "artread/wrap.h"

/* The rows joined with '|', to compare with one string. */
static char *
rows_of(const char *s, int cols)
{
	struct wrap_row *r;
	size_t n = wrap_text(s, strlen(s), cols, &r), i, len = 0;
	char *out = malloc(strlen(s) + n + 2);

	for (i = 0; i < n; i++) {
		if (i > 0)
			out[len++] = '|';
		memcpy(out + len, s + r[i].start, r[i].end - r[i].start);
		len += r[i].end - r[i].start;
	}
	out[len] = '\0';
	free(r);
	return out;
}

static void
table(void **state)
{
	static const struct {
		const char	*text;
		int		 cols;
		const char	*rows;
	} cases[] = {
		{ "", 10, "" },
		{ "short", 10, "short" },
		{ "exactly10!", 10, "exactly10!" },
		{ "one two three four", 9, "one two |three |four" },
		{ "one two three four", 7, "one |two |three |four" },
		{ "a verylongwordhere b", 6, "a |verylo|ngword|here b" },
		{ "line one\nline two", 20, "line one|line two" },
		{ "ends\n", 20, "ends|" },
		{ "\n\n", 5, "||" },
		{ "wide \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97 text", 6,
		  "wide |\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97 |text" },
		{ "\xe4\xb8\xad\xe6\x96\x87", 1, "\xe4\xb8\xad|\xe6\x96\x87" },
		{ "a  b", 2, "a  |b" },
		{ "abc", 0, "a|b|c" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = rows_of(cases[i].text, cases[i].cols);
		if (strcmp(got, cases[i].rows) != 0)
			fail_msg("case %zu: \"%s\" at %d: got \"%s\", want \"%s\"",
			    i, cases[i].text, cases[i].cols, got, cases[i].rows);
		free(got);
	}
}

static void
row_of_offsets(void **state)
{
	static const char s[] = "one two three\nfour";
	struct wrap_row *r;
	size_t n = wrap_text(s, strlen(s), 8, &r);

	(void)state;
	assert_int_equal(n, 3);
	assert_int_equal(wrap_row_of(r, n, 0), 0);
	assert_int_equal(wrap_row_of(r, n, 7), 0);
	assert_int_equal(wrap_row_of(r, n, 8), 1);	/* a wrap: the next */
	assert_int_equal(wrap_row_of(r, n, 13), 1);	/* on the '\n' */
	assert_int_equal(wrap_row_of(r, n, 14), 2);
	assert_int_equal(wrap_row_of(r, n, 18), 2);
	free(r);
}

/* A long line costs what its rows cost: 300 KB in rows of 80. */
static void
long_line(void **state)
{
	size_t len = 300000, n, i;
	char *s = malloc(len + 1);
	struct wrap_row *r;

	(void)state;
	for (i = 0; i < len; i++)
		s[i] = i % 10 == 9 ? ' ' : 'x';
	s[len] = '\0';
	n = wrap_text(s, len, 80, &r);
	assert_int_equal(n, (len + 79) / 80);
	for (i = 0; i + 1 < n; i++)
		assert_int_equal(r[i].end, r[i + 1].start);
	assert_int_equal(r[n - 1].end, len);
	free(r);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table),
		cmocka_unit_test(row_of_offsets),
		cmocka_unit_test(long_line),
	};

	setlocale(LC_ALL, "C.UTF-8");	/* wide characters take two cells */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
