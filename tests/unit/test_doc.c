/* test_doc.c: loading an article; lines and paragraphs. */
#include "testutil.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	assert_int_equal(d->mapped, 0);
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

static void
open_fifo_without_writer(void **state)
{
	char *path, *cause = NULL;
	struct doc *d;

	(void)state;
	path = xasprintf("%s/fifo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(10);	/* a hang fails the test instead of the suite */
	d = doc_open(path, 0, &cause);
	alarm(0);
	assert_non_null(d);
	assert_null(cause);
	assert_int_equal(d->len, 0);
	assert_int_equal(d->mapped, 0);
	doc_free(d);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(from_memory_copies),
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
		cmocka_unit_test(open_fifo_without_writer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
