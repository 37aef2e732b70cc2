/*
 * fuzz_extract.c: the web extractor (charset detection and decoding,
 * libxml2's parser, metadata, scoring, text).  The first input byte
 * picks the charset the "HTTP header" declares (none, UTF-8, Shift_JIS,
 * GB2312, windows-1252, UTF-16); the rest is the page.  Checks: the
 * text holds no NUL and its body offset is inside it, the same bytes give
 * the same text, and artread's document model reads the text.
 */
#include "fuzz.h"

#include "artread/doc.h"
#include "artread/extract.h"

static const char *const charsets[] = { NULL, "utf-8", "shift_jis",
    "gb2312", "windows-1252", "utf-16le", "x-unknown", NULL };

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_result a, b;
	struct range p;
	struct doc *d;
	const char *cs;
	char *cause = NULL;
	size_t n = 0;

	if (size < 1)
		return 0;
	cs = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
	if (extract_article((const char *)data + 1, size - 1, cs, NULL, &a,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	if (a.body_start > a.len || memchr(a.text, '\0', a.len) != NULL)
		abort();
	if (extract_article((const char *)data + 1, size - 1, cs, NULL, &b,
	    &cause) != 0 || b.len != a.len || memcmp(a.text, b.text, a.len) != 0)
		abort();
	d = doc_from_memory("fuzz", a.text, a.len);
	if (doc_para_at(d, 0, &p)) {
		do
			(void)doc_para_is_headline(d, &p);
		while (++n < 100000 && doc_para_next(d, &p, &p));
	}
	doc_free(d);
	extract_result_free(&a);
	extract_result_free(&b);
	return 0;
}
