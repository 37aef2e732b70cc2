/*
 * pager_api.h: what main.c needs of the curses pager, without curses.
 */
#ifndef ARTREAD_PAGER_API_H
#define ARTREAD_PAGER_API_H

#include <signal.h>

#include "artread/article.h"
#include "artread/config.h"
#include "cli/opts.h"
#include "artread/theme.h"

/*
 * Run the pager over opened articles; returns the exit status.  It takes
 * the theme; arts[] gets back the articles open at the end (R re-reads
 * a file into a new article), which the caller closes (those opened
 * with :e the pager closes).  Where arts[i] is NULL, later[i] names a
 * web article fetched when it is first shown (:n), not before the first
 * screen; arts[0] is never NULL.  notice (may be NULL) is the first
 * screen's message: the files that could not be opened.  A file that
 * cannot be opened when shown makes the exit status 2, as at the start.
 */
int pager_run(struct article **arts, char **later, int n,
    const struct opts *o, struct config *cfg, struct theme *theme,
    const char *notice);

/*
 * How the pager opens an article again (R) or another one (:e): the
 * command line's opener, which also reads HTML and fetches URLs
 * (cli/webopen.h).  NULL, the default: article_open.
 */
typedef struct article *(*pager_open_fn)(const char *name,
    unsigned doc_flags, const struct rules *r, char **cause);
void pager_set_opener(pager_open_fn fn);
/*
 * The flag the opener sets when the user cancels it (Ctrl-C during a
 * fetch, cli/webopen.h); the pager clears it before each open.  A :n
 * fetch cancelled keeps its URL in the list, to be fetched at the next
 * :n.  NULL, the default: nothing is cancelled.  A SIGTERM or SIGHUP
 * during a fetch cancels it too, then reaches the pager's own handler
 * (webopen_pass_on): the pager quits as at any SIGTERM, saving first.
 */
void pager_set_cancel_flag(volatile sig_atomic_t *flag);

#endif
