/*
 * doc.c: loading an article and finding its lines and paragraphs.
 *
 * The document is one snapshot of the file (see doc.h).  A file of up to
 * DOC_READ_WHOLE bytes is read whole at open.  Reading a larger one whole
 * would make the first screen wait (tens of milliseconds for 100 MB), and
 * a mapping of the file is no snapshot (a rewrite in place shows through
 * MAP_PRIVATE at once), so a large file is read on first touch, in blocks
 * of DOC_BLOCK bytes, as less does, while doc->bytes stays one contiguous
 * buffer for every other module:
 *
 * - The file's size is reserved as two views of one memfd: the front
 *   view is doc->bytes and starts PROT_NONE; the back view is writable
 *   and only this file sees it.
 * - Touching a block of the front view raises SIGSEGV.  The handler checks
 *   with fstat that the file is still the version first read (device,
 *   inode, size, modification and change times to the nanosecond), preads
 *   the block into the back view, checks again, and only then opens the
 *   block of the front view for reading.  If the file changed before or
 *   while the block was read, the block holds spaces instead and the
 *   document is marked stale (and truncated if the file shrank): a block
 *   read after a change is never mixed with blocks read before it.
 * - Two views, so that another thread touching a block while it is being
 *   read faults too and waits, instead of seeing half a block.
 * - The handler calls only async-signal-safe functions (fstat, pread,
 *   mprotect, memset, sched_yield, lock-free atomics) and keeps errno.
 *   A fault anywhere else goes to the handler that was there before
 *   (AddressSanitizer's, libFuzzer's), or to the default action.
 *
 * Tools: AddressSanitizer lets the handler in (allow_user_segv_handler is
 * on by default); valgrind needs --vex-iropt-register-updates=
 * allregs-at-mem-access (a program that returns from a SIGSEGV handler
 * needs exact registers at every load), and memcheck is told that the
 * front view is readable, so a first touch is not reported.
 */
#include "artread/doc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_MAKE_MEM_DEFINED
#define VALGRIND_MAKE_MEM_DEFINED(addr, len) ((void)(addr), (void)(len))
#endif

#include "artread/util.h"

#define BINARY_PROBE	8192
#define LINE_WINDOW	4096
#define MAX_LAZY	64	/* documents read on first touch at one time */
#define SLACK		64	/* zeroed bytes after a text read whole */
#define READ_TRIES	3	/* reads of a small file that keeps changing */
#define TAIL_CHECK	4096	/* bytes compared to call a change APPENDED */

enum { BLOCK_UNREAD, BLOCK_FILLING, BLOCK_FILLED };

/* What tells one version of a file from another. */
struct file_sig {
	dev_t		dev;
	ino_t		ino;
	nlink_t		nlink;
	off_t		size;
	struct timespec	mtime;
	struct timespec	ctime;
};

struct doc_src {
	struct file_sig	 sig;		/* the version read */
	struct file_sig	 seen;		/* the last state doc_changed judged */
	enum doc_change	 verdict;	/* and its verdict */
	int		 seen_valid;
	int		 derived;	/* the bytes are not the file's (doc_watch) */
	/* A document read on first touch (doc->lazy) only: */
	int		 slot;		/* in lazy_docs */
	int		 fd;		/* the file */
	int		 memfd;		/* the pages of both views */
	char		*front;		/* doc->bytes */
	char		*back;		/* writable view of the same pages */
	size_t		 len;
	size_t		 maplen;	/* len rounded up to a page */
	atomic_uchar	*state;		/* BLOCK_* per block */
	volatile sig_atomic_t *stale;	/* the document's flags */
	volatile sig_atomic_t *truncated;
};

static _Atomic(struct doc_src *) lazy_docs[MAX_LAZY];
static struct sigaction prev_segv;

static void
sig_of(const struct stat *st, struct file_sig *s)
{
	memset(s, 0, sizeof *s);
	s->dev = st->st_dev;
	s->ino = st->st_ino;
	s->nlink = st->st_nlink;
	s->size = st->st_size;
	s->mtime = st->st_mtim;
	s->ctime = st->st_ctim;
}

static int
same_time(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/*
 * Is b the same version of the file as a?  The change time catches a
 * rewrite that put the modification time back; but removing a link
 * (deleting the file, renaming another over it) changes it too without
 * touching the bytes, so a new link count excuses it.
 */
static int
same_version(const struct file_sig *a, const struct file_sig *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	    same_time(&a->mtime, &b->mtime) &&
	    (same_time(&a->ctime, &b->ctime) || a->nlink != b->nlink);
}

/* pread until n bytes, the end of the file or an error (-1). */
static ssize_t
pread_full(int fd, char *p, size_t n, off_t off)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = pread(fd, p + got, n - got, off + (off_t)got);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* ---- reading on first touch (runs in the SIGSEGV handler) ------------- */

/*
 * Is the file still the version first read?  If not, the document
 * becomes stale (and truncated if the file is now shorter).
 */
static int
version_intact(struct doc_src *s)
{
	struct file_sig now;
	struct stat st;

	if (*s->stale)
		return 0;
	if (fstat(s->fd, &st) == 0) {
		sig_of(&st, &now);
		if (same_version(&now, &s->sig))
			return 1;
		if (st.st_size < s->sig.size)
			*s->truncated = 1;
	}
	*s->stale = 1;
	return 0;
}

/* Read block blk into the back view, or spaces if that cannot be done
 * from the version first read; then open it in the front view. */
static void
block_fill(struct doc_src *s, size_t blk)
{
	unsigned char unread = BLOCK_UNREAD;
	size_t off = blk * DOC_BLOCK;
	size_t n = s->len - off < DOC_BLOCK ? s->len - off : DOC_BLOCK;
	size_t span = s->maplen - off < DOC_BLOCK ? s->maplen - off : DOC_BLOCK;

	if (!atomic_compare_exchange_strong(&s->state[blk], &unread,
	    BLOCK_FILLING)) {
		/* Another thread is reading it. */
		while (atomic_load(&s->state[blk]) != BLOCK_FILLED)
			sched_yield();
		return;
	}
	if (!version_intact(s) ||
	    pread_full(s->fd, s->back + off, n, (off_t)off) != (ssize_t)n ||
	    !version_intact(s)) {
		*s->stale = 1;
		memset(s->back + off, ' ', n);
	}
	/* Fails only past the kernel's limit on mappings (a block left
	 * closed faults again and reaches the previous handler). */
	(void)mprotect(s->front + off, span, PROT_READ);
	atomic_store(&s->state[blk], BLOCK_FILLED);
}

static struct doc_src *
lazy_doc_at(const char *addr)
{
	struct doc_src *s;
	int i;

	for (i = 0; i < MAX_LAZY; i++) {
		s = atomic_load(&lazy_docs[i]);
		if (s != NULL && addr >= s->front && addr < s->front + s->maplen)
			return s;
	}
	return NULL;
}

/* A fault that is not ours: to the handler before us, or the default. */
static void
pass_on(int sig, siginfo_t *si, void *uctx)
{
	struct sigaction dfl;

	if (prev_segv.sa_handler == SIG_DFL || prev_segv.sa_handler == SIG_IGN) {
		/* The fault happens again on return and ends the process
		 * as it would have without us. */
		memset(&dfl, 0, sizeof dfl);
		dfl.sa_handler = SIG_DFL;
		sigemptyset(&dfl.sa_mask);
		sigaction(sig, &dfl, NULL);
	} else if (prev_segv.sa_flags & SA_SIGINFO)
		prev_segv.sa_sigaction(sig, si, uctx);
	else
		prev_segv.sa_handler(sig);
}

static void
segv_handler(int sig, siginfo_t *si, void *uctx)
{
	static _Thread_local const char *last_fault;
	const char *addr = si->si_addr;
	struct doc_src *s;
	int saved = errno;
	size_t blk;

	if ((s = lazy_doc_at(addr)) == NULL) {
		pass_on(sig, si, uctx);
		errno = saved;
		return;
	}
	blk = (size_t)(addr - s->front) / DOC_BLOCK;
	if (atomic_load(&s->state[blk]) != BLOCK_FILLED) {
		last_fault = NULL;
		block_fill(s, blk);
	} else if (last_fault != addr) {
		/* Filled by another thread since the fault: try again. */
		last_fault = addr;
	} else {
		/* Faulting twice on a filled block: a write (a bug). */
		last_fault = NULL;
		pass_on(sig, si, uctx);
	}
	errno = saved;
}

/*
 * Install the handler, or install it again if something replaced it since
 * (a test framework does, around each test): faults it does not own go
 * to whatever was there.
 */
static int
install_segv_handler(void)
{
	struct sigaction sa, cur;

	if (sigaction(SIGSEGV, NULL, &cur) != 0)
		return -1;
	if ((cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == segv_handler)
		return 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	prev_segv = cur;
	return sigaction(SIGSEGV, &sa, NULL);
}

/* ---- opening ------------------------------------------------------------ */

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

/* The file behind a document, as st says it was read. */
static struct doc_src *
src_new(const struct stat *st)
{
	struct doc_src *s = xcalloc(1, sizeof *s);

	s->slot = s->fd = s->memfd = -1;
	sig_of(st, &s->sig);
	return s;
}

void
doc_watch(struct doc *d, const struct stat *st)
{
	if (d->path == NULL || d->src != NULL)
		return;		/* not a document from memory */
	d->src = src_new(st);
	d->src->derived = 1;
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
	 * valgrind reports (a file read whole is given zeroed slack too).
	 */
	if (b.data != NULL)
		memset(b.data + b.len, 0, b.cap - b.len);
	d = doc_new(name, path);
	d->len = b.len;
	d->bytes = buf_steal(&b);
	return d;
}

/* A file whose size says 0: read it to its end (a file of /proc has
 * text, and a size of 0).  Its version stays that of the empty file. */
static int
read_unsized(struct doc *d, int fd)
{
	struct buf b;

	buf_init(&b);
	buf_reserve(&b, SLACK);
	if (read_all(fd, &b) != 0) {
		buf_free(&b);
		return -1;
	}
	buf_reserve(&b, SLACK);
	memset(b.data + b.len, 0, b.cap - b.len);
	d->len = b.len;
	d->bytes = buf_steal(&b);
	return 0;
}

/*
 * Read a small file whole.  If it changes while being read, read it
 * again; if it keeps changing, keep the last read and call it stale.
 */
static int
read_whole(struct doc *d, int fd)
{
	struct doc_src *s = d->src;
	struct file_sig after;
	struct stat st;
	size_t len = (size_t)s->sig.size;
	char *b = NULL;
	ssize_t n;
	int tries;

	if (len == 0)		/* empty, or sized 0 but not (/proc) */
		return read_unsized(d, fd);
	for (tries = 1; ; tries++) {
		b = xrealloc(b, len + SLACK);
		if ((n = pread_full(fd, b, len, 0)) < 0 || fstat(fd, &st) != 0) {
			free(b);
			return -1;
		}
		sig_of(&st, &after);
		if (same_version(&after, &s->sig) && (size_t)n == len)
			break;
		if (tries == READ_TRIES) {
			d->stale = 1;
			break;
		}
		s->sig = after;
		len = (size_t)after.size;
	}
	memset(b + n, 0, len + SLACK - (size_t)n);
	d->bytes = b;
	d->len = (size_t)n;
	return 0;
}

static void
lazy_free(struct doc_src *s)
{
	if (s->slot >= 0)
		atomic_store(&lazy_docs[s->slot], NULL);
	if (s->front != NULL && s->front != MAP_FAILED)
		munmap(s->front, s->maplen);
	if (s->back != NULL && s->back != MAP_FAILED)
		munmap(s->back, s->maplen);
	if (s->memfd >= 0)
		close(s->memfd);
	if (s->fd >= 0)
		close(s->fd);
	free(s->state);
	s->front = s->back = NULL;
	s->memfd = s->fd = s->slot = -1;
	s->state = NULL;
}

static int
lazy_slot(struct doc_src *s)
{
	struct doc_src *none;
	int i;

	for (i = 0; i < MAX_LAZY; i++) {
		none = NULL;
		if (atomic_compare_exchange_strong(&lazy_docs[i], &none, s))
			return i;
	}
	return -1;
}

/* Set d up to be read on first touch; -1 if this system cannot. */
static int
read_lazily(struct doc *d, int fd)
{
	struct doc_src *s = d->src;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (DOC_BLOCK % page != 0)
		return -1;
	s->len = (size_t)s->sig.size;
	s->maplen = (s->len + page - 1) / page * page;
	s->state = xcalloc((s->len + DOC_BLOCK - 1) / DOC_BLOCK, 1);
	s->memfd = memfd_create("artread-doc", MFD_CLOEXEC);
	s->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (s->memfd < 0 || s->fd < 0 ||
	    ftruncate(s->memfd, (off_t)s->maplen) != 0)
		goto fail;
	s->front = mmap(NULL, s->maplen, PROT_NONE, MAP_SHARED, s->memfd, 0);
	s->back = mmap(NULL, s->maplen, PROT_READ | PROT_WRITE, MAP_SHARED,
	    s->memfd, 0);
	if (s->front == MAP_FAILED || s->back == MAP_FAILED)
		goto fail;
	/* A forked child must not fill blocks in the pages the parent
	 * shares: it gets no document at all (it is about to exec). */
	(void)madvise(s->front, s->maplen, MADV_DONTFORK);
	(void)madvise(s->back, s->maplen, MADV_DONTFORK);
	VALGRIND_MAKE_MEM_DEFINED(s->front, s->maplen);
	s->stale = &d->stale;
	s->truncated = &d->truncated;
	if (install_segv_handler() != 0 || (s->slot = lazy_slot(s)) < 0)
		goto fail;
	d->bytes = s->front;
	d->len = s->len;
	d->lazy = 1;
	block_fill(s, 0);	/* the first screen needs it at once */
	return 0;
fail:
	lazy_free(s);
	return -1;
}

static struct doc *
doc_from_regular(const char *path, int fd, const struct stat *st,
    unsigned flags, char **cause)
{
	struct doc *d = doc_new(path, path);

	d->src = src_new(st);
	if ((uintmax_t)st->st_size >= SIZE_MAX / 2) {
		*cause = xstrdup("too large to open");
		doc_free(d);
		return NULL;
	}
	if ((st->st_size > DOC_READ_WHOLE || (flags & DOC_LAZY)) &&
	    st->st_size > 0 && read_lazily(d, fd) == 0)
		return d;
	if (read_whole(d, fd) != 0) {
		*cause = xstrdup(strerror(errno));
		doc_free(d);
		return NULL;
	}
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

/*
 * A FIFO opened (without blocking) before its writer: read at once it
 * would end before the writer came.  Wait for the writer's first bytes
 * or its close, as cat does (poll reports no hang-up on a FIFO that
 * has never had a writer).
 */
static void
wait_for_writer(int fd)
{
	struct pollfd p;

	p.fd = fd;
	p.events = POLLIN;
	while (poll(&p, 1, -1) == -1 && errno == EINTR)
		continue;
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
		/* O_NONBLOCK: open() itself never hangs (a device, a FIFO);
		 * a FIFO then waits for its writer below. */
		fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			*cause = xstrdup(strerror(errno));
			return NULL;
		}
		if (fstat(fd, &st) != 0)
			*cause = xstrdup(strerror(errno));
		else if (S_ISDIR(st.st_mode))
			*cause = xstrdup("is a directory");
		else if (S_ISREG(st.st_mode))
			d = doc_from_regular(path, fd, &st, flags, cause);
		else if (S_ISFIFO(st.st_mode)) {
			wait_for_writer(fd);
			fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
			d = doc_from_stream(path, path, fd, cause);
		} else
			*cause = xstrdup("not a regular file (a device or socket)");
		close(fd);
	}
	if (d == NULL)
		return NULL;
	doc_finish(d);
	if (!(flags & DOC_FORCE) && doc_looks_binary(d->bytes, d->len)) {
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
	if (d->lazy)
		lazy_free(d->src);
	else
		free((void *)d->bytes);
	free(d->src);
	free(d->name);
	free(d->path);
	free(d);
}

void
doc_load(const struct doc *d, size_t start, size_t end)
{
	size_t off;

	if (!d->lazy || start >= end || start >= d->len)
		return;
	for (off = start - start % DOC_BLOCK; off < end && off < d->len;
	    off += DOC_BLOCK)
		(void)*(volatile const char *)(d->bytes + off);
}

/* ---- change detection ----------------------------------------------------- */

/* Does the file (by name) hold our bytes [off, off + n) at off? */
static int
file_holds(const struct doc *d, size_t off, size_t n)
{
	char *chunk = xmalloc(DOC_BLOCK);
	size_t k;
	ssize_t r = 0;
	int fd, same = 1;

	if ((fd = open(d->path, O_RDONLY | O_NOCTTY | O_NONBLOCK |
	    O_CLOEXEC)) < 0) {
		free(chunk);
		return 0;
	}
	while (same && n > 0) {
		k = n < DOC_BLOCK ? n : DOC_BLOCK;
		r = pread_full(fd, chunk, k, (off_t)off);
		same = r == (ssize_t)k && memcmp(chunk, d->bytes + off, k) == 0;
		off += k;
		n -= k;
	}
	close(fd);
	free(chunk);
	return same;
}

/* Is block-aligned range [off, off + n) of a lazy document read (and so
 * safe to compare without reading it now, from the changed file)? */
static int
range_read(const struct doc *d, size_t off, size_t n)
{
	size_t b;

	if (!d->lazy)
		return 1;
	for (b = off / DOC_BLOCK; b * DOC_BLOCK < off + n; b++)
		if (atomic_load(&d->src->state[b]) != BLOCK_FILLED)
			return 0;
	return 1;
}

static enum doc_change
judge_change(struct doc *d, const struct file_sig *now)
{
	size_t tail = d->len < TAIL_CHECK ? d->len : TAIL_CHECK;

	if (d->src->derived)
		return DOC_MODIFIED;
	if ((uintmax_t)now->size < d->len)
		return DOC_TRUNCATED;
	if ((uintmax_t)now->size > d->len)
		return !d->stale && range_read(d, d->len - tail, tail) &&
		    file_holds(d, d->len - tail, tail) ? DOC_APPENDED :
		    DOC_MODIFIED;
	/* Same size, new times: a small file is compared whole. */
	if (!d->lazy && !d->stale && file_holds(d, 0, d->len)) {
		d->src->sig = *now;
		return DOC_UNCHANGED;
	}
	return DOC_MODIFIED;
}

enum doc_change
doc_changed(struct doc *d)
{
	struct doc_src *s = d->src;
	struct file_sig now;
	struct stat st;

	if (s == NULL)
		return DOC_UNCHANGED;
	if (stat(d->path, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return DOC_DELETED;
		return d->stale ? DOC_MODIFIED : DOC_UNCHANGED;	/* cannot tell */
	}
	if (st.st_dev != s->sig.dev || st.st_ino != s->sig.ino)
		return DOC_REPLACED;
	sig_of(&st, &now);
	if (same_version(&now, &s->sig))
		return d->stale ? DOC_MODIFIED : DOC_UNCHANGED;
	if (!s->seen_valid || !same_version(&now, &s->seen)) {
		s->verdict = judge_change(d, &now);
		s->seen = now;
		s->seen_valid = 1;
	}
	return s->verdict;
}

const char *
doc_change_name(enum doc_change c)
{
	switch (c) {
	case DOC_MODIFIED:
		return "modified";
	case DOC_TRUNCATED:
		return "truncated";
	case DOC_APPENDED:
		return "appended to";
	case DOC_REPLACED:
		return "replaced";
	case DOC_DELETED:
		return "deleted";
	case DOC_UNCHANGED:
		break;
	}
	return "unchanged";
}

/* ---- lines and paragraphs ------------------------------------------------- */

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
