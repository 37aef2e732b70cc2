/* test_view.c: scrolling and jumping over a laid-out document. */
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "artread/doc.h"
#include "artread/util.h"
#include "artread/view.h"

#define HEIGHT	6
#define WIDTH	20
#define MAXROWS	4000

struct walk {
	struct view_pos	pos[MAXROWS];
	int		blank[MAXROWS];
	struct layout_row row[MAXROWS];
	size_t		n;
};

static struct walk W;

/* Thirty paragraphs of 1..9 lines of words, after a short headline. */
static struct doc *
make_doc(void)
{
	struct buf b;
	struct doc *d;
	int p, w;

	buf_init(&b);
	buf_adds(&b, "The headline\n\n");
	for (p = 0; p < 30; p++) {
		for (w = 0; w < 3 + (p * 7) % 25; w++)
			buf_printf(&b, "%sw%d.%d", w == 0 ? "" :
			    w % 6 == 0 ? "\n" : " ", p, w);
		buf_adds(&b, p % 4 == 0 ? "\n\n\n" : "\n\n");
	}
	d = doc_from_memory("t", b.data, b.len);
	buf_free(&b);
	return d;
}

/* Every display row from the top of the document. */
static void
walk_all(struct view *v, struct walk *w)
{
	struct view_pos p;

	assert_true(view_pos_of(v, 0, &p));
	w->n = 0;
	do {
		assert_true(w->n < MAXROWS);
		w->pos[w->n] = p;
		w->blank[w->n] = view_pos_row(v, &p, &w->row[w->n], NULL);
		w->n++;
	} while (view_pos_next(v, &p));
}

static int
same_pos(const struct view_pos *a, const struct view_pos *b)
{
	return a->para.start == b->para.start && a->para.end == b->para.end &&
	    a->row == b->row;
}

/* The index in W of the top row. */
static size_t
top_index(struct view *v)
{
	size_t i;

	for (i = 0; i < W.n; i++)
		if (same_pos(&W.pos[i], &v->top))
			return i;
	fail_msg("top is not a row of the document");
	return 0;
}

static void
setup_view(struct view *v, struct doc **d)
{
	struct layout_opts o = { WIDTH, 1 };

	*d = make_doc();
	view_init(v, *d, &o, HEIGHT);
	walk_all(v, &W);
}

/* A position saved as an offset (the reading position, the top kept on
 * resize) comes back as the same row, blank rows between paragraphs too
 * (a blank row at the top used to come back as the row before it). */
static void
every_row_comes_back_from_its_offset(void **state)
{
	struct view v;
	struct doc *d;
	struct view_pos q;
	size_t i;

	(void)state;
	setup_view(&v, &d);
	for (i = 0; i < W.n; i++) {
		assert_true(view_pos_of(&v, view_pos_offset(&v, &W.pos[i]), &q));
		if (q.para.start != W.pos[i].para.start ||
		    q.row != W.pos[i].row)
			fail_msg("row %zu (%s) came back as another", i,
			    W.blank[i] ? "blank" : "text");
	}
	view_free(&v);
	doc_free(d);
}

static void
rows_and_separators(void **state)
{
	struct view v;
	struct doc *d;
	struct range p;
	struct view_pos q;
	size_t i, nparas = 0, nblank = 0;
	int more, headline;
	struct layout_row r;

	(void)state;
	setup_view(&v, &d);
	for (more = doc_para_at(d, 0, &p); more; more = doc_para_next(d, &p, &p))
		nparas++;
	assert_int_equal(nparas, 31);
	for (i = 0; i < W.n; i++) {
		if (W.blank[i]) {
			nblank++;
			/* a blank row is followed by a paragraph's first row */
			assert_true(i > 0 && i + 1 < W.n);
			assert_false(W.blank[i - 1]);
			assert_false(W.blank[i + 1]);
			assert_int_equal(W.pos[i + 1].row, 0);
		} else if (i > 0) {
			/* rows advance through the text */
			size_t j = W.blank[i - 1] ? i - 2 : i - 1;

			assert_true(W.row[i].start >= W.row[j].end);
			assert_true(W.row[i].end > W.row[i].start);
		}
	}
	assert_int_equal(nblank, nparas - 1);
	assert_false(W.blank[W.n - 1]);
	assert_false(W.blank[0]);
	assert_true(view_pos_row(&v, &W.pos[0], &r, &headline) == 0);
	assert_true(headline);
	assert_true(view_pos_row(&v, &W.pos[2], &r, &headline) == 0);
	assert_false(headline);
	/* the last row is the end of the last paragraph */
	assert_true(doc_para_last(d, &p));
	assert_int_equal(W.row[W.n - 1].end, p.end);
	/* walking back visits the same rows */
	q = W.pos[W.n - 1];
	for (i = W.n - 1; i > 0; i--) {
		assert_true(view_pos_prev(&v, &q));
		assert_true(same_pos(&q, &W.pos[i - 1]));
	}
	assert_false(view_pos_prev(&v, &q));
	q = W.pos[W.n - 1];
	assert_false(view_pos_next(&v, &q));
	assert_int_equal(view_total_rows(&v), W.n);
	view_free(&v);
	doc_free(d);
}

static void
scroll_counts(void **state)
{
	struct view v;
	struct doc *d;
	size_t n, last_top;

	(void)state;
	setup_view(&v, &d);
	last_top = W.n - HEIGHT;
	assert_true(view_top_row_number(&v, &n));
	assert_int_equal(n, 0);
	assert_int_equal(view_scroll(&v, 3), 3);
	assert_int_equal(top_index(&v), 3);
	assert_true(view_top_row_number(&v, &n));
	assert_int_equal(n, 3);
	assert_int_equal(view_scroll(&v, -2), -2);
	assert_int_equal(top_index(&v), 1);
	assert_int_equal(view_scroll(&v, -10), -1);
	assert_int_equal(top_index(&v), 0);
	assert_int_equal(view_scroll(&v, -1), 0);
	assert_int_equal(view_scroll(&v, 0), 0);

	/* Past the end: the last row stays at the bottom. */
	assert_int_equal(view_scroll(&v, 1), 1);
	assert_int_equal(view_scroll(&v, 100000), (long)(last_top - 1));
	assert_int_equal(top_index(&v), last_top);
	assert_true(view_at_end(&v));
	assert_int_equal(view_scroll(&v, 1), 0);
	assert_int_equal(top_index(&v), last_top);
	assert_int_equal(view_scroll(&v, 5), 0);
	/* Two rows from the end, five asked: two moved. */
	assert_int_equal(view_scroll(&v, -2), -2);
	assert_false(view_at_end(&v));
	assert_int_equal(view_scroll(&v, 5), 2);
	assert_int_equal(top_index(&v), last_top);
	assert_int_equal(view_scroll(&v, -100000), -(long)last_top);
	assert_int_equal(top_index(&v), 0);
	view_free(&v);
	doc_free(d);
}

static void
goto_end_and_top(void **state)
{
	struct view v;
	struct doc *d;
	struct view_pos p;
	size_t n;
	int i;

	(void)state;
	setup_view(&v, &d);
	view_goto_end(&v);
	assert_int_equal(top_index(&v), W.n - HEIGHT);
	assert_true(view_at_end(&v));
	p = v.top;
	for (i = 1; i < HEIGHT; i++)
		assert_true(view_pos_next(&v, &p));
	assert_true(same_pos(&p, &W.pos[W.n - 1]));
	assert_false(view_pos_next(&v, &p));
	assert_true(view_top_row_number(&v, &n));
	assert_int_equal(n, W.n - HEIGHT);
	view_goto_top(&v);
	assert_int_equal(top_index(&v), 0);
	assert_false(view_at_end(&v));
	view_goto_offset(&v, d->len - 1);
	assert_int_equal(top_index(&v), W.n - HEIGHT);
	view_free(&v);
	doc_free(d);
}

static void
goto_percent(void **state)
{
	struct view v;
	struct doc *d;
	struct layout_row r;
	size_t mid, i;

	(void)state;
	setup_view(&v, &d);
	mid = d->len / 2;
	view_goto_percent(&v, 50);
	i = top_index(&v);
	assert_int_equal(view_pos_row(&v, &v.top, &r, NULL), 0);
	/* the top row holds the middle byte, or is the first row after it */
	assert_true(r.start <= mid + 1 || (i > 0 && W.row[i - 1].end <= mid));
	assert_true(mid < r.end || (i + 1 < W.n && mid < W.row[i + 1].start));
	assert_true(r.start + 2 * WIDTH > mid);
	view_goto_percent(&v, 0);
	assert_int_equal(top_index(&v), 0);
	view_goto_percent(&v, 100);
	assert_int_equal(top_index(&v), W.n - HEIGHT);
	view_goto_percent(&v, -5);
	assert_int_equal(top_index(&v), 0);
	view_goto_percent(&v, 250);
	assert_int_equal(top_index(&v), W.n - HEIGHT);
	view_goto_percent(&v, 99);
	assert_int_equal(top_index(&v), W.n - HEIGHT);
	view_free(&v);
	doc_free(d);
}

static void
goto_row(void **state)
{
	struct view v;
	struct doc *d;
	size_t n, k;

	(void)state;
	setup_view(&v, &d);
	for (k = 0; k < W.n + 3; k++) {
		view_goto_row(&v, k);
		assert_true(view_top_row_number(&v, &n));
		if (k <= W.n - HEIGHT) {
			assert_int_equal(n, k);
			assert_int_equal(top_index(&v), k);
		} else
			assert_int_equal(n, W.n - HEIGHT);
	}
	view_free(&v);
	doc_free(d);
}

static void
resize_keeps_top(void **state)
{
	struct layout_opts o;
	struct view v;
	struct doc *d;
	struct layout_row r;
	size_t k, off;
	static const int widths[] = { 33, 7, 80, 1, 20 };
	int wi;

	(void)state;
	setup_view(&v, &d);
	for (k = 0; k + HEIGHT + 40 < W.n; k += 3) {
		if (W.blank[k])
			continue;
		for (wi = 0; wi < 5; wi++) {
			view_goto_row(&v, k);
			if (wi > 0) {
				/* back to the walk's layout first */
				o.width = WIDTH;
				o.reflow = 1;
				view_set_layout(&v, &o, HEIGHT);
				view_goto_row(&v, k);
			}
			off = W.row[k].start;
			assert_int_equal(view_pos_offset(&v, &v.top), off);
			o.width = widths[wi];
			o.reflow = wi % 2;
			view_set_layout(&v, &o, HEIGHT + wi);
			assert_int_equal(v.height, HEIGHT + wi);
			assert_int_equal(view_pos_row(&v, &v.top, &r, NULL), 0);
			assert_true(r.start <= off);
			assert_true(off < r.end);
		}
		o.width = WIDTH;
		o.reflow = 1;
		view_set_layout(&v, &o, HEIGHT);
	}
	/* Back at the original layout the row numbers are the walk's. */
	assert_int_equal(view_total_rows(&v), W.n);
	view_free(&v);
	doc_free(d);
}

static void
show_offset_minimal(void **state)
{
	struct view v;
	struct doc *d;
	size_t i, k;

	(void)state;
	setup_view(&v, &d);
	view_goto_row(&v, 10);
	/* On screen: nothing moves. */
	for (k = 10; k < 10 + HEIGHT; k++) {
		if (W.blank[k])
			continue;
		view_show_offset(&v, W.row[k].start);
		assert_int_equal(top_index(&v), 10);
		view_show_offset(&v, W.row[k].end - 1);
		assert_int_equal(top_index(&v), 10);
	}
	/* Just below: one row down. */
	k = 10 + HEIGHT;
	if (W.blank[k])
		k++;
	view_show_offset(&v, W.row[k].start);
	assert_int_equal(top_index(&v), k - HEIGHT + 1);
	/* Just above: that row at the top. */
	view_goto_row(&v, 20);
	k = W.blank[19] ? 18 : 19;
	view_show_offset(&v, W.row[k].start);
	assert_int_equal(top_index(&v), k);
	/* Far below: its row at the bottom. */
	view_goto_row(&v, 0);
	k = 60;
	if (W.blank[k])
		k++;
	view_show_offset(&v, W.row[k].start + 1);
	assert_int_equal(top_index(&v), k - HEIGHT + 1);
	/* Far above. */
	view_show_offset(&v, W.row[2].start);
	assert_int_equal(top_index(&v), 2);
	/* Near the end: the screen stays full. */
	view_show_offset(&v, d->len - 2);
	i = top_index(&v);
	assert_int_equal(i, W.n - HEIGHT);
	view_free(&v);
	doc_free(d);
}

static void
screen_range(void **state)
{
	struct view v;
	struct doc *d;
	size_t s, e, k, i;

	(void)state;
	setup_view(&v, &d);
	for (i = 7; W.blank[i]; i++)
		;
	view_goto_row(&v, i);
	view_screen_range(&v, &s, &e);
	assert_int_equal(s, W.row[i].start);
	for (k = i + HEIGHT - 1; W.blank[k]; k--)
		;
	assert_int_equal(e, W.row[k].end);
	view_free(&v);
	doc_free(d);
}

static void
cache_survives_many_paragraphs(void **state)
{
	struct layout_opts o = { 10, 1 };
	struct view v;
	struct buf b;
	struct doc *d;
	size_t n, rows = 0;
	int i;

	(void)state;
	/* more paragraphs than cache entries */
	buf_init(&b);
	for (i = 0; i < 3 * VIEW_CACHE; i++)
		buf_printf(&b, "para %d has words\n\n", i);
	d = doc_from_memory("t", b.data, b.len);
	buf_free(&b);
	view_init(&v, d, &o, 4);
	/* "para N" or "para N has", then "words" or "has words" */
	for (i = 0; i < 3 * VIEW_CACHE; i++)
		rows += 2;
	rows += 3 * VIEW_CACHE - 1;
	assert_int_equal(view_total_rows(&v), rows);
	assert_int_equal(view_scroll(&v, 100000), (long)(rows - 4));
	assert_true(view_top_row_number(&v, &n));
	assert_int_equal(n, rows - 4);
	assert_int_equal(view_scroll(&v, -100000), -(long)(rows - 4));
	view_free(&v);
	doc_free(d);
}

static void
empty_doc_is_safe(void **state)
{
	static const char *const texts[] = { "", "\n\n  \n\t\n", "\xef\xbb\xbf" };
	struct layout_opts o = { 40, 1 };
	struct view v;
	struct view_pos p;
	struct layout_row r;
	struct doc *d;
	size_t n, s, e;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		d = doc_from_memory("t", texts[i], strlen(texts[i]));
		view_init(&v, d, &o, 10);
		assert_true(v.empty);
		assert_int_equal(view_scroll(&v, 5), 0);
		assert_int_equal(view_scroll(&v, -5), 0);
		view_goto_top(&v);
		view_goto_end(&v);
		view_goto_percent(&v, 50);
		view_goto_percent(&v, 100);
		view_goto_offset(&v, 3);
		view_goto_row(&v, 4);
		view_show_offset(&v, 2);
		assert_true(view_at_end(&v));
		assert_int_equal(view_total_rows(&v), 0);
		(void)view_top_row_number(&v, &n);
		view_screen_range(&v, &s, &e);
		assert_int_equal(s, e);
		p = v.top;
		assert_false(view_pos_next(&v, &p));
		assert_false(view_pos_prev(&v, &p));
		assert_false(view_pos_of(&v, 0, &p));
		assert_int_equal(view_pos_row(&v, &v.top, &r, NULL), 1);
		assert_int_equal(view_pos_offset(&v, &v.top), 0);
		o.width = 5;
		view_set_layout(&v, &o, 3);
		o.width = 40;
		view_free(&v);
		doc_free(d);
	}
}

/*
 * A huge paragraph (a 300 KB line, and 40,000 one-word lines) is laid
 * out in blocks: no layout covers more than about 64 KiB, blocks of one
 * paragraph follow each other without a blank row, walking backward
 * gives the same rows as walking forward, and every word is shown once.
 */
static void
huge_paragraph_in_blocks(void **state)
{
	struct layout_opts o = { 70, 1 };
	struct view v;
	struct view_pos p;
	struct layout_row r;
	struct layout_row *rows;
	struct buf b;
	struct doc *d;
	size_t n = 0, cap = 0, i, words = 0, shown = 0;
	int k;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "Head\n\n");
	for (k = 0; k < 30000; k++)
		buf_printf(&b, "w%d ", k);
	buf_adds(&b, "\n\nmiddle paragraph\n\n");
	for (k = 0; k < 40000; k++)
		buf_printf(&b, "line%d\n", k);
	words = 30000 + 2 + 40000 + 1;
	d = doc_from_memory("huge", b.data, b.len);
	buf_free(&b);
	view_init(&v, d, &o, 20);
	assert_true(view_pos_of(&v, 0, &p));
	rows = NULL;
	do {
		const struct layout_para *lp = view_layout(&v, &p.para);

		assert_true(lp->para.end - lp->para.start < 65536 + 300);
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			rows = xreallocarray(rows, cap, sizeof *rows);
		}
		if (view_pos_row(&v, &p, &r, NULL))
			r.start = r.end = SIZE_MAX;	/* a blank row */
		rows[n++] = r;
	} while (view_pos_next(&v, &p));
	/* Exactly three blank rows: between the four paragraphs. */
	for (i = 0, k = 0; i < n; i++) {
		if (rows[i].start == SIZE_MAX) {
			k++;
			continue;
		}
		for (size_t j = rows[i].start; j < rows[i].end; j++)
			if (d->bytes[j] != ' ' && d->bytes[j] != '\n' &&
			    (j == rows[i].start || d->bytes[j - 1] == ' ' ||
			    d->bytes[j - 1] == '\n'))
				shown++;
	}
	assert_int_equal(k, 3);
	assert_int_equal(shown, words);
	/* Backward from the end: the same rows in reverse. */
	view_goto_end(&v);
	p = v.top;
	while (view_pos_next(&v, &p))
		;
	for (i = n; i-- > 0;) {
		if (view_pos_row(&v, &p, &r, NULL))
			assert_true(rows[i].start == SIZE_MAX);
		else {
			assert_int_equal(r.start, rows[i].start);
			assert_int_equal(r.end, rows[i].end);
		}
		if (i > 0)
			assert_true(view_pos_prev(&v, &p));
	}
	assert_false(view_pos_prev(&v, &p));
	free(rows);
	view_free(&v);
	doc_free(d);
}

/* Walk every row forward, then back; both must end, and the text after
 * the awkward run must be shown.  Returns the number of rows. */
static size_t
walk_both_ways(struct doc *d, const char *must_show)
{
	struct layout_opts o = { 60, 1 };
	struct view v;
	struct view_pos p;
	struct layout_row r;
	size_t fwd = 0, back = 0;
	int seen = 0;

	view_init(&v, d, &o, 10);
	assert_true(view_pos_of(&v, 0, &p));
	do {
		assert_true(++fwd < 100000);
		if (!view_pos_row(&v, &p, &r, NULL) && r.end - r.start >=
		    strlen(must_show) && memmem(d->bytes + r.start, r.end -
		    r.start, must_show, strlen(must_show)) != NULL)
			seen = 1;
	} while (view_pos_next(&v, &p));
	do
		assert_true(++back <= fwd);
	while (view_pos_prev(&v, &p));
	assert_int_equal(back, fwd);
	assert_true(seen);
	view_free(&v);
	return fwd;
}

/* Regressions: a 140 KB run of continuation bytes (no character start to
 * cut at) looped forever; a 200 KB run of spaces hid the text after it
 * and stuck scrolling up. */
static void
awkward_huge_paragraphs(void **state)
{
	struct buf b;
	struct doc *d;
	int i;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "Title\n\n");
	for (i = 0; i < 140000; i++)
		buf_addc(&b, (char)0x80);
	buf_adds(&b, "\n\nEnd.\n");
	d = doc_from_memory("x", b.data, b.len);
	walk_both_ways(d, "End.");
	doc_free(d);
	buf_reset(&b);
	buf_adds(&b, "Title\n\nFirst para.\n\na");
	for (i = 0; i < 200000; i++)
		buf_addc(&b, ' ');
	buf_adds(&b, "b c d\n\nEnd para.\n");
	d = doc_from_memory("y", b.data, b.len);
	walk_both_ways(d, "b c d");
	doc_free(d);
	buf_free(&b);
}

/* The page the pager and --dump share: margins and text width. */
static void
geometry(void **state)
{
	static const struct {
		int	cols, want, margin, width;
	} cases[] = {
		{ 80, 0, 2, 76 },	/* the window's width less the margins */
		{ 80, 60, 2, 60 },	/* narrowed to what was asked */
		{ 80, 200, 2, 76 },	/* never wider than the window */
		{ 6, 0, 2, 2 },
		{ 5, 0, 0, 5 },		/* too narrow for margins */
		{ 0, 0, 0, 1 },		/* at least one column */
	};
	size_t i;
	int m, w;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		view_geometry(cases[i].cols, cases[i].want, &m, &w);
		assert_int_equal(m, cases[i].margin);
		assert_int_equal(w, cases[i].width);
	}
}

/* &: only some paragraphs are shown, each followed by one blank row;
 * rows, the row index, jumps and the end agree; all again after. */
static void
filter_paragraphs(void **state)
{
	struct doc *d = make_doc();
	struct layout_opts lo = { WIDTH, 1 };
	struct view v;
	struct range want[3], *only, p;
	size_t i, k, rows;

	(void)state;
	view_init(&v, d, &lo, HEIGHT);
	/* paragraphs 3, 4 and 17 of the thirty (after the headline) */
	assert_true(doc_para_at(d, 0, &p));
	for (i = 0, k = 0; k < 3 && doc_para_next(d, &p, &p); i++)
		if (i == 3 || i == 4 || i == 17)
			want[k++] = p;
	assert_int_equal(k, 3);
	only = xreallocarray(NULL, 3, sizeof *only);
	memcpy(only, want, sizeof want);
	view_goto_offset(&v, want[1].start + 1);
	view_filter(&v, only, 3);
	/* the top stayed on the passage that was there */
	assert_int_equal(v.top.para.start, want[1].start);
	walk_all(&v, &W);
	for (i = 0, rows = 0; i < W.n; i++) {
		if (W.blank[i])
			continue;
		rows++;
		for (k = 0; k < 3; k++)
			if (W.row[i].start >= want[k].start &&
			    W.row[i].end <= want[k].end)
				break;
		assert_true(k < 3);
	}
	/* two blank rows between three paragraphs, none at the end */
	assert_int_equal(W.n, rows + 2);
	assert_int_equal(view_total_rows(&v), W.n);
	/* what is hidden is shown by the next paragraph that is not */
	assert_int_equal(view_shown_offset(&v, want[0].start + 2),
	    want[0].start + 2);
	assert_int_equal(view_shown_offset(&v, want[1].end + 3),
	    want[2].start);
	assert_int_equal(view_shown_offset(&v, 0), want[0].start);
	assert_int_equal(view_shown_offset(&v, d->len - 1), want[2].start);
	view_goto_end(&v);
	assert_true(view_at_end(&v));
	view_goto_top(&v);
	assert_int_equal(v.top.para.start, want[0].start);
	/* & and Enter: every paragraph again */
	view_filter(&v, NULL, 0);
	walk_all(&v, &W);
	assert_true(W.n > rows + 30);
	assert_int_equal(view_shown_offset(&v, 5), 5);
	view_free(&v);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_and_separators),
		cmocka_unit_test(every_row_comes_back_from_its_offset),
		cmocka_unit_test(huge_paragraph_in_blocks),
		cmocka_unit_test(awkward_huge_paragraphs),
		cmocka_unit_test(scroll_counts),
		cmocka_unit_test(goto_end_and_top),
		cmocka_unit_test(goto_percent),
		cmocka_unit_test(goto_row),
		cmocka_unit_test(resize_keeps_top),
		cmocka_unit_test(show_offset_minimal),
		cmocka_unit_test(screen_range),
		cmocka_unit_test(cache_survives_many_paragraphs),
		cmocka_unit_test(empty_doc_is_safe),
		cmocka_unit_test(geometry),
		cmocka_unit_test(filter_paragraphs),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
