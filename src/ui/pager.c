/*
 * pager.c: the pager's state, its files, scrolling and cursor motion,
 * and the main loop.  Keys become actions through the key map; each
 * action goes to the handler of its group (action_handlers below: moving
 * through quotes and entities, the selection, search and marks, and
 * annotations have files of their own, pager_nav.c, pager_select.c,
 * pager_search.c, pager_annot.c); then the screen is drawn again.  The pager decides nothing about text: layout, search,
 * text objects and annotations are the core's.
 */
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/align.h"
#include "artread/sha256.h"
#include "artread/state.h"
#include "artread/store.h"
#include "artread/track.h"
#include "artread/textobj.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "ui.h"
#include "ui/pager_api.h"

#define WHEEL_ROWS	3

static pager_open_fn opener = article_open;
static volatile sig_atomic_t *open_cancelled;

void
pager_set_opener(pager_open_fn fn)
{
	opener = fn != NULL ? fn : article_open;
}

void
pager_set_cancel_flag(volatile sig_atomic_t *flag)
{
	open_cancelled = flag;
}

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

const struct doc *
pager_doc(struct pager *p)
{
	return pager_file(p)->art->doc;
}

static void
layout_opts_for(struct pager *p, struct layout_opts *lo)
{
	int want = p->o->width > 0 ? p->o->width : p->cfg->width;

	view_geometry(term_cols(), want, &p->margin, &lo->width);
	lo->reflow = p->o->reflow >= 0 ? p->o->reflow : p->cfg->reflow;
}

void
pager_relayout(struct pager *p)
{
	struct layout_opts lo;
	/* While selecting, the palette's legend takes a row of its own. */
	int height = term_rows() - 1 - (p->mode == ACTION_MODE_SELECT);

	layout_opts_for(p, &lo);
	if (!p->view_ok) {
		view_init(&p->view, pager_doc(p), &lo, height);
		p->view_ok = 1;
		p->anchor = 0;
		return;
	}
	/* Re-wrap around the byte the reader last put at the top, so that a
	 * run of resizes does not drift. */
	view_set_layout(&p->view, &lo, height);
	view_goto_offset(&p->view, p->anchor);
}

/* The start of the word at off, or of the next one. */
static size_t
first_word(struct pager *p, size_t off)
{
	struct range r;

	return textobj_word_at(pager_doc(p), off, &r) ? r.start : off;
}

/* Keep the cursor on screen after scrolling. */
void
pager_follow_cursor(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	size_t start, end, w;

	view_screen_range(&p->view, &start, &end);
	if (p->jumped) {
		/* g, G, %, a mark: the cursor goes to the top of the new
		 * screen, and the next search starts there (on it too). */
		f->cursor = first_word(p, start);
		p->search.from = f->cursor;
		p->search.has_from = 1;
		return;
	}
	if (f->cursor >= start && f->cursor < end)
		return;
	if (f->cursor < start)
		f->cursor = first_word(p, start);
	else {
		w = textobj_word_prev(pager_doc(p), end);
		f->cursor = w >= start ? w : start;
	}
}

/* Move the cursor and show it. */
void
pager_move_cursor(struct pager *p, size_t off)
{
	off = view_shown_offset(&p->view, off);	/* & may hide it */
	pager_file(p)->cursor = off;
	view_show_offset(&p->view, off);
}

void
pager_jump(struct pager *p, size_t off)
{
	struct pager_file *f = pager_file(p);

	off = view_shown_offset(&p->view, off);	/* & may hide it */
	f->last_jump = view_pos_offset(&p->view, &p->view.top);
	f->has_last_jump = 1;
	f->cursor = off;
	view_reveal_offset(&p->view, off);
}

void
pager_remember_jump(struct pager *p)
{
	struct pager_file *f = pager_file(p);

	p->jumped = 1;	/* the cursor goes to the top of the new screen */
	f->last_jump = view_pos_offset(&p->view, &p->view.top);
	f->has_last_jump = 1;
}

/* --- files --- */

/* Are reading positions kept (--remember or the config)? */
static int
remember_positions(const struct pager *p)
{
	return p->o->remember >= 0 ? p->o->remember : p->cfg->remember_position;
}

/*
 * The names a's reading position is remembered by: a file's real path;
 * a web article's URL (the one its annotations are kept by) and the URL
 * typed when it is another, so that either finds it, offline too.  How
 * many (0: standard input).
 */
static int
position_keys(const struct article *a, char real[PATH_MAX],
    const char *keys[2])
{
	int n = 0;

	if (a->doc->path != NULL) {
		if (realpath(a->doc->path, real) != NULL)
			keys[n++] = real;
	} else if (a->url != NULL) {
		keys[n++] = a->url;
		if (strcmp(a->doc->name, a->url) != 0)
			keys[n++] = a->doc->name;
	}
	return n;
}

static void
save_position(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	char real[PATH_MAX];
	const char *keys[2];
	int n, i;

	if (!p->view_ok)
		return;
	f->top = view_pos_offset(&p->view, &p->view.top);
	if (!remember_positions(p))
		return;
	n = position_keys(f->art, real, keys);
	for (i = 0; i < n; i++)
		state_set_position(keys[i], f->art->doc->len, f->top);
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
	free(f->load_error);
	f->load_error = NULL;
	if (article_load_annotations(f->art, &msg) != 0) {
		/* what it means first: the reason may be cut (a renamed
		 * article's message starts with what to do) */
		if (f->art->sc.renamed > 0)
			pager_message(p, 1, "%s", msg);
		else
			pager_message(p, 1, "read-only, = says why: %s", msg);
		f->load_error = xstrdup(msg);
	} else {
		if (msg != NULL)
			pager_message(p, 0, "%s", msg);
		pager_annot_offer_rescue(p);
		pager_annot_offer_adopt(p);
	}
	if (f->art->note != NULL)	/* a web article kept, not fetched */
		pager_message(p, 1, "%s%s%s", f->art->note, msg != NULL ?
		    "; " : "", msg != NULL ? msg : "");
	free(msg);
}

/*
 * Where the reader left the article known by key (position_keys; also
 * its key in the store): the offset remembered, or, when the article
 * changed since (its size did), that place in the text now, through the
 * version read then (track.h).  0 if none.
 */
static int
remembered_position(const struct doc *d, const char *key, size_t *off)
{
	size_t was, size;

	if (!state_position(key, &was, &size))
		return 0;
	if (size == d->len || was == 0) {
		*off = was;
		return 1;
	}
	return d->len <= STORE_MAX_TEXT &&
	    track_follow_offset(key, size, was, d->bytes, d->len, off) == 0;
}

char *
pager_store_key(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	const struct doc *d = f->art->doc;

	if (d->path == NULL && f->sha[0] == '\0')
		sha256_hex(d->bytes, d->len, f->sha);
	return track_key(d->path, f->art->sc_open ? f->art->sc.url : NULL,
	    f->sha);
}

/*
 * When the pager is first idle after the first screen (or at q): keep
 * the text read as the article's last version (the reading position and
 * D start from it next time), and remember which version was read
 * before.  Not a text over the store's
 * limit, and not one whose file changed before all of it was read (its
 * unread blocks are spaces: not the article).
 */
static void
keep_version(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct doc *d = f->art->doc;
	char *key;

	if (f->kept || d->len > STORE_MAX_TEXT)
		return;
	f->kept = 1;
	doc_load(d, 0, d->len);
	if (d->stale)
		return;
	key = pager_store_key(p);
	if (track_keep(key, d->bytes, d->len, f->sha, f->prev) != 0)
		f->sha[0] = '\0';
	free(key);
}

/*
 * Has the file changed on disk since it was read?  Say so once for each
 * new state (the status line keeps a mark of it): what is on screen is
 * still what was read, and R reads it again.  1 if the message is new.
 */
static int
notice_disk_change(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	enum doc_change c = doc_changed(f->art->doc);
	const char *name = strrchr(f->art->doc->name, '/');

	if (c == f->disk)
		return 0;
	f->disk = c;
	if (c == DOC_UNCHANGED)
		return 0;
	name = name != NULL ? name + 1 : f->art->doc->name;
	if (c == DOC_DELETED)
		pager_message(p, 1, "%s was deleted on disk: the text read stays "
		    "on screen", name);
	else if (c == DOC_TRUNCATED)
		pager_message(p, 1, "%s shrank on disk (truncated): R reloads",
		    name);
	else
		pager_message(p, 1, "%s was %s on disk: R reloads", name,
		    doc_change_name(c));
	return 1;
}


/*
 * A text that is not UTF-8 (Windows-1252 from a word processor, most
 * often) shows U+FFFD where its accents and curly quotes are: say why,
 * and how to convert it.  Only the first 64 KB are looked at (the first
 * screen must not wait for a whole file).
 */
static void
say_if_not_utf8(struct pager *p, const struct doc *d)
{
	size_t bad = utf8_invalid_bytes(d->bytes, d->len < 65536 ?
	    d->len : 65536);

	if (bad > 0)
		pager_message(p, 1, "%s is not UTF-8 (%zu byte%s shown as "
		    "\xef\xbf\xbd; Windows-1252? iconv -f windows-1252 -t "
		    "utf-8 converts it)", d->name, bad, bad == 1 ? "" : "s");
}
static void
activate_file(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	char real[PATH_MAX];
	const char *keys[2];
	size_t off;
	int n, i;

	if (p->view_ok)
		view_free(&p->view);
	p->view_ok = 0;
	p->mode = ACTION_MODE_PAGER;
	p->search.has_match = 0;
	free(p->search.filter);		/* & is the view's: it went */
	p->search.filter = NULL;
	pager_relayout(p);
	if (!f->visited) {
		f->visited = 1;
		n = remember_positions(p) ? position_keys(f->art, real, keys) :
		    0;
		for (i = 0; i < n; i++)
			if (remembered_position(f->art->doc, keys[i], &off)) {
				f->top = off;
				break;
			}
		if (f->art->doc->len == 0)
			pager_message(p, 0, "%s is empty", f->art->doc->name);
		else
			say_if_not_utf8(p, f->art->doc);
	}
	if (f->top > 0)
		view_goto_offset(&p->view, f->top);
	p->anchor = view_pos_offset(&p->view, &p->view.top);
	pager_follow_cursor(p);
}

/*
 * The reading position, the cursor and the marks follow the text from
 * the version read to the one read again (both in memory): the same
 * words, or where they were deleted.  Not for texts over the store's
 * limit (the offsets stay, as far as they still exist).
 */
static void
follow_text(struct pager_file *f, struct doc *old, struct doc *new)
{
	struct align *al;
	size_t i;

	if (old->len > STORE_MAX_TEXT || new->len > STORE_MAX_TEXT)
		return;
	al = align_texts(old->bytes, old->len, new->bytes, new->len);
	if (f->top > 0)		/* at the top, it stays at the top */
		f->top = align_map_offset(al, f->top);
	f->cursor = align_map_offset(al, f->cursor);
	f->last_jump = align_map_offset(al, f->last_jump);
	for (i = 0; i < 26; i++)
		if (f->has_mark[i])
			f->marks[i] = align_map_offset(al, f->marks[i]);
	align_free(al);
}

/*
 * A web article read again (a URL fetched again): what to say.  If the
 * page could not be fetched (the copy kept came back), the old text
 * stays: 0.  Else 1, and *changed if the text is not the one on screen.
 */
static int
web_reloaded(struct pager *p, struct article *fresh, int *changed)
{
	const struct doc *old = pager_file(p)->art->doc;

	*changed = fresh->doc->len != old->len ||
	    memcmp(fresh->doc->bytes, old->bytes, old->len) != 0;
	if (fresh->note == NULL)
		return 1;
	pager_message(p, 1, "not reloaded: %s", fresh->note);
	article_close(fresh);
	return 0;
}

/*
 * Re-read the current file from disk (it grew, shrank or was edited):
 * a new article replaces the old one, its annotations are loaded again
 * (and re-anchored if the text changed), with the undo history, and the
 * reader stays on the same words (follow_text).
 */
static void
reload_file(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct article *fresh;
	struct annot_set *history;
	const char *name = f->art->url != NULL ? f->art->doc->name :
	    f->art->doc->path;
	char *cause = NULL;
	int changed = 0;

	if (name == NULL) {
		pager_message(p, 1, "standard input cannot be re-read");
		return;
	}
	if (pager_annot_save_pending(p) != 0)
		return;		/* the message says why; nothing is dropped */
	if (f->art->url != NULL) {
		pager_message(p, 0, "fetching %s (Ctrl-C cancels)", name);
		draw_screen(p);
	}
	fresh = opener(name, p->o->force ? DOC_FORCE : 0, f->art->rules,
	    &cause);
	free(p->msg);		/* "fetching": done */
	p->msg = NULL;
	if (fresh == NULL) {
		pager_message(p, 1, "%s: %s (kept the old text)",
		    f->art->doc->name, cause);
		free(cause);
		return;
	}
	if (f->art->url != NULL && !web_reloaded(p, fresh, &changed))
		return;
	f->top = view_pos_offset(&p->view, &p->view.top);
	follow_text(f, f->art->doc, fresh->doc);
	view_free(&p->view);
	p->view_ok = 0;
	history = annot_set_new();	/* u still undoes what came before */
	annot_history_move(history, f->art->annots);
	article_close(f->art);
	f->art = fresh;
	if (f->top >= fresh->doc->len)
		f->top = 0;
	if (f->cursor >= fresh->doc->len)
		f->cursor = 0;
	f->loaded = 0;
	f->kept = 0;
	f->sha[0] = f->prev[0] = '\0';
	f->disk = DOC_UNCHANGED;
	activate_file(p);
	load_annotations(p);
	annot_history_move(fresh->annots, history);
	annot_history_reanchor(fresh->annots, fresh->doc->bytes,
	    fresh->doc->len);
	annot_set_free(history);
	if (changed)
		pager_message(p, 1, "the article changed since it was read: D "
		    "shows the differences");
	else if (p->msg == NULL)
		pager_message(p, 0, "re-read %s (%zu byte%s)", fresh->doc->name,
		    fresh->doc->len, fresh->doc->len == 1 ? "" : "s");
}

/* Take file i out of the list (a pending one that could not be opened). */
static void
drop_file(struct pager *p, int i)
{
	free(p->files[i].pending);
	free(p->files[i].save_error);
	free(p->files[i].load_error);
	memmove(&p->files[i], &p->files[i + 1],
	    (size_t)(p->nfiles - i - 1) * sizeof p->files[0]);
	p->nfiles--;
	if (p->cur > i)
		p->cur--;
}

/* Another open file that is the article open as file i (the same URL
 * its annotations are kept by), or -1. */
static int
open_twice(const struct pager *p, int i)
{
	const struct article *a = p->files[i].art, *b;
	int k;

	for (k = 0; k < p->nfiles; k++) {
		b = p->files[k].art;
		if (k != i && b != NULL && a->url != NULL && b->url != NULL &&
		    strcmp(a->url, b->url) == 0)
			return k;
	}
	return -1;
}

/* a is the article open as file i, which is number "shown" once a has
 * left the list. */
static void
say_open_already(struct pager *p, const struct article *a, int i, int shown)
{
	char *new = article_short_name(a);
	char *old = article_short_name(p->files[i].art);

	pager_message(p, 0, "%s is the article open as %s (file %d)", new,
	    old, shown + 1);
	free(new);
	free(old);
}

/* What open_pending returns besides an index. */
#define OPEN_DROPPED	(-1)	/* it could not be opened: it left the list */
#define OPEN_CANCELLED	(-2)	/* Ctrl-C: it stays, for the next :n */

/*
 * A web article named after the first file is fetched when it is first
 * shown.  The index of the file to show: i, or the file open already
 * with the same article (i leaves the list); OPEN_DROPPED when it could
 * not be opened (it leaves the list, the message says why, standard
 * error will too, and the exit status will be 2); OPEN_CANCELLED when
 * the user cancelled the fetch (it stays, and the message says so).
 */
static int
open_pending(struct pager *p, int i)
{
	struct pager_file *f = &p->files[i];
	struct article *a;
	char *cause = NULL, *safe;
	int same;

	if (f->pending == NULL)
		return i;
	pager_message(p, 0, "fetching %s (Ctrl-C cancels)", f->pending);
	draw_screen(p);
	if (open_cancelled != NULL)
		*open_cancelled = 0;
	a = opener(f->pending, p->o->force ? DOC_FORCE : 0,
	    pager_file(p)->art->rules, &cause);
	free(p->msg);		/* "fetching": done */
	p->msg = NULL;
	if (a == NULL && open_cancelled != NULL && *open_cancelled) {
		pager_message(p, 1, "fetch cancelled: %s stays in the list",
		    f->pending);
		free(cause);
		return OPEN_CANCELLED;
	}
	if (a == NULL) {
		pager_message(p, 1, "cannot open %s: %s", f->pending, cause);
		safe = draw_safe(f->pending);
		buf_printf(&p->open_errors, "artread: %s: %s\n", safe, cause);
		free(safe);
		free(cause);
		drop_file(p, i);
		return OPEN_DROPPED;
	}
	free(f->pending);
	f->pending = NULL;
	f->art = a;
	if ((same = open_twice(p, i)) >= 0) {
		say_open_already(p, a, same, same < i ? same : same - 1);
		same = same < i ? same : same - 1;	/* once i has gone */
		article_close(a);
		f->art = NULL;
		drop_file(p, i);
		return same;
	}
	return i;
}

static void
go_to_file(struct pager *p, int to)
{
	if ((to = open_pending(p, to)) < 0)
		return;
	save_position(p);
	p->cur = to;
	activate_file(p);
	if (p->msg == NULL)
		pager_message(p, 0, "%s (file %d of %d)", pager_doc(p)->name,
		    p->cur + 1, p->nfiles);
}

static void
switch_file(struct pager *p, int delta)
{
	int to = p->cur + delta, failed = 0, at;

	/* one that cannot be opened leaves the list: the next one is
	 * tried (forward, it has taken its place) */
	for (;;) {
		if (to < 0 || to >= p->nfiles) {
			if (!failed)	/* else the message says why */
				pager_message(p, 1, delta > 0 ?
				    "no next file" : "no previous file");
			return;
		}
		if ((at = open_pending(p, to)) >= 0)
			break;
		if (at == OPEN_CANCELLED)
			return;
		failed = 1;
		if (delta < 0)
			to--;
	}
	go_to_file(p, at);
}

/* The open web article that name (a URL; a #fragment points into the
 * page) names, as typed or by the URL its annotations are kept by, or
 * -1. */
static int
open_url_index(const struct pager *p, const char *name)
{
	size_t n = strcspn(name, "#");
	int i;

	for (i = 0; i < p->nfiles; i++) {
		const struct article *a = p->files[i].art;

		if (a == NULL) {	/* pending: named by its URL */
			if (strlen(p->files[i].pending) == n &&
			    strncmp(p->files[i].pending, name, n) == 0)
				return i;
			continue;
		}
		if (a->url == NULL || a->doc->path != NULL)
			continue;
		if ((strlen(a->url) == n && strncmp(a->url, name, n) == 0) ||
		    (strlen(a->doc->name) == n &&
		    strncmp(a->doc->name, name, n) == 0))
			return i;
	}
	return -1;
}

/* The open file that is path (the same file, however named; a URL
 * already open), or -1. */
static int
open_index(const struct pager *p, const char *path)
{
	char want[PATH_MAX], have[PATH_MAX];
	int i;

	if (realpath(path, want) == NULL)
		return open_url_index(p, path);
	for (i = 0; i < p->nfiles; i++)
		if (p->files[i].art != NULL &&
		    p->files[i].art->doc->path != NULL &&
		    realpath(p->files[i].art->doc->path, have) != NULL &&
		    strcmp(want, have) == 0)
			return i;
	return -1;
}

/* :e FILE: open another file (or go to it, if it is open) after the
 * others; ~/ is the home directory. */
static void
open_file(struct pager *p)
{
	char *name = prompt_ask(p, "Examine (Tab: file names): ", "", NULL,
	    NULL, NULL, 0, PROMPT_FILES);
	char *path, *cause = NULL, *t;
	const char *home = getenv("HOME");
	struct article *a;
	size_t n;
	int i;

	/* blanks around the name are not part of it (as in less) */
	for (t = name; t != NULL && (*t == ' ' || *t == '\t'); t++)
		;
	n = t != NULL ? strlen(t) : 0;
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n == 0) {
		free(name);
		return;
	}
	path = strncmp(t, "~/", 2) == 0 && home != NULL ?
	    xasprintf("%s/%.*s", home, (int)n - 2, t + 2) :
	    xstrndup(t, n);
	free(name);
	if ((i = open_index(p, path)) >= 0) {
		if (i != p->cur)
			go_to_file(p, i);
		free(path);
		return;
	}
	if (strstr(path, "://") != NULL) {	/* the screen is not frozen */
		pager_message(p, 0, "fetching %s (Ctrl-C cancels)", path);
		draw_screen(p);
	}
	a = opener(path, p->o->force ? DOC_FORCE : 0,
	    pager_file(p)->art->rules, &cause);
	free(p->msg);
	p->msg = NULL;
	if (a == NULL) {
		pager_message(p, 1, "%s: %s", path, cause);
		free(cause);
		free(path);
		return;
	}
	free(path);
	p->files = xreallocarray(p->files, (size_t)p->nfiles + 1,
	    sizeof *p->files);
	memset(&p->files[p->nfiles], 0, sizeof p->files[0]);
	p->files[p->nfiles++].art = a;
	if ((i = open_twice(p, p->nfiles - 1)) >= 0) {	/* its canonical URL */
		say_open_already(p, a, i, i);
		article_close(a);
		p->nfiles--;
		if (i != p->cur)
			go_to_file(p, i);
		return;
	}
	go_to_file(p, p->nfiles - 1);
}

/* = and Ctrl-G: what less's = says, and the annotations; the file's
 * base name if its whole name would not fit. */
/* = on an article whose annotations could not be read: the reason, all
 * of it, under what = says. */
static void
file_info_whole(struct pager *p)
{
	char *text = xasprintf("%s\n\nannotations are read-only: %s",
	    p->msg, pager_file(p)->load_error);

	panel_text(p, "the article and its annotations", " q closes", text,
	    NULL);
	free(text);
}

static void
file_info(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	size_t i, n = annot_count(a->annots), orphans = 0;
	const char *name = a->doc->path != NULL || a->url != NULL ?
	    a->doc->name : "standard input";
	char pos[64], of[32] = "", notes[96], *rest, *base;

	for (i = 0; i < n; i++)
		orphans += annot_at(a->annots, i)->orphan != 0;
	if (p->nfiles > 1)
		snprintf(of, sizeof of, " [%d/%d]", p->cur + 1, p->nfiles);
	draw_position(p, pos, sizeof pos);
	if (n == 0)
		snprintf(notes, sizeof notes, "no annotations");
	else if (orphans == 0)
		snprintf(notes, sizeof notes, "%zu %s", n,
		    util_plural(n, "annotation", "annotations"));
	else
		snprintf(notes, sizeof notes, "%zu %s, %zu orphaned", n,
		    util_plural(n, "annotation", "annotations"), orphans);
	rest = xasprintf("%s: %s, byte %zu of %zu; %s", of, pos,
	    pager_file(p)->cursor, a->doc->len, notes);
	base = article_short_name(a);
	if ((a->doc->path != NULL || a->url != NULL) &&
	    (int)(strlen(name) + strlen(rest)) > term_cols() - 2)
		name = base;
	pager_message(p, 0, "%s%s", name, rest);
	free(base);
	free(rest);
	if (pager_file(p)->load_error != NULL)
		file_info_whole(p);
}

/* --- colon commands and quitting --- */

int
pager_ask_key(struct pager *p, const char *prompt)
{
	int k;

	pager_message(p, 0, "%s", prompt);
	draw_screen(p);
	while ((k = term_key(-1)) == KEYMAP_RESIZE) {
		pager_relayout(p);
		draw_screen(p);
	}
	free(p->msg);
	p->msg = NULL;
	return k;
}

/* q: save what is pending first; if that fails, a second q quits. */
static void
request_quit(struct pager *p)
{
	if (pager_annot_save_pending(p) == 0 || p->quit_armed)
		p->quit = 1;
	else
		p->quit_confirm = 1;
}

static void
colon_command(struct pager *p)
{
	int k = pager_ask_key(p, ":");

	if (k == 'n')
		switch_file(p, 1);
	else if (k == 'p')
		switch_file(p, -1);
	else if (k == 'e')
		open_file(p);
	else if (k == 'q')
		request_quit(p);
	else if (k != KEYMAP_ESC)
		pager_message(p, 1, ":n next file, :p previous file, :e open "
		    "a file, :q quit");
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

	if (p->themes == NULL)		/* looked for when first asked */
		p->nthemes = theme_list(&p->themes);
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
	state_set_theme(t->name);	/* remembered, not written to config.ini */
	pager_message(p, 0, "theme: %s%s", t->name, p->no_color ?
	    " (no colours here: only its attributes show)" : "");
}

/* --- dispatch --- */

static long
count_or(struct pager *p, long dflt)
{
	return p->count > 0 ? p->count : dflt;
}

/* G while selecting: the selection takes in the text to its last word,
 * as vim's vG does (reading, G puts the cursor at the top of the last
 * screen, where a search goes on from). */
static void
select_to_end(struct pager *p)
{
	const struct doc *d = pager_doc(p);
	size_t w = textobj_word_prev(d, d->len);

	if (w < d->len)
		pager_move_cursor(p, textobj_char_prev(d,
		    textobj_word_end(d, w) + 1));
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
		pager_remember_jump(p);
		if (p->count > 0)
			view_goto_row(&p->view, (size_t)p->count - 1);
		else
			view_goto_top(&p->view);
		break;
	case ACTION_BOTTOM:
		pager_remember_jump(p);
		if (p->count > 0)
			view_goto_row(&p->view, (size_t)p->count - 1);
		else
			view_goto_end(&p->view);
		break;
	case ACTION_PERCENT:
		pager_remember_jump(p);
		view_goto_percent(&p->view, (int)(p->count > 100 ? 100 : p->count));
		break;
	default:
		return 0;
	}
	pager_follow_cursor(p);
	if (a == ACTION_BOTTOM && p->count == 0 && p->mode == ACTION_MODE_SELECT)
		select_to_end(p);
	return 1;
}

static int
cursor_action(struct pager *p, enum action a)
{
	const struct doc *d = pager_doc(p);
	size_t c = pager_file(p)->cursor, to;

	switch (a) {
	case ACTION_WORD_NEXT: case ACTION_SEL_WORD_NEXT:
		to = textobj_word_next(d, c); break;
	case ACTION_WORD_PREV: case ACTION_SEL_WORD_PREV:
		to = textobj_word_prev(d, c); break;
	case ACTION_SEL_WORD_END:
		to = textobj_word_end(d, c); break;
	case ACTION_SENTENCE_NEXT:
		to = textobj_sentence_next(d, c); break;
	case ACTION_SEL_SENTENCE_NEXT:	/* the selection ends with it */
		to = textobj_sentence_last(d, c); break;
	case ACTION_SENTENCE_PREV: case ACTION_SEL_SENTENCE_PREV:
		to = textobj_sentence_prev(d, c); break;
	case ACTION_PARA_NEXT:
		to = textobj_para_next(d, c); break;
	case ACTION_SEL_PARA_NEXT:
		to = textobj_para_last(d, c); break;
	case ACTION_PARA_PREV: case ACTION_SEL_PARA_PREV:
		to = textobj_para_prev(d, c); break;
	case ACTION_SEL_LEFT:
		to = textobj_char_prev(d, c); break;
	case ACTION_SEL_RIGHT:
		to = textobj_char_next(d, c);
		if (to >= d->len)
			to = c;
		break;
	default:
		return 0;
	}
	pager_move_cursor(p, to);
	return 1;
}

/* Files and quitting. */
static int
file_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_NEXT_FILE:		switch_file(p, 1); break;
	case ACTION_PREV_FILE:		switch_file(p, -1); break;
	case ACTION_COLON:		colon_command(p); break;
	case ACTION_OPEN_FILE:		open_file(p); break;
	case ACTION_FILE_INFO:		file_info(p); break;
	case ACTION_RELOAD:		reload_file(p); break;
	case ACTION_QUIT:		request_quit(p); break;
	default:
		return 0;
	}
	return 1;
}

/* What the screen shows: panels, highlights, theme, help, redraw. */
static int
screen_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_ANNOT_PANEL:	panel_annotations(p); break;
	case ACTION_QUOTES_PANEL:	panel_quotes(p); break;
	case ACTION_ENTITIES_PANEL:	panel_entities(p); break;
	case ACTION_LAYERS:		cycle_layers(p); break;
	case ACTION_THEME:		cycle_theme(p); break;
	case ACTION_HELP:		panel_help(p); break;
	case ACTION_REDRAW:
		pager_relayout(p);	/* in case a resize went unnoticed */
		term_redraw_all();
		break;
	default:
		return 0;
	}
	return 1;
}

/*
 * Each group of commands has a handler that returns 1 when the action is
 * one of its own, 0 otherwise.  A new group of commands goes in a file of
 * its own (src/ui/pager_NAME.c, declared in ui.h) and its handler here.
 */
static int (*const action_handlers[])(struct pager *, enum action) = {
	scroll_action,
	cursor_action,
	pager_nav_action,
	pager_select_action,
	pager_search_action,
	pager_annot_action,
	pager_copy_action,
	pager_diff_action,
	file_action,
	screen_action,
};

static void
run_action(struct pager *p, enum action a)
{
	size_t i;

	for (i = 0; i < sizeof action_handlers / sizeof action_handlers[0]; i++)
		if (action_handlers[i](p, a))
			return;
}

/*
 * The keys that run action a in the current mode, for messages ("q",
 * "<Esc>/<C-g>/q"), at most max of them; "" if none.
 */
static char *
keys_for(struct pager *p, enum action a, size_t max, char *out, size_t n)
{
	struct buf keys;
	char *w, *save = NULL;
	size_t found = 0, nk;
	int k[KEYMAP_SEQ_MAX];
	enum action got;

	buf_init(&keys);
	keymap_describe(p->cfg->keymap, a, &keys);
	out[0] = '\0';
	for (w = keys.len > 0 ? strtok_r(keys.data, " ", &save) : NULL;
	    w != NULL && found < max; w = strtok_r(NULL, " ", &save))
		if ((nk = keymap_parse_keys(w, k)) > 0 &&
		    keymap_match(p->cfg->keymap, p->mode, k, nk, &got) ==
		    KEYMAP_MATCH && got == a)
			snprintf(out + strlen(out), n - strlen(out), "%s%s",
			    found++ > 0 ? "/" : "", w);
	buf_free(&keys);
	return out;
}

/* Keys that mean nothing here; in a selection, say how to go on. */
static void
unknown_keys(struct pager *p, const int *keys, size_t nkeys)
{
	char name[KEYMAP_SEQ_NAME_MAX], help[32], leave[64];

	keymap_keys_name(keys, nkeys, name);
	keys_for(p, ACTION_HELP, 1, help, sizeof help);
	if (p->mode != ACTION_MODE_SELECT)
		pager_message(p, 1, "%s: not a command (%s for help)", name,
		    help);
	else
		pager_message(p, 1, "%s: not a selection key (%s leave it, %s "
		    "lists the keys)", name, keys_for(p, ACTION_SEL_CANCEL, 3,
		    leave, sizeof leave), help);
}

/* The Z of ZZ: a key that starts a sequence waits for the next one,
 * shown on the status line as vim's showcmd does.  1 if key waits. */
static int
wait_for_more(struct pager *p, int key)
{
	char name[KEYMAP_SEQ_NAME_MAX];
	enum action a;

	if (p->nprefix + 1 >= KEYMAP_SEQ_MAX)
		return 0;
	p->prefix[p->nprefix] = key;
	if (keymap_match(p->cfg->keymap, p->mode, p->prefix, p->nprefix + 1,
	    &a) != KEYMAP_PREFIX)
		return 0;
	p->nprefix++;
	pager_message(p, 0, "%s", keymap_keys_name(p->prefix, p->nprefix,
	    name));
	return 1;
}

/* Run what the keys waiting and key are bound to.  A key that ends no
 * sequence cancels it, with a message (as in less); Esc says nothing,
 * alone too: it only drops a count or a message, as in vim. */
static void
run_keys(struct pager *p, int key)
{
	int keys[KEYMAP_SEQ_MAX];
	size_t n = p->nprefix;
	enum action a;

	memcpy(keys, p->prefix, n * sizeof keys[0]);
	keys[n++] = key;
	p->nprefix = 0;
	if (keymap_match(p->cfg->keymap, p->mode, keys, n, &a) ==
	    KEYMAP_MATCH)
		run_action(p, a);
	else if (keymap_normalize(key) != KEYMAP_ESC)
		unknown_keys(p, keys, n);
}

static void
handle_key(struct pager *p, int key)
{
	free(p->msg);
	p->msg = NULL;
	p->has_flash = 0;
	if (key == KEYMAP_PASTE) {	/* text, not commands */
		p->nprefix = 0;
		p->count = 0;
		pager_message(p, 1, "paste ignored: a paste runs no commands "
		    "(paste into a note, a tag, a search or :e)");
		return;
	}
	if (wait_for_more(p, key))
		return;		/* a count and an armed q wait with it */
	/* A q that could not save arms the next q; any other key disarms. */
	p->quit_armed = p->quit_confirm;
	p->quit_confirm = 0;
	if (key == KEYMAP_MOUSE_WHEEL_UP || key == KEYMAP_MOUSE_WHEEL_DOWN) {
		p->nprefix = 0;
		view_scroll(&p->view, key == KEYMAP_MOUSE_WHEEL_UP ?
		    -WHEEL_ROWS : WHEEL_ROWS);
		pager_follow_cursor(p);
		return;
	}
	if (p->nprefix == 0 && key >= '1' && key <= '9' &&
	    p->mode == ACTION_MODE_SELECT) {
		pager_annot_tag_digit(p, key - '0');
		return;
	}
	/* Digits are a count; 0 is one too unless it starts nothing. */
	if (p->nprefix == 0 && ((key >= '1' && key <= '9') || (key == '0' &&
	    (p->count > 0 || keymap_lookup(p->cfg->keymap, p->mode, key) ==
	    ACTION_NONE)))) {
		if (p->count < 100000000)
			p->count = p->count * 10 + (key - '0');
		pager_message(p, 0, "%ld", p->count);
		return;
	}
	p->jumped = 0;
	run_keys(p, key);
	p->count = 0;
}

static void
pager_setup(struct pager *p, struct article **arts, char **later, int n,
    const struct opts *o, struct config *cfg, struct theme *theme)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	memset(p, 0, sizeof *p);
	p->files = xcalloc((size_t)n, sizeof *p->files);
	for (i = 0; i < n; i++) {
		p->files[i].art = arts[i];
		if (arts[i] == NULL)
			p->files[i].pending = xstrdup(later[i]);
	}
	p->nfiles = n;
	buf_init(&p->open_errors);
	p->o = o;
	p->cfg = cfg;
	p->no_color = o->color == COLOR_NEVER || (o->color != COLOR_ALWAYS &&
	    nc != NULL && *nc != '\0') || term_colors() < 8;
	term_use_colors(!p->no_color);
	p->theme_src = theme;
	p->theme = p->no_color ? theme_no_color(theme) :
	    theme_fit(theme, term_colors());
	p->layers = (cfg->hl_quotes ? PAINT_LAYER_QUOTES : 0) |
	    (cfg->hl_entities ? PAINT_LAYER_ENTITIES : 0);
	paint_line_init(&p->line);
}

static void
pager_teardown(struct pager *p)
{
	int i;

	if (p->view_ok)
		view_free(&p->view);
	pager_search_free(&p->search);
	util_free_list(p->themes, p->nthemes);
	theme_free(p->theme);
	theme_free(p->theme_src);
	layout_cells_free(&p->cells);
	paint_line_free(&p->line);
	paint_hls_free(&p->hls);
	for (i = 0; i < p->nfiles; i++) {
		free(p->files[i].save_error);
		free(p->files[i].load_error);
		free(p->files[i].pending);
	}
	buf_free(&p->open_errors);
	free(p->msg);
	free(p->pick_id);
	free(p->files);
}

/* Ctrl-C in select mode ends the selection, as in vim's visual mode,
 * not the pager (elsewhere it quits: a way out whatever the keys). */
static int
select_interrupted(struct pager *p)
{
	if (term_quit_requested() != SIGINT || p->mode != ACTION_MODE_SELECT)
		return 0;
	term_quit_forget();
	pager_select_action(p, ACTION_SEL_CANCEL);
	pager_relayout(p);	/* the legend went */
	view_show_offset(&p->view, pager_file(p)->cursor);
	draw_screen(p);
	return 1;
}

/* At exit: each article whose annotations could not be read, one line
 * on stderr (the pager's row may have cut it).  How many. */
static int
say_damaged(const struct pager *p)
{
	int i, n = 0;

	for (i = 0; i < p->nfiles; i++)
		if (p->files[i].load_error != NULL) {
			fprintf(stderr, "artread: %s (its annotations were "
			    "read-only)\n", p->files[i].art->sc_error);
			n++;
		}
	return n;
}

int
pager_run(struct article **arts, char **later, int n,
    const struct opts *o, struct config *cfg, struct theme *theme,
    const char *notice)
{
	struct pager p;
	struct buf report;
	char *cause;
	int key, unsaved, busy, idle = 0;

	if (term_start(cfg->mouse, &cause) != 0) {
		fprintf(stderr, "artread: %s\n", cause);
		free(cause);
		theme_free(theme);
		return 2;
	}
	pager_setup(&p, arts, later, n, o, cfg, theme);
	activate_file(&p);
	if (notice != NULL)
		pager_message(&p, 1, "%s", notice);
	draw_screen(&p);
	while (!p.quit && !term_quit_requested()) {
		if (!pager_file(&p)->loaded) {
			load_annotations(&p);
			draw_screen(&p);
		}
		/* highlights made in the background are painted in as
		 * soon as they are done; keys are never kept waiting */
		busy = article_analysis_busy(pager_file(&p)->art);
		key = term_key(busy ? 2 : 250);
		if (select_interrupted(&p))
			continue;
		if (key == -1 && busy) {
			if (article_analysis_poll(pager_file(&p)->art))
				draw_screen(&p);
			continue;
		}
		if (key == -1) {
			/* Idle: keep the text read (a write to the store must not
			 * hold up the first keys), look at the file once a
			 * second. */
			keep_version(&p);
			if (++idle % 4 == 0 && notice_disk_change(&p))
				draw_screen(&p);
			continue;
		}
		idle = 0;
		if (key == KEYMAP_RESIZE)
			pager_relayout(&p);
		else {
			enum action_mode was = p.mode;

			handle_key(&p, key);
			p.anchor = view_pos_offset(&p.view, &p.view.top);
			if (p.mode != was) {	/* the legend came or went */
				pager_relayout(&p);
				view_show_offset(&p.view, pager_file(&p)->cursor);
			}
		}
		(void)notice_disk_change(&p);
		if (pager_file(&p)->art->doc->truncated && p.msg == NULL)
			pager_message(&p, 1, "the file shrank on disk: R re-reads it");
		draw_screen(&p);
	}
	if (term_quit_requested())
		pager_annot_save_pending(&p);	/* a last try; the terminal is going */
	else
		keep_version(&p);	/* a session too quick to be idle */
	save_position(&p);
	/* What still could not be saved goes to a rescue file; say so once
	 * the screen is gone, and exit 2. */
	buf_init(&report);
	unsaved = pager_annot_rescue(&p, &report);
	term_end();
	if (p.open_errors.len > 0) {	/* what the exit status 2 is for */
		fputs(p.open_errors.data, stderr);
		unsaved++;	/* not unsaved, but the same status */
	}
	unsaved += say_damaged(&p);
	if (report.len > 0)
		fputs(report.data, stderr);
	buf_free(&report);
	/* R may have replaced an article: hand the current ones back; those
	 * :e opened are ours to close.  (A pending file that could not be
	 * opened left the list: the places it freed are NULL.) */
	for (key = 0; key < p.nfiles || key < n; key++)
		if (key >= p.nfiles)
			arts[key] = NULL;
		else if (key < n)
			arts[key] = p.files[key].art;
		else
			article_close(p.files[key].art);
	pager_teardown(&p);
	return unsaved > 0 ? 2 : 0;
}
