/*
 * web.c: the web input adapter (web.h): a URL is fetched, a file or
 * standard input read (up to WEB_MAX_BYTES), and the page extracted.
 */
#include "artread/web.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "artread/extract.h"
#include "artread/html.h"
#include "artread/htmlsniff.h"
#include "artread/utf8.h"
#include "artread/util.h"

int
web_is_url(const char *name)
{
	return fetch_is_url(name);
}

int
web_is_html(const char *bytes, size_t len)
{
	return htmlsniff_is_html(bytes, len);
}

static int
html_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && (strcasecmp(dot, ".html") == 0 ||
	    strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".xhtml") == 0);
}

int
web_file_is_html(const char *name)
{
	char head[HTMLSNIFF_HEAD];
	ssize_t n;
	int fd;

	if (strcmp(name, "-") == 0)
		return 0;	/* cannot look without consuming it */
	if (html_name(name))
		return 1;
	if ((fd = open(name, O_RDONLY | O_NONBLOCK)) < 0)
		return 0;
	n = read(fd, head, sizeof head);
	close(fd);
	return n > 0 && htmlsniff_is_html(head, (size_t)n);
}

/* Read all of fd, up to max bytes; -1 with *cause beyond that. */
static char *
read_capped(int fd, size_t max, size_t *len, char **cause)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;

	buf_init(&b);
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xstrdup(strerror(errno));
			buf_free(&b);
			return NULL;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {
			*cause = xasprintf("larger than %zu MiB, not read",
			    max >> 20);
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	*len = b.len;
	return buf_steal(&b);
}

static char *
read_input(const char *name, size_t *len, char **cause)
{
	const char *why;
	char *bytes;
	int fd;

	if (strcmp(name, "-") == 0)
		return read_capped(STDIN_FILENO, WEB_MAX_BYTES, len, cause);
	if (util_check_text_file(name, WEB_MAX_BYTES, &why) != 0) {
		*cause = xstrdup(why);
		return NULL;
	}
	if ((fd = open(name, O_RDONLY)) < 0) {
		*cause = xstrdup(strerror(errno));
		return NULL;
	}
	bytes = read_capped(fd, WEB_MAX_BYTES, len, cause);
	close(fd);
	return bytes;
}

int
web_from_bytes(const char *bytes, size_t len, const char *http_charset,
    const char *url, struct web_article *a, char **cause)
{
	struct extract_result r;

	memset(a, 0, sizeof *a);
	if (extract_article(bytes, len, http_charset, url, &r, cause) != 0)
		return -1;
	a->text = r.text;
	a->len = r.len;
	a->body_start = r.body_start;
	a->meta = r.meta;
	a->charset = r.charset;
	a->body_from_jsonld = r.body_from_jsonld;
	a->fetched_url = url != NULL ? xstrdup(url) : NULL;
	if (webmeta_key_url(&a->meta, url) != NULL)
		a->key_url = xstrdup(webmeta_key_url(&a->meta, url));
	return 0;
}

int
web_open(const char *name, const struct fetch_opts *fo,
    struct web_article *a, char **cause)
{
	struct fetch_opts defaults;
	struct fetch_result fr;
	char *bytes;
	size_t len;
	int rc;

	memset(a, 0, sizeof *a);
	if (web_is_url(name)) {
		if (fo == NULL) {
			fetch_opts_init(&defaults);
			fo = &defaults;
		}
		if (fetch_url(name, fo, &fr, cause) != 0)
			return -1;
		rc = web_from_bytes(fr.body, fr.len, fr.charset, fr.url, a,
		    cause);
		fetch_result_free(&fr);
		return rc;
	}
	if ((bytes = read_input(name, &len, cause)) == NULL)
		return -1;
	if (!htmlsniff_is_html(bytes, len) && !html_name(name)) {
		free(bytes);
		*cause = xstrdup("not an HTML page");
		return -1;
	}
	rc = web_from_bytes(bytes, len, NULL, NULL, a, cause);
	free(bytes);
	return rc;
}

void
web_article_free(struct web_article *a)
{
	webmeta_free(&a->meta);
	free(a->text);
	free(a->fetched_url);
	free(a->key_url);
	memset(a, 0, sizeof *a);
}

static json_t *
json_text(const char *s)
{
	char *valid;
	json_t *j;

	if (s == NULL)
		return json_null();
	valid = utf8_lossy(s, strlen(s), NULL);
	j = json_string(valid);
	free(valid);
	return j;
}

char *
web_article_json(const struct web_article *a, int ascii_only)
{
	json_t *o = json_object(), *names = json_array();
	char *line;
	size_t i;

	json_object_set_new(o, "title", json_text(a->meta.title));
	for (i = 0; i < a->meta.nbyline; i++)
		json_array_append_new(names, json_text(a->meta.byline[i]));
	json_object_set_new(o, "byline", names);
	json_object_set_new(o, "published", json_text(a->meta.published));
	json_object_set_new(o, "modified", json_text(a->meta.modified));
	json_object_set_new(o, "site", json_text(a->meta.site));
	json_object_set_new(o, "url", json_text(a->key_url));
	json_object_set_new(o, "text", json_text(a->text + a->body_start));
	line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
	    (ascii_only ? JSON_ENSURE_ASCII : 0));
	json_decref(o);
	if (line == NULL)
		fatalx("out of memory");
	return line;
}
