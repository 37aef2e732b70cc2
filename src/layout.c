/*
 * layout.c: UTF-8 decoding for display, grapheme clusters as glyphs,
 * cell widths, visible forms of control characters, and paragraph
 * wrapping.
 *
 * Reflow mode treats every run of white space (line ends included) as one
 * break opportunity shown as a single space, so a paragraph hard-wrapped
 * at 72 columns re-wraps to the window.  A line that starts with a list
 * marker still starts a new row.  Without reflow, line ends are kept and
 * only over-long lines wrap.  Rows never include the white space they
 * break at, so a row's first and last bytes are always text.
 */
#include "artread/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"
#include "artread/util.h"

#define TAB_STOP	8


/*
 * Characters that are valid but would hide or disguise text: bidi
 * controls, zero-width characters, line and paragraph separators, tag
 * characters, C1 controls.  They are shown by code point.
 */
static int
is_disguising(uint32_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x034f || c == 0x061c ||
	    c == 0x180e || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
	    (c >= 0x2066 && c <= 0x206f) || c == 0xfeff ||
	    (c >= 0xfff9 && c <= 0xfffb) || (c >= 0x1d173 && c <= 0x1d17a) ||
	    (c >= 0xe0000 && c <= 0xe007f);
}

int
layout_is_disguising(uint32_t cp)
{
	return is_disguising(cp);
}

static void
set_visible(struct glyph *g, enum glyph_kind kind, const char *vis)
{
	g->kind = kind;
	snprintf(g->vis, sizeof g->vis, "%s", vis);
	g->width = (int)strlen(vis);
}

static void
glyph_ascii_control(const struct doc *d, size_t off, struct glyph *g)
{
	unsigned char c = (unsigned char)d->bytes[off];
	char vis[3] = { '^', (char)(c ^ 0x40), '\0' };

	if (c == '\n' || (c == '\r' && d->cr_lines)) {
		g->kind = GLYPH_BREAK;
		g->width = 0;
		return;
	}
	if (c == '\r' && off + 1 < d->len && d->bytes[off + 1] == '\n') {
		g->kind = GLYPH_BREAK;
		g->len = 2;
		g->width = 0;
		return;
	}
	if (c == '\t') {
		g->kind = GLYPH_TAB;
		g->width = 1;
		return;
	}
	set_visible(g, GLYPH_CONTROL, vis);
}

/*
 * The bytes of an emoji tag sequence (U+1F3F4 then 1 to 6 tag letters or
 * digits, then CANCEL TAG: the flags of England, Scotland, Wales) at
 * s[0, n), or 0.  Tag characters are shown by code point anywhere else:
 * they can hide text.
 */
static size_t
emoji_tags(const char *s, size_t n)
{
	uint32_t cp;
	size_t len = 0, k;
	int ntags = 0;

	while ((k = utf8_decode(s + len, n - len, &cp)) != 0) {
		len += k;
		if (cp == 0xe007f)
			return ntags > 0 ? len : 0;
		if (++ntags > 6 || !((cp >= 0xe0030 && cp <= 0xe0039) ||
		    (cp >= 0xe0061 && cp <= 0xe007a)))
			return 0;
	}
	return 0;
}

/*
 * How many bytes of the cluster at s[0, n) may join the text glyph g,
 * whose cluster its last code point *prev continues: a joiner only with
 * the emoji it joins, tags only as a flag's tag sequence, nothing that
 * layout shows by code point, and nothing past g's vis.  0: g ends here.
 */
static size_t
cluster_part(const struct glyph *g, const char *s, size_t n, uint32_t *prev,
    int32_t *state, int *width)
{
	uint32_t cp = *prev, next;
	int32_t st = *state;
	size_t k, k2;
	int w;

	if ((k = utf8_grapheme_continues(s, n, &cp, &st)) == 0)
		return 0;
	if (cp == UTF8_ZWJ) {
		/* An emoji ZWJ sequence: the joiner and the emoji it joins. */
		next = cp;
		if ((k2 = utf8_grapheme_continues(s + k, n - k, &next,
		    &st)) == 0 || !utf8_is_pictographic(next))
			return 0;
		cp = next;
		w = utf8_width(next);
		k += k2;
	} else if (cp >= 0xe0000 && cp <= 0xe007f) {
		if (g->cp != 0x1f3f4 || (k = emoji_tags(s, n)) == 0)
			return 0;
		cp = 0xe007f;
		w = 0;
	} else if (is_disguising(cp) || (w = utf8_width(cp)) < 0)
		return 0;
	if (g->len + k >= sizeof g->vis || w < 0)
		return 0;
	*prev = cp;
	*state = st;
	*width = w;
	return k;
}

/*
 * Extend the text glyph g over the rest of its grapheme cluster: a base
 * with its combining marks, an emoji with its modifiers and ZWJ
 * sequence, a flag's pair of regional indicators.  Its width is the sum
 * of its characters' widths, as ncurses counts them.
 */
static void
glyph_cluster(const struct doc *d, struct glyph *g)
{
	uint32_t prev = g->cp;
	int32_t state = 0;
	size_t k;
	int w;

	while (g->off + g->len < d->len &&
	    (k = cluster_part(g, d->bytes + g->off + g->len,
	    d->len - g->off - g->len, &prev, &state, &w)) != 0) {
		g->len += k;
		g->width += w;
	}
}

void
layout_glyph(const struct doc *d, size_t off, struct glyph *g)
{
	const unsigned char *s = (const unsigned char *)d->bytes + off;
	uint32_t cp;
	size_t n;
	int w;
	char vis[16];

	g->off = off;
	g->len = 1;
	g->cp = s[0];
	g->width = 0;
	g->kind = GLYPH_TEXT;
	g->vis[0] = '\0';
	if (s[0] < 0x20 || s[0] == 0x7f) {
		if (s[0] == 0x7f)
			set_visible(g, GLYPH_CONTROL, "^?");
		else
			glyph_ascii_control(d, off, g);
		return;
	}
	if (s[0] == ' ' ||
	    (s[0] < 0x80 && (off + 1 >= d->len || s[1] < 0x80))) {
		/* Most of the text: a space, or ASCII that nothing joins. */
		g->kind = s[0] == ' ' ? GLYPH_SPACE : GLYPH_TEXT;
		g->width = 1;
		g->vis[0] = (char)s[0];
		g->vis[1] = '\0';
		return;
	}
	n = utf8_decode((const char *)s, d->len - off, &cp);
	if (n == 0) {
		set_visible(g, GLYPH_INVALID, "\xef\xbf\xbd");
		g->width = 1;
		return;
	}
	g->len = n;
	g->cp = cp;
	if (cp == 0xfeff && off == 0) {
		g->kind = GLYPH_HIDDEN;
		return;
	}
	w = utf8_width(cp);
	if (is_disguising(cp) || w < 0) {
		snprintf(vis, sizeof vis, "<U+%04X>", (unsigned)cp);
		set_visible(g, GLYPH_CONTROL, vis);
		return;
	}
	g->kind = GLYPH_TEXT;
	g->width = w;
	glyph_cluster(d, g);
	memcpy(g->vis, s, g->len);
	g->vis[g->len] = '\0';
}

/* layout_glyph, its commonest cases (a space, plain ASCII) inline: a
 * tenth of the first screen's instructions went to the call. */
static inline void
glyph_at(const struct doc *d, size_t off, struct glyph *g)
{
	char c = d->bytes[off];

	if (c != ' ' && !layout_plain_ascii(d, off)) {
		layout_glyph(d, off, g);
		return;
	}
	g->off = off;
	g->len = 1;
	g->cp = (unsigned char)c;
	g->width = 1;
	g->kind = c == ' ' ? GLYPH_SPACE : GLYPH_TEXT;
	g->vis[0] = c;
	g->vis[1] = '\0';
}

/* How far back layout_glyph_start looks for a sure boundary (code points):
 * past that, inside a pathological cluster, it starts from there. */
#define ANCHOR_STEPS	64

/* A byte at or before off where a glyph surely starts. */
static size_t
glyph_anchor(const struct doc *d, size_t off)
{
	const char *s = d->bytes;
	size_t p, q;
	uint32_t cp, prev;
	int i;

	/* The start of the code point holding off. */
	p = off;
	while (p > 0 && off - p < 3 && ((unsigned char)s[p] & 0xc0) == 0x80)
		p--;
	if (utf8_decode(s + p, d->len - p, NULL) <= off - p)
		p = off;	/* off is an invalid byte: a glyph of its own */
	for (i = 0; p > 0 && i < ANCHOR_STEPS; i++) {
		/* Nothing joins ASCII but the LF of a CRLF. */
		if ((unsigned char)s[p] < 0x80 &&
		    !(s[p] == '\n' && s[p - 1] == '\r'))
			return p;
		if (utf8_decode(s + p, d->len - p, &cp) == 0)
			return p;
		q = utf8_back(s, p);
		if (utf8_decode(s + q, p - q, &prev) == 0 ||
		    utf8_grapheme_anchor(prev, cp))
			return p;
		p = q;
	}
	return p;
}

size_t
layout_glyph_start(const struct doc *d, size_t off)
{
	struct glyph g;
	size_t p = glyph_anchor(d, off);

	for (;;) {
		glyph_at(d, p, &g);
		if (p + g.len > off)
			return p;
		p += g.len;
	}
}

static int
is_white(const struct glyph *g)
{
	return g->kind == GLYPH_SPACE || g->kind == GLYPH_TAB ||
	    g->kind == GLYPH_BREAK || g->kind == GLYPH_HIDDEN;
}

/* Does a list item ("- ", "* ", "• ", "12. ", "3) ") start at off? */
static int
starts_list_item(const struct doc *d, size_t off, size_t end)
{
	const char *s = d->bytes + off;
	size_t n = end - off, i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (n >= 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0)
		return 1;
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

struct wrap {
	const struct doc		*d;
	const struct layout_opts	*o;
	struct layout_para		*lp;
	size_t				 cap;
	size_t				 row_start;
	int				 col;
	int				 have_brk;
	size_t				 brk_end;	/* row may end here */
	size_t				 brk_next;	/* next row starts here */
	int				 brk_col;	/* column at brk_next */
};

static void
emit_row(struct wrap *w, size_t start, size_t end)
{
	struct layout_para *lp = w->lp;

	if (lp->nrows == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		lp->rows = xreallocarray(lp->rows, w->cap, sizeof *lp->rows);
	}
	lp->rows[lp->nrows].start = start;
	lp->rows[lp->nrows].end = end < start ? start : end;
	lp->nrows++;
}

/* End the row at end; the next one starts at next. */
static void
break_row(struct wrap *w, size_t end, size_t next)
{
	emit_row(w, w->row_start, end);
	w->row_start = next;
	w->col = 0;
	w->have_brk = 0;
}

/* wrap_before when the glyph does not fit on the row. */
static void
wrap_full(struct wrap *w, size_t off, int gw)
{
	if (w->have_brk) {
		emit_row(w, w->row_start, w->brk_end);
		w->row_start = w->brk_next;
		w->col -= w->brk_col;
		w->have_brk = 0;
		if (w->col == 0 || w->col + gw <= w->o->width)
			return;
	}
	break_row(w, off, off);
}

/* Make room for a glyph of width gw at off: wrap at the last break, or
 * hard.  (The test inline: it runs for every byte of the text.) */
static inline void
wrap_before(struct wrap *w, size_t off, int gw)
{
	if (w->col != 0 && w->col + gw > w->o->width)
		wrap_full(w, off, gw);
}

/* Reflow: white space runs are single break opportunities. */
static void
wrap_reflow(struct wrap *w, const struct range *p)
{
	struct glyph g;
	size_t i = p->start, run, last_text = p->start;
	int saw_break;

	while (i < p->end) {
		glyph_at(w->d, i, &g);
		if (!is_white(&g))
			break;
		i += g.len;
	}
	w->row_start = i;
	while (i < p->end) {
		if (layout_plain_ascii(w->d, i)) {
			wrap_before(w, i, 1);
			w->col++;
			last_text = ++i;
			continue;
		}
		if (i + 1 < p->end && layout_lone_space(w->d, i, p->end)) {
			/* (what the run below does with it) */
			w->have_brk = 1;
			w->brk_end = i;
			w->brk_next = ++i;
			w->brk_col = ++w->col;
			continue;
		}
		glyph_at(w->d, i, &g);
		if (is_white(&g)) {
			run = i;
			saw_break = 0;
			while (i < p->end) {
				glyph_at(w->d, i, &g);
				if (!is_white(&g))
					break;
				saw_break |= g.kind == GLYPH_BREAK;
				i += g.len;
			}
			if (i >= p->end)
				break;
			if (saw_break && starts_list_item(w->d, i, p->end)) {
				break_row(w, run, i);
				continue;
			}
			w->have_brk = 1;
			w->brk_end = run;
			w->brk_next = i;
			w->col += 1;
			w->brk_col = w->col;
			continue;
		}
		wrap_before(w, i, g.width);
		w->col += g.width;
		i += g.len;
		last_text = i;
	}
	emit_row(w, w->row_start, last_text);
}

/* No reflow: line ends are kept; long lines wrap at spaces. */
static void
wrap_lines(struct wrap *w, const struct range *p)
{
	struct glyph g;
	size_t i = p->start;
	int gw;

	/* A block of a huge paragraph may begin with the rest of the white
	 * space it was cut at: a line end there starts no row. */
	if (i < p->end) {
		glyph_at(w->d, i, &g);
		if (g.kind == GLYPH_BREAK)
			i += g.len;
	}
	w->row_start = i;
	while (i < p->end) {
		if (layout_plain_ascii(w->d, i)) {
			wrap_before(w, i, 1);
			w->col++;
			i++;
			continue;
		}
		glyph_at(w->d, i, &g);
		if (g.kind == GLYPH_BREAK) {
			break_row(w, i, i + g.len);
			i += g.len;
			continue;
		}
		gw = g.kind == GLYPH_TAB ? TAB_STOP - w->col % TAB_STOP : g.width;
		if ((g.kind == GLYPH_SPACE || g.kind == GLYPH_TAB) &&
		    w->col > 0 && w->col + gw > w->o->width) {
			/* White space at the wrap goes with the break. */
			break_row(w, i, i + g.len);
			i += g.len;
			continue;
		}
		wrap_before(w, i, gw);
		if (g.kind == GLYPH_TAB) {
			/* Wrapping moved the tab: its new width may not fit. */
			gw = TAB_STOP - w->col % TAB_STOP;
			wrap_before(w, i, gw);
			gw = TAB_STOP - w->col % TAB_STOP;
		}
		if (g.kind == GLYPH_SPACE || g.kind == GLYPH_TAB) {
			w->have_brk = 1;
			w->brk_end = i;
			w->brk_next = i + g.len;
			w->brk_col = w->col + gw;
		}
		w->col += gw;
		i += g.len;
	}
	emit_row(w, w->row_start, p->end);
}

void
layout_para(const struct doc *d, const struct range *p,
    const struct layout_opts *o, struct layout_para *out)
{
	struct wrap w;

	memset(out, 0, sizeof *out);
	memset(&w, 0, sizeof w);
	out->para = *p;
	out->headline = doc_para_is_headline(d, p);
	w.d = d;
	w.o = o;
	w.lp = out;
	if (o->reflow)
		wrap_reflow(&w, p);
	else
		wrap_lines(&w, p);
}

void
layout_para_free(struct layout_para *lp)
{
	free(lp->rows);
	lp->rows = NULL;
	lp->nrows = 0;
}

static void
cell_room(struct layout_cells *c)
{
	c->cap = c->cap ? c->cap * 2 : 128;
	c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
}

/*
 * The cells of the plain ASCII bytes from i (there is one) to before
 * end: one byte each, every field set (no need to clear a cell first).
 * The loop keeps what it needs in locals, since a byte stored into a
 * cell could otherwise alias any of them.  Returns the first byte not
 * taken.
 */
static size_t
plain_cells(const struct doc *d, size_t i, size_t end, int *colp,
    struct layout_cells *cells)
{
	const unsigned char *b = (const unsigned char *)d->bytes;
	struct layout_cell *v = cells->v, *c;
	size_t n = cells->n, cap = cells->cap, len = d->len;
	int col = *colp;

	while (i < end && b[i] > 0x20 && b[i] < 0x7f &&
	    (i + 1 >= len || b[i + 1] < 0x80)) {
		if (n == cap) {
			cells->n = n;
			cell_room(cells);
			v = cells->v;
			cap = cells->cap;
		}
		c = &v[n++];
		c->off = i;
		c->len = 1;
		c->col = col++;
		c->kind = GLYPH_TEXT;
		c->width = 1;
		c->vis[0] = (char)b[i++];
		c->vis[1] = '\0';
	}
	cells->n = n;
	*colp = col;
	return i;
}

size_t
layout_cell_at(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, size_t i, int col, struct layout_cell *c)
{
	struct glyph g;

	memset(c, 0, sizeof *c);
	c->off = i;
	c->col = col;
	if (layout_lone_space(d, i, r->end)) {
		/* (what either branch below makes of it) */
		c->len = 1;
		c->kind = GLYPH_SPACE;
		c->width = 1;
		c->vis[0] = ' ';
		return i + 1;
	}
	glyph_at(d, i, &g);
	c->kind = g.kind;
	if (o->reflow && is_white(&g)) {
		while (i < r->end) {
			glyph_at(d, i, &g);
			if (!is_white(&g))
				break;
			i += g.len;
		}
		c->len = i - c->off;
		c->kind = GLYPH_SPACE;
		c->width = 1;
		strcpy(c->vis, " ");
	} else {
		c->len = g.len;
		c->width = g.kind == GLYPH_TAB ?
		    TAB_STOP - col % TAB_STOP : g.width;
		if (g.kind == GLYPH_TAB)
			memset(c->vis, ' ', (size_t)c->width);
		else
			memcpy(c->vis, g.vis, sizeof c->vis);
		i += g.len;
	}
	return i;
}

void
layout_row_cells(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, struct layout_cells *cells)
{
	size_t i = r->start;
	int col = 0;

	cells->n = 0;
	while (i < r->end) {
		if (layout_plain_ascii(d, i)) {
			i = plain_cells(d, i, r->end, &col, cells);
			continue;
		}
		if (cells->n == cells->cap)
			cell_room(cells);
		i = layout_cell_at(d, r, o, i, col, &cells->v[cells->n]);
		col += cells->v[cells->n++].width;
	}
}

void
layout_cells_free(struct layout_cells *cells)
{
	free(cells->v);
	cells->v = NULL;
	cells->n = cells->cap = 0;
}

size_t
layout_row_of(const struct layout_para *lp, size_t off)
{
	size_t lo = 0, hi = lp->nrows;

	/* The last row whose start is <= off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (lp->rows[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int
layout_col_of(const struct layout_cells *cells, size_t off)
{
	size_t i;

	for (i = 0; i < cells->n; i++)
		if (off < cells->v[i].off + cells->v[i].len)
			return cells->v[i].col;
	return cells->n ? cells->v[cells->n - 1].col + cells->v[cells->n - 1].width : 0;
}

size_t
layout_off_at_col(const struct layout_cells *cells, int col, size_t row_end)
{
	size_t i;

	for (i = 0; i < cells->n; i++)
		if (col < cells->v[i].col + (cells->v[i].width ? cells->v[i].width : 0) ||
		    (i + 1 < cells->n && col < cells->v[i + 1].col))
			return cells->v[i].off;
	return cells->n ? cells->v[cells->n - 1].off : row_end;
}

/* The width of the grapheme cluster of a UI string at s; *len gets its
 * bytes.  An invalid byte or an unprintable character counts 1. */
static int
text_char_width(const char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t i, k;
	int w, sum = 0;

	*len = utf8_grapheme_len(s, n);
	for (i = 0; i < *len; i += k) {
		k = utf8_decode_lossy(s + i, *len - i, &cp);
		w = cp == 0xfffd && k == 1 ? 1 : utf8_width(cp);
		sum += w < 0 ? 1 : w;
	}
	return sum;
}

int
layout_text_width(const char *s, size_t n)
{
	size_t k;
	int w = 0;

	while (n > 0) {
		w += text_char_width(s, n, &k);
		s += k;
		n -= k;
	}
	return w;
}

size_t
layout_text_fit(const char *s, size_t n, int max)
{
	size_t i = 0, k;
	int cols = 0, w;

	while (i < n) {
		w = text_char_width(s + i, n - i, &k);
		if (cols + w > max)
			break;
		cols += w;
		i += k;
	}
	return i;
}
