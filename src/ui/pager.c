/*
 * pager.c: the pager's state and its commands.  Keys become actions
 * through the key map; each action changes the view, the cursor, the
 * selection or the annotations; then the screen is drawn again.  The
 * pager decides nothing about text: layout, search, text objects and
 * annotations are the core's.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/cli.h"
#include "artread/export.h"
#include "artread/state.h"
#include "artread/textobj.h"
#include "artread/util.h"
#include "ui.h"

#define WHEEL_ROWS	3
#define HIGHLIGHT_WINDOWS	64

static int save_pending(struct pager *p);


void
pager_message(struct pager *p, int error, const char *fmt, ...)
{
	va_list ap;

	free(p->msg);
	va_start(ap, fmt);
	p->msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->msg_error = error;
}

struct pager_file *
pager_file(struct pager *p)
{
	return &p->files[p->cur];
}

static const struct doc *
cur_doc(struct pager *p)
{
	return pager_file(p)->art->doc;
}

static void
layout_opts_for(struct pager *p, struct layout_opts *lo)
{
	int want = p->o->width > 0 ? p->o->width : p->cfg->width;

	cli_geometry(term_cols(), want, &p->margin, &lo->width);
	lo->reflow = p->o->reflow >= 0 ? p->o->reflow : p->cfg->reflow;
}

void
pager_relayout(struct pager *p)
{
	struct layout_opts lo;
	int height = term_rows() - 1;

	layout_opts_for(p, &lo);
	if (!p->view_ok) {
		view_init(&p->view, cur_doc(p), &lo, height);
		p->view_ok = 1;
		p->anchor = 0;
		return;
	}
	/* Re-wrap around the byte the reader last put at the top, so that a
	 * run of resizes does not drift. */
	view_set_layout(&p->view, &lo, height);
	view_goto_offset(&p->view, p->anchor);
}

/* Keep the cursor on screen after scrolling. */
static void
follow_cursor(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	size_t start, end, w;

	view_screen_range(&p->view, &start, &end);
	if (f->cursor >= start && f->cursor < end)
		return;
	if (f->cursor < start || p->jumped) {
		struct range r;

		f->cursor = textobj_word_at(cur_doc(p), start, &r) ? r.start : start;
	} else {
		w = textobj_word_prev(cur_doc(p), end);
		f->cursor = w >= start ? w : start;
	}
}

/* Move the cursor and show it. */
static void
move_cursor(struct pager *p, size_t off)
{
	pager_file(p)->cursor = off;
	view_show_offset(&p->view, off);
}

void
pager_jump(struct pager *p, size_t off)
{
	struct pager_file *f = pager_file(p);

	f->last_jump = view_pos_offset(&p->view, &p->view.top);
	f->has_last_jump = 1;
	f->cursor = off;
	view_reveal_offset(&p->view, off);
}

static void
remember_jump(struct pager *p)
{
	struct pager_file *f = pager_file(p);

	p->jumped = 1;	/* the cursor goes to the top of the new screen */
	f->last_jump = view_pos_offset(&p->view, &p->view.top);
	f->has_last_jump = 1;
}

/* --- files --- */

static void
save_position(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	char real[PATH_MAX];
	int remember = p->o->remember >= 0 ? p->o->remember :
	    p->cfg->remember_position;

	if (!p->view_ok)
		return;
	f->top = view_pos_offset(&p->view, &p->view.top);
	if (remember && f->art->doc->path != NULL &&
	    realpath(f->art->doc->path, real) != NULL)
		state_set_position(real, f->art->doc->len, f->top);
}

/*
 * Annotations are loaded after the first screen is drawn: on a huge
 * article the sidecar's hash check costs more than the screen.
 */
static void
load_annotations(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	char *msg = NULL;

	if (f->loaded)
		return;
	f->loaded = 1;
	if (article_load_annotations(f->art, &msg) != 0)
		pager_message(p, 1, "%s", msg);
	else if (msg != NULL)
		pager_message(p, 0, "%s", msg);
	free(msg);
}

static void
activate_file(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	char real[PATH_MAX];
	size_t off;
	int remember = p->o->remember >= 0 ? p->o->remember :
	    p->cfg->remember_position;

	if (p->view_ok)
		view_free(&p->view);
	p->view_ok = 0;
	p->mode = ACTION_MODE_PAGER;
	p->has_match = 0;
	pager_relayout(p);
	if (!f->visited) {
		f->visited = 1;
		if (remember && f->art->doc->path != NULL &&
		    realpath(f->art->doc->path, real) != NULL &&
		    state_get_position(real, f->art->doc->len, &off))
			f->top = off;
		if (f->art->doc->len == 0)
			pager_message(p, 0, "%s is empty", f->art->doc->name);
	}
	if (f->top > 0)
		view_goto_offset(&p->view, f->top);
	p->anchor = view_pos_offset(&p->view, &p->view.top);
	follow_cursor(p);
}

/*
 * Re-read the current file from disk (it grew, shrank or was edited):
 * a new article replaces the old one, its annotations are loaded again
 * (and re-anchored if the text changed), and the reader stays at the
 * same byte offset as far as it still exists.
 */
static void
reload_file(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct article *fresh;
	char *cause = NULL;

	if (f->art->doc->path == NULL) {
		pager_message(p, 1, "standard input cannot be re-read");
		return;
	}
	if (save_pending(p) != 0)
		return;		/* the message says why; nothing is dropped */
	fresh = article_open(f->art->doc->path, p->o->force ? DOC_FORCE : 0,
	    f->art->rules, &cause);
	if (fresh == NULL) {
		pager_message(p, 1, "%s: %s (kept the old text)",
		    f->art->doc->name, cause);
		free(cause);
		return;
	}
	f->top = view_pos_offset(&p->view, &p->view.top);
	view_free(&p->view);
	p->view_ok = 0;
	article_close(f->art);
	f->art = fresh;
	if (f->top >= fresh->doc->len)
		f->top = 0;
	if (f->cursor >= fresh->doc->len)
		f->cursor = 0;
	f->loaded = 0;
	activate_file(p);
	load_annotations(p);
	if (p->msg == NULL)
		pager_message(p, 0, "re-read %s (%zu bytes)", fresh->doc->name,
		    fresh->doc->len);
}

static void
switch_file(struct pager *p, int delta)
{
	int to = p->cur + delta;

	if (to < 0 || to >= p->nfiles) {
		pager_message(p, 1, delta > 0 ? "no next file" : "no previous file");
		return;
	}
	save_position(p);
	p->cur = to;
	activate_file(p);
	if (p->msg == NULL)
		pager_message(p, 0, "%s (file %d of %d)", cur_doc(p)->name,
		    p->cur + 1, p->nfiles);
}

/* --- search --- */

static void
search_go(struct pager *p, int backward)
{
	const struct doc *d = cur_doc(p);
	struct pager_file *f = pager_file(p);
	struct range m;
	size_t from;
	int found;

	/* From the cursor, which is always on screen: after a match it is
	 * on the match, after scrolling on the screen's first or last word. */
	from = backward ? f->cursor : textobj_char_next(d, f->cursor);
	found = search_find(p->search, d->bytes, d->len, from, backward, &m);
	if (!found && p->cfg->wrap_search) {
		found = search_find(p->search, d->bytes, d->len,
		    backward ? d->len : 0, backward, &m);
		if (found)
			pager_message(p, 0, "search hit %s, continuing at %s",
			    backward ? "TOP" : "BOTTOM",
			    backward ? "BOTTOM" : "TOP");
	}
	if (!found) {
		pager_message(p, 1, "Pattern not found: %s",
		    search_pattern(p->search));
		return;
	}
	p->match = m;
	p->has_match = 1;
	pager_jump(p, m.start);
}

static void
search_start(struct pager *p, int backward)
{
	char *pat, *err = NULL;
	struct search *s;

	pat = prompt_ask(p, backward ? "?" : "/", "", &p->history,
	    &p->nhistory, NULL, 0, 0);
	if (pat == NULL)
		return;
	if (*pat == '\0') {
		free(pat);
		if (p->search != NULL) {
			p->search_back = backward;
			search_go(p, backward);
		}
		return;
	}
	s = search_new(pat, &err);
	if (s == NULL) {
		pager_message(p, 1, "bad pattern: %s", err);
		free(err);
		free(pat);
		return;
	}
	free(pat);
	search_free(p->search);
	p->search = s;
	p->search_back = backward;
	p->has_match = 0;
	search_go(p, backward);
}

/* --- marks and colon commands --- */

/* The key after m, ' or :, following window resizes meanwhile. */
static int
read_letter(struct pager *p)
{
	int k;

	while ((k = term_key(-1)) == KEYMAP_RESIZE) {
		pager_relayout(p);
		draw_screen(p);
	}
	return k;
}

static void
set_mark(struct pager *p)
{
	int k;

	pager_message(p, 0, "mark: type a letter");
	draw_screen(p);
	k = read_letter(p);
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
	int k;

	pager_message(p, 0, "goto mark: type a letter (' for the last jump)");
	draw_screen(p);
	k = read_letter(p);
	free(p->msg);
	p->msg = NULL;
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
	remember_jump(p);
	view_goto_offset(&p->view, to);
	follow_cursor(p);
}

/*
 * Save every article whose annotations changed since their last good
 * save (a save that failed is retried here).  0 if nothing is left
 * unsaved; -1 with a message naming the first that could not be saved.
 */
static int
save_pending(struct pager *p)
{
	struct article *a;
	char *cause = NULL;
	int i, rc = 0;

	for (i = 0; i < p->nfiles; i++) {
		a = p->files[i].art;
		if (!annot_dirty(a->annots) || a->sc_error != NULL)
			continue;
		if (article_save_annotations(a, &cause) != 0 && rc == 0) {
			pager_message(p, 1, "annotations NOT saved, q again quits "
			    "anyway: %s", cause);
			rc = -1;
		}
		free(cause);
		cause = NULL;
	}
	return rc;
}

/* q: save what is pending first; if that fails, a second q quits. */
static void
request_quit(struct pager *p)
{
	if (save_pending(p) == 0 || p->quit_armed)
		p->quit = 1;
	else
		p->quit_confirm = 1;
}

static void
colon_command(struct pager *p)
{
	int k;

	pager_message(p, 0, ":");
	draw_screen(p);
	k = read_letter(p);
	free(p->msg);
	p->msg = NULL;
	if (k == 'n')
		switch_file(p, 1);
	else if (k == 'p')
		switch_file(p, -1);
	else if (k == 'q')
		request_quit(p);
	else if (k != KEYMAP_ESC)
		pager_message(p, 1, ":n next file, :p previous file, :q quit");
}

/* --- highlights and annotations --- */

/* Is s a better next (or previous) stop from off than *best? */
static void
consider(size_t s, size_t off, int backward, size_t *best, int *found)
{
	if (backward ? (s < off && (!*found || s > *best)) :
	    (s > off && (!*found || s < *best))) {
		*best = s;
		*found = 1;
	}
}

/* The next (previous) quote or entity start in one analysis window. */
static void
highlight_in(const struct analysis *an, unsigned layers, size_t off,
    int backward, size_t *best, int *found)
{
	size_t i;

	for (i = 0; an != NULL && i < an->nquotes; i++)
		if (layers & PAINT_LAYER_QUOTES)
			consider(an->quotes[i].start, off, backward, best, found);
	for (i = 0; an != NULL && i < an->nents; i++)
		if (layers & PAINT_LAYER_ENTITIES)
			consider(an->ents[i].start, off, backward, best, found);
}

/*
 * The start of the next (or previous) highlight or annotation.  A huge
 * article is analysed by window: move window by window until one has a
 * highlight or the article ends.
 */
static int
highlight_near(struct pager *p, size_t off, int backward, size_t *out)
{
	struct article *a = pager_file(p)->art;
	const struct analysis *an;
	const struct annot *at;
	size_t best = 0, probe = off;
	int found = 0, windows = 0;

	at = backward ? annot_prev(a->annots, off) : annot_next(a->annots, off);
	if (at != NULL)
		consider(at->start, off, backward, &best, &found);
	for (;;) {
		int here = 0;
		size_t hbest = 0;

		an = article_analysis(a, probe, probe + 1);
		highlight_in(an, p->layers, off, backward, &hbest, &here);
		if (here)
			consider(hbest, off, backward, &best, &found);
		/* At most HIGHLIGHT_WINDOWS windows (a few MB): a key must
		 * answer quickly even in a 100 MB file with nothing in it. */
		if (here || an == NULL || (backward ? a->an_start == 0 :
		    a->an_end >= a->doc->len) || ++windows >= HIGHLIGHT_WINDOWS)
			break;
		probe = backward ? a->an_start - 1 : a->an_end;
	}
	*out = best;
	return found;
}

static const struct annot *
annot_under_cursor(struct pager *p)
{
	const struct annot *hits[1];

	if (annot_covering(pager_file(p)->art->annots, pager_file(p)->cursor,
	    hits, 1) == 0)
		return NULL;
	return hits[0];
}

static void
selection_range(struct pager *p, size_t *s, size_t *e)
{
	struct pager_file *f = pager_file(p);
	size_t a = p->sel_anchor, b = f->cursor;

	if (a > b) {
		size_t t = a;

		a = b;
		b = t;
	}
	*s = a;
	*e = textobj_char_next(cur_doc(p), b);
}

/* The annotation with exactly this range, or NULL. */
static const struct annot *
annot_exact(struct pager *p, size_t s, size_t e)
{
	struct annot_set *set = pager_file(p)->art->annots;
	size_t i, n = annot_count(set);

	for (i = 0; i < n; i++) {
		const struct annot *a = annot_at(set, i);

		if (!a->orphan && a->start == s && a->end == e)
			return a;
	}
	return NULL;
}

/* The annotation the next tag or note goes to: the selection's (made if
 * needed) or the one under the cursor.  NULL with a message if none. */
static const char *
target_annotation(struct pager *p, int create)
{
	struct article *a = pager_file(p)->art;
	const struct annot *an;
	size_t s, e;

	if (p->mode == ACTION_MODE_SELECT) {
		selection_range(p, &s, &e);
		if ((an = annot_exact(p, s, e)) != NULL)
			return an->id;
		if (!create)
			return NULL;
		return annot_add(a->annots, a->doc->bytes, a->doc->len, s, e,
		    NULL, NULL);
	}
	if ((an = annot_under_cursor(p)) != NULL)
		return an->id;
	pager_message(p, 1, "select a passage first (v, s, p or o)");
	return NULL;
}

/* Can annotations change?  If not, the status line says why. */
int
pager_writable(struct pager *p)
{
	struct article *a = pager_file(p)->art;

	if (a->sc_error == NULL)
		return 1;
	pager_message(p, 1, "annotations are read-only: %s", a->sc_error);
	return 0;
}

static void
apply_tag(struct pager *p, const char *tag)
{
	struct article *a = pager_file(p)->art;
	const char *id;
	char *done;

	if (!pager_writable(p))
		return;
	if (p->mode == ACTION_MODE_SELECT) {
		size_t s, e;

		selection_range(p, &s, &e);
		if (annot_exact(p, s, e) == NULL) {
			if (annot_add(a->annots, a->doc->bytes, a->doc->len, s,
			    e, tag, NULL) == NULL) {
				pager_message(p, 1, "cannot annotate an empty passage");
				return;
			}
			goto saved;
		}
	}
	if ((id = target_annotation(p, 1)) == NULL)
		return;
	if (annot_add_tag(a->annots, id, tag) != 0) {
		pager_message(p, 0, "already tagged '%s'", tag);
		p->mode = ACTION_MODE_PAGER;
		return;
	}
saved:
	p->mode = ACTION_MODE_PAGER;
	done = xasprintf("tagged '%s'", tag);
	pager_save(p, done);
	free(done);
}

static void
tag_from_digit(struct pager *p, int digit)
{
	const struct config_tag *t = config_tag_for_key(p->cfg, digit);

	if (t == NULL || t->name == NULL) {
		pager_message(p, 1, "no tag on key %d (see [tags] in the config)",
		    digit);
		return;
	}
	apply_tag(p, t->name);
}

/* Tag names to complete from: the palette and the tags in use. */
static size_t
tag_names(struct pager *p, char ***out)
{
	struct annot_set *set = pager_file(p)->art->annots;
	char **v = NULL;
	size_t n = 0, i, k, j;

	for (i = 1; i < CONFIG_TAG_KEYS; i++) {
		if (p->cfg->tags[i].name == NULL)
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrdup(p->cfg->tags[i].name);
	}
	for (i = 0; i < annot_count(set); i++) {
		const struct annot *a = annot_at(set, i);

		for (k = 0; k < a->ntags; k++) {
			for (j = 0; j < n && strcmp(v[j], a->tags[k]) != 0; j++)
				;
			if (j == n) {
				v = xreallocarray(v, n + 1, sizeof *v);
				v[n++] = xstrdup(a->tags[k]);
			}
		}
	}
	*out = v;
	return n;
}

static void
tag_palette(struct pager *p)
{
	struct buf label;
	char **names, *tag;
	size_t n, i;

	if (p->mode != ACTION_MODE_SELECT && annot_under_cursor(p) == NULL) {
		pager_message(p, 1, "select a passage first (v, s, p or o)");
		return;
	}
	buf_init(&label);
	for (i = 1; i < CONFIG_TAG_KEYS; i++)
		if (p->cfg->tags[i].name != NULL)
			buf_printf(&label, "%zu %s  ", i, p->cfg->tags[i].name);
	buf_adds(&label, "tag: ");
	if (layout_text_width(label.data, label.len) > term_cols() / 2) {
		buf_reset(&label);	/* no room for the palette: h lists it */
		buf_adds(&label, "tag (digit or name, Tab): ");
	}
	n = tag_names(p, &names);
	tag = prompt_ask(p, label.data, "", NULL, NULL,
	    (const char *const *)names, n, 0);
	buf_free(&label);
	util_free_list(names, n);
	if (tag == NULL)
		return;
	if (tag[0] >= '1' && tag[0] <= '9' && tag[1] == '\0')
		tag_from_digit(p, tag[0] - '0');
	else if (*util_trim(tag) != '\0')
		apply_tag(p, util_trim(tag));
	free(tag);
}

static void
edit_note(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	const struct annot *an = NULL;
	const char *id;
	char *note;

	if (!pager_writable(p))
		return;
	if (p->mode == ACTION_MODE_SELECT) {
		size_t s, e;

		selection_range(p, &s, &e);
		an = annot_exact(p, s, e);
	} else if ((an = annot_under_cursor(p)) == NULL) {
		pager_message(p, 1, "select a passage first (v, s, p or o)");
		return;
	}
	note = prompt_ask(p, "note: ", an != NULL ? an->note : "", NULL, NULL,
	    NULL, 0, PROMPT_KEEP);
	if (note == NULL) {
		pager_message(p, 0, "note not changed");
		return;
	}
	if ((id = an != NULL ? an->id : target_annotation(p, 1)) == NULL) {
		free(note);
		return;
	}
	annot_set_note(a->annots, id, note);
	free(note);
	p->mode = ACTION_MODE_PAGER;
	pager_save(p, "note saved");
}

char *
pager_where(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	const char *slash;

	if (!a->sc_open || a->sc.path == NULL)
		return NULL;
	if (a->sc.where == SIDECAR_BESIDE &&
	    (slash = strrchr(a->sc.path, '/')) != NULL)
		return xstrdup(slash + 1);
	return sidecar_location(&a->sc);
}

void
pager_save(struct pager *p, const char *done)
{
	struct article *a = pager_file(p)->art;
	char *cause = NULL, *where;

	if (article_save_annotations(a, &cause) != 0) {
		pager_message(p, 1, "NOT SAVED (kept in memory, retried on the "
		    "next change): %s", cause);
		free(cause);
		return;
	}
	where = pager_where(p);
	if (a->sc.conflicts > 0)	/* both sides changed them: both kept */
		pager_message(p, 1, "%s; %zu also changed elsewhere: both "
		    "copies kept", done, a->sc.conflicts);
	else
		pager_message(p, 0, "%s; saved to %s", done, where);
	free(where);
}

static void
delete_annotation(struct pager *p)
{
	const struct annot *an = annot_under_cursor(p);
	char *id;

	if (!pager_writable(p))
		return;
	if (an == NULL) {
		pager_message(p, 1, "no annotation under the cursor");
		return;
	}
	id = xstrdup(an->id);
	annot_delete(pager_file(p)->art->annots, id);
	free(id);
	pager_save(p, "annotation deleted (u undoes)");
}

static void
undo_redo(struct pager *p, int redo)
{
	struct annot_set *set = pager_file(p)->art->annots;

	if (!pager_writable(p))
		return;
	if ((redo ? annot_redo(set) : annot_undo(set)) != 0) {
		pager_message(p, 1, redo ? "nothing to redo" : "nothing to undo");
		return;
	}
	pager_save(p, redo ? "redone" : "undone");
}

static void
jump_annotation(struct pager *p, int backward)
{
	struct annot_set *set = pager_file(p)->art->annots;
	size_t cur = pager_file(p)->cursor;
	const struct annot *a = backward ? annot_prev(set, cur) :
	    annot_next(set, cur);

	if (a == NULL) {
		pager_message(p, 1, backward ? "no annotation before" :
		    "no annotation after");
		return;
	}
	pager_jump(p, a->start);
}

static void
export_annotations(struct pager *p)
{
	int rc;
	struct article *a = pager_file(p)->art;
	struct export_opts eo;
	char *fmt, *path, *cause = NULL;
	int f;

	if (a->doc->path == NULL) {
		pager_message(p, 1, "standard input: use artread --export");
		return;
	}
	fmt = prompt_ask(p, "export as (text markdown json brat csv): ",
	    "text", NULL, NULL, NULL, 0, 0);
	if (fmt == NULL)
		return;
	if ((f = export_format_from_name(util_trim(fmt))) < 0) {
		pager_message(p, 1, "unknown format '%s'", fmt);
		free(fmt);
		return;
	}
	free(fmt);
	path = export_file_name(a->doc->path, (enum export_format)f);
	export_opts_init(&eo);
	eo.source = a->sc.url;
	/* Atomic: never half a file, never through a link, no FIFO. */
	rc = export_to_path(path, 0, (enum export_format)f, a->doc->path,
	    a->doc->bytes, a->doc->len, a->annots, article_analysis_all(a),
	    &eo, &cause);
	if (rc != 0)
		pager_message(p, 1, "export failed: %s", cause);
	else
		pager_message(p, 0, "exported %zu annotations to %s",
		    annot_count(a->annots), path);
	free(cause);
	free(path);
}

/* --- selection --- */

static void
select_range(struct pager *p, size_t s, size_t e)
{
	if (e <= s) {
		pager_message(p, 1, "nothing to select here");
		return;
	}
	p->mode = ACTION_MODE_SELECT;
	p->sel_anchor = s;
	move_cursor(p, textobj_char_prev(cur_doc(p), e));
	pager_message(p, 0, "selected: 1-9 tag, t tag palette, a note, Esc cancel");
}

static void
select_object(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	size_t off = pager_file(p)->cursor, i;
	const struct analysis *an = article_analysis(a, off, off + 1);
	const struct annot *at = annot_under_cursor(p);

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
	layout_row_cells(cur_doc(p), &r, &p->view.lo, &p->cells);
	col = layout_col_of(&p->cells, f->cursor);
	do {
		if (!(down ? view_pos_next(&p->view, &pos) :
		    view_pos_prev(&p->view, &pos)))
			return;
	} while (view_pos_row(&p->view, &pos, &r, NULL));
	layout_row_cells(cur_doc(p), &r, &p->view.lo, &p->cells);
	move_cursor(p, layout_off_at_col(&p->cells, col, r.start));
}

static void
cursor_row_edge(struct pager *p, int end)
{
	struct view_pos pos;
	struct layout_row r;

	if (!view_pos_of(&p->view, pager_file(p)->cursor, &pos) ||
	    view_pos_row(&p->view, &pos, &r, NULL))
		return;
	move_cursor(p, end ? textobj_char_prev(cur_doc(p), r.end) : r.start);
}

/* --- layers and themes --- */

/* H: all, quotes only, entities only, none, and round again. */
static void
cycle_layers(struct pager *p)
{
	static const struct {
		unsigned	 layers;
		const char	*name;
	} cycle[] = {
		{ PAINT_LAYER_QUOTES | PAINT_LAYER_ENTITIES, "all highlights" },
		{ PAINT_LAYER_QUOTES, "quotes only" },
		{ PAINT_LAYER_ENTITIES, "entities only" },
		{ 0, "no highlights" },
	};
	size_t i, n = sizeof cycle / sizeof cycle[0];

	for (i = 0; i < n && cycle[i].layers != p->layers; i++)
		;
	i = (i + 1) % n;
	p->layers = cycle[i].layers;
	pager_message(p, 0, "%s", cycle[i].name);
}

static void
cycle_theme(struct pager *p)
{
	struct diag d;
	struct theme *t = NULL;
	size_t i, tries;

	if (p->nthemes == 0) {
		pager_message(p, 1, "no themes found (see artread --paths)");
		return;
	}
	for (i = 0; i < p->nthemes; i++)
		if (strcmp(p->themes[i], p->theme_src->name) == 0)
			break;
	for (tries = 0; tries < p->nthemes && t == NULL; tries++) {
		i = (i + 1) % p->nthemes;
		diag_init(&d);
		t = theme_load(p->themes[i], &d);
		diag_free(&d);
	}
	if (t == NULL)
		return;
	theme_free(p->theme_src);
	theme_free(p->theme);
	p->theme_src = t;
	p->theme = p->no_color ? theme_no_color(t) : theme_fit(t, term_colors());
	pager_message(p, 0, "theme: %s%s", t->name, p->no_color ?
	    " (no colours here: only its attributes show)" : "");
}

/* --- dispatch --- */

static long
count_or(struct pager *p, long dflt)
{
	return p->count > 0 ? p->count : dflt;
}

static int
scroll_action(struct pager *p, enum action a)
{
	long page = p->view.height;

	switch (a) {
	case ACTION_LINE_DOWN:	view_scroll(&p->view, count_or(p, 1)); break;
	case ACTION_LINE_UP:	view_scroll(&p->view, -count_or(p, 1)); break;
	case ACTION_PAGE_DOWN:	view_scroll(&p->view, count_or(p, page)); break;
	case ACTION_PAGE_UP:	view_scroll(&p->view, -count_or(p, page)); break;
	case ACTION_HALF_DOWN:	view_scroll(&p->view, count_or(p, page / 2)); break;
	case ACTION_HALF_UP:	view_scroll(&p->view, -count_or(p, page / 2)); break;
	case ACTION_TOP:
		remember_jump(p);
		if (p->count > 0)
			view_goto_row(&p->view, (size_t)p->count - 1);
		else
			view_goto_top(&p->view);
		break;
	case ACTION_BOTTOM:
		remember_jump(p);
		if (p->count > 0)
			view_goto_row(&p->view, (size_t)p->count - 1);
		else
			view_goto_end(&p->view);
		break;
	case ACTION_PERCENT:
		remember_jump(p);
		view_goto_percent(&p->view, (int)(p->count > 100 ? 100 : p->count));
		break;
	default:
		return 0;
	}
	follow_cursor(p);
	return 1;
}

static int
cursor_action(struct pager *p, enum action a)
{
	const struct doc *d = cur_doc(p);
	size_t c = pager_file(p)->cursor, to;

	switch (a) {
	case ACTION_WORD_NEXT: case ACTION_SEL_WORD_NEXT:
		to = textobj_word_next(d, c); break;
	case ACTION_WORD_PREV: case ACTION_SEL_WORD_PREV:
		to = textobj_word_prev(d, c); break;
	case ACTION_SEL_WORD_END:
		to = textobj_word_end(d, c); break;
	case ACTION_SENTENCE_NEXT: case ACTION_SEL_SENTENCE_NEXT:
		to = textobj_sentence_next(d, c); break;
	case ACTION_SENTENCE_PREV: case ACTION_SEL_SENTENCE_PREV:
		to = textobj_sentence_prev(d, c); break;
	case ACTION_PARA_NEXT: case ACTION_SEL_PARA_NEXT:
		to = textobj_para_next(d, c); break;
	case ACTION_PARA_PREV: case ACTION_SEL_PARA_PREV:
		to = textobj_para_prev(d, c); break;
	case ACTION_SEL_LEFT:
		to = textobj_char_prev(d, c); break;
	case ACTION_SEL_RIGHT:
		to = textobj_char_next(d, c);
		if (to >= d->len)
			to = c;
		break;
	case ACTION_HIGHLIGHT_NEXT: case ACTION_HIGHLIGHT_PREV:
		if (!highlight_near(p, c, a == ACTION_HIGHLIGHT_PREV, &to)) {
			pager_message(p, 1, "no more highlights");
			return 1;
		}
		break;
	default:
		return 0;
	}
	move_cursor(p, to);
	return 1;
}

static int
select_action(struct pager *p, enum action a)
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
		if (textobj_sentence_at(cur_doc(p), c, &r))
			select_range(p, r.start, r.end);
		break;
	case ACTION_SELECT_PARAGRAPH:
		if (doc_para_at(cur_doc(p), c, &r))
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

static void
other_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_SEARCH_FORWARD:	search_start(p, 0); break;
	case ACTION_SEARCH_BACKWARD:	search_start(p, 1); break;
	case ACTION_SEARCH_NEXT: case ACTION_SEARCH_PREV:
		if (p->search == NULL)
			pager_message(p, 1, "no previous search (/ or ?)");
		else
			search_go(p, p->search_back ^ (a == ACTION_SEARCH_PREV));
		break;
	case ACTION_SET_MARK:		set_mark(p); break;
	case ACTION_GOTO_MARK:		goto_mark(p); break;
	case ACTION_NEXT_FILE:		switch_file(p, 1); break;
	case ACTION_PREV_FILE:		switch_file(p, -1); break;
	case ACTION_COLON:		colon_command(p); break;
	case ACTION_TAG_PALETTE:	tag_palette(p); break;
	case ACTION_NOTE:		edit_note(p); break;
	case ACTION_DELETE:		delete_annotation(p); break;
	case ACTION_UNDO:		undo_redo(p, 0); break;
	case ACTION_REDO:		undo_redo(p, 1); break;
	case ACTION_ANNOT_NEXT:		jump_annotation(p, 0); break;
	case ACTION_ANNOT_PREV:		jump_annotation(p, 1); break;
	case ACTION_ANNOT_PANEL:	panel_annotations(p); break;
	case ACTION_QUOTES_PANEL:	panel_quotes(p); break;
	case ACTION_ENTITIES_PANEL:	panel_entities(p); break;
	case ACTION_LAYERS:		cycle_layers(p); break;
	case ACTION_THEME:		cycle_theme(p); break;
	case ACTION_EXPORT:		export_annotations(p); break;
	case ACTION_HELP:		panel_help(p); break;
	case ACTION_REDRAW:
		pager_relayout(p);	/* in case a resize went unnoticed */
		term_redraw_all();
		break;
	case ACTION_RELOAD:		reload_file(p); break;
	case ACTION_QUIT:		request_quit(p); break;
	default:			break;
	}
}

static void
run_action(struct pager *p, enum action a)
{
	if (scroll_action(p, a) || cursor_action(p, a) || select_action(p, a))
		return;
	other_action(p, a);
}

static void
handle_key(struct pager *p, int key)
{
	enum action a;

	free(p->msg);
	p->msg = NULL;
	/* A q that could not save arms the next q; any other key disarms. */
	p->quit_armed = p->quit_confirm;
	p->quit_confirm = 0;
	if (key >= '1' && key <= '9' && p->mode == ACTION_MODE_SELECT) {
		tag_from_digit(p, key - '0');
		return;
	}
	/* Digits are a count; 0 is one too unless it starts nothing. */
	if ((key >= '1' && key <= '9') || (key == '0' && (p->count > 0 ||
	    keymap_lookup(p->cfg->keymap, p->mode, key) == ACTION_NONE))) {
		if (p->count < 100000000)
			p->count = p->count * 10 + (key - '0');
		pager_message(p, 0, "%ld", p->count);
		return;
	}
	if (key == KEYMAP_MOUSE_WHEEL_UP || key == KEYMAP_MOUSE_WHEEL_DOWN) {
		view_scroll(&p->view, key == KEYMAP_MOUSE_WHEEL_UP ?
		    -WHEEL_ROWS : WHEEL_ROWS);
		follow_cursor(p);
		return;
	}
	p->jumped = 0;
	a = keymap_lookup(p->cfg->keymap, p->mode, key);
	if (a == ACTION_NONE) {
		char name[KEYMAP_NAME_MAX];

		pager_message(p, 1, "%s: not a command (h for help)",
		    keymap_key_name(key, name));
	} else
		run_action(p, a);
	p->count = 0;

}

static void
pager_setup(struct pager *p, struct article **arts, int n,
    const struct opts *o, struct config *cfg, struct theme *theme)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	memset(p, 0, sizeof *p);
	p->files = xcalloc((size_t)n, sizeof *p->files);
	for (i = 0; i < n; i++)
		p->files[i].art = arts[i];
	p->nfiles = n;
	p->o = o;
	p->cfg = cfg;
	p->no_color = o->color == COLOR_NEVER || (o->color != COLOR_ALWAYS &&
	    nc != NULL && *nc != '\0') || term_colors() < 8;
	term_use_colors(!p->no_color);
	p->theme_src = theme;
	p->theme = p->no_color ? theme_no_color(theme) :
	    theme_fit(theme, term_colors());
	p->nthemes = theme_list(&p->themes);
	p->layers = (cfg->hl_quotes ? PAINT_LAYER_QUOTES : 0) |
	    (cfg->hl_entities ? PAINT_LAYER_ENTITIES : 0);
	paint_line_init(&p->line);
}

static void
pager_teardown(struct pager *p)
{
	if (p->view_ok)
		view_free(&p->view);
	search_free(p->search);
	util_free_list(p->history, p->nhistory);
	util_free_list(p->themes, p->nthemes);
	theme_free(p->theme);
	theme_free(p->theme_src);
	layout_cells_free(&p->cells);
	paint_line_free(&p->line);
	paint_hls_free(&p->hls);
	free(p->msg);
	free(p->files);
}

int
pager_run(struct article **arts, int n, const struct opts *o,
    struct config *cfg, struct theme *theme)
{
	struct pager p;
	char *cause;
	int key;

	if (term_start(cfg->mouse, &cause) != 0) {
		fprintf(stderr, "artread: %s\n", cause);
		free(cause);
		theme_free(theme);
		return 2;
	}
	pager_setup(&p, arts, n, o, cfg, theme);
	activate_file(&p);
	draw_screen(&p);
	while (!p.quit && !term_quit_requested()) {
		if (!pager_file(&p)->loaded) {
			load_annotations(&p);
			draw_screen(&p);
		}
		key = term_key(250);
		if (key == -1)
			continue;
		if (key == KEYMAP_RESIZE)
			pager_relayout(&p);
		else {
			handle_key(&p, key);
			p.anchor = view_pos_offset(&p.view, &p.view.top);
		}
		if (pager_file(&p)->art->doc->truncated && p.msg == NULL)
			pager_message(&p, 1, "the file shrank on disk: R re-reads it");
		draw_screen(&p);
	}
	if (term_quit_requested())
		save_pending(&p);	/* a last try; the terminal is going */
	save_position(&p);
	term_end();
	/* R may have replaced an article: hand the current ones back. */
	for (key = 0; key < n; key++)
		arts[key] = p.files[key].art;
	pager_teardown(&p);
	return 0;
}
