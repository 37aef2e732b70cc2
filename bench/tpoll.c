/* tpoll: run a command, then poll a tmux pane until a string appears.
 *
 *   tpoll SOCKET TARGET TIMEOUT_MS STRING -- COMMAND [ARG]...
 *
 * Takes the time, runs COMMAND (e.g. `tmux respawn-pane ...` or
 * `tmux send-keys ... G`) and waits for it, then runs
 * `tmux -L SOCKET capture-pane -p -t TARGET` in a tight loop until its
 * output contains STRING.  Prints the elapsed milliseconds (from just
 * before COMMAND to the capture that first showed STRING) and exits 0,
 * or prints ">TIMEOUT_MS" and exits 1.  Each capture costs a fork+exec of
 * the tmux client and a round trip to the server (~1-3 ms): that cost is
 * part of every number, which is why run.sh measures a floor with `cat`.
 *
 *   cc -O2 -o bench/out/tpoll bench/tpoll.c
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int run(char **argv)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Capture the pane into buf; returns bytes read or -1. */
static long capture(char **argv, char *buf, size_t cap)
{
	int fd[2];
	if (pipe(fd) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	size_t n = 0;
	for (;;) {
		if (n + 1 >= cap)
			break;
		ssize_t r = read(fd[0], buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	close(fd[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return (long)n;
}

int main(int argc, char **argv)
{
	if (argc < 7 || strcmp(argv[5], "--") != 0) {
		fprintf(stderr, "usage: tpoll SOCKET TARGET TIMEOUT_MS STRING -- COMMAND...\n");
		return 2;
	}
	const char *sock = argv[1], *target = argv[2], *want = argv[4];
	double timeout = atof(argv[3]);
	char *cap_argv[] = { "tmux", "-L", (char *)sock, "capture-pane", "-p",
			     "-t", (char *)target, NULL };
	static char buf[1 << 16];

	double t0 = now_ms();
	if (run(argv + 6) != 0) {
		fprintf(stderr, "tpoll: command failed: %s\n", argv[6]);
		printf("error\n");
		return 1;
	}
	for (;;) {
		if (capture(cap_argv, buf, sizeof(buf)) > 0 && strstr(buf, want)) {
			printf("%.1f\n", now_ms() - t0);
			return 0;
		}
		if (now_ms() - t0 > timeout) {
			printf(">%.0f\n", timeout);
			return 1;
		}
	}
}
