/*
 * fuzz_roundtrip.c: import, save, reopen, export, import again.  The
 * first byte of the input picks the importer (even: JSON, odd: brat);
 * the rest is imported against a fixed hostile article (escape
 * sequences, C1 and bidi controls, invalid UTF-8, CRLF).  Then:
 *   - the annotations are saved as the article's sidecar and reopened:
 *     the same annotations come back, none lost, none changed;
 *   - every export format is written: text, Markdown and brat hold no
 *     ESC and no control character but line ends and tabs; CSV as the
 *     command line writes it to a terminal (termsafe) neither; JSON
 *     and brat exports import again without error, JSON giving back
 *     as many annotations.
 */
#include "fuzz.h"

#include "artread/annot.h"
#include "artread/export.h"
#include "artread/import.h"
#include "artread/sidecar.h"
#include "artread/termsafe.h"
#include "artread/util.h"

static const char article[] =
    "Council \033]0;PWNED\007 approves bridge\r\n"
    "\r\n"
    "The council voted \033[2J7-2 on Tuesday, \xc2\x9b" "2J said "
    "\xe2\x80\xae" "Mayor Lena Chen\xe2\x80\xac (\xe9\x99\x88) \xff\xfe.\r\n"
    "\"This is a historic day,\" she said.\n";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_article_file(article, sizeof(article) - 1);
	return 0;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The annotations' fingerprints, sorted: the same set gives the same. */
static uint64_t *
fingerprints(const struct annot_set *set)
{
	size_t i, n = annot_count(set);
	uint64_t *v = xcalloc(n + 1, sizeof *v);

	for (i = 0; i < n; i++)
		v[i] = annot_fingerprint(annot_at(set, i), ANNOT_FP_ALL);
	qsort(v, n, sizeof *v, cmp_u64);
	return v;
}

/* Save set as the sidecar, reopen it: the same annotations. */
static struct annot_set *
save_and_reopen(struct annot_set *set)
{
	struct annot_set *back = annot_set_new(), *none = annot_set_new();
	struct sidecar sc;
	char *cause = NULL;
	uint64_t *a, *b;

	unlink(fuzz_sidecar_path);
	memset(&sc, 0, sizeof(sc));
	if (sidecar_open(&sc, fuzz_article_path, article, sizeof(article) - 1,
	    none, &cause) != 0)
		abort();
	/* no file yet: nothing read into none; save the imported set */
	if (sidecar_save(&sc, set, &cause) != 0)
		abort();	/* a sidecar artread cannot write */
	sidecar_close(&sc);
	annot_set_free(none);
	memset(&sc, 0, sizeof(sc));
	if (sidecar_open(&sc, fuzz_article_path, article, sizeof(article) - 1,
	    back, &cause) != 0)
		abort();	/* written, but refused when read */
	sidecar_close(&sc);
	if (annot_count(back) != annot_count(set))
		abort();
	a = fingerprints(set);
	b = fingerprints(back);
	if (memcmp(a, b, annot_count(set) * sizeof *a) != 0)
		abort();	/* read back differently */
	free(a);
	free(b);
	return back;
}

/* Does s[0, n) hold ESC or a control other than \n, \r and \t? */
static int
has_control(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') ||
		    c == 0x7f)
			return 1;
	}
	return 0;
}

static char *
export_to_memory(enum export_format fmt, const struct annot_set *set,
    size_t *len)
{
	struct export_opts eo;
	char *p = NULL, *cause = NULL;
	FILE *f = open_memstream(&p, len);

	export_opts_init(&eo);
	eo.date = "2024-05-01T12:00:00.000Z";
	if (f == NULL || export_article(f, fmt, fuzz_article_path, article,
	    sizeof(article) - 1, set, NULL, &eo, &cause) != 0)
		abort();
	fclose(f);
	return p;
}

/* What the command line writes to a terminal. */
static void
check_tty_safe(const char *s, size_t n)
{
	struct termsafe ts;
	struct buf out;

	termsafe_init(&ts, TERMSAFE_LINES);
	buf_init(&out);
	termsafe_feed(&ts, s, n, &out);
	termsafe_end(&ts, &out);
	if (has_control(out.data != NULL ? out.data : "", out.len))
		abort();
	buf_free(&out);
}

static void
check_exports(const struct annot_set *set)
{
	struct annot_set *again;
	struct import_stats st;
	char *s, *cause = NULL;
	size_t n;

	s = export_to_memory(EXPORT_TEXT, set, &n);
	if (has_control(s, n))
		abort();
	free(s);
	s = export_to_memory(EXPORT_MARKDOWN, set, &n);
	if (has_control(s, n))
		abort();
	free(s);
	s = export_to_memory(EXPORT_CSV, set, &n);
	check_tty_safe(s, n);
	free(s);
	s = export_to_memory(EXPORT_BRAT, set, &n);
	if (has_control(s, n))
		abort();
	again = annot_set_new();
	if (import_buffer(IMPORT_BRAT, "export.ann", s, n, article,
	    sizeof(article) - 1, again, &st, &cause) != 0)
		abort();	/* our own brat refused */
	annot_set_free(again);
	free(s);
	s = export_to_memory(EXPORT_JSON, set, &n);
	again = annot_set_new();
	if (import_buffer(IMPORT_JSON, "export.json", s, n, article,
	    sizeof(article) - 1, again, &st, &cause) != 0 ||
	    annot_count(again) != annot_count(set))
		abort();	/* our own JSON refused, or not all of it */
	annot_set_free(again);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct annot_set *set, *back;
	struct import_stats st;
	enum import_format fmt;
	char *cause = NULL;

	if (size < 1)
		return 0;
	fmt = (data[0] & 1) ? IMPORT_BRAT : IMPORT_JSON;
	set = annot_set_new();
	if (import_buffer(fmt, "fuzz", (const char *)data + 1, size - 1,
	    article, sizeof(article) - 1, set, &st, &cause) != 0) {
		free(cause);
		annot_set_free(set);
		return 0;
	}
	back = save_and_reopen(set);
	check_exports(back);
	annot_set_free(back);
	annot_set_free(set);
	return 0;
}
