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

#endif
