/*
 * draw.c: painting the screen: the article's rows with every highlight
 * layer, the note marks in the margin, and the status line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/termsafe.h"
#include "artread/textobj.h"
#include "ui.h"

/* Bytes of a note the status line looks at: more never fits. */
#define NOTE_SHOWN	4096

const struct style *
draw_styles(const struct pager *p)
{
	return p->theme->el;
}

static void
add_match(void *arg, size_t s, size_t e)
{
	struct pager *p = arg;

	paint_hls_add(&p->hls, s, e, PAINT_PRIO_SEARCH,
	    draw_styles(p)[STYLE_EL_SEARCH]);
}

/* A tag's style: the config's palette wins over the theme's [tags]. */
static struct style
tag_style(const struct pager *p, const char *tag)
{
	int key = config_tag_key(p->cfg, tag);
	const struct config_tag *t = key > 0 ? config_tag_for_key(p->cfg, key) :
	    NULL;

	if (t != NULL && t->has_style && !p->no_color)
		return t->style;
	return theme_tag_style(p->theme, tag);
}

static struct style
annot_style(const struct pager *p, const struct annot *an)
{
	return an->ntags > 0 ? tag_style(p, an->tags[0]) :
	    draw_styles(p)[STYLE_EL_TAG];
}

struct style
draw_annot_style(const struct pager *p, const struct annot *an)
{
	return annot_style(p, an);
}

char *
draw_anchor_note(const struct annot *a, size_t max)
{
	enum annot_anchor st = annot_anchor_of(a);
	char *was, *t;
	size_t n;

	if (st == ANNOT_EXACT)
		return NULL;
	if (st != ANNOT_CHANGED || a->was == NULL)
		return xstrdup(annot_anchor_name(st));
	n = a->was->exact_len < max ? a->was->exact_len : max;
	while (n > 0 && n < a->was->exact_len &&
	    ((unsigned char)a->was->exact[n] & 0xc0) == 0x80)
		n--;
	was = xstrndup(a->was->exact, n);
	t = xasprintf("changed; was: \u201c%s%s\u201d", was,
	    n < a->was->exact_len ? "..." : "");
	free(was);
	return t;
}

static int
outer_first(const void *x, const void *y)
{
	return annot_depth_cmp(*(const struct annot *const *)x,
	    *(const struct annot *const *)y);
}

/*
 * The annotations touching [start, end), each in its first tag's style,
 * from the outermost in (so a nested one shows on top), and the one
 * under the cursor last of all (c may have chosen an outer one).
 */
static void
add_annotations(struct pager *p, size_t start, size_t end)
{
	struct article *a = pager_file(p)->art;
	const struct annot **v = NULL, *here;
	size_t i, n = 0, total = annot_count(a->annots);

	for (i = 0; i < total; i++) {
		const struct annot *an = annot_at(a->annots, i);

		if (an->orphan || an->start >= end)
			break;
		if (an->end <= start)
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = an;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, outer_first);
	for (i = 0; i < n; i++)
		paint_hls_add(&p->hls, v[i]->start, v[i]->end, PAINT_PRIO_ANNOT,
		    annot_style(p, v[i]));
	free(v);
	if ((here = pager_annot_under_cursor(p)) != NULL)
		paint_hls_add(&p->hls, here->start, here->end, PAINT_PRIO_ANNOT,
		    annot_style(p, here));
	if (p->has_flash)
		paint_hls_add(&p->hls, p->flash.start, p->flash.end,
		    PAINT_PRIO_CURRENT, draw_styles(p)[STYLE_EL_CURRENT_MATCH]);
}

static void
add_cursor_and_selection(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	const struct doc *d = f->art->doc;
	struct range w;

	if (p->mode == ACTION_MODE_SELECT) {
		size_t s, e;

		pager_selection(p, &s, &e);
		paint_hls_add(&p->hls, s, e, PAINT_PRIO_SELECTION,
		    draw_styles(p)[STYLE_EL_SELECTION]);
		paint_hls_add(&p->hls, f->cursor, textobj_char_next(d, f->cursor),
		    PAINT_PRIO_CURSOR, draw_styles(p)[STYLE_EL_CURSOR]);
	} else if (textobj_word_at(d, f->cursor, &w))
		paint_hls_add(&p->hls, w.start, w.end, PAINT_PRIO_CURSOR,
		    draw_styles(p)[STYLE_EL_CURSOR]);
}

/* Returns whether the analysis of [start, end) was there to paint. */
static int
collect_highlights(struct pager *p, size_t start, size_t end)
{
	struct article *a = pager_file(p)->art;
	const struct analysis *an = article_analysis_have(a, start, end);

	paint_hls_reset(&p->hls);
	/* what is ready: highlights are painted in when the rest is */
	paint_add_analysis(&p->hls, a->doc, an, p->layers, draw_styles(p),
	    start, end);
	add_annotations(p, start, end);
	if (p->search.pat != NULL)
		search_each(p->search.pat, a->doc, start, end, add_match, p);
	if (p->search.has_match)
		paint_hls_add(&p->hls, p->search.match.start,
		    p->search.match.end, PAINT_PRIO_CURRENT,
		    draw_styles(p)[STYLE_EL_CURRENT_MATCH]);
	add_cursor_and_selection(p);
	return an != NULL;
}

/* Does a row hold part of an annotation with a note? */
static int
row_has_note(struct pager *p, const struct layout_row *r)
{
	struct article *a = pager_file(p)->art;
	size_t i, n = annot_count(a->annots);

	for (i = 0; i < n; i++) {
		const struct annot *an = annot_at(a->annots, i);

		if (!an->orphan && an->note[0] != '\0' && an->start < r->end &&
		    r->start < an->end)
			return 1;
	}
	return 0;
}

/* Returns whether the analysis was painted. */
static int
draw_body(struct pager *p)
{
	const struct style *el = draw_styles(p);
	struct view_pos pos = p->view.top;
	struct layout_row r;
	size_t start, end;
	int y, headline, more = 1, analysed;

	view_screen_range(&p->view, &start, &end);
	analysed = collect_highlights(p, start, end);
	for (y = 0; y < p->view.height; y++) {
		term_clear_line(y, el[STYLE_EL_TEXT]);
		if (!more || p->view.empty) {
			if (!p->view.empty || y > 0)
				term_draw_text(y, 0, "~", el[STYLE_EL_DIM], 1);
			continue;
		}
		if (!view_pos_row(&p->view, &pos, &r, &headline)) {
			if (p->margin > 0 && row_has_note(p, &r))
				term_draw_text(y, 0, "*", el[STYLE_EL_NOTE_MARK], 1);
			paint_row(pager_file(p)->art->doc, &r, &p->view.lo,
			    headline, el, &p->hls, p->view.lo.width, &p->line);
			term_draw_line(y, p->margin, &p->line, p->view.lo.width,
			    el[STYLE_EL_TEXT]);
		}
		more = view_pos_next(&p->view, &pos);
	}
	return analysed;
}

/* "~4 min left" from the share of the article below the top. */
static void
time_left(struct pager *p, char *buf, size_t n)
{
	struct article *a = pager_file(p)->art;
	size_t top = view_pos_offset(&p->view, &p->view.top);
	double left = a->doc->len ? (double)(a->doc->len - top) / a->doc->len : 0;
	double minutes = a->words * left / (p->cfg->reading_speed > 0 ?
	    p->cfg->reading_speed : 230);

	if (view_at_end(&p->view))
		snprintf(buf, n, "end");
	else if (minutes < 1)
		snprintf(buf, n, "<1 min left");
	else
		snprintf(buf, n, "%.0f min left", minutes);
}

void
draw_position(struct pager *p, char *buf, size_t n)
{
	struct article *a = pager_file(p)->art;
	size_t row, total = view_total_rows(&p->view);
	size_t top = view_pos_offset(&p->view, &p->view.top);
	int pct;

	if (a->doc->len == 0 || p->view.empty) {
		snprintf(buf, n, "(empty file)");
		return;
	}
	pct = view_at_end(&p->view) ? 100 :
	    (int)((double)top * 100 / (double)a->doc->len);
	if (total > 0 && view_top_row_number(&p->view, &row))
		snprintf(buf, n, "%zu/%zu %d%%", row + 1, total, pct);
	else
		snprintf(buf, n, "%d%%", pct);
}

/*
 * The right side of the status line: the parts that fit in max columns,
 * dropping the least useful first (counts, then the time left).
 */
static void
status_right(struct pager *p, char *buf, size_t n, int max)
{
	struct article *a = pager_file(p)->art;
	char pos[64], left[32], notes[48], counts[64] = "";
	size_t nn = annot_count(a->annots);

	if (a->rules != NULL && a->an_done && a->doc->len <= ARTICLE_ANALYSE_ALL)
		snprintf(counts, sizeof counts, "%zu %s %zu %s ",
		    a->an.nquotes, util_plural(a->an.nquotes, "quote", "quotes"),
		    a->an.nents, util_plural(a->an.nents, "entity", "entities"));
	notes[0] = '\0';
	if (nn > 0)
		snprintf(notes, sizeof notes, "%zu %s ", nn,
		    util_plural(nn, "annotation", "annotations"));
	draw_position(p, pos, sizeof pos);
	time_left(p, left, sizeof left);
	snprintf(buf, n, "%s%s%s %s ", counts, notes, pos, left);
	if ((int)strlen(buf) > max)
		snprintf(buf, n, "%s%s %s ", notes, pos, left);
	if ((int)strlen(buf) > max)
		snprintf(buf, n, "%s ", pos);
}

/*
 * Text from outside (a file name, a message, a tag) as it may be drawn:
 * termsafe decides how controls, bidi and zero-width characters and
 * invalid bytes are shown (^[, <U+202E>, U+FFFD), as it does for the
 * CLI's messages.  A tab becomes a space: one cell, as widths assume.
 */
static char *
safe_text(const char *s, unsigned flags)
{
	char *t = termsafe_str(s, flags), *c;

	for (c = t; (c = strchr(c, '\t')) != NULL; c++)
		*c = ' ';
	return t;
}

char *
draw_safe(const char *s)
{
	return safe_text(s, 0);
}

char *
draw_safe_msg(const char *s)
{
	return safe_text(s, TERMSAFE_TABS);
}

char *
draw_safe_lines(const char *s)
{
	return safe_text(s, TERMSAFE_LINES);
}

/*
 * Make s safe (draw_safe) and at most max columns: a long text
 * loses its start (keep_end: a file name) or its end.
 */
static char *
fit(const char *s, int max, int keep_end)
{
	char *t = draw_safe(s), *p, *r;
	size_t n;

	if (max <= 0) {
		t[0] = '\0';
		return t;
	}
	n = strlen(t);
	if (layout_text_width(t, n) <= max)
		return t;
	if (keep_end) {
		/* Drop characters from the start: widths are added up once. */
		int w = layout_text_width(t, n);

		for (p = t; *p != '\0' && w > max - 3; ) {
			size_t step = 1;

			while (((unsigned char)p[step] & 0xc0) == 0x80)
				step++;
			w -= layout_text_width(p, step);
			p += step;
		}
		r = xasprintf("...%s", p);
	} else {
		n = layout_text_fit(t, n, max > 3 ? max - 3 : 0);
		r = xasprintf("%.*s...", (int)n, t);
	}
	free(t);
	return r;
}

/*
 * A message too long for the status line loses the middle directories
 * of the paths in it first ("/tmp/a/b/c.txt: why" -> "/tmp/.../c.txt:
 * why", "~/data/x/y" -> "~/data/.../y"), so that where it is and the
 * reason after it stay in sight; a path that ends the message hides
 * nothing and is only cut at the edge.
 */
static char *
shorten_paths(const char *s)
{
	const char *w, *end, *q, *first, *last;
	struct buf b;
	size_t blanks;

	buf_init(&b);
	for (w = s; *w != '\0'; w = end + blanks) {
		end = w + strcspn(w, " ");
		blanks = strspn(end, " ");
		/* the / after the first directory, and the last / with
		 * something after it */
		first = w + strspn(w, "~/");
		first = first < end ? memchr(first, '/', (size_t)(end - first)) :
		    NULL;
		for (last = NULL, q = w + 1; q + 1 < end; q++)
			if (*q == '/')
				last = q;
		if (first != NULL && last != NULL && last - first > 4 &&
		    end[blanks] != '\0') {
			buf_add(&b, w, (size_t)(first + 1 - w));
			buf_adds(&b, "...");
			w = last;
		}
		buf_add(&b, w, (size_t)(end - w) + blanks);
	}
	return buf_steal(&b);
}

/* How many bytes of s to take for at most max, not cutting a character. */
static size_t
head_bytes(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);

	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* "[claim, source] (changed; was: “...”) (1 of 2 here, c: next) the
 * note" for the annotation under the cursor. */
static char *
cursor_annotation(struct pager *p)
{
	const struct annot *a;
	struct buf b;
	size_t i, nth, n;
	char *state;

	if ((a = pager_annot_here(p, &nth, &n)) == NULL)
		return NULL;
	buf_init(&b);
	buf_addc(&b, '[');
	for (i = 0; i < a->ntags; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", a->tags[i]);
	buf_addc(&b, ']');
	if ((state = draw_anchor_note(a, 80)) != NULL) {
		buf_printf(&b, " (%s)", state);
		free(state);
	}
	if (n > 1)
		buf_printf(&b, " (%zu of %zu here, c: next)", nth + 1, n);
	if (a->note[0] != '\0') {
		buf_addc(&b, ' ');
		buf_add(&b, a->note, head_bytes(a->note, NOTE_SHOWN));
	}
	for (i = 0; i < b.len; i++)	/* a note of several lines: one */
		if (b.data[i] == '\n' || b.data[i] == '\r' || b.data[i] == '\t')
			b.data[i] = ' ';
	return buf_steal(&b);
}

/*
 * What follows the file name on the status line, made safe: which file
 * of several, the & filter, a change on disk, the selection mode.
 */
static char *
status_extra(const struct pager *p, const struct pager_file *f)
{
	struct buf b;
	char *safe;

	buf_init(&b);
	if (p->nfiles > 1)
		buf_printf(&b, " [%d/%d]", p->cur + 1, p->nfiles);
	if (p->search.filter != NULL)
		buf_printf(&b, " [&%s]", p->search.filter);
	if (f->disk != DOC_UNCHANGED)	/* what is shown is what was read */
		buf_printf(&b, " [%s on disk]", doc_change_name(f->disk));
	buf_addc(&b, '\0');
	safe = draw_safe(b.data);
	buf_free(&b);
	if (p->mode == ACTION_MODE_SELECT) {
		char *t = xasprintf("%s  -- SELECT --", safe);

		free(safe);
		safe = t;
	}
	return safe;
}

static void
draw_status(struct pager *p)
{
	const struct style *el = draw_styles(p);
	struct pager_file *f = pager_file(p);
	char right[256], *extra, *where, *text, *info, *name;
	int y = term_rows() - 1, cols = term_cols(), rlen, room, x, w, here, ew;

	term_clear_line(y, el[STYLE_EL_STATUS]);
	/* The file's base name comes first; the counts give way to it. */
	name = article_short_name(f->art);
	room = (int)strlen(name) + 4;
	/* The annotation under the cursor (tags and note), else what the
	 * cursor is on (a quote's speaker, an entity's full name): either
	 * wins over the counts. */
	here = (info = cursor_annotation(p)) == NULL &&
	    p->mode != ACTION_MODE_SELECT &&
	    (info = pager_nav_under_cursor(p)) != NULL;
	if (info != NULL)
		room += 8 + (int)strlen(info);
	/* The left side may take up to two thirds for what is here (the
	 * counts and the time left give way to it); else half. */
	w = here ? cols * 2 / 3 : cols / 2;
	status_right(p, right, sizeof right, cols - (room < w ? room : w));
	rlen = (int)strlen(right);
	if (p->msg != NULL) {
		char *msg = draw_safe_msg(p->msg);

		free(info);
		free(name);
		if (layout_text_width(msg, strlen(msg)) > cols - 1) {
			char *shorter = shorten_paths(msg);

			text = fit(shorter, cols - 1, 0);
			free(shorter);
		} else
			text = fit(msg, cols - 1, 0);
		free(msg);
		term_draw_text(y, 1, text, el[p->msg_error ? STYLE_EL_ERROR :
		    STYLE_EL_MESSAGE], cols - 1);
		room = cols - 2 - layout_text_width(text, strlen(text));
		free(text);
		if (rlen <= room)
			term_draw_text(y, cols - rlen, right, el[STYLE_EL_STATUS],
			    rlen);
		return;
	}
	if (rlen >= cols)
		rlen = 0;
	else
		term_draw_text(y, cols - rlen, right, el[STYLE_EL_STATUS], rlen);
	extra = status_extra(p, f);
	ew = layout_text_width(extra, strlen(extra));
	room = cols - rlen - 2 - ew;
	if (here) {
		/* In a narrow window the file name gives way to what is
		 * here, down to a third of the room. */
		w = room - 2 - layout_text_width(info, strlen(info));
		room = w > room / 3 ? w : room / 3;
	}
	text = fit(name, room, 1);
	free(name);
	x = 1 + layout_text_width(text, strlen(text));
	term_draw_text(y, 1, text, el[STYLE_EL_STATUS], room);
	term_draw_text(y, x, extra, el[STYLE_EL_STATUS], ew);
	x += ew;
	room = cols - rlen - 1 - x;
	free(text);
	free(extra);
	if (p->mode == ACTION_MODE_SELECT) {
		free(info);
		return;
	}
	/* The annotation or what is here, else where the annotations are
	 * saved, when that fits whole. */
	if (info != NULL) {
		text = fit(info, room - 2, 0);
		term_draw_text(y, x + 2, text, el[STYLE_EL_STATUS], room - 2);
		free(text);
		free(info);
		return;
	}
	if ((where = pager_annot_where(p)) != NULL) {
		char *w2 = xasprintf("  saved in %s", where);

		if (layout_text_width(w2, strlen(w2)) <= room)
			term_draw_text(y, x, w2, el[STYLE_EL_STATUS], room);
		free(w2);
		free(where);
	}
}

/*
 * The tag palette, "1 claim  2 evidence ...", each name in its tag's
 * style, in rows of at most cols cells (an entry is never split).  With
 * draw > 0, at most that many rows are drawn from row y; either way,
 * returns the rows it takes.
 */
static int
palette_rows(struct pager *p, int y, int cols, int draw)
{
	const struct style *el = draw_styles(p);
	char digit[16], *name;
	int i, x = 1, rows = 1, w;

	for (i = 1; i < CONFIG_TAG_KEYS; i++) {
		if (p->cfg->tags[i].name == NULL)
			continue;
		name = draw_safe(p->cfg->tags[i].name);
		w = 2 + layout_text_width(name, strlen(name));
		if (x > 1 && x + w > cols) {
			if (draw && rows == draw) {	/* t shows them all */
				term_draw_text(y + rows - 1, x + 3 <= cols ?
				    x : cols - 3, "...", el[STYLE_EL_PROMPT], 3);
				free(name);
				break;
			}
			rows++;
			x = 1;
		}
		if (draw) {
			snprintf(digit, sizeof digit, "%d ", i);
			term_draw_text(y + rows - 1, x, digit, el[STYLE_EL_PROMPT],
			    cols - x);
			term_draw_text(y + rows - 1, x + 2, name,
			    tag_style(p, name), cols - x - 2);
		}
		x += w + 2;
		free(name);
	}
	return rows;
}

int
draw_legend_rows(struct pager *p)
{
	if (p->legend_prompt)
		return palette_rows(p, 0, term_cols(), 0);
	return p->mode == ACTION_MODE_SELECT ? 1 : 0;
}

/* While selecting (one row, below the text) or in the tag prompt (as
 * many rows as it takes, over the text): which digit is which tag. */
static void
draw_legend(struct pager *p)
{
	int rows = draw_legend_rows(p), y = term_rows() - 1 - rows, i;

	if (rows == 0 || y < 0)
		return;
	for (i = 0; i < rows; i++)
		term_clear_line(y + i, draw_styles(p)[STYLE_EL_PROMPT]);
	palette_rows(p, y, term_cols(), rows);
}

void
draw_screen(struct pager *p)
{
	int analysed = draw_body(p);
	size_t start, end;

	draw_legend(p);
	draw_status(p);
	term_cursor(0, 0, 0);
	term_refresh();
	if (analysed)
		return;
	/* Only now, with the rows out, is the analysis of the screen asked
	 * for: its thread never holds up a paint.  Made at once instead (no
	 * thread), it is painted in at once. */
	view_screen_range(&p->view, &start, &end);
	if (article_analysis_ready(pager_file(p)->art, start, end) != NULL)
		draw_screen(p);
}
