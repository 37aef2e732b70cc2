/*
 * utf8.h: strict UTF-8 decoding, the one decoder every module uses.
 * Overlong forms, surrogates, code points past U+10FFFF and truncated
 * sequences are invalid.  No curses here.
 */
#ifndef ARTREAD_UTF8_H
#define ARTREAD_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * The length (1 to 4) of the valid sequence at s[0, n), with its code
 * point in *cp (which may be NULL); 0 if the byte there starts none.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The same, for callers that want a code point whatever the bytes: an
 * invalid byte is one U+FFFD of length 1. */
size_t utf8_decode_lossy(const char *s, size_t n, uint32_t *cp);
/* Is all of s[0, n) valid UTF-8?  (Fast over ASCII.) */
int utf8_valid(const char *s, size_t n);
/* Code points in s[0, n), each invalid byte counting as one. */
size_t utf8_count(const char *s, size_t n);
/* s[0, n) as valid UTF-8: each invalid byte and each NUL becomes U+FFFD,
 * the rest is copied exactly.  A new string; *outlen (may be NULL) gets
 * its length. */
char *utf8_lossy(const char *s, size_t n, size_t *outlen);
/* Append cp to out (at least 4 bytes); returns the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
