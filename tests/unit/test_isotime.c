/* test_isotime.c: times read in every form artread meets, written in one. */
#include "testutil.h"

#include <string.h>

#include "artread/isotime.h"

static const struct {
	const char	*in;
	const char	*want;		/* NULL: refused */
} cases[] = {
	{ "2024-05-01T12:34:56.789Z", "2024-05-01T12:34:56.789Z" },
	{ "2024-05-01T12:34:56Z", "2024-05-01T12:34:56.000Z" },
	{ "2024-05-01T12:34Z", "2024-05-01T12:34:00.000Z" },
	{ "2024-05-01t12:34:56.7z", "2024-05-01T12:34:56.700Z" },
	{ "2024-05-01 12:34:56.123456789Z", "2024-05-01T12:34:56.123Z" },
	{ "2024-05-01T12:34:56", "2024-05-01T12:34:56.000Z" },
	{ "2024-05-01", "2024-05-01T00:00:00.000Z" },
	{ "2026-11-30T10:00:00+01:00", "2026-11-30T09:00:00.000Z" },
	{ "2026-11-30T10:00:00+0100", "2026-11-30T09:00:00.000Z" },
	{ "2026-11-30T01:30:00-05", "2026-11-30T06:30:00.000Z" },
	{ "2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00.000Z" },
	{ "2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z" },
	{ "2024-06-30T23:59:60Z", "2024-06-30T23:59:59.000Z" },
	{ "2024-05-01T24:00:00Z", "2024-05-02T00:00:00.000Z" },
	{ "Mon, 30 Nov 2026 09:00:00 GMT", "2026-11-30T09:00:00.000Z" },
	{ "30 Nov 2026 09:00 +0200", "2026-11-30T07:00:00.000Z" },
	{ "Tue, 1 Dec 26 09:00:00 EST", "2026-12-01T14:00:00.000Z" },
	{ "Fri, 01 Jan 99 00:00:00 PDT", "1999-01-01T07:00:00.000Z" },
	{ "  2024-05-01T00:00:00Z", "2024-05-01T00:00:00.000Z" },
	{ "", NULL },
	{ "yesterday", NULL },
	{ "2023-02-29T00:00:00Z", NULL },
	{ "2024-13-01T00:00:00Z", NULL },
	{ "2024-05-01T25:00:00Z", NULL },
	{ "2024-05-01T12:60:00Z", NULL },
	{ "2024-05-01T12:00:00+24:00", NULL },
	{ "2024-05-01T12:00:00Zjunk", NULL },
	{ "0000-01-01T00:30:00+01:00", NULL },
	{ "9999-12-31T23:30:00-01:00", NULL },
	{ "Mon, 30 Foo 2026 09:00:00 GMT", NULL },
	{ "30 Nov 2026 09:00:00 +99", NULL },
};

static void
normalise_table(void **state)
{
	char out[ISOTIME_LEN];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strcpy(out, "untouched");
		if (cases[i].want == NULL) {
			if (isotime_normalise(cases[i].in, out) != -1)
				fail_msg("\"%s\" read as %s", cases[i].in, out);
			assert_string_equal(out, "untouched");
			continue;
		}
		if (isotime_normalise(cases[i].in, out) != 0)
			fail_msg("\"%s\" refused", cases[i].in);
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("\"%s\": %s, want %s", cases[i].in, out,
			    cases[i].want);
		assert_true(isotime_is_canonical(out));
	}
}

static void
format_and_canonical(void **state)
{
	char out[ISOTIME_LEN];

	(void)state;
	isotime_format(0, 0, out);
	assert_string_equal(out, "1970-01-01T00:00:00.000Z");
	isotime_format(951782400LL, 5, out);	/* a leap day */
	assert_string_equal(out, "2000-02-29T00:00:00.005Z");
	isotime_format(-1, 999, out);
	assert_string_equal(out, "1969-12-31T23:59:59.999Z");
	isotime_now(out);
	assert_true(isotime_is_canonical(out));
	assert_false(isotime_is_canonical("2024-05-01T12:34:56Z"));
	assert_false(isotime_is_canonical("2024-02-30T00:00:00.000Z"));
	assert_false(isotime_is_canonical("2024-05-01T12:34:56.000+00:00"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalise_table),
		cmocka_unit_test(format_and_canonical),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
