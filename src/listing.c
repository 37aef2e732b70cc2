/*
 * listing.c: the --entities, --quotes and --stats outputs.  Formats are
 * fixed (tests/eval.sh and other tools parse them): one record a line,
 * fields separated by tabs, article text made safe by listing_text().
 */
#include "artread/listing.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/coref.h"
#include "artread/layout.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define STATS_TOP	8
#define BAR_WIDTH	20
#define NAME_MAX_WIDTH	40
#define NAME_WIDTH	28

/* One row of a stats table: a name and two counts. */
struct row {
	char	*name;
	size_t	 a;
	size_t	 b;
};

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
		size_t n, q;

		/* printable ASCII goes out as it is, a run at a time */
		for (q = p; q < e && (unsigned char)text[q] < 0x7f &&
		    ((unsigned char)text[q] > 0x20 ||
		    (!ws && text[q] == ' ')); q++)
			;
		if (q > p) {
			fwrite(text + p, 1, q - p, out);
			space = 0;
			p = q;
			continue;
		}
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
	size_t i, s, e;

	for (i = 0; i < a->nents; i++) {
		const struct entity *m = &a->ents[i];

		fprintf(out, "%zu\t%zu\t%s\t", m->start, m->end,
		    ent_type_name(m->type));
		listing_text(out, text, len, m->start, m->end, 0);
		fputc('\t', out);
		coref_name(text, a->ents, a->canon, a->nents, i, &s, &e);
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

/* The words of text[s, e): runs of letters and digits. */
static size_t
count_words(const char *text, size_t len, size_t s, size_t e)
{
	size_t n = 0;
	int in = 0;

	while (s < e) {
		uint32_t cp;
		size_t k = utf8_decode_lossy(text + s, len - s, &cp);
		int w = utf8_is_word(cp) ||
		    (in && (cp == '\'' || cp == 0x2019 || cp == '-'));

		if (w && !in)
			n++;
		in = w;
		s += k;
	}
	return n;
}

/* text[s, e) with white space runs as one space, made safe. */
static char *
safe_string(const char *text, size_t len, size_t s, size_t e)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	if (f == NULL)
		fatalx("open_memstream failed");
	listing_text(f, text, len, s, e, 1);
	fclose(f);
	return p;
}

/*
 * Rows are appended, then merged by sorting (rows_merge): counting a
 * 10 MB article's 200,000 mentions must not be quadratic.
 */
static void
row_add(struct row **rows, size_t *n, char *name, size_t a, size_t b)
{
	if ((*n & (*n - 1)) == 0)	/* capacity doubles at powers of two */
		*rows = xreallocarray(*rows, *n ? *n * 2 : 1, sizeof **rows);
	(*rows)[*n].name = name;
	(*rows)[*n].a = a;
	(*rows)[*n].b = b;
	(*n)++;
}

static int
row_cmp_name(const void *x, const void *y)
{
	return strcmp(((const struct row *)x)->name,
	    ((const struct row *)y)->name);
}

/* One row per name, counts added up. */
static void
rows_merge(struct row *rows, size_t *n)
{
	size_t i, k = 0;

	if (*n < 2)
		return;
	qsort(rows, *n, sizeof *rows, row_cmp_name);
	for (i = 1; i < *n; i++) {
		if (strcmp(rows[k].name, rows[i].name) == 0) {
			rows[k].a += rows[i].a;
			rows[k].b += rows[i].b;
			free(rows[i].name);
		} else
			rows[++k] = rows[i];
	}
	*n = k + 1;
}

static int
row_cmp(const void *x, const void *y)
{
	const struct row *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? 1 : -1;
	if (p->b != q->b)
		return p->b < q->b ? 1 : -1;
	return strcmp(p->name, q->name);
}

static void
rows_free(struct row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

/* The name column: as wide as the widest name, within limits. */
static int
name_column(const struct row *rows, size_t n, size_t top)
{
	int w = NAME_WIDTH, k;
	size_t i;

	for (i = 0; i < n && i < top; i++) {
		k = layout_text_width(rows[i].name, strlen(rows[i].name));
		if (k > w)
			w = k;
	}
	return w > NAME_MAX_WIDTH ? NAME_MAX_WIDTH : w;
}

static void
bar(FILE *out, size_t v, size_t max)
{
	size_t i, n = max == 0 ? 0 : (v * BAR_WIDTH + max - 1) / max;

	fputs("  ", out);
	for (i = 0; i < n; i++)
		fputs("\u2588", out);
}

static void
print_name(FILE *out, const char *name, int col)
{
	size_t fit = layout_text_fit(name, strlen(name), col);
	int w = layout_text_width(name, fit);

	fprintf(out, "  %.*s", (int)fit, name);
	while (w++ < col)
		fputc(' ', out);
}

static void
stats_speakers(FILE *out, const char *text, size_t len,
    const struct analysis *a, int tty)
{
	struct row *rows = NULL;
	size_t n = 0, i;
	int col;

	/* speakers are named by their fullest name already (coref.h) */
	for (i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];

		row_add(&rows, &n, q->speaker_end <= q->speaker_start ?
		    xstrdup("(unknown)") : safe_string(text, len,
		    q->speaker_start, q->speaker_end), 1,
		    count_words(text, len, q->start, q->end));
	}
	rows_merge(rows, &n);
	if (n > 1)
		qsort(rows, n, sizeof *rows, row_cmp);
	fprintf(out, "Quoted speakers (%zu quotes)\n", a->nquotes);
	col = name_column(rows, n, n);
	if (n > 0) {
		print_name(out, "SPEAKER", col);
		fprintf(out, "%7s %7s\n", "QUOTES", "WORDS");
	}
	for (i = 0; i < n; i++) {
		print_name(out, rows[i].name, col);
		fprintf(out, "%7zu %7zu", rows[i].a, rows[i].b);
		if (tty)
			bar(out, rows[i].b, rows[0].b > 0 ? rows[0].b : 1);
		fputc('\n', out);
	}
	rows_free(rows, n);
}

static void
stats_mentions(FILE *out, const char *text, size_t len,
    const struct analysis *a, enum ent_type t, int tty)
{
	struct row *rows = NULL;
	size_t n = 0, i, max = 0;
	int col;

	/* one row per entity: its mentions under its fullest name */
	for (i = 0; i < a->nents; i++) {
		size_t s, e;

		if (a->ents[i].type != t)
			continue;
		coref_name(text, a->ents, a->canon, a->nents, i, &s, &e);
		row_add(&rows, &n, safe_string(text, len, s, e), 1, 0);
	}
	rows_merge(rows, &n);
	if (n > 1)
		qsort(rows, n, sizeof *rows, row_cmp);
	fprintf(out, "Most mentioned: %s (%zu distinct)\n", ent_type_name(t),
	    n);
	col = name_column(rows, n, STATS_TOP);
	for (i = 0; i < n && i < STATS_TOP; i++) {
		if (rows[i].a > max)
			max = rows[i].a;
		print_name(out, rows[i].name, col);
		fprintf(out, "%7zu", rows[i].a);
		if (tty)
			bar(out, rows[i].a, max);
		fputc('\n', out);
	}
	fputc('\n', out);
	rows_free(rows, n);
}

void
listing_stats(FILE *out, const char *text, size_t len,
    const struct analysis *a, int tty)
{
	size_t words = count_words(text, len, 0, len), quoted = 0, i;

	stats_speakers(out, text, len, a, tty);
	fputc('\n', out);
	stats_mentions(out, text, len, a, ENT_PERSON, tty);
	stats_mentions(out, text, len, a, ENT_ORG, tty);
	stats_mentions(out, text, len, a, ENT_PLACE, tty);
	for (i = 0; i < a->nquotes; i++)
		quoted += count_words(text, len, a->quotes[i].start,
		    a->quotes[i].end);
	fprintf(out, "Words in direct quotes: %zu of %zu (%.1f%%)", quoted,
	    words, words ? 100.0 * (double)quoted / (double)words : 0.0);
	if (tty)
		bar(out, quoted, words);
	fputc('\n', out);
}
