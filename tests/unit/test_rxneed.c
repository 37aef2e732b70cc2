/* test_rxneed.c: what every match of a pattern holds (rxneed.c). */
#include "testutil.h"

#include <string.h>

#include "artread/rxneed.h"

/* Only a top-level literal that no quantifier or alternative takes
 * away; the rarest such; no letter when caseless. */
static void
test_needed_byte(void **state)
{
	static const struct {
		const char	*pattern;
		int		 caseless;
		int		 need;
	} t[] = {
		{ "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+", 0, '@' },
		{ "(?<![\\w@./-])[a-z0-9]+\\.(?:com|org)/[^\\s]*", 0, '/' },
		{ "[12][0-9]{3}-[01][0-9]", 0, '-' },	/* not the count's 3 */
		{ "x\\.y:", 0, ':' },			/* the rarer */
		{ "ab", 0, 'a' },
		{ "ab", 1, -1 },			/* caseless letters */
		{ "a:b", 1, ':' },
		{ "a|@", 0, -1 },
		{ "(?:a|b)@c", 0, '@' },
		{ "(a@)", 0, -1 },
		{ "[@]", 0, -1 },
		{ "[]@]", 0, -1 },
		{ "[[:alpha:]@]", 0, -1 },
		{ "x@?", 0, 'x' },
		{ "@*", 0, -1 },
		{ "@{0,2}", 0, -1 },
		{ "@+", 0, '@' },
		{ "\\x40", 0, -1 },			/* no "4" nor "0" */
		{ "\\x{40}\\pL\\p{Lu}\\d", 0, -1 },
		{ "\\@", 0, '@' },
		{ "(?i)@", 0, -1 },			/* options inline */
		{ "\\Q@\\E", 0, -1 },
		{ "(*ACCEPT)@", 0, -1 },
		{ "\\k<n>@", 0, '@' },
		{ "é@", 0, '@' },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (rxneed_byte(t[i].pattern, t[i].caseless) != t[i].need)
			fail_msg("%s: %d, not %d", t[i].pattern,
			    rxneed_byte(t[i].pattern, t[i].caseless),
			    t[i].need);
}

/* The strings a pattern needs, as "[s][t]...", or "-" for none. */
static const char *
strings_of(const char *pattern, int caseless)
{
	static struct rxneed need;
	static char out[2048];
	size_t o = 0;
	int i;

	if (!rxneed_strings(pattern, caseless, &need))
		return "-";
	for (i = 0; i < need.n && o + RXNEED_LEN + 3 < sizeof out; i++) {
		out[o++] = '[';
		memcpy(out + o, need.s[i], need.len[i]);
		o += need.len[i];
		out[o++] = ']';
	}
	out[o] = '\0';
	return out;
}

/* Literal runs and groups at the top level; a branch that fails always
 * adds nothing; quantifiers that allow none, assertions, options,
 * conditions, case-insensitive patterns give nothing. */
static void
test_needed_strings(void **state)
{
	static const struct {
		const char	*pattern;
		int		 caseless;
		const char	*strings;
	} t[] = {
		{ "[A-Z]\\w*,?\\s+(?:Inc\\.|Ltd\\.|GmbH)(?!\\w)|x(*SKIP)(*F)",
		    0, "[Inc.][Ltd.][GmbH]" },	/* (the other fails always) */
		{ "(?:Inc\\.|Ltd\\.)|\\w+", 0, "-" },	/* (the other: none) */
		{ "[A-Z]\\w*(?:\\s+(?:Inc\\.|Ltd\\.|GmbH)(?!\\w)|"
		    "\\w*(*SKIP)(*FAIL))", 0, "[Inc.][Ltd.][GmbH]" },
		{ "(?:Jan(?:uary)?|June?|Sep(?:t(?:ember)?)?)\\s+[0-9]", 0,
		    "[Jan][Jun][Sep]" },
		{ "(?:https?://|www\\.)\\S+", 0, "[http][www.]" },
		{ "(?:Mon|Tues|Fri)day", 0, "[day]" },	/* the fewer */
		{ "US\\$[0-9]", 0, "[US$]" },
		{ "GH¢[0-9]", 0, "[GH¢]" },
		{ "abc{2}d", 0, "[abc]" },		/* the run ends there */
		{ "ab(?:cd)+", 0, "[ab]" },
		{ "(?:ab|cd)+", 0, "[ab][cd]" },
		{ "foo|barr", 0, "[foo][barr]" },
		{ "(?<e>ab)c", 0, "[ab]" },
		{ "ab?", 0, "-" },			/* one byte: rxneed_byte's */
		{ "x(?:abc|de)?", 0, "-" },
		{ "(?:ab|c)", 0, "-" },
		{ "a(?=bcd)", 0, "-" },
		{ "(?<=abc)d", 0, "-" },
		{ "ab{0,1}c", 0, "-" },
		{ "abc", 1, "-" },
		{ "(?i)abc", 0, "-" },
		{ "(?(1)abc|def)", 0, "-" },
		{ "\\Qabc\\E", 0, "-" },
		{ "(*ACCEPT)abc", 0, "-" },
		{ "(?:abc(*F)|(*FAIL))", 0, "-" },	/* matches nothing */
		{ "abc)", 0, "-" },
		{ "(?'ab", 0, "-" },			/* (broken: no name's end) */
		{ "(?<ab", 0, "-" },
		{ "ab\\", 0, "[ab]" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(strings_of(t[i].pattern, t[i].caseless),
		    t[i].strings) != 0)
			fail_msg("%s: %s, not %s", t[i].pattern,
			    strings_of(t[i].pattern, t[i].caseless),
			    t[i].strings);
}

/* rxneed_holds: any of the strings, anywhere, whole. */
static void
test_holds(void **state)
{
	static struct rxneed need;
	const char *yes = "shares of Norrsken Ltd. rose";
	const char *cut = "shares of Norrsken Ltd";

	(void)state;
	assert_int_equal(rxneed_strings("\\w+ (?:Inc\\.|Ltd\\.)", 0, &need),
	    1);
	assert_true(rxneed_holds(&need, yes, strlen(yes)));
	assert_false(rxneed_holds(&need, cut, strlen(cut)));
	assert_false(rxneed_holds(&need, "In", 2));
	assert_false(rxneed_holds(&need, "", 0));
	assert_true(rxneed_holds(&need, "Inc.", 4));
}

/* The bytes of a run set as a string of the printable ones, "+" for
 * any past ASCII. */
static const char *
run_of(const char *pattern, int *need)
{
	static char out[300];
	uint64_t set[4];
	size_t o = 0;
	int c;

	if (!rxneed_run(pattern, 0, need, set))
		return "-";
	for (c = 0x21; c < 0x7f; c++)
		if ((set[c / 64] >> (c % 64)) & 1)
			out[o++] = (char)c;
	if ((set[3] >> 63) & 1)
		out[o++] = '+';
	out[o] = '\0';
	return out;
}

/* rxneed_run: the needed byte no byte before it can be, and those
 * bytes (more, never fewer: a group's every byte, a negated class's
 * every byte past ASCII). */
static void
test_run(void **state)
{
	int need;

	(void)state;
	assert_string_equal(run_of("[a-z0-9._-]+@[a-z]+", &need),
	    "-.0123456789_abcdefghijklmnopqrstuvwxyz");
	assert_int_equal(need, '@');
	assert_string_equal(run_of("(?<![\\w/])[a-c](?:\\.[d-e]+)*\\.(?:com|io)"
	    "/x", &need), ".:abcdeimo");
	assert_int_equal(need, '/');		/* ('.' is among them) */
	assert_string_equal(run_of("\\w+@", &need),
	    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz+");
	assert_string_equal(run_of("[^ ]+@", &need), "-");	/* '@' too */
	assert_string_equal(run_of("[a-z]+\\x40@", &need), "-");
	assert_string_equal(run_of("(?1)@", &need), "-");
	assert_string_equal(run_of("a+@|b@", &need), "-");
	assert_string_equal(run_of("a+@?", &need), "");	/* 'a', first */
	assert_int_equal(need, 'a');
	assert_string_equal(run_of("x(?=a@)@", &need), "x");
	assert_string_equal(run_of("[[:alpha:]]+@", &need), "-");
	assert_int_equal(rxneed_run("a+@", 1, &need, NULL), 0);	/* caseless */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_needed_byte),
		cmocka_unit_test(test_needed_strings),
		cmocka_unit_test(test_holds),
		cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
