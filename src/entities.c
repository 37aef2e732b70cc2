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
 * A name's type also comes from the document around it (issue 14 item
 * 4): the sides of a result line are clubs everywhere (score_line), a
 * word no list knows takes the type of the names listed with it
 * (coordinated_type), a price move or a kind of company makes a
 * company (company_cue); each is work per unknown name, never per byte.
 * Person evidence at any one mention (an age, "X swears she", "her
 * friend X", a role appositive) types a name no list knows for the
 * whole document, and its surname alone after it (pair_person); an
 * acronym in parentheses is the name's only if it fits its initials.
 * A role noun or a participle (Born) opening a sentence, and an
 * honorific after a given name, are no part of a name and say person;
 * a word opening a sentence before a surname the document makes a
 * person's is its given name (name_opens); an age in apposition is
 * person evidence (wt-names9).  A demonym made from a country or region
 * and a nationality's -man are nationality words, a long title's plural
 * a title (derived_lists, per distinct word); post-nominal letters are
 * no organisation; a sentence-opening word capitalised mid-sentence
 * after a given name is a surname (Said); an unknown name of two whose
 * halves are each seen alone is a person's (halves_alone); a name in
 * capitals in running text may be a person's (caps_person); a name no
 * list knows after "the" is no person's (the_unknown); a plural
 * organisation word before "of" heads the name; "Born" says person
 * also where the text writes "born" in lower case (wt-names10).  A
 * club word alone before a word for the club's people is the club, and
 * so is "Bristol City" then (club_word_club); a one-word short form in
 * parentheses that opens like an organisation's first word is its
 * (blend_short); words in parentheses after a person's name are the
 * person's party (affiliation_paren); "An" capitalised mid-sentence is
 * inside the name; a kind of venue before Centre makes a place
 * (venue_kinds); a public body in an appositive ending at its head
 * makes an organisation (body_apposed) (wt-ents11).
 * A word in -ing opening a sentence before a comma, its stem written
 * in lower case, is a participle (participle_opens); a two-letter word
 * that opens sentences (Oh, Do) capitalised mid-sentence before a name
 * is a family name written first (stop_family; wt-h8read).
 * A role after "later" or "then" in an appositive says person, and a
 * given name no list knows is then the person alone (unknown_given); a
 * town no list knows before a club word is a club, alone too; two nouns
 * joined by "and" in an organisation's name, one written in lower case
 * in the text, stay one name (common_and); a word in camel case, or
 * with its web domain, is a company (camel_brand, domain_at, web_name);
 * "(nee X)" says person (maiden_name); a banner in capitals reads as a
 * heading in capitals (caps_names, caps_common); "Opera North" is one
 * name; "League One", "Brent crude" and a name apposed to a work's
 * noun are none (division, benchmark, work_named; wt-h9read).
 * "he", "she" or "his" after the verb of an unknown name says person
 * (pronoun_follows); a family name written first that a list knows only
 * as a town is the person alone later (first_family); a side of a
 * result named by a nationality and a word is that club by the word
 * (side_short); a byline's outlet after its comma or a pipe is an
 * organisation (byline_outlet); "the" and a capitalised plural no list
 * knows is a team (the_plural); a lower-case street word after a name
 * ("Váci utca", "Sergels torg") ends it, a place (street_tail;
 * wt-h14read).  A result's side "Sponsor Town" is the club by the town
 * (side_short); capitals after a number are its unit
 * (unit_after_number); a town's name as a person's surname follows the
 * person (mention); a person-shaped name apposed to a place noun is a
 * place (place_apposed_alone); a masthead between pipes names its
 * outlet (piped_masthead); Icelandic feature words end a place
 * (feature_ending); a team sheet's scorers are persons (scorer_item;
 * wt-h15read).
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
#define T_NOCASE	0x80u	/* a letter of a script without case (深圳) */
#define T_ENDING	0x100u	/* ends like a family name (-escu) ... */
#define T_ENDING_KNOWN	0x200u	/* ... as far as asked */
#define T_JOINED	0x400u	/* only blanks and at most one line break
				 * before the next word (joined) */
#define T_SPACE		0x800u	/* one space to the next word */

#define PRIO_PERCENT	66	/* as the pattern rule for "4 per cent" */
#define PRIO_DATES	62	/* a weekday and its date: above each */
#define PRIO_LOCAL	41	/* typed by the words around it: kept */
#define PRIO_STRONG	40
#define PRIO_GUESS	20
#define MAX_RUN		12
#define KEYBUF		256

enum { V_PERSON, V_ORG, V_PLACE, V__N };

struct tok {
	size_t		s;
	size_t		e;
	unsigned	f;
	unsigned	lists;		/* its lists | LISTS_KNOWN, once asked */
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
	int		 mid;		/* an unknown name seen mid-sentence */
	int		 work;		/* ... and apposed to a kind of work */
	int		 club;		/* a side in a result ("X 2 Y 3") */
	int		 alone;		/* an unknown word seen as a name alone */
	size_t		 next_s;	/* an unknown word seen before another */
	size_t		 next_e;	/* in a name: that word's bytes */
	size_t		 full_s;	/* a word seen ending a name of two */
	size_t		 full_e;	/* words: that name's bytes */
};

/*
 * A filter for word_in over one of the NULL-terminated word lists: a
 * bit a word, from its first and last bytes and its length, so that
 * most words are turned away without a look at the list (word_in was
 * asked some 90,000 times a MB, of lists of 20-100 words).  Kept by
 * the block, built at a list's first use, in a slot by its address
 * (one of four, probed; when all four hold other lists, the first is
 * built again: the same answers, only slower).
 */
/*
 * lists_of's answers for spans of several words, kept by the block:
 * the same spans are asked about again and again (by the run's
 * reading, the breaker, the types, in both passes), and each answer is
 * a key built and a lookup or two.  Direct-mapped by the span; j is 0
 * in a slot never filled (a span of several words has j > 1).
 */
#define SPAN_SLOTS	16384
struct span_lists {
	uint32_t	i;
	uint32_t	j;
	unsigned	lists;
};

#define WORD_SETS	64
struct word_set {
	const char *const	*ws;		/* its list, or NULL */
	uint64_t		 bits[4];
};

struct ctx {
	const struct rules	*r;
	const char		*t;
	size_t			 len;
	struct tok		*tok;
	size_t			 ntok;
	size_t			 tb;		/* the block's own tokens: */
	size_t			 te;		/* [tb, te) */
	size_t			 bs;		/* and bytes */
	size_t			 be;
	struct cand		*c;
	size_t			 nc;
	size_t			 capc;
	struct strmap		*map;		/* name -> struct vote */
	struct strmap		*lists;		/* key -> its lists | LISTS_KNOWN */
	int			 pass;		/* 1: vote, 2: emit */
	int			 head;		/* in a headline */
	size_t			 title_end;	/* of a work's quoted title */
	size_t			 slogan_end;	/* of a quoted sign or slogan */
	int			 slogan_caps;	/* ... written in capitals */
	struct word_set		*sets;		/* or NULL */
	struct span_lists	*spans;	/* or NULL */
};

/*
 * The document: what a name is voted to be, and every word seen
 * starting lower-case (ent_doc_*).  Blocks of it are tokenized and read
 * on their own (ent_block_*), each with enough of the text around it
 * (MARGIN_TOKENS words each side, from a paragraph start) that every
 * look at a neighbouring word sees what it sees in the whole text.
 */
struct ent_doc {
	const struct rules	*r;
	const char		*t;
	size_t			 len;
	int			 valid;		/* t is valid UTF-8 */
	struct strmap		 map;		/* name -> struct vote */
};

struct ent_block {
	size_t			 s;
	size_t			 e;
	struct tok		*tok;		/* with the margins */
	size_t			 ntok;
	size_t			 tb;		/* its own: [tb, te) */
	size_t			 te;
	struct strmap		 lists;		/* key -> its lists | LISTS_KNOWN */
	struct word_set		 sets[WORD_SETS];
	struct span_lists	*spans;		/* SPAN_SLOTS */
};

#define MARGIN_TOKENS	24	/* more than any rule looks past a word */
#define MARGIN_BYTES	2048

#define LISTS_KNOWN	(1u << 31)	/* a cached answer (RL__COUNT < 30) */
#define LISTS_STARTS	(1u << 30)	/* a word that starts a gazetteer name
					 * of several words */
#define L(x)		(1u << RL_##x)	/* the bit of a word list */

/* Is c one of the bytes of set (never the terminating NUL)? */
static inline int
byte_in(const char *set, char c)
{
	return c != '\0' && strchr(set, c) != NULL;
}

static unsigned lists_key(const struct ctx *, const char *, size_t);
static unsigned lists_of(const struct ctx *, size_t, size_t);
static int known_type(const struct ctx *, size_t, size_t, int *);
static int plural_noun(const struct ctx *, size_t, size_t);

/* ---- the vote map ---- */

/* The votes for name k[0, n), NULL if none yet; or new ones (all 0). */
static struct vote *
vote_get(const struct ctx *x, const char *k, size_t n)
{
	return strmap_get(x->map, k, n);
}

static struct vote *
vote_add(struct ctx *x, const char *k, size_t n)
{
	return strmap_add(x->map, k, n);
}

/* The type with most votes, or -1. */
static int
vote_best(const struct vote *v)
{
	int i, best = -1, bv = 0;

	if (v == NULL)
		return -1;
	if (v->club)	/* a side in a result: its club (score_line) */
		return V_ORG;
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

/* An ASCII letter or digit: utf8_is_word below 0x80, without a call
 * (the tokenizer's fast path: most of a news text is ASCII). */
static inline int
ascii_word(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    (c >= '0' && c <= '9');
}

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

/*
 * Is the hyphen at h (in the word from s) inside a romanised East Asian
 * given name ("Ji-woo", "Min-seo", "Ying-jeou")?  Short syllables on
 * both sides ("Hee-kyung": up to five letters), the first capitalised,
 * the second not an English compound ending ("Rome-born", "Kyiv-led",
 * "Tokyo-based"); a second syllable of one vowel ("Hyeon-u", "Ji-a")
 * counts too.
 */
static int
syllables(const char *t, size_t len, size_t s, size_t h)
{
	static const char *const compounds[] = { "led", "born", "run",
	    "made", "era", "wide", "bound", "style", "type", "zone", "free",
	    "only", "like", "area", "size", "owned", "based", "built",
	    "grown", "class", "level", "sized", "scale", "heavy", "proof",
	    "ready", "front", "rich", "sided", "aided", "party", "state",
	    "going", NULL };
	size_t e = h + 1, i;

	while (e < len && t[e] >= 'a' && t[e] <= 'z')
		e++;
	if (h - s < 2 || h - s > 5 || e - h - 1 < 1 || e - h - 1 > 5 ||
	    (e - h - 1 == 1 && strchr("aeiou", t[h + 1]) == NULL) ||
	    utf8_word_at(t, len, e) || (e < len && t[e] == '-'))
		return 0;
	for (i = s + 1; i < h; i++) {
		if (t[i] < 'a' || t[i] > 'z')
			return 0;
	}
	for (i = 0; compounds[i] != NULL; i++) {
		if (e - h - 1 == strlen(compounds[i]) &&
		    memcmp(t + h + 1, compounds[i], e - h - 1) == 0)
			return 0;
	}
	return 1;
}

/* Is the hyphen at h followed by a short lower-case word, another hyphen
 * and a capital: a place's particle ("Sainte-Marie-de-Campan",
 * "Stratford-upon-Avon", "Aix-en-Provence")? */
static int
hyphened_particle(const char *t, size_t len, size_t h)
{
	size_t e = h + 1;
	uint32_t cp;

	while (e < len && e - h <= 5 && t[e] >= 'a' && t[e] <= 'z')
		e++;
	if (e - h < 3 || e - h > 5 || e + 1 >= len || t[e] != '-')
		return 0;
	utf8_decode_lossy(t + e + 1, len - e - 1, &cp);
	return utf8_is_upper(cp);
}

/* Does word i hold a hyphened particle ("Sainte-Marie-de-Campan")? */
static int
particle_inside(const struct ctx *x, size_t i)
{
	const char *h = x->t + x->tok[i].s, *e = x->t + x->tok[i].e;

	while ((h = memchr(h, '-', (size_t)(e - h))) != NULL) {
		if (hyphened_particle(x->t, x->tok[i].e, (size_t)(h - x->t)))
			return 1;
		h++;
	}
	return 0;
}

/* Is word i a romanised given name of syllables ("Hyun-woo")? */
static int
syllable_name(const struct ctx *x, size_t i)
{
	const char *w = x->t + x->tok[i].s;
	const char *h = memchr(w, '-', x->tok[i].e - x->tok[i].s);

	return h != NULL && h + 1 < x->t + x->tok[i].e && h[1] >= 'a' &&
	    h[1] <= 'z';
}

/* "Hyun-woo Park", "Ji-hoon Lee": a given name of syllables and a
 * family name, even one that is also a facility word. */
static int
person_syllables(const struct ctx *x, size_t i, size_t j)
{
	return j - i == 2 && syllable_name(x, i) && (lists_of(x, i + 1, j) &
	    (L(SURNAME) | L(SURNAME_FIRST)));
}

/* Where a word starting at p ends; a possessive 's is left out. */
/* The bytes of a web domain's ending at the period p (".kz", ".com":
 * two lower-case letters, or com, net, org) and no letter or digit
 * after it, else 0. */
static size_t
domain_at(const char *t, size_t len, size_t p)
{
	size_t k = p + 1;

	if (k + 1 >= len || t[k] < 'a' || t[k] > 'z')
		return 0;	/* (most periods: a space after) */
	while (k < len && k < p + 4 && t[k] >= 'a' && t[k] <= 'z')
		k++;
	if (k < len && (ascii_word((unsigned char)t[k]) ||
	    (unsigned char)t[k] >= 0x80))
		return 0;
	if (k - p == 3 || (k - p == 4 && (memcmp(t + p + 1, "com", 3) == 0 ||
	    memcmp(t + p + 1, "net", 3) == 0 || memcmp(t + p + 1, "org",
	    3) == 0)))
		return k - p;
	return 0;
}

static size_t
word_end(const char *t, size_t len, size_t p, int *dotted)
{
	uint32_t cp;
	size_t n, a, start = p;

	*dotted = 0;
	while (p < len) {
		unsigned char c = (unsigned char)t[p];

		if (c < 0x80 && ascii_word(c)) {
			p++;
			continue;
		}
		/* (any other ASCII but these four ends the word) */
		if (c < 0x80 && c != '\'' && c != '-' && c != '&' && c != '.')
			break;
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

			/* "Tokyo-based", "US-led": the name stands alone;
			 * "Ji-woo", "Dong-hyun" are one name. */
			utf8_decode_lossy(t + start, len - start, &first);
			utf8_decode_lossy(t + p + 1, len - (p + 1), &next);
			if (cp == '-' && utf8_is_upper(first) &&
			    !utf8_is_upper(next) && !utf8_is_digit(next) &&
			    !syllables(t, len, start, p) &&
			    !hyphened_particle(t, len, p))
				break;
			p++;
			continue;
		}
		/* "Kaspi.kz", "Booking.com": a name and its web domain */
		if (cp == '.' && (n = domain_at(t, len, p)) > 0 &&
		    t[start] >= 'A' && t[start] <= 'Z') {
			p += n;
			break;
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

/* English prefixes of up to three letters joined by a hyphen to a name
 * or a month: "mid-January", "pre-Covid", "pro-Kremlin", "ex-Soviet",
 * "non-EU" are no names (wt-h15read). */
static int
english_prefix(const char *w, size_t n)
{
	static const char *const pre[] = { "mid", "pre", "pro", "non", "ex",
	    "un", "re", "co", "sub", "neo", "mis", "out", "all", "bi", "tri",
	    NULL };
	size_t i;

	for (i = 0; pre[i] != NULL; i++) {
		if (strlen(pre[i]) == n && memcmp(pre[i], w, n) == 0)
			return 1;
	}
	return 0;
}

/* "al-Rashid", "el-Amin", "bin-Salman": a lower-case particle joined by
 * a hyphen to a capitalised name is a capitalised word. */
static int
particle_name(const struct ctx *x, const struct tok *k)
{
	size_t p;

	size_t a;

	for (p = k->s; p < k->e && p < k->s + 4 && x->t[p] >= 'a' &&
	    x->t[p] <= 'z'; p++)
		;
	if (p == k->s || p + 1 >= k->e)
		return 0;
	/* "d'Ivoire", "l’Aquila": an elided article */
	a = x->t[p] == '-' ? 1 : p == k->s + 1 ? apostrophe_at(x->t, x->len,
	    p) : 0;
	return a > 0 && p + a < k->e && x->t[p + a] >= 'A' &&
	    x->t[p + a] <= 'Z' && !(a == 1 && english_prefix(x->t + k->s,
	    p - k->s));
}

/*
 * Where the gap of blanks, quotation marks and dashes before the word at
 * s begins, and (*nl) how many line breaks it holds, up to 2.
 */
static size_t
gap_before(const char *t, size_t s, size_t *nl)
{
	size_t p = s;

	*nl = 0;
	while (p > 0) {
		unsigned char c = (unsigned char)t[p - 1];

		if (c == '\n') {
			if (++*nl >= 2)
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
	return p;
}

int
ent_para_at(const char *text, size_t len, size_t pos)
{
	size_t nl, n;
	uint32_t cp;

	for (; pos < len; pos += n) {
		n = utf8_decode_lossy(text + pos, len - pos, &cp);
		if (utf8_is_word(cp))
			break;
	}
	return pos >= len || gap_before(text, pos, &nl) == 0 || nl >= 2;
}

/* "I'm", "We're", "You've", "They'll", "I'd": a pronoun and its verb,
 * capitalised at a sentence start but never a name. */
static int
pronoun_contraction(const struct ctx *x, const struct tok *k)
{
	static const char *const pronouns[] = { "I", "We", "You", "They",
	    "He", "She", "It", "That", "There", "Who", "What", NULL };
	static const char *const verbs[] = { "m", "re", "ve", "ll", "d",
	    NULL };
	size_t p, a, i;

	for (p = k->s; p < k->e && (apostrophe_at(x->t, x->len, p)) == 0;
	    p++)
		;
	if (p >= k->e || (a = apostrophe_at(x->t, x->len, p)) == 0)
		return 0;
	for (i = 0; pronouns[i] != NULL; i++) {
		if (p - k->s == strlen(pronouns[i]) &&
		    memcmp(x->t + k->s, pronouns[i], p - k->s) == 0)
			break;
	}
	if (pronouns[i] == NULL)
		return 0;
	for (i = 0; verbs[i] != NULL; i++) {
		if (k->e - p - a == strlen(verbs[i]) &&
		    memcmp(x->t + p + a, verbs[i], k->e - p - a) == 0)
			return 1;
	}
	return 0;
}

/* Does the gap [p, s) before a word end in an opening quote mark, right
 * before the word (", “), not a closing one and a blank? */
static int
opening_mark(const char *t, size_t p, size_t s)
{
	return (s > p && t[s - 1] == '"') || (s >= p + 3 &&
	    memcmp(t + s - 3, "\xe2\x80\x9c", 3) == 0);
}

/*
 * The tokenizer's fast path (most words of a news text are ASCII
 * letters and digits alone): the bytes by class, C_DIGIT, C_UPPER,
 * C_LOWER (C_LETTER | 4) for the bytes of such a word, C_JOIN for the
 * four that word_end may read on past (' - & .) and for every byte of
 * a multi-byte sequence, 0 for the rest, which end a word for certain.
 */
#define C_DIGIT		1u
#define C_LETTER	2u
#define C_UPPER		C_LETTER
#define C_LOWER		(C_LETTER | 4u)
#define C_JOIN		8u
#define D_		C_DIGIT
#define U_		C_UPPER
#define L_		C_LOWER
#define J_		C_JOIN
#define J16_		J_, J_, J_, J_, J_, J_, J_, J_, \
			J_, J_, J_, J_, J_, J_, J_, J_
static const unsigned char byte_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* 00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* 10 */
	0, 0, 0, 0, 0, 0, J_, J_, 0, 0, 0, 0, 0, J_, J_, 0,	/* 20 &'-. */
	D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, 0, 0, 0, 0, 0, 0, /* 30 0-9 */
	0, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, /* 40 */
	U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, 0, 0, 0, 0, 0, /* 50 */
	0, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, /* 60 */
	L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0, 0, 0, 0, 0, /* 70 */
	J16_, J16_, J16_, J16_, J16_, J16_, J16_, J16_,	/* 80-ff */
};
#undef D_
#undef U_
#undef L_
#undef J_
#undef J16_

/* "19:35 At Kralj's office": does a clock time that opens a paragraph
 * (a live blog's entry) end one space before s?  The word at s then
 * opens the entry's first sentence. */
static int
after_entry_time(const char *t, size_t s)
{
	size_t p = s - 1, d = 0, nl;

	while (p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9' && d < 2)
		p--, d++;
	if (d != 2 || p < 2 || (t[p - 1] != ':' && t[p - 1] != '.'))
		return 0;
	for (p--, d = 0; p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9' &&
	    d < 2; p--, d++)
		;
	if (d == 0)
		return 0;
	p = gap_before(t, p, &nl);
	return p == 0 || nl >= 2;
}

/* Sentence and paragraph starts: look back over the gap before k. */
static void
tok_start_flags(struct ctx *x, struct tok *k)
{
	size_t p, nl;

	/* (most words: one space after a letter or digit, no start) */
	if (k->s >= 2 && x->t[k->s - 1] == ' ' &&
	    (byte_class[(unsigned char)x->t[k->s - 2]] & (C_DIGIT | C_LETTER))) {
		if ((byte_class[(unsigned char)x->t[k->s - 2]] & C_DIGIT) &&
		    after_entry_time(x->t, k->s))
			k->f |= T_SENT;
		return;
	}
	p = gap_before(x->t, k->s, &nl);
	if (p == 0 || nl >= 2)
		k->f |= T_PARA | T_SENT;
	else if (x->t[p - 1] == '.' || x->t[p - 1] == '!' ||
	    x->t[p - 1] == '?' || x->t[p - 1] == ':' || x->t[p - 1] == ';') {
		if (x->ntok == 0 || !(x->tok[x->ntok - 1].f & T_ABBR) ||
		    x->tok[x->ntok - 1].e != p)
			k->f |= T_SENT;
	} else if (x->t[p - 1] == ',' && k->e + 1 < x->len &&
	    x->t[k->e] == ' ' && x->t[k->e + 1] >= 'a' &&
	    x->t[k->e + 1] <= 'z' && opening_mark(x->t, p, k->s))
		k->f |= T_SENT;	/* she said, "Salt is ..." (not "The Salt
				 * Weighers", a title) */
}

static void
tok_flags(struct ctx *x, struct tok *k)
{
	size_t p = k->s, n;
	uint32_t cp;
	unsigned upper = 0, letters = 0, lower = 0;

	n = utf8_decode_lossy(x->t + p, x->len - p, &cp);
	/* "ʻAna", "ʼEli": a name may open with a modifier letter (the
	 * okina U+02BB, the apostrophe letter U+02BC): its case is the
	 * next letter's */
	if ((cp == 0x2bb || cp == 0x2bc) && p + n < k->e)
		utf8_decode_lossy(x->t + p + n, x->len - p - n, &cp);
	if (utf8_is_upper(cp) || utf8_is_title(cp) || particle_name(x, k))
		k->f |= T_CAP;
	else if (utf8_is_lower(cp))
		k->f |= T_LOWER;
	else if (utf8_is_letter(cp))
		k->f |= T_NOCASE;
	for (; p < k->e; p += n) {
		unsigned char c = (unsigned char)x->t[p];

		if (c < 0x80) {		/* (the same, without the calls) */
			n = 1;
			if (c >= '0' && c <= '9')
				k->f |= T_DIGIT;
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				letters++;
				if (c <= 'Z')
					upper++;
				else
					lower++;
			}
			continue;
		}
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
	if ((k->f & T_CAP) && pronoun_contraction(x, k))
		k->f = (k->f & ~(T_CAP | T_ALLCAP)) | T_LOWER;
	tok_start_flags(x, k);
}


/*
 * A word of ASCII letters and digits alone at p (an ASCII letter or
 * digit), ended by an ASCII byte that is none of word_end's four
 * joiners (or by a period after two bytes or more), or by the text's
 * end: its end in k->e and the flags tok_flags gives it apart from the
 * gap's (no modifier letter, no particle, no contraction: those need
 * bytes it has none of), 1.  Otherwise 0, and word_end and tok_flags
 * read the word.  One pass over the bytes where there were two, a
 * table load a byte.
 */
static int
ascii_token(const char *t, size_t len, size_t p, struct tok *k)
{
	size_t q = p, i, letters;
	unsigned cl, any = 0;

	while (q < len && ((cl = byte_class[(unsigned char)t[q]]) &
	    (C_DIGIT | C_LETTER))) {
		any |= cl;
		q++;
	}
	/* (word_end joins a period only after a word of one, "U.S.") */
	if (q < len && (byte_class[(unsigned char)t[q]] & C_JOIN)) {
		if (t[q] != '.' || q - p < 2)
			return 0;
		/* "Kaspi.kz" (a capital first: a period after a name) */
		if (byte_class[(unsigned char)t[p]] == C_UPPER)
			q += domain_at(t, len, q);
	}
	k->e = q;
	cl = byte_class[(unsigned char)t[p]];
	k->f = cl == C_UPPER ? T_CAP : cl == C_LOWER ? T_LOWER : 0;
	if (any & C_DIGIT)
		k->f |= T_DIGIT;
	if ((any & C_LOWER) != C_LOWER) {	/* (rare: count the letters) */
		for (i = p, letters = 0; i < q; i++)
			letters += (byte_class[(unsigned char)t[i]] &
			    C_LETTER) != 0;
		if (letters >= 2)
			k->f |= T_ALLCAP;
	}
	return 1;
}

/* Does the token, with its period, end in a listed abbreviation? */
static inline int
abbr_period(struct ctx *x, size_t s, size_t e)
{
	uint32_t cp;

	if (e >= x->len || x->t[e] != '.')
		return 0;
	utf8_decode_lossy(x->t + s, x->len - s, &cp);
	if (e - s == 1 && utf8_is_upper(cp))
		return 1;	/* an initial */
	return lists_key(x, x->t + s, e - s + 1) != 0;
}

/* joined's answer from the bytes (i + 1 < ntok). */
static int
gap_joins(const struct ctx *x, size_t i)
{
	size_t p, nl = 0;

	p = x->tok[i].e;
	if (x->tok[i + 1].s == p + 1)	/* (most gaps: one blank or not) */
		return x->t[p] == ' ' || x->t[p] == '\n' || x->t[p] == '\t' ||
		    x->t[p] == '\r';
	for (; p < x->tok[i + 1].s; p++) {
		char c = x->t[p];

		if (c == '\n') {
			if (++nl > 1)
				return 0;
		} else if (c != ' ' && c != '\t' && c != '\r')
			return 0;
	}
	return p > x->tok[i].e;
}

/*
 * Tokenize from p (a line start after a blank line, or 0) until the
 * first word at or past until and more words after it, if the text
 * goes on (more: 0 stops at until).
 */
static void
tokenize(struct ctx *x, size_t p, size_t until, size_t more)
{
	size_t cap = 0, n, after = 0;
	uint32_t cp;

	while (p < x->len) {
		struct tok k;
		unsigned char c = (unsigned char)x->t[p];
		int dotted;

		if (c < 0x80) {
			if (!ascii_word(c)) {
				p++;
				continue;
			}
			cp = c;
		} else {
			n = utf8_decode_lossy(x->t + p, x->len - p, &cp);
			if (!utf8_is_word(cp)) {
				p += n;
				continue;
			}
		}
		if (p >= until && after++ >= more)
			break;
		/* the "s" of a possessive ("People's") is no word */
		if ((cp == 's' || cp == 'S') && x->ntok > 0 &&
		    !utf8_word_at(x->t, x->len, p + 1) &&
		    apostrophe_at(x->t, x->len, x->tok[x->ntok - 1].e) ==
		    p - x->tok[x->ntok - 1].e) {
			p++;
			continue;
		}
		k.s = p;
		k.lists = 0;
		if (cp < 0x80 && ascii_token(x->t, x->len, p, &k)) {
			/* (a period after it adds no flag of its letters) */
			if (abbr_period(x, k.s, k.e))
				k.e++, k.f |= T_ABBR;
			tok_start_flags(x, &k);
		} else {
			k.e = word_end(x->t, x->len, p, &dotted);
			k.f = 0;
			if (dotted && k.e < x->len && x->t[k.e] == '.')
				k.e++, k.f |= T_ABBR;
			else if (abbr_period(x, k.s, k.e))
				k.e++, k.f |= T_ABBR;
			tok_flags(x, &k);
		}
		if (x->ntok == cap) {
			cap = cap ? cap * 2 : 1024;
			x->tok = xreallocarray(x->tok, cap, sizeof *x->tok);
		}
		x->tok[x->ntok++] = k;
		if (x->ntok > 1 && gap_joins(x, x->ntok - 2))
			x->tok[x->ntok - 2].f |= T_JOINED;
		if (x->ntok > 1 && k.s == x->tok[x->ntok - 2].e + 1 &&
		    x->t[k.s - 1] == ' ')
			x->tok[x->ntok - 2].f |= T_SPACE;
		p = k.e;
	}
}

/* Only blanks and at most one line break between tokens i and i+1? */
static inline int
joined(const struct ctx *x, size_t i)
{
	/* (asked some 600,000 times a MB, of the words around every
	 * capitalised one: the tokenizer answers it once a word) */
	return i + 1 < x->ntok && (x->tok[i].f & T_JOINED);
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
		if (!(x->tok[k].f & T_SPACE))	/* (the tokenizer's) */
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

#define NAME_LISTS	(L(GIVEN) | L(SURNAME) | L(PERSON) | L(PLACE) | \
			 L(ORG) | L(TITLE) | L(NATIONALITY) | L(STOP) | \
			 L(CALENDAR) | L(NOT_ENTITY))

/*
 * An unlisted double name k[0, n), "Lars-Erik", "Anne-Sophie" (two given
 * names: a given name of the first one's sex), "Hyun-woo" (syllables) or
 * "Mensah-Boateng" (a surname after the hyphen: a surname): its lists,
 * or 0.
 */
static unsigned
hyphened_name(const struct ctx *x, const char *k, size_t n)
{
	const char *h = memchr(k, '-', n);
	unsigned a, b;

	if (h == NULL || h == k || h + 1 >= k + n || memchr(h + 1, '-',
	    (size_t)(k + n - h - 1)) != NULL || memchr(k, ' ', n) != NULL)
		return 0;
	/* "Hyun-woo", "Mei-ling": a romanised given name (the words
	 * joined so are syllables, not "Co-op") */
	if (h[1] >= 'a' && h[1] <= 'z' && n >= 6)
		return L(GIVEN);
	b = rules_word_lists(x->r, h + 1, (size_t)(k + n - h - 1));
	if (!(b & (L(GIVEN) | L(SURNAME))))
		return 0;
	a = rules_word_lists(x->r, k, (size_t)(h - k));
	if ((a & L(GIVEN)) && (b & L(GIVEN)))
		return a & (L(GIVEN) | L(GIVEN_FEMALE) | L(GIVEN_MALE));
	if ((b & L(SURNAME)) && (a & (L(GIVEN) | L(SURNAME))))
		return L(SURNAME);
	return 0;
}

/* An unlisted one-word name with accents that the name lists know
 * without them ("Martín", "Mónica", "Héctor"): those lists, or 0. */
static unsigned
accentless_name(const struct ctx *x, const char *k, size_t n)
{
	unsigned l = 0;
	size_t i, m;
	char *bare;

	for (i = 0; i < n && (unsigned char)k[i] < 0x80; i++)
		;
	if (i == n || memchr(k, ' ', n) != NULL)
		return 0;
	bare = utf8_strip_accents(k, n, &m);
	if (m != n)	/* (an accent was dropped) */
		l = rules_word_lists(x->r, bare, m) & (L(GIVEN) |
		    L(GIVEN_FEMALE) | L(GIVEN_MALE) | L(SURNAME));
	free(bare);
	return l;
}

/*
 * Is k[0, n) a demonym of a country or first-level region no list
 * gives: "Tongan" (Tonga), "Oaxacan", "Texan" (Texas), "Brazilian",
 * "Canadian" (Canada), "Nepalese"?  (Not "-i": "Mutai", "Marais".)  Only a polity that is no
 * common word or given name (rules_is_polity) makes one.
 */
static int
demonym(const struct ctx *x, const char *k, size_t n)
{
	/* the suffix, what the stem gains back, must the stem end in a */
	static const struct { const char *suf, *add; int a; } d[] = {
		{ "n", "", 1 }, { "n", "s", 1 }, { "ian", "", 0 },
		{ "ian", "a", 0 }, { "an", "", 0 }, { "ese", "", 0 },
	};
	char b[KEYBUF];
	size_t q, ls, la, m;

	for (q = 0; q < sizeof d / sizeof d[0]; q++) {
		ls = strlen(d[q].suf);
		la = strlen(d[q].add);
		if (n < ls + 4 || n - ls + la >= KEYBUF ||
		    memcmp(k + n - ls, d[q].suf, ls) != 0)
			continue;
		m = n - ls;
		if (d[q].a && k[m - 1] != 'a')
			continue;
		memcpy(b, k, m);
		memcpy(b + m, d[q].add, la);
		m += la;
		if (rules_is_polity(x->r, b, m))
			return 1;
	}
	return 0;
}

/* "co-leader", "vice-chair", "ex-minister", "deputy-mayor": a title
 * after a prefix joined by a hyphen is a title, not a romanised given
 * name like "Hyun-woo" (per distinct word). */
static unsigned
prefixed_title(const struct ctx *x, const char *k, size_t n)
{
	static const char *const prefixes[] = { "co-", "vice-", "ex-",
	    "deputy-", "acting-", "former-", NULL };
	const char *const *p;
	size_t m;

	for (p = prefixes; *p != NULL; p++) {
		m = strlen(*p);
		if (n > m + 2 && memcmp(k, *p, m) == 0 &&
		    (rules_word_lists(x->r, k + m, n - m) & L(TITLE)))
			return L(TITLE);
	}
	return 0;
}

/*
 * The lists of a word no list knows, made from a word they know: a
 * demonym ("Tongan", "Tongans") or a nationality's man or woman
 * ("Irishman", "Frenchwomen") is a nationality word, never a name; the
 * plural of a title ("Councilmembers", "Senators") is a title.  Work per
 * distinct word of a document, never per byte.
 */
static unsigned
derived_lists(const struct ctx *x, const char *k, size_t n)
{
	static const char *const man[] = { "man", "men", "woman", "women" };
	size_t q, m;

	if (n < 5 || memchr(k, ' ', n) != NULL || memchr(k, '-', n) != NULL)
		return 0;
	if (demonym(x, k, n) || (k[n - 1] == 's' && demonym(x, k, n - 1)))
		return L(NATIONALITY);
	for (q = 0; q < sizeof man / sizeof man[0]; q++) {
		m = strlen(man[q]);
		if (n > m + 3 && memcmp(k + n - m, man[q], m) == 0 &&
		    (rules_word_lists(x->r, k, n - m) & L(NATIONALITY)))
			return L(NATIONALITY);
	}
	/* (capitalised, and not "Kings", "Chiefs": a short title's plural
	 * names clubs and places) */
	if (n >= 7 && k[0] >= 'A' && k[0] <= 'Z' && k[n - 1] == 's' &&
	    (rules_word_lists(x->r, k, n - 1) & L(TITLE)))
		return L(TITLE);
	return 0;
}

/*
 * The lists holding k[0, n), remembered for the document: the same few
 * names are looked up again and again, and a gazetteer lookup is a
 * binary search.
 */
static unsigned
lists_key_flags(const struct ctx *x, const char *k, size_t n)
{
	unsigned *v = strmap_add(x->lists, k, n);
	char buf[KEYBUF];
	size_t i, o = 0;

	if (*v & LISTS_KNOWN)
		return *v;
	/* the lists write "Côte d'Ivoire" with a straight apostrophe */
	if (n < KEYBUF && memchr(k, 0xe2, n) != NULL) {
		for (i = 0; i < n; i++) {
			if (i + 2 < n && apostrophe_at(k, n, i) == 3) {
				buf[o++] = '\'';
				i += 2;
			} else
				buf[o++] = k[i];
		}
		if (o < n)
			k = buf, n = o;
	}
	*v = rules_lists_of(x->r, k, n) | LISTS_KNOWN |
	    (memchr(k, ' ', n) == NULL && rules_place_starts(x->r, k, n) ?
	    LISTS_STARTS : 0);
	if (!(*v & NAME_LISTS))
		*v |= prefixed_title(x, k, n);
	if (!(*v & NAME_LISTS))
		*v |= hyphened_name(x, k, n) | accentless_name(x, k, n);
	if (!(*v & (NAME_LISTS | L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD))))
		*v |= derived_lists(x, k, n);
	return *v;
}

static unsigned
lists_key(const struct ctx *x, const char *k, size_t n)
{
	return lists_key_flags(x, k, n) & ~(LISTS_KNOWN | LISTS_STARTS);
}

/* Does word i start a gazetteer name of several words? */
static int
starts_place(const struct ctx *x, size_t i)
{
	(void)lists_of(x, i, i + 1);
	return (x->tok[i].lists & LISTS_STARTS) != 0;
}

/* lists_of for words i..j-1, j > i + 1. */
static unsigned
lists_of_span(const struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	size_t n;

	k = key_of(x, i, j, buf, &n);
	/* several words: the gazetteer only if its first word starts a
	 * name there ("New" ... "New York"), else the word lists alone */
	if (!starts_place(x, i))
		return rules_word_lists(x->r, k, n);
	return lists_key(x, k, n);
}

static unsigned
lists_of(const struct ctx *x, size_t i, size_t j)
{
	/* one word: remembered in the token itself */
	if (j == i + 1) {
		struct tok *t = &x->tok[i];

		if (!(t->lists & LISTS_KNOWN))
			t->lists = lists_key_flags(x, x->t + t->s, t->e - t->s);
		return t->lists & ~(LISTS_KNOWN | LISTS_STARTS);
	}
	if (x->spans != NULL && j > i && j < UINT32_MAX) {
		struct span_lists *sp = &x->spans[(i * 16 + (j - i)) %
		    SPAN_SLOTS];

		if (sp->i != i || sp->j != j) {
			sp->lists = lists_of_span(x, i, j);
			sp->i = (uint32_t)i;
			sp->j = (uint32_t)j;
		}
		return sp->lists;
	}
	return lists_of_span(x, i, j);
}

/* Words i..j-1 in title case ("WARSAW" -> "Warsaw") into b2 (KEYBUF
 * bytes), its length in *o; 0 if too long. */
static int
titlecase_key(const struct ctx *x, size_t i, size_t j, char *b2, size_t *o)
{
	char buf[KEYBUF];
	const char *k;
	size_t n, m, len;
	uint32_t cp;
	int first = 1;

	*o = 0;
	k = key_of(x, i, j, buf, &n);
	if (n >= KEYBUF)
		return 0;
	for (m = 0; m < n; m += len) {
		len = utf8_decode_lossy(k + m, n - m, &cp);
		if (*o + 4 > KEYBUF)
			return 0;
		if (cp == 0xfffd && len == 1)
			b2[(*o)++] = k[m];
		else
			*o += utf8_encode(first ? cp : utf8_tolower(cp),
			    b2 + *o);
		first = cp == ' ' || cp == '-';
	}
	return 1;
}

/* An all-capitals word (WARSAW) looked up as Warsaw. */
static unsigned
lists_of_titlecase(const struct ctx *x, size_t i, size_t j)
{
	char b2[KEYBUF];
	size_t o;

	return titlecase_key(x, i, j, b2, &o) ? lists_key(x, b2, o) : 0;
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

static inline int
tok_is(const struct ctx *x, size_t i, const char *w)
{
	size_t n;

	/* the first letter first: most words are not w */
	if (i >= x->ntok || x->t[x->tok[i].s] != w[0])
		return 0;
	n = strlen(w);
	return x->tok[i].e - x->tok[i].s == n &&
	    memcmp(x->t + x->tok[i].s, w, n) == 0;
}

/* Word i with its first letter in lower case, into buf[64 + 4]: its
 * length, or 0 if it does not start with a capital. */
static size_t
lower_first(const struct ctx *x, size_t i, char *buf)
{
	const char *w = x->t + x->tok[i].s;
	size_t n = x->tok[i].e - x->tok[i].s, k, lk;
	uint32_t cp;

	if (n >= 64 || (x->tok[i].f & T_ALLCAP))
		return 0;
	if ((k = utf8_decode(w, n, &cp)) == 0 || !utf8_is_upper(cp))
		return 0;
	lk = utf8_encode(utf8_tolower(cp), buf);
	memcpy(buf + lk, w + k, n - k);
	return n - k + lk;
}

/* Has the word i been seen starting lower-case (so it is a common word)? */
static int
common_word(const struct ctx *x, size_t i)
{
	char buf[64 + 4];
	size_t n = lower_first(x, i, buf);
	struct vote *v;

	v = n > 0 ? vote_get(x, buf, n) : NULL;
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
static int word_in(const struct ctx *, size_t, const char *const *);

/* Words that end a football club's name after its town. */
static const char *const club_words[] = { "United", "Rovers", "Wanderers",
    "Athletic", "Albion", "Hotspur", "Rangers", "Argyle", "City", NULL };

static void
org_alias(struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	size_t n, e = j;

	/* without its organisation words and a country ("Aviva Ireland"),
	 * or the event word that a company may end in ("X Games"), or a
	 * club's word after a town no list knows ("Kingsmere United": not
	 * City, "X City" may be the town) */
	while (e > i + 1 && ((lists_of(x, e - 1, e) & (L(ORG_WORD) |
	    L(PLACE) | L(EVENT_WORD))) || (word_in(x, e - 1, club_words) &&
	    !tok_is(x, e - 1, "City"))))
		e--;
	/* "Hanbit Display ... Hanbit will": a company of two words, the
	 * first one no list knows (and longer than "La", "Bow"), named by
	 * it alone (wt-h12read) */
	if (e == j && j - i == 2 && !(x->tok[i].f & (T_LOWER | T_ALLCAP)) &&
	    x->tok[i].e - x->tok[i].s > 3 && lists_of(x, i, i + 1) == 0) {
		vote_add(x, x->t + x->tok[i].s, x->tok[i].e -
		    x->tok[i].s)->v[V_ORG] += 4;
		return;
	}
	if (e == j || (x->tok[e - 1].f & T_LOWER) || lists_of(x, i, e) != 0)
		return;
	k = key_of(x, i, e, buf, &n);
	vote_add(x, k, n)->v[V_ORG] += 10;
}

/* "By INÊS CARVALHO ... Carvalho's own favourite", "MUREȘAN:": a
 * surname written in capitals (a byline, a transcript's label) is voted
 * in title case too. */
static void
caps_surname_vote(struct ctx *x, size_t f)
{
	char buf[KEYBUF];
	size_t n;
	struct vote *v;

	if (!titlecase_key(x, f, f + 1, buf, &n))
		return;
	v = vote_add(x, buf, n);
	v->v[V_PERSON] += 2;
	v->sur = 1;
}

/* A person's surname alone refers to the person later on: vote for
 * words f..j-1 (the surname with its particles: "da Costa", "Da Costa"). */
static void
surname_vote(struct ctx *x, size_t f, size_t j)
{
	struct vote *v;

	v = vote_add(x, x->t + x->tok[f].s, x->tok[j - 1].e - x->tok[f].s);
	v->v[V_PERSON] += 2;
	v->sur = 1;
	if (f + 1 == j && (x->tok[f].f & T_ALLCAP))
		caps_surname_vote(x, f);
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

/*
 * The end of a company's legal form written in lower case after the
 * organisation name ending at byte e ("Carrow Mutual plc", "Hrafn
 * Compute ehf.", "Odra Power sp. z o.o.", "Fjord Cargo A/S"), or e if
 * none follows.
 */
static size_t
legal_tail(const struct ctx *x, size_t e)
{
	static const char *const forms[] = { " plc", " ehf.", " hf.",
	    " sp. z o.o.", " s.r.o.", " a.s.", " d.o.o.", " s.a.", " e.V.",
	    " sp.j.", " gGmbH",
	    /* Danish and Norwegian forms with a slash or a small
	     * letter inside (wt-h15read) */
	    " A/S", " ApS", " I/S", " K/S", " P/S", " a/s", NULL };
	/* "Hanbit Mobility Co., Ltd.", "Acme, Inc.": a form after a comma */
	static const char *const comma_forms[] = { ", Ltd.", ", Inc.",
	    ", LLC", ", Ltd", ", Inc", NULL };
	const char *const *f;
	size_t n;

	if (e + 4 < x->len && x->t[e] == ',' && x->t[e + 1] == ' ' &&
	    (x->t[e + 2] == 'L' || x->t[e + 2] == 'I')) {
		for (f = comma_forms; *f != NULL; f++) {
			n = strlen(*f);
			if (e + n <= x->len && memcmp(x->t + e, *f, n) == 0 &&
			    !utf8_word_at(x->t, x->len, e + n))
				return e + n;
		}
		return e;
	}
	/* (most names are followed by no lower-case word at all) */
	if (e + 3 >= x->len || x->t[e] != ' ' ||
	    !byte_in("pehsadgAIKP", x->t[e + 1]) ||
	    !byte_in("lhf.pG/", x->t[e + 2]))
		return e;
	for (f = forms; *f != NULL; f++) {
		n = strlen(*f);
		if (e + n <= x->len && memcmp(x->t + e, *f, n) == 0 &&
		    (e + n == x->len || !utf8_word_at(x->t, x->len, e + n) ||
		    (*f)[n - 1] == '.'))
			return e + n;
	}
	return e;
}

/*
 * "the U.S. Federal Reserve", "the US Supreme Court", "BBC Scotland",
 * "Amnesty International UK": a country's short name before an
 * organisation, or a nation of the UK after it, is inside its name
 * (issue 14 item 7, the longest name).  Two word compares per
 * organisation mention, no more.
 */
static int prep_before(const struct ctx *, size_t, int);
static void full_name_of_last(struct ctx *, size_t, size_t);
static int and_the_goes_on(const struct ctx *, size_t, size_t);

static void
org_country(const struct ctx *x, size_t *i, size_t *j)
{
	static const char *const before[] = { "U.S.", "US", "UK", "U.K.",
	    "EU", NULL };
	static const char *const after[] = { "Scotland", "Wales", "England",
	    "UK", "Ireland", NULL };

	if (*i > 0 && x->tok[*i - 1].e + 1 == x->tok[*i].s &&
	    x->t[x->tok[*i - 1].e] == ' ' && word_in(x, *i - 1, before) &&
	    !(x->tok[*i].f & T_ALLCAP) && !prep_before(x, *i - 1, 1))
		(*i)--;
	if (*j < x->ntok && x->tok[*j - 1].e + 1 == x->tok[*j].s &&
	    x->t[x->tok[*j - 1].e] == ' ' && word_in(x, *j, after) &&
	    (*j + 1 >= x->ntok || !joined(x, *j) ||
	    !(x->tok[*j + 1].f & T_CAP)))
		(*j)++;
}

/*
 * Words i..j-1 are a mention of type; pass 1 votes, pass 2 emits.
 * strong: 0 a guess, 1 a list or a name's shape says so, 2 the words
 * around it do (kept where the document votes otherwise).
 */
/* A person's name of two words whose first no list knows ("Tharindu
 * Silva"): that word alone is the person later. */
static int
unknown_given(const struct ctx *x, size_t i, size_t j)
{
	return j - i == 2 && lists_of(x, i, i + 1) == 0 &&
	    !(x->tok[i].f & (T_ALLCAP | T_ABBR | T_DIGIT));
}

/* Is word i of a person's name of two a family name written first that
 * a list knows only as a place, the given name after it unknown to every
 * list ("Nagahama Teruki")? */
static int
first_family(const struct ctx *x, size_t i)
{
	return (lists_of(x, i, i + 1) & ~(L(PLACE) | L(PLACE_WORD))) == 0 &&
	    (lists_of(x, i, i + 1) & L(PLACE)) &&
	    lists_of(x, i + 1, i + 2) == 0 &&
	    !(x->tok[i + 1].f & (T_ALLCAP | T_ABBR | T_DIGIT));
}

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
		size_t e;

		if (type == ENT_ORG)
			org_country(x, &i, &j);
		e = x->tok[j - 1].e;

		/* "he wrote on X.": the period ends the sentence */
		if (j - i == 1 && (x->tok[i].f & T_ABBR) && e - x->tok[i].s == 2)
			e--;
		cand_add(x, x->tok[i].s, type == ENT_ORG ? legal_tail(x, e) :
		    e, type,
		    strong > 1 ? PRIO_LOCAL : strong ? PRIO_STRONG :
		    PRIO_GUESS);
		return;
	}
	k = key_of(x, i, j, buf, &n);
	v = vote_add(x, k, n);
	/* One word that was the surname of a person named before is that
	 * person, even if a list knows it as a place ("Ximena Lagos ...
	 * Lagos said"), unless the words around say place. */
	if (type == ENT_PLACE && j - i == 1 && v->sur && strong < 2)
		type = ENT_PERSON;
	v->v[type_to_vote(type)] += strong ? 3 : 1;
	/* a person by the words around one mention: its surname alone
	 * follows the name's vote (pair_person), and so does a given name
	 * no list knows ("Delroy" after "Delroy Campbell-Asare, later a
	 * principal"; wt-h9read) */
	if (type == ENT_PERSON && !strong) {
		full_name_of_last(x, i, j);
		/* "Tevita Mahe, 46, ... Mahe said": a surname that a
		 * list knows only as a town is still the person's
		 * (wt-h15read) */
		if (j - i >= 2 && j - i <= 4 &&
		    lists_of(x, j - 1, j) == L(PLACE) &&
		    !(x->tok[j - 1].f & (T_LOWER | T_ALLCAP)))
			surname_vote(x, j - 1, j);
		if (unknown_given(x, i, j))
			vote_add(x, x->t + x->tok[i].s, x->tok[i].e -
			    x->tok[i].s)->v[V_PERSON] += 1;
	}
	/* "Nagahama Teruki ... Nagahama said": a family name written
	 * first that a list knows only as a town, before a word no list
	 * knows, may stand for the person alone */
	if (type == ENT_PERSON && j - i == 2 && first_family(x, i))
		vote_add(x, x->t + x->tok[i].s, x->tok[i].e -
		    x->tok[i].s)->sur = 1;
	/* "Brightwater Capital Inc." is "Brightwater" later on. */
	if (type == ENT_ORG && strong && j - i >= 2)
		org_alias(x, i, j);
	if (type == ENT_PERSON && j - i >= 2 && strong &&
	    !(x->tok[j - 1].f & T_ABBR)) {
		size_t f = j - 1;

		while (f > i + 1 && (x->tok[f - 1].f & T_LOWER))
			f--;
		/* "Luíza Bandeira de Mello" is "Bandeira de Mello" later
		 * on (but "Juan Carlos de la Rosa" is "de la Rosa") */
		if (f > i + 1 && f < j - 1 && (x->tok[f].f & T_LOWER) &&
		    (x->tok[f - 1].f & T_CAP) &&
		    !(lists_of(x, f - 1, f) & L(GIVEN)))
			f--;
		surname_vote(x, key_of(x, f, j, buf, &n) == buf ? j - 1 : f, j);
		/* "Zhou Mingyu" is "Zhou" later on */
		if (lists_of(x, i, i + 1) & L(SURNAME_FIRST))
			surname_vote(x, i, i + 1);
		/* "Eszter is usually right": a given name alone, for a
		 * person named in full, unless it names a place too; also
		 * one no list knows ("Tharindu" after "Tharindu Silva") */
		else if ((lists_of(x, i, i + 1) & (L(GIVEN) | L(PLACE) |
		    L(PLACE_WORD) | L(PLACE_PERSON) | L(SURNAME))) == L(GIVEN) ||
		    unknown_given(x, i, j))
			vote_add(x, x->t + x->tok[i].s, x->tok[i].e -
			    x->tok[i].s)->v[V_PERSON] += 1;
	}
}

/* ---- context: what the words around a name say it is ---- */

/* Facility words that make a place only as a name's last word ("the
 * Richard Donald Stand", "the Long Walk"), never as its first ("Stand
 * Down", a campaign group). */
static const char *const tail_facilities[] = { "Stand", "Walk", "Arch",
    "Reef", NULL };

/* Words for a part of a place ("Middle Rhine", "South-East Asia"). */
static const char *const quarters[] = { "North", "South", "East", "West",
    "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
    "Lower", "Middle", "Greater", "Inner", "Outer", "North-East",
    "North-West", "South-East", "South-West", "Northeast", "Northwest",
    "Southeast", "Southwest", "Metro", NULL };

/* Lower-case nouns for a kind of place ("the Nam Dinh province", "the
 * village of Kechries", "Thorisvatn, the reservoir"). */
static const char *const place_nouns[] = { "village", "town", "city",
    "province", "district", "county", "region", "municipality", "river",
    "lake", "island", "islands", "valley", "airport", "port", "harbour",
    "harbor", "bay", "coast", "peninsula", "mountains", "hills", "farm",
    "base", "rainforest", "basin", "delta", "zone", "market", "ward",
    "terminal", "reservoir", "estuary", "suburb", "neighbourhood",
    "neighborhood", "fjord", "glacier", "volcano", "lagoon", "stadium",
    "bathhouse", "square", "borough", "commune", "parish",
    NULL };

/* Is word k (if there, and joined to the word before) w? */
static int
word_is(const struct ctx *x, size_t k, const char *w)
{
	return k > 0 && k < x->ntok && joined(x, k - 1) && tok_is(x, k, w);
}

/* A word's bit in a word_set (n > 0). */
static inline unsigned
word_set_bit(const char *w, size_t n)
{
	return ((unsigned char)w[0] * 37u + (unsigned char)w[n - 1] * 11u +
	    (unsigned)n * 101u) & 255u;
}

/* Could word w[0, n) be one of ws?  0 if certainly not. */
static int
word_set_may(const struct ctx *x, const char *const *ws, const char *w,
    size_t n)
{
	struct word_set *set = NULL;
	const char *const *p;
	unsigned b;
	size_t m, h, i;

	if (x->sets == NULL)
		return 1;
	/* its slot, or the first empty one of four, or the first */
	h = ((uint64_t)(uintptr_t)ws * 0x9e3779b97f4a7c15u) >> 58;
	for (i = 0; i < 4; i++) {
		set = &x->sets[(h + i) % WORD_SETS];
		if (set->ws == ws || set->ws == NULL)
			break;
	}
	if (i == 4)
		set = &x->sets[h];
	if (set->ws != ws) {
		memset(set->bits, 0, sizeof set->bits);
		for (p = ws; *p != NULL; p++) {
			if ((m = strlen(*p)) > 0) {
				b = word_set_bit(*p, m);
				set->bits[b / 64] |= (uint64_t)1 << (b % 64);
			}
		}
		set->ws = ws;
	}
	b = word_set_bit(w, n);
	return (set->bits[b / 64] >> (b % 64)) & 1;
}

/* Is word k one of ws (a NULL-terminated list)? */
static int
word_in(const struct ctx *x, size_t k, const char *const *ws)
{
	const char *w;
	size_t n;

	if (k >= x->ntok)
		return 0;
	/* (the word once, then the first letters: most differ) */
	w = x->t + x->tok[k].s;
	n = x->tok[k].e - x->tok[k].s;
	if (!word_set_may(x, ws, w, n))
		return 0;
	for (; *ws != NULL; ws++) {
		if ((*ws)[0] == w[0] && strncmp(*ws, w, n) == 0 &&
		    (*ws)[n] == '\0')
			return 1;
	}
	return 0;
}

/* Do the bytes right after word j-1 start with s? */
static int
text_after(const struct ctx *x, size_t j, const char *s)
{
	size_t p = x->tok[j - 1].e, n = strlen(s);

	return p + n <= x->len && memcmp(x->t + p, s, n) == 0;
}

/* After word j-1: a possessive ('s, ’s) and a space; the next word's
 * index, or 0. */
static size_t
possessive_after(const struct ctx *x, size_t j)
{
	size_t a;

	if (j >= x->ntok || (a = apostrophe_at(x->t, x->len,
	    x->tok[j - 1].e)) == 0)
		return 0;
	a += x->tok[j - 1].e;
	if (a + 2 > x->len || (x->t[a] != 's' && x->t[a] != 'S') ||
	    x->tok[j].s != a + 2 || x->t[a + 1] != ' ')
		return 0;
	return j;
}

/*
 * Does word k end in an entry of list l (entries written with a leading
 * hyphen when hyphen is set)?  Endings of 2 to 7 letters, leaving at
 * least rest letters before them.
 */
static int
ending_in(const struct ctx *x, size_t k, unsigned l, int hyphen, size_t rest)
{
	char key[64];
	const char *w = x->t + x->tok[k].s;
	size_t n = x->tok[k].e - x->tok[k].s, p = n, chars = 0, total;

	if (n + 2 > sizeof key)
		return 0;
	total = utf8_count(w, n);
	while (p > 0) {
		p = utf8_back(w, p);
		if (++chars < 2)
			continue;
		if (chars > 7 || total < chars + rest)
			break;
		key[0] = '-';
		memcpy(key + 1, w + p, n - p);
		/* straight from the word lists: endings are no places */
		if (rules_word_lists(x->r, hyphen ? key : key + 1,
		    n - p + !!hyphen) & l)
			return 1;
	}
	return 0;
}

/* Does word k end like a family name (-escu, -dóttir, -dze)?  Asked
 * once a word. */
static int
surname_ending(const struct ctx *x, size_t k)
{
	struct tok *t = &x->tok[k];

	if (!(t->f & T_ENDING_KNOWN)) {
		t->f |= T_ENDING_KNOWN;
		if ((t->f & T_CAP) &&
		    rules_list_size(x->r, RL_SURNAME_END) > 0 &&
		    ending_in(x, k, L(SURNAME_END), 1, 2))
			t->f |= T_ENDING;
	}
	return (t->f & T_ENDING) != 0;
}

/* "Ann Roe, 61, of Tamworth, admitted", "Ian Bell, of
 * Redruth,": the "of" at word k opens an appositive after a name or
 * an age, naming where the person lives. */
static int
of_home(const struct ctx *x, size_t k)
{
	const struct tok *b = &x->tok[k - 1];

	if (x->tok[k].s != b->e + 2 || x->t[b->e] != ',')
		return 0;
	if (b->f & T_CAP)
		return 1;
	/* an age: ", 61, of" */
	return (b->f & T_DIGIT) && b->e - b->s <= 3 && b->s >= 2 &&
	    x->t[b->s - 2] == ',' && k >= 2 && (x->tok[k - 2].f & T_CAP);
}

/* "in Kent", "near the Amazon": a place preposition before word i.  The
 * listed places also take "to", "at", "via" ("flew to Victoria"). */
static int
prep_before(const struct ctx *x, size_t i, int listed)
{
	static const char *const preps[] = { "in", "near", "outside",
	    "across", "throughout", "from", "around", "above", "below",
	    "beneath", "overlooking", "toward", "towards", NULL };
	static const char *const opening[] = { "In", "Near", "Outside",
	    "Across", "Throughout", "Around", NULL };
	static const char *const more[] = { "to", "at", "via", "into",
	    "between", NULL };
	/* nouns "of" a town after them makes a place */
	static const char *const place_of[] = { "centre", "center",
	    "outskirts", "suburbs", "mayor", "village", "town", "city",
	    "municipality", "commune", "streets", "residents", "edge", NULL };
	static const char *const compass[] = { "north", "south", "east",
	    "west", "northeast", "northwest", "southeast", "southwest",
	    "north-east", "north-west", "south-east", "south-west", NULL };
	size_t k = i;

	if (k == 0)
		return 0;
	if (tok_is(x, k - 1, "the") && k >= 2)
		k--;
	if (x->tok[k - 1].e + 1 != x->tok[k].s && !joined(x, k - 1))
		return 0;
	/* "In Grindelwald the commune voted" */
	if ((x->tok[k - 1].f & T_SENT) && word_in(x, k - 1, opening))
		return 1;
	/* "west of Arvidsjaur", "the centre of Sânzieni", "the mayor of
	 * Sânzieni" */
	if (k >= 2 && tok_is(x, k - 1, "of") && joined(x, k - 2) &&
	    (word_in(x, k - 2, compass) || word_in(x, k - 2, place_of)))
		return 1;
	if (k >= 2 && k == i && tok_is(x, k - 1, "of") && of_home(x, k - 1))
		return 1;
	return word_in(x, k - 1, preps) || (listed && word_in(x, k - 1,
	    more));
}

/* Is the place (listed, in a gazetteer, or voted) at word k one or two
 * words long? */
static int
place_at(const struct ctx *x, size_t k)
{
	size_t n;

	for (n = 1; n <= 2 && k + n <= x->ntok; n++) {
		if (n == 2 && !joined(x, k))
			break;
		if ((lists_of(x, k, k + n) & (L(PLACE) | L(PLACE_WORD) |
		    L(PLACE_PERSON))) ||
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
	    (x->tok[i - 2].f & T_CAP)) {
		size_t s;

		/* "Femke van der Linden and X": a person's particles */
		if (i >= 3 && (x->tok[i - 3].f & T_LOWER) &&
		    (lists_of(x, i - 3, i - 2) & L(PARTICLE)))
			return 0;
		/* "in Quezon City and Caloocan": the place may be longer */
		for (s = i - 2; s + 3 >= i && (x->tok[s].f & T_CAP); s--) {
			if (s + 2 == i ? place_at(x, s) :
			    (lists_of(x, s, i - 1) & L(PLACE)) ||
			    vote_best(votes_of(x, s, i - 1)) == V_PLACE)
				return 1;
			if (s == 0 || !joined(x, s - 1))
				break;
		}
	}
	return 0;
}

/* "Tokyo-based", "a Lagos-born", "Seoul-headquartered" */
static int
based_after(const struct ctx *x, size_t j)
{
	static const char *const w[] = { "based", "born", "headquartered",
	    "registered", NULL };

	return j < x->ntok && text_after(x, j, "-") &&
	    x->tok[j].s == x->tok[j - 1].e + 1 && word_in(x, j, w);
}

/* "Reading, Pennsylvania", "Savannah, Ga.": a place, a comma, a place. */
static int
comma_place_after(const struct ctx *x, size_t j)
{
	/* "Sânzieni, in Covasna County," (not "a Museum, in X") */
	if (j + 1 < x->ntok && x->tok[j].s == x->tok[j - 1].e + 2 &&
	    tok_is(x, j, "in") && text_after(x, j, ", in ") &&
	    !(lists_of(x, j - 1, j) & (L(ORG_WORD) | L(FAC_WORD) |
	    L(OF_HEAD))) && !common_word(x, j - 1) && joined(x, j) &&
	    (x->tok[j + 1].f & T_CAP) && place_at(x, j + 1) &&
	    !possessive_after(x, j + 2))
		return 1;
	return j < x->ntok && text_after(x, j, ", ") &&
	    x->tok[j].s == x->tok[j - 1].e + 2 && (x->tok[j].f & T_CAP) &&
	    place_at(x, j) && !possessive_after(x, j + 1);
}

/* "Storliden wind farm", "Nam Định province", "the village of Kechries":
 * a lower-case word for a kind of place right after or before. */
static int
place_noun(const struct ctx *x, size_t i, size_t j)
{
	const char *const *nouns = place_nouns;

	if (j < x->ntok && joined(x, j - 1) && (x->tok[j].f & T_LOWER) &&
	    (word_in(x, j, nouns) || (j + 1 < x->ntok && joined(x, j) &&
	    (x->tok[j + 1].f & T_LOWER) && word_in(x, j + 1, nouns))))
		return 1;
	return i >= 2 && tok_is(x, i - 1, "of") && joined(x, i - 1) &&
	    joined(x, i - 2) && word_in(x, i - 2, nouns);
}

/*
 * ", the reservoir that", ", a fifteenth-century bathhouse", ", the
 * country's largest discount broker", ", Iceland's state-owned power
 * company": an appositive after word j-1 whose head (after the, a, an or
 * a possessive name, and up to five lower-case words) is one of nouns.
 * The head's index, or 0.
 */
static size_t
apposed_head(const struct ctx *x, size_t j, const char *const *nouns)
{
	size_t k;

	if (j + 1 >= x->ntok || !text_after(x, j, ", ") ||
	    x->tok[j].s != x->tok[j - 1].e + 2)
		return 0;
	if (!tok_is(x, j, "the") && !tok_is(x, j, "a") &&
	    !tok_is(x, j, "an") && (!possessive_after(x, j + 1) ||
	    !(x->tok[j].f & T_CAP)))
		return 0;
	/* "X, the Tampere studio that": a place's name may qualify the
	 * noun (one capitalised word, right after the article) */
	k = j + 1;
	if (k + 1 < x->ntok && (x->tok[k].f & T_CAP) &&
	    !(x->tok[k].f & T_ALLCAP) && (x->tok[j].f & T_LOWER) &&
	    joined(x, k) && (x->tok[k + 1].f & T_LOWER) &&
	    word_in(x, k + 1, nouns))
		return k + 1;
	for (; k < x->ntok && k <= j + 6 &&
	    (x->tok[k].f & T_LOWER); k++) {
		if (!joined(x, k - 1) && !possessive_after(x, k) &&
		    (x->tok[k].s != x->tok[k - 1].e + 1 ||
		    x->t[x->tok[k - 1].e] != '-'))
			break;	/* (blanks, "'s " or a hyphen before) */
		if (word_in(x, k, nouns))
			return k;
	}
	return 0;
}

/* "Thorisvatn, the reservoir that", "Evia, Greece's second-largest
 * island": an appositive naming a kind of place (not "the port of"). */
static int
place_apposed(const struct ctx *x, size_t j)
{
	size_t k = apposed_head(x, j, place_nouns);

	return k > 0 && (k + 1 >= x->ntok || !joined(x, k) ||
	    !tok_is(x, k + 1, "of"));
}

/*
 * Does the place noun at k end its phrase: "a port.", "a port in the
 * north", "a river port with a sandbar", not "a port official", "a town
 * councillor" (wt-h15read)?
 */
static int
place_noun_ends(const struct ctx *x, size_t k)
{
	static const char *const after[] = { "in", "on", "near", "at",
	    "where", "that", "which", "off", "along", "across", "by", "and",
	    "with", NULL };

	return k + 1 >= x->ntok || !joined(x, k) ||
	    !(x->tok[k + 1].f & T_LOWER) || word_in(x, k + 1, after);
}

/*
 * "X Y, a smaller port in the north", "X Y, the old fishing town.": an
 * appositive whose place noun ends its phrase (not "a port official",
 * "a town councillor"), for a name shaped like a person's (wt-h15read).
 */
static int
place_apposed_alone(const struct ctx *x, size_t j)
{
	size_t k = apposed_head(x, j, place_nouns);

	/* "the city's mayor": the noun owns the head */
	return k > 0 && !possessive_after(x, k + 1) && place_noun_ends(x, k);
}

/* "Picton is a wonderful town.": "is" or "was", "a", at most one more
 * lower-case word, then a place noun ending the phrase (not "is a town
 * councillor"), right after the name ending at word j-1. */
static int
place_predicate(const struct ctx *x, size_t j)
{
	static const char *const be[] = { "is", "was", NULL };
	size_t k;

	if (j + 2 >= x->ntok || !joined(x, j - 1) || !word_in(x, j, be) ||
	    !joined(x, j) || !tok_is(x, j + 1, "a"))
		return 0;
	for (k = j + 2; k < x->ntok && k <= j + 3 && joined(x, k - 1) &&
	    (x->tok[k].f & T_LOWER); k++) {
		/* ("a river port": the last noun) */
		if (word_in(x, k, place_nouns) && (k + 1 >= x->ntok ||
		    !joined(x, k) || !word_in(x, k + 1, place_nouns)))
			return place_noun_ends(x, k);
	}
	return 0;
}

/* The words around i..j-1 say place. */
static int
place_cue(const struct ctx *x, size_t i, size_t j, int listed)
{
	return prep_before(x, i, listed) || based_after(x, j) ||
	    comma_place_after(x, j) || coordinated_place(x, i, j) ||
	    place_noun(x, i, j) || place_apposed(x, j) ||
	    place_predicate(x, j);
}

/* Does a speech verb stand right before word i or right after j-1? */
static int
verb_near(const struct ctx *x, size_t i, size_t j)
{
	static const char *const adverbs[] = { "later", "also", "then",
	    "again", "once", "previously", "earlier", "recently", "has",
	    "had", "have", NULL };

	if (i > 0 && joined(x, i - 1) &&
	    (lists_of(x, i - 1, i) & L(VERB)) && (x->tok[i - 1].f & T_LOWER) &&
	    (j >= x->ntok || !joined(x, j - 1)))
		return 1;
	if (j < x->ntok && joined(x, j - 1) && (lists_of(x, j, j + 1) &
	    L(VERB)) && (x->tok[j].f & T_LOWER))
		return 1;
	/* "Castell later added", "Puig also said" */
	if (j + 1 < x->ntok && joined(x, j - 1) && joined(x, j) &&
	    word_in(x, j, adverbs) && (lists_of(x, j + 1, j + 2) & L(VERB)))
		return 1;
	return 0;
}

/* Nouns only a person is ("a mother of three", "his neighbour"). */
static const char *const person_nouns[] = { "mother", "father", "son",
    "daughter", "wife", "husband", "widow", "widower", "grandmother",
    "grandfather", "sister", "brother", "resident", "teacher", "nurse",
    "student", "farmer", "pensioner", "retiree", "survivor", "fisherman",
    "shopkeeper", "neighbour", "neighbor", "parent", "volunteer",
    "activist", "veteran", "colleague", "friend", "cousin", "uncle",
    "aunt", "nephew", "niece", "grandson", "granddaughter",
    "girlfriend", "boyfriend", "fiancée", "fiancé", "spouse",
    "classmate", "teammate", "librarian", "caretaker", "plumber",
    "electrician", "shopper", "commuter", "reader", "listener",
    "viewer", "witness", "passenger", "motorist", "tenant", "patient",
    "customer", "team-mate", "flatmate", "housemate", "roommate", "mum",
    "mom", "dad", NULL };

/* Participles whose object is a person's name: "Born Leilani Kaho in
 * Suva, she ...", "Née X".  Opening a sentence, cut like a role word,
 * and what follows is a person's name (wt-names9). */
static const char *const person_openers[] = { "Born", "Née", "Nee",
    "Christened", "Baptised", "Baptized", NULL };

/* Positions in a team or a crew, nouns of a person no suffix shows
 * ("Libero X Y made 19 digs"). */
static const char *const position_nouns[] = { "libero", "setter",
    "goalkeeper", "goalie", "keeper", "striker", "winger", "playmaker",
    "fullback", "full-back", "centre-back", "flanker", "scrum-half",
    "fly-half", "hooker", "skipper", "coxswain", NULL };

/*
 * "Deckhand X Y told the court", "Setter X Y spread the attack": the
 * sentence's opening word, known to no list, is an agent's noun (in
 * -er, -or, -ist, -ian, or a -hand) or a position before a name of two
 * words (heldout10's hs01, hs02: the role was taken into the name and
 * its quotes went to "Deckhand X Y").  Per run opening a sentence.
 */
static int
agent_opens(const struct ctx *x, size_t i, const char *w, size_t n)
{
	static const char *const ends[] = { "er", "or", "ist", "ian", "hand",
	    NULL };
	const char *const *e;
	size_t m;

	if (lists_of(x, i, i + 1) & (NAME_LISTS | L(ORG_WORD) | L(FAC_WORD) |
	    L(PLACE_WORD)))
		return 0;
	for (e = position_nouns; *e != NULL; e++) {
		if (strlen(*e) == n && memcmp(*e, w, n) == 0)
			return 1;
	}
	for (e = ends; *e != NULL; e++) {
		m = strlen(*e);
		if (n > m + 3 && memcmp(w + n - m, *e, m) == 0)
			return 1;
	}
	return 0;
}

/* "Librarian Sunita Rao said", "Pensioner Joan Ferris": a sentence
 * opening with a person noun or a lower-case title, capitalised only
 * there, before a name of two words or more (i..j-1). */
static int
role_opens(const struct ctx *x, size_t i, size_t j)
{
	char buf[64 + 4];
	const char *const *w;
	size_t n;

	/* (not "Teacher Training College"; a live blog's line opens
	 * after its time: "07:48\nReader X Y, who ..."; a name of one
	 * word after the role, "Reader Dauren writes", if the document
	 * never writes that word in lower case and no list makes it a
	 * place or an organisation) */
	if (j - i < 2 || (j - i == 2 && (common_word(x, i + 1) ||
	    (lists_of(x, i + 1, j) & (L(PLACE) | L(ORG) | L(PLACE_WORD) |
	    L(TITLE))))) || !((x->tok[i].f & T_SENT) || (i > 0 &&
	    (x->tok[i - 1].f & T_DIGIT) && x->tok[i].s > 0 &&
	    x->t[x->tok[i].s - 1] == '\n')) || !joined(x, i) ||
	    (lists_of(x, j - 1, j) & (L(ORG_WORD) | L(FAC_WORD))) ||
	    (n = lower_first(x, i, buf)) == 0)
		return 0;
	if (lists_key(x, buf, n) & L(TITLE))
		return j - i >= 3;	/* ("Dean Prowse": a given name) */
	for (w = person_nouns; *w != NULL; w++) {
		if (strlen(*w) == n && memcmp(*w, buf, n) == 0)
			return 1;
	}
	return j - i >= 3 && agent_opens(x, i, buf, n);
}

/* Nouns a person is after "his" or "her" ("Her opponent, X"), where
 * after "its" they may be a company ("its rival, Airbus"). */
static const char *const person_rivals[] = { "opponent", "rival",
    "challenger", "predecessor", "successor", NULL };

/* Is there punctuation other than an apostrophe between words k-1
 * and k? */
static int
stop_between(const struct ctx *x, size_t k)
{
	size_t p;

	for (p = x->tok[k - 1].e; p < x->tok[k].s; p++) {
		if (byte_in(",.;:()\"\n", x->t[p]))
			return 1;
	}
	return 0;
}

/* "His opponent in last year's election, Rupert Blackmore,": "his" or
 * "her" and a person noun, at most eight words before the comma right
 * before word i, with no punctuation but apostrophes between. */
static int
his_noun_apposed(const struct ctx *x, size_t i)
{
	static const char *const his[] = { "His", "Her", "his", "her",
	    NULL };
	size_t k;

	if (i < 2 || x->tok[i].s != x->tok[i - 1].e + 2 ||
	    x->t[x->tok[i - 1].e] != ',')
		return 0;
	for (k = i - 1; k > 0 && k + 9 > i; k--) {
		if ((x->tok[k].f & T_SENT) || stop_between(x, k))
			return 0;
		if (word_in(x, k - 1, his) && (word_in(x, k, person_rivals) ||
		    word_in(x, k, person_nouns)))
			return 1;
	}
	return 0;
}

/* "Desmond Fairweather was unapologetic": the run ending at word j-1
 * is the subject of an adjective said only of a person. */
static int
person_predicate(const struct ctx *x, size_t j)
{
	static const char *const be[] = { "was", "is", "remained",
	    "remains", "seemed", "seems", "looked", "sounded", "appeared",
	    NULL };
	static const char *const moods[] = { "unapologetic", "unrepentant",
	    "furious", "livid", "tearful", "emotional", "distraught",
	    "heartbroken", "defiant", "delighted", "elated", "devastated",
	    "apologetic", "contrite", "incensed", "indignant", "ecstatic",
	    "overjoyed", "bemused", "unimpressed", "angry", "upset",
	    "shaken", "stunned", "jubilant", NULL };

	return j + 1 < x->ntok && joined(x, j - 1) && joined(x, j) &&
	    word_in(x, j, be) && word_in(x, j + 1, moods);
}

/*
 * "her friend and neighbour X", "my cousin X", "their son X": person
 * nouns (joined by "and") right before word i after a possessive
 * determiner.  A few word compares, only for a name after a lower-case
 * word (issue 14 item 6: a person-shaped name is no organisation).
 */
static int
kin_before(const struct ctx *x, size_t i)
{
	static const char *const owners[] = { "his", "her", "my", "our",
	    "their", "your", "His", "Her", "My", "Our", "Their", "Your",
	    NULL };
	size_t k = i;

	if (i < 2 || !joined(x, i - 1) || !word_in(x, i - 1, person_nouns))
		return 0;
	for (k = i - 1; k > 0 && k + 5 > i && joined(x, k - 1); k--) {
		if (word_in(x, k - 1, owners))
			return 1;
		if (!word_in(x, k - 1, person_nouns) && !tok_is(x, k - 1, "and"))
			return 0;
	}
	return 0;
}

/*
 * "Samoa's minister of agriculture and fisheries, X Y,": a title, "of"
 * or "for" and up to four lower-case words, then the comma right before
 * word i (heldout10's hs06: the name, no list's, was typed ORG and its
 * three quotes went to its first word).  Per name after a comma.
 */
static int
title_of_before(const struct ctx *x, size_t i)
{
	size_t k;

	if (i < 3 || x->tok[i].s != x->tok[i - 1].e + 2 ||
	    x->t[x->tok[i - 1].e] != ',')
		return 0;
	for (k = i - 1; k > 0 && k + 6 > i && (x->tok[k].f & T_LOWER) &&
	    joined(x, k - 1); k--) {
		if ((tok_is(x, k, "of") || tok_is(x, k, "for")) && k + 1 < i &&
		    (lists_of(x, k - 1, k) & L(TITLE)) &&
		    (x->tok[k - 1].f & T_LOWER))
			return 1;
	}
	return 0;
}

/* "chief executive Adaora Nwachukwu", "its owner, Tom Jessop", "his
 * neighbour, Le Thi Hoa" (a person noun with its comma) */
static int
title_before(const struct ctx *x, size_t i)
{
	size_t k;

	if (i == 0)
		return 0;
	for (k = 1; k <= 2 && k <= i; k++) {
		if (!(x->tok[i - k].f & T_LOWER))
			break;
		size_t g = x->tok[i].s - x->tok[i - 1].e;
		int comma = g == 2 && x->t[x->tok[i - 1].e] == ',';

		if (lists_of(x, i - k, i) & L(TITLE))
			return g == 1 || comma;
		/* (a comma first: most words are not these) */
		if (k == 1 && comma && word_in(x, i - 1, person_nouns))
			return 1;
	}
	return his_noun_apposed(x, i) || kin_before(x, i) ||
	    title_of_before(x, i);
}

/* "Tongan-born", "Lagos-born": a capitalised word k and "-born" (the
 * hyphen ends word k), inside a person's appositive ("X, a Tongan-born
 * sound engineer"). */
static int
born_word(const struct ctx *x, size_t k)
{
	return (x->tok[k].f & T_CAP) && k + 1 < x->ntok &&
	    x->tok[k + 1].s == x->tok[k].e + 1 && x->t[x->tok[k].e] == '-' &&
	    tok_is(x, k + 1, "born");
}

/* "X, Labour's transport spokeswoman,": word j is one capitalised
 * word with a possessive ('s) standing as the appositive's
 * determiner before a lower-case word: the index of that word, or 0. */
static size_t
owner_det(const struct ctx *x, size_t j)
{
	if (j + 1 >= x->ntok || !(x->tok[j].f & T_CAP) ||
	    possessive_after(x, j + 1) != j + 1)
		return 0;
	return (x->tok[j + 1].f & T_LOWER) ? j + 1 : 0;
}

/* "Mira Castell, the port director,", "Jocelyn Tan, a mother of
 * three,": a lower-case appositive holding a job title or a noun only a
 * person is right after the name ending at word j-1; its determiner may
 * be an owner's possessive ("X, Labour's transport spokeswoman,"), and
 * a word for when may open it ("X, later a principal with", "X, then a
 * student"). */
static int
title_apposed(const struct ctx *x, size_t j)
{
	size_t k, o;

	static const char *const dets[] = { "a", "an", "the", "its", "his",
	    "her", "their", "our", NULL };
	static const char *const whens[] = { "later", "then", "now",
	    "once", "formerly", "previously", NULL };

	if (j >= x->ntok || !text_after(x, j, ", ") ||
	    x->tok[j].s != x->tok[j - 1].e + 2)
		return 0;
	if (j + 1 < x->ntok && joined(x, j) && word_in(x, j, whens) &&
	    word_in(x, j + 1, dets))
		j++;
	else if ((o = owner_det(x, j)) != 0)
		j = o;
	else if (!word_in(x, j, dets) && !(lists_of(x, j, j + 1) & L(TITLE)))
		return 0;
	/* (an acronym or a name may qualify the title: "the WTO
	 * director-general", "the Nandi County police officer") */
	for (k = j; k < x->ntok && k < j + 6 && ((x->tok[k].f & T_LOWER) ||
	    (k > j && (x->tok[k].f & T_ALLCAP) &&
	    x->tok[k].e - x->tok[k].s <= 6) || (k > j && born_word(x, k)) ||
	    (k > j && (x->tok[k].f & T_CAP) && word_in(x, j, dets)));
	    k++) {
		if (born_word(x, k))
			k++;	/* its "born" */
		if ((lists_of(x, k, k + 1) & L(TITLE)) ||
		    word_in(x, k, person_nouns))
			return 1;
		if (k + 1 < x->ntok && !joined(x, k))
			break;
	}
	return 0;
}

/* Is word k an age: one to three digits, 1 to 120, no decimal point
 * after it ("31.4 per cent")? */
static int
age_number(const struct ctx *x, size_t k)
{
	const struct tok *n = &x->tok[k];
	size_t p, v = 0;

	if (n->e - n->s > 3)
		return 0;
	for (p = n->s; p < n->e; p++) {
		if (x->t[p] < '0' || x->t[p] > '9')
			return 0;
		v = v * 10 + (size_t)(x->t[p] - '0');
	}
	return v > 0 && v <= 120 && !(n->e + 1 < x->len && x->t[n->e] == '.' &&
	    x->t[n->e + 1] >= '0' && x->t[n->e + 1] <= '9');
}

/*
 * "Brennagh is 58.", "X was 71 and": the run ending at word j-1 is the
 * subject of "is" or "was" and an age, a number of one to three digits
 * up to 120 that ends the clause (not "is 12 in the ranking", "is 67%").
 * Also an age in apposition (wt-names9): "X, now 19 and studying",
 * "X, aged 45,", "X, 71, said".
 */
static int
age_is(const struct ctx *x, size_t j)
{
	const struct tok *n;
	size_t k = j;

	if (j < x->ntok && x->tok[j - 1].e + 1 < x->len &&
	    x->t[x->tok[j - 1].e] == ',' && x->tok[j].s ==
	    x->tok[j - 1].e + 2) {
		if (tok_is(x, j, "now") || tok_is(x, j, "aged"))
			k++;
		return k < x->ntok && (k == j || joined(x, j)) &&
		    age_number(x, k) && x->tok[k].e < x->len &&
		    (byte_in(",;", x->t[x->tok[k].e]) || (k > j &&
		    k + 1 < x->ntok && tok_is(x, k + 1, "and")));
	}
	if (j + 1 >= x->ntok || !joined(x, j - 1) || !joined(x, j) ||
	    (!tok_is(x, j, "is") && !tok_is(x, j, "was")))
		return 0;
	n = &x->tok[j + 1];
	if (!age_number(x, j + 1))
		return 0;
	return n->e < x->len && (byte_in(".,;", x->t[n->e]) ||
	    (j + 2 < x->ntok && joined(x, j + 1) && tok_is(x, j + 2, "and")));
}

/*
 * "though X swears she quit", "X admits he was wrong": a verb (a word
 * ending in -s or -ed) right after the run ending at word j-1, then
 * "she" or "he", its complement's subject: said of a person.
 */
static int
verb_pronoun(const struct ctx *x, size_t j)
{
	static const char *const not_verbs[] = { "was", "has", "does",
	    "is", "as", "thus", "unless", "whereas", "perhaps", "towards",
	    "across", "besides", "plus", "less", "and", NULL };
	const struct tok *v;
	size_t n;

	if (j + 1 >= x->ntok || !joined(x, j - 1) || !joined(x, j) ||
	    !(x->tok[j].f & T_LOWER) ||
	    (!tok_is(x, j + 1, "she") && !tok_is(x, j + 1, "he")))
		return 0;
	v = &x->tok[j];
	n = v->e - v->s;
	return n >= 4 && (x->t[v->e - 1] == 's' || (x->t[v->e - 2] == 'e' &&
	    x->t[v->e - 1] == 'd')) && !word_in(x, j, not_verbs);
}

/*
 * "X barged over from a scrum. He called it ...", "X scored twice while
 * he was off": the run ending at word j-1 is the subject of the verb
 * right after it (a word in -ed or -s, or was, is, has, had), and "he",
 * "she" or "his" comes before any other capitalised word, in its
 * sentence or opening the next one in its paragraph: said of a person
 * (issue 14 item 4: he/she say person; per name, a few words ahead).
 */
static int
pronoun_follows(const struct ctx *x, size_t j)
{
	static const char *const be[] = { "was", "is", "has", "had", NULL };
	static const char *const not_verbs[] = { "as", "thus", "unless",
	    "whereas", "perhaps", "towards", "across", "besides", "plus",
	    "less", NULL };
	static const char *const he[] = { "he", "she", "his", NULL };
	static const char *const it[] = { "it", "its", "they", "their",
	    "them", NULL };
	const struct tok *v;
	size_t k;

	if (j >= x->ntok || !joined(x, j - 1) || !(x->tok[j].f & T_LOWER))
		return 0;
	v = &x->tok[j];
	if (!word_in(x, j, be) && (v->e - v->s < 4 ||
	    !(x->t[v->e - 1] == 's' || (x->t[v->e - 2] == 'e' &&
	    x->t[v->e - 1] == 'd')) || word_in(x, j, not_verbs)))
		return 0;
	for (k = j + 1; k < x->ntok && k < j + 24; k++) {
		if (x->tok[k].f & T_PARA)
			return 0;
		if (x->tok[k].f & T_SENT)
			return tok_is(x, k, "He") || tok_is(x, k, "She");
		if (x->tok[k].f & (T_CAP | T_NOCASE) || word_in(x, k, it))
			return 0;
		if (word_in(x, k, he))
			return 1;
	}
	return 0;
}

/* "X, in his first race abroad,", "X, for her part,": an appositive
 * opening with a preposition and "his" or "her" right after the name
 * ending at word j-1. */
static int
pronoun_apposed(const struct ctx *x, size_t j)
{
	static const char *const preps[] = { "in", "on", "at", "with",
	    "for", "after", "despite", "like", NULL };
	static const char *const his[] = { "his", "her", NULL };

	return j + 1 < x->ntok && x->tok[j].s == x->tok[j - 1].e + 2 &&
	    x->t[x->tok[j - 1].e] == ',' && (x->tok[j].f & T_LOWER) &&
	    joined(x, j) && word_in(x, j, preps) && word_in(x, j + 1, his);
}

/*
 * "Safiya (nee Galieva)", "Mary Holt (née Pryce)": a name right before
 * "(nee" or "(née", or right after "nee" or "née", is a person's (a
 * maiden name; wt-h9read).  A few byte compares per name.
 */
static int
maiden_name(const struct ctx *x, size_t i, size_t j)
{
	static const char *const nee[] = { "nee", "née", "Nee", "Née",
	    NULL };
	size_t p = x->tok[j - 1].e;

	/* (the bytes before and after first: most names have neither) */
	if (i > 0 && x->tok[i].s >= 2 && x->t[x->tok[i].s - 2] == 'e' &&
	    joined(x, i - 1) && word_in(x, i - 1, nee))
		return 1;
	return p + 3 < x->len && x->t[p] == ' ' && x->t[p + 1] == '(' &&
	    j + 1 < x->ntok && x->tok[j].s == p + 2 && word_in(x, j, nee);
}

/*
 * The words around i..j-1 say person: a title before, an age (", 58,"),
 * ", who", a relative ("X's wife"): 2; only a speech verb next to it:
 * 1; else 0.
 */
static int
person_cue(const struct ctx *x, size_t i, size_t j)
{
	static const char *const kin[] = { "wife", "husband", "son",
	    "daughter", "mother", "father", "sister", "brother", "widow",
	    "lawyer", "family", "parents", NULL };
	size_t p = x->tok[j - 1].e, k;

	if (title_before(x, i))
		return 2;
	if (p + 3 < x->len && x->t[p] == ',' && x->t[p + 1] == ' ') {
		for (k = p + 2; k < x->len && k < p + 5 &&
		    x->t[k] >= '0' && x->t[k] <= '9'; k++)
			;
		if (k > p + 2 && k < x->len && x->t[k] == ',')
			return 2;
		/* (not "a biologist at X in Hafnarfjörður, who examined
		 * it": the person before the place) */
		if (j < x->ntok && x->tok[j].s == p + 2 && (tok_is(x, j, "who") ||
		    tok_is(x, j, "whose")) && !(i > 0 && joined(x, i - 1) &&
		    (tok_is(x, i - 1, "in") || tok_is(x, i - 1, "near"))))
			return 2;
	}
	if ((k = possessive_after(x, j)) != 0 && word_in(x, k, kin))
		return 2;
	if (maiden_name(x, i, j))
		return 2;
	if (title_apposed(x, j) || person_predicate(x, j) || age_is(x, j) ||
	    verb_pronoun(x, j) || pronoun_apposed(x, j))
		return 2;
	/* "X Y, CFA, an analyst at": letters in capitals between commas,
	 * then the role */
	for (k = j; k < x->ntok && k < j + 3 && (x->tok[k].f & T_ALLCAP) &&
	    !(x->tok[k].f & T_DIGIT) && x->tok[k].e - x->tok[k].s <= 5 &&
	    x->tok[k].s == x->tok[k - 1].e + 2 &&
	    x->t[x->tok[k - 1].e] == ',' && text_after(x, k + 1, ", "); k++)
		;
	if (k > j && title_apposed(x, k))
		return 2;
	return verb_near(x, i, j);
}

/* Nouns for a kind of organisation ("the watchdog X", "X, the utility"). */
static const char *const org_kinds[] = { "journal", "newspaper", "daily",
    "weekly", "magazine", "broadcaster", "company", "firm", "group", "bank",
    "lender", "insurer", "carrier", "airline", "retailer", "maker",
    "manufacturer", "chipmaker", "carmaker", "automaker", "miner", "club",
    "party", "startup", "start-up", "platform", "watchdog", "regulator",
    "charity", "broadcasters", "conglomerate", "utility", "operator",
    "supplier", "broker", "agency", "exporter", "producer", "developer",
    "distributor", "publisher", "brokerage", "cooperative", "provider",
    "vendor", "contractor", "consultancy", "chain", "studio",
    /* wt-know: gathered by kind, not from errors */
    "drugmaker", "steelmaker", "planemaker", "shipbuilder", "brewer",
    "nonprofit", "non-profit", "think-tank", "thinktank", "tabloid",
    "outlet", "label", "railway", "railroad", "importer",
    "bourse", "orchestra", "choir", "ensemble", "troupe", "band",
    "league", NULL };

/*
 * "through Acas, the conciliation service.", "Ofqual, the exams body,",
 * "the Mazhilis, the lower house of parliament.": an appositive headed
 * by (or ending in) a kind of public body that ends there (a
 * stop or a comma after its head, not "According to X, the authority
 * has asked") makes an organisation (wt-ents11; per name).
 */
static int
body_apposed(const struct ctx *x, size_t j)
{
	static const char *const bodies[] = { "service", "authority",
	    "union", "body", "organisation", "organization", "foundation",
	    "commission", "federation", "parliament", "legislature",
	    "assembly", "senate",
	    /* wt-know: public bodies gathered by kind, not from errors */
	    "council", "board", "ministry", "department", "directorate",
	    "inspectorate", "secretariat", "tribunal", "court", "office",
	    "bureau", "institute", "agency", "regulator", "constabulary",
	    "association", "society", "syndicate", "guild", "coalition",
	    "alliance", "confederation", NULL };
	size_t k = apposed_head(x, j, bodies);

	return k > 0 && !possessive_after(x, k + 1) && !joined(x, k);
}

/* "the law firm Hollister Byrne", "the chipmaker Tokyo Electron": a
 * kind of organisation right before word i. */
static int
kind_before(const struct ctx *x, size_t i)
{
	return i > 0 && joined(x, i - 1) && (x->tok[i - 1].f & T_LOWER) &&
	    word_in(x, i - 1, org_kinds);
}

/*
 * "Zerodha, the country's largest discount broker", "Tramwaje
 * Warszawskie, the municipal company that": an appositive headed by a
 * kind of organisation, with no possessive after it (not "X, the firm's
 * chief economist").
 */
static int
org_apposed(const struct ctx *x, size_t j, const char *const *kinds)
{
	size_t k = apposed_head(x, j, kinds);

	/* (a "basement club" may be a venue: only a club before) */
	return k > 0 && !tok_is(x, k, "club") &&
	    !possessive_after(x, k + 1) && (k + 1 >= x->ntok ||
	    !joined(x, k) || !word_in(x, k + 1, kinds));
}

/* "Environmental group Waterwacht", "Rights group Amnesty": one word
 * opening a sentence, a kind of organisation, then the name itself. */
static int
kind_names_next(const struct ctx *x, size_t i, size_t j)
{
	return j == i + 1 && (x->tok[i].f & T_SENT) && j + 1 < x->ntok &&
	    joined(x, j) && (x->tok[j + 1].f & T_CAP);
}

/*
 * The words around i..j-1 say organisation: "X's shares", "X said in a
 * statement", "shares of X", "a spokesman for X", "an analyst at X",
 * "the X board".
 */
/* "at Landspítali, the National University Hospital of Iceland,": one
 * word no list knows, then ", the" and a capitalised name with a word
 * that names organisations: the word is that organisation's. */
static int
org_name_apposed(const struct ctx *x, size_t i, size_t j)
{
	size_t k;
	int org = 0;

	if (j != i + 1 || j + 1 >= x->ntok ||
	    x->tok[j].s != x->tok[j - 1].e + 2 ||
	    x->t[x->tok[j - 1].e] != ',' || !(x->tok[j + 1].f & T_CAP) ||
	    !tok_is(x, j, "the") || !joined(x, j) || lists_of(x, i, j) != 0)
		return 0;
	for (k = j + 1; k < x->ntok && k < j + 8; k++) {
		if (!(x->tok[k].f & T_CAP) && !tok_is(x, k, "of") &&
		    !tok_is(x, k, "the"))
			return 0;
		if ((x->tok[k].f & T_CAP) && (lists_of(x, k, k + 1) &
		    L(ORG_WORD)))
			org = 1;
		/* (closed by a comma or a stop, not "north of Naxos, the
		 * Coast Guard said") */
		if (!joined(x, k) || !(x->tok[k + 1].f & T_CAP ||
		    tok_is(x, k + 1, "of") || tok_is(x, k + 1, "the")))
			return org && (text_after(x, k + 1, ",") ||
			    text_after(x, k + 1, "."));
	}
	return 0;
}

/* Word k opening a sentence, a word of ws once in lower case
 * ("Forecasters at X": "forecasters"; wt-h8read, per cue asked)? */
static int
opening_in(const struct ctx *x, size_t k, const char *const *ws)
{
	char buf[64 + 4];
	size_t n, m;

	if (!(x->tok[k].f & T_SENT) || (n = lower_first(x, k, buf)) == 0)
		return 0;
	for (; *ws != NULL; ws++) {
		m = strlen(*ws);
		if (m == n && memcmp(*ws, buf, n) == 0)
			return 1;
	}
	return 0;
}

static int
org_cue(const struct ctx *x, size_t i, size_t j)
{
	static const char *const owned[] = { "shares", "stock", "board",
	    "shareholders", "chief", "chairman", "chairwoman", "spokesman",
	    "spokeswoman", "spokesperson", "headquarters", "subsidiary",
	    "profit", "profits", "revenue", "sales", "customers", "employees",
	    "staff", "factory", "plant", "stores", "products", "founder", NULL };
	static const char *const holders[] = { "shares", "stake", "spokesman",
	    "spokeswoman", "spokesperson", "executive", "chairman",
	    "chairwoman", "founder", "analyst", "analysts", "economist",
	    "strategist", "director", "manager", "owner", "investors",
	    "subsidiary", "unit", "division", "board", "economists",
	    "forecasters", "researchers", "scientists", "engineers",
	    "executives", "strategists", "Analysts", "Economists",
	    "Strategists", "Researchers", "Scientists", NULL };
	static const char *const plays[] = { "plays", "played", "playing",
	    "signed", NULL };
	static const char *const posted[] = { "wrote", "posted", "tweeted",
	    "shared", "commented", "writing", "posting", NULL };
	const char *const *kinds = org_kinds;
	const struct vote *v;
	size_t k;

	/* "the watchdog Expert Forum", "the Tuổi Trẻ newspaper", "the
	 * insurer, Aviva Ireland,", "Johannesburg Water, the utility" */
	if (kind_before(x, i) || (j < x->ntok && joined(x, j - 1) &&
	    word_in(x, j, kinds) && !kind_names_next(x, i, j)) ||
	    (i > 0 && x->tok[i].s ==
	    x->tok[i - 1].e + 2 && x->t[x->tok[i - 1].e] == ',' &&
	    word_in(x, i - 1, kinds)) || (j + 1 < x->ntok &&
	    text_after(x, j, ", ") && x->tok[j].s == x->tok[j - 1].e + 2 &&
	    (tok_is(x, j, "the") || tok_is(x, j, "a")) && joined(x, j) &&
	    word_in(x, j + 1, kinds) && possessive_after(x, j + 2) == 0))
		return 1;	/* (not "X, the operator's harbour manager") */
	if (org_apposed(x, j, kinds) || body_apposed(x, j) ||
	    org_name_apposed(x, i, j))
		return 1;
	/* "Unison, which represents ...": never a person's (a place's is
	 * typed by its list before this) */
	if (j < x->ntok && text_after(x, j, ", which") &&
	    x->tok[j - 1].e + 7 < x->len &&
	    (x->t[x->tok[j - 1].e + 7] == ' ' ||
	    x->t[x->tok[j - 1].e + 7] == '\n') &&	/* (a hard wrap) */
	    !plural_noun(x, i, j) && !common_word(x, i) &&
	    (lists_of(x, i, i + 1) & (L(GIVEN) | L(SURNAME))) == 0)
		return 1;	/* (not "Airlines, which pay ...") */
	/* (not "Volkov's spokesman" for Dmitri Volkov named before) */
	if ((k = possessive_after(x, j)) != 0 && word_in(x, k, owned) &&
	    ((v = votes_of(x, i, j)) == NULL || !v->sur))
		return 1;
	/* "she plays for Valur": a club */
	if (i >= 2 && tok_is(x, i - 1, "for") && joined(x, i - 1) &&
	    joined(x, i - 2) && word_in(x, i - 2, plays))
		return 1;
	/* "he wrote on X", "posted on Bluesky": a platform */
	if (i >= 2 && tok_is(x, i - 1, "on") && joined(x, i - 1) &&
	    joined(x, i - 2) && word_in(x, i - 2, posted))
		return 1;
	/* "the Interfax news agency" */
	if (word_is(x, j, "news") && word_is(x, j + 1, "agency"))
		return 1;
	if (word_is(x, j, "shares") || word_is(x, j, "shareholders") ||
	    word_is(x, j, "stock") || word_is(x, j, "board"))
		return 1;
	if (j + 3 < x->ntok && (word_is(x, j, "said") ||
	    word_is(x, j, "says")) && word_is(x, j + 1, "in") &&
	    word_is(x, j + 2, "a") && word_is(x, j + 3, "statement"))
		return 1;
	if (i >= 2 && (word_is(x, i, "of") || tok_is(x, i - 1, "of") ||
	    tok_is(x, i - 1, "for") || tok_is(x, i - 1, "at") ||
	    tok_is(x, i - 1, "in")) && joined(x, i - 1) && joined(x, i - 2) &&
	    (word_in(x, i - 2, holders) || opening_in(x, i - 2, holders)))
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

/* ---- names in other scripts ---- */

/* Does word k start with a letter outside the Latin script (Greek,
 * Cyrillic, Han, Hangul, kana, Arabic, ...)? */
static int
other_script(const struct ctx *x, size_t k)
{
	uint32_t cp;

	utf8_decode_lossy(x->t + x->tok[k].s, x->len - x->tok[k].s, &cp);
	return cp >= 0x370 && !(cp >= 0x1e00 && cp <= 0x1eff);
}

/* The first word of the run of names (capitalised or caseless words
 * joined by blanks) that ends with word k. */
static size_t
names_back(const struct ctx *x, size_t k)
{
	size_t s = k;

	while (s > 0 && k - s < MAX_RUN && joined(x, s - 1) &&
	    (x->tok[s - 1].f & (T_CAP | T_NOCASE)))
		s--;
	return s;
}

/* The end of the run of names from word k to a closing parenthesis, or
 * k if there is none. */
static size_t
names_to_paren(const struct ctx *x, size_t k)
{
	size_t j = k;

	while (j < x->ntok && j - k < MAX_RUN &&
	    (x->tok[j].f & (T_CAP | T_NOCASE)) && (j == k || joined(x, j - 1)))
		j++;
	return j > k && text_after(x, j, ")") ? j : k;
}

/*
 * A name beside its form in another script, in parentheses: "Shenzhen
 * (深圳)", "王丽华 (Wang Lihua)", "Giorgos Vlachakis (Γιώργος
 * Βλαχάκης)".  The type of the partner, or -1.
 */
static int
paren_partner(const struct ctx *x, size_t i, size_t j)
{
	size_t s, e;
	int strong, t;

	if (i > 0 && x->tok[i].s == x->tok[i - 1].e + 2 &&
	    text_after(x, i, " (") && text_after(x, j, ")")) {
		/* the longest known tail of the run: "Spokesman Giorgos
		 * Vlachakis (...)" */
		for (s = names_back(x, i - 1); s < i; s++) {
			if (other_script(x, s) != other_script(x, i) &&
			    (t = known_type(x, s, i, &strong)) >= 0)
				return t;
		}
	}
	if (j < x->ntok && x->tok[j].s == x->tok[j - 1].e + 2 &&
	    text_after(x, j, " (") && (e = names_to_paren(x, j)) > j &&
	    other_script(x, j) != other_script(x, i))
		return known_type(x, j, e, &strong);
	return -1;
}

/*
 * Words without case (Han, kana, Hangul): a name only beside its
 * romanised form, or when it ends like a company (青川能源, 北斗化学:
 * the organisation words list holds such endings).
 */
static void
caseless_name(struct ctx *x, size_t i, size_t j)
{
	int t = paren_partner(x, i, j);

	if (t < 0 && (ending_in(x, j - 1, L(ORG_WORD), 0, 1) ||
	    org_cue(x, i, j)))
		t = ENT_ORG;
	if (t >= 0)
		mention(x, i, j, t, 1);
}

/* ---- runs of capitalised words ---- */

/* Does a word of i..k-1 head an organisation or place ("Ministry",
 * "Port", "Republic"), and is one of them "of" or "for"? */
static int
run_has(const struct ctx *x, size_t i, size_t k, int connector)
{
	for (; i < k; i++) {
		if (connector ? (tok_is(x, i, "of") || tok_is(x, i, "for")) :
		    (lists_of(x, i, i + 1) & (L(ORG_WORD) | L(FAC_WORD) |
		    L(OF_HEAD))) != 0)
			return 1;
	}
	return 0;
}

/* The lists of the last of the capitalised words from k on ("Seafarers'
 * Union", "Environment Court"), or 0. */
static unsigned
caps_end(const struct ctx *x, size_t k)
{
	for (; k < x->ntok && (x->tok[k].f & T_CAP); k++) {
		if (k + 1 >= x->ntok || !joined(x, k) ||
		    !(x->tok[k + 1].f & T_CAP))
			return lists_of(x, k, k + 1);
	}
	return 0;
}

static int
caps_end_in_head(const struct ctx *x, size_t k)
{
	return (caps_end(x, k) & (L(ORG_WORD) | L(FAC_WORD))) != 0;
}

static int
caps_end_in_org(const struct ctx *x, size_t k)
{
	return (caps_end(x, k) & L(ORG_WORD)) != 0;
}

/* "People's Committee", "Seafarers' Union": a possessive inside a name,
 * after a word no list knows as a name (not "Britain's Atlantic"). */
static int
possessive_join(const struct ctx *x, size_t k)
{
	const struct tok *p = &x->tok[k - 1];
	size_t a = apostrophe_at(x->t, x->len, p->e), g;

	if (a == 0 || !(x->tok[k].f & T_CAP) || !(p->f & T_CAP) ||
	    (lists_of(x, k - 1, k) & (L(PLACE) | L(PERSON) | L(ORG) |
	    L(GIVEN) | L(SURNAME))))
		return 0;
	g = p->e + a;
	if (g < x->len && (x->t[g] == 's' || x->t[g] == 'S'))
		g++;
	else if (x->t[p->e - 1] != 's')
		return 0;
	/* (a line break: "Growers'" ending a hard-wrapped line) */
	return x->tok[k].s == g + 1 && (x->t[g] == ' ' || x->t[g] == '\n') &&
	    caps_end_in_head(x, k);
}

/* "Ministry of Labour, Family and Social Affairs": capitalised words and
 * commas from k on, then "and", then capitalised words. */
static int
comma_list_ahead(const struct ctx *x, size_t k)
{
	size_t n;

	for (n = 0; k < x->ntok && n < 8; k++, n++) {
		if (x->tok[k].f & T_CAP)
			continue;
		return tok_is(x, k, "and") && k + 1 < x->ntok &&
		    (x->tok[k + 1].f & T_CAP) && joined(x, k);
	}
	return 0;
}

/* A capitalised word that names nothing by itself (Culture, Budget,
 * Securities), as the first words of "Culture, Media and Sport
 * Committee" are. */
static int
plain_word(const struct ctx *x, size_t k)
{
	return (x->tok[k].f & T_CAP) && !(x->tok[k].f & T_ALLCAP) &&
	    !(lists_of(x, k, k + 1) & (L(PERSON) | L(PLACE) | L(ORG) |
	    L(GIVEN) | L(SURNAME) | L(NATIONALITY) | L(TITLE) |
	    L(CALENDAR))) && !votes_of(x, k, k + 1);
}

/* "Land and Environment Court", "The Securities and Exchange Board",
 * "the Budget and Government Operations Committee": one to three words
 * that name nothing by themselves (after a sentence's "The"), "and" at
 * k, then words ending in an organisation's. */
static int
one_word_and(const struct ctx *x, size_t i, size_t k)
{
	size_t a;

	if (k - i >= 2 && tok_is(x, i, "The"))
		i++;
	/* "Vietnam Coffee and Cocoa Association": a country first, or
	 * its adjective ("Icelandic Food and Veterinary Authority") */
	if (k - i >= 2 && (lists_of(x, i, i + 1) & (L(PLACE) |
	    L(NATIONALITY))) &&
	    plain_word(x, i + 1))
		i++;
	if (k - i < 1 || k - i > 3 || !caps_end_in_org(x, k + 1))
		return 0;
	for (a = i; a < k; a++) {
		if (!plain_word(x, a) && (lists_of(x, a, a + 1) & ~L(ORG_WORD)))
			return 0;
	}
	return 1;
}

/* "the Musa Jalil State Opera and Ballet Theatre", "the Vietnam Coffee
 * and Cocoa Association": two to seven words that are no known name
 * together, "and" at k, a word the text also writes in lower case
 * ("ballet", "cocoa": a common noun, whatever a list says of it) and at
 * most two more words ending in an organisation's:
 * the two nouns of one name (wt-h9read; not "Deutsche Bank and
 * Commerzbank AG": no one writes "commerzbank").  Only at "and" in a
 * run, a look-up or two. */
static int
common_and(const struct ctx *x, size_t i, size_t k)
{
	size_t e;

	if (k - i < 2 || k - i > 7 || !(x->tok[k + 1].f & T_CAP) ||
	    (x->tok[k + 1].f & T_ALLCAP) || (!common_word(x, k + 1) &&
	    !common_word(x, k - 1)) || (!plain_word(x, k - 1) &&
	    !common_word(x, k - 1) && (lists_of(x, k - 1, k) & ~L(ORG_WORD))))
		return 0;
	for (e = k + 1; e < k + 3 && e + 1 < x->ntok && joined(x, e) &&
	    (x->tok[e + 1].f & T_CAP); e++)
		;
	if (e + 1 < x->ntok && joined(x, e) && (x->tok[e + 1].f & T_CAP))
		return 0;
	return e > k + 1 && (lists_of(x, e, e + 1) & L(ORG_WORD)) &&
	    (lists_of(x, i, k) & (L(ORG) | L(PERSON) | L(PLACE))) == 0;
}

/* "Avon and Somerset Police", "Devon and Cornwall Constabulary": one
 * word, "and" at k, one word, then a police force's or a council's
 * word ending the run. */
static int
two_places_force(const struct ctx *x, size_t i, size_t k)
{
	static const char *const forces[] = { "Police", "Constabulary",
	    "Council", NULL };

	return k == i + 1 && k + 2 < x->ntok && joined(x, k + 1) &&
	    word_in(x, k + 2, forces) && !(x->tok[i].f & T_ALLCAP) &&
	    (k + 3 >= x->ntok || !joined(x, k + 2) ||
	    !(x->tok[k + 3].f & T_CAP));
}

/* "Culture, Media and Sport Committee": after the plain words i..k-1
 * and a comma, capitalised words and commas, "and", then words ending
 * in an organisation's. */
static int
comma_org_ahead(const struct ctx *x, size_t i, size_t k)
{
	size_t a;

	if (k - i > 2)
		return 0;
	for (a = i; a < k; a++) {
		if (!plain_word(x, a))
			return 0;
	}
	for (a = k; a < x->ntok && a < k + 8; a++) {
		if (x->tok[a].f & T_CAP)
			continue;
		return tok_is(x, a, "and") && joined(x, a - 1) &&
		    a + 1 < x->ntok && joined(x, a) && caps_end_in_org(x, a + 1);
	}
	return 0;
}

/*
 * The lists of the singular of a plural head before "of" ("Museums of
 * Kenya", "Archives of Florida"): an organisation's or a facility's word,
 * or 0.  (Only there: "Banks", "Woods", "Mills" are surnames too.)
 */
static unsigned
plural_head(const struct ctx *x, size_t k)
{
	const struct tok *t = &x->tok[k];

	if (!(t->f & T_CAP) || (t->f & (T_ALLCAP | T_ABBR)) ||
	    t->e - t->s < 5 || x->t[t->e - 1] != 's' ||
	    lists_of(x, k, k + 1) != 0)
		return 0;
	return rules_word_lists(x->r, x->t + t->s, t->e - t->s - 1) &
	    (L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD));
}

/*
 * "Rajeswari a/p Subramaniam", "Kumar a/l Rajan", "Ravi s/o Das": the
 * Malaysian and Singaporean "son of" / "daughter of" between a given
 * name and the father's, word k its first letter.  The words it takes
 * (a, p and the name after), or 0.  Per lower-case word in a run.
 */
static size_t
patronym_join(const struct ctx *x, size_t k)
{
	const struct tok *t = x->tok;
	char a, b;

	if (k + 2 >= x->ntok || t[k].e - t[k].s != 1 ||
	    t[k + 1].s != t[k].e + 1 || t[k + 1].e != t[k + 1].s + 1 ||
	    x->t[t[k].e] != '/' || !joined(x, k + 1) ||
	    !(t[k + 2].f & T_CAP))
		return 0;
	a = x->t[t[k].s];
	b = x->t[t[k + 1].s];
	return ((a == 'a' && (b == 'l' || b == 'p')) || ((a == 's' ||
	    a == 'd') && b == 'o')) ? 3 : 0;
}

/*
 * "Te Rūnanga o Ngāi Tahu", "Te Whare Wānanga o Awanuiārangi": the
 * Māori "o" (of) inside a name that opens with the article "Te", before
 * a capitalised word (heldout10's hs01: the body read as two persons).
 * Per lower-case word in a run.
 */
static int
maori_of(const struct ctx *x, size_t i, size_t k)
{
	return k > i + 1 && k + 1 < x->ntok && tok_is(x, k, "o") &&
	    tok_is(x, i, "Te") && joined(x, k) &&
	    (x->tok[k + 1].f & T_CAP);
}

/* Street and square words written in lower case after the name
 * (Hungarian, Scandinavian): "Andrássy út", "Váci utca", "Sergels torg"
 * (wt-h14read). */
static const char *const street_tails[] = { "út", "utca", "körút", "tér",
    "köz", "rakpart", "sétány", "fasor", "vej", "gade", "plads", "väg",
    "vägen", "gatan", "torg", "torget", "vei", "veien", "gaten", "allé",
    NULL };

/* Is the lower-case word k a street word ending the name before it?
 * (asked after every name: its first bytes are read first) */
static int
street_tail(const struct ctx *x, size_t k)
{
	const unsigned char *w = (const unsigned char *)x->t + x->tok[k].s;
	size_t n = x->tok[k].e - x->tok[k].s;
	int maybe;

	if (n < 2 || n > 8)
		return 0;
	switch (w[0]) {
	case 0xc3:	/* út */
		maybe = w[1] == 0xba;
		break;
	case 'k': case 's': case 't':	/* körút, köz; sétány; tér */
		maybe = w[1] == 0xc3 || (n >= 4 && w[0] == 't' &&
		    w[1] == 'o' && w[2] == 'r' && w[3] == 'g');
		break;
	case 'v':	/* väg, vej, vei */
		maybe = w[1] == 0xc3 || (n >= 3 && w[1] == 'e' &&
		    (w[2] == 'j' || w[2] == 'i'));
		break;
	case 'u': case 'r': case 'f': case 'g': case 'p': case 'a':
		/* utca, rakpart, fasor, gade, gatan, plads, allé */
		maybe = n >= 4 && ((w[1] == 't' && w[2] == 'c') ||
		    (w[1] == 'a' && (w[2] == 'k' || w[2] == 's' ||
		    w[2] == 'd' || w[2] == 't')) || (w[1] == 'l' &&
		    (w[2] == 'a' || w[2] == 'l')));
		break;
	default:
		maybe = 0;
	}
	return maybe && (x->tok[k - 1].f & T_CAP) &&
	    !(x->tok[k - 1].f & T_ALLCAP) && word_in(x, k, street_tails);
}

/*
 * Can word k continue the run i..k-1?  The number of words it takes
 * (a connector and the capitalised word after it), or 0.  Names join
 * over particles ("da Costa"), "of"/"for" after an organisation or
 * place head ("Bank of Korea", "Office of the Superintendent of ..."),
 * then "and" and commas ("Ministry of Labour, Family and Social
 * Affairs"), "in" after a university and before a place, and a
 * possessive ("People's Committee").
 */
static size_t
run_next(const struct ctx *x, size_t i, size_t k)
{
	const struct tok *t = x->tok;
	int head, conn;

	if (k >= x->ntok)
		return 0;
	if (!joined(x, k - 1) && !ampersand(x, k - 1)) {
		if (possessive_join(x, k))
			return 1;
		if (x->tok[k].s == t[k - 1].e + 2 && text_after(x, k, ", ") &&
		    (t[k].f & T_CAP) && ((run_has(x, i, k, 0) &&
		    run_has(x, i, k, 1) && comma_list_ahead(x, k)) ||
		    comma_org_ahead(x, i, k)))
			return 1;
		return 0;
	}
	if ((t[k - 1].f & T_ABBR) && !(lists_of(x, k - 1, k) & (L(TITLE) |
	    L(FAC_WORD))) && t[k - 1].e - t[k - 1].s > 2)
		return 0;
	if (t[k].f & T_CAP)
		return 1;
	if ((t[k].f & T_LOWER) && k + 2 < x->ntok && joined(x, k) &&
	    joined(x, k + 1) && (t[k + 2].f & T_CAP) && (t[k + 1].f & T_LOWER) &&
	    (lists_of(x, k, k + 1) & L(PARTICLE)) &&
	    (lists_of(x, k + 1, k + 2) & L(PARTICLE)))
		return 3;
	if ((t[k].f & T_LOWER) && patronym_join(x, k))
		return 3;
	if ((t[k].f & T_LOWER) && maori_of(x, i, k))
		return 2;
	if ((t[k].f & T_LOWER) && street_tail(x, k))
		return 1;	/* "Andrássy út", "Váci utca" */
	if (!(t[k].f & T_LOWER) || k + 1 >= x->ntok || !joined(x, k))
		return 0;
	head = run_has(x, i, k, 0);
	conn = run_has(x, i, k, 1);
	if ((t[k + 1].f & T_CAP) && (lists_of(x, k, k + 1) & L(PARTICLE)))
		return 2;
	/* "Bank of Korea", but not "Halvorsen Turbin AS of Oslo" */
	if ((tok_is(x, k, "of") || tok_is(x, k, "for")) &&
	    ((((lists_of(x, k - 1, k) | plural_head(x, k - 1)) &
	    (L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD))) &&
	    !(t[k - 1].f & (T_ALLCAP | T_ABBR))) || (head && conn))) {
		/* (not "Bank for C$8.4 billion": a currency's letter) */
		if ((t[k + 1].f & T_CAP) && (t[k + 1].e >= x->len ||
		    x->t[t[k + 1].e] != '$'))
			return 2;
		/* "Office of the ...", "Office for the Environment" */
		if (tok_is(x, k + 1, "the") && (tok_is(x, k, "of") ||
		    (lists_of(x, k - 1, k) & L(OF_HEAD))) &&
		    k + 2 < x->ntok && joined(x, k + 1) &&
		    (t[k + 2].f & T_CAP))
			return 3;
		return 0;
	}
	/* "Ministry of Transport and Infrastructure"; "Land and
	 * Environment Court", "Securities and Exchange Board of India"
	 * (not "Zaragoza and Odra Power") */
	if (tok_is(x, k, "and") && (t[k + 1].f & T_CAP) && ((head && conn) ||
	    one_word_and(x, i, k) || two_places_force(x, i, k) ||
	    common_and(x, i, k)))
		return 2;
	/* "Ministry for the Ecological Transition and the Demographic
	 * Challenge": a name that has "the" after its "of" or "for" goes
	 * on past "and the" (not "... and the Treasury", a name of its
	 * own; issue 14 item 7, the longest name) */
	if (head && conn && tok_is(x, k, "and") && and_the_goes_on(x, i, k))
		return 3;
	/* "Czech Technical University in Prague" */
	if (tok_is(x, k, "in") && tok_is(x, k - 1, "University") &&
	    (t[k + 1].f & T_CAP) && place_at(x, k + 1) &&
	    (k + 2 >= x->ntok || !joined(x, k + 1) ||
	    !(t[k + 2].f & T_CAP)) &&
	    !comma_place_after(x, k + 2))	/* "in Townsville, Australia" */
		return 2;
	return 0;
}

/* Words k, k+1 are "and the" inside a run from i that holds "of the"
 * or "for the"; do the capitalised words after them name nothing a
 * list knows (an organisation, its word, a place)? */
static int
and_the_goes_on(const struct ctx *x, size_t i, size_t k)
{
	size_t m, e;

	if (k + 2 >= x->ntok || !tok_is(x, k + 1, "the") || !joined(x, k) ||
	    !joined(x, k + 1) || !(x->tok[k + 2].f & T_CAP))
		return 0;
	for (m = i + 1; m + 1 < k; m++) {
		if ((tok_is(x, m, "of") || tok_is(x, m, "for")) &&
		    tok_is(x, m + 1, "the"))
			break;
	}
	if (m + 1 >= k)
		return 0;
	for (e = k + 2; e < x->ntok && e < k + 6 && (x->tok[e].f & T_CAP) &&
	    (e == k + 2 || joined(x, e - 1)); e++) {
		if (lists_of(x, e, e + 1) & (L(ORG_WORD) | L(ORG) | L(PLACE)))
			return 0;
	}
	return 1;
}

/* ---- classifying runs of capitalised words ---- */

/* Titles that are never a surname after a given name (wt-names9). */
static const char *const honorifics[] = { "Mr", "Mrs", "Ms", "Miss", "Mx",
    "Madam", "Madame", "Mme", "Mlle", "Dr", "Sir", NULL };

/*
 * "Omar Abdallah Said", "Zawadi Said": a word that opens sentences
 * (Said, Will, Hope) capitalised in the middle of one, ending a run
 * right after a name's word, is a surname: a verb there would be
 * written in lower case.  Not in a headline's Title Case, nor after a
 * word the lists give as no name's.
 */
static int
stop_surname(const struct ctx *x, size_t i, size_t j)
{
	const struct tok *t = &x->tok[i];
	size_t a;

	if (!(i + 1 == j && i > 0 && !x->head && (t->f & T_CAP) &&
	    t->e - t->s >= 3 && !(t->f & (T_SENT | T_ALLCAP | T_ABBR)) &&
	    joined(x, i - 1) && (x->tok[i - 1].f & T_CAP) &&
	    !(x->tok[i - 1].f & (T_ALLCAP | T_ABBR)) &&
	    !(lists_of(x, i - 1, i) & (L(STOP) | L(TITLE) | L(NATIONALITY) |
	    L(CALENDAR) | L(ORG_WORD) | L(FAC_WORD) | L(PLACE) | L(ORG) |
	    L(NOT_ENTITY)))))
		return 0;
	/* the name opens with a given name or after a person's noun */
	for (a = i - 1; a > 0 && i - a < 3 && joined(x, a - 1) &&
	    (x->tok[a - 1].f & T_CAP) && !(x->tok[a - 1].f & T_ALLCAP); a--)
		;
	return (lists_of(x, a, a + 1) & L(GIVEN)) || title_before(x, a);
}

/*
 * "the producer Oh Seo-yeon", "with So Ji-hye": a word of two letters
 * that opens sentences (Oh, So, No, Do, Ha) capitalised in the middle of
 * one, opening a run before a hyphenated name or a name no list gives
 * as no name's, is a family name written first: the word itself would
 * be in lower case there.  Not in a headline's Title Case, nor after a
 * capitalised word (a title of a work).  wt-h8read; per run, in breaker.
 */
static int
stop_family(const struct ctx *x, size_t i, size_t j)
{
	const struct tok *t = &x->tok[i];
	const char *w = x->t + t->s;

	if (i + 1 >= j || x->head || t->e - t->s != 2 ||
	    (t->f & (T_SENT | T_ALLCAP | T_ABBR)) || !(t->f & T_CAP) ||
	    !(w[1] >= 'a' && w[1] <= 'z') || !joined(x, i) ||
	    (i > 0 && (x->tok[i - 1].f & T_CAP)) ||
	    (x->tok[i + 1].f & (T_ALLCAP | T_ABBR)) || (lists_of(x, i, i + 1) &
	    L(TITLE)) || (lists_of(x, i, j) & (L(PLACE) | L(ORG))))
		return 0;	/* (not "Mr Ahmed", "An Giang") */
	return memchr(x->t + x->tok[i + 1].s, '-', x->tok[i + 1].e -
	    x->tok[i + 1].s) != NULL || (lists_of(x, i + 1, i + 2) &
	    (L(GIVEN) | L(SURNAME)));
}

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
		/* a title after a given name, ending the run, is a
		 * surname ("Abdul Karim Sheikh", "Tom King"), but never
		 * an honorific: "Anjali Miss" is Anjali, a teacher's
		 * name in South Asian use */
		if ((l & L(TITLE)) && k == 1 && i + 1 == j && i > 0 &&
		    joined(x, i - 1) && (x->tok[i - 1].f & T_CAP) &&
		    (lists_of(x, i - 1, i) & L(GIVEN)) &&
		    !(x->tok[i].f & (T_ALLCAP | T_ABBR)) &&
		    !word_in(x, i, honorifics))
			return 0;
		/* a title that is also a given name, before one more word
		 * ending the run, is that given name ("said Dean Whitaker",
		 * not after a title: "Associate Dean Ross") */
		if ((l & L(TITLE)) && k == 1 && (l & L(GIVEN)) &&
		    i + 2 == j && !(lists_of(x, i + 1, j) & (L(GIVEN) |
		    L(TITLE) | L(PLACE) | L(ORG))) && !(i > 0 &&
		    joined(x, i - 1) && (lists_of(x, i - 1, i) & L(TITLE))))
			return 0;
		/* "Prosecutor's Office of Georgia": a title's possessive
		 * before an organisation's head is inside its name */
		if ((l & L(TITLE)) && k == 1 && i + 1 < j &&
		    possessive_join(x, i + 1))
			return 0;
		if (l & L(TITLE)) {
			*title = 1;
			return k;
		}
		/* "The Sri Lankan arm", "Northern Irish voters" */
		if ((l & L(NATIONALITY)) && k > 1)
			return k;
		if (k > 1)
			continue;
		/* An acronym the text defines is a name ("the DNA"); a
		 * month after a given name is a surname ("Harriet May"). */
		if ((l & L(NOT_ENTITY)) && votes_of(x, i, i + 1) != NULL &&
		    (x->tok[i].f & T_ALLCAP))
			return 0;
		if ((l & L(CALENDAR)) && ((i > 0 && joined(x, i - 1) &&
		    (x->tok[i - 1].f & T_CAP) &&
		    (lists_of(x, i - 1, i) & L(GIVEN))) || ((l & L(GIVEN)) &&
		    i + 1 < j)))
			return 0;
		/* so is a nationality ending the run ("Bongani Zulu") */
		if ((l & L(NATIONALITY)) && i + 1 == j && i > 0 &&
		    joined(x, i - 1) && (x->tok[i - 1].f & T_CAP) &&
		    !(x->tok[i].f & T_ALLCAP) &&
		    (lists_of(x, i - 1, i) & L(GIVEN)))
			return 0;
		if ((l & L(STOP)) && (stop_surname(x, i, j) ||
		    stop_family(x, i, j)))
			return 0;
		/* "Opera North", "Radio West": a point of the compass
		 * ending the run after an organisation's word is inside
		 * its name (wt-h9read) */
		if ((l & L(STOP)) && i + 1 == j && i > 0 && joined(x, i - 1) &&
		    !(x->tok[i].f & T_ALLCAP) &&
		    (lists_of(x, i - 1, i) & L(ORG_WORD)) &&
		    word_in(x, i, quarters))
			return 0;
		/* "if An Bord Pleanála approves", "An Nguyen said": "An"
		 * capitalised mid-sentence before a name is the Irish
		 * article or a given name, never the English one, so
		 * inside the name (wt-ents11) */
		if (i + 1 < j && !x->head && !(x->tok[i].f & (T_SENT |
		    T_ALLCAP)) && tok_is(x, i, "An") && i > 0 &&
		    (x->tok[i - 1].f & T_LOWER))
			return 0;
		if (l & (L(NATIONALITY) | L(CALENDAR) | L(STOP) |
		    L(NOT_ENTITY)))
			return 1;
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

/* Are the words of i..j-1 outside [ks, ke) capitalised words no list
 * knows (the rest of a longer name: "Hokuto Kagaku", "WWF Greece")? */
static int
unknown_rest(const struct ctx *x, size_t i, size_t j, size_t ks, size_t ke)
{
	size_t k;

	for (k = i; k < j; k++) {
		if (k >= ks && k < ke)
			continue;
		if (!(x->tok[k].f & T_CAP) || lists_of(x, k, k + 1) != 0 ||
		    surname_ending(x, k))
			return 0;
	}
	return 1;
}

/*
 * "Eczacıbaşı Dynavit came back to beat ŁKS Commercecon Łódź": an
 * organisation the document knows ([ks, ke) opening the run), then
 * capitalised words no list knows, the last maybe a place (a club's
 * sponsor and its city): one organisation, also opening a sentence
 * (heldout10's hs02: the club's short name alone, and its account's
 * quote went to it).  Per run holding a known name.
 */
static int
org_goes_on(const struct ctx *x, size_t i, size_t j, size_t ks, size_t ke)
{
	size_t k;

	if (ks != i || ke >= j || j - i > 4)
		return 0;
	for (k = ke; k < j; k++) {
		if (!(x->tok[k].f & T_CAP) || (x->tok[k].f & T_ALLCAP) ||
		    surname_ending(x, k) || (lists_of(x, k, k + 1) != 0 &&
		    (k + 1 < j || k == ke || (lists_of(x, k, k + 1) &
		    (L(PLACE) | L(GIVEN) | L(SURNAME))) != L(PLACE))))
			return 0;
	}
	return 1;
}

/*
 * A name of unknown words around a known one ("WWF Greece", "Fisheries
 * New Zealand") is one organisation's mid-sentence; opening a sentence
 * only where the document writes the same words mid-sentence too
 * (heldout10's hs01: "Fisheries New Zealand welcomed the sentence. In a
 * statement, the agency said": a place, and its three quotes went to
 * the company named before).  Pass 1 notes each mid-sentence one.
 */
static int
known_part_org(struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	const struct vote *v;
	size_t n;

	if (!(x->tok[i].f & T_SENT)) {
		if (x->pass == 1) {
			k = key_of(x, i, j, buf, &n);
			vote_add(x, k, n)->mid = 1;
		}
		return 1;
	}
	return x->pass == 2 && (v = votes_of(x, i, j)) != NULL && v->mid;
}

/* Does the document name i..j-1 as a person or an organisation? */
static int
named_otherwise(const struct ctx *x, size_t i, size_t j)
{
	int v = vote_best(votes_of(x, i, j));

	return v == V_PERSON || v == V_ORG;
}

/* Is the name that ends at word j-1 a modifier of a noun after it ("the
 * Amazon warehouse", not "the Amazon and its rivers")? */
static int
modifier(const struct ctx *x, size_t j)
{
	static const char *const links[] = { "and", "or", "is", "was",
	    "has", "had", "in", "on", "of", "at", "to", "from", "where",
	    "which", "that", "through", "itself", "into", "for", "with",
	    "by", "as", "over", "under", "during", "after", "before",
	    "since", "until", "while", "when", "but", "because", "across",
	    "are", "were", "will", "would", "can", "could", "may", NULL };
	const struct tok *w = &x->tok[j];

	/* (nor a verb in the past: "the Amazon watched from space") */
	return j < x->ntok && joined(x, j - 1) && (w->f & T_LOWER) &&
	    !word_in(x, j, links) && !(w->e - w->s > 3 &&
	    memcmp(x->t + w->e - 2, "ed", 2) == 0);
}

/*
 * Type of a listed or (pass 2) voted whole string, or -1.  A place that
 * is also a common word (Reading) is one only where a common word would
 * not be capitalised, or where the words around say place; a place that
 * is also a person's name (Victoria) is one unless they say person.
 * *strong: a list or the document says so, not a guess.
 */
static int
known_type(const struct ctx *x, size_t i, size_t j, int *strong)
{
	unsigned l = lists_of(x, i, j);
	int v;

	*strong = 1;
	/* Amazon the river ("the Amazon", "in the Amazon basin") and the
	 * company ("Amazon said in a statement"), mention by mention */
	if ((l & L(PLACE)) && (l & L(ORG))) {
		*strong = 2;	/* kept where the document votes otherwise */
		return place_noun(x, i, j) || (the_before(x, i) &&
		    !org_cue(x, i, j) && !modifier(x, j)) ? ENT_PLACE : ENT_ORG;
	}
	/* "Reading the report": a common word, whatever the document
	 * says of Reading the town (but Hale may be Victoria Hale) */
	if ((l & L(PLACE_WORD)) && !(l & L(PLACE)) && (x->head ||
	    ((x->tok[i].f & T_SENT) && !place_cue(x, i, j, 1))) &&
	    !named_otherwise(x, i, j))
		return -1;
	if (x->pass == 2 && (v = vote_best(votes_of(x, i, j))) >= 0)
		return vote_to_type(v);
	if (l & L(PLACE))
		return ENT_PLACE;
	if (l & L(ORG))
		return ENT_ORG;
	if (l & L(PERSON))
		return ENT_PERSON;
	if (!(l & (L(PLACE_WORD) | L(PLACE_PERSON))))
		return -1;
	if ((l & L(PLACE_PERSON)) && person_cue(x, i, j))
		return -1;
	*strong = !(l & L(PLACE_WORD));
	return ENT_PLACE;
}

/* "West Yorkshire Police said": a quarter word opening a sentence
 * before a known place is part of the name, not a stop word. */
static int
quarter_before_place(const struct ctx *x, size_t i)
{
	return i + 1 < x->ntok && joined(x, i) && word_in(x, i, quarters) &&
	    (lists_of(x, i + 1, i + 2) & L(PLACE));
}

/* The head of a name joined by "of", "for" or "in" (the last word before
 * the first of them: "People's Committee of ..."), else its last word. */
static size_t
head_word(const struct ctx *x, size_t i, size_t j)
{
	size_t k;

	for (k = i + 1; k < j; k++) {
		if (x->tok[k].f & T_LOWER)
			return k - 1;
	}
	return j - 1;
}

/* The type a name's head word gives it (an organisation or a facility
 * word), or -1. */
/* Kinds of venue before Centre, Center (head_type). */
static const char *const venue_kinds[] = { "Recreation", "Leisure",
    "Sports", "Shopping", "Conference", "Exhibition", "Convention",
    "Community", "Civic", "Aquatic", "Aquatics", "Visitor", "Visitors",
    "Events", "Swimming", "Tennis", "Fitness", NULL };

/* Facilities in the plural, run by a company named by them. */
static const char *const operated[] = { "Terminals", "Airports", "Ports",
    "Hotels", "Resorts", "Cinemas", "Theatres", "Stores", "Warehouses",
    "Marinas", "Casinos", "Motels", "Inns", "Shipyards", NULL };

static int
head_type(const struct ctx *x, size_t i, size_t j)
{
	size_t h = head_word(x, i, j), k;
	unsigned l = lists_of(x, h, h + 1);

	/* "National Museums of Kenya", "State Archives of X" */
	if (h + 1 < j && tok_is(x, h + 1, "of"))
		l |= plural_head(x, h);
	/* "Kenora Recreation Centre", "Halton Leisure Center": a kind of
	 * venue before a word that heads both organisations and places
	 * makes a place (not "Legal Resources Centre"; wt-ents11) */
	if (h + 1 == j && h > i && (l & L(FAC_WORD)) &&
	    word_in(x, h - 1, venue_kinds))
		return ENT_PLACE;
	if (l & L(ORG_WORD))
		return ENT_ORG;
	/* "X Gateway Terminals", "Y Airports", "Z Hotels": the plural of
	 * a facility a company runs heads the company (wt-h15read) */
	if (h + 1 == j && h > i && x->t[x->tok[h].e - 1] == 's' &&
	    word_in(x, h, operated))
		return ENT_ORG;
	/* "Central Valley Unified School District", "Fulton Hospital
	 * District": a district an organisation word qualifies is a body
	 * that runs schools or hospitals (wt-h12read) */
	if (h + 1 == j && h > i && tok_is(x, h, "District") &&
	    (lists_of(x, h - 1, h) & L(ORG_WORD)))
		return ENT_ORG;
	/* "Lake of the Woods District Hospital", "Bay of Plenty Regional
	 * Council": an organisation word ends the name after its "of" */
	if (h + 2 < j && (lists_of(x, j - 1, j) & L(ORG_WORD)) &&
	    (x->tok[j - 2].f & T_CAP))
		return ENT_ORG;
	if (l & L(FAC_WORD))
		return ENT_PLACE;
	/* "Banco Central do Brasil", "Pontificia Universidad Católica
	 * del Perú": the head before a particle */
	if (h > i && h + 1 < j && (x->tok[h + 1].f & T_LOWER) &&
	    !tok_is(x, h + 1, "of") && !tok_is(x, h + 1, "for") &&
	    !tok_is(x, h + 1, "and")) {
		for (k = i; k < h; k++) {
			if (lists_of(x, k, k + 1) & L(ORG_WORD))
				return ENT_ORG;
		}
	}
	/* "Radio France", "University College Dublin", "Kestrel Capital
	 * Markets": an organisation word inside, not after a given name */
	if (h + 1 == j && !(lists_of(x, i, i + 1) & L(GIVEN))) {
		for (k = i; k < j; k++) {
			if (lists_of(x, k, k + 1) & L(ORG_WORD))
				return ENT_ORG;
		}
	}
	return -1;
}

/* Family name first: "Zhou Mingyu", "Park Ji-woo", "Nguyễn Thị Hoa". */
static int
surname_first(const struct ctx *x, size_t i, size_t j)
{
	size_t k;

	if (j - i < 2 || j - i > 3 ||
	    !(lists_of(x, i, i + 1) & L(SURNAME_FIRST)) ||
	    (x->tok[i].f & T_ALLCAP))
		return 0;
	for (k = i + 1; k < j; k++) {
		if (!(x->tok[k].f & T_CAP) || (x->tok[k].f & T_ALLCAP) ||
		    (lists_of(x, k, k + 1) & (L(PLACE) | L(ORG) |
		    L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD))))
			return 0;
	}
	return 1;
}

/* "Hamad bin Khalifa Al Thani", "Fatima bint Saad": "son of" or
 * "daughter of" inside a name says person. */
static int
patronymic(const struct ctx *x, size_t i, size_t j)
{
	static const char *const sons[] = { "bin", "ibn", "bint", "ben",
	    NULL };
	size_t k;

	if (j - i < 3 || (lists_of(x, i, i + 1) & (L(ORG_WORD) |
	    L(FAC_WORD) | L(OF_HEAD) | L(PLACE))))
		return 0;
	for (k = i + 1; k + 1 < j; k++) {
		if ((x->tok[k].f & T_LOWER) && word_in(x, k, sons))
			return 1;
	}
	return 0;
}

/* "San Pedro de Atacama", "Hoek van Holland": names joined by a
 * particle whose part before it or last word is a known place, not
 * after a given name ("Paulo de Lima") or an organisation word. */
static int
particle_place(const struct ctx *x, size_t i, size_t j)
{
	const struct vote *v;
	size_t k;

	if (j - i < 3 || j - i > 5 || (lists_of(x, i, i + 1) & (L(GIVEN) |
	    L(TITLE) | L(PERSON) | L(ORG_WORD))) || (x->tok[i].f & T_ALLCAP))
		return 0;
	/* (not "Teixeira de Albuquerque" after "Mariana Teixeira de
	 * Albuquerque": a person's surname) */
	if ((v = votes_of(x, i, j)) != NULL && v->sur)
		return 0;
	for (k = i + 1; k + 1 < j; k++) {
		/* (not "Pontificia Universidad Católica del Perú") */
		if (lists_of(x, k, k + 1) & L(ORG_WORD))
			return 0;
		if (!(x->tok[k].f & T_LOWER))
			continue;
		if (!(lists_of(x, k, k + 1) & L(PARTICLE)))
			return 0;
		return ((lists_of(x, i, k) | lists_of(x, j - 1, j)) &
		    (L(PLACE) | L(PLACE_PERSON) | L(ORG) | L(PERSON))) != 0 &&
		    ((lists_of(x, i, k) | lists_of(x, j - 1, j)) & (L(ORG) |
		    L(PERSON))) == 0;
	}
	return 0;
}

/* "Trần Thị Mỹ Linh", "Nguyễn Văn An": a Vietnamese name with its
 * middle name, whose given name may be a word a list knows otherwise. */
static int
vietnamese_name(const struct ctx *x, size_t i, size_t j)
{
	static const char *const middle[] = { "Thị", "Văn", "Thi", NULL };
	size_t k;

	if (j - i < 3 || j - i > 4 ||
	    !(lists_of(x, i, i + 1) & L(SURNAME_FIRST)) ||
	    !word_in(x, i + 1, middle))
		return 0;
	for (k = i; k < j; k++) {
		if (!(x->tok[k].f & T_CAP) || (x->tok[k].f & T_ALLCAP) ||
		    (k > i && !joined(x, k - 1)) || (lists_of(x, k, k + 1) &
		    (L(ORG) | L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD))))
			return 0;
	}
	return 1;
}

/*
 * A name the document uses in two senses is typed by the words around
 * each mention: "in Washington" is the place even where "Washington
 * said" is Ellen Washington.  Returns 1 if it decided.
 */
static int
two_senses(struct ctx *x, size_t i, size_t j)
{
	const struct vote *v;

	unsigned l = lists_of(x, i, j);

	if (j - i <= 3 && (l & (L(PLACE) | L(PLACE_WORD) |
	    L(PLACE_PERSON))) && !(l & L(ORG)) && place_cue(x, i, j, 1)) {
		/* "a challenge from Takahashi" after "Ryo Takahashi": a
		 * person named before, "from" being no place's own word */
		if (j - i == 1 && i > 0 && tok_is(x, i - 1, "from") &&
		    (v = votes_of(x, i, j)) != NULL && v->sur) {
			mention(x, i, j, ENT_PERSON, 2);
			return 1;
		}
		mention(x, i, j, ENT_PLACE, 2);
		return 1;
	}
	if (j - i == 1 && (v = votes_of(x, i, j)) != NULL && v->sur &&
	    person_cue(x, i, j)) {
		mention(x, i, j, ENT_PERSON, 2);
		return 1;
	}
	return 0;
}

/* "Prosecutors said", "Officers said": a plural noun that starts a
 * sentence (or a live blog's line), not a name. */
static int
plural_noun(const struct ctx *x, size_t i, size_t j)
{
	const struct tok *t = &x->tok[i];

	/* at a sentence's start, or after a time ("09:12 Unions say") */
	return j - i == 1 && ((t->f & T_SENT) || (i > 0 &&
	    (x->tok[i - 1].f & T_DIGIT))) && x->t[t->e - 1] == 's' &&
	    !(lists_of(x, i, j) & (L(GIVEN) | L(SURNAME))) &&
	    !surname_ending(x, i);
}

/* Lower-case nouns for a work or a product, no entity ("its new game,
 * X,", "X, a space racer"). */
static const char *const work_nouns[] = { "game", "sequel", "follow-up",
    "title", "novel", "film", "movie", "album", "single", "song", "book",
    "series", "show", "play", "opera", "musical", "documentary", "drama",
    "app", "racer", "shooter", "puzzler", "platformer", "drug", "vaccine",
    "phone", "handset", "model", "sedan", "hatchback", "painting", NULL };

/* "its big-budget follow-up, Starfall Drift,", "Starfall Drift, a space
 * racer with": an unknown name apposed to a kind of work or product. */
/*
 * "most memorably in Swan Lake, a performance that": a name right
 * before (its comma looked at by the caller) ", a" (or "the", "her",
 * "his") and at most one lower-case word
 * then a work's noun (a performance, a production) is a work's, no
 * entity (CONVENTIONS), unless a list knows the whole name (wt-h9read).
 */
static int
work_named(const struct ctx *x, size_t i, size_t j)
{
	static const char *const works[] = { "performance", "production",
	    "ballet", "opera", "play", "musical", "novel", "film", "album",
	    "song", "painting", "symphony", "concerto", NULL };
	static const char *const dets[] = { "a", "an", "the", "her", "his",
	    "their", NULL };
	size_t k;

	if (j + 2 >= x->ntok || x->tok[j].s != x->tok[j - 1].e + 2 ||
	    !word_in(x, j, dets))
		return 0;
	for (k = j + 1; k <= j + 2 && k < x->ntok && joined(x, k - 1) &&
	    (x->tok[k].f & T_LOWER); k++) {
		if (word_in(x, k, works))	/* (not "the play's director") */
			return lists_of(x, i, j) == 0 &&
			    !possessive_after(x, k + 1);
	}
	return 0;
}

static int
work_apposed(const struct ctx *x, size_t i, size_t j)
{
	return (i > 0 && x->tok[i].s == x->tok[i - 1].e + 2 &&
	    x->t[x->tok[i - 1].e] == ',' && (x->tok[i - 1].f & T_LOWER) &&
	    word_in(x, i - 1, work_nouns)) || apposed_head(x, j, work_nouns);
}

/*
 * Words i, i+1 (j == i+2, one blank between them, the last no list
 * knows): remember the name with its last word, for that word alone
 * later on (pair_person).  Pass 1, once per name of two words.
 */
static void
full_name_of_last(struct ctx *x, size_t i, size_t j)
{
	struct vote *v;

	if (j != i + 2 || x->tok[i + 1].s != x->tok[i].e + 1 ||
	    x->t[x->tok[i].e] != ' ' || lists_of(x, i + 1, j) != 0 ||
	    (x->tok[i + 1].f & (T_ALLCAP | T_ABBR | T_DIGIT)))
		return;
	v = vote_add(x, x->t + x->tok[i + 1].s, x->tok[i + 1].e -
	    x->tok[i + 1].s);
	if (v->full_e == 0) {
		v->full_s = x->tok[i].s;
		v->full_e = x->tok[i + 1].e;
	}
}

/* "Tharindu Rajapakse": each unknown word of a name of two and the
 * other word, for either alone later (pair_person, halves_alone) */
static void
note_pair(struct ctx *x, size_t i, size_t j)
{
	struct vote *v;

	full_name_of_last(x, i, j);
	if (j == i + 2 && lists_of(x, i, i + 1) == 0 &&
	    !(x->tok[i].f & (T_ALLCAP | T_ABBR | T_DIGIT))) {
		v = vote_add(x, x->t + x->tok[i].s, x->tok[i].e - x->tok[i].s);
		if (v->next_e == 0) {
			v->next_s = x->tok[i + 1].s;
			v->next_e = x->tok[i + 1].e;
		}
	}
}

static void
vote_mid(struct ctx *x, size_t i, size_t j)
{
	char buf[KEYBUF];
	const char *k;
	size_t n;
	struct vote *v;

	k = key_of(x, i, j, buf, &n);
	v = vote_add(x, k, n);
	v->mid = 1;
	if (work_apposed(x, i, j))
		v->work = 1;
	note_pair(x, i, j);
}

/* Pass 1: an unknown capitalised word that is a name by itself
 * ("Warsame had", "Hodan, the ..."), for halves_alone. */
static void
note_alone(struct ctx *x, size_t i)
{
	const struct tok *t = &x->tok[i];

	if (x->pass == 1 && (t->f & T_CAP) && !(t->f & (T_ALLCAP | T_ABBR |
	    T_DIGIT)) && lists_of(x, i, i + 1) == 0)
		vote_add(x, x->t + t->s, t->e - t->s)->alone = 1;
}

/* Was the text s[0, n) seen as an unknown name by itself? */
static int
seen_alone(const struct ctx *x, size_t s, size_t e)
{
	const struct vote *v = vote_get(x, x->t + s, e - s);

	return v != NULL && v->alone;
}

/* The end of the first word of the name at [s, e) (one blank after it:
 * full_name_of_last). */
static size_t
first_word_end(const struct ctx *x, size_t s, size_t e)
{
	const char *b = memchr(x->t + s, ' ', e - s);

	return b != NULL ? (size_t)(b - x->t) : e;
}

/*
 * Pass 2: both words of an unknown name of two seen alone elsewhere in
 * the document: "Hodan Warsame" with "Warsame had ..." and "Hodan, the
 * ...".  A person is named by either half; an organisation of two
 * unknown words seldom by its last (issue 14 item 4: one sense per
 * document, from the whole document, even where every mention opens a
 * sentence).
 */
static int
halves_alone(const struct ctx *x, size_t i, size_t j)
{
	return x->pass == 2 && j == i + 2 && joined(x, i) &&
	    lists_of(x, i, i + 1) == 0 && lists_of(x, i + 1, j) == 0 &&
	    !((x->tok[i].f | x->tok[i + 1].f) & (T_ALLCAP | T_ABBR |
	    T_DIGIT)) && seen_alone(x, x->tok[i].s, x->tok[i].e) &&
	    seen_alone(x, x->tok[i + 1].s, x->tok[i + 1].e);
}

/*
 * One word alone that no list or vote types, and that the document saw
 * in a name of two words it votes a person's: "Tharindu bowled", after
 * "Tharindu Rajapakse" and "Rajapakse said" (its first word, whose
 * second is voted a person's); "Bakhtadzelia refused him", after "Keto
 * Bakhtadzelia swears she" (its last word, a surname: issue 14 item 6,
 * once a full name is a person, its surname alone is too).
 */
static int
pair_person(const struct ctx *x, size_t i, size_t j)
{
	const struct vote *v;

	if (j != i + 1 || x->pass != 2 || (v = votes_of(x, i, j)) == NULL ||
	    vote_best(v) >= 0)
		return 0;
	return (v->next_e != 0 && vote_best(vote_get(x, x->t + v->next_s,
	    v->next_e - v->next_s)) == V_PERSON) || (v->full_e != 0 &&
	    vote_best(vote_get(x, x->t + v->full_s, v->full_e - v->full_s)) ==
	    V_PERSON) || (v->alone && ((v->next_e != 0 && seen_alone(x,
	    v->next_s, v->next_e)) || (v->full_e != 0 && seen_alone(x,
	    v->full_s, first_word_end(x, v->full_s, v->full_e)))));
}

/* "a farmer in Szabolcs": one word right after "in" or "near" (not
 * "in Maria's view") is no person. */
static int
in_one_word(const struct ctx *x, size_t i)
{
	return i > 0 && (tok_is(x, i - 1, "in") ||
	    tok_is(x, i - 1, "near")) && joined(x, i - 1) &&
	    !possessive_after(x, i + 1) && (i + 1 >= x->ntok ||
	    !joined(x, i) || !(x->tok[i + 1].f & T_CAP));
}

/* "lived in Tân Châu", "In Koh Ksach, ...", "near Anand Vihar": a name
 * shaped like a person's (a given or family name first) right after
 * "in" or "near", not a possessive ("in Kim Tae-ho's team"). */
static int
lived_in(const struct ctx *x, size_t i, size_t j)
{
	static const char *const preps[] = { "in", "near", "In", "Near",
	    NULL };

	if (i == 0 || !joined(x, i - 1) || !word_in(x, i - 1, preps) ||
	    possessive_after(x, j))
		return 0;
	return (x->tok[i - 1].f & T_LOWER) || (x->tok[i - 1].f & T_SENT);
}

/*
 * "the clinic at Ofankor", "nurses at Ofankor said": one word no list
 * knows, mid-sentence after "at", is a place, unless it looks like a
 * company's (a capital inside, "-bank"), is a person's surname in this
 * document, or follows a workplace ("worked at X"; "analysts at X" is
 * org_cue's).
 */
static int
at_place(const struct ctx *x, size_t i, size_t j)
{
	static const char *const work[] = { "work", "works", "worked",
	    "working", "job", "jobs", "career", "role", "stint", "post",
	    "position", "staff", "employees", "workers", "colleagues",
	    "internship", "employed", "hired", NULL };
	const struct tok *k = &x->tok[i];
	const struct vote *v;
	size_t p;

	if (j != i + 1 || i < 2 || (k->f & (T_SENT | T_ALLCAP | T_DIGIT |
	    T_ABBR)) || !tok_is(x, i - 1, "at") || !joined(x, i - 1) ||
	    (joined(x, i - 2) && word_in(x, i - 2, work)))
		return 0;
	for (p = k->s + 1; p < k->e; p++) {
		if (x->t[p] >= 'A' && x->t[p] <= 'Z')
			return 0;
	}
	if (k->e - k->s > 4 && memcmp(x->t + k->e - 4, "bank", 4) == 0)
		return 0;
	return (v = votes_of(x, i, j)) == NULL || !v->sur;
}

/* A name shaped like a person's, unless a place noun follows ("the Yen
 * Phong industrial zone") and no title says person. */
static int
shaped_person(const struct ctx *x, size_t i, size_t j, int cue)
{
	return j - i <= 3 && !cue && (place_noun(x, i, j) ||
	    lived_in(x, i, j) || place_apposed_alone(x, j) ||
	    place_predicate(x, j)) &&
	    !title_before(x, i) ? ENT_PLACE : ENT_PERSON;
}

/* A piece of a run, without titles or nationality words. */
/*
 * Is word k a list's separator before word k+1: ", " or " and "/" or "?
 * The separator's first word, or k+1 if none.
 */
static size_t
list_sep_before(const struct ctx *x, size_t k)
{
	if (k >= 1 && x->tok[k].s == x->tok[k - 1].e + 2 &&
	    x->t[x->tok[k - 1].e] == ',' && x->t[x->tok[k - 1].e + 1] == ' ')
		return k;	/* the member ends at k-1 */
	if (k >= 2 && (tok_is(x, k - 1, "and") || tok_is(x, k - 1, "or")) &&
	    joined(x, k - 1) && joined(x, k - 2))
		return k - 1;
	return k + 1;
}

/*
 * The type of the name at i..j-1 by the names it is listed with ("Anand
 * Vihar and X", "Galway, Clare and Mayo", "Tokyo Electron and X", "X
 * and Tokyo Electron"), or -1: the nearest member of the list (up to
 * three back, one ahead) that a list or the document's votes type, a
 * lone given name skipped (issue 14 item 4: a name's type from its
 * context).  Called only for a word no list types: a few word compares.
 */
static int
coordinated_type(const struct ctx *x, size_t i, size_t j)
{
	const struct vote *v;
	size_t p = i, e, s, m, n;
	int t, strong;

	/* a comma before it makes a list only if one goes on after it
	 * ("Galway, Clare and Mayo"; not "In Warsaw, Kowalczyk said") */
	if (list_sep_before(x, i) == i && (j >= x->ntok ||
	    list_sep_before(x, j) != j) && !(j + 1 < x->ntok &&
	    (tok_is(x, j, "and") || tok_is(x, j, "or")) && joined(x, j - 1)))
		return -1;
	for (m = 0; m < 3; m++) {
		if ((e = list_sep_before(x, p)) > p || e < 1 ||
		    !(x->tok[e - 1].f & T_CAP))
			break;
		/* the member e-k..e-1: its longest typed tail, up to 3 words */
		for (s = e - 1; s > 0 && e - s < 3 && joined(x, s - 1) &&
		    (x->tok[s - 1].f & T_CAP) && !(x->tok[s - 1].f & T_SENT);
		    s--)
			;
		for (n = s; n < e; n++) {
			if (e - n == 1 && (lists_of(x, n, e) & (L(GIVEN) |
			    L(PLACE) | L(ORG) | L(PERSON))) == L(GIVEN))
				break;	/* "Clare": a lone given name */
			if ((t = known_type(x, n, e, &strong)) >= 0)
				return t;
		}
		/* an unknown name of two words or more seen mid-sentence,
		 * which classify_piece makes an organisation */
		if (n == e && e - s >= 2 && (v = votes_of(x, s, e)) != NULL &&
		    v->mid && !v->work && lists_of(x, s, e) == 0)
			return ENT_ORG;
		p = s;
		if (x->tok[p].f & T_SENT)
			break;
	}
	/* "X and Tokyo Electron": one member ahead */
	if (j + 1 < x->ntok && (tok_is(x, j, "and") || tok_is(x, j, "or")) &&
	    joined(x, j - 1) && joined(x, j) && (x->tok[j + 1].f & T_CAP)) {
		for (e = j + 1; e < x->ntok && e < j + 4 &&
		    (x->tok[e].f & T_CAP) && (e == j + 1 || joined(x, e - 1));
		    e++)
			;
		for (; e > j + 1; e--) {
			if (e - j - 1 == 1 && (lists_of(x, j + 1, e) &
			    (L(GIVEN) | L(PLACE) | L(ORG) | L(PERSON))) ==
			    L(GIVEN))
				continue;
			if ((t = known_type(x, j + 1, e, &strong)) >= 0)
				return t;
		}
	}
	return -1;
}

/* Is word k a number that a percentage follows or ends ("11%", "3.2
 * per cent", "4 percent")? */
static int
percent_at(const struct ctx *x, size_t k)
{
	size_t e;

	if (k >= x->ntok || !(x->tok[k].f & T_DIGIT))
		return 0;
	e = x->tok[k].e;
	if (x->t[e - 1] == '%' || (e < x->len && x->t[e] == '%'))
		return 1;
	return k + 1 < x->ntok && joined(x, k) && (tok_is(x, k + 1,
	    "percent") || tok_is(x, k + 1, "per") || tok_is(x, k + 1, "pc"));
}

/*
 * "Azul fell 11% and", "shares in the pulp maker Suzano rose 1.8%": a
 * name whose price moves by a percentage, or one word right after a
 * kind of organisation, is a company, even where a list knows a town
 * of that name (issue 14 item 4: a name's type from its context).  The
 * flags of two words are read first: a few compares for most names.
 */
/*
 * "SunSport", "BlackRock", "JetBlue": one word of ASCII letters that
 * joins two words, a capital after three lower-case letters or more, is
 * a brand, not a person's name (not "MacAllister", "FitzGerald",
 * "VanDyke", "AbuBakar": a name's prefix; not "DeShawn", "McKay": a
 * prefix of two letters).  Per one-word name no list knows.
 */
static int
camel_brand(const struct ctx *x, size_t i)
{
	static const char *const prefixes[] = { "Mac", "Fitz", "Van", "Von",
	    "Vander", "Del", "Della", "Dal", "Des", "San", "Santa", "Ten",
	    "Ter", "Abu", "Ibn", "Bin", "Ben", "Sha", NULL };
	const char *w = x->t + x->tok[i].s;
	size_t n = x->tok[i].e - x->tok[i].s, p, k;

	if (x->tok[i].f & T_ALLCAP)
		return 0;
	for (p = 1; p < n && w[p] >= 'a' && w[p] <= 'z'; p++)
		;
	if (p < 3 || p + 3 > n || w[p] < 'A' || w[p] > 'Z' ||
	    w[p + 1] < 'a' || w[p + 1] > 'z' || lists_of(x, i, i + 1) != 0)
		return 0;
	for (k = p + 1; k < n; k++) {
		if (!((w[k] >= 'a' && w[k] <= 'z') || (w[k] >= 'A' &&
		    w[k] <= 'Z')))
			return 0;
	}
	for (k = 0; prefixes[k] != NULL; k++) {
		if (strlen(prefixes[k]) == p && memcmp(w, prefixes[k], p) == 0)
			return 0;
	}
	return 1;
}

/* "Kaspi.kz", "Booking.com": a name with its web domain (domain_at) is
 * a company's. */
static int
web_name(const struct ctx *x, size_t i)
{
	const struct tok *k = &x->tok[i];
	size_t p;

	if (k->e - k->s < 4 || (x->t[k->e - 3] != '.' &&
	    x->t[k->e - 4] != '.'))
		return 0;
	p = x->t[k->e - 3] == '.' ? k->e - 3 : k->e - 4;
	return domain_at(x->t, k->e, p) > 0;
}

static int
company_cue(const struct ctx *x, size_t i, size_t j)
{
	static const char *const moves[] = { "rose", "fell", "gained",
	    "lost", "slipped", "jumped", "climbed", "dropped", "slid",
	    "surged", "tumbled", "sank", "soared", "plunged", "rallied",
	    "eased", "added", "shed", "advanced", "declined", NULL };
	size_t k = j;

	if (j - i > 3 || (x->tok[i].f & T_ALLCAP))
		return 0;
	if (j - i == 1 && (camel_brand(x, i) || web_name(x, i)))
		return 1;
	if (j - i == 1 && kind_before(x, i) && i >= 2 &&
	    !(lists_of(x, i, j) & (L(GIVEN) | L(SURNAME) | L(TITLE))) &&
	    !possessive_after(x, j))
		return 1;
	if (k + 1 >= x->ntok || !(x->tok[k + 1].f & T_DIGIT) ||
	    !(x->tok[k].f & T_LOWER) || !joined(x, k - 1) || !joined(x, k))
		return 0;
	if (!word_in(x, k, moves) || !percent_at(x, k + 1) ||
	    prep_before(x, i, 1))
		return 0;
	/* "Sales rose 4%", "Exports fell 2%": a word opening a sentence
	 * is a company only if a list knows it or it recurs mid-sentence */
	if (x->tok[i].f & T_SENT) {
		const struct vote *v = votes_of(x, i, j);

		return lists_of(x, i, j) != 0 || (v != NULL && v->mid);
	}
	return 1;
}

/* "founded by Femke de Wit and Arjen Bos": does a person named just
 * before "and" precede word i (names joined so are of one kind)? */
static int
person_and(const struct ctx *x, size_t i)
{
	size_t k, a;

	if (i == 0 || !tok_is(x, i - 1, "and"))
		return 0;
	a = x->tok[i - 1].s;
	for (k = x->nc; k-- > 0 && x->c[k].e + 64 > a;) {
		if (x->c[k].e + 1 == a && x->t[x->c[k].e] == ' ' &&
		    x->c[k].type == ENT_PERSON)
			return 1;
	}
	return 0;
}

/* Is there " & " between two capitalised words of i..j-1? */
static int
run_ampersand(const struct ctx *x, size_t i, size_t j)
{
	size_t k;

	for (k = i; k + 1 < j; k++) {
		if (ampersand(x, k) && (x->tok[k].f & T_CAP) &&
		    (x->tok[k + 1].f & T_CAP))
			return 1;
	}
	return 0;
}

/*
 * "Tevita Lolohea has been doubted ...": one capitalised word opening a
 * sentence right before a surname the document makes a person's (ks,
 * word i + 1) is that person's given name, one sense per document
 * backwards, if it could be a name: the document never writes it in
 * lower case and no list knows it as anything but a name (wt-names9).
 */
static int
name_opens(const struct ctx *x, size_t i, size_t ks)
{
	return ks == i + 1 && joined(x, i) && (x->tok[i].f & T_CAP) &&
	    !(x->tok[i].f & (T_ALLCAP | T_ABBR | T_DIGIT)) &&
	    !common_word(x, i) && (lists_of(x, i, i + 1) &
	    ~(L(GIVEN) | L(SURNAME) | L(PERSON))) == 0;
}

/*
 * "to the Kunsthal, said", "the Nordhavn Kunsthal": a name no list
 * knows right after a lower-case "the" is no person's ("the" before a
 * person takes a title or an adjective first), most often an
 * organisation's: a guess, after the lists, heads and kinds.
 */
static int
the_unknown(const struct ctx *x, size_t i, size_t j, unsigned lists)
{
	return j - i <= 3 && the_before(x, i) && !(lists & (L(GIVEN) |
	    L(SURNAME) | L(PERSON) | L(TITLE) | L(PLACE))) &&
	    (j - i == 1 || !(lists_of(x, i + 1, i + 2) & (L(GIVEN) |
	    L(SURNAME)))) && !surname_ending(x, j - 1);
}

/*
 * "They face the Brumbies in Canberra": after "the" (not after a
 * place's preposition, "of" or "and"), a capitalised plural no list
 * knows, no common word, is a team, a band, a party: an organisation
 * (wt-h14read; per such word).
 */
static int
the_plural(const struct ctx *x, size_t i)
{
	/* (not "on the Tapajós", "in the Westfjords and the Eastfjords":
	 * a river, a region) */
	static const char *const before[] = { "in", "on", "at", "near",
	    "across", "into", "through", "around", "along", "and", "or",
	    "of", NULL };
	const struct tok *t = &x->tok[i];

	return i >= 2 && !(joined(x, i - 2) && word_in(x, i - 2, before)) &&
	    t->e - t->s >= 5 && x->t[t->e - 1] == 's' &&
	    x->t[t->e - 2] != 's' && x->t[t->e - 2] != '\'' &&
	    !(t->f & (T_ALLCAP | T_DIGIT)) &&
	    lists_of(x, i, i + 1) == 0 && !common_word(x, i);
}

/*
 * "Sentencing, the judge said": a word in -ing opening a sentence before
 * a comma, that no list knows and whose stem the document writes in
 * lower case ("sentence", "speak", "run" for "running") is a participle,
 * not a name ("Manning, the coach," stays: no "mann").  wt-h8read;
 * per one-word run that opens a sentence, never in the tokenizer.
 */
static int
participle_opens(const struct ctx *x, size_t i, size_t j)
{
	char buf[64 + 4];
	size_t n;
	const struct vote *v;

	if (j != i + 1 || !(x->tok[i].f & T_SENT) || !text_after(x, j, ",") ||
	    lists_of(x, i, j) != 0 || (n = lower_first(x, i, buf)) < 6 ||
	    memcmp(buf + n - 3, "ing", 3) != 0)
		return 0;
	n -= 3;
	if ((v = vote_get(x, buf, n)) != NULL && v->lower)
		return 1;
	buf[n] = 'e';		/* "sentenc" + e */
	if ((v = vote_get(x, buf, n + 1)) != NULL && v->lower)
		return 1;
	/* "running": a doubled consonant */
	return buf[n - 1] == buf[n - 2] && (v = vote_get(x, buf,
	    n - 1)) != NULL && v->lower;
}

/* "E. K. Nyame", "J. R. Tolkien": initials, each a capital and a period,
 * then one capitalised word no list gives a place's or an
 * organisation's: a person's name (wt-h12read). */
static int
initials_name(const struct ctx *x, size_t i, size_t j)
{
	size_t k;

	if (j - i < 3 || (x->tok[j - 1].f & (T_ALLCAP | T_ABBR)) ||
	    !(x->tok[j - 1].f & T_CAP) || (lists_of(x, j - 1, j) &
	    (L(ORG_WORD) | L(FAC_WORD) | L(PLACE) | L(ORG) | L(PLACE_WORD))))
		return 0;
	for (k = i; k + 1 < j; k++) {
		if (x->tok[k].e - x->tok[k].s != 2 ||
		    !(x->tok[k].f & T_ABBR) || !(x->tok[k].f & T_CAP))
			return 0;
	}
	return 1;
}

/*
 * "a 9,000 TEU ship", "1.1 million TEU", "40 MW": capitals no list
 * knows right after a number are its unit, no organisation (a year
 * before them, "in 2019 NATO", is no quantity; wt-h15read).
 */
static int
unit_after_number(const struct ctx *x, size_t i, unsigned lists)
{
	static const char *const scales[] = { "million", "billion",
	    "thousand", "trillion", "bn", "m", NULL };
	const struct tok *n;

	if (lists != 0 || i == 0 || !joined(x, i - 1))
		return 0;
	n = &x->tok[i - 1];
	if (word_in(x, i - 1, scales))
		return 1;
	return (n->f & T_DIGIT) && (x->t[n->s] >= '0' && x->t[n->s] <= '9') &&
	    !(n->e - n->s == 4 && (x->t[n->s] == '1' || x->t[n->s] == '2'));
}

/*
 * "Vatnajökull", "Eyjafjörður", "Grímsvötn", "Dettifoss": one word no
 * list knows ending in an Icelandic word for a natural feature (glacier,
 * fjord, lake, waterfall, lava field) after two bytes or more is that
 * place, as English writes them (wt-h15read).
 */
static int
feature_ending(const struct ctx *x, size_t i)
{
	static const struct { const char *s; size_t n; } ends[] = {
#define END(w) { (w), sizeof(w) - 1 }
	    END("jökull"), END("jokull"), END("fjörður"), END("fjordur"),
	    END("vötn"), END("votn"), END("vatn"), END("foss"), END("hraun"),
	    END("jökulsá"), { NULL, 0 }
#undef END
	};
	const struct tok *t = &x->tok[i];
	size_t n = t->e - t->s, e;

	char last = n >= 6 ? x->t[t->e - 1] : 0;

	/* (the last two bytes first: most words end otherwise) */
	if (last != 'l' && last != 'r' && last != 'n' && last != 's' &&
	    last != '\xa1')
		return 0;
	for (e = 0; ends[e].s != NULL; e++) {
		if (n >= ends[e].n + 2 && x->t[t->e - 2] ==
		    ends[e].s[ends[e].n - 2] && memcmp(x->t + t->e -
		    ends[e].n, ends[e].s, ends[e].n) == 0)
			return 1;
	}
	return 0;
}

/* A number of one or two digits at word k, then a comma, a semicolon
 * or a period (a scorer's tally). */
static int
tally_at(const struct ctx *x, size_t k)
{
	const struct tok *t;

	if (k >= x->ntok)
		return 0;
	t = &x->tok[k];
	return t->e - t->s <= 2 && x->t[t->s] >= '0' && x->t[t->s] <= '9' &&
	    (t->e - t->s == 1 || (x->t[t->s + 1] >= '0' &&
	    x->t[t->s + 1] <= '9')) && t->e < x->len &&
	    (x->t[t->e] == ',' || x->t[t->e] == ';' || x->t[t->e] == '.');
}

/*
 * "Kővári 8, Tskhovrebadze 7, Kubacki 5, others 10": a team's scorers,
 * each a name and a tally; a word in such a list after another item's
 * tally is a person (wt-h15read).  Work per name: its neighbours.
 */
static int
scorer_item(const struct ctx *x, size_t i)
{
	return i > 0 && i + 1 < x->ntok && joined(x, i) &&
	    !(x->tok[i].f & (T_ALLCAP | T_DIGIT)) && tally_at(x, i + 1) &&
	    tally_at(x, i - 1) && x->tok[i].s == x->tok[i - 1].e + 2;
}

static void
classify_piece(struct ctx *x, size_t i, size_t j, int cue)
{
	const struct vote *v;
	unsigned first, last;
	size_t ks, ke;
	int t, strong, the;

	while (i < j && (x->tok[i].f & T_SENT) && common_word(x, i) &&
	    known_type(x, i, j, &strong) < 0) {
		/* "Born X Y in ..." where the text also writes "born": the
		 * participle still says person */
		if (i + 1 < j && joined(x, i) && word_in(x, i, person_openers))
			cue = 1;
		i++;
	}
	if (i < j && role_opens(x, i, j) && known_type(x, i, j, &strong) < 0)
		i++, cue = 1;	/* a role word, cut like a title */
	else if (i + 1 < j && (x->tok[i].f & T_SENT) && joined(x, i) &&
	    word_in(x, i, person_openers) && known_type(x, i, j, &strong) < 0)
		i++, cue = 1;	/* "Born X Y in ...": a person's name */
	if (i >= j || participle_opens(x, i, j))
		return;
	if (j == i + 1)
		note_alone(x, i);
	/* "Reading the report", "Nice work": a common word starting a
	 * sentence, even where the document names the place */
	if (j - i == 1 && (x->tok[i].f & T_SENT) &&
	    (lists_of(x, i, j) & (L(PLACE_WORD) | L(PLACE))) ==
	    L(PLACE_WORD) && !place_cue(x, i, j, 1) &&
	    !named_otherwise(x, i, j))
		return;
	if (company_cue(x, i, j)) {
		mention(x, i, j, ENT_ORG, 2);
		return;
	}
	if (two_senses(x, i, j))
		return;
	/* "Galway, Clare and Mayo": a lone given name listed with places
	 * is a place (kept where the document votes otherwise) */
	if (j - i == 1 && !(x->tok[i].f & T_SENT) && (lists_of(x, i, j) &
	    (L(GIVEN) | L(PLACE) | L(ORG) | L(PERSON) | L(SURNAME))) ==
	    L(GIVEN) && coordinated_type(x, i, j) == ENT_PLACE) {
		mention(x, i, j, ENT_PLACE, 2);
		return;
	}
	if (initials_name(x, i, j)) {
		mention(x, i, j, ENT_PERSON, 1);
		return;
	}
	if (j - i >= 2 && (x->tok[j - 1].f & T_LOWER) && street_tail(x, j - 1)) {
		mention(x, i, j, ENT_PLACE, 1);		/* "Váci utca" */
		return;
	}
	if ((t = known_type(x, i, j, &strong)) >= 0) {
		mention(x, i, j, t, strong);
		return;
	}
	/* "Pemberton & Crane", "Hale & Dorr": capitalised words on both
	 * sides of an ampersand name a firm, whatever the document says
	 * of their last word (a person "Harriet Crane") */
	if (j - i >= 2 && run_ampersand(x, i, j)) {
		mention(x, i, j, ENT_ORG, 1);
		return;
	}
	first = lists_of(x, i, i + 1);
	last = lists_of(x, j - 1, j);
	the = the_unknown(x, i, j, first | last);
	if (person_syllables(x, i, j))
		mention(x, i, j, ENT_PERSON, 1);	/* "Hyun-woo Park" */
	else if (j - i >= 2 && (t = head_type(x, i, j)) >= 0)
		mention(x, i, j, t, 1);
	else if (j - i == 1 && particle_inside(x, i))
		mention(x, i, j, ENT_PLACE, 1);	/* "Saint-Jean-de-Luz" */
	else if (j - i >= 2 && kind_before(x, i) && !(first & L(GIVEN)))
		mention(x, i, j, ENT_ORG, 1);	/* "the law firm X Y" */
	else if (j - i >= 2 && ((last & L(SURNAME)) ||
	    surname_ending(x, j - 1)) && !(first & (L(ORG_WORD) |
	    L(FAC_WORD) | L(OF_HEAD))))
		mention(x, i, j, shaped_person(x, i, j, cue), 1);
	else if (surname_first(x, i, j))
		mention(x, i, j, shaped_person(x, i, j, cue), 1);
	else if (j - i == 2 && (last & L(GIVEN)) && !(first & (L(ORG_WORD) |
	    L(FAC_WORD) | L(OF_HEAD))))
		mention(x, i, j, shaped_person(x, i, j, cue), 1); /* Wang Lihua */
	else if (cue || title_before(x, i))
		mention(x, i, j, ENT_PERSON, 1);
	else if (j - i >= 2 && j - i <= 3 && !(x->tok[i].f & T_ALLCAP) &&
	    person_and(x, i))
		mention(x, i, j, ENT_PERSON, 0);	/* "X Y and Arjen Bos" */
	else if ((first & L(GIVEN)) && j - i <= 4 &&
	    !(x->tok[i].f & T_ALLCAP) && (j - i >= 2 ||
	    (!(x->tok[i].f & T_SENT) && !in_one_word(x, i))))
		mention(x, i, j, shaped_person(x, i, j, cue), 1);
	else if (j - i >= 3 && (first & L(ORG_WORD)) && connector_in(x, i, j))
		mention(x, i, j, ENT_ORG, 1);
	else if (j - i >= 2 && (first & (L(FAC_WORD) | L(OF_HEAD))) &&
	    !word_in(x, i, tail_facilities))
		mention(x, i, j, ENT_PLACE, 1);
	else if (j - i >= 2 && j - i <= 3 && x->pass == 2 &&
	    vote_best(votes_of(x, j - 1, j)) == V_PERSON &&
	    !(x->tok[i].f & T_SENT))
		mention(x, i, j, ENT_PERSON, 0);	/* "... Quellin said" */
	else if (!the && person_cue(x, i, j) == 2 &&
	    !(x->tok[i].f & T_ALLCAP) && !run_has(x, i + 1, j, 0))
		mention(x, i, j, ENT_PERSON, 0);	/* "X, the director," */
	else if (org_cue(x, i, j))
		mention(x, i, j, ENT_ORG, 1);	/* "the insurer, Aviva Ireland" */
	else if ((t = known_sub(x, i, j, &ks, &ke)) > 0) {
		if (t - 1 == ENT_PERSON && ke == j && j - i <= 3 &&
		    (!(x->tok[i].f & T_SENT) || name_opens(x, i, ks)))
			ks = i;
		else if (t - 1 == ENT_PLACE && ke == j && ks == i + 1 &&
		    word_in(x, i, quarters))
			ks = i;		/* "Middle Rhine", "Greater Manchester" */
		else if (t - 1 == ENT_ORG && org_goes_on(x, i, j, ks, ke)) {
			mention(x, i, j, ENT_ORG, 0);
			return;
		} else if (j - i <= 4 && (ks > i || ke < j) &&
		    unknown_rest(x, i, j, ks, ke) && known_part_org(x, i, j)) {
			/* "Hokuto Kagaku", "WWF Greece": one name, most
			 * likely an organisation (a guess: no vote) */
			if (x->pass == 2)
				mention(x, i, j, ENT_ORG, 0);
			return;
		}
		mention(x, ks, ke, t - 1, 1);
	}
	else if (j - i == 1 && first == 0 && feature_ending(x, i))
		mention(x, i, j, ENT_PLACE, 1);	/* "Vatnajökull" */
	else if (j - i == 1 && !(first & (L(PLACE) | L(ORG))) &&
	    scorer_item(x, i))
		mention(x, i, j, ENT_PERSON, 1);	/* "..., Kubacki 5," */
	else if (at_place(x, i, j))
		mention(x, i, j, ENT_PLACE, 0);
	else if (!the && (pair_person(x, i, j) || halves_alone(x, i, j)))
		mention(x, i, j, ENT_PERSON, 0);
	else if (!the && (t = person_cue(x, i, j)) > 0 &&
	    !(x->tok[i].f & T_ALLCAP) && !run_has(x, i + 1, j, 0) &&
	    !(t == 1 && (plural_noun(x, i, j) || prep_before(x, i, 0))))
		mention(x, i, j, ENT_PERSON, 0);
	else if (j - i <= 3 && (based_after(x, j) ||
	    (!(x->tok[i].f & T_SENT) && place_cue(x, i, j, 0))))
		mention(x, i, j, ENT_PLACE, 0);
	else if (j - i == 1 && (x->tok[i].f & T_ALLCAP) &&
	    x->tok[i].e - x->tok[i].s <= 6 && !(x->tok[i].f & T_DIGIT) &&
	    !unit_after_number(x, i, first))
		mention(x, i, j, ENT_ORG, 0);
	else if (j - i >= 2 && j - i <= 3 && x->pass == 2 &&
	    vote_best(votes_of(x, j - 1, j)) == V_PERSON)
		mention(x, i, j, ENT_PERSON, 0);
	else if (j - i == 1 && first == 0 && !(x->tok[i].f & T_SENT) &&
	    !common_word(x, i) && (t = coordinated_type(x, i, j)) >= 0)
		mention(x, i, j, t, 0);	/* "Tokyo Electron and Advantest" */
	else if (j - i >= 2 && !the && !(x->tok[i].f & T_SENT) &&
	    pronoun_follows(x, j))
		mention(x, i, j, ENT_PERSON, 0);	/* "X Y scored. He" */
	else if (j - i >= 2 && (!(x->tok[i].f & T_SENT) ||
	    ((v = votes_of(x, i, j)) != NULL && v->mid))) {
		/* an unknown name: an organisation, also at the start of a
		 * sentence if seen elsewhere ("SK Hynix declined"), unless
		 * one of its mentions names a work or a product */
		if (x->pass == 2) {
			if ((v = votes_of(x, i, j)) == NULL || !v->work)
				mention(x, i, j, ENT_ORG, 0);
		} else
			vote_mid(x, i, j);
	} else if (j == i + 2 && x->pass == 1)
		note_pair(x, i, j);	/* (opening a sentence) */
	else if (j - i == 1 && the_before(x, i) && ((first & L(ORG_WORD)) ||
	    (the && (verb_near(x, i, j) || the_plural(x, i)))))
		mention(x, i, j, ENT_ORG, 0);	/* "the Kunsthal said" */
}

/* Is the run joined by a lower-case word other than "of" or "for"
 * ("University in Prague", "Banco Central do Brasil")? */
static int
run_in(const struct ctx *x, size_t i, size_t j)
{
	for (; i < j; i++) {
		if (x->tok[i].f & T_LOWER)
			return 1;
	}
	return 0;
}

/* "X said", "X has just released a statement", "X issued a statement":
 * the seat of an institution speaking for it. */
static int
org_speaks(const struct ctx *x, size_t j)
{
	static const char *const verbs[] = { "released", "issued",
	    "published", NULL };
	size_t k;

	if (word_is(x, j, "said") || word_is(x, j, "says"))
		return 1;
	for (k = j; k < j + 3 && k + 2 < x->ntok && joined(x, k - 1); k++) {
		if (word_in(x, k, verbs))
			return joined(x, k) && tok_is(x, k + 1, "a") &&
			    joined(x, k + 1) && tok_is(x, k + 2, "statement");
	}
	return 0;
}

/*
 * After a title at k-1: "Minister of Maritime Affairs", "Deputy Mayor
 * for Transport Jiří Šťastný".  The portfolio up to the person's given
 * name is no name unless it names a known place or an organisation
 * ("Mayor of Lyon", "President of the European Commission Ursula ...");
 * the word where the rest of the run goes on.
 */
static size_t
portfolio(struct ctx *x, size_t k, size_t j)
{
	size_t p, g;
	int strong;

	if (k >= j || !(tok_is(x, k, "of") || tok_is(x, k, "for")))
		return k;
	p = k + 1;
	if (p < j && tok_is(x, p, "the"))
		p++;
	for (g = p; g < j && !((x->tok[g].f & T_CAP) &&
	    (lists_of(x, g, g + 1) & L(GIVEN))); g++)
		;
	if (g > p && (known_type(x, p, g, &strong) >= 0 ||
	    (g - p >= 2 && (lists_of(x, g - 1, g) & L(ORG_WORD)))))
		classify_piece(x, p, g, 0);
	return g;
}

/* "Minister of [the] X": the index of "of" or "for" before the run at
 * i that a title word starts, or 0. */
static size_t
title_of(const struct ctx *x, size_t i)
{
	size_t k = i;

	if (k >= 3 && tok_is(x, k - 1, "the") && joined(x, k - 1))
		k--;
	if (k < 2 || !joined(x, k - 1) || !joined(x, k - 2) ||
	    !(tok_is(x, k - 1, "of") || tok_is(x, k - 1, "for")) ||
	    !(x->tok[k - 2].f & T_CAP) ||
	    !(lists_of(x, k - 2, k - 1) & L(TITLE)))
		return 0;
	return k - 1;
}

/* Is a quotation mark (" “ ”) among the bytes [a, b)? */
static int
quote_in(const char *t, size_t a, size_t b)
{
	for (; a < b; a++) {
		if (t[a] == '"' || (a + 2 < b && (unsigned char)t[a] ==
		    0xe2 && (unsigned char)t[a + 1] == 0x80 &&
		    ((unsigned char)t[a + 2] == 0x9c ||
		    (unsigned char)t[a + 2] == 0x9d)))
			return 1;
	}
	return 0;
}

/* A novel titled "The Orange Trees of Tavira": is word i inside the
 * quoted title of a work (after "titled" or "entitled")?  Its first word
 * finds the closing mark; the runs up to it are inside. */
static int
in_work_title(struct ctx *x, size_t i)
{
	size_t p, end;

	if (x->tok[i].s < x->title_end)
		return 1;
	if (i == 0 || !(tok_is(x, i - 1, "titled") || tok_is(x, i - 1,
	    "entitled")) || !quote_in(x->t, x->tok[i - 1].e, x->tok[i].s))
		return 0;
	end = x->tok[i].s + 300 < x->be ? x->tok[i].s + 300 : x->be;
	for (p = x->tok[i].s; p < end && x->t[p] != '\n' &&
	    !quote_in(x->t, p, p + 3 < end ? p + 3 : p + 1); p++)
		;
	x->title_end = p;
	return 1;
}

/* "The Welsh Government said": a stop word opening a sentence before a
 * known name (whose own words a list would cut) is not part of it. */
static int
stop_before_known(const struct ctx *x, size_t i, size_t j)
{
	int strong;

	return j - i >= 3 && (x->tok[i].f & T_SENT) &&
	    (lists_of(x, i, i + 1) & L(STOP)) &&
	    known_type(x, i, j, &strong) < 0 &&
	    known_type(x, i + 1, j, &strong) >= 0;
}

/*
 * "Via Cavour", "Piazza dei Ciompi", "Calle Serrano", "Rue du Bac": a
 * street word first, then a capitalised name (which a stop word or a
 * given name would otherwise cut) is a place.  The end of the
 * street's name, or i (also for "Via Rome, ..." opening a sentence).
 */
static size_t
street_first(const struct ctx *x, size_t i, size_t j)
{
	size_t k;
	int strong;

	if (j - i < 2 || !(x->tok[i].f & T_CAP) || (x->tok[i].f & T_ALLCAP) ||
	    (lists_of(x, i, i + 1) & (L(FAC_WORD) | L(GIVEN) | L(SURNAME) |
	    L(SURNAME_FIRST))) != L(FAC_WORD) ||	/* "Park Ji-woo" */
	    word_in(x, i, tail_facilities) ||		/* "Stand Down" */
	    ((x->tok[i].f & T_SENT) && (lists_of(x, i + 1, j) & L(PLACE))) ||
	    known_type(x, i, j, &strong) >= 0 ||
	    legal_tail(x, x->tok[j - 1].e) > x->tok[j - 1].e)
		return i;	/* ("Fjord Data ehf.": a company) */
	for (k = i + 1; k < j; k++) {
		unsigned l = lists_of(x, k, k + 1);

		/* "Port Authority", "Station Road", "Airport Director" */
		if (l & (L(ORG_WORD) | L(FAC_WORD) | L(TITLE)))
			return i;
	}
	return j;
}

/* "Civil Protection Minister X", "Home Affairs Secretary X": unknown
 * words right before a minister's title are its portfolio, no name. */
static int
portfolio_before(const struct ctx *x, size_t a, size_t k)
{
	static const char *const ministers[] = { "Minister", "Secretary",
	    "Commissioner", "Ministers", "Undersecretary", NULL };

	return k > a && k < x->ntok && word_in(x, k, ministers) &&
	    joined(x, k - 1) && !(lists_of(x, a, k) & (L(PLACE) | L(ORG) |
	    L(PERSON) | L(PLACE_WORD) | L(PLACE_PERSON))) &&
	    head_type(x, a, k) < 0 && !(lists_of(x, a, a + 1) & L(GIVEN));
}

/*
 * Signs, slogans, chants and titles in marks ("Save the Valley.", "Leave
 * Early", "Safe Staffing Saves Lives", an album "Salt Hours"): is word i
 * inside a short quotation in title case (two to six words, only short
 * ones in lower case, not speech opening a sentence and ending in a
 * comma, not a name after "called")?  Its capitals make
 * no name there; known names keep theirs.
 */
static int slogan_from(struct ctx *, size_t);

static int
in_slogan(struct ctx *x, size_t i)
{
	size_t s = x->tok[i].s;

	if (s < x->slogan_end)
		return 1 + x->slogan_caps;
	if (!(s >= 1 && x->t[s - 1] == '"' && (s < 2 ||
	    byte_in(" (\n:", x->t[s - 2]))) && !(s >= 3 &&
	    x->t[s - 1] == '\x9c' && quote_in(x->t, s - 3, s)))
		return 0;	/* (the mark's last byte first: cheaper) */
	/* (a press called "Papel de Seda": a name; a novel titled "...":
	 * a work, left to in_work_title) */
	if (i > 0 && (tok_is(x, i - 1, "called") || tok_is(x, i - 1,
	    "named") || tok_is(x, i - 1, "titled") || tok_is(x, i - 1,
	    "entitled")))
		return 0;
	return slogan_from(x, i);
}

/* in_slogan past its quotation mark: the quotation from word i. */
static int
slogan_from(struct ctx *x, size_t i)
{
	size_t s = x->tok[i].s, p, end, k, caps = 0;

	end = s + 100 < x->be ? s + 100 : x->be;
	/* (the closing mark's last byte first: quote_in at every byte
	 * was 3 % of --entities) */
	for (p = s; p < end && x->t[p] != '\n' && !(x->t[p] == '"' ||
	    (p + 2 < end && x->t[p + 2] == '\x9d' &&
	    quote_in(x->t, p, p + 3))); p++)
		;
	/* (a comma ends speech opening a sentence: "Mara Lind," she said) */
	if (p >= end || x->t[p] == '\n' || (x->t[p - 1] == ',' &&
	    (x->tok[i].f & T_SENT)))
		return 0;
	/* (a banner in capitals, "KWAME'S NAN WOULD BE PROUD.", is one
	 * however long, read as a heading in capitals: 2; wt-h9read) */
	for (k = i; k < x->ntok && x->tok[k].s < p; k++) {
		if (!(x->tok[k].f & T_ALLCAP) && x->tok[k].e - x->tok[k].s > 1)
			break;
	}
	x->slogan_caps = k - i >= 3 && (k >= x->ntok || x->tok[k].s >= p);
	if (x->slogan_caps) {
		x->slogan_end = p;
		return 2;
	}
	for (k = i; k < x->ntok && x->tok[k].s < p; k++) {
		if (k - i >= 6 || (!(x->tok[k].f & T_CAP) &&
		    x->tok[k].e - x->tok[k].s > 4))
			return 0;
		caps += (x->tok[k].f & T_CAP) != 0;
	}
	if (k - i < 2 || caps < 2)
		return 0;
	x->slogan_end = p;
	return 1;
}


/* "Bristol City 2 Stoke City 3": a score after the name at j-1. */
static int
score_after(const struct ctx *x, size_t j)
{
	size_t p;

	if (j >= x->ntok || !joined(x, j - 1) || x->tok[j].e - x->tok[j].s > 2)
		return 0;
	for (p = x->tok[j].s; p < x->tok[j].e; p++) {
		if (x->t[p] < '0' || x->t[p] > '9')
			return 0;
	}
	return j + 1 >= x->ntok || !joined(x, j) || (x->tok[j + 1].f & T_CAP);
}

/* Words for a club's people ("the Stoke manager", "Boavista coach X"). */
static const char *const club_people[] = { "manager", "captain", "fans",
    "supporters", "boss", "striker", "goalkeeper", "coach", "midfielder",
    "defender", "winger", "squad", "chairman", "chairwoman", NULL };

/*
 * "City fans sang", "City manager X", "United boss X": a club word alone
 * before a word of a club's people is the club the article is about
 * (wt-ents11).  Pass 1 marks the word a club (struct vote's club, so
 * every mention of it alone is ORG); then "Bristol City" with no score
 * after it is the club too (club_name).  Work per name of one word.
 */
static int
club_word_club(struct ctx *x, size_t k)
{
	const struct vote *v;

	if (!word_in(x, k, club_words) || (x->tok[k].f & T_ALLCAP))
		return 0;
	if (x->pass == 1 && k + 1 < x->ntok && joined(x, k) &&
	    word_in(x, k + 1, club_people) && !(k > 0 && joined(x, k - 1) &&
	    (x->tok[k - 1].f & T_CAP) && !(x->tok[k].f & T_SENT))) {
		vote_add(x, x->t + x->tok[k].s,
		    x->tok[k].e - x->tok[k].s)->club = 1;
		return 1;
	}
	v = vote_get(x, x->t + x->tok[k].s, x->tok[k].e - x->tok[k].s);
	return v != NULL && v->club;
}

/*
 * "Leeds United", "Bristol Rovers", and "Bristol City" before a score:
 * a town and a club word are a club (not "Mexico City", a listed place;
 * the document's votes carry a club to its other mentions).  So is a
 * word no list knows before a club word other than City ("Kingsmere
 * United"), and that word alone is the club then (org_alias; wt-h9read).
 */
static int
club_name(struct ctx *x, size_t i, size_t j)
{
	unsigned first;

	if (j - i != 2 || !(x->tok[i].f & T_CAP) || (x->tok[i].f & T_ALLCAP) ||
	    !word_in(x, i + 1, club_words) ||
	    (lists_of(x, i, j) & (L(PLACE) | L(ORG) | L(PLACE_WORD) |
	    L(PLACE_PERSON))))
		return 0;
	first = lists_of(x, i, i + 1);
	if (!(first & (L(PLACE) | L(PLACE_WORD))) && (first != 0 ||
	    tok_is(x, i + 1, "City")))
		return 0;
	if (tok_is(x, i + 1, "City") && !score_after(x, j) &&
	    !club_word_club(x, i + 1))
		return 0;
	if (x->pass == 1) {
		char buf[KEYBUF];
		const char *k;
		size_t n;

		k = key_of(x, i, j, buf, &n);
		vote_add(x, k, n)->v[V_ORG] += 6;
	}
	return 1;
}

/* "3-0", "2–1": word k is (or starts) a score written with a dash. */
static int
score_dash(const struct ctx *x, size_t k)
{
	size_t p = x->tok[k].s, e = x->tok[k].e;

	while (p < e && x->t[p] >= '0' && x->t[p] <= '9')
		p++;
	if (p == x->tok[k].s || p - x->tok[k].s > 2 || p + 1 >= x->len)
		return 0;
	if (x->t[p] == '-')
		p++;
	else if (p + 3 < x->len && memcmp(x->t + p, "\xe2\x80\x93", 3) == 0)
		p += 3;
	else
		return 0;
	return p < x->len && x->t[p] >= '0' && x->t[p] <= '9';
}

/*
 * "Boavista coach Hélder Vaz told", "beat Kayserispor 3-0": one word no
 * list knows, mid-sentence and right before a word of a club's people
 * (not "X's coach", "X, supporters") or a score, is a club; voted so,
 * every mention of it is.
 */
static int
club_people_after(struct ctx *x, size_t i, size_t j)
{
	if (j - i != 1 || j >= x->ntok || x->tok[j].s != x->tok[i].e + 1 ||
	    x->t[x->tok[i].e] != ' ' || (!word_in(x, j, club_people) &&
	    !score_dash(x, j)) ||
	    (x->tok[i].f & (T_DIGIT | T_SENT)) || lists_of(x, i, j) != 0 ||
	    common_word(x, i) || (i > 0 && (x->t[x->tok[i - 1].e] == '.' ||
	    (x->tok[i - 1].f & T_ABBR))))
		return 0;	/* (nor after "kick-off.") */
	if (x->pass == 1)
		vote_add(x, x->t + x->tok[i].s,
		    x->tok[i].e - x->tok[i].s)->v[V_ORG] += 6;
	return 1;
}

/* "the Stoke manager", "Stoke captain X": a town whose club the document
 * names ("Stoke City"), before a word of the club's people. */
static int
club_short(const struct ctx *x, size_t i, size_t j)
{
	const char *const *people = club_people;
	char buf[KEYBUF];
	size_t n = x->tok[i].e - x->tok[i].s, c;
	const struct vote *v;

	if (x->pass != 2 || j - i != 1 || !word_in(x, j, people) ||
	    !(lists_of(x, i, j) & (L(PLACE) | L(PLACE_WORD))) ||
	    n + 16 > sizeof buf)
		return 0;
	memcpy(buf, x->t + x->tok[i].s, n);
	buf[n] = ' ';
	for (c = 0; club_words[c] != NULL; c++) {
		memcpy(buf + n + 1, club_words[c], strlen(club_words[c]));
		v = vote_get(x, buf, n + 1 + strlen(club_words[c]));
		if (v != NULL && vote_best(v) == V_ORG)
			return 1;
	}
	return 0;
}

/* Word k is a one- or two-digit number ("2" in a score line). */
static int
goals_at(const struct ctx *x, size_t k)
{
	size_t p;

	if (k >= x->ntok || x->tok[k].e - x->tok[k].s > 2)
		return 0;
	for (p = x->tok[k].s; p < x->tok[k].e; p++) {
		if (x->t[p] < '0' || x->t[p] > '9')
			return 0;
	}
	return 1;
}

/*
 * "Aberdeen 2 Hearts 3", a result on a line of its own: both names are
 * clubs (issue 14 item 4, one sense per document: a town the result
 * names is its club in every mention, "Aberdeen led", "an Aberdeen
 * penalty", unless the words around it say place, "in Aberdeen":
 * two_senses).  vote_best reads the mark.  Pass 1 only, for a
 * run that opens a paragraph: no work per byte or per other name.
 */
/*
 * "Fijian Drua 27 Moana Pasifika 24", then "the Drua", "Moana": a side
 * of a result named by a nationality and one other word (unknown, or a
 * place's name) is that club by the other word alone (wt-h14read).
 * So is a side named by a sponsor's or a club's word and its town
 * ("Telekom X", "X Rovers" aside): the town alone is the club then,
 * "X coach Y", "X hold on", unless a preposition says place (two_senses;
 * wt-h15read).
 */
static void
side_short(struct ctx *x, size_t i, size_t j)
{
	size_t k;
	unsigned a, b;

	if (j - i != 2 || !joined(x, i))
		return;
	a = lists_of(x, i, i + 1);
	b = lists_of(x, i + 1, j);
	if (a & L(NATIONALITY))
		k = i + 1;
	else if (b & L(NATIONALITY))
		k = i;
	else if (a == L(PLACE) && !(b & L(PLACE)) &&
	    !word_in(x, i + 1, club_words))
		k = i;
	else if (b == L(PLACE) && !(a & L(PLACE)))
		k = i + 1;
	else
		return;
	if ((lists_of(x, k, k + 1) & ~(L(PLACE) | L(PLACE_WORD))) != 0 ||
	    (x->tok[k].f & (T_LOWER | T_ALLCAP | T_DIGIT)))
		return;
	vote_add(x, x->t + x->tok[k].s, x->tok[k].e - x->tok[k].s)->club = 1;
}

static void
score_line(struct ctx *x, size_t i, size_t j)
{
	size_t k, e;
	char buf[KEYBUF];
	const char *key;
	size_t n;

	if (x->pass != 1 || !(x->tok[i].f & T_PARA) || j - i > 3 ||
	    !goals_at(x, j) || j + 1 >= x->ntok ||
	    !(x->tok[j + 1].f & T_CAP) || (x->tok[j + 1].f & T_PARA))
		return;
	for (k = j + 1; k < x->ntok && k - j <= 3 &&
	    (x->tok[k].f & T_CAP) && !(x->tok[k].f & T_PARA); k++)
		;
	if (!goals_at(x, k) || (x->tok[k].f & T_PARA))
		return;
	e = x->tok[k].e;	/* the line ends after the second score */
	if (e < x->len && x->t[e] != '\n' && x->t[e] != '\r')
		return;
	key = key_of(x, i, j, buf, &n);
	vote_add(x, key, n)->club = 1;
	key = key_of(x, j + 1, k, buf, &n);
	vote_add(x, key, n)->club = 1;
	side_short(x, i, j);
	side_short(x, j + 1, k);
}

/*
 * "King Abdullah University of ...", "Queen Elizabeth Hospital", "Sir
 * Harry Evans Hall": a royal or honorific title and the name after it
 * are an organisation's or a building's name when a head word ends the
 * run; the title stays inside (issue 14 item 7, the longest name).
 */
static int
eponym_title(const struct ctx *x, size_t i, size_t j)
{
	static const char *const eponyms[] = { "King", "Queen", "Prince",
	    "Princess", "Sheikh", "Sultan", "Emir", "Sir", "Lady", "Saint",
	    NULL };

	return i + 2 < j && word_in(x, i, eponyms) &&
	    (x->tok[i + 1].f & T_CAP) && !(x->tok[i].f & T_ALLCAP) &&
	    !(lists_of(x, i + 1, i + 2) & (L(ORG_WORD) | L(FAC_WORD)));
}

/* "the mayor told The Sun", "an interview with The Irish Times": a
 * paper whose The is capitalised mid-sentence (even a word a list
 * knows otherwise: Sun the weekday). */
static int
paper_told(const struct ctx *x, size_t i, size_t j)
{
	return j - i >= 2 && j - i <= 5 && i >= 1 && tok_is(x, i, "The") &&
	    !(x->tok[i].f & T_SENT) && joined(x, i) && joined(x, i - 1) &&
	    (tok_is(x, i - 1, "told") || tok_is(x, i - 1, "with"));
}

/*
 * "X Y (Labour), Z (Bow Independents) and W (Conservative)": words in
 * parentheses right after a person's name are the person's party or
 * organisation (wt-ents11), not a place the lists know on its own ("X
 * (Kent)", a constituency) nor a form in another script.  Pass 1 votes
 * it (its other mentions: "the Bow Independents' table"), pass 2 emits
 * it; per parenthesised name.
 */
static int
affiliation_paren(struct ctx *x, size_t i, size_t j)
{
	size_t s, k;
	int strong;

	if (i == 0 || j - i > 3 ||
	    x->tok[i].s != x->tok[i - 1].e + 2 || !text_after(x, i, " (") ||
	    !text_after(x, j, ")") || other_script(x, i) ||
	    (lists_of(x, i, j) & L(PLACE)))
		return 0;
	for (k = i; k < j; k++) {
		if (x->tok[k].f & (T_DIGIT | T_LOWER))
			return 0;
	}
	for (s = names_back(x, i - 1); s < i; s++) {
		if (known_type(x, s, i, &strong) == ENT_PERSON ||
		    (x->pass == 1 && s + 1 < i &&
		    (lists_of(x, s, s + 1) & L(GIVEN))))
			break;
	}
	if (s == i)
		return 0;
	if (x->pass == 1) {
		char buf[KEYBUF];
		const char *key;
		size_t n;

		key = key_of(x, i, j, buf, &n);
		vote_add(x, key, n)->v[V_ORG] += 6;
	}
	return 1;
}

/* Cut the run i..j-1 at titles, nationality and stop words. */
/*
 * Post-nominal letters: "Dame X Y, DNZM, QSO,", "X Y, CFA, said": a
 * word in capitals of two to five letters between a comma after a
 * person's name (or after such letters) and a comma, stop or line end
 * is an honour or a qualification, no organisation.  Work per acronym.
 */
static int
post_nominal(const struct ctx *x, size_t k, int depth)
{
	const struct tok *t = &x->tok[k];
	size_t a, n = t->e - t->s;
	char c;

	if (k == 0 || depth == 0 || !(t->f & T_ALLCAP) || (t->f & T_DIGIT) ||
	    n < 2 || n > 5 || t->s != x->tok[k - 1].e + 2 ||
	    x->t[x->tok[k - 1].e] != ',' || x->t[x->tok[k - 1].e + 1] != ' ')
		return 0;
	c = t->e < x->len ? x->t[t->e] : '\n';
	if (c != ',' && c != '.' && c != ';' && c != ')' && c != '\n' &&
	    c != '\r')
		return 0;
	if (post_nominal(x, k - 1, depth - 1))
		return 1;
	if (!(x->tok[k - 1].f & T_CAP) || (x->tok[k - 1].f & T_ALLCAP))
		return 0;
	for (a = k - 1; a > 0 && k - a < 4 && joined(x, a - 1) &&
	    (x->tok[a - 1].f & T_CAP) && !(x->tok[a - 1].f & T_SENT); a--)
		;
	if (a + 1 < k && (lists_of(x, a, a + 1) & L(TITLE)))
		a++;		/* "Dame", "Sir" */
	return (lists_of(x, a, a + 1) & L(GIVEN)) || title_before(x, a) ||
	    (a > 0 && (lists_of(x, a - 1, a) & L(TITLE))) ||
	    vote_best(votes_of(x, a, k)) == V_PERSON ||
	    person_cue(x, a, k) == 2;
}

/*
 * A person's name in capitals, as tabloid ledes and bylines write it
 * ("JORDAN KIPTOO sent ...", "Last night MARIA TUILAGI scored"): two
 * to four words in capitals, no acronym's length, whose first is a
 * given name in Title Case, or whose last the document names as a
 * person ("Kiptoo said"), and none of them a word of an organisation,
 * a facility, a place alone or a stop word.  Work per run in capitals.
 */
static int
caps_person(const struct ctx *x, size_t i, size_t j)
{
	char b2[KEYBUF];
	size_t k, o;
	unsigned l;

	if (j - i < 2 || j - i > 4)
		return 0;
	for (k = i; k < j; k++) {
		if (!(x->tok[k].f & T_ALLCAP) || (x->tok[k].f & T_DIGIT) ||
		    x->tok[k].e - x->tok[k].s < 3 || (k + 1 < j && !joined(x, k)))
			return 0;
		l = lists_of_titlecase(x, k, k + 1);
		if ((l & (L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD) | L(STOP) |
		    L(NOT_ENTITY) | L(CALENDAR) | L(TITLE) | L(NATIONALITY) |
		    L(ORG))) || ((l & L(PLACE)) && !(l & (L(GIVEN) |
		    L(SURNAME)))))
			return 0;
	}
	if (lists_of_titlecase(x, i, i + 1) & L(GIVEN))
		return 1;
	return x->pass == 2 && titlecase_key(x, j - 1, j, b2, &o) &&
	    vote_best(vote_get(x, b2, o)) == V_PERSON;
}

/*
 * "League One", "the K League", "League Two": a division of a sport,
 * "League" before a number's word or after one capital letter, is a
 * competition, no entity (tests/data/gold/CONVENTIONS.md; wt-h9read).
 */
static int
division(const struct ctx *x, size_t i, size_t j)
{
	static const char *const ranks[] = { "One", "Two", "Three", "Four",
	    NULL };

	if (j - i != 2)
		return 0;
	if (tok_is(x, i, "League"))
		return !(x->tok[i].f & T_SENT) && word_in(x, j - 1, ranks);
	return x->tok[i].e - x->tok[i].s == 1 && (x->tok[i].f & T_CAP) &&
	    tok_is(x, j - 1, "League");
}

/* "Brent crude", "Urals crude": a name before "crude" is an oil
 * benchmark's, no place (wt-h9read). */
static int
benchmark(const struct ctx *x, size_t i, size_t j)
{
	return j - i <= 2 && tok_is(x, j, "crude") && joined(x, j - 1);
}

static void
classify_run(struct ctx *x, size_t i, size_t j)
{
	static const char *const storms[] = { "Typhoon", "Hurricane",
	    "Cyclone", "Storm", NULL };
	static const char *const municipal[] = { "City", "Town", "Borough",
	    "Municipality", NULL };
	static const char *const seats[] = { "Hall", "House", "Palace",
	    NULL };
	size_t k, a, n;
	int cue = 0, title, strong, t;
	unsigned last;

	if (in_work_title(x, i) || (j == i + 1 && post_nominal(x, i, 3)) ||
	    benchmark(x, i, j))
		return;
	if (caps_person(x, i, j)) {
		mention(x, i, j, ENT_PERSON, 1);
		return;
	}
	/* ("Oh, it was cold", "Oh!": the word of two letters that
	 * stop_family made a name, used as itself; wt-h8read) */
	if (j == i + 1 && x->tok[i].e - x->tok[i].s == 2 &&
	    (lists_of(x, i, j) & L(STOP)) && x->tok[i].e < x->len &&
	    byte_in(",!?", x->t[x->tok[i].e]))
		return;
	/* "producer Oh Seo-yeon": a family name first, and that word
	 * alone later ("Oh remembers") is the person (wt-h8read) */
	if (j == i + 2 && stop_family(x, i, j) && (lists_of(x, i, i + 1) &
	    L(STOP))) {
		mention(x, i, j, ENT_PERSON, 1);
		vote_add(x, x->t + x->tok[i].s, 2)->v[V_PERSON] += 3;
		return;
	}
	/* "Minister of Maritime Affairs, X", "Mayor for Transport X" */
	if ((k = title_of(x, i)) > 0) {
		if ((i = portfolio(x, k, j)) >= j)
			return;
		cue = 1;
	}
	if (paper_told(x, i, j)) {
		mention(x, i + 1, j, ENT_ORG, 2);
		return;
	}
	if (affiliation_paren(x, i, j)) {
		mention(x, i, j, ENT_ORG, 2);
		return;
	}
	/* A month alone is a date, not a name ("in May"), whatever the
	 * document says of "Harriet May". */
	if (j - i == 1 && (lists_of(x, i, j) & L(CALENDAR)) &&
	    !person_cue(x, i, j))
		return;
	if (stop_before_known(x, i, j))
		i++;
	if (club_name(x, i, j) || club_short(x, i, j) ||
	    club_people_after(x, i, j) ||
	    (j - i == 1 && club_word_club(x, i))) {
		mention(x, i, j, ENT_ORG, 2);
		return;
	}
	if (known_type(x, i, j, &strong) >= 0) {
		classify_piece(x, i, j, 0);
		return;
	}
	if ((k = street_first(x, i, j)) > i) {
		mention(x, i, k, ENT_PLACE, 1);
		return;
	}
	/* "Central Asia", "the Eastern Mediterranean", "his South Side
	 * ward", "East Legon" after "at Legon": a quarter of a known (or
	 * voted) place, or before a place noun */
	if (j - i >= 2 && j - i <= 3 && (x->tok[i].f & T_CAP) &&
	    !(x->tok[i].f & T_ALLCAP) &&
	    byte_in("NSEWCULMGIO", x->t[x->tok[i].s]) &&
	    word_in(x, i, quarters) &&
	    (((lists_of(x, i + 1, j) & (L(PLACE) | L(ORG))) == L(PLACE)) ||
	    place_noun(x, i, j) ||
	    vote_best(votes_of(x, i + 1, j)) == V_PLACE)) {
		mention(x, i, j, ENT_PLACE, 1);
		return;
	}
	/* "Western Power said", "Northern Rail": a quarter word and an
	 * organisation word */
	if (j - i == 2 && (x->tok[i].f & T_CAP) && !(x->tok[i].f & T_ALLCAP) &&
	    word_in(x, i, quarters) && (lists_of(x, i + 1, j) &
	    (L(ORG_WORD) | L(PLACE))) == L(ORG_WORD)) {
		mention(x, i, j, ENT_ORG, 1);
		return;
	}
	/* "Hồ Chí Minh City", "Kansas City", "Lagos State": a known place
	 * and "City" or "State" */
	if (j - i >= 2 && j - i <= 4 && (tok_is(x, j - 1, "City") ||
	    tok_is(x, j - 1, "State")) &&
	    (lists_of(x, i, j - 1) & (L(PLACE) | L(ORG))) == L(PLACE)) {
		mention(x, i, j, ENT_PLACE, 1);
		return;
	}
	if (patronymic(x, i, j)) {
		mention(x, i, j, ENT_PERSON, 1);
		return;
	}
	if (particle_place(x, i, j)) {
		mention(x, i, j, ENT_PLACE, 1);
		return;
	}
	if (vietnamese_name(x, i, j)) {
		mention(x, i, j, ENT_PERSON, 1);
		return;
	}
	/* "the BUX index", "the Nikkei index": an index is no entity */
	if (word_is(x, j, "index"))
		return;
	/* "Carrow Mutual Insurance plc": a legal form says company */
	if (legal_tail(x, x->tok[j - 1].e) > x->tok[j - 1].e) {
		while (i + 1 < j && (lists_of(x, i, i + 1) & (L(STOP) |
		    L(CALENDAR) | L(TITLE))))
			i++;
		mention(x, i, j, ENT_ORG, 1);
		return;
	}
	if (other_script(x, i) && (t = paren_partner(x, i, j)) >= 0) {
		mention(x, i, j, t, 1);
		return;
	}
	/* "Typhoon Linda", "Storm Ciarán": weather, not a person */
	if (j - i >= 2 && word_in(x, i, storms))
		return;
	if (division(x, i, j) || (x->tok[j - 1].e < x->len &&
	    x->t[x->tok[j - 1].e] == ',' && work_named(x, i, j)))
		return;
	/* Laws, events and works ("Inflation Reduction Act") are not
	 * entities. */
	last = lists_of(x, j - 1, j);
	if ((last & L(EVENT_WORD)) && j - i >= 2) {
		/* ... unless the words around say organisation ("the
		 * watchdog Expert Forum", "Vesilinna Games, the Tampere
		 * studio"), here or at another mention of the name */
		if (org_cue(x, i, j) || (x->pass == 2 &&
		    vote_best(votes_of(x, i, j)) == V_ORG))
			mention(x, i, j, ENT_ORG, 1);
		return;
	}
	/* "the City of Johannesburg was ordered", "The City of Durban
	 * said": the city's government */
	a = i + (j - i == 4 && tok_is(x, i, "The"));
	if (j - a == 3 && tok_is(x, a + 1, "of") && word_in(x, a, municipal) &&
	    (lists_of(x, a + 2, j) & L(PLACE)) && !prep_before(x, a, 1)) {
		mention(x, a, j, ENT_ORG, 1);
		return;
	}
	/* An organisation name keeps its inner words, typed by its head
	 * ("People's Committee of Cà Mau Province", "Ministry of Climate
	 * Crisis and Civil Protection", "Czech Technical University in
	 * Prague", "National Theatre Bucharest"): drop only "The". */
	if (j - i >= 2 && !person_syllables(x, i, j) &&
	    ((last & (L(ORG_WORD) | L(FAC_WORD))) ||
	    ((run_has(x, i, j, 1) || run_in(x, i, j)) &&
	    head_type(x, i, j) >= 0) || (j - i >= 3 &&
	    (lists_of(x, j - 2, j - 1) & L(ORG_WORD)) &&
	    (last & L(PLACE)) && !(x->tok[j - 2].f & T_ALLCAP)))) {
		while (i < j && (((lists_of(x, i, i + 1) & L(STOP)) &&
		    ((x->tok[i].f & T_SENT) || tok_is(x, i, "The") ||
		    tok_is(x, i, "A")) && !quarter_before_place(x, i)) ||
		    ((lists_of(x, i, i + 1) & (L(CALENDAR) | L(TITLE))) &&
		    !eponym_title(x, i, j) && !(i + 1 < j &&
		    possessive_join(x, i + 1)))))
			i++;
		if (j - i >= 2) {
			if ((t = head_type(x, i, j)) < 0)
				t = (last & L(ORG_WORD)) ? ENT_ORG : ENT_PLACE;
			/* "Prague City Hall has released a statement" */
			if (t == ENT_PLACE && word_in(x, j - 1, seats) &&
			    org_speaks(x, j))
				t = ENT_ORG;
			mention(x, i, j, t, 1);
			return;
		}
	}
	for (k = a = i; k < j;) {
		/* "Superior Court Justice X": a name ending in an
		 * organisation word that alone is none (Court, Council) */
		if ((n = breaker(x, k, j, &title)) == 1 && !title && k > a &&
		    !(x->tok[k].f & T_ALLCAP) &&
		    (lists_of(x, k, k + 1) & L(ORG_WORD))) {
			classify_piece(x, a, k + 1, cue);
			cue = 0;
			a = ++k;
			continue;
		}
		if (n > 0) {
			/* "Anjali Miss": an honorific ending the run says
			 * the name before it is a person's */
			if (title && k + 1 == j && k > a &&
			    word_in(x, k, honorifics))
				cue = 1;
			if (k > a && !(title && portfolio_before(x, a, k)))
				classify_piece(x, a, k, cue);
			cue = title;
			k += n;
			if (title)
				k = portfolio(x, k, j);
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
	static const char *const institutions[] = { "Council", "Court",
	    "University", "Police", "Parliament", "Assembly", "Tribunal",
	    "Commission", "Authority", "Ministry", "Senate", "Government",
	    NULL };

	while (i < j) {
		size_t b, best = 0;
		int t = -1, strong;

		/* Title Case makes no common word a place (Reading). */
		x->head = 1;
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
		/* "Liverpool Council Backs ...": a known place and the
		 * organisation word after it are one name. */
		if (best > 0 && t == ENT_PLACE && i + best < j &&
		    joined(x, i + best - 1) && word_in(x, i + best,
		    institutions)) {
			best++;
			t = ENT_ORG;
		}
		x->head = 0;
		if (best == 0 && i + 2 <= j && club_name(x, i, i + 2)) {
			best = 2;	/* "Bristol City 2 Stoke City 3" */
			t = ENT_ORG;
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

/* Does a title word stand among the capitalised words from k on ("Legal
 * Affairs Correspondent")? */
static int
role_ahead(const struct ctx *x, size_t k, size_t end)
{
	for (; k < end && (x->tok[k].f & T_CAP); k++) {
		if (lists_of(x, k, k + 1) & L(TITLE))
			return 1;
		if (k + 1 < end && !joined(x, k))
			break;
	}
	return 0;
}

/* The end of the line that word i is on, within [i, end). */
static size_t
line_end(const struct ctx *x, size_t i, size_t end)
{
	size_t k;

	for (k = i + 1; k < end; k++) {
		/* (a gap of one space holds no line break) */
		if (!(x->tok[k - 1].f & T_SPACE) && memchr(x->t +
		    x->tok[k - 1].e, '\n', x->tok[k].s - x->tok[k - 1].e) !=
		    NULL)
			break;
	}
	return k;
}

/*
 * Where a credit line from word i ends: its line's end, or, in
 * parentheses, the paragraph's end, across the hard wraps of a wire
 * story's "(Reporting by X in Kuala Lumpur and Y in\nJakarta; Editing
 * by Z)" (heldout10's hs03: the credits after the wrap were missed).
 */
static size_t
credit_end(const struct ctx *x, size_t i, size_t end, int paren)
{
	return paren ? end : line_end(x, i, end);
}

/* "By OUR REPORTER", "By Staff Writer": a byline naming no one (a
 * stop or title word, in any case, that is no given name). */
static int
byline_placeholder(const struct ctx *x, size_t a, size_t k)
{
	for (; a < k; a++) {
		unsigned l = lists_of(x, a, a + 1);

		if (x->tok[a].f & T_ALLCAP)
			l |= lists_of_titlecase(x, a, a + 1);
		if ((l & (L(STOP) | L(TITLE))) && !(l & L(GIVEN)))
			return 1;
	}
	return 0;
}

/* The capitalised words from k on, joined on one line, up to end. */
static size_t
caps_from(const struct ctx *x, size_t k, size_t end)
{
	size_t e = k;

	while (e < end && (x->tok[e].f & T_CAP) && (e == k || joined(x,
	    e - 1)))
		e++;
	return e;
}

/*
 * What a byline says after its people, from word k on its line: "By X
 * in Florence", "By X at Ashton Gate", "By OUR REPORTER, NAIROBI" (a
 * known place).  The end of the place it named, or 0.
 */
static size_t
byline_tail(struct ctx *x, size_t k, size_t le)
{
	size_t e;

	if ((tok_is(x, k, "in") || tok_is(x, k, "at")) && k + 1 < le &&
	    (x->tok[k + 1].f & T_CAP)) {
		e = caps_from(x, k + 1, le);
		/* the preposition says place, as in two_senses: a town
		 * the document's result names as a club too (wt-h15read) */
		mention(x, k + 1, e, ENT_PLACE, 2);
		return e;
	}
	e = caps_from(x, k, le);
	if (e > k && ((lists_of(x, k, e) | lists_of_titlecase(x, k, e)) &
	    L(PLACE))) {
		mention(x, k, e, ENT_PLACE, 1);
		return e;
	}
	return 0;
}

/* "By X, Harbour Evening Post", "X | Westfjord Radio | Tuesday": the
 * capitalised words from k on (without "The") ending in an
 * organisation's word are the byline's outlet, an organisation; their
 * end, or 0 (wt-h14read). */
static size_t
byline_outlet(struct ctx *x, size_t k, size_t le)
{
	size_t e = caps_from(x, k, le);

	if (tok_is(x, k, "The") && e > k + 1)
		k++;		/* "The Fresno Ledger": the paper's name */
	else if (e < k + 2)
		return 0;
	if (!(lists_of(x, e - 1, e) & L(ORG_WORD)) ||
	    (lists_of(x, k, k + 1) & L(TITLE)))
		return 0;
	mention(x, k, e, ENT_ORG, 1);
	return e;
}

/* "Chronicle Staff Writer" on the line [le, end) under a byline: the
 * paper, an organisation. */
static void
byline_paper(struct ctx *x, size_t le, size_t end)
{
	size_t s = caps_from(x, le, end);

	if (s > le + 2 && s == end && tok_is(x, s - 2, "Staff") &&
	    !(lists_of(x, le, s - 2) & L(TITLE)))
		mention(x, le, s - 2, ENT_ORG, 1);
}

/* The next credit of a credit line from word k on, before le: the
 * first word of the name after "Editing by", "Writing by" (any
 * capitalised word and "by"), or 0. */
static size_t
next_credit(const struct ctx *x, size_t k, size_t le)
{
	for (; k + 2 < le; k++) {
		if ((x->tok[k].f & T_CAP) && word_is(x, k + 1, "by") &&
		    (x->tok[k + 2].f & T_CAP))
			return k + 2;
	}
	return 0;
}

/* "By X, Parliamentary sketch writer": lower-case words from k (up to
 * three, before le) ending a role with a title: the capitalised word
 * before them qualifies the role, no second name. */
static int
role_follows(const struct ctx *x, size_t k, size_t le)
{
	size_t n;

	for (n = 0; n < 3 && k + n < le && (x->tok[k + n].f & T_LOWER) &&
	    joined(x, k + n - 1); n++) {
		if (lists_of(x, k + n, k + n + 1) & L(TITLE))
			return 1;
	}
	return 0;
}

/* "By Jane Doe and John Roe", "Interview by Felix Amankwah", "By Tom
 * Ashworth, Science Correspondent", "(Reporting by X in Lagos; Editing
 * by Y)": the people of a byline or a credit line, without their role
 * (the line under it is no name but its paper's). */
static int
byline(struct ctx *x, size_t i, size_t end)
{
	size_t k, a, le, c, t;
	int paren = x->tok[i].s > 0 && x->t[x->tok[i].s - 1] == '(';

	/* (a credit line in parentheses may name several people; a
	 * byline's own line counts, not a date line under it) */
	if (end - i > (paren ? 32 : 12) && (paren || (!tok_is(x, i, "By") &&
	    !tok_is(x, i, "by")) || line_end(x, i, end) - i > 12))
		return 0;
	/* "by Fiona Lennox, Education Reporter": a paragraph may open
	 * with a lower-case "by", before a capitalised word */
	if (tok_is(x, i, "by") && end - i >= 2 && (x->tok[i + 1].f & T_CAP))
		;
	else if (tok_is(x, i, "By")) {
		/* ("By evening the water had risen": a sentence) */
		if (i + 1 >= end || !(x->tok[i + 1].f & T_CAP))
			return 0;
	} else {
		/* "Interview by", "Reporting by", "Words by" */
		if (end - i < 3 || !word_is(x, i + 1, "by") ||
		    !(x->tok[i].f & T_CAP) || !(x->tok[i + 2].f & T_CAP))
			return 0;
		i++;
	}
	le = credit_end(x, i, end, paren);
	for (k = a = i + 1; k <= le; k++) {
		if (k < le && (x->tok[k].f & T_CAP) && joined(x, k - 1))
			continue;
		if (k > a && !byline_placeholder(x, a, k) &&
		    !(a > i + 1 && role_follows(x, k, le)))
			mention(x, a, k, ENT_PERSON, 1);
		if (k < le && tok_is(x, k, "and")) {
			a = k + 1;
			continue;
		}
		t = 0;
		if (k < le && (x->tok[k].f & T_CAP) && !role_ahead(x, k, le) &&
		    next_credit(x, k, k + 3) == 0) {
			if ((t = byline_tail(x, k, le)) == 0 &&
			    (t = byline_outlet(x, k, le)) == 0) {
				a = k;
				continue;
			}
		} else if (k < le && !(x->tok[k].f & T_CAP))
			t = byline_tail(x, k, le);
		/* "By X in Lagos and Y in Accra" */
		if (t > 0 && t < le && tok_is(x, t, "and")) {
			a = t + 1;
			k = t;
			continue;
		}
		if ((c = next_credit(x, k, le)) == 0)
			break;
		a = k = c;
	}
	byline_paper(x, le, end);
	/* "Words by X" then, on the next line, "Photographs by Y": each
	 * line of the paragraph that is a credit names its people */
	if (le + 2 < end && (x->tok[le].f & T_CAP) && word_is(x, le + 1, "by") &&
	    (x->tok[le + 2].f & T_CAP))
		(void)byline(x, le, end);
	return 1;
}

/*
 * "Day two of the talks, as it happened. Reporting by X and Y": a
 * credit opening a sentence that is its paragraph's last, at word i
 * (paragraph ends at word end).  A paragraph opening with one is
 * byline's already (heldout10's hs06: its two reporters, names no list
 * knows, were typed ORG).  Per word opening a sentence: one compare.
 */
static int
credit_opens(const struct ctx *x, size_t i, size_t end)
{
	static const char *const credits[] = { "Reporting", "Editing",
	    "Writing", "Compiled", NULL };

	const struct tok *b = &x->tok[i + 1];

	/* (the bytes of "by" first: most sentences open otherwise) */
	return i + 2 < end && b->e == b->s + 2 && x->t[b->s] == 'b' &&
	    x->t[b->s + 1] == 'y' && !(x->tok[i].f & T_PARA) &&
	    word_in(x, i, credits);
}

/* Is the paragraph at byte s the second of the text (under its
 * headline)? */
static int
under_headline(const struct ctx *x, size_t s)
{
	size_t p = s, nl = 0;

	while (p > 0 && (x->t[p - 1] == '\n' || x->t[p - 1] == '\r' ||
	    x->t[p - 1] == ' ' || x->t[p - 1] == '\t'))
		nl += x->t[--p] == '\n';
	if (p == 0 || nl < 2)
		return 0;
	while (p > 0 && !(x->t[p - 1] == '\n' && p >= 2 &&
	    x->t[p - 2] == '\n'))
		p--;
	return p == 0;
}

/* "Health and Science Reporter": words k..end-1 are a role. */
static int
role_words(const struct ctx *x, size_t k, size_t end)
{
	static const char *const links[] = { "and", "of", "for", "&",
	    NULL };

	for (; k < end; k++) {
		if ((x->tok[k].f & T_CAP) && (lists_of(x, k, k + 1) & L(TITLE)))
			return 1;
		if (!(x->tok[k].f & T_CAP) && !word_in(x, k, links))
			return 0;
	}
	return 0;
}

/* Does a blank line come before s at most three times (the headline,
 * a standfirst, then the lines under them)? */
static int
near_top(const struct ctx *x, size_t s)
{
	size_t p, breaks = 0;

	for (p = s; p > 1 && breaks <= 3; p--)
		breaks += x->t[p - 1] == '\n' && x->t[p - 2] == '\n';
	return breaks <= 3;
}

/* "Kim Seo-yeon in Seoul": from word n to le, the line holds only "in"
 * and up to three capitalised words, a reporter's city (wt-h12read). */
static int
in_city_tail(const struct ctx *x, size_t n, size_t le)
{
	return n + 1 < le && le - n <= 4 && tok_is(x, n, "in") &&
	    caps_from(x, n + 1, le) == le;
}

/*
 * "Sunita Raghavan, Health and Science Reporter", or a name alone on the
 * line under the headline: a byline without "By"; near the top, a
 * paragraph of a name alone or with its city ("Kim Seo-yeon in Seoul").
 */
static int
bare_byline(struct ctx *x, size_t i, size_t end)
{
	size_t le = line_end(x, i, end), n = caps_from(x, i, le), k;
	unsigned first;
	int top, city, piped;

	if (n - i < 2 || n - i > 4 || end - i > 12)
		return 0;
	top = le == end && near_top(x, x->tok[i].s);
	city = top && in_city_tail(x, n, le);
	/* "X | Westfjord Radio | Tuesday 14 May": a name, then a pipe */
	piped = top && n < le && text_after(x, n, " | ");
	/* (or, under a standfirst, a line of its own with a role after
	 * its comma: "Sarah Quint, Agriculture Correspondent"; near the
	 * top, a name alone or with its city: a paragraph of its own) */
	if (!under_headline(x, x->tok[i].s) && !city && !piped &&
	    !(top && n == le) && !(le == end && n < le &&
	    text_after(x, n, ", ") &&
	    role_words(x, n, le)))
		return 0;
	/* (not "Angela Merkel Resigns": a longer name ends in a surname) */
	if (n - i > 2 && !(lists_of(x, n - 1, n) & L(SURNAME)) &&
	    !surname_ending(x, n - 1))
		return 0;
	first = lists_of(x, i, i + 1) | lists_of_titlecase(x, i, i + 1);
	if (!(first & L(GIVEN)))
		return 0;
	if ((lists_of(x, i, n) | lists_of_titlecase(x, i, n)) & (L(PLACE) |
	    L(ORG)))
		return 0;
	for (k = i; k < n; k++) {
		if ((lists_of(x, k, k + 1) | lists_of_titlecase(x, k, k + 1)) &
		    (L(TITLE) | L(STOP) | L(CALENDAR)))
			return 0;
	}
	if (n < le && !city && !piped && !(text_after(x, n, ", ") &&
	    role_words(x, n, le)))
		return 0;
	mention(x, i, n, ENT_PERSON, 1);
	if (city)
		mention(x, n + 1, le, ENT_PLACE, 1);
	if (piped)
		(void)byline_outlet(x, n, le);
	byline_paper(x, le, end);
	return 1;
}

/*
 * "Harbour Freight Weekly | Ports & Terminals", "KTV News | Live |
 * Updated 21:35", "OBITUARIES | By X Y": a line of fields between pipes
 * near the top, not opened by a person's name (bare_byline's shape), is
 * a masthead: a first field of capitalised words ending in an
 * organisation's word is the outlet, a field opened by "By" a byline,
 * one opened by a known place a dateline, and the other fields (a
 * section, "Live") no names (wt-h15read).
 */
static int
piped_masthead(struct ctx *x, size_t i, size_t end)
{
	size_t le, n, k;
	int any = 0;

	/* (short paragraphs only: no work per byte of the others) */
	if (end - i > 16 || (le = line_end(x, i, end)) != end ||
	    (n = caps_from(x, i, le)) == i || n >= le ||
	    !text_after(x, n, " | ") ||
	    !near_top(x, x->tok[i].s))
		return 0;
	if (byline_outlet(x, i, n) == n)
		any = 1;
	for (k = n; k < le; k++) {
		size_t e;

		if (!text_after(x, k, " | "))
			continue;
		if (tok_is(x, k, "By") && byline(x, k, end))
			return 1;
		/* "| Wellington, Wednesday": a known place and its comma */
		e = caps_from(x, k, le);
		if (e > k && (lists_of(x, k, e) & (L(PLACE) | L(PLACE_WORD) |
		    L(PLACE_PERSON))) && text_after(x, e, ", "))
			mention(x, k, e, ENT_PLACE, 1);
	}
	return any || (x->tok[i].f & T_ALLCAP);
}

/*
 * "WARSAW --", "NEW YORK (Reuters) -", "BUCHAREST, March 12 --",
 * "TACOMA, Wash. --", "NEW DELHI, May 2:", "OSLO/STOCKHOLM, May 2
 * (Reuters) -": a dateline's places, in capitals.  What follows it
 * (a state, a country, a date) is left to the rest of the scan.
 */
static size_t
dateline(struct ctx *x, size_t i, size_t end)
{
	size_t j = i, k, p, m = 0;
	int seg, dated = 0;

	while (j < end && (x->tok[j].f & T_ALLCAP) && j - i < 4 &&
	    (j == i || joined(x, j - 1)))
		j++;
	/* "KUALA LUMPUR/SINGAPORE": two places */
	if (j > i && j < end && x->tok[j].s == x->tok[j - 1].e + 1 &&
	    x->t[x->tok[j - 1].e] == '/' && (x->tok[j].f & T_ALLCAP)) {
		m = j;
		while (j < end && (x->tok[j].f & T_ALLCAP) && j - m < 4 &&
		    (j == m || joined(x, j - 1)))
			j++;
	}
	if (j == i || j >= end)
		return i;
	/* up to two segments after commas: ", Wash.", ", March 12" */
	p = x->tok[j - 1].e;
	for (k = j, seg = 0; seg < 2 && p < x->len && x->t[p] == ','; seg++) {
		size_t q = p + 1;

		while (q < x->len && x->t[q] == ' ')
			q++;
		if (k >= end || x->tok[k].s != q)
			break;
		while (k < end && x->tok[k].s == q &&
		    (x->tok[k].f & (T_CAP | T_DIGIT))) {
			dated |= (x->tok[k].f & T_DIGIT) != 0;
			p = x->tok[k].e;
			if (p < x->len && x->t[p] == '.')
				p++;	/* "Ore." */
			q = p + 1;
			k++;
		}
	}
	while (p < x->len && (x->t[p] == ' ' || x->t[p] == ','))
		p++;
	/* (or "NEW DELHI, November 27: The court ...", or a known place
	 * and a date or a country, a paragraph of their own: "LAUTOKA,
	 * April 12", "ANTAKYA, Turkey" (wt-h15read)) */
	if ((p + 1 < x->len && (memcmp(x->t + p, "--", 2) == 0 ||
	    memcmp(x->t + p, "- ", 2) == 0 || x->t[p] == '(' ||
	    (unsigned char)x->t[p] == 0xe2 || (dated && x->t[p] == ':'))) ||
	    (k >= end && m == 0 && (dated || (k > j &&
	    (lists_of(x, j, k) & L(PLACE)))) &&
	    (lists_of_titlecase(x, i, j) & L(PLACE)))) {
		if (lists_of_titlecase(x, i, m > 0 ? m : j) & L(ORG))
			return i;
		mention(x, i, m > 0 ? m : j, ENT_PLACE, 1);
		if (m > 0)
			mention(x, m, j, ENT_PLACE, 1);
		return j;
	}
	return i;
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

/* "NiMet", "FedEx": a short word with two capitals or more, not all. */
static int
mixed_acronym(const struct ctx *x, size_t k)
{
	size_t p, n = 0;

	if (!(x->tok[k].f & T_CAP) || x->tok[k].e - x->tok[k].s > 10)
		return 0;
	for (p = x->tok[k].s; p < x->tok[k].e; p++)
		n += x->t[p] >= 'A' && x->t[p] <= 'Z';
	return n >= 2;
}

/*
 * Does acronym word k fit the name i..j-1: is its first letter the
 * initial of one of the name's capitalised words ("Office for Budget
 * Responsibility (OBR)", "National Institute of Statistics (INE)"),
 * or is an organisation word in the name?  "Priya Naidoo (SNP)" is a
 * person with her party, not the party (issue 14 item 6).
 */
static int
acronym_fits(const struct ctx *x, size_t i, size_t j, size_t k)
{
	char a = x->t[x->tok[k].s];
	size_t m;

	for (m = i; m < j; m++) {
		if ((x->tok[m].f & T_CAP) && x->t[x->tok[m].s] == a)
			return 1;
		if (lists_of(x, m, m + 1) & L(ORG_WORD))
			return 1;
	}
	return 0;
}

/*
 * "Cooperativa Agrícola do Vale (Coopavale)", "Sociedade Brasileira de
 * Química (Sociquim)": a short form in parentheses that is one word no list
 * knows, opening with the first four letters of the name's first word,
 * is the short form of an organisation's name of three words or more
 * (wt-ents11).  Work per parenthesis after a name.
 */
static int
blend_short(const struct ctx *x, size_t i, size_t j, size_t k)
{
	const struct tok *a = &x->tok[i], *b = &x->tok[k];

	return j - i >= 3 && (b->f & T_CAP) && !(b->f & T_ALLCAP) &&
	    b->e - b->s > 4 && a->e - a->s > 4 &&
	    memcmp(x->t + a->s, x->t + b->s, 4) == 0 &&
	    lists_of(x, k, k + 1) == 0 &&
	    (lists_of(x, i, i + 1) & L(ORG_WORD));
}

/* An acronym in parentheses right after the run: "(GCBD)", "(NiMet)". */
static void
acronym_after(struct ctx *x, size_t i, size_t j)
{
	size_t p;
	int t, strong;
	struct vote *v;

	if (j >= x->ntok)
		return;
	p = x->tok[j - 1].e;
	if (x->tok[j].s != p + 2 || x->t[p] != ' ' || x->t[p + 1] != '(' ||
	    x->tok[j].e >= x->len || x->t[x->tok[j].e] != ')')
		return;
	while (i + 1 < j && (lists_of(x, i, i + 1) & (L(STOP) | L(TITLE) |
	    L(CALENDAR))))
		i++;
	if (blend_short(x, i, j, j)) {
		if (x->pass == 1)
			vote_add(x, x->t + x->tok[j].s, x->tok[j].e -
			    x->tok[j].s)->v[V_ORG] += 12;
		return;
	}
	if (!((x->tok[j].f & T_ALLCAP) || mixed_acronym(x, j)))
		return;
	t = known_type(x, i, j, &strong);
	/* "FAENZA, Italy (AP)": a place's or a person's acronym starts
	 * with its first letter, else it is someone else's (an agency) */
	if ((t == ENT_PLACE || t == ENT_PERSON) &&
	    x->t[x->tok[j].s] != x->t[x->tok[i].s])
		return;
	if (x->pass == 1) {
		v = vote_add(x, x->t + x->tok[j].s,
		    x->tok[j].e - x->tok[j].s);
		v->v[type_to_vote(t < 0 ? ENT_ORG : t)] += 4;
		/* (an acronym that does not fit the name is someone
		 * else's: the name's party or employer, no vote for it) */
		if (t < 0 && acronym_fits(x, i, j, j)) {
			char buf[KEYBUF];
			const char *k;
			size_t n;

			k = key_of(x, i, j, buf, &n);
			vote_add(x, k, n)->v[V_ORG] += 4;
		}
	}
}

/*
 * "EDITOR'S NOTE:", "KEY POINTS", "WHAT HAPPENS NEXT": a line, or the
 * start of one up to a colon, all in capitals.  The end of its words,
 * or i if the paragraph does not start with one.
 */
static size_t
caps_heading(const struct ctx *x, size_t i, size_t end)
{
	size_t k, p, colon = 0;

	for (k = i; k < end; k++) {
		const struct tok *t = &x->tok[k];

		/* (a number inside: "GRABS COVENTRY BY 212 VOTES") */
		if (!(t->f & T_ALLCAP) && !(t->e - t->s == 1 && (t->f & T_CAP)) &&
		    !(k > i && (t->f & T_DIGIT) && !(t->f & T_LOWER)))
			return colon > 0 ? colon : i;
		for (p = t->e; p < x->len && p < (k + 1 < end ?
		    x->tok[k + 1].s : x->len); p++) {
			if (x->t[p] == '\n')
				return k - i >= 1 ? k + 1 : i;
			/* "TEARS AND A RECOUNT: DHILLON GRABS ...": the
			 * capitals go on after the colon */
			if (x->t[p] == ':') {
				if (!(k + 1 < end && (x->tok[k + 1].f &
				    T_ALLCAP) && x->tok[k + 1].e -
				    x->tok[k + 1].s > 1))
					return k + 1;
				colon = k + 1;
			}
		}
		if (k + 1 == end)
			return k - i >= 1 ? k + 1 : i;
	}
	return i;
}

/*
 * A date in capitals ("MONDAY", "MARCH 12"), as datelines and headings
 * write them (the date patterns see Title Case only): the words it
 * takes from i, or 0.
 */
static size_t
caps_date(struct ctx *x, size_t i)
{
	const struct tok *t = &x->tok[i];
	size_t n = t->e - t->s;

	if (!(t->f & T_ALLCAP) || n < 3 ||
	    !(lists_of_titlecase(x, i, i + 1) & L(CALENDAR)))
		return 0;
	if (n >= 6 && memcmp(x->t + t->e - 3, "DAY", 3) == 0) {
		cand_add(x, t->s, t->e, ENT_DATE, PRIO_DATES);
		return 1;
	}
	/* a month, then its day */
	if (i + 1 < x->ntok && joined(x, i) && (x->tok[i + 1].f & T_DIGIT) &&
	    x->tok[i + 1].e - x->tok[i + 1].s <= 2) {
		cand_add(x, t->s, x->tok[i + 1].e, ENT_DATE, PRIO_DATES);
		return 2;
	}
	return 0;
}

/*
 * "IOANA MUREȘAN: Good morning.": a transcript's label, a person's
 * name of two to four words in capitals (caps_person) opening the
 * paragraph, right before its colon (or a listed given name and words
 * no list keeps from a name): one person, not a heading's words each on
 * its own; its surname alone labels later answers ("MUREȘAN:", by the
 * vote caps_surname_vote gives).
 */
static int
caps_label(struct ctx *x, size_t i, size_t j)
{
	size_t k;

	if (j - i < 2 || j - i > 4 || !text_after(x, j, ": "))
		return 0;
	if (!caps_person(x, i, j)) {
		/* (a given name first, then surnames no list keeps from
		 * a name: "MUREȘAN" reads as a demonym of Mureș) */
		if (!(lists_of_titlecase(x, i, i + 1) & L(GIVEN)))
			return 0;
		for (k = i; k < j; k++) {
			if (!(x->tok[k].f & T_ALLCAP) ||
			    (x->tok[k].f & T_DIGIT) || (k + 1 < j &&
			    !joined(x, k)) || (lists_of_titlecase(x, k, k + 1) &
			    (L(ORG_WORD) | L(FAC_WORD) | L(OF_HEAD) | L(STOP) |
			    L(TITLE) | L(CALENDAR) | L(ORG) | L(PLACE))))
				return 0;
		}
	}
	mention(x, i, j, ENT_PERSON, 1);
	return 1;
}

/* Does the text write the word in capitals at i in lower case ("NAN"
 * and "his nan")? */
static int
caps_common(const struct ctx *x, size_t i)
{
	char b2[KEYBUF];
	size_t o;
	const struct vote *v;

	if (!titlecase_key(x, i, i + 1, b2, &o) || o == 0 ||
	    b2[0] < 'A' || b2[0] > 'Z')
		return 0;
	b2[0] = (char)(b2[0] - 'A' + 'a');
	return (v = vote_get(x, b2, o)) != NULL && v->lower;
}

/* The known places of a heading in capitals ("LAGOS PORT STRIKE"), and
 * a word the document names in running text ("DHILLON GRABS COVENTRY"
 * after "Dhillon said": one sense per document, issue 14 item 10); not
 * a place's name that the text writes in lower case ("NAN", "his nan";
 * wt-h9read). */
static void
caps_names(struct ctx *x, size_t i, size_t j)
{
	char b2[KEYBUF];
	size_t o;
	int v;

	for (; i < j; i++) {
		if (i + 1 < j && joined(x, i) &&
		    (lists_of_titlecase(x, i, i + 2) & L(PLACE))) {
			mention(x, i, i + 2, ENT_PLACE, 1);
			i++;
		} else if ((lists_of_titlecase(x, i, i + 1) & L(PLACE)) &&
		    !caps_common(x, i))
			mention(x, i, i + 1, ENT_PLACE, 1);
		else if (x->pass == 2 && (x->tok[i].f & T_ALLCAP) &&
		    x->tok[i].e - x->tok[i].s >= 4 &&
		    titlecase_key(x, i, i + 1, b2, &o) &&
		    (v = vote_best(vote_get(x, b2, o))) >= 0 &&
		    v != V_PLACE && !(lists_of_titlecase(x, i, i + 1) &
		    (L(STOP) | L(CALENDAR) | L(TITLE))))
			mention(x, i, i + 1, vote_to_type(v), 0);
	}
}

static void
scan_runs(struct ctx *x)
{
	size_t i = x->tb, j, end = 0;
	int head = 0, slogan;

	while (i < x->te) {
		if (x->tok[i].f & T_PARA) {
			for (end = i + 1; end < x->ntok &&
			    !(x->tok[end].f & T_PARA); end++)
				;
			head = is_headline(x, i, end);
			if (byline(x, i, end) || bare_byline(x, i, end) ||
			    piped_masthead(x, i, end)) {
				i = end;
				continue;
			}
			if ((j = dateline(x, i, end)) == i &&
			    (j = caps_heading(x, i, end)) > i) {
				if (!caps_label(x, i, j))
					caps_names(x, i, j);
				i = j;
				continue;
			}
			i = j;
		}
		if (x->tok[i].f & T_NOCASE) {
			for (j = i + 1; j < x->ntok && j - i < MAX_RUN &&
			    joined(x, j - 1) && (x->tok[j].f & T_NOCASE); j++)
				;
			caseless_name(x, i, j);
			i = j;
			continue;
		}
		if (x->pass == 2 && (j = caps_date(x, i)) > 0) {
			i += j;
			continue;
		}
		if (particle_start(x, i))
			j = i + 1;
		else if (!(x->tok[i].f & T_CAP) || (x->tok[i].f & T_DIGIT &&
		    !(x->tok[i].f & T_ALLCAP))) {
			i++;
			continue;
		} else
			j = i + 1;
		if ((x->tok[i].f & T_SENT) && credit_opens(x, i, end) &&
		    byline(x, i, end)) {
			i = end;
			continue;
		}
		for (; j < x->ntok && j - i < MAX_RUN;) {
			size_t n = run_next(x, i, j);

			if (n == 0)
				break;
			j += n;
		}
		score_line(x, i, j);	/* (pass 1, a paragraph's first run) */
		slogan = head ? 0 : in_slogan(x, i);
		if (slogan == 2)
			caps_names(x, i, j);
		else if ((head || slogan) && x->pass == 2)
			headline_names(x, i, j);
		else if (head && j - i == 2)
			(void)club_name(x, i, j);	/* (its vote) */
		else if (!head && !slogan)
			classify_run(x, i, j);
		acronym_after(x, i, j);
		i = j;
	}
}

/* Is word k a number in words ("four", "twenty-five")? */
static int
number_word(const struct ctx *x, size_t k)
{
	const char *w = x->t + x->tok[k].s, *h;
	size_t n = x->tok[k].e - x->tok[k].s;

	if (lists_of(x, k, k + 1) & L(NUMBER_WORD))
		return 1;
	h = memchr(w, '-', n);
	return h != NULL && (lists_key(x, w, (size_t)(h - w)) &
	    L(NUMBER_WORD)) && (lists_key(x, h + 1, n - (size_t)(h - w) - 1) &
	    L(NUMBER_WORD));
}

/* "four per cent", "twenty-five percent": a percentage in words (the
 * pattern rules see digits only). */
static void
percent_words(struct ctx *x)
{
	size_t i, k, end;

	for (i = x->tb; i < x->te; i++) {
		if (tok_is(x, i, "percent"))
			end = i + 1;
		else if (tok_is(x, i, "per") && word_is(x, i + 1, "cent"))
			end = i + 2;
		else
			continue;
		/* the number right before: "four", "twenty-five" */
		k = i - 1;
		if (i > 0 && joined(x, k) && number_word(x, k))
			cand_add(x, x->tok[k].s, x->tok[end - 1].e, ENT_PERCENT,
			    PRIO_PERCENT);
	}
}

/*
 * Sort c[0, n) by cmp, stably, as qsort does here (glibc's is a merge
 * sort): a merge sort that moves candidates as values, where qsort
 * copies bytes through calls (a few per cent of the analysis).  Inline,
 * so that each caller's cmp is inlined too (300,000 calls a MB).
 */
static inline void
cand_sort(struct cand *c, size_t n, int (*cmp)(const void *, const void *))
{
	struct cand *tmp, *from, *to, *sw, v;
	size_t w, lo, mid, hi, i, j, k;

	for (lo = 0; lo < n; lo += 16) {	/* runs of 16, by insertion */
		hi = lo + 16 < n ? lo + 16 : n;
		for (i = lo + 1; i < hi; i++) {
			v = c[i];
			for (j = i; j > lo && cmp(&c[j - 1], &v) > 0; j--)
				c[j] = c[j - 1];
			c[j] = v;
		}
	}
	if (n <= 16)
		return;
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	from = c;
	to = tmp;
	for (w = 16; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			if (mid < hi && cmp(&from[mid - 1], &from[mid]) <= 0) {
				/* in order already (often: the rules' matches
				 * come sorted): the merge would copy them */
				memcpy(to + lo, from + lo, (hi - lo) * sizeof *to);
				continue;
			}
			for (i = lo, j = mid, k = lo; k < hi; k++)
				to[k] = j >= hi || (i < mid &&
				    cmp(&from[i], &from[j]) <= 0) ?
				    from[i++] : from[j++];
		}
		sw = from;
		from = to;
		to = sw;
	}
	if (from != c)
		memcpy(c, from, n * sizeof *c);
	free(tmp);
}

static int
cand_cmp_start(const void *a, const void *b)
{
	const struct cand *p = a, *q = b;

	return p->s < q->s ? -1 : p->s > q->s ? 1 : (p->e > q->e) - (p->e < q->e);
}

/*
 * "Saturday, March 7": a weekday and the date right after it, both found
 * by the date patterns, are one date (cheaper here than as a pattern).
 */
static void
join_dates(struct ctx *x)
{
	struct cand *d = NULL;
	size_t i, n = 0, nc = x->nc;

	for (i = 0; i < nc; i++) {
		if (x->c[i].type == ENT_DATE) {
			if (d == NULL)	/* (room for all at once) */
				d = xreallocarray(NULL, nc, sizeof *d);
			d[n++] = x->c[i];
		}
	}
	if (n > 1)
		cand_sort(d, n, cand_cmp_start);
	for (i = 0; i + 1 < n; i++) {
		const struct cand *w = &d[i], *m = &d[i + 1];

		if (w->e - w->s < 6 || memcmp(x->t + w->e - 3, "day", 3) != 0 ||
		    m->s <= w->e || m->s - w->e > 2 ||
		    (x->t[w->e] != ',' && x->t[w->e] != ' ') ||
		    x->t[m->s - 1] != ' ' || m->e - m->s < 5)
			continue;
		cand_add(x, w->s, m->e, ENT_DATE, PRIO_DATES);
	}
	free(d);
}

/* Every word of the block seen starting lower-case, into words. */
static void
note_lower_words(const struct ctx *x, struct strmap *words)
{
	size_t i;

	for (i = x->tb; i < x->te; i++) {
		if ((x->tok[i].f & T_LOWER) && x->tok[i].e - x->tok[i].s < 64)
			(void)strmap_add(words, x->t + x->tok[i].s,
			    x->tok[i].e - x->tok[i].s);
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
	struct cand *chosen;
	struct entity *e;
	int *prio;
	size_t i, k, n = 0;

	cand_sort(x->c, x->nc, cand_cmp_prio);
	/* (a candidate never leaves its block: none crosses a blank line) */
	used = xcalloc((x->be - x->bs) / 8 + 1, 1);
	chosen = xcalloc(x->nc + 1, sizeof *chosen);
	for (i = 0; i < x->nc; i++) {
		struct cand *c = &x->c[i];
		int free_span = c->e <= x->len && c->s < c->e &&
		    c->s >= x->bs && c->e <= x->be;

		for (k = c->s - x->bs; free_span && k < c->e - x->bs; k++)
			free_span = !(used[k / 8] & (1u << (k % 8)));
		if (!free_span)
			continue;
		for (k = c->s - x->bs; k < c->e - x->bs; k++)
			used[k / 8] |= (unsigned char)(1u << (k % 8));
		chosen[n++] = *c;
	}
	free(used);
	/* in start order (no two start together: they do not overlap) */
	cand_sort(chosen, n, cand_cmp_start);
	e = xcalloc(n + 1, sizeof *e);
	for (i = 0; i < n; i++) {
		e[i].start = chosen[i].s;
		e[i].end = chosen[i].e;
		e[i].type = (enum ent_type)chosen[i].type;
	}
	free(chosen);
	/* Priorities in start order, for make_consistent. */
	prio = xcalloc(n + 1, sizeof *prio);
	for (i = 0; i < x->nc; i++)
		prio_fill(x, e, n, &x->c[i], prio);
	make_consistent(x, e, prio, n);
	free(prio);
	*out = e;
	return n;
}

/* ---- the document, block by block ---- */

struct ent_doc *
ent_doc_new(const struct rules *r, const char *text, size_t len, int valid)
{
	struct ent_doc *doc = xcalloc(1, sizeof *doc);

	doc->r = r;
	doc->t = text;
	doc->len = len;
	doc->valid = valid;
	strmap_init(&doc->map, sizeof(struct vote));
	return doc;
}

void
ent_doc_set_valid(struct ent_doc *doc, int valid)
{
	doc->valid = valid;
}

size_t
ent_block_tokens(const struct ent_block *b)
{
	return b->ntok;
}

void
ent_doc_free(struct ent_doc *doc)
{
	if (doc == NULL)
		return;
	strmap_free(&doc->map);
	free(doc);
}

/* A ctx for block b of doc (whose map only the votes pass writes). */
static void
ctx_of(struct ctx *x, const struct ent_doc *doc, struct ent_block *b)
{
	memset(x, 0, sizeof *x);
	x->r = doc->r;
	x->t = doc->t;
	x->len = doc->len;
	x->map = (struct strmap *)&doc->map;
	x->lists = &b->lists;
	x->tok = b->tok;
	x->ntok = b->ntok;
	x->tb = b->tb;
	x->te = b->te;
	x->bs = b->s;
	x->be = b->e;
	x->sets = b->sets;
	x->spans = b->spans;
}

/* The line start after the blank line at or before p (0 if none). */
static size_t
para_start_before(const char *t, size_t p)
{
	size_t q;

	while (p > 0) {
		/* p - 1 must be a '\n' ending a line of blanks */
		if (t[p - 1] == '\n') {
			for (q = p - 1; q > 0 && (t[q - 1] == ' ' ||
			    t[q - 1] == '\t' || t[q - 1] == '\r'); q--)
				;
			if (q > 0 && t[q - 1] == '\n')
				return p;
		}
		p--;
	}
	return 0;
}

struct ent_block *
ent_block_new(const struct ent_doc *doc, size_t s, size_t e)
{
	struct ent_block *b = xcalloc(1, sizeof *b);
	size_t ms = s, i, want = MARGIN_BYTES;
	struct ctx x;

	b->s = s;
	b->e = e;
	strmap_init(&b->lists, sizeof(unsigned));
	b->spans = xcalloc(SPAN_SLOTS, sizeof *b->spans);
	for (;;) {
		/* MARGIN_TOKENS words before, from a paragraph start */
		ms = s > want ? para_start_before(doc->t, s - want) : 0;
		ctx_of(&x, doc, b);
		x.tok = NULL;
		x.ntok = 0;
		tokenize(&x, ms, e, e < doc->len ? MARGIN_TOKENS : 0);
		for (i = 0; i < x.ntok && x.tok[i].s < s; i++)
			;
		if (i >= MARGIN_TOKENS || ms == 0)
			break;
		free(x.tok);
		want *= 4;
	}
	b->tok = x.tok;
	b->ntok = x.ntok;
	b->tb = i;
	for (b->te = i; b->te < b->ntok && b->tok[b->te].s < e; b->te++)
		;
	return b;
}

void
ent_block_free(struct ent_block *b)
{
	if (b == NULL)
		return;
	free(b->tok);
	strmap_free(&b->lists);
	free(b->spans);
	free(b);
}

void
ent_block_lower(const struct ent_doc *doc, struct ent_block *b,
    struct strmap *words)
{
	struct ctx x;

	ctx_of(&x, doc, b);
	note_lower_words(&x, words);
}

void
ent_doc_add_lower(struct ent_doc *doc, const struct strmap *words)
{
	size_t i, n;
	const char *k;

	for (i = 0; i < strmap_count(words); i++) {
		k = strmap_key(words, i, &n);
		((struct vote *)strmap_add(&doc->map, k, n))->lower = 1;
	}
}

void
ent_block_vote(struct ent_doc *doc, struct ent_block *b)
{
	struct ctx x;

	ctx_of(&x, doc, b);
	x.pass = 1;
	scan_runs(&x);
	b->tok = x.tok;		/* (flags learnt on the way are kept) */
}

/* A block's pattern-rule matches, before ent_block_found reads them. */
struct ent_cands {
	struct cand	*c;
	size_t		 nc;
	size_t		 capc;
};

struct ent_cands *
ent_block_rules(const struct ent_doc *doc, size_t s, size_t e,
    struct diag *d)
{
	struct ent_cands *m = xcalloc(1, sizeof *m);
	struct ctx x;

	memset(&x, 0, sizeof x);
	x.r = doc->r;
	x.t = doc->t;
	x.len = doc->len;
	rules_scan_all(doc->r, doc->t, doc->len, s, e, doc->valid,
	    rule_match, &x, d);
	/* (they may wait a while: no room to spare) */
	m->c = x.nc > 0 ? xreallocarray(x.c, x.nc, sizeof *x.c) : x.c;
	m->nc = m->capc = x.nc;
	return m;
}

void
ent_cands_free(struct ent_cands *m)
{
	if (m == NULL)
		return;
	free(m->c);
	free(m);
}

size_t
ent_block_find(const struct ent_doc *doc, struct ent_block *b,
    struct entity **out, struct diag *d)
{
	return ent_block_found(doc, b, ent_block_rules(doc, b->s, b->e, d),
	    out);
}

size_t
ent_block_found(const struct ent_doc *doc, struct ent_block *b,
    struct ent_cands *m, struct entity **out)
{
	struct ctx x;
	size_t n;

	ctx_of(&x, doc, b);
	x.c = m->c;
	x.nc = m->nc;
	x.capc = m->capc;
	free(m);
	join_dates(&x);
	percent_words(&x);
	x.pass = 2;
	scan_runs(&x);
	n = resolve(&x, out);
	free(x.c);
	return n;
}

size_t
ent_find(const struct rules *r, const char *text, size_t len,
    struct entity **out, struct diag *d)
{
	struct ent_doc *doc = ent_doc_new(r, text, len, utf8_valid(text, len));
	struct ent_block *b = ent_block_new(doc, 0, len);
	struct strmap lower;
	size_t n;

	strmap_init(&lower, 1);
	ent_block_lower(doc, b, &lower);
	ent_doc_add_lower(doc, &lower);
	strmap_free(&lower);
	ent_block_vote(doc, b);
	n = ent_block_find(doc, b, out, d);
	ent_block_free(b);
	ent_doc_free(doc);
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
