/*
 * nav.h: moving through quotes and entities: what is at an offset (the
 * status line), the next or previous quote (J, K), the next or previous
 * mention of the same entity or quote by the same speaker (* and #), all
 * over one analysis and its names.  No curses here.
 */
#ifndef ARTREAD_NAV_H
#define ARTREAD_NAV_H

#include <stddef.h>

struct analysis;
struct names;

#define NAV_NONE	(-1L)

/* The mention at off (start <= off < end), or NAV_NONE. */
long nav_entity_at(const struct analysis *a, size_t off);
/* The quote holding off, or NAV_NONE. */
long nav_quote_at(const struct analysis *a, size_t off);
/* The first quote starting after off, or (backward) the last one
 * starting before off; NAV_NONE if there is none. */
long nav_quote_next(const struct analysis *a, size_t off, int backward);
/*
 * The next (backward: previous) mention of the entity that mention i is,
 * or quote by the speaker of quote q; NAV_NONE if none (or q has no
 * speaker).  With wrap, the search goes round the ends.
 */
long nav_same_entity(const struct analysis *a, const struct names *nm,
    size_t i, int backward, int wrap);
long nav_same_speaker(const struct analysis *a, const struct names *nm,
    size_t q, int backward, int wrap);
/*
 * Which of its kind item i is, 1-based, among the mentions of its entity
 * (or the quotes by its speaker), and how many there are in *total; 0
 * if it has no id (a quote without speaker).
 */
size_t nav_entity_rank(const struct analysis *a, const struct names *nm,
    size_t i, size_t *total);
size_t nav_speaker_rank(const struct analysis *a, const struct names *nm,
    size_t q, size_t *total);
/* A group of the Q or E panel: one speaker's quotes, one entity's
 * mentions. */
struct nav_group {
	size_t	 id;		/* names.h id; NAMES_NONE: no speaker */
	size_t	*items;		/* indexes into quotes or ents, in order */
	size_t	 n;
};

/*
 * Quotes grouped by speaker: the most quoted first (then by name), the
 * quotes without a speaker last.  Mentions grouped by entity: by type
 * (ENT_TYPES order), then the most mentioned, then by name.  Returns
 * the number of groups in *out; free them with nav_groups_free.
 */
size_t nav_group_quotes(const struct analysis *a, const struct names *nm,
    struct nav_group **out);
size_t nav_group_entities(const struct analysis *a, const struct names *nm,
    struct nav_group **out);
void nav_groups_free(struct nav_group *g, size_t n);

/*
 * What is at off, for the status line: "PERSON Zhou Mingyu" (the full
 * name of a later "Zhou"), "quote by Rhys Pettifer", "quote, speaker
 * unknown", or both joined by " · ".  NULL if nothing (free it).
 */
char *nav_describe(const struct analysis *a, const struct names *nm,
    size_t off);

#endif
