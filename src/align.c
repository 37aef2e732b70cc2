/*
 * align.c: two versions of a text aligned word by word (see align.h):
 * cutting into tokens, the diff, re-anchoring a range, the differences
 * view.
 *
 * The diff works on regions of both token sequences: it strips their
 * common prefix and suffix; a small region goes to Myers' greedy
 * O((N+M)D) algorithm whole; a larger one is cut at anchors, the tokens
 * found exactly once on each side, in the longest run that keeps their
 * order (patience diff), and each piece between anchors is a region
 * again; a region without anchors goes to Myers with at most MYERS_DMAX
 * differences, and past that is simply replaced.  So an article of a few
 * MB with the usual edits costs little more than reading it, and a
 * rewritten one costs at most MYERS_DMAX^2 per region.
 */
#include "artread/align.h"

#include <stdlib.h>
#include <string.h>

#include "artread/listing.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define SMALL_REGION	64	/* tokens: Myers with no limit */
#define MYERS_DMAX	512	/* differences Myers may look for, else */
#define MAX_DEPTH	48	/* patience within patience, at most */
#define CONTEXT_TOKENS	6	/* compared to choose between places */
#define MOVED_MIN_WORDS	3	/* fewer: a place must share context too */
#define CHANCE_RATIO	3	/* a word equal between changes this many
				   times its size is chance (unglue_words) */
#define FNV_OFFSET	0xcbf29ce484222325ull
#define FNV_PRIME	0x100000001b3ull

/* ---- tokens ------------------------------------------------------------- */

enum ch_class { CH_SPACE, CH_PUNCT, CH_WORD };

static int
is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* No-break and typographic spaces separate words like a space. */
static int
is_space_cp(uint32_t cp)
{
	return cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x3000;
}

/* Punctuation and symbols outside ASCII (quotes, dashes, currency, CJK
 * punctuation): each a token of its own. */
static int
is_punct_cp(uint32_t cp)
{
	return (cp >= 0xa1 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2010 && cp <= 0x205e) || (cp >= 0x20a0 && cp <= 0x20cf) ||
	    (cp >= 0x3001 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff0f);
}

/* The character at s[0, n): its class, and its length in *len. */
static enum ch_class
char_at(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp;

	*len = 1;
	if (c < 0x80) {
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return CH_SPACE;
		return is_ascii_alnum(c) ? CH_WORD : CH_PUNCT;
	}
	if ((*len = utf8_decode(s, n, &cp)) == 0) {
		*len = 1;
		return CH_WORD;		/* an invalid byte: part of a word */
	}
	return is_space_cp(cp) ? CH_SPACE : is_punct_cp(cp) ? CH_PUNCT : CH_WORD;
}

/* Does the white space s[a, b) hold a blank line (two line ends)? */
static int
holds_blank_line(const char *s, size_t a, size_t b)
{
	int ends = 0;
	size_t i;

	for (i = a; i < b; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= b || s[i + 1] != '\n')))
			ends++;
	return ends >= 2;
}

static void
add_token(struct align_text *t, size_t *cap, size_t start, size_t end,
    enum align_tok_kind kind)
{
	uint64_t h = FNV_OFFSET ^ (uint64_t)kind;
	size_t i;

	if (t->n == *cap) {
		*cap = *cap == 0 ? 256 : *cap * 2;
		t->tok = xreallocarray(t->tok, *cap, sizeof *t->tok);
		t->para = xreallocarray(t->para, *cap, sizeof *t->para);
	}
	if (kind != ALIGN_BREAK)
		for (i = start; i < end; i++)
			h = (h ^ (unsigned char)t->bytes[i]) * FNV_PRIME;
	t->tok[t->n].start = start;
	t->tok[t->n].end = end;
	t->tok[t->n].hash = h;
	t->tok[t->n].kind = kind;
	t->para[t->n] = t->n == 0 ? 0 : t->para[t->n - 1] +
	    (t->tok[t->n - 1].kind == ALIGN_BREAK);
	t->n++;
}

static void
text_cut(struct align_text *t, const char *bytes, size_t len)
{
	size_t i = 0, n, start, prev_end = 0, cap = 0;
	enum ch_class c;

	memset(t, 0, sizeof *t);
	t->bytes = bytes;
	t->len = len;
	if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len) {
		if ((c = char_at(bytes + i, len - i, &n)) == CH_SPACE) {
			i += n;
			continue;
		}
		if (t->n > 0 && holds_blank_line(bytes, prev_end, i))
			add_token(t, &cap, prev_end, i, ALIGN_BREAK);
		start = i;
		i += n;
		while (c == CH_WORD && i < len &&
		    char_at(bytes + i, len - i, &n) == CH_WORD)
			i += n;
		add_token(t, &cap, start, i, c == CH_WORD ? ALIGN_WORD :
		    ALIGN_PUNCT);
		prev_end = i;
	}
}

static int
tok_equal(const struct align_text *x, size_t i, const struct align_text *y,
    size_t j, int fold)
{
	const struct align_tok *a = &x->tok[i], *b = &y->tok[j];
	size_t n = a->end - a->start, k;

	if (a->kind != b->kind)
		return 0;
	if (a->kind == ALIGN_BREAK)
		return 1;
	if (n != b->end - b->start)
		return 0;
	if (!fold)
		return a->hash == b->hash &&
		    memcmp(x->bytes + a->start, y->bytes + b->start, n) == 0;
	for (k = 0; k < n; k++) {
		unsigned char p = (unsigned char)x->bytes[a->start + k];
		unsigned char q = (unsigned char)y->bytes[b->start + k];

		if (p != q && !(is_ascii_alnum(p) && p > '9' && (p ^ q) == 0x20))
			return 0;
	}
	return 1;
}

/* The first token of t ending after off (by_end), or else starting at or
 * after off; t->n if none. */
static size_t
tok_search(const struct align_text *t, size_t off, int by_end)
{
	size_t lo = 0, hi = t->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (by_end ? t->tok[mid].end > off : t->tok[mid].start >= off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Byte offset where token i of t starts (t->len past the last). */
static size_t
tok_start(const struct align_text *t, size_t i)
{
	return i < t->n ? t->tok[i].start : t->len;
}

static size_t
count_words(const struct align_text *t, size_t i, size_t n)
{
	size_t words = 0;

	for (; n > 0; i++, n--)
		words += t->tok[i].kind == ALIGN_WORD;
	return words;
}

/* ---- the diff --------------------------------------------------------- */

struct differ {
	const struct align_text	*a;
	const struct align_text	*b;
	int			 fold;		/* letter case ignored */
	struct align_hunk	*h;		/* the script so far */
	size_t			 nh;
	size_t			 caph;
	long			*trace;		/* Myers' V per d */
	size_t			 trace_cap;
};

static int
eq(const struct differ *df, size_t i, size_t j)
{
	return tok_equal(df->a, i, df->b, j, df->fold);
}

/* Add n tokens of op at old token ai, new token bi (merged when it goes
 * on from the last run). */
static void
script_add(struct differ *df, enum align_op op, size_t ai, size_t bi, size_t n)
{
	size_t an = op == ALIGN_INSERT ? 0 : n, bn = op == ALIGN_DELETE ? 0 : n;
	struct align_hunk *last = df->nh > 0 ? &df->h[df->nh - 1] : NULL;

	if (n == 0)
		return;
	if (last != NULL && last->op == op && last->a_tok + last->a_n == ai &&
	    last->b_tok + last->b_n == bi) {
		last->a_n += an;
		last->b_n += bn;
		return;
	}
	if (df->h == NULL || df->nh == df->caph) {
		df->caph = df->caph == 0 ? 64 : df->caph * 2;
		df->h = xreallocarray(df->h, df->caph, sizeof *df->h);
	}
	memset(&df->h[df->nh], 0, sizeof *df->h);
	df->h[df->nh].op = op;
	df->h[df->nh].a_tok = ai;
	df->h[df->nh].a_n = an;
	df->h[df->nh].b_tok = bi;
	df->h[df->nh].b_n = bn;
	df->nh++;
}

/* One step of Myers' path, found walking back. */
struct step {
	enum align_op	op;
	size_t		ai, bi, n;
};

/* V of round d, diagonal k, as saved (rounds 0..d-1 kept whole). */
#define TRACE(d, k)	df->trace[(size_t)(d) * (size_t)(d) + (size_t)((k) + (d))]

/* Walk back from (n, m), reached in round dfound; emit the path. */
static void
myers_path(struct differ *df, size_t a0, size_t b0, long n, long m,
    long dfound)
{
	struct step *st = xreallocarray(NULL, 2 * (size_t)dfound + 2, sizeof *st);
	long x = n, y = m, d, k, pk, px, py, mx;
	size_t ns = 0;

	for (d = dfound; d > 0; d--) {
		k = x - y;
		if (k == -d || (k != d && TRACE(d - 1, k - 1) < TRACE(d - 1, k + 1)))
			pk = k + 1;
		else
			pk = k - 1;
		px = TRACE(d - 1, pk);
		py = px - pk;
		mx = pk == k + 1 ? px : px + 1;		/* after the edit */
		st[ns++] = (struct step){ ALIGN_EQUAL, a0 + (size_t)mx,
		    b0 + (size_t)(mx - k), (size_t)(x - mx) };
		if (pk == k + 1)
			st[ns++] = (struct step){ ALIGN_INSERT, a0 + (size_t)px,
			    b0 + (size_t)py, 1 };
		else
			st[ns++] = (struct step){ ALIGN_DELETE, a0 + (size_t)px,
			    b0 + (size_t)py, 1 };
		x = px;
		y = py;
	}
	script_add(df, ALIGN_EQUAL, a0, b0, (size_t)x);
	while (ns-- > 0)
		script_add(df, st[ns].op, st[ns].ai, st[ns].bi, st[ns].n);
	free(st);
}

/*
 * Myers' greedy diff of old tokens [a0, a0 + n) and new [b0, b0 + m), for
 * at most dmax differences: 0 and the script emitted, or -1 and nothing.
 */
static int
myers(struct differ *df, size_t a0, size_t an, size_t b0, size_t bm,
    long dmax)
{
	long n = (long)an, m = (long)bm, d, k, x, y, *v;
	size_t need;

	if (dmax > n + m)
		dmax = n + m;
	need = (size_t)(dmax + 1) * (size_t)(dmax + 1);
	if (df->trace == NULL || df->trace_cap < need) {
		df->trace = xreallocarray(df->trace, need, sizeof *df->trace);
		df->trace_cap = need;
	}
	v = xcalloc(2 * (size_t)dmax + 3, sizeof *v);
	v += dmax + 1;		/* v[k] for k in [-dmax - 1, dmax + 1] */
	for (d = 0; d <= dmax; d++) {
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && v[k - 1] < v[k + 1]))
				x = v[k + 1];
			else
				x = v[k - 1] + 1;
			y = x - k;
			while (x < n && y < m && eq(df, a0 + (size_t)x,
			    b0 + (size_t)y)) {
				x++;
				y++;
			}
			v[k] = x;
			if (x >= n && y >= m) {
				free(v - dmax - 1);
				myers_path(df, a0, b0, n, m, d);
				return 0;
			}
		}
		for (k = -d; k <= d; k++)
			TRACE(d, k) = v[k];
	}
	free(v - dmax - 1);
	return -1;
}

/* An open-addressing table of token hashes: occurrences on each side. */
struct slot {
	uint64_t	hash;
	size_t		ca, cb;		/* occurrences in old, in new */
	size_t		pa, pb;		/* where (the last one) */
	int		used;
};

static struct slot *
slot_of(struct slot *tab, size_t cap, uint64_t hash, int add)
{
	size_t i = (size_t)(hash ^ hash >> 29) & (cap - 1);

	while (tab[i].used && tab[i].hash != hash)
		i = (i + 1) & (cap - 1);
	if (!tab[i].used) {
		if (!add)
			return NULL;
		tab[i].used = 1;
		tab[i].hash = hash;
	}
	return &tab[i];
}

/* A pair of tokens found once on each side. */
struct anchor {
	size_t	a, b;
};

/* The longest run of pairs (in old order) whose new positions rise. */
static size_t
longest_rising(struct anchor *p, size_t n)
{
	size_t *tails = xreallocarray(NULL, n + 1, sizeof *tails);
	size_t *prev = xreallocarray(NULL, n + 1, sizeof *prev);
	size_t len = 0, i, lo, hi, mid, k;
	struct anchor *keep;

	for (i = 0; i < n; i++) {
		lo = 0;
		hi = len;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (p[tails[mid]].b < p[i].b)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tails[lo - 1] : ALIGN_NONE;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	keep = xreallocarray(NULL, len + 1, sizeof *keep);
	for (k = len, i = len > 0 ? tails[len - 1] : ALIGN_NONE; k > 0;
	    i = prev[i])
		keep[--k] = p[i];
	memcpy(p, keep, len * sizeof *p);
	free(keep);
	free(prev);
	free(tails);
	return len;
}

/* The anchors of a region: *np pairs (to free), in order. */
static struct anchor *
find_anchors(struct differ *df, size_t a0, size_t a1, size_t b0, size_t b1,
    size_t *np)
{
	size_t cap = 16, i, n = 0;
	struct anchor *p;
	struct slot *tab, *s;

	while (cap < 2 * (a1 - a0 + b1 - b0))
		cap *= 2;
	tab = xcalloc(cap, sizeof *tab);
	for (i = a0; i < a1; i++) {
		s = slot_of(tab, cap, df->a->tok[i].hash, 1);
		s->ca++;
		s->pa = i;
	}
	for (i = b0; i < b1; i++)
		if ((s = slot_of(tab, cap, df->b->tok[i].hash, 0)) != NULL) {
			s->cb++;
			s->pb = i;
		}
	p = xreallocarray(NULL, a1 - a0 + 1, sizeof *p);
	for (i = a0; i < a1; i++) {
		s = slot_of(tab, cap, df->a->tok[i].hash, 0);
		if (s->ca == 1 && s->cb == 1 && eq(df, s->pa, s->pb)) {
			p[n].a = s->pa;
			p[n++].b = s->pb;
		}
	}
	free(tab);
	*np = longest_rising(p, n);
	return p;
}

static void diff_region(struct differ *, size_t, size_t, size_t, size_t, int);

/* Patience: cut the region at its anchors; -1 if it has none. */
static int
patience(struct differ *df, size_t a0, size_t a1, size_t b0, size_t b1,
    int depth)
{
	struct anchor *p;
	size_t n, i;

	p = find_anchors(df, a0, a1, b0, b1, &n);
	if (n == 0) {
		free(p);
		return -1;
	}
	for (i = 0; i < n; i++) {
		diff_region(df, a0, p[i].a, b0, p[i].b, depth + 1);
		script_add(df, ALIGN_EQUAL, p[i].a, p[i].b, 1);
		a0 = p[i].a + 1;
		b0 = p[i].b + 1;
	}
	diff_region(df, a0, a1, b0, b1, depth + 1);
	free(p);
	return 0;
}

static void
diff_region(struct differ *df, size_t a0, size_t a1, size_t b0, size_t b1,
    int depth)
{
	size_t pre = 0, suf = 0, na, nb;

	while (a0 + pre < a1 && b0 + pre < b1 && eq(df, a0 + pre, b0 + pre))
		pre++;
	script_add(df, ALIGN_EQUAL, a0, b0, pre);
	a0 += pre;
	b0 += pre;
	while (a1 - suf > a0 && b1 - suf > b0 &&
	    eq(df, a1 - suf - 1, b1 - suf - 1))
		suf++;
	a1 -= suf;
	b1 -= suf;
	na = a1 - a0;
	nb = b1 - b0;
	if (na == 0)
		script_add(df, ALIGN_INSERT, a0, b0, nb);
	else if (nb == 0)
		script_add(df, ALIGN_DELETE, a0, b0, na);
	else if (na + nb <= SMALL_REGION)
		(void)myers(df, a0, na, b0, nb, (long)(na + nb));
	else if ((depth >= MAX_DEPTH || patience(df, a0, a1, b0, b1, depth) != 0) &&
	    myers(df, a0, na, b0, nb, MYERS_DMAX) != 0) {
		script_add(df, ALIGN_DELETE, a0, b0, na);
		script_add(df, ALIGN_INSERT, a1, b0, nb);
	}
	script_add(df, ALIGN_EQUAL, a1, b1, suf);
}

static void
hunk_add(struct align *al, size_t *cap, enum align_op op, size_t ai,
    size_t an, size_t bi, size_t bn)
{
	struct align_hunk *h;

	if (an == 0 && bn == 0)
		return;
	if (al->nh == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		al->h = xreallocarray(al->h, *cap, sizeof *al->h);
	}
	h = &al->h[al->nh++];
	memset(h, 0, sizeof *h);
	h->op = op;
	h->a_tok = ai;
	h->a_n = an;
	h->b_tok = bi;
	h->b_n = bn;
	h->a.start = tok_start(&al->old, ai);
	h->a.end = an > 0 ? al->old.tok[ai + an - 1].end : h->a.start;
	h->b.start = tok_start(&al->new, bi);
	h->b.end = bn > 0 ? al->new.tok[bi + bn - 1].end : h->b.start;
}

/*
 * The hunks, from the matching: runs of matched tokens, and between them
 * the old tokens deleted, then the new ones inserted.
 */
static void
hunks_from_matches(struct align *al)
{
	size_t i = 0, j = 0, i0, j0, cap = 0;

	while (i < al->old.n || j < al->new.n) {
		i0 = i;
		j0 = j;
		while (i < al->old.n && j < al->new.n && al->a2b[i] == j) {
			i++;
			j++;
		}
		hunk_add(al, &cap, ALIGN_EQUAL, i0, i - i0, j0, j - j0);
		i0 = i;
		j0 = j;
		while (i < al->old.n && al->a2b[i] == ALIGN_NONE)
			i++;
		while (j < al->new.n && al->b2a[j] == ALIGN_NONE)
			j++;
		hunk_add(al, &cap, ALIGN_DELETE, i0, i - i0, j0, 0);
		hunk_add(al, &cap, ALIGN_INSERT, i, 0, j0, j - j0);
		if (i < al->old.n && j < al->new.n && al->a2b[i] != j) {
			/* Never: the matching is monotone.  But never loop. */
			al->b2a[al->a2b[i]] = ALIGN_NONE;
			al->a2b[i] = ALIGN_NONE;
		}
	}
}

/* The smaller side of the change right before (after) hunk k (0 for a
 * pure insertion or deletion), or ALIGN_NONE at the edge of the text. */
static size_t
change_beside(const struct align *al, size_t k, int after)
{
	size_t del = 0, ins = 0, i = k;

	for (;;) {
		if (after ? i + 1 >= al->nh : i == 0)
			break;
		i = after ? i + 1 : i - 1;
		if (al->h[i].op == ALIGN_EQUAL)
			break;
		del += al->h[i].a_n;
		ins += al->h[i].b_n;
	}
	if (del + ins == 0 && (after ? k + 1 >= al->nh : k == 0))
		return ALIGN_NONE;
	return del < ins ? del : ins;
}

/* The tokens of EQUAL hunk h are not matched after all. */
static void
unmatch(struct align *al, const struct align_hunk *h)
{
	size_t t;

	for (t = 0; t < h->a_n; t++) {
		al->b2a[al->a2b[h->a_tok + t]] = ALIGN_NONE;
		al->a2b[h->a_tok + t] = ALIGN_NONE;
	}
}

/*
 * Unglue replacements: a run of equal punctuation (a full stop, a comma)
 * between two replacements, or between one and the end of the text, no
 * longer than either side of them, is chance, not a survivor; it would
 * split one replacement in two and tie a moved passage's last mark to
 * another sentence.  It becomes part of the change.  (Next to a pure
 * insertion or deletion it is a survivor: "safe{+ again+}.")  Returns
 * whether any did.
 */
static int
unglue(struct align *al)
{
	size_t k, t, before, after;
	int any = 0;

	for (k = 0; k < al->nh; k++) {
		const struct align_hunk *h = &al->h[k];

		if (h->op != ALIGN_EQUAL ||
		    count_words(&al->old, h->a_tok, h->a_n) > 0)
			continue;
		for (t = 0; t < h->a_n; t++)
			if (al->old.tok[h->a_tok + t].kind != ALIGN_PUNCT)
				break;
		if (t < h->a_n)
			continue;
		before = change_beside(al, k, 0);
		after = change_beside(al, k, 1);
		if ((before == ALIGN_NONE && after == ALIGN_NONE) ||
		    before == 0 || after == 0 ||
		    (before != ALIGN_NONE && h->a_n > before) ||
		    (after != ALIGN_NONE && h->a_n > after))
			continue;
		unmatch(al, h);
		any = 1;
	}
	return any;
}

/* All the tokens of the change right before (after) hunk k, both sides;
 * *replaced: it deletes and inserts. */
static size_t
change_size(const struct align *al, size_t k, int after, int *replaced)
{
	size_t del = 0, ins = 0, i = k;

	while (after ? i + 1 < al->nh : i > 0) {
		i = after ? i + 1 : i - 1;
		if (al->h[i].op == ALIGN_EQUAL)
			break;
		del += al->h[i].a_n;
		ins += al->h[i].b_n;
	}
	*replaced = del > 0 && ins > 0;
	return del + ins;
}

/*
 * Unglue chance words too: one common word ("in", "the"), with at most a
 * mark, equal between two changes of at least CHANCE_RATIO times its
 * size each, one of them a replacement, is no survivor either: it cuts a
 * rewritten sentence in two and takes a word out of a paragraph that
 * moved, so that the paragraph is not found whole where it went.  A word
 * between small edits stays ("the [-old-]{+new+} mayor
 * [-said-]{+claimed+}"), and so does one between two insertions ("a
 * {+new+} word {+here+}").  Returns whether any did.
 */
static int
unglue_words(struct align *al)
{
	size_t k, t;
	int any = 0, r1, r2;

	for (k = 0; k < al->nh; k++) {
		const struct align_hunk *h = &al->h[k];

		if (h->op != ALIGN_EQUAL || h->a_n > 2 ||
		    count_words(&al->old, h->a_tok, h->a_n) != 1)
			continue;
		for (t = 0; t < h->a_n; t++)
			if (al->old.tok[h->a_tok + t].kind == ALIGN_BREAK)
				break;
		if (t < h->a_n ||
		    change_size(al, k, 0, &r1) < CHANCE_RATIO * h->a_n ||
		    change_size(al, k, 1, &r2) < CHANCE_RATIO * h->a_n ||
		    (!r1 && !r2))
			continue;
		unmatch(al, h);
		any = 1;
	}
	return any;
}

/* The script's EQUAL runs as a matching of tokens. */
static void
matches_from_script(struct align *al, const struct differ *df)
{
	size_t i, k;

	al->a2b = xreallocarray(NULL, al->old.n + 1, sizeof *al->a2b);
	al->a2b_soft = xreallocarray(NULL, al->old.n + 1, sizeof *al->a2b);
	al->b2a = xreallocarray(NULL, al->new.n + 1, sizeof *al->b2a);
	for (i = 0; i < al->old.n; i++)
		al->a2b[i] = ALIGN_NONE;
	for (i = 0; i < al->new.n; i++)
		al->b2a[i] = ALIGN_NONE;
	for (i = 0; i < df->nh; i++)
		for (k = 0; df->h[i].op == ALIGN_EQUAL && k < df->h[i].a_n; k++) {
			al->a2b[df->h[i].a_tok + k] = df->h[i].b_tok + k;
			al->b2a[df->h[i].b_tok + k] = df->h[i].a_tok + k;
		}
}

/* Does run [x, y) of t start and end at paragraph edges (0 to 2)? */
static int
edge_score(const struct align_text *t, size_t x, size_t y)
{
	return (x == 0 || t->tok[x - 1].kind == ALIGN_BREAK ||
	    t->tok[x].kind == ALIGN_BREAK) +
	    (y == t->n || t->tok[y].kind == ALIGN_BREAK ||
	    t->tok[y - 1].kind == ALIGN_BREAK);
}

/*
 * A pure insertion (or deletion) [x, y) of text t, between matched
 * tokens, can often slide: "A. {+B. A.+}" is also "{+A. B.+} A.".  The
 * diff picks one at random; slide it to where it starts and ends at
 * paragraph edges (an inserted paragraph is then one piece, and a moved
 * one can be found), else leave it.  to[] maps t's tokens to the other
 * text's, from[] back.
 */
static void
slide_run(const struct align_text *t, size_t *to, size_t *from, size_t x,
    size_t y)
{
	size_t down = 0, up = 0, best_shift = 0, k;
	int best = edge_score(t, x, y), best_down = 1, sc;

	/* Over the matched run after (before) it, as far as it goes on
	 * matching consecutively. */
	while (y + down < t->n && to[y + down] != ALIGN_NONE &&
	    to[y + down] == to[y] + down &&
	    tok_equal(t, x + down, t, y + down, 0))
		down++;
	while (x > up && to[x - up - 1] != ALIGN_NONE &&
	    to[x - up - 1] + up == to[x - 1] &&
	    tok_equal(t, x - up - 1, t, y - up - 1, 0))
		up++;
	for (k = 1; k <= down || k <= up; k++) {
		if (k <= down && (sc = edge_score(t, x + k, y + k)) > best) {
			best = sc;
			best_shift = k;
			best_down = 1;
		}
		if (k <= up && (sc = edge_score(t, x - k, y - k)) > best) {
			best = sc;
			best_shift = k;
			best_down = 0;
		}
	}
	for (k = 0; k < best_shift; k++) {
		size_t give = best_down ? y + k : x - 1 - k;	/* was matched */
		size_t take = best_down ? x + k : y - 1 - k;	/* now matched */

		to[take] = to[give];
		from[to[take]] = take;
		to[give] = ALIGN_NONE;
	}
}

/* Slide every pure insertion and deletion of t (see slide_run); the
 * other text has other_n tokens. */
static void
slide_runs(const struct align_text *t, size_t *to, size_t *from,
    size_t other_n)
{
	size_t x = 0, y;

	while (x < t->n) {
		if (to[x] != ALIGN_NONE) {
			x++;
			continue;
		}
		for (y = x; y < t->n && to[y] == ALIGN_NONE; y++)
			;
		/* Pure: nothing of the other text between the neighbours. */
		if ((x == 0 ? 0 : to[x - 1] + 1) == (y == t->n ? other_n : to[y]))
			slide_run(t, to, from, x, y);
		x = y;
	}
}

/* Pair the words of each change that differ only in letter case. */
static void
pair_soft(struct align *al, struct differ *df)
{
	struct differ soft = { &al->old, &al->new, 1, NULL, 0, 0, NULL, 0 };
	size_t i, k, t;

	for (i = 0; i + 1 < al->nh; i++) {
		const struct align_hunk *d = &al->h[i], *n = &al->h[i + 1];

		if (d->op != ALIGN_DELETE || n->op != ALIGN_INSERT)
			continue;
		soft.nh = 0;
		soft.trace = df->trace;
		soft.trace_cap = df->trace_cap;
		if (myers(&soft, d->a_tok, d->a_n, n->b_tok, n->b_n,
		    MYERS_DMAX) == 0)
			for (k = 0; k < soft.nh; k++)
				for (t = 0; soft.h[k].op == ALIGN_EQUAL &&
				    t < soft.h[k].a_n; t++)
					al->a2b_soft[soft.h[k].a_tok + t] =
					    soft.h[k].b_tok + t;
		df->trace = soft.trace;
		df->trace_cap = soft.trace_cap;
	}
	free(soft.h);
}

struct align *
align_texts(const char *old, size_t olen, const char *new, size_t nlen)
{
	struct align *al = xcalloc(1, sizeof *al);
	struct differ df;

	text_cut(&al->old, old, olen);
	text_cut(&al->new, new, nlen);
	memset(&df, 0, sizeof df);
	df.a = &al->old;
	df.b = &al->new;
	diff_region(&df, 0, al->old.n, 0, al->new.n, 0);
	matches_from_script(al, &df);
	slide_runs(&al->new, al->b2a, al->a2b, al->old.n);
	slide_runs(&al->old, al->a2b, al->b2a, al->new.n);
	hunks_from_matches(al);
	if (unglue(al) | unglue_words(al)) {
		al->nh = 0;
		hunks_from_matches(al);
	}
	memcpy(al->a2b_soft, al->a2b, al->old.n * sizeof *al->a2b);
	pair_soft(al, &df);
	free(df.h);
	free(df.trace);
	return al;
}

static void
text_free(struct align_text *t)
{
	free(t->tok);
	free(t->para);
}

void
align_free(struct align *al)
{
	if (al == NULL)
		return;
	text_free(&al->old);
	text_free(&al->new);
	free(al->h);
	free(al->a2b);
	free(al->a2b_soft);
	free(al->b2a);
	free(al);
}

int
align_changed(const struct align *al)
{
	size_t i;

	for (i = 0; i < al->nh; i++)
		if (al->h[i].op != ALIGN_EQUAL)
			return 1;
	return 0;
}

static size_t
count_paras(const struct align_text *t)
{
	return t->n == 0 ? 0 : t->para[t->n - 1] + 1;
}


/* Tokens [i, i + n) of t that are not paragraph breaks: the first and
 * last (0 if there are none). */
static int
text_span(const struct align_text *t, size_t i, size_t n, size_t *first,
    size_t *last)
{
	size_t k;

	*first = *last = ALIGN_NONE;
	for (k = i; k < i + n; k++)
		if (t->tok[k].kind != ALIGN_BREAK) {
			if (*first == ALIGN_NONE)
				*first = k;
			*last = k;
		}
	return *first != ALIGN_NONE;
}

/* Are the words of run [i, i + n) of t whole paragraphs? */
static int
whole_paras(const struct align_text *t, size_t i, size_t n)
{
	size_t first, last;

	return text_span(t, i, n, &first, &last) &&
	    (first == 0 || t->tok[first - 1].kind == ALIGN_BREAK) &&
	    (last + 1 == t->n || t->tok[last + 1].kind == ALIGN_BREAK);
}

void
align_stats(const struct align *al, struct align_stats *st)
{
	const struct align_text *a = &al->old, *b = &al->new;
	char *mark = xcalloc(count_paras(b) + 1, 1);
	size_t i, k, p, first, last;

	memset(st, 0, sizeof *st);
	st->paras_old = count_paras(a);
	st->paras_new = count_paras(b);
	for (i = 0; i < al->nh; i++) {
		const struct align_hunk *h = &al->h[i];

		if (h->op == ALIGN_DELETE) {
			st->words_deleted += count_words(a, h->a_tok, h->a_n);
			if (whole_paras(a, h->a_tok, h->a_n) &&
			    text_span(a, h->a_tok, h->a_n, &first, &last))
				st->paras_changed += a->para[last] -
				    a->para[first] + 1;
			else if (b->n > 0) {
				p = b->para[h->b_tok < b->n ? h->b_tok : b->n - 1];
				mark[p] = 1;
			}
		} else if (h->op == ALIGN_INSERT) {
			st->words_inserted += count_words(b, h->b_tok, h->b_n);
			for (k = 0; k < h->b_n; k++)
				if (b->tok[h->b_tok + k].kind != ALIGN_BREAK ||
				    h->b_n == 1)
					mark[b->para[h->b_tok + k]] = 1;
		}
	}
	for (p = 0; p < count_paras(b); p++)
		st->paras_changed += mark[p];
	free(mark);
}

/* ---- re-anchoring -------------------------------------------------------- */

const char *
align_state_name(enum align_state s)
{
	switch (s) {
	case ALIGN_EXACT:
		return "exact";
	case ALIGN_MOVED:
		return "moved";
	case ALIGN_CHANGED:
		return "changed";
	case ALIGN_ORPHAN:
		break;
	}
	return "orphan";
}

/* The hunk holding old token i (EQUAL or DELETE). */
static const struct align_hunk *
hunk_of_old(const struct align *al, size_t i)
{
	size_t lo = 0, hi = al->nh, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (al->h[mid].a_tok + al->h[mid].a_n > i)
			hi = mid;
		else
			lo = mid + 1;
	}
	return &al->h[lo];
}

size_t
align_map_offset(const struct align *al, size_t off)
{
	const struct align_text *a = &al->old, *b = &al->new;
	size_t i = tok_search(a, off, 1), j, within, len;

	if (i == a->n)
		return b->len;
	within = off > a->tok[i].start ? off - a->tok[i].start : 0;
	if ((j = al->a2b_soft[i]) != ALIGN_NONE) {
		len = b->tok[j].end - b->tok[j].start;
		return b->tok[j].start + (within < len ? within : len);
	}
	return hunk_of_old(al, i)->b.start;
}

/* A passage: old tokens [i0, i1), no break at either end, and how far
 * into its first token it starts and before its last one's end it ends. */
struct passage {
	size_t	i0, i1;
	size_t	cut_start, cut_end;
	size_t	words;		/* words (or marks, if it has no word) */
	size_t	kept;		/* of those, still in the new text */
	int	intact;		/* every token but breaks kept exactly */
};

static int
passage_find(const struct align *al, size_t s, size_t e, struct passage *p)
{
	const struct align_text *a = &al->old;
	size_t i, words = 0, marks = 0, kept_words = 0, kept_marks = 0;

	memset(p, 0, sizeof *p);
	p->i0 = tok_search(a, s, 1);
	p->i1 = tok_search(a, e, 0);
	while (p->i0 < p->i1 && a->tok[p->i0].kind == ALIGN_BREAK)
		p->i0++;
	while (p->i1 > p->i0 && a->tok[p->i1 - 1].kind == ALIGN_BREAK)
		p->i1--;
	if (p->i0 >= p->i1)
		return 0;
	if (s > a->tok[p->i0].start)
		p->cut_start = s - a->tok[p->i0].start;
	if (e < a->tok[p->i1 - 1].end)
		p->cut_end = a->tok[p->i1 - 1].end - e;
	p->intact = 1;
	for (i = p->i0; i < p->i1; i++) {
		int word = a->tok[i].kind == ALIGN_WORD;

		if (a->tok[i].kind == ALIGN_BREAK)
			continue;
		words += word;
		marks += !word;
		if (al->a2b_soft[i] != ALIGN_NONE) {
			kept_words += word;
			kept_marks += !word;
		}
		if (al->a2b[i] == ALIGN_NONE)
			p->intact = 0;
	}
	p->words = words > 0 ? words : marks;
	p->kept = words > 0 ? kept_words : kept_marks;
	return 1;
}

/* The new range of new tokens [j0, j1] holding the passage's own first
 * and last tokens (exact copies): the same cuts into them. */
static void
place_exact(const struct align *al, const struct passage *p, size_t j0,
    size_t j1, size_t *ns, size_t *ne)
{
	const struct align_tok *f = &al->new.tok[j0], *l = &al->new.tok[j1];

	*ns = f->start + (p->cut_start < f->end - f->start ? p->cut_start : 0);
	*ne = l->end - (p->cut_end < l->end - l->start ? p->cut_end : 0);
	if (*ne < *ns)
		*ne = *ns;
}

/* Is the passage where the alignment puts it, every word kept, with
 * nothing but paragraph breaks added between? */
static int
in_place(const struct align *al, const struct passage *p, size_t *j0,
    size_t *j1)
{
	size_t j;

	if (!p->intact)
		return 0;
	*j0 = al->a2b[p->i0];
	*j1 = al->a2b[p->i1 - 1];
	for (j = *j0; j <= *j1; j++)
		if (al->b2a[j] == ALIGN_NONE &&
		    al->new.tok[j].kind != ALIGN_BREAK)
			return 0;
	return 1;
}

/* How many of the CONTEXT_TOKENS tokens around the passage are the same
 * around new tokens [j0, j1). */
static int
context_score(const struct align *al, const struct passage *p, size_t j0,
    size_t j1)
{
	const struct align_text *a = &al->old, *b = &al->new;
	size_t k;
	int score = 0;

	for (k = 1; k <= CONTEXT_TOKENS; k++) {
		if (p->i0 >= k && j0 >= k &&
		    tok_equal(a, p->i0 - k, b, j0 - k, 0))
			score++;
		if (p->i1 - 1 + k < a->n && j1 - 1 + k < b->n &&
		    tok_equal(a, p->i1 - 1 + k, b, j1 - 1 + k, 0))
			score++;
	}
	return score;
}

/* Does the passage appear whole in text inserted at new token j? */
static int
inserted_copy_at(const struct align *al, const struct passage *p, size_t j)
{
	size_t k, n = p->i1 - p->i0;

	if (j + n > al->new.n)
		return 0;
	for (k = 0; k < n; k++)
		if (al->b2a[j + k] != ALIGN_NONE ||
		    !tok_equal(&al->old, p->i0 + k, &al->new, j + k, 0))
			return 0;
	return 1;
}

/* Where the passage went whole, if it did: its first new token, or
 * ALIGN_NONE.  Of several places: the most context, then the nearest. */
static size_t
find_moved(const struct align *al, const struct passage *p, size_t s)
{
	size_t expect = align_map_offset(al, s), best = ALIGN_NONE, j, dist;
	size_t best_dist = 0, n = p->i1 - p->i0;
	int score, best_score = -1;

	for (j = 0; j + n <= al->new.n; j++) {
		if (!inserted_copy_at(al, p, j))
			continue;
		score = context_score(al, p, j, j + n);
		dist = al->new.tok[j].start > expect ?
		    al->new.tok[j].start - expect : expect - al->new.tok[j].start;
		if (score > best_score || (score == best_score && dist < best_dist)) {
			best = j;
			best_score = score;
			best_dist = dist;
		}
	}
	if (best != ALIGN_NONE && p->words < MOVED_MIN_WORDS && best_score == 0)
		return ALIGN_NONE;	/* a word or two, anywhere: not enough */
	return best;
}

/*
 * The passage's first (dir < 0) or last (dir > 0) words are gone: from the
 * new place of the nearest survivor inside, grow over the new words that
 * replaced them, if everything that went between that survivor and the
 * nearest token kept outside the passage was inside it (else the new
 * words may have replaced words outside: they are not taken in); never
 * over a paragraph break.  The new token where the passage now begins
 * (ends).
 */
static size_t
grow_edge(const struct align *al, const struct passage *p, size_t survivor,
    int dir)
{
	const struct align_text *a = &al->old, *b = &al->new;
	size_t grown = al->a2b_soft[survivor], i, out_j;

	if (dir < 0) {
		for (i = p->i0; i > 0 && al->a2b_soft[i - 1] == ALIGN_NONE; i--)
			if (a->tok[i - 1].kind != ALIGN_BREAK)
				return grown;
		out_j = i > 0 ? al->a2b_soft[i - 1] : ALIGN_NONE;
		while (grown > 0 && grown - 1 != out_j &&
		    b->tok[grown - 1].kind != ALIGN_BREAK &&
		    al->b2a[grown - 1] == ALIGN_NONE)
			grown--;
	} else {
		for (i = p->i1; i < a->n && al->a2b_soft[i] == ALIGN_NONE; i++)
			if (a->tok[i].kind != ALIGN_BREAK)
				return grown;
		out_j = i < a->n ? al->a2b_soft[i] : b->n;
		while (grown + 1 < out_j && b->tok[grown + 1].kind != ALIGN_BREAK &&
		    al->b2a[grown + 1] == ALIGN_NONE)
			grown++;
	}
	return grown;
}

/* The survivors' span, grown at the edges where the edge words were
 * replaced. */
static void
place_changed(const struct align *al, const struct passage *p, size_t *ns,
    size_t *ne)
{
	const struct align_text *b = &al->new;
	size_t fs = p->i0, ls = p->i1 - 1, j0, j1;

	while (al->a2b_soft[fs] == ALIGN_NONE)
		fs++;
	while (al->a2b_soft[ls] == ALIGN_NONE)
		ls--;
	j0 = fs == p->i0 ? al->a2b_soft[fs] : grow_edge(al, p, fs, -1);
	j1 = ls == p->i1 - 1 ? al->a2b_soft[ls] : grow_edge(al, p, ls, 1);
	*ns = b->tok[j0].start;
	*ne = b->tok[j1].end;
	/* The passage's own cut into a first or last word kept exactly. */
	if (fs == p->i0 && al->a2b[fs] == j0 &&
	    p->cut_start < b->tok[j0].end - b->tok[j0].start)
		*ns += p->cut_start;
	if (ls == p->i1 - 1 && al->a2b[ls] == j1 &&
	    p->cut_end < b->tok[j1].end - b->tok[j1].start)
		*ne -= p->cut_end;
	if (*ne < *ns)
		*ne = *ns;
}

enum align_state
align_map(const struct align *al, size_t s, size_t e, size_t *ns, size_t *ne)
{
	struct passage p;
	size_t j0, j1;

	if (!passage_find(al, s, e, &p)) {
		/* No word in it: a place, not a passage. */
		*ns = *ne = align_map_offset(al, s);
		return s >= e ? ALIGN_EXACT : ALIGN_ORPHAN;
	}
	if (in_place(al, &p, &j0, &j1)) {
		place_exact(al, &p, j0, j1, ns, ne);
		return ALIGN_EXACT;
	}
	if ((j0 = find_moved(al, &p, s)) != ALIGN_NONE) {
		place_exact(al, &p, j0, j0 + (p.i1 - p.i0) - 1, ns, ne);
		return ALIGN_MOVED;
	}
	if (p.kept > 0 && 2 * p.kept >= p.words) {
		place_changed(al, &p, ns, ne);
		return ALIGN_CHANGED;
	}
	*ns = *ne = align_map_offset(al, s);
	return ALIGN_ORPHAN;
}

/* ---- the differences view -------------------------------------------------- */

/* The view's pieces, gathered before unchanged paragraphs are folded. */
struct render {
	const struct align	*al;
	struct align_piece	*v;
	size_t			 n;
	size_t			 cap;
	size_t			 para_start;	/* first piece of this paragraph */
	enum align_piece_kind	 last;		/* the paragraph's last piece */
};

static void
piece_push(struct render *r, enum align_piece_kind kind, const char *text,
    size_t len, size_t off)
{
	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 64 : r->cap * 2;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	memset(&r->v[r->n], 0, sizeof *r->v);
	r->v[r->n].kind = kind;
	r->v[r->n].text = text;
	r->v[r->n].len = len;
	r->v[r->n].off = off;
	r->n++;
	r->last = kind;
}

static void
para_end(struct render *r)
{
	if (r->n > r->para_start) {
		piece_push(r, ALIGN_PIECE_END, NULL, 0, 0);
		r->para_start = r->n;
	}
}

/* Tokens [i, i + n) of t (no break among them) as one piece, after a space
 * if the text had one there (not between a deletion and what replaced it). */
static void
run_push(struct render *r, enum align_piece_kind kind,
    const struct align_text *t, size_t i, size_t n)
{
	size_t s = t->tok[i].start, e = t->tok[i + n - 1].end;

	if (r->n > r->para_start &&
	    !(r->last == ALIGN_PIECE_DELETED && kind == ALIGN_PIECE_INSERTED) &&
	    (i == 0 || t->tok[i].start > t->tok[i - 1].end ||
	    t->tok[i - 1].kind == ALIGN_BREAK))
		piece_push(r, ALIGN_PIECE_SPACE, " ", 1, s);
	piece_push(r, kind, t->bytes + s, e - s, s);
}

/* Tokens [i, i + n) of t, cut at paragraph breaks: each break ends the
 * paragraph, or (joined) shows inline. */
static void
runs_push(struct render *r, enum align_piece_kind kind,
    const struct align_text *t, size_t i, size_t n, int joined)
{
	size_t k = i, end = i + n;

	while (k < end) {
		size_t run = k;

		while (run < end && t->tok[run].kind != ALIGN_BREAK)
			run++;
		if (run > k)
			run_push(r, kind, t, k, run - k);
		if (run < end) {
			if (joined)
				piece_push(r, ALIGN_PIECE_JOINED, NULL, 0,
				    t->tok[run].start);
			else
				para_end(r);
		}
		k = run + 1;
	}
}

static void
render_hunk(struct render *r, size_t hi)
{
	const struct align *al = r->al;
	const struct align_hunk *h = &al->h[hi];
	int whole;

	switch (h->op) {
	case ALIGN_EQUAL:
		runs_push(r, ALIGN_PIECE_SAME, &al->new, h->b_tok, h->b_n, 0);
		break;
	case ALIGN_DELETE:
		/* Whole paragraphs stand apart; a break removed between kept
		 * words joined two paragraphs. */
		whole = whole_paras(&al->old, h->a_tok, h->a_n);
		if (whole)
			para_end(r);
		runs_push(r, ALIGN_PIECE_DELETED, &al->old, h->a_tok, h->a_n,
		    !whole);
		if (whole)
			para_end(r);
		break;
	case ALIGN_INSERT:
		if (h->b_n == 1 && al->new.tok[h->b_tok].kind == ALIGN_BREAK &&
		    r->n > r->para_start && r->last == ALIGN_PIECE_SAME &&
		    hi + 1 < al->nh && al->h[hi + 1].op == ALIGN_EQUAL) {
			piece_push(r, ALIGN_PIECE_SPLIT, NULL, 0,
			    al->new.tok[h->b_tok].start);
			para_end(r);
		} else
			runs_push(r, ALIGN_PIECE_INSERTED, &al->new, h->b_tok,
			    h->b_n, 0);
		break;
	}
}

/* Is a paragraph (pieces [s, e)) all unchanged text? */
static int
para_unchanged(const struct render *r, size_t s, size_t e)
{
	for (; s < e; s++)
		if (r->v[s].kind != ALIGN_PIECE_SAME &&
		    r->v[s].kind != ALIGN_PIECE_SPACE)
			return 0;
	return 1;
}

static void
emit_fold(align_emit_fn *emit, void *arg, size_t count)
{
	struct align_piece p;

	if (count == 0)
		return;
	memset(&p, 0, sizeof p);
	p.kind = ALIGN_PIECE_FOLD;
	p.count = count;
	emit(arg, &p);
	p.kind = ALIGN_PIECE_END;
	p.count = 0;
	emit(arg, &p);
}

void
align_render(const struct align *al, align_emit_fn *emit, void *arg)
{
	struct render r;
	size_t i, s, e, folded = 0;

	memset(&r, 0, sizeof r);
	r.al = al;
	for (i = 0; i < al->nh; i++)
		render_hunk(&r, i);
	para_end(&r);
	for (s = 0; s < r.n; s = e + 1) {
		for (e = s; r.v[e].kind != ALIGN_PIECE_END; e++)
			;
		/* The second half of a split paragraph is a change too. */
		if (para_unchanged(&r, s, e) &&
		    !(s >= 2 && r.v[s - 2].kind == ALIGN_PIECE_SPLIT)) {
			folded++;
			continue;
		}
		emit_fold(emit, arg, folded);
		folded = 0;
		for (i = s; i <= e; i++)
			emit(arg, &r.v[i]);
	}
	emit_fold(emit, arg, folded);
	free(r.v);
}

/* align_render_marked's state. */
struct plain {
	FILE				*out;
	const struct align_marks	*m;
	size_t				 paras;
	int				 open;
};

static void
plain_text(FILE *out, const char *before, const struct align_piece *p,
    const char *after)
{
	fputs(before, out);
	listing_text(out, p->text, p->len, 0, p->len, 1);
	fputs(after, out);
}

static void
plain_emit(void *arg, const struct align_piece *p)
{
	struct plain *pl = arg;

	if (p->kind == ALIGN_PIECE_END) {
		fputc('\n', pl->out);
		pl->open = 0;
		return;
	}
	if (!pl->open && pl->paras++ > 0)
		fputc('\n', pl->out);	/* a blank line between paragraphs */
	pl->open = 1;
	switch (p->kind) {
	case ALIGN_PIECE_SAME:
		plain_text(pl->out, "", p, "");
		break;
	case ALIGN_PIECE_DELETED:
		plain_text(pl->out, pl->m->del_open, p, pl->m->del_close);
		break;
	case ALIGN_PIECE_INSERTED:
		plain_text(pl->out, pl->m->ins_open, p, pl->m->ins_close);
		break;
	case ALIGN_PIECE_SPACE:
		fputc(' ', pl->out);
		break;
	case ALIGN_PIECE_JOINED:
		fprintf(pl->out, "%s\xc2\xb6%s", pl->m->del_open,
		    pl->m->del_close);
		break;
	case ALIGN_PIECE_SPLIT:
		fprintf(pl->out, "%s\xc2\xb6%s", pl->m->ins_open,
		    pl->m->ins_close);
		break;
	case ALIGN_PIECE_FOLD:
		fprintf(pl->out, "%s@@ %zu unchanged paragraph%s @@%s",
		    pl->m->fold_open, p->count, p->count == 1 ? "" : "s",
		    pl->m->fold_close);
		break;
	case ALIGN_PIECE_END:
		break;
	}
}

void
align_render_marked(const struct align *al, FILE *out,
    const struct align_marks *m)
{
	struct plain pl = { out, m, 0, 0 };

	align_render(al, plain_emit, &pl);
}

void
align_render_plain(const struct align *al, FILE *out)
{
	static const struct align_marks plain = { "[-", "-]", "{+", "+}", "",
		"" };

	align_render_marked(al, out, &plain);
}
