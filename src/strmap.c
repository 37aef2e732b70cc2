/*
 * strmap.c: a string-keyed hash map with linear probing (strmap_hash).  The
 * slots hold an entry's index and hash only, so that growing the table
 * moves no keys or values and a probe compares keys only when the
 * hashes agree.  The table is kept at most half full.  Keys are copied
 * back to back into one buffer (no allocation per key: loading a word
 * list of thousands of names is a first-screen cost).
 */
#include "artread/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "artread/util.h"

#define STRMAP_FIRST_CAP	256

void
strmap_init(struct strmap *m, size_t value_size)
{
	memset(m, 0, sizeof *m);
	m->value_size = value_size;
}

void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->entries);
	free(m->values);
	free(m->slots);
	strmap_init(m, m->value_size);
}

/* The slot of k, or the empty slot where it would go (cap > 0). */
static inline struct strmap_slot *
find_slot(const struct strmap *m, const char *k, size_t n, uint32_t h)
{
	struct strmap_slot *s;
	const struct strmap_entry *e;
	size_t i;

	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		s = &m->slots[i];
		if (s->idx == 0)
			return s;
		e = &m->entries[s->idx - 1];
		if (s->hash == h && e->len == n &&
		    strmap_same_key(m->keys + e->off, k, n))
			return s;
	}
}

static void
grow_slots(struct strmap *m)
{
	struct strmap_slot *old = m->slots;
	size_t i, oldcap = m->cap;
	const struct strmap_entry *e;

	m->cap = oldcap ? oldcap * 2 : STRMAP_FIRST_CAP;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].idx == 0)
			continue;
		e = &m->entries[old[i].idx - 1];
		*find_slot(m, m->keys + e->off, e->len, old[i].hash) = old[i];
	}
	free(old);
}

void *
strmap_get(const struct strmap *m, const char *k, size_t n)
{
	const struct strmap_slot *s;

	if (m->cap == 0)
		return NULL;
	s = find_slot(m, k, n, strmap_hash(k, n));
	return s->idx == 0 ? NULL : strmap_value(m, s->idx - 1);
}

/* Add k (not in m; its hash h) and return its new value.  (Never
 * inlined: strmap_add, mostly a lookup, then saves few registers.) */
static __attribute__((noinline)) void *
add_new(struct strmap *m, const char *k, size_t n, uint32_t h)
{
	struct strmap_slot *s;
	void *v;

	if ((m->n + 1) * 2 > m->cap)
		grow_slots(m);
	s = find_slot(m, k, n, h);
	if (m->n == m->room) {
		m->room = m->room ? m->room * 2 : STRMAP_FIRST_CAP / 2;
		m->entries = xreallocarray(m->entries, m->room,
		    sizeof *m->entries);
		m->values = xreallocarray(m->values, m->room,
		    m->value_size ? m->value_size : 1);
	}
	if (m->keys_len + n + 1 > m->keys_cap) {
		m->keys_cap = (m->keys_len + n + 1) * 2;
		m->keys = xrealloc(m->keys, m->keys_cap);
	}
	memcpy(m->keys + m->keys_len, k, n);
	m->keys[m->keys_len + n] = '\0';	/* keys read as C strings */
	m->entries[m->n].off = m->keys_len;
	m->entries[m->n].len = n;
	m->keys_len += n + 1;
	v = m->values + m->n * m->value_size;
	memset(v, 0, m->value_size);
	s->idx = ++m->n;
	s->hash = h;
	return v;
}

void *
strmap_add(struct strmap *m, const char *k, size_t n)
{
	const struct strmap_slot *s;
	uint32_t h = strmap_hash(k, n);

	/* (most keys are there already: the entities' lists and words
	 * ask some 200,000 times a MB) */
	if (m->cap > 0 && (s = find_slot(m, k, n, h))->idx != 0)
		return strmap_value(m, s->idx - 1);
	return add_new(m, k, n, h);
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}

const char *
strmap_key(const struct strmap *m, size_t i, size_t *len)
{
	if (len != NULL)
		*len = m->entries[i].len;
	return m->keys + m->entries[i].off;
}

void *
strmap_value(const struct strmap *m, size_t i)
{
	return m->values + i * m->value_size;
}
