/* test_config.c: defaults, options, errors, tags, keys, search order. */
#include "testutil.h"

#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "artread/config.h"
#include "artread/diag.h"
#include "artread/ini.h"
#include "artread/keymap.h"
#include "artread/paths.h"

static char tmpdir[PATH_MAX];

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
defaults(void **state)
{
	struct config cfg;
	static const char *const tags[] = { "claim", "evidence", "source",
	    "opinion", "question", "error", "important" };
	int i;

	(void)state;
	config_init(&cfg);
	assert_string_equal(cfg.theme, "default");
	assert_int_equal(cfg.width, 100);
	assert_true(cfg.reflow);
	assert_true(cfg.remember_position);
	assert_int_equal(cfg.reading_speed, 230);
	assert_true(cfg.mouse);
	assert_true(cfg.wrap_search);
	assert_string_equal(cfg.clipboard, "osc52");
	assert_string_equal(cfg.clipboard_command, "");
	assert_true(cfg.hl_quotes);
	assert_true(cfg.hl_entities);
	for (i = 0; i < 7; i++) {
		assert_non_null(config_tag_for_key(&cfg, '1' + i));
		assert_string_equal(config_tag_for_key(&cfg, '1' + i)->name,
		    tags[i]);
		assert_int_equal(config_tag_key(&cfg, tags[i]), i + 1);
	}
	assert_null(config_tag_for_key(&cfg, '8'));
	assert_null(config_tag_for_key(&cfg, '0'));
	assert_null(cfg.path);
	assert_int_equal(keymap_lookup(cfg.keymap, ACTION_MODE_PAGER, 'q'),
	    ACTION_QUIT);
	config_free(&cfg);
}

static void
every_option_parses(void **state)
{
	struct config cfg;
	struct diag d;
	const char *path;

	(void)state;
	path = write_file("all.ini",
	    "; every option\n"
	    "[general]\n"
	    "theme = solarized-dark\n"
	    "width = 72\n"
	    "reflow = false\n"
	    "remember_position = no\n"
	    "reading_speed = 300\n"
	    "mouse = off\n"
	    "wrap_search = 0\n"
	    "clipboard = command\n"
	    "clipboard_command = xclip -selection clipboard -i /dev/stdin\n"
	    "[highlight]\n"
	    "quotes = false\n"
	    "entities = yes\n"
	    "[keys]\n"
	    "quit = Q\n"
	    "search_forward = \"#\"\n"
	    "quotes_panel = <F5>\n"
	    "prev_same = <F6>\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), 0);
	diag_print(&d, stdout);
	assert_int_equal(d.n, 0);
	assert_string_equal(cfg.theme, "solarized-dark");
	assert_int_equal(cfg.width, 72);
	assert_false(cfg.reflow);
	assert_false(cfg.remember_position);
	assert_int_equal(cfg.reading_speed, 300);
	assert_false(cfg.mouse);
	assert_false(cfg.wrap_search);
	assert_string_equal(cfg.clipboard, "command");
	assert_string_equal(cfg.clipboard_command,
	    "xclip -selection clipboard -i /dev/stdin");
	assert_false(cfg.hl_quotes);
	assert_true(cfg.hl_entities);
	assert_int_equal(keymap_lookup(cfg.keymap, ACTION_MODE_PAGER, 'Q'),
	    ACTION_QUIT);
	assert_int_equal(keymap_lookup(cfg.keymap, ACTION_MODE_PAGER, '#'),
	    ACTION_SEARCH_FORWARD);
	assert_string_equal(cfg.path, path);
	diag_free(&d);
	config_free(&cfg);
}

static void
bad_values_are_errors_with_line(void **state)
{
	struct config cfg;
	struct diag d;
	const char *path;

	(void)state;
	path = write_file("bad.ini", "[general]\nwidth = 72\n"
	    "reading_speed = fast\nreflow = maybe\n\nwidth2 = 3\n"
	    "[highlight]\nquotes = true\n[general]\nwidth = 99999\n"
	    "mouse = false\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), -1);
	diag_print(&d, stdout);
	assert_int_equal(d.errors, 3);
	/* width given twice: a warning for the first, the second wins */
	assert_int_equal(d.warnings, 2);
	assert_non_null(strstr(d.msgs[1], "bad.ini:3:"));
	assert_non_null(strstr(d.msgs[1], "reading_speed"));
	assert_non_null(strstr(d.msgs[1], "50 to 2000"));
	assert_non_null(strstr(d.msgs[2], "bad.ini:4:"));
	assert_non_null(strstr(d.msgs[2], "'maybe'"));
	assert_non_null(strstr(d.msgs[4], "bad.ini:10:"));
	/* bad values keep the defaults, good ones apply */
	assert_int_equal(cfg.reading_speed, 230);
	assert_true(cfg.reflow);
	assert_int_equal(cfg.width, 100);
	assert_false(cfg.mouse);
	diag_free(&d);
	config_free(&cfg);

	/* a choice must be one of its names */
	path = write_file("choice.ini", "[general]\nclipboard = xclip\n"
	    "clipboard = osc5\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), -1);
	diag_print(&d, stdout);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[d.n - 1], "one of osc52|command|off"));
	assert_string_equal(cfg.clipboard, "osc52");
	diag_free(&d);
	config_free(&cfg);

	/* a broken file: an error naming file and line, defaults kept */
	path = write_file("broken.ini", "[general]\nwidth = 80\n"
	    "this is not ini\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "broken.ini:3:"));
	assert_int_equal(cfg.width, 100);
	diag_free(&d);
	config_free(&cfg);
}

static void
unknown_names_warn_with_suggestion(void **state)
{
	struct config cfg;
	struct diag d;
	const char *path;

	(void)state;
	path = write_file("typo.ini", "[general]\nthme = dark\n"
	    "zzzzzz = 1\n[highligt]\nquotes = no\n[keys]\nqiut = x\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), -1);
	diag_print(&d, stdout);
	assert_int_equal(d.warnings, 3);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "typo.ini:2:"));
	assert_non_null(strstr(d.msgs[0], "did you mean 'theme'?"));
	assert_non_null(strstr(d.msgs[1], "typo.ini:3:"));
	assert_null(strstr(d.msgs[1], "did you mean"));
	assert_non_null(strstr(d.msgs[2], "typo.ini:4:"));
	assert_non_null(strstr(d.msgs[2], "did you mean [highlight]?"));
	assert_non_null(strstr(d.msgs[3], "typo.ini:7:"));
	assert_non_null(strstr(d.msgs[3], "did you mean 'quit'?"));
	assert_true(cfg.hl_quotes);	/* the unknown section is ignored */
	diag_free(&d);
	config_free(&cfg);
}

/* Load text as a config (no error allowed): its diagnostics in d. */
static void
load_clean(const char *name, const char *text, struct diag *d)
{
	struct config cfg;

	config_init(&cfg);
	diag_init(d);
	assert_int_equal(config_load_file(&cfg, write_file(name, text), d), 0);
	assert_int_equal(d->errors, 0);
	config_free(&cfg);
}

/*
 * What a [keys] section is warned about: one that unbinds every way out
 * or the help; a line that takes another command's only key, unless a
 * line names that command (tester: "quit = x" took delete_annotation's
 * x without a word).  Each row: a file, its text, the warnings (up to
 * the first NULL), each a part of its message.
 */
struct key_warning {
	const char	*name;
	const char	*file;
	const char	*text;
	const char	*warn[3];
};

static struct key_warning key_warnings[] = {
	{ "[keys] leaving no way out or help warns", "trap.ini",
	  "[general]\nwidth = 80\n[keys]\nquit =\ncolon =\nhelp =\n",
	  { "trap.ini:3: [keys] leaves no key that quits",
	    "trap.ini:3: [keys] leaves no key for help" } },
	{ "[keys] quit moved, help still on F1: no warning", "moved.ini",
	  "[keys]\nquit = Q\nhelp = <F1>\nquotes_panel =\ncolon =\n", { 0 } },
	{ "[keys] only :q left: no warning", "colon.ini", "[keys]\nquit =\n",
	  { 0 } },
	{ "[keys] taking a command's only key warns", "took.ini",
	  "[keys]\nquit = x\n",
	  { "took.ini:1: [keys] took every key of delete_annotation (x) for "
	    "other commands" } },
	{ "[keys] the command bound again elsewhere: no warning", "again.ini",
	  "[keys]\nquit = x\ndelete_annotation = <Del>\n", { 0 } },
	{ "[keys] the command unbound on purpose: no warning", "off.ini",
	  "[keys]\nquit = x\ndelete_annotation =\n", { 0 } },
};

static void
key_warning_row(void **state)
{
	const struct key_warning *r = *state;
	struct diag d;
	size_t n;

	load_clean(r->file, r->text, &d);
	for (n = 0; r->warn[n] != NULL; n++)
		if (n >= d.n || strstr(d.msgs[n], r->warn[n]) == NULL)
			fail_msg("warning %zu: not \"%s\"", n, r->warn[n]);
	assert_int_equal(d.warnings, n);
	diag_free(&d);
}

static void
tag_palette(void **state)
{
	struct config cfg;
	struct diag d;
	const char *path;
	const struct config_tag *t;
	struct buf line;

	(void)state;
	path = write_file("tags.ini", "[tags]\n8 = bias, fg=magenta,bold\n"
	    "7 =\n1 = Assertion\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), 0);
	assert_int_equal(d.n, 0);
	assert_non_null(t = config_tag_for_key(&cfg, 8));
	assert_string_equal(t->name, "bias");
	assert_true(t->has_style);
	assert_int_equal(t->style.fg, 5);
	assert_int_equal(t->style.attrs, STYLE_BOLD);
	assert_null(config_tag_for_key(&cfg, '7'));
	assert_string_equal(config_tag_for_key(&cfg, '1')->name,
	    "assertion");
	assert_false(config_tag_for_key(&cfg, '1')->has_style);
	assert_string_equal(config_tag_for_key(&cfg, '2')->name, "evidence");
	buf_init(&line);
	config_palette(&cfg, "  ", &line);
	assert_string_equal(line.data, "1 assertion  2 evidence  3 source  "
	    "4 opinion  5 question  6 error  8 bias");
	buf_reset(&line);
	config_palette_help(&cfg, &line);
	assert_non_null(strstr(line.data, "\n  1 assertion\n  2 evidence\n"));
	assert_non_null(strstr(line.data, "\n  8 bias\n"));
	buf_free(&line);
	diag_free(&d);
	config_free(&cfg);

	path = write_file("badtags.ini", "[tags]\nx = claim\n"
	    "8 = bad  name\n9 = ok, fg=pink\n5 = claim\n6 = caf\xc3\xa9\n");
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, path, &d), -1);
	diag_print(&d, stdout);
	assert_int_equal(d.errors, 4);
	assert_non_null(strstr(d.msgs[0], "badtags.ini:2:"));
	assert_non_null(strstr(d.msgs[1], "badtags.ini:3:"));
	assert_non_null(strstr(d.msgs[2], "badtags.ini:4:"));
	assert_non_null(strstr(d.msgs[3], "'claim'"));
	diag_free(&d);
	config_free(&cfg);
}

static void
search_order(void **state)
{
	struct config cfg;
	struct diag d;
	char dir[PATH_MAX + 32], *p;
	const char *path;

	(void)state;
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	p = paths_config_file(NULL);
	snprintf(dir, sizeof dir, "%s/artread/config.ini", tmpdir);
	assert_string_equal(p, dir);
	free(p);

	/* no user file: defaults, no complaint */
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load(&cfg, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	assert_null(cfg.path);
	config_free(&cfg);

	/* the user's file is found */
	snprintf(dir, sizeof dir, "%s/artread", tmpdir);
	mkdir(dir, 0700);
	write_file("artread/config.ini", "[general]\nwidth = 66\n");
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, NULL, &d), 0);
	assert_int_equal(cfg.width, 66);
	assert_non_null(strstr(cfg.path, "/artread/config.ini"));
	config_free(&cfg);

	/* --config wins over it */
	path = write_file("other.ini", "[general]\nwidth = 55\n");
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, path, &d), 0);
	assert_int_equal(cfg.width, 55);
	config_free(&cfg);

	/* --config naming a missing file is an error */
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, "/nonexistent/x.ini", &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.msgs[0], "/nonexistent/x.ini"));
	assert_int_equal(cfg.width, 100);
	config_free(&cfg);
	diag_free(&d);

	/* a relative XDG_CONFIG_HOME is ignored, as the spec says */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", tmpdir, 1);
	p = paths_config_file(NULL);
	snprintf(dir, sizeof dir, "%s/.config/artread/config.ini", tmpdir);
	assert_string_equal(p, dir);
	free(p);
	unsetenv("XDG_CONFIG_HOME");
}

static void
shipped_example_is_clean(void **state)
{
	struct config cfg;
	struct diag d;

	(void)state;
	config_init(&cfg);
	diag_init(&d);
	assert_int_equal(config_load_file(&cfg, "docs/config.example.ini",
	    &d), 0);
	diag_print(&d, stdout);
	assert_int_equal(d.n, 0);
	diag_free(&d);
	config_free(&cfg);
}

static void
suggestions(void **state)
{
	static const char *const cand[] = { "theme", "width", "reflow" };
	static const char *const acts[] = { "top", "delete_annotation",
	    "select_paragraph_next", "paragraph_next" };

	(void)state;
	assert_string_equal(ini_suggest("thme", cand, 3), "theme");
	assert_string_equal(ini_suggest("wdith", cand, 3), "width");
	assert_string_equal(ini_suggest("REFLOW", cand, 3), "reflow");
	assert_null(ini_suggest("colour", cand, 3));
	assert_null(ini_suggest("x", cand, 3));
	/* a short form of a long name (tester F15: "[keys] delete = q") */
	assert_string_equal(ini_suggest("delete", acts, 4),
	    "delete_annotation");
	assert_string_equal(ini_suggest("PARAGRAPH", acts, 4),
	    "paragraph_next");	/* a beginning first */
	assert_string_equal(ini_suggest("annotation", acts, 4),
	    "delete_annotation");
	assert_string_equal(ini_suggest("foo", acts, 4), "top");
	assert_null(ini_suggest("de", acts, 4));
}

/* The end of an "unknown ..." message, quoted as asked. */
static void
did_you_mean(void **state)
{
	static const char *const cand[] = { "general", "keys", "tags" };
	static const struct {
		const char	*word;
		const char	*quote;
		const char	*want;
	} cases[] = {
		{ "genral", "[]", " (did you mean [general]?)" },
		{ "kyes", "''", " (did you mean 'keys'?)" },
		{ "colours", "''", "" },
	};
	size_t i;
	char *hint;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hint = ini_did_you_mean(cases[i].word, cand, 3, cases[i].quote);
		assert_string_equal(hint, cases[i].want);
		free(hint);
	}
}

/* Run from the checkout's root, whatever the current directory. */
static int
setup(void **state)
{
	(void)state;
	testutil_chdir_root("docs/config.example.ini");
	return testutil_mkdtemp(tmpdir, "config");
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
	const struct CMUnitTest funcs[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(every_option_parses),
		cmocka_unit_test(bad_values_are_errors_with_line),
		cmocka_unit_test(unknown_names_warn_with_suggestion),
		cmocka_unit_test(tag_palette),
		cmocka_unit_test(search_order),
		cmocka_unit_test(shipped_example_is_clean),
		cmocka_unit_test(suggestions),
		cmocka_unit_test(did_you_mean),
	};

	testutil_run_with_table(funcs, key_warnings, key_warning_row, setup,
	    teardown);
}
