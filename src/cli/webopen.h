/*
 * webopen.h: opening what the user named as an article, whatever it is:
 * a text file, an HTML page (by its name or its content, standard input
 * too), or an http(s) URL, fetched (web.h).  Every mode opens its
 * articles here, and the pager re-opens them here (R, :e).
 *
 * A fetched article's annotations are kept by its URL (web.h's key_url:
 * the canonical URL on the page's own host, else the URL fetched) and
 * its extracted text is kept in the version store under that URL and
 * under the URL typed, so that, when the page cannot be fetched (offline,
 * a server down), the text last read is opened instead, with its
 * annotations, and a->note says so.  Nothing is written for a fetch that
 * fails.  Ctrl-C (SIGINT) during a fetch cancels it; so do SIGTERM and
 * SIGHUP, which are then passed on once the fetch has stopped, so that
 * they do what they do anywhere else (webopen_pass_on).
 */
#ifndef ARTREAD_CLI_WEBOPEN_H
#define ARTREAD_CLI_WEBOPEN_H

#include <signal.h>

#include "artread/article.h"
#include "artread/fetch.h"

/* Set by a signal that cancels the fetch under way. */
extern volatile sig_atomic_t webopen_cancelled;

/* The handlers a fetch replaces. */
struct webopen_signals {
	struct sigaction old_int, old_term, old_hup;
};

/* Catch SIGINT, SIGTERM and SIGHUP while fetching (webopen_cancelled),
 * and put the handlers back after. */
void webopen_catch(struct webopen_signals *saved);
void webopen_release(const struct webopen_signals *saved);

/* A SIGTERM or SIGHUP cancelled the fetch: raise it again, to the
 * handlers put back (the pager's, which quits as it saves; before the
 * pager, the default: artread ends by that signal).  webopen_article
 * and webopen_article_told do it before they return. */
void webopen_pass_on(void);

/* The fetch's timeout in seconds (0: the default); --timeout. */
void webopen_set_timeout(long seconds);

/*
 * Open name ("-" = standard input) as an article: NULL and *cause (one
 * line, without the name) on failure.  A SIGTERM or SIGHUP during the
 * fetch is passed on (webopen_pass_on) before it returns.
 */
struct article *webopen_article(const char *name, unsigned doc_flags,
    const struct rules *r, char **cause);

/* The same, outside the pager: while a URL is fetched, a terminal's
 * stderr shows "artread: fetching HOST (Ctrl-C cancels)..." (erased
 * after). */
struct article *webopen_article_told(const char *name, unsigned doc_flags,
    const struct rules *r, char **cause);

/* The same, saying on stderr why it failed, or what a->note says, and
 * that rescued annotation changes wait (webopen_say_rescue). */
struct article *webopen_or_say(const char *name, unsigned doc_flags,
    const struct rules *r);

/* The URL name names the page by (free it): without a #fragment, which
 * points into the page and is never sent to the server, so that
 * "URL#comments" is the same article, with the same annotations. */
char *webopen_url(const char *name);

/*
 * A mode other than the pager opened a (named name): if annotation
 * changes an earlier session could not save wait in a rescue file
 * (article_rescue), say so in one line on stderr, and how to restore
 * them (the pager offers them: y merges).
 */
void webopen_say_rescue(const char *name, const struct article *a);

/* "standard input" for "-", else name: for messages. */
const char *webopen_display_name(const char *name);

#endif
