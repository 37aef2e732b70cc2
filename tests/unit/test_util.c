/* test_util.c: the buffer and string helpers. */
#include "testutil.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

/* All of it, however the kernel splits it; a bad descriptor fails. */
static void
write_all_writes_everything(void **state)
{
	char *big = malloc(200000), got[16];
	struct stat st;
	int fds[2];
	FILE *f;

	(void)state;
	f = tmpfile();
	assert_non_null(f);
	memset(big, 'x', 200000);
	assert_int_equal(util_write_all(fileno(f), big, 200000), 0);
	assert_int_equal(fstat(fileno(f), &st), 0);
	assert_int_equal(st.st_size, 200000);
	fclose(f);
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(util_write_all(fds[1], "hello", 5), 0);
	assert_int_equal(read(fds[0], got, sizeof got), 5);
	close(fds[0]);
	close(fds[1]);
	errno = 0;
	assert_int_equal(util_write_all(fds[1], "x", 1), -1);
	assert_int_equal(errno, EBADF);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_grows_and_stays_terminated),
		cmocka_unit_test(split_list_trims_and_skips_empty),
		cmocka_unit_test(write_all_writes_everything),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
