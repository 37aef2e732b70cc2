/*
 * rulesc.c: compiles a rule set into the image artread maps instead of
 * reading its files (rules_img.h): make runs it on rules/default.ini to
 * write rules/default.idx, installed beside it.  Any problem in the
 * rules is printed and fails the build.
 *
 *   rulesc INI OUT
 */
#include <stdio.h>

#include "artread/diag.h"
#include "artread/rules.h"

int
main(int argc, char **argv)
{
	struct diag d;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: rulesc INI OUT\n");
		return 2;
	}
	diag_init(&d);
	rc = rules_compile_file(argv[1], argv[2], &d);
	diag_print(&d, stderr);
	diag_free(&d);
	return rc == 0 ? 0 : 1;
}
