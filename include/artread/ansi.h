/*
 * ansi.h: the --dump backend: painted lines as text with ANSI SGR colour
 * sequences (or none).  The only escape sequences it writes are the SGR
 * ones it makes itself.  No curses here.
 */
#ifndef ARTREAD_ANSI_H
#define ARTREAD_ANSI_H

#include <stdio.h>

#include "artread/paint.h"
#include "artread/style.h"
#include "artread/util.h"

/* Colours a terminal named TERM offers (256, 16, 8, or 0 for none). */
int ansi_colors_for_term(const char *term);

/* Append the SGR sequence that sets st (after a reset). */
void ansi_sgr(struct buf *b, struct style st, int ncolors);

/*
 * Write a painted line: margin spaces, then the runs.  ncolors > 0: SGR
 * with colours; ncolors < 0: SGR with attributes only; 0: plain text.
 */
void ansi_write_line(FILE *out, int margin, const struct paint_line *l,
    int ncolors);
/* The same line appended to b. */
void ansi_line_to(struct buf *b, int margin, const struct paint_line *l,
    int ncolors);

#endif
