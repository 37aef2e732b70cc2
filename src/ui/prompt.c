/*
 * prompt.c: the bottom-line prompt: a line editor (lineedit.c) drawn on
 * the status line, with history and Tab completion.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/util.h"
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
	char *before = xstrndup(le->text.data, le->cursor);
	char *all = xstrdup(le->text.data);
	const char *shown, *at;
	int y = term_rows() - 1, cols = term_cols(), lw, cw, tw;

	draw_make_safe(before);
	draw_make_safe(all);
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
		char *h = xstrdup(hint);

		draw_make_safe(h);
		term_draw_text(y, lw + tw + 1, h, el[STYLE_EL_DIM],
		    cols - lw - tw - 1);
		free(h);
	}
	term_cursor(y, lw + cw, 1);
	term_refresh();
	free(before);
	free(all);
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
prompt_run(struct pager *p, const struct prompt_spec *ps)
{
	struct lineedit le;
	char ***history = ps->nhistory != NULL ? ps->history : NULL;
	size_t *nhistory = ps->nhistory;
	size_t hist = nhistory != NULL ? *nhistory : 0, next = 0;
	char *typed = NULL, *result = NULL, *hint;
	enum lineedit_result r;
	int key;

	lineedit_init(&le, ps->initial);
	for (;;) {
		hint = ps->hint != NULL ? ps->hint(ps->hint_arg, le.text.data) :
		    NULL;
		draw_prompt(p, ps->label, &le, hint);
		free(hint);
		key = term_key(250);
		if (term_quit_requested() == SIGINT) {
			term_quit_forget();	/* Ctrl-C cancels the prompt only */
			break;
		}
		if (term_quit_requested()) {
			if (ps->flags & PROMPT_KEEP)
				result = xstrdup(le.text.data);
			break;
		}
		if (key == -1)
			continue;
		if (key == KEYMAP_RESIZE) {
			pager_relayout(p);
			draw_screen(p);
			continue;
		}
		if (key == KEYMAP_TAB && ps->complete != NULL) {
			complete_next(&le, &typed, &next, ps->complete,
			    ps->ncomplete);
			continue;
		}
		free(typed);
		typed = NULL;
		if (history != NULL && (key == KEYMAP_UP || key == KEYMAP_DOWN)) {
			if (key == KEYMAP_UP && hist > 0)
				hist--;
			else if (key == KEYMAP_DOWN && hist < *nhistory)
				hist++;
			lineedit_set(&le, hist < *nhistory ? (*history)[hist] : "");
			continue;
		}
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
	lineedit_free(&le);
	term_cursor(0, 0, 0);
	return result;
}
