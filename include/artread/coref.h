/*
 * coref.h: one entity, many mentions.  Links the mentions that name the
 * same person or organisation -- the full name and the surname, the
 * family name written first, the given name alone, the name without its
 * legal suffix, the acronym and its expansion, the name in another
 * script beside it -- and a mention of any other type to the same name
 * written in another case ("LIVERPOOL", "Liverpool") or its form in
 * another script; and picks the fullest name the text gives for each
 * (a name in capitals names no one better than one in running text).
 * Also says what the text tells of a person's sex, for pronouns.  No
 * curses here.
 */
#ifndef ARTREAD_COREF_H
#define ARTREAD_COREF_H

#include <stddef.h>
#include <stdint.h>

struct entity;
struct rules;

/*
 * A mention as the linker keeps it (16 bytes: a long text has hundreds
 * of thousands), for coref_link_mentions.
 */
struct coref_mention {
	uint64_t	start;
	uint32_t	len;
	uint8_t		type;		/* enum ent_type */
	uint8_t		pair;		/* the text's next mention is this one's
					   other form: "NAME (OTHER)" */
	uint16_t	pad;
};

/*
 * For the n mentions of text[0, len) (sorted by start), canon[i] := the
 * index of the mention that names the entity of mention i most fully
 * (the most words; then a Latin-script form; then the first): i itself
 * for a mention of no other.
 */
void coref_link(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, size_t n, size_t *canon);
/*
 * The same for the mentions m[0, n), in the text's order: canon[i]
 * indexes m.  coref_mention_of makes m[k] of ents[i]; coref_paired says whether
 * ents[i + 1] is ents[i]'s other form.
 */
void coref_link_mentions(const char *text, size_t len,
    const struct coref_mention *m, size_t n, uint32_t *canon);

/*
 * The same linking for a long text, in bounded memory: the mentions go
 * to temporary tapes and the union-find (4 bytes a mention) to a spill
 * array (spill.h), each kept in memory up to mem_limit bytes, then in a
 * temporary file (a mapped one for the union-find): open, add the
 * mentions in the text's order, link, then take each one's entity with
 * next, in the same order.  With rules r (else NULL) the entity says
 * what the text tells of the person's sex, as coref_sexes_mentions
 * does.
 */
struct coref_linker;

struct coref_entity {
	size_t		canon;		/* its fullest mention's number */
	uint64_t	start;		/* that mention */
	uint32_t	len;
	uint8_t		type;
	char		sex;		/* 'f', 'm' or 0 */
};

struct coref_linker *coref_linker_open(const char *text, size_t len,
    const struct rules *r, size_t mem_limit);
void coref_linker_add(struct coref_linker *l, const struct coref_mention *m);
void coref_linker_link(struct coref_linker *l);
void coref_linker_next(struct coref_linker *l, struct coref_entity *out);
void coref_linker_close(struct coref_linker *l);
void coref_mention_of(const char *text, size_t len, const struct entity *ents,
    size_t n, size_t i, struct coref_mention *out);
int coref_paired(const char *text, size_t len, const struct entity *ents,
    size_t n, size_t i);
/*
 * The name to show for the entity of mention i: its fullest mention
 * without a legal suffix or post-nominal letters ("Castlegate Holdings
 * Ltd." -> "Castlegate Holdings", "Jane Holt KC" -> "Jane Holt").
 */
void coref_name(const char *text, const struct entity *ents,
    const size_t *canon, size_t n, size_t i, size_t *s, size_t *e);

/* The mention that covers text[s, e) exactly or holds it, or -1. */
long coref_mention_at(const struct entity *ents, size_t n, size_t s,
    size_t e);

/*
 * What the text says of the sex of each mention's person: out[i] is
 * 'f', 'm' or 0 (nothing, or not a person), for the n mentions, the same
 * for all the mentions of one person.  The clues: a title of address
 * before any mention (Mr, Ms, Mrs), a given name borne mostly by one sex,
 * the Vietnamese middle names Thị and Văn, an ending (-dóttir, -son,
 * -ová, -ska, -ski); failing those, "X said he" or "X said that she".
 * text is len bytes.
 */
void coref_sexes(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, const size_t *canon, size_t n, char *out);
/* The same for coref_link_mentions' mentions and links. */
void coref_sexes_mentions(const struct rules *r, const char *text,
    size_t len, const struct coref_mention *m, const uint32_t *canon,
    size_t n, char *out);

#endif
