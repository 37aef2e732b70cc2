/*
 * pcre2lib.h: PCRE2 (8-bit) opened when first used (dynlib.h).  The first
 * screen is painted before any pattern is compiled (the rules come as an
 * image, analysis starts after the paint), so libpcre2-8 need not be
 * mapped and bound at every start.
 *
 * Include this instead of <pcre2.h>.  The pcre2_* functions artread
 * calls then go through pointers that pcre2lib_open fills; every path
 * calls it (or pcre2lib_need) before it compiles its first pattern or
 * makes its first match context, so no pointer is used unfilled.
 */
#ifndef ARTREAD_PCRE2LIB_H
#define ARTREAD_PCRE2LIB_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define PCRE2LIB_FUNCTIONS(X)						\
	X(code_free) X(compile) X(get_error_message)			\
	X(get_ovector_pointer) X(jit_compile) X(jit_match)		\
	X(jit_stack_assign) X(jit_stack_create) X(jit_stack_free)	\
	X(match) X(match_context_create) X(match_context_free)		\
	X(match_data_create_from_pattern) X(match_data_free)		\
	X(pattern_info) X(set_depth_limit) X(set_heap_limit)		\
	X(set_match_limit) X(set_offset_limit)				\
	X(substring_number_from_name)

/* (PCRE2LIB_FUNCTIONS, each of its own type) */
struct pcre2lib {
	__typeof__(pcre2_code_free)			*code_free;
	__typeof__(pcre2_compile)			*compile;
	__typeof__(pcre2_get_error_message)		*get_error_message;
	__typeof__(pcre2_get_ovector_pointer)		*get_ovector_pointer;
	__typeof__(pcre2_jit_compile)			*jit_compile;
	__typeof__(pcre2_jit_match)			*jit_match;
	__typeof__(pcre2_jit_stack_assign)		*jit_stack_assign;
	__typeof__(pcre2_jit_stack_create)		*jit_stack_create;
	__typeof__(pcre2_jit_stack_free)		*jit_stack_free;
	__typeof__(pcre2_match)				*match;
	__typeof__(pcre2_match_context_create)		*match_context_create;
	__typeof__(pcre2_match_context_free)		*match_context_free;
	__typeof__(pcre2_match_data_create_from_pattern)
	    *match_data_create_from_pattern;
	__typeof__(pcre2_match_data_free)		*match_data_free;
	__typeof__(pcre2_pattern_info)			*pattern_info;
	__typeof__(pcre2_set_depth_limit)		*set_depth_limit;
	__typeof__(pcre2_set_heap_limit)		*set_heap_limit;
	__typeof__(pcre2_set_match_limit)		*set_match_limit;
	__typeof__(pcre2_set_offset_limit)		*set_offset_limit;
	__typeof__(pcre2_substring_number_from_name)
	    *substring_number_from_name;
};

extern struct pcre2lib pcre2lib;

/* Open libpcre2-8 once: 0, or -1 with *cause (allocated). */
int pcre2lib_open(char **cause);
/* The same, where going on without it is not possible: fatal. */
void pcre2lib_need(void);

#undef pcre2_code_free
#define pcre2_code_free				(*pcre2lib.code_free)
#undef pcre2_compile
#define pcre2_compile				(*pcre2lib.compile)
#undef pcre2_get_error_message
#define pcre2_get_error_message			(*pcre2lib.get_error_message)
#undef pcre2_get_ovector_pointer
#define pcre2_get_ovector_pointer		(*pcre2lib.get_ovector_pointer)
#undef pcre2_jit_compile
#define pcre2_jit_compile			(*pcre2lib.jit_compile)
#undef pcre2_jit_match
#define pcre2_jit_match				(*pcre2lib.jit_match)
#undef pcre2_jit_stack_assign
#define pcre2_jit_stack_assign			(*pcre2lib.jit_stack_assign)
#undef pcre2_jit_stack_create
#define pcre2_jit_stack_create			(*pcre2lib.jit_stack_create)
#undef pcre2_jit_stack_free
#define pcre2_jit_stack_free			(*pcre2lib.jit_stack_free)
#undef pcre2_match
#define pcre2_match				(*pcre2lib.match)
#undef pcre2_match_context_create
#define pcre2_match_context_create		(*pcre2lib.match_context_create)
#undef pcre2_match_context_free
#define pcre2_match_context_free		(*pcre2lib.match_context_free)
#undef pcre2_match_data_create_from_pattern
#define pcre2_match_data_create_from_pattern	\
	(*pcre2lib.match_data_create_from_pattern)
#undef pcre2_match_data_free
#define pcre2_match_data_free			(*pcre2lib.match_data_free)
#undef pcre2_pattern_info
#define pcre2_pattern_info			(*pcre2lib.pattern_info)
#undef pcre2_set_depth_limit
#define pcre2_set_depth_limit			(*pcre2lib.set_depth_limit)
#undef pcre2_set_heap_limit
#define pcre2_set_heap_limit			(*pcre2lib.set_heap_limit)
#undef pcre2_set_match_limit
#define pcre2_set_match_limit			(*pcre2lib.set_match_limit)
#undef pcre2_set_offset_limit
#define pcre2_set_offset_limit			(*pcre2lib.set_offset_limit)
#undef pcre2_substring_number_from_name
#define pcre2_substring_number_from_name	\
	(*pcre2lib.substring_number_from_name)

#endif
