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

void
listing_text(FILE *out, const char *text, size_t len, size_t s, size_t e,
    int ws)
{
	struct termsafe ts;
	struct buf b;
	size_t p, q;
	int space = 0;

	if (e > len)
		e = len;
	termsafe_init(&ts, 0);
	buf_init(&b);
	for (p = s; p < e; p = q) {
		unsigned char c = (unsigned char)text[p];

		/* printable ASCII goes out as it is, a run at a time */
		for (q = p; q < e && (unsigned char)text[q] < 0x7f &&
		    ((unsigned char)text[q] > 0x20 ||
		    (!ws && text[q] == ' ')); q++)
			;
		if (q > p) {
			buf_add(&b, text + p, q - p);
			space = 0;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r' || (ws && c == ' ')) {
			q = p + 1;
			if (c == '\r' && q < e && text[q] == '\n')
				q++;
			if (!ws || !space)
				buf_addc(&b, ' ');
			space = 1;
			continue;
		}
		/* A run of anything else, made safe as a terminal needs. */
		for (q = p + 1; q < e && text[q] != '\t' && text[q] != '\n' &&
		    text[q] != '\r' && !(ws && text[q] == ' '); q++)
			;
		termsafe_feed(&ts, text + p, q - p, &b);
		termsafe_end(&ts, &b);
		space = 0;
	}
	if (b.len > 0)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

void
listing_section(FILE *out, int i, const char *name)
{
	fprintf(out, "%s==> ", i > 0 ? "\n" : "");
	listing_text(out, name, strlen(name), 0, strlen(name), 0);
	fputs(" <==\n", out);
}

void
listing_entities(FILE *out, const char *text, size_t len,
    const struct analysis *a)
{
	size_t i, s, e;

	for (i = 0; i < a->nents; i++) {
		const struct entity *m = &a->ents[i];

		fprintf(out, "%zu\t%zu\t%s\t", m->start, m->end,
		    ent_type_name(m->type));
		listing_text(out, text, len, m->start, m->end, 0);
		fputc('\t', out);
		coref_name(text, a->ents, a->canon, analysis_named(a), i, &s,
		    &e);
		listing_text(out, text, len, s, e, 1);
		fputc('\n', out);
	}
}

void
listing_quotes(FILE *out, const char *text, size_t len,
    const struct analysis *a)
{
	size_t i;

	for (i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];

		fprintf(out, "%zu\t%zu\t", q->start, q->end);
		if (q->speaker_end > q->speaker_start)
			listing_text(out, text, len, q->speaker_start,
			    q->speaker_end, 1);
		else
			fputc('-', out);
		fputc('\t', out);
		listing_text(out, text, len, q->start, q->end, 0);
		fputc('\n', out);
	}
}

char *
listing_string(const char *text, size_t len, size_t s, size_t e)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	if (f == NULL)
		fatalx("open_memstream failed");
	listing_text(f, text, len, s, e, 1);
	if (fclose(f) != 0)
		fatalx("open_memstream failed");
	return p;
}
