/*
 * names.c: the full name of each mention and speaker (names.h), from
 * the analysis' links (coref.h): a mention is named by its entity's
 * fullest name, a speaker by the entity of the mention its span is.
 * Ids are interned in a strmap keyed by the type and the name.
 */
#include "artread/names.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/coref.h"
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

void *
names_key_add(struct strmap *m, enum ent_type t, const char *text,
    size_t len, size_t s, size_t e)
{
	struct buf key;
	void *v;

	buf_init(&key);
	buf_addc(&key, (char)('A' + (int)t));
	listing_text_to(&key, text, len, s, e);
	v = strmap_add(m, key.data, key.len);
	buf_free(&key);
	return v;
}

/* The id of text[s, e) made safe, as a t. */
static size_t
intern(struct names *nm, enum ent_type t, const char *text, size_t len,
    size_t s, size_t e)
{
	size_t *v = names_key_add(&nm->ids, t, text, len, s, e);

	if (*v == 0)		/* new: the last entry; its id + 1 */
		*v = strmap_count(&nm->ids);
	return *v - 1;
}

struct names *
names_new(const char *text, size_t len, const struct analysis *a)
{
	struct names *nm = xcalloc(1, sizeof *nm);
	size_t i, c, s, e;
	long m;

	strmap_init(&nm->ids, sizeof(size_t));
	nm->nents = a->nents;
	nm->nquotes = a->nquotes;
	nm->ent = xreallocarray(NULL, a->nents + 1, sizeof *nm->ent);
	nm->spk = xreallocarray(NULL, a->nquotes + 1, sizeof *nm->spk);
	for (i = 0; i < a->nents; i++) {
		/* the mentions of one entity share its canonical one's id */
		c = analysis_canon(a, i);
		if (c < i && a->ents[c].type == a->ents[i].type) {
			nm->ent[i] = nm->ent[c];
			continue;
		}
		coref_name(text, a->ents, a->canon, analysis_named(a), i, &s,
		    &e);
		nm->ent[i] = intern(nm, a->ents[i].type, text, len, s, e);
	}
	for (i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];

		nm->spk[i] = NAMES_NONE;
		if (q->speaker_end <= q->speaker_start)
			continue;
		/* the entity of the mention it is (a ministry speaks too) */
		m = coref_mention_at(a->ents, a->nents, q->speaker_start,
		    q->speaker_end);
		nm->spk[i] = m >= 0 ? nm->ent[m] : intern(nm, ENT_PERSON,
		    text, len, q->speaker_start, q->speaker_end);
	}
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
