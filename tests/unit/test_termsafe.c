/* test_termsafe.c: text made safe for a terminal, whole and in pieces,
 * the stream over a descriptor, and diag_print's use of it. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/diag.h"
#include "artread/termsafe.h"

struct row {
	const char	*name;
	const char	*in;
	unsigned	 flags;
	const char	*out;
};

static struct row rows[] = {
	{ "plain text stays", "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d", 0,
	  "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d" },
	{ "escape sequences shown", "a\033]0;PWNED\007b\033[2J", 0,
	  "a^[]0;PWNED^Gb^[[2J" },
	{ "DEL and backspace", "a\177b\bc", 0, "a^?b^Hc" },
	{ "tab stays", "a\tb", 0, "a\tb" },
	{ "tab shown with TABS (a message)", "a\tb\n", TERMSAFE_TABS |
	  TERMSAFE_LINES, "a^Ib\n" },
	{ "line break shown without LINES", "a\nb", 0, "a^Jb" },
	{ "line break kept with LINES", "a\nb", TERMSAFE_LINES, "a\nb" },
	{ "CR LF kept with LINES", "a\r\nb", TERMSAFE_LINES, "a\r\nb" },
	{ "a lone CR is shown", "one\rtwo", TERMSAFE_LINES, "one^Mtwo" },
	{ "CR at the very end is shown", "x\r", TERMSAFE_LINES, "x^M" },
	{ "C1 CSI by code point", "a\xc2\x9b" "2J", 0, "a<U+009B>2J" },
	{ "raw 0x9b byte is U+FFFD", "a\x9b" "b", 0, "a\xef\xbf\xbd" "b" },
	{ "RLO and PDF by code point", "\xe2\x80\xae" "abc\xe2\x80\xac", 0,
	  "<U+202E>abc<U+202C>" },
	{ "zero-width space by code point", "a\xe2\x80\x8b" "b", 0,
	  "a<U+200B>b" },
	{ "BOM by code point", "\xef\xbb\xbf" "x", 0, "<U+FEFF>x" },
	{ "overlong is U+FFFD per byte", "\xc0\xaf", 0,
	  "\xef\xbf\xbd\xef\xbf\xbd" },
	{ "truncated sequence at the end", "x\xe2\x82", 0,
	  "x\xef\xbf\xbd\xef\xbf\xbd" },
	{ "emoji ZWJ sequence kept",
	  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 0,
	  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" },
	{ "a joiner between letters is shown", "a\xe2\x80\x8d" "b", 0,
	  "a<U+200D>b" },
	{ "tag characters shown", "x\xf3\xa0\x80\x81", 0, "x<U+E0001>" },
};

static void
str_row(void **state)
{
	const struct row *r = *state;
	char *s = termsafe_str(r->in, r->flags);

	assert_string_equal(s, r->out);
	assert_true(termsafe_is_safe(s, strlen(s), r->flags));
	free(s);
}

/* Every split of each row into two pieces gives the same text. */
static void
pieces_give_the_same(void **state)
{
	size_t i, cut, n;
	struct termsafe ts;
	struct buf out;

	(void)state;
	for (i = 0; i < testutil_nelem(rows); i++) {
		n = strlen(rows[i].in);
		for (cut = 0; cut <= n; cut++) {
			termsafe_init(&ts, rows[i].flags);
			buf_init(&out);
			termsafe_feed(&ts, rows[i].in, cut, &out);
			termsafe_feed(&ts, rows[i].in + cut, n - cut, &out);
			termsafe_end(&ts, &out);
			assert_mem_str(out.data, out.len, rows[i].out);
			buf_free(&out);
		}
	}
}

static void
raw_passes_bytes(void **state)
{
	struct termsafe ts;
	struct buf out;

	(void)state;
	termsafe_init(&ts, TERMSAFE_RAW);
	buf_init(&out);
	termsafe_feed(&ts, "\033[1m\xff", 5, &out);
	termsafe_end(&ts, &out);
	assert_mem_str(out.data, out.len, "\033[1m\xff");
	buf_free(&out);
}

/* Read back what was written to a pipe. */
static void
read_pipe(int fd, char *buf, size_t size)
{
	ssize_t n = read(fd, buf, size - 1);

	assert_true(n >= 0);
	buf[n] = '\0';
}

static void
stream_makes_safe(void **state)
{
	char got[256];
	int p[2], err = 0;
	FILE *f;

	(void)state;
	assert_int_equal(pipe(p), 0);
	f = termsafe_fdopen(p[1], TERMSAFE_LINES, &err);
	assert_non_null(f);
	/* A character split between two writes, and a buffer flush. */
	fputs("title \033]0;X\007 caf\xc3", f);
	fflush(f);
	fputs("\xa9\r\nend\n", f);
	assert_int_equal(fclose(f), 0);
	read_pipe(p[0], got, sizeof got);
	assert_string_equal(got, "title ^[]0;X^G caf\xc3\xa9\r\nend\n");
	assert_int_equal(err, 0);
	close(p[0]);
	close(p[1]);
}

static void
stream_notes_write_error(void **state)
{
	int fd = open("/dev/full", O_WRONLY), err = 0;
	FILE *f;

	(void)state;
	if (fd < 0)
		skip();
	f = termsafe_fdopen(fd, TERMSAFE_RAW, &err);
	assert_non_null(f);
	fputs("anything\n", f);
	/* stdio drops its buffer after the failure: the stream noted it. */
	assert_int_not_equal(fflush(f), 0);
	assert_true(ferror(f));
	fclose(f);
	assert_int_equal(err, ENOSPC);
	close(fd);
}

static void
diag_print_is_safe(void **state)
{
	struct diag d;
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	(void)state;
	diag_init(&d);
	diag_error(&d, "f.jsonl:2: duplicate id \"x\033]0;T\007\"");
	diag_warning(&d, "f.ini:3: unknown key 'a\nartread: all is well'");
	diag_print(&d, f);
	fclose(f);
	assert_string_equal(p, "artread: f.jsonl:2: duplicate id "
	    "\"x^[]0;T^G\"\nartread: warning: f.ini:3: unknown key "
	    "'a^Jartread: all is well'\n");
	free(p);
	diag_free(&d);
}

/* A million bad lines are counted, not kept: the first DIAG_MAX are
 * printed, then how many more (700,000 lines were printed in full). */
static void
diag_keeps_at_most_max(void **state)
{
	struct diag d;
	char *p = NULL;
	size_t n = 0, i;
	FILE *f;

	(void)state;
	diag_init(&d);
	for (i = 0; i < DIAG_MAX + 1000; i++)
		diag_error(&d, "f.ini:%zu: syntax error", i + 1);
	diag_warning(&d, "one warning more");
	assert_int_equal(d.n, DIAG_MAX);
	assert_int_equal(d.errors, DIAG_MAX + 1000);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.dropped, 1001);
	assert_non_null(f = open_memstream(&p, &n));
	diag_print(&d, f);
	fclose(f);
	assert_non_null(strstr(p, "artread: f.ini:200: syntax error\n"
	    "artread: ... and 1001 more (not shown)\n"));
	assert_null(strstr(p, "f.ini:201:"));
	free(p);
	diag_free(&d);
}

int
main(void)
{
	static const struct CMUnitTest funcs[] = {
		cmocka_unit_test(pieces_give_the_same),
		cmocka_unit_test(raw_passes_bytes),
		cmocka_unit_test(stream_makes_safe),
		cmocka_unit_test(stream_notes_write_error),
		cmocka_unit_test(diag_print_is_safe),
		cmocka_unit_test(diag_keeps_at_most_max),
	};

	/* Widths (what is printable) follow LC_CTYPE, as in artread. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
	testutil_run_with_table(funcs, rows, str_row, NULL, NULL);
}
