/*
 * fuzz_sidecar.c: the sidecar parser.  The input is written as the
 * sidecar of a small fixed article in a temporary directory and opened
 * (re-anchoring included); the annotations read are then walked, and
 * each must read back as written (fuzz_w3c.h).
 */
#include "fuzz.h"
#include "fuzz_w3c.h"

#include "artread/annot.h"
#include "artread/sidecar.h"

static const char article[] =
    "Council approves harbour bridge\n"
    "\n"
    "The council voted 7-2 on Tuesday to approve the budget, which "
    "raises spending by 4%.\n"
    "\"This is a historic day,\" said Mayor Lena Chen.\n";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_article_file(article, sizeof(article) - 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct annot_set *set = annot_set_new();
	struct sidecar sc;
	char *cause = NULL;
	size_t i;

	fuzz_write(fuzz_sidecar_path, data, size);
	memset(&sc, 0, sizeof(sc));
	if (sidecar_open(&sc, fuzz_article_path, article, sizeof(article) - 1,
	    set, &cause) == 0) {
		for (i = 0; i < annot_count(set); i++) {
			const struct annot *a = annot_at(set, i);

			if (!a->orphan && (a->start > a->end ||
			    a->end > sizeof(article) - 1))
				abort();
		}
		fuzz_reads_back(set);
	} else
		free(cause);
	sidecar_close(&sc);
	annot_set_free(set);
	return 0;
}
