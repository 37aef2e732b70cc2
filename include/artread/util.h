/*
 * util.h: small shared helpers: allocation that never returns NULL,
 * a growable byte buffer, and string helpers. Plain C, no curses.
 */
#ifndef ARTREAD_UTIL_H
#define ARTREAD_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define AR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define AR_NORETURN __attribute__((noreturn))
#else
#define AR_PRINTF(f, a)
#define AR_NORETURN
#endif

/* Called before exiting on a fatal error (e.g. to restore the terminal). */
void util_set_fatal_hook(void (*hook)(void));

/* Print "artread: MESSAGE" on stderr, run the fatal hook, exit(2). */
void fatalx(const char *fmt, ...) AR_PRINTF(1, 2) AR_NORETURN;

/* Allocation wrappers: never return NULL (they call fatalx on failure). */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) AR_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/* Test hook: make the Nth allocation from now fail (0 = never). */
void util_fail_alloc_after(unsigned long n);

/* A growable byte buffer; data is always NUL-terminated after len. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) AR_PRINTF(2, 3);
/* Hand the data to the caller (who frees it) and reset the buffer. */
char *buf_steal(struct buf *b);

/* Trim ASCII white space at both ends, in place; returns s. */
char *util_trim(char *s);
/* Split s at commas into trimmed, non-empty, newly allocated items. */
size_t util_split_list(const char *s, char ***items);
void util_free_list(char **items, size_t n);

/* Write all of p[0, n) to fd (again after EINTR): 0, or -1 and errno. */
int util_write_all(int fd, const void *p, size_t n);

/* Read a whole small file (config, rules); NULL and errno on failure. */
char *util_read_file(const char *path, size_t *len);
/*
 * Is path a settings file we may read: a regular file of at most max
 * bytes?  0, or -1 with *why ("not a regular file", "too large (over 16
 * MiB)", or the system's reason).  A device like /dev/zero would
 * otherwise be read until memory runs out.
 */
int util_check_text_file(const char *path, size_t max, const char **why);
/* What a file of this mode is, when it is not a regular file: "is a
 * directory", "is a FIFO (named pipe), not a regular file", ... */
const char *util_file_kind(unsigned long mode);

/* one if n is 1, else many: "1 quote", "2 quotes", "1 entity". */
const char *util_plural(size_t n, const char *one, const char *many);

#endif
