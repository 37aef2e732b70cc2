/*
 * extract_speed.c: how long extracting the article from a web page
 * takes (decode, parse with libxml2, metadata, scoring, text).  Two
 * pages are made here, deterministically, each SIZE_KB:
 *
 *  news    shaped like a big news page: half of it inline scripts and
 *          JSON state (as on Next.js/Arc pages), a style sheet, an SVG
 *          icon sprite, menus, an article of 150 paragraphs with figures
 *          and ads between them, comments, sidebars;
 *  markup  the worst case for the parser: a third scripts, the rest
 *          markup (1,200 comments of nested elements, long link lists).
 *
 * Each is extracted RUNS times; the median and the fastest wall-clock
 * times are printed, in ms, and the median CPU time of the process (on a
 * machine shared with other work, the steadier number).
 *
 *   extract_speed [SIZE_KB [RUNS]]      (default 2048 KB, 21 runs)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "artread/extract.h"
#include "artread/util.h"

static const char *const words[] = { "council", "harbour", "bridge",
    "ferry", "vote", "budget", "residents", "said", "Tuesday", "plans",
    "million", "the", "of", "and", "a", "to", "in", "that", "was", "for",
    "on", "with", "new", "city", "year", "would", "after", "workers",
    "minister", "report", "port", "tunnel", "station", "years", "local" };

static unsigned long seed = 12345;

static unsigned
next(void)
{
	seed = seed * 1103515245 + 12345;
	return (unsigned)(seed >> 16) & 0x7fff;
}

static void
sentence(struct buf *b, int nwords)
{
	int i;

	for (i = 0; i < nwords; i++) {
		const char *w = words[next() % (sizeof words / sizeof words[0])];

		buf_printf(b, "%s%s", i ? " " : "", w);
		if (i > 0 && i % 9 == 0)
			buf_addc(b, ',');
	}
	buf_adds(b, ". ");
}

static void
paragraph(struct buf *b, const char *cls, int sentences)
{
	int i;

	buf_printf(b, "<p class=\"%s\">", cls);
	for (i = 0; i < sentences; i++)
		sentence(b, 12 + (int)(next() % 14));
	buf_adds(b, "</p>\n");
}

/* script_share of the page is inline script; svg_share an SVG sprite. */
static char *
make_page(size_t target, double script_share, double svg_share, size_t *len)
{
	struct buf b;
	size_t mark;
	int i;

	buf_init(&b);
	buf_adds(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset="
	    "\"utf-8\"><title>Council backs harbour plan | The Bench Gazette"
	    "</title><meta property=\"og:site_name\" content=\"The Bench "
	    "Gazette\"><script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
	    "\"Council backs harbour plan\",\"datePublished\":\"2026-03-04T10:00"
	    ":00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"}]}"
	    "</script><style>");
	for (i = 0; i < 2000; i++)
		buf_printf(&b, ".c%d{margin:%dpx;padding:0 %dpx}", i, i % 17, i % 9);
	buf_adds(&b, "</style><script>window.__STATE__=[");
	mark = b.len;
	while (b.len - mark < (size_t)((double)target * script_share))
		buf_printf(&b, "{\"id\":%u,\"t\":\"story %u\",\"u\":\"/s/%u\"},",
		    next(), next(), next());
	buf_adds(&b, "0];</script></head><body><svg style=\"display:none\">");
	mark = b.len;
	while (b.len - mark < (size_t)((double)target * svg_share))
		buf_printf(&b, "<symbol id=\"i%u\" viewBox=\"0 0 24 24\"><path d="
		    "\"M%u %uL%u %uC%u %u %u %u %u %uZ\"/></symbol>", next(),
		    next() % 24, next() % 24, next() % 24, next() % 24,
		    next() % 24, next() % 24, next() % 24, next() % 24,
		    next() % 24, next() % 24);
	buf_adds(&b, "</svg><header class=\"site-header\"><nav class=\"menu\"><ul>");
	for (i = 0; i < 300; i++)
		buf_printf(&b, "<li><a href=\"/section/%d\">Section %d</a></li>", i, i);
	buf_adds(&b, "</ul></nav></header><main><article><h1>Council backs "
	    "harbour plan</h1><div class=\"byline\">By Ann Lee</div>"
	    "<div class=\"article-body\">\n");
	for (i = 0; i < 150; i++) {
		paragraph(&b, "para", 3 + (int)(next() % 3));
		if (i % 10 == 9)
			buf_printf(&b, "<figure><img src=\"/i/%d.jpg\"><figcaption>A "
			    "picture, number %d.</figcaption></figure><div class="
			    "\"ad-slot\"><span>Advertisement</span></div>\n", i, i);
	}
	buf_adds(&b, "</div></article><section id=\"comments\" class=\"comments"
	    "\"><ol class=\"comment-list\">");
	for (i = 0; b.len < target * 9 / 10; i++) {
		buf_printf(&b, "<li class=\"comment\"><div class=\"comment-body\">"
		    "<div class=\"comment-author\">Reader %d</div>", i);
		paragraph(&b, "comment-text", 1 + (int)(next() % 3));
		buf_adds(&b, "</div></li>\n");
	}
	buf_adds(&b, "</ol></section></main><aside class=\"sidebar\"><h2>Most "
	    "read</h2><ol>");
	while (b.len < target - 200)
		buf_printf(&b, "<li><a href=\"/s/%u\">A headline %u</a></li>",
		    next(), next());
	buf_adds(&b, "</ol></aside><footer>&copy; 2026</footer></body></html>\n");
	*len = b.len;
	return buf_steal(&b);
}

static double
now_ms(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
measure(const char *what, char *page, size_t len, int runs)
{
	struct extract_result r;
	double *ms, *cpu, t0, c0;
	char *cause;
	size_t words_out = 0, k;
	int i;

	ms = xcalloc((size_t)runs, sizeof *ms);
	cpu = xcalloc((size_t)runs, sizeof *cpu);
	for (i = 0; i < runs; i++) {
		t0 = now_ms(CLOCK_MONOTONIC);
		c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (extract_article(page, len, NULL, NULL, &r, &cause) != 0) {
			fprintf(stderr, "extract_speed: %s\n", cause);
			return 1;
		}
		ms[i] = now_ms(CLOCK_MONOTONIC) - t0;
		cpu[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (i == 0)
			for (k = r.body_start; k < r.len; k++)
				words_out += r.text[k] == ' ';
		extract_result_free(&r);
	}
	qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
	qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
	printf("extract: %-6s %.2f MB page, %d runs: median %.1f ms, fastest "
	    "%.1f ms; CPU median %.1f ms (%zu words of body)\n", what,
	    (double)len / 1e6, runs, ms[runs / 2], ms[0], cpu[runs / 2],
	    words_out);
	free(ms);
	free(cpu);
	free(page);
	return 0;
}

int
main(int argc, char **argv)
{
	size_t kb = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 2048, len;
	int runs = argc > 2 ? atoi(argv[2]) : 21;
	char *page;

	if (kb == 0 || runs < 1) {
		fprintf(stderr, "usage: extract_speed [SIZE_KB [RUNS]]\n");
		return 2;
	}
	page = make_page(kb * 1024, 0.5, 0.08, &len);
	if (measure("news", page, len, runs) != 0)
		return 1;
	page = make_page(kb * 1024, 1.0 / 3, 0, &len);
	return measure("markup", page, len, runs);
}
