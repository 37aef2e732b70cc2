/*
 * pager_select.c: the selection (select mode): v starts one at the
 * cursor, s p o select a sentence, paragraph, quote or entity, and the
 * motions of select mode extend it.  The selection runs from
 * p->sel_anchor to the character under the cursor; pager_annot.c turns
 * it into an annotation.
 */
#include "artread/textobj.h"
#include "ui.h"

void
pager_selection(struct pager *p, size_t *s, size_t *e)
{
	size_t a = p->sel_anchor, b = pager_file(p)->cursor;

	if (a > b) {
		size_t t = a;

		a = b;
		b = t;
	}
	*s = a;
	*e = textobj_char_next(pager_doc(p), b);
}

static void
select_range(struct pager *p, size_t s, size_t e)
{
	if (e <= s) {
		pager_message(p, 1, "nothing to select here");
		return;
	}
	p->mode = ACTION_MODE_SELECT;
	p->sel_anchor = s;
	pager_move_cursor(p, textobj_char_prev(pager_doc(p), e));
	pager_message(p, 0, "selected: 1-9 tag, t tag palette, a note, Esc cancel");
}

/* o: the entity, else the quote, else the annotation under the cursor. */
static void
select_object(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	size_t off = pager_file(p)->cursor, i;
	const struct analysis *an = article_analysis(a, off, off + 1);
	const struct annot *at = pager_annot_under_cursor(p);

	for (i = 0; an != NULL && i < an->nents; i++)
		if (an->ents[i].start <= off && off < an->ents[i].end) {
			select_range(p, an->ents[i].start, an->ents[i].end);
			return;
		}
	for (i = 0; an != NULL && i < an->nquotes; i++)
		if (an->quotes[i].start <= off && off < an->quotes[i].end) {
			select_range(p, an->quotes[i].start, an->quotes[i].end);
			return;
		}
	if (at != NULL) {
		select_range(p, at->start, at->end);
		return;
	}
	pager_message(p, 1, "no quote, entity or annotation under the cursor");
}

/* Cursor one row down or up at the same column (selection j/k). */
static void
cursor_vertical(struct pager *p, int down)
{
	struct pager_file *f = pager_file(p);
	struct view_pos pos;
	struct layout_row r;
	int col;

	if (!view_pos_of(&p->view, f->cursor, &pos) ||
	    view_pos_row(&p->view, &pos, &r, NULL))
		return;
	layout_row_cells(pager_doc(p), &r, &p->view.lo, &p->cells);
	col = layout_col_of(&p->cells, f->cursor);
	do {
		if (!(down ? view_pos_next(&p->view, &pos) :
		    view_pos_prev(&p->view, &pos)))
			return;
	} while (view_pos_row(&p->view, &pos, &r, NULL));
	layout_row_cells(pager_doc(p), &r, &p->view.lo, &p->cells);
	pager_move_cursor(p, layout_off_at_col(&p->cells, col, r.start));
}

static void
cursor_row_edge(struct pager *p, int end)
{
	struct view_pos pos;
	struct layout_row r;

	if (!view_pos_of(&p->view, pager_file(p)->cursor, &pos) ||
	    view_pos_row(&p->view, &pos, &r, NULL))
		return;
	pager_move_cursor(p, end ? textobj_char_prev(pager_doc(p), r.end) :
	    r.start);
}

int
pager_select_action(struct pager *p, enum action a)
{
	struct range r;
	size_t c = pager_file(p)->cursor;

	switch (a) {
	case ACTION_SELECT:
		p->mode = ACTION_MODE_SELECT;
		p->sel_anchor = c;
		pager_message(p, 0, "-- SELECT -- move to extend; 1-9 tag, "
		    "t palette, a note, Esc cancel");
		break;
	case ACTION_SELECT_SENTENCE:
		if (textobj_sentence_at(pager_doc(p), c, &r))
			select_range(p, r.start, r.end);
		break;
	case ACTION_SELECT_PARAGRAPH:
		if (doc_para_at(pager_doc(p), c, &r))
			select_range(p, r.start, r.end);
		break;
	case ACTION_SELECT_OBJECT:	select_object(p); break;
	case ACTION_SEL_DOWN:		cursor_vertical(p, 1); break;
	case ACTION_SEL_UP:		cursor_vertical(p, 0); break;
	case ACTION_SEL_LINE_START:	cursor_row_edge(p, 0); break;
	case ACTION_SEL_LINE_END:	cursor_row_edge(p, 1); break;
	case ACTION_SEL_CANCEL:
		p->mode = ACTION_MODE_PAGER;
		pager_message(p, 0, "selection cancelled");
		break;
	default:
		return 0;
	}
	return 1;
}
