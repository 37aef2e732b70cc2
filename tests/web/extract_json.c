/*
 * extract_json.c: for make eval-extract.  For each page NAME.html given,
 * extract the article (with the charset of NAME.headers, if there is one,
 * as if it came in the HTTP header) and print one JSON object per line:
 * name, title, byline, published, modified, site, url, body, ms (the
 * time extraction took, for information only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "artread/charset.h"
#include "artread/extract.h"
#include "artread/utf8.h"
#include "artread/util.h"

static json_t *
str_or_null(const char *s)
{
	char *v;
	json_t *j;

	if (s == NULL)
		return json_null();
	v = utf8_lossy(s, strlen(s), NULL);
	j = json_string(v);
	free(v);
	return j;
}

/* The charset a NAME.headers file next to the page declares. */
static char *
header_charset(const char *page)
{
	char *path = xstrdup(page), *dot = strrchr(path, '.'), *text, label[64];
	size_t n;

	if (dot != NULL)
		*dot = '\0';
	text = xasprintf("%s.headers", path);
	free(path);
	path = text;
	text = util_read_file(path, &n);
	free(path);
	if (text == NULL || charset_param(text, label, sizeof label) != 0) {
		free(text);
		return NULL;
	}
	free(text);
	return xstrdup(label);
}

static int
one(const char *page)
{
	struct extract_result r;
	struct timespec t0, t1;
	json_t *o, *names;
	char *bytes, *charset, *cause, *line;
	const char *base = strrchr(page, '/');
	size_t n, i;

	if ((bytes = util_read_file(page, &n)) == NULL) {
		perror(page);
		return -1;
	}
	charset = header_charset(page);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (extract_article(bytes, n, charset, NULL, &r, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", page, cause);
		free(cause);
		free(bytes);
		free(charset);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	o = json_object();
	json_object_set_new(o, "name", json_string(base ? base + 1 : page));
	json_object_set_new(o, "title", str_or_null(r.meta.title));
	names = json_array();
	for (i = 0; i < r.meta.nbyline; i++)
		json_array_append_new(names, str_or_null(r.meta.byline[i]));
	json_object_set_new(o, "byline", names);
	json_object_set_new(o, "published", str_or_null(r.meta.published));
	json_object_set_new(o, "modified", str_or_null(r.meta.modified));
	json_object_set_new(o, "site", str_or_null(r.meta.site));
	json_object_set_new(o, "url", str_or_null(r.meta.canonical));
	json_object_set_new(o, "body", str_or_null(r.text + r.body_start));
	json_object_set_new(o, "ms", json_real(
	    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6));
	line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	puts(line);
	free(line);
	json_decref(o);
	extract_result_free(&r);
	free(bytes);
	free(charset);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, rc = 0;

	for (i = 1; i < argc; i++)
		if (one(argv[i]) != 0)
			rc = 1;
	return rc;
}
