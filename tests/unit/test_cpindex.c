/* test_cpindex.c: byte <-> code point offsets agree with utf8_count. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/cpindex.h"
#include "artread/utf8.h"
#include "artread/util.h"

/* Text long enough for many checkpoints: ASCII, 2-, 3- and 4-byte
 * characters, invalid bytes, a truncated sequence, NUL. */
static char *
make_text(size_t *len)
{
	static const char piece[] = "ab\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"
	    "\xff\xe4\xb8 \0z";
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < 300; i++)
		buf_add(&b, piece, sizeof piece - 1 - (i % 3));
	*len = b.len;
	return buf_steal(&b);
}

static void
agrees_with_utf8_count(void **state)
{
	struct cpindex *ci;
	size_t len, off, cp, back;
	char *t = make_text(&len);

	(void)state;
	ci = cpindex_new(t, len);
	for (off = 0; off <= len + 2; off++)
		assert_int_equal(cpindex_to_cp(ci, off),
		    utf8_count(t, off > len ? len : off));
	for (cp = 0; cp <= utf8_count(t, len); cp++) {
		assert_int_equal(cpindex_to_byte(ci, cp, &back), 0);
		assert_int_equal(cpindex_to_cp(ci, back), cp);
	}
	assert_int_equal(cpindex_to_byte(ci, utf8_count(t, len) + 1, &back),
	    -1);
	cpindex_free(ci);
	ci = cpindex_new("", 0);
	assert_int_equal(cpindex_to_cp(ci, 0), 0);
	assert_int_equal(cpindex_to_byte(ci, 0, &back), 0);
	assert_int_equal(back, 0);
	cpindex_free(ci);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(agrees_with_utf8_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
