/*
 * test_jsonw.c: the JSON writer lays out text exactly as jansson does
 * (compact and indented, nested and empty containers, kept values), and
 * escapes what a terminal would act on.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "artread/jsonw.h"
#include "artread/util.h"

/* The same document through jsonw and through jansson. */
static void
same_as_jansson(size_t flags, int indent)
{
	json_t *kept = json_loads("{\"k\":[1,{\"x\":\"y\"},[]],\"e\":{}}", 0,
	    NULL), *doc;
	char *want, *got;
	struct jsonw w;
	struct buf b;

	doc = json_pack("{s:s,s:i,s:[],s:{},s:[{s:s},{s:[i,i]}],s:O}",
	    "a", "caf\xc3\xa9 \"q\" \\ \n\t", "n", -42, "ea", "eo", "list",
	    "x", "y", "z", 1, 2, "kept", kept);
	want = json_dumps(doc, flags | JSON_PRESERVE_ORDER);
	buf_init(&b);
	jsonw_init(&w, &b, indent, 0);
	jsonw_open(&w, '{');
	jsonw_key(&w, "a");
	jsonw_cstr(&w, "caf\xc3\xa9 \"q\" \\ \n\t");
	jsonw_key(&w, "n");
	jsonw_int(&w, -42);
	jsonw_key(&w, "ea");
	jsonw_open(&w, '[');
	jsonw_close(&w, '[');
	jsonw_key(&w, "eo");
	jsonw_open(&w, '{');
	jsonw_close(&w, '{');
	jsonw_key(&w, "list");
	jsonw_open(&w, '[');
	jsonw_open(&w, '{');
	jsonw_key(&w, "x");
	jsonw_cstr(&w, "y");
	jsonw_close(&w, '{');
	jsonw_open(&w, '{');
	jsonw_key(&w, "z");
	jsonw_open(&w, '[');
	jsonw_int(&w, 1);
	jsonw_int(&w, 2);
	jsonw_close(&w, '[');
	jsonw_close(&w, '{');
	jsonw_close(&w, '[');
	jsonw_key(&w, "kept");
	jsonw_json(&w, kept);
	jsonw_close(&w, '{');
	got = buf_steal(&b);
	assert_string_equal(got, want);
	free(got);
	free(want);
	json_decref(kept);
	json_decref(doc);
}

static void
layout(void **state)
{
	(void)state;
	same_as_jansson(JSON_COMPACT, 0);
	same_as_jansson(JSON_INDENT(2), 2);
	same_as_jansson(JSON_INDENT(4), 4);
}

static void
escapes(void **state)
{
	static const char in[] = "a\x01\x1b[0m\x7f\xc2\x85\xe2\x80\xae"
	    "\xe2\x80\x8f\xe2\x80\xa9 ok \xf0\x9f\x98\x80 bad \xff!";
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	jsonw_escape(&b, in, sizeof in - 1);
	s = buf_steal(&b);
	assert_string_equal(s, "a\\u0001\\u001B[0m\\u007F\\u0085\\u202E"
	    "\\u200F\\u2029 ok \xf0\x9f\x98\x80 bad \xef\xbf\xbd!");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout),
		cmocka_unit_test(escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
