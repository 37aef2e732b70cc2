/*
 * sha256.h: SHA-256 (FIPS 180-4), used to name and recognise articles.
 */
#ifndef ARTREAD_SHA256_H
#define ARTREAD_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32
#define SHA256_HEX_LEN	65	/* 64 hex digits + NUL */

struct sha256 {
	uint32_t	h[8];
	uint64_t	nbytes;
	unsigned char	block[64];
	size_t		fill;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);
/* One call: the lower-case hex digest of data[0, len). */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN]);

#endif
