/*
 * rescue.c: the rescue files of annotations that could not be saved.
 *
 * The file is written like the sidecar, atomically (atomic.h); its
 * annotations are sidecar lines (w3c.h), so nothing of them is lost.
 */
#include "artread/rescue.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/merge.h"
#include "artread/paths.h"
#include "artread/sha256.h"
#include "artread/slurp.h"
#include "artread/utf8.h"
#include "artread/w3c.h"

#define RESCUE_TYPE	"artread-rescue"
#define RESCUE_VERSION	2
#define RESCUE_MAX	(256u << 20)	/* bytes of a rescue file read */

char *
rescue_path(const char *sidecar_path, char **cause)
{
	char sha[SHA256_HEX_LEN], *dir, *path;

	if ((dir = paths_data_dir()) == NULL) {
		*cause = xstrdup("cannot find a place for the rescue file: "
		    "neither XDG_DATA_HOME nor HOME is set");
		return NULL;
	}
	sha256_hex(sidecar_path, strlen(sidecar_path), sha);
	path = xasprintf("%s/rescue/%s.jsonl", dir, sha);
	free(dir);
	return path;
}

/* Was a changed or added since it was last in step with the disk? */
static int
unsaved(const struct annot *a)
{
	return !a->synced ||
	    annot_fingerprint(a, ANNOT_FP_ALL) != a->synced_fp;
}

size_t
rescue_unsaved(const struct annot_set *set)
{
	size_t i, n = annot_deleted_count(set);

	for (i = 0; i < annot_count(set); i++)
		n += unsaved(annot_at(set, i));
	return n;
}

size_t
rescue_count(const struct rescue *r)
{
	return r->n + r->ndeleted;
}

void
rescue_free(struct rescue *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		annot_free(r->v[i]);
	free(r->v);
	free(r->base);
	util_free_list(r->deleted, r->ndeleted);
	free(r->del_base);
	free(r->path);
	free(r->sidecar);
	free(r->cause);
	free(r);
}

/* ---- reading ---------------------------------------------------------- */

static int
parse_header(json_t *h, struct rescue *r, char **why)
{
	json_t *t = json_object_get(h, "type"), *v = json_object_get(h, "version");
	const char *sc = json_string_value(json_object_get(h, "sidecar"));
	const char *when = json_string_value(json_object_get(h, "written"));
	const char *cause = json_string_value(json_object_get(h, "cause"));

	if (!json_is_string(t) || strcmp(json_string_value(t), RESCUE_TYPE) != 0 ||
	    !json_is_integer(v) || sc == NULL || when == NULL) {
		*why = xstrdup("line 1: not an artread rescue file header");
		return -1;
	}
	if (json_integer_value(v) > RESCUE_VERSION) {
		*why = xasprintf("version %lld is newer than this artread's",
		    (long long)json_integer_value(v));
		return -1;
	}
	r->sidecar = xstrdup(sc);
	snprintf(r->written, sizeof r->written, "%s", when);
	r->cause = xstrdup(cause != NULL ? cause : "");
	return 0;
}

/* A base: 16 hex digits, or null (0: none).  0, or -1. */
static int
parse_base(json_t *j, unsigned long long *out)
{
	const char *s = json_string_value(j);
	char *end;

	*out = 0;
	if (j == NULL || json_is_null(j))
		return 0;
	if (s == NULL || strlen(s) != 16)
		return -1;
	*out = strtoull(s, &end, 16);
	return *end == '\0' ? 0 : -1;
}

static int
parse_entry(json_t *o, struct rescue *r, char **why)
{
	const char *id = json_string_value(json_object_get(o, "deleted"));
	json_t *an = json_object_get(o, "annotation");
	unsigned long long base;
	struct w3c_ctx c;
	struct annot *a;

	if (parse_base(json_object_get(o, "base"), &base) != 0) {
		*why = xstrdup("\"base\" is not 16 hexadecimal digits");
		return -1;
	}
	if (id != NULL) {
		r->deleted = xreallocarray(r->deleted, r->ndeleted + 1,
		    sizeof *r->deleted);
		r->del_base = xreallocarray(r->del_base, r->ndeleted + 1,
		    sizeof *r->del_base);
		r->del_base[r->ndeleted] = base;
		r->deleted[r->ndeleted++] = xstrdup(id);
		return 0;
	}
	if (!json_is_object(an)) {
		*why = xstrdup("neither \"annotation\" nor \"deleted\"");
		return -1;
	}
	w3c_ctx_init(&c, W3C_BYTES, 1);
	if ((a = w3c_decode(an, &c, why)) == NULL)
		return -1;
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	r->base = xreallocarray(r->base, r->n + 1, sizeof *r->base);
	r->base[r->n] = base;
	r->v[r->n++] = a;
	return 0;
}

/* Parse the text of a rescue file into r; 0, or -1 with *why. */
static int
parse(char *text, struct rescue *r, char **why)
{
	char *line, *save = NULL, *inner = NULL;
	json_error_t err;
	json_t *o;
	int lineno = 0, rc = 0;

	for (line = strtok_r(text, "\n", &save); line != NULL && rc == 0;
	    line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		if ((o = json_loads(line, 0, &err)) == NULL || !json_is_object(o))
			inner = xasprintf("not a JSON object");
		else if (lineno == 1 ? parse_header(o, r, &inner) != 0 :
		    parse_entry(o, r, &inner) != 0)
			;
		else
			inner = NULL;
		json_decref(o);
		if (inner != NULL) {
			*why = lineno == 1 && strncmp(inner, "line", 4) == 0 ?
			    xstrdup(inner) : xasprintf("line %d: %s", lineno,
			    inner);
			free(inner);
			rc = -1;
		}
	}
	if (rc == 0 && lineno == 0) {
		*why = xstrdup("empty");
		rc = -1;
	}
	return rc;
}

char *
rescue_summary(const struct rescue *r)
{
	size_t n = rescue_count(r);

	return xasprintf("%zu annotation change%s rescued from %.10s", n,
	    n == 1 ? "" : "s", r->written);
}

int
rescue_any(void)
{
	char *dir, *sub;
	struct dirent *de;
	DIR *d;
	int any = 0;

	if ((dir = paths_data_dir()) == NULL)
		return 0;
	sub = xasprintf("%s/rescue", dir);
	free(dir);
	if ((d = opendir(sub)) != NULL) {
		while (!any && (de = readdir(d)) != NULL)
			any = de->d_name[0] != '.';
		closedir(d);
	}
	free(sub);
	return any;
}

int
rescue_load(const char *sidecar_path, struct rescue **out, char **cause)
{
	struct rescue *r;
	char *path, *text, *why = NULL;
	size_t len;

	*out = NULL;
	if ((path = rescue_path(sidecar_path, cause)) == NULL)
		return -1;
	if (access(path, F_OK) != 0) {
		free(path);
		return 0;
	}
	if ((text = slurp_file(path, RESCUE_MAX, 0, &len, cause)) == NULL) {
		free(path);
		return -1;
	}
	r = xcalloc(1, sizeof *r);
	r->path = path;
	if (parse(text, r, &why) != 0) {
		*cause = xasprintf("%s: %s", path, why);
		free(why);
		free(text);
		rescue_free(r);
		return -1;
	}
	free(text);
	*out = r;
	return 0;
}

/* ---- merging ---------------------------------------------------------- */

/* a's fingerprint, as a base is compared with. */
static unsigned long long
fp(const struct annot *a)
{
	return annot_fingerprint(a, ANNOT_FP_ALL);
}

/* The same annotation: its fields and its place. */
static int
same(const struct annot *a, const struct annot *b)
{
	return fp(a) == fp(b) && a->start == b->start && a->end == b->end;
}

/* Does set hold a as a conflict copy already (a merge before)? */
static int
holds_copy(const struct annot_set *set, const struct annot *a)
{
	const struct annot *c;
	size_t i;

	for (i = 0; i < annot_count(set); i++) {
		c = annot_at(set, i);
		if (c->conflict_of != NULL && strcmp(c->conflict_of, a->id) == 0 &&
		    annot_fingerprint(c, ANNOT_FP_TIMES) ==
		    annot_fingerprint(a, ANNOT_FP_TIMES))
			return 1;
	}
	return 0;
}

size_t
rescue_merge(const struct rescue *r, struct annot_set *set)
{
	const struct annot *mine;
	struct annot *copy;
	size_t i, taken = 0;

	for (i = 0; i < r->n; i++) {
		mine = annot_find(set, r->v[i]->id);
		if (mine != NULL && (same(mine, r->v[i]) ||
		    holds_copy(set, r->v[i])))
			continue;			/* already there */
		if (mine == NULL || r->base[i] == 0 || fp(mine) == r->base[i])
			annot_restore(set, r->v[i]);	/* as it was: taken */
		else {
			copy = annot_dup(r->v[i]);	/* changed since: both */
			merge_make_copy(copy);
			annot_restore(set, copy);
			annot_free(copy);
		}
		taken++;
	}
	for (i = 0; i < r->ndeleted; i++) {
		mine = annot_find(set, r->deleted[i]);
		if (mine == NULL || fp(mine) != r->del_base[i])
			continue;	/* gone already, or changed since: kept */
		annot_delete(set, r->deleted[i]);
		taken++;
	}
	return taken;
}

/* ---- writing ---------------------------------------------------------- */

static void
add_json_line(struct buf *out, json_t *j)
{
	char *s = json_dumps(j, JSON_PRESERVE_ORDER | JSON_COMPACT);

	json_decref(j);
	if (s == NULL)
		fatalx("cannot encode a rescue file line as JSON");
	buf_adds(out, s);
	buf_addc(out, '\n');
	free(s);
}

/* The base of a change: the fingerprint of the copy on disk it was made
 * on, as 16 hex digits, or null. */
static void
add_base(struct buf *out, int synced, unsigned long long base)
{
	if (synced)
		buf_printf(out, "\"base\":\"%016llx\"", base);
	else
		buf_adds(out, "\"base\":null");
}

/* {"base":...,"annotation":SIDECAR LINE} */
static void
add_annot_line(struct buf *out, const struct annot *a, int synced,
    unsigned long long base)
{
	struct w3c_ctx c;
	char *line;

	w3c_ctx_init(&c, W3C_BYTES, 1);
	line = w3c_line(a, &c);
	buf_addc(out, '{');
	add_base(out, synced, base);
	buf_adds(out, ",\"annotation\":");
	buf_adds(out, line);
	buf_adds(out, "}\n");
	free(line);
}

/* {"deleted":ID,"base":...} */
static void
add_deleted(struct buf *out, const char *id, int synced,
    unsigned long long base)
{
	json_t *j = json_object();
	char *s;

	json_object_set_new(j, "deleted", json_string(id));
	if ((s = json_dumps(j, JSON_COMPACT)) == NULL)
		fatalx("cannot encode a rescue file line as JSON");
	json_decref(j);
	buf_add(out, s, strlen(s) - 1);		/* without the '}' */
	free(s);
	buf_addc(out, ',');
	add_base(out, synced, base);
	buf_adds(out, "}\n");
}

void
rescue_format(const struct annot_set *set, struct buf *out)
{
	const struct annot *a;
	unsigned long long base;
	size_t i;
	int synced;

	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if (unsaved(a))
			add_annot_line(out, a, a->synced, a->synced_fp);
	}
	for (i = 0; i < annot_deleted_count(set); i++) {
		const char *id = annot_deleted_at(set, i);

		annot_deleted_base(set, id, &base, &synced);
		add_deleted(out, id, synced, base);
	}
}

/* Is id changed or deleted in set (set's word then wins over an older
 * rescue file's)? */
static int
set_has_word_on(const struct annot_set *set, const char *id)
{
	const struct annot *a = annot_find(set, id);

	return a != NULL ? unsaved(a) : annot_is_deleted(set, id);
}

/* What an older rescue file holds that set does not overrule. */
static void
format_older(const struct rescue *old, const struct annot_set *set,
    struct buf *out)
{
	size_t i;

	for (i = 0; old != NULL && i < old->n; i++)
		if (!set_has_word_on(set, old->v[i]->id))
			add_annot_line(out, old->v[i], old->base[i] != 0,
			    old->base[i]);
	for (i = 0; old != NULL && i < old->ndeleted; i++)
		if (!set_has_word_on(set, old->deleted[i]))
			add_deleted(out, old->deleted[i], old->del_base[i] != 0,
			    old->del_base[i]);
}

static void
format_header(const char *sidecar_path, const char *why, struct buf *out)
{
	char now[ANNOT_TIME_LEN], *sc, *cause;
	json_t *h = json_object();

	/* JSON strings are UTF-8: a path or message that is not, lossily. */
	sc = utf8_lossy(sidecar_path, strlen(sidecar_path), NULL);
	cause = utf8_lossy(why != NULL ? why : "", why != NULL ? strlen(why) :
	    0, NULL);
	annot_now(now);
	json_object_set_new(h, "type", json_string(RESCUE_TYPE));
	json_object_set_new(h, "version", json_integer(RESCUE_VERSION));
	json_object_set_new(h, "sidecar", json_string(sc));
	json_object_set_new(h, "written", json_string(now));
	json_object_set_new(h, "cause", json_string(cause));
	add_json_line(out, h);
	free(sc);
	free(cause);
}

int
rescue_write(const char *sidecar_path, const char *why,
    const struct annot_set *set, char **path, char **cause)
{
	struct rescue *old = NULL;
	struct buf out;
	char *file, *ignored = NULL;
	int rc;

	if ((file = rescue_path(sidecar_path, cause)) == NULL)
		return -1;
	if (paths_mkdir_parents(file) != 0) {
		*cause = xasprintf("%s: %s", file, strerror(errno));
		free(file);
		return -1;
	}
	/* An older rescue file that cannot be read is not overwritten. */
	if (rescue_load(sidecar_path, &old, &ignored) != 0) {
		*cause = xasprintf("%s (left as it is)", ignored);
		free(ignored);
		free(file);
		return -1;
	}
	buf_init(&out);
	format_header(sidecar_path, why, &out);
	format_older(old, set, &out);
	rescue_format(set, &out);
	rescue_free(old);
	rc = atomic_write(file, out.data, out.len, ATOMIC_PRIVATE, cause);
	buf_free(&out);
	if (rc == 0)
		*path = file;
	else
		free(file);
	return rc;
}

int
rescue_remove(const struct rescue *r, char **cause)
{
	if (unlink(r->path) == -1 && errno != ENOENT) {
		*cause = xasprintf("%s: %s", r->path, strerror(errno));
		return -1;
	}
	return 0;
}
