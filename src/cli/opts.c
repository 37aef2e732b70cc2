/*
 * opts.c: command-line parsing with getopt_long.
 */
#include "cli/opts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/export.h"
#include "artread/util.h"

enum long_only {
	OPT_DUMP = 256, OPT_ENTITIES, OPT_QUOTES, OPT_STATS, OPT_EXPORT,
	OPT_IMPORT, OPT_ANNOTATE, OPT_ANNOTATE_TEXT, OPT_TAG, OPT_NOTE,
	OPT_CHECK, OPT_PATHS, OPT_LIST_THEMES, OPT_COLOR, OPT_NO_REFLOW,
	OPT_REFLOW, OPT_FORCE, OPT_NO_REMEMBER, OPT_CONFIG, OPT_THEME,
	OPT_RULES, OPT_GROUP_BY, OPT_WITH_QUOTES, OPT_WITH_ENTITIES,
	OPT_PAGER, OPT_BOM, OPT_EXTRACT, OPT_JSON, OPT_TIMEOUT,
	OPT_LIST_ANNOTATIONS, OPT_DIFF, OPT_DIFF_STAT, OPT_FORGET, OPT_STORE,
	OPT_ADOPT,
};

static const struct option long_opts[] = {
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ "width",		required_argument,	NULL, 'w' },
	{ "output",		required_argument,	NULL, 'o' },
	{ "dump",		no_argument,		NULL, OPT_DUMP },
	{ "pager",		no_argument,		NULL, OPT_PAGER },
	{ "entities",		no_argument,		NULL, OPT_ENTITIES },
	{ "quotes",		no_argument,		NULL, OPT_QUOTES },
	{ "stats",		no_argument,		NULL, OPT_STATS },
	{ "export",		optional_argument,	NULL, OPT_EXPORT },
	{ "import",		required_argument,	NULL, OPT_IMPORT },
	{ "annotate",		required_argument,	NULL, OPT_ANNOTATE },
	{ "annotate-text",	required_argument,	NULL, OPT_ANNOTATE_TEXT },
	{ "tag",		required_argument,	NULL, OPT_TAG },
	{ "note",		required_argument,	NULL, OPT_NOTE },
	{ "check",		no_argument,		NULL, OPT_CHECK },
	{ "paths",		no_argument,		NULL, OPT_PATHS },
	{ "list-themes",	no_argument,		NULL, OPT_LIST_THEMES },
	{ "color",		optional_argument,	NULL, OPT_COLOR },
	{ "colour",		optional_argument,	NULL, OPT_COLOR },
	{ "no-reflow",		no_argument,		NULL, OPT_NO_REFLOW },
	{ "reflow",		no_argument,		NULL, OPT_REFLOW },
	{ "force",		no_argument,		NULL, OPT_FORCE },
	{ "no-remember",	no_argument,		NULL, OPT_NO_REMEMBER },
	{ "config",		required_argument,	NULL, OPT_CONFIG },
	{ "theme",		required_argument,	NULL, OPT_THEME },
	{ "rules",		required_argument,	NULL, OPT_RULES },
	{ "group-by",		required_argument,	NULL, OPT_GROUP_BY },
	{ "with-quotes",	no_argument,		NULL, OPT_WITH_QUOTES },
	{ "with-entities",	no_argument,		NULL, OPT_WITH_ENTITIES },
	{ "bom",		no_argument,		NULL, OPT_BOM },
	{ "extract",		no_argument,		NULL, OPT_EXTRACT },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "timeout",		required_argument,	NULL, OPT_TIMEOUT },
	{ "threads",		required_argument,	NULL, 'j' },
	{ "list-annotations",	no_argument,		NULL, OPT_LIST_ANNOTATIONS },
	{ "diff",		no_argument,		NULL, OPT_DIFF },
	{ "stat",		no_argument,		NULL, OPT_DIFF_STAT },
	{ "forget",		no_argument,		NULL, OPT_FORGET },
	{ "store",		no_argument,		NULL, OPT_STORE },
	{ "adopt",		no_argument,		NULL, OPT_ADOPT },
	{ NULL, 0, NULL, 0 }
};

static const char usage_text[] =
"usage: artread [OPTION]... [FILE]...\n"
"Read and annotate news articles in the terminal.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"Modes:\n"
"      --pager              full-screen pager (default on a terminal)\n"
"      --dump               print the laid-out text (default when output\n"
"                           is not a terminal)\n"
"      --entities           list named entities: START END TYPE TEXT\n"
"      --quotes             list quoted passages: START END SPEAKER TEXT\n"
"      --stats              who is quoted and who is mentioned (with\n"
"                           several FILEs: each, then their totals)\n"
"      --export[=FORMAT]    export annotations: text (default), markdown,\n"
"                           json, brat, csv\n"
"      --import FORMAT      add annotations from FILE.ann (brat) or a\n"
"                           JSON export: artread --import brat A.ann A.txt\n"
"                           (the article may be a URL or an HTML page)\n"
"      --annotate START:END:TAG[:NOTE]\n"
"                           add an annotation on a byte range\n"
"      --annotate-text TEXT add an annotation on the only place TEXT is\n"
"                           found, as the pager shows it (white space and\n"
"                           line ends match any white space), with --tag\n"
"                           TAG [--note NOTE]; repeat --tag for more tags,\n"
"                           --note for more lines\n"
"      --list-annotations   list annotations: START END STATE TAGS TEXT\n"
"                           (STATE: exact, moved, changed, orphan; a\n"
"                           changed one ends with the text as annotated)\n"
"      --diff               what changed since the version annotated (or\n"
"                           the last version read), word by word\n"
"      --diff --stat        one line of counts; exit 1 if the text changed\n"
"      --adopt              take in the annotations a renamed FILE left\n"
"                           under its old name (same text)\n"
"      --forget             drop the kept versions of the FILEs\n"
"      --store              list the kept versions of articles\n"
"      --check              check config, rule and theme files\n"
"      --paths              show where files are looked for\n"
"      --list-themes        show the themes with a sample of each\n"
"      --extract            print the article of a web page (URL, HTML\n"
"                           file or -) as plain text; with --json, as\n"
"                           JSON: title, byline, published, modified,\n"
"                           site, url, text\n"
"  -h, --help               show this help and the keys\n"
"  -V, --version            show the version\n";

/* In two (a C compiler need not take a string over 4095 bytes). */
static const char options_text[] =
"\n"
"Options:\n"
"  -w, --width N            text width (default 100, or the window's)\n"
"      --no-reflow          keep the file's own line breaks\n"
"      --color[=WHEN]       colour: auto (default), always, never\n"
"      --theme NAME         colour theme (see --list-themes)\n"
"      --config FILE        read settings from FILE\n"
"      --rules FILE         use these rules instead of the defaults\n"
"      --force              open files that look binary; let -o DIR/\n"
"                           replace exports already there\n"
"      --no-remember        do not restore or save the reading position\n"
"  -o, --output FILE        write an export to FILE, or one file per\n"
"                           article into a directory (a name ending in /)\n"
"      --group-by tag       group an export's annotations by tag\n"
"      --with-quotes        add the article's quotes to an export\n"
"      --with-entities      add the article's entities to an export\n"
"      --bom                start a CSV export with a byte order mark,\n"
"                           for spreadsheet programs\n"
"      --timeout SECONDS    give up fetching a page after this long (30)\n"
"  -j, --threads N          threads for analysing a long article (default:\n"
"                           one a core; the result is the same)\n"
"\n"
"A FILE may be an http:// or https:// URL or an HTML page (found by its\n"
"content): its article is extracted and read like a text file; its\n"
"annotations and reading position are kept by URL, and the text read\n"
"opens again offline.\n"
"\n"
"Environment: NO_COLOR, TERM, XDG_CONFIG_HOME, XDG_STATE_HOME,\n"
"XDG_DATA_HOME.  See artread(1).\n"
"Exit status: 0 success, 1 problems found (--check) or a text changed\n"
"(--diff), 2 errors.\n";

void
opts_usage(void *stdio_file, const char *keys)
{
	FILE *f = stdio_file;

	fputs(usage_text, f);
	fputs(options_text, f);
	if (keys != NULL)
		fprintf(f, "\nKeys in the pager (keys, the action's name for "
		    "[keys] in config.ini, what it does):\n%s", keys);
}

static int
parse_width(const char *s, int *out)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 1 || n > 10000) {
		fprintf(stderr, "artread: --width: '%s' is not a width from 1 "
		    "to 10000\n", s);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int
parse_timeout(const char *s, long *out)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 1 || n > 3600) {
		fprintf(stderr, "artread: --timeout: '%s' is not a number of "
		    "seconds from 1 to 3600\n", s);
		return -1;
	}
	*out = n;
	return 0;
}

static int
parse_threads(const char *s, int *out)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 1 || n > 64) {
		fprintf(stderr, "artread: --threads: '%s' is not a number of "
		    "threads from 1 to 64\n", s);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int
parse_color(const char *s, enum opts_color *out)
{
	if (s == NULL || strcmp(s, "always") == 0 || strcmp(s, "yes") == 0)
		*out = COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0 || strcmp(s, "no") == 0)
		*out = COLOR_NEVER;
	else if (strcmp(s, "auto") == 0)
		*out = COLOR_AUTO;
	else {
		fprintf(stderr, "artread: --color: '%s' is not auto, always "
		    "or never\n", s);
		return -1;
	}
	return 0;
}

static int
set_mode(struct opts *o, enum opts_mode m)
{
	if (o->mode != MODE_AUTO && o->mode != m) {
		fprintf(stderr, "artread: choose one mode at a time "
		    "(try --help)\n");
		return -1;
	}
	o->mode = m;
	return 0;
}

/*
 * --tag and --note may be given more than once, and nothing given is
 * dropped: tags add up (a comma-separated list, as one --tag a,b is),
 * notes are joined by a line break.
 */
static void
add_value(char **to, const char *sep, const char *arg)
{
	char *joined;

	if (*to == NULL) {
		*to = xstrdup(arg);
		return;
	}
	joined = xasprintf("%s%s%s", *to, sep, arg);
	free(*to);
	*to = joined;
}

/* Options that take a value or set a flag (not modes). */
static int
parse_setting(struct opts *o, int c, const char *arg)
{
	switch (c) {
	case 'w':		return parse_width(arg, &o->width);
	case 'o':		o->output = arg; break;
	case OPT_COLOR:		return parse_color(arg, &o->color);
	case OPT_NO_REFLOW:	o->reflow = 0; break;
	case OPT_REFLOW:	o->reflow = 1; break;
	case OPT_FORCE:		o->force = 1; break;
	case OPT_NO_REMEMBER:	o->remember = 0; break;
	case OPT_CONFIG:	o->config = arg; break;
	case OPT_THEME:		o->theme = arg; break;
	case OPT_RULES:		o->rules = arg; break;
	case OPT_TAG:		add_value(&o->tag, ",", arg); break;
	case OPT_NOTE:		add_value(&o->note, "\n", arg); break;
	case OPT_GROUP_BY:	o->group_by = arg; break;
	case OPT_WITH_QUOTES:	o->with_quotes = 1; break;
	case OPT_WITH_ENTITIES:	o->with_entities = 1; break;
	case OPT_BOM:		o->bom = 1; break;
	case OPT_JSON:		o->json = 1; break;
	case OPT_TIMEOUT:	return parse_timeout(arg, &o->timeout);
	case 'j':		return parse_threads(arg, &o->threads);
	case OPT_DIFF_STAT:	o->diff_stat = 1; break;
	default:
		return -1;
	}
	return 0;
}

static int
parse_mode(struct opts *o, int c, const char *arg)
{
	switch (c) {
	case 'h':		return set_mode(o, MODE_HELP);
	case 'V':		return set_mode(o, MODE_VERSION);
	case OPT_DUMP:		return set_mode(o, MODE_DUMP);
	case OPT_PAGER:		return set_mode(o, MODE_PAGER);
	case OPT_ENTITIES:	return set_mode(o, MODE_ENTITIES);
	case OPT_QUOTES:	return set_mode(o, MODE_QUOTES);
	case OPT_STATS:		return set_mode(o, MODE_STATS);
	case OPT_CHECK:		return set_mode(o, MODE_CHECK);
	case OPT_PATHS:		return set_mode(o, MODE_PATHS);
	case OPT_LIST_THEMES:	return set_mode(o, MODE_LIST_THEMES);
	case OPT_EXTRACT:	return set_mode(o, MODE_EXTRACT);
	case OPT_LIST_ANNOTATIONS: return set_mode(o, MODE_LIST_ANNOTATIONS);
	case OPT_DIFF:		return set_mode(o, MODE_DIFF);
	case OPT_FORGET:	return set_mode(o, MODE_FORGET);
	case OPT_STORE:		return set_mode(o, MODE_STORE);
	case OPT_ADOPT:		return set_mode(o, MODE_ADOPT);
	case OPT_EXPORT:
		o->format = arg != NULL ? arg : "text";
		return set_mode(o, MODE_EXPORT);
	case OPT_IMPORT:
		o->format = arg;
		return set_mode(o, MODE_IMPORT);
	case OPT_ANNOTATE:
		o->annotate = arg;
		return set_mode(o, MODE_ANNOTATE);
	case OPT_ANNOTATE_TEXT:
		o->annotate_text = arg;
		return set_mode(o, MODE_ANNOTATE_TEXT);
	default:
		return parse_setting(o, c, arg);
	}
}

void
opts_free(struct opts *o)
{
	free(o->tag);
	free(o->note);
	o->tag = o->note = NULL;
}

/*
 * Options that only mean something with one mode: given with another,
 * they would be silently ignored (-o with --dump wrote no file), so they
 * are an error that names the mode they go with.
 */
static int
check_companions(const struct opts *o)
{
	static const struct {
		const char	*option;
		enum opts_mode	 mode;
		const char	*mode_name;
	} table[] = {
		{ "--json",		MODE_EXTRACT,		"--extract" },
		{ "--stat",		MODE_DIFF,		"--diff" },
		{ "-o",			MODE_EXPORT,		"--export" },
		{ "--group-by",		MODE_EXPORT,		"--export" },
		{ "--with-quotes",	MODE_EXPORT,		"--export" },
		{ "--with-entities",	MODE_EXPORT,		"--export" },
		{ "--bom",		MODE_EXPORT,		"--export" },
		{ "--tag",		MODE_ANNOTATE_TEXT,	"--annotate-text" },
		{ "--note",		MODE_ANNOTATE_TEXT,	"--annotate-text" },
	};
	const int given[] = {
		o->json, o->diff_stat, o->output != NULL, o->group_by != NULL,
		o->with_quotes, o->with_entities, o->bom, o->tag != NULL,
		o->note != NULL,
	};
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (given[i] && o->mode != table[i].mode) {
			fprintf(stderr, "artread: %s goes with %s (try --help)\n",
			    table[i].option, table[i].mode_name);
			return -1;
		}
	if (o->group_by != NULL && strcmp(o->group_by, "tag") != 0) {
		fprintf(stderr, "artread: --group-by %s: only 'tag' is "
		    "known\n", o->group_by);
		return -1;
	}
	return 0;
}

int
opts_parse(int argc, char **argv, struct opts *o)
{
	int c;

	memset(o, 0, sizeof *o);
	o->reflow = -1;
	o->remember = -1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVw:o:j:", long_opts,
	    NULL)) != -1) {
		if (c == '?' || c == ':') {
			if (c == ':')
				fprintf(stderr, "artread: option '%s' needs a "
				    "value (try --help)\n", argv[optind - 1]);
			else if (optopt > 0 && optopt < 256 &&
			    strchr("hVwoj", optopt) == NULL)
				/* A letter in a cluster ("-story.txt"):
				 * optind may still point at the cluster. */
				fprintf(stderr, "artread: unknown option '-%c' "
				    "(try --help)\n", optopt);
			else
				fprintf(stderr, "artread: unknown option '%s' "
				    "(try --help)\n", argv[optind - 1]);
			return -1;
		}
		/* "--export csv FILE": a format may follow as its own word. */
		if (c == OPT_EXPORT && optarg == NULL && optind < argc &&
		    export_format_from_name(argv[optind]) >= 0)
			optarg = argv[optind++];
		if (parse_mode(o, c, optarg) != 0)
			return -1;
	}
	if (o->mode == MODE_IMPORT) {
		if (argc - optind < 2) {
			fprintf(stderr, "artread: --import FORMAT needs a file "
			    "to import and an article\n");
			return -1;
		}
		o->import_file = argv[optind++];
	}
	if (check_companions(o) != 0)
		return -1;
	if ((o->mode == MODE_FORGET || o->mode == MODE_DIFF ||
	    o->mode == MODE_ADOPT) && optind == argc) {
		fprintf(stderr, "artread: --%s needs a file\n",
		    o->mode == MODE_FORGET ? "forget" : o->mode == MODE_ADOPT ?
		    "adopt" : "diff");
		return -1;
	}
	if (o->mode == MODE_ANNOTATE_TEXT && o->tag == NULL) {
		fprintf(stderr, "artread: --annotate-text needs --tag TAG\n");
		return -1;
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	return 0;
}
