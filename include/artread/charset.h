/*
 * charset.h: the character encoding of a web page, and its bytes in
 * UTF-8.  The encoding comes from a byte order mark, the HTTP header,
 * a <meta charset> or http-equiv declaration, or a look at the bytes, in
 * that order (as the WHATWG encoding rules say); labels are mapped as
 * browsers map them (iso-8859-1 and us-ascii read as windows-1252, gb2312
 * as GBK).  No curses here, and no libxml2: plain bytes in and out.
 *
 * Bytes that cannot be decoded are not lost: each becomes one code point
 * of an escape range (U+10FF00 + byte), so the HTML parser sees valid
 * UTF-8, and charset_unescape turns them back into the bytes they were.
 * The text then follows artread's rules for invalid UTF-8 (kept as
 * bytes, shown as U+FFFD).  Code points of that range in the page itself
 * are read as U+FFFD, so the escape is never ambiguous.
 */
#ifndef ARTREAD_CHARSET_H
#define ARTREAD_CHARSET_H

#include <stddef.h>

#define CHARSET_ESCAPE_BASE	0x10ff00u	/* + byte: an undecodable byte */

enum charset_source {
	CHARSET_FROM_BOM,
	CHARSET_FROM_HTTP,
	CHARSET_FROM_META,
	CHARSET_FROM_SNIFF,	/* no declaration: UTF-8 if it looks so,
				   else windows-1252 */
};

struct charset_guess {
	const char		*name;		/* iconv name, e.g. "WINDOWS-1252" */
	enum charset_source	 from;
	size_t			 bom_len;	/* bytes of BOM to skip */
};

/*
 * The encoding a label names ("latin1", "Shift_JIS", " utf-8 "), as an
 * iconv name, or NULL when the label is unknown.  len bytes of label.
 */
const char *charset_from_label(const char *label, size_t len);

/*
 * The charset parameter of a Content-Type value ("text/html;
 * charset=gb2312"): its label, into out (size outsz, NUL-terminated);
 * 0 when found, -1 when the value has none.
 */
int charset_param(const char *content_type, char *out, size_t outsz);

/* The label a page declares in a <meta> among its first bytes, or -1. */
int charset_prescan(const char *bytes, size_t len, char *out, size_t outsz);

/*
 * Decide the encoding of a page.  http_charset is the label from the
 * Content-Type header (NULL when there was none).
 */
void charset_detect(const char *bytes, size_t len, const char *http_charset,
    struct charset_guess *g);

/*
 * The page in UTF-8 (after any BOM), with undecodable bytes escaped (see
 * above) and NUL read as U+FFFD.  A new buffer of *outlen bytes,
 * NUL-terminated.
 */
char *charset_to_utf8(const char *bytes, size_t len,
    const struct charset_guess *g, size_t *outlen);

/*
 * Turn escaped bytes back into the bytes they were, in place; returns
 * the new length.
 */
size_t charset_unescape(char *s, size_t len);

#endif
