/*
 * fuzz_import.h: the body shared by the importer targets
 * (fuzz_import_brat.c, fuzz_import_json.c): import_buffer of the input
 * against a small fixed article into an empty set; every annotation that
 * is anchored must lie inside the article, and each must read back as
 * the sidecar would write it (fuzz_w3c.h).
 */
#ifndef ARTREAD_FUZZ_IMPORT_H
#define ARTREAD_FUZZ_IMPORT_H

#include "fuzz.h"
#include "fuzz_w3c.h"

#include "artread/annot.h"
#include "artread/import.h"

static const char fuzz_article[] =
    "Council approves harbour bridge\n"
    "\n"
    "The council voted 7-2 on Tuesday to approve the budget, which "
    "raises spending by 4%.\n"
    "\"This is a historic day,\" said Mayor Lena Chen (\xe9\x99\x88).\n";

static inline int
fuzz_import(enum import_format fmt, const char *name, const uint8_t *data,
    size_t size)
{
	struct annot_set *set = annot_set_new();
	struct import_stats st;
	char *cause = NULL;
	size_t i;

	if (import_buffer(fmt, name, (const char *)data, size, fuzz_article,
	    sizeof(fuzz_article) - 1, set, &st, &cause) == 0) {
		for (i = 0; i < annot_count(set); i++) {
			const struct annot *a = annot_at(set, i);

			if (!a->orphan && (a->start >= a->end ||
			    a->end > sizeof(fuzz_article) - 1))
				abort();
		}
		fuzz_reads_back(set);
	} else
		free(cause);
	annot_set_free(set);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

#endif
