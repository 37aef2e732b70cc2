/*
 * rules.c: a rule set at run time: the word lists (a hash table in the
 * rule set's image, rules_img.h, looked up in place), the gazetteers
 * (mapped, searched in place), the quotation marks, and the pattern
 * rules, compiled and JIT-compiled when first used (rules_prepare does
 * them all, before threads share the set).  Loading from INI files, and
 * keeping images of what was loaded, is rules_load.c's.
 *
 * Matching is safe from several threads at once: the compiled patterns
 * are only read, and each thread has its own match context and JIT stack
 * (made on its first match, freed by rules_thread_end) and its own match
 * data for each scan.
 *
 * The prescan (issue 16): PCRE2's JIT looks for where a match may start
 * a byte at a time, at 10-20 instructions a byte for a start set such as
 * digits or a few capitals (only a set of one or two bytes is searched
 * fast), and the default rules are 19 such passes over every paragraph.
 * So for a rule whose matches can only start with a few byte values
 * (PCRE2's start bitmap, without lower-case letters or white space) the
 * bytes of a block that any such rule may start with are marked once, in
 * one pass (struct starts), and PCRE2 is called only where this rule's
 * bytes are, with an offset limit (PCRE2_USE_OFFSET_LIMIT) so that it
 * tries no start past them: the same matches, since PCRE2 itself skips
 * the bytes its bitmap excludes (see prescan_ok for what else it takes).
 *
 * The second byte (wt-perf2): for each ASCII first byte, the ASCII bytes
 * that may follow it at a match's start (asked of PCRE2 once, a partial
 * match of the two bytes: second_bytes), so that a capital starts
 * money_code's search only before another capital, an M date_month_day's
 * only before an a.
 *
 * The runs (wt-perf2): a rule the prescan does not take, whose matches
 * hold a byte that what comes before it in them cannot (email's '@',
 * url_bare's '/'), has its starts marked in the same marks: the runs of
 * bytes that may come before, right before each such byte (rxneed_run).
 *
 * The needed byte (wt-perf2): a pattern such as email's has a literal
 * at its top level that every match holds ('@'; url_bare's '/'), so a
 * segment without that byte is not searched at all (rxneed.h), nor one
 * without any of the strings a rule needs (org_suffix's suffixes).
 */
#include "artread/rules.h"
#include "artread/utf8.h"

#include <sys/mman.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/diag.h"
#include "artread/ent_type.h"
#include "artread/gazetteer.h"
#include "artread/pcre2lib.h"
#include "artread/rxneed.h"
#include "artread/util.h"
#include "rules_img.h"

#define RULES_MATCH_LIMIT	20000000u
#define RULES_DEPTH_LIMIT	10000u
#define RULES_HEAP_LIMIT	65536u		/* KiB */
#define RULES_JIT_STACK		(1u << 20)	/* bytes, at most */
/*
 * The work a rule may do on one document (rules_scan).  A match sees
 * the paragraph it starts in, at most RULES_SEGMENT_MAX bytes of it, so
 * that no lookahead searches the whole article from every place tried
 * (x(?=[^#]*#) took minutes on a megabyte).  A start that needs more
 * than RULES_STEP_LIMIT match steps (PCRE2's match limit, which counts
 * per start) is costly: it is tried again on its own with twice the
 * limit, and again, up to RULES_MATCH_LIMIT, each try charged in full
 * to the rule's budget for the document.  Counted in steps, not
 * seconds, so the outcome does not depend on the machine or its load.
 * A rule past its budget is switched off for the document, with a
 * message naming it.
 */
#define RULES_SEGMENT_MAX	16384u
#define RULES_STEP_LIMIT	1000u
#define RULES_BUDGET		150000000ull
#define RULES_MAX_QMARKS	32

struct rule {
	const char	*name;		/* in the image */
	const char	*pattern;
	const char	*file;		/* where the pattern came from */
	int		 line;
	int		 type;
	int		 priority;
	int		 caseless;
	pcre2_code	*code;		/* NULL until first used */
	int		 group;		/* capture group "e", or 0 */
	int		 jit;		/* code has JIT code */
	int		 ready;		/* compiled (or failed to) */
	int		 prescan;	/* its starts are found by the prescan */
	unsigned char	 first[256];	/* then: may a match start with it? */
	uint64_t	*second;	/* and with ASCII b, c: bit c of
					 * second[b * 2 + c / 64]; NULL: any */
	int		 seconds;	/* second asked for (made if it can) */
	int		 need;		/* a byte every match holds, or -1 */
	int		 runscan;	/* its starts are marked by runs: */
	int		 run_need;	/* ... before each of these bytes */
	uint64_t	 run_bytes[4];	/* ... of these (rxneed_run) */
	struct rxneed	*strings;	/* ... or one of these, or NULL */
};

struct rules {
	char				*img;
	size_t				 img_len;
	int				 mapped;
	const struct rules_img_slot	*slots;
	uint32_t			 mask;		/* nslots - 1 */
	const char			*strings;
	uint32_t			 nstrings;
	struct rule			*rules;
	size_t				 nrules;
	char				**inis;		/* the files, for messages */
	size_t				 ninis;
	struct gaz			**gaz;
	size_t				 ngaz;
	struct rules_qmark		 qmarks[RULES_MAX_QMARKS];
	size_t				 nqmarks;
	size_t				 listsize[RL__COUNT];
	pthread_mutex_t			 lock;		/* compiling */
};

/* A thread's match context and JIT stack. */
struct matcher {
	pcre2_match_context	*mctx;
	pcre2_jit_stack		*jit_stack;
};

static _Thread_local struct matcher *thread_matcher;

uint32_t
rules_compile_options(int caseless)
{
	return PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
	    (caseless ? PCRE2_CASELESS : 0);
}

/* ---- the image ---- */

/* Is [off, off + n * size) inside len, aligned for size? */
static int
span_ok(size_t len, uint32_t off, uint32_t n, size_t size, size_t align)
{
	return off % align == 0 && off <= len &&
	    (size_t)n <= (len - off) / size;
}

int
rules_image_check(const char *img, size_t len)
{
	const struct rules_img_hdr *h = (const void *)img;
	const struct rules_img_rule *ru;
	const struct rules_img_dep *dp;
	const struct rules_qmark *qm;
	const uint32_t *gz;
	uint32_t i, ns;

	if (len < sizeof *h || h->size != len ||
	    !span_ok(len, h->strings, h->nstrings, 1, 1) || h->nstrings == 0 ||
	    img[h->strings + h->nstrings - 1] != '\0' ||
	    !span_ok(len, h->rules, h->nrules, sizeof *ru, 4) ||
	    !span_ok(len, h->deps, h->ndeps, sizeof *dp, 8) ||
	    !span_ok(len, h->qmarks, h->nqmarks, sizeof *qm, 4) ||
	    h->nqmarks > RULES_MAX_QMARKS ||
	    !span_ok(len, h->gaz, h->ngaz, sizeof *gz, 4) ||
	    !span_ok(len, h->slots, h->nslots, sizeof(struct rules_img_slot),
	    4) || h->nslots == 0 || (h->nslots & (h->nslots - 1)) != 0 ||
	    h->nwords >= h->nslots)
		return -1;
	ns = h->nstrings;
	ru = (const void *)(img + h->rules);
	for (i = 0; i < h->nrules; i++)
		if (ru[i].name >= ns || ru[i].pattern >= ns ||
		    ru[i].ini >= h->ninis)
			return -1;
	dp = (const void *)(img + h->deps);
	for (i = 0; i < h->ndeps; i++)
		if (dp[i].path >= ns)
			return -1;
	gz = (const void *)(img + h->gaz);
	for (i = 0; i < h->ngaz; i++)
		if (gz[i] >= ns)
			return -1;
	qm = (const void *)(img + h->qmarks);
	for (i = 0; i < h->nqmarks; i++)
		if (memchr(qm[i].open, '\0', sizeof qm[i].open) == NULL ||
		    memchr(qm[i].close, '\0', sizeof qm[i].close) == NULL)
			return -1;
	return 0;
}

struct rules *
rules_from_image(void *img, size_t len, int mapped, const char *const *inis,
    size_t ninis, char *dir, struct diag *d)
{
	struct rules *r = xcalloc(1, sizeof *r);
	const struct rules_img_hdr *h = img;
	const struct rules_img_rule *ru;
	const uint32_t *gz;
	const char *why;
	struct gaz *g;
	char *path;
	size_t i;

	pthread_mutex_init(&r->lock, NULL);
	r->img = img;
	r->img_len = len;
	r->mapped = mapped;
	r->inis = xcalloc(ninis + 1, sizeof *r->inis);
	for (i = 0; i < ninis; i++)
		r->inis[i] = xstrdup(inis[i]);
	r->ninis = ninis;
	if (!mapped && rules_image_check(img, len) != 0)
		fatalx("rules: a bad image was made");	/* our own bug */
	r->strings = r->img + h->strings;
	r->nstrings = h->nstrings;
	r->slots = (const void *)(r->img + h->slots);
	r->mask = h->nslots - 1;
	for (i = 0; i < RL__COUNT; i++)
		r->listsize[i] = h->listsize[i];
	r->nqmarks = h->nqmarks;
	memcpy(r->qmarks, r->img + h->qmarks, h->nqmarks * sizeof *r->qmarks);
	ru = (const void *)(r->img + h->rules);
	r->rules = xcalloc(h->nrules + 1, sizeof *r->rules);
	r->nrules = h->nrules;
	for (i = 0; i < r->nrules; i++) {
		r->rules[i].name = r->strings + ru[i].name;
		r->rules[i].pattern = r->strings + ru[i].pattern;
		r->rules[i].file = r->inis[ru[i].ini];
		r->rules[i].line = (int)ru[i].line;
		r->rules[i].type = ru[i].type;
		r->rules[i].priority = ru[i].priority;
		r->rules[i].caseless = ru[i].caseless;
	}
	gz = (const void *)(r->img + h->gaz);
	for (i = 0; i < h->ngaz; i++) {
		const char *p = r->strings + gz[i];

		path = p[0] == '/' ? xstrdup(p) : xasprintf("%s%s", dir, p);
		if ((g = gaz_open(path, &why)) == NULL)
			diag_error(d, "cannot read gazetteer %s: %s", path, why);
		else {
			r->gaz = xreallocarray(r->gaz, r->ngaz + 1,
			    sizeof *r->gaz);
			r->gaz[r->ngaz++] = g;
		}
		free(path);
	}
	free(dir);
	return r;
}

void
rules_free(struct rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nrules; i++) {
		if (r->rules[i].code != NULL)	/* (else PCRE2 may be unloaded) */
			pcre2_code_free(r->rules[i].code);
		free(r->rules[i].second);
		free(r->rules[i].strings);
	}
	free(r->rules);
	for (i = 0; i < r->ngaz; i++)
		gaz_close(r->gaz[i]);
	free(r->gaz);
	util_free_list(r->inis, r->ninis);
	if (r->mapped)
		munmap(r->img, r->img_len);
	else
		free(r->img);
	pthread_mutex_destroy(&r->lock);
	free(r);
	rules_thread_end();
}

/* ---- word lists and gazetteers ---- */

/* The lists a gazetteer can answer for. */
#define GAZETTEER_LISTS	((1u << RL_PLACE) | (1u << RL_PLACE_WORD) | \
			 (1u << RL_PLACE_PERSON))

/* The gazetteers' answer for s[0, n), as list bits. */
static unsigned
gazetteer_lists(const struct rules *r, const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	unsigned k = 0, l = 0;
	size_t i;

	/* Every name there starts with a capital and ends with a letter. */
	if (!((c >= 'A' && c <= 'Z') || c >= 0xc3) || s[n - 1] == '.')
		return 0;
	for (i = 0; i < r->ngaz; i++)
		k |= gaz_lookup(r->gaz[i], s, n);
	if (k == 0)
		return 0;
	if (k & GAZ_WORD)
		l |= 1u << RL_PLACE_WORD;
	if (k & GAZ_PERSON)
		l |= 1u << RL_PLACE_PERSON;
	return l != 0 ? l : 1u << RL_PLACE;
}

unsigned
rules_word_lists(const struct rules *r, const char *s, size_t n)
{
	uint32_t h = strmap_hash(s, n), k, probes;
	const struct rules_img_slot *sl;

	for (k = h & r->mask, probes = 0; probes <= r->mask;
	    k = (k + 1) & r->mask, probes++) {
		sl = &r->slots[k];
		if (sl->len == 0)
			return 0;
		if (sl->hash == h && sl->len == n && sl->key < r->nstrings &&
		    n <= r->nstrings - sl->key &&
		    strmap_same_key(r->strings + sl->key, s, n))
			return sl->lists;
	}
	return 0;
}

unsigned
rules_lists_of(const struct rules *r, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	return rules_word_lists(r, s, n) | (r->ngaz > 0 ?
	    gazetteer_lists(r, s, n) : 0);
}

int
rules_is_polity(const struct rules *r, const char *s, size_t n)
{
	unsigned k = 0;
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < r->ngaz; i++)
		k |= gaz_lookup(r->gaz[i], s, n);
	return (k & (GAZ_COUNTRY | GAZ_REGION)) != 0 &&
	    !(k & (GAZ_WORD | GAZ_PERSON));
}

int
rules_place_starts(const struct rules *r, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < r->ngaz; i++) {
		if (gaz_starts(r->gaz[i], s, n))
			return 1;
	}
	return 0;
}

int
rules_in_list(const struct rules *r, enum rules_list l, const char *s,
    size_t n)
{
	if ((1u << l) & GAZETTEER_LISTS)
		return (rules_lists_of(r, s, n) >> l) & 1;
	/* the word lists only: no binary search for a verb or a title */
	return (rules_word_lists(r, s, n) >> l) & 1;
}

size_t
rules_list_size(const struct rules *r, enum rules_list l)
{
	return r->listsize[l];
}

size_t
rules_quote_marks(const struct rules *r, const struct rules_qmark **marks)
{
	*marks = r->qmarks;
	return r->nqmarks;
}

size_t
rules_count(const struct rules *r)
{
	return r->nrules;
}

const char *
rules_name(const struct rules *r, size_t i)
{
	return r->rules[i].name;
}

int
rules_type(const struct rules *r, size_t i)
{
	return r->rules[i].type;
}

int
rules_priority(const struct rules *r, size_t i)
{
	return r->rules[i].priority;
}

/* ---- compiling, once ---- */

/*
 * Does code have JIT code?  pcre2_jit_compile succeeds without making
 * any for a pattern that starts with (*NO_JIT), and pcre2_jit_match then
 * fails ("bad JIT option").
 */
static int
has_jit(const pcre2_code *code)
{
	size_t size = 0;

	return pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size) == 0 &&
	    size > 0;
}

/*
 * May rule ru's starts be found by the prescan (the top of this file)?
 * PCRE2 must know the set of its first bytes (a start bitmap: then no
 * match is empty) and not find them fast itself (a fixed first byte, or
 * a set of two); the set must be rare in prose (no lower-case letter or
 * white space: email's and url_bare's are everywhere); and the pattern
 * must not decide where a search goes on or began, which a search that
 * starts further on would change: no verb such as (*SKIP) or (*COMMIT)
 * and no \G.  Fills ru->first.
 */
static int
prescan_ok(struct rule *ru)
{
	const uint8_t *bm = NULL;
	uint32_t type = 1, minlen = 0;
	int b, n = 0;

	if (strstr(ru->pattern, "(*") != NULL ||
	    strstr(ru->pattern, "\\G") != NULL ||
	    pcre2_pattern_info(ru->code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0 ||
	    type != 0 ||
	    pcre2_pattern_info(ru->code, PCRE2_INFO_FIRSTBITMAP, &bm) != 0 ||
	    bm == NULL ||
	    pcre2_pattern_info(ru->code, PCRE2_INFO_MINLENGTH, &minlen) != 0 ||
	    minlen == 0)
		return 0;
	for (b = 0; b < 256; b++) {
		/* (a continuation byte never starts a character) */
		ru->first[b] = (b & 0xc0) != 0x80 && (bm[b / 8] >> (b % 8)) & 1;
		n += ru->first[b];
	}
	for (b = 'a'; b <= 'z'; b++)
		if (ru->first[b])
			return 0;
	return n > 2 && !ru->first[' '] && !ru->first['\t'] &&
	    !ru->first['\n'] && !ru->first['\r'];
}

/*
 * The prescan's second bytes of rule ru (a prescan rule, compiled): may
 * a match start with the ASCII bytes b, c?  PCRE2 says so of the two
 * bytes alone, matched partially (PCRE2_PARTIAL_HARD) at their start
 * only: NOMATCH means no text starting so matches there.  Less text
 * before than a real start has makes a lookbehind that must not match,
 * and \b, succeed more, never less; a lookbehind that must match, \B or
 * a condition could fail instead, so such a pattern keeps every second
 * byte (ru->second NULL), as it does without JIT for partial matching.
 * The asking (some 10 M instructions for the default rules) is done with
 * the pattern compiled again (other threads may be matching with the
 * rule's code) and only for a long text (starts_make).
 */
static void
second_bytes(struct rule *ru)
{
	pcre2_match_context *mc;
	pcre2_match_data *md;
	pcre2_code *code;
	unsigned char s[2];
	PCRE2_SIZE off;
	int b, c, rc, err;

	if (strstr(ru->pattern, "(?<=") != NULL ||
	    strstr(ru->pattern, "\\B") != NULL ||
	    strstr(ru->pattern, "(?(") != NULL ||
	    (code = pcre2_compile((PCRE2_SPTR)ru->pattern,
	    PCRE2_ZERO_TERMINATED, rules_compile_options(ru->caseless) |
	    PCRE2_USE_OFFSET_LIMIT, &err, &off, NULL)) == NULL)
		return;
	if (pcre2_jit_compile(code, PCRE2_JIT_PARTIAL_HARD) != 0 ||
	    !has_jit(code) || (mc = pcre2_match_context_create(NULL)) == NULL) {
		pcre2_code_free(code);
		return;
	}
	md = pcre2_match_data_create_from_pattern(code, NULL);
	pcre2_set_offset_limit(mc, 0);
	ru->second = xcalloc(128 * 2, sizeof *ru->second);
	for (b = 0; b < 128; b++)
		for (c = 0; ru->first[b] && c < 128; c++) {
			s[0] = (unsigned char)b;
			s[1] = (unsigned char)c;
			rc = md == NULL ? 0 : pcre2_jit_match(code, s, 2, 0,
			    PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, md, mc);
			if (rc != PCRE2_ERROR_NOMATCH)
				ru->second[b * 2 + c / 64] |=
				    (uint64_t)1 << (c % 64);
		}
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	pcre2_code_free(code);
}

/*
 * Does PCRE2 look for where rule ru's matches may start a byte at a time
 * (no fixed first byte, and a start set of more than two bytes, or
 * none)?  Such a search costs enough that a segment is first looked at
 * for the strings the rule needs.
 */
static int
slow_start(const struct rule *ru)
{
	const uint8_t *bm = NULL;
	uint32_t type = 1;
	int b, n = 0;

	if (pcre2_pattern_info(ru->code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0 ||
	    type != 0 ||
	    pcre2_pattern_info(ru->code, PCRE2_INFO_FIRSTBITMAP, &bm) != 0)
		return 0;
	for (b = 0; bm != NULL && b < 256; b++)
		n += (bm[b / 8] >> (b % 8)) & 1;
	return bm == NULL || n > 2;
}

/* Compile rule i (it was checked when the files were read). */
static void
rule_compile(struct rule *ru)
{
	uint32_t opts = rules_compile_options(ru->caseless);
	pcre2_code *lim;
	PCRE2_SIZE off;
	int err, g;

	pcre2lib_need();
	ru->code = pcre2_compile((PCRE2_SPTR)ru->pattern,
	    PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
	ru->need = rxneed_byte(ru->pattern, ru->caseless);
	/* Only a prescan rule takes offset limits: the option costs the
	 * others' searches a few per cent. */
	if (ru->code != NULL && prescan_ok(ru) && (lim = pcre2_compile(
	    (PCRE2_SPTR)ru->pattern, PCRE2_ZERO_TERMINATED,
	    opts | PCRE2_USE_OFFSET_LIMIT, &err, &off, NULL)) != NULL) {
		pcre2_code_free(ru->code);
		ru->code = lim;
		ru->prescan = 1;
	} else if (ru->code != NULL && slow_start(ru) &&
	    strstr(ru->pattern, "(*") == NULL &&
	    strstr(ru->pattern, "\\G") == NULL &&
	    rxneed_run(ru->pattern, ru->caseless, &ru->run_need,
	    ru->run_bytes) && (lim = pcre2_compile((PCRE2_SPTR)ru->pattern,
	    PCRE2_ZERO_TERMINATED, opts | PCRE2_USE_OFFSET_LIMIT, &err, &off,
	    NULL)) != NULL) {
		pcre2_code_free(ru->code);
		ru->code = lim;
		ru->runscan = 1;
	}
	if (ru->code != NULL) {
		ru->jit = pcre2_jit_compile(ru->code, PCRE2_JIT_COMPLETE) == 0 &&
		    has_jit(ru->code);
		g = pcre2_substring_number_from_name(ru->code,
		    (PCRE2_SPTR)"e");
		ru->group = g > 0 ? g : 0;
	}
	if (ru->code != NULL && !ru->prescan && ru->need < 0 &&
	    slow_start(ru)) {
		ru->strings = xmalloc(sizeof *ru->strings);
		if (!rxneed_strings(ru->pattern, ru->caseless, ru->strings)) {
			free(ru->strings);
			ru->strings = NULL;
		}
	}
}

static struct rule *
rule_ready(const struct rules *r, size_t i)
{
	struct rules *w = (struct rules *)r;	/* compiling is not a change */
	struct rule *ru = &w->rules[i];

	pthread_mutex_lock(&w->lock);
	if (!ru->ready) {
		rule_compile(ru);
		ru->ready = 1;
	}
	pthread_mutex_unlock(&w->lock);
	return ru;
}

/* Rule i's second bytes (a prescan rule's), made when first asked for;
 * NULL: any byte may follow. */
static const uint64_t *
rule_seconds(const struct rules *r, size_t i)
{
	struct rules *w = (struct rules *)r;
	struct rule *ru = rule_ready(r, i);

	pthread_mutex_lock(&w->lock);
	if (!ru->seconds && ru->jit) {
		second_bytes(ru);
		ru->seconds = 1;
	}
	pthread_mutex_unlock(&w->lock);
	return ru->second;
}

void
rules_prepare(const struct rules *r)
{
	size_t i;

	for (i = 0; i < r->nrules; i++)
		(void)rule_ready(r, i);
}

/* This thread's match context and JIT stack, made when first needed. */
static struct matcher *
matcher(void)
{
	struct matcher *m = thread_matcher;

	if (m != NULL)
		return m;
	pcre2lib_need();
	m = xcalloc(1, sizeof *m);
	if ((m->mctx = pcre2_match_context_create(NULL)) == NULL)
		fatalx("out of memory");
	pcre2_set_match_limit(m->mctx, RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, RULES_DEPTH_LIMIT);
	pcre2_set_heap_limit(m->mctx, RULES_HEAP_LIMIT);
	/* A long run of capitalised words backtracks deeply. */
	if ((m->jit_stack = pcre2_jit_stack_create(32768, RULES_JIT_STACK,
	    NULL)) != NULL)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
	return thread_matcher = m;
}

void
rules_thread_end(void)
{
	struct matcher *m = thread_matcher;

	if (m == NULL)
		return;
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->jit_stack);
	free(m);
	thread_matcher = NULL;
}

/* One scan of a rule over a document: where it is and what it spent. */
struct scan {
	struct matcher		*m;
	const struct rule	*ru;
	const char		*text;
	uint32_t		 opts;
	pcre2_match_data	*md;
	unsigned long long	 spent;		/* steps charged */
	pcre2_code		*anchored;	/* the rule anchored, with JIT */
	int			 tried_anchored;
	uint32_t		 limit;		/* the match context's now */
	int			 jit;		/* the rule has JIT code */
	int			 anchored_jit;
	const struct starts	*st;		/* the prescan's, or NULL */
	const uint64_t		*sbits;		/* then this rule's marks */
};

/* At most this many prescan rules share one prescan (bits of a mask). */
#define PRESCAN_MAX	32u

/*
 * The prescan's marks over text[base, end): for the k-th prescan rule
 * (slot k), bits[k * nw + (p - base) / 64] has bit (p - base) % 64 set
 * when a match of it may start at p.
 */
struct starts {
	size_t			 base;
	size_t			 end;
	size_t			 nw;		/* words a rule */
	uint64_t		*bits;
	size_t			 slot[PRESCAN_MAX];	/* its rule */
	size_t			 nslots;
};

static struct rule *rule_ready(const struct rules *r, size_t i);

/*
 * Mark text[from, to) for the prescan rules among r's rules [i0, i1)
 * (compiled here if they were not), in one pass over the bytes; 0 if
 * there are none.
 */
/* Mark p for the rules of mask m. */
static void
starts_mark(struct starts *st, size_t p, uint32_t m)
{
	size_t k;

	for (; m != 0; m &= m - 1) {
		/* (GCC's and Clang's: the lowest bit set) */
		k = (size_t)__builtin_ctz(m);
		st->bits[k * st->nw + (p - st->base) / 64] |=
		    (uint64_t)1 << ((p - st->base) % 64);
	}
}

/* Mark, for slot k's rule (a runscan rule), the starts of characters in
 * the run of its run bytes right before each of its needed bytes, and
 * that byte: where a match may start (the runs never hold the byte, so
 * each byte is looked at once or twice). */
static void
starts_runs(struct starts *st, size_t k, const struct rule *ru,
    const unsigned char *t)
{
	const unsigned char *q = t + st->base, *end = t + st->end;
	size_t p, s;

	while (q < end && (q = memchr(q, ru->run_need,
	    (size_t)(end - q))) != NULL) {
		p = (size_t)(q - t);
		for (s = p; s > st->base && (ru->run_bytes[t[s - 1] / 64] >>
		    (t[s - 1] % 64)) & 1; s--)
			;
		for (; s <= p; s++)
			if ((t[s] & 0xc0) != 0x80)
				starts_mark(st, s, (uint32_t)1 << k);
		q++;
	}
}

/* A text shorter than this is marked by first bytes only (the second
 * bytes cost some 10 M instructions to find, once). */
#define PRESCAN_PAIRS_MIN	(64u << 10)

/* The prescan rules (slot k: bit k) that may start a match with the
 * ASCII bytes b, c: pair[b * 128 + c]. */
static uint32_t *
starts_pairs(const struct starts *st, const struct rules *r)
{
	uint32_t *pair = xcalloc(128 * 128, sizeof *pair);
	const struct rule *ru;
	const uint64_t *sec;
	size_t k;
	int b, c;

	for (k = 0; k < st->nslots; k++) {
		if (!(ru = &r->rules[st->slot[k]])->prescan)
			continue;
		sec = rule_seconds(r, st->slot[k]);
		for (b = 0; b < 128; b++)
			for (c = 0; ru->first[b] && c < 128; c++)
				if (sec == NULL || (sec[b * 2 + c / 64] >>
				    (c % 64)) & 1)
					pair[b * 128 + c] |= (uint32_t)1 << k;
	}
	return pair;
}

/*
 * Mark text[from, ends[n - 1]) for the prescan rules among r's rules
 * [i0, i1) (compiled here if they were not), in one pass over the bytes
 * (the segments end at ends[0, n)); 0 if there are none.  A byte that
 * ends a segment has no second byte there (PCRE2 sees the end).
 */
static int
starts_make(struct starts *st, const struct rules *r, size_t i0, size_t i1,
    const char *text, size_t from, const size_t *ends, size_t n)
{
	const unsigned char *t = (const unsigned char *)text;
	uint32_t rulesof[256] = { 0 }, m, *pair;
	const struct rule *ru;
	size_t i, p, to = ends[n - 1];
	int b;

	st->nslots = 0;
	for (i = i0; i < i1 && st->nslots < PRESCAN_MAX; i++) {
		if (!(ru = rule_ready(r, i))->prescan && !ru->runscan)
			continue;
		for (b = 0; ru->prescan && b < 256; b++)
			rulesof[b] |= (uint32_t)ru->first[b] << st->nslots;
		st->slot[st->nslots++] = i;
	}
	if (st->nslots == 0 || from >= to)
		return 0;
	st->base = from;
	st->end = to;
	st->nw = (to - from + 63) / 64;
	st->bits = xcalloc(st->nslots * st->nw, sizeof *st->bits);
	for (i = 0; i < st->nslots; i++)
		if ((ru = &r->rules[st->slot[i]])->runscan)
			starts_runs(st, i, ru, t);
	if (to - from < PRESCAN_PAIRS_MIN) {
		for (p = from; p < to; p++)
			if ((m = rulesof[t[p]]) != 0)
				starts_mark(st, p, m);
		return 1;
	}
	pair = starts_pairs(st, r);
	for (p = from; p < to; p++) {
		if ((m = rulesof[t[p]]) == 0)
			continue;
		if (t[p] < 0x80 && p + 1 < to && t[p + 1] < 0x80)
			m &= pair[t[p] * 128 + t[p + 1]];
		starts_mark(st, p, m);
	}
	for (i = 0; i < n; i++)
		if ((p = ends[i] - 1) >= from && p + 1 < to)
			starts_mark(st, p, rulesof[t[p]]);
	free(pair);
	return 1;
}

/* Rule i's marks, or NULL if it is not a prescan rule of st. */
static const uint64_t *
starts_of(const struct starts *st, size_t i)
{
	size_t k;

	for (k = 0; k < st->nslots; k++)
		if (st->slot[k] == i)
			return st->bits + k * st->nw;
	return NULL;
}

/* The first p in [pos, lim) marked in bits (a rule's), else lim; lim is
 * at most st->end. */
static size_t
starts_next(const struct starts *st, const uint64_t *bits, size_t pos,
    size_t lim)
{
	size_t w, p;
	uint64_t m;

	if (pos >= lim)
		return lim;
	w = (pos - st->base) / 64;
	m = bits[w] & (~(uint64_t)0 << ((pos - st->base) % 64));
	while (m == 0) {
		if (st->base + ++w * 64 >= lim)
			return lim;
		m = bits[w];
	}
	p = st->base + w * 64 + (size_t)__builtin_ctzll(m);
	return p < lim ? p : lim;
}

/*
 * Where the segment that starts at s ends: after the first blank line,
 * else at the last line break (or space) within RULES_SEGMENT_MAX, else
 * at a character boundary there.
 */
static size_t
segment_end(const char *text, size_t len, size_t s)
{
	size_t max = len - s > RULES_SEGMENT_MAX ? s + RULES_SEGMENT_MAX : len;
	const char *nl;
	size_t p = s, q, cut = 0;

	while ((nl = memchr(text + p, '\n', max - p)) != NULL) {
		p = (size_t)(nl - text) + 1;
		for (q = p; q < max && (text[q] == ' ' || text[q] == '\t' ||
		    text[q] == '\r'); q++)
			;
		if (q < max && text[q] == '\n')
			return q + 1;		/* a blank line */
		cut = p;
		if (p >= max)
			break;
	}
	if (max == len)
		return len;
	for (p = max; cut == 0 && p > s + 1; p--)
		if (text[p - 1] == ' ' || text[p - 1] == '\t')
			cut = p;
	if (cut == 0)
		for (cut = max; cut > s + 1 &&
		    ((unsigned char)text[cut] & 0xc0) == 0x80; cut--)
			;
	return cut;
}

size_t
rules_segment_end(const char *text, size_t len, size_t s)
{
	return segment_end(text, len, s);
}

static int
is_step_limit(int m)
{
	return m == PCRE2_ERROR_MATCHLIMIT;
}

/*
 * The rule compiled anchored, with JIT, made when first needed: JIT
 * cannot anchor a pattern at match time (pcre2_match would interpret it,
 * many times slower).  NULL if that fails; without JIT code if the
 * pattern forbids it.
 */
static pcre2_code *
anchored_code(struct scan *sc)
{
	const struct rule *ru = sc->ru;
	uint32_t opts = 0;
	PCRE2_SIZE off;
	int err;

	if (sc->tried_anchored)
		return sc->anchored;
	sc->tried_anchored = 1;
	pcre2_pattern_info(ru->code, PCRE2_INFO_ARGOPTIONS, &opts);
	sc->anchored = pcre2_compile((PCRE2_SPTR)ru->pattern,
	    PCRE2_ZERO_TERMINATED, opts | PCRE2_ANCHORED, &err, &off, NULL);
	if (sc->anchored != NULL &&
	    pcre2_jit_compile(sc->anchored, PCRE2_JIT_COMPLETE) == 0)
		sc->anchored_jit = has_jit(sc->anchored);
	return sc->anchored;
}

/* PCRE2's match from pos in text[0, end), with this step limit. */
static int
match_limited(struct scan *sc, size_t pos, size_t end, uint32_t opts,
    uint32_t limit)
{
	const struct rule *ru = sc->ru;
	pcre2_code *a;

	if (limit != sc->limit) {
		pcre2_set_match_limit(sc->m->mctx, limit);
		sc->limit = limit;
	}
	if ((opts & PCRE2_ANCHORED) && (a = anchored_code(sc)) != NULL)
		return (sc->anchored_jit ? pcre2_jit_match : pcre2_match)(a,
		    (PCRE2_SPTR)sc->text, end, pos, opts & ~PCRE2_ANCHORED,
		    sc->md, sc->m->mctx);
	if (sc->jit && !(opts & PCRE2_ANCHORED))
		return pcre2_jit_match(ru->code, (PCRE2_SPTR)sc->text, end, pos,
		    opts, sc->md, sc->m->mctx);
	return pcre2_match(ru->code, (PCRE2_SPTR)sc->text, end, pos, opts,
	    sc->md, sc->m->mctx);
}

/*
 * A match starting exactly at pos: cheaply, then for a costly start
 * with twice the steps each time, each try charged in full, while the
 * budget lasts.
 */
static int
match_at(struct scan *sc, size_t pos, size_t end, uint32_t opts)
{
	uint32_t limit = RULES_STEP_LIMIT;
	int m;

	while (is_step_limit(m = match_limited(sc, pos, end,
	    opts | PCRE2_ANCHORED, limit))) {
		if (limit >= RULES_MATCH_LIMIT || sc->spent >= RULES_BUDGET)
			break;
		limit = limit > RULES_MATCH_LIMIT / 2 ? RULES_MATCH_LIMIT :
		    limit * 2;
		sc->spent += limit;
	}
	return m;
}

/*
 * The next match of the rule in text[0, end) from pos.  The usual way
 * (every start tried by PCRE2 at once, each with RULES_STEP_LIMIT
 * steps) finds nearly all.  When a start needs more, each start is
 * tried on its own from pos, so that the costly ones are found and
 * charged one by one (a search given more steps for all its starts
 * could spend them at every one).
 */
static int
match_within(struct scan *sc, size_t pos, size_t end, uint32_t opts)
{
	int m = match_limited(sc, pos, end, opts, RULES_STEP_LIMIT);

	if (!is_step_limit(m))
		return m;
	for (; pos < end; pos++) {
		if (((unsigned char)sc->text[pos] & 0xc0) == 0x80)
			continue;	/* inside a character */
		if ((m = match_at(sc, pos, end, opts)) != PCRE2_ERROR_NOMATCH)
			return m;
	}
	return PCRE2_ERROR_NOMATCH;
}

/* The bytes a call of PCRE2 searches at most (a call costs about as
 * much as its own search over a few dozen bytes; 16, 64 and 128 were
 * slower on the news) */
#define PRESCAN_WINDOW	32u

/*
 * The last mark of bits (a rule's) in [c, c + PRESCAN_WINDOW), c being
 * one: PCRE2 tries the starts of such a window in one call, found
 * without a branch a mark.  A mark past the segment's end cannot start
 * a match there.
 */
static size_t
starts_window(const struct starts *st, const uint64_t *bits, size_t c)
{
	size_t off = c - st->base, w = off / 64, sh = off % 64;
	uint64_t m = bits[w] >> sh;

	if (sh != 0 && w + 1 < st->nw)
		m |= bits[w + 1] << (64 - sh);
	m &= ((uint64_t)1 << PRESCAN_WINDOW) - 1;
	/* (m has bit 0, c's, set; GCC's and Clang's: the highest bit set) */
	return c + 63 - (size_t)__builtin_clzll(m);
}

/*
 * match_within for a prescan rule: PCRE2 called at a window of its
 * marks at a time (starts_window), told by an offset limit to try no
 * start after the window's last mark.  A start that needs more than
 * RULES_STEP_LIMIT steps sends the search back to match_within from pos,
 * which finds it and charges for it as it always did.
 */
static int
match_prescan(struct scan *sc, size_t pos, size_t end, uint32_t opts)
{
	size_t c, last;
	int m;

	for (c = pos; (c = starts_next(sc->st, sc->sbits, c, end)) < end;
	    c = last + 1) {
		last = starts_window(sc->st, sc->sbits, c);
		pcre2_set_offset_limit(sc->m->mctx, last);
		m = match_limited(sc, c, end, opts, RULES_STEP_LIMIT);
		/* (the other rules' code would refuse a limit) */
		pcre2_set_offset_limit(sc->m->mctx, PCRE2_UNSET);
		if (is_step_limit(m))
			return match_within(sc, pos, end, opts);
		if (m != PCRE2_ERROR_NOMATCH)
			return m;
	}
	return PCRE2_ERROR_NOMATCH;
}

/* The segment text[s, e): fn for each match.  0, or PCRE2's error. */
static int
scan_segment(struct scan *sc, size_t s, size_t e, size_t len, size_t i,
    rules_match_fn *fn, void *arg)
{
	/* "$" means the end of the text, not of the segment. */
	uint32_t opts = sc->opts | (e < len ? PCRE2_NOTEOL : 0);
	const struct rule *ru = sc->ru;
	size_t pos = s, ms, me;
	PCRE2_SIZE *ov;
	int m;

	while (pos < e) {
		m = sc->st != NULL ? match_prescan(sc, pos, e, opts) :
		    match_within(sc, pos, e, opts);
		if (m == PCRE2_ERROR_NOMATCH)
			return 0;
		if (m < 0)
			return m;
		ov = pcre2_get_ovector_pointer(sc->md);
		ms = ov[0];
		me = ov[1];
		if (ru->group > 0 && m > ru->group &&
		    ov[2 * ru->group] != PCRE2_UNSET) {
			ms = ov[2 * ru->group];
			me = ov[2 * ru->group + 1];
		}
		if (me > ms)
			fn(arg, i, ms, me);
		if (ov[1] > ov[0])
			pos = ov[1];
		else {
			/* Empty match: step over one character. */
			pos = ov[1] + 1;
			while (pos < e && ((unsigned char)sc->text[pos] & 0xc0) ==
			    0x80)
				pos++;
		}
	}
	return 0;
}

int
rules_scan(const struct rules *r, size_t i, const char *text, size_t len,
    int valid, rules_match_fn *fn, void *arg, struct diag *d)
{
	return rules_scan_range(r, i, text, len, 0, len, valid, fn, arg, d);
}

/* May a match of ru lie in the segment t[0, n)?  Not if the segment
 * lacks a byte or all the strings every match holds. */
static int
segment_may_match(const struct rule *ru, const char *t, size_t n)
{
	if (ru->need >= 0)
		return memchr(t, ru->need, n) != NULL;
	return ru->strings == NULL || rxneed_holds(ru->strings, t, n);
}

/* Rule i over the segments that end at ends[0, n), the first from
 * `from`: rules_scan_range's work. */
static int
scan_rule(const struct rules *r, size_t i, const char *text, size_t len,
    size_t from, const size_t *ends, size_t n, int valid,
    const struct starts *st, rules_match_fn *fn, void *arg, struct diag *d)
{
	const struct rule *ru = rule_ready(r, i);
	/* (the prescan's marks are made for valid text only: with invalid
	 * bytes PCRE2 decides itself where a character starts) */
	struct scan sc = { matcher(), ru, text, valid ? PCRE2_NO_UTF_CHECK : 0,
	    NULL, 0, NULL, 0, 0, 0, 0, NULL, NULL };
	PCRE2_UCHAR msg[256];
	size_t s, k;
	int m = 0;

	if (ru->code == NULL)
		return 0;		/* (it compiled when it was read) */
	if (st != NULL && (sc.sbits = starts_of(st, i)) != NULL)
		sc.st = st;
	sc.md = pcre2_match_data_create_from_pattern(ru->code, NULL);
	sc.jit = ru->jit;
	for (s = from, k = 0; k < n && m == 0; s = ends[k++])
		if (segment_may_match(ru, text + s, ends[k] - s))
			m = scan_segment(&sc, s, ends[k], len, i, fn, arg);
	pcre2_match_data_free(sc.md);
	pcre2_code_free(sc.anchored);
	pcre2_set_match_limit(sc.m->mctx, RULES_MATCH_LIMIT);
	if (m == 0)
		return 0;
	if (d != NULL && is_step_limit(m))
		diag_error(d, "%s:%d: rule %s: too costly on this text (its "
		    "budget of match steps is spent); rule switched off",
		    ru->file, ru->line, ru->name);
	else if (d != NULL) {
		pcre2_get_error_message(m, msg, sizeof msg);
		diag_error(d, "%s:%d: rule %s: %s; rule switched off",
		    ru->file, ru->line, ru->name, (char *)msg);
	}
	return -1;
}

/* The ends of the segments from `from` up to `to` (*n of them). */
static size_t *
segment_ends(const char *text, size_t len, size_t from, size_t to,
    size_t *n)
{
	size_t *ends = NULL, cap = 0, s;

	*n = 0;
	for (s = from; s < to; s = ends[*n - 1]) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			ends = xreallocarray(ends, cap, sizeof *ends);
		}
		ends[(*n)++] = segment_end(text, len, s);
	}
	return ends;
}

/* Rules [i0, i1) over the segments from `from` up to `to`, in turn;
 * the first's result. */
static int
scan_rules(const struct rules *r, size_t i0, size_t i1, const char *text,
    size_t len, size_t from, size_t to, int valid, rules_match_fn *fn,
    void *arg, struct diag *d)
{
	size_t i, n, *ends = segment_ends(text, len, from, to, &n);
	struct starts st;
	int have, rc = 0, m;

	have = valid && n > 0 &&
	    starts_make(&st, r, i0, i1, text, from, ends, n);
	for (i = i0; i < i1; i++) {
		m = scan_rule(r, i, text, len, from, ends, n, valid,
		    have ? &st : NULL, fn, arg, d);
		if (i == i0)
			rc = m;
	}
	if (have)
		free(st.bits);
	free(ends);
	return rc;
}

int
rules_scan_range(const struct rules *r, size_t i, const char *text,
    size_t len, size_t from, size_t to, int valid, rules_match_fn *fn,
    void *arg, struct diag *d)
{
	return scan_rules(r, i, i + 1, text, len, from, to, valid, fn, arg,
	    d);
}

void
rules_scan_all(const struct rules *r, const char *text, size_t len,
    size_t from, size_t to, int valid, rules_match_fn *fn, void *arg,
    struct diag *d)
{
	(void)scan_rules(r, 0, rules_count(r), text, len, from, to, valid,
	    fn, arg, d);
}
