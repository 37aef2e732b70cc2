/*
 * testutil.h: what every cmocka unit test includes first.
 */
#ifndef ARTREAD_TESTUTIL_H
#define ARTREAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

/* Assert that two byte ranges hold the same bytes (with a useful message). */
#define assert_mem_str(p, n, s) do {					\
	size_t n__ = strlen(s);						\
	assert_int_equal((n), n__);					\
	assert_memory_equal((p), (s), n__);				\
} while (0)

/* The number of elements of an array. */
#define testutil_nelem(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Table-driven cases: one cmocka case per row of a table whose rows
 * start with `const char *name`.  Fills tests[at ...] so that case i is
 * named rows[i].name and runs fn with *state pointing at rows[i].
 */
#define testutil_table(tests, at, rows, fn) do {			\
	size_t i__;							\
	for (i__ = 0; i__ < testutil_nelem(rows); i__++) {		\
		(tests)[(at) + i__].name = (rows)[i__].name;		\
		(tests)[(at) + i__].test_func = (fn);			\
		(tests)[(at) + i__].setup_func = NULL;			\
		(tests)[(at) + i__].teardown_func = NULL;		\
		(tests)[(at) + i__].initial_state = &(rows)[i__];	\
	}								\
} while (0)

/*
 * main's body for a suite of test functions and a table: funcs[] (a
 * static array of cmocka_unit_test) first, then one case per row of
 * rows.  The array run is sized from both, so a function added to funcs
 * can never push another off the end (a fixed count did: a case was
 * silently dropped).
 */
#define testutil_run_with_table(funcs, rows, fn, setup, teardown) do {	\
	struct CMUnitTest tests[testutil_nelem(funcs) +			\
	    testutil_nelem(rows)];					\
	memcpy(tests, (funcs), sizeof(funcs));				\
	testutil_table(tests, testutil_nelem(funcs), rows, fn);		\
	return cmocka_run_group_tests(tests, setup, teardown);		\
} while (0)

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "artread/util.h"
#include <dirent.h>
#include <errno.h>
#include <unistd.h>

/* Read fd to its end into out (cap bytes with the NUL), then close it. */
static inline void
testutil_read_close(int fd, char *out, size_t cap)
{
	size_t len = 0;
	ssize_t r;

	while ((r = read(fd, out + len, cap - 1 - len)) > 0 ||
	    (r < 0 && errno == EINTR))
		if (r > 0)
			len += (size_t)r;
	out[len] = '\0';
	close(fd);
}

/* How many of this process's descriptors are open on files in dir
 * (named or deleted). */
static inline int
testutil_fds_in(const char *dir)
{
	char path[300], to[PATH_MAX];
	struct dirent *de;
	DIR *d = opendir("/proc/self/fd");
	size_t n = strlen(dir);
	ssize_t r;
	int count = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		snprintf(path, sizeof path, "/proc/self/fd/%s", de->d_name);
		if ((r = readlink(path, to, sizeof to - 1)) <= 0)
			continue;
		to[r] = '\0';
		count += strncmp(to, dir, n) == 0 && to[n] == '/';
	}
	closedir(d);
	return count;
}

/*
 * Run from the checkout's root, wherever the test binary was started:
 * go up from the binary's directory until probe (a file the test reads,
 * e.g. "themes/default.ini") is there.
 */
static inline void
testutil_chdir_root(const char *probe)
{
	char exe[PATH_MAX], *slash;
	ssize_t n;
	int i;

	if (access(probe, R_OK) == 0 ||
	    (n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return;
	exe[n] = '\0';
	for (i = 0; i < 5 && (slash = strrchr(exe, '/')) != NULL; i++) {
		*slash = '\0';
		if (chdir(exe) == 0 && access(probe, R_OK) == 0)
			return;
	}
}

/* A fresh directory /tmp/artread-test-NAME.XXXXXX in dir (PATH_MAX). */
static inline int
testutil_mkdtemp(char *dir, const char *name)
{
	snprintf(dir, PATH_MAX, "/tmp/artread-test-%s.XXXXXX", name);
	return mkdtemp(dir) == NULL ? -1 : 0;
}

/* Remove a directory made by testutil_mkdtemp, with what is in it (also
 * what a test made read-only). */
static inline int
testutil_rmtree(const char *dir)
{
	char cmd[2 * PATH_MAX + 48];

	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", dir,
	    dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The private data directory of testutil_private_data. */
static inline char *
testutil_data_path(void)
{
	static char dir[PATH_MAX];

	return dir;
}

static inline void
testutil_data_cleanup(void)
{
	testutil_rmtree(testutil_data_path());
}

/*
 * Keep the program's data directory (the version store, annotations kept
 * by path or by content) in a fresh temporary directory removed at exit,
 * with HOME there too: a unit test never writes to the user's.  Call it
 * first in main of a test that opens or saves annotations.
 */
static inline void
testutil_private_data(void)
{
	char *dir = testutil_data_path();

	if (testutil_mkdtemp(dir, "data") != 0)
		abort();
	setenv("XDG_DATA_HOME", dir, 1);
	setenv("HOME", dir, 1);
	atexit(testutil_data_cleanup);
}

/*
 * For a test file whose cases each get a fresh temporary directory: the
 * directory (tmpdir) and the setup and teardown functions to give
 * cmocka_unit_test_setup_teardown.
 */
#define TESTUTIL_TMPDIR_FIXTURE(name)					\
static char tmpdir[PATH_MAX];						\
static int								\
setup(void **state)							\
{									\
	(void)state;							\
	return testutil_mkdtemp(tmpdir, name);				\
}									\
static int								\
teardown(void **state)							\
{									\
	(void)state;							\
	return testutil_rmtree(tmpdir);					\
}

/*
 * "They said " and n capitalised words, then " Holdings Inc. today.":
 * a name pattern backtracks over the whole run (PCRE2's JIT stack).
 */
static inline void
testutil_capitalised_run(struct buf *t, size_t n)
{
	static const char *const words[] = { "Alpha", "Bravo", "Charlie",
	    "Delta", "Echo" };
	size_t i;

	buf_adds(t, "They said ");
	for (i = 0; i < n; i++) {
		buf_adds(t, words[(i * 7) % 5]);
		buf_addc(t, ' ');
	}
	buf_adds(t, "Holdings Inc. today.");
}

/* Write bytes to DIR/NAME; returns the path (free it). */
static inline char *
testutil_write(const char *dir, const char *name, const void *bytes,
    size_t len)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	FILE *f;

	assert_non_null(path);
	snprintf(path, n, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	if (len > 0)
		assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* The offset of the nth (0-based) occurrence of s in text (it must be
 * there). */
static inline size_t
testutil_nth(const char *text, const char *s, int nth)
{
	const char *p = text;

	for (;;) {
		p = strstr(p, s);
		assert_non_null(p);
		if (nth-- == 0)
			return (size_t)(p - text);
		p++;
	}
}

#endif
