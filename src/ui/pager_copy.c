/*
 * pager_copy.c: y and Y in select mode: the passage (Y: with a citation
 * line) goes to the system clipboard, as the config's clipboard setting
 * says: an OSC 52 sequence written to the terminal, or a command fed on
 * its standard input.  The selection ends, as vim's y ends visual mode.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "artread/clipboard.h"
#include "artread/nav.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "ui.h"

/* The article's title (its headline), or NULL (free it). */
static char *
title_of(struct pager *p)
{
	const struct doc *d = pager_doc(p);
	struct range r;
	struct buf b;

	if (!doc_para_at(d, 0, &r) || !doc_para_is_headline(d, &r))
		return NULL;
	buf_init(&b);
	clipboard_passage(d->bytes + r.start, r.end - r.start, &b);
	return buf_steal(&b);
}

/* The note that goes with the passage: the annotation of exactly the
 * selection, else the deepest one holding all of it. */
static const char *
note_of(struct pager *p, size_t s, size_t e)
{
	struct annot_set *set = pager_file(p)->art->annots;
	const struct annot *best = NULL, *a;
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->orphan || a->start > s)
			break;
		if (a->end >= e && (best == NULL || annot_depth_cmp(a, best) > 0))
			best = a;
	}
	return best != NULL ? best->note : "";
}

/* The speaker of the quote the passage [s, e) is (or is part of), or
 * NULL. */
static const char *
speaker_of(struct pager *p, size_t s, size_t e)
{
	struct article *a = pager_file(p)->art;
	const struct analysis *an;

	if (a->rules == NULL || (an = article_analysis(a, s, e)) == NULL)
		return NULL;
	return nav_quote_speaker(an, article_names(a), s, e);
}

/* The text y (cite: Y) copies. */
static void
copied_text(struct pager *p, int cite, struct buf *out)
{
	const struct doc *d = pager_doc(p);
	char *title;
	size_t s, e;

	pager_selection(p, &s, &e);
	clipboard_passage(d->bytes + s, e - s, out);
	if (!cite)
		return;
	title = title_of(p);
	buf_addc(out, '\n');
	clipboard_citation(title, d->path != NULL ? d->path : "standard input",
	    speaker_of(p, s, e), note_of(p, s, e), out);
	free(title);
}

/* How long a clipboard command may take: xclip, wl-copy and pbcopy
 * take the text and exit (or go on in the background) at once. */
#define CLIPBOARD_WAIT_MS	5000

/* Ctrl-C while the command runs stops the copy, not the pager. */
static int
copy_interrupted(void)
{
	if (term_quit_requested() != SIGINT)
		return 0;
	term_quit_forget();
	return 1;
}

static void
copy_selection(struct pager *p, int cite)
{
	const char *how = p->cfg->clipboard;
	struct buf text, seq;
	char *cause = NULL;
	size_t chars;

	if (strcmp(how, "off") == 0) {
		pager_message(p, 1, "copying is off (clipboard in the config)");
		return;
	}
	buf_init(&text);
	copied_text(p, cite, &text);
	chars = utf8_count(text.data, text.len);
	if (strcmp(how, "command") == 0) {
		pager_message(p, 0, "copying with '%s' (Ctrl-C cancels)...",
		    p->cfg->clipboard_command);
		draw_screen(p);
		if (clipboard_pipe(p->cfg->clipboard_command, text.data,
		    text.len, CLIPBOARD_WAIT_MS, copy_interrupted, &cause) != 0)
			pager_message(p, 1, "not copied: %s", cause);
		else
			pager_message(p, 0, "copied %zu character%s%s to '%s'",
			    chars, chars == 1 ? "" : "s",
			    cite ? " with a citation" : "",
			    p->cfg->clipboard_command);
	} else {
		buf_init(&seq);
		clipboard_osc52(text.data, text.len, &seq);
		term_write_raw(seq.data, seq.len);
		/* tmux passes it on only with set-clipboard on; its
		 * default (external) drops it, and nothing says so */
		if (getenv("TMUX") != NULL)
			pager_message(p, 0, "copied %zu character%s%s (OSC 52: "
			    "if tmux has set-clipboard on)", chars, chars == 1 ?
			    "" : "s", cite ? " with a citation" : "");
		else
			pager_message(p, 0, "copied %zu character%s%s (OSC 52: "
			    "%zu bytes to the terminal)", chars, chars == 1 ?
			    "" : "s", cite ? " with a citation" : "", seq.len);
		buf_free(&seq);
	}
	free(cause);
	buf_free(&text);
	p->mode = ACTION_MODE_PAGER;
}

int
pager_copy_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_SEL_COPY:		copy_selection(p, 0); break;
	case ACTION_SEL_COPY_CITE:	copy_selection(p, 1); break;
	default:
		return 0;
	}
	return 1;
}
