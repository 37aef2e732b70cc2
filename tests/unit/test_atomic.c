/* test_atomic.c: atomic replacement: modes, links, FIFOs, leftovers. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/util.h"

TESTUTIL_TMPDIR_FIXTURE("atomic")

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void
assert_file(const char *path, const char *want)
{
	size_t len;
	char *got = util_read_file(path, &len);

	assert_non_null(got);
	assert_mem_str(got, len, want);
	free(got);
}

/* Files in tmpdir whose name ends in the temporary suffix. */
static int
temps_left(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	size_t n, s = strlen(ATOMIC_TMP_SUFFIX);
	int count = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		count += n > s && strcmp(e->d_name + n - s,
		    ATOMIC_TMP_SUFFIX) == 0;
	}
	closedir(d);
	return count;
}

static void
writes_and_keeps_mode(void **state)
{
	char *p = in_dir("out.txt"), *cause = NULL;
	struct stat st;
	mode_t old;

	(void)state;
	old = umask(022);
	assert_int_equal(atomic_write(p, "one\n", 4, 0, &cause), 0);
	assert_file(p, "one\n");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(chmod(p, 0600), 0);
	assert_int_equal(atomic_write(p, "two\n", 4, 0, &cause), 0);
	assert_file(p, "two\n");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	umask(old);
	assert_int_equal(temps_left(), 0);
	free(p);
}

static void
new_only_never_replaces(void **state)
{
	char *p = in_dir("keep.txt"), *cause = NULL;

	(void)state;
	assert_int_equal(atomic_write(p, "mine\n", 5, ATOMIC_NEW, &cause), 0);
	assert_int_equal(atomic_write(p, "other\n", 6, ATOMIC_NEW, &cause),
	    -1);
	assert_int_equal(errno, EEXIST);
	assert_non_null(strstr(cause, "already exists"));
	free(cause);
	assert_file(p, "mine\n");
	assert_int_equal(temps_left(), 0);
	free(p);
}

/* A planted symbolic link is replaced, its target never written. */
static void
symlink_is_replaced_not_followed(void **state)
{
	char *victim = in_dir("victim"), *p = in_dir("notes.txt");
	char *dangling = in_dir("dangling.txt"), *cause = NULL;
	struct stat st;

	(void)state;
	free(testutil_write(tmpdir, "victim", "precious\n", 9));
	assert_int_equal(symlink(victim, p), 0);
	assert_int_equal(atomic_target(p, NULL), ATOMIC_LINK);
	assert_int_equal(atomic_write(p, "export\n", 7, 0, &cause), 0);
	assert_file(victim, "precious\n");
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_file(p, "export\n");
	assert_int_equal(symlink("/nonexistent/x", dangling), 0);
	assert_int_equal(atomic_write(dangling, "d\n", 2, 0, &cause), 0);
	assert_file(dangling, "d\n");
	free(dangling);
	free(victim);
	free(p);
}

/* A FIFO, a device or a directory at the name: an error, no block. */
static void
unsafe_targets_refused(void **state)
{
	char *fifo = in_dir("fifo"), *dev = in_dir("dev"), *cause = NULL;
	const char *why = NULL;
	FILE *f;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(atomic_target(fifo, &why), ATOMIC_UNSAFE);
	assert_non_null(strstr(why, "FIFO"));
	assert_int_equal(atomic_write(fifo, "x", 1, 0, &cause), -1);
	assert_non_null(strstr(cause, "FIFO"));
	free(cause);
	assert_int_equal(symlink("/dev/null", dev), 0);
	assert_null(atomic_open(dev, 0, &f, &cause));
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	assert_int_equal(atomic_write(tmpdir, "x", 1, 0, &cause), -1);
	assert_non_null(strstr(cause, "directory"));
	free(cause);
	assert_int_equal(temps_left(), 0);
	free(fifo);
	free(dev);
}

/* A write that cannot start names the file and why (F7, F3): not the
 * directory and a temporary file. */
static void
failure_names_the_file(void **state)
{
	char *path = in_dir("nosuch/dir/x.md"), *cause = NULL, *want;
	FILE *f;

	(void)state;
	assert_null(atomic_open(path, 0, &f, &cause));
	want = xasprintf("%s: cannot write it: the directory %s/nosuch/dir "
	    "does not exist", path, tmpdir);
	assert_string_equal(cause, want);
	free(cause);
	free(want);
	free(path);
	if (geteuid() == 0)	/* root writes in a read-only directory */
		return;
	want = in_dir("ro");
	path = in_dir("ro/x.md");
	assert_int_equal(mkdir(want, 0555), 0);
	free(want);
	assert_int_equal(atomic_write(path, "x", 1, 0, &cause), -1);
	assert_non_null(strstr(cause, "x.md: cannot write it: the directory"));
	assert_non_null(strstr(cause, "is not writable"));
	free(cause);
	free(path);
}

static void
stream_commit_and_abort(void **state)
{
	char *p = in_dir("s.txt"), *cause = NULL;
	struct atomic_file *af;
	FILE *f;

	(void)state;
	free(testutil_write(tmpdir, "s.txt", "old\n", 4));
	af = atomic_open(p, 0, &f, &cause);
	assert_non_null(af);
	fputs("half a", f);
	assert_file(p, "old\n");		/* nothing seen before commit */
	atomic_abort(af);
	assert_file(p, "old\n");
	assert_int_equal(temps_left(), 0);
	af = atomic_open(p, 0, &f, &cause);
	fputs("new\n", f);
	assert_int_equal(atomic_commit(af, &cause), 0);
	assert_file(p, "new\n");
	free(p);
}

static int
starts_with_ours(const char *head, size_t n)
{
	return n >= 4 && memcmp(head, "OURS", 4) == 0;
}

/* Only what artread itself left is removed. */
static void
stale_temps_only_ours(void **state)
{
	char *p = in_dir("side.jsonl"), *victim = in_dir("victim");
	char *ours = in_dir(".side.jsonl.AbC123" ATOMIC_TMP_SUFFIX);
	char *empty = in_dir(".side.jsonl.zzzzzz" ATOMIC_TMP_SUFFIX);
	char *foreign = in_dir(".side.jsonl.QQQQQQ" ATOMIC_TMP_SUFFIX);
	char *link = in_dir(".side.jsonl.LLLLLL" ATOMIC_TMP_SUFFIX);

	(void)state;
	free(testutil_write(tmpdir, ".side.jsonl.AbC123" ATOMIC_TMP_SUFFIX,
	    "OURS and more", 13));
	free(testutil_write(tmpdir, ".side.jsonl.zzzzzz" ATOMIC_TMP_SUFFIX,
	    "", 0));
	free(testutil_write(tmpdir, ".side.jsonl.QQQQQQ" ATOMIC_TMP_SUFFIX,
	    "someone's", 9));
	free(testutil_write(tmpdir, ".side.jsonl.backup", "OURS", 4));
	free(testutil_write(tmpdir, ".side.jsonl.123456", "OURS", 4));
	free(testutil_write(tmpdir, "victim", "OURS victim", 11));
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(atomic_remove_stale(p, starts_with_ours), 2);
	assert_int_equal(access(ours, F_OK), -1);
	assert_int_equal(access(empty, F_OK), -1);
	assert_int_equal(access(foreign, F_OK), 0);
	assert_int_equal(faccessat(AT_FDCWD, link, F_OK, AT_SYMLINK_NOFOLLOW),
	    0);
	assert_file(victim, "OURS victim");
	free(p);
	p = in_dir(".side.jsonl.backup");
	assert_int_equal(access(p, F_OK), 0);
	free(p);
	p = in_dir(".side.jsonl.123456");
	assert_int_equal(access(p, F_OK), 0);
	free(p);
	free(victim);
	free(ours);
	free(empty);
	free(foreign);
	free(link);
}

/* How a child with an atomic file open ends. */
enum ending {
	END_OUT_OF_MEMORY,	/* xmalloc fails: fatalx, exit(2) */
	END_FATAL_IN_THREAD,	/* another thread's fatalx */
	END_EXIT,		/* plain exit(2) */
	END_AFTER_ABORT,	/* aborted, then exit(2) */
	END_AFTER_COMMIT,	/* committed, then exit(2) */
};

static void *
fatal_thread(void *arg)
{
	(void)arg;
	fatalx("temporary data in %s: %s", "/nowhere", "a test");
	return NULL;
}

/* In the child: open p, write, end as told.  Never returns. */
static void
child_ends(const char *p, enum ending how)
{
	struct atomic_file *af;
	pthread_t th;
	char *cause = NULL;
	FILE *f;

	if (freopen("/dev/null", "w", stderr) == NULL ||
	    (af = atomic_open(p, 0, &f, &cause)) == NULL)
		_exit(99);
	fputs("half an export", f);
	fflush(f);
	switch (how) {
	case END_OUT_OF_MEMORY:
		util_fail_alloc_after(1);
		free(xmalloc(16));
		break;
	case END_FATAL_IN_THREAD:
		if (pthread_create(&th, NULL, fatal_thread, NULL) == 0)
			pthread_join(th, NULL);	/* exits before the join */
		break;
	case END_EXIT:
		break;
	case END_AFTER_ABORT:
		atomic_abort(af);
		break;
	case END_AFTER_COMMIT:
		if (atomic_commit(af, &cause) != 0)
			_exit(98);
		break;
	}
	exit(2);
}

/* A child that ends as told while writing p ("old\n" before): status 2. */
static void
end_child(const char *p, enum ending how)
{
	int status;
	pid_t pid;

	free(testutil_write(tmpdir, "t.txt", "old\n", 4));
	if ((pid = fork()) == 0)
		child_ends(p, how);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 2);
}

/* A process that ends on a fatal error (in any thread) or through exit()
 * with a file open leaves no temporary file, and the target as it was. */
static void
fatal_exit_leaves_no_temp(void **state)
{
	static const enum ending ends[] = { END_OUT_OF_MEMORY,
	    END_FATAL_IN_THREAD, END_EXIT, END_AFTER_ABORT };
	char *p = in_dir("t.txt");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		end_child(p, ends[i]);
		assert_int_equal(temps_left(), 0);
		assert_file(p, "old\n");
	}
	/* A committed file is the target's now: exit leaves it. */
	end_child(p, END_AFTER_COMMIT);
	assert_int_equal(temps_left(), 0);
	assert_file(p, "half an export");
	free(p);
}

/* A forked child's exit leaves its parent's file alone. */
static void
fork_exit_keeps_parents_temp(void **state)
{
	char *p = in_dir("f.txt"), *cause = NULL;
	struct atomic_file *af;
	int status;
	pid_t pid;
	FILE *f;

	(void)state;
	af = atomic_open(p, 0, &f, &cause);
	assert_non_null(af);
	fputs("parent's\n", f);
	fflush(f);
	if ((pid = fork()) == 0)
		exit(0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(temps_left(), 1);
	assert_int_equal(atomic_commit(af, &cause), 0);
	assert_file(p, "parent's\n");
	assert_int_equal(temps_left(), 0);
	free(p);
}

/* atomic_remove_open (before a signal kills the process): the open file
 * goes, and no new one is made. */
static void
remove_open_then_none(void **state)
{
	char *p = in_dir("r.txt"), *cause = NULL;
	struct atomic_file *af;
	int status;
	pid_t pid;
	FILE *f;

	(void)state;
	if ((pid = fork()) == 0) {
		if ((af = atomic_open(p, 0, &f, &cause)) == NULL)
			_exit(99);
		atomic_remove_open();
		if (atomic_commit(af, &cause) == 0)	/* its file is gone */
			_exit(98);
		free(cause);
		cause = NULL;
		if (atomic_open(p, 0, &f, &cause) != NULL)
			_exit(97);
		_exit(temps_left() == 0 && access(p, F_OK) == -1 ? 0 : 96);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	free(p);
}

/* A child writing p is killed by sig: it dies of sig, leaving no
 * temporary file and p as it was. */
static void
killed_child(const char *p, int sig)
{
	struct atomic_file *af;
	char *cause = NULL;
	int status;
	pid_t pid;
	FILE *f;

	free(testutil_write(tmpdir, "k.txt", "old\n", 4));
	if ((pid = fork()) == 0) {
		if ((af = atomic_open(p, 0, &f, &cause)) == NULL)
			_exit(99);
		fputs("half an export", f);
		fflush(f);
		raise(sig);
		_exit(98);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), sig);
	assert_int_equal(temps_left(), 0);
	assert_file(p, "old\n");
}

/* SIGINT, SIGTERM and SIGHUP, which run no atexit function, still remove
 * the open temporary file; a forked child killed so leaves its parent's. */
static void
killing_signal_leaves_no_temp(void **state)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	char *p = in_dir("k.txt"), *cause = NULL;
	struct atomic_file *af;
	size_t i;
	int status;
	pid_t pid;
	FILE *f;

	(void)state;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		killed_child(p, sigs[i]);
	af = atomic_open(p, 0, &f, &cause);
	assert_non_null(af);
	fputs("parent's\n", f);
	fflush(f);
	if ((pid = fork()) == 0) {
		raise(SIGTERM);
		_exit(98);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(temps_left(), 1);
	assert_int_equal(atomic_commit(af, &cause), 0);
	assert_file(p, "parent's\n");
	free(p);
}

int
main(void)
{
	static const int fatal[] = { SIGINT, SIGTERM, SIGHUP };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(writes_and_keeps_mode, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(new_only_never_replaces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    symlink_is_replaced_not_followed, setup, teardown),
		cmocka_unit_test_setup_teardown(unsafe_targets_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(failure_names_the_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(stream_commit_and_abort, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(stale_temps_only_ours, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(fatal_exit_leaves_no_temp, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(fork_exit_keeps_parents_temp,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(remove_open_then_none, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(killing_signal_leaves_no_temp,
		    setup, teardown),
	};
	size_t i;

	/* The signals as an interactive artread has them: a test run in
	 * the background (SIGINT ignored) or under nohup (SIGHUP) would
	 * otherwise have atomic.c rightly leave them alone, and the killed
	 * children live on. */
	for (i = 0; i < testutil_nelem(fatal); i++)
		signal(fatal[i], SIG_DFL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
