/*
 * prompt.c: the bottom-line prompt: a line editor (lineedit.c) drawn on
 * the status line, with history and Tab completion; and the note editor,
 * the same editor with several lines, drawn over the bottom of the
 * screen.
 */
#include <glob.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/util.h"
#include "artread/wrap.h"
#include "ui.h"

#define HISTORY_MAX	100

/*
 * Draw the prompt.  The text may hold what the user did not type (a note
 * or tag from a sidecar someone else wrote): it is drawn made safe, and
 * the cursor is placed by the safe text before it.  A hint (may be NULL)
 * follows the text, dimmed, when there is room.
 */
static void
draw_prompt(struct pager *p, const char *label, const struct lineedit *le,
    const char *hint)
{
	const struct style *el = draw_styles(p);
	char *raw = xstrndup(le->text.data, le->cursor);
	char *before = draw_safe(raw), *all = draw_safe(le->text.data);
	const char *shown, *at;
	int y = term_rows() - 1, cols = term_cols(), lw, cw, tw;

	free(raw);
	lw = layout_text_width(label, strlen(label));
	if (lw > cols / 2)
		lw = cols / 2;	/* a long label gives way to the text */
	cw = layout_text_width(before, strlen(before));
	shown = all;
	at = all + strlen(before);
	/* Scroll the text left while the cursor would be off screen. */
	while (lw + cw >= cols && shown < at) {
		size_t step = 1;

		while ((shown[step] & 0xc0) == 0x80)
			step++;
		cw -= layout_text_width(shown, step);
		shown += step;
	}
	term_clear_line(y, el[STYLE_EL_PROMPT]);
	term_draw_text(y, 0, label, el[STYLE_EL_PROMPT], lw);
	term_draw_text(y, lw, shown, el[STYLE_EL_PROMPT], cols - lw);
	tw = layout_text_width(shown, strlen(shown));
	if (hint != NULL && lw + tw + 1 < cols) {
		char *h = draw_safe(hint);

		term_draw_text(y, lw + tw + 1, h, el[STYLE_EL_DIM],
		    cols - lw - tw - 1);
		free(h);
	}
	term_cursor(y, lw + cw, 1);
	term_refresh();
	free(before);
	free(all);
}

/* What prompt_key gives besides keys. */
#define KEY_AGAIN	(-1)	/* nothing typed (a timeout, a resize): draw
				   the prompt again */
#define KEY_CANCEL	(-2)	/* Ctrl-C: cancel the prompt, not the pager */
#define KEY_QUIT	(-3)	/* SIGTERM or SIGHUP: the terminal goes */

/* The next key for a prompt; a resize lays the screen out again. */
static int
prompt_key(struct pager *p)
{
	int key = term_key(250);

	if (term_quit_requested() == SIGINT) {
		term_quit_forget();
		return KEY_CANCEL;
	}
	if (term_quit_requested())
		return KEY_QUIT;
	if (key == KEYMAP_RESIZE) {
		pager_relayout(p);
		draw_screen(p);
		return KEY_AGAIN;
	}
	return key;
}

/* A paste goes into the text whole (1), never as keys; one cut to fit
 * sets *cut_at to the bytes kept. */
static int
paste_into(struct lineedit *le, int key, size_t *cut_at)
{
	const char *text;
	size_t n;
	int cut;

	if (key != KEYMAP_PASTE)
		return 0;
	text = term_paste(&n, &cut);
	lineedit_paste(le, text, n);
	if (cut)
		*cut_at = n;
	return 1;
}

/* What a paste cut to fit (paste_into) left out, said on row y. */
static void
draw_paste_cut(struct pager *p, int y, size_t cut_at, const char *then)
{
	char *s;

	if (cut_at == 0 || y < 0)
		return;
	s = xasprintf("paste cut at %zu bytes (the rest left out)%s", cut_at,
	    then);
	term_clear_line(y, draw_styles(p)[STYLE_EL_STATUS]);
	term_draw_text(y, 0, s, draw_styles(p)[STYLE_EL_STATUS], term_cols());
	free(s);
}

#define NOTE_HELP	" note: Enter saves, Alt-Enter new line, Esc cancels"

/*
 * Draw the note editor: its text wrapped to the window on the rows above
 * the bottom line (at most half the screen, scrolled to the cursor),
 * and how to use it on the bottom line (after what a paste cut to fit
 * left out: cut_at).
 */
static void
draw_note_editor(struct pager *p, const struct lineedit *le, size_t cut_at)
{
	const struct style *el = draw_styles(p);
	char *all = draw_safe_lines(le->text.data), *raw, *before;
	struct wrap_row *rows;
	size_t n, crow, first, cur, i;
	int cols = term_cols(), bottom = term_rows() - 1, shown, x, y;

	raw = xstrndup(le->text.data, le->cursor);
	before = draw_safe_lines(raw);
	free(raw);
	cur = strlen(before);
	n = wrap_text(all, strlen(all), cols - 2, &rows);
	crow = wrap_row_of(rows, n, cur);
	shown = (int)n < bottom / 2 ? (int)n : bottom / 2;
	if (shown < 1)
		shown = 1;
	first = crow >= (size_t)shown ? crow - (size_t)shown + 1 : 0;
	for (i = 0; i < (size_t)shown; i++) {
		y = bottom - shown + (int)i;
		term_clear_line(y, el[STYLE_EL_PROMPT]);
		if (first + i < n)
			term_draw_text(y, 1, all + rows[first + i].start,
			    el[STYLE_EL_PROMPT], layout_text_width(all +
			    rows[first + i].start, rows[first + i].end -
			    rows[first + i].start));
	}
	term_clear_line(bottom, el[STYLE_EL_STATUS]);
	term_draw_text(bottom, 0, NOTE_HELP, el[STYLE_EL_STATUS], cols);
	draw_paste_cut(p, bottom, cut_at, ";" NOTE_HELP);
	x = 1 + layout_text_width(all + rows[crow].start, cur - rows[crow].start);
	term_cursor(bottom - shown + (int)(crow - first), x < cols ? x : cols - 1,
	    1);
	term_refresh();
	free(rows);
	free(before);
	free(all);
}

/*
 * Esc or Ctrl-C in the note editor: a note typed or changed is not
 * thrown away without asking (a vim user leaves insert mode with Esc).
 * 1 to cancel, 0 to go on editing.
 */
static int
note_discard(struct pager *p, const struct lineedit *le, const char *initial)
{
	int k;

	if (strcmp(le->text.data, initial != NULL ? initial : "") == 0)
		return 1;
	k = pager_ask_key(p, "discard what was typed in the note? "
	    "(y/n; n goes on editing)");
	if (term_quit_requested() == SIGINT)
		term_quit_forget();	/* Ctrl-C again: not a yes */
	return k == 'y' || k == 'Y';
}

char *
prompt_note(struct pager *p, const char *initial)
{
	struct lineedit le;
	char *result = NULL;
	enum lineedit_result r;
	size_t cut_at = 0;
	int key;

	lineedit_init(&le, initial);
	le.multiline = 1;
	for (;;) {
		draw_note_editor(p, &le, cut_at);
		if ((key = prompt_key(p)) == KEY_CANCEL) {
			if (note_discard(p, &le, initial))
				break;
			continue;
		}
		if (key == KEY_QUIT) {		/* the terminal goes: keep it */
			result = xstrdup(le.text.data);
			break;
		}
		if (key == KEY_AGAIN)
			continue;
		if (paste_into(&le, key, &cut_at))
			continue;
		if ((r = lineedit_key(&le, key)) == LINEEDIT_ACCEPT) {
			result = xstrdup(le.text.data);
			break;
		}
		if (r == LINEEDIT_CANCEL && note_discard(p, &le, initial))
			break;
	}
	lineedit_free(&le);
	term_cursor(0, 0, 0);
	return result;
}

static void
history_add(char ***history, size_t *n, const char *text)
{
	if (*text == '\0' || (*n > 0 && strcmp((*history)[*n - 1], text) == 0))
		return;
	if (*n == HISTORY_MAX) {
		free((*history)[0]);
		memmove(*history, *history + 1, (*n - 1) * sizeof **history);
		(*n)--;
	}
	*history = xreallocarray(*history, *n + 1, sizeof **history);
	(*history)[(*n)++] = xstrdup(text);
}

/* Tab: the next candidate starting with what was typed before Tab. */
static void
complete_next(struct lineedit *le, char **typed, size_t *next,
    const char *const *cands, size_t n)
{
	size_t i, k;

	if (*typed == NULL)
		*typed = xstrdup(le->text.data);
	for (k = 0; k < n; k++) {
		i = (*next + k) % n;
		if (strncasecmp(cands[i], *typed, strlen(*typed)) == 0) {
			lineedit_set(le, cands[i]);
			*next = i + 1;
			return;
		}
	}
}

char *
prompt_ask(struct pager *p, const char *label, const char *initial,
    char ***history, size_t *nhistory,
    const char *const *complete, size_t ncomplete, int flags)
{
	struct prompt_spec ps = { 0 };

	ps.label = label;
	ps.initial = initial;
	ps.history = history;
	ps.nhistory = nhistory;
	ps.complete = complete;
	ps.ncomplete = ncomplete;
	ps.flags = flags;
	return prompt_run(p, &ps);
}

char *
prompt_ask_toggle(struct pager *p, const char *label, struct prompt_toggle *t,
    char ***history, size_t *nhistory)
{
	struct prompt_spec ps = { 0 };

	ps.label = label;
	ps.initial = "";
	ps.history = history;
	ps.nhistory = nhistory;
	ps.toggle = t;
	return prompt_run(p, &ps);
}

/*
 * The files whose names start with typed, for Tab at :e; directories end
 * in /.  Glob's special characters in typed are taken literally, and a
 * leading ~/ stays ~/ in the names offered.
 */
static char **
file_candidates(const char *typed, size_t *n)
{
	const char *home = getenv("HOME");
	int tilde = strncmp(typed, "~/", 2) == 0 && home != NULL;
	size_t i, skip = 0;
	struct buf pat;
	char **out;
	glob_t g;

	buf_init(&pat);
	if (tilde) {
		buf_adds(&pat, home);
		typed++;
		skip = strlen(home);
	}
	for (; *typed != '\0'; typed++) {
		if (strchr("*?[\\", *typed) != NULL)
			buf_addc(&pat, '\\');
		buf_addc(&pat, *typed);
	}
	buf_addc(&pat, '*');
	*n = 0;
	if (glob(pat.data, GLOB_MARK, NULL, &g) != 0) {
		buf_free(&pat);
		return NULL;
	}
	out = xreallocarray(NULL, g.gl_pathc, sizeof *out);
	for (i = 0; i < g.gl_pathc; i++)
		out[(*n)++] = tilde ? xasprintf("~%s", g.gl_pathv[i] + skip) :
		    xstrdup(g.gl_pathv[i]);
	globfree(&g);
	buf_free(&pat);
	return out;
}

static void
candidates_free(char ***c, size_t *n)
{
	size_t i;

	for (i = 0; i < *n; i++)
		free((*c)[i]);
	free(*c);
	*c = NULL;
	*n = 0;
}

char *
prompt_run(struct pager *p, const struct prompt_spec *ps)
{
	struct lineedit le;
	char ***history = ps->nhistory != NULL ? ps->history : NULL;
	size_t *nhistory = ps->nhistory;
	size_t hist = nhistory != NULL ? *nhistory : 0, next = 0;
	char *typed = NULL, *result = NULL, *hint, **files = NULL;
	size_t nfiles = 0, cut_at = 0;
	enum lineedit_result r;
	int key;

	lineedit_init(&le, ps->initial);
	for (;;) {
		hint = ps->hint != NULL ? ps->hint(ps->hint_arg, le.text.data) :
		    NULL;
		draw_paste_cut(p, term_rows() - 2, cut_at, "");
		draw_prompt(p, ps->toggle != NULL && ps->toggle->on ?
		    ps->toggle->label : ps->label, &le, hint);
		free(hint);
		if ((key = prompt_key(p)) == KEY_CANCEL)
			break;
		if (key == KEY_QUIT) {
			if (ps->flags & PROMPT_KEEP)
				result = xstrdup(le.text.data);
			break;
		}
		if (key == KEY_AGAIN)
			continue;
		if (ps->toggle != NULL && key == ps->toggle->key) {
			ps->toggle->on = !ps->toggle->on;
			continue;
		}
		if (key == KEYMAP_TAB && (ps->flags & PROMPT_FILES)) {
			if (typed == NULL) {	/* a new Tab: look again */
				/* blanks before the name are not part of it,
				 * as :e takes it */
				char *t = xstrdup(le.text.data);

				lineedit_set(&le, t + strspn(t, " \t"));
				free(t);
				files = file_candidates(le.text.data, &nfiles);
			}
			complete_next(&le, &typed, &next,
			    (const char *const *)files, nfiles);
			continue;
		}
		if (key == KEYMAP_TAB && ps->complete != NULL) {
			complete_next(&le, &typed, &next, ps->complete,
			    ps->ncomplete);
			continue;
		}
		free(typed);
		typed = NULL;
		candidates_free(&files, &nfiles);
		next = 0;
		if (history != NULL && (key == KEYMAP_UP || key == KEYMAP_DOWN)) {
			if (key == KEYMAP_UP && hist > 0)
				hist--;
			else if (key == KEYMAP_DOWN && hist < *nhistory)
				hist++;
			lineedit_set(&le, hist < *nhistory ? (*history)[hist] : "");
			continue;
		}
		if (paste_into(&le, key, &cut_at))
			continue;
		r = lineedit_key(&le, key);
		if (r == LINEEDIT_ACCEPT) {
			result = xstrdup(le.text.data);
			if (history != NULL)
				history_add(history, nhistory, result);
			break;
		}
		if (r == LINEEDIT_CANCEL)
			break;
	}
	free(typed);
	candidates_free(&files, &nfiles);
	lineedit_free(&le);
	term_cursor(0, 0, 0);
	return result;
}
