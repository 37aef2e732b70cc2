/*
 * search.c: pattern search with PCRE2 (UTF, Unicode properties, JIT, and
 * tolerant of invalid UTF-8 in the article) over the text as the reader
 * sees it.  A paragraph (or a piece of a huge one) is reflowed into
 * struct search_flat -- each run of white space one space, the text in
 * NFC, with a map back to bytes -- and the pattern (in NFC too) runs over
 * that; matches go back to byte ranges through the map.  This is the one
 * place that map is made.
 * A miss over a 100 MB file costs about what reflowing it costs (a copy
 * of its bytes, run by run): text in NFC already, in most scripts, is
 * copied without a look at its code points (a table of bytes, and of
 * blocks of 64 code points NFC leaves as they are); only the clusters
 * around the others go through utf8proc.
 */
#include "artread/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/pcre2lib.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define FLAT_SLACK	32	/* zeroed bytes after the text for the JIT */
#define JIT_STACK_MAX	(1u << 20)	/* long runs backtrack deeply */

struct search {
	char			*pattern;
	unsigned		 flags;
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	struct search_flat	*flat;	/* scratch: the piece being searched */
	pcre2_jit_stack		*js;
	char			*error;	/* the last search's: "" or why it
					   stopped (search_error) */
};

#define SEARCH_ERROR_MAX	256

/* The stretch searched at once: piece k of paragraph para, bytes
 * [start, end), reflowed with up to SEARCH_OVERLAP bytes more (to ext)
 * so that a match may run past end. */
struct piece {
	struct range	para;
	size_t		k;
	size_t		start;
	size_t		end;
	size_t		ext;
};

/* ---- the reflowed text ---------------------------------------------- */

static int
is_white(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
search_flat_init(struct search_flat *f)
{
	memset(f, 0, sizeof *f);
}

void
search_flat_free(struct search_flat *f)
{
	free(f->text);
	free(f->anchor);
	free(f->memo);
	memset(f, 0, sizeof *f);
}

/* An anchor; nfc: a cluster NFC changed starts here.  One at the same
 * place as the last takes its place. */
static void
add_anchor(struct search_flat *f, size_t flat, size_t byte, int nfc)
{
	struct search_anchor *a;

	if (f->nanchor > 0 && f->anchor[f->nanchor - 1].flat == flat &&
	    f->anchor[f->nanchor - 1].byte == byte) {
		f->anchor[f->nanchor - 1].nfc = nfc;
		return;
	}
	if (f->nanchor == f->anchor_cap) {
		f->anchor_cap = f->anchor_cap ? f->anchor_cap * 2 : 16;
		f->anchor = xreallocarray(f->anchor, f->anchor_cap,
		    sizeof *f->anchor);
	}
	a = &f->anchor[f->nanchor++];
	a->flat = flat;
	a->byte = byte;
	a->nfc = nfc;
}

/* Room for need bytes of text, keeping what is there. */
static void
flat_reserve(struct search_flat *f, size_t need)
{
	if (need + 1 <= f->cap)
		return;
	f->cap = need + 1 > f->cap * 2 ? need + 1 : f->cap * 2;
	f->text = xrealloc(f->text, f->cap + FLAT_SLACK);
}

/*
 * Typographic quotes are searched as the straight ones a keyboard types
 * (a journalist types "it's", the article has "it’s"): the text and the
 * pattern both have them folded, like NFC, with an anchor around each.
 */
static uint32_t
quote_fold(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201a: case 0x201b:
	case 0x2032: case 0x02bc:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f:
	case 0x2033: case 0x00ab: case 0x00bb:
		return '"';
	default:
		return 0;
	}
}

/* Is cp searched as it is (NFC keeps it, and it is no quote to fold)? */
static int
kept_as_is(uint32_t cp)
{
	return quote_fold(cp) == 0 && utf8_nfc_stable(cp);
}

/* The quotes of s[0, n) folded in place; the new length. */
static size_t
fold_quotes(char *s, size_t n)
{
	size_t i = 0, o = 0, len;
	uint32_t cp, q;

	while (i < n) {
		if ((len = utf8_decode(s + i, n - i, &cp)) == 0)
			len = 1;
		if (len > 1 && (q = quote_fold(cp)) != 0)
			s[o++] = (char)q;
		else
			memmove(s + o, s + i, len), o += len;
		i += len;
	}
	return o;
}

/* A grapheme cluster as it is searched (NFC, quotes folded) into out
 * (UTF8_NFC_MAX bytes): its length, or 0 when that is the cluster as
 * it is. */
static size_t
search_cluster(const char *s, size_t n, char *out)
{
	size_t m = utf8_nfc_cluster(s, n, out);

	if (m == 0) {
		if (n > UTF8_NFC_MAX)
			return 0;
		memcpy(out, s, n);
		m = n;
	}
	m = fold_quotes(out, m);
	return m == n && memcmp(out, s, n) == 0 ? 0 : m;
}

/*
 * utf8_nfc_stable of the code points met, direct-mapped: utf8proc's
 * table look-up costs more than the copy it guards (cp 0 is never
 * asked: an empty slot).  And, for each block of 64 code points below
 * U+10000 (cp >> 6: a 2-byte sequence's lead byte, a 3-byte one's first
 * two), whether all of them are stable (BLOCK_STABLE), worked out when
 * first met: in most scripts' text (Cyrillic, Greek, CJK, Hangul
 * syllables) every letter is, and a run is then passed over a byte at a
 * time, without decoding.
 */
#define MEMO_SIZE	512
#define BLOCKS		(0x10000 >> 6)
#define BLOCK_UNKNOWN	0
#define BLOCK_STABLE	1
#define BLOCK_MIXED	2
#define BYTE_PASSES	0	/* left as it is, whatever follows */
#define BYTE_WHITE	1	/* ends a run */
#define BYTE_LOOK	2	/* starts a code point to look at */
struct search_memo {
	uint32_t	cp[MEMO_SIZE];
	unsigned char	stable[MEMO_SIZE];
	unsigned char	block[BLOCKS];
	unsigned char	byte[256];	/* BYTE_*: a byte, alone */
};

static struct search_memo *
memo(struct search_flat *f)
{
	struct search_memo *m;
	int c;

	if (f->memo != NULL)
		return f->memo;
	m = f->memo = xcalloc(1, sizeof *f->memo);
	/* ASCII and continuation bytes pass (the lead byte before them is
	 * looked at; a stray one is left as it is), so do bytes that never
	 * start a valid sequence; a lead byte passes once its block is
	 * known to be all stable (a 2-byte one's: block_stable) */
	for (c = 0xc2; c <= 0xf4; c++)
		m->byte[c] = BYTE_LOOK;
	m->byte[' '] = m->byte['\t'] = m->byte['\n'] = m->byte['\r'] =
	    BYTE_WHITE;
	return m;
}

static int
stable(struct search_flat *f, uint32_t cp)
{
	struct search_memo *m;
	size_t slot = cp % MEMO_SIZE;

	if (cp < 0x300 && cp != 0xab && cp != 0xbb)
		return 1;
	m = memo(f);
	if (m->cp[slot] != cp) {
		m->cp[slot] = cp;
		m->stable[slot] = (unsigned char)kept_as_is(cp);
	}
	return m->stable[slot];
}

/* Are all the code points of block blk stable?  (Worked out once.) */
static int
block_stable(struct search_memo *m, size_t blk)
{
	uint32_t cp;

	if (m->block[blk] == BLOCK_UNKNOWN) {
		m->block[blk] = BLOCK_STABLE;
		for (cp = (uint32_t)blk << 6; cp < (uint32_t)(blk + 1) << 6;
		    cp++)
			if (!kept_as_is(cp)) {
				m->block[blk] = BLOCK_MIXED;
				break;
			}
		if (blk < 0x20 && m->block[blk] == BLOCK_STABLE)
			m->byte[0xc0 | blk] = BYTE_PASSES;
	}
	return m->block[blk] == BLOCK_STABLE;
}

/* The block of the 2- or 3-byte sequence b[k, j) starts, or BLOCKS
 * (none: a 4-byte one, a byte that starts none, too short a one). */
static size_t
block_of(const unsigned char *b, size_t k, size_t j)
{
	if (b[k] >= 0xc2 && b[k] <= 0xdf)
		return b[k] & 0x1f;
	if (b[k] >= 0xe0 && b[k] <= 0xef && k + 1 < j &&
	    (b[k + 1] & 0xc0) == 0x80)
		return (size_t)(b[k] & 0x0f) << 6 | (b[k + 1] & 0x3f);
	return BLOCKS;
}

/* Does the lead byte b[k] (of a sequence ending by j) start a code
 * point of an all-stable block, worked out once? */
static int
lead_passes(struct search_memo *m, const unsigned char *b, size_t k,
    size_t j)
{
	size_t blk = block_of(b, k, j);

	return blk < BLOCKS && (m->block[blk] == BLOCK_STABLE ||
	    block_stable(m, blk));
}

/* Where the code point (or the invalid byte, alone) that ends at k
 * starts, i < k. */
static size_t
unit_start(const char *bytes, size_t i, size_t k)
{
	const unsigned char *b = (const unsigned char *)bytes;
	size_t p = k - 1;

	while (p > i && k - p < 4 && (b[p] & 0xc0) == 0x80)
		p--;
	return utf8_decode(bytes + p, k - p, NULL) == k - p ? p : k - 1;
}

/*
 * The first code point of bytes[i, j) that NFC may change or join to
 * the one before (j if none), and in *prev where that one starts.  Bytes
 * that pass (BYTE_PASSES, lead_passes) are not decoded; the others are,
 * and looked up.
 */
static size_t
next_unstable(struct search_flat *f, const char *bytes, size_t i, size_t j,
    size_t *prev)
{
	const unsigned char *b = (const unsigned char *)bytes;
	struct search_memo *m = memo(f);
	uint32_t cp;
	size_t k = i, len;

	while (k < j) {
		if (m->byte[b[k]] == BYTE_PASSES || lead_passes(m, b, k, j)) {
			k++;
			continue;
		}
		if ((len = utf8_decode(bytes + k, j - k, &cp)) == 0)
			len = 1;	/* an invalid byte: left alone */
		else if (!stable(f, cp))
			break;
		k += len;
	}
	*prev = k > i ? unit_start(bytes, i, k) : i;
	return k;
}

/*
 * Copy the run bytes[i, j) (no white space) to text[n...] in NFC, and
 * return where it ends; end is where the text being reflowed ends.
 * Copied as it is but for the grapheme clusters around a code point that
 * is not NFC-stable (utf8_nfc_stable: a combining mark, ...): a cluster
 * NFC changes ("e" and U+0301 become "é") is followed by an anchor, so
 * that a match still maps to the bytes as read.
 */
static size_t
copy_run(struct search_flat *f, const char *bytes, size_t i, size_t j,
    size_t end, size_t n)
{
	char nfc[UTF8_NFC_MAX];
	size_t k, start, len, out;

	while (i < j) {
		k = next_unstable(f, bytes, i, j, &start);
		if (k == j)
			start = j;	/* all of it is stable */
		memcpy(f->text + n, bytes + i, start - i);
		n += start - i;
		if ((i = start) == j)
			break;
		/* the cluster holding k starts at k or at the one before */
		len = utf8_grapheme_len(bytes + i, j - i);
		if ((out = search_cluster(bytes + i, len, nfc)) == 0) {
			memcpy(f->text + n, bytes + i, len);
			n += len;
		} else {
			flat_reserve(f, n + out + (end - i - len));
			add_anchor(f, n, i, 1);
			memcpy(f->text + n, nfc, out);
			n += out;
			add_anchor(f, n, i + len, 0);
		}
		i += len;
	}
	return n;
}

/*
 * Where the run of bytes[i, end) that is not white space ends; *clean
 * when all of it is left as it is by NFC (bytes that pass, and lead
 * bytes of all-stable blocks): the text of most scripts, which is then
 * copied as it is without a look at its code points.
 */
static size_t
run_end(struct search_flat *f, const char *bytes, size_t i, size_t end,
    int *clean)
{
	const unsigned char *b = (const unsigned char *)bytes;
	struct search_memo *m = memo(f);

	*clean = 1;
	for (;;) {
		while (i < end && m->byte[b[i]] == BYTE_PASSES)
			i++;
		if (i == end || m->byte[b[i]] == BYTE_WHITE)
			return i;
		if (lead_passes(m, b, i, end)) {
			i++;
			continue;
		}
		*clean = 0;
		while (i < end && !is_white(bytes[i]))
			i++;
		return i;
	}
}

/* Text is copied a run at a time; only a run of white space of two or
 * more bytes (one space now), and a cluster NFC changed, need an
 * anchor. */
void
search_flat_fill(struct search_flat *f, const char *bytes, size_t start,
    size_t end)
{
	size_t i = start, j, n = 0, need = end > start ? end - start : 0;
	int clean;

	flat_reserve(f, need);
	f->nanchor = 0;
	add_anchor(f, 0, start, 0);
	while (i < end) {
		j = run_end(f, bytes, i, end, &clean);
		if (clean) {
			memcpy(f->text + n, bytes + i, j - i);
			n += j - i;
		} else
			n = copy_run(f, bytes, i, j, end, n);
		if ((i = j) == end)
			break;
		for (j = i + 1; j < end && is_white(bytes[j]); j++)
			;
		f->text[n++] = ' ';
		if (j - i > 1)
			add_anchor(f, n, j, 0);
		i = j;
	}
	f->len = n;
	memset(f->text + n, 0, FLAT_SLACK);
}

/* The last anchor at or before text[i] (by = 0) or byte i (by = 1). */
static size_t
anchor_of(const struct search_flat *f, size_t i, int by_byte)
{
	size_t lo = 0, hi = f->nanchor;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if ((by_byte ? f->anchor[mid].byte : f->anchor[mid].flat) <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
search_flat_byte(const struct search_flat *f, size_t i)
{
	const struct search_anchor *a = &f->anchor[anchor_of(f, i, 0)];

	if (a->nfc && i > a->flat)
		return a->byte;		/* inside a cluster: its start */
	return a->byte + (i - a->flat);
}

size_t
search_flat_end_byte(const struct search_flat *f, size_t i)
{
	size_t k = anchor_of(f, i, 0);
	const struct search_anchor *a = &f->anchor[k];

	if (a->nfc && i > a->flat)
		return a[1].byte;	/* inside a cluster: its end */
	return a->byte + (i - a->flat);
}

size_t
search_flat_index(const struct search_flat *f, size_t off)
{
	size_t k, i;

	if (off <= f->anchor[0].byte)	/* (an offset before the text too) */
		return 0;
	k = anchor_of(f, off, 1);
	i = f->anchor[k].flat + (off - f->anchor[k].byte);
	/* Bytes a run lost between two anchors, or inside a cluster NFC
	 * changed: the next character. */
	if (k + 1 < f->nanchor && (i > f->anchor[k + 1].flat ||
	    (f->anchor[k].nfc && off > f->anchor[k].byte)))
		i = f->anchor[k + 1].flat;
	return i < f->len ? i : f->len;
}

/* ---- compiling ------------------------------------------------------- */

/* Smart case: any upper-case letter (outside an escape, in a pattern)
 * makes it exact. */
static int
has_capital(const char *p, int literal)
{
	size_t n = strlen(p), i = 0;
	uint32_t cp;

	while (i < n) {
		if (!literal && p[i] == '\\' && p[i + 1] != '\0') {
			i += 2;
			continue;
		}
		i += utf8_decode_lossy(p + i, n - i, &cp);
		if (utf8_is_upper(cp) || utf8_is_title(cp))
			return 1;
	}
	return 0;
}

/* A literal as the reflowed text has it: white space runs as one space,
 * in NFC. */
static char *
collapse_white(const char *s)
{
	struct search_flat f;
	char *t;

	search_flat_init(&f);
	search_flat_fill(&f, s, 0, strlen(s));
	t = xstrndup(f.text, f.len);
	search_flat_free(&f);
	return t;
}

struct search *
search_compile(const char *pattern, unsigned flags, char **err)
{
	struct search *s;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	int code, literal = (flags & SEARCH_LITERAL) != 0;
	size_t len;
	char *text = literal ? collapse_white(pattern) :
	    utf8_nfc(pattern, strlen(pattern), &len);
	pcre2_code *re;

	if (!literal)	/* (collapse_white folds them in a literal) */
		text[fold_quotes(text, len)] = '\0';

	/* PCRE2_LITERAL allows no other options but these. */
	opts |= literal ? PCRE2_LITERAL : PCRE2_UCP | PCRE2_MULTILINE;
	if (!(flags & SEARCH_EXACT_CASE) && !has_capital(text, literal))
		opts |= PCRE2_CASELESS;
	if (pcre2lib_open(err) != 0) {
		free(text);
		return NULL;
	}
	re = pcre2_compile((PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, opts,
	    &code, &erroff, NULL);
	free(text);
	if (re == NULL) {
		pcre2_get_error_message(code, msg, sizeof msg);
		*err = xasprintf("%s at offset %zu", (char *)msg, (size_t)erroff);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	s = xcalloc(1, sizeof *s);
	s->pattern = xstrdup(pattern);
	s->flags = flags;
	s->re = re;
	s->md = pcre2_match_data_create_from_pattern(re, NULL);
	s->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(s->mc, 10000000);
	pcre2_set_depth_limit(s->mc, 10000);
	s->flat = xmalloc(sizeof *s->flat);
	search_flat_init(s->flat);
	s->error = xcalloc(1, SEARCH_ERROR_MAX);
	/* JIT's own 32 KiB ran out on a run of 1,000 capitalised words:
	 * the search then found nothing, silently. */
	if ((s->js = pcre2_jit_stack_create(32768, JIT_STACK_MAX, NULL)) !=
	    NULL)
		pcre2_jit_stack_assign(s->mc, NULL, s->js);
	return s;
}

struct search *
search_new(const char *pattern, char **err)
{
	return search_compile(pattern, 0, err);
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	pcre2_jit_stack_free(s->js);
	pcre2_code_free(s->re);
	search_flat_free(s->flat);
	free(s->flat);
	free(s->error);
	free(s->pattern);
	free(s);
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

int
search_is_literal(const struct search *s)
{
	return (s->flags & SEARCH_LITERAL) != 0;
}

/* The first non-empty match in text[from, end); 1 if found. */
/* Say why the search stopped: PCRE2's error rc. */
static void
search_failed(const struct search *s, int rc)
{
	PCRE2_UCHAR msg[160];

	if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
		snprintf((char *)msg, sizeof msg, "error %d", rc);
	snprintf(s->error, SEARCH_ERROR_MAX, "search too costly: %s",
	    (char *)msg);
}

const char *
search_error(const struct search *s)
{
	return s->error[0] != '\0' ? s->error : NULL;
}

static int
match_from(const struct search *s, const char *text, size_t end,
    size_t from, struct range *m)
{
	PCRE2_SIZE *ov;

	int rc;

	while (from <= end) {
		if ((rc = pcre2_match(s->re, (PCRE2_SPTR)text, end, from, 0,
		    s->md, s->mc)) < 0) {
			/* a spent match or depth limit, the JIT's stack:
			 * not "no match" (the search stops there) */
			if (rc != PCRE2_ERROR_NOMATCH)
				search_failed(s, rc);
			return 0;
		}
		ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] > ov[0]) {
			m->start = ov[0];
			m->end = ov[1];
			return 1;
		}
		from = ov[0] + 1;
	}
	return 0;
}

/* ---- paragraphs and their pieces -------------------------------------- */

/* Where piece k of paragraph p starts: k pieces in, moved back to the
 * first byte of a character (at most 3 bytes). */
static size_t
piece_start(const struct doc *d, const struct range *p, size_t k)
{
	size_t at, i;

	if (k == 0)
		return p->start;
	if (k > (p->end - p->start) / SEARCH_PIECE ||
	    (at = p->start + k * SEARCH_PIECE) >= p->end)
		return p->end;
	for (i = 0; i < 3 && at > p->start &&
	    ((unsigned char)d->bytes[at] & 0xc0) == 0x80; i++)
		at--;
	return at;
}

/* The piece of p holding byte off. */
static size_t
piece_of(const struct doc *d, const struct range *p, size_t off)
{
	size_t k;

	if (off <= p->start)
		return 0;
	k = (off - p->start) / SEARCH_PIECE;
	if (off >= piece_start(d, p, k + 1) && piece_start(d, p, k + 1) < p->end)
		k++;
	return k;
}

/* Make piece k of p and reflow it into s->flat. */
static void
piece_load(const struct search *s, const struct doc *d, const struct range *p,
    size_t k, struct piece *g)
{
	g->para = *p;
	g->k = k;
	g->start = piece_start(d, p, k);
	g->end = piece_start(d, p, k + 1);
	g->ext = p->end - g->end > SEARCH_OVERLAP ? g->end + SEARCH_OVERLAP :
	    p->end;
	search_flat_fill(s->flat, d->bytes, g->start, g->ext);
}

/* The next piece (of this paragraph or the next); 0 at the end. */
static int
piece_next(const struct search *s, const struct doc *d, struct piece *g)
{
	struct range next;

	if (g->end < g->para.end) {
		piece_load(s, d, &g->para, g->k + 1, g);
		return 1;
	}
	if (!doc_para_next(d, &g->para, &next))
		return 0;
	piece_load(s, d, &next, 0, g);
	return 1;
}

/* The previous piece; 0 at the start. */
static int
piece_prev(const struct search *s, const struct doc *d, struct piece *g)
{
	struct range prev;

	if (g->k > 0) {
		piece_load(s, d, &g->para, g->k - 1, g);
		return 1;
	}
	if (!doc_para_prev(d, &g->para, &prev))
		return 0;
	piece_load(s, d, &prev, piece_of(d, &prev, prev.end - 1), g);
	return 1;
}

/* The first piece holding byte off or after it; 0 if none. */
static int
piece_at(const struct search *s, const struct doc *d, size_t off,
    struct piece *g)
{
	struct range p;

	if (!doc_para_at(d, off, &p))
		return 0;
	piece_load(s, d, &p, piece_of(d, &p, off), g);
	return 1;
}

/* The last piece starting before byte off; 0 if none. */
static int
piece_before(const struct search *s, const struct doc *d, size_t off,
    struct piece *g)
{
	struct range p, prev;

	if (off == 0)
		return 0;
	if (!doc_para_at(d, off - 1, &p)) {
		if (!doc_para_last(d, &p) || p.start >= off)
			return 0;
	} else if (p.start >= off) {
		if (!doc_para_prev(d, &p, &prev))
			return 0;
		p = prev;
	}
	piece_load(s, d, &p, piece_of(d, &p, (off < p.end ? off : p.end) - 1),
	    g);
	return 1;
}

/* The first match in the loaded piece starting at byte from or later,
 * and within the piece (not in its overlap). */
static int
piece_first(const struct search *s, const struct piece *g, size_t from,
    struct range *m)
{
	const struct search_flat *f = s->flat;
	struct range fm;

	if (!match_from(s, f->text, f->len, search_flat_index(f, from), &fm) ||
	    (m->start = search_flat_byte(f, fm.start)) >= g->end)
		return 0;
	m->end = search_flat_end_byte(f, fm.end);
	return 1;
}

/* The last match in the loaded piece starting before byte limit. */
static int
piece_last(const struct search *s, const struct piece *g, size_t limit,
    struct range *m)
{
	const struct search_flat *f = s->flat;
	struct range fm;
	size_t i = 0;
	int found = 0;

	if (limit > g->end)
		limit = g->end;
	while (match_from(s, f->text, f->len, i, &fm) &&
	    search_flat_byte(f, fm.start) < limit) {
		m->start = search_flat_byte(f, fm.start);
		m->end = search_flat_end_byte(f, fm.end);
		found = 1;
		i = fm.start + 1;
	}
	return found;
}

/* ---- searching --------------------------------------------------------- */

int
search_find(const struct search *s, const struct doc *d, size_t from,
    int backward, struct range *m)
{
	struct piece g;

	s->error[0] = '\0';
	if (backward) {
		if (!piece_before(s, d, from, &g))
			return 0;
		while (!piece_last(s, &g, from, m))
			if (!piece_prev(s, d, &g))
				return 0;
		return 1;
	}
	if (!piece_at(s, d, from, &g))
		return 0;
	while (!piece_first(s, &g, from, m))
		if (!piece_next(s, d, &g))
			return 0;
	return 1;
}

void
search_each(const struct search *s, const struct doc *d, size_t start,
    size_t end, void (*fn)(void *, size_t, size_t), void *arg)
{
	struct piece g;
	struct range m;
	size_t from = start;

	if (start >= end || !piece_at(s, d, start, &g))
		return;
	do {
		while (piece_first(s, &g, from, &m) && m.start < end) {
			fn(arg, m.start, m.end);
			from = m.end;	/* a match in an overlap is not repeated */
		}
	} while (g.end < end && piece_next(s, d, &g) && g.start < end);
}

size_t
search_count(const struct search *s, const struct doc *d, size_t max,
    struct range *first)
{
	struct range m;
	size_t n = 0, from = 0;

	while (n < max && search_find(s, d, from, 0, &m)) {
		if (n++ == 0)
			*first = m;
		from = m.start + 1;
	}
	return n;
}

size_t
search_paragraphs(const struct search *s, const struct doc *d,
    struct range **out)
{
	struct range m, p;
	size_t n = 0, from = 0;

	*out = NULL;
	while (from < d->len && search_find(s, d, from, 0, &m) &&
	    doc_para_at(d, m.start, &p)) {
		if ((n & (n - 1)) == 0)	/* capacity doubles at powers of 2 */
			*out = xreallocarray(*out, n ? n * 2 : 1, sizeof **out);
		(*out)[n++] = p;
		from = doc_line_next(d, p.end);
	}
	return n;
}

int
search_in_string(const struct search *s, const char *str, size_t n)
{
	struct range m;

	search_flat_fill(s->flat, str, 0, n);
	return match_from(s, s->flat->text, s->flat->len, 0, &m);
}
