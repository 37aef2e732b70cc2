/*
 * opts.h: the command line: which mode to run and its settings.
 * No curses here.
 */
#ifndef ARTREAD_CLI_OPTS_H
#define ARTREAD_CLI_OPTS_H

#include <stddef.h>

enum opts_mode {
	MODE_AUTO,		/* pager on a terminal, else dump */
	MODE_PAGER,
	MODE_DUMP,
	MODE_ENTITIES,
	MODE_QUOTES,
	MODE_STATS,
	MODE_EXPORT,
	MODE_IMPORT,
	MODE_ANNOTATE,
	MODE_ANNOTATE_TEXT,
	MODE_CHECK,
	MODE_PATHS,
	MODE_LIST_THEMES,
	MODE_EXTRACT,		/* web page to plain text (src/cli/extract.c) */
	/* change tracking */
	MODE_LIST_ANNOTATIONS,
	MODE_DIFF,
	MODE_FORGET,
	MODE_STORE,
	MODE_ADOPT,
	MODE_HELP,
	MODE_VERSION,
};

enum opts_color {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER,
};

struct opts {
	enum opts_mode	 mode;
	enum opts_color	 color;
	int		 width;		/* 0 = from config / window */
	int		 reflow;	/* -1 = from config */
	int		 force;
	int		 remember;	/* -1 = from config */
	const char	*config;
	const char	*theme;
	const char	*rules;
	/* export and import */
	const char	*format;
	const char	*output;
	const char	*group_by;
	int		 with_quotes;
	int		 with_entities;
	int		 bom;		/* --bom: CSV for spreadsheets */
	const char	*import_file;
	/* scripting */
	const char	*annotate;	/* START:END:TAG[:NOTE] */
	const char	*annotate_text;
	char		*tag;		/* --tag given again: "a,b" */
	char		*note;		/* --note given again: joined by \n */
	/* --extract */
	int		 json;
	long		 timeout;	/* seconds; 0 = the default */
	int		 threads;	/* -j; 0 = from config */
	/* change tracking */
	int		 diff_stat;	/* --diff --stat */
	char		**files;
	int		 nfiles;
};

/*
 * Parse argv.  Returns 0, or -1 after printing a usage error on stderr
 * (exit status 2 is the caller's).
 */
int opts_parse(int argc, char **argv, struct opts *o);
/* Free what opts_parse allocated (the tags and notes). */
void opts_free(struct opts *o);

/* The usage text (options and, when keys is non-NULL, the key list). */
void opts_usage(void *stdio_file, const char *keys);

#endif
