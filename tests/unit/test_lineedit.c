/* test_lineedit.c: the prompt's one-line editor. */
#include "testutil.h"

#include <string.h>

#include "artread/keymap.h"
#include "artread/lineedit.h"

#define E_ACUTE	0xe9		/* é, 2 bytes */
#define KAN	0x6f22		/* 漢, 3 bytes */
#define GRIN	0x1f600		/* 😀, 4 bytes */

static void
keys(struct lineedit *le, const int *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(lineedit_key(le, k[i]), LINEEDIT_CONTINUE);
}

#define KEYS(le, ...) do {						\
	static const int k__[] = { __VA_ARGS__ };			\
	keys((le), k__, sizeof k__ / sizeof k__[0]);			\
} while (0)

#define ASSERT_LE(le, want, cur) do {					\
	assert_string_equal((le)->text.data, (want));			\
	assert_int_equal((le)->text.len, strlen(want));			\
	assert_int_equal((le)->cursor, (cur));				\
} while (0)

static void
init_and_set(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, NULL);
	ASSERT_LE(&le, "", 0);
	lineedit_set(&le, "caf\xc3\xa9");
	ASSERT_LE(&le, "caf\xc3\xa9", 5);
	lineedit_free(&le);
	lineedit_init(&le, "abc");
	ASSERT_LE(&le, "abc", 3);
	lineedit_free(&le);
}

static void
insert_ascii_and_multibyte(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, "");
	KEYS(&le, 'a', E_ACUTE, KAN, GRIN, 'z');
	ASSERT_LE(&le, "a\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80z", 11);
	/* insert in the middle */
	KEYS(&le, KEYMAP_HOME, KEYMAP_RIGHT, KEYMAP_RIGHT, ' ');
	ASSERT_LE(&le, "a\xc3\xa9 \xe6\xbc\xa2\xf0\x9f\x98\x80z", 4);
	KEYS(&le, KEYMAP_CTRL('a'), '<');
	ASSERT_LE(&le, "<a\xc3\xa9 \xe6\xbc\xa2\xf0\x9f\x98\x80z", 1);
	lineedit_free(&le);

	/* many characters: the buffer grows */
	lineedit_init(&le, "");
	{
		int i;

		for (i = 0; i < 500; i++)
			assert_int_equal(lineedit_key(&le, KAN),
			    LINEEDIT_CONTINUE);
	}
	assert_int_equal(le.text.len, 1500);
	assert_int_equal(le.cursor, 1500);
	assert_memory_equal(le.text.data + 1497, "\xe6\xbc\xa2", 4);
	lineedit_free(&le);
}

static void
motion_over_multibyte(void **state)
{
	struct lineedit le;

	(void)state;
	/* a é 漢 😀: starts at 0 1 3 6, end 10 */
	lineedit_init(&le, "a\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80");
	KEYS(&le, KEYMAP_LEFT);
	assert_int_equal(le.cursor, 6);
	KEYS(&le, KEYMAP_LEFT);
	assert_int_equal(le.cursor, 3);
	KEYS(&le, KEYMAP_CTRL('b'));
	assert_int_equal(le.cursor, 1);
	KEYS(&le, KEYMAP_LEFT, KEYMAP_LEFT);
	assert_int_equal(le.cursor, 0);
	KEYS(&le, KEYMAP_RIGHT);
	assert_int_equal(le.cursor, 1);
	KEYS(&le, KEYMAP_CTRL('f'));
	assert_int_equal(le.cursor, 3);
	KEYS(&le, KEYMAP_RIGHT, KEYMAP_RIGHT, KEYMAP_RIGHT);
	assert_int_equal(le.cursor, 10);
	KEYS(&le, KEYMAP_HOME);
	assert_int_equal(le.cursor, 0);
	KEYS(&le, KEYMAP_END);
	assert_int_equal(le.cursor, 10);
	KEYS(&le, KEYMAP_CTRL('a'));
	assert_int_equal(le.cursor, 0);
	KEYS(&le, KEYMAP_CTRL('e'));
	assert_int_equal(le.cursor, 10);
	ASSERT_LE(&le, "a\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80", 10);
	lineedit_free(&le);
}

static void
delete_over_multibyte(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, "a\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80" "b");
	KEYS(&le, KEYMAP_LEFT, KEYMAP_BACKSPACE);	/* the emoji */
	ASSERT_LE(&le, "a\xc3\xa9\xe6\xbc\xa2" "b", 6);
	KEYS(&le, 127);					/* DEL = backspace */
	ASSERT_LE(&le, "a\xc3\xa9" "b", 3);
	KEYS(&le, KEYMAP_CTRL('h'));			/* ^H = backspace */
	ASSERT_LE(&le, "ab", 1);
	KEYS(&le, KEYMAP_HOME, KEYMAP_DELETE);
	ASSERT_LE(&le, "b", 0);
	KEYS(&le, KEYMAP_DELETE, KEYMAP_DELETE, KEYMAP_BACKSPACE);
	ASSERT_LE(&le, "", 0);

	lineedit_set(&le, "\xe6\xbc\xa2\xc3\xa9x");
	KEYS(&le, KEYMAP_HOME, KEYMAP_CTRL('d'));
	ASSERT_LE(&le, "\xc3\xa9x", 0);
	KEYS(&le, KEYMAP_DELETE);
	ASSERT_LE(&le, "x", 0);
	/* at the ends nothing happens */
	KEYS(&le, KEYMAP_BACKSPACE);
	ASSERT_LE(&le, "x", 0);
	KEYS(&le, KEYMAP_END, KEYMAP_DELETE);
	ASSERT_LE(&le, "x", 1);
	lineedit_free(&le);
}

static void
kill_keys(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, "one two  three");
	KEYS(&le, KEYMAP_CTRL('w'));
	ASSERT_LE(&le, "one two  ", 9);
	KEYS(&le, KEYMAP_CTRL('w'));			/* spaces, then word */
	ASSERT_LE(&le, "one ", 4);
	KEYS(&le, KEYMAP_CTRL('w'));
	ASSERT_LE(&le, "", 0);
	KEYS(&le, KEYMAP_CTRL('w'));
	ASSERT_LE(&le, "", 0);

	lineedit_set(&le, "caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97 end");
	KEYS(&le, KEYMAP_LEFT, KEYMAP_LEFT, KEYMAP_LEFT, KEYMAP_LEFT);
	assert_int_equal(le.cursor, 12);
	KEYS(&le, KEYMAP_CTRL('w'));
	ASSERT_LE(&le, "caf\xc3\xa9  end", 6);
	KEYS(&le, KEYMAP_CTRL('k'));
	ASSERT_LE(&le, "caf\xc3\xa9 ", 6);
	KEYS(&le, KEYMAP_LEFT, KEYMAP_LEFT, KEYMAP_CTRL('u'));
	ASSERT_LE(&le, "\xc3\xa9 ", 0);
	KEYS(&le, KEYMAP_CTRL('k'));
	ASSERT_LE(&le, "", 0);

	/* Ctrl-U in the middle keeps the rest, Ctrl-K at the end nothing */
	lineedit_set(&le, "abc def");
	KEYS(&le, KEYMAP_CTRL('k'));
	ASSERT_LE(&le, "abc def", 7);
	KEYS(&le, KEYMAP_LEFT, KEYMAP_LEFT, KEYMAP_LEFT, KEYMAP_CTRL('u'));
	ASSERT_LE(&le, "def", 0);
	lineedit_free(&le);
}

static void
accept_cancel_unhandled(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, "query");
	assert_int_equal(lineedit_key(&le, KEYMAP_ENTER), LINEEDIT_ACCEPT);
	assert_int_equal(lineedit_key(&le, '\n'), LINEEDIT_ACCEPT);
	assert_int_equal(lineedit_key(&le, '\r'), LINEEDIT_ACCEPT);
	assert_int_equal(lineedit_key(&le, KEYMAP_ESC), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&le, 27), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&le, KEYMAP_CTRL('g')), LINEEDIT_CANCEL);
	ASSERT_LE(&le, "query", 5);
	/* keys the editor does not use change nothing */
	assert_int_equal(lineedit_key(&le, KEYMAP_UP), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, KEYMAP_PGDN), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, KEYMAP_F(1)), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, KEYMAP_TAB), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, '\t'), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, KEYMAP_RESIZE), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, KEYMAP_CTRL('x')), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, 0), LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, 0x9b), LINEEDIT_UNHANDLED);	/* C1 */
	assert_int_equal(lineedit_key(&le, 0x85), LINEEDIT_UNHANDLED);
	ASSERT_LE(&le, "query", 5);
	/* the first printable code points are inserted */
	KEYS(&le, ' ', '~', 0xa0);
	ASSERT_LE(&le, "query ~\xc2\xa0", 9);
	lineedit_free(&le);
}

/* The note editor: lines separated by '\n'. */
static void
multiline_editing(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, "");
	le.multiline = 1;
	KEYS(&le, 'a', 'b', KEYMAP_ALT_ENTER, KAN, 'c', 'd', KEYMAP_ALT_ENTER,
	    'e');
	ASSERT_LE(&le, "ab\n\xe6\xbc\xa2" "cd\ne", 10);
	/* Up keeps the character column (漢 is one character). */
	KEYS(&le, KEYMAP_UP);
	ASSERT_LE(&le, "ab\n\xe6\xbc\xa2" "cd\ne", 6);	/* after 漢 */
	KEYS(&le, KEYMAP_END, KEYMAP_UP);
	assert_int_equal(le.cursor, 2);			/* "ab" is shorter */
	KEYS(&le, KEYMAP_UP);
	assert_int_equal(le.cursor, 2);			/* the first line */
	KEYS(&le, KEYMAP_HOME, KEYMAP_DOWN, KEYMAP_DOWN, KEYMAP_DOWN);
	assert_int_equal(le.cursor, 9);			/* the last line */
	KEYS(&le, KEYMAP_CTRL('p'), KEYMAP_CTRL('e'));
	assert_int_equal(le.cursor, 8);
	KEYS(&le, KEYMAP_CTRL('a'));
	assert_int_equal(le.cursor, 3);
	/* Ctrl-K to the line's end, then at the end joins the next line. */
	KEYS(&le, KEYMAP_RIGHT, KEYMAP_CTRL('k'));
	ASSERT_LE(&le, "ab\n\xe6\xbc\xa2\ne", 6);
	KEYS(&le, KEYMAP_CTRL('k'));
	ASSERT_LE(&le, "ab\n\xe6\xbc\xa2" "e", 6);
	/* Ctrl-U to the line's start only. */
	KEYS(&le, KEYMAP_CTRL('u'));
	ASSERT_LE(&le, "ab\ne", 3);
	/* Backspace at a line's start joins it to the one above. */
	KEYS(&le, KEYMAP_BACKSPACE);
	ASSERT_LE(&le, "abe", 2);
	/* Enter still accepts. */
	assert_int_equal(lineedit_key(&le, KEYMAP_ENTER), LINEEDIT_ACCEPT);
	lineedit_free(&le);

	/* One line: Alt-Enter and Up are not the editor's keys. */
	lineedit_init(&le, "x");
	assert_int_equal(lineedit_key(&le, KEYMAP_ALT_ENTER),
	    LINEEDIT_UNHANDLED);
	assert_int_equal(lineedit_key(&le, KEYMAP_UP), LINEEDIT_UNHANDLED);
	ASSERT_LE(&le, "x", 1);
	lineedit_free(&le);
}

/* A paste goes in whole at the cursor: its line breaks are lines of a
 * note, spaces in a one-line prompt; control characters never get in. */
static void
paste_whole(void **state)
{
	static const char text[] = "line one\r\nline two\rthree\tu\x1b[A\xff\n\r";
	struct lineedit le;

	(void)state;
	lineedit_init(&le, "[]");
	le.cursor = 1;
	lineedit_paste(&le, text, sizeof text - 1);
	ASSERT_LE(&le, "[line one line two three u[A]", 28);
	lineedit_set(&le, "");
	le.multiline = 1;
	lineedit_paste(&le, text, sizeof text - 1);
	ASSERT_LE(&le, "line one\nline two\nthree u[A", 27);
	lineedit_paste(&le, "\n\n", 2);	/* only line breaks: nothing */
	ASSERT_LE(&le, "line one\nline two\nthree u[A", 27);
	lineedit_free(&le);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_and_set),
		cmocka_unit_test(insert_ascii_and_multibyte),
		cmocka_unit_test(motion_over_multibyte),
		cmocka_unit_test(delete_over_multibyte),
		cmocka_unit_test(kill_keys),
		cmocka_unit_test(accept_cancel_unhandled),
		cmocka_unit_test(multiline_editing),
		cmocka_unit_test(paste_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
