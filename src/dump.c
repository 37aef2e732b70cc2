/*
 * dump.c: --dump: every display row of the document, painted as the pager
 * paints it, written through the ANSI backend to the stream it is given.
 *
 * A whole analysis (or none) is painted row after row.  A long text's
 * analysis comes a block at a time (analysis_pipe), and each block's rows
 * are laid out and painted in the thread that analysed the block, into
 * its own buffer; this thread writes the buffers in order.  A block's
 * rows run from row 0 of the view block at or after its first byte to
 * that of the next block's (the same positions, found the same way, so
 * the pieces tile the rows of the whole walk).  Painted alone, a block
 * gives what one walk over the text gives if its rows lie inside it,
 * nothing of an earlier block reaches its first row, and the ends of its
 * mentions and quotes come in order (paint_add_analysis finds the first
 * by its end): each block checks the first and last, this thread the
 * second.  Where one of them fails (no text of ours does it), the rest
 * is painted here, row after row, with a window that keeps, of the
 * blocks read, the mentions and quotes that end after the row being
 * painted: rows come in order, so memory does not grow with the text.
 */
#include "artread/dump.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artread/ansi.h"
#include "artread/paint.h"
#include "artread/util.h"
#include "artread/view.h"

#define DUMP_FLUSH	65536	/* write out a row-by-row dump this often */

/* How the rows are painted. */
struct dump_how {
	const struct doc	*d;
	unsigned		 layers;
	const struct style	*el;
	struct layout_opts	 lo;
	int			 margin;
	int			 ncolors;
};

/* One thread's painting: its view of the document and its buffers. */
struct painter {
	const struct dump_how	*how;
	struct view		 v;
	struct paint_line	 line;
	struct paint_hls	 hls;
};

static void
painter_init(struct painter *pt, const struct dump_how *how)
{
	memset(pt, 0, sizeof *pt);
	pt->how = how;
	view_init(&pt->v, how->d, &how->lo, 1);
	paint_line_init(&pt->line);
}

static void
painter_free(struct painter *pt)
{
	paint_hls_free(&pt->hls);
	paint_line_free(&pt->line);
	view_free(&pt->v);
}

/* Row r, with what a shows of it, appended to b. */
static void
paint_to(struct painter *pt, const struct layout_row *r, int headline,
    const struct analysis *a, struct buf *b)
{
	const struct dump_how *how = pt->how;

	paint_hls_reset(&pt->hls);
	paint_add_analysis(&pt->hls, how->d, a, how->layers, how->el,
	    r->start, r->end);
	paint_row(how->d, r, &how->lo, headline, how->el, &pt->hls,
	    how->lo.width, &pt->line);
	ansi_line_to(b, how->margin, &pt->line, how->ncolors);
}

/*
 * The first row of a block starting at off: row 0 of the view block at
 * or after it (the top for 0); 0 if there is none.
 */
static int
first_row(struct view *v, size_t off, struct view_pos *p)
{
	if (v->empty || off >= v->doc->len)
		return 0;
	if (off == 0) {
		*p = v->top;
		return 1;
	}
	if (!view_pos_of(v, off, p))
		return 0;
	while (p->row != 0)
		if (!view_pos_next(v, p))
			return 0;
	return 1;
}

static int
same_pos(const struct view_pos *a, const struct view_pos *b)
{
	return a->para.start == b->para.start && a->para.end == b->para.end &&
	    a->row == b->row;
}

/* Do the ends of n items of size sz (an end field at end_off) come in
 * order? */
static int
ends_in_order(const void *items, size_t n, size_t sz, size_t end_off)
{
	const char *p = items;
	size_t i, prev = 0, e;

	for (i = 0; i < n; i++, p += sz) {
		memcpy(&e, p + end_off, sizeof e);
		if (e < prev)
			return 0;
		prev = e;
	}
	return 1;
}

/* What a block's painting tells this thread (analysis_piece.note). */
enum {
	NOTE_OK,		/* painted alone: 1, or 0 (see the top) */
	NOTE_ROWS,		/* rows painted (not blank) */
	NOTE_FIRST,		/* the first one's start */
	NOTE_LAST,		/* the last one's start */
};

/* (analysis_pipe) block j's rows, painted into j->out */
static void
paint_block(void *arg, struct analysis_piece *j)
{
	struct painter pt;
	struct view_pos p, stop;
	struct layout_row r;
	int headline, last;

	painter_init(&pt, arg);
	j->note[NOTE_OK] = ends_in_order(j->an.ents, j->an.nents,
	    sizeof *j->an.ents, offsetof(struct entity, end)) &&
	    ends_in_order(j->an.quotes, j->an.nquotes, sizeof *j->an.quotes,
	    offsetof(struct quote, end));
	last = !first_row(&pt.v, j->end, &stop);
	if (j->note[NOTE_OK] && first_row(&pt.v, j->start, &p)) {
		do {
			if (!last && same_pos(&p, &stop))
				break;
			if (view_pos_row(&pt.v, &p, &r, &headline)) {
				buf_addc(j->out, '\n');
				continue;
			}
			if (r.start < j->start || r.end > j->end) {
				j->note[NOTE_OK] = 0;
				break;
			}
			if (j->note[NOTE_ROWS]++ == 0)
				j->note[NOTE_FIRST] = r.start;
			j->note[NOTE_LAST] = r.start;
			paint_to(&pt, &r, headline, &j->an, j->out);
		} while (view_pos_next(&pt.v, &p));
	}
	painter_free(&pt);
}

/* ---- row after row ---- */

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
	struct analysis_pipe	*pipe;
	struct analysis_piece	*pending;	/* got, not read yet */
	const struct analysis	*whole;		/* or the whole analysis */
	struct analysis		 an;	/* ents and quotes only: the view */
	struct items		 ents, quotes;
	size_t			 end;	/* of the blocks read */
	int			 done;
};

/* Drop the first of the items of type T in it that end at or before
 * off: the rows painted from now on start at or after it. */
#define DROP_ENDED(T, it, off) do {					\
	const T *p__ = (it)->p;						\
	while ((it)->head < (it)->n && p__[(it)->head].end <= (off))	\
		(it)->head++;						\
} while (0)

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

static void
window_drop(struct window *w, size_t off)
{
	DROP_ENDED(struct entity, &w->ents, off);
	DROP_ENDED(struct quote, &w->quotes, off);
}

/* Block j read into the window. */
static void
window_add(struct window *w, const struct analysis_piece *j)
{
	append(&w->ents, j->an.ents, j->an.nents, sizeof *j->an.ents);
	append(&w->quotes, j->an.quotes, j->an.nquotes, sizeof *j->an.quotes);
	w->end = j->end;
}

/* The blocks' mentions and quotes that a row [start, end) may show:
 * those ending after start of every block that starts before end. */
static const struct analysis *
window_at(struct window *w, size_t start, size_t end)
{
	struct analysis_piece *j;

	if (w->whole != NULL || w->pipe == NULL)
		return w->whole;
	window_drop(w, start);
	while (!w->done && w->end < end) {
		j = w->pending;
		w->pending = NULL;
		if (j == NULL && (j = analysis_pipe_next(w->pipe)) == NULL) {
			w->done = 1;
			break;
		}
		window_add(w, j);
	}
	w->an.ents = live(&w->ents, sizeof *w->an.ents, &w->an.nents);
	w->an.quotes = live(&w->quotes, sizeof *w->an.quotes,
	    &w->an.nquotes);
	return &w->an;
}

/* Every row from p on, with what the window gives each, written to out. */
static void
dump_rows_from(FILE *out, struct painter *pt, struct view_pos p,
    struct window *w)
{
	struct layout_row r;
	struct buf b;
	int headline;

	buf_init(&b);
	do {
		if (view_pos_row(&pt->v, &p, &r, &headline))
			buf_addc(&b, '\n');
		else
			paint_to(pt, &r, headline, window_at(w, r.start, r.end),
			    &b);
		if (b.len >= DUMP_FLUSH) {
			fwrite(b.data, 1, b.len, out);
			buf_reset(&b);
		}
	} while (view_pos_next(&pt->v, &p));
	if (b.len > 0)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

static void
how_init(struct dump_how *how, const struct doc *d, unsigned layers,
    const struct style *el, int cols, int width, int reflow, int ncolors)
{
	view_geometry(cols, width, &how->margin, &how->lo.width);
	how->lo.reflow = reflow;
	how->d = d;
	how->layers = layers;
	how->el = el;
	how->ncolors = ncolors;
}

void
dump_write(FILE *out, const struct doc *d, const struct analysis *a,
    unsigned layers, const struct style *el, int cols, int width,
    int reflow, int ncolors)
{
	struct dump_how how;
	struct painter pt;
	struct window w;

	how_init(&how, d, layers, el, cols, width, reflow, ncolors);
	memset(&w, 0, sizeof w);
	w.whole = a;
	painter_init(&pt, &how);
	if (!pt.v.empty)
		dump_rows_from(out, &pt, pt.v.top, &w);
	painter_free(&pt);
}

/*
 * Could block j's rows, painted alone, be written as they are?  Yes if
 * they were painted alone (NOTE_OK) and nothing in the window (the
 * blocks before it) reaches the first of them.
 */
static int
painted_alone(struct window *w, const struct analysis_piece *j)
{
	if (!j->note[NOTE_OK])
		return 0;
	if (j->note[NOTE_ROWS] == 0)
		return 1;
	window_drop(w, j->note[NOTE_FIRST]);
	return w->ents.head == w->ents.n && w->quotes.head == w->quotes.n;
}

void
dump_write_stream(FILE *out, const struct doc *d,
    struct analysis_stream *st, unsigned layers, const struct style *el,
    int cols, int width, int reflow, int ncolors)
{
	struct dump_how how;
	struct painter pt;
	struct window w;
	struct analysis_piece *j;
	struct view_pos p;

	if (st == NULL) {
		dump_write(out, d, NULL, layers, el, cols, width, reflow,
		    ncolors);
		return;
	}
	how_init(&how, d, layers, el, cols, width, reflow, ncolors);
	memset(&w, 0, sizeof w);
	w.pipe = analysis_pipe_open(st, paint_block, &how);
	while ((j = analysis_pipe_next(w.pipe)) != NULL) {
		if (painted_alone(&w, j)) {
			if (j->out->len > 0)
				fwrite(j->out->data, 1, j->out->len, out);
			window_add(&w, j);
			if (j->note[NOTE_ROWS] > 0)
				window_drop(&w, j->note[NOTE_LAST]);
			continue;
		}
		/* the rest row after row, from this block's first row */
		painter_init(&pt, &how);
		if (first_row(&pt.v, j->start, &p)) {
			w.pending = j;
			dump_rows_from(out, &pt, p, &w);
		}
		painter_free(&pt);
		break;
	}
	analysis_pipe_close(w.pipe);
	free(w.ents.p);
	free(w.quotes.p);
}
