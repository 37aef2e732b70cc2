/*
 * test_merge.c: the merge rule, case by case: what this process changed,
 * what the disk changed, both, deletions on either side, and repeated
 * merges after a conflict.  Times are never compared: the disk's copy
 * below often has a later "modified" than the local edit.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/annot.h"
#include "artread/merge.h"
#include "artread/util.h"

static const char TEXT[] = "one two three four five six seven eight\n";
#define LEN (sizeof TEXT - 1)

static int tick;

static void
early_clock(char *out)
{
	snprintf(out, ANNOT_TIME_LEN, "2024-01-01T00:00:%02d.000Z", tick++);
}

/* A set with annotations "A" on "one" and "B" on "two", in sync. */
static struct annot_set *
synced_set(void)
{
	struct annot_set *set = annot_set_new();

	tick = 0;
	annot_set_clock(set, early_clock);
	annot_add(set, TEXT, LEN, 0, 3, "A", NULL);
	annot_add(set, TEXT, LEN, 4, 7, "B", NULL);
	annot_mark_synced(set);
	return set;
}

static const struct annot *
by_tag(const struct annot_set *set, const char *tag)
{
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		if (annot_at(set, i)->ntags > 0 &&
		    strcmp(annot_at(set, i)->tags[0], tag) == 0)
			return annot_at(set, i);
	}
	return NULL;
}

/* The disk as it was at the sync: copies of every annotation. */
static struct annot **
disk_copy(const struct annot_set *set, size_t *n)
{
	struct annot **v = xreallocarray(NULL, annot_count(set) + 1,
	    sizeof *v);
	size_t i;

	for (i = 0; i < annot_count(set); i++)
		v[i] = annot_dup(annot_at(set, i));
	*n = annot_count(set);
	return v;
}

/* Another writer's edit: a later time than any local one. */
static void
edit_on_disk(struct annot *d, const char *note)
{
	free(d->note);
	d->note = xstrdup(note);
	strcpy(d->modified, "2099-12-31T23:59:59.999Z");
}

static struct annot *
find_in(struct annot **v, size_t n, const char *tag)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i]->tags[0], tag) == 0)
			return v[i];
	}
	return NULL;
}

static void
one_side_changed(void **state)
{
	struct annot_set *set = synced_set();
	struct merge_stats st;
	struct annot **disk;
	size_t n;

	(void)state;
	/* Local edit of A (modified 2024), disk edit of B (2099). */
	disk = disk_copy(set, &n);
	annot_set_note(set, by_tag(set, "A")->id, "local");
	edit_on_disk(find_in(disk, n, "B"), "remote");
	merge_disk(set, disk, n, 1, &st);
	assert_int_equal(annot_count(set), 2);
	assert_string_equal(by_tag(set, "A")->note, "local");
	assert_string_equal(by_tag(set, "B")->note, "remote");
	assert_int_equal(st.in, 1);
	assert_int_equal(st.conflicts, 0);
	annot_set_free(set);
}

/* Issue 11: a copy on disk with a "modified" in the future (clock skew,
 * an import in another format) must not beat a later local edit. */
static void
future_time_on_disk_does_not_win(void **state)
{
	struct annot_set *set = annot_set_new();
	struct annot *a = annot_new();
	struct merge_stats st;
	struct annot **disk;
	size_t n;

	(void)state;
	a->id = xstrdup("urn:uuid:00000000-0000-4000-8000-000000000001");
	strcpy(a->created, "2026-11-30T09:00:00.000Z");
	strcpy(a->modified, "2099-01-01T00:00:00.000Z");
	a->end = 3;
	annot_fill_context(a, TEXT, LEN);
	annot_insert(set, a);
	annot_mark_synced(set);
	disk = disk_copy(set, &n);
	annot_set_note(set, a->id, "edited today");
	merge_disk(set, disk, n, 1, &st);
	assert_string_equal(annot_at(set, 0)->note, "edited today");
	assert_int_equal(st.conflicts, 0);
	annot_set_free(set);
}

static void
both_changed_keeps_both(void **state)
{
	struct annot_set *set = synced_set();
	struct merge_stats st;
	struct annot **disk;
	const struct annot *copy = NULL;
	char *id;
	size_t n, i;

	(void)state;
	disk = disk_copy(set, &n);
	id = xstrdup(by_tag(set, "A")->id);
	annot_set_note(set, id, "mine");
	edit_on_disk(find_in(disk, n, "A"), "theirs");
	merge_disk(set, disk, n, 1, &st);
	assert_int_equal(st.conflicts, 1);
	assert_int_equal(annot_count(set), 3);
	assert_string_equal(annot_find(set, id)->note, "mine");
	for (i = 0; i < annot_count(set); i++) {
		if (annot_at(set, i)->conflict_of != NULL)
			copy = annot_at(set, i);
	}
	assert_non_null(copy);
	assert_string_equal(copy->conflict_of, id);
	assert_string_not_equal(copy->id, id);
	assert_string_equal(copy->note, "theirs");
	free(id);
	annot_set_free(set);
}

static void
same_change_is_no_conflict(void **state)
{
	struct annot_set *set = synced_set();
	struct merge_stats st;
	struct annot **disk;
	struct annot *d;
	size_t n;

	(void)state;
	disk = disk_copy(set, &n);
	annot_set_note(set, by_tag(set, "A")->id, "same");
	d = find_in(disk, n, "A");
	free(d->note);
	d->note = xstrdup("same");
	strcpy(d->modified, by_tag(set, "A")->modified);
	merge_disk(set, disk, n, 1, &st);
	assert_int_equal(st.conflicts, 0);
	assert_int_equal(annot_count(set), 2);
	annot_set_free(set);
}

static void
deletions(void **state)
{
	struct annot_set *set = synced_set();
	struct merge_stats st;
	struct annot **disk;
	size_t n;

	(void)state;
	/* Deleted on disk: an unchanged copy here goes, an edited one
	 * stays. */
	disk = disk_copy(set, &n);
	annot_set_note(set, by_tag(set, "B")->id, "edited here");
	annot_free(disk[0]);
	annot_free(disk[1]);
	merge_disk(set, disk, 0, 1, &st);
	assert_null(by_tag(set, "A"));
	assert_non_null(by_tag(set, "B"));
	assert_int_equal(st.dropped, 1);
	annot_set_free(set);

	/* Deleted here: an unchanged disk copy stays deleted, an edited
	 * one comes back. */
	set = synced_set();
	disk = disk_copy(set, &n);
	annot_delete(set, by_tag(set, "A")->id);
	annot_delete(set, by_tag(set, "B")->id);
	edit_on_disk(find_in(disk, n, "B"), "edited there");
	merge_disk(set, disk, n, 1, &st);
	assert_null(by_tag(set, "A"));
	assert_non_null(by_tag(set, "B"));
	assert_string_equal(by_tag(set, "B")->note, "edited there");
	annot_set_free(set);

	/* The file is gone: nothing is dropped. */
	set = synced_set();
	merge_disk(set, NULL, 0, 0, &st);
	assert_int_equal(annot_count(set), 2);
	annot_set_free(set);
}

static void
new_on_disk_comes_in(void **state)
{
	struct annot_set *set = synced_set(), *other = annot_set_new();
	struct merge_stats st;
	struct annot **disk;
	size_t n;

	(void)state;
	disk = disk_copy(set, &n);
	annot_add(other, TEXT, LEN, 8, 13, "C", NULL);
	disk = xreallocarray(disk, n + 1, sizeof *disk);
	disk[n++] = annot_dup(annot_at(other, 0));
	merge_disk(set, disk, n, 1, &st);
	assert_int_equal(annot_count(set), 3);
	assert_non_null(by_tag(set, "C"));
	assert_int_equal(st.in, 1);
	annot_set_free(set);
	annot_set_free(other);
}

/* Copies of v[0, n). */
static struct annot **
dup_all(struct annot *const *v, size_t n)
{
	struct annot **d = xreallocarray(NULL, n + 1, sizeof *d);
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = annot_dup(v[i]);
	return d;
}

static void
free_all(struct annot **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		annot_free(v[i]);
	free(v);
}

/*
 * Two writers change A; the first to save keeps both.  The second's next
 * merge finds its own version already kept as the copy: it takes the
 * disk's resolution, and no third copy appears.
 */
static void
conflict_settles(void **state)
{
	struct annot_set *x = synced_set(), *y;
	struct merge_stats st;
	struct annot **disk, **base;
	char *id;
	size_t n, nb, i;

	(void)state;
	base = disk_copy(x, &nb);
	y = annot_set_new();
	for (i = 0; i < nb; i++)
		annot_insert(y, annot_dup(base[i]));
	annot_mark_synced(y);
	id = xstrdup(by_tag(x, "A")->id);
	annot_set_note(x, id, "from x");
	annot_set_note(y, id, "from y");
	merge_disk(x, base, nb, 1, &st);	/* x saves first */
	assert_int_equal(st.conflicts, 0);
	annot_mark_synced(x);
	disk = disk_copy(x, &n);		/* y saves: both kept */
	merge_disk(y, disk, n, 1, &st);
	assert_int_equal(st.conflicts, 1);
	assert_int_equal(annot_count(y), 3);
	annot_mark_synced(y);
	disk = disk_copy(y, &n);		/* x saves again */
	merge_disk(x, disk, n, 1, &st);
	assert_int_equal(st.conflicts, 0);
	assert_int_equal(annot_count(x), 3);
	assert_string_equal(annot_find(x, id)->note, "from y");
	free(id);
	annot_set_free(x);
	annot_set_free(y);
}

/* A save that fails after a conflict was found: the retry finds the
 * copy already made and does not make another. */
static void
conflict_copy_made_once(void **state)
{
	struct annot_set *set = synced_set();
	struct merge_stats st;
	struct annot **base, **disk;
	size_t n;

	(void)state;
	base = disk_copy(set, &n);
	edit_on_disk(find_in(base, n, "A"), "theirs");
	annot_set_note(set, by_tag(set, "A")->id, "mine");
	merge_disk(set, dup_all(base, n), n, 1, &st);
	assert_int_equal(st.conflicts, 1);
	assert_int_equal(annot_count(set), 3);
	disk = dup_all(base, n);		/* the write failed: retry */
	merge_disk(set, disk, n, 1, &st);
	assert_int_equal(st.conflicts, 0);
	assert_int_equal(annot_count(set), 3);
	free_all(base, n);
	annot_set_free(set);
}

static void
import_never_replaces(void **state)
{
	struct annot_set *set = synced_set();
	struct annot **file;
	char *id = xstrdup(by_tag(set, "A")->id);
	size_t n, nc;

	(void)state;
	file = disk_copy(set, &n);
	assert_int_equal(merge_import(set, file, n, &nc), 0);
	assert_int_equal(nc, 0);
	/* A file holding another version of A: kept as a copy. */
	file = disk_copy(set, &n);
	edit_on_disk(find_in(file, n, "A"), "imported edit");
	assert_int_equal(merge_import(set, dup_all(file, n), n, &nc), 1);
	assert_int_equal(nc, 1);
	assert_int_equal(annot_count(set), 3);
	assert_string_equal(annot_find(set, id)->note, "");
	/* The same file again adds nothing. */
	assert_int_equal(merge_import(set, dup_all(file, n), n, &nc), 0);
	assert_int_equal(annot_count(set), 3);
	free_all(file, n);
	free(id);
	annot_set_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_side_changed),
		cmocka_unit_test(future_time_on_disk_does_not_win),
		cmocka_unit_test(both_changed_keeps_both),
		cmocka_unit_test(same_change_is_no_conflict),
		cmocka_unit_test(deletions),
		cmocka_unit_test(new_on_disk_comes_in),
		cmocka_unit_test(conflict_settles),
		cmocka_unit_test(conflict_copy_made_once),
		cmocka_unit_test(import_never_replaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
