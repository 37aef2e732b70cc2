/*
 * theme.c: theme files (INI through ini.h), inherit chains with
 * cycle detection, the attributes-only fallback, the no-colour variant
 * and the list of installed themes.
 */
#include "artread/theme.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "artread/ini.h"
#include "artread/paths.h"
#include "artread/util.h"

#define MAX_DEPTH	16

/*
 * Attributes for a terminal without colour; also the base a theme file
 * starts from, so an element it forgets still shows.  Unlike mono.ini
 * (bold, underline, reverse, dim only) it may use italic and standout.
 */
static const unsigned mono_attrs[STYLE_EL__COUNT] = {
	[STYLE_EL_HEADLINE] = STYLE_BOLD,
	[STYLE_EL_DIM] = STYLE_DIM,
	[STYLE_EL_STATUS] = STYLE_REVERSE,
	[STYLE_EL_PROMPT] = STYLE_BOLD,
	[STYLE_EL_MESSAGE] = STYLE_BOLD,
	[STYLE_EL_ERROR] = STYLE_BOLD | STYLE_REVERSE,
	[STYLE_EL_SEARCH] = STYLE_STANDOUT,
	[STYLE_EL_CURRENT_MATCH] = STYLE_STANDOUT | STYLE_BOLD,
	[STYLE_EL_SELECTION] = STYLE_REVERSE | STYLE_BOLD,
	[STYLE_EL_CURSOR] = STYLE_REVERSE,
	[STYLE_EL_QUOTE] = STYLE_ITALIC,
	[STYLE_EL_QUOTE_MARK] = STYLE_BOLD,
	[STYLE_EL_SPEAKER] = STYLE_BOLD | STYLE_ITALIC,
	[STYLE_EL_SCARE_QUOTE] = STYLE_ITALIC | STYLE_DIM,
	[STYLE_EL_PERSON] = STYLE_UNDERLINE,
	[STYLE_EL_ORG] = STYLE_UNDERLINE,
	[STYLE_EL_PLACE] = STYLE_UNDERLINE,
	[STYLE_EL_DATE] = STYLE_UNDERLINE,
	[STYLE_EL_TIME] = STYLE_UNDERLINE,
	[STYLE_EL_MONEY] = STYLE_UNDERLINE,
	[STYLE_EL_PERCENT] = STYLE_UNDERLINE,
	[STYLE_EL_EMAIL] = STYLE_UNDERLINE,
	[STYLE_EL_URL] = STYLE_UNDERLINE,
	[STYLE_EL_HANDLE] = STYLE_UNDERLINE,
	[STYLE_EL_HASHTAG] = STYLE_UNDERLINE,
	[STYLE_EL_CONTROL] = STYLE_REVERSE | STYLE_DIM,
	[STYLE_EL_INVALID] = STYLE_REVERSE | STYLE_DIM | STYLE_UNDERLINE,
	[STYLE_EL_MARGIN] = STYLE_DIM,
	[STYLE_EL_NOTE_MARK] = STYLE_BOLD,
	[STYLE_EL_PANEL_SELECTED] = STYLE_REVERSE,
	[STYLE_EL_PANEL_TITLE] = STYLE_BOLD | STYLE_UNDERLINE,
	[STYLE_EL_TAG] = STYLE_UNDERLINE | STYLE_BOLD,
	[STYLE_EL_DIFF_DELETED] = STYLE_DIM | STYLE_UNDERLINE,
	[STYLE_EL_DIFF_INSERTED] = STYLE_BOLD | STYLE_REVERSE,
	[STYLE_EL_DIFF_FOLD] = STYLE_DIM,
};

static const char *const sections[] = { "theme", "styles", "tags" };

/* The themes make compiled (theme_add_compiled). */
static const struct theme_compiled *compiled[THEME_COMPILED_MAX];
static size_t ncompiled;

static struct theme	*load_chain(const char *path, char **chain,
			    int depth, struct diag *d);
static const struct theme_compiled *compiled_named(const char *name);
static struct theme	*from_compiled(const struct theme_compiled *c,
			    const char *path);

static struct theme *
theme_new(const char *name)
{
	struct theme *t = xcalloc(1, sizeof *t);
	int i;

	t->name = xstrdup(name);
	t->description = xstrdup("");
	for (i = 0; i < STYLE_EL__COUNT; i++) {
		t->el[i] = style_unset();
		t->el[i].attrs = mono_attrs[i];
	}
	t->el[STYLE_EL_TEXT].fg = t->el[STYLE_EL_TEXT].bg =
	    STYLE_COLOR_DEFAULT;
	return t;
}

void
theme_free(struct theme *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ntags; i++)
		free(t->tags[i].name);
	free(t->tags);
	free(t->name);
	free(t->description);
	free(t->path);
	free(t);
}

static struct theme *
theme_copy(const struct theme *t)
{
	struct theme *c = xmalloc(sizeof *c);
	size_t i;

	*c = *t;
	c->name = xstrdup(t->name);
	c->description = xstrdup(t->description);
	c->path = t->path != NULL ? xstrdup(t->path) : NULL;
	c->tags = t->ntags != 0 ? xreallocarray(NULL, t->ntags,
	    sizeof *c->tags) : NULL;
	for (i = 0; i < t->ntags; i++) {
		c->tags[i].name = xstrdup(t->tags[i].name);
		c->tags[i].style = t->tags[i].style;
	}
	return c;
}

struct theme *
theme_builtin(void)
{
	struct theme *t = theme_new("builtin");

	free(t->description);
	t->description = xstrdup("built in: no colours, attributes only");
	return t;
}

static struct theme_tag *
find_tag(const struct theme *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ntags; i++)
		if (strcasecmp(t->tags[i].name, name) == 0)
			return &t->tags[i];
	return NULL;
}

static void
set_tag(struct theme *t, const char *name, struct style s)
{
	struct theme_tag *tag;

	if ((tag = find_tag(t, name)) == NULL) {
		t->tags = xreallocarray(t->tags, t->ntags + 1,
		    sizeof *t->tags);
		tag = &t->tags[t->ntags++];
		tag->name = xstrdup(name);
	}
	tag->style = s;
}

struct style
theme_style(const struct theme *t, enum style_element el)
{
	if (el < 0 || el >= STYLE_EL__COUNT)
		return style_unset();
	return t->el[el];
}

struct style
theme_tag_style(const struct theme *t, const char *tag)
{
	struct theme_tag *found;

	if (tag != NULL && (found = find_tag(t, tag)) != NULL)
		return found->style;
	return t->el[STYLE_EL_TAG];
}

int
theme_has_tag(const struct theme *t, const char *tag)
{
	return find_tag(t, tag) != NULL;
}

/*
 * Elements that must stay apart without colour: in the no-colour variant
 * they always take the built-in attributes, whatever the theme said (two
 * of its elements may differ only by colour).
 */
static int
fixed_without_color(int el)
{
	switch (el) {
	case STYLE_EL_TEXT:
	case STYLE_EL_HEADLINE:
	case STYLE_EL_SEARCH:
	case STYLE_EL_CURRENT_MATCH:
	case STYLE_EL_SELECTION:
	case STYLE_EL_CURSOR:
	case STYLE_EL_QUOTE:
	case STYLE_EL_CONTROL:
	case STYLE_EL_INVALID:
		return 1;
	}
	return el >= STYLE_EL_PERSON && el <= STYLE_EL_HASHTAG;
}

/* Colours off; an element without attributes takes the built-in ones. */
static struct style
strip_color(struct style s, unsigned fallback, int fixed, int is_text)
{
	s.fg = s.bg = is_text ? STYLE_COLOR_DEFAULT : STYLE_COLOR_UNSET;
	if (s.attrs == 0 || fixed)
		s.attrs = fallback;
	return s;
}

struct theme *
theme_no_color(const struct theme *t)
{
	struct theme *c = theme_copy(t);
	size_t i;
	int el;

	for (el = 0; el < STYLE_EL__COUNT; el++)
		c->el[el] = strip_color(c->el[el], mono_attrs[el],
		    fixed_without_color(el), el == STYLE_EL_TEXT);
	/* A tag keeps its attributes and always has the annotation's own
	 * (bold, underlined): without colours, an annotated passage must
	 * not look like a name. */
	for (i = 0; i < c->ntags; i++) {
		c->tags[i].style = strip_color(c->tags[i].style,
		    mono_attrs[STYLE_EL_TAG], 0, 0);
		c->tags[i].style.attrs |= mono_attrs[STYLE_EL_TAG];
	}
	return c;
}

static struct style
fit_style(struct style s, int ncolors)
{
	s.fg = style_nearest_color(s.fg, ncolors);
	s.bg = style_nearest_color(s.bg, ncolors);
	return s;
}

struct theme *
theme_fit(const struct theme *t, int ncolors)
{
	struct theme *c;
	size_t i;
	int el;

	if (ncolors < 8)
		return theme_no_color(t);
	c = theme_copy(t);
	for (el = 0; el < STYLE_EL__COUNT; el++)
		c->el[el] = fit_style(c->el[el], ncolors);
	for (i = 0; i < c->ntags; i++)
		c->tags[i].style = fit_style(c->tags[i].style, ncolors);
	return c;
}

/* "dir/name.ini" -> "name". */
static char *
name_of(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	return xstrndup(base, n);
}

static char *
real_path(const char *path)
{
	char buf[PATH_MAX];

	return xstrdup(realpath(path, buf) != NULL ? buf : path);
}

/*
 * Where "inherit = NAME" points: NAME.ini beside the child, then the
 * theme directories; never the child itself, so a user's dark.ini may
 * inherit the shipped dark.  *self is set when the child was found (and
 * passed over): with nothing else found, it inherits itself.
 */
static char *
find_parent(const char *child, const char *name, int *self_found)
{
	char *self = real_path(child), *dir, *slash, *cand, *rp, **found;
	char *file = xasprintf("%s.ini", name), *result = NULL;
	size_t n, i;

	dir = xstrdup(child);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[1] = '\0';
	else
		*dir = '\0';
	cand = xasprintf("%s%s", dir, file);
	free(dir);
	rp = real_path(cand);
	*self_found = strcmp(rp, self) == 0 && access(cand, R_OK) == 0;
	if (access(cand, R_OK) == 0 && strcmp(rp, self) != 0)
		result = cand;
	else
		free(cand);
	free(rp);
	n = paths_find_all("themes", file, &found);
	for (i = 0; result == NULL && i < n; i++) {
		rp = real_path(found[i]);
		if (strcmp(rp, self) != 0)
			result = xstrdup(found[i]);
		else
			*self_found = 1;
		free(rp);
	}
	util_free_list(found, n);
	free(file);
	free(self);
	return result;
}

static void
unknown_element(const struct ini_entry *e, const char *path,
    struct diag *d)
{
	const char *names[STYLE_EL__COUNT];
	char *hint;
	int i;

	for (i = 0; i < STYLE_EL__COUNT; i++)
		names[i] = style_element_name((enum style_element)i);
	hint = ini_did_you_mean(e->key, names, STYLE_EL__COUNT, "''");
	diag_warning(d, "%s:%d: unknown element '%s'%s", path, e->line,
	    e->key, hint);
	free(hint);
}

/*
 * iniparser cuts an unquoted value at '#' or ';' and keeps quotes that do
 * not surround the whole value: say so when a bad style looks like that.
 */
static const char *
cut_hint(const char *value)
{
	size_t n = strlen(value);

	if (strchr(value, '"') != NULL || (n > 0 && value[n - 1] == '='))
		return " (put a value holding '#' in double quotes: "
		    "\"fg=#rrggbb\")";
	return "";
}

/* One [styles] or [tags] line over t. */
static void
apply_style(struct theme *t, const struct ini_entry *e,
    const char *path, struct diag *d)
{
	struct style s;
	const char *err;
	char *key, *p;
	int el = -1;

	key = xstrdup(e->key);
	if (strcmp(e->section, "styles") == 0) {
		for (p = key; *p != '\0'; p++)
			if (*p == '_')
				*p = '-';
		if ((el = style_element_from_name(key)) < 0) {
			unknown_element(e, path, d);
			free(key);
			return;
		}
	} else if (!ini_valid_name(key)) {
		diag_error(d, "%s:%d: bad tag name '%s'", path, e->line, key);
		free(key);
		return;
	}
	if (style_parse(e->value, &s, &err) != 0)
		diag_error(d, "%s:%d: bad style '%s' for '%s': %s%s", path,
		    e->line, e->value, key, err, cut_hint(e->value));
	else if (el >= 0) {
		t->el[el] = s;
		t->set[el] = 1;
	} else
		set_tag(t, key, s);
	free(key);
}

static void
apply_entry(struct theme *t, const struct ini_entry *e,
    const char *path, struct diag *d)
{
	if (strcmp(e->section, "theme") == 0) {
		if (e->key == NULL || strcmp(e->key, "inherit") == 0)
			return;
		if (strcmp(e->key, "description") == 0) {
			free(t->description);
			t->description = xstrdup(e->value);
		} else if (strcmp(e->key, "name") != 0)
			diag_warning(d, "%s:%d: unknown setting '%s' in "
			    "[theme] (description, inherit)", path, e->line,
			    e->key);
	} else if (strcmp(e->section, "styles") == 0 ||
	    strcmp(e->section, "tags") == 0) {
		if (e->key != NULL)
			apply_style(t, e, path, d);
	} else
		ini_unknown_section(e, path, sections, 3, d);
}

/* The parent of the theme in ini, or the built-in base. */
static struct theme *
load_parent(struct ini *ini, const char *path, char **chain,
    int depth, struct diag *d)
{
	const struct theme_compiled *c;
	const struct ini_entry *e;
	struct theme *parent;
	char *ppath, *rp;
	int i, self;

	if ((e = ini_find(ini, "theme", "inherit")) == NULL ||
	    *e->value == '\0')
		return theme_new("builtin");
	if ((ppath = find_parent(path, e->value, &self)) == NULL) {
		if ((c = compiled_named(e->value)) != NULL)
			return from_compiled(c, NULL);
		if (self)
			diag_error(d, "%s:%d: inherit cycle: theme '%s' inherits "
			    "itself", path, e->line, e->value);
		else
			diag_error(d, "%s:%d: theme '%s' to inherit from not "
			    "found", path, e->line, e->value);
		return theme_new("builtin");
	}
	rp = real_path(ppath);
	for (i = 0; i < depth; i++)
		if (strcmp(chain[i], rp) == 0)
			break;
	free(rp);
	if (i < depth || depth + 1 >= MAX_DEPTH) {
		diag_error(d, "%s:%d: inherit cycle through theme '%s'",
		    path, e->line, e->value);
		free(ppath);
		return theme_new("builtin");
	}
	parent = load_chain(ppath, chain, depth, d);
	free(ppath);
	return parent != NULL ? parent : theme_new("builtin");
}

void
theme_add_compiled(const struct theme_compiled *c)
{
	if (ncompiled < THEME_COMPILED_MAX)
		compiled[ncompiled++] = c;
}

/* The compiled theme whose bytes path holds, or NULL (any doubt: NULL,
 * and ini.c reads the file and says what is wrong with it). */
static const struct theme_compiled *
compiled_for(const char *path)
{
	const struct theme_compiled *c = NULL;
	const char *why;
	char *text;
	size_t len, i;

	if (ncompiled == 0 || util_check_text_file(path, 1u << 20, &why) != 0 ||
	    (text = util_read_file(path, &len)) == NULL)
		return NULL;
	for (i = 0; c == NULL && i < ncompiled; i++)
		if (compiled[i]->len == len &&
		    memcmp(compiled[i]->text, text, len) == 0)
			c = compiled[i];
	free(text);
	return c;
}

/* The compiled theme called name, or NULL. */
static const struct theme_compiled *
compiled_named(const char *name)
{
	size_t i;

	for (i = 0; i < ncompiled; i++)
		if (compiled[i]->name != NULL &&
		    strcmp(compiled[i]->name, name) == 0)
			return compiled[i];
	return NULL;
}

/* The theme c holds, read from path (NULL: from no file, by its name). */
static struct theme *
from_compiled(const struct theme_compiled *c, const char *path)
{
	struct theme *t = theme_new("builtin");
	size_t i;

	free(t->name);
	t->name = path != NULL ? name_of(path) : xstrdup(c->name);
	t->path = path != NULL ? xstrdup(path) : NULL;
	free(t->description);
	t->description = xstrdup(c->description);
	memcpy(t->el, c->el, sizeof t->el);
	memcpy(t->set, c->set, sizeof t->set);
	for (i = 0; i < c->ntags; i++)
		set_tag(t, c->tag_names[i], c->tag_styles[i]);
	return t;
}

/* chain[0..depth) holds the real paths of the children being loaded. */
static struct theme *
load_chain(const char *path, char **chain, int depth, struct diag *d)
{
	const struct theme_compiled *c;
	struct ini *ini;
	struct theme *t;
	size_t i;

	if ((c = compiled_for(path)) != NULL)
		return from_compiled(c, path);
	if ((ini = ini_load(path, d)) == NULL)
		return NULL;
	chain[depth] = real_path(path);
	t = load_parent(ini, path, chain, depth + 1, d);
	free(chain[depth]);
	free(t->name);
	t->name = name_of(path);
	free(t->path);
	t->path = xstrdup(path);
	for (i = 0; i < ini_count(ini); i++)
		apply_entry(t, ini_entry(ini, i), path, d);
	ini_free(ini);
	return t;
}

struct theme *
theme_load_file(const char *path, struct diag *d)
{
	char *chain[MAX_DEPTH];

	return load_chain(path, chain, 0, d);
}

struct theme *
theme_load(const char *name, struct diag *d)
{
	return theme_load_at(name, NULL, d);
}

struct theme *
theme_load_at(const char *name, const char *where, struct diag *d)
{
	struct theme *t;
	char *file, *path;
	const char *sep = where != NULL ? ": " : "";

	if (where == NULL)
		where = "";
	if (!ini_valid_name(name)) {
		diag_error(d, "%s%sbad theme name '%s'", where, sep, name);
		return NULL;
	}
	file = xasprintf("%s.ini", name);
	path = paths_find("themes", file);
	free(file);
	if (path == NULL && compiled_named(name) != NULL)
		return from_compiled(compiled_named(name), NULL);
	if (path == NULL) {
		diag_error(d, "%s%stheme '%s' not found (artread --paths "
		    "shows where themes are looked for)", where, sep, name);
		return NULL;
	}
	t = theme_load_file(path, d);
	free(path);
	return t;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add name (taken) to names unless it is there or not a valid name. */
static void
list_add(char ***names, size_t *n, char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*names)[i], name) == 0)
			break;
	if (i < *n || !ini_valid_name(name)) {
		free(name);
		return;
	}
	*names = xreallocarray(*names, *n + 1, sizeof **names);
	(*names)[(*n)++] = name;
}

static void
list_dir(const char *dir, char ***names, size_t *n)
{
	DIR *dp;
	struct dirent *de;
	size_t len;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".ini") == 0)
			list_add(names, n, name_of(de->d_name));
	}
	closedir(dp);
}

size_t
theme_list(char ***names)
{
	char **dirs;
	size_t ndirs, i, n = 0;

	*names = NULL;
	ndirs = paths_dirs("themes", &dirs);
	for (i = 0; i < ndirs; i++)
		list_dir(dirs[i], names, &n);
	util_free_list(dirs, ndirs);
	for (i = 0; i < ncompiled; i++)
		if (compiled[i]->name != NULL)
			list_add(names, &n, xstrdup(compiled[i]->name));
	if (n > 1)
		qsort(*names, n, sizeof **names, cmp_names);
	return n;
}
