/*
 * analysis.c: one article's analysis: entity mentions first, linked
 * into entities (coref.h), then the quotes (whose speakers are found
 * among those mentions and named by their entity's fullest name).
 *
 * A long text is read in blocks of about ANALYSIS_BLOCK bytes, on as
 * many threads as analysis_set_threads allows (entities.h says how the
 * recogniser splits its work): the words seen lower-case, every block
 * at once; the votes, block after block on one thread, while the other
 * threads run the pattern rules over the first blocks (what they match
 * does not depend on the votes); then the mentions, every block at
 * once.  A block boundary is a paragraph start
 * after a blank line where the rules' segments end too, so that every
 * block reads exactly what the whole text would have it read there: the
 * result is the same whatever the number of threads or blocks, and the
 * same as one block of the whole text.  Every pattern is compiled
 * before the threads start (rules_prepare); each thread has its own
 * match data and JIT stack (rules.c).
 *
 * Block by block (analysis_stream), the analysis keeps what spans the
 * text and makes each block's mentions and quotes when asked; through
 * analysis_pipe, threads make them a few blocks ahead and hand each to
 * the caller's work (a listing's lines, a dump's rows) before this
 * thread takes them in order.
 */
#include "artread/analysis.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "artread/coref.h"
#include "artread/diag.h"
#include "artread/entities.h"
#include "artread/quotes.h"
#include "artread/rules.h"
#include "artread/spill.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define ANALYSIS_BLOCK		(1u << 20)
#define ANALYSIS_MAX_THREADS	64
/* Words kept from one step to the next (24 bytes each, a word about
 * every 6 bytes of news); past this, a block's words are found again
 * for each step instead (a third of the work more, in memory that does
 * not grow with the text). */
#define TOKENS_KEPT		(48u << 20)

/* Blocks whose lower-case words are found at once (at least; two a
 * thread if more), before they are added to the text's. */
#define LOWER_BATCH		8

static int threads_wanted;	/* 0: one a core */
static size_t block_size = ANALYSIS_BLOCK;

void
analysis_set_block_size(size_t bytes)
{
	block_size = bytes > 0 ? bytes : ANALYSIS_BLOCK;
}

void
analysis_set_threads(int n)
{
	threads_wanted = n < 0 ? 0 : n > ANALYSIS_MAX_THREADS ?
	    ANALYSIS_MAX_THREADS : n;
}

int
analysis_threads(void)
{
	long n;

	if (threads_wanted > 0)
		return threads_wanted;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > ANALYSIS_MAX_THREADS ? ANALYSIS_MAX_THREADS :
	    (int)n;
}

/* ---- blocks ---- */

/* Does a blank line end just before e? */
static int
after_blank_line(const char *t, size_t e)
{
	size_t p;

	if (e < 2 || t[e - 1] != '\n')
		return 0;
	for (p = e - 1; p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t' ||
	    t[p - 1] == '\r'); p--)
		;
	return p > 0 && t[p - 1] == '\n';
}

/* The blocks of t: see analysis_blocks; with qd, none starts where a
 * quote runs on.  With taper, those in the last 2 * want bytes are half
 * as long, so that the threads' last pieces of work end closer together
 * (the result does not depend on where blocks are cut; wt-dump). */
static size_t
find_blocks(const char *t, size_t len, size_t want,
    const struct quotes_doc *qd, int taper, size_t **bounds)
{
	size_t n = 0, cap = 16, s = 0, e, last = 0, w;
	size_t *b = xcalloc(cap, sizeof *b);

	b[n++] = 0;
	while (want > 0 && s < len) {
		e = rules_segment_end(t, len, s);
		if (e <= s)
			break;		/* (never: a segment is not empty) */
		w = taper && len - e < want * 2 ? want / 2 : want;
		if (e < len && e - last >= w && after_blank_line(t, e) &&
		    ent_para_at(t, len, e) && (qd == NULL ||
		    quotes_doc_closed(qd, t, len, e))) {
			if (n + 1 >= cap) {
				cap *= 2;
				b = xreallocarray(b, cap, sizeof *b);
			}
			b[n++] = last = e;
		}
		s = e;
	}
	b[n++] = len;
	*bounds = b;
	return n - 1;
}

size_t
analysis_blocks(const char *t, size_t len, size_t want, size_t **bounds)
{
	return find_blocks(t, len, want, NULL, 0, bounds);
}

/* ---- threads ---- */

struct block {
	size_t			 s;
	size_t			 e;
	struct ent_block	*eb;		/* its words, if kept */
	struct strmap		 lower;
	int			 valid;
	struct entity		*ents;
	size_t			 nents;
	struct ent_cands	*cands;		/* its rules' matches, if found
						   (d is then set up) */
	struct diag		 d;
};

struct engine {
	const struct rules	*r;
	const char		*t;
	size_t			 len;
	struct ent_doc		*doc;
	struct block		*b;
	size_t			 nb;
	int			 keep;		/* keep each block's words */
	/* called with each block's mentions as they are found (in any
	 * thread), to keep them its own way */
	void			(*found)(struct engine *, size_t);
	void			*arg;
};

struct work {
	struct engine		*en;
	void			(*fn)(struct engine *, size_t);
	atomic_size_t		 next;
	size_t			 n;		/* up to this block */
};

static void *
worker(void *arg)
{
	struct work *w = arg;
	size_t i;

	while ((i = atomic_fetch_add(&w->next, 1)) < w->n)
		w->fn(w->en, i);
	rules_thread_end();
	return NULL;
}

/* fn for blocks [from, to), on up to analysis_threads() threads. */
static void
each_block_in(struct engine *en, void (*fn)(struct engine *, size_t),
    size_t from, size_t to)
{
	pthread_t th[ANALYSIS_MAX_THREADS];
	struct work w;
	size_t i;
	int k, nt = analysis_threads(), started = 0;

	w.en = en;
	w.fn = fn;
	w.n = to;
	atomic_init(&w.next, from);
	if ((size_t)nt > to - from)
		nt = (int)(to - from);
	for (k = 1; k < nt; k++) {
		if (pthread_create(&th[started], NULL, worker, &w) != 0)
			break;
		started++;
	}
	while ((i = atomic_fetch_add(&w.next, 1)) < w.n)
		fn(en, i);	/* this thread works too */
	for (k = 0; k < started; k++)
		pthread_join(th[k], NULL);
}

/* fn for every block. */
static void
each_block(struct engine *en, void (*fn)(struct engine *, size_t))
{
	each_block_in(en, fn, 0, en->nb);
}

static struct ent_block *
words_of(struct engine *en, size_t i)
{
	struct block *b = &en->b[i];

	if (b->eb == NULL)
		b->eb = ent_block_new(en->doc, b->s, b->e);
	return b->eb;
}

static void
done_with_words(struct engine *en, size_t i)
{
	if (!en->keep) {
		ent_block_free(en->b[i].eb);
		en->b[i].eb = NULL;
	}
}

/* 1: the lower-case words (and whether the block is valid UTF-8) */
static void
step_lower(struct engine *en, size_t i)
{
	struct block *b = &en->b[i];

	b->valid = utf8_valid(en->t + b->s, b->e - b->s);
	strmap_init(&b->lower, 1);
	ent_block_lower(en->doc, words_of(en, i), &b->lower);
	done_with_words(en, i);
}

/* 3a: the pattern rules' matches (the votes do not change them) */
static void
step_rules(struct engine *en, size_t i)
{
	struct block *b = &en->b[i];

	diag_init(&b->d);
	b->cands = ent_block_rules(en->doc, b->s, b->e, &b->d);
}

/* 3: the mentions */
static void
step_find(struct engine *en, size_t i)
{
	struct block *b = &en->b[i];

	if (b->cands == NULL)
		step_rules(en, i);
	b->nents = ent_block_found(en->doc, words_of(en, i), b->cands,
	    &b->ents);
	b->cands = NULL;
	ent_block_free(b->eb);
	b->eb = NULL;
	if (en->found != NULL)
		en->found(en, i);
}

/* Add from's messages to d (if not NULL), each once: a rule switched
 * off in several blocks is reported once. */
static void
diag_merge(struct diag *d, const struct diag *from)
{
	size_t i, k;

	for (i = 0; d != NULL && i < from->n; i++) {
		for (k = 0; k < d->n && strcmp(d->msgs[k], from->msgs[i]) != 0;
		    k++)
			;
		if (k == d->n)
			diag_error(d, "%s", from->msgs[i]);
	}
}

/* Set up en for t[0, len) in the blocks bounds[0..nb]. */
static void
engine_init(struct engine *en, const struct rules *r, const char *t,
    size_t len, size_t *bounds, size_t nb)
{
	size_t i;

	memset(en, 0, sizeof *en);
	en->r = r;
	en->t = t;
	en->len = len;
	en->nb = nb;
	en->b = xcalloc(nb, sizeof *en->b);
	for (i = 0; i < nb; i++) {
		en->b[i].s = bounds[i];
		en->b[i].e = bounds[i + 1];
	}
	en->doc = ent_doc_new(r, t, len, 0);
	/* one block: its words are kept, as always before */
	en->keep = nb == 1 || len / 6 * 24 <= TOKENS_KEPT;
}

/* Blocks whose rules' matches are found while the votes are counted
 * (their matches wait in memory: about 0.3 MB a block of news, so at
 * most 5 MB; the 10 MB bench file's blocks all fit). */
#define RULES_AHEAD	16

/*
 * The votes and the find step (2 and 3) with no wait between them: the
 * threads that found rules' matches ahead go on to find mentions once
 * the votes are in, while this thread starts on the blocks no thread
 * took; the blocks taken ahead come last, so that one still being read
 * is finished before it is asked for (wt-dump: this thread waited for
 * it before, half a block's rules on average).
 */
struct ahead {
	struct engine		*en;
	atomic_size_t		 next;		/* the next block's rules */
	size_t			 n;		/* ... up to this block */
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;		/* voted, or a block ruled */
	int			 voted;		/* (mu) the votes are in */
	unsigned char		*ruled;		/* (mu) its rules' matches in */
	size_t			 from;		/* (once voted) blocks before it
						   were taken ahead */
	atomic_size_t		 find;		/* the next in the find order */
};

/* The find step over the blocks from from on, then those before. */
static void
find_after_votes(struct ahead *a)
{
	size_t q, i, nb = a->en->nb;

	while ((q = atomic_fetch_add(&a->find, 1)) < nb) {
		i = q < nb - a->from ? a->from + q : q - (nb - a->from);
		if (i < a->from) {
			pthread_mutex_lock(&a->mu);
			while (!a->ruled[i])
				pthread_cond_wait(&a->cv, &a->mu);
			pthread_mutex_unlock(&a->mu);
		}
		step_find(a->en, i);
	}
}

/* (a thread) the first blocks' rules' matches until the votes are in,
 * then mentions */
static void *
rules_ahead(void *arg)
{
	struct ahead *a = arg;
	size_t i;
	int voted = 0;

	while (!voted && (i = atomic_fetch_add(&a->next, 1)) < a->n) {
		step_rules(a->en, i);
		pthread_mutex_lock(&a->mu);
		a->ruled[i] = 1;
		voted = a->voted;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	pthread_mutex_lock(&a->mu);
	while (!a->voted)
		pthread_cond_wait(&a->cv, &a->mu);
	pthread_mutex_unlock(&a->mu);
	find_after_votes(a);
	rules_thread_end();
	return NULL;
}

/* 2: the votes, block after block on this thread, while the other
 * threads find the first blocks' rules' matches (step 3's first half,
 * which does not depend on the votes); then 3 on every thread. */
static void
votes_then_find(struct engine *en)
{
	pthread_t th[ANALYSIS_MAX_THREADS];
	struct ahead a;
	size_t i;
	int k, started = 0, nt = analysis_threads();

	memset(&a, 0, sizeof a);
	a.en = en;
	a.n = en->nb < RULES_AHEAD ? en->nb : RULES_AHEAD;
	a.ruled = xcalloc(en->nb, 1);
	atomic_init(&a.next, 0);
	atomic_init(&a.find, 0);
	pthread_mutex_init(&a.mu, NULL);
	pthread_cond_init(&a.cv, NULL);
	for (k = 1; k < nt && en->nb > 1; k++) {
		if (pthread_create(&th[started], NULL, rules_ahead, &a) != 0)
			break;
		started++;
	}
	for (i = 0; i < en->nb; i++) {
		ent_block_vote(en->doc, words_of(en, i));
		done_with_words(en, i);
	}
	/* no block is taken ahead from now on */
	a.from = atomic_fetch_add(&a.next, en->nb);
	if (a.from > a.n)
		a.from = a.n;
	pthread_mutex_lock(&a.mu);
	a.voted = 1;
	pthread_cond_broadcast(&a.cv);
	pthread_mutex_unlock(&a.mu);
	find_after_votes(&a);
	for (k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	pthread_mutex_destroy(&a.mu);
	pthread_cond_destroy(&a.cv);
	free(a.ruled);
}

/* Every block's mentions (en->b[i].ents), the problems of their rules
 * in d. */
static void
entities_in_blocks(struct engine *en, struct diag *d)
{
	size_t i, from, to, batch = (size_t)analysis_threads() * 2;
	int valid = 1;

	rules_prepare(en->r);
	/* a few blocks' words at a time, added in order (a block's words
	 * seen lower-case are as many as its vocabulary) */
	if (batch < LOWER_BATCH)
		batch = LOWER_BATCH;
	for (from = 0; from < en->nb; from = to) {
		to = en->nb - from > batch ? from + batch : en->nb;
		each_block_in(en, step_lower, from, to);
		for (i = from; i < to; i++) {
			ent_doc_add_lower(en->doc, &en->b[i].lower);
			strmap_free(&en->b[i].lower);
			valid &= en->b[i].valid;
		}
	}
	ent_doc_set_valid(en->doc, valid);
	votes_then_find(en);
	for (i = 0; i < en->nb; i++) {
		diag_merge(d, &en->b[i].d);
		diag_free(&en->b[i].d);
	}
	ent_doc_free(en->doc);
	en->doc = NULL;
}

/* The mentions of t[0, len), block by block: sorted, no overlaps. */
static size_t
find_entities(const struct rules *r, const char *t, size_t len,
    struct entity **out, struct diag *d)
{
	struct engine en;
	size_t *bounds, i, n = 0, nb;

	nb = find_blocks(t, len, block_size, NULL, 0, &bounds);
	engine_init(&en, r, t, len, bounds, nb);
	free(bounds);
	entities_in_blocks(&en, d);
	for (i = 0; i < en.nb; i++)
		n += en.b[i].nents;
	*out = xcalloc(n + 1, sizeof **out);
	for (i = 0, n = 0; i < en.nb; i++) {
		memcpy(*out + n, en.b[i].ents, en.b[i].nents * sizeof **out);
		n += en.b[i].nents;
		free(en.b[i].ents);
	}
	free(en.b);
	return n;
}

void
analysis_run_diag(const struct rules *r, const char *text, size_t len,
    struct analysis *out, struct diag *d)
{
	out->nnamed = 0;
	out->nents = find_entities(r, text, len, &out->ents, d);
	out->canon = xcalloc(out->nents + 1, sizeof *out->canon);
	coref_link(r, text, len, out->ents, out->nents, out->canon);
	out->nquotes = quotes_find(r, text, len, out->ents, out->canon,
	    out->nents, &out->quotes);
}

void
analysis_run(const struct rules *r, const char *text, size_t len,
    struct analysis *out)
{
	analysis_run_diag(r, text, len, out, NULL);
}

size_t
analysis_named(const struct analysis *a)
{
	return a->nnamed > a->nents ? a->nnamed : a->nents;
}

size_t
analysis_canon(const struct analysis *a, size_t i)
{
	return a->canon != NULL && i < a->nents &&
	    a->canon[i] < analysis_named(a) ? a->canon[i] : i;
}

void
analysis_free(struct analysis *a)
{
	free(a->ents);
	free(a->quotes);
	free(a->canon);
	a->ents = NULL;
	a->quotes = NULL;
	a->canon = NULL;
	a->nents = a->nquotes = a->nnamed = 0;
}

/* ---- a block at a time, in bounded memory ---- */

/*
 * What analysis_stream keeps of the whole text: the names (the first
 * person or organisation written each way, and its entity's name) and
 * the quotes' whole-text facts (quotes_doc), in memory; and on a tape
 * (spill.h: in memory for a short text, else in a temporary file) each
 * block's record: its mentions, 8 bytes each, then, once they are
 * linked, the entity of each of its mentions (its fullest name and sex,
 * 16 bytes).  The tape is written three times, in order, and read a
 * block at a time: as the mentions are found, as they are moved into
 * the stream's blocks, as the names are settled.  The mentions of the
 * whole text are linked by coref_linker (coref.h), which keeps them on
 * tapes of its own, and its union-find (4 bytes each) past the tapes'
 * limit in a mapped file.
 *
 * The quotes of a block are read in a window around it (QUOTES_BEFORE
 * bytes before, QUOTES_AFTER after, at paragraph starts no quote runs
 * on into) and kept only if none of them looked past the window
 * (quotes.h); else the window grows, up to QUOTES_MAX bytes each way:
 * no look back reaches further than 64 KB (quotes.c), so a window that
 * wide sees what the whole text would, but for a chain of quotes each
 * taking its speaker from the one before over a quarter of a megabyte.
 * Unbounded, such chains in a long text of many articles made windows
 * grow to the whole text, and the work quadratic.
 *
 * Such chains are common (a quote that finds no speaker takes the one
 * before it, and each quote is read against the one before), so in a
 * text full of quotes most blocks' windows do grow to QUOTES_MAX.  So
 * that blocks next to each other ask for the same windows, a window's
 * start is rounded down to a multiple of how far it reaches back at
 * that step of its growth (its end up to one of how far it reaches
 * on), and the last window read at each step is kept (struct qwin):
 * small blocks (a paragraph each, as the tests cut) share a window a
 * step instead of each reading its own (they cost 6 ms a block in a
 * text of half a megabyte, the windows 900 times the text).  A window
 * no look went past gives the whole text's quotes wherever it starts,
 * so the rounding changes no result (test_analysis.c checks).
 */
#define QUOTES_BEFORE	(16u << 10)
#define QUOTES_AFTER	(4u << 10)
#define QUOTES_MAX	(256u << 10)
#define QUOTE_STEPS	12	/* windows kept: 1 byte to QUOTES_MAX, x4 */
#define CM_PAIR		0x80u	/* cment: "NAME (OTHER)" with the next */
#define SPILL_MEM	(4u << 20)	/* a tape's bytes kept in memory */
/* Blocks analysis_stream_mention_at keeps read: asked in order, the
 * speakers of a block's quotes are in it, the block before, or one
 * further back (a byline's author) */
#define AT_KEPT		4

static size_t spill_limit = SPILL_MEM;

void
analysis_set_spill_limit(size_t bytes)
{
	spill_limit = bytes > 0 ? bytes : SPILL_MEM;
}

struct cment {
	uint32_t	off;		/* from the block's start */
	uint32_t	len_type;	/* length << 8 | pair | type */
};

/* A linked mention's entity: its fullest mention, and its sex. */
struct slink {
	uint64_t	start;
	uint32_t	len_type;	/* length << 8 | type */
	char		sex;
	char		pad[3];
};

struct sblock {
	size_t			 s;
	size_t			 e;
	size_t			 nm;		/* its mentions */
	size_t			 nl;		/* its slinks (once settled) */
	uint64_t		 at;		/* its record on the tape */
	size_t			 linked;	/* its first mention's number in
						   the whole text */
};

/* A block's analysis, made (perhaps in another thread) before it is
 * given out. */
struct sview {
	struct analysis		 an;
	size_t			 k;		/* the block */
};

/* The quotes of the window [ws, we) (quotes_find_window), as read last
 * at one step of a block's window's growth. */
struct qwin {
	size_t			 ws;
	size_t			 we;
	size_t			 nq;
	struct quote		*q;		/* NULL: none read */
	unsigned char		*taint;
};

struct analysis_stream {
	const struct rules	*r;
	const char		*t;
	size_t			 len;
	struct sblock		*b;
	size_t			 nb;
	struct spill		*tape;		/* the blocks' records */
	struct strmap		 named;		/* as written -> slink */
	struct quotes_doc	 qd;
	/* giving blocks out */
	struct sview		*ready;		/* made, not yet given out */
	size_t			 nready;
	size_t			 next;		/* in ready */
	size_t			 done;		/* blocks made */
	struct analysis		 cur;		/* given out last */
	struct analysis		 whole;		/* a text of one block */
	int			 one;
	/* analysis_stream_mention_at's last blocks */
	struct at_block {
		struct cment		*m;
		const struct slink	*names;
		size_t			 k;	/* + 1; 0: none */
		size_t			 used;	/* when last asked */
	}			 at[AT_KEPT];
	size_t			 at_asked;
	atomic_size_t		 windows;	/* quote windows read */
	struct qwin		 qwin[QUOTE_STEPS];
	pthread_mutex_t		 qwin_mu;
};

size_t
analysis_stream_windows(struct analysis_stream *st)
{
	return atomic_load(&st->windows);
}

static struct entity
cment_entity(const struct sblock *b, const struct cment *c)
{
	struct entity e;

	e.start = b->s + c->off;
	e.end = e.start + (c->len_type >> 8);
	e.type = (enum ent_type)(c->len_type & 0x7f);
	return e;
}

static struct entity
slink_entity(const struct slink *l)
{
	struct entity e;

	e.start = (size_t)l->start;
	e.end = e.start + (l->len_type >> 8);
	e.type = (enum ent_type)(l->len_type & 0xff);
	return e;
}

/* Block b's record from the tape: its mentions (the result: free it),
 * then its slinks in *names (if not NULL). */
static struct cment *
block_load(const struct analysis_stream *st, const struct sblock *b,
    const struct slink **names)
{
	size_t n = b->nm * sizeof(struct cment) + b->nl * sizeof(struct slink);
	struct cment *m = xmalloc(n + sizeof(struct slink));

	spill_get(st->tape, b->at, m, n);
	if (names != NULL)
		*names = (const struct slink *)(void *)(m + b->nm);
	return m;
}

/* (engine hook) block i's mentions, compact, onto the tape */
static void
stream_keep(struct engine *en, size_t i)
{
	struct analysis_stream *st = en->arg;
	struct block *b = &en->b[i];
	struct sblock *sb = &st->b[i];
	struct cment *m = xcalloc(b->nents + 1, sizeof *m);
	size_t k;

	for (k = 0; k < b->nents; k++) {
		m[k].off = (uint32_t)(b->ents[k].start - b->s);
		m[k].len_type = (uint32_t)((b->ents[k].end -
		    b->ents[k].start) << 8) | (uint32_t)b->ents[k].type |
		    (coref_paired(en->t, en->len, b->ents, b->nents, k) ?
		    CM_PAIR : 0);
	}
	sb->nm = b->nents;
	sb->at = spill_put(st->tape, m, b->nents * sizeof *m);
	free(m);
	free(b->ents);
	b->ents = NULL;
}

/* A linked mention's entity, as the linker gives it out. */
static struct slink
linked_entity(const struct coref_entity *c)
{
	struct slink l;

	memset(&l, 0, sizeof l);
	l.start = c->start;
	l.len_type = c->len << 8 | c->type;
	l.sex = c->sex;
	return l;
}

/* The name of an entity (coref_name). */
static void
slink_name(const struct analysis_stream *st, const struct slink *l,
    size_t *s, size_t *e)
{
	struct entity c = slink_entity(l);

	coref_name(st->t, &c, NULL, 1, 0, s, e);
}

/*
 * Each block's record again, with its mentions' entities (slinks)
 * after them, onto a new tape; and the names of the persons and
 * organisations written first each way (first: as written -> number + 1, in
 * the order met), for stream_name_of.
 */
static void
settle(struct analysis_stream *st, struct coref_linker *lk,
    const struct strmap *first)
{
	struct spill *tape = spill_open(spill_limit);
	struct slink *names = NULL;
	struct coref_entity ce;
	struct cment *m;
	size_t i, k, cap = 0, nf = 0, g, len;
	const char *key;

	strmap_init(&st->named, sizeof(struct slink));
	for (i = 0; i < st->nb; i++) {
		struct sblock *b = &st->b[i];

		m = block_load(st, b, NULL);
		for (k = 0, b->nl = 0; k < b->nm; k++) {
			if (b->nl == cap) {
				cap = cap ? cap * 2 : 256;
				names = xreallocarray(names, cap,
				    sizeof *names);
			}
			coref_linker_next(lk, &ce);
			names[b->nl] = linked_entity(&ce);
			g = b->linked + b->nl++;
			if (nf < strmap_count(first) && *(const size_t *)
			    strmap_value(first, nf) == g + 1) {
				key = strmap_key(first, nf++, &len);
				ce.sex = 0;
				*(struct slink *)strmap_add(&st->named, key,
				    len) = linked_entity(&ce);
			}
		}
		b->at = spill_put(tape, m, b->nm * sizeof *m);
		spill_put(tape, names, b->nl * sizeof *names);
		free(m);
	}
	free(names);
	spill_close(st->tape);
	st->tape = tape;
}

/* Each block's mentions, numbered in order, linked; the records
 * settled. */
static void
stream_link(struct analysis_stream *st)
{
	struct coref_linker *lk;
	struct coref_mention cm;
	struct strmap first;
	struct cment *m;
	size_t i, k, n = 0;

	lk = coref_linker_open(st->t, st->len, st->r, spill_limit);
	strmap_init(&first, sizeof(size_t));
	for (i = 0; i < st->nb; i++) {
		st->b[i].linked = n;
		m = block_load(st, &st->b[i], NULL);
		for (k = 0; k < st->b[i].nm; k++) {
			const struct cment *c = &m[k];
			struct entity e = cment_entity(&st->b[i], c);
			size_t *f;

			memset(&cm, 0, sizeof cm);
			cm.start = e.start;
			cm.len = (uint32_t)(e.end - e.start);
			cm.type = (uint8_t)e.type;
			cm.pair = (c->len_type & CM_PAIR) != 0;
			coref_linker_add(lk, &cm);
			n++;
			if (e.type != ENT_PERSON && e.type != ENT_ORG)
				continue;
			f = strmap_add(&first, st->t + e.start,
			    e.end - e.start);
			if (*f == 0)
				*f = n;
		}
		/* every person, in order, for a transcript's interviewee */
		for (k = 0; k < st->b[i].nm; k++) {
			struct entity e = cment_entity(&st->b[i], &m[k]);

			quotes_doc_mentions(&st->qd, st->t, &e, 1);
		}
		free(m);
	}
	coref_linker_link(lk);
	quotes_doc_finish(&st->qd, st->t, st->len);
	settle(st, lk, &first);
	strmap_free(&first);
	coref_linker_close(lk);
}

/* (quotes_doc) the first person or organisation written as t[s, e) */
static int
stream_name_of(void *arg, size_t s, size_t e, size_t *ns, size_t *ne)
{
	const struct analysis_stream *st = arg;
	const struct slink *l = strmap_get(&st->named, st->t + s, e - s);

	if (l == NULL)
		return 0;
	slink_name(st, l, ns, ne);
	return 1;
}

/* Make room for one more in ents and link (cap: theirs). */
static void
view_grow(struct analysis *an, struct slink **link, size_t *cap, size_t n)
{
	if (n + 1 < *cap)
		return;
	*cap *= 2;
	an->ents = xreallocarray(an->ents, *cap, sizeof *an->ents);
	*link = xreallocarray(*link, *cap, sizeof **link);
}

/*
 * The analysis of [lo, hi) without its quotes: its mentions, then the
 * mentions outside that name some of them (an->nnamed), links; sexes
 * into *sex (if not NULL).
 */
static void
stream_view(const struct analysis_stream *st, size_t lo, size_t hi,
    struct analysis *an, char **sex)
{
	struct strmap extra;
	size_t i, k, n = 0, cap = 64;
	struct slink *link;

	memset(an, 0, sizeof *an);
	/* the first block ending after lo */
	for (k = 0, i = st->nb; k < i;) {
		size_t mid = k + (i - k) / 2;

		if (st->b[mid].e <= lo)
			k = mid + 1;
		else
			i = mid;
	}
	/* room for all their mentions at once (growing it copied some
	 * 2 M instructions' worth a MB) */
	for (i = k; i < st->nb && st->b[i].s < hi; i++)
		cap += st->b[i].nm;
	an->ents = xreallocarray(NULL, cap, sizeof *an->ents);
	link = xreallocarray(NULL, cap, sizeof *link);
	for (i = k; i < st->nb && st->b[i].s < hi; i++) {
		const struct sblock *b = &st->b[i];
		const struct slink *names;
		struct cment *m = block_load(st, b, &names);

		for (k = 0; k < b->nm; k++) {
			struct entity e = cment_entity(b, &m[k]);

			if (e.start >= lo && e.start < hi) {
				view_grow(an, &link, &cap, n);
				link[n] = names[k];
				an->ents[n++] = e;
			}
		}
		free(m);
	}
	an->nents = n;
	an->canon = xcalloc(n + 1, sizeof *an->canon);
	if (sex != NULL)
		*sex = xcalloc(n + 1, 1);
	strmap_init(&extra, sizeof(size_t));
	for (i = 0; i < n; i++) {
		size_t lo2 = 0, hi2 = n, *x;
		struct entity ce;

		if (sex != NULL)
			(*sex)[i] = link[i].sex;
		ce = slink_entity(&link[i]);
		if (ce.start >= lo && ce.start < hi) {
			while (lo2 < hi2) {	/* its index here */
				size_t mid = lo2 + (hi2 - lo2) / 2;

				if (an->ents[mid].start < ce.start)
					lo2 = mid + 1;
				else
					hi2 = mid;
			}
			an->canon[i] = lo2;
			continue;
		}
		/* (a mention is known by its start: none overlap) */
		x = strmap_add(&extra, (const char *)&ce.start, sizeof ce.start);
		if (*x == 0) {
			if (an->nnamed == 0)
				an->nnamed = n;
			if (an->nnamed + 1 >= cap) {
				cap = cap * 2 > an->nnamed + 2 ? cap * 2 :
				    an->nnamed + 2;
				an->ents = xreallocarray(an->ents, cap,
				    sizeof *an->ents);
			}
			an->ents[an->nnamed] = ce;
			*x = ++an->nnamed;
		}
		an->canon[i] = *x - 1;
	}
	strmap_free(&extra);
	free(link);
}

/* A line start after a blank line, where no quote runs on, at or after
 * p (or len). */
static size_t
window_point(const struct analysis_stream *st, size_t p)
{
	const char *nl;

	if (p == 0)
		return 0;
	for (;;) {
		if (p >= st->len)
			return st->len;
		if (after_blank_line(st->t, p) &&
		    quotes_doc_closed(&st->qd, st->t, st->len, p))
			return p;
		if ((nl = memchr(st->t + p, '\n', st->len - p)) == NULL)
			return st->len;
		p = (size_t)(nl - st->t) + 1;
	}
}

/* A copy of n things of size each. */
static void *
copy_of(const void *from, size_t n, size_t size)
{
	void *to = xcalloc(n + 1, size);

	if (n > 0)
		memcpy(to, from, n * size);
	return to;
}

/* The quotes of the window [ws, we) into *q and *taint (the caller's to
 * free), the window read at growth step `step`: the one kept for that
 * step if it is this window, else read now and kept. */
static size_t
window_quotes(struct analysis_stream *st, size_t step, size_t ws,
    size_t we, struct quote **q, unsigned char **taint)
{
	struct qwin *c = step < QUOTE_STEPS ? &st->qwin[step] : NULL;
	struct analysis w;
	char *sex;
	size_t nq;

	if (c != NULL) {
		pthread_mutex_lock(&st->qwin_mu);
		if (c->q != NULL && c->ws == ws && c->we == we) {
			nq = c->nq;
			*q = copy_of(c->q, nq, sizeof **q);
			*taint = copy_of(c->taint, nq, 1);
			pthread_mutex_unlock(&st->qwin_mu);
			return nq;
		}
		pthread_mutex_unlock(&st->qwin_mu);
	}
	stream_view(st, ws, we, &w, &sex);
	atomic_fetch_add(&st->windows, 1);
	nq = quotes_find_window(st->r, st->t, st->len, ws, we, w.ents,
	    w.canon, w.nents, analysis_named(&w), sex, &st->qd, q, taint);
	analysis_free(&w);
	free(sex);
	if (c != NULL) {
		pthread_mutex_lock(&st->qwin_mu);
		free(c->q);
		free(c->taint);
		c->ws = ws;
		c->we = we;
		c->nq = nq;
		c->q = copy_of(*q, nq, sizeof **q);
		c->taint = copy_of(*taint, nq, 1);
		pthread_mutex_unlock(&st->qwin_mu);
	}
	return nq;
}

/* p rounded down, and up (but not past the text), to a multiple of
 * unit. */
static size_t
align_down(size_t p, size_t unit)
{
	return p - p % unit;
}

static size_t
align_up(const struct analysis_stream *st, size_t p, size_t unit)
{
	size_t r = p % unit;

	if (p >= st->len || (r > 0 && st->len - p <= unit - r))
		return st->len;
	return r == 0 ? p : p + (unit - r);
}

/* Block k's analysis: its mentions and the quotes of a window around it
 * that looked no further than the window. */
static void
stream_block(struct analysis_stream *st, size_t k, struct analysis *out)
{
	const struct sblock *b = &st->b[k];
	/* (small blocks, small windows: the tests' way to make quotes look
	 * past them) */
	size_t before = block_size < QUOTES_BEFORE ? block_size :
	    QUOTES_BEFORE;
	size_t after = block_size < QUOTES_AFTER ? block_size : QUOTES_AFTER;
	size_t ws, we, nq, i, step;
	size_t kept;
	struct quote *q;
	unsigned char *taint;
	int ok;

	for (step = 0;; step++) {
		ws = b->s > before ? window_point(st, align_down(b->s - before,
		    before)) : 0;
		if (ws > b->s)
			ws = k > 0 ? st->b[k - 1].s : 0;
		we = window_point(st, align_up(st, b->e + after, after));
		nq = window_quotes(st, step, ws, we, &q, &taint);
		for (i = 0, ok = 1; i < nq && ok; i++)
			if (q[i].start >= b->s && q[i].start < b->e && taint[i])
				ok = 0;
		free(taint);
		if (ok || (ws == 0 && we == st->len) || before >= QUOTES_MAX)
			break;
		free(q);
		before *= 4;
		after *= 4;
	}
	stream_view(st, b->s, b->e, out, NULL);
	out->quotes = xcalloc(nq + 1, sizeof *out->quotes);
	for (i = 0, kept = 0; i < nq; i++)
		if (q[i].start >= b->s && q[i].start < b->e)
			out->quotes[kept++] = q[i];
	out->nquotes = kept;
	free(q);
}

/* (a thread) the quotes' facts of the whole text, read while the
 * mentions are found */
static void *
read_quotes(void *arg)
{
	struct analysis_stream *st = arg;

	quotes_doc_text(&st->qd, st->r, st->t, st->len);
	rules_thread_end();
	return NULL;
}

/* The mentions of the blocks st->b from block *k's *m-th on (*from: its
 * record), up to to's end: appended to *into (cap: its room), each from
 * to's start; the next one's place in *k, *m, *from. */
static void
move_mentions(struct analysis_stream *st, size_t *k, size_t *m,
    struct cment **from, struct sblock *to, struct cment **into,
    size_t *cap)
{
	struct entity e;

	for (;;) {
		while (*k < st->nb && *m >= st->b[*k].nm) {
			free(*from);
			*from = ++*k < st->nb ? block_load(st, &st->b[*k],
			    NULL) : NULL;
			*m = 0;
		}
		if (*k == st->nb)
			return;
		e = cment_entity(&st->b[*k], &(*from)[*m]);
		if (e.start >= to->e)
			return;
		if (to->nm + 1 >= *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*into = xreallocarray(*into, *cap, sizeof **into);
		}
		(*into)[to->nm].off = (uint32_t)(e.start - to->s);
		(*into)[to->nm++].len_type = (*from)[*m].len_type;
		(*m)++;
	}
}

/* The mentions found in the blocks st->b moved into the blocks bounds[0
 * .. n] (no mention crosses a boundary of either: the recogniser's
 * result is the same whatever the blocks), onto a new tape. */
static void
reblock(struct analysis_stream *st, const size_t *bounds, size_t n)
{
	struct sblock *b = xcalloc(n, sizeof *b);
	struct spill *tape = spill_open(spill_limit);
	struct cment *from, *into = NULL;
	size_t i, k = 0, m = 0, cap = 0;

	from = st->nb > 0 ? block_load(st, &st->b[0], NULL) : NULL;
	for (i = 0; i < n; i++) {
		b[i].s = bounds[i];
		b[i].e = bounds[i + 1];
		move_mentions(st, &k, &m, &from, &b[i], &into, &cap);
		b[i].at = spill_put(tape, into, b[i].nm * sizeof *into);
	}
	free(from);
	free(into);
	spill_close(st->tape);
	st->tape = tape;
	free(st->b);
	st->b = b;
	st->nb = n;
}

/*
 * The mentions are found in blocks cut where the text allows (the
 * result does not depend on where), while another thread reads the
 * quotes' facts of the whole text (quotes_doc_text: a quarter of what
 * one thread does alone here); the stream's blocks are then cut where
 * no quote runs on, and the mentions moved into them.
 */
struct analysis_stream *
analysis_stream_open(const struct rules *r, const char *text, size_t len,
    struct diag *d)
{
	struct analysis_stream *st = xcalloc(1, sizeof *st);
	struct engine en;
	size_t *bounds, nb, i;
	pthread_t q;
	int quoting;

	atomic_init(&st->windows, 0);
	pthread_mutex_init(&st->qwin_mu, NULL);
	st->r = r;
	st->t = text;
	st->len = len;
	strmap_init(&st->named, sizeof(struct slink));
	/* the quotes' thread starts before the blocks are cut, so that
	 * the two overlap (each about 1 ms a MB of news; the cutting ran
	 * alone before, wt-dump): a text longer than a block is nearly
	 * always cut into several */
	quoting = 0;
	if (len > block_size && analysis_threads() > 1) {
		rules_prepare(r);
		quoting = pthread_create(&q, NULL, read_quotes, st) == 0;
	}
	nb = find_blocks(text, len, block_size, NULL, 1, &bounds);
	if (nb > 1) {
		rules_prepare(r);
		if (!quoting)
			quotes_doc_text(&st->qd, r, text, len);
		engine_init(&en, r, text, len, bounds, nb);
		st->b = xcalloc(nb, sizeof *st->b);
		st->nb = nb;
		for (i = 0; i < nb; i++) {
			st->b[i].s = bounds[i];
			st->b[i].e = bounds[i + 1];
		}
		free(bounds);
		st->tape = spill_open(spill_limit);
		en.found = stream_keep;
		en.arg = st;
		entities_in_blocks(&en, d);
		free(en.b);
		if (quoting)
			pthread_join(q, NULL);
		st->qd.name_of = stream_name_of;
		st->qd.name_arg = st;
		nb = find_blocks(text, len, block_size, &st->qd, 1, &bounds);
		if (nb > 1)
			reblock(st, bounds, nb);
	}
	if (nb <= 1) {
		if (quoting && st->b == NULL)
			pthread_join(q, NULL);	/* (not used: one block) */
		free(bounds);
		spill_close(st->tape);
		st->tape = NULL;
		free(st->b);
		st->b = NULL;
		st->nb = 0;
		st->one = 1;
		analysis_run_diag(r, text, len, &st->whole, d);
		return st;
	}
	free(bounds);
	stream_link(st);
#ifdef __GLIBC__
	/* the linker's arrays, freed, back to the system: glibc keeps them
	 * otherwise (at 300 MB, 18 MB more for the rest of the run) */
	malloc_trim(0);
#endif
	return st;
}

/* (each_block over the next blocks) */
static void
stream_make(struct engine *en, size_t i)
{
	struct analysis_stream *st = en->arg;
	struct sview *v = &st->ready[i];

	stream_block(st, v->k, &v->an);
}

const struct analysis *
analysis_stream_next(struct analysis_stream *st, size_t *start,
    size_t *end)
{
	struct engine en;
	size_t i, n;

	if (st->one) {
		if (st->done++ > 0)
			return NULL;
		*start = 0;
		*end = st->len;
		return &st->whole;
	}
	analysis_free(&st->cur);
	if (st->next == st->nready) {
		/* the next few blocks, one a thread */
		if (st->done >= st->nb)
			return NULL;
		n = (size_t)analysis_threads() * 2;
		if (n > st->nb - st->done)
			n = st->nb - st->done;
		st->ready = xreallocarray(st->ready, n, sizeof *st->ready);
		for (i = 0; i < n; i++)
			st->ready[i].k = st->done + i;
		memset(&en, 0, sizeof en);
		en.nb = n;
		en.arg = st;
		each_block(&en, stream_make);
		st->nready = n;
		st->next = 0;
		st->done += n;
	}
	st->cur = st->ready[st->next].an;
	*start = st->b[st->ready[st->next].k].s;
	*end = st->b[st->ready[st->next].k].e;
	st->next++;
	return &st->cur;
}

/* Block lo - 1's record (and its slinks in *names), kept among the
 * last AT_KEPT asked for. */
static const struct at_block *
mention_block(struct analysis_stream *st, size_t lo)
{
	struct at_block *a, *old = &st->at[0];
	const struct sblock *b = &st->b[lo - 1];
	size_t i;

	st->at_asked++;
	for (i = 0; i < AT_KEPT; i++) {
		a = &st->at[i];
		if (a->k == lo) {
			a->used = st->at_asked;
			return a;
		}
		if (a->used < old->used)
			old = a;
	}
	free(old->m);
	old->m = block_load(st, b, &old->names);
	old->k = lo;
	old->used = st->at_asked;
	return old;
}

int
analysis_stream_mention_at(struct analysis_stream *st, size_t s, size_t e,
    size_t *ns, size_t *ne)
{
	const struct sblock *b;
	const struct cment *m;
	const struct at_block *at;
	size_t lo = 0, hi, k;
	long w;

	if (st->one) {
		if ((w = coref_mention_at(st->whole.ents, st->whole.nents, s,
		    e)) < 0)
			return -1;
		coref_name(st->t, st->whole.ents, st->whole.canon,
		    st->whole.nents, (size_t)w, ns, ne);
		return (int)st->whole.ents[w].type;
	}
	/* the last block starting at or before s, then its last mention
	 * starting at or before s (none crosses a block boundary) */
	for (hi = st->nb; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (st->b[mid].s <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return -1;
	b = &st->b[lo - 1];
	at = mention_block(st, lo);
	m = at->m;
	/* its last mention starting at or before s */
	for (k = 0, hi = b->nm; k < hi;) {
		size_t mid = k + (hi - k) / 2;

		if (cment_entity(b, &m[mid]).start <= s)
			k = mid + 1;
		else
			hi = mid;
	}
	if (k == 0 || cment_entity(b, &m[k - 1]).end < e)
		return -1;
	k--;
	slink_name(st, &at->names[k], ns, ne);
	return (int)cment_entity(b, &m[k]).type;
}

void
analysis_stream_close(struct analysis_stream *st)
{
	size_t i;

	if (st == NULL)
		return;
	analysis_free(&st->cur);
	analysis_free(&st->whole);
	for (i = st->next; i < st->nready; i++)
		analysis_free(&st->ready[i].an);
	free(st->ready);
	free(st->b);
	spill_close(st->tape);
	for (i = 0; i < AT_KEPT; i++) {
		free(st->at[i].m);
	}
	for (i = 0; i < QUOTE_STEPS; i++) {
		free(st->qwin[i].q);
		free(st->qwin[i].taint);
	}
	pthread_mutex_destroy(&st->qwin_mu);
	strmap_free(&st->named);
	quotes_doc_free(&st->qd);
	free(st);
}

/* ---- the pipeline: blocks made ahead on threads, given out in order ---- */

enum { SLOT_FREE, SLOT_BUSY, SLOT_DONE };

struct analysis_pipe {
	struct analysis_stream	*st;
	analysis_work		 work;
	void			*arg;
	size_t			 nb;
	struct analysis_piece	*slot;		/* block k in slot k % nslot */
	struct buf		*outs;		/* their out */
	int			*state;
	size_t			 nslot;
	size_t			 claimed;	/* blocks taken by a thread */
	size_t			 given;		/* blocks given out */
	size_t			 released;	/* given out and let go */
	int			 stop;
	pthread_mutex_t		 mu;
	pthread_cond_t		 made;		/* a block is made */
	pthread_cond_t		 room;		/* a slot is free */
	pthread_t		 th[ANALYSIS_MAX_THREADS];
	int			 nth;
};

/* Block k's job, made in j (any thread). */
static void
pipe_make(struct analysis_pipe *p, size_t k, struct analysis_piece *j)
{
	struct analysis_stream *st = p->st;

	j->k = k;
	memset(j->note, 0, sizeof j->note);
	buf_reset(j->out);
	if (st->one) {
		j->start = 0;
		j->end = st->len;
		j->an = st->whole;
		j->borrowed = 1;
	} else {
		j->start = st->b[k].s;
		j->end = st->b[k].e;
		stream_block(st, k, &j->an);
		j->borrowed = 0;
	}
	if (p->work != NULL)
		p->work(p->arg, j);
}

static void
pipe_let_go(struct analysis_piece *j)
{
	if (!j->borrowed)
		analysis_free(&j->an);
	j->borrowed = 1;
}

static void *
pipe_worker(void *arg)
{
	struct analysis_pipe *p = arg;
	size_t k;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->claimed < p->nb &&
		    p->claimed >= p->released + p->nslot)
			pthread_cond_wait(&p->room, &p->mu);
		if (p->stop || p->claimed >= p->nb)
			break;
		k = p->claimed++;
		p->state[k % p->nslot] = SLOT_BUSY;
		pthread_mutex_unlock(&p->mu);
		pipe_make(p, k, &p->slot[k % p->nslot]);
		pthread_mutex_lock(&p->mu);
		p->state[k % p->nslot] = SLOT_DONE;
		pthread_cond_broadcast(&p->made);
	}
	pthread_mutex_unlock(&p->mu);
	rules_thread_end();
	return NULL;
}

struct analysis_pipe *
analysis_pipe_open(struct analysis_stream *st, analysis_work work,
    void *arg)
{
	struct analysis_pipe *p = xcalloc(1, sizeof *p);
	size_t i;
	int nt = analysis_threads();

	p->st = st;
	p->work = work;
	p->arg = arg;
	p->nb = st->one ? 1 : st->nb;
	if ((size_t)nt > p->nb)
		nt = (int)p->nb;
	/* one thread: each block is made when it is asked for; else each
	 * thread has a block to make and two more wait for this thread (a
	 * slot holds a block's analysis and what work made of it: a dump's
	 * rows, a few MB) */
	p->nslot = nt > 1 ? (size_t)nt + 2 : 1;
	p->slot = xcalloc(p->nslot, sizeof *p->slot);
	p->outs = xcalloc(p->nslot, sizeof *p->outs);
	p->state = xcalloc(p->nslot, sizeof *p->state);
	for (i = 0; i < p->nslot; i++) {
		buf_init(&p->outs[i]);
		p->slot[i].out = &p->outs[i];
		p->slot[i].borrowed = 1;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->made, NULL);
	pthread_cond_init(&p->room, NULL);
	for (; nt > 1 && p->nth < nt; p->nth++)
		if (pthread_create(&p->th[p->nth], NULL, pipe_worker, p) != 0)
			break;
	return p;
}

/* Let the job given out last go: its slot takes a later block. */
static void
pipe_release(struct analysis_pipe *p)
{
	size_t s;

	if (p->released == p->given)
		return;
	s = p->released % p->nslot;
	pipe_let_go(&p->slot[s]);
	pthread_mutex_lock(&p->mu);
	p->state[s] = SLOT_FREE;
	p->released++;
	pthread_cond_broadcast(&p->room);
	pthread_mutex_unlock(&p->mu);
}

struct analysis_piece *
analysis_pipe_next(struct analysis_pipe *p)
{
	struct analysis_piece *j;
	size_t s;

	pipe_release(p);
	if (p->given >= p->nb)
		return NULL;
	s = p->given % p->nslot;
	j = &p->slot[s];
	if (p->nth == 0) {
		/* no threads (or none could start): made here, now; a
		 * slot is only free once its job is let go */
		pipe_make(p, p->given, j);
		p->claimed++;
	} else {
		pthread_mutex_lock(&p->mu);
		while (p->state[s] != SLOT_DONE || p->slot[s].k != p->given)
			pthread_cond_wait(&p->made, &p->mu);
		pthread_mutex_unlock(&p->mu);
	}
	p->given++;
	return j;
}

void
analysis_pipe_close(struct analysis_pipe *p)
{
	size_t i;
	int k;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->room);
	pthread_mutex_unlock(&p->mu);
	for (k = 0; k < p->nth; k++)
		pthread_join(p->th[k], NULL);
	for (i = 0; i < p->nslot; i++) {
		pipe_let_go(&p->slot[i]);
		buf_free(&p->outs[i]);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->made);
	pthread_cond_destroy(&p->room);
	free(p->slot);
	free(p->outs);
	free(p->state);
	free(p);
}
