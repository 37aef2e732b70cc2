/*
 * ui.h: the curses pager's internal interface (src/ui/ only).
 *
 *	term.c		curses set-up and teardown, colours, keys, drawing
 *	pager.c		the pager: state, commands, the main loop
 *	draw.c		the body and status line
 *	prompt.c	the bottom-line prompt (search, notes, tags)
 *	panel.c		full-screen lists: help, annotations, quotes, entities
 */
#ifndef ARTREAD_UI_H
#define ARTREAD_UI_H

#include <stddef.h>

#include "artread/action.h"
#include "artread/article.h"
#include "artread/config.h"
#include "artread/keymap.h"
#include "artread/layout.h"
#include "artread/lineedit.h"
#include "cli/opts.h"
#include "artread/paint.h"
#include "artread/search.h"
#include "artread/theme.h"
#include "artread/view.h"
#include "pager_api.h"

/* --- term.c --- */

/* Start curses (keys from /dev/tty when stdin is not a terminal).
 * Returns 0, or -1 with *cause. */
int term_start(int mouse, char **cause);
void term_end(void);
int term_rows(void);
int term_cols(void);
int term_colors(void);		/* 0 when colours are off */
void term_use_colors(int on);
/* Wait for a key (keymap codes); -1 on timeout (ms, -1 = forever). */
int term_key(int timeout_ms);
void term_draw_line(int y, int x, const struct paint_line *l, int max_cols,
    struct style fill);
void term_draw_text(int y, int x, const char *s, struct style st,
    int max_cols);
void term_clear_line(int y, struct style st);
void term_cursor(int y, int x, int visible);
void term_refresh(void);
void term_redraw_all(void);
/* The signal that asked us to quit (SIGINT, SIGTERM, SIGHUP), or 0; and
 * forget it (Ctrl-C in a prompt or panel only cancels that). */
int term_quit_requested(void);
void term_quit_forget(void);

/* --- pager.c --- */

struct pager_file {
	struct article	*art;
	size_t		 cursor;	/* byte offset of the cursor word */
	size_t		 top;		/* first byte on screen when left */
	size_t		 marks[26];
	unsigned char	 has_mark[26];
	size_t		 last_jump;
	int		 has_last_jump;
	int		 visited;	/* position restored */
	int		 loaded;	/* annotations loaded */
};

struct pager {
	struct pager_file	*files;
	int			 nfiles;
	int			 cur;
	const struct opts	*o;
	struct config		*cfg;
	struct theme		*theme_src;	/* as loaded */
	struct theme		*theme;		/* fitted to the terminal */
	char			**themes;
	size_t			 nthemes;
	int			 no_color;
	struct view		 view;
	int			 view_ok;
	int			 margin;
	size_t			 anchor;	/* top byte to keep on resize */
	int			 jumped;	/* this key jumped (g, G, %, marks) */
	enum action_mode	 mode;
	size_t			 sel_anchor;
	struct search		*search;
	int			 search_back;
	struct range		 match;
	int			 has_match;
	char			*msg;
	int			 msg_error;
	long			 count;
	unsigned		 layers;
	int			 quit;
	int			 quit_confirm;	/* q could not save: warn */
	int			 quit_armed;	/* ... so this q quits anyway */
	char			**history;
	size_t			 nhistory;
	struct layout_cells	 cells;
	struct paint_line	 line;
	struct paint_hls	 hls;
};


void pager_message(struct pager *p, int error, const char *fmt, ...)
    AR_PRINTF(3, 4);
struct pager_file *pager_file(struct pager *p);
void pager_relayout(struct pager *p);
/* Where the annotations are saved, for the status line (free it; NULL
 * before they are loaded): the sidecar's name when it is beside the
 * article, else its whole path and why. */
char *pager_where(struct pager *p);
/* Can annotations change now?  If not, a message says why. */
int pager_writable(struct pager *p);
/* Save the annotations after a change; the status line says how it went. */
void pager_save(struct pager *p, const char *done);
/* Move the cursor to off and scroll to show it (a jump remembers ''). */
void pager_jump(struct pager *p, size_t off);

/* --- draw.c --- */

void draw_screen(struct pager *p);
/* The element styles of the current theme. */
const struct style *draw_styles(const struct pager *p);
/* Make text from outside (names, messages) safe to draw, in place. */
void draw_make_safe(char *s);

/* --- prompt.c --- */

/*
 * Ask on the bottom line.  Returns the text (free it) on Enter, NULL on
 * Esc, Ctrl-G or Ctrl-C.  history (may be NULL) is browsed with Up/Down;
 * complete (may be NULL) offers completions on Tab.  With PROMPT_KEEP,
 * a SIGTERM or SIGHUP (the terminal closing) returns what was typed, so
 * that the caller can save it before the pager quits.
 */
#define PROMPT_KEEP	1
char *prompt_ask(struct pager *p, const char *label, const char *initial,
    char ***history, size_t *nhistory,
    const char *const *complete, size_t ncomplete, int flags);

/* --- panel.c --- */

void panel_help(struct pager *p);
void panel_annotations(struct pager *p);
void panel_quotes(struct pager *p);
void panel_entities(struct pager *p);

#endif
