/* test_rescue.c: rescue files of annotations that could not be saved. */
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "artread/annot.h"
#include "artread/rescue.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];
static int ticks;
static int year = 2024;

static const char ART[] = "The mayor said the budget was balanced.\n\n"
    "Critics disagreed, and said so at length.\n";
#define SIDECAR	"/news/story.txt.annotations.jsonl"

static void
fake_now(char *out)
{
	snprintf(out, ANNOT_TIME_LEN, "%d-01-01T00:00:%02d.000Z", year,
	    ticks++ % 60);
}

static struct annot_set *
new_set(void)
{
	struct annot_set *set = annot_set_new();

	annot_set_clock(set, fake_now);
	return set;
}

static const char *
add(struct annot_set *set, const char *text, const char *tag)
{
	const char *p = strstr(ART, text);

	assert_non_null(p);
	return annot_add(set, ART, strlen(ART), (size_t)(p - ART),
	    (size_t)(p - ART) + strlen(text), tag, NULL);
}

static void
path_is_per_sidecar(void **state)
{
	char *a, *b, *c, *cause = NULL, *want;

	(void)state;
	a = rescue_path(SIDECAR, &cause);
	b = rescue_path(SIDECAR, &cause);
	c = rescue_path("/news/other.txt.annotations.jsonl", &cause);
	want = xasprintf("%s/artread/rescue/", tmpdir);
	assert_non_null(a);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strncmp(a, want, strlen(want)), 0);
	assert_int_equal(strlen(a), strlen(want) + 64 + 6);
	assert_string_equal(a + strlen(a) - 6, ".jsonl");
	free(a);
	free(b);
	free(c);
	free(want);
}

static void
counts_unsaved_changes(void **state)
{
	struct annot_set *set = new_set();
	char *id;

	(void)state;
	add(set, "the budget", "claim");
	id = xstrdup(add(set, "Critics", "who"));
	add(set, "at length", NULL);
	assert_int_equal(rescue_unsaved(set), 3);	/* all new */
	annot_mark_synced(set);
	annot_clear_deleted(set);
	assert_int_equal(rescue_unsaved(set), 0);
	annot_set_note(set, id, "changed");
	assert_int_equal(rescue_unsaved(set), 1);
	annot_delete(set, id);
	assert_int_equal(rescue_unsaved(set), 1);	/* now a deletion */
	free(id);
	annot_set_free(set);
}

/* Write what is unsaved; read it back; merge it into a fresh copy. */
static void
round_trip_and_merge(void **state)
{
	struct annot_set *set = new_set(), *disk = new_set();
	struct rescue *r = NULL;
	char *path = NULL, *cause = NULL, *kept, *gone, *changed;
	struct stat st;

	(void)state;
	kept = xstrdup(add(set, "the budget", "claim"));
	gone = xstrdup(add(set, "Critics", "who"));
	changed = xstrdup(add(set, "at length", "x"));
	annot_mark_synced(set);
	/* What is on disk: these three as they were. */
	annot_insert(disk, annot_dup(annot_find(set, kept)));
	annot_insert(disk, annot_dup(annot_find(set, gone)));
	annot_insert(disk, annot_dup(annot_find(set, changed)));
	annot_mark_synced(disk);
	/* This session's changes, which could not be saved. */
	annot_set_note(set, changed, "a note on \xe2\x80\x9clength\xe2\x80\x9d");
	annot_delete(set, gone);
	add(set, "mayor", "person");
	assert_int_equal(rescue_unsaved(set), 3);
	assert_int_equal(rescue_write(SIDECAR, "disk full", set, &path, &cause),
	    0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 077, 0);		/* the user's only */

	assert_int_equal(rescue_load(SIDECAR, &r, &cause), 0);
	assert_non_null(r);
	assert_string_equal(r->path, path);
	assert_string_equal(r->sidecar, SIDECAR);
	assert_string_equal(r->cause, "disk full");
	assert_int_equal(r->n, 2);
	assert_int_equal(r->ndeleted, 1);
	assert_string_equal(r->deleted[0], gone);
	assert_int_equal(rescue_count(r), 3);

	assert_int_equal(rescue_merge(r, disk), 3);
	assert_int_equal(annot_count(disk), 3);		/* one gone, one new */
	assert_null(annot_find(disk, gone));
	assert_string_equal(annot_find(disk, changed)->note,
	    "a note on \xe2\x80\x9clength\xe2\x80\x9d");
	assert_string_equal(annot_find(disk, kept)->note, "");
	assert_true(annot_dirty(disk));
	assert_int_equal(rescue_unsaved(disk), 3);	/* to be saved */
	/* A second merge changes nothing: it is all there. */
	assert_int_equal(rescue_merge(r, disk), 0);
	assert_int_equal(rescue_remove(r, &cause), 0);
	assert_int_equal(stat(path, &st), -1);
	rescue_free(r);
	assert_int_equal(rescue_load(SIDECAR, &r, &cause), 0);
	assert_null(r);
	free(path);
	free(kept);
	free(gone);
	free(changed);
	annot_set_free(set);
	annot_set_free(disk);
}

/*
 * Like a second writer's copy, by the merge rule, never by times: where
 * the annotation changed elsewhere since the rescued change was made on
 * it, both are kept (the rescued one as a conflict copy); a deletion of
 * one changed elsewhere since leaves it.
 */
static void
merge_keeps_later_changes(void **state)
{
	struct annot_set *set = new_set(), *later = new_set();
	const struct annot *copy = NULL;
	struct rescue *r = NULL;
	char *path = NULL, *cause = NULL, *a, *b;
	size_t i;

	(void)state;
	a = xstrdup(add(set, "the budget", "claim"));
	b = xstrdup(add(set, "Critics", "who"));
	annot_mark_synced(set);
	annot_insert(later, annot_dup(annot_find(set, a)));
	annot_insert(later, annot_dup(annot_find(set, b)));
	annot_mark_synced(later);
	annot_set_note(set, a, "rescued");
	annot_delete(set, b);
	assert_int_equal(rescue_write(SIDECAR, NULL, set, &path, &cause), 0);
	/* Since then both were changed elsewhere (a far future clock makes
	 * sure no time comparison could decide this). */
	year = 2999;
	annot_set_note(later, a, "newer");
	annot_set_note(later, b, "kept");
	year = 1999;
	assert_int_equal(rescue_load(SIDECAR, &r, &cause), 0);
	assert_int_equal(rescue_merge(r, later), 1);	/* the copy */
	assert_string_equal(annot_find(later, a)->note, "newer");
	assert_string_equal(annot_find(later, b)->note, "kept");
	assert_int_equal(annot_count(later), 3);
	for (i = 0; i < annot_count(later); i++)
		if (annot_at(later, i)->conflict_of != NULL)
			copy = annot_at(later, i);
	assert_non_null(copy);
	assert_string_equal(copy->conflict_of, a);
	assert_string_equal(copy->note, "rescued");
	/* Merged again: nothing more. */
	assert_int_equal(rescue_merge(r, later), 0);
	year = 2024;
	rescue_remove(r, &cause);
	rescue_free(r);
	free(path);
	free(a);
	free(b);
	annot_set_free(set);
	annot_set_free(later);
}

/* A rescued change to an annotation nobody changed since is taken, and
 * a rescued deletion of one applies. */
static void
merge_takes_what_did_not_change(void **state)
{
	struct annot_set *set = new_set(), *disk = new_set();
	struct rescue *r = NULL;
	char *path = NULL, *cause = NULL, *a, *b;

	(void)state;
	a = xstrdup(add(set, "the budget", "claim"));
	b = xstrdup(add(set, "Critics", "who"));
	annot_mark_synced(set);
	annot_insert(disk, annot_dup(annot_find(set, a)));
	annot_insert(disk, annot_dup(annot_find(set, b)));
	annot_mark_synced(disk);
	year = 1999;		/* an older clock changes nothing */
	annot_set_note(set, a, "rescued");
	annot_delete(set, b);
	assert_int_equal(rescue_write(SIDECAR, NULL, set, &path, &cause), 0);
	year = 2024;
	assert_int_equal(rescue_load(SIDECAR, &r, &cause), 0);
	assert_int_equal(rescue_merge(r, disk), 2);
	assert_string_equal(annot_find(disk, a)->note, "rescued");
	assert_null(annot_find(disk, b));
	assert_int_equal(annot_count(disk), 1);
	rescue_remove(r, &cause);
	rescue_free(r);
	free(path);
	free(a);
	free(b);
	annot_set_free(set);
	annot_set_free(disk);
}

/* A second failure adds to the rescue file; it does not replace it. */
static void
second_write_keeps_the_first(void **state)
{
	struct annot_set *one = new_set(), *two = new_set();
	struct rescue *r = NULL;
	char *path = NULL, *cause = NULL, *id;

	(void)state;
	add(one, "the budget", "first");
	assert_int_equal(rescue_write(SIDECAR, NULL, one, &path, &cause), 0);
	free(path);
	id = xstrdup(add(two, "Critics", "second"));
	assert_int_equal(rescue_write(SIDECAR, NULL, two, &path, &cause), 0);
	assert_int_equal(rescue_load(SIDECAR, &r, &cause), 0);
	assert_int_equal(r->n, 2);
	rescue_free(r);
	/* The second session deleting its own: the deletion replaces it. */
	annot_delete(two, id);
	free(path);
	assert_int_equal(rescue_write(SIDECAR, NULL, two, &path, &cause), 0);
	assert_int_equal(rescue_load(SIDECAR, &r, &cause), 0);
	assert_int_equal(r->n, 1);
	assert_int_equal(r->ndeleted, 1);
	assert_string_equal(r->deleted[0], id);
	rescue_remove(r, &cause);
	rescue_free(r);
	free(path);
	free(id);
	annot_set_free(one);
	annot_set_free(two);
}

/* A rescue file that cannot be read is never overwritten or removed. */
static void
damaged_file_is_left_alone(void **state)
{
	struct annot_set *set = new_set();
	struct rescue *r = NULL;
	char *path, *cause = NULL, *out = NULL, *text;
	FILE *f;

	(void)state;
	path = rescue_path(SIDECAR, &cause);
	add(set, "the budget", "claim");
	assert_int_equal(rescue_write(SIDECAR, NULL, set, &out, &cause), 0);
	free(out);
	assert_non_null(f = fopen(path, "a"));
	fputs("{not json\n", f);
	fclose(f);
	assert_int_equal(rescue_load(SIDECAR, &r, &cause), -1);
	assert_null(r);
	assert_non_null(strstr(cause, "line 3"));
	free(cause);
	cause = NULL;
	assert_int_equal(rescue_write(SIDECAR, NULL, set, &out, &cause), -1);
	assert_non_null(strstr(cause, "left as it is"));
	free(cause);
	assert_non_null(text = util_read_file(path, NULL));
	assert_non_null(strstr(text, "{not json"));
	free(text);
	unlink(path);
	free(path);
	annot_set_free(set);
}

/* When even the rescue file cannot be written: the same lines, for
 * stderr. */
static void
format_for_stderr(void **state)
{
	struct annot_set *set = new_set();
	struct buf b;
	char *id;

	(void)state;
	id = xstrdup(add(set, "the budget", "claim"));
	annot_mark_synced(set);
	add(set, "Critics", "who");
	annot_delete(set, id);
	buf_init(&b);
	rescue_format(set, &b);
	assert_non_null(strstr(b.data, "\"value\":\"who\""));
	assert_non_null(strstr(b.data, "{\"deleted\":\""));
	assert_null(strstr(b.data, "\"value\":\"claim\""));
	buf_free(&b);
	free(id);
	annot_set_free(set);
}

static int
setup(void **state)
{
	(void)state;
	if (testutil_mkdtemp(tmpdir, "rescue") != 0)
		return -1;
	return setenv("XDG_DATA_HOME", tmpdir, 1);
}

static int
teardown(void **state)
{
	(void)state;
	return testutil_rmtree(tmpdir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(path_is_per_sidecar),
		cmocka_unit_test(counts_unsaved_changes),
		cmocka_unit_test(round_trip_and_merge),
		cmocka_unit_test(merge_keeps_later_changes),
		cmocka_unit_test(merge_takes_what_did_not_change),
		cmocka_unit_test(second_write_keeps_the_first),
		cmocka_unit_test(damaged_file_is_left_alone),
		cmocka_unit_test(format_for_stderr),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
