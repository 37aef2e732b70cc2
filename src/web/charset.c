/*
 * charset.c: which encoding a web page is in, and its text in UTF-8
 * (see charset.h).  Labels follow the WHATWG Encoding Standard's table
 * for the encodings news sites use; decoding is iconv's (glibc), except
 * UTF-8, which is checked here with artread's strict decoder.
 */
#include "artread/charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "artread/utf8.h"
#include "artread/util.h"

/* How far into a page a <meta> declaring the charset is looked for. */
#define PRESCAN_BYTES	4096

struct label {
	const char	*label;
	const char	*name;
};

/* WHATWG labels (lower case) and the iconv name that decodes them. */
static const struct label labels[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "unicode-1-1-utf-8", "UTF-8" }, { "unicode11utf8", "UTF-8" },
	{ "unicode20utf8", "UTF-8" }, { "x-unicode20utf8", "UTF-8" },
	{ "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
	{ "x-cp1252", "WINDOWS-1252" }, { "iso-8859-1", "WINDOWS-1252" },
	{ "iso8859-1", "WINDOWS-1252" }, { "iso88591", "WINDOWS-1252" },
	{ "iso_8859-1", "WINDOWS-1252" }, { "iso_8859-1:1987", "WINDOWS-1252" },
	{ "iso-ir-100", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
	{ "l1", "WINDOWS-1252" }, { "csisolatin1", "WINDOWS-1252" },
	{ "ibm819", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
	{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "ansi_x3.4-1968", "WINDOWS-1252" },
	{ "iso-8859-2", "ISO-8859-2" }, { "iso8859-2", "ISO-8859-2" },
	{ "iso_8859-2", "ISO-8859-2" }, { "latin2", "ISO-8859-2" },
	{ "l2", "ISO-8859-2" }, { "csisolatin2", "ISO-8859-2" },
	{ "iso-8859-3", "ISO-8859-3" }, { "latin3", "ISO-8859-3" },
	{ "iso-8859-4", "ISO-8859-4" }, { "latin4", "ISO-8859-4" },
	{ "iso-8859-5", "ISO-8859-5" }, { "cyrillic", "ISO-8859-5" },
	{ "iso-8859-6", "ISO-8859-6" }, { "arabic", "ISO-8859-6" },
	{ "iso-8859-7", "ISO-8859-7" }, { "greek", "ISO-8859-7" },
	{ "iso-8859-8", "ISO-8859-8" }, { "hebrew", "ISO-8859-8" },
	{ "iso-8859-8-i", "ISO-8859-8" },
	{ "iso-8859-10", "ISO-8859-10" }, { "latin6", "ISO-8859-10" },
	{ "iso-8859-13", "ISO-8859-13" }, { "iso-8859-14", "ISO-8859-14" },
	{ "iso-8859-15", "ISO-8859-15" }, { "iso8859-15", "ISO-8859-15" },
	{ "iso_8859-15", "ISO-8859-15" }, { "latin9", "ISO-8859-15" },
	{ "l9", "ISO-8859-15" }, { "csisolatin9", "ISO-8859-15" },
	{ "iso-8859-16", "ISO-8859-16" },
	{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
	{ "l5", "WINDOWS-1254" }, { "windows-1254", "WINDOWS-1254" },
	{ "iso-8859-11", "CP874" }, { "windows-874", "CP874" },
	{ "tis-620", "CP874" },
	{ "windows-1250", "WINDOWS-1250" }, { "cp1250", "WINDOWS-1250" },
	{ "windows-1251", "WINDOWS-1251" }, { "cp1251", "WINDOWS-1251" },
	{ "windows-1253", "WINDOWS-1253" }, { "cp1253", "WINDOWS-1253" },
	{ "windows-1255", "WINDOWS-1255" }, { "windows-1256", "WINDOWS-1256" },
	{ "windows-1257", "WINDOWS-1257" }, { "windows-1258", "WINDOWS-1258" },
	{ "koi8-r", "KOI8-R" }, { "koi8_r", "KOI8-R" }, { "koi8", "KOI8-R" },
	{ "cskoi8r", "KOI8-R" }, { "koi8-u", "KOI8-U" },
	{ "koi8-ru", "KOI8-U" },
	{ "macintosh", "MACINTOSH" }, { "mac", "MACINTOSH" },
	{ "x-mac-roman", "MACINTOSH" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" },
	{ "sjis", "CP932" }, { "x-sjis", "CP932" }, { "ms_kanji", "CP932" },
	{ "ms932", "CP932" }, { "windows-31j", "CP932" },
	{ "csshiftjis", "CP932" },
	{ "euc-jp", "EUC-JP" }, { "x-euc-jp", "EUC-JP" },
	{ "iso-2022-jp", "ISO-2022-JP" }, { "csiso2022jp", "ISO-2022-JP" },
	{ "gbk", "GB18030" }, { "gb2312", "GB18030" }, { "x-gbk", "GB18030" },
	{ "gb_2312", "GB18030" }, { "gb_2312-80", "GB18030" },
	{ "chinese", "GB18030" }, { "csgb2312", "GB18030" },
	{ "iso-ir-58", "GB18030" }, { "gb18030", "GB18030" },
	{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" },
	{ "cn-big5", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
	{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
	{ "ksc5601", "CP949" }, { "korean", "CP949" },
	{ "windows-949", "CP949" }, { "cseuckr", "CP949" },
	{ "utf-16", "UTF-16LE" }, { "utf-16le", "UTF-16LE" },
	{ "unicode", "UTF-16LE" }, { "ucs-2", "UTF-16LE" },
	{ "utf-16be", "UTF-16BE" },
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

const char *
charset_from_label(const char *label, size_t len)
{
	char low[32];
	size_t i, n = 0;

	while (len > 0 && is_space(*label)) {
		label++;
		len--;
	}
	while (len > 0 && is_space(label[len - 1]))
		len--;
	if (len == 0 || len >= sizeof low)
		return NULL;
	for (i = 0; i < len; i++) {
		char c = label[i];

		low[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	low[n] = '\0';
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].label, low) == 0)
			return labels[i].name;
	return NULL;
}

/* Copy the value after "charset" (= optional spaces, quotes) in s. */
static int
charset_value(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i = 0, k = 0;
	char quote = 0;

	while (i < n && is_space(s[i]))
		i++;
	if (i >= n || s[i] != '=')
		return -1;
	i++;
	while (i < n && is_space(s[i]))
		i++;
	if (i < n && (s[i] == '"' || s[i] == '\'')) {
		quote = s[i];
		i++;
	}
	while (i < n && s[i] != quote && s[i] != ';' && !is_space(s[i]) &&
	    (quote || (s[i] != '"' && s[i] != '\'')) && k + 1 < outsz)
		out[k++] = s[i++];
	out[k] = '\0';
	return k > 0 ? 0 : -1;
}

/* Find "charset" in a Content-Type-like value and take its value. */
static int
find_charset(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; i + 7 <= n; i++)
		if (strncasecmp(s + i, "charset", 7) == 0 &&
		    charset_value(s + i + 7, n - i - 7, out, outsz) == 0)
			return 0;
	return -1;
}

int
charset_param(const char *content_type, char *out, size_t outsz)
{
	if (content_type == NULL)
		return -1;
	return find_charset(content_type, strlen(content_type), out, outsz);
}

/* ---- the <meta> prescan ---------------------------------------------- */

struct attr {
	const char	*name, *value;
	size_t		 nlen, vlen;
};

/* Read one attribute of a tag at s[*i]; 0 at the end of the tag. */
static int
next_attr(const char *s, size_t n, size_t *i, struct attr *a)
{
	size_t p = *i;
	char q;

	while (p < n && (is_space(s[p]) || s[p] == '/'))
		p++;
	if (p >= n || s[p] == '>')
		return 0;
	a->name = s + p;
	while (p < n && !is_space(s[p]) && s[p] != '=' && s[p] != '>' &&
	    s[p] != '/')
		p++;
	a->nlen = (size_t)(s + p - a->name);
	a->value = s + p;
	a->vlen = 0;
	while (p < n && is_space(s[p]))
		p++;
	if (p < n && s[p] == '=') {
		p++;
		while (p < n && is_space(s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			q = s[p++];
			a->value = s + p;
			while (p < n && s[p] != q)
				p++;
			a->vlen = (size_t)(s + p - a->value);
			if (p < n)
				p++;
		} else {
			a->value = s + p;
			while (p < n && !is_space(s[p]) && s[p] != '>')
				p++;
			a->vlen = (size_t)(s + p - a->value);
		}
	}
	*i = p;
	return 1;
}

static int
attr_is(const struct attr *a, const char *name)
{
	return a->nlen == strlen(name) && strncasecmp(a->name, name, a->nlen) == 0;
}

/* The charset a <meta> tag at s[i] (after "<meta") declares. */
static int
meta_charset(const char *s, size_t n, size_t i, char *out, size_t outsz)
{
	struct attr a;
	int http_equiv = 0, have_content = 0;
	char from_content[64];

	while (next_attr(s, n, &i, &a)) {
		if (attr_is(&a, "charset") && a.vlen > 0) {
			size_t k = a.vlen < outsz - 1 ? a.vlen : outsz - 1;

			memcpy(out, a.value, k);
			out[k] = '\0';
			return 0;
		}
		if (attr_is(&a, "http-equiv") && a.vlen == 12 &&
		    strncasecmp(a.value, "content-type", 12) == 0)
			http_equiv = 1;
		if (attr_is(&a, "content") && find_charset(a.value, a.vlen,
		    from_content, sizeof from_content) == 0)
			have_content = 1;
	}
	if (http_equiv && have_content) {
		snprintf(out, outsz, "%s", from_content);
		return 0;
	}
	return -1;
}

int
charset_prescan(const char *bytes, size_t len, char *out, size_t outsz)
{
	size_t n = len < PRESCAN_BYTES ? len : PRESCAN_BYTES, i;
	const char *end;

	for (i = 0; i + 5 < n; i++) {
		if (bytes[i] != '<')
			continue;
		if (strncmp(bytes + i, "<!--", 4) == 0) {
			end = memmem(bytes + i + 4, n - i - 4, "-->", 3);
			if (end == NULL)
				return -1;
			i = (size_t)(end - bytes) + 2;
			continue;
		}
		if (strncasecmp(bytes + i + 1, "meta", 4) == 0 &&
		    (is_space(bytes[i + 5]) || bytes[i + 5] == '/') &&
		    meta_charset(bytes, n, i + 5, out, outsz) == 0)
			return 0;
	}
	return -1;
}

/* ---- deciding --------------------------------------------------------- */

/* Valid UTF-8 all through, or nearly (a few bad bytes among many good
 * multi-byte characters: a UTF-8 page with some damage). */
static int
looks_utf8(const char *s, size_t n)
{
	size_t i = 0, good = 0, bad = 0, k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, NULL);
		if (k == 0) {
			bad++;
			i++;
		} else {
			good++;
			i += k;
		}
	}
	return bad == 0 || good > 4 * bad;
}

void
charset_detect(const char *bytes, size_t len, const char *http_charset,
    struct charset_guess *g)
{
	const unsigned char *u = (const unsigned char *)bytes;
	const char *name;
	char label[64];

	g->bom_len = 0;
	g->from = CHARSET_FROM_BOM;
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		g->name = "UTF-8";
		g->bom_len = 3;
		return;
	}
	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) {
		g->name = u[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
		g->bom_len = 2;
		return;
	}
	if (http_charset != NULL &&
	    (name = charset_from_label(http_charset, strlen(http_charset)))) {
		g->name = name;
		g->from = CHARSET_FROM_HTTP;
		return;
	}
	if (charset_prescan(bytes, len, label, sizeof label) == 0 &&
	    (name = charset_from_label(label, strlen(label)))) {
		/* A page cannot declare UTF-16 in ASCII: read it as UTF-8. */
		g->name = strncmp(name, "UTF-16", 6) == 0 ? "UTF-8" : name;
		g->from = CHARSET_FROM_META;
		return;
	}
	g->from = CHARSET_FROM_SNIFF;
	g->name = looks_utf8(bytes, len) ? "UTF-8" : "WINDOWS-1252";
}

/* ---- decoding --------------------------------------------------------- */

/* An undecodable byte; a NUL is read as U+FFFD, never kept. */
static void
add_escape(struct buf *b, unsigned char byte)
{
	char enc[4];

	if (byte == 0)
		buf_adds(b, "\xef\xbf\xbd");
	else
		buf_add(b, enc, utf8_encode(CHARSET_ESCAPE_BASE + byte, enc));
}

static int
in_escape_range(uint32_t cp)
{
	return cp >= CHARSET_ESCAPE_BASE && cp <= CHARSET_ESCAPE_BASE + 0xff;
}

/* Append UTF-8 text, checking it: invalid bytes escaped, NUL and code
 * points of the escape range read as U+FFFD. */
static void
add_checked_utf8(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, run, k;
	uint32_t cp;

	while (i < n) {
		run = i;
		while (run < n && (unsigned char)s[run] < 0x80 && s[run] != '\0')
			run++;
		buf_add(b, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			add_escape(b, (unsigned char)s[i]);
			i++;
		} else if (cp == 0 || in_escape_range(cp)) {
			buf_adds(b, "\xef\xbf\xbd");
			i += k;
		} else {
			buf_add(b, s + i, k);
			i += k;
		}
	}
}

/* Decode with iconv; each byte it cannot decode is escaped. */
static int
add_iconv(struct buf *b, const char *s, size_t n, const char *name)
{
	iconv_t cd = iconv_open("UTF-8", name);
	char out[8192], *in = (char *)s, *o;
	size_t inleft = n, oleft, r;

	if (cd == (iconv_t)-1)
		return -1;
	while (inleft > 0) {
		o = out;
		oleft = sizeof out;
		r = iconv(cd, &in, &inleft, &o, &oleft);
		/* iconv's output is valid UTF-8; this only reads NUL and the
		 * escape range as U+FFFD. */
		add_checked_utf8(b, out, sizeof out - oleft);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (a truncated sequence at the end). */
		add_escape(b, (unsigned char)*in);
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	o = out;
	oleft = sizeof out;
	iconv(cd, NULL, NULL, &o, &oleft);
	add_checked_utf8(b, out, sizeof out - oleft);
	iconv_close(cd);
	return 0;
}

char *
charset_to_utf8(const char *bytes, size_t len, const struct charset_guess *g,
    size_t *outlen)
{
	struct buf b;
	size_t skip = g->bom_len <= len ? g->bom_len : len;

	buf_init(&b);
	buf_reserve(&b, len - skip + 16);
	if (strcmp(g->name, "UTF-8") != 0 &&
	    add_iconv(&b, bytes + skip, len - skip, g->name) == 0) {
		*outlen = b.len;
		return buf_steal(&b);
	}
	buf_reset(&b);
	add_checked_utf8(&b, bytes + skip, len - skip);
	*outlen = b.len;
	return buf_steal(&b);
}

size_t
charset_unescape(char *s, size_t len)
{
	size_t i = 0, o = 0;
	const unsigned char *u = (const unsigned char *)s;

	while (i < len) {
		/* U+10FF00..U+10FFFF is F4 8F BC..BF 80..BF. */
		if (u[i] == 0xf4 && i + 3 < len && u[i + 1] == 0x8f &&
		    u[i + 2] >= 0xbc && u[i + 2] <= 0xbf &&
		    (u[i + 3] & 0xc0) == 0x80) {
			s[o++] = (char)(((u[i + 2] & 0x03) << 6) |
			    (u[i + 3] & 0x3f));
			i += 4;
		} else
			s[o++] = s[i++];
	}
	if (o < len)
		s[o] = '\0';
	return o;
}
