/*
 * test_web_html.c: charsets (labels, declarations and their order,
 * decoding with undecodable bytes kept) and libxml2's HTML parser as
 * html.c uses it, with each HTML4 quirk of Debian's libxml2 2.9 shown
 * first in the raw parser and then handled.
 */
#include "testutil.h"

#include <libxml/HTMLparser.h>

#include "artread/charset.h"
#include "artread/extract.h"
#include "artread/html.h"
#include "artread/utf8.h"
#include "artread/util.h"
#include "artread/webmeta.h"

/* ---- labels and declarations -------------------------------------------- */

static void
labels_map_as_browsers_do(void **state)
{
	static const struct { const char *label, *name; } cases[] = {
		{ "utf-8", "UTF-8" }, { " UTF8 ", "UTF-8" },
		{ "iso-8859-1", "WINDOWS-1252" }, { "Latin1", "WINDOWS-1252" },
		{ "us-ascii", "WINDOWS-1252" }, { "gb2312", "GB18030" },
		{ "GBK", "GB18030" }, { "Shift_JIS", "CP932" },
		{ "x-sjis", "CP932" }, { "euc-kr", "CP949" },
		{ "iso-8859-9", "WINDOWS-1254" }, { "koi8-r", "KOI8-R" },
		{ "big5", "BIG5-HKSCS" }, { "utf-16", "UTF-16LE" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(charset_from_label(cases[i].label,
		    strlen(cases[i].label)), cases[i].name);
	assert_null(charset_from_label("x-no-such-charset", 17));
	assert_null(charset_from_label("", 0));
}

static void
content_type_charset(void **state)
{
	char label[64];

	(void)state;
	assert_int_equal(charset_param("text/html; charset=gb2312", label,
	    sizeof label), 0);
	assert_string_equal(label, "gb2312");
	assert_int_equal(charset_param("text/html;Charset=\"UTF-8\"", label,
	    sizeof label), 0);
	assert_string_equal(label, "UTF-8");
	assert_int_equal(charset_param("text/html", label, sizeof label), -1);
	assert_int_equal(charset_param(NULL, label, sizeof label), -1);
}

static void
meta_prescan(void **state)
{
	char label[64], *big;
	const char *a = "<html><head><meta charset='Shift_JIS'></head>";
	const char *b = "<meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=iso-8859-1\">";
	const char *c = "<!-- <meta charset=koi8-r> --><p>no declaration";

	(void)state;
	assert_int_equal(charset_prescan(a, strlen(a), label, sizeof label), 0);
	assert_string_equal(label, "Shift_JIS");
	assert_int_equal(charset_prescan(b, strlen(b), label, sizeof label), 0);
	assert_string_equal(label, "iso-8859-1");
	assert_int_equal(charset_prescan(c, strlen(c), label, sizeof label), -1);
	/* Only the first 4 KiB are looked at. */
	big = xmalloc(5000 + 32);
	memset(big, ' ', 5000);
	strcpy(big + 5000, "<meta charset=koi8-r>");
	assert_int_equal(charset_prescan(big, strlen(big), label, sizeof label),
	    -1);
	free(big);
}

static void
detect_order_bom_header_meta_sniff(void **state)
{
	struct charset_guess g;
	const char *meta = "<meta charset=windows-1252><p>caf\xc3\xa9";
	const char *bom = "\xef\xbb\xbf<meta charset=windows-1252>";
	const char *m16 = "<meta charset=utf-16><p>x";
	const char *latin = "<p>caf\xe9 cr\xe8me br\xfbl\xe9" "e";

	(void)state;
	charset_detect(bom, strlen(bom), "iso-8859-2", &g);
	assert_string_equal(g.name, "UTF-8");
	assert_int_equal(g.from, CHARSET_FROM_BOM);
	assert_int_equal(g.bom_len, 3);
	charset_detect(meta, strlen(meta), "gb2312", &g);
	assert_string_equal(g.name, "GB18030");
	assert_int_equal(g.from, CHARSET_FROM_HTTP);
	/* An unknown header label is ignored: the <meta> decides. */
	charset_detect(meta, strlen(meta), "x-no-such", &g);
	assert_string_equal(g.name, "WINDOWS-1252");
	assert_int_equal(g.from, CHARSET_FROM_META);
	charset_detect(m16, strlen(m16), NULL, &g);
	assert_string_equal(g.name, "UTF-8");
	charset_detect("<p>caf\xc3\xa9", 8, NULL, &g);
	assert_string_equal(g.name, "UTF-8");
	assert_int_equal(g.from, CHARSET_FROM_SNIFF);
	charset_detect(latin, strlen(latin), NULL, &g);
	assert_string_equal(g.name, "WINDOWS-1252");
}

/* ---- decoding -------------------------------------------------------------- */

static char *
decode(const char *bytes, size_t len, const char *http, size_t *n)
{
	struct charset_guess g;

	charset_detect(bytes, len, http, &g);
	return charset_to_utf8(bytes, len, &g, n);
}

static void
undecodable_bytes_come_back_as_themselves(void **state)
{
	/* UTF-8 declared, with a stray Latin-1 byte and a truncated
	 * sequence: escaped for the parser, the same bytes afterwards. */
	const char in[] = "<meta charset=utf-8>caf\xe9 \xe2\x82 end";
	size_t n;
	char *s = decode(in, sizeof in - 1, NULL, &n);

	(void)state;
	assert_true(utf8_valid(s, n));
	n = charset_unescape(s, n);
	assert_mem_str(s, n, "<meta charset=utf-8>caf\xe9 \xe2\x82 end");
	free(s);
}

static void
shift_jis_and_its_bad_byte(void **state)
{
	/* 日本 in Shift_JIS, then 0xA0 (undefined in CP932). */
	const char in[] = "\x93\xfa\x96\x7b\xa0!";
	size_t n;
	char *s = decode(in, sizeof in - 1, "shift_jis", &n);

	(void)state;
	n = charset_unescape(s, n);
	assert_mem_str(s, n, "\xe6\x97\xa5\xe6\x9c\xac\xa0!");
	free(s);
}

static void
nul_and_escape_range_read_as_replacement(void **state)
{
	/* NUL, and U+10FF41 written in the page itself. */
	const char in[] = "a\0b\xf4\x8f\xbd\x81" "c";
	size_t n;
	char *s = decode(in, sizeof in - 1, "utf-8", &n);

	(void)state;
	n = charset_unescape(s, n);
	assert_mem_str(s, n, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
	free(s);
}

static void
utf16_with_bom(void **state)
{
	const char in[] = "\xff\xfe<\0p\0>\0\xe9\0";
	size_t n;
	char *s = decode(in, sizeof in - 1, NULL, &n);

	(void)state;
	assert_mem_str(s, n, "<p>\xc3\xa9");
	free(s);
}

/* ---- parsing ------------------------------------------------------------------ */

/* The body text of a page, through the whole extractor. */
static char *
body_of(const char *html)
{
	struct extract_result r;
	char *cause = NULL, *body;

	assert_int_equal(extract_article(html, strlen(html), NULL, NULL, &r,
	    &cause), 0);
	body = xstrdup(r.text + r.body_start);
	extract_result_free(&r);
	return body;
}

static int
raw_parse_has(const char *html, int options, const char *want)
{
	htmlDocPtr d = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    options | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	xmlChar *c = d != NULL && xmlDocGetRootElement(d) != NULL ?
	    xmlNodeGetContent(xmlDocGetRootElement(d)) : NULL;
	int has = c != NULL && strstr((const char *)c, want) != NULL;

	xmlFree(c);
	xmlFreeDoc(d);
	return has;
}

static char *
nested(const char *tag, int depth, const char *inner)
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b, "<html><body>");
	for (i = 0; i < depth; i++)
		buf_printf(&b, "<%s>", tag);
	buf_adds(&b, inner);
	for (i = 0; i < depth; i++)
		buf_printf(&b, "</%s>", tag);
	buf_adds(&b, "<p>After the deep part comes this closing paragraph of "
	    "the page.</p></body></html>");
	return buf_steal(&b);
}

static void
depth_past_256_keeps_the_rest_of_the_page(void **state)
{
	char *page = nested("div", 300, "<p>Deep down there is a paragraph "
	    "of text to read.</p>"), *body;

	(void)state;
	/* The quirk: libxml2 drops everything without XML_PARSE_HUGE. */
	assert_false(raw_parse_has(page, HTML_PARSE_RECOVER, "closing"));
	body = body_of(page);
	assert_non_null(strstr(body, "Deep down there is a paragraph"));
	assert_non_null(strstr(body, "After the deep part comes"));
	free(body);
	free(page);
}

static void
ten_thousand_nested_elements(void **state)
{
	char *page = nested("div", 10000, "<p>The deepest paragraph is read "
	    "whole.</p>"), *body;

	(void)state;
	body = body_of(page);
	assert_non_null(strstr(body, "The deepest paragraph is read whole."));
	free(body);
	free(page);
}

static void
section_inside_an_open_p_is_its_own_block(void **state)
{
	const char *page = "<html><body><article><p>The first paragraph, "
	    "left open by the page, runs on and on.<section><h2>A subhead"
	    "</h2><p>The section's own paragraph follows it, as the page "
	    "meant.</p></section></article></body></html>";
	char *body;

	(void)state;
	/* The quirk: libxml2 keeps the <section> inside the <p>. */
	{
		htmlDocPtr d = htmlReadMemory(page, (int)strlen(page), NULL,
		    "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING);
		xmlNode *p = xmlDocGetRootElement(d)->children->children->children;

		assert_string_equal((const char *)p->name, "p");
		assert_string_equal((const char *)p->last->name, "section");
		xmlFreeDoc(d);
	}
	body = body_of(page);
	assert_string_equal(body, "The first paragraph, left open by the page, "
	    "runs on and on.\n\nA subhead\n\nThe section's own paragraph "
	    "follows it, as the page meant.\n");
	free(body);
}

static void
template_script_style_noscript_are_not_text(void **state)
{
	const char *page = "<html><head><template><p>Head template text"
	    "</p></template><style>p{color:red}</style></head><body>"
	    "<p>Only this paragraph of the page is meant to be read.</p>"
	    "<template><p>Body template text that never shows.</p></template>"
	    "<script>var secret = 'script text';</script>"
	    "<noscript><p>Please enable JavaScript to read this.</p></noscript>"
	    "</body></html>";
	char *body;

	(void)state;
	/* The quirk: libxml2 reads a template's content as nodes. */
	assert_true(raw_parse_has(page, HTML_PARSE_RECOVER, "Body template"));
	body = body_of(page);
	assert_string_equal(body, "Only this paragraph of the page is meant "
	    "to be read.\n");
	free(body);
}

static void
raw_text_dropped_before_parsing(void **state)
{
	/* A '<script>' inside an attribute value is not a script; a real
	 * one's content goes, JSON-LD's stays; a comment goes whole. */
	const char *page = "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Kept headline\"}"
	    "</script><style>p { color: red }</style></head><body><div title="
	    "\"a <script> tag\"><p>First paragraph of the page, long enough to "
	    "be read.</p></div><!-- <p>commented out</p> --><script>document."
	    "write('<p>written by a script</p>')</script><svg><text>svg text"
	    "</text></svg><p>Second paragraph of the page, also long enough."
	    "</p></body></html>";
	struct extract_result r;
	char *cause = NULL;

	(void)state;
	assert_int_equal(extract_article(page, strlen(page), NULL, NULL, &r,
	    &cause), 0);
	assert_string_equal(r.meta.title, "Kept headline");
	assert_string_equal(r.text + r.body_start, "First paragraph of the "
	    "page, long enough to be read.\n\nSecond paragraph of the page, "
	    "also long enough.\n");
	extract_result_free(&r);
}

static void
c1_references_read_as_windows_1252(void **state)
{
	char *body = body_of("<p>It&#146;s &#147;quoted&#148; &#150; and "
	    "&#0; too, in a paragraph long enough.</p>");

	(void)state;
	assert_string_equal(body, "It\xe2\x80\x99s \xe2\x80\x9cquoted\xe2\x80\x9d "
	    "\xe2\x80\x93 and \xef\xbf\xbd too, in a paragraph long enough.\n");
	free(body);
}

static void
no_entities_beyond_html(void **state)
{
	/* A billion-laughs internal subset is not read (nor is any DTD). */
	char *body = body_of("<!DOCTYPE html [<!ENTITY a \"AAAAAAAAAA\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;"
	    "&b;&b;&b;&b;&b;&b;&b;&b;\">]><html><body><p>Only &amp; this "
	    "paragraph, &c; and nothing more, is read.</p></body></html>");

	(void)state;
	assert_null(strstr(body, "AAAAAAAAAA"));
	assert_non_null(strstr(body, "Only & this paragraph, &c; and nothing"));
	free(body);
}

static void
too_many_tags_is_an_error(void **state)
{
	size_t n = HTML_MAX_TAGS + 1, i;
	char *page = xmalloc(n * 3 + 1), *cause = NULL;
	struct html_page p;

	(void)state;
	for (i = 0; i < n; i++)
		memcpy(page + i * 3, "<b>", 3);
	page[n * 3] = '\0';
	assert_int_equal(html_parse(page, n * 3, NULL, &p, &cause), -1);
	assert_non_null(strstr(cause, "more than"));
	free(cause);
	free(page);
}

static void
empty_and_plain_input(void **state)
{
	struct extract_result r;
	struct html_page p;
	char *cause = NULL;

	(void)state;
	assert_int_equal(html_parse("", 0, NULL, &p, &cause), 0);
	assert_non_null(p.doc);
	html_page_free(&p);
	/* Plain white space parses, and holds no article (an error). */
	assert_int_equal(extract_article("   ", 3, NULL, NULL, &r, &cause),
	    -1);
	assert_non_null(strstr(cause, "no article found"));
	free(cause);
}

static void
tags_and_attributes(void **state)
{
	struct html_page p;
	char *cause;
	const char *page = "<DIV CLASS=Lead ID=x><SECTION>s</SECTION>"
	    "<amp-ad>ad</amp-ad><amp-img></amp-img><blink>b</blink></DIV>";
	xmlNode *div;

	(void)state;
	assert_int_equal(html_parse(page, strlen(page), NULL, &p, &cause), 0);
	div = html_body(&p)->children;
	assert_int_equal(html_tag(div), HTML_TAG_DIV);
	assert_string_equal(html_attr(div, "class"), "Lead");
	assert_null(html_attr(div, "style"));
	assert_int_equal(html_tag(div->children), HTML_TAG_SECTION);
	assert_int_equal(html_tag(div->children->next), HTML_TAG_AMP_CHROME);
	assert_int_equal(html_tag(div->children->next->next), HTML_TAG_AMP_IMG);
	assert_int_equal(html_tag(div->last), HTML_TAG_OTHER);
	assert_true(html_tag_flags(HTML_TAG_TEMPLATE) & HTML_NO_TEXT);
	assert_true(html_tag_flags(HTML_TAG_SECTION) & HTML_BLOCK);
	html_page_free(&p);
}

static void
unescape_references(void **state)
{
	char *s = html_unescape("Tom &amp; Jerry &eacute;t&eacute; &#8217; "
	    "&#x2019; &#150; &nosuch; & alone");

	(void)state;
	assert_string_equal(s, "Tom & Jerry \xc3\xa9t\xc3\xa9 \xe2\x80\x99 "
	    "\xe2\x80\x99 \xe2\x80\x93 &nosuch; & alone");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labels_map_as_browsers_do),
		cmocka_unit_test(content_type_charset),
		cmocka_unit_test(meta_prescan),
		cmocka_unit_test(detect_order_bom_header_meta_sniff),
		cmocka_unit_test(undecodable_bytes_come_back_as_themselves),
		cmocka_unit_test(shift_jis_and_its_bad_byte),
		cmocka_unit_test(nul_and_escape_range_read_as_replacement),
		cmocka_unit_test(utf16_with_bom),
		cmocka_unit_test(depth_past_256_keeps_the_rest_of_the_page),
		cmocka_unit_test(ten_thousand_nested_elements),
		cmocka_unit_test(section_inside_an_open_p_is_its_own_block),
		cmocka_unit_test(template_script_style_noscript_are_not_text),
		cmocka_unit_test(raw_text_dropped_before_parsing),
		cmocka_unit_test(c1_references_read_as_windows_1252),
		cmocka_unit_test(no_entities_beyond_html),
		cmocka_unit_test(too_many_tags_is_an_error),
		cmocka_unit_test(empty_and_plain_input),
		cmocka_unit_test(tags_and_attributes),
		cmocka_unit_test(unescape_references),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
