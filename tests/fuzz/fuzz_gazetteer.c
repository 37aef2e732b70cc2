/*
 * fuzz_gazetteer.c: the mapped gazetteer (gazetteer.c).  The input's
 * first line is a name to look up, the rest the gazetteer file (sorted
 * or not): the search must never read outside the mapping.
 */
#include "fuzz.h"

#include "artread/gazetteer.h"

static char path[128];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(path, sizeof(path), "%s/gazetteer.tsv", fuzz_tmpdir());
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "A", "Bar", "Reading", "Z\xc3\xbc",
	    "", "\t", "#", NULL };
	const uint8_t *nl = memchr(data, '\n', size);
	size_t klen = nl != NULL ? (size_t)(nl - data) : size, i;
	const char *why = NULL;
	struct gaz *g;

	fuzz_write(path, nl != NULL ? nl + 1 : data + size,
	    nl != NULL ? size - klen - 1 : 0);
	if ((g = gaz_open(path, &why)) == NULL)
		abort();	/* a regular file always opens */
	(void)gaz_lookup(g, (const char *)data, klen);
	(void)gaz_starts(g, (const char *)data, klen);
	for (i = 0; names[i] != NULL; i++) {
		(void)gaz_lookup(g, names[i], strlen(names[i]));
		(void)gaz_starts(g, names[i], strlen(names[i]));
	}
	(void)gaz_count(g);
	gaz_close(g);
	unlink(path);
	return 0;
}
