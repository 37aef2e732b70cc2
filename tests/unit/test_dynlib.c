/* test_dynlib.c: libraries opened on first use: a real one and its
 * functions, a missing library, a missing function. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include <zstd.h>

#include "artread/dynlib.h"

static __typeof__(ZSTD_versionNumber) *version_number;
static __typeof__(ZSTD_isError) *is_error;

static void
opens_and_binds(void **state)
{
	static const struct dynlib_fn fns[] = {
		{ "ZSTD_versionNumber", &version_number },
		{ "ZSTD_isError", &is_error },
	};
	struct dynlib lib = { AR_ZSTD_SONAME, fns, 2, 0, NULL };
	char *cause = NULL;

	(void)state;
	assert_int_equal(dynlib_open(&lib, &cause), 0);
	assert_null(cause);
	assert_non_null(version_number);
	assert_int_equal(version_number() / 10000, ZSTD_VERSION_MAJOR);
	assert_false(is_error(0));
	assert_int_equal(dynlib_open(&lib, &cause), 0);	/* once is enough */
}

static void
missing_library(void **state)
{
	struct dynlib lib = { "libartread-no-such-library.so.0", NULL, 0, 0,
	    NULL };
	char *cause = NULL, *again = NULL;

	(void)state;
	assert_int_equal(dynlib_open(&lib, &cause), -1);
	assert_non_null(strstr(cause, "cannot load"));
	assert_non_null(strstr(cause, "libartread-no-such-library.so.0"));
	assert_int_equal(dynlib_open(&lib, &again), -1);
	assert_string_equal(cause, again);		/* the same each time */
	free(cause);
	free(again);
	free(lib.error);
}

static void
missing_function(void **state)
{
	static const struct dynlib_fn fns[] = {
		{ "ZSTD_isError", &is_error },
		{ "ZSTD_no_such_function", &version_number },
	};
	struct dynlib lib = { AR_ZSTD_SONAME, fns, 2, 0, NULL };
	char *cause = NULL;

	(void)state;
	version_number = NULL;
	assert_int_equal(dynlib_open(&lib, &cause), -1);
	assert_non_null(strstr(cause, "no function ZSTD_no_such_function"));
	assert_non_null(strstr(cause, AR_ZSTD_SONAME));
	assert_null(is_error);		/* nothing left pointing into it */
	free(cause);
	free(lib.error);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opens_and_binds),
		cmocka_unit_test(missing_library),
		cmocka_unit_test(missing_function),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
