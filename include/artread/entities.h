/*
 * entities.h: named entities (PERSON, ORG, PLACE) from word lists,
 * context and document-level consistency, plus the pattern rules'
 * DATE, TIME, MONEY, ... mentions.  No curses here.
 */
#ifndef ARTREAD_ENTITIES_H
#define ARTREAD_ENTITIES_H

#include <stddef.h>

struct diag;
struct entity;
struct rules;

/*
 * Find the entity mentions of text[0, len): sorted by start, never
 * overlapping.  *out is allocated (free it); returns the count.  A rule
 * that hits a match limit is reported in d (may be NULL).
 */
size_t ent_find(const struct rules *r, const char *text, size_t len,
    struct entity **out, struct diag *d);

/*
 * If a capitalised name run starts at pos, return its end (titles and
 * possessives excluded), else pos.  Used for speakers the entity pass
 * did not type.
 */
size_t ent_name_run(const struct rules *r, const char *text, size_t len,
    size_t pos);

#endif
