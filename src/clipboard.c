/*
 * clipboard.c: OSC 52 sequences, a command fed on standard input, and
 * the text that y and Y copy.
 */
#include "artread/clipboard.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Base64 (RFC 4648, with padding) of p[0, n), appended to out. */
static void
add_base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char digit[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long group;
	size_t i, k;
	char four[4];

	for (i = 0; i < n; i += 3) {
		group = (unsigned long)p[i] << 16;
		if (i + 1 < n)
			group |= (unsigned long)p[i + 1] << 8;
		if (i + 2 < n)
			group |= p[i + 2];
		for (k = 0; k < 4; k++)
			four[k] = k <= n - i ? digit[(group >> (18 - 6 * k)) &
			    63] : '=';
		buf_add(out, four, 4);
	}
}

void
clipboard_osc52(const char *text, size_t len, struct buf *out)
{
	buf_adds(out, "\033]52;c;");
	add_base64(out, (const unsigned char *)text, len);
	buf_addc(out, '\a');
}

/* In the child: a process group of its own, stdin from the pipe,
 * stdout and stderr to /dev/null. */
static void
run_child(const char *cmd, int in)
{
	int null = open("/dev/null", O_RDWR);

	(void)setpgid(0, 0);
	if (dup2(in, STDIN_FILENO) == -1 || null == -1 ||
	    dup2(null, STDOUT_FILENO) == -1 || dup2(null, STDERR_FILENO) == -1)
		_exit(127);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether the wait is over: 2 if stop says so, 1 if the deadline
 * passed, else 0. */
static int
give_up(long deadline, int (*stop)(void))
{
	if (stop != NULL && stop())
		return 2;
	return now_ms() >= deadline;
}

/*
 * text to fd (non-blocking) until it is all written (0), the reader
 * quits (EPIPE, 0: not our error, its exit status says what happened) or
 * the wait is over (give_up's 1 or 2).  -1 and errno on a write error.
 */
static int
feed(int fd, const char *text, size_t len, long deadline, int (*stop)(void))
{
	struct pollfd pfd = { fd, POLLOUT, 0 };
	ssize_t w;
	int over;

	while (len > 0) {
		if ((w = write(fd, text, len)) > 0) {
			text += w;
			len -= (size_t)w;
		} else if (w == -1 && errno == EPIPE)
			return 0;
		else if (w == -1 && errno != EAGAIN && errno != EINTR)
			return -1;
		else if ((over = give_up(deadline, stop)) != 0)
			return over;
		else
			(void)poll(&pfd, 1, 10);
	}
	return 0;
}

/* Wait for pid until it ends (0) or the wait is over (give_up's 1 or
 * 2); -1 on error. */
static int
reap(pid_t pid, int *status, long deadline, int (*stop)(void))
{
	pid_t r;
	int over;

	for (;;) {
		if ((r = waitpid(pid, status, WNOHANG)) == pid)
			return 0;
		if (r == -1 && errno != EINTR)
			return -1;
		if ((over = give_up(deadline, stop)) != 0)
			return over;
		(void)poll(NULL, 0, 10);
	}
}

/* What the command's end says: 0, or -1 with *cause. */
static int
judge(const char *cmd, int status, char **cause)
{
	if (WIFSIGNALED(status)) {
		*cause = xasprintf("'%s' was killed by signal %d", cmd,
		    WTERMSIG(status));
		return -1;
	}
	if (WEXITSTATUS(status) != 0) {
		*cause = xasprintf("'%s' exited with status %d%s", cmd,
		    WEXITSTATUS(status), WEXITSTATUS(status) == 127 ?
		    " (not found?)" : "");
		return -1;
	}
	return 0;
}

int
clipboard_pipe(const char *cmd, const char *text, size_t len,
    int timeout_ms, int (*stop)(void), char **cause)
{
	struct sigaction ign, old;
	long deadline = now_ms() + timeout_ms;
	int fds[2], status, fed, over, werr;
	pid_t pid;

	if (cmd == NULL || *cmd == '\0') {
		*cause = xstrdup("no clipboard_command set in the config");
		return -1;
	}
	if (pipe(fds) == -1) {
		*cause = xasprintf("cannot run '%s': %s", cmd, strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		*cause = xasprintf("cannot run '%s': %s", cmd, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[1]);
		run_child(cmd, fds[0]);
	}
	(void)setpgid(pid, pid);	/* as the child does: no race */
	close(fds[0]);
	/* A command that does not read all of it must not kill us. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	(void)fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK);
	fed = feed(fds[1], text, len, deadline, stop);
	werr = errno;
	close(fds[1]);
	sigaction(SIGPIPE, &old, NULL);
	over = fed > 0 ? fed : reap(pid, &status, deadline, stop);
	if (over > 0) {
		(void)kill(-pid, SIGTERM);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		*cause = over == 2 ? xstrdup("cancelled") :
		    xasprintf("'%s' did not finish in %d s (stopped; a "
		    "clipboard command should take the text and exit)", cmd,
		    (timeout_ms + 999) / 1000);
		return -1;
	}
	if (over == -1) {
		*cause = xasprintf("'%s': %s", cmd, strerror(errno));
		return -1;
	}
	if (judge(cmd, status, cause) != 0)
		return -1;
	if (fed == -1) {
		*cause = xasprintf("cannot write to '%s': %s", cmd,
		    strerror(werr));
		return -1;
	}
	return 0;
}

/* The length of a line break at p (CRLF, LF or a lone CR), or 0. */
static size_t
break_len(const char *p, size_t n)
{
	if (n >= 2 && p[0] == '\r' && p[1] == '\n')
		return 2;
	return *p == '\n' || *p == '\r' ? 1 : 0;
}

void
clipboard_passage(const char *bytes, size_t len, struct buf *out)
{
	size_t i = 0, k, breaks;

	while (len > 0 && (bytes[len - 1] == ' ' || bytes[len - 1] == '\t' ||
	    break_len(bytes + len - 1, 1) > 0))
		len--;
	while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' ||
	    break_len(bytes + i, len - i) > 0))
		i++;
	while (i < len) {
		if (break_len(bytes + i, len - i) == 0) {
			buf_addc(out, bytes[i++]);
			continue;
		}
		/* A run of line breaks (and blanks between them). */
		for (breaks = 0; i < len; ) {
			if ((k = break_len(bytes + i, len - i)) > 0) {
				breaks++;
				i += k;
			} else if (bytes[i] == ' ' || bytes[i] == '\t')
				i++;
			else
				break;
		}
		if (breaks > 1)
			buf_adds(out, "\n\n");
		else if (out->len > 0 && out->data[out->len - 1] != ' ')
			buf_addc(out, ' ');
	}
}

void
clipboard_citation(const char *title, const char *source,
    const char *speaker, const char *note, struct buf *out)
{
	buf_adds(out, "\u2014 ");
	if (speaker != NULL && *speaker != '\0')
		buf_printf(out, "%s, quoted in ", speaker);
	if (title != NULL && *title != '\0')
		buf_printf(out, "%s, ", title);
	buf_adds(out, source);
	if (note != NULL && *note != '\0')
		buf_printf(out, ". Note: %s", note);
}
