/* test_slurp.c: whole-file reads: regular files only, capped, no hang. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/slurp.h"
#include "artread/util.h"

TESTUTIL_TMPDIR_FIXTURE("slurp")

static void
regular_missing_and_capped(void **state)
{
	char *p = testutil_write(tmpdir, "f", "hello\n", 6), *cause = NULL;
	char *missing = xasprintf("%s/none", tmpdir), *big, *d;
	size_t len;
	int fd;

	(void)state;
	d = slurp_file(p, 16, 0, &len, &cause);
	assert_non_null(d);
	assert_mem_str(d, len, "hello\n");
	free(d);
	assert_null(slurp_file(p, 5, 0, &len, &cause));
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	assert_null(slurp_file(missing, 16, 0, &len, &cause));
	assert_int_equal(errno, ENOENT);
	free(cause);
	/* No message wanted: none made, errno says why all the same. */
	assert_null(slurp_file(missing, 16, 0, &len, NULL));
	assert_int_equal(errno, ENOENT);
	assert_null(slurp_file(p, 5, 0, &len, NULL));
	assert_int_equal(errno, EFBIG);
	assert_null(slurp_file(tmpdir, 16, 0, &len, NULL));
	assert_int_equal(errno, EINVAL);
	/* A sparse 300 MiB file is refused by its size, not read. */
	big = xasprintf("%s/big", tmpdir);
	fd = open(big, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)300 << 20), 0);
	close(fd);
	assert_null(slurp_file(big, SLURP_ANNOTATIONS_MAX, 0, &len, &cause));
	assert_non_null(strstr(cause, "too large (over 256 MiB)"));
	free(cause);
	free(big);
	free(missing);
	free(p);
}

/* A FIFO with no writer, and a link to /dev/zero: refused at once. */
static void
fifo_and_device_refused(void **state)
{
	char *fifo = xasprintf("%s/fifo", tmpdir), *cause = NULL;
	char *zero = xasprintf("%s/zero", tmpdir);
	size_t len;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(5);		/* a hang fails the test */
	assert_null(slurp_file(fifo, 1 << 20, 0, &len, &cause));
	assert_non_null(strstr(cause, "FIFO"));
	free(cause);
	assert_int_equal(symlink("/dev/zero", zero), 0);
	assert_null(slurp_file(zero, 1 << 20, SLURP_PIPE_OK, &len, &cause));
	assert_non_null(strstr(cause, "device"));
	free(cause);
	assert_null(slurp_file(tmpdir, 1 << 20, 0, &len, &cause));
	assert_non_null(strstr(cause, "directory"));
	free(cause);
	alarm(0);
	free(fifo);
	free(zero);
}

/* A pipe the user named (--import json <(cmd), which the shell gives as
 * /dev/fd/N) is read to its end, with the same cap. */
static char *
from_pipe(const char *data, size_t max, size_t *len, char **cause)
{
	char *path, *d;
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], data, strlen(data)),
	    (ssize_t)strlen(data));
	close(fds[1]);
	path = xasprintf("/dev/fd/%d", fds[0]);
	d = slurp_file(path, max, SLURP_PIPE_OK, len, cause);
	close(fds[0]);
	free(path);
	return d;
}

static void
pipe_read_when_allowed(void **state)
{
	char *cause = NULL, *d;
	size_t len;

	(void)state;
	alarm(5);
	d = from_pipe("from a pipe\n", 1 << 20, &len, &cause);
	assert_non_null(d);
	assert_mem_str(d, len, "from a pipe\n");
	free(d);
	assert_null(from_pipe("0123456789", 4, &len, &cause));
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	alarm(0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(regular_missing_and_capped,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(fifo_and_device_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(pipe_read_when_allowed, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
