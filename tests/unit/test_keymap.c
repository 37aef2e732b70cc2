/* test_keymap.c: key names, default bindings, rebinding and lookup. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "artread/action.h"
#include "artread/diag.h"
#include "artread/keymap.h"

static void
special_names_round_trip(void **state)
{
	static const struct {
		const char	*name;
		int		 key;
	} names[] = {
		{ "<Space>", ' ' }, { "<Enter>", KEYMAP_ENTER },
		{ "<Tab>", KEYMAP_TAB }, { "<S-Tab>", KEYMAP_BTAB },
		{ "<Esc>", KEYMAP_ESC }, { "<BS>", KEYMAP_BACKSPACE },
		{ "<Del>", KEYMAP_DELETE }, { "<Ins>", KEYMAP_INSERT },
		{ "<Up>", KEYMAP_UP }, { "<Down>", KEYMAP_DOWN },
		{ "<Left>", KEYMAP_LEFT }, { "<Right>", KEYMAP_RIGHT },
		{ "<PgUp>", KEYMAP_PGUP }, { "<PgDn>", KEYMAP_PGDN },
		{ "<Home>", KEYMAP_HOME }, { "<End>", KEYMAP_END },
		{ "<F1>", KEYMAP_F(1) }, { "<F12>", KEYMAP_F(12) },
		{ "<Resize>", KEYMAP_RESIZE },
		{ "<ScrollUp>", KEYMAP_MOUSE_WHEEL_UP },
		{ "<ScrollDown>", KEYMAP_MOUSE_WHEEL_DOWN },
		{ "<C-x>", 24 }, { "<C-a>", 1 }, { "<C-z>", 26 },
		{ "q", 'q' }, { "]", ']' }, { "<", '<' }, { "G", 'G' },
		{ "\xc3\xa9", 0xe9 }, { "\xe2\x80\x94", 0x2014 },
		{ "\xf0\x9f\x98\x80", 0x1f600 },
	};
	char buf[KEYMAP_NAME_MAX];
	size_t i;
	int n;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_int_equal(keymap_parse_key(names[i].name), names[i].key);
		assert_string_equal(keymap_key_name(names[i].key, buf),
		    names[i].name);
	}
	for (n = 1; n <= 12; n++) {
		snprintf(buf, sizeof buf, "<F%d>", n);
		assert_int_equal(keymap_parse_key(buf), KEYMAP_F(n));
	}
}

static void
aliases_and_case(void **state)
{
	(void)state;
	assert_int_equal(keymap_parse_key("<C-x>"), 24);
	assert_int_equal(keymap_parse_key("<c-X>"), 24);
	assert_int_equal(keymap_parse_key("<CR>"), KEYMAP_ENTER);
	assert_int_equal(keymap_parse_key("<enter>"), KEYMAP_ENTER);
	assert_int_equal(keymap_parse_key("<PageDown>"), KEYMAP_PGDN);
	assert_int_equal(keymap_parse_key("<pageup>"), KEYMAP_PGUP);
	assert_int_equal(keymap_parse_key("<SPACE>"), ' ');
	assert_int_equal(keymap_parse_key("<C-m>"), KEYMAP_ENTER);
	assert_int_equal(keymap_parse_key("<C-i>"), KEYMAP_TAB);
	assert_int_equal(keymap_parse_key("<C-[>"), KEYMAP_ESC);
	assert_int_equal(keymap_parse_key("<Hash>"), '#');
	assert_int_equal(keymap_parse_key("<lt>"), '<');
	assert_int_equal(keymap_normalize('\r'), KEYMAP_ENTER);
	assert_int_equal(keymap_normalize('\n'), KEYMAP_ENTER);
	assert_int_equal(keymap_normalize(127), KEYMAP_BACKSPACE);
	assert_int_equal(keymap_normalize(27), KEYMAP_ESC);
}

static void
bad_names_fail(void **state)
{
	static const char *const bad[] = { "", "qq", "<>", "<Foo>", "<F13>",
	    "<F0>", "<C-1x>", "<C-é>", "\xc3", "\xc3\xa9x", "<Up", "Up>",
	    "\xe0\x80\x80" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(keymap_parse_key(bad[i]), -1);
}

/* The actions the defaults leave unbound on purpose (:n :p :e). */
static int
deliberately_unbound(enum action a)
{
	return a == ACTION_NEXT_FILE || a == ACTION_PREV_FILE ||
	    a == ACTION_OPEN_FILE;
}

static void
defaults_cover_every_action(void **state)
{
	struct keymap *km = keymap_new();
	const char *const *lines;
	size_t n, i;
	int a;

	(void)state;
	lines = keymap_defaults(&n);
	assert_int_equal(n, ACTION__COUNT);
	for (a = 0; a < ACTION__COUNT; a++) {
		/* a default line, named after the action, in list order */
		assert_int_equal(strncmp(lines[a], action_name(a),
		    strlen(action_name(a))), 0);
		assert_true(lines[a][strlen(action_name(a))] == ' ');
		if (deliberately_unbound(a))
			assert_int_equal(keymap_count(km, a), 0);
		else if (keymap_count(km, a) == 0)
			fail_msg("action %s has no key", action_name(a));
	}
	for (i = 0; i < 10; i++)
		for (a = 0; a < ACTION_MODE__COUNT; a++)
			if (i != 0 || a != ACTION_MODE_SELECT)
				assert_int_equal(keymap_lookup(km, a,
				    (int)('0' + i)), ACTION_NONE);
	keymap_free(km);
}

/*
 * keymap_new binds the defaults without keymap_bind's checks: bound
 * again through it, line by line, none clashes with another action's
 * keys and every action ends up with the same keys.
 */
static void
defaults_bound_as_keymap_bind_binds_them(void **state)
{
	struct keymap *km = keymap_new(), *again = keymap_new();
	const char *const *lines;
	struct buf want, got;
	struct diag d;
	char *copy, *eq;
	size_t n, i;
	int a;

	(void)state;
	diag_init(&d);
	lines = keymap_defaults(&n);
	for (i = 0; i < n; i++) {
		copy = xstrdup(lines[i]);
		assert_non_null(eq = strchr(copy, '='));
		*eq = '\0';
		assert_int_equal(keymap_bind(again, util_trim(copy), eq + 1,
		    "(defaults)", 0, &d), 0);
		free(copy);
	}
	assert_int_equal(d.n, 0);
	buf_init(&want);
	buf_init(&got);
	for (a = 0; a < ACTION__COUNT; a++) {
		buf_reset(&want);
		buf_reset(&got);
		keymap_describe(again, (enum action)a, &want);
		keymap_describe(km, (enum action)a, &got);
		assert_string_equal(got.data != NULL ? got.data : "",
		    want.data != NULL ? want.data : "");
		assert_int_equal(keymap_count(km, (enum action)a),
		    keymap_count(again, (enum action)a));
	}
	buf_free(&want);
	buf_free(&got);
	diag_free(&d);
	keymap_free(km);
	keymap_free(again);
}

/* What a key does by default, in a mode. */
static const struct {
	enum action_mode	 mode;
	int			 key;
	enum action		 want;
} default_cases[] = {
	{ ACTION_MODE_PAGER, 'j', ACTION_LINE_DOWN },
	{ ACTION_MODE_PAGER, '\r', ACTION_LINE_DOWN },
	{ ACTION_MODE_PAGER, KEYMAP_CTRL('e'), ACTION_LINE_DOWN },
	{ ACTION_MODE_PAGER, ' ', ACTION_PAGE_DOWN },
	{ ACTION_MODE_PAGER, '<', ACTION_TOP },
	{ ACTION_MODE_PAGER, '\'', ACTION_GOTO_MARK },
	{ ACTION_MODE_PAGER, KEYMAP_BTAB, ACTION_HIGHLIGHT_PREV },
	{ ACTION_MODE_PAGER, KEYMAP_F(1), ACTION_HELP },
	{ ACTION_MODE_PAGER, 'Z', ACTION_NONE },
	/* less: e and y scroll a line; J K * # = & move and tell */
	{ ACTION_MODE_PAGER, 'e', ACTION_LINE_DOWN },
	{ ACTION_MODE_PAGER, 'y', ACTION_LINE_UP },
	{ ACTION_MODE_PAGER, 'J', ACTION_QUOTE_NEXT },
	{ ACTION_MODE_PAGER, 'K', ACTION_QUOTE_PREV },
	{ ACTION_MODE_PAGER, '*', ACTION_SAME_NEXT },
	{ ACTION_MODE_PAGER, '#', ACTION_SAME_PREV },
	{ ACTION_MODE_PAGER, '&', ACTION_FILTER },
	{ ACTION_MODE_PAGER, '=', ACTION_FILE_INFO },
	{ ACTION_MODE_PAGER, KEYMAP_CTRL('g'), ACTION_FILE_INFO },
	/* bound in SELECT: SELECT wins */
	{ ACTION_MODE_SELECT, 'h', ACTION_SEL_LEFT },
	{ ACTION_MODE_SELECT, 'j', ACTION_SEL_DOWN },
	{ ACTION_MODE_SELECT, '0', ACTION_SEL_LINE_START },
	{ ACTION_MODE_SELECT, 27, ACTION_SEL_CANCEL },
	{ ACTION_MODE_SELECT, KEYMAP_CTRL('g'), ACTION_SEL_CANCEL },
	{ ACTION_MODE_SELECT, 'e', ACTION_SEL_WORD_END },
	/* not bound in SELECT: the pager's, if it works on a selection */
	{ ACTION_MODE_SELECT, ' ', ACTION_PAGE_DOWN },
	{ ACTION_MODE_SELECT, 't', ACTION_TAG_PALETTE },
	{ ACTION_MODE_SELECT, 'a', ACTION_NOTE },
	/* q leaves the selection; other reading keys are refused */
	{ ACTION_MODE_SELECT, 'q', ACTION_SEL_CANCEL },
	{ ACTION_MODE_SELECT, 'x', ACTION_NONE },
	{ ACTION_MODE_SELECT, '/', ACTION_NONE },
	{ ACTION_MODE_SELECT, 'J', ACTION_NONE },
	/* A opens: its r moves an annotation to the selection */
	{ ACTION_MODE_SELECT, 'A', ACTION_ANNOT_PANEL },
	/* the pager never sees SELECT bindings */
	{ ACTION_MODE_PAGER, 'h', ACTION_HELP },
	{ ACTION_MODE_PAGER, KEYMAP_ESC, ACTION_NONE },
};

static void
default_lookups(void **state)
{
	struct keymap *km = keymap_new();
	struct buf b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof default_cases / sizeof default_cases[0]; i++)
		if (keymap_lookup(km, default_cases[i].mode,
		    default_cases[i].key) != default_cases[i].want)
			fail_msg("case %zu: key %d in mode %d", i,
			    default_cases[i].key, (int)default_cases[i].mode);
	buf_init(&b);
	keymap_describe(km, ACTION_LINE_DOWN, &b);
	assert_string_equal(b.data, "j <Down> <Enter> <C-n> <C-e> e");
	buf_reset(&b);
	keymap_describe(km, ACTION_NEXT_FILE, &b);
	assert_string_equal(b.data != NULL ? b.data : "", "");
	buf_free(&b);
	keymap_free(km);
}

static void
rebinding_replaces(void **state)
{
	struct keymap *km = keymap_new();
	struct diag d;
	struct buf b;

	(void)state;
	diag_init(&d);
	/* quit moves to Q, taking it from quotes_panel (a default) */
	assert_int_equal(keymap_bind(km, "quit", "Q <C-c>", "c.ini", 3, &d),
	    0);
	assert_int_equal(d.n, 0);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'Q'),
	    ACTION_QUIT);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 3), ACTION_QUIT);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'q'),
	    ACTION_NONE);
	assert_int_equal(keymap_count(km, ACTION_QUOTES_PANEL), 0);
	buf_init(&b);
	keymap_describe(km, ACTION_QUIT, &b);
	assert_string_equal(b.data, "Q <C-c>");
	buf_free(&b);
	/* an empty list unbinds */
	assert_int_equal(keymap_bind(km, "help", "", "c.ini", 4, &d), 0);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, KEYMAP_F(1)),
	    ACTION_NONE);
	assert_int_equal(keymap_count(km, ACTION_HELP), 0);
	/* "page-down" is accepted for page_down */
	assert_int_equal(keymap_bind(km, "page-down", "<Space> z", "c.ini", 5,
	    &d), 0);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'z'),
	    ACTION_PAGE_DOWN);
	/* a SELECT binding leaves the pager's key alone */
	assert_int_equal(keymap_bind(km, "select_cancel", "x", "c.ini", 6,
	    &d), 0);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_SELECT, 'x'),
	    ACTION_SEL_CANCEL);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'x'),
	    ACTION_DELETE);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	keymap_free(km);
}

static void
two_user_lines_conflict(void **state)
{
	struct keymap *km = keymap_new();
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(keymap_bind(km, "quit", "Z", "c.ini", 7, &d), 0);
	assert_int_equal(keymap_bind(km, "help", "Z ?", "c.ini", 9, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "c.ini:9:"));
	assert_non_null(strstr(d.msgs[0], "'quit'"));
	assert_non_null(strstr(d.msgs[0], "'help'"));
	assert_non_null(strstr(d.msgs[0], "line 7"));
	/* the first user line keeps the key, the rest of the line applies */
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'Z'),
	    ACTION_QUIT);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, '?'),
	    ACTION_HELP);
	diag_free(&d);
	keymap_free(km);
}

static void
unknown_command_and_bad_key(void **state)
{
	struct keymap *km = keymap_new();
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(keymap_bind(km, "page_dwn", "z", "c.ini", 12, &d),
	    -1);
	assert_int_equal(keymap_bind(km, "frobnicate", "z", "c.ini", 13, &d),
	    -1);
	assert_int_equal(keymap_bind(km, "quit", "x <Foo>", "c.ini", 14, &d),
	    -1);
	assert_int_equal(d.errors, 3);
	assert_non_null(strstr(d.msgs[0], "c.ini:12:"));
	assert_non_null(strstr(d.msgs[0], "'page_dwn'"));
	assert_non_null(strstr(d.msgs[0], "did you mean 'page_down'"));
	assert_non_null(strstr(d.msgs[1], "c.ini:13: unknown command "
	    "'frobnicate'"));
	assert_null(strstr(d.msgs[1], "did you mean"));
	assert_non_null(strstr(d.msgs[2], "c.ini:14:"));
	assert_non_null(strstr(d.msgs[2], "'<Foo>'"));
	/* a rejected line changes nothing */
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'q'),
	    ACTION_QUIT);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'z'),
	    ACTION_NONE);
	/* digits stay free, with a warning */
	assert_int_equal(keymap_bind(km, "quit", "q 5", "c.ini", 15, &d), 0);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, '5'),
	    ACTION_NONE);
	diag_free(&d);
	keymap_free(km);
}

static void
sequences_parse_and_print(void **state)
{
	static const char *const bad[] = { "qqq", "<Up", "<Foo>x", "x<Foo>",
	    "\xc3Z", "<>", "" };
	char name[KEYMAP_SEQ_NAME_MAX];
	int k[KEYMAP_SEQ_MAX];
	size_t i;

	(void)state;
	assert_int_equal(keymap_parse_keys("ZZ", k), 2);
	assert_int_equal(k[0], 'Z');
	assert_int_equal(k[1], 'Z');
	assert_int_equal(keymap_parse_keys("g<Home>", k), 2);
	assert_int_equal(k[1], KEYMAP_HOME);
	assert_string_equal(keymap_keys_name(k, 2, name), "g<Home>");
	assert_int_equal(keymap_parse_keys("<PgDn><C-x>", k), 2);
	assert_string_equal(keymap_keys_name(k, 2, name), "<PgDn><C-x>");
	assert_int_equal(keymap_parse_keys("<", k), 1);
	assert_int_equal(k[0], '<');
	assert_int_equal(keymap_parse_keys("g<", k), 2);
	assert_int_equal(k[1], '<');
	assert_int_equal(keymap_parse_keys("\xc3\xa9\xc3\xa9", k), 2);
	assert_int_equal(k[1], 0xe9);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(keymap_parse_keys(bad[i], k), 0);
	/* the longest names fit */
	k[0] = k[1] = KEYMAP_MOUSE_WHEEL_DOWN;
	assert_string_equal(keymap_keys_name(k, 2, name),
	    "<ScrollDown><ScrollDown>");
}

static void
zz_quits_and_z_waits(void **state)
{
	struct keymap *km = keymap_new();
	const int zz[] = { 'Z', 'Z' }, zx[] = { 'Z', 'x' }, qz[] = { 'q', 'Z' };
	enum action a;
	struct buf b;

	(void)state;
	assert_int_equal(keymap_match(km, ACTION_MODE_PAGER, zz, 1, &a),
	    KEYMAP_PREFIX);
	assert_int_equal(a, ACTION_NONE);
	assert_int_equal(keymap_match(km, ACTION_MODE_PAGER, zz, 2, &a),
	    KEYMAP_MATCH);
	assert_int_equal(a, ACTION_QUIT);
	assert_int_equal(keymap_match(km, ACTION_MODE_PAGER, zx, 2, &a),
	    KEYMAP_NO_MATCH);
	assert_int_equal(keymap_match(km, ACTION_MODE_PAGER, qz, 2, &a),
	    KEYMAP_NO_MATCH);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'Z'),
	    ACTION_NONE);
	/* quitting is no selection key: Z waits for nothing there */
	assert_int_equal(keymap_match(km, ACTION_MODE_SELECT, zz, 1, &a),
	    KEYMAP_NO_MATCH);
	assert_int_equal(keymap_match(km, ACTION_MODE_SELECT, zz, 2, &a),
	    KEYMAP_NO_MATCH);
	buf_init(&b);
	keymap_describe(km, ACTION_QUIT, &b);
	assert_string_equal(b.data, "q ZZ");
	buf_free(&b);
	keymap_free(km);
}

static void
sequences_clash_with_their_prefix(void **state)
{
	struct keymap *km = keymap_new();
	const int z[] = { 'Z' }, zz[] = { 'Z', 'Z' };
	struct diag d;
	enum action a;
	struct buf b;

	(void)state;
	diag_init(&d);
	/* a user's Z takes the key from the default ZZ */
	assert_int_equal(keymap_bind(km, "help", "Z", "c.ini", 2, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(keymap_match(km, ACTION_MODE_PAGER, z, 1, &a),
	    KEYMAP_MATCH);
	assert_int_equal(a, ACTION_HELP);
	assert_int_equal(keymap_match(km, ACTION_MODE_PAGER, zz, 2, &a),
	    KEYMAP_NO_MATCH);
	buf_init(&b);
	keymap_describe(km, ACTION_QUIT, &b);
	assert_string_equal(b.data, "q");
	buf_free(&b);
	/* a user's sequence clashing with a user's key is an error */
	assert_int_equal(keymap_bind(km, "quit", "q ZZ", "c.ini", 3, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "c.ini:3: keys Z and ZZ bound to "
	    "both 'help' (line 2) and 'quit'"));
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'q'),
	    ACTION_QUIT);
	/* a user's sequence starting with a default key takes it */
	assert_int_equal(keymap_bind(km, "reload", "ga", "c.ini", 4, &d), 0);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, 'g'),
	    ACTION_NONE);
	assert_int_equal(keymap_lookup(km, ACTION_MODE_PAGER, KEYMAP_HOME),
	    ACTION_TOP);
	diag_free(&d);
	keymap_free(km);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(special_names_round_trip),
		cmocka_unit_test(aliases_and_case),
		cmocka_unit_test(bad_names_fail),
		cmocka_unit_test(defaults_cover_every_action),
		cmocka_unit_test(default_lookups),
		cmocka_unit_test(rebinding_replaces),
		cmocka_unit_test(two_user_lines_conflict),
		cmocka_unit_test(unknown_command_and_bad_key),
		cmocka_unit_test(sequences_parse_and_print),
		cmocka_unit_test(zz_quits_and_z_waits),
		cmocka_unit_test(sequences_clash_with_their_prefix),
		cmocka_unit_test(defaults_bound_as_keymap_bind_binds_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
