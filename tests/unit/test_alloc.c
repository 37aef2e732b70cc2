/*
 * test_alloc.c: what happens when an allocation fails.
 *
 * Allocation failure is fatal by design.  The x* wrappers in util.c
 * never return NULL: when malloc fails they call fatalx, which runs the
 * fatal hook (the pager's hook restores the terminal), prints
 * "artread: out of memory (...)" on stderr and exits with status 2.
 * No caller has to handle NULL, so no half-built state (a doc without
 * its index, a rule set missing a rule, an annotation missing its
 * anchor) can ever be used or saved.  Nothing the user made is lost
 * either: every change is saved to the sidecar at once, and the sidecar
 * is replaced atomically (temporary file, fsync, rename), so a fatal
 * exit at any moment leaves the previous complete file on disk.
 *
 * So for each operation below, and each n = 1, 2, ... until the
 * operation completes without reaching its nth allocation, a child
 * process makes the nth allocation fail (util_fail_alloc_after) and
 * runs the operation.  The child must either complete normally (exit
 * 0) or exit with status 2 after running the fatal hook and printing
 * "artread: out of memory": never die of a signal (a NULL dereference,
 * an ASan report, an abort) or exit with another status.
 */
#include "testutil.h"

#include <errno.h>
#include <jansson.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "artread/analysis.h"
#include "artread/annot.h"
#include "artread/diag.h"
#include "artread/doc.h"
#include "artread/layout.h"
#include "artread/rules.h"
#include "artread/w3c.h"
#include "artread/util.h"

/* Give up past this many allocations (a runaway loop, not a result). */
#define MAX_N	20000

static int in_child;

/*
 * LeakSanitizer (in the ASan build) would report, at the child's
 * exit(2), whatever the interrupted operation had allocated, and change
 * the exit status.  Leaking then is expected: the process is ending.
 */
int __lsan_is_turned_off(void);
int
__lsan_is_turned_off(void)
{
	return in_child;
}

static void
fatal_hook(void)
{
	static const char msg[] = "fatal hook ran\n";

	/* What the pager's hook does: restore the terminal, before the
	 * message is printed. */
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(3);
}

/*
 * Run op in a child with the nth allocation failing.  Returns 1 if the
 * operation completed, 0 if it hit the failure (and exited as it must);
 * fails the test otherwise.
 */
static int
run_failing(void (*op)(void), unsigned long n)
{
	char out[4096];
	int fds[2], status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		in_child = 1;
		/* cmocka catches these to fail a test and carry on; in
		 * the child they must kill it, for the parent to see. */
		signal(SIGSEGV, SIG_DFL);
		signal(SIGBUS, SIG_DFL);
		signal(SIGILL, SIG_DFL);
		signal(SIGFPE, SIG_DFL);
		signal(SIGABRT, SIG_DFL);
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		close(fds[1]);
		util_set_fatal_hook(fatal_hook);
		util_fail_alloc_after(n);
		op();
		util_fail_alloc_after(0);
		exit(0);
	}
	close(fds[1]);
	testutil_read_close(fds[0], out, sizeof out);
	assert_int_equal(waitpid(pid, &status, 0), pid);

	if (WIFSIGNALED(status))
		fail_msg("allocation %lu: killed by signal %d: %s", n,
		    WTERMSIG(status), out);
	if (!WIFEXITED(status))
		fail_msg("allocation %lu: did not exit", n);
	if (WEXITSTATUS(status) == 0)
		return 1;
	if (WEXITSTATUS(status) != 2)
		fail_msg("allocation %lu: exit status %d: %s", n,
		    WEXITSTATUS(status), out);
	if (strstr(out, "artread: out of memory") == NULL)
		fail_msg("allocation %lu: exit 2 without the message: %s", n,
		    out);
	if (strstr(out, "fatal hook ran\n") == NULL ||
	    strstr(out, "fatal hook ran\n") > strstr(out, "artread: "))
		fail_msg("allocation %lu: fatal hook did not run first: %s",
		    n, out);
	return 0;
}

/* Every allocation of op fails in turn; returns how many there were. */
static unsigned long
fail_each(void (*op)(void))
{
	unsigned long n;

	for (n = 1; n <= MAX_N; n++)
		if (run_failing(op, n)) {
			print_message("%lu allocations, each failed in turn\n",
			    n - 1);
			return n - 1;
		}
	fail_msg("still allocating after %d allocations", MAX_N);
	return 0;
}

/* ---- the operations --------------------------------------------------- */

static const char article[] =
    "Council approves harbour bridge\n"
    "\n"
    "The council voted 7-2 on Tuesday to approve the budget, which "
    "raises spending by 4%.  \"This is a historic day,\" said Mayor Lena "
    "Chen (\xe9\x99\x88) in Lisbon.\n"
    "A second line\twith a tab, an escape \x1b[31m and a bad byte \xff.\n"
    "\n"
    "Last paragraph.\n";

static void
op_load_doc(void)
{
	struct range p;
	struct doc *d;
	int n = 0;

	d = doc_from_memory("story.txt", article, sizeof(article) - 1);
	if (doc_para_at(d, 0, &p))
		do
			n++;
		while (doc_para_next(d, &p, &p));
	doc_free(d);
}

static void
op_open_doc(void)
{
	char *cause = NULL;
	struct doc *d;

	d = doc_open("sample-articles/01-harbour-bridge-vote.txt", 0, &cause);
	if (d == NULL) {
		free(cause);
		exit(4);	/* not an allocation failure: fails the test */
	}
	doc_free(d);
}

static void
op_layout_para(void)
{
	struct layout_opts lo = { 20, 1 };
	struct layout_cells cells = { 0 };
	struct layout_para lp;
	struct range p;
	struct doc *d;
	size_t i;

	d = doc_from_memory("story.txt", article, sizeof(article) - 1);
	if (doc_para_at(d, 0, &p) && doc_para_next(d, &p, &p)) {
		layout_para(d, &p, &lo, &lp);
		for (i = 0; i < lp.nrows; i++)
			layout_row_cells(d, &lp.rows[i], &lo, &cells);
		layout_cells_free(&cells);
		layout_para_free(&lp);
	}
	doc_free(d);
}

static const char sidecar_line[] =
    "{\"id\":\"4a30756f7be0c89347882e954d0546bc\",\"type\":\"Annotation\","
    "\"created\":\"2024-05-01T12:00:00.000Z\","
    "\"modified\":\"2024-05-01T12:00:01.000Z\","
    "\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\","
    "\"value\":\"claim\"},{\"type\":\"TextualBody\",\"purpose\":\"tagging\","
    "\"value\":\"source\"},{\"type\":\"TextualBody\","
    "\"purpose\":\"commenting\",\"value\":\"check the count\"}],"
    "\"target\":{\"selector\":[{\"type\":\"TextPositionSelector\","
    "\"unit\":\"byte\",\"start\":4,\"end\":12},"
    "{\"type\":\"TextQuoteSelector\",\"exact\":\"cil appr\","
    "\"prefix\":\"Coun\",\"suffix\":\"oves harbour bridge\\n\\nThe council\","
    "\"exact_b64\":\"Y2lsIGFwcHI=\"}]},\"orphaned\":false,"
    "\"creator\":{\"name\":\"kept\"},\"artread\":{\"anchor\":\"changed\","
    "\"was\":{\"exact\":\"old\"},\"x\":1}}";

static void
op_parse_sidecar_line(void)
{
	json_error_t err;
	json_t *obj;
	struct w3c_ctx c;
	struct annot *a;
	char *cause = NULL, *back;

	obj = json_loads(sidecar_line, 0, &err);
	if (obj == NULL)
		exit(4);
	w3c_ctx_init(&c, W3C_BYTES, 1);
	a = w3c_decode(obj, &c, &cause);
	json_decref(obj);
	if (a == NULL) {
		free(cause);
		exit(4);
	}
	back = w3c_line(a, &c);
	free(back);
	annot_free(a);
}

static char rules_path[128];

static void
op_load_rules(void)
{
	const char *paths[1] = { rules_path };
	struct analysis an;
	struct rules *r;
	struct diag d;

	diag_init(&d);
	r = rules_load(paths, 1, &d);
	if (d.errors > 0 || rules_count(r) != 3)
		exit(4);
	analysis_run(r, article, sizeof(article) - 1, &an);
	analysis_free(&an);
	rules_free(r);
	diag_free(&d);
}

/* ---- the tests -------------------------------------------------------- */

static void
doc_from_memory_fails_cleanly(void **state)
{
	(void)state;
	assert_true(fail_each(op_load_doc) > 0);
}

static void
doc_open_fails_cleanly(void **state)
{
	(void)state;
	assert_true(fail_each(op_open_doc) > 0);
}

static void
layout_fails_cleanly(void **state)
{
	(void)state;
	assert_true(fail_each(op_layout_para) > 0);
}

static void
sidecar_line_fails_cleanly(void **state)
{
	(void)state;
	assert_true(fail_each(op_parse_sidecar_line) > 0);
}

static void
rules_load_fails_cleanly(void **state)
{
	(void)state;
	assert_true(fail_each(op_load_rules) > 0);
}

static int
setup_rules(void **state)
{
	static const char ini[] =
	    "[lists]\n"
	    "given = names.txt\n"
	    "[quotes]\n"
	    "pairs = \xe2\x80\x9c\xe2\x80\x9d \"\"\n"
	    "inner = \xe2\x80\x98\xe2\x80\x99\n"
	    "verbs = said, says, told\n"
	    "[rule.money]\n"
	    "type = MONEY\n"
	    "pattern = [$\xc2\xa3\xe2\x82\xac]\\d(?:[\\d,.]*\\d)?\n"
	    "[rule.percent]\n"
	    "type = PERCENT\n"
	    "priority = 60\n"
	    "pattern = (?<e>\\d+(?:\\.\\d+)?)\\s?%\n"
	    "[rule.handle]\n"
	    "type = HANDLE\n"
	    "pattern = @[A-Za-z0-9_]{1,15}\n"
	    "flags = i\n";
	char dir[64], names[128];
	FILE *f;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/artread-alloc.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(rules_path, sizeof(rules_path), "%s/rules.ini", dir);
	snprintf(names, sizeof(names), "%s/names.txt", dir);
	f = fopen(rules_path, "w");
	assert_non_null(f);
	fputs(ini, f);
	assert_int_equal(fclose(f), 0);
	f = fopen(names, "w");
	assert_non_null(f);
	fputs("# given names\nLena\nAna\n", f);
	assert_int_equal(fclose(f), 0);
	return 0;
}

static int
teardown_rules(void **state)
{
	char names[128], *slash;

	(void)state;
	snprintf(names, sizeof(names), "%s", rules_path);
	unlink(rules_path);
	slash = strrchr(names, '/');
	strcpy(slash, "/names.txt");
	unlink(names);
	*slash = '\0';
	rmdir(names);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(doc_from_memory_fails_cleanly),
		cmocka_unit_test(doc_open_fails_cleanly),
		cmocka_unit_test(layout_fails_cleanly),
		cmocka_unit_test(sidecar_line_fails_cleanly),
		cmocka_unit_test(rules_load_fails_cleanly),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup_rules, teardown_rules);
}
