/*
 * coref.c: which mentions name the same person or organisation, or the
 * same place, date, ... (those only by the same name without case, or
 * a form in another script beside it: "LIVERPOOL" is "Liverpool").
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
 * Latin-script one, then one not in capitals, then the first) names it.
 * Everything is linear in the number of mentions (hash maps), so a long
 * text costs little.
 *
 * Memory: the mentions and their words are kept on two tapes (spill.h)
 * and read back, a piece at a time, for each pass (the backward sweep
 * reads them backwards).  The union-find, 4 bytes a mention, is a
 * spill array (spill.h): in memory up to the tapes' limit, then in a
 * mapped temporary file, whose pages the kernel may write out and drop.
 * What stays in memory is the words' spellings, and per name what the
 * maps hold: the first and the latest mention of each word, kept as
 * copies (snap) while a map refers to them, and each group's fullest
 * mention.  The passes and their order, and the union-find with them,
 * are what they were when every mention was in memory, so the links
 * are too.
 */
#include "artread/coref.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/rules.h"
#include "artread/spill.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define MAX_WORDS	16
#define CHUNK		4096		/* a tape's elements read at once */
#define GROUP_ROOT	0x80000000u	/* parent: a group's first mention */
#define MAX_MENTIONS	0x7fffffffu

/*
 * The words of the mentions, normalised.  Each spelling is normalised
 * once (seen) and numbered; a mention's words are its spellings'
 * numbers.  Kept per spelling: what grows with the text is on tape.
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
};

/* A mention: where, what, how many words (its record on the tape). */
struct mref {
	uint64_t	start;
	uint32_t	len;
	uint32_t	i;		/* its number */
	uint8_t		type;		/* enum ent_type */
	uint8_t		pair;		/* "NAME (OTHER)" with the next */
	uint8_t		nw;		/* its words */
	uint8_t		pad;
};

/* A mention read back, with its words. */
struct lm {
	struct mref	m;
	uint32_t	ids[MAX_WORDS];
};

/* A tape read a piece at a time, forward or backward. */
struct cursor {
	struct spill	*s;
	size_t		 size;		/* of an element */
	unsigned char	*buf;		/* CHUNK elements */
	uint64_t	 lo;		/* the elements in buf: [lo, hi) */
	uint64_t	 hi;
};

/* A mention a map of names refers to, kept while it does. */
struct snap {
	struct lm	m;
	uint32_t	refs;
	uint32_t	next;		/* the free list */
};

/* A group of two or more mentions: its fullest mention, its sex's
 * clues (coref_sexes_mentions). */
struct group {
	struct mref	best;
	int		score;
	int		said;
};

struct coref_linker {
	const char		*t;
	size_t			 len;
	const struct rules	*r;		/* sexes, if not NULL */
	struct words		 w;
	struct spill		*recs;		/* struct mref, in order */
	struct spill		*wids;		/* their words, in order */
	struct mref		*inr;		/* what add has not put yet */
	uint32_t		*inw;
	size_t			 ninr;
	size_t			 ninw;
	size_t			 n;
	uint64_t		 nids;
	struct spill_array	*uf;		/* the union-find's store */
	uint32_t		*parent;	/* the union-find (in uf) */
	size_t			 pcap;
	size_t			 lead;		/* the article's subject, or n */
	struct snap		*pool;
	size_t			 npool;
	size_t			 poolcap;
	uint32_t		 free1;		/* free slot + 1; 0: none */
	struct group		*g;
	size_t			 ng;
	/* reading the tapes */
	struct cursor		 rc;
	struct cursor		 wc;
	size_t			 at;		/* the next mention (backward:
						   the one after it) */
	uint64_t		 wat;		/* its first word */
};

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
    "TD", "MSP", "MLA", "hf.", "ehf.", "SAS", "S.A.S.", "Ltda", "Ltda.",
    NULL };

static inline size_t
m_end(const struct mref *m)
{
	return (size_t)m->start + m->len;
}

/* ---- words ---- */

/* The number of spelling s[0, n), normalised on first sight. */
static uint32_t
word_id(struct words *w, const char *s, size_t n)
{
	char *norm = NULL;
	size_t i, m;
	uint32_t *known;
	int ascii = 1;

	/* a name comes back often: normalise each spelling once */
	known = strmap_add(&w->seen, s, n);
	if (*known != 0)
		return *known - 1;
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
	w->len += m;
	return (uint32_t)w->nspell++;
}

static int is_suffix(const char *, size_t);

static int
parts_words(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',';
}

/* Split text[p, e) into its words (white space and commas part them),
 * without a legal suffix or post-nominal letters at the end; their
 * count. */
static size_t
split(struct coref_linker *l, size_t p, size_t e, uint32_t *ids)
{
	size_t s, nw = 0;

	while (p < e && nw < MAX_WORDS) {
		while (p < e && parts_words(l->t[p]))
			p++;
		for (s = p; p < e && !parts_words(l->t[p]); p++)
			;
		if (p == s)
			continue;
		if (nw > 0 && p == e && is_suffix(l->t + s, p - s))
			break;		/* "Jane Holt KC" is "Jane Holt" */
		ids[nw++] = word_id(&l->w, l->t + s, p - s);
	}
	return nw;
}

/* Word k of mention m, normalised. */
static const char *
word(const struct coref_linker *l, const struct lm *m, size_t k, size_t *n)
{
	uint32_t id = m->ids[k];

	*n = l->w.slen[id];
	return l->w.buf + l->w.soff[id];
}

static int
word_eq(const struct coref_linker *l, const struct lm *a, size_t i,
    const struct lm *b, size_t j)
{
	size_t n, m;
	const char *x = word(l, a, i, &n), *y = word(l, b, j, &m);

	return n == m && memcmp(x, y, n) == 0;
}

/* Are the words of mention m those that begin (or end) mention f? */
static int
part_of(const struct coref_linker *l, const struct lm *m, const struct lm *f,
    int at_end)
{
	size_t nm = m->m.nw, nf = f->m.nw, k, d;

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
barrel_half(const struct coref_linker *l, const struct lm *m,
    const struct lm *f)
{
	size_t nm = m->m.nw, k, n, h;
	const char *w, *x;

	if (nm < 2 || nm != f->m.nw)
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

/* ---- the tapes ---- */

static void
cursor_open(struct cursor *c, struct spill *s, size_t size)
{
	c->s = s;
	c->size = size;
	c->buf = xreallocarray(NULL, CHUNK, size);
	c->lo = c->hi = 0;
}

/* Elements [k, k + cnt) of a tape of total elements, read in direction
 * dir (the piece read runs on that way). */
static const void *
cursor_at(struct cursor *c, uint64_t k, size_t cnt, uint64_t total, int dir)
{
	if (k < c->lo || k + cnt > c->hi) {
		if (dir > 0) {
			c->lo = k;
			c->hi = total - k > CHUNK ? k + CHUNK : total;
		} else {
			c->hi = k + cnt;
			c->lo = c->hi > CHUNK ? c->hi - CHUNK : 0;
		}
		spill_get(c->s, c->lo * c->size, c->buf,
		    (size_t)(c->hi - c->lo) * c->size);
	}
	return c->buf + (size_t)(k - c->lo) * c->size;
}

/* Put what add has gathered onto the tapes. */
static void
put_pending(struct coref_linker *l)
{
	spill_put(l->recs, l->inr, l->ninr * sizeof *l->inr);
	spill_put(l->wids, l->inw, l->ninw * sizeof *l->inw);
	l->ninr = l->ninw = 0;
}

/* Read the mentions from the first (dir 1) or from the last (-1). */
static void
read_from(struct coref_linker *l, int dir)
{
	l->rc.lo = l->rc.hi = l->wc.lo = l->wc.hi = 0;
	l->at = dir > 0 ? 0 : l->n;
	l->wat = dir > 0 ? 0 : l->nids;
}

/* The next mention that way, into *out. */
static void
read_next(struct coref_linker *l, int dir, struct lm *out)
{
	size_t i = dir > 0 ? l->at++ : --l->at;

	out->m = *(const struct mref *)cursor_at(&l->rc, i, 1, l->n, dir);
	if (dir < 0)
		l->wat -= out->m.nw;
	if (out->m.nw > 0)
		memcpy(out->ids, cursor_at(&l->wc, l->wat, out->m.nw, l->nids,
		    dir), out->m.nw * sizeof *out->ids);
	if (dir > 0)
		l->wat += out->m.nw;
}

/* ---- union-find ---- */

static size_t
root(struct coref_linker *l, size_t i)
{
	/* (parent holds uint32_t: a text has fewer than 2^31 names) */
	while (l->parent[i] != i) {
		l->parent[i] = l->parent[l->parent[i]];
		i = l->parent[i];
	}
	return i;
}

static void
unite(struct coref_linker *l, size_t a, size_t b)
{
	a = root(l, a);
	b = root(l, b);
	if (a != b)
		l->parent[a > b ? a : b] = (uint32_t)(a < b ? a : b);
}

/* ---- the maps' mentions ---- */

/* A slot holding mention m, referred to by nothing yet. */
static uint32_t
snap_new(struct coref_linker *l, const struct lm *m)
{
	uint32_t k;

	if (l->free1 != 0) {
		k = l->free1 - 1;
		l->free1 = l->pool[k].next;
	} else {
		if (l->npool == l->poolcap) {
			l->poolcap = l->poolcap ? l->poolcap * 2 : 256;
			l->pool = xreallocarray(l->pool, l->poolcap,
			    sizeof *l->pool);
		}
		k = (uint32_t)l->npool++;
	}
	l->pool[k].m = *m;
	l->pool[k].refs = 0;
	return k;
}

static void
snap_unref(struct coref_linker *l, uint32_t k)
{
	if (--l->pool[k].refs == 0) {
		l->pool[k].next = l->free1;
		l->free1 = k + 1;
	}
}

static const struct lm *
snap_at(const struct coref_linker *l, uint32_t slot1)
{
	return &l->pool[slot1 - 1].m;
}

/* ---- linking ---- */

/* Persons and organisations: named in words, which the sweeps and the
 * acronyms link; a mention of another type is linked only to the same
 * name (without case) and to its other form beside it. */
static int
named_type(enum ent_type t)
{
	return t == ENT_PERSON || t == ENT_ORG;
}

/* A map key: the type, then word k of mention m. */
static size_t
map_key(const struct coref_linker *l, const struct lm *m, size_t k,
    char *buf, size_t cap)
{
	size_t n;
	const char *w = word(l, m, k, &n);

	if (n + 1 > cap)
		n = cap - 1;
	buf[0] = (char)('A' + m->m.type);
	memcpy(buf + 1, w, n);
	return n + 1;
}

/* s[0, n) in lower case into out[0, cap) when it is ASCII without NUL
 * (Unicode's case folding is then ASCII's): n; 0 for other text (or
 * when out is too small), which utf8_casefold folds. */
static size_t
ascii_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t i;

	if (n > cap)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0 || c >= 0x80)
			return 0;
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	return n;
}

/* Mention m's key for same_names, into key[0, cap): its type, then a
 * person's or organisation's words, a URL's text as written (its path
 * has case), another's text case-folded ("LIVERPOOL" is "Liverpool",
 * "STRASSE" "Straße"); its length, or 0 for none. */
static size_t
same_key(const struct coref_linker *l, const struct lm *m, char *key,
    size_t cap)
{
	size_t k, n = 1, len;
	char *folded;

	key[0] = (char)('A' + m->m.type);
	if (m->m.type == ENT_URL) {	/* a URL's path has case */
		if (m->m.len + 1 > cap)
			return 0;
		memcpy(key + 1, l->t + m->m.start, m->m.len);
		return m->m.len + 1;
	}
	if (!named_type((enum ent_type)m->m.type)) {
		if ((len = ascii_fold(l->t + m->m.start, m->m.len, key + 1,
		    cap - 1)) > 0)
			return len + 1;
		folded = utf8_casefold(l->t + m->m.start, m->m.len, &len);
		if (len + 1 <= cap)
			memcpy(key + 1, folded, len);
		free(folded);
		return len + 1 <= cap ? len + 1 : 0;
	}
	for (k = 0; k < m->m.nw; k++) {
		const char *w = word(l, m, k, &len);

		if (n + len + 1 > cap)
			break;
		memcpy(key + n, w, len);
		n += len;
		key[n++] = ' ';
	}
	return m->m.nw > 0 ? n : 0;
}

/* The same name twice ("Hale" ... "Hale", "LIVERPOOL" ... "Liverpool")
 * is one entity, unless the second was linked to a fuller name of its
 * own (two Kims). */
static void
same_names(struct coref_linker *l)
{
	struct strmap seen;
	struct lm cur;
	char key[256];
	size_t i, n, *f;

	strmap_init(&seen, sizeof(size_t));
	read_from(l, 1);
	for (i = 0; i < l->n; i++) {
		read_next(l, 1, &cur);
		if ((n = same_key(l, &cur, key, sizeof key)) == 0)
			continue;
		if ((f = strmap_get(&seen, key, n)) != NULL) {
			if (root(l, i) == i)
				unite(l, i, *f - 1);
		} else
			*(size_t *)strmap_add(&seen, key, n) = i + 1;
	}
	strmap_free(&seen);
}

/* The first and the latest longer name seen with a word as key (slots
 * + 1). */
struct seen {
	uint32_t	first;
	uint32_t	last;
};

/* Are mentions a and b in one paragraph (no blank line between)? */
static int
same_paragraph(const struct coref_linker *l, const struct mref *a,
    const struct mref *b)
{
	const struct mref *x = a->i < b->i ? a : b, *y = a->i < b->i ? b : a;
	size_t s = m_end(x), e = (size_t)y->start, p;

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
 * Which longer name of f mention m is part of: the latest met if it is
 * in m's paragraph, else the first if it is the article's subject, the
 * first person it names, lead (a surname two people share: "Henrik
 * Lund ... his son, Ola Lund, said ... Lund first drew attention"),
 * else the latest ("Her marriage to Rolf Holm ... a son, Marco Holm
 * ... Mr. Holm said"); -1 if neither.
 */
static long
which_name(const struct coref_linker *l, const struct lm *m,
    const struct seen *f, int end)
{
	const struct lm *near = snap_at(l, f->last),
	    *first = snap_at(l, f->first);

	if (part_of(l, m, near, end) && (near->m.i == first->m.i ||
	    same_paragraph(l, &m->m, &near->m) ||
	    !part_of(l, m, first, end) ||
	    (first->m.i != l->lead && m->m.type == ENT_PERSON)))
		return (long)near->m.i;
	return part_of(l, m, first, end) ? (long)first->m.i : -1;
}

static void
remember(struct coref_linker *l, struct strmap *map, const char *key,
    size_t k, uint32_t slot)
{
	struct seen *v = strmap_add(map, key, k);

	if (v->first == 0) {
		v->first = slot + 1;
		l->pool[slot].refs++;
	}
	if (v->last != 0)
		snap_unref(l, v->last - 1);
	v->last = slot + 1;
	l->pool[slot].refs++;
}

static void
forget_all(struct coref_linker *l, struct strmap *map)
{
	size_t i;

	for (i = 0; i < strmap_count(map); i++) {
		const struct seen *v = strmap_value(map, i);

		snap_unref(l, v->first - 1);
		snap_unref(l, v->last - 1);
	}
	strmap_free(map);
}

/* Is person mention m a birth name ("Born Halina Zawadzka in Gdańsk",
 * "née Halina Zawadzka")? */
static int
birth_name(const struct coref_linker *l, const struct mref *m)
{
	static const char *const keys[] = { "Born ", "born ", "n\xc3\xa9" "e ",
	    NULL };
	size_t s = (size_t)m->start, k, n;

	for (k = 0; keys[k] != NULL; k++) {
		n = strlen(keys[k]);
		if (s >= n && memcmp(l->t + s - n, keys[k], n) == 0 &&
		    (s == n || !utf8_word_before(l->t, s - n)))
			return 1;
	}
	return 0;
}

/* Is mention m a byline's or a credit's name ("By Anna Holt",
 * "Interview by Anna Holt")? */
static int
byline_name(const struct coref_linker *l, const struct mref *m)
{
	size_t s = (size_t)m->start;

	return s >= 3 && (memcmp(l->t + s - 3, "By ", 3) == 0 ||
	    memcmp(l->t + s - 3, "by ", 3) == 0 ||
	    memcmp(l->t + s - 3, "BY ", 3) == 0);
}

/* What mention m links to in a sweep that way (the maps hold the
 * mentions met before it), or -1. */
static long
sweep_target(const struct coref_linker *l, const struct lm *m, int dir,
    struct strmap *firsts, struct strmap *lasts, struct strmap *middles)
{
	const struct seen *f = NULL;
	const size_t *g;
	char key[128];
	size_t k, nw = m->m.nw;
	long to = -1;

	/* a surname ("Pettifer"), one word of an organisation
	 * ("Commission") */
	k = map_key(l, m, nw - 1, key, sizeof key);
	if ((m->m.type == ENT_PERSON || nw == 1) &&
	    (f = strmap_get(lasts, key, k)) != NULL)
		to = which_name(l, m, f, 1);
	/* a family name first, a given name, a company without its
	 * suffix */
	k = map_key(l, m, 0, key, sizeof key);
	if (to < 0 && (f = strmap_get(firsts, key, k)) != NULL)
		to = which_name(l, m, f, 0);
	/* a double-barrelled name cut to one half */
	if (to < 0 && f != NULL && m->m.type == ENT_PERSON &&
	    barrel_half(l, m, snap_at(l, f->first)))
		to = (long)snap_at(l, f->first)->m.i;
	/* a birth name: the person of that given name named last
	 * ("Halina Brennan ... Born Halina Zawadzka") */
	if (to < 0 && dir > 0 && f != NULL && nw >= 2 &&
	    m->m.type == ENT_PERSON && birth_name(l, &m->m) &&
	    snap_at(l, f->last)->m.type == ENT_PERSON)
		to = (long)snap_at(l, f->last)->m.i;
	/* a word inside a longer name ("Abdul Karim Sheikh" ... "Karim",
	 * "Gabriel García Márquez" ... "García") */
	if (to < 0 && dir > 0 && nw == 1 && m->m.type == ENT_PERSON &&
	    (g = strmap_get(middles, key, k)) != NULL)
		to = (long)*g - 1;
	return to;
}

/*
 * One sweep, forward (dir 1) or backward (dir -1): link each mention to
 * a longer one of its type met before it in the sweep that it ends (a
 * surname) or begins (a family name first, a given name, a company
 * without its suffix).  Backward, only mentions still alone are linked.
 * The maps keep, per word, the first and the latest mention met.
 */
static void
sweep(struct coref_linker *l, int dir)
{
	struct strmap firsts, lasts, middles;
	struct lm cur;
	char key[128];
	size_t step, i, k, w, nw;
	uint32_t slot;
	long to;

	strmap_init(&firsts, sizeof(struct seen));
	strmap_init(&lasts, sizeof(struct seen));
	strmap_init(&middles, sizeof(size_t));
	read_from(l, dir);
	for (step = 0; step < l->n; step++) {
		read_next(l, dir, &cur);
		i = cur.m.i;
		nw = cur.m.nw;
		if (!named_type(cur.m.type) || nw == 0)
			continue;
		if (dir > 0 || root(l, i) == i) {
			to = sweep_target(l, &cur, dir, &firsts, &lasts,
			    &middles);
			if (to >= 0)
				unite(l, i, (size_t)to);
		}
		if (nw >= 2) {
			slot = snap_new(l, &cur);
			k = map_key(l, &cur, nw - 1, key, sizeof key);
			remember(l, &lasts, key, k, slot);
			k = map_key(l, &cur, 0, key, sizeof key);
			remember(l, &firsts, key, k, slot);
		}
		for (w = 1; cur.m.type == ENT_PERSON && w + 1 < nw; w++) {
			k = map_key(l, &cur, w, key, sizeof key);
			*(size_t *)strmap_add(&middles, key, k) = i + 1;
		}
	}
	forget_all(l, &firsts);
	forget_all(l, &lasts);
	strmap_free(&middles);
}

/* Is mention m one word of 2 to 8 capitals ("DNA", "KSÍ")? */
static int
acronym(const struct coref_linker *l, const struct mref *m)
{
	size_t p, letters = 0, n, end = m_end(m);
	uint32_t cp;

	if (m->type != ENT_ORG || m->nw != 1 || m->len > 32)
		return 0;
	for (p = (size_t)m->start; p < end; p += n) {
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

	/* (the first byte first: most words are none of them) */
	for (k = 0; n > 0 && ws[k] != NULL; k++) {
		if (ws[k][0] == w[0] && strlen(ws[k]) == n &&
		    memcmp(ws[k], w, n) == 0)
			return 1;
	}
	return 0;
}

/* The initials of organisation m's words (joiners skipped), upper case,
 * into buf; their count. */
static size_t
initials(const struct coref_linker *l, const struct lm *m, char *buf,
    size_t cap)
{
	size_t k, n, o = 0;
	const char *w;

	for (k = 0; k < m->m.nw && o + 1 < cap; k++) {
		w = word(l, m, k, &n);
		if (word_in(w, n, joiners) || (unsigned char)w[0] >= 0x80)
			continue;
		buf[o++] = (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' + 'A' :
		    w[0]);
	}
	return o;
}

/* Acronym m in capitals (ASCII letters raised; "KSÍ" stays), into buf;
 * its length, or 0. */
static size_t
acronym_key(const struct coref_linker *l, const struct lm *m, char *buf,
    size_t cap)
{
	size_t k, i;
	const char *w = word(l, m, 0, &k);

	if (k >= cap)
		return 0;
	for (i = 0; i < k; i++)
		buf[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 'a' + 'A' :
		    w[i]);
	return k;
}

/* An organisation named "HEAD of X" or "X HEAD" ("Ministry of Health",
 * "Health Ministry"): the key "HEAD X" into buf, its length, or 0. */
static size_t
head_key(const struct coref_linker *l, const struct lm *m, char *buf,
    size_t cap)
{
	size_t nw = m->m.nw, hn, xn, ofn;
	const char *h, *w;

	if (m->m.type != ENT_ORG)
		return 0;
	if (nw == 3 && (w = word(l, m, 1, &ofn)) != NULL && ofn == 2 &&
	    memcmp(w, "of", 2) == 0) {
		h = word(l, m, 0, &hn);
		w = word(l, m, 2, &xn);
	} else if (nw == 2) {
		h = word(l, m, 1, &hn);
		w = word(l, m, 0, &xn);
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
 * "Shenzhen (深圳)", "王丽华 (Wang Lihua)".  Also finds the article's
 * subject (lead), the first person it names in full, not in a byline
 * ("By Anna Holt").
 */
static void
pairs(struct coref_linker *l)
{
	struct strmap inits, heads;
	struct lm cur, next;
	char key[64];
	size_t i, k, *f;

	l->lead = l->n;
	if (l->n == 0)
		return;
	strmap_init(&inits, sizeof(size_t));
	strmap_init(&heads, sizeof(size_t));
	read_from(l, 1);
	read_next(l, 1, &next);
	for (i = 0; i < l->n; i++) {
		cur = next;
		if (i + 1 < l->n)
			read_next(l, 1, &next);
		/* (a name in full: a headline's surname alone, "Fifita's
		 * late double", is no surname's first owner) */
		if (l->lead == l->n && cur.m.type == ENT_PERSON &&
		    cur.m.nw >= 2 && !byline_name(l, &cur.m))
			l->lead = i;
		/* "the Health Ministry" is the "Ministry of Health" */
		if ((k = head_key(l, &cur, key, sizeof key)) > 0) {
			f = strmap_add(&heads, key, k);
			if (*f != 0)
				unite(l, i, *f - 1);
			else
				*f = i + 1;
		}
		/* "NAME (OTHER)": an acronym or another script */
		if (cur.m.pair && i + 1 < l->n) {
			unite(l, i, i + 1);
			/* the acronym stands for the name from now on */
			if (acronym(l, &next.m) && cur.m.nw >= 2 &&
			    (k = acronym_key(l, &next, key, sizeof key)) > 0)
				*(size_t *)strmap_add(&inits, key, k) = i + 1;
		}
		if (cur.m.type == ENT_ORG && cur.m.nw >= 2 &&
		    (k = initials(l, &cur, key, sizeof key)) >= 2)
			*(size_t *)strmap_add(&inits, key, k) = i + 1;
		if (acronym(l, &cur.m) && root(l, i) == i &&
		    (k = acronym_key(l, &cur, key, sizeof key)) > 0 &&
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

/* Is name m written in capitals (a byline's "By ANNA KOWALSKA", a
 * dateline's "ÅLESUND")?  Its first two letters tell. */
static int
in_capitals(const struct coref_linker *l, const struct mref *m)
{
	size_t p = (size_t)m->start, end = m_end(m), k;
	uint32_t cp;

	for (k = 0; k < 2; k++) {
		if (p >= end)
			return 0;
		p += utf8_decode_lossy(l->t + p, end - p, &cp);
		if (!utf8_is_upper(cp))
			return 0;
	}
	return 1;
}

/* Does a name a say more than name b?  (A name as written in running
 * text names a person better than a byline's capitals.) */
static int
fuller(const struct coref_linker *l, const struct mref *a,
    const struct mref *b)
{
	int la, lb;

	if (a->nw != b->nw)
		return a->nw > b->nw;
	la = latin_at(l->t, l->len, (size_t)a->start);
	lb = latin_at(l->t, l->len, (size_t)b->start);
	if (la != lb)
		return la;
	la = in_capitals(l, a);
	lb = in_capitals(l, b);
	if (la != lb)
		return lb;
	return a->i < b->i;
}

static int title_sex(const char *, size_t);
static int name_sex(const struct rules *, const char *, size_t, size_t);
static int said_sex(const struct rules *, const char *, size_t, size_t);

/* The sex its clues give: score (titles, names) or else said. */
static char
sex_of(int score, int said)
{
	if (score == 0)
		score = said;
	return score == 0 ? 0 : score < 0 ? 'f' : 'm';
}

/* Add person mention m's clues of title and pronoun to *score, *said. */
static void
person_clues(const struct coref_linker *l, const struct mref *m, int *score,
    int *said)
{
	*score += title_sex(l->t, (size_t)m->start);
	*said += said_sex(l->r, l->t, l->len, m_end(m));
}

/*
 * The groups: each root's parent made GROUP_ROOT | its group's number,
 * each other mention's its root; each group's fullest mention and, if
 * sexes are wanted, its persons' clues.
 */
static void
groups(struct coref_linker *l)
{
	struct lm cur;
	struct group *g;
	size_t i, cap = 0;
	uint32_t v;

	for (i = 0; i < l->n; i++)	/* parent[i] <= i: the root at once */
		l->parent[i] = l->parent[l->parent[i]];
	for (i = 0; i < l->n; i++)
		if (l->parent[i] != i)
			l->parent[l->parent[i]] |= GROUP_ROOT;
	read_from(l, 1);
	for (i = 0; i < l->n; i++) {
		read_next(l, 1, &cur);
		v = l->parent[i];
		if (v & GROUP_ROOT) {
			if (l->ng == cap) {
				cap = cap ? cap * 2 : 256;
				l->g = xreallocarray(l->g, cap, sizeof *l->g);
			}
			g = &l->g[l->ng];
			memset(g, 0, sizeof *g);
			g->best = cur.m;
			l->parent[i] = GROUP_ROOT | (uint32_t)l->ng++;
		} else if (v == i)
			continue;
		else {
			g = &l->g[l->parent[v] & ~GROUP_ROOT];
			if (fuller(l, &cur.m, &g->best))
				g->best = cur.m;
		}
		if (l->r != NULL && cur.m.type == ENT_PERSON)
			person_clues(l, &cur.m, &g->score, &g->said);
	}
	for (i = 0; l->r != NULL && i < l->ng; i++) {
		g = &l->g[i];
		if (g->best.type == ENT_PERSON)
			g->score += name_sex(l->r, l->t, (size_t)g->best.start,
			    m_end(&g->best));
	}
}

struct coref_linker *
coref_linker_open(const char *text, size_t len, const struct rules *r,
    size_t mem_limit)
{
	struct coref_linker *l = xcalloc(1, sizeof *l);

	l->t = text;
	l->len = len;
	l->r = r;
	strmap_init(&l->w.seen, sizeof(uint32_t));
	l->recs = spill_open(mem_limit);
	l->wids = spill_open(mem_limit);
	l->uf = spill_array_open(sizeof *l->parent, mem_limit);
	l->inr = xcalloc(CHUNK, sizeof *l->inr);
	l->inw = xcalloc(CHUNK + MAX_WORDS, sizeof *l->inw);
	cursor_open(&l->rc, l->recs, sizeof(struct mref));
	cursor_open(&l->wc, l->wids, sizeof(uint32_t));
	return l;
}

void
coref_linker_add(struct coref_linker *l, const struct coref_mention *m)
{
	struct mref *r;

	if (l->n >= MAX_MENTIONS)
		fatalx("coref: more than %u names", MAX_MENTIONS);
	if (l->ninr == CHUNK || l->ninw > CHUNK)
		put_pending(l);
	r = &l->inr[l->ninr++];
	memset(r, 0, sizeof *r);
	r->start = m->start;
	r->len = m->len;
	r->i = (uint32_t)l->n;
	r->type = m->type;
	r->pair = m->pair;
	if (named_type((enum ent_type)m->type))
		r->nw = (uint8_t)split(l, (size_t)m->start,
		    (size_t)m->start + m->len, l->inw + l->ninw);
	l->ninw += r->nw;
	l->nids += r->nw;
	if (l->n == l->pcap) {
		l->parent = spill_array_grow(l->uf, l->n + 1);
		l->pcap = spill_array_cap(l->uf);
	}
	l->parent[l->n] = (uint32_t)l->n;
	l->n++;
}

void
coref_linker_link(struct coref_linker *l)
{
	put_pending(l);
	pairs(l);
	sweep(l, 1);
	sweep(l, -1);
	same_names(l);
	groups(l);
	free(l->pool);
	l->pool = NULL;
	l->npool = l->poolcap = 0;
	l->free1 = 0;
	read_from(l, 1);
}

void
coref_linker_next(struct coref_linker *l, struct coref_entity *out)
{
	const struct mref *m;
	const struct group *g;
	uint32_t v, i = (uint32_t)l->at;
	int score = 0, said = 0;

	m = cursor_at(&l->rc, l->at++, 1, l->n, 1);
	v = l->parent[i];
	memset(out, 0, sizeof *out);
	if (v == i) {			/* alone */
		out->canon = i;
		out->start = m->start;
		out->len = m->len;
		out->type = m->type;
		if (l->r != NULL && m->type == ENT_PERSON) {
			person_clues(l, m, &score, &said);
			score += name_sex(l->r, l->t, (size_t)m->start,
			    m_end(m));
		}
	} else {
		g = &l->g[(v & GROUP_ROOT ? v : l->parent[v]) & ~GROUP_ROOT];
		out->canon = g->best.i;
		out->start = g->best.start;
		out->len = g->best.len;
		out->type = g->best.type;
		score = g->score;
		said = g->said;
	}
	out->sex = m->type == ENT_PERSON ? sex_of(score, said) : 0;
}

void
coref_linker_close(struct coref_linker *l)
{
	if (l == NULL)
		return;
	spill_close(l->recs);
	spill_close(l->wids);
	free(l->inr);
	free(l->inw);
	free(l->rc.buf);
	free(l->wc.buf);
	spill_array_close(l->uf);
	free(l->pool);
	free(l->g);
	free(l->w.soff);
	free(l->w.slen);
	free(l->w.buf);
	strmap_free(&l->w.seen);
	free(l);
}

void
coref_link_mentions(const char *text, size_t len,
    const struct coref_mention *m, size_t n, uint32_t *canon)
{
	struct coref_linker *l = coref_linker_open(text, len, NULL, SIZE_MAX);
	struct coref_entity e;
	size_t i;

	for (i = 0; i < n; i++)
		coref_linker_add(l, &m[i]);
	coref_linker_link(l);
	for (i = 0; i < n; i++) {
		coref_linker_next(l, &e);
		canon[i] = (uint32_t)e.canon;
	}
	coref_linker_close(l);
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
	size_t i;

	(void)r;
	for (i = 0; i < n; i++)
		coref_mention_of(text, len, ents, n, i, &m[i]);
	coref_link_mentions(text, len, m, n, mc);
	for (i = 0; i < n; i++)
		canon[i] = mc[i];
	free(m);
	free(mc);
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

/* "her husband, Gurdev Singh", "his widow, Ana Ruiz": the relative
 * named in apposition, its noun ending at the comma text[e]: -2 a
 * woman, 2 a man, 0 neither. */
static int
kin_sex(const char *text, size_t e)
{
	static const char *const fem[] = { "wife", "widow", "daughter",
	    "mother", "sister", "granddaughter", "niece", "aunt",
	    "grandmother", "stepdaughter", "stepmother", NULL };
	static const char *const masc[] = { "husband", "widower", "son",
	    "father", "brother", "grandson", "nephew", "uncle",
	    "grandfather", "stepson", "stepfather", NULL };
	size_t b;

	for (b = e; b > 0 && text[b - 1] >= 'a' && text[b - 1] <= 'z'; b--)
		;
	if (b == e)
		return 0;
	return word_in(text + b, e - b, fem) ? -2 :
	    word_in(text + b, e - b, masc) ? 2 : 0;
}

/* The title of address right before text[s] ("Ms. Hale"), or a
 * relative's noun in apposition ("her husband, X"): -2 a woman's,
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
	if (e > 0 && e < s && text[e - 1] == ',')
		return kin_sex(text, e - 1);
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
		/* Sikh names: "Gurdev Singh Sandhu", "Jaswinder Kaur" */
		else if (wn[k] == 5 && memcmp(w[k], "Singh", 5) == 0)
			v += 2;
	}
	for (k = 1; k < nw; k++) {
		if (wn[k] == 4 && memcmp(w[k], "Kaur", 4) == 0)
			v -= 2;
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
		out[i] = m[i].type != ENT_PERSON ? 0 :
		    sex_of(score[c], said[c]);
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
