/*
 * dump.c: --dump: every display row of the document, painted as the pager
 * paints it, written through the ANSI backend to the stream it is given.
 */
#include "artread/dump.h"

#include "artread/ansi.h"
#include "artread/paint.h"
#include "artread/view.h"

void
dump_write(FILE *out, const struct doc *d, const struct analysis *a,
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
			paint_add_analysis(&hls, d, a, layers, el, r.start, r.end);
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
