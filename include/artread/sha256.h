/*
 * sha256.h: SHA-256 (FIPS 180-4), used to name and recognise articles.
 * The digest comes from OpenSSL's libcrypto (SHA256_*), which uses the
 * CPU's SHA instructions where it has them; OpenSSL's types stay out of
 * this header.
 */
#ifndef ARTREAD_SHA256_H
#define ARTREAD_SHA256_H

#include <stddef.h>

#define SHA256_LEN	32
#define SHA256_HEX_LEN	65	/* 64 hex digits + NUL */

struct SHA256state_st;

/* A digest computed piece by piece: init, update..., final (which frees
 * what init took). */
struct sha256 {
	struct SHA256state_st	*ctx;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);
/* One call: the lower-case hex digest of data[0, len). */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN]);

#endif
