/*
 * diag.c: the diagnostics list.  Messages quote what files hold (a tag,
 * a key, a rule's name, jansson's "near '...'"): every message is made
 * safe for a terminal when it is printed, so no caller can forget.
 */
#include "artread/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/termsafe.h"

void
diag_init(struct diag *d)
{
	d->msgs = NULL;
	d->is_error = NULL;
	d->n = d->errors = d->warnings = d->dropped = 0;
}

void
diag_free(struct diag *d)
{
	util_free_list(d->msgs, d->n);
	free(d->is_error);
	diag_init(d);
}

/* Is msg kept already?  A file loaded twice (a theme that others
 * inherit, checked once itself and once under each child) says its
 * problems once. */
static int
diag_has(const struct diag *d, int is_error, const char *msg)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->is_error[i] == is_error && strcmp(d->msgs[i], msg) == 0)
			return 1;
	return 0;
}

static void
diag_add(struct diag *d, int is_error, const char *fmt, va_list ap)
{
	char *msg = NULL;

	if (d->n < DIAG_MAX) {
		msg = xvasprintf(fmt, ap);
		if (diag_has(d, is_error, msg)) {
			free(msg);
			return;
		}
	}
	if (is_error)
		d->errors++;
	else
		d->warnings++;
	if (msg == NULL) {	/* past DIAG_MAX: counted only */
		d->dropped++;
		return;
	}
	d->msgs = xreallocarray(d->msgs, d->n + 1, sizeof *d->msgs);
	d->is_error = xreallocarray(d->is_error, d->n + 1, sizeof *d->is_error);
	d->msgs[d->n] = msg;
	d->is_error[d->n] = is_error;
	d->n++;
}

void
diag_error(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, 1, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, 0, fmt, ap);
	va_end(ap);
}

void
diag_print(const struct diag *d, void *stdio_file)
{
	FILE *f = stdio_file;
	size_t i;
	char *safe;

	for (i = 0; i < d->n; i++) {
		safe = termsafe_str(d->msgs[i], TERMSAFE_TABS);
		fprintf(f, "artread: %s%s\n", d->is_error[i] ? "" : "warning: ",
		    safe);
		free(safe);
	}
	if (d->dropped > 0)
		fprintf(f, "artread: ... and %zu more (not shown)\n", d->dropped);
}
