/*
 * diag.h: a list of diagnostics (errors and warnings) collected while
 * loading files, shown later: on stderr before the screen starts, by
 * --check, or in the status line.  Never printed while curses runs.
 */
#ifndef ARTREAD_DIAG_H
#define ARTREAD_DIAG_H

#include <stddef.h>

#include "artread/util.h"

struct diag {
	char	**msgs;		/* "FILE:LINE: MESSAGE", without "error:" */
	int	 *is_error;
	size_t	  n;
	size_t	  errors;
	size_t	  warnings;
};

void diag_init(struct diag *d);
void diag_free(struct diag *d);
void diag_error(struct diag *d, const char *fmt, ...) AR_PRINTF(2, 3);
void diag_warning(struct diag *d, const char *fmt, ...) AR_PRINTF(2, 3);
/* Print each one as "artread: MSG" or "artread: warning: MSG", made
 * safe for a terminal (termsafe.h): a line break in MSG shows as ^J. */
void diag_print(const struct diag *d, void *stdio_file);

#endif
