/* test_state.c: what artread remembers between runs. */
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "artread/state.h"

static char tmpdir[PATH_MAX];

static void
write_text(const char *name, const char *text)
{
	char path[PATH_MAX + 64];
	FILE *f;

	snprintf(path, sizeof path, "%s/artread/%s", tmpdir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static void
positions(void **state)
{
	size_t off = 0;

	(void)state;
	assert_false(state_get_position("/a/story.txt", 100, &off));
	assert_int_equal(state_set_position("/a/story.txt", 100, 42), 0);
	assert_int_equal(state_set_position("/b/other.txt", 7, 3), 0);
	assert_true(state_get_position("/a/story.txt", 100, &off));
	assert_int_equal(off, 42);
	/* A changed size forgets it. */
	assert_false(state_get_position("/a/story.txt", 101, &off));
	assert_int_equal(state_set_position("/bad\nname", 7, 3), -1);
}

static void
theme(void **state)
{
	char *t;

	(void)state;
	assert_null(state_get_theme());
	assert_int_equal(state_set_theme("solarized-dark"), 0);
	assert_non_null(t = state_get_theme());
	assert_string_equal(t, "solarized-dark");
	free(t);
	assert_int_equal(state_set_theme("mono"), 0);
	assert_non_null(t = state_get_theme());
	assert_string_equal(t, "mono");
	free(t);
	/* Only plain names go in or come out. */
	assert_int_equal(state_set_theme("../x"), -1);
	assert_int_equal(state_set_theme(""), -1);
	write_text("theme", "../../etc/passwd\n");
	assert_null(state_get_theme());
	write_text("theme", "  light \n");
	assert_non_null(t = state_get_theme());
	assert_string_equal(t, "light");
	free(t);
	/* Positions and the theme live side by side. */
	assert_int_equal(state_set_position("/a/story.txt", 100, 9), 0);
	assert_non_null(t = state_get_theme());
	assert_string_equal(t, "light");
	free(t);
}

static int
setup(void **state)
{
	(void)state;
	if (testutil_mkdtemp(tmpdir, "state") != 0)
		return -1;
	return setenv("XDG_STATE_HOME", tmpdir, 1);
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
		cmocka_unit_test(positions),
		cmocka_unit_test(theme),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
