/*
 * dynlib.c: shared libraries opened when first used (dynlib.h).  dlopen
 * searches as the dynamic loader does for a binary's own libraries
 * (LD_LIBRARY_PATH where allowed, the cache, the system directories);
 * RTLD_LOCAL keeps the library's symbols out of everyone else's way.
 */
#include "artread/dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include "artread/util.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Open and bind lib (state 0); the handle is kept for the process. */
static void
open_lib(struct dynlib *lib)
{
	const char *why;
	void *h, *sym;
	size_t i;

	if ((h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		why = dlerror();
		lib->error = xstrdup(why != NULL ? why : lib->soname);
		lib->state = -1;
		return;
	}
	for (i = 0; i < lib->nfns; i++) {
		if ((sym = dlsym(h, lib->fns[i].name)) == NULL) {
			lib->error = xasprintf("%s: no function %s",
			    lib->soname, lib->fns[i].name);
			lib->state = -1;
			while (i-- > 0)		/* none is left to call */
				memcpy(lib->fns[i].slot, &sym, sizeof sym);
			dlclose(h);
			return;
		}
		/* POSIX: a function's address, as a data pointer */
		memcpy(lib->fns[i].slot, &sym, sizeof sym);
	}
	lib->state = 1;
}

int
dynlib_open(struct dynlib *lib, char **cause)
{
	int state;

	pthread_mutex_lock(&lock);
	if (lib->state == 0)
		open_lib(lib);
	state = lib->state;
	pthread_mutex_unlock(&lock);
	if (state > 0)
		return 0;
	*cause = xasprintf("cannot load %s", lib->error);
	return -1;
}
