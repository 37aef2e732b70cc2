/*
 * ent_type.c: entity type names, from the ENT_TYPES table.
 */
#include "artread/ent_type.h"

#include <strings.h>

static const char *const type_names[] = {
#define ENT_NAME(e, name) name,
	ENT_TYPES(ENT_NAME)
#undef ENT_NAME
};

const char *
ent_type_name(enum ent_type t)
{
	if ((int)t < 0 || t >= ENT__COUNT)
		return "?";
	return type_names[t];
}

int
ent_type_from_name(const char *name)
{
	int i;

	for (i = 0; i < ENT__COUNT; i++) {
		if (strcasecmp(name, type_names[i]) == 0)
			return i;
	}
	return -1;
}
