/*
 * jsonlib.c: jansson's functions, handed on to libjansson opened on the
 * first call (jsonlib.h).
 */
#include "artread/jsonlib.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "artread/dynlib.h"
#include "artread/util.h"

#ifndef AR_JANSSON_SONAME
#error "AR_JANSSON_SONAME (libjansson's soname) comes from the Makefile"
#endif

static struct {
	__typeof__(json_array)			*array;
	__typeof__(json_array_append_new)	*array_append_new;
	__typeof__(json_array_get)		*array_get;
	__typeof__(json_array_size)		*array_size;
	__typeof__(json_delete)			*delete;
	__typeof__(json_dumps)			*dumps;
	__typeof__(json_integer)		*integer;
	__typeof__(json_integer_value)		*integer_value;
	__typeof__(json_loadb)			*loadb;
	__typeof__(json_loads)			*loads;
	__typeof__(json_null)			*null;
	__typeof__(json_object)			*object;
	__typeof__(json_object_get)		*object_get;
	__typeof__(json_object_iter)		*object_iter;
	__typeof__(json_object_iter_key)	*object_iter_key;
	__typeof__(json_object_iter_next)	*object_iter_next;
	__typeof__(json_object_iter_value)	*object_iter_value;
	__typeof__(json_object_key_to_iter)	*object_key_to_iter;
	__typeof__(json_object_set_new)		*object_set_new;
	__typeof__(json_object_size)		*object_size;
	__typeof__(json_string)			*string;
	__typeof__(json_string_length)		*string_length;
	__typeof__(json_string_value)		*string_value;
} jl;

#define JSONLIB_FN(f)	{ "json_" #f, &jl.f }
static const struct dynlib_fn fns[] = {
	JSONLIB_FN(array), JSONLIB_FN(array_append_new), JSONLIB_FN(array_get),
	JSONLIB_FN(array_size), JSONLIB_FN(delete), JSONLIB_FN(dumps),
	JSONLIB_FN(integer), JSONLIB_FN(integer_value), JSONLIB_FN(loadb),
	JSONLIB_FN(loads), JSONLIB_FN(null), JSONLIB_FN(object),
	JSONLIB_FN(object_get), JSONLIB_FN(object_iter),
	JSONLIB_FN(object_iter_key), JSONLIB_FN(object_iter_next),
	JSONLIB_FN(object_iter_value), JSONLIB_FN(object_key_to_iter),
	JSONLIB_FN(object_set_new), JSONLIB_FN(object_size),
	JSONLIB_FN(string), JSONLIB_FN(string_length),
	JSONLIB_FN(string_value),
};
#undef JSONLIB_FN

static struct dynlib lib = {
	AR_JANSSON_SONAME, fns, sizeof fns / sizeof fns[0], 0, NULL
};
static atomic_int ready;

void
jsonlib_need(void)
{
	char *cause;

	if (atomic_load_explicit(&ready, memory_order_acquire))
		return;
	if (dynlib_open(&lib, &cause) != 0)
		fatalx("%s", cause);
	atomic_store_explicit(&ready, 1, memory_order_release);
}

json_t *
json_array(void)
{
	jsonlib_need();
	return jl.array();
}

int
json_array_append_new(json_t *array, json_t *value)
{
	jsonlib_need();
	return jl.array_append_new(array, value);
}

json_t *
json_array_get(const json_t *array, size_t index)
{
	jsonlib_need();
	return jl.array_get(array, index);
}

size_t
json_array_size(const json_t *array)
{
	jsonlib_need();
	return jl.array_size(array);
}

void
json_delete(json_t *json)
{
	jsonlib_need();
	jl.delete(json);
}

char *
json_dumps(const json_t *json, size_t flags)
{
	jsonlib_need();
	return jl.dumps(json, flags);
}

json_t *
json_integer(json_int_t value)
{
	jsonlib_need();
	return jl.integer(value);
}

json_int_t
json_integer_value(const json_t *integer)
{
	jsonlib_need();
	return jl.integer_value(integer);
}

json_t *
json_loadb(const char *buffer, size_t buflen, size_t flags,
    json_error_t *error)
{
	jsonlib_need();
	return jl.loadb(buffer, buflen, flags, error);
}

json_t *
json_loads(const char *input, size_t flags, json_error_t *error)
{
	jsonlib_need();
	return jl.loads(input, flags, error);
}

json_t *
json_null(void)
{
	jsonlib_need();
	return jl.null();
}

json_t *
json_object(void)
{
	jsonlib_need();
	return jl.object();
}

json_t *
json_object_get(const json_t *object, const char *key)
{
	jsonlib_need();
	return jl.object_get(object, key);
}

void *
json_object_iter(json_t *object)
{
	jsonlib_need();
	return jl.object_iter(object);
}

const char *
json_object_iter_key(void *iter)
{
	jsonlib_need();
	return jl.object_iter_key(iter);
}

void *
json_object_iter_next(json_t *object, void *iter)
{
	jsonlib_need();
	return jl.object_iter_next(object, iter);
}

json_t *
json_object_iter_value(void *iter)
{
	jsonlib_need();
	return jl.object_iter_value(iter);
}

void *
json_object_key_to_iter(const char *key)
{
	jsonlib_need();
	return jl.object_key_to_iter(key);
}

int
json_object_set_new(json_t *object, const char *key, json_t *value)
{
	jsonlib_need();
	return jl.object_set_new(object, key, value);
}

size_t
json_object_size(const json_t *object)
{
	jsonlib_need();
	return jl.object_size(object);
}

json_t *
json_string(const char *value)
{
	jsonlib_need();
	return jl.string(value);
}

size_t
json_string_length(const json_t *string)
{
	jsonlib_need();
	return jl.string_length(string);
}

const char *
json_string_value(const json_t *string)
{
	jsonlib_need();
	return jl.string_value(string);
}
