/*
 * strmap.h: a hash map from byte strings to values of one fixed size,
 * kept in the map: the entity recogniser's name votes, the rule sets'
 * word lists.  Keys are copied (any bytes, NULs included); a new value
 * starts zero-filled.  Entries stay in the order they were added.
 * No curses here.
 */
#ifndef ARTREAD_STRMAP_H
#define ARTREAD_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * The maps' hash, and the compiled rule image's (rules_img.h, whose
 * slots are looked up in place; inline for those lookups).  Eight bytes
 * at a time, a multiply each (FNV-1a's multiply a byte was a chain of
 * ~45 instructions a word, once a word a list): the length seeds it, a
 * tail of 4-7 bytes is read as two overlapping 4-byte loads and one of
 * 1-3 as its first, middle and last bytes, and the high half of a last
 * multiply is returned, since the tables take the low bits.  Native
 * byte order, as the image is.
 */
static inline uint32_t
strmap_hash(const char *s, size_t n)
{
	uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15u, w;
	uint32_t a, b;

	for (; n > 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9u;
		h ^= h >> 32;
	}
	if (n == 8)
		memcpy(&w, s, 8);
	else if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n > 0)
		w = (uint64_t)(unsigned char)s[0] << 16 |
		    (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (unsigned char)s[n - 1];
	else
		w = 0;
	h = (h ^ w) * 0x94d049bb133111ebu;
	return (uint32_t)(h >> 32);
}

/*
 * Are a[0, n) and b[0, n) the same bytes (the maps' and the rule
 * image's key compare)?  Most keys are a word of at most eight bytes:
 * two overlapping loads a side, no call to memcmp.
 */
static inline int
strmap_same_key(const char *a, const char *b, size_t n)
{
	uint32_t a0, a1, b0, b1;

	if (n < 4)
		return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] &&
		    a[n - 1] == b[n - 1]);
	if (n > 8)
		return memcmp(a, b, n) == 0;
	memcpy(&a0, a, 4);
	memcpy(&b0, b, 4);
	memcpy(&a1, a + n - 4, 4);
	memcpy(&b1, b + n - 4, 4);
	return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

struct strmap_slot {
	size_t		 idx;		/* entry + 1; 0: an empty slot */
	uint32_t	 hash;
};

struct strmap_entry {
	size_t		 off;		/* the key in keys */
	size_t		 len;
};

struct strmap {
	struct strmap_slot	*slots;		/* open addressing */
	size_t			 cap;		/* 0 or a power of two */
	struct strmap_entry	*entries;	/* in the order added */
	unsigned char		*values;	/* value_size bytes each */
	size_t			 value_size;
	size_t			 n;
	size_t			 room;		/* entries and values */
	char			*keys;		/* all keys, back to back */
	size_t			 keys_len;
	size_t			 keys_cap;
};

void strmap_init(struct strmap *m, size_t value_size);
void strmap_free(struct strmap *m);
/*
 * The value of key k[0, n), or NULL if it is not there.  A pointer to a
 * value stays valid until the next strmap_add.
 */
void *strmap_get(const struct strmap *m, const char *k, size_t n);
/* The value of k, added (zero-filled) if it was not there. */
void *strmap_add(struct strmap *m, const char *k, size_t n);
size_t strmap_count(const struct strmap *m);
/* The i-th entry added (i < strmap_count): its key (NUL-terminated;
 * valid until the next strmap_add, like a value) and length, value. */
const char *strmap_key(const struct strmap *m, size_t i, size_t *len);
void *strmap_value(const struct strmap *m, size_t i);

#endif
