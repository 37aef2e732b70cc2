/*
 * theme.h: a colour theme: a name, a one-line description, a style for
 * every STYLE_EL_* element and styles for annotation tags.  Themes are
 * INI files NAME.ini found through paths.h:
 *
 *	[theme]
 *	description = Dark background, 256 colours
 *	inherit = default	; optional: start from another theme
 *	[styles]
 *	headline = fg=231,bold	; one line per element (style.h)
 *	[tags]
 *	claim = fg=203,underline
 *
 * A value holding '#' (an "#rrggbb" colour) must be double-quoted: an
 * unquoted '#' or ';' starts a comment.  A child replaces its parent's
 * styles element by element.  No curses here.
 *
 * A theme file make compiled (tools/themec.c: its bytes and what they
 * load to, struct theme_compiled) is taken as it is, without parsing,
 * when the file found holds exactly those bytes (theme_add_compiled):
 * the default theme costs no INI round trip at start, and an edited
 * file is still read as written.
 */
#ifndef ARTREAD_THEME_H
#define ARTREAD_THEME_H

#include <stddef.h>

#include "artread/diag.h"
#include "artread/style.h"

struct theme_tag {
	char		*name;
	struct style	 style;
};

struct theme {
	char		 *name;		/* file name without .ini */
	char		 *description;
	char		 *path;		/* the file read; NULL if built in */
	struct style	  el[STYLE_EL__COUNT];
	/* 1 if the theme (or one it inherits) styles the element; the
	 * others have the built-in attributes-only style */
	unsigned char	  set[STYLE_EL__COUNT];
	struct theme_tag *tags;
	size_t		  ntags;
};

/*
 * Load the theme NAME.ini from the theme directories (the user's wins),
 * following inherit chains.  Problems go to d as "FILE:LINE: ..."; a bad
 * line is skipped and the rest still loads.  NULL (with an error) if the
 * theme is not found or cannot be parsed at all.
 */
/* A theme file without inherit, as tools/themec.c writes it. */
struct theme_compiled {
	const char		*text;		/* the file's bytes */
	size_t			 len;
	const char		*description;
	struct style		 el[STYLE_EL__COUNT];
	unsigned char		 set[STYLE_EL__COUNT];
	const char *const	*tag_names;
	const struct style	*tag_styles;
	size_t			 ntags;
	const char		*name;		/* "default" for default.ini */
};

/*
 * Known from now on to theme_load and theme_load_file (kept, not
 * copied; at most THEME_COMPILED_MAX).  A compiled theme no file on the
 * theme path holds is still there: theme_load and inherit take it by
 * its name (with path NULL) and theme_list lists it, so artread has its
 * default theme without themes/default.ini on disk.
 */
#define THEME_COMPILED_MAX	8
void theme_add_compiled(const struct theme_compiled *c);

struct theme *theme_load(const char *name, struct diag *d);
/* The same for a name a file gave: where ("config.ini:2") begins the
 * message if it cannot be loaded, so the user knows what to fix. */
struct theme *theme_load_at(const char *name, const char *where,
    struct diag *d);
/* The same for one file; inherit looks beside it first, then the dirs. */
struct theme *theme_load_file(const char *path, struct diag *d);
/*
 * The built-in fallback, used when no theme file can be read: no
 * colours, attributes only (bold headline, italic quotes, underlined
 * entities, reverse cursor, ...).  Never NULL.
 */
struct theme *theme_builtin(void);
void theme_free(struct theme *t);

/*
 * A copy for a terminal without colour (NO_COLOR, --color=never, vt100):
 * colours dropped.  Text, headline, search, current match, selection,
 * cursor, quotes, entities, control and invalid bytes take the built-in
 * attributes (theme_builtin()) so they stay distinguishable; other
 * elements keep the theme's attributes, or the built-in ones if it had
 * none.
 */
struct theme *theme_no_color(const struct theme *t);
/*
 * A copy whose colours are the nearest a terminal with ncolors colours
 * has (8, 16, 256; more keeps #rrggbb); under 8 it is theme_no_color().
 */
struct theme *theme_fit(const struct theme *t, int ncolors);

/* The style of an element. */
struct style theme_style(const struct theme *t, enum style_element el);
/* The style of a tag, or of STYLE_EL_TAG if the theme has none for it. */
struct style theme_tag_style(const struct theme *t, const char *tag);
/* 1 if the theme styles this tag itself. */
int theme_has_tag(const struct theme *t, const char *tag);

/*
 * The names of all themes found in the theme directories and of the
 * compiled ones, sorted, each once (util_free_list(names, n) frees them).
 */
size_t theme_list(char ***names);

#endif
