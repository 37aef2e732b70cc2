/*
 * quotes.c: pairing quotation marks over the whole text and finding
 * who is quoted.  Paragraphs are separated by blank lines; a single line
 * break is only a hard wrap.  Only outer (double) marks make quotes:
 * single marks nest inside them and are not listed, so an apostrophe can
 * never open or close a quote.  A quote open at the end of a paragraph
 * continues if the next paragraph opens with the same mark (the news
 * convention), else it ends there and is marked unbalanced.
 *
 * Attribution looks at the sentence after the quote (", said Musk.",
 * ", Musk said.", ", she told reporters."), then before it ("Musk said:"),
 * then for "according to NAME"; a pronoun stands for the nearest person
 * mentioned earlier outside quotes.  A quote without a speaker inherits
 * the one of the previous quote in its paragraph.
 */
#include "artread/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/entities.h"
#include "artread/rules.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define ATTR_WINDOW	160	/* bytes looked at around a quote */

struct para {
	size_t	s;
	size_t	e;
};

struct qctx {
	const struct rules		*r;
	const char			*t;
	size_t				 len;
	const struct entity		*ents;
	size_t				 nents;
	const struct rules_qmark	*marks;
	size_t				 nmarks;
	struct para			*para;
	size_t				 npara;
	struct quote			*q;
	size_t				 nq;
	size_t				 capq;
	size_t				*qpara;		/* paragraph of each quote */
	int				 single;	/* single marks are outer */
};

/* ---- paragraphs ---- */

static int
blank_line(const char *t, size_t s, size_t e)
{
	for (; s < e; s++) {
		if (t[s] != ' ' && t[s] != '\t' && t[s] != '\r')
			return 0;
	}
	return 1;
}

static void
add_para(struct qctx *x, size_t s, size_t e, size_t *cap)
{
	while (s < e && (x->t[s] == ' ' || x->t[s] == '\t'))
		s++;
	while (e > s && (x->t[e - 1] == ' ' || x->t[e - 1] == '\t' ||
	    x->t[e - 1] == '\r' || x->t[e - 1] == '\n'))
		e--;
	if (s >= e)
		return;
	if (x->npara == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		x->para = xreallocarray(x->para, *cap, sizeof *x->para);
	}
	x->para[x->npara].s = s;
	x->para[x->npara].e = e;
	x->npara++;
}

static void
split_paragraphs(struct qctx *x)
{
	size_t p = 0, ps = 0, cap = 0;
	int in = 0;

	while (p < x->len) {
		const char *nl = memchr(x->t + p, '\n', x->len - p);
		size_t le = nl == NULL ? x->len : (size_t)(nl - x->t);

		if (blank_line(x->t, p, le)) {
			if (in)
				add_para(x, ps, p, &cap);
			in = 0;
		} else if (!in) {
			in = 1;
			ps = p;
		}
		p = le + 1;
	}
	if (in)
		add_para(x, ps, x->len, &cap);
}

/* ---- marks ---- */

/* The outer mark at p: its index in marks, or -1; *n its length. */
static int
mark_at(const struct qctx *x, size_t p, size_t *n, int want_open)
{
	size_t i, k;

	for (i = 0; i < x->nmarks; i++) {
		const char *m;

		if (x->marks[i].inner != x->single)
			continue;
		m = want_open ? x->marks[i].open : x->marks[i].close;
		k = strlen(m);
		if (p + k <= x->len && memcmp(x->t + p, m, k) == 0) {
			*n = k;
			return (int)i;
		}
	}
	return -1;
}

static int
space_at(const struct qctx *x, size_t p)
{
	return p >= x->len || x->t[p] == ' ' || x->t[p] == '\t' ||
	    x->t[p] == '\n' || x->t[p] == '\r';
}

static void
add_quote(struct qctx *x, size_t s, size_t e, unsigned flags, size_t pi)
{
	if (x->nq == x->capq) {
		x->capq = x->capq ? x->capq * 2 : 64;
		x->q = xreallocarray(x->q, x->capq, sizeof *x->q);
		x->qpara = xreallocarray(x->qpara, x->capq, sizeof *x->qpara);
	}
	memset(&x->q[x->nq], 0, sizeof x->q[x->nq]);
	x->q[x->nq].start = s;
	x->q[x->nq].end = e;
	x->q[x->nq].flags = flags;
	x->qpara[x->nq] = pi;
	x->nq++;
}

/* In single-quote mode: is the ' or ’ at p an apostrophe (don't,
 * O’Brien, '90s, Jones' car)? */
static int
apostrophe(const struct qctx *x, size_t p)
{
	size_t n = x->t[p] == '\'' ? 1 : 3;
	int before = p > 0 && utf8_word_before(x->t, p);
	int after = utf8_word_at(x->t, x->len, p + n);
	uint32_t next;

	if (x->t[p] != '\'' && !(p + 2 < x->len &&
	    memcmp(x->t + p, "\xe2\x80\x99", 3) == 0))
		return 0;
	if (before && after)
		return 1;
	if (!before && p + n < x->len && x->t[p + n] >= '0' &&
	    x->t[p + n] <= '9')
		return 1;
	if (!(before && x->t[p - 1] == 's' && space_at(x, p + n) &&
	    p + n + 1 < x->len))
		return 0;
	utf8_decode_lossy(x->t + p + n + 1, x->len - (p + n + 1), &next);
	return utf8_is_word(next) && !utf8_is_upper(next);
}

/*
 * Pair the marks of paragraph pi from p on.  *open is the index of the
 * mark of the quote still open (or -1), *qs where it began.
 */
static void
pair_paragraph(struct qctx *x, size_t pi, size_t p, int *open, size_t *qs,
    size_t *qpi)
{
	size_t e = x->para[pi].e, n;
	int m;

	while (p < e) {
		unsigned char c = (unsigned char)x->t[p];

		if (c != '"' && c != '\'' && c < 0xc2) {
			p++;
			continue;
		}
		if (x->single && apostrophe(x, p)) {
			p++;
			continue;
		}
		if (*open >= 0) {
			const char *cl = x->marks[*open].close;
			size_t k = strlen(cl);

			if (p + k <= x->len && memcmp(x->t + p, cl, k) == 0 &&
			    !(p > 0 && space_at(x, p - 1) &&
			    utf8_word_at(x->t, x->len, p + k) &&
			    strcmp(cl, "\"") != 0)) {
				add_quote(x, *qs, p + k, 0, *qpi);
				*open = -1;
				p += k;
				continue;
			}
			p++;
			continue;
		}
		if ((m = mark_at(x, p, &n, 1)) >= 0 &&
		    !(space_at(x, p + n) && p > 0 && !space_at(x, p - 1))) {
			*open = m;
			*qs = p;
			*qpi = pi;
			p += n;
			continue;
		}
		p++;
	}
}

static void
pair_quotes(struct qctx *x)
{
	size_t pi, qs = 0, qpi = 0, n;
	int open = -1;

	for (pi = 0; pi < x->npara; pi++) {
		size_t p = x->para[pi].s;

		if (open >= 0) {
			/* Continued from the paragraph before: skip the mark. */
			mark_at(x, p, &n, 1);
			p += n;
		}
		pair_paragraph(x, pi, p, &open, &qs, &qpi);
		if (open < 0)
			continue;
		if (pi + 1 < x->npara &&
		    mark_at(x, x->para[pi + 1].s, &n, 1) == open)
			continue;
		add_quote(x, qs, x->para[pi].e, QUOTE_UNBALANCED, qpi);
		open = -1;
	}
}

/* ---- words ---- */

/* The word starting at or after p (skipping blanks and commas) within
 * lim: [*ws, *we); 0 if the next thing is not a word. */
static int
next_word(const struct qctx *x, size_t p, size_t lim, size_t *ws,
    size_t *we)
{
	uint32_t cp;

	while (p < lim && (x->t[p] == ' ' || x->t[p] == '\t' ||
	    x->t[p] == '\n' || x->t[p] == '\r' || x->t[p] == ','))
		p++;
	if (p >= lim || !utf8_word_at(x->t, x->len, p))
		return 0;
	*ws = p;
	while (p < lim) {
		size_t n = utf8_decode_lossy(x->t + p, x->len - p, &cp);

		if (utf8_is_word(cp) ||
		    ((cp == '-' || cp == '\'' || cp == 0x2019) &&
		    utf8_word_at(x->t, x->len, p + n) && !(x->t[p + n] == 's' &&
		    !utf8_word_at(x->t, x->len, p + n + 1))))
			p += n;
		else
			break;
	}
	*we = p;
	return 1;
}

/* Like next_word, but skipping any punctuation first (for loops over
 * the words of a stretch of text). */
static int
scan_word(const struct qctx *x, size_t p, size_t lim, size_t *ws,
    size_t *we)
{
	while (p < lim && !utf8_word_at(x->t, x->len, p))
		p++;
	return next_word(x, p, lim, ws, we);
}

static int
word_in(const struct qctx *x, size_t s, size_t e, enum rules_list l)
{
	return rules_in_list(x->r, l, x->t + s, e - s);
}

static int
word_is(const struct qctx *x, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w);

	return e - s == n && strncmp(x->t + s, w, n) == 0;
}

static int
pronoun(const struct qctx *x, size_t s, size_t e)
{
	static const char *const pr[] = { "he", "she", "they", "He", "She",
	    "They", NULL };
	int i;

	for (i = 0; pr[i] != NULL; i++) {
		if (word_is(x, s, e, pr[i]))
			return 1;
	}
	return 0;
}

/* ---- speakers ---- */

/* Index of the first entity with start >= p. */
static size_t
ent_from(const struct qctx *x, size_t p)
{
	size_t lo = 0, hi = x->nents;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (x->ents[mid].start < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
name_type(enum ent_type t)
{
	return t == ENT_PERSON || t == ENT_ORG || t == ENT_PLACE;
}

static int
inside_quote(const struct qctx *x, size_t p)
{
	size_t lo = 0, hi = x->nq;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (x->q[mid].start <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && p < x->q[lo - 1].end;
}

/* Is the speaker mention at s a person (or not an entity at all)? */
static int
person_at(const struct qctx *x, size_t s)
{
	size_t i = ent_from(x, s);

	return i >= x->nents || x->ents[i].start != s ||
	    x->ents[i].type == ENT_PERSON;
}

/* Is the speaker mention at s a named person or organisation? */
static int
entity_speaker(const struct qctx *x, size_t s)
{
	size_t i = ent_from(x, s);

	return i < x->nents && x->ents[i].start == s &&
	    (x->ents[i].type == ENT_PERSON || x->ents[i].type == ENT_ORG);
}

/* The nearest person mentioned before p outside quotes, or the
 * nearest earlier speaker if that is nearer. */
static int
antecedent(const struct qctx *x, size_t p, size_t *s, size_t *e)
{
	size_t i = ent_from(x, p), k;
	int found = 0;

	while (i-- > 0) {
		if (x->ents[i].type == ENT_PERSON &&
		    !inside_quote(x, x->ents[i].start)) {
			*s = x->ents[i].start;
			*e = x->ents[i].end;
			found = 1;
			break;
		}
	}
	for (k = x->nq; k-- > 0;) {
		const struct quote *q = &x->q[k];

		/* A pronoun is a person: not an organisation that spoke. */
		if (q->speaker_end == 0 || q->speaker_end > p ||
		    q->start > p || !person_at(x, q->speaker_start))
			continue;
		if (!found || q->speaker_start > *s) {
			*s = q->speaker_start;
			*e = q->speaker_end;
			found = 1;
		}
		break;
	}
	return found;
}

/* Only capitalised words (a title: "Council Leader") in [s, e)? */
static int
titles_between(const struct qctx *x, size_t s, size_t e)
{
	uint32_t cp;

	if (e < s || e - s > 48)
		return 0;
	while (s < e) {
		utf8_decode_lossy(x->t + s, x->len - s, &cp);
		if (!utf8_is_upper(cp))
			return 0;
		while (s < e && x->t[s] != ' ' && x->t[s] != '\n')
			s++;
		while (s < e && (x->t[s] == ' ' || x->t[s] == '\n' ||
		    x->t[s] == ','))
			s++;
	}
	return 1;
}

/* Only lower-case title words ("chief executive") in [s, e)? */
static int
lower_titles(const struct qctx *x, size_t s, size_t e)
{
	size_t ws, we, n = 0;

	if (e < s || e - s > 60)
		return 0;
	while (next_word(x, s, e, &ws, &we)) {
		if (!word_in(x, ws, we, RL_TITLE) && !word_is(x, ws, we, "of") &&
		    !word_is(x, ws, we, "the"))
			return 0;
		n++;
		s = we;
	}
	return n > 0;
}

/*
 * A speaker named at the word [ws, we): an entity starting there
 * (after titles), a pronoun, or a capitalised run.  Sets [*s, *e).
 */
static int
name_at(const struct qctx *x, size_t ws, size_t we, size_t lim, size_t *s,
    size_t *e)
{
	size_t i, k, n = 0;
	uint32_t cp;

	while (n++ < 4 && (word_in(x, ws, we, RL_TITLE) ||
	    (we < x->len && x->t[we] == '.' &&
	    rules_in_list(x->r, RL_TITLE, x->t + ws, we - ws + 1)))) {
		size_t p = we < x->len && x->t[we] == '.' ? we + 1 : we;

		if (!next_word(x, p, lim, &ws, &we))
			return 0;
	}
	if (pronoun(x, ws, we))
		return antecedent(x, ws, s, e);
	i = ent_from(x, ws);
	if (i < x->nents && name_type(x->ents[i].type) &&
	    x->ents[i].start < lim && titles_between(x, ws,
	    x->ents[i].start)) {
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		/* "Harbourline chief executive Oluwaseun Adebayo-Grant" */
		if (x->ents[i].type != ENT_PERSON && i + 1 < x->nents &&
		    x->ents[i + 1].type == ENT_PERSON &&
		    x->ents[i + 1].start < lim &&
		    lower_titles(x, x->ents[i].end, x->ents[i + 1].start)) {
			*s = x->ents[i + 1].start;
			*e = x->ents[i + 1].end;
		}
		return 1;
	}
	utf8_decode_lossy(x->t + ws, x->len - ws, &cp);
	if (!utf8_is_upper(cp) || word_in(x, ws, we, RL_STOP))
		return 0;
	k = ent_name_run(x->r, x->t, lim, ws);
	if (k <= ws)
		return 0;
	*s = ws;
	*e = k;
	return 1;
}

/* Where the sentence around p ends (before lim). */
static size_t
sentence_end(const struct qctx *x, size_t p, size_t lim)
{
	for (; p < lim; p++) {
		char c = x->t[p];

		if ((c == '.' || c == '!' || c == '?') && space_at(x, p + 1)) {
			size_t b = utf8_word_back(x->t, p, 0);

			/* "Dr." or an initial does not end a sentence. */
			if (utf8_count(x->t + b, p - b) == 1 ||
			    rules_in_list(x->r, RL_TITLE, x->t + b, p - b + 1))
				continue;
			return p;
		}
	}
	return lim;
}

/* ", the company said": a lower-case subject, then the verb. */
static int
unnamed_subject(const struct qctx *x, size_t p, size_t lim)
{
	size_t ws, we, n;

	for (n = 0; n < 5 && next_word(x, p, lim, &ws, &we); n++) {
		if (n == 0 && !(x->t[ws] >= 'a' && x->t[ws] <= 'z'))
			return 0;
		if (n > 0 && word_in(x, ws, we, RL_VERB))
			return -1;
		p = we;
	}
	return 0;
}

/* Does the quote end with a full stop inside its marks ("Done.")? */
static int
ends_sentence(const struct qctx *x, const struct quote *q)
{
	size_t p = q->end;

	while (p > q->start && ((unsigned char)x->t[p - 1] >= 0x80 ||
	    x->t[p - 1] == '"'))
		p--;
	return p > q->start && x->t[p - 1] == '.' && !(q->flags &
	    QUOTE_UNBALANCED);
}

static size_t
skip_blanks(const struct qctx *x, size_t p)
{
	while (p < x->len && (x->t[p] == ' ' || x->t[p] == '\t' ||
	    x->t[p] == '\n' || x->t[p] == '\r'))
		p++;
	return p;
}

/*
 * Where the attribution after quote qi may begin: past a translation in
 * parentheses ("..." ("..."), said X) or the closing parenthesis of
 * one, and past a dash ("..." -- X, the minister, said).  *nx is the
 * first quote after that point.
 */
static size_t
attr_start(const struct qctx *x, size_t qi, size_t *nx)
{
	size_t p = skip_blanks(x, x->q[qi].end);

	*nx = qi + 1;
	if (p < x->len && x->t[p] == ')')
		p = skip_blanks(x, p + 1);
	if (p < x->len && x->t[p] == '(' && *nx < x->nq &&
	    skip_blanks(x, p + 1) == x->q[*nx].start) {
		p = skip_blanks(x, x->q[*nx].end);
		(*nx)++;
		if (p < x->len && x->t[p] == ')')
			p = skip_blanks(x, p + 1);
	}
	if (p + 3 <= x->len && (memcmp(x->t + p, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(x->t + p, "\xe2\x80\x93", 3) == 0))
		p += 3;
	else if (p + 2 <= x->len && x->t[p] == '-' && x->t[p + 1] == '-')
		p += 2;
	return p > x->q[qi].end ? p : x->q[qi].end;
}

/* ", said Musk." / ", Musk said." / ", she told reporters." */
static int
speaker_after(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	const struct quote *q = &x->q[qi];
	const struct para *pa = &x->para[x->qpara[qi]];
	size_t lim, ws, we, p, n, nx;
	size_t pe = pa->e;
	size_t a = attr_start(x, qi, &nx);
	int pro;

	/* The quote may end in a later paragraph. */
	while (pe < q->end && pa + 1 < x->para + x->npara && pa[1].s <
	    q->end)
		pa++, pe = pa->e;
	if (pe < q->end)
		pe = q->end;
	if (pe < a)
		pe = a;
	lim = nx < x->nq && x->q[nx].start < pe ? x->q[nx].start : pe;
	if (lim > a + ATTR_WINDOW)
		lim = a + ATTR_WINDOW;
	lim = sentence_end(x, a, lim);
	/* "Done." ends the sentence, unless a translation or a comma
	 * follows ("Listo." ("Done."), said X). */
	if (ends_sentence(x, q) && nx == qi + 1 && !(a < x->len &&
	    x->t[a] == ','))
		return 0;
	if (!next_word(x, a, lim, &ws, &we))
		return 0;
	if (word_in(x, ws, we, RL_VERB) && !pronoun(x, ws, we)) {
		if (!next_word(x, we, lim, &ws, &we))
			return 0;
		/* "summed up Dana Whitlock", "pointed out Ruiz" */
		if ((word_is(x, ws, we, "up") || word_is(x, ws, we, "out")) &&
		    !next_word(x, we, lim, &ws, &we))
			return 0;
		if (name_at(x, ws, we, lim, s, e))
			return 1;
		/* ", said a spokesman": said by someone not named */
		return (x->t[ws] >= 'a' && x->t[ws] <= 'z') ? -1 : 0;
	}
	pro = pronoun(x, ws, we);
	if (!name_at(x, ws, we, lim, s, e))
		return pro ? -1 : unnamed_subject(x, ws, lim);
	/* The name, maybe an appositive ", the agency's director,", then
	 * up to two adverbs, then the verb. */
	p = pro ? we : *e;
	while (p < lim && (x->t[p] == ' ' || x->t[p] == '\t'))
		p++;
	if (p < lim && x->t[p] == ',') {
		const char *c = memchr(x->t + p + 1, ',', lim - p - 1);

		if (c == NULL)
			return 0;
		p = (size_t)(c - x->t) + 1;
	}
	for (n = 0; n < 3 && next_word(x, p, lim, &ws, &we); n++) {
		if (word_in(x, ws, we, RL_VERB))
			return 1;
		p = we;
	}
	return 0;
}

/* ", calling the plan ...": a participle after a comma refers to the
 * subject at the start of the sentence. */
static int
participle(const struct qctx *x, size_t vs, size_t ve)
{
	size_t p = vs;

	if (ve - vs < 5 || memcmp(x->t + ve - 3, "ing", 3) != 0)
		return 0;
	while (p > 0 && (x->t[p - 1] == ' ' || x->t[p - 1] == '\n'))
		p--;
	return p > 0 && x->t[p - 1] == ',';
}

/* Name then verb: nothing but punctuation between, or <= 3 words
 * without a comma ("Musk also said", "Okafor, said"). */
static int
adjacent(const struct qctx *x, size_t ne, size_t vs)
{
	size_t n = 0, ws, we, p = ne;

	if (ne > vs)
		return 0;
	while (scan_word(x, p, vs, &ws, &we)) {
		n++;
		p = we;
	}
	if (n == 0)
		return 1;
	return n <= 3 && memchr(x->t + ne, ',', vs - ne) == NULL;
}

/* "NAME, who ..., said": the gap opens and closes with a comma. */
static int
appositive(const struct qctx *x, size_t ne, size_t vs)
{
	size_t e = vs;

	while (e > ne && (x->t[e - 1] == ' ' || x->t[e - 1] == '\n'))
		e--;
	while (ne < e && x->t[ne] == ' ')
		ne++;
	return e > ne + 1 && x->t[ne] == ',' && x->t[e - 1] == ',';
}

/* Is the word before ns (after an article) a preposition? */
static int
after_preposition(const struct qctx *x, size_t ls, size_t ns)
{
	static const char *const preps[] = { "for", "of", "at", "in", "on",
	    "from", "with", "by", "to", "about", "against", "like", NULL };
	size_t p, ws = 0, we = 0, pws = 0, pwe = 0;
	int i;

	for (p = ls; scan_word(x, p, ns, &ws, &we) && we <= ns; p = we) {
		pws = ws;
		pwe = we;
	}
	if (pwe == 0 || pwe == ns)
		return 0;
	if (word_is(x, pws, pwe, "the") || word_is(x, pws, pwe, "a") ||
	    word_is(x, pws, pwe, "an")) {
		size_t lws = 0, lwe = 0;

		for (p = ls; scan_word(x, p, pws, &ws, &we) && we <= pws;
		    p = we) {
			lws = ws;
			lwe = we;
		}
		pws = lws;
		pwe = lwe;
	}
	for (i = 0; preps[i] != NULL && pwe > 0; i++) {
		if (word_is(x, pws, pwe, preps[i]))
			return 1;
	}
	return 0;
}

/* "Musk said: " / "Tesla stated, " / "He told reporters: " */
static int
speaker_before(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	const struct quote *q = &x->q[qi];
	size_t ls = x->para[x->qpara[qi]].s, p, ws, we, vs = 0, ve = 0;
	size_t best_s = 0, best_e = 0, one_s = 0, one_e = 0;
	int found = 0, words = 0, colon = 0, ncand = 0, solid;

	if (qi > 0 && x->q[qi - 1].end > ls && x->q[qi - 1].end <= q->start)
		ls = x->q[qi - 1].end;
	if (q->start > ls + ATTR_WINDOW)
		ls = q->start - ATTR_WINDOW;
	/* Start of the sentence holding the quote. */
	for (p = q->start; p > ls; p--) {
		char c = x->t[p - 1];

		if ((c == '.' || c == '!' || c == '?') && p >= 2 &&
		    utf8_word_before(x->t, p - 1) && p - 1 < q->start) {
			size_t b = utf8_word_back(x->t, p - 1, ls);

			if (utf8_count(x->t + b, p - 1 - b) > 1 &&
			    !rules_in_list(x->r, RL_TITLE, x->t + b, p - b))
				break;
		}
	}
	ls = p;
	/* The last speech verb, close before the quote. */
	for (p = ls; scan_word(x, p, q->start, &ws, &we); p = we) {
		if (word_in(x, ws, we, RL_VERB)) {
			vs = ws;
			ve = we;
			words = 0;
		} else
			words++;
	}
	if (words > 40)
		return 0;
	if (ve == 0) {
		/* No verb, but a colon: "Ferrandiz was careful: "..."" */
		for (p = q->start; p > ls && (x->t[p - 1] == ' ' ||
		    x->t[p - 1] == '\n' || x->t[p - 1] == '\r'); p--)
			;
		if (p == ls || x->t[p - 1] != ':')
			return 0;
		vs = ve = p - 1;
		colon = 1;
	}
	for (p = ve; p < q->start; p++) {
		if (x->t[p] == '.' || x->t[p] == '!' || x->t[p] == '?')
			return 0;
	}
	/* Its subject: the first name of the clause when an appositive
	 * follows it up to the verb ("Hartnell, now 55, said"), else the
	 * nearest name next to the verb; never the object of a preposition
	 * ("a spokesman for the Board said"). */
	for (p = ls; scan_word(x, p, vs, &ws, &we); p = we) {
		size_t ns, ne;

		size_t ts, te;

		if (x->t[ws] >= 'a' && x->t[ws] <= 'z' && !pronoun(x, ws, we))
			continue;
		if (!name_at(x, ws, we, vs, &ns, &ne))
			continue;
		/* Where the name is written (a pronoun's antecedent is not). */
		ts = ns >= ws ? ns : ws;
		te = ns >= ws ? ne : we;
		if (te > we)
			we = te;
		if (after_preposition(x, ls, ts))
			continue;
		/* A pronoun or a named person or organisation. */
		solid = ns < ws || entity_speaker(x, ns);
		if (colon) {
			if (solid && adjacent(x, te, vs)) {
				best_s = ns;
				best_e = ne;
			}
			continue;
		}
		if (ncand++ == 0 && solid) {
			one_s = ns;
			one_e = ne;
		}
		if (!found && (appositive(x, te, vs) || participle(x, vs, ve))) {
			best_s = ns;
			best_e = ne;
			break;
		}
		found = 1;
		if (adjacent(x, te, vs)) {
			best_s = ns;
			best_e = ne;
		}
	}
	/* The only name of the clause, its other names objects of
	 * prepositions ("Watanabe of the Nagano Centre, which ..., wrote") */
	if (best_e == 0 && ncand == 1 && one_e > 0) {
		best_s = one_s;
		best_e = one_e;
	}
	if (best_e == 0)
		return colon ? 0 : -1;	/* a speech verb, but no one named */
	*s = best_s;
	*e = best_e;
	return 1;
}

/* "..., according to Cook." */
static int
speaker_according(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	const struct quote *q = &x->q[qi];
	const struct para *pa = &x->para[x->qpara[qi]];
	size_t a = q->start > ATTR_WINDOW ? q->start - ATTR_WINDOW : 0;
	size_t b = q->end + ATTR_WINDOW < x->len ? q->end + ATTR_WINDOW :
	    x->len;
	size_t p, ws, we;

	/* Only in the quote's own paragraph, and up to its sentence end. */
	if (a < pa->s)
		a = pa->s;
	if (b > pa->e && q->end <= pa->e)
		b = pa->e;
	b = sentence_end(x, q->end, b);
	const char *k = "according to ";

	for (p = a; p + 13 <= b; p++) {
		if ((x->t[p] == 'a' || x->t[p] == 'A') &&
		    strncmp(x->t + p + 1, k + 1, 12) == 0 &&
		    (p < q->start || p >= q->end) &&
		    next_word(x, p + 13, b, &ws, &we) &&
		    name_at(x, ws, we, b, s, e))
			return 1;
	}
	return 0;
}

static size_t
count_words(const struct qctx *x, size_t s, size_t e)
{
	size_t n = 0;
	int in = 0;

	for (; s < e; s++) {
		int w = utf8_word_at(x->t, x->len, s) || (in &&
		    ((unsigned char)x->t[s] >= 0x80 || x->t[s] == '\'' ||
		    x->t[s] == '-'));

		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* Speaker of the previous paragraph: its last quote's, else the last
 * person it mentions outside quotes. */
static int
speaker_previous(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	size_t pi = x->qpara[qi], k, i;
	const struct para *pp;

	if (pi == 0 || x->q[qi].start != x->para[pi].s)
		return 0;
	pp = &x->para[pi - 1];
	for (k = qi; k-- > 0 && x->q[k].end > pp->s;) {
		if (x->q[k].start >= pp->s && x->q[k].speaker_end > 0) {
			*s = x->q[k].speaker_start;
			*e = x->q[k].speaker_end;
			return 1;
		}
	}
	for (i = ent_from(x, pp->e); i-- > 0 && x->ents[i].start >= pp->s;) {
		if (x->ents[i].type == ENT_PERSON &&
		    !inside_quote(x, x->ents[i].start)) {
			*s = x->ents[i].start;
			*e = x->ents[i].end;
			return 1;
		}
	}
	return 0;
}

static void
attribute(struct qctx *x)
{
	size_t i, s, e;

	for (i = 0; i < x->nq; i++) {
		struct quote *q = &x->q[i];

		int found = speaker_after(x, i, &s, &e);

		if (found == 0)
			found = speaker_before(x, i, &s, &e);
		if (found == 0)
			found = speaker_according(x, i, &s, &e);
		if (found > 0) {
			q->speaker_start = s;
			q->speaker_end = e;
		} else if (found < 0)
			;	/* attributed to someone not named */
		else if (i > 0 && x->qpara[i - 1] == x->qpara[i] &&
		    x->q[i - 1].speaker_end > 0 &&
		    (count_words(x, q->start, q->end) > 2 ||
		    ends_sentence(x, q))) {
			q->speaker_start = x->q[i - 1].speaker_start;
			q->speaker_end = x->q[i - 1].speaker_end;
		} else if (speaker_previous(x, i, &s, &e)) {
			q->speaker_start = s;
			q->speaker_end = e;
		}
		if (q->speaker_end == 0 && count_words(x, q->start, q->end) <= 2)
			q->flags |= QUOTE_SCARE;
	}
}

size_t
quotes_find(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, size_t nents, struct quote **out)
{
	struct qctx x;

	memset(&x, 0, sizeof x);
	x.r = r;
	x.t = text;
	x.len = len;
	x.ents = ents;
	x.nents = nents;
	x.nmarks = rules_quote_marks(r, &x.marks);
	split_paragraphs(&x);
	pair_quotes(&x);
	if (x.nq == 0) {
		/* No double quotes at all: British style, 'single' ones. */
		x.single = 1;
		pair_quotes(&x);
	}
	attribute(&x);
	free(x.para);
	free(x.qpara);
	*out = x.q;
	return x.nq;
}
