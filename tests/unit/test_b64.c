/* test_b64.c: base64, standard and URL alphabets (RFC 4648 vectors). */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/b64.h"

static void
rfc4648_vectors(void **state)
{
	static const char *const plain[] = { "", "f", "fo", "foo", "foob",
	    "fooba", "foobar" };
	static const char *const enc[] = { "", "Zg==", "Zm8=", "Zm9v",
	    "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	char *e, *d;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		e = b64_encode(plain[i], strlen(plain[i]));
		assert_string_equal(e, enc[i]);
		d = b64_decode(e, strlen(e), &n);
		assert_non_null(d);
		assert_mem_str(d, n, plain[i]);
		free(e);
		free(d);
	}
}

static void
bytes_and_url_alphabet(void **state)
{
	static const char raw[] = { '\0', '\xff', '\xfe', '\x80', '\0' };
	char *e, *d;
	size_t n;

	(void)state;
	e = b64_encode(raw, sizeof raw);
	d = b64_decode(e, strlen(e), &n);
	assert_int_equal(n, sizeof raw);
	assert_memory_equal(d, raw, sizeof raw);
	free(e);
	free(d);
	e = b64_encode_url("\xfb\xff\xbf", 3);
	assert_string_equal(e, "-_-_");
	free(e);
	e = b64_encode_url("f", 1);
	assert_string_equal(e, "Zg");		/* no padding */
	free(e);
	assert_null(b64_decode("Zg=", 3, &n));
	assert_null(b64_decode("Z===", 4, &n));
	assert_null(b64_decode("Zm9-", 4, &n));
	assert_null(b64_decode("Zg=A", 4, &n));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc4648_vectors),
		cmocka_unit_test(bytes_and_url_alphabet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
