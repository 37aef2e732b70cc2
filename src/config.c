/*
 * config.c: config.ini through an options schema table (as tmux's
 * options-table.c): each option has a section, name, type, default,
 * range and help, so defaults, checking, suggestions and the option list
 * come from one place.  Also the INI reader shared with the themes:
 * iniparser gives the values, a scan of the file gives the lines.
 */
#include "artread/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <iniparser.h>

#include "artread/keymap.h"
#include "artread/paths.h"
#include "artread/util.h"

enum option_type {
	OPTION_BOOL,
	OPTION_INT,
	OPTION_STRING,
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
	{ "general", "mouse", OPTION_BOOL, "true", 0, 0, OFF(mouse),
	  "scroll with the mouse wheel" },
	{ "general", "wrap_search", OPTION_BOOL, "true", 0, 0,
	  OFF(wrap_search), "searches wrap around the ends" },
	{ "highlight", "quotes", OPTION_BOOL, "true", 0, 0, OFF(hl_quotes),
	  "highlight quotes at start" },
	{ "highlight", "entities", OPTION_BOOL, "true", 0, 0,
	  OFF(hl_entities), "highlight names, dates, numbers at start" },
};

#define NITEMS(a)	(sizeof (a) / sizeof (a)[0])

static const char *const sections[] = { "general", "highlight", "tags",
	"keys" };

static const char *const default_tags[CONFIG_TAG_KEYS] = {
	NULL, "claim", "evidence", "source", "opinion", "question", "error",
	"important", NULL, NULL
};

/* --- suggestions ------------------------------------------------- */

/* Edit distance with transpositions, case-insensitive. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *d, r, best;
	int ca, cb;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	d = xcalloc((la + 1) * (lb + 1), sizeof *d);
#define D(x, y)	d[(x) * (lb + 1) + (y)]
	for (i = 0; i <= la; i++)
		D(i, 0) = i;
	for (j = 0; j <= lb; j++)
		D(0, j) = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			ca = tolower((unsigned char)a[i - 1]);
			cb = tolower((unsigned char)b[j - 1]);
			best = D(i - 1, j - 1) + (ca != cb);
			if (D(i - 1, j) + 1 < best)
				best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && ca ==
			    tolower((unsigned char)b[j - 2]) && cb ==
			    tolower((unsigned char)a[i - 2]) &&
			    D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	r = D(la, lb);
#undef D
	free(d);
	return r;
}

const char *
config_suggest(const char *word, const char *const *cand, size_t n)
{
	const char *best = NULL;
	size_t i, dist, bestd = 3;

	for (i = 0; i < n; i++) {
		dist = edit_distance(word, cand[i]);
		if (dist < bestd && dist < strlen(word)) {
			bestd = dist;
			best = cand[i];
		}
	}
	return best;
}

/* --- the INI reader ---------------------------------------------- */

struct config_ini {
	char			*path;
	struct config_ini_entry	*e;
	size_t			 n;
};

/* iniparser reports through a global callback: point it at our diag. */
static struct diag	*ini_diag;
static const char	*ini_path;

static int
ini_error(const char *fmt, ...)
{
	char msg[512], *p, *end;
	va_list ap;
	long line = 0;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (ini_diag == NULL)
		return 0;
	/* "iniparser: syntax error in FILE (LINE):\n-> TEXT" */
	if ((p = strstr(msg, " (")) != NULL) {
		line = strtol(p + 2, &end, 10);
		if (*end != ')')
			line = 0;
	}
	if (line > 0 && strstr(msg, "syntax error") != NULL)
		diag_error(ini_diag, "%s:%ld: syntax error (expected [section] "
		    "or key = value)", ini_path, line);
	else if (line > 0 && strstr(msg, "too long") != NULL)
		diag_error(ini_diag, "%s:%ld: line too long", ini_path, line);
	else {
		msg[strcspn(msg, "\n")] = '\0';
		diag_error(ini_diag, "%s: %s", ini_path, msg);
	}
	return 0;
}

/* A trimmed, lower-case copy of s[0..n). */
static char *
lower_dup(const char *s, size_t n)
{
	char *copy = xstrndup(s, n), *t, *p;

	t = util_trim(copy);
	for (p = t; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	memmove(copy, t, strlen(t) + 1);
	return copy;
}

static void
ini_add(struct config_ini *ini, const char *section, char *key,
    const char *value, int line, struct diag *d)
{
	size_t i;

	for (i = 0; key != NULL && i < ini->n; i++) {
		if (ini->e[i].key == NULL || strcmp(ini->e[i].key, key) != 0 ||
		    strcmp(ini->e[i].section, section) != 0)
			continue;
		diag_warning(d, "%s:%d: '%s' is set again on line %d, which "
		    "wins", ini->path, ini->e[i].line, key, line);
		free((char *)ini->e[i].section);
		free((char *)ini->e[i].key);
		free((char *)ini->e[i].value);
		memmove(&ini->e[i], &ini->e[i + 1],
		    (ini->n - i - 1) * sizeof ini->e[0]);
		ini->n--;
		break;
	}
	ini->e = xreallocarray(ini->e, ini->n + 1, sizeof ini->e[0]);
	ini->e[ini->n].section = xstrdup(section);
	ini->e[ini->n].key = key;
	ini->e[ini->n].value = xstrdup(value != NULL ? value : "");
	ini->e[ini->n].line = line;
	ini->n++;
}

/*
 * Walk the file as iniparser does (comments start with # or ;, a line
 * ending in \ continues) to learn each key's line.
 */
static void
ini_scan(struct config_ini *ini, char *text, dictionary *dict,
    struct diag *d)
{
	char *section = xstrdup(""), *p, *next, *s, *eq, *key, *full;
	int line = 1, start;
	size_t len;

	for (p = text; p != NULL && *p != '\0'; p = next) {
		start = line;
		/* join continued lines */
		for (next = p;; ) {
			next = strchr(next, '\n');
			if (next == NULL)
				break;
			line++;
			s = next;
			while (s > p && s[-1] == '\r')
				s--;
			if (s > p && s[-1] == '\\') {
				next++;
				continue;
			}
			*next++ = '\0';
			break;
		}
		s = util_trim(p);
		len = strlen(s);
		if (len == 0 || *s == '#' || *s == ';')
			continue;
		if (*s == '[' && strchr(s, ']') != NULL) {
			free(section);
			section = lower_dup(s + 1, (size_t)(strchr(s, ']') -
			    s - 1));
			ini_add(ini, section, NULL, NULL, start, d);
			continue;
		}
		if ((eq = strchr(s, '=')) == NULL)
			continue;	/* iniparser reported it */
		key = lower_dup(s, (size_t)(eq - s));
		full = xasprintf("%s:%s", section, key);
		ini_add(ini, section, key, iniparser_getstring(dict, full,
		    NULL), start, d);
		free(full);
	}
	free(section);
}

struct config_ini *
config_ini_load(const char *path, struct diag *d)
{
	struct config_ini *ini;
	dictionary *dict;
	char *text, *nul, *p;
	size_t len;
	int line = 1;

	if ((text = util_read_file(path, &len)) == NULL) {
		diag_error(d, "%s: %s", path, strerror(errno));
		return NULL;
	}
	/* iniparser would take a NUL for the end of a too-long line. */
	if ((nul = memchr(text, '\0', len)) != NULL) {
		for (p = text; p < nul; p++)
			line += *p == '\n';
		diag_error(d, "%s:%d: a NUL byte (not a text file)", path, line);
		free(text);
		return NULL;
	}
	ini_diag = d;
	ini_path = path;
	iniparser_set_error_callback(ini_error);
	dict = iniparser_load(path);
	ini_diag = NULL;
	if (dict == NULL) {
		free(text);
		return NULL;
	}
	ini = xcalloc(1, sizeof *ini);
	ini->path = xstrdup(path);
	ini_scan(ini, text, dict, d);
	iniparser_freedict(dict);
	free(text);
	return ini;
}

void
config_ini_free(struct config_ini *ini)
{
	size_t i;

	if (ini == NULL)
		return;
	for (i = 0; i < ini->n; i++) {
		free((char *)ini->e[i].section);
		free((char *)ini->e[i].key);
		free((char *)ini->e[i].value);
	}
	free(ini->e);
	free(ini->path);
	free(ini);
}

const char *
config_ini_path(const struct config_ini *ini)
{
	return ini->path;
}

size_t
config_ini_count(const struct config_ini *ini)
{
	return ini->n;
}

const struct config_ini_entry *
config_ini_entry(const struct config_ini *ini, size_t i)
{
	return i < ini->n ? &ini->e[i] : NULL;
}

const struct config_ini_entry *
config_ini_find(const struct config_ini *ini, const char *section,
    const char *key)
{
	size_t i;

	for (i = 0; i < ini->n; i++)
		if (ini->e[i].key != NULL && strcmp(ini->e[i].key, key) == 0 &&
		    strcmp(ini->e[i].section, section) == 0)
			return &ini->e[i];
	return NULL;
}

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
	for (i = 0; i < CONFIG_TAG_KEYS; i++)
		free(cfg->tags[i].name);
	keymap_free(cfg->keymap);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

static void
unknown_key(const struct config_ini_entry *e, const char *path,
    struct diag *d)
{
	const char *names[NITEMS(options_table)], *near;
	size_t i, n = 0;

	for (i = 0; i < NITEMS(options_table); i++)
		if (strcmp(options_table[i].section, e->section) == 0)
			names[n++] = options_table[i].name;
	near = config_suggest(e->key, names, n);
	if (near != NULL)
		diag_warning(d, "%s:%d: unknown setting '%s' in [%s] (did you "
		    "mean '%s'?)", path, e->line, e->key, e->section, near);
	else
		diag_warning(d, "%s:%d: unknown setting '%s' in [%s]", path,
		    e->line, e->key, e->section);
}

static void
unknown_section(const struct config_ini_entry *e, const char *path,
    struct diag *d)
{
	const char *near;

	if (*e->section == '\0') {
		diag_warning(d, "%s:%d: '%s' is outside any [section]", path,
		    e->line, e->key);
		return;
	}
	if (e->key != NULL)
		return;		/* warned once, at the [section] line */
	near = config_suggest(e->section, sections, NITEMS(sections));
	if (near != NULL)
		diag_warning(d, "%s:%d: unknown section [%s] (did you mean "
		    "[%s]?)", path, e->line, e->section, near);
	else
		diag_warning(d, "%s:%d: unknown section [%s]", path, e->line,
		    e->section);
}

static int
valid_tag_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

/* "DIGIT = NAME [, STYLE]"; an empty value takes the tag off the key. */
static int
tag_set(struct config *cfg, const struct config_ini_entry *e,
    const char *path, struct diag *d)
{
	struct config_tag *t;
	char *copy, *name, *comma, *p;
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
	if (!valid_tag_name(name)) {
		diag_error(d, "%s:%d: bad tag name '%s' (letters, digits, - "
		    "and _)", path, e->line, name);
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
apply_entry(struct config *cfg, const struct config_ini_entry *e,
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
		unknown_section(e, path, d);
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
	return 0;
}

int
config_load_file(struct config *cfg, const char *path, struct diag *d)
{
	struct config_ini *ini;
	size_t i;
	int rc = 0;

	if ((ini = config_ini_load(path, d)) == NULL)
		return -1;
	for (i = 0; i < config_ini_count(ini); i++)
		if (apply_entry(cfg, config_ini_entry(ini, i), path, d) != 0)
			rc = -1;
	if (check_tags(cfg, path, d) != 0)
		rc = -1;
	free(cfg->path);
	cfg->path = xstrdup(path);
	config_ini_free(ini);
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
config_print_options(FILE *out)
{
	static const char *const types[] = { "boolean", "number", "name" };
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
