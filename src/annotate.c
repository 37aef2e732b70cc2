/*
 * annotate.c: one annotation from the command line.
 */
#include "artread/annotate.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artread/annot.h"
#include "artread/doc.h"
#include "artread/search.h"
#include "artread/sidecar.h"
#include "artread/utf8.h"
#include "artread/util.h"

/* Would a cut at off split a valid UTF-8 sequence? */
static int
splits_utf8(const char *bytes, size_t len, size_t off)
{
	size_t k, n;

	for (k = 1; k <= 3 && k <= off; k++) {
		n = utf8_decode(bytes + off - k, len - (off - k), NULL);
		if (n > k)
			return 1;
	}
	return 0;
}

/* A sidecar that could not be read: say that nothing changed, and how
 * to adopt what a renamed article left, if it did. */
static void
not_added(const struct sidecar *sc, const struct doc *d, char **cause)
{
	char *c = *cause;

	*cause = xasprintf("%s; nothing was added, the sidecar is left as "
	    "it is", c);
	free(c);
	sidecar_renamed_hint_after(sc, d->path != NULL ? d->path : d->name,
	    cause);
}

/* The tags of --tag (NULL: none asked); n of them; -1 with *cause. */
static int
split_tags(const char *tags, char ***list, size_t *n, char **cause)
{
	size_t i;

	*list = NULL;
	*n = 0;
	if (tags == NULL)
		return 0;
	if ((*n = util_split_list(tags, list)) == 0) {
		/* "," or "": asked for a tag, gave none */
		*cause = xasprintf("no tag in \"%s\": give a word (several "
		    "separated by commas)", tags);
		return -1;
	}
	for (i = 0; i < *n; i++)
		if (annot_tag_check((*list)[i], strlen((*list)[i]), cause) !=
		    0) {
			util_free_list(*list, *n);
			*list = NULL;
			*n = 0;
			return -1;
		}
	return 0;
}

/* Where an annotation went when the article's directory could not
 * keep it, for the user who looks beside the article. */
static char *
saved_away(const struct sidecar *sc, const struct doc *d)
{
	char *where = sidecar_location(sc), *msg;

	msg = xasprintf("%s: saved to %s", d->name, where);
	free(where);
	return msg;
}

static int
add_and_save(const struct doc *d, const char *url, size_t start,
    size_t end, const char *tags, const char *note, char **id, char **cause)
{
	struct annot_set *set;
	struct sidecar sc;
	const char *nid;
	char **list = NULL;
	size_t n = 0, i;
	int rc = -1;

	if (split_tags(tags, &list, &n, cause) != 0)
		return -1;
	set = annot_set_new();
	if ((url != NULL ? sidecar_open_url(&sc, url, d->bytes, d->len, set,
	    cause) : sidecar_open(&sc, d->path, d->bytes, d->len, set,
	    cause)) != 0) {
		not_added(&sc, d, cause);
		goto out;
	}
	if (sidecar_is_readonly(&sc)) {
		*cause = xasprintf("not saved: %s", sidecar_readonly_cause(&sc));
		goto out;
	}
	nid = annot_add(set, d->bytes, d->len, start, end, n > 0 ? list[0] :
	    NULL, note);
	for (i = 1; i < n; i++)
		annot_add_tag(set, nid, list[i]);
	if (id != NULL)
		*id = xstrdup(nid);
	rc = sidecar_save(&sc, set, cause);
	if (rc != 0 && id != NULL) {
		free(*id);
		*id = NULL;
	}
	if (rc == 0 && sc.where == SIDECAR_DATA_DIR)
		*cause = saved_away(&sc, d);
out:
	util_free_list(list, n);
	sidecar_close(&sc);
	annot_set_free(set);
	return rc;
}

static struct doc *
open_article(const char *path, char **cause)
{
	struct doc *d;
	char *why = NULL;

	if ((d = doc_open(path, DOC_FORCE, &why)) == NULL) {
		*cause = xasprintf("%s: %s", path, why);
		free(why);
	}
	return d;
}

int
annotate_range_in(const struct doc *d, const char *url, size_t start,
    size_t end, const char *tags, const char *note, char **id, char **cause)
{
	const char *path = d->name;

	if (start >= end || end > d->len)
		*cause = xasprintf("%s: range %zu:%zu is not within the file "
		    "(0:%zu, START < END)", path, start, end, d->len);
	else if (splits_utf8(d->bytes, d->len, start) ||
	    splits_utf8(d->bytes, d->len, end))
		*cause = xasprintf("%s: range %zu:%zu splits a UTF-8 "
		    "character", path, start, end);
	else
		return add_and_save(d, url, start, end, tags, note, id, cause);
	return -1;
}

int
annotate_range(const char *path, size_t start, size_t end, const char *tags,
    const char *note, char **id, char **cause)
{
	struct doc *d;
	int rc;

	if ((d = open_article(path, cause)) == NULL)
		return -1;
	rc = annotate_range_in(d, NULL, start, end, tags, note, id, cause);
	doc_free(d);
	return rc;
}

int
annotate_text_in(const struct doc *d, const char *url, const char *exact,
    const char *tags, const char *note, char **id, char **cause)
{
	struct search *s;
	struct range hit = { 0, 0 };
	const char *path = d->name;
	char *err = NULL;
	size_t count = 0;
	int rc = -1;

	/* As the reader sees it: white space runs, line ends too, are one
	 * space (search.h). */
	if ((s = search_compile(exact, SEARCH_LITERAL | SEARCH_EXACT_CASE,
	    &err)) != NULL)
		count = search_count(s, d, SIZE_MAX, &hit);
	if (*exact == '\0')
		*cause = xstrdup("the text to annotate is empty");
	else if (s == NULL)
		*cause = xasprintf("%s: cannot look for \"%s\": %s", path,
		    exact, err);
	else if (search_error(s) != NULL)
		*cause = xasprintf("%s: cannot look for \"%s\": %s", path,
		    exact, search_error(s));
	else if (count == 0)
		*cause = xasprintf("%s: text not found: \"%s\"", path, exact);
	else if (count > 1)
		*cause = xasprintf("%s: text is ambiguous: found %zu times; "
		    "give a longer passage or use --annotate START:END",
		    path, count);
	else
		rc = add_and_save(d, url, hit.start, hit.end, tags, note, id,
		    cause);
	search_free(s);
	free(err);
	return rc;
}

int
annotate_text(const char *path, const char *exact, const char *tags,
    const char *note, char **id, char **cause)
{
	struct doc *d;
	int rc;

	if ((d = open_article(path, cause)) == NULL)
		return -1;
	rc = annotate_text_in(d, NULL, exact, tags, note, id, cause);
	doc_free(d);
	return rc;
}

/* Parse a decimal offset at *s up to ':'; advance s past it. */
static int
parse_offset(const char **s, size_t *out)
{
	unsigned long long v = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (ULLONG_MAX - 9) / 10 || v * 10 + (unsigned)(*p - '0') >
		    SIZE_MAX)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (*p != ':')
		return -1;
	*out = (size_t)v;
	*s = p + 1;
	return 0;
}

int
annotate_parse_range_arg(const char *arg, size_t *start, size_t *end,
    char **tag, char **note, char **cause)
{
	const char *p = arg, *colon;

	*tag = *note = NULL;
	if (parse_offset(&p, start) != 0 || parse_offset(&p, end) != 0 ||
	    *p == '\0' || *p == ':') {
		*cause = xasprintf("bad annotation \"%s\": expected "
		    "START:END:TAG[:NOTE]", arg);
		return -1;
	}
	if ((colon = strchr(p, ':')) != NULL) {
		*tag = xstrndup(p, (size_t)(colon - p));
		*note = xstrdup(colon + 1);
	} else
		*tag = xstrdup(p);
	return 0;
}
