/*
 * rules_speed.c: how fast the default rules run.  Loads rules/default.ini
 * (or $RULES), reads FILE and prints MB/s for (a) each pattern rule alone
 * through pcre2_jit_match over the whole buffer (PCRE2_NO_UTF_CHECK after
 * one validation), (b) all pattern rules in sequence, (c) the whole
 * analysis_run.  Build: cc -Iinclude bench/rules_speed.c build/libcore.a
 * -lpcre2-8 -liniparser ...; run: rules_speed FILE [REPEAT].
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "artread/utf8.h"
#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"
#include "artread/util.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
count_match(void *arg, size_t rule, size_t s, size_t e)
{
	(void)rule;
	(void)s;
	(void)e;
	(*(size_t *)arg)++;
}

static void
row(const char *name, size_t len, double secs, size_t matches)
{
	printf("%-24s %10.1f %10.3f %9zu\n", name,
	    (double)len / 1e6 / (secs > 0 ? secs : 1e-9), secs,
	    matches);
}

int
main(int argc, char **argv)
{
	const char *path = getenv("RULES") ? getenv("RULES") :
	    "rules/default.ini";
	struct analysis a;
	struct diag d;
	struct rules *r;
	size_t len, i, total = 0, m;
	double t0, t1, all = 0;
	char *text;
	int valid, rep, k;

	if (argc < 2) {
		fprintf(stderr, "usage: rules_speed FILE [REPEAT]\n");
		return 2;
	}
	rep = argc > 2 ? atoi(argv[2]) : 1;
	if (rep < 1)
		rep = 1;
	diag_init(&d);
	r = rules_load(&path, 1, &d);
	diag_print(&d, stderr);
	if ((text = util_read_file(argv[1], &len)) == NULL) {
		perror(argv[1]);
		return 2;
	}
	t0 = now();
	valid = utf8_valid(text, len);
	t1 = now();
	printf("%s: %.1f MB, %s UTF-8 (checked at %.0f MB/s), %zu rules\n\n",
	    argv[1], (double)len / 1e6, valid ? "valid" : "invalid",
	    (double)len / 1e6 / (t1 - t0 > 0 ? t1 - t0 : 1e-9),
	    rules_count(r));
	printf("%-24s %10s %10s %9s\n", "rule", "MB/s", "seconds", "matches");
	for (i = 0; i < rules_count(r); i++) {
		m = 0;
		t0 = now();
		for (k = 0; k < rep; k++)
			rules_scan(r, i, text, len, valid, count_match, &m, &d);
		t1 = now();
		row(rules_name(r, i), len, (t1 - t0) / rep, m / (size_t)rep);
		all += (t1 - t0) / rep;
		total += m / (size_t)rep;
	}
	printf("\n");
	row("(b) all rules", len, all, total);
	t0 = now();
	for (k = 0; k < rep; k++) {
		analysis_run_diag(r, text, len, &a, &d);
		if (k + 1 < rep)
			analysis_free(&a);
	}
	t1 = now();
	row("(c) analysis_run", len, (t1 - t0) / rep, a.nents + a.nquotes);
	analysis_free(&a);
	rules_free(r);
	diag_free(&d);
	free(text);
	return 0;
}
