/* test_theme.c: shipped themes, inheritance, cycles, warnings, no colour. */
#include "testutil.h"

#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "artread/diag.h"
#include "artread/theme.h"

static const char *const shipped[] = { "default", "dark", "light",
	"solarized-dark", "high-contrast", "mono" };
static const char *const default_tags[] = { "claim", "evidence", "source",
	"opinion", "question", "error", "important" };

static char tmpdir[PATH_MAX];

/* Write tmpdir/name with the given text; returns the path (static). */
static const char *
write_file(const char *name, const char *text)
{
	static char path[PATH_MAX + 64];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	return path;
}

static void
print_diag(const struct diag *d)
{
	diag_print(d, stdout);
}

static void
shipped_themes_load_cleanly(void **state)
{
	struct theme *t;
	struct diag d;
	char path[64];
	size_t i, j;
	int el;

	(void)state;
	for (i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		diag_init(&d);
		snprintf(path, sizeof path, "themes/%s.ini", shipped[i]);
		t = theme_load_file(path, &d);
		print_diag(&d);
		assert_non_null(t);
		assert_int_equal(d.n, 0);
		assert_string_equal(t->name, shipped[i]);
		assert_true(strlen(t->description) > 0);
		for (el = 0; el < STYLE_EL__COUNT; el++)
			if (!t->set[el])
				fail_msg("%s: %s not set", shipped[i],
				    style_element_name(el));
		for (j = 0; j < sizeof default_tags / sizeof default_tags[0];
		    j++)
			if (!theme_has_tag(t, default_tags[j]))
				fail_msg("%s: tag %s not set", shipped[i],
				    default_tags[j]);
		theme_free(t);
		diag_free(&d);
	}
}

static int
has_color(struct style s)
{
	return s.fg >= 0 || s.bg >= 0;
}

/* default.ini works on 8 colours; mono.ini has none. */
static void
shipped_colour_ranges(void **state)
{
	struct theme *t;
	struct diag d;
	size_t i;
	int el;

	(void)state;
	diag_init(&d);
	t = theme_load_file("themes/default.ini", &d);
	assert_non_null(t);
	for (el = 0; el < STYLE_EL__COUNT; el++) {
		assert_true(t->el[el].fg < 8);
		assert_true(t->el[el].bg < 8);
	}
	for (i = 0; i < t->ntags; i++)
		assert_true(t->tags[i].style.fg < 8 && t->tags[i].style.bg < 8);
	theme_free(t);
	t = theme_load_file("themes/mono.ini", &d);
	assert_non_null(t);
	for (el = 0; el < STYLE_EL__COUNT; el++) {
		assert_false(has_color(t->el[el]));
		assert_int_equal(t->el[el].attrs & ~(STYLE_BOLD |
		    STYLE_UNDERLINE | STYLE_REVERSE | STYLE_DIM), 0);
	}
	theme_free(t);
	t = theme_load_file("themes/solarized-dark.ini", &d);
	assert_non_null(t);
	assert_int_equal(t->el[STYLE_EL_TEXT].bg, STYLE_RGB(0, 0x2b, 0x36));
	theme_free(t);
	t = theme_load_file("themes/high-contrast.ini", &d);
	assert_non_null(t);
	for (el = 0; el < STYLE_EL__COUNT; el++)
		assert_int_equal(t->el[el].attrs & STYLE_DIM, 0);
	theme_free(t);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

static void
inheritance_overrides(void **state)
{
	struct theme *t;
	struct diag d;
	const char *path;

	(void)state;
	diag_init(&d);
	write_file("base.ini", "[theme]\ndescription = base\n[styles]\n"
	    "text = fg=white\nheadline = fg=red,bold\nquote = fg=yellow\n"
	    "[tags]\nclaim = fg=red\n");
	path = write_file("child.ini", "[theme]\ninherit = base ; parent\n"
	    "[styles]\nheadline = fg=blue\n[tags]\nbias = fg=magenta\n");
	t = theme_load_file(path, &d);
	print_diag(&d);
	assert_non_null(t);
	assert_int_equal(d.n, 0);
	assert_string_equal(t->name, "child");
	assert_string_equal(t->description, "base");
	/* replaced as a whole: no bold from the parent */
	assert_int_equal(t->el[STYLE_EL_HEADLINE].fg, 4);
	assert_int_equal(t->el[STYLE_EL_HEADLINE].attrs, 0);
	assert_int_equal(t->el[STYLE_EL_QUOTE].fg, 3);
	assert_int_equal(t->el[STYLE_EL_TEXT].fg, 7);
	assert_true(t->set[STYLE_EL_QUOTE]);
	assert_false(t->set[STYLE_EL_PERSON]);
	/* unset elements keep the built-in attributes */
	assert_int_equal(t->el[STYLE_EL_PERSON].attrs, STYLE_UNDERLINE);
	assert_int_equal(theme_tag_style(t, "claim").fg, 1);
	assert_int_equal(theme_tag_style(t, "bias").fg, 5);
	assert_true(style_equal(theme_tag_style(t, "nosuchtag"),
	    theme_style(t, STYLE_EL_TAG)));
	theme_free(t);
	diag_free(&d);
}

static void
inherit_cycle_is_an_error(void **state)
{
	struct theme *t;
	struct diag d;
	const char *path;
	size_t i;
	int found = 0;

	(void)state;
	diag_init(&d);
	write_file("cyc-a.ini", "[theme]\ninherit = cyc-b\n[styles]\n"
	    "text = red\n");
	write_file("cyc-b.ini", "[theme]\ninherit = cyc-c\n");
	path = write_file("cyc-c.ini", "[theme]\n\ninherit = cyc-a\n");
	t = theme_load_file(path, &d);
	assert_non_null(t);	/* degraded, not a crash */
	assert_true(d.errors >= 1);
	for (i = 0; i < d.n; i++)
		if (strstr(d.msgs[i], "cycle") != NULL &&
		    strstr(d.msgs[i], "cyc-b.ini:2:") != NULL)
			found = 1;
	if (!found) {
		print_diag(&d);
		fail_msg("no cycle error at cyc-b.ini:2");
	}
	theme_free(t);
	diag_free(&d);

	diag_init(&d);
	path = write_file("self.ini", "[theme]\ninherit = self\n");
	t = theme_load_file(path, &d);
	assert_non_null(t);
	assert_int_equal(d.errors, 1);
	/* a cycle of one, not "not found" (issue 11, item 16) */
	assert_non_null(strstr(d.msgs[0], "self.ini:2: inherit cycle"));
	assert_non_null(strstr(d.msgs[0], "inherits itself"));
	theme_free(t);
	diag_free(&d);
}

/*
 * Two themes that inherit each other, loaded one after the other into
 * one list as --check does: each problem of a file is said once and
 * counted once (tester F5: "6 errors, 2 warnings" for 4 problems).
 */
static void
inherited_problems_said_once(void **state)
{
	struct diag d;
	size_t i, j, errors = 0;

	(void)state;
	diag_init(&d);
	theme_free(theme_load_file(write_file("mine.ini", "[theme]\n"
	    "inherit = other\n[styles]\ntext = nosuchcolour\n"
	    "quote = bold blinky\nquote-mrk = bold\n"), &d));
	theme_free(theme_load_file(write_file("other.ini",
	    "[theme]\ninherit = mine\n"), &d));
	print_diag(&d);
	for (i = 0; i < d.n; i++) {
		errors += d.is_error[i];
		for (j = i + 1; j < d.n; j++)
			if (strcmp(d.msgs[i], d.msgs[j]) == 0)
				fail_msg("said twice: %s", d.msgs[i]);
	}
	assert_int_equal(d.errors, errors);
	assert_int_equal(d.warnings, d.n - errors);
	assert_int_equal(d.warnings, 1);	/* quote-mrk */
	diag_free(&d);
}

static void
unknown_element_warns_with_suggestion(void **state)
{
	struct theme *t;
	struct diag d;
	const char *path;

	(void)state;
	diag_init(&d);
	path = write_file("typo.ini", "[theme]\ndescription = typo\n\n"
	    "[styles]\nquote-mrk = bold\nzzzzzzzz = bold\n[stiles]\n");
	t = theme_load_file(path, &d);
	assert_non_null(t);
	print_diag(&d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 3);
	assert_non_null(strstr(d.msgs[0], "typo.ini:5:"));
	assert_non_null(strstr(d.msgs[0], "did you mean 'quote-mark'?"));
	assert_non_null(strstr(d.msgs[1], "typo.ini:6:"));
	assert_null(strstr(d.msgs[1], "did you mean"));
	assert_non_null(strstr(d.msgs[2], "typo.ini:7:"));
	assert_non_null(strstr(d.msgs[2], "[styles]"));
	theme_free(t);
	diag_free(&d);
}

static void
bad_style_is_an_error_with_line(void **state)
{
	struct theme *t;
	struct diag d;
	const char *path;

	(void)state;
	diag_init(&d);
	path = write_file("bad.ini", "# comment\n[theme]\n"
	    "description = bad\n[styles]\ntext = fg=white\n"
	    "; another comment\n\nheadline = fg=purple,bold\n"
	    "quote = \"fg=#zz0000\"\nperson = fg=\"#00ff00\"\n"
	    "url = \"fg=#0000ff\"\n");
	t = theme_load_file(path, &d);
	assert_non_null(t);
	print_diag(&d);
	assert_int_equal(d.errors, 3);
	assert_non_null(strstr(d.msgs[0], "bad.ini:8:"));
	assert_non_null(strstr(d.msgs[0], "fg=purple,bold"));
	assert_non_null(strstr(d.msgs[1], "bad.ini:9:"));
	assert_non_null(strstr(d.msgs[2], "bad.ini:10:"));
	/* the good lines still count */
	assert_int_equal(t->el[STYLE_EL_TEXT].fg, 7);
	assert_int_equal(t->el[STYLE_EL_URL].fg, STYLE_RGB(0, 0, 255));
	assert_false(t->set[STYLE_EL_HEADLINE]);
	theme_free(t);
	diag_free(&d);

	diag_init(&d);
	path = write_file("syntax.ini", "[theme]\ndescription = x\n"
	    "this line is not ini\n");
	t = theme_load_file(path, &d);
	assert_null(t);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "syntax.ini:3:"));
	diag_free(&d);
}

static void
no_color_variant(void **state)
{
	struct theme *t, *nc;
	struct diag d;
	size_t i, j;
	int el, a, b;
	static const enum style_element distinct[] = { STYLE_EL_TEXT,
	    STYLE_EL_SELECTION, STYLE_EL_CURSOR, STYLE_EL_SEARCH,
	    STYLE_EL_QUOTE, STYLE_EL_PERSON, STYLE_EL_HEADLINE };

	(void)state;
	for (i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		char path[64];

		diag_init(&d);
		snprintf(path, sizeof path, "themes/%s.ini", shipped[i]);
		assert_non_null(t = theme_load_file(path, &d));
		nc = theme_no_color(t);
		for (el = 0; el < STYLE_EL__COUNT; el++)
			assert_false(has_color(nc->el[el]));
		for (j = 0; j < nc->ntags; j++) {
			assert_false(has_color(nc->tags[j].style));
			/* an annotation never looks like an entity */
			for (el = STYLE_EL_PERSON; el <= STYLE_EL_HASHTAG; el++)
				if (nc->tags[j].style.attrs == nc->el[el].attrs)
					fail_msg("%s: tag %s looks like %s",
					    shipped[i], nc->tags[j].name,
					    style_element_name(el));
		}
		for (a = 0; a < 7; a++)
			for (b = a + 1; b < 7; b++)
				if (nc->el[distinct[a]].attrs ==
				    nc->el[distinct[b]].attrs)
					fail_msg("%s: %s and %s look the same",
					    shipped[i],
					    style_element_name(distinct[a]),
					    style_element_name(distinct[b]));
		/* attributes the theme had are kept */
		assert_true(nc->el[STYLE_EL_HEADLINE].attrs & STYLE_BOLD);
		theme_free(nc);
		theme_free(t);
		diag_free(&d);
	}
	t = theme_builtin();
	for (el = 0; el < STYLE_EL__COUNT; el++)
		assert_false(has_color(t->el[el]) &&
		    el != STYLE_EL_TEXT);
	assert_int_equal(t->el[STYLE_EL_CURSOR].attrs, STYLE_REVERSE);
	theme_free(t);
}

static void
fit_to_colours(void **state)
{
	struct theme *t, *f;
	struct diag d;
	int el;

	(void)state;
	diag_init(&d);
	assert_non_null(t = theme_load_file("themes/solarized-dark.ini", &d));
	f = theme_fit(t, 256);
	for (el = 0; el < STYLE_EL__COUNT; el++)
		assert_true(f->el[el].fg < 256 && f->el[el].bg < 256);
	assert_int_equal(f->el[STYLE_EL_TEXT].bg, 234);
	theme_free(f);
	f = theme_fit(t, 8);
	for (el = 0; el < STYLE_EL__COUNT; el++)
		assert_true(f->el[el].fg < 8 && f->el[el].bg < 8);
	theme_free(f);
	theme_free(t);
	diag_free(&d);
}

static void
load_by_name_and_list(void **state)
{
	struct theme *t;
	struct diag d;
	char dir[PATH_MAX + 32], **names;
	size_t n, i;
	int dark = 0, mine = 0;

	(void)state;
	snprintf(dir, sizeof dir, "%s/artread", tmpdir);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/artread/themes", tmpdir);
	mkdir(dir, 0700);
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	write_file("artread/themes/mine.ini", "[theme]\ninherit = dark\n"
	    "description = mine\n[styles]\nheadline = fg=red\n");
	/* the user's dark.ini shadows the shipped one, inheriting it */
	write_file("artread/themes/dark.ini", "[theme]\ninherit = dark\n"
	    "[styles]\nquote = fg=green\n");
	diag_init(&d);
	t = theme_load("mine", &d);
	print_diag(&d);
	assert_non_null(t);
	assert_int_equal(d.n, 0);
	assert_int_equal(t->el[STYLE_EL_HEADLINE].fg, 1);
	assert_int_equal(t->el[STYLE_EL_QUOTE].fg, 2);	/* user's dark */
	assert_int_equal(t->el[STYLE_EL_TEXT].fg, 252);	/* shipped dark */
	theme_free(t);
	assert_null(theme_load("no-such-theme", &d));
	assert_int_equal(d.errors, 1);
	diag_free(&d);

	n = theme_list(&names);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i], "dark") == 0)
			dark++;
		if (strcmp(names[i], "mine") == 0)
			mine++;
		if (i > 0)
			assert_true(strcmp(names[i - 1], names[i]) < 0);
	}
	assert_int_equal(dark, 1);
	assert_int_equal(mine, 1);
	assert_true(n >= 7);
	util_free_list(names, n);
	unsetenv("XDG_CONFIG_HOME");
}

/*
 * A compiled theme is taken for a file holding exactly its bytes, as
 * a parent too; a file differing by one byte is parsed.  (Registered
 * for good: this test runs last.)
 */
static void
compiled_theme_for_same_bytes_only(void **state)
{
	static const char text[] = "[theme]\ndescription = as read\n"
	    "[styles]\nheadline = fg=red\n[tags]\nclaim = fg=green\n";
	static const char *const names[] = { "claim", "extra" };
	static struct style styles[2];
	static struct theme_compiled c;
	struct theme *read, *t;
	struct diag d;
	char *path;

	(void)state;
	path = xstrdup(write_file("comp.ini", text));
	diag_init(&d);
	read = theme_load_file(path, &d);
	assert_non_null(read);
	assert_int_equal(d.n, 0);
	/* what make would compile, told apart by its description and a
	 * second tag */
	c.text = text;
	c.len = strlen(text);
	c.description = "compiled";
	memcpy(c.el, read->el, sizeof c.el);
	memcpy(c.set, read->set, sizeof c.set);
	styles[0] = read->tags[0].style;
	styles[1] = read->el[STYLE_EL_TEXT];
	c.tag_names = names;
	c.tag_styles = styles;
	c.ntags = 2;
	theme_add_compiled(&c);

	t = theme_load_file(path, &d);
	assert_non_null(t);
	assert_string_equal(t->description, "compiled");
	assert_string_equal(t->name, "comp");
	assert_string_equal(t->path, path);
	assert_memory_equal(t->el, read->el, sizeof t->el);
	assert_memory_equal(t->set, read->set, sizeof t->set);
	assert_int_equal(t->ntags, 2);
	assert_true(theme_has_tag(t, "extra"));
	theme_free(t);

	/* as a parent */
	t = theme_load_file(write_file("child.ini", "[theme]\n"
	    "inherit = comp\n[styles]\nquote = fg=blue\n"), &d);
	assert_non_null(t);
	assert_true(theme_has_tag(t, "extra"));
	assert_int_equal(t->el[STYLE_EL_HEADLINE].fg, 1);
	assert_int_equal(t->el[STYLE_EL_QUOTE].fg, 4);
	theme_free(t);

	/* one byte more: read as written */
	write_file("comp.ini", "[theme]\ndescription = as read\n"
	    "[styles]\nheadline = fg=red\n[tags]\nclaim = fg=green\n\n");
	t = theme_load_file(path, &d);
	assert_non_null(t);
	assert_string_equal(t->description, "as read");
	assert_false(theme_has_tag(t, "extra"));
	assert_int_equal(d.n, 0);
	theme_free(t);
	theme_free(read);
	diag_free(&d);
	free(path);
}

/*
 * A compiled theme no file holds (themes/default.ini moved away) is
 * still loaded by name, inherited from and listed; a file of that name
 * on the theme path would win.  (Registered for good: runs last.)
 */
static void
compiled_theme_without_file(void **state)
{
	static struct theme_compiled c;
	struct theme *t;
	struct diag d;
	char **names;
	size_t n, i;
	int listed = 0;

	(void)state;
	diag_init(&d);
	assert_null(theme_load("nowhere", &d));	/* fails, as before */
	assert_int_equal(d.errors, 1);
	c.text = "";
	c.description = "compiled, no file";
	c.el[STYLE_EL_HEADLINE] = style_unset();
	c.el[STYLE_EL_HEADLINE].fg = 2;
	c.set[STYLE_EL_HEADLINE] = 1;
	c.name = "nowhere";
	theme_add_compiled(&c);

	t = theme_load("nowhere", &d);
	assert_non_null(t);
	assert_string_equal(t->name, "nowhere");
	assert_null(t->path);
	assert_string_equal(t->description, "compiled, no file");
	assert_int_equal(t->el[STYLE_EL_HEADLINE].fg, 2);
	theme_free(t);

	t = theme_load_file(write_file("kid.ini", "[theme]\n"
	    "inherit = nowhere\n[styles]\nquote = fg=blue\n"), &d);
	assert_non_null(t);
	assert_int_equal(t->el[STYLE_EL_HEADLINE].fg, 2);
	assert_int_equal(t->el[STYLE_EL_QUOTE].fg, 4);
	theme_free(t);
	assert_int_equal(d.errors, 1);	/* only the first attempt's */

	n = theme_list(&names);
	for (i = 0; i < n; i++)
		listed += strcmp(names[i], "nowhere") == 0;
	assert_int_equal(listed, 1);
	util_free_list(names, n);
	diag_free(&d);
}

/* Run from the checkout's root, whatever the current directory. */
static int
setup(void **state)
{
	(void)state;
	testutil_chdir_root("themes/default.ini");
	return testutil_mkdtemp(tmpdir, "theme");
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
		cmocka_unit_test(shipped_themes_load_cleanly),
		cmocka_unit_test(shipped_colour_ranges),
		cmocka_unit_test(inheritance_overrides),
		cmocka_unit_test(inherit_cycle_is_an_error),
		cmocka_unit_test(inherited_problems_said_once),
		cmocka_unit_test(unknown_element_warns_with_suggestion),
		cmocka_unit_test(bad_style_is_an_error_with_line),
		cmocka_unit_test(no_color_variant),
		cmocka_unit_test(fit_to_colours),
		cmocka_unit_test(load_by_name_and_list),
		cmocka_unit_test(compiled_theme_for_same_bytes_only),
		cmocka_unit_test(compiled_theme_without_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
