/* test_sidecar.c: the annotations file: format, refusal, merge, safety. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/annot.h"
#include "artread/sha256.h"
#include "artread/sidecar.h"
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
	sidecar_set_dir_writable_hook(NULL);
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
	const struct annot *a, *b;
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
	for (i = 0; i < 2; i++) {
		a = annot_at(set, i);
		b = annot_at(back, i);
		assert_string_equal(a->id, b->id);
		assert_string_equal(a->created, b->created);
		assert_string_equal(a->modified, b->modified);
		assert_string_equal(a->note, b->note);
		assert_int_equal(a->ntags, b->ntags);
		assert_int_equal(a->start, b->start);
		assert_int_equal(a->end, b->end);
		assert_int_equal(a->orphan, b->orphan);
		assert_int_equal(a->exact_len, b->exact_len);
		assert_memory_equal(a->exact, b->exact, a->exact_len);
		assert_int_equal(a->prefix_len, b->prefix_len);
		assert_memory_equal(a->prefix, b->prefix, a->prefix_len);
		assert_int_equal(a->suffix_len, b->suffix_len);
		assert_memory_equal(a->suffix, b->suffix, a->suffix_len);
	}
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
	char sha[SHA256_HEX_LEN], *want;
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
	want = xasprintf("{\"type\":\"artread-annotations\",\"version\":1,"
	    "\"article\":{\"name\":\"f.txt\",\"sha256\":\"%s\",\"size\":16}}\n",
	    sha);
	assert_int_equal(strncmp(s, want, strlen(want)), 0);
	assert_non_null(strstr(s, "\"type\":\"TextPositionSelector\","
	    "\"unit\":\"byte\",\"start\":6,\"end\":10}"));
	assert_non_null(strstr(s, "\"exact\":\"text\",\"prefix\":\"plain \","
	    "\"suffix\":\" here\\n\"}"));
	assert_non_null(strstr(s, "\"orphaned\":false}\n"));
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
	assert_int_equal(sidecar_annotate(path, 0, 5, "x", NULL, NULL, &cause),
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
	refused(HDR "{\"id\":5,\"type\":\"Annotation\"}\n", ":2: ");
	refused(HDR GOOD GOOD, ":3: duplicate id");
	refused(HDR "{\"id\":\"a1\",\"type\":\"Annotation\",\"created\":\"x\","
	    "\"modified\":\"y\",\"target\":{\"selector\":[{\"type\":"
	    "\"TextPositionSelector\",\"start\":\"0\",\"end\":5}]}}\n",
	    ":2: \"start\" is not an offset");
	refused(HDR "{\"id\":\"a1\",\"type\":\"Annotation\"}\n",
	    ":2: \"created\" is missing");
	refused("{\"type\":\"something-else\",\"version\":1}\n", ":1: ");
	refused("{\"type\":\"artread-annotations\",\"version\":2}\n" GOOD,
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
	    "\"version\":2}\n" GOOD), 0);
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

static void
readonly_dir_falls_back(void **state)
{
	char *dir = xasprintf("%s/ro", tmpdir), *data, *path, *want, *loc;
	char sha[SHA256_HEX_LEN], *cause = NULL;
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
		sidecar_set_dir_writable_hook(not_writable);
	set = open_set(&sc, path, "read only dir\n", 14);
	assert_int_equal(sc.where, SIDECAR_DATA_DIR);
	sha256_hex("read only dir\n", 14, sha);
	want = xasprintf("%s/artread/annotations/%s.annotations.jsonl", data,
	    sha);
	assert_string_equal(sc.path, want);
	loc = sidecar_location(&sc);
	assert_non_null(strstr(loc, "not writable"));
	annot_add(set, "read only dir\n", 14, 0, 4, "r", NULL);
	save_ok(&sc, set);
	assert_int_equal(access(want, F_OK), 0);
	assert_int_equal(count_prefixed(dir, "a.txt.annotations"), 0);
	sidecar_close(&sc);
	annot_set_free(set);
	/* Standard input goes there too. */
	set = open_set(&sc, NULL, "read only dir\n", 14);
	assert_int_equal(sc.where, SIDECAR_DATA_STDIN);
	assert_string_equal(sc.path, want);
	assert_int_equal(annot_count(set), 1);
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

static void
scripting_annotate(void **state)
{
	const char *text = "The cat sat. The dog sat. A bird flew.\n";
	char *path = write_article("s.txt", text, strlen(text));
	char *cause = NULL, *id = NULL, *tag, *note;
	struct annot_set *set;
	struct sidecar sc;
	size_t s, e;

	(void)state;
	assert_int_equal(sidecar_annotate(path, 4, 7, "animal,pet", "n:1",
	    &id, &cause), 0);
	assert_non_null(id);
	free(id);
	assert_int_equal(sidecar_annotate(path, 4, 400, "x", NULL, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "not within"));
	free(cause);
	assert_int_equal(sidecar_annotate(path, 7, 4, "x", NULL, NULL, &cause),
	    -1);
	free(cause);
	assert_int_equal(sidecar_annotate_text(path, "sat", "x", NULL, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "found 2 times"));
	free(cause);
	assert_int_equal(sidecar_annotate_text(path, "horse", "x", NULL, NULL,
	    &cause), -1);
	assert_non_null(strstr(cause, "not found"));
	free(cause);
	assert_int_equal(sidecar_annotate_text(path, "A bird flew", "bird",
	    "note", NULL, &cause), 0);
	set = open_set(&sc, path, text, strlen(text));
	assert_int_equal(annot_count(set), 2);
	assert_int_equal(annot_at(set, 0)->ntags, 2);
	assert_string_equal(annot_at(set, 0)->note, "n:1");
	assert_int_equal(annot_at(set, 1)->start, 26);
	sidecar_close(&sc);
	annot_set_free(set);

	assert_int_equal(sidecar_parse_range_arg("3:9:claim:a: b", &s, &e,
	    &tag, &note, &cause), 0);
	assert_int_equal(s, 3);
	assert_int_equal(e, 9);
	assert_string_equal(tag, "claim");
	assert_string_equal(note, "a: b");
	free(tag);
	free(note);
	assert_int_equal(sidecar_parse_range_arg("3:9:t", &s, &e, &tag, &note,
	    &cause), 0);
	assert_null(note);
	free(tag);
	assert_int_equal(sidecar_parse_range_arg("3:x:t", &s, &e, &tag, &note,
	    &cause), -1);
	free(cause);
	assert_int_equal(sidecar_parse_range_arg("3:9", &s, &e, &tag, &note,
	    &cause), -1);
	free(cause);
	free(path);
}

static void
utf8_split_refused(void **state)
{
	const char *text = "caf\xc3\xa9 au lait\n";
	char *path = write_article("u.txt", text, strlen(text)), *cause = NULL;

	(void)state;
	assert_int_equal(sidecar_annotate(path, 0, 4, "x", NULL, NULL, &cause),
	    -1);
	assert_non_null(strstr(cause, "UTF-8"));
	free(cause);
	assert_int_equal(sidecar_annotate(path, 0, 5, "x", NULL, NULL, &cause),
	    0);
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
		cmocka_unit_test_setup_teardown(symlinked_article, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    changed_article_reanchors_on_open, setup, teardown),
		cmocka_unit_test_setup_teardown(scripting_annotate, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(utf8_split_refused, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
