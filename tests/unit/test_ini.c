/*
 * test_ini.c: the INI reader (ini.c): values from iniparser, lines and
 * order from the same text, read once; iniparser's errors in its own
 * words as "FILE:LINE: ...".
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>

#include "artread/diag.h"
#include "artread/ini.h"

static char tmpdir[PATH_MAX];

static char *
write_text(const char *name, const char *text)
{
	return testutil_write(tmpdir, name, text, strlen(text));
}

/* Values as iniparser reads them, each at the line it starts on. */
static void
values_lines_and_order(void **state)
{
	static const struct {
		const char	*section;
		const char	*key;	/* NULL: the [section] line */
		const char	*value;
		int		 line;
	} want[] = {
		{ "general", NULL, "", 2 },
		{ "general", "theme", "dark", 3 },
		{ "general", "note", "one two", 5 },
		{ "general", "quoted", "a ; b", 7 },
		{ "keys", NULL, "", 8 },
		{ "keys", "quit", "q", 10 },
	};
	char *path = write_text("order.ini",
	    "# a comment\n"
	    "[General]\n"
	    "Theme = dark ; inline comment\n"
	    "; another\n"
	    "note = one \\\n"
	    "two\n"
	    "quoted = \"a ; b\"\n"
	    "[keys]\n"
	    "quit = x\n"
	    "quit = q\n");
	const struct ini_entry *e;
	struct diag d;
	struct ini *ini;
	size_t i;

	(void)state;
	diag_init(&d);
	ini = ini_load_flags(path, &d, INI_QUIET_DUPLICATES);
	assert_non_null(ini);
	assert_int_equal(d.n, 0);
	assert_int_equal(ini_count(ini), sizeof want / sizeof want[0]);
	for (i = 0; i < ini_count(ini); i++) {
		e = ini_entry(ini, i);
		assert_string_equal(e->section, want[i].section);
		if (want[i].key == NULL)
			assert_null(e->key);
		else
			assert_string_equal(e->key, want[i].key);
		assert_string_equal(e->value, want[i].value);
		assert_int_equal(e->line, want[i].line);
	}
	ini_free(ini);
	diag_free(&d);
	free(path);
}

/* A key set twice: a warning naming both lines, unless told not to. */
static void
duplicate_key_warns(void **state)
{
	char *path = write_text("dup.ini", "[a]\nx = 1\ny = 2\nx = 3\n");
	struct diag d;
	struct ini *ini;

	(void)state;
	diag_init(&d);
	ini = ini_load(path, &d);
	assert_non_null(ini);
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(d.msgs[0], "dup.ini:2: 'x' is set again on "
	    "line 4, which wins"));
	assert_string_equal(ini_find(ini, "a", "x")->value, "3");
	ini_free(ini);
	diag_free(&d);
	free(path);
}

/*
 * iniparser's own words, one line, with our file name (not the name
 * iniparser opened) and the line.
 */
static void
syntax_error_in_iniparser_words(void **state)
{
	char *path = write_text("syntax.ini", "[a]\nx = 1\nnot a key\n");
	char *want = NULL;
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_null(ini_load(path, &d));
	assert_int_equal(d.errors, 1);
	assert_true(asprintf(&want, "%s:3: syntax error: not a key", path) > 0);
	assert_string_equal(d.msgs[0], want);
	assert_null(strchr(d.msgs[0], '\n'));
	free(want);
	diag_free(&d);
	free(path);
}

static void
nul_byte_is_an_error(void **state)
{
	char *path = testutil_write(tmpdir, "nul.ini", "[a]\nx = 1\ny = \0\n",
	    16);
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_null(ini_load_flags(path, &d, INI_QUIET_DUPLICATES));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "nul.ini:3: a NUL byte"));
	diag_free(&d);
	free(path);
}

/*
 * Keys and sections are capped (iniparser's time grows with the square
 * of their number: 700,000 keys took over five minutes): 10,000 load,
 * one more is refused with a message, comments do not count.
 */
static void
too_many_keys_are_refused(void **state)
{
	struct buf text;
	struct diag d;
	struct ini *ini;
	char *path;
	int i;

	(void)state;
	buf_init(&text);
	buf_adds(&text, "# a comment = not a key\n[s]\n");
	for (i = 0; i < 9999; i++)
		buf_printf(&text, "k%d = v\n; k = comment\n", i);
	path = testutil_write(tmpdir, "many.ini", text.data, text.len);
	diag_init(&d);
	assert_non_null(ini = ini_load(path, &d));
	assert_int_equal(ini_count(ini), 10000);
	assert_int_equal(d.n, 0);
	ini_free(ini);
	free(path);
	buf_adds(&text, "one = more\n");
	path = testutil_write(tmpdir, "many.ini", text.data, text.len);
	assert_null(ini_load(path, &d));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "many.ini: too many keys and "
	    "sections (10001; at most 10000 in one file)"));
	diag_free(&d);
	free(path);
	buf_free(&text);
}

/* The file is opened once: iniparser parses the text ini.c read. */
static void
file_is_read_once(void **state)
{
	char *path = write_text("once.ini", "[a]\nx = 1\n");
	char events[4096];
	struct diag d;
	struct ini *ini;
	ssize_t n;
	size_t off;
	int fd, opens = 0;

	(void)state;
	fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	assert_true(fd >= 0);
	/* Closes too: inotify merges an event into an identical last one. */
	assert_true(inotify_add_watch(fd, path, IN_OPEN | IN_CLOSE_NOWRITE) >=
	    0);
	diag_init(&d);
	ini = ini_load(path, &d);
	assert_non_null(ini);
	while ((n = read(fd, events, sizeof events)) > 0) {
		for (off = 0; off < (size_t)n;
		    off += sizeof(struct inotify_event) +
		    ((struct inotify_event *)(void *)(events + off))->len)
			opens += (((struct inotify_event *)(void *)
			    (events + off))->mask & IN_OPEN) != 0;
	}
	assert_int_equal(opens, 1);
	close(fd);
	ini_free(ini);
	diag_free(&d);
	free(path);
}

static int
setup(void **state)
{
	(void)state;
	return testutil_mkdtemp(tmpdir, "ini");
}

static int
teardown(void **state)
{
	(void)state;
	return testutil_rmtree(tmpdir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_lines_and_order),
		cmocka_unit_test(duplicate_key_warns),
		cmocka_unit_test(syntax_error_in_iniparser_words),
		cmocka_unit_test(nul_byte_is_an_error),
		cmocka_unit_test(too_many_keys_are_refused),
		cmocka_unit_test(file_is_read_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
