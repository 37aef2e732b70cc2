/*
 * paths.c: where artread's files are: the XDG directories; themes and
 * rules searched in the user's directory, the checkout the binary was
 * built in, the install beside the binary and the compiled-in DATADIR
 * (never the current directory); the config file; where state and data
 * go; and the --paths report.
 */
#include "artread/paths.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/util.h"

#ifndef AR_DATADIR
#define AR_DATADIR "/usr/local/share/artread"
#endif

static char	*home_dir(void);
static char	*xdg_dir(const char *var, const char *fallback);
static int	 is_dir(const char *path);
static int	 is_file(const char *path);
static char	*exe_dir(void);

static char *
home_dir(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h != NULL && *h == '/')
		return xstrdup(h);
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL)
		return xstrdup(pw->pw_dir);
	return xstrdup("/");
}

/* $VAR/artread if VAR is an absolute path (XDG says ignore others). */
static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	char *home, *path;

	if (v != NULL && *v == '/')
		return xasprintf("%s/artread", v);
	home = home_dir();
	path = xasprintf("%s/%s/artread", strcmp(home, "/") == 0 ? "" : home,
	    fallback);
	free(home);
	return path;
}

static int
is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int
is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The directory of the running program, or NULL. */
static char *
exe_dir(void)
{
	char path[PATH_MAX], *slash;
	ssize_t n;

	n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	if ((slash = strrchr(path, '/')) == NULL)
		return NULL;
	if (slash == path)
		slash[1] = '\0';
	else
		*slash = '\0';
	return xstrdup(path);
}

char *
paths_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
paths_config_file(const char *override)
{
	char *dir, *path;

	if (override != NULL)
		return xstrdup(override);
	dir = paths_config_dir();
	path = xasprintf("%s/config.ini", dir);
	free(dir);
	return path;
}

char *
paths_user_rules(void)
{
	char *dir, *path;

	dir = paths_config_dir();
	path = xasprintf("%s/rules.ini", dir);
	free(dir);
	return path;
}

char *
paths_state_dir(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}

char *
paths_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
paths_cache_dir(void)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache");
}

int
paths_mkdir_parents(const char *file)
{
	char *copy = xstrdup(file), *p;
	int rc = 0;

	for (p = copy + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(copy);
	return rc;
}

/* Where a directory searched for themes and rules comes from. */
enum origin {
	ORIGIN_USER,		/* $XDG_CONFIG_HOME/artread */
	ORIGIN_CHECKOUT,	/* the source tree the binary was built in */
	ORIGIN_BESIDE,		/* BIN/../share/artread: an install, wherever it is */
	ORIGIN_BUILT,		/* DATADIR compiled in from PREFIX */
};

static const char *const origin_names[] = {
	"yours",
	"the checkout the binary is in",
	"installed beside the binary",
	"installed, as built (PREFIX)",
};

struct search {
	char		**dirs;
	enum origin	 *origins;
	size_t		  n;
};

static void
add_dir(struct search *sr, char *dir, enum origin o)
{
	size_t i;

	for (i = 0; i < sr->n; i++)
		if (strcmp(sr->dirs[i], dir) == 0) {
			free(dir);
			return;
		}
	sr->dirs = xreallocarray(sr->dirs, sr->n + 1, sizeof *sr->dirs);
	sr->origins = xreallocarray(sr->origins, sr->n + 1,
	    sizeof *sr->origins);
	sr->dirs[sr->n] = dir;
	sr->origins[sr->n++] = o;
}

/*
 * The checkout the binary is in (the sanitizer build's unit tests are
 * three levels down, in build/san/tests/): a directory with a Makefile
 * and KIND/, at or up to three levels above the binary's.  NULL if there
 * is none.
 */
static char *
checkout_dir(const char *exe, const char *kind)
{
	static const char *const up[] = { "", "/..", "/../..", "/../../.." };
	char *root, *mk, *dir, real[PATH_MAX];
	size_t i;
	int found;

	for (i = 0; i < sizeof up / sizeof up[0]; i++) {
		root = xasprintf("%s%s", exe, up[i]);
		mk = xasprintf("%s/Makefile", root);
		dir = xasprintf("%s/%s", root, kind);
		found = is_file(mk) && is_dir(dir);
		free(root);
		free(mk);
		if (found && realpath(dir, real) != NULL) {
			free(dir);
			return xstrdup(real);
		}
		free(dir);
	}
	return NULL;
}

/*
 * Themes and rules, best first: the user's; the checkout the binary was
 * built in; an install found from the binary's own place (PREFIX/bin/..
 * /share/artread, so a DESTDIR or a moved prefix works); the DATADIR it
 * was built with.
 * Never the current directory: a file there must not change what
 * artread does.
 */
static void
search_dirs(const char *kind, struct search *sr)
{
	char *user, *exe, *dir, *slash;

	memset(sr, 0, sizeof *sr);
	user = paths_config_dir();
	add_dir(sr, xasprintf("%s/%s", user, kind), ORIGIN_USER);
	free(user);
	if ((exe = exe_dir()) != NULL) {
		if ((dir = checkout_dir(exe, kind)) != NULL)
			add_dir(sr, dir, ORIGIN_CHECKOUT);
		/* PREFIX/bin/artread: PREFIX/share/artread. */
		if ((slash = strrchr(exe, '/')) != NULL &&
		    strcmp(slash, "/bin") == 0) {
			*slash = '\0';
			add_dir(sr, xasprintf("%s/share/artread/%s", exe, kind),
			    ORIGIN_BESIDE);
		}
		free(exe);
	}
	add_dir(sr, xasprintf("%s/%s", AR_DATADIR, kind), ORIGIN_BUILT);
}

size_t
paths_dirs(const char *kind, char ***dirs)
{
	struct search sr;

	search_dirs(kind, &sr);
	free(sr.origins);
	*dirs = sr.dirs;
	return sr.n;
}

size_t
paths_find_all(const char *kind, const char *file, char ***found)
{
	char **dirs, *path;
	size_t ndirs, i, n = 0;

	*found = NULL;
	ndirs = paths_dirs(kind, &dirs);
	for (i = 0; i < ndirs; i++) {
		path = xasprintf("%s/%s", dirs[i], file);
		if (is_file(path)) {
			*found = xreallocarray(*found, n + 1, sizeof **found);
			(*found)[n++] = path;
		} else
			free(path);
	}
	util_free_list(dirs, ndirs);
	return n;
}

char *
paths_find(const char *kind, const char *file)
{
	char **found, *first;
	size_t n;

	if ((n = paths_find_all(kind, file, &found)) == 0)
		return NULL;
	first = found[0];
	found[0] = NULL;
	util_free_list(found, n);
	return first;
}

/* How many NAME.ini files a directory holds. */
static int
count_ini(const char *dir)
{
	DIR *d;
	struct dirent *de;
	size_t len;
	int n = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".ini") == 0)
			n++;
	}
	closedir(d);
	return n;
}

static void
report_file(FILE *out, const char *path, const char *origin, int *won)
{
	int exists = is_file(path);

	fprintf(out, "  %s %s (%s)%s%s\n", exists && !*won ? "*" : " ", path,
	    exists ? (*won ? "exists, shadowed" : "exists, used") : "missing",
	    origin != NULL ? ": " : "", origin != NULL ? origin : "");
	if (exists)
		*won = 1;
}

/* "DIR/ (exists, N themes): WHAT". */
static void
report_theme_dir(FILE *out, const char *dir, const char *what)
{
	int n = count_ini(dir);

	fprintf(out, "    %s/ (exists, %d %s): %s\n", dir, n,
	    util_plural((size_t)n, "theme", "themes"), what);
}

static void
report_kind(FILE *out, const char *kind, const char *file)
{
	struct search sr;
	const char *what;
	char *path;
	size_t i;
	int won = 0;

	fprintf(out, "%s (searched in this order):\n", kind);
	search_dirs(kind, &sr);
	for (i = 0; i < sr.n; i++) {
		what = origin_names[sr.origins[i]];
		if (file != NULL) {
			path = xasprintf("%s/%s", sr.dirs[i], file);
			report_file(out, path, what, &won);
			free(path);
		} else if (is_dir(sr.dirs[i]))
			report_theme_dir(out, sr.dirs[i], what);
		else
			fprintf(out, "    %s/ (missing): %s\n", sr.dirs[i], what);
	}
	if (file != NULL && !won)
		fprintf(out, "    (none found: artread looks nowhere else, not "
		    "in the current directory)\n");
	util_free_list(sr.dirs, sr.n);
	free(sr.origins);
}

static void
report_dir(FILE *out, const char *what, char *dir)
{
	fprintf(out, "%s:\n    %s/ (%s)\n", what, dir,
	    is_dir(dir) ? "exists" : "missing, created when needed");
	free(dir);
}

/*
 * "*" marks the file that is used.  For themes every directory is listed
 * with how many themes it holds: a user theme shadows a shipped one of
 * the same name.
 */
void
paths_report(FILE *out, const char *config_override)
{
	char *path;
	int won = 0;

	path = paths_config_file(config_override);
	fprintf(out, "config%s:\n", config_override != NULL ?
	    " (from --config)" : "");
	report_file(out, path, NULL, &won);
	if (!won)
		fprintf(out, "    (no config file: built-in defaults)\n");
	free(path);

	report_kind(out, "themes", NULL);
	report_kind(out, "rules", "default.ini");
	path = paths_user_rules();
	won = 0;
	fprintf(out, "user rules (added to the rules above):\n");
	report_file(out, path, NULL, &won);
	free(path);
	report_dir(out, "state (reading positions)", paths_state_dir());
	report_dir(out, "data", paths_data_dir());
}
