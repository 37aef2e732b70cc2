/*
 * utf8.h: the Unicode module.  Every question about characters is
 * answered here and nowhere else: strict UTF-8 decoding (the one decoder
 * every module uses) and encoding; general categories; case mapping and
 * folding; display widths; grapheme clusters; normalisation (NFC).
 *
 * Decoding is strict: overlong forms, surrogates, code points past
 * U+10FFFF and truncated sequences are invalid (what to show for them is
 * the caller's business).  Categories, case and cluster boundaries come
 * from utf8proc, so every script is covered; widths come from wcwidth(3),
 * the table ncurses and the terminal use (another table would misalign
 * cells), so they follow LC_CTYPE, which main() sets to a UTF-8 locale.
 * No curses here.
 */
#ifndef ARTREAD_UTF8_H
#define ARTREAD_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_ZWJ	0x200du		/* zero-width joiner */
#define UTF8_ZWJ_BYTES	"\xe2\x80\x8d"	/* ... in UTF-8 */

/* ---- decoding and encoding ---- */

/*
 * The length (1 to 4) of the valid sequence at s[0, n), with its code
 * point in *cp (which may be NULL); 0 if the byte there starts none.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The same, for callers that want a code point whatever the bytes: an
 * invalid byte is one U+FFFD of length 1.  (The ASCII case inline: the
 * recogniser and the quotes ask of every character; utf8_decode_lossy_mb
 * does the rest.) */
size_t utf8_decode_lossy_mb(const char *s, size_t n, uint32_t *cp);
static inline size_t
utf8_decode_lossy(const char *s, size_t n, uint32_t *cp)
{
	if (n > 0 && (unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return utf8_decode_lossy_mb(s, n, cp);
}
/* Where the code point (or invalid byte) that ends at s[off] starts
 * (off > 0; s[0, off) is readable). */
size_t utf8_back(const char *s, size_t off);
/* Is all of s[0, n) valid UTF-8?  (Fast over ASCII.) */
int utf8_valid(const char *s, size_t n);
/* Bytes of s[0, n) that start no valid sequence (each shown as U+FFFD):
 * a text that has some is not UTF-8, often Windows-1252 or Latin-1. */
size_t utf8_invalid_bytes(const char *s, size_t n);
/* Code points in s[0, n), each invalid byte counting as one. */
size_t utf8_count(const char *s, size_t n);
/* s[0, n) as valid UTF-8: each invalid byte and each NUL becomes U+FFFD,
 * the rest is copied exactly.  A new string; *outlen (may be NULL) gets
 * its length. */
char *utf8_lossy(const char *s, size_t n, size_t *outlen);
/* Append cp to out (at least 4 bytes); returns the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

/* ---- categories (Unicode general categories) ---- */

int utf8_is_letter(uint32_t cp);	/* L*: any letter, any script */
int utf8_is_upper_mb(uint32_t cp);	/* Lu (the answers beyond ASCII) */
int utf8_is_lower_mb(uint32_t cp);	/* Ll */
static inline int
utf8_is_upper(uint32_t cp)		/* Lu */
{
	return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : utf8_is_upper_mb(cp);
}
static inline int
utf8_is_lower(uint32_t cp)		/* Ll */
{
	return cp < 0x80 ? cp >= 'a' && cp <= 'z' : utf8_is_lower_mb(cp);
}
int utf8_is_title(uint32_t cp);		/* Lt: the digraphs ǅ, ǈ, ... */
int utf8_is_digit(uint32_t cp);		/* Nd: decimal digits, any script */
int utf8_is_punct(uint32_t cp);		/* P* */
int utf8_is_space(uint32_t cp);		/* Z*, and \t \n \v \f \r */
int utf8_is_mark(uint32_t cp);		/* M*: combining marks */
int utf8_is_format(uint32_t cp);	/* Cf: ZWJ, bidi controls, ... */
/* What words are made of: a letter, a mark or a decimal digit (ASCII
 * inline; utf8_is_word_mb answers the rest). */
int utf8_is_word_mb(uint32_t cp);
static inline int
utf8_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
		    (cp >= '0' && cp <= '9');
	return utf8_is_word_mb(cp);
}
/* Is there a word character (utf8_is_word) at byte p of s[0, n)?  0
 * past the end and inside a sequence. */
static inline int
utf8_word_at(const char *s, size_t n, size_t p)
{
	uint32_t cp;

	if (p >= n)
		return 0;
	utf8_decode_lossy(s + p, n - p, &cp);
	return utf8_is_word(cp);
}
/* Does a word character end at byte p (p > 0)? */
int utf8_word_before(const char *s, size_t p);
/* Where the run of word characters that ends at p starts, going back
 * no further than lim (p itself if none ends there). */
size_t utf8_word_back(const char *s, size_t p, size_t lim);

/* ---- case ---- */

/* Simple (one code point to one) mappings; cp itself if it has none. */
uint32_t utf8_toupper(uint32_t cp);
uint32_t utf8_tolower(uint32_t cp);
uint32_t utf8_totitle(uint32_t cp);
/* s[0, n) with full case folding (Straße and STRASSE fold alike), for
 * comparing without case.  A new string (invalid bytes and NULs become
 * U+FFFD); *outlen (may be NULL) gets its length. */
char *utf8_casefold(const char *s, size_t n, size_t *outlen);

/* s[0, n) without accents, as English writes foreign names: marks
 * removed after decomposition (Bắc Ninh is Bac Ninh, Țurcanu Turcanu)
 * and the few letters with a built-in stroke made plain (Đ, Ł, Ø, ı).
 * A new string; *outlen (may be NULL) gets its length. */
char *utf8_strip_accents(const char *s, size_t n, size_t *outlen);

/* ---- widths ---- */

/* Cells cp takes on the terminal (wcwidth): 1, 2 for wide characters, 0
 * for combining marks and joiners; -1 if it is not printable. */
int utf8_width(uint32_t cp);

/* ---- grapheme clusters (extended, UAX #29) ---- */

/*
 * Does the code point at s[0, n) continue the cluster whose last code
 * point is *prev?  Its length if so (and *prev becomes it), else 0 (a
 * boundary, an invalid byte or the end).  *state carries what emoji and
 * flag sequences need: 0 at the start of a cluster, then passed along.
 */
size_t utf8_grapheme_continues(const char *s, size_t n, uint32_t *prev,
    int32_t *state);
/* Bytes of the grapheme cluster at s[0, n) (an invalid byte is one). */
size_t utf8_grapheme_len(const char *s, size_t n);
/* Is there a cluster boundary between prev and cp whatever came before
 * prev?  (Where a backward search may start segmenting.) */
int utf8_grapheme_anchor(uint32_t prev, uint32_t cp);
/* Extended_Pictographic: an emoji that a zero-width joiner can join. */
int utf8_is_pictographic(uint32_t cp);

/* ---- normalisation (NFC) ---- */

/* Room for what utf8_nfc_cluster writes. */
#define UTF8_NFC_MAX	128

/*
 * The NFC form of the grapheme cluster s[0, n) ("e" and U+0301 make
 * "é"; U+212B makes U+00C5), written to out (UTF8_NFC_MAX bytes); its
 * length, or 0 when the cluster is in NFC already or is left as it is
 * (invalid UTF-8, over UTF8_NFC_MAX / 4 code points decomposed).  A
 * cluster of one code point without a canonical decomposition costs a
 * table look-up.  NFC does not cross cluster boundaries, so a text is
 * normalised cluster by cluster.
 */
size_t utf8_nfc_cluster(const char *s, size_t n, char *out);
/*
 * Does NFC leave cp as it is, and never join it to the code point before
 * it?  True of all below U+0300 and of most letters of most scripts
 * (й too: NFC writes it so); table look-ups, and for a letter with a
 * canonical decomposition its NFC.  A text needs utf8_nfc_cluster only
 * around the others.
 */
int utf8_nfc_stable(uint32_t cp);
/* The NFC form of s[0, n) (to free), or a copy if it is not valid. */
char *utf8_nfc(const char *s, size_t n, size_t *outlen);

#endif
