/*
 * webmod.c: the web input adapter (web.h, fetch.h), loaded when first
 * used.  libxml2 and libcurl bring some thirty-five libraries with them,
 * and loading and relocating those cost more than the pager's whole first
 * screen (about 6 ms of 8 at every start), so the binary does not link
 * them: src/web/ is built into artread-web.so, and these functions, the
 * same as web.h's and fetch.h's, open it with dlopen() on the first call
 * and hand each call on.  Callers see no difference, except that a
 * missing module is an error ("web pages are not supported: ...") from
 * web_open and web_from_bytes.  Telling a URL from a file name needs no
 * module, nor does telling a plain text from what may be HTML (every file
 * opened is looked at: htmlsniff.h, in the core).
 *
 * The module is looked for beside the binary (a build directory), in
 * build/ beside it (the checkout's ./artread), in ../lib/artread/ beside
 * it (an install, wherever it is) and in the LIBDIR compiled in.  It is
 * linked -Bsymbolic (its calls among themselves stay inside it), and
 * takes what it needs of the core (allocation, buffers, UTF-8) from the
 * binary, which exports exactly those symbols (Makefile: web.dynlist).
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "artread/fetch.h"
#include "artread/htmlsniff.h"
#include "artread/util.h"
#include "artread/web.h"

#ifndef AR_LIBDIR
#define AR_LIBDIR "/usr/local/lib/artread"
#endif
#define WEBMOD_NAME	"artread-web.so"

static void	*handle;
static char	*load_error;

/* The directory of the running program ("" if unknown). */
static void
exe_dir(char *out, size_t n)
{
	ssize_t k = readlink("/proc/self/exe", out, n - 1);
	char *slash;

	out[k > 0 ? k : 0] = '\0';
	if ((slash = strrchr(out, '/')) != NULL)
		*slash = '\0';
	else
		out[0] = '\0';
}

static void *
open_module(void)
{
	static const char *const beside[] = { "", "/build", "/../lib/artread" };
	char dir[PATH_MAX], path[PATH_MAX + 64];
	const char *why = "not found";
	size_t i;
	void *h;

	if (handle != NULL || load_error != NULL)
		return handle;
	exe_dir(dir, sizeof dir);
	for (i = 0; i <= sizeof beside / sizeof beside[0]; i++) {
		if (i < sizeof beside / sizeof beside[0])
			snprintf(path, sizeof path, "%s%s/%s", dir, beside[i],
			    WEBMOD_NAME);
		else
			snprintf(path, sizeof path, "%s/%s", AR_LIBDIR,
			    WEBMOD_NAME);
		if (access(path, F_OK) != 0)
			continue;
		if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) != NULL)
			return handle = h;
		why = dlerror();
		break;
	}
	load_error = xasprintf("web pages are not supported here (%s: %s)",
	    WEBMOD_NAME, why != NULL ? why : "cannot be loaded");
	return NULL;
}

/* Any function (cast back to its own type to call it). */
typedef void (*any_fn)(void);

/* The module's function name, or NULL (load_error says why). */
static any_fn
fn(const char *name)
{
	void *h = open_module(), *sym;
	any_fn f = NULL;

	if (h == NULL)
		return NULL;
	if ((sym = dlsym(h, name)) == NULL) {
		if (load_error == NULL)
			load_error = xasprintf("web pages are not supported "
			    "here (%s: no %s)", WEBMOD_NAME, name);
		return NULL;
	}
	memcpy(&f, &sym, sizeof f);	/* POSIX: a symbol's address */
	return f;
}

/* Call name(args) in the module; without it, set *cause and fail. */
#define WITH_CAUSE(name, args, ...) do {				\
	int (*f_)(__VA_ARGS__) = (int (*)(__VA_ARGS__))fn(#name);	\
									\
	if (f_ == NULL) {						\
		*cause = xstrdup(load_error);				\
		return -1;						\
	}								\
	return f_ args;							\
} while (0)

int
web_is_url(const char *name)
{
	return fetch_is_url(name);
}

int
fetch_is_url(const char *s)
{
	/* (the module's own test, repeated: a name is not worth ~6 ms) */
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

int
web_is_html(const char *bytes, size_t len)
{
	int (*f)(const char *, size_t);

	if (!htmlsniff_is_html(bytes, len))
		return 0;
	f = (int (*)(const char *, size_t))fn("web_is_html");
	return f != NULL && f(bytes, len);
}

int
web_file_is_html(const char *name)
{
	const char *dot = strrchr(name, '.');
	int (*f)(const char *);
	char head[HTMLSNIFF_HEAD];
	ssize_t n = 0;
	int fd;

	if (dot == NULL || (strcasecmp(dot, ".html") != 0 &&
	    strcasecmp(dot, ".htm") != 0 && strcasecmp(dot, ".xhtml") != 0)) {
		if (strcmp(name, "-") == 0 ||
		    (fd = open(name, O_RDONLY | O_NONBLOCK)) < 0)
			return 0;
		n = read(fd, head, sizeof head);
		close(fd);
		if (n <= 0 || !htmlsniff_is_html(head, (size_t)n))
			return 0;
	}
	f = (int (*)(const char *))fn("web_file_is_html");
	return f != NULL && f(name);
}

int
web_open(const char *name, const struct fetch_opts *fo,
    struct web_article *a, char **cause)
{
	WITH_CAUSE(web_open, (name, fo, a, cause), const char *,
	    const struct fetch_opts *, struct web_article *, char **);
}

int
web_from_bytes(const char *bytes, size_t len, const char *http_charset,
    const char *url, struct web_article *a, char **cause)
{
	WITH_CAUSE(web_from_bytes, (bytes, len, http_charset, url, a, cause),
	    const char *, size_t, const char *, const char *,
	    struct web_article *, char **);
}

void
web_article_free(struct web_article *a)
{
	void (*f)(struct web_article *) =
	    (void (*)(struct web_article *))fn("web_article_free");

	if (f != NULL)
		f(a);
}

char *
web_article_json(const struct web_article *a, int ascii_only)
{
	char *(*f)(const struct web_article *, int) =
	    (char *(*)(const struct web_article *, int))fn("web_article_json");

	return f != NULL ? f(a, ascii_only) : xstrdup("null");
}

void
fetch_opts_init(struct fetch_opts *o)
{
	void (*f)(struct fetch_opts *) =
	    (void (*)(struct fetch_opts *))fn("fetch_opts_init");

	memset(o, 0, sizeof *o);
	if (f != NULL)
		f(o);
}

const char *
fetch_user_agent(void)
{
	const char *(*f)(void) = (const char *(*)(void))fn("fetch_user_agent");

	return f != NULL ? f() : "artread/" AR_VERSION;
}

int
fetch_url(const char *url, const struct fetch_opts *o,
    struct fetch_result *r, char **cause)
{
	WITH_CAUSE(fetch_url, (url, o, r, cause), const char *,
	    const struct fetch_opts *, struct fetch_result *, char **);
}

void
fetch_result_free(struct fetch_result *r)
{
	void (*f)(struct fetch_result *) =
	    (void (*)(struct fetch_result *))fn("fetch_result_free");

	if (f != NULL)
		f(r);
}
