/*
 * extract_json.c: for make eval-extract.  For each page NAME.html given,
 * read it as --extract --json does (with the charset of NAME.headers, if
 * there is one, as if it came in the HTTP header) and print one line:
 * {"name": ..., "ms": ..., "article": <what --extract --json prints>};
 * ms is the time extraction took, for information only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "artread/charset.h"
#include "artread/util.h"
#include "artread/web.h"

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
	struct web_article a;
	struct timespec t0, t1;
	char *bytes, *charset, *cause, *json;
	const char *base = strrchr(page, '/');
	size_t n;

	if ((bytes = util_read_file(page, &n)) == NULL) {
		perror(page);
		return -1;
	}
	charset = header_charset(page);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (web_from_bytes(bytes, n, charset, NULL, &a, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", page, cause);
		free(cause);
		free(bytes);
		free(charset);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	json = web_article_json(&a, 1);
	printf("{\"name\": \"%s\", \"ms\": %.3f, \"article\": %s}\n",
	    base != NULL ? base + 1 : page,
	    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6, json);
	free(json);
	web_article_free(&a);
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
