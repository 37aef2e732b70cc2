/*
 * b64.c: base64 encoding and decoding (RFC 4648, sections 4 and 5).
 */
#include "artread/b64.h"

#include <stdint.h>
#include <string.h>

#include "artread/util.h"

static const char std_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char url_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static char *
encode(const void *p, size_t n, const char *chars, int pad)
{
	const unsigned char *s = p;
	struct buf b;
	uint32_t v;
	size_t i;

	buf_init(&b);
	buf_reserve(&b, (n + 2) / 3 * 4);
	b.data[0] = '\0';
	for (i = 0; i < n; i += 3) {
		v = (uint32_t)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		buf_addc(&b, chars[v >> 18 & 63]);
		buf_addc(&b, chars[v >> 12 & 63]);
		if (i + 1 < n)
			buf_addc(&b, chars[v >> 6 & 63]);
		else if (pad)
			buf_addc(&b, '=');
		if (i + 2 < n)
			buf_addc(&b, chars[v & 63]);
		else if (pad)
			buf_addc(&b, '=');
	}
	return buf_steal(&b);
}

char *
b64_encode(const void *p, size_t n)
{
	return encode(p, n, std_chars, 1);
}

char *
b64_encode_url(const void *p, size_t n)
{
	return encode(p, n, url_chars, 0);
}

char *
b64_decode(const char *s, size_t slen, size_t *outlen)
{
	struct buf b;
	const char *c;
	uint32_t v = 0;
	size_t i, bits = 0, pad = 0;

	if (slen % 4 != 0)
		return NULL;
	buf_init(&b);
	buf_reserve(&b, slen / 4 * 3);
	b.data[0] = '\0';
	for (i = 0; i < slen; i++) {
		if (s[i] == '=' && i >= slen - 2) {
			pad++;
			continue;
		}
		if (pad > 0 || s[i] == '\0' ||
		    (c = strchr(std_chars, s[i])) == NULL) {
			buf_free(&b);
			return NULL;
		}
		v = v << 6 | (uint32_t)(c - std_chars);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addc(&b, (char)(v >> bits & 0xff));
		}
	}
	*outlen = b.len;
	return buf_steal(&b);
}
