/*
 * test_spill.c: the tape of bytes kept out of memory (spill.c): what is
 * put comes back, in memory and from its temporary file, across the
 * two and from several threads; the file has no name; a directory
 * where no file can be made is one line and exit status 2.  And the
 * array that moves to a mapped file (spill_array): what is written
 * stays as it grows, in memory, across the move and remapped in its
 * file, which has no name.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "artread/spill.h"

TESTUTIL_TMPDIR_FIXTURE("spill")

/* Records i = 0..n-1 of 1 + i % 37 bytes, each byte (i + k) & 0xff, put
 * on s; their offsets in off. */
static void
put_records(struct spill *s, size_t n, uint64_t *off)
{
	unsigned char rec[64];
	size_t i, k, len;

	for (i = 0; i < n; i++) {
		len = 1 + i % 37;
		for (k = 0; k < len; k++)
			rec[k] = (unsigned char)(i + k);
		off[i] = spill_put(s, rec, len);
	}
}

static void
check_records(struct spill *s, size_t n, const uint64_t *off)
{
	unsigned char rec[64];
	size_t i, k, len;

	for (i = 0; i < n; i++) {
		len = 1 + i % 37;
		memset(rec, 0xee, sizeof rec);
		spill_get(s, off[i], rec, len);
		for (k = 0; k < len; k++)
			if (rec[k] != (unsigned char)(i + k))
				fail_msg("record %zu, byte %zu: %d", i, k, rec[k]);
	}
}

/* Entries of dir other than . and .. */
static int
entries(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	int count = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		count += strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0;
	closedir(d);
	return count;
}

/* Under the limit, all in memory: no file. */
static void
test_in_memory(void **state)
{
	uint64_t off[500];
	struct spill *s;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	s = spill_open(1 << 20);
	put_records(s, 500, off);
	assert_int_equal(off[0], 0);
	assert_int_equal(off[1], 1);
	assert_int_equal(off[2], 3);
	assert_false(spill_on_disk(s));
	assert_int_equal(testutil_fds_in(tmpdir), 0);
	check_records(s, 500, off);
	spill_put(s, NULL, 0);		/* nothing: no change */
	assert_int_equal(spill_size(s), off[499] + 1 + 499 % 37);
	spill_close(s);
	unsetenv("TMPDIR");
}

/* Past the limit, in a file without a name in $TMPDIR, read back from
 * the file, from the write buffer and across the two; a put larger than
 * the buffer; nothing left once closed. */
static void
test_on_disk(void **state)
{
	static uint64_t off[200000];
	unsigned char *big = xmalloc(3u << 20), *back = xmalloc(3u << 20);
	uint64_t at, bigat;
	size_t i, n = testutil_nelem(off);
	struct spill *s;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	s = spill_open(1000);
	put_records(s, 20, off);
	assert_false(spill_on_disk(s));		/* 1 + ... + 20 < 1000 */
	put_records(s, n, off);
	assert_true(spill_on_disk(s));
	assert_int_equal(testutil_fds_in(tmpdir), 1);
	assert_int_equal(entries(tmpdir), 0);	/* unlinked */
	check_records(s, n, off);
	for (i = 0; i < 3u << 20; i++)
		big[i] = (unsigned char)(i * 7 + i / 251);
	bigat = spill_put(s, big, 3u << 20);
	at = spill_put(s, "tail", 4);
	assert_int_equal(at, bigat + (3u << 20));
	spill_get(s, bigat, back, 3u << 20);
	assert_memory_equal(back, big, 3u << 20);
	/* a get across the file and the buffer */
	spill_get(s, at - 10, back, 14);
	assert_memory_equal(back, big + (3u << 20) - 10, 10);
	assert_memory_equal(back + 10, "tail", 4);
	check_records(s, n, off);
	spill_close(s);
	assert_int_equal(testutil_fds_in(tmpdir), 0);
	assert_int_equal(entries(tmpdir), 0);
	free(big);
	free(back);
	unsetenv("TMPDIR");
}

struct writer {
	struct spill	*s;
	uint32_t	 id;
	uint64_t	 off[5000];
};

static void *
write_some(void *arg)
{
	struct writer *w = arg;
	uint32_t rec[3];
	size_t i;

	for (i = 0; i < testutil_nelem(w->off); i++) {
		rec[0] = w->id;
		rec[1] = (uint32_t)i;
		rec[2] = w->id ^ (uint32_t)i;
		w->off[i] = spill_put(w->s, rec, sizeof rec);
	}
	return NULL;
}

/* Threads putting at once: each record whole, where it was said. */
static void
test_threads(void **state)
{
	static struct writer w[4];
	pthread_t th[4];
	uint32_t rec[3];
	size_t t, i;
	struct spill *s;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	s = spill_open(4096);
	for (t = 0; t < 4; t++) {
		w[t].s = s;
		w[t].id = (uint32_t)t + 1;
		assert_int_equal(pthread_create(&th[t], NULL, write_some,
		    &w[t]), 0);
	}
	for (t = 0; t < 4; t++)
		pthread_join(th[t], NULL);
	assert_true(spill_on_disk(s));
	assert_int_equal(spill_size(s), 4 * 5000 * sizeof rec);
	for (t = 0; t < 4; t++)
		for (i = 0; i < 5000; i++) {
			spill_get(s, w[t].off[i], rec, sizeof rec);
			assert_int_equal(rec[0], t + 1);
			assert_int_equal(rec[1], i);
			assert_int_equal(rec[2], (t + 1) ^ i);
		}
	spill_close(s);
	unsetenv("TMPDIR");
}

/* $TMPDIR, else /tmp. */
static void
test_dir(void **state)
{
	(void)state;
	unsetenv("TMPDIR");
	assert_string_equal(spill_dir(), "/tmp");
	setenv("TMPDIR", "", 1);
	assert_string_equal(spill_dir(), "/tmp");
	setenv("TMPDIR", "/var/tmp", 1);
	assert_string_equal(spill_dir(), "/var/tmp");
	unsetenv("TMPDIR");
}

/* A temporary directory that is not there: what needs the file (fn)
 * ends the program with one line naming the directory and why, status
 * 2. */
static void
fatal_without_dir(void (*fn)(void))
{
	char out[512], want[PATH_MAX + 64];
	int fds[2], status;
	pid_t pid;

	snprintf(want, sizeof want, "artread: temporary data in %s/gone: %s\n",
	    tmpdir, strerror(ENOENT));
	assert_int_equal(pipe(fds), 0);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		char path[PATH_MAX + 8];

		signal(SIGABRT, SIG_DFL);
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		snprintf(path, sizeof path, "%s/gone", tmpdir);
		setenv("TMPDIR", path, 1);
		fn();
		_exit(0);
	}
	assert_true(pid > 0);
	close(fds[1]);
	testutil_read_close(fds[0], out, sizeof out);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_string_equal(out, want);		/* (says what went wrong) */
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 2);
}

static void
put_past_limit(void)
{
	struct spill *s = spill_open(4);

	spill_put(s, "abc", 3);		/* in memory: fine */
	spill_put(s, "de", 2);		/* to the file: fatal */
}

static void
test_no_dir(void **state)
{
	(void)state;
	fatal_without_dir(put_past_limit);
}

/* ---- arrays ---- */

static uint32_t
value_at(size_t i)
{
	return (uint32_t)(i * 2654435761u) ^ 0x5a5a5a5au;
}

/* Grow a to n elements, writing each new one as it comes; then check
 * all of them. */
static uint32_t *
grow_to(struct spill_array *a, size_t from, size_t n)
{
	uint32_t *v = NULL;
	size_t i;

	for (i = from; i < n; i++) {
		if (i >= spill_array_cap(a))
			v = spill_array_grow(a, i + 1);
		else
			v = spill_array_grow(a, 0);	/* (no change) */
		v[i] = value_at(i);
	}
	for (i = 0; i < n; i++)
		if (v[i] != value_at(i))
			fail_msg("element %zu: %u, not %u", i, v[i],
			    value_at(i));
	return v;
}

/* Under its limit, an array stays in memory: no file. */
static void
test_array_in_memory(void **state)
{
	struct spill_array *a;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	a = spill_array_open(sizeof(uint32_t), 1 << 20);
	assert_null(spill_array_grow(a, 0));
	grow_to(a, 0, 100000);
	assert_true(spill_array_cap(a) >= 100000);
	assert_false(spill_array_on_disk(a));
	assert_int_equal(testutil_fds_in(tmpdir), 0);
	spill_array_close(a);
	spill_array_close(NULL);
	unsetenv("TMPDIR");
}

/* Past its limit, an array moves to a file without a name, what it
 * held copied; it grows there (mapped again each time), what it held
 * kept, also what was written through the mapping before; nothing is
 * left once closed. */
static void
test_array_on_disk(void **state)
{
	struct spill_array *a;
	uint32_t *v;
	size_t cap;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	a = spill_array_open(sizeof(uint32_t), 16384);
	grow_to(a, 0, 4096);
	assert_false(spill_array_on_disk(a));	/* 16 KB: at the limit */
	grow_to(a, 4096, 4097);
	assert_true(spill_array_on_disk(a));
	assert_int_equal(testutil_fds_in(tmpdir), 1);
	assert_int_equal(entries(tmpdir), 0);	/* unlinked */
	cap = spill_array_cap(a);
	v = grow_to(a, 4097, 3000000);		/* mapped again 9 times */
	assert_true(spill_array_cap(a) >= 3000000);
	assert_true(spill_array_cap(a) > cap);
	assert_int_equal(testutil_fds_in(tmpdir), 1);
	/* what is written through the mapping survives a remap */
	v[17] = 17;
	v = spill_array_grow(a, spill_array_cap(a) + 1);
	assert_int_equal(v[17], 17);
	assert_int_equal(v[2999999], value_at(2999999));
	spill_array_close(a);
	assert_int_equal(testutil_fds_in(tmpdir), 0);
	assert_int_equal(entries(tmpdir), 0);
	unsetenv("TMPDIR");
}

/* A limit below the first room: in the file from the first element;
 * elements of other sizes. */
static void
test_array_tiny_limit(void **state)
{
	struct spill_array *a;
	uint64_t *v;
	size_t i;

	(void)state;
	setenv("TMPDIR", tmpdir, 1);
	a = spill_array_open(sizeof(uint64_t), 1);
	v = spill_array_grow(a, 1);
	assert_true(spill_array_on_disk(a));
	for (i = 0; i < 50000; i++) {
		v = spill_array_grow(a, i + 1);
		v[i] = (uint64_t)i << 32 | i;
	}
	for (i = 0; i < 50000; i++)
		assert_int_equal(v[i], (uint64_t)i << 32 | i);
	spill_array_close(a);
	unsetenv("TMPDIR");
}

static void
array_past_limit(void)
{
	struct spill_array *a = spill_array_open(sizeof(uint32_t), 4096);

	spill_array_grow(a, 1024);	/* in memory: fine */
	spill_array_grow(a, 1025);	/* to the file: fatal */
}

static void
test_array_no_dir(void **state)
{
	(void)state;
	fatal_without_dir(array_past_limit);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_in_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_on_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
		cmocka_unit_test(test_dir),
		cmocka_unit_test_setup_teardown(test_no_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_array_in_memory, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_array_on_disk, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_array_tiny_limit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_array_no_dir, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
