/*
 * termsafe.h: text made safe for a terminal, the one place that decides
 * how.  What the pager shows visibly is shown the same way here: ASCII
 * controls as ^[ ^G ^? (a tab stays a tab, but in messages), C1 and bidi controls,
 * zero-width and other characters that hide or disguise text as
 * <U+202E>, each byte that is not valid UTF-8 as U+FFFD.  Nothing that
 * comes out can move the cursor, clear the screen, set the window title
 * or reorder text.  Used for every message (diag_print, the CLI's
 * standard error) and for what the CLI prints to a terminal; files
 * written with -o, pipes and redirections keep the exact bytes.
 */
#ifndef ARTREAD_TERMSAFE_H
#define ARTREAD_TERMSAFE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "artread/util.h"

/* Flags. */
#define TERMSAFE_LINES	0x1	/* keep \n and \r\n (else ^J, ^M) */
#define TERMSAFE_RAW	0x2	/* a stream that passes bytes unchanged */
#define TERMSAFE_TABS	0x4	/* a tab too as ^I (else kept): a message,
				   where a tab in what it quotes would hide
				   as blank space */

/* A conversion that may be fed in pieces (a character split between
 * two pieces is kept until the next). */
struct termsafe {
	unsigned	flags;
	int		emoji;		/* inside an emoji sequence */
	char		pend[8];	/* an incomplete character */
	size_t		npend;
};

void termsafe_init(struct termsafe *ts, unsigned flags);
/* Append the safe form of s[0, n) to out. */
void termsafe_feed(struct termsafe *ts, const char *s, size_t n,
    struct buf *out);
/* The end of the text: an incomplete character left is shown. */
void termsafe_end(struct termsafe *ts, struct buf *out);

/* s made safe, a new string; with flags 0 a line break is shown too
 * (^J), so one message stays one line. */
char *termsafe_str(const char *s, unsigned flags);
/* Is s[0, n) unchanged by termsafe_feed with flags? */
int termsafe_is_safe(const char *s, size_t n, unsigned flags);

/*
 * A buffered stream that writes the safe form of what is written to it
 * (TERMSAFE_RAW: the bytes as they are) to the descriptor fd, which it
 * does not close.  *err (if not NULL) gets the first write error's errno,
 * so a failure is known even after stdio dropped the buffer.  NULL if no
 * stream can be made.
 */
FILE *termsafe_fdopen(int fd, unsigned flags, int *err);

#endif
