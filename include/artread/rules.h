/*
 * rules.h: rule sets loaded from INI files: PCRE2 pattern rules (each
 * compiled once, with JIT, when first used), word lists, gazetteers
 * (gazetteer.h: mapped, searched in place) and the quotation vocabulary
 * (quote-mark pairs, speech verbs).  Later files add to or override
 * earlier ones.  The INI schema is documented at the top of
 * rules/default.ini.  What the files give is kept as a compiled image
 * (rules_load.c: default.idx beside the default rules, the others under
 * $XDG_CACHE_HOME/artread/rules/), so loading a set costs a mapping.
 * Several threads may match one set at once (rules_prepare first).
 * No curses here.
 */
#ifndef ARTREAD_RULES_H
#define ARTREAD_RULES_H

#include <stddef.h>

struct diag;
struct rules;

/* Word lists: X(ENUM_SUFFIX, "key in [lists]"). */
#define RULES_LISTS(X)							\
	X(GIVEN, "given") X(SURNAME, "surname") X(PERSON, "person")	\
	X(PLACE, "place") X(ORG, "org") X(ORG_WORD, "org-word")		\
	X(FAC_WORD, "facility-word") X(OF_HEAD, "of-head")		\
	X(TITLE, "title") X(NATIONALITY, "nationality")		\
	X(STOP, "stop") X(CALENDAR, "calendar")			\
	X(PARTICLE, "particle") X(NOT_ENTITY, "not-entity")		\
	X(EVENT_WORD, "event-word") X(VERB, "verb")			\
	X(PLACE_WORD, "place-word") X(PLACE_PERSON, "place-person")	\
	X(GIVEN_FEMALE, "given-female") X(GIVEN_MALE, "given-male")	\
	X(SURNAME_FIRST, "surname-first") X(SURNAME_END, "surname-ending")	\
	X(NUMBER_WORD, "number-word")

enum rules_list {
#define RULES_LIST_ENUM(e, name) RL_##e,
	RULES_LISTS(RULES_LIST_ENUM)
#undef RULES_LIST_ENUM
	RL__COUNT
};

/* A quotation-mark pair, as UTF-8 strings; inner pairs only nest. */
struct rules_qmark {
	char	open[8];
	char	close[8];
	int	inner;
};

/* Called for each match of a pattern rule: the mention [start, end). */
typedef void rules_match_fn(void *arg, size_t rule, size_t start,
    size_t end);

/*
 * Load paths[0..npaths) in order; problems become "FILE:LINE: MESSAGE"
 * entries in d.  Never returns NULL (a rule that fails is left out).
 */
struct rules *rules_load(const char *const *paths, size_t npaths,
    struct diag *d);
void rules_free(struct rules *r);
/*
 * Compile the rule set ini alone into an image file out (make does
 * this for the default rules).  0, or -1 with the problems in d.
 */
int rules_compile_file(const char *ini, const char *out, struct diag *d);
/*
 * Compile (and JIT-compile) every pattern now; each is otherwise
 * compiled when first matched.  Call it before threads share r.
 */
void rules_prepare(const struct rules *r);
/* Free this thread's matching state (a thread that matched calls it
 * before it ends; rules_free does it for its own thread). */
void rules_thread_end(void);

/* Pattern rules, in load order. */
size_t rules_count(const struct rules *r);
const char *rules_name(const struct rules *r, size_t i);
int rules_type(const struct rules *r, size_t i);	/* enum ent_type */
int rules_priority(const struct rules *r, size_t i);

/*
 * Call fn for every match of rule i in text[0, len), left to right.
 * valid says text is known valid UTF-8 (PCRE2_NO_UTF_CHECK is then
 * used).  A match sees the paragraph it starts in (up to the first
 * blank line; a paragraph over 16 KiB is cut at a line break or space),
 * so none crosses a blank line; "$" still means the end of the text.
 * Each rule has a budget of PCRE2 match steps per text (rules.c says
 * how it is counted).  Returns 0, or -1 when the rule was too costly
 * (its budget spent, or a PCRE2 depth, heap or JIT stack limit hit):
 * it is reported once in d (if not NULL) as switched off, and the scan
 * stops there.
 */
int rules_scan(const struct rules *r, size_t i, const char *text,
    size_t len, int valid, rules_match_fn *fn, void *arg, struct diag *d);

/*
 * The same over the segments from `from` (where one starts: 0, or the
 * end of one) up to `to` (where one ends): a block of a longer text,
 * scanned as the whole text would be there, with a budget of its own.
 */
int rules_scan_range(const struct rules *r, size_t i, const char *text,
    size_t len, size_t from, size_t to, int valid, rules_match_fn *fn,
    void *arg, struct diag *d);
/* rules_scan_range of every rule in turn (rule 0's matches first, then
 * rule 1's...), with the segments found once for them all. */
void rules_scan_all(const struct rules *r, const char *text, size_t len,
    size_t from, size_t to, int valid, rules_match_fn *fn, void *arg,
    struct diag *d);

/* Where the segment a match starting at s sees ends (see rules_scan):
 * segments follow one another from 0. */
size_t rules_segment_end(const char *text, size_t len, size_t s);

/* Is s[0, n) an entry of list l?  Case-sensitive. */
int rules_in_list(const struct rules *r, enum rules_list l, const char *s,
    size_t n);
/*
 * Bit mask (1 << RL_x) of every list holding s[0, n).  A gazetteer's
 * places count as lists too: RL_PLACE, or RL_PLACE_WORD for a name that
 * is also a common word (Reading), RL_PLACE_PERSON for one that is also
 * a person's name (Victoria).
 */
unsigned rules_lists_of(const struct rules *r, const char *s, size_t n);
/* The same for the word lists alone (no gazetteer: one hash lookup). */
unsigned rules_word_lists(const struct rules *r, const char *s, size_t n);
/* Is s[0, n) a country or a first-level subdivision in a gazetteer
 * (Tonga, Oaxaca), not also a common word or a person's name? */
int rules_is_polity(const struct rules *r, const char *s, size_t n);
/* Does a gazetteer name of several words start with the word s[0, n)? */
int rules_place_starts(const struct rules *r, const char *s, size_t n);
/* Number of entries in list l. */
size_t rules_list_size(const struct rules *r, enum rules_list l);

/* The quotation-mark pairs. */
size_t rules_quote_marks(const struct rules *r,
    const struct rules_qmark **marks);

#endif
