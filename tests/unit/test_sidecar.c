/* test_sidecar.c: the annotations file: format, refusal, merge, safety. */
#include "testutil.h"
#include "testannot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/annot.h"
#include "artread/annotate.h"
#include "artread/sha256.h"
#include "artread/sidecar.h"
#include "artread/slurp.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];

static const char ART[] =
    "Headline: caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87\n\n"
    "Body with a bad byte \xff here and a NUL \0 there.\n";
#define ARTLEN (sizeof ART - 1)

static int
setup(void **state)
{
	(void)state;
	return testutil_mkdtemp(tmpdir, "sidecar");
}

static int
teardown(void **state)
{
	(void)state;
	sidepath_set_dir_writable_hook(NULL);
	return testutil_rmtree(tmpdir);
}

static char *
write_article(const char *name, const char *bytes, size_t len)
{
	return testutil_write(tmpdir, name, bytes, len);
}

static void
write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(s, f);
	fclose(f);
}

static char *
slurp(const char *path, size_t *len)
{
	char *s = util_read_file(path, len);

	assert_non_null(s);
	return s;
}

static struct annot_set *
open_set(struct sidecar *sc, const char *path, const char *bytes, size_t len)
{
	struct annot_set *set = annot_set_new();
	char *cause = NULL;

	if (sidecar_open(sc, path, bytes, len, set, &cause) != 0)
		fail_msg("open: %s", cause);
	return set;
}

static void
save_ok(struct sidecar *sc, struct annot_set *set)
{
	char *cause = NULL;

	if (sidecar_save(sc, set, &cause) != 0)
		fail_msg("save: %s", cause);
}

/* Count files in tmpdir whose name starts with prefix. */
static int
count_prefixed(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static void
sha256_vectors(void **state)
{
	char hex[SHA256_HEX_LEN], *mil;
	struct sha256 c;
	unsigned char md[SHA256_LEN];
	int i;

	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112,
	    hex);
	assert_string_equal(hex, "cf5b16a778af8380036ce59e7b049237"
	    "0b249b11e8f07a51afac45037afee9d1");
	/* One million 'a', fed in odd-sized pieces. */
	mil = xmalloc(1000000);
	memset(mil, 'a', 1000000);
	sha256_init(&c);
	for (i = 0; i < 1000000; i += 999)
		sha256_update(&c, mil + i, 1000000 - i < 999 ? 1000000 - i :
		    999);
	sha256_final(&c, md);
	assert_int_equal(md[0], 0xcd);
	assert_int_equal(md[31], 0xd0);
	sha256_hex(mil, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	free(mil);
}

static void
round_trip_every_field(void **state)
{
	char *path = write_article("story.txt", ART, ARTLEN), *sp, *id;
	const char *note = "He said \"no\", \\ then\n\ttabbed \xe2\x80\x94 "
	    "\xf0\x9f\x98\x80 \xe4\xb8\xad";
	const char *bad = strstr(ART + 20, "bad");
	struct annot_set *set, *back;
	struct sidecar sc, sc2;
	const struct annot *b;
	size_t s, i;

	(void)state;
	set = open_set(&sc, path, ART, ARTLEN);
	assert_int_equal(sc.where, SIDECAR_BESIDE);
	s = (size_t)(bad - ART);
	/* The passage holds the invalid byte and the NUL. */
	id = xstrdup(annot_add(set, ART, ARTLEN, s, ARTLEN - 8, "claim",
	    note));
	annot_add_tag(set, id, "caf\xc3\xa9 tag");
	annot_add(set, ART, ARTLEN, 10, 15, NULL, NULL);
	save_ok(&sc, set);
	sp = xasprintf("%s.annotations.jsonl", path);
	assert_int_equal(access(sp, F_OK), 0);

	back = open_set(&sc2, path, ART, ARTLEN);
	assert_int_equal(annot_count(back), 2);
	for (i = 0; i < 2; i++)
		testannot_assert_same(annot_at(set, i), annot_at(back, i));
	b = annot_find(back, id);
	assert_string_equal(b->note, note);
	assert_string_equal(b->tags[1], "caf\xc3\xa9 tag");
	assert_non_null(memchr(b->exact, '\0', b->exact_len));
	assert_non_null(memchr(b->exact, '\xff', b->exact_len));
	sidecar_close(&sc);
	sidecar_close(&sc2);
	annot_set_free(set);
	annot_set_free(back);
	free(id);
	free(sp);
	free(path);
}

static void
file_format(void **state)
{
	char *path = write_article("f.txt", "plain text here\n", 16), *sp, *s;
	char sha[SHA256_HEX_LEN], *want, *want2;
	struct annot_set *set;
	struct sidecar sc;
	size_t len;

	(void)state;
	set = open_set(&sc, path, "plain text here\n", 16);
	annot_add(set, "plain text here\n", 16, 6, 10, "x", NULL);
	save_ok(&sc, set);
	sp = xasprintf("%s.annotations.jsonl", path);
	s = slurp(sp, &len);
	sha256_hex("plain text here\n", 16, sha);
	want = xasprintf("{\"type\":\"artread-annotations\",\"version\":2,"
	    "\"article\":{\"name\":\"f.txt\",\"sha256\":\"%s\",\"size\":16}}\n",
	    sha);
	assert_int_equal(strncmp(s, want, strlen(want)), 0);
	assert_non_null(strstr(s, "\n{\"id\":\"urn:uuid:"));
	assert_non_null(strstr(s, "\"type\":\"TextPositionSelector\","
	    "\"unit\":\"byte\",\"start\":6,\"end\":10}"));
	assert_non_null(strstr(s, "\"exact\":\"text\",\"prefix\":\"plain \","
	    "\"suffix\":\" here\\n\"}"));
	want2 = xasprintf("\"artread\":{\"anchor\":\"exact\",\"version\":"
	    "\"%s\"}}\n", sha);
	assert_non_null(strstr(s, want2));
	free(want2);
	assert_null(strstr(s, "orphaned"));
	assert_int_equal(s[len - 1], '\n');
	free(want);
	free(s);
	free(sp);
	sidecar_close(&sc);
	annot_set_free(set);
	free(path);
}

/* Write sidecar content, open it: must be refused and stay untouched. */
static void
refused(const char *content, const char *want_in_cause)
{
	char *path = write_article("c.txt", "plain text here\n", 16), *sp;
	struct annot_set *set = annot_set_new();
	struct sidecar sc;
	char *cause = NULL, *after;
	size_t len;

	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, content);
	assert_int_equal(sidecar_open(&sc, path, "plain text here\n", 16, set,
	    &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want_in_cause) == NULL)
		fail_msg("cause \"%s\" lacks \"%s\"", cause, want_in_cause);
	assert_non_null(strstr(cause, sp));
	assert_true(sidecar_is_readonly(&sc));
	assert_non_null(sidecar_readonly_cause(&sc));
	free(cause);
	cause = NULL;
	annot_add(set, "plain text here\n", 16, 0, 5, "x", NULL);
	assert_int_equal(sidecar_save(&sc, set, &cause), -1);
	assert_non_null(cause);
	free(cause);
	after = slurp(sp, &len);
	assert_int_equal(len, strlen(content));
	assert_memory_equal(after, content, len);
	assert_int_equal(count_prefixed(tmpdir, ".c.txt"), 0);
	/* The scripting entry point refuses it too. */
	cause = NULL;
	assert_int_equal(annotate_range(path, 0, 5, "x", NULL, NULL, &cause),
	    -1);
	free(cause);
	free(after);
	after = slurp(sp, &len);
	assert_memory_equal(after, content, len);
	free(after);
	sidecar_close(&sc);
	annot_set_free(set);
	unlink(sp);
	free(sp);
	free(path);
}

#define HDR "{\"type\":\"artread-annotations\",\"version\":1}\n"
#define GOOD "{\"id\":\"a1\",\"type\":\"Annotation\",\"created\":\"2024-01-01" \
    "T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"body\":[]," \
    "\"target\":{\"selector\":[{\"type\":\"TextPositionSelector\"," \
    "\"start\":0,\"end\":5},{\"type\":\"TextQuoteSelector\"," \
    "\"exact\":\"plain\"}]}}\n"

static void
corrupt_files_refused(void **state)
{
	(void)state;
	refused(HDR GOOD "{\"id\":\"a2\",\"type\":\"Annot", ":3: bad JSON");
	refused(HDR "not json\n" GOOD, ":2: bad JSON");
	/* A line cut short, not the last: its end, not the file's. */
	refused(HDR GOOD "{\"id\":\"a2\",\"type\"\n" GOOD,
	    ":3: bad JSON: ':' expected, but the line ends after 17 bytes");
	refused(HDR "{\"id\" 5}\n", ":2: bad JSON at column 7: ");
	refused(HDR "{\"id\":5,\"type\":\"Annotation\"}\n", ":2: ");
	refused(HDR GOOD GOOD, ":3: duplicate id");
	refused(HDR "{\"id\":\"a1\",\"type\":\"Annotation\",\"created\":\"x\","
	    "\"modified\":\"y\",\"target\":{\"selector\":[{\"type\":"
	    "\"TextPositionSelector\",\"start\":\"0\",\"end\":5}]}}\n",
	    ":2: \"start\" is not an offset");
	refused(HDR "{\"id\":\"a1\",\"type\":\"Annotation\"}\n",
	    ":2: \"created\" is missing");
	refused("{\"type\":\"something-else\",\"version\":1}\n", ":1: ");
	refused("{\"type\":\"artread-annotations\",\"version\":3}\n" GOOD,
	    ":1: written by a newer artread");
}

/* A damaged sidecar still shows the annotations it can (read-only);
 * one with a bad or newer header shows none. */
static size_t
salvaged(const char *content)
{
	char *path = write_article("s.txt", "plain text here\n", 16), *sp;
	struct annot_set *set = annot_set_new();
	struct sidecar sc;
	char *cause = NULL;
	size_t n;

	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, content);
	assert_int_equal(sidecar_open(&sc, path, "plain text here\n", 16, set,
	    &cause), -1);
	assert_true(sidecar_is_readonly(&sc));
	n = annot_count(set);
	free(cause);
	sidecar_close(&sc);
	annot_set_free(set);
	unlink(sp);
	free(sp);
	free(path);
	return n;
}

static void
damaged_files_salvaged(void **state)
{
	(void)state;
	assert_int_equal(salvaged(HDR GOOD "{\"id\":\"a2\",\"type\":\"Annot"), 1);
	assert_int_equal(salvaged(HDR "not json\n" GOOD), 1);
	assert_int_equal(salvaged("{\"type\":\"artread-annotations\","
	    "\"version\":3}\n" GOOD), 0);
	assert_int_equal(salvaged("not a header\n" GOOD), 0);
}

static void
current_version_accepted(void **state)
{
	char *path = write_article("v.txt", "plain text here\n", 16), *sp;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, HDR GOOD "\n");
	set = open_set(&sc, path, "plain text here\n", 16);
	assert_int_equal(annot_count(set), 1);
	assert_false(sidecar_is_readonly(&sc));
	/* No sha256 in the header: re-anchored, still in place. */
	assert_int_equal(annot_at(set, 0)->start, 0);
	assert_false(annot_at(set, 0)->orphan);
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

static void
merge_two_instances(void **state)
{
	const char *text = "one two three four five six seven\n";
	size_t len = strlen(text);
	char *path = write_article("m.txt", text, len), *ida, *idb, *idc;
	struct annot_set *a, *b, *c;
	struct sidecar sa, sb, sc;

	(void)state;
	a = open_set(&sa, path, text, len);
	b = open_set(&sb, path, text, len);
	ida = xstrdup(annot_add(a, text, len, 0, 3, "a", NULL));
	save_ok(&sa, a);
	idb = xstrdup(annot_add(b, text, len, 4, 7, "b", NULL));
	save_ok(&sb, b);		/* merges in a's */
	assert_int_equal(annot_count(b), 2);
	save_ok(&sa, a);		/* a learns b's */
	assert_int_equal(annot_count(a), 2);
	/* a deletes b's annotation; b edits nothing: stays deleted. */
	annot_delete(a, idb);
	save_ok(&sa, a);
	save_ok(&sb, b);
	assert_null(annot_find(b, idb));
	c = open_set(&sc, path, text, len);
	assert_int_equal(annot_count(c), 1);
	assert_non_null(annot_find(c, ida));
	/* A later edit on disk wins over an older copy in memory. */
	annot_set_note(c, ida, "from c");
	save_ok(&sc, c);
	idc = xstrdup(annot_add(a, text, len, 8, 13, "a2", NULL));
	save_ok(&sa, a);
	assert_string_equal(annot_find(a, ida)->note, "from c");
	assert_non_null(annot_find(a, idc));
	sidecar_close(&sa);
	sidecar_close(&sb);
	sidecar_close(&sc);
	annot_set_free(a);
	annot_set_free(b);
	annot_set_free(c);
	c = open_set(&sc, path, text, len);
	assert_int_equal(annot_count(c), 2);
	sidecar_close(&sc);
	annot_set_free(c);
	free(ida);
	free(idb);
	free(idc);
	free(path);
}

static void
mode_kept_and_no_temp_left(void **state)
{
	char *path = write_article("p.txt", "mode test text\n", 15), *sp;
	struct annot_set *set;
	struct sidecar sc;
	struct stat st;
	mode_t old;

	(void)state;
	old = umask(027);
	set = open_set(&sc, path, "mode test text\n", 15);
	annot_add(set, "mode test text\n", 15, 0, 4, "m", NULL);
	save_ok(&sc, set);
	sp = xasprintf("%s.annotations.jsonl", path);
	assert_int_equal(stat(sp, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);	/* 0666 & ~umask */
	assert_int_equal(chmod(sp, 0604), 0);
	annot_add(set, "mode test text\n", 15, 5, 9, "m", NULL);
	save_ok(&sc, set);
	assert_int_equal(stat(sp, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0604);
	umask(old);
	/* No temporary file left; the lock is a hidden dot-file. */
	assert_int_equal(count_prefixed(tmpdir, ".p.txt"), 1);
	assert_int_equal(count_prefixed(tmpdir,
	    ".p.txt.annotations.jsonl.lock"), 1);
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

static void
failed_save_keeps_set_and_retries(void **state)
{
	char *sub = xasprintf("%s/sub", tmpdir), *path, *cause = NULL;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	assert_int_equal(mkdir(sub, 0755), 0);
	path = xasprintf("%s/r.txt", sub);
	write_file(path, "retry text\n");
	set = open_set(&sc, path, "retry text\n", 11);
	annot_add(set, "retry text\n", 11, 0, 5, "r", "kept");
	/* The directory vanishes: the save fails, nothing is lost. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(sidecar_save(&sc, set, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(annot_count(set), 1);
	assert_int_equal(mkdir(sub, 0755), 0);
	save_ok(&sc, set);
	assert_int_equal(count_prefixed(sub, ".r.txt"), 1);	/* the lock */
	assert_int_equal(count_prefixed(sub, "r.txt.annotations.jsonl"), 1);
	sidecar_close(&sc);
	annot_set_free(set);
	free(path);
	free(sub);
}

static char *ro_dir;

static int
not_writable(const char *dir)
{
	return strcmp(dir, ro_dir) != 0;
}

/* The data directory's file kept by path for the article at path. */
static char *
by_path_file(const char *data, const char *path)
{
	char *real = realpath(path, NULL), sha[SHA256_HEX_LEN];

	assert_non_null(real);
	sha256_hex(real, strlen(real), sha);
	free(real);
	return xasprintf("%s/artread/annotations/by-path/%s.annotations.jsonl",
	    data, sha);
}

static void	assert_reads_back(const char *, const char *, size_t, size_t);

static void
readonly_dir_falls_back(void **state)
{
	char *dir = xasprintf("%s/ro", tmpdir), *data, *path, *want, *loc;
	char *cause = NULL;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	data = xasprintf("%s/data", tmpdir);
	setenv("XDG_DATA_HOME", data, 1);
	assert_int_equal(mkdir(dir, 0755), 0);
	path = xasprintf("%s/a.txt", dir);
	write_file(path, "read only dir\n");
	assert_int_equal(chmod(dir, 0555), 0);
	ro_dir = dir;
	/* root passes access(2) on a 0555 directory: use the hook then. */
	if (geteuid() == 0)
		sidepath_set_dir_writable_hook(not_writable);
	set = open_set(&sc, path, "read only dir\n", 14);
	assert_int_equal(sc.where, SIDECAR_DATA_DIR);
	want = by_path_file(data, path);
	assert_string_equal(sc.path, want);
	loc = sidecar_location(&sc);
	assert_non_null(strstr(loc, "not writable"));
	annot_add(set, "read only dir\n", 14, 0, 4, "r", NULL);
	save_ok(&sc, set);
	assert_int_equal(access(want, F_OK), 0);
	assert_int_equal(count_prefixed(dir, "a.txt.annotations"), 0);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Kept by path: the article edited keeps them (issue 11, 3). */
	assert_int_equal(chmod(dir, 0755), 0);
	write_file(path, "read only dir, edited\n");
	assert_int_equal(chmod(dir, 0555), 0);
	set = open_set(&sc, path, "read only dir, edited\n", 22);
	assert_string_equal(sc.path, want);
	assert_int_equal(annot_count(set), 1);
	assert_false(annot_at(set, 0)->orphan);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Standard input with the same text never shares them. */
	set = open_set(&sc, NULL, "read only dir\n", 14);
	assert_int_equal(sc.where, SIDECAR_DATA_STDIN);
	assert_string_not_equal(sc.path, want);
	assert_int_equal(annot_count(set), 0);
	sidecar_close(&sc);
	annot_set_free(set);
	free(cause);
	free(loc);
	free(want);
	free(path);
	free(data);
	free(dir);
	unsetenv("XDG_DATA_HOME");
}

/* A file with the text of annotations made on standard input is offered
 * them, once; two files with one text never share their own. */
static void
by_content_offered(void **state)
{
	const char *text = "Text piped in first.\n";
	size_t len = strlen(text);
	char *a = write_article("a.txt", text, len);
	char *b = write_article("b.txt", text, len);
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	set = open_set(&sc, NULL, text, len);
	annot_add(set, text, len, 0, 4, "piped", NULL);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	set = open_set(&sc, a, text, len);
	assert_int_equal(sc.by_content, 1);
	assert_string_equal(sc.content_name, "stdin");
	assert_int_equal(annot_count(set), 1);
	annot_add(set, text, len, 5, 9, "mine", NULL);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Taken in: not offered again, even once deleted. */
	set = open_set(&sc, a, text, len);
	assert_int_equal(sc.by_content, 0);
	assert_int_equal(annot_count(set), 2);
	annot_delete(set, annot_at(set, 0)->id);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	set = open_set(&sc, a, text, len);
	assert_int_equal(annot_count(set), 1);
	sidecar_close(&sc);
	annot_set_free(set);
	/* b has the same text: offered the piped one, never a's own. */
	set = open_set(&sc, b, text, len);
	assert_int_equal(sc.by_content, 1);
	assert_int_equal(annot_count(set), 1);
	assert_string_equal(annot_at(set, 0)->tags[0], "piped");
	sidecar_close(&sc);
	annot_set_free(set);
	free(a);
	free(b);
}

/* Issue 11, 3: annotations an older artread kept by content for this
 * article, before it changed, are not found; but never silently. */
static void
older_files_are_named(void **state)
{
	const char *text = "The text as it is now.\n";
	char *art = write_article("old.txt", text, strlen(text));
	char *other = write_article("other.txt", text, strlen(text));
	char *data = xasprintf("%s/data", tmpdir), *dir, *legacy, *hdr;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	dir = xasprintf("%s/artread", data);
	assert_int_equal(mkdir(data, 0700), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	free(dir);
	dir = xasprintf("%s/artread/annotations", data);
	assert_int_equal(mkdir(dir, 0700), 0);
	legacy = xasprintf("%s/%064d.annotations.jsonl", dir, 0);
	hdr = xasprintf("{\"type\":\"artread-annotations\",\"version\":2,"
	    "\"article\":{\"name\":\"old.txt\",\"sha256\":\"%064d\","
	    "\"size\":10}}\n", 1);
	write_file(legacy, hdr);
	set = open_set(&sc, art, text, strlen(text));
	assert_int_equal(annot_count(set), 0);
	assert_int_equal(sc.elsewhere, 1);
	assert_string_equal(sc.elsewhere_path, legacy);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Another article's name: nothing to say. */
	set = open_set(&sc, other, text, strlen(text));
	assert_int_equal(sc.elsewhere, 0);
	sidecar_close(&sc);
	annot_set_free(set);
	unsetenv("XDG_DATA_HOME");
	free(hdr);
	free(legacy);
	free(dir);
	free(data);
	free(other);
	free(art);
}

/* Annotations kept in the data directory move beside the article when
 * its directory is writable again, atomically and without duplicates. */
static void
data_dir_copy_moves_beside(void **state)
{
	const char *text = "The council met on Monday.\n";
	size_t len = strlen(text);
	char *data = xasprintf("%s/data", tmpdir), *dir, *path, *copy, *beside;
	struct annot_set *set;
	struct sidecar sc;
	const char *keep, *drop;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	dir = xasprintf("%s/mv", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	path = xasprintf("%s/m.txt", dir);
	write_file(path, text);
	beside = xasprintf("%s/m.txt.annotations.jsonl", dir);
	/* Made beside first. */
	set = open_set(&sc, path, text, len);
	keep = annot_add(set, text, len, 4, 11, "kept", NULL);
	annot_set_note(set, keep, "before");
	drop = annot_add(set, text, len, 12, 15, "dropped", NULL);
	keep = xstrdup(keep);
	drop = xstrdup(drop);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Read-only: a copy in the data directory, seeded from beside. */
	ro_dir = dir;
	sidepath_set_dir_writable_hook(not_writable);
	set = open_set(&sc, path, text, len);
	assert_int_equal(sc.where, SIDECAR_DATA_DIR);
	assert_int_equal(annot_count(set), 2);
	annot_set_note(set, keep, "after");
	annot_delete(set, drop);
	annot_add(set, text, len, 19, 25, "new", NULL);
	save_ok(&sc, set);
	copy = xstrdup(sc.path);
	sidecar_close(&sc);
	annot_set_free(set);
	assert_int_equal(access(copy, F_OK), 0);
	/* Writable again: the copy moves beside, its changes win whole. */
	sidepath_set_dir_writable_hook(NULL);
	set = open_set(&sc, path, text, len);
	assert_int_equal(sc.where, SIDECAR_BESIDE);
	assert_string_equal(sc.moved_from, copy);
	assert_int_equal(access(copy, F_OK), -1);
	assert_int_equal(annot_count(set), 2);
	assert_string_equal(annot_find(set, keep)->note, "after");
	assert_null(annot_find(set, drop));
	sidecar_close(&sc);
	annot_set_free(set);
	assert_reads_back(path, text, len, 2);
	/* Both changed since the copy was made: merged, nothing lost. */
	sidepath_set_dir_writable_hook(not_writable);
	set = open_set(&sc, path, text, len);
	annot_set_note(set, keep, "in the copy");
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	{
		/* Someone edits the note in the file beside it meanwhile. */
		size_t n;
		char *t = slurp(beside, &n), *at = strstr(t, "\"after\"");

		assert_non_null(at);
		memcpy(at, "\"other\"", 7);
		write_file(beside, t);
		free(t);
	}
	sidepath_set_dir_writable_hook(NULL);
	set = open_set(&sc, path, text, len);
	assert_int_equal(access(copy, F_OK), -1);
	assert_string_equal(annot_find(set, keep)->note, "in the copy");
	assert_int_equal(annot_count(set), 3);	/* the other note kept too */
	sidecar_close(&sc);
	annot_set_free(set);
	assert_reads_back(path, text, len, 3);
	free((char *)keep);
	free((char *)drop);
	free(beside);
	free(copy);
	free(path);
	free(dir);
	free(data);
	unsetenv("XDG_DATA_HOME");
}

/* The directory becomes read-only while the article is open (F2): the
 * next save goes to the data directory's copy, seeded from the file
 * beside it, which stays; writable again, the copy moves back. */
static void
dir_read_only_mid_session(void **state)
{
	const char *text = "The ferry runs twice a day.\n";
	size_t len = strlen(text);
	char *data = xasprintf("%s/data", tmpdir), *dir, *path, *beside, *copy;
	char *before, *after;
	struct annot_set *set;
	struct sidecar sc;
	size_t n1, n2;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	dir = xasprintf("%s/mid", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	path = xasprintf("%s/s.txt", dir);
	write_file(path, text);
	beside = xasprintf("%s/s.txt.annotations.jsonl", dir);
	copy = by_path_file(data, path);
	set = open_set(&sc, path, text, len);
	annot_add(set, text, len, 4, 9, "first", NULL);
	save_ok(&sc, set);
	before = slurp(beside, &n1);
	/* chmod 555 now (the hook: root writes anyway). */
	ro_dir = dir;
	sidepath_set_dir_writable_hook(not_writable);
	annot_add(set, text, len, 10, 14, "second", NULL);
	save_ok(&sc, set);
	assert_int_equal(sc.where, SIDECAR_DATA_DIR);
	assert_string_equal(sc.path, copy);
	assert_int_equal(access(copy, F_OK), 0);
	after = slurp(beside, &n2);
	assert_true(n1 == n2 && memcmp(before, after, n1) == 0);
	annot_add(set, text, len, 15, 20, "third", NULL);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Reopened while still read-only: all three. */
	assert_reads_back(path, text, len, 3);
	/* Writable again: they move beside the article, nothing doubled. */
	sidepath_set_dir_writable_hook(NULL);
	set = open_set(&sc, path, text, len);
	assert_int_equal(sc.where, SIDECAR_BESIDE);
	assert_int_equal(annot_count(set), 3);
	assert_int_equal(access(copy, F_OK), -1);
	sidecar_close(&sc);
	annot_set_free(set);
	assert_reads_back(path, text, len, 3);
	free(before);
	free(after);
	free(copy);
	free(beside);
	free(path);
	free(dir);
	free(data);
	unsetenv("XDG_DATA_HOME");
}

/*
 * A copy in the data directory made by another instance while the
 * directory was read-only, then a change beside it, then the directory
 * read-only again: the move merges the copy as an import, so what was
 * saved beside and is not in the copy is kept (it was dropped as
 * "deleted there", the review's finding).
 */
static void
dir_read_only_again_keeps_all(void **state)
{
	const char *text = "The ferry runs twice a day, at dawn and dusk.\n";
	size_t len = strlen(text);
	char *data = xasprintf("%s/data", tmpdir), *dir, *path;
	struct annot_set *a, *b;
	struct sidecar sa, sb;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	dir = xasprintf("%s/again", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	path = xasprintf("%s/s.txt", dir);
	write_file(path, text);
	a = open_set(&sa, path, text, len);	/* A: beside, writable */
	annot_add(a, text, len, 4, 9, "first", NULL);
	save_ok(&sa, a);
	ro_dir = dir;				/* read-only: B's copy */
	sidepath_set_dir_writable_hook(not_writable);
	b = open_set(&sb, path, text, len);
	annot_add(b, text, len, 10, 14, "fromB", NULL);
	save_ok(&sb, b);
	sidecar_close(&sb);
	annot_set_free(b);
	sidepath_set_dir_writable_hook(NULL);	/* writable: A saves beside */
	annot_add(a, text, len, 15, 20, "claim", NULL);
	save_ok(&sa, a);
	assert_int_equal(sa.where, SIDECAR_BESIDE);
	sidepath_set_dir_writable_hook(not_writable);	/* read-only again */
	annot_add(a, text, len, 21, 26, "evidence", NULL);
	save_ok(&sa, a);
	assert_int_equal(sa.where, SIDECAR_DATA_DIR);
	assert_int_equal(annot_count(a), 4);
	sidecar_close(&sa);
	annot_set_free(a);
	assert_reads_back(path, text, len, 4);
	sidepath_set_dir_writable_hook(NULL);
	assert_reads_back(path, text, len, 4);
	free(path);
	free(dir);
	free(data);
	unsetenv("XDG_DATA_HOME");
}

/* Write text to a, annotate [4, end) with tag, save, rename a to b. */
static void
annotate_then_rename(const char *a, const char *b, const char *text,
    const char *tag, size_t end)
{
	size_t len = strlen(text);
	struct annot_set *set;
	struct sidecar sc;

	write_file(a, text);
	set = open_set(&sc, a, text, len);
	annot_add(set, text, len, 4, end, tag, NULL);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	assert_int_equal(rename(a, b), 0);
}

/* A sidecar linked to the old article's (mv old new; ln -s) is the
 * article's own: never offered for adoption (which would remove it). */
static void
linked_is_not_renamed(const char *dir, const char *text)
{
	size_t len = strlen(text);
	char *old = xasprintf("%s/old.txt", dir), *new, *link, *target;
	struct annot_set *set;
	struct sidecar sc;

	new = xasprintf("%s/new.txt", dir);
	link = xasprintf("%s%s", new, SIDEPATH_SUFFIX);
	target = xasprintf("old.txt%s", SIDEPATH_SUFFIX);
	sidepath_set_dir_writable_hook(NULL);
	annotate_then_rename(old, new, text, "linked", 9);
	assert_int_equal(symlink(target, link), 0);
	set = open_set(&sc, new, text, len);
	assert_int_equal(annot_count(set), 1);
	assert_int_equal(sc.renamed, 0);
	sidecar_close(&sc);
	annot_set_free(set);
	free(target);
	free(link);
	free(new);
	free(old);
}

/*
 * An article on a read-only medium (its copy in the data directory)
 * whose whole directory is gone, as when the medium is unmounted: a copy
 * of its text elsewhere is not offered its annotations (the review's
 * finding: adopting them took them from the article).
 */
static void
unmounted_is_not_renamed(const char *dir, const char *text)
{
	size_t len = strlen(text);
	char *media = xasprintf("%s/media", dir), *off, *art, *copy;
	struct annot_set *set;
	struct sidecar sc;

	off = xasprintf("%s.off", media);
	art = xasprintf("%s/x.txt", media);
	copy = xasprintf("%s/copy.txt", dir);
	assert_int_equal(mkdir(media, 0755), 0);
	write_file(art, text);
	ro_dir = media;
	set = open_set(&sc, art, text, len);
	annot_add(set, text, len, 4, 9, "oncd", NULL);
	save_ok(&sc, set);
	assert_int_equal(sc.where, SIDECAR_DATA_DIR);
	sidecar_close(&sc);
	annot_set_free(set);
	assert_int_equal(rename(media, off), 0);	/* "unmounted" */
	write_file(copy, text);
	set = open_set(&sc, copy, text, len);
	assert_int_equal(sc.renamed, 0);
	sidecar_close(&sc);
	annot_set_free(set);
	free(copy);
	free(art);
	free(off);
	free(media);
}

/* The article's own sidecar damaged: a renamed article's file is still
 * found, and the error says how to adopt it (move the damaged file
 * aside first); the messages did not mention --adopt. */
static void
damaged_still_finds_renamed(void **state)
{
	const char *text = "The barge traffic stopped at Kaub.\n";
	size_t len = strlen(text);
	char *data = xasprintf("%s/data", tmpdir), *a, *b, *bad, *cause = NULL;
	char *want;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	a = xasprintf("%s/a.txt", tmpdir);
	b = xasprintf("%s/b.txt", tmpdir);
	bad = xasprintf("%s.annotations.jsonl", b);
	annotate_then_rename(a, b, text, "claim", 17);
	write_file(bad, "{bad\n");
	set = annot_set_new();
	assert_int_equal(sidecar_open(&sc, b, text, len, set, &cause), -1);
	assert_int_equal(sc.renamed, 1);
	assert_int_equal(sc.renamed_count, 1);
	sidecar_renamed_hint_after(&sc, "b.txt", &cause);
	want = xasprintf("a.txt.annotations.jsonl holds 1 annotation made on "
	    "this very text for a.txt, which is gone (renamed?): move the "
	    "damaged file aside (mv %s %s.damaged), then artread --adopt "
	    "b.txt takes it", bad, bad);
	if (strstr(cause, want) == NULL)
		fail_msg("not in \"%s\": \"%s\"", cause, want);
	free(want);
	free(cause);
	sidecar_close(&sc);
	annot_set_free(set);
	free(bad);
	free(a);
	free(b);
	free(data);
}

/* A renamed article's annotations are found by its text and adopted,
 * beside it and in the data directory (F1); a copy never takes them. */
static void
renamed_article_adopts(void **state)
{
	const char *text = "The barge traffic stopped at Kaub.\n";
	size_t len = strlen(text), n = 0;
	char *data = xasprintf("%s/data", tmpdir), *dir, *a, *b, *c, *old;
	char *cause = NULL;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	dir = xasprintf("%s/ren", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	a = xasprintf("%s/a.txt", dir);
	b = xasprintf("%s/b.txt", dir);
	c = xasprintf("%s/c.txt", dir);
	old = xasprintf("%s.annotations.jsonl", a);
	annotate_then_rename(a, b, text, "claim", 17);
	set = open_set(&sc, b, text, len);
	assert_int_equal(annot_count(set), 0);
	assert_int_equal(sc.renamed, 1);
	assert_string_equal(sc.renamed_path, old);
	assert_string_equal(sc.renamed_name, "a.txt");
	assert_int_equal(sc.renamed_count, 1);
	if (sidecar_adopt(&sc, set, &n, &cause) != 0)
		fail_msg("adopt: %s", cause);
	assert_int_equal(n, 1);
	assert_int_equal(access(old, F_OK), -1);
	sidecar_close(&sc);
	annot_set_free(set);
	assert_reads_back(b, text, len, 1);
	/* Nothing more to adopt; a copy (both there) never shares. */
	write_file(c, text);
	set = open_set(&sc, c, text, len);
	assert_int_equal(sc.renamed, 0);
	assert_int_equal(sidecar_adopt(&sc, set, &n, &cause), -1);
	free(cause);
	cause = NULL;
	sidecar_close(&sc);
	annot_set_free(set);
	/* Renamed in a directory it cannot write: found by path. */
	ro_dir = dir;
	sidepath_set_dir_writable_hook(not_writable);
	set = open_set(&sc, c, text, len);
	annot_add(set, text, len, 0, 3, "ro", NULL);
	save_ok(&sc, set);
	assert_int_equal(sc.where, SIDECAR_DATA_DIR);
	free(old);
	old = xstrdup(sc.path);
	sidecar_close(&sc);
	annot_set_free(set);
	assert_int_equal(rename(c, b), 0);	/* over b: b's file is its */
	set = open_set(&sc, b, text, len);
	assert_int_equal(annot_count(set), 1);
	assert_int_equal(sc.renamed, 1);
	assert_string_equal(sc.renamed_path, old);
	if (sidecar_adopt(&sc, set, &n, &cause) != 0)
		fail_msg("adopt: %s", cause);
	assert_int_equal(n, 1);
	assert_int_equal(access(old, F_OK), -1);
	sidecar_close(&sc);
	annot_set_free(set);
	set = open_set(&sc, b, text, len);
	assert_int_equal(annot_count(set), 2);
	assert_int_equal(sc.renamed, 0);
	sidecar_close(&sc);
	annot_set_free(set);
	unmounted_is_not_renamed(dir, text);
	linked_is_not_renamed(dir, text);
	free(old);
	free(a);
	free(b);
	free(c);
	free(dir);
	free(data);
	unsetenv("XDG_DATA_HOME");
}

static void
symlinked_article(void **state)
{
	char *real, *link, *sub, *want;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	sub = xasprintf("%s/real", tmpdir);
	assert_int_equal(mkdir(sub, 0755), 0);
	real = xasprintf("%s/story.txt", sub);
	write_file(real, "linked text\n");
	link = xasprintf("%s/link.txt", tmpdir);
	assert_int_equal(symlink(real, link), 0);
	set = open_set(&sc, link, "linked text\n", 12);
	annot_add(set, "linked text\n", 12, 0, 6, "l", NULL);
	save_ok(&sc, set);
	want = xasprintf("%s.annotations.jsonl", real);
	assert_int_equal(access(want, F_OK), 0);
	assert_int_equal(count_prefixed(tmpdir, "link.txt.annotations"), 0);
	sidecar_close(&sc);
	annot_set_free(set);
	free(want);
	free(link);
	free(real);
	free(sub);
}

static void
changed_article_reanchors_on_open(void **state)
{
	const char *v1 = "Alpha beta gamma delta.\n";
	const char *v2 = "New first line.\nAlpha beta gamma delta.\n";
	char *path = write_article("ch.txt", v1, strlen(v1));
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	set = open_set(&sc, path, v1, strlen(v1));
	annot_add(set, v1, strlen(v1), 6, 16, "g", NULL);
	annot_add(set, v1, strlen(v1), 0, 5, "gone", NULL);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	write_file(path, "New first line.\nbeta gamma delta.\n");
	write_file(path, v2);
	set = open_set(&sc, path, v2, strlen(v2));
	assert_int_equal(sc.moved, 2);
	assert_int_equal(sc.orphaned, 0);
	assert_int_equal(annot_at(set, 1)->start, 22);
	sidecar_close(&sc);
	annot_set_free(set);
	free(path);
}

/* ---- format 2, and the second hardening round ----------------------- */

/* Every file a writer leaves must be one the strict reader accepts. */
static void
assert_reads_back(const char *path, const char *bytes, size_t len,
    size_t want)
{
	struct annot_set *set = annot_set_new();
	struct sidecar sc;
	char *cause = NULL;

	if (sidecar_open(&sc, path, bytes, len, set, &cause) != 0)
		fail_msg("artread refuses its own sidecar: %s", cause);
	assert_false(sidecar_is_readonly(&sc));
	assert_int_equal(annot_count(set), want);
	sidecar_close(&sc);
	annot_set_free(set);
}

#define PLAIN "plain text here\n"
#define PLAINLEN 16

static void
format_1_read_and_rewritten(void **state)
{
	char *path = write_article("one.txt", PLAIN, PLAINLEN), *sp, *s;
	char sha[SHA256_HEX_LEN], *v1;
	struct annot_set *set;
	struct sidecar sc;
	size_t len;

	(void)state;
	sha256_hex(PLAIN, PLAINLEN, sha);
	sp = xasprintf("%s.annotations.jsonl", path);
	v1 = xasprintf("{\"type\":\"artread-annotations\",\"version\":1,"
	    "\"article\":{\"name\":\"one.txt\",\"sha256\":\"%s\",\"size\":16}}\n"
	    "{\"id\":\"0123456789abcdef0123456789abcdef\",\"type\":"
	    "\"Annotation\",\"created\":\"2024-01-01T00:00:00.000Z\","
	    "\"modified\":\"2024-01-01T00:00:00.000Z\",\"body\":[{\"type\":"
	    "\"TextualBody\",\"purpose\":\"tagging\",\"value\":\"old\"}],"
	    "\"target\":{\"selector\":[{\"type\":\"TextPositionSelector\","
	    "\"unit\":\"byte\",\"start\":0,\"end\":5},{\"type\":"
	    "\"TextQuoteSelector\",\"exact\":\"plain\",\"prefix\":\"\","
	    "\"suffix\":\" text here\\n\"}]},\"orphaned\":false}\n", sha);
	write_file(sp, v1);
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	assert_int_equal(annot_count(set), 1);
	assert_string_equal(annot_at(set, 0)->id,
	    "urn:uuid:01234567-89ab-cdef-0123-456789abcdef");
	assert_string_equal(annot_at(set, 0)->version, sha);
	assert_int_equal(sc.moved, 0);
	annot_add(set, PLAIN, PLAINLEN, 6, 10, "new", NULL);
	save_ok(&sc, set);
	s = slurp(sp, &len);
	assert_non_null(strstr(s, "\"version\":2"));
	assert_non_null(strstr(s, "\"id\":\"urn:uuid:01234567-89ab-cdef-0123-"
	    "456789abcdef\""));
	assert_null(strstr(s, "orphaned"));
	free(s);
	assert_reads_back(path, PLAIN, PLAINLEN, 2);
	sidecar_close(&sc);
	annot_set_free(set);
	free(v1);
	free(sp);
	free(path);
}

/* Issue 11: a byte order mark or blank lines before the header hid
 * every annotation. */
static void
bom_and_blank_lines_accepted(void **state)
{
	char *path = write_article("bom.txt", PLAIN, PLAINLEN), *sp;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, "\xef\xbb\xbf\n  \r\n" HDR "\n" GOOD "\n\n");
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	assert_int_equal(annot_count(set), 1);
	assert_false(sidecar_is_readonly(&sc));
	annot_add(set, PLAIN, PLAINLEN, 6, 10, "x", NULL);
	save_ok(&sc, set);
	assert_reads_back(path, PLAIN, PLAINLEN, 2);
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

/* Open a sidecar that is not a regular file: refused at once, never
 * read, never written. */
static void
refused_without_hanging(const char *name, const char *want)
{
	char *path = write_article(name, PLAIN, PLAINLEN), *sp, *cause = NULL;
	struct annot_set *set = annot_set_new();
	struct sidecar sc;
	struct stat st;

	sp = xasprintf("%s.annotations.jsonl", path);
	alarm(5);		/* a hang fails the test */
	assert_int_equal(sidecar_open(&sc, path, PLAIN, PLAINLEN, set,
	    &cause), -1);
	alarm(0);
	if (strstr(cause, want) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", cause, want);
	free(cause);
	annot_add(set, PLAIN, PLAINLEN, 0, 5, "x", NULL);
	assert_int_equal(sidecar_save(&sc, set, &cause), -1);
	free(cause);
	assert_int_equal(lstat(sp, &st), 0);
	assert_false(S_ISREG(st.st_mode));
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

static void
fifo_and_device_sidecars_refused(void **state)
{
	char *sp = xasprintf("%s/fifo.txt.annotations.jsonl", tmpdir);
	char *zp = xasprintf("%s/zero.txt.annotations.jsonl", tmpdir);

	(void)state;
	assert_int_equal(mkfifo(sp, 0600), 0);
	refused_without_hanging("fifo.txt", "FIFO");
	assert_int_equal(symlink("/dev/zero", zp), 0);
	refused_without_hanging("zero.txt", "not a regular file");
	free(sp);
	free(zp);
}

static void
oversized_sidecar_refused(void **state)
{
	char *path = write_article("big.txt", PLAIN, PLAINLEN), *sp;
	struct annot_set *set = annot_set_new();
	struct sidecar sc;
	char *cause = NULL;
	int fd;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	fd = open(sp, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)SLURP_ANNOTATIONS_MAX + 1), 0);
	close(fd);
	assert_int_equal(sidecar_open(&sc, path, PLAIN, PLAINLEN, set,
	    &cause), -1);
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

/* A sidecar that is a symbolic link is written through: the link stays,
 * its target gets the annotations.  One that points nowhere is refused. */
static void
symlinked_sidecar(void **state)
{
	char *path = write_article("ln.txt", PLAIN, PLAINLEN), *sp, *shared;
	char *dpath, *dsp, *cause = NULL;
	struct annot_set *set;
	struct sidecar sc;
	struct stat st;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	shared = xasprintf("%s/shared.jsonl", tmpdir);
	write_file(shared, HDR GOOD);
	assert_int_equal(symlink(shared, sp), 0);
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	assert_int_equal(annot_count(set), 1);
	annot_add(set, PLAIN, PLAINLEN, 6, 10, "via-link", NULL);
	save_ok(&sc, set);
	assert_int_equal(lstat(sp, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_reads_back(path, PLAIN, PLAINLEN, 2);
	sidecar_close(&sc);
	annot_set_free(set);
	dpath = write_article("dang.txt", PLAIN, PLAINLEN);
	dsp = xasprintf("%s.annotations.jsonl", dpath);
	assert_int_equal(symlink("/nonexistent/dir/x.jsonl", dsp), 0);
	set = annot_set_new();
	assert_int_equal(sidecar_open(&sc, dpath, PLAIN, PLAINLEN, set,
	    &cause), -1);
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);
	sidecar_close(&sc);
	annot_set_free(set);
	free(dsp);
	free(dpath);
	free(shared);
	free(sp);
	free(path);
}

/* Issue 11: a sidecar made read-only (chmod 444) was overwritten. */
static void
read_only_sidecar_respected(void **state)
{
	char *path = write_article("ro.txt", PLAIN, PLAINLEN), *sp, *cause;
	char *before, *after, *loc;
	struct annot_set *set;
	struct sidecar sc;
	size_t blen, alen;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, HDR GOOD);
	assert_int_equal(chmod(sp, 0444), 0);
	before = slurp(sp, &blen);
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	assert_true(sidecar_is_readonly(&sc));
	assert_non_null(strstr(sidecar_readonly_cause(&sc), "read-only"));
	loc = sidecar_location(&sc);
	assert_non_null(strstr(loc, "read-only"));
	free(loc);
	assert_int_equal(annot_count(set), 1);
	annot_add(set, PLAIN, PLAINLEN, 6, 10, "x", NULL);
	cause = NULL;
	assert_int_equal(sidecar_save(&sc, set, &cause), -1);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	after = slurp(sp, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	sidecar_close(&sc);
	annot_set_free(set);
	free(before);
	free(after);
	free(sp);
	free(path);
}

/* Two instances change the same annotation: both versions are kept and
 * the save that found the conflict says so. */
static void
conflict_kept(void **state)
{
	char *path = write_article("cf.txt", PLAIN, PLAINLEN), *id;
	struct annot_set *a, *b;
	struct sidecar sa, sb;
	const struct annot *copy = NULL;
	size_t i;

	(void)state;
	a = open_set(&sa, path, PLAIN, PLAINLEN);
	id = xstrdup(annot_add(a, PLAIN, PLAINLEN, 0, 5, "t", NULL));
	save_ok(&sa, a);
	b = open_set(&sb, path, PLAIN, PLAINLEN);
	annot_set_note(a, id, "from a");
	annot_set_note(b, id, "from b");
	save_ok(&sa, a);
	assert_int_equal(sa.conflicts, 0);
	save_ok(&sb, b);
	assert_int_equal(sb.conflicts, 1);
	assert_string_equal(annot_find(b, id)->note, "from b");
	for (i = 0; i < annot_count(b); i++) {
		if (annot_at(b, i)->conflict_of != NULL)
			copy = annot_at(b, i);
	}
	assert_non_null(copy);
	assert_string_equal(copy->conflict_of, id);
	assert_string_equal(copy->note, "from a");
	save_ok(&sa, a);	/* a takes the file as b left it */
	assert_int_equal(sa.conflicts, 0);
	assert_int_equal(annot_count(a), 2);
	assert_reads_back(path, PLAIN, PLAINLEN, 2);
	sidecar_close(&sa);
	sidecar_close(&sb);
	annot_set_free(a);
	annot_set_free(b);
	free(id);
	free(path);
}

/*
 * Issue 11: an annotation whose "modified" on disk sorts after the local
 * edit (an RFC 2822 date from an import, a clock ahead) could never be
 * edited again: the status said "note saved", the file kept the old
 * note.
 */
static void
local_edit_beats_odd_times_on_disk(void **state)
{
	static const char *const times[] = { "Mon, 30 Nov 2099 09:00:00 GMT",
	    "2099-01-01T00:00:00.000Z", "9999-12-31T23:59:59Z" };
	char *path = write_article("t.txt", PLAIN, PLAINLEN), *sp, *line;
	struct annot_set *set;
	struct sidecar sc;
	size_t i;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	for (i = 0; i < sizeof times / sizeof times[0]; i++) {
		line = xasprintf(HDR "{\"id\":\"a1\",\"type\":\"Annotation\","
		    "\"created\":\"%s\",\"modified\":\"%s\",\"target\":"
		    "{\"selector\":[{\"type\":\"TextPositionSelector\","
		    "\"start\":0,\"end\":5},{\"type\":\"TextQuoteSelector\","
		    "\"exact\":\"plain\"}]}}\n", times[i], times[i]);
		write_file(sp, line);
		free(line);
		set = open_set(&sc, path, PLAIN, PLAINLEN);
		assert_int_equal(annot_set_note(set, annot_at(set, 0)->id,
		    "edited now"), 0);
		save_ok(&sc, set);
		sidecar_close(&sc);
		annot_set_free(set);
		set = open_set(&sc, path, PLAIN, PLAINLEN);
		assert_string_equal(annot_at(set, 0)->note, "edited now");
		assert_true(strlen(annot_at(set, 0)->created) == 24);
		sidecar_close(&sc);
		annot_set_free(set);
	}
	free(sp);
	free(path);
}

/* A time nobody can read becomes the file's time (the same for every
 * reader, so no merge sees a change), and is noted. */
static void
unreadable_time_noted(void **state)
{
	char *path = write_article("u.txt", PLAIN, PLAINLEN), *sp;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, HDR "{\"id\":\"a1\",\"type\":\"Annotation\",\"created\":"
	    "\"\",\"modified\":\"last Tuesday\",\"target\":{\"selector\":[{"
	    "\"type\":\"TextPositionSelector\",\"start\":0,\"end\":5},{\"type\":"
	    "\"TextQuoteSelector\",\"exact\":\"plain\"}]}}\n");
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	assert_int_equal(sc.times_fixed, 2);
	assert_string_equal(annot_at(set, 0)->created,
	    annot_at(set, 0)->modified);
	save_ok(&sc, set);
	assert_reads_back(path, PLAIN, PLAINLEN, 1);
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

/* Issue 11: every save deleted files named .NAME.annotations.jsonl.??????
 * (a user's .backup among them). */
static void
only_our_leftovers_removed(void **state)
{
	char *path = write_article("lo.txt", PLAIN, PLAINLEN), *b, *ours, *x;
	struct annot_set *set;
	struct sidecar sc;

	(void)state;
	b = write_article(".lo.txt.annotations.jsonl.backup", "mine\n", 5);
	x = write_article(".lo.txt.annotations.jsonl.ABCDEF.artread-tmp",
	    "not ours\n", 9);
	ours = write_article(".lo.txt.annotations.jsonl.Zz0123.artread-tmp",
	    HDR, strlen(HDR) - 1);
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	annot_add(set, PLAIN, PLAINLEN, 0, 5, "x", NULL);
	save_ok(&sc, set);
	assert_int_equal(access(b, F_OK), 0);
	assert_int_equal(access(x, F_OK), 0);
	assert_int_equal(access(ours, F_OK), -1);
	sidecar_close(&sc);
	annot_set_free(set);
	free(b);
	free(x);
	free(ours);
	free(path);
}

/* Issue 11: fields artread does not know were dropped by the next save. */
static void
unknown_fields_survive_saves(void **state)
{
	char *path = write_article("uk.txt", PLAIN, PLAINLEN), *sp, *s;
	struct annot_set *set;
	struct sidecar sc;
	size_t len;

	(void)state;
	sp = xasprintf("%s.annotations.jsonl", path);
	write_file(sp, "{\"type\":\"artread-annotations\",\"version\":2,"
	    "\"article\":{\"name\":\"uk.txt\",\"feed\":\"f1\"},\"x-tool\":7}\n"
	    "{\"id\":\"urn:uuid:00000000-0000-4000-8000-000000000001\","
	    "\"type\":\"Annotation\",\"created\":\"2024-01-01T00:00:00.000Z\","
	    "\"modified\":\"2024-01-01T00:00:00.000Z\",\"creator\":{\"name\":"
	    "\"Ines\"},\"motivation\":\"commenting\",\"body\":[{\"type\":"
	    "\"TextualBody\",\"purpose\":\"tagging\",\"value\":\"t\"},{\"id\":"
	    "\"https://example.org/ref\",\"purpose\":\"linking\"}],\"target\":"
	    "{\"selector\":[{\"type\":\"TextPositionSelector\",\"unit\":"
	    "\"byte\",\"start\":0,\"end\":5},{\"type\":\"TextQuoteSelector\","
	    "\"exact\":\"plain\"}]},\"artread\":{\"anchor\":\"exact\","
	    "\"later\":1}}\n");
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	annot_set_note(set, annot_at(set, 0)->id, "edited");
	annot_add(set, PLAIN, PLAINLEN, 6, 10, "new", NULL);
	save_ok(&sc, set);
	s = slurp(sp, &len);
	assert_non_null(strstr(s, "\"creator\":{\"name\":\"Ines\"}"));
	assert_non_null(strstr(s, "\"motivation\":\"commenting\""));
	assert_non_null(strstr(s, "\"purpose\":\"linking\""));
	assert_non_null(strstr(s, "\"later\":1"));
	assert_non_null(strstr(s, "\"feed\":\"f1\""));
	assert_non_null(strstr(s, "\"x-tool\":7"));
	assert_non_null(strstr(s, "\"value\":\"edited\""));
	free(s);
	assert_reads_back(path, PLAIN, PLAINLEN, 2);
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

/* The article's URL (web articles) is kept in the header and written as
 * every annotation's target source. */
static void
url_kept_as_source(void **state)
{
	char *path = write_article("w.txt", PLAIN, PLAINLEN), *sp, *s;
	struct annot_set *set;
	struct sidecar sc;
	size_t len;

	(void)state;
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	sidecar_set_url(&sc, "https://example.org/news/w");
	sidecar_set_url(&sc, "not a url");	/* ignored */
	annot_add(set, PLAIN, PLAINLEN, 0, 5, "x", NULL);
	save_ok(&sc, set);
	sidecar_close(&sc);
	annot_set_free(set);
	sp = xasprintf("%s.annotations.jsonl", path);
	s = slurp(sp, &len);
	assert_non_null(strstr(s, "\"url\":\"https://example.org/news/w\"}}"));
	assert_non_null(strstr(s, "\"target\":{\"source\":"
	    "\"https://example.org/news/w\","));
	free(s);
	set = open_set(&sc, path, PLAIN, PLAINLEN);
	assert_string_equal(sc.url, "https://example.org/news/w");
	sidecar_close(&sc);
	annot_set_free(set);
	free(sp);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_vectors),
		cmocka_unit_test_setup_teardown(round_trip_every_field, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(file_format, setup, teardown),
		cmocka_unit_test_setup_teardown(corrupt_files_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(damaged_files_salvaged, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(current_version_accepted, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(merge_two_instances, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(mode_kept_and_no_temp_left,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    failed_save_keeps_set_and_retries, setup, teardown),
		cmocka_unit_test_setup_teardown(readonly_dir_falls_back, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(by_content_offered, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(older_files_are_named, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(data_dir_copy_moves_beside,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(symlinked_article, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    changed_article_reanchors_on_open, setup, teardown),
		cmocka_unit_test_setup_teardown(format_1_read_and_rewritten,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(bom_and_blank_lines_accepted,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    fifo_and_device_sidecars_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(oversized_sidecar_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(symlinked_sidecar, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(read_only_sidecar_respected,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(conflict_kept, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    local_edit_beats_odd_times_on_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(unreadable_time_noted, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(only_our_leftovers_removed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(unknown_fields_survive_saves,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(url_kept_as_source, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(dir_read_only_mid_session,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(dir_read_only_again_keeps_all,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(renamed_article_adopts,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(damaged_still_finds_renamed,
		    setup, teardown),
	};
	testutil_private_data();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
