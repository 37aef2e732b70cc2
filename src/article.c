/*
 * article.c: an open article, its analysis and its annotations.
 *
 * The pager asks for the analysis of a window without waiting for it
 * (article_analysis_ready): the first time, a thread of its own starts
 * making it, the screen is painted without highlights, and they are
 * painted in when article_analysis_poll says the job is done.  Only the
 * main thread touches a->an: the job fills its own analysis, taken over
 * by poll (or by any call that must wait for it).
 */
#include "artread/article.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "artread/diag.h"
#include "artread/names.h"
#include "artread/rescue.h"
#include "artread/rules.h"
#include "artread/util.h"

/* An analysis being made in the background. */
struct analysis_job {
	pthread_t		 th;
	const struct doc	*doc;
	const struct rules	*rules;
	size_t			 start;
	size_t			 end;
	struct analysis		 an;
	struct diag		 d;
	atomic_int		 done;
};

static void finish_job(struct article *);

/* Context analysed around a window, so quotes that start off screen are
 * still seen whole. */
#define WINDOW_MARGIN	32768

static size_t
count_words(const struct doc *d)
{
	size_t i, n = 0;
	int in_word = 0;

	for (i = d->text_start; i < d->len; i++) {
		int space = d->bytes[i] == ' ' || d->bytes[i] == '\n' ||
		    d->bytes[i] == '\t' || d->bytes[i] == '\r';

		if (!space && !in_word)
			n++;
		in_word = !space;
	}
	return n;
}

struct article *
article_open(const char *name, unsigned doc_flags, const struct rules *r,
    char **cause)
{
	struct doc *d = doc_open(name, doc_flags, cause);

	return d != NULL ? article_from_doc(d, r) : NULL;
}

void
article_set_url(struct article *a, const char *url)
{
	free(a->url);
	a->url = url != NULL ? xstrdup(url) : NULL;
}

char *
article_short_name(const struct article *a)
{
	const char *name = a->doc->name, *host, *end, *seg;

	if (a->doc->path != NULL || a->url == NULL ||
	    (host = strstr(name, "://")) == NULL) {
		seg = strrchr(name, '/');
		return xstrdup(seg != NULL && seg[1] != '\0' ? seg + 1 : name);
	}
	host += 3;
	for (end = name + strlen(name); end > host && end[-1] == '/'; end--)
		;
	for (seg = end; seg > host && seg[-1] != '/'; seg--)
		;
	return xstrndup(seg, (size_t)(end - seg));
}

#define STEM_MAX	60

char *
article_file_stem(const struct article *a)
{
	struct range h;
	char *stem = xmalloc(STEM_MAX + 1);
	size_t i, n = 0, words = 0;	/* words: the length of whole words */
	int dash = 0;

	if (doc_para_at(a->doc, a->doc->text_start, &h))
		for (i = h.start; i < h.end; i++) {
			unsigned char c = (unsigned char)a->doc->bytes[i];

			if (c >= 0x80 || !isalnum(c)) {
				words = n;
				dash = 1;
				continue;
			}
			if (n + (dash && n > 0) + 1 > STEM_MAX) {
				n = words > 0 ? words : n;	/* cut at a word */
				break;
			}
			if (dash && n > 0)
				stem[n++] = '-';
			stem[n++] = (char)tolower(c);
			dash = 0;
		}
	stem[n] = '\0';
	if (n == 0) {
		free(stem);
		return xstrdup("article");
	}
	return stem;
}

struct article *
article_from_doc(struct doc *d, const struct rules *r)
{
	struct article *a;

	a = xcalloc(1, sizeof *a);
	a->doc = d;
	a->rules = r;
	a->annots = annot_set_new();
	a->words = d->len <= ARTICLE_ANALYSE_ALL ? count_words(d) : d->len / 6;
	return a;
}

void
article_close(struct article *a)
{
	if (a == NULL)
		return;
	finish_job(a);
	if (a->an_done)
		analysis_free(&a->an);
	names_free(a->names);
	if (a->sc_open)
		sidecar_close(&a->sc);
	annot_set_free(a->annots);
	free(a->sc_error);
	free(a->url);
	free(a->note);
	doc_free(a->doc);
	free(a);
}

/* The analysis of doc [start, end), its offsets the document's. */
static void
analyse_window(const struct doc *doc, const struct rules *rules,
    size_t start, size_t end, struct analysis *an, struct diag *d)
{
	size_t i;

	analysis_run_diag(rules, doc->bytes + start, end - start, an, d);
	for (i = 0; i < an->nents; i++) {
		an->ents[i].start += start;
		an->ents[i].end += start;
	}
	for (i = 0; i < an->nquotes; i++) {
		struct quote *q = &an->quotes[i];

		q->start += start;
		q->end += start;
		if (q->speaker_end > q->speaker_start) {
			q->speaker_start += start;
			q->speaker_end += start;
		}
		if (q->said_end > q->said_start) {
			q->said_start += start;
			q->said_end += start;
		}
	}
}

/* Make an the article's analysis, of [start, end). */
static void
take_analysis(struct article *a, struct analysis *an, size_t start,
    size_t end)
{
	if (a->an_done)
		analysis_free(&a->an);
	names_free(a->names);
	a->names = NULL;
	a->an = *an;
	a->an_start = start;
	a->an_end = end;
	a->an_done = 1;
}

static void
analyse_range(struct article *a, size_t start, size_t end)
{
	struct analysis an;

	finish_job(a);
	analyse_window(a->doc, a->rules, start, end, &an, a->diag);
	take_analysis(a, &an, start, end);
}

const struct analysis *
article_analysis_all(struct article *a)
{
	if (a->rules == NULL)
		return NULL;
	finish_job(a);
	if (!a->an_done || a->an_start != 0 || a->an_end != a->doc->len)
		analyse_range(a, 0, a->doc->len);
	return &a->an;
}

struct analysis_stream *
article_analysis_stream(struct article *a)
{
	if (a->rules == NULL)
		return NULL;
	finish_job(a);
	return analysis_stream_open(a->rules, a->doc->bytes, a->doc->len,
	    a->diag);
}

/* Does the analysis cover [start, end)? */
static int
covers(const struct article *a, size_t start, size_t end)
{
	if (!a->an_done)
		return 0;
	if (a->doc->len <= ARTICLE_ANALYSE_ALL)
		return a->an_start == 0 && a->an_end == a->doc->len;
	return a->an_start <= start && end <= a->an_end;
}

/* The range analysed for [start, end): the whole article up to
 * ARTICLE_ANALYSE_ALL, else a window of whole paragraphs around it. */
static void
window_of(const struct article *a, size_t start, size_t end, size_t *wsp,
    size_t *wep)
{
	struct range p;
	size_t ws, we;

	if (a->doc->len <= ARTICLE_ANALYSE_ALL) {
		*wsp = 0;
		*wep = a->doc->len;
		return;
	}
	/* A window of whole paragraphs around [start, end). */
	ws = start > WINDOW_MARGIN ? start - WINDOW_MARGIN : 0;
	we = a->doc->len - end > WINDOW_MARGIN ? end + WINDOW_MARGIN : a->doc->len;
	/* Widen to whole paragraphs, unless they are huge (a 10 MB line):
	 * then to white space, so that the window stays small. */
	if (ws > 0 && doc_para_at(a->doc, ws, &p) && p.start <= ws) {
		if (ws - p.start <= WINDOW_MARGIN)
			ws = p.start;
		else
			while (ws < start && !isspace((unsigned char)a->doc->bytes[ws]))
				ws++;
	}
	if (we < a->doc->len && doc_para_at(a->doc, we, &p) && p.start <= we) {
		if (p.end - we <= WINDOW_MARGIN)
			we = p.end;
		else
			while (we > end && !isspace((unsigned char)a->doc->bytes[we - 1]))
				we--;
	}
	*wsp = ws;
	*wep = we;
}

const struct analysis *
article_analysis(struct article *a, size_t start, size_t end)
{
	size_t ws, we;

	if (a->rules == NULL)
		return NULL;
	finish_job(a);
	if (covers(a, start, end))
		return &a->an;
	window_of(a, start, end, &ws, &we);
	analyse_range(a, ws, we);
	return &a->an;
}

/* ---- in the background ---- */

static void *
job_run(void *arg)
{
	struct analysis_job *j = arg;

	/* the patterns are compiled here, off the first screen's path (a
	 * thread that needs one meanwhile waits for it) */
	rules_prepare(j->rules);
	analyse_window(j->doc, j->rules, j->start, j->end, &j->an, &j->d);
	rules_thread_end();
	atomic_store(&j->done, 1);
	return NULL;
}

/* Wait for the job, if any, and take its analysis. */
static void
finish_job(struct article *a)
{
	struct analysis_job *j = a->job;
	size_t i;

	if (j == NULL)
		return;
	pthread_join(j->th, NULL);
	a->job = NULL;
	for (i = 0; i < j->d.n; i++)
		if (a->diag != NULL)
			diag_error(a->diag, "%s", j->d.msgs[i]);
	diag_free(&j->d);
	take_analysis(a, &j->an, j->start, j->end);
	free(j);
}

const struct analysis *
article_analysis_ready(struct article *a, size_t start, size_t end)
{
	const struct analysis *an = article_analysis_have(a, start, end);
	struct analysis_job *j;

	if (an != NULL || a->rules == NULL)
		return an;
	if (a->job != NULL)
		return NULL;	/* asked again when it is done */
	j = xcalloc(1, sizeof *j);
	j->doc = a->doc;
	j->rules = a->rules;
	window_of(a, start, end, &j->start, &j->end);
	diag_init(&j->d);
	if (pthread_create(&j->th, NULL, job_run, j) != 0) {
		diag_free(&j->d);
		free(j);
		return article_analysis(a, start, end);	/* then here */
	}
	a->job = j;
	return NULL;
}

const struct analysis *
article_analysis_have(struct article *a, size_t start, size_t end)
{
	if (a->rules == NULL)
		return NULL;
	if (a->job != NULL && atomic_load(&a->job->done))
		finish_job(a);
	return covers(a, start, end) ? &a->an : NULL;
}

int
article_analysis_poll(struct article *a)
{
	if (a->job == NULL || !atomic_load(&a->job->done))
		return 0;
	finish_job(a);
	return 1;
}

int
article_analysis_busy(const struct article *a)
{
	return a->job != NULL;
}

const struct names *
article_names(struct article *a)
{
	if (a->rules == NULL || !a->an_done)
		return NULL;
	if (a->names == NULL)
		a->names = names_new(a->doc->bytes, a->doc->len, &a->an);
	return a->names;
}
static char	*load_message(const struct sidecar *, const char *);

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* The article's name as given (for the commands a message suggests). */
static const char *
given_name(const struct article *a)
{
	return a->doc->path != NULL ? a->doc->path : a->doc->name;
}

int
article_load_annotations(struct article *a, char **msg)
{
	char *cause = NULL;

	*msg = NULL;
	if (a->sc_open)
		return a->sc_damaged ? -1 : 0;
	a->sc_open = 1;
	if ((a->url != NULL ? sidecar_open_url(&a->sc, a->url, a->doc->bytes,
	    a->doc->len, a->annots, &cause) : sidecar_open(&a->sc,
	    a->doc->path, a->doc->bytes, a->doc->len, a->annots, &cause)) !=
	    0) {
		a->sc_error = cause != NULL ? cause : xstrdup("cannot read annotations");
		a->sc_damaged = 1;
		if (a->sc.renamed == 0) {
			*msg = xstrdup(a->sc_error);	/* the UI says the rest */
			return -1;
		}
		/* Adoptable once the damaged file is moved aside: what to
		 * do comes first in the pager's one row. */
		*msg = xasprintf("annotations are read-only, the sidecar is "
		    "damaged: move %s aside, then artread --adopt %s takes "
		    "the %zu annotation%s %s left (%s)", base_name(a->sc.path),
		    given_name(a), a->sc.renamed_count,
		    plural(a->sc.renamed_count), a->sc.renamed_name != NULL ?
		    a->sc.renamed_name : "a renamed article", a->sc_error);
		sidecar_renamed_hint_after(&a->sc, given_name(a), &a->sc_error);
		return -1;
	}
	if (sidecar_is_readonly(&a->sc)) {
		a->sc_error = xstrdup(sidecar_readonly_cause(&a->sc));
		*msg = xasprintf("annotations are read-only: %s", a->sc_error);
	} else
		*msg = load_message(&a->sc, given_name(a));
	return 0;
}

/* What loading found worth saying (NULL: nothing): annotations moved
 * here, offered by content, re-anchored, or times that were unreadable. */
static char *
load_message(const struct sidecar *sc, const char *name)
{
	struct buf b;

	buf_init(&b);
	if (sc->moved_from != NULL)
		buf_printf(&b, "annotations moved beside the article from %s; ",
		    sc->moved_from);
	if (sc->by_content > 0)
		buf_printf(&b, "%zu annotation%s found by content (%s%s); ",
		    sc->by_content, plural(sc->by_content),
		    sc->content_name == NULL || strcmp(sc->content_name,
		    "stdin") == 0 ? "made on standard input" :
		    "kept for an article named ", sc->content_name == NULL ||
		    strcmp(sc->content_name, "stdin") == 0 ? "" :
		    sc->content_name);
	if (sc->moved > 0 || sc->orphaned > 0 || sc->anchors[ANNOT_CHANGED] > 0)
		buf_printf(&b, "article changed: annotations %zu exact, %zu "
		    "moved, %zu changed, %zu orphaned; ",
		    sc->anchors[ANNOT_EXACT], sc->anchors[ANNOT_MOVED],
		    sc->anchors[ANNOT_CHANGED], sc->anchors[ANNOT_ORPHAN]);
	else if (sc->times_fixed > 0)
		buf_printf(&b, "%zu time%s in %s could not be read (the file's "
		    "time is used); ", sc->times_fixed, plural(sc->times_fixed),
		    sc->path);
	if (sc->renamed > 0) {
		sidecar_renamed_hint(sc, name, 0, &b);
		buf_adds(&b, "; ");
	}
	if (sc->elsewhere > 0)
		buf_printf(&b, "no annotations for this text, but %zu file%s "
		    "an older artread kept for an article named %s with another "
		    "text: %s%s; ", sc->elsewhere, sc->elsewhere == 1 ? "" : "s",
		    sc->article_name, sc->elsewhere_path, sc->elsewhere > 1 ?
		    ", ..." : "");
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	b.data[b.len - 2] = '\0';	/* the last "; " */
	return buf_steal(&b);
}

int
article_save_annotations(struct article *a, char **cause)
{
	if (a->sc_error != NULL) {
		*cause = xasprintf("not saved: %s", a->sc_error);
		return -1;
	}
	return sidecar_save(&a->sc, a->annots, cause);
}

/* The rescue file of sidecar path, else of the other place (other, or
 * the one of real and where): 0 and *r (NULL: none), or -1 with *cause. */
static int
rescue_of(const char *path, const char *other, const char *real,
    enum sidecar_where where, struct rescue **r, char **cause)
{
	char *made = NULL;
	int rc;

	if (rescue_load(path, r, cause) != 0)
		return -1;
	if (*r != NULL || (other == NULL &&
	    (other = made = sidepath_other_place(real, where)) == NULL))
		return 0;
	rc = rescue_load(other, r, cause);
	free(made);
	return rc;
}

int
article_rescue(const struct article *a, struct rescue **r, char **cause)
{
	struct sidepath sp;
	char *why = NULL;
	int rc;

	*r = NULL;
	if (a->sc_open)
		return a->sc.path == NULL ? 0 : rescue_of(a->sc.path, NULL,
		    a->sc.article_real, a->sc.where, r, cause);
	if (!rescue_any())
		return 0;
	/* Where the sidecar would be; nowhere (no data directory): none. */
	if ((a->url != NULL ? sidepath_locate_url(a->url, &sp, &why) :
	    sidepath_locate(a->doc->path, a->doc->bytes, a->doc->len, &sp,
	    &why)) != 0) {
		free(why);
		return 0;
	}
	rc = rescue_of(sp.path, sp.other, sp.real, sp.where, r, cause);
	sidepath_free(&sp);
	return rc;
}
