/*
 * rxneed.h: strings a PCRE2 pattern's every match holds, read from the
 * pattern itself, so that text without any of them is not searched
 * (rules.c: org_suffix needs one of its company suffixes, "Ltd." or
 * "GmbH" or...).  No curses here.
 */
#ifndef ARTREAD_RXNEED_H
#define ARTREAD_RXNEED_H

#include <stddef.h>
#include <stdint.h>

#define RXNEED_MAX	64	/* strings in a set */
#define RXNEED_LEN	24	/* bytes kept of one (a prefix is needed too) */

struct rxneed {
	int		 n;		/* strings; 0: none known */
	unsigned char	 len[RXNEED_MAX];
	char		 s[RXNEED_MAX][RXNEED_LEN];
	uint16_t	 first2[RXNEED_MAX];	/* the first two bytes */
	unsigned char	 pairs[65536];	/* 1 for two bytes that start one
					 * (as a native 16-bit number) */
};

/*
 * A byte every match of pattern holds (an ASCII literal at its top level
 * that no quantifier or alternative takes away, the rarest such by a
 * guess; not a letter if caseless), or -1.
 */
int rxneed_byte(const char *pattern, int caseless);

/*
 * Fill need with strings of two bytes or more such that every match of
 * pattern (compiled with PCRE2_UTF, without PCRE2_EXTENDED) holds one
 * of them: 1, or 0 when none are known (case-insensitive patterns,
 * inline options, conditions and \Q have none).  What is read: literal
 * runs at the top level, and groups whose every branch that can match
 * needs one (a branch that ends in (*FAIL) matches nothing).
 */
int rxneed_strings(const char *pattern, int caseless, struct rxneed *need);

/*
 * A byte every match of pattern holds at its top level, *need, and in
 * before (a set of 256 bits) every byte that the pattern's part before
 * it may match (more, never fewer), need not among them: so a match
 * starts within the run of such bytes right before an occurrence of
 * need (email's: the address before its '@').  1, or 0 if none.
 */
int rxneed_run(const char *pattern, int caseless, int *need,
    uint64_t *before);

/* Does t[0, n) hold one of need's strings? */
int rxneed_holds(const struct rxneed *need, const char *t, size_t n);

#endif
