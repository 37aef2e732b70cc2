/*
 * modes_extract.c: artread --extract [--json] [--timeout S] URL|FILE|-, the
 * front end of the web input adapter (web.h).  The article is printed
 * only once it is complete, so a failed fetch writes nothing; Ctrl-C
 * (SIGINT), SIGTERM or SIGHUP during a fetch cancels it cleanly (exit 2).  On a terminal
 * the text is printed made safe (listing_text: control characters and
 * invisible ones as '?'); into a file or pipe, exactly as extracted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modes.h"
#include "webopen.h"
#include "artread/listing.h"
#include "artread/util.h"
#include "artread/web.h"

#define EXIT_TROUBLE	2

static void
print_json(const struct web_article *a, int tty)
{
	char *line = web_article_json(a, tty);

	puts(line);
	free(line);
}

/* On a terminal, line by line through the listings' safe writer. */
static void
print_text(const struct web_article *a, int tty)
{
	size_t s = 0, e;

	if (!tty) {
		fwrite(a->text, 1, a->len, stdout);
		return;
	}
	while (s < a->len) {
		for (e = s; e < a->len && a->text[e] != '\n'; e++)
			;
		listing_text(stdout, a->text, a->len, s, e, 0);
		fputc('\n', stdout);
		s = e + 1;
	}
}

int
modes_extract(const struct opts *o, char **files, int n)
{
	struct webopen_signals saved;
	struct fetch_opts fo;
	struct web_article a;
	char *cause, *url;
	int rc, tty = isatty(STDOUT_FILENO);

	if (n != 1) {
		fprintf(stderr, "artread: --extract reads one page (a URL, an "
		    "HTML file or -)\n");
		return EXIT_TROUBLE;
	}
	fetch_opts_init(&fo);
	if (o->timeout > 0)
		fo.timeout = o->timeout;
	fo.cancel = &webopen_cancelled;
	webopen_catch(&saved);
	url = web_is_url(files[0]) ? webopen_url(files[0]) : NULL;
	rc = web_open(url != NULL ? url : files[0], &fo, &a, &cause);
	free(url);
	webopen_release(&saved);
	if (rc != 0) {
		const char *name = webopen_display_name(files[0]);

		fprintf(stderr, "artread: ");
		listing_text(stderr, name, strlen(name), 0, strlen(name), 1);
		fprintf(stderr, ": %s\n", cause);
		free(cause);
		return EXIT_TROUBLE;
	}
	if (o->json)
		print_json(&a, tty);
	else
		print_text(&a, tty);
	web_article_free(&a);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("artread: standard output");
		return EXIT_TROUBLE;
	}
	return 0;
}
