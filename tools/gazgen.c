/*
 * gazgen.c: writes artread's gazetteer (rules/gazetteer.tsv) at build
 * time from maintained data: the GeoNames cities of over 15,000 people
 * that Debian's libgeonames carries (with their states and countries),
 * and iso-codes' countries and first-level subdivisions, with the
 * countries' names in several languages from its gettext catalogues.
 * Never linked into artread: libgeonames is GPL-3 and pulls in GLib.
 * GeoNames data is CC BY 4.0 (geonames.org); see LICENSE.
 *
 *   gazgen [-g] [-j JSONDIR] [-m LOCALEDIR] [-l LANGS] [-w WORDS]
 *          [-a LIST]... [-x LIST]... [-s SOURCES] OUT
 *
 *   -g            the GeoNames cities (when built with libgeonames)
 *   -j JSONDIR    iso-codes' iso_3166-1.json and iso_3166-2.json
 *   -m LOCALEDIR  where LANG/LC_MESSAGES/iso_3166-1.mo are
 *   -l LANGS      the languages of the country names (comma separated)
 *   -w WORDS      a dictionary: a place named by a lower-case word of
 *                 it (Reading, Split, Nice) is ambiguous
 *   -a LIST       a word list (given names, surnames): a place named by
 *                 one of its entries (Victoria) is ambiguous
 *   -x LIST       a word list of words that are never places (stop words,
 *                 months, titles): such entries are dropped
 *   -s SOURCES    what the data came from, for the file's header
 *
 * Each line of OUT is NAME, a tab, and its kinds: C a country, R a
 * first-level region, T a town or city; then "w" if the name is also a
 * common word (Reading, Split, Nice: a place only where a common word
 * would not be capitalised) and "p" if it is also a person's name
 * (Victoria, Florence: a place unless the text says person).  Lines are
 * sorted by their bytes so that artread can search the mapped file.
 * Countries named in English are neither (Chad, Jordan, Turkey; but
 * Swedish "Island" for Iceland is a word), nor are cities of a million
 * people common words (Shanghai, Phoenix); a name is either only when
 * every place that bears it is.  Names of one or two letters are left
 * out, except countries and regions.  An accented name is also written
 * without its accents (Bắc Ninh, Bac Ninh).
 */
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_GEONAMES
#include <geonames.h>
#endif

#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define NAME_MAX_BYTES	64

enum kind {
	K_COUNTRY	= 1 << 0,
	K_REGION	= 1 << 1,
	K_TOWN		= 1 << 2,
	K_EXONYM	= 1 << 3,	/* a country's name in another language */
	K_BIG		= 1 << 4,	/* a city of a million people or more */
	/* Per name: some place of this name is not a common word, not a
	 * person's name. */
	K_NOT_WORD	= 1 << 5,
	K_NOT_PERSON	= 1 << 6,
};

#define BIG_CITY	1000000u

struct gen {
	struct strmap	 places;	/* name -> unsigned kinds */
	struct strmap	 common;	/* lower-case dictionary words */
	struct strmap	 names;		/* given names, surnames */
	struct strmap	 never;		/* never places */
	size_t		 ncities;
	size_t		 nregions;
	size_t		 ncountries;
	size_t		 nlangs;
};

static void
usage(void)
{
	fputs("usage: gazgen [-g] [-j JSONDIR] [-m LOCALEDIR] [-l LANGS] "
	    "[-w WORDS] [-a LIST]... [-x LIST]... [-s SOURCES] OUT\n", stderr);
	exit(2);
}

/* Each line of a word list (comments and blank lines skipped) into m;
 * lower says only entries all in lower case count (a dictionary). */
static void
read_list(struct strmap *m, const char *path, int lower)
{
	char *text, *p, *e;
	size_t len;

	if ((text = util_read_file(path, &len)) == NULL) {
		fprintf(stderr, "gazgen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	for (p = text; p < text + len; p = e + 1) {
		char *s = p, *t;
		int ok = 1;

		if ((e = memchr(p, '\n', (size_t)(text + len - p))) == NULL)
			e = text + len;
		for (t = e; t > s && (t[-1] == ' ' || t[-1] == '\t' ||
		    t[-1] == '\r'); t--)
			;
		while (s < t && (*s == ' ' || *s == '\t'))
			s++;
		if (s == t || *s == '#')
			continue;
		if (lower) {
			const char *k;

			for (k = s; k < t && ok; k++)
				ok = *k >= 'a' && *k <= 'z';
		}
		if (ok)
			strmap_add(m, s, (size_t)(t - s));
	}
	free(text);
}

/* Is name, in lower case, a word of the dictionary? */
static int
common_word(const struct gen *g, const char *name, size_t n)
{
	char buf[NAME_MAX_BYTES];
	size_t i;

	if (n >= sizeof buf)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c >= 0x80 || c == ' ' || c == '-')
			return 0;
		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return strmap_get(&g->common, buf, n) != NULL;
}

/* Is the name usable at all: a capital first, no digit, not too long? */
static int
plausible(const char *name, size_t n)
{
	uint32_t cp;
	size_t i;

	if (n < 2 || n >= NAME_MAX_BYTES || utf8_decode(name, n, &cp) == 0 ||
	    !utf8_is_upper(cp) || !utf8_valid(name, n))
		return 0;
	for (i = 0; i < n; i++) {
		if ((name[i] >= '0' && name[i] <= '9') || name[i] == '\t' ||
		    name[i] == '(' || name[i] == '[' || name[i] == ',' ||
		    name[i] == '/' || name[i] == ';')
			return 0;
	}
	return n > 2 || name[1] != '.';
}

/* Record one place; its accent-free form too. */
static void
add_one(struct gen *g, const char *name, size_t n, unsigned kind)
{
	unsigned *v;
	int english_country = (kind & (K_COUNTRY | K_EXONYM)) == K_COUNTRY;

	if (!plausible(name, n) || strmap_get(&g->never, name, n) != NULL)
		return;
	/* "Bo", "Ho": too short to be told from other words */
	if (utf8_count(name, n) <= 2 && !(kind & (K_COUNTRY | K_REGION)))
		return;
	if (english_country || (kind & K_BIG) || !common_word(g, name, n))
		kind |= K_NOT_WORD;
	if (english_country || strmap_get(&g->names, name, n) == NULL)
		kind |= K_NOT_PERSON;
	v = strmap_add(&g->places, name, n);
	*v |= kind;
}

static void
add_place(struct gen *g, const char *name, size_t n, unsigned kind)
{
	char *bare;
	size_t bn;

	while (n > 0 && name[n - 1] == ' ')
		n--;
	add_one(g, name, n, kind);
	bare = utf8_strip_accents(name, n, &bn);
	if (bn != n || memcmp(bare, name, n) != 0)
		add_one(g, bare, bn, kind);
	free(bare);
}

/*
 * A name as iso-codes and GeoNames write it, into the forms news use:
 * "Korea, Republic of" gives "Korea" and "Republic of Korea"; "Wales
 * [Cymru GB-CYM]" gives "Wales"; "Gyeonggi-do", "Suwon-si" also give
 * "Gyeonggi", "Suwon" (Korean administrative suffixes).
 */
static void
add_forms(struct gen *g, const char *name, unsigned kind)
{
	static const char *const suffixes[] = { "-si", "-do", "-gun",
	    "-teukbyeolsi", "-gwangyeoksi", "-teukbyeoljachido",
	    "-teukbyeoljachisi", NULL };
	const char *comma, *br;
	size_t n = strlen(name), k;
	int i;

	if ((br = strstr(name, " [")) != NULL)
		n = (size_t)(br - name);
	if ((comma = memchr(name, ',', n)) != NULL) {
		const char *rest = comma + 1;
		size_t head = (size_t)(comma - name), rn;

		while (*rest == ' ')
			rest++;
		rn = (size_t)(name + n - rest);
		add_place(g, name, head, kind);
		/* "Republic of" + " " + "Korea" */
		if (rn > 3 && (memcmp(rest + rn - 3, " of", 3) == 0 ||
		    (rn > 7 && memcmp(rest + rn - 7, " of the", 7) == 0))) {
			char *full;

			if (strncmp(rest, "The ", 4) == 0)
				rest += 4, rn -= 4;
			full = xasprintf("%.*s %.*s", (int)rn, rest, (int)head,
			    name);
			add_place(g, full, strlen(full), kind);
			free(full);
		}
		return;
	}
	add_place(g, name, n, kind);
	for (i = 0; suffixes[i] != NULL; i++) {
		k = strlen(suffixes[i]);
		if (n > k + 2 && memcmp(name + n - k, suffixes[i], k) == 0)
			add_place(g, name, n - k, kind);
	}
}

/* ---- GeoNames, through libgeonames ---- */

static void
read_geonames(struct gen *g)
{
#ifdef HAVE_GEONAMES
	gint i, n = geonames_get_n_cities();

	for (i = 0; i < n; i++) {
		GeonamesCity *c = geonames_get_city(i);

		if (c == NULL)
			continue;
		add_forms(g, geonames_city_get_name(c), K_TOWN |
		    (geonames_city_get_population(c) >= BIG_CITY ? K_BIG : 0));
		add_forms(g, geonames_city_get_state(c), K_REGION);
		add_forms(g, geonames_city_get_country(c), K_COUNTRY);
		geonames_city_free(c);
		g->ncities++;
	}
#else
	(void)g;
	fputs("gazgen: built without libgeonames; no cities\n", stderr);
#endif
}

/* ---- gettext catalogues (.mo) ---- */

struct catalog {
	unsigned char	*data;
	size_t		 len;
	int		 swap;
	uint32_t	 n, orig, trans;
};

static uint32_t
mo_word(const struct catalog *c, size_t off)
{
	const unsigned char *p = c->data + off;

	if (off + 4 > c->len)
		return 0;
	if (c->swap)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0];
}

static int
mo_open(struct catalog *c, const char *path)
{
	uint32_t magic;

	memset(c, 0, sizeof *c);
	if ((c->data = (unsigned char *)util_read_file(path, &c->len)) == NULL)
		return -1;
	magic = mo_word(c, 0);
	if (magic == 0xde120495)
		c->swap = 1;
	else if (magic != 0x950412de) {
		free(c->data);
		return -1;
	}
	c->n = mo_word(c, 8);
	c->orig = mo_word(c, 12);
	c->trans = mo_word(c, 16);
	return 0;
}

/* String i of the table at tab, or NULL if the file is short. */
static const char *
mo_string(const struct catalog *c, uint32_t tab, uint32_t i, size_t *n)
{
	size_t len = mo_word(c, (size_t)tab + 8 * (size_t)i);
	size_t off = mo_word(c, (size_t)tab + 8 * (size_t)i + 4);

	if (off + len >= c->len)
		return NULL;
	*n = len;
	return (const char *)c->data + off;
}

/* The translation of msgid (NUL-terminated), or NULL.  Binary search:
 * msgids are sorted. */
static const char *
mo_lookup(const struct catalog *c, const char *msgid)
{
	uint32_t lo = 0, hi = c->n;
	size_t n, idlen = strlen(msgid);

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *s = mo_string(c, c->orig, mid, &n);
		int cmp;

		if (s == NULL)
			return NULL;
		cmp = strncmp(msgid, s, idlen < n ? idlen : n);
		if (cmp == 0 && idlen != n)
			cmp = idlen < n ? -1 : 1;
		if (cmp == 0) {
			s = mo_string(c, c->trans, mid, &n);
			return s != NULL && n > 0 ? s : NULL;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* ---- iso-codes ---- */

static json_t *
load_json(const char *dir, const char *file, const char *key)
{
	json_error_t err;
	char *path = xasprintf("%s/%s", dir, file);
	json_t *root = json_load_file(path, 0, &err), *a;

	if (root == NULL) {
		fprintf(stderr, "gazgen: %s:%d: %s\n", path, err.line,
		    err.text);
		exit(1);
	}
	free(path);
	a = json_object_get(root, key);
	if (!json_is_array(a)) {
		fprintf(stderr, "gazgen: %s/%s: no \"%s\" array\n", dir, file,
		    key);
		exit(1);
	}
	json_incref(a);
	json_decref(root);
	return a;
}

static const char *
field(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void
read_countries(struct gen *g, const char *dir, const char *locales,
    const char *langs)
{
	static const char *const keys[] = { "name", "common_name",
	    "official_name", NULL };
	struct catalog *cat = NULL;
	json_t *a = load_json(dir, "iso_3166-1.json", "3166-1"), *o;
	char **items = NULL;
	size_t i, j, nl = 0, ncat = 0;
	int k;

	if (langs != NULL && locales != NULL) {
		nl = util_split_list(langs, &items);
		cat = xcalloc(nl + 1, sizeof *cat);
		for (i = 0; i < nl; i++) {
			char *p = xasprintf("%s/%s/LC_MESSAGES/iso_3166-1.mo",
			    locales, items[i]);

			if (mo_open(&cat[ncat], p) == 0)
				ncat++;
			else
				fprintf(stderr, "gazgen: no catalogue %s\n", p);
			free(p);
		}
		util_free_list(items, nl);
	}
	g->nlangs = ncat;
	json_array_foreach(a, i, o) {
		for (k = 0; keys[k] != NULL; k++) {
			const char *v = field(o, keys[k]), *t;

			if (v == NULL)
				continue;
			add_forms(g, v, K_COUNTRY);
			for (j = 0; j < ncat; j++) {
				if ((t = mo_lookup(&cat[j], v)) != NULL) {
					char *s = xstrndup(t, strlen(t));

					add_forms(g, s, K_COUNTRY | K_EXONYM);
					free(s);
				}
			}
		}
		g->ncountries++;
	}
	for (j = 0; j < ncat; j++)
		free(cat[j].data);
	free(cat);
	json_decref(a);
}

static void
read_subdivisions(struct gen *g, const char *dir)
{
	json_t *a = load_json(dir, "iso_3166-2.json", "3166-2"), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		const char *name = field(o, "name");

		/* first-level only: a subdivision of a subdivision has a parent */
		if (name == NULL || json_object_get(o, "parent") != NULL)
			continue;
		add_forms(g, name, K_REGION);
		g->nregions++;
	}
	json_decref(a);
}

/* ---- output ---- */

struct row {
	const char	*name;
	size_t		 len;
	unsigned	 kinds;
};

static int
row_cmp(const void *a, const void *b)
{
	const struct row *p = a, *q = b;
	size_t n = p->len < q->len ? p->len : q->len;
	int c = memcmp(p->name, q->name, n);

	if (c != 0)
		return c;
	return p->len < q->len ? -1 : p->len > q->len;
}

static void
write_out(const struct gen *g, const char *out, const char *sources)
{
	size_t i, n = strmap_count(&g->places), words = 0, persons = 0;
	struct row *rows = xcalloc(n + 1, sizeof *rows);
	char *tmp = xasprintf("%s.tmp%ld", out, (long)getpid());
	FILE *f;

	for (i = 0; i < n; i++) {
		rows[i].name = strmap_key(&g->places, i, &rows[i].len);
		rows[i].kinds = *(unsigned *)strmap_value(&g->places, i);
		words += !(rows[i].kinds & K_NOT_WORD);
		persons += !(rows[i].kinds & K_NOT_PERSON);
	}
	qsort(rows, n, sizeof *rows, row_cmp);
	if ((f = fopen(tmp, "w")) == NULL) {
		fprintf(stderr, "gazgen: %s: %s\n", tmp, strerror(errno));
		exit(1);
	}
	fprintf(f, "# artread gazetteer: generated at build time by "
	    "tools/gazgen.c; do not edit.\n"
	    "# Sources: %s.\n"
	    "# GeoNames data: CC BY 4.0, https://www.geonames.org/.\n"
	    "# %zu names (%zu common words, %zu persons' names) from %zu "
	    "cities, %zu regions, %zu countries, %zu languages.\n"
	    "# NAME<TAB>KINDS: C country, R region, T town or city; then w "
	    "a common word, p a person's name.  Sorted by bytes.\n",
	    sources != NULL ? sources : "see tools/gazgen.c", n, words,
	    persons,
	    g->ncities, g->nregions, g->ncountries, g->nlangs);
	for (i = 0; i < n; i++) {
		fprintf(f, "%.*s\t%s%s%s%s%s\n", (int)rows[i].len,
		    rows[i].name, rows[i].kinds & K_COUNTRY ? "C" : "",
		    rows[i].kinds & K_REGION ? "R" : "",
		    rows[i].kinds & K_TOWN ? "T" : "",
		    rows[i].kinds & K_NOT_WORD ? "" : "w",
		    rows[i].kinds & K_NOT_PERSON ? "" : "p");
	}
	if (fflush(f) != 0 || ferror(f) || fclose(f) != 0 ||
	    rename(tmp, out) != 0) {
		fprintf(stderr, "gazgen: %s: %s\n", out, strerror(errno));
		unlink(tmp);
		exit(1);
	}
	free(tmp);
	free(rows);
}

int
main(int argc, char **argv)
{
	struct gen g;
	const char *json = NULL, *locales = NULL, *langs = NULL;
	const char *sources = NULL;
	int c, geo = 0;

	memset(&g, 0, sizeof g);
	strmap_init(&g.places, sizeof(unsigned));
	strmap_init(&g.common, 1);
	strmap_init(&g.names, 1);
	strmap_init(&g.never, 1);
	while ((c = getopt(argc, argv, "gj:m:l:w:a:x:s:")) != -1) {
		switch (c) {
		case 'g': geo = 1; break;
		case 'j': json = optarg; break;
		case 'm': locales = optarg; break;
		case 'l': langs = optarg; break;
		case 'w': read_list(&g.common, optarg, 1); break;
		case 'a': read_list(&g.names, optarg, 0); break;
		case 'x': read_list(&g.never, optarg, 0); break;
		case 's': sources = optarg; break;
		default: usage();
		}
	}
	if (optind + 1 != argc)
		usage();
	if (json != NULL) {
		read_countries(&g, json, locales, langs);
		read_subdivisions(&g, json);
	}
	if (geo)
		read_geonames(&g);
	write_out(&g, argv[optind], sources);
	strmap_free(&g.places);
	strmap_free(&g.common);
	strmap_free(&g.names);
	strmap_free(&g.never);
	return 0;
}
