/*
 * diag.h: a list of diagnostics (errors and warnings) collected while
 * loading files, shown later: on stderr before the screen starts, by
 * --check, or in the status line.  Never printed while curses runs.
 */
#ifndef ARTREAD_DIAG_H
#define ARTREAD_DIAG_H

#include <stddef.h>

#include "artread/util.h"

/* Messages kept: a file of a million bad lines is counted, not listed. */
#define DIAG_MAX	200

struct diag {
	char	**msgs;		/* "FILE:LINE: MESSAGE", without "error:" */
	int	 *is_error;
	size_t	  n;		/* kept, at most DIAG_MAX */
	size_t	  errors;	/* all of them, kept or not */
	size_t	  warnings;
	size_t	  dropped;	/* past DIAG_MAX: counted only */
};

void diag_init(struct diag *d);
void diag_free(struct diag *d);
void diag_error(struct diag *d, const char *fmt, ...) AR_PRINTF(2, 3);
void diag_warning(struct diag *d, const char *fmt, ...) AR_PRINTF(2, 3);
/* Print each one as "artread: MSG" or "artread: warning: MSG", made
 * safe for a terminal (termsafe.h): a line break in MSG shows as ^J;
 * then how many more there were, if any were dropped. */
void diag_print(const struct diag *d, void *stdio_file);

#endif
