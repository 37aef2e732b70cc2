/*
 * htmlsniff.h: is a text an HTML page, by its first bytes (for a file
 * whose name does not say so)?  In the core, without libxml2, so that the
 * CLI can tell a plain text article apart without loading the web module
 * (src/cli/webmod.c).  A page starts with a doctype, an XML declaration
 * before <html>, a comment, or a known element's tag that is followed by
 * markup, carries an attribute, is closed further on, or (not <html>,
 * <head> or <body>) has its text glued to it ("<p>Hello").  Prose that
 * only mentions tags ("<html> tags are explained below") is not a page.
 */
#ifndef ARTREAD_HTMLSNIFF_H
#define ARTREAD_HTMLSNIFF_H

#include <stddef.h>

/* How many bytes of a text are looked at. */
#define HTMLSNIFF_HEAD	1024

/* 1 if bytes (a text's first bytes, or all of it) look like HTML. */
int htmlsniff_is_html(const char *bytes, size_t len);

#endif
