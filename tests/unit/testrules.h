/*
 * testrules.h: what the analysis tests share: the default rule set
 * loaded once (setup/teardown for cmocka), and run() to analyse a text
 * into A, with T the text analysed; testrules_read_dir to read articles.
 */
#ifndef ARTREAD_TESTRULES_H
#define ARTREAD_TESTRULES_H

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"
#include "artread/util.h"

static struct rules *R;
static struct analysis A;
static const char *T;

static void run(const char *) __attribute__((unused));

static void
run(const char *text)
{
	analysis_free(&A);
	T = text;
	analysis_run(R, text, strlen(text), &A);
}

static int
setup(void **state)
{
	const char *p = "rules/default.ini";
	struct diag d;

	(void)state;
	testutil_chdir_root(p);
	diag_init(&d);
	R = rules_load(&p, 1, &d);
	diag_free(&d);
	return R == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	analysis_free(&A);
	rules_free(R);
	return 0;
}

/* Every .txt of dir, one after another, into b. */
static void __attribute__((unused))
testrules_read_dir(const char *dir, struct buf *b)
{
	struct dirent **names;
	char *path, *text;
	size_t len;
	int n, i;

	n = scandir(dir, &names, NULL, alphasort);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		size_t k = strlen(names[i]->d_name);

		if (k > 4 && strcmp(names[i]->d_name + k - 4, ".txt") == 0) {
			path = xasprintf("%s/%s", dir, names[i]->d_name);
			text = util_read_file(path, &len);
			assert_non_null(text);
			buf_add(b, text, len);
			buf_adds(b, "\n\n");
			free(text);
			free(path);
		}
		free(names[i]);
	}
	free(names);
}

#endif
