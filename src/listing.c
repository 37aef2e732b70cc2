/*
 * listing.c: the --entities and --quotes outputs.  Formats are fixed
 * (tests/eval.sh and other tools parse them): one record a line, fields
 * separated by tabs, article text made safe by listing_text(), which the
 * --stats summary (stats.c) and the names (names.c) use too.
 */
#include "artread/listing.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/layout.h"
#include "artread/utf8.h"
#include "artread/util.h"

void
listing_text(FILE *out, const char *text, size_t len, size_t s, size_t e,
    int ws)
{
	size_t p = s;
	int space = 0;

	if (e > len)
		e = len;
	while (p < e) {
		unsigned char c = (unsigned char)text[p];
		uint32_t cp;
		size_t n;

		if (c == '\t' || c == '\n' || c == '\r' || (ws && c == ' ')) {
			if (c == '\r' && p + 1 < e && text[p + 1] == '\n')
				p++;
			if (!ws || !space)
				fputc(' ', out);
			space = 1;
			p++;
			continue;
		}
		space = 0;
		if (c < 0x20 || c == 0x7f) {
			fputc('?', out);
			p++;
			continue;
		}
		n = utf8_decode_lossy(text + p, len - p, &cp);
		if (p + n > e || (cp == 0xfffd && n == 1) ||
		    layout_is_disguising(cp)) {
			fputc('?', out);
			p += n;
			continue;
		}
		fwrite(text + p, 1, n, out);
		p += n;
	}
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
	size_t i;

	for (i = 0; i < a->nents; i++) {
		const struct entity *e = &a->ents[i];

		fprintf(out, "%zu\t%zu\t%s\t", e->start, e->end,
		    ent_type_name(e->type));
		listing_text(out, text, len, e->start, e->end, 0);
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
