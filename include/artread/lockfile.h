/*
 * lockfile.h: an advisory lock for the writers of one file, taken with
 * flock(2) on a separate PATH.lock (never a symbolic link), so that
 * renaming a new PATH into place does not drop it.  Waits a bounded
 * time (3 s) for another writer.
 */
#ifndef ARTREAD_LOCKFILE_H
#define ARTREAD_LOCKFILE_H

/* Take the lock on lock_path: its descriptor, or -1 with *cause. */
int lockfile_take(const char *lock_path, char **cause);
/* Release it (closing the descriptor); -1 is ignored. */
void lockfile_release(int fd);

#endif
