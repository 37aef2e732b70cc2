/*
 * rules_img.h: a rule set compiled into one flat image (rules.c reads
 * it, rules_load.c writes it).  Everything is an offset from the start
 * of the image, so an image is a file to map and use in place: the
 * default rules' image is built by make (rules/default.idx, installed
 * beside default.ini), other chains of rule files are cached under
 * $XDG_CACHE_HOME/artread/rules/.  Strings are NUL-terminated in one
 * pool (offset 0 is the empty string).  Native byte order and layout:
 * an image made elsewhere is not recognised, and compiled again.
 */
#ifndef ARTREAD_RULES_IMG_H
#define ARTREAD_RULES_IMG_H

#include <stddef.h>
#include <stdint.h>

#include "artread/strmap.h"

#define RULES_IMG_MAGIC		"ARTRULE3"
#define RULES_IMG_LISTS		32	/* room for RL__COUNT */
#define RULES_IMG_ENDIAN	0x01020304u

struct rules_img_hdr {
	char		magic[8];
	uint32_t	size;		/* of the whole image */
	uint32_t	endian;		/* RULES_IMG_ENDIAN as written */
	uint64_t	key[2];		/* the INI files' contents */
	uint64_t	where[2];	/* and the directories they are in */
	uint32_t	ninis;		/* how many INI files made it */
	uint32_t	ndeps, deps;	/* struct rules_img_dep[] */
	uint32_t	nrules, rules;	/* struct rules_img_rule[] */
	uint32_t	nqmarks, qmarks; /* struct rules_qmark[] */
	uint32_t	ngaz, gaz;	/* uint32_t[]: gazetteer paths */
	uint32_t	nslots, slots;	/* struct rules_img_slot[] (a power
					   of two), linear probing */
	uint32_t	nwords;
	uint32_t	listsize[RULES_IMG_LISTS];
	uint32_t	strings, nstrings;
};

/* A word list the image was made from: as it was then.  Paths (here and
 * for gazetteers) are relative to the first INI file's directory when
 * they are in it, so that an installed image still finds them. */
struct rules_img_dep {
	uint32_t	path;
	uint32_t	pad;
	int64_t		size;
	int64_t		mtime_s;
	int64_t		mtime_ns;
};

struct rules_img_rule {
	uint32_t	name;
	uint32_t	pattern;
	uint32_t	ini;		/* which INI file (its index) */
	uint32_t	line;
	int32_t		type;
	int32_t		priority;
	int32_t		caseless;
	int32_t		pad;
};

/* A word and the bit mask of the lists that hold it; len 0: empty. */
struct rules_img_slot {
	uint32_t	hash;
	uint32_t	key;
	uint32_t	len;
	uint32_t	lists;
};

/* The slots' hash is strmap_hash (ARTRULE3: no longer FNV-1a). */

struct diag;
struct rules;

/* PCRE2 options of a pattern rule (rules.c compiles, rules_load.c
 * checks, with the same). */
uint32_t rules_compile_options(int caseless);
/* 0 if img[0, len) is a consistent image (every offset inside it). */
int rules_image_check(const char *img, size_t len);
/*
 * The rule set in img (checked), made from the INI files inis[0, ninis)
 * (dir: the first one's directory, with its '/'; taken); the image is
 * taken too: unmapped (mapped) or freed when the rules are.
 */
struct rules *rules_from_image(void *img, size_t len, int mapped,
    const char *const *inis, size_t ninis, char *dir, struct diag *d);

#endif
