/* test_pcre2lib.c: PCRE2 through the pointers pcre2lib_open fills. */
#include "testutil.h"

#include <stdlib.h>

#include "artread/pcre2lib.h"

static void
compiles_and_matches(void **state)
{
	static const char text[] = "said Ana Lindqvist, 42";
	pcre2_match_data *md;
	pcre2_code *re;
	PCRE2_SIZE off, *ov;
	char *cause = NULL;
	int err;

	(void)state;
	assert_int_equal(pcre2lib_open(&cause), 0);
	assert_null(cause);
	pcre2lib_need();			/* open already: nothing */
	re = pcre2_compile((PCRE2_SPTR)"(?<e>\\d+)", PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF, &err, &off, NULL);
	assert_non_null(re);
	assert_int_equal(pcre2_substring_number_from_name(re,
	    (PCRE2_SPTR)"e"), 1);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	assert_int_equal(pcre2_match(re, (PCRE2_SPTR)text, sizeof text - 1, 0,
	    0, md, NULL), 2);
	ov = pcre2_get_ovector_pointer(md);
	assert_int_equal(ov[0], 20);
	assert_int_equal(ov[1], 22);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compiles_and_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
