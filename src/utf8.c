/*
 * utf8.c: the UTF-8 decoder.
 */
#include "artread/utf8.h"

#include <string.h>

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
utf8_decode_lossy(const char *s, size_t n, uint32_t *cp)
{
	size_t len = utf8_decode(s, n, cp);

	if (len == 0) {
		*cp = 0xfffd;
		len = 1;
	}
	return len;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		/* Fast path over ASCII, eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t v;

			memcpy(&v, p + i, 8);
			if (v & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if ((k = utf8_decode(s + i, n - i, NULL)) == 0)
			return 0;
		i += k;
	}
	return 1;
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
