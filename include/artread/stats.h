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
	int			 ncolors;	/* bars in colour (> 0, as
						   ansi_sgr), or plain (<= 0) */
	const struct style	*el;		/* the theme's, if ncolors != 0 */
	int			 width;		/* columns; bars shrink to fit */
};

/* Write the summary of text[0, len) and its analysis to out. */
void stats_write(FILE *out, const char *text, size_t len,
    const struct analysis *a, const struct stats_opts *o);

#endif
