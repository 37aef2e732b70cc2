/*
 * view.h: a window onto a laid-out document: where the top of the screen
 * is, scrolling, jumping, and walking display rows.  Paragraphs are laid
 * out on demand and cached, so a screen of a huge file costs what a screen
 * of a small one does.  Between paragraphs there is one blank row.
 * No curses here: the pager and --dump both use it.
 */
#ifndef ARTREAD_VIEW_H
#define ARTREAD_VIEW_H

#include <stddef.h>

#include "artread/doc.h"
#include "artread/layout.h"

#define VIEW_CACHE	256
#define VIEW_MARGIN	2	/* blank columns left and right of the text */

/* A display row: row `row` of block `para` (a paragraph, or a piece of a
 * huge one); row == nrows is the blank row after a paragraph's last block. */
struct view_pos {
	struct range	para;
	size_t		row;
};

#define VIEW_NEXT	16

struct view_cache_entry {
	struct layout_para	lp;
	unsigned long		used;
	int			valid;
};

struct view {
	const struct doc	*doc;
	struct layout_opts	 lo;
	int			 height;	/* rows of text on screen */
	int			 empty;		/* the document has no text */
	struct view_pos		 top;
	struct view_cache_entry	 cache[VIEW_CACHE];
	unsigned long		 clock;
	int			 last;		/* cache entry used last */
	struct range		 para;		/* the paragraph last found */
	int			 para_ok;
	/* The paragraphs after the last few found (a paint walks its
	 * screen's paragraphs several times: range, rows, position). */
	struct {
		struct range	 from, to;
	}			 next[VIEW_NEXT];
	int			 nnext;		/* entries in next[] */
	int			 next_at;	/* the one replaced next */
	/* Row index of the whole document, for small documents only. */
	size_t			*index_start;	/* paragraph starts */
	size_t			*index_row;	/* their first row numbers */
	size_t			 index_n;
	size_t			 total_rows;	/* 0 = not known */
	/* The & filter: only these paragraphs are shown (NULL: all). */
	struct range		*only;		/* sorted, not overlapping */
	size_t			 nonly;
};

/*
 * The left margin and the text width for a window of cols columns: the
 * pager and --dump lay out the same page.  want_width > 0 narrows the
 * text (the config's width or --width).
 */
void view_geometry(int cols, int want_width, int *margin, int *text_width);

void view_init(struct view *v, const struct doc *d, const struct layout_opts *o,
    int height);
void view_free(struct view *v);
/* Change width or reflow (re-wraps, keeping the top passage) or height. */
void view_set_layout(struct view *v, const struct layout_opts *o, int height);

/* The layout of paragraph p (cached; valid until the next view call). */
const struct layout_para *view_layout(struct view *v, const struct range *p);

/* Step a position one display row; 0 when there is no such row. */
int view_pos_next(struct view *v, struct view_pos *p);
int view_pos_prev(struct view *v, struct view_pos *p);
/* Is p a blank separator row?  Else its row's bytes go in *r. */
int view_pos_row(struct view *v, const struct view_pos *p,
    struct layout_row *r, int *headline);
/* The display position holding byte off (a byte between paragraphs,
 * after the line end of the first: the blank row between them). */
int view_pos_of(struct view *v, size_t off, struct view_pos *p);
/* The first byte a position shows (for a blank row, the byte after the
 * line end before it): view_pos_of gives the position back. */
size_t view_pos_offset(struct view *v, const struct view_pos *p);

/* Scrolling: positive n scrolls toward the end.  Returns rows moved. */
long view_scroll(struct view *v, long n);
void view_goto_top(struct view *v);
void view_goto_end(struct view *v);
/* Scroll as little as needed to show the row holding off. */
void view_show_offset(struct view *v, size_t off);
/* For a jump: unless off is in the top two thirds of the screen, show
 * its row a third of the way down. */
void view_reveal_offset(struct view *v, size_t off);
/* Put the row holding off at the top (clamped so the screen stays full). */
void view_goto_offset(struct view *v, size_t off);
void view_goto_percent(struct view *v, int pct);
/* Go to display row n (0-based) from the top of the document. */
void view_goto_row(struct view *v, size_t n);
/* Is the last row of the document on screen? */
int view_at_end(struct view *v);

/*
 * Show only the paragraphs paras[0, n) (sorted; the view takes the
 * array), or every paragraph again (NULL, 0).  The top stays on the same
 * passage where it can, else goes to the next paragraph shown.
 */
void view_filter(struct view *v, struct range *paras, size_t n);
/* off if a paragraph shown holds it, else the start of the next one
 * shown (or of the last one). */
size_t view_shown_offset(struct view *v, size_t off);

/* Total rows and the top row's number, when known (small documents). */
size_t view_total_rows(struct view *v);
int view_top_row_number(struct view *v, size_t *n);
/* The first byte on screen and the byte just after the last one. */
void view_screen_range(struct view *v, size_t *start, size_t *end);

#endif
