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
/* What * and # found. */
enum nav_same_result {
	NAV_SAME_FOUND,		/* the next one: see struct nav_same */
	NAV_SAME_ONLY,		/* the only mention, or quote by the speaker */
	NAV_SAME_NO_SPEAKER,	/* a quote whose speaker is not known */
	NAV_SAME_NOTHING,	/* no entity or quote there */
};

struct nav_same {
	int	 quote;		/* quotes by a speaker, else mentions */
	size_t	 id;		/* the entity or speaker (names.h) */
	size_t	 to;		/* where the next one starts */
	size_t	 rank;		/* which one it is (1-based) of total */
	size_t	 total;
	int	 wrapped;	/* it went round the end of the article */
};

/*
 * * and #: from the entity at off, its next (backward: previous)
 * mention; from a quote (when no entity is at off), the next quote by
 * its speaker.  With wrap, round the ends.  Fills *out (id and quote
 * whatever the result; the rest when found).
 */
enum nav_same_result nav_same(const struct analysis *a,
    const struct names *nm, size_t off, int backward, int wrap,
    struct nav_same *out);

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

/*
 * The full name of the speaker of the quote that holds all of the
 * passage [s, e) (the quote, or a part of it), or NULL: a passage not
 * within one quote, or a speaker not known.  For Y's citation.
 */
const char *nav_quote_speaker(const struct analysis *a,
    const struct names *nm, size_t s, size_t e);

#endif
