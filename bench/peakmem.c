/*
 * peakmem.c: the peak memory of a command, split the way the listings'
 * target reads it ("≤ 64 MB beyond the file's pages"): the program runs
 * with its output to /dev/null while its /proc/PID/status is read every
 * millisecond; the peak of RssAnon (its own memory: heap, stacks, what
 * it allocated) is reported apart from RssFile + RssShmem (the file's
 * pages: artread reads a big file into shared memory, a page of it
 * counted once for each mapping that holds it).
 *
 *   peakmem CMD...
 *
 * Prints one line: "anon ANON_KB shared SHARED_KB hwm HWM_KB wall MS
 * status N file FILE_KB shmem SHMEM_KB", HWM being the kernel's peak
 * VmRSS (everything), FILE and SHMEM the peaks of RssFile and RssShmem
 * apart (pages of files mapped, such as a spill array's, and of shared
 * memory).  A peak between two readings can be missed; a millisecond is
 * shorter than any allocation the listings keep.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

/* The kB of the fields of /proc/pid/status named in want (summed). */
static long
status_kb(pid_t pid, const char *const *want)
{
	char path[64], line[256];
	long kb = 0, v;
	size_t i, n;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		for (i = 0; want[i] != NULL; i++) {
			n = strlen(want[i]);
			if (strncmp(line, want[i], n) == 0 &&
			    sscanf(line + n, "%ld", &v) == 1)
				kb += v;
		}
	fclose(f);
	return kb;
}

int
main(int argc, char **argv)
{
	static const char *const anon[] = { "RssAnon:", NULL };
	static const char *const shared[] = { "RssFile:", "RssShmem:", NULL };
	static const char *const file[] = { "RssFile:", NULL };
	static const char *const shmem[] = { "RssShmem:", NULL };
	struct timespec tick = { 0, 1000000 };
	struct rusage ru;
	long a, s, f, m, max_a = 0, max_s = 0, max_f = 0, max_m = 0;
	double t0;
	pid_t pid;
	int st = 0, fd;

	if (argc < 2) {
		fprintf(stderr, "usage: peakmem CMD...\n");
		return 2;
	}
	t0 = bench_now_ms();
	if ((pid = fork()) < 0)
		return 2;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, 1);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	for (;;) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
		a = status_kb(pid, anon);
		s = status_kb(pid, shared);
		f = status_kb(pid, file);
		m = status_kb(pid, shmem);
		if (a > max_a)
			max_a = a;
		if (s > max_s)
			max_s = s;
		if (f > max_f)
			max_f = f;
		if (m > max_m)
			max_m = m;
		nanosleep(&tick, NULL);
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("anon %ld shared %ld hwm %ld wall %.0f status %d file %ld "
	    "shmem %ld\n", max_a, max_s, ru.ru_maxrss, bench_now_ms() - t0,
	    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), max_f,
	    max_m);
	return 0;
}
