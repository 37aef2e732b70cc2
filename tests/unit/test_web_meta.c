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
		util_free_list(got, n);
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
	    "http://A.example/y"));
	assert_true(webmeta_same_host("https://a.example:443/x",
	    "http://a.example:80/y"));
	assert_true(webmeta_same_host("http://a.example:8080/x",
	    "http://www.a.example:8080"));
	assert_true(webmeta_same_host("http://[::1]:8080/x",
	    "http://[::1]:8080/y"));
	/* Another port is another server (the bug: it was taken). */
	assert_false(webmeta_same_host("https://www.a.example/x",
	    "http://A.example:8080/y"));
	assert_false(webmeta_same_host("http://127.0.0.1:9000/x",
	    "http://127.0.0.1:8000/y"));
	assert_false(webmeta_same_host("http://[::1]:9000/x",
	    "http://[::1]:8000/y"));
	assert_false(webmeta_same_host("http://a.example:99999/x",
	    "http://a.example:99999/y"));
	assert_false(webmeta_same_host("http://a.example:80x/x",
	    "http://a.example/y"));
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
	assert_string_equal(webmeta_key_url(&m, "https://a.example:8443/s"),
	    "https://a.example:8443/s");
	m.canonical = NULL;
	assert_null(webmeta_key_url(&m, NULL));
}

/* A page and everything its metadata must be (NULL: none). */
struct page_case {
	const char	*what;
	const char	*html, *url;
	const char	*title, *names[3], *published, *modified, *site;
	const char	*canonical, *ld_body;
};

static const struct page_case pages[] = {
	{ "JSON-LD @graph with @id references, ahead of Open Graph",
	    "<html><head><script type=\"application/ld+json\">"
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
	    "</head><body></body></html>", "https://a.example/news/",
	    "Tom & Jerry sign", { "Ann Lee", "Bo Ma" },
	    "2026-03-04T10:00:00+01:00", NULL, "The Site",
	    "https://a.example/story", NULL },
	{ "broken JSON-LD falls back to <meta>; javascript: is no URL",
	    "<head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\", \"headline\": oops}</script>"
	    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
	    "\"articleBody\":\"line one\nline two\"}</script>"
	    "<meta property='og:title' content='The OG title'>"
	    "<meta name='author' content='Ann Lee and Bo Ma'>"
	    "<meta property='article:published_time' content='2026-03-04'>"
	    "<meta property='og:site_name' content='Site'>"
	    "<link rel='canonical' href='javascript:alert(1)'>"
	    "<meta property='og:url' content='https://a.example/s'></head>", NULL,
	    "The OG title", { "Ann Lee", "Bo Ma" }, "2026-03-04", NULL, "Site",
	    /* A raw line break inside a JSON string is read, not refused. */
	    "https://a.example/s", "line one line two" },
	{ "microdata of the article, not of a comment; hAtom <abbr>",
	    "<html><head><title>Site | The headline here"
	    "</title></head><body><div itemscope itemtype=\"https://schema.org/"
	    "Comment\"><span itemprop=author>Commenter</span></div>"
	    "<article itemscope itemtype=\"http://schema.org/NewsArticle\">"
	    "<span itemprop=author itemscope itemtype=Person><b itemprop=name>"
	    "Ann Lee</b></span><time itemprop=datePublished datetime="
	    "\"2026-03-02T11:00:00-04:00\">March 2</time><div itemprop=publisher "
	    "itemscope><meta itemprop=name content=\"The Courier\"></div>"
	    "<abbr class=published itemprop=dateModified title=\"2026-03-03\">"
	    "yesterday</abbr></article></body></html>", NULL,
	    "The headline here", { "Ann Lee" }, "2026-03-02T11:00:00-04:00",
	    "2026-03-03", "The Courier", NULL, NULL },
	{ "markup only: <h1>, the innermost \"By\", a written date",
	    "<html><head><title>Post: A page with no metadata"
	    "</title></head><body><h1>A page with no metadata</h1><font size=1>"
	    "<i>By Eamon Kearney</i><br>Posted: Saturday, 14 March 2026</font>"
	    "<p>Text.</p></body></html>", NULL,
	    "A page with no metadata", { "Eamon Kearney" }, "2026-03-14", NULL,
	    NULL, NULL, NULL },
	{ "the site's name is taken off the headline",
	    "<head><meta property='og:title' content='Bridge "
	    "reopens - The Gazette'><meta property='og:site_name' content="
	    "'The Gazette'></head>", NULL,
	    "Bridge reopens", { NULL }, NULL, NULL, "The Gazette", NULL, NULL },
};

static void
same_or_null(const char *what, const char *field, const char *got,
    const char *want)
{
	if (want == NULL && got == NULL)
		return;
	if (want == NULL || got == NULL || strcmp(got, want) != 0) {
		print_error("%s: %s is \"%s\", not \"%s\"\n", what, field,
		    got != NULL ? got : "(none)", want != NULL ? want : "(none)");
		fail();
	}
}

static void
what_pages_declare(void **state)
{
	struct html_page p;
	struct webmeta m;
	char *cause;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		const struct page_case *c = &pages[i];

		assert_int_equal(html_parse(c->html, strlen(c->html), NULL, &p,
		    &cause), 0);
		webmeta_read(&p, c->url, &m);
		html_page_free(&p);
		same_or_null(c->what, "title", m.title, c->title);
		same_or_null(c->what, "published", m.published, c->published);
		same_or_null(c->what, "modified", m.modified, c->modified);
		same_or_null(c->what, "site", m.site, c->site);
		same_or_null(c->what, "canonical", m.canonical, c->canonical);
		same_or_null(c->what, "articleBody", m.ld_body, c->ld_body);
		for (k = 0; k < 3 && c->names[k] != NULL; k++)
			same_or_null(c->what, "a name", k < m.nbyline ?
			    m.byline[k] : NULL, c->names[k]);
		assert_int_equal(m.nbyline, k);
		webmeta_free(&m);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(names),
		cmocka_unit_test(urls),
		cmocka_unit_test(canonical_only_on_the_same_host),
		cmocka_unit_test(what_pages_declare),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
