/*
 * main.c: parse the command line, open the articles, and run the mode:
 * the pager, or one of the non-interactive modes.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "artread/ansi.h"
#include "artread/cli.h"
#include "artread/doc.h"
#include "artread/opts.h"
#include "artread/style.h"
#include "artread/util.h"

#define EXIT_TROUBLE	2

/* Display widths need a UTF-8 character type, whatever the locale says. */
static void
setup_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL)
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
	if (env != NULL && atoi(env) > 0)
		return atoi(env);
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

static struct doc *
open_or_die(const char *name, const struct opts *o)
{
	struct doc *d;
	char *cause;

	d = doc_open(name, o->force ? DOC_FORCE : 0, &cause);
	if (d == NULL) {
		fprintf(stderr, "artread: %s: %s\n",
		    strcmp(name, "-") == 0 ? "standard input" : name, cause);
		free(cause);
		exit(EXIT_TROUBLE);
	}
	return d;
}

static int
run_dump(const struct opts *o, char **files, int nfiles)
{
	struct style el[STYLE_EL__COUNT];
	struct doc *d;
	int i;

	for (i = 0; i < STYLE_EL__COUNT; i++)
		el[i] = style_unset();
	el[STYLE_EL_HEADLINE].attrs = STYLE_BOLD;
	for (i = 0; i < nfiles; i++) {
		d = open_or_die(files[i], o);
		if (nfiles > 1)
			printf("%s==> %s <==\n", i > 0 ? "\n" : "", d->name);
		cli_dump(stdout, d, NULL, 0, el, output_columns(),
		    o->width ? o->width : 100, o->reflow != 0, dump_colors(o));
		doc_free(d);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct opts o;
	static char *stdin_name[] = { (char *)"-" };
	char **files;
	int nfiles;

	setup_locale();
	if (opts_parse(argc, argv, &o) != 0)
		return EXIT_TROUBLE;
	if (o.mode == MODE_HELP) {
		opts_usage(stdout, NULL);
		return 0;
	}
	if (o.mode == MODE_VERSION) {
		printf("artread %s\n", AR_VERSION);
		return 0;
	}
	files = o.files;
	nfiles = o.nfiles;
	if (nfiles == 0) {
		if (isatty(STDIN_FILENO)) {
			fprintf(stderr, "artread: no file named and standard "
			    "input is a terminal (try --help)\n");
			return EXIT_TROUBLE;
		}
		files = stdin_name;
		nfiles = 1;
	}
	if (o.mode == MODE_AUTO)
		o.mode = isatty(STDOUT_FILENO) ? MODE_PAGER : MODE_DUMP;
	switch (o.mode) {
	case MODE_DUMP:
	default:
		return run_dump(&o, files, nfiles);
	}
}
