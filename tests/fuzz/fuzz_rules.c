/*
 * fuzz_rules.c: the rule loader (INI + PCRE2).  The input is written to
 * a temporary rules.ini and loaded; each loaded rule is then run once
 * over a short text.
 */
#include "fuzz.h"

#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"

static char path[128];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(path, sizeof(path), "%s/rules.ini", fuzz_tmpdir());
	return 0;
}

static void
count_match(void *arg, size_t rule, size_t start, size_t end)
{
	(void)rule;
	if (start > end)
		abort();
	++*(size_t *)arg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char text[] = "On May 5, 2024 Dr. Ana Silva of Acme "
	    "Corp. said \"costs rose 5% to $3m\" in Lisbon, @ana #news.";
	const char *paths[1] = { path };
	struct analysis a;
	struct rules *r;
	struct diag d;
	size_t i, n = 0;

	fuzz_write(path, data, size);
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	for (i = 0; i < rules_count(r); i++) {
		(void)rules_name(r, i);
		(void)rules_type(r, i);
		(void)rules_priority(r, i);
		(void)rules_scan(r, i, text, sizeof(text) - 1, 1, count_match,
		    &n, &d);
	}
	analysis_run_diag(r, text, sizeof(text) - 1, &a, &d);
	analysis_free(&a);
	rules_free(r);
	diag_free(&d);
	unlink(path);
	return 0;
}
