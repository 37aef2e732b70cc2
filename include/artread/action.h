/*
 * action.h: every command a key can run, as one X-macro table.  The table
 * gives the command's config name, the mode it works in and its help text;
 * the key map, the help screen, --help and the man page's key list all
 * come from it.  No curses here.
 */
#ifndef ARTREAD_ACTION_H
#define ARTREAD_ACTION_H

enum action_mode {
	ACTION_MODE_PAGER,	/* reading */
	ACTION_MODE_SELECT,	/* a selection is being extended (after v) */
	ACTION_MODE__COUNT
};

/* X(ENUM_SUFFIX, "config_name", MODE, "help text") */
#define ACTION_LIST(X)							\
	X(LINE_DOWN,	"line_down",	PAGER, "scroll down one line")	\
	X(LINE_UP,	"line_up",	PAGER, "scroll up one line")	\
	X(PAGE_DOWN,	"page_down",	PAGER, "scroll down one page")	\
	X(PAGE_UP,	"page_up",	PAGER, "scroll up one page")	\
	X(HALF_DOWN,	"half_page_down", PAGER, "scroll down half a page") \
	X(HALF_UP,	"half_page_up",	PAGER, "scroll up half a page")	\
	X(TOP,		"top",		PAGER, "go to the top (NNg: to row NN)") \
	X(BOTTOM,	"bottom",	PAGER, "go to the end")		\
	X(PERCENT,	"percent",	PAGER, "NN%: go NN percent into the file") \
	X(SEARCH_FORWARD, "search_forward", PAGER, "search forward (Ctrl-R at the prompt: literal text)") \
	X(SEARCH_BACKWARD, "search_backward", PAGER, "search backward for a pattern") \
	X(SEARCH_NEXT,	"search_next",	PAGER, "next match")		\
	X(SEARCH_PREV,	"search_prev",	PAGER, "previous match")	\
	X(SET_MARK,	"set_mark",	PAGER, "set a mark (m + letter)") \
	X(GOTO_MARK,	"goto_mark",	PAGER, "go to a mark (' + letter; '' goes back)") \
	X(NEXT_FILE,	"next_file",	PAGER, "next file (:n)")	\
	X(PREV_FILE,	"prev_file",	PAGER, "previous file (:p)")	\
	X(COLON,	"colon",	PAGER, "colon command: :n :p :e :q") \
	X(WORD_NEXT,	"word_next",	PAGER, "cursor to the next word") \
	X(WORD_PREV,	"word_prev",	PAGER, "cursor to the previous word") \
	X(SENTENCE_NEXT, "sentence_next", PAGER, "cursor to the next sentence") \
	X(SENTENCE_PREV, "sentence_prev", PAGER, "cursor to the previous sentence") \
	X(PARA_NEXT,	"paragraph_next", PAGER, "cursor to the next paragraph") \
	X(PARA_PREV,	"paragraph_prev", PAGER, "cursor to the previous paragraph") \
	X(HIGHLIGHT_NEXT, "highlight_next", PAGER, "cursor to the next highlight") \
	X(HIGHLIGHT_PREV, "highlight_prev", PAGER, "cursor to the previous highlight") \
	X(QUOTE_NEXT,	"next_quote",	PAGER, "cursor to the next quote") \
	X(QUOTE_PREV,	"prev_quote",	PAGER, "cursor to the previous quote") \
	X(SAME_NEXT,	"next_same",	PAGER, "next mention of the entity under " \
	    "the cursor (on a quote: the speaker's next quote)")	\
	X(SAME_PREV,	"prev_same",	PAGER, "previous mention of the entity " \
	    "(on a quote: the speaker's previous quote)")		\
	X(FILTER,	"filter",	PAGER, "show only the paragraphs that " \
	    "match (& Enter: all again)")				\
	X(FILE_INFO,	"file_info",	PAGER, "file, size, position and " \
	    "annotation counts")					\
	X(OPEN_FILE,	"open_file",	PAGER, "open another file (:e FILE)") \
	X(SELECT,	"select",	PAGER, "start a selection at the cursor") \
	X(SELECT_SENTENCE, "select_sentence", PAGER, "select the sentence") \
	X(SELECT_PARAGRAPH, "select_paragraph", PAGER, "select the paragraph") \
	X(SELECT_OBJECT, "select_object", PAGER, "select the quote or entity") \
	X(TAG_PALETTE,	"tag_palette",	PAGER, "tag the selection from the palette") \
	X(NOTE,		"note",		PAGER, "add or edit a note")	\
	X(DELETE,	"delete_annotation", PAGER, "delete the annotation under the cursor") \
	X(UNDO,		"undo",		PAGER, "undo the last annotation change") \
	X(REDO,		"redo",		PAGER, "redo")			\
	X(ANNOT_NEXT,	"next_annotation", PAGER, "next annotation")	\
	X(ANNOT_PREV,	"prev_annotation", PAGER, "previous annotation") \
	X(ANNOT_CYCLE,	"cycle_annotation", PAGER, "next of the annotations under the cursor (nested ones)") \
	X(NOTE_VIEW,	"read_notes",	PAGER, "read the notes on the passage in full") \
	X(ANNOT_PANEL,	"annotations_panel", PAGER, "list annotations") \
	X(QUOTES_PANEL,	"quotes_panel",	PAGER, "list quotes")		\
	X(ENTITIES_PANEL, "entities_panel", PAGER, "list entities")	\
	X(LAYERS,	"cycle_layers",	PAGER, "cycle highlights: all, quotes, entities, none") \
	X(THEME,	"cycle_theme",	PAGER, "cycle colour themes")	\
	X(EXPORT,	"export",	PAGER, "export annotations to a file") \
	X(HELP,		"help",		PAGER, "show this help")	\
	X(REDRAW,	"redraw",	PAGER, "redraw the screen")	\
	X(RELOAD,	"reload",	PAGER, "re-read the file from disk")	\
	X(DIFF,		"differences",	PAGER, "differences since the version " \
	    "annotated (or read before), word by word")		\
	X(QUIT,		"quit",		PAGER, "quit")			\
	X(SEL_LEFT,	"select_left",	SELECT, "extend one character left") \
	X(SEL_RIGHT,	"select_right",	SELECT, "extend one character right") \
	X(SEL_WORD_NEXT, "select_word_next", SELECT, "extend to the next word") \
	X(SEL_WORD_PREV, "select_word_prev", SELECT, "extend to the previous word") \
	X(SEL_WORD_END,	"select_word_end", SELECT, "extend to the end of the word") \
	X(SEL_DOWN,	"select_down",	SELECT, "extend one row down")	\
	X(SEL_UP,	"select_up",	SELECT, "extend one row up")	\
	X(SEL_LINE_START, "select_row_start", SELECT, "extend to the start of the row") \
	X(SEL_LINE_END,	"select_row_end", SELECT, "extend to the end of the row") \
	X(SEL_SENTENCE_NEXT, "select_sentence_next", SELECT, "extend to the next sentence") \
	X(SEL_SENTENCE_PREV, "select_sentence_prev", SELECT, "extend to the previous sentence") \
	X(SEL_PARA_NEXT, "select_paragraph_next", SELECT, "extend to the next paragraph") \
	X(SEL_PARA_PREV, "select_paragraph_prev", SELECT, "extend to the previous paragraph") \
	X(SEL_CANCEL,	"select_cancel", SELECT, "cancel the selection") \
	X(SEL_COPY,	"select_copy",	SELECT, "copy the passage to the clipboard") \
	X(SEL_COPY_CITE, "select_copy_citation", SELECT, "copy it with a citation line (a quote's speaker, title, file, note)")

enum action {
	ACTION_NONE = -1,
#define ACTION_ENUM(e, name, mode, help) ACTION_##e,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION__COUNT
};

const char *action_name(enum action a);
/*
 * Does a reading-mode action also work while selecting?  Scrolling does,
 * and so do the commands that act on the selection (t, a, and A, whose
 * r moves an annotation to it), help and
 * redraw; any other key in select mode is refused (keymap_lookup).
 */
int action_in_selection(enum action a);
const char *action_help(enum action a);
enum action_mode action_mode(enum action a);
/* The action called name ("page_down"), or ACTION_NONE. */
enum action action_from_name(const char *name);

#endif
