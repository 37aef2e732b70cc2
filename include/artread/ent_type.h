/*
 * ent_type.h: the entity types (PERSON, ORG, ...) and their names.  A
 * leaf: the rules (which name a type in a pattern rule), the recogniser,
 * the listings and the exports all use it, and it uses nothing.
 */
#ifndef ARTREAD_ENT_TYPE_H
#define ARTREAD_ENT_TYPE_H

/* Entity types, in listing order: X(ENUM_SUFFIX, "LISTING NAME"). */
#define ENT_TYPES(X)							\
	X(PERSON, "PERSON") X(ORG, "ORG") X(PLACE, "PLACE")		\
	X(DATE, "DATE") X(TIME, "TIME") X(MONEY, "MONEY")		\
	X(PERCENT, "PERCENT") X(EMAIL, "EMAIL") X(URL, "URL")		\
	X(HANDLE, "HANDLE") X(HASHTAG, "HASHTAG")

enum ent_type {
#define ENT_ENUM(e, name) ENT_##e,
	ENT_TYPES(ENT_ENUM)
#undef ENT_ENUM
	ENT__COUNT
};

/* "PERSON", ... ("?" if t is out of range); and back, ignoring case
 * (-1 if unknown). */
const char *ent_type_name(enum ent_type t);
int ent_type_from_name(const char *name);

#endif
