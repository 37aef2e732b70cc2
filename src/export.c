/*
 * export.c: annotations to a readable report (text, Markdown) and to
 * other tools' formats (W3C Web Annotation JSON, brat standoff, CSV).
 *
 * Offsets: CSV keeps bytes; JSON and brat use code points, counting
 * each byte that is not valid UTF-8 as one (it decodes to U+FFFD).
 * The JSON is written by the W3C codec (w3c.c), the one that writes the
 * sidecar; files are written through atomic.h.
 * Article text is written as UTF-8 with bad bytes as U+FFFD and control
 * characters shown as the pager shows them (^[, ^G: termsafe.h), so a
 * report is safe to print on a terminal.
 * The reports wrap at 72 columns, measured by layout_text_width (wide
 * East Asian characters take 2, combining marks 0) in the UTF-8
 * character type main() always sets up.
 * The quotes and entities (--with-quotes, --with-entities) come from the
 * whole analysis or a block of it at a time (analysis_stream): one pass
 * writes the quotes, spilling them to a temporary file while their
 * count, which comes first, is not known, and counts the entities by
 * name; what the export holds does not grow with the text but for the
 * names.
 */
#include "artread/export.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/cpindex.h"
#include "artread/layout.h"
#include "artread/strmap.h"
#include "artread/termsafe.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/w3c.h"

#define WRAP		72
#define HEADLINE_MAX	120	/* code points */

/* The article, and paragraph starts for "paragraph N". */
struct article {
	const char	*name;
	const char	*path;		/* as given, or NULL (stdin) */
	const char	*b;
	size_t		 len;
	size_t		*para;		/* byte where each paragraph starts */
	size_t		 npara;
	struct cpindex	*cp;		/* byte -> code point, when needed */
};

/* ---- UTF-8 and cleaning --------------------------------------------- */

/* Decode at s: the code point (U+FFFD if invalid) and its length. */
static uint32_t
decode(const char *s, size_t len, size_t *n)
{
	uint32_t cp;

	*n = utf8_decode_lossy(s, len, &cp);
	return cp;
}

static void
put_cp(struct buf *b, uint32_t cp)
{
	char u[4];

	buf_add(b, u, utf8_encode(cp, u));
}

static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xa0;
}

static int
is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
	    cp == 0x2028 || cp == 0x2029;
}

/* A control character as the pager shows it (termsafe.h: ^[, ^G,
 * <U+0085>), appended to b. */
static void
put_visible(struct buf *b, const char *s, size_t n)
{
	struct termsafe ts;

	termsafe_init(&ts, 0);
	termsafe_feed(&ts, s, n, b);
	termsafe_end(&ts, b);
}

/*
 * s[0, n) as clean UTF-8: bad bytes become U+FFFD, control characters
 * are shown as the pager shows them (^[, ^G).  If collapse, white-space
 * runs become one space and the ends are trimmed; else tabs and
 * newlines are kept (and a CR before a newline is dropped).
 */
static char *
clean(const char *s, size_t n, int collapse)
{
	struct buf b;
	uint32_t cp;
	size_t i = 0, k;
	int space = 0;

	buf_init(&b);
	while (i < n) {
		cp = decode(s + i, n - i, &k);
		i += k;
		if (collapse && is_space_cp(cp)) {
			space = 1;
			continue;
		}
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = 0;
		if (cp == '\r' && i < n && s[i] == '\n')
			continue;
		if (cp != '\n' && cp != '\t' && is_control(cp))
			put_visible(&b, s + i - k, k);
		else
			put_cp(&b, cp);
	}
	return buf_steal(&b);
}

/* Display width, as the pager measures it (layout owns widths). */
static size_t
str_width(const char *s, size_t n)
{
	return (size_t)layout_text_width(s, n);
}

/*
 * Word-wrap clean, collapsed text to width columns: the first line
 * starts with first, the others with rest (both count in the width).
 * A word wider than a line is cut between characters.
 */
static void
wrap(struct buf *out, const char *text, const char *first, const char *rest,
    size_t width)
{
	const char *p = text, *w;
	size_t col, lw, ww, cut, k = 1;

	buf_adds(out, first);
	col = lw = str_width(first, strlen(first));
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (w = p; *w != '\0' && *w != ' '; w++)
			;
		ww = str_width(p, (size_t)(w - p));
		if (col > lw && col + 1 + ww > width) {
			buf_addc(out, '\n');
			buf_adds(out, rest);
			col = lw = str_width(rest, strlen(rest));
		} else if (col > lw) {
			buf_addc(out, ' ');
			col++;
		}
		while (col + ww > width && width > col) {
			/* Cut a long word after the last character that fits. */
			for (cut = 0; p + cut < w; cut += k) {
				(void)decode(p + cut, (size_t)(w - p - cut), &k);
				if (col + str_width(p, cut + k) > width)
					break;
			}
			if (cut == 0)
				cut = k;
			buf_add(out, p, cut);
			p += cut;
			buf_addc(out, '\n');
			buf_adds(out, rest);
			col = lw = str_width(rest, strlen(rest));
			ww = str_width(p, (size_t)(w - p));
		}
		buf_add(out, p, (size_t)(w - p));
		col += ww;
		p = w;
	}
	buf_addc(out, '\n');
}

/* ---- the article ---------------------------------------------------- */

static int
blank_line(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	}
	return 1;
}

/* Paragraphs: runs of non-blank lines separated by blank lines. */
static void
article_init(struct article *a, const char *path, const char *b, size_t len)
{
	const char *nl, *slash;
	size_t off = 0, n;
	int in_para = 0;

	slash = path != NULL ? strrchr(path, '/') : NULL;
	a->name = path == NULL ? "stdin" : slash != NULL ? slash + 1 : path;
	a->path = path;
	a->cp = NULL;
	a->b = b;
	a->len = len;
	a->para = NULL;
	a->npara = 0;
	while (off < len) {
		nl = memchr(b + off, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - (b + off)) : len - off;
		if (blank_line(b + off, n))
			in_para = 0;
		else if (!in_para) {
			a->para = xreallocarray(a->para, a->npara + 1,
			    sizeof *a->para);
			a->para[a->npara++] = off;
			in_para = 1;
		}
		off += n + 1;
	}
}

static size_t
para_number(const struct article *a, size_t off)
{
	size_t i, n = 0;

	for (i = 0; i < a->npara && a->para[i] <= off; i++)
		n = i + 1;
	return n == 0 ? 1 : n;
}

static unsigned
percent(const struct article *a, size_t off)
{
	if (a->len == 0)
		return 0;
	if (off > a->len)
		off = a->len;
	return (unsigned)((unsigned long long)off * 100 / a->len);
}

/* The first paragraph, collapsed and cut to HEADLINE_MAX code points. */
static char *
headline(const struct article *a)
{
	size_t end, i, k, n;
	char *h, *cut;

	if (a->npara == 0)
		return xstrdup("(untitled)");
	end = a->npara > 1 ? a->para[1] : a->len;
	h = clean(a->b + a->para[0], end - a->para[0], 1);
	for (i = 0, n = 0; h[i] != '\0' && n < HEADLINE_MAX; n++) {
		(void)decode(h + i, strlen(h + i), &k);
		i += k;
	}
	if (h[i] == '\0')
		return h;
	cut = xasprintf("%.*s\xe2\x80\xa6", (int)i, h);
	free(h);
	return cut;
}

/* ---- shared report pieces ------------------------------------------- */

static size_t
orphan_count(const struct annot_set *set)
{
	size_t i, n = 0;

	for (i = 0; i < annot_count(set); i++)
		n += annot_at(set, i)->orphan != 0;
	return n;
}

/* "6", or "6 (1 moved, 1 changed, 1 orphaned)": the states other than
 * exact that some annotation is in. */
static void
count_line(struct buf *b, const struct annot_set *set)
{
	static const char *const word[] = { NULL, "moved", "changed",
		"orphaned" };
	size_t count[4] = { 0, 0, 0, 0 }, i;
	int first = 1;

	for (i = 0; i < annot_count(set); i++)
		count[annot_anchor_of(annot_at(set, i))]++;
	buf_printf(b, "%zu", annot_count(set));
	for (i = ANNOT_MOVED; i <= ANNOT_ORPHAN; i++) {
		if (count[i] == 0)
			continue;
		buf_printf(b, "%s%zu %s", first ? " (" : ", ", count[i],
		    word[i]);
		first = 0;
	}
	if (!first)
		buf_addc(b, ')');
}

/* ", moved" or ", changed" after where an annotation is; "" otherwise
 * (orphans have a section of their own). */
static const char *
state_note(const struct annot *a)
{
	switch (annot_anchor_of(a)) {
	case ANNOT_MOVED:	return ", moved";
	case ANNOT_CHANGED:	return ", changed";
	default:		return "";
	}
}

/* The text as annotated of a changed annotation, clean for one line; or
 * NULL. */
static char *
was_text(const struct annot *a)
{
	if (annot_anchor_of(a) != ANNOT_CHANGED || a->was == NULL)
		return NULL;
	return clean(a->was->exact, a->was->exact_len, 1);
}

/* Distinct tags in order of first use. */
static size_t
all_tags(const struct annot_set *set, const char ***out)
{
	const struct annot *a;
	size_t i, j, k, n = 0;

	*out = NULL;
	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		for (j = 0; j < a->ntags; j++) {
			for (k = 0; k < n && strcmp((*out)[k], a->tags[j]) != 0;
			    k++)
				;
			if (k < n)
				continue;
			*out = xreallocarray(*out, n + 1, sizeof **out);
			(*out)[n++] = a->tags[j];
		}
	}
	return n;
}

static int
annot_has_tag(const struct annot *a, const char *tag)
{
	size_t i;

	if (tag == NULL)
		return a->ntags == 0;
	for (i = 0; i < a->ntags; i++) {
		if (strcmp(a->tags[i], tag) == 0)
			return 1;
	}
	return 0;
}

/* Entity type names, from analysis.h's table (no link dependency). */
static const char *
ent_name(int type)
{
	static const char *const names[] = {
#define ENT_NAME(e, name) name,
		ENT_TYPES(ENT_NAME)
#undef ENT_NAME
	};

	if (type < 0 || type >= (int)(sizeof names / sizeof names[0]))
		return "ENTITY";
	return names[type];
}

/* One entry of the entity index. */
struct ent_count {
	int	 type;
	char	*text;
	size_t	 n;
};

static int
ent_count_cmp(const void *pa, const void *pb)
{
	const struct ent_count *a = pa, *b = pb;

	if (a->type != b->type)
		return a->type - b->type;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->text, b->text);
}

/* The distinct entities (type and cleaned text) with their counts, fed
 * one analysis (or block of one) after another. */
struct ent_index {
	struct strmap	 seen;		/* type letter + text -> index + 1 */
	struct ent_count *v;
	size_t		 n;
};

static void
entity_index_add(struct ent_index *ix, const struct article *art,
    const struct analysis *an)
{
	const struct entity *e;
	size_t i, *j;
	char *t, *key;

	for (i = 0; i < an->nents; i++) {
		e = &an->ents[i];
		if (e->end > art->len || e->start >= e->end)
			continue;
		t = clean(art->b + e->start, e->end - e->start, 1);
		key = xasprintf("%c%s", 'A' + (int)e->type, t);
		j = strmap_add(&ix->seen, key, strlen(key));
		free(key);
		if (*j != 0) {
			ix->v[*j - 1].n++;
			free(t);
			continue;
		}
		*j = ix->n + 1;
		ix->v = xreallocarray(ix->v, ix->n + 1, sizeof *ix->v);
		ix->v[ix->n].type = (int)e->type;
		ix->v[ix->n].text = t;
		ix->v[ix->n++].n = 1;
	}
}

/* The index, sorted by type, count and text, in *out. */
static size_t
entity_index_done(struct ent_index *ix, struct ent_count **out)
{
	strmap_free(&ix->seen);
	if (ix->n > 1)
		qsort(ix->v, ix->n, sizeof *ix->v, ent_count_cmp);
	*out = ix->v;
	return ix->n;
}

static void
entity_index_free(struct ent_count *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

/* ---- quotes and entities, a block of the analysis at a time ---------- */

#define SPILL_AT	(1u << 20)	/* bytes kept before they are written */

/* The analysis a block at a time: the whole one (once), or a stream's
 * (analysis_stream_next); neither: none. */
struct blocks {
	const struct analysis	*whole;
	struct analysis_stream	*st;
	int			 done;
};

static const struct analysis *
next_block(struct blocks *bl)
{
	size_t s, e;

	if (bl->st != NULL)
		return analysis_stream_next(bl->st, &s, &e);
	return bl->done++ == 0 ? bl->whole : NULL;
}

/* The export as it is written: b holds what is not written to out yet. */
struct extras {
	FILE		*out;
	struct buf	*b;
	int		 flushed;	/* some of it is written */
	int		 err;		/* a write failed (errno) */
	size_t		 nquotes;	/* of the analysis */
	struct ent_count *ents;		/* the entity index */
	size_t		 nents;
};

static void
write_out(struct extras *x, FILE *to, struct buf *b)
{
	if (b->len > 0 && fwrite(b->data, 1, b->len, to) != b->len)
		x->err = 1;
	if (to == x->out && b->len > 0)
		x->flushed = 1;
	buf_reset(b);
}

/* Copy what was spilled to f onto the export. */
static void
copy_spilled(struct extras *x, FILE *f)
{
	char chunk[65536];
	size_t n;

	rewind(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (fwrite(chunk, 1, n, x->out) != n)
			x->err = 1;
	if (ferror(f))
		x->err = 1;
	x->flushed = 1;
}

/*
 * One pass over the blocks: each quote written by fmt_quote (with
 * quotes) into qb, spilled to f as they grow, and the entities counted
 * (with entities).
 */
static void
gather(struct extras *x, struct blocks *bl, const struct article *art,
    const struct export_opts *o, FILE *f, struct buf *qb,
    void (*fmt_quote)(struct buf *, const struct article *,
    const struct quote *))
{
	const struct analysis *an;
	const struct quote *q;
	struct ent_index ix;
	size_t i;

	memset(&ix, 0, sizeof ix);
	strmap_init(&ix.seen, sizeof(size_t));
	while ((an = next_block(bl)) != NULL) {
		x->nquotes += an->nquotes;
		for (i = 0; o->with_quotes && i < an->nquotes; i++) {
			q = &an->quotes[i];
			if (q->end <= art->len && q->start < q->end)
				fmt_quote(qb, art, q);
		}
		if (qb->len >= SPILL_AT)
			write_out(x, f, qb);
		if (o->with_entities)
			entity_index_add(&ix, art, an);
	}
	x->nents = entity_index_done(&ix, &x->ents);
}

/*
 * The pass over the blocks, then the quotes after heading (a format
 * with the count, given it): those spilled to a temporary file while
 * the count was not known are copied to the export, the rest follow in
 * b.  0, or -1 (no analysis, or neither quotes nor entities asked for).
 */
static int
quotes_section(struct extras *x, struct blocks *bl, const struct article *art,
    const struct export_opts *o, const char *heading,
    void (*fmt_quote)(struct buf *, const struct article *,
    const struct quote *))
{
	struct buf qb;
	FILE *f;

	if ((!o->with_quotes && !o->with_entities) || (bl->whole == NULL &&
	    bl->st == NULL))
		return -1;
	if ((f = tmpfile()) == NULL) {
		x->err = 1;
		return -1;
	}
	buf_init(&qb);
	gather(x, bl, art, o, f, &qb, fmt_quote);
	if (o->with_quotes) {
		buf_printf(x->b, heading, x->nquotes);
		if (ftell(f) > 0) {
			write_out(x, x->out, x->b);
			copy_spilled(x, f);
		}
		buf_add(x->b, qb.data, qb.len);
	}
	buf_free(&qb);
	fclose(f);
	return 0;
}

/* ---- text ----------------------------------------------------------- */

static void
text_annot(struct buf *b, const struct article *art, const struct annot *a,
    size_t num)
{
	char *t, *line, *nl;
	size_t i;

	buf_printf(b, "[%zu] ", num);
	if (a->ntags == 0)
		buf_adds(b, "(no tag)");
	for (i = 0; i < a->ntags; i++) {
		t = clean(a->tags[i], strlen(a->tags[i]), 1);
		buf_printf(b, "%s%s", i > 0 ? ", " : "", t);
		free(t);
	}
	buf_printf(b, " -- %sparagraph %zu, %u%%%s\n", a->orphan ?
	    "last seen at " : "", para_number(art, a->start),
	    percent(art, a->start), state_note(a));
	t = clean(a->exact, a->exact_len, 1);
	wrap(b, t, "    > ", "    > ", WRAP);
	free(t);
	if ((t = was_text(a)) != NULL) {
		wrap(b, t, "    Was: ", "         ", WRAP);
		free(t);
	}
	if (*a->note != '\0') {
		/* The note's lines as written: its spaces, tabs and empty
		 * lines are the writer's (a blank line gets no indent). */
		t = clean(a->note, strlen(a->note), 0);
		for (line = t, i = 0; line != NULL; line = nl, i++) {
			if ((nl = strchr(line, '\n')) != NULL)
				*nl++ = '\0';
			buf_printf(b, "%s%s\n", *line == '\0' ? "" : i == 0 ?
			    "    Note: " : "          ", line);
		}
		free(t);
	}
	buf_addc(b, '\n');
}

/* Annotations with tag (NULL: untagged; all if !grouped), orphans or not. */
static void
text_list(struct buf *b, const struct article *art,
    const struct annot_set *set, int grouped, const char *tag, int orphans)
{
	const struct annot *a;
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->orphan == orphans && (!grouped || annot_has_tag(a, tag)))
			text_annot(b, art, a, i + 1);
	}
}

static size_t
count_with(const struct annot_set *set, const char *tag, int orphans)
{
	size_t i, n = 0;

	for (i = 0; i < annot_count(set); i++) {
		if (annot_at(set, i)->orphan == orphans &&
		    annot_has_tag(annot_at(set, i), tag))
			n++;
	}
	return n;
}

static void
text_grouped(struct buf *b, const struct article *art,
    const struct annot_set *set, int orphans)
{
	const char **tags;
	char *t;
	size_t i, n, c;

	n = all_tags(set, &tags);
	for (i = 0; i <= n; i++) {
		c = count_with(set, i < n ? tags[i] : NULL, orphans);
		if (c == 0)
			continue;
		t = i < n ? clean(tags[i], strlen(tags[i]), 1) :
		    xstrdup("(no tag)");
		buf_printf(b, "== %s (%zu) ==\n\n", t, c);
		free(t);
		text_list(b, art, set, 1, i < n ? tags[i] : NULL, orphans);
	}
	free(tags);
}

static void
text_quote(struct buf *b, const struct article *art, const struct quote *q)
{
	char *t = clean(art->b + q->start, q->end - q->start, 1);

	wrap(b, t, "    > ", "    > ", WRAP);
	free(t);
	if (q->speaker_end > q->speaker_start && q->speaker_end <= art->len) {
		t = clean(art->b + q->speaker_start,
		    q->speaker_end - q->speaker_start, 1);
		buf_printf(b, "      -- %s\n", t);
		free(t);
	} else
		buf_adds(b, "      -- (speaker unknown)\n");
	buf_addc(b, '\n');
}

static void
text_entities(struct buf *b, const struct extras *x)
{
	size_t i;

	buf_printf(b, "Entities (%zu)\n\n", x->nents);
	for (i = 0; i < x->nents; i++)
		buf_printf(b, "    %-8s %s (%zu)\n",
		    ent_name(x->ents[i].type), x->ents[i].text, x->ents[i].n);
	if (x->nents > 0)
		buf_addc(b, '\n');
}

static void
export_text(struct extras *x, const struct article *art,
    const struct annot_set *set, struct blocks *bl,
    const struct export_opts *o, const char *date)
{
	char *h = headline(art), *name = clean(art->name, strlen(art->name), 1);
	struct buf *b = x->b;

	buf_printf(b, "%s\nFile: %s\nAnnotations: ", h, name);
	count_line(b, set);
	buf_printf(b, "\nExported: %s\n\n", date);
	free(h);
	free(name);
	if (o->group_by_tag)
		text_grouped(b, art, set, 0);
	else
		text_list(b, art, set, 0, NULL, 0);
	if (orphan_count(set) > 0) {
		buf_adds(b, "Orphaned (text no longer found in the article)\n\n");
		if (o->group_by_tag)
			text_grouped(b, art, set, 1);
		else
			text_list(b, art, set, 0, NULL, 1);
	}
	if (quotes_section(x, bl, art, o, "Quotes (%zu)\n\n", text_quote) == 0 &&
	    o->with_entities)
		text_entities(b, x);
}

/* ---- markdown ------------------------------------------------------- */

/* Append clean text s as CommonMark inline text, specials escaped. */
static void
md_escape(struct buf *b, const char *s)
{
	const char *p = s, *d;

	/* At line start: block markers and ordered-list numbers. */
	if (*p == '-' || *p == '+' || *p == '=')
		buf_addc(b, '\\');
	for (d = p; *d >= '0' && *d <= '9'; d++)
		;
	if (d > p && (*d == '.' || *d == ')')) {
		buf_add(b, p, (size_t)(d - p));
		buf_addc(b, '\\');
		p = d;
	}
	for (; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>#!|~&", *p) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
}

/* A tag as inline code, with enough backticks around it. */
static void
md_code(struct buf *b, const char *tag)
{
	char *t = clean(tag, strlen(tag), 1);
	size_t run = 0, longest = 0, i;
	const char *p;
	int pad;

	for (p = t; *p != '\0'; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	pad = *t == '`' || (*t != '\0' && t[strlen(t) - 1] == '`');
	for (i = 0; i <= longest; i++)
		buf_addc(b, '`');
	buf_printf(b, "%s%s%s", pad ? " " : "", t, pad ? " " : "");
	for (i = 0; i <= longest; i++)
		buf_addc(b, '`');
	free(t);
}

static void
md_annot(struct buf *b, const struct article *art, const struct annot *a,
    size_t num)
{
	char *t, *line, *nl, *c;
	size_t i;
	int inside = 0;

	buf_printf(b, "### %zu.", num);
	if (a->ntags == 0)
		buf_adds(b, " (no tag)");
	for (i = 0; i < a->ntags; i++) {
		buf_addc(b, ' ');
		md_code(b, a->tags[i]);
	}
	buf_printf(b, " (%sparagraph %zu, %u%%%s)\n\n", a->orphan ?
	    "last seen at " : "", para_number(art, a->start),
	    percent(art, a->start), state_note(a));
	t = clean(a->exact, a->exact_len, 1);
	buf_adds(b, "> ");
	md_escape(b, t);
	buf_adds(b, "\n\n");
	free(t);
	if ((t = was_text(a)) != NULL) {
		buf_adds(b, "Was: ");
		md_escape(b, t);
		buf_adds(b, "\n\n");
		free(t);
	}
	if (*a->note == '\0')
		return;
	/* Note lines joined by hard breaks; blank lines end paragraphs. */
	t = clean(a->note, strlen(a->note), 0);
	for (line = t; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		c = clean(line, strlen(line), 1);
		if (*c != '\0') {
			if (inside)
				buf_adds(b, "\\\n");
			md_escape(b, c);
			inside = 1;
		} else if (inside) {
			buf_adds(b, "\n\n");
			inside = 0;
		}
		free(c);
	}
	free(t);
	if (inside)
		buf_adds(b, "\n\n");
}

static void
md_list(struct buf *b, const struct article *art, const struct annot_set *set,
    int grouped, const char *tag, int orphans)
{
	const struct annot *a;
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->orphan == orphans && (!grouped || annot_has_tag(a, tag)))
			md_annot(b, art, a, i + 1);
	}
}

static void
md_section(struct buf *b, const struct article *art,
    const struct annot_set *set, int grouped, int orphans)
{
	const char **tags;
	size_t i, n, c;

	if (!grouped) {
		md_list(b, art, set, 0, NULL, orphans);
		return;
	}
	n = all_tags(set, &tags);
	for (i = 0; i <= n; i++) {
		c = count_with(set, i < n ? tags[i] : NULL, orphans);
		if (c == 0)
			continue;
		buf_adds(b, "## Tag ");
		if (i < n)
			md_code(b, tags[i]);
		else
			buf_adds(b, "(no tag)");
		buf_printf(b, " (%zu)\n\n", c);
		md_list(b, art, set, 1, i < n ? tags[i] : NULL, orphans);
	}
	free(tags);
}

static void
md_quote(struct buf *b, const struct article *art, const struct quote *q)
{
	char *t = clean(art->b + q->start, q->end - q->start, 1);

	buf_adds(b, "- ");
	md_escape(b, t);
	free(t);
	if (q->speaker_end > q->speaker_start && q->speaker_end <= art->len) {
		t = clean(art->b + q->speaker_start,
		    q->speaker_end - q->speaker_start, 1);
		buf_adds(b, " \xe2\x80\x94 *");
		md_escape(b, t);
		buf_adds(b, "*");
		free(t);
	}
	buf_addc(b, '\n');
}

static void
md_extras(struct extras *x, const struct article *art, struct blocks *bl,
    const struct export_opts *o)
{
	struct buf *b = x->b;
	size_t i;

	if (quotes_section(x, bl, art, o, "## Quotes\n\n", md_quote) != 0)
		return;
	if (o->with_quotes)
		buf_addc(b, '\n');
	if (o->with_entities) {
		buf_printf(b, "## Entities\n\n");
		for (i = 0; i < x->nents; i++) {
			buf_printf(b, "- **%s**: ", ent_name(x->ents[i].type));
			md_escape(b, x->ents[i].text);
			buf_printf(b, " (%zu)\n", x->ents[i].n);
		}
		buf_addc(b, '\n');
	}
}

static void
export_markdown(struct extras *x, const struct article *art,
    const struct annot_set *set, struct blocks *bl,
    const struct export_opts *o, const char *date)
{
	struct buf *b = x->b;
	char *h = headline(art);

	buf_adds(b, "# ");
	md_escape(b, h);
	buf_adds(b, "\n\n- File: ");
	md_code(b, art->name);
	buf_adds(b, "\n- Annotations: ");
	count_line(b, set);
	buf_printf(b, "\n- Exported: %s\n\n", date);
	free(h);
	if (!o->group_by_tag && annot_count(set) > orphan_count(set))
		buf_adds(b, "## Annotations\n\n");
	md_section(b, art, set, o->group_by_tag, 0);
	if (orphan_count(set) > 0) {
		buf_adds(b, "## Orphaned annotations\n\n");
		md_section(b, art, set, o->group_by_tag, 1);
	}
	md_extras(x, art, bl, o);
	while (b->len >= 2 && b->data[b->len - 1] == '\n' &&
	    b->data[b->len - 2] == '\n')
		b->data[--b->len] = '\0';
	/* what was written ends in one line break (a quote's line) */
	if (x->flushed && b->len == 1 && b->data[0] == '\n')
		b->data[--b->len] = '\0';
}

/* ---- JSON (W3C Web Annotation) -------------------------------------- */

/* The code point offset of byte off. */
static size_t
cp_offset(struct article *art, size_t off)
{
	if (art->cp == NULL)
		art->cp = cpindex_new(art->b, art->len);
	return cpindex_to_cp(art->cp, off);
}

/*
 * The target source IRI: the file: URL of the article's absolute path,
 * or for standard input one naming its content (RFC 6920).
 */
static char *
default_source(const struct article *art)
{
	char *real, *abs, cwd[PATH_MAX], *iri;

	if (art->path == NULL)
		return w3c_content_iri(art->b, art->len);
	if ((real = realpath(art->path, NULL)) != NULL)
		abs = real;
	else if (art->path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		abs = xstrdup(art->path);
	else
		abs = xasprintf("%s/%s", cwd, art->path);
	iri = w3c_file_iri(abs);
	free(abs);
	return iri;
}

/* The source every export names: the web article's URL, or the above. */
static char *
target_source(const struct article *art, const struct export_opts *o)
{
	return o->source != NULL ? w3c_uri_escape(o->source) :
	    default_source(art);
}

static int
export_json(FILE *out, struct article *art, const struct annot_set *set,
    const struct export_opts *o, const char *date)
{
	struct w3c_ctx c;
	char *label, *source = NULL, *text;
	int rc;

	w3c_ctx_init(&c, W3C_CODEPOINTS, 0);
	if (art->cp == NULL)
		art->cp = cpindex_new(art->b, art->len);
	c.cp = art->cp;
	c.bytes = art->b;
	c.len = art->len;
	source = target_source(art, o);
	c.source = source;
	label = clean(art->name, strlen(art->name), 1);
	text = xasprintf("Annotations on %s", label);
	rc = w3c_write_collection(out, set, text, date, &c);
	free(text);
	free(label);
	free(source);
	return rc;
}

/* ---- brat ----------------------------------------------------------- */

char *
export_brat_type(const char *tag)
{
	char *t;
	size_t i;

	if (tag == NULL || *tag == '\0')
		return xstrdup("Annotation");
	t = xstrdup(tag);
	for (i = 0; t[i] != '\0'; i++) {
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' &&
		    t[i] <= 'Z') || (t[i] >= '0' && t[i] <= '9') ||
		    t[i] == '_' || t[i] == '-'))
			t[i] = '_';
	}
	return t;
}

/* Flatten for a brat field: tabs and line ends to spaces, controls as
 * the pager shows them, bad bytes as U+FFFD. */
char *
export_brat_text(const char *s, size_t n)
{
	char *t = clean(s, n, 0), *p;

	for (p = t; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	}
	return t;
}

/* The note of a brat annotation: its state first when it is not exact
 * ("[changed; was: has said the data is safe.] the note"). */
static char *
brat_note(const struct annot *a)
{
	char *note = export_brat_text(a->note, strlen(a->note)), *was, *t;

	if (annot_anchor_of(a) == ANNOT_EXACT)
		return note;
	if (a->was != NULL && annot_anchor_of(a) == ANNOT_CHANGED) {
		was = export_brat_text(a->was->exact, a->was->exact_len);
		t = xasprintf("[changed; was: %s]%s%s", was,
		    *note != '\0' ? " " : "", note);
		free(was);
	} else
		t = xasprintf("[%s]%s%s", annot_anchor_name(annot_anchor_of(a)),
		    *note != '\0' ? " " : "", note);
	free(note);
	return t;
}

/* "S E[;S E...]\tTEXT": [start, end) cut at line breaks, code points. */
static void
brat_span(struct buf *b, struct article *art, size_t start, size_t end)
{
	struct buf text;
	size_t i, fs = start;
	int nfrag = 0;
	char *t;

	buf_init(&text);
	for (i = start; i <= end; i++) {
		if (i < end && art->b[i] != '\n' && art->b[i] != '\r')
			continue;
		if (i > fs || (i == end && nfrag == 0)) {
			buf_printf(b, "%s%zu %zu", nfrag > 0 ? ";" : "",
			    cp_offset(art, fs), cp_offset(art, i));
			t = export_brat_text(art->b + fs, i - fs);
			if (nfrag > 0)
				buf_addc(&text, ' ');
			buf_adds(&text, t);
			free(t);
			nfrag++;
		}
		fs = i + 1;
	}
	buf_printf(b, "\t%s\n", text.data != NULL ? text.data : "");
	buf_free(&text);
}

static void
export_brat(struct extras *x, struct article *art,
    const struct annot_set *set, struct blocks *bl,
    const struct export_opts *o)
{
	struct buf *b = x->b;
	const struct analysis *an;
	const struct annot *a;
	size_t i, j, t = 0, notes = 0, first;
	char *type, *note;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->orphan || a->end > art->len || a->start >= a->end)
			continue;
		first = t + 1;
		for (j = 0; j == 0 || j < a->ntags; j++) {
			type = export_brat_type(a->ntags > 0 ? a->tags[j] : NULL);
			buf_printf(b, "T%zu\t%s ", ++t, type);
			free(type);
			brat_span(b, art, a->start, a->end);
		}
		if (*a->note != '\0' || annot_anchor_of(a) != ANNOT_EXACT) {
			note = brat_note(a);
			buf_printf(b, "#%zu\tAnnotatorNotes T%zu\t%s\n",
			    ++notes, first, note);
			free(note);
		}
	}
	while (o->with_entities && (an = next_block(bl)) != NULL) {
		for (i = 0; i < an->nents; i++) {
			const struct entity *e = &an->ents[i];

			if (e->end > art->len || e->start >= e->end)
				continue;
			buf_printf(b, "T%zu\t%s ", ++t, ent_name((int)e->type));
			brat_span(b, art, e->start, e->end);
		}
		if (b->len >= SPILL_AT)
			write_out(x, x->out, b);
	}
}

/* ---- CSV ------------------------------------------------------------ */

static void
csv_field(struct buf *b, const char *s, int last)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL)
		buf_adds(b, s);
	else {
		buf_addc(b, '"');
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				buf_addc(b, '"');
			buf_addc(b, *p);
		}
		buf_addc(b, '"');
	}
	buf_adds(b, last ? "\r\n" : ",");
}

static void
export_csv(struct buf *b, const struct article *art,
    const struct annot_set *set, const struct export_opts *o)
{
	const struct annot *a;
	struct buf tags;
	char *t, num[32], *source = target_source(art, o);
	size_t i, j;

	if (o->header && o->bom)
		buf_adds(b, "\xef\xbb\xbf");	/* so spreadsheets read UTF-8 */
	if (o->header)
		buf_printf(b, "%sid,tag,start,end,exact,note,created,modified,"
		    "orphaned,state,was,source\r\n", o->article != NULL ?
		    "article," : "");
	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (o->article != NULL)
			csv_field(b, o->article, 0);
		csv_field(b, a->id, 0);
		buf_init(&tags);
		for (j = 0; j < a->ntags; j++) {
			if (j > 0)
				buf_addc(&tags, ';');
			buf_adds(&tags, a->tags[j]);
		}
		t = buf_steal(&tags);
		csv_field(b, t, 0);
		free(t);
		snprintf(num, sizeof num, "%zu", a->start);
		csv_field(b, num, 0);
		snprintf(num, sizeof num, "%zu", a->end);
		csv_field(b, num, 0);
		t = utf8_lossy(a->exact, a->exact_len, NULL);
		csv_field(b, t, 0);
		free(t);
		t = utf8_lossy(a->note, strlen(a->note), NULL);
		csv_field(b, t, 0);
		free(t);
		csv_field(b, a->created, 0);
		csv_field(b, a->modified, 0);
		csv_field(b, a->orphan ? "true" : "false", 0);
		csv_field(b, annot_anchor_name(annot_anchor_of(a)), 0);
		t = annot_anchor_of(a) == ANNOT_CHANGED && a->was != NULL ?
		    utf8_lossy(a->was->exact, a->was->exact_len, NULL) :
		    xstrdup("");
		csv_field(b, t, 0);
		free(t);
		csv_field(b, source, 1);
	}
	free(source);
}

/* ---- entry points --------------------------------------------------- */

char *
export_file_name(const char *article_path, enum export_format f)
{
	size_t n = strlen(article_path);

	switch (f) {
	case EXPORT_TEXT:	return xasprintf("%s.notes.txt", article_path);
	case EXPORT_MARKDOWN:	return xasprintf("%s.notes.md", article_path);
	case EXPORT_JSON:	return xasprintf("%s.annotations.json", article_path);
	case EXPORT_CSV:	return xasprintf("%s.annotations.csv", article_path);
	case EXPORT_BRAT:
	default:
		if (n > 4 && strcmp(article_path + n - 4, ".txt") == 0)
			n -= 4;
		return xasprintf("%.*s.ann", (int)n, article_path);
	}
}

void
export_opts_init(struct export_opts *o)
{
	memset(o, 0, sizeof *o);
	o->header = 1;
}

static const char *const format_names[] = {
	"text", "markdown", "json", "brat", "csv",
};

int
export_format_from_name(const char *name)
{
	size_t i;

	if (name == NULL)
		return -1;
	if (strcmp(name, "md") == 0)
		return EXPORT_MARKDOWN;
	for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
		if (strcmp(name, format_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

int
export_format_of_file(const char *path)
{
	static const struct {
		const char	*ext;
		int		 f;
	} ext[] = {
		{ ".md", EXPORT_MARKDOWN }, { ".markdown", EXPORT_MARKDOWN },
		{ ".json", EXPORT_JSON }, { ".jsonld", EXPORT_JSON },
		{ ".ann", EXPORT_BRAT }, { ".csv", EXPORT_CSV },
		{ ".txt", EXPORT_TEXT },
	};
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t i;

	if (dot == NULL || (slash != NULL && dot < slash))
		return -1;
	for (i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (strcasecmp(dot, ext[i].ext) == 0)
			return ext[i].f;
	return -1;
}

int
export_parse_request(const char *typed, int *fmt, char **path)
{
	const char *s = typed + strspn(typed, " \t"), *rest;
	size_t n = strcspn(s, " \t"), end;
	char *word = xasprintf("%.*s", (int)n, s);

	*path = NULL;
	*fmt = n == 0 ? EXPORT_TEXT : export_format_from_name(word);
	free(word);
	rest = s + n + strspn(s + n, " \t");
	if (*fmt < 0) {
		/* A file alone ("/", "." or "~" in it): its extension says
		 * the format. */
		if (s[strcspn(s, "/.~")] == '\0')
			return -1;
		rest = s;
		if ((*fmt = export_format_of_file(s)) < 0)
			*fmt = EXPORT_TEXT;
	}
	for (end = strlen(rest); end > 0 && (rest[end - 1] == ' ' ||
	    rest[end - 1] == '\t'); end--)
		;
	if (end > 0)
		*path = xasprintf("%.*s", (int)end, rest);
	return 0;
}

const char *
export_format_name(enum export_format f)
{
	if ((size_t)f >= sizeof format_names / sizeof format_names[0])
		return "?";
	return format_names[f];
}

int
export_takes_quotes(enum export_format f)
{
	return f == EXPORT_TEXT || f == EXPORT_MARKDOWN;
}

int
export_takes_entities(enum export_format f)
{
	return export_takes_quotes(f) || f == EXPORT_BRAT;
}

/* (export_article, export_article_stream) */
static int
export_blocks(FILE *out, enum export_format fmt, const char *path,
    const char *bytes, size_t len, const struct annot_set *set,
    struct blocks *bl, const struct export_opts *opts, char **cause)
{
	struct export_opts defaults;
	struct article art;
	struct extras x;
	struct buf b;
	char now[ANNOT_TIME_LEN];
	const char *date;
	int rc = 0;

	if (opts == NULL) {
		export_opts_init(&defaults);
		opts = &defaults;
	}
	annot_now(now);
	date = opts->date != NULL ? opts->date : now;
	article_init(&art, path, bytes, len);
	if (path == NULL && opts->source != NULL)
		art.name = opts->source;	/* a web article: its URL */
	buf_init(&b);
	memset(&x, 0, sizeof x);
	x.out = out;
	x.b = &b;
	switch (fmt) {
	case EXPORT_TEXT:
		export_text(&x, &art, set, bl, opts, date);
		break;
	case EXPORT_MARKDOWN:
		export_markdown(&x, &art, set, bl, opts, date);
		break;
	case EXPORT_JSON:
		rc = export_json(out, &art, set, opts, date);
		break;
	case EXPORT_BRAT:
		export_brat(&x, &art, set, bl, opts);
		break;
	case EXPORT_CSV:
		export_csv(&b, &art, set, opts);
		break;
	default:
		*cause = xstrdup("unknown export format");
		free(art.para);
		return -1;
	}
	entity_index_free(x.ents, x.nents);
	if (rc == 0 && !x.err)
		write_out(&x, out, &b);
	if (x.err || (rc == 0 && fflush(out) == EOF))
		rc = -1;
	if (rc != 0)
		*cause = xasprintf("%s: cannot write the export: %s", art.name,
		    strerror(errno));
	buf_free(&b);
	free(art.para);
	cpindex_free(art.cp);
	return rc;
}

int
export_article(FILE *out, enum export_format fmt, const char *path,
    const char *bytes, size_t len, const struct annot_set *set,
    const struct analysis *an, const struct export_opts *opts, char **cause)
{
	struct blocks bl = { an, NULL, 0 };

	return export_blocks(out, fmt, path, bytes, len, set, &bl, opts,
	    cause);
}

int
export_article_stream(FILE *out, enum export_format fmt, const char *path,
    const char *bytes, size_t len, const struct annot_set *set,
    struct analysis_stream *st, const struct export_opts *opts,
    char **cause)
{
	struct blocks bl = { NULL, st, 0 };

	return export_blocks(out, fmt, path, bytes, len, set, &bl, opts,
	    cause);
}

int
export_to_path(const char *path, unsigned flags, enum export_format fmt,
    const char *article_path, const char *bytes, size_t len,
    const struct annot_set *set, const struct analysis *an,
    const struct export_opts *opts, char **cause)
{
	struct atomic_file *af;
	FILE *f;

	if ((af = atomic_open(path, flags, &f, cause)) == NULL)
		return -1;
	if (export_article(f, fmt, article_path, bytes, len, set, an, opts,
	    cause) != 0) {
		atomic_abort(af);
		return -1;
	}
	return atomic_commit(af, cause);
}

int
export_target_exists(const char *path)
{
	return atomic_target(path, NULL) != ATOMIC_ABSENT;
}
