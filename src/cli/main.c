/*
 * main.c: parse the command line, open the articles, and run the mode:
 * the pager, or one of the non-interactive modes.
 */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "artread/analysis.h"
#include "artread/ansi.h"
#include "artread/article.h"
#include "artread/config.h"
#include "artread/diag.h"
#include "artread/keymap.h"
#include "artread/listing.h"
#include "artread/doc.h"
#include "artread/dump.h"
#include "artread/paint.h"
#include "artread/paths.h"
#include "artread/rules.h"
#include "artread/state.h"
#include "artread/stats.h"
#include "artread/style.h"
#include "artread/theme.h"
#include "artread/track.h"
#include "artread/util.h"
#include "artread/web.h"
#include "cli/modes.h"
#include "cli/opts.h"
#include "cli/streams.h"
#include "cli/webopen.h"
#include "ui/pager_api.h"

#define EXIT_TROUBLE	2

/* Was the user's own locale UTF-8 (before setup_locale)? */
static int user_utf8;

/*
 * Display widths need a UTF-8 character type, whatever the locale says.
 * Only the categories artread uses are read from the environment (each
 * is a file to open): LC_CTYPE (widths, the code set, curses, iconv),
 * LC_MESSAGES (the system's error texts, strerror) and LC_NUMERIC (the
 * decimal point of --stats).  Nothing collates, formats times or money.
 */
static void
setup_locale(void)
{
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	setlocale(LC_NUMERIC, "");
	user_utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (!user_utf8 && setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

/* Columns of the terminal on standard output, $COLUMNS, or 80. */
static int
output_columns(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	if (env != NULL) {
		char *end;
		long cols = strtol(env, &end, 10);

		if (end != env && cols > 0 && cols <= 10000)
			return (int)cols;
	}
	return 80;
}

/* How many colours --dump may use: 0 plain, -1 attributes only. */
static int
dump_colors(const struct opts *o)
{
	const char *nc = getenv("NO_COLOR");

	if (o->color == COLOR_NEVER)
		return 0;
	if (o->color == COLOR_AUTO && !isatty(STDOUT_FILENO))
		return 0;
	if (o->color == COLOR_AUTO && nc != NULL && *nc != '\0')
		return -1;
	return ansi_colors_for_term(getenv("TERM")) == 0 ? 8 :
	    ansi_colors_for_term(getenv("TERM"));
}

/* Settings shared by every mode. */
struct app {
	struct opts	 o;
	struct config	 cfg;
	struct theme	*theme;
	char		*theme_error;	/* "FILE:LINE: REASON": said, status 2 */
	struct rules	*rules;
};

/*
 * The window --dump lays out for: the terminal's, or when the output is
 * not a terminal, room for an explicit --width (else $COLUMNS or 80).
 */
static int
dump_columns(const struct app *app)
{
	int cols = output_columns();

	if (!isatty(STDOUT_FILENO) && app->o.width > 0)
		cols = app->o.width + 4;	/* the width and its margins */
	return cols;
}

/* Open an article; NULL after saying why on stderr (and in why, if not
 * NULL: "NAME: REASON"). */
static struct article *
open_or_say(const struct app *app, const char *name, char **why)
{
	struct article *a;
	char *cause;

	a = webopen_article_told(name, app->o.force ? DOC_FORCE : 0,
	    app->rules, &cause);
	if (a == NULL) {
		fprintf(stderr, "artread: %s: %s\n", webopen_display_name(name),
		    cause);
		if (why != NULL)
			*why = xasprintf("%s: %s", webopen_display_name(name),
			    cause);
		free(cause);
	} else if (a->note != NULL && why == NULL)
		fprintf(stderr, "artread: %s: %s\n", name, a->note);
	return a;
}

static int
want_reflow(const struct app *app)
{
	return app->o.reflow >= 0 ? app->o.reflow : app->cfg.reflow;
}

static unsigned
start_layers(const struct app *app)
{
	return (app->cfg.hl_quotes ? PAINT_LAYER_QUOTES : 0) |
	    (app->cfg.hl_entities ? PAINT_LAYER_ENTITIES : 0);
}

static int
run_dump(struct app *app, char **files, int nfiles)
{
	int ncolors = dump_colors(&app->o), i;
	struct theme *t = ncolors > 0 ? theme_fit(app->theme, ncolors) :
	    theme_no_color(app->theme);
	struct analysis_stream *st;
	struct article *a;
	struct diag d;
	int rc = 0;

	/* As cat: go on with the rest when one cannot be opened; a write
	 * error stops the run (reported by streams_finish). */
	for (i = 0; i < nfiles && !ferror(stdout); i++) {
		if ((a = open_or_say(app, files[i], NULL)) == NULL) {
			rc = EXIT_TROUBLE;
			continue;
		}
		if (nfiles > 1)
			listing_section(stdout, i, a->doc->name);
		diag_init(&d);
		a->diag = &d;	/* a rule switched off (too costly) is reported */
		st = article_analysis_stream(a);
		dump_write_stream(stdout, a->doc, st, start_layers(app), t->el,
		    dump_columns(app), app->o.width ? app->o.width :
		    app->cfg.width, want_reflow(app), ncolors);
		analysis_stream_close(st);
		fflush(stdout);
		diag_print(&d, stderr);
		diag_free(&d);
		article_close(a);
	}
	theme_free(t);
	return rc;
}

/* Is a open already as one of arts[0..n-1] (the same file however
 * named, or the same URL its annotations are kept by)? */
static int
opened_before(struct article **arts, int n, const struct article *a)
{
	char want[PATH_MAX], have[PATH_MAX];
	int i, real = a->doc->path != NULL &&
	    realpath(a->doc->path, want) != NULL;

	for (i = 0; i < n; i++) {
		if (arts[i] == NULL)
			continue;
		if (a->url != NULL && arts[i]->url != NULL &&
		    strcmp(a->url, arts[i]->url) == 0)
			return 1;
		if (real && arts[i]->doc->path != NULL &&
		    realpath(arts[i]->doc->path, have) != NULL &&
		    strcmp(want, have) == 0)
			return 1;
	}
	return 0;
}

/* Is name one of the URLs put off before it? */
static int
named_before(char **later, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (later[i] != NULL && strcmp(later[i], name) == 0)
			return 1;
	return 0;
}

/*
 * The pager over the files that open; as less does, those that do not
 * are named (on stderr, and on the first screen) and the exit status is
 * still 2.  An error in the theme is on the first screen too.  A URL
 * after the first file that opens is fetched when it is first shown, so
 * the first screen never waits for the others.  A file named twice is
 * opened once (two copies would go out of step).
 */
static int
run_pager(struct app *app, char **files, int nfiles)
{
	struct article **arts = xcalloc((size_t)nfiles, sizeof *arts);
	char **later = xcalloc((size_t)nfiles, sizeof *later);
	struct buf notice;
	char *why;
	int i, n = 0, missing = 0, rc = EXIT_TROUBLE;

	buf_init(&notice);
	for (i = 0; i < nfiles; i++) {
		if (n > 0 && web_is_url(files[i])) {
			if (!named_before(later, n, files[i]))
				later[n++] = files[i];
			continue;
		}
		if ((arts[n] = open_or_say(app, files[i], &why)) != NULL) {
			if (opened_before(arts, n, arts[n])) {
				article_close(arts[n]);
				arts[n] = NULL;
				continue;
			}
			n++;
			continue;
		}
		buf_printf(&notice, "%s%s", missing++ ? "; " : "cannot open ",
		    why);
		free(why);
	}
	if (app->theme_error != NULL)
		buf_printf(&notice, "%s%s", missing ? "; " : "",
		    app->theme_error);
	if (n > 0) {
		pager_set_opener(webopen_article);	/* R, :e */
		pager_set_cancel_flag(&webopen_cancelled);
		rc = pager_run(arts, later, n, &app->o, &app->cfg, app->theme,
		    notice.data);
		app->theme = NULL;	/* the pager owns and frees it */
		if (missing > 0 && rc == 0)
			rc = EXIT_TROUBLE;
	}
	for (i = 0; i < n; i++)
		article_close(arts[i]);
	free(arts);
	free(later);
	buf_free(&notice);
	return rc;
}

/* --diff: colours of the theme on a terminal, unless NO_COLOR. */
static int
run_diff(struct app *app, char **files, int nfiles)
{
	int ncolors = dump_colors(&app->o), rc;
	struct theme *t = ncolors > 0 ? theme_fit(app->theme, ncolors) : NULL;

	rc = modes_diff(&app->o, files, nfiles, t, ncolors);
	theme_free(t);
	return rc;
}

/* themes/default.ini as make compiled it (tools/themec.c, Makefile). */
extern const struct theme_compiled theme_compiled_default;

/* The first error of d, and how many more there were. */
static char *
first_error(const struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n && !d->is_error[i]; i++)
		continue;
	if (d->errors > 1)
		return xasprintf("%s (and %zu more: artread --check)",
		    i < d->n ? d->msgs[i] : "theme", d->errors - 1);
	return xstrdup(i < d->n ? d->msgs[i] : "theme error");
}

/*
 * The theme: --theme, else the one last chosen with T (if it is still
 * there), else config.ini's.  One --theme names that cannot be loaded
 * stops us; errors in the theme used, however chosen, are said on
 * stderr and kept in app->theme_error (the pager's first screen, exit
 * status 2), the lines in error having been skipped.
 */
static void
load_theme(struct app *app)
{
	struct diag d;
	char *chosen, *where;

	diag_init(&d);
	if (app->o.theme != NULL)
		app->theme = theme_load(app->o.theme, &d);
	else if ((chosen = state_get_theme()) != NULL) {
		app->theme = theme_load(chosen, &d);
		free(chosen);
		if (app->theme == NULL) {	/* gone since: quietly */
			diag_free(&d);
			diag_init(&d);
		}
	}
	if (app->theme == NULL && app->o.theme == NULL) {
		where = config_theme_where(&app->cfg);
		app->theme = theme_load_at(app->cfg.theme, where, &d);
		free(where);
	}
	if (d.errors > 0) {
		diag_print(&d, stderr);
		if (app->theme == NULL && app->o.theme != NULL)
			exit(EXIT_TROUBLE);
		app->theme_error = first_error(&d);
	}
	if (app->theme == NULL)
		app->theme = theme_builtin();
	diag_free(&d);
}

/* Config and theme: a broken config is an error, not a crash. */
static void
load_settings(struct app *app)
{
	struct diag d;

	diag_init(&d);
	config_init(&app->cfg);
	if (config_load(&app->cfg, app->o.config, &d) != 0) {
		diag_print(&d, stderr);
		exit(EXIT_TROUBLE);
	}
	diag_free(&d);
	load_theme(app);
	analysis_set_threads(app->o.threads > 0 ? app->o.threads :
	    app->cfg.threads);
	track_set_limit((size_t)app->cfg.store_limit << 20);
}

/* Rules for the modes that highlight or list; a broken rule stops us. */
static void
load_rules(struct app *app)
{
	struct diag d;

	diag_init(&d);
	app->rules = modes_load_rules(app->o.rules, &d);
	if (app->rules == NULL || d.errors > 0) {
		diag_print(&d, stderr);
		fprintf(stderr, "artread: fix the rules above, or name others "
		    "with --rules (artread --check lists every problem)\n");
		exit(EXIT_TROUBLE);
	}
	diag_free(&d);
}

static void
free_settings(struct app *app)
{
	rules_free(app->rules);
	theme_free(app->theme);
	free(app->theme_error);
	config_free(&app->cfg);
	opts_free(&app->o);
	track_close();		/* the version store, if it was opened */
}

/* --help: the options, then the keys as bound now (config included). */
static void
print_help(const struct app *app)
{
	struct buf text;

	buf_init(&text);
	keymap_help_named(app->cfg.keymap, &text);
	config_palette_help(&app->cfg, &text);
	opts_usage(stdout, text.data);
	buf_free(&text);
}

/*
 * --entities, --quotes, --stats.  --stats draws bars on a terminal (or
 * with --color=always): block characters in the theme's colours, or
 * plain '#' under NO_COLOR, --color=never or a locale that is not UTF-8.
 */
static int
run_listings(struct app *app, char **files, int nfiles)
{
	struct stats_opts so;
	struct theme *t = NULL;
	int rc;

	memset(&so, 0, sizeof so);
	so.bars = isatty(STDOUT_FILENO) || app->o.color == COLOR_ALWAYS;
	so.ncolors = so.bars ? dump_colors(&app->o) : 0;
	so.unicode = user_utf8 && so.ncolors > 0;
	so.width = output_columns();
	if (so.ncolors > 0) {
		t = theme_fit(app->theme, so.ncolors);
		so.el = t->el;
	}
	rc = modes_listings(&app->o, files, nfiles, app->rules, &so);
	theme_free(t);
	return rc;
}

/* Modes that need no article. */
static int
run_standalone(struct app *app, int *rc)
{
	switch (app->o.mode) {
	case MODE_HELP:
		print_help(app);
		break;
	case MODE_PATHS:
		paths_report(stdout, app->o.config);
		break;
	case MODE_CHECK:
		*rc = modes_check(&app->o);
		return 1;
	case MODE_LIST_THEMES:
		*rc = modes_list_themes(dump_colors(&app->o));
		return 1;
	case MODE_STORE:
		*rc = modes_store(&app->o, (size_t)app->cfg.store_limit << 20);
		return 1;
	default:
		return 0;
	}
	*rc = 0;
	return 1;
}

static int
run_mode(struct app *app, char **files, int nfiles)
{
	switch (app->o.mode) {
	case MODE_IMPORT:
		return modes_import(&app->o, files, nfiles);
	case MODE_ANNOTATE:
	case MODE_ANNOTATE_TEXT:
		return modes_annotate(&app->o, files, nfiles);
	case MODE_EXTRACT:
		return modes_extract(&app->o, files, nfiles);
	case MODE_LIST_ANNOTATIONS:
		return modes_list_annotations(&app->o, files, nfiles);
	case MODE_DIFF:
		return run_diff(app, files, nfiles);
	case MODE_FORGET:
		return modes_forget(&app->o, files, nfiles);
	case MODE_ADOPT:
		return modes_adopt(&app->o, files, nfiles);
	default:
		break;
	}
	load_rules(app);
	switch (app->o.mode) {
	case MODE_PAGER:
		return run_pager(app, files, nfiles);
	case MODE_ENTITIES:
	case MODE_QUOTES:
	case MODE_STATS:
		return run_listings(app, files, nfiles);
	case MODE_EXPORT:
		return modes_export(&app->o, files, nfiles, app->rules);
	case MODE_DUMP:
	default:
		return run_dump(app, files, nfiles);
	}
}

/*
 * What standard output carries: the pager's screen, our own colours
 * (--dump, --list-themes and the bars of --stats in colour: their text
 * is made safe already, by paint and listing_text), or text to be made
 * safe if it goes to a terminal.
 */
static enum streams_out
output_kind(const struct opts *o)
{
	if (o->mode == MODE_PAGER ||
	    (o->mode == MODE_AUTO && isatty(STDOUT_FILENO)))
		return STREAMS_OUT_CURSES;
	if ((o->mode == MODE_AUTO || o->mode == MODE_DUMP ||
	    o->mode == MODE_LIST_THEMES || o->mode == MODE_STATS) &&
	    dump_colors(o) != 0)
		return STREAMS_OUT_STYLED;
	return STREAMS_OUT_TEXT;
}

/* The exit status: 2 after an error in the theme, as for a config. */
static int
finish(struct app *app, int rc)
{
	if (rc == 0 && app->theme_error != NULL)
		rc = EXIT_TROUBLE;
	free_settings(app);
	return rc;
}

/* Everything after the command line; the exit status. */
static int
run(struct app *app)
{
	static char *stdin_name[] = { (char *)"-" };
	char **files;
	int nfiles, rc;

	if (app->o.mode == MODE_VERSION) {
		printf("artread %s\n", AR_VERSION);
		return 0;
	}
	theme_add_compiled(&theme_compiled_default);
	if (app->o.mode == MODE_CHECK)
		return modes_check(&app->o);
	load_settings(app);
	if (run_standalone(app, &rc))
		return finish(app, rc);
	files = app->o.files;
	nfiles = app->o.nfiles;
	webopen_set_timeout(app->o.timeout);
	if (nfiles == 0) {
		if (isatty(STDIN_FILENO)) {
			fprintf(stderr, "artread: no file named and standard "
			    "input is a terminal (try --help)\n");
			free_settings(app);
			return EXIT_TROUBLE;
		}
		files = stdin_name;
		nfiles = 1;
	}
	if (app->o.mode == MODE_AUTO)
		app->o.mode = isatty(STDOUT_FILENO) ? MODE_PAGER : MODE_DUMP;
	return finish(app, run_mode(app, files, nfiles));
}

int
main(int argc, char **argv)
{
	struct app app;
	int rc;

	streams_start();
	memset(&app, 0, sizeof app);
	setup_locale();
	if (opts_parse(argc, argv, &app.o) != 0) {
		opts_free(&app.o);
		return EXIT_TROUBLE;
	}
	streams_stdout(output_kind(&app.o));
	rc = run(&app);
	opts_free(&app.o);
	return streams_finish(rc);
}
