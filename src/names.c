/*
 * names.c: the full name of each mention and speaker (names.h).  The
 * PERSON names of several words are indexed by their last and by their
 * first word, keeping the longest for each; a one-word name is looked up
 * there.  Ids are interned in a strmap keyed by the type and the name.
 */
#include "artread/names.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/listing.h"
#include "artread/strmap.h"
#include "artread/util.h"

struct names {
	struct strmap	 ids;		/* type letter + name -> id + 1 */
	size_t		*ent;		/* per mention: its id */
	size_t		 nents;
	size_t		*spk;		/* per quote: its speaker's id */
	size_t		 nquotes;
};

/* The longest full name found for a word. */
struct fullest {
	const char	*name;
	size_t		 len;
};

static void
index_word(struct strmap *m, const char *word, size_t n, const char *name)
{
	struct fullest *f = strmap_add(m, word, n);
	size_t len = strlen(name);

	if (f->name == NULL || len > f->len) {
		f->name = name;
		f->len = len;
	}
}

/* Index every PERSON name of several words by its last and first word. */
static void
index_people(const struct analysis *a, char **text, struct strmap *last,
    struct strmap *first)
{
	const char *sp;
	size_t i;

	for (i = 0; i < a->nents; i++) {
		if (a->ents[i].type != ENT_PERSON ||
		    (sp = strrchr(text[i], ' ')) == NULL)
			continue;
		index_word(last, sp + 1, strlen(sp + 1), text[i]);
		index_word(first, text[i], (size_t)(strchr(text[i], ' ') -
		    text[i]), text[i]);
	}
}

/* The full name a PERSON name stands for (borrowed). */
static const char *
resolve(const char *name, const struct strmap *last,
    const struct strmap *first)
{
	const struct fullest *f;

	if (strchr(name, ' ') != NULL || *name == '\0')
		return name;
	if ((f = strmap_get(last, name, strlen(name))) != NULL ||
	    (f = strmap_get(first, name, strlen(name))) != NULL)
		return f->name;
	return name;
}

static size_t
intern(struct names *nm, enum ent_type t, const char *name)
{
	char *key = xasprintf("%c%s", 'A' + (int)t, name);
	size_t *v = strmap_add(&nm->ids, key, strlen(key));

	if (*v == 0)		/* new: the last entry; its id + 1 */
		*v = strmap_count(&nm->ids);
	free(key);
	return *v - 1;
}

struct names *
names_new(const char *text, size_t len, const struct analysis *a)
{
	struct names *nm = xcalloc(1, sizeof *nm);
	struct strmap last, first;
	char **t, *spk;
	size_t i;

	strmap_init(&nm->ids, sizeof(size_t));
	strmap_init(&last, sizeof(struct fullest));
	strmap_init(&first, sizeof(struct fullest));
	nm->nents = a->nents;
	nm->nquotes = a->nquotes;
	nm->ent = xreallocarray(NULL, a->nents + 1, sizeof *nm->ent);
	nm->spk = xreallocarray(NULL, a->nquotes + 1, sizeof *nm->spk);
	t = xreallocarray(NULL, a->nents + 1, sizeof *t);
	for (i = 0; i < a->nents; i++)
		t[i] = listing_string(text, len, a->ents[i].start,
		    a->ents[i].end);
	index_people(a, t, &last, &first);
	for (i = 0; i < a->nents; i++)
		nm->ent[i] = intern(nm, a->ents[i].type,
		    a->ents[i].type == ENT_PERSON ? resolve(t[i], &last,
		    &first) : t[i]);
	for (i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];

		nm->spk[i] = NAMES_NONE;
		if (q->speaker_end <= q->speaker_start)
			continue;
		spk = listing_string(text, len, q->speaker_start,
		    q->speaker_end);
		nm->spk[i] = intern(nm, ENT_PERSON, resolve(spk, &last,
		    &first));
		free(spk);
	}
	util_free_list(t, a->nents);
	strmap_free(&last);
	strmap_free(&first);
	return nm;
}

void
names_free(struct names *nm)
{
	if (nm == NULL)
		return;
	strmap_free(&nm->ids);
	free(nm->ent);
	free(nm->spk);
	free(nm);
}

size_t
names_entity(const struct names *nm, size_t i)
{
	return i < nm->nents ? nm->ent[i] : NAMES_NONE;
}

size_t
names_speaker(const struct names *nm, size_t q)
{
	return q < nm->nquotes ? nm->spk[q] : NAMES_NONE;
}

size_t
names_count(const struct names *nm)
{
	return strmap_count(&nm->ids);
}

const char *
names_name(const struct names *nm, size_t id)
{
	size_t n;

	return id < names_count(nm) ? strmap_key(&nm->ids, id, &n) + 1 : "";
}

enum ent_type
names_type(const struct names *nm, size_t id)
{
	size_t n;

	return id < names_count(nm) ? (enum ent_type)(strmap_key(&nm->ids,
	    id, &n)[0] - 'A') : ENT_PERSON;
}
