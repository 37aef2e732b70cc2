/*
 * webmeta_int.h: what webmeta's files share (webmeta.c reads the page,
 * webmeta_names.c splits bylines, webmeta_url.c checks URLs).  Private
 * to src/web/.
 */
#ifndef ARTREAD_WEBMETA_INT_H
#define ARTREAD_WEBMETA_INT_H

#include <stddef.h>

/* The earliest of the separators seps (NULL-terminated) in p, or NULL;
 * its length in *len. */
const char *webmeta_first_sep(const char *p, const char *const *seps,
    size_t *len);

/* Does s look like a URL (http://, https://, //, www.)? */
int webmeta_looks_like_url(const char *s);

#endif
