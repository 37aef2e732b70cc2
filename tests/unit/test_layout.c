/* test_layout.c: decoding, visible forms, wrapping, byte <-> column maps. */
#include "testutil.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/doc.h"
#include "artread/layout.h"
#include "artread/util.h"

static struct doc *
mem(const char *s)
{
	return doc_from_memory("t", s, strlen(s));
}

static struct doc *
load_sample(const char *name)
{
	char *path = xasprintf("sample-articles/%s", name);
	char *cause = NULL;
	struct doc *d = doc_open(path, 0, &cause);

	if (d == NULL)
		fail_msg("%s: %s", path, cause);
	free(path);
	return d;
}

/* The glyph at off of a document holding s. */
static void
glyph_of(const char *s, size_t len, size_t off, struct glyph *g)
{
	struct doc *d = doc_from_memory("t", s, len);

	layout_glyph(d, off, g);
	doc_free(d);
}

#define GLYPH(s, off, g) glyph_of((s), sizeof(s) - 1, (off), (g))

static void
assert_glyph(const struct glyph *g, enum glyph_kind kind, size_t len,
    uint32_t cp, int width, const char *vis)
{
	assert_int_equal(g->kind, kind);
	assert_int_equal(g->len, len);
	assert_int_equal(g->cp, cp);
	assert_int_equal(g->width, width);
	if (vis != NULL)
		assert_string_equal(g->vis, vis);
}

static void
glyph_text(void **state)
{
	struct glyph g;

	(void)state;
	GLYPH("xA", 1, &g);
	assert_int_equal(g.off, 1);
	assert_glyph(&g, GLYPH_TEXT, 1, 'A', 1, "A");
	GLYPH("\xc3\xa9", 0, &g);			/* é */
	assert_glyph(&g, GLYPH_TEXT, 2, 0xe9, 1, "\xc3\xa9");
	GLYPH("\xe2\x82\xac!", 0, &g);			/* € */
	assert_glyph(&g, GLYPH_TEXT, 3, 0x20ac, 1, "\xe2\x82\xac");
	GLYPH("\xf0\x90\x8d\x88", 0, &g);		/* U+10348 */
	assert_glyph(&g, GLYPH_TEXT, 4, 0x10348, 1, "\xf0\x90\x8d\x88");
	GLYPH("\xe6\xbc\xa2", 0, &g);			/* 漢 */
	assert_glyph(&g, GLYPH_TEXT, 3, 0x6f22, 2, "\xe6\xbc\xa2");
	GLYPH("e\xcc\x81", 1, &g);			/* combining acute */
	assert_glyph(&g, GLYPH_TEXT, 2, 0x301, 0, "\xcc\x81");
	GLYPH("a b", 1, &g);
	assert_glyph(&g, GLYPH_SPACE, 1, ' ', 1, " ");
}

static void
glyph_invalid(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
		size_t		 off;
	} cases[] = {
		{ "\x80", 1, 0 },		/* stray continuation */
		{ "a\xbf", 2, 1 },
		{ "\xc0\x80", 2, 0 },		/* overlong NUL */
		{ "\xc0\x80", 2, 1 },
		{ "\xc1\xbf", 2, 0 },
		{ "\xe0\x80\xaf", 3, 0 },	/* overlong 3-byte */
		{ "\xf0\x80\x80\xaf", 4, 0 },	/* overlong 4-byte */
		{ "\xed\xa0\x80", 3, 0 },	/* surrogate D800 */
		{ "\xed\xbf\xbf", 3, 0 },	/* surrogate DFFF */
		{ "\xe6\xbc", 2, 0 },		/* truncated at the end */
		{ "\xf0\x9f\x98", 3, 0 },
		{ "\xc3", 1, 0 },
		{ "\xe6\xbcX", 3, 0 },		/* cut short by ASCII */
		{ "\xf4\x90\x80\x80", 4, 0 },	/* above U+10FFFF */
		{ "\xf5\x80\x80\x80", 4, 0 },
		{ "\xf8", 1, 0 },
		{ "\xfe", 1, 0 },
		{ "\xff", 1, 0 },
	};
	struct glyph g;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		glyph_of(cases[i].s, cases[i].len, cases[i].off, &g);
		assert_glyph(&g, GLYPH_INVALID, 1,
		    (unsigned char)cases[i].s[cases[i].off], 1,
		    "\xef\xbf\xbd");
	}
	/* The byte after a truncated sequence decodes on its own. */
	GLYPH("\xe6\xbcX", 2, &g);
	assert_glyph(&g, GLYPH_TEXT, 1, 'X', 1, "X");
	/* The largest valid code point is fine. */
	GLYPH("\xf4\x8f\xbf\xbf", 0, &g);
	assert_int_equal(g.len, 4);
	assert_int_equal(g.cp, 0x10ffff);
	assert_int_not_equal(g.kind, GLYPH_INVALID);
}

static void
glyph_controls(void **state)
{
	struct glyph g;

	(void)state;
	GLYPH("\x1b[31m", 0, &g);
	assert_glyph(&g, GLYPH_CONTROL, 1, 0x1b, 2, "^[");
	GLYPH("\a", 0, &g);
	assert_glyph(&g, GLYPH_CONTROL, 1, 7, 2, "^G");
	GLYPH("\x7f", 0, &g);
	assert_glyph(&g, GLYPH_CONTROL, 1, 0x7f, 2, "^?");
	GLYPH("\b", 0, &g);
	assert_glyph(&g, GLYPH_CONTROL, 1, 8, 2, "^H");
	glyph_of("\0", 1, 0, &g);
	assert_glyph(&g, GLYPH_CONTROL, 1, 0, 2, "^@");
	GLYPH("\xc2\x9b", 0, &g);			/* C1 CSI */
	assert_glyph(&g, GLYPH_CONTROL, 2, 0x9b, 8, "<U+009B>");
	GLYPH("\xe2\x80\xae", 0, &g);			/* RLO */
	assert_glyph(&g, GLYPH_CONTROL, 3, 0x202e, 8, "<U+202E>");
	GLYPH("\xe2\x80\x8b", 0, &g);			/* ZWSP */
	assert_glyph(&g, GLYPH_CONTROL, 3, 0x200b, 8, "<U+200B>");
	GLYPH("\xe2\x81\xa6", 0, &g);			/* LRI */
	assert_glyph(&g, GLYPH_CONTROL, 3, 0x2066, 8, "<U+2066>");
	GLYPH("\xe2\x81\xaa", 0, &g);			/* inhibit swapping */
	assert_glyph(&g, GLYPH_CONTROL, 3, 0x206a, 8, "<U+206A>");
	GLYPH("\xcd\x8f", 0, &g);			/* grapheme joiner */
	assert_glyph(&g, GLYPH_CONTROL, 2, 0x034f, 8, "<U+034F>");
	GLYPH("\xef\xbf\xb9", 0, &g);			/* interlinear anchor */
	assert_glyph(&g, GLYPH_CONTROL, 3, 0xfff9, 8, "<U+FFF9>");
	GLYPH("\xf3\xa0\x80\x81", 0, &g);		/* tag character */
	assert_glyph(&g, GLYPH_CONTROL, 4, 0xe0001, 9, "<U+E0001>");
	/* A BOM at the start is hidden, elsewhere it is shown. */
	GLYPH("\xef\xbb\xbfX", 0, &g);
	assert_int_equal(g.kind, GLYPH_HIDDEN);
	assert_int_equal(g.len, 3);
	GLYPH("X\xef\xbb\xbf", 1, &g);
	assert_glyph(&g, GLYPH_CONTROL, 3, 0xfeff, 8, "<U+FEFF>");
}

static void
glyph_tabs_and_line_ends(void **state)
{
	struct glyph g;

	(void)state;
	GLYPH("a\tb", 1, &g);
	assert_int_equal(g.kind, GLYPH_TAB);
	assert_int_equal(g.len, 1);
	GLYPH("a\nb", 1, &g);
	assert_int_equal(g.kind, GLYPH_BREAK);
	assert_int_equal(g.len, 1);
	assert_int_equal(g.width, 0);
	GLYPH("a\r\nb", 1, &g);
	assert_int_equal(g.kind, GLYPH_BREAK);
	assert_int_equal(g.len, 2);
	assert_int_equal(g.width, 0);
	/* A lone CR in an LF file is shown. */
	GLYPH("a\rb\n", 1, &g);
	assert_glyph(&g, GLYPH_CONTROL, 1, '\r', 2, "^M");
	GLYPH("a\r", 1, &g);			/* CR-only file */
	assert_int_equal(g.kind, GLYPH_BREAK);
	assert_int_equal(g.len, 1);
}

/* ---------- grapheme clusters ---------- */

#define ZWJ		"\xe2\x80\x8d"
#define VS16		"\xef\xb8\x8f"
#define WOMAN		"\xf0\x9f\x91\xa9"
#define MAN		"\xf0\x9f\x91\xa8"
#define GIRL		"\xf0\x9f\x91\xa7"
#define STAFF		"\xe2\x9a\x95"
#define HEALTH_WORKER	WOMAN ZWJ STAFF VS16		/* 👩‍⚕️ */
#define FAMILY		MAN ZWJ WOMAN ZWJ GIRL		/* 👨‍👩‍👧 */
#define FLAG_FR		"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
#define FLAG_DE		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define FLAG_ENGLAND	"\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2" \
			"\xf3\xa0\x81\xa5\xf3\xa0\x81\xae\xf3\xa0\x81\xa7" \
			"\xf3\xa0\x81\xbf"
#define ACUTE		"\xcc\x81"
#define HAN		"\xe6\xbc\xa2"

static void
glyph_clusters(void **state)
{
	static const char zalgo[] = "a" ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE
	    ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE
	    ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE;	/* 25 marks */
	struct glyph g;

	(void)state;
	/* a letter and its accent: one glyph, one cell */
	GLYPH("e" ACUTE "x", 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 3, 'e', 1, "e" ACUTE);
	/* an emoji ZWJ sequence: one glyph, the joiners pass through; its
	 * width is what ncurses counts (2 + 0 + 1 + 0) */
	GLYPH(HEALTH_WORKER "!", 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 13, 0x1f469, 3, HEALTH_WORKER);
	GLYPH(FAMILY, 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 18, 0x1f468, 6, FAMILY);
	/* a flag is a pair of regional indicators */
	GLYPH(FLAG_FR FLAG_DE, 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 8, 0x1f1eb, 2, FLAG_FR);
	GLYPH(FLAG_FR FLAG_DE, 8, &g);
	assert_glyph(&g, GLYPH_TEXT, 8, 0x1f1e9, 2, FLAG_DE);
	/* a subdivision flag keeps its tag characters */
	GLYPH(FLAG_ENGLAND, 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 28, 0x1f3f4, 2, FLAG_ENGLAND);
	/* CJK: two cells each */
	GLYPH(HAN HAN, 3, &g);
	assert_glyph(&g, GLYPH_TEXT, 3, 0x6f22, 2, HAN);

	/* a ZWJ outside an emoji sequence stays visible */
	GLYPH("a" ZWJ "b", 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 1, 'a', 1, "a");
	GLYPH("a" ZWJ "b", 1, &g);
	assert_glyph(&g, GLYPH_CONTROL, 3, 0x200d, 8, "<U+200D>");
	GLYPH(WOMAN ZWJ "x", 0, &g);			/* joins nothing */
	assert_glyph(&g, GLYPH_TEXT, 4, 0x1f469, 2, WOMAN);
	GLYPH(WOMAN ZWJ ZWJ STAFF, 4, &g);
	assert_glyph(&g, GLYPH_CONTROL, 3, 0x200d, 8, "<U+200D>");
	/* so do bidi controls, tags and zero-width spaces inside a cluster */
	GLYPH("e\xe2\x80\xae" ACUTE, 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 1, 'e', 1, "e");
	GLYPH("e\xe2\x80\x8b", 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 1, 'e', 1, "e");
	GLYPH("a\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf", 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 1, 'a', 1, "a");
	GLYPH("a\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf", 1, &g);
	assert_glyph(&g, GLYPH_CONTROL, 4, 0xe0067, 9, "<U+E0067>");
	/* an invalid byte ends a cluster */
	GLYPH("e\xcc", 0, &g);
	assert_glyph(&g, GLYPH_TEXT, 1, 'e', 1, "e");
	/* a cluster longer than a glyph holds goes on in glyphs of its own */
	GLYPH(zalgo, 0, &g);
	assert_int_equal(g.len, 39);
	assert_int_equal(g.width, 1);
	GLYPH(zalgo, 39, &g);
	assert_int_equal(g.kind, GLYPH_TEXT);
	assert_int_equal(g.len, sizeof zalgo - 1 - 39);
	assert_int_equal(g.width, 0);
}

/* Every byte's glyph start agrees with a walk from the start, and the
 * character steps of textobj follow it. */
static void
glyph_start_agrees_with_walk(void **state)
{
	static const char text[] =
	    "\xef\xbb\xbf" "Caf" "e" ACUTE " " HEALTH_WORKER " and " FAMILY
	    ", " FLAG_FR FLAG_DE FLAG_ENGLAND " " HAN HAN " a" ZWJ "b "
	    "\xff\xcc\x81 x\r\ny \xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8 "
	    WOMAN ZWJ ZWJ STAFF " e\xe2\x80\xae" ACUTE ".";
	struct doc *d = doc_from_memory("t", text, sizeof text - 1);
	struct glyph g;
	size_t off = 0, b;

	(void)state;
	while (off < d->len) {
		layout_glyph(d, off, &g);
		for (b = off; b < off + g.len; b++)
			if (layout_glyph_start(d, b) != off)
				fail_msg("byte %zu: glyph start %zu, want %zu", b,
				    layout_glyph_start(d, b), off);
		off += g.len;
	}
	doc_free(d);
}

/* ---------- wrapping ---------- */

static int
is_white_kind(enum glyph_kind k)
{
	return k == GLYPH_SPACE || k == GLYPH_TAB || k == GLYPH_BREAK ||
	    k == GLYPH_HIDDEN;
}

/* Append the bytes of the non-white glyphs in [a, b). */
static void
non_white(const struct doc *d, size_t a, size_t b, struct buf *out)
{
	struct glyph g;

	while (a < b) {
		layout_glyph(d, a, &g);
		if (!is_white_kind(g.kind))
			buf_add(out, d->bytes + a, g.len);
		a += g.len;
	}
}

static int
byte_is_white(const struct doc *d, size_t off)
{
	struct glyph g;

	layout_glyph(d, off, &g);
	return is_white_kind(g.kind);
}

/* Check one paragraph's layout; returns its row count. */
static size_t
check_para(const struct doc *d, const struct range *p,
    const struct layout_opts *o, struct layout_cells *cells)
{
	struct layout_para lp;
	struct buf want, got;
	size_t i, j, k, b;

	layout_para(d, p, o, &lp);
	assert_true(lp.nrows >= 1);
	assert_int_equal(lp.para.start, p->start);
	assert_int_equal(lp.para.end, p->end);
	buf_init(&want);
	buf_init(&got);
	non_white(d, p->start, p->end, &want);
	for (i = 0; i < lp.nrows; i++) {
		const struct layout_row *r = &lp.rows[i];
		int sum = 0, col = 0, wide = 0;

		assert_true(r->start <= r->end);
		assert_true(r->start >= p->start);
		assert_true(r->end <= p->end);
		if (i > 0)
			assert_true(lp.rows[i - 1].end <= r->start);
		if (o->reflow && r->end > r->start) {
			assert_false(byte_is_white(d, r->start));
			/* the last glyph: walk to find its start */
			for (b = r->start, k = r->start; b < r->end; ) {
				struct glyph g;

				layout_glyph(d, b, &g);
				k = b;
				b += g.len;
			}
			assert_int_equal(b, r->end);
			assert_false(byte_is_white(d, k));
		}
		non_white(d, r->start, r->end, &got);

		layout_row_cells(d, r, o, cells);
		for (j = 0; j < cells->n; j++) {
			const struct layout_cell *c = &cells->v[j];

			assert_int_equal(c->off, j == 0 ? r->start :
			    cells->v[j - 1].off + cells->v[j - 1].len);
			assert_int_equal(c->col, col);
			assert_true(c->len >= 1);
			col += c->width;
			sum += c->width;
			if (c->width > o->width)
				wide++;
		}
		if (cells->n > 0)
			assert_int_equal(cells->v[cells->n - 1].off +
			    cells->v[cells->n - 1].len, r->end);
		if (sum > o->width) {
			/* only a single too-wide glyph may overflow */
			if (!(wide == 1 && cells->n == 1))
				fail_msg("row %zu [%zu,%zu) is %d cells wide at "
				    "width %d (reflow %d): \"%.*s\"", i, r->start,
				    r->end, sum, o->width, o->reflow,
				    (int)(r->end - r->start), d->bytes + r->start);
		}

		/* byte -> column -> byte, and byte -> row */
		for (b = r->start; b < r->end; b++) {
			const struct layout_cell *c = NULL;
			int bc;

			for (j = 0; j < cells->n; j++)
				if (b >= cells->v[j].off &&
				    b < cells->v[j].off + cells->v[j].len)
					c = &cells->v[j];
			assert_non_null(c);
			bc = layout_col_of(cells, b);
			assert_int_equal(bc, c->col);
			if (c->width > 0)
				assert_int_equal(layout_off_at_col(cells, bc,
				    r->end), c->off);
			assert_int_equal(layout_row_of(&lp, b), i);
		}
		/* bytes between this row and the next belong to this one */
		if (i + 1 < lp.nrows)
			for (b = r->end; b < lp.rows[i + 1].start; b++) {
				assert_true(byte_is_white(d, b) ||
				    d->bytes[b] == '\n' ||
				    (d->bytes[b] & 0xc0) == 0x80);
				assert_int_equal(layout_row_of(&lp, b), i);
			}
	}
	if (want.len != got.len || memcmp(want.data, got.data, want.len) != 0)
		fail_msg("text lost or duplicated at width %d reflow %d in "
		    "paragraph [%zu,%zu)", o->width, o->reflow, p->start, p->end);
	buf_free(&want);
	buf_free(&got);
	i = lp.nrows;
	layout_para_free(&lp);
	return i;
}

static void
check_doc_all_widths(const struct doc *d, int wmin, int wmax)
{
	struct layout_cells cells = { 0 };
	struct layout_opts o;
	struct range p;
	int w, more;

	for (o.reflow = 0; o.reflow <= 1; o.reflow++)
		for (w = wmin; w <= wmax; w++) {
			o.width = w;
			for (more = doc_para_at(d, 0, &p); more;
			    more = doc_para_next(d, &p, &p))
				check_para(d, &p, &o, &cells);
		}
	layout_cells_free(&cells);
}

static void
wrap_samples_every_width(void **state)
{
	static const char *const names[] = {
		"03-lagos-dock-strike.txt", "05-sines-battery-deal.txt",
	};
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct doc *d = load_sample(names[i]);

		check_doc_all_widths(d, 10, 200);
		doc_free(d);
	}
}

static void
wrap_nasty_text_every_width(void **state)
{
	static const char nasty[] =
	    "Tabs\there\t\tand\t there, a lone \r CR, \x1b[31mESC\a BEL,\n"
	    "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97 wide and e\xcc\x81"
	    " combining \xe2\x80\xae RLO \xff\xfe bad \xc2\x9b C1.\n"
	    "abc xxxxxxxxxxxxxxxx\t\n"
	    "Averyveryveryveryverylongwordthatneverends     spaces   \n"
	    "\t\tindented line\r\n"
	    "- item one\n"
	    "2. item two\n"
	    "\n"
	    "Second paragraph \xe6\xbc\xa2\n"
	    "\n"
	    "Clusters: e" ACUTE " " HEALTH_WORKER " " FAMILY FAMILY FAMILY
	    " " FLAG_FR FLAG_DE FLAG_ENGLAND " " HAN HAN HAN HAN "a" ZWJ "b "
	    WOMAN ZWJ ZWJ STAFF " \xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8"
	    ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE
	    ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE ACUTE
	    " end.\n";
	struct doc *d = mem(nasty);

	(void)state;
	check_doc_all_widths(d, 1, 80);
	doc_free(d);
}

/* A row holding a byte of text that crosses one of the file's newlines. */
static int
row_crosses_newline(const struct doc *d, const struct layout_row *r)
{
	return memchr(d->bytes + r->start, '\n', r->end - r->start) != NULL;
}

static void
reflow_joins_hard_wrapped_lines(void **state)
{
	struct layout_opts o = { 100, 1 };
	struct layout_para lp;
	struct buf b;
	struct doc *d;
	struct range p;
	size_t i;
	int line, crosses = 0;

	(void)state;
	/* 3 lines of 70 columns: 7 words of 9 letters each, plus spaces. */
	buf_init(&b);
	for (line = 0; line < 3; line++) {
		for (i = 0; i < 7; i++)
			buf_printf(&b, "%s%c%08d", i ? " " : "", 'a' + line,
			    (int)i);
		buf_adds(&b, "\n");
	}
	d = doc_from_memory("t", b.data, b.len);
	buf_free(&b);
	assert_int_equal(doc_line_end(d, 0), 69);
	assert_true(doc_para_at(d, 0, &p));
	layout_para(d, &p, &o, &lp);
	assert_int_equal(lp.nrows, 3);
	for (i = 0; i < lp.nrows; i++)
		crosses += row_crosses_newline(d, &lp.rows[i]);
	assert_true(crosses >= 1);
	/* row 0: 10 words of 9 plus 9 spaces = 99 columns */
	assert_int_equal(lp.rows[0].start, 0);
	assert_int_equal(lp.rows[0].end, 69 + 1 + 29);
	layout_para_free(&lp);

	/* Without reflow the line ends stay. */
	o.reflow = 0;
	layout_para(d, &p, &o, &lp);
	assert_int_equal(lp.nrows, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(lp.rows[i].start, i * 70);
		assert_int_equal(lp.rows[i].end, i * 70 + 69);
	}
	layout_para_free(&lp);
	doc_free(d);

	/* On the sample, some row at width 100 crosses a line end. */
	d = load_sample("03-lagos-dock-strike.txt");
	o.reflow = 1;
	crosses = 0;
	for (line = doc_para_at(d, 0, &p); line; line = doc_para_next(d, &p, &p)) {
		layout_para(d, &p, &o, &lp);
		for (i = 0; i < lp.nrows; i++)
			crosses += row_crosses_newline(d, &lp.rows[i]);
		layout_para_free(&lp);
	}
	assert_true(crosses > 5);
	doc_free(d);
}

static void
expect_rows(const char *text, int width, int reflow, const char *const *want)
{
	struct layout_opts o;
	struct layout_para lp;
	struct doc *d = mem(text);
	struct range p;
	size_t i, n = 0;

	o.width = width;
	o.reflow = reflow;
	while (want[n] != NULL)
		n++;
	assert_true(doc_para_at(d, 0, &p));
	layout_para(d, &p, &o, &lp);
	for (i = 0; i < lp.nrows && i < n; i++)
		assert_mem_str(d->bytes + lp.rows[i].start,
		    lp.rows[i].end - lp.rows[i].start, want[i]);
	assert_int_equal(lp.nrows, n);
	layout_para_free(&lp);
	doc_free(d);
}

static void
wrap_exact_rows(void **state)
{
	static const char *const words[] = { "one two", "three four", "five",
		NULL };
	/* a row holds the white runs inside it (each shown as one space) */
	static const char *const words2[] = { "one two", "three   four",
		"five", NULL };
	static const char *const longword[] = { "abcdefghij", "klmnopqrst",
		"uvwxy", NULL };
	static const char *const mixed[] = { "go", "abcdefghij", "klm end",
		NULL };
	static const char *const list[] = { "Intro text", "- a", "1. b",
		"* c\nd", "12) e\nx - not a list", NULL };
	static const char *const nolist[] = { "Intro - a 1. b", NULL };
	static const char *const nolist2[] = { "Intro", "- a\n1.b 2 x", NULL };
	static const char *const cjk[] = {
		"\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2",
		"\xe5\xad\x97\xe6\xbc\xa2", NULL };
	static const char *const keep[] = { "one  two", "three", NULL };
	static const char *const keepwrap[] = { "aaa bbb", "ccc", "d", NULL };

	(void)state;
	expect_rows("one two three four five\n", 10, 1, words);
	expect_rows("  one two\n   three   four\tfive  \n", 10, 1, words2);
	/* A long word is broken at the width. */
	expect_rows("abcdefghijklmnopqrstuvwxy\n", 10, 1, longword);
	expect_rows("abcdefghijklmnopqrstuvwxy\n", 10, 0, longword);
	expect_rows("go abcdefghijklm end\n", 10, 1, mixed);
	/* List items start their own rows. */
	expect_rows("Intro text\n- a\n1. b\n* c\nd\n12) e\nx - not a list\n",
	    80, 1, list);
	expect_rows("Intro - a 1. b\n", 80, 1, nolist);
	expect_rows("Intro\n- a\n1.b 2 x\n", 80, 1, nolist2);
	/* Wide characters: 6 columns hold 3 of them. */
	expect_rows("\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\n",
	    6, 1, cjk);
	/* No reflow: line ends kept, white space inside kept. */
	expect_rows("one  two\nthree\n", 80, 0, keep);
	expect_rows("aaa bbb ccc\nd\n", 8, 0, keepwrap);
}

static void
no_reflow_tabs_expand_to_stops(void **state)
{
	struct layout_opts o = { 80, 0 };
	struct layout_cells cells = { 0 };
	struct layout_para lp;
	struct doc *d = mem("abc\td\t\te\n\tf\n");
	struct range p;

	(void)state;
	assert_true(doc_para_at(d, 0, &p));
	layout_para(d, &p, &o, &lp);
	assert_int_equal(lp.nrows, 2);
	layout_row_cells(d, &lp.rows[0], &o, &cells);
	assert_int_equal(cells.n, 8);
	assert_int_equal(cells.v[3].kind, GLYPH_TAB);
	assert_int_equal(cells.v[3].col, 3);
	assert_int_equal(cells.v[3].width, 5);
	assert_string_equal(cells.v[3].vis, "     ");
	assert_int_equal(cells.v[4].col, 8);		/* d */
	assert_int_equal(cells.v[5].col, 9);
	assert_int_equal(cells.v[5].width, 7);
	assert_int_equal(cells.v[6].col, 16);
	assert_int_equal(cells.v[6].width, 8);
	assert_int_equal(cells.v[7].col, 24);		/* e */
	/* columns inside a tab map to the tab */
	assert_int_equal(layout_off_at_col(&cells, 5, lp.rows[0].end), 3);
	assert_int_equal(layout_off_at_col(&cells, 7, lp.rows[0].end), 3);
	assert_int_equal(layout_off_at_col(&cells, 8, lp.rows[0].end), 4);
	/* past the end: the last cell */
	assert_int_equal(layout_off_at_col(&cells, 500, lp.rows[0].end), 7);
	assert_int_equal(layout_col_of(&cells, lp.rows[0].end), 25);
	layout_row_cells(d, &lp.rows[1], &o, &cells);
	assert_int_equal(cells.v[0].width, 8);
	assert_int_equal(cells.v[1].col, 8);
	layout_para_free(&lp);

	/* Reflow: a white run is one space. */
	o.reflow = 1;
	layout_para(d, &p, &o, &lp);
	assert_int_equal(lp.nrows, 1);
	layout_row_cells(d, &lp.rows[0], &o, &cells);
	assert_int_equal(cells.n, 9);		/* abc d e f and 3 spaces */
	assert_int_equal(cells.v[3].kind, GLYPH_SPACE);
	assert_int_equal(cells.v[3].width, 1);
	assert_int_equal(cells.v[5].len, 2);	/* "\t\t" */
	assert_int_equal(cells.v[7].len, 2);	/* "\n\t" */
	assert_int_equal(cells.v[8].col, 8);
	layout_para_free(&lp);
	layout_cells_free(&cells);
	doc_free(d);
}

static void
no_reflow_trailing_tab_fits(void **state)
{
	/* The tab at column 20 does not fit: white space at a wrap goes
	 * with the break, so the row ends before it and no row is wider
	 * than 20 columns. */
	struct layout_opts o = { 20, 0 };
	struct layout_cells cells = { 0 };
	struct layout_para lp;
	struct doc *d = mem("abc xxxxxxxxxxxxxxxx\t\n");
	struct range p;
	size_t i;
	int j, sum;

	(void)state;
	assert_true(doc_para_at(d, 0, &p));
	layout_para(d, &p, &o, &lp);
	for (i = 0; i < lp.nrows; i++) {
		layout_row_cells(d, &lp.rows[i], &o, &cells);
		for (sum = 0, j = 0; j < (int)cells.n; j++)
			sum += cells.v[j].width;
		assert_true(sum <= 20);
	}
	assert_mem_str(d->bytes + lp.rows[0].start,
	    lp.rows[0].end - lp.rows[0].start, "abc xxxxxxxxxxxxxxxx");
	layout_para_free(&lp);
	layout_cells_free(&cells);
	doc_free(d);
}

static void
headline_flag(void **state)
{
	struct layout_opts o = { 40, 1 };
	struct layout_para lp;
	struct doc *d = mem("Title\n\nBody.\n");
	struct range p;

	(void)state;
	assert_true(doc_para_at(d, 0, &p));
	layout_para(d, &p, &o, &lp);
	assert_true(lp.headline);
	layout_para_free(&lp);
	assert_true(doc_para_next(d, &p, &p));
	layout_para(d, &p, &o, &lp);
	assert_false(lp.headline);
	layout_para_free(&lp);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(glyph_text),
		cmocka_unit_test(glyph_invalid),
		cmocka_unit_test(glyph_controls),
		cmocka_unit_test(glyph_tabs_and_line_ends),
		cmocka_unit_test(glyph_clusters),
		cmocka_unit_test(glyph_start_agrees_with_walk),
		cmocka_unit_test(wrap_samples_every_width),
		cmocka_unit_test(wrap_nasty_text_every_width),
		cmocka_unit_test(reflow_joins_hard_wrapped_lines),
		cmocka_unit_test(wrap_exact_rows),
		cmocka_unit_test(no_reflow_tabs_expand_to_stops),
		cmocka_unit_test(no_reflow_trailing_tab_fits),
		cmocka_unit_test(headline_flag),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
