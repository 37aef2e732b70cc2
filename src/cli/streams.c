/*
 * streams.c: the standard streams of the command line (streams.h).
 * stdout and stderr are replaced by termsafe streams on the same
 * descriptors (glibc lets a program assign them); a write error is noted
 * by the stream itself, since stdio forgets it once its buffer is gone.
 */
#include "cli/streams.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/termsafe.h"

#define EXIT_TROUBLE	2
#define OUT_BUFSIZE	65536

static FILE	*real_stdout;	/* stdio's own, restored at the end */
static FILE	*real_stderr;
static int	 out_error;	/* errno of the first failed write */

/* At exit (also through exit() or fatalx): our streams flushed and
 * closed, stdio's own back in place. */
static void
streams_atexit(void)
{
	if (real_stdout != NULL) {
		fclose(stdout);
		stdout = real_stdout;
		real_stdout = NULL;
	}
	if (real_stderr != NULL) {
		fclose(stderr);
		stderr = real_stderr;
		real_stderr = NULL;
	}
}

void
streams_start(void)
{
	FILE *err;
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* Read-only: a write to a closed stdout still fails. */
		if (open("/dev/null", O_RDONLY) != fd)
			_exit(EXIT_TROUBLE);
	}
	/* messages: a tab in a name or tag they quote shows (^I) */
	if ((err = termsafe_fdopen(STDERR_FILENO, TERMSAFE_LINES |
	    TERMSAFE_TABS, NULL)) != NULL) {
		setvbuf(err, NULL, _IOLBF, BUFSIZ);
		real_stderr = stderr;
		stderr = err;
	}
	atexit(streams_atexit);
}

void
streams_stdout(enum streams_out how)
{
	unsigned flags = TERMSAFE_RAW;
	FILE *out;

	if (how == STREAMS_OUT_CURSES)
		return;
	if (how == STREAMS_OUT_TEXT && isatty(STDOUT_FILENO))
		flags = TERMSAFE_LINES;
	fflush(stdout);
	if ((out = termsafe_fdopen(STDOUT_FILENO, flags, &out_error)) == NULL)
		return;
	setvbuf(out, NULL, _IOFBF, OUT_BUFSIZE);
	real_stdout = stdout;
	stdout = out;
}

int
streams_finish(int rc)
{
	int failed = ferror(stdout), closed;

	errno = 0;
	closed = fclose(stdout);
	if (closed != 0 && out_error == 0)
		out_error = errno;
	if (real_stdout != NULL)
		stdout = real_stdout;
	real_stdout = NULL;
	if (failed || closed != 0) {
		fprintf(stderr, "artread: write error: %s\n",
		    strerror(out_error != 0 ? out_error : EIO));
		return EXIT_TROUBLE;
	}
	return rc;
}
