/*
 * config.h: the user's settings from config.ini, read through an options
 * schema table (name, type, default, range, help) so that unknown names
 * are warnings with a suggestion and bad values are errors "FILE:LINE:".
 * The file is read through ini.h.
 *
 *	[general]	theme, width, reflow, remember_position,
 *			reading_speed, threads, mouse, wrap_search, clipboard,
 *			clipboard_command, store_limit
 *	[highlight]	quotes, entities
 *	[tags]		DIGIT = NAME [, STYLE]	(the tag palette)
 *	[keys]		ACTION = KEY [KEY...]	(see keymap.h)
 *
 * docs/config.example.ini documents every setting.
 */
#ifndef ARTREAD_CONFIG_H
#define ARTREAD_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "artread/diag.h"
#include "artread/style.h"

struct keymap;

/* One entry of the tag palette: the key 1..9 applies the tag. */
struct config_tag {
	char		*name;		/* NULL: this digit has no tag */
	int		 has_style;	/* style given in config.ini */
	struct style	 style;		/* wins over the theme's [tags] */
};

#define CONFIG_TAG_KEYS	10		/* tags[1]..tags[9]; tags[0] unused */

struct config {
	/* [general] */
	char		*theme;		/* theme name, "default" */
	int		 width;		/* text width cap, 0 = none; 100 */
	int		 reflow;	/* re-wrap paragraphs; 1 */
	int		 remember_position; /* reopen where left; 1 */
	int		 reading_speed;	/* words per minute; 230 */
	int		 threads;	/* for long analyses; 0 = a core each */
	int		 mouse;		/* mouse wheel and clicks; 1 */
	int		 wrap_search;	/* search wraps around; 1 */
	int		 store_limit;	/* MiB of kept texts (track.h); 256 */
	char		*clipboard;	/* "osc52", "command", "off" */
	char		*clipboard_command; /* "" or a shell command line */
	/* [highlight]: the layers shown at start */
	int		 hl_quotes;	/* 1 */
	int		 hl_entities;	/* 1 */
	/* [tags] */
	struct config_tag tags[CONFIG_TAG_KEYS];
	/* [keys]: defaults plus the user's changes; never NULL */
	struct keymap	*keymap;
	/* the file read, NULL if none */
	char		*path;
	int		 theme_line;	/* where path sets theme; 0: not */
};

/* Fill in the defaults (including the default key map). */
void config_init(struct config *cfg);
void config_free(struct config *cfg);

/*
 * Load the config: override (--config FILE, which must exist) or the
 * user's file (missing is fine).  Problems go to d; returns -1 if there
 * were errors (the settings that were fine are kept, the rest default).
 * cfg must have been through config_init().
 */
int config_load(struct config *cfg, const char *override, struct diag *d);
/* Load one file over cfg; it must exist. */
int config_load_file(struct config *cfg, const char *path, struct diag *d);

/* "FILE:LINE" of the theme setting (for messages), or NULL if the
 * theme is the default one.  Free it. */
char *config_theme_where(const struct config *cfg);

/* The palette entry for key '1'..'9' (or 1..9), or NULL. */
const struct config_tag *config_tag_for_key(const struct config *cfg,
    int key);
/* The digit of a tag name (1..9), or 0. */
int config_tag_key(const struct config *cfg, const char *name);

/* The palette as "1 claim" entries with sep between them, appended to
 * out (tag names come from the user's file: make them safe to show). */
struct buf;
void config_palette(const struct config *cfg, const char *sep,
    struct buf *out);
/* The palette for --help and the help screen: a heading, one a line. */
void config_palette_help(const struct config *cfg, struct buf *out);

/* Print every option with its default and help (for docs and --help). */
void config_print_options(FILE *out);

#endif
