/*
 * pager_annot.c: the pager's annotation commands: the selection (or the
 * annotation under the cursor) becomes an annotation, tagged from the
 * palette or by name (1-9, t), with a note (a, read in full with i); x
 * deletes, u and Ctrl-R undo and redo (each says what it changed and
 * shows it), ] and [ go from one to the next, c from one nested
 * annotation at the cursor to the next, X exports.  "Under the cursor"
 * means the innermost annotation there, the one painted on top, unless
 * c chose another (pager_annot_here).
 *
 * Every change is saved at once (pager_annot_save); a save that fails
 * leaves the annotations in memory and is retried
 * (pager_annot_save_pending); what is still unsaved when the pager quits
 * goes to a rescue file, offered the next time (pager_annot_rescue,
 * pager_annot_offer_rescue).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/export.h"
#include "artread/rescue.h"
#include "artread/sidepath.h"
#include "artread/util.h"
#include "ui.h"

#define HERE_MAX	64	/* annotations at one place that c goes through */
#define EXCERPT_CHARS	20	/* of a passage named in a message */

const struct annot *
pager_annot_here(struct pager *p, size_t *nth, size_t *count)
{
	struct pager_file *f = pager_file(p);
	const struct annot *hits[HERE_MAX];
	size_t n, i, pick = 0;

	n = annot_covering(f->art->annots, f->cursor, hits, HERE_MAX);
	for (i = 0; p->pick_id != NULL && p->pick_at == f->cursor && i < n; i++)
		if (strcmp(hits[i]->id, p->pick_id) == 0)
			pick = i;
	if (nth != NULL)
		*nth = pick;
	if (count != NULL)
		*count = n;
	return n > 0 ? hits[pick] : NULL;
}

const struct annot *
pager_annot_under_cursor(struct pager *p)
{
	return pager_annot_here(p, NULL, NULL);
}

void
pager_annot_pick(struct pager *p, const struct annot *a)
{
	free(p->pick_id);
	p->pick_id = xstrdup(a->id);
	p->pick_at = pager_file(p)->cursor;
}

/* Show a's passage (in the current-match style) until the next key. */
static void
flash_annot(struct pager *p, const struct annot *a)
{
	if (a->orphan)
		return;
	p->flash.start = a->start;
	p->flash.end = a->end;
	p->has_flash = 1;
}

/* The first key bound to a, as people write it ("u", "Ctrl-R"). */
static char *
key_label(struct pager *p, enum action a)
{
	struct buf b;
	char *sp, *label;

	buf_init(&b);
	keymap_describe(p->cfg->keymap, a, &b);
	if (b.len == 0) {
		buf_free(&b);
		return xstrdup(action_name(a));
	}
	if ((sp = strchr(b.data, ' ')) != NULL)
		*sp = '\0';
	if (strncmp(b.data, "<C-", 3) == 0 && b.data[3] != '\0' &&
	    b.data[4] == '>')
		label = xasprintf("Ctrl-%c", toupper((unsigned char)b.data[3]));
	else if (b.data[0] == '<' && b.len > 2)
		label = xstrndup(b.data + 1, strlen(b.data) - 2);
	else
		label = xstrdup(b.data);
	buf_free(&b);
	return label;
}

/* c: the next of the annotations at the cursor, deepest first. */
static void
cycle_here(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	const struct annot *hits[HERE_MAX];
	size_t nth, n;

	if (pager_annot_here(p, &nth, &n) == NULL) {
		pager_message(p, 1, "no annotation under the cursor");
		return;
	}
	if (n == 1) {
		pager_message(p, 0, "only one annotation here");
		return;
	}
	annot_covering(f->art->annots, f->cursor, hits, HERE_MAX);
	pager_annot_pick(p, hits[(nth + 1) % n]);
	flash_annot(p, hits[(nth + 1) % n]);
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

/* In select mode: the annotation of exactly the selection, or NULL. */
static const struct annot *
annot_selected(struct pager *p)
{
	size_t s, e;

	pager_selection(p, &s, &e);
	return annot_exact(p, s, e);
}

/* A new annotation of the selection (tag may be NULL): its id, or NULL
 * if the selection is empty. */
static const char *
annotate_selection(struct pager *p, const char *tag)
{
	struct article *a = pager_file(p)->art;
	size_t s, e;

	pager_selection(p, &s, &e);
	return annot_add(a->annots, a->doc->bytes, a->doc->len, s, e, tag,
	    NULL);
}

/* The annotation the next tag or note goes to: the selection's (made if
 * needed) or the one under the cursor.  NULL with a message if none. */
static const char *
target_annotation(struct pager *p, int create)
{
	const struct annot *an;

	if (p->mode == ACTION_MODE_SELECT) {
		if ((an = annot_selected(p)) != NULL)
			return an->id;
		return create ? annotate_selection(p, NULL) : NULL;
	}
	if ((an = pager_annot_under_cursor(p)) != NULL)
		return an->id;
	pager_message(p, 1, "select a passage first (v, s, p or o)");
	return NULL;
}

/* Can annotations change?  If not, the status line says why. */
int
pager_annot_writable(struct pager *p)
{
	struct article *a = pager_file(p)->art;

	if (a->sc_error == NULL)
		return 1;
	pager_message(p, 1, "annotations are read-only: %s", a->sc_error);
	return 0;
}

/* Tag the selection or the annotation under the cursor; said: the
 * message once saved (NULL: "tagged 'TAG'"). */
static void
apply_tag(struct pager *p, const char *tag, const char *said)
{
	struct article *a = pager_file(p)->art;
	const char *id;
	char *done;

	if (!pager_annot_writable(p))
		return;
	if (p->mode == ACTION_MODE_SELECT && annot_selected(p) == NULL) {
		if (annotate_selection(p, tag) == NULL) {
			pager_message(p, 1, "cannot annotate an empty passage");
			return;
		}
		goto saved;
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
	done = said != NULL ? xstrdup(said) : xasprintf("tagged '%s'", tag);
	pager_annot_save(p, done);
	free(done);
}

void
pager_annot_tag_digit(struct pager *p, int digit)
{
	const struct config_tag *t = config_tag_for_key(p->cfg, digit);

	if (t == NULL || t->name == NULL) {
		pager_message(p, 1, "no tag on key %d (see [tags] in the config)",
		    digit);
		return;
	}
	apply_tag(p, t->name, NULL);
}

/*
 * Tags typed at the prompt: "a, b" is two tags, as --tag a,b is (a tag
 * never holds a comma, so that the listings' comma-separated TAGS column
 * reads back).  The first tags the selection or the annotation under the
 * cursor; the others go on the annotation that made.
 */
static void
apply_tag_list(struct pager *p, const char *list)
{
	struct buf said;
	char **tags, *cause = NULL;
	size_t n, i;

	n = util_split_list(list, &tags);
	for (i = 0; i < n; i++)		/* one bad tag: none is applied */
		if (annot_tag_check(tags[i], strlen(tags[i]), &cause) != 0) {
			pager_message(p, 1, "%s", cause);	/* drawn safe */
			free(cause);
			util_free_list(tags, n);
			return;
		}
	buf_init(&said);
	buf_adds(&said, "tagged ");
	for (i = 0; i < n; i++)
		buf_printf(&said, "%s'%s'", i > 0 ? ", " : "", tags[i]);
	buf_addc(&said, '\0');
	for (i = 0; i < n; i++)		/* each message says them all */
		apply_tag(p, tags[i], said.data);
	buf_free(&said);
	util_free_list(tags, n);
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
	char **names, *tag;
	size_t n;

	if (p->mode != ACTION_MODE_SELECT && pager_annot_under_cursor(p) == NULL) {
		pager_message(p, 1, "select a passage first (v, s, p or o)");
		return;
	}
	/* The palette's legend stands above the prompt while it is open. */
	p->legend_prompt = 1;
	draw_screen(p);
	n = tag_names(p, &names);
	tag = prompt_ask(p, "tag (digit or name, Tab): ", "",
	    NULL, NULL, (const char *const *)names, n, 0);
	p->legend_prompt = 0;
	util_free_list(names, n);
	if (tag == NULL)
		return;
	if (tag[0] >= '1' && tag[0] <= '9' && tag[1] == '\0')
		pager_annot_tag_digit(p, tag[0] - '0');
	else
		apply_tag_list(p, tag);
	free(tag);
}

static void
edit_note(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	const struct annot *an = NULL;
	const char *id;
	char *note;

	if (!pager_annot_writable(p))
		return;
	if (p->mode == ACTION_MODE_SELECT)
		an = annot_selected(p);
	else if ((an = pager_annot_under_cursor(p)) == NULL) {
		pager_message(p, 1, "select a passage first (v, s, p or o)");
		return;
	}
	note = prompt_note(p, an != NULL ? an->note : "");
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
	pager_annot_save(p, "note saved");
}

/* "2026-11-30T06:05:12.345Z" as "2026-11-30 06:05 UTC". */
static void
add_time(struct buf *b, const char *iso)
{
	if (strlen(iso) >= 16 && iso[10] == 'T')
		buf_printf(b, "%.10s %.5s UTC", iso, iso + 11);
	else
		buf_adds(b, iso);
}

/* One annotation in the note view: what, when, and its note in full. */
static void
add_note_entry(struct buf *b, const struct annot *a, size_t nth, size_t n)
{
	char *what = annot_summary(a, 60);

	buf_adds(b, what);
	if (n > 1)
		buf_printf(b, "  (%zu of %zu here)", nth, n);
	buf_adds(b, "\ncreated ");
	add_time(b, a->created);
	if (strcmp(a->created, a->modified) != 0) {
		buf_adds(b, ", changed ");
		add_time(b, a->modified);
	}
	buf_printf(b, "\n\n%s\n\n", a->note[0] != '\0' ? a->note :
	    "(no note: a adds one)");
	free(what);
}

/*
 * i: every note on the passage under the cursor, in full, wrapped and
 * scrolled: the one under the cursor first, then those around it.  a
 * there edits the first.
 */
static void
read_notes(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	const struct annot *hits[HERE_MAX], *cur = pager_annot_under_cursor(p);
	size_t n, i, k = 1;
	struct buf b;

	if (cur == NULL) {
		pager_message(p, 1, "no annotation under the cursor");
		return;
	}
	n = annot_covering(f->art->annots, f->cursor, hits, HERE_MAX);
	buf_init(&b);
	add_note_entry(&b, cur, 1, n);
	for (i = 0; i < n; i++)
		if (hits[i] != cur)
			add_note_entry(&b, hits[i], ++k, n);
	if (panel_text(p, "Notes here (the first is the one under the cursor)",
	    "j/k scroll  a edit the first  q close", b.data, "a") == 'a')
		edit_note(p);
	buf_free(&b);
}

char *
pager_annot_where(struct pager *p)
{
	struct article *a = pager_file(p)->art;
	const char *slash;

	if (!a->sc_open || a->sc.path == NULL || access(a->sc.path, F_OK) != 0)
		return NULL;	/* "saved in X" only once X exists */
	if (a->sc.where == SIDECAR_BESIDE &&
	    (slash = strrchr(a->sc.path, '/')) != NULL)
		return xstrdup(slash + 1);
	return sidecar_location(&a->sc);
}

/* Save one article's annotations, remembering why it failed (for the
 * rescue file).  0, or -1 with *cause. */
static int
save_file(struct pager_file *f, char **cause)
{
	free(f->save_error);
	f->save_error = NULL;
	if (article_save_annotations(f->art, cause) == 0)
		return 0;
	f->save_error = xstrdup(*cause);
	return -1;
}

void
pager_annot_save(struct pager *p, const char *done)
{
	struct article *a = pager_file(p)->art;
	char *cause = NULL, *where;

	if (save_file(pager_file(p), &cause) != 0) {
		pager_message(p, 1, "NOT SAVED (kept in memory, retried on the "
		    "next change): %s", cause);
		free(cause);
		return;
	}
	where = pager_annot_where(p);
	if (a->sc.conflicts > 0)	/* both sides changed them: both kept */
		pager_message(p, 1, "%s; %zu also changed elsewhere: both "
		    "copies kept", done, a->sc.conflicts);
	else
		pager_message(p, 0, "%s; %ssaved to %s", done,
		    a->sc.where == SIDECAR_DATA_DIR ? "article directory not "
		    "writable: " : "", where != NULL ? where : a->sc.path);
	free(where);
}

void
pager_annot_delete(struct pager *p, const char *id)
{
	struct annot_set *set = pager_file(p)->art->annots;
	const struct annot *an = annot_find(set, id);
	char *copy, *what, *key, *done;

	if (an == NULL)
		return;
	copy = xstrdup(id);
	what = annot_summary(an, EXCERPT_CHARS);
	flash_annot(p, an);
	annot_delete(set, copy);
	key = key_label(p, ACTION_UNDO);
	done = xasprintf("deleted %s \u2014 %s undoes", what, key);
	pager_annot_save(p, done);
	free(done);
	free(key);
	free(what);
	free(copy);
}

static void
delete_annotation(struct pager *p)
{
	const struct annot *an = pager_annot_under_cursor(p);

	if (!pager_annot_writable(p))
		return;
	if (an == NULL) {
		pager_message(p, 1, "no annotation under the cursor");
		return;
	}
	pager_annot_delete(p, an->id);
}

/*
 * u and Ctrl-R: take back (make again) the last change, go to the
 * annotation it touched, show it, and say what the change was.
 */
static void
undo_redo(struct pager *p, int redo)
{
	struct annot_set *set = pager_file(p)->art->annots;
	const struct annot *before, *after, *now, *shown;
	char *what, *key, *done;

	if (!pager_annot_writable(p))
		return;
	if ((redo ? annot_redo(set) : annot_undo(set)) != 0) {
		pager_message(p, 1, redo ? "nothing to redo" : "nothing to undo");
		return;
	}
	annot_change_peek(set, !redo, &before, &after);
	now = redo ? after : before;
	shown = now != NULL ? now : redo ? before : after;
	what = annot_describe_change(before, after, EXCERPT_CHARS);
	if (!shown->orphan)
		pager_jump(p, shown->start);
	flash_annot(p, shown);
	if (now != NULL && !now->orphan)
		pager_annot_pick(p, now);
	key = key_label(p, redo ? ACTION_UNDO : ACTION_REDO);
	done = xasprintf("%s: %s \u2014 %s %s", redo ? "redone" : "undone",
	    what, key, redo ? "undoes" : "redoes");
	pager_annot_save(p, done);
	free(done);
	free(key);
	free(what);
}

/*
 * ] and [: from the annotation under the cursor to the next (previous)
 * in article order, nested ones included; from elsewhere, the next one
 * starting after the cursor (the last one before it).
 */
static void
jump_annotation(struct pager *p, int backward)
{
	struct annot_set *set = pager_file(p)->art->annots;
	const struct annot *cur = pager_annot_under_cursor(p), *a;
	size_t off = pager_file(p)->cursor;
	long i;

	if (cur != NULL) {
		i = annot_index(set, cur->id) + (backward ? -1 : 1);
		a = i >= 0 ? annot_at(set, (size_t)i) : NULL;
		if (a != NULL && a->orphan)
			a = NULL;
	} else
		a = backward ? annot_prev(set, off) : annot_next(set, off);
	if (a == NULL) {
		pager_message(p, 1, backward ? "no annotation before" :
		    "no annotation after");
		return;
	}
	pager_jump(p, a->start);
	pager_annot_pick(p, a);
}

#define EXPORT_FORMATS_MAX	16

/* The export formats' names, from export.c's own list. */
static size_t
export_formats(const char **v)
{
	size_t n = 0;

	while (n < EXPORT_FORMATS_MAX &&
	    strcmp(export_format_name((enum export_format)n), "?") != 0) {
		v[n] = export_format_name((enum export_format)n);
		n++;
	}
	return n;
}

/* "text markdown json brat csv" (free it). */
static char *
export_format_list(void)
{
	const char *v[EXPORT_FORMATS_MAX];
	size_t n = export_formats(v), i;
	struct buf b;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", v[i]);
	return buf_steal(&b);
}

/* The file an export goes to beside the article; for a web article, in
 * the current directory under a name made from the headline (NULL on
 * standard input: then it is asked for). */
static char *
export_target(struct pager *p, int f)
{
	const struct article *a = pager_file(p)->art;
	char *stem, *path;

	if (a->doc->path != NULL)
		return export_file_name(a->doc->path, (enum export_format)f);
	if (a->url == NULL)
		return NULL;
	stem = article_file_stem(a);
	path = export_file_name(stem, (enum export_format)f);
	free(stem);
	return path;
}

/* Can an export be written at path (its directory writable)? */
static int
dir_writable_for(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ?
	    xstrdup("/") : xasprintf("%.*s", (int)(slash - path), path);
	int ok = access(dir, W_OK | X_OK) == 0;

	free(dir);
	return ok;
}

/* The format prompt's hint: the file it will write. */
static char *
export_hint(void *arg, const char *text)
{
	struct pager *p = arg;
	char *path, *h;
	const char *base;
	int f;

	if (export_parse_request(text, &f, &path) != 0) {
		path = export_format_list();
		h = xasprintf("(Tab: %s; or a file name)", path);
		free(path);
		return h;
	}
	if (path != NULL) {
		h = xasprintf("-> %s (%s)", path,
		    export_format_name((enum export_format)f));
		free(path);
		return h;
	}
	if ((path = export_target(p, f)) == NULL)
		return xstrdup("-> a file you name next");
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	h = dir_writable_for(path) ? xasprintf("-> %s", base) :
	    xstrdup("-> a file you name next (directory not writable)");
	free(path);
	return h;
}

/* ~/x as $HOME/x (a new string; name is taken). */
static char *
expand_home(char *name)
{
	const char *home = getenv("HOME");
	char *full;

	if (name == NULL || strncmp(name, "~/", 2) != 0 || home == NULL)
		return name;
	full = xasprintf("%s/%s", home, name + 2);
	free(name);
	return full;
}

/* The file prompt's hint: why it asks, until something is typed. */
static char *
why_hint(void *arg, const char *text)
{
	return *text == '\0' && arg != NULL ? xstrdup(arg) : NULL;
}

/* Ask for the file to write ("LEAD (Enter: dflt): "; why, if not NULL,
 * shows as its hint): the name typed, or dflt (taken) on Enter; NULL on
 * Esc. */
static char *
ask_export_file(struct pager *p, const char *lead, const char *why,
    char *dflt)
{
	struct prompt_spec ps = { 0 };
	const char *home = getenv("HOME");
	size_t hl = home != NULL ? strlen(home) : 0;
	char *label, *name;

	if (hl > 1 && strncmp(dflt, home, hl) == 0 && dflt[hl] == '/')
		label = xasprintf("%s (Enter: ~%s): ", lead, dflt + hl);
	else
		label = xasprintf("%s (Enter: %s): ", lead, dflt);
	ps.label = label;
	ps.initial = "";
	ps.hint = why_hint;
	ps.hint_arg = (void *)why;
	name = prompt_run(p, &ps);
	free(label);
	if (name != NULL && *util_trim(name) == '\0') {
		free(name);
		return dflt;
	}
	free(dflt);
	if (name != NULL)
		memmove(name, util_trim(name), strlen(util_trim(name)) + 1);
	return expand_home(name);
}

/* Where X writes when the user named no file: beside the article, or,
 * on standard input or when that directory cannot be written, a file
 * asked for (NULL: Esc). */
static char *
default_export_file(struct pager *p, int f)
{
	const char *home = getenv("HOME");
	char *path = export_target(p, f), *dflt, *why;
	const char *base;

	if (path == NULL)
		return ask_export_file(p, "write to file", NULL,
		    export_file_name("stdin", (enum export_format)f));
	if (dir_writable_for(path))
		return path;
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	dflt = home != NULL ? xasprintf("%s/%s", home, base) : xstrdup(base);
	why = xasprintf("(%s: directory not writable)", base);
	free(path);
	path = ask_export_file(p, "save as", why, dflt);
	free(why);
	return path;
}

/* X asks before it replaces a file: 1 to go on. */
static int
may_write(struct pager *p, const char *path)
{
	const char *why = NULL;
	char *q;
	int k;

	switch (atomic_target(path, &why)) {
	case ATOMIC_ABSENT:
		return 1;
	case ATOMIC_UNSAFE:	/* a FIFO, a device: never opened */
		pager_message(p, 1, "export failed: %s %s", path,
		    why != NULL ? why : "is not a regular file");
		return 0;
	default:
		break;
	}
	q = xasprintf("%s exists: replace it? (y/n)", path);
	k = pager_ask_key(p, q);
	free(q);
	if (k == 'y' || k == 'Y')
		return 1;
	pager_message(p, 0, "not exported: %s kept as it was", path);
	return 0;
}

static void
write_export(struct pager *p, int f, const char *path)
{
	struct article *a = pager_file(p)->art;
	struct export_opts eo;
	char *cause = NULL;
	size_t n = annot_count(a->annots);

	export_opts_init(&eo);
	eo.source = a->sc.url;
	/* Atomic: never half a file, never through a link, no FIFO (an
	 * existing file is replaced only after may_write asked). */
	if (export_to_path(path, 0, (enum export_format)f, a->doc->path,
	    a->doc->bytes, a->doc->len, a->annots, article_analysis_all(a),
	    &eo, &cause) != 0)
		pager_message(p, 1, "export failed: %s", cause);
	else
		pager_message(p, 0, "exported %zu %s to %s", n,
		    util_plural(n, "annotation", "annotations"), path);
	free(cause);
}

/*
 * X: the format (Tab completes; the file it will write shows as it is
 * typed), then, on standard input, a file name; an existing file is
 * replaced only when the user says so.
 */
static void
export_annotations(struct pager *p)
{
	struct prompt_spec ps = { 0 };
	const char *names[EXPORT_FORMATS_MAX];
	char *fmt, *path;
	int f;

	ps.label = "export as (Enter: text): ";
	ps.initial = "";
	ps.complete = names;
	ps.ncomplete = export_formats(names);
	ps.hint = export_hint;
	ps.hint_arg = p;
	if ((fmt = prompt_run(p, &ps)) == NULL)
		return;
	if (export_parse_request(fmt, &f, &path) != 0) {
		path = export_format_list();
		pager_message(p, 1, "unknown format '%s' (%s; or a file name)",
		    fmt, path);
		free(path);
		free(fmt);
		return;
	}
	free(fmt);
	if (path != NULL)
		path = expand_home(path);
	else if ((path = default_export_file(p, f)) == NULL)
		return;
	if (may_write(p, path))
		write_export(p, f, path);
	free(path);
}

/*
 * Save every article whose annotations changed since their last good
 * save (a save that failed is retried here).  0 if nothing is left
 * unsaved; -1 with a message naming the first that could not be saved.
 */
int
pager_annot_save_pending(struct pager *p)
{
	struct article *a;
	char *cause = NULL;
	int i, rc = 0;

	for (i = 0; i < p->nfiles; i++) {
		a = p->files[i].art;
		if (a == NULL || !annot_dirty(a->annots) || a->sc_error != NULL)
			continue;
		if (save_file(&p->files[i], &cause) != 0 && rc == 0) {
			pager_message(p, 1, "annotations NOT saved, q again quits "
			    "anyway: %s", cause);
			rc = -1;
		}
		free(cause);
		cause = NULL;
	}
	return rc;
}


/*
 * The pager is quitting: whatever could not be saved goes to a rescue
 * file, and report gets a message for stderr saying what and where.
 * Returns how many articles had changes that are not on disk.
 */
int
pager_annot_rescue(struct pager *p, struct buf *report)
{
	struct article *a;
	char *path = NULL, *cause = NULL, *name, *why;
	const char *raw;
	size_t n;
	int i, unsaved = 0;

	for (i = 0; i < p->nfiles; i++) {
		a = p->files[i].art;
		if (a == NULL || !a->sc_open || a->sc_error != NULL ||
		    !annot_dirty(a->annots) ||
		    (n = rescue_unsaved(a->annots)) == 0)
			continue;
		unsaved++;
		/* Names and causes on standard error are shown safely. */
		name = draw_safe(a->doc->path != NULL ? a->doc->name :
		    "standard input");
		raw = p->files[i].save_error != NULL ?
		    p->files[i].save_error : "the last save failed";
		if (rescue_write(a->sc.path, raw, a->annots, &path, &cause) != 0)
			path = NULL;
		why = draw_safe(raw);
		buf_printf(report, "artread: %s: %zu annotation change%s NOT "
		    "saved (%s)", name, n, n == 1 ? " was" : "s were",
		    strncmp(why, "not saved: ", 11) == 0 ? why + 11 : why);
		if (path != NULL)
			buf_printf(report, ";\n  they are kept in %s and are "
			    "offered the next time %s is opened\n", path, name);
		else {
			char *c = draw_safe(cause);

			buf_printf(report, ", and the rescue file could not "
			    "be written (%s); here they are, as JSON lines:\n", c);
			free(c);
			rescue_format(a->annots, report);
		}
		free(name);
		free(why);
		free(path);
		free(cause);
		path = cause = NULL;
	}
	return unsaved;
}

/*
 * After the annotations are loaded: if a rescue file holds changes that
 * an earlier session could not save, offer them (y merges and saves,
 * and the file goes once they are saved).
 */
void
pager_annot_offer_rescue(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct article *a = f->art;
	struct rescue *r = NULL;
	char *cause = NULL, *q, *where, *what;
	size_t taken;
	int k;

	if (!a->sc_open || a->sc_error != NULL || a->sc.path == NULL)
		return;
	if (article_rescue(a, &r, &cause) != 0) {
		pager_message(p, 1, "rescued annotations cannot be read: %s",
		    cause);
		free(cause);
		return;
	}
	if (r == NULL)
		return;
	what = rescue_summary(r);
	q = xasprintf("%s: y merges, n keeps for later", what);
	free(what);
	k = pager_ask_key(p, q);
	free(q);
	if (k != 'y' && k != 'Y') {
		pager_message(p, 0, "rescued changes kept in %s", r->path);
		rescue_free(r);
		return;
	}
	taken = rescue_merge(r, a->annots);
	if (save_file(f, &cause) != 0)
		pager_message(p, 1, "merged %zu rescued change%s, NOT SAVED "
		    "(the rescue file stays): %s", taken, taken == 1 ? "" : "s",
		    cause);
	else {
		rescue_remove(r, &cause);
		where = pager_annot_where(p);
		pager_message(p, 0, "merged %zu rescued change%s (u undoes); "
		    "saved to %s", taken, taken == 1 ? "" : "s",
		    where != NULL ? where : a->sc.path);
		free(where);
	}
	free(cause);
	rescue_free(r);
}

void
pager_annot_offer_adopt(struct pager *p)
{
	struct pager_file *f = pager_file(p);
	struct article *a = f->art;
	char *q, *cause = NULL, *where, *name, *old;
	size_t n;
	int k;

	if (!a->sc_open || a->sc_error != NULL || a->sc.renamed == 0)
		return;
	name = draw_safe(a->sc.renamed_name != NULL ? a->sc.renamed_name :
	    "an article gone");
	n = a->sc.renamed_count;
	q = xasprintf("%zu annotation%s of %s (gone; same text) found: "
	    "y adopts, n leaves them", n, n == 1 ? "" : "s", name);
	k = pager_ask_key(p, q);
	free(q);
	old = draw_safe(a->sc.renamed_path);
	if (k != 'y' && k != 'Y')
		pager_message(p, 0, "left in %s (artread --adopt takes them)",
		    old);
	else if (sidecar_adopt(&a->sc, a->annots, &n, &cause) != 0) {
		free(f->save_error);
		f->save_error = xstrdup(cause);
		if (n > 0)	/* in memory: saved (or rescued) later */
			pager_message(p, 1, "adopted %zu, NOT SAVED (%s stays): "
			    "%s", n, old, cause);
		else
			pager_message(p, 1, "not adopted: %s", cause);
	} else {
		where = pager_annot_where(p);
		pager_message(p, 0, "adopted %zu annotation%s of %s; saved to "
		    "%s, %s %s", n, n == 1 ? "" : "s", name,
		    where != NULL ? where : a->sc.path, old,
		    a->sc.renamed_path == NULL ? "removed" : "left (not removed)");
		free(where);
	}
	free(old);
	free(name);
	free(cause);
}

int
pager_annot_action(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_TAG_PALETTE:	tag_palette(p); break;
	case ACTION_NOTE:		edit_note(p); break;
	case ACTION_DELETE:		delete_annotation(p); break;
	case ACTION_UNDO:		undo_redo(p, 0); break;
	case ACTION_REDO:		undo_redo(p, 1); break;
	case ACTION_ANNOT_NEXT:		jump_annotation(p, 0); break;
	case ACTION_ANNOT_PREV:		jump_annotation(p, 1); break;
	case ACTION_ANNOT_CYCLE:	cycle_here(p); break;
	case ACTION_NOTE_VIEW:		read_notes(p); break;
	case ACTION_EXPORT:		export_annotations(p); break;
	default:
		return 0;
	}
	return 1;
}
