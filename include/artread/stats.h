/*
 * stats.h: the --stats summary, a small dashboard: who is quoted (how
 * often, how many words), the most mentioned people, organisations and
 * places (by full name, names.h), and the share of words in quotes, with
 * proportional bars.  No curses here.
 */
#ifndef ARTREAD_STATS_H
#define ARTREAD_STATS_H

#include <stddef.h>
#include <stdio.h>

#include "artread/style.h"

struct analysis;

struct stats_opts {
	int			 bars;		/* draw bars (on a terminal) */
	int			 unicode;	/* block characters, else '#' */
	int			 ncolors;	/* as ansi_write_line: > 0 colours,
						   < 0 attributes, 0 none */
	const struct style	*el;		/* the theme's, if ncolors != 0 */
	int			 width;		/* columns; bars shrink to fit */
};

/* Write the summary of text[0, len) and its analysis to out. */
void stats_write(FILE *out, const char *text, size_t len,
    const struct analysis *a, const struct stats_opts *o);

#endif
