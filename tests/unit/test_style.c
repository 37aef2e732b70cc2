/* test_style.c: colours, style strings, nearest colours and layering. */
#include "testutil.h"

#include "artread/style.h"

static int
color(const char *s)
{
	int c = -99;

	assert_int_equal(style_parse_color(s, &c), 0);
	return c;
}

static void
colours_parse(void **state)
{
	(void)state;
	assert_int_equal(color("default"), STYLE_COLOR_DEFAULT);
	assert_int_equal(color("black"), 0);
	assert_int_equal(color("red"), 1);
	assert_int_equal(color("White"), 7);
	assert_int_equal(color("bright-red"), 9);
	assert_int_equal(color("brightwhite"), 15);
	assert_int_equal(color("0"), 0);
	assert_int_equal(color("255"), 255);
	assert_int_equal(color("colour203"), 203);
	assert_int_equal(color("color17"), 17);
	assert_int_equal(color("#ff8000"), STYLE_RGB(0xff, 0x80, 0x00));
	assert_int_equal(color("#002B36"), STYLE_RGB(0x00, 0x2b, 0x36));
	assert_true(STYLE_IS_RGB(color("#000000")));
	assert_false(STYLE_IS_RGB(color("196")));
}

static void
bad_colours_fail(void **state)
{
	static const char *const bad[] = { "", "256", "-1", "colour", "redd",
	    "bright-", "bright-pink", "#12345", "#gg0000", "#1234567", "12a",
	    "colour300" };
	size_t i;
	int c;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_not_equal(style_parse_color(bad[i], &c), 0);
}

static void
styles_parse(void **state)
{
	struct style s;
	const char *err = NULL;

	(void)state;
	assert_int_equal(style_parse("fg=yellow,bg=default,bold,underline",
	    &s, &err), 0);
	assert_int_equal(s.fg, 3);
	assert_int_equal(s.bg, STYLE_COLOR_DEFAULT);
	assert_int_equal(s.attrs, STYLE_BOLD | STYLE_UNDERLINE);

	assert_int_equal(style_parse("yellow on blue bold", &s, &err), 0);
	assert_int_equal(s.fg, 3);
	assert_int_equal(s.bg, 4);
	assert_int_equal(s.attrs, STYLE_BOLD);

	assert_int_equal(style_parse(" fg = 203 , reverse,dim ", &s, &err), 0);
	assert_int_equal(s.fg, 203);
	assert_int_equal(s.bg, STYLE_COLOR_UNSET);
	assert_int_equal(s.attrs, STYLE_REVERSE | STYLE_DIM);

	assert_int_equal(style_parse("italic", &s, &err), 0);
	assert_int_equal(s.fg, STYLE_COLOR_UNSET);
	assert_int_equal(s.attrs, STYLE_ITALIC);

	assert_int_equal(style_parse("none", &s, &err), 0);
	assert_int_equal(s.fg, STYLE_COLOR_DEFAULT);
	assert_int_equal(s.bg, STYLE_COLOR_DEFAULT);
	assert_int_equal(s.attrs, 0);

	assert_int_equal(style_parse("fg=#fdf6e3,bg=colour24,standout", &s,
	    &err), 0);
	assert_int_equal(s.fg, STYLE_RGB(0xfd, 0xf6, 0xe3));
	assert_int_equal(s.bg, 24);
	assert_int_equal(s.attrs, STYLE_STANDOUT);

	assert_int_equal(style_parse("", &s, &err), 0);
	assert_true(style_equal(s, style_unset()));
}

static void
bad_styles_fail_with_message(void **state)
{
	static const char *const bad[] = { "fg=purple", "bg=", "boldd",
	    "fg=red,blinking", "red on", "red green", "on", "size=3",
	    "fg=#12" };
	struct style s = style_unset(), before;
	const char *err;
	size_t i;

	(void)state;
	before = s;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err = NULL;
		assert_int_equal(style_parse(bad[i], &s, &err), -1);
		assert_non_null(err);
		assert_true(strlen(err) > 0);
		assert_true(style_equal(s, before));	/* untouched */
	}
}

static void
nearest_colours(void **state)
{
	(void)state;
	/* palette colours inside the range stay */
	assert_int_equal(style_nearest_color(203, 256), 203);
	assert_int_equal(style_nearest_color(5, 8), 5);
	assert_int_equal(style_nearest_color(STYLE_COLOR_DEFAULT, 8),
	    STYLE_COLOR_DEFAULT);
	/* exact RGB matches in the cube and the grey ramp */
	assert_int_equal(style_nearest_color(STYLE_RGB(255, 0, 0), 256), 196);
	assert_int_equal(style_nearest_color(STYLE_RGB(0, 0, 0), 256), 16);
	assert_int_equal(style_nearest_color(STYLE_RGB(128, 128, 128), 256),
	    244);
	assert_int_equal(style_nearest_color(STYLE_RGB(95, 135, 175), 256),
	    67);
	/* Solarized base03 is a near-black grey */
	assert_int_equal(style_nearest_color(STYLE_RGB(0, 0x2b, 0x36), 256),
	    234);
	/* down to 16 and 8 */
	assert_int_equal(style_nearest_color(196, 16), 9);
	assert_int_equal(style_nearest_color(196, 8), 1);
	assert_int_equal(style_nearest_color(9, 8), 1);
	assert_int_equal(style_nearest_color(STYLE_RGB(0, 0, 255), 16), 4);
	assert_int_equal(style_nearest_color(STYLE_RGB(90, 90, 250), 16), 12);
	assert_int_equal(style_nearest_color(STYLE_RGB(250, 250, 250), 8), 7);
	assert_int_equal(style_nearest_color(STYLE_RGB(10, 10, 10), 16), 0);
	assert_int_equal(style_nearest_color(231, 16), 15);
	assert_int_equal(style_nearest_color(28, 8), 2);	/* green */
	/* pastels keep their hue on 8 colours instead of turning white */
	assert_int_equal(style_nearest_color(117, 8), 6);	/* light blue */
	assert_int_equal(style_nearest_color(222, 8), 3);	/* light orange */
	assert_int_equal(style_nearest_color(STYLE_RGB(0xd7, 0xaf, 0xff), 8),
	    5);							/* lilac */
	assert_int_equal(style_nearest_color(STYLE_RGB(0xb0, 0xb0, 0xb0), 8),
	    7);							/* light grey */
	/* true colour keeps RGB; no colours at all: default */
	assert_int_equal(style_nearest_color(STYLE_RGB(1, 2, 3), 1 << 24),
	    STYLE_RGB(1, 2, 3));
	assert_int_equal(style_nearest_color(4, 2), STYLE_COLOR_DEFAULT);
}

static void
layering(void **state)
{
	struct style base, top, r;

	(void)state;
	assert_int_equal(style_parse("fg=252,bg=235,bold", &base, NULL), 0);
	assert_int_equal(style_parse("fg=red,underline", &top, NULL), 0);
	r = style_layer(base, top);
	assert_int_equal(r.fg, 1);
	assert_int_equal(r.bg, 235);
	assert_int_equal(r.attrs, STYLE_BOLD | STYLE_UNDERLINE);
	assert_true(style_equal(style_layer(base, style_unset()), base));
	assert_true(style_equal(style_layer(style_unset(), base), base));
	assert_false(style_equal(base, top));
}

static void
element_names(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < STYLE_EL__COUNT; i++)
		assert_int_equal(style_element_from_name(
		    style_element_name((enum style_element)i)), i);
	assert_int_equal(style_element_from_name("current-match"),
	    STYLE_EL_CURRENT_MATCH);
	assert_int_equal(style_element_from_name("nonsense"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(colours_parse),
		cmocka_unit_test(bad_colours_fail),
		cmocka_unit_test(styles_parse),
		cmocka_unit_test(bad_styles_fail_with_message),
		cmocka_unit_test(nearest_colours),
		cmocka_unit_test(layering),
		cmocka_unit_test(element_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
