/*
 * doc_speed.c: what opening a document costs, in-process, without the
 * terminal and the tmux polling floor of bench/run.sh.  For FILE (the
 * 100 MB bench file), medians of RUNS runs (page cache warm) of:
 *
 *   open        doc_open alone
 *   first       doc_open + the first 24 rows laid out at 80 columns
 *               (what the pager needs before its first paint)
 *   G           from an open document: the last 24 rows laid out
 *   scan        from an open document: every byte read once (memchr
 *               for a byte that is not there)
 *   sha256      from an open document: SHA-256 of the whole text
 *               (what the sidecar does when it must)
 *   close       doc_free after the scan
 *
 * Usage: doc_speed FILE [RUNS].  Prints one "name ms" line each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "artread/doc.h"
#include "artread/layout.h"
#include "artread/sha256.h"
#include "artread/view.h"
#include "bench.h"



static struct doc *
open_or_die(const char *path)
{
	char *cause = NULL;
	struct doc *d = doc_open(path, 0, &cause);

	if (d == NULL) {
		fprintf(stderr, "doc_speed: %s: %s\n", path, cause);
		exit(1);
	}
	return d;
}

/* Lay out a screen of rows from the view's top, as the pager paints. */
static size_t
lay_out_screen(struct view *v, const struct layout_opts *lo)
{
	struct layout_cells cells = { 0 };
	struct view_pos pos = v->top;
	size_t rows = 0, cols = 0;

	do {
		const struct layout_para *lp = view_layout(v, &pos.para);

		if (pos.row < lp->nrows) {
			layout_row_cells(v->doc, &lp->rows[pos.row], lo,
			    &cells);
			cols += cells.n;
		}
	} while (++rows < (size_t)v->height && view_pos_next(v, &pos));
	layout_cells_free(&cells);
	return cols;
}

int
main(int argc, char **argv)
{
	double t_open[BENCH_MAX_RUNS], t_first[BENCH_MAX_RUNS];
	double t_g[BENCH_MAX_RUNS], t_scan[BENCH_MAX_RUNS];
	double t_sha[BENCH_MAX_RUNS], t_close[BENCH_MAX_RUNS];
	struct layout_opts lo = { 80, 1 };
	char hex[SHA256_HEX_LEN];
	size_t sink = 0;
	int runs, i;

	if (argc < 2) {
		fprintf(stderr, "usage: doc_speed FILE [RUNS]\n");
		return 2;
	}
	runs = bench_runs(argc, argv, 2);
	for (i = 0; i < runs; i++) {
		struct view v;
		struct doc *d;
		double t0;

		t0 = bench_now_ms();
		d = open_or_die(argv[1]);
		t_open[i] = bench_now_ms() - t0;
		doc_free(d);

		t0 = bench_now_ms();
		d = open_or_die(argv[1]);
		view_init(&v, d, &lo, 24);
		sink += lay_out_screen(&v, &lo);
		t_first[i] = bench_now_ms() - t0;

		t0 = bench_now_ms();
		view_goto_end(&v);
		sink += lay_out_screen(&v, &lo);
		t_g[i] = bench_now_ms() - t0;
		view_free(&v);

		t0 = bench_now_ms();
		sink += memchr(d->bytes, '\x01', d->len) != NULL;
		t_scan[i] = bench_now_ms() - t0;

		t0 = bench_now_ms();
		sha256_hex(d->bytes, d->len, hex);
		t_sha[i] = bench_now_ms() - t0;
		sink += (size_t)hex[0];

		t0 = bench_now_ms();
		doc_free(d);
		t_close[i] = bench_now_ms() - t0;
	}
	printf("open %.3f\n", bench_median(t_open, runs));
	printf("first %.3f\n", bench_median(t_first, runs));
	printf("G %.3f\n", bench_median(t_g, runs));
	printf("scan %.3f\n", bench_median(t_scan, runs));
	printf("sha256 %.3f\n", bench_median(t_sha, runs));
	printf("close %.3f\n", bench_median(t_close, runs));
	return sink == 0;	/* keeps the work from being optimised away */
}
