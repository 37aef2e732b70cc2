/*
 * ptytime.c: how long a pager takes to paint, measured at the terminal
 * itself: the program runs on a pseudo-terminal of the given size that
 * this program holds, every byte it writes is read back the moment it
 * is written (poll), and the clock (CLOCK_MONOTONIC) stops when the
 * text written so far shows the string looked for.  No terminal
 * emulator and no polling of a screen in between, so there is no floor
 * but fork and exec (the same for every program): the times are the
 * programs' own, to a few microseconds.
 *
 *   ptytime [-s COLSxROWS] [-t MS] [-q MS] [-k KEYS -e TEXT] TEXT -- CMD...
 *
 * Prints one line: "first FIRST_MS done DONE_MS [keys KEYS_MS kdone
 * KDONE_MS] rss RSS_KB", where
 *   first   TEXT has been written (the first screen is up: curses and
 *           less write a screen in one go);
 *   done    the last byte before the program fell quiet for -q MS
 *           (default 300): the screen as it ends up (artread paints its
 *           highlights in after the first screen);
 *   keys    after done, KEYS are typed (-k; "\n" and "\e" understood)
 *           and the clock runs again until TEXT (-e) has been written;
 *   kdone   and until the program is quiet again;
 *   rss     VmRSS of the program and every process under it, when all
 *           that is done.
 * A time over -t MS (default 15000) prints ">MS" and ends the run.  Then
 * the program gets 'q', SIGTERM and, if need be, SIGKILL.
 *
 * The text written is matched with escape sequences taken out: SGR and
 * the other CSI and OSC sequences vanish, a cursor move to the right
 * (CSI n C) is n spaces, a cursor position (CSI H) or line feed a line
 * break.  Terminal queries (device attributes, cursor position) are
 * answered as a VT220-like terminal would, so no program waits for an
 * answer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct screen {
	char	*text;		/* what was written, escapes taken out */
	size_t	 len;
	size_t	 cap;
	int	 state;		/* 0 text, 1 ESC, 2 CSI, 3 OSC, 4 OSC ESC, 5 skip one */
	char	 csi[64];
	size_t	 ncsi;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
add(struct screen *s, char c)
{
	if (s->len + 2 > s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1 << 16;
		if ((s->text = realloc(s->text, s->cap)) == NULL)
			exit(2);
	}
	s->text[s->len++] = c;
	s->text[s->len] = '\0';
}

/* A CSI sequence ended with final: what it means for the text, and the
 * answer it asks for (written to fd). */
static void
csi(struct screen *s, char final, int fd)
{
	int n = atoi(s->csi[0] == '?' || s->csi[0] == '>' ? s->csi + 1 : s->csi);
	ssize_t w = 0;

	if (final == 'C') {
		for (n = n < 1 ? 1 : n; n > 0; n--)
			add(s, ' ');
	} else if (final == 'H' || final == 'f' || final == 'd')
		add(s, '\n');
	else if (final == 'c' && s->csi[0] != '>')
		w = write(fd, "\033[?62;22c", 9);	/* a VT220 */
	else if (final == 'c')
		w = write(fd, "\033[>1;10;0c", 10);
	else if (final == 'n' && n == 6)
		w = write(fd, "\033[1;1R", 6);
	(void)w;
}

static void
feed(struct screen *s, const char *buf, size_t n, int fd)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];

		switch (s->state) {
		case 0:
			if (c == 0x1b)
				s->state = 1;
			else if (c == '\n' || c == '\r')
				add(s, '\n');
			else if (c >= 0x20 || c == '\t')
				add(s, (char)c);
			break;
		case 1:
			s->ncsi = 0;
			s->state = c == '[' ? 2 : c == ']' ? 3 :
			    (c == '(' || c == ')' || c == '#') ? 5 : 0;
			break;
		case 2:
			if (c >= 0x40 && c <= 0x7e) {
				s->csi[s->ncsi] = '\0';
				csi(s, (char)c, fd);
				s->state = 0;
			} else if (s->ncsi + 1 < sizeof s->csi)
				s->csi[s->ncsi++] = (char)c;
			break;
		case 3:
			if (c == 0x07)
				s->state = 0;
			else if (c == 0x1b)
				s->state = 4;
			break;
		case 4:
			s->state = c == '\\' ? 0 : 3;
			break;
		default:
			s->state = 0;
			break;
		}
	}
}

/* Read what the program writes until want shows in the text (from
 * s->text + from) or, want NULL, until it is quiet for quiet_ms.  The
 * time the condition was met, or -1 past deadline (or at EOF). */
static double
wait_for(int fd, struct screen *s, size_t from, const char *want,
    double quiet_ms, double deadline)
{
	char buf[65536];
	double last = now_ms(), t;
	struct pollfd pfd = { fd, POLLIN, 0 };
	ssize_t n;
	int r, timeout;

	for (;;) {
		t = now_ms();
		if (want == NULL && t - last >= quiet_ms)
			return last;
		if (t >= deadline)
			return -1;
		timeout = (int)(deadline - t) + 1;
		if (want == NULL && quiet_ms - (t - last) < timeout)
			timeout = (int)(quiet_ms - (t - last)) + 1;
		if ((r = poll(&pfd, 1, timeout)) < 0 && errno != EINTR)
			return -1;
		if (r <= 0)
			continue;
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			return want == NULL ? last : -1;
		last = now_ms();
		feed(s, buf, (size_t)n, fd);
		if (want != NULL && strstr(s->text + from, want) != NULL)
			return last;
	}
}

/* VmRSS in kB of pid and every process under it. */
static long
tree_rss(pid_t pid)
{
	char path[64], line[256], kids[4096], *p, *end;
	long kb = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, f) != NULL)
			if (strncmp(line, "VmRSS:", 6) == 0)
				kb = atol(line + 6);
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid,
	    (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(kids, sizeof kids, f) != NULL)
			for (p = kids; *p != '\0'; p = end) {
				long c = strtol(p, &end, 10);

				if (end == p)
					break;
				kb += tree_rss((pid_t)c);
			}
		fclose(f);
	}
	return kb;
}

/* "\n" and "\e" in keys, as bytes. */
static size_t
unescape(const char *in, char *out)
{
	size_t n = 0;

	for (; *in != '\0'; in++) {
		if (in[0] == '\\' && in[1] == 'n')
			out[n++] = '\r', in++;
		else if (in[0] == '\\' && in[1] == 'e')
			out[n++] = 0x1b, in++;
		else
			out[n++] = *in;
	}
	return n;
}

static void
show(const char *name, double t, double t0, double timeout)
{
	if (t < 0)
		printf("%s >%.0f ", name, timeout);
	else
		printf("%s %.3f ", name, t - t0);
}

static void
usage(void)
{
	fprintf(stderr, "usage: ptytime [-s COLSxROWS] [-t MS] [-q MS] "
	    "[-k KEYS -e TEXT] TEXT -- CMD...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 24, 80, 0, 0 };
	double timeout = 15000, quiet = 300, t0, t1, t2, t3 = -1, t4 = -1;
	const char *keys = NULL, *end_text = NULL, *want;
	struct screen s;
	char kbuf[256];
	pid_t pid;
	int c, fd, status, cols, rows;

	while ((c = getopt(argc, argv, "+s:t:q:k:e:")) != -1) {
		switch (c) {
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2)
				usage();
			ws.ws_col = (unsigned short)cols;
			ws.ws_row = (unsigned short)rows;
			break;
		case 't': timeout = atof(optarg); break;
		case 'q': quiet = atof(optarg); break;
		case 'k': keys = optarg; break;
		case 'e': end_text = optarg; break;
		default: usage();
		}
	}
	if (optind + 2 > argc || strcmp(argv[optind + 1], "--") != 0 ||
	    optind + 2 >= argc || (keys == NULL) != (end_text == NULL))
		usage();
	want = argv[optind];
	memset(&s, 0, sizeof s);
	add(&s, '\0');
	s.len = 0;
	t0 = now_ms();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("ptytime: forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[optind + 2], argv + optind + 2);
		_exit(127);
	}
	t1 = wait_for(fd, &s, 0, want, 0, t0 + timeout);
	show("first", t1, t0, timeout);
	t2 = t1 < 0 ? -1 : wait_for(fd, &s, 0, NULL, quiet, t1 + timeout);
	show("done", t2, t0, timeout);
	if (keys != NULL && t2 >= 0) {
		size_t from = s.len, n = unescape(keys, kbuf);
		double k0 = now_ms();

		if (write(fd, kbuf, n) != (ssize_t)n)
			perror("ptytime: write");
		t3 = wait_for(fd, &s, from, end_text, 0, k0 + timeout);
		show("keys", t3, k0, timeout);
		t4 = t3 < 0 ? -1 : wait_for(fd, &s, from, NULL, quiet,
		    t3 + timeout);
		show("kdone", t4, k0, timeout);
	}
	printf("rss %ld\n", tree_rss(pid));
	fflush(stdout);
	/* q, and a few seconds to leave (a program under valgrind writes
	 * its profile); then the signals */
	if (write(fd, "q", 1) < 0)
		perror("ptytime: write");
	t0 = now_ms();
	while (waitpid(pid, &status, WNOHANG) == 0 && now_ms() - t0 < 5000) {
		char buf[4096];

		if (wait_for(fd, &s, s.len, "\001never\001", 0, now_ms() + 10) < 0 &&
		    read(fd, buf, 0) < 0)
			break;
	}
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(-pid, SIGTERM);
		usleep(20000);
		if (waitpid(pid, &status, WNOHANG) == 0) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
		}
	}
	close(fd);
	free(s.text);
	return t1 < 0 ? 1 : 0;
}
