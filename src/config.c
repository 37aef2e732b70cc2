/*
 * config.c: config.ini through an options schema table (as tmux's
 * options-table.c): each option has a section, name, type, default,
 * range and help, so defaults, checking, suggestions and the option list
 * come from one place.  The file is read through ini.h.
 */
#include "artread/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/annot.h"
#include "artread/ini.h"
#include "artread/keymap.h"
#include "artread/paths.h"
#include "artread/util.h"

enum option_type {
	OPTION_BOOL,
	OPTION_INT,
	OPTION_STRING,
	OPTION_CHOICE,		/* one of choices, "a|b|c" */
	OPTION_COMMAND,		/* a shell command line; may be empty */
};

struct option_def {
	const char		*section;
	const char		*name;
	enum option_type	 type;
	const char		*def;
	int			 min;
	int			 max;
	size_t			 offset;
	const char		*help;
};

#define OFF(f)	offsetof(struct config, f)

static const struct option_def options_table[] = {
	{ "general", "theme", OPTION_STRING, "default", 0, 0, OFF(theme),
	  "colour theme: NAME.ini from a themes directory" },
	{ "general", "width", OPTION_INT, "100", 0, 10000, OFF(width),
	  "widest text column, in cells; 0: the window's width" },
	{ "general", "reflow", OPTION_BOOL, "true", 0, 0, OFF(reflow),
	  "re-wrap paragraphs to the width" },
	{ "general", "remember_position", OPTION_BOOL, "true", 0, 0,
	  OFF(remember_position), "reopen an article where it was left" },
	{ "general", "reading_speed", OPTION_INT, "230", 50, 2000,
	  OFF(reading_speed), "words per minute, for the time left" },
	{ "general", "threads", OPTION_INT, "0", 0, 64, OFF(threads),
	  "threads for analysing a long article; 0: one a core" },
	{ "general", "mouse", OPTION_BOOL, "true", 0, 0, OFF(mouse),
	  "scroll with the mouse wheel" },
	{ "general", "wrap_search", OPTION_BOOL, "true", 0, 0,
	  OFF(wrap_search), "searches wrap around the ends" },
	{ "general", "clipboard", OPTION_CHOICE, "osc52", 0, 0,
	  OFF(clipboard), "how y and Y copy: osc52 (through the terminal), "
	  "command (clipboard_command), off" },
	{ "general", "clipboard_command", OPTION_COMMAND, "", 0, 0,
	  OFF(clipboard_command), "with clipboard = command: the program "
	  "that gets the text on standard input, e.g. wl-copy" },
	{ "general", "store_limit", OPTION_INT, "256", 1, 1048576,
	  OFF(store_limit), "MiB the kept versions of articles may take" },
	{ "highlight", "quotes", OPTION_BOOL, "true", 0, 0, OFF(hl_quotes),
	  "highlight quotes at start" },
	{ "highlight", "entities", OPTION_BOOL, "true", 0, 0,
	  OFF(hl_entities), "highlight names, dates, numbers at start" },
};

#define NITEMS(a)	(sizeof (a) / sizeof (a)[0])

/* The names an OPTION_CHOICE takes, "a|b|c". */
static const struct {
	const char	*name;
	const char	*choices;
} option_choices[] = {
	{ "clipboard",	"osc52|command|off" },
};

static const char *
choices_of(const struct option_def *o)
{
	size_t i;

	for (i = 0; i < NITEMS(option_choices); i++)
		if (strcmp(option_choices[i].name, o->name) == 0)
			return option_choices[i].choices;
	fatalx("no choices for option %s", o->name);
}

static const char *const sections[] = { "general", "highlight", "tags",
	"keys" };

static const char *const default_tags[CONFIG_TAG_KEYS] = {
	NULL, "claim", "evidence", "source", "opinion", "question", "error",
	"important", NULL, NULL
};

/* --- options ----------------------------------------------------- */

static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	size_t i;

	for (i = 0; i < NITEMS(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* Is v one of the names in "a|b|c"? */
static int
is_choice(const char *choices, const char *v)
{
	size_t n = strlen(v);
	const char *p = choices, *bar;

	for (;;) {
		bar = strchr(p, '|');
		if ((bar != NULL ? (size_t)(bar - p) : strlen(p)) == n &&
		    strncmp(p, v, n) == 0)
			return n > 0;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

/* Set an option from text; on error *why says what was expected. */
static int
option_set(struct config *cfg, const struct option_def *o, const char *v,
    char **why)
{
	void *field = (char *)cfg + o->offset;
	char *end;
	long n;
	int b;

	switch (o->type) {
	case OPTION_BOOL:
		if (parse_bool(v, &b) != 0) {
			*why = xstrdup("true or false");
			return -1;
		}
		*(int *)field = b;
		break;
	case OPTION_INT:
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0 || n < o->min ||
		    n > o->max) {
			*why = xasprintf("a number from %d to %d", o->min,
			    o->max);
			return -1;
		}
		*(int *)field = (int)n;
		break;
	case OPTION_STRING:
		if (*v == '\0' || strchr(v, '/') != NULL) {
			*why = xstrdup("a name (no '/')");
			return -1;
		}
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		break;
	case OPTION_CHOICE:
		if (!is_choice(choices_of(o), v)) {
			*why = xasprintf("one of %s", choices_of(o));
			return -1;
		}
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		break;
	case OPTION_COMMAND:
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		break;
	}
	return 0;
}

static const struct option_def *
option_find(const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < NITEMS(options_table); i++)
		if (strcmp(options_table[i].section, section) == 0 &&
		    strcmp(options_table[i].name, name) == 0)
			return &options_table[i];
	return NULL;
}

void
config_init(struct config *cfg)
{
	size_t i;
	char *why = NULL;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < NITEMS(options_table); i++)
		if (option_set(cfg, &options_table[i], options_table[i].def,
		    &why) != 0)
			fatalx("bad default for %s", options_table[i].name);
	for (i = 0; i < CONFIG_TAG_KEYS; i++) {
		const char *tag = default_tags[i];

		cfg->tags[i].name = tag != NULL ? xstrdup(tag) : NULL;
		cfg->tags[i].style = style_unset();
	}
	cfg->keymap = keymap_new();
}

void
config_free(struct config *cfg)
{
	size_t i;

	free(cfg->theme);
	free(cfg->clipboard);
	free(cfg->clipboard_command);
	for (i = 0; i < CONFIG_TAG_KEYS; i++)
		free(cfg->tags[i].name);
	keymap_free(cfg->keymap);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

static void
unknown_key(const struct ini_entry *e, const char *path,
    struct diag *d)
{
	const char *names[NITEMS(options_table)];
	char *hint;
	size_t i, n = 0;

	for (i = 0; i < NITEMS(options_table); i++)
		if (strcmp(options_table[i].section, e->section) == 0)
			names[n++] = options_table[i].name;
	hint = ini_did_you_mean(e->key, names, n, "''");
	diag_warning(d, "%s:%d: unknown setting '%s' in [%s]%s", path,
	    e->line, e->key, e->section, hint);
	free(hint);
}

/* "DIGIT = NAME [, STYLE]"; an empty value takes the tag off the key. */
static int
tag_set(struct config *cfg, const struct ini_entry *e,
    const char *path, struct diag *d)
{
	struct config_tag *t;
	char *copy, *name, *comma, *p, *cause = NULL;
	const char *err;
	int k;

	if (e->key[0] < '1' || e->key[0] > '9' || e->key[1] != '\0') {
		diag_error(d, "%s:%d: tag key '%s' must be a digit 1-9", path,
		    e->line, e->key);
		return -1;
	}
	k = e->key[0] - '0';
	t = &cfg->tags[k];
	free(t->name);
	t->name = NULL;
	t->has_style = 0;
	t->style = style_unset();
	copy = xstrdup(e->value);
	if ((comma = strchr(copy, ',')) != NULL)
		*comma++ = '\0';
	name = util_trim(copy);
	for (p = name; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (*name == '\0' && comma == NULL) {
		free(copy);
		return 0;
	}
	/* (the one rule of what a tag holds: annot.h) */
	if (*name == '\0' || annot_tag_check(name, strlen(name), &cause) !=
	    0) {
		diag_error(d, "%s:%d: %s", path, e->line, cause != NULL ?
		    cause : "a tag name is empty");
		free(cause);
		free(copy);
		return -1;
	}
	if (comma != NULL) {
		if (style_parse(comma, &t->style, &err) != 0) {
			diag_error(d, "%s:%d: bad style '%s' for tag '%s': %s",
			    path, e->line, util_trim(comma), name, err);
			free(copy);
			return -1;
		}
		t->has_style = 1;
	}
	t->name = xstrdup(name);
	free(copy);
	return 0;
}

/* The same tag name on two keys. */
static int
check_tags(const struct config *cfg, const char *path, struct diag *d)
{
	int i, j;

	for (i = 1; i < CONFIG_TAG_KEYS; i++)
		for (j = i + 1; j < CONFIG_TAG_KEYS; j++)
			if (cfg->tags[i].name != NULL &&
			    cfg->tags[j].name != NULL &&
			    strcmp(cfg->tags[i].name, cfg->tags[j].name) == 0) {
				diag_error(d, "%s: tag '%s' is on both keys %d "
				    "and %d", path, cfg->tags[i].name, i, j);
				return -1;
			}
	return 0;
}

static int
apply_entry(struct config *cfg, const struct ini_entry *e,
    const char *path, struct diag *d)
{
	const struct option_def *o;
	char *why = NULL;

	if (strcmp(e->section, "tags") == 0 && e->key != NULL)
		return tag_set(cfg, e, path, d);
	if (strcmp(e->section, "keys") == 0 && e->key != NULL)
		return keymap_bind(cfg->keymap, e->key, e->value, path,
		    e->line, d);
	if (strcmp(e->section, "general") != 0 &&
	    strcmp(e->section, "highlight") != 0 &&
	    strcmp(e->section, "tags") != 0 &&
	    strcmp(e->section, "keys") != 0) {
		ini_unknown_section(e, path, sections, NITEMS(sections), d);
		return 0;
	}
	if (e->key == NULL)
		return 0;
	if ((o = option_find(e->section, e->key)) == NULL) {
		unknown_key(e, path, d);
		return 0;
	}
	if (option_set(cfg, o, e->value, &why) != 0) {
		diag_error(d, "%s:%d: bad value '%s' for %s: expected %s",
		    path, e->line, e->value, o->name, why);
		free(why);
		return -1;
	}
	if (o->offset == OFF(theme))
		cfg->theme_line = e->line;
	return 0;
}

/*
 * What a [keys] section must leave bound: a way out (quit, or colon for
 * :q) and a way to the help.  Ctrl-C quits whatever is bound.
 */
static void
check_keys(const struct config *cfg, const struct ini *ini,
    const char *path, struct diag *d)
{
	const struct ini_entry *sec = ini_section(ini, "keys");
	int line = sec != NULL ? sec->line : 0;

	if (keymap_count(cfg->keymap, ACTION_QUIT) == 0 &&
	    keymap_count(cfg->keymap, ACTION_COLON) == 0)
		diag_warning(d, "%s:%d: [keys] leaves no key that quits: bind "
		    "quit (the default is q) or colon (for :q); only Ctrl-C "
		    "would quit", path, line);
	if (keymap_count(cfg->keymap, ACTION_HELP) == 0)
		diag_warning(d, "%s:%d: [keys] leaves no key for help: bind "
		    "help (the default is h <F1>)", path, line);
	if (sec != NULL)
		keymap_warn_dropped(cfg->keymap, path, line, d);
}

int
config_load_file(struct config *cfg, const char *path, struct diag *d)
{
	struct ini *ini;
	size_t i;
	int rc = 0;

	if ((ini = ini_load(path, d)) == NULL)
		return -1;
	for (i = 0; i < ini_count(ini); i++)
		if (apply_entry(cfg, ini_entry(ini, i), path, d) != 0)
			rc = -1;
	if (check_tags(cfg, path, d) != 0)
		rc = -1;
	check_keys(cfg, ini, path, d);
	free(cfg->path);
	cfg->path = xstrdup(path);
	ini_free(ini);
	return rc;
}

int
config_load(struct config *cfg, const char *override, struct diag *d)
{
	char *path;
	FILE *f;
	int rc;

	path = paths_config_file(override);
	if (override == NULL) {
		if ((f = fopen(path, "r")) == NULL && errno == ENOENT) {
			free(path);
			return 0;
		}
		if (f != NULL)
			fclose(f);
	}
	rc = config_load_file(cfg, path, d);
	free(path);
	return rc;
}

char *
config_theme_where(const struct config *cfg)
{
	if (cfg->path == NULL || cfg->theme_line <= 0)
		return NULL;
	return xasprintf("%s:%d", cfg->path, cfg->theme_line);
}

const struct config_tag *
config_tag_for_key(const struct config *cfg, int key)
{
	if (key >= '1' && key <= '9')
		key -= '0';
	if (key < 1 || key >= CONFIG_TAG_KEYS || cfg->tags[key].name == NULL)
		return NULL;
	return &cfg->tags[key];
}

int
config_tag_key(const struct config *cfg, const char *name)
{
	int i;

	for (i = 1; i < CONFIG_TAG_KEYS; i++)
		if (cfg->tags[i].name != NULL &&
		    strcasecmp(cfg->tags[i].name, name) == 0)
			return i;
	return 0;
}

void
config_palette(const struct config *cfg, const char *sep, struct buf *out)
{
	int i, first = 1;

	for (i = 1; i < CONFIG_TAG_KEYS; i++) {
		if (cfg->tags[i].name == NULL)
			continue;
		buf_printf(out, "%s%d %s", first ? "" : sep, i,
		    cfg->tags[i].name);
		first = 0;
	}
}

void
config_palette_help(const struct config *cfg, struct buf *out)
{
	buf_adds(out, "Tag palette (1-9 tag a selection; [tags] in the "
	    "config):\n  ");
	config_palette(cfg, "\n  ", out);
	buf_addc(out, '\n');
}

void
config_print_options(FILE *out)
{
	static const char *const types[] = { "boolean", "number", "name",
	    "choice", "command" };
	const struct option_def *o;
	const char *section = "";
	size_t i;

	for (i = 0; i < NITEMS(options_table); i++) {
		o = &options_table[i];
		if (strcmp(o->section, section) != 0)
			fprintf(out, "[%s]\n", section = o->section);
		fprintf(out, "  %-18s %s, default %s: %s\n", o->name,
		    types[o->type], o->def, o->help);
	}
	fprintf(out, "[tags]\n  DIGIT = NAME [, STYLE] (default 1 claim, "
	    "2 evidence, 3 source, 4 opinion, 5 question, 6 error, "
	    "7 important)\n[keys]\n  ACTION = KEY [KEY...]\n");
}
