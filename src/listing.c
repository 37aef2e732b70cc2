/*
 * listing.c: the --entities and --quotes outputs.  Formats are fixed
 * (tests/eval.sh and other tools parse them): one record a line, fields
 * separated by tabs, article text made safe by listing_text() (termsafe.h:
 * what the pager shows visibly is shown the same way), which the --stats
 * summary (stats.c) and the names (names.c) use too.
 */
#include "artread/listing.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/coref.h"
#include "artread/layout.h"
#include "artread/termsafe.h"
#include "artread/utf8.h"
#include "artread/util.h"

/* listing_text's work, appended to b. */
static void
text_to(struct buf *b, const char *text, size_t len, size_t s, size_t e,
    int ws)
{
	struct termsafe ts;
	size_t p, q;
	int space = 0;

	if (e > len)
		e = len;
	termsafe_init(&ts, 0);
	for (p = s; p < e; p = q) {
		unsigned char c = (unsigned char)text[p];

		/* printable ASCII goes out as it is, a run at a time, with
		 * its single spaces (a space after a space is a run of white
		 * space: see below) */
		if (c >= 0x20 && c < 0x7f && !(ws && c == ' ' && space)) {
			for (q = p + 1; q < e && (unsigned char)text[q] < 0x7f &&
			    (unsigned char)text[q] >= 0x20 && !(ws &&
			    text[q] == ' ' && text[q - 1] == ' '); q++)
				;
			buf_add(b, text + p, q - p);
			space = ws && text[q - 1] == ' ';
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r' || (ws && c == ' ')) {
			q = p + 1;
			if (c == '\r' && q < e && text[q] == '\n')
				q++;
			if (!ws || !space)
				buf_addc(b, ' ');
			space = 1;
			continue;
		}
		/* A run of anything else, made safe as a terminal needs. */
		for (q = p + 1; q < e && text[q] != '\t' && text[q] != '\n' &&
		    text[q] != '\r' && !(ws && text[q] == ' '); q++)
			;
		termsafe_feed(&ts, text + p, q - p, b);
		termsafe_end(&ts, b);
		space = 0;
	}
}

void
listing_text(FILE *out, const char *text, size_t len, size_t s, size_t e,
    int ws)
{
	struct buf b;

	buf_init(&b);
	text_to(&b, text, len, s, e, ws);
	if (b.len > 0)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

/* n in decimal and a tab, appended to b (printf costs more than the rest
 * of a listing's line). */
static void
size_tab_to(struct buf *b, size_t n)
{
	char d[24];
	size_t i = sizeof d;

	d[--i] = '\t';
	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	buf_add(b, d + i, sizeof d - i);
}

/* Write b out when it holds a good block of lines (or at the end). */
static void
flush_lines(FILE *out, struct buf *b, int end)
{
	if (b->len >= (end ? 1 : 65536)) {
		fwrite(b->data, 1, b->len, out);
		buf_reset(b);
	}
}

void
listing_section(FILE *out, int i, const char *name)
{
	fprintf(out, "%s==> ", i > 0 ? "\n" : "");
	listing_text(out, name, strlen(name), 0, strlen(name), 0);
	fputs(" <==\n", out);
}

char *
listing_file_column(const char *name)
{
	struct buf b;

	buf_init(&b);
	text_to(&b, name, strlen(name), 0, strlen(name), 0);
	buf_addc(&b, '\t');
	return buf_steal(&b);
}

void
listing_prefixed(FILE *out, const char *column, const char *lines,
    size_t len)
{
	const char *p = lines, *end = lines + len, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl != NULL ? nl + 1 : end;
		fputs(column, out);
		fwrite(p, 1, (size_t)(nl - p), out);
		p = nl;
	}
}

/* Mention i's line, appended to b. */
static void
entity_line(struct buf *b, const char *text, size_t len,
    const struct analysis *a, size_t i)
{
	const struct entity *m = &a->ents[i];
	size_t s, e;

	size_tab_to(b, m->start);
	size_tab_to(b, m->end);
	buf_adds(b, ent_type_name(m->type));
	buf_addc(b, '\t');
	text_to(b, text, len, m->start, m->end, 0);
	buf_addc(b, '\t');
	coref_name(text, a->ents, a->canon, analysis_named(a), i, &s, &e);
	text_to(b, text, len, s, e, 1);
	buf_addc(b, '\n');
}

/* Quote i's line, appended to b. */
static void
quote_line(struct buf *b, const char *text, size_t len,
    const struct analysis *a, size_t i)
{
	const struct quote *q = &a->quotes[i];

	size_tab_to(b, q->start);
	size_tab_to(b, q->end);
	if (q->speaker_end > q->speaker_start)
		text_to(b, text, len, q->speaker_start, q->speaker_end, 1);
	else
		buf_addc(b, '-');
	buf_addc(b, '\t');
	text_to(b, text, len, q->start, q->end, 0);
	buf_addc(b, '\n');
}

/* Each of n lines of a, written out a good block at a time. */
static void
write_lines(FILE *out, const char *text, size_t len,
    const struct analysis *a, size_t n,
    void (*line)(struct buf *, const char *, size_t,
    const struct analysis *, size_t))
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		line(&b, text, len, a, i);
		flush_lines(out, &b, 0);
	}
	flush_lines(out, &b, 1);
	buf_free(&b);
}

void
listing_entities(FILE *out, const char *text, size_t len,
    const struct analysis *a)
{
	write_lines(out, text, len, a, a->nents, entity_line);
}

void
listing_quotes(FILE *out, const char *text, size_t len,
    const struct analysis *a)
{
	write_lines(out, text, len, a, a->nquotes, quote_line);
}

void
listing_entities_to(struct buf *b, const char *text, size_t len,
    const struct analysis *a)
{
	size_t i;

	for (i = 0; i < a->nents; i++)
		entity_line(b, text, len, a, i);
}

void
listing_quotes_to(struct buf *b, const char *text, size_t len,
    const struct analysis *a)
{
	size_t i;

	for (i = 0; i < a->nquotes; i++)
		quote_line(b, text, len, a, i);
}

void
listing_text_to(struct buf *b, const char *text, size_t len, size_t s,
    size_t e)
{
	text_to(b, text, len, s, e, 1);
}

char *
listing_string(const char *text, size_t len, size_t s, size_t e)
{
	struct buf b;

	buf_init(&b);
	text_to(&b, text, len, s, e, 1);
	return buf_steal(&b);
}
