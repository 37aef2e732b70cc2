/*
 * jsonw.c: a JSON text writer.  The layout follows jansson's dumps, so
 * text written here and text jansson writes can be mixed (kept unknown
 * fields are jansson values) and compared with golden files.
 */
#include "artread/jsonw.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"

/* Characters a terminal may act on besides C0: DEL, the C1 controls,
 * the bidi controls and the line and paragraph separators. */
static int
must_escape(uint32_t cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

void
jsonw_escape(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, k;
	uint32_t cp;
	char u[6] = { '\\', 'u', 0, 0, 0, 0 };

	while (i < n) {
		for (run = i; run < n && p[run] >= 0x20 && p[run] < 0x7f &&
		    p[run] != '"' && p[run] != '\\'; run++)
			;
		buf_add(b, s + i, run - i);
		if ((i = run) == n)
			break;
		k = 1;
		cp = p[i];
		if (cp >= 0x7f && (k = utf8_decode(s + i, n - i, &cp)) == 0) {
			/* Not UTF-8 (callers make sure it is): U+FFFD. */
			buf_add(b, "\xef\xbf\xbd", 3);
			i++;
			continue;
		}
		switch (cp) {
		case '"':	buf_add(b, "\\\"", 2); break;
		case '\\':	buf_add(b, "\\\\", 2); break;
		case '\b':	buf_add(b, "\\b", 2); break;
		case '\f':	buf_add(b, "\\f", 2); break;
		case '\n':	buf_add(b, "\\n", 2); break;
		case '\r':	buf_add(b, "\\r", 2); break;
		case '\t':	buf_add(b, "\\t", 2); break;
		default:
			if (cp >= 0x20 && !must_escape(cp)) {
				buf_add(b, s + i, k);
				break;
			}
			u[2] = hex[cp >> 12 & 15];
			u[3] = hex[cp >> 8 & 15];
			u[4] = hex[cp >> 4 & 15];
			u[5] = hex[cp & 15];
			buf_add(b, u, 6);
		}
		i += k;
	}
}

void
jsonw_init(struct jsonw *w, struct buf *b, int indent, int margin)
{
	memset(w, 0, sizeof *w);
	w->b = b;
	w->indent = indent;
	w->margin = margin;
}

static void
newline(struct jsonw *w)
{
	size_t n = (size_t)w->margin + (size_t)w->depth * (size_t)w->indent;

	buf_addc(w->b, '\n');
	buf_reserve(w->b, n);
	memset(w->b->data + w->b->len, ' ', n);
	w->b->len += n;
	w->b->data[w->b->len] = '\0';
}

/* Before a member or an item: a separator and, indented, a new line. */
static void
next_item(struct jsonw *w)
{
	if (w->depth == 0)
		return;
	if (!w->empty[w->depth])
		buf_addc(w->b, ',');
	w->empty[w->depth] = 0;
	if (w->indent > 0)
		newline(w);
}

/* A value goes after its key, or is an item of an array. */
static void
before_value(struct jsonw *w)
{
	if (w->after_key)
		w->after_key = 0;
	else
		next_item(w);
}

void
jsonw_open(struct jsonw *w, char bracket)
{
	before_value(w);
	buf_addc(w->b, bracket);
	if (w->depth + 1 < JSONW_MAX_DEPTH)
		w->depth++;
	w->empty[w->depth] = 1;
}

void
jsonw_close(struct jsonw *w, char bracket)
{
	int was_empty = w->empty[w->depth];

	w->depth--;
	if (w->indent > 0 && !was_empty)
		newline(w);
	buf_addc(w->b, bracket == '{' ? '}' : bracket == '[' ? ']' : bracket);
}

void
jsonw_key(struct jsonw *w, const char *key)
{
	next_item(w);
	buf_addc(w->b, '"');
	jsonw_escape(w->b, key, strlen(key));
	buf_adds(w->b, w->indent > 0 ? "\": " : "\":");
	w->after_key = 1;
}

void
jsonw_str(struct jsonw *w, const char *s, size_t n)
{
	before_value(w);
	buf_addc(w->b, '"');
	jsonw_escape(w->b, s, n);
	buf_addc(w->b, '"');
}

void
jsonw_cstr(struct jsonw *w, const char *s)
{
	jsonw_str(w, s, strlen(s));
}

void
jsonw_int(struct jsonw *w, long long v)
{
	char num[32];

	before_value(w);
	buf_add(w->b, num, (size_t)snprintf(num, sizeof num, "%lld", v));
}

void
jsonw_json(struct jsonw *w, const json_t *v)
{
	char *s, *line, *nl;

	before_value(w);
	if (v == NULL) {
		buf_adds(w->b, "null");
		return;
	}
	s = jsonw_dump(v, w->indent > 0 ? JSON_INDENT(w->indent) :
	    JSON_COMPACT);
	/* jansson lays it out from column 0: shift its lines. */
	for (line = s; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		buf_adds(w->b, line);
		if (nl != NULL)
			newline(w);
	}
	free(s);
}

char *
jsonw_dump(const json_t *j, size_t flags)
{
	char *s = json_dumps(j, flags | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
	const unsigned char *p;
	struct buf b;
	size_t i, len;

	if (s == NULL)
		fatalx("cannot encode as JSON");
	len = strlen(s);
	p = (const unsigned char *)s;
	for (i = 0; i < len && p[i] < 0x7f; i++)
		;
	if (i == len)
		return s;		/* printable ASCII: nothing to escape */
	/* Only strings hold non-ASCII: escape what must be, leave the
	 * JSON around them (the quotes are ASCII) as it is. */
	buf_init(&b);
	buf_reserve(&b, len + 16);
	b.data[0] = '\0';
	for (i = 0; i < len; ) {
		size_t run = i, k;
		uint32_t cp;

		while (run < len && p[run] < 0x7f)
			run++;
		buf_add(&b, s + i, run - i);
		if ((i = run) == len)
			break;
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0)
			k = 1, cp = p[i];
		if (must_escape(cp))
			buf_printf(&b, "\\u%04X", (unsigned)cp);
		else
			buf_add(&b, s + i, k);
		i += k;
	}
	free(s);
	return buf_steal(&b);
}
