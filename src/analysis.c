/*
 * analysis.c: one article's analysis: entity mentions first, linked
 * into entities (coref.h), then the quotes (whose speakers are found
 * among those mentions and named by their entity's fullest name).
 *
 * A long text is read in blocks of about ANALYSIS_BLOCK bytes, on as
 * many threads as analysis_set_threads allows (entities.h says how the
 * recogniser splits its work): the words seen lower-case, every block
 * at once; the votes, block after block on one thread; then the
 * mentions, every block at once.  A block boundary is a paragraph start
 * after a blank line where the rules' segments end too, so that every
 * block reads exactly what the whole text would have it read there: the
 * result is the same whatever the number of threads or blocks, and the
 * same as one block of the whole text.  Every pattern is compiled
 * before the threads start (rules_prepare); each thread has its own
 * match data and JIT stack (rules.c).
 */
#include "artread/analysis.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/coref.h"
#include "artread/diag.h"
#include "artread/entities.h"
#include "artread/quotes.h"
#include "artread/rules.h"
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

size_t
analysis_blocks(const char *t, size_t len, size_t want, size_t **bounds)
{
	size_t n = 0, cap = 16, s = 0, e, last = 0;
	size_t *b = xcalloc(cap, sizeof *b);

	b[n++] = 0;
	while (want > 0 && s < len) {
		e = rules_segment_end(t, len, s);
		if (e <= s)
			break;		/* (never: a segment is not empty) */
		if (e < len && e - last >= want && after_blank_line(t, e) &&
		    ent_para_at(t, len, e)) {
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

/* ---- threads ---- */

struct block {
	size_t			 s;
	size_t			 e;
	struct ent_block	*eb;		/* its words, if kept */
	struct strmap		 lower;
	int			 valid;
	struct entity		*ents;
	size_t			 nents;
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
};

struct work {
	struct engine		*en;
	void			(*fn)(struct engine *, size_t);
	atomic_size_t		 next;
	size_t			 n;
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

/* fn for every block, on up to analysis_threads() threads. */
static void
each_block(struct engine *en, void (*fn)(struct engine *, size_t))
{
	pthread_t th[ANALYSIS_MAX_THREADS];
	struct work w;
	int k, nt = analysis_threads(), started = 0;

	w.en = en;
	w.fn = fn;
	w.n = en->nb;
	atomic_init(&w.next, 0);
	if ((size_t)nt > en->nb)
		nt = (int)en->nb;
	for (k = 1; k < nt; k++) {
		if (pthread_create(&th[started], NULL, worker, &w) != 0)
			break;
		started++;
	}
	while ((k = (int)atomic_fetch_add(&w.next, 1)) < (int)w.n)
		fn(en, (size_t)k);	/* this thread works too */
	for (k = 0; k < started; k++)
		pthread_join(th[k], NULL);
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

/* 3: the mentions */
static void
step_find(struct engine *en, size_t i)
{
	struct block *b = &en->b[i];

	diag_init(&b->d);
	b->nents = ent_block_find(en->doc, words_of(en, i), &b->ents, &b->d);
	ent_block_free(b->eb);
	b->eb = NULL;
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

/* The mentions of t[0, len), block by block: sorted, no overlaps. */
static size_t
find_entities(const struct rules *r, const char *t, size_t len,
    struct entity **out, struct diag *d)
{
	struct engine en;
	size_t *bounds, i, n = 0;
	int valid = 1;

	memset(&en, 0, sizeof en);
	en.r = r;
	en.t = t;
	en.len = len;
	en.nb = analysis_blocks(t, len, block_size, &bounds);
	en.b = xcalloc(en.nb, sizeof *en.b);
	for (i = 0; i < en.nb; i++) {
		en.b[i].s = bounds[i];
		en.b[i].e = bounds[i + 1];
	}
	free(bounds);
	en.doc = ent_doc_new(r, t, len, 0);
	/* one block: its words are kept, as always before */
	en.keep = en.nb == 1 || len / 6 * 24 <= TOKENS_KEPT;
	rules_prepare(r);
	each_block(&en, step_lower);
	for (i = 0; i < en.nb; i++) {
		ent_doc_add_lower(en.doc, &en.b[i].lower);
		strmap_free(&en.b[i].lower);
		valid &= en.b[i].valid;
	}
	ent_doc_set_valid(en.doc, valid);
	for (i = 0; i < en.nb; i++) {	/* 2: the votes, in order */
		ent_block_vote(en.doc, words_of(&en, i));
		done_with_words(&en, i);
	}
	each_block(&en, step_find);
	for (i = 0; i < en.nb; i++)
		n += en.b[i].nents;
	*out = xcalloc(n + 1, sizeof **out);
	for (i = 0, n = 0; i < en.nb; i++) {
		memcpy(*out + n, en.b[i].ents, en.b[i].nents * sizeof **out);
		n += en.b[i].nents;
		free(en.b[i].ents);
		diag_merge(d, &en.b[i].d);
		diag_free(&en.b[i].d);
	}
	ent_doc_free(en.doc);
	free(en.b);
	return n;
}

void
analysis_run_diag(const struct rules *r, const char *text, size_t len,
    struct analysis *out, struct diag *d)
{
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
analysis_canon(const struct analysis *a, size_t i)
{
	return a->canon != NULL && i < a->nents && a->canon[i] < a->nents ?
	    a->canon[i] : i;
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
	a->nents = a->nquotes = 0;
}
