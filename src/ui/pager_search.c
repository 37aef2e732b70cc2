/*
 * pager_search.c: the pager's search (/ ? n N, PCRE2 through search.c;
 * Ctrl-R at the prompt for literal text, as in less), the & filter (only
 * the paragraphs that match are shown) and the marks (m and ', with ''
 * for the last jump).  The search state is struct pager_search; marks
 * are kept per file in struct pager_file.
 */
#include <stdlib.h>
#include <string.h>

#include "artread/textobj.h"
#include "artread/util.h"
#include "ui.h"

/* From the cursor to the next (previous) match, wrapping if allowed. */
static void
search_go(struct pager *p, int backward)
{
	const struct doc *d = pager_doc(p);
	struct pager_file *f = pager_file(p);
	struct search *pat = p->search.pat;
	struct range m;
	size_t from;
	int found;

	/* From the cursor, which is always on screen: after a match it is
	 * on the match, after scrolling on the screen's first or last word;
	 * after a jump (g, G, a mark) on the first word, which counts. */
	from = backward ? f->cursor : textobj_char_next(d, f->cursor);
	if (!backward && p->search.has_from && p->search.from == f->cursor)
		from = f->cursor;
	p->search.has_from = 0;
	found = search_find(pat, d, from, backward, &m);
	if (!found && search_error(pat) == NULL && p->cfg->wrap_search) {
		found = search_find(pat, d, backward ? d->len : 0, backward, &m);
		if (found)
			pager_message(p, 0, "search hit %s, continuing at %s",
			    backward ? "TOP" : "BOTTOM",
			    backward ? "BOTTOM" : "TOP");
	}
	if (!found) {
		if (search_error(pat) != NULL)
			pager_message(p, 1, "%s", search_error(pat));
		else
			pager_message(p, 1, "Pattern not found: %s",
			    search_pattern(pat));
		return;
	}
	p->search.match = m;
	p->search.has_match = 1;
	pager_jump(p, m.start);
}

/*
 * Ask for a pattern after label; Ctrl-R switches to literal text.
 * Returns the compiled search, or NULL: cancelled (Esc), empty (*empty
 * set) or bad (a message says why).
 */
static struct search *
ask_pattern(struct pager *p, const char *label, const char *literal_label,
    int *empty)
{
	struct prompt_toggle lit = { KEYMAP_CTRL('r'), literal_label, 0 };
	char *text, *err = NULL;
	struct search *s;

	*empty = 0;
	text = prompt_ask_toggle(p, label, &lit, &p->search.history,
	    &p->search.nhistory);
	if (text == NULL)
		return NULL;
	if (*text == '\0') {
		*empty = 1;
		free(text);
		return NULL;
	}
	if ((s = search_compile(text, lit.on ? SEARCH_LITERAL : 0, &err)) ==
	    NULL) {
		pager_message(p, 1, "bad pattern: %s (Ctrl-R at the prompt: "
		    "literal text)", err);
		free(err);
	}
	free(text);
	return s;
}

/* / or ?: ask for a pattern (empty: the last one again) and go. */
static void
search_start(struct pager *p, int backward)
{
	struct search *s;
	int empty;

	s = ask_pattern(p, backward ? "?" : "/", backward ? "literal ?" :
	    "literal /", &empty);
	if (empty && p->search.pat != NULL) {
		p->search.backward = backward;
		search_go(p, backward);
	}
	if (s == NULL)
		return;
	pager_search_use(p, s);
	p->search.backward = backward;
	p->search.has_match = 0;
	search_go(p, backward);
}

/* Show every paragraph again. */
static void
filter_off(struct pager *p)
{
	free(p->search.filter);
	p->search.filter = NULL;
	view_filter(&p->view, NULL, 0);
}

/* &: show only the paragraphs that match (& and Enter: all again). */
static void
filter_start(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct range *v;
	struct search *s;
	size_t n;
	int empty;

	s = ask_pattern(p, "&", "literal &", &empty);
	if (empty) {
		if (p->search.filter != NULL) {
			filter_off(p);
			pager_message(p, 0, "every paragraph shown again");
		}
		return;
	}
	if (s == NULL)
		return;
	if ((n = search_paragraphs(s, pager_doc(p), &v)) == 0 ||
	    search_error(s) != NULL) {
		if (search_error(s) != NULL)
			pager_message(p, 1, "%s (nothing hidden)",
			    search_error(s));
		else
			pager_message(p, 1, "Pattern not found: %s (nothing "
			    "hidden)", search_pattern(s));
		free(v);
		search_free(s);
		return;
	}
	free(p->search.filter);
	p->search.filter = xstrdup(search_pattern(s));
	view_filter(&p->view, v, n);
	pager_search_use(p, s);		/* n and N go through the matches */
	p->search.has_match = 0;
	f->cursor = view_shown_offset(&p->view, f->cursor);
	pager_follow_cursor(p);
	pager_message(p, 0, "%zu %s with %s (& and Enter: all again)", n,
	    util_plural(n, "paragraph", "paragraphs"), p->search.filter);
}

void
pager_search_use(struct pager *p, struct search *s)
{
	search_free(p->search.pat);
	p->search.pat = s;
	p->search.backward = 0;
}

void
pager_search_free(struct pager_search *s)
{
	search_free(s->pat);
	util_free_list(s->history, s->nhistory);
	free(s->filter);
	memset(s, 0, sizeof *s);
}

/* --- marks --- */

/* Esc or Ctrl-G at "type a letter": the mark key is let go quietly. */
static int
mark_cancelled(int k)
{
	return keymap_normalize(k) == KEYMAP_ESC || k == KEYMAP_CTRL('g');
}

static void
set_mark(struct pager *p)
{
	int k = pager_ask_key(p, "mark: type a letter");

	if (mark_cancelled(k))
		return;
	if (k < 'a' || k > 'z') {
		pager_message(p, 1, "marks are a to z");
		return;
	}
	pager_file(p)->marks[k - 'a'] = view_pos_offset(&p->view, &p->view.top);
	pager_file(p)->has_mark[k - 'a'] = 1;
	pager_message(p, 0, "mark '%c' set", k);
}

static void
goto_mark(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	size_t to;
	int k = pager_ask_key(p, "goto mark: type a letter (' for the last "
	    "jump)");

	if (mark_cancelled(k))
		return;
	if (k == '\'') {
		if (!f->has_last_jump) {
			pager_message(p, 1, "no previous position");
			return;
		}
		to = f->last_jump;
	} else if (k >= 'a' && k <= 'z' && f->has_mark[k - 'a'])
		to = f->marks[k - 'a'];
	else {
		pager_message(p, 1, "mark not set");
		return;
	}
	pager_remember_jump(p);
	view_goto_offset(&p->view, to);
	pager_follow_cursor(p);
}

int
pager_search_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_SEARCH_FORWARD:	search_start(p, 0); break;
	case ACTION_SEARCH_BACKWARD:	search_start(p, 1); break;
	case ACTION_SEARCH_NEXT: case ACTION_SEARCH_PREV:
		if (p->search.pat == NULL)
			pager_message(p, 1, "no previous search (/ or ?)");
		else
			search_go(p, p->search.backward ^
			    (a == ACTION_SEARCH_PREV));
		break;
	case ACTION_FILTER:		filter_start(p); break;
	case ACTION_SET_MARK:		set_mark(p); break;
	case ACTION_GOTO_MARK:		goto_mark(p); break;
	default:
		return 0;
	}
	return 1;
}
