/*
 * ini.h: the one INI reader, shared by config.ini, the themes and the
 * rule files.  Each file is read once; iniparser parses that text for
 * the values (quotes, comments, continued lines), and a walk of the same
 * text gives each key's line and the file order, which iniparser does
 * not keep.  Its errors go to a diag as "FILE:LINE: ...", in iniparser's
 * words.  Also the small helpers those files share: the "did you mean"
 * suggestion and the check of a name.
 */
#ifndef ARTREAD_INI_H
#define ARTREAD_INI_H

#include <stddef.h>

#include "artread/diag.h"

/*
 * One line of the file.  Keys and sections are lower-case; entries come
 * in file order, a key given twice in a section only once (the last).
 */
struct ini_entry {
	const char	*section;	/* "" for keys before any section */
	const char	*key;		/* NULL: the [section] line itself */
	const char	*value;		/* as iniparser read it; "" if none */
	int		 line;
};
struct ini;

/* ini_load_flags() flags; ini_load() sets none of them. */
#define INI_QUIET_DUPLICATES	0x1	/* no warning for a key set again */

/*
 * NULL if the file cannot be read or has a syntax error (reported to d).
 * A key set twice in a section is a warning (the last wins).
 */
struct ini *ini_load(const char *path, struct diag *d);
struct ini *ini_load_flags(const char *path, struct diag *d, int flags);
/*
 * For --check, which reports each problem: after a syntax error, read
 * the file again without its broken lines, so that its other problems
 * are reported too.  The syntax errors stay errors (in d); the file
 * read that way is returned instead of NULL.  Off by default.
 */
void ini_set_salvage(int on);
void ini_free(struct ini *ini);
const char *ini_path(const struct ini *ini);
size_t ini_count(const struct ini *ini);
const struct ini_entry *ini_entry(const struct ini *ini, size_t i);
/* The entry for section:key, or NULL. */
const struct ini_entry *ini_find(const struct ini *ini, const char *section,
    const char *key);
/* The first [section] line, or NULL if there is none. */
const struct ini_entry *ini_section(const struct ini *ini,
    const char *section);
/*
 * The keys of one section in file order: the first after prev (NULL:
 * from the start), or NULL when there are no more.
 */
const struct ini_entry *ini_next_key(const struct ini *ini,
    const char *section, const struct ini_entry *prev);

/*
 * The closest of n candidates to word (edit distance at most 2,
 * case-insensitive), for "did you mean ...?"; else, for a word of 3
 * characters or more, the first that begins with it, else the first
 * that holds it ("delete" for delete_annotation); NULL if none.
 */
const char *ini_suggest(const char *word, const char *const *cand,
    size_t n);
/*
 * The end of an "unknown ..." message: " (did you mean 'NEAR'?)" when
 * ini_suggest finds a candidate close to word, else "" (free it).  quote
 * holds the two characters around NEAR: "''", or "[]" for a section.
 */
char *ini_did_you_mean(const char *word, const char *const *cand, size_t n,
    const char *quote);
/*
 * Warn about e in a section not among the n known ones, "did you mean"
 * included: once, at its [section] line; a key before any section too.
 */
void ini_unknown_section(const struct ini_entry *e, const char *path,
    const char *const *known, size_t n, struct diag *d);
/* 1 if s is a non-empty name of letters, digits, '-' and '_'. */
int ini_valid_name(const char *s);

#endif
