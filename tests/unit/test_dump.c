/* test_dump.c: --dump (dump_write through paint and the ANSI backend). */
#include "testutil.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/ansi.h"
#include "artread/doc.h"
#include "artread/dump.h"
#include "artread/layout.h"
#include "artread/paint.h"
#include "artread/style.h"
#include "artread/util.h"
#include "testrules.h"

static struct style el[STYLE_EL__COUNT];

static void
set_styles(void)
{
	int i;

	for (i = 0; i < STYLE_EL__COUNT; i++)
		el[i] = style_unset();
	el[STYLE_EL_TEXT].fg = 7;
	el[STYLE_EL_HEADLINE].attrs = STYLE_BOLD;
	el[STYLE_EL_HEADLINE].fg = 3;
	el[STYLE_EL_CONTROL].attrs = STYLE_REVERSE;
	el[STYLE_EL_INVALID].fg = 1;
	el[STYLE_EL_INVALID].bg = 4;
}

/* Dump text; returns the output (to free) and its length in *len. */
static char *
dump(const char *text, size_t tlen, int cols, int width, int reflow,
    int ncolors, size_t *len)
{
	struct doc *d = doc_from_memory("t", text, tlen);
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	assert_non_null(f);
	dump_write(f, d, NULL, 0, el, cols, width, reflow, ncolors);
	assert_int_equal(fclose(f), 0);
	doc_free(d);
	if (len != NULL)
		*len = n;
	return out;
}

#define DUMP(text, cols, width, reflow, ncolors, lenp) \
	dump((text), sizeof(text) - 1, (cols), (width), (reflow), (ncolors), (lenp))

static const char SMALL[] =
    "Short headline\n"
    "\n"
    "The quick brown fox jumps over the lazy dog.\n"
    "Second line here.\n"
    "\n\n"
    "Last.\n";

static void
plain_dump_exact(void **state)
{
	char *out;

	(void)state;
	out = DUMP(SMALL, 24, 0, 1, 0, NULL);
	assert_string_equal(out,
	    "  Short headline\n"
	    "\n"
	    "  The quick brown fox\n"
	    "  jumps over the lazy\n"
	    "  dog. Second line\n"
	    "  here.\n"
	    "\n"
	    "  Last.\n");
	free(out);

	/* a wider window with the width asked for */
	out = DUMP(SMALL, 80, 20, 1, 0, NULL);
	assert_string_equal(out,
	    "  Short headline\n"
	    "\n"
	    "  The quick brown fox\n"
	    "  jumps over the lazy\n"
	    "  dog. Second line\n"
	    "  here.\n"
	    "\n"
	    "  Last.\n");
	free(out);

	/* no reflow: the file's line ends stay */
	out = DUMP(SMALL, 24, 0, 0, 0, NULL);
	assert_string_equal(out,
	    "  Short headline\n"
	    "\n"
	    "  The quick brown fox\n"
	    "  jumps over the lazy\n"
	    "  dog.\n"
	    "  Second line here.\n"
	    "\n"
	    "  Last.\n");
	free(out);

	/* a narrow window has no margin */
	out = DUMP("Ab cd\n", 5, 0, 1, 0, NULL);
	assert_string_equal(out, "Ab cd\n");
	free(out);

	/* nothing to show: nothing written */
	out = DUMP("\n \n", 24, 0, 1, 0, NULL);
	assert_string_equal(out, "");
	free(out);
}

/* Copy out without its SGR sequences, checking each is well formed. */
static char *
strip_sgr(const char *out, size_t n, size_t *nsgr)
{
	struct buf b;
	size_t i = 0, j;

	buf_init(&b);
	*nsgr = 0;
	while (i < n) {
		if (out[i] != '\033') {
			buf_addc(&b, out[i++]);
			continue;
		}
		if (i + 1 >= n || out[i + 1] != '[')
			fail_msg("ESC not starting a CSI at %zu", i);
		for (j = i + 2; j < n && (out[j] == ';' ||
		    (out[j] >= '0' && out[j] <= '9')); j++)
			;
		if (j >= n || out[j] != 'm')
			fail_msg("CSI at %zu is not SGR: \"%.*s\"", i,
			    (int)(j + 1 - i - 1), out + i + 1);
		(*nsgr)++;
		i = j + 1;
	}
	return buf_steal(&b);
}

/* No ESC, no C0 control but '\n', no DEL, no C1, valid UTF-8. */
static void
assert_safe(const char *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)out[i];

		if ((c < 0x20 && c != '\n') || c == 0x7f)
			fail_msg("byte 0x%02x at %zu", c, i);
		if (c == 0xc2 && i + 1 < n &&
		    (unsigned char)out[i + 1] >= 0x80 &&
		    (unsigned char)out[i + 1] <= 0x9f)
			fail_msg("C1 control at %zu", i);
	}
	{
		/* valid UTF-8: mbstowcs fails on anything else */
		char *copy = xstrndup(out, n);

		assert_true(mbstowcs(NULL, copy, 0) != (size_t)-1);
		free(copy);
	}
}

static const char HOSTILE[] =
    "Title \x1b[2J\n"
    "\n"
    "A \x1b[31mred\x1b[0m word, an OSC \x1b]52;c;SGVsbG8=\a clip, "
    "C1 \xc2\x9b" "31m, a bell\a, back\bspace, DEL\x7f, bad \xff\xfe"
    " and \xed\xa0\x80 bytes, a lone \r CR, RLO \xe2\x80\xae gnirts, "
    "NUL \0 end.\n"
    "\tTabbed\tline \xe6\xbc\xa2\xe5\xad\x97 and e\xcc\x81.\n";

static void
hostile_plain(void **state)
{
	static const int widths[] = { 10, 20, 37, 80 };
	size_t n, i;
	char *out;
	int reflow;

	(void)state;
	for (reflow = 0; reflow <= 1; reflow++)
		for (i = 0; i < 4; i++) {
			out = DUMP(HOSTILE, widths[i] + 4, 0, reflow, 0, &n);
			assert_non_null(memchr(out, '\n', n));
			assert_null(memchr(out, '\033', n));
			assert_safe(out, n);
			free(out);
		}
	out = DUMP(HOSTILE, 400, 0, 1, 0, &n);
	assert_non_null(strstr(out, "Title ^[[2J\n"));
	assert_non_null(strstr(out, "A ^[[31mred^[[0m word"));
	assert_non_null(strstr(out, "OSC ^[]52;c;SGVsbG8=^G clip"));
	assert_non_null(strstr(out, "C1 <U+009B>31m"));
	assert_non_null(strstr(out, "a bell^G,"));
	assert_non_null(strstr(out, "back^Hspace"));
	assert_non_null(strstr(out, "DEL^?,"));
	assert_non_null(strstr(out,
	    "bad \xef\xbf\xbd\xef\xbf\xbd and "
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd bytes"));
	assert_non_null(strstr(out, "a lone ^M CR"));
	assert_non_null(strstr(out, "RLO <U+202E> gnirts"));
	assert_non_null(strstr(out, "NUL ^@ end."));
	/* reflowed: the tab and line end are single spaces */
	assert_non_null(strstr(out, "end. Tabbed line \xe6\xbc\xa2\xe5\xad\x97"
	    " and e\xcc\x81.\n"));
	free(out);

	/* without reflow the tab is spaces to the next stop */
	out = DUMP(HOSTILE, 400, 0, 0, 0, &n);
	assert_non_null(strstr(out, "\n          Tabbed  line "));
	free(out);
}

static void
hostile_colour(void **state)
{
	static const int ncolors[] = { 8, 16, 256, -1 };
	char *plain, *out, *stripped;
	size_t n, pn, nsgr, i;
	int reflow, w;

	(void)state;
	for (reflow = 0; reflow <= 1; reflow++)
		for (w = 10; w <= 60; w += 25)
			for (i = 0; i < 4; i++) {
				plain = DUMP(HOSTILE, w, 0, reflow, 0, &pn);
				out = DUMP(HOSTILE, w, 0, reflow, ncolors[i], &n);
				stripped = strip_sgr(out, n, &nsgr);
				assert_true(nsgr > 0);
				/* the same text as the plain dump */
				assert_string_equal(stripped, plain);
				assert_safe(stripped, strlen(stripped));
				free(stripped);
				free(out);
				free(plain);
			}
}

static void
headline_and_styles(void **state)
{
	char *out;

	(void)state;
	out = DUMP("Head\n\nBody \x1b x\xff.\n", 40, 0, 1, 8, NULL);
	/* headline: text colour under the headline's bold yellow */
	assert_string_equal(out,
	    "  \033[0;1;33mHead\033[0m\n"
	    "\n"
	    "  \033[0;37mBody \033[0;7;37m^[\033[0;37m x"
	    "\033[0;31;44m\xef\xbf\xbd\033[0;37m.\033[0m\n");
	free(out);

	/* attributes only */
	out = DUMP("Head\n\nBody \x1b.\n", 40, 0, 1, -1, NULL);
	assert_string_equal(out,
	    "  \033[0;1mHead\033[0m\n"
	    "\n"
	    "  \033[0mBody \033[0;7m^[\033[0m.\033[0m\n");
	free(out);
}

static void
long_glyph_clipped(void **state)
{
	char *out;

	(void)state;
	/* a width-2 glyph in a 1-column text area is not drawn half */
	out = DUMP("\xe6\xbc\xa2" "a\n", 1, 0, 1, 0, NULL);
	assert_string_equal(out, "\na\n");
	free(out);
	/* a control's visible form wider than the width is cut whole */
	out = DUMP("x \xe2\x80\xae y\n", 9, 5, 1, 0, NULL);
	assert_string_equal(out, "  x\n  \n  y\n");
	free(out);
}

/* text dumped (colours, quotes and entities), with its whole analysis
 * or streamed in blocks as small as can be on nthreads */
static char *
dump_analysed(const char *text, size_t tlen, int streamed, int nthreads,
    size_t *len)
{
	struct doc *d = doc_from_memory("t", text, tlen);
	struct analysis a;
	struct analysis_stream *st;
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	unsigned layers = PAINT_LAYER_QUOTES | PAINT_LAYER_ENTITIES;

	assert_non_null(f);
	if (streamed) {
		analysis_set_threads(nthreads);
		analysis_set_block_size(1);
		st = analysis_stream_open(R, d->bytes, d->len, NULL);
		dump_write_stream(f, d, st, layers, el, 60, 0, 1, 256);
		analysis_stream_close(st);
		analysis_set_block_size(0);
		analysis_set_threads(0);
	} else {
		analysis_set_threads(1);
		analysis_run(R, d->bytes, d->len, &a);
		dump_write(f, d, &a, layers, el, 60, 0, 1, 256);
		analysis_free(&a);
		analysis_set_threads(0);
	}
	assert_int_equal(fclose(f), 0);
	doc_free(d);
	*len = n;
	return out;
}

static void
same_dumped(const char *name, const char *text, size_t tlen)
{
	char *whole, *blocks;
	size_t nw, nb;
	int nt;

	whole = dump_analysed(text, tlen, 0, 1, &nw);
	assert_true(nw > 0);
	for (nt = 1; nt <= 3; nt++) {
		blocks = dump_analysed(text, tlen, 1, nt, &nb);
		if (nb != nw || memcmp(whole, blocks, nw) != 0)
			fail_msg("%s: dumped in blocks on %d threads differs "
			    "(%zu bytes, not %zu)", name, nt, nb, nw);
		free(blocks);
	}
	free(whole);
}

/*
 * A long text's rows are laid out and painted a block at a time, in
 * the threads (analysis_pipe): the same bytes as painted row after row
 * with the whole analysis.  The articles' blocks are paragraphs; the
 * second text is a CR-only file (no LF in its first 64 KiB) with blank
 * LF lines further on, where the analysis's blocks start inside the
 * pager's paragraphs: its rows cross them, and from there on it is
 * painted row after row.
 */
static void
dump_in_blocks(void **state)
{
	struct buf all, cr;
	size_t i;

	(void)state;
	buf_init(&all);
	testrules_read_dir("sample-articles", &all);
	same_dumped("the articles", all.data, all.len);
	buf_init(&cr);
	for (i = 0; cr.len < 70000; i++)
		buf_printf(&cr, "Councillor Ines Varga said “ready %zu.”\r\r",
		    i);
	buf_add(&cr, all.data, all.len < 20000 ? all.len : 20000);
	same_dumped("CR lines, then LF", cr.data, cr.len);
	buf_free(&cr);
	buf_free(&all);
}

/* ---- paint_row against the cells it stands for ---- */

/* A row painted from its cells (layout_row_cells), each styled by the
 * layers covering it in the order given (by priority), one
 * paint_line_add a cell: what paint_row did before it walked the row
 * itself, taking plain ASCII without making cells (wt-dump). */
static void
row_from_cells(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, const struct paint_hls *h, int max_cols,
    struct paint_line *out)
{
	struct layout_cells cells;
	struct style st;
	size_t i, k;

	memset(&cells, 0, sizeof cells);
	layout_row_cells(d, r, o, &cells);
	paint_line_reset(out);
	for (i = 0; i < cells.n; i++) {
		const struct layout_cell *c = &cells.v[i];

		if (c->col + c->width > max_cols)
			break;
		st = el[STYLE_EL_TEXT];
		if (c->kind == GLYPH_CONTROL)
			st = style_layer(st, el[STYLE_EL_CONTROL]);
		else if (c->kind == GLYPH_INVALID)
			st = style_layer(st, el[STYLE_EL_INVALID]);
		for (k = 0; k < h->n; k++)
			if (h->v[k].start < c->off + c->len &&
			    c->off < h->v[k].end)
				st = style_layer(st, h->v[k].st);
		paint_line_add(out, c->vis, strlen(c->vis), c->width, st);
	}
	layout_cells_free(&cells);
}

static void
same_line(const struct paint_line *a, const struct paint_line *b,
    size_t row)
{
	size_t i;

	if (a->text.len != b->text.len || a->cols != b->cols ||
	    a->nruns != b->nruns || memcmp(a->text.data, b->text.data,
	    a->text.len) != 0)
		fail_msg("row at %zu: \"%s\" (%d cols, %zu runs), not \"%s\" "
		    "(%d cols, %zu runs)", row, a->text.data, a->cols,
		    a->nruns, b->text.data, b->cols, b->nruns);
	for (i = 0; i < a->nruns; i++)
		if (a->runs[i].text_off != b->runs[i].text_off ||
		    a->runs[i].text_len != b->runs[i].text_len ||
		    a->runs[i].cols != b->runs[i].cols ||
		    !style_equal(a->runs[i].st, b->runs[i].st))
			fail_msg("row at %zu: run %zu differs", row, i);
}

/*
 * paint_row walks a row itself and copies plain ASCII a span at a time
 * up to the next highlight edge: the same text and runs as painting
 * its cells one by one, for rows cut short (max_cols), highlights that
 * start and end inside words, spaces, white space runs, tabs, line
 * ends, accents, combining marks after ASCII, curly quotes, controls
 * and invalid bytes, reflowed or not.
 */
static void
paint_row_as_cells(void **state)
{
	static const char text[] =
	    "Plain words here, then  two spaces, a tab\there and a mark "
	    "e\xcc\x81 after ASCII; Zo\xc3\xab \xe2\x80\x9c" "curly\xe2\x80\x9d "
	    "quotes, a bell \x07 and a bad \xff byte,\n"
	    "a hard-wrapped line\r\nand another one   with a run of spaces "
	    "\n  \n\nA second paragraph of plain ASCII words that wraps "
	    "over several rows at the narrow widths used here, ending.";
	static const size_t hl[][3] = {	/* start, end, style (el index) */
		{ 3, 9, STYLE_EL_QUOTE }, { 6, 30, STYLE_EL_PERSON },
		{ 22, 24, STYLE_EL_SPEAKER }, { 41, 42, STYLE_EL_ORG },
		{ 60, 64, STYLE_EL_PLACE }, { 100, 160, STYLE_EL_DATE },
		{ 180, 181, STYLE_EL_MONEY }, { 250, 251, STYLE_EL_URL },
	};
	struct doc *d = doc_from_memory("t", text, sizeof text - 1);
	struct paint_line got, want;
	struct paint_hls h;
	struct layout_opts o;
	struct layout_para lp;
	struct range p;
	size_t i, k, rows = 0;
	int w, cut, ok;

	(void)state;
	memset(&h, 0, sizeof h);
	for (i = 0; i < sizeof hl / sizeof hl[0]; i++) {
		el[hl[i][2]].fg = (int)(10 + i);
		paint_hls_add(&h, hl[i][0], hl[i][1], (int)i, el[hl[i][2]]);
	}
	paint_line_init(&got);
	paint_line_init(&want);
	for (o.reflow = 0; o.reflow <= 1; o.reflow++)
		for (w = 6; w <= 80; w += 37)
			for (cut = 0; cut <= 4; cut += 4) {
				o.width = w;
				for (ok = doc_para_at(d, 0, &p); ok;
				    ok = doc_para_next(d, &p, &p)) {
					layout_para(d, &p, &o, &lp);
					for (k = 0; k < lp.nrows; k++) {
						paint_row(d, &lp.rows[k], &o, 0,
						    el, &h, w - cut, &got);
						row_from_cells(d, &lp.rows[k],
						    &o, &h, w - cut, &want);
						same_line(&got, &want,
						    lp.rows[k].start);
						rows++;
					}
					layout_para_free(&lp);
				}
			}
	assert_true(rows > 20);
	paint_line_free(&got);
	paint_line_free(&want);
	paint_hls_free(&h);
	doc_free(d);
	set_styles();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_dump_exact),
		cmocka_unit_test(hostile_plain),
		cmocka_unit_test(hostile_colour),
		cmocka_unit_test(headline_and_styles),
		cmocka_unit_test(long_glyph_clipped),
		cmocka_unit_test(dump_in_blocks),
		cmocka_unit_test(paint_row_as_cells),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	set_styles();
	return cmocka_run_group_tests(tests, setup, teardown);
}
