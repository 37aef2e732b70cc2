/*
 * streams.h: the standard streams of the command line.  At start the
 * descriptors 0, 1 and 2 are made sure to be open (a closed one is
 * /dev/null opened read-only, so no file artread opens takes its number
 * and a write to it fails) and standard error is made safe for a
 * terminal (termsafe.h).  Then standard output gets its stream: made
 * safe when it is a terminal, as it is; the pager's is left to curses.
 * Every write error on standard output is caught and reported at the
 * end, with exit status 2.
 */
#ifndef ARTREAD_CLI_STREAMS_H
#define ARTREAD_CLI_STREAMS_H

enum streams_out {
	STREAMS_OUT_CURSES,	/* the pager: stdout is the screen's */
	STREAMS_OUT_TEXT,	/* made safe on a terminal, else as is */
	STREAMS_OUT_STYLED,	/* our own escapes (colours): as is */
};

/* First thing in main(): descriptors 0-2 open, stderr made safe. */
void streams_start(void);
/* Standard output for what the mode writes there. */
void streams_stdout(enum streams_out how);
/*
 * Close standard output.  If a write failed ("artread: write error: No
 * space left on device" on stderr) returns 2, else rc.
 */
int streams_finish(int rc);

#endif
