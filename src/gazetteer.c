/*
 * gazetteer.c: a sorted gazetteer file, mapped and searched in place.
 * Opening costs one mmap; a lookup is a binary search over byte offsets
 * that steps back to the start of the line it lands in (as look(1)
 * does), so no index is built.  The file is replaced, never rewritten in
 * place (gazgen renames a new one over it), so the mapping stays valid.
 * A file that is not sorted gives wrong answers, never a bad read.
 */
#include "artread/gazetteer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/util.h"

#define GAZ_MAX		(256u << 20)	/* a gazetteer bigger is a mistake */

struct gaz {
	const char	*map;		/* NULL for an empty file */
	size_t		 size;
	const char	*data;		/* the first line that is not '#' */
};

static size_t
count_lines(const char *p, const char *end)
{
	size_t n = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

struct gaz *
gaz_open(const char *path, const char **why)
{
	struct gaz *g;
	struct stat st;
	const char *p, *end;
	int fd;

	if (util_check_text_file(path, GAZ_MAX, why) != 0)
		return NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(fd, &st) != 0) {
		*why = strerror(errno);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	g = xcalloc(1, sizeof *g);
	g->size = (size_t)st.st_size;
	if (g->size > 0) {
		void *m = mmap(NULL, g->size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (m == MAP_FAILED) {
			*why = strerror(errno);
			close(fd);
			free(g);
			return NULL;
		}
		g->map = m;
	}
	close(fd);
	if (g->map == NULL)
		return g;	/* empty: no data (and no arithmetic on NULL) */
	p = g->map;
	end = g->map + g->size;
	while (p < end && *p == '#') {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		p = nl == NULL ? end : nl + 1;
	}
	g->data = p;
	return g;
}

void
gaz_close(struct gaz *g)
{
	if (g == NULL)
		return;
	if (g->map != NULL)
		munmap((void *)g->map, g->size);
	free(g);
}

/* Counted when asked (--check, tests): opening reads nothing. */
size_t
gaz_count(const struct gaz *g)
{
	const char *end;
	size_t n;

	if (g->data == NULL || g->data == g->map + g->size)
		return 0;
	end = g->map + g->size;
	n = count_lines(g->data, end);
	return end[-1] != '\n' ? n + 1 : n;
}

/* The kinds column [p, e) as bits. */
static unsigned
kinds(const char *p, const char *e)
{
	unsigned k = 0;

	for (; p < e; p++) {
		switch (*p) {
		case 'C': k |= GAZ_COUNTRY; break;
		case 'R': k |= GAZ_REGION; break;
		case 'T': k |= GAZ_TOWN; break;
		case 'w': k |= GAZ_WORD; break;
		case 'p': k |= GAZ_PERSON; break;
		default: break;
		}
	}
	return k;
}

/* Compare s[0, n) with the name of the line at p (up to a tab or the
 * line's end, before end); *name_end gets where the name ends. */
static int
cmp_name(const char *s, size_t n, const char *p, const char *end,
    const char **name_end)
{
	const char *e = memchr(p, '\t', (size_t)(end - p));
	size_t m;
	int c;

	if (e == NULL)
		e = end;
	*name_end = e;
	m = (size_t)(e - p);
	c = memcmp(s, p, n < m ? n : m);
	if (c != 0)
		return c;
	return n < m ? -1 : n > m;
}

/* The first line whose name is not below s[0, n) (n > 0), or end. */
static const char *
lower_bound(const struct gaz *g, const char *s, size_t n)
{
	const char *lo = g->data, *hi = g->map + g->size, *end = hi;

	while (lo < hi) {
		const char *mid = lo + (hi - lo) / 2, *ne, *le;

		while (mid > lo && mid[-1] != '\n')
			mid--;
		if (cmp_name(s, n, mid, end, &ne) <= 0)
			hi = mid;
		else {
			le = memchr(ne, '\n', (size_t)(end - ne));
			lo = le != NULL ? le + 1 : end;
		}
	}
	return lo;
}

int
gaz_starts(const struct gaz *g, const char *s, size_t n)
{
	char key[128];
	const char *p, *end;

	if (g == NULL || g->data == NULL || n == 0 || n + 1 > sizeof key)
		return 0;
	memcpy(key, s, n);
	key[n] = ' ';
	p = lower_bound(g, key, n + 1);
	end = g->map + g->size;
	return (size_t)(end - p) > n + 1 && memcmp(p, key, n + 1) == 0;
}

unsigned
gaz_lookup(const struct gaz *g, const char *s, size_t n)
{
	const char *lo, *hi, *end;

	if (g == NULL || g->data == NULL || n == 0)
		return 0;
	lo = g->data;
	hi = end = g->map + g->size;
	/* Invariant: the name, if there, starts a line in [lo, hi). */
	while (lo < hi) {
		const char *mid = lo + (hi - lo) / 2, *ne, *le;
		int c;

		/* back to the start of its line (lines are short) */
		while (mid > lo && mid[-1] != '\n')
			mid--;
		c = cmp_name(s, n, mid, end, &ne);
		if (c == 0) {
			le = memchr(ne, '\n', (size_t)(end - ne));
			return kinds(ne, le != NULL ? le : end);
		}
		if (c < 0)
			hi = mid;
		else {
			le = memchr(ne, '\n', (size_t)(end - ne));
			lo = le != NULL ? le + 1 : end;
		}
	}
	return 0;
}
