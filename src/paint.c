/*
 * paint.c: merging highlight layers into styled runs of visible text.
 */
#include "artread/paint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"

void
paint_hls_add(struct paint_hls *h, size_t start, size_t end, int prio,
    struct style st)
{
	if (start >= end)
		return;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 32;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->v[h->n].start = start;
	h->v[h->n].end = end;
	h->v[h->n].prio = prio;
	h->v[h->n].st = st;
	h->n++;
}

void
paint_hls_reset(struct paint_hls *h)
{
	h->n = 0;
}

void
paint_hls_free(struct paint_hls *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

/* Index of the first element whose end is after off (spans sorted, disjoint). */
#define FIRST_ENDING_AFTER(arr, n, off, out) do {			\
	size_t lo__ = 0, hi__ = (n);					\
	while (lo__ < hi__) {						\
		size_t mid__ = lo__ + (hi__ - lo__) / 2;		\
		if ((arr)[mid__].end <= (off))				\
			lo__ = mid__ + 1;				\
		else							\
			hi__ = mid__;					\
	}								\
	(out) = lo__;							\
} while (0)

/* Length of the character (a quote mark) that ends just before off,
 * not reaching back before start. */
static size_t
last_char_len(const struct doc *d, size_t start, size_t off)
{
	size_t b = utf8_back(d->bytes, off);

	return off - (b < start ? start : b);
}

/* Length of the character (a quote mark) at off (off < end). */
static size_t
first_char_len(const struct doc *d, size_t off, size_t end)
{
	uint32_t cp;

	return utf8_decode_lossy(d->bytes + off, end - off, &cp);
}

static void
add_quotes(struct paint_hls *h, const struct doc *d, const struct analysis *a,
    const struct style *el, size_t start, size_t end)
{
	const struct quote *q;
	size_t i;

	FIRST_ENDING_AFTER(a->quotes, a->nquotes, start, i);
	for (; i < a->nquotes && a->quotes[i].start < end; i++) {
		q = &a->quotes[i];
		if (q->flags & QUOTE_SCARE) {
			paint_hls_add(h, q->start, q->end, PAINT_PRIO_QUOTE,
			    el[STYLE_EL_SCARE_QUOTE]);
			continue;
		}
		paint_hls_add(h, q->start, q->end, PAINT_PRIO_QUOTE,
		    el[STYLE_EL_QUOTE]);
		paint_hls_add(h, q->start, q->start + first_char_len(d, q->start,
		    q->end), PAINT_PRIO_QUOTE_MARK, el[STYLE_EL_QUOTE_MARK]);
		if (!(q->flags & QUOTE_UNBALANCED))
			paint_hls_add(h, q->end - last_char_len(d, q->start,
			    q->end), q->end, PAINT_PRIO_QUOTE_MARK,
			    el[STYLE_EL_QUOTE_MARK]);
		/* the speaker where the attribution names them */
		if (q->said_end > q->said_start)
			paint_hls_add(h, q->said_start, q->said_end,
			    PAINT_PRIO_SPEAKER, el[STYLE_EL_SPEAKER]);
		else if (q->speaker_end > q->speaker_start)
			paint_hls_add(h, q->speaker_start, q->speaker_end,
			    PAINT_PRIO_SPEAKER, el[STYLE_EL_SPEAKER]);
	}
}

static const enum style_element entity_element[ENT__COUNT] = {
	STYLE_EL_PERSON, STYLE_EL_ORG, STYLE_EL_PLACE, STYLE_EL_DATE,
	STYLE_EL_TIME, STYLE_EL_MONEY, STYLE_EL_PERCENT, STYLE_EL_EMAIL,
	STYLE_EL_URL, STYLE_EL_HANDLE, STYLE_EL_HASHTAG,
};

void
paint_add_analysis(struct paint_hls *h, const struct doc *d,
    const struct analysis *a, unsigned layers, const struct style *el,
    size_t start, size_t end)
{
	const struct entity *e;
	size_t i;

	if (a == NULL)
		return;
	if (layers & PAINT_LAYER_QUOTES)
		add_quotes(h, d, a, el, start, end);
	if (!(layers & PAINT_LAYER_ENTITIES))
		return;
	FIRST_ENDING_AFTER(a->ents, a->nents, start, i);
	for (; i < a->nents && a->ents[i].start < end; i++) {
		e = &a->ents[i];
		paint_hls_add(h, e->start, e->end, PAINT_PRIO_ENTITY,
		    el[entity_element[e->type]]);
	}
}

void
paint_line_init(struct paint_line *l)
{
	memset(l, 0, sizeof *l);
	buf_init(&l->text);
}

void
paint_line_reset(struct paint_line *l)
{
	buf_reset(&l->text);
	l->nruns = 0;
	l->cols = 0;
}

void
paint_line_free(struct paint_line *l)
{
	buf_free(&l->text);
	free(l->runs);
	memset(l, 0, sizeof *l);
}

void
paint_line_add(struct paint_line *l, const char *s, size_t n, int cols,
    struct style st)
{
	struct paint_run *last = l->nruns ? &l->runs[l->nruns - 1] : NULL;

	if (last != NULL && style_equal(last->st, st)) {
		last->text_len += n;
		last->cols += cols;
	} else {
		if (l->nruns == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->runs = xreallocarray(l->runs, l->cap, sizeof *l->runs);
		}
		last = &l->runs[l->nruns++];
		/* runs has room (cap > nruns); the analyzer forgets that
		 * across buf_add. */
		/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
		last->text_off = l->text.len;
		last->text_len = n;
		last->cols = cols;
		last->st = st;
	}
	if (l->text.len + n < l->text.cap) {
		/* a cell is a byte or a few: copied here, without calls */
		char *d = l->text.data + l->text.len;
		size_t i;

		for (i = 0; i < n; i++)
			d[i] = s[i];
		d[n] = '\0';
		l->text.len += n;
	} else
		buf_add(&l->text, s, n);
	l->cols += cols;
}

/*
 * By priority; layers of the same priority keep the order they were
 * added in (qsort is not stable: the pager adds nested annotations from
 * the outermost in, and the innermost must come out on top).
 */
struct ordered_hl {
	struct paint_hl	hl;
	size_t		seq;
};

static int
by_prio(const void *a, const void *b)
{
	const struct ordered_hl *x = a, *y = b;

	if (x->hl.prio != y->hl.prio)
		return (x->hl.prio > y->hl.prio) - (x->hl.prio < y->hl.prio);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The style of a cell: its base, then every layer covering it, in order. */
static struct style
cell_style(const struct layout_cell *c, struct style base,
    const struct style *el, const struct paint_hl *hl, size_t n)
{
	struct style st = base;
	size_t i;

	if (c->kind == GLYPH_CONTROL)
		st = style_layer(st, el[STYLE_EL_CONTROL]);
	else if (c->kind == GLYPH_INVALID)
		st = style_layer(st, el[STYLE_EL_INVALID]);
	for (i = 0; i < n; i++)
		if (hl[i].start < c->off + c->len && c->off < hl[i].end)
			st = style_layer(st, hl[i].st);
	return st;
}

/*
 * The first highlight edge after off (SIZE_MAX if none): every cell of
 * the kind of the one at off that ends at or before it is covered by
 * the same highlights, so it is styled the same (paint_row takes the
 * cell before's style without asking cell_style again).
 */
static size_t
next_edge(const struct paint_hl *hl, size_t n, size_t off)
{
	size_t i, e = SIZE_MAX;

	for (i = 0; i < n; i++) {
		if (hl[i].start > off && hl[i].start < e)
			e = hl[i].start;
		if (hl[i].end > off && hl[i].end < e)
			e = hl[i].end;
	}
	return e;
}

/* A row's highlights are few: kept on the stack up to this many. */
#define PAINT_FEW_HLS	16

/*
 * The layers of h covering row r, into mine, by priority (a stable sort:
 * the same priority keeps the order added); how many.  Insertion sort
 * when they are few (a row's usually are), qsort by (prio, seq) else:
 * the same order.
 */
static size_t
row_layers(const struct paint_hls *h, const struct layout_row *r,
    struct paint_hl *mine)
{
	struct ordered_hl *ord;
	struct paint_hl hl;
	size_t i, j, n = 0;

	if (h->n <= PAINT_FEW_HLS) {
		for (i = 0; i < h->n; i++) {
			if (!(h->v[i].start < r->end && r->start < h->v[i].end))
				continue;
			hl = h->v[i];
			for (j = n; j > 0 && mine[j - 1].prio > hl.prio; j--)
				mine[j] = mine[j - 1];
			mine[j] = hl;
			n++;
		}
		return n;
	}
	ord = xreallocarray(NULL, h->n, sizeof *ord);
	for (i = 0; i < h->n; i++)
		if (h->v[i].start < r->end && r->start < h->v[i].end) {
			ord[n].hl = h->v[i];
			ord[n].seq = n;
			n++;
		}
	qsort(ord, n, sizeof *ord, by_prio);
	for (i = 0; i < n; i++)
		mine[i] = ord[i].hl;
	free(ord);
	return n;
}

/* Append s[0, n), cols columns, to the last run of l (there is one). */
static void
run_append(struct paint_line *l, const char *s, size_t n, int cols)
{
	struct paint_run *last = &l->runs[l->nruns - 1];

	if (n == 1 && l->text.len + 1 < l->text.cap) {
		/* a byte of plain ASCII: the commonest case, without calls */
		l->text.data[l->text.len++] = s[0];
		l->text.data[l->text.len] = '\0';
	} else
		buf_add(&l->text, s, n);
	last->text_len += n;
	last->cols += cols;
	l->cols += cols;
}

/* The end of the bytes from i (before lim <= end) that are cells of
 * themselves: plain ASCII and spaces between words (layout.h). */
static size_t
plain_span(const struct doc *d, size_t i, size_t lim, size_t end)
{
	const unsigned char *b = (const unsigned char *)d->bytes;
	size_t len = d->len;
	unsigned c, next;

	/* layout_plain_ascii || layout_lone_space, with the text in locals */
	for (; i < lim; i++) {
		c = b[i];
		next = i + 1 < len ? b[i + 1] : 0;
		if (c > 0x20 && c < 0x7f) {
			if (next >= 0x80)
				break;
		} else if (c != ' ' || (i + 1 < end && (next <= 0x20 ||
		    next >= 0x7f)))
			break;
	}
	return i;
}

/*
 * The row is walked a cell at a time (layout_cell_at), without keeping
 * the cells; a byte of plain ASCII or a space between words is its own
 * cell (layout.h), taken here without making one.  A cell styled as the
 * one before it (plain, and no highlight edge between: next_edge) goes
 * on that run without asking every highlight again.
 */
void
paint_row(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, int headline, const struct style *el,
    const struct paint_hls *h, int max_cols, struct paint_line *out)
{
	struct paint_hl few[PAINT_FEW_HLS], *mine = few;
	struct layout_cell c;
	struct style base, st;
	size_t i = r->start, next, lim, vlen, n = 0, same_until = 0;
	int plain = 0, col = 0;

	paint_line_reset(out);
	base = style_layer(el[STYLE_EL_TEXT],
	    headline ? el[STYLE_EL_HEADLINE] : style_unset());
	if (h != NULL && h->n > PAINT_FEW_HLS)
		mine = xreallocarray(NULL, h->n, sizeof *mine);
	if (h != NULL)
		n = row_layers(h, r, mine);
	while (i < r->end) {
		if (plain && i < same_until) {
			/* the bytes that go on as the run before: copied */
			lim = same_until < r->end ? same_until : r->end;
			if (lim - i > (size_t)(max_cols - col))
				lim = i + (size_t)(max_cols - col);
			if ((next = plain_span(d, i, lim, r->end)) > i) {
				run_append(out, d->bytes + i, next - i,
				    (int)(next - i));
				col += (int)(next - i);
				i = next;
				continue;
			}
		}
		if (layout_plain_ascii(d, i) || layout_lone_space(d, i,
		    r->end)) {
			/* (the cell layout_cell_at makes of it) */
			c.off = i;
			c.len = 1;
			c.width = 1;
			c.kind = d->bytes[i] == ' ' ? GLYPH_SPACE : GLYPH_TEXT;
			c.vis[0] = d->bytes[i];
			c.vis[1] = '\0';
			vlen = 1;
			next = i + 1;
		} else {
			next = layout_cell_at(d, r, o, i, col, &c);
			vlen = strlen(c.vis);
		}
		if (col + c.width > max_cols)
			break;
		if (plain && c.kind != GLYPH_CONTROL &&
		    c.kind != GLYPH_INVALID && c.off + c.len <= same_until)
			run_append(out, c.vis, vlen, c.width);
		else {
			st = cell_style(&c, base, el, mine, n);
			paint_line_add(out, c.vis, vlen, c.width, st);
			plain = c.kind != GLYPH_CONTROL &&
			    c.kind != GLYPH_INVALID;
			same_until = plain ? next_edge(mine, n, c.off) : 0;
		}
		col += c.width;
		i = next;
	}
	if (mine != few)
		free(mine);
}
