/*
 * webopen.c: an article from a text file, an HTML page or a URL (see
 * webopen.h).
 */
#include "cli/webopen.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/atomic.h"
#include "artread/rescue.h"
#include "artread/sha256.h"
#include "artread/sidepath.h"
#include "artread/store.h"
#include "artread/track.h"
#include "artread/util.h"
#include "artread/web.h"

volatile sig_atomic_t webopen_cancelled;

/* A SIGTERM or SIGHUP that cancelled the fetch: passed on after it. */
static volatile sig_atomic_t quit_signal;

static long fetch_timeout;

static void
on_signal(int sig)
{
	webopen_cancelled = 1;
	if (sig != SIGINT)
		quit_signal = sig;
}

void
webopen_catch(struct webopen_signals *saved)
{
	struct sigaction sa;

	webopen_cancelled = 0;
	quit_signal = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &saved->old_int);
	sigaction(SIGTERM, &sa, &saved->old_term);
	sigaction(SIGHUP, &sa, &saved->old_hup);
}

void
webopen_release(const struct webopen_signals *saved)
{
	sigaction(SIGINT, &saved->old_int, NULL);
	sigaction(SIGTERM, &saved->old_term, NULL);
	sigaction(SIGHUP, &saved->old_hup, NULL);
}

void
webopen_pass_on(void)
{
	struct sigaction now;
	int sig = quit_signal;

	quit_signal = 0;
	if (sig == 0)
		return;
	/* A signal that kills (not one nohup ignores): no exit() to
	 * remove -o FILE's temporary file. */
	if (sigaction(sig, NULL, &now) == 0 && now.sa_handler == SIG_DFL)
		atomic_remove_open();
	raise(sig);
}

void
webopen_set_timeout(long seconds)
{
	fetch_timeout = seconds;
}

char *
webopen_url(const char *name)
{
	return xstrndup(name, strcspn(name, "#"));
}

const char *
webopen_display_name(const char *name)
{
	return strcmp(name, "-") == 0 ? "standard input" : name;
}

/* An article over a web article's text; path: the HTML file's (its
 * annotations sit beside it), or NULL. */
static struct article *
from_web(const char *name, const char *path, const struct web_article *w,
    const struct rules *r)
{
	struct doc *d = doc_from_memory(name, w->text, w->len);

	if (path != NULL)
		d->path = xstrdup(path);
	return article_from_doc(d, r);
}

/* Keep a fetched text under key (the store is best effort). */
static void
keep_text(const char *key, const struct article *a)
{
	char sha[SHA256_HEX_LEN], prev[SHA256_HEX_LEN];

	(void)track_keep(key, a->doc->bytes, a->doc->len, sha, prev);
}

/* Are there annotations kept by url (sidepath_locate_url's file)? */
static int
has_sidecar(const char *url)
{
	char *dir = sidepath_data_dir_name(), *path, sha[SHA256_HEX_LEN];
	struct stat st;
	int found;

	if (dir == NULL)
		return 0;
	sha256_hex(url, strlen(url), sha);
	path = xasprintf("%s/" SIDEPATH_BY_URL "/%s" SIDEPATH_SUFFIX, dir, sha);
	found = stat(path, &st) == 0;
	free(path);
	free(dir);
	return found;
}

/*
 * The last text kept for url: *text, *len, when it was read, and the
 * URL its annotations are kept by: url if it has some, else another URL
 * kept with the same text that has (the canonical URL of the page url
 * named), else url.  0, or -1.
 */
static int
kept_copy(const char *url, char **text, size_t *len, time_t *when,
    char **key)
{
	struct store *st = track_store();
	struct store_version *v = NULL, *all = NULL;
	size_t n = 0, nall = 0, i;
	char *cause = NULL;
	int rc = -1;

	if (st == NULL || store_list(st, url, &v, &n, &cause) != STORE_OK ||
	    n == 0)
		goto out;
	for (i = 1; i < n && !v[0].last; i++)
		if (v[i].last) {
			struct store_version t = v[0];

			v[0] = v[i];
			v[i] = t;
		}
	if (track_text(v[0].sha, text, len, &cause) != 0)
		goto out;
	*when = v[0].used;
	*key = NULL;
	if (!has_sidecar(url) && store_list(st, NULL, &all, &nall, &cause) ==
	    STORE_OK)
		for (i = 0; i < nall && *key == NULL; i++)
			if (strcmp(all[i].sha, v[0].sha) == 0 &&
			    web_is_url(all[i].key) && has_sidecar(all[i].key))
				*key = xstrdup(all[i].key);
	if (*key == NULL)
		*key = xstrdup(url);
	rc = 0;
out:
	store_versions_free(v, n);
	store_versions_free(all, nall);
	free(cause);
	return rc;
}

/* The URL could not be fetched (why): the copy kept, if there is one. */
static struct article *
open_kept(const char *url, const struct rules *r, const char *why)
{
	struct article *a;
	char *text, *key, date[32];
	size_t len;
	time_t when;

	if (kept_copy(url, &text, &len, &when, &key) != 0)
		return NULL;
	a = article_from_doc(doc_from_memory(url, text, len), r);
	free(text);
	article_set_url(a, key);
	free(key);
	strftime(date, sizeof date, "%Y-%m-%d %H:%M", localtime(&when));
	/* What matters first: a status line cuts the rest. */
	a->note = xasprintf("cannot fetch it: showing the text read on %s (%s)",
	    date, why);
	return a;
}

static struct article *
open_url(const char *url, const struct rules *r, char **cause)
{
	struct webopen_signals saved;
	struct fetch_opts fo;
	struct web_article w;
	struct article *a;
	int rc;

	fetch_opts_init(&fo);
	if (fetch_timeout > 0)
		fo.timeout = fetch_timeout;
	fo.cancel = &webopen_cancelled;
	webopen_catch(&saved);
	rc = web_open(url, &fo, &w, cause);
	webopen_release(&saved);
	if (rc != 0) {
		if (!webopen_cancelled && (a = open_kept(url, r, *cause)) !=
		    NULL) {
			free(*cause);
			*cause = NULL;
			return a;
		}
		return NULL;
	}
	a = from_web(url, NULL, &w, r);
	article_set_url(a, w.key_url != NULL ? w.key_url :
	    w.fetched_url != NULL ? w.fetched_url : url);
	keep_text(a->url, a);
	if (strcmp(a->url, url) != 0)
		keep_text(url, a);	/* found by the URL typed, offline */
	web_article_free(&w);
	return a;
}

/*
 * A pipe that gives nothing for half a second, or a FIFO whose writer
 * has not come (it is waited for, as cat does: doc.c), gets a line on a
 * terminal's stderr, so a slow writer is not taken for a hung artread.
 * The FIFO's descriptor is returned, to be closed only once the article
 * is read: closed before, a writer that came and went would take its
 * text with it.  -1 if none.
 */
static int
say_if_slow(const char *name)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	struct stat st;
	int fd = -1;

	if (!isatty(STDERR_FILENO))
		return -1;
	if (strcmp(name, "-") != 0) {
		if (stat(name, &st) != 0 || !S_ISFIFO(st.st_mode) ||
		    (fd = open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
			return -1;
		pfd.fd = fd;
	}
	if (poll(&pfd, 1, 500) != 0)
		return fd;
	if (fd < 0)
		fprintf(stderr, "artread: waiting for standard input "
		    "(Ctrl-C stops)\n");
	else
		fprintf(stderr, "artread: %s: waiting for a writer (a FIFO; "
		    "Ctrl-C stops)\n", name);
	return fd;
}

/*
 * What cannot be looked at before it is read (standard input, a FIFO):
 * read as text, then, if it is HTML, its article extracted instead.
 */
static struct article *
open_read_first(const char *name, unsigned doc_flags, const struct rules *r,
    char **cause)
{
	struct article *a;
	struct web_article w;
	struct doc *d;
	int fd = say_if_slow(name);

	a = article_open(name, doc_flags, r, cause);
	if (fd >= 0)
		close(fd);
	if (a == NULL || a->doc->lazy || !web_is_html(a->doc->bytes,
	    a->doc->len))
		return a;
	d = a->doc;
	if (web_from_bytes(d->bytes, d->len, NULL, NULL, &w, cause) != 0) {
		article_close(a);
		return NULL;
	}
	article_close(a);
	a = from_web(name, strcmp(name, "-") == 0 ? NULL : name, &w, r);
	web_article_free(&w);
	return a;
}

static struct article *
open_any(const char *name, unsigned doc_flags, const struct rules *r,
    char **cause)
{
	struct web_article w;
	struct article *a;
	struct stat st;
	int known;

	if (web_is_url(name)) {
		char *url = webopen_url(name);

		a = open_url(url, r, cause);
		free(url);
		return a;
	}
	/* Only a regular file is looked at first: a look into a FIFO would
	 * take the bytes it shows away from the article. */
	known = strcmp(name, "-") != 0 && stat(name, &st) == 0;
	if (strcmp(name, "-") == 0 || (known && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)))
		return open_read_first(name, doc_flags, r, cause);
	if (!web_file_is_html(name))
		return article_open(name, doc_flags, r, cause);
	if (web_open(name, NULL, &w, cause) != 0)
		return NULL;
	a = from_web(name, name, &w, r);
	web_article_free(&w);
	if (known)	/* the page edited on disk is noticed (R reloads) */
		doc_watch(a->doc, &st);
	return a;
}

struct article *
webopen_article(const char *name, unsigned doc_flags, const struct rules *r,
    char **cause)
{
	struct article *a = open_any(name, doc_flags, r, cause);

	webopen_pass_on();	/* the pager's handler: it quits */
	return a;
}

/* On a terminal's stderr, "fetching HOST" while a URL is fetched, erased
 * after: a slow server must not look like a hang.  1 if said. */
static int
say_fetching(const char *name)
{
	const char *host;
	int len;

	if (!web_is_url(name) || !isatty(STDERR_FILENO) ||
	    (host = strstr(name, "://")) == NULL)
		return 0;
	host += 3;
	len = (int)strcspn(host, "/?#");
	/* (stderr shows control characters visibly: streams.h) */
	fprintf(stderr, "artread: fetching %.*s (Ctrl-C cancels)...",
	    len < 60 ? len : 60, host);
	fflush(stderr);
	return 1;
}

struct article *
webopen_article_told(const char *name, unsigned doc_flags,
    const struct rules *r, char **cause)
{
	int said = say_fetching(name);
	struct article *a = open_any(name, doc_flags, r, cause);

	if (said) {	/* the line goes (past the stream that shows escapes) */
		ssize_t n;

		fflush(stderr);
		n = write(STDERR_FILENO, "\r\033[K", 4);
		(void)n;	/* a progress line left: harmless */
	}
	webopen_pass_on();	/* no pager yet: as SIGTERM does anywhere */
	return a;
}

struct article *
webopen_or_say(const char *name, unsigned doc_flags, const struct rules *r)
{
	struct article *a;
	char *cause = NULL;

	if ((a = webopen_article_told(name, doc_flags, r, &cause)) == NULL) {
		fprintf(stderr, "artread: %s: %s\n", webopen_display_name(name),
		    cause);
		free(cause);
	} else {
		if (a->note != NULL)
			fprintf(stderr, "artread: %s: %s\n", name, a->note);
		webopen_say_rescue(name, a);
	}
	return a;
}

void
webopen_say_rescue(const char *name, const struct article *a)
{
	struct rescue *r = NULL;
	char *cause = NULL, *what;

	if (article_rescue(a, &r, &cause) != 0) {
		fprintf(stderr, "artread: %s: rescued annotations cannot be "
		    "read: %s\n", webopen_display_name(name), cause);
		free(cause);
		return;
	}
	if (r == NULL)
		return;
	what = rescue_summary(r);
	fprintf(stderr, "artread: %s: not restored yet: %s, kept in %s; to "
	    "restore, open it in the pager (artread %s) and answer y\n",
	    webopen_display_name(name), what, r->path, name);
	free(what);
	rescue_free(r);
}
