/*
 * pcre2lib.c: libpcre2-8 opened when first used (pcre2lib.h).
 */
#include "artread/pcre2lib.h"

#include <stdlib.h>

#include "artread/dynlib.h"
#include "artread/util.h"

#ifndef AR_PCRE2_SONAME
#error "AR_PCRE2_SONAME (libpcre2-8's soname) comes from the Makefile"
#endif

struct pcre2lib pcre2lib;

/* (the functions' names in the library: pcre2_NAME_8) */
#define PCRE2LIB_FN(f)	{ "pcre2_" #f "_8", &pcre2lib.f },
static const struct dynlib_fn fns[] = {
	PCRE2LIB_FUNCTIONS(PCRE2LIB_FN)
};
#undef PCRE2LIB_FN

static struct dynlib lib = {
	AR_PCRE2_SONAME, fns, sizeof fns / sizeof fns[0], 0, NULL
};

int
pcre2lib_open(char **cause)
{
	return dynlib_open(&lib, cause);
}

void
pcre2lib_need(void)
{
	char *cause;

	if (pcre2lib_open(&cause) != 0)
		fatalx("%s", cause);
}
