/*
 * ini.c: the INI reader for config.ini, the themes and the rule files.
 * Each file is read once; iniparser parses that text for the values, and
 * a walk of the same text recovers each key's line and the file order
 * (scan_lines says why).  Also the "did you mean" suggestion and the
 * name check.
 */
#include "artread/ini.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

/* Settings files are small; anything bigger is a mistake (or /dev/zero). */
#define INI_MAX	(16u << 20)
/*
 * Keys and [sections] in one file.  iniparser stores them in a list it
 * searches from the start for each new key, so its time grows with the
 * square of their number: 10,000 take a few hundredths of a second,
 * 700,000 over five minutes.  Past the cap the file is refused.
 */
#define INI_MAX_ENTRIES	10000
#ifndef AR_INIPARSER_SONAME
#error "AR_INIPARSER_SONAME (libiniparser's soname) comes from the Makefile"
#endif

#include <iniparser.h>

#include "artread/dynlib.h"
#include "artread/strmap.h"
#include "artread/util.h"

struct ini {
	char			*path;
	struct ini_entry	*e;
	size_t			 n;
	struct strmap		 index;	/* where_key() -> entry + 1 */
};

/* --- suggestions and names --------------------------------------- */

/* Edit distance with transpositions, case-insensitive. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *d, r, best;
	int ca, cb;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	d = xcalloc((la + 1) * (lb + 1), sizeof *d);
#define D(x, y)	d[(x) * (lb + 1) + (y)]
	for (i = 0; i <= la; i++)
		D(i, 0) = i;
	for (j = 0; j <= lb; j++)
		D(0, j) = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			ca = tolower((unsigned char)a[i - 1]);
			cb = tolower((unsigned char)b[j - 1]);
			best = D(i - 1, j - 1) + (ca != cb);
			if (D(i - 1, j) + 1 < best)
				best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && ca ==
			    tolower((unsigned char)b[j - 2]) && cb ==
			    tolower((unsigned char)a[i - 2]) &&
			    D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	r = D(la, lb);
#undef D
	free(d);
	return r;
}

/* The first of cand that begins with word (part 0) or holds it (part
 * 1), ignoring case, or NULL. */
static const char *
holding(const char *word, const char *const *cand, size_t n, int part)
{
	size_t i, len = strlen(word);
	const char *p;

	for (i = 0; i < n; i++)
		for (p = cand[i]; *p != '\0' && (part || p == cand[i]); p++)
			if (strncasecmp(p, word, len) == 0)
				return cand[i];
	return NULL;
}

const char *
ini_suggest(const char *word, const char *const *cand, size_t n)
{
	const char *best = NULL;
	size_t i, dist, bestd = 3;

	for (i = 0; i < n; i++) {
		dist = edit_distance(word, cand[i]);
		if (dist < bestd && dist < strlen(word)) {
			bestd = dist;
			best = cand[i];
		}
	}
	/* A short form of a long name ("delete" for delete_annotation). */
	if (best == NULL && strlen(word) >= 3 &&
	    (best = holding(word, cand, n, 0)) == NULL)
		best = holding(word, cand, n, 1);
	return best;
}

char *
ini_did_you_mean(const char *word, const char *const *cand, size_t n,
    const char *quote)
{
	const char *near = ini_suggest(word, cand, n);

	if (near == NULL)
		return xstrdup("");
	return xasprintf(" (did you mean %c%s%c?)", quote[0], near, quote[1]);
}

int
ini_valid_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

void
ini_unknown_section(const struct ini_entry *e, const char *path,
    const char *const *known, size_t n, struct diag *d)
{
	char *hint;

	if (e->key != NULL && *e->section != '\0')
		return;		/* warned at the [section] line */
	if (*e->section == '\0') {
		diag_warning(d, "%s:%d: '%s' is outside any [section]", path,
		    e->line, e->key);
		return;
	}
	hint = ini_did_you_mean(e->section, known, n, "[]");
	diag_warning(d, "%s:%d: unknown section [%s]%s", path, e->line,
	    e->section, hint);
	free(hint);
}

/* --- iniparser ---------------------------------------------------- */

/* libiniparser, opened when an INI file is first read (dynlib.h): the
 * defaults are compiled in, so most starts read none. */
static struct {
	__typeof__(iniparser_set_error_callback)	*set_error_callback;
	__typeof__(iniparser_load)			*load;
	__typeof__(iniparser_getstring)			*getstring;
	__typeof__(iniparser_freedict)			*freedict;
} iniparser;

#define INIPARSER_FN(f)	{ "iniparser_" #f, &iniparser.f }
static const struct dynlib_fn iniparser_fns[] = {
	INIPARSER_FN(set_error_callback), INIPARSER_FN(load),
	INIPARSER_FN(getstring), INIPARSER_FN(freedict),
};
#undef INIPARSER_FN

static struct dynlib iniparser_lib = {
	AR_INIPARSER_SONAME, iniparser_fns,
	sizeof iniparser_fns / sizeof iniparser_fns[0], 0, NULL
};

/* --- iniparser's errors ------------------------------------------ */

/* iniparser reports through a global callback: point it at our diag. */
static struct diag	*err_diag;
static const char	*err_path;	/* the file, as the caller named it */
static const char	*err_name;	/* what iniparser opened */
#define INI_BAD_LINES	64
static long		 bad_lines[INI_BAD_LINES];	/* syntax errors */
static size_t		 nbad;
static int		 salvage;	/* ini_set_salvage */

/*
 * iniparser's messages are in English, name the file it opened and the
 * line, and may run over two lines:
 *	iniparser: syntax error in NAME (LINE):\n-> TEXT\n
 *	iniparser: input line too long in NAME (LINE)\n
 *	iniparser: cannot open NAME\n
 *	iniparser: memory allocation failure\n
 * Its words stay.  Only the shape becomes ours, one line that names the
 * file as the user did (NAME is /proc/self/fd/N when iniparser reads our
 * copy of the text): "FILE:LINE: syntax error: TEXT".
 */
static int
ini_error(const char *fmt, ...)
{
	char msg[1200], *s, *p, *end;
	va_list ap;
	long line = 0;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (err_diag == NULL)
		return 0;
	s = msg;
	if (strncmp(s, "iniparser: ", 11) == 0)
		s += 11;
	if ((p = strstr(s, err_name)) != NULL) {	/* " in NAME", " NAME" */
		end = p + strlen(err_name);
		if (p - s >= 4 && strncmp(p - 4, " in ", 4) == 0)
			p -= 4;
		else if (p > s && p[-1] == ' ')
			p--;
		memmove(p, end, strlen(end) + 1);
	}
	if ((p = strstr(s, " (")) != NULL) {		/* " (LINE)" */
		line = strtol(p + 2, &end, 10);
		if (end != p + 2 && *end == ')' && line > 0 && line <= INT_MAX)
			memmove(p, end + 1, strlen(end + 1) + 1);
		else
			line = 0;
	}
	while ((p = strstr(s, "\n-> ")) != NULL)	/* the line's text */
		memmove(p, p + 3, strlen(p + 3) + 1);
	p = s + strlen(s);
	while (p > s && (p[-1] == '\n' || p[-1] == ' '))
		*--p = '\0';
	for (p = s; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	if (line > 0 && strncmp(s, "syntax error", 12) == 0 &&
	    nbad < INI_BAD_LINES)
		bad_lines[nbad++] = line;
	if (line > 0)
		diag_error(err_diag, "%s:%ld: %s", err_path, line, s);
	else
		diag_error(err_diag, "%s: %s", err_path, s);
	return 0;
}

/*
 * Parse text (the whole file, read once) with iniparser.  iniparser 4.1
 * (Debian 12) reads only by path, so the very bytes we read go into an
 * anonymous memory file that it opens as /proc/self/fd/N: iniparser and
 * the line scan below see the same text, and the file is read once.
 * Where that cannot be done (no memfd_create, no /proc), iniparser opens
 * the file itself, a second reading of a file checked a moment ago.
 * Errors go to d.
 */
static dictionary *
parse_text(const char *path, const char *text, size_t len, struct diag *d)
{
	char name[64];
	dictionary *dict;
	size_t off = 0;
	ssize_t w;
	int fd;

	err_diag = d;
	err_path = path;
	err_name = path;
	nbad = 0;
	fd = memfd_create("artread-ini", MFD_CLOEXEC);
	if (fd >= 0) {
		while (off < len && ((w = write(fd, text + off, len - off)) > 0 ||
		    (w < 0 && errno == EINTR)))
			off += w > 0 ? (size_t)w : 0;
		snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
		if (off == len && access(name, R_OK) == 0)
			err_name = name;
	}
	iniparser.set_error_callback(ini_error);
	dict = iniparser.load(err_name);
	iniparser.set_error_callback(NULL);
	err_diag = NULL;
	if (fd >= 0)
		close(fd);
	return dict;
}

void
ini_set_salvage(int on)
{
	salvage = on;
}

/* Blank the lines of the syntax errors parse_text saw (their line ends
 * stay, so every other line keeps its number). */
static void
blank_lines(char *text, size_t len)
{
	size_t off, i, k;
	long line = 1;

	for (off = 0; off < len; off++) {
		for (k = 0; k < nbad && bad_lines[k] != line; k++)
			;
		for (i = off; i < len && text[i] != '\n'; i++)
			if (k < nbad && text[i] != '\r')
				text[i] = ' ';
		off = i;
		line++;
	}
}

/* --- the scan ---------------------------------------------------- */

/* A trimmed, lower-case copy of s[0..n). */
static char *
lower_dup(const char *s, size_t n)
{
	char *copy = xstrndup(s, n), *t, *p;

	t = util_trim(copy);
	for (p = t; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	memmove(copy, t, strlen(t) + 1);
	return copy;
}

/*
 * The index's key for section:key, or for the [section] line when key is
 * NULL: "k" or "s", the section, a NUL, the key.  Lookups take constant
 * time: a file of thousands of keys must not take the square of that.
 */
static char *
where_key(const char *section, const char *key, size_t *len)
{
	char *k = xasprintf("%c%s%c%s", key != NULL ? 'k' : 's', section, 0,
	    key != NULL ? key : "");

	*len = 1 + strlen(section) + 1 + (key != NULL ? strlen(key) : 0);
	return k;
}

/* The entry for section:key (key NULL: the first [section]), or NULL. */
static const struct ini_entry *
lookup(const struct ini *ini, const char *section, const char *key)
{
	size_t len, *at;
	char *k = where_key(section, key, &len);

	at = strmap_get(&ini->index, k, len);
	free(k);
	return at != NULL && *at > 0 ? &ini->e[*at - 1] : NULL;
}

static void
index_entry(struct ini *ini, size_t i)
{
	const struct ini_entry *e = &ini->e[i];
	size_t len, *at;
	char *k = where_key(e->section, e->key, &len);

	at = strmap_add(&ini->index, k, len);
	if (e->key != NULL || *at == 0)		/* a key: the last wins */
		*at = i + 1;
	free(k);
}

/* Drop the entries ini_add replaced (section NULL), then index again. */
static void
ini_compact(struct ini *ini)
{
	size_t i, k = 0;

	for (i = 0; i < ini->n; i++)
		if (ini->e[i].section != NULL)
			ini->e[k++] = ini->e[i];
	ini->n = k;
	strmap_free(&ini->index);
	strmap_init(&ini->index, sizeof(size_t));
	for (i = 0; i < ini->n; i++)
		index_entry(ini, i);
}

static void
ini_add(struct ini *ini, const char *section, char *key, const char *value,
    int line, struct diag *d, int flags)
{
	struct ini_entry *old;

	if (key != NULL && (old = (struct ini_entry *)lookup(ini, section,
	    key)) != NULL && old->section != NULL) {
		if (!(flags & INI_QUIET_DUPLICATES))
			diag_warning(d, "%s:%d: '%s' is set again on line %d, "
			    "which wins", ini->path, old->line, key, line);
		free((char *)old->section);
		free((char *)old->key);
		free((char *)old->value);
		old->section = NULL;	/* dropped by ini_compact */
	}
	ini->e = xreallocarray(ini->e, ini->n + 1, sizeof ini->e[0]);
	ini->e[ini->n].section = xstrdup(section);
	ini->e[ini->n].key = key;
	ini->e[ini->n].value = xstrdup(value != NULL ? value : "");
	ini->e[ini->n].line = line;
	index_entry(ini, ini->n);
	ini->n++;
}

/*
 * Line-number recovery.  iniparser gives each key's value but keeps no
 * line numbers, and a key given twice becomes one entry; our messages say
 * "FILE:LINE:" (for a bad value, an unknown key, a key set twice) and the
 * entries must come in file order.  So the text iniparser parsed is
 * walked once more, line by line, by iniparser's own rules for what a
 * line is: one ending in \ continues on the next; blank lines and lines
 * starting with # or ; are comments; "[name]" starts a section; "key =
 * ..." is a key.  Only the section and key names and their lines come
 * from this walk.  Every value is iniparser's (iniparser_getstring), so
 * quotes, inline comments and the rest mean what iniparser says they
 * mean.  A line iniparser rejected was reported through its callback and
 * is skipped here.
 */
static void
scan_lines(struct ini *ini, char *text, dictionary *dict, struct diag *d,
    int flags)
{
	char *section = xstrdup(""), *p, *next, *s, *eq, *key, *full;
	int line = 1, start;
	size_t len;

	for (p = text; p != NULL && *p != '\0'; p = next) {
		start = line;
		/* join continued lines */
		for (next = p;; ) {
			next = strchr(next, '\n');
			if (next == NULL)
				break;
			line++;
			s = next;
			while (s > p && s[-1] == '\r')
				s--;
			if (s > p && s[-1] == '\\') {
				next++;
				continue;
			}
			*next++ = '\0';
			break;
		}
		s = util_trim(p);
		len = strlen(s);
		if (len == 0 || *s == '#' || *s == ';')
			continue;
		if (*s == '[' && strchr(s, ']') != NULL) {
			free(section);
			section = lower_dup(s + 1, (size_t)(strchr(s, ']') -
			    s - 1));
			ini_add(ini, section, NULL, NULL, start, d, flags);
			continue;
		}
		if ((eq = strchr(s, '=')) == NULL)
			continue;	/* iniparser reported it */
		key = lower_dup(s, (size_t)(eq - s));
		full = xasprintf("%s:%s", section, key);
		ini_add(ini, section, key, iniparser.getstring(dict, full,
		    NULL), start, d, flags);
		free(full);
	}
	free(section);
}

/* --- loading and looking up -------------------------------------- */

/*
 * How many lines of text[0, len) may be keys or [sections] (not blank,
 * not a comment): at least as many as iniparser will store.
 */
static size_t
count_entries(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	size_t n = 0;

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		while (p < nl && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p < nl && *p != '#' && *p != ';' && (*p == '[' ||
		    memchr(p, '=', (size_t)(nl - p)) != NULL))
			n++;
	}
	return n;
}

struct ini *
ini_load_flags(const char *path, struct diag *d, int flags)
{
	struct ini *ini;
	dictionary *dict;
	char *text, *nul, *p;
	char *cause;
	const char *why;
	size_t len, n;
	int line = 1;

	if (dynlib_open(&iniparser_lib, &cause) != 0) {
		diag_error(d, "%s: %s", path, cause);
		free(cause);
		return NULL;
	}
	if (util_check_text_file(path, INI_MAX, &why) != 0) {
		diag_error(d, "%s: %s", path, why);
		return NULL;
	}
	if ((text = util_read_file(path, &len)) == NULL) {
		diag_error(d, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((n = count_entries(text, len)) > INI_MAX_ENTRIES) {
		diag_error(d, "%s: too many keys and sections (%zu; at most %d "
		    "in one file)", path, n, INI_MAX_ENTRIES);
		free(text);
		return NULL;
	}
	/* iniparser would take a NUL for the end of a too-long line. */
	if ((nul = memchr(text, '\0', len)) != NULL) {
		for (p = text; p < nul; p++)
			line += *p == '\n';
		diag_error(d, "%s:%d: a NUL byte (not a text file)", path, line);
		free(text);
		return NULL;
	}
	dict = parse_text(path, text, len, d);
	if (dict == NULL && salvage && nbad > 0) {
		blank_lines(text, len);		/* reported: read the rest */
		dict = parse_text(path, text, len, NULL);
	}
	if (dict == NULL) {
		free(text);
		return NULL;
	}
	ini = xcalloc(1, sizeof *ini);
	ini->path = xstrdup(path);
	strmap_init(&ini->index, sizeof(size_t));
	scan_lines(ini, text, dict, d, flags);
	ini_compact(ini);
	iniparser.freedict(dict);
	free(text);
	return ini;
}

struct ini *
ini_load(const char *path, struct diag *d)
{
	return ini_load_flags(path, d, 0);
}

void
ini_free(struct ini *ini)
{
	size_t i;

	if (ini == NULL)
		return;
	for (i = 0; i < ini->n; i++) {
		free((char *)ini->e[i].section);
		free((char *)ini->e[i].key);
		free((char *)ini->e[i].value);
	}
	free(ini->e);
	free(ini->path);
	strmap_free(&ini->index);
	free(ini);
}

const char *
ini_path(const struct ini *ini)
{
	return ini->path;
}

size_t
ini_count(const struct ini *ini)
{
	return ini->n;
}

const struct ini_entry *
ini_entry(const struct ini *ini, size_t i)
{
	return i < ini->n ? &ini->e[i] : NULL;
}

const struct ini_entry *
ini_find(const struct ini *ini, const char *section, const char *key)
{
	return lookup(ini, section, key);
}

const struct ini_entry *
ini_section(const struct ini *ini, const char *section)
{
	return lookup(ini, section, NULL);
}

const struct ini_entry *
ini_next_key(const struct ini *ini, const char *section,
    const struct ini_entry *prev)
{
	size_t i = prev == NULL ? 0 : (size_t)(prev - ini->e) + 1;

	for (; i < ini->n; i++)
		if (ini->e[i].key != NULL &&
		    strcmp(ini->e[i].section, section) == 0)
			return &ini->e[i];
	return NULL;
}
