/*
 * spill.c: an append-only tape of bytes, in memory up to a limit, then
 * in an unlinked temporary file (spill.h).  Once on file, what is put
 * collects in a buffer of SPILL_WBUF bytes that is written when full,
 * so the file is written in large sequential pieces; a read takes what
 * it needs from the file (pread) and from the buffer.  One mutex makes
 * puts and gets safe from the analysis' threads (a get is a block's
 * mentions: rare next to the work done with them).
 *
 * A spill array (spill.h) doubles its room as it grows, with realloc
 * while in memory, then in a file mapped shared: the file's blocks are
 * reserved before they are mapped (posix_fallocate), so a full disk is
 * the one-line error it is for a tape, never a SIGBUS when a page is
 * first written.  Only one thread uses an array at a time.
 */
#include "artread/spill.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "artread/util.h"

#define SPILL_WBUF	(1u << 20)
#define ARRAY_FIRST	1024		/* a spill array's first room */
#ifndef SPILL_ARRAY_MEM_MAX
#define SPILL_ARRAY_MEM_MAX	SIZE_MAX
#endif

struct spill {
	pthread_mutex_t	 mu;
	size_t		 limit;		/* in memory up to this */
	int		 fd;		/* -1: all in mem */
	uint64_t	 flushed;	/* bytes in the file */
	char		*mem;		/* the rest, after flushed */
	size_t		 len;
	size_t		 cap;
};

const char *
spill_dir(void)
{
	const char *d = getenv("TMPDIR");

	return d != NULL && *d != '\0' ? d : "/tmp";
}

static void AR_NORETURN
spill_fail(int err)
{
	fatalx("temporary data in %s: %s", spill_dir(), strerror(err));
}

struct spill *
spill_open(size_t mem_limit)
{
	struct spill *s = xcalloc(1, sizeof *s);

	pthread_mutex_init(&s->mu, NULL);
	s->limit = mem_limit;
	s->fd = -1;
	return s;
}

/* Write p[0, n) at the file's end. */
static void
write_all(struct spill *s, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = pwrite(s->fd, p, n, (off_t)s->flushed);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			spill_fail(w < 0 ? errno : ENOSPC);
		p += w;
		n -= (size_t)w;
		s->flushed += (uint64_t)w;
	}
}

/* A new temporary file, unlinked at once. */
static int
temp_file(void)
{
	char *path = xasprintf("%s/artread-XXXXXX", spill_dir());
	int fd, err;

	fd = mkstemp(path);
	err = errno;
	if (fd >= 0)
		unlink(path);
	free(path);		/* (before a failure: nothing leaks) */
	if (fd < 0)
		spill_fail(err);
	return fd;
}

static void
flush(struct spill *s)
{
	if (s->fd < 0)
		s->fd = temp_file();
	write_all(s, s->mem, s->len);
	s->len = 0;
}

uint64_t
spill_put(struct spill *s, const void *p, size_t n)
{
	uint64_t off;

	pthread_mutex_lock(&s->mu);
	off = s->flushed + s->len;
	if (n == 0) {
		pthread_mutex_unlock(&s->mu);
		return off;
	}
	if (s->len + n > (s->fd < 0 ? s->limit : SPILL_WBUF)) {
		flush(s);
		if (s->cap > SPILL_WBUF) {	/* memory given back */
			free(s->mem);
			s->mem = NULL;
			s->cap = 0;
		}
	}
	if (s->fd >= 0 && n > SPILL_WBUF)
		write_all(s, p, n);
	else {
		if (s->len + n > s->cap) {
			s->cap = s->len + n > s->cap * 2 ? s->len + n :
			    s->cap * 2;
			s->mem = xrealloc(s->mem, s->cap);
		}
		memcpy(s->mem + s->len, p, n);
		s->len += n;
	}
	pthread_mutex_unlock(&s->mu);
	return off;
}

void
spill_get(struct spill *s, uint64_t off, void *p, size_t n)
{
	char *to = p;
	size_t k;
	ssize_t r;

	pthread_mutex_lock(&s->mu);
	while (n > 0 && off < s->flushed) {	/* from the file */
		k = s->flushed - off < n ? (size_t)(s->flushed - off) : n;
		r = pread(s->fd, to, k, (off_t)off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			spill_fail(r < 0 ? errno : EIO);
		to += r;
		off += (uint64_t)r;
		n -= (size_t)r;
	}
	if (n > 0) {
		if (off - s->flushed + n > s->len)
			fatalx("spill_get: %zu bytes at %llu: only %llu put", n,
			    (unsigned long long)off,
			    (unsigned long long)s->flushed + s->len);
		memcpy(to, s->mem + (off - s->flushed), n);
	}
	pthread_mutex_unlock(&s->mu);
}

uint64_t
spill_size(const struct spill *s)
{
	return s->flushed + s->len;
}

int
spill_on_disk(const struct spill *s)
{
	return s->fd >= 0;
}

void
spill_close(struct spill *s)
{
	if (s == NULL)
		return;
	if (s->fd >= 0)
		close(s->fd);
	free(s->mem);
	pthread_mutex_destroy(&s->mu);
	free(s);
}

/* ---- arrays ---- */

struct spill_array {
	size_t		 size;		/* of an element */
	size_t		 limit;		/* in memory up to this many bytes */
	size_t		 cap;		/* elements there is room for */
	void		*base;
	int		 fd;		/* -1: in memory */
};

struct spill_array *
spill_array_open(size_t size, size_t mem_limit)
{
	struct spill_array *a = xcalloc(1, sizeof *a);

	a->size = size;
	a->limit = mem_limit < SPILL_ARRAY_MEM_MAX ? mem_limit :
	    SPILL_ARRAY_MEM_MAX;
	a->fd = -1;
	return a;
}

/* The array's file, made cap elements long, mapped. */
static void *
array_map(struct spill_array *a, size_t cap)
{
	size_t bytes = cap * a->size;
	void *p;
	int err;

	if (a->fd < 0)
		a->fd = temp_file();
	err = posix_fallocate(a->fd, 0, (off_t)bytes);
	if (err == EOPNOTSUPP && ftruncate(a->fd, (off_t)bytes) == 0)
		err = 0;	/* (a file system that cannot reserve) */
	if (err != 0)
		spill_fail(err);
	p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, a->fd, 0);
	if (p == MAP_FAILED)
		spill_fail(errno);
	return p;
}

void *
spill_array_grow(struct spill_array *a, size_t n)
{
	size_t cap = a->cap > 0 ? a->cap : ARRAY_FIRST;
	int mapped = a->fd >= 0;
	void *p;

	if (n <= a->cap)
		return a->base;
	while (cap < n) {
		if (cap > SIZE_MAX / 2 / a->size)
			fatalx("spill array: %zu elements: too many", n);
		cap *= 2;
	}
	if (!mapped && cap <= a->limit / a->size)
		a->base = xreallocarray(a->base, cap, a->size);
	else {
		p = array_map(a, cap);
		if (mapped)		/* the file holds what was there */
			munmap(a->base, a->cap * a->size);
		else if (a->base != NULL) {
			memcpy(p, a->base, a->cap * a->size);
			free(a->base);
		}
		a->base = p;
	}
	a->cap = cap;
	return a->base;
}

size_t
spill_array_cap(const struct spill_array *a)
{
	return a->cap;
}

int
spill_array_on_disk(const struct spill_array *a)
{
	return a->fd >= 0;
}

void
spill_array_close(struct spill_array *a)
{
	if (a == NULL)
		return;
	if (a->fd >= 0) {
		munmap(a->base, a->cap * a->size);
		close(a->fd);
	} else
		free(a->base);
	free(a);
}
