/*
 * utf8.c: the Unicode module: the strict UTF-8 decoder and encoder, and
 * the character questions (categories, case, widths, grapheme clusters)
 * asked of utf8proc and wcwidth(3).
 */
#include "artread/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "artread/util.h"

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		if (cp != NULL)
			*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2; c = p[0] & 0x1f; min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3; c = p[0] & 0x0f; min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4; c = p[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	if (cp != NULL)
		*cp = c;
	return len;
}

size_t
utf8_decode_lossy_mb(const char *s, size_t n, uint32_t *cp)
{
	size_t len = utf8_decode(s, n, cp);

	if (len == 0) {
		*cp = 0xfffd;
		len = 1;
	}
	return len;
}

size_t
utf8_back(const char *s, size_t off)
{
	size_t k;

	/* A sequence of two or more bytes ends in a continuation byte: so
	 * before any other byte (ASCII, nearly always) it is one byte. */
	if (off > 0 && ((unsigned char)s[off - 1] & 0xc0) != 0x80)
		return off - 1;
	for (k = 2; k <= 4 && k <= off; k++)
		if (utf8_decode(s + off - k, k, NULL) == k)
			return off - k;
	return off - 1;
}

/* The first byte from i on that is not ASCII, or one of the last seven
 * (eight bytes at a time: the first screen's check of a big file). */
static size_t
skip_ascii(const unsigned char *p, size_t i, size_t n)
{
	uint64_t v;

	while (i + 8 <= n) {
		memcpy(&v, p + i, 8);
		if (v & 0x8080808080808080ull)
			break;
		i += 8;
	}
	return i;
}

int
utf8_valid(const char *s, size_t n)
{
	size_t i = 0, k;

	while ((i = skip_ascii((const unsigned char *)s, i, n)) < n) {
		if ((k = utf8_decode(s + i, n - i, NULL)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

size_t
utf8_invalid_bytes(const char *s, size_t n)
{
	size_t i = 0, bad = 0, k;

	while ((i = skip_ascii((const unsigned char *)s, i, n)) < n) {
		if ((k = utf8_decode(s + i, n - i, NULL)) == 0) {
			bad++;
			k = 1;
		}
		i += k;
	}
	return bad;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i = 0, count = 0, k;

	while (i < n) {
		k = utf8_decode(s + i, n - i, NULL);
		i += k == 0 ? 1 : k;
		count++;
	}
	return count;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

char *
utf8_lossy(const char *s, size_t n, size_t *outlen)
{
	struct buf b;
	size_t i = 0, k;

	buf_init(&b);
	while (i < n) {
		k = utf8_decode(s + i, n - i, NULL);
		if (k == 0 || s[i] == '\0') {
			buf_adds(&b, "\xef\xbf\xbd");
			i++;
		} else {
			buf_add(&b, s + i, k);
			i += k;
		}
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_steal(&b);
}

/* ---- categories ---- */

/* Is cp's general category one of first..last (utf8proc's order)? */
static int
category_in(uint32_t cp, utf8proc_category_t first, utf8proc_category_t last)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c >= first && c <= last;
}

/* ASCII answers without a table lookup: most text is ASCII. */
int
utf8_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return category_in(cp, UTF8PROC_CATEGORY_LU, UTF8PROC_CATEGORY_LO);
}

int
utf8_is_upper_mb(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return category_in(cp, UTF8PROC_CATEGORY_LU, UTF8PROC_CATEGORY_LU);
}

int
utf8_is_lower_mb(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return category_in(cp, UTF8PROC_CATEGORY_LL, UTF8PROC_CATEGORY_LL);
}

int
utf8_is_title(uint32_t cp)
{
	if (cp < 0x80)
		return 0;
	return category_in(cp, UTF8PROC_CATEGORY_LT, UTF8PROC_CATEGORY_LT);
}

int
utf8_is_digit(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return category_in(cp, UTF8PROC_CATEGORY_ND, UTF8PROC_CATEGORY_ND);
}

int
utf8_is_punct(uint32_t cp)
{
	return category_in(cp, UTF8PROC_CATEGORY_PC, UTF8PROC_CATEGORY_PO);
}

int
utf8_is_space(uint32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
		return 1;
	return category_in(cp, UTF8PROC_CATEGORY_ZS, UTF8PROC_CATEGORY_ZP);
}

int
utf8_is_mark(uint32_t cp)
{
	return category_in(cp, UTF8PROC_CATEGORY_MN, UTF8PROC_CATEGORY_ME);
}

int
utf8_is_format(uint32_t cp)
{
	return category_in(cp, UTF8PROC_CATEGORY_CF, UTF8PROC_CATEGORY_CF);
}

int
utf8_is_word_mb(uint32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
		    (cp >= '0' && cp <= '9');
	return utf8_is_letter(cp) || utf8_is_mark(cp) || utf8_is_digit(cp);
}

int
utf8_word_before(const char *s, size_t p)
{
	size_t q = utf8_back(s, p);

	return utf8_word_at(s, p, q);
}

size_t
utf8_word_back(const char *s, size_t p, size_t lim)
{
	while (p > lim && utf8_word_before(s, p))
		p = utf8_back(s, p);
	return p < lim ? lim : p;
}

/* ---- case ---- */

uint32_t
utf8_toupper(uint32_t cp)
{
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

uint32_t
utf8_tolower(uint32_t cp)
{
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t
utf8_totitle(uint32_t cp)
{
	return (uint32_t)utf8proc_totitle((utf8proc_int32_t)cp);
}

char *
utf8_casefold(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len;
	size_t vlen;
	char *valid, *out;

	/* utf8proc takes valid UTF-8 only; NUL would end a C string. */
	valid = utf8_lossy(s, n, &vlen);
	len = utf8proc_map((const utf8proc_uint8_t *)valid,
	    (utf8proc_ssize_t)vlen, &folded, UTF8PROC_CASEFOLD);
	free(valid);
	if (len < 0)
		fatalx("case folding: %s", utf8proc_errmsg(len));
	out = xstrndup((const char *)folded, (size_t)len);
	free(folded);
	if (outlen != NULL)
		*outlen = (size_t)len;
	return out;
}

/*
 * Letters that carry their accent inside (no decomposition), written
 * without it as English news does: Đà Nẵng is Da Nang, Łódź Lodz.
 */
static uint32_t
plain_letter(uint32_t cp)
{
	static const uint32_t map[][2] = {
		{ 0x0110, 'D' }, { 0x0111, 'd' }, { 0x0141, 'L' },
		{ 0x0142, 'l' }, { 0x00d8, 'O' }, { 0x00f8, 'o' },
		{ 0x0130, 'I' }, { 0x0131, 'i' }, { 0x0126, 'H' },
		{ 0x0127, 'h' }, { 0x0166, 'T' }, { 0x0167, 't' },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (map[i][0] == cp)
			return map[i][1];
	}
	return cp;
}

char *
utf8_strip_accents(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t *bare = NULL;
	utf8proc_ssize_t len;
	size_t vlen, p, k;
	uint32_t cp;
	char *valid, *out;

	valid = utf8_lossy(s, n, &vlen);
	len = utf8proc_map((const utf8proc_uint8_t *)valid,
	    (utf8proc_ssize_t)vlen, &bare, UTF8PROC_COMPOSE |
	    UTF8PROC_STRIPMARK);
	free(valid);
	if (len < 0)
		fatalx("stripping accents: %s", utf8proc_errmsg(len));
	out = xmalloc((size_t)len + 1);
	for (p = k = 0; p < (size_t)len;) {
		p += utf8_decode_lossy((const char *)bare + p, (size_t)len - p,
		    &cp);
		k += utf8_encode(plain_letter(cp), out + k);
	}
	out[k] = '\0';
	free(bare);
	if (outlen != NULL)
		*outlen = k;
	return out;
}

/* ---- widths ---- */

int
utf8_width(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7f ? 1 : -1;
	return wcwidth((wchar_t)cp);
}

/* ---- grapheme clusters ---- */

static int
boundclass(uint32_t cp)
{
	return utf8proc_get_property((utf8proc_int32_t)cp)->boundclass;
}

size_t
utf8_grapheme_continues(const char *s, size_t n, uint32_t *prev,
    int32_t *state)
{
	uint32_t cp;
	size_t k;

	/* Nothing joins an ASCII character but LF after CR. */
	if (n == 0 || ((unsigned char)s[0] < 0x80 &&
	    !(s[0] == '\n' && *prev == '\r')))
		return 0;
	if ((k = utf8_decode(s, n, &cp)) == 0)
		return 0;
	if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)*prev,
	    (utf8proc_int32_t)cp, state))
		return 0;
	*prev = cp;
	return k;
}

size_t
utf8_grapheme_len(const char *s, size_t n)
{
	uint32_t prev;
	int32_t state = 0;
	size_t len, k;

	if (n == 0)
		return 0;
	if ((len = utf8_decode(s, n, &prev)) == 0)
		return 1;
	while ((k = utf8_grapheme_continues(s + len, n - len, &prev,
	    &state)) != 0)
		len += k;
	return len;
}

int
utf8_grapheme_anchor(uint32_t prev, uint32_t cp)
{
	/* The rules that look back past prev -- emoji ZWJ sequences,
	 * flags, Indic conjuncts -- all need prev to be one of these. */
	switch (boundclass(prev)) {
	case UTF8PROC_BOUNDCLASS_EXTEND:
	case UTF8PROC_BOUNDCLASS_ZWJ:
	case UTF8PROC_BOUNDCLASS_E_ZWG:
	case UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR:
		return 0;
	default:
		return utf8proc_grapheme_break((utf8proc_int32_t)prev,
		    (utf8proc_int32_t)cp);
	}
}

int
utf8_is_pictographic(uint32_t cp)
{
	switch (boundclass(cp)) {
	case UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC:
	case UTF8PROC_BOUNDCLASS_E_BASE:		/* older utf8proc */
	case UTF8PROC_BOUNDCLASS_E_BASE_GAZ:
	case UTF8PROC_BOUNDCLASS_GLUE_AFTER_ZWJ:
		return 1;
	default:
		return 0;
	}
}

/* ---- normalisation ---- */

#define NFC_OPTIONS	(UTF8PROC_STABLE | UTF8PROC_COMPOSE)
#define NFC_CPS		(UTF8_NFC_MAX / 4)	/* code points in a cluster */

/* Is cp, alone, its own NFC?  (Not U+212B, U+0958, ...) */
static int
nfc_of_itself(uint32_t cp)
{
	char s[4], out[UTF8_NFC_MAX];

	return utf8_nfc_cluster(s, utf8_encode(cp, s), out) == 0;
}

int
utf8_nfc_stable(uint32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x300)
		return 1;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	if (p->combining_class != 0)
		return 0;	/* a mark: it may join or move */
	switch (p->boundclass) {
	case UTF8PROC_BOUNDCLASS_EXTEND:	/* U+0B3E after U+0B47: U+0B4B */
	case UTF8PROC_BOUNDCLASS_SPACINGMARK:
	case UTF8PROC_BOUNDCLASS_V:		/* Hangul vowel and final jamo */
	case UTF8PROC_BOUNDCLASS_T:
		return 0;
	}
	/* й stays й; a singleton or an excluded letter does not */
	return p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0 ||
	    nfc_of_itself(cp);
}

/* Can NFC change this cluster?  Not if it is one code point that has no
 * canonical decomposition (most clusters of most scripts: a table
 * look-up), or one below U+0300 (Latin-1 and Latin Extended). */
static int
nfc_may_change(const char *s, size_t n)
{
	const utf8proc_property_t *p;
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp);

	if (k == 0)
		return 0;		/* invalid: left alone */
	if (k < n)
		return 1;		/* a base and its marks, a sequence */
	if (cp < 0x300)
		return 0;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

size_t
utf8_nfc_cluster(const char *s, size_t n, char *out)
{
	utf8proc_int32_t cps[NFC_CPS];
	utf8proc_ssize_t k, i;
	size_t len = 0;

	if (!nfc_may_change(s, n))
		return 0;
	k = utf8proc_decompose((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, cps, NFC_CPS, NFC_OPTIONS);
	if (k < 0 || k > NFC_CPS)
		return 0;		/* invalid, or too long a cluster */
	if ((k = utf8proc_normalize_utf32(cps, k, NFC_OPTIONS)) < 0)
		return 0;
	for (i = 0; i < k; i++)
		len += utf8_encode((uint32_t)cps[i], out + len);
	return len == n && memcmp(out, s, n) == 0 ? 0 : len;
}

char *
utf8_nfc(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t len;
	char *out;

	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &nfc, NFC_OPTIONS);
	if (len < 0) {		/* not valid UTF-8: as it is */
		*outlen = n;
		return xstrndup(s, n);
	}
	out = xstrndup((const char *)nfc, (size_t)len);
	free(nfc);
	*outlen = (size_t)len;
	return out;
}
