/*
 * paint.h: from laid-out rows and highlight layers to styled runs of safe
 * text.  Both backends (the curses pager and the ANSI --dump) draw what
 * paint gives them, so --dump shows exactly what the pager shows.  Article
 * bytes reach a terminal only through here: every run holds the visible
 * forms layout chose, never raw control bytes.  No curses here.
 */
#ifndef ARTREAD_PAINT_H
#define ARTREAD_PAINT_H

#include <stddef.h>

#include "artread/analysis.h"
#include "artread/doc.h"
#include "artread/layout.h"
#include "artread/style.h"
#include "artread/util.h"

/* Layer priorities: a higher layer is drawn over a lower one. */
enum paint_prio {
	PAINT_PRIO_QUOTE	= 10,
	PAINT_PRIO_ENTITY	= 20,
	PAINT_PRIO_QUOTE_MARK	= 25,
	PAINT_PRIO_SPEAKER	= 26,
	PAINT_PRIO_ANNOT	= 30,
	PAINT_PRIO_SEARCH	= 40,
	PAINT_PRIO_CURRENT	= 41,
	PAINT_PRIO_SELECTION	= 50,
	PAINT_PRIO_CURSOR	= 60,
};

/* A highlighted byte range. */
struct paint_hl {
	size_t		start;
	size_t		end;
	int		prio;
	struct style	st;
};

struct paint_hls {
	struct paint_hl	*v;
	size_t		 n;
	size_t		 cap;
};

void paint_hls_add(struct paint_hls *h, size_t start, size_t end, int prio,
    struct style st);
void paint_hls_reset(struct paint_hls *h);
void paint_hls_free(struct paint_hls *h);

enum paint_layer {
	PAINT_LAYER_QUOTES	= 1 << 0,
	PAINT_LAYER_ENTITIES	= 1 << 1,
};

/*
 * Add the analysis' highlights that touch [start, end): quotes (quiet
 * for scare quotes), their marks and speakers, entities by type.
 */
void paint_add_analysis(struct paint_hls *h, const struct doc *d,
    const struct analysis *a, unsigned layers, const struct style *el,
    size_t start, size_t end);

/* A run of cells in one style; text is safe UTF-8 in the line's buffer. */
struct paint_run {
	size_t		text_off;
	size_t		text_len;
	int		cols;
	struct style	st;
};

struct paint_line {
	struct buf		 text;
	struct paint_run	*runs;
	size_t			 nruns;
	size_t			 cap;
	int			 cols;
};

void paint_line_init(struct paint_line *l);
void paint_line_reset(struct paint_line *l);
void paint_line_free(struct paint_line *l);
/* Append text in a style (text must already be safe). */
void paint_line_add(struct paint_line *l, const char *s, size_t n, int cols,
    struct style st);

/*
 * Paint one row of at most max_cols columns: base style (text or
 * headline), then the highlights by priority.
 */
void paint_row(const struct doc *d, const struct layout_row *r,
    const struct layout_opts *o, int headline, const struct style *el,
    const struct paint_hls *h, int max_cols, struct paint_line *out);

#endif
