/*
 * sidepath.c: the sidecar's location.
 */
#include "artread/sidepath.h"

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

char *
sidepath_data_dir(char **cause)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir;

	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/artread/annotations", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/share/artread/annotations", home);
	else {
		*cause = xstrdup("cannot find a place for annotations: "
		    "neither XDG_DATA_HOME nor HOME is set");
		return NULL;
	}
	if (mkdir_p(dir) == -1) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

char *
sidepath_for(const char *article_path, const char *bytes, size_t len,
    enum sidecar_where *where, char **seed, char **cause)
{
	char sha[SHA256_HEX_LEN], *real, *dcopy, *dir, *path, *beside = NULL;

	if (article_path != NULL) {
		if ((real = realpath(article_path, NULL)) == NULL) {
			*cause = xasprintf("%s: %s", article_path,
			    strerror(errno));
			return NULL;
		}
		dcopy = xstrdup(real);
		path = xasprintf("%s" SIDEPATH_SUFFIX, real);
		free(real);
		if (dir_writable(dirname(dcopy))) {
			free(dcopy);
			*where = SIDECAR_BESIDE;
			if (seed != NULL)
				*seed = NULL;
			return path;
		}
		free(dcopy);
		beside = path;
		*where = SIDECAR_DATA_DIR;
	} else
		*where = SIDECAR_DATA_STDIN;
	if ((dir = sidepath_data_dir(cause)) == NULL) {
		free(beside);
		return NULL;
	}
	sha256_hex(bytes, len, sha);
	path = xasprintf("%s/%s" SIDEPATH_SUFFIX, dir, sha);
	free(dir);
	if (seed != NULL)
		*seed = beside;
	else
		free(beside);
	return path;
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
