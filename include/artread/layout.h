/*
 * layout.h: bytes to display cells.  This is the one place that knows how
 * a byte of the article is shown: how UTF-8 decodes, how wide a character
 * is, how control characters, invalid bytes, tabs and line ends appear,
 * and how a paragraph wraps to a width.  Every byte <-> (row, column)
 * question is answered here.  No curses here.
 */
#ifndef ARTREAD_LAYOUT_H
#define ARTREAD_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "artread/doc.h"

/* Room for what a glyph shows: a grapheme cluster of up to 39 bytes (an
 * emoji ZWJ sequence with skin tones, a letter with many marks; the rest
 * of a longer one makes glyphs of its own) or a visible form. */
#define LAYOUT_VIS_MAX	40

enum glyph_kind {
	GLYPH_TEXT,		/* a grapheme cluster (one or more printable characters) */
	GLYPH_SPACE,		/* ASCII space */
	GLYPH_TAB,
	GLYPH_BREAK,		/* a line end: LF, CRLF, or a CR-only file's CR */
	GLYPH_CONTROL,		/* shown visibly: ^[, ^G, <U+202E> */
	GLYPH_INVALID,		/* a byte that is not valid UTF-8: shown as U+FFFD */
	GLYPH_HIDDEN,		/* a leading byte order mark */
};

/*
 * One unit of the text and how it shows: a grapheme cluster (a letter and
 * its combining marks, an emoji sequence, a flag) is one glyph, so the
 * cursor steps over it in one move; a character shown by its code point
 * (<U+200D>) is a glyph of its own, and so is each invalid byte.
 */
struct glyph {
	size_t		 off;		/* first byte */
	size_t		 len;		/* bytes it covers (>= 1) */
	uint32_t	 cp;		/* (first) code point, or the byte if invalid */
	int		 width;		/* cells (a tab's depends on its column) */
	enum glyph_kind	 kind;
	char		 vis[LAYOUT_VIS_MAX];	/* what to draw: safe UTF-8, NUL-ended */
};

/* Decode the glyph at off (off < d->len). */
void layout_glyph(const struct doc *d, size_t off, struct glyph *g);
/*
 * The first byte of the glyph holding byte off (off < d->len): glyphs
 * found walking from any earlier boundary are the same, so this agrees
 * with the rows and cells.  With layout_glyph it steps the cursor.
 */
size_t layout_glyph_start(const struct doc *d, size_t off);
/*
 * Is cp valid but able to hide or disguise text (C1 and bidi controls,
 * zero-width characters, ...)?  Such a character is shown as <U+XXXX>.
 */
int layout_is_disguising(uint32_t cp);

struct layout_opts {
	int	width;		/* text columns, >= 1 */
	int	reflow;		/* join a paragraph's lines and re-wrap */
};

/* A display row: the bytes [start, end) it shows. */
struct layout_row {
	size_t	start;
	size_t	end;
};

struct layout_para {
	struct range		 para;
	struct layout_row	*rows;		/* at least one */
	size_t			 nrows;
	int			 headline;
};

void layout_para(const struct doc *d, const struct range *p,
    const struct layout_opts *o, struct layout_para *out);
void layout_para_free(struct layout_para *lp);

/* A cell run on screen: one glyph, or a collapsed run of white space. */
struct layout_cell {
	size_t		 off;		/* bytes [off, off + len) */
	size_t		 len;
	int		 col;		/* first column */
	int		 width;		/* columns taken (0 for combining marks) */
	enum glyph_kind	 kind;
	char		 vis[LAYOUT_VIS_MAX];	/* what to draw (spaces for a tab) */
};

/* A growable array of cells. */
struct layout_cells {
	struct layout_cell	*v;
	size_t			 n;
	size_t			 cap;
};

/* Lay out one row into cells (replacing what cells held). */
void layout_row_cells(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, struct layout_cells *cells);

/*
 * The cell of row r at byte i (i < r->end), starting at column col, into
 * *c; returns the byte after it.  layout_row_cells makes a row's cells
 * with it (and its plain ASCII a run at a time); the painter walks a
 * row with it without keeping the cells (paint_row).
 */
size_t layout_cell_at(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, size_t i, int col, struct layout_cell *c);

/* Is the byte at off a glyph alone, one column of printable ASCII that
 * nothing joins (layout_glyph's commonest case, space aside)?  Its cell
 * is the byte itself (GLYPH_TEXT, width 1). */
static inline int
layout_plain_ascii(const struct doc *d, size_t off)
{
	const unsigned char *s = (const unsigned char *)d->bytes + off;

	return s[0] > 0x20 && s[0] < 0x7f && (off + 1 >= d->len ||
	    s[1] < 0x80);
}

/* A space between words: ' ' with printable ASCII other than a space
 * after it, or the end (off < end <= d->len).  Its glyph is one space,
 * a white space run of its own: its cell is ' ' (GLYPH_SPACE, width 1). */
static inline int
layout_lone_space(const struct doc *d, size_t off, size_t end)
{
	const unsigned char *s = (const unsigned char *)d->bytes + off;

	return s[0] == ' ' && (off + 1 >= end || (s[1] > 0x20 && s[1] < 0x7f));
}
void layout_cells_free(struct layout_cells *cells);

/* The row of lp holding byte off (the nearest row for bytes between). */
size_t layout_row_of(const struct layout_para *lp, size_t off);
/* The column of byte off in a row's cells, and the byte at a column. */
int layout_col_of(const struct layout_cells *cells, size_t off);
size_t layout_off_at_col(const struct layout_cells *cells, int col,
    size_t row_end);

/*
 * Display width of a short UTF-8 string that is not article text (a
 * prompt, a file name, a message, already made safe): wide characters
 * count 2, combining marks 0, an invalid byte 1.  And how many of its
 * first bytes fit in max columns (never cutting a character).
 */
int layout_text_width(const char *s, size_t n);
size_t layout_text_fit(const char *s, size_t n, int max);

#endif
