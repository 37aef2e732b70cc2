/*
 * sha256_speed.c: how fast sha256_hex() hashes a file, the way the
 * sidecar hashes an article (one call over the whole mapped file).
 * Prints the best of REPEAT runs (default 5): wall clock in ms and MB/s,
 * and the process's CPU time (less swayed by a busy machine), then the
 * digest.  Run: sha256_speed FILE [REPEAT].
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "artread/sha256.h"

static double
now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	char hex[SHA256_HEX_LEN];
	struct stat sb;
	double best = 0, best_cpu = 0, t0, c0, t, c;
	void *p;
	int fd, i, repeat = argc > 2 ? atoi(argv[2]) : 5;

	if (argc < 2) {
		fprintf(stderr, "usage: sha256_speed FILE [REPEAT]\n");
		return 2;
	}
	if ((fd = open(argv[1], O_RDONLY)) == -1 || fstat(fd, &sb) == -1 ||
	    sb.st_size == 0) {
		perror(argv[1]);
		return 2;
	}
	p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	sha256_hex(p, (size_t)sb.st_size, hex);	/* into the page cache */
	for (i = 0; i < (repeat < 1 ? 1 : repeat); i++) {
		t0 = now(CLOCK_MONOTONIC);
		c0 = now(CLOCK_PROCESS_CPUTIME_ID);
		sha256_hex(p, (size_t)sb.st_size, hex);
		t = now(CLOCK_MONOTONIC) - t0;
		c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (i == 0 || t < best)
			best = t;
		if (i == 0 || c < best_cpu)
			best_cpu = c;
	}
	printf("sha256 of %.1f MB: %.0f ms (%.0f MB/s), CPU %.0f ms, best of "
	    "%d; %s\n", (double)sb.st_size / 1048576, best * 1000,
	    (double)sb.st_size / 1048576 / best, best_cpu * 1000, repeat, hex);
	munmap(p, (size_t)sb.st_size);
	close(fd);
	return 0;
}
