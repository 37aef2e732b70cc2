/*
 * rxneed.c: what every match of a pattern holds, read from the pattern
 * (rxneed.h).  The reading is conservative: whatever it is not sure of
 * (a construct it does not know, a quantifier that allows none) gives
 * nothing, so that a text it turns away can never hold a match.
 */
#include "artread/rxneed.h"

#include <string.h>

/* How common c is in prose, by guess: the lowest of a pattern's needed
 * bytes is the best filter. */
static int
byte_rank(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return 3;
	if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '\'' ||
	    c == '"')
		return 2;
	if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	return 0;
}

/* Past the POSIX class name at p ("[:alpha:]", "[:^digit:]") if one is
 * there, else p + 1 (a '[' of the class). */
static const char *
posix_end(const char *p)
{
	const char *q = p + 2;

	if (*q == '^')
		q++;
	while (*q >= 'a' && *q <= 'z')
		q++;
	return q[0] == ':' && q[1] == ']' ? q + 2 : p + 1;
}

/* Past the character class that starts at p (its '['). */
static const char *
class_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;		/* a ']' first is a member */
	while (*p != '\0' && *p != ']') {
		if (p[0] == '\\' && p[1] != '\0')
			p += 2;
		else if (p[0] == '[' && p[1] == ':')
			p = posix_end(p);
		else
			p++;
	}
	return *p == ']' ? p + 1 : p;
}

static int
ascii_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* Past the escape that starts at p (its '\'); *lit its byte when it
 * stands for one ASCII byte ("\.", "\@"), else -1 (a class such as \s
 * or \p{L}, an assertion, a code point, a back reference). */
static const char *
escape_end(const char *p, int *lit)
{
	unsigned char c = (unsigned char)p[1];
	const char *close;
	int k;

	*lit = -1;
	if (c == '\0')
		return p + 1;
	if (c >= 0x80 || ascii_letter(c) || (c >= '0' && c <= '9')) {
		p += 2;
		if (*p == '{' && (close = strchr(p, '}')) != NULL)
			return close + 1;	/* \x{..} \p{..} \g{..} \o{..} */
		if (c == 'x')
			for (k = 0; k < 2 && is_hex(*p); k++)
				p++;
		else if ((c == 'c' || c == 'p' || c == 'P') && *p != '\0')
			p++;			/* \cX \pL */
		else if (c >= '0' && c <= '9')
			while (*p >= '0' && *p <= '9')
				p++;
		else if ((c == 'g' || c == 'k') && (*p == '<' || *p == '\'') &&
		    (close = strchr(p + 1, *p == '<' ? '>' : '\'')) != NULL)
			return close + 1;	/* \k<name> */
		while (((unsigned char)*p & 0xc0) == 0x80)
			p++;			/* the rest of a character */
		return p;
	}
	*lit = c;
	return p + 2;
}

/* Past the repeat count that starts at p ("{3}", "{1,60}"), else past
 * its '{' (a literal then, which is never a needed byte). */
static const char *
count_end(const char *p)
{
	const char *q = p + 1;

	while ((*q >= '0' && *q <= '9') || *q == ',' || *q == ' ')
		q++;
	return *q == '}' && q > p + 1 ? q + 1 : p + 1;
}

/*
 * A byte that every match of pattern holds, or -1: an ASCII literal at
 * the pattern's top level (outside any group, class or assertion, with
 * no alternation there) that no quantifier may take away, the rarest
 * such by byte_rank; letters only when the pattern is case-sensitive.
 * A pattern that sets options inline, quotes (\Q) or may accept early
 * has none.  A match is searched for only in a segment that holds it.
 */
int
rxneed_byte(const char *pattern, int caseless)
{
	const char *p = pattern, *q;
	int depth = 0, best = -1, lit;
	unsigned char c;

	if (strstr(pattern, "\\Q") != NULL ||
	    strstr(pattern, "(*ACCEPT") != NULL)
		return -1;
	while (*p != '\0') {
		c = (unsigned char)*p;
		lit = -1;
		if (c == '\\')
			q = escape_end(p, &lit);
		else if (c == '[')
			q = class_end(p);
		else if (c == '(') {
			/* (?i) (?-s) (?x: ...) and the like */
			if (p[1] == '?' && ((p[2] >= 'a' && p[2] <= 'z') ||
			    (p[2] != '\0' && strchr("JU^-)", p[2]) != NULL)))
				return -1;
			depth++;
			q = p + 1;
		} else if (c == ')') {
			if (depth > 0)
				depth--;
			q = p + 1;
		} else if (c == '|') {
			if (depth == 0)
				return -1;
			q = p + 1;
		} else if (c == '{')
			q = count_end(p);
		else {
			if (c < 0x80 && strchr(".^$?*+}]", c) == NULL)
				lit = c;
			for (q = p + 1; ((unsigned char)*q & 0xc0) == 0x80; q++)
				;
		}
		/* (a quantifier that allows none takes it away) */
		if (lit >= 0 && depth == 0 && *q != '?' && *q != '*' &&
		    *q != '{' && !(caseless && ascii_letter(lit)) &&
		    (best < 0 || byte_rank((unsigned char)lit) <
		    byte_rank((unsigned char)best)))
			best = lit;
		p = q;
	}
	return best;
}

/* ---- the needed strings ---- */

/* A set of strings (n -1: none known). */
struct rxset {
	int		 n;
	unsigned char	 len[RXNEED_MAX];
	char		 s[RXNEED_MAX][RXNEED_LEN];
};

struct rx {
	const char	*p;		/* the next byte of the pattern */
	int		 bail;		/* something not understood */
};

static void rx_alt(struct rx *x, struct rxset *out);

/* The shortest of set's strings (0: none known); the longer, the rarer
 * (a guess). */
static int
set_score(const struct rxset *set)
{
	int i, m = RXNEED_LEN + 1;

	if (set->n <= 0)
		return 0;
	for (i = 0; i < set->n; i++)
		if (set->len[i] < m)
			m = set->len[i];
	return m;
}

/* Keep cand in best if it is the better filter. */
static void
set_better(struct rxset *best, const struct rxset *cand)
{
	int a = set_score(cand), b = set_score(best);

	if (a > b || (a == b && a > 0 && cand->n < best->n))
		*best = *cand;
}

/* Add from's strings to out; -1 in out when there is no room. */
static void
set_union(struct rxset *out, const struct rxset *from)
{
	int i;

	if (out->n < 0 || from->n < 0 || out->n + from->n > RXNEED_MAX) {
		out->n = -1;
		return;
	}
	for (i = 0; i < from->n; i++) {
		out->len[out->n] = from->len[i];
		memcpy(out->s[out->n++], from->s[i], from->len[i]);
	}
}

/* The fewest times the quantifier at x->p (if any) repeats what is
 * before it (1: no quantifier); x->p past it.  *rep: there is one. */
static unsigned
rx_quant(struct rx *x, int *rep)
{
	const char *q = x->p;
	unsigned min = 1;

	*rep = 1;
	if (*q == '?' || *q == '*')
		min = 0, q++;
	else if (*q == '+')
		q++;
	else if (*q == '{' && count_end(q) != q + 1) {
		for (min = 0, q++; *q >= '0' && *q <= '9'; q++)
			min = min * 10 + (unsigned)(*q - '0');
		q = count_end(x->p);
	} else {
		*rep = 0;
		return 1;
	}
	if (*q == '?' || *q == '+')
		q++;		/* lazy, possessive */
	x->p = q;
	return min;
}

/* Past the ')' of what starts at x->p, nothing inside understood but
 * that it holds none ("(*PRUNE)", "(?1)", "(?#...)"); bail if none. */
static void
rx_skip_to_close(struct rx *x)
{
	const char *q = strchr(x->p, ')');

	if (q == NULL)
		x->bail = 1;
	x->p = q != NULL ? q + 1 : x->p + strlen(x->p);
}

/*
 * The group or verb at x->p ('('): its strings in *set (-1: none, as
 * for an assertion, whose text may lie before the match) and x->p past
 * it; *dead for (*FAIL).
 */
static void
rx_group(struct rx *x, struct rxset *set, int *dead)
{
	const char *p = x->p;
	struct rxset inner;
	int assertion = 0;

	set->n = -1;
	if (p[1] == '*') {
		if (!(p[2] >= 'A' && p[2] <= 'Z') && p[2] != ':') {
			x->bail = 1;		/* (*pla:...) and the like */
			return;
		}
		if (strncmp(p + 2, "F)", 2) == 0 ||
		    strncmp(p + 2, "FAIL)", 5) == 0 ||
		    strncmp(p + 2, "FAIL:", 5) == 0)
			*dead = 1;
		rx_skip_to_close(x);
		return;
	}
	if (p[1] != '?')
		x->p = p + 1;
	else if (p[2] == ':' || p[2] == '>' || p[2] == '|')
		x->p = p + 3;
	else if (p[2] == '=' || p[2] == '!')
		x->p = p + 3, assertion = 1;
	else if (p[2] == '<' && (p[3] == '=' || p[3] == '!'))
		x->p = p + 4, assertion = 1;
	else if ((p[2] == '<' || p[2] == '\'' || (p[2] == 'P' &&
	    p[3] == '<')) && strchr(p + 3, p[2] == '\'' ? '\'' : '>') != NULL)
		x->p = strchr(p + 3, p[2] == '\'' ? '\'' : '>') + 1;
	else if (p[2] == '#' || p[2] == 'R' || p[2] == '&' || p[2] == '+' ||
	    p[2] == '-' || (p[2] >= '0' && p[2] <= '9') || p[2] == 'P') {
		rx_skip_to_close(x);	/* a comment, recursion, a call */
		return;
	} else {
		x->bail = 1;		/* options, a condition */
		return;
	}
	rx_alt(x, &inner);
	if (*x->p != ')') {
		x->bail = 1;
		return;
	}
	x->p++;
	if (!assertion)
		*set = inner;
}

/* The literal run so far as a candidate, and a new run. */
static void
run_flush(struct rxset *best, char *run, size_t *rl)
{
	struct rxset one;

	if (*rl > 0) {
		one.n = 1;
		one.len[0] = (unsigned char)*rl;
		memcpy(one.s[0], run, *rl);
		set_better(best, &one);
	}
	*rl = 0;
}

/*
 * A branch: the items from x->p up to '|', ')' or the end.  The best
 * set of strings it needs in *best (-1: none known); *dead if it can
 * never match.
 */
static void
rx_seq(struct rx *x, struct rxset *best, int *dead)
{
	char run[RXNEED_LEN], lit[4];
	size_t rl = 0, nl, i;
	int full = 0, rep, l;
	struct rxset g;
	unsigned min;
	const char *q;

	best->n = -1;
	*dead = 0;
	while (!x->bail && *x->p != '\0' && *x->p != '|' && *x->p != ')') {
		unsigned char c = (unsigned char)*x->p;

		nl = 0;
		g.n = -1;
		if (c == '\\') {
			x->p = escape_end(x->p, &l);
			if (l >= 0)
				lit[nl++] = (char)l;
		} else if (c == '[')
			x->p = class_end(x->p);
		else if (c == '(')
			rx_group(x, &g, dead);
		else if (c == '.' || c == '^' || c == '$')
			x->p++;
		else {
			for (q = x->p + 1; ((unsigned char)*q & 0xc0) == 0x80 &&
			    q - x->p < 4; q++)
				;
			nl = (size_t)(q - x->p);
			memcpy(lit, x->p, nl);
			x->p = q;
		}
		min = rx_quant(x, &rep);
		if (nl > 0 && min > 0) {
			/* a literal: on the run (ended by a repeat) */
			for (i = 0; i < nl && !full; i++) {
				if (rl == RXNEED_LEN)
					full = 1;	/* its prefix it is */
				else
					run[rl++] = lit[i];
			}
			if (!rep)
				continue;
		}
		run_flush(best, run, &rl);
		full = 0;
		if (min > 0)
			set_better(best, &g);
	}
	run_flush(best, run, &rl);
}

/* Branches from x->p up to ')' or the end: what each that can match
 * needs, together (-1: one needs none known, or none can match). */
static void
rx_alt(struct rx *x, struct rxset *out)
{
	struct rxset b;
	int dead, live = 0;

	out->n = 0;
	for (;;) {
		rx_seq(x, &b, &dead);
		if (!dead) {
			live = 1;
			set_union(out, &b);
		}
		if (x->bail || *x->p != '|')
			break;
		x->p++;
	}
	if (!live || x->bail)
		out->n = -1;
}

/* The two bytes at u as one number (native order: the table is made
 * with the same loads). */
static inline unsigned
two_bytes(const unsigned char *u)
{
	uint16_t v;

	memcpy(&v, u, 2);
	return v;
}

int
rxneed_strings(const char *pattern, int caseless, struct rxneed *need)
{
	struct rx x = { pattern, 0 };
	struct rxset set;
	int i;

	need->n = 0;
	if (caseless || strstr(pattern, "\\Q") != NULL ||
	    strstr(pattern, "(*ACCEPT") != NULL)
		return 0;
	rx_alt(&x, &set);
	if (x.bail || *x.p != '\0' || set_score(&set) < 2)
		return 0;
	memset(need->pairs, 0, sizeof need->pairs);
	for (i = 0; i < set.n; i++) {
		unsigned k = two_bytes((const unsigned char *)set.s[i]);

		need->len[i] = set.len[i];
		memcpy(need->s[i], set.s[i], set.len[i]);
		need->first2[i] = (uint16_t)k;
		need->pairs[k] = 1;
	}
	need->n = set.n;
	return 1;
}

int
rxneed_holds(const struct rxneed *need, const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	unsigned k;
	size_t p;
	int i;

	for (p = 0; p + 1 < n; p++) {
		if (!need->pairs[k = two_bytes(u + p)])
			continue;
		for (i = 0; i < need->n; i++)
			if (need->first2[i] == k && need->len[i] <= n - p &&
			    memcmp(t + p, need->s[i], need->len[i]) == 0)
				return 1;
	}
	return 0;
}

/* ---- the run before a needed byte ---- */

static void
bytes_add(uint64_t *set, unsigned b)
{
	set[b / 64] |= (uint64_t)1 << (b % 64);
}

static void
bytes_range(uint64_t *set, unsigned lo, unsigned hi)
{
	for (; lo <= hi; lo++)
		bytes_add(set, lo);
}

static int
bytes_has(const uint64_t *set, unsigned b)
{
	return (set[b / 64] >> (b % 64)) & 1;
}

/* What \w, \d or \s may match a byte of (with PCRE2_UCP: any byte of a
 * character past ASCII; the ASCII bytes exactly), else every byte;
 * whether the ASCII bytes are exact. */
static int
bytes_escape(uint64_t *set, char e)
{
	if (e == 'd')
		bytes_range(set, '0', '9');
	else if (e == 'w') {
		bytes_range(set, '0', '9');
		bytes_range(set, 'A', 'Z');
		bytes_range(set, 'a', 'z');
		bytes_add(set, '_');
		bytes_range(set, 0x80, 0xff);
	} else if (e == 's') {
		bytes_range(set, '\t', '\r');
		bytes_add(set, ' ');
		bytes_range(set, 0x80, 0xff);
	} else {
		bytes_range(set, 0, 0xff);
		return 0;
	}
	return 1;
}

/*
 * Past the class at p ('['), the bytes it may match one of added to set:
 * more, never fewer (a member not understood: every byte; any byte past
 * ASCII of a negated class).
 */
static const char *
bytes_class(const char *p, uint64_t *set)
{
	uint64_t c[4] = { 0, 0, 0, 0 };
	const char *q = p + 1, *end = class_end(p);
	int neg = 0, exact = 1, lo, hi, k;

	if (*q == '^')
		neg = 1, q++;
	if (end[-1] != ']')
		exact = 0;		/* (no end) */
	while (exact && q < end - 1) {
		if ((unsigned char)*q >= 0x80 || (q[0] == '[' && q[1] == ':'))
			exact = 0;	/* (a range past ASCII, [:alpha:]) */
		else if (*q == '\\') {
			escape_end(q, &lo);
			if (lo < 0) {
				exact = bytes_escape(c, q[1]);
				q = escape_end(q, &k);
				continue;
			}
			q += 2;
		} else
			lo = (unsigned char)*q++;
		if (!exact)
			break;
		hi = lo;
		if (q[0] == '-' && q + 1 < end - 1) {
			if ((unsigned char)q[1] >= 0x80 || q[1] == '\\' ||
			    (q[1] == '[' && q[2] == ':')) {
				exact = 0;
				break;
			}
			hi = (unsigned char)q[1];
			q += 2;
		}
		if (hi >= lo)
			bytes_range(c, (unsigned)lo, (unsigned)hi);
	}
	for (k = 0; k < 4; k++)
		if (!exact)
			set[k] = ~(uint64_t)0;
		else
			set[k] |= neg ? (k < 2 ? ~c[k] : ~(uint64_t)0) : c[k];
	/* (a member past ASCII, even of a class not negated: its bytes) */
	if (!neg)
		for (q = p + 1; q < end; q++)
			if ((unsigned char)*q >= 0x80)
				bytes_range(set, 0x80, 0xff);
	return end;
}

/* Past the parenthesis at p ('(') and what it holds, nested ones too
 * (classes and escapes read as such). */
static const char *
bytes_skip(struct rx *x, const char *p)
{
	int depth = 0, lit;

	while (*p != '\0') {
		if (*p == '\\')
			p = escape_end(p, &lit);
		else if (*p == '[')
			p = class_end(p);
		else if (*p++ == '(')
			depth++;
		else if (p[-1] == ')' && --depth == 0)
			return p;
	}
	x->bail = 1;
	return p;
}

/* Past the group at p ('('), whose bytes are all added to set (a
 * lookaround's none: it matches no byte); bail in *x. */
static const char *
bytes_group(struct rx *x, const char *p, uint64_t *set)
{
	int around = p[1] == '?' && (p[2] == '=' || p[2] == '!' ||
	    (p[2] == '<' && (p[3] == '=' || p[3] == '!')));
	uint64_t none[4] = { 0, 0, 0, 0 }, *to = around ? none : set;
	int lit;

	if (p[1] == '?' && ((p[2] >= 'a' && p[2] <= 'z') || p[2] == '(' ||
	    (p[2] != '\0' && strchr("JU^-)", p[2]) != NULL))) {
		x->bail = 1;
		return p + strlen(p);
	}
	if (p[1] == '?' && (p[2] == 'R' || p[2] == '&' || p[2] == '+' ||
	    p[2] == '-' || (p[2] >= '0' && p[2] <= '9') || (p[2] == 'P' &&
	    p[3] != '<'))) {
		bytes_range(set, 0, 0xff);	/* a call, a back reference */
		return bytes_skip(x, p);
	}
	if (p[1] == '*' || (p[1] == '?' && p[2] == '#')) {
		const char *q = strchr(p, ')');

		return q != NULL ? q + 1 : p + strlen(p);
	}
	for (p++; *p != '\0' && *p != ')' && !x->bail;) {
		if (*p == '\\') {
			const char *q = escape_end(p, &lit);

			if (lit >= 0)
				bytes_add(to, (unsigned)lit);
			else if (strchr("bBAzZGK", p[1]) == NULL)
				(void)bytes_escape(to, p[1]);
			p = q;
		} else if (*p == '[')
			p = bytes_class(p, to);
		else if (*p == '(')
			p = bytes_group(x, p, to);
		else if (*p == '.')
			bytes_range(to, 0, 0xff), p++;
		else {
			/* (a group's name or a count's digits too: more
			 * bytes than it matches, never fewer) */
			if (strchr("?*+|^$", *p) == NULL)
				bytes_add(to, (unsigned char)*p);
			p++;
		}
	}
	if (*p != ')')
		x->bail = 1;
	return *p == ')' ? p + 1 : p;
}

int
rxneed_run(const char *pattern, int caseless, int *need, uint64_t *before)
{
	struct rx x = { pattern, 0 };
	uint64_t set[4] = { 0, 0, 0, 0 };
	const char *p = pattern, *q;
	int lit, rep, best = -1;
	unsigned min;

	*need = -1;
	/* (a case-insensitive k matches the Kelvin sign's bytes too) */
	if (caseless || strstr(pattern, "\\Q") != NULL ||
	    strstr(pattern, "(*ACCEPT") != NULL)
		return 0;
	while (*p != '\0' && !x.bail) {
		lit = -1;
		if (*p == '\\') {
			q = escape_end(p, &lit);
			if (lit < 0 && strchr("bBAzZGK", p[1]) == NULL)
				(void)bytes_escape(set, p[1]);
		} else if (*p == '[')
			q = bytes_class(p, set);
		else if (*p == '(')
			q = bytes_group(&x, p, set);
		else if (*p == '|')
			return 0;
		else if (*p == '.')
			bytes_range(set, 0, 0xff), q = p + 1;
		else if (*p == '^' || *p == '$')
			q = p + 1;
		else {
			for (q = p + 1; ((unsigned char)*q & 0xc0) == 0x80; q++)
				;
			if ((unsigned char)*p < 0x80 && *p != ')')
				lit = (unsigned char)*p;
			else
				for (; p < q; p++)
					bytes_add(set, (unsigned char)*p);
		}
		x.p = q;
		min = rx_quant(&x, &rep);
		q = x.p;
		if (lit >= 0) {
			/* a needed byte that no byte before it can be */
			if (min > 0 && !(caseless && ascii_letter(lit)) &&
			    !bytes_has(set, (unsigned)lit) && (best < 0 ||
			    byte_rank((unsigned char)lit) <
			    byte_rank((unsigned char)best))) {
				best = lit;
				memcpy(before, set, sizeof set);
			}
			bytes_add(set, (unsigned)lit);
			if (caseless && ascii_letter(lit))
				bytes_add(set, (unsigned)lit ^ 0x20);
		}
		p = q;
	}
	if (x.bail || best < 0)
		return 0;
	*need = best;
	return 1;
}
