/*
 * fuzz_doc.c: the document loader and layout.  The first input byte
 * picks the width (and reflow); the rest is the article, read from
 * memory, or (odd sizes) from a file read on first touch (a page at a
 * time in the fuzz build), which is sometimes cut in half at once, so
 * that the blocks not read yet read as spaces.  Every
 * paragraph is laid out, every row turned into cells and mapped back
 * (and the cursor steps from every byte), the view is walked, and the whole is dumped as --dump would.
 */
#include "fuzz.h"

#include <locale.h>

#include "artread/doc.h"
#include "artread/dump.h"
#include "artread/layout.h"
#include "artread/style.h"
#include "artread/textobj.h"
#include "artread/view.h"

static FILE *devnull;
static struct style el[STYLE_EL__COUNT];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int i;

	(void)argc;
	(void)argv;
	setlocale(LC_CTYPE, "C.UTF-8");
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL)
		abort();
	for (i = 0; i < STYLE_EL__COUNT; i++)
		el[i] = style_unset();
	el[STYLE_EL_HEADLINE].attrs = STYLE_BOLD;
	el[STYLE_EL_CONTROL].attrs = STYLE_REVERSE;
	el[STYLE_EL_INVALID].fg = 1;
	return 0;
}

static void
walk_para(struct view *v, const struct doc *d, const struct range *p,
    const struct layout_opts *lo, struct layout_cells *cells)
{
	const struct layout_para *lp = view_layout(v, p);
	size_t i, off;

	for (i = 0; i < lp->nrows; i++) {
		const struct layout_row *r = &lp->rows[i];
		int col;

		if (r->start > r->end || r->end > d->len)
			abort();
		layout_row_cells(d, r, lo, cells);
		for (off = r->start; off < r->end; off++) {
			if (layout_row_of(lp, off) >= lp->nrows)
				abort();
			col = layout_col_of(cells, off);
			(void)layout_off_at_col(cells, col, r->end);
			/* Cursor steps always move, and by whole glyphs. */
			if (layout_glyph_start(d, off) > off ||
			    textobj_char_next(d, off) <= off ||
			    (off > d->text_start &&
			    textobj_char_prev(d, off) >= off))
				abort();
		}
	}
}

/* Odd sizes: through a file, read block by block on first touch. */
static struct doc *
open_article(const uint8_t *data, size_t size)
{
	char path[128], *cause = NULL;
	struct doc *d;

	if (size % 2 == 0)
		return doc_from_memory("fuzz", (const char *)data, size);
	snprintf(path, sizeof path, "%s/article.txt", fuzz_tmpdir());
	fuzz_write(path, data, size);
	d = doc_open(path, DOC_FORCE | DOC_LAZY, &cause);
	if (d == NULL)
		abort();
	if (size % 4 == 3 && truncate(path, (off_t)size / 2) != 0)
		abort();
	return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout_opts lo;
	struct layout_cells cells = { 0 };
	struct view v;
	struct view_pos pos;
	struct range p;
	struct doc *d;
	size_t n = 0;
	int width, reflow;

	if (size < 1)
		return 0;
	width = data[0] & 0x7f;
	reflow = !(data[0] & 0x80);
	lo.width = width < 1 ? 1 : width;
	lo.reflow = reflow;
	d = open_article(data + 1, size - 1);

	view_init(&v, d, &lo, 24);
	if (doc_para_at(d, 0, &p)) {
		do {
			walk_para(&v, d, &p, &lo, &cells);
			(void)doc_para_is_headline(d, &p);
		} while (++n < 10000 && doc_para_next(d, &p, &p));
	}
	if (doc_para_last(d, &p)) {
		struct range q;

		n = 0;
		while (n++ < 10000 && doc_para_prev(d, &p, &q))
			p = q;
	}
	/* Walk every display row, then scroll about. */
	view_goto_top(&v);
	pos = v.top;
	n = 0;
	while (n++ < 100000 && view_pos_next(&v, &pos))
		;
	view_goto_end(&v);
	(void)view_scroll(&v, -5);
	view_goto_percent(&v, 50);
	view_show_offset(&v, d->len / 2);
	view_free(&v);
	layout_cells_free(&cells);

	dump_write(devnull, d, NULL, 0, el, width + 4, 0, reflow, 256);
	dump_write(devnull, d, NULL, 0, el, 80, width, reflow, 0);
	doc_free(d);
	return 0;
}
