/* test_clipboard.c: OSC 52, the command path, and what y and Y copy. */
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/clipboard.h"
#include "artread/util.h"

#define WAIT	10000	/* ms: a clipboard command here ends at once */

static void
osc52_is_base64(void **state)
{
	static const struct {
		const char	*text;
		const char	*seq;
	} cases[] = {
		{ "", "\033]52;c;\a" },
		{ "f", "\033]52;c;Zg==\a" },
		{ "fo", "\033]52;c;Zm8=\a" },
		{ "foo", "\033]52;c;Zm9v\a" },
		{ "foobar", "\033]52;c;Zm9vYmFy\a" },
		/* Control bytes travel encoded, never as themselves. */
		{ "\033]0;x\a", "\033]52;c;G10wO3gH\a" },
		{ "\xe2\x80\x9cq\xe2\x80\x9d", "\033]52;c;4oCcceKAnQ==\a" },
	};
	struct buf b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_init(&b);
		clipboard_osc52(cases[i].text, strlen(cases[i].text), &b);
		assert_string_equal(b.data, cases[i].seq);
		assert_null(memchr(b.data + 1, '\033', b.len - 1));
		buf_free(&b);
	}
}

static void
passage_as_seen(void **state)
{
	static const struct {
		const char	*bytes;
		const char	*want;
	} cases[] = {
		{ "one line", "one line" },
		{ "  padded \n", "padded" },
		{ "a hard\nwrapped line", "a hard wrapped line" },
		{ "crlf\r\nline", "crlf line" },
		{ "para one\n\npara two", "para one\n\npara two" },
		{ "para one\r\n \r\n\r\npara two", "para one\n\npara two" },
		{ "ends with space \nnext", "ends with space next" },
		{ "\xe2\x80\x9cQuoted,\xe2\x80\x9d she\nsaid.",
		  "\xe2\x80\x9cQuoted,\xe2\x80\x9d she said." },
	};
	struct buf b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_init(&b);
		clipboard_passage(cases[i].bytes, strlen(cases[i].bytes), &b);
		assert_string_equal(b.data, cases[i].want);
		buf_free(&b);
	}
}

static void
citation_line(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	clipboard_citation("Bridge Vote", "/news/story.txt", NULL, "check it",
	    &b);
	assert_string_equal(b.data,
	    "\xe2\x80\x94 Bridge Vote, /news/story.txt. Note: check it");
	buf_reset(&b);
	clipboard_citation(NULL, "standard input", "", "", &b);
	assert_string_equal(b.data, "\xe2\x80\x94 standard input");
	buf_reset(&b);
	/* A quote's passage: its speaker first. */
	clipboard_citation("Bridge Vote", "/news/story.txt", "Ann Lee", "",
	    &b);
	assert_string_equal(b.data, "\xe2\x80\x94 Ann Lee, quoted in Bridge "
	    "Vote, /news/story.txt");
	buf_free(&b);
}

/* The command gets the text on standard input; failures say why. */
static void
command_path(void **state)
{
	char dir[PATH_MAX], *cmd, *got, *cause = NULL;
	size_t len;

	(void)state;
	assert_int_equal(testutil_mkdtemp(dir, "clip"), 0);
	cmd = xasprintf("cat > '%s/out'", dir);
	assert_int_equal(clipboard_pipe(cmd, "text\nwith\0nul", 13, WAIT, NULL, &cause), 0);
	free(cmd);
	cmd = xasprintf("%s/out", dir);
	assert_non_null(got = util_read_file(cmd, &len));
	assert_int_equal(len, 13);
	assert_memory_equal(got, "text\nwith\0nul", 13);
	free(got);
	free(cmd);
	assert_int_equal(clipboard_pipe("exit 3", "x", 1, WAIT, NULL, &cause), -1);
	assert_string_equal(cause, "'exit 3' exited with status 3");
	free(cause);
	assert_int_equal(clipboard_pipe("no-such-command-here", "x", 1,
	    WAIT, NULL, &cause), -1);
	assert_non_null(strstr(cause, "status 127 (not found?)"));
	free(cause);
	assert_int_equal(clipboard_pipe("kill -9 $$", "x", 1, WAIT, NULL, &cause), -1);
	assert_string_equal(cause, "'kill -9 $$' was killed by signal 9");
	free(cause);
	/* One that reads nothing, with more than a pipe holds. */
	got = calloc(1, 1 << 20);
	assert_int_equal(clipboard_pipe("true", got, 1 << 20, WAIT, NULL, &cause), 0);
	free(got);
	assert_int_equal(clipboard_pipe("", "x", 1, WAIT, NULL, &cause), -1);
	assert_non_null(strstr(cause, "clipboard_command"));
	free(cause);
	testutil_rmtree(dir);
}

static int
stop_now(void)
{
	return 1;
}

/* A command that never ends (or never reads) is stopped, not waited for
 * forever: after the time given, or at once when stop says so. */
static void
command_that_hangs(void **state)
{
	char *big, *cause = NULL;

	(void)state;
	assert_int_equal(clipboard_pipe("sleep 30", "x", 1, 200, NULL,
	    &cause), -1);
	assert_string_equal(cause, "'sleep 30' did not finish in 1 s "
	    "(stopped; a clipboard command should take the text and exit)");
	free(cause);
	/* more than a pipe holds, to one that does not read: the write
	 * does not block */
	big = calloc(1, 1 << 20);
	assert_int_equal(clipboard_pipe("sleep 30", big, 1 << 20, 200, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "did not finish"));
	free(cause);
	free(big);
	assert_int_equal(clipboard_pipe("sleep 30", "x", 1, WAIT, stop_now,
	    &cause), -1);
	assert_string_equal(cause, "cancelled");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(osc52_is_base64),
		cmocka_unit_test(passage_as_seen),
		cmocka_unit_test(citation_line),
		cmocka_unit_test(command_path),
		cmocka_unit_test(command_that_hangs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
