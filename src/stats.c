/*
 * stats.c: the --stats dashboard.  Counts go by full name (names.c), so
 * "Pettifer" is counted with "Rhys Pettifer"; each table is sorted by
 * count, and on a terminal each count gets a bar proportional to the
 * largest in its column: block characters in eighths of a cell, in the
 * theme's colour of what it counts, or '#' when plain (NO_COLOR, a
 * locale that is not UTF-8).
 */
#include "artread/stats.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/ansi.h"
#include "artread/entities.h"
#include "artread/utf8.h"
#include "artread/layout.h"
#include "artread/names.h"
#include "artread/util.h"

#define STATS_TOP	8	/* rows of each "most mentioned" table */
#define NAME_WIDTH	28
#define NAME_MAX_WIDTH	40
#define NUM_WIDTH	7
#define BAR_MIN		4
#define BAR_MAX		30

/* One row of a table: a full name and its counts. */
struct row {
	const char	*name;
	size_t		 a;
	size_t		 b;
};

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

/* The rows with a count, sorted; rows[id] held the counts by id. */
static size_t
rows_sort(struct row *rows, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (rows[i].a > 0)
			rows[k++] = rows[i];
	qsort(rows, k, sizeof *rows, row_cmp);
	return k;
}

/* The name column: as wide as the widest name shown, within limits. */
static int
name_column(const struct row *rows, size_t n)
{
	int w = NAME_WIDTH, k;
	size_t i;

	for (i = 0; i < n; i++) {
		k = layout_text_width(rows[i].name, strlen(rows[i].name));
		if (k > w)
			w = k;
	}
	return w > NAME_MAX_WIDTH ? NAME_MAX_WIDTH : w;
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

/* Cells for each bar: what is left of the width, shared by nbars. */
static int
bar_cells(const struct stats_opts *o, int used, int nbars)
{
	int cells = (o->width - used) / nbars - 1;

	return cells < BAR_MIN ? BAR_MIN : cells > BAR_MAX ? BAR_MAX : cells;
}

static void
color_on(FILE *out, const struct stats_opts *o, enum style_element el)
{
	struct style st = { STYLE_COLOR_DEFAULT, STYLE_COLOR_DEFAULT, 0 };
	struct buf b;

	if (o->ncolors <= 0 || o->el == NULL)
		return;
	st.fg = o->el[el].fg == STYLE_COLOR_UNSET ? STYLE_COLOR_DEFAULT :
	    o->el[el].fg;
	buf_init(&b);
	ansi_sgr(&b, st, o->ncolors);
	fputs(b.data, out);
	buf_free(&b);
}

/*
 * A space and a bar of v against max over cells cells, padded to cells
 * when pad is set; shade fills the rest with a light shade (a share of
 * a whole).
 */
static void
bar(FILE *out, const struct stats_opts *o, enum style_element el, size_t v,
    size_t max, int cells, int pad, int shade)
{
	static const char *const part[8] = { "", "\u258f", "\u258e",
	    "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	size_t eighths = max == 0 ? 0 :
	    (v * (size_t)cells * 8 + max / 2) / max;
	int drawn, i;

	if (v > 0 && eighths == 0)
		eighths = 1;	/* anything counted shows */
	fputc(' ', out);
	color_on(out, o, el);
	if (o->unicode) {
		for (i = 0; i < (int)(eighths / 8); i++)
			fputs("\u2588", out);
		fputs(part[eighths % 8], out);
		drawn = (int)(eighths / 8) + (eighths % 8 != 0);
	} else {
		drawn = (int)((eighths + 4) / 8);
		if (v > 0 && drawn == 0)
			drawn = 1;
		for (i = 0; i < drawn; i++)
			fputc('#', out);
	}
	if (o->ncolors > 0 && o->el != NULL)
		fputs("\033[0m", out);
	for (; drawn < cells && (pad || shade); drawn++)
		fputs(shade ? (o->unicode ? "\u2591" : ".") : " ", out);
}

/* A table: its rows, sorted, with a count; (unknown) is a speaker's. */
struct table {
	struct row	*rows;
	size_t		 n;
};

static void
count_speakers(const char *text, size_t len, const struct analysis *a,
    const struct names *nm, struct table *t)
{
	size_t n = names_count(nm), i, id;

	t->rows = xcalloc(n + 1, sizeof *t->rows);
	for (id = 0; id <= n; id++)
		t->rows[id].name = id < n ? names_name(nm, id) : "(unknown)";
	for (i = 0; i < a->nquotes; i++) {
		id = names_speaker(nm, i);
		if (id == NAMES_NONE)
			id = n;
		t->rows[id].a++;
		t->rows[id].b += count_words(text, len, a->quotes[i].start,
		    a->quotes[i].end);
	}
	t->n = rows_sort(t->rows, n + 1);
}

/* The STATS_TOP most mentioned of type et; *distinct gets how many. */
static void
count_mentions(const struct analysis *a, const struct names *nm,
    enum ent_type et, struct table *t, size_t *distinct)
{
	size_t n = names_count(nm), i;

	t->rows = xcalloc(n + 1, sizeof *t->rows);
	for (i = 0; i < n; i++)
		t->rows[i].name = names_name(nm, i);
	for (i = 0; i < a->nents; i++)
		if (a->ents[i].type == et)
			t->rows[names_entity(nm, i)].a++;
	*distinct = t->n = rows_sort(t->rows, n);
	if (t->n > STATS_TOP)
		t->n = STATS_TOP;
}

static void
print_speakers(FILE *out, size_t nquotes, const struct table *t, int col,
    const struct stats_opts *o)
{
	size_t i, amax = 0, bmax = 0;
	int cells = 0;

	fprintf(out, "Quoted speakers (%zu %s)\n", nquotes,
	    util_plural(nquotes, "quote", "quotes"));
	if (o->bars)
		cells = bar_cells(o, 3 + col + 2 * NUM_WIDTH, 2);
	for (i = 0; i < t->n; i++) {
		amax = t->rows[i].a > amax ? t->rows[i].a : amax;
		bmax = t->rows[i].b > bmax ? t->rows[i].b : bmax;
	}
	if (t->n > 0) {
		print_name(out, "SPEAKER", col);
		fprintf(out, "%*s%*s %*s\n", NUM_WIDTH, "QUOTES",
		    o->bars ? cells + 1 : 0, "", NUM_WIDTH, "WORDS");
	}
	for (i = 0; i < t->n; i++) {
		print_name(out, t->rows[i].name, col);
		fprintf(out, "%*zu", NUM_WIDTH, t->rows[i].a);
		if (o->bars)
			bar(out, o, STYLE_EL_QUOTE, t->rows[i].a, amax, cells,
			    1, 0);
		fprintf(out, " %*zu", NUM_WIDTH, t->rows[i].b);
		if (o->bars)
			bar(out, o, STYLE_EL_SPEAKER, t->rows[i].b, bmax, cells,
			    0, 0);
		fputc('\n', out);
	}
}

static void
print_mentions(FILE *out, enum ent_type et, size_t distinct,
    const struct table *t, int col, const struct stats_opts *o)
{
	static const enum style_element color[] = {
		[ENT_PERSON] = STYLE_EL_PERSON, [ENT_ORG] = STYLE_EL_ORG,
		[ENT_PLACE] = STYLE_EL_PLACE,
	};
	size_t i;
	int cells = o->bars ? bar_cells(o, 2 + col + NUM_WIDTH, 1) : 0;

	fprintf(out, "Most mentioned: %s (%zu distinct)\n", ent_type_name(et),
	    distinct);
	for (i = 0; i < t->n; i++) {
		print_name(out, t->rows[i].name, col);
		fprintf(out, "%*zu", NUM_WIDTH, t->rows[i].a);
		if (o->bars)
			bar(out, o, et < sizeof color / sizeof color[0] ?
			    color[et] : STYLE_EL_TEXT, t->rows[i].a,
			    t->rows[0].a, cells, 0, 0);
		fputc('\n', out);
	}
	fputc('\n', out);
}

/*
 * The speakers, then the most mentioned people, organisations and
 * places, with one name column for all of them (as wide as the widest
 * name shown, within limits), then the share of quoted words.
 */
void
stats_write(FILE *out, const char *text, size_t len,
    const struct analysis *a, const struct stats_opts *o)
{
	static const enum ent_type types[] = { ENT_PERSON, ENT_ORG,
	    ENT_PLACE };
	struct names *nm = names_new(text, len, a);
	size_t words = count_words(text, len, 0, len), quoted = 0, i;
	size_t distinct[3];
	struct table speakers, mentions[3];
	int col, k;

	count_speakers(text, len, a, nm, &speakers);
	col = name_column(speakers.rows, speakers.n);
	for (i = 0; i < 3; i++) {
		count_mentions(a, nm, types[i], &mentions[i], &distinct[i]);
		if ((k = name_column(mentions[i].rows, mentions[i].n)) > col)
			col = k;
	}
	print_speakers(out, a->nquotes, &speakers, col, o);
	fputc('\n', out);
	for (i = 0; i < 3; i++) {
		print_mentions(out, types[i], distinct[i], &mentions[i], col, o);
		free(mentions[i].rows);
	}
	free(speakers.rows);
	for (i = 0; i < a->nquotes; i++)
		quoted += count_words(text, len, a->quotes[i].start,
		    a->quotes[i].end);
	fprintf(out, "Words in direct quotes: %zu of %zu (%.1f%%)", quoted,
	    words, words ? 100.0 * (double)quoted / (double)words : 0.0);
	if (o->bars)
		bar(out, o, STYLE_EL_QUOTE, quoted, words, BAR_MAX, 0, 1);
	fputc('\n', out);
	names_free(nm);
}
