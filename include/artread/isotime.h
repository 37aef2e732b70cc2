/*
 * isotime.h: the one form artread writes times in, ISO 8601 / RFC 3339
 * in UTC with milliseconds ("2024-05-01T12:34:56.789Z", an xsd:dateTime
 * with its time zone), and the forms it reads and normalises to it:
 * ISO 8601 with or without seconds, fractions and an offset
 * ("2026-11-30T10:00+01:00"; none means UTC), a date alone, and RFC 2822
 * e-mail dates ("Mon, 30 Nov 2026 09:00:00 GMT").
 */
#ifndef ARTREAD_ISOTIME_H
#define ARTREAD_ISOTIME_H

#define ISOTIME_LEN	32	/* 24 characters + NUL, padded */

/* Seconds since the epoch and milliseconds, in the canonical form. */
void isotime_format(long long secs, unsigned ms, char out[ISOTIME_LEN]);
/* The current time in the canonical form. */
void isotime_now(char out[ISOTIME_LEN]);
/* Is s exactly in the canonical form (and a real date)? */
int isotime_is_canonical(const char *s);
/*
 * s in any form above, as the canonical form in out: 0; -1 if it is
 * none of them, or out of the years 0000 to 9999 (out is untouched).
 */
int isotime_normalise(const char *s, char out[ISOTIME_LEN]);

#endif
