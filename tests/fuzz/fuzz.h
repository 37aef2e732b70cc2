/*
 * fuzz.h: what the libFuzzer targets in tests/fuzz/ share: a private
 * temporary directory (made once per process) and a helper that writes
 * the input to a file in it.  Build and run them with `make fuzz`.
 */
#ifndef ARTREAD_FUZZ_H
#define ARTREAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[64];

/* Remove the temporary directory and the files in it (flat). */
static inline void
fuzz_cleanup(void)
{
	char path[512];
	struct dirent *e;
	DIR *dir;

	if (fuzz_dir[0] == '\0' || (dir = opendir(fuzz_dir)) == NULL)
		return;
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", fuzz_dir, e->d_name);
		unlink(path);
	}
	closedir(dir);
	rmdir(fuzz_dir);
}

/* A temporary directory, removed at exit. */
static inline const char *
fuzz_tmpdir(void)
{
	if (fuzz_dir[0] == '\0') {
		snprintf(fuzz_dir, sizeof(fuzz_dir), "/tmp/artread-fuzz.XXXXXX");
		if (mkdtemp(fuzz_dir) == NULL) {
			perror("mkdtemp");
			abort();
		}
		atexit(fuzz_cleanup);
	}
	return fuzz_dir;
}

/* Write data to DIR/name (replacing it); abort on failure. */
static inline void
fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) ||
	    fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* The paths fuzz_article_file writes. */
static char fuzz_article_path[128];
static char fuzz_sidecar_path[160];

/*
 * The article as DIR/story.txt (fuzz_article_path), its sidecar's path
 * (fuzz_sidecar_path), and everything else artread writes (the data
 * directory) kept in DIR too.
 */
static inline void
fuzz_article_file(const char *bytes, size_t len)
{
	snprintf(fuzz_article_path, sizeof(fuzz_article_path),
	    "%s/story.txt", fuzz_tmpdir());
	snprintf(fuzz_sidecar_path, sizeof(fuzz_sidecar_path),
	    "%s/story.txt.annotations.jsonl", fuzz_tmpdir());
	fuzz_write(fuzz_article_path, (const uint8_t *)bytes, len);
	setenv("XDG_DATA_HOME", fuzz_tmpdir(), 1);
}

#endif
