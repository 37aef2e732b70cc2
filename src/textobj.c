/*
 * textobj.c: character, word, sentence and paragraph boundaries over the
 * raw bytes.
 */
#include "artread/textobj.h"

#include <string.h>
#include <strings.h>

#include "artread/layout.h"
#include "artread/utf8.h"

static int
is_space_at(const struct doc *d, size_t off)
{
	unsigned char c = (unsigned char)d->bytes[off];

	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Characters are glyphs as layout shows them: a grapheme cluster (a
 * letter and its accents, an emoji sequence, a flag) is one step. */
size_t
textobj_char_next(const struct doc *d, size_t off)
{
	struct glyph g;

	if (off >= d->len)
		return d->len;
	off = layout_glyph_start(d, off);
	layout_glyph(d, off, &g);
	return off + g.len;
}

size_t
textobj_char_prev(const struct doc *d, size_t off)
{
	size_t start;

	if (off <= d->text_start)
		return d->text_start;
	/* Inside a glyph: its start; else the start of the one before. */
	start = off < d->len ? layout_glyph_start(d, off) : off;
	if (start == off)
		start = layout_glyph_start(d, off - 1);
	return start < d->text_start ? d->text_start : start;
}

size_t
textobj_word_next(const struct doc *d, size_t off)
{
	size_t i = off;

	while (i < d->len && !is_space_at(d, i))
		i++;
	while (i < d->len && is_space_at(d, i))
		i++;
	return i < d->len ? i : off;
}

size_t
textobj_word_prev(const struct doc *d, size_t off)
{
	size_t i = off;

	while (i > d->text_start && is_space_at(d, i - 1))
		i--;
	if (i == off && i > d->text_start) {
		/* off is inside or at the start of a word: go to the one before. */
		while (i > d->text_start && !is_space_at(d, i - 1))
			i--;
		if (i == off) {
			while (i > d->text_start && is_space_at(d, i - 1))
				i--;
		} else
			return i;
	}
	while (i > d->text_start && !is_space_at(d, i - 1))
		i--;
	return i;
}

size_t
textobj_word_end(const struct doc *d, size_t off)
{
	size_t i = off;

	while (i < d->len && is_space_at(d, i))
		i++;
	if (i + 1 < d->len && !is_space_at(d, i + 1))
		i++;
	else if (i < d->len) {
		/* Already at a word's last byte: go on to the next word. */
		i++;
		while (i < d->len && is_space_at(d, i))
			i++;
	}
	while (i + 1 < d->len && !is_space_at(d, i + 1))
		i++;
	return i < d->len ? i : off;
}

int
textobj_word_at(const struct doc *d, size_t off, struct range *w)
{
	size_t s = off, e;

	while (s < d->len && is_space_at(d, s))
		s++;
	if (s >= d->len)
		return 0;
	while (s > d->text_start && !is_space_at(d, s - 1))
		s--;
	e = s;
	while (e < d->len && !is_space_at(d, e))
		e++;
	w->start = s;
	w->end = e;
	return 1;
}

static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen",
	"rep", "inc", "corp", "ltd", "co", "vs", "etc", "e.g", "i.e", "u.s",
	"u.k", "a.m", "p.m", "no", "mt", "col", "lt", "sgt", "capt", "rev",
	"hon", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "fig", "approx",
};

/* Is the word ending just before the period at dot an abbreviation? */
static int
is_abbreviation(const struct doc *d, size_t start, size_t dot)
{
	size_t s = dot, i, n;
	uint32_t cp;

	while (s > start && !is_space_at(d, s - 1) && d->bytes[s - 1] != '(' &&
	    d->bytes[s - 1] != '"')
		s--;
	n = dot - s;
	if (utf8_decode(d->bytes + s, n, &cp) == n && utf8_is_upper(cp))
		return 1;	/* an initial: "J. Smith", "Ș. Ionescu" */
	for (i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
		if (strlen(abbreviations[i]) == n &&
		    strncasecmp(d->bytes + s, abbreviations[i], n) == 0)
			return 1;
	return 0;
}

static int
is_closer(const struct doc *d, size_t i, size_t end, size_t *len)
{
	static const char *const closers[] = {
		"\"", "'", ")", "]", "\xe2\x80\x9d", "\xe2\x80\x99",
		"\xc2\xbb", "\xe2\x80\x9c",
	};
	size_t k, n;

	for (k = 0; k < sizeof closers / sizeof closers[0]; k++) {
		n = strlen(closers[k]);
		if (i + n <= end && memcmp(d->bytes + i, closers[k], n) == 0) {
			*len = n;
			return 1;
		}
	}
	return 0;
}

/*
 * If a sentence ends at the terminator at i, return the offset just past
 * it (and its closing marks); else 0.
 */
static size_t
sentence_end_at(const struct doc *d, const struct range *p, size_t i)
{
	size_t j = i + 1, n;
	uint32_t next;

	if (d->bytes[i] != '.' && d->bytes[i] != '!' && d->bytes[i] != '?')
		return 0;
	while (j < p->end && is_closer(d, j, p->end, &n))
		j += n;
	if (j >= p->end)
		return p->end;
	if (!is_space_at(d, j))
		return 0;
	if (d->bytes[i] == '.' && is_abbreviation(d, p->start, i))
		return 0;
	n = j;
	while (n < p->end && is_space_at(d, n))
		n++;
	if (n >= p->end)	/* only white space left: d->bytes[n] may not exist */
		return j;
	utf8_decode_lossy(d->bytes + n, p->end - n, &next);
	if (utf8_is_lower(next))
		return 0;
	return j;
}

int
textobj_sentence_at(const struct doc *d, size_t off, struct range *s)
{
	struct range p;
	size_t i, start, e;

	if (!doc_para_at(d, off, &p))
		return 0;
	if (off < p.start)
		off = p.start;
	start = p.start;
	for (i = p.start; i < off && i < p.end; i++) {
		e = sentence_end_at(d, &p, i);
		if (e != 0 && e <= off) {
			start = e;
			while (start < p.end && is_space_at(d, start))
				start++;
			if (start > off)
				break;
		}
	}
	s->start = start < p.end ? start : p.start;
	for (i = s->start; i < p.end; i++)
		if ((e = sentence_end_at(d, &p, i)) != 0 && e > off)
			break;
	s->end = i < p.end ? e : p.end;
	return 1;
}

size_t
textobj_sentence_next(const struct doc *d, size_t off)
{
	struct range s;
	size_t i;

	if (!textobj_sentence_at(d, off, &s))
		return off;
	i = s.end;
	while (i < d->len && is_space_at(d, i))
		i++;
	return i < d->len ? i : off;
}

size_t
textobj_sentence_prev(const struct doc *d, size_t off)
{
	struct range s;

	if (!textobj_sentence_at(d, off, &s))
		return off;
	if (s.start < off)
		return s.start;
	if (s.start <= d->text_start)
		return off;
	if (!textobj_sentence_at(d, textobj_word_prev(d, s.start), &s))
		return off;
	return s.start;
}

size_t
textobj_para_next(const struct doc *d, size_t off)
{
	struct range p, n;

	if (!doc_para_at(d, off, &p))
		return off;
	if (p.start > off)
		return p.start;
	return doc_para_next(d, &p, &n) ? n.start : off;
}

size_t
textobj_para_prev(const struct doc *d, size_t off)
{
	struct range p, prev;

	if (!doc_para_at(d, off, &p))
		return doc_para_last(d, &p) ? p.start : off;
	if (p.start < off)
		return p.start;
	return doc_para_prev(d, &p, &prev) ? prev.start : off;
}

/* The start of the last glyph of r, white space at its end left out. */
static size_t
last_glyph(const struct doc *d, const struct range *r)
{
	size_t end = r->end < d->len ? r->end : d->len;

	while (end > r->start && is_space_at(d, end - 1))
		end--;
	return end > r->start ? textobj_char_prev(d, end) : r->start;
}

/* (textobj_sentence_last, textobj_para_last) */
static size_t
unit_last(const struct doc *d, size_t off,
    int (*at)(const struct doc *, size_t, struct range *),
    size_t (*next)(const struct doc *, size_t))
{
	struct range r;
	size_t last, n;

	if (!at(d, off, &r))
		return off;
	if ((last = last_glyph(d, &r)) > off)
		return last;
	if ((n = next(d, off)) <= off || !at(d, n, &r))
		return off;
	last = last_glyph(d, &r);
	return last > off ? last : off;
}

size_t
textobj_sentence_last(const struct doc *d, size_t off)
{
	return unit_last(d, off, textobj_sentence_at, textobj_sentence_next);
}

size_t
textobj_para_last(const struct doc *d, size_t off)
{
	return unit_last(d, off, doc_para_at, textobj_para_next);
}
