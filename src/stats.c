/*
 * stats.c: the --stats dashboard.  Counts go by full name (names.c), so
 * "Pettifer" is counted with "Rhys Pettifer"; each table is sorted by
 * count, and on a terminal each count gets a bar proportional to the
 * largest in its column: block characters in eighths of a cell, in the
 * theme's colour of what it counts, or '#' when plain (NO_COLOR, a
 * locale that is not UTF-8).  The counts are an accumulator (struct
 * stats_count) fed the whole analysis or one block after another
 * (analysis_stream: stats_write_stream), so a long text is summed up in
 * memory that grows with its names, not its size.
 */
#include "artread/stats.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/ansi.h"
#include "artread/coref.h"
#include "artread/entities.h"
#include "artread/layout.h"
#include "artread/names.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define STATS_TOP	8	/* rows of each "most mentioned" table */
#define NAME_WIDTH	28
#define NAME_MAX_WIDTH	40
#define NAME_MIN_WIDTH	10	/* on a narrow terminal, at the least */
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

/*
 * With bars (a terminal), the name column gives way first so that the
 * widest table (the speakers': two numbers and two bars) fits the
 * width: names are cut, not lines wrapped.
 */
static int
fit_column(const struct stats_opts *o, int col)
{
	int room = o->width - (3 + 2 * NUM_WIDTH + 2 * (1 + BAR_MIN));

	if (!o->bars || col <= room)
		return col;
	return room > NAME_MIN_WIDTH ? room : NAME_MIN_WIDTH;
}

/* Cells for each bar: what is left of the width, shared by nbars; 0
 * (no bars) when nothing is left. */
static int
bar_cells(const struct stats_opts *o, int used, int nbars)
{
	int cells = (o->width - used) / nbars - 1;

	if (!o->bars || cells < 1)
		return 0;
	return cells > BAR_MAX ? BAR_MAX : cells;
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

/*
 * The counts, by type and full name (names.h's ids, made the same way):
 * a name's row keeps the first mention it names and the first quote it
 * speaks, so that names sort (stably) in the order names_new numbers
 * them: the mentions' names in order, then the speakers' others.
 */
struct named {
	size_t	 entry;		/* its entry in the map + 1 */
	size_t	 mention;	/* first mention's number + 1, or 0 */
	size_t	 quote;		/* first quote's number + 1, or 0 */
	size_t	 mentions;	/* mentions of its type */
	size_t	 quotes;	/* quotes it speaks */
	size_t	 words;		/* words of those */
};

struct stats_count {
	struct strmap	 names;		/* type letter + name -> struct named */
	size_t		 nment;		/* mentions seen */
	size_t		 nquote;	/* quotes seen */
	size_t		 unknown_quotes;
	size_t		 unknown_words;
	size_t		 words;		/* of the text */
	size_t		 quoted;	/* words in quotes */
};

struct stats_count *
stats_count_new(void)
{
	struct stats_count *sc = xcalloc(1, sizeof *sc);

	strmap_init(&sc->names, sizeof(struct named));
	return sc;
}

void
stats_count_free(struct stats_count *sc)
{
	if (sc == NULL)
		return;
	strmap_free(&sc->names);
	free(sc);
}

/* The row of type t and the name text[s, e) (names.h's key). */
static struct named *
named(struct stats_count *sc, enum ent_type t, const char *text,
    size_t len, size_t s, size_t e)
{
	struct named *v = names_key_add(&sc->names, t, text, len, s, e);

	if (v->entry == 0)
		v->entry = strmap_count(&sc->names);
	return v;
}

void
stats_count_add(struct stats_count *sc, const char *text, size_t len,
    size_t s, size_t e, const struct analysis *a,
    int (*mention_at)(void *, size_t, size_t, size_t *, size_t *),
    void *arg)
{
	struct named *v;
	size_t i, ns, ne, w;
	int t;

	sc->words += count_words(text, len, s, e);
	for (i = 0; i < a->nents; i++) {
		coref_name(text, a->ents, a->canon, analysis_named(a), i, &ns,
		    &ne);
		v = named(sc, a->ents[i].type, text, len, ns, ne);
		if (v->mention == 0)
			v->mention = ++sc->nment;
		else
			sc->nment++;
		v->mentions++;
	}
	for (i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];

		sc->nquote++;
		w = count_words(text, len, q->start, q->end);
		sc->quoted += w;
		if (q->speaker_end <= q->speaker_start) {
			sc->unknown_quotes++;
			sc->unknown_words += w;
			continue;
		}
		/* the entity of the mention it is (a ministry speaks too) */
		ns = q->speaker_start;
		ne = q->speaker_end;
		t = mention_at(arg, q->speaker_start, q->speaker_end, &ns, &ne);
		v = named(sc, t >= 0 ? (enum ent_type)t : ENT_PERSON, text,
		    len, ns, ne);
		if (v->quote == 0)
			v->quote = sc->nquote;
		v->quotes++;
		v->words += w;
	}
}

/* The order names_new numbers the names: see struct named. */
static int
named_cmp(const void *x, const void *y)
{
	const struct named *p = *(const struct named *const *)x;
	const struct named *q = *(const struct named *const *)y;

	if ((p->mention != 0) != (q->mention != 0))
		return p->mention != 0 ? -1 : 1;
	if (p->mention != 0)
		return p->mention < q->mention ? -1 : 1;
	return p->quote < q->quote ? -1 : p->quote > q->quote;
}

/* The names in names_new's order (their keys, which start with the
 * type letter, in *keys). */
static size_t
names_in_order(const struct stats_count *sc, const struct named ***out,
    const char ***keys)
{
	size_t n = strmap_count(&sc->names), i, k;
	const struct named **v = xcalloc(n + 1, sizeof *v);

	*keys = xcalloc(n + 1, sizeof **keys);
	for (i = 0; i < n; i++)
		v[i] = strmap_value(&sc->names, i);
	qsort(v, n, sizeof *v, named_cmp);
	for (i = 0; i < n; i++)
		(*keys)[i] = strmap_key(&sc->names, v[i]->entry - 1, &k);
	*out = v;
	return n;
}

static void
count_speakers(const struct named *const *v, const char *const *keys,
    size_t n, const struct stats_count *sc, struct table *t)
{
	size_t i;

	t->rows = xcalloc(n + 1, sizeof *t->rows);
	for (i = 0; i < n; i++) {
		t->rows[i].name = keys[i] + 1;
		t->rows[i].a = v[i]->quotes;
		t->rows[i].b = v[i]->words;
	}
	t->rows[n].name = "(unknown)";
	t->rows[n].a = sc->unknown_quotes;
	t->rows[n].b = sc->unknown_words;
	t->n = rows_sort(t->rows, n + 1);
}

/* The STATS_TOP most mentioned of type et; *distinct gets how many. */
static void
count_mentions(const struct named *const *v, const char *const *keys,
    size_t n, enum ent_type et, struct table *t, size_t *distinct)
{
	size_t i;

	t->rows = xcalloc(n + 1, sizeof *t->rows);
	for (i = 0; i < n; i++) {
		t->rows[i].name = keys[i] + 1;
		if (keys[i][0] == 'A' + (int)et)
			t->rows[i].a = v[i]->mentions;
	}
	*distinct = t->n = rows_sort(t->rows, n);
	if (t->n > STATS_TOP)
		t->n = STATS_TOP;
}

static void
print_speakers(FILE *out, size_t nquotes, const struct table *t, int col,
    const struct stats_opts *o)
{
	size_t i, amax = 0, bmax = 0;
	int cells = bar_cells(o, 3 + col + 2 * NUM_WIDTH, 2);

	fprintf(out, "Quoted speakers (%zu %s)\n", nquotes,
	    util_plural(nquotes, "quote", "quotes"));
	for (i = 0; i < t->n; i++) {
		amax = t->rows[i].a > amax ? t->rows[i].a : amax;
		bmax = t->rows[i].b > bmax ? t->rows[i].b : bmax;
	}
	if (t->n > 0) {
		print_name(out, "SPEAKER", col);
		fprintf(out, "%*s%*s %*s\n", NUM_WIDTH, "QUOTES",
		    cells > 0 ? cells + 1 : 0, "", NUM_WIDTH, "WORDS");
	}
	for (i = 0; i < t->n; i++) {
		print_name(out, t->rows[i].name, col);
		fprintf(out, "%*zu", NUM_WIDTH, t->rows[i].a);
		if (cells > 0)
			bar(out, o, STYLE_EL_QUOTE, t->rows[i].a, amax, cells,
			    1, 0);
		fprintf(out, " %*zu", NUM_WIDTH, t->rows[i].b);
		if (cells > 0)
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
	int cells = bar_cells(o, 2 + col + NUM_WIDTH, 1);

	fprintf(out, "Most mentioned: %s (%zu distinct)\n", ent_type_name(et),
	    distinct);
	for (i = 0; i < t->n; i++) {
		print_name(out, t->rows[i].name, col);
		fprintf(out, "%*zu", NUM_WIDTH, t->rows[i].a);
		if (cells > 0)
			bar(out, o, et < sizeof color / sizeof color[0] ?
			    color[et] : STYLE_EL_TEXT, t->rows[i].a,
			    t->rows[0].a, cells, 0, 0);
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* The share of words quoted, and its bar: on a narrow terminal in
 * fewer words, so that the line does not wrap. */
static void
print_quoted_share(FILE *out, size_t quoted, size_t words,
    const struct stats_opts *o)
{
	double pct = words ? 100.0 * (double)quoted / (double)words : 0.0;
	char line[128];
	int k;

	k = snprintf(line, sizeof line, "Words in direct quotes: %zu of %zu "
	    "(%.1f%%)", quoted, words, pct);
	if (o->bars && k + 1 + BAR_MIN > o->width)
		k = snprintf(line, sizeof line, "Quoted: %zu of %zu words "
		    "(%.1f%%)", quoted, words, pct);
	fputs(line, out);
	if ((k = bar_cells(o, k, 1)) > 0)
		bar(out, o, STYLE_EL_QUOTE, quoted, words, k, 0, 1);
}

/*
 * The speakers, then the most mentioned people, organisations and
 * places, with one name column for all of them (as wide as the widest
 * name shown, within limits), then the share of quoted words.
 */
void
stats_count_write(FILE *out, const struct stats_count *sc,
    const struct stats_opts *o)
{
	static const enum ent_type types[] = { ENT_PERSON, ENT_ORG,
	    ENT_PLACE };
	const struct named **v;
	const char **keys;
	size_t distinct[3], i, n, words = sc->words, quoted = sc->quoted;
	struct table speakers, mentions[3];
	int col, k;

	n = names_in_order(sc, &v, &keys);
	count_speakers(v, keys, n, sc, &speakers);
	col = name_column(speakers.rows, speakers.n);
	for (i = 0; i < 3; i++) {
		count_mentions(v, keys, n, types[i], &mentions[i], &distinct[i]);
		if ((k = name_column(mentions[i].rows, mentions[i].n)) > col)
			col = k;
	}
	col = fit_column(o, col);
	print_speakers(out, sc->nquote, &speakers, col, o);
	fputc('\n', out);
	for (i = 0; i < 3; i++) {
		print_mentions(out, types[i], distinct[i], &mentions[i], col, o);
		free(mentions[i].rows);
	}
	free(speakers.rows);
	print_quoted_share(out, quoted, words, o);
	fputc('\n', out);
	free(v);
	free(keys);
}

/* An analysis and its text. */
struct analysed {
	const struct analysis	*a;
	const char		*text;
};

/* (stats_write) a's mention covering [s, e): its type and name */
static int
analysis_mention_at(void *arg, size_t s, size_t e, size_t *ns, size_t *ne)
{
	const struct analysed *x = arg;
	long m = coref_mention_at(x->a->ents, x->a->nents, s, e);

	if (m < 0)
		return -1;
	coref_name(x->text, x->a->ents, x->a->canon, analysis_named(x->a),
	    (size_t)m, ns, ne);
	return (int)x->a->ents[m].type;
}

void
stats_write(FILE *out, const char *text, size_t len,
    const struct analysis *a, const struct stats_opts *o)
{
	struct stats_count *sc = stats_count_new();
	struct analysed x = { a, text };

	stats_count_add(sc, text, len, 0, len, a, analysis_mention_at, &x);
	stats_count_write(out, sc, o);
	stats_count_free(sc);
}

/* (stats_write_stream) the text's mention covering [s, e) */
static int
stream_mention_at(void *arg, size_t s, size_t e, size_t *ns, size_t *ne)
{
	return analysis_stream_mention_at(arg, s, e, ns, ne);
}

void
stats_write_stream(FILE *out, const char *text, size_t len,
    struct analysis_stream *st, const struct stats_opts *o,
    struct stats_count *total)
{
	struct stats_count *sc = stats_count_new();
	struct analysis_pipe *p = analysis_pipe_open(st, NULL, NULL);
	struct analysis_piece *j;

	/* (the next blocks are made on the other threads meanwhile) */
	while ((j = analysis_pipe_next(p)) != NULL) {
		stats_count_add(sc, text, len, j->start, j->end, &j->an,
		    stream_mention_at, st);
		if (total != NULL)
			stats_count_add(total, text, len, j->start, j->end,
			    &j->an, stream_mention_at, st);
	}
	analysis_pipe_close(p);
	stats_count_write(out, sc, o);
	stats_count_free(sc);
}
