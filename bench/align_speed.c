/*
 * align_speed.c: how long aligning two versions of an article takes.
 * Reads FILE (say a 1 MB article from bench/out/gen-news) and aligns it
 * with versions of itself made in memory:
 *
 *   same        no change
 *   edits       a word replaced every ~20 KB, a sentence inserted every
 *               ~50 KB
 *   moves       every 30th paragraph moved 10 paragraphs down
 *   rewrap      every line break a space, every paragraph break CRLF
 *   unrelated   the file against its second half then its first half,
 *               each half's words shifted (a rewrite, worst case)
 *
 * For each: align_texts, then 200 passages re-anchored (align_map), then
 * the differences view written to /dev/null; medians of RUNS runs, in ms.
 * Usage: align_speed FILE [RUNS].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "artread/align.h"
#include "artread/util.h"
#include "bench.h"

#define PASSAGES	200


/* A word replaced every ~20 KB, a sentence inserted every ~50 KB. */
static char *
make_edits(const char *t, size_t n, size_t *len)
{
	struct buf b;
	size_t i, last = 0;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		buf_addc(&b, t[i]);
		if (i - last > 20000 && t[i] == ' ') {
			buf_adds(&b, "edited ");
			while (i + 1 < n && t[i + 1] != ' ' && t[i + 1] != '\n')
				i++;	/* the next word goes */
			last = i;
		}
		if (i % 50000 == 0 && t[i] == ' ')
			buf_adds(&b, "A sentence added in an update. ");
	}
	*len = b.len;
	return buf_steal(&b);
}

/* Paragraph boundaries: starts of paragraphs, *np of them. */
static size_t *
para_starts(const char *t, size_t n, size_t *np)
{
	size_t *p = NULL, cap = 0, i;

	*np = 0;
	for (i = 0; i < n; i++)
		if (i == 0 || (i >= 2 && t[i - 1] == '\n' && t[i - 2] == '\n')) {
			if (*np == cap) {
				cap = cap == 0 ? 1024 : cap * 2;
				p = xreallocarray(p, cap, sizeof *p);
			}
			p[(*np)++] = i;
		}
	return p;
}

/* Every 30th paragraph moved 10 paragraphs down. */
static char *
make_moves(const char *t, size_t n, size_t *len)
{
	size_t np, i, *p = para_starts(t, n, &np), *order;
	struct buf b;

	order = xreallocarray(NULL, np + 1, sizeof *order);
	for (i = 0; i < np; i++)
		order[i] = i;
	for (i = 30; i + 10 < np; i += 30) {
		size_t moved = order[i];

		memmove(&order[i], &order[i + 1], 10 * sizeof *order);
		order[i + 10] = moved;
	}
	buf_init(&b);
	for (i = 0; i < np; i++) {
		size_t s = p[order[i]], e = order[i] + 1 < np ?
		    p[order[i] + 1] : n;

		buf_add(&b, t + s, e - s);
		if (e == n && (n < 2 || t[n - 1] != '\n' || t[n - 2] != '\n'))
			buf_adds(&b, "\n\n");
	}
	free(order);
	free(p);
	*len = b.len;
	return buf_steal(&b);
}

/* Line breaks as spaces, paragraph breaks as CRLF CRLF. */
static char *
make_rewrap(const char *t, size_t n, size_t *len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (t[i] == '\n' && i + 1 < n && t[i + 1] == '\n') {
			buf_adds(&b, "\r\n\r\n");
			i++;
		} else
			buf_addc(&b, t[i] == '\n' ? ' ' : t[i]);
	}
	*len = b.len;
	return buf_steal(&b);
}

/* The second half, then the first: most words out of place. */
static char *
make_unrelated(const char *t, size_t n, size_t *len)
{
	char *u = xmalloc(n + 1);
	size_t h = n / 2;

	memcpy(u, t + h, n - h);
	memcpy(u + n - h, t, h);
	*len = n;
	return u;
}

static void
measure(const char *name, const char *a, size_t la, const char *b, size_t lb,
    int runs, FILE *devnull)
{
	double t_align[BENCH_MAX_RUNS], t_map[BENCH_MAX_RUNS];
	double t_view[BENCH_MAX_RUNS];
	struct align_stats st;
	size_t k, ns, ne, states[4] = { 0 };
	int i;

	for (i = 0; i < runs; i++) {
		struct align *al;
		double t0 = bench_now_ms();

		al = align_texts(a, la, b, lb);
		t_align[i] = bench_now_ms() - t0;
		t0 = bench_now_ms();
		for (k = 0; k < PASSAGES; k++) {
			size_t s = la / PASSAGES * k;

			states[align_map(al, s, s + 120 < la ? s + 120 : la,
			    &ns, &ne)] += i == 0;
		}
		t_map[i] = bench_now_ms() - t0;
		t0 = bench_now_ms();
		align_render_plain(al, devnull);
		t_view[i] = bench_now_ms() - t0;
		if (i == 0)
			align_stats(al, &st);
		align_free(al);
	}
	printf("%-10s align %8.1f  map x%d %6.1f  view %6.1f   "
	    "(-%zu +%zu words, %zu paragraphs changed; passages: %zu exact, "
	    "%zu moved, %zu changed, %zu orphan)\n", name,
	    bench_median(t_align, runs), PASSAGES, bench_median(t_map, runs),
	    bench_median(t_view, runs), st.words_deleted, st.words_inserted,
	    st.paras_changed, states[ALIGN_EXACT], states[ALIGN_MOVED],
	    states[ALIGN_CHANGED], states[ALIGN_ORPHAN]);
}

/* The versions measured against the file. */
static const struct {
	const char	*name;
	char		*(*make)(const char *, size_t, size_t *);
} versions[] = {
	{ "edits", make_edits },
	{ "moves", make_moves },
	{ "rewrap", make_rewrap },
	{ "unrelated", make_unrelated },
};

int
main(int argc, char **argv)
{
	FILE *devnull = fopen("/dev/null", "w");
	char *t, *v;
	size_t n, lv, i;
	int runs;

	if (argc < 2 || (t = util_read_file(argv[1], &n)) == NULL ||
	    devnull == NULL) {
		fprintf(stderr, "usage: align_speed FILE [RUNS]\n");
		return 2;
	}
	runs = bench_runs(argc, argv, 2);
	printf("%s, %.1f MB, ms (medians of %d):\n", argv[1],
	    (double)n / 1048576, runs);
	measure("same", t, n, t, n, runs, devnull);
	for (i = 0; i < sizeof versions / sizeof versions[0]; i++) {
		v = versions[i].make(t, n, &lv);
		measure(versions[i].name, t, n, v, lv, runs, devnull);
		free(v);
	}
	free(t);
	fclose(devnull);
	return 0;
}
