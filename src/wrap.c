/*
 * wrap.c: breaking text that is not the article into rows of a width
 * (notes, help lines, the tag palette).  The article itself is laid out
 * by layout.c, which knows about paragraphs, reflow and controls.
 */
#include "artread/wrap.h"

#include <string.h>

#include "artread/layout.h"
#include "artread/util.h"

static void
push(struct wrap_row **v, size_t *n, size_t start, size_t end)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*n)++;
}

/* How many bytes of s[0, len) (longer than a row) go on this row. */
static size_t
row_bytes(const char *s, size_t len, int cols)
{
	size_t fit = layout_text_fit(s, len, cols), brk;

	for (brk = fit; brk > 0 && s[brk - 1] != ' '; brk--)
		;
	if (brk > 0)
		return brk;
	if (fit > 0)
		return fit;		/* a word longer than the row */
	for (fit = 1; fit < len && ((unsigned char)s[fit] & 0xc0) == 0x80;
	    fit++)
		;			/* one character wider than the row */
	return fit;
}

size_t
wrap_text(const char *s, size_t len, int cols, struct wrap_row **rows)
{
	struct wrap_row *v = NULL;
	size_t n = 0, start = 0, eol, k;
	const char *nl;

	if (cols < 1)
		cols = 1;
	for (;;) {
		nl = memchr(s + start, '\n', len - start);
		eol = nl != NULL ? (size_t)(nl - s) : len;
		if (start == eol)
			push(&v, &n, start, eol);
		while (start < eol) {
			/* layout_text_fit looks at one row's worth only, so a
			 * long line costs what its rows do. */
			k = layout_text_fit(s + start, eol - start, cols);
			if (k < eol - start)
				k = row_bytes(s + start, eol - start, cols);
			/* Spaces where it breaks stay on the row (past its
			 * edge if need be): no row starts with one. */
			while (start + k < eol && s[start + k] == ' ')
				k++;
			push(&v, &n, start, start + k);
			start += k;
		}
		if (eol == len)
			break;
		start = eol + 1;
	}
	*rows = v;
	return n;
}

size_t
wrap_row_of(const struct wrap_row *rows, size_t n, size_t off)
{
	size_t r = 0;

	while (r + 1 < n && rows[r + 1].start <= off)
		r++;
	return r;
}
