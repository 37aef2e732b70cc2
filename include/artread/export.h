/*
 * export.h: annotations (and optionally quotes and entities) to text,
 * Markdown, W3C Web Annotation JSON, brat standoff and CSV.
 */
#ifndef ARTREAD_EXPORT_H
#define ARTREAD_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "artread/analysis.h"
#include "artread/annot.h"

enum export_format {
	EXPORT_TEXT,
	EXPORT_MARKDOWN,
	EXPORT_JSON,
	EXPORT_BRAT,
	EXPORT_CSV,
};

struct export_opts {
	int		 group_by_tag;	/* text, markdown: a section per tag */
	int		 with_quotes;	/* text, markdown: needs an analysis */
	int		 with_entities;	/* text, markdown, brat: idem */
	const char	*date;		/* export date; NULL = now */
	int		 header;	/* csv: write the header line */
	const char	*article;	/* csv: several articles in one file:
					   a first column "article" */
	const char	*source;	/* json: the target source, csv: the
					   last column (the web article's
					   URL); NULL = the file:
					   URL of the article's absolute path
					   (for standard input, an ni: name
					   of its content) */
	int		 bom;		/* csv: a UTF-8 byte order mark before
					   the header, for spreadsheets */
};

/* Defaults: no grouping, no quotes or entities, date now, CSV header. */
void export_opts_init(struct export_opts *o);

/* "text", "markdown" (or "md"), "json", "brat", "csv" -> format; -1. */
int export_format_from_name(const char *name);
const char *export_format_name(enum export_format f);
/* The format a file name asks for by its extension (.md, .markdown,
 * .json, .jsonld, .ann, .csv, .txt; any case), or -1. */
int export_format_of_file(const char *path);
/*
 * What was typed where an export's format is asked for: nothing (text),
 * a format ("csv"), a format and a file ("csv /tmp/x.csv"), or a file
 * alone ("/tmp/x.md", "notes.csv", "~/x": the format by its extension,
 * else text).  0 with *fmt and *path (NULL if no file was given; a new
 * string, "~" left as typed), or -1 for an unknown format.
 */
int export_parse_request(const char *typed, int *fmt, char **path);

/*
 * Which extras a format can carry: quotes go into text and markdown,
 * entities into those and brat (its entity lines).  A format without
 * room for an extra asked of it is an error, never silence.
 */
/* s[0, n) as a brat export writes a span's or a note's text (tabs and
 * line ends as spaces, controls as the pager shows them, bad bytes as
 * U+FFFD): to free.  The brat import compares a span's text with it. */
char *export_brat_text(const char *s, size_t n);
/* Tag as a brat type (which brat allows letters, digits, '_' and '-'
 * alone: every other byte '_', "needs check" needs_check; no tag
 * "Annotation"): to free.  The brat import maps it back. */
char *export_brat_type(const char *tag);
int export_takes_quotes(enum export_format f);
int export_takes_entities(enum export_format f);

/*
 * The file an article's export goes to (X in the pager, -o DIR/):
 * story.txt -> story.txt.notes.txt, .notes.md, .annotations.json,
 * story.ann (brat wants it beside story.txt with the same stem), and
 * story.txt.annotations.csv.  A new string.
 */
char *export_file_name(const char *article_path, enum export_format f);

/*
 * Write one article's annotations to out.  article_path names the
 * article in the output (its base name is used; NULL = "stdin"),
 * bytes[0, len) is the article, an may be NULL.  0, or -1 with *cause
 * (a write error).
 */
int export_article(FILE *out, enum export_format fmt, const char *article_path,
    const char *bytes, size_t len, const struct annot_set *set,
    const struct analysis *an, const struct export_opts *opts, char **cause);
/*
 * The same, the analysis a block at a time (analysis_stream; NULL:
 * none), in memory that does not grow with the text: the quotes wait in
 * a temporary file for their count, the entities are counted by name.
 */
struct analysis_stream;
int export_article_stream(FILE *out, enum export_format fmt,
    const char *article_path, const char *bytes, size_t len,
    const struct annot_set *set, struct analysis_stream *st,
    const struct export_opts *opts, char **cause);

/*
 * Write one article's export to the file path, atomically (atomic.h: a
 * temporary file renamed over path, never written through a symbolic
 * link; a FIFO or device at path is an error).  flags: ATOMIC_NEW to
 * never replace an existing file.  0, or -1 with *cause.
 */
int export_to_path(const char *path, unsigned flags, enum export_format fmt,
    const char *article_path, const char *bytes, size_t len,
    const struct annot_set *set, const struct analysis *an,
    const struct export_opts *opts, char **cause);

/* Is there something at path (for asking before replacing it)? */
int export_target_exists(const char *path);

#endif
