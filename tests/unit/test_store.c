/* test_store.c: the version store: texts, index, pins, pruning, damage. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zstd.h>

#include "artread/sha256.h"
#include "artread/store.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];
static int ndirs;

static const char V1[] =
    "Harbour Vote\n\nThe council met on Tuesday and has said the data is "
    "safe.\n";
static const char V2[] =
    "Harbour Vote\n\nThe council met on Tuesday and has insisted the data "
    "is safe.\n";

static int
setup(void **state)
{
	(void)state;
	return testutil_mkdtemp(tmpdir, "store");
}

static int
teardown(void **state)
{
	(void)state;
	return testutil_rmtree(tmpdir);
}

/* A store in a fresh directory of its own (the caller frees *dir). */
static struct store *
fresh(size_t cap, char **dir)
{
	char *cause = NULL;
	struct store *st;

	*dir = xasprintf("%s/s%d/versions", tmpdir, ++ndirs);
	st = store_open(*dir, cap, &cause);
	assert_non_null(st);
	assert_null(cause);
	return st;
}

static struct store *
again(const char *dir, size_t cap)
{
	char *cause = NULL;
	struct store *st = store_open(dir, cap, &cause);

	assert_non_null(st);
	return st;
}

static void
put(struct store *st, const char *key, const char *text, size_t len,
    char sha[SHA256_HEX_LEN])
{
	char *cause = NULL;

	assert_int_equal(store_put(st, key, text, len, sha, &cause), STORE_OK);
	assert_null(cause);
}

static void
puts_text(struct store *st, const char *key, const char *text,
    char sha[SHA256_HEX_LEN])
{
	put(st, key, text, strlen(text), sha);
}

/* Is the text sha kept (get succeeds with the right bytes)? */
static int
kept(struct store *st, const char *sha)
{
	char *bytes, *cause = NULL, hex[SHA256_HEX_LEN];
	enum store_status rc;
	size_t len;

	rc = store_get(st, sha, &bytes, &len, &cause);
	if (rc != STORE_OK) {
		assert_int_equal(rc, STORE_NOT_FOUND);
		assert_null(bytes);
		free(cause);
		return 0;
	}
	sha256_hex(bytes, len, hex);
	assert_string_equal(hex, sha);
	free(bytes);
	return 1;
}

/* Text that zstd cannot shrink much: letters from a fixed sequence. */
static char *
noise(size_t n, unsigned seed)
{
	char *t = xmalloc(n + 1);
	size_t i;

	for (i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		t[i] = (char)('a' + (seed >> 16) % 26);
	}
	t[n] = '\0';
	return t;
}

static size_t
stored_size(struct store *st, const char *key, const char *sha)
{
	struct store_version *v;
	char *cause = NULL;
	size_t n, i, size = 0;

	assert_int_equal(store_list(st, key, &v, &n, &cause), STORE_OK);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].sha, sha) == 0)
			size = v[i].stored;
	store_versions_free(v, n);
	assert_true(size > 0);
	return size;
}

static char *
text_file(const char *dir, const char *sha)
{
	return xasprintf("%s/%s.zst", dir, sha);
}

static void
put_get_round_trip(void **state)
{
	char sha[SHA256_HEX_LEN], again_sha[SHA256_HEX_LEN], hex[SHA256_HEX_LEN];
	char *dir, *bytes, *cause = NULL, *path;
	struct store_version *v;
	struct timespec old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	struct stat sb;
	struct store *st = fresh(0, &dir);
	size_t len, n;

	(void)state;
	puts_text(st, "/news/story.txt", V1, sha);
	sha256_hex(V1, strlen(V1), hex);
	assert_string_equal(sha, hex);
	assert_int_equal(store_get(st, sha, &bytes, &len, &cause), STORE_OK);
	assert_mem_str(bytes, len, V1);
	assert_int_equal(bytes[len], '\0');
	free(bytes);

	/* The same text again: not written again. */
	path = text_file(dir, sha);
	assert_int_equal(utimensat(AT_FDCWD, path, old, 0), 0);
	puts_text(st, "/news/story.txt", V1, again_sha);
	assert_string_equal(again_sha, sha);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mtime, 1000000000);
	assert_int_equal(store_list(st, "/news/story.txt", &v, &n, &cause),
	    STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].key, "/news/story.txt");
	assert_int_equal(v[0].size, strlen(V1));
	assert_int_equal(v[0].stored, (size_t)sb.st_size);
	assert_true(v[0].last);
	assert_false(v[0].pinned);
	assert_true(v[0].used >= time(NULL) - 60);
	store_versions_free(v, n);

	/* The empty text is a text. */
	put(st, "stdin", "", 0, sha);
	assert_int_equal(store_get(st, sha, &bytes, &len, &cause), STORE_OK);
	assert_int_equal(len, 0);
	free(bytes);
	assert_string_equal(store_dir(st), dir);
	store_close(st);
	store_close(NULL);
	free(path);
	free(dir);
}

/* A store with nothing in it lists nothing (its index has no entries
 * at all: found by UBSan, qsort of a null array). */
static void
empty_store_lists_nothing(void **state)
{
	char *dir, *cause = NULL;
	struct store_version *v;
	struct store_stats ss;
	struct store *st = fresh(0, &dir);
	size_t n = 9;

	(void)state;
	assert_int_equal(store_list(st, NULL, &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 0);
	store_versions_free(v, n);
	assert_int_equal(store_list(st, "/a/key", &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 0);
	store_versions_free(v, n);
	assert_int_equal(store_stats(st, &ss, &cause), STORE_OK);
	assert_int_equal(ss.versions, 0);
	store_close(st);
	free(dir);
}

static void
versions_listed_newest_first(void **state)
{
	char s1[SHA256_HEX_LEN], s2[SHA256_HEX_LEN], s3[SHA256_HEX_LEN];
	char *dir, *cause = NULL, *key;
	struct store_version *v;
	struct store_stats ss;
	struct store *st = fresh(0, &dir);
	size_t n;

	(void)state;
	puts_text(st, "/a.txt", V1, s1);
	puts_text(st, "https://example.com/news/1", V2, s2);
	puts_text(st, "/a.txt", V2, s3);		/* a.txt edited */
	assert_string_equal(s2, s3);
	puts_text(st, "/a.txt", V1, s1);		/* and back */
	assert_int_equal(store_list(st, "/a.txt", &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].sha, s1);
	assert_true(v[0].last);
	assert_string_equal(v[1].sha, s2);
	assert_false(v[1].last);
	store_versions_free(v, n);
	assert_int_equal(store_list(st, NULL, &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(v[1].key, "/a.txt");
	assert_string_equal(v[2].key, "https://example.com/news/1");
	assert_true(v[2].last);
	store_versions_free(v, n);
	assert_int_equal(store_list(st, "/none", &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 0);
	assert_null(v);

	assert_int_equal(store_stats(st, &ss, &cause), STORE_OK);
	assert_int_equal(ss.articles, 2);
	assert_int_equal(ss.versions, 3);
	assert_int_equal(ss.texts, 2);
	assert_int_equal(ss.pinned, 0);
	assert_int_equal(ss.bytes, stored_size(st, "/a.txt", s1) +
	    stored_size(st, "/a.txt", s2));

	/* A key that is not UTF-8 (a path can be anything). */
	key = xstrdup("/tmp/caf\xe9.txt");
	puts_text(st, key, V1, s1);
	assert_int_equal(store_list(st, key, &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].key, key);
	store_versions_free(v, n);
	free(key);
	store_close(st);
	free(dir);
}

static void
too_large_is_not_kept(void **state)
{
	char sha[SHA256_HEX_LEN], hex[SHA256_HEX_LEN], *dir, *cause = NULL;
	char *big = xmalloc(STORE_MAX_TEXT + 1);
	struct store *st = fresh(0, &dir);

	(void)state;
	memset(big, 'x', STORE_MAX_TEXT + 1);
	assert_int_equal(store_put(st, "/big.txt", big, STORE_MAX_TEXT + 1, sha,
	    &cause), STORE_TOO_LARGE);
	assert_non_null(strstr(cause, "over 16 MiB"));
	free(cause);
	sha256_hex(big, STORE_MAX_TEXT + 1, hex);
	assert_string_equal(sha, hex);		/* still named */
	assert_false(kept(st, sha));
	/* Exactly the limit is kept. */
	put(st, "/big.txt", big, STORE_MAX_TEXT, sha);
	assert_true(kept(st, sha));
	free(big);
	store_close(st);
	free(dir);
}

/* Replace a text file's bytes with z[0, n). */
static void
overwrite(const char *path, const void *z, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(z, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* get must say CORRUPT, with why, and hand back no text. */
static void
assert_corrupt(struct store *st, const char *sha, const char *why)
{
	char *bytes = (char *)"sentinel", *cause = NULL;
	size_t len = 99;

	assert_int_equal(store_get(st, sha, &bytes, &len, &cause),
	    STORE_CORRUPT);
	assert_null(bytes);
	assert_int_equal(len, 0);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "damaged"));
	if (strstr(cause, why) == NULL)
		fail_msg("cause '%s' does not say '%s'", cause, why);
	free(cause);
}

static void
damaged_text_is_reported_never_returned(void **state)
{
	char sha[SHA256_HEX_LEN], *dir, *path, *z, *cause = NULL, *bytes;
	struct store *st = fresh(0, &dir);
	size_t zlen, len, n;
	char frame[512];

	(void)state;
	puts_text(st, "/a.txt", V1, sha);
	path = text_file(dir, sha);
	z = util_read_file(path, &zlen);
	assert_non_null(z);

	overwrite(path, z, zlen - 3);			/* truncated */
	assert_corrupt(st, sha, "truncated");
	overwrite(path, z, 0);				/* empty */
	assert_corrupt(st, sha, "zstd frame");
	z[zlen - 1] ^= 0x55;				/* checksum wrong */
	overwrite(path, z, zlen);
	assert_corrupt(st, sha, "");
	z[zlen - 1] ^= 0x55;
	z[zlen / 2] ^= 0x20;				/* a byte in the data */
	overwrite(path, z, zlen);
	assert_corrupt(st, sha, "");
	z[zlen / 2] ^= 0x20;
	/* The right text, but in a frame without a checksum. */
	n = ZSTD_compress(frame, sizeof frame, V1, strlen(V1), 3);
	assert_false(ZSTD_isError(n));
	overwrite(path, frame, n);
	assert_corrupt(st, sha, "with a checksum");
	/* A good frame of another text under this name. */
	{
		ZSTD_CCtx *cc = ZSTD_createCCtx();

		ZSTD_CCtx_setParameter(cc, ZSTD_c_checksumFlag, 1);
		n = ZSTD_compress2(cc, frame, sizeof frame, V2, strlen(V2));
		ZSTD_freeCCtx(cc);
	}
	overwrite(path, frame, n);
	assert_corrupt(st, sha, "does not match its SHA-256");
	/* Put back: readable again. */
	overwrite(path, z, zlen);
	assert_int_equal(store_get(st, sha, &bytes, &len, &cause), STORE_OK);
	assert_mem_str(bytes, len, V1);
	free(bytes);

	/* Not found, and names that are not a SHA-256. */
	assert_false(kept(st, "0000000000000000000000000000000000000000000000000000000000000000"));
	assert_int_equal(store_get(st, "../../etc/passwd", &bytes, &len, &cause),
	    STORE_NOT_FOUND);
	free(cause);
	free(z);
	free(path);
	store_close(st);
	free(dir);
}

static void
pinned_versions_survive_any_cap(void **state)
{
	char a1[SHA256_HEX_LEN], a2[SHA256_HEX_LEN], b1[SHA256_HEX_LEN];
	char *dir, *cause = NULL, **dropped;
	const char *pins[2];
	struct store_version *v;
	struct store_stats ss;
	struct store *st = fresh(0, &dir), *tiny;
	size_t n, i;

	(void)state;
	puts_text(st, "/a.txt", V1, a1);
	pins[0] = a1;
	pins[1] = a1;		/* twice: pinned once */
	assert_int_equal(store_set_pins(st, "/a.txt", pins, 2, &cause),
	    STORE_OK);
	puts_text(st, "/a.txt", V2, a2);
	put(st, "/b.txt", "Other text.\n", 12, b1);
	assert_int_equal(store_list(st, "/a.txt", &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 2);
	assert_false(v[0].pinned);
	assert_true(v[1].pinned);
	store_versions_free(v, n);
	assert_int_equal(store_stats(st, &ss, &cause), STORE_OK);
	assert_int_equal(ss.pinned, 1);

	/* A cap of one byte: only the pinned text stays. */
	tiny = again(dir, 1);
	assert_int_equal(store_prune(tiny, &dropped, &n, &cause), STORE_OK);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++)
		assert_true(strcmp(dropped[i], a2) == 0 ||
		    strcmp(dropped[i], b1) == 0);
	store_shas_free(dropped, n);
	assert_true(kept(st, a1));
	assert_false(kept(st, a2));
	assert_false(kept(st, b1));

	/* Unpinned, it goes too. */
	assert_int_equal(store_set_pins(st, "/a.txt", NULL, 0, &cause),
	    STORE_OK);
	assert_int_equal(store_prune(tiny, NULL, NULL, &cause), STORE_OK);
	assert_false(kept(st, a1));
	/* A pin on a text not kept (yet) is allowed; a bad name is not. */
	assert_int_equal(store_set_pins(st, "/a.txt", pins, 1, &cause),
	    STORE_OK);
	pins[0] = "not-a-sha";
	assert_int_equal(store_set_pins(st, "/a.txt", pins, 1, &cause),
	    STORE_NOT_FOUND);
	free(cause);
	store_close(tiny);
	store_close(st);
	free(dir);
}

static void
set_pins_replaces_the_holders_set(void **state)
{
	char a[SHA256_HEX_LEN], b[SHA256_HEX_LEN], *dir, *cause = NULL;
	const char *pins[2];
	struct store *st = fresh(0, &dir), *tiny;

	(void)state;
	puts_text(st, "/a.txt", V1, a);
	puts_text(st, "/a.txt", V2, b);
	pins[0] = a;
	pins[1] = b;
	assert_int_equal(store_set_pins(st, "/a.txt", pins, 2, &cause),
	    STORE_OK);
	pins[0] = b;
	assert_int_equal(store_set_pins(st, "/a.txt", pins, 1, &cause),
	    STORE_OK);
	/* Another holder's pins are its own. */
	assert_int_equal(store_set_pins(st, "/copy.txt", pins, 1, &cause),
	    STORE_OK);
	tiny = again(dir, 1);
	assert_int_equal(store_prune(tiny, NULL, NULL, &cause), STORE_OK);
	assert_false(kept(st, a));
	assert_true(kept(st, b));
	store_close(tiny);
	store_close(st);
	free(dir);
}

static void
prune_least_recently_used_first(void **state)
{
	char k1v1[SHA256_HEX_LEN], k1v2[SHA256_HEX_LEN], k2[SHA256_HEX_LEN];
	char k3[SHA256_HEX_LEN], *dir, *cause = NULL, **dropped;
	char *t1 = noise(20000, 1), *t2 = noise(20000, 2), *t3 = noise(20000, 3);
	char *t4 = noise(20000, 4);
	struct store *st = fresh(0, &dir), *small;
	size_t s1, s2, s3, s4, n;

	(void)state;
	puts_text(st, "/k1", t1, k1v1);
	puts_text(st, "/k1", t2, k1v2);
	puts_text(st, "/k2", t3, k2);
	puts_text(st, "/k3", t4, k3);
	s1 = stored_size(st, "/k1", k1v1);
	s2 = stored_size(st, "/k1", k1v2);
	s3 = stored_size(st, "/k2", k2);
	s4 = stored_size(st, "/k3", k3);
	assert_true(s1 > 10000);	/* noise does not compress much */

	/* Room for three: the older version of k1 goes, though it is not
	 * the least recently used text of all... */
	small = again(dir, s2 + s3 + s4);
	assert_int_equal(store_prune(small, &dropped, &n, &cause), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(dropped[0], k1v1);
	store_shas_free(dropped, n);
	store_close(small);
	/* ...then the last versions read, least recently used first. */
	small = again(dir, s3 + s4);
	assert_int_equal(store_prune(small, &dropped, &n, &cause), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(dropped[0], k1v2);
	store_shas_free(dropped, n);
	assert_true(kept(st, k2));
	assert_true(kept(st, k3));
	/* Under the cap: nothing to do. */
	assert_int_equal(store_prune(small, &dropped, &n, &cause), STORE_OK);
	assert_int_equal(n, 0);
	free(dropped);
	store_close(small);

	/* A put over the cap prunes others, never what it put. */
	small = again(dir, s3 + 1);
	puts_text(small, "/k2", t1, k1v1);
	assert_true(kept(st, k1v1));
	assert_false(kept(st, k2));
	assert_false(kept(st, k3));
	store_close(small);
	free(t1);
	free(t2);
	free(t3);
	free(t4);
	store_close(st);
	free(dir);
}

static void
forget_drops_what_no_one_else_holds(void **state)
{
	char v1[SHA256_HEX_LEN], v2[SHA256_HEX_LEN], v3[SHA256_HEX_LEN];
	char *dir, *cause = NULL, **dropped;
	const char *pins[1];
	struct store_version *v;
	struct store *st = fresh(0, &dir);
	size_t n;

	(void)state;
	puts_text(st, "/a.txt", V1, v1);
	puts_text(st, "/a.txt", V2, v2);
	put(st, "/a.txt", "Third.\n", 7, v3);
	puts_text(st, "/b.txt", V2, v2);	/* the same text under b */
	pins[0] = v1;
	assert_int_equal(store_set_pins(st, "/a.txt", pins, 1, &cause),
	    STORE_OK);
	pins[0] = v3;
	assert_int_equal(store_set_pins(st, "/c.txt", pins, 1, &cause),
	    STORE_OK);
	assert_int_equal(store_forget(st, "/a.txt", &dropped, &n, &cause),
	    STORE_OK);
	/* v1: only a's (and a's pin goes); v2: b has it; v3: c pins it. */
	assert_int_equal(n, 1);
	assert_string_equal(dropped[0], v1);
	store_shas_free(dropped, n);
	assert_false(kept(st, v1));
	assert_true(kept(st, v2));
	assert_true(kept(st, v3));
	assert_int_equal(store_list(st, "/a.txt", &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 0);
	/* Forgetting what is not there. */
	assert_int_equal(store_forget(st, "/a.txt", &dropped, &n, &cause),
	    STORE_OK);
	assert_int_equal(n, 0);
	free(dropped);
	store_close(st);
	free(dir);
}

static void
crash_leftovers_are_swept(void **state)
{
	char sha[SHA256_HEX_LEN], orphan[SHA256_HEX_LEN], *dir, *cause = NULL;
	char *path, *tmp, **dropped;
	struct store *st = fresh(0, &dir);
	struct dirent *de;
	size_t n;
	DIR *d;

	(void)state;
	puts_text(st, "/a.txt", V1, sha);
	/* A text written before a crash kept its index from naming it, and
	 * a half-written temporary file. */
	sha256_hex(V2, strlen(V2), orphan);
	path = text_file(dir, orphan);
	overwrite(path, "x", 1);
	tmp = xasprintf("%s/.tmp-index.AbC123", dir);
	overwrite(tmp, "{\"type\":", 8);
	assert_int_equal(store_prune(st, &dropped, &n, &cause), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(dropped[0], orphan);
	store_shas_free(dropped, n);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(tmp, F_OK), -1);
	assert_true(kept(st, sha));
	/* Nothing temporary is ever left behind by a put. */
	puts_text(st, "/b.txt", V2, sha);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		assert_null(strstr(de->d_name, ".tmp-"));
	closedir(d);
	free(tmp);
	free(path);
	store_close(st);
	free(dir);
}

static void
damaged_index_is_never_overwritten(void **state)
{
	static const char junk[] = "{\"type\":\"artread-versions\",\"version\":1,\"seq\":3}\n{broken\n";
	char sha[SHA256_HEX_LEN], *dir, *cause = NULL, *path, *after;
	struct store_version *v;
	struct store *st = fresh(0, &dir);
	size_t n, len;

	(void)state;
	puts_text(st, "/a.txt", V1, sha);
	path = xasprintf("%s/index", dir);
	overwrite(path, junk, sizeof junk - 1);
	assert_int_equal(store_put(st, "/a.txt", V2, strlen(V2), sha, &cause),
	    STORE_CORRUPT);
	assert_non_null(strstr(cause, "index: line 2"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_list(st, NULL, &v, &n, &cause), STORE_CORRUPT);
	free(cause);
	cause = NULL;
	assert_int_equal(store_prune(st, NULL, NULL, &cause), STORE_CORRUPT);
	free(cause);
	after = util_read_file(path, &len);
	assert_mem_str(after, len, junk);
	free(after);
	/* The texts are still there to be read by name. */
	sha256_hex(V1, strlen(V1), sha);
	assert_true(kept(st, sha));

	/* An index from another version of artread is not ours to change. */
	overwrite(path, "{\"type\":\"artread-versions\",\"version\":2,\"seq\":1}\n",
	    49);
	cause = NULL;
	assert_int_equal(store_put(st, "/a.txt", V2, strlen(V2), sha, &cause),
	    STORE_CORRUPT);
	assert_non_null(strstr(cause, "another version"));
	free(cause);
	free(path);
	store_close(st);
	free(dir);
}

/* One of the processes below: 15 puts; the exit status says how. */
static int
child_puts(const char *dir, int i)
{
	char sha[SHA256_HEX_LEN], key[32], text[64], *cause = NULL;
	struct store *mine = store_open(dir, 0, &cause);
	int j, rc = 0;

	if (mine == NULL)
		return 2;
	for (j = 0; rc == 0 && j < 15; j++) {
		snprintf(key, sizeof key, "/p%d/%d.txt", i, j);
		snprintf(text, sizeof text, "text %d of %d\n", j, i);
		if (store_put(mine, key, text, strlen(text), sha, &cause) !=
		    STORE_OK)
			rc = 1;
	}
	store_close(mine);
	return rc;
}

/* Processes putting at once lose nothing (the lock). */
static void
concurrent_puts_lose_nothing(void **state)
{
	char *dir, *cause = NULL;
	struct store_version *v;
	struct store *st = fresh(0, &dir);
	int i, status;
	pid_t pid[4];
	size_t n;

	(void)state;
	fflush(NULL);
	for (i = 0; i < 4; i++) {
		if ((pid[i] = fork()) == 0) {
			alarm(60);
			status = child_puts(dir, i);
			store_close(st);	/* the parent's, for valgrind */
			free(dir);
			_exit(status);
		}
		assert_true(pid[i] > 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(store_list(st, NULL, &v, &n, &cause), STORE_OK);
	assert_int_equal(n, 60);
	store_versions_free(v, n);
	store_close(st);
	free(dir);
}

static void
default_directory_and_errors(void **state)
{
	char *cause = NULL, *want, *blocker;
	struct store *st;

	(void)state;
	setenv("XDG_DATA_HOME", tmpdir, 1);
	st = store_open(NULL, 0, &cause);
	assert_non_null(st);
	want = xasprintf("%s/artread/versions", tmpdir);
	assert_string_equal(store_dir(st), want);
	store_close(st);
	free(want);

	/* A file where the directory should be. */
	blocker = testutil_write(tmpdir, "blocker", "x", 1);
	want = xasprintf("%s/versions", blocker);
	assert_null(store_open(want, 0, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, blocker));
	free(cause);
	free(want);
	free(blocker);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(put_get_round_trip),
		cmocka_unit_test(empty_store_lists_nothing),
		cmocka_unit_test(versions_listed_newest_first),
		cmocka_unit_test(too_large_is_not_kept),
		cmocka_unit_test(damaged_text_is_reported_never_returned),
		cmocka_unit_test(pinned_versions_survive_any_cap),
		cmocka_unit_test(set_pins_replaces_the_holders_set),
		cmocka_unit_test(prune_least_recently_used_first),
		cmocka_unit_test(forget_drops_what_no_one_else_holds),
		cmocka_unit_test(crash_leftovers_are_swept),
		cmocka_unit_test(damaged_index_is_never_overwritten),
		cmocka_unit_test(concurrent_puts_lose_nothing),
		cmocka_unit_test(default_directory_and_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
