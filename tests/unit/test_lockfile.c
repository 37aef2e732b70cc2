/* test_lockfile.c: the writers' lock: exclusive, never through a link. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/lockfile.h"
#include "artread/util.h"

TESTUTIL_TMPDIR_FIXTURE("lockfile")

static void
exclusive_and_released(void **state)
{
	char *p = xasprintf("%s/x.lock", tmpdir), *cause = NULL;
	int fd, other;

	(void)state;
	fd = lockfile_take(p, &cause);
	assert_true(fd >= 0);
	/* Another open file description cannot take it meanwhile. */
	other = open(p, O_RDWR);
	assert_true(other >= 0);
	assert_int_equal(flock(other, LOCK_EX | LOCK_NB), -1);
	lockfile_release(fd);
	assert_int_equal(flock(other, LOCK_EX | LOCK_NB), 0);
	close(other);
	fd = lockfile_take(p, &cause);
	assert_true(fd >= 0);
	lockfile_release(fd);
	free(p);
}

static void
links_and_fifos_refused(void **state)
{
	char *p = xasprintf("%s/y.lock", tmpdir), *victim, *cause = NULL;
	char *fifo = xasprintf("%s/f.lock", tmpdir);
	struct stat st;

	(void)state;
	victim = testutil_write(tmpdir, "victim", "v\n", 2);
	assert_int_equal(symlink(victim, p), 0);
	assert_int_equal(lockfile_take(p, &cause), -1);
	assert_non_null(strstr(cause, p));
	assert_non_null(strstr(cause, ": is a symbolic link"));
	free(cause);
	assert_int_equal(stat(victim, &st), 0);
	assert_int_equal(st.st_size, 2);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(5);
	assert_int_equal(lockfile_take(fifo, &cause), -1);
	alarm(0);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	free(fifo);
	free(victim);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(exclusive_and_released, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(links_and_fifos_refused, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
