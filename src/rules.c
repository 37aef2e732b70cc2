/*
 * rules.c: loading rule sets from INI files (ini.h) and running
 * their PCRE2 patterns.  Owns the compiled patterns, the word lists (one
 * hash set of strings, each entry carrying a bit mask of the lists that
 * hold it) and the quote-mark pairs.  The files are read through ini.h,
 * which gives each key's line.
 */
#define LIST_MAX	(64u << 20)	/* a word list bigger is a mistake */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "artread/rules.h"
#include "artread/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/diag.h"
#include "artread/ent_type.h"
#include "artread/gazetteer.h"
#include "artread/ini.h"
#include "artread/strmap.h"
#include "artread/util.h"

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
	char		*name;
	char		*pattern;
	char		*file;		/* where the pattern came from */
	int		 line;
	int		 type;
	int		 priority;
	int		 caseless;
	int		 group;		/* capture group "e", or 0 */
	pcre2_code	*code;
	int		 jit;
};

struct rules {
	struct rule		*rules;
	size_t			 nrules;
	struct strmap		 words;		/* word -> unsigned, its lists */
	size_t			 listsize[RL__COUNT];
	struct gaz		**gaz;		/* mapped gazetteers */
	size_t			 ngaz;
	struct rules_qmark	 qmarks[RULES_MAX_QMARKS];
	size_t			 nqmarks;
	pcre2_match_context	*mctx;
	pcre2_jit_stack		*jit_stack;
};

/* What one file's loading needs to report problems. */
struct load {
	struct rules	*r;
	struct diag	*d;
	const char	*path;
	struct ini	*ini;		/* the file read */
	char		*dir;		/* its directory, with a trailing '/' */
};

static const char *const list_names[] = {
#define RULES_LIST_NAME(e, name) name,
	RULES_LISTS(RULES_LIST_NAME)
#undef RULES_LIST_NAME
};

/* A list whose entries belong to a wider list too: a woman's given name
 * is a given name, a surname written first is a surname. */
static enum rules_list
wider_list(enum rules_list l)
{
	switch (l) {
	case RL_GIVEN_FEMALE:
	case RL_GIVEN_MALE:
		return RL_GIVEN;
	case RL_SURNAME_FIRST:
		return RL_SURNAME;
	default:
		return l;
	}
}

static void
word_add(struct rules *r, enum rules_list l, const char *s, size_t n)
{
	unsigned *lists = strmap_add(&r->words, s, n);
	enum rules_list w = wider_list(l);

	if ((*lists & (1u << l)) == 0)
		r->listsize[l]++;
	if (w != l && (*lists & (1u << w)) == 0)
		r->listsize[w]++;
	*lists |= 1u << l | 1u << w;
}

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
	const unsigned *lists = strmap_get(&r->words, s, n);

	return lists == NULL ? 0 : *lists;
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
	const unsigned *lists;

	if ((1u << l) & GAZETTEER_LISTS)
		return (rules_lists_of(r, s, n) >> l) & 1;
	/* the word lists only: no binary search for a verb or a title */
	lists = strmap_get(&r->words, s, n);
	return lists != NULL && ((*lists >> l) & 1);
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

/* Length of the UTF-8 sequence at s (1..4), or 0 if invalid. */

static struct rule *
rule_find(struct rules *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nrules; i++) {
		if (strcmp(r->rules[i].name, name) == 0)
			return &r->rules[i];
	}
	return NULL;
}

static void
rule_clear(struct rule *ru)
{
	free(ru->name);
	free(ru->pattern);
	free(ru->file);
	pcre2_code_free(ru->code);
	memset(ru, 0, sizeof *ru);
}

static void
rule_remove(struct rules *r, struct rule *ru)
{
	size_t i = (size_t)(ru - r->rules);

	rule_clear(ru);
	memmove(&r->rules[i], &r->rules[i + 1],
	    (r->nrules - i - 1) * sizeof *r->rules);
	r->nrules--;
}

/* Compile ru->pattern; on error report it and return -1. */
static int
rule_compile(struct load *ld, struct rule *ru)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int err, g;

	if (ru->caseless)
		opts |= PCRE2_CASELESS;
	ru->code = pcre2_compile((PCRE2_SPTR)ru->pattern, PCRE2_ZERO_TERMINATED,
	    opts, &err, &off, NULL);
	if (ru->code == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		diag_error(ld->d, "%s:%d: rule %s: %s at offset %zu", ru->file,
		    ru->line, ru->name, (char *)msg, (size_t)off);
		return -1;
	}
	ru->jit = pcre2_jit_compile(ru->code, PCRE2_JIT_COMPLETE) == 0;
	g = pcre2_substring_number_from_name(ru->code, (PCRE2_SPTR)"e");
	ru->group = g > 0 ? g : 0;
	return 0;
}

static int
parse_bool(const char *v)
{
	return !(strcasecmp(v, "false") == 0 || strcasecmp(v, "no") == 0 ||
	    strcasecmp(v, "off") == 0 || strcmp(v, "0") == 0);
}

/* The value of sec:key (NULL if not set), and its line in *line. */
static const char *
key_value(const struct load *ld, const char *sec, const char *key, int *line)
{
	const struct ini_entry *e = ini_find(ld->ini, sec, key);

	if (e != NULL && line != NULL)
		*line = e->line;
	return e != NULL ? e->value : NULL;
}

/* One [rule.NAME] section: add, override or remove the rule NAME. */
static void
load_rule(struct load *ld, const struct ini_entry *se)
{
	struct rules *r = ld->r;
	const char *sec = se->section, *name = sec + 5, *v;
	struct rule nr, *old = rule_find(r, name);
	int line = se->line, vline = 0;

	if ((v = key_value(ld, sec, "enabled", NULL)) != NULL &&
	    !parse_bool(v)) {
		if (old != NULL)
			rule_remove(r, old);
		return;
	}
	memset(&nr, 0, sizeof nr);
	nr.priority = 50;
	nr.type = -1;
	if (old != NULL) {
		nr.type = old->type;
		nr.priority = old->priority;
		nr.caseless = old->caseless;
		nr.pattern = xstrdup(old->pattern);
		nr.file = xstrdup(old->file);
		nr.line = old->line;
	}
	nr.name = xstrdup(name);
	if ((v = key_value(ld, sec, "type", &vline)) != NULL) {
		if ((nr.type = ent_type_from_name(v)) < 0)
			diag_error(ld->d, "%s:%d: rule %s: unknown type \"%s\"",
			    ld->path, vline, name, v);
	} else if (nr.type < 0)
		diag_error(ld->d, "%s:%d: rule %s: missing type", ld->path,
		    line, name);
	if ((v = key_value(ld, sec, "priority", &vline)) != NULL) {
		char *end;
		long pr;

		errno = 0;
		pr = strtol(v, &end, 10);
		if (end == v || *end != '\0' || errno != 0 || pr < INT_MIN ||
		    pr > INT_MAX)
			diag_error(ld->d, "%s:%d: rule %s: priority \"%s\" is "
			    "not a number", ld->path, vline, name, v);
		else
			nr.priority = (int)pr;
	}
	if ((v = key_value(ld, sec, "flags", NULL)) != NULL)
		nr.caseless = strchr(v, 'i') != NULL;
	if ((v = key_value(ld, sec, "pattern", &vline)) != NULL &&
	    *v != '\0') {
		free(nr.pattern);
		free(nr.file);
		nr.pattern = xstrdup(v);
		nr.file = xstrdup(ld->path);
		nr.line = vline;
	} else if (nr.pattern == NULL)
		diag_error(ld->d, "%s:%d: rule %s: missing pattern", ld->path,
		    line, name);
	if (nr.type < 0 || nr.pattern == NULL || rule_compile(ld, &nr) != 0) {
		rule_clear(&nr);
		if (old != NULL)
			rule_remove(r, old);
		return;
	}
	if (old != NULL) {
		rule_clear(old);
		*old = nr;
		return;
	}
	r->rules = xreallocarray(r->rules, r->nrules + 1, sizeof *r->rules);
	r->rules[r->nrules++] = nr;
}

/* Read a gazetteer: one entry a line, '#' starts a comment line. */
static void
load_list_file(struct load *ld, enum rules_list l, const char *file,
    int line)
{
	char *path, *text, *p, *e;
	const char *why;
	size_t len;

	path = file[0] == '/' ? xstrdup(file) :
	    xasprintf("%s%s", ld->dir, file);
	if (util_check_text_file(path, LIST_MAX, &why) != 0) {
		diag_error(ld->d, "%s:%d: cannot read list %s: %s", ld->path,
		    line, path, why);
		free(path);
		return;
	}
	if ((text = util_read_file(path, &len)) == NULL) {
		diag_error(ld->d, "%s:%d: cannot read list %s: %s", ld->path,
		    line, path, strerror(errno));
		free(path);
		return;
	}
	for (p = text; p < text + len; p = e + 1) {
		char *s = p, *t;

		if ((e = memchr(p, '\n', (size_t)(text + len - p))) == NULL)
			e = text + len;
		t = e;
		while (s < t && (*s == ' ' || *s == '\t'))
			s++;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t' ||
		    t[-1] == '\r'))
			t--;
		if (t > s && *s != '#')
			word_add(ld->r, l, s, (size_t)(t - s));
	}
	free(text);
	free(path);
}

static int
list_from_name(const char *name)
{
	int i;

	for (i = 0; i < RL__COUNT; i++) {
		if (strcasecmp(name, list_names[i]) == 0)
			return i;
	}
	return -1;
}

/* [lists] KEY = file.txt, other.txt */
static void
load_lists(struct load *ld)
{
	const struct ini_entry *e = NULL;
	char **items;
	size_t ni, j;
	int l;

	while ((e = ini_next_key(ld->ini, "lists", e)) != NULL) {
		if ((l = list_from_name(e->key)) < 0) {
			diag_error(ld->d, "%s:%d: unknown list \"%s\"",
			    ld->path, e->line, e->key);
			continue;
		}
		ni = util_split_list(e->value, &items);
		for (j = 0; j < ni; j++)
			load_list_file(ld, (enum rules_list)l, items[j],
			    e->line);
		util_free_list(items, ni);
	}
}

/* [gazetteer] files = gazetteer.tsv, ...: mapped, searched in place */
static void
load_gazetteers(struct load *ld)
{
	const struct ini_entry *e;
	struct rules *r = ld->r;
	char **items, *path;
	const char *why;
	struct gaz *g;
	size_t ni, j;

	if ((e = ini_find(ld->ini, "gazetteer", "files")) == NULL)
		return;
	ni = util_split_list(e->value, &items);
	for (j = 0; j < ni; j++) {
		path = items[j][0] == '/' ? xstrdup(items[j]) :
		    xasprintf("%s%s", ld->dir, items[j]);
		if ((g = gaz_open(path, &why)) == NULL)
			diag_error(ld->d, "%s:%d: cannot read gazetteer %s: %s",
			    ld->path, e->line, path, why);
		else {
			r->gaz = xreallocarray(r->gaz, r->ngaz + 1,
			    sizeof *r->gaz);
			r->gaz[r->ngaz++] = g;
		}
		free(path);
	}
	util_free_list(items, ni);
}

/* Length of the UTF-8 character at s, for splitting mark pairs. */
static size_t
char_len(const char *s)
{
	size_t n = utf8_decode(s, strlen(s), NULL);

	return n == 0 ? 1 : n;
}

/* "“” «» ..." into quote-mark pairs. */
static void
load_marks(struct load *ld, const char *v, int inner, int line)
{
	struct rules *r = ld->r;

	while (*v != '\0') {
		struct rules_qmark *m;
		size_t a, b;

		while (*v == ' ' || *v == '\t' || *v == ',')
			v++;
		if (*v == '\0')
			break;
		a = char_len(v);
		b = v[a] == '\0' ? 0 : char_len(v + a);
		if (b == 0 || (v[a + b] != '\0' && v[a + b] != ' ' &&
		    v[a + b] != ',')) {
			diag_error(ld->d, "%s:%d: quote marks must come in "
			    "pairs of two characters", ld->path, line);
			return;
		}
		if (r->nqmarks < RULES_MAX_QMARKS && a < 8 && b < 8) {
			m = &r->qmarks[r->nqmarks++];
			memcpy(m->open, v, a);
			m->open[a] = '\0';
			memcpy(m->close, v + a, b);
			m->close[b] = '\0';
			m->inner = inner;
		}
		v += a + b;
	}
}

/* [quotes] pairs, inner, verbs*: marks replace, verbs add. */
static void
load_quotes(struct load *ld)
{
	const struct ini_entry *e;
	char **items;
	size_t ni, j;

	if ((e = ini_find(ld->ini, "quotes", "pairs")) != NULL) {
		ld->r->nqmarks = 0;
		load_marks(ld, e->value, 0, e->line);
	}
	if ((e = ini_find(ld->ini, "quotes", "inner")) != NULL)
		load_marks(ld, e->value, 1, e->line);
	for (e = NULL; (e = ini_next_key(ld->ini, "quotes", e)) != NULL; ) {
		if (strncmp(e->key, "verbs", 5) != 0)
			continue;
		ni = util_split_list(e->value, &items);
		for (j = 0; j < ni; j++)
			word_add(ld->r, RL_VERB, items[j], strlen(items[j]));
		util_free_list(items, ni);
	}
}

static void
load_file(struct rules *r, const char *path, struct diag *d)
{
	const struct ini_entry *e;
	const char *slash;
	struct load ld;
	size_t i;

	ld.ini = ini_load_flags(path, d, INI_QUIET_DUPLICATES);
	if (ld.ini == NULL)
		return;
	ld.r = r;
	ld.d = d;
	ld.path = path;
	slash = strrchr(path, '/');
	ld.dir = slash == NULL ? xstrdup("") :
	    xstrndup(path, (size_t)(slash - path + 1));
	load_lists(&ld);
	load_gazetteers(&ld);
	load_quotes(&ld);
	/* each [rule.NAME] once, where it first appears */
	for (i = 0; i < ini_count(ld.ini); i++) {
		e = ini_entry(ld.ini, i);
		if (e->key == NULL && strncmp(e->section, "rule.", 5) == 0 &&
		    ini_section(ld.ini, e->section) == e)
			load_rule(&ld, e);
	}
	ini_free(ld.ini);
	free(ld.dir);
}

struct rules *
rules_load(const char *const *paths, size_t npaths, struct diag *d)
{
	struct rules *r = xcalloc(1, sizeof *r);
	size_t i;

	strmap_init(&r->words, sizeof(unsigned));
	r->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(r->mctx, RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, RULES_DEPTH_LIMIT);
	pcre2_set_heap_limit(r->mctx, RULES_HEAP_LIMIT);
	/* A long run of capitalised words backtracks deeply. */
	if ((r->jit_stack = pcre2_jit_stack_create(32768, RULES_JIT_STACK,
	    NULL)) != NULL)
		pcre2_jit_stack_assign(r->mctx, NULL, r->jit_stack);
	load_marks(&(struct load){ r, d, "", NULL, NULL }, "\"\" “” «» „“",
	    0, 0);
	for (i = 0; i < npaths; i++)
		load_file(r, paths[i], d);
	return r;
}

void
rules_free(struct rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nrules; i++)
		rule_clear(&r->rules[i]);
	free(r->rules);
	strmap_free(&r->words);
	for (i = 0; i < r->ngaz; i++)
		gaz_close(r->gaz[i]);
	free(r->gaz);
	pcre2_match_context_free(r->mctx);
	pcre2_jit_stack_free(r->jit_stack);
	free(r);
}

/* One scan of a rule over a document: where it is and what it spent. */
struct scan {
	const struct rules	*r;
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
};

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
		pcre2_set_match_limit(sc->r->mctx, limit);
		sc->limit = limit;
	}
	if ((opts & PCRE2_ANCHORED) && (a = anchored_code(sc)) != NULL)
		return (sc->anchored_jit ? pcre2_jit_match : pcre2_match)(a,
		    (PCRE2_SPTR)sc->text, end, pos, opts & ~PCRE2_ANCHORED,
		    sc->md, sc->r->mctx);
	if (sc->jit && !(opts & PCRE2_ANCHORED))
		return pcre2_jit_match(ru->code, (PCRE2_SPTR)sc->text, end, pos,
		    opts, sc->md, sc->r->mctx);
	return pcre2_match(ru->code, (PCRE2_SPTR)sc->text, end, pos, opts,
	    sc->md, sc->r->mctx);
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
		if ((m = match_within(sc, pos, e, opts)) == PCRE2_ERROR_NOMATCH)
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
	const struct rule *ru = &r->rules[i];
	struct scan sc = { r, ru, text, valid ? PCRE2_NO_UTF_CHECK : 0, NULL,
	    0, NULL, 0, 0, 0, 0 };
	PCRE2_UCHAR msg[256];
	size_t s, e;
	int m = 0;

	sc.md = pcre2_match_data_create_from_pattern(ru->code, NULL);
	sc.jit = ru->jit && has_jit(ru->code);
	for (s = 0; s < len && m == 0; s = e) {
		e = segment_end(text, len, s);
		m = scan_segment(&sc, s, e, len, i, fn, arg);
	}
	pcre2_match_data_free(sc.md);
	pcre2_code_free(sc.anchored);
	pcre2_set_match_limit(r->mctx, RULES_MATCH_LIMIT);
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
