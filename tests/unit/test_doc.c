/* test_doc.c: loading an article; lines and paragraphs. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "artread/doc.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];

static int
setup(void **state)
{
	(void)state;
	return testutil_mkdtemp(tmpdir, "doc");
}

static int
teardown(void **state)
{
	(void)state;
	return testutil_rmtree(tmpdir);
}

static char *
write_file(const char *name, const char *bytes, size_t len)
{
	return testutil_write(tmpdir, name, bytes, len);
}

static struct doc *
mem(const char *s)
{
	return doc_from_memory("t", s, strlen(s));
}

/* The text of a range, as a NUL-ended copy (to free). */
static char *
text_of(const struct doc *d, const struct range *r)
{
	return xstrndup(d->bytes + r->start, r->end - r->start);
}

static void
from_memory_copies(void **state)
{
	char src[] = "Hello\nworld\n";
	struct doc *d;

	(void)state;
	d = doc_from_memory("name", src, strlen(src));
	src[0] = 'J';
	assert_int_equal(d->len, 12);
	assert_memory_equal(d->bytes, "Hello\nworld\n", 12);
	assert_string_equal(d->name, "name");
	assert_null(d->path);
	assert_int_equal(d->text_start, 0);
	assert_int_equal(d->cr_lines, 0);
	assert_int_equal(d->lazy, 0);
	doc_free(d);
	doc_free(NULL);
}

static void
bom_sets_text_start(void **state)
{
	struct doc *d;
	struct range p;

	(void)state;
	d = mem("\xef\xbb\xbfHeadline\n\nBody.\n");
	assert_int_equal(d->text_start, 3);
	assert_int_equal(doc_line_start(d, 0), 3);
	assert_int_equal(doc_line_start(d, 5), 3);
	assert_true(doc_para_at(d, 0, &p));
	assert_int_equal(p.start, 3);
	assert_int_equal(p.end, 11);
	assert_true(doc_para_is_headline(d, &p));
	assert_false(doc_para_prev(d, &p, &p));
	doc_free(d);

	/* A partial BOM is text. */
	d = mem("\xef\xbbX");
	assert_int_equal(d->text_start, 0);
	doc_free(d);
	/* Just a BOM: no paragraphs. */
	d = mem("\xef\xbb\xbf");
	assert_int_equal(d->text_start, 3);
	assert_false(doc_para_at(d, 0, &p));
	assert_false(doc_para_last(d, &p));
	doc_free(d);
}

static void
crlf_line_ends(void **state)
{
	/*             0123 4 5678 9 0 1 2345 6 7 */
	struct doc *d = mem("One\r\nTwo\r\n\r\nSix\r\n");
	struct range p, n;

	(void)state;
	assert_int_equal(d->cr_lines, 0);
	assert_int_equal(doc_line_end(d, 0), 3);
	assert_int_equal(doc_line_end(d, 2), 3);
	assert_int_equal(doc_line_next(d, 0), 5);
	assert_int_equal(doc_line_start(d, 7), 5);
	assert_int_equal(doc_line_end(d, 5), 8);
	assert_int_equal(doc_line_next(d, 5), 10);
	assert_true(doc_line_is_blank(d, 10));
	assert_false(doc_line_is_blank(d, 5));
	assert_true(doc_para_at(d, 1, &p));
	assert_int_equal(p.start, 0);
	assert_int_equal(p.end, 8);	/* no CR */
	assert_true(doc_para_next(d, &p, &n));
	assert_int_equal(n.start, 12);
	assert_int_equal(n.end, 15);
	assert_false(doc_para_next(d, &n, &p));
	assert_true(doc_para_prev(d, &n, &p));
	assert_int_equal(p.start, 0);
	assert_int_equal(p.end, 8);
	doc_free(d);
}

static void
cr_only_file(void **state)
{
	/*             0123 4567 8 9012 */
	struct doc *d = mem("One\rTwo\r\rSix\r");
	struct range p, n;

	(void)state;
	assert_int_equal(d->cr_lines, 1);
	assert_int_equal(doc_line_end(d, 0), 3);
	assert_int_equal(doc_line_next(d, 0), 4);
	assert_int_equal(doc_line_start(d, 6), 4);
	assert_true(doc_line_is_blank(d, 8));
	assert_true(doc_para_at(d, 0, &p));
	assert_int_equal(p.start, 0);
	assert_int_equal(p.end, 7);
	assert_true(doc_para_next(d, &p, &n));
	assert_int_equal(n.start, 9);
	assert_int_equal(n.end, 12);
	doc_free(d);

	/* One LF anywhere: an LF file with a stray CR. */
	d = mem("One\rTwo\n");
	assert_int_equal(d->cr_lines, 0);
	assert_int_equal(doc_line_end(d, 0), 7);
	doc_free(d);
}

static void
blank_lines_with_white_space(void **state)
{
	/*             012 3 4 5 6 7 8 9 */
	struct doc *d = mem("A.\n \t \n\t\nB.\n");
	struct range p, n;

	(void)state;
	assert_true(doc_line_is_blank(d, 3));
	assert_true(doc_line_is_blank(d, 7));
	assert_false(doc_line_is_blank(d, 0));
	assert_true(doc_para_at(d, 0, &p));
	assert_int_equal(p.start, 0);
	assert_int_equal(p.end, 2);
	assert_true(doc_para_next(d, &p, &n));
	assert_int_equal(n.start, 9);
	assert_int_equal(n.end, 11);
	doc_free(d);

	/* A NUL is not white space. */
	d = doc_from_memory("t", "A\n\0\nB\n", 6);
	assert_false(doc_line_is_blank(d, 2));
	assert_true(doc_para_at(d, 0, &p));
	assert_int_equal(p.end, 5);	/* one paragraph: "A\n\0\nB" */
	doc_free(d);
}

static const char PARAS[] =
    "Title\n"			/* 0..5 */
    "\n"			/* 6 */
    "First line\n"		/* 7..17 */
    "second line\n"		/* 18..29 */
    "\n\n"			/* 30, 31 */
    "Third para\n";		/* 32..42 */

static void
para_at_positions(void **state)
{
	struct doc *d = mem(PARAS);
	struct range p;
	char *s;

	(void)state;
	assert_true(doc_para_at(d, 0, &p));
	assert_int_equal(p.start, 0);
	assert_int_equal(p.end, 5);
	/* Inside, on the second line. */
	assert_true(doc_para_at(d, 20, &p));
	assert_int_equal(p.start, 7);
	assert_int_equal(p.end, 29);
	s = text_of(d, &p);
	assert_string_equal(s, "First line\nsecond line");
	free(s);
	/* On the line end of the last line: still that paragraph. */
	assert_true(doc_para_at(d, 29, &p));
	assert_int_equal(p.start, 7);
	/* On a blank line: the next paragraph. */
	assert_true(doc_para_at(d, 6, &p));
	assert_int_equal(p.start, 7);
	assert_true(doc_para_at(d, 30, &p));
	assert_int_equal(p.start, 32);
	assert_int_equal(p.end, 42);
	assert_true(doc_para_at(d, 31, &p));
	assert_int_equal(p.start, 32);
	/* Past the end. */
	assert_false(doc_para_at(d, 43, &p));
	assert_false(doc_para_at(d, 1000, &p));
	/* The last newline belongs to no paragraph after it. */
	assert_true(doc_para_at(d, 42, &p));
	assert_int_equal(p.start, 32);
	doc_free(d);
}

static void
para_next_prev_round_trip(void **state)
{
	struct buf b;
	struct doc *d;
	struct range fw[200], p;
	size_t n = 0, i;
	int k;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "\n\n  \n");
	for (k = 0; k < 150; k++) {
		buf_printf(&b, "Paragraph %d line one\n", k);
		if (k % 3 == 0)
			buf_printf(&b, "and line two of %d\n", k);
		if (k % 5 == 0)
			buf_adds(&b, "\n \t\n");
		else if (k % 7 == 0)
			buf_adds(&b, "\r\n");	/* CR: a blank line */
		else
			buf_adds(&b, "\n");
	}
	buf_adds(&b, "\n\n");
	d = doc_from_memory("t", b.data, b.len);
	buf_free(&b);

	assert_true(doc_para_at(d, 0, &p));
	do {
		assert_true(n < 200);
		if (n > 0)
			assert_true(p.start > fw[n - 1].end);
		fw[n++] = p;
	} while (doc_para_next(d, &p, &p));
	assert_int_equal(n, 150);
	for (i = 0; i < n; i++) {
		char want[64];
		int wl = snprintf(want, sizeof want, "Paragraph %d line one",
		    (int)i);

		assert_memory_equal(d->bytes + fw[i].start, want, (size_t)wl);
		if (i % 3 == 0)
			assert_int_equal(fw[i].end - fw[i].start,
			    (size_t)wl + 1 + strlen("and line two of ") +
			    (size_t)snprintf(want, sizeof want, "%d", (int)i));
		else
			assert_int_equal(fw[i].end - fw[i].start, (size_t)wl);
	}
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.start, fw[n - 1].start);
	assert_int_equal(p.end, fw[n - 1].end);
	i = n;
	for (;;) {
		assert_true(i > 0);
		i--;
		assert_int_equal(p.start, fw[i].start);
		assert_int_equal(p.end, fw[i].end);
		if (!doc_para_prev(d, &p, &p))
			break;
	}
	assert_int_equal(i, 0);
	doc_free(d);
}

static void
para_last_with_trailing_blanks(void **state)
{
	struct doc *d;
	struct range p;

	(void)state;
	d = mem("A\n\nLast one\n\n \n\t\n\n");
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.start, 3);
	assert_int_equal(p.end, 11);
	doc_free(d);

	d = mem("A\n\nLast, no newline");
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.start, 3);
	assert_int_equal(p.end, d->len);
	doc_free(d);

	d = mem("Only\n");
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.start, 0);
	assert_int_equal(p.end, 4);
	doc_free(d);

	d = mem("\n \n\n");
	assert_false(doc_para_last(d, &p));
	assert_false(doc_para_at(d, 0, &p));
	doc_free(d);

	d = mem("");
	assert_false(doc_para_last(d, &p));
	assert_false(doc_para_at(d, 0, &p));
	doc_free(d);
}

static void
headline_detection(void **state)
{
	struct buf b;
	struct doc *d;
	struct range p, n;
	int i;

	(void)state;
	d = mem("Short title\n\nBody paragraph.\n");
	assert_true(doc_para_at(d, 0, &p));
	assert_true(doc_para_is_headline(d, &p));
	assert_true(doc_para_next(d, &p, &n));
	assert_false(doc_para_is_headline(d, &n));
	doc_free(d);

	/* A title over two lines still is one. */
	d = mem("\n\nA title\nin two lines\n\nBody.\n");
	assert_true(doc_para_at(d, 0, &p));
	assert_true(doc_para_is_headline(d, &p));
	doc_free(d);

	/* Three lines: no. */
	d = mem("One\nTwo\nThree\n\nBody.\n");
	assert_true(doc_para_at(d, 0, &p));
	assert_false(doc_para_is_headline(d, &p));
	doc_free(d);

	/* A long first paragraph: no. */
	buf_init(&b);
	for (i = 0; i < 30; i++)
		buf_adds(&b, "word word ");
	buf_adds(&b, "\n\nSecond.\n");
	d = doc_from_memory("t", b.data, b.len);
	buf_free(&b);
	assert_true(doc_para_at(d, 0, &p));
	assert_false(doc_para_is_headline(d, &p));
	assert_true(doc_para_next(d, &p, &n));
	assert_false(doc_para_is_headline(d, &n));
	doc_free(d);
}

static void
looks_binary(void **state)
{
	char *b = xcalloc(1, 20000);

	(void)state;
	memset(b, 'a', 20000);
	assert_false(doc_looks_binary(b, 20000));
	b[8191] = '\0';
	assert_true(doc_looks_binary(b, 20000));
	b[8191] = 'a';
	b[8192] = '\0';
	assert_false(doc_looks_binary(b, 20000));
	b[0] = '\0';
	assert_true(doc_looks_binary(b, 1));
	assert_false(doc_looks_binary(b, 0));
	free(b);
}

static void
open_regular_file(void **state)
{
	char *path, *cause = NULL;
	struct doc *d;
	struct range p;

	(void)state;
	path = write_file("a.txt", "Title\r\n\r\nBody\r\n", 15);
	d = doc_open(path, 0, &cause);
	assert_non_null(d);
	assert_null(cause);
	assert_int_equal(d->len, 15);
	assert_memory_equal(d->bytes, "Title\r\n\r\nBody\r\n", 15);
	assert_string_equal(d->path, path);
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.start, 9);
	assert_int_equal(p.end, 13);
	doc_free(d);
	free(path);
}

static void
open_errors(void **state)
{
	char *path, *cause = NULL;

	(void)state;
	path = xasprintf("%s/missing.txt", tmpdir);
	assert_null(doc_open(path, 0, &cause));
	assert_non_null(cause);
	assert_string_equal(cause, "No such file or directory");
	free(cause);
	free(path);

	cause = NULL;
	assert_null(doc_open(tmpdir, 0, &cause));
	assert_non_null(cause);
	assert_string_equal(cause, "is a directory");
	free(cause);

	cause = NULL;
	assert_null(doc_open("/dev/null", 0, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
}

/*
 * An unreadable file.  Root reads every file, so as root the file is
 * opened with the effective user nobody (65534) and root is taken back
 * before anything is asserted; a root that cannot change its effective
 * user skips the case (it is reported as skipped, not passed).
 */
static void
open_unreadable(void **state)
{
	char *path, *cause = NULL;
	struct doc *d;
	int as_root = geteuid() == 0;

	(void)state;
	path = write_file("secret.txt", "x\n", 2);
	assert_int_equal(chmod(path, 0), 0);
	if (as_root) {
		/* nobody may pass through the directory, not read the file */
		assert_int_equal(chmod(tmpdir, 0711), 0);
		if (seteuid(65534) != 0) {
			free(path);
			skip();
			return;
		}
	}
	d = doc_open(path, 0, &cause);
	if (as_root)
		assert_int_equal(seteuid(0), 0);
	assert_null(d);
	assert_non_null(cause);
	assert_string_equal(cause, "Permission denied");
	free(cause);
	free(path);
}

static void
open_binary_needs_force(void **state)
{
	static const char bin[] = "ELF\0\1\2 some text";
	char *path, *cause = NULL;
	struct doc *d;

	(void)state;
	path = write_file("bin", bin, sizeof bin - 1);
	assert_null(doc_open(path, 0, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "binary"));
	free(cause);
	cause = NULL;
	d = doc_open(path, DOC_FORCE, &cause);
	assert_non_null(d);
	assert_null(cause);
	assert_int_equal(d->len, sizeof bin - 1);
	assert_memory_equal(d->bytes, bin, sizeof bin - 1);
	doc_free(d);
	free(path);
}

static void
open_empty_file(void **state)
{
	char *path, *cause = NULL;
	struct doc *d;
	struct range p;

	(void)state;
	path = write_file("empty", "", 0);
	d = doc_open(path, 0, &cause);
	assert_non_null(d);
	assert_null(cause);
	assert_int_equal(d->len, 0);
	assert_false(doc_para_at(d, 0, &p));
	assert_false(doc_para_last(d, &p));
	doc_free(d);
	free(path);
}

/* A FIFO whose writer comes later is waited for, as cat does (tester
 * F9: it read as an empty article and left the writer blocked). */
static void
open_fifo_before_its_writer(void **state)
{
	char *path, *cause = NULL;
	struct doc *d;
	pid_t pid;
	int fd, status;

	(void)state;
	path = xasprintf("%s/fifo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	if ((pid = fork()) == 0) {
		usleep(300 * 1000);
		if ((fd = open(path, O_WRONLY)) < 0 ||
		    write(fd, "late writer\n", 12) != 12)
			_exit(1);
		_exit(0);
	}
	assert_true(pid > 0);
	alarm(10);	/* a hang fails the test instead of the suite */
	d = doc_open(path, 0, &cause);
	alarm(0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_non_null(d);
	assert_null(cause);
	assert_int_equal(d->len, 12);
	assert_memory_equal(d->bytes, "late writer\n", 12);
	assert_int_equal(d->lazy, 0);
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);	/* read whole */
	doc_free(d);
	free(path);
}

/* A file whose size says 0 but that has text (/proc) is read to its
 * end (tester F9: 0 bytes). */
static void
open_proc_file(void **state)
{
	char *cause = NULL;
	struct doc *d;

	(void)state;
	d = doc_open("/proc/self/status", 0, &cause);
	assert_non_null(d);
	assert_null(cause);
	assert_true(d->len > 0);
	assert_non_null(memmem(d->bytes, d->len, "Pid:", 4));
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	doc_free(d);
}


/* ---- a snapshot of the file, read on first touch ------------------------ */

#define NBLOCKS	5

/*
 * A text of n blocks: block k is lines of one letter ('a' + k, or upper
 * case for a second version), so a block of one version is told from the
 * other's, and from the spaces of a block that could not be read.
 */
static char *
blocks_text(size_t n, int upper)
{
	size_t len = n * DOC_BLOCK, i;
	char *t = xmalloc(len);

	for (i = 0; i < len; i++)
		t[i] = i % 64 == 63 ? '\n' :
		    (char)((upper ? 'A' : 'a') + (int)(i / DOC_BLOCK % 26));
	return t;
}

/* What block k of d holds: 'o' old text, 'n' new text, ' ' spaces, '?'. */
static char
block_holds(const struct doc *d, const char *old, const char *new, size_t k)
{
	const char *b = d->bytes + k * DOC_BLOCK;
	size_t n = d->len - k * DOC_BLOCK < DOC_BLOCK ? d->len - k * DOC_BLOCK :
	    DOC_BLOCK, i;

	if (memcmp(b, old + k * DOC_BLOCK, n) == 0)
		return 'o';
	if (new != NULL && memcmp(b, new + k * DOC_BLOCK, n) == 0)
		return 'n';
	for (i = 0; i < n && b[i] == ' '; i++)
		;
	return i == n ? ' ' : '?';
}

/*
 * Touch blocks in the order given (digits), then check what each block
 * holds, block 0 first: want is like "oo  o" (see block_holds).
 */
static void
assert_blocks(const struct doc *d, const char *old, const char *new,
    const char *order, const char *want)
{
	char got[NBLOCKS + 1];
	size_t k;

	for (; *order != '\0'; order++)
		(void)block_holds(d, old, new, (size_t)(*order - '0'));
	for (k = 0; k < NBLOCKS; k++)
		got[k] = block_holds(d, old, new, k);
	got[NBLOCKS] = '\0';
	assert_string_equal(got, want);
}

/* An old modification time, so that any later write changes it even
 * within the file system's clock tick. */
static void
age_file(const char *path)
{
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static struct doc *
open_lazy_flags(const char *path, unsigned flags)
{
	char *cause = NULL;
	struct doc *d = doc_open(path, DOC_LAZY | flags, &cause);

	assert_non_null(d);
	assert_null(cause);
	assert_true(d->lazy);
	return d;
}

static struct doc *
open_lazy(const char *path)
{
	return open_lazy_flags(path, 0);
}

/* Overwrite the file's bytes in place (no truncation), as a program
 * that opens it for writing does. */
static void
rewrite_in_place(const char *path, const char *bytes, size_t len)
{
	int fd = open(path, O_WRONLY);

	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, bytes, len, 0), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

static void
large_file_read_on_first_touch(void **state)
{
	char *text = blocks_text(33, 0), *path, *cause = NULL;
	struct doc *d;
	struct range p;

	(void)state;
	/* Over DOC_READ_WHOLE: read on first touch without asking. */
	path = write_file("big.txt", text, 33 * DOC_BLOCK);
	d = doc_open(path, 0, &cause);
	assert_non_null(d);
	assert_true(d->lazy);
	assert_int_equal(d->len, 33 * DOC_BLOCK);
	assert_memory_equal(d->bytes, text, d->len);
	assert_false(d->stale);
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.end, d->len - 1);
	doc_free(d);
	free(path);
	free(text);

	/* Small files are read whole unless asked; a partial last block. */
	path = write_file("small.txt", "Title\n\nBody text.\n", 18);
	d = doc_open(path, 0, &cause);
	assert_false(d->lazy);
	doc_free(d);
	d = open_lazy(path);
	assert_int_equal(d->len, 18);
	assert_memory_equal(d->bytes, "Title\n\nBody text.\n", 18);
	assert_true(doc_para_last(d, &p));
	assert_int_equal(p.start, 7);
	doc_free(d);
	free(path);
}

static void
rewrite_in_place_never_mixes(void **state)
{
	char *old = blocks_text(NBLOCKS, 0), *new = blocks_text(NBLOCKS, 1);
	char *path;
	struct doc *d;

	(void)state;
	path = write_file("rewrite.txt", old, NBLOCKS * DOC_BLOCK);
	age_file(path);
	d = open_lazy(path);
	assert_int_equal(block_holds(d, old, new, 0), 'o');	/* read at open */
	assert_int_equal(block_holds(d, old, new, 2), 'o');
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);

	rewrite_in_place(path, new, NBLOCKS * DOC_BLOCK);
	assert_int_equal(doc_changed(d), DOC_MODIFIED);
	/* What was read stays; what was not is never taken from the new
	 * version. */
	assert_blocks(d, old, new, "14", "o o  ");
	assert_true(d->stale);
	assert_false(d->truncated);
	assert_int_equal(doc_changed(d), DOC_MODIFIED);
	doc_free(d);

	/* Open again: the new version, whole. */
	d = open_lazy(path);
	assert_memory_equal(d->bytes, new, d->len);
	assert_false(d->stale);
	doc_free(d);
	free(path);
	free(old);
	free(new);
}

static void
truncated_while_open(void **state)
{
	char *old = blocks_text(NBLOCKS, 0), *path;
	struct doc *d;

	(void)state;
	path = write_file("trunc.txt", old, NBLOCKS * DOC_BLOCK);
	d = open_lazy(path);
	assert_int_equal(block_holds(d, old, NULL, 1), 'o');
	assert_int_equal(truncate(path, 2 * DOC_BLOCK + 100), 0);
	assert_int_equal(doc_changed(d), DOC_TRUNCATED);
	/* Even the part still in the file is not read after the change. */
	assert_blocks(d, old, NULL, "24", "oo   ");
	assert_true(d->stale);
	assert_true(d->truncated);
	assert_int_equal(d->len, NBLOCKS * DOC_BLOCK);
	doc_free(d);
	free(path);
	free(old);
}

static void
appended_while_open(void **state)
{
	char *old = blocks_text(NBLOCKS, 0), *path;
	struct doc *d, *small;
	FILE *f;

	(void)state;
	path = write_file("grow.txt", old, NBLOCKS * DOC_BLOCK);
	age_file(path);
	d = open_lazy(path);
	small = doc_open(path, 0, &(char *){ NULL });	/* read whole */
	assert_non_null(small);
	assert_false(small->lazy);
	/* The end of the text was read: an append can be told. */
	assert_int_equal(block_holds(d, old, NULL, NBLOCKS - 1), 'o');
	f = fopen(path, "a");
	assert_non_null(f);
	fputs("A line added at the end.\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(doc_changed(d), DOC_APPENDED);
	assert_int_equal(doc_changed(small), DOC_APPENDED);
	assert_int_equal(doc_changed(d), DOC_APPENDED);	/* judged once */
	/* Not read before the change: spaces, not the file's bytes. */
	assert_int_equal(block_holds(d, old, NULL, 2), ' ');
	assert_int_equal(small->len, NBLOCKS * DOC_BLOCK);
	doc_free(d);
	doc_free(small);

	/* An append to a file whose end was never read cannot be told
	 * from an edit. */
	age_file(path);
	d = open_lazy(path);
	f = fopen(path, "a");
	assert_non_null(f);
	fputs("Another.\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(doc_changed(d), DOC_MODIFIED);
	doc_free(d);
	free(path);
	free(old);
}

static void
renamed_over_and_deleted(void **state)
{
	char *old = blocks_text(NBLOCKS, 0), *new = blocks_text(NBLOCKS, 1);
	char *path, *other;
	struct doc *d;

	(void)state;
	path = write_file("story.txt", old, NBLOCKS * DOC_BLOCK);
	d = open_lazy(path);
	other = write_file("story.txt.new", new, NBLOCKS * DOC_BLOCK);
	assert_int_equal(rename(other, path), 0);
	assert_int_equal(doc_changed(d), DOC_REPLACED);
	/* The file first read is still there, unlinked: the document goes
	 * on reading it, whole and consistent. */
	assert_int_equal(block_holds(d, old, new, 3), 'o');
	assert_false(d->stale);
	doc_free(d);

	d = open_lazy(path);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(doc_changed(d), DOC_DELETED);
	assert_memory_equal(d->bytes, new, d->len);
	assert_false(d->stale);
	doc_free(d);
	free(path);
	free(other);
	free(old);
	free(new);
}

static void
small_file_change_detection(void **state)
{
	static const char v1[] = "Headline\n\nThe first version.\n";
	static const char v2[] = "Headline\n\nThe other version.\n";
	char *path, *cause = NULL;
	struct doc *d;

	(void)state;
	path = write_file("s.txt", v1, sizeof v1 - 1);
	age_file(path);
	d = doc_open(path, 0, &cause);
	assert_non_null(d);
	assert_false(d->lazy);
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	/* New times, same bytes (touch, a rewrite of the same text). */
	assert_int_equal(utimensat(AT_FDCWD, path, NULL, 0), 0);
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	rewrite_in_place(path, v2, sizeof v2 - 1);
	assert_int_equal(doc_changed(d), DOC_MODIFIED);
	assert_memory_equal(d->bytes, v1, sizeof v1 - 1);
	assert_int_equal(truncate(path, 4), 0);
	assert_int_equal(doc_changed(d), DOC_TRUNCATED);
	assert_string_equal(doc_change_name(DOC_TRUNCATED), "truncated");
	assert_string_equal(doc_change_name(DOC_APPENDED), "appended to");
	assert_string_equal(doc_change_name(DOC_UNCHANGED), "unchanged");
	doc_free(d);

	/* Documents without a file never change. */
	d = mem("x\n");
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	doc_free(d);
	free(path);
}

/* A text made from another file (an HTML page's article) is told when
 * that file changes; its bytes are never compared with the file's. */
static void
watch_the_file_a_text_came_from(void **state)
{
	static const char page[] = "<p>The first version.</p>\n";
	static const char edit[] = "<p>The other version.</p>\n";
	char *path, *cause = NULL;
	struct doc *d, *file;
	struct stat st;

	(void)state;
	path = write_file("page.html", page, sizeof page - 1);
	age_file(path);
	assert_int_equal(stat(path, &st), 0);
	d = mem("The first version.\n");
	d->path = xstrdup(path);
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);	/* not watched */
	doc_watch(d, &st);
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	rewrite_in_place(path, edit, sizeof edit - 1);	/* same size */
	assert_int_equal(doc_changed(d), DOC_MODIFIED);
	assert_string_equal(d->bytes, "The first version.\n");
	assert_int_equal(truncate(path, 4), 0);	/* never "truncated" */
	assert_int_equal(doc_changed(d), DOC_MODIFIED);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(doc_changed(d), DOC_DELETED);
	doc_free(d);

	/* A document read from its file keeps watching its own bytes. */
	free(write_file("page.html", page, sizeof page - 1));
	file = doc_open(path, 0, &cause);
	assert_non_null(file);
	assert_int_equal(stat(path, &st), 0);
	st.st_size = 1;
	doc_watch(file, &st);
	assert_int_equal(doc_changed(file), DOC_UNCHANGED);
	doc_free(file);
	free(path);
}

static void
huge_sparse_file(void **state)
{
	const off_t size = (off_t)4 << 30;	/* 4 GiB, nearly all holes */
	static const char head[] = "Sparse Headline\n\nFirst paragraph.\n";
	static const char tail[] = "\n\nThe last paragraph.\n";
	char *path;
	struct doc *d;
	int fd;

	(void)state;
	path = xasprintf("%s/sparse.txt", tmpdir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, head, sizeof head - 1, 0), sizeof head - 1);
	assert_int_equal(pwrite(fd, tail, sizeof tail - 1,
	    size - (off_t)(sizeof tail - 1)), sizeof tail - 1);
	assert_int_equal(close(fd), 0);

	d = open_lazy_flags(path, DOC_FORCE);	/* NUL bytes */
	assert_int_equal(d->len, (size_t)size);
	assert_memory_equal(d->bytes, head, sizeof head - 1);
	assert_memory_equal(d->bytes + d->len - (sizeof tail - 1), tail,
	    sizeof tail - 1);
	assert_int_equal(doc_line_start(d, d->len - 1),
	    d->len - (sizeof tail - 1) + 2);
	assert_int_equal(d->bytes[(size_t)size / 2], '\0');	/* a hole */
	assert_int_equal(doc_changed(d), DOC_UNCHANGED);
	doc_free(d);
	unlink(path);
	free(path);
}

struct reader {
	const struct doc	*d;
	const char		*want;
	int			 same;
};

static void *
read_backwards(void *arg)
{
	struct reader *r = arg;
	size_t i;

	r->same = 1;
	for (i = r->d->len; i-- > 0; )
		if (r->d->bytes[i] != r->want[i])
			r->same = 0;
	return NULL;
}

/* Threads touching the same blocks at once each see whole blocks. */
static void
threads_read_together(void **state)
{
	char *text = blocks_text(24, 0), *path;
	struct reader r[4];
	pthread_t t[4];
	struct doc *d;
	int i;

	(void)state;
	path = write_file("threads.txt", text, 24 * DOC_BLOCK);
	d = open_lazy(path);
	for (i = 0; i < 4; i++) {
		r[i].d = d;
		r[i].want = text;
		assert_int_equal(pthread_create(&t[i], NULL, read_backwards,
		    &r[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_true(r[i].same);
	}
	doc_free(d);
	free(path);
	free(text);
}

/* A system call is handed only blocks already read: doc_load. */
static void
load_before_a_system_call(void **state)
{
	char *text = blocks_text(NBLOCKS, 0), *path, *copy, *back;
	struct doc *d;
	size_t len;
	int fd;

	(void)state;
	path = write_file("load.txt", text, NBLOCKS * DOC_BLOCK);
	d = open_lazy(path);
	doc_load(d, 10, d->len);
	copy = xasprintf("%s/copy.txt", tmpdir);
	fd = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, d->bytes, d->len), (ssize_t)d->len);
	assert_int_equal(close(fd), 0);
	back = util_read_file(copy, &len);
	assert_non_null(back);
	assert_int_equal(len, d->len);
	assert_memory_equal(back, text, len);
	doc_load(d, d->len, d->len + 5);	/* nothing to do */
	free(back);
	free(copy);
	doc_free(d);
	free(path);
	free(text);
}

/*
 * In a child with no other SIGSEGV handler: open a document, do
 * something that must crash, and say whether it died of SIGSEGV.
 */
static int
child_dies_of_segv(const char *path, void (*bad)(const struct doc *))
{
	int status;
	pid_t pid;

	fflush(NULL);
	if ((pid = fork()) == 0) {
		struct sigaction dfl;
		char *cause = NULL;
		struct doc *d;

		memset(&dfl, 0, sizeof dfl);
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGSEGV, &dfl, NULL);	/* not cmocka's */
		alarm(10);
		d = doc_open(path, DOC_LAZY, &cause);
		if (d == NULL)
			_exit(3);
		bad(d);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static void
write_into_bytes(const struct doc *d)
{
	((volatile char *)d->bytes)[DOC_BLOCK + 1] = 'x';
}

/* A fault outside any document: a page of no access of our own. */
static void
read_elsewhere(const struct doc *d)
{
	volatile const char *p = mmap(NULL, 4096, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p != MAP_FAILED && d->len > 0)
		(void)*p;
}

/* The handler takes only first touches: real faults still crash. */
static void
real_faults_still_crash(void **state)
{
	char *text = blocks_text(2, 0), *path;
	struct doc *d;

	(void)state;
	path = write_file("crash.txt", text, 2 * DOC_BLOCK);
	assert_true(child_dies_of_segv(path, write_into_bytes));
	assert_true(child_dies_of_segv(path, read_elsewhere));
	/* A document opened before fork is not the child's to fill. */
	d = open_lazy(path);
	assert_true(child_dies_of_segv(path, write_into_bytes));
	assert_memory_equal(d->bytes, text, d->len);
	doc_free(d);
	free(path);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(from_memory_copies),
		cmocka_unit_test(watch_the_file_a_text_came_from),
		cmocka_unit_test(bom_sets_text_start),
		cmocka_unit_test(crlf_line_ends),
		cmocka_unit_test(cr_only_file),
		cmocka_unit_test(blank_lines_with_white_space),
		cmocka_unit_test(para_at_positions),
		cmocka_unit_test(para_next_prev_round_trip),
		cmocka_unit_test(para_last_with_trailing_blanks),
		cmocka_unit_test(headline_detection),
		cmocka_unit_test(looks_binary),
		cmocka_unit_test(open_regular_file),
		cmocka_unit_test(open_errors),
		cmocka_unit_test(open_unreadable),
		cmocka_unit_test(open_binary_needs_force),
		cmocka_unit_test(open_empty_file),
		cmocka_unit_test(open_fifo_before_its_writer),
		cmocka_unit_test(open_proc_file),
		cmocka_unit_test(large_file_read_on_first_touch),
		cmocka_unit_test(rewrite_in_place_never_mixes),
		cmocka_unit_test(truncated_while_open),
		cmocka_unit_test(appended_while_open),
		cmocka_unit_test(renamed_over_and_deleted),
		cmocka_unit_test(small_file_change_detection),
		cmocka_unit_test(huge_sparse_file),
		cmocka_unit_test(threads_read_together),
		cmocka_unit_test(load_before_a_system_call),
		cmocka_unit_test(real_faults_still_crash),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
