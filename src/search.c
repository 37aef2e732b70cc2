/*
 * search.c: pattern search with PCRE2 (UTF, Unicode properties, JIT, and
 * tolerant of invalid UTF-8 in the article).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "artread/search.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"
#include "artread/util.h"

#define BACK_CHUNK	65536
#define JIT_STACK_MAX	(1u << 20)	/* long runs backtrack deeply */

struct search {
	char			*pattern;
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	pcre2_jit_stack		*js;
};

/* Smart case: any upper-case letter (any script) outside an escape
 * makes it exact. */
static int
has_capital(const char *p)
{
	size_t n = strlen(p), i = 0;
	uint32_t cp;

	while (i < n) {
		if (p[i] == '\\' && p[i + 1] != '\0') {
			i += 2;
			continue;
		}
		i += utf8_decode_lossy(p + i, n - i, &cp);
		if (utf8_is_upper(cp) || utf8_is_title(cp))
			return 1;
	}
	return 0;
}

struct search *
search_new(const char *pattern, char **err)
{
	struct search *s;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
	    PCRE2_MULTILINE | PCRE2_USE_OFFSET_LIMIT;
	int code;
	pcre2_code *re;

	if (!has_capital(pattern))
		flags |= PCRE2_CASELESS;
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, flags,
	    &code, &erroff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(code, msg, sizeof msg);
		*err = xasprintf("%s at offset %zu", (char *)msg, (size_t)erroff);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	s = xcalloc(1, sizeof *s);
	s->pattern = xstrdup(pattern);
	s->re = re;
	s->md = pcre2_match_data_create_from_pattern(re, NULL);
	s->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(s->mc, 10000000);
	pcre2_set_depth_limit(s->mc, 10000);
	/* JIT's own 32 KiB ran out on a run of 1,000 capitalised words:
	 * the search then found nothing, silently. */
	if ((s->js = pcre2_jit_stack_create(32768, JIT_STACK_MAX, NULL)) !=
	    NULL)
		pcre2_jit_stack_assign(s->mc, NULL, s->js);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	pcre2_jit_stack_free(s->js);
	pcre2_code_free(s->re);
	free(s->pattern);
	free(s);
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

/* The first non-empty match in text[from, end); 1 if found. */
static int
match_from(const struct search *s, const char *text, size_t end,
    size_t from, struct range *m)
{
	PCRE2_SIZE *ov;

	while (from <= end) {
		if (pcre2_match(s->re, (PCRE2_SPTR)text, end, from, 0, s->md,
		    s->mc) < 0)
			return 0;
		ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] > ov[0]) {
			m->start = ov[0];
			m->end = ov[1];
			return 1;
		}
		from = ov[0] + 1;
	}
	return 0;
}

void
search_each(const struct search *s, const char *text, size_t len,
    size_t start, size_t end, void (*fn)(void *, size_t, size_t), void *arg)
{
	struct range m;

	(void)len;
	while (start < end && match_from(s, text, end, start, &m)) {
		fn(arg, m.start, m.end);
		start = m.end;
	}
}

/*
 * Backward: scan chunks before from, keeping the last match in each.
 * The text is searched whole (a match ends where it would forward, "$"
 * only at a line end); PCRE2's offset limit keeps matches starting
 * before from.
 */
static int
find_backward(const struct search *s, const char *text, size_t len,
    size_t from, struct range *m)
{
	size_t lo, pos;
	struct range r;
	int found = 0;

	pcre2_set_offset_limit(s->mc, from - 1);
	while (from > 0 && !found) {
		lo = from > BACK_CHUNK ? from - BACK_CHUNK : 0;
		pos = lo;
		while (match_from(s, text, len, pos, &r) && r.start < from) {
			*m = r;
			found = 1;
			pos = r.start + 1;
		}
		from = lo;
	}
	pcre2_set_offset_limit(s->mc, PCRE2_UNSET);
	return found;
}

int
search_find(const struct search *s, const char *text, size_t len,
    size_t from, int backward, struct range *m)
{
	if (backward)
		return find_backward(s, text, len, from, m);
	return match_from(s, text, len, from, m);
}

int
search_in_string(const struct search *s, const char *str, size_t n)
{
	struct range m;
	char *copy = xcalloc(n + 32, 1);
	int found;

	memcpy(copy, str, n);
	found = match_from(s, copy, n, 0, &m);
	free(copy);
	return found;
}
