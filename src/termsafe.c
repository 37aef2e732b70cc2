/*
 * termsafe.c: text made safe for a terminal (see termsafe.h), and a
 * stdio stream that does it on the way to a descriptor.  The visible
 * forms are the pager's (layout.c): ^X for an ASCII control, <U+XXXX>
 * for what layout shows by code point, U+FFFD for a byte that is not
 * UTF-8.  A joiner is kept inside an emoji sequence, as layout keeps it.
 */
#include "artread/termsafe.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/layout.h"
#include "artread/utf8.h"

#define REPLACEMENT	"\xef\xbf\xbd"		/* U+FFFD */

void
termsafe_init(struct termsafe *ts, unsigned flags)
{
	memset(ts, 0, sizeof *ts);
	ts->flags = flags;
}

/* Could s[0, n) be the start of a valid sequence cut short? */
static int
incomplete(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t need, i;

	if (c >= 0xc2 && c <= 0xdf)
		need = 2;
	else if (c >= 0xe0 && c <= 0xef)
		need = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 4;
	else
		return 0;
	if (n >= need)
		return 0;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

/* Is cp shown by code point here?  What layout shows so, less a joiner
 * inside an emoji sequence. */
static int
by_code_point(const struct termsafe *ts, uint32_t cp)
{
	if (cp == UTF8_ZWJ && ts->emoji)
		return 0;
	return layout_is_disguising(cp) || utf8_width(cp) < 0;
}

/* An emoji sequence goes on through joiners, variation selector 16 and
 * skin tones. */
static void
track_emoji(struct termsafe *ts, uint32_t cp)
{
	if (utf8_is_pictographic(cp))
		ts->emoji = 1;
	else if (!(ts->emoji && (cp == UTF8_ZWJ || cp == 0xfe0f ||
	    (cp >= 0x1f3fb && cp <= 0x1f3ff))))
		ts->emoji = 0;
}

/*
 * One character at s[0, n) to out: the bytes it takes, or 0 when s[0, n)
 * may be the start of a character cut short and more is to come (!last).
 */
static size_t
step(struct termsafe *ts, const char *s, size_t n, int last, struct buf *out)
{
	unsigned char c = (unsigned char)s[0];
	char vis[16];
	uint32_t cp;
	size_t k;

	if ((c == '\t' && !(ts->flags & TERMSAFE_TABS)) ||
	    (c == '\n' && (ts->flags & TERMSAFE_LINES))) {
		buf_addc(out, (char)c);
		ts->emoji = 0;
		return 1;
	}
	if (c == '\r' && (ts->flags & TERMSAFE_LINES)) {
		if (n < 2 && !last)
			return 0;
		if (n >= 2 && s[1] == '\n') {
			buf_add(out, "\r\n", 2);
			ts->emoji = 0;
			return 2;
		}
	}
	if (c < 0x20 || c == 0x7f) {
		vis[0] = '^';
		vis[1] = c == 0x7f ? '?' : (char)(c ^ 0x40);
		buf_add(out, vis, 2);
		ts->emoji = 0;
		return 1;
	}
	if (c < 0x80) {
		buf_addc(out, (char)c);
		ts->emoji = 0;
		return 1;
	}
	if ((k = utf8_decode(s, n, &cp)) == 0) {
		if (!last && incomplete(s, n))
			return 0;
		buf_adds(out, REPLACEMENT);
		ts->emoji = 0;
		return 1;
	}
	if (by_code_point(ts, cp)) {
		snprintf(vis, sizeof vis, "<U+%04X>", (unsigned)cp);
		buf_adds(out, vis);
	} else
		buf_add(out, s, k);
	track_emoji(ts, cp);
	return k;
}

/* s[0, n) to out; what is left unconverted (at most 3 bytes) is kept. */
static void
convert(struct termsafe *ts, const char *s, size_t n, int last,
    struct buf *out)
{
	size_t i = 0, k;

	while (i < n) {
		if ((k = step(ts, s + i, n - i, last, out)) == 0) {
			memcpy(ts->pend, s + i, n - i);
			ts->npend = n - i;
			return;
		}
		i += k;
	}
}

void
termsafe_feed(struct termsafe *ts, const char *s, size_t n, struct buf *out)
{
	struct buf joined;

	if (ts->flags & TERMSAFE_RAW) {
		buf_add(out, s, n);
		return;
	}
	if (ts->npend == 0) {
		convert(ts, s, n, 0, out);
		return;
	}
	/* A character cut at the end of the last piece: the two joined. */
	buf_init(&joined);
	buf_add(&joined, ts->pend, ts->npend);
	buf_add(&joined, s, n);
	ts->npend = 0;
	convert(ts, joined.data, joined.len, 0, out);
	buf_free(&joined);
}

void
termsafe_end(struct termsafe *ts, struct buf *out)
{
	char pend[sizeof ts->pend];
	size_t n = ts->npend;

	memcpy(pend, ts->pend, n);
	ts->npend = 0;
	convert(ts, pend, n, 1, out);
}

char *
termsafe_str(const char *s, unsigned flags)
{
	struct termsafe ts;
	struct buf out;

	termsafe_init(&ts, flags & ~TERMSAFE_RAW);
	buf_init(&out);
	convert(&ts, s, strlen(s), 1, &out);
	return buf_steal(&out);
}

int
termsafe_is_safe(const char *s, size_t n, unsigned flags)
{
	struct termsafe ts;
	struct buf out;
	int same;

	termsafe_init(&ts, flags & ~TERMSAFE_RAW);
	buf_init(&out);
	convert(&ts, s, n, 1, &out);
	same = out.len == n && (n == 0 || memcmp(out.data, s, n) == 0);
	buf_free(&out);
	return same;
}

/* ---- the stream ------------------------------------------------------ */

struct cookie {
	int		 fd;
	int		*err;
	struct termsafe	 ts;
	struct buf	 out;
};

/* All of out to the descriptor; -1 (the error noted) if that fails. */
static int
drain(struct cookie *c)
{
	size_t off = 0;
	ssize_t w;

	while (off < c->out.len) {
		w = write(c->fd, c->out.data + off, c->out.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			if (c->err != NULL && *c->err == 0)
				*c->err = errno;
			buf_reset(&c->out);
			return -1;
		}
		off += (size_t)w;
	}
	buf_reset(&c->out);
	return 0;
}

static ssize_t
cookie_write(void *arg, const char *s, size_t n)
{
	struct cookie *c = arg;

	termsafe_feed(&c->ts, s, n, &c->out);
	return drain(c) == 0 ? (ssize_t)n : -1;
}

static int
cookie_close(void *arg)
{
	struct cookie *c = arg;
	int rc;

	termsafe_end(&c->ts, &c->out);
	rc = drain(c);
	buf_free(&c->out);
	free(c);
	return rc;
}

FILE *
termsafe_fdopen(int fd, unsigned flags, int *err)
{
	cookie_io_functions_t io = { NULL, cookie_write, NULL, cookie_close };
	struct cookie *c = xcalloc(1, sizeof *c);
	FILE *f;

	c->fd = fd;
	c->err = err;
	termsafe_init(&c->ts, flags);
	buf_init(&c->out);
	if ((f = fopencookie(c, "w", io)) == NULL)
		free(c);
	return f;
}
