/*
 * state.h: what artread remembers between runs, in $XDG_STATE_HOME/artread
 * (never in the user's config): reading positions, one line per article
 * in positions ("OFFSET<TAB>SIZE<TAB>PATH"; for a web article, its URL
 * in place of PATH), and the theme last chosen with T, in theme.
 * Written atomically.  No curses here.
 */
#ifndef ARTREAD_STATE_H
#define ARTREAD_STATE_H

#include <stddef.h>

/* The remembered offset for the article at path (real path), or 0 if
 * none or if the article's size changed. */
int state_get_position(const char *path, size_t size, size_t *offset);
/* The remembered offset and the article's size then, whatever it is now
 * (for track_follow_offset, when the article changed); 0 if none. */
int state_position(const char *path, size_t *offset, size_t *size);
/* Remember it; 0 or -1 (silently: losing a position loses no work). */
int state_set_position(const char *path, size_t size, size_t offset);

/*
 * The theme chosen last with T (free it), or NULL if none (or the file
 * holds no plain name).  It wins over config.ini's theme; --theme wins
 * over it.
 */
char *state_get_theme(void);
/* Remember it; 0 or -1 (silently: losing it loses no work). */
int state_set_theme(const char *name);

#endif
