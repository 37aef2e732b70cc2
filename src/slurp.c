/*
 * slurp.c: whole-file reads with a type check and a size cap.
 */
#include "artread/slurp.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/util.h"

/* *cause = "PATH: strerror(err)", if the caller wants it. */
static void
say_errno(char **cause, const char *path, int err)
{
	if (cause != NULL)
		*cause = xasprintf("%s: %s", path, strerror(err));
}

/* Read fd to its end or max + 1 bytes.  0, or -1 and errno. */
static int
read_capped(int fd, size_t max, struct buf *b)
{
	ssize_t n;

	for (;;) {
		buf_reserve(b, 65536);
		n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0)
			break;
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		if (b->len > max)
			break;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
	return 0;
}

char *
slurp_file(const char *path, size_t max, unsigned flags, size_t *len,
    char **cause)
{
	struct stat st;

	return slurp_file_stat(path, max, flags, len, &st, cause);
}

char *
slurp_file_stat(const char *path, size_t max, unsigned flags, size_t *len,
    struct stat *stp, char **cause)
{
	struct stat st;
	struct buf b;
	int fd, saved, pipe_ok;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)) ==
	    -1) {
		saved = errno;
		say_errno(cause, path, saved);
		errno = saved;
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		saved = errno;
		say_errno(cause, path, saved);
		close(fd);
		errno = saved;
		return NULL;
	}
	pipe_ok = (flags & SLURP_PIPE_OK) && S_ISFIFO(st.st_mode);
	if (!S_ISREG(st.st_mode) && !pipe_ok) {
		if (cause != NULL)
			*cause = xasprintf("%s: %s", path,
			    util_file_kind(st.st_mode));
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		goto too_large;
	/* A pipe the user named is read to its end, waiting for it. */
	if (pipe_ok)
		(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	buf_init(&b);
	if (read_capped(fd, max, &b) == -1) {
		saved = errno;
		say_errno(cause, path, saved);
		buf_free(&b);
		close(fd);
		errno = saved;
		return NULL;
	}
	close(fd);
	if (b.len > max) {
		buf_free(&b);
		goto too_large_closed;
	}
	*len = b.len;
	*stp = st;
	return buf_steal(&b);
too_large:
	close(fd);
too_large_closed:
	if (cause != NULL)
		*cause = xasprintf("%s: too large (over %zu MiB); not read",
		    path, max >> 20);
	errno = EFBIG;
	return NULL;
}
