/* test_jsonlib.c: jansson through jsonlib's definitions (opened on the
 * first call): every function handed on, a document built, written,
 * read back and walked. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/jsonlib.h"

static void
round_trip(void **state)
{
	json_t *o = json_object(), *a = json_array(), *back, *v;
	json_error_t err;
	const char *key;
	char *text;
	size_t i, n = 0;

	(void)state;
	jsonlib_need();
	assert_int_equal(json_array_append_new(a, json_integer(42)), 0);
	assert_int_equal(json_array_append_new(a, json_null()), 0);
	assert_int_equal(json_object_set_new(o, "tag", json_string("claim")),
	    0);
	assert_int_equal(json_object_set_new(o, "list", a), 0);
	text = json_dumps(o, JSON_SORT_KEYS | JSON_COMPACT);
	assert_string_equal(text, "{\"list\":[42,null],\"tag\":\"claim\"}");
	back = json_loads(text, 0, &err);
	assert_non_null(back);
	assert_int_equal(json_object_size(back), 2);
	assert_int_equal(json_string_length(json_object_get(back, "tag")), 5);
	assert_string_equal(json_string_value(json_object_get(back, "tag")),
	    "claim");
	json_array_foreach(json_object_get(back, "list"), i, v)
		n += json_is_integer(v) ? (size_t)json_integer_value(v) : 1;
	assert_int_equal(n, 43);
	n = 0;
	json_object_foreach(back, key, v)
		n += strlen(key);
	assert_int_equal(n, strlen("list") + strlen("tag"));
	assert_null(json_loadb("{\"a\":", 5, 0, &err));	/* cut short */
	json_decref(back);
	json_decref(o);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
