/*
 * modes_track.c: the change-tracking modes: --list-annotations (each
 * annotation with its anchor state), --diff and --diff --stat (what
 * changed since the version annotated, or the last version read),
 * --forget (drop an article's kept versions) and --store (what is kept).
 * Front ends: they print and return an exit status.
 */
#include "cli/modes.h"
#include "cli/webopen.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "artread/align.h"
#include "artread/ansi.h"
#include "artread/article.h"
#include "artread/fetch.h"
#include "artread/listing.h"
#include "artread/sha256.h"
#include "artread/store.h"
#include "artread/theme.h"
#include "artread/track.h"
#include "artread/util.h"

#define EXIT_CHANGED	1
#define EXIT_TROUBLE	2

/* Open an article and load its annotations, saying on stderr what the
 * loading found; NULL (after a message) if it cannot be opened.  *rc
 * becomes EXIT_TROUBLE if the annotations could not all be read. */
static struct article *
open_annotated(const char *name, const struct opts *o, int *rc)
{
	struct article *a;
	char *msg = NULL;

	if ((a = webopen_or_say(name, o->force ? DOC_FORCE : 0, NULL)) ==
	    NULL) {
		*rc = EXIT_TROUBLE;
		return NULL;
	}
	if (article_load_annotations(a, &msg) != 0) {
		fprintf(stderr, "artread: %s\n", a->sc_error);
		*rc = EXIT_TROUBLE;
	} else if (msg != NULL)
		fprintf(stderr, "artread: %s: %s\n", a->doc->name, msg);
	free(msg);
	return a;
}

/* Safe text of s (a tag, a path): see listing_text. */
static void
put_safe(FILE *out, const char *s, size_t len)
{
	listing_text(out, s, len, 0, len, 1);
}

/* "claim,source", or "-" for none. */
static void
put_tags(FILE *out, const struct annot *a)
{
	size_t i;

	if (a->ntags == 0)
		fputc('-', out);
	for (i = 0; i < a->ntags; i++) {
		if (i > 0)
			fputc(',', out);
		put_safe(out, a->tags[i], strlen(a->tags[i]));
	}
}

/* An annotation on one line: its tags between open and close, its text,
 * and for a changed one (was not NULL) was and the text as annotated. */
static void
put_annot(FILE *out, const struct annot *a, const char *open,
    const char *close, const char *was)
{
	fputs(open, out);
	put_tags(out, a);
	fputs(close, out);
	put_safe(out, a->exact, a->exact_len);
	if (was != NULL && annot_anchor_of(a) == ANNOT_CHANGED &&
	    a->was != NULL) {
		fputs(was, out);
		put_safe(out, a->was->exact, a->was->exact_len);
	}
	fputc('\n', out);
}

/* ---- --list-annotations -------------------------------------------- */

static void
list_one(FILE *out, const struct annot *a)
{
	fprintf(out, "%zu\t%zu\t%s", a->start, a->end,
	    annot_anchor_name(annot_anchor_of(a)));
	put_annot(out, a, "\t", "\t", "\twas: ");
}

int
modes_list_annotations(const struct opts *o, char **files, int n)
{
	struct article *a;
	char *column;
	size_t k;
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		if ((a = open_annotated(files[i], o, &rc)) == NULL)
			continue;
		/* several files: a first column, as grep -H */
		column = n > 1 ? listing_file_column(a->doc->name) : NULL;
		for (k = 0; k < annot_count(a->annots); k++) {
			if (column != NULL)
				fputs(column, stdout);
			list_one(stdout, annot_at(a->annots, k));
		}
		free(column);
		article_close(a);
	}
	if (fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	return rc;
}

/* ---- --adopt --------------------------------------------------------- */

/* Adopt for one article: 0, 1 (nothing to adopt) or EXIT_TROUBLE. */
static int
adopt_one(const char *name, const struct opts *o)
{
	struct article *a;
	char *msg = NULL, *cause = NULL, *old;
	size_t n;
	int rc = 0;

	if ((a = webopen_or_say(name, o->force ? DOC_FORCE : 0, NULL)) == NULL)
		return EXIT_TROUBLE;
	if (article_load_annotations(a, &msg) != 0) {
		fprintf(stderr, "artread: %s\n", a->sc_error);
		rc = EXIT_TROUBLE;
	} else if (a->sc.renamed == 0) {
		fprintf(stderr, "artread: %s: no annotations left by a renamed "
		    "article with this text were found\n", name);
		rc = 1;
	} else {
		old = xstrdup(a->sc.renamed_path);
		if (sidecar_adopt(&a->sc, a->annots, &n, &cause) != 0) {
			fprintf(stderr, "artread: %s: %s\n", name, cause);
			rc = EXIT_TROUBLE;
		} else
			fprintf(stderr, "artread: %s: %zu annotation%s adopted "
			    "from %s%s\n", name, n, n == 1 ? "" : "s", old,
			    a->sc.renamed_path == NULL ? " (removed)" :
			    " (it could not be removed)");
		free(old);
	}
	free(msg);
	free(cause);
	article_close(a);
	return rc;
}

int
modes_adopt(const struct opts *o, char **files, int n)
{
	int i, rc = 0, r;

	for (i = 0; i < n; i++)
		if ((r = adopt_one(files[i], o)) > rc)
			rc = r;
	return rc;
}

/* ---- --diff ---------------------------------------------------------- */

/* The marks --diff puts around changes: SGR sequences of the theme's
 * diff styles on a colour terminal, else [-...-] and {+...+}. */
struct diff_look {
	struct align_marks	 m;
	struct buf		 del, ins, fold;
};

static void
look_init(struct diff_look *l, const struct theme *t, int ncolors)
{
	static const struct align_marks plain = { "[-", "-]", "{+", "+}", "",
		"" };

	buf_init(&l->del);
	buf_init(&l->ins);
	buf_init(&l->fold);
	l->m = plain;
	if (ncolors <= 0 || t == NULL)
		return;
	ansi_sgr(&l->del, theme_style(t, STYLE_EL_DIFF_DELETED), ncolors);
	ansi_sgr(&l->ins, theme_style(t, STYLE_EL_DIFF_INSERTED), ncolors);
	ansi_sgr(&l->fold, theme_style(t, STYLE_EL_DIFF_FOLD), ncolors);
	l->m.del_open = l->del.data;
	l->m.ins_open = l->ins.data;
	l->m.fold_open = l->fold.data;
	l->m.del_close = l->m.ins_close = l->m.fold_close = "\033[0m";
}

static void
look_free(struct diff_look *l)
{
	buf_free(&l->del);
	buf_free(&l->ins);
	buf_free(&l->fold);
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* How many annotations are in each state. */
static void
count_states(const struct annot_set *set, size_t count[4])
{
	size_t i;

	memset(count, 0, 4 * sizeof *count);
	for (i = 0; i < annot_count(set); i++)
		count[annot_anchor_of(annot_at(set, i))]++;
}

/* After the differences: the annotations that are not exact, with their
 * state (and the text as annotated, for a changed one). */
static void
diff_annotations(FILE *out, const struct annot_set *set)
{
	const struct annot *a;
	size_t count[4], i;
	enum annot_anchor st;

	if (annot_count(set) == 0)
		return;
	count_states(set, count);
	fprintf(out, "\nAnnotations: %zu exact, %zu moved, %zu changed, %zu "
	    "orphaned\n", count[ANNOT_EXACT], count[ANNOT_MOVED],
	    count[ANNOT_CHANGED], count[ANNOT_ORPHAN]);
	for (i = 0; i < annot_count(set); i++) {
		a = annot_at(set, i);
		if ((st = annot_anchor_of(a)) == ANNOT_EXACT)
			continue;
		fprintf(out, "  %-7s", annot_anchor_name(st));
		put_annot(out, a, " [", "] ", "\n          was: ");
	}
}

static void
diff_stat(FILE *out, const char *name, const struct align *al,
    const struct annot_set *set)
{
	struct align_stats st;
	size_t count[4];

	memset(&st, 0, sizeof st);
	if (al != NULL)
		align_stats(al, &st);
	count_states(set, count);
	put_safe(out, name, strlen(name));
	fprintf(out, ": %zu word%s inserted, %zu deleted, %zu paragraph%s "
	    "changed; annotations: %zu changed, %zu orphaned\n",
	    st.words_inserted, plural(st.words_inserted), st.words_deleted,
	    st.paras_changed, plural(st.paras_changed), count[ANNOT_CHANGED],
	    count[ANNOT_ORPHAN]);
}

/*
 * One article against the version it is compared with: 0 unchanged, 1
 * changed, 2 trouble.  The text now is kept as the last version read,
 * so the next --diff of an article without annotations starts from it.
 */
static int
diff_one(const char *name, const struct opts *o, const struct diff_look *look,
    int nth, int n)
{
	char sha[SHA256_HEX_LEN], base[SHA256_HEX_LEN], *key, *old = NULL;
	char *cause = NULL;
	const char *otext;
	struct article *a;
	struct align *al;
	size_t olen;
	int rc = 0;

	if ((a = open_annotated(name, o, &rc)) == NULL)
		return EXIT_TROUBLE;
	if (a->doc->len > STORE_MAX_TEXT) {
		fprintf(stderr, "artread: %s: over %u MiB: its versions are not "
		    "kept\n", a->doc->name, STORE_MAX_TEXT >> 20);
		article_close(a);
		return EXIT_TROUBLE;
	}
	sha256_hex(a->doc->bytes, a->doc->len, sha);
	key = track_key(a->doc->path, a->sc.url, sha);
	if (n > 1 && !o->diff_stat)
		listing_section(stdout, nth, a->doc->name);
	if (track_base(key, a->annots, sha, NULL, base) != 0) {
		fprintf(stderr, "artread: %s: no earlier version is kept (this "
		    "one is now)\n", a->doc->name);
		if (o->diff_stat)
			diff_stat(stdout, a->doc->name, NULL, a->annots);
	} else if (strcmp(base, sha) != 0 &&
	    track_text(base, &old, &olen, &cause) != 0) {
		fprintf(stderr, "artread: %s: cannot show what changed: the "
		    "version to compare with (%.12s) is not kept (%s; artread "
		    "--store lists what is)\n", a->doc->name, base, cause);
		free(cause);
		rc = EXIT_TROUBLE;
	} else {
		/* The same text as that version: nothing to fetch. */
		otext = old != NULL ? old : a->doc->bytes;
		if (old == NULL)
			olen = a->doc->len;
		al = align_texts(otext, olen, a->doc->bytes, a->doc->len);
		if (o->diff_stat)
			diff_stat(stdout, a->doc->name, al, a->annots);
		else {
			align_render_marked(al, stdout, &look->m);
			diff_annotations(stdout, a->annots);
		}
		if (rc == 0 && align_changed(al))
			rc = EXIT_CHANGED;
		align_free(al);
		free(old);
	}
	(void)track_keep(key, a->doc->bytes, a->doc->len, sha, NULL);
	free(key);
	article_close(a);
	return rc;
}

int
modes_diff(const struct opts *o, char **files, int n, const struct theme *t,
    int ncolors)
{
	struct diff_look look;
	int i, rc = 0, one;

	look_init(&look, t, ncolors);
	for (i = 0; i < n; i++) {
		one = diff_one(files[i], o, &look, i, n);
		if (one > rc)
			rc = one;
	}
	look_free(&look);
	if (fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	return rc;
}

/* ---- --forget and --store -------------------------------------------- */

/* "12 B", "3.4 KiB", "5.6 MiB", "1.2 GiB". */
static void
human_size(size_t n, char *buf, size_t len)
{
	static const char *const unit[] = { "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	size_t u = 0;

	if (n < 1024) {
		snprintf(buf, len, "%zu B", n);
		return;
	}
	for (v /= 1024; v >= 1024 && u + 1 < sizeof unit / sizeof unit[0];
	    u++)
		v /= 1024;
	snprintf(buf, len, "%.1f %s", v, unit[u]);
}

/* The key a file was kept under: its real path, or (gone) the name
 * made absolute; a URL's is the URL. */
static char *
forget_key(const char *name)
{
	char real[PATH_MAX], cwd[PATH_MAX];

	if (fetch_is_url(name))
		return webopen_url(name);
	if (realpath(name, real) != NULL)
		return xstrdup(real);
	if (name[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return xstrdup(name);
	return xasprintf("%s/%s", cwd, name);
}

/* Is sha one of dropped[0, n)? */
static int
was_dropped(char **dropped, size_t n, const char *sha)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(dropped[i], sha) == 0)
			return 1;
	return 0;
}

/* The annotations of the file at name (if it is still there) whose text
 * as annotated is no longer kept. */
static void
losing_history(const char *name, const struct opts *o, char **dropped,
    size_t n)
{
	struct article *a;
	const struct annot *an;
	size_t i, lost = 0;
	int rc = 0;

	if (access(name, F_OK) != 0 || (a = open_annotated(name, o, &rc)) ==
	    NULL)
		return;
	for (i = 0; i < annot_count(a->annots); i++) {
		an = annot_at(a->annots, i);
		if (!was_dropped(dropped, n, an->version))
			continue;
		if (lost++ == 0)
			printf("These annotations lose the text they were made "
			    "on (they are re-anchored by their context from now "
			    "on):\n");
		printf("  %-7s", annot_anchor_name(annot_anchor_of(an)));
		put_annot(stdout, an, " [", "] ", NULL);
	}
	article_close(a);
}

static int
forget_one(struct store *st, const char *name, const struct opts *o)
{
	struct store_version *v;
	char *key = forget_key(name), *cause = NULL, **dropped = NULL, size[32];
	size_t nv = 0, nd = 0, freed = 0, i;

	if (store_list(st, key, &v, &nv, &cause) != STORE_OK ||
	    store_forget(st, key, &dropped, &nd, &cause) != STORE_OK) {
		fprintf(stderr, "artread: %s: %s\n", name, cause);
		free(cause);
		free(key);
		return EXIT_TROUBLE;
	}
	/* Nothing kept of a name that is not there: a typo, most likely. */
	if (nv == 0 && (fetch_is_url(name) || access(name, F_OK) != 0)) {
		fputs("artread: ", stderr);
		put_safe(stderr, name, strlen(name));
		fprintf(stderr, ": %sno version of it is kept (artread --store "
		    "lists what is)\n", fetch_is_url(name) ? "" :
		    "no such file, and ");
		store_versions_free(v, nv);
		store_shas_free(dropped, nd);
		free(key);
		return EXIT_TROUBLE;
	}
	for (i = 0; i < nv; i++)
		if (was_dropped(dropped, nd, v[i].sha))
			freed += v[i].stored;
	human_size(freed, size, sizeof size);
	put_safe(stdout, name, strlen(name));
	printf(": forgot %zu version%s (%s freed)\n", nv, plural(nv), size);
	losing_history(name, o, dropped, nd);
	store_versions_free(v, nv);
	store_shas_free(dropped, nd);
	free(key);
	return 0;
}

int
modes_forget(const struct opts *o, char **files, int n)
{
	struct store *st = track_store();
	int i, rc = 0;

	if (st == NULL) {
		fprintf(stderr, "artread: no version store (set HOME or "
		    "XDG_DATA_HOME)\n");
		return EXIT_TROUBLE;
	}
	for (i = 0; i < n; i++)
		if (forget_one(st, files[i], o) != 0)
			rc = EXIT_TROUBLE;
	if (fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	return rc;
}

static void
store_line(const struct store_version *v)
{
	char when[32], size[32], stored[32];
	struct tm tm;

	human_size(v->size, size, sizeof size);
	human_size(v->stored, stored, sizeof stored);
	if (localtime_r(&v->used, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(when, sizeof when, "?");
	printf("  %.12s  %10s  %10s on disk  %s%s%s\n", v->sha, size, stored,
	    when, v->last ? "  last read" : "", v->pinned ? "  annotated" :
	    "");
}

/* Versions grouped by article (by key), each article's most recently
 * used first, as store_list gives them. */
static const struct store_version *by_key_of;

static int
by_key(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(by_key_of[x].key, by_key_of[y].key);

	return c != 0 ? c : (x > y) - (x < y);
}

int
modes_store(const struct opts *o, size_t cap)
{
	struct store *st = track_store();
	struct store_version *v;
	struct store_stats s;
	char *cause = NULL, total[32], limit[32];
	size_t n, i, *ix;

	(void)o;
	if (st == NULL) {
		fprintf(stderr, "artread: no version store (set HOME or "
		    "XDG_DATA_HOME)\n");
		return EXIT_TROUBLE;
	}
	if (store_list(st, NULL, &v, &n, &cause) != STORE_OK ||
	    store_stats(st, &s, &cause) != STORE_OK) {
		fprintf(stderr, "artread: %s\n", cause);
		free(cause);
		return EXIT_TROUBLE;
	}
	ix = xreallocarray(NULL, n + 1, sizeof *ix);
	for (i = 0; i < n; i++)
		ix[i] = i;
	by_key_of = v;
	qsort(ix, n, sizeof *ix, by_key);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(v[ix[i]].key, v[ix[i - 1]].key) != 0) {
			put_safe(stdout, v[ix[i]].key, strlen(v[ix[i]].key));
			fputc('\n', stdout);
		}
		store_line(&v[ix[i]]);
	}
	free(ix);
	human_size(s.bytes, total, sizeof total);
	human_size(cap != 0 ? cap : STORE_DEFAULT_CAP, limit, sizeof limit);
	printf("%zu article%s, %zu version%s (%zu text%s, %zu annotated): %s "
	    "on disk of %s, in ", s.articles, plural(s.articles), s.versions,
	    plural(s.versions), s.texts, plural(s.texts), s.pinned, total,
	    limit);
	put_safe(stdout, store_dir(st), strlen(store_dir(st)));
	fputc('\n', stdout);
	store_versions_free(v, n);
	return fflush(stdout) != 0 ? EXIT_TROUBLE : 0;
}
