/*
 * rules_load.c: rule sets from INI files (ini.h), compiled into an image
 * (rules_img.h) that rules.c uses in place.  Reading the files, the word
 * lists and validating every pattern costs ~3 ms, more than a first
 * screen, so it is done once per set of files:
 *
 *  - the default rules (one default.ini) come with default.idx beside
 *    them, made by make (tools/rulesc.c) and installed with them;
 *  - any other chain (the defaults and the user's rules.ini, or --rules
 *    FILE) is compiled the first time and cached as
 *    $XDG_CACHE_HOME/artread/rules/KEY.idx, KEY a hash of the INI files'
 *    contents and of the directories they are in.
 *
 * An image is used only when its key matches the INI files as they are
 * now and every word list it was made from has the size and time it had
 * then (a list edited since, or an image from an older artread, makes
 * it compile again).  A chain with any error or warning is never cached,
 * so its messages come fresh each time.  Patterns are only checked here;
 * rules.c compiles them for matching when first used.
 */
#define LIST_MAX	(64u << 20)	/* a word list bigger is a mistake */
#include "artread/rules.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/diag.h"
#include "artread/ent_type.h"
#include "artread/gazetteer.h"
#include "artread/ini.h"
#include "artread/paths.h"
#include "artread/pcre2lib.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "rules_img.h"

#define RULES_MAX_QMARKS	32
#define RULES_IMG_MAX		(256u << 20)

/* A pattern rule as the files give it. */
struct src_rule {
	char		*name;
	char		*pattern;
	int		 ini;		/* the file it came from */
	int		 line;
	int		 type;
	int		 priority;
	int		 caseless;
};

/* A word list read, as it was. */
struct src_dep {
	char		*path;
	struct stat	 st;
};

/* A rule set being read from its files. */
struct src {
	struct src_rule		*rules;
	size_t			 nrules;
	struct strmap		 words;		/* word -> unsigned, its lists */
	uint32_t		 listsize[RULES_IMG_LISTS];
	char			**gaz;		/* gazetteer paths */
	size_t			 ngaz;
	struct rules_qmark	 qmarks[RULES_MAX_QMARKS];
	size_t			 nqmarks;
	struct src_dep		*deps;
	size_t			 ndeps;
};

/* What one file's loading needs to report problems. */
struct load {
	struct src	*r;
	struct diag	*d;
	const char	*path;
	int		 ini;		/* its index in the chain */
	struct ini	*ini_file;	/* the file read */
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
word_add(struct src *r, enum rules_list l, const char *s, size_t n)
{
	unsigned *lists = strmap_add(&r->words, s, n);
	enum rules_list w = wider_list(l);

	if ((*lists & (1u << l)) == 0)
		r->listsize[l]++;
	if (w != l && (*lists & (1u << w)) == 0)
		r->listsize[w]++;
	*lists |= 1u << l | 1u << w;
}

/* ---- pattern rules ---- */

static struct src_rule *
rule_find(struct src *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nrules; i++) {
		if (strcmp(r->rules[i].name, name) == 0)
			return &r->rules[i];
	}
	return NULL;
}

static void
rule_clear(struct src_rule *ru)
{
	free(ru->name);
	free(ru->pattern);
	memset(ru, 0, sizeof *ru);
}

static void
rule_remove(struct src *r, struct src_rule *ru)
{
	size_t i = (size_t)(ru - r->rules);

	rule_clear(ru);
	memmove(&r->rules[i], &r->rules[i + 1],
	    (r->nrules - i - 1) * sizeof *r->rules);
	r->nrules--;
}

/* Check that ru->pattern compiles; on error report it and return -1. */
static int
rule_check(struct load *ld, const struct src_rule *ru, const char *file)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *code;
	int err;

	pcre2lib_need();
	code = pcre2_compile((PCRE2_SPTR)ru->pattern, PCRE2_ZERO_TERMINATED,
	    rules_compile_options(ru->caseless), &err, &off, NULL);
	if (code == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		diag_error(ld->d, "%s:%d: rule %s: %s at offset %zu", file,
		    ru->line, ru->name, (char *)msg, (size_t)off);
		return -1;
	}
	pcre2_code_free(code);
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
	const struct ini_entry *e = ini_find(ld->ini_file, sec, key);

	if (e != NULL && line != NULL)
		*line = e->line;
	return e != NULL ? e->value : NULL;
}

/* One [rule.NAME] section: add, override or remove the rule NAME. */
static void
load_rule(struct load *ld, const struct ini_entry *se,
    const char *const *inis)
{
	struct src *r = ld->r;
	const char *sec = se->section, *name = sec + 5, *v;
	struct src_rule nr, *old = rule_find(r, name);
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
		nr.ini = old->ini;
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
		nr.pattern = xstrdup(v);
		nr.ini = ld->ini;
		nr.line = vline;
	} else if (nr.pattern == NULL)
		diag_error(ld->d, "%s:%d: rule %s: missing pattern", ld->path,
		    line, name);
	if (nr.type < 0 || nr.pattern == NULL ||
	    rule_check(ld, &nr, inis[nr.ini]) != 0) {
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

/* ---- word lists, gazetteers, quotation marks ---- */

static void
dep_add(struct src *r, const char *path, const struct stat *st)
{
	r->deps = xreallocarray(r->deps, r->ndeps + 1, sizeof *r->deps);
	r->deps[r->ndeps].path = xstrdup(path);
	r->deps[r->ndeps].st = *st;
	r->ndeps++;
}

/* Read a word list: one entry a line, '#' starts a comment line. */
static void
load_list_file(struct load *ld, enum rules_list l, const char *file,
    int line)
{
	char *path, *text, *p, *e;
	const char *why;
	struct stat st;
	size_t len;

	path = file[0] == '/' ? xstrdup(file) :
	    xasprintf("%s%s", ld->dir, file);
	if (util_check_text_file(path, LIST_MAX, &why) != 0) {
		diag_error(ld->d, "%s:%d: cannot read list %s: %s", ld->path,
		    line, path, why);
		free(path);
		return;
	}
	if (stat(path, &st) != 0 ||
	    (text = util_read_file(path, &len)) == NULL) {
		diag_error(ld->d, "%s:%d: cannot read list %s: %s", ld->path,
		    line, path, strerror(errno));
		free(path);
		return;
	}
	dep_add(ld->r, path, &st);
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

	while ((e = ini_next_key(ld->ini_file, "lists", e)) != NULL) {
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

/* [gazetteer] files = gazetteer.tsv, ...: checked here, mapped by
 * rules.c (searched in place) */
static void
load_gazetteers(struct load *ld)
{
	const struct ini_entry *e;
	struct src *r = ld->r;
	char **items, *path;
	const char *why;
	struct gaz *g;
	struct stat st;
	size_t ni, j;

	if ((e = ini_find(ld->ini_file, "gazetteer", "files")) == NULL)
		return;
	ni = util_split_list(e->value, &items);
	for (j = 0; j < ni; j++) {
		path = items[j][0] == '/' ? xstrdup(items[j]) :
		    xasprintf("%s%s", ld->dir, items[j]);
		if ((g = gaz_open(path, &why)) == NULL) {
			diag_error(ld->d, "%s:%d: cannot read gazetteer %s: %s",
			    ld->path, e->line, path, why);
			free(path);
			continue;
		}
		gaz_close(g);
		if (stat(path, &st) == 0)
			dep_add(r, path, &st);	/* a new one: compile again */
		r->gaz = xreallocarray(r->gaz, r->ngaz + 1, sizeof *r->gaz);
		r->gaz[r->ngaz++] = path;
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
load_marks(struct src *r, struct diag *d, const char *path, const char *v,
    int inner, int line)
{
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
			diag_error(d, "%s:%d: quote marks must come in "
			    "pairs of two characters", path, line);
			return;
		}
		if (r->nqmarks < RULES_MAX_QMARKS && a < 8 && b < 8) {
			m = &r->qmarks[r->nqmarks++];
			memset(m, 0, sizeof *m);
			memcpy(m->open, v, a);
			memcpy(m->close, v + a, b);
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

	if ((e = ini_find(ld->ini_file, "quotes", "pairs")) != NULL) {
		ld->r->nqmarks = 0;
		load_marks(ld->r, ld->d, ld->path, e->value, 0, e->line);
	}
	if ((e = ini_find(ld->ini_file, "quotes", "inner")) != NULL)
		load_marks(ld->r, ld->d, ld->path, e->value, 1, e->line);
	for (e = NULL; (e = ini_next_key(ld->ini_file, "quotes", e)) != NULL; ) {
		if (strncmp(e->key, "verbs", 5) != 0)
			continue;
		ni = util_split_list(e->value, &items);
		for (j = 0; j < ni; j++)
			word_add(ld->r, RL_VERB, items[j], strlen(items[j]));
		util_free_list(items, ni);
	}
}

static void
load_file(struct src *r, const char *const *inis, int k, struct diag *d)
{
	const struct ini_entry *e;
	const char *slash, *path = inis[k];
	struct load ld;
	size_t i;

	ld.ini_file = ini_load_flags(path, d, INI_QUIET_DUPLICATES);
	if (ld.ini_file == NULL)
		return;
	ld.r = r;
	ld.d = d;
	ld.path = path;
	ld.ini = k;
	slash = strrchr(path, '/');
	ld.dir = slash == NULL ? xstrdup("") :
	    xstrndup(path, (size_t)(slash - path + 1));
	load_lists(&ld);
	load_gazetteers(&ld);
	load_quotes(&ld);
	/* each [rule.NAME] once, where it first appears */
	for (i = 0; i < ini_count(ld.ini_file); i++) {
		e = ini_entry(ld.ini_file, i);
		if (e->key == NULL && strncmp(e->section, "rule.", 5) == 0 &&
		    ini_section(ld.ini_file, e->section) == e)
			load_rule(&ld, e, inis);
	}
	ini_free(ld.ini_file);
	free(ld.dir);
}

static void
src_free(struct src *r)
{
	size_t i;

	for (i = 0; i < r->nrules; i++)
		rule_clear(&r->rules[i]);
	free(r->rules);
	strmap_free(&r->words);
	util_free_list(r->gaz, r->ngaz);
	for (i = 0; i < r->ndeps; i++)
		free(r->deps[i].path);
	free(r->deps);
}

/* ---- the image ---- */

/* A string into the pool; its offset. */
static uint32_t
pool_add(struct buf *pool, const char *s)
{
	uint32_t off = (uint32_t)pool->len;

	buf_add(pool, s, strlen(s) + 1);
	return off;
}

/* path, relative to dir (with its '/') when it is in it. */
static uint32_t
pool_path(struct buf *pool, const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return pool_add(pool, n > 0 && strncmp(path, dir, n) == 0 ?
	    path + n : path);
}

/* Append n items of size sz to the image; their offset. */
static uint32_t
img_add(struct buf *img, const void *p, size_t sz, size_t n)
{
	uint32_t off;

	while (img->len % 8 != 0)
		buf_addc(img, 0);
	off = (uint32_t)img->len;
	if (n > 0)
		buf_add(img, p, sz * n);
	return off;
}

static struct rules_img_slot *
make_slots(const struct src *r, struct buf *pool, uint32_t *nslots)
{
	struct rules_img_slot *slots;
	size_t n = strmap_count(&r->words), cap = 16, i, len, k;

	while (cap < 2 * n)
		cap *= 2;
	slots = xcalloc(cap, sizeof *slots);
	for (i = 0; i < n; i++) {
		const char *w = strmap_key(&r->words, i, &len);
		uint32_t h = strmap_hash(w, len);

		for (k = h & (cap - 1); slots[k].len != 0; k = (k + 1) &
		    (cap - 1))
			;
		slots[k].hash = h;
		slots[k].len = (uint32_t)len;
		slots[k].key = (uint32_t)pool->len;
		buf_add(pool, w, len);
		buf_addc(pool, '\0');
		slots[k].lists = *(const unsigned *)strmap_value(&r->words, i);
	}
	*nslots = (uint32_t)cap;
	return slots;
}

/* The rule set r as an image in img; key and where say what made it. */
static void
image_write(const struct src *r, const uint64_t key[2],
    const uint64_t where[2], size_t ninis, const char *dir, struct buf *img)
{
	struct rules_img_hdr h;
	struct rules_img_rule *ru;
	struct rules_img_dep *dp;
	struct rules_img_slot *slots;
	uint32_t *gz;
	struct buf pool;
	size_t i;

	memset(&h, 0, sizeof h);
	buf_init(&pool);
	buf_addc(&pool, '\0');
	ru = xcalloc(r->nrules + 1, sizeof *ru);
	for (i = 0; i < r->nrules; i++) {
		ru[i].name = pool_add(&pool, r->rules[i].name);
		ru[i].pattern = pool_add(&pool, r->rules[i].pattern);
		ru[i].ini = (uint32_t)r->rules[i].ini;
		ru[i].line = (uint32_t)r->rules[i].line;
		ru[i].type = r->rules[i].type;
		ru[i].priority = r->rules[i].priority;
		ru[i].caseless = r->rules[i].caseless;
	}
	dp = xcalloc(r->ndeps + 1, sizeof *dp);
	for (i = 0; i < r->ndeps; i++) {
		dp[i].path = pool_path(&pool, r->deps[i].path, dir);
		dp[i].size = (int64_t)r->deps[i].st.st_size;
		dp[i].mtime_s = (int64_t)r->deps[i].st.st_mtim.tv_sec;
		dp[i].mtime_ns = (int64_t)r->deps[i].st.st_mtim.tv_nsec;
	}
	gz = xcalloc(r->ngaz + 1, sizeof *gz);
	for (i = 0; i < r->ngaz; i++)
		gz[i] = pool_path(&pool, r->gaz[i], dir);
	slots = make_slots(r, &pool, &h.nslots);

	memcpy(h.magic, RULES_IMG_MAGIC, sizeof h.magic);
	h.endian = RULES_IMG_ENDIAN;
	memcpy(h.key, key, sizeof h.key);
	memcpy(h.where, where, sizeof h.where);
	h.ninis = (uint32_t)ninis;
	h.nwords = (uint32_t)strmap_count(&r->words);
	memcpy(h.listsize, r->listsize, sizeof h.listsize);
	buf_reset(img);
	buf_add(img, &h, sizeof h);
	h.ndeps = (uint32_t)r->ndeps;
	h.deps = img_add(img, dp, sizeof *dp, r->ndeps);
	h.nrules = (uint32_t)r->nrules;
	h.rules = img_add(img, ru, sizeof *ru, r->nrules);
	h.nqmarks = (uint32_t)r->nqmarks;
	h.qmarks = img_add(img, r->qmarks, sizeof r->qmarks[0], r->nqmarks);
	h.ngaz = (uint32_t)r->ngaz;
	h.gaz = img_add(img, gz, sizeof *gz, r->ngaz);
	h.slots = img_add(img, slots, sizeof *slots, h.nslots);
	h.nstrings = (uint32_t)pool.len;
	h.strings = img_add(img, pool.data, 1, pool.len);
	h.size = (uint32_t)img->len;
	memcpy(img->data, &h, sizeof h);
	free(ru);
	free(dp);
	free(gz);
	free(slots);
	buf_free(&pool);
}

/* ---- keys and where images are ---- */

/* One step of a key lane: w mixed in, the high bits folded down. */
static uint64_t
key_mix(uint64_t h, uint64_t w, uint64_t mul)
{
	h = (h ^ w) * mul;
	return h ^ (h >> 32);
}

/*
 * Two hashes (different seeds and multipliers) of s[0, n), continued
 * from h: eight bytes a step (as the machine orders them: an image is
 * only ever read where it was made), the last few one at a time.  A
 * byte at a time, the default rules' 14 KB cost 0.15 M instructions at
 * every start.
 */
static void
key_add(uint64_t h[2], const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h[0] = key_mix(h[0], w, 1099511628211ull);
		h[1] = key_mix(h[1], w, 0x9e3779b97f4a7c15ull | 1);
	}
	for (; n > 0; p++, n--) {
		h[0] = key_mix(h[0], *p, 1099511628211ull);
		h[1] = key_mix(h[1], *p, 0x9e3779b97f4a7c15ull | 1);
	}
}

static void
key_init(uint64_t h[2])
{
	h[0] = 14695981039346656037ull;
	h[1] = 0x9e3779b97f4a7c15ull;
}

/* The directory of path, with its trailing '/' ("" for a bare name). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? xstrdup("") :
	    xstrndup(path, (size_t)(slash - path + 1));
}

/*
 * The keys of a chain: its files' contents, and the real directories
 * they are in (relative list names mean other lists elsewhere).  -1 if
 * a file cannot be read (then nothing is cached: the loader says why).
 */
static int
chain_keys(const char *const *paths, size_t n, uint64_t key[2],
    uint64_t where[2])
{
	char real[PATH_MAX], *text, *dir;
	struct stat st;
	size_t i, len;
	uint64_t len64;

	key_init(key);
	key_init(where);
	for (i = 0; i < n; i++) {
		/* (not a device or a FIFO: the loader says what is wrong) */
		if (stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode) ||
		    st.st_size > (off_t)LIST_MAX ||
		    (text = util_read_file(paths[i], &len)) == NULL)
			return -1;
		len64 = len;
		key_add(key, &len64, sizeof len64);
		key_add(key, text, len);
		free(text);
		dir = dir_of(paths[i]);
		if (realpath(*dir != '\0' ? dir : ".", real) == NULL) {
			free(dir);
			return -1;
		}
		free(dir);
		key_add(where, real, strlen(real) + 1);
	}
	return 0;
}

/* Is the mapped image in[0, len) one of ours, whole, for key? */
static int
image_ok(const char *in, size_t len, const uint64_t key[2],
    const uint64_t *where, size_t ninis, const char *dir)
{
	const struct rules_img_hdr *h = (const void *)in;
	const struct rules_img_dep *dp;
	struct stat st;
	char *path;
	size_t i;
	int ok = 1;

	if (len < sizeof *h || memcmp(h->magic, RULES_IMG_MAGIC, 8) != 0 ||
	    h->endian != RULES_IMG_ENDIAN || h->size != len ||
	    memcmp(h->key, key, sizeof h->key) != 0 || h->ninis != ninis ||
	    (where != NULL && memcmp(h->where, where, sizeof h->where) != 0) ||
	    rules_image_check(in, len) != 0)
		return 0;
	dp = (const void *)(in + h->deps);
	for (i = 0; ok && i < h->ndeps; i++) {
		const char *p = in + h->strings + dp[i].path;

		path = p[0] == '/' ? xstrdup(p) : xasprintf("%s%s", dir, p);
		ok = stat(path, &st) == 0 && (int64_t)st.st_size ==
		    dp[i].size && (int64_t)st.st_mtim.tv_sec == dp[i].mtime_s &&
		    (int64_t)st.st_mtim.tv_nsec == dp[i].mtime_ns;
		free(path);
	}
	return ok;
}

/* Map path if it is a good image; NULL if not. */
static void *
image_map(const char *path, size_t *len, const uint64_t key[2],
    const uint64_t *where, size_t ninis, const char *dir)
{
	struct stat st;
	void *m;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)sizeof(struct rules_img_hdr) ||
	    st.st_size > (off_t)RULES_IMG_MAX) {
		close(fd);
		return NULL;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return NULL;
	if (!image_ok(m, (size_t)st.st_size, key, where, ninis, dir)) {
		munmap(m, (size_t)st.st_size);
		return NULL;
	}
	*len = (size_t)st.st_size;
	return m;
}

/* default.ini -> default.idx, beside it. */
static char *
shipped_image(const char *ini)
{
	size_t n = strlen(ini);

	if (n > 4 && strcmp(ini + n - 4, ".ini") == 0)
		return xasprintf("%.*s.idx", (int)(n - 4), ini);
	return xasprintf("%s.idx", ini);
}

static char *
cached_image(const uint64_t key[2], const uint64_t where[2])
{
	char *dir = paths_cache_dir(), *path;

	path = xasprintf("%s/rules/%016llx%016llx-%016llx.idx", dir,
	    (unsigned long long)key[0], (unsigned long long)key[1],
	    (unsigned long long)where[0]);
	free(dir);
	return path;
}

/* Write img to path atomically; quietly nothing if that fails. */
static void
image_save(const char *path, const struct buf *img)
{
	struct atomic_file *af;
	char *cause = NULL;
	FILE *f;

	if (paths_mkdir_parents(path) != 0 ||
	    (af = atomic_open(path, 0, &f, &cause)) == NULL) {
		free(cause);
		return;
	}
	if (fwrite(img->data, 1, img->len, f) != img->len) {
		atomic_abort(af);
		return;
	}
	if (atomic_commit(af, &cause) != 0)
		free(cause);
}

/* Compile the chain from its files into img; diagnostics in d. */
static void
compile_chain(const char *const *paths, size_t n, const uint64_t key[2],
    const uint64_t where[2], struct diag *d, struct buf *img)
{
	struct src r;
	char *dir;
	size_t i;

	memset(&r, 0, sizeof r);
	strmap_init(&r.words, sizeof(unsigned));
	load_marks(&r, d, "", "\"\" “” «» „“", 0, 0);
	for (i = 0; i < n; i++)
		load_file(&r, paths, (int)i, d);
	dir = dir_of(n > 0 ? paths[0] : "");
	image_write(&r, key, where, n, dir, img);
	free(dir);
	src_free(&r);
}

struct rules *
rules_load(const char *const *paths, size_t npaths, struct diag *d)
{
	uint64_t key[2], where[2];
	struct buf img;
	char *dir, *path;
	void *m = NULL;
	size_t len = 0, before;
	int keyed;

	keyed = npaths > 0 && chain_keys(paths, npaths, key, where) == 0;
	if (!keyed) {
		key_init(key);
		key_init(where);
	}
	dir = dir_of(npaths > 0 ? paths[0] : "");
	if (keyed && npaths == 1) {
		path = shipped_image(paths[0]);
		m = image_map(path, &len, key, NULL, npaths, dir);
		free(path);
	}
	if (keyed && m == NULL) {
		path = cached_image(key, where);
		m = image_map(path, &len, key, where, npaths, dir);
		free(path);
	}
	if (m != NULL)
		return rules_from_image(m, len, 1, paths, npaths, dir, d);
	/* Compile, and keep the image if the files are faultless. */
	before = d->errors + d->warnings;
	buf_init(&img);
	compile_chain(paths, npaths, key, where, d, &img);
	if (keyed && d->errors + d->warnings == before) {
		path = cached_image(key, where);
		image_save(path, &img);
		free(path);
	}
	len = img.len;
	return rules_from_image(buf_steal(&img), len, 0, paths, npaths, dir,
	    d);
}

int
rules_compile_file(const char *ini, const char *out, struct diag *d)
{
	uint64_t key[2], where[2];
	struct buf img;
	int rc = -1;

	if (chain_keys(&ini, 1, key, where) != 0) {
		diag_error(d, "%s: %s", ini, strerror(errno));
		return -1;
	}
	buf_init(&img);
	compile_chain(&ini, 1, key, where, d, &img);
	if (d->errors == 0) {
		char *cause = NULL;
		struct atomic_file *af;
		FILE *f;

		if ((af = atomic_open(out, 0, &f, &cause)) == NULL) {
			diag_error(d, "%s", cause);
			free(cause);
		} else if (fwrite(img.data, 1, img.len, f) != img.len) {
			diag_error(d, "%s: %s", out, strerror(errno));
			atomic_abort(af);
		} else if (atomic_commit(af, &cause) != 0) {
			diag_error(d, "%s", cause);
			free(cause);
		} else
			rc = 0;
	}
	buf_free(&img);
	return rc;
}
