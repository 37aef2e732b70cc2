/* test_annot.c: the annotation set: edits, order, undo/redo, re-anchoring. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"
#include "artread/annot.h"

static int ticks;
static int ids;

static void
fake_now(char *out)
{
	snprintf(out, ANNOT_TIME_LEN, "2024-01-01T00:%02d:%02d.000Z",
	    ticks / 60 % 60, ticks % 60);
	ticks++;
}

static char *
fake_id(void)
{
	char *id = malloc(ANNOT_ID_LEN);

	snprintf(id, ANNOT_ID_LEN, "id%04d", ++ids);
	return id;
}

static struct annot_set *
new_set(void)
{
	struct annot_set *set = annot_set_new();

	annot_set_clock(set, fake_now);
	annot_set_idgen(set, fake_id);
	return set;
}

static const char ART[] =
    "The mayor said the budget was balanced.\n\n"
    "Critics disagreed. The budget was balanced only on paper, they said.\n";

/* Offset of the nth (0-based) occurrence of s in text. */
static size_t
find_nth(const char *text, const char *s, int nth)
{
	const char *p = text;

	for (;;) {
		p = strstr(p, s);
		assert_non_null(p);
		if (nth-- == 0)
			return (size_t)(p - text);
		p++;
	}
}

static const char *
add_text(struct annot_set *set, const char *text, const char *s, int nth,
    const char *tag)
{
	size_t at = find_nth(text, s, nth);

	return annot_add(set, text, strlen(text), at, at + strlen(s), tag,
	    NULL);
}

static void
add_tag_note_delete(void **state)
{
	struct annot_set *set = new_set();
	const struct annot *a;
	char *id;

	(void)state;
	id = strdup(add_text(set, ART, "the budget", 0, "claim"));
	a = annot_find(set, id);
	assert_non_null(a);
	assert_mem_str(a->exact, a->exact_len, "the budget");
	assert_mem_str(a->prefix, a->prefix_len, "The mayor said ");
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "claim");
	assert_string_equal(a->note, "");
	assert_string_equal(a->created, a->modified);
	assert_int_equal(annot_add_tag(set, id, "politics"), 0);
	assert_int_equal(annot_add_tag(set, id, "politics"), -1);
	assert_int_equal(annot_set_note(set, id, "a \"note\"\n\twith tab"), 0);
	a = annot_find(set, id);
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->note, "a \"note\"\n\twith tab");
	assert_true(strcmp(a->modified, a->created) > 0);
	assert_int_equal(annot_remove_tag(set, id, "claim"), 0);
	assert_int_equal(annot_remove_tag(set, id, "claim"), -1);
	a = annot_find(set, id);
	assert_int_equal(a->ntags, 1);
	assert_string_equal(a->tags[0], "politics");
	assert_int_equal(annot_delete(set, id), 0);
	assert_null(annot_find(set, id));
	assert_true(annot_is_deleted(set, id));
	assert_int_equal(annot_delete(set, id), -1);
	assert_null(annot_add(set, ART, strlen(ART), 5, 5, "x", NULL));
	assert_null(annot_add(set, ART, strlen(ART), 5, sizeof ART, "x", NULL));
	free(id);
	annot_set_free(set);
}

static void
order_and_queries(void **state)
{
	struct annot_set *set = new_set();
	const struct annot *cov[4];
	const char *a, *b, *c;
	size_t len = strlen(ART);

	(void)state;
	c = annot_add(set, ART, len, 50, 60, "c", NULL);
	a = annot_add(set, ART, len, 4, 20, "a", NULL);
	b = annot_add(set, ART, len, 4, 9, "b", NULL);
	assert_int_equal(annot_count(set), 3);
	assert_string_equal(annot_at(set, 0)->id, b);
	assert_string_equal(annot_at(set, 1)->id, a);
	assert_string_equal(annot_at(set, 2)->id, c);
	assert_int_equal(annot_covering(set, 6, cov, 4), 2);
	assert_string_equal(cov[0]->id, b);	/* the deepest first */
	assert_string_equal(cov[1]->id, a);
	assert_int_equal(annot_covering(set, 12, cov, 4), 1);
	assert_string_equal(cov[0]->id, a);
	assert_int_equal(annot_covering(set, 30, cov, 4), 0);
	assert_string_equal(annot_next(set, 4)->id, c);
	assert_string_equal(annot_next(set, 0)->id, b);
	assert_null(annot_next(set, 50));
	assert_string_equal(annot_prev(set, 50)->id, a);
	assert_null(annot_prev(set, 4));
	assert_int_equal(annot_index(set, c), 2);
	annot_set_free(set);
}

/* The history of a set moves to the set of the same article read again
 * (R), its snapshots re-anchored: undo brings back what was deleted,
 * where its text now is. */
static void
history_moves_to_text_read_again(void **state)
{
	static const char more[] = "Inserted first.\n\n";
	struct annot_set *set = new_set(), *again = new_set();
	char *text = xasprintf("%s%s", more, ART), *id;
	size_t shift = strlen(more);
	const struct annot *a;
	size_t start;

	(void)state;
	id = strdup(add_text(set, ART, "Critics", 0, "who"));
	start = annot_find(set, id)->start;
	annot_set_note(set, id, "a note");
	annot_delete(set, id);
	annot_history_move(again, set);
	assert_false(annot_can_undo(set));
	annot_history_reanchor(again, text, strlen(text));
	assert_int_equal(annot_undo(again), 0);		/* delete */
	assert_non_null(a = annot_find(again, id));
	assert_int_equal(a->start, start + shift);
	assert_string_equal(a->note, "a note");
	assert_int_equal(annot_anchor_of(a), ANNOT_EXACT);
	assert_int_equal(annot_undo(again), 0);		/* note */
	assert_string_equal(annot_find(again, id)->note, "");
	assert_int_equal(annot_redo(again), 0);
	assert_string_equal(annot_find(again, id)->note, "a note");
	free(id);
	free(text);
	annot_set_free(set);
	annot_set_free(again);
}

static void
undo_redo_sequence(void **state)
{
	struct annot_set *set = new_set();
	char *id;

	(void)state;
	assert_int_equal(annot_undo(set), -1);
	id = strdup(add_text(set, ART, "Critics", 0, "who"));
	annot_set_note(set, id, "first");
	annot_add_tag(set, id, "more");
	annot_delete(set, id);
	assert_null(annot_find(set, id));

	assert_int_equal(annot_undo(set), 0);		/* delete */
	assert_non_null(annot_find(set, id));
	assert_false(annot_is_deleted(set, id));
	assert_int_equal(annot_find(set, id)->ntags, 2);
	assert_int_equal(annot_undo(set), 0);		/* tag */
	assert_int_equal(annot_find(set, id)->ntags, 1);
	assert_int_equal(annot_undo(set), 0);		/* note */
	assert_string_equal(annot_find(set, id)->note, "");
	assert_int_equal(annot_undo(set), 0);		/* add */
	assert_null(annot_find(set, id));
	assert_true(annot_is_deleted(set, id));
	assert_int_equal(annot_undo(set), -1);
	assert_false(annot_can_undo(set));

	assert_int_equal(annot_redo(set), 0);		/* add */
	assert_int_equal(annot_redo(set), 0);		/* note */
	assert_string_equal(annot_find(set, id)->note, "first");
	assert_true(annot_can_redo(set));
	/* A new change clears what could be redone. */
	annot_set_note(set, id, "second");
	assert_false(annot_can_redo(set));
	assert_int_equal(annot_redo(set), -1);
	assert_int_equal(annot_undo(set), 0);
	assert_string_equal(annot_find(set, id)->note, "first");
	assert_int_equal(annot_redo(set), 0);
	assert_string_equal(annot_find(set, id)->note, "second");
	assert_int_equal(annot_find(set, id)->ntags, 1);
	free(id);
	annot_set_free(set);
}

/* Re-anchor one annotation of old text s (nth) on new; return it. */
static const struct annot *
reanchor_one(struct annot_set *set, const char *old, const char *s, int nth,
    const char *new, size_t *moved, size_t *orphaned)
{
	const char *id = add_text(set, old, s, nth, "t");

	annot_reanchor(set, new, strlen(new), moved, orphaned);
	return annot_find(set, id);
}

static void
assert_at(const struct annot *a, const char *text, const char *want)
{
	assert_false(a->orphan);
	assert_mem_str(text + a->start, a->end - a->start, want);
}

static void
reanchor_same_text_stays(void **state)
{
	struct annot_set *set = new_set();
	const struct annot *a;
	size_t moved = 9, orphaned = 9;

	(void)state;
	a = reanchor_one(set, ART, "Critics disagreed", 0, ART, &moved,
	    &orphaned);
	assert_int_equal(moved, 0);
	assert_int_equal(orphaned, 0);
	assert_at(a, ART, "Critics disagreed");
	annot_set_free(set);
}

static void
reanchor_insertions(void **state)
{
	const char *before = "NEW LEAD PARAGRAPH.\n\n"
	    "The mayor said the budget was balanced.\n\n"
	    "Critics disagreed. The budget was balanced only on paper, "
	    "they said.\n";
	const char *after = "The mayor said the budget was balanced.\n\n"
	    "Critics disagreed. The budget was balanced only on paper, "
	    "they said.\n\nA new closing line.\n";
	const char *inside = "The mayor said the budget was balanced.\n\n"
	    "Critics had disagreed. The budget was balanced only on "
	    "paper, they said.\n";
	struct annot_set *set;
	const struct annot *a;
	size_t moved, orphaned;

	(void)state;
	set = new_set();
	a = reanchor_one(set, ART, "only on paper", 0, before, &moved,
	    &orphaned);
	assert_at(a, before, "only on paper");
	assert_int_equal(moved, 1);
	assert_int_equal(a->start, find_nth(before, "only on paper", 0));
	annot_set_free(set);

	set = new_set();
	a = reanchor_one(set, ART, "only on paper", 0, after, &moved,
	    &orphaned);
	assert_at(a, after, "only on paper");
	assert_int_equal(moved, 0);
	annot_set_free(set);

	/* A word inserted inside the passage: fuzzy. */
	set = new_set();
	a = reanchor_one(set, ART, "Critics disagreed. The budget was", 0,
	    inside, &moved, &orphaned);
	assert_at(a, inside, "Critics had disagreed. The budget was");
	assert_int_equal(moved, 1);
	assert_int_equal(orphaned, 0);
	assert_mem_str(a->exact, a->exact_len,
	    "Critics had disagreed. The budget was");
	annot_set_free(set);
}

static void
reanchor_deletions(void **state)
{
	const char *cut = "Critics disagreed. The budget was balanced on paper, "
	    "they said.\n";
	const char *gone = "The mayor resigned.\n";
	struct annot_set *set;
	const struct annot *a;
	size_t moved, orphaned;

	(void)state;
	/* Text before the passage deleted. */
	set = new_set();
	a = reanchor_one(set, ART, "Critics disagreed", 0, cut, &moved,
	    &orphaned);
	assert_at(a, cut, "Critics disagreed");
	assert_int_equal(a->start, 0);
	annot_set_free(set);

	/* A word deleted inside the passage. */
	set = new_set();
	a = reanchor_one(set, ART, "was balanced only on paper, they said", 0,
	    cut, &moved, &orphaned);
	assert_at(a, cut, "was balanced on paper, they said");
	annot_set_free(set);

	/* The passage deleted entirely: orphan, data kept. */
	set = new_set();
	a = reanchor_one(set, ART, "only on paper", 0, gone, &moved,
	    &orphaned);
	assert_true(a->orphan);
	assert_int_equal(orphaned, 1);
	assert_int_equal(moved, 0);
	assert_mem_str(a->exact, a->exact_len, "only on paper");
	assert_int_equal(a->start, find_nth(ART, "only on paper", 0));
	assert_string_equal(a->tags[0], "t");
	/* Orphans sort last and are not "covering". */
	annot_add(set, gone, strlen(gone), 4, 9, "x", NULL);
	assert_true(annot_at(set, 1)->orphan);
	assert_false(annot_at(set, 0)->orphan);
	/* It comes back when its text does. */
	annot_reanchor(set, ART, strlen(ART), &moved, &orphaned);
	assert_int_equal(orphaned, 0);	/* "mayor" is in both */
	assert_int_equal(moved, 1);	/* and the orphan is back */
	assert_false(annot_at(set, 1)->orphan);
	annot_set_free(set);
}

static void
reanchor_whitespace_and_rewrap(void **state)
{
	const char *old = "Officials said on Tuesday that the new bridge would "
	    "open to traffic in the spring, weeks ahead of schedule.\n";
	const char *rewrapped = "Officials said on Tuesday that the new\n"
	    "bridge would   open to\ttraffic in the spring,\r\n"
	    "weeks ahead of schedule.\n";
	struct annot_set *set = new_set();
	const struct annot *a;
	size_t moved, orphaned;

	(void)state;
	a = reanchor_one(set, old, "the new bridge would open to traffic", 0,
	    rewrapped, &moved, &orphaned);
	assert_at(a, rewrapped, "the new\nbridge would   open to\ttraffic");
	assert_int_equal(moved, 1);
	annot_set_free(set);
}

/* A changed first word: the passage moves to whole words, not to a
 * fragment ("ntiment does not pay"). */
static void
reanchor_snaps_to_words(void **state)
{
	const char *old = "The pool closed. Locals said nostalgia does not "
	    "pay for chlorine, and the council agreed.\n";
	const char *new = "The pool closed. Locals said sentiment does not "
	    "pay for chlorine, and the council agreed.\n";
	struct annot_set *set = new_set();
	const struct annot *a;
	size_t moved, orphaned;

	(void)state;
	a = reanchor_one(set, old, "nostalgia does not pay for chlorine", 0,
	    new, &moved, &orphaned);
	assert_at(a, new, "sentiment does not pay for chlorine");
	annot_set_free(set);
}

static void
reanchor_duplicates_by_context(void **state)
{
	const char *old = "First, the vote was close. Later the count "
	    "changed. In the end, the vote was close again.\n";
	/* Both occurrences move; the second one must stay the second. */
	const char *new = "UPDATE: First, the vote was close. Then "
	    "recounts. Later the count changed. In the end, the vote was "
	    "close again.\n";
	struct annot_set *set = new_set();
	const struct annot *a;
	size_t moved, orphaned;

	(void)state;
	a = reanchor_one(set, old, "the vote was close", 1, new, &moved,
	    &orphaned);
	assert_at(a, new, "the vote was close");
	assert_int_equal(a->start, find_nth(new, "the vote was close", 1));
	annot_set_free(set);

	set = new_set();
	a = reanchor_one(set, old, "the vote was close", 0, new, &moved,
	    &orphaned);
	assert_int_equal(a->start, find_nth(new, "the vote was close", 0));
	annot_set_free(set);
}

static void
reanchor_unrelated_text_orphans(void **state)
{
	const char *new = "Completely different article about gardening "
	    "and tomatoes and weather.\n";
	struct annot_set *set = new_set();
	const struct annot *a;
	size_t moved, orphaned;

	(void)state;
	a = reanchor_one(set, ART, "The budget was balanced only on paper", 0,
	    new, &moved, &orphaned);
	assert_true(a->orphan);
	assert_int_equal(orphaned, 1);
	annot_set_free(set);
}

static void
context_is_32_code_points(void **state)
{
	/* 40 two-byte characters, then the passage, then 40 CJK. */
	char text[512];
	struct annot_set *set = new_set();
	const struct annot *a;
	const char *id;
	size_t i, n = 0, s, e;

	(void)state;
	for (i = 0; i < 40; i++) {
		memcpy(text + n, "\xc3\xa9", 2);
		n += 2;
	}
	s = n;
	memcpy(text + n, "X", 1);
	n += 1;
	e = n;
	for (i = 0; i < 40; i++) {
		memcpy(text + n, "\xe4\xb8\xad", 3);
		n += 3;
	}
	id = annot_add(set, text, n, s, e, NULL, NULL);
	a = annot_find(set, id);
	assert_int_equal(a->prefix_len, 64);
	assert_int_equal(a->suffix_len, 96);
	assert_int_equal(a->ntags, 0);
	assert_int_equal(utf8_count(a->prefix, a->prefix_len), 32);
	/* Invalid bytes count one each. */
	assert_int_equal(utf8_count("a\xff\xe4\xb8", 4), 4);
	assert_false(annot_utf8_valid("a\xff", 2));
	assert_false(annot_utf8_valid("a\0b", 3));
	assert_true(annot_utf8_valid("\xe4\xb8\xad", 3));
	annot_set_free(set);
}

/* A paragraph, a sentence in it and a word in that: the deepest one at a
 * place comes first, whatever order they were made in. */
static void
nested_deepest_first(void **state)
{
	static const struct {
		size_t	 start, end;
	} made[][3] = {
		{ { 0, 39 }, { 4, 20 }, { 10, 16 } },	/* outer first */
		{ { 10, 16 }, { 4, 20 }, { 0, 39 } },	/* inner first */
		{ { 4, 20 }, { 0, 39 }, { 10, 16 } },
	};
	const struct annot *cov[3];
	size_t i, k, len = strlen(ART);

	(void)state;
	for (i = 0; i < sizeof made / sizeof made[0]; i++) {
		struct annot_set *set = new_set();

		for (k = 0; k < 3; k++)
			annot_add(set, ART, len, made[i][k].start,
			    made[i][k].end, "t", NULL);
		assert_int_equal(annot_covering(set, 12, cov, 3), 3);
		assert_int_equal(cov[0]->start, 10);
		assert_int_equal(cov[1]->start, 4);
		assert_int_equal(cov[2]->start, 0);
		assert_true(annot_depth_cmp(cov[0], cov[1]) > 0);
		assert_true(annot_depth_cmp(cov[2], cov[1]) < 0);
		assert_int_equal(annot_depth_cmp(cov[1], cov[1]), 0);
		/* Fewer slots keep the deepest. */
		assert_int_equal(annot_covering(set, 12, cov, 1), 1);
		assert_int_equal(cov[0]->start, 10);
		assert_int_equal(annot_innermost(set, 12)->start, 10);
		assert_int_equal(annot_innermost(set, 5)->start, 4);
		assert_int_equal(annot_innermost(set, 30)->start, 0);
		assert_null(annot_innermost(set, 39));
		annot_set_free(set);
	}
}

/* Same length: the one starting later is deeper (overlap, not nesting);
 * same range: the later one made. */
static void
nested_ties(void **state)
{
	struct annot_set *set = new_set();
	const char *first, *second;
	size_t len = strlen(ART);

	(void)state;
	annot_add(set, ART, len, 0, 10, "a", NULL);
	annot_add(set, ART, len, 5, 15, "b", NULL);
	assert_int_equal(annot_innermost(set, 7)->start, 5);
	first = annot_add(set, ART, len, 20, 30, "c", NULL);
	second = annot_add(set, ART, len, 20, 30, "d", NULL);
	assert_string_equal(annot_innermost(set, 25)->id, second);
	assert_true(annot_depth_cmp(annot_find(set, first),
	    annot_find(set, second)) < 0);
	annot_set_free(set);
}

static void
retarget_keeps_identity(void **state)
{
	struct annot_set *set = new_set();
	const struct annot *a;
	char *id, created[ANNOT_TIME_LEN];
	size_t len = strlen(ART), to = find_nth(ART, "Critics disagreed", 0);

	(void)state;
	id = strdup(add_text(set, ART, "the budget", 0, "claim"));
	annot_add_tag(set, id, "money");
	annot_set_note(set, id, "check");
	memcpy(created, annot_find(set, id)->created, ANNOT_TIME_LEN);
	assert_int_equal(annot_retarget(set, id, ART, len, to, to + 17), 0);
	a = annot_find(set, id);
	assert_mem_str(a->exact, a->exact_len, "Critics disagreed");
	assert_mem_str(a->suffix, a->suffix_len,
	    ". The budget was balanced only o");
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->note, "check");
	assert_string_equal(a->created, created);
	assert_true(strcmp(a->modified, a->created) > 0);
	assert_int_equal(annot_covering(set, to + 3, &a, 1), 1);
	/* Undo puts it back; redo moves it again. */
	assert_int_equal(annot_undo(set), 0);
	a = annot_find(set, id);
	assert_mem_str(a->exact, a->exact_len, "the budget");
	assert_int_equal(annot_redo(set), 0);
	assert_int_equal(annot_find(set, id)->start, to);
	/* An orphan comes back where it is put. */
	annot_reanchor(set, "nothing like it", 15, NULL, NULL);
	assert_true(annot_find(set, id)->orphan);
	assert_int_equal(annot_retarget(set, id, ART, len, 0, 3), 0);
	assert_false(annot_find(set, id)->orphan);
	/* Bad ranges and ids change nothing. */
	assert_int_equal(annot_retarget(set, id, ART, len, 5, 5), -1);
	assert_int_equal(annot_retarget(set, id, ART, len, 5, len + 1), -1);
	assert_int_equal(annot_retarget(set, "nope", ART, len, 0, 3), -1);
	assert_int_equal(annot_find(set, id)->start, 0);
	free(id);
	annot_set_free(set);
}

static void
restore_is_a_change(void **state)
{
	struct annot_set *set = new_set();
	struct annot *copy;
	char *id;

	(void)state;
	id = strdup(add_text(set, ART, "the budget", 0, "claim"));
	annot_mark_synced(set);
	copy = annot_dup(annot_find(set, id));
	free(copy->note);
	copy->note = strdup("from the rescue");
	strcpy(copy->modified, "2030-01-01T00:00:00.000Z");
	annot_restore(set, copy);
	assert_true(annot_dirty(set));
	assert_string_equal(annot_find(set, id)->note, "from the rescue");
	assert_string_equal(annot_find(set, id)->modified, copy->modified);
	/* it stands with the disk as the copy it replaced did */
	assert_true(annot_find(set, id)->synced);
	assert_int_equal(annot_undo(set), 0);
	assert_string_equal(annot_find(set, id)->note, "");
	/* One that was deleted here comes back. */
	annot_delete(set, id);
	annot_restore(set, copy);
	assert_false(annot_is_deleted(set, id));
	assert_int_equal(annot_count(set), 1);
	annot_free(copy);
	free(id);
	annot_set_free(set);
}

static const char QUOTED[] = "\u201cWe will,\u201d she said, \u201cbuild it.\u201d\n";

/* Each kind of change, as undo and redo name it. */
static void
describe_changes(void **state)
{
	static const char *const want[] = {
		"deletion of tag claim on \u201cthe budget\u201d",
		"removal of tag money from \u201cthe budget\u201d",
		"note edit on \u201cthe budget\u201d",
		"note on \u201cthe budget\u201d",
		"tag money on \u201cthe budget\u201d",
		"tag claim on \u201cthe budget\u201d",
	};
	struct annot_set *set = new_set();
	const struct annot *before, *after;
	char *id, *d;
	size_t i;

	(void)state;
	assert_int_equal(annot_change_peek(set, 0, &before, &after), -1);
	id = strdup(add_text(set, ART, "the budget", 0, "claim"));
	annot_add_tag(set, id, "money");
	annot_set_note(set, id, "one");
	annot_set_note(set, id, "two");
	annot_remove_tag(set, id, "money");
	annot_delete(set, id);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(annot_change_peek(set, 0, &before, &after), 0);
		d = annot_describe_change(before, after, 24);
		assert_string_equal(d, want[i]);
		free(d);
		annot_undo(set);
		/* What was undone is now the next redo. */
		assert_int_equal(annot_change_peek(set, 1, &before, &after), 0);
		d = annot_describe_change(before, after, 24);
		assert_string_equal(d, want[i]);
		free(d);
	}
	free(id);
	/* Long passages are cut, white space runs become one space. */
	id = strdup(add_text(set, ART, "balanced.\n\nCritics disagreed", 0,
	    NULL));
	d = annot_summary(annot_find(set, id), 14);
	assert_string_equal(d, "annotation on \u201cbalanced. Crit\u2026\u201d");
	free(d);
	free(id);
	/* The passage's own quotation marks give way to ours. */
	id = strdup(add_text(set, QUOTED, QUOTED, 0, "q"));
	d = annot_summary(annot_find(set, id), 40);
	assert_string_equal(d, "q on \u201cWe will,\u201d she said, \u201cbuild it.\u201d");
	free(d);
	d = annot_summary(annot_find(set, id), 4);
	assert_string_equal(d, "q on \u201cWe w\u2026\u201d");
	free(d);
	free(id);
	id = strdup(add_text(set, ART, "balanced.\n\nCritics disagreed", 0,
	    NULL));
	annot_set_note(set, id, "x");
	annot_set_note(set, id, "");
	annot_change_peek(set, 0, &before, &after);
	d = annot_describe_change(before, after, 40);
	assert_string_equal(d, "removal of the note on "
	    "\u201cbalanced. Critics disagreed\u201d");
	free(d);
	free(id);
	annot_set_free(set);
}

static void
ids_are_random_uuid_urns(void **state)
{
	char *a = annot_new_id(), *b = annot_new_id();
	char now[ANNOT_TIME_LEN];

	(void)state;
	/* urn:uuid:xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx (version 4) */
	assert_int_equal(strlen(a), ANNOT_ID_LEN - 1);
	assert_int_equal(strncmp(a, "urn:uuid:", 9), 0);
	assert_int_equal(strspn(a + 9, "0123456789abcdef-"), 36);
	assert_int_equal(a[9 + 8], '-');
	assert_int_equal(a[9 + 13], '-');
	assert_int_equal(a[9 + 14], '4');
	assert_non_null(strchr("89ab", a[9 + 19]));
	assert_string_not_equal(a, b);
	annot_now(now);
	assert_int_equal(strlen(now), 24);
	assert_int_equal(now[23], 'Z');
	assert_int_equal(now[19], '.');
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_tag_note_delete),
		cmocka_unit_test(order_and_queries),
		cmocka_unit_test(undo_redo_sequence),
		cmocka_unit_test(history_moves_to_text_read_again),
		cmocka_unit_test(reanchor_same_text_stays),
		cmocka_unit_test(reanchor_insertions),
		cmocka_unit_test(reanchor_deletions),
		cmocka_unit_test(reanchor_whitespace_and_rewrap),
		cmocka_unit_test(reanchor_snaps_to_words),
		cmocka_unit_test(reanchor_duplicates_by_context),
		cmocka_unit_test(reanchor_unrelated_text_orphans),
		cmocka_unit_test(context_is_32_code_points),
		cmocka_unit_test(ids_are_random_uuid_urns),
		cmocka_unit_test(nested_deepest_first),
		cmocka_unit_test(nested_ties),
		cmocka_unit_test(retarget_keeps_identity),
		cmocka_unit_test(restore_is_a_change),
		cmocka_unit_test(describe_changes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
