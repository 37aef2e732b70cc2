/*
 * test_track.c: change tracking at the level of annotations: a table of
 * edit kinds re-anchored through the version store (the annotated text
 * aligned with the new one) and by context alone (the text not kept),
 * the states kept relative to the text annotated ("was", an edit undone),
 * orphans found again, keeping and pinning texts, the base of a diff,
 * and the reading position.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/store.h"
#include "artread/track.h"
#include "artread/util.h"

#include "testversions.h"

#define CLOUD_OLD "Cloud Deal\n\nThe company stores its data in Guizhou.\n\n" \
		"Chinese state employees physically manage the servers, the " \
		"report said.\n"
#define CLOUD_NEW "Cloud Deal\n\nThe company stores its data in Guizhou.\n\n" \
		"State employees physically manage the servers, the report " \
		"said.\n"

/* Where the old text is: in the store (aligned), or nowhere (context). */
enum way { BY_STORE = 1, BY_CONTEXT = 2, BOTH = 3 };

struct row {
	const char		*name;
	const char		*old;
	const char		*new;
	const char		*passage;	/* in old, first occurrence */
	enum annot_anchor	 state;
	const char		*want;		/* in new; "" for an orphan */
	unsigned		 ways;		/* where this is the answer */
};

static const struct row rows[] = {
	{ "insert before the passage", ART,
	  P0 "The council met on Tuesday night. After a long and bitter "
	  "debate, members approved the bridge by nine votes to four.\n\n"
	  P2 P3 P4, PASSAGE, ANNOT_EXACT, PASSAGE, BOTH },
	{ "insert a paragraph before", ART,
	  "An editor's note added on Friday.\n\n" ART,
	  MAYOR, ANNOT_EXACT, MAYOR, BOTH },
	{ "insert inside the passage", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "narrowly approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  PASSAGE, ANNOT_CHANGED,
	  "members narrowly approved the bridge by nine votes to four.", BOTH },
	{ "insert after the passage", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by nine votes to four. The vote ends ten years "
	  "of talks.\n\n" P2 P3 P4, PASSAGE, ANNOT_EXACT, PASSAGE, BOTH },
	{ "delete words inside", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by votes to four.\n\n" P2 P3 P4,
	  PASSAGE, ANNOT_CHANGED,
	  "members approved the bridge by votes to four.", BOTH },
	{ "replace one word", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "approved the bridge by eight votes to four.\n\n" P2 P3 P4,
	  PASSAGE, ANNOT_CHANGED,
	  "members approved the bridge by eight votes to four.", BOTH },
	{ "delete the whole passage", ART,
	  P0 "The council met on Tuesday night.\n\n" P2 P3 P4,
	  PASSAGE, ANNOT_ORPHAN, "", BOTH },
	{ "most words replaced", ART,
	  P0 "The council met on Tuesday night. After a long debate, members "
	  "rejected a tunnel under the river.\n\n" P2 P3 P4,
	  "approved the bridge by nine votes", ANNOT_ORPHAN, "", BOTH },
	{ "move a paragraph", ART, P0 P1 P3 P4 "\n" MAYOR "\n",
	  MAYOR, ANNOT_MOVED, MAYOR, BOTH },
	{ "split the paragraph", ART,
	  P0 "The council met on Tuesday night.\n\nAfter a long debate, "
	  "members approved the bridge by nine votes to four.\n\n" P2 P3 P4,
	  "Tuesday night. After a long debate", ANNOT_EXACT,
	  "Tuesday night.\n\nAfter a long debate", BOTH },
	{ "merge two paragraphs", ART,
	  P0 P1 "Mayor Ada Lind said the vote was a turning point for the city. "
	  "Opponents say the cost will rise. The finance office has said the "
	  "data is safe.\n\n" P4,
	  "Opponents say the cost will rise.", ANNOT_EXACT,
	  "Opponents say the cost will rise.", BOTH },
	{ "re-wrap", ART,
	  P0 "The council met on Tuesday night. After a long debate,\nmembers "
	  "approved the bridge by nine votes\nto four.\n\n" P2 P3 P4,
	  PASSAGE, ANNOT_EXACT,
	  "members approved the bridge by nine votes\nto four.", BOTH },
	{ "LF to CRLF", "Title\n\nOne line\nand another line\nend here.\n",
	  "Title\r\n\r\nOne line\r\nand another line\r\nend here.\r\n",
	  "line\nand another", ANNOT_EXACT, "line\r\nand another", BOTH },
	{ "a repeated passage: the second stays the second",
	  "Row\n\nThe plan was sound, he said.\n\nLater: the plan was sound, "
	  "she said.\n",
	  "Row\n\nAn update.\n\nThe plan was sound, he said.\n\nLater: the "
	  "plan was sound, she said.\n",
	  "plan was sound, she", ANNOT_EXACT, "plan was sound, she", BOTH },
	/* The two real cases. */
	{ "the real case: not into the previous paragraph", CLOUD_OLD,
	  CLOUD_NEW, "Chinese state employees physically manage the servers",
	  ANNOT_CHANGED, "State employees physically manage the servers",
	  BOTH },
	{ "the real case: keeps \"has\"", ART,
	  P0 P1 P2 "Opponents say the cost will rise. The finance office has "
	  "insisted the data is safe.\n\n" P4,
	  "has said the data is safe.", ANNOT_CHANGED,
	  "has insisted the data is safe.", BOTH },
	{ "a paragraph moved past a rewritten one", ART,
	  P0 P1 P3 "Construction begins in May.\n\n" MAYOR "\n",
	  MAYOR, ANNOT_MOVED, MAYOR, BOTH },
	{ "nothing changed", ART, ART, MAYOR, ANNOT_EXACT, MAYOR, BOTH },
	{ "everything rewritten", ART,
	  "Something Else\n\nAn unrelated text about gardens and bees.\n",
	  PASSAGE, ANNOT_ORPHAN, "", BOTH },
};

/* A set with one annotation on passage in old, made on old's version. */
static struct annot_set *
annotated(const char *old, const char *passage, const char **id, char *sha)
{
	struct annot_set *set = annot_set_new();
	const char *at = strstr(old, passage);

	assert_non_null(at);
	*id = annot_add(set, old, strlen(old), (size_t)(at - old),
	    (size_t)(at - old) + strlen(passage), "claim", "a note");
	assert_non_null(*id);
	sha256_hex(old, strlen(old), sha);
	annot_fill_versions(set, sha);
	return set;
}

static void
check_row(const struct row *r, enum way way)
{
	char old_sha[SHA256_HEX_LEN], new_sha[SHA256_HEX_LEN], prev[65];
	struct annot_reanchor_stats st;
	struct annot_set *set;
	const struct annot *a;
	const char *id;

	if (way == BY_STORE) {
		track_use_store(NULL);
		track_close();		/* the default store, private */
		assert_int_equal(track_keep("article", r->old, strlen(r->old),
		    old_sha, prev), 0);
	} else
		track_use_store(NULL);
	set = annotated(r->old, r->passage, &id, old_sha);
	sha256_hex(r->new, strlen(r->new), new_sha);
	track_reanchor(set, old_sha, r->new, strlen(r->new), new_sha, &st);
	a = annot_find(set, id);
	if (annot_anchor_of(a) != r->state ||
	    (r->state != ANNOT_ORPHAN && (a->end - a->start != strlen(r->want) ||
	    memcmp(r->new + a->start, r->want, strlen(r->want)) != 0)))
		fail_msg("%s (%s): got %s '%.*s', want %s '%s'", r->name,
		    way == BY_STORE ? "store" : "context",
		    annot_anchor_name(annot_anchor_of(a)),
		    a->orphan ? 0 : (int)(a->end - a->start),
		    r->new + (a->orphan ? 0 : a->start),
		    annot_anchor_name(r->state), r->want);
	/* The text as annotated is kept while changed; the rest too. */
	if (r->state == ANNOT_CHANGED) {
		assert_non_null(a->was);
		assert_mem_str(a->was->exact, a->was->exact_len, r->passage);
	} else
		assert_null(a->was);
	if (r->state == ANNOT_ORPHAN)
		assert_mem_str(a->exact, a->exact_len, r->passage);
	assert_string_equal(a->version, old_sha);
	assert_string_equal(a->tags[0], "claim");
	assert_string_equal(a->note, "a note");
	assert_int_equal(st.orphaned, r->state == ANNOT_ORPHAN);
	assert_int_equal(st.changed, r->state == ANNOT_CHANGED);
	annot_set_free(set);
	track_use_store(NULL);
}

static void
edit_kind_by_store(void **state)
{
	const struct row *r = *state;

	if (r->ways & BY_STORE)
		check_row(r, BY_STORE);
}

static void
edit_kind_by_context(void **state)
{
	const struct row *r = *state;

	if (r->ways & BY_CONTEXT)
		check_row(r, BY_CONTEXT);
}

/* A fresh store, and a set with one annotation on passage in old. */
static struct annot_set *
fresh(const char *old, const char *passage, const char **id)
{
	char sha[SHA256_HEX_LEN];

	track_close();
	return annotated(old, passage, id, sha);
}

/* Re-anchor set (on text old) on new, through the store. */
static void
reanchor_via_store(struct annot_set *set, const char *old, const char *new)
{
	char old_sha[SHA256_HEX_LEN], new_sha[SHA256_HEX_LEN];
	struct annot_reanchor_stats st;

	assert_int_equal(track_keep("article", old, strlen(old), old_sha, NULL),
	    0);
	sha256_hex(new, strlen(new), new_sha);
	track_reanchor(set, old_sha, new, strlen(new), new_sha, &st);
}

/* A state is relative to the text annotated: a later edit elsewhere
 * does not make a changed passage exact, an edit undone does. */
static void
states_stay_relative_to_the_text_annotated(void **state)
{
	const char *v2 = P0 P1 P2 "Opponents say the cost will rise. The "
	    "finance office has insisted the data is safe.\n\n" P4;
	const char *v3 = "Update: a line on top.\n\n" P0 P1 P2 "Opponents say "
	    "the cost will rise. The finance office has insisted the data is "
	    "safe.\n\n" P4;
	const char *v4 = "Update: a line on top.\n\n" ART, *id;
	struct annot_set *set = fresh(ART, "has said the data is safe.", &id);
	const struct annot *a;

	(void)state;
	reanchor_via_store(set, ART, v2);
	a = annot_find(set, id);
	assert_int_equal(annot_anchor_of(a), ANNOT_CHANGED);
	reanchor_via_store(set, v2, v3);
	a = annot_find(set, id);
	assert_int_equal(annot_anchor_of(a), ANNOT_CHANGED);
	assert_mem_str(a->was->exact, a->was->exact_len,
	    "has said the data is safe.");
	assert_mem_str(v3 + a->start, a->end - a->start,
	    "has insisted the data is safe.");
	reanchor_via_store(set, v3, v4);
	a = annot_find(set, id);
	assert_int_equal(annot_anchor_of(a), ANNOT_EXACT);
	assert_null(a->was);
	assert_mem_str(v4 + a->start, a->end - a->start,
	    "has said the data is safe.");
	annot_set_free(set);
}

/* An orphan comes back when its text does; meanwhile its place follows
 * the text. */
static void
orphan_found_again(void **state)
{
	const char *gone = P0 P2 P3 P4;
	const char *id;
	struct annot_set *set = fresh(ART, PASSAGE, &id);
	const struct annot *a;

	(void)state;
	reanchor_via_store(set, ART, gone);
	a = annot_find(set, id);
	assert_true(a->orphan);
	assert_int_equal(a->start, a->end);
	assert_int_equal(a->start, strlen(P0));	/* where the passage was */
	reanchor_via_store(set, gone, ART);
	a = annot_find(set, id);
	assert_false(a->orphan);
	assert_int_equal(annot_anchor_of(a), ANNOT_EXACT);
	assert_mem_str(&ART[a->start], a->end - a->start, PASSAGE);
	annot_set_free(set);
}

/* The versions annotations were made on stay in the store, whatever the
 * cap; the base of a diff is the annotated version, else the last read. */
static void
keep_pin_and_base(void **state)
{
	const char *v1 = "Version one of the text, with enough words.\n";
	const char *v2 = "Version two of the text, with other words.\n";
	const char *v3 = "Version three, the newest of them all.\n";
	char s1[65], s2[65], s3[65], prev[65], base[65];
	struct annot_set *set;
	struct store *st;
	char *bytes = NULL, *cause = NULL;
	size_t len;
	const char *id;

	(void)state;
	track_close();
	track_set_limit(1);	/* prune everything that may go */
	assert_int_equal(track_keep("k", v1, strlen(v1), s1, prev), 0);
	assert_string_equal(prev, "");
	set = annotated(v1, "Version one", &id, s1);
	assert_int_equal(track_pin("k", set, NULL), 0);
	assert_int_equal(track_keep("k", v2, strlen(v2), s2, prev), 0);
	assert_string_equal(prev, s1);
	assert_int_equal(track_keep("k", v3, strlen(v3), s3, prev), 0);
	assert_string_equal(prev, s2);
	/* v2 went (over the cap, not pinned); v1 is pinned, v3 the last. */
	assert_int_equal(track_text(s1, &bytes, &len, NULL), 0);
	assert_mem_str(bytes, len, v1);
	free(bytes);
	assert_int_equal(track_text(s2, &bytes, &len, &cause), -1);
	free(cause);
	assert_int_equal(track_base("k", set, s3, NULL, base), 0);
	assert_string_equal(base, s1);
	annot_set_free(set);
	/* Annotations made on the text now only: nothing changed. */
	set = annotated(v3, "Version three", &id, s3);
	assert_int_equal(track_base("k", set, s3, NULL, base), 0);
	assert_string_equal(base, s3);
	annot_set_free(set);
	set = annot_set_new();
	/* No annotations, v3 kept by the caller: the one read before it
	 * (v2 went: v1). */
	assert_int_equal(track_base("k", set, s3, s2, base), 0);
	assert_string_equal(base, s1);
	assert_int_equal(track_base("k", set, s3, s1, base), 0);
	assert_string_equal(base, s1);
	/* Read again as it was: the same version, nothing changed. */
	assert_int_equal(track_base("k", set, s3, s3, base), 0);
	assert_string_equal(base, s3);
	/* Not kept by the caller (--diff): the last read, v3 itself. */
	assert_int_equal(track_base("k", set, s3, NULL, base), 0);
	assert_string_equal(base, s3);
	assert_int_equal(track_base("nothing", set, s3, NULL, base), -1);
	assert_int_equal(track_base("nothing", set, s3, "", base), -1);
	annot_set_free(set);
	/* Too large: not hashed, not kept. */
	st = track_store();
	assert_non_null(st);
	track_set_limit(0);
	track_close();
}

/* The reading position follows the text. */
static void
position_follows_the_text(void **state)
{
	const char *v2 = "An editor's note on top.\n\n" ART;
	char sha[65];
	size_t off = strstr(ART, "Mayor") - ART, out;

	(void)state;
	track_close();
	assert_int_equal(track_keep("/a/story.txt", ART, strlen(ART), sha,
	    NULL), 0);
	assert_int_equal(track_follow_offset("/a/story.txt", strlen(ART), off,
	    v2, strlen(v2), &out), 0);
	assert_int_equal(out, (size_t)(strstr(v2, "Mayor") - v2));
	/* No version of that size kept: not known. */
	assert_int_equal(track_follow_offset("/a/story.txt", 12345, off,
	    v2, strlen(v2), &out), -1);
	assert_int_equal(track_follow_offset("/a/other.txt", strlen(ART), off,
	    v2, strlen(v2), &out), -1);
}

/* Issue 11's row: 1,000 annotations whose text is gone (correctness
 * here; the time is make stress's). */
static void
many_gone_become_orphans(void **state)
{
	struct buf text;
	struct annot_set *set;
	struct annot_reanchor_stats st;
	const char *after = "A completely different article about gardens.\n";
	size_t i, at;

	(void)state;
	track_use_store(NULL);
	buf_init(&text);
	for (i = 0; i < 1000; i++)
		buf_printf(&text, "Sentence %zu says the harbour vote passed "
		    "again.%s", i, i % 5 == 4 ? "\n\n" : " ");
	set = annot_set_new();
	for (i = 0, at = 0; i < 1000; i++) {
		const char *p = strstr(text.data + at, "says the harbour");

		assert_non_null(p);
		annot_add(set, text.data, text.len, (size_t)(p - text.data),
		    (size_t)(p - text.data) + 16, "t", NULL);
		at = (size_t)(p - text.data) + 1;
	}
	track_reanchor(set, "", after, strlen(after), NULL, &st);
	assert_int_equal(st.orphaned, 1000);
	assert_int_equal(annot_count(set), 1000);
	annot_set_free(set);
	buf_free(&text);
}

static void
keys(void **state)
{
	char *k;

	(void)state;
	k = track_key(NULL, "https://example.org/a", NULL);
	assert_string_equal(k, "https://example.org/a");
	free(k);
	k = track_key(NULL, NULL, "abc");
	assert_string_equal(k, "stdin:abc");
	free(k);
	k = track_key("/no/such/file", NULL, NULL);
	assert_string_equal(k, "/no/such/file");
	free(k);
}

int
main(void)
{
	struct CMUnitTest tests[2 * testutil_nelem(rows) + 7];
	size_t i, n = 0;
	int rc;

	for (i = 0; i < testutil_nelem(rows); i++) {
		tests[n].name = xasprintf("store: %s", rows[i].name);
		tests[n].test_func = edit_kind_by_store;
		tests[n].setup_func = NULL;
		tests[n].teardown_func = NULL;
		tests[n++].initial_state = (void *)&rows[i];
		tests[n].name = xasprintf("context: %s", rows[i].name);
		tests[n].test_func = edit_kind_by_context;
		tests[n].setup_func = NULL;
		tests[n].teardown_func = NULL;
		tests[n++].initial_state = (void *)&rows[i];
	}
#define ADD(fn) do {							\
	tests[n].name = #fn;						\
	tests[n].test_func = fn;					\
	tests[n].setup_func = NULL;					\
	tests[n].teardown_func = NULL;					\
	tests[n++].initial_state = NULL;				\
} while (0)
	ADD(states_stay_relative_to_the_text_annotated);
	ADD(orphan_found_again);
	ADD(keep_pin_and_base);
	ADD(position_follows_the_text);
	ADD(many_gone_become_orphans);
	ADD(keys);
	testutil_private_data();
	rc = _cmocka_run_group_tests("track", tests, n, NULL, NULL);
	for (i = 0; i < 2 * testutil_nelem(rows); i++)
		free((char *)tests[i].name);
	return rc;
}
