/*
 * sidepath.c: where an article's annotations are kept (see sidepath.h).
 */
#include "artread/sidepath.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/sha256.h"
#include "artread/util.h"

static int (*dir_writable_hook)(const char *);

void
sidepath_set_dir_writable_hook(int (*fn)(const char *))
{
	dir_writable_hook = fn;
}

static int
dir_writable(const char *dir)
{
	if (dir_writable_hook != NULL)
		return dir_writable_hook(dir);
	return access(dir, W_OK | X_OK) == 0;
}

/* mkdir -p path, new directories mode 0700.  0, or -1 and errno. */
static int
mkdir_p(const char *path)
{
	char *copy = xstrdup(path), *p;
	int rc = 0, last;

	for (p = copy + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		last = *p == '\0';
		*p = '\0';
		if (mkdir(copy, 0700) == -1 && errno != EEXIST)
			rc = -1;
		if (last)
			break;
		*p = '/';
	}
	free(copy);
	return rc;
}

/* $XDG_DATA_HOME/artread/annotations (not created), or NULL. */
static char *
data_dir_name(char **cause)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/artread/annotations", xdg);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.local/share/artread/annotations", home);
	if (cause != NULL)
		*cause = xstrdup("cannot find a place for annotations: "
		    "neither XDG_DATA_HOME nor HOME is set");
	return NULL;
}

char *
sidepath_data_dir_name(void)
{
	return data_dir_name(NULL);
}

char *
sidepath_data_dir(char **cause)
{
	char *dir = data_dir_name(cause), *sub;

	if (dir == NULL)
		return NULL;
	sub = xasprintf("%s/" SIDEPATH_BY_PATH, dir);
	if (mkdir_p(sub) == -1) {
		*cause = xasprintf("%s: %s", sub, strerror(errno));
		free(sub);
		free(dir);
		return NULL;
	}
	free(sub);
	return dir;
}

/* dir/<sha256 of name>.annotations.jsonl */
static char *
hashed_name(const char *dir, const char *name, size_t len)
{
	char sha[SHA256_HEX_LEN];

	sha256_hex(name, len, sha);
	return xasprintf("%s/%s" SIDEPATH_SUFFIX, dir, sha);
}

/* Does dir hold a file kept by content (64 hex digits and the suffix)?
 * Only then is a file's text worth hashing to look for its own. */
static int
holds_content_files(const char *dir)
{
	size_t sl = strlen(SIDEPATH_SUFFIX);
	struct dirent *de;
	int found = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while (!found && (de = readdir(d)) != NULL)
		found = strlen(de->d_name) == SHA256_HEX_LEN - 1 + sl &&
		    strspn(de->d_name, "0123456789abcdef") ==
		    SHA256_HEX_LEN - 1 &&
		    strcmp(de->d_name + SHA256_HEX_LEN - 1, SIDEPATH_SUFFIX) == 0;
	closedir(d);
	return found;
}

static int
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* The by-content file of a file's text, if there is one. */
static void
find_by_content(struct sidepath *sp, const char *dir, const char *bytes,
    size_t len)
{
	char *p;

	if (len > SIDEPATH_CONTENT_MAX || !holds_content_files(dir))
		return;
	sha256_hex(bytes, len, sp->sha256);
	p = xasprintf("%s/%s" SIDEPATH_SUFFIX, dir, sp->sha256);
	if (exists(p))
		sp->by_content = p;
	else
		free(p);
}

int
sidepath_dir_writable(const char *real)
{
	char *dcopy = xstrdup(real);
	int writable = dir_writable(dirname(dcopy));

	free(dcopy);
	return writable;
}

/* The by-path file of real under dir (the data directory). */
static char *
by_path_in(const char *dir, const char *real)
{
	char *sub = xasprintf("%s/" SIDEPATH_BY_PATH, dir), *p;

	p = hashed_name(sub, real, strlen(real));
	free(sub);
	return p;
}

char *
sidepath_by_path(const char *real, char **cause)
{
	char *dir = sidepath_data_dir(cause), *p;

	if (dir == NULL)
		return NULL;
	p = by_path_in(dir, real);
	free(dir);
	return p;
}

char *
sidepath_other_place(const char *real, enum sidecar_where where)
{
	char *dir, *p;

	if (real == NULL)
		return NULL;
	if (where == SIDECAR_DATA_DIR)
		return xasprintf("%s" SIDEPATH_SUFFIX, real);
	if (where != SIDECAR_BESIDE || (dir = data_dir_name(NULL)) == NULL)
		return NULL;
	p = by_path_in(dir, real);
	free(dir);
	return p;
}

int
sidepath_locate(const char *article_path, const char *bytes, size_t len,
    struct sidepath *sp, char **cause)
{
	char *dir, *beside, *by_path;
	int writable;

	memset(sp, 0, sizeof *sp);
	if (article_path == NULL) {
		if ((dir = sidepath_data_dir(cause)) == NULL)
			return -1;
		sp->where = SIDECAR_DATA_STDIN;
		sha256_hex(bytes, len, sp->sha256);
		sp->path = xasprintf("%s/%s" SIDEPATH_SUFFIX, dir, sp->sha256);
		free(dir);
		return 0;
	}
	if ((sp->real = realpath(article_path, NULL)) == NULL) {
		*cause = xasprintf("%s: %s", article_path, strerror(errno));
		return -1;
	}
	writable = sidepath_dir_writable(sp->real);
	beside = xasprintf("%s" SIDEPATH_SUFFIX, sp->real);
	dir = writable ? data_dir_name(NULL) : sidepath_data_dir(cause);
	if (dir == NULL && !writable) {
		free(beside);
		sidepath_free(sp);
		return -1;
	}
	by_path = NULL;
	if (dir != NULL) {
		by_path = by_path_in(dir, sp->real);
		find_by_content(sp, dir, bytes, len);
	}
	if (writable) {
		sp->where = SIDECAR_BESIDE;
		sp->path = beside;
		if (by_path != NULL && exists(by_path))
			sp->other = by_path;
		else
			free(by_path);
	} else {
		sp->where = SIDECAR_DATA_DIR;
		sp->path = by_path;
		if (exists(beside))
			sp->other = beside;
		else
			free(beside);
	}
	free(dir);
	return 0;
}

int
sidepath_locate_url(const char *url, struct sidepath *sp, char **cause)
{
	char *dir, *sub;

	memset(sp, 0, sizeof *sp);
	if ((dir = sidepath_data_dir(cause)) == NULL)
		return -1;
	sub = xasprintf("%s/" SIDEPATH_BY_URL, dir);
	free(dir);
	if (mkdir_p(sub) == -1) {
		*cause = xasprintf("%s: %s", sub, strerror(errno));
		free(sub);
		return -1;
	}
	sp->where = SIDECAR_DATA_URL;
	sp->path = hashed_name(sub, url, strlen(url));
	free(sub);
	return 0;
}

void
sidepath_free(struct sidepath *sp)
{
	free(sp->path);
	free(sp->real);
	free(sp->other);
	free(sp->by_content);
	memset(sp, 0, sizeof *sp);
}

char *
sidepath_write_target(const char *path, char **cause)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) == -1 || !S_ISLNK(st.st_mode))
		return xstrdup(path);
	if ((real = realpath(path, NULL)) == NULL) {
		*cause = xasprintf("%s: a symbolic link to a file that cannot "
		    "be reached (%s); annotations are read-only", path,
		    strerror(errno));
		return NULL;
	}
	if (stat(real, &st) == -1 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf("%s: a symbolic link to %s, which is not a "
		    "regular file; annotations are read-only", path, real);
		free(real);
		return NULL;
	}
	return real;
}
