/*
 * names.h: which entity a mention is, and who a quote's speaker is, as
 * the full name the article gives: a later "Pettifer" is "Rhys
 * Pettifer", a later "Zhou" is "Zhou Mingyu".  The status line, * and #,
 * the Q and E panels and --stats all count and group by it.  No curses
 * here.
 */
#ifndef ARTREAD_NAMES_H
#define ARTREAD_NAMES_H

#include <stddef.h>

#include "artread/ent_type.h"

#define NAMES_NONE	((size_t)-1)

struct analysis;
struct names;

/*
 * The names of a's mentions and speakers (offsets into text[0, len)).
 * A mention is named by its entity's fullest name, from a's links
 * (analysis_canon, coref_name); a speaker is the entity of the mention
 * its span is or lies in (an organisation speaks too), else a PERSON
 * named by the span.  Each distinct type and full name gets an id, from
 * 0.  Free it with names_free.
 */
struct names *names_new(const char *text, size_t len,
    const struct analysis *a);
void names_free(struct names *nm);

/* The id of mention i (a->ents[i]), or of quote q's speaker (NAMES_NONE
 * when the quote has none). */
size_t names_entity(const struct names *nm, size_t i);
size_t names_speaker(const struct names *nm, size_t q);
/* How many ids; an id's full name (safe to print: white space runs are
 * one space, control characters '?'; valid until names_free) and type. */
size_t names_count(const struct names *nm);
const char *names_name(const struct names *nm, size_t id);
enum ent_type names_type(const struct names *nm, size_t id);

struct strmap;
/* The value in m of type t and the name text[s, e) made safe as above
 * (keyed by the type's letter and the name: the key names_name and
 * names_type read; stats.c counts a block at a time by it). */
void *names_key_add(struct strmap *m, enum ent_type t, const char *text,
    size_t len, size_t s, size_t e);

#endif
