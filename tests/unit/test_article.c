/* test_article.c: an article over an open document: a web article's
 * annotations kept by its URL, the file stem made from a headline, and
 * the analysis asked for without waiting. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/article.h"
#include "artread/diag.h"
#include "artread/rules.h"
#include "artread/sha256.h"
#include "artread/track.h"
#include "artread/util.h"

static char tmpdir[PATH_MAX];

static int
setup(void **state)
{
	(void)state;
	track_use_store(NULL);		/* no version store: not needed */
	if (testutil_mkdtemp(tmpdir, "article") != 0)
		return -1;
	return setenv("XDG_DATA_HOME", tmpdir, 1);
}

static int
teardown(void **state)
{
	(void)state;
	unsetenv("XDG_DATA_HOME");
	return testutil_rmtree(tmpdir);
}

static struct article *
web_article(const char *url, const char *text)
{
	struct article *a = article_from_doc(doc_from_memory(url, text,
	    strlen(text)), NULL);

	article_set_url(a, url);
	return a;
}

static void
load(struct article *a)
{
	char *msg = NULL;

	assert_int_equal(article_load_annotations(a, &msg), 0);
	free(msg);
}

#define FERRY	"Ferry cut\n\nTwo sailings a day, said the operator.\n"

static void
annotations_by_url(void **state)
{
	const char *url = "https://news.example/ferry";
	char sha[SHA256_HEX_LEN], *want, *cause = NULL;
	struct article *a;
	struct stat st;

	(void)state;
	a = web_article(url, FERRY);
	load(a);
	assert_int_equal(annot_count(a->annots), 0);
	annot_add(a->annots, FERRY, strlen(FERRY), 11, 28, "claim", NULL);
	assert_int_equal(article_save_annotations(a, &cause), 0);
	sha256_hex(url, strlen(url), sha);
	want = xasprintf("%s/artread/annotations/by-url/%s.annotations.jsonl",
	    tmpdir, sha);
	assert_string_equal(a->sc.path, want);
	assert_int_equal(stat(want, &st), 0);
	assert_string_equal(a->sc.url, url);	/* every target's source */
	article_close(a);

	/* The same URL: its annotations; another URL: none. */
	a = web_article(url, FERRY);
	load(a);
	assert_int_equal(annot_count(a->annots), 1);
	assert_string_equal(annot_at(a->annots, 0)->tags[0], "claim");
	article_close(a);
	a = web_article("https://news.example/ferry?page=2", FERRY);
	load(a);
	assert_int_equal(annot_count(a->annots), 0);
	article_close(a);
	free(want);
}

static void
file_stem(void **state)
{
	static const struct {
		const char *text, *stem;
	} rows[] = {
		{ "Island ferry timetable cut for the winter\n\nBody.\n",
		    "island-ferry-timetable-cut-for-the-winter" },
		{ "  “Not now,” says Mayor — 2026!\n", "not-now-says-mayor-2026" },
		{ "Ça coûte\n", "a-co-te" },	/* ASCII letters only */
		{ "— … —\n\nBody.\n", "article" },
		{ "", "article" },
		/* Past 60 bytes: whole words only. */
		{ "Aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee "
		    "ffff gggg\n", "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-"
		    "dddddddddd-eeeeeeeeee-ffff" },
		{ "Aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffff"
		    "gggg\n", "aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeee"
		    "ffffffffff" },	/* one word: cut at 60 */
	};
	struct article *a;
	char *stem;
	size_t i;

	(void)state;
	for (i = 0; i < testutil_nelem(rows); i++) {
		a = article_from_doc(doc_from_memory("x", rows[i].text,
		    strlen(rows[i].text)), NULL);
		stem = article_file_stem(a);
		assert_string_equal(stem, rows[i].stem);
		assert_true(strlen(stem) <= 60);
		free(stem);
		article_close(a);
	}
}

/* A URL that ends in '/' (a WordPress permalink) showed no name. */
static void
short_name(void **state)
{
	static const struct {
		const char *name, *url, *path, *want;
	} rows[] = {
		{ "https://news.example/2026/03/ferry-cut/", "u", NULL,
		    "ferry-cut" },
		{ "https://news.example/world/story.html?id=7", "u", NULL,
		    "story.html?id=7" },
		{ "https://news.example/", "u", NULL, "news.example" },
		{ "https://news.example", "u", NULL, "news.example" },
		{ "notes/story.txt", NULL, "notes/story.txt", "story.txt" },
		{ "story.txt", NULL, "story.txt", "story.txt" },
		{ "-", NULL, NULL, "-" },
	};
	struct article *a;
	struct doc *d;
	char *name;
	size_t i;

	(void)state;
	for (i = 0; i < testutil_nelem(rows); i++) {
		d = doc_from_memory(rows[i].name, "x\n", 2);
		if (rows[i].path != NULL)
			d->path = xstrdup(rows[i].path);
		a = article_from_doc(d, NULL);
		if (rows[i].url != NULL)
			article_set_url(a, rows[i].name);
		name = article_short_name(a);
		assert_string_equal(name, rows[i].want);
		free(name);
		article_close(a);
	}
}

/* article_analysis_have never starts a job (the pager paints first and
 * only then asks article_analysis_ready, which does); once the job is
 * in, both give the same analysis. */
static void
analysis_have_starts_nothing(void **state)
{
	static const char text[] = "Ferry cut\n\nThe fare is 15% higher, "
	    "said the operator.\n";
	const char *paths[1];
	char ini[PATH_MAX + 16];
	const struct analysis *an;
	struct article *a;
	struct rules *r;
	struct diag d;
	FILE *f;

	(void)state;
	snprintf(ini, sizeof ini, "%s/rules.ini", tmpdir);
	f = fopen(ini, "w");
	assert_non_null(f);
	fputs("[rule.percent]\ntype = PERCENT\npattern = \\d+%\n", f);
	assert_int_equal(fclose(f), 0);
	paths[0] = ini;
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	assert_non_null(r);
	assert_int_equal(d.errors, 0);
	a = article_from_doc(doc_from_memory("x", text, sizeof text - 1), r);
	assert_null(article_analysis_have(a, 0, sizeof text - 1));
	assert_false(article_analysis_busy(a));
	if ((an = article_analysis_ready(a, 0, sizeof text - 1)) == NULL) {
		assert_true(article_analysis_busy(a));
		while (!article_analysis_poll(a))
			usleep(1000);
	}
	an = article_analysis_have(a, 0, sizeof text - 1);
	assert_non_null(an);
	assert_ptr_equal(an, article_analysis_ready(a, 0, sizeof text - 1));
	assert_int_equal(an->nents, 1);
	article_close(a);
	rules_free(r);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(annotations_by_url, setup,
		    teardown),
		cmocka_unit_test(file_stem),
		cmocka_unit_test(short_name),
		cmocka_unit_test_setup_teardown(analysis_have_starts_nothing,
		    setup, teardown),
	};
	testutil_private_data();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
