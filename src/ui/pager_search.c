/*
 * pager_search.c: the pager's search (/ ? n N, PCRE2 through search.c)
 * and its marks (m and ', with '' for the last jump).  The search state
 * is struct pager_search; marks are kept per file in struct pager_file.
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
	 * on the match, after scrolling on the screen's first or last word. */
	from = backward ? f->cursor : textobj_char_next(d, f->cursor);
	found = search_find(pat, d, from, backward, &m);
	if (!found && p->cfg->wrap_search) {
		found = search_find(pat, d, backward ? d->len : 0, backward, &m);
		if (found)
			pager_message(p, 0, "search hit %s, continuing at %s",
			    backward ? "TOP" : "BOTTOM",
			    backward ? "BOTTOM" : "TOP");
	}
	if (!found) {
		pager_message(p, 1, "Pattern not found: %s", search_pattern(pat));
		return;
	}
	p->search.match = m;
	p->search.has_match = 1;
	pager_jump(p, m.start);
}

/* / or ?: ask for a pattern (empty: the last one again) and go. */
static void
search_start(struct pager *p, int backward)
{
	char *text, *err = NULL;
	struct search *s;

	text = prompt_ask(p, backward ? "?" : "/", "", &p->search.history,
	    &p->search.nhistory, NULL, 0, 0);
	if (text == NULL)
		return;
	if (*text == '\0') {
		free(text);
		if (p->search.pat != NULL) {
			p->search.backward = backward;
			search_go(p, backward);
		}
		return;
	}
	s = search_new(text, &err);
	if (s == NULL) {
		pager_message(p, 1, "bad pattern: %s", err);
		free(err);
		free(text);
		return;
	}
	free(text);
	pager_search_use(p, s);
	p->search.backward = backward;
	p->search.has_match = 0;
	search_go(p, backward);
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
	memset(s, 0, sizeof *s);
}

/* --- marks --- */

static void
set_mark(struct pager *p)
{
	int k = pager_ask_key(p, "mark: type a letter");

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
	case ACTION_SET_MARK:		set_mark(p); break;
	case ACTION_GOTO_MARK:		goto_mark(p); break;
	default:
		return 0;
	}
	return 1;
}
