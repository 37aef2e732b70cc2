/*
 * store.c: the version store (see store.h).
 *
 * Every operation that changes the index takes the lock (flock on the
 * file "lock": the index itself is replaced by rename, so it cannot carry
 * the lock), reads the index, changes it in memory, writes it back
 * atomically and lets go: two artread processes never lose each other's
 * changes, and a crash leaves the old index or the new one.  Text files
 * are written before the index names them and removed after it stops
 * naming them, so a crash can leave a file no index names (store_prune
 * removes it) but never an index naming a missing file.  Reading a text
 * needs no lock: text files never change once written.
 *
 * The index, one JSON object a line:
 *	{"type":"artread-versions","version":1,"seq":N}
 *	{"key":K,"sha256":S,"size":N,"stored":N,"used":T,"seq":N}
 *	{"pin":K,"sha256":S}
 * seq orders the puts (least recently used first, exactly, whatever the
 * clock); used is the time of the last put, for people.  A key or holder
 * that is not UTF-8 (a path can be anything) is written as key_hex or
 * pin_hex.  An index that cannot be read is never overwritten.
 */
#include "artread/store.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <zstd.h>

#include "artread/dynlib.h"
#include "artread/paths.h"
#include "artread/utf8.h"
#include "artread/util.h"

#define INDEX_NAME	"index"
#define LOCK_NAME	"lock"
#define INDEX_TYPE	"artread-versions"
#define INDEX_VERSION	1
#define TEXT_SUFFIX	".zst"
#define TMP_PREFIX	".tmp-"
#define ZSTD_LEVEL	3	/* zstd's default: ~3.5x on news text, fast */
#ifndef AR_ZSTD_SONAME
#error "AR_ZSTD_SONAME (libzstd's soname) comes from the Makefile"
#endif

struct store {
	char	*dir;
	size_t	 cap;
	int	 lockfd;
};

/* One (article, text) pair. */
struct entry {
	char			*key;
	char			 sha[SHA256_HEX_LEN];
	size_t			 size;
	size_t			 stored;
	long long		 used;
	unsigned long long	 seq;
};

/* A text the annotations of holder refer to. */
struct pin {
	char	*holder;
	char	 sha[SHA256_HEX_LEN];
};

struct index {
	struct entry		*e;
	size_t			 ne;
	struct pin		*p;
	size_t			 np;
	unsigned long long	 seq;
};

/* A growing list of shas (dropped texts). */
struct shas {
	char	**v;
	size_t	  n;
};

static void
shas_add(struct shas *l, const char *sha)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrdup(sha);
}

void
store_shas_free(char **shas, size_t n)
{
	util_free_list(shas, n);
}

/* Hand a list to the caller, or free it if the caller does not want it. */
static void
shas_give(struct shas *l, char ***out, size_t *n)
{
	if (out != NULL && n != NULL) {
		*out = l->v;
		*n = l->n;
	} else
		store_shas_free(l->v, l->n);
	l->v = NULL;
	l->n = 0;
}

static int
valid_sha(const char *s)
{
	size_t i;

	for (i = 0; i < SHA256_HEX_LEN - 1; i++)
		if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
			return 0;
	return s[i] == '\0';
}

static enum store_status
fail(char **cause, enum store_status st, const char *fmt, ...)
    AR_PRINTF(3, 4);

static enum store_status
fail(char **cause, enum store_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return st;
}

static char *
text_path(const struct store *st, const char *sha)
{
	return xasprintf("%s/%s%s", st->dir, sha, TEXT_SUFFIX);
}

/* ---- files ----------------------------------------------------------- */

static int
mkdir_p(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; rc == 0 && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/*
 * Replace dir/name with bytes[0, n): a temporary file in dir, fsync,
 * rename, fsync of dir.
 * TODO: use the atomic-write helper (wt-sidecar) once it is merged.
 */
static enum store_status
write_atomic(const char *dir, const char *name, const char *bytes, size_t n,
    char **cause)
{
	char *tmp = xasprintf("%s/%s%s.XXXXXX", dir, TMP_PREFIX, name);
	char *path = xasprintf("%s/%s", dir, name);
	size_t done = 0;
	ssize_t w = 0;
	int fd, dfd, saved;

	if ((fd = mkstemp(tmp)) < 0)
		goto fail;
	while (done < n && ((w = write(fd, bytes + done, n - done)) > 0 ||
	    (w < 0 && errno == EINTR)))
		done += w > 0 ? (size_t)w : 0;
	if (done < n || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(path);
	return STORE_OK;
fail:
	fail(cause, STORE_FAILED, "%s: %s", path, strerror(errno));
	free(tmp);
	free(path);
	return STORE_FAILED;
}

static enum store_status
lock(struct store *st, int how, char **cause)
{
	while (flock(st->lockfd, how) != 0)
		if (errno != EINTR)
			return fail(cause, STORE_FAILED, "%s/%s: %s", st->dir,
			    LOCK_NAME, strerror(errno));
	return STORE_OK;
}

static void
unlock(struct store *st)
{
	(void)flock(st->lockfd, LOCK_UN);
}

/* ---- the index --------------------------------------------------------- */

static void
index_free(struct index *ix)
{
	size_t i;

	for (i = 0; i < ix->ne; i++)
		free(ix->e[i].key);
	for (i = 0; i < ix->np; i++)
		free(ix->p[i].holder);
	free(ix->e);
	free(ix->p);
	memset(ix, 0, sizeof *ix);
}

static char *
hex_encode(const char *s)
{
	static const char digits[] = "0123456789abcdef";
	size_t n = strlen(s), i;
	char *out = xmalloc(2 * n + 1);

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[(unsigned char)s[i] >> 4];
		out[2 * i + 1] = digits[(unsigned char)s[i] & 15];
	}
	out[2 * n] = '\0';
	return out;
}

static char *
hex_decode(const char *s)
{
	size_t n = strlen(s), i;
	char *out, pair[3] = { 0 };

	if (n % 2 != 0)
		return NULL;
	out = xmalloc(n / 2 + 1);
	for (i = 0; i < n / 2; i++) {
		pair[0] = s[2 * i];
		pair[1] = s[2 * i + 1];
		if (!isxdigit((unsigned char)pair[0]) ||
		    !isxdigit((unsigned char)pair[1]) ||
		    (out[i] = (char)strtol(pair, NULL, 16)) == '\0') {
			free(out);
			return NULL;
		}
	}
	out[n / 2] = '\0';
	return out;
}

/* A name (key or holder) as its field, or as FIELD_hex if not UTF-8. */
static void
set_name(json_t *o, const char *field, const char *name)
{
	char *hex, *f;

	if (utf8_valid(name, strlen(name))) {
		json_object_set_new(o, field, json_string(name));
		return;
	}
	hex = hex_encode(name);
	f = xasprintf("%s_hex", field);
	json_object_set_new(o, f, json_string(hex));
	free(f);
	free(hex);
}

static char *
get_name(json_t *o, const char *field)
{
	char *f = xasprintf("%s_hex", field);
	const char *s = json_string_value(json_object_get(o, field));
	const char *hex = json_string_value(json_object_get(o, f));

	free(f);
	if (s != NULL)
		return xstrdup(s);
	return hex != NULL ? hex_decode(hex) : NULL;
}

static int
get_sha(json_t *o, char sha[SHA256_HEX_LEN])
{
	const char *s = json_string_value(json_object_get(o, "sha256"));

	if (s == NULL || !valid_sha(s))
		return -1;
	memcpy(sha, s, SHA256_HEX_LEN);
	return 0;
}

static int
get_count(json_t *o, const char *field, unsigned long long *v)
{
	json_t *j = json_object_get(o, field);

	if (!json_is_integer(j) || json_integer_value(j) < 0)
		return -1;
	*v = (unsigned long long)json_integer_value(j);
	return 0;
}

static int
parse_entry(json_t *o, struct index *ix)
{
	struct entry e;
	unsigned long long size, stored, used, seq;

	memset(&e, 0, sizeof e);
	if (get_sha(o, e.sha) != 0 || get_count(o, "size", &size) != 0 ||
	    get_count(o, "stored", &stored) != 0 ||
	    get_count(o, "used", &used) != 0 ||
	    get_count(o, "seq", &seq) != 0 ||
	    (e.key = get_name(o, "key")) == NULL)
		return -1;
	e.size = (size_t)size;
	e.stored = (size_t)stored;
	e.used = (long long)used;
	e.seq = seq;
	ix->e = xreallocarray(ix->e, ix->ne + 1, sizeof *ix->e);
	ix->e[ix->ne++] = e;
	return 0;
}

static int
parse_pin(json_t *o, struct index *ix)
{
	struct pin p;

	if (get_sha(o, p.sha) != 0 || (p.holder = get_name(o, "pin")) == NULL)
		return -1;
	ix->p = xreallocarray(ix->p, ix->np + 1, sizeof *ix->p);
	ix->p[ix->np++] = p;
	return 0;
}

/* The first line: type, version, seq. */
static int
parse_header(json_t *o, struct index *ix, const char **why)
{
	const char *type = json_string_value(json_object_get(o, "type"));
	json_t *v = json_object_get(o, "version");

	if (type == NULL || strcmp(type, INDEX_TYPE) != 0 ||
	    !json_is_integer(v) || get_count(o, "seq", &ix->seq) != 0) {
		*why = "not a version index";
		return -1;
	}
	if (json_integer_value(v) != INDEX_VERSION) {
		*why = "written by another version of artread";
		return -1;
	}
	return 0;
}

static int
parse_line(const char *line, size_t len, size_t lineno, struct index *ix,
    const char **why)
{
	json_t *o = json_loadb(line, len, 0, NULL);
	int rc;

	*why = "damaged line";
	if (!json_is_object(o))
		rc = -1;
	else if (lineno == 1)
		rc = parse_header(o, ix, why);
	else if (json_object_get(o, "key") != NULL ||
	    json_object_get(o, "key_hex") != NULL)
		rc = parse_entry(o, ix);
	else if (json_object_get(o, "pin") != NULL ||
	    json_object_get(o, "pin_hex") != NULL)
		rc = parse_pin(o, ix);
	else
		rc = -1;
	json_decref(o);
	return rc;
}

/* Read the index (none yet: an empty one). */
static enum store_status
index_load(struct store *st, struct index *ix, char **cause)
{
	char *path = xasprintf("%s/%s", st->dir, INDEX_NAME), *text, *line, *nl;
	const char *why = NULL;
	enum store_status rc = STORE_OK;
	size_t len, lineno = 0;

	memset(ix, 0, sizeof *ix);
	if ((text = util_read_file(path, &len)) == NULL) {
		if (errno != ENOENT)
			rc = fail(cause, STORE_FAILED, "%s: %s", path,
			    strerror(errno));
		free(path);
		return rc;
	}
	for (line = text; rc == STORE_OK && line < text + len; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(text + len - line))) == NULL)
			nl = text + len;
		if (parse_line(line, (size_t)(nl - line), ++lineno, ix, &why) != 0)
			rc = fail(cause, STORE_CORRUPT, "%s: line %zu: %s", path,
			    lineno, why);
	}
	if (rc == STORE_OK && lineno == 0)
		rc = fail(cause, STORE_CORRUPT, "%s: empty", path);
	if (rc != STORE_OK)
		index_free(ix);
	free(text);
	free(path);
	return rc;
}

static void
dump_line(struct buf *b, json_t *o)
{
	char *s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);

	if (s == NULL)
		fatalx("cannot encode the version index");
	buf_adds(b, s);
	buf_addc(b, '\n');
	free(s);
	json_decref(o);
}

static enum store_status
index_save(struct store *st, const struct index *ix, char **cause)
{
	struct buf b;
	enum store_status rc;
	json_t *o;
	size_t i;

	buf_init(&b);
	o = json_object();
	json_object_set_new(o, "type", json_string(INDEX_TYPE));
	json_object_set_new(o, "version", json_integer(INDEX_VERSION));
	json_object_set_new(o, "seq", json_integer((json_int_t)ix->seq));
	dump_line(&b, o);
	for (i = 0; i < ix->ne; i++) {
		const struct entry *e = &ix->e[i];

		o = json_object();
		set_name(o, "key", e->key);
		json_object_set_new(o, "sha256", json_string(e->sha));
		json_object_set_new(o, "size", json_integer((json_int_t)e->size));
		json_object_set_new(o, "stored",
		    json_integer((json_int_t)e->stored));
		json_object_set_new(o, "used", json_integer(e->used));
		json_object_set_new(o, "seq", json_integer((json_int_t)e->seq));
		dump_line(&b, o);
	}
	for (i = 0; i < ix->np; i++) {
		o = json_object();
		set_name(o, "pin", ix->p[i].holder);
		json_object_set_new(o, "sha256", json_string(ix->p[i].sha));
		dump_line(&b, o);
	}
	rc = write_atomic(st->dir, INDEX_NAME, b.data, b.len, cause);
	buf_free(&b);
	return rc;
}

/*
 * What the index says about each entry, worked out once by sorting (the
 * index may hold thousands of entries): whether it is the last version
 * read of its article, whether its text is pinned, and which text it is
 * (texts numbered in sha order, with the number of entries naming each).
 */
struct facts {
	int	*last;		/* per entry */
	int	*pinned;	/* per entry */
	size_t	*text;		/* per entry: its text's number */
	size_t	*refs;		/* per text: entries naming it */
	size_t	*stored;	/* per text: bytes on disk */
	size_t	 ntexts;
};

static int
by_key_then_newest(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->seq < y->seq) - (x->seq > y->seq);
}

static int
by_sha(const void *a, const void *b)
{
	return strcmp((*(const struct entry *const *)a)->sha,
	    (*(const struct entry *const *)b)->sha);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
facts_get(const struct index *ix, struct facts *f)
{
	const struct entry **by = xreallocarray(NULL, ix->ne + 1, sizeof *by);
	const char **pins = xreallocarray(NULL, ix->np + 1, sizeof *pins);
	size_t i;

	f->last = xcalloc(ix->ne + 1, sizeof *f->last);
	f->pinned = xcalloc(ix->ne + 1, sizeof *f->pinned);
	f->text = xcalloc(ix->ne + 1, sizeof *f->text);
	f->refs = xcalloc(ix->ne + 1, sizeof *f->refs);
	f->stored = xcalloc(ix->ne + 1, sizeof *f->stored);
	f->ntexts = 0;
	for (i = 0; i < ix->np; i++)
		pins[i] = ix->p[i].sha;
	qsort(pins, ix->np, sizeof *pins, cmp_str);
	for (i = 0; i < ix->ne; i++)
		by[i] = &ix->e[i];
	qsort(by, ix->ne, sizeof *by, by_key_then_newest);
	for (i = 0; i < ix->ne; i++)
		f->last[by[i] - ix->e] = i == 0 ||
		    strcmp(by[i - 1]->key, by[i]->key) != 0;
	qsort(by, ix->ne, sizeof *by, by_sha);
	for (i = 0; i < ix->ne; i++) {
		size_t k = (size_t)(by[i] - ix->e);
		const char *sha = by[i]->sha;

		if (i == 0 || strcmp(by[i - 1]->sha, sha) != 0)
			f->stored[f->ntexts++] = by[i]->stored;
		f->text[k] = f->ntexts - 1;
		f->refs[f->ntexts - 1]++;
		f->pinned[k] = bsearch(&sha, pins, ix->np, sizeof *pins,
		    cmp_str) != NULL;
	}
	free(by);
	free(pins);
}

static void
facts_free(struct facts *f)
{
	free(f->last);
	free(f->pinned);
	free(f->text);
	free(f->refs);
	free(f->stored);
}

/* Bytes on disk of the texts the index names (each text once). */
static size_t
facts_bytes(const struct facts *f)
{
	size_t total = 0, t;

	for (t = 0; t < f->ntexts; t++)
		total += f->refs[t] > 0 ? f->stored[t] : 0;
	return total;
}

static int
pinned(const struct index *ix, const char *sha)
{
	size_t i;

	for (i = 0; i < ix->np; i++)
		if (strcmp(ix->p[i].sha, sha) == 0)
			return 1;
	return 0;
}

/* Does anything in the index still name sha? */
static int
named(const struct index *ix, const char *sha)
{
	size_t i;

	for (i = 0; i < ix->ne; i++)
		if (strcmp(ix->e[i].sha, sha) == 0)
			return 1;
	return pinned(ix, sha);
}

static void
entry_remove(struct index *ix, size_t i)
{
	free(ix->e[i].key);
	ix->e[i] = ix->e[--ix->ne];
}

/* ---- texts ------------------------------------------------------------- */

/* libzstd, opened when a text is first written or read (dynlib.h). */
static struct {
	__typeof__(ZSTD_compressBound)		*compressBound;
	__typeof__(ZSTD_createCCtx)		*createCCtx;
	__typeof__(ZSTD_CCtx_setParameter)	*CCtx_setParameter;
	__typeof__(ZSTD_compress2)		*compress2;
	__typeof__(ZSTD_freeCCtx)		*freeCCtx;
	__typeof__(ZSTD_isError)		*isError;
	__typeof__(ZSTD_getErrorName)		*getErrorName;
	__typeof__(ZSTD_getFrameContentSize)	*getFrameContentSize;
	__typeof__(ZSTD_findFrameCompressedSize) *findFrameCompressedSize;
	__typeof__(ZSTD_decompress)		*decompress;
} zstd;

#define ZSTD_FN(f)	{ "ZSTD_" #f, &zstd.f }
static const struct dynlib_fn zstd_fns[] = {
	ZSTD_FN(compressBound), ZSTD_FN(createCCtx), ZSTD_FN(CCtx_setParameter),
	ZSTD_FN(compress2), ZSTD_FN(freeCCtx), ZSTD_FN(isError),
	ZSTD_FN(getErrorName), ZSTD_FN(getFrameContentSize),
	ZSTD_FN(findFrameCompressedSize), ZSTD_FN(decompress),
};
#undef ZSTD_FN

static struct dynlib zstd_lib = {
	AR_ZSTD_SONAME, zstd_fns, sizeof zstd_fns / sizeof zstd_fns[0], 0, NULL
};

/* Write the text named sha unless it is there; *stored: its size. */
static enum store_status
text_write(struct store *st, const char *sha, const char *bytes, size_t len,
    size_t *stored, char **cause)
{
	char *path = text_path(st, sha), *name, *z;
	enum store_status rc;
	struct stat sb;
	ZSTD_CCtx *cc;
	size_t zlen;

	if (stat(path, &sb) == 0) {
		*stored = (size_t)sb.st_size;
		free(path);
		return STORE_OK;
	}
	free(path);
	if (dynlib_open(&zstd_lib, cause) != 0)
		return STORE_FAILED;
	z = xmalloc(zstd.compressBound(len));
	if ((cc = zstd.createCCtx()) == NULL)
		fatalx("out of memory (zstd)");
	zstd.CCtx_setParameter(cc, ZSTD_c_compressionLevel, ZSTD_LEVEL);
	zstd.CCtx_setParameter(cc, ZSTD_c_checksumFlag, 1);
	zlen = zstd.compress2(cc, z, zstd.compressBound(len), bytes, len);
	zstd.freeCCtx(cc);
	if (zstd.isError(zlen)) {
		free(z);
		return fail(cause, STORE_FAILED, "zstd: %s",
		    zstd.getErrorName(zlen));
	}
	name = xasprintf("%s%s", sha, TEXT_SUFFIX);
	rc = write_atomic(st->dir, name, z, zlen, cause);
	*stored = zlen;
	free(name);
	free(z);
	return rc;
}

/* Decompress one whole zstd frame with a checksum, of a size we allow
 * (libzstd is open). */
static const char *
text_decode(const char *z, size_t zlen, char **bytes, size_t *len)
{
	static const unsigned char magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };
	unsigned long long n;
	size_t got;

	/* RFC 8878: the magic number, then the frame header descriptor,
	 * whose bit 2 says there is a content checksum. */
	if (zlen < 5 || memcmp(z, magic, 4) != 0 || !(z[4] & 0x04))
		return "not a zstd frame with a checksum";
	n = zstd.getFrameContentSize(z, zlen);
	if (n == ZSTD_CONTENTSIZE_UNKNOWN || n == ZSTD_CONTENTSIZE_ERROR ||
	    n > STORE_MAX_TEXT)
		return "no size, or too large";
	if (zstd.findFrameCompressedSize(z, zlen) != zlen)
		return "truncated, or more than one frame";
	*bytes = xmalloc((size_t)n + 1);
	got = zstd.decompress(*bytes, (size_t)n, z, zlen);
	if (zstd.isError(got) || got != n) {
		free(*bytes);
		*bytes = NULL;
		return zstd.isError(got) ? zstd.getErrorName(got) : "short";
	}
	(*bytes)[n] = '\0';
	*len = (size_t)n;
	return NULL;
}

enum store_status
store_get(struct store *st, const char *sha, char **bytes, size_t *len,
    char **cause)
{
	char *path, *z, hex[SHA256_HEX_LEN];
	const char *why;
	size_t zlen;

	*bytes = NULL;
	*len = 0;
	if (!valid_sha(sha))
		return fail(cause, STORE_NOT_FOUND, "not a SHA-256: %s", sha);
	if (dynlib_open(&zstd_lib, cause) != 0)
		return STORE_FAILED;
	path = text_path(st, sha);
	if ((z = util_read_file(path, &zlen)) == NULL) {
		enum store_status rc = errno == ENOENT ?
		    fail(cause, STORE_NOT_FOUND, "%s: not kept", sha) :
		    fail(cause, STORE_FAILED, "%s: %s", path, strerror(errno));

		free(path);
		return rc;
	}
	if ((why = text_decode(z, zlen, bytes, len)) == NULL) {
		sha256_hex(*bytes, *len, hex);
		if (strcmp(hex, sha) != 0) {
			why = "its text does not match its SHA-256";
			free(*bytes);
			*bytes = NULL;
			*len = 0;
		}
	}
	free(z);
	if (why != NULL) {
		fail(cause, STORE_CORRUPT, "%s: damaged (%s)", path, why);
		free(path);
		return STORE_CORRUPT;
	}
	free(path);
	return STORE_OK;
}

/* ---- opening ------------------------------------------------------------- */

struct store *
store_open(const char *dir, size_t cap, char **cause)
{
	struct store *st;
	char *d, *lockpath;
	int fd;

	if (dir != NULL)
		d = xstrdup(dir);
	else {
		char *data = paths_data_dir();

		if (data == NULL) {
			*cause = xstrdup("no data directory (set HOME or XDG_DATA_HOME)");
			return NULL;
		}
		d = xasprintf("%s/versions", data);
		free(data);
	}
	lockpath = xasprintf("%s/%s", d, LOCK_NAME);
	if (mkdir_p(d) != 0 ||
	    (fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		*cause = xasprintf("%s: %s", mkdir_p(d) != 0 ? d : lockpath,
		    strerror(errno));
		free(lockpath);
		free(d);
		return NULL;
	}
	free(lockpath);
	st = xcalloc(1, sizeof *st);
	st->dir = d;
	st->cap = cap != 0 ? cap : STORE_DEFAULT_CAP;
	st->lockfd = fd;
	return st;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	close(st->lockfd);
	free(st->dir);
	free(st);
}

const char *
store_dir(const struct store *st)
{
	return st->dir;
}

/* ---- changing the index ----------------------------------------------------- */

/* Pruning order: older versions before last read ones, then by use. */
struct candidate {
	size_t			i;
	int			last;
	unsigned long long	seq;
};

static int
by_prune_order(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->last != y->last)
		return x->last - y->last;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/*
 * Remove unpinned versions until the texts fit the cap: versions that are
 * not the last read of their article first, then the last read ones,
 * least recently used first; never keep_sha.  Texts no longer named are
 * added to dropped.  (Removing a version never makes another one the
 * last read of its article before the older ones are all gone.)
 */
static void
prune_index(struct index *ix, size_t cap, const char *keep_sha,
    struct shas *dropped)
{
	struct candidate *c = xreallocarray(NULL, ix->ne + 1, sizeof *c);
	int *gone = xcalloc(ix->ne + 1, sizeof *gone);
	struct facts f;
	size_t total, nc = 0, i, t;

	facts_get(ix, &f);
	total = facts_bytes(&f);
	for (i = 0; i < ix->ne; i++)
		if (!f.pinned[i] && (keep_sha == NULL ||
		    strcmp(ix->e[i].sha, keep_sha) != 0)) {
			c[nc].i = i;
			c[nc].last = f.last[i];
			c[nc++].seq = ix->e[i].seq;
		}
	qsort(c, nc, sizeof *c, by_prune_order);
	for (i = 0; i < nc && total > cap; i++) {
		gone[c[i].i] = 1;
		t = f.text[c[i].i];
		if (--f.refs[t] == 0) {
			total -= f.stored[t];
			shas_add(dropped, ix->e[c[i].i].sha);
		}
	}
	for (i = ix->ne; i-- > 0; )
		if (gone[i])
			entry_remove(ix, i);
	facts_free(&f);
	free(gone);
	free(c);
}

/* Remove the text files of dropped (after the index stopped naming them). */
static void
remove_texts(struct store *st, const struct shas *dropped)
{
	size_t i;

	for (i = 0; i < dropped->n; i++) {
		char *path = text_path(st, dropped->v[i]);

		(void)unlink(path);
		free(path);
	}
}

/* Save the changed index, then remove what it no longer names. */
static enum store_status
commit(struct store *st, struct index *ix, const struct shas *dropped,
    char **cause)
{
	enum store_status rc = index_save(st, ix, cause);

	if (rc == STORE_OK && dropped != NULL)
		remove_texts(st, dropped);
	return rc;
}

enum store_status
store_put(struct store *st, const char *key, const char *bytes, size_t len,
    char sha[SHA256_HEX_LEN], char **cause)
{
	struct shas dropped = { NULL, 0 };
	struct index ix;
	struct entry *e = NULL;
	enum store_status rc;
	size_t stored = 0, i;

	sha256_hex(bytes, len, sha);
	if (len > STORE_MAX_TEXT)
		return fail(cause, STORE_TOO_LARGE,
		    "%s: over %u MiB: not kept", key, STORE_MAX_TEXT >> 20);
	if ((rc = lock(st, LOCK_EX, cause)) != STORE_OK)
		return rc;
	if ((rc = index_load(st, &ix, cause)) == STORE_OK &&
	    (rc = text_write(st, sha, bytes, len, &stored, cause)) == STORE_OK) {
		for (i = 0; i < ix.ne && e == NULL; i++)
			if (strcmp(ix.e[i].key, key) == 0 &&
			    strcmp(ix.e[i].sha, sha) == 0)
				e = &ix.e[i];
		if (e == NULL) {
			ix.e = xreallocarray(ix.e, ix.ne + 1, sizeof *ix.e);
			e = &ix.e[ix.ne++];
			e->key = xstrdup(key);
			memcpy(e->sha, sha, SHA256_HEX_LEN);
		}
		e->size = len;
		e->stored = stored;
		e->used = (long long)time(NULL);
		e->seq = ++ix.seq;
		prune_index(&ix, st->cap, sha, &dropped);
		rc = commit(st, &ix, &dropped, cause);
	}
	index_free(&ix);
	unlock(st);
	store_shas_free(dropped.v, dropped.n);
	return rc;
}

enum store_status
store_set_pins(struct store *st, const char *holder, const char *const *shas,
    size_t n, char **cause)
{
	struct index ix;
	enum store_status rc;
	size_t i, j;

	for (i = 0; i < n; i++)
		if (!valid_sha(shas[i]))
			return fail(cause, STORE_NOT_FOUND, "not a SHA-256: %s",
			    shas[i]);
	if ((rc = lock(st, LOCK_EX, cause)) != STORE_OK)
		return rc;
	if ((rc = index_load(st, &ix, cause)) == STORE_OK) {
		for (i = ix.np; i-- > 0; )
			if (strcmp(ix.p[i].holder, holder) == 0) {
				free(ix.p[i].holder);
				ix.p[i] = ix.p[--ix.np];
			}
		for (i = 0; i < n; i++) {
			for (j = 0; j < i && strcmp(shas[j], shas[i]) != 0; j++)
				;
			if (j < i)
				continue;	/* given twice */
			ix.p = xreallocarray(ix.p, ix.np + 1, sizeof *ix.p);
			ix.p[ix.np].holder = xstrdup(holder);
			memcpy(ix.p[ix.np++].sha, shas[i], SHA256_HEX_LEN);
		}
		rc = commit(st, &ix, NULL, cause);
	}
	index_free(&ix);
	unlock(st);
	return rc;
}

enum store_status
store_forget(struct store *st, const char *key, char ***dropped,
    size_t *ndropped, char **cause)
{
	struct shas gone = { NULL, 0 }, out = { NULL, 0 };
	struct index ix;
	enum store_status rc;
	size_t i, j;

	if ((rc = lock(st, LOCK_EX, cause)) != STORE_OK)
		return rc;
	if ((rc = index_load(st, &ix, cause)) == STORE_OK) {
		for (i = ix.ne; i-- > 0; )
			if (strcmp(ix.e[i].key, key) == 0) {
				shas_add(&gone, ix.e[i].sha);
				entry_remove(&ix, i);
			}
		for (i = ix.np; i-- > 0; )
			if (strcmp(ix.p[i].holder, key) == 0) {
				shas_add(&gone, ix.p[i].sha);
				free(ix.p[i].holder);
				ix.p[i] = ix.p[--ix.np];
			}
		for (i = 0; i < gone.n; i++) {
			for (j = 0; j < out.n && strcmp(out.v[j], gone.v[i]) != 0; j++)
				;
			if (j == out.n && !named(&ix, gone.v[i]))
				shas_add(&out, gone.v[i]);
		}
		rc = commit(st, &ix, &out, cause);
	}
	index_free(&ix);
	unlock(st);
	store_shas_free(gone.v, gone.n);
	if (rc != STORE_OK)
		store_shas_free(out.v, out.n);
	else
		shas_give(&out, dropped, ndropped);
	return rc;
}

/* Remove files no index names: texts and temporary files a crash left. */
static void
sweep(struct store *st, const struct index *ix, struct shas *dropped)
{
	char sha[SHA256_HEX_LEN], *path;
	struct dirent *de;
	size_t n;
	DIR *dir;

	if ((dir = opendir(st->dir)) == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		n = strlen(de->d_name);
		if (n == SHA256_HEX_LEN - 1 + strlen(TEXT_SUFFIX) &&
		    strcmp(de->d_name + SHA256_HEX_LEN - 1, TEXT_SUFFIX) == 0) {
			memcpy(sha, de->d_name, SHA256_HEX_LEN - 1);
			sha[SHA256_HEX_LEN - 1] = '\0';
			if (!valid_sha(sha) || named(ix, sha))
				continue;
			shas_add(dropped, sha);
		} else if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		/* Every write happens under the lock we hold: a temporary
		 * file is what a crash left. */
		path = xasprintf("%s/%s", st->dir, de->d_name);
		(void)unlink(path);
		free(path);
	}
	closedir(dir);
}

enum store_status
store_prune(struct store *st, char ***dropped, size_t *ndropped,
    char **cause)
{
	struct shas out = { NULL, 0 };
	struct index ix;
	enum store_status rc;

	if ((rc = lock(st, LOCK_EX, cause)) != STORE_OK)
		return rc;
	if ((rc = index_load(st, &ix, cause)) == STORE_OK) {
		prune_index(&ix, st->cap, NULL, &out);
		if ((rc = commit(st, &ix, &out, cause)) == STORE_OK)
			sweep(st, &ix, &out);
	}
	index_free(&ix);
	unlock(st);
	if (rc != STORE_OK)
		store_shas_free(out.v, out.n);
	else
		shas_give(&out, dropped, ndropped);
	return rc;
}

/* ---- reading the index ----------------------------------------------------- */

static enum store_status
index_read(struct store *st, struct index *ix, char **cause)
{
	enum store_status rc;

	if ((rc = lock(st, LOCK_SH, cause)) != STORE_OK)
		return rc;
	rc = index_load(st, ix, cause);
	unlock(st);
	return rc;
}

static int
by_seq_desc(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return (x->seq < y->seq) - (x->seq > y->seq);
}

enum store_status
store_list(struct store *st, const char *key, struct store_version **out,
    size_t *n, char **cause)
{
	struct index ix;
	struct facts f;
	enum store_status rc;
	size_t i;

	*out = NULL;
	*n = 0;
	if ((rc = index_read(st, &ix, cause)) != STORE_OK)
		return rc;
	if (ix.ne > 1)		/* (an empty index has no array at all) */
		qsort(ix.e, ix.ne, sizeof *ix.e, by_seq_desc);
	facts_get(&ix, &f);
	for (i = 0; i < ix.ne; i++) {
		struct store_version *v;

		if (key != NULL && strcmp(ix.e[i].key, key) != 0)
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		v = &(*out)[(*n)++];
		v->key = xstrdup(ix.e[i].key);
		memcpy(v->sha, ix.e[i].sha, SHA256_HEX_LEN);
		v->size = ix.e[i].size;
		v->stored = ix.e[i].stored;
		v->used = (time_t)ix.e[i].used;
		v->last = f.last[i];
		v->pinned = f.pinned[i];
	}
	facts_free(&f);
	index_free(&ix);
	return STORE_OK;
}

void
store_versions_free(struct store_version *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

enum store_status
store_stats(struct store *st, struct store_stats *s, char **cause)
{
	struct index ix;
	struct facts f;
	enum store_status rc;
	int *counted;
	size_t i;

	memset(s, 0, sizeof *s);
	if ((rc = index_read(st, &ix, cause)) != STORE_OK)
		return rc;
	facts_get(&ix, &f);
	counted = xcalloc(f.ntexts + 1, sizeof *counted);
	s->versions = ix.ne;
	s->texts = f.ntexts;
	s->bytes = facts_bytes(&f);
	for (i = 0; i < ix.ne; i++) {
		s->articles += f.last[i];	/* one last version a key */
		if (f.pinned[i] && !counted[f.text[i]]) {
			counted[f.text[i]] = 1;
			s->pinned++;
		}
	}
	free(counted);
	facts_free(&f);
	index_free(&ix);
	return STORE_OK;
}
