/*
 * cli.h: the non-interactive modes (--dump and friends), which use the
 * same core as the pager and are its test surface.  No curses here.
 */
#ifndef ARTREAD_CLI_H
#define ARTREAD_CLI_H

#include <stdio.h>

#include "artread/analysis.h"
#include "artread/doc.h"
#include "artread/style.h"

/* Left margin and text width for a window of cols columns. */
void cli_geometry(int cols, int want_width, int *margin, int *text_width);

/*
 * Print the document laid out as the pager shows it.  ncolors as for
 * ansi_write_line (0: plain text).  a may be NULL.
 */
void cli_dump(FILE *out, const struct doc *d, const struct analysis *a,
    unsigned layers, const struct style *el, int cols, int width,
    int reflow, int ncolors);

#endif
