/*
 * pager_annot.c: the pager's annotation commands: the selection (or the
 * annotation under the cursor) becomes an annotation, tagged from the
 * palette or by name (1-9, t), with a note (a); x deletes, u and Ctrl-R
 * undo and redo, ] and [ go from one to the next, X exports.  Every
 * change is saved at once (pager_annot_save); a save that fails leaves
 * the annotations in memory and is retried (pager_annot_save_pending).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/export.h"
#include "artread/util.h"
#include "ui.h"

const struct annot *
pager_annot_under_cursor(struct pager *p)
{
	const struct annot *hits[1];

	if (annot_covering(pager_file(p)->art->annots, pager_file(p)->cursor,
	    hits, 1) == 0)
		return NULL;
	return hits[0];
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

static void
apply_tag(struct pager *p, const char *tag)
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
	done = xasprintf("tagged '%s'", tag);
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

	if (p->mode != ACTION_MODE_SELECT && pager_annot_under_cursor(p) == NULL) {
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
		pager_annot_tag_digit(p, tag[0] - '0');
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

	if (!pager_annot_writable(p))
		return;
	if (p->mode == ACTION_MODE_SELECT)
		an = annot_selected(p);
	else if ((an = pager_annot_under_cursor(p)) == NULL) {
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
	pager_annot_save(p, "note saved");
}

char *
pager_annot_where(struct pager *p)
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
pager_annot_save(struct pager *p, const char *done)
{
	struct article *a = pager_file(p)->art;
	char *cause = NULL, *where;

	if (article_save_annotations(a, &cause) != 0) {
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
		pager_message(p, 0, "%s; saved to %s", done, where);
	free(where);
}

static void
delete_annotation(struct pager *p)
{
	const struct annot *an = pager_annot_under_cursor(p);
	char *id;

	if (!pager_annot_writable(p))
		return;
	if (an == NULL) {
		pager_message(p, 1, "no annotation under the cursor");
		return;
	}
	id = xstrdup(an->id);
	annot_delete(pager_file(p)->art->annots, id);
	free(id);
	pager_annot_save(p, "annotation deleted (u undoes)");
}

static void
undo_redo(struct pager *p, int redo)
{
	struct annot_set *set = pager_file(p)->art->annots;

	if (!pager_annot_writable(p))
		return;
	if ((redo ? annot_redo(set) : annot_undo(set)) != 0) {
		pager_message(p, 1, redo ? "nothing to redo" : "nothing to undo");
		return;
	}
	pager_annot_save(p, redo ? "redone" : "undone");
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
	case ACTION_EXPORT:		export_annotations(p); break;
	default:
		return 0;
	}
	return 1;
}
