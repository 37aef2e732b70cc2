/*
 * dump.h: the document laid out and painted as the pager shows it,
 * written as text (with SGR colours or without) to a stream: what
 * --dump prints.  No curses here.
 */
#ifndef ARTREAD_DUMP_H
#define ARTREAD_DUMP_H

#include <stdio.h>

#include "artread/analysis.h"
#include "artread/doc.h"
#include "artread/style.h"

/*
 * Write every display row of d to out, for a window of cols columns and
 * a text width of at most width (0: the window's; see view_geometry).
 * layers and el as for paint_add_analysis; ncolors as for
 * ansi_write_line (0: plain text).  a may be NULL.
 */
void dump_write(FILE *out, const struct doc *d, const struct analysis *a,
    unsigned layers, const struct style *el, int cols, int width,
    int reflow, int ncolors);
/* The same, the analysis a block at a time (NULL: none), in memory that
 * does not grow with the text. */
void dump_write_stream(FILE *out, const struct doc *d,
    struct analysis_stream *st, unsigned layers, const struct style *el,
    int cols, int width, int reflow, int ncolors);

#endif
