/*
 * uuid.h: annotation ids as UUID URNs (RFC 9562): "urn:uuid:" and 36
 * lower-case characters, 8-4-4-4-12.  New ids are random (version 4);
 * ids derived from a name (an old sidecar's non-hex id, an export's
 * collection) are the first 128 bits of its SHA-256 (version 8), so
 * every artread derives the same one.
 */
#ifndef ARTREAD_UUID_H
#define ARTREAD_UUID_H

#include <stddef.h>

#define UUID_URN_PREFIX	"urn:uuid:"
#define UUID_URN_LEN	46	/* "urn:uuid:" + 36 + NUL */

/* A new random UUID URN (from /dev/urandom; a clock-seeded mix if that
 * cannot be read). */
void uuid_random(char out[UUID_URN_LEN]);
/* The UUID URN of 16 bytes, as they are (no version bits set). */
void uuid_from_bytes(const unsigned char b[16], char out[UUID_URN_LEN]);
/* The version-8 UUID URN named by kind and name[0, n). */
void uuid_from_name(const char *kind, const void *name, size_t n,
    char out[UUID_URN_LEN]);
/*
 * Is s a UUID URN (prefix and hex digits in any case)?  If so and out is
 * not NULL, out gets its canonical lower-case form.
 */
int uuid_parse(const char *s, char out[UUID_URN_LEN]);
/* Is s exactly 32 hex digits (an id of sidecar format 1)?  If so, out
 * gets the UUID URN with those digits. */
int uuid_from_hex(const char *s, char out[UUID_URN_LEN]);

#endif
