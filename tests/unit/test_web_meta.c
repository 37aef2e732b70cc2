/*
 * test_web_meta.c: metadata of web pages: dates to ISO 8601, bylines to
 * names, URLs (javascript: and data: never taken), the canonical URL's
 * host rule, and which declaration wins (JSON-LD with @graph and @id,
 * Open Graph and <meta>, microdata, markup).
 */
#include "testutil.h"

#include "artread/html.h"
#include "artread/util.h"
#include "artread/webmeta.h"

static void
dates(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "2026-03-04", "2026-03-04" },
		{ "2026-03-04T10:15:00Z", "2026-03-04T10:15:00Z" },
		{ "2026-03-04T10:15:00+00:00", "2026-03-04T10:15:00Z" },
		{ "2026-03-16T10:45:00+0000", "2026-03-16T10:45:00Z" },
		{ "2026-03-24T21:15:07.452Z", "2026-03-24T21:15:07Z" },
		{ "2026-03-12T14:05:00+02:00", "2026-03-12T14:05:00+02:00" },
		{ "2026-03-02T11:00:00-04:00", "2026-03-02T11:00:00-04:00" },
		{ "2026-03-04T10:15+01", "2026-03-04T10:15:00+01:00" },
		{ "2026-03-13 08:15:00", "2026-03-13T08:15:00" },
		{ " 2026-03-13 08:15 ", "2026-03-13T08:15:00" },
		{ "Wed, 04 Mar 2026 10:15:00 GMT", "2026-03-04T10:15:00Z" },
		{ "Wed, 04 Mar 2026 10:15:00 +0100", "2026-03-04T10:15:00+01:00" },
		{ "March 4, 2026", "2026-03-04" },
		{ "Mar. 4 2026", "2026-03-04" },
		{ "4th March 2026", "2026-03-04" },
		{ "Posted: Saturday, 14 March 2026", "2026-03-14" },
		{ "Sept 9, 2026", "2026-09-09" },
		{ "2026\xe5\xb9\xb4" "3\xe6\x9c\x88" "10\xe6\x97\xa5 15\xe6\x99\x82"
		    "30\xe5\x88\x86", "2026-03-10T15:30:00" },
		{ "2024-02-29", "2024-02-29" },
	};
	static const char *const bad[] = { "2026-02-29", "2026-13-01",
	    "31 February 2026", "2026-03-04T25:00:00Z", "not a date",
	    "12345-03-04", "the mayor may 2026", "", "14:05" };
	char out[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(webmeta_date(cases[i].in, out, sizeof out), 0);
		assert_string_equal(out, cases[i].out);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(webmeta_date(bad[i], out, sizeof out), -1);
}

static void
names(void **state)
{
	static const struct { const char *in; const char *out[4]; } cases[] = {
		{ "By Ann Lee, Bo Ma and Cy Ng", { "Ann Lee", "Bo Ma", "Cy Ng" } },
		{ "By Fiona Drummond & Kwame Asante",
		    { "Fiona Drummond", "Kwame Asante" } },
		{ "Callum Reid and Ishbel Mackay", { "Callum Reid", "Ishbel Mackay" } },
		{ "Jane Doe, Staff Writer", { "Jane Doe" } },
		{ "By Seren Pugh | Sunday 29 March 2026, 18:12", { "Seren Pugh" } },
		{ "Par Yannick Le Goff", { "Yannick Le Goff" } },
		{ "Von Katrin Bauer", { "Katrin Bauer" } },
		{ "von der Leyen", { "von der Leyen" } },
		{ "By: Ann Lee", { "Ann Lee" } },
		{ "Ann Lee, Ann Lee", { "Ann Lee" } },
		{ "https://example.com/author/ann", { NULL } },
		{ "Donal \xc3\x93 Briain", { "Donal \xc3\x93 Briain" } },
	};
	char **got;
	size_t i, k, n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = webmeta_names(cases[i].in, &got);
		for (k = 0; k < 4 && cases[i].out[k] != NULL; k++) {
			assert_true(k < n);
			assert_string_equal(got[k], cases[i].out[k]);
		}
		assert_int_equal(n, k);
		webmeta_free_names(got, n);
	}
}

static void
urls(void **state)
{
	static const struct { const char *href, *base, *out; } cases[] = {
		{ "https://a.example/x", NULL, "https://a.example/x" },
		{ "/story/1", "https://a.example/news/", "https://a.example/story/1" },
		{ "1?x=2", "https://a.example/news/", "https://a.example/news/1?x=2" },
		{ "//cdn.example/p", NULL, "https://cdn.example/p" },
		{ "//cdn.example/p", "http://a.example/", "http://cdn.example/p" },
		{ "/story/1", NULL, NULL },
		{ "javascript:alert(1)", "https://a.example/", NULL },
		{ " JavaScript:void(0)", "https://a.example/", NULL },
		{ "data:text/html;base64,PHA+", "https://a.example/", NULL },
		{ "mailto:x@a.example", "https://a.example/", NULL },
		{ "file:///etc/passwd", NULL, NULL },
		{ "", "https://a.example/", NULL },
		{ "https://a.example/has space", NULL, NULL },
	};
	size_t i;
	char *u;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		u = webmeta_abs_url(cases[i].href, cases[i].base);
		if (cases[i].out == NULL)
			assert_null(u);
		else
			assert_string_equal(u, cases[i].out);
		free(u);
	}
}

static void
canonical_only_on_the_same_host(void **state)
{
	struct webmeta m;

	(void)state;
	assert_true(webmeta_same_host("https://www.a.example/x",
	    "http://A.example:8080/y"));
	assert_true(webmeta_same_host("https://user@a.example/x",
	    "https://a.example/"));
	assert_false(webmeta_same_host("https://a.example.evil/x",
	    "https://a.example/"));
	assert_false(webmeta_same_host("https://amp.a.example/x",
	    "https://a.example/"));
	memset(&m, 0, sizeof m);
	m.canonical = (char *)"https://a.example/story";
	assert_string_equal(webmeta_key_url(&m, NULL), "https://a.example/story");
	assert_string_equal(webmeta_key_url(&m, "https://www.a.example/s?amp=1"),
	    "https://a.example/story");
	assert_string_equal(webmeta_key_url(&m, "http://127.0.0.1:8080/s"),
	    "http://127.0.0.1:8080/s");
	m.canonical = NULL;
	assert_null(webmeta_key_url(&m, NULL));
}

/* The metadata of a page. */
static void
read_page(const char *html, const char *url, struct webmeta *m)
{
	struct html_page p;
	char *cause;

	assert_int_equal(html_parse(html, strlen(html), NULL, &p, &cause), 0);
	webmeta_read(&p, url, m);
	html_page_free(&p);
}

static void
jsonld_graph_with_references(void **state)
{
	struct webmeta m;
	const char *page = "<html><head><script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@graph\":["
	    "{\"@type\":\"WebPage\",\"name\":\"Not the headline | Site\"},"
	    "{\"@type\":[\"Thing\",\"NewsArticle\"],\"headline\":\"Tom &amp; "
	    "Jerry sign\",\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\","
	    "\"name\":\"Bo Ma\"}],\"datePublished\":\"2026-03-04T10:00:00+01:00\","
	    "\"publisher\":{\"@id\":\"#org\"},\"mainEntityOfPage\":{\"@id\":"
	    "\"/story\"}},"
	    "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Lee\"},"
	    "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"The Site\"}"
	    "]}</script><meta property=\"og:title\" content=\"OG title\">"
	    "</head><body></body></html>";

	(void)state;
	read_page(page, "https://a.example/news/", &m);
	assert_string_equal(m.title, "Tom & Jerry sign");
	assert_int_equal(m.nbyline, 2);
	assert_string_equal(m.byline[0], "Ann Lee");
	assert_string_equal(m.byline[1], "Bo Ma");
	assert_string_equal(m.published, "2026-03-04T10:00:00+01:00");
	assert_string_equal(m.site, "The Site");
	assert_string_equal(m.canonical, "https://a.example/story");
	webmeta_free(&m);
}

static void
broken_jsonld_falls_back_to_meta(void **state)
{
	struct webmeta m;
	const char *page = "<head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\", \"headline\": oops}</script>"
	    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
	    "\"articleBody\":\"line one\nline two\"}</script>"
	    "<meta property='og:title' content='The OG title'>"
	    "<meta name='author' content='Ann Lee and Bo Ma'>"
	    "<meta property='article:published_time' content='2026-03-04'>"
	    "<meta property='og:site_name' content='Site'>"
	    "<link rel='canonical' href='javascript:alert(1)'>"
	    "<meta property='og:url' content='https://a.example/s'></head>";

	(void)state;
	read_page(page, NULL, &m);
	assert_string_equal(m.title, "The OG title");
	assert_int_equal(m.nbyline, 2);
	assert_string_equal(m.published, "2026-03-04");
	assert_string_equal(m.canonical, "https://a.example/s");
	/* A raw line break inside a JSON string is read, not refused. */
	assert_string_equal(m.ld_body, "line one line two");
	webmeta_free(&m);
}

static void
microdata_and_markup(void **state)
{
	struct webmeta m;
	const char *page = "<html><head><title>Site | The headline here"
	    "</title></head><body><div itemscope itemtype=\"https://schema.org/"
	    "Comment\"><span itemprop=author>Commenter</span></div>"
	    "<article itemscope itemtype=\"http://schema.org/NewsArticle\">"
	    "<span itemprop=author itemscope itemtype=Person><b itemprop=name>"
	    "Ann Lee</b></span><time itemprop=datePublished datetime="
	    "\"2026-03-02T11:00:00-04:00\">March 2</time><div itemprop=publisher "
	    "itemscope><meta itemprop=name content=\"The Courier\"></div>"
	    "<abbr class=published itemprop=dateModified title=\"2026-03-03\">"
	    "yesterday</abbr></article></body></html>";

	(void)state;
	read_page(page, NULL, &m);
	assert_string_equal(m.title, "The headline here");
	assert_int_equal(m.nbyline, 1);
	assert_string_equal(m.byline[0], "Ann Lee");
	assert_string_equal(m.published, "2026-03-02T11:00:00-04:00");
	assert_string_equal(m.modified, "2026-03-03");
	assert_string_equal(m.site, "The Courier");
	webmeta_free(&m);
}

static void
markup_byline_innermost_and_written_date(void **state)
{
	struct webmeta m;
	const char *page = "<html><head><title>Post: A page with no metadata"
	    "</title></head><body><h1>A page with no metadata</h1><font size=1>"
	    "<i>By Eamon Kearney</i><br>Posted: Saturday, 14 March 2026</font>"
	    "<p>Text.</p></body></html>";

	(void)state;
	read_page(page, NULL, &m);
	assert_string_equal(m.title, "A page with no metadata");
	assert_int_equal(m.nbyline, 1);
	assert_string_equal(m.byline[0], "Eamon Kearney");
	assert_string_equal(m.published, "2026-03-14");
	assert_null(m.site);
	assert_null(m.canonical);
	webmeta_free(&m);
}

static void
site_suffix_stripped_from_the_title(void **state)
{
	struct webmeta m;
	const char *page = "<head><meta property='og:title' content='Bridge "
	    "reopens - The Gazette'><meta property='og:site_name' content="
	    "'The Gazette'></head>";

	(void)state;
	read_page(page, NULL, &m);
	assert_string_equal(m.title, "Bridge reopens");
	webmeta_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(names),
		cmocka_unit_test(urls),
		cmocka_unit_test(canonical_only_on_the_same_host),
		cmocka_unit_test(jsonld_graph_with_references),
		cmocka_unit_test(broken_jsonld_falls_back_to_meta),
		cmocka_unit_test(microdata_and_markup),
		cmocka_unit_test(markup_byline_innermost_and_written_date),
		cmocka_unit_test(site_suffix_stripped_from_the_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
