/*
 * bench.h: what the in-process benchmarks share: a clock and medians.
 */
#ifndef ARTREAD_BENCH_H
#define ARTREAD_BENCH_H

#include <stdlib.h>
#include <time.h>

#define BENCH_MAX_RUNS	64

/* Milliseconds on the monotonic clock. */
static inline double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0, n) (sorts v). */
static inline double
bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
	return v[(n - 1) / 2];
}

/* RUNS from the command line: argv[i] if given and sane, else 5. */
static inline int
bench_runs(int argc, char **argv, int i)
{
	int runs = argc > i ? atoi(argv[i]) : 5;

	return runs >= 1 && runs <= BENCH_MAX_RUNS ? runs : 5;
}

#endif
