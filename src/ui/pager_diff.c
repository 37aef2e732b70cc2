/*
 * pager_diff.c: D, the differences view: the text now against the
 * version annotated (or the version read before), word by word
 * (align_render).  Deleted words are in the theme's diff-deleted style,
 * inserted ones in diff-inserted (and between [-...-] and {+...+} when
 * there are no colours), unchanged paragraphs are folded to one line
 * with a count; annotated passages keep their tag's style, and under a
 * paragraph each annotation that is not exact says its state (a changed
 * one, the text as annotated); orphans close the view.  Tab and
 * Shift-Tab go from change to change (n and N stay with search); q, Esc
 * or D closes it.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "artread/align.h"
#include "artread/listing.h"
#include "artread/sha256.h"
#include "artread/store.h"
#include "artread/track.h"
#include "artread/util.h"
#include "artread/wrap.h"
#include "ui.h"

#define MAX_STYLES	64	/* distinct styles in one view */
#define CONTEXT_ROWS	2	/* rows shown above a change Tab goes to */

struct diff_view {
	struct pager		*p;
	const struct annot_set	*set;
	const char		*now;		/* the text now */
	size_t			 now_len;
	/* the view's text: lines, safe to show, a style per byte */
	struct buf		 text;
	unsigned char		*sty;
	size_t			 cap;
	struct style		 styles[MAX_STYLES];
	unsigned char		 is_change[MAX_STYLES];
	size_t			 nstyles;
	/* the paragraph being built: the bytes of the text now it shows */
	size_t			 para_lo, para_hi;
	int			 para_has_now;
	/* laid out for the window */
	struct wrap_row		*rows;
	size_t			 nrows;
	size_t			*changes;	/* rows where a change starts */
	size_t			 nchanges;
	size_t			 cur;		/* the change Tab went to, from
						   1; 0: none yet */
};

/* ---- building the text --------------------------------------------- */

static unsigned char
style_index(struct diff_view *dv, struct style st, int change)
{
	size_t i;

	for (i = 0; i < dv->nstyles; i++)
		if (style_equal(dv->styles[i], st) &&
		    dv->is_change[i] == change)
			return (unsigned char)i;
	if (dv->nstyles == MAX_STYLES)
		return 0;	/* the plain text style */
	dv->styles[dv->nstyles] = st;
	dv->is_change[dv->nstyles] = (unsigned char)change;
	return (unsigned char)dv->nstyles++;
}

/* Append s[0, n) (safe already) in style st. */
static void
put(struct diff_view *dv, const char *s, size_t n, struct style st,
    int change)
{
	unsigned char k = style_index(dv, st, change);

	if (dv->text.len + n + 1 > dv->cap) {
		dv->cap = (dv->text.len + n + 1) * 2;
		dv->sty = xrealloc(dv->sty, dv->cap);
	}
	memset(dv->sty + dv->text.len, k, n);
	buf_add(&dv->text, s, n);
}

static void
puts_style(struct diff_view *dv, const char *s, enum style_element el,
    int change)
{
	put(dv, s, strlen(s), draw_styles(dv->p)[el], change);
}

/* Article bytes b[s, e) made safe, white space runs as one space. */
static void
put_bytes(struct diff_view *dv, const char *b, size_t len, size_t s,
    size_t e, struct style st, int change)
{
	char *t = listing_string(b, len, s, e);

	put(dv, t, strlen(t), st, change);
	free(t);
}

/*
 * Text now [s, e), in style base, each part an annotation covers in the
 * style of the innermost one over it (laid over base).
 */
static void
put_now(struct diff_view *dv, size_t s, size_t e, struct style base,
    int change)
{
	const struct annot *a, *in;
	size_t i, cut, at = s;

	while (at < e) {
		/* The next place where what covers the text may change. */
		cut = e;
		for (i = 0; i < annot_count(dv->set); i++) {
			a = annot_at(dv->set, i);
			if (a->orphan || a->start >= cut)
				break;
			if (a->start > at)
				cut = a->start;
			else if (a->end > at && a->end < cut)
				cut = a->end;
		}
		in = annot_innermost(dv->set, at);
		put_bytes(dv, dv->now, dv->now_len, at, cut, in == NULL ? base :
		    style_layer(base, draw_annot_style(dv->p, in)), change);
		at = cut;
	}
}

/* Under a paragraph: each annotation starting in it that is not exact,
 * with its state (and for a changed one the text as annotated). */
static void
put_states(struct diff_view *dv)
{
	const struct annot *a;
	size_t i, k;
	char *note;

	for (i = 0; dv->para_has_now && i < annot_count(dv->set); i++) {
		a = annot_at(dv->set, i);
		if (a->orphan || a->start < dv->para_lo ||
		    a->start >= dv->para_hi ||
		    (note = draw_anchor_note(a, 200)) == NULL)
			continue;
		puts_style(dv, "    \xe2\x86\xb3 [", STYLE_EL_DIM, 0);
		for (k = 0; k < a->ntags; k++) {
			if (k > 0)
				puts_style(dv, ", ", STYLE_EL_DIM, 0);
			put_bytes(dv, a->tags[k], strlen(a->tags[k]), 0,
			    strlen(a->tags[k]), draw_annot_style(dv->p, a), 0);
		}
		puts_style(dv, "] ", STYLE_EL_DIM, 0);
		put_bytes(dv, note, strlen(note), 0, strlen(note),
		    draw_styles(dv->p)[STYLE_EL_DIM], 0);
		puts_style(dv, "\n", STYLE_EL_DIM, 0);
		free(note);
	}
}

/* Around a change when there are no colours: [-...-] and {+...+}. */
static void
mark(struct diff_view *dv, const char *m, enum style_element el)
{
	if (dv->p->no_color)
		puts_style(dv, m, el, 1);
}

static void
paragraph_now(struct diff_view *dv, const struct align_piece *p)
{
	if (!dv->para_has_now || p->off < dv->para_lo)
		dv->para_lo = p->off;
	if (!dv->para_has_now || p->off + p->len > dv->para_hi)
		dv->para_hi = p->off + p->len;
	dv->para_has_now = 1;
}

static void
emit(void *arg, const struct align_piece *p)
{
	struct diff_view *dv = arg;
	const struct style *el = draw_styles(dv->p);
	char fold[64];

	switch (p->kind) {
	case ALIGN_PIECE_SAME:
		paragraph_now(dv, p);
		put_now(dv, p->off, p->off + p->len, el[STYLE_EL_TEXT], 0);
		break;
	case ALIGN_PIECE_INSERTED:
		paragraph_now(dv, p);
		mark(dv, "{+", STYLE_EL_DIFF_INSERTED);
		put_now(dv, p->off, p->off + p->len, el[STYLE_EL_DIFF_INSERTED],
		    1);
		mark(dv, "+}", STYLE_EL_DIFF_INSERTED);
		break;
	case ALIGN_PIECE_DELETED:
		mark(dv, "[-", STYLE_EL_DIFF_DELETED);
		put_bytes(dv, p->text, p->len, 0, p->len,
		    el[STYLE_EL_DIFF_DELETED], 1);
		mark(dv, "-]", STYLE_EL_DIFF_DELETED);
		break;
	case ALIGN_PIECE_SPACE:
		puts_style(dv, " ", STYLE_EL_TEXT, 0);
		break;
	case ALIGN_PIECE_JOINED:
		mark(dv, "[-", STYLE_EL_DIFF_DELETED);
		puts_style(dv, "\xc2\xb6", STYLE_EL_DIFF_DELETED, 1);
		mark(dv, "-]", STYLE_EL_DIFF_DELETED);
		break;
	case ALIGN_PIECE_SPLIT:
		mark(dv, "{+", STYLE_EL_DIFF_INSERTED);
		puts_style(dv, "\xc2\xb6", STYLE_EL_DIFF_INSERTED, 1);
		mark(dv, "+}", STYLE_EL_DIFF_INSERTED);
		break;
	case ALIGN_PIECE_FOLD:
		snprintf(fold, sizeof fold, "@@ %zu unchanged paragraph%s @@",
		    p->count, p->count == 1 ? "" : "s");
		puts_style(dv, fold, STYLE_EL_DIFF_FOLD, 0);
		break;
	case ALIGN_PIECE_END:
		puts_style(dv, "\n", STYLE_EL_TEXT, 0);
		put_states(dv);
		puts_style(dv, "\n", STYLE_EL_TEXT, 0);
		dv->para_has_now = 0;
		break;
	}
}

/* The head line, the differences, the orphans. */
static void
build(struct diff_view *dv, const struct align *al, const char *since)
{
	struct align_stats st;
	const struct annot *a;
	char head[256];
	size_t i, orphans = 0;

	align_stats(al, &st);
	snprintf(head, sizeof head, "Differences since the version %s: %zu "
	    "word%s inserted, %zu deleted, %zu paragraph%s changed\n\n", since,
	    st.words_inserted, st.words_inserted == 1 ? "" : "s",
	    st.words_deleted, st.paras_changed,
	    st.paras_changed == 1 ? "" : "s");
	puts_style(dv, head, STYLE_EL_DIM, 0);
	if (!align_changed(al))
		puts_style(dv, "(no change but white space)\n", STYLE_EL_DIM, 0);
	else
		align_render(al, emit, dv);
	for (i = 0; i < annot_count(dv->set); i++) {
		if (!(a = annot_at(dv->set, i))->orphan)
			continue;
		if (orphans++ == 0)
			puts_style(dv, "Orphaned annotations (their text is "
			    "gone):\n", STYLE_EL_DIM, 0);
		puts_style(dv, "    [", STYLE_EL_DIM, 0);
		if (a->ntags > 0)
			put_bytes(dv, a->tags[0], strlen(a->tags[0]), 0,
			    strlen(a->tags[0]), draw_annot_style(dv->p, a), 0);
		puts_style(dv, "] ", STYLE_EL_DIM, 0);
		put_bytes(dv, a->exact, a->exact_len, 0, a->exact_len,
		    draw_styles(dv->p)[STYLE_EL_DIFF_DELETED], 0);
		puts_style(dv, "\n", STYLE_EL_TEXT, 0);
	}
}

/* ---- laying out and drawing ------------------------------------------ */

static int
row_has_change(const struct diff_view *dv, size_t r)
{
	size_t i;

	for (i = dv->rows[r].start; i < dv->rows[r].end; i++)
		if (dv->is_change[dv->sty[i]])
			return 1;
	return 0;
}

static void
lay_out(struct diff_view *dv)
{
	size_t r;
	int prev = 0, now;

	free(dv->rows);
	dv->nrows = wrap_text(dv->text.data, dv->text.len, term_cols() - 2,
	    &dv->rows);
	dv->changes = xreallocarray(dv->changes, dv->nrows + 1,
	    sizeof *dv->changes);
	dv->nchanges = 0;
	for (r = 0; r < dv->nrows; r++) {
		now = row_has_change(dv, r);
		if (now && (!prev || (r > 0 && dv->rows[r].start > 0 &&
		    dv->text.data[dv->rows[r].start - 1] == '\n')))
			dv->changes[dv->nchanges++] = r;
		prev = now;
	}
}

static void
draw_row(struct diff_view *dv, int y, size_t r)
{
	struct paint_line *l = &dv->p->line;
	size_t i, s = dv->rows[r].start, e = dv->rows[r].end;

	paint_line_reset(l);
	for (i = s; i < e; i = s) {
		for (s = i; s < e && dv->sty[s] == dv->sty[i]; s++)
			;
		paint_line_add(l, dv->text.data + i, s - i,
		    layout_text_width(dv->text.data + i, s - i),
		    dv->styles[dv->sty[i]]);
	}
	term_draw_line(y, 1, l, term_cols() - 1,
	    draw_styles(dv->p)[STYLE_EL_TEXT]);
}

static void
draw_view(struct diff_view *dv, size_t top)
{
	const struct style *el = draw_styles(dv->p);
	int y, page = term_rows() - 1, cols = term_cols();
	char status[160];

	for (y = 0; y < page; y++) {
		term_clear_line(y, el[STYLE_EL_TEXT]);
		if (top + (size_t)y >= dv->nrows)
			continue;
		draw_row(dv, y, top + (size_t)y);
		if (dv->cur > 0 && dv->changes[dv->cur - 1] == top + (size_t)y)
			term_draw_text(y, 0, ">", el[STYLE_EL_DIFF_FOLD], 1);
	}
	snprintf(status, sizeof status, " differences %zu-%zu/%zu  change "
	    "%zu of %zu  Tab next  S-Tab previous  q close", dv->nrows ?
	    top + 1 : 0, top + (size_t)page < dv->nrows ? top + (size_t)page :
	    dv->nrows, dv->nrows, dv->cur, dv->nchanges);
	term_clear_line(term_rows() - 1, el[STYLE_EL_STATUS]);
	if (dv->p->msg != NULL) {	/* what the last key did */
		char *m = draw_safe_msg(dv->p->msg);

		term_draw_text(term_rows() - 1, 1, m, el[dv->p->msg_error ?
		    STYLE_EL_ERROR : STYLE_EL_MESSAGE], cols - 1);
		free(m);
	} else
		term_draw_text(term_rows() - 1, 0, status, el[STYLE_EL_STATUS],
		    cols);
	term_refresh();
}

/* Tab (dir 1) or Shift-Tab (-1): the next (previous) change becomes the
 * current one; the top row that shows it with a little context. */
static size_t
jump_change(struct diff_view *dv, size_t top, int dir)
{
	size_t row;

	if (dir > 0 ? dv->cur >= dv->nchanges : dv->cur <= 1) {
		pager_message(dv->p, 1, dir > 0 ? "no more changes" :
		    "no change before");
		return top;
	}
	dv->cur = dir > 0 ? dv->cur + 1 : dv->cur - 1;
	row = dv->changes[dv->cur - 1];
	return row > CONTEXT_ROWS ? row - CONTEXT_ROWS : 0;
}

static void
view_loop(struct diff_view *dv)
{
	size_t top = 0, page, last, keep;
	int key;

	lay_out(dv);
	if (dv->nchanges > 0 && dv->changes[0] > (size_t)term_rows() - 2)
		top = jump_change(dv, 0, 1);	/* the first change */
	for (;;) {
		page = term_rows() > 2 ? (size_t)term_rows() - 1 : 1;
		last = dv->nrows > page ? dv->nrows - page : 0;
		if (top > last)
			top = last;
		draw_view(dv, top);
		key = term_key(250);
		if (term_quit_requested()) {
			if (term_quit_requested() == SIGINT)
				term_quit_forget();	/* Ctrl-C closes it */
			return;
		}
		if (key != -1 && key != KEYMAP_RESIZE) {
			free(dv->p->msg);	/* until the next key */
			dv->p->msg = NULL;
		}
		switch (key) {
		case -1:
			break;
		case KEYMAP_RESIZE:
			keep = top < dv->nrows ? dv->rows[top].start : 0;
			pager_relayout(dv->p);
			lay_out(dv);
			top = wrap_row_of(dv->rows, dv->nrows, keep);
			if (dv->cur > dv->nchanges)
				dv->cur = dv->nchanges;
			break;
		case 'j': case KEYMAP_DOWN: case KEYMAP_ENTER:
			top++;
			break;
		case 'k': case KEYMAP_UP:
			top = top > 0 ? top - 1 : 0;
			break;
		case ' ': case 'f': case KEYMAP_PGDN:
			top += page;
			break;
		case 'b': case KEYMAP_PGUP:
			top = top > page ? top - page : 0;
			break;
		case 'g': case KEYMAP_HOME:
			top = 0;
			break;
		case 'G': case KEYMAP_END:
			top = last;
			break;
		case KEYMAP_TAB:
			top = jump_change(dv, top, 1);
			break;
		case KEYMAP_BTAB:
			top = jump_change(dv, top, -1);
			break;
		case 'q': case 'D': case KEYMAP_ESC:
			return;
		default:
			break;
		}
	}
}

/* ---- D ------------------------------------------------------------- */

/* Is sha the version some annotation of set was made on? */
static void
show_differences(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct article *a = f->art;
	char base[SHA256_HEX_LEN], *key, *old = NULL, *cause = NULL;
	struct diff_view dv;
	struct align *al;
	size_t olen;

	if (a->doc->len > STORE_MAX_TEXT) {
		pager_message(p, 1, "over %u MiB: no versions of it are kept",
		    STORE_MAX_TEXT >> 20);
		return;
	}
	if (f->sha[0] == '\0')
		sha256_hex(a->doc->bytes, a->doc->len, f->sha);
	key = pager_store_key(p);
	if (track_base(key, a->annots, f->sha, f->kept ? f->prev : NULL,
	    base) != 0) {
		pager_message(p, 1, "no earlier version of this article is kept "
		    "(it is from now on)%s", f->disk != DOC_UNCHANGED ?
		    "; it changed on disk: R reloads" : "");
		free(key);
		return;
	}
	free(key);
	if (strcmp(base, f->sha) == 0) {
		pager_message(p, 0, "no differences: the text is as it was %s%s",
		    track_annotated_on(a->annots, base) ? "annotated" :
		    "read before", f->disk != DOC_UNCHANGED ?
		    "; it changed on disk: R reloads" : "");
		return;
	}
	if (track_text(base, &old, &olen, &cause) != 0) {
		pager_message(p, 1, "%s", cause);
		free(cause);
		return;
	}
	memset(&dv, 0, sizeof dv);
	dv.p = p;
	dv.set = a->annots;
	dv.now = a->doc->bytes;
	dv.now_len = a->doc->len;
	buf_init(&dv.text);
	(void)style_index(&dv, draw_styles(p)[STYLE_EL_TEXT], 0);
	al = align_texts(old, olen, a->doc->bytes, a->doc->len);
	build(&dv, al, track_annotated_on(a->annots, base) ? "annotated" :
	    "read before");
	align_free(al);
	free(old);
	view_loop(&dv);
	buf_free(&dv.text);
	free(dv.sty);
	free(dv.rows);
	free(dv.changes);
}

int
pager_diff_action(struct pager *p, enum action a)
{
	if (a != ACTION_DIFF)
		return 0;
	show_differences(p);
	return 1;
}
