/*
 * atomic.c: atomic replacement of a file (see atomic.h).
 *
 * Every temporary file from atomic_open until its commit or abort is on
 * a list, so that a process ending on a fatal error (fatalx: out of
 * memory, the spill store's file failing; in any thread) removes it at
 * exit instead of leaving it beside the target.  The list's lock is
 * held only around system calls that name the file (create, rename,
 * unlink), never around an allocation, so the thread that exits never
 * holds it and one that waits for it does not wait long.
 *
 * A signal that kills (SIGINT, SIGTERM, SIGHUP, when nobody else handles
 * it) runs no atexit function, so the names are also copied into a few
 * fixed slots that a signal handler may read: it unlinks them and
 * raises the signal again with its default action.  The pager installs
 * its own handlers, which end through exit().
 */
#include "artread/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artread/util.h"

#define RANDOM_LEN	6	/* the XXXXXX */
#define HEAD_LEN	256	/* bytes is_ours sees */
#define SIG_SLOTS	8	/* temporary names a signal handler removes */

struct atomic_file {
	struct atomic_file *next;	/* on open_files */
	int	 listed;	/* on open_files: tmp is ours to remove */
	int	 slot;		/* in sig_tmp, or -1 */
	pid_t	 owner;		/* the process that made tmp (not a fork) */
	char	*path;
	char	*tmp;
	char	*dir;
	FILE	*f;
	unsigned flags;
	int	 has_old;	/* a regular file was there: keep its mode */
	struct stat old;
};

static pthread_mutex_t	 open_lock = PTHREAD_MUTEX_INITIALIZER;
static struct atomic_file *open_files;	/* temporary files not yet done */
static int		 ending;	/* the process ends: no new ones */
static pthread_once_t	 at_exit_once = PTHREAD_ONCE_INIT;

/* The temporary names for the signal handler; a slot is in use while
 * sig_used is set, and its name is complete before that. */
static char			 sig_tmp[SIG_SLOTS][PATH_MAX];
static pid_t			 sig_owner[SIG_SLOTS];
static volatile sig_atomic_t	 sig_used[SIG_SLOTS];

/* Copy af->tmp into a free slot (the lock held); a long name or eight
 * files at once go without one, removed at exit only. */
static void
take_slot(struct atomic_file *af)
{
	size_t n = strlen(af->tmp);
	int i;

	af->slot = -1;
	if (n >= PATH_MAX)
		return;
	for (i = 0; i < SIG_SLOTS; i++)
		if (!sig_used[i]) {
			memcpy(sig_tmp[i], af->tmp, n + 1);
			sig_owner[i] = af->owner;
			/* the name is whole before a handler may read it */
			atomic_signal_fence(memory_order_seq_cst);
			sig_used[i] = 1;
			af->slot = i;
			return;
		}
}

static void
free_slot(struct atomic_file *af)
{
	if (af->slot >= 0)
		sig_used[af->slot] = 0;
	af->slot = -1;
}

/* A signal that kills: remove our temporary files and die of it. */
static void
on_fatal_signal(int sig)
{
	pid_t self = getpid();
	int i, saved = errno;

	for (i = 0; i < SIG_SLOTS; i++)
		if (sig_used[i] && sig_owner[i] == self)
			unlink(sig_tmp[i]);
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Catch sig unless it is ignored or handled already. */
static void
catch_if_default(int sig)
{
	struct sigaction now, sa;

	if (sigaction(sig, NULL, &now) != 0 || now.sa_handler != SIG_DFL ||
	    (now.sa_flags & SA_SIGINFO))
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* Take af off open_files (the lock held). */
static void
unlist(struct atomic_file *af)
{
	struct atomic_file **pp;

	for (pp = &open_files; *pp != NULL; pp = &(*pp)->next)
		if (*pp == af) {
			*pp = af->next;
			break;
		}
	af->listed = 0;
	free_slot(af);
}

/* Remove af's temporary file and forget it, unless that was done (at
 * exit, or by a commit). */
static void
discard(struct atomic_file *af)
{
	pthread_mutex_lock(&open_lock);
	if (af->listed) {
		unlink(af->tmp);
		unlist(af);
	}
	pthread_mutex_unlock(&open_lock);
}

void
atomic_remove_open(void)
{
	struct atomic_file *af;
	pid_t self = getpid();

	pthread_mutex_lock(&open_lock);
	ending = 1;
	for (af = open_files; af != NULL; af = af->next) {
		if (af->owner == self)
			unlink(af->tmp);
		af->listed = 0;
		free_slot(af);
	}
	open_files = NULL;
	pthread_mutex_unlock(&open_lock);
}

static void
remove_at_exit(void)
{
	atexit(atomic_remove_open);
	catch_if_default(SIGINT);
	catch_if_default(SIGTERM);
	catch_if_default(SIGHUP);
}

/* Create af->tmp from its template and list it; the descriptor or -1. */
static int
make_tmp(struct atomic_file *af)
{
	int fd = -1;

	pthread_once(&at_exit_once, remove_at_exit);
	pthread_mutex_lock(&open_lock);
	if (ending)
		errno = ECANCELED;
	else if ((fd = mkostemps(af->tmp, (int)strlen(ATOMIC_TMP_SUFFIX),
	    O_CLOEXEC)) != -1) {
		af->owner = getpid();
		af->listed = 1;
		take_slot(af);
		af->next = open_files;
		open_files = af;
	}
	pthread_mutex_unlock(&open_lock);
	return fd;
}

/* The directory of path ("." if none); a new string. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * The start of path's temporary names, after the directory:
 * ".NAME." (NAME cut so that the whole name fits in NAME_MAX).
 */
static char *
tmp_prefix(const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	size_t room = NAME_MAX - 2 - RANDOM_LEN - strlen(ATOMIC_TMP_SUFFIX);
	size_t n = strlen(base);

	return xasprintf(".%.*s.", (int)(n < room ? n : room), base);
}

enum atomic_target
atomic_target(const char *path, const char **why)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return ATOMIC_ABSENT;
	if (S_ISREG(st.st_mode))
		return ATOMIC_REGULAR;
	if (S_ISLNK(st.st_mode)) {
		/* Dangling, or to a regular file: the link is replaced. */
		if (stat(path, &st) == -1 || S_ISREG(st.st_mode))
			return ATOMIC_LINK;
		if (why != NULL)
			*why = S_ISDIR(st.st_mode) ? "is a link to a directory" :
			    "is a link to something that is not a regular file";
		return ATOMIC_UNSAFE;
	}
	if (why != NULL)
		*why = util_file_kind(st.st_mode);
	return ATOMIC_UNSAFE;
}

/* May path be replaced as flags say?  0, or -1 with cause. */
static int
check_target(const char *path, unsigned flags, struct atomic_file *af,
    char **cause)
{
	const char *why = NULL;

	switch (atomic_target(path, &why)) {
	case ATOMIC_UNSAFE:
		*cause = xasprintf("%s: %s; not written", path, why);
		return -1;
	case ATOMIC_ABSENT:
		return 0;
	case ATOMIC_REGULAR:
		if (lstat(path, &af->old) == 0)
			af->has_old = 1;
		break;
	case ATOMIC_LINK:
		break;
	}
	if (flags & ATOMIC_NEW) {
		*cause = xasprintf("%s: already exists; not replaced", path);
		errno = EEXIST;
		return -1;
	}
	return 0;
}

/* The mode for a new file: 0666 & ~umask. */
static mode_t
default_mode(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return 0666 & ~mask;
}

/*
 * Give the new file the old one's mode, owner and group, as far as we
 * may: root gives it back to its owner; anyone else at least keeps a
 * group they belong to.  Without this a save by another user (sudo, a
 * colleague in a shared directory) silently changes who can read a
 * 0640 file.
 */
static int
keep_mode(int fd, const struct atomic_file *af)
{
	if (af->has_old && fchown(fd, af->old.st_uid, af->old.st_gid) == -1 &&
	    fchown(fd, (uid_t)-1, af->old.st_gid) == -1) {
		/* best effort: the mode is still kept */
	}
	if (af->has_old)
		return fchmod(fd, af->old.st_mode & 07777);
	return fchmod(fd, af->flags & ATOMIC_PRIVATE ? 0600 : default_mode());
}

static void
af_free(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	free(af->dir);
	free(af);
}

/* Why the temporary file beside af->path could not be made, naming the
 * file to be written first. */
static char *
tmp_failure(const struct atomic_file *af, int err)
{
	const char *dir = strcmp(af->dir, ".") == 0 ? "the current directory" :
	    af->dir;

	switch (err) {
	case ENOENT:
		return xasprintf("%s: cannot write it: the directory %s does "
		    "not exist", af->path, dir);
	case EACCES:
	case EPERM:
	case EROFS:
		return xasprintf("%s: cannot write it: the directory %s is not "
		    "writable (%s)", af->path, dir, strerror(err));
	default:
		return xasprintf("%s: cannot write it: no temporary file can "
		    "be made in %s (%s)", af->path, dir, strerror(err));
	}
}

struct atomic_file *
atomic_open(const char *path, unsigned flags, FILE **out, char **cause)
{
	struct atomic_file *af = xcalloc(1, sizeof *af);
	char *prefix;
	int fd, saved;

	af->slot = -1;
	af->path = xstrdup(path);
	af->dir = dir_of(path);
	af->flags = flags;
	if (check_target(path, flags, af, cause) != 0) {
		af_free(af);
		return NULL;
	}
	prefix = tmp_prefix(path);
	af->tmp = xasprintf("%s/%sXXXXXX%s", af->dir, prefix,
	    ATOMIC_TMP_SUFFIX);
	free(prefix);
	if ((fd = make_tmp(af)) == -1) {
		*cause = tmp_failure(af, errno);
		af_free(af);
		return NULL;
	}
	if (keep_mode(fd, af) == -1 || (af->f = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		discard(af);
		*cause = xasprintf("%s: %s", af->tmp, strerror(saved));
		af_free(af);
		return NULL;
	}
	*out = af->f;
	return af;
}

void
atomic_abort(struct atomic_file *af)
{
	if (af == NULL)
		return;
	if (af->f != NULL)
		fclose(af->f);
	discard(af);
	af_free(af);
}

/* Put tmp at path: rename, or for ATOMIC_NEW a link that fails if path
 * appeared meanwhile (then unlink tmp). */
static int
install(const struct atomic_file *af)
{
	if (!(af->flags & ATOMIC_NEW))
		return rename(af->tmp, af->path);
	if (link(af->tmp, af->path) == 0)
		return unlink(af->tmp) == 0 || errno == ENOENT ? 0 : -1;
	if (errno == EEXIST)
		return -1;
	/* A file system without hard links: check, then rename. */
	if (access(af->path, F_OK) == 0 || errno != ENOENT) {
		errno = EEXIST;
		return -1;
	}
	return rename(af->tmp, af->path);
}

/* install, unless the file was removed at exit; off the list once at
 * path, so it is never removed there. */
static int
install_listed(struct atomic_file *af)
{
	int rc = -1, saved = ENOENT;

	pthread_mutex_lock(&open_lock);
	if (af->listed) {
		rc = install(af);
		saved = errno;
		if (rc == 0)
			unlist(af);
	}
	pthread_mutex_unlock(&open_lock);
	errno = saved;
	return rc;
}

int
atomic_commit(struct atomic_file *af, char **cause)
{
	int fd = fileno(af->f), dfd, saved = 0;

	if (fflush(af->f) == EOF || fsync(fd) == -1)
		saved = errno;
	else if (ferror(af->f))
		saved = EIO;
	if (fclose(af->f) == EOF && saved == 0)
		saved = errno;
	af->f = NULL;
	if (saved == 0 && install_listed(af) == -1)
		saved = errno;
	if (saved != 0) {
		*cause = saved == EEXIST ? xasprintf("%s: already exists; not "
		    "replaced", af->path) : xasprintf("%s: %s", af->path,
		    strerror(saved));
		atomic_abort(af);
		errno = saved;
		return -1;
	}
	if ((dfd = open(af->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	af_free(af);
	return 0;
}

int
atomic_write(const char *path, const void *data, size_t len, unsigned flags,
    char **cause)
{
	struct atomic_file *af;
	FILE *f;

	if ((af = atomic_open(path, flags, &f, cause)) == NULL)
		return -1;
	if (len > 0 && fwrite(data, 1, len, f) != len) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		atomic_abort(af);
		return -1;
	}
	return atomic_commit(af, cause);
}

/* Is name prefix + 6 characters + the suffix? */
static int
is_tmp_name(const char *name, const char *prefix)
{
	size_t plen = strlen(prefix), slen = strlen(ATOMIC_TMP_SUFFIX);

	return strncmp(name, prefix, plen) == 0 &&
	    strlen(name) == plen + RANDOM_LEN + slen &&
	    strcmp(name + plen + RANDOM_LEN, ATOMIC_TMP_SUFFIX) == 0 &&
	    strchr(name + plen, '/') == NULL;
}

/* Open a leftover without following links or blocking; is it ours? */
static int
leftover_is_ours(const char *full, int (*is_ours)(const char *, size_t))
{
	char head[HEAD_LEN];
	struct stat st;
	ssize_t n;
	int fd, ours;

	fd = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1)
		return 0;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0)
		return 0;
	ours = n == 0 || (is_ours != NULL && is_ours(head, (size_t)n));
	return ours;
}

size_t
atomic_remove_stale(const char *path,
    int (*is_ours)(const char *head, size_t n))
{
	char *dir = dir_of(path), *prefix = tmp_prefix(path), *full;
	struct dirent *de;
	size_t removed = 0;
	DIR *dp;

	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (!is_tmp_name(de->d_name, prefix))
				continue;
			full = xasprintf("%s/%s", dir, de->d_name);
			if (leftover_is_ours(full, is_ours) &&
			    unlink(full) == 0)
				removed++;
			free(full);
		}
		closedir(dp);
	}
	free(prefix);
	free(dir);
	return removed;
}
