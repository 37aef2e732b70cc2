/*
 * test_web_extract.c: the extractor on the fixture pages of
 * tests/data/web/ (no network): every declared metadata field exact,
 * the body's words close to the expected text; and the text model the
 * rest of artread reads (the headline found by doc.c, metadata lines,
 * lists, quotes, captions, tables), what is left out, determinism, and
 * undecodable bytes kept as bytes.
 */
#include "testutil.h"

#include <dirent.h>

#include <jansson.h>

#include "artread/doc.h"
#include "artread/extract.h"
#include "artread/util.h"

#define FIXTURES	"tests/data/web"
/* Each page's body must have at least this word F1 against its text. */
#define MIN_F1		0.95

/* ---- words ------------------------------------------------------------------ */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Words: runs of bytes that are not white space or ASCII punctuation;
 * the caption marker is not a word. */
static size_t
words(const char *text, char ***out)
{
	char *copy = xstrdup(text), *p, *w, **list = NULL;
	size_t n = 0;

	for (p = copy; (p = strstr(p, "[Caption: ")) != NULL; p += 10)
		memset(p, ' ', 10);
	for (p = copy; *p != '\0'; p++)
		if ((unsigned char)*p < 0x80 && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			*p = ' ';
	for (w = strtok(copy, " "); w != NULL; w = strtok(NULL, " ")) {
		list = xreallocarray(list, n + 1, sizeof *list);
		list[n++] = xstrdup(w);
	}
	free(copy);
	if (n > 0)	/* qsort must not be given NULL */
		qsort(list, n, sizeof *list, cmp_str);
	*out = list;
	return n;
}

/* Words of got and of want, and the words they have in common (as
 * multisets). */
static size_t
common_words(const char *got, const char *want, size_t *ngot, size_t *nwant)
{
	char **g, **w;
	size_t ng = words(got, &g), nw = words(want, &w), i = 0, j = 0, common = 0;

	while (i < ng && j < nw) {
		int c = strcmp(g[i], w[j]);

		if (c == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0)
			i++;
		else
			j++;
	}
	util_free_list(g, ng);
	util_free_list(w, nw);
	*ngot = ng;
	*nwant = nw;
	return common;
}

/* Word-level F1 of got against want (as multisets). */
static double
word_f1(const char *got, const char *want)
{
	size_t ng, nw, common = common_words(got, want, &ng, &nw);
	double p, r;

	if (common == 0)
		return 0;
	p = (double)common / (double)ng;
	r = (double)common / (double)nw;
	return 2 * p * r / (p + r);
}

/* ---- the fixtures ------------------------------------------------------------ */

static char *
slurp(const char *dir, const char *name, const char *suffix, size_t *len)
{
	char *path = xasprintf("%s/%s%s", dir, name, suffix), *s;

	s = util_read_file(path, len);
	free(path);
	return s;
}

static char *
header_charset(const char *name)
{
	char *h = slurp(FIXTURES, name, ".headers", NULL), *c;
	const char *p;

	if (h == NULL || (p = strstr(h, "charset=")) == NULL) {
		free(h);
		return NULL;
	}
	c = xstrndup(p + 8, strcspn(p + 8, " ;\r\n"));
	free(h);
	return c;
}

static int
same_string(json_t *want, const char *got)
{
	if (json_is_null(want))
		return got == NULL;
	return got != NULL && strcmp(json_string_value(want), got) == 0;
}

static int
same_names(json_t *want, char **got, size_t n)
{
	size_t i;

	if (json_is_null(want))
		return n == 0;
	if (json_array_size(want) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(json_string_value(json_array_get(want, i)), got[i]) != 0)
			return 0;
	return 1;
}

/* Extract one fixture; count the fields and bodies that are wrong. */
static int
check_fixture(const char *name)
{
	struct extract_result r;
	json_error_t err;
	json_t *want;
	char *html, *text, *charset, *json, *cause = NULL;
	size_t len;
	double f1;
	int wrong = 0;

	html = slurp(FIXTURES, name, ".html", &len);
	text = slurp(FIXTURES, name, ".expected.txt", NULL);
	json = slurp(FIXTURES, name, ".expected.json", NULL);
	assert_non_null(html);
	assert_non_null(text);
	assert_non_null(json);
	want = json_loads(json, 0, &err);
	assert_non_null(want);
	charset = header_charset(name);
	assert_int_equal(extract_article(html, len, charset, NULL, &r, &cause), 0);
#define FIELD(key, got) do {						\
	if (!same_string(json_object_get(want, key), got)) {		\
		print_error("%s: %s is \"%s\"\n", name, key,		\
		    got != NULL ? got : "(none)");			\
		wrong++;						\
	}								\
} while (0)
	FIELD("title", r.meta.title);
	FIELD("published", r.meta.published);
	FIELD("modified", r.meta.modified);
	FIELD("site", r.meta.site);
	FIELD("url", r.meta.canonical);
#undef FIELD
	if (!same_names(json_object_get(want, "byline"), r.meta.byline,
	    r.meta.nbyline)) {
		print_error("%s: the byline is wrong\n", name);
		wrong++;
	}
	f1 = word_f1(r.text + r.body_start, text);
	if (f1 < MIN_F1) {
		print_error("%s: body F1 %.3f\n", name, f1);
		wrong++;
	}
	extract_result_free(&r);
	json_decref(want);
	free(charset);
	free(html);
	free(text);
	free(json);
	return wrong;
}

/* Run check on every fixture page; the sum of what it finds wrong. */
static int
each_fixture(int (*check)(const char *))
{
	DIR *d = opendir(FIXTURES);
	struct dirent *e;
	int pages = 0, wrong = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char *name;

		if (n < 6 || strcmp(e->d_name + n - 5, ".html") != 0)
			continue;
		name = xstrndup(e->d_name, n - 5);
		wrong += check(name);
		free(name);
		pages++;
	}
	closedir(d);
	assert_true(pages >= 20);
	return wrong;
}

static void
every_fixture(void **state)
{
	(void)state;
	assert_int_equal(each_fixture(check_fixture), 0);
}

/* ---- small edits ------------------------------------------------------------- */

/* What replaces the longest paragraph in the second kind of edit. */
#define SHORT_PARA	"The crossing has been shut since 2021."
/* Words an edit may lose besides those of the paragraph it removes. */
#define EDIT_SLACK	3

struct para_span {
	size_t start, end;	/* "<p" to just past "</p>" */
};

/* The <p> elements of a page's source, found as text. */
static size_t
para_spans(const char *html, struct para_span **out)
{
	const char *p = html, *close;
	struct para_span *v = NULL;
	size_t n = 0;

	while ((p = strstr(p, "<p")) != NULL) {
		if ((p[2] != '>' && p[2] != ' ') ||
		    (close = strstr(p, "</p>")) == NULL) {
			p += 2;
			continue;
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].start = (size_t)(p - html);
		v[n].end = (size_t)(close + 4 - html);
		n++;
		p = close + 4;
	}
	*out = v;
	return n;
}

/* The body of a page with one paragraph replaced by with. */
static char *
edited_body(const char *html, size_t len, const char *charset,
    const struct para_span *s, const char *with)
{
	struct extract_result r;
	char *page, *cause = NULL, *body;

	page = xasprintf("%.*s%s%s", (int)s->start, html, with, html + s->end);
	assert_int_equal(extract_article(page, len - (s->end - s->start) +
	    strlen(with), charset, NULL, &r, &cause), 0);
	body = xstrdup(r.text + r.body_start);
	extract_result_free(&r);
	free(page);
	return body;
}

/* Paragraphs of got found nowhere in the text before the edit (what R
 * and --diff would call inserted), besides the edit's own text. */
static int
inserted(const char *name, const char *got, const char *before)
{
	char *copy = xstrdup(got), *para, *save = NULL;
	int n = 0;

	for (para = strtok_r(copy, "\n", &save); para != NULL;
	    para = strtok_r(NULL, "\n", &save)) {
		if (strstr(before, para) != NULL || strstr(para, SHORT_PARA) != NULL)
			continue;
		print_error("%s: inserted \"%s\"\n", name, para);
		n++;
	}
	free(copy);
	return n;
}

/* Words of a stretch of markup, tags left out. */
static size_t
markup_words(const char *html, const struct para_span *s)
{
	char *t = xstrndup(html + s->start, s->end - s->start), *o = t, **list;
	const char *p;
	int in_tag = 0;
	size_t n;

	for (p = t; *p != '\0'; p++) {
		if (*p == '<' || *p == '>')
			in_tag = *p == '<';
		else if (!in_tag)
			*o++ = *p;
	}
	*o = '\0';
	n = words(t, &list);
	util_free_list(list, n);
	free(t);
	return n;
}

static int
check_edit(const char *name, const char *html, size_t len,
    const char *charset, const struct para_span *s, const char *with,
    const char *before)
{
	char *got = edited_body(html, len, charset, s, with);
	size_t ng, nb, common = common_words(got, before, &ng, &nb);
	int wrong = inserted(name, got, before);

	if (nb - common > markup_words(html, s) + EDIT_SLACK) {
		print_error("%s: %zu words lost after an edit at byte %zu\n",
		    name, nb - common, s->start);
		wrong++;
	}
	free(got);
	return wrong;
}

/* Each paragraph of the page deleted in turn, and the longest one
 * replaced by a short one. */
static int
check_edits(const char *name)
{
	struct extract_result r;
	struct para_span *spans, longest;
	char *html, *charset, *before, *cause = NULL;
	size_t len, n, i;
	int wrong = 0;

	html = slurp(FIXTURES, name, ".html", &len);
	assert_non_null(html);
	charset = header_charset(name);
	assert_int_equal(extract_article(html, len, charset, NULL, &r, &cause), 0);
	before = xstrdup(r.text + r.body_start);
	extract_result_free(&r);
	n = para_spans(html, &spans);
	for (i = 0; i < n; i++)
		wrong += check_edit(name, html, len, charset, &spans[i], "",
		    before);
	if (n > 0) {
		longest = spans[0];
		for (i = 1; i < n; i++)
			if (spans[i].end - spans[i].start > longest.end - longest.start)
				longest = spans[i];
		wrong += check_edit(name, html, len, charset, &longest,
		    "<p>" SHORT_PARA "</p>", before);
	}
	free(spans);
	free(before);
	free(charset);
	free(html);
	return wrong;
}

/* One paragraph more or less never brings the page's furniture into the
 * body (a body class worn by a newsletter box once outscored a body cut
 * short) nor loses the rest of the article. */
static void
small_edits_keep_the_body(void **state)
{
	(void)state;
	assert_int_equal(each_fixture(check_edits), 0);
}

/* ---- the text model --------------------------------------------------------- */

static void
extract(const char *html, struct extract_result *r)
{
	char *cause = NULL;

	assert_int_equal(extract_article(html, strlen(html), NULL, NULL, r,
	    &cause), 0);
}

static void
headline_then_metadata_then_body(void **state)
{
	struct extract_result r;
	struct doc *d;
	struct range p;
	const char *page = "<html><head><meta property='og:title' content="
	    "'Ferry strike ends after nine days'><meta name=author content="
	    "'Ann Lee, Bo Ma and Cy Ng'><meta property='article:published_time'"
	    " content='2026-03-04T10:00:00Z'><meta property='article:modified_"
	    "time' content='2026-03-05T08:00:00Z'><meta property=og:site_name "
	    "content='The Herald'><link rel=canonical href='https://h.example/s'>"
	    "</head><body><article><h1>Ferry strike ends after nine days</h1>"
	    "<p class=byline>By Ann Lee, Bo Ma and Cy Ng</p><p>Crews voted on "
	    "Sunday to accept a new offer, ending the strike.</p><p>Sailings "
	    "resume on Monday morning, the company said.</p></article></body>"
	    "</html>";

	(void)state;
	extract(page, &r);
	assert_string_equal(r.text, "Ferry strike ends after nine days\n\n"
	    "By Ann Lee, Bo Ma and Cy Ng\n\n"
	    "Published 2026-03-04T10:00:00Z, updated 2026-03-05T08:00:00Z\n\n"
	    "The Herald \xc2\xb7 https://h.example/s\n\n"
	    "Crews voted on Sunday to accept a new offer, ending the strike.\n\n"
	    "Sailings resume on Monday morning, the company said.\n");
	assert_string_equal(r.text + r.body_start, "Crews voted on Sunday to "
	    "accept a new offer, ending the strike.\n\nSailings resume on "
	    "Monday morning, the company said.\n");
	/* artread's own reader finds the headline. */
	d = doc_from_memory("x", r.text, r.len);
	assert_true(doc_para_at(d, 0, &p));
	assert_true(doc_para_is_headline(d, &p));
	doc_free(d);
	extract_result_free(&r);
}

static void
lists_quotes_captions_tables(void **state)
{
	struct extract_result r;
	const char *page = "<article><p>What changes on the first of the "
	    "month, in order of importance:</p><ol><li>Fares rise</li><li>"
	    "Trains <b>run</b> later</li></ol><ul><li>One point<ul><li>a "
	    "detail</li></ul></li></ul><blockquote><p>We will not pay.</p>"
	    "<p>Not now, not ever.</p></blockquote><figure><img src=x.jpg>"
	    "<figcaption>The station at dusk. <span>Photo: A. Lee</span>"
	    "</figcaption></figure><table><tr><th>Route</th><th>Now</th></tr>"
	    "<tr><td>A \xe2\x80\x93 B</td><td>50 min</td></tr></table><h2>What "
	    "next</h2><pre>line one\n\n\nline two</pre></article>";

	(void)state;
	extract(page, &r);
	assert_string_equal(r.text + r.body_start,
	    "What changes on the first of the month, in order of importance:\n\n"
	    "1. Fares rise\n2. Trains run later\n\n"
	    "\xe2\x80\xa2 One point\n  \xe2\x80\xa2 a detail\n\n"
	    "> We will not pay.\n\n> Not now, not ever.\n\n"
	    "[Caption: The station at dusk. Photo: A. Lee]\n\n"
	    "Route | Now\n\nA \xe2\x80\x93 B | 50 min\n\n"
	    "What next\n\nline one\nline two\n");
	extract_result_free(&r);
}

static void
furniture_is_left_out(void **state)
{
	struct extract_result r;
	const char *page = "<body><nav><a href=/>Home</a> <a href=/n>News</a>"
	    "</nav><div class=cookie-banner><p>We use cookies to improve your "
	    "experience of this website, as described in our policy.</p></div>"
	    "<main><h1>Harbour wall repaired</h1><div class=article-body><p>The "
	    "harbour wall, damaged in the January storms, has been repaired at a "
	    "cost of two million pounds, the council said.</p>"
	    "<div class=share-tools><a href=#>Share</a></div>"
	    "<p style='display:none'>Hidden text that must never show.</p>"
	    "<div hidden>Also hidden, by attribute, never shown at all.</div>"
	    "<p aria-hidden=true>Hidden from readers, so hidden here too.</p>"
	    "<div class=ad-slot><span>Advertisement</span></div>"
	    "<p>Work on the lighthouse, which was also damaged, will start in "
	    "April and take six weeks.</p><p><a href='javascript:void(0)'>Load "
	    "more comments and replies from our readers here</a></p></div>"
	    "<section class=comments><h2>12 comments</h2><p>A long comment from "
	    "a reader, longer than the article itself, about the harbour, the "
	    "wall, the storms, the council, the cost, the lighthouse, and more."
	    "</p></section></main><aside><h2>Most read</h2><ol><li><a href=/a>"
	    "Another story</a></li></ol></aside><footer>\xc2\xa9 2026</footer>"
	    "</body>";

	(void)state;
	extract(page, &r);
	assert_string_equal(r.text + r.body_start, "The harbour wall, damaged "
	    "in the January storms, has been repaired at a cost of two million "
	    "pounds, the council said.\n\nWork on the lighthouse, which was also "
	    "damaged, will start in April and take six weeks.\n");
	extract_result_free(&r);
}

static void
split_over_sections(void **state)
{
	struct extract_result r;
	const char *page = "<body><div class=wrap><section><h2>One</h2><p>The "
	    "first part of the story, with its own long paragraph, goes here, "
	    "and on.</p></section><div class=ad>Advertisement</div><section>"
	    "<h2>Two</h2><p>The second part, after an advert, also has a long "
	    "paragraph, and more, and more.</p></section><section><h2>Three"
	    "</h2><p>The third part closes the story with one more long "
	    "paragraph, as stories do.</p></section></div></body>";

	(void)state;
	extract(page, &r);
	assert_non_null(strstr(r.text, "first part"));
	assert_non_null(strstr(r.text, "second part"));
	assert_non_null(strstr(r.text, "third part"));
	assert_null(strstr(r.text, "Advertisement"));
	extract_result_free(&r);
}

static void
jsonld_body_when_the_markup_has_none(void **state)
{
	struct extract_result r;
	const char *page = "<head><script type=application/ld+json>{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"Shell app\",\"articleBody\":\"First "
	    "paragraph of the article, with enough words to count.\\nSecond "
	    "paragraph, also with <b>enough</b> words to count.\"}</script></head>"
	    "<body><div id=app><p>Loading\xe2\x80\xa6</p></div></body>";

	(void)state;
	extract(page, &r);
	assert_true(r.body_from_jsonld);
	assert_string_equal(r.text + r.body_start, "First paragraph of the "
	    "article, with enough words to count.\n\nSecond paragraph, also "
	    "with enough words to count.\n");
	extract_result_free(&r);
}

static void
undecodable_bytes_are_kept(void **state)
{
	struct extract_result r;
	const char *page = "<meta charset=utf-8><p>A caf\xe9 in Porto, in a "
	    "paragraph long enough to be read as one.</p>";

	(void)state;
	extract(page, &r);
	assert_non_null(strstr(r.text, "A caf\xe9 in Porto"));
	extract_result_free(&r);
}

static void
deterministic(void **state)
{
	struct extract_result a, b;
	char *html, *cause = NULL;
	size_t len;

	(void)state;
	html = slurp(FIXTURES, "07-opinion-comments", ".html", &len);
	assert_non_null(html);
	assert_int_equal(extract_article(html, len, NULL, NULL, &a, &cause), 0);
	assert_int_equal(extract_article(html, len, NULL, NULL, &b, &cause), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.text, b.text, a.len);
	extract_result_free(&a);
	extract_result_free(&b);
	free(html);
}

/* A page with no headline and no text is an error, not an empty
 * article that exits 0 (the pager would show nothing to annotate). */
static void
nothing_found_is_an_error(void **state)
{
	static const char *const pages[] = { "<p></p>", "<html><body>"
	    "<nav><a href='/'>Home</a></nav><script>x()</script></body>"
	    "</html>", "<div>   </div>" };
	struct extract_result r;
	char *cause = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		assert_int_equal(extract_article(pages[i], strlen(pages[i]),
		    NULL, NULL, &r, &cause), -1);
		assert_non_null(strstr(cause, "no article found"));
		free(cause);
		cause = NULL;
	}
}

static void
retry_when_classes_drop_everything(void **state)
{
	struct extract_result r;
	/* Every wrapper is named like furniture and nothing marks the
	 * article: the first attempt finds nothing, a later one the text. */
	const char *page = "<body><div class='layout has-sidebar'><div "
	    "class=widget-area><p>The only article text on this page is long "
	    "enough, with commas, clauses, and more, to be worth reading here."
	    "</p><p>And a second paragraph, just as long, follows it on the same "
	    "page, so that it counts, too.</p></div></div></body>";

	(void)state;
	extract(page, &r);
	assert_non_null(strstr(r.text, "The only article text"));
	assert_non_null(strstr(r.text, "a second paragraph"));
	extract_result_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_fixture),
		cmocka_unit_test(small_edits_keep_the_body),
		cmocka_unit_test(headline_then_metadata_then_body),
		cmocka_unit_test(lists_quotes_captions_tables),
		cmocka_unit_test(furniture_is_left_out),
		cmocka_unit_test(split_over_sections),
		cmocka_unit_test(jsonld_body_when_the_markup_has_none),
		cmocka_unit_test(undecodable_bytes_are_kept),
		cmocka_unit_test(deterministic),
		cmocka_unit_test(retry_when_classes_drop_everything),
		cmocka_unit_test(nothing_found_is_an_error),
	};

	testutil_chdir_root(FIXTURES "/README.md");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
