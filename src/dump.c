/*
 * dump.c: --dump: every display row of the document, painted as the pager
 * paints it, written through the ANSI backend to the stream it is given.
 * The analysis is the whole document's, or comes a block at a time
 * (analysis_stream) into a window that keeps, of the blocks read, the
 * mentions and quotes that end after the row being painted: rows come in
 * order, so memory does not grow with the text.
 */
#include "artread/dump.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artread/ansi.h"
#include "artread/paint.h"
#include "artread/util.h"
#include "artread/view.h"

/* The analysis covering a row [start, end); rows come in order. */
typedef const struct analysis *(*dump_source)(void *arg, size_t start,
    size_t end);

static void
dump_rows(FILE *out, const struct doc *d, dump_source src, void *arg,
    unsigned layers, const struct style *el, int cols, int width,
    int reflow, int ncolors)
{
	struct layout_opts lo;
	struct layout_cells cells = { 0 };
	struct paint_line line;
	struct paint_hls hls = { 0 };
	struct layout_row r;
	struct view v;
	struct view_pos p;
	int margin, headline;

	view_geometry(cols, width, &margin, &lo.width);
	lo.reflow = reflow;
	view_init(&v, d, &lo, 1);
	paint_line_init(&line);
	p = v.top;
	if (!v.empty) {
		do {
			if (view_pos_row(&v, &p, &r, &headline)) {
				fputc('\n', out);
				continue;
			}
			paint_hls_reset(&hls);
			paint_add_analysis(&hls, d, src(arg, r.start, r.end),
			    layers, el, r.start, r.end);
			paint_row(d, &r, &lo, headline, el, &hls, lo.width,
			    &cells, &line);
			ansi_write_line(out, margin, &line, ncolors);
		} while (view_pos_next(&v, &p));
	}
	paint_hls_free(&hls);
	paint_line_free(&line);
	layout_cells_free(&cells);
	view_free(&v);
}

/* (dump_write) the whole analysis, whatever the row */
static const struct analysis *
whole(void *arg, size_t start, size_t end)
{
	(void)start;
	(void)end;
	return arg;
}

void
dump_write(FILE *out, const struct doc *d, const struct analysis *a,
    unsigned layers, const struct style *el, int cols, int width,
    int reflow, int ncolors)
{
	dump_rows(out, d, whole, (void *)(uintptr_t)a, layers, el, cols,
	    width, reflow, ncolors);
}

/* A growing array of mentions or quotes, of which the first head
 * items are dropped (kept until the next block comes, so that dropping
 * a few each row moves nothing). */
struct items {
	void		*p;
	size_t		 n;		/* items, dropped ones included */
	size_t		 head;		/* dropped */
	size_t		 cap;
};

/* What of the blocks read may still be painted. */
struct window {
	struct analysis_stream	*st;
	struct analysis		 an;	/* ents and quotes only: the view */
	struct items		 ents, quotes;
	size_t			 end;	/* of the blocks read */
	int			 done;
};

/* Drop the first of the items of type T in it that end at or before
 * off: the rows painted from now on start at or after it. */
#define DROP_ENDED(T, it, off) do {						const T *p__ = (it)->p;							while ((it)->head < (it)->n && p__[(it)->head].end <= (off))			(it)->head++;						} while (0)

/* Append b's n items of sz bytes to it, the dropped ones let go. */
static void
append(struct items *it, const void *b, size_t n, size_t sz)
{
	if (it->head > 0) {
		memmove(it->p, (char *)it->p + it->head * sz,
		    (it->n - it->head) * sz);
		it->n -= it->head;
		it->head = 0;
	}
	if (it->n + n > it->cap) {
		it->cap = (it->n + n) * 2;
		it->p = xreallocarray(it->p, it->cap, sz);
	}
	if (n > 0)
		memcpy((char *)it->p + it->n * sz, b, n * sz);
	it->n += n;
}

/* The items of it not dropped, *n of them (no arithmetic on NULL). */
static void *
live(const struct items *it, size_t sz, size_t *n)
{
	*n = it->n - it->head;
	return it->p == NULL ? NULL : (char *)it->p + it->head * sz;
}

/* (dump_write_stream) the blocks' mentions and quotes that a row
 * [start, end) may show: those ending after start of every block that
 * starts before end */
static const struct analysis *
windowed(void *arg, size_t start, size_t end)
{
	struct window *w = arg;
	const struct analysis *b;
	size_t bs;

	DROP_ENDED(struct entity, &w->ents, start);
	DROP_ENDED(struct quote, &w->quotes, start);
	while (!w->done && w->end < end) {
		if ((b = analysis_stream_next(w->st, &bs, &w->end)) == NULL) {
			w->done = 1;
			break;
		}
		append(&w->ents, b->ents, b->nents, sizeof *b->ents);
		append(&w->quotes, b->quotes, b->nquotes, sizeof *b->quotes);
	}
	w->an.ents = live(&w->ents, sizeof *w->an.ents, &w->an.nents);
	w->an.quotes = live(&w->quotes, sizeof *w->an.quotes,
	    &w->an.nquotes);
	return &w->an;
}

void
dump_write_stream(FILE *out, const struct doc *d,
    struct analysis_stream *st, unsigned layers, const struct style *el,
    int cols, int width, int reflow, int ncolors)
{
	struct window w;

	memset(&w, 0, sizeof w);
	w.st = st;
	w.done = st == NULL;
	dump_rows(out, d, st != NULL ? windowed : whole, st != NULL ?
	    (void *)&w : NULL, layers, el, cols, width, reflow, ncolors);
	free(w.ents.p);
	free(w.quotes.p);
}
