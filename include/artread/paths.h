/*
 * paths.h: where artread looks for its files.  Every function returns a
 * newly allocated string (the caller frees it) or NULL.
 *
 * config:	--config FILE, else $XDG_CONFIG_HOME/artread/config.ini
 *		(default ~/.config/artread/config.ini)
 * themes, rules: $XDG_CONFIG_HOME/artread/KIND/ (the user's); the
 *		checkout the binary is in (a Makefile and KIND/ beside it or
 *		up to three levels up); PREFIX/share/artread/KIND when the
 *		binary is PREFIX/bin/artread (an install, found from where
 *		the binary is, so a DESTDIR or a moved prefix works); then
 *		AR_DATADIR/KIND, compiled in from PREFIX.  Never the current
 *		directory.
 * state:	$XDG_STATE_HOME/artread/ (default ~/.local/state/artread/)
 * data:	$XDG_DATA_HOME/artread/ (default ~/.local/share/artread/)
 * cache:	$XDG_CACHE_HOME/artread/ (default ~/.cache/artread/)
 */
#ifndef ARTREAD_PATHS_H
#define ARTREAD_PATHS_H

#include <stddef.h>
#include <stdio.h>

/* $XDG_CONFIG_HOME/artread (no trailing slash). */
char *paths_config_dir(void);
/* The config file to read: override if not NULL, else the user's. */
char *paths_config_file(const char *override);
/* The user's rule file: $XDG_CONFIG_HOME/artread/rules.ini. */
char *paths_user_rules(void);
/* $XDG_STATE_HOME/artread and $XDG_DATA_HOME/artread. */
char *paths_state_dir(void);
char *paths_data_dir(void);
/* $XDG_CACHE_HOME/artread (default ~/.cache/artread): what can be made
 * again (compiled rule sets). */
char *paths_cache_dir(void);

/* mkdir -p for the directories above file (new ones mode 0700); 0 or -1
 * with errno. */
int paths_mkdir_parents(const char *file);

/*
 * The directories searched for kind ("themes" or "rules"), best first,
 * whether they exist or not.  Free with util_free_list(dirs, n).
 */
size_t paths_dirs(const char *kind, char ***dirs);
/* The first existing KIND-DIR/file, or NULL. */
char *paths_find(const char *kind, const char *file);
/* Every existing KIND-DIR/file, best first (util_free_list). */
size_t paths_find_all(const char *kind, const char *file, char ***found);

/* Print every place searched and what was found (artread --paths). */
void paths_report(FILE *out, const char *config_override);

#endif
