/*
 * fuzz_search.c: the pager's search (search.h).  The input is a pattern
 * (up to the first newline) and a text (the rest, any bytes).  A pattern
 * that compiles must give matches that lie in the text, are never empty,
 * come in order without overlapping (search_each), agree between the
 * ways of asking (search_find forward and backward; the text searched is
 * each paragraph reflowed, so search_in_string, which is not, is not
 * compared), and the first one must be found again from where it
 * starts; one found backward is the one found forward from its start.
 */
#include "fuzz.h"

#include "artread/doc.h"
#include "artread/search.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define MAX_TEXT	65536

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

struct walk {
	size_t	len;
	size_t	last_end;
	size_t	n;
	struct range first;
};

static void
each(void *arg, size_t s, size_t e)
{
	struct walk *w = arg;

	if (s >= e || e > w->len || s < w->last_end)
		abort();	/* empty, outside, or overlapping */
	if (w->n++ == 0) {
		w->first.start = s;
		w->first.end = e;
	}
	w->last_end = e;
}

static void
check(const struct search *s, const char *text, size_t len)
{
	struct walk w = { len, 0, 0, { 0, 0 } };
	struct doc d = { 0 };
	struct range m, b, f;
	size_t from;
	int found;

	d.bytes = text;
	d.len = len;
	search_each(s, &d, 0, len, each, &w);
	found = search_find(s, &d, 0, 0, &m);
	if (found != (w.n > 0))
		abort();
	if (!found)
		return;
	if (m.start != w.first.start || m.end != w.first.end)
		abort();	/* the first match, two ways */
	if (!search_find(s, &d, m.start, 0, &b) || b.start != m.start)
		abort();	/* not found again where it starts */
	/* Backward from past the first match finds one starting before. */
	from = m.start + 1;
	while (from < len && ((unsigned char)text[from] & 0xc0) == 0x80)
		from++;
	if (!search_find(s, &d, from, 1, &b) || b.start >= from ||
	    b.end > len || b.start >= b.end)
		abort();
	/* ... the very match found forward from where it starts. */
	if (!search_find(s, &d, b.start, 0, &f) ||
	    f.start != b.start || f.end != b.end)
		abort();
	/* Backward from the start finds nothing before the first. */
	if (search_find(s, &d, m.start, 1, &b) && b.start >= m.start)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t plen = nl != NULL ? (size_t)(nl - data) : size;
	char *pattern, *text, *err = NULL;
	struct search *s;
	size_t tlen;

	if (plen > 256 || memchr(data, '\0', plen) != NULL)
		return 0;
	pattern = xstrndup((const char *)data, plen);
	tlen = nl != NULL ? size - plen - 1 : 0;
	if (tlen > MAX_TEXT)
		tlen = MAX_TEXT;
	/* Slack after the text, as the article has (the JIT reads ahead). */
	text = xcalloc(tlen + 32, 1);
	if (tlen > 0)
		memcpy(text, nl + 1, tlen);
	if ((s = search_new(pattern, &err)) == NULL) {
		if (err == NULL)
			abort();	/* no reason given */
		free(err);
	} else {
		if (strcmp(search_pattern(s), pattern) != 0)
			abort();
		check(s, text, tlen);
		search_free(s);
	}
	free(text);
	free(pattern);
	return 0;
}
