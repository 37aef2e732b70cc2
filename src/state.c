/*
 * state.c: the reading positions file (at most STATE_MAX entries are
 * kept, the most recent first) and the theme last chosen with T.  Each is
 * read only if it is a regular file of at most STATE_FILE_MAX bytes, and
 * replaced atomically (atomic.h).
 */
#include "artread/state.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/paths.h"
#include "artread/slurp.h"
#include "artread/util.h"

#define STATE_MAX	500
#define STATE_FILE_MAX	((size_t)16 << 20)

/* $XDG_STATE_HOME/artread/NAME, or NULL. */
static char *
state_file(const char *name)
{
	char *dir = paths_state_dir(), *path;

	if (dir == NULL)
		return NULL;
	path = xasprintf("%s/%s", dir, name);
	free(dir);
	return path;
}

/* Write file anew from out, atomically (atomic.h).  0 or -1. */
static int
replace_file(const char *file, const struct buf *out)
{
	char *cause = NULL;
	int rc;

	paths_mkdir_parents(file);
	rc = atomic_write(file, out->data, out->len, 0, &cause);
	free(cause);
	return rc;
}

/* The file's contents, or NULL (missing, not a regular file, ...). */
static char *
read_state_file(const char *file)
{
	size_t len;

	return slurp_file(file, STATE_FILE_MAX, 0, &len, NULL);
}

/* Split a line "OFFSET\tSIZE\tPATH"; *rest gets PATH.  0, or -1. */
static int
parse_entry(const char *line, unsigned long long *off, unsigned long long *sz,
    const char **rest)
{
	char *end;

	errno = 0;
	*off = strtoull(line, &end, 10);
	if (end == line || *end != '\t' || errno != 0)
		return -1;
	line = end + 1;
	*sz = strtoull(line, &end, 10);
	if (end == line || *end != '\t' || errno != 0)
		return -1;
	*rest = end + 1;
	return 0;
}

int
state_position(const char *path, size_t *offset, size_t *size)
{
	char *file = state_file("positions"), *data, *line, *save = NULL;
	const char *rest;
	unsigned long long off, sz;
	int found = 0;

	if (file == NULL)
		return 0;
	data = read_state_file(file);
	free(file);
	if (data == NULL)
		return 0;
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (parse_entry(line, &off, &sz, &rest) == 0 &&
		    strcmp(rest, path) == 0) {
			*offset = (size_t)off;
			*size = (size_t)sz;
			found = 1;
			break;
		}
	}
	free(data);
	return found;
}

int
state_get_position(const char *path, size_t size, size_t *offset)
{
	size_t off, sz;

	if (!state_position(path, &off, &sz) || sz != size)
		return 0;
	*offset = off;
	return 1;
}

int
state_set_position(const char *path, size_t size, size_t offset)
{
	char *file = state_file("positions"), *data, *line, *save = NULL;
	struct buf out;
	const char *rest;
	unsigned long long off, sz;
	int kept = 0, rc;

	if (file == NULL || strchr(path, '\n') != NULL) {
		free(file);
		return -1;
	}
	buf_init(&out);
	buf_printf(&out, "%zu\t%zu\t%s\n", offset, size, path);
	data = read_state_file(file);
	for (line = data ? strtok_r(data, "\n", &save) : NULL;
	    line != NULL && kept < STATE_MAX;
	    line = strtok_r(NULL, "\n", &save)) {
		if (parse_entry(line, &off, &sz, &rest) != 0 ||
		    strcmp(rest, path) == 0)
			continue;
		buf_printf(&out, "%s\n", line);
		kept++;
	}
	free(data);
	rc = replace_file(file, &out);
	free(file);
	buf_free(&out);
	return rc;
}

/* A theme name: letters, digits, '-', '_' and '.' (no path). */
static int
theme_name_ok(const char *s)
{
	if (*s == '\0' || *s == '.')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' &&
		    *s != '.')
			return 0;
	return 1;
}

char *
state_get_theme(void)
{
	char *file = state_file("theme"), *data;

	if (file == NULL)
		return NULL;
	data = read_state_file(file);
	free(file);
	if (data != NULL && !theme_name_ok(util_trim(data))) {
		free(data);
		return NULL;
	}
	if (data != NULL)
		memmove(data, util_trim(data), strlen(util_trim(data)) + 1);
	return data;
}

int
state_set_theme(const char *name)
{
	char *file;
	struct buf out;
	int rc;

	if (!theme_name_ok(name) || (file = state_file("theme")) == NULL)
		return -1;
	buf_init(&out);
	buf_printf(&out, "%s\n", name);
	rc = replace_file(file, &out);
	buf_free(&out);
	free(file);
	return rc;
}
