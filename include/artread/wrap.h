/*
 * wrap.h: plain text that is not the article (notes, help lines, the tag
 * palette) broken into rows of a width in cells, at spaces where it can
 * be.  The text must already be safe to show (see the pager's
 * draw_make_safe) except for '\n', which always ends a row.  Widths come
 * from layout_text_width.  No curses here.
 */
#ifndef ARTREAD_WRAP_H
#define ARTREAD_WRAP_H

#include <stddef.h>

/* One row: the bytes [start, end) of the text, without the '\n'. */
struct wrap_row {
	size_t	start;
	size_t	end;
};

/*
 * Break s[0, len) into rows of at most cols cells: at each '\n'; inside
 * a line, after the last space that fits (spaces where a row breaks
 * stay on it, even past its edge: rows cover the text without a gap),
 * or, for a word longer than a row, where the row is full.  Every line
 * gives at least one row, so "" is one empty row and a text ending in
 * '\n' ends with an empty row.  Returns the number of rows; *rows gets
 * them (free it).
 */
size_t wrap_text(const char *s, size_t len, int cols, struct wrap_row **rows);

/* The row holding byte off: where a row ends and the next starts (a wrap
 * inside a line), the next one. */
size_t wrap_row_of(const struct wrap_row *rows, size_t n, size_t off);

#endif
