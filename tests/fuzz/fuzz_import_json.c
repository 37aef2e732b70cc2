/*
 * fuzz_import_json.c: the json importer (import_buffer) against a small
 * fixed article, into an empty annotation set.
 */
#include "fuzz.h"

#include "artread/annot.h"
#include "artread/import.h"

static const char article[] =
    "Council approves harbour bridge\n"
    "\n"
    "The council voted 7-2 on Tuesday to approve the budget, which "
    "raises spending by 4%.\n"
    "\"This is a historic day,\" said Mayor Lena Chen (\xe9\x99\x88).\n";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct annot_set *set = annot_set_new();
	char *cause = NULL;
	size_t i, count = 0;

	if (import_buffer(IMPORT_JSON, "fuzz.json", (const char *)data, size,
	    article, sizeof(article) - 1, set, &count, &cause) == 0) {
		for (i = 0; i < annot_count(set); i++) {
			const struct annot *a = annot_at(set, i);

			if (!a->orphan && (a->start >= a->end ||
			    a->end > sizeof(article) - 1))
				abort();
		}
	} else
		free(cause);
	annot_set_free(set);
	return 0;
}
