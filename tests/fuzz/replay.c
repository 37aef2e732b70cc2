/*
 * replay.c: a main for the fuzz targets without libFuzzer.  Linked with
 * one tests/fuzz/fuzz_NAME.c, it feeds every file named on the command
 * line (a directory: every file in it, in name order, hidden ones left
 * out) once to LLVMFuzzerTestOneInput, after LLVMFuzzerInitialize.
 * `make check` builds each target with it for the normal and the
 * ASan+UBSan builds and replays tests/fuzz/corpus/NAME/ and
 * tests/fuzz/regress/NAME/ (tests/run.sh).
 *
 * Before each input it prints "# input PATH" (flushed), so whatever
 * kills the process names the input that did.  It ends with
 * "N inputs" and status 0; status 2 if an input cannot be read or there
 * is none (a replay of nothing cannot fail, so it is not a pass).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole file (free it), or NULL with errno set. */
static uint8_t *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL, *grown;
	size_t cap = 0, n;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (*len == cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((grown = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = grown;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	return buf;
}

/* Feed one file; -1 if it cannot be read. */
static int
replay_file(const char *path)
{
	uint8_t *buf, *data;
	size_t len;

	printf("# input %s\n", path);
	fflush(stdout);
	if ((buf = read_all(path, &len)) == NULL ||
	    (data = malloc(len)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		free(buf);
		return -1;
	}
	/* Exactly len bytes (never NULL), as libFuzzer gives: ASan sees
	 * any read past the end. */
	if (len > 0)
		memcpy(data, buf, len);
	free(buf);
	(void)LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int
visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Feed every file of a directory; adds to *count. */
static int
replay_dir(const char *dir, size_t *count)
{
	struct dirent **list;
	char path[4096];
	int i, n, rc = 0;

	if ((n = scandir(dir, &list, visible, alphasort)) < 0) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		if (rc == 0 && replay_file(path) == 0)
			++*count;
		else
			rc = -1;
		free(list[i]);
	}
	free(list);
	return rc;
}

int
main(int argc, char **argv)
{
	struct stat st;
	size_t count = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	(void)LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i], &count) != 0)
				return 2;
		} else if (replay_file(argv[i]) == 0)
			count++;
		else
			return 2;
	}
	if (count == 0) {
		fprintf(stderr, "replay: no inputs\n");
		return 2;
	}
	printf("%zu input%s\n", count, count == 1 ? "" : "s");
	return 0;
}
