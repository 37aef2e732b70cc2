/*
 * sha256.c: SHA-256 through OpenSSL's SHA256_* functions, which use the
 * CPU's SHA instructions where it has them.  Not the EVP interface: it
 * drags OpenSSL's provider machinery into the binary (libcrypto is
 * linked from its static archive: ~18,000 relocations and ~90 written
 * pages at every start, a tenth of a first screen; bench/README.md),
 * and SHA-256 is all artread asks of libcrypto.  OpenSSL 3 marks these
 * functions deprecated (still supported, with the same code behind
 * EVP's SHA-256); a build of OpenSSL without them fails to compile this
 * file, it never computes something else.  A failure inside OpenSSL is
 * fatal, as allocation failure is everywhere else.
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "artread/sha256.h"

#include <stdlib.h>

#include <openssl/sha.h>

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
	c->ctx = xmalloc(sizeof *c->ctx);
	check(SHA256_Init(c->ctx), "SHA256_Init");
}

void
sha256_update(struct sha256 *c, const void *data, size_t len)
{
	check(SHA256_Update(c->ctx, data, len), "SHA256_Update");
}

void
sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN])
{
	check(SHA256_Final(out, c->ctx), "SHA256_Final");
	free(c->ctx);
	c->ctx = NULL;
}

void
sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SHA256_LEN];
	SHA256_CTX c;
	size_t i;

	check(SHA256_Init(&c), "SHA256_Init");
	check(SHA256_Update(&c, data, len), "SHA256_Update");
	check(SHA256_Final(md, &c), "SHA256_Final");
	for (i = 0; i < SHA256_LEN; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[2 * SHA256_LEN] = '\0';
}
