/*
 * cpindex.c: checkpoints of (byte, code point) pairs at sequence starts
 * of the one lossy decoding utf8_count uses, about every CPINDEX_STEP
 * bytes; a lookup starts from the nearest one before it.
 */
#include "artread/cpindex.h"

#include <stdlib.h>

#include "artread/utf8.h"
#include "artread/util.h"

struct mark {
	size_t	byte;
	size_t	cp;
};

struct cpindex {
	const char	*text;
	size_t		 len;
	struct mark	*marks;		/* sorted by both fields */
	size_t		 n;
	size_t		 total;		/* code points in all of text */
};

struct cpindex *
cpindex_new(const char *text, size_t len)
{
	struct cpindex *ci = xcalloc(1, sizeof *ci);
	size_t i = 0, cp = 0, k, next = 0;

	ci->text = text;
	ci->len = len;
	ci->marks = xreallocarray(NULL, len / CPINDEX_STEP + 2,
	    sizeof *ci->marks);
	while (i < len) {
		if (i >= next) {
			ci->marks[ci->n].byte = i;
			ci->marks[ci->n++].cp = cp;
			next = i + CPINDEX_STEP;
		}
		k = utf8_decode(text + i, len - i, NULL);
		i += k == 0 ? 1 : k;
		cp++;
	}
	ci->marks[ci->n].byte = len;
	ci->marks[ci->n++].cp = cp;
	ci->total = cp;
	return ci;
}

void
cpindex_free(struct cpindex *ci)
{
	if (ci == NULL)
		return;
	free(ci->marks);
	free(ci);
}

/* The last mark whose field (byte or cp) is <= v. */
static const struct mark *
mark_before(const struct cpindex *ci, size_t v, int by_cp)
{
	size_t lo = 0, hi = ci->n, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if ((by_cp ? ci->marks[mid].cp : ci->marks[mid].byte) <= v)
			lo = mid;
		else
			hi = mid;
	}
	return &ci->marks[lo];
}

size_t
cpindex_to_cp(const struct cpindex *ci, size_t off)
{
	const struct mark *m;

	if (off > ci->len)
		off = ci->len;
	m = mark_before(ci, off, 0);
	return m->cp + utf8_count(ci->text + m->byte, off - m->byte);
}

int
cpindex_to_byte(const struct cpindex *ci, size_t cp, size_t *off)
{
	const struct mark *m;
	size_t i, n, k;

	if (cp > ci->total)
		return -1;
	m = mark_before(ci, cp, 1);
	for (i = m->byte, n = m->cp; n < cp && i < ci->len; n++) {
		k = utf8_decode(ci->text + i, ci->len - i, NULL);
		i += k == 0 ? 1 : k;
	}
	*off = i;
	return 0;
}
