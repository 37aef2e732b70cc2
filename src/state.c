/*
 * state.c: the reading positions file.  At most STATE_MAX entries are
 * kept, the most recent first.  It is read only if it is a regular file
 * of at most STATE_FILE_MAX bytes, and replaced atomically (atomic.h).
 */
#include "artread/state.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/paths.h"
#include "artread/slurp.h"
#include "artread/util.h"

#define STATE_MAX	500
#define STATE_FILE_MAX	((size_t)16 << 20)

static char *
positions_file(void)
{
	char *dir = paths_state_dir(), *path;

	if (dir == NULL)
		return NULL;
	path = xasprintf("%s/positions", dir);
	free(dir);
	return path;
}

/* mkdir -p for the state directory. */
static int
make_dirs(const char *path)
{
	char *copy = xstrdup(path), *p;
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

/* The file's contents, or NULL (missing, not a regular file, ...). */
static char *
read_positions(const char *file)
{
	char *data, *cause = NULL;
	size_t len;

	data = slurp_file(file, STATE_FILE_MAX, 0, &len, &cause);
	free(cause);
	return data;
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
state_get_position(const char *path, size_t size, size_t *offset)
{
	char *file = positions_file(), *data, *line, *save = NULL;
	const char *rest;
	unsigned long long off, sz;
	int found = 0;

	if (file == NULL)
		return 0;
	data = read_positions(file);
	free(file);
	if (data == NULL)
		return 0;
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (parse_entry(line, &off, &sz, &rest) == 0 &&
		    strcmp(rest, path) == 0) {
			if (sz == size) {
				*offset = (size_t)off;
				found = 1;
			}
			break;
		}
	}
	free(data);
	return found;
}

int
state_set_position(const char *path, size_t size, size_t offset)
{
	char *file = positions_file(), *data, *line, *save = NULL, *cause = NULL;
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
	data = read_positions(file);
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
	make_dirs(file);
	rc = atomic_write(file, out.data, out.len, 0, &cause);
	free(cause);
	free(file);
	buf_free(&out);
	return rc;
}
