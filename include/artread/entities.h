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
struct ent_block;
struct ent_cands;
struct ent_doc;
struct rules;
struct strmap;

/*
 * Find the entity mentions of text[0, len): sorted by start, never
 * overlapping.  *out is allocated (free it); returns the count.  A rule
 * that hits a match limit is reported in d (may be NULL).
 */
size_t ent_find(const struct rules *r, const char *text, size_t len,
    struct entity **out, struct diag *d);

/*
 * The same, a block at a time (analysis.c runs blocks in threads).  A
 * document holds what spans it: the type voted for each name, and the
 * words seen starting lower-case.  A block [s, e) starts and ends at
 * paragraph boundaries where the rules' segments do (analysis.c finds
 * them).  The steps, each over every block:
 *   1. ent_block_lower, any order and thread: the block's lower-case
 *      words into words (a strmap); ent_doc_add_lower adds them to the
 *      document (one thread);
 *   2. ent_block_vote, in order, one thread: the block's votes;
 *   3. ent_block_find, any order and thread: the block's mentions
 *      (*out allocated; offsets the document's).  Its first half,
 *      ent_block_rules (the pattern rules' matches), does not depend on
 *      steps 1 and 2 (but for ent_doc_set_valid) and may run while they
 *      do, any order and thread (analysis.c runs it beside the votes);
 *      ent_block_found is the rest (it takes m, and frees it).
 * A block keeps its tokens from step to step (ent_block_new makes them;
 * a block freed and made again gives the same).
 */
struct ent_doc *ent_doc_new(const struct rules *r, const char *text,
    size_t len, int valid);
void ent_doc_free(struct ent_doc *doc);
/* Is the whole text valid UTF-8 (known only after a look at every
 * block)?  Needed before step 3. */
void ent_doc_set_valid(struct ent_doc *doc, int valid);
/* How many words a block holds (with its margins): its memory. */
size_t ent_block_tokens(const struct ent_block *b);
struct ent_block *ent_block_new(const struct ent_doc *doc, size_t s,
    size_t e);
void ent_block_free(struct ent_block *b);
void ent_block_lower(const struct ent_doc *doc, struct ent_block *b,
    struct strmap *words);
void ent_doc_add_lower(struct ent_doc *doc, const struct strmap *words);
void ent_block_vote(struct ent_doc *doc, struct ent_block *b);
size_t ent_block_find(const struct ent_doc *doc, struct ent_block *b,
    struct entity **out, struct diag *d);
struct ent_cands *ent_block_rules(const struct ent_doc *doc, size_t s,
    size_t e, struct diag *d);
size_t ent_block_found(const struct ent_doc *doc, struct ent_block *b,
    struct ent_cands *m, struct entity **out);
void ent_cands_free(struct ent_cands *m);

/* Does the first word at or after pos start a paragraph (as the
 * recogniser sees paragraphs)?  1 at the end of the text too. */
int ent_para_at(const char *text, size_t len, size_t pos);

/*
 * If a capitalised name run starts at pos, return its end (titles and
 * possessives excluded), else pos.  Used for speakers the entity pass
 * did not type.
 */
size_t ent_name_run(const struct rules *r, const char *text, size_t len,
    size_t pos);

#endif
