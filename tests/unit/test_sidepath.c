/* test_sidepath.c: where a sidecar lives, and what a save replaces. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/sha256.h"
#include "artread/sidepath.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];

static int
setup(void **state)
{
	(void)state;
	return testutil_mkdtemp(tmpdir, "sidepath");
}

static int
teardown(void **state)
{
	(void)state;
	sidepath_set_dir_writable_hook(NULL);
	unsetenv("XDG_DATA_HOME");
	return testutil_rmtree(tmpdir);
}

static int
never_writable(const char *dir)
{
	(void)dir;
	return 0;
}

static void
beside_data_dir_and_stdin(void **state)
{
	char *art = testutil_write(tmpdir, "a.txt", "text\n", 5), *seed = NULL;
	char *data = xasprintf("%s/data", tmpdir), *p, *want, *cause = NULL;
	char sha[SHA256_HEX_LEN];
	enum sidecar_where w;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	p = sidepath_for(art, "text\n", 5, &w, &seed, &cause);
	want = xasprintf("%s.annotations.jsonl", art);
	assert_string_equal(p, want);
	assert_int_equal(w, SIDECAR_BESIDE);
	assert_null(seed);
	free(p);
	sidepath_set_dir_writable_hook(never_writable);
	p = sidepath_for(art, "text\n", 5, &w, &seed, &cause);
	sha256_hex("text\n", 5, sha);
	assert_int_equal(w, SIDECAR_DATA_DIR);
	assert_string_equal(seed, want);
	assert_non_null(strstr(p, sha));
	assert_int_equal(strncmp(p, data, strlen(data)), 0);
	free(seed);
	free(p);
	p = sidepath_for(NULL, "text\n", 5, &w, NULL, &cause);
	assert_int_equal(w, SIDECAR_DATA_STDIN);
	assert_non_null(strstr(p, sha));
	free(p);
	assert_null(sidepath_for("/no/such/file", "", 0, &w, NULL, &cause));
	free(cause);
	free(want);
	free(data);
	free(art);
}

static void
write_target_follows_links(void **state)
{
	char *real = testutil_write(tmpdir, "real.jsonl", "x", 1), *cause = NULL;
	char *link = xasprintf("%s/link.jsonl", tmpdir), *t;
	char *dangling = xasprintf("%s/dangling.jsonl", tmpdir);
	char *dev = xasprintf("%s/dev.jsonl", tmpdir);

	(void)state;
	t = sidepath_write_target(real, &cause);
	assert_string_equal(t, real);
	free(t);
	assert_int_equal(symlink(real, link), 0);
	t = sidepath_write_target(link, &cause);
	assert_string_equal(t, real);
	free(t);
	assert_int_equal(symlink("/no/such/file", dangling), 0);
	assert_null(sidepath_write_target(dangling, &cause));
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	assert_int_equal(symlink("/dev/zero", dev), 0);
	assert_null(sidepath_write_target(dev, &cause));
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	free(dev);
	free(dangling);
	free(link);
	free(real);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(beside_data_dir_and_stdin,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(write_target_follows_links,
		    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
