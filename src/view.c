/*
 * view.c: scrolling over paragraphs laid out on demand.
 *
 * The top of the screen is a (paragraph, row) pair, not a row number, so
 * nothing needs the whole document laid out.  Documents up to INDEX_MAX
 * bytes also get a row index (paragraph starts and their first row
 * numbers) for "row N of M" and NNg; larger ones report a byte percentage.
 *
 * The unit of layout is a block: a paragraph, or a piece of at most about
 * BLOCK_MAX bytes of a huge one (a 10 MB line, a million one-word lines),
 * cut at white space at fixed places, so that no screen waits for a whole
 * giant paragraph to be laid out.  Blocks of one paragraph follow each
 * other without the blank row that separates paragraphs.
 */
#include "artread/view.h"

#include <stdlib.h>
#include <string.h>

#include "artread/util.h"

#define INDEX_MAX	(4u << 20)
#define BLOCK_MAX	65536
#define BLOCK_SCAN	256	/* how far a cut looks for white space */

static long clamp_top(struct view *v);

static void
cache_clear(struct view *v)
{
	int i;

	for (i = 0; i < VIEW_CACHE; i++) {
		if (v->cache[i].valid)
			layout_para_free(&v->cache[i].lp);
		v->cache[i].valid = 0;
	}
	free(v->index_start);
	free(v->index_row);
	v->index_start = v->index_row = NULL;
	v->index_n = 0;
	v->total_rows = 0;
}


/* ---- blocks ---- */

static int
is_white_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* ---- the paragraphs shown (all, or those the & filter keeps) ---- */

/* The index of the first paragraph kept that ends after off. */
static size_t
only_index(const struct view *v, size_t off)
{
	size_t lo = 0, hi = v->nonly;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->only[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The paragraph shown holding off, or the first shown after it. */
static int
shown_para_at(const struct view *v, size_t off, struct range *p)
{
	size_t i;

	if (v->only == NULL)
		return doc_para_at(v->doc, off, p);
	if ((i = only_index(v, off)) == v->nonly)
		return 0;
	*p = v->only[i];
	return 1;
}

static int
shown_para_next(const struct view *v, const struct range *p,
    struct range *next)
{
	size_t i;

	if (v->only == NULL)
		return doc_para_next(v->doc, p, next);
	if ((i = only_index(v, p->end)) == v->nonly)
		return 0;
	if (v->only[i].start <= p->start && ++i == v->nonly)
		return 0;
	*next = v->only[i];
	return 1;
}

static int
shown_para_prev(const struct view *v, const struct range *p,
    struct range *prev)
{
	size_t i;

	if (v->only == NULL)
		return doc_para_prev(v->doc, p, prev);
	if ((i = only_index(v, p->start)) == 0)
		return 0;
	*prev = v->only[i - 1];
	return 1;
}

static int
shown_para_last(const struct view *v, struct range *p)
{
	if (v->only == NULL)
		return doc_para_last(v->doc, p);
	*p = v->only[v->nonly - 1];
	return 1;
}

/* The paragraph holding off (or the first after), remembered: finding a
 * giant paragraph's edges costs a scan of it. */
static int
para_of(struct view *v, size_t off, struct range *p)
{
	if (v->para_ok && off >= v->para.start && off < v->para.end) {
		*p = v->para;
		return 1;
	}
	if (!shown_para_at(v, off, p))
		return 0;
	v->para = *p;
	v->para_ok = 1;
	return 1;
}

/* Where block k (k >= 1) of paragraph p starts, and where block k - 1
 * ends (*cut): at white space near k * BLOCK_MAX, else on a character. */
static size_t
block_start(const struct view *v, const struct range *p, size_t k, size_t *cut)
{
	const unsigned char *b = (const unsigned char *)v->doc->bytes;
	size_t at = p->start + k * BLOCK_MAX, lim, i;

	if (k == 0 || at >= p->end) {
		*cut = k == 0 ? p->start : p->end;
		return *cut;
	}
	lim = p->end - at > BLOCK_SCAN ? at + BLOCK_SCAN : p->end;
	for (i = at; i < lim && !is_white_byte((char)b[i]); i++)
		;
	if (i == lim) {
		/* No white space near: cut before a character's first byte,
		 * at most 3 back (a run of invalid bytes has none: cut at). */
		for (i = at; i > at - 3 && (b[i] & 0xc0) == 0x80; i--)
			;
		*cut = (b[i] & 0xc0) == 0x80 ? at : i;
		return *cut;
	}
	/* The one white space byte (or CRLF) cut at belongs to neither
	 * block; any more stay in the next one, which keeps every block's
	 * start within a few bytes of k * BLOCK_MAX, in order. */
	*cut = i++;
	if (b[i - 1] == '\r' && i < p->end && b[i] == '\n')
		i++;
	return i;
}

static void
block_by_index(const struct view *v, const struct range *p, size_t k,
    struct range *blk)
{
	size_t cut;

	blk->start = block_start(v, p, k, &cut);
	block_start(v, p, k + 1, &blk->end);
}

/* Index of the block of p holding off (white space between two blocks
 * belongs to the second). */
static size_t
block_index(const struct view *v, const struct range *p, size_t off)
{
	size_t k, cut;

	if (off <= p->start)
		return 0;
	k = (off - p->start) / BLOCK_MAX;
	if (k > 0 && off < block_start(v, p, k, &cut))
		k--;
	else if (off >= block_start(v, p, k + 1, &cut) && cut < p->end)
		k++;
	return k;
}

static int
block_at(struct view *v, size_t off, struct range *blk)
{
	struct range p;

	if (!para_of(v, off, &p))
		return 0;
	block_by_index(v, &p, block_index(v, &p, off < p.start ? p.start : off),
	    blk);
	return 1;
}

/* The last block of paragraph p. */
static void
block_last_of(struct view *v, const struct range *p, struct range *blk)
{
	block_by_index(v, p, block_index(v, p, p->end > p->start ? p->end - 1 :
	    p->start), blk);
}

/* The paragraph shown after p, remembered for the next walk over it. */
static int
para_after(struct view *v, const struct range *p, struct range *np)
{
	int i;

	for (i = 0; i < v->nnext; i++)
		if (v->next[i].from.start == p->start &&
		    v->next[i].from.end == p->end) {
			*np = v->next[i].to;
			return 1;
		}
	if (!shown_para_next(v, p, np))
		return 0;
	i = v->nnext < VIEW_NEXT ? v->nnext++ : v->next_at++ % VIEW_NEXT;
	v->next[i].from = *p;
	v->next[i].to = *np;
	return 1;
}

static int
block_next(struct view *v, const struct range *b, struct range *next)
{
	struct range p, np;

	if (!para_of(v, b->start, &p))
		return 0;
	if (b->end < p.end) {
		block_by_index(v, &p, block_index(v, &p, b->start) + 1, next);
		return 1;
	}
	if (!para_after(v, &p, &np))
		return 0;
	/* remembered, so block_at does not look for its edges again */
	v->para = np;
	v->para_ok = 1;
	return block_at(v, np.start, next);
}

static int
block_prev(struct view *v, const struct range *b, struct range *prev)
{
	struct range p, pp;
	size_t k;

	if (!para_of(v, b->start, &p))
		return 0;
	if ((k = block_index(v, &p, b->start)) > 0) {
		block_by_index(v, &p, k - 1, prev);
		return 1;
	}
	if (!shown_para_prev(v, &p, &pp))
		return 0;
	v->para = pp;
	v->para_ok = 1;
	block_last_of(v, &pp, prev);
	return 1;
}

/* Do blocks a and b (b after a) belong to one paragraph? */
static int
same_para(const struct view *v, const struct range *a, const struct range *b)
{
	char sep = v->doc->cr_lines ? '\r' : '\n';
	size_t i;
	int lines = 0;

	for (i = a->end; i < b->start; i++)
		if (v->doc->bytes[i] == sep && ++lines == 2)
			return 0;
	return 1;
}

static int
block_last(struct view *v, struct range *blk)
{
	struct range p;

	if (!shown_para_last(v, &p))
		return 0;
	v->para = p;
	v->para_ok = 1;
	block_last_of(v, &p, blk);
	return 1;
}

const struct layout_para *
view_layout(struct view *v, const struct range *p)
{
	struct view_cache_entry *victim = &v->cache[0];
	int i;

	v->clock++;
	/* Rows are asked for in order: the last paragraph is the usual hit. */
	if (v->cache[v->last].valid && v->cache[v->last].lp.para.start ==
	    p->start && v->cache[v->last].lp.para.end == p->end) {
		v->cache[v->last].used = v->clock;
		return &v->cache[v->last].lp;
	}
	for (i = 0; i < VIEW_CACHE; i++) {
		struct view_cache_entry *e = &v->cache[i];

		if (e->valid && e->lp.para.start == p->start &&
		    e->lp.para.end == p->end) {
			e->used = v->clock;
			v->last = i;
			return &e->lp;
		}
		if (!e->valid || e->used < victim->used)
			victim = e;
		if (!e->valid)
			break;
	}
	if (victim->valid)
		layout_para_free(&victim->lp);
	layout_para(v->doc, p, &v->lo, &victim->lp);
	victim->valid = 1;
	victim->used = v->clock;
	v->last = (int)(victim - v->cache);
	return &victim->lp;
}

void
view_geometry(int cols, int want_width, int *margin, int *text_width)
{
	*margin = cols >= 3 * VIEW_MARGIN ? VIEW_MARGIN : 0;
	*text_width = cols - 2 * *margin;
	if (want_width > 0 && want_width < *text_width)
		*text_width = want_width;
	if (*text_width < 1)
		*text_width = 1;
}

void
view_init(struct view *v, const struct doc *d, const struct layout_opts *o,
    int height)
{
	memset(v, 0, sizeof *v);
	v->doc = d;
	v->lo = *o;
	if (v->lo.width < 1)
		v->lo.width = 1;
	v->height = height < 1 ? 1 : height;
	v->empty = !block_at(v, 0, &v->top.para);
	v->top.row = 0;
}

void
view_free(struct view *v)
{
	cache_clear(v);
	free(v->only);
	v->only = NULL;
	v->nonly = 0;
}

void
view_filter(struct view *v, struct range *paras, size_t n)
{
	size_t top = view_pos_offset(v, &v->top);

	free(v->only);
	v->only = n > 0 ? paras : NULL;
	v->nonly = n > 0 ? n : 0;
	if (n == 0)
		free(paras);
	cache_clear(v);		/* the row index counts what is shown */
	v->para_ok = 0;
	v->nnext = 0;
	v->empty = !block_at(v, 0, &v->top.para);
	v->top.row = 0;
	if (!v->empty && (view_pos_of(v, top, &v->top)))
		clamp_top(v);
}

size_t
view_shown_offset(struct view *v, size_t off)
{
	struct range p;

	if (v->only == NULL)
		return off;
	if (shown_para_at(v, off, &p))
		return off >= p.start ? off : p.start;
	return shown_para_last(v, &p) ? p.start : off;
}

void
view_set_layout(struct view *v, const struct layout_opts *o, int height)
{
	size_t top = view_pos_offset(v, &v->top);

	cache_clear(v);
	v->lo = *o;
	if (v->lo.width < 1)
		v->lo.width = 1;
	v->height = height < 1 ? 1 : height;
	if (view_pos_of(v, top, &v->top))
		clamp_top(v);
}

int
view_pos_next(struct view *v, struct view_pos *p)
{
	const struct layout_para *lp;
	struct range next;

	if (v->empty)
		return 0;
	lp = view_layout(v, &p->para);
	if (p->row + 1 < lp->nrows) {
		p->row++;
		return 1;
	}
	if (!block_next(v, &p->para, &next))
		return 0;
	if (p->row + 1 == lp->nrows && !same_para(v, &p->para, &next)) {
		p->row = lp->nrows;	/* the blank row between paragraphs */
		return 1;
	}
	p->para = next;
	p->row = 0;
	return 1;
}

int
view_pos_prev(struct view *v, struct view_pos *p)
{
	const struct layout_para *lp;
	struct range prev;

	if (v->empty)
		return 0;
	if (p->row > 0) {
		p->row--;
		return 1;
	}
	if (!block_prev(v, &p->para, &prev))
		return 0;
	lp = view_layout(v, &prev);
	p->row = same_para(v, &prev, &p->para) ? lp->nrows - 1 : lp->nrows;
	p->para = prev;
	return 1;
}

int
view_pos_row(struct view *v, const struct view_pos *p, struct layout_row *r,
    int *headline)
{
	const struct layout_para *lp;

	r->start = r->end = 0;
	if (headline != NULL)
		*headline = 0;
	if (v->empty)
		return 1;
	lp = view_layout(v, &p->para);
	if (headline != NULL)
		*headline = lp->headline;
	if (p->row >= lp->nrows) {
		r->start = r->end = p->para.end;
		return 1;
	}
	*r = lp->rows[p->row];
	return 0;
}

int
view_pos_of(struct view *v, size_t off, struct view_pos *p)
{
	const struct layout_para *lp;
	struct range prev;

	if (v->empty)
		return 0;
	if (!block_at(v, off, &p->para) && !block_last(v, &p->para))
		return 0;
	/* Between two paragraphs, after the line end of the one before: the
	 * blank row between them (where view_pos_offset puts it). */
	if (off < p->para.start && block_prev(v, &p->para, &prev) &&
	    off > prev.end && !same_para(v, &prev, &p->para)) {
		p->para = prev;
		p->row = view_layout(v, &prev)->nrows;
		return 1;
	}
	lp = view_layout(v, &p->para);
	p->row = off < p->para.start ? 0 : layout_row_of(lp, off);
	return 1;
}

size_t
view_pos_offset(struct view *v, const struct view_pos *p)
{
	struct layout_row r;

	if (v->empty)
		return 0;
	/* A blank row: the byte after the line end before it, so that
	 * view_pos_of gives the blank row back (a position saved there
	 * comes back there). */
	if (view_pos_row(v, p, &r, NULL) && r.start < v->doc->len)
		return r.start + 1;
	return r.start;
}

/*
 * Move the top back so that the screen is full when near the end.
 * Returns the rows moved back.
 */
static long
clamp_top(struct view *v)
{
	struct view_pos p = v->top;
	int rows = 1;
	long back = 0;

	while (rows < v->height && view_pos_next(v, &p))
		rows++;
	while (rows < v->height && view_pos_prev(v, &v->top)) {
		rows++;
		back++;
	}
	return back;
}

long
view_scroll(struct view *v, long n)
{
	struct view_pos before = v->top;
	long moved = 0;

	while (n > 0 && view_pos_next(v, &v->top)) {
		n--;
		moved++;
	}
	while (n < 0 && view_pos_prev(v, &v->top)) {
		n++;
		moved--;
	}
	if (moved > 0) {
		moved -= clamp_top(v);	/* what the screen really moved */
		if (memcmp(&before, &v->top, sizeof before) == 0)
			moved = 0;
	}
	return moved;
}

void
view_goto_top(struct view *v)
{
	view_pos_of(v, 0, &v->top);
}

void
view_goto_end(struct view *v)
{
	if (v->empty || !block_last(v, &v->top.para))
		return;
	v->top.row = view_layout(v, &v->top.para)->nrows - 1;
	clamp_top(v);
}

void
view_goto_offset(struct view *v, size_t off)
{
	if (view_pos_of(v, off, &v->top))
		clamp_top(v);
}

void
view_goto_percent(struct view *v, int pct)
{
	size_t len = v->doc->len;

	if (pct <= 0)
		view_goto_top(v);
	else if (pct >= 100)
		view_goto_end(v);
	else
		view_goto_offset(v, (size_t)((double)len * pct / 100.0));
}

static void
build_index(struct view *v)
{
	struct range p, next;
	size_t cap = 0, rows = 0;
	int more;

	if (v->index_n > 0 || v->empty || v->doc->len > INDEX_MAX)
		return;
	more = block_at(v, 0, &p);
	while (more) {
		if (v->index_n == cap) {
			cap = cap ? cap * 2 : 64;
			v->index_start = xreallocarray(v->index_start, cap,
			    sizeof *v->index_start);
			v->index_row = xreallocarray(v->index_row, cap,
			    sizeof *v->index_row);
		}
		v->index_start[v->index_n] = p.start;
		v->index_row[v->index_n++] = rows;
		rows += view_layout(v, &p)->nrows;
		more = block_next(v, &p, &next);
		if (more && !same_para(v, &p, &next))
			rows++;	/* the blank row between paragraphs */
		p = next;
	}
	v->total_rows = rows;
}

size_t
view_total_rows(struct view *v)
{
	build_index(v);
	return v->total_rows;
}

int
view_top_row_number(struct view *v, size_t *n)
{
	size_t lo = 0, hi;

	build_index(v);
	if (v->index_n == 0)
		return 0;
	hi = v->index_n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->index_start[mid] <= v->top.para.start)
			lo = mid;
		else
			hi = mid;
	}
	*n = v->index_row[lo] + v->top.row;
	return 1;
}

void
view_goto_row(struct view *v, size_t n)
{
	view_goto_top(v);
	if (n > 0)
		view_scroll(v, (long)n);
}

int
view_at_end(struct view *v)
{
	struct view_pos p = v->top;
	int rows = 1;

	while (view_pos_next(v, &p))
		if (++rows > v->height)
			return 0;
	return 1;
}

void
view_screen_range(struct view *v, size_t *start, size_t *end)
{
	struct view_pos p = v->top;
	struct layout_row r;
	int rows = 1;

	*start = view_pos_offset(v, &p);
	*end = *start;
	do {
		view_pos_row(v, &p, &r, NULL);
		if (r.end > *end)
			*end = r.end;
	} while (rows++ < v->height && view_pos_next(v, &p));
}

void
view_show_offset(struct view *v, size_t off)
{
	struct view_pos target, p;
	size_t start, end;
	int rows;

	view_screen_range(v, &start, &end);
	if (off >= start && off < end)
		return;
	if (!view_pos_of(v, off, &target))
		return;
	if (off < start) {
		v->top = target;
		return;
	}
	/* Below the screen: put its row at the bottom if that is close. */
	p = target;
	for (rows = 1; rows < v->height && view_pos_prev(v, &p); rows++)
		;
	v->top = p;
	clamp_top(v);
}

void
view_reveal_offset(struct view *v, size_t off)
{
	struct view_pos p = v->top;
	struct layout_row r;
	int row = 0, rows;

	/* Already in the top two thirds of the screen: leave it there. */
	do {
		if (!view_pos_row(v, &p, &r, NULL) && off >= r.start &&
		    off <= r.end)
			return;
	} while (++row < v->height * 2 / 3 && view_pos_next(v, &p));
	if (!view_pos_of(v, off, &v->top))
		return;
	for (rows = 0; rows < v->height / 3 && view_pos_prev(v, &v->top); rows++)
		;
	clamp_top(v);
}
