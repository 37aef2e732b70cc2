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
	free(r);
}

int
rules_scan(const struct rules *r, size_t i, const char *text, size_t len,
    int valid, rules_match_fn *fn, void *arg, struct diag *d)
{
	const struct rule *ru = &r->rules[i];
	pcre2_match_data *md;
	uint32_t opts = valid ? PCRE2_NO_UTF_CHECK : 0;
	size_t pos = 0;
	int rc = 0, m;

	md = pcre2_match_data_create_from_pattern(ru->code, NULL);
	while (pos <= len) {
		PCRE2_SIZE *ov;
		size_t s, e;

		if (ru->jit)
			m = pcre2_jit_match(ru->code, (PCRE2_SPTR)text, len, pos,
			    opts, md, r->mctx);
		else
			m = pcre2_match(ru->code, (PCRE2_SPTR)text, len, pos,
			    opts, md, r->mctx);
		if (m == PCRE2_ERROR_NOMATCH)
			break;
		if (m < 0) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(m, msg, sizeof msg);
			if (d != NULL)
				diag_error(d, "%s:%d: rule %s: %s; rule skipped",
				    ru->file, ru->line, ru->name, (char *)msg);
			rc = -1;
			break;
		}
		ov = pcre2_get_ovector_pointer(md);
		s = ov[0];
		e = ov[1];
		if (ru->group > 0 && m > ru->group &&
		    ov[2 * ru->group] != PCRE2_UNSET) {
			s = ov[2 * ru->group];
			e = ov[2 * ru->group + 1];
		}
		if (e > s)
			fn(arg, i, s, e);
		if (ov[1] > ov[0])
			pos = ov[1];
		else {
			/* Empty match: step over one character. */
			pos = ov[1] + 1;
			while (pos < len && ((unsigned char)text[pos] & 0xc0) ==
			    0x80)
				pos++;
		}
	}
	pcre2_match_data_free(md);
	return rc;
}
