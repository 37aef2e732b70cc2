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

/* FNV-1a: the maps' hash, and the compiled rule image's (rules_img.h),
 * whose slots are looked up in place; inline for those lookups. */
static inline uint32_t
strmap_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
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
