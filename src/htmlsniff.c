/*
 * htmlsniff.c: telling an HTML page from a plain text by its first
 * HTMLSNIFF_HEAD bytes (see htmlsniff.h).  Only bytes are compared: no
 * allocation, no parsing, cheap enough for every file opened.
 */
#include "artread/htmlsniff.h"

#include <string.h>
#include <strings.h>

/* Elements a page's source starts with. */
static const char *const first_tags[] = { "html", "head", "body", "meta",
    "title", "link", "style", "script", "base", "p", "div", "span",
    "article", "section", "main", "header", "nav", "br", "a", "h1", "h2",
    "h3", "table", "ul", "ol", "figure", "img", NULL };

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
starts(const char *s, size_t n, const char *with)
{
	size_t k = strlen(with);

	return n >= k && strncasecmp(s, with, k) == 0;
}

/* The known element whose tag starts s ("<name" then '>', '/' or white
 * space), or NULL. */
static const char *
known_tag(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; first_tags[i] != NULL; i++) {
		k = strlen(first_tags[i]);
		if (n > k + 1 && strncasecmp(s + 1, first_tags[i], k) == 0 &&
		    (s[k + 1] == '>' || s[k + 1] == '/' ||
		    is_space((unsigned char)s[k + 1])))
			return first_tags[i];
	}
	return NULL;
}

/* Is a tag of element name closed ("</name") in s? */
static int
closed(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name), i;

	for (i = 0; i + k + 2 <= n; i++)
		if (s[i] == '<' && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, k) == 0)
			return 1;
	return 0;
}

static int
document_tag(const char *name)
{
	return strcmp(name, "html") == 0 || strcmp(name, "head") == 0 ||
	    strcmp(name, "body") == 0;
}

int
htmlsniff_is_html(const char *bytes, size_t len)
{
	size_t n = len < HTMLSNIFF_HEAD ? len : HTMLSNIFF_HEAD, i, end;
	const char *name;

	i = n >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (i < n && is_space((unsigned char)bytes[i]))
		i++;
	if (i >= n || bytes[i] != '<')
		return 0;
	if (starts(bytes + i, n - i, "<!doctype html") ||
	    starts(bytes + i, n - i, "<!--"))
		return 1;
	if (starts(bytes + i, n - i, "<?xml"))	/* XHTML, not RSS */
		return memmem(bytes, n, "<html", 5) != NULL;
	if ((name = known_tag(bytes + i, n - i)) == NULL)
		return 0;
	for (end = i; end < n && bytes[end] != '>' && bytes[end] != '\n'; end++)
		;
	if (end >= n || bytes[end] != '>')
		return 0;
	if (memchr(bytes + i, '=', end - i) != NULL ||	/* an attribute */
	    closed(bytes + end, n - end, name))
		return 1;
	for (end++; end < n && is_space((unsigned char)bytes[end]); end++)
		;
	if (end + 1 < n && bytes[end] == '<' && (is_alpha((unsigned char)
	    bytes[end + 1]) || bytes[end + 1] == '!' || bytes[end + 1] == '/'))
		return 1;	/* markup follows */
	/* Text right after the tag: "<p>Hello" is markup, "<html> tags
	 * are" prose (text never follows <html> or <head> in a page). */
	return end < n && !is_space((unsigned char)bytes[end - 1]) &&
	    !document_tag(name);
}
