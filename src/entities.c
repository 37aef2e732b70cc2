/*
 * entities.c: named-entity mentions.  Pattern rules give DATE, MONEY,
 * URL, ... (and pattern cues for names); names come from runs of
 * capitalised words, cut at titles, nationality words, calendar and
 * stop words, then typed from the word lists and the context (titles,
 * organisation and facility words, speech verbs, place prepositions).
 * Two passes over the runs give document-level consistency: the first
 * votes a type for every name string (and a person's surname, and an
 * acronym defined in parentheses), the second emits mentions using the
 * votes.  Overlaps go to the higher priority, then the longer mention.
 */
#include "artread/entities.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/rules.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define T_CAP		0x01u	/* starts with an upper-case letter */
#define T_ALLCAP	0x02u	/* two or more letters, all upper case */
#define T_DIGIT		0x04u	/* holds a digit */
#define T_LOWER		0x08u	/* starts with a lower-case letter */
#define T_SENT		0x10u	/* first word of a sentence */
#define T_PARA		0x20u	/* first word of a paragraph */
#define T_ABBR		0x40u	/* ends with its own period ("Dr.", "W.") */

#define PRIO_STRONG	40
#define PRIO_GUESS	20
#define MAX_RUN		12
#define KEYBUF		256

enum { V_PERSON, V_ORG, V_PLACE, V__N };

struct tok {
	size_t		s;
	size_t		e;
	unsigned	f;
};

struct cand {
	size_t		s;
	size_t		e;
	int		type;
	int		prio;
};

/* What the text says about one name (a strmap value, keyed by the name). */
struct vote {
	int		 v[V__N];
	int		 lower;		/* seen starting lower-case */
	int		 sur;		/* seen as a person's surname */
};

struct ctx {
	const struct rules	*r;
	const char		*t;
	size_t			 len;
	struct tok		*tok;
	size_t			 ntok;
	struct cand		*c;
	size_t			 nc;
	size_t			 capc;
	struct strmap		 map;		/* name -> struct vote */
	int			 pass;		/* 1: vote, 2: emit */
};

/* ---- the vote map ---- */

/* The votes for name k[0, n), NULL if none yet; or new ones (all 0). */
static struct vote *
vote_get(const struct ctx *x, const char *k, size_t n)
{
	return strmap_get(&x->map, k, n);
}

static struct vote *
vote_add(struct ctx *x, const char *k, size_t n)
{
	return strmap_add(&x->map, k, n);
}

/* The type with most votes, or -1. */
static int
vote_best(const struct vote *v)
{
	int i, best = -1, bv = 0;

	if (v == NULL)
		return -1;
	for (i = 0; i < V__N; i++) {
		if (v->v[i] > bv) {
			bv = v->v[i];
			best = i;
		}
	}
	return best;
}

static int
vote_to_type(int v)
{
	return v == V_PERSON ? ENT_PERSON : v == V_ORG ? ENT_ORG : ENT_PLACE;
}

static int
type_to_vote(int t)
{
	return t == ENT_PERSON ? V_PERSON : t == ENT_ORG ? V_ORG : V_PLACE;
}

/* ---- tokens ---- */

/* Is text[p] an apostrophe (' or U+2019)?  Its length, or 0. */
static size_t
apostrophe_at(const char *t, size_t len, size_t p)
{
	if (p < len && t[p] == '\'')
		return 1;
	if (p + 2 < len && (unsigned char)t[p] == 0xe2 &&
	    (unsigned char)t[p + 1] == 0x80 && (unsigned char)t[p + 2] == 0x99)
		return 3;
	return 0;
}

/* Where a word starting at p ends; a possessive 's is left out. */
static size_t
word_end(const char *t, size_t len, size_t p, int *dotted)
{
	uint32_t cp;
	size_t n, a, start = p;

	*dotted = 0;
	while (p < len) {
		n = utf8_decode_lossy(t + p, len - p, &cp);
		if (utf8_is_word(cp)) {
			p += n;
			continue;
		}
		if ((a = apostrophe_at(t, len, p)) != 0 &&
		    utf8_word_at(t, len, p + a)) {
			if ((t[p + a] == 's' || t[p + a] == 'S') &&
			    !utf8_word_at(t, len, p + a + 1))
				break;
			p += a;
			continue;
		}
		if ((cp == '-' || cp == '&') && utf8_word_at(t, len, p + 1)) {
			uint32_t first, next;

			/* "Tokyo-based", "US-led": the name stands alone. */
			utf8_decode_lossy(t + start, len - start, &first);
			utf8_decode_lossy(t + p + 1, len - (p + 1), &next);
			if (cp == '-' && utf8_is_upper(first) &&
			    !utf8_is_upper(next) && !utf8_is_digit(next))
				break;
			p++;
			continue;
		}
		/* U.S., U.N.: a letter, a period, a letter, a period. */
		if (cp == '.' && p + 2 < len && utf8_word_at(t, len, p + 1) &&
		    t[p + 2] == '.' && p >= 1 && utf8_word_at(t, len, p - 1) &&
		    (p < 2 || !utf8_word_at(t, len, p - 2) || *dotted)) {
			*dotted = 1;
			p += 2;
			continue;
		}
		break;
	}
	return p;
}

static void
tok_flags(struct ctx *x, struct tok *k)
{
	size_t p = k->s, nl = 0, n;
	uint32_t cp;
	unsigned upper = 0, letters = 0, lower = 0;

	utf8_decode_lossy(x->t + p, x->len - p, &cp);
	if (utf8_is_upper(cp))
		k->f |= T_CAP;
	else if (utf8_is_letter(cp))
		k->f |= T_LOWER;
	for (; p < k->e; p += n) {
		n = utf8_decode_lossy(x->t + p, x->len - p, &cp);
		if (utf8_is_digit(cp))
			k->f |= T_DIGIT;
		else if (utf8_is_letter(cp)) {
			letters++;
			if (utf8_is_upper(cp))
				upper++;
			else
				lower++;
		}
	}
	if (letters >= 2 && lower == 0)
		k->f |= T_ALLCAP;
	/* Sentence and paragraph starts: look back over the gap. */
	p = k->s;
	while (p > 0) {
		unsigned char c = (unsigned char)x->t[p - 1];

		if (c == '\n') {
			if (++nl >= 2)
				break;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '"' ||
		    c == '(' || c == '[' || c == '\'' || c == '*' || c == '-')
			;
		else if (c >= 0x80 && c < 0xc0)
			;	/* inside a curly quote or a dash: skip it */
		else if (c >= 0xc2)
			;
		else
			break;
		p--;
	}
	if (p == 0 || nl >= 2)
		k->f |= T_PARA | T_SENT;
	else if (x->t[p - 1] == '.' || x->t[p - 1] == '!' ||
	    x->t[p - 1] == '?' || x->t[p - 1] == ':' || x->t[p - 1] == ';') {
		if (x->ntok == 0 || !(x->tok[x->ntok - 1].f & T_ABBR) ||
		    x->tok[x->ntok - 1].e != p)
			k->f |= T_SENT;
	}
}

/* Does the token, with its period, end in a listed abbreviation? */
static int
abbr_period(struct ctx *x, size_t s, size_t e)
{
	uint32_t cp;

	if (e >= x->len || x->t[e] != '.')
		return 0;
	utf8_decode_lossy(x->t + s, x->len - s, &cp);
	if (e - s == 1 && utf8_is_upper(cp))
		return 1;	/* an initial */
	return rules_lists_of(x->r, x->t + s, e - s + 1) != 0;
}

static void
tokenize(struct ctx *x)
{
	size_t p = 0, cap = 0, n;
	uint32_t cp;

	while (p < x->len) {
		struct tok k;
		int dotted;

		n = utf8_decode_lossy(x->t + p, x->len - p, &cp);
		if (!utf8_is_word(cp)) {
			p += n;
			continue;
		}
		k.s = p;
		k.e = word_end(x->t, x->len, p, &dotted);
		k.f = 0;
		if (dotted && k.e < x->len && x->t[k.e] == '.')
			k.e++, k.f |= T_ABBR;
		else if (abbr_period(x, k.s, k.e))
			k.e++, k.f |= T_ABBR;
		tok_flags(x, &k);
		if (x->ntok == cap) {
			cap = cap ? cap * 2 : 1024;
			x->tok = xreallocarray(x->tok, cap, sizeof *x->tok);
		}
		x->tok[x->ntok++] = k;
		p = k.e;
	}
}

/* Only blanks and at most one line break between tokens i and i+1? */
static int
joined(const struct ctx *x, size_t i)
{
	size_t p, nl = 0;

	if (i + 1 >= x->ntok)
		return 0;
	for (p = x->tok[i].e; p < x->tok[i + 1].s; p++) {
		char c = x->t[p];

		if (c == '\n') {
			if (++nl > 1)
				return 0;
		} else if (c != ' ' && c != '\t' && c != '\r')
			return 0;
	}
	return p > x->tok[i].e;
}

/* " & " between tokens i and i+1. */
static int
ampersand(const struct ctx *x, size_t i)
{
	const char *g = x->t + x->tok[i].e;
	size_t n = x->tok[i + 1].s - x->tok[i].e;

	return n == 3 && memcmp(g, " & ", 3) == 0;
}

/*
 * The words i..j-1 as a lookup key: straight from the text when they
 * are separated by single spaces, else copied into buf.
 */
static const char *
key_of(const struct ctx *x, size_t i, size_t j, char *buf, size_t *n)
{
	size_t k, o = 0;
	int plain = 1;

	for (k = i; k + 1 < j; k++) {
		if (x->tok[k + 1].s - x->tok[k].e != 1 ||
		    x->t[x->tok[k].e] != ' ')
			plain = 0;
	}
	if (plain) {
		*n = x->tok[j - 1].e - x->tok[i].s;
		return x->t + x->tok[i].s;
	}
	for (k = i; k < j; k++) {
		size_t w = x->tok[k].e - x->tok[k].s;

		if (o + w + 1 >= KEYBUF)
			break;
		if (k > i)
			buf[o++] = ' ';
		memcpy(buf + o, x->t + x->tok[k].s, w);
		o += w;
	}
	*n = o;
	return buf;
}

static unsigned
lists_of(const struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	size_t n;

	k = key_of(x, i, j, buf, &n);
	return rules_lists_of(x->r, k, n);
}

/* An all-capitals word (WARSAW) looked up as Warsaw. */
static unsigned
lists_of_titlecase(const struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF], b2[KEYBUF];
	const char *k;
	size_t n, m, o = 0, len;
	uint32_t cp;
	int first = 1;

	k = key_of(x, i, j, buf, &n);
	if (n >= KEYBUF)
		return 0;
	for (m = 0; m < n; m += len) {
		len = utf8_decode_lossy(k + m, n - m, &cp);
		if (o + 4 > sizeof b2)
			return 0;
		if (cp == 0xfffd && len == 1)
			b2[o++] = k[m];
		else
			o += utf8_encode(first ? cp : utf8_tolower(cp), b2 + o);
		first = cp == ' ' || cp == '-';
	}
	return rules_lists_of(x->r, b2, o);
}

static struct vote *
votes_of(const struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	size_t n;

	k = key_of(x, i, j, buf, &n);
	return vote_get(x, k, n);
}

static int
tok_is(const struct ctx *x, size_t i, const char *w)
{
	size_t n = strlen(w);

	return i < x->ntok && x->tok[i].e - x->tok[i].s == n &&
	    memcmp(x->t + x->tok[i].s, w, n) == 0;
}

/* Has the word i been seen starting lower-case (so it is a common word)? */
static int
common_word(const struct ctx *x, size_t i)
{
	char buf[64 + 4];
	const char *w = x->t + x->tok[i].s;
	size_t n = x->tok[i].e - x->tok[i].s, k, lk;
	uint32_t cp;
	struct vote *v;

	if (n >= 64 || (x->tok[i].f & T_ALLCAP))
		return 0;
	if ((k = utf8_decode(w, n, &cp)) == 0 || !utf8_is_upper(cp))
		return 0;
	lk = utf8_encode(utf8_tolower(cp), buf);
	memcpy(buf + lk, w + k, n - k);
	n = n - k + lk;
	v = vote_get(x, buf, n);
	return v != NULL && v->lower;
}

/* ---- emitting ---- */

static void
cand_add(struct ctx *x, size_t s, size_t e, int type, int prio)
{
	if (x->nc == x->capc) {
		x->capc = x->capc ? x->capc * 2 : 256;
		x->c = xreallocarray(x->c, x->capc, sizeof *x->c);
	}
	x->c[x->nc].s = s;
	x->c[x->nc].e = e;
	x->c[x->nc].type = type;
	x->c[x->nc].prio = prio;
	x->nc++;
}

/* Vote the organisation name i..j-1 without its trailing org words. */
static void
org_alias(struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	size_t n, e = j;

	while (e > i + 1 && (rules_lists_of(x->r, x->t + x->tok[e - 1].s,
	    x->tok[e - 1].e - x->tok[e - 1].s) & (1u << RL_ORG_WORD)))
		e--;
	if (e == j || (x->tok[e - 1].f & T_LOWER) ||
	    rules_lists_of(x->r, x->t + x->tok[i].s,
	    x->tok[e - 1].e - x->tok[i].s) != 0)
		return;
	k = key_of(x, i, e, buf, &n);
	vote_add(x, k, n)->v[V_ORG] += 10;
}

/* Words i..j-1 are a mention of type; pass 1 votes, pass 2 emits. */
static void
mention(struct ctx *x, size_t i, size_t j, int type, int strong)
{
	char buf[KEYBUF];
	const char *k;
	size_t n;
	struct vote *v;

	if (i >= j)
		return;
	if (x->pass == 2) {
		cand_add(x, x->tok[i].s, x->tok[j - 1].e, type,
		    strong ? PRIO_STRONG : PRIO_GUESS);
		return;
	}
	k = key_of(x, i, j, buf, &n);
	v = vote_add(x, k, n);
	/* One word that was the surname of a person named before is that
	 * person, even if a list knows it as a place ("Ximena Lagos ...
	 * Lagos said"). */
	if (type == ENT_PLACE && j - i == 1 && v->sur)
		type = ENT_PERSON;
	v->v[type_to_vote(type)] += strong ? 3 : 1;
	/* "Brightwater Capital Inc." is "Brightwater" later on. */
	if (type == ENT_ORG && strong && j - i >= 2)
		org_alias(x, i, j);
	/* A person's surname alone refers to the person later on, with
	 * its particles ("da Costa", "Da Costa"). */
	if (type == ENT_PERSON && j - i >= 2 && strong &&
	    !(x->tok[j - 1].f & T_ABBR)) {
		size_t f = j - 1;

		while (f > i + 1 && (x->tok[f - 1].f & T_LOWER))
			f--;
		f = key_of(x, f, j, buf, &n) == buf ? j - 1 : f;
		v = vote_add(x, x->t + x->tok[f].s,
		    x->tok[j - 1].e - x->tok[f].s);
		v->v[V_PERSON] += 2;
		v->sur = 1;
		if (x->tok[f].f & T_LOWER) {
			char up[KEYBUF];
			size_t m = x->tok[j - 1].e - x->tok[f].s;

			if (m < KEYBUF) {
				memcpy(up, x->t + x->tok[f].s, m);
				up[0] = (char)(up[0] - 'a' + 'A');
				vote_add(x, up, m)->v[V_PERSON] += 2;
			}
		}
	}
}

/* ---- classifying runs of capitalised words ---- */

#define L(x) (1u << RL_##x)

/* Words that cut a run in two: titles, nationality, calendar, ... */
static size_t
breaker(const struct ctx *x, size_t i, size_t j, int *title)
{
	size_t k;

	*title = 0;
	for (k = (j - i < 4 ? j - i : 4); k >= 1; k--) {
		unsigned l = lists_of(x, i, i + k);

		if ((l & (L(PERSON) | L(PLACE) | L(ORG))) &&
		    !((l & L(TITLE)) && i + k < j))
			return 0;
		if (l & L(TITLE)) {
			*title = 1;
			return k;
		}
		if (k == 1 && (l & (L(NATIONALITY) | L(CALENDAR) | L(STOP) |
		    L(NOT_ENTITY))))
			return 1;
	}
	return 0;
}

static int
prep_before(const struct ctx *x, size_t i)
{
	static const char *const preps[] = { "in", "near", "outside",
	    "across", "throughout", "from", NULL };
	size_t k = i;
	int p;

	if (k == 0)
		return 0;
	if (tok_is(x, k - 1, "the") && k >= 2)
		k--;
	if (x->tok[k - 1].e + 1 != x->tok[k].s && !joined(x, k - 1))
		return 0;
	for (p = 0; preps[p] != NULL; p++) {
		if (tok_is(x, k - 1, preps[p]))
			return 1;
	}
	return 0;
}

/* Is the place (listed or voted) at word k one or two words long? */
static int
place_at(const struct ctx *x, size_t k)
{
	size_t n;

	for (n = 1; n <= 2 && k + n <= x->ntok; n++) {
		if (n == 2 && !joined(x, k))
			break;
		if ((lists_of(x, k, k + n) & L(PLACE)) ||
		    vote_best(votes_of(x, k, k + n)) == V_PLACE)
			return 1;
	}
	return 0;
}

/* "between Ludwigshafen and Duisburg": coordinated with a place. */
static int
coordinated_place(const struct ctx *x, size_t i, size_t j)
{
	if (j + 1 < x->ntok && (tok_is(x, j, "and") || tok_is(x, j, "or")) &&
	    joined(x, j - 1) && joined(x, j) && (x->tok[j + 1].f & T_CAP) &&
	    place_at(x, j + 1))
		return 1;
	if (i >= 2 && (tok_is(x, i - 1, "and") || tok_is(x, i - 1, "or")) &&
	    joined(x, i - 1) && joined(x, i - 2) &&
	    (x->tok[i - 2].f & T_CAP) && place_at(x, i - 2))
		return 1;
	return 0;
}

/* Does a speech verb stand right before word i or right after j-1? */
static int
verb_near(const struct ctx *x, size_t i, size_t j)
{
	if (i > 0 && joined(x, i - 1) &&
	    (lists_of(x, i - 1, i) & L(VERB)) && (x->tok[i - 1].f & T_LOWER) &&
	    (j >= x->ntok || !joined(x, j - 1)))
		return 1;
	if (j < x->ntok && joined(x, j - 1) && (lists_of(x, j, j + 1) &
	    L(VERB)) && (x->tok[j].f & T_LOWER))
		return 1;
	return 0;
}

/* Is the run joined by a lower-case "of" or "for" ("Bank of England")? */
static int
connector_in(const struct ctx *x, size_t i, size_t j)
{
	for (; i < j; i++) {
		if (tok_is(x, i, "of") || tok_is(x, i, "for"))
			return 1;
	}
	return 0;
}

/* "the Commission": a capitalised word after a lower-case "the". */
static int
the_before(const struct ctx *x, size_t i)
{
	return i > 0 && !(x->tok[i].f & T_SENT) && tok_is(x, i - 1, "the") &&
	    joined(x, i - 1);
}

/* "chief executive Adaora Nwachukwu", "its owner, Tom Jessop" */
static int
title_before(const struct ctx *x, size_t i)
{
	size_t k;

	if (i == 0)
		return 0;
	for (k = 1; k <= 2 && k <= i; k++) {
		if (!(x->tok[i - k].f & T_LOWER))
			return 0;
		if (lists_of(x, i - k, i) & L(TITLE)) {
			size_t g = x->tok[i].s - x->tok[i - 1].e;

			return g == 1 || (g == 2 && x->t[x->tok[i - 1].e] ==
			    ',');
		}
	}
	return 0;
}

/* The longest listed or voted sub-span of i..j-1; 0 if none. */
static int
known_sub(const struct ctx *x, size_t i, size_t j, size_t *ks, size_t *ke)
{
	size_t a, b;
	int t;

	for (b = j - i; b >= 1; b--) {
		for (a = i; a + b <= j; a++) {
			unsigned l = lists_of(x, a, a + b);

			t = vote_best(votes_of(x, a, a + b));
			if (t >= 0 && x->pass == 2)
				t = vote_to_type(t);
			else if (l & L(PLACE))
				t = ENT_PLACE;
			else if (l & L(ORG))
				t = ENT_ORG;
			else if (l & L(PERSON))
				t = ENT_PERSON;
			else
				t = -1;
			if (t >= 0) {
				*ks = a;
				*ke = a + b;
				return t + 1;
			}
		}
	}
	return 0;
}

/* Type of a listed or (pass 2) voted whole string, or -1. */
static int
known_type(const struct ctx *x, size_t i, size_t j, int *strong)
{
	unsigned l = lists_of(x, i, j);
	int v;

	*strong = 1;
	if (x->pass == 2 && (v = vote_best(votes_of(x, i, j))) >= 0)
		return vote_to_type(v);
	if (l & L(PLACE))
		return ENT_PLACE;
	if (l & L(ORG))
		return ENT_ORG;
	if (l & L(PERSON))
		return ENT_PERSON;
	return -1;
}

/* A piece of a run, without titles or nationality words. */
static void
classify_piece(struct ctx *x, size_t i, size_t j, int cue)
{
	unsigned first, last;
	size_t ks, ke;
	int t, strong;

	while (i < j && (x->tok[i].f & T_SENT) && common_word(x, i) &&
	    known_type(x, i, j, &strong) < 0)
		i++;
	if (i >= j)
		return;
	if ((t = known_type(x, i, j, &strong)) >= 0) {
		mention(x, i, j, t, strong);
		return;
	}
	first = lists_of(x, i, i + 1);
	last = lists_of(x, j - 1, j);
	if (j - i >= 2 && (last & L(ORG_WORD)))
		mention(x, i, j, ENT_ORG, 1);
	else if (j - i >= 2 && (last & L(FAC_WORD)))
		mention(x, i, j, ENT_PLACE, 1);
	else if (j - i >= 2 && (last & L(SURNAME)))
		mention(x, i, j, ENT_PERSON, 1);
	else if (j - i == 2 && (last & L(GIVEN)) && !(first & (L(ORG_WORD) |
	    L(FAC_WORD) | L(OF_HEAD))))
		mention(x, i, j, ENT_PERSON, 1);	/* Wang Lihua */
	else if (cue || title_before(x, i))
		mention(x, i, j, ENT_PERSON, 1);
	else if ((first & L(GIVEN)) && j - i <= 4 &&
	    !(x->tok[i].f & T_ALLCAP) && (j - i >= 2 ||
	    !(x->tok[i].f & T_SENT)))
		mention(x, i, j, ENT_PERSON, 1);
	else if (j - i >= 3 && (first & L(ORG_WORD)) && connector_in(x, i, j))
		mention(x, i, j, ENT_ORG, 1);
	else if (j - i >= 2 && (first & (L(FAC_WORD) | L(OF_HEAD))))
		mention(x, i, j, ENT_PLACE, 1);
	else if ((t = known_sub(x, i, j, &ks, &ke)) > 0) {
		if (t - 1 == ENT_PERSON && ke == j && j - i <= 3 &&
		    !(x->tok[i].f & T_SENT))
			ks = i;
		mention(x, ks, ke, t - 1, 1);
	}
	else if (verb_near(x, i, j) && !(x->tok[i].f & T_ALLCAP))
		mention(x, i, j, ENT_PERSON, 0);
	else if (j - i == 1 && (x->tok[i].f & T_ALLCAP) &&
	    x->tok[i].e - x->tok[i].s <= 6 && !(x->tok[i].f & T_DIGIT))
		mention(x, i, j, ENT_ORG, 0);
	else if (prep_before(x, i) && !(x->tok[i].f & T_SENT) && j - i <= 3)
		mention(x, i, j, ENT_PLACE, 0);
	else if (j - i <= 2 && coordinated_place(x, i, j))
		mention(x, i, j, ENT_PLACE, 0);
	else if (j - i >= 2 && j - i <= 3 && x->pass == 2 &&
	    vote_best(votes_of(x, j - 1, j)) == V_PERSON)
		mention(x, i, j, ENT_PERSON, 0);
	else if (j - i >= 2 && !(x->tok[i].f & T_SENT) && x->pass == 2)
		mention(x, i, j, ENT_ORG, 0);
	else if (j - i == 1 && the_before(x, i) && (first & L(ORG_WORD)))
		mention(x, i, j, ENT_ORG, 0);
}

/* Cut the run i..j-1 at titles, nationality and stop words. */
static void
classify_run(struct ctx *x, size_t i, size_t j)
{
	size_t k, a, n;
	int cue = 0, title, strong;
	unsigned last;

	if (known_type(x, i, j, &strong) >= 0) {
		classify_piece(x, i, j, 0);
		return;
	}
	/* Laws, events and works ("Inflation Reduction Act") are not
	 * entities. */
	last = lists_of(x, j - 1, j);
	if ((last & L(EVENT_WORD)) && j - i >= 2)
		return;
	/* An organisation name keeps its inner words: drop only "The". */
	if ((last & (L(ORG_WORD) | L(FAC_WORD))) && j - i >= 2) {
		while (i < j && (((lists_of(x, i, i + 1) & L(STOP)) &&
		    ((x->tok[i].f & T_SENT) || tok_is(x, i, "The") ||
		    tok_is(x, i, "A"))) || (lists_of(x, i, i + 1) &
		    (L(CALENDAR) | L(TITLE)))))
			i++;
		if (j - i >= 2) {
			mention(x, i, j, (last & L(ORG_WORD)) ? ENT_ORG :
			    ENT_PLACE, 1);
			return;
		}
	}
	for (k = a = i; k < j;) {
		if ((n = breaker(x, k, j, &title)) > 0) {
			if (k > a)
				classify_piece(x, a, k, cue);
			cue = title;
			k += n;
			a = k;
			continue;
		}
		k++;
	}
	if (k > a)
		classify_piece(x, a, k, cue);
}

/* Known names only, longest first, in a headline's words i..j-1. */
static void
headline_names(struct ctx *x, size_t i, size_t j)
{
	while (i < j) {
		size_t b, best = 0;
		int t = -1, strong;

		if (x->tok[i].f & (T_CAP | T_ALLCAP)) {
			for (b = (j - i < 5 ? j - i : 5); b >= 1; b--) {
				size_t k;
				int ok = 1;

				for (k = i; k + 1 < i + b; k++)
					ok &= joined(x, k);
				if (ok && (t = known_type(x, i, i + b,
				    &strong)) >= 0) {
					best = b;
					break;
				}
			}
		}
		if (best > 0) {
			mention(x, i, i + best, t, 1);
			i += best;
		} else
			i++;
	}
}

/* Is paragraph [i, end) a title-case headline or subheading? */
static int
is_headline(const struct ctx *x, size_t i, size_t end)
{
	size_t k, caps = 0, words = 0, last;

	if (end - i > 20 || end - i < 2)
		return 0;
	last = x->tok[end - 1].e;
	while (last < x->len && (x->t[last] == ' ' || x->t[last] == '\t'))
		last++;
	if (last < x->len && (x->t[last] == '.' || x->t[last] == ','))
		return 0;
	for (k = i; k < end; k++) {
		if (x->tok[k].f & T_DIGIT)
			continue;
		words++;
		if (x->tok[k].f & T_CAP)
			caps++;
		else if (x->tok[k].e - x->tok[k].s > 4)
			return 0;
	}
	return words >= 2 && caps * 10 >= words * 7;
}

/* "By Jane Doe and John Roe": the people of a byline. */
static int
byline(struct ctx *x, size_t i, size_t end)
{
	size_t k, a;

	if (!tok_is(x, i, "By") || end - i > 12)
		return 0;
	for (k = a = i + 1; k <= end; k++) {
		if (k == end || !(x->tok[k].f & T_CAP) || !joined(x, k - 1)) {
			if (k > a)
				mention(x, a, k, ENT_PERSON, 1);
			if (k < end && (tok_is(x, k, "and") || !joined(x, k - 1)))
				a = k + 1;
			else
				break;
		}
	}
	return 1;
}

/* "WARSAW --" or "NEW YORK (Reuters) -": a dateline's place. */
static size_t
dateline(struct ctx *x, size_t i, size_t end)
{
	size_t j = i, p;

	while (j < end && (x->tok[j].f & T_ALLCAP) && j - i < 4 &&
	    (j == i || joined(x, j - 1)))
		j++;
	if (j == i || j >= end)
		return i;
	p = x->tok[j - 1].e;
	if (p < x->len && x->t[p] == ',') {
		/* "LIVERPOOL, England --": the country is a mention of its own */
		size_t k = j;

		while (k < end && (x->tok[k].f & T_CAP) && k - j < 3 &&
		    (k == j || joined(x, k - 1)))
			k++;
		if (k > j)
			p = x->tok[k - 1].e;
	}
	while (p < x->len && (x->t[p] == ' ' || x->t[p] == ','))
		p++;
	if (p + 1 < x->len && (memcmp(x->t + p, "--", 2) == 0 ||
	    x->t[p] == '(' || (unsigned char)x->t[p] == 0xe2)) {
		if (lists_of_titlecase(x, i, j) & L(ORG))
			return i;
		mention(x, i, j, ENT_PLACE, 1);
		return j;
	}
	return i;
}

/* Can word k continue the run that ends at word k-1? */
static size_t
run_next(const struct ctx *x, size_t k)
{
	const struct tok *t = x->tok;

	if (k >= x->ntok || (!joined(x, k - 1) && !ampersand(x, k - 1)))
		return 0;
	if ((t[k - 1].f & T_ABBR) && !(lists_of(x, k - 1, k) & L(TITLE)) &&
	    t[k - 1].e - t[k - 1].s > 2)
		return 0;
	if (t[k].f & T_CAP)
		return 1;
	if ((t[k].f & T_LOWER) && k + 2 < x->ntok && joined(x, k) &&
	    joined(x, k + 1) && (t[k + 2].f & T_CAP) && (t[k + 1].f & T_LOWER) &&
	    (lists_of(x, k, k + 1) & L(PARTICLE)) &&
	    (lists_of(x, k + 1, k + 2) & L(PARTICLE)))
		return 3;
	if ((t[k].f & T_LOWER) && k + 1 < x->ntok &&
	    (t[k + 1].f & T_CAP) && joined(x, k)) {
		unsigned l = lists_of(x, k, k + 1);
		unsigned prev = lists_of(x, k - 1, k);

		if (l & L(PARTICLE))
			return 2;
		if ((l & L(PARTICLE)) == 0 && k + 2 < x->ntok &&
		    (lists_of(x, k, k + 1) & L(PARTICLE)))
			return 0;
		if ((tok_is(x, k, "of") || tok_is(x, k, "for")) &&
		    (prev & (L(ORG_WORD) |
		    L(FAC_WORD) | L(OF_HEAD))))
			return 2;
		if (tok_is(x, k, "of") && k + 2 < x->ntok &&
		    tok_is(x, k + 1, "the") && joined(x, k + 1) &&
		    (prev & (L(ORG_WORD) | L(OF_HEAD))))
			return 0;
	}
	return 0;
}

/* "da Costa" after a lower-case word: a surname with its particle. */
static int
particle_start(const struct ctx *x, size_t i)
{
	unsigned char c;

	if (!(x->tok[i].f & T_LOWER) || i + 1 >= x->ntok ||
	    !(x->tok[i + 1].f & T_CAP) || !joined(x, i) ||
	    !(lists_of(x, i, i + 1) & L(PARTICLE)) ||
	    (i > 0 && joined(x, i - 1) && (x->tok[i - 1].f & T_CAP)))
		return 0;
	c = (unsigned char)x->t[x->tok[i].s];
	return c >= 'a' && c <= 'z' && vote_best(votes_of(x, i, i + 2)) ==
	    V_PERSON;
}

/* An acronym in parentheses right after the run: "(GCBD)". */
static void
acronym_after(struct ctx *x, size_t i, size_t j)
{
	size_t p;
	int t, strong;
	struct vote *v;

	if (j >= x->ntok || !(x->tok[j].f & T_ALLCAP))
		return;
	p = x->tok[j - 1].e;
	if (x->tok[j].s != p + 2 || x->t[p] != ' ' || x->t[p + 1] != '(' ||
	    x->tok[j].e >= x->len || x->t[x->tok[j].e] != ')')
		return;
	while (i + 1 < j && (lists_of(x, i, i + 1) & (L(STOP) | L(TITLE) |
	    L(CALENDAR))))
		i++;
	t = known_type(x, i, j, &strong);
	if (x->pass == 1) {
		v = vote_add(x, x->t + x->tok[j].s,
		    x->tok[j].e - x->tok[j].s);
		v->v[type_to_vote(t < 0 ? ENT_ORG : t)] += 4;
		if (t < 0) {
			char buf[KEYBUF];
			const char *k;
			size_t n;

			k = key_of(x, i, j, buf, &n);
			vote_add(x, k, n)->v[V_ORG] += 4;
		}
	}
}

static void
scan_runs(struct ctx *x)
{
	size_t i = 0, j, end = 0;
	int head = 0;

	while (i < x->ntok) {
		if (x->tok[i].f & T_PARA) {
			for (end = i + 1; end < x->ntok &&
			    !(x->tok[end].f & T_PARA); end++)
				;
			head = is_headline(x, i, end);
			if (byline(x, i, end)) {
				i = end;
				continue;
			}
			i = dateline(x, i, end);
		}
		if (particle_start(x, i))
			j = i + 1;
		else if (!(x->tok[i].f & T_CAP) || (x->tok[i].f & T_DIGIT &&
		    !(x->tok[i].f & T_ALLCAP))) {
			i++;
			continue;
		} else
			j = i + 1;
		for (; j < x->ntok && j - i < MAX_RUN;) {
			size_t n = run_next(x, j);

			if (n == 0)
				break;
			j += n;
		}
		if (head && x->pass == 2)
			headline_names(x, i, j);
		else if (!head)
			classify_run(x, i, j);
		acronym_after(x, i, j);
		i = j;
	}
}

/* Remember every word seen starting lower-case. */
static void
note_lower_words(struct ctx *x)
{
	size_t i;

	for (i = 0; i < x->ntok; i++) {
		if ((x->tok[i].f & T_LOWER) && x->tok[i].e - x->tok[i].s < 64)
			vote_add(x, x->t + x->tok[i].s,
			    x->tok[i].e - x->tok[i].s)->lower = 1;
	}
}

/* ---- pattern rules and overlaps ---- */

static void
rule_match(void *arg, size_t rule, size_t s, size_t e)
{
	struct ctx *x = arg;

	cand_add(x, s, e, rules_type(x->r, rule), rules_priority(x->r, rule));
}

static int
cand_cmp_prio(const void *a, const void *b)
{
	const struct cand *p = a, *q = b;

	if (p->prio != q->prio)
		return q->prio - p->prio;
	if (p->e - p->s != q->e - q->s)
		return p->e - p->s < q->e - q->s ? 1 : -1;
	return p->s < q->s ? -1 : p->s > q->s;
}

static int
ent_cmp_start(const void *a, const void *b)
{
	const struct entity *p = a, *q = b;

	return p->start < q->start ? -1 : p->start > q->start;
}

/*
 * Same name string, same type: the type with most votes wins.  A mention
 * from a pattern rule ranked above the name heuristics (a user's rule,
 * say) keeps the type its rule gave.
 */
static void
make_consistent(struct ctx *x, struct entity *e, const int *prio, size_t n)
{
	size_t i;
	int v;

	for (i = 0; i < n; i++) {
		if (e[i].type > ENT_PLACE || prio[i] > PRIO_STRONG)
			continue;
		v = vote_best(vote_get(x, x->t + e[i].start,
		    e[i].end - e[i].start));
		if (v >= 0)
			e[i].type = vote_to_type(v);
	}
}

/* Record c's priority at the entity it became, if it became one. */
static void
prio_fill(const struct ctx *x, const struct entity *e, size_t n,
    const struct cand *c, int *prio)
{
	size_t lo = 0, hi = n;

	(void)x;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e[mid].start < c->s)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && e[lo].start == c->s && e[lo].end == c->e &&
	    (int)e[lo].type == c->type && c->prio > prio[lo])
		prio[lo] = c->prio;
}

/* Highest priority, then longest, first; drop what overlaps. */
static size_t
resolve(struct ctx *x, struct entity **out)
{
	unsigned char *used;
	struct entity *e;
	int *prio;
	size_t i, k, n = 0;

	if (x->nc > 1)
		qsort(x->c, x->nc, sizeof *x->c, cand_cmp_prio);
	used = xcalloc(x->len / 8 + 1, 1);
	e = xcalloc(x->nc + 1, sizeof *e);
	for (i = 0; i < x->nc; i++) {
		struct cand *c = &x->c[i];
		int free_span = c->e <= x->len && c->s < c->e;

		for (k = c->s; free_span && k < c->e; k++)
			free_span = !(used[k / 8] & (1u << (k % 8)));
		if (!free_span)
			continue;
		for (k = c->s; k < c->e; k++)
			used[k / 8] |= (unsigned char)(1u << (k % 8));
		e[n].start = c->s;
		e[n].end = c->e;
		e[n].type = (enum ent_type)c->type;
		n++;
	}
	free(used);
	if (n > 1)
		qsort(e, n, sizeof *e, ent_cmp_start);
	/* Priorities in start order, for make_consistent. */
	prio = xcalloc(n + 1, sizeof *prio);
	for (i = 0; i < x->nc; i++)
		prio_fill(x, e, n, &x->c[i], prio);
	make_consistent(x, e, prio, n);
	free(prio);
	*out = e;
	return n;
}

size_t
ent_find(const struct rules *r, const char *text, size_t len,
    struct entity **out, struct diag *d)
{
	struct ctx x;
	size_t i, n;
	int valid = utf8_valid(text, len);

	memset(&x, 0, sizeof x);
	strmap_init(&x.map, sizeof(struct vote));
	x.r = r;
	x.t = text;
	x.len = len;
	for (i = 0; i < rules_count(r); i++)
		rules_scan(r, i, text, len, valid, rule_match, &x, d);
	tokenize(&x);
	note_lower_words(&x);
	x.pass = 1;
	scan_runs(&x);
	x.pass = 2;
	scan_runs(&x);
	n = resolve(&x, out);
	strmap_free(&x.map);
	free(x.tok);
	free(x.c);
	return n;
}

size_t
ent_name_run(const struct rules *r, const char *text, size_t len,
    size_t pos)
{
	size_t p = pos, e = pos;
	uint32_t cp;
	int dotted;

	(void)r;
	while (p < len) {
		size_t we;

		utf8_decode_lossy(text + p, len - p, &cp);
		if (!utf8_is_upper(cp))
			break;
		we = word_end(text, len, p, &dotted);
		e = we;
		if (we + 1 < len && text[we] == '.' && we - p == 1)
			we++;
		if (we + 1 >= len || text[we] != ' ')
			break;
		p = we + 1;
	}
	return e;
}
