/*
 * extract.c: artread --extract [--json] [--timeout S] URL|FILE|-, the
 * front end of the web input adapter (web.h).  The article is printed
 * only once it is complete, so a failed fetch writes nothing; Ctrl-C
 * (SIGINT) or SIGTERM during a fetch cancels it cleanly.  On a terminal
 * the text is printed made safe (listing_text: control characters and
 * invisible ones as '?'); into a file or pipe, exactly as extracted.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "artread/cli.h"
#include "artread/listing.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/web.h"

#define EXIT_TROUBLE	2

static volatile sig_atomic_t cancelled;

static void
on_signal(int sig)
{
	(void)sig;
	cancelled = 1;
}

/* Catch SIGINT and SIGTERM while fetching (restored after). */
static void
catch_signals(struct sigaction *old_int, struct sigaction *old_term)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, old_int);
	sigaction(SIGTERM, &sa, old_term);
}

static json_t *
json_text(const char *s)
{
	char *valid;
	json_t *j;

	if (s == NULL)
		return json_null();
	valid = utf8_lossy(s, strlen(s), NULL);
	j = json_string(valid);
	free(valid);
	return j;
}

static void
print_json(const struct web_article *a, int tty)
{
	json_t *o = json_object(), *names = json_array();
	char *line;
	size_t i;

	json_object_set_new(o, "title", json_text(a->meta.title));
	for (i = 0; i < a->meta.nbyline; i++)
		json_array_append_new(names, json_text(a->meta.byline[i]));
	json_object_set_new(o, "byline", names);
	json_object_set_new(o, "published", json_text(a->meta.published));
	json_object_set_new(o, "modified", json_text(a->meta.modified));
	json_object_set_new(o, "site", json_text(a->meta.site));
	json_object_set_new(o, "url", json_text(a->key_url));
	json_object_set_new(o, "text", json_text(a->text + a->body_start));
	line = json_dumps(o, JSON_COMPACT | (tty ? JSON_ENSURE_ASCII : 0));
	puts(line);
	free(line);
	json_decref(o);
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
cli_extract(const struct opts *o, char **files, int n)
{
	struct sigaction old_int, old_term;
	struct fetch_opts fo;
	struct web_article a;
	char *cause;
	int rc, tty = isatty(STDOUT_FILENO);

	if (n != 1) {
		fprintf(stderr, "artread: --extract reads one page (a URL, an "
		    "HTML file or -)\n");
		return EXIT_TROUBLE;
	}
	fetch_opts_init(&fo);
	if (o->timeout > 0)
		fo.timeout = o->timeout;
	fo.cancel = &cancelled;
	catch_signals(&old_int, &old_term);
	rc = web_open(files[0], &fo, &a, &cause);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (rc != 0) {
		const char *name = strcmp(files[0], "-") == 0 ?
		    "standard input" : files[0];

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
