/*
 * test_htmlsniff.c: telling an HTML page from a plain text by its first
 * bytes: every fixture page is HTML, whatever its name; prose that opens
 * with or mentions a tag is not.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "artread/htmlsniff.h"
#include "artread/util.h"

static int
sniff(const char *s)
{
	return htmlsniff_is_html(s, strlen(s));
}

static void
pages(void **state)
{
	static const char *const yes[] = { "<!DOCTYPE html><html>",
	    "\xef\xbb\xbf\n  <html>\n<head>",
	    "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", "<div class=x>",
	    "<p>Hello", "<html><head><title>T</title>", "<!-- saved -->\n<html>",
	    "<html lang=en>", "<html>\n  <body>\n<p>Hi</p>", "<p> Hello</p>",
	    "<meta charset=utf-8>", "<body>\r\n<div>x</div>", "<HTML>\n<HEAD>" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!sniff(yes[i]))
			fail_msg("not taken for HTML: %s", yes[i]);
}

/* The bug: a text about HTML, opening with "<html>", was taken for a
 * page and its prose mangled by the extractor. */
static void
prose(void **state)
{
	static const char *const no[] = {
	    ("<html> tags are explained below.\n\nA journalist wrote about "
	    "<p> and <div> elements\xe2\x80\xa6\n"),
	    "<p> and <div> are the commonest elements.\n",
	    "<body> language matters in court.\n",
	    "<head>\nline two of a text\n", "<html>", "<html",
	    "Headline\n\nBy Ann Lee\n", "", "   \n",
	    "<?xml version=\"1.0\"?><rss>", "a <b>bold</b> claim",
	    "<Ann Lee> wrote to the paper.\n", "<3 from the newsroom\n",
	    "<br" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (sniff(no[i]))
			fail_msg("taken for HTML: %s", no[i]);
}

/* Only the first HTMLSNIFF_HEAD bytes are read: a length past the end
 * of what is there is never looked at. */
static void
head_only(void **state)
{
	char *s = xmalloc(HTMLSNIFF_HEAD + 100);

	(void)state;
	memset(s, ' ', HTMLSNIFF_HEAD + 100);
	memcpy(s + HTMLSNIFF_HEAD, "<html><p>", 9);
	assert_false(htmlsniff_is_html(s, HTMLSNIFF_HEAD + 100));
	memcpy(s, "<html>", 6);
	assert_false(htmlsniff_is_html(s, 6));
	free(s);
}

/* Every fixture page of the extractor is HTML by its content alone. */
static void
every_fixture(void **state)
{
	DIR *d = opendir("tests/data/web");
	struct dirent *e;
	int n = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path, *s;

		if (len < 6 || strcmp(e->d_name + len - 5, ".html") != 0)
			continue;
		path = xasprintf("tests/data/web/%s", e->d_name);
		s = util_read_file(path, &len);
		assert_non_null(s);
		if (!htmlsniff_is_html(s, len))
			fail_msg("%s not taken for HTML", path);
		free(s);
		free(path);
		n++;
	}
	closedir(d);
	assert_true(n >= 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pages),
		cmocka_unit_test(prose),
		cmocka_unit_test(head_only),
		cmocka_unit_test(every_fixture),
	};

	testutil_chdir_root("tests/data/web/README.md");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
