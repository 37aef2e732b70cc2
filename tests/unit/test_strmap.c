/* test_strmap.c: the string-keyed hash map (strmap.c). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "artread/strmap.h"

struct counts {
	int	 seen;
	int	 flag;
};

static void
empty_map_finds_nothing(void **state)
{
	struct strmap m;

	(void)state;
	strmap_init(&m, sizeof(struct counts));
	assert_null(strmap_get(&m, "x", 1));
	assert_null(strmap_get(&m, "", 0));
	assert_int_equal(strmap_count(&m), 0);
	strmap_free(&m);
	strmap_free(&m);	/* twice is harmless */
}

/* Keys that differ only in length, case, a NUL or a last byte. */
static void
close_keys_stay_apart(void **state)
{
	static const struct {
		const char	*k;
		size_t		 n;
	} keys[] = {
		{ "", 0 }, { "a", 1 }, { "ab", 2 }, { "abc", 3 }, { "A", 1 },
		{ "a\0b", 3 }, { "a\0c", 3 }, { "\0", 1 }, { "ab\xff", 3 },
	};
	size_t i, nk = sizeof keys / sizeof keys[0], len;
	struct strmap m;
	struct counts *c;

	(void)state;
	strmap_init(&m, sizeof *c);
	for (i = 0; i < nk; i++) {
		c = strmap_add(&m, keys[i].k, keys[i].n);
		assert_int_equal(c->seen, 0);	/* new values are zero */
		c->seen = (int)i + 1;
	}
	assert_int_equal(strmap_count(&m), nk);
	for (i = 0; i < nk; i++) {
		c = strmap_get(&m, keys[i].k, keys[i].n);
		assert_non_null(c);
		assert_int_equal(c->seen, (int)i + 1);
		/* in the order added, with the key's own bytes */
		assert_memory_equal(strmap_key(&m, i, &len), keys[i].k,
		    keys[i].n);
		assert_int_equal(len, keys[i].n);
		assert_ptr_equal(strmap_value(&m, i), c);
	}
	assert_null(strmap_get(&m, "abcd", 4));
	assert_null(strmap_get(&m, "b", 1));
	strmap_free(&m);
}

static void
add_again_keeps_the_value(void **state)
{
	struct strmap m;
	struct counts *c;

	(void)state;
	strmap_init(&m, sizeof *c);
	c = strmap_add(&m, "Lagos", 5);
	c->seen = 3;
	c->flag = 1;
	c = strmap_add(&m, "Lagos", 5);
	assert_int_equal(c->seen, 3);
	assert_int_equal(c->flag, 1);
	assert_int_equal(strmap_count(&m), 1);
	strmap_free(&m);
}

/* Many keys: the table grows many times and loses nothing. */
static void
grows_without_losing(void **state)
{
	char key[32];
	struct strmap m;
	unsigned *v;
	int i, n;

	(void)state;
	strmap_init(&m, sizeof *v);
	for (i = 0; i < 50000; i++) {
		n = snprintf(key, sizeof key, "word%d", i);
		v = strmap_add(&m, key, (size_t)n);
		*v = (unsigned)i * 7u;
	}
	assert_int_equal(strmap_count(&m), 50000);
	for (i = 0; i < 50000; i++) {
		n = snprintf(key, sizeof key, "word%d", i);
		v = strmap_get(&m, key, (size_t)n);
		assert_non_null(v);
		assert_int_equal(*v, (unsigned)i * 7u);
	}
	assert_null(strmap_get(&m, "word50000", 9));
	assert_true(m.cap >= 2 * strmap_count(&m));	/* at most half full */
	strmap_free(&m);
	assert_int_equal(strmap_count(&m), 0);
	v = strmap_add(&m, "again", 5);	/* usable after strmap_free */
	assert_int_equal(*v, 0);
	strmap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_map_finds_nothing),
		cmocka_unit_test(close_keys_stay_apart),
		cmocka_unit_test(add_again_keeps_the_value),
		cmocka_unit_test(grows_without_losing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
