/*
 * fuzz_w3c.h: what the sidecar and importer targets check after a
 * successful read: every annotation, written as a sidecar line, is read
 * back by the strict reader with the same content (artread never writes
 * a sidecar it would refuse to read), and no line holds a raw ESC.
 */
#ifndef ARTREAD_FUZZ_W3C_H
#define ARTREAD_FUZZ_W3C_H

#include <stdlib.h>
#include <string.h>

#include "artread/annot.h"
#include "artread/w3c.h"

static inline void
fuzz_reads_back(const struct annot_set *set)
{
	const struct annot *a;
	struct annot *b;
	struct w3c_ctx c;
	char *line, *why = NULL;
	json_t *j;
	size_t i;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		line = w3c_line(a, &c);
		if (strchr(line, '\033') != NULL || strchr(line, '\n') != NULL)
			abort();
		if ((j = json_loads(line, JSON_REJECT_DUPLICATES, NULL)) ==
		    NULL || (b = w3c_decode(j, &c, &why)) == NULL)
			abort();	/* written, but refused when read */
		if (annot_fingerprint(a, ANNOT_FP_ALL) !=
		    annot_fingerprint(b, ANNOT_FP_ALL) || a->start != b->start ||
		    a->end != b->end || a->exact_len != b->exact_len ||
		    memcmp(a->exact, b->exact, a->exact_len) != 0)
			abort();	/* read back differently */
		annot_free(b);
		json_decref(j);
		free(line);
	}
}

#endif
