/*
 * sidecar.c: opening and saving an article's annotations file: reading
 * it (a regular file, capped; a UTF-8 byte order mark and blank lines
 * before the header are accepted), refusing what cannot be parsed,
 * re-anchoring on a changed article, and saving under a lock with a
 * merge and an atomic replace.  The format itself is w3c.c's.
 */
#include "artread/sidecar.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/jsonw.h"
#include "artread/lockfile.h"
#include "artread/merge.h"
#include "artread/sha256.h"
#include "artread/slurp.h"
#include "artread/track.h"
#include "artread/util.h"
#include "artread/w3c.h"

#define BOM		"\xef\xbb\xbf"
#define HEADER_MAX	65536	/* bytes read for a header alone */
#define ELSEWHERE_SCAN	1000	/* files looked at by look_elsewhere */
#define HEAD_START	"{\"type\":\"" W3C_SIDECAR_TYPE "\""

/* What a parse of the file gives. */
struct parsed {
	struct annot	**v;
	size_t		 *line;		/* the line each came from */
	size_t		  n;
	size_t		  cap;
	struct w3c_header h;
	int		  exists;
	size_t		  times_fixed;
	struct sidecar_stamp stamp;	/* of the file read */
	char		  file_sha[65];	/* of the file's bytes, if asked */
};

/* The first error found, by line. */
struct first_error {
	size_t	 line;		/* 0: none */
	char	*why;
};

static void
parsed_free(struct parsed *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		annot_free(p->v[i]);
	free(p->v);
	free(p->line);
	w3c_header_free(&p->h);
	p->v = NULL;
	p->line = NULL;
	p->n = p->cap = 0;
}

static void
note_error(struct first_error *fe, size_t line, char *why)
{
	if (fe->line == 0 || line < fe->line) {
		free(fe->why);
		fe->line = line;
		fe->why = why;
	} else
		free(why);
}

/* ---- reading the file ----------------------------------------------- */

static void
stamp_of(const struct stat *st, struct sidecar_stamp *s)
{
	s->valid = 1;
	s->dev = (unsigned long long)st->st_dev;
	s->ino = (unsigned long long)st->st_ino;
	s->size = (unsigned long long)st->st_size;
	s->mtime = (long long)st->st_mtim.tv_sec;
	s->mtime_ns = (long long)st->st_mtim.tv_nsec;
	s->ctime = (long long)st->st_ctim.tv_sec;
	s->ctime_ns = (long long)st->st_ctim.tv_nsec;
}

/* Is the file at path still the one stamped (same inode, size and
 * times: every artread writer renames a new file in)? */
static int
stamp_holds(const char *path, const struct sidecar_stamp *s)
{
	struct sidecar_stamp now;
	struct stat st;

	if (!s->valid || stat(path, &st) == -1)
		return 0;
	stamp_of(&st, &now);
	return now.dev == s->dev && now.ino == s->ino && now.size == s->size &&
	    now.mtime == s->mtime && now.mtime_ns == s->mtime_ns &&
	    now.ctime == s->ctime && now.ctime_ns == s->ctime_ns;
}

/* A time that cannot be read becomes the file's modification time: the
 * same for every reader of the file, so no merge sees a change. */
static void
file_time(const char *path, char out[ISOTIME_LEN])
{
	struct stat st;

	if (stat(path, &st) == 0)
		isotime_format((long long)st.st_mtim.tv_sec,
		    (unsigned)(st.st_mtim.tv_nsec / 1000000), out);
	else
		isotime_now(out);
}

static void
parsed_add(struct parsed *p, struct annot *a, size_t lineno)
{
	if (p->n == p->cap) {
		p->cap = p->cap > 0 ? 2 * p->cap : 16;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
		p->line = xreallocarray(p->line, p->cap, sizeof *p->line);
	}
	p->v[p->n] = a;
	p->line[p->n++] = lineno;
}

/*
 * What is wrong with a line's JSON, said of the line: jansson parses
 * the line alone, so its "end of file" is the line's end (a line cut
 * short, say by a crash in the middle of a write).
 */
static char *
line_json_error(const json_error_t *err)
{
	static const char eof[] = " near end of file";
	size_t n = strlen(err->text);

	if (n >= sizeof eof - 1 && strcmp(err->text + n - (sizeof eof - 1),
	    eof) == 0)
		return xasprintf("bad JSON: %.*s, but the line ends after "
		    "%d bytes (cut short?)", (int)(n - (sizeof eof - 1)),
		    err->text, err->position);
	return xasprintf("bad JSON at column %d: %s", err->column, err->text);
}

/* Parse one line (number lineno; header if first); 0, or -1 with why. */
static int
parse_line(const char *line, size_t len, size_t lineno, int header,
    struct parsed *p, struct w3c_ctx *c, char **why)
{
	json_error_t err;
	struct annot *a;
	json_t *j;
	int rc = 0;

	if ((j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err)) == NULL) {
		*why = line_json_error(&err);
		return -1;
	}
	if (header)
		rc = w3c_header_decode(j, &p->h, why);
	else if ((a = w3c_decode(j, c, why)) == NULL)
		rc = -1;
	else
		parsed_add(p, a, lineno);
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

/* Index order for the duplicate check: by id, then line. */
static const struct parsed *dup_of;

static int
dup_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(dup_of->v[a]->id, dup_of->v[b]->id);

	if (c != 0)
		return c;
	return dup_of->line[a] < dup_of->line[b] ? -1 : 1;
}

/* Ids used twice: each later use is an error; with salvage it is
 * dropped (the first use is kept). */
static void
check_duplicates(struct parsed *p, struct first_error *fe)
{
	size_t *ix = xreallocarray(NULL, p->n + 1, sizeof *ix), i, k;
	unsigned char *gone = xcalloc(p->n + 1, 1);

	for (i = 0; i < p->n; i++)
		ix[i] = i;
	dup_of = p;
	qsort(ix, p->n, sizeof *ix, dup_cmp);
	for (i = 1; i < p->n; i++) {
		if (strcmp(p->v[ix[i]]->id, p->v[ix[i - 1]]->id) != 0)
			continue;
		gone[ix[i]] = 1;
		note_error(fe, p->line[ix[i]], xasprintf("duplicate id \"%s\"",
		    p->v[ix[i]]->id));
	}
	for (i = k = 0; i < p->n; i++) {
		if (gone[i])
			annot_free(p->v[i]);
		else {
			p->v[k] = p->v[i];
			p->line[k++] = p->line[i];
		}
	}
	p->n = k;
	free(gone);
	free(ix);
}

/* Format 1 had no version per annotation: the header's. */
static void
fill_v1_versions(struct parsed *p)
{
	size_t i;

	if (p->h.version != 1 || p->h.sha256[0] == '\0')
		return;
	for (i = 0; i < p->n; i++) {
		if (p->v[i]->version[0] == '\0')
			memcpy(p->v[i]->version, p->h.sha256,
			    ANNOT_VERSION_LEN);
	}
}

/* Parse the lines of data[0, len). */
static void
parse_lines(const char *path, const char *data, size_t len, struct parsed *p,
    int salvage, struct first_error *fe)
{
	const char *line = data, *nl, *end = data + len;
	struct w3c_ctx c;
	size_t lineno = 0, linelen;
	char *why = NULL;
	int header_seen = 0;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	file_time(path, c.fallback_time);
	if (len >= 3 && memcmp(data, BOM, 3) == 0)
		line += 3;
	for (; line < end; line += linelen + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		linelen = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
		lineno++;
		if (blank(line, linelen))
			continue;
		if (parse_line(line, linelen, lineno, !header_seen, p, &c,
		    &why) != 0) {
			note_error(fe, lineno, why);
			why = NULL;
			/* A bad header: nothing after it can be trusted. */
			if (!salvage || !header_seen)
				return;
		}
		header_seen = 1;
	}
	p->times_fixed = c.times_fixed;
}

/*
 * Parse a sidecar file.  A missing file is an empty one.  On the first
 * bad line: -1 with *cause ("FILE:LINE: why").  With salvage, the good
 * annotations of a damaged file are kept in p (to be shown read-only),
 * unless the header itself is bad (maybe a newer format: nothing in it
 * can be trusted).
 */
static int
parse_file(const char *path, struct parsed *p, int salvage, int hash,
    char **cause)
{
	struct first_error fe = { 0, NULL };
	char *data, *why = NULL;
	struct stat st;
	size_t len;

	memset(p, 0, sizeof *p);
	if ((data = slurp_file_stat(path, SLURP_ANNOTATIONS_MAX, 0, &len, &st,
	    &why)) == NULL) {
		if (errno == ENOENT) {
			free(why);
			return 0;
		}
		*cause = why;
		return -1;
	}
	p->exists = 1;
	stamp_of(&st, &p->stamp);
	if (hash)
		sha256_hex(data, len, p->file_sha);
	parse_lines(path, data, len, p, salvage, &fe);
	free(data);
	if (fe.line == 0 || p->h.version > 0)
		check_duplicates(p, &fe);
	fill_v1_versions(p);
	if (fe.line == 0)
		return 0;
	*cause = xasprintf("%s:%zu: %s", path, fe.line, fe.why);
	free(fe.why);
	if (!salvage || p->h.version == 0)
		parsed_free(p);
	return -1;
}

/* ---- open and close ------------------------------------------------- */

/*
 * Do the anchored annotations v[0, n) still lie where they say, on the
 * article bytes[0, len)?  A matching SHA-256 in the header is not
 * enough: the file may have been edited, and an offset past the end
 * must never reach those who read bytes[start, end).
 */
static int
anchors_hold(struct annot *const *v, size_t n, const char *bytes, size_t len)
{
	const struct annot *a;
	size_t i;

	for (i = 0; i < n; i++) {
		a = v[i];
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
	annot_insert_many(set, p->v, p->n);
	free(p->v);
	free(p->line);
	p->v = NULL;
	p->line = NULL;
	p->n = p->cap = 0;
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

/*
 * Put the annotations of a file read on the article, if it changed since
 * the file was written (its header names the text they were placed on):
 * 1 if it did (sc->moved counts those placed elsewhere), else 0.
 */
static int
reanchor_parsed(struct sidecar *sc, struct parsed *p)
{
	struct annot_reanchor_stats st;

	if (p->n == 0 || (strcmp(p->h.sha256, article_sha(sc)) == 0 &&
	    anchors_hold(p->v, p->n, sc->bytes, sc->len)))
		return 0;
	track_reanchor_v(p->v, p->n, p->h.sha256, sc->bytes, sc->len,
	    article_sha(sc), &st);
	sc->moved += st.relocated;
	return 1;
}

/* After re-anchoring at open: how many are in each state now. */
static void
count_states(struct sidecar *sc, const struct annot_set *set)
{
	size_t i;

	memset(sc->anchors, 0, sizeof sc->anchors);
	for (i = 0; i < annot_count(set); i++)
		sc->anchors[annot_anchor_of(annot_at(set, i))]++;
	sc->orphaned = sc->anchors[ANNOT_ORPHAN];
}

static void
set_readonly(struct sidecar *sc, const char *why)
{
	sc->readonly = 1;
	free(sc->readonly_cause);
	sc->readonly_cause = xstrdup(why);
}

/*
 * A sidecar its owner made read-only (no write bit at all, or one this
 * user may not write) is respected as such: a rename would replace it
 * anyway, and root passes access(2) whatever the mode.
 */
static int
check_writable(struct sidecar *sc)
{
	struct stat st;
	char *why;

	if (stat(sc->write_path, &st) == -1)
		return 0;		/* a new file */
	if ((st.st_mode & 0222) == 0)
		why = xasprintf("%s: the file is read-only (mode %03o)",
		    sc->write_path, (unsigned)(st.st_mode & 0777));
	else if (access(sc->write_path, W_OK) == -1)
		why = xasprintf("%s: %s", sc->write_path, strerror(errno));
	else
		return 0;
	set_readonly(sc, why);
	free(why);
	return -1;
}

/* Take the url, the book-keeping and the unknown header members from a
 * header read. */
static void
take_header(struct sidecar *sc, struct w3c_header *h)
{
	if (sc->url == NULL) {
		sc->url = h->url;
		h->url = NULL;
	}
	if (sc->seed[0] == '\0')
		memcpy(sc->seed, h->seed, sizeof sc->seed);
	if (sc->adopted[0] == '\0')
		memcpy(sc->adopted, h->adopted, sizeof sc->adopted);
	free(sc->header_extra);
	sc->header_extra = h->extra;
	h->extra = NULL;
}

/* DIR/.NAME.lock for DIR/NAME: hidden, beside what a save replaces. */
static char *
lock_path_for(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash != NULL ? slash + 1 : path;

	return xasprintf("%.*s.%s.lock", (int)(name - path), path, name);
}

/* Take the places sidepath found. */
static void
take_places(struct sidecar *sc, struct sidepath *sp)
{
	sc->path = sp->path;
	sc->where = sp->where;
	sc->other_path = sp->other;
	sc->content_path = sp->by_content;
	sc->article_real = sp->real;
	if (sp->sha256[0] != '\0')
		memcpy(sc->sha256, sp->sha256, sizeof sc->sha256);
	memset(sp, 0, sizeof *sp);
}

/* The annotations of the other place (sidepath.h), or an empty parse if
 * there are none or they cannot be read (the file is left alone). */
static void
read_other(struct sidecar *sc, struct parsed *q)
{
	char *why = NULL;

	if (sc->other_path == NULL ||
	    parse_file(sc->other_path, q, 0, 1, &why) != 0) {
		free(why);
		memset(q, 0, sizeof *q);
	}
}

/*
 * Put the primary file's annotations (p) and the other place's (q)
 * together into set.  A copy in the data directory was made from the
 * file beside the article (its header's seed is that file's SHA-256):
 * if that file has not changed since, the copy holds everything (its
 * deletions too).  Otherwise what is only in one is added, and an
 * annotation that differs in the two is kept twice (merge.h's import
 * rule: the copy's under the id), so nothing is lost.  What is not on
 * disk in the primary file yet is written by the next save (or by the
 * move).
 */
static void
gather(struct sidecar *sc, struct annot_set *set, struct parsed *p,
    struct parsed *q)
{
	struct parsed *whole = NULL;

	if (q->exists && sc->where == SIDECAR_BESIDE) {
		if (!p->exists || (q->h.seed[0] != '\0' &&
		    strcmp(q->h.seed, p->file_sha) == 0))
			whole = q;	/* made from this one, or none here */
	} else if (q->exists && !p->exists) {
		whole = q;		/* the seed of the copy to be made */
		memcpy(sc->seed, q->file_sha, sizeof sc->seed);
	} else if (q->exists && strcmp(p->h.seed, q->file_sha) == 0)
		whole = p;		/* taken in already */
	if (whole == q) {
		take_header(sc, &q->h);
		adopt(set, q);
		annot_mark_synced(set);
		return;
	}
	if (whole == NULL && q->exists && sc->where == SIDECAR_BESIDE) {
		/* The copy's annotations win their ids (the user's latest);
		 * what differs beside the article is kept as well. */
		struct parsed t = *p;

		*p = *q;
		*q = t;
	}
	adopt(set, p);
	annot_mark_synced(set);
	if (whole == NULL && q->exists) {
		merge_import(set, q->v, q->n, NULL);
		q->v = NULL;
		q->n = q->cap = 0;
		if (sc->where != SIDECAR_BESIDE)
			memcpy(sc->seed, q->file_sha, sizeof sc->seed);
	}
}

static void	serialise(struct sidecar *, const struct annot_set *,
		    struct buf *);

/*
 * The annotations were kept in the data directory while the article's
 * directory was not writable; it is now: write them beside the article
 * (the caller holds both locks) and remove the copy.  If that fails, the
 * copy stays and both are read again next time.
 */
static void
move_beside(struct sidecar *sc, struct annot_set *set)
{
	struct stat st;
	struct buf b;
	char *why = NULL;
	int rc;

	if (check_writable(sc) != 0)
		return;
	annot_fill_versions(set, article_sha(sc));
	buf_init(&b);
	serialise(sc, set, &b);
	rc = atomic_write(sc->write_path, b.data, b.len, 0, &why);
	buf_free(&b);
	free(why);
	if (rc != 0)
		return;
	annot_mark_synced(set);
	if (stat(sc->write_path, &st) == 0)
		stamp_of(&st, &sc->stamp);
	if (unlink(sc->other_path) == 0) {
		sc->moved_from = sc->other_path;
		sc->other_path = NULL;
	}
}

/* Offer the annotations kept for this text by content (made on standard
 * input), unless this sidecar took them in before: those not here yet
 * are added, to be saved with the next save. */
static void
offer_by_content(struct sidecar *sc, struct annot_set *set)
{
	struct annot_reanchor_stats st;
	struct parsed c;
	char *why = NULL;
	size_t i, k;

	if (sc->content_path == NULL || strcmp(sc->adopted, article_sha(sc)) ==
	    0 || parse_file(sc->content_path, &c, 0, 0, &why) != 0) {
		free(why);
		return;
	}
	for (i = k = 0; i < c.n; i++) {
		if (annot_find(set, c.v[i]->id) != NULL)
			annot_free(c.v[i]);
		else
			c.v[k++] = c.v[i];
	}
	c.n = k;
	if (k > 0) {
		track_reanchor_v(c.v, c.n, c.h.sha256, sc->bytes, sc->len,
		    article_sha(sc), &st);
		sc->by_content = k;
		sc->content_name = c.h.name;
		c.h.name = NULL;
		memcpy(sc->adopted, article_sha(sc), sizeof sc->adopted);
		adopt(set, &c);
	}
	parsed_free(&c);
}

/* The header of the annotations file at path (its first line, read up
 * to HEADER_MAX bytes; a regular file only): 0, or -1. */
static int
read_header(const char *path, struct w3c_header *h)
{
	char buf[HEADER_MAX], *why = NULL, *line = buf, *nl;
	json_error_t err;
	struct stat st;
	ssize_t n;
	json_t *j;
	int fd, rc = -1;

	memset(h, 0, sizeof *h);
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (n = read(fd, buf, sizeof buf - 1)) > 0) {
		buf[n] = '\0';
		if (n >= 3 && memcmp(buf, BOM, 3) == 0)
			line += 3;
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		if ((j = json_loads(line, 0, &err)) != NULL) {
			rc = w3c_header_decode(j, h, &why);
			json_decref(j);
		}
	}
	close(fd);
	free(why);
	return rc;
}

/*
 * No annotations were found: are there files an older artread kept, by
 * content, for an article of this name whose text was another (the
 * article changed since)?  Then say so, rather than nothing (sc->
 * elsewhere, sc->elsewhere_path).  At most ELSEWHERE_SCAN files are
 * looked at.
 */
static void
look_elsewhere(struct sidecar *sc)
{
	size_t sl = strlen(SIDEPATH_SUFFIX), seen = 0, nl;
	struct w3c_header h;
	struct dirent *de;
	char *dir, *path;
	DIR *d;

	if (sc->article_real == NULL || (dir = sidepath_data_dir_name()) == NULL)
		return;
	if ((d = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL && seen < ELSEWHERE_SCAN) {
		nl = strlen(de->d_name);
		if (nl != SHA256_HEX_LEN - 1 + sl ||
		    strcmp(de->d_name + nl - sl, SIDEPATH_SUFFIX) != 0)
			continue;
		seen++;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (read_header(path, &h) == 0 && h.name != NULL &&
		    strcmp(h.name, sc->article_name) == 0 &&
		    strcmp(h.sha256, article_sha(sc)) != 0) {
			if (sc->elsewhere++ == 0) {
				sc->elsewhere_path = path;
				path = NULL;
			}
		}
		w3c_header_free(&h);
		free(path);
	}
	closedir(d);
	free(dir);
}

/* The directory of the article (a file's: article_real is set). */
static char *
article_dir(const struct sidecar *sc)
{
	const char *slash = strrchr(sc->article_real, '/');

	if (slash == NULL || slash == sc->article_real)
		return xstrdup("/");
	return xasprintf("%.*s", (int)(slash - sc->article_real),
	    sc->article_real);
}

/* The number of annotations in the file at path (0 if it cannot be
 * read or parsed). */
static size_t
count_in(const char *path)
{
	struct parsed p;
	char *why = NULL;
	size_t n;

	if (parse_file(path, &p, 0, 0, &why) != 0) {
		free(why);
		return 0;
	}
	n = p.n;
	parsed_free(&p);
	return n;
}

/* Are a and b one file (by name, or through a link: a sidecar linked
 * to the old one is this article's own, never one to adopt)? */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return 1;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Is the directory of path there (a directory, not a dangling name)? */
static int
parent_exists(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	char *dir;
	int there;

	if (slash == NULL)
		return 1;
	dir = slash == path ? xstrdup("/") : xstrndup(path,
	    (size_t)(slash - path));
	there = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	free(dir);
	return there;
}

/*
 * Is the annotations file at path (its header h) one that a renamed or
 * moved article left: kept for an article that is no longer there (in
 * the article's directory, the file it is named after; in the data
 * directory, the path its header names), on exactly this text?
 */
static int
left_by_renamed(struct sidecar *sc, const char *path,
    const struct w3c_header *h, int in_data_dir)
{
	struct stat st;
	char *art;
	int gone;

	if (h->size != sc->len || h->sha256[0] == '\0' ||
	    same_file(path, sc->path) || (sc->other_path != NULL &&
	    same_file(path, sc->other_path)) || (in_data_dir &&
	    h->path == NULL))
		return 0;
	art = in_data_dir ? xstrdup(h->path) : xasprintf("%.*s",
	    (int)(strlen(path) - strlen(SIDEPATH_SUFFIX)), path);
	gone = lstat(art, &st) == -1 && errno == ENOENT;
	/* A copy in the data directory is kept for an article on a
	 * read-only medium: with its directory gone too, the medium may
	 * only be unmounted, not the article renamed. */
	if (gone && in_data_dir)
		gone = parent_exists(art);
	free(art);
	return gone && strcmp(h->sha256, article_sha(sc)) == 0 &&
	    count_in(path) > 0;
}

/* scan_renamed's look at one directory (at most ELSEWHERE_SCAN files). */
static void
scan_renamed(struct sidecar *sc, const char *dir, int in_data_dir)
{
	size_t sl = strlen(SIDEPATH_SUFFIX), seen = 0, nl;
	struct w3c_header h;
	struct dirent *de;
	char *path;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL && seen < ELSEWHERE_SCAN) {
		nl = strlen(de->d_name);
		if (de->d_name[0] == '.' || nl <= sl ||
		    strcmp(de->d_name + nl - sl, SIDEPATH_SUFFIX) != 0)
			continue;
		seen++;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (read_header(path, &h) == 0 &&
		    left_by_renamed(sc, path, &h, in_data_dir) &&
		    sc->renamed++ == 0) {
			sc->renamed_path = path;
			path = NULL;
			sc->renamed_name = h.name;
			h.name = NULL;
		}
		w3c_header_free(&h);
		free(path);
	}
	closedir(d);
}

/*
 * The annotations of an article renamed (or moved) since, if its text
 * is exactly this one: files beside the article, and in the data
 * directory by path, kept for an article that is gone (sc->renamed,
 * sc->renamed_path; sidecar_adopt takes them in).
 */
static void
look_renamed(struct sidecar *sc)
{
	char *dir, *data;

	if (sc->article_real == NULL || (sc->where != SIDECAR_BESIDE &&
	    sc->where != SIDECAR_DATA_DIR))
		return;
	dir = article_dir(sc);
	scan_renamed(sc, dir, 0);
	free(dir);
	if ((data = sidepath_data_dir_name()) == NULL)
		return;
	dir = xasprintf("%s/" SIDEPATH_BY_PATH, data);
	scan_renamed(sc, dir, 1);
	free(dir);
	free(data);
	if (sc->renamed_path != NULL)
		sc->renamed_count = count_in(sc->renamed_path);
}

/* Both writers' locks, the file beside the article's first: 0, or -1
 * (nothing held). */
static int
lock_both(struct sidecar *sc, int *fd1, int *fd2)
{
	char *why = NULL, *other_lock;

	if ((*fd1 = lockfile_take(sc->lock_path, &why)) == -1) {
		free(why);
		return -1;
	}
	other_lock = lock_path_for(sc->other_path);
	*fd2 = lockfile_take(other_lock, &why);
	free(other_lock);
	free(why);
	if (*fd2 == -1) {
		lockfile_release(*fd1);
		return -1;
	}
	return 0;
}

static int	open_located(struct sidecar *, struct sidepath *,
		    struct annot_set *, char **);

int
sidecar_open(struct sidecar *sc, const char *article_path, const char *bytes,
    size_t len, struct annot_set *set, char **cause)
{
	struct sidepath sp;
	const char *base;

	memset(sc, 0, sizeof *sc);
	sc->bytes = bytes;
	sc->len = len;
	if (article_path != NULL) {
		base = strrchr(article_path, '/');
		sc->article_name = xstrdup(base != NULL ? base + 1 :
		    article_path);
	} else
		sc->article_name = xstrdup("stdin");
	if (sidepath_locate(article_path, bytes, len, &sp, cause) != 0) {
		set_readonly(sc, *cause);
		return -1;
	}
	return open_located(sc, &sp, set, cause);
}

int
sidecar_open_url(struct sidecar *sc, const char *url, const char *bytes,
    size_t len, struct annot_set *set, char **cause)
{
	struct sidepath sp;

	memset(sc, 0, sizeof *sc);
	sc->bytes = bytes;
	sc->len = len;
	sc->article_name = xstrdup(url);
	sc->url = xstrdup(url);
	if (sidepath_locate_url(url, &sp, cause) != 0) {
		set_readonly(sc, *cause);
		return -1;
	}
	return open_located(sc, &sp, set, cause);
}

/* sidecar_open's and sidecar_open_url's: read the places sp found. */
static int
open_located(struct sidecar *sc, struct sidepath *sp, struct annot_set *set,
    char **cause)
{
	struct parsed p, q;
	int fd1 = -1, fd2 = -1, moving = 0, changed;

	take_places(sc, sp);
	if ((sc->write_path = sidepath_write_target(sc->path, cause)) == NULL) {
		set_readonly(sc, *cause);
		return -1;
	}
	sc->lock_path = lock_path_for(sc->write_path);
	/* Kept in the data directory while the directory was not
	 * writable: they move beside the article now. */
	if (sc->where == SIDECAR_BESIDE && sc->other_path != NULL)
		moving = lock_both(sc, &fd1, &fd2) == 0;
	if (parse_file(sc->path, &p, 1, sc->other_path != NULL, cause) != 0) {
		/* Damaged: show what could be read, never write the file;
		 * a renamed article's file is still looked for, so that
		 * the messages can say how to adopt it. */
		set_readonly(sc, *cause);
		adopt(set, &p);
		parsed_free(&p);
		annot_mark_synced(set);
		if (moving) {
			lockfile_release(fd2);
			lockfile_release(fd1);
		}
		look_renamed(sc);
		return -1;
	}
	take_header(sc, &p.h);
	sc->times_fixed = p.times_fixed;
	sc->stamp = p.stamp;
	read_other(sc, &q);
	changed = reanchor_parsed(sc, &p);
	changed |= reanchor_parsed(sc, &q);
	gather(sc, set, &p, &q);
	if (moving) {
		if (q.exists)
			move_beside(sc, set);
		lockfile_release(fd2);
		lockfile_release(fd1);
	}
	parsed_free(&p);
	parsed_free(&q);
	offer_by_content(sc, set);
	look_renamed(sc);
	if (annot_count(set) == 0 && sc->renamed == 0)
		look_elsewhere(sc);
	if (changed)
		count_states(sc, set);
	(void)check_writable(sc);
	return 0;
}

void
sidecar_close(struct sidecar *sc)
{
	free(sc->path);
	free(sc->write_path);
	free(sc->lock_path);
	free(sc->other_path);
	free(sc->content_path);
	free(sc->article_real);
	free(sc->content_name);
	free(sc->moved_from);
	free(sc->elsewhere_path);
	free(sc->renamed_path);
	free(sc->renamed_name);
	free(sc->article_name);
	free(sc->url);
	free(sc->header_extra);
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

void
sidecar_set_url(struct sidecar *sc, const char *url)
{
	if (url == NULL || !w3c_is_iri(url))
		return;
	free(sc->url);
	sc->url = xstrdup(url);
}

char *
sidecar_location(const struct sidecar *sc)
{
	const char *home = getenv("HOME"), *p = sc->path, *why = "";
	size_t hl;

	if (p == NULL)
		return xstrdup("(nowhere)");
	if (sc->readonly && sc->readonly_cause != NULL)
		why = " (read-only)";
	else if (sc->where == SIDECAR_DATA_DIR)
		why = " (article directory not writable)";
	else if (sc->where == SIDECAR_DATA_STDIN)
		why = " (article read from standard input)";
	else if (sc->where == SIDECAR_DATA_URL)
		why = " (kept by the article's URL)";
	hl = home != NULL ? strlen(home) : 0;
	if (hl > 1 && strncmp(p, home, hl) == 0 && p[hl] == '/')
		return xasprintf("~%s%s", p + hl, why);
	return xasprintf("%s%s", p, why);
}

/* ---- saving --------------------------------------------------------- */

/* Is a leftover temporary file one of ours (it starts with our header)? */
static int
is_sidecar_head(const char *head, size_t n)
{
	size_t k = strlen(HEAD_START);

	return n >= k && memcmp(head, HEAD_START, k) == 0;
}

/* The whole file's contents. */
static void
serialise(struct sidecar *sc, const struct annot_set *set, struct buf *b)
{
	struct w3c_header h;
	struct w3c_ctx c;
	struct jsonw w;
	char *s;
	size_t i;

	memset(&h, 0, sizeof h);
	h.name = sc->article_name;
	memcpy(h.sha256, article_sha(sc), sizeof h.sha256);
	h.size = sc->len;
	h.url = sc->url;
	if (sc->where == SIDECAR_DATA_DIR) {
		h.path = sc->article_real;
		memcpy(h.seed, sc->seed, sizeof h.seed);
	}
	memcpy(h.adopted, sc->adopted, sizeof h.adopted);
	h.extra = sc->header_extra;
	s = w3c_header_line(&h);
	buf_adds(b, s);
	buf_addc(b, '\n');
	free(s);
	w3c_ctx_init(&c, W3C_BYTES, 1);
	c.source = sc->url;
	jsonw_init(&w, b, 0, 0);
	for (i = 0; i < annot_count(set); i++) {
		w3c_write(&w, annot_at(set, i), &c);
		buf_addc(b, '\n');
	}
}

/* Read the file at path as it is now and merge it into set (under its
 * lock, if it can be taken); file_sha (if not NULL) gets the SHA-256 of
 * its bytes ("" if there is none). */
static int
merge_file(struct sidecar *sc, const char *path, struct annot_set *set,
    char *file_sha, char **cause)
{
	struct merge_stats st;
	struct parsed disk;
	char *why = NULL;

	if (parse_file(path, &disk, 0, file_sha != NULL, &why) != 0) {
		set_readonly(sc, why);
		*cause = xasprintf("not saved: %s (the file is left untouched)",
		    why);
		free(why);
		return -1;
	}
	if (file_sha != NULL)
		memcpy(file_sha, disk.exists ? disk.file_sha : "", disk.exists ?
		    sizeof disk.file_sha : 1);
	if (disk.exists)
		take_header(sc, &disk.h);
	/* Another instance may have written them on another text. */
	(void)reanchor_parsed(sc, &disk);
	merge_disk(set, disk.v, disk.n, disk.exists, &st);
	disk.v = NULL;
	disk.n = disk.cap = 0;
	sc->conflicts = st.conflicts;
	parsed_free(&disk);
	return 0;
}

/* Under the lock: read the file as it is now and merge it into set. */
static int
merge_from_disk(struct sidecar *sc, struct annot_set *set, char **cause)
{
	return merge_file(sc, sc->write_path, set, NULL, cause);
}

/* Kept beside the article, whose directory is there but may no longer
 * be written?  (One that is gone is not: the save fails, and is
 * retried.) */
static int
dir_became_read_only(const struct sidecar *sc)
{
	struct stat st;
	char *dir;
	int gone;

	if (sc->where != SIDECAR_BESIDE || sc->article_real == NULL ||
	    sidepath_dir_writable(sc->article_real))
		return 0;
	dir = article_dir(sc);
	gone = stat(dir, &st) == -1;
	free(dir);
	return !gone;
}

/*
 * The article's directory stopped being writable since the annotations
 * were opened beside it (chmod, a read-only remount): from now on they
 * are kept in the data directory by the article's path, as if it had
 * not been writable at open.  The file beside it is merged in first (so
 * nothing another instance wrote is lost) and is the copy's seed; it is
 * left as it is, and the copy moves back beside the article when the
 * directory is writable again.  0, or -1 with *cause (nothing changed).
 */
static int
move_to_data_dir(struct sidecar *sc, struct annot_set *set, char **cause)
{
	char seed[SHA256_HEX_LEN], *why = NULL, *by_path, *target;

	if ((by_path = sidepath_by_path(sc->article_real, &why)) == NULL) {
		*cause = xasprintf("not saved: %s", why);
		free(why);
		return -1;
	}
	if ((target = sidepath_write_target(by_path, &why)) == NULL ||
	    merge_file(sc, sc->write_path, set, seed, cause) != 0) {
		if (target == NULL) {
			*cause = xasprintf("not saved: %s", why);
			free(why);
		}
		free(by_path);
		return -1;
	}
	free(sc->other_path);
	sc->other_path = sc->path;
	sc->path = by_path;
	free(sc->write_path);
	sc->write_path = target;
	free(sc->lock_path);
	sc->lock_path = lock_path_for(sc->write_path);
	sc->where = SIDECAR_DATA_DIR;
	memcpy(sc->seed, seed, sizeof sc->seed);
	sc->stamp.valid = 0;
	/* In sync with the file beside the article, never with a copy
	 * another instance may have left in the data directory: the save's
	 * merge of it must add what it holds, not drop what it lacks. */
	annot_mark_unsynced(set);
	return 0;
}

/*
 * After a save: the text is kept in the version store (once), and the
 * versions the annotations were made on are pinned there, when they
 * changed (track.h).  Losing these loses history, not annotations:
 * failures are not reported.
 */
static void
remember_versions(struct sidecar *sc, const struct annot_set *set)
{
	char sha[SHA256_HEX_LEN], *key;

	key = track_key(sc->article_real, sc->url, article_sha(sc));
	if (!sc->kept) {
		if (!track_kept(key, article_sha(sc)))
			(void)track_keep(key, sc->bytes, sc->len, sha, NULL);
		sc->kept = 1;
	}
	(void)track_pin(key, set, &sc->pinned);
	free(key);
}

int
sidecar_save(struct sidecar *sc, struct annot_set *set, char **cause)
{
	struct stat st;
	struct buf b;
	char *why = NULL;
	int lockfd, rc;

	sc->conflicts = 0;
	if (sc->readonly) {
		*cause = xasprintf("not saved: %s (the file is left untouched)",
		    sc->readonly_cause != NULL ? sc->readonly_cause :
		    "read-only");
		return -1;
	}
	if (dir_became_read_only(sc) && move_to_data_dir(sc, set, cause) != 0)
		return -1;
	if ((lockfd = lockfile_take(sc->lock_path, &why)) == -1) {
		*cause = xasprintf("not saved: %s", why);
		free(why);
		return -1;
	}
	(void)atomic_remove_stale(sc->write_path, is_sidecar_head);
	if (check_writable(sc) != 0) {
		*cause = xasprintf("not saved: %s", sc->readonly_cause);
		lockfile_release(lockfd);
		return -1;
	}
	/* The file as this instance last read or wrote it: nothing to
	 * merge (a 100,000-annotation file is not parsed again). */
	if (!stamp_holds(sc->write_path, &sc->stamp) &&
	    merge_from_disk(sc, set, cause) != 0) {
		lockfile_release(lockfd);
		return -1;
	}
	annot_fill_versions(set, article_sha(sc));
	buf_init(&b);
	serialise(sc, set, &b);
	rc = atomic_write(sc->write_path, b.data, b.len, 0, &why);
	buf_free(&b);
	if (rc == 0) {
		annot_clear_deleted(set);
		annot_mark_synced(set);
		if (stat(sc->write_path, &st) == 0)
			stamp_of(&st, &sc->stamp);
	} else {
		*cause = xasprintf("not saved: %s", why);
		free(why);
	}
	lockfile_release(lockfd);
	if (rc == 0)	/* not under the lock: other writers wait less */
		remember_versions(sc, set);
	return rc;
}

/*
 * Where a renamed article's annotations are and the command that takes
 * them in; when this article's own sidecar is damaged, that file must
 * go out of the way first (adopting saves here, and a damaged file is
 * never written).  damaged: after the error, "; " first.
 */
void
sidecar_renamed_hint(const struct sidecar *sc, const char *name, int damaged,
    struct buf *b)
{
	buf_printf(b, "%s%s%s holds %zu annotation%s made on this very text "
	    "for %s, which is gone (renamed?): ", damaged ? "; " : "",
	    sc->renamed_path, sc->renamed > 1 ? " (and other files)" : "",
	    sc->renamed_count, sc->renamed_count == 1 ? "" : "s",
	    sc->renamed_name != NULL ? sc->renamed_name : "an article");
	if (damaged)
		buf_printf(b, "move the damaged file aside (mv %s %s.damaged), "
		    "then ", sc->path, sc->path);
	buf_printf(b, "artread --adopt %s takes %s", name,
	    sc->renamed_count == 1 ? "it" : "them");
}

void
sidecar_renamed_hint_after(const struct sidecar *sc, const char *name,
    char **error)
{
	struct buf b;

	if (sc->renamed == 0)
		return;
	buf_init(&b);
	buf_adds(&b, *error);
	sidecar_renamed_hint(sc, name, 1, &b);
	free(*error);
	*error = buf_steal(&b);
}

int
sidecar_adopt(struct sidecar *sc, struct annot_set *set, size_t *n,
    char **cause)
{
	struct parsed p;
	char *lock, *why = NULL;
	int fd, rc;

	*n = 0;
	if (sc->renamed_path == NULL) {
		*cause = xstrdup("no annotations of a renamed article with "
		    "this text were found");
		return -1;
	}
	lock = lock_path_for(sc->renamed_path);
	fd = lockfile_take(lock, &why);
	free(lock);
	if (fd == -1 || parse_file(sc->renamed_path, &p, 0, 0, &why) != 0) {
		*cause = xasprintf("not adopted: %s", why);
		free(why);
		lockfile_release(fd);
		return -1;
	}
	(void)reanchor_parsed(sc, &p);
	*n = merge_import(set, p.v, p.n, NULL);
	p.v = NULL;
	p.n = p.cap = 0;
	parsed_free(&p);
	/* The old file goes only once its annotations are saved here. */
	if ((rc = sidecar_save(sc, set, cause)) == 0 &&
	    unlink(sc->renamed_path) == 0) {
		free(sc->renamed_path);
		sc->renamed_path = NULL;
		sc->renamed = sc->renamed_count = 0;
	}
	lockfile_release(fd);
	return rc;
}
