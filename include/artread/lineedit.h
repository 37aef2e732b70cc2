/*
 * lineedit.h: the editor behind the pager's prompts (search, tag names:
 * one line) and the note editor (several lines): a UTF-8 string and a
 * cursor, edited by keys.  It knows nothing of the screen.  No curses
 * here.
 */
#ifndef ARTREAD_LINEEDIT_H
#define ARTREAD_LINEEDIT_H

#include <stddef.h>

#include "artread/util.h"

struct lineedit {
	struct buf	text;
	size_t		cursor;		/* byte offset, on a character start */
	int		multiline;	/* Alt-Enter inserts a line break */
};

enum lineedit_result {
	LINEEDIT_CONTINUE,
	LINEEDIT_ACCEPT,	/* Enter */
	LINEEDIT_CANCEL,	/* Esc, Ctrl-G */
	LINEEDIT_UNHANDLED,	/* a key the editor does not use */
};

void lineedit_init(struct lineedit *le, const char *initial);
void lineedit_free(struct lineedit *le);
void lineedit_set(struct lineedit *le, const char *text);
/*
 * Apply a key (keymap codes): printable characters insert; Left, Right,
 * Home, End, Ctrl-A/E/B/F move; Backspace, Delete, Ctrl-D/K/U/W delete;
 * Enter accepts; Esc and Ctrl-G cancel.
 *
 * With multiline set, the text is lines separated by '\n': Alt-Enter
 * inserts a line break; Up and Down (Ctrl-P, Ctrl-N) go to the line
 * above or below, at the same character column as far as it reaches;
 * Home, End, Ctrl-A, Ctrl-E, Ctrl-U and Ctrl-K work on the cursor's
 * line (Ctrl-K at a line's end joins the next line to it).  Enter still
 * accepts.
 */
enum lineedit_result lineedit_key(struct lineedit *le, int key);
/*
 * Insert pasted text (UTF-8, n bytes) at the cursor, whole: its line
 * breaks (LF, CR, CR LF) are line breaks with multiline set, spaces
 * otherwise, and the line breaks that end it are dropped; a tab is a
 * space; other control characters and invalid bytes are dropped.
 */
void lineedit_paste(struct lineedit *le, const char *s, size_t n);

#endif
