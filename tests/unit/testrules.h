/*
 * testrules.h: what the analysis tests share: the default rule set
 * loaded once (setup/teardown for cmocka), and run() to analyse a text
 * into A, with T the text analysed.
 */
#ifndef ARTREAD_TESTRULES_H
#define ARTREAD_TESTRULES_H

#include <string.h>

#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"

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

#endif
