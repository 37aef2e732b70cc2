/*
 * w3c_int.h: what the two halves of the W3C codec (w3c.c writes,
 * w3c_read.c reads) share.  Not a public header.
 */
#ifndef ARTREAD_W3C_INT_H
#define ARTREAD_W3C_INT_H

#include <stdio.h>
#include <string.h>

#include "artread/util.h"

#define W3C_KEY_MAX	32	/* the longest text field's name, "_b64" */
#define W3C_FORMAT	"text/plain"

/* "KEY_b64", the exact bytes of a text field, in out (W3C_KEY_MAX). */
static inline const char *
w3c_b64_key(const char *key, char *out)
{
	snprintf(out, W3C_KEY_MAX, "%s_b64", key);
	return out;
}

/* The key under which a tag's or the note's body keeps its other
 * members: "tagging:TAG", "commenting:" (a new string). */
static inline char *
w3c_body_key(const char *purpose, const char *value)
{
	return xasprintf("%s:%s", purpose, strcmp(purpose, "tagging") == 0 ?
	    value : "");
}

#endif
