/*
 * search_speed.c: how long the pager's search takes over a big file.
 * Search reflows each paragraph before it matches (search.h), so a
 * pattern that is not there costs a pass over the whole file: this
 * times that (forward and backward), a match near the start, and the
 * highlighting of one screen.  Run: search_speed FILE [PATTERN].
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "artread/doc.h"
#include "artread/search.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
count(void *arg, size_t s, size_t e)
{
	(void)s;
	(void)e;
	(*(size_t *)arg)++;
}

/* Time one search; print its line. */
static void
time_find(const char *what, const struct search *s, const struct doc *d,
    size_t from, int backward)
{
	struct range m;
	double t = now();
	int found = search_find(s, d, from, backward, &m);

	printf("%-28s %8.1f ms  %s\n", what, (now() - t) * 1000,
	    found ? "found" : "not found");
}

int
main(int argc, char **argv)
{
	struct doc *d;
	struct search *miss, *hit;
	char *cause = NULL, *err = NULL;
	size_t n = 0;
	double t;

	if (argc < 2) {
		fprintf(stderr, "usage: search_speed FILE [PATTERN]\n");
		return 2;
	}
	if ((d = doc_open(argv[1], 0, &cause)) == NULL) {
		fprintf(stderr, "search_speed: %s: %s\n", argv[1], cause);
		return 2;
	}
	miss = search_new("zq+xv?jk", &err);
	hit = search_new(argc > 2 ? argv[2] : "the", &err);
	if (miss == NULL || hit == NULL) {
		fprintf(stderr, "search_speed: %s\n", err);
		return 2;
	}
	time_find("miss, forward (whole file)", miss, d, 0, 0);
	time_find("miss, backward (whole file)", miss, d, d->len, 1);
	time_find("hit, forward from the top", hit, d, 0, 0);
	t = now();
	search_each(hit, d, d->len / 2, d->len / 2 + 4000, count, &n);
	printf("%-28s %8.1f ms  %zu matches\n", "one screen's highlights",
	    (now() - t) * 1000, n);
	search_free(miss);
	search_free(hit);
	doc_free(d);
	return 0;
}
