/*
 * coref.c: which mentions name the same person or organisation.
 *
 * Each mention is split into words, compared without case or accents
 * ("Van der Linden" is "van der Linden", "Turcanu" is "Țurcanu").  A
 * sweep through the text links a shorter mention to the nearest earlier
 * longer one of its type that it ends (a surname: "Pettifer", "Ní
 * Bhriain") or begins (a family name first, a given name, a company
 * without its suffix: "Zhou", "Eszter", "Samsung"); a second sweep,
 * backwards, links what is named before its full form (a headline's
 * surname).  An acronym is linked to its expansion, given in parentheses
 * or by initials ("European Battery Alliance", "EBA"), and a name to its
 * form in another script beside it ("Shenzhen (深圳)").  Links are kept
 * in a union-find; each group's fullest mention (most words, then a
 * Latin-script one, then one not in capitals, then the first) names it.  Everything is linear in
 * the number of mentions (hash maps), so a long text costs little.
 */
#include "artread/coref.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/rules.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define MAX_WORDS	16

/*
 * The words of the mentions, normalised.  Compact, as a long text has
 * hundreds of thousands of names: each spelling is normalised once
 * (seen), each word of a mention is that spelling's number.
 */
struct words {
	struct strmap	 seen;		/* a word as written -> its number + 1 */
	char		*buf;		/* the normalised spellings, back to back */
	size_t		 len;
	size_t		 cap;
	uint32_t	*soff;		/* per spelling: offset in buf */
	uint32_t	*slen;
	size_t		 nspell;
	size_t		 scap;
	uint32_t	*ids;		/* per word of a mention: its spelling */
	size_t		 nids;
	size_t		 icap;
	uint32_t	*off;		/* per mention: its first word in ids */
	unsigned char	*nw;		/* per mention: how many words */
};

/* The mentions being linked: the persons and organisations (others
 * only pair with their neighbour, coref_link). */
struct links {
	const char			*t;
	size_t				 len;
	const struct coref_mention	*m;
	size_t				 n;
	struct words			 w;
	uint32_t			*parent;
};

static inline size_t
m_start(const struct links *l, size_t i)
{
	return (size_t)l->m[i].start;
}

static inline size_t
m_end(const struct links *l, size_t i)
{
	return (size_t)l->m[i].start + l->m[i].len;
}

static inline enum ent_type
m_type(const struct links *l, size_t i)
{
	return (enum ent_type)l->m[i].type;
}

/* Words that join the words of a name (not counted by initials). */
static const char *const joiners[] = { "of", "and", "the", "for", "de",
    "du", "des", "la", "le", "in", "on", "at", "&", "der", "van", "von",
    NULL };

/* Legal forms, post-nominal letters and honours that end a name. */
static const char *const suffixes[] = { "Inc", "Inc.", "Ltd", "Ltd.",
    "Limited", "Corp", "Corp.", "Co.", "LLC", "LLP", "PLC", "plc", "GmbH",
    "AG", "SA", "S.A.", "NV", "N.V.", "AB", "ASA", "Oyj", "SpA", "S.p.A.",
    "SE", "KG", "AS", "A/S", "ApS", "Oy", "S.L.", "SRL", "S.R.L.", "SARL",
    "BV", "B.V.", "Pty", "Bhd", "KC", "QC", "SC", "MP", "MEP", "PhD",
    "OBE", "MBE", "CBE", "KBE", "DBE", "Jr", "Jr.", "Sr", "Sr.", "MD",
    "TD", "MSP", "MLA", "hf.", "ehf.", NULL };

/* ---- words ---- */

/* Add spelling number id as the next word of the mention being split. */
static void
word_push(struct words *w, uint32_t id)
{
	if (w->nids == w->icap) {
		w->icap = w->icap ? w->icap * 2 : 256;
		w->ids = xreallocarray(w->ids, w->icap, sizeof *w->ids);
	}
	w->ids[w->nids++] = id;
}

static void
word_add(struct words *w, const char *s, size_t n)
{
	char *norm = NULL;
	size_t i, m;
	uint32_t *known;
	int ascii = 1;

	/* a name comes back often: normalise each spelling once */
	known = strmap_add(&w->seen, s, n);
	if (*known != 0) {
		word_push(w, *known - 1);
		return;
	}
	*known = (uint32_t)w->nspell + 1;

	for (i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii) {
		m = n;
	} else {
		char *bare = utf8_strip_accents(s, n, &m);

		norm = utf8_casefold(bare, m, &m);
		free(bare);
	}
	if (w->len + m + 1 > w->cap) {
		w->cap = (w->len + m + 1) * 2;
		w->buf = xrealloc(w->buf, w->cap);
	}
	if (ascii) {
		for (i = 0; i < n; i++) {
			char c = s[i];

			w->buf[w->len + i] = (char)(c >= 'A' && c <= 'Z' ?
			    c - 'A' + 'a' : c);
		}
	} else
		memcpy(w->buf + w->len, norm, m);
	free(norm);
	if (w->nspell == w->scap) {
		w->scap = w->scap ? w->scap * 2 : 256;
		w->soff = xreallocarray(w->soff, w->scap, sizeof *w->soff);
		w->slen = xreallocarray(w->slen, w->scap, sizeof *w->slen);
	}
	w->soff[w->nspell] = (uint32_t)w->len;
	w->slen[w->nspell] = (uint32_t)m;
	word_push(w, (uint32_t)w->nspell++);
	w->len += m;
}

static int is_suffix(const char *, size_t);

/* Split mention i into its words (white space and commas part them),
 * without a legal suffix or post-nominal letters at the end. */
static void
split(struct links *l, size_t i)
{
	size_t p = m_start(l, i), e = m_end(l, i), s;

	l->w.off[i] = (uint32_t)l->w.nids;
	while (p < e && l->w.nids - l->w.off[i] < MAX_WORDS) {
		while (p < e && (l->t[p] == ' ' || l->t[p] == '\n' ||
		    l->t[p] == '\r' || l->t[p] == '\t' || l->t[p] == ','))
			p++;
		for (s = p; p < e && l->t[p] != ' ' && l->t[p] != '\n' &&
		    l->t[p] != '\r' && l->t[p] != '\t' && l->t[p] != ','; p++)
			;
		if (p == s)
			continue;
		if (l->w.nids > l->w.off[i] && p == e &&
		    is_suffix(l->t + s, p - s))
			break;		/* "Jane Holt KC" is "Jane Holt" */
		word_add(&l->w, l->t + s, p - s);
	}
	l->w.nw[i] = (unsigned char)(l->w.nids - l->w.off[i]);
}

/* Word k of mention i, normalised. */
static const char *
word(const struct links *l, size_t i, size_t k, size_t *n)
{
	uint32_t id = l->w.ids[l->w.off[i] + k];

	*n = l->w.slen[id];
	return l->w.buf + l->w.soff[id];
}

static int
word_eq(const struct links *l, size_t i, size_t a, size_t j, size_t b)
{
	size_t n, m;
	const char *x = word(l, i, a, &n), *y = word(l, j, b, &m);

	return n == m && memcmp(x, y, n) == 0;
}

/* Are the words of mention m those that begin (or end) mention f? */
static int
part_of(const struct links *l, size_t m, size_t f, int at_end)
{
	size_t nm = l->w.nw[m], nf = l->w.nw[f], k, d;

	if (nm == 0 || nm >= nf)
		return 0;
	d = at_end ? nf - nm : 0;
	for (k = 0; k < nm; k++) {
		if (!word_eq(l, m, k, f, k + d))
			return 0;
	}
	return 1;
}

/*
 * Is person mention m the double-barrelled name f without one of its
 * halves: the same words but the last, which is one side of f's
 * hyphenated last word (a maiden name, "Ama Owusu" for "Ama
 * Owusu-Mensah", or the married half, "Ama Mensah")?
 */
static int
barrel_half(const struct links *l, size_t m, size_t f)
{
	size_t nm = l->w.nw[m], k, n, h;
	const char *w, *x;

	if (nm < 2 || nm != l->w.nw[f])
		return 0;
	for (k = 0; k + 1 < nm; k++) {
		if (!word_eq(l, m, k, f, k))
			return 0;
	}
	w = word(l, m, nm - 1, &n);
	x = word(l, f, nm - 1, &h);
	if (n + 1 >= h)
		return 0;
	return (memcmp(x, w, n) == 0 && x[n] == '-') ||
	    (memcmp(x + h - n, w, n) == 0 && x[h - n - 1] == '-');
}

/* ---- union-find ---- */

static size_t
root(struct links *l, size_t i)
{
	/* (parent holds uint32_t: a text has fewer than 2^32 names) */
	while (l->parent[i] != i) {
		l->parent[i] = l->parent[l->parent[i]];
		i = l->parent[i];
	}
	return i;
}

static void
unite(struct links *l, size_t a, size_t b)
{
	a = root(l, a);
	b = root(l, b);
	if (a != b)
		l->parent[a > b ? a : b] = (uint32_t)(a < b ? a : b);
}

/* ---- linking ---- */

static int
linked_type(enum ent_type t)
{
	return t == ENT_PERSON || t == ENT_ORG;
}

int
coref_linked_type(int t)
{
	return linked_type((enum ent_type)t);
}

/* A map key: the type, then word k of mention i. */
static size_t
map_key(const struct links *l, size_t i, size_t k, char *buf, size_t cap)
{
	size_t n;
	const char *w = word(l, i, k, &n);

	if (n + 1 > cap)
		n = cap - 1;
	buf[0] = (char)('A' + m_type(l, i));
	memcpy(buf + 1, w, n);
	return n + 1;
}

/* The same name twice ("Hale" ... "Hale") is one entity, unless the
 * second was linked to a fuller name of its own (two Kims). */
static void
same_names(struct links *l)
{
	struct strmap seen;
	char key[256];
	size_t i, k, n, m, *f;

	strmap_init(&seen, sizeof(size_t));
	for (i = 0; i < l->n; i++) {
		if (!linked_type(m_type(l, i)) || l->w.nw[i] == 0)
			continue;
		key[0] = (char)('A' + m_type(l, i));
		for (k = 0, n = 1; k < l->w.nw[i]; k++) {
			const char *w = word(l, i, k, &m);

			if (n + m + 1 > sizeof key)
				break;
			memcpy(key + n, w, m);
			n += m;
			key[n++] = ' ';
		}
		if ((f = strmap_get(&seen, key, n)) != NULL) {
			if (root(l, i) == i)
				unite(l, i, *f - 1);
		} else
			*(size_t *)strmap_add(&seen, key, n) = i + 1;
	}
	strmap_free(&seen);
}

/* The first and the latest longer name seen with a word as key. */
struct seen {
	size_t	first;		/* index + 1 */
	size_t	last;
};

/* Are mentions a and b in one paragraph (no blank line between)? */
static int
same_paragraph(const struct links *l, size_t a, size_t b)
{
	size_t s = m_end(l, a < b ? a : b), e = m_start(l, a < b ? b : a), p;

	if (e < s || e - s > 4000)
		return 0;
	for (p = s; p + 1 < e; p++) {
		if (l->t[p] == '\n' && (l->t[p + 1] == '\n' ||
		    (l->t[p + 1] == '\r' && p + 2 < e && l->t[p + 2] == '\n')))
			return 0;
	}
	return 1;
}

/*
 * Which longer name of f mention i is part of: the latest met if it is
 * in i's paragraph, else the first if it is the article's subject, the
 * first person it names, lead (a surname two people share: "Henrik
 * Lund ... his son, Ola Lund, said ... Lund first drew attention"),
 * else the latest ("Her marriage to Rolf Holm ... a son, Marco Holm
 * ... Mr. Holm said"); -1 if neither.
 */
static long
which_name(const struct links *l, size_t i, const struct seen *f, int end,
    size_t lead)
{
	size_t near = f->last - 1, first = f->first - 1;

	if (part_of(l, i, near, end) && (near == first ||
	    same_paragraph(l, i, near) || !part_of(l, i, first, end) ||
	    (first != lead && m_type(l, i) == ENT_PERSON)))
		return (long)near;
	return part_of(l, i, first, end) ? (long)first : -1;
}

static void
remember(struct strmap *m, const char *key, size_t k, size_t i)
{
	struct seen *v = strmap_add(m, key, k);

	if (v->first == 0)
		v->first = i + 1;
	v->last = i + 1;
}

/* Is person mention i a birth name ("Born Halina Zawadzka in Gdańsk",
 * "née Halina Zawadzka")? */
static int
birth_name(const struct links *l, size_t i)
{
	static const char *const keys[] = { "Born ", "born ", "n\xc3\xa9" "e ",
	    NULL };
	size_t s = m_start(l, i), k, n;

	for (k = 0; keys[k] != NULL; k++) {
		n = strlen(keys[k]);
		if (s >= n && memcmp(l->t + s - n, keys[k], n) == 0 &&
		    (s == n || !utf8_word_before(l->t, s - n)))
			return 1;
	}
	return 0;
}

/* Is mention i a byline's or a credit's name ("By Anna Holt",
 * "Interview by Anna Holt")? */
static int
byline_name(const struct links *l, size_t i)
{
	size_t s = m_start(l, i);

	return s >= 3 && (memcmp(l->t + s - 3, "By ", 3) == 0 ||
	    memcmp(l->t + s - 3, "by ", 3) == 0 ||
	    memcmp(l->t + s - 3, "BY ", 3) == 0);
}

/*
 * One sweep, forward (dir 1) or backward (dir -1): link each mention to
 * a longer one of its type met before it in the sweep that it ends (a
 * surname) or begins (a family name first, a given name, a company
 * without its suffix).  Backward, only mentions still alone are linked.
 */
static void
sweep(struct links *l, int dir)
{
	struct strmap firsts, lasts, middles;
	const struct seen *f, *g;
	char key[128];
	size_t step, i, k, w, lead;

	/* the article's subject: the first person it names, not in a
	 * byline ("By Anna Holt") */
	for (lead = 0; lead < l->n && (m_type(l, lead) != ENT_PERSON ||
	    byline_name(l, lead)); lead++)
		;
	strmap_init(&firsts, sizeof(struct seen));
	strmap_init(&lasts, sizeof(struct seen));
	strmap_init(&middles, sizeof(struct seen));
	for (step = 0; step < l->n; step++) {
		size_t nw;
		long to = -1;

		i = dir > 0 ? step : l->n - 1 - step;
		nw = l->w.nw[i];
		if (!linked_type(m_type(l, i)) || nw == 0)
			continue;
		if (dir > 0 || root(l, i) == i) {
			/* a surname ("Pettifer"), one word of an
			 * organisation ("Commission") */
			k = map_key(l, i, nw - 1, key, sizeof key);
			if ((m_type(l, i) == ENT_PERSON || nw == 1) &&
			    (f = strmap_get(&lasts, key, k)) != NULL)
				to = which_name(l, i, f, 1, lead);
			/* a family name first, a given name, a company
			 * without its suffix */
			k = map_key(l, i, 0, key, sizeof key);
			if (to < 0 && (f = strmap_get(&firsts, key, k)) != NULL)
				to = which_name(l, i, f, 0, lead);
			/* a double-barrelled name cut to one half */
			if (to < 0 && f != NULL && m_type(l, i) == ENT_PERSON &&
			    barrel_half(l, i, f->first - 1))
				to = (long)f->first - 1;
			/* a birth name: the person of that given name named
			 * last ("Halina Brennan ... Born Halina Zawadzka") */
			if (to < 0 && dir > 0 && f != NULL && nw >= 2 &&
			    m_type(l, i) == ENT_PERSON && birth_name(l, i) &&
			    m_type(l, f->last - 1) == ENT_PERSON)
				to = (long)f->last - 1;
			/* a word inside a longer name ("Abdul Karim Sheikh"
			 * ... "Karim", "Gabriel García Márquez" ... "García") */
			k = map_key(l, i, 0, key, sizeof key);
			if (to < 0 && dir > 0 && nw == 1 &&
			    m_type(l, i) == ENT_PERSON &&
			    (g = strmap_get(&middles, key, k)) != NULL)
				to = (long)g->last - 1;
			if (to >= 0)
				unite(l, i, (size_t)to);
		}
		if (nw >= 2) {
			k = map_key(l, i, nw - 1, key, sizeof key);
			remember(&lasts, key, k, i);
			k = map_key(l, i, 0, key, sizeof key);
			remember(&firsts, key, k, i);
		}
		for (w = 1; m_type(l, i) == ENT_PERSON && w + 1 < nw; w++) {
			k = map_key(l, i, w, key, sizeof key);
			remember(&middles, key, k, i);
		}
	}
	strmap_free(&firsts);
	strmap_free(&lasts);
	strmap_free(&middles);
}

/* Is mention i one word of 2 to 8 capitals ("DNA", "KSÍ")? */
static int
acronym(const struct links *l, size_t i)
{
	size_t p, letters = 0, n, end = m_end(l, i);
	uint32_t cp;

	if (m_type(l, i) != ENT_ORG || l->w.nw[i] != 1 ||
	    end - m_start(l, i) > 32)
		return 0;
	for (p = m_start(l, i); p < end; p += n) {
		n = utf8_decode_lossy(l->t + p, l->len - p, &cp);
		if (!utf8_is_upper(cp))
			return 0;
		letters++;
	}
	return letters >= 2 && letters <= 8;
}

/* Whether w[0, n) is one of the words ws (NULL-terminated). */
static int
word_in(const char *w, size_t n, const char *const *ws)
{
	size_t k;

	for (k = 0; ws[k] != NULL; k++) {
		if (strlen(ws[k]) == n && memcmp(ws[k], w, n) == 0)
			return 1;
	}
	return 0;
}

/* The initials of organisation i's words (joiners skipped), upper case,
 * into buf; their count. */
static size_t
initials(const struct links *l, size_t i, char *buf, size_t cap)
{
	size_t k, n, o = 0;
	const char *w;

	for (k = 0; k < l->w.nw[i] && o + 1 < cap; k++) {
		w = word(l, i, k, &n);
		if (word_in(w, n, joiners) || (unsigned char)w[0] >= 0x80)
			continue;
		buf[o++] = (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' + 'A' :
		    w[0]);
	}
	return o;
}

/* Acronym i in capitals (ASCII letters raised; "KSÍ" stays), into buf;
 * its length, or 0. */
static size_t
acronym_key(const struct links *l, size_t i, char *buf, size_t cap)
{
	size_t k, m;
	const char *w = word(l, i, 0, &k);

	if (k >= cap)
		return 0;
	for (m = 0; m < k; m++)
		buf[m] = (char)(w[m] >= 'a' && w[m] <= 'z' ? w[m] - 'a' + 'A' :
		    w[m]);
	return k;
}

/* An organisation named "HEAD of X" or "X HEAD" ("Ministry of Health",
 * "Health Ministry"): the key "HEAD X" into buf, its length, or 0. */
static size_t
head_key(const struct links *l, size_t i, char *buf, size_t cap)
{
	size_t nw = l->w.nw[i], hn, xn, ofn;
	const char *h, *w;

	if (m_type(l, i) != ENT_ORG)
		return 0;
	if (nw == 3 && (w = word(l, i, 1, &ofn)) != NULL && ofn == 2 &&
	    memcmp(w, "of", 2) == 0) {
		h = word(l, i, 0, &hn);
		w = word(l, i, 2, &xn);
	} else if (nw == 2) {
		h = word(l, i, 1, &hn);
		w = word(l, i, 0, &xn);
	} else
		return 0;
	if (hn + xn + 2 > cap)
		return 0;
	memcpy(buf, h, hn);
	buf[hn] = ' ';
	memcpy(buf + hn + 1, w, xn);
	return hn + 1 + xn;
}

/*
 * Acronyms and their expansions: "Financial Supervisory Service (FSS)"
 * and, later, "the FSS"; or initials alone ("European Battery Alliance"
 * ... "EBA").  And a name beside its form in another script:
 * "Shenzhen (深圳)", "王丽华 (Wang Lihua)".
 */
static void
pairs(struct links *l)
{
	struct strmap inits, heads;
	char key[64];
	size_t i, k, *f;

	strmap_init(&inits, sizeof(size_t));
	strmap_init(&heads, sizeof(size_t));
	for (i = 0; i < l->n; i++) {
		/* "the Health Ministry" is the "Ministry of Health" */
		if ((k = head_key(l, i, key, sizeof key)) > 0) {
			f = strmap_add(&heads, key, k);
			if (*f != 0)
				unite(l, i, *f - 1);
			else
				*f = i + 1;
		}
		/* "NAME (OTHER)": an acronym or another script */
		if (l->m[i].pair && i + 1 < l->n) {
			unite(l, i, i + 1);
			/* the acronym stands for the name from now on */
			if (acronym(l, i + 1) && l->w.nw[i] >= 2 &&
			    (k = acronym_key(l, i + 1, key, sizeof key)) > 0)
				*(size_t *)strmap_add(&inits, key, k) = i + 1;
		}
		if (m_type(l, i) == ENT_ORG && l->w.nw[i] >= 2 &&
		    (k = initials(l, i, key, sizeof key)) >= 2)
			*(size_t *)strmap_add(&inits, key, k) = i + 1;
		if (acronym(l, i) && root(l, i) == i &&
		    (k = acronym_key(l, i, key, sizeof key)) > 0 &&
		    (f = strmap_get(&inits, key, k)) != NULL)
			unite(l, i, *f - 1);
	}
	strmap_free(&inits);
	strmap_free(&heads);
}

/* Does text[s] start with a Latin letter (or a digit)? */
static int
latin_at(const char *t, size_t len, size_t s)
{
	uint32_t cp;

	utf8_decode_lossy(t + s, len - s, &cp);
	return cp < 0x370 || (cp >= 0x1e00 && cp <= 0x1eff);
}

/* Is name i written in capitals (a byline's "By ANNA KOWALSKA")?  Its
 * first two letters tell. */
static int
in_capitals(const struct links *l, size_t i)
{
	const char *p = l->t + m_start(l, i);

	return m_end(l, i) - m_start(l, i) >= 2 && p[0] >= 'A' &&
	    p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z';
}

/* Does a name i say more than name j?  (A name as written in running
 * text names a person better than a byline's capitals.) */
static int
fuller(const struct links *l, size_t i, size_t j)
{
	int li, lj;

	if (l->w.nw[i] != l->w.nw[j])
		return l->w.nw[i] > l->w.nw[j];
	li = latin_at(l->t, l->len, m_start(l, i));
	lj = latin_at(l->t, l->len, m_start(l, j));
	if (li != lj)
		return li;
	li = in_capitals(l, i);
	lj = in_capitals(l, j);
	if (li != lj)
		return lj;
	return i < j;
}

void
coref_link_mentions(const char *text, size_t len,
    const struct coref_mention *m, size_t n, uint32_t *canon)
{
	struct links l;
	uint32_t *best;
	size_t i;

	memset(&l, 0, sizeof l);
	l.t = text;
	l.len = len;
	l.m = m;
	l.n = n;
	strmap_init(&l.w.seen, sizeof(uint32_t));
	l.w.off = xcalloc(n + 1, sizeof *l.w.off);
	l.w.nw = xcalloc(n + 1, sizeof *l.w.nw);
	l.parent = xcalloc(n + 1, sizeof *l.parent);
	for (i = 0; i < n; i++) {
		l.parent[i] = (uint32_t)i;
		if (linked_type(m_type(&l, i)))
			split(&l, i);
	}
	pairs(&l);
	sweep(&l, 1);
	sweep(&l, -1);
	same_names(&l);
	best = xcalloc(n + 1, sizeof *best);
	for (i = 0; i < n; i++)
		best[i] = UINT32_MAX;
	for (i = 0; i < n; i++) {
		size_t g = root(&l, i);

		if (best[g] == UINT32_MAX || fuller(&l, i, best[g]))
			best[g] = (uint32_t)i;
	}
	for (i = 0; i < n; i++)
		canon[i] = best[root(&l, i)];
	free(best);
	free(l.parent);
	free(l.w.off);
	free(l.w.nw);
	free(l.w.ids);
	free(l.w.soff);
	free(l.w.slen);
	free(l.w.buf);
	strmap_free(&l.w.seen);
}

/* "NAME (OTHER)": is mention b (of the same type) right after a, in
 * parentheses? */
static int
paired(const char *t, size_t len, const struct entity *a,
    const struct entity *b)
{
	return a->end + 2 == b->start && t[a->end] == ' ' &&
	    t[a->end + 1] == '(' && b->end < len && t[b->end] == ')' &&
	    a->type == b->type;
}

int
coref_paired(const char *text, size_t len, const struct entity *ents,
    size_t n, size_t i)
{
	return i + 1 < n && paired(text, len, &ents[i], &ents[i + 1]);
}

void
coref_link(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, size_t n, size_t *canon)
{
	struct coref_mention *m = xcalloc(n + 1, sizeof *m);
	uint32_t *mc = xcalloc(n + 1, sizeof *mc);
	size_t *full = xcalloc(n + 1, sizeof *full), nm = 0, i;

	(void)r;
	/* persons and organisations: linked across the text */
	for (i = 0; i < n; i++) {
		if (!linked_type(ents[i].type))
			continue;
		coref_mention_of(text, len, ents, n, i, &m[nm]);
		full[nm++] = i;
	}
	coref_link_mentions(text, len, m, nm, mc);
	for (i = 0; i < nm; i++)
		canon[full[i]] = full[mc[i]];
	coref_pair_chains(text, len, ents, n, canon);
	free(m);
	free(mc);
	free(full);
}

void
coref_pair_chains(const char *text, size_t len, const struct entity *ents,
    size_t n, size_t *canon)
{
	size_t i, k, last, best;

	/* a chain of "NAME (OTHER)" is named by its first member in Latin
	 * letters, else its first */
	for (i = 0; i < n; i = last + 1) {
		last = i;
		if (linked_type(ents[i].type))
			continue;
		while (coref_paired(text, len, ents, n, last))
			last++;
		for (best = i; best < last &&
		    !latin_at(text, len, ents[best].start); best++)
			;
		if (!latin_at(text, len, ents[best].start))
			best = i;
		for (k = i; k <= last; k++)
			canon[k] = best;
	}
}

void
coref_mention_of(const char *text, size_t len, const struct entity *ents,
    size_t n, size_t i, struct coref_mention *out)
{
	memset(out, 0, sizeof *out);
	out->start = ents[i].start;
	out->len = (uint32_t)(ents[i].end - ents[i].start);
	out->type = (uint8_t)ents[i].type;
	out->pair = (uint8_t)coref_paired(text, len, ents, n, i);
}

/* ---- names ---- */

static int
is_suffix(const char *w, size_t n)
{
	size_t k;

	/* all are short, and start with a capital, or are "plc" or end
	 * with a dot ("hf.", "ehf.") */
	if (n == 0 || n > 7 || (!(w[0] >= 'A' && w[0] <= 'Z') &&
	    w[n - 1] != '.' && !(n == 3 && memcmp(w, "plc", 3) == 0)))
		return 0;
	for (k = 0; suffixes[k] != NULL; k++) {
		if (suffixes[k][0] == w[0] && strlen(suffixes[k]) == n &&
		    memcmp(suffixes[k], w, n) == 0)
			return 1;
	}
	return 0;
}

void
coref_name(const char *text, const struct entity *ents,
    const size_t *canon, size_t n, size_t i, size_t *s, size_t *e)
{
	size_t c = canon != NULL && i < n && canon[i] < n ? canon[i] : i, p, w;

	*s = ents[c].start;
	*e = ents[c].end;
	if (ents[c].type != ENT_ORG && ents[c].type != ENT_PERSON)
		return;
	/* drop the last word while it is a legal form or post-nominal */
	for (;;) {
		for (p = *e; p > *s && text[p - 1] != ' '; p--)
			;
		w = p;
		while (p > *s && (text[p - 1] == ' ' || text[p - 1] == ','))
			p--;
		if (p == *s || !is_suffix(text + w, *e - w))
			return;
		*e = p;
	}
}

long
coref_mention_at(const struct entity *ents, size_t n, size_t s, size_t e)
{
	size_t lo = 0, hi = n;

	/* the last mention starting at or before s */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ents[mid].start <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && ents[lo - 1].end >= e && ents[lo - 1].start <= s)
		return (long)lo - 1;
	return -1;
}

/* ---- sex, for pronouns ---- */

/* Does w[0, n) end with one of ends? */
static int
ends_with(const char *w, size_t n, const char *const *ends)
{
	size_t k, m;

	for (k = 0; ends[k] != NULL; k++) {
		m = strlen(ends[k]);
		if (n > m + 1 && memcmp(w + n - m, ends[k], m) == 0)
			return 1;
	}
	return 0;
}

/* The title of address right before text[s] ("Ms. Hale"): -2 a woman's,
 * 2 a man's, 0 none. */
static int
title_sex(const char *text, size_t s)
{
	static const char *const fem[] = { "Ms", "Ms.", "Mrs", "Mrs.", "Miss",
	    "Madam", "Dame", "Lady", "Mme", "Mme.", "Frau", "Señora", "Sra.",
	    "Baroness", "Duchess", "Queen", "Princess", "Sister", NULL };
	static const char *const masc[] = { "Mr", "Mr.", "Sir", "Lord",
	    "Herr", "Señor", "Sr.", "Baron", "Duke", "King", "Prince",
	    "Father", "Brother", NULL };
	size_t e = s, b;

	while (e > 0 && text[e - 1] == ' ')
		e--;
	for (b = e; b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n'; b--)
		;
	if (e == b || e == s)
		return 0;
	return word_in(text + b, e - b, fem) ? -2 :
	    word_in(text + b, e - b, masc) ? 2 : 0;
}

/* What the words of the person mention text[s, e) say: < 0 a woman,
 * > 0 a man. */
static int
name_sex(const struct rules *r, const char *text, size_t s, size_t e)
{
	static const char *const fem_end[] = { "dóttir", "dottir", "ová",
	    "ska", "cka", "dzka", NULL };
	static const char *const masc_end[] = { "sson", "ski", "cki", NULL };
	const char *w[MAX_WORDS];
	size_t wn[MAX_WORDS], nw = 0, p = s, b, k;
	int v = 0;

	while (p < e && nw < MAX_WORDS) {
		while (p < e && (text[p] == ' ' || text[p] == '\n' ||
		    text[p] == '\r' || text[p] == '\t'))
			p++;
		for (b = p; p < e && text[p] != ' ' && text[p] != '\n' &&
		    text[p] != '\r' && text[p] != '\t'; p++)
			;
		if (p > b) {
			w[nw] = text + b;
			wn[nw++] = p - b;
		}
	}
	if (nw == 0)
		return 0;
	/* the given name: first, or second after a family name first */
	k = nw >= 2 && rules_in_list(r, RL_SURNAME_FIRST, w[0], wn[0]) &&
	    !rules_in_list(r, RL_GIVEN, w[0], wn[0]) ? 1 : 0;
	if (rules_in_list(r, RL_GIVEN_FEMALE, w[k], wn[k]))
		v--;
	else if (rules_in_list(r, RL_GIVEN_MALE, w[k], wn[k]))
		v++;
	for (k = 1; k + 1 < nw; k++) {
		if (wn[k] == 5 && memcmp(w[k], "Th\xe1\xbb\x8b", 5) == 0)
			v -= 2;		/* Thị */
		else if (wn[k] == 4 && memcmp(w[k], "V\xc4\x83n", 4) == 0)
			v += 2;		/* Văn */
	}
	if (nw >= 2 && ends_with(w[nw - 1], wn[nw - 1], fem_end))
		v--;
	else if (nw >= 2 && ends_with(w[nw - 1], wn[nw - 1], masc_end))
		v++;
	return v;
}

/* "Adebisi said he", "Lan told them that she": after the mention ending
 * at e, a speech verb (maybe an object and "that") and the pronoun its
 * words open: -1 she, 1 he. */
static int
said_sex(const struct rules *r, const char *text, size_t len, size_t e)
{
	size_t p = e, b;

	if (p >= len || text[p] != ' ')
		return 0;
	for (b = ++p; p < len && p - b < 16 && text[p] >= 'a' &&
	    text[p] <= 'z'; p++)
		;
	if (p == b || p >= len || text[p] != ' ' ||
	    !rules_in_list(r, RL_VERB, text + b, p - b))
		return 0;
	/* past an object before "that": "told them that she" */
	for (b = ++p; p < len && p - b < 16 && text[p] >= 'a' &&
	    text[p] <= 'z'; p++)
		;
	if (!(p > b && len - p > 6 && memcmp(text + p, " that ", 6) == 0))
		p = b;
	else
		p++;
	if (len - p > 5 && memcmp(text + p, "that ", 5) == 0)
		p += 5;
	if (len - p > 3 && memcmp(text + p, "he ", 3) == 0)
		return 1;
	if (len - p > 4 && memcmp(text + p, "she ", 4) == 0)
		return -1;
	return 0;
}

void
coref_sexes_mentions(const struct rules *r, const char *text, size_t len,
    const struct coref_mention *m, const uint32_t *canon, size_t n,
    char *out)
{
	int *score = xcalloc(n + 1, sizeof *score);
	int *said = xcalloc(n + 1, sizeof *said);
	size_t i, c;

	for (i = 0; i < n; i++) {
		if (m[i].type != ENT_PERSON)
			continue;
		c = canon[i] < n ? canon[i] : i;
		score[c] += title_sex(text, (size_t)m[i].start);
		if (c == i)
			score[c] += name_sex(r, text, (size_t)m[i].start,
			    (size_t)m[i].start + m[i].len);
		said[c] += said_sex(r, text, len, (size_t)m[i].start +
		    m[i].len);
	}
	for (i = 0; i < n; i++) {
		c = canon[i] < n ? canon[i] : i;
		/* the pronouns only where names and titles say nothing */
		if (score[c] == 0)
			score[c] = said[c];
		out[i] = m[i].type != ENT_PERSON || score[c] == 0 ? 0 :
		    score[c] < 0 ? 'f' : 'm';
	}
	free(score);
	free(said);
}

void
coref_sexes(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, const size_t *canon, size_t n, char *out)
{
	struct coref_mention *m = xcalloc(n + 1, sizeof *m);
	uint32_t *mc = xcalloc(n + 1, sizeof *mc);
	size_t *at = xcalloc(n + 1, sizeof *at), nm = 0, i, k;
	char *sex = xcalloc(n + 1, 1);

	/* the persons (each group is one type; canon stays in it) */
	for (i = 0; i < n; i++) {
		out[i] = 0;
		if (ents[i].type != ENT_PERSON)
			continue;
		m[nm].start = ents[i].start;
		m[nm].len = (uint32_t)(ents[i].end - ents[i].start);
		m[nm].type = (uint8_t)ents[i].type;
		at[i] = nm++;
	}
	for (i = 0, k = 0; i < n; i++)
		if (ents[i].type == ENT_PERSON)
			mc[k++] = (uint32_t)at[canon[i] < n ? canon[i] : i];
	coref_sexes_mentions(r, text, len, m, mc, nm, sex);
	for (i = 0; i < n; i++)
		if (ents[i].type == ENT_PERSON)
			out[i] = sex[at[i]];
	free(m);
	free(mc);
	free(at);
	free(sex);
}
