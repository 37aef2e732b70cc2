/*
 * modes.h: the non-interactive modes other than --dump (listings, export,
 * import, scripted annotation, --check, --list-themes).  They are front
 * ends: they print to standard output and standard error and return an
 * exit status.  Each opens articles through the same core as the pager.
 */
#ifndef ARTREAD_CLI_MODES_H
#define ARTREAD_CLI_MODES_H

#include "cli/opts.h"

struct rules;
struct diag;
struct stats_opts;

/*
 * Load the rules: --rules FILE alone, else rules/default.ini from the
 * search path plus the user's rules.ini.  NULL (errors in d) on failure.
 */
struct rules *modes_load_rules(const char *override, struct diag *d);

/* --entities, --quotes, --stats over several articles (so: how --stats
 * draws). */
int modes_listings(const struct opts *o, char **files, int n,
    const struct rules *r, const struct stats_opts *so);
/* --export FORMAT [-o FILE|DIR/] ARTICLE... */
int modes_export(const struct opts *o, char **files, int n,
    const struct rules *r);
/* --import FORMAT FILE ARTICLE */
int modes_import(const struct opts *o, char **files, int n);
/* --annotate and --annotate-text */
int modes_annotate(const struct opts *o, char **files, int n);
/* --extract [--json] URL|FILE|-: a web page's article
 * (modes_extract.c). */
int modes_extract(const struct opts *o, char **files, int n);
/* --check: config, every theme, rules; 0 if all is well, 1 if not. */
int modes_check(const struct opts *o);
/* --list-themes: each theme with a sample in its own colours. */
int modes_list_themes(int ncolors);

/* Change tracking (modes_track.c). */
struct theme;
/* --list-annotations: START END STATE TAGS TEXT [was: OLD]. */
int modes_list_annotations(const struct opts *o, char **files, int n);
/* --diff [--stat]: 0 unchanged, 1 changed, 2 trouble.  Colours from t
 * when ncolors > 0, else [-...-] and {+...+}. */
int modes_diff(const struct opts *o, char **files, int n,
    const struct theme *t, int ncolors);
/* --forget FILE...: drop the kept versions, name the annotations that
 * lose the text they were made on. */
int modes_forget(const struct opts *o, char **files, int n);
/* --adopt FILE...: take in the annotations a renamed article left (same
 * text): 0, 1 if a FILE had none to take, 2 on trouble. */
int modes_adopt(const struct opts *o, char **files, int n);
/* --store: what is kept, and its size against the cap (bytes). */
int modes_store(const struct opts *o, size_t cap);

#endif
