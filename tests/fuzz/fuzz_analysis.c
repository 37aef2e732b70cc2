/*
 * fuzz_analysis.c: quote pairing and entity recognition over any bytes,
 * with rules/default.ini loaded once (run from the top of the tree, or
 * set ARTREAD_FUZZ_RULES to the file).
 */
#include "fuzz.h"

#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"

static struct rules *rules;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("ARTREAD_FUZZ_RULES");
	struct diag d;

	(void)argc;
	(void)argv;
	if (path == NULL)
		path = "rules/default.ini";
	diag_init(&d);
	rules = rules_load(&path, 1, &d);
	if (d.errors > 0 || rules_count(rules) == 0) {
		diag_print(&d, stderr);
		fprintf(stderr, "fuzz_analysis: cannot load %s\n", path);
		abort();
	}
	diag_free(&d);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct analysis a;
	size_t i;

	analysis_run(rules, (const char *)data, size, &a);
	for (i = 0; i < a.nents; i++)
		if (a.ents[i].start >= a.ents[i].end || a.ents[i].end > size ||
		    (i > 0 && a.ents[i].start < a.ents[i - 1].start))
			abort();
	for (i = 0; i < a.nquotes; i++) {
		const struct quote *q = &a.quotes[i];

		if (q->start >= q->end || q->end > size ||
		    q->speaker_start > q->speaker_end ||
		    q->speaker_end > size ||
		    (i > 0 && q->start < a.quotes[i - 1].start))
			abort();
	}
	analysis_free(&a);
	return 0;
}
