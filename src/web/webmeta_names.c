/*
 * webmeta_names.c: a byline as names (webmeta_names in webmeta.h): "By"
 * in a few languages taken off, split at commas, "and", "&", " | " and
 * dashes, roles ("Staff writer"), dates, URLs and repeats left out.
 */
#include "artread/webmeta.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/html.h"
#include "artread/util.h"
#include "webmeta_int.h"

/* The earliest of several separators in p (NULL if none); its length
 * in *len. */
const char *
webmeta_first_sep(const char *p, const char *const *seps, size_t *len)
{
	const char *q = NULL, *s;
	size_t k;

	*len = 0;
	for (k = 0; seps[k] != NULL; k++)
		if ((s = strstr(p, seps[k])) != NULL && (q == NULL || s < q)) {
			q = s;
			*len = strlen(seps[k]);
		}
	return q;
}

/* Words that introduce a byline, in a few languages. */
static const char *const by_words[] = { "by", "par", "von", "por", "door",
    "written by", "words by", "story by", NULL };
/* Separators between names. */
static const char *const name_seps[] = { ", ", "; ", " | ", " and ", " & ",
    " und ", " et ", " y ", " \xc2\xb7 ", " - ", " \xe2\x80\x93 ",
    " \xe2\x80\x94 ", ",", NULL };
/* A part with one of these is a role, not a name. */
static const char *const roles[] = { "reporter", "correspondent", "editor",
    "writer", "columnist", "contributor", "staff", "photographer", NULL };

static int
is_role(const char *s)
{
	size_t i;

	for (i = 0; roles[i] != NULL; i++)
		if (strcasestr(s, roles[i]) != NULL)
			return 1;
	return 0;
}

static const char *
skip_by(const char *s)
{
	size_t i, n;

	for (i = 0; by_words[i] != NULL; i++) {
		n = strlen(by_words[i]);
		if (strncasecmp(s, by_words[i], n) != 0)
			continue;
		if (s[n] == ':')
			n++;
		/* "By Ann", not "von der Leyen". */
		if (s[n] == ' ' && !islower((unsigned char)s[n + 1]))
			return s + n + 1;
	}
	return s;
}

static void
add_part(char ***names, size_t *n, const char *s, size_t len)
{
	char *part = xstrndup(s, len);
	size_t i;

	html_squeeze(part);
	part = memmove(part, skip_by(part), strlen(skip_by(part)) + 1);
	for (i = 0; i < *n; i++)
		if (strcmp((*names)[i], part) == 0)
			break;
	/* Names have no digits: "18:12" and "14 March 2026" are not names. */
	if (*part == '\0' || i < *n || webmeta_looks_like_url(part) || is_role(part) ||
	    strlen(part) > 60 || strpbrk(part, "0123456789") != NULL) {
		free(part);
		return;
	}
	*names = xreallocarray(*names, *n + 1, sizeof **names);
	(*names)[(*n)++] = part;
}

size_t
webmeta_names(const char *byline, char ***names)
{
	const char *p = skip_by(byline), *q;
	size_t n = 0, sl;

	*names = NULL;
	while (*p != '\0') {
		q = webmeta_first_sep(p, name_seps, &sl);
		if (q == NULL) {
			add_part(names, &n, p, strlen(p));
			break;
		}
		add_part(names, &n, p, (size_t)(q - p));
		p = q + sl;
	}
	return n;
}
