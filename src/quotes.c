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
 * ", Musk said.", ", she told reporters.", "-- Musk, its founder"), then
 * before it ("Musk said:", "said ... and described it as", a passive's
 * "by"), then for "according to NAME", then the sentence after ("The
 * remark came from X.", "That was how X put it.", "Those were X's
 * words."); a pronoun stands for the nearest person of its
 * sex mentioned earlier outside quotes (or a relative the text names by
 * kinship, or one who spoke: "her son recalled"), "it" for an
 * organisation that is a subject close before ("The union said ...");
 * a pronoun after a person named by no name ("A resident ..., who asked
 * not to be named, said") stands for no one; two or three capitalised
 * words no list knows opening a sentence ("Xolani Mthembu, a guard,")
 * are a person the recogniser missed, for a pronoun (bare_subject).
 * A quote without a speaker inherits the one of the previous quote in
 * its paragraph; a fragment inside a sentence belongs to its subject
 * (fragment_subject), or to the organisation whose note opens it
 * (document_of), or to no one named if an unnamed person is its subject;
 * a person named after "she" in her own sentence is not a later "she"
 * (acted_on), unless "she" was in a leading clause ("Asked whether she
 * ..., X smiled"); a headline's or a subhead's quote is said by
 * whoever says its words later, or by the one person a headline names.
 * A paragraph opening with "She" or "Her" that names no one takes the
 * person the text names most often near it (topic_pronoun), "the
 * company" the organisation a sentence is about rather than one inside
 * a phrase ("an analyst at X": org_over_phrase), "the younger X" one of
 * two people sharing a surname (generation), "the Irishman" whom it
 * describes (demonym_at); a caption "written by X" is X's (written_by).
 * An organisation before a word for its people ("City manager X",
 * "City fans") is no fragment's subject: X is, or no one (org_people,
 * wt-ents11).
 * A singular "they" stands for the one person just named as a subject
 * (singular_they); a person after a lower-case role opening a sentence
 * ("Former world champion X") is its subject (past_role); "the
 * producer" stands for the one that role was written next to; a name
 * given in apposition (", dubbed "...") is no one's words (wt-h8read).
 * A lede's "a judge said" is the judge the article names later
 * (a_title_before); a banner's words are no one's (writings); a person
 * named in a leading participle phrase ("Born in X, the daughter of
 * Y, she") is no later "she" (in_leading_participle); a fragment that
 * is a verb's subject is not '"...," said a spokesman' (wt-h9read).
 * A letter read out after a colon, or a message "X had sent", speaks
 * for its sender (written_by, message_sender); a name in a relative
 * clause, or apposed to a spokesman's "for", is no subject
 * (relative_aside, agent_apposed); an inscription that reads is no
 * one's (inscription_reads); "Her mother ...:" before "My mother ..."
 * is hers (kin_told); "the Norwegian company" is the one just named; a
 * headline that is one quote, over a standfirst opening with a person,
 * is that person's (standfirst_person; wt-h14read).  "with X promising
 * "..."" is X's (with_participle); a passive speech verb's subject heard
 * the words (passive_hearer); ", a phrase she uses" is hers
 * (phrase_user); "X and her husband, Y," leaves X the subject
 * (kin_apposed; wt-h15read).
 */
#include "artread/quotes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/analysis.h"
#include "artread/coref.h"
#include "artread/entities.h"
#include "artread/rules.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define ATTR_WINDOW	160	/* bytes looked at around a quote */
#define BEFORE_WINDOW	320	/* bytes of its sentence before it */
#define QUOTES_EDGE	1024	/* bytes from a window's end: a look there
				   may miss what lies after it */

struct para {
	size_t	s;
	size_t	e;
};

struct qctx {
	const struct rules		*r;
	const char			*t;
	size_t				 len;
	size_t				 ws;		/* the window read: */
	size_t				 we;		/* [ws, we) of t */
	const struct entity		*ents;
	const size_t			*canon;		/* coref.h */
	size_t				 nents;
	size_t				 nnamed;	/* ents[nents, nnamed):
							   names canon points to */
	const struct rules_qmark	*marks;
	size_t				 nmarks;
	struct para			*para;
	size_t				 npara;
	struct quote			*q;
	size_t				 nq;
	size_t				 capq;
	size_t				*qpara;		/* paragraph of each quote */
	int				 single;	/* single marks are outer */
	const char			*sex;		/* per mention: 'f', 'm', 0 */
	char				*qa;		/* per paragraph: 'Q', 'A', 0 */
	const struct quotes_doc		*qd;		/* what spans the text */
	unsigned char			*taint;		/* per quote (see edge) */
	int				*tainted;	/* the quote attributed now:
							   &mark while attributing */
	int				 mark;
	size_t				 cur;		/* its index */
	int				*nested;	/* &depth while attributing:
							   org_antecedent's own look
							   at a noun goes no deeper */
	int				 depth;
	struct starts			*starts;	/* sentence starts found
							   (see sentence_start) */
};

/*
 * A window of a longer text (analysis.c reads quotes block by block) may
 * see less than the whole text would: a look back past its start, near
 * its end, or at a quote whose own result may differ.  Such a look
 * marks the quote being attributed; analysis.c keeps no marked quote of
 * the block it wants, and reads it again with more text around.  In
 * the whole text nothing is marked.
 */
static void
edge(const struct qctx *x)
{
	if (x->tainted != NULL)
		*x->tainted = 1;
}

/*
 * No look back goes further than LOOK_REACH bytes: no pronoun, title or
 * organisation noun stands for a name that far back, and a window that
 * covers the reach sees all a look can.  (Unbounded, a look that finds
 * nothing made every window grow to the whole text: quadratic in a
 * long text, e.g. an archive of many articles.)
 */
#define LOOK_REACH	65536

/* Where a look back from p stops. */
static size_t
reach_start(size_t p)
{
	return p > LOOK_REACH ? p - LOOK_REACH : 0;
}

/* A look back that found nothing in the window found nothing before it
 * either, down to from? */
static void
nothing_back_to(const struct qctx *x, size_t from)
{
	if (x->ws > from)
		edge(x);
}

/* ... down to the start of the text? */
static void
nothing_before(const struct qctx *x)
{
	nothing_back_to(x, 0);
}

/* The result of quote k (an earlier one, or one the window cut) is
 * used for the quote attributed now. */
static void
uses(const struct qctx *x, size_t k)
{
	if (x->taint != NULL && k < x->nq && x->taint[k])
		edge(x);
}

/* A look at p, near the end of a window cut short. */
static void
near_end(const struct qctx *x, size_t p)
{
	if (x->we < x->len && p + QUOTES_EDGE >= x->we)
		edge(x);
}

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
	size_t p = x->ws, ps = 0, cap = 0;
	int in = 0;

	while (p < x->we) {
		const char *nl = memchr(x->t + p, '\n', x->we - p);
		size_t le = nl == NULL ? x->we : (size_t)(nl - x->t);

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
		add_para(x, ps, x->we, &cap);
}

/* ---- interviews ---- */

/* The label that opens paragraph pi ("Q", "Interviewer", "Aamodt": one
 * to three capitalised words, then ": "); its length, or 0. */
static size_t
label_at(const struct qctx *x, size_t pi)
{
	const char *p = x->t + x->para[pi].s;
	size_t n = x->para[pi].e - x->para[pi].s, k, words = 1;

	for (k = 0; k < n && k < 40; k++) {
		unsigned char c = (unsigned char)p[k];

		if (c == ':' || (c == '.' && k == 1))
			return k > 0 && k + 1 < n && p[k + 1] == ' ' ? k : 0;
		if (c == ' ') {
			if (++words > 3 || k + 1 >= n)
				return 0;
			c = (unsigned char)p[k + 1];
			if (!(c >= 'A' && c <= 'Z') && c < 0xc0)
				return 0;
		} else if (k == 0 && !(c >= 'A' && c <= 'Z') && c < 0xc0)
			return 0;
		else if (c == '"' || c == ',' || c == '.' || c == '\n')
			return 0;
	}
	return 0;
}

/* Does person mention m end with the label text[s, s+n) ("Aamodt" for
 * "Kjell Aamodt")? */
static int
names_label(const char *t, const struct entity *m, size_t s, size_t n)
{
	return m->type == ENT_PERSON && m->end - m->start >= n &&
	    memcmp(t + m->end - n, t + s, n) == 0 &&
	    (m->end - m->start == n || t[m->end - n - 1] == ' ');
}

/* A label's use: how many paragraphs open with it, the first one. */
struct label {
	size_t	count;
	size_t	first;		/* where (its text) */
	size_t	len;
};

/* The labels of paragraphs, counted: in qd (a strmap of struct label,
 * made by the first call). */
static void
count_labels(struct quotes_doc *qd, const struct qctx *x)
{
	size_t pi, n;

	if (qd->labels == NULL) {
		qd->labels = xcalloc(1, sizeof *qd->labels);
		strmap_init(qd->labels, sizeof(struct label));
	}
	for (pi = 0; pi < x->npara; pi++) {
		struct label *l;

		if ((n = label_at(x, pi)) == 0)
			continue;
		l = strmap_add(qd->labels, x->t + x->para[pi].s, n);
		if (l->count++ == 0) {
			l->first = x->para[pi].s;
			l->len = n;
		}
	}
}

/* The two labels most used (twice or more), in the order seen. */
static void
top_labels(struct quotes_doc *qd)
{
	const struct label *top[2] = { NULL, NULL };
	size_t i, used = 0;

	for (i = 0; qd->labels != NULL && i < strmap_count(qd->labels); i++) {
		const struct label *l = strmap_value(qd->labels, i);

		if (l->count < 2)
			continue;
		used++;
		if (top[0] == NULL || l->count > top[0]->count) {
			top[1] = top[0];
			top[0] = l;
		} else if (top[1] == NULL || l->count > top[1]->count)
			top[1] = l;
	}
	for (i = 0; i < 2; i++) {
		qd->label[i] = top[1] != NULL ? top[i]->first : 0;
		qd->label_len[i] = top[1] != NULL ? top[i]->len : 0;
	}
	qd->panel = used > 2;
}

/* "Our correspondent Anna Kim", "reporter Jan Berg", "Interview by
 * Anna Kim": one who asks the questions, not the one interviewed. */
static int
asks(const char *text, size_t s)
{
	static const char *const who[] = { "correspondent ", "reporter ",
	    "interviewer ", "editor ", "columnist ", "by ", "By ", NULL };
	size_t k, n;

	for (k = 0; who[k] != NULL; k++) {
		n = strlen(who[k]);
		if (s >= n && memcmp(text + s - n, who[k], n) == 0)
			return 1;
	}
	return 0;
}

void
quotes_doc_mentions(struct quotes_doc *qd, const char *text,
    const struct entity *ents, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (ents[i].type != ENT_PERSON)
			continue;
		if (qd->first_person[1] == 0 && !asks(text, ents[i].start)) {
			qd->first_person[0] = ents[i].start;
			qd->first_person[1] = ents[i].end;
		}
		for (k = 0; k < 2; k++)
			if (qd->label_len[k] > 0 && qd->person[k][1] == 0 &&
			    names_label(text, &ents[i], qd->label[k],
			    qd->label_len[k])) {
				qd->person[k][0] = ents[i].start;
				qd->person[k][1] = ents[i].end;
			}
	}
}

/*
 * A Q&A transcript: paragraphs that open with "Q:" and "A:", or with the
 * labels of two speakers ("Interviewer:", "Aamodt:"), each twice or
 * more.  Its answers are not quotes, but a quote inside one is, and
 * "you" in a question or "I" in an answer is the person interviewed:
 * the one the answers' label names, or else the first person the text
 * names before the first question.
 */
void
quotes_doc_finish(struct quotes_doc *qd, const char *text, size_t len)
{
	size_t i, ln;
	const char *l;
	int answers = 1;

	(void)len;
	qd->has_guest = 0;
	if (qd->label_len[1] == 0)
		return;
	/* which one answers: "A", "Answer", or the one naming a person
	 * (not "Q", "Question") */
	for (i = 0; i < 2; i++) {
		l = text + qd->label[i];
		ln = qd->label_len[i];
		if ((ln == 1 && l[0] == 'A') || (ln == 6 &&
		    memcmp(l, "Answer", 6) == 0)) {
			answers = (int)i;
			break;
		}
		if ((ln == 1 && l[0] == 'Q') || (ln == 8 &&
		    memcmp(l, "Question", 8) == 0)) {
			answers = !(int)i;
			if (i == 0)
				continue;
			break;
		}
		if (qd->person[i][1] != 0) {
			answers = (int)i;
			qd->has_guest = 1;
			qd->guest_s = qd->person[i][0];
			qd->guest_e = qd->person[i][1];
			break;
		}
	}
	qd->answers = answers;
	qd->first_q = qd->label[!answers];
	if (!qd->has_guest && qd->first_person[1] != 0 &&
	    qd->first_person[0] < qd->first_q) {
		qd->has_guest = 1;
		qd->guest_s = qd->first_person[0];
		qd->guest_e = qd->first_person[1];
	}
}

/* The kind of each paragraph of the window: a transcript's 'Q', 'A'. */
static void
find_transcript(struct qctx *x)
{
	const struct quotes_doc *qd = x->qd;
	size_t pi, n, k;

	x->qa = xcalloc(x->npara + 1, 1);
	if (!qd->has_guest)
		return;
	for (pi = 0; pi < x->npara; pi++) {
		if ((n = label_at(x, pi)) == 0)
			continue;
		for (k = 0; k < 2; k++)
			if (n == qd->label_len[k] && memcmp(x->t +
			    x->para[pi].s, x->t + qd->label[k], n) == 0)
				x->qa[pi] = (int)k == qd->answers ? 'A' : 'Q';
	}
}

/* The transcript paragraph kind at p ('Q', 'A' or 0). */
static int
qa_at(const struct qctx *x, size_t p)
{
	size_t lo = 0, hi = x->npara;

	if (!x->qd->has_guest)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->para[mid].s <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && p < x->para[lo - 1].e ? x->qa[lo - 1] : 0;
}

/* "you" in a question, "I" in an answer: the person interviewed. */
static int
qa_person(const struct qctx *x, size_t ws, size_t we, size_t *s, size_t *e)
{
	int k = qa_at(x, ws);

	if (!((k == 'Q' && we - ws == 3 && (memcmp(x->t + ws, "you", 3) == 0 ||
	    memcmp(x->t + ws, "You", 3) == 0)) ||
	    (k == 'A' && we - ws == 1 && x->t[ws] == 'I')))
		return 0;
	*s = x->qd->guest_s;
	*e = x->qd->guest_e;
	return 1;
}

/* ---- marks ---- */

/* The outer mark at p: its index in marks, or -1; *n its length (0 if
 * none). */
static int
mark_at(const struct qctx *x, size_t p, size_t *n, int want_open)
{
	size_t i, k;

	*n = 0;
	for (i = 0; i < x->nmarks; i++) {
		const char *m;

		if (x->marks[i].inner != x->single)
			continue;
		m = want_open ? x->marks[i].open : x->marks[i].close;
		/* (the first byte first: most places hold no mark) */
		if (m[0] != '\0' && (p >= x->len || x->t[p] != m[0]))
			continue;
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
		x->taint = xreallocarray(x->taint, x->capq, 1);
	}
	x->taint[x->nq] = 0;
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

/* Does byte c start a quotation mark ('"', '\'' or a character past
 * U+007F)? */
static inline int
mark_byte(unsigned char c)
{
	return c == '"' || c == '\'' || c >= 0xc2;
}

/*
 * The first byte of t[p, e) that may start a quotation mark, else e:
 * eight bytes at a time over plain ASCII without quotes (most text).
 */
static size_t
next_mark_byte(const char *t, size_t p, size_t e)
{
	const uint64_t ones = 0x0101010101010101ull;
	const uint64_t high = 0x8080808080808080ull;
	uint64_t w, dq, sq;
	size_t stop;

	for (;;) {
		for (; p + 8 <= e; p += 8) {
			memcpy(&w, t + p, 8);
			dq = w ^ (ones * '"');
			sq = w ^ (ones * '\'');
			/* a byte of 0x80 or more, or one that is a quote */
			if ((w | ((dq - ones) & ~dq) | ((sq - ones) & ~sq)) &
			    high)
				break;
		}
		stop = p + 8 < e ? p + 8 : e;
		for (; p < stop; p++)
			if (mark_byte((unsigned char)t[p]))
				return p;
		if (p >= e)
			return e;
	}
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

	while ((p = next_mark_byte(x->t, p, e)) < e) {
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

/* Pairing carried from one run of paragraphs to the next. */
struct pairing {
	int	open;		/* the mark of the quote open, or -1 */
	size_t	qs;		/* where it began */
	size_t	qpi;		/* in which paragraph */
};

/*
 * Pair the quotes of the paragraphs.  next is where the paragraph after
 * the last one starts (SIZE_MAX: none, or unknown: the window is cut,
 * and a quote still open is marked); qd, when set, gets the paragraphs
 * a quote runs on into.
 */
static void
pair_quotes_from(struct qctx *x, struct pairing *st, size_t next,
    struct quotes_doc *qd)
{
	size_t pi, n, ns;

	for (pi = 0; pi < x->npara; pi++) {
		size_t p = x->para[pi].s;

		if (st->open >= 0) {
			/* Continued from the paragraph before: skip the mark. */
			if (qd != NULL)
				quotes_doc_cont(qd, p);
			mark_at(x, p, &n, 1);
			p += n;
		}
		pair_paragraph(x, pi, p, &st->open, &st->qs, &st->qpi);
		if (st->open < 0)
			continue;
		ns = pi + 1 < x->npara ? x->para[pi + 1].s : next;
		if (ns != SIZE_MAX && mark_at(x, ns, &n, 1) == st->open)
			continue;
		add_quote(x, st->qs, x->para[pi].e, QUOTE_UNBALANCED, st->qpi);
		/* cut short by the window: where it ends is not known */
		if (ns == SIZE_MAX && x->we < x->len)
			x->taint[x->nq - 1] = 1;
		st->open = -1;
	}
}

static void
pair_quotes(struct qctx *x)
{
	struct pairing st = { -1, 0, 0 };

	pair_quotes_from(x, &st, SIZE_MAX, NULL);
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
	/* the first letter first: most words are not w */
	return e > s && x->t[s] == w[0] && e - s == strlen(w) &&
	    memcmp(x->t + s, w, e - s) == 0;
}

/* Is [s, e) one of the words of the NULL-ended list ws? */
static int
word_among(const struct qctx *x, size_t s, size_t e, const char *const *ws)
{
	for (; *ws != NULL; ws++) {
		if (word_is(x, s, e, *ws))
			return 1;
	}
	return 0;
}

/*
 * "..., operations director at X Oil Palm Bhd. "The fruit is there"":
 * a blank and a quotation opening on a capital letter right after the
 * period at p: the abbreviation's period ends the sentence too
 * (heldout10's hs03: the quote was read as inside the sentence of the
 * one before it, and went to no one).  Per abbreviation's period.
 */
static int
quote_opens_after(const struct qctx *x, size_t p)
{
	size_t q = p + 1;

	if (q >= x->len || (x->t[q] != ' ' && x->t[q] != '\n'))
		return 0;
	q++;
	if (q < x->len && x->t[q] == '"')
		q++;
	else if (q + 3 <= x->len && memcmp(x->t + q, "\xe2\x80\x9c", 3) == 0)
		q += 3;
	else
		return 0;
	return q < x->len && utf8_is_upper((unsigned char)x->t[q]);
}

/* Does a period at p end a sentence?  Not after "Dr", an initial, or a
 * listed abbreviation ("Inc.", "Wash."), unless a quotation opens right
 * after it. */
static int
sentence_stop(const struct qctx *x, size_t p)
{
	size_t b;

	if (p == 0 || !utf8_word_before(x->t, p))
		return 1;	/* "6.25%.", "(2019)." */
	b = utf8_word_back(x->t, p, 0);
	/* "on March 9." ends one; an initial ("J.") does not */
	if (x->t[p - 1] >= '0' && x->t[p - 1] <= '9')
		return 1;
	/* (a key ending in '.' is no gazetteer name: one hash lookup) */
	return utf8_count(x->t + b, p - b) > 1 &&
	    (rules_lists_of(x->r, x->t + b, p - b + 1) == 0 ||
	    quote_opens_after(x, p));
}

/* Does a sentence start at p? */
static int
starts_sentence(const struct qctx *x, size_t p)
{
	for (;;) {
		if (p > 0 && (x->t[p - 1] == ' ' || x->t[p - 1] == '\n' ||
		    x->t[p - 1] == '\r' || x->t[p - 1] == '"'))
			p--;
		else if (p >= 3 && memcmp(x->t + p - 3, "\xe2\x80\x9d",
		    3) == 0)
			p -= 3;	/* a curly closing mark (wt-speakers7) */
		else
			break;
	}
	/* a time starts a live blog's line ("09:12 Unions say") */
	return p == 0 || (x->t[p - 1] >= '0' && x->t[p - 1] <= '9') ||
	    ((x->t[p - 1] == '.' || x->t[p - 1] == '!' ||
	    x->t[p - 1] == '?') && sentence_stop(x, p - 1));
}

/* The sex a pronoun asks for: 'f' she, 'm' he, 0 they. */
static int
pronoun_sex(const struct qctx *x, size_t s, size_t e)
{
	if (word_is(x, s, e, "she") || word_is(x, s, e, "She"))
		return 'f';
	if (word_is(x, s, e, "he") || word_is(x, s, e, "He"))
		return 'm';
	return 0;
}

static int
pronoun(const struct qctx *x, size_t s, size_t e)
{
	static const char *const pr[] = { "he", "she", "they", "He", "She",
	    "They", NULL };

	return word_among(x, s, e, pr);
}

/* ---- speakers ---- */

static size_t skip_blanks(const struct qctx *, size_t);
static size_t skip_back(const struct qctx *, size_t);
static int so_called(const struct qctx *, const struct quote *);
static int possessor(const struct qctx *, size_t, size_t);
static int title_noun(const struct qctx *, size_t, size_t, size_t *,
    size_t *);
static int verb_at(const struct qctx *, size_t, size_t);
static int title_noun_within(const struct qctx *, size_t, size_t, size_t,
    size_t *, size_t *);
static int org_antecedent(const struct qctx *, size_t, size_t *, size_t *);
static int org_noun(const struct qctx *, size_t, size_t, size_t *,
    size_t *);
static int participle(const struct qctx *, size_t, size_t);
static int after_preposition(const struct qctx *, size_t, size_t);
static size_t count_words(const struct qctx *, size_t, size_t);

/* Index of the first entity with start >= p. */
static size_t
ent_from(const struct qctx *x, size_t p)
{
	size_t lo = 0, hi = x->nents;

	if (p < x->ws)
		edge(x);
	near_end(x, p);
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

/* Is s in a person's mention, or in none? */
static int
person_within(const struct qctx *x, size_t s)
{
	size_t i = ent_from(x, s + 1);

	if (i > 0 && x->ents[i - 1].start <= s && s < x->ents[i - 1].end)
		return x->ents[i - 1].type == ENT_PERSON;
	return person_at(x, s);
}

/* Is the mention at s a place? */
static int
place_at(const struct qctx *x, size_t s)
{
	size_t i = ent_from(x, s);

	return i < x->nents && x->ents[i].start == s &&
	    x->ents[i].type == ENT_PLACE;
}

/* Is the mention at s an organisation? */
static int
org_at(const struct qctx *x, size_t s)
{
	size_t i = ent_from(x, s);

	return i < x->nents && x->ents[i].start == s &&
	    x->ents[i].type == ENT_ORG;
}

/* Is the speaker mention at s a named person or organisation? */
static int
entity_speaker(const struct qctx *x, size_t s)
{
	size_t i = ent_from(x, s);

	return i < x->nents && x->ents[i].start == s &&
	    (x->ents[i].type == ENT_PERSON || x->ents[i].type == ENT_ORG);
}

#define SURNAME_AHEAD	4096	/* bytes after a name where its last word
				   alone names a person */

/*
 * "Devon Ashworth, a developer, ... Ashworth said": a name of two or
 * more words typed as an organisation (a place's name first) whose last
 * word alone is a person later: a person, for a pronoun.  Only mention
 * i's last word is compared, with the mentions soon after it.
 */
static int
person_typed_org(const struct qctx *x, size_t i)
{
	const struct entity *m = &x->ents[i];
	size_t ls = m->end, n, j;

	if (m->type != ENT_ORG)
		return 0;
	while (ls > m->start && x->t[ls - 1] != ' ')
		ls--;
	if (ls <= m->start || !utf8_is_upper((unsigned char)x->t[ls]))
		return 0;
	n = m->end - ls;
	near_end(x, m->end + SURNAME_AHEAD);
	for (j = i + 1; j < x->nents && x->ents[j].start < m->end +
	    SURNAME_AHEAD; j++) {
		if (x->ents[j].type == ENT_PERSON &&
		    x->ents[j].end - x->ents[j].start == n &&
		    memcmp(x->t + x->ents[j].start, x->t + ls, n) == 0)
			return 1;
	}
	return 0;
}

/* Can a pronoun asking for sex want stand for mention i? */
static int
sex_fits(const struct qctx *x, size_t i, int want)
{
	return want == 0 || x->sex == NULL || x->sex[i] == 0 ||
	    x->sex[i] == want;
}

/* Two line breaks with only blanks between them in t[p, e)? */
static int
para_break(const char *t, size_t p, size_t e)
{
	const char *nl = memchr(t + p, '\n', e - p);

	return nl != NULL && memchr(nl + 1, '\n', e - (size_t)(nl + 1 -
	    t)) != NULL;
}

#define LEAD_WORDS	6	/* words of a phrase that leads a sentence
				   to its subject */

static int stop_before(const struct qctx *, size_t);

/*
 * "Opening the case, Rehana Quill said", "The victim's mother, Ewa
 * Nowak, read": does the name at p follow the first comma of its
 * sentence, after fewer than LEAD_WORDS words that do not end in a name
 * ("Smith, Jones and Brown" is a list) and hold no quotation mark?
 */
static int
after_lead(const struct qctx *x, size_t p)
{
	size_t c = skip_back(x, p), a, n = 0, i;

	if (c == 0 || x->t[c - 1] != ',')
		return 0;
	c--;
	/* ("In Warsaw, X" and "My editor in Warsaw, X" lead in: a place
	 * before the comma makes no list of people) */
	i = ent_from(x, c);
	if (i > 0 && x->ents[i - 1].end == c && name_type(x->ents[i - 1].type)
	    && x->ents[i - 1].type != ENT_PLACE)
		return 0;
	for (a = c; a > 0 && !stop_before(x, a) && !(x->t[a - 1] == '\n' &&
	    a >= 2 && x->t[a - 2] == '\n'); a--) {
		char ch = x->t[a - 1];

		if (ch == ',' || ch == ';' || ch == ':' || ch == '"' ||
		    (a >= 3 && memcmp(x->t + a - 3, "\xe2\x80", 2) == 0 &&
		    ((unsigned char)ch == 0x9c || (unsigned char)ch == 0x9d)))
			return 0;
		if (ch == ' ' && x->t[a] != ' ' && ++n >= LEAD_WORDS)
			return 0;
	}
	return 1;
}

/* Words that may open a sentence before its subject. */
static const char *const opening_links[] = { "But", "And", "Yet", "So",
    "Still", "Now", "Then", "Meanwhile", "Instead", NULL };

/* Nouns that describe a person rather than name one ("the veteran"). */
static const char *const person_nouns[] = { "veteran", "champion",
    "youngster", "teenager", "newcomer", "rookie", "debutant",
    "incumbent", "challenger", "striker", "midfielder", "defender",
    "goalkeeper", "keeper", "winger", "centre-back", "full-back",
    "playmaker", "international", "skipper", "batsman", "batter",
    "bowler", "pitcher", "quarterback", "actor", "actress", "singer", "novelist",
    "playwright", "pensioner", "tycoon", "billionaire",
    "businessman", "businesswoman", "entrepreneur", NULL };

/* A lower-case word that may end a role before a name: a title, a
 * person noun, or a noun of an agent ("producer", "curator")? */
static int
role_word(const struct qctx *x, size_t a, size_t b)
{
	static const char *const ends[] = { "er", "or", "ist", "ian",
	    "ant", "ent", NULL };
	size_t k, n;

	if (word_in(x, a, b, RL_TITLE) || word_among(x, a, b, person_nouns))
		return 1;
	for (k = 0; ends[k] != NULL; k++) {
		n = strlen(ends[k]);
		if (b - a > n + 2 && memcmp(x->t + b - n, ends[k], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * "Former world champion X could ...", "Ringside, former champion X",
 * "The South Korean producer X": where the sentence starts (or its
 * leading phrase's comma ends) before a role of up to four words right
 * before the name at p, the last a role_word, the others lower-case
 * words no stop list holds and no verb's -ed form, or capitalised at the
 * sentence's start or a nationality; p itself if there is no such role
 * (wt-h8read: a person after a role was no subject, so "she" went to
 * one named sentences before).  Per mention asked about.
 */
static size_t
past_role(const struct qctx *x, size_t p)
{
	size_t a, b = p, q;
	int k;

	a = utf8_word_back(x->t, b, b > 32 ? b - 32 : 0);
	if (a >= b || !(x->t[a] >= 'a' && x->t[a] <= 'z') ||
	    !role_word(x, a, b))
		return p;
	for (k = 0; k < 4; k++) {
		q = skip_back(x, a);
		if (q == 0 || stop_before(x, q) || x->t[q - 1] == ',' ||
		    para_break(x->t, q, a))
			return k > 0 || !utf8_is_upper((unsigned char)x->t[a]) ?
			    q : p;
		b = q;
		a = utf8_word_back(x->t, b, b > 32 ? b - 32 : 0);
		if (a >= b)
			return p;
		if (x->t[a] >= 'a' && x->t[a] <= 'z' ? word_in(x, a, b,
		    RL_STOP) || (b - a > 3 && memcmp(x->t + b - 2, "ed",
		    2) == 0 && !word_is(x, a, b, "retired")) : !(word_in(x, a,
		    b, RL_NATIONALITY) || starts_sentence(x, a)))
			return p;
	}
	return p;
}

/* "TARTU, Estonia - X, ...", "WELLINGTON, Wednesday – X": a spaced
 * hyphen or an en dash ending a dateline (capitals opening the
 * paragraph) right before p. */
static int
dateline_dash(const struct qctx *x, size_t p)
{
	size_t d, a;

	if (p >= 2 && x->t[p - 1] == '-' && x->t[p - 2] == ' ')
		d = p - 2;
	else if (p >= 4 && memcmp(x->t + p - 3, "\xe2\x80\x93", 3) == 0 &&
	    x->t[p - 4] == ' ')
		d = p - 4;
	else
		return 0;
	/* (the paragraph opens with a word in capitals) */
	for (a = d; a > 0 && x->t[a - 1] != '\n'; a--)
		;
	return d - a <= 60 && d > a + 1 && x->t[a] >= 'A' && x->t[a] <= 'Z' &&
	    x->t[a + 1] >= 'A' && x->t[a + 1] <= 'Z';
}

/* Does mention i start its sentence (its subject, most likely), or
 * follow a dateline's dash ("MELBOURNE, Jan. 21 -- Pablo ...")? */
static int
subject_at(const struct qctx *x, size_t i)
{
	size_t p = skip_back(x, x->ents[i].start), a, k;

	/* "Karim's cousin, Shafiqul Islam, planted": the cousin is */
	if (possessor(x, x->ents[i].end, x->len))
		return 0;
	p = past_role(x, p);

	/* past titles: "Finance Minister Anton Belyakov told", "Political
	 * analyst Jure Novak has joined us" */
	for (k = 0; k < 3 && p > 0; k++) {
		a = utf8_word_back(x->t, x->t[p - 1] == '.' ? p - 1 : p, 0);
		if (a >= p || !(rules_in_list(x->r, RL_TITLE, x->t + a, p - a) ||
		    (x->t[p - 1] == '.' && word_in(x, a, p - 1, RL_TITLE))))
			break;
		if (!utf8_is_upper((unsigned char)x->t[a])) {
			/* a job in lower case after the sentence's first
			 * word, which describes it */
			size_t b = skip_back(x, a), c;

			c = b > 0 ? utf8_word_back(x->t, b, 0) : b;
			return c < b && utf8_is_upper((unsigned char)x->t[c]) &&
			    starts_sentence(x, c);
		}
		p = skip_back(x, a);
	}
	/* past "The": "The Meteorological Agency has issued" */
	a = utf8_word_back(x->t, p, p > 4 ? p - 4 : 0);
	if (a + 3 == p && memcmp(x->t + a, "The", 3) == 0)
		p = skip_back(x, a);
	/* past a conjunction opening the sentence: "But Haugland was
	 * seething over ..., after his keeper X fell" (wt-speakers7) */
	a = utf8_word_back(x->t, p, p > 9 ? p - 9 : 0);
	if (a < p && word_among(x, a, p, opening_links))
		p = skip_back(x, a);
	if ((p >= 2 && x->t[p - 1] == '-' && x->t[p - 2] == '-') ||
	    (p >= 3 && memcmp(x->t + p - 3, "\xe2\x80\x94", 3) == 0) ||
	    dateline_dash(x, p))
		return 1;
	/* a paragraph's first words, or a live blog's line after its
	 * time ("11:40\nThe ministry") */
	if (p > 0 && ((x->t[p - 1] >= '0' && x->t[p - 1] <= '9' &&
	    memchr(x->t + p, '\n', x->ents[i].start - p) != NULL) ||
	    para_break(x->t, p, x->ents[i].start)))
		return 1;
	return p == 0 || ((x->t[p - 1] == '.' || x->t[p - 1] == '!' ||
	    x->t[p - 1] == '?') && sentence_stop(x, p - 1)) ||
	    after_lead(x, p);
}

/* Does a sentence end right before p, a blank at p ("done. ", with a
 * quote's closing mark: "done." ")? */
static int
stop_before(const struct qctx *x, size_t p)
{
	size_t k = p;

	if (!space_at(x, p))
		return 0;
	if (k > 0 && x->t[k - 1] == '"')
		k--;
	else if (k >= 3 && memcmp(x->t + k - 3, "\xe2\x80\x9d", 3) == 0)
		k -= 3;
	return k > 0 && (x->t[k - 1] == '.' || x->t[k - 1] == '!' ||
	    x->t[k - 1] == '?') && (k < p || sentence_stop(x, k - 1));
}

/*
 * No sentence is read as longer than SENTENCE_REACH bytes before p: the
 * looks that read a sentence from its start forward (its subject, the
 * unnamed person opening it) read at most that much for each quote,
 * however long a paragraph without a full stop is.  No sentence of a
 * news article comes near it.
 */
#define SENTENCE_REACH	2048

/* Where the sentence two before the one holding p starts (at most three
 * SENTENCE_REACH before p, at a character's start: a pronoun's look back
 * stays bounded in a paragraph without a full stop). */
static size_t
two_sentences_back(const struct qctx *x, size_t p)
{
	size_t floor = p > 3 * SENTENCE_REACH ? p - 3 * SENTENCE_REACH : 0;
	int n = 0;

	while (p > floor) {
		if (stop_before(x, p) && ++n == 3)
			return p;
		p--;
	}
	while (floor < x->len && (x->t[floor] & 0xc0) == 0x80)
		floor++;
	return floor;
}

#define KIN_REACH	600	/* bytes before a pronoun looked at for
				   a relative the text does not name */

/*
 * "Your father was a miner. Did he want this?": a sentence from a
 * (at most KIN_REACH before p) up to p opens with a relative of sex
 * want (he: father, she: mother) whom it does not name: the pronoun at
 * p stands for that relative; so does one who speaks ("..., her son
 * recalled.  '...,' he said").  The kin word is [*ks, *ke).
 */
static int verb_follows(const struct qctx *, size_t, size_t);

static int
unnamed_kin(const struct qctx *x, size_t a, size_t p, int want, size_t *ks,
    size_t *ke)
{
	static const char *const poss[] = { "My", "Your", "His", "Her",
	    "Their", "Our", "his", "her", "their", NULL };
	static const char *const men[] = { "father", "husband", "son",
	    "brother", "grandfather", "uncle", "boyfriend", NULL };
	static const char *const women[] = { "mother", "wife", "daughter",
	    "sister", "grandmother", "aunt", "girlfriend", NULL };
	size_t ws, we, n;

	if (want == 0)
		return 0;
	if (p > KIN_REACH && a < p - KIN_REACH)
		a = p - KIN_REACH;
	if (a < x->ws)
		edge(x);	/* (the window's quotes start at ws) */
	for (; scan_word(x, a, p, &ws, &we) && we <= p; a = we) {
		if (!word_among(x, ws, we, poss) || inside_quote(x, ws) ||
		    !next_word(x, we, p, ks, ke) ||
		    !word_among(x, *ks, *ke, want == 'm' ? men : women) ||
		    !(starts_sentence(x, ws) || x->t[skip_back(x, ws) - 1] ==
		    ':' || verb_follows(x, *ke, p)))
			continue;
		/* not "Her husband, Samuel Adler," */
		n = *ke;
		if (n < p && x->t[n] == ',')
			n++;
		if (n < p && x->t[n] == ' ')
			n++;
		if (n >= p || !utf8_is_upper((unsigned char)x->t[n]))
			return 1;
	}
	return 0;
}

/* Does a sentence start at p (the test sentence_start walks back with)? */
static int
sentence_starts_at(const struct qctx *x, size_t p)
{
	return p == 0 || stop_before(x, p) || para_break(x->t, skip_back(x,
	    p), p);
}

/*
 * The sentence starts found, as spans [at, from]: the sentence holding
 * from starts at at, and no sentence starts in (at, from].  A look back
 * ends at the nearest known span below it instead of walking the whole
 * sentence again: every quote of a long sentence (a paragraph of 10^5
 * quotation marks and no full stop) looked from its own start back to
 * the sentence's: quadratic.  The test at a byte depends on the text
 * alone, so what is remembered is what a walk would find.
 */
#define STARTS_KEPT	8

struct starts {
	size_t	from[STARTS_KEPT];
	size_t	at[STARTS_KEPT];
	size_t	n;		/* spans kept */
	size_t	next;		/* the one replaced next */
};

/* Remember that the sentence holding from starts at at (a new span, in
 * place of the oldest once STARTS_KEPT are kept). */
static void
starts_keep(struct starts *st, size_t at, size_t from)
{
	size_t k;

	if (st->n < STARTS_KEPT)
		k = st->n++;
	else {
		k = st->next;
		st->next = (st->next + 1) % STARTS_KEPT;
	}
	st->at[k] = at;
	st->from[k] = from;
}

/* Where the sentence holding p starts, remembered in x->starts. */
static size_t
known_start(const struct qctx *x, size_t p)
{
	struct starts *st = x->starts;
	size_t k, below = STARTS_KEPT, a;

	for (k = 0; k < st->n; k++) {
		if (st->at[k] <= p && p <= st->from[k])
			return st->at[k];
		if (st->from[k] < p && (below == STARTS_KEPT ||
		    st->from[k] > st->from[below]))
			below = k;
	}
	for (a = p; !sentence_starts_at(x, a); a--)
		if (below < STARTS_KEPT && a - 1 == st->from[below]) {
			/* no start in (from, p]: the span grows to p */
			st->from[below] = p;
			return st->at[below];
		}
	starts_keep(st, a, p);
	return a;
}

/* Where the sentence holding p starts (or SENTENCE_REACH before p, at a
 * character's start). */
static size_t
sentence_start(const struct qctx *x, size_t p)
{
	size_t floor = p > SENTENCE_REACH ? p - SENTENCE_REACH : 0, a;

	if (x->starts != NULL)
		a = known_start(x, p);
	else
		for (a = p; a > floor && !sentence_starts_at(x, a); a--)
			;
	if (a >= floor)
		return a;
	while (floor < p && ((unsigned char)x->t[floor] & 0xc0) == 0x80)
		floor++;
	return floor;
}

/* Is the pronoun at p the subject of an aside (", she said,") inside
 * the words it reports, so that no one named before it in its sentence
 * ("Smith's account, she said, was false") is who it stands for? */
static int
aside_pronoun(const struct qctx *x, size_t p)
{
	size_t b = skip_back(x, p), ws, we;

	/* (not "When I called her, she said, "..."": a quote follows) */
	return b > 0 && x->t[b - 1] == ',' && next_word(x, p, x->len, &ws,
	    &we) && next_word(x, we, x->len, &ws, &we) && verb_at(x, ws, we) &&
	    we < x->len && x->t[we] == ',' && !inside_quote(x,
	    skip_blanks(x, we + 1));
}

/* "Under", "Asked": a word opening a leading phrase whose names are
 * objects, the subject coming after its comma. */
static int
objects_opener(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const opens[] = { "Under", "During", "Asked",
	    "Questioned", "Pressed", "Challenged", NULL };

	return word_among(x, ws, we, opens);
}

/* "Under cross-examination by X, defending Y, he accepted", "Asked by
 * X how ..., she said": the pronoun at p is the subject after an opening
 * phrase whose names are objects, never its antecedent. */
static int
opening_objects(const struct qctx *x, size_t p)
{
	size_t b = skip_back(x, p), ws, we;

	return b > 0 && x->t[b - 1] == ',' && next_word(x, sentence_start(x,
	    p), p, &ws, &we) && objects_opener(x, ws, we);
}

#define TITLE_REACH	LOOK_REACH	/* bytes back to the name of the one
					   "the minister" stands for */
#define ROLE_REACH	8192	/* bytes back to the name of the one a
				   title opening a sentence stands for */

/*
 * "The judge had already ruled.": the person a title that opens a
 * sentence in [a, b) stands for (title_noun), of sex want; the last
 * such sentence.  Sets [*s, *e) and *at, the sentence's start.
 */
static int
role_subject(const struct qctx *x, size_t a, size_t b, int want, size_t *s,
    size_t *e, size_t *at)
{
	size_t p, ws, we, ts, te, ns, ne;
	int found = 0;
	long m;

	for (p = a; scan_word(x, p, b, &ws, &we); p = we) {
		if (!word_is(x, ws, we, "The") || !starts_sentence(x, ws) ||
		    inside_quote(x, ws) || !next_word(x, we, b, &ts, &te) ||
		    !word_in(x, ts, te, RL_TITLE) || te >= b || x->t[te] != ' ' ||
		    !title_noun_within(x, ts, te, ROLE_REACH, &ns, &ne))
			continue;
		m = coref_mention_at(x->ents, x->nents, ns, ne);
		if (m >= 0 && sex_fits(x, (size_t)m, want)) {
			*s = ns;
			*e = ne;
			*at = ws;
			found = 1;
		}
	}
	return found;
}

/*
 * '..., who gave only his first name, Tomás, said': the name an unnamed
 * person gives after "name" in the sentence from p (up to b), or 0.
 */
static int
given_name(const struct qctx *x, size_t p, size_t b, size_t *s, size_t *e)
{
	size_t ws, we, n;

	for (n = 0; n < 24 && next_word(x, p, b, &ws, &we) &&
	    (n == 0 || !starts_sentence(x, ws)); n++, p = we) {
		if (!word_is(x, ws, we, "name") || we + 2 >= b ||
		    x->t[we] != ',' || !next_word(x, we, b, s, e) ||
		    !utf8_is_upper((unsigned char)x->t[*s]) ||
		    !(*e < b && x->t[*e] == ','))
			continue;
		return 1;
	}
	return 0;
}

/*
 * "to be named", "to be identified" ending at [ns, ne) (q the end of
 * the word before): one who asked not to be named, however the
 * appositive before it runs ("One nurse, a woman in her fifties who
 * asked not to be named, said"; wt-h8read).
 */
static int
unnamed_by_wish(const struct qctx *x, size_t q, size_t ns, size_t ne)
{
	size_t a, b = skip_back(x, q), c, d;

	if (!word_is(x, ns, ne, "named") && !word_is(x, ns, ne, "identified"))
		return 0;
	a = utf8_word_back(x->t, b, b > 8 ? b - 8 : 0);
	d = skip_back(x, a);
	c = utf8_word_back(x->t, d, d > 8 ? d - 8 : 0);
	return word_is(x, a, b, "be") && word_is(x, c, d, "to");
}

/*
 * "A resident at one hospital, who asked not to be named, said ...",
 * "One official called it ...": where the last sentence in [a, b) that
 * opens with a person named by no name starts (an article, a lower-case
 * word, then ", who" or a job and a speech verb within a few words), or
 * SIZE_MAX.
 */
static size_t
indefinite_subject(const struct qctx *x, size_t a, size_t b)
{
	static const char *const arts[] = { "A", "An", "One", NULL };
	static const char *const low[] = { "a", "an", "one", NULL };
	size_t p, ws, we, ns, ne, q, found = SIZE_MAX, ls, le;
	int n, titled;

	for (p = a; scan_word(x, p, b, &ws, &we) && we <= b; p = we) {
		/* "But a senior manager, who ...": after a link word
		 * (wt-speakers7) */
		if (word_among(x, ws, we, opening_links) &&
		    starts_sentence(x, ws) && next_word(x, we, b, &ls, &le) &&
		    word_among(x, ls, le, low)) {
			ws = ls;
			we = le;
		} else if (!word_among(x, ws, we, arts) ||
		    !starts_sentence(x, ws))
			continue;
		if (inside_quote(x, ws) || !next_word(x, we, b, &ns, &ne))
			continue;
		/* "A Labour agent", "An NHS manager": one capitalised
		 * modifier before the noun (wt-speakers7) */
		if (!(x->t[ns] >= 'a' && x->t[ns] <= 'z') && (we = ne,
		    !next_word(x, ne, b, &ns, &ne) || ns != we + 1))
			continue;
		if (!(x->t[ns] >= 'a' && x->t[ns] <= 'z'))
			continue;
		titled = word_in(x, ns, ne, RL_TITLE);
		for (n = 0, q = ne; n < 14 && next_word(x, q, b, &ns, &ne) &&
		    !starts_sentence(x, ns); n++, q = ne) {
			if ((n < 8 && word_is(x, ns, ne, "who") &&
			    x->t[skip_back(x, ns) - 1] == ',') || (n < 8 &&
			    titled && verb_at(x, ns, ne)) ||
			    unnamed_by_wish(x, q, ns, ne)) {
				found = ws;
				break;
			}
			/* "One official said": a person by a job, not "A
			 * press called" */
			titled |= word_in(x, ns, ne, RL_TITLE);
		}
	}
	return found;
}

static int it_word(const struct qctx *, size_t, size_t);

/* Does the word [ws, we) open with a capital letter? */
static int
capital_word(const struct qctx *x, size_t ws, size_t we)
{
	uint32_t cp;

	utf8_decode_lossy(x->t + ws, we - ws, &cp);
	return utf8_is_upper(cp);
}

/* Could the capitalised word [ws, we) be part of a name no list knows
 * (not a function word, title, month, nationality, place, ...)? */
static int
unknown_name_word(const struct qctx *x, size_t ws, size_t we)
{
	static const enum rules_list not_names[] = { RL_STOP, RL_CALENDAR,
	    RL_TITLE, RL_NATIONALITY, RL_PLACE, RL_ORG_WORD, RL_FAC_WORD,
	    RL_NOT_ENTITY, RL_NUMBER_WORD, RL_EVENT_WORD, RL_PLACE_WORD };
	size_t k;

	if (!capital_word(x, ws, we) || pronoun(x, ws, we) ||
	    it_word(x, ws, we))
		return 0;
	for (k = 0; k < sizeof not_names / sizeof not_names[0]; k++)
		if (word_in(x, ws, we, not_names[k]))
			return 0;
	return 1;
}

/*
 * "Xolani Mthembu, a guard, said he ...": a sentence (from a, before b)
 * that opens with two or three capitalised words no mention covers and
 * no list knows, then an appositive (", a", ", the", ", who", ", 45")
 * or a word in lower case: a person the recogniser missed, as a
 * pronoun's antecedent.  The last such run before b: [*s, *e), 1.
 */
static int
bare_subject(const struct qctx *x, size_t a, size_t b, size_t *s, size_t *e)
{
	size_t p, ws, we, rs, re, n, i;
	int got = 0;

	nothing_back_to(x, a);	/* (mentions before a window are unknown) */
	for (p = a; p < b; p++) {
		if (!(p == 0 || stop_before(x, p) || (p >= 2 &&
		    x->t[p - 1] == '\n' && x->t[p - 2] == '\n')))
			continue;
		if (!next_word(x, p, b, &rs, &re) || inside_quote(x, rs))
			continue;
		i = ent_from(x, rs);
		for (n = 0, ws = rs, we = re; n < 3 &&
		    unknown_name_word(x, ws, we);) {
			re = we;
			n++;
			if (!next_word(x, we, b, &ws, &we) || ws > re + 1)
				break;
		}
		if (n < 2 || (i < x->nents && x->ents[i].start < re))
			continue;
		if (re < b && x->t[re] == ',') {
			if (!next_word(x, re + 1, b, &ws, &we) ||
			    !(word_is(x, ws, we, "a") || word_is(x, ws, we,
			    "an") || word_is(x, ws, we, "the") ||
			    word_is(x, ws, we, "who") || (x->t[ws] >= '1' &&
			    x->t[ws] <= '9')))
				continue;
		} else if (!next_word(x, re, b, &ws, &we) || ws != re + 1 ||
		    !(x->t[ws] >= 'a' && x->t[ws] <= 'z'))
			continue;
		*s = rs;
		*e = re;
		got = 1;
	}
	return got;
}

/*
 * "In 1994 she married Kola Ade. ... 'I kept them up,' she said": a
 * person named after a pronoun of the same sex in its own sentence,
 * outside quotes, is who that pronoun acted on, not who it is; a later
 * pronoun of that sex goes on with the earlier one (wt-names9).  Work
 * per candidate mention: the words of its sentence before it.
 */
static int in_leading_participle(const struct qctx *, size_t, size_t, int);
static size_t sentence_end(const struct qctx *, size_t, size_t);

static int
acted_on(const struct qctx *x, size_t i, int want)
{
	size_t p, ws, we, at = x->ents[i].start;

	static const char *const subordinate[] = { "Asked", "When",
	    "After", "Although", "Though", "As", "While", "Before", "If",
	    "Since", "Because", "Once", "Until", "Despite", "Pressed",
	    "Questioned", NULL };
	size_t b = skip_back(x, at), ss;

	if (want == 0)
		return 0;
	ss = sentence_start(x, at);
	/* "Asked whether she expected ..., Thao smiled": a pronoun in a
	 * leading clause stands for the subject after it (wt-speakers7) */
	if (b > 0 && x->t[b - 1] == ',' && next_word(x, ss, at, &ws, &we) &&
	    word_among(x, ws, we, subordinate))
		return 0;
	for (p = ss; scan_word(x, p, at, &ws, &we) &&
	    we <= at; p = we) {
		if (pronoun_sex(x, ws, we) == want && !inside_quote(x, ws))
			return 1;
	}
	return in_leading_participle(x, ss, x->ents[i].end, want);
}

/*
 * "Born in Kazan, the daughter of X and a teacher, Y (nee Z), she was
 * accepted": a person named in a sentence's leading participle phrase
 * (its first word "Born" or in -ed, a lower-case word after it), before
 * ", she" of the sex wanted,
 * is not the subject (wt-h9read: the mother's maiden name took the
 * obituary's later "she told").  From the mention's end at e to that
 * pronoun or the sentence's end.
 */
static int
in_leading_participle(const struct qctx *x, size_t ss, size_t e, int want)
{
	size_t p, ws, we, ns, ne, lim;

	/* (not "Born Mele Havea in ..., she": her own name at birth) */
	if (!next_word(x, ss, e, &ws, &we) || x->t[ws] < 'A' ||
	    x->t[ws] > 'Z' || we - ws < 4 || (!word_is(x, ws, we, "Born") &&
	    memcmp(x->t + we - 2, "ed", 2) != 0) || !next_word(x, we, e,
	    &ns, &ne) || (x->t[ns] >= 'A' && x->t[ns] <= 'Z'))
		return 0;
	lim = sentence_end(x, e, x->len);
	for (p = e; scan_word(x, p, lim, &ws, &we); p = we) {
		if (pronoun_sex(x, ws, we) == want)
			return x->t[skip_back(x, ws) - 1] == ',';
	}
	return 0;
}

/* '"Same time next year?" she asks him': is quote q attributed by a
 * pronoun of the sex other than want (its speaker's sex, whatever the
 * lists know of the name)? */
static int
other_sex_after(const struct qctx *x, const struct quote *q, int want)
{
	size_t ws, we;
	int sex;

	return want != 0 && next_word(x, q->end, x->len, &ws, &we) &&
	    (sex = pronoun_sex(x, ws, we)) != 0 && sex != want;
}

#define COUNT_REACH	8192	/* bytes before a quote where mentions of
				   a name are counted */

/* How many mentions in [from, to) name what mention i names?  (Work
 * per call: the mentions in that stretch.) */
static size_t
mentions_of(const struct qctx *x, size_t i, size_t from, size_t to)
{
	size_t j, n = 0;

	if (x->canon == NULL)
		return 1;
	nothing_back_to(x, from);
	for (j = ent_from(x, from); j < x->nents && x->ents[j].start < to;
	    j++)
		n += x->canon[j] == x->canon[i];
	return n;
}

/* "the Irishman", "the Frenchwoman": is [s, e) one word, after "the",
 * made of a nationality and -man or -woman, a person the text describes
 * (wt-speakers7)? */
static int
demonym_at(const struct qctx *x, size_t s, size_t e)
{
	static const char *const ends[] = { "woman", "man", NULL };
	size_t k, n;

	if (s < 4 || memcmp(x->t + s - 4, "the ", 4) != 0 ||
	    memchr(x->t + s, ' ', e - s) != NULL)
		return 0;
	for (k = 0; ends[k] != NULL; k++) {
		n = strlen(ends[k]);
		if (e - s > n + 2 && memcmp(x->t + e - n, ends[k], n) == 0)
			return word_in(x, s, e - n, RL_NATIONALITY) ||
			    (x->t[e - n - 1] == 's' && word_in(x, s,
			    e - n - 1, RL_NATIONALITY));
	}
	return 0;
}

/* The paragraph holding p. */
static size_t
para_of(const struct qctx *x, size_t p)
{
	size_t lo = 0, hi = x->npara;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (x->para[mid].s <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : 0;
}

/* Does the paragraph from ps open with "She" or "Her" (want 'f'), "He"
 * or "His" ('m')? */
static int
opens_with_pronoun(const struct qctx *x, size_t ps, size_t pe, int want)
{
	size_t ws, we;

	if (!next_word(x, ps, pe, &ws, &we) || ws != ps)
		return 0;
	return want == 'f' ? word_is(x, ws, we, "She") || word_is(x, ws, we,
	    "Her") : word_is(x, ws, we, "He") || word_is(x, ws, we, "His");
}

/* Is a person of sex want named outside quotes in [a, b)? */
static int
person_named(const struct qctx *x, size_t a, size_t b, int want)
{
	size_t i;

	for (i = ent_from(x, a); i < x->nents && x->ents[i].start < b; i++) {
		if ((x->ents[i].type == ENT_PERSON || person_typed_org(x, i)) &&
		    !inside_quote(x, x->ents[i].start) && sex_fits(x, i, want))
			return 1;
	}
	return 0;
}

/* Does a quote in paragraph pi speak of someone of sex want in the
 * third person ("She used to tell us ...")? */
static int
speaks_of(const struct qctx *x, size_t pi, int want)
{
	static const char *const her[] = { "she", "She", "her", "Her", NULL };
	static const char *const him[] = { "he", "He", "him", "his", "His",
	    NULL };
	const struct para *pp = &x->para[pi];
	size_t k, p, ws, we, lo = 0, hi = x->nq;

	while (lo < hi) {	/* the first quote from pp->s on */
		size_t mid = (lo + hi) / 2;

		if (x->q[mid].start < pp->s)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < x->nq && x->q[k].start < pp->e; k++) {
		for (p = x->q[k].start; scan_word(x, p, x->q[k].end, &ws, &we);
		    p = we) {
			if (word_among(x, ws, we, want == 'f' ? her : him))
				return 1;
		}
	}
	return 0;
}

/*
 * 'She was honoured twice ..., she said', after a paragraph quoting a
 * friend about her: a pronoun in a paragraph that opens with "She" or
 * "Her" and names no one of her sex before it (or a paragraph that
 * opens with a quote after such a paragraph) stands for the person the
 * text is about -- the one it names most often within COUNT_REACH
 * before p, at least TOPIC_MIN times -- rather than the one it named
 * last, if that one is named less often there and (if it is named in
 * this paragraph or the one before) was quoted speaking of "her".  [*s, *e) is the
 * candidate found; moved to the topic's mention, 1 (wt-speakers7).
 * Work per pronoun: the mentions in COUNT_REACH, pairwise.
 */
#define TOPIC_MIN	3

static int
topic_pronoun(const struct qctx *x, size_t p, int want, size_t *s,
    size_t *e)
{
	size_t pi = para_of(x, p), from = p > COUNT_REACH ? p - COUNT_REACH :
	    0, i, best = SIZE_MAX, nbest = 0, n;
	const struct para *pp = &x->para[pi];
	long m;

	if (want == 0 || pi == 0 || person_named(x, pp->s, p, want))
		return 0;
	if (!opens_with_pronoun(x, pp->s, pp->e, want)) {
		if (pi == 0 || !inside_quote(x, pp->s) ||
		    !opens_with_pronoun(x, pp[-1].s, pp[-1].e, want) ||
		    person_named(x, pp[-1].s, pp[-1].e, want))
			return 0;
	}
	m = coref_mention_at(x->ents, x->nents, *s, *e);
	/* one named in this paragraph or the one before is the topic's
	 * rival only if quoted there speaking of "her" (checked first: the
	 * count looks back past a window's start) */
	if ((m < 0 || mentions_of(x, (size_t)m, x->para[pi - 1].s, p) > 0) &&
	    !speaks_of(x, pi - 1, want))
		return 0;
	for (i = ent_from(x, from); i < x->nents && x->ents[i].start < p;
	    i++) {
		if (x->ents[i].type != ENT_PERSON || inside_quote(x,
		    x->ents[i].start) || !sex_fits(x, i, want))
			continue;
		n = mentions_of(x, i, from, p);
		if (n > nbest) {
			best = i;
			nbest = n;
		}
	}
	if (best == SIZE_MAX || nbest < TOPIC_MIN || (m >= 0 &&
	    (x->canon == NULL || x->canon[m] == x->canon[best] ||
	    mentions_of(x, (size_t)m, from, p) >= nbest)))
		return 0;
	*s = x->ents[best].start;
	*e = x->ents[best].end;
	return 1;
}

/* Is mention i the label opening the paragraph of p ("KOVÁCS: He
 * said to me, ...")?  Who answers says "I": never "he" or "she"
 * there. */
static int
own_label(const struct qctx *x, size_t i, size_t p)
{
	const struct entity *m = &x->ents[i];

	return m->end < x->len && x->t[m->end] == ':' &&
	    m->start == x->para[para_of(x, p)].s;
}

/* "reopen the Bethnal Green library": mention i between "the" (or "a",
 * "an") and a lower-case noun qualifies the noun; whatever its type, it
 * is no one "he" or "she" stands for. */
static int
modifier_name(const struct qctx *x, size_t i)
{
	static const char *const dets[] = { "a", "an", "the", NULL };
	const struct entity *m = &x->ents[i];
	size_t b = skip_back(x, m->start), a, ws, we;

	if (b == 0 || m->end + 1 >= x->len || x->t[m->end] != ' ' ||
	    x->t[m->end + 1] < 'a' || x->t[m->end + 1] > 'z')
		return 0;
	a = utf8_word_back(x->t, b, b > 8 ? b - 8 : 0);
	return a < b && word_among(x, a, b, dets) &&
	    next_word(x, m->end, x->len, &ws, &we) && !verb_at(x, ws, we) &&
	    !word_in(x, ws, we, RL_STOP);
}

/*
 * The person a pronoun at p stands for: a person of its sex (if the
 * text says) mentioned before it outside quotes -- the subject of a
 * sentence close before it ("Jones laughed as she recalled the night
 * Gil Hartnell ... 'No,' she said") in the paragraph of the nearest
 * ("That worries Ana Ruiz, ...", a paragraph of its own, is Ruiz, not
 * another person's subject before it), else the nearest -- or the
 * speaker of the quote before if that is nearer.
 */
static int
antecedent(const struct qctx *x, size_t p, int want, size_t *s, size_t *e)
{
	size_t i = ent_from(x, p), k, near = SIZE_MAX, subj = SIZE_MAX;
	size_t prep = SIZE_MAX;
	size_t win = two_sentences_back(x, p), ks, ke, rs, re, rp, bs = 0, be = 0;
	size_t words = aside_pronoun(x, p) || opening_objects(x, p) ?
	    sentence_start(x, p) : p, ind;
	int found = 0, stopped = 0, role, bare;
	long m;

	while (!stopped && i-- > 0 && x->ents[i].start >= reach_start(p)) {
		if ((x->ents[i].type != ENT_PERSON && !person_typed_org(x, i)) ||
		    inside_quote(x, x->ents[i].start) || !sex_fits(x, i, want) ||
		    x->ents[i].start >= words || acted_on(x, i, want) ||
		    demonym_at(x, x->ents[i].start, x->ents[i].end) ||
		    own_label(x, i, p) || modifier_name(x, i))
			continue;
		/* "take a pass from Lara Moe ... the 31-year-old said": the
		 * nearest person, the object of a preposition, only if no
		 * other of its paragraph comes before (wt-h12read) */
		if (near == SIZE_MAX && prep == SIZE_MAX &&
		    after_preposition(x, sentence_start(x, x->ents[i].start),
		    x->ents[i].start)) {
			prep = i;
			continue;
		}
		if (near == SIZE_MAX && prep != SIZE_MAX &&
		    (x->ents[i].start < win || para_break(x->t,
		    x->ents[i].end, x->ents[prep].start))) {
			near = prep;
			stopped = 1;
			continue;
		}
		if (near == SIZE_MAX)
			near = i;
		if (x->ents[i].start < win)
			stopped = 1;
		else if (i != near && (x->canon == NULL ||
		    x->canon[i] != x->canon[near]) && para_break(x->t,
		    x->ents[i].end, x->ents[near].start))
			stopped = 1;
		else if (subject_at(x, i)) {
			subj = i;
			stopped = 1;
		}
	}
	if (!stopped)
		nothing_back_to(x, reach_start(p));
	if (near == SIZE_MAX)
		near = prep;
	if (subj != SIZE_MAX)
		near = subj;
	/* a name the recogniser missed, opening a sentence since */
	bare = bare_subject(x, near != SIZE_MAX ? x->ents[near].end : win,
	    words, &bs, &be);
	/* "Her husband used to ... he said": the husband the text names
	 * elsewhere, or no one named */
	if (unnamed_kin(x, near != SIZE_MAX ? x->ents[near].end : 0, p,
	    want, &ks, &ke))
		return title_noun(x, ks, ke, s, e);
	/* "The judge had rejected it. X's account, she said, was ...": a
	 * title that opens a sentence after the one found */
	role = role_subject(x, win, words, want, &rs, &re, &rp) &&
	    (near == SIZE_MAX || rp >= sentence_start(x,
	    x->ents[near].start));
	if (role) {
		*s = rs;
		*e = re;
		found = 1;
		subj = 0;
	} else if (bare) {
		*s = bs;
		*e = be;
		found = 1;
		subj = 0;
	} else if (near != SIZE_MAX) {
		*s = x->ents[near].start;
		*e = x->ents[near].end;
		found = 1;
	}
	for (k = x->nq, stopped = 0; !stopped && k-- > 0 &&
	    x->q[k].start >= reach_start(p);) {
		const struct quote *q = &x->q[k];

		if (k < x->cur)
			uses(x, k);
		/* A pronoun is a person: not an organisation that spoke. */
		if (q->said_end == 0 || q->said_end > p ||
		    q->start > p || !person_at(x, q->said_start))
			continue;
		m = coref_mention_at(x->ents, x->nents, q->said_start,
		    q->said_end);
		if ((m >= 0 && !sex_fits(x, (size_t)m, want)) ||
		    other_sex_after(x, q, want))
			continue;
		/* (where the quote stands, when its speaker was named
		 * before it through a noun: '"...," the Norwegian raged') */
		if (!found || ((q->said_start > *s || q->start > *s) &&
		    subj == SIZE_MAX)) {
			*s = q->said_start;
			*e = q->said_end;
			found = 1;
		}
		stopped = 1;
	}
	if (!stopped)
		nothing_back_to(x, reach_start(p));
	if (found)
		topic_pronoun(x, p, want, s, e);
	/* an unnamed person spoke since: no one named */
	if (found && (ind = indefinite_subject(x, win, words)) != SIZE_MAX &&
	    *s < ind && !(bare && *s == bs && ind <= skip_blanks(x, be + 1)))
		return given_name(x, ind, words, s, e);
	return found;
}

static int verb_at(const struct qctx *, size_t, size_t);
static int after_preposition(const struct qctx *, size_t, size_t);

/*
 * "In a statement, the ministry said ...": a lower-case "the" at
 * [ws, we) mid-sentence whose noun is the subject of a speech verb
 * right after it, so a later "it said" stands for what the noun names
 * (wt-h8read: heldout8's organisation descriptors).  Per word of the
 * two sentences org_antecedent reads, only after "it".
 */
static int
the_noun_says(const struct qctx *x, size_t ws, size_t we, size_t lim)
{
	size_t ns, ne, vs, ve;

	return word_is(x, ws, we, "the") && next_word(x, we, lim, &ns, &ne) &&
	    next_word(x, ne, lim, &vs, &ve) && skip_blanks(x, ne) == vs &&
	    verb_at(x, vs, ve);
}

/* "a response from the Korean Metal Workers' Union, which represents
 * ...": an organisation a relative clause goes on to describe, the one
 * a later "it" stands for even as an object (wt-h12read). */
static int
described_org(const struct qctx *x, size_t i)
{
	size_t p = x->ents[i].end, ws, we;

	return p + 1 < x->len && x->t[p] == ',' && next_word(x, p + 1,
	    x->len, &ws, &we) && skip_blanks(x, p + 1) == ws &&
	    word_is(x, ws, we, "which");
}

/*
 * "Prague City Hall has released a statement. It reads:", '"...," it
 * added': the organisation "it" at p stands for, the subject of a
 * sentence close before it, outside quotes.  Sets [*s, *e), returns 1.
 */
static int
org_antecedent(const struct qctx *x, size_t p, size_t *s, size_t *e)
{
	size_t i = ent_from(x, p), win = two_sentences_back(x, p);

	size_t q, ws, we, ns, ne, ts = 0, te = 0;
	int found;

	while (i-- > 0 && x->ents[i].start >= win) {
		if (x->ents[i].type != ENT_ORG ||
		    inside_quote(x, x->ents[i].start) || (!subject_at(x, i) &&
		    !described_org(x, i)))
			continue;
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	if (win <= x->ws)
		nothing_before(x);
	/* "The union said it would strike. ..., it told members:": the
	 * organisation such a noun opening a sentence stands for */
	for (q = win; scan_word(x, q, p, &ws, &we) && we <= p; q = we) {
		if (((word_is(x, ws, we, "The") && starts_sentence(x, ws)) ||
		    the_noun_says(x, ws, we, p)) &&
		    !inside_quote(x, ws) && next_word(x, we, p, &ns, &ne) &&
		    x->t[ns] >= 'a' && x->t[ns] <= 'z') {
			ts = ns;
			te = ne;
		}
	}
	if (te == 0 || x->nested == NULL || *x->nested)
		return 0;
	*x->nested = 1;
	found = org_noun(x, ts, te, s, e);
	*x->nested = 0;
	return found;
}

static int
it_word(const struct qctx *x, size_t ws, size_t we)
{
	return we - ws == 2 && (x->t[ws] == 'i' || x->t[ws] == 'I') &&
	    x->t[ws + 1] == 't';
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

/* "van der Linden said": lower-case particles at [ws, we) on, then a
 * person's mention (which may hold some of them). */
static int
particles_name(const struct qctx *x, size_t ws, size_t we, size_t lim,
    size_t *s, size_t *e)
{
	size_t i = ent_from(x, ws), n = 0;

	if (i >= x->nents || x->ents[i].type != ENT_PERSON ||
	    x->ents[i].start >= lim)
		return 0;
	while (ws < x->ents[i].start && n++ < 3) {
		if (!(x->t[ws] >= 'a' && x->t[ws] <= 'z') ||
		    !word_in(x, ws, we, RL_PARTICLE) ||
		    !next_word(x, we, lim, &ws, &we))
			return 0;
	}
	if (ws != x->ents[i].start || n == 0)
		return 0;
	*s = x->ents[i].start;
	*e = x->ents[i].end;
	return 1;
}

/* A plural noun phrase at [a, b): a determiner or number, then a
 * lower-case word ending in "s" ("the fans", "two officers")? */
static int
plural_after(const struct qctx *x, size_t a, size_t b, size_t lim)
{
	static const char *const dets[] = { "the", "The", "these", "those",
	    "some", "many", "other", "their", "its", "his", "her", "all",
	    "several", "most", "two", "three", "four", "five", "both",
	    "few", NULL };
	size_t ns, ne;

	return word_among(x, a, b, dets) && next_word(x, b, lim, &ns, &ne) &&
	    x->t[ns] >= 'a' && x->t[ns] <= 'z' && ne - ns > 3 &&
	    x->t[ne - 1] == 's' && x->t[ne - 2] != 's' && x->t[ne - 2] != 'u' &&
	    x->t[ne - 2] != '\'' && (unsigned char)x->t[ne - 2] != 0x99;
	/* (not a possessive: "the area's youth forum") */
}

/* "a former Kirkcowan pupil": a name after an article or "former",
 * describing a noun rather than naming one who could be "they"? */
static int
name_as_modifier(const struct qctx *x, size_t p)
{
	static const char *const mods[] = { "a", "an", "the", "former",
	    NULL };
	size_t b = skip_back(x, p), a = utf8_word_back(x->t, b, b > 16 ?
	    b - 16 : 0);

	return a < b && word_among(x, a, b, mods);
}

/*
 * "X arrives on a bicycle. "...," they say": a singular "they" at p for
 * a person (whatever their given name says of sex), the subject of the sentence
 * holding p or of the one before, with no other person and no plural
 * noun phrase between (wt-h8read: heldout8's interview of a singer
 * the writer calls "they").  Sets [*s, *e), returns 1.  Per pronoun.
 */
static int
singular_they(const struct qctx *x, size_t p, size_t *s, size_t *e)
{
	size_t i = ent_from(x, p), from, q, ws, we;

	if (!word_is(x, p, p + 4, "they") && !word_is(x, p, p + 4, "They"))
		return 0;
	from = sentence_start(x, sentence_start(x, p) > 0 ?
	    skip_back(x, sentence_start(x, p)) - 1 : 0);
	while (i-- > 0 && x->ents[i].start >= from) {
		if (inside_quote(x, x->ents[i].start) || (x->ents[i].type !=
		    ENT_PERSON && !subject_at(x, i)) || name_as_modifier(x,
		    x->ents[i].start))
			continue;	/* ("grew up in east Oslo") */
		/* (not a transcript's label: "Aamodt: They said") */
		if (x->ents[i].type != ENT_PERSON || !subject_at(x, i) ||
		    (x->ents[i].end < x->len && x->t[x->ents[i].end] == ':'))
			return 0;
		for (q = x->ents[i].end; scan_word(x, q, p, &ws, &we) &&
		    we <= p; q = we) {
			if (!inside_quote(x, ws) && plural_after(x, ws, we, p))
				return 0;
		}
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	/* (a window may not see the subject before it) */
	nothing_back_to(x, from);
	return 0;
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
	if (qa_person(x, ws, we, s, e))
		return 1;
	if (particles_name(x, ws, we, lim, s, e))
		return 1;
	if (pronoun(x, ws, we))
		return pronoun_sex(x, ws, we) != 0 ?
		    antecedent(x, ws, pronoun_sex(x, ws, we), s, e) :
		    singular_they(x, ws, s, e);
	if (it_word(x, ws, we))
		return org_antecedent(x, ws, s, e);
	/* "the FSS said", "the Bank of Korea" */
	if ((word_is(x, ws, we, "the") || word_is(x, ws, we, "The")) &&
	    (i = ent_from(x, we)) < x->nents && x->ents[i].type == ENT_ORG &&
	    x->ents[i].start == skip_blanks(x, we) && x->ents[i].start < lim) {
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	i = ent_from(x, ws);
	if (i < x->nents && name_type(x->ents[i].type) &&
	    x->ents[i].start < lim && titles_between(x, ws,
	    x->ents[i].start)) {
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		/* "Harbourline chief executive Oluwaseun Adebayo-Grant",
		 * "Maple Shield Chief Executive Victor Anand"; "Boavista
		 * coach Hélder Vaz" even where a club reads as a person */
		if (i + 1 < x->nents && x->ents[i + 1].type == ENT_PERSON &&
		    x->ents[i + 1].start < lim &&
		    (lower_titles(x, x->ents[i].end, x->ents[i + 1].start) ||
		    (x->ents[i].type != ENT_PERSON &&
		    x->ents[i + 1].start > x->ents[i].end + 1 &&
		    titles_between(x, x->ents[i].end + 1,
		    x->ents[i + 1].start)))) {
			*s = x->ents[i + 1].start;
			*e = x->ents[i + 1].end;
		}
		return 1;
	}
	/* a date, a sum: no speaker ("WARSAW, Nov. 3 -- X, ...") */
	if (i < x->nents && x->ents[i].start == ws)
		return 0;
	/* "Phivolcs director Teresito Bacolcol": an unknown name, lower-
	 * case titles, a person */
	if (i < x->nents && x->ents[i].type == ENT_PERSON &&
	    x->ents[i].start < lim && we + 1 < x->len && x->t[we] == ' ' &&
	    x->t[we + 1] >= 'a' && x->t[we + 1] <= 'z' &&
	    lower_titles(x, we, x->ents[i].start)) {
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	utf8_decode_lossy(x->t + ws, x->len - ws, &cp);
	if (!utf8_is_upper(cp) || word_in(x, ws, we, RL_STOP) ||
	    word_in(x, ws, we, RL_NOT_ENTITY) ||
	    word_in(x, ws, we, RL_NATIONALITY))
		return 0;	/* not "KC", "MP", "the Swede" */
	k = ent_name_run(x->r, x->t, lim, ws);
	if (k <= ws)
		return 0;
	/* "Unions called it ...", "Critics say": a plural noun that
	 * starts a sentence, no name */
	if (k == we && x->t[we - 1] == 's' && !word_in(x, ws, we, RL_SURNAME) &&
	    starts_sentence(x, ws))
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

		/* "Dr.", "Inc." or an initial does not end a sentence. */
		if ((c == '.' || c == '!' || c == '?') && space_at(x, p + 1) &&
		    (c != '.' || sentence_stop(x, p)))
			return p;
	}
	return lim;
}

#define ORG_REACH	600	/* bytes back to an organisation "the
				   agency" may stand for, unnamed so */

/* A blank between a name's words: a space, or the line break of a
 * hard-wrapped text ("GAPKI (Indonesian Palm Oil\nAssociation)": the
 * association's name was not seen to hold "association"; heldout10's
 * hs03). */
static int
name_blank(char c)
{
	return c == ' ' || c == '\n';
}

/* Where the word [ws, we) is a word of mention m's name, without case:
 * its end there, or 0. */
static size_t
name_word_end(const struct qctx *x, const struct entity *m, size_t ws,
    size_t we)
{
	size_t p, n = we - ws;

	for (p = m->start; p + n <= m->end; p++) {
		if (strncasecmp(x->t + p, x->t + ws, n) == 0 &&
		    (p == m->start || name_blank(x->t[p - 1])) &&
		    (p + n == m->end || name_blank(x->t[p + n]) ||
		    x->t[p + n] == ','))
			return p + n;
	}
	return 0;
}

/* Is the word [ws, we) a word of mention m's name, without case? */
static int
name_word(const struct qctx *x, const struct entity *m, size_t ws,
    size_t we)
{
	return name_word_end(x, m, ws, we) != 0;
}

#define DOC_REACH	1200	/* bytes back to the document "the
				   statement" stands for */

/*
 * '"...," the statement said' after 'Mayor Ana Ruiz said in a statement
 * that it "..."': the speaker of a quote in the sentence that named the
 * document ("statement", "letter", "memo") last before ws, the one who
 * issued it.  Sets [*s, *e), returns 1.
 */
static int the_noun_before(const struct qctx *, size_t, size_t, size_t *,
    size_t *);

/* "Banks must wait, the regulator said in a circular": the one "the
 * NOUN" before the last speech verb in [b, p) stands for, "in a" right
 * after the verb. */
static int
doc_sayer(const struct qctx *x, size_t b, size_t p, size_t *s, size_t *e)
{
	size_t q, ws, we, vs = 0, ve = 0, ns, ne;

	for (q = b; scan_word(x, q, p, &ws, &we) && we <= p; q = we) {
		if (verb_at(x, ws, we)) {
			vs = ws;
			ve = we;
		}
	}
	return ve > 0 && next_word(x, ve, p, &ns, &ne) && (word_is(x, ns, ne,
	    "in") || word_is(x, ns, ne, "by")) && the_noun_before(x, b, vs, s,
	    e);
}

/* "In a statement, the cooperative said ...": "the NOUN" right before
 * the first speech verb in [p, c). */
static int
doc_opens(const struct qctx *x, size_t p, size_t c, size_t *s, size_t *e)
{
	size_t q, ws, we;

	for (q = p; scan_word(x, q, c, &ws, &we) && we <= c; q = we) {
		if (verb_at(x, ws, we))
			return the_noun_before(x, p, ws, s, e);
	}
	return 0;
}

static int
doc_author(const struct qctx *x, size_t ws, size_t we, size_t *s, size_t *e)
{
	static const char *const docs[] = { "statement", "letter", "memo",
	    "note", "circular", "notice", "submission", NULL };
	size_t n = we - ws, a = ws > DOC_REACH ? ws - DOC_REACH : 0, p, b, c;
	size_t k;

	if (!word_among(x, ws, we, docs))
		return 0;
	if (a < x->ws)
		edge(x);
	for (p = ws; p-- > a;) {
		if (strncasecmp(x->t + p, x->t + ws, n) != 0 ||
		    (p > 0 && utf8_word_before(x->t, p)) ||
		    utf8_word_at(x->t, x->len, p + n) || inside_quote(x, p))
			continue;
		for (b = p; b > a && !stop_before(x, b); b--)
			;
		c = sentence_end(x, p, ws);
		for (k = x->cur; k-- > 0 && x->q[k].end > b;) {
			uses(x, k);
			if (x->q[k].start < c && x->q[k].said_end > 0) {
				*s = x->q[k].said_start;
				*e = x->q[k].said_end;
				return 1;
			}
		}
		/* "..., the central bank said in a circular.", "In a
		 * statement, the cooperative said ...": who said */
		return doc_sayer(x, b, p, s, e) ||
		    doc_opens(x, p + n, c, s, e);
	}
	return 0;
}

#define APPOSE_REACH	80	/* bytes back to "a coalition of ..." */

/*
 * "A coalition of fishing groups, Koalisi X,": does "a" or "an" and the
 * noun [ws, we) open the phrase that ends at the comma at p (no comma or
 * stop between, within APPOSE_REACH)?
 */
static int
noun_opens_phrase(const struct qctx *x, size_t p, size_t ws, size_t we)
{
	size_t n = we - ws, a = p > APPOSE_REACH ? p - APPOSE_REACH : 0, q;

	for (q = p; q-- > a && !strchr(",.;:!?", x->t[q]);) {
		if (q + n > p || strncmp(x->t + q, x->t + ws, n) != 0 ||
		    utf8_word_at(x->t, x->len, q + n) ||
		    (q > 0 && utf8_word_before(x->t, q)))
			continue;
		return (q >= 2 && strncasecmp(x->t + q - 2, "a", 1) == 0 &&
		    name_blank(x->t[q - 1]) && (q == 2 ||
		    !utf8_word_before(x->t, q - 2))) ||
		    (q >= 3 && strncasecmp(x->t + q - 3, "an", 2) == 0 &&
		    name_blank(x->t[q - 1]) && (q == 3 ||
		    !utf8_word_before(x->t, q - 3)));
	}
	return 0;
}

/* "Quebec's prosecution service, the Office of X,": is mention m in
 * apposition to the noun [ws, we) written right before it? */
static int
noun_apposed(const struct qctx *x, const struct entity *m, size_t ws,
    size_t we)
{
	size_t n = we - ws, p = m->start;

	if (p >= 4 && memcmp(x->t + p - 4, "the ", 4) == 0)
		p -= 4;
	if (p < n + 2 || x->t[p - 1] != ' ' || x->t[p - 2] != ',')
		return 0;
	p -= 2;
	return (memcmp(x->t + p - n, x->t + ws, n) == 0 &&
	    (p == n || !utf8_word_before(x->t, p - n))) ||
	    noun_opens_phrase(x, p, ws, we);
}

#define NOUN_REACH	2000	/* bytes back to a name holding "the
				   bank"'s noun */

/* Does an organisation named before mention i (within NOUN_REACH of
 * the noun [ws, we)) hold the noun ("bank") in its name? */
static int
held_further_back(const struct qctx *x, size_t i, size_t ws, size_t we)
{
	const struct entity *m;

	while (i-- > 0 && x->ents[i].start + NOUN_REACH >= ws) {
		m = &x->ents[i];
		if (m->type == ENT_ORG && !inside_quote(x, m->start) &&
		    name_word(x, m, ws, we))
			return 1;
	}
	nothing_back_to(x, ws > NOUN_REACH ? ws - NOUN_REACH : 0);
	return 0;
}

/* "an analyst at X", "a subsidiary of the Leeds-based X": does the
 * name at p follow a preposition (past "the" and a hyphened word)? */
static int
in_phrase(const struct qctx *x, size_t p)
{
	static const char *const preps[] = { "at", "of", "for", "from",
	    "with", "by", "to", "against", "like", "than", NULL };
	size_t k, b, a;

	for (k = 0; k < 3 && p > 0; k++, p = a) {
		b = skip_back(x, p);
		a = b > 0 ? utf8_word_back(x->t, b, b > 40 ? b - 40 : 0) : b;
		while (a > 1 && a < b && x->t[a - 1] == '-')
			a = utf8_word_back(x->t, a - 1, a > 41 ? a - 41 : 0);
		if (a >= b || b != p - 1)
			return 0;
		if (word_among(x, a, b, preps))
			return 1;
		if (!word_is(x, a, b, "the") && memchr(x->t + a, '-',
		    b - a) == NULL)
			return 0;
	}
	return 0;
}

/*
 * "the company" after an organisation named inside a phrase ("an
 * analyst at JPMorgan", "X, a subsidiary of Y, said"): the one whose
 * sentence it is, an organisation opening that sentence, or, if the
 * phrase describes a person named before it, one named further back
 * (within COUNT_REACH), not inside such a phrase, that the text names
 * more often there; else
 * mention i itself (wt-speakers7).  Work per quote.
 */
static size_t
org_over_phrase(const struct qctx *x, size_t i)
{
	size_t j = i, from = sentence_start(x, x->ents[i].start), n, to;
	int person = 0;

	while (j-- > 0 && x->ents[j].start >= from) {
		if (x->ents[j].type == ENT_ORG && subject_at(x, j))
			return j;
		person |= x->ents[j].type == ENT_PERSON;
	}
	/* (not "Analysts at Nomura said in a note": theirs) */
	if (!person)
		return i;
	to = x->ents[i].end;
	from = to > COUNT_REACH ? to - COUNT_REACH : 0;
	n = mentions_of(x, i, from, to);
	for (j = i; j-- > 0 && x->ents[j].start >= from;) {
		const struct entity *m = &x->ents[j];

		if (m->type == ENT_ORG && !inside_quote(x, m->start) &&
		    !in_phrase(x, m->start) && mentions_of(x, j, from, to) > n)
			return j;
	}
	return i;
}

/* Nouns any organisation may be called ("the company"), and nouns that
 * head the names of the ones they stand for ("the ministry"). */
static const char *const org_any[] = { "company", "firm", "group",
    "carmaker", "chipmaker", "lender", "insurer", "airline", "bank",
    "retailer", "operator", "newspaper", "broadcaster", "statement",
    "note", "submission", "utility", "watchdog", "organisation", "organization",
    "charity", "forecaster", "manufacturer", "carrier",
    /* wt-know: gathered by kind, not from errors */
    "startup", "start-up", "conglomerate", "nonprofit", "non-profit",
    "NGO", "body", "drugmaker", "automaker", "steelmaker", "planemaker",
    "shipbuilder", "brewer", "chain", "supermarket", "brokerage",
    "consultancy", "exporter", "importer", "supplier", "distributor",
    "railway", "railroad", "label", "outlet", "magazine", "tabloid",
    "publication", "website", "platform", "employer", "think-tank",
    "thinktank", "lobby", NULL };
static const char *const org_heads[] = { "ministry", "department",
    "council", "court", "commission", "committee", "agency",
    "authority", "union", "university", "police", "government",
    "tribunal", "office", "service", "bureau", "directorate",
    "association", "federation", "institute", "foundation",
    "exchange", "regulator", "observatory", "academy", "alliance",
    "party", "club", "coalition", "cooperative", "co-op", "trust",
    "embassy", "consulate",
    /* wt-know: gathered by domain, not from errors */
    "league", "society", "syndicate", "guild", "collective", "network",
    "consortium", "partnership", "movement", "campaign", "initiative",
    "fellowship", "confederation", "parliament", "senate", "assembly",
    "congress", "cabinet", "administration", "secretariat",
    "inspectorate", "board", "fund", "chamber", "mission", "delegation",
    "army", "navy", "constabulary", "coastguard", "brigade", "corps",
    "regiment", "hospital", "clinic", "infirmary", "hospice", "centre",
    "center", "school", "college", "polytechnic", "seminary",
    "institution", "church", "diocese", "archdiocese", "synod",
    "orchestra", "choir", "ensemble", "band", "theatre", "theater",
    "opera", "ballet", "museum", "gallery", "library", "archive",
    "studio", "studios", NULL };

/*
 * "the university" and "Edinburgh University Students' Association":
 * does the noun [ws, we) head mention m's name, no noun of org_heads
 * after it there ("University" of the association only modifies it)?
 */
static int
heads_name(const struct qctx *x, const struct entity *m, size_t ws,
    size_t we)
{
	size_t p = name_word_end(x, m, ws, we), s, e, k;

	if (p == 0)
		return 0;
	for (; scan_word(x, p, m->end, &s, &e) && e <= m->end; p = e) {
		for (k = 0; org_heads[k] != NULL; k++) {
			if (strlen(org_heads[k]) == e - s &&
			    strncasecmp(org_heads[k], x->t + s, e - s) == 0)
				return 0;
		}
	}
	return 1;
}

/* Is [ws, we) a noun for a kind of organisation ("company", "ministry")? */
static int
org_kind_noun(const struct qctx *x, size_t ws, size_t we)
{
	return word_among(x, ws, we, org_any) ||
	    word_among(x, ws, we, org_heads);
}

/*
 * "the ministry", "the company": the organisation the text named last
 * that such a noun stands for (a ministry for "ministry", any for
 * "company", "firm" or "statement": "the statement said"; for "the
 * agency", "the authority" or "the regulator" whose name does not say
 * so, the one named just before).  Sets [*s, *e) and returns 1 if there
 * is one.
 */
static int
org_noun(const struct qctx *x, size_t ws, size_t we, size_t *s, size_t *e)
{
	const char *const *any = org_any, *const *heads = org_heads;
	static const char *const loose[] = { "agency", "authority",
	    "regulator", NULL };
	size_t i = ent_from(x, ws), k, n = we - ws, near = SIZE_MAX;
	size_t ms = 0, me = 0, first = SIZE_MAX;
	const struct entity *c;
	int generic = 0, h = -1, demonym;

	if (doc_author(x, ws, we, s, e))
		return 1;
	/* "the central bank": a modifier the name may hold */
	me = skip_back(x, ws);
	ms = utf8_word_back(x->t, me, me > 24 ? me - 24 : 0);
	/* "the Norwegian company": the nearest, though named in a phrase
	 * ("X is owned by Y AS of Bergen", wt-h14read) */
	demonym = ms < me && x->t[ms] >= 'A' && x->t[ms] <= 'Z' &&
	    word_in(x, ms, me, RL_NATIONALITY);
	if (ms >= me || !(x->t[ms] >= 'a' && x->t[ms] <= 'z') ||
	    word_is(x, ms, me, "the"))
		ms = me = 0;

	for (k = 0; any[k] != NULL; k++)
		generic |= strlen(any[k]) == n && memcmp(any[k], x->t + ws, n) == 0;
	for (k = 0; heads[k] != NULL && !generic; k++) {
		if (strlen(heads[k]) == n && memcmp(heads[k], x->t + ws, n) == 0)
			h = (int)k;
	}
	if (!generic && h < 0)
		return 0;
	while (i-- > 0 && x->ents[i].start >= reach_start(ws)) {
		const struct entity *m = &x->ents[i];

		if (m->type != ENT_ORG || inside_quote(x, m->start))
			continue;
		/* "posted on Instagram": where it was said, not who */
		if (generic && m->start >= 3 && (memcmp(x->t + m->start - 3,
		    "on ", 3) == 0 || (m->start >= 4 &&
		    memcmp(x->t + m->start - 4, "via ", 4) == 0)))
			continue;
		/* "the bank" after "the Monetary Policy Committee" of a
		 * named Reserve Bank: a name that holds the noun first */
		c = x->canon != NULL && x->canon[i] < x->nnamed ?
		    &x->ents[x->canon[i]] : m;
		if (generic && me == 0 && !name_word(x, m, ws, we) &&
		    !name_word(x, c, ws, we) && held_further_back(x, i, ws, we)) {
			if (first == SIZE_MAX)
				first = i;
			continue;
		}
		if (generic && (me == 0 || name_word(x, m, ms, me))) {
			if (me == 0 && !demonym && in_phrase(x, m->start))
				i = org_over_phrase(x, i);
			*s = x->ents[i].start;
			*e = x->ents[i].end;
			return 1;
		}
		if (generic) {
			if (first == SIZE_MAX)
				first = i;
			continue;
		}
		if (near == SIZE_MAX && m->start + ORG_REACH >= ws &&
		    word_among(x, ws, we, loose))
			near = i;
		/* the noun as a word of the name or of its fullest form
		 * ("NiMet" for the Nigerian Meteorological Agency) */
		if (heads_name(x, m, ws, we) || heads_name(x, c, ws, we) ||
		    noun_apposed(x, m, ws, we)) {
			*s = m->start;
			*e = m->end;
			return 1;
		}
	}
	/* (a window may not see a name that says so before it) */
	nothing_back_to(x, reach_start(ws));
	/* no name holds the modifier: the nearest */
	if (first != SIZE_MAX) {
		*s = x->ents[first].start;
		*e = x->ents[first].end;
		return 1;
	}
	/* "The KNVB said ... The federation added": the organisation the
	 * sentences just before are about */
	if (near == SIZE_MAX)
		return org_antecedent(x, ws, s, e);
	*s = x->ents[near].start;
	*e = x->ents[near].end;
	return 1;
}

/* "her son", "his widow": a relative, named as a title is ("a son,
 * Piotr Brennan"). */
static int
kin_noun(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const kin[] = { "son", "daughter", "wife",
	    "husband", "mother", "father", "brother", "sister", "widow",
	    "widower", "grandson", "granddaughter", "niece", "nephew",
	    "cousin", NULL };

	return word_among(x, ws, we, kin);
}

/* The word before p that narrows a title ("deputy mayor", "former
 * coach"): [*ms, *me), or 0. */
static int
title_modifier(const struct qctx *x, size_t p, size_t *ms, size_t *me)
{
	static const char *const mods[] = { "deputy", "vice", "assistant",
	    "associate", "acting", "former", "interim", "co", "chief", NULL };
	size_t b = p, a, k;

	while (b > 0 && (x->t[b - 1] == ' ' || x->t[b - 1] == '\n' ||
	    x->t[b - 1] == '-'))
		b--;
	a = utf8_word_back(x->t, b, b > 24 ? b - 24 : 0);
	for (k = 0; mods[k] != NULL && a < b; k++) {
		if (b - a == strlen(mods[k]) &&
		    strncasecmp(x->t + a, mods[k], b - a) == 0) {
			*ms = a;
			*me = b;
			return 1;
		}
	}
	return 0;
}

/* Is the title at p narrowed as the one at ws is ("the mayor" is not
 * "the deputy mayor"; "the Chief Justice" is not "Justice X", though
 * "the inspector" may be "Chief Inspector X")? */
static int
same_modifier(const struct qctx *x, size_t p, size_t ws)
{
	size_t as = 0, ae = 0, bs = 0, be = 0;
	int a = title_modifier(x, p, &as, &ae), b = title_modifier(x, ws,
	    &bs, &be);

	if (a && !b && ae - as == 5 && strncasecmp(x->t + as, "chief", 5) == 0)
		return 1;
	return a == b && (!a || (ae - as == be - bs &&
	    strncasecmp(x->t + as, x->t + bs, ae - as) == 0));
}

/* Is w written at p, a whole word, before lim? */
static int
word_written(const struct qctx *x, size_t p, size_t lim, const char *w)
{
	size_t n = strlen(w);

	return p + n <= lim && memcmp(x->t + p, w, n) == 0 &&
	    !utf8_word_at(x->t, x->len, p + n);
}

/* Is a person named in [a, b) (whose title is not another's)? */
static int
person_between(const struct qctx *x, size_t a, size_t b)
{
	size_t i;

	for (i = ent_from(x, a); i < x->nents && x->ents[i].start < b; i++)
		if (x->ents[i].type == ENT_PERSON)
			return 1;
	return 0;
}

/* A sentence ends in [a, b) ("X told friends. A judge found ...": the
 * judge is not X; wt-h8read)? */
static int
stop_between(const struct qctx *x, size_t a, size_t b)
{
	for (; a < b; a++)
		if (stop_before(x, a))
			return 1;
	return 0;
}

/* Is the title [ws, we) (or its alias al) written within a few words
 * before or after mention m, and not the attribution's own word (the
 * mention before it, or after it: fwd)? */
static int
titled(const struct qctx *x, const struct entity *m, size_t ws, size_t we,
    const char *al, int fwd)
{
	size_t n = we - ws, a, b, p;

	a = m->start > 48 ? m->start - 48 : 0;
	b = m->end + 48 < x->len ? m->end + 48 : x->len;
	if (!fwd && b > ws)
		b = ws;
	if (fwd && a < we)
		a = we;
	for (p = a; p + n <= b; p++) {
		if ((p >= m->start && p < m->end) ||
		    (p > 0 && utf8_word_before(x->t, p)))
			continue;
		if (((strncasecmp(x->t + p, x->t + ws, n) == 0 &&
		    !utf8_word_at(x->t, x->len, p + n) &&
		    same_modifier(x, p, ws)) ||
		    (al != NULL && word_written(x, p, b, al))) &&
		    !person_between(x, p < m->start ? p : m->end,
		    p < m->start ? m->start : p) &&
		    /* a headline's "governor" is no byline's title */
		    !para_break(x->t, p < m->start ? p : m->end,
		    p < m->start ? m->start : p) &&
		    !(p > m->end && stop_between(x, m->end, p)))
			return 1;
	}
	return 0;
}

/* "her son, Radu", "Radu, her son": is the kin word [ws, we) written
 * right before or after mention m (a relative is named closely)? */
static int
kin_of(const struct qctx *x, const struct entity *m, size_t ws, size_t we)
{
	static const char *const poss[] = { ", her ", ", his ", ", their ",
	    NULL };
	size_t n = we - ws, b = m->start, k;

	while (b > 0 && m->start - b < 3 && (x->t[b - 1] == ' ' ||
	    x->t[b - 1] == ','))
		b--;
	if (b >= n && b < m->start && strncasecmp(x->t + b - n, x->t + ws,
	    n) == 0 && (b == n || !utf8_word_before(x->t, b - n)))
		return 1;
	for (k = 0; poss[k] != NULL; k++) {
		size_t l = strlen(poss[k]), p = m->end + l;

		if (p + n <= x->len && memcmp(x->t + m->end, poss[k], l) == 0 &&
		    memcmp(x->t + p, x->t + ws, n) == 0 &&
		    !utf8_word_at(x->t, x->len, p + n))
			return 1;
	}
	return 0;
}

/* Roles said of people a text seldom names ("a spokesman said"). */
static const char *const unnamed_roles[] = { "spokesman", "spokeswoman",
    "spokesperson", "official", "source", "analyst", NULL };

/* The same title written another way before a name ("Justice" for a
 * judge), or NULL. */
static const char *
title_alias(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const alias[][2] = { { "judge", "Justice" },
	    { "alderman", "Ald." }, { "alderwoman", "Ald." },
	    { "senator", "Sen." }, { "governor", "Gov." },
	    { "representative", "Rep." }, { "professor", "Prof." },
	    { "doctor", "Dr." }, { "general", "Gen." },
	    { "CEO", "chief executive" } };
	size_t k;

	for (k = 0; k < sizeof alias / sizeof alias[0]; k++) {
		if (word_is(x, ws, we, alias[k][0]))
			return alias[k][1];
	}
	return NULL;
}

#define TITLE_AHEAD	400	/* bytes after "the governor said" where
				   the governor may be named */
#define KIN_AHEAD	1200	/* after "the victim's mother said": her
				   name comes closely after "mother, " */
#define A_TITLE_AHEAD	3000	/* after a lede's "a judge said": where
				   the article names the judge */

/* '"...," the governor said. Governor Farida Rahimi, who ...': the
 * person the text gives the title [ws, we) (alias al) next, outside
 * quotes, within ahead bytes (0: in its own paragraph or the next). */
static int
title_after(const struct qctx *x, size_t ws, size_t we, const char *al,
    size_t ahead, size_t *s, size_t *e)
{
	size_t i = ent_from(x, we), lim = we + (ahead > 0 ? ahead :
	    kin_noun(x, ws, we) ? KIN_AHEAD : TITLE_AHEAD);

	near_end(x, lim);
	for (; i < x->nents && x->ents[i].start < lim; i++) {
		const struct entity *m = &x->ents[i];

		if (m->type != ENT_PERSON || inside_quote(x, m->start))
			continue;
		if (kin_noun(x, ws, we) ? kin_of(x, m, ws, we) :
		    titled(x, m, ws, we, al, 1)) {
			*s = m->start;
			*e = m->end;
			return 1;
		}
	}
	return 0;
}

#define ROLE_NOUN_REACH	2000	/* bytes back to the name a role no
				   list holds was written next to */

/* "grandmother", "stepfather": a relative, not a role (wt-h8read) */
static int
kin_ending(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const kin[] = { "mother", "father", "brother",
	    "sister", "daughter", NULL };
	size_t k, n;

	for (k = 0; kin[k] != NULL; k++) {
		n = strlen(kin[k]);
		if (we - ws >= n && memcmp(x->t + we - n, kin[k], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * "the minister", "the coach", "her son": the person the text gave that
 * title last ("Health Minister Jonas Berg", "Birgit Sand, the coach,",
 * "a son, Piotr Brennan"), not a spokesman or an official it never
 * named, nor a "deputy mayor" for "the mayor".  Sets [*s, *e), returns 1.
 */
static int
title_noun(const struct qctx *x, size_t ws, size_t we, size_t *s, size_t *e)
{
	return title_noun_within(x, ws, we, TITLE_REACH, s, e);
}

/* title_noun, looking back at most reach bytes for the name. */
static int
title_noun_within(const struct qctx *x, size_t ws, size_t we, size_t reach,
    size_t *s, size_t *e)
{
	size_t i = ent_from(x, ws);
	const char *al;
	long c;

	/* (also a role no list holds, "the producer", written next to
	 * the name, looked for within ROLE_NOUN_REACH only: a window
	 * re-read for every "the driver said" costs; wt-h8read) */
	if (word_among(x, ws, we, unnamed_roles))
		return 0;
	if (!word_in(x, ws, we, RL_TITLE) && !kin_noun(x, ws, we)) {
		if (!(x->t[ws] >= 'a' && x->t[ws] <= 'z' &&
		    role_word(x, ws, we) && !kin_ending(x, ws, we)))
			return 0;
		if (reach > ROLE_NOUN_REACH)
			reach = ROLE_NOUN_REACH;
	}
	al = title_alias(x, ws, we);
	while (i-- > 0 && ws - x->ents[i].start <= reach) {
		const struct entity *m = &x->ents[i];

		if (m->type != ENT_PERSON || inside_quote(x, m->start))
			continue;
		/* by this name, or by the fullest ("Ald. Bogdan Marchetti"
		 * ... "Marchetti said" ... "the alderman said") */
		c = x->canon != NULL && x->canon[i] < x->nnamed &&
		    x->canon[i] != i ? (long)x->canon[i] : -1;
		if (kin_noun(x, ws, we) ? kin_of(x, m, ws, we) :
		    titled(x, m, ws, we, al, 0) || (c >= 0 &&
		    x->ents[c].end <= ws && titled(x, &x->ents[c], ws, we, al,
		    0))) {
			*s = m->start;
			*e = m->end;
			return 1;
		}
	}
	nothing_back_to(x, ws > reach ? ws - reach : 0);
	return title_after(x, ws, we, al, 0, s, e);
}

/*
 * "... after a judge said he had treated the fund "…"": "a" or "an" and
 * a title right before the verb at vs (clause from ls) stand for the
 * one the article titles so later ("Judge Nirmala X"), within
 * A_TITLE_AHEAD: 1; for no one named if it names no one so: -1; 0 for
 * another shape.  Per quote (wt-h9read: the lede's judge went to the
 * next paragraph's subject).
 */
static int
a_title_before(const struct qctx *x, size_t ls, size_t vs, size_t *s,
    size_t *e)
{
	size_t p, ws, we, a = 0, b = 0, c = 0, d = 0;

	for (p = ls; scan_word(x, p, vs, &ws, &we) && we <= vs; p = we) {
		a = c;
		b = d;
		c = ws;
		d = we;
	}
	if (b == 0 || skip_blanks(x, d) != vs || skip_blanks(x, b) != c ||
	    (!word_is(x, a, b, "a") && !word_is(x, a, b, "an")) ||
	    !word_in(x, c, d, RL_TITLE) || word_among(x, c, d, unnamed_roles))
		return 0;
	return title_after(x, c, d, title_alias(x, c, d), A_TITLE_AHEAD, s,
	    e) ? 1 : -1;
}

/* "dad-of-two", "mother-of-three", "grandfather-of-12": a word ending
 * in "-of-" and a number, a parent described by the children. */
static int
parent_of_count(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const counts[] = { "two", "three", "four",
	    "five", "six", "seven", "eight", "nine", "ten", "eleven",
	    "twelve", NULL };
	const char *const *c;
	size_t p, n;

	for (p = we; p > ws + 4 && x->t[p - 1] != '-'; p--)
		;
	if (p <= ws + 4 || memcmp(x->t + p - 4, "-of-", 4) != 0)
		return 0;
	if (x->t[p] >= '1' && x->t[p] <= '9')
		return 1;
	for (c = counts; *c != NULL; c++) {
		n = strlen(*c);
		if (n == we - p && memcmp(x->t + p, *c, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * "the 34-year-old", "the Spaniard", "the veteran", "the dad-of-two": a
 * person the text describes rather than names, the one a pronoun of
 * either sex would stand for.  Sets [*s, *e), returns 1.
 */
static int
descriptor_noun(const struct qctx *x, size_t ws, size_t we, size_t *s,
    size_t *e)
{
	static const char yo[] = "-year-old";
	size_t n = sizeof yo - 1;

	if (!word_among(x, ws, we, person_nouns) && !word_in(x, ws, we,
	    RL_NATIONALITY) && !(we - ws > n && memcmp(x->t + we - n, yo,
	    n) == 0) && !parent_of_count(x, ws, we))
		return 0;
	return antecedent(x, ws, 0, s, e);
}

/* "the ministry", "the minister", "the veteran": who such a noun
 * stands for. */
static int
noun_speaker(const struct qctx *x, size_t ws, size_t we, size_t *s,
    size_t *e)
{
	return org_noun(x, ws, we, s, e) || title_noun(x, ws, we, s, e) ||
	    descriptor_noun(x, ws, we, s, e);
}

/* "shot back", "went on", "was quoted as saying": a speech verb in
 * more words than one. */
static int
phrase_verb(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const v[][2] = { { "shot", " back" },
	    { "fired", " back" }, { "hit", " back" }, { "snapped", " back" },
	    { "went", " on" }, { "goes", " on" }, { "chimed", " in" },
	    { "quoted", " as saying" } };
	size_t k, n;

	for (k = 0; k < sizeof v / sizeof v[0]; k++) {
		if (!word_is(x, ws, we, v[k][0]))
			continue;	/* (most words: no strlen) */
		n = strlen(v[k][1]);
		if (we + n <= x->len && memcmp(x->t + we, v[k][1], n) == 0 &&
		    !utf8_word_at(x->t, x->len, we + n))
			return 1;
	}
	return 0;
}

/* A speech verb at [ws, we)? */
static int
verb_at(const struct qctx *x, size_t ws, size_t we)
{
	/* (not "thanks to the rain") */
	if (word_is(x, ws, we, "thanks") && we + 3 < x->len &&
	    memcmp(x->t + we, " to", 3) == 0 && !utf8_word_at(x->t, x->len,
	    we + 3))
		return 0;
	return word_in(x, ws, we, RL_VERB) || phrase_verb(x, ws, we);
}

/* A speech verb at p, maybe after an adverb ("Verbruggen told",
 * "Lund later said"), but not after a noun ("KBA spokesman said")? */
static int
verb_follows(const struct qctx *x, size_t p, size_t lim)
{
	static const char *const adv[] = { "also", "later", "then", "again",
	    "once", "twice", "previously", "earlier", "recently", "has",
	    "had", "have", NULL };
	size_t ws, we, n;

	for (n = 0; n < 3 && next_word(x, p, lim, &ws, &we); n++) {
		if (verb_at(x, ws, we))
			return 1;
		if (!word_among(x, ws, we, adv) && !(we - ws > 3 &&
		    memcmp(x->t + we - 2, "ly", 2) == 0))
			return 0;
		p = we;
	}
	return 0;
}

/* A word that joins clauses or phrases ("while", "at"), never part of
 * a title before a name. */
static int
joining_word(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const joins[] = { "while", "and", "but", "as",
	    "when", "after", "before", "because", "although", "whereas",
	    "then", "so", "or", "nor", "at", "in", "of", "for", "with", "by",
	    "to", "from", "on", "whom", "who", "which", "that", "where",
	    NULL };

	return word_among(x, ws, we, joins);
}

/*
 * ", the company said": a lower-case subject, then the verb; or lower-
 * case titles before a name (", union leader Ilse Verbruggen told").
 */
static int
unnamed_subject(const struct qctx *x, size_t p, size_t lim, size_t *s,
    size_t *e)
{
	size_t ws, we, n, ns = 0, ne = 0, most = 5;
	int titles = 1;		/* only title-like words so far */
	int joins = 0;		/* a word joining clauses so far */
	int one = 0;		/* "a spokeswoman for the company said" */

	for (n = 0; n < most && next_word(x, p, lim, &ws, &we); n++) {
		if (n == 0 && !(x->t[ws] >= 'a' && x->t[ws] <= 'z'))
			return 0;
		/* a person not named, however long the noun phrase: "a
		 * spokeswoman for the company" is no one, not the company */
		if (n == 0 && (word_is(x, ws, we, "a") ||
		    word_is(x, ws, we, "an")))
			most = 9;
		if (most == 9 && word_in(x, ws, we, RL_TITLE))
			one = 1;
		if (one && n > 1 && verb_at(x, ws, we))
			return -1;
		if (n > 0 && titles && !(x->t[ws] >= 'a' && x->t[ws] <= 'z') &&
		    name_at(x, ws, we, lim, s, e) && *s >= ws &&
		    verb_follows(x, *e, lim))
			return 1;
		joins |= joining_word(x, ws, we);
		titles &= x->t[ws] >= 'a' && x->t[ws] <= 'z' && !joins;
		if (n > 0 && verb_at(x, ws, we)) {
			/* ", the ministry said": the ministry named before */
			if (ne > 0 && noun_speaker(x, ns, ne, s, e))
				return 1;
			/* '"..." and called it': no subject of its own */
			return joins ? 0 : -1;
		}
		ns = ws;
		ne = we;
		p = we;
	}
	return 0;
}

/* The last character inside the quote's marks, or 0 (unbalanced). */
static char
last_inside(const struct qctx *x, const struct quote *q)
{
	size_t p = q->end;

	while (p > q->start && ((unsigned char)x->t[p - 1] >= 0x80 ||
	    x->t[p - 1] == '"'))
		p--;
	return p > q->start && !(q->flags & QUOTE_UNBALANCED) ?
	    x->t[p - 1] : 0;
}

/* Does the quote end with a full stop inside its marks ("Done.")? */
static int
ends_sentence(const struct qctx *x, const struct quote *q)
{
	return last_inside(x, q) == '.';
}

/* Does the quote end with "?" or "!" inside its marks ("What is the
 * point?")? */
static int
asks_or_exclaims(const struct qctx *x, const struct quote *q)
{
	char c = last_inside(x, q);

	return c == '?' || c == '!';
}

/* Back over blanks from p. */
static size_t
skip_back(const struct qctx *x, size_t p)
{
	while (p > 0 && (x->t[p - 1] == ' ' || x->t[p - 1] == '\t' ||
	    x->t[p - 1] == '\n' || x->t[p - 1] == '\r'))
		p--;
	return p;
}

static size_t
skip_blanks(const struct qctx *x, size_t p)
{
	while (p < x->len && (x->t[p] == ' ' || x->t[p] == '\t' ||
	    x->t[p] == '\n' || x->t[p] == '\r'))
		p++;
	return p;
}

/* The bytes of a dash at p: an em or en dash, "--", or "-" before a
 * space ("NAIROBI (Reuters) - A ..."); 0 if none. */
static size_t
dash_len(const struct qctx *x, size_t p)
{
	if (p + 3 <= x->len && (memcmp(x->t + p, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(x->t + p, "\xe2\x80\x93", 3) == 0))
		return 3;
	if (p + 2 <= x->len && x->t[p] == '-' && x->t[p + 1] == '-')
		return 2;
	return p + 1 < x->len && x->t[p] == '-' && x->t[p + 1] == ' ';
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
	uses(x, qi + 1);
	uses(x, qi + 2);
	if (p < x->len && x->t[p] == ')')
		p = skip_blanks(x, p + 1);
	if (p < x->len && x->t[p] == '(' && *nx < x->nq &&
	    skip_blanks(x, p + 1) == x->q[*nx].start) {
		p = skip_blanks(x, x->q[*nx].end);
		(*nx)++;
		if (p < x->len && x->t[p] == ')')
			p = skip_blanks(x, p + 1);
	}
	if (dash_len(x, p) > 1)
		p += dash_len(x, p);
	return p > x->q[qi].end ? p : x->q[qi].end;
}

/* A word that opens a clause, never one of a title's words. */
static int
clause_word(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const w[] = { "and", "but", "that", "while",
	    "because", "although", "whereas", "which", "who", "whom",
	    "where", "when", "if", NULL };

	return word_among(x, ws, we, w);
}

/*
 * "said the group's forest officer, Nikos Stamatiou", "a spokeswoman
 * for the International Cocoa Organization, Ingrid Haugland,": lower-
 * case words (a title, maybe holding the name of an organisation or a
 * place), a comma, then a person (maybe after a title: "Major").
 */
static int
named_after_title(const struct qctx *x, size_t p, size_t lim, size_t *s,
    size_t *e)
{
	const char *c = memchr(x->t + p, ',', lim - p);
	size_t i, q, ws, we;

	if (c == NULL || (size_t)(c - x->t) - p > 80)
		return 0;
	for (q = p; q < (size_t)(c - x->t); q++) {
		unsigned char b = (unsigned char)x->t[q];

		/* a title, not a clause ("and that the referee, X, had") */
		if ((q == 0 || !utf8_word_before(x->t, q)) &&
		    next_word(x, q, (size_t)(c - x->t), &ws, &we) && ws == q &&
		    clause_word(x, ws, we))
			return 0;
		if (!(b >= 'A' && b <= 'Z'))
			continue;
		i = ent_from(x, q);
		if (i >= x->nents || x->ents[i].start != q ||
		    (x->ents[i].type != ENT_ORG && x->ents[i].type != ENT_PLACE))
			return 0;
		q = x->ents[i].end - 1;
	}
	q = skip_blanks(x, (size_t)(c - x->t) + 1);
	if (!next_word(x, q, lim, &ws, &we) || ws != q ||
	    !(x->t[q] >= 'A' && x->t[q] <= 'Z') ||
	    !name_at(x, ws, we, lim, s, e) || *s < q || !person_at(x, *s))
		return 0;
	i = ent_from(x, *s);
	return i < x->nents && x->ents[i].start == *s;
}

/* "said the ministry", "the central bank said": the one named before
 * (a noun after at most two words that describe it). */
static int
the_org_noun(const struct qctx *x, size_t ws, size_t we, size_t lim,
    size_t *s, size_t *e)
{
	int n;

	/* "its governor": a title an organisation gives, as "the" */
	if (!word_is(x, ws, we, "the") && !word_is(x, ws, we, "The") &&
	    !word_is(x, ws, we, "its") && !word_is(x, ws, we, "Its"))
		return 0;
	for (n = 0; n < 3 && next_word(x, we, lim, &ws, &we); n++) {
		if (noun_speaker(x, ws, we, s, e))
			return 1;
		if (verb_at(x, ws, we) || joining_word(x, ws, we))
			break;
	}
	return 0;
}

/*
 * "X finished with 31 points, and the Serbian opposite said that ...":
 * the three words w before the verb (start, end each): "the", a
 * nationality and a lower-case noun that names no kind
 * of organisation (not "the Japanese company said"), before the verb:
 * the person the text describes (heldout10's hs02: no one, the
 * capitalised word hid the noun phrase).  Sets [*s, *e), returns 1.
 */
static int
the_demonym_noun(const struct qctx *x, size_t ls, const size_t w[6],
    size_t *s, size_t *e)
{
	size_t f = w[0], a = w[2], b = w[3], c = w[4], d = w[5];

	if (!word_is(x, f, w[1], "the") || !(x->t[c] >= 'a' &&
	    x->t[c] <= 'z') || !word_in(x, a, b, RL_NATIONALITY) ||
	    after_preposition(x, ls, f) || org_kind_noun(x, c, d))
		return 0;
	return antecedent(x, a, 0, s, e);
}

/* "..., the company said": "the" and a noun right before the verb at
 * vs (clause from ls) stand for the one named before; not a noun after
 * a preposition ("A banner held up by the group read:": the group is
 * no subject; wt-h9read). */
static int
the_noun_before(const struct qctx *x, size_t ls, size_t vs, size_t *s,
    size_t *e)
{
	size_t p, ws, we, a = 0, b = 0, c = 0, d = 0, f = 0, g = 0, ns, ne, t;

	for (p = ls; scan_word(x, p, vs, &ws, &we) && we <= vs; p = we) {
		f = a;
		g = b;
		a = c;
		b = d;
		c = ws;
		d = we;
	}
	/* "the company said", "the central bank said" */
	if (b == 0 || skip_blanks(x, d) != vs)
		return 0;
	t = f;
	if (g == 0 || x->t[a] < 'a' || x->t[a] > 'z' ||
	    (!word_is(x, f, g, "the") && !word_is(x, f, g, "The") &&
	    !word_is(x, f, g, "its") && !word_is(x, f, g, "Its")))
		t = a;	/* (where "the" is) */
	/* not the object of a preposition ("A spokesperson for the
	 * minister said": one not named) */
	if ((the_org_noun(x, a, b, vs, &ns, &ne) || (t < a &&
	    the_org_noun(x, t, g, vs, &ns, &ne))) &&
	    !after_preposition(x, ls, t)) {
		*s = ns;
		*e = ne;
		return 1;
	}
	/* "the Serbian opposite said" */
	return g > 0 && the_demonym_noun(x, ls, (const size_t[6]){ f, g, a,
	    b, c, d }, s, e);
}

/* "Her husband used to say:", "His daughter would later write": a
 * relative named by kinship, then at most three words ("used to",
 * "would later") before the verb at vs (clause from ls): the relative
 * the text named.  Sets [*s, *e), returns 1. */
/* Does the word [ws, we) end a possessive ("victim's": its "s";
 * "victims'")? */
static int
genitive(const struct qctx *x, size_t ws, size_t we)
{
	size_t a = ws;

	if (we - ws == 1 && x->t[ws] == 's') {
		if (a > 0 && x->t[a - 1] == '\'')
			return 1;
		return a >= 3 && memcmp(x->t + a - 3, "\xe2\x80\x99", 3) == 0;
	}
	return x->t[we - 1] == 's' && we < x->len && (x->t[we] == '\'' ||
	    (we + 3 <= x->len && memcmp(x->t + we, "\xe2\x80\x99", 3) == 0));
}

static int
kin_before(const struct qctx *x, size_t ls, size_t vs, size_t *s, size_t *e)
{
	static const char *const poss[] = { "her", "his", "Her", "His",
	    "their", "Their", NULL };
	static const char *const aux[] = { "used", "to", "would", "once",
	    "later", "has", "had", "always", "often", "also", "then",
	    "still", NULL };
	size_t p, ws, we, ks = 0, ke = 0;
	int n = 0, last = 0;

	for (p = ls; scan_word(x, p, vs, &ws, &we) && we <= vs; p = we) {
		if (last && kin_noun(x, ws, we)) {
			ks = ws;
			ke = we;
			n = 0;
		} else if (ke > 0 && word_among(x, ws, we, aux))
			n++;
		else
			ks = ke = 0;
		last = word_among(x, ws, we, poss) || genitive(x, ws, we);
	}
	return ke > 0 && n <= 3 && title_noun(x, ks, ke, s, e);
}

/* "Says", "Warns": a speech verb in a headline's Title Case. */
static int
title_verb(const struct qctx *x, size_t ws, size_t we)
{
	char buf[32];

	if (we <= ws || we - ws >= sizeof buf || x->t[ws] < 'A' ||
	    x->t[ws] > 'Z')
		return 0;
	memcpy(buf, x->t + ws, we - ws);
	buf[0] = (char)(buf[0] - 'A' + 'a');
	return rules_in_list(x->r, RL_VERB, buf, we - ws);
}

/*
 * The name at [*s, *e) owns what follows ("Koroibete's mother, Litia
 * Koroibete", "Samoa's head coach, Lukas Brandtner"): the person named
 * after the comma, 1; someone not named ("Berg's spokeswoman"), -1;
 * else 0, the name is the speaker.
 */
static int
owned_by(const struct qctx *x, size_t at, size_t lim, size_t *s, size_t *e)
{
	size_t p = *e;

	/* (written here: not a pronoun's antecedent) */
	if (*s < at || *e > lim || !possessor(x, *e, lim))
		return 0;
	p += x->t[p] == '\'' ? 1 : 3;
	if (p < lim && x->t[p] == 's')
		p++;
	return named_after_title(x, p, lim, s, e) ? 1 : -1;
}

/* "says commuter Pavel Dvořák": up to three lower-case words (not
 * "and", "at"), then a person. */
static int
name_after_titles(const struct qctx *x, size_t p, size_t lim, size_t *s,
    size_t *e)
{
	size_t ws, we, n;

	for (n = 0; n < 4 && next_word(x, p, lim, &ws, &we); n++) {
		if (!(x->t[ws] >= 'a' && x->t[ws] <= 'z'))
			return n > 0 && name_at(x, ws, we, lim, s, e) &&
			    *s >= ws && person_at(x, *s);
		/* "said the pianist Ji-ho Baek", not "told the court" */
		if (joining_word(x, ws, we) || (n > 0 &&
		    (word_is(x, ws, we, "the") || word_is(x, ws, we, "a"))))
			return 0;
		p = we;
	}
	return 0;
}

/* "analysts", "economists": who write a firm's research notes, the
 * firm speaking through them. */
static int
desk_noun(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const desk[] = { "analysts", "economists",
	    "strategists", "Analysts", "Economists", "Strategists", NULL };

	return word_among(x, ws, we, desk);
}

/* "The message from analysts at Deutsche Bank", "economists at ING
 * said", "A statement from Unilever said", "an editorial in the Star
 * called": the name at ns follows "at" after analysts, "from" or "by"
 * after a document, or "in" after a paper's own piece (from ls on). */
static int
org_voice(const struct qctx *x, size_t ls, size_t ns)
{
	static const char *const docs[] = { "statement", "letter", "note",
	    "filing", "announcement", "report", "memo", "message", "email",
	    "text", "Statement", "Letter", "Note", "Announcement", "Report",
	    "Memo", "Message", "Email", "Text", NULL };
	/* what a paper prints in its own voice: "A 1982 editorial in the
	 * Auckland Star called ..." */
	static const char *const press[] = { "editorial", "editorials",
	    "column", "leader", NULL };
	size_t b = skip_back(x, ns), a = utf8_word_back(x->t, b, ls);
	size_t c, d;
	int at, in;

	if (a < b && word_is(x, a, b, "the")) {
		b = skip_back(x, a);
		a = utf8_word_back(x->t, b, ls);
	}
	if (a >= b)
		return 0;
	at = word_is(x, a, b, "at");
	in = word_is(x, a, b, "in");
	if (!at && !in && !word_is(x, a, b, "from") && !word_is(x, a, b, "by"))
		return 0;
	d = skip_back(x, a);
	c = utf8_word_back(x->t, d, ls);
	return c < d && (at ? desk_noun(x, c, d) : word_among(x, c, d,
	    in ? press : docs));
}

/* "And from Levente, in Sopot: "…"", "From the mayor: "…"": a clause
 * (from ls) opening with "from", maybe after "and", right before the
 * name at ns: a listener's message read out, the one before's ellipsis
 * (taken before a colon only). */
static int
from_opening(const struct qctx *x, size_t ls, size_t ns)
{
	static const char *const from[] = { "from", "From", NULL };
	static const char *const and[] = { "and", "And", NULL };
	size_t ws, we;

	if (!next_word(x, ls, ns, &ws, &we))
		return 0;
	if (word_among(x, ws, we, and) && !next_word(x, we, ns, &ws, &we))
		return 0;
	return word_among(x, ws, we, from) && skip_blanks(x, we) == ns;
}

/* '"...," analysts at Nomura wrote': analysts at the organisation at
 * the word after [ws, we), then a speech verb (unless said: after one,
 * '"...," wrote analysts at Nomura').  Sets [*s, *e). */
static int
desk_speaker(const struct qctx *x, size_t ws, size_t we, size_t lim,
    int said, size_t *s, size_t *e)
{
	size_t a, b, i;

	if (!desk_noun(x, ws, we) || !next_word(x, we, lim, &a, &b) ||
	    !word_is(x, a, b, "at") || !next_word(x, b, lim, &a, &b) ||
	    (i = ent_from(x, a)) >= x->nents || x->ents[i].start != a ||
	    x->ents[i].type != ENT_ORG || x->ents[i].end > lim ||
	    (!said && !verb_follows(x, x->ents[i].end, lim)))
		return 0;
	*s = x->ents[i].start;
	*e = x->ents[i].end;
	return 1;
}

/* Shapes of the sentence after a quote (or of the rest of its own,
 * after a comma) that name its speaker: a key, the name, and maybe one
 * of some words after it.  '"..." That was how pensioner X described
 * the meeting.', "That one word was all Mayor X would say.", "Those
 * were X's words.", '"...," was all X would say.' */
struct next_shape {
	const char		*key;
	const char *const	*after;		/* one of these words after
						   the name; NULL: none */
	int			 owner;		/* right after the name's
						   's ("were X's words") */
};

static const char *const how_verbs[] = { "described", "describes", "put",
    "puts", "summed", "sums", "summarised", "summarized", "explained",
    "explains", "characterised", "characterized", "phrased", "recalled",
    "recalls", "remembered", "remembers", "recounted", "greeted", "saw",
    "sees", "reacted", "welcomed", NULL };
static const char *const all_verbs[] = { "say", "add", "offer", "tell",
    "reveal", "concede", "admit", "comment", "said", "says", NULL };

static const char *const who_verbs[] = { "said", "spoke", "shouted",
    "called", "added", "asked", "wrote", "put", NULL };

static const char *const what_verbs[] = { "called", "calls", "said",
    "says", "described", "describes", "told", "wrote", "writes", NULL };
static const char *const said_nouns[] = { "words", "answer", "verdict",
    "response", "reply", "reaction", "view", "assessment", "warning",
    "message", "comment", "explanation", "retort", NULL };

static const struct next_shape next_shapes[] = {
	{ "was how ", how_verbs, 0 }, { "is how ", how_verbs, 0 },
	{ "was all ", all_verbs, 0 }, { "is all ", all_verbs, 0 },
	{ "was what ", what_verbs, 0 }, { "is what ", what_verbs, 0 },
	{ "words were ", NULL, 0 }, { "comment, from ", NULL, 0 },
	{ "remark, from ", NULL, 0 }, { "comment from ", NULL, 0 },
	{ "remark from ", NULL, 0 }, { "spoken by ", NULL, 0 },
	{ "uttered by ", NULL, 0 }, { "It was ", who_verbs, 0 },
	{ "So says ", NULL, 0 }, { "the response of ", NULL, 0 },
	{ "the reaction of ", NULL, 0 }, { "the reply of ", NULL, 0 },
	{ "the answer of ", NULL, 0 }, { "were ", said_nouns, 1 },
	{ "was ", said_nouns, 1 }, { NULL, NULL, 0 }
};

/* The name at the word after p (after up to three lower-case titles:
 * "pensioner X"), then, if after is set, one of its words later in
 * [p, lim). */
static int
named_then(const struct qctx *x, size_t p, size_t lim,
    const struct next_shape *k, size_t *s, size_t *e)
{
	const char *const *after = k->after;
	size_t ws, we;

	if (!next_word(x, p, lim, &ws, &we))
		return 0;
	if (!(name_at(x, ws, we, lim, s, e) && *s >= ws) &&
	    !name_after_titles(x, p, lim, s, e))
		return 0;
	if (k->owner)
		return possessor(x, *e, lim) && next_word(x, *e + (x->t[*e] ==
		    '\'' ? 2 : 4), lim, &ws, &we) && word_among(x, ws, we,
		    after);
	for (p = *e; after != NULL && scan_word(x, p, lim, &ws, &we); p = we) {
		if (word_among(x, ws, we, after))
			return 1;
	}
	return after == NULL;
}

/* Does one of next_shapes start at p (up to b) and name a speaker? */
static int
shaped_at(const struct qctx *x, size_t p, size_t b, size_t *s, size_t *e)
{
	const struct next_shape *k;
	size_t n;

	for (k = next_shapes; k->key != NULL; k++) {
		n = strlen(k->key);
		if (p + n <= b && x->t[p] == k->key[0] &&
		    memcmp(x->t + p, k->key, n) == 0 &&
		    named_then(x, p + n, b, k, s, e))
			return 1;
	}
	return 0;
}

/* The sentence [a, b) after a quote names its speaker through one of
 * next_shapes. */
static int
next_shaped(const struct qctx *x, size_t a, size_t b, size_t *s, size_t *e)
{
	size_t p;

	for (p = a; p < b; p++) {
		if ((p == a || x->t[p - 1] == ' ') &&
		    strchr("wicrsutIS", x->t[p]) != NULL && x->t[p] != '\0' &&
		    shaped_at(x, p, b, s, e))
			return 1;
	}
	return 0;
}

/* Is the word ending at p "was", "were", "is" or "being"? */
static int
passive_be(const struct qctx *x, size_t p)
{
	static const char *const be[] = { "was", "were", "is", "being",
	    NULL };
	size_t a = utf8_word_back(x->t, p, p > 8 ? p - 8 : 0);

	return a < p && word_among(x, a, p, be);
}

/* After an appositive [a, c) closed by the comma at c: where the verb
 * may start, past a second appositive if the first was an age (", 63,
 * a retired nurse, said"). */
static size_t
role_after_age(const struct qctx *x, size_t a, size_t c, size_t lim)
{
	const char *d;
	size_t ws, we, p;

	while (a < c && x->t[a] == ' ')
		a++;
	for (p = a; p < c && x->t[p] >= '0' && x->t[p] <= '9'; p++)
		;
	if (p == a || p != c || (d = memchr(x->t + c + 1, ',',
	    lim - c - 1)) == NULL)
		return c + 1;
	/* a role of a few words, none a verb */
	for (p = c + 1; scan_word(x, p, (size_t)(d - x->t), &ws, &we);
	    p = we) {
		if (verb_at(x, ws, we) || p > c + 48)
			return c + 1;
	}
	return (size_t)(d - x->t) + 1;
}

/* Does quote q speak as one person ("I", "me", "my"; no "we", "our",
 * "us")? */
static int
singular_voice(const struct qctx *x, const struct quote *q)
{
	static const char *const one[] = { "I", "me", "my", "Me", "My",
	    "myself", "mine", "I'm", "I've", "I'd", "I'll", "I\u2019m",
	    "I\u2019ve", "I\u2019d", "I\u2019ll", NULL };
	static const char *const many[] = { "we", "We", "our", "Our", "us",
	    "ours", NULL };
	size_t p, ws, we;
	int i = 0;

	for (p = q->start; scan_word(x, p, q->end, &ws, &we); p = we) {
		if (word_among(x, ws, we, many))
			return 0;
		/* ("I'm", "I've": the word ends at the apostrophe) */
		i |= word_among(x, ws, we, one);
	}
	return i;
}

/* '"...," X said.  "...," they added': a "they" that goes on from the
 * quote just before (in its paragraph, or in the one before when the
 * quote opens its own), said by one person, is that person. */
static int
they_added(const struct qctx *x, size_t we, size_t *s, size_t *e)
{
	static const char *const more[] = { "added", "adds", "continued",
	    "continues", NULL };
	const struct quote *pq;
	size_t vs, ve, k = x->cur;

	if (k == 0 || k >= x->nq || !next_word(x, we, x->len, &vs, &ve) ||
	    !word_among(x, vs, ve, more))
		return 0;
	uses(x, k - 1);
	pq = &x->q[k - 1];
	/* (the paragraph after opens with the quote: no one else came
	 * between) */
	if (pq->said_end == 0 || !person_at(x, pq->said_start) ||
	    x->qpara[k] > x->qpara[k - 1] + 1 || (x->qpara[k] !=
	    x->qpara[k - 1] && x->q[k].start != x->para[x->qpara[k]].s))
		return 0;
	*s = pq->said_start;
	*e = pq->said_end;
	return 1;
}

/* '"I ...," they said': the one person a singular "they" stands for,
 * when the quote speaks as one. */
static int
one_they(const struct qctx *x, const struct quote *q, size_t ws, size_t we,
    size_t *s, size_t *e)
{
	return (word_is(x, ws, we, "they") || word_is(x, ws, we, "They")) &&
	    ((singular_voice(x, q) && antecedent(x, ws, 0, s, e)) ||
	    they_added(x, we, s, e));
}

/*
 * "City manager X hailed ...", "City fans sang ...": an organisation
 * before a word for its people only modifies the subject (wt-ents11,
 * with "City" the club a name of its own).  The mention that follows
 * at once is the subject then (X), else no one named: SIZE_MAX.  Work
 * per quote.
 */
static size_t
org_people(const struct qctx *x, size_t i)
{
	static const char *const people[] = { "manager", "boss", "coach",
	    "captain", "chairman", "chairwoman", "fans", "supporters",
	    "players", "staff", "workers", "members", NULL };
	size_t a = x->ents[i].end + 1, b = a, k;

	if (x->ents[i].type != ENT_ORG || a >= x->len ||
	    x->t[a - 1] != ' ')
		return i;
	while (b < x->len && x->t[b] >= 'a' && x->t[b] <= 'z')
		b++;
	for (k = 0; people[k] != NULL && !word_is(x, a, b, people[k]); k++)
		;
	if (people[k] == NULL)
		return i;
	if (i + 1 < x->nents && x->ents[i + 1].start == b + 1 &&
	    x->ents[i + 1].type == ENT_PERSON)
		return i + 1;
	return SIZE_MAX;
}

/* The person or organisation named first in the sentence holding p,
 * as its subject ("Jefferies cut the stock ..."): [*s, *e), 1. */
static int
lead_subject(const struct qctx *x, size_t p, size_t *s, size_t *e)
{
	size_t i = ent_from(x, sentence_start(x, p));

	if (i >= x->nents || x->ents[i].start >= p ||
	    (x->ents[i].type != ENT_PERSON && x->ents[i].type != ENT_ORG) ||
	    inside_quote(x, x->ents[i].start) || !subject_at(x, i))
		return 0;
	if ((i = org_people(x, i)) == SIZE_MAX || x->ents[i].start >= p)
		return 0;
	*s = x->ents[i].start;
	*e = x->ents[i].end;
	return 1;
}

/* Is quote qi the first half of a sentence a clause splits ('"The
 * member," he paused, "will ..."'): no stop after it, the next quote in
 * its paragraph within ATTR_WINDOW after a comma? */
static int
split_by_clause(const struct qctx *x, size_t qi)
{
	const struct quote *a = &x->q[qi], *b;
	size_t p;

	if (qi + 1 >= x->nq || ends_sentence(x, a) ||
	    x->qpara[qi + 1] != x->qpara[qi])
		return 0;
	b = &x->q[qi + 1];
	if (b->start - a->end > ATTR_WINDOW)
		return 0;
	for (p = a->end; p < b->start; p++) {
		if (x->t[p] == '.' || x->t[p] == '!' || x->t[p] == '?' ||
		    x->t[p] == ';')
			return 0;
	}
	return x->t[skip_back(x, b->start) - 1] == ',';
}

/* A lower-case word in -ed ("paused", "interrupted", "smiled"): a verb
 * in the past, for a clause splitting a quote. */
static int
past_form(const struct qctx *x, size_t ws, size_t we)
{
	return we - ws >= 4 && x->t[ws] >= 'a' && x->t[ws] <= 'z' &&
	    x->t[we - 2] == 'e' && x->t[we - 1] == 'd';
}

/* '"...?" came a cry from the benches.', '"No," came the reply from
 * Ana Ruiz.': "came", a noun phrase and "from" right after a quote:
 * the one named after "from" (1), or one not named (-1: a group, "the
 * gallery"); 0 if the sentence is not so. */
static int
came_from(const struct qctx *x, size_t a, size_t b, size_t *s, size_t *e)
{
	static const char *const dets[] = { "a", "an", "the", NULL };
	size_t ws, we, n;

	if (!next_word(x, a, b, &ws, &we) || ws != a ||
	    !word_is(x, ws, we, "came") || !next_word(x, we, b, &ws, &we) ||
	    !word_among(x, ws, we, dets))
		return 0;
	for (n = 0; n < 3 && next_word(x, we, b, &ws, &we) &&
	    !word_is(x, ws, we, "from"); n++)
		;
	if (!word_is(x, ws, we, "from") || !next_word(x, we, b, &ws, &we))
		return 0;
	if (x->t[ws] >= 'a' && x->t[ws] <= 'z')
		return -1;
	return name_at(x, ws, we, b, s, e) ? 1 : -1;
}

/* '... said that "tight supply" explained most of it': a fragment
 * after "that" then a verb and a word no subject opens (not a
 * determiner: ", said a spokesman", "said the minister"): the quote is
 * the verb's subject. */
static int
quote_subject(const struct qctx *x, const struct quote *q, size_t ws,
    size_t we)
{
	static const char *const dets[] = { "a", "an", "the", "one", "his",
	    "her", "its", "their", "our", "another", NULL };
	size_t b = skip_back(x, q->start), a;

	if (b == 0 || word_among(x, ws, we, dets))
		return 0;
	a = utf8_word_back(x->t, b, b > 8 ? b - 8 : 0);
	return a < b && word_is(x, a, b, "that");
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
	int pro, dash, own;
	char last;

	near_end(x, q->end);
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
	dash = a >= q->end + 2 && (x->t[a - 1] == '-' ||
	    (a >= 3 && (memcmp(x->t + a - 3, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(x->t + a - 3, "\xe2\x80\x93", 3) == 0)));
	if (ends_sentence(x, q) && nx == qi + 1 && !dash && !(a < x->len &&
	    x->t[a] == ','))
		return 0;
	if (!next_word(x, a, lim, &ws, &we))
		return 0;
	if ((own = came_from(x, ws, lim, s, e)) != 0)
		return own;
	/* '"...," was all Lund would say.' */
	if (!ends_sentence(x, q) && shaped_at(x, ws, lim, s, e))
		return 1;
	if (word_in(x, ws, we, RL_VERB) && !pronoun(x, ws, we)) {
		/* '"hold" from "buy", saying ...': the sentence's subject */
		if (participle(x, ws, we))
			return lead_subject(x, q->start, s, e);
		if (!next_word(x, we, lim, &ws, &we))
			return 0;
		/* "summed up Dana Whitlock", "pointed out Ruiz" */
		if ((word_is(x, ws, we, "up") || word_is(x, ws, we, "out")) &&
		    !next_word(x, we, lim, &ws, &we))
			return 0;
		if (name_at(x, ws, we, lim, s, e))
			return owned_by(x, ws, lim, s, e) < 0 ? -1 : 1;
		if (x->t[ws] >= 'a' && x->t[ws] <= 'z' &&
		    (named_after_title(x, ws, lim, s, e) ||
		    the_org_noun(x, ws, we, lim, s, e) ||
		    name_after_titles(x, ws, lim, s, e) ||
		    desk_speaker(x, ws, we, lim, 1, s, e)))
			return 1;
		/* ", said a spokesman": said by someone not named; not a
		 * quote that is the verb's subject: after "that"
		 * ('"tight supply" explained most of it', wt-s92read), or a
		 * fragment no punctuation closes ('that "tight supply"
		 * explained most of the drop', wt-h9read) */
		if (!(x->t[ws] >= 'a' && x->t[ws] <= 'z') ||
		    quote_subject(x, q, ws, we))
			return 0;
		last = last_inside(x, q);
		return ((last >= 'a' && last <= 'z') || (last >= '0' &&
		    last <= '9')) && !(a < x->len && x->t[a] == ',') ? 0 : -1;
	}
	pro = pronoun(x, ws, we);
	if (!pro && x->t[ws] >= 'a' && x->t[ws] <= 'z' &&
	    named_after_title(x, ws, lim, s, e))
		return 1;	/* ", the coach, Birgit Sand, told" */
	if (desk_speaker(x, ws, we, lim, 0, s, e))
		return 1;
	if (!name_at(x, ws, we, lim, s, e) && !one_they(x, q, ws, we, s, e))
		return pro ? -1 : unnamed_subject(x, ws, lim, s, e);
	own = pro ? 0 : owned_by(x, ws, lim, s, e);
	if (own < 0)
		return -1;
	/* '"..." -- Luca Ferri, a stallholder': a dash and a name */
	if (dash && !pro && entity_speaker(x, *s))
		return 1;
	/* The name, maybe an appositive ", the agency's director,", then
	 * up to two adverbs, then the verb.  After "it" the verb follows
	 * the word, not the organisation it stands for, named before
	 * (wt-h8read: '"...," it said' after "the ministry said ..."). */
	p = pro || it_word(x, ws, we) ? we : *e;
	while (p < lim && (x->t[p] == ' ' || x->t[p] == '\t'))
		p++;
	/* "Y's managing director, X, told": the comma closing the
	 * owner's appositive (owned_by found X) */
	if (own > 0 && p < lim && x->t[p] == ',')
		p++;
	else if (p < lim && x->t[p] == ',') {
		const char *c = memchr(x->t + p + 1, ',', lim - p - 1);

		if (c == NULL)
			return 0;
		p = role_after_age(x, p + 1, (size_t)(c - x->t), lim);
	}
	/* '"... the minister," he paused for effect, "will ..."' */
	if (pro && split_by_clause(x, qi) && next_word(x, p, lim, &ws, &we) &&
	    past_form(x, ws, we))
		return 1;
	for (n = 0; n < 3 && next_word(x, p, lim, &ws, &we); n++) {
		/* '"...?" Kemp was asked.': the one asked, not the speaker */
		if (n > 0 && (word_is(x, ws, we, "asked") ||
		    word_is(x, ws, we, "told")) && passive_be(x, p))
			return -1;
		if (verb_at(x, ws, we) || title_verb(x, ws, we))
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
	/* 'from "hold," saying': the comma inside the closing mark
	 * (wt-speakers7) */
	if (p > 0 && x->t[p - 1] == '"')
		p--;
	else if (p >= 3 && memcmp(x->t + p - 3, "\xe2\x80\x9d", 3) == 0)
		p -= 3;
	return p > 0 && x->t[p - 1] == ',';
}

/* Nouns for one who speaks for a name. */
static const char *const agents[] = { "spokesman", "spokeswoman",
    "spokesperson", "spokespeople", "official", "officials", "source",
    "sources", "analyst", "analysts", "representative", "employee",
    "employees", "lawyer", "lawyers", NULL };

/* One who speaks for a name, between ne and vs ("Samsung spokesperson
 * said")? */
static int
agent_between(const struct qctx *x, size_t ne, size_t vs)
{
	size_t ws, we, p;

	for (p = ne; scan_word(x, p, vs, &ws, &we); p = we) {
		if (word_among(x, ws, we, agents))
			return 1;
	}
	return 0;
}

/* Name then verb: nothing but punctuation between, or <= 3 words
 * without a comma ("Musk also said", "Okafor, said"), none of them one
 * who speaks for the name ("A Samsung spokesperson said"). */
static int
adjacent(const struct qctx *x, size_t ne, size_t vs)
{
	size_t n = 0, ws, we, p = ne;

	if (ne > vs || agent_between(x, ne, vs))
		return 0;
	while (scan_word(x, p, vs, &ws, &we)) {
		n++;
		p = we;
	}
	if (n == 0)
		return 1;
	return n <= 3 && memchr(x->t + ne, ',', vs - ne) == NULL;
}

/* Does the word at ws open the clause from ls (maybe after a live
 * blog's time, "14:32 The ministry ...")? */
static int
opens_clause(const struct qctx *x, size_t ls, size_t ws)
{
	size_t a, b;

	for (; scan_word(x, ls, ws, &a, &b) && b <= ws; ls = b) {
		if (!(x->t[a] >= '0' && x->t[a] <= '9'))
			return 0;
	}
	return 1;
}

/* At most n words from p to e, none one who speaks for the name ("The
 * Ministry of Transport has published a statement:", "Havel again, in
 * a television interview:")? */
static int
plain_words(const struct qctx *x, size_t p, size_t e, size_t n)
{
	size_t ws, we, k = 0;

	if (p > e || agent_between(x, p, e))
		return 0;
	for (; scan_word(x, p, e, &ws, &we); p = we)
		k++;
	return k <= n;
}

/* "Prof. Zeynep Arslan, was more cautious:": a comma closing an
 * appositive right after the name at ne, then at most seven words and
 * no other comma up to vs; or a "who" clause closed by its comma, then
 * those words. */
static int
apposed_clause(const struct qctx *x, size_t ne, size_t vs)
{
	size_t p = ne, n = 0, ws, we;

	while (p < vs && x->t[p] == ' ')
		p++;
	if (p >= vs || x->t[p] != ',')
		return 0;
	/* (past a "who" clause closed by its comma: "Reader X, who lives
	 * on the coast road, has sent us this:") */
	if (memchr(x->t + p + 1, ',', vs - p - 1) != NULL) {
		size_t c = vs;

		if (!next_word(x, p + 1, vs, &ws, &we) ||
		    !word_is(x, ws, we, "who"))
			return 0;
		while (x->t[c - 1] != ',')
			c--;
		if (count_words(x, p, c) > 20)
			return 0;
		p = c - 1;
	}
	for (p++; scan_word(x, p, vs, &ws, &we); p = we)
		n++;
	return n > 0 && n <= 7;
}

/* ", while his rival, X, countered": a clause of its own after the
 * comma at p (up to e), not an appositive. */
static int
clause_after_comma(const struct qctx *x, size_t p, size_t e)
{
	static const char *const conj[] = { "while", "but", "and",
	    "whereas", "although", "though", "as", "when", "after",
	    "before", "because", "whilst", NULL };
	size_t ws, we;

	return next_word(x, p, e, &ws, &we) && word_among(x, ws, we, conj);
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
	/* past the name's form in parentheses: "Chen Meiling (陈美玲), ..." */
	if (ne < e && x->t[ne] == '(') {
		const char *c = memchr(x->t + ne, ')', e - ne);

		if (c != NULL)
			ne = (size_t)(c - x->t) + 1;
	}
	return e > ne + 1 && x->t[ne] == ',' && x->t[e - 1] == ',' &&
	    !clause_after_comma(x, ne + 1, e);
}

/*
 * "When the Monetary Council cut ..., my former colleagues told me": a
 * comma after the name, then a lower-case subject right before the
 * verb at vs (not an auxiliary or an adverb: "..., has said").
 */
static int
lower_subject(const struct qctx *x, size_t ne, size_t vs)
{
	static const char *const aux[] = { "has", "have", "had", "was",
	    "is", "also", "then", "later", "once", "again", "recently",
	    "previously", "would", "will", "later", "earlier", "often",
	    "who", "which", "before", "after", "while", "when", "to", "as",
	    "and", "but", "yet",
	    /* verbs that lead a speech verb: "kept writing", "began
	     * saying", "went on to say" */
	    "kept", "keeps", "began", "begins", "started", "starts",
	    "continued", "continues", "went", "used", NULL };
	size_t b = vs, a;

	while (b > ne && (x->t[b - 1] == ' ' || x->t[b - 1] == '\n'))
		b--;
	a = utf8_word_back(x->t, b, ne);
	if (a == b || !(x->t[a] >= 'a' && x->t[a] <= 'z') ||
	    memchr(x->t + ne, ',', vs - ne) == NULL || pronoun(x, a, b))
		return 0;
	return !word_among(x, a, b, aux);
}

/* "The jury, chaired by the director Ana Ruiz, called it": a name in
 * an aside that opens with a participle and "by" is no subject. */
static int
by_aside(const struct qctx *x, size_t ls, size_t ns)
{
	size_t c = ns, ws, we, bs, be;

	while (c > ls && x->t[c - 1] != ',')
		c--;
	return c > ls && next_word(x, c, ns, &ws, &we) && we - ws >= 3 &&
	    memcmp(x->t + we - 2, "ed", 2) == 0 &&
	    next_word(x, we, ns, &bs, &be) && word_is(x, bs, be, "by");
}

/* "X of Y, whom Gergő met at a fair, wrote": a name inside a relative
 * clause that a comma closes before the verb at vs is no subject
 * (wt-h14read; per candidate name). */
static int
relative_aside(const struct qctx *x, size_t ls, size_t ns, size_t vs)
{
	static const char *const rel[] = { "whom", "who", "whose", "which",
	    NULL };
	size_t c = ns, ws, we;

	if (ns >= vs || memchr(x->t + ns, ',', vs - ns) == NULL)
		return 0;
	while (c > ls && x->t[c - 1] != ',')
		c--;
	return c > ls && next_word(x, c, ns, &ws, &we) &&
	    x->t[ws] == 'w' && word_among(x, ws, we, rel);
}

/*
 * "A spokesman for the chains' lobby, the Association of X, said": a
 * name apposed to the object of an agent's "for" or "of" (a comma,
 * maybe "the", before it at ns; a few lower-case words and the
 * preposition before the comma) is that object too, no subject
 * (wt-h14read; per candidate name).
 */
static int
agent_apposed(const struct qctx *x, size_t ls, size_t ns)
{
	size_t c = skip_back(x, ns), ws, we, n;

	if (c >= 4 && memcmp(x->t + c - 3, "the", 3) == 0 &&
	    (x->t[c - 4] == ' ' || x->t[c - 4] == '\n'))
		c = skip_back(x, c - 3);
	if (c <= ls || x->t[c - 1] != ',')
		return 0;
	for (c--, n = 0; n < 6 && c > ls; n++, c = ws) {
		we = skip_back(x, c);
		if (we > ls && x->t[we - 1] == '\'')
			we--;		/* "the chains' lobby" */
		else if (we >= ls + 3 && memcmp(x->t + we - 3,
		    "\xe2\x80\x99", 3) == 0)
			we -= 3;
		ws = utf8_word_back(x->t, we, ls);
		if (ws >= we || !(x->t[ws] >= 'a' && x->t[ws] <= 'z'))
			return 0;
		if (word_is(x, ws, we, "for") || word_is(x, ws, we, "of")) {
			we = skip_back(x, ws);
			ws = utf8_word_back(x->t, we, ls);
			return ws < we && word_among(x, ws, we, agents);
		}
	}
	return 0;
}

/*
 * "A statement from X and her husband, Y, said": a name apposed to a
 * relative joined by "and" to the subject names the relative, no rival
 * subject (wt-h15read).  Work per candidate: a few words back.
 */
static int
kin_apposed(const struct qctx *x, size_t ls, size_t ns)
{
	static const char *const poss[] = { "her", "his", "their", NULL };
	size_t c = skip_back(x, ns), ws, we;

	/* (a comma after the last letter of a kin noun, bytes first) */
	if (c <= ls + 1 || x->t[c - 1] != ',' ||
	    x->t[c - 2] == '\0' || strchr("nredw", x->t[c - 2]) == NULL)
		return 0;
	we = skip_back(x, c - 1);
	ws = utf8_word_back(x->t, we, ls);
	if (ws >= we || !kin_noun(x, ws, we))
		return 0;
	we = skip_back(x, ws);
	ws = utf8_word_back(x->t, we, ls);
	if (ws >= we || !word_among(x, ws, we, poss))
		return 0;
	we = skip_back(x, ws);
	ws = utf8_word_back(x->t, we, ls);
	return ws < we && word_is(x, ws, we, "and");
}

/* "Wrona put it bluntly:": "put it" says as much as "said". */
static int
put_it(const struct qctx *x, size_t ws, size_t we)
{
	return (word_is(x, ws, we, "put") || word_is(x, ws, we, "puts")) &&
	    we + 3 <= x->len && memcmp(x->t + we, " it", 3) == 0 &&
	    !utf8_word_at(x->t, x->len, we + 3);
}

/* Is [s, e) two to four capitals ("KC", "OBE")? */
static int
all_caps(const struct qctx *x, size_t s, size_t e)
{
	size_t p;

	if (e - s < 2 || e - s > 4)
		return 0;
	for (p = s; p < e; p++) {
		if (x->t[p] < 'A' || x->t[p] > 'Z')
			return 0;
	}
	return 1;
}

/*
 * "led by Simon Achterberg KC, who told the jury": the name at ne is
 * the subject of a relative clause ending in the verb at vs (past
 * post-nominal letters, then ", who" and at most three words): 1; or
 * closed by a comma and at most an adverb before the verb (", who
 * votes only to break a tie, twice asked"): 2, for a person only; or
 * ", which" right before the verb: 3, for an organisation only.
 */
static int
who_clause(const struct qctx *x, size_t ne, size_t vs)
{
	size_t p = ne, ws, we, c, n = 0;

	while (next_word(x, p, vs, &ws, &we) && all_caps(x, ws, we))
		p = we;		/* "KC", "MP", "OBE" */
	c = skip_blanks(x, p);
	if (c >= vs || x->t[c] != ',' || !next_word(x, c + 1, vs, &ws, &we))
		return 0;
	/* ", which said it would": an organisation's clause */
	if (word_is(x, ws, we, "which"))
		return memchr(x->t + c, '.', vs - c) == NULL &&
		    !scan_word(x, we, vs, &ws, &we) ? 3 : 0;
	if (!word_is(x, ws, we, "who"))
		return 0;
	if (memchr(x->t + c, '.', vs - c) != NULL)
		return 0;
	/* ", who votes only to break a tie, twice asked": the clause
	 * closed by a comma, at most an adverb before the verb */
	for (p = vs; p > c + 1 && x->t[p - 1] != ','; p--)
		;
	if (p > c + 1) {
		for (; scan_word(x, p, vs, &ws, &we); p = we)
			n++;
		return n <= 1 ? 2 : 0;
	}
	for (p = we; scan_word(x, p, vs, &ws, &we); p = we)
		n++;
	return n <= 3;
}

/* "For X, ...": the name at [ts, te) follows the "For" that opens the
 * clause at ls, and a comma follows it. */
static int
for_opening(const struct qctx *x, size_t ls, size_t ts, size_t te)
{
	size_t ws, we;

	return next_word(x, ls, ts, &ws, &we) && word_is(x, ws, we, "For") &&
	    skip_blanks(x, we) == ts && te < x->len && x->t[te] == ',';
}

/* What someone says, owned by them ("X's answer was short:"). */
static const char *const speech_nouns[] = { "answer", "response", "reply",
    "reaction", "message", "verdict", "view", "advice", "retort",
    "explanation", "assessment", "conclusion", "argument", "comment",
    "words", "warning", "plea", "promise", "instruction", NULL };

/* "His verdict came with a shrug:": the sex of the pronoun that owns
 * the speech noun at ws, or 0. */
static int
owned_by_pronoun(const struct qctx *x, size_t ws, size_t we, size_t lim)
{
	static const char *const his[] = { "His", "his", NULL };
	static const char *const her[] = { "Her", "her", NULL };
	size_t ns, ne;
	int sex = word_among(x, ws, we, his) ? 'm' :
	    word_among(x, ws, we, her) ? 'f' : 0;

	return sex != 0 && next_word(x, we, lim, &ns, &ne) &&
	    word_among(x, ns, ne, speech_nouns) ? sex : 0;
}

/* "X's answer", "X's message": the name at ne owns words it said. */
static int
speech_owned(const struct qctx *x, size_t ne, size_t lim)
{
	size_t p = ne, ws, we;

	if (!possessor(x, ne, lim))
		return 0;
	p += x->t[p] == '\'' ? 1 : 3;
	if (p < lim && x->t[p] == 's')
		p++;
	return next_word(x, p, lim, &ws, &we) && word_among(x, ws, we,
	    speech_nouns);
}

/* "Berg's spokeswoman said": the name at ne only owns the subject. */
static int
possessor(const struct qctx *x, size_t ne, size_t lim)
{
	size_t p = ne, ws, we;

	if (p < x->len && x->t[p] == '\'')
		p++;
	else if (p + 3 <= x->len && memcmp(x->t + p, "\xe2\x80\x99", 3) == 0)
		p += 3;
	else
		return 0;
	if (p < x->len && x->t[p] == 's')
		p++;
	return next_word(x, p, lim, &ws, &we) && x->t[ws] >= 'a' &&
	    x->t[ws] <= 'z' && !word_in(x, ws, we, RL_VERB);
}

/* Is the word before ns (after an article) a preposition? */
static int
after_preposition(const struct qctx *x, size_t ls, size_t ns)
{
	static const char *const preps[] = { "for", "of", "at", "in", "on",
	    "from", "with", "by", "to", "about", "against", "like", "near",
	    "outside", "inside", "into", "across", "under", "over", "behind",
	    "beside", "around", "through", "toward", "towards", "between",
	    "among", "without", "within", NULL };
	size_t p, ws = 0, we = 0, pws = 0, pwe = 0;

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
	return pwe > 0 && word_among(x, pws, pwe, preps);
}

/*
 * "..., with X promising "...", "with coach X saying": "with", a name
 * [ts, te) and, right after it, the speech verb at vs as a participle:
 * the name is the participle's subject, not an object (wt-h15read).
 */
static int
with_participle(const struct qctx *x, size_t ls, size_t ts, size_t te,
    size_t vs)
{
	size_t b = skip_back(x, ts), ws, we;

	/* ("with" by its bytes first: most names follow "of", "at") */
	if (b < ls + 4 || memcmp(x->t + b - 4, "with", 4) != 0 ||
	    (b > ls + 4 && utf8_word_at(x->t, x->len, b - 5)) || vs < te)
		return 0;
	return adjacent(x, te, vs) && next_word(x, vs, x->len, &ws, &we) &&
	    we - ws >= 5 && memcmp(x->t + we - 3, "ing", 3) == 0;
}

/* '... "saved lives" and called the methods "bold"', '... but warned
 * that': the verb at vs comes right after "and" or "but", its subject
 * the sentence's. */
static int
and_verb(const struct qctx *x, size_t ls, size_t vs)
{
	size_t a = skip_back(x, vs), b = utf8_word_back(x->t, a, ls);

	return b < a && (word_is(x, b, a, "and") || word_is(x, b, a, "but"));
}

/*
 * "said ..., and described it as", "said ..., adding that", "said that
 * ... than it had forecast": the speech verb at [vs, ve) carries on one
 * before it in the clause from ls, whose subject is its own.
 */
static int
carries_on(const struct qctx *x, size_t ls, size_t vs, size_t ve)
{
	static const char *const aux[] = { "had", "has", "have", "would",
	    "will", "was", "were", "is", "also", "then", "be", "been",
	    "could", "should", "not", "cannot", NULL };
	static const char *const it[] = { "it", "they", "we", NULL };
	size_t b, a;
	int k;

	if (and_verb(x, ls, vs) || participle(x, vs, ve))
		return 1;
	b = skip_back(x, vs);
	a = utf8_word_back(x->t, b, ls);
	/* "the judge said she accepted that ...": a pronoun right after
	 * a speech verb reports its subject's words (wt-h8read) */
	if (a < b && pronoun(x, a, b) && a > ls) {
		size_t d = skip_back(x, a), c = utf8_word_back(x->t, d, ls);

		if (c < d && verb_at(x, c, d))
			return 1;
	}
	/* ("they would be writing": two, wt-speakers7; "it could not
	 * explain": a negation, wt-h8read) */
	for (k = 0; k < 3 && a < b && word_among(x, a, b, aux); k++) {
		b = skip_back(x, a);
		a = utf8_word_back(x->t, b, ls);
	}
	return a < b && word_among(x, a, b, it);
}

/*
 * "Saleh was warned by the regulator's chair, Ilse Brandt:": a speech
 * verb [vs, ve) in the passive, then "by": the one named after it (1),
 * someone not named (-1), or not a passive (0).
 */
static int
passive_agent(const struct qctx *x, size_t ls, size_t vs, size_t ve,
    size_t lim, size_t *s, size_t *e)
{
	static const char *const be[] = { "was", "were", "been", "being",
	    "is", "are", NULL };
	size_t a, b, ws, we;

	if (!next_word(x, ve, lim, &ws, &we) || !word_is(x, ws, we, "by"))
		return 0;
	b = skip_back(x, vs);
	a = utf8_word_back(x->t, b, ls);
	if (a >= b || !word_among(x, a, b, be) ||
	    !next_word(x, we, lim, &ws, &we))
		return 0;
	if (!(x->t[ws] >= 'a' && x->t[ws] <= 'z'))
		return name_at(x, ws, we, lim, s, e) && *s >= ws ? 1 : -1;
	return named_after_title(x, ws, lim, s, e) || the_org_noun(x, ws, we,
	    lim, s, e) ? 1 : -1;
}

/*
 * 'The union had been promised "city wages" ..., he added', 'Staff were
 * told "no overtime"': a speech verb [vs, ve) in the passive with no
 * "by" nor "as" after it: its subject heard the words, it did not say
 * them (not 'X was quoted as saying'; wt-h15read).
 */
static int
passive_hearer(const struct qctx *x, size_t ls, size_t vs, size_t ve,
    size_t lim)
{
	static const char *const be[] = { "was", "were", "been", "being",
	    "is", "are", NULL };
	size_t a, b, ws, we;
	char c;

	if (ve - vs < 4 || (memcmp(x->t + ve - 2, "ed", 2) != 0 &&
	    !word_is(x, vs, ve, "told")))
		return 0;
	/* (the word before ends as a form of "be" does, a byte first) */
	b = skip_back(x, vs);
	c = b > ls ? x->t[b - 1] : 0;
	if (c != 's' && c != 'e' && c != 'n' && c != 'g')
		return 0;
	a = utf8_word_back(x->t, b, ls);
	if (a >= b || !word_among(x, a, b, be))
		return 0;
	return !next_word(x, ve, lim, &ws, &we) || (!word_is(x, ws, we,
	    "as") && !word_is(x, ws, we, "by"));
}

/* Things that carry written words ("A banner ... read:"). */
static const char *const writings[] = { "caption", "note", "letter",
    "sign", "message", "card", "inscription", "placard", "poster", "label",
    "postcard", "notice", "text", "email", "e-mail", "banner", "bedsheet",
    "sheet", "slogan", "plaque", "sticker", "T-shirt", "billboard",
    "graffiti",
    /* wt-h14read: messages sent, gathered by kind */
    "memo", "memorandum", "tweet", "voicemail", "telegram", "fax",
    "leaflet", "flyer", "pamphlet", "newsletter", "circular", NULL };

/*
 * A lede that describes its speaker and names them in the next
 * paragraph: "NAIROBI (Reuters) - A property developer ... told a court
 * that he had "..."" / "Samuel Mutai, 58, faces ...".  The clause from
 * ls (past a dateline's dash) opens with "A" or "An", names no one up
 * to the verb at vs, and is no spokesman or official ("A spokesman
 * said" names no one); the next paragraph opens with a person.
 */
static int
named_next(const struct qctx *x, size_t qi, size_t ls, size_t vs,
    size_t *s, size_t *e)
{
	static const char *const unnamed[] = { "spokesman", "spokeswoman",
	    "spokesperson", "official", "officials", "source", "sources",
	    "statement", NULL };
	size_t pi = x->qpara[qi], p, ws, we, i;
	int n;

	if (pi + 1 >= x->npara)
		return 0;
	for (p = ls; p < vs && p < ls + 60 && !dash_len(x, p); p++)
		;
	p = p < vs && p < ls + 60 ? skip_blanks(x, p + dash_len(x, p)) : ls;
	if (!next_word(x, p, vs, &ws, &we) || ws != p ||
	    !(word_is(x, ws, we, "A") || word_is(x, ws, we, "An")))
		return 0;
	for (p = we, n = 0; next_word(x, p, vs, &ws, &we); p = we, n++) {
		if (word_among(x, ws, we, unnamed) || (n < 3 &&
		    word_among(x, ws, we, writings)))
			return 0;
	}
	p = skip_blanks(x, x->para[pi + 1].s);
	i = ent_from(x, p);
	if (i >= x->nents || x->ents[i].start != p ||
	    x->ents[i].type != ENT_PERSON)
		return 0;
	*s = x->ents[i].start;
	*e = x->ents[i].end;
	return 1;
}

static int one_sentence(const struct qctx *, size_t, size_t);
static int fragment_inside(const struct qctx *, size_t);

/* 'X cut her rating to "sell" from "hold," saying it looked "heroic"':
 * are quote qi and the one before fragments of one sentence with no
 * name between them, whose subject is the clause's (wt-speakers7)? */
static int
fragments_of(const struct qctx *x, size_t qi)
{
	size_t i = ent_from(x, x->q[qi - 1].end);

	return x->qpara[qi - 1] == x->qpara[qi] && (i >= x->nents ||
	    x->ents[i].start >= x->q[qi].start) && fragment_inside(x,
	    qi - 1) && fragment_inside(x, qi) && one_sentence(x, qi - 1, qi);
}

/*
 * "One caption, written by Kamau in pencil, simply says:", "A note,
 * signed by the mayor, read": a text the sentence opens with (one of
 * its first words), whose writer an aside names, speaks for its writer:
 * the name after "by" in [ls, vs), 1 (wt-speakers7).  So does a text
 * anywhere in the clause whose participle follows it at once, "by" a
 * few lower-case words on ("she read from a letter sent to her office
 * by X, a nurse:", wt-h14read).
 */
static int
written_by(const struct qctx *x, size_t ls, size_t vs, size_t *s, size_t *e)
{
	static const char *const wrote[] = { "written", "signed", "penned",
	    "scrawled", "authored", "sent", "typed", NULL };
	size_t p, ws, we, bs, be, pws = 0, pwe = 0;
	int n, k, text = 0;

	/* (no "by", no writer: a byte search first) */
	if (vs <= ls || memmem(x->t + ls, vs - ls, "by", 2) == NULL)
		return 0;
	for (p = ls, n = 0; n < 12 && next_word(x, p, vs, &ws, &we);
	    n++, pws = ws, pwe = we, p = we) {
		if (n < 3 && word_among(x, ws, we, writings))
			text = 1;
		/* (the text right before the participle: "a letter sent";
		 * each participle ends in d, n or t: a byte read first) */
		if (we - ws < 4 || (x->t[we - 1] != 'd' && x->t[we - 1] !=
		    'n' && x->t[we - 1] != 't') ||
		    !word_among(x, ws, we, wrote) || !((text &&
		    x->t[skip_back(x, ws) - 1] == ',') || (pwe > 0 &&
		    x->t[pwe] == ' ' && word_among(x, pws, pwe, writings))))
			continue;
		for (k = 0, bs = be = we; k < 5 && next_word(x, be, vs, &bs,
		    &be) && !word_is(x, bs, be, "by"); k++)
			if (!(x->t[bs] >= 'a' && x->t[bs] <= 'z') ||
			    x->t[skip_back(x, bs) - 1] == ',')
				break;
		if (!word_is(x, bs, be, "by") || !next_word(x, be, vs, &ws,
		    &we))
			continue;
		if (x->t[ws] >= 'a' && x->t[ws] <= 'z')
			return named_after_title(x, ws, vs, s, e) ||
			    the_org_noun(x, ws, we, vs, s, e);
		return name_at(x, ws, we, vs, s, e);
	}
	return 0;
}

/* Verbs of sending a message ("X had sent a message"). */
static const char *const sending[] = { "sent", "wrote", "posted", "emailed",
    "texted", "penned", NULL };

/* Is [ws, we) a verb of sending (a byte or two read first)? */
static int
sent_verb(const struct qctx *x, size_t ws, size_t we)
{
	char c = x->t[we - 1];

	return we - ws >= 4 && we - ws <= 7 && (c == 't' || c == 'e' ||
	    c == 'd') && (x->t[ws] == 's' || x->t[ws] == 'w' ||
	    x->t[ws] == 'p' || x->t[ws] == 'e' || x->t[ws] == 't') &&
	    word_among(x, ws, we, sending);
}

/*
 * "She said X had sent a message to the leaders telling them that
 * checks were "..."": a person or organisation named right before the
 * verb of sending at ws (maybe after "had"), then a message ("a
 * message", "an email") in [ls, vs), wrote the words the speech verb at
 * vs reports (wt-h14read; per quote that has such a verb).
 */
static int
message_sender(const struct qctx *x, size_t ls, size_t ws, size_t vs,
    size_t *s, size_t *e)
{
	static const char *const had[] = { "had", "has", "have", NULL };
	static const char *const dets[] = { "a", "an", "the", "this",
	    "that", NULL };
	size_t we, ds, de, ns, ne, b, i;

	if (!next_word(x, ws, vs, &ws, &we) ||
	    !next_word(x, we, vs, &ds, &de) ||
	    !word_among(x, ds, de, dets) || !next_word(x, de, vs, &ns, &ne) ||
	    !word_among(x, ns, ne, writings))
		return 0;
	b = skip_back(x, ws);
	if ((i = utf8_word_back(x->t, b, ls)) < b && word_among(x, i, b, had))
		b = skip_back(x, i);
	for (i = ent_from(x, ls); i < x->nents && x->ents[i].start < b; i++) {
		if (x->ents[i].end == b && (x->ents[i].type == ENT_PERSON ||
		    x->ents[i].type == ENT_ORG)) {
			*s = x->ents[i].start;
			*e = x->ents[i].end;
			return 1;
		}
	}
	return 0;
}

/* Does the clause [ls, qs) end with a colon (before blanks)? */
static int
colon_before(const struct qctx *x, size_t ls, size_t qs)
{
	while (qs > ls && (x->t[qs - 1] == ' ' || x->t[qs - 1] == '\n' ||
	    x->t[qs - 1] == '\r'))
		qs--;
	return qs > ls && x->t[qs - 1] == ':';
}

/*
 * "The new label, which he designed, reads", "A sign on the door read":
 * a clause whose subject (one of its first three words) is a thing that
 * bears words, not a message someone sends (a note, a letter: its
 * writer's), and whose verb at [vs, ve) is "reads" or "read".
 */
static int
inscription_reads(const struct qctx *x, size_t ls, size_t vs, size_t ve)
{
	static const char *const things[] = { "label", "sign", "caption",
	    "inscription", "placard", "poster", "plaque", "sticker",
	    "T-shirt", "billboard", "banner", "slogan", "graffiti", "mural",
	    "headline", "tattoo", "logo", "motto", "signpost", NULL };
	static const char *const reads[] = { "reads", "read", NULL };
	size_t p, ws, we;
	int n;

	if (!word_among(x, vs, ve, reads))
		return 0;
	for (p = ls, n = 0; n < 3 && next_word(x, p, vs, &ws, &we);
	    n++, p = we)
		if (word_among(x, ws, we, things))
			return 1;
	return 0;
}

/* A word that makes the next one a noun, not a speech verb: "a", "an"
 * ("an emailed comment"), "the", "its", "their" ("called the claims
 * "..."", "its warnings"), or a possessive ("the company's claims"). */
static int
determiner(const struct qctx *x, size_t ws, size_t we)
{
	static const char *const dets[] = { "a", "an", "the", "its",
	    "their", "The", "Its", "Their", NULL };

	return word_among(x, ws, we, dets) || genitive(x, ws, we);
}

/*
 * "Her mother was her first teacher:" before '"My mother played ..."':
 * a lead-in opening with "His" or "Her" and a relative at [ws, we),
 * whose quote speaks of "my" same relative, is said by the one the
 * pronoun stands for; its sex, or 0 (wt-h14read; per quote).
 */
static int
kin_told(const struct qctx *x, size_t ws, size_t we, size_t lim, size_t qi)
{
	const struct quote *q = &x->q[qi];
	size_t ks, ke, p, a, b;
	int sex = word_is(x, ws, we, "His") ? 'm' : word_is(x, ws, we,
	    "Her") ? 'f' : 0;

	if (sex == 0 || !next_word(x, we, lim, &ks, &ke) ||
	    !kin_noun(x, ks, ke))
		return 0;
	for (p = q->start; p < q->end && p < q->start + ATTR_WINDOW &&
	    scan_word(x, p, q->end, &a, &b); p = b) {
		if ((word_is(x, a, b, "my") || word_is(x, a, b, "My")) &&
		    next_word(x, b, q->end, &a, &b) && b - a == ke - ks &&
		    memcmp(x->t + a, x->t + ks, ke - ks) == 0)
			return sex;
	}
	return 0;
}

/* "Musk said: " / "Tesla stated, " / "He told reporters: " */
static int
speaker_before(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	size_t pi = x->qpara[qi], ls = x->para[pi].s, qs = x->q[qi].start;
	size_t p, ws, we, vs = 0, ve = 0, pws, pwe;
	size_t best_s = 0, best_e = 0, one_s = 0, one_e = 0, sent = SIZE_MAX;
	int found = 0, words = 0, colon = 0, ncand = 0, solid, passive, sex, k;

	/* "In a statement, the port said:" closing the paragraph before */
	if (qs == ls && pi == 0)
		nothing_before(x);
	if (qs == ls && pi > 0 && x->t[x->para[pi - 1].e - 1] == ':') {
		qs = x->para[pi - 1].e;
		ls = x->para[pi - 1].s;
	}
	/* the clause starts after the quote before, unless that was a
	 * term ("called the so-called "plan" a document "...") */
	if (qi > 0 && x->q[qi - 1].end > ls && x->q[qi - 1].end <= qs &&
	    !so_called(x, &x->q[qi - 1]) && !fragments_of(x, qi))
		ls = x->q[qi - 1].end;
	if (qs > ls + BEFORE_WINDOW)
		ls = qs - BEFORE_WINDOW;
	/* Start of the sentence holding the quote. */
	for (p = qs; p > ls; p--) {
		char c = x->t[p - 1];

		if ((c == '.' || c == '!' || c == '?') && p >= 2 &&
		    p - 1 < qs && space_at(x, p) &&
		    (c != '.' || sentence_stop(x, p - 1)))
			break;
	}
	ls = p;
	/* a transcript's label is no part of the sentence ("Aamodt: They
	 * said ...") */
	if (ls == x->para[x->qpara[qi]].s && x->qa[x->qpara[qi]] != 0)
		ls += label_at(x, x->qpara[qi]) + 1;
	/* The last speech verb, close before the quote (not "an emailed
	 * comment"). */
	for (p = ls, pws = pwe = 0; scan_word(x, p, qs, &ws, &we);
	    pws = ws, pwe = we, p = we) {
		if ((verb_at(x, ws, we) && !(pwe > 0 && determiner(x, pws,
		    pwe))) || put_it(x, ws, we)) {
			if (ve == 0 || !carries_on(x, ls, ws, we)) {
				vs = ws;
				ve = we;
			}
			words = 0;
		} else
			words++;
		if (sent == SIZE_MAX && sent_verb(x, ws, we))
			sent = ws;	/* (for message_sender) */
	}
	if (words > 40)
		return 0;
	if (ve == 0) {
		/* No verb, but a colon: "Ferrandiz was careful: "..."" */
		for (p = qs; p > ls && (x->t[p - 1] == ' ' ||
		    x->t[p - 1] == '\n' || x->t[p - 1] == '\r'); p--)
			;
		if (p == ls || x->t[p - 1] != ':')
			return 0;
		vs = ve = p - 1;
		colon = 1;
		/* "His verdict came with a wave of the hand:" */
		for (p = ls; scan_word(x, p, vs, &ws, &we); p = we) {
			if (x->t[ws] >= '0' && x->t[ws] <= '9')
				continue;	/* a live blog's time */
			if ((sex = owned_by_pronoun(x, ws, we, vs)) != 0 ||
			    (sex = kin_told(x, ws, we, vs, qi)) != 0)
				return antecedent(x, ws, sex, s, e);
			break;
		}
	}
	for (p = ve; p < qs; p++) {
		if ((x->t[p] == '.' || x->t[p] == '!' || x->t[p] == '?') &&
		    space_at(x, p + 1) && sentence_stop(x, p))
			return 0;	/* (not "6.8%", "Dr.") */
	}
	if (!colon && (passive = passive_agent(x, ls, vs, ve, qs, s, e)) != 0)
		return passive;
	if (!colon && passive_hearer(x, ls, vs, ve, qs))
		return 0;
	/* (up to a colon ending the clause: "she read from a letter sent
	 * to her by X:", the words read out are the letter's) */
	if (written_by(x, ls, colon_before(x, ls, qs) ? qs : vs, s, e) ||
	    (sent < vs && message_sender(x, ls, sent, vs, s, e)))
		return 1;
	/* Its subject: the first name of the clause when an appositive
	 * follows it up to the verb ("Hartnell, now 55, said"), else the
	 * nearest name next to the verb; never the object of a preposition
	 * ("a spokesman for the Board said"). */
	for (p = ls; scan_word(x, p, vs, &ws, &we); p = we) {
		size_t ns, ne;

		size_t ts, te;

		if (x->t[ws] >= 'a' && x->t[ws] <= 'z' && !pronoun(x, ws, we) &&
		    !it_word(x, ws, we) && !qa_person(x, ws, we, &ns, &ne))
			continue;
		if (!name_at(x, ws, we, vs, &ns, &ne)) {
			/* "he said" where he is no one named */
			if (pronoun(x, ws, we) && !colon && adjacent(x, we, vs))
				return -1;
			continue;
		}
		/* Where the name is written (a pronoun's antecedent is not). */
		ts = ns >= ws ? ns : ws;
		te = ns >= ws ? ne : we;
		if (te > we)
			we = te;
		/* "Mensah-Bonsu's answer was short:", "For Yaw Darko, the
		 * answer is simple:" */
		if (colon && entity_speaker(x, ns) && (speech_owned(x, te, vs) ||
		    for_opening(x, ls, ts, te))) {
			best_s = ns;
			best_e = ne;
			break;
		}
		if (possessor(x, te, vs))
			continue;
		/* "Cllr Mary Byrne (Sinn Féin) said", "the Bank (MNB)
		 * said": a name in parentheses stands beside another */
		if (ts > ls && x->t[ts - 1] == '(' && te < vs &&
		    x->t[te] == ')' && (ncand > 0 || dash_len(x,
		    skip_blanks(x, te + 1)) > 0))
			continue;	/* (nor a dateline's "(Reuters) -") */
		/* (not "X of Queen Mary University of London, who ...,
		 * told": a piece of an organisation's name, wt-speakers7) */
		if ((k = who_clause(x, te, vs)) == 1 || (k == 2 &&
		    person_within(x, ns)) || (k == 3 && org_at(x, ns))) {
			best_s = ns;
			best_e = ne;
			break;
		}
		if ((after_preposition(x, ls, ts) &&
		    !with_participle(x, ls, ts, te, vs) &&
		    !((org_voice(x, ls, ts) ||
		    (colon && from_opening(x, ls, ts))) &&
		    entity_speaker(x, ns))) || by_aside(x, ls, ts) ||
		    relative_aside(x, ls, ts, vs) || agent_apposed(x, ls, ts) ||
		    kin_apposed(x, ls, ts))
			continue;
		/* A pronoun or a named person or organisation. */
		solid = ns < ws || entity_speaker(x, ns);
		/* a place does not speak ("BUDAPEST -- Anna Kovács, the
		 * governor, said") */
		if (!solid && place_at(x, ns))
			continue;
		if (colon) {
			/* ("Statement from X just in:", wt-speakers7) */
			if (solid && (adjacent(x, te, vs) ||
			    apposed_clause(x, te, vs) ||
			    ((opens_clause(x, ls, ws) || org_voice(x, ls,
			    ts) || from_opening(x, ls, ts)) &&
			    plain_words(x, te, vs, 9)))) {
				best_s = ns;
				best_e = ne;
			}
			continue;
		}
		/* (a capitalised word no list or context names, as
		 * "Treasury" in "Treasury spokesperson Lerato Dlamini", is
		 * no rival name) */
		if (solid && ncand++ == 0) {
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
	if (best_e == 0 && ncand == 1 && one_e > 0 &&
	    !lower_subject(x, one_e, vs) && !agent_between(x, one_e, vs)) {
		best_s = one_s;
		best_e = one_e;
	}
	/* "The new label, which he designed, reads": an inscription's
	 * words, no one's (wt-h14read) */
	if (best_e == 0 && !colon && inscription_reads(x, ls, vs, ve))
		return -1;
	/* "The ministry said in a statement that it ...", "In a
	 * statement, the company said:", "The city, the judge said, ..." */
	if (best_e == 0 && !colon && ((next_word(x, ls, vs, &ws, &we) &&
	    the_org_noun(x, ws, we, vs, &best_s, &best_e)) ||
	    the_noun_before(x, ls, vs, &best_s, &best_e) ||
	    kin_before(x, ls, vs, &best_s, &best_e))) {
		*s = best_s;
		*e = best_e;
		return 1;
	}
	/* "08:22 The operator has issued a short statement:": the noun
	 * opening the clause (after a live blog's time) stands for whom it
	 * names before */
	if (best_e == 0 && colon) {
		for (p = ls; scan_word(x, p, vs, &ws, &we) &&
		    x->t[ws] >= '0' && x->t[ws] <= '9'; p = we)
			;
		if (p < vs && scan_word(x, p, vs, &ws, &we) &&
		    word_is(x, ws, we, "The") &&
		    the_org_noun(x, ws, we, vs, s, e))
			return 1;
	}
	/* 'X cut it to "hold" from "buy", saying that "..."' */
	if (best_e == 0 && !colon && participle(x, vs, ve) &&
	    lead_subject(x, qs, s, e))
		return 1;
	/* "after a judge said": the judge the article names later */
	if (best_e == 0 && !colon && (k = a_title_before(x, ls, vs, s, e)) != 0)
		return k;
	if (best_e == 0 && !colon && named_next(x, qi, ls, vs, s, e))
		return 1;
	if (best_e == 0)
		return colon || and_verb(x, ls, vs) ? 0 : -1;	/* a speech
						   verb, but no one named */
	*s = best_s;
	*e = best_e;
	return 1;
}

/* Who "according to" names at the word [ws, we): a name, "him" or
 * "her", "the bank", "a statement from X". */
static int
according_who(const struct qctx *x, size_t ws, size_t we, size_t lim,
    size_t *s, size_t *e)
{
	static const char *const docs[] = { "statement", "letter",
	    "filing", "announcement", NULL };
	size_t a, b;

	if (word_is(x, ws, we, "him") || word_is(x, ws, we, "her"))
		return antecedent(x, ws, x->t[ws] == 'h' && x->t[ws + 1] == 'i' ?
		    'm' : 'f', s, e);
	if (the_org_noun(x, ws, we, lim, s, e))
		return 1;
	/* "a statement from X": X */
	if ((word_is(x, ws, we, "a") || word_is(x, ws, we, "an")) &&
	    next_word(x, we, lim, &a, &b) && word_among(x, a, b, docs) &&
	    next_word(x, b, lim, &a, &b) && (word_is(x, a, b, "from") ||
	    word_is(x, a, b, "by")) && !next_word(x, b, lim, &ws, &we))
		return 0;
	return name_at(x, ws, we, lim, s, e);
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

	/* Only in the quote's own sentence. */
	if (a < pa->s)
		a = pa->s;
	for (p = q->start; p > a && !stop_before(x, p); p--)
		;
	a = p;
	if (b > pa->e && q->end <= pa->e)
		b = pa->e;
	/* a quote that ends its sentence takes nothing from the next */
	b = ends_sentence(x, q) ? q->end : sentence_end(x, q->end, b);
	const char *k = "according to ";
	int unnamed = 0;

	for (p = a; p + 13 <= b; p++) {
		if ((x->t[p] == 'a' || x->t[p] == 'A') &&
		    strncmp(x->t + p + 1, k + 1, 12) == 0 &&
		    (p < q->start || p >= q->end) &&
		    next_word(x, p + 13, b, &ws, &we)) {
			if (according_who(x, ws, we, b, s, e))
				return 1;
			unnamed = 1;
		}
	}
	/* "according to a statement from the ministry", none named */
	return unnamed ? -1 : 0;
}

/* "The remark came from X", "That came from X", not "The three no
 * votes came from X, Y and Z": do the words [a, p) say what was said
 * (wt-speakers7)? */
static int
words_spoken(const struct qctx *x, size_t a, size_t p)
{
	static const char *const said[] = { "remark", "remarks", "words",
	    "comment", "comments", "line", "quip", "warning", "response",
	    "reply", "answer", "message", "verdict", "rebuke", "praise",
	    "criticism", "plea", "call", "retort", "assessment",
	    "observation", "point", "thought", "admission", "complaint",
	    "claim", "prediction", "description", "judgment", "judgement",
	    "sentiment", "advice", "quote", "phrase", "view", "that",
	    "That", "this", "This", "It", "it", NULL };
	size_t ws, we;

	for (; next_word(x, a, p, &ws, &we); a = we) {
		if (word_among(x, ws, we, said))
			return 1;
	}
	return 0;
}

/* '"..." The remark came from Dan Iordache.': the sentence after a
 * quote that ends one names its speaker. */
static int
speaker_next(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	static const char *const keys[] = { "So said ", "came from ",
	    "message from ", "response from ", "reply from ", "the verdict of ",
	    "the view of ", "the words of ", "the assessment of ",
	    "the conclusion of ", "the warning of ", NULL };
	const struct quote *q = &x->q[qi];
	size_t a = skip_blanks(x, q->end), b, p, ws, we, k, n;
	int c;

	near_end(x, q->end);
	uses(x, qi + 1);
	if (a >= x->len)
		return 0;
	b = a + ATTR_WINDOW < x->len ? a + ATTR_WINDOW : x->len;
	if (qi + 1 < x->nq && x->q[qi + 1].start < b)
		b = x->q[qi + 1].start;
	b = sentence_end(x, a, b);
	if ((c = came_from(x, a, b, s, e)) != 0)
		return c;
	if (!ends_sentence(x, q))
		return 0;
	for (p = a; p < b; p++) {
		for (k = 0; keys[k] != NULL; k++) {
			n = strlen(keys[k]);
			if (p + n <= b && memcmp(x->t + p, keys[k], n) == 0 &&
			    (k != 1 || words_spoken(x, a, p)) &&
			    next_word(x, p + n, b, &ws, &we))
				return name_at(x, ws, we, b, s, e) &&
				    owned_by(x, ws, b, s, e) >= 0;
		}
	}
	return next_shaped(x, a, b, s, e);
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

/* "said she had", "told us that he": a pronoun that opens the words
 * reported (from ps on), not the one reporting them. */
static int
reported(const struct qctx *x, size_t ps, size_t ws)
{
	size_t b = skip_back(x, ws), a = utf8_word_back(x->t, b, ps);

	if (a < b && word_is(x, a, b, "that")) {
		b = skip_back(x, a);
		a = utf8_word_back(x->t, b, ps);
	}
	return a < b && verb_at(x, a, b);
}

/* The last "he" or "she" of paragraph pp outside quotes, after p and
 * not reported ("said she had"): its start, or SIZE_MAX. */
static size_t
last_pronoun(const struct qctx *x, const struct para *pp, size_t p)
{
	size_t ws, we, found = SIZE_MAX;

	for (; scan_word(x, p, pp->e, &ws, &we); p = we) {
		if (pronoun_sex(x, ws, we) != 0 && !inside_quote(x, ws) &&
		    !reported(x, pp->s, ws))
			found = ws;
	}
	return found;
}

/* Speaker of the previous paragraph: its last quote's, else the last
 * person it mentions outside quotes, or the one its last "he" or "she"
 * stands for ("She said the team chose islands."). */
static int
speaker_previous(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	size_t pi = x->qpara[qi], k, i, pr;
	const struct para *pp;

	if (x->q[qi].start != x->para[pi].s)
		return 0;
	if (pi == 0) {
		nothing_before(x);
		return 0;
	}
	pp = &x->para[pi - 1];
	for (k = qi; k-- > 0 && x->q[k].end > pp->s;) {
		uses(x, k);
		if (x->q[k].start >= pp->s && x->q[k].said_end > 0) {
			*s = x->q[k].said_start;
			*e = x->q[k].said_end;
			return 1;
		}
	}
	/* the person its last sentence is about ("The victim's mother,
	 * Ewa Nowak, read her statement, her husband, Piotr, beside her") */
	k = sentence_start(x, skip_back(x, pp->e) - 1);
	for (i = ent_from(x, k); i < x->nents && x->ents[i].start < pp->e;
	    i++) {
		if (x->ents[i].type == ENT_PERSON &&
		    !inside_quote(x, x->ents[i].start) && subject_at(x, i)) {
			*s = x->ents[i].start;
			*e = x->ents[i].end;
			return 1;
		}
	}
	for (i = ent_from(x, pp->e); i-- > 0 && x->ents[i].start >= pp->s;) {
		if (x->ents[i].type == ENT_PERSON &&
		    !inside_quote(x, x->ents[i].start))
			break;
	}
	k = i < x->nents && x->ents[i].start >= pp->s ?
	    x->ents[i].end : pp->s;
	if ((pr = last_pronoun(x, pp, k)) != SIZE_MAX)
		return antecedent(x, pr, x->t[pr] == 's' || x->t[pr] == 'S' ?
		    'f' : 'm', s, e);
	if (k > pp->s) {
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	return 0;
}

/* Is quote i the second half of a sentence split by its attribution
 * ('"The rate," said X, "is too high."')? */
static int
split_half(const struct qctx *x, size_t i)
{
	const struct quote *a, *b;
	size_t p, n = 0, ws, we;

	if (i == 0)
		return 0;
	uses(x, i - 1);
	a = &x->q[i - 1];
	b = &x->q[i];
	if (a->said_end == 0 || !split_by_clause(x, i - 1))
		return 0;
	for (p = a->end; scan_word(x, p, b->start, &ws, &we); p = we)
		n++;
	return n > 0 && n <= 12;
}

/*
 * 'the drama "Winter Orchard," whose director', '"The Last Stamp"
 * opens in cinemas': two to six words, each capitalised but for small
 * joining words, with no end of sentence inside and neither a speech
 * verb, a pronoun nor a capital right after ('"Never Again," said Ruiz'):
 * the title of a work, said by no one.
 */
static int
title_quote(const struct qctx *x, const struct quote *q)
{
	static const char *const small[] = { "a", "an", "the", "of", "and",
	    "or", "in", "on", "at", "to", "for", "with", "by", NULL };
	size_t p, ws, we, n = 0;

	/* what follows first: most quotes are followed by who said them */
	if (next_word(x, q->end, x->we, &ws, &we) && (!(x->t[ws] >= 'a' &&
	    x->t[ws] <= 'z') || verb_at(x, ws, we) || pronoun_sex(x, ws, we)))
		return 0;
	for (p = q->start; scan_word(x, p, q->end, &ws, &we); p = we) {
		if (x->t[ws] >= 'a' && x->t[ws] <= 'z' &&
		    (n == 0 || !word_among(x, ws, we, small)))
			return 0;
		if (++n > 6)
			return 0;
	}
	if (n < 2)
		return 0;
	for (p = q->start; p < q->end; p++)
		if (x->t[p] == '.' || x->t[p] == '!' || x->t[p] == '?' ||
		    x->t[p] == ';' || x->t[p] == ':')
			return 0;
	return 1;
}

/*
 * 'the so-called "toll guarantee"', 'a programme called "Safe
 * Streets"', 'known as "the Green Deal"', 'the slogan "Bread, not
 * bombs"': a term or a title, said by no one.  ('which she called "a
 * bridge"' is hers.)
 */
static int
so_called(const struct qctx *x, const struct quote *q)
{
	static const char *const naming[] = { "called", "named", "titled",
	    "entitled", "nicknamed", "dubbed", NULL };
	static const char *const nouns[] = { "slogan", "motto", "phrase",
	    "term", "word", "words", "title", "headline", "banner",
	    "hashtag", "label", NULL };
	static const char *const adverbs[] = { "later", "once", "then",
	    "often", "also", "famously", "memorably", "since", "always",
	    "first", "again", NULL };
	static const char *const perfect[] = { "has", "have", "had", NULL };
	size_t b = skip_back(x, q->start), a, c, d;

	if ((b >= 9 && memcmp(x->t + b - 9, "so-called", 9) == 0) ||
	    title_quote(x, q))
		return 1;
	a = utf8_word_back(x->t, b, b > 64 ? b - 64 : 0);
	if (a >= b)
		return 0;
	if (word_among(x, a, b, nouns))
		return 1;
	d = skip_back(x, a);
	/* ", dubbed", ", nicknamed": a participle in apposition names
	 * what others call the one before the comma, even a person
	 * ("X, dubbed "the quiet giant" by fans"; wt-h8read) */
	if (d > 0 && x->t[d - 1] == ',' && word_among(x, a, b, naming) &&
	    !word_is(x, a, b, "called"))
		return 1;
	c = utf8_word_back(x->t, d, d > 64 ? d - 64 : 0);
	if (word_is(x, a, b, "as") && word_is(x, c, d, "known"))
		return 1;
	/* past an adverb ("what she later called", "he once called") */
	if (c < d && (word_among(x, c, d, adverbs) || (d - c > 4 &&
	    memcmp(x->t + d - 2, "ly", 2) == 0))) {
		d = skip_back(x, c);
		c = utf8_word_back(x->t, d, d > 64 ? d - 64 : 0);
	}
	/* past an auxiliary ("a situation X has called": X's words,
	 * "what critics have called": no one's; wt-h14read) */
	if (c < d && x->t[c] == 'h' && word_among(x, c, d, perfect)) {
		d = skip_back(x, c);
		c = utf8_word_back(x->t, d, d > 64 ? d - 64 : 0);
	}
	/* "called" right before the quote, after a noun, not a name or
	 * a pronoun ("a programme called", "what critics called") */
	return word_among(x, a, b, naming) && c < d &&
	    x->t[c] >= 'a' && x->t[c] <= 'z' && !pronoun(x, c, d) &&
	    !word_is(x, c, d, "it") && !word_is(x, c, d, "him") &&
	    !word_is(x, c, d, "her") && !word_is(x, c, d, "them");
}

/* "Asked whether ..., she smiled.": the start of "he" or "she" right
 * after the first comma of the sentence [a, b) (what precedes leads
 * it in), or SIZE_MAX. */
static size_t
lead_pronoun(const struct qctx *x, size_t a, size_t b)
{
	const char *c = memchr(x->t + a, ',', b - a);
	size_t ws, we;

	if (c == NULL || !next_word(x, (size_t)(c - x->t) + 1, b, &ws, &we) ||
	    pronoun_sex(x, ws, we) == 0 || count_words(x, a, ws) > 24)
		return SIZE_MAX;
	return ws;
}

/*
 * 'Ofori shook his head. "They promised us ..."', 'She laughed.
 * "Every election year ..."': a quote that is a sentence of its own,
 * right after a sentence of its paragraph with no quote, is said by
 * that sentence's subject: its first person not after a preposition
 * (or after "For" that opens it), or the one its first word, "he" or
 * "she", stands for.
 */
static int
speaker_lead_in(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	static const char *const leads[] = { "Then", "Later", "Finally",
	    "Now", "Again", NULL };
	const struct quote *q = &x->q[qi];
	size_t ps = x->para[x->qpara[qi]].s, b = skip_back(x, q->start), a;
	size_t i, ws, we, ns, ne;
	const char *c;

	if (b <= ps || !(x->t[b - 1] == '.' || x->t[b - 1] == '!') ||
	    !sentence_stop(x, b - 1) || count_words(x, q->start, q->end) < 2 ||
	    !(ends_sentence(x, q) || asks_or_exclaims(x, q)))
		return 0;
	for (a = b - 1; a > ps && !stop_before(x, a); a--)
		if (b - a > 2 * ATTR_WINDOW)
			return 0;
	if (qi > 0 && x->q[qi - 1].end > a)
		return 0;	/* a sentence with a quote of its own */
	if (!next_word(x, a, b, &ws, &we))
		return 0;
	/* "Then he grinned." */
	if (word_among(x, ws, we, leads) && next_word(x, we, b, &ns, &ne) &&
	    pronoun_sex(x, ns, ne) != 0)
		return antecedent(x, ns, pronoun_sex(x, ns, ne), s, e);
	if (pronoun_sex(x, ws, we) != 0)
		return antecedent(x, ws, pronoun_sex(x, ws, we), s, e);
	/* "Asked whether ..., she smiled.": the pronoun after the
	 * sentence's leading phrase */
	if ((ns = lead_pronoun(x, a, b)) != SIZE_MAX) {
		next_word(x, ns, b, &ns, &ne);
		return antecedent(x, ns, pronoun_sex(x, ns, ne), s, e);
	}
	/* "Music, they say, came from both sides. "My mother ..."": a
	 * singular "they" after the leading phrase, before a quote in
	 * the first person singular (wt-h8read) */
	if ((c = memchr(x->t + a, ',', b - a)) != NULL &&
	    next_word(x, (size_t)(c - x->t) + 1, b, &ns, &ne) &&
	    word_is(x, ns, ne, "they") && count_words(x, a, ns) <= 24 &&
	    singular_voice(x, q) && singular_they(x, ns, s, e))
		return 1;
	/* "Asked about keeping Vaz on, Lund shrugged.": the names of
	 * the leading phrase are its objects (wt-h12read) */
	if (objects_opener(x, ws, we) &&
	    (c = memchr(x->t + a, ',', b - a)) != NULL)
		a = (size_t)(c - x->t) + 1;
	for (i = ent_from(x, a); i < x->nents && x->ents[i].end < b; i++) {
		if (x->ents[i].type != ENT_PERSON)
			continue;
		/* past "about Vaz's remarks", "with Smith": not the one
		 * who leads in */
		if ((after_preposition(x, a, x->ents[i].start) &&
		    !word_is(x, ws, we, "For")) ||
		    possessor(x, x->ents[i].end, b))
			continue;
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	return 0;
}

/* Are quotes a and b in one sentence ('called them "bold" and
 * "speculative."')? */
static int
one_sentence(const struct qctx *x, size_t a, size_t b)
{
	size_t p;

	if (ends_sentence(x, &x->q[a]) || x->q[b].start - x->q[a].end >
	    ATTR_WINDOW)
		return 0;
	for (p = x->q[a].end; p < x->q[b].start; p++) {
		if ((x->t[p] == '.' || x->t[p] == '!' || x->t[p] == '?') &&
		    space_at(x, p + 1) && sentence_stop(x, p))
			return 0;
	}
	return 1;
}

/* Does quote qi sit inside its sentence (not opening it, nor after a
 * colon: words quoted in the middle of a sentence)? */
static int
fragment_inside(const struct qctx *x, size_t qi)
{
	const struct quote *q = &x->q[qi];
	size_t b = skip_back(x, q->start);

	return b > x->para[x->qpara[qi]].s && x->t[b - 1] != ':' &&
	    !stop_before(x, q->start) && !(x->t[b - 1] == '.' &&
	    sentence_stop(x, b - 1));
}

/*
 * 'A note from Andes Grain Research, titled "...", said the gap "will
 * narrow"': a sentence opening with a written piece "from" or "by" an
 * organisation; words quoted inside it are the organisation's
 * (wt-names9).  Sets [*s, *e).
 */
static int
document_of(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	static const char *const arts[] = { "A", "An", "The", "Its", NULL };
	static const char *const docs[] = { "note", "report", "study",
	    "statement", "analysis", "survey", "memo", "briefing", "review",
	    "letter", NULL };
	static const char *const names[] = { "titled", "entitled",
	    "headlined", "called", "named", NULL };
	size_t a = sentence_start(x, x->q[qi].start), ws, we, i;
	size_t b = skip_back(x, x->q[qi].start);

	/* (not its title: 'a note titled "..."') */
	ws = b > a ? utf8_word_back(x->t, b, a) : b;
	if (ws < b && word_among(x, ws, b, names))
		return 0;
	if (!next_word(x, a, x->q[qi].start, &ws, &we) ||
	    !word_among(x, ws, we, arts) ||
	    !next_word(x, we, x->q[qi].start, &ws, &we) ||
	    !word_among(x, ws, we, docs) ||
	    !next_word(x, we, x->q[qi].start, &ws, &we) ||
	    !(word_is(x, ws, we, "from") || word_is(x, ws, we, "by")) ||
	    !next_word(x, we, x->q[qi].start, &ws, &we))
		return 0;
	i = ent_from(x, ws);
	if (i >= x->nents || x->ents[i].start != ws ||
	    x->ents[i].type != ENT_ORG)
		return 0;
	*s = x->ents[i].start;
	*e = x->ents[i].end;
	return 1;
}

/*
 * 'Ruiz, a baker who ran on a promise to "cut the rates," refused':
 * words of three or more quoted inside a sentence (not opening it,
 * nor after a colon), no attribution found, belong to the sentence's
 * subject, a person or an organisation named first in it.
 */
static int
fragment_subject(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	const struct quote *q = &x->q[qi];
	size_t b = skip_back(x, q->start);

	size_t i, a;

	if (!fragment_inside(x, qi) || count_words(x, q->start, q->end) < 3)
		return 0;
	if (lead_subject(x, q->start, s, e))
		return 1;
	/* "My editor in Warsaw, Zofia Lind, kept writing "…"": the
	 * subject after a leading phrase */
	a = sentence_start(x, q->start);
	for (i = ent_from(x, a); i < x->nents && x->ents[i].end <= b; i++) {
		if (x->ents[i].type != ENT_PERSON ||
		    inside_quote(x, x->ents[i].start))
			continue;
		if (!after_lead(x, x->ents[i].start) || !subject_at(x, i))
			return 0;
		*s = x->ents[i].start;
		*e = x->ents[i].end;
		return 1;
	}
	return 0;
}

#define MODIFIER_REACH	24	/* bytes from a sentence's start where a
				   name only modifies an unnamed subject
				   ("A Labour agent, who ...") */

/* The age in apposition after the name ending at p (", 22,"), or 0. */
static unsigned
age_after(const struct qctx *x, size_t p)
{
	unsigned age = 0;

	if (p + 2 >= x->len || x->t[p] != ',' || x->t[p + 1] != ' ')
		return 0;
	for (p += 2; p < x->len && x->t[p] >= '0' && x->t[p] <= '9' &&
	    age < 1000; p++)
		age = age * 10 + (unsigned)(x->t[p] - '0');
	return p < x->len && (x->t[p] == ',' || x->t[p] == '.') ? age : 0;
}

/*
 * '"...," the younger Nakato said' after "Grace Nakato, 51" and "her
 * daughter, Joy Nakato, 22": of the people the text names in full with
 * the surname [*s, *e) after "the younger" ("the elder", "the older"),
 * the youngest by the ages it gives, else the last named (the eldest,
 * else the first).  Moves [*s, *e) to that person's full name and
 * returns 1 (wt-speakers7).  Work per quote: the mentions before it.
 */
static int
generation(const struct qctx *x, size_t *s, size_t *e)
{
	size_t b = skip_back(x, *s), a, c, i, n = *e - *s, pick = SIZE_MAX;
	unsigned best = 0, age;
	int young;

	a = b > 0 ? utf8_word_back(x->t, b, b > 16 ? b - 16 : 0) : b;
	if (a >= b)
		return 0;
	young = word_is(x, a, b, "younger");
	if (!young && !word_is(x, a, b, "elder") && !word_is(x, a, b, "older"))
		return 0;
	c = skip_back(x, a);
	if (c < 3 || !(word_is(x, c - 3, c, "the") || word_is(x, c - 3, c,
	    "The")))
		return 0;
	for (i = ent_from(x, reach_start(*s)); i < x->nents &&
	    x->ents[i].start < a; i++) {
		const struct entity *m = &x->ents[i];

		if (m->type != ENT_PERSON || m->end - m->start <= n + 1 ||
		    x->t[m->end - n - 1] != ' ' || memcmp(x->t + m->end - n,
		    x->t + *s, n) != 0 || inside_quote(x, m->start))
			continue;
		age = age_after(x, m->end);
		if (pick == SIZE_MAX || (age > 0 && best > 0 ? (young ?
		    age < best : age > best) : (young && best == 0))) {
			pick = i;
			best = age;
		}
	}
	if (pick == SIZE_MAX)
		return 0;
	*s = x->ents[pick].start;
	*e = x->ents[pick].end;
	return 1;
}

/*
 * The quote before i in its paragraph whose speaker a later quote there
 * carries on, past names quoted (so_called: 'screamed X, dubbed "the
 * quiet giant" by fans, ... "Nobody believed in me."'; wt-h8read), or
 * i if there is none.
 */
static size_t
spoken_before(const struct qctx *x, size_t i)
{
	size_t j = i;

	while (j-- > 0 && x->qpara[j] == x->qpara[i]) {
		if (x->q[j].said_end > 0)
			return j;
		if (!so_called(x, &x->q[j]))
			return i;
	}
	return i;
}

/*
 * "X Club (@XClub) wrote:": a handle in parentheses right after a name
 * is that name's account; the speaker is the name, which the document's
 * other mentions share (heldout10's hs02: the handle was the speaker).
 * Moves [*s, *e) from the handle (its letters after "@") to the name.
 * Per quote.
 */
static void
handle_owner(const struct qctx *x, size_t *s, size_t *e)
{
	size_t i, p = *s;

	if (p < 4 || x->t[p - 1] != '@' || x->t[p - 2] != '(' ||
	    x->t[p - 3] != ' ' || *e >= x->len || x->t[*e] != ')')
		return;
	i = ent_from(x, p - 3);	/* (the name is the mention before) */
	if (i == 0 || x->ents[i - 1].end != p - 3 ||
	    !name_type(x->ents[i - 1].type))
		return;
	*s = x->ents[i - 1].start;
	*e = x->ents[i - 1].end;
}

/*
 * '... rather than "a new town," a phrase she uses often': after the
 * quote, a noun for words one repeats (phrase, line, motto, ...) and a
 * pronoun or a name that uses, coined or repeats them: that person
 * (the pronoun's antecedent).  Work per quote: a few words after it
 * (wt-h15read).
 */
static int
phrase_user(const struct qctx *x, size_t qi, size_t *s, size_t *e)
{
	static const char *const nouns[] = { "phrase", "line", "expression",
	    "refrain", "motto", "mantra", "catchphrase", "slogan", "saying",
	    NULL };
	static const char *const use[] = { "uses", "used", "coined",
	    "repeats", "repeated", "likes", "favours", "favors", "borrowed",
	    "borrows", NULL };
	size_t p = x->q[qi].end, lim, ws, we, ns, ne, n;

	/* (a byte first: ", a" or " an" after the quote) */
	while (p < x->len && (x->t[p] == ',' || x->t[p] == ' '))
		p++;
	if (p + 3 >= x->len || x->t[p] != 'a')
		return 0;
	if (x->t[p + 1] == ' ')
		we = p + 1;
	else if (x->t[p + 1] == 'n' && x->t[p + 2] == ' ')
		we = p + 2;
	else
		return 0;
	lim = p + 96 < x->len ? p + 96 : x->len;
	/* (one adjective: "a phrase", "a favourite line"; ASCII words
	 * read a byte at a time, and a noun's length and first letter
	 * asked before the list, most quotes meeting "a spokesperson") */
	for (n = 0, ws = we + 1; n < 2 && ws < lim; n++) {
		for (we = ws; we < lim && x->t[we] >= 'a' && x->t[we] <= 'z';
		    we++)
			;
		if (we - ws >= 4 && we - ws <= 11 && we - ws != 8 &&
		    strchr("plermcs", x->t[ws]) != NULL &&
		    word_among(x, ws, we, nouns))
			break;
		if (we >= lim || x->t[we] != ' ')
			return 0;
		ws = we + 1;
	}
	if (n == 2 || ws >= lim || !next_word(x, we, lim, &ns, &ne))
		return 0;
	if (pronoun(x, ns, ne)) {
		we = ne;
	} else if (name_at(x, ns, ne, lim, s, e) && *s == ns) {
		we = *e;
	} else
		return 0;
	/* (one adverb: "she uses often", "she often uses") */
	for (n = 0; n < 2 && next_word(x, we, lim, &ws, &we); n++) {
		if (word_among(x, ws, we, use))
			return pronoun(x, ns, ne) ? antecedent(x, ns,
			    pronoun_sex(x, ns, ne), s, e) : 1;
	}
	return 0;
}

/* The speaker of quote i; 1 if nothing was found either way (no one,
 * or no one named). */
static int
attribute_one(struct qctx *x, size_t i)
{
	struct quote *q = &x->q[i];
	size_t s, e, j;
	int found;

	/* '"The rate," she said, "is too high."': both halves */
	if (split_half(x, i)) {
		q->said_start = x->q[i - 1].said_start;
		q->said_end = x->q[i - 1].said_end;
		return 0;
	}
	found = so_called(x, q) ? -1 : speaker_after(x, i, &s, &e);
	if (found == 0)
		found = phrase_user(x, i, &s, &e);
	if (found == 0)
		found = speaker_before(x, i, &s, &e);
	/* "A representative of a firm, who asked not to be named, said
	 * stock had "quality problems"": a fragment in a sentence whose
	 * subject is a person named by no name is no one's named, nor
	 * the next paragraph's subject's (wt-names9; work per quote), nor
	 * one named before it or in its subject ("A Labour agent, who
	 * ..., called", wt-speakers7) */
	if ((found == 0 || (found > 0 && s >= x->para[x->qpara[i]].e) ||
	    (found > 0 && org_at(x, s) && s < sentence_start(x, q->start) +
	    MODIFIER_REACH)) &&
	    fragment_inside(x, i) && indefinite_subject(x,
	    sentence_start(x, q->start), q->start) != SIZE_MAX)
		found = -1;
	if (found == 0)
		found = speaker_according(x, i, &s, &e);
	if (found == 0)
		found = speaker_next(x, i, &s, &e);
	if (found == 0 && i > 0)
		uses(x, i - 1);
	if (found == 0 && speaker_lead_in(x, i, &s, &e))
		found = 1;
	if (found == 0 && fragment_subject(x, i, &s, &e))
		found = 1;
	if (found <= 0 && !so_called(x, q) && fragment_inside(x, i) &&
	    document_of(x, i, &s, &e))
		found = 1;	/* (not "a note" unnamed: its author) */
	/* '"...," the Irishman sighed': whom the demonym describes */
	if (found > 0 && demonym_at(x, s, e) && !antecedent(x, s, 0, &s, &e))
		found = -1;
	if (found > 0) {
		generation(x, &s, &e);
		handle_owner(x, &s, &e);
		q->said_start = s;
		q->said_end = e;
	} else if (found < 0)
		;	/* attributed to someone not named */
	else if ((j = spoken_before(x, i)) < i &&
	    (count_words(x, q->start, q->end) > 2 ||
	    ends_sentence(x, q) || one_sentence(x, j, i))) {
		q->said_start = x->q[j].said_start;
		q->said_end = x->q[j].said_end;
	} else if (speaker_previous(x, i, &s, &e)) {
		q->said_start = s;
		q->said_end = e;
	}
	if (q->said_end == 0 && count_words(x, q->start, q->end) <= 2)
		q->flags |= QUOTE_SCARE;
	return found == 0 && q->said_end == 0;
}

#define ECHO_MAX	256	/* letters of a headline's quote compared */
#define ECHO_REACH	8192	/* bytes after it where its words are said */

/* The letters and digits of quote q, lower-cased, into buf: how many. */
static size_t
quote_letters(const struct qctx *x, const struct quote *q, uint32_t *buf)
{
	size_t p = q->start, n = 0;
	uint32_t cp;

	while (p < q->end && n < ECHO_MAX) {
		p += utf8_decode_lossy(x->t + p, q->end - p, &cp);
		if (utf8_is_word(cp))
			buf[n++] = utf8_tolower(cp);
	}
	return n;
}

/*
 * '"A child who loses well will learn anything"' over 'Kavitha X taught
 * chess ... She talks to Y about ...': a headline that is one quote and
 * nothing else, above a standfirst that opens with a person's name: the
 * profile's person says it (wt-h14read).  Sets [*s, *e), returns 1.
 */
static int
standfirst_person(const struct qctx *x, const struct quote *q, size_t *s,
    size_t *e)
{
	const struct para *h = &x->para[0];
	size_t i, p;

	if (x->npara < 3 || x->qpara[0] != 0 || skip_blanks(x, h->s) !=
	    q->start || skip_back(x, h->e) != q->end)
		return 0;
	p = skip_blanks(x, x->para[1].s);
	i = ent_from(x, p);
	if (i >= x->nents || x->ents[i].start != p ||
	    x->ents[i].type != ENT_PERSON)
		return 0;
	*s = x->ents[i].start;
	*e = x->ents[i].end;
	return 1;
}

/*
 * '"I still write by hand": a conversation with Ada Obi': the one
 * person the headline (the first paragraph, one line that is not a
 * sentence) names outside quotes, every mention of one name.  Sets
 * [*s, *e), returns 1.
 */
static int
headline_person(const struct qctx *x, size_t *s, size_t *e)
{
	const struct para *h = &x->para[0];
	size_t i, one = SIZE_MAX, c, end = skip_back(x, h->e);

	/* a headline: one line of at most 20 words, not a sentence */
	if (x->npara < 2 || end <= h->s || x->t[end - 1] == '.' ||
	    memchr(x->t + h->s, '\n', end - h->s) != NULL ||
	    count_words(x, h->s, end) > 20)
		return 0;
	for (i = 0; i < x->nents && x->ents[i].start < h->e; i++) {
		if (x->ents[i].type != ENT_PERSON ||
		    inside_quote(x, x->ents[i].start))
			continue;
		c = x->canon != NULL && x->canon[i] < x->nnamed ?
		    x->canon[i] : i;
		if (one != SIZE_MAX && one != c)
			return 0;
		one = c;
		*s = x->ents[i].start;
		*e = x->ents[i].end;
	}
	return one != SIZE_MAX;
}

/* Is quote i in a deck: the paragraph right after the headline of a
 * window that starts the text, one sentence of at most 40 words with
 * no stop at its end ("Nurses' association warns of a "summer of
 * closures" as the hospital struggles")? */
static int
deck(const struct qctx *x, size_t i)
{
	const struct para *pa;
	size_t end;

	if (x->qpara[i] != 1 || x->ws != 0)
		return 0;
	pa = &x->para[1];
	end = skip_back(x, pa->e);
	return end > pa->s && strchr(".?!:;\"", x->t[end - 1]) == NULL &&
	    (end < 3 || memcmp(x->t + end - 3, "\xe2\x80\x9d", 3) != 0) &&
	    count_words(x, pa->s, end) <= 40;
}

/*
 * A feature's subhead made of a quote ('"We just forgot"' alone on its
 * line, no stop inside its marks, a paragraph of its own after the
 * first): like a headline, its words are said later by their speaker.
 */
static int
subhead(const struct qctx *x, size_t i)
{
	const struct quote *q = &x->q[i];
	const struct para *pa = &x->para[x->qpara[i]];
	char c = last_inside(x, q);

	return x->qpara[i] > 0 && q->start == pa->s &&
	    skip_back(x, pa->e) == q->end && c != 0 && c != '.' && c != ','
	    && c != '?' && c != '!' && c != ':' && c != ';';
}

/*
 * '"The Ice Does Not Negotiate": A Glaciologist ...': a quote in the
 * text's first paragraph (a headline) with no speaker, whose words a
 * later quote says, is that quote's speaker's; above a transcript, the
 * words of the one interviewed.  So is a subhead's (subhead), even
 * when the paragraph before gave it a speaker.
 */
static void
echo_headline(struct qctx *x)
{
	uint32_t a[ECHO_MAX], b[ECHO_MAX];
	size_t i, j, na, nb, k, lim, s, e;

	for (i = 0; i < x->nq; i++) {
		struct quote *q = &x->q[i];
		int sub = subhead(x, i), dk = !sub && deck(x, i);

		/* (the first paragraph is the text's headline only in a
		 * window that starts the text) */
		if (x->qpara[i] == 0 ? x->ws != 0 : !sub && !dk)
			continue;
		/* (two words are enough to be said again in the text:
		 * "changed nothing" of "changed nothing on the water") */
		if ((q->said_end != 0 && !sub) ||
		    count_words(x, q->start, q->end) < 2)
			continue;
		x->mark = 0;
		x->tainted = &x->mark;
		lim = q->end + ECHO_REACH < x->len ? q->end + ECHO_REACH :
		    x->len;
		near_end(x, lim);
		na = quote_letters(x, q, a);
		for (j = i + 1; j < x->nq && x->q[j].start < lim; j++) {
			if (x->q[j].said_end == 0)
				continue;
			nb = quote_letters(x, &x->q[j], b);
			for (k = 0; na > 0 && k + na <= nb; k++) {
				if (memcmp(a, b + k, na * sizeof *a) == 0)
					break;
			}
			if (na > 0 && k + na <= nb && ((!sub && !dk) ||
			    x->q[j].start > q->end)) {
				uses(x, j);
				q->said_start = x->q[j].said_start;
				q->said_end = x->q[j].said_end;
				q->flags &= ~(unsigned)QUOTE_SCARE;
				break;
			}
		}
		if (q->said_end == 0 && !sub && !dk &&
		    (headline_person(x, &s, &e) ||
		    standfirst_person(x, q, &s, &e))) {
			q->said_start = s;
			q->said_end = e;
			q->flags &= ~(unsigned)QUOTE_SCARE;
		}
		/* (a panel's headline quote is none of its guests') */
		if (q->said_end == 0 && !sub && !dk && x->qd->has_guest &&
		    !x->qd->panel) {
			q->said_start = x->qd->guest_s;
			q->said_end = x->qd->guest_e;
			q->flags &= ~(unsigned)QUOTE_SCARE;
		}
		x->taint[i] |= (unsigned char)x->mark;
	}
	x->tainted = NULL;
}

static void
attribute(struct qctx *x)
{
	unsigned char *open = xcalloc(x->nq + 1, 1);
	size_t i;

	for (i = 0; i < x->nq; i++) {
		x->mark = 0;
		x->cur = i;
		x->tainted = &x->mark;
		open[i] = (unsigned char)attribute_one(x, i);
		x->taint[i] |= (unsigned char)x->mark;
	}
	x->tainted = NULL;
	/* 'X cut it to "hold" from "buy", saying ...': a quote no one was
	 * found for takes the speaker of the next quote of its sentence */
	for (i = x->nq; i-- > 1;) {
		struct quote *q = &x->q[i - 1];

		if (!open[i - 1] || x->q[i].said_end == 0 ||
		    x->qpara[i - 1] != x->qpara[i] || !one_sentence(x, i - 1, i))
			continue;
		q->said_start = x->q[i].said_start;
		q->said_end = x->q[i].said_end;
		q->flags &= ~(unsigned)QUOTE_SCARE;
		x->taint[i - 1] |= x->taint[i];
	}
	free(open);
	echo_headline(x);
}

/* A mention of the same name as text[s, e) (for a speaker found as a
 * bare run of capitalised words), or -1. */
static long
same_name(const struct qctx *x, size_t s, size_t e)
{
	size_t i;

	for (i = 0; i < x->nents; i++) {
		const struct entity *m = &x->ents[i];

		if ((m->type == ENT_PERSON || m->type == ENT_ORG) &&
		    m->end - m->start == e - s &&
		    memcmp(x->t + m->start, x->t + s, e - s) == 0)
			return (long)i;
	}
	return -1;
}

/*
 * Each speaker by the fullest name the text gives for its entity (the
 * attribution's words stay as the quote's "said" span).
 */
static void
name_speakers(struct qctx *x)
{
	size_t i, s, e;
	long m;

	for (i = 0; i < x->nq; i++) {
		struct quote *q = &x->q[i];

		if (q->said_end <= q->said_start)
			continue;
		if ((m = coref_mention_at(x->ents, x->nents, q->said_start,
		    q->said_end)) >= 0)
			coref_name(x->t, x->ents, x->canon, x->nnamed,
			    (size_t)m, &s, &e);
		else if (x->qd->name_of != NULL) {
			/* a window: the first such mention of the text */
			if (!x->qd->name_of(x->qd->name_arg, q->said_start,
			    q->said_end, &s, &e)) {
				s = q->said_start;
				e = q->said_end;
			}
		} else if ((m = same_name(x, q->said_start, q->said_end)) >= 0)
			coref_name(x->t, x->ents, x->canon, x->nents,
			    (size_t)m, &s, &e);
		else {
			s = q->said_start;
			e = q->said_end;
		}
		q->speaker_start = s;
		q->speaker_end = e;
		if (s == q->said_start && e == q->said_end)
			q->said_start = q->said_end = 0;
	}
}

/* ---- the whole text, and windows of it ---- */

#define QUOTES_CHUNK	(1u << 20)	/* the text pass reads this much
					   at a time */

/* Where the first paragraph at or after p starts (as add_para trims
 * it), or SIZE_MAX. */
static size_t
para_start_at(const char *t, size_t len, size_t p)
{
	size_t le, q;

	while (p < len) {
		const char *nl = memchr(t + p, '\n', len - p);

		le = nl == NULL ? len : (size_t)(nl - t);
		for (q = p; q < le && (t[q] == ' ' || t[q] == '\t' ||
		    t[q] == '\r'); q++)
			;
		if (q < le) {
			for (q = p; t[q] == ' ' || t[q] == '\t'; q++)
				;
			return q;
		}
		p = le + 1;
	}
	return SIZE_MAX;
}

/* The first line start after a blank line at or after p (or len). */
static size_t
chunk_end(const char *t, size_t len, size_t p)
{
	const char *nl;
	size_t q;

	while (p < len && (nl = memchr(t + p, '\n', len - p)) != NULL) {
		p = (size_t)(nl - t) + 1;
		for (q = p; q < len && (t[q] == ' ' || t[q] == '\t' ||
		    t[q] == '\r'); q++)
			;
		if (q < len && t[q] == '\n')
			return q + 1;
	}
	return len;
}

void
quotes_doc_cont(struct quotes_doc *qd, size_t p)
{
	if (qd->ncont == qd->capcont) {
		qd->capcont = qd->capcont ? qd->capcont * 2 : 64;
		qd->cont = xreallocarray(qd->cont, qd->capcont,
		    sizeof *qd->cont);
	}
	qd->cont[qd->ncont++] = p;
}

void
quotes_doc_text(struct quotes_doc *qd, const struct rules *r,
    const char *text, size_t len)
{
	struct pairing st;
	struct qctx x;
	size_t a, b, count = 0;
	int single;

	for (single = 0; single <= 1; single++) {
		memset(&x, 0, sizeof x);
		x.r = r;
		x.t = text;
		x.len = len;
		x.nmarks = rules_quote_marks(r, &x.marks);
		x.single = single;
		st.open = -1;
		st.qs = st.qpi = 0;
		qd->ncont = 0;
		for (a = 0; a < len; a = b) {
			b = chunk_end(text, len, a + QUOTES_CHUNK < len ?
			    a + QUOTES_CHUNK : len);
			x.ws = a;
			x.we = b;
			x.npara = 0;
			x.nq = 0;
			split_paragraphs(&x);
			if (!single)
				count_labels(qd, &x);
			pair_quotes_from(&x, &st, para_start_at(text, len, b),
			    qd);
			count += x.nq;
		}
		free(x.para);
		free(x.q);
		free(x.qpara);
		free(x.taint);
		/* No double quotes at all: British style, 'single' ones. */
		if (count > 0)
			break;
	}
	qd->single = single == 1;
	top_labels(qd);
}

int
quotes_doc_closed(const struct quotes_doc *qd, const char *text,
    size_t len, size_t p)
{
	size_t s = para_start_at(text, len, p), lo = 0, hi = qd->ncont;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (qd->cont[mid] < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo >= qd->ncont || qd->cont[lo] != s;
}

void
quotes_doc_free(struct quotes_doc *qd)
{
	if (qd->labels != NULL) {
		strmap_free(qd->labels);
		free(qd->labels);
	}
	free(qd->cont);
	memset(qd, 0, sizeof *qd);
}

size_t
quotes_find_window(const struct rules *r, const char *text, size_t len,
    size_t ws, size_t we, const struct entity *ents, const size_t *canon,
    size_t nents, size_t nnamed, const char *sex,
    const struct quotes_doc *qd, struct quote **out, unsigned char **taint)
{
	struct starts starts;
	struct qctx x;

	memset(&x, 0, sizeof x);
	memset(&starts, 0, sizeof starts);
	x.starts = &starts;
	x.nested = &x.depth;
	x.r = r;
	x.t = text;
	x.len = len;
	x.ws = ws;
	x.we = we;
	x.ents = ents;
	x.canon = canon;
	x.nents = nents;
	x.nnamed = nnamed;
	x.sex = sex;
	x.qd = qd;
	x.single = qd->single;
	x.nmarks = rules_quote_marks(r, &x.marks);
	split_paragraphs(&x);
	find_transcript(&x);
	pair_quotes(&x);
	attribute(&x);
	name_speakers(&x);
	free(x.para);
	free(x.qpara);
	free(x.qa);
	if (taint != NULL)
		*taint = x.taint;
	else
		free(x.taint);
	*out = x.q;
	return x.nq;
}

size_t
quotes_find(const struct rules *r, const char *text, size_t len,
    const struct entity *ents, const size_t *canon, size_t nents,
    struct quote **out)
{
	struct quotes_doc qd;
	char *sex = xcalloc(nents + 1, 1);
	size_t n;

	memset(&qd, 0, sizeof qd);
	quotes_doc_text(&qd, r, text, len);
	quotes_doc_mentions(&qd, text, ents, nents);
	quotes_doc_finish(&qd, text, len);
	coref_sexes(r, text, len, ents, canon, nents, sex);
	n = quotes_find_window(r, text, len, 0, len, ents, canon, nents,
	    nents, sex, &qd, out, NULL);
	free(sex);
	quotes_doc_free(&qd);
	return n;
}
