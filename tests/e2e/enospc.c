/*
 * enospc.c: an LD_PRELOAD shim for tests/e2e/test_crash.sh, used only
 * when the test cannot mount a small file system to fill.
 *
 * While the file named by $ENOSPC_FLAG exists, write(2) and fsync(2) on
 * a sidecar's temporary file (".NAME.annotations.jsonl.XXXXXX") fail
 * with ENOSPC, as on a full disk.  Removing the file "frees the space".
 * Everything else passes through.
 *
 *   cc -shared -fPIC -o enospc.so enospc.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
disk_full_for(int fd)
{
	const char *flag = getenv("ENOSPC_FLAG"), *base;
	char link[64], path[4096];
	ssize_t n;
	int saved = errno;

	if (flag == NULL || access(flag, F_OK) != 0) {
		errno = saved;
		return 0;
	}
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof path - 1);
	errno = saved;
	if (n <= 0)
		return 0;
	path[n] = '\0';
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	return base[0] == '.' && strstr(base, ".annotations.jsonl.") != NULL;
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "write");
	if (disk_full_for(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, len);
}

int
fsync(int fd)
{
	static int (*real)(int);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	if (disk_full_for(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}
