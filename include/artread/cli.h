/*
 * cli.h: the non-interactive modes (--dump and friends), which use the
 * same core as the pager and are its test surface.  No curses here.
 */
#ifndef ARTREAD_CLI_H
#define ARTREAD_CLI_H

#include <stdio.h>

#include "artread/analysis.h"
#include "artread/doc.h"
#include "artread/style.h"

/* Left margin and text width for a window of cols columns. */
void cli_geometry(int cols, int want_width, int *margin, int *text_width);

/*
 * Print the document laid out as the pager shows it.  ncolors as for
 * ansi_write_line (0: plain text).  a may be NULL.
 */
void cli_dump(FILE *out, const struct doc *d, const struct analysis *a,
    unsigned layers, const struct style *el, int cols, int width,
    int reflow, int ncolors);

/* ---- the other non-interactive modes (each returns an exit status) ---- */

#include "artread/opts.h"

struct rules;
struct diag;
struct theme;

/*
 * Load the rules: --rules FILE alone, else rules/default.ini from the
 * search path plus the user's rules.ini.  NULL (errors in d) on failure.
 */
struct rules *cli_load_rules(const char *override, struct diag *d);

/* --entities, --quotes, --stats over several articles. */
int cli_listings(const struct opts *o, char **files, int n,
    const struct rules *r);
/* --export FORMAT [-o FILE|DIR/] ARTICLE... */
int cli_export(const struct opts *o, char **files, int n,
    const struct rules *r);
/* --import FORMAT FILE ARTICLE */
int cli_import(const struct opts *o, char **files, int n);
/* --annotate and --annotate-text */
int cli_annotate(const struct opts *o, char **files, int n);
/* --check: config, every theme, rules; 0 if all is well, 1 if not. */
int cli_check(const struct opts *o);
/* --list-themes: each theme with a sample in its own colours. */
int cli_list_themes(int ncolors);
/* --extract [--json] URL|FILE|-: a web page's article (src/cli/extract.c). */
int cli_extract(const struct opts *o, char **files, int n);

#endif
