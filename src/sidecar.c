/*
 * sidecar.c: annotations on disk, as JSON Lines.
 *
 * Line 1 is a header:
 *   {"type":"artread-annotations","version":1,
 *    "article":{"name":"story.txt","sha256":"...","size":1234}}
 * then one annotation per line, in article order, shaped like a W3C Web
 * Annotation:
 *   {"id":"...","type":"Annotation","created":"...","modified":"...",
 *    "body":[{"type":"TextualBody","purpose":"tagging","value":"claim"},
 *            {"type":"TextualBody","purpose":"commenting","value":"..."}],
 *    "target":{"selector":[
 *      {"type":"TextPositionSelector","unit":"byte","start":B,"end":E},
 *      {"type":"TextQuoteSelector","exact":"...","prefix":"...",
 *       "suffix":"..."}]},
 *    "orphaned":false}
 *
 * Unlike the W3C model (and artread's JSON export), start and end here
 * are BYTE offsets into the article as read; "unit":"byte" says so.
 *
 * Article text may be invalid UTF-8 or hold NUL bytes, which JSON
 * strings cannot carry.  Any text field (exact, prefix, suffix, a tag or
 * note "value") that is not valid NUL-free UTF-8 is written twice: the
 * field itself with U+FFFD for each bad byte (for people and other
 * tools), and FIELD_b64 with the exact bytes in base64, which wins when
 * reading.  So the file is always valid JSON and nothing is lost.
 *
 * Files we cannot parse, or from a newer version, are never written:
 * the sidecar becomes read-only.  Saving takes flock(2) on a separate
 * hidden .FILE.lock (so rename(2) of the file itself does not drop it),
 * re-reads and merges, writes .FILE.XXXXXX (mkstemp: O_EXCL, so no
 * planted symlink is followed), fsyncs, renames over, fsyncs the
 * directory.
 */
#include "artread/sidecar.h"
#include "artread/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "artread/sha256.h"
#include "artread/util.h"

#define SIDECAR_SUFFIX	".annotations.jsonl"
#define HEADER_TYPE	"artread-annotations"
#define LOCK_TRIES	300		/* x 10 ms */

/* What a parse of the file gives. */
struct parsed {
	struct annot	**v;
	size_t		  n;
	char		  sha256[SHA256_HEX_LEN];	/* "" if absent */
	int		  exists;
};

static int (*dir_writable_hook)(const char *);

/* ---- base64 --------------------------------------------------------- */

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *
b64_encode(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	struct buf b;
	uint32_t v;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i += 3) {
		v = (uint32_t)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		buf_addc(&b, b64chars[v >> 18 & 63]);
		buf_addc(&b, b64chars[v >> 12 & 63]);
		buf_addc(&b, i + 1 < n ? b64chars[v >> 6 & 63] : '=');
		buf_addc(&b, i + 2 < n ? b64chars[v & 63] : '=');
	}
	return buf_steal(&b);
}

/* Decode s; NULL if it is not base64. */
static char *
b64_decode(const char *s, size_t slen, size_t *outlen)
{
	struct buf b;
	const char *c;
	uint32_t v = 0;
	size_t i, bits = 0, pad = 0;

	if (slen % 4 != 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < slen; i++) {
		if (s[i] == '=' && i >= slen - 2) {
			pad++;
			continue;
		}
		if (pad > 0 || s[i] == '\0' ||
		    (c = strchr(b64chars, s[i])) == NULL) {
			buf_free(&b);
			return NULL;
		}
		v = v << 6 | (uint32_t)(c - b64chars);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addc(&b, (char)(v >> bits & 0xff));
		}
	}
	*outlen = b.len;
	return buf_steal(&b);
}

/* ---- text fields ---------------------------------------------------- */

/* Set obj.key to s[0, len), with obj.key_b64 if it is not clean UTF-8. */
static void
put_text(json_t *obj, const char *key, const char *s, size_t len)
{
	char *lossy, *b64, *k64;

	if (annot_utf8_valid(s, len)) {
		json_object_set_new(obj, key, json_stringn(s, len));
		return;
	}
	lossy = utf8_lossy(s, len, NULL);
	b64 = b64_encode(s, len);
	k64 = xasprintf("%s_b64", key);
	json_object_set_new(obj, key, json_string(lossy));
	json_object_set_new(obj, k64, json_string(b64));
	free(lossy);
	free(b64);
	free(k64);
}

/*
 * Get obj.key (or obj.key_b64, which wins) as allocated bytes.  Absent:
 * 1 (out set to "" if !required, else an error).  0 ok, -1 with cause.
 */
static int
get_text(json_t *obj, const char *key, int required, char **out,
    size_t *outlen, char **cause)
{
	json_t *v, *v64;
	char *k64;

	k64 = xasprintf("%s_b64", key);
	v = json_object_get(obj, key);
	v64 = json_object_get(obj, k64);
	free(k64);
	if (v64 != NULL) {
		if (!json_is_string(v64) || (*out = b64_decode(
		    json_string_value(v64), json_string_length(v64),
		    outlen)) == NULL) {
			*cause = xasprintf("\"%s_b64\" is not base64", key);
			return -1;
		}
		return 0;
	}
	if (v == NULL) {
		if (required) {
			*cause = xasprintf("missing \"%s\"", key);
			return -1;
		}
		*out = xstrdup("");
		*outlen = 0;
		return 1;
	}
	if (!json_is_string(v)) {
		*cause = xasprintf("\"%s\" is not a string", key);
		return -1;
	}
	*outlen = json_string_length(v);
	*out = xmalloc(*outlen + 1);
	memcpy(*out, json_string_value(v), *outlen);
	(*out)[*outlen] = '\0';
	return 0;
}

/* ---- annotation <-> JSON -------------------------------------------- */

static json_t *
textual_body(const char *purpose, const char *value)
{
	json_t *b = json_object();

	json_object_set_new(b, "type", json_string("TextualBody"));
	json_object_set_new(b, "purpose", json_string(purpose));
	put_text(b, "value", value, strlen(value));
	return b;
}

json_t *
sidecar_annot_to_json(const struct annot *a)
{
	json_t *o, *body, *target, *sels, *pos, *quote;
	size_t i;

	o = json_object();
	put_text(o, "id", a->id, strlen(a->id));
	json_object_set_new(o, "type", json_string("Annotation"));
	json_object_set_new(o, "created", json_string(a->created));
	json_object_set_new(o, "modified", json_string(a->modified));
	body = json_array();
	for (i = 0; i < a->ntags; i++)
		json_array_append_new(body, textual_body("tagging", a->tags[i]));
	if (*a->note != '\0')
		json_array_append_new(body, textual_body("commenting", a->note));
	json_object_set_new(o, "body", body);
	pos = json_object();
	json_object_set_new(pos, "type", json_string("TextPositionSelector"));
	json_object_set_new(pos, "unit", json_string("byte"));
	json_object_set_new(pos, "start", json_integer((json_int_t)a->start));
	json_object_set_new(pos, "end", json_integer((json_int_t)a->end));
	quote = json_object();
	json_object_set_new(quote, "type", json_string("TextQuoteSelector"));
	put_text(quote, "exact", a->exact, a->exact_len);
	put_text(quote, "prefix", a->prefix, a->prefix_len);
	put_text(quote, "suffix", a->suffix, a->suffix_len);
	sels = json_array();
	json_array_append_new(sels, pos);
	json_array_append_new(sels, quote);
	target = json_object();
	json_object_set_new(target, "selector", sels);
	json_object_set_new(o, "target", target);
	json_object_set_new(o, "orphaned", json_boolean(a->orphan));
	return o;
}

/* A C string from a text field: no NUL allowed. */
static int
get_cstring(json_t *obj, const char *key, char **out, char **cause)
{
	size_t len;

	if (get_text(obj, key, 1, out, &len, cause) != 0)
		return -1;
	if (strlen(*out) != len) {
		free(*out);
		*cause = xasprintf("\"%s\" holds a NUL byte", key);
		return -1;
	}
	return 0;
}

static int
get_time(json_t *o, const char *key, char *out, char **cause)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) == 0 ||
	    json_string_length(v) >= ANNOT_TIME_LEN) {
		*cause = xasprintf("\"%s\" is %s", key, v == NULL ? "missing" :
		    "not a time stamp");
		return -1;
	}
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

/* Tags and note from the body array. */
static int
parse_body(struct annot *a, json_t *body, char **cause)
{
	json_t *b;
	const char *purpose;
	char *value, *joined;
	size_t i;

	if (body == NULL)
		return 0;
	if (!json_is_array(body)) {
		*cause = xstrdup("\"body\" is not an array");
		return -1;
	}
	json_array_foreach(body, i, b) {
		if (!json_is_object(b) || (purpose = json_string_value(
		    json_object_get(b, "purpose"))) == NULL) {
			*cause = xasprintf("body %zu has no \"purpose\"", i);
			return -1;
		}
		if (strcmp(purpose, "tagging") != 0 &&
		    strcmp(purpose, "commenting") != 0)
			continue;
		if (get_cstring(b, "value", &value, cause) != 0)
			return -1;
		if (strcmp(purpose, "tagging") == 0) {
			a->tags = xreallocarray(a->tags, a->ntags + 1,
			    sizeof *a->tags);
			a->tags[a->ntags++] = value;
		} else if (*a->note == '\0') {
			free(a->note);
			a->note = value;
		} else {
			joined = xasprintf("%s\n%s", a->note, value);
			free(a->note);
			free(value);
			a->note = joined;
		}
	}
	return 0;
}

static int
get_offset(json_t *sel, const char *key, size_t *out, char **cause)
{
	json_t *v = json_object_get(sel, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		*cause = xasprintf("\"%s\" is %s", key, v == NULL ? "missing" :
		    "not an offset");
		return -1;
	}
	*out = (size_t)json_integer_value(v);
	return 0;
}

static int
parse_selectors(struct annot *a, json_t *target, char **cause)
{
	json_t *sels, *s;
	const char *type, *unit;
	size_t i;
	int have_pos = 0, have_quote = 0;

	sels = json_object_get(target, "selector");
	if (!json_is_object(target) || !json_is_array(sels)) {
		*cause = xstrdup("\"target\" has no \"selector\" array");
		return -1;
	}
	json_array_foreach(sels, i, s) {
		if ((type = json_string_value(json_object_get(s, "type"))) ==
		    NULL)
			continue;
		if (strcmp(type, "TextPositionSelector") == 0) {
			unit = json_string_value(json_object_get(s, "unit"));
			if (unit != NULL && strcmp(unit, "byte") != 0) {
				*cause = xasprintf("unit \"%s\" unsupported",
				    unit);
				return -1;
			}
			if (get_offset(s, "start", &a->start, cause) != 0 ||
			    get_offset(s, "end", &a->end, cause) != 0)
				return -1;
			have_pos = 1;
		} else if (strcmp(type, "TextQuoteSelector") == 0) {
			free(a->exact);
			free(a->prefix);
			free(a->suffix);
			a->exact = a->prefix = a->suffix = NULL;
			if (get_text(s, "exact", 1, &a->exact, &a->exact_len,
			    cause) < 0 || get_text(s, "prefix", 0, &a->prefix,
			    &a->prefix_len, cause) < 0 || get_text(s, "suffix",
			    0, &a->suffix, &a->suffix_len, cause) < 0)
				return -1;
			have_quote = 1;
		}
	}
	if (!have_pos || !have_quote) {
		*cause = xasprintf("no %s", have_pos ? "TextQuoteSelector" :
		    "TextPositionSelector");
		return -1;
	}
	if (a->start > a->end) {
		*cause = xstrdup("start is after end");
		return -1;
	}
	return 0;
}

/* Fill exact/prefix/suffix placeholders so annot_free is always safe. */
static void
fix_nulls(struct annot *a)
{
	if (a->exact == NULL) {
		a->exact = xstrdup("");
		a->exact_len = 0;
	}
	if (a->prefix == NULL) {
		a->prefix = xstrdup("");
		a->prefix_len = 0;
	}
	if (a->suffix == NULL) {
		a->suffix = xstrdup("");
		a->suffix_len = 0;
	}
}

struct annot *
sidecar_annot_from_json(json_t *o, char **cause)
{
	struct annot *a;
	json_t *orphan;
	const char *type;

	if (!json_is_object(o)) {
		*cause = xstrdup("not a JSON object");
		return NULL;
	}
	type = json_string_value(json_object_get(o, "type"));
	if (type == NULL || strcmp(type, "Annotation") != 0) {
		*cause = xstrdup("\"type\" is not \"Annotation\"");
		return NULL;
	}
	a = annot_new();
	orphan = json_object_get(o, "orphaned");
	if (get_cstring(o, "id", &a->id, cause) != 0)
		goto fail;
	if (*a->id == '\0') {
		*cause = xstrdup("\"id\" is empty");
		goto fail;
	}
	if (get_time(o, "created", a->created, cause) != 0 ||
	    get_time(o, "modified", a->modified, cause) != 0 ||
	    parse_body(a, json_object_get(o, "body"), cause) != 0 ||
	    parse_selectors(a, json_object_get(o, "target"), cause) != 0)
		goto fail;
	if (orphan != NULL && !json_is_boolean(orphan)) {
		*cause = xstrdup("\"orphaned\" is not true or false");
		goto fail;
	}
	a->orphan = json_is_true(orphan);
	return a;
fail:
	fix_nulls(a);
	if (a->id == NULL)
		a->id = xstrdup("");
	annot_free(a);
	return NULL;
}

/* ---- reading the file ----------------------------------------------- */

static void
parsed_free(struct parsed *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		annot_free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

static int
parse_header(json_t *h, struct parsed *p, char **why)
{
	const char *type, *sha;
	json_t *version;

	type = json_string_value(json_object_get(h, "type"));
	version = json_object_get(h, "version");
	if (type == NULL || strcmp(type, HEADER_TYPE) != 0) {
		*why = xstrdup("not an artread annotations file (bad header)");
		return -1;
	}
	if (!json_is_integer(version) || json_integer_value(version) < 1) {
		*why = xstrdup("bad \"version\" in header");
		return -1;
	}
	if (json_integer_value(version) > SIDECAR_VERSION) {
		*why = xasprintf("written by a newer artread (format version "
		    "%lld; this one reads %d)",
		    (long long)json_integer_value(version), SIDECAR_VERSION);
		return -1;
	}
	sha = json_string_value(json_object_get(json_object_get(h, "article"),
	    "sha256"));
	if (sha != NULL && strlen(sha) == 64)
		memcpy(p->sha256, sha, SHA256_HEX_LEN);
	return 0;
}

/* Parse one line (number lineno); 0, or -1 with *why. */
static int
parse_line(const char *line, size_t len, size_t lineno, struct parsed *p,
    char **why)
{
	json_error_t err;
	json_t *j;
	struct annot *a;
	size_t i;
	int rc = 0;

	if ((j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err)) == NULL) {
		*why = xasprintf("bad JSON: %s", err.text);
		return -1;
	}
	if (lineno == 1)
		rc = parse_header(j, p, why);
	else if ((a = sidecar_annot_from_json(j, why)) == NULL)
		rc = -1;
	else {
		for (i = 0; i < p->n; i++) {
			if (strcmp(p->v[i]->id, a->id) == 0)
				break;
		}
		if (i < p->n) {
			*why = xasprintf("duplicate id \"%s\"", a->id);
			annot_free(a);
			rc = -1;
		} else {
			p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
			p->v[p->n++] = a;
		}
	}
	json_decref(j);
	return rc;
}

/* Blank: only white space. */
static int
blank(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	return n == 0;
}

/*
 * Read and parse path.  Missing: 0 with p->exists 0.  0, or -1 with
 * *cause "PATH:LINE: why" (p is then empty).
 */
/*
 * Parse a sidecar file.  A missing file is an empty one.  On the first
 * bad line: -1 with *cause ("FILE:LINE: why").  With salvage, the good
 * annotations of a damaged file are kept in p (to be shown read-only),
 * unless the header itself is bad (maybe a newer format: nothing in it
 * can be trusted).
 */
static int
parse_file_salvage(const char *path, struct parsed *p, int salvage,
    char **cause)
{
	char *data, *why = NULL;
	const char *line, *nl;
	size_t len, lineno = 0, linelen;
	int rc = 0;

	memset(p, 0, sizeof *p);
	if ((data = util_read_file(path, &len)) == NULL) {
		if (errno == ENOENT)
			return 0;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	p->exists = 1;
	line = data;
	while (line < data + len) {
		nl = memchr(line, '\n', len - (size_t)(line - data));
		linelen = nl != NULL ? (size_t)(nl - line) :
		    len - (size_t)(line - data);
		lineno++;
		if (!(lineno > 1 && blank(line, linelen)) &&
		    parse_line(line, linelen, lineno, p, &why) != 0) {
			if (rc == 0)
				*cause = xasprintf("%s:%zu: %s", path, lineno, why);
			free(why);
			why = NULL;
			rc = -1;
			if (!salvage || lineno == 1) {
				parsed_free(p);
				break;
			}
		}
		line += linelen + 1;
	}
	free(data);
	return rc;
}

static int
parse_file(const char *path, struct parsed *p, char **cause)
{
	return parse_file_salvage(path, p, 0, cause);
}

/* ---- where the file lives ------------------------------------------- */

void
sidecar_set_dir_writable_hook(int (*fn)(const char *))
{
	dir_writable_hook = fn;
}

static int
dir_writable(const char *dir)
{
	if (dir_writable_hook != NULL)
		return dir_writable_hook(dir);
	return access(dir, W_OK | X_OK) == 0;
}

/* mkdir -p path, new directories mode 0700.  0, or -1 and errno. */
static int
mkdir_p(const char *path)
{
	char *copy = xstrdup(path), *p;
	int rc = 0, last;

	for (p = copy + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		last = *p == '\0';
		*p = '\0';
		if (mkdir(copy, 0700) == -1 && errno != EEXIST)
			rc = -1;
		if (last)
			break;
		*p = '/';
	}
	free(copy);
	return rc;
}

/* $XDG_DATA_HOME/artread/annotations, created. NULL + cause. */
static char *
data_dir(char **cause)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir;

	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/artread/annotations", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/share/artread/annotations", home);
	else {
		*cause = xstrdup("cannot find a place for annotations: "
		    "neither XDG_DATA_HOME nor HOME is set");
		return NULL;
	}
	if (mkdir_p(dir) == -1) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* The real path of an article; *seed gets the path beside it. */
static char *
resolve(const char *article_path, const char *bytes, size_t len,
    enum sidecar_where *where, char **seed, char **cause)
{
	char sha[SHA256_HEX_LEN], *real, *dcopy, *dir, *path;

	*seed = NULL;
	if (article_path != NULL) {
		if ((real = realpath(article_path, NULL)) == NULL) {
			*cause = xasprintf("%s: %s", article_path,
			    strerror(errno));
			return NULL;
		}
		dcopy = xstrdup(real);
		path = xasprintf("%s" SIDECAR_SUFFIX, real);
		free(real);
		if (dir_writable(dirname(dcopy))) {
			free(dcopy);
			*where = SIDECAR_BESIDE;
			return path;
		}
		free(dcopy);
		*seed = path;
		*where = SIDECAR_DATA_DIR;
	} else
		*where = SIDECAR_DATA_STDIN;
	if ((dir = data_dir(cause)) == NULL) {
		free(*seed);
		*seed = NULL;
		return NULL;
	}
	sha256_hex(bytes, len, sha);
	path = xasprintf("%s/%s" SIDECAR_SUFFIX, dir, sha);
	free(dir);
	return path;
}

char *
sidecar_path_for(const char *article_path, const char *bytes, size_t len,
    enum sidecar_where *where, char **cause)
{
	char *seed, *path;

	path = resolve(article_path, bytes, len, where, &seed, cause);
	free(seed);
	return path;
}

/* ---- open and close ------------------------------------------------- */

/*
 * Do the anchored annotations of set still lie where they say, on the
 * article bytes[0, len)?  A matching SHA-256 in the header is not
 * enough: the file may have been edited, and an offset past the end
 * must never reach those who read bytes[start, end).
 */
static int
anchors_hold(const struct annot_set *set, const char *bytes, size_t len)
{
	const struct annot *a;
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (a->orphan)
			continue;
		if (a->start > a->end || a->end > len ||
		    a->exact_len != a->end - a->start ||
		    memcmp(a->exact, bytes + a->start, a->exact_len) != 0)
			return 0;
	}
	return 1;
}

/* Move the parsed annotations into set (which takes them). */
static void
adopt(struct annot_set *set, struct parsed *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		annot_insert(set, p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

/*
 * The article's SHA-256, computed on first use: hashing a 100 MB article
 * takes most of a second, and a reader with no annotations never needs it.
 */
static const char *
article_sha(struct sidecar *sc)
{
	if (sc->sha256[0] == '\0')
		sha256_hex(sc->bytes, sc->len, sc->sha256);
	return sc->sha256;
}

static void
set_readonly(struct sidecar *sc, const char *why)
{
	sc->readonly = 1;
	free(sc->readonly_cause);
	sc->readonly_cause = xstrdup(why);
}

int
sidecar_open(struct sidecar *sc, const char *article_path, const char *bytes,
    size_t len, struct annot_set *set, char **cause)
{
	struct parsed p;
	char *base;

	memset(sc, 0, sizeof *sc);
	sc->bytes = bytes;
	sc->len = len;
	if (article_path != NULL) {
		base = strrchr(article_path, '/');
		sc->article_name = xstrdup(base != NULL ? base + 1 :
		    article_path);
	} else
		sc->article_name = xstrdup("stdin");
	sc->path = resolve(article_path, bytes, len, &sc->where,
	    &sc->seed_path, cause);
	if (sc->path == NULL) {
		set_readonly(sc, *cause);
		return -1;
	}
	sc->lock_path = xasprintf("%.*s.%s.lock", (int)(strrchr(sc->path, '/') +
	    1 - sc->path), sc->path, strrchr(sc->path, '/') + 1); /* hidden */
	if (parse_file_salvage(sc->path, &p, 1, cause) != 0 ||
	    (!p.exists && sc->seed_path != NULL &&
	    parse_file_salvage(sc->seed_path, &p, 1, cause) != 0)) {
		/* Damaged: show what could be read, never write the file. */
		set_readonly(sc, *cause);
		adopt(set, &p);
		annot_mark_synced(set);
		return -1;
	}
	adopt(set, &p);
	annot_mark_synced(set);
	if (annot_count(set) > 0 && (strcmp(p.sha256, article_sha(sc)) != 0 ||
	    !anchors_hold(set, sc->bytes, sc->len)))
		annot_reanchor(set, sc->bytes, sc->len, &sc->moved,
		    &sc->orphaned);
	return 0;
}

void
sidecar_close(struct sidecar *sc)
{
	free(sc->path);
	free(sc->lock_path);
	free(sc->seed_path);
	free(sc->article_name);
	free(sc->readonly_cause);
	memset(sc, 0, sizeof *sc);
}

int
sidecar_is_readonly(const struct sidecar *sc)
{
	return sc->readonly;
}

const char *
sidecar_readonly_cause(const struct sidecar *sc)
{
	return sc->readonly ? sc->readonly_cause : NULL;
}

char *
sidecar_location(const struct sidecar *sc)
{
	const char *home = getenv("HOME"), *p = sc->path, *why = "";
	size_t hl;

	if (p == NULL)
		return xstrdup("(nowhere)");
	if (sc->where == SIDECAR_DATA_DIR)
		why = " (article directory not writable)";
	else if (sc->where == SIDECAR_DATA_STDIN)
		why = " (article read from standard input)";
	hl = home != NULL ? strlen(home) : 0;
	if (hl > 1 && strncmp(p, home, hl) == 0 && p[hl] == '/')
		return xasprintf("~%s%s", p + hl, why);
	return xasprintf("%s%s", p, why);
}

/* ---- saving --------------------------------------------------------- */

/* flock with a bounded wait; the descriptor, or -1 with cause. */
static int
lock_take(const struct sidecar *sc, char **cause)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int fd, i;

	fd = open(sc->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0666);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", sc->lock_path, strerror(errno));
		return -1;
	}
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) == -1; i++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    i == LOCK_TRIES) {
			*cause = xasprintf("%s: %s", sc->lock_path,
			    errno == EWOULDBLOCK ? "locked by another process"
			    : strerror(errno));
			close(fd);
			return -1;
		}
		nanosleep(&ts, NULL);
	}
	return fd;
}

static int
on_disk(const struct parsed *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i] != NULL && strcmp(p->v[i]->id, id) == 0)
			return 1;
	}
	return 0;
}

/*
 * Merge the file's annotations into set: keep what this instance
 * deleted deleted; take others' new annotations and later edits; drop
 * what is no longer on disk and was not changed here since the last
 * sync (another instance deleted it).  Returns how many came in.
 */
static size_t
merge(struct annot_set *set, struct parsed *disk)
{
	const struct annot *m;
	struct annot *d;
	size_t i, in = 0;
	long j;

	for (j = (long)annot_count(set) - 1; disk->exists && j >= 0; j--) {
		m = annot_at(set, (size_t)j);
		if (!on_disk(disk, m->id) && m->synced[0] != '\0' &&
		    strcmp(m->synced, m->modified) == 0)
			annot_free(annot_take(set, m->id));
	}
	for (i = 0; i < disk->n; i++) {
		d = disk->v[i];
		disk->v[i] = NULL;
		m = annot_find(set, d->id);
		if (annot_is_deleted(set, d->id) || (m != NULL &&
		    strcmp(d->modified, m->modified) <= 0)) {
			annot_free(d);
			continue;
		}
		memcpy(d->synced, d->modified, ANNOT_TIME_LEN);
		annot_insert(set, d);
		in++;
	}
	return in;
}

static char *
header_line(struct sidecar *sc)
{
	json_t *h, *art;
	char *s;

	h = json_object();
	json_object_set_new(h, "type", json_string(HEADER_TYPE));
	json_object_set_new(h, "version", json_integer(SIDECAR_VERSION));
	art = json_object();
	put_text(art, "name", sc->article_name, strlen(sc->article_name));
	json_object_set_new(art, "sha256", json_string(article_sha(sc)));
	json_object_set_new(art, "size", json_integer((json_int_t)sc->len));
	json_object_set_new(h, "article", art);
	s = json_dumps(h, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(h);
	return s;
}

/* The whole file's contents. */
static void
serialise(struct sidecar *sc, const struct annot_set *set,
    struct buf *b)
{
	json_t *j;
	char *s;
	size_t i;

	s = header_line(sc);
	buf_adds(b, s);
	buf_addc(b, '\n');
	free(s);
	for (i = 0; i < annot_count(set); i++) {
		j = sidecar_annot_to_json(annot_at(set, i));
		s = json_dumps(j, JSON_PRESERVE_ORDER | JSON_COMPACT);
		json_decref(j);
		if (s == NULL)
			fatalx("cannot encode annotation as JSON");
		buf_adds(b, s);
		buf_addc(b, '\n');
		free(s);
	}
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The mode for the new file: the old one's, else 0666 & ~umask. */
static mode_t
new_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

/*
 * Give the new file the old one's owner and group, as far as we may: root
 * gives it back to its owner; anyone else at least keeps a group they
 * belong to.  Without this a save by another user (sudo, a colleague in
 * a shared directory) silently changes who can read a 0640 sidecar.
 */
static void
keep_owner(int fd, const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && fchown(fd, st.st_uid, st.st_gid) == -1 &&
	    fchown(fd, (uid_t)-1, st.st_gid) == -1) {
		/* best effort: the mode is still kept */
	}
}

/*
 * Remove temporary files a killed writer left behind.  Writers make them
 * only while holding the lock, so under the lock any that exist are stale.
 */
static void
remove_stale_temps(const char *path)
{
	char *dcopy = xstrdup(path), *bcopy = xstrdup(path), *prefix, *full;
	const char *dir = dirname(dcopy);
	struct dirent *de;
	size_t plen;
	DIR *dp;

	prefix = xasprintf(".%s.", basename(bcopy));
	plen = strlen(prefix);
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (strncmp(de->d_name, prefix, plen) != 0 ||
			    strlen(de->d_name) != plen + 6)
				continue;
			full = xasprintf("%s/%s", dir, de->d_name);
			unlink(full);
			free(full);
		}
		closedir(dp);
	}
	free(prefix);
	free(dcopy);
	free(bcopy);
}

/* Write data to path atomically.  0, or -1 with cause. */
static int
atomic_write(const char *path, const char *data, size_t len, char **cause)
{
	char *dcopy, *bcopy, *tmp, *dir;
	int fd, dfd, saved;

	dcopy = xstrdup(path);
	bcopy = xstrdup(path);
	dir = dirname(dcopy);
	tmp = xasprintf("%s/.%s.XXXXXX", dir, basename(bcopy));
	if ((fd = mkstemp(tmp)) == -1) {
		*cause = xasprintf("%s: cannot create a temporary file: %s",
		    dir, strerror(errno));
		goto fail;
	}
	keep_owner(fd, path);
	if (write_all(fd, data, len) == -1 || fsync(fd) == -1 ||
	    fchmod(fd, new_mode(path)) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		goto fail_unlink;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1)
		goto fail_unlink;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(dcopy);
	free(bcopy);
	return 0;
fail_unlink:
	*cause = xasprintf("%s: not saved: %s", path, strerror(errno));
	unlink(tmp);
fail:
	free(tmp);
	free(dcopy);
	free(bcopy);
	return -1;
}

int
sidecar_save(struct sidecar *sc, struct annot_set *set, char **cause)
{
	struct parsed disk;
	struct buf b;
	char *why = NULL;
	int lockfd, rc;

	if (sc->readonly) {
		*cause = xasprintf("not saved: %s (the file is left untouched)",
		    sc->readonly_cause != NULL ? sc->readonly_cause :
		    "read-only");
		return -1;
	}
	if ((lockfd = lock_take(sc, &why)) == -1) {
		*cause = xasprintf("not saved: %s", why);
		free(why);
		return -1;
	}
	remove_stale_temps(sc->path);
	if (parse_file(sc->path, &disk, &why) != 0) {
		set_readonly(sc, why);
		*cause = xasprintf("not saved: %s (the file is left untouched)",
		    why);
		free(why);
		close(lockfd);
		return -1;
	}
	if (merge(set, &disk) > 0 &&
	    (strcmp(disk.sha256, article_sha(sc)) != 0 ||
	    !anchors_hold(set, sc->bytes, sc->len)))
		annot_reanchor(set, sc->bytes, sc->len, NULL, NULL);
	parsed_free(&disk);
	buf_init(&b);
	serialise(sc, set, &b);
	rc = atomic_write(sc->path, b.data, b.len, cause);
	buf_free(&b);
	if (rc == 0) {
		annot_clear_deleted(set);
		annot_mark_synced(set);
	}
	close(lockfd);
	return rc;
}

/* ---- scripting ------------------------------------------------------ */

/* Would a cut at off split a valid UTF-8 sequence? */
static int
splits_utf8(const char *bytes, size_t len, size_t off)
{
	size_t k, n;

	for (k = 1; k <= 3 && k <= off; k++) {
		n = utf8_decode(bytes + off - k, len - (off - k), NULL);
		if (n > k)
			return 1;
	}
	return 0;
}

static int
annotate_range(const char *path, const char *bytes, size_t len, size_t start,
    size_t end, const char *tags, const char *note, char **id, char **cause)
{
	struct annot_set *set;
	struct sidecar sc;
	const char *nid;
	char **list = NULL;
	size_t n = 0, i;
	int rc = -1;

	set = annot_set_new();
	if (sidecar_open(&sc, path, bytes, len, set, cause) != 0)
		goto out;
	if (tags != NULL)
		n = util_split_list(tags, &list);
	nid = annot_add(set, bytes, len, start, end, n > 0 ? list[0] : NULL,
	    note);
	for (i = 1; i < n; i++)
		annot_add_tag(set, nid, list[i]);
	if (id != NULL)
		*id = xstrdup(nid);
	rc = sidecar_save(&sc, set, cause);
	if (rc != 0 && id != NULL) {
		free(*id);
		*id = NULL;
	}
out:
	util_free_list(list, n);
	sidecar_close(&sc);
	annot_set_free(set);
	return rc;
}

static char *
read_article(const char *path, size_t *len, char **cause)
{
	char *bytes;

	if ((bytes = util_read_file(path, len)) == NULL)
		*cause = xasprintf("%s: %s", path, strerror(errno));
	return bytes;
}

int
sidecar_annotate(const char *path, size_t start, size_t end,
    const char *tags, const char *note, char **id, char **cause)
{
	char *bytes;
	size_t len;
	int rc = -1;

	if ((bytes = read_article(path, &len, cause)) == NULL)
		return -1;
	if (start >= end || end > len)
		*cause = xasprintf("%s: range %zu:%zu is not within the file "
		    "(0:%zu, START < END)", path, start, end, len);
	else if (splits_utf8(bytes, len, start) || splits_utf8(bytes, len, end))
		*cause = xasprintf("%s: range %zu:%zu splits a UTF-8 "
		    "character", path, start, end);
	else
		rc = annotate_range(path, bytes, len, start, end, tags, note,
		    id, cause);
	free(bytes);
	return rc;
}

int
sidecar_annotate_text(const char *path, const char *exact, const char *tags,
    const char *note, char **id, char **cause)
{
	char *bytes;
	const char *p, *hit = NULL;
	size_t len, elen = strlen(exact), count = 0;
	int rc = -1;

	if ((bytes = read_article(path, &len, cause)) == NULL)
		return -1;
	for (p = bytes; elen > 0 && elen <= len &&
	    p <= bytes + len - elen; p++) {
		if ((p = memchr(p, exact[0], (size_t)(bytes + len - elen - p) +
		    1)) == NULL)
			break;
		if (memcmp(p, exact, elen) == 0) {
			if (count++ == 0)
				hit = p;
		}
	}
	if (elen == 0)
		*cause = xstrdup("the text to annotate is empty");
	else if (count == 0)
		*cause = xasprintf("%s: text not found: \"%s\"", path, exact);
	else if (count > 1)
		*cause = xasprintf("%s: text is ambiguous: found %zu times; "
		    "give a longer passage or use --annotate START:END",
		    path, count);
	else
		rc = annotate_range(path, bytes, len, (size_t)(hit - bytes),
		    (size_t)(hit - bytes) + elen, tags, note, id, cause);
	free(bytes);
	return rc;
}

/* Parse a decimal offset at *s up to ':'; advance s past it. */
static int
parse_offset(const char **s, size_t *out)
{
	unsigned long long v = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (ULLONG_MAX - 9) / 10 || v * 10 + (unsigned)(*p - '0') >
		    SIZE_MAX)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (*p != ':')
		return -1;
	*out = (size_t)v;
	*s = p + 1;
	return 0;
}

int
sidecar_parse_range_arg(const char *arg, size_t *start, size_t *end,
    char **tag, char **note, char **cause)
{
	const char *p = arg, *colon;

	*tag = *note = NULL;
	if (parse_offset(&p, start) != 0 || parse_offset(&p, end) != 0 ||
	    *p == '\0' || *p == ':') {
		*cause = xasprintf("bad annotation \"%s\": expected "
		    "START:END:TAG[:NOTE]", arg);
		return -1;
	}
	if ((colon = strchr(p, ':')) != NULL) {
		*tag = xstrndup(p, (size_t)(colon - p));
		*note = xstrdup(colon + 1);
	} else
		*tag = xstrdup(p);
	return 0;
}
