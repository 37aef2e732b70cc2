/*
 * article.c: an open article, its analysis and its annotations.
 */
#include "artread/article.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "artread/names.h"
#include "artread/util.h"

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

static void
analyse_range(struct article *a, size_t start, size_t end)
{
	size_t i;

	if (a->an_done)
		analysis_free(&a->an);
	names_free(a->names);
	a->names = NULL;
	analysis_run_diag(a->rules, a->doc->bytes + start, end - start, &a->an,
	    a->diag);
	for (i = 0; i < a->an.nents; i++) {
		a->an.ents[i].start += start;
		a->an.ents[i].end += start;
	}
	for (i = 0; i < a->an.nquotes; i++) {
		struct quote *q = &a->an.quotes[i];

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
	a->an_start = start;
	a->an_end = end;
	a->an_done = 1;
}

const struct analysis *
article_analysis_all(struct article *a)
{
	if (a->rules == NULL)
		return NULL;
	if (!a->an_done || a->an_start != 0 || a->an_end != a->doc->len)
		analyse_range(a, 0, a->doc->len);
	return &a->an;
}

const struct analysis *
article_analysis(struct article *a, size_t start, size_t end)
{
	struct range p;
	size_t ws, we;

	if (a->rules == NULL)
		return NULL;
	if (a->doc->len <= ARTICLE_ANALYSE_ALL)
		return article_analysis_all(a);
	if (a->an_done && a->an_start <= start && end <= a->an_end)
		return &a->an;
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
	analyse_range(a, ws, we);
	return &a->an;
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
static char	*load_message(const struct sidecar *);

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
		*msg = xasprintf("%s; annotations are read-only", a->sc_error);
		return -1;
	}
	if (sidecar_is_readonly(&a->sc)) {
		a->sc_error = xstrdup(sidecar_readonly_cause(&a->sc));
		*msg = xasprintf("annotations are read-only: %s", a->sc_error);
	} else
		*msg = load_message(&a->sc);
	return 0;
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* What loading found worth saying (NULL: nothing): annotations moved
 * here, offered by content, re-anchored, or times that were unreadable. */
static char *
load_message(const struct sidecar *sc)
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
