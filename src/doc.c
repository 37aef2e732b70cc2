/*
 * doc.c: loading an article and finding its lines and paragraphs.
 *
 * Regular files are mapped, not read, so the first screen of a 100 MB file
 * costs what a small one does.  A mapped file that shrinks under us would
 * raise SIGBUS when a vanished page is touched; a handler maps zeroed pages
 * over the lost tail instead and marks the document truncated, so reading
 * goes on (the tail shows as ^@) and the UI can offer to reload.
 */
#include "artread/doc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/util.h"

#define BINARY_PROBE	8192
#define MAX_MAPS	64
#define LINE_WINDOW	4096

static struct mapped_region {
	char		*addr;
	size_t		 len;
	volatile int	*truncated;
} maps[MAX_MAPS];
static int sigbus_installed;

static void
sigbus_handler(int sig, siginfo_t *si, void *uctx)
{
	char *fault = si->si_addr;
	long pagesz = sysconf(_SC_PAGESIZE);
	int i;

	(void)uctx;
	for (i = 0; i < MAX_MAPS; i++) {
		char *page, *end;

		if (maps[i].addr == NULL || fault < maps[i].addr ||
		    fault >= maps[i].addr + maps[i].len)
			continue;
		page = (char *)((uintptr_t)fault & ~(uintptr_t)(pagesz - 1));
		end = maps[i].addr + maps[i].len;
		if (mmap(page, (size_t)(end - page), PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
			break;
		*maps[i].truncated = 1;
		return;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
register_mapping(struct doc *d)
{
	struct sigaction sa;
	int i;

	if (!sigbus_installed) {
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = sigbus_handler;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGBUS, &sa, NULL);
		sigbus_installed = 1;
	}
	for (i = 0; i < MAX_MAPS; i++) {
		if (maps[i].addr == NULL) {
			maps[i].len = d->len;
			maps[i].truncated = &d->truncated;
			maps[i].addr = (char *)d->bytes;
			return;
		}
	}
}

static void
unregister_mapping(const struct doc *d)
{
	int i;

	for (i = 0; i < MAX_MAPS; i++)
		if (maps[i].addr == d->bytes)
			maps[i].addr = NULL;
}

int
doc_looks_binary(const char *bytes, size_t len)
{
	return memchr(bytes, '\0', len < BINARY_PROBE ? len : BINARY_PROBE) != NULL;
}

/* A CR-only file: the first 64 KiB hold a CR and no LF at all. */
static int
detect_cr_lines(const char *b, size_t len)
{
	size_t n = len < 65536 ? len : 65536;

	return memchr(b, '\n', n) == NULL && memchr(b, '\r', n) != NULL;
}

static struct doc *
doc_new(const char *name, const char *path)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->name = xstrdup(name);
	d->path = path != NULL ? xstrdup(path) : NULL;
	return d;
}

static void
doc_finish(struct doc *d)
{
	if (d->len >= 3 && memcmp(d->bytes, "\xef\xbb\xbf", 3) == 0)
		d->text_start = 3;
	d->cr_lines = detect_cr_lines(d->bytes, d->len);
}

struct doc *
doc_from_memory(const char *name, const char *bytes, size_t len)
{
	struct doc *d = doc_new(name, NULL);
	char *copy = xmalloc(len + 1);

	memcpy(copy, bytes, len);
	copy[len] = '\0';
	d->bytes = copy;
	d->len = len;
	doc_finish(d);
	return d;
}

/* Read all of fd (a pipe or FIFO) into memory. */
static int
read_all(int fd, struct buf *b)
{
	char chunk[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf_add(b, chunk, (size_t)n);
	}
}

static struct doc *
doc_from_stream(const char *name, const char *path, int fd, char **cause)
{
	struct buf b;
	struct doc *d;

	buf_init(&b);
	if (read_all(fd, &b) != 0) {
		*cause = xstrdup(strerror(errno));
		buf_free(&b);
		return NULL;
	}
	/*
	 * Zero the slack after the text: PCRE2's JIT reads the subject in
	 * aligned 16-byte blocks, past its end, and masks off what it does
	 * not need.  Harmless, but reading uninitialised heap is what
	 * valgrind reports (an mmapped file has zeroes there already).
	 */
	if (b.data != NULL)
		memset(b.data + b.len, 0, b.cap - b.len);
	d = doc_new(name, path);
	d->len = b.len;
	d->bytes = buf_steal(&b);
	doc_finish(d);
	return d;
}

static struct doc *
doc_from_regular(const char *path, int fd, size_t size)
{
	struct doc *d = doc_new(path, path);
	void *p;

	if (size == 0) {
		d->bytes = xstrdup("");
		return d;
	}
	p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		doc_free(d);
		return NULL;
	}
	d->bytes = p;
	d->len = size;
	d->mapped = 1;
	register_mapping(d);
	doc_finish(d);
	return d;
}

static struct doc *
open_stdin(unsigned flags, char **cause)
{
	struct doc *d;

	(void)flags;
	if (isatty(STDIN_FILENO)) {
		*cause = xstrdup("standard input is a terminal; name a file");
		return NULL;
	}
	d = doc_from_stream("-", NULL, STDIN_FILENO, cause);
	return d;
}

struct doc *
doc_open(const char *path, unsigned flags, char **cause)
{
	struct stat st;
	struct doc *d = NULL;
	int fd;

	*cause = NULL;
	if (strcmp(path, "-") == 0)
		d = open_stdin(flags, cause);
	else {
		/* O_NONBLOCK: opening a FIFO without a writer must not hang. */
		fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			*cause = xstrdup(strerror(errno));
			return NULL;
		}
		if (fstat(fd, &st) != 0)
			*cause = xstrdup(strerror(errno));
		else if (S_ISDIR(st.st_mode))
			*cause = xstrdup("is a directory");
		else if (S_ISREG(st.st_mode)) {
			d = doc_from_regular(path, fd, (size_t)st.st_size);
			if (d == NULL)
				*cause = xstrdup(strerror(errno));
		} else if (S_ISFIFO(st.st_mode)) {
			fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
			d = doc_from_stream(path, path, fd, cause);
		} else
			*cause = xstrdup("not a regular file (a device or socket)");
		close(fd);
	}
	if (d != NULL && !(flags & DOC_FORCE) && doc_looks_binary(d->bytes, d->len)) {
		*cause = xstrdup("looks like a binary file (use --force to open it anyway)");
		doc_free(d);
		d = NULL;
	}
	return d;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	if (d->mapped) {
		unregister_mapping(d);
		munmap((void *)d->bytes, d->len);
	} else
		free((void *)d->bytes);
	free(d->name);
	free(d->path);
	free(d);
}

static char
line_sep(const struct doc *d)
{
	return d->cr_lines ? '\r' : '\n';
}

size_t
doc_line_start(const struct doc *d, size_t off)
{
	const char *p;
	size_t n;

	if (off > d->len)
		off = d->len;
	/* Backward in windows: the line start is usually near, and a
	 * sanitizer's memrchr checks its whole range on every call. */
	while (off > d->text_start) {
		n = off - d->text_start < LINE_WINDOW ? off - d->text_start :
		    LINE_WINDOW;
		p = memrchr(d->bytes + off - n, line_sep(d), n);
		if (p != NULL)
			return (size_t)(p - d->bytes) + 1;
		off -= n;
	}
	return d->text_start;
}

size_t
doc_line_end(const struct doc *d, size_t off)
{
	const char *p;
	size_t e;

	if (off >= d->len)
		return d->len;
	p = memchr(d->bytes + off, line_sep(d), d->len - off);
	if (p == NULL)
		return d->len;
	e = (size_t)(p - d->bytes);
	if (!d->cr_lines && e > off && d->bytes[e - 1] == '\r')
		e--;
	return e;
}

size_t
doc_line_next(const struct doc *d, size_t off)
{
	const char *p;

	if (off >= d->len)
		return d->len;
	p = memchr(d->bytes + off, line_sep(d), d->len - off);
	return p == NULL ? d->len : (size_t)(p - d->bytes) + 1;
}

int
doc_line_is_blank(const struct doc *d, size_t ls)
{
	size_t i;

	for (i = ls; i < d->len && d->bytes[i] != line_sep(d); i++)
		if (strchr(" \t\r\f\v", d->bytes[i]) == NULL || d->bytes[i] == '\0')
			return 0;
	return 1;
}

/* Extend a non-blank line starting at ls to its whole paragraph. */
static void
para_around(const struct doc *d, size_t ls, struct range *p)
{
	size_t prev, next;

	while (ls > d->text_start) {
		prev = doc_line_start(d, ls - 1);
		if (doc_line_is_blank(d, prev))
			break;
		ls = prev;
	}
	p->start = ls;
	for (;;) {
		next = doc_line_next(d, ls);
		if (next >= d->len || doc_line_is_blank(d, next))
			break;
		ls = next;
	}
	p->end = doc_line_end(d, ls);
}

int
doc_para_at(const struct doc *d, size_t off, struct range *p)
{
	size_t ls;

	if (off < d->text_start)
		off = d->text_start;
	if (off >= d->len)
		return 0;
	ls = doc_line_start(d, off);
	while (doc_line_is_blank(d, ls)) {
		ls = doc_line_next(d, ls);
		if (ls >= d->len)
			return 0;
	}
	para_around(d, ls, p);
	return 1;
}

int
doc_para_next(const struct doc *d, const struct range *p, struct range *next)
{
	size_t off = doc_line_next(d, p->end);

	if (off >= d->len)
		return 0;
	return doc_para_at(d, off, next);
}

int
doc_para_prev(const struct doc *d, const struct range *p, struct range *prev)
{
	size_t ls;

	if (p->start <= d->text_start)
		return 0;
	ls = doc_line_start(d, p->start - 1);
	while (doc_line_is_blank(d, ls)) {
		if (ls <= d->text_start)
			return 0;
		ls = doc_line_start(d, ls - 1);
	}
	para_around(d, ls, prev);
	return 1;
}

int
doc_para_last(const struct doc *d, struct range *p)
{
	struct range end = { d->len, d->len };

	if (d->len <= d->text_start)
		return 0;
	if (doc_para_at(d, doc_line_start(d, d->len - 1), p))
		return 1;
	return doc_para_prev(d, &end, p);
}

int
doc_para_is_headline(const struct doc *d, const struct range *p)
{
	struct range first;
	size_t lines = 1, i;

	if (p->end - p->start > 200 || !doc_para_at(d, d->text_start, &first) ||
	    first.start != p->start)
		return 0;
	for (i = p->start; i < p->end; i++)
		if (d->bytes[i] == line_sep(d))
			lines++;
	return lines <= 2;
}
