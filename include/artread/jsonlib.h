/*
 * jsonlib.h: jansson opened when first used (dynlib.h).  Nothing before
 * the first screen reads or writes JSON (the sidecar is looked for after
 * it), so libjansson need not be mapped at every start.
 *
 * src/jsonlib.c defines, for the binary, the jansson functions artread
 * and its web module call, each of them jansson.h's own declaration:
 * the first call opens libjansson and every call is handed on.  A
 * missing libjansson is fatal at that first call, with one line saying
 * so (annotations are saved as they are made: nothing is lost).  Tests
 * and tools link libjansson itself and call through the same
 * definitions.  A function artread starts to use is added there (the
 * binary does not link without it).
 */
#ifndef ARTREAD_JSONLIB_H
#define ARTREAD_JSONLIB_H

#include <jansson.h>

/* Open libjansson now if it is not open: fatal if it cannot be. */
void jsonlib_need(void);

#endif
