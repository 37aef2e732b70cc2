/*
 * style.h: a display style (foreground, background, attributes) and the
 * theme elements that name one.  Used by the theme loader, the painter and
 * both output backends (curses and ANSI).  No curses here.
 */
#ifndef ARTREAD_STYLE_H
#define ARTREAD_STYLE_H

/*
 * A colour is STYLE_COLOR_UNSET (take the layer below), STYLE_COLOR_DEFAULT
 * (the terminal's default), 0..255 (palette index; 0-7 the basic colours,
 * 8-15 the bright ones) or STYLE_RGB(r, g, b) for a #rrggbb colour.
 */
#define STYLE_COLOR_UNSET	(-2)
#define STYLE_COLOR_DEFAULT	(-1)
#define STYLE_RGB_FLAG		0x1000000
#define STYLE_RGB(r, g, b)	(STYLE_RGB_FLAG | ((r) << 16) | ((g) << 8) | (b))
#define STYLE_IS_RGB(c)		((c) >= 0 && ((c) & STYLE_RGB_FLAG))

enum style_attr {
	STYLE_BOLD	= 1 << 0,
	STYLE_UNDERLINE	= 1 << 1,
	STYLE_REVERSE	= 1 << 2,
	STYLE_DIM	= 1 << 3,
	STYLE_ITALIC	= 1 << 4,
	STYLE_BLINK	= 1 << 5,
	STYLE_STANDOUT	= 1 << 6,
};

struct style {
	int		fg;
	int		bg;
	unsigned	attrs;
};

/* Every element a theme styles: X(ENUM_SUFFIX, "ini-key", "description"). */
#define STYLE_ELEMENTS(X)						\
	X(TEXT,		"text",		"body text")			\
	X(HEADLINE,	"headline",	"the article's headline")	\
	X(DIM,		"dim",		"secondary text")		\
	X(STATUS,	"status",	"status line")			\
	X(PROMPT,	"prompt",	"prompt and its input")		\
	X(MESSAGE,	"message",	"informational message")	\
	X(ERROR,	"error",	"error message")		\
	X(SEARCH,	"search",	"search match")			\
	X(CURRENT_MATCH, "current-match", "the current search match")	\
	X(SELECTION,	"selection",	"selected text")		\
	X(CURSOR,	"cursor",	"the word cursor")		\
	X(QUOTE,	"quote",	"quoted passage")		\
	X(QUOTE_MARK,	"quote-mark",	"quotation marks")		\
	X(SPEAKER,	"speaker",	"who is quoted")		\
	X(SCARE_QUOTE,	"scare-quote",	"one- or two-word quote")	\
	X(PERSON,	"person",	"person")			\
	X(ORG,		"org",		"organisation")			\
	X(PLACE,	"place",	"place")			\
	X(DATE,		"date",		"date")				\
	X(TIME,		"time",		"time of day")			\
	X(MONEY,	"money",	"amount of money")		\
	X(PERCENT,	"percent",	"percentage")			\
	X(EMAIL,	"email",	"e-mail address")		\
	X(URL,		"url",		"web address")			\
	X(HANDLE,	"handle",	"@handle")			\
	X(HASHTAG,	"hashtag",	"#hashtag")			\
	X(CONTROL,	"control",	"control character shown as ^X")\
	X(INVALID,	"invalid",	"invalid UTF-8 byte")		\
	X(MARGIN,	"margin",	"left margin")			\
	X(NOTE_MARK,	"note-mark",	"margin mark of a noted row")	\
	X(PANEL,	"panel",	"panel text")			\
	X(PANEL_SELECTED, "panel-selected", "panel's current line")	\
	X(PANEL_TITLE,	"panel-title",	"panel title")			\
	X(TAG,		"tag",		"annotation without a tag style")	\
	X(DIFF_DELETED,	"diff-deleted",	"words deleted (differences view)") \
	X(DIFF_INSERTED, "diff-inserted", "words inserted (differences view)") \
	X(DIFF_FOLD,	"diff-fold",	"unchanged paragraphs folded")

enum style_element {
#define STYLE_ENUM(e, key, desc) STYLE_EL_##e,
	STYLE_ELEMENTS(STYLE_ENUM)
#undef STYLE_ENUM
	STYLE_EL__COUNT
};

/* The INI key of an element ("current-match"), and back; -1 if unknown. */
const char *style_element_name(enum style_element el);
int style_element_from_name(const char *name);

/* A style that changes nothing when layered. */
struct style style_unset(void);
/* Lay top over base: set colours replace, attributes add up. */
struct style style_layer(struct style base, struct style top);
/* (inline: the painter compares a style for every cell) */
static inline int
style_equal(struct style a, struct style b)
{
	return a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs;
}

/*
 * Parse "fg=yellow,bg=default,bold,underline" (also "yellow on blue bold").
 * Returns 0, or -1 with *err set to a static message.
 */
int style_parse(const char *text, struct style *out, const char **err);
/* Parse one colour: names, bright-NAME, 0-255, colourN, #rrggbb, default. */
int style_parse_color(const char *text, int *out);
/* Map any colour to the nearest of the first ncolors palette entries. */
int style_nearest_color(int color, int ncolors);

#endif
