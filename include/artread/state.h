/*
 * state.h: remembered reading positions, one line per article in
 * $XDG_STATE_HOME/artread/positions ("OFFSET<TAB>SIZE<TAB>PATH"), written
 * atomically.  No curses here.
 */
#ifndef ARTREAD_STATE_H
#define ARTREAD_STATE_H

#include <stddef.h>

/* The remembered offset for the article at path (real path), or 0 if
 * none or if the article's size changed. */
int state_get_position(const char *path, size_t size, size_t *offset);
/* Remember it; 0 or -1 (silently: losing a position loses no work). */
int state_set_position(const char *path, size_t size, size_t offset);

#endif
