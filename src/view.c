/*
 * view.c: scrolling over paragraphs laid out on demand.
 *
 * The top of the screen is a (paragraph, row) pair, not a row number, so
 * nothing needs the whole document laid out.  Documents up to INDEX_MAX
 * bytes also get a row index (paragraph starts and their first row
 * numbers) for "row N of M" and NNg; larger ones report a byte percentage.
 */
#include "artread/view.h"

#include <stdlib.h>
#include <string.h>

#include "artread/util.h"

#define INDEX_MAX	(4u << 20)

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
view_init(struct view *v, const struct doc *d, const struct layout_opts *o,
    int height)
{
	memset(v, 0, sizeof *v);
	v->doc = d;
	v->lo = *o;
	if (v->lo.width < 1)
		v->lo.width = 1;
	v->height = height < 1 ? 1 : height;
	v->empty = !doc_para_at(d, 0, &v->top.para);
	v->top.row = 0;
}

void
view_free(struct view *v)
{
	cache_clear(v);
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
	if (!doc_para_next(v->doc, &p->para, &next))
		return 0;
	if (p->row + 1 == lp->nrows) {
		p->row = lp->nrows;
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
	if (!doc_para_prev(v->doc, &p->para, &prev))
		return 0;
	lp = view_layout(v, &prev);
	p->para = prev;
	p->row = lp->nrows;
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

	if (v->empty)
		return 0;
	if (!doc_para_at(v->doc, off, &p->para) &&
	    !doc_para_last(v->doc, &p->para))
		return 0;
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
	view_pos_row(v, p, &r, NULL);
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
	if (v->empty || !doc_para_last(v->doc, &v->top.para))
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
	struct range p;
	size_t cap = 0, rows = 0;
	int more;

	if (v->index_n > 0 || v->empty || v->doc->len > INDEX_MAX)
		return;
	more = doc_para_at(v->doc, 0, &p);
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
		more = doc_para_next(v->doc, &p, &p);
		if (more)
			rows++;	/* the blank row between paragraphs */
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
