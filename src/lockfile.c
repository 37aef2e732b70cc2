/*
 * lockfile.c: flock(2) with a bounded wait.
 */
#include "artread/lockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "artread/util.h"

#define LOCK_TRIES	300		/* x 10 ms */

int
lockfile_take(const char *lock_path, char **cause)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	struct stat st;
	int fd, i;

	fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK, 0666);
	if (fd == -1) {
		/* (O_NOFOLLOW's ELOOP: "too many levels of symbolic links") */
		*cause = xasprintf("%s: %s", lock_path, errno == ELOOP &&
		    lstat(lock_path, &st) == 0 && S_ISLNK(st.st_mode) ?
		    "is a symbolic link" : strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf("%s: not a regular file", lock_path);
		close(fd);
		return -1;
	}
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) == -1; i++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    i == LOCK_TRIES) {
			*cause = xasprintf("%s: %s", lock_path,
			    errno == EWOULDBLOCK ? "locked by another process"
			    : strerror(errno));
			close(fd);
			return -1;
		}
		nanosleep(&ts, NULL);
	}
	return fd;
}

void
lockfile_release(int fd)
{
	if (fd != -1)
		close(fd);
}
