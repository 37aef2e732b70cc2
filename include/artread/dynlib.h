/*
 * dynlib.h: shared libraries opened when first used (dlopen), so that a
 * start that does not use them does not pay for mapping and binding
 * them.  zstd (the store's texts) and iniparser (INI files other than the
 * compiled-in defaults) were ~0.1 ms of every first screen, bound at
 * once by their own BIND_NOW (bench/README.md).
 *
 * A library is named by its soname (the Makefile finds it, so the same
 * ABI as linking it would give) and looked for as the dynamic loader
 * looks for the ones a binary needs.  A module lists the functions it
 * wants, each with the address of its own pointer to fill (of the
 * function's type: `__typeof__(f) *`), and calls dynlib_open before it
 * uses them: the first call opens the library and fills every pointer,
 * or fails, with the same cause every time (a missing library or
 * function is an error of the operation that needed it, never a crash).
 * Thread-safe.
 */
#ifndef ARTREAD_DYNLIB_H
#define ARTREAD_DYNLIB_H

#include <stddef.h>

struct dynlib_fn {
	const char	*name;
	void		*slot;	/* a pointer to the module's function pointer */
};

struct dynlib {
	const char		*soname;
	const struct dynlib_fn	*fns;
	size_t			 nfns;
	/* dynlib_open's */
	int			 state;	/* 0 not tried, 1 open, -1 failed */
	char			*error;
};

/* Open lib and fill its functions' pointers, once.  0, or -1 with *cause
 * (allocated) naming the library and what is wrong. */
int dynlib_open(struct dynlib *lib, char **cause);

#endif
