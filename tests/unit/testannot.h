/*
 * testannot.h: comparing two annotations field by field, for the tests
 * of whatever writes and reads them (sidecar, codec, import).
 */
#ifndef ARTREAD_TESTANNOT_H
#define ARTREAD_TESTANNOT_H

#include "artread/annot.h"

/* Everything a writer must keep: ids, times, tags, note, range,
 * passage and context, anchor state, version, the text as annotated,
 * conflictOf and the kept unknown fields. */
static inline void
testannot_assert_same(const struct annot *a, const struct annot *b)
{
	size_t i;

	assert_string_equal(a->id, b->id);
	assert_string_equal(a->created, b->created);
	assert_string_equal(a->modified, b->modified);
	assert_int_equal(a->ntags, b->ntags);
	for (i = 0; i < a->ntags; i++)
		assert_string_equal(a->tags[i], b->tags[i]);
	assert_string_equal(a->note, b->note);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->end, b->end);
	assert_int_equal(a->orphan, b->orphan);
	assert_int_equal(annot_anchor_of(a), annot_anchor_of(b));
	assert_int_equal(a->exact_len, b->exact_len);
	assert_memory_equal(a->exact, b->exact, a->exact_len);
	assert_int_equal(a->prefix_len, b->prefix_len);
	assert_memory_equal(a->prefix, b->prefix, a->prefix_len);
	assert_int_equal(a->suffix_len, b->suffix_len);
	assert_memory_equal(a->suffix, b->suffix, a->suffix_len);
	assert_string_equal(a->version, b->version);
	assert_int_equal(a->was == NULL, b->was == NULL);
	if (a->was != NULL) {
		assert_int_equal(a->was->exact_len, b->was->exact_len);
		assert_memory_equal(a->was->exact, b->was->exact,
		    a->was->exact_len);
	}
	assert_int_equal(a->conflict_of == NULL, b->conflict_of == NULL);
	if (a->conflict_of != NULL)
		assert_string_equal(a->conflict_of, b->conflict_of);
	assert_int_equal(a->extra == NULL, b->extra == NULL);
	if (a->extra != NULL)
		assert_string_equal(a->extra, b->extra);
	assert_true(annot_fingerprint(a, ANNOT_FP_ALL) ==
	    annot_fingerprint(b, ANNOT_FP_ALL));
}

#endif
