/*
 * sha256.c: SHA-256 through OpenSSL's EVP interface.  A failure inside
 * OpenSSL (out of memory, a provider that will not load) is fatal, as
 * allocation failure is everywhere else.
 */
#include "artread/sha256.h"

#include <openssl/evp.h>

#include "artread/util.h"

static void
check(int ok, const char *what)
{
	if (!ok)
		fatalx("SHA-256: OpenSSL's %s failed", what);
}

void
sha256_init(struct sha256 *c)
{
	c->ctx = EVP_MD_CTX_new();
	check(c->ctx != NULL, "EVP_MD_CTX_new");
	check(EVP_DigestInit_ex(c->ctx, EVP_sha256(), NULL), "EVP_DigestInit_ex");
}

void
sha256_update(struct sha256 *c, const void *data, size_t len)
{
	check(EVP_DigestUpdate(c->ctx, data, len), "EVP_DigestUpdate");
}

void
sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN])
{
	check(EVP_DigestFinal_ex(c->ctx, out, NULL), "EVP_DigestFinal_ex");
	EVP_MD_CTX_free(c->ctx);
	c->ctx = NULL;
}

void
sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SHA256_LEN];
	size_t i;

	check(EVP_Digest(data, len, md, NULL, EVP_sha256(), NULL),
	    "EVP_Digest");
	for (i = 0; i < SHA256_LEN; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[2 * SHA256_LEN] = '\0';
}
