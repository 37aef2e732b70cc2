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
	char *art = testutil_write(tmpdir, "a.txt", "text\n", 5), *real;
	char *data = xasprintf("%s/data", tmpdir), *want, *cause = NULL;
	char *by_path, *content, sha[SHA256_HEX_LEN], psha[SHA256_HEX_LEN];
	struct sidepath sp;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	real = realpath(art, NULL);
	assert_int_equal(sidepath_locate(art, "text\n", 5, &sp, &cause), 0);
	want = xasprintf("%s.annotations.jsonl", real);
	assert_string_equal(sp.path, want);
	assert_string_equal(sp.real, real);
	assert_int_equal(sp.where, SIDECAR_BESIDE);
	assert_null(sp.other);
	assert_null(sp.by_content);
	assert_string_equal(sp.sha256, "");	/* not hashed for nothing */
	sidepath_free(&sp);

	/* Not writable: in the data directory, by the article's path. */
	sidepath_set_dir_writable_hook(never_writable);
	assert_int_equal(sidepath_locate(art, "text\n", 5, &sp, &cause), 0);
	sha256_hex(real, strlen(real), psha);
	by_path = xasprintf("%s/artread/annotations/by-path/%s.annotations.jsonl",
	    data, psha);
	assert_int_equal(sp.where, SIDECAR_DATA_DIR);
	assert_string_equal(sp.path, by_path);
	assert_null(sp.other);		/* nothing beside it yet */
	sidepath_free(&sp);
	free(testutil_write(tmpdir, "a.txt.annotations.jsonl", "x", 1));
	assert_int_equal(sidepath_locate(art, "text\n", 5, &sp, &cause), 0);
	assert_string_equal(sp.other, want);
	sidepath_free(&sp);

	/* Writable again, with a copy in the data directory: the other. */
	sidepath_set_dir_writable_hook(NULL);
	free(testutil_write("/", by_path + 1, "x", 1));
	assert_int_equal(sidepath_locate(art, "text\n", 5, &sp, &cause), 0);
	assert_string_equal(sp.path, want);
	assert_string_equal(sp.other, by_path);
	sidepath_free(&sp);

	/* Standard input: by content; a file of that text is offered it. */
	assert_int_equal(sidepath_locate(NULL, "text\n", 5, &sp, &cause), 0);
	sha256_hex("text\n", 5, sha);
	content = xasprintf("%s/artread/annotations/%s.annotations.jsonl",
	    data, sha);
	assert_int_equal(sp.where, SIDECAR_DATA_STDIN);
	assert_string_equal(sp.path, content);
	assert_null(sp.real);
	sidepath_free(&sp);
	free(testutil_write("/", content + 1, "x", 1));
	assert_int_equal(sidepath_locate(art, "text\n", 5, &sp, &cause), 0);
	assert_string_equal(sp.by_content, content);
	assert_string_equal(sp.sha256, sha);
	sidepath_free(&sp);
	assert_int_equal(sidepath_locate(art, "other\n", 6, &sp, &cause), 0);
	assert_null(sp.by_content);
	sidepath_free(&sp);

	assert_int_equal(sidepath_locate("/no/such/file", "", 0, &sp, &cause),
	    -1);
	free(cause);
	free(content);
	free(by_path);
	free(want);
	free(real);
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

/* A web article: by the SHA-256 of its URL, in by-url/ (made). */
static void
by_url(void **state)
{
	const char *url = "https://news.example/ferry";
	char *data = xasprintf("%s/data", tmpdir), *want, *cause = NULL;
	char sha[SHA256_HEX_LEN];
	struct sidepath sp;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	assert_int_equal(sidepath_locate_url(url, &sp, &cause), 0);
	sha256_hex(url, strlen(url), sha);
	want = xasprintf("%s/artread/annotations/by-url/%s.annotations.jsonl",
	    data, sha);
	assert_string_equal(sp.path, want);
	assert_int_equal(sp.where, SIDECAR_DATA_URL);
	assert_null(sp.real);
	assert_null(sp.other);
	*strrchr(want, '/') = '\0';
	assert_int_equal(access(want, W_OK), 0);	/* the directory */
	sidepath_free(&sp);
	/* Another URL, another file. */
	assert_int_equal(sidepath_locate_url("https://news.example/ferry2", &sp,
	    &cause), 0);
	assert_null(strstr(sp.path, sha));
	sidepath_free(&sp);
	free(want);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(beside_data_dir_and_stdin,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(write_target_follows_links,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(by_url, setup, teardown),
	};
	testutil_private_data();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
