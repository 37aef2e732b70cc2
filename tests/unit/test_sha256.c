/* test_sha256.c: SHA-256 against FIPS 180-4's examples, in one call and
 * piece by piece. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/sha256.h"

static const struct {
	const char	*text;
	size_t		 repeat;
	const char	*hex;
} vectors[] = {
	{ "", 1,
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", 1,
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "a", 1000000,
	  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
};

/* The vector's message, spelt out. */
static char *
message(size_t i, size_t *len)
{
	size_t n = strlen(vectors[i].text), r;
	char *m;

	*len = n * vectors[i].repeat;
	m = malloc(*len + 1);
	assert_non_null(m);
	for (r = 0; r < vectors[i].repeat; r++)
		memcpy(m + r * n, vectors[i].text, n);
	return m;
}

static void
to_hex(const unsigned char md[SHA256_LEN], char out[SHA256_HEX_LEN])
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < SHA256_LEN; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[2 * SHA256_LEN] = '\0';
}

static void
one_call(void **state)
{
	char out[SHA256_HEX_LEN], *m;
	size_t i, len;

	(void)state;
	for (i = 0; i < testutil_nelem(vectors); i++) {
		m = message(i, &len);
		sha256_hex(m, len, out);
		assert_string_equal(out, vectors[i].hex);
		free(m);
	}
}

/* Pieces of 1, 2, 3... bytes: every block boundary falls inside one. */
static void
piece_by_piece(void **state)
{
	unsigned char md[SHA256_LEN];
	char out[SHA256_HEX_LEN], *m;
	struct sha256 c;
	size_t i, len, at, step;

	(void)state;
	for (i = 0; i < testutil_nelem(vectors); i++) {
		m = message(i, &len);
		sha256_init(&c);
		for (at = 0, step = 1; at < len; at += step, step++)
			sha256_update(&c, m + at, step < len - at ? step :
			    len - at);
		sha256_final(&c, md);
		to_hex(md, out);
		assert_string_equal(out, vectors[i].hex);
		free(m);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_call),
		cmocka_unit_test(piece_by_piece),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
