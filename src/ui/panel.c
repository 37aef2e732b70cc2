/*
 * panel.c: full-screen lists over the article: the help screen (built
 * from the key map), annotations, quotes and entities.  One list
 * widget serves them all: j/k move, Enter jumps, / filters, q closes.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/listing.h"
#include "artread/names.h"
#include "artread/nav.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/wrap.h"
#include "ui.h"

struct panel_item {
	char	*text;
	size_t	 off;		/* where Enter jumps; SIZE_MAX: nowhere */
	char	*id;		/* annotation id, or NULL */
	int	 state;		/* its anchor state; -1: not an annotation */
};

struct panel {
	const char		*title;
	const char		*keys_hint;
	struct panel_item	*items;
	size_t			 n;
	size_t			*shown;		/* indexes passing the filter */
	size_t			 nshown;
	size_t			 sel;		/* index into shown */
	size_t			 top;
	char			*filter;
	struct range		 target;	/* A: the selection made before */
	int			 has_target;
	int			 only;		/* A: 1 + the anchor state of
						   the annotations shown; 0:
						   all */
	/* (Re)builds the items for the window's width; may be NULL. */
	void			(*fill)(struct pager *, struct panel *);
};

static void
panel_add(struct panel *pn, size_t off, const char *id, const char *fmt, ...)
    AR_PRINTF(4, 5);

static void
panel_add(struct panel *pn, size_t off, const char *id, const char *fmt, ...)
{
	va_list ap;
	struct panel_item *it;

	pn->items = xreallocarray(pn->items, pn->n + 1, sizeof *pn->items);
	it = &pn->items[pn->n++];
	va_start(ap, fmt);
	it->text = xvasprintf(fmt, ap);
	va_end(ap);
	it->off = off;
	it->id = id != NULL ? xstrdup(id) : NULL;
	it->state = -1;
}

/* s in b, cut to at most cols display columns; a cut ends in "...". */
static void
cut_to(struct buf *b, const char *s, int cols)
{
	size_t n = strlen(s), fit = layout_text_fit(s, n, cols);

	if (fit < n && cols > 3)
		fit = layout_text_fit(s, n, cols - 3);
	buf_add(b, s, fit);
	if (fit < n && cols > 3)
		buf_adds(b, "...");
}

/* s cut or padded with spaces to exactly cols display columns. */
static char *
column(const char *s, int cols)
{
	struct buf b;
	int w;

	buf_init(&b);
	cut_to(&b, s, cols);
	for (w = layout_text_width(b.data, b.len); w < cols; w++)
		buf_addc(&b, ' ');
	return buf_steal(&b);
}

/* A panel's line at (y, x): one too long for the cols there are says
 * so with "..." rather than stopping mid-word at the edge. */
static void
draw_cut(int y, int x, const char *s, struct style st, int cols)
{
	struct buf b;

	buf_init(&b);
	cut_to(&b, s, cols);
	term_draw_text(y, x, b.data != NULL ? b.data : "", st, cols);
	buf_free(&b);
}

/* Widths of a panel's first column (tags, a speaker: want cells, less
 * in a narrow window) and of the passage, by the window's width; with
 * more (a note) after the passage, the passage takes a little under half
 * of what is left (a third when narrow), else all. */
static void
panel_columns(int want, int more, int *first, int *passage)
{
	int cols = term_cols() - 2, rest;

	*first = cols / 4 < want ? cols / 4 : want;
	if (*first < 6)
		*first = 6;
	rest = cols - *first - 2;
	*passage = more ? rest * (cols < 60 ? 33 : 45) / 100 : rest;
	if (*passage < 6)
		*passage = 6;
}

static void
panel_clear(struct panel *pn)
{
	size_t i;

	for (i = 0; i < pn->n; i++) {
		free(pn->items[i].text);
		free(pn->items[i].id);
	}
	pn->n = 0;
}

/* A line that does not fit goes on as rows indented by indent. */
static void
panel_add_wrapped(struct panel *pn, const char *line, int cols, int indent)
{
	struct wrap_row *r;
	const char *rest;
	size_t n, i;

	n = wrap_text(line, strlen(line), cols, &r);
	panel_add(pn, SIZE_MAX, NULL, "%.*s", (int)(r[0].end - r[0].start),
	    line);
	rest = n > 1 ? line + r[1].start : NULL;
	free(r);
	if (rest == NULL)
		return;
	n = wrap_text(rest, strlen(rest), cols - indent, &r);
	for (i = 0; i < n; i++)
		panel_add(pn, SIZE_MAX, NULL, "%*s%.*s", indent, "",
		    (int)(r[i].end - r[i].start), rest + r[i].start);
	free(r);
}

static void
panel_free(struct panel *pn)
{
	panel_clear(pn);
	free(pn->items);
	free(pn->shown);
	free(pn->filter);
	memset(pn, 0, sizeof *pn);
}

/* Keep the items holding the filter text, caseless for every letter
 * (PCRE2 with Unicode properties does the folding; \Q...\E keeps the
 * text literal). */
static void
apply_filter(struct panel *pn)
{
	struct search *srch = NULL;
	char *pat, *err = NULL;
	size_t i;

	pn->shown = xreallocarray(pn->shown, pn->n + 1, sizeof *pn->shown);
	pn->nshown = 0;
	if (pn->filter != NULL) {
		pat = xasprintf("(?i)\\Q%s\\E", pn->filter);
		srch = search_new(pat, &err);
		free(pat);
		free(err);
	}
	for (i = 0; i < pn->n; i++)
		if ((srch == NULL || search_in_string(srch, pn->items[i].text,
		    strlen(pn->items[i].text))) && (pn->only == 0 ||
		    pn->items[i].state == pn->only - 1))
			pn->shown[pn->nshown++] = i;
	search_free(srch);
	if (pn->sel >= pn->nshown)
		pn->sel = pn->nshown ? pn->nshown - 1 : 0;
}

/*
 * A panel line made from s (which it frees): line breaks and other white
 * space become spaces (one row), the rest is shown as draw_safe shows
 * it, as the pager text and the listings show it (ESC as ^[, C1, bidi,
 * zero-width, invalid UTF-8).
 */
static char *
sanitised(char *s)
{
	char *t;

	for (t = s; *t != '\0'; t++)
		if (strchr("\t\n\v\f\r", *t) != NULL)
			*t = ' ';
	t = draw_safe(s);
	free(s);
	return t;
}

static void
panel_draw(struct pager *p, struct panel *pn)
{
	const struct style *el = draw_styles(p);
	int rows = term_rows() - 2, y, cols = term_cols();
	char status[256];
	size_t i;

	if (pn->sel < pn->top)
		pn->top = pn->sel;
	if (rows > 0 && pn->sel >= pn->top + (size_t)rows)
		pn->top = pn->sel - (size_t)rows + 1;
	term_clear_line(0, el[STYLE_EL_PANEL_TITLE]);
	draw_cut(0, 1, pn->title, el[STYLE_EL_PANEL_TITLE], cols - 1);
	for (y = 1; y <= rows; y++) {
		i = pn->top + (size_t)y - 1;
		term_clear_line(y, el[STYLE_EL_PANEL]);
		if (i >= pn->nshown)
			continue;
		draw_cut(y, 1, pn->items[pn->shown[i]].text,
		    el[i == pn->sel ? STYLE_EL_PANEL_SELECTED : STYLE_EL_PANEL],
		    cols - 1);
	}
	snprintf(status, sizeof status, " %zu/%zu  %s%s%s", pn->nshown ?
	    pn->sel + 1 : 0, pn->nshown, p->msg != NULL ? "" : pn->keys_hint,
	    pn->filter ? "  filter: " : "", pn->filter ? pn->filter : "");
	term_clear_line(term_rows() - 1, el[STYLE_EL_STATUS]);
	term_draw_text(term_rows() - 1, 0, status, el[STYLE_EL_STATUS], cols);
	if (p->msg != NULL) {	/* what the last key did */
		char *m = draw_safe_msg(p->msg);
		int x = layout_text_width(status, strlen(status));

		term_draw_text(term_rows() - 1, x, m, el[p->msg_error ?
		    STYLE_EL_ERROR : STYLE_EL_MESSAGE], cols - x);
		free(m);
	}
	term_refresh();
}

/*
 * Run the list.  extra (may be NULL) handles other keys and returns 1 if
 * it did.  Returns the chosen item's index on Enter, or -1.
 */
static long
panel_loop(struct pager *p, struct panel *pn,
    int (*extra)(struct pager *, struct panel *, int))
{
	int key, page;
	char *f;

	if (pn->fill != NULL)
		pn->fill(p, pn);
	apply_filter(pn);
	for (;;) {
		panel_draw(p, pn);
		key = term_key(250);
		if (term_quit_requested()) {
			if (term_quit_requested() == SIGINT)
				term_quit_forget();	/* Ctrl-C closes the panel */
			return -1;
		}
		page = term_rows() - 2 > 1 ? term_rows() - 2 : 1;
		if (key != -1 && key != KEYMAP_RESIZE) {
			free(p->msg);	/* a message lasts until the next key */
			p->msg = NULL;
		}
		switch (key) {
		case -1:
			break;
		case KEYMAP_RESIZE:
			pager_relayout(p);
			if (pn->fill != NULL) {	/* columns for the new width */
				pn->fill(p, pn);
				apply_filter(pn);
			}
			break;
		case 'q': case KEYMAP_ESC: case 'h': case KEYMAP_F(1):
			return -1;
		case 'j': case KEYMAP_DOWN:
			if (pn->sel + 1 < pn->nshown)
				pn->sel++;
			break;
		case 'k': case KEYMAP_UP:
			if (pn->sel > 0)
				pn->sel--;
			break;
		case ' ': case 'f': case KEYMAP_PGDN:
			pn->sel = pn->sel + (size_t)page < pn->nshown ?
			    pn->sel + (size_t)page : (pn->nshown ? pn->nshown - 1 : 0);
			break;
		case 'b': case KEYMAP_PGUP:
			pn->sel = pn->sel > (size_t)page ? pn->sel - (size_t)page : 0;
			break;
		case 'g': case KEYMAP_HOME:
			pn->sel = 0;
			break;
		case 'G': case KEYMAP_END:
			pn->sel = pn->nshown ? pn->nshown - 1 : 0;
			break;
		case '/':
			f = prompt_ask(p, "filter: ", pn->filter ? pn->filter : "",
			    NULL, NULL, NULL, 0, 0);
			if (f != NULL) {
				free(pn->filter);
				pn->filter = *f ? f : NULL;
				if (!*f)
					free(f);
				apply_filter(pn);
			}
			break;
		case KEYMAP_ENTER:
			if (pn->nshown > 0)
				return (long)pn->shown[pn->sel];
			break;
		default:
			if (extra != NULL)
				extra(p, pn, key);
			break;
		}
	}
}

static void
draw_text_page(struct pager *p, const char *title, const char *hint,
    const char *text, const struct wrap_row *rows, size_t n, size_t top)
{
	const struct style *el = draw_styles(p);
	int y, page = term_rows() - 2, cols = term_cols();
	char status[96];
	size_t r;

	term_clear_line(0, el[STYLE_EL_PANEL_TITLE]);
	term_draw_text(0, 1, title, el[STYLE_EL_PANEL_TITLE], cols - 1);
	for (y = 1; y <= page; y++) {
		r = top + (size_t)y - 1;
		term_clear_line(y, el[STYLE_EL_PANEL]);
		if (r < n)
			term_draw_text(y, 1, text + rows[r].start,
			    el[STYLE_EL_PANEL], layout_text_width(text +
			    rows[r].start, rows[r].end - rows[r].start));
	}
	snprintf(status, sizeof status, " %zu-%zu/%zu  ", n ? top + 1 : 0,
	    top + (size_t)page < n ? top + (size_t)page : n, n);
	term_clear_line(term_rows() - 1, el[STYLE_EL_STATUS]);
	term_draw_text(term_rows() - 1, 0, status, el[STYLE_EL_STATUS], cols);
	term_draw_text(term_rows() - 1, (int)strlen(status), hint,
	    el[STYLE_EL_STATUS], cols - (int)strlen(status));
	term_refresh();
}

int
panel_text(struct pager *p, const char *title, const char *hint,
    const char *text, const char *keys)
{
	char *safe = draw_safe_lines(text);
	struct wrap_row *rows = NULL;
	size_t n, top = 0, page, last;
	int key = 0;

	for (;;) {
		free(rows);
		n = wrap_text(safe, strlen(safe), term_cols() - 2, &rows);
		page = term_rows() > 3 ? (size_t)term_rows() - 2 : 1;
		last = n > page ? n - page : 0;
		if (top > last)
			top = last;
		draw_text_page(p, title, hint, safe, rows, n, top);
		key = term_key(250);
		if (term_quit_requested()) {
			if (term_quit_requested() == SIGINT)
				term_quit_forget();	/* Ctrl-C closes it */
			key = 0;
			break;
		}
		if (key == KEYMAP_RESIZE)
			pager_relayout(p);
		else if (key == 'j' || key == KEYMAP_DOWN || key == KEYMAP_ENTER)
			top++;
		else if ((key == 'k' || key == KEYMAP_UP) && top > 0)
			top--;
		else if (key == ' ' || key == 'f' || key == KEYMAP_PGDN)
			top += page;
		else if (key == 'b' || key == KEYMAP_PGUP)
			top = top > page ? top - page : 0;
		else if (key == 'g' || key == KEYMAP_HOME)
			top = 0;
		else if (key == 'G' || key == KEYMAP_END)
			top = last;
		else if (key == 'q' || key == KEYMAP_ESC) {
			key = 0;
			break;
		} else if (key > 0 && key < 0x80 && keys != NULL &&
		    strchr(keys, key) != NULL)
			break;
	}
	free(rows);
	free(safe);
	return key;
}

static void
jump_to_item(struct pager *p, struct panel *pn, long i)
{
	if (i >= 0 && pn->items[i].off != SIZE_MAX)
		pager_jump(p, pn->items[i].off);
}

/* The first bytes of a passage, on one line, not cutting a character
 * (nor an emoji sequence: a family cut short is another emoji). */
static char *
excerpt_bytes(const char *b, size_t len, size_t max)
{
	size_t n = 0, k;
	char *t;

	while (n < len && (k = utf8_grapheme_len(b + n, len - n)) <= max - n)
		n += k;
	t = sanitised(xstrndup(b, n));
	if (len > max) {
		char *u = xasprintf("%s...", t);

		free(t);
		return u;
	}
	return t;
}

static char *
excerpt(const struct doc *d, size_t s, size_t e, size_t max)
{
	return excerpt_bytes(d->bytes + s, e - s, max);
}

/* The help: keys from the key map, then the tag palette; a line that
 * does not fit goes on under its help text (or indented, when narrow). */
static void
fill_help(struct pager *p, struct panel *pn)
{
	struct buf text;
	char *line, *save = NULL;
	int cols = term_cols() - 2;

	panel_clear(pn);
	buf_init(&text);
	keymap_help(p->cfg->keymap, &text);
	config_palette_help(p->cfg, &text);
	for (line = strtok_r(text.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		panel_add_wrapped(pn, line, cols, cols >= 60 ? 31 : 4);
	buf_free(&text);
}

void
panel_help(struct pager *p)
{
	struct panel pn = { 0 };

	pn.title = "artread keys (q closes)";
	pn.keys_hint = "j/k move  / filter  q close";
	pn.fill = fill_help;
	panel_loop(p, &pn, NULL);
	panel_free(&pn);
}

/* The last column of the A panel: for a changed annotation the text as
 * annotated first, then the note. */
static char *
was_and_note(const struct annot *an)
{
	char *note = sanitised(xstrdup(an->note)), *was, *both;

	if (annot_anchor_of(an) != ANNOT_CHANGED || an->was == NULL)
		return note;
	was = excerpt_bytes(an->was->exact, an->was->exact_len, 200);
	both = xasprintf("was: %s%s%s", was, *note != '\0' ? " | " : "", note);
	free(was);
	free(note);
	return both;
}

/* The state column: "changed", or in a narrow window "C" (" " for exact). */
static const char *
state_column(const struct annot *an, int narrow)
{
	static const char *const word[] = { "exact  ", "moved  ", "changed",
		"orphan " };
	static const char *const letter[] = { " ", "M", "C", "O" };

	return narrow ? letter[annot_anchor_of(an)] :
	    word[annot_anchor_of(an)];
}

static void
fill_annotations(struct pager *p, struct panel *pn)
{
	struct article *a = pager_file(p)->art;
	size_t i, k, n = annot_count(a->annots);
	struct buf tags;
	char *ex, *note, *tcol, *ecol, *safe;
	int tagw, exw, narrow;

	panel_clear(pn);
	panel_columns(16, 1, &tagw, &exw);
	/* The state column: in a narrow window one letter (none for exact)
	 * and the passage makes room for it, so that the note stays in
	 * sight; a wide one has room for the word. */
	narrow = term_cols() < 60;
	if (!narrow && term_cols() < 120)
		exw = exw > 14 ? exw - 8 : 6;
	buf_init(&tags);
	for (i = 0; i < n; i++) {
		const struct annot *an = annot_at(a->annots, i);

		buf_reset(&tags);
		for (k = 0; k < an->ntags; k++)
			buf_printf(&tags, "%s%s", k ? "," : "", an->tags[k]);
		ex = excerpt_bytes(an->exact, an->exact_len, 4 * (size_t)exw);
		note = was_and_note(an);
		safe = draw_safe(tags.len ? tags.data : "-");	/* tags come
							   from files */
		tcol = column(safe, tagw);
		free(safe);
		ecol = column(ex, exw);
		panel_add(pn, an->orphan ? SIZE_MAX : an->start, an->id,
		    "%s %s %s %s", state_column(an, narrow), tcol, ecol, note);
		pn->items[pn->n - 1].state = (int)annot_anchor_of(an);
		free(tcol);
		free(ecol);
		free(note);
		free(ex);
	}
	buf_free(&tags);
	apply_filter(pn);
}

/* s: show only the annotations in one state, then the next, then all. */
static void
cycle_state(struct pager *p, struct panel *pn)
{
	pn->only = pn->only > ANNOT_ORPHAN ? 0 : pn->only + 1;
	apply_filter(pn);
	pager_message(p, 0, "%s%s", pn->only == 0 ? "all annotations" :
	    "only ", pn->only == 0 ? "" :
	    annot_anchor_name((enum annot_anchor)(pn->only - 1)));
}

/* =: accept a moved or changed annotation as it now is: exact here. */
static void
accept(struct pager *p, const struct annot *an)
{
	struct article *a = pager_file(p)->art;
	enum annot_anchor st = annot_anchor_of(an);
	char *id, *what, *done;

	if (st == ANNOT_EXACT) {
		pager_message(p, 0, "it is exact already");
		return;
	}
	if (st == ANNOT_ORPHAN) {
		pager_message(p, 1, "an orphan has no place to accept: select "
		    "its passage (v, s, p or o), then A, then r");
		return;
	}
	id = xstrdup(an->id);
	what = annot_summary(an, 24);
	done = xasprintf("accepted %s as it now is (%s before)", what,
	    annot_anchor_name(st));
	if (annot_retarget(a->annots, id, a->doc->bytes, a->doc->len,
	    an->start, an->end) == 0)
		pager_annot_save(p, done);
	free(done);
	free(what);
	free(id);
}
/* Select the item of annotation id, if it is shown. */
static void
select_id(struct panel *pn, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < pn->nshown; i++)
		if (pn->items[pn->shown[i]].id != NULL &&
		    strcmp(pn->items[pn->shown[i]].id, id) == 0)
			pn->sel = i;
}

/* -: take one tag off, asking which when there are several. */
static void
remove_tag(struct pager *p, const struct annot *an)
{
	struct annot_set *set = pager_file(p)->art->annots;
	char *tag, *id = xstrdup(an->id), *what;

	if (an->ntags == 0) {
		pager_message(p, 1, "no tag to remove");
		free(id);
		return;
	}
	if (an->ntags == 1)
		tag = xstrdup(an->tags[0]);
	else if ((tag = prompt_ask(p, "remove which tag (Tab: its tags): ", "",
	    NULL, NULL, (const char *const *)an->tags, an->ntags, 0)) == NULL) {
		free(id);
		return;
	}
	what = annot_summary(an, 24);
	if (annot_remove_tag(set, id, util_trim(tag)) != 0)
		pager_message(p, 1, "no tag '%s' on it", util_trim(tag));
	else {
		char *done = xasprintf("removed tag '%s' from %s", util_trim(tag),
		    what);

		pager_annot_save(p, done);
		free(done);
	}
	free(what);
	free(tag);
	free(id);
}

/* r: move the annotation to the selection made before the panel. */
static void
retarget(struct pager *p, struct panel *pn, const struct annot *an)
{
	struct article *a = pager_file(p)->art;
	char *id, *what, *done;

	if (!pn->has_target) {
		pager_message(p, 1, "r moves an annotation to a selection: "
		    "select the passage first (v, s, p or o), then A, then r");
		return;
	}
	id = xstrdup(an->id);
	if (annot_retarget(a->annots, id, a->doc->bytes, a->doc->len,
	    pn->target.start, pn->target.end) != 0)
		pager_message(p, 1, "cannot move it there");
	else {
		pn->has_target = 0;	/* the selection is used up */
		p->mode = ACTION_MODE_PAGER;
		what = annot_summary(annot_find(a->annots, id), 24);
		done = xasprintf("re-targeted %s", what);
		pager_annot_save(p, done);
		free(done);
		free(what);
	}
	free(id);
}

/* Annotations panel keys: x deletes, a edits the note, - takes a tag off,
 * r re-targets, = accepts a moved or changed one as it is, s shows one
 * anchor state at a time. */
static int
annotation_key(struct pager *p, struct panel *pn, int key)
{
	struct article *a = pager_file(p)->art;
	const struct panel_item *it;
	const struct annot *an;
	char *note, *id;

	if (key == 's') {
		cycle_state(p, pn);
		return 1;
	}
	if (pn->nshown == 0 || (key != 'x' && key != 'a' && key != '-' &&
	    key != 'r' && key != '='))
		return 0;
	if (!pager_annot_writable(p))
		return 1;
	it = &pn->items[pn->shown[pn->sel]];
	if (it->id == NULL || (an = annot_find(a->annots, it->id)) == NULL)
		return 1;
	id = xstrdup(it->id);
	if (key == 'x')
		pager_annot_delete(p, id);
	else if (key == '-')
		remove_tag(p, an);
	else if (key == 'r')
		retarget(p, pn, an);
	else if (key == '=')
		accept(p, an);
	else if ((note = prompt_note(p, an->note)) != NULL) {
		annot_set_note(a->annots, id, note);
		free(note);
		pager_annot_save(p, "note saved");
	}
	fill_annotations(p, pn);
	select_id(pn, id);
	free(id);
	return 1;
}

void
panel_annotations(struct pager *p)
{
	struct panel pn = { 0 };
	const struct annot *here = pager_annot_under_cursor(p);
	long i;

	pn.title = "Annotations (Enter jumps)";
	pn.keys_hint = "Enter jump  x delete  a note  - untag  r re-target  "
	    "= accept  s state  / filter  q close";
	if (p->mode == ACTION_MODE_SELECT) {
		pager_selection(p, &pn.target.start, &pn.target.end);
		pn.has_target = 1;
	}
	pn.fill = fill_annotations;
	fill_annotations(p, &pn);
	select_id(&pn, here != NULL ? here->id : NULL);
	i = panel_loop(p, &pn, annotation_key);
	jump_to_item(p, &pn, i);
	panel_free(&pn);
}

/* The names and groups of the article, for the Q and E panels; 0 (with
 * a line saying so) when there are no rules. */
static int
panel_groups(struct pager *p, struct panel *pn, int quotes,
    const struct analysis **an, const struct names **nm,
    struct nav_group **g, size_t *ng)
{
	struct article *a = pager_file(p)->art;

	*an = article_analysis_all(a);
	*nm = article_names(a);
	*g = NULL;
	*ng = 0;
	if (*an == NULL || *nm == NULL) {
		panel_add(pn, SIZE_MAX, NULL, "(no rules loaded)");
		return 0;
	}
	*ng = quotes ? nav_group_quotes(*an, *nm, g) :
	    nav_group_entities(*an, *nm, g);
	return 1;
}

/*
 * Quotes grouped by speaker (by full name: "Pettifer" is "Rhys
 * Pettifer"), the most quoted first: a line for the speaker, then the
 * quotes with the speaker as the article names them there, cut to the
 * window's width (filled again on a resize).
 */
static void
fill_quotes(struct pager *p, struct panel *pn)
{
	struct article *a = pager_file(p)->art;
	const struct analysis *an;
	const struct names *nm;
	struct nav_group *g;
	char *spk, *ex, *scol, *text;
	size_t i, k, ng;
	int spkw, exw;

	panel_clear(pn);
	panel_columns(24, 0, &spkw, &exw);
	exw -= 4;	/* the rows under a speaker are indented */
	panel_groups(p, pn, 1, &an, &nm, &g, &ng);
	for (i = 0; i < ng; i++) {
		panel_add(pn, an->quotes[g[i].items[0]].start, NULL,
		    "%s: %zu %s", g[i].id == NAMES_NONE ? "(speaker unknown)" :
		    names_name(nm, g[i].id), g[i].n,
		    util_plural(g[i].n, "quote", "quotes"));
		for (k = 0; k < g[i].n; k++) {
			const struct quote *q = &an->quotes[g[i].items[k]];
			/* as the attribution names the speaker (said_*) */
			int said = q->said_end > q->said_start;
			size_t ss = said ? q->said_start : q->speaker_start;
			size_t se = said ? q->said_end : q->speaker_end;

			spk = se > ss ? excerpt(a->doc, ss, se, 30) :
			    xstrdup("-");
			text = excerpt(a->doc, q->start, q->end,
			    4 * (size_t)(exw > 6 ? exw : 6));
			ex = column(text, exw);	/* cut to the cells there are */
			free(text);
			scol = column(spk, spkw);
			panel_add(pn, q->start, NULL, "    %s %s%s", scol, ex,
			    q->flags & QUOTE_UNBALANCED ? "  (unbalanced)" : "");
			free(spk);
			free(scol);
			free(ex);
		}
	}
	nav_groups_free(g, ng);
}

void
panel_quotes(struct pager *p)
{
	struct panel pn = { 0 };
	long chosen;

	pn.title = "Quotes (Enter jumps) by speaker; * and # then go through "
	    "the speaker's quotes";
	pn.keys_hint = "Enter jump  / filter  q close";
	pn.fill = fill_quotes;
	chosen = panel_loop(p, &pn, NULL);
	jump_to_item(p, &pn, chosen);
	panel_free(&pn);
}

/* A pattern that finds the text s literally (an alternative of a
 * larger pattern): every ASCII character but letters and digits is
 * escaped. */
static void
add_literal(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x80 && !((*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
}

/* Search for every form of the entity (names are reflowed as search's
 * text is), so that n and N go through its mentions. */
static void
follow_mentions(struct pager *p, const char *full, char **forms, size_t n)
{
	struct buf pat;
	struct search *s;
	char *err = NULL;
	size_t i;

	buf_init(&pat);
	add_literal(&pat, full);
	for (i = 0; i < n; i++) {
		buf_addc(&pat, '|');
		add_literal(&pat, forms[i]);
	}
	if ((s = search_compile(pat.data, SEARCH_EXACT_CASE, &err)) != NULL) {
		pager_search_use(p, s);
		pager_message(p, 0, "n / N: next / previous mention of %s",
		    full);
	}
	free(err);
	buf_free(&pat);
}

/* The forms of group g other than its full name ("Pettifer"), each once
 * (free them with util_free_list). */
static size_t
other_forms(const struct doc *d, const struct analysis *an,
    const struct names *nm, const struct nav_group *g, char ***out)
{
	size_t k, i, n = 0;
	char *t;

	*out = NULL;
	for (k = 0; k < g->n; k++) {
		const struct entity *e = &an->ents[g->items[k]];

		t = listing_string(d->bytes, d->len, e->start, e->end);
		for (i = 0; i < n && strcmp((*out)[i], t) != 0; i++)
			;
		if (i < n || strcmp(t, names_name(nm, g->id)) == 0) {
			free(t);
			continue;
		}
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = t;
	}
	return n;
}

/*
 * Entities by type, then by how often each is mentioned, under its full
 * name ("Rhys Pettifer", also "Pettifer").  Enter jumps to its first
 * mention and makes n and N (and * and #) go through the others.
 */
void
panel_entities(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	const struct analysis *an;
	const struct names *nm;
	struct panel pn = { 0 };
	struct nav_group *g;
	struct buf also;
	char **forms, *full;
	size_t i, k, ng, nf;
	long chosen;

	pn.title = "Entities by type (Enter jumps; then n/N or * and # for "
	    "more mentions)";
	pn.keys_hint = "Enter jump  / filter  q close";
	panel_groups(p, &pn, 0, &an, &nm, &g, &ng);
	buf_init(&also);
	for (i = 0; i < ng; i++) {
		nf = other_forms(a->doc, an, nm, &g[i], &forms);
		buf_reset(&also);
		for (k = 0; k < nf && k < 3; k++)
			buf_printf(&also, "%s%s", k ? ", " : "  (also ",
			    forms[k]);
		if (nf > 0)
			buf_adds(&also, nf > 3 ? ", ...)" : ")");
		panel_add(&pn, an->ents[g[i].items[0]].start, NULL,
		    "%-8s %4zu  %s%s", ent_type_name(names_type(nm, g[i].id)),
		    g[i].n, names_name(nm, g[i].id), also.len ? also.data : "");
		util_free_list(forms, nf);
	}
	buf_free(&also);
	chosen = panel_loop(p, &pn, NULL);
	if (chosen >= 0 && ng > 0) {
		jump_to_item(p, &pn, chosen);
		full = xstrdup(names_name(nm, g[chosen].id));
		nf = other_forms(a->doc, an, nm, &g[chosen], &forms);
		follow_mentions(p, full, forms, nf);
		util_free_list(forms, nf);
		free(full);
	}
	nav_groups_free(g, ng);
	panel_free(&pn);
}
