/*
 * modes.c: the non-interactive modes other than --dump: listings,
 * export, import, scripted annotation, --check and --list-themes.  Each
 * opens articles through the same core the pager uses.
 */
#include "cli/modes.h"
#include "cli/webopen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/analysis.h"
#include "artread/annotate.h"
#include "artread/ansi.h"
#include "artread/article.h"
#include "artread/atomic.h"
#include "artread/config.h"
#include "artread/diag.h"
#include "artread/export.h"
#include "artread/ini.h"
#include "artread/import.h"
#include "artread/listing.h"
#include "artread/paint.h"
#include "artread/paths.h"
#include "artread/rules.h"
#include "artread/sidecar.h"
#include "artread/stats.h"
#include "artread/termsafe.h"
#include "artread/theme.h"
#include "artread/util.h"

#define EXIT_TROUBLE	2

struct rules *
modes_load_rules(const char *override, struct diag *d)
{
	const char *paths[2];
	char *def = NULL, *user = NULL;
	struct rules *r;
	size_t n = 0;

	if (override != NULL)
		paths[n++] = override;
	else {
		def = paths_find("rules", "default.ini");
		if (def == NULL) {
			diag_error(d, "rules/default.ini not found (see "
			    "artread --paths)");
			return NULL;
		}
		paths[n++] = def;
		user = paths_user_rules();
		if (user != NULL && access(user, F_OK) == 0)
			paths[n++] = user;
	}
	r = rules_load(paths, n, d);
	free(def);
	free(user);
	return r;
}

static struct article *
open_article(const char *name, const struct opts *o, const struct rules *r)
{
	return webopen_or_say(name, o->force ? DOC_FORCE : 0, r);
}

/* What a block's listing is made for. */
struct list_for {
	const struct opts	*o;
	const struct article	*a;
};

/* (analysis_pipe) a block's listing, made in the thread that analysed
 * it */
static void
list_block(void *arg, struct analysis_piece *j)
{
	const struct list_for *lf = arg;
	const struct article *a = lf->a;

	if (lf->o->mode == MODE_ENTITIES)
		listing_entities_to(j->out, a->doc->bytes, a->doc->len, &j->an);
	else
		listing_quotes_to(j->out, a->doc->bytes, a->doc->len, &j->an);
}

/* One article's listing or summary, a block of its analysis at a time
 * (its memory does not grow with the text but for its names); a
 * summary is counted into total too (NULL: none). */
static void
list_article(const struct opts *o, struct article *a,
    const struct stats_opts *so, const char *column,
    struct stats_count *total)
{
	struct analysis_stream *st = article_analysis_stream(a);
	struct analysis_pipe *p;
	struct analysis_piece *j;
	struct list_for lf;

	if (o->mode != MODE_ENTITIES && o->mode != MODE_QUOTES)
		stats_write_stream(stdout, a->doc->bytes, a->doc->len, st, so,
		    total);
	else {
		lf.o = o;
		lf.a = a;
		p = analysis_pipe_open(st, list_block, &lf);
		while ((j = analysis_pipe_next(p)) != NULL)
			if (column != NULL)
				listing_prefixed(stdout, column, j->out->data,
				    j->out->len);
			else if (j->out->len > 0)
				fwrite(j->out->data, 1, j->out->len, stdout);
		analysis_pipe_close(p);
	}
	analysis_stream_close(st);
}

int
modes_listings(const struct opts *o, char **files, int n, const struct rules *r,
    const struct stats_opts *so)
{
	struct stats_count *total = NULL;
	struct article *a;
	struct diag d;
	char *column, *heading;
	int i, rc = 0, summed = 0;

	/* Several files' --stats end with their totals (of those read). */
	if (n > 1 && o->mode == MODE_STATS)
		total = stats_count_new();
	/* A write error stops the run (reported by streams_finish). */
	for (i = 0; i < n && !ferror(stdout); i++) {
		if ((a = open_article(files[i], o, r)) == NULL) {
			rc = EXIT_TROUBLE;
			continue;
		}
		/* Several files: the --stats summaries get a heading each,
		 * the tab-separated lines a first column (as grep -H). */
		column = NULL;
		if (n > 1 && o->mode == MODE_STATS)
			listing_section(stdout, i, a->doc->name);
		else if (n > 1)
			column = listing_file_column(a->doc->name);
		/* A rule too costly for this text is switched off: say so. */
		diag_init(&d);
		a->diag = &d;
		list_article(o, a, so, column, total);
		summed++;
		free(column);
		fflush(stdout);
		diag_print(&d, stderr);
		diag_free(&d);
		article_close(a);
	}
	if (total != NULL && summed > 1 && !ferror(stdout)) {
		heading = xasprintf("total (%d file%s)", summed,
		    summed == 1 ? "" : "s");
		listing_section(stdout, 1, heading);
		stats_count_write(stdout, total, so);
		free(heading);
	}
	stats_count_free(total);
	if (fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	return rc;
}

static int
is_dir_target(const char *path)
{
	struct stat st;
	size_t n = strlen(path);

	return (n > 0 && path[n - 1] == '/') ||
	    (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Load an article's annotations for export; a damaged sidecar still
 * gives the annotations it could read, with a message and status 2. */
static int
export_annotations_of(struct article *a)
{
	char *msg = NULL;
	int rc = 0;

	if (article_load_annotations(a, &msg) != 0) {
		fprintf(stderr, "artread: %s; exporting the %zu annotation%s that "
		    "could be read\n", a->sc_error, annot_count(a->annots),
		    annot_count(a->annots) == 1 ? "" : "s");
		rc = EXIT_TROUBLE;
	} else if (msg != NULL)
		fprintf(stderr, "artread: %s: %s\n", a->doc->name, msg);
	free(msg);
	return rc;
}

/* -o DIR/: one file per article, named as the pager's X names it; an
 * existing file is replaced only with --force. */
static struct atomic_file *
open_in_dir(const char *dir, const char *article, int fmt, int force,
    FILE **f)
{
	char *name = export_file_name(article, (enum export_format)fmt);
	const char *base = strrchr(name, '/');
	struct atomic_file *af;
	char *path, *cause = NULL;

	mkdir(dir, 0777);
	path = xasprintf("%s%s%s", dir, dir[0] != '\0' &&
	    dir[strlen(dir) - 1] == '/' ? "" : "/", base != NULL ? base + 1 :
	    name);
	free(name);
	if ((af = atomic_open(path, force ? 0 : ATOMIC_NEW, f, &cause)) ==
	    NULL) {
		fprintf(stderr, "artread: %s%s\n", cause, errno == EEXIST ?
		    " (--force replaces it)" : "");
		free(cause);
	}
	free(path);
	return af;
}

/* Finish a file written with atomic_open; 0 or EXIT_TROUBLE. */
static int
commit_output(struct atomic_file *af)
{
	char *cause = NULL;

	if (af == NULL || atomic_commit(af, &cause) == 0)
		return 0;
	fprintf(stderr, "artread: %s\n", cause);
	free(cause);
	return EXIT_TROUBLE;
}

static void
export_options(const struct opts *o, struct export_opts *eo)
{
	export_opts_init(eo);
	eo->group_by_tag = o->group_by != NULL && strcmp(o->group_by, "tag") == 0;
	eo->with_quotes = o->with_quotes;
	eo->with_entities = o->with_entities;
	eo->bom = o->bom;
}

/*
 * One article into out.  Several in one stream: CSV gets an "article"
 * column and one header, JSON becomes an array of collections.
 */
static int
export_one(FILE *out, int fmt, struct article *a, struct export_opts *eo,
    int nth, int shared)
{
	struct analysis_stream *st;
	char *cause = NULL;
	int rc = export_annotations_of(a);

	eo->header = fmt != EXPORT_CSV || nth == 0 || !shared;
	eo->article = fmt == EXPORT_CSV && shared ? a->doc->name : NULL;
	eo->source = a->sc.url;
	if (fmt == EXPORT_JSON && shared)
		fputs(nth == 0 ? "[\n" : ",\n", out);
	/* the analysis a block at a time, as the export reaches it */
	st = eo->with_quotes || eo->with_entities ?
	    article_analysis_stream(a) : NULL;
	if (export_article_stream(out, (enum export_format)fmt, a->doc->path,
	    a->doc->bytes, a->doc->len, a->annots, st, eo, &cause) != 0) {
		/* the cause names the article */
		fprintf(stderr, "artread: %s\n", cause);
		free(cause);
		rc = EXIT_TROUBLE;
	}
	analysis_stream_close(st);
	return rc;
}

int
modes_export(const struct opts *o, char **files, int n, const struct rules *r)
{
	struct export_opts eo;
	struct article *a;
	struct atomic_file *out_af = NULL, *af;
	char *cause = NULL, *stem;
	int fmt = export_format_from_name(o->format), i, rc = 0, done = 0;
	int to_dir = o->output != NULL && is_dir_target(o->output);
	int shared = !to_dir && n > 1;
	FILE *out = stdout, *f;

	if (fmt < 0) {
		fprintf(stderr, "artread: --export: unknown format '%s' (text, "
		    "markdown, json, brat, csv)\n", o->format);
		return EXIT_TROUBLE;
	}
	if (o->bom && fmt != EXPORT_CSV) {
		fprintf(stderr, "artread: --bom: only a CSV export starts with "
		    "a byte order mark (--export csv --bom)\n");
		return EXIT_TROUBLE;
	}
	if (o->with_quotes && !export_takes_quotes(fmt)) {
		fprintf(stderr, "artread: --with-quotes: a %s export has no "
		    "place for quotes (text and markdown have)\n",
		    export_format_name(fmt));
		return EXIT_TROUBLE;
	}
	if (o->with_entities && !export_takes_entities(fmt)) {
		fprintf(stderr, "artread: --with-entities: a %s export has no "
		    "place for entities (text, markdown and brat have)\n",
		    export_format_name(fmt));
		return EXIT_TROUBLE;
	}
	if (fmt == EXPORT_BRAT && shared) {
		fprintf(stderr, "artread: --export brat: brat reads one .ann per "
		    "article; name a directory with -o DIR/\n");
		return EXIT_TROUBLE;
	}
	/* -o FILE is replaced atomically, never written through a link. */
	if (!to_dir && o->output != NULL && strcmp(o->output, "-") != 0 &&
	    (out_af = atomic_open(o->output, 0, &out, &cause)) == NULL) {
		fprintf(stderr, "artread: %s\n", cause);
		free(cause);
		return EXIT_TROUBLE;
	}
	export_options(o, &eo);
	for (i = 0; i < n && !ferror(out); i++) {	/* a write error stops */
		if ((a = open_article(files[i], o, r)) == NULL) {
			rc = EXIT_TROUBLE;
			continue;
		}
		af = NULL;
		f = out;
		/* A web article's file is named after its headline. */
		stem = a->doc->path == NULL && a->url != NULL ?
		    article_file_stem(a) : NULL;
		if (to_dir && (af = open_in_dir(o->output, a->doc->path !=
		    NULL ? a->doc->path : stem != NULL ? stem : "stdin", fmt,
		    o->force, &f)) == NULL)
			rc = EXIT_TROUBLE;
		else if (export_one(f, fmt, a, &eo, done++, shared) != 0)
			rc = EXIT_TROUBLE;
		if (commit_output(af) != 0)
			rc = EXIT_TROUBLE;
		free(stem);
		article_close(a);
	}
	if (fmt == EXPORT_JSON && shared && done > 0)
		fputs("]\n", out);
	if (commit_output(out_af) != 0 || fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	return rc;
}

int
modes_import(const struct opts *o, char **files, int n)
{
	int fmt = import_format_from_name(o->format);
	struct import_stats st;
	struct article *a;
	char *cause = NULL;
	int rc;

	if (fmt < 0) {
		fprintf(stderr, "artread: --import: unknown format '%s' (brat, "
		    "json)\n", o->format);
		return EXIT_TROUBLE;
	}
	if (n != 1 || strcmp(files[0], "-") == 0) {
		fprintf(stderr, "artread: --import takes one article (a file or "
		    "a URL)\n");
		return EXIT_TROUBLE;
	}
	/* A URL or an HTML page: its article, its annotations kept as the
	 * pager keeps them (by URL, or beside the page). */
	if ((a = webopen_or_say(files[0], DOC_FORCE, NULL)) == NULL)
		return EXIT_TROUBLE;
	rc = import_into((enum import_format)fmt, o->import_file, a->doc,
	    a->url, &st, &cause);
	article_close(a);
	if (rc != 0) {
		fprintf(stderr, "artread: %s\n", cause);
		free(cause);
		return EXIT_TROUBLE;
	}
	fprintf(stderr, "artread: %zu annotation%s imported into %s",
	    st.added, st.added == 1 ? "" : "s", files[0]);
	if (st.already > 0)
		fprintf(stderr, " (%zu already there: the same tags, note "
		    "and place)", st.already);
	fputc('\n', stderr);
	if (st.other_source)
		fprintf(stderr, "artread: warning: %s was made on another "
		    "article (its source is %s), not on %s\n", o->import_file,
		    st.source, files[0]);
	if (st.orphans > 0)
		fprintf(stderr, "artread: %zu of them %s orphan%s: %s text is "
		    "not in %s (kept, listed and exported as orphans)\n",
		    st.orphans, st.orphans == 1 ? "is an" : "are",
		    st.orphans == 1 ? "" : "s", st.orphans == 1 ? "its" :
		    "their", files[0]);
	if (st.skipped > 0)
		fprintf(stderr, "artread: %zu brat line%s skipped: kinds artread "
		    "does not read (%s)\n", st.skipped, st.skipped == 1 ? "" :
		    "s", st.skipped_kinds);
	if (st.conflicts > 0)
		fprintf(stderr, "artread: %zu imported annotation%s had the "
		    "id of a different one: both kept\n", st.conflicts,
		    st.conflicts == 1 ? "" : "s");
	if (st.times_fixed > 0)
		fprintf(stderr, "artread: %zu time%s could not be read: set to "
		    "now\n", st.times_fixed, st.times_fixed == 1 ? "" : "s");
	return 0;
}

int
modes_annotate(const struct opts *o, char **files, int n)
{
	char *tag = NULL, *note = NULL, *cause = NULL, *id = NULL;
	struct article *a;
	size_t s = 0, e = 0;
	int rc;

	if (n != 1 || strcmp(files[0], "-") == 0) {
		fprintf(stderr, "artread: --annotate takes one article file\n");
		return EXIT_TROUBLE;
	}
	if (o->mode == MODE_ANNOTATE) {
		if (annotate_parse_range_arg(o->annotate, &s, &e, &tag, &note,
		    &cause) != 0) {
			fprintf(stderr, "artread: --annotate: %s\n", cause);
			free(cause);
			return EXIT_TROUBLE;
		}
	}
	if ((a = webopen_or_say(files[0], DOC_FORCE, NULL)) == NULL)
		rc = -1;
	else if (o->mode == MODE_ANNOTATE)
		rc = annotate_range_in(a->doc, a->url, s, e, tag, note, &id,
		    &cause);
	else
		rc = annotate_text_in(a->doc, a->url, o->annotate_text, o->tag,
		    o->note, &id, &cause);
	if (rc != 0 && cause != NULL)	/* the cause names the file */
		fprintf(stderr, "artread: %s\n", cause);
	else if (rc == 0)
		printf("%s\n", id);
	article_close(a);
	free(tag);
	free(note);
	free(cause);
	free(id);
	return rc != 0 ? EXIT_TROUBLE : 0;
}

int
modes_check(const struct opts *o)
{
	struct config cfg;
	struct diag d;
	struct rules *r;
	struct theme *t;
	char **names, *where;
	size_t n, i;
	int bad;

	diag_init(&d);
	ini_set_salvage(1);	/* every problem of a file, not the first */
	config_init(&cfg);
	config_load(&cfg, o->config, &d);
	n = theme_list(&names);
	for (i = 0; i < n; i++)
		theme_free(theme_load(names[i], &d));
	/* The config's theme must be there (its problems, said already
	 * above, are said once: diag.c). */
	where = config_theme_where(&cfg);
	theme_free(theme_load_at(cfg.theme, where, &d));
	free(where);
	if (o->theme != NULL && (t = theme_load(o->theme, &d)) != NULL)
		theme_free(t);
	r = modes_load_rules(o->rules, &d);
	rules_free(r);
	diag_print(&d, stdout);
	bad = d.errors > 0;
	printf("artread: %zu error%s, %zu warning%s (config, %zu themes, "
	    "rules)\n", d.errors, d.errors == 1 ? "" : "s", d.warnings,
	    d.warnings == 1 ? "" : "s", n);
	util_free_list(names, n);
	diag_free(&d);
	config_free(&cfg);
	return bad ? 1 : 0;
}

static void
sample_line(const struct theme *t, int ncolors)
{
	static const struct {
		enum style_element	el;
		const char		*text;
	} parts[] = {
		{ STYLE_EL_HEADLINE, "Headline" }, { STYLE_EL_TEXT, " text " },
		{ STYLE_EL_QUOTE, "\"a quote,\"" }, { STYLE_EL_TEXT, " " },
		{ STYLE_EL_SPEAKER, "Okafor" }, { STYLE_EL_TEXT, " said in " },
		{ STYLE_EL_PLACE, "Lagos" }, { STYLE_EL_TEXT, " " },
		{ STYLE_EL_ORG, "NGA" }, { STYLE_EL_TEXT, " " },
		{ STYLE_EL_MONEY, "$4m" }, { STYLE_EL_TEXT, " " },
		{ STYLE_EL_SEARCH, "match" }, { STYLE_EL_TEXT, " " },
		{ STYLE_EL_SELECTION, "selected" },
	};
	struct paint_line l;
	size_t i;

	paint_line_init(&l);
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
		paint_line_add(&l, parts[i].text, strlen(parts[i].text),
		    (int)strlen(parts[i].text), theme_style(t, parts[i].el));
	ansi_write_line(stdout, 4, &l, ncolors);
	paint_line_free(&l);
}

int
modes_list_themes(int ncolors)
{
	struct diag d;
	struct theme *t;
	char **names, *name, *desc;
	size_t n, i;

	n = theme_list(&names);
	for (i = 0; i < n; i++) {
		diag_init(&d);
		t = theme_load(names[i], &d);
		/* In colour, stdout passes bytes as they are: the file's
		 * name and description are made safe here. */
		name = termsafe_str(names[i], 0);
		desc = termsafe_str(t != NULL && t->description ?
		    t->description : "(cannot be loaded: try --check)", 0);
		printf("%-16s %s\n", name, desc);
		free(name);
		free(desc);
		if (t != NULL)
			sample_line(t, ncolors);
		theme_free(t);
		diag_free(&d);
	}
	util_free_list(names, n);
	return 0;
}
