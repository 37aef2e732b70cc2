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

/*
 * The same a block at a time (analysis_stream): add each block [s, e)
 * and its analysis in order (mention_at(arg, s, e, &ns, &ne): the type
 * of the text's mention covering text[s, e), or -1, and its entity's
 * name [*ns, *ne)), then write.
 */
struct stats_count;
struct stats_count *stats_count_new(void);
void stats_count_add(struct stats_count *sc, const char *text, size_t len,
    size_t s, size_t e, const struct analysis *a,
    int (*mention_at)(void *, size_t, size_t, size_t *, size_t *),
    void *arg);
void stats_count_write(FILE *out, const struct stats_count *sc,
    const struct stats_opts *o);
void stats_count_free(struct stats_count *sc);
/* All of st's blocks counted (analysis_stream_next from its start), then
 * written: stats_write's output in memory that does not grow with the
 * text but for the names counted.  Each block is counted into total too
 * when it is not NULL (the totals of several articles: the same name in
 * two of them is one row, its counts added). */
struct analysis_stream;
void stats_write_stream(FILE *out, const char *text, size_t len,
    struct analysis_stream *st, const struct stats_opts *o,
    struct stats_count *total);

#endif
