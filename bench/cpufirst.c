/*
 * cpufirst.c: an LD_PRELOAD shim that says what a program's first screen
 * cost it: at the first write(2) whose bytes hold $CPUFIRST_TEXT, it
 * appends "cpu MS minflt N" to the file $CPUFIRST_OUT: the process's CPU
 * time so far (every thread, CLOCK_PROCESS_CPUTIME_ID: exec, the
 * loader, start-up, painting) and its minor page faults (getrusage).
 * Unlike the wall clock, neither counts the time spent waiting for a
 * CPU, so they hold still on a busy machine.
 *
 *   cc -O2 -shared -fPIC -o bench/out/cpufirst.so bench/cpufirst.c -ldl
 *   CPUFIRST_TEXT=Kestrel CPUFIRST_OUT=/tmp/cf LD_PRELOAD=$PWD/bench/out/cpufirst.so \
 *       bench/out/ptytime -s 200x60 Kestrel -- ./artread FILE
 *
 * ncurses and less both write through write(2), so the write that
 * carries the headline is the one ptytime's "first" stops at.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static int said;

static void
say(ssize_t (*real)(int, const void *, size_t), const char *out)
{
	struct timespec ts;
	struct rusage ru;
	char line[128];
	int fd, len;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	getrusage(RUSAGE_SELF, &ru);
	len = snprintf(line, sizeof line, "cpu %.3f minflt %ld\n",
	    (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6, ru.ru_minflt);
	if ((fd = open(out, O_WRONLY | O_APPEND | O_CREAT, 0644)) >= 0) {
		real(fd, line, (size_t)len);
		close(fd);
	}
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	const char *want = getenv("CPUFIRST_TEXT");
	const char *out = getenv("CPUFIRST_OUT");

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "write");
	if (!said && want != NULL && *want != '\0' && out != NULL &&
	    memmem(buf, n, want, strlen(want)) != NULL) {
		said = 1;
		say(real, out);
	}
	return real(fd, buf, n);
}
