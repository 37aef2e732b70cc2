/*
 * cppcheck-defs.h: what cppcheck must know of macros from system headers
 * it does not read (make lint passes it with --include).  Only for the
 * analyser; never compiled.
 */
#define json_array_foreach(array, index, value) \
	for (index = 0; index < json_array_size(array) && \
	    ((value) = json_array_get(array, index)) != NULL; index++)
#define json_object_foreach(object, key, value) \
	for (key = json_object_iter_key(json_object_iter(object)); \
	    key != NULL && ((value) = json_object_iter_value( \
	    json_object_key_to_iter(key))) != NULL; \
	    key = json_object_iter_key(json_object_iter_next(object, \
	    json_object_key_to_iter(key))))
