/* test_utf8.c: the Unicode module: decoding, categories, case, widths,
 * grapheme clusters. */
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "artread/utf8.h"
#include "artread/util.h"

/* Code points as UTF-8, for readable tables below. */
#define E_ACUTE		"e\xcc\x81"			/* e + U+0301 */
#define ZWJ		"\xe2\x80\x8d"
#define VS16		"\xef\xb8\x8f"
#define WOMAN		"\xf0\x9f\x91\xa9"
#define MAN		"\xf0\x9f\x91\xa8"
#define GIRL		"\xf0\x9f\x91\xa7"
#define STAFF		"\xe2\x9a\x95"			/* U+2695 */
#define FLAG_FR		"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
#define FLAG_DE		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define THUMB_TONE	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"	/* 👍🏽 */

static void
decode_and_back(void **state)
{
	static const char s[] = "a\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80\xff" "b";
	uint32_t cp;

	(void)state;
	/* a(0) é(1) 漢(3) 😀(6) 0xff(10) b(11) */
	assert_int_equal(utf8_decode(s + 1, 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(utf8_decode(s + 10, 2, &cp), 0);
	assert_int_equal(utf8_decode_lossy(s + 10, 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(utf8_decode(s + 3, 2, &cp), 0);	/* cut short */
	/* back from the end of each code point to its start */
	assert_int_equal(utf8_back(s, 1), 0);
	assert_int_equal(utf8_back(s, 3), 1);
	assert_int_equal(utf8_back(s, 6), 3);
	assert_int_equal(utf8_back(s, 10), 6);
	assert_int_equal(utf8_back(s, 11), 10);	/* 0xff: one byte */
	assert_int_equal(utf8_back(s, 12), 11);
	/* from inside a sequence: a stray byte */
	assert_int_equal(utf8_back(s, 5), 4);
	/* after a lead byte (no continuation byte before off): one byte */
	assert_int_equal(utf8_back(s, 4), 3);
	assert_int_equal(utf8_back(s, 7), 6);
	assert_int_equal(utf8_back(s, 2), 1);
}

static void
categories(void **state)
{
	static const struct {
		uint32_t	cp;
		int		letter, upper, lower, title, digit, punct,
				space, mark, format;
	} t[] = {
		/*	   L  Lu Ll Lt Nd P  Z  M  Cf */
		{ 'A',	   1, 1, 0, 0, 0, 0, 0, 0, 0 },
		{ 'z',	   1, 0, 1, 0, 0, 0, 0, 0, 0 },
		{ '7',	   0, 0, 0, 0, 1, 0, 0, 0, 0 },
		{ '.',	   0, 0, 0, 0, 0, 1, 0, 0, 0 },
		{ '\t',	   0, 0, 0, 0, 0, 0, 1, 0, 0 },
		{ 0x218,   1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* Ș */
		{ 0x219,   1, 0, 1, 0, 0, 0, 0, 0, 0 },	/* ș */
		{ 0x162,   1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* Ţ */
		{ 0x386,   1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* Ά */
		{ 0x1f08,  1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* Ἀ */
		{ 0x1ea0,  1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* Ạ (Vietnamese) */
		{ 0x130,   1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* İ (Turkish) */
		{ 0x10d0,  1, 0, 1, 0, 0, 0, 0, 0, 0 },	/* ა (Georgian) */
		{ 0x531,   1, 1, 0, 0, 0, 0, 0, 0, 0 },	/* Ա (Armenian) */
		{ 0x1c5,   1, 0, 0, 1, 0, 0, 0, 0, 0 },	/* ǅ */
		{ 0x6f22,  1, 0, 0, 0, 0, 0, 0, 0, 0 },	/* 漢 */
		{ 0xd55c,  1, 0, 0, 0, 0, 0, 0, 0, 0 },	/* 한 */
		{ 0x30ab,  1, 0, 0, 0, 0, 0, 0, 0, 0 },	/* カ */
		{ 0x661,   0, 0, 0, 0, 1, 0, 0, 0, 0 },	/* Arabic-Indic 1 */
		{ 0x201c,  0, 0, 0, 0, 0, 1, 0, 0, 0 },	/* “ */
		{ 0x2014,  0, 0, 0, 0, 0, 1, 0, 0, 0 },	/* — */
		{ 0xa0,	   0, 0, 0, 0, 0, 0, 1, 0, 0 },	/* no-break space */
		{ 0x2003,  0, 0, 0, 0, 0, 0, 1, 0, 0 },	/* em space */
		{ 0x301,   0, 0, 0, 0, 0, 0, 0, 1, 0 },	/* combining acute */
		{ 0x93f,   0, 0, 0, 0, 0, 0, 0, 1, 0 },	/* Devanagari i */
		{ 0x200d,  0, 0, 0, 0, 0, 0, 0, 0, 1 },	/* ZWJ */
		{ 0x202e,  0, 0, 0, 0, 0, 0, 0, 0, 1 },	/* RLO */
		{ 0x1f600, 0, 0, 0, 0, 0, 0, 0, 0, 0 },	/* 😀 */
		{ 0xa9,	   0, 0, 0, 0, 0, 0, 0, 0, 0 },	/* © */
		{ 0xd7,	   0, 0, 0, 0, 0, 0, 0, 0, 0 },	/* × */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		uint32_t c = t[i].cp;

		if (utf8_is_letter(c) != t[i].letter ||
		    utf8_is_upper(c) != t[i].upper ||
		    utf8_is_lower(c) != t[i].lower ||
		    utf8_is_title(c) != t[i].title ||
		    utf8_is_digit(c) != t[i].digit ||
		    utf8_is_punct(c) != t[i].punct ||
		    utf8_is_space(c) != t[i].space ||
		    utf8_is_mark(c) != t[i].mark ||
		    utf8_is_format(c) != t[i].format)
			fail_msg("U+%04X: wrong category", (unsigned)c);
		assert_int_equal(utf8_is_word(c),
		    t[i].letter || t[i].digit || t[i].mark);
	}
}

static void
words(void **state)
{
	/* Ș(0) .(2) (3) c(4) a f é(7) ’(9) s(12) */
	static const char s[] = "\xc8\x98. caf\xc3\xa9\xe2\x80\x99s";
	size_t n = sizeof s - 1;

	(void)state;
	assert_true(utf8_word_at(s, n, 0));
	assert_false(utf8_word_at(s, n, 1));	/* inside Ș */
	assert_false(utf8_word_at(s, n, 2));
	assert_false(utf8_word_at(s, n, n));
	assert_true(utf8_word_before(s, 2));	/* Ș ends at 2 */
	assert_false(utf8_word_before(s, 3));
	assert_true(utf8_word_before(s, 9));	/* é ends at 9 */
	assert_false(utf8_word_before(s, 12));	/* ’ */
	assert_int_equal(utf8_word_back(s, 2, 0), 0);
	assert_int_equal(utf8_word_back(s, 9, 0), 4);
	assert_int_equal(utf8_word_back(s, 9, 6), 6);
	assert_int_equal(utf8_word_back(s, 3, 0), 3);
}

static void
case_mapping(void **state)
{
	char *f, *g;
	size_t n;

	(void)state;
	assert_int_equal(utf8_toupper(0x219), 0x218);		/* ș Ș */
	assert_int_equal(utf8_tolower(0x386), 0x3ac);		/* Ά ά */
	assert_int_equal(utf8_tolower(0x130), 0x69);		/* İ i */
	assert_int_equal(utf8_toupper(0x3c2), 0x3a3);		/* ς Σ */
	assert_int_equal(utf8_totitle(0x1c6), 0x1c5);		/* ǆ ǅ */
	assert_int_equal(utf8_toupper(0x6f22), 0x6f22);		/* 漢: none */
	assert_int_equal(utf8_tolower('Q'), 'q');

	/* full folding: ß folds to ss, so Straße and STRASSE compare equal */
	f = utf8_casefold("Stra\xc3\x9f" "e", 7, &n);
	g = utf8_casefold("STRASSE", 7, NULL);
	assert_string_equal(f, "strasse");
	assert_int_equal(n, 7);
	assert_string_equal(f, g);
	free(f);
	free(g);
	/* Greek final sigma and capital sigma fold alike */
	f = utf8_casefold("\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91", 10, NULL);
	g = utf8_casefold("\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1", 10, NULL);
	assert_string_equal(f, g);
	free(f);
	free(g);
	/* invalid bytes and NUL do not stop it */
	f = utf8_casefold("A\xff" "B\0C", 5, &n);
	assert_mem_str(f, n, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
	free(f);
	f = utf8_casefold("", 0, &n);
	assert_int_equal(n, 0);
	assert_string_equal(f, "");
	free(f);
}

/* Accents as English news drops them from foreign names. */
static void
strip_accents(void **state)
{
	static const char *const pairs[][2] = {
		{ "B\xe1\xba\xaf" "c Ninh", "Bac Ninh" },
		{ "\xc8\x9aurcanu \xc8\x98tefan", "Turcanu Stefan" },
		{ "\xc4\x90\xc3\xa0 N\xe1\xba\xb5ng", "Da Nang" },
		{ "\xc5\x81\xc3\xb3" "d\xc5\xba", "Lodz" },
		{ "Reykjav\xc3\xadk", "Reykjavik" },
		{ "\xc4\xb0zmir", "Izmir" },
		{ "Plain", "Plain" },
	};
	size_t i, n;
	char *f;

	(void)state;
	for (i = 0; i < testutil_nelem(pairs); i++) {
		f = utf8_strip_accents(pairs[i][0], strlen(pairs[i][0]), &n);
		assert_string_equal(f, pairs[i][1]);
		assert_int_equal(n, strlen(pairs[i][1]));
		free(f);
	}
	/* Greek keeps its letters, without the tonos */
	f = utf8_strip_accents("\xce\x86\xce\xbd\xce\xbd\xce\xb1", 8, &n);
	assert_string_equal(f, "\xce\x91\xce\xbd\xce\xbd\xce\xb1");
	free(f);
	f = utf8_strip_accents("a\xff", 2, &n);
	assert_string_equal(f, "a\xef\xbf\xbd");
	free(f);
}

static void
widths(void **state)
{
	(void)state;
	assert_int_equal(utf8_width('a'), 1);
	assert_int_equal(utf8_width('\n'), -1);
	assert_int_equal(utf8_width(0x7f), -1);
	assert_int_equal(utf8_width(0x6f22), 2);	/* 漢 */
	assert_int_equal(utf8_width(0x1f469), 2);	/* 👩 */
	assert_int_equal(utf8_width(0x301), 0);
	assert_int_equal(utf8_width(0x200d), 0);
	assert_int_equal(utf8_width(0x9b), -1);	/* C1 */
}

/* The lengths of the successive clusters of s. */
static void
assert_clusters(const char *s, const size_t *want, size_t nwant)
{
	size_t n = strlen(s), i = 0, k = 0;

	while (i < n) {
		size_t len = utf8_grapheme_len(s + i, n - i);

		if (k >= nwant || len != want[k])
			fail_msg("cluster %zu of \"%s\" at %zu: %zu bytes, want %zu",
			    k, s, i, len, k < nwant ? want[k] : 0);
		i += len;
		k++;
	}
	assert_int_equal(k, nwant);
}

#define CLUSTERS(s, ...) do {						\
	static const size_t w__[] = { __VA_ARGS__ };			\
	assert_clusters((s), w__, sizeof w__ / sizeof w__[0]);		\
} while (0)

static void
clusters(void **state)
{
	(void)state;
	CLUSTERS("ab", 1, 1);
	CLUSTERS(E_ACUTE "x", 3, 1);
	CLUSTERS("a\r\nb", 1, 2, 1);
	CLUSTERS(WOMAN ZWJ STAFF VS16 "!", 13, 1);	/* 👩‍⚕️ */
	CLUSTERS(MAN ZWJ WOMAN ZWJ GIRL, 18);		/* 👨‍👩‍👧 */
	CLUSTERS(FLAG_FR FLAG_DE, 8, 8);
	CLUSTERS(FLAG_FR "\xf0\x9f\x87\xa9", 8, 4);	/* an odd indicator */
	CLUSTERS(THUMB_TONE, 8);
	CLUSTERS("1" VS16 "\xe2\x83\xa3", 7);		/* keycap 1 */
	CLUSTERS("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 9);	/* Hangul L V T */
	CLUSTERS("\xe6\xbc\xa2\xe5\xad\x97", 3, 3);	/* 漢字 */
	CLUSTERS("\xe0\xa4\xa8\xe0\xa4\xbf", 6);	/* नि: consonant + sign */
	CLUSTERS("a" ZWJ "b", 4, 1);			/* a ZWJ joins its base */
	CLUSTERS("\xff\xcc\x81", 1, 2);			/* nothing joins a bad byte */
}

static void
cluster_steps(void **state)
{
	static const char s[] = WOMAN ZWJ STAFF;
	uint32_t prev = 0x1f469;
	int32_t st = 0;

	(void)state;
	assert_int_equal(utf8_grapheme_continues(s + 4, 3, &prev, &st), 3);
	assert_int_equal(prev, 0x200d);
	assert_int_equal(utf8_grapheme_continues(s + 7, 3, &prev, &st), 3);
	assert_int_equal(prev, 0x2695);
	assert_int_equal(utf8_grapheme_continues("x", 1, &prev, &st), 0);
	assert_int_equal(utf8_grapheme_continues("", 0, &prev, &st), 0);

	/* sure boundaries, whatever came before */
	assert_true(utf8_grapheme_anchor('a', 'b'));
	assert_true(utf8_grapheme_anchor('x', 0x6f22));
	assert_false(utf8_grapheme_anchor('a', 0x301));
	assert_false(utf8_grapheme_anchor(0x301, 'b'));	/* not sure */
	assert_false(utf8_grapheme_anchor(0x200d, 0x1f469));
	assert_false(utf8_grapheme_anchor(0x1f1eb, 0x1f1f7));
	assert_false(utf8_grapheme_anchor('\r', '\n'));
	assert_true(utf8_is_pictographic(0x1f469));
	assert_true(utf8_is_pictographic(0x2695));
	assert_false(utf8_is_pictographic('a'));
	assert_false(utf8_is_pictographic(0x1f1eb));
}

/* NFC, a cluster at a time; 0 where the cluster is NFC already. */
static void
normalisation(void **state)
{
	static const struct {
		const char	*in;
		const char	*nfc;	/* NULL: unchanged */
	} cases[] = {
		{ "e\xcc\x81", "\xc3\xa9" },		/* e U+0301: é */
		{ "E\xcc\x81", "\xc3\x89" },
		{ "e\xcc\xa3\xcc\x82", "\xe1\xbb\x87" },	/* ệ */
		{ "e\xcc\x82\xcc\xa3", "\xe1\xbb\x87" },	/* marks reordered */
		{ "\xe2\x84\xab", "\xc3\x85" },		/* U+212B: Å */
		{ "\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc" },	/* U+0958 */
		{ "\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80" },	/* jamo: 가 */
		{ "\xe0\xad\x87\xe0\xac\xbe", "\xe0\xad\x8b" },	/* Oriya o */
		{ "\xc3\xa9", NULL },
		{ "a", NULL },
		{ "\xe2\x80\x9c", NULL },			/* a quotation mark */
		{ "\xd0\xb9", NULL },			/* й, precomposed */
		{ "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", NULL },	/* emoji, tone */
		{ "\xff", NULL },				/* invalid */
	};
	char out[UTF8_NFC_MAX], *all;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = utf8_nfc_cluster(cases[i].in, strlen(cases[i].in), out);
		if (cases[i].nfc == NULL)
			assert_int_equal(n, 0);
		else
			assert_mem_str(out, n, cases[i].nfc);
	}
	/* stable: never changed nor joined to what comes before */
	assert_true(utf8_nfc_stable('e'));
	assert_true(utf8_nfc_stable(0xe9));		/* é */
	assert_true(utf8_nfc_stable(0x201c));		/* a quotation mark */
	assert_true(utf8_nfc_stable(0x43b));		/* л */
	assert_true(utf8_nfc_stable(0xac00));		/* 가 */
	assert_false(utf8_nfc_stable(0x301));		/* a combining mark */
	assert_false(utf8_nfc_stable(0x212b));		/* the Angstrom sign */
	assert_false(utf8_nfc_stable(0x1161));		/* a Hangul vowel jamo */
	assert_false(utf8_nfc_stable(0xb3e));		/* joins U+0B47 */
	assert_true(utf8_nfc_stable(0x3ac));		/* ά */
	assert_true(utf8_nfc_stable(0x439));		/* й */
	assert_true(utf8_nfc_stable(0x1ec7));		/* ệ */
	assert_true(utf8_nfc_stable(0x1100));		/* a leading jamo */
	assert_true(utf8_nfc_stable(0xac01));		/* 각, LVT */
	assert_false(utf8_nfc_stable(0x1f71));		/* ά with oxia: U+03AC */
	assert_false(utf8_nfc_stable(0x387));		/* ano teleia: U+00B7 */
	assert_false(utf8_nfc_stable(0x11a8));		/* a final jamo */
	assert_false(utf8_nfc_stable(0x31b));		/* horn, Vietnamese */
	all = utf8_nfc("cafe\xcc\x81 \xe2\x84\xab", 10, &n);
	assert_mem_str(all, n, "caf\xc3\xa9 \xc3\x85");
	free(all);
	all = utf8_nfc("bad \xff", 5, &n);	/* invalid: as it is */
	assert_mem_str(all, n, "bad \xff");
	free(all);
}

/* Windows-1252 bytes (curly quotes, e acute) are invalid UTF-8; the
 * same text in UTF-8, and a cut sequence at the end, are counted right. */
static void
invalid_bytes(void **state)
{
	(void)state;
	assert_int_equal(utf8_invalid_bytes("Caf\xe9 \x93We\x94", 9), 3);
	assert_int_equal(utf8_invalid_bytes("Caf\xc3\xa9 \xe2\x80\x9cWe", 12),
	    0);
	assert_int_equal(utf8_invalid_bytes("plain", 5), 0);
	assert_int_equal(utf8_invalid_bytes("x\xe2\x80", 3), 2);
}

/* ASCII is skipped eight bytes at a time: a bad byte or a character
 * at every place of a block, across two, and in the last seven bytes
 * is seen as one byte at a time sees it. */
static void
invalid_bytes_every_place(void **state)
{
	char s[40];
	size_t at;

	(void)state;
	for (at = 0; at + 2 <= sizeof s; at++) {
		memset(s, 'a', sizeof s);
		s[at] = '\x93';
		assert_int_equal(utf8_invalid_bytes(s, sizeof s), 1);
		assert_false(utf8_valid(s, sizeof s));
		s[at] = '\xc3';
		s[at + 1] = '\xa9';
		assert_int_equal(utf8_invalid_bytes(s, sizeof s), 0);
		assert_true(utf8_valid(s, sizeof s));
		assert_int_equal(utf8_invalid_bytes(s, at + 1), 1);
		assert_false(utf8_valid(s, at + 1));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_and_back),
		cmocka_unit_test(invalid_bytes),
		cmocka_unit_test(invalid_bytes_every_place),
		cmocka_unit_test(categories),
		cmocka_unit_test(words),
		cmocka_unit_test(case_mapping),
		cmocka_unit_test(strip_accents),
		cmocka_unit_test(widths),
		cmocka_unit_test(clusters),
		cmocka_unit_test(cluster_steps),
		cmocka_unit_test(normalisation),
	};

	setlocale(LC_CTYPE, "C.UTF-8");	/* widths follow it, as in main() */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
