/*
 * analysis.h: what the rules find in an article: quoted passages (with
 * their speakers) and named entities.  Every position is a byte offset
 * into the text as read, [start, end).  No curses here.
 */
#ifndef ARTREAD_ANALYSIS_H
#define ARTREAD_ANALYSIS_H

#include <stddef.h>

#include "artread/ent_type.h"

struct buf;

struct rules;

struct entity {
	size_t		start;
	size_t		end;
	enum ent_type	type;
};

enum quote_flag {
	QUOTE_SCARE	 = 1 << 0,	/* one or two words: shown quietly */
	QUOTE_UNBALANCED = 1 << 1,	/* never closed: ends at its paragraph */
};

struct quote {
	size_t		start;		/* the opening mark */
	size_t		end;		/* just after the closing mark */
	/* The speaker by the fullest name the article gives ("Zhou Mingyu",
	 * "National Anticorruption Directorate"), which listings and
	 * exports show; both 0 if unknown. */
	size_t		speaker_start;
	size_t		speaker_end;
	unsigned	flags;
	/* Where this quote's attribution names the speaker ("Zhou", "the
	 * DNA"), highlighted with it; both 0 when that is the speaker span
	 * itself (or the speaker is a pronoun's person). */
	size_t		said_start;
	size_t		said_end;
};

struct analysis {
	struct entity	*ents;		/* sorted by start */
	size_t		 nents;
	struct quote	*quotes;	/* sorted by start */
	size_t		 nquotes;
	size_t		*canon;		/* per mention: analysis_canon() */
	/* A block of a longer text (analysis_stream_next): ents[nents,
	 * nnamed) are mentions outside it that name some in it (canon
	 * points there); 0 or nents otherwise. */
	size_t		 nnamed;
};

/*
 * Analyse text[0, len) (any bytes: invalid UTF-8 and NULs are allowed).
 * Offsets in the result are relative to text.  out must be freed with
 * analysis_free.
 */
void analysis_run(const struct rules *r, const char *text, size_t len,
    struct analysis *out);
void analysis_free(struct analysis *a);

/*
 * One entity, many mentions: the index of the mention that names the
 * entity of mention i most fully (i itself if none does better).  The
 * mentions of one person or organisation ("Zhou Mingyu", "Zhou"; "DNA",
 * "National Anticorruption Directorate") share it: group by it.
 */
size_t analysis_canon(const struct analysis *a, size_t i);
/* How many of a->ents canon may point to (a->nents, or a->nnamed). */
size_t analysis_named(const struct analysis *a);

struct diag;
/* The same, reporting rules that hit a match limit in d (may be NULL). */
void analysis_run_diag(const struct rules *r, const char *text, size_t len,
    struct analysis *out, struct diag *d);

/*
 * Threads for analysing a long text: n, or 0 for one a core (the
 * default; -j and the config's threads set it).  The result is the same
 * whatever the number.
 */
void analysis_set_threads(int n);
int analysis_threads(void);
/*
 * A long text is analysed in blocks of about this many bytes (0: the
 * default, 1 MiB); tests make them small.  analysis_blocks gives the
 * boundaries it would use for t[0, len): (*bounds)[0] = 0 < ... <
 * (*bounds)[n] = len, each a paragraph start after a blank line where
 * the rules' segments end; n blocks (free *bounds).
 */
void analysis_set_block_size(size_t bytes);

/*
 * The analysis of a long text a block at a time, in memory that does
 * not grow with the text but for what must span it (the names voted,
 * the names of the persons and organisations; while they are linked,
 * 4 bytes a mention of them, coref_linker): open reads the whole text once; next gives
 * each block's analysis in order, the same mentions, links and quotes
 * analysis_run gives for that part of the text, valid until the next
 * call (NULL at the end; *start, *end: the block).  A text of one block
 * is analysed whole.  What is kept a mention (8 bytes, 16 more for a
 * person or organisation) goes to a temporary file past a few MB
 * (spill.h: in $TMPDIR, else /tmp); analysis_set_spill_limit sets how
 * much a tape keeps in memory (0: the default; tests make it small).
 */
void analysis_set_spill_limit(size_t bytes);
struct analysis_stream;
struct analysis_stream *analysis_stream_open(const struct rules *r,
    const char *text, size_t len, struct diag *d);
const struct analysis *analysis_stream_next(struct analysis_stream *st,
    size_t *start, size_t *end);
/* The type of the mention of the whole text that covers text[s, e)
 * (exactly or holding it: coref_mention_at), or -1; its entity's name
 * in [*ns, *ne) (coref_name).  From one thread at a time (it keeps the
 * block it read last). */
int analysis_stream_mention_at(struct analysis_stream *st, size_t s,
    size_t e, size_t *ns, size_t *ne);
void analysis_stream_close(struct analysis_stream *st);
/* How many windows the blocks' quotes were read in so far: about one a
 * block, more where a look went past a window, fewer where blocks next
 * to each other share one (for tests: the work is bounded). */
size_t analysis_stream_windows(struct analysis_stream *st);
size_t analysis_blocks(const char *t, size_t len, size_t want,
    size_t **bounds);

/*
 * The same blocks through a pipeline: each block's analysis is made on
 * up to analysis_threads() threads, a few blocks ahead of the one given
 * out (one a thread and two more), and handed at once, in the thread
 * that made it, to work (may be NULL), which puts what it makes of it in
 * the piece (out, note); next gives the pieces in block order, in the
 * calling thread, each valid until the next call.  So a listing is
 * formatted and a dump painted in the threads, and only written in
 * order.  With one thread, each block is made when next asks for it.
 * Not to be mixed with analysis_stream_next on one stream; close the
 * pipe before the stream.
 */
struct analysis_piece {
	size_t		 k;		/* the block, from 0 */
	size_t		 start;		/* its bytes */
	size_t		 end;
	struct analysis	 an;		/* as analysis_stream_next gives it */
	struct buf	*out;		/* for work: emptied for each piece */
	size_t		 note[4];	/* for work: zeroed for each piece */
	int		 borrowed;	/* (an belongs to the stream) */
};
typedef void (*analysis_work)(void *arg, struct analysis_piece *j);
struct analysis_pipe;
struct analysis_pipe *analysis_pipe_open(struct analysis_stream *st,
    analysis_work work, void *arg);
struct analysis_piece *analysis_pipe_next(struct analysis_pipe *p);
void analysis_pipe_close(struct analysis_pipe *p);

#endif
