/* test_util.c: the buffer and string helpers. */
#include "testutil.h"

#include <stdlib.h>

#include "artread/util.h"

static void
buf_grows_and_stays_terminated(void **state)
{
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 1000; i++)
		buf_addc(&b, 'a' + i % 26);
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.data[1000], '\0');
	buf_printf(&b, "%d", 42);
	assert_string_equal(b.data + 1000, "42");
	buf_free(&b);
}

static void
split_list_trims_and_skips_empty(void **state)
{
	char **items;
	size_t n;

	(void)state;
	n = util_split_list(" said, says ,,told ", &items);
	assert_int_equal(n, 3);
	assert_string_equal(items[0], "said");
	assert_string_equal(items[1], "says");
	assert_string_equal(items[2], "told");
	util_free_list(items, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_grows_and_stays_terminated),
		cmocka_unit_test(split_list_trims_and_skips_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
