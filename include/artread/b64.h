/*
 * b64.h: base64 (RFC 4648): the standard alphabet with padding, which
 * the sidecar uses to keep bytes JSON strings cannot carry, and the URL
 * alphabet without padding (RFC 6920 "ni" names).
 */
#ifndef ARTREAD_B64_H
#define ARTREAD_B64_H

#include <stddef.h>

/* p[0, n) as base64 (with '=' padding); a new string. */
char *b64_encode(const void *p, size_t n);
/* p[0, n) in the URL-safe alphabet ('-', '_'), no padding. */
char *b64_encode_url(const void *p, size_t n);
/*
 * Decode standard base64 s[0, slen): the bytes (NUL-terminated, a new
 * string) and their count in *outlen; NULL if s is not base64.
 */
char *b64_decode(const char *s, size_t slen, size_t *outlen);

#endif
