/*
 * ui.h: the curses pager's internal interface (src/ui/ only).
 *
 *	term.c		curses set-up and teardown, colours, keys, drawing
 *	pager.c		the pager: state, files, scrolling, the main loop
 *	pager_nav.c	quotes and entities (Tab J K * #), what is under
 *			the cursor
 *	pager_select.c	the selection (v s p o and select mode)
 *	pager_search.c	search (/ ? n N) and marks (m ')
 *	pager_annot.c	annotation commands (tags, notes, x u ^R ] [ c X)
 *	pager_copy.c	y and Y: the selection to the clipboard
 *	pager_diff.c	D: the differences view
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
/* Wait for a key (keymap codes); -1 on timeout (ms, -1 = forever).
 * KEYMAP_PASTE: a bracketed paste, whose text term_paste gives. */
int term_key(int timeout_ms);
/* The text of the last KEYMAP_PASTE (UTF-8, *n bytes; at most 1 MiB:
 * *cut says whether more was dropped). */
const char *term_paste(size_t *n, int *cut);
void term_draw_line(int y, int x, const struct paint_line *l, int max_cols,
    struct style fill);
void term_draw_text(int y, int x, const char *s, struct style st,
    int max_cols);
void term_clear_line(int y, struct style st);
void term_cursor(int y, int x, int visible);
void term_refresh(void);
/* Write bytes to the terminal as they are, after what curses has drawn
 * (an OSC 52 sequence); the screen is not touched. */
void term_write_raw(const char *s, size_t n);
void term_redraw_all(void);
/* The signal that asked us to quit (SIGINT, SIGTERM, SIGHUP), or 0; and
 * forget it (Ctrl-C in a prompt or panel only cancels that). */
int term_quit_requested(void);
void term_quit_forget(void);

/* --- pager.c --- */

struct pager_file {
	struct article	*art;		/* NULL while pending */
	char		*pending;	/* a URL fetched when first shown */
	size_t		 cursor;	/* byte offset of the cursor word */
	size_t		 top;		/* first byte on screen when left */
	size_t		 marks[26];	/* m + letter (pager_search.c) */
	unsigned char	 has_mark[26];
	size_t		 last_jump;	/* where '' goes back to */
	int		 has_last_jump;
	int		 visited;	/* position restored */
	int		 loaded;	/* annotations loaded */
	char		*save_error;	/* why the last save failed, or NULL */
	char		*load_error;	/* why its annotations are read-only
					   (damaged), in full: = shows it */
	/* change tracking (pager.c, pager_diff.c) */
	int		 kept;		/* the text is kept in the store */
	char		 sha[65];	/* the text's SHA-256 once kept, or "" */
	char		 prev[65];	/* the version read before, or "" */
	enum doc_change	 disk;		/* what happened on disk, last seen */
};

/* The last search (pager_search.c): n and N repeat it. */
struct pager_search {
	struct search	*pat;		/* NULL before the first search */
	int		 backward;	/* it was ? rather than / */
	struct range	 match;		/* the match the cursor went to */
	int		 has_match;
	char		**history;	/* patterns typed, oldest first */
	size_t		 nhistory;
	size_t		 from;		/* after a jump: the next search */
	int		 has_from;	/* starts here, not after it */
	char		*filter;	/* & in force: its pattern, or NULL */
};

struct pager {
	/* the articles and the settings */
	struct pager_file	*files;
	int			 nfiles;
	int			 cur;
	struct buf		 open_errors;	/* pending files that could
						   not be opened: stderr */
	const struct opts	*o;
	struct config		*cfg;
	/* the look */
	struct theme		*theme_src;	/* as loaded */
	struct theme		*theme;		/* fitted to the terminal */
	char			**themes;
	size_t			 nthemes;
	int			 no_color;
	unsigned		 layers;	/* PAINT_LAYER_* shown */
	/* the screen */
	struct view		 view;
	int			 view_ok;
	int			 margin;
	size_t			 anchor;	/* top byte to keep on resize */
	int			 jumped;	/* this key jumped (g, G, %, marks) */
	/* the command being typed, and what it works on */
	enum action_mode	 mode;
	size_t			 sel_anchor;	/* select mode: where it began */
	long			 count;		/* a number typed first */
	int			 prefix[KEYMAP_SEQ_MAX];	/* Z of ZZ: keys
						   waiting for the next */
	size_t			 nprefix;
	struct pager_search	 search;
	/* the status line */
	char			*msg;
	int			 msg_error;
	/* annotations (pager_annot.c): the one chosen with c among those
	 * at the cursor, and a range shown until the next key */
	char			*pick_id;
	size_t			 pick_at;
	struct range		 flash;
	int			 has_flash;
	int			 legend_prompt;	/* the tag prompt is open */
	/* quitting */
	int			 quit;
	int			 quit_confirm;	/* q could not save: warn */
	int			 quit_armed;	/* ... so this q quits anyway */
	/* scratch space for drawing a row */
	struct layout_cells	 cells;
	struct paint_line	 line;
	struct paint_hls	 hls;
};

void pager_message(struct pager *p, int error, const char *fmt, ...)
    AR_PRINTF(3, 4);
struct pager_file *pager_file(struct pager *p);
const struct doc *pager_doc(struct pager *p);
void pager_relayout(struct pager *p);
/* Keep the cursor on screen after scrolling. */
void pager_follow_cursor(struct pager *p);
/* Move the cursor to off and scroll as little as needed to show it. */
void pager_move_cursor(struct pager *p, size_t off);
/* Move the cursor to off and scroll to show it (a jump remembers ''). */
void pager_jump(struct pager *p, size_t off);
/* The view is about to jump: remember where it was for ''. */
void pager_remember_jump(struct pager *p);
/* Show prompt on the status line and wait for one key (after m, ' or :),
 * following window resizes meanwhile; the prompt goes when it comes. */
int pager_ask_key(struct pager *p, const char *prompt);

/*
 * Each pager_NAME.c runs one group of commands: pager_NAME_action(p, a)
 * returns 1 if a is one of them (and has run it), else 0.  pager.c asks
 * each group in turn (action_handlers).
 */

/* The key the current article is kept under in the version store (free
 * it); its text is hashed here if it was not before. */
char *pager_store_key(struct pager *p);

/* --- pager_diff.c --- */

int pager_diff_action(struct pager *p, enum action a);

/* --- pager_nav.c --- */

int pager_nav_action(struct pager *p, enum action a);
/* What is under the cursor ("PERSON Zhou Mingyu · quote by Li"), or
 * NULL (free it). */
char *pager_nav_under_cursor(struct pager *p);

/* --- pager_select.c --- */

int pager_select_action(struct pager *p, enum action a);
/* The selection as a byte range [*s, *e) (in select mode). */
void pager_selection(struct pager *p, size_t *s, size_t *e);

/* --- pager_search.c --- */

int pager_search_action(struct pager *p, enum action a);
/* Make s the search n and N repeat (forward); the pager owns it now. */
void pager_search_use(struct pager *p, struct search *s);
void pager_search_free(struct pager_search *s);

/* --- pager_annot.c --- */

int pager_annot_action(struct pager *p, enum action a);
/* 1-9 in select mode: tag with the palette's tag on that digit. */
void pager_annot_tag_digit(struct pager *p, int digit);
/*
 * The annotation under the cursor, or NULL: the deepest of those there,
 * or the one chosen with c.  pager_annot_here also says which of how
 * many it is (deepest first; *nth and *count may be NULL).
 */
const struct annot *pager_annot_under_cursor(struct pager *p);
const struct annot *pager_annot_here(struct pager *p, size_t *nth,
    size_t *count);
/* Make a the one under the cursor (when the cursor is on its start). */
void pager_annot_pick(struct pager *p, const struct annot *a);
/* Delete annotation id (x here or in the A panel); the message says
 * what it was and that u undoes. */
void pager_annot_delete(struct pager *p, const char *id);
/* Where the annotations are saved, for the status line (free it; NULL
 * before they are loaded): the sidecar's name when it is beside the
 * article, else its whole path and why. */
char *pager_annot_where(struct pager *p);
/* Can annotations change now?  If not, a message says why. */
int pager_annot_writable(struct pager *p);
/* Save the annotations after a change; the status line says how it went. */
void pager_annot_save(struct pager *p, const char *done);
/*
 * Save every article whose annotations changed since their last good
 * save (a save that failed is retried here).  0 if nothing is left
 * unsaved; -1 with a message naming the first that could not be saved.
 */
int pager_annot_save_pending(struct pager *p);
/*
 * Quitting: what could not be saved goes to a rescue file (rescue.h);
 * report gets what to say on stderr once the screen is gone.  Returns
 * how many articles had unsaved changes (the exit status is then 2).
 */
int pager_annot_rescue(struct pager *p, struct buf *report);
/* After loading: offer what a rescue file holds for this article. */
void pager_annot_offer_rescue(struct pager *p);
/* Then: annotations a renamed article left with this very text are
 * offered (y adopts them: sidecar_adopt). */
void pager_annot_offer_adopt(struct pager *p);

/* --- pager_copy.c --- */

int pager_copy_action(struct pager *p, enum action a);

/* --- draw.c --- */

void draw_screen(struct pager *p);
/* Where the view is, as the status line says it: "12/90 13%", "13%". */
void draw_position(struct pager *p, char *buf, size_t n);
/* The element styles of the current theme. */
const struct style *draw_styles(const struct pager *p);
/* The style an annotation is painted in (its first tag's). */
struct style draw_annot_style(const struct pager *p, const struct annot *an);
/* "changed; was: “has said the data is safe.”" for an annotation that is
 * not exact (moved, changed, orphan), or NULL (free it; not yet safe). */
char *draw_anchor_note(const struct annot *a, size_t max);
/* Text from outside (names, messages) made safe to draw: a new string
 * (free it), shown as termsafe shows it. */
char *draw_safe(const char *s);
/* The same for a message (pager_message's): a tab in what it quotes is
 * shown (^I), as on the CLI's standard error, not a blank that hides. */
char *draw_safe_msg(const char *s);
/* The same for text of several lines: each '\n' stays. */
char *draw_safe_lines(const char *s);
/* Rows the tag palette's legend takes above the status line: one while
 * selecting, what it needs in the tag prompt, else none. */
int draw_legend_rows(struct pager *p);

/* --- prompt.c --- */

/*
 * Ask on the bottom line.  Returns the text (free it) on Enter, NULL on
 * Esc, Ctrl-G or Ctrl-C.  history (may be NULL) is browsed with Up/Down;
 * complete (may be NULL) offers completions on Tab; with PROMPT_FILES
 * Tab offers the file names that start with what was typed (directories
 * end in /; ~/ is the home directory).  With PROMPT_KEEP, a SIGTERM or
 * SIGHUP (the terminal closing) returns what was typed, so that the
 * caller can save it before the pager quits.
 */
#define PROMPT_KEEP	1
#define PROMPT_FILES	2
char *prompt_ask(struct pager *p, const char *label, const char *initial,
    char ***history, size_t *nhistory,
    const char *const *complete, size_t ncomplete, int flags);
/*
 * A prompt with a switch: the key (Ctrl-R at the search prompt, for
 * literal text) turns it on and off, and while it is on the prompt shows
 * the other label.  t->on is where it was left.
 */
struct prompt_toggle {
	int		 key;
	const char	*label;		/* the label while on */
	int		 on;
};
char *prompt_ask_toggle(struct pager *p, const char *label,
    struct prompt_toggle *t, char ***history, size_t *nhistory);

/* The same with every option: hint (may be NULL) gives what to show,
 * dimmed, after the text typed so far (a new string, or NULL). */
struct prompt_spec {
	const char		 *label;
	const char		 *initial;
	char			***history;
	size_t			 *nhistory;
	const char *const	 *complete;
	size_t			  ncomplete;
	int			  flags;
	char			*(*hint)(void *arg, const char *text);
	void			 *hint_arg;
	struct prompt_toggle	 *toggle;	/* or NULL */
};
char *prompt_run(struct pager *p, const struct prompt_spec *ps);

/*
 * The note editor: several lines, wrapped, over the bottom of the screen
 * (at most half of it; it scrolls).  Enter saves, Alt-Enter starts a new
 * line, Esc cancels.  Returns the text (free it) or NULL; like
 * PROMPT_KEEP, a SIGTERM or SIGHUP returns what was typed.
 */
char *prompt_note(struct pager *p, const char *initial);

/* --- panel.c --- */

void panel_help(struct pager *p);
/*
 * A page of text (lines; made safe here) wrapped to the window, scrolled
 * with j k Space b g G; q or Esc closes it and gives 0.  keys (may be
 * NULL) are more keys that close it: the one pressed is returned.
 */
int panel_text(struct pager *p, const char *title, const char *hint,
    const char *text, const char *keys);
void panel_annotations(struct pager *p);
void panel_quotes(struct pager *p);
void panel_entities(struct pager *p);

#endif
