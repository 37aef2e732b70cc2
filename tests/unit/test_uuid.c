/* test_uuid.c: UUID URNs: random, from bytes, from a name, parsed. */
#include "testutil.h"

#include <string.h>

#include "artread/uuid.h"

static void
random_is_version_4(void **state)
{
	char a[UUID_URN_LEN], b[UUID_URN_LEN];

	(void)state;
	uuid_random(a);
	uuid_random(b);
	assert_string_not_equal(a, b);
	assert_true(uuid_parse(a, NULL));
	assert_int_equal(a[9 + 14], '4');
	assert_non_null(strchr("89ab", a[9 + 19]));
}

static void
bytes_hex_and_names(void **state)
{
	static const unsigned char b[16] = { 0x01, 0x23, 0x45, 0x67, 0x89,
	    0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10 };
	char u[UUID_URN_LEN], v[UUID_URN_LEN];

	(void)state;
	uuid_from_bytes(b, u);
	assert_string_equal(u, "urn:uuid:01234567-89ab-cdef-fedc-ba9876543210");
	assert_true(uuid_from_hex("0123456789ABCDEFfedcba9876543210", v));
	assert_string_equal(u, v);
	assert_false(uuid_from_hex("0123456789abcdef", v));
	assert_false(uuid_from_hex("0123456789abcdeffedcba987654321g", v));
	uuid_from_name("artread-id", "a1", 2, u);
	uuid_from_name("artread-id", "a1", 2, v);
	assert_string_equal(u, v);		/* the same everywhere */
	assert_int_equal(u[9 + 14], '8');	/* version 8 */
	uuid_from_name("other", "a1", 2, v);
	assert_string_not_equal(u, v);
}

static void
parse(void **state)
{
	char out[UUID_URN_LEN];

	(void)state;
	assert_true(uuid_parse("URN:UUID:0F8E4D2A-0000-4000-8000-0000000000FF",
	    out));
	assert_string_equal(out, "urn:uuid:0f8e4d2a-0000-4000-8000-0000000000ff");
	assert_false(uuid_parse("urn:uuid:0f8e4d2a-0000-4000-8000-0000000000f",
	    out));
	assert_false(uuid_parse("urn:uuid:0f8e4d2a00000-4000-8000-0000000000ff",
	    out));
	assert_false(uuid_parse("urn:isbn:0451450523", out));
	assert_false(uuid_parse("0f8e4d2a-0000-4000-8000-0000000000ff", out));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_is_version_4),
		cmocka_unit_test(bytes_hex_and_names),
		cmocka_unit_test(parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
