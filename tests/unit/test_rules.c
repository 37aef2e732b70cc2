/*
 * test_rules.c: the rule loader: the default set, error messages with
 * file, line, rule name and PCRE2 message, overrides by a later file,
 * a catastrophic pattern stopped by the match limit, and the work a
 * rule may do on one document (issue 11: matches see one paragraph, a
 * budget of match steps, a JIT stack for long runs).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artread/utf8.h"
#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"
#include "artread/util.h"

static char tmpdir[] = "/tmp/artread-rules-XXXXXX";

static char *
write_ini(const char *name, const char *body)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(body, f);
	fclose(f);
	return path;
}

static int
find_rule(const struct rules *r, const char *name)
{
	size_t i;

	for (i = 0; i < rules_count(r); i++) {
		if (strcmp(rules_name(r, i), name) == 0)
			return (int)i;
	}
	return -1;
}

static void
test_default_loads(void **state)
{
	const char *p = "rules/default.ini";
	const struct rules_qmark *m;
	struct diag d;
	struct rules *r;

	(void)state;
	diag_init(&d);
	r = rules_load(&p, 1, &d);
	if (d.n > 0)
		fail_msg("%s", d.msgs[0]);
	assert_true(rules_count(r) >= 10);
	assert_true(find_rule(r, "email") >= 0);
	assert_int_equal(rules_type(r, (size_t)find_rule(r, "email")),
	    ENT_EMAIL);
	assert_true(rules_in_list(r, RL_GIVEN, "Adaeze", 6));
	assert_true(rules_in_list(r, RL_PLACE, "New Zealand", 11));
	assert_false(rules_in_list(r, RL_PLACE, "new zealand", 11));
	assert_true(rules_in_list(r, RL_VERB, "said", 4));
	assert_true(rules_list_size(r, RL_GIVEN) >= 1500);
	assert_true(rules_quote_marks(r, &m) >= 4);
	assert_string_equal(m[0].open, "“");
	assert_string_equal(m[0].close, "”");
	rules_free(r);
	diag_free(&d);
}

static void
test_compile_error(void **state)
{
	char *p = write_ini("bad.ini",
	    "; a comment\n[rule.good]\ntype = DATE\npattern = x\n\n"
	    "[rule.bad]\ntype = DATE\npriority = 3\npattern = (abc\n");
	const char *paths[1];
	char *want;
	struct diag d;
	struct rules *r;

	(void)state;
	paths[0] = p;
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	assert_int_equal(d.errors, 1);
	want = xasprintf("%s:9: rule bad: missing closing parenthesis at "
	    "offset 4", p);
	assert_string_equal(d.msgs[0], want);
	assert_int_equal(rules_count(r), 1);
	assert_string_equal(rules_name(r, 0), "good");
	free(want);
	rules_free(r);
	diag_free(&d);
	free(p);
}

static void
test_type_and_missing(void **state)
{
	char *p = write_ini("type.ini",
	    "[rule.t]\ntype = WIDGET\npattern = x\n[rule.m]\ntype = ORG\n"
	    "[lists]\ngiven = nosuch.txt\n");
	const char *paths[1];
	char *w1, *w2, *w3;
	struct diag d;
	struct rules *r;

	(void)state;
	paths[0] = p;
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	assert_int_equal(d.errors, 3);
	w1 = xasprintf("%s:7: cannot read list %s/nosuch.txt: No such file "
	    "or directory", p, tmpdir);
	w2 = xasprintf("%s:2: rule t: unknown type \"WIDGET\"", p);
	w3 = xasprintf("%s:4: rule m: missing pattern", p);
	assert_string_equal(d.msgs[0], w1);
	assert_true(strcmp(d.msgs[1], w2) == 0 || strcmp(d.msgs[2], w2) == 0);
	assert_true(strcmp(d.msgs[1], w3) == 0 || strcmp(d.msgs[2], w3) == 0);
	assert_int_equal(rules_count(r), 0);
	free(w1);
	free(w2);
	free(w3);
	rules_free(r);
	diag_free(&d);
	free(p);
}

static void
test_override(void **state)
{
	char *a = write_ini("a.ini",
	    "[lists]\nplace = a.txt\n[rule.one]\ntype = DATE\npattern = one\n"
	    "[rule.two]\ntype = TIME\npattern = two\npriority = 5\n"
	    "[rule.three]\ntype = URL\npattern = three\n");
	char *b = write_ini("b.ini",
	    "[lists]\nplace = b.txt\n[rule.two]\npriority = 99\n"
	    "[rule.three]\nenabled = false\n[rule.four]\ntype = MONEY\n"
	    "pattern = \"a;b#c\"\n");
	char *la = write_ini("a.txt", "# places\nAlphaville\n\n");
	char *lb = write_ini("b.txt", "Betatown\r\n");
	const char *paths[2];
	struct diag d;
	struct rules *r;
	int i;

	(void)state;
	paths[0] = a;
	paths[1] = b;
	diag_init(&d);
	r = rules_load(paths, 2, &d);
	if (d.n > 0)
		fail_msg("%s", d.msgs[0]);
	assert_int_equal(rules_count(r), 3);
	assert_int_equal(find_rule(r, "three"), -1);
	i = find_rule(r, "two");
	assert_true(i >= 0);
	assert_int_equal(rules_priority(r, (size_t)i), 99);
	assert_int_equal(rules_type(r, (size_t)i), ENT_TIME);
	assert_true(find_rule(r, "four") >= 0);
	assert_true(rules_in_list(r, RL_PLACE, "Alphaville", 10));
	assert_true(rules_in_list(r, RL_PLACE, "Betatown", 8));
	rules_free(r);
	diag_free(&d);
	free(a);
	free(b);
	free(la);
	free(lb);
}

static void
test_catastrophic(void **state)
{
	char *p = write_ini("cat.ini",
	    "[rule.cat]\ntype = ORG\npattern = (a+)+$\n"
	    "[rule.ok]\ntype = URL\npattern = http\n");
	const char *paths[1];
	struct analysis an;
	struct diag d;
	struct rules *r;
	char text[200];
	char *want;

	(void)state;
	memset(text, 'a', 60);
	strcpy(text + 60, "! see http and http");
	paths[0] = p;
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	assert_int_equal(d.n, 0);
	analysis_run_diag(r, text, strlen(text), &an, &d);
	assert_int_equal(d.errors, 1);
	want = xasprintf("%s:3: rule cat: too costly on this text (its budget "
	    "of match steps is spent); rule switched off", p);
	assert_string_equal(d.msgs[0], want);
	free(want);
	analysis_free(&an);
	rules_free(r);
	diag_free(&d);
	free(p);
}

/* Every match of rule 0 of the file body over text, as "S-E;" pairs. */
struct spans {
	char	buf[4096];
	size_t	n;		/* all of them, when buf is full */
};

static void
add_span(void *arg, size_t rule, size_t s, size_t e)
{
	struct spans *sp = arg;
	size_t n = strlen(sp->buf);

	(void)rule;
	if (n + 64 < sizeof sp->buf)
		snprintf(sp->buf + n, sizeof sp->buf - n, "%zu-%zu;", s, e);
	sp->n++;
}

static int
scan_one(const char *body, const char *text, size_t len, struct spans *sp,
    struct diag *d)
{
	char *p = write_ini("one.ini", body);
	const char *paths[1] = { p };
	struct rules *r;
	struct diag ld;
	int rc;

	diag_init(&ld);
	r = rules_load(paths, 1, &ld);
	assert_int_equal(ld.n, 0);
	assert_int_equal(rules_count(r), 1);
	sp->buf[0] = '\0';
	sp->n = 0;
	rc = rules_scan(r, 0, text, len, utf8_valid(text, len), add_span, sp,
	    d);
	rules_free(r);
	diag_free(&ld);
	free(p);
	return rc;
}

/* Every match (rule, start, end) in the order reported, as text. */
static void
note_match(void *arg, size_t rule, size_t s, size_t e)
{
	struct buf *b = arg;
	char line[64];

	snprintf(line, sizeof line, "%zu %zu %zu\n", rule, s, e);
	buf_adds(b, line);
}

/* rules_scan_all reports what rules_scan_range of each rule in turn
 * does, over the whole text and from the end of its first segment (the
 * segments found once are the same). */
static void
test_scan_all_is_each_range(void **state)
{
	const char *p = "rules/default.ini";
	const char *para = "On March 3, 2024, Dr. Ada Lindqvist of Norrsken "
	    "Ltd. said prices rose 4.5% to $12 million (ada@example.com, "
	    "@norrsken, https://example.com/x) at 10:30 a.m. on Monday. ";
	struct buf text, all, each;
	struct diag d;
	struct rules *r;
	size_t i, k, from;

	(void)state;
	diag_init(&d);
	r = rules_load(&p, 1, &d);
	buf_init(&text);
	for (k = 0; k < 6; k++) {	/* short paragraphs */
		buf_adds(&text, para);
		buf_adds(&text, "\n\n");
	}
	for (k = 0; k < 200; k++)	/* one over RULES_SEGMENT_MAX */
		buf_adds(&text, para);
	buf_adds(&text, "\n\nThe end, on 4 May 2025.\n");
	for (from = 0; from < 2; from++) {
		size_t s = from ? rules_segment_end(text.data, text.len, 0) : 0;

		buf_init(&all);
		buf_init(&each);
		rules_scan_all(r, text.data, text.len, s, text.len, 1,
		    note_match, &all, &d);
		for (i = 0; i < rules_count(r); i++)
			rules_scan_range(r, i, text.data, text.len, s,
			    text.len, 1, note_match, &each, &d);
		assert_true(all.len > 1000);
		assert_int_equal(all.len, each.len);
		assert_memory_equal(all.data, each.data, all.len);
		buf_free(&all);
		buf_free(&each);
	}
	assert_int_equal(d.n, 0);
	buf_free(&text);
	rules_free(r);
	diag_free(&d);
}

/* A lookahead sees the paragraph it starts in, not the whole article:
 * x(?=[^#]*#) searched a megabyte from each x (469 s). */
static void
test_match_sees_its_paragraph(void **state)
{
	const char *rule = "[rule.look]\ntype = ORG\npattern = "
	    "\"x(?=[^#]*#)\"\n";
	const char *t1 = "x y #\n\nx z\n";
	const char *t2 = "x y\n\nz #\n";
	const char *t3 = "x y\nz #\n";
	struct spans sp;
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(scan_one(rule, t1, strlen(t1), &sp, &d), 0);
	assert_string_equal(sp.buf, "0-1;");
	assert_int_equal(scan_one(rule, t2, strlen(t2), &sp, &d), 0);
	assert_string_equal(sp.buf, "");	/* the # is past a blank line */
	assert_int_equal(scan_one(rule, t3, strlen(t3), &sp, &d), 0);
	assert_string_equal(sp.buf, "0-1;");	/* one line break is no end */
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

/* "$" still means the end of the text, not of a paragraph. */
static void
test_dollar_is_the_end_of_the_text(void **state)
{
	const char *rule = "[rule.end]\ntype = ORG\npattern = \\w+$\n";
	const char *t = "one two\n\nthree four";
	struct spans sp;

	(void)state;
	assert_int_equal(scan_one(rule, t, strlen(t), &sp, NULL), 0);
	assert_string_equal(sp.buf, "15-19;");
}

/* A paragraph longer than a segment is cut at white space: the words on
 * either side are still found whole. */
static void
test_long_paragraph_cut_at_space(void **state)
{
	const char *rule = "[rule.w]\ntype = ORG\npattern = wordy\n";
	size_t n = 100000, i;
	char *t = malloc(n + 1);
	struct spans sp;

	(void)state;
	for (i = 0; i < n; i++)
		t[i] = i % 6 == 5 ? ' ' : "wordy"[i % 6];
	t[n] = '\0';
	assert_int_equal(scan_one(rule, t, n, &sp, NULL), 0);
	assert_int_equal(sp.n, n / 6);	/* every word, none cut */
	free(t);
}

/* The rule in body finds the whole run of n capitalised words and the
 * company name after it, one match, with nothing to report. */
static void
finds_whole_run(const char *body, size_t n)
{
	struct buf t;
	struct spans sp;
	struct diag d;
	char *want;

	buf_init(&t);
	testutil_capitalised_run(&t, n);
	diag_init(&d);
	assert_int_equal(scan_one(body, t.data, t.len, &sp, &d), 0);
	if (d.n > 0)
		fail_msg("%s", d.msgs[0]);
	want = xasprintf("10-%zu;", t.len - 7);
	assert_string_equal(sp.buf, want);
	free(want);
	diag_free(&d);
	buf_free(&t);
}

/* A run of 1,000 capitalised words: the name rule backtracks over all
 * of them; "JIT stack limit reached; rule skipped" before. */
static void
test_long_capitalised_run(void **state)
{
	(void)state;
	finds_whole_run("[rule.org]\ntype = ORG\npattern = [A-Z][a-z]*"
	    "(?:\\s+[A-Z][a-z]*)*\\s+(?:Inc\\.|Ltd\\.)\n", 1000);
}

/* A pattern that forbids JIT ((*NO_JIT)) is interpreted: pcre2_jit_match
 * failed on it ("bad JIT option; rule skipped"), also when anchored. */
static void
test_no_jit_pattern(void **state)
{
	(void)state;
	finds_whole_run("[rule.nj]\ntype = ORG\npattern = (*NO_JIT)[A-Z]"
	    "[a-z]*(?:\\s+[A-Z][a-z]*)*\\s+Inc\\.\n", 30);
}

/*
 * A rule costly at every start is switched off once its budget of match
 * steps is spent, with a message naming it; the count is in steps, so
 * the same text switches it off at the same place on any machine.
 */
static void
test_costly_rule_switched_off(void **state)
{
	const char *rule = "[rule.poly]\ntype = ORG\npattern = "
	    "\\w*\\w*\\w*\\d\n";
	size_t n = 400000, i;
	char *t = malloc(n + 1), *p;
	struct spans sp;
	struct diag d;

	(void)state;
	for (i = 0; i < n; i++)
		t[i] = i % 61 == 60 ? ' ' : 'a';
	t[n] = '\0';
	diag_init(&d);
	assert_int_equal(scan_one(rule, t, n, &sp, &d), -1);
	assert_int_equal(d.n, 1);
	p = strstr(d.msgs[0], "one.ini:3: rule poly: too costly on this text");
	assert_non_null(p);
	assert_non_null(strstr(p, "rule switched off"));
	diag_free(&d);
	free(t);
}

/* ---- the needed byte (rxneed.h): a segment without it is skipped ---- */

/* A rule with a needed byte finds what the same rule without one does
 * (its pattern grouped), in segments with and without the byte. */
static void
test_needed_byte_same_matches(void **state)
{
	const char *text = "no byte here\n\nada@example and\nbo@x\n\n"
	    "none\n\nlast@one";
	struct spans a, b;
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(scan_one("[rule.at]\ntype = EMAIL\n"
	    "pattern = [a-z]+@[a-z]+\n", text, strlen(text), &a, &d), 0);
	assert_int_equal(scan_one("[rule.at]\ntype = EMAIL\n"
	    "pattern = (?:[a-z]+@[a-z]+)\n", text, strlen(text), &b, &d), 0);
	assert_string_equal(a.buf, "14-25;30-34;42-50;");
	assert_string_equal(a.buf, b.buf);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

/* A rule that needs one of some strings (not a prescan rule: a verb)
 * finds what the same rule read as needing none does (a condition
 * hides them), in segments with and without them. */
static void
test_needed_strings_same_matches(void **state)
{
	const char *text = "Acme Corp said so\n\nWe met Norrsken Ltd. and "
	    "Byron Inc. there\n\nNone Here\n\nLast Ltd.";
	struct spans a, b;
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(scan_one("[rule.org]\ntype = ORG\npattern = "
	    "[A-Z][a-z]+\\s(?:Ltd\\.|Inc\\.)(*COMMIT)\n", text, strlen(text),
	    &a, &d), 0);
	assert_int_equal(scan_one("[rule.org]\ntype = ORG\npattern = "
	    "(?(DEFINE)(?<w>x))[A-Z][a-z]+\\s(?:Ltd\\.|Inc\\.)(*COMMIT)\n",
	    text, strlen(text), &b, &d), 0);
	assert_string_equal(a.buf, "26-39;44-54;73-82;");
	assert_string_equal(a.buf, b.buf);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

/* ---- the prescan (rules.c): the same matches as PCRE2's own search ---- */

/* Every match of every rule of r in text, as rules_scan_all reports
 * them: valid 1 takes the prescan for the rules it suits, valid 0 (PCRE2
 * checks the text itself) never does. */
static void
scan_all_text(const struct rules *r, const char *text, size_t len,
    int valid, struct buf *out, struct diag *d)
{
	buf_init(out);
	rules_scan_all(r, text, len, 0, len, valid, note_match, out, d);
}

static void
assert_same_text(const struct buf *a, const struct buf *b)
{
	if (a->len != b->len || (a->len > 0 &&
	    memcmp(a->data, b->data, a->len) != 0))
		fail_msg("prescan %zu bytes of matches, PCRE2 alone %zu",
		    a->len, b->len);
}

/* Every match of r in t (freed) with and without the prescan: the same;
 * their bytes (as text). */
static size_t
same_with_prescan(const struct rules *r, struct buf *t, struct diag *d)
{
	struct buf a, b;
	size_t n;

	scan_all_text(r, t->data, t->len, 1, &a, d);
	scan_all_text(r, t->data, t->len, 0, &b, d);
	assert_same_text(&a, &b);
	n = a.len;
	buf_free(&a);
	buf_free(&b);
	buf_free(t);
	return n;
}

/* Pieces of news: a rule's start bytes close together, at the edges of
 * a run of them, inside names, curly quotes beside currency signs. */
static const char *const prescan_pieces[] = {
	"March 3, 2024", "3 May", "May 2025", "Monday", "Sunday", "1999",
	"10:30 a.m.", "9am", "11.30pm", "$12", "£5m", "€3 billion", "US$4",
	"Sh9.8 billion", "KSh 3", "R2.5 billion", "N40bn", "R12,500", "USD 5",
	"EUR3m", "5 million euros", "3.5 per cent", "18%", "−4%", "-2%",
	"+3 percent", "Dr. Ada Lindqvist", "Mrs Smith", "Prof. Zoë Ångström",
	"Sen. Łukasz Świątek", "ada@example.com", "@handle", "#tag",
	"example.com/x", "https://x.example/z", "Norrsken Ltd.", "Acme Inc.",
	"“", "”", "’", "\"", "ZAR", "2024-05-01", "123", "4,500", "12:05",
	",", ".", " ", " ", " ", "\n", "\n\n", "x", "the", "said", "Jan.",
	"Sept. 12", "MDCCC", "AB", "Rs. 40", "4 May 2025", "1:12 ahead",
};

/* A text of n pieces from the seed, joined by nothing or a space. */
static void
prescan_text(struct buf *t, unsigned *seed, size_t n)
{
	size_t k, np = sizeof prescan_pieces / sizeof prescan_pieces[0];

	buf_init(t);
	for (k = 0; k < n; k++) {
		*seed = *seed * 1103515245u + 12345u;
		buf_adds(t, prescan_pieces[(*seed >> 16) % np]);
		if ((*seed >> 8) % 3 != 0)
			buf_adds(t, " ");
	}
}

/* The default rules over 400 texts of such pieces (and one long one):
 * the prescan finds exactly what PCRE2's search does. */
static void
test_prescan_same_matches(void **state)
{
	const char *p = "rules/default.ini";
	struct buf t;
	struct diag d;
	struct rules *r;
	unsigned seed = 16;
	size_t k, n, len;

	(void)state;
	diag_init(&d);
	r = rules_load(&p, 1, &d);
	for (k = 0; k <= 400; k++) {
		prescan_text(&t, &seed, k < 400 ? 1 + k % 80 : 20000);
		len = t.len;
		n = same_with_prescan(r, &t, &d);
		if (k == 400)	/* (long enough for the second bytes) */
			assert_true(n > 10000 && len > (64u << 10));
	}
	assert_int_equal(d.n, 0);
	rules_free(r);
	diag_free(&d);
}

/* The prescan's second bytes: a start byte that ends a segment (a
 * paragraph cut at 16 KiB where it has no space) is tried whatever the
 * byte after it, which PCRE2 does not see; elsewhere "XY" starts none. */
static void
test_prescan_second_byte_at_segment_end(void **state)
{
	char *ini = write_ini("second.ini",
	    "[rule.cap]\ntype = ORG\npattern = [XZQ](?!Y)\n");
	const char *paths[1] = { ini };
	struct buf t, a, b;
	struct diag d;
	struct rules *r;
	size_t i;

	(void)state;
	buf_init(&t);
	for (i = 0; i + 1 < 16384; i++)
		buf_addc(&t, 'a');
	buf_adds(&t, "XYaaa\n\n");		/* X: the segment's last byte */
	while (t.len < (80u << 10))
		buf_adds(&t, "XY aXY\n\n");
	buf_adds(&t, "Z.\n");
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	scan_all_text(r, t.data, t.len, 1, &a, &d);
	scan_all_text(r, t.data, t.len, 0, &b, &d);
	assert_same_text(&a, &b);
	buf_addc(&a, '\0');
	assert_non_null(strstr(a.data, "0 16383 16384\n"));
	assert_int_equal(d.n, 0);
	rules_free(r);
	diag_free(&d);
	free(ini);
	buf_free(&a);
	buf_free(&b);
	buf_free(&t);
}

/* Rules whose starts the runs before their needed byte mark (not the
 * prescan's: a start set with lower-case letters): the same matches as
 * PCRE2's own search, with letters past ASCII in the runs, a run at a
 * segment's start, the byte twice, a run cut by a byte not in it. */
static void
test_run_starts_same_matches(void **state)
{
	char *ini = write_ini("runs.ini",
	    "[rule.mail]\ntype = EMAIL\npattern = [\\w.]+@[a-z]+\n"
	    "[rule.path]\ntype = URL\npattern = [a-z]+\\.(?:com|org)/[a-z]*\n");
	const char *paths[1] = { ini };
	const char *pieces[] = { "josé.ñ@mail", "a@b", "@@x", "x@", "é@é",
	    "site.com/path", "a.org/", "b.net/x", "\n\n", "\n\nq@r", " ",
	    "cc dd@ee", "see x.com/y.org/z", "word", "Ünï@x" };
	struct buf t;
	struct diag d;
	struct rules *r;
	unsigned seed = 7;
	size_t k, i, n;

	(void)state;
	diag_init(&d);
	r = rules_load(paths, 1, &d);
	assert_int_equal(d.n, 0);
	for (k = 0; k < 60; k++) {
		buf_init(&t);
		for (i = 0; i < (k < 59 ? 1 + k % 30 : 30000); i++) {
			seed = seed * 1103515245u + 12345u;
			buf_adds(&t, pieces[(seed >> 16) % (sizeof pieces /
			    sizeof pieces[0])]);
		}
		n = same_with_prescan(r, &t, &d);
		if (k == 59)
			assert_true(n > 10000);
	}
	assert_int_equal(d.n, 0);
	rules_free(r);
	diag_free(&d);
	free(ini);
}

/* Rules the prescan takes, costly at some starts: the same matches, and
 * the same rule switched off at the same place (the budget is charged
 * start by start as before), with and without the prescan. */
static void
test_prescan_costly_starts(void **state)
{
	char *ini = write_ini("pre.ini",
	    "[rule.cap]\ntype = ORG\npattern = [A-Z]\\w*\\w*\\w*\\d\n"
	    "[rule.num]\ntype = ORG\npattern = (?<![0-9])[0-9]+(?:[.,][0-9]+)*"
	    "(?:\\s?%|x)\n"
	    "[rule.cap2]\ntype = ORG\npattern = [A-Z][a-z]+ [A-Z]\\w*\\w*!\n");
	const char *paths[1] = { ini };
	size_t n = 300000, i;
	struct buf t, a, b;
	struct diag da, db;
	struct rules *r;

	(void)state;
	buf_init(&t);
	for (i = 0; i < n; i++)
		buf_addc(&t, i % 61 == 60 ? ' ' : i % 61 == 0 ? 'B' :
		    i % 997 == 5 ? '7' : 'a');
	buf_adds(&t, "\n\nAda Byron! 4.5% 12 x 3,4x Bb 9 Ab Cd! Ab Cdddd9!\n");
	diag_init(&da);
	diag_init(&db);
	r = rules_load(paths, 1, &da);
	assert_int_equal(da.n, 0);
	scan_all_text(r, t.data, t.len, 1, &a, &da);
	scan_all_text(r, t.data, t.len, 0, &b, &db);
	assert_same_text(&a, &b);
	assert_int_equal(da.n, 1);	/* cap: too costly */
	assert_int_equal(db.n, 1);
	assert_string_equal(da.msgs[0], db.msgs[0]);
	assert_non_null(strstr(a.data, "\n1 "));	/* num found its */
	rules_free(r);
	diag_free(&da);
	diag_free(&db);
	buf_free(&a);
	buf_free(&b);
	buf_free(&t);
	free(ini);
}

/* ---- compiled images (rules_load.c) ---- */

/* How many compiled images the cache holds (XDG_CACHE_HOME is ours). */
static int
cached_images(void)
{
	char *cmd = xasprintf("ls '%s/cache/artread/rules' 2>/dev/null | "
	    "grep -c '\\.idx$'", tmpdir);
	FILE *f = popen(cmd, "r");
	int n = -1;

	assert_non_null(f);
	assert_int_equal(fscanf(f, "%d", &n), 1);
	pclose(f);
	free(cmd);
	return n;
}

/* Load ini alone; is word in its "given" list?  Errors are failures. */
static int
load_knows(const char *ini, const char *word, size_t *nerr)
{
	const char *paths[1] = { ini };
	struct rules *r;
	struct diag d;
	int in;

	diag_init(&d);
	r = rules_load(paths, 1, &d);
	*nerr = d.errors;
	in = rules_in_list(r, RL_GIVEN, word, strlen(word));
	assert_int_equal(rules_count(r), 1);
	assert_string_equal(rules_name(r, 0), "x");
	rules_free(r);
	diag_free(&d);
	return in;
}

static void
write_list(const char *words)
{
	char *p = write_ini("img-given.txt", words);

	free(p);
}

/*
 * A set of files is compiled once and kept in the cache; an image is
 * used only while the word lists it was made from are as they were, so
 * an edited list is read again; a set with errors is never kept.
 */
static void
test_image_cache(void **state)
{
	char *ini = write_ini("img.ini", "[lists]\ngiven = img-given.txt\n"
	    "[rule.x]\ntype = ORG\npattern = x\n");
	char *env = xasprintf("%s/cache", tmpdir), *bad;
	size_t nerr;

	(void)state;
	setenv("XDG_CACHE_HOME", env, 1);
	write_list("Aino\n");
	assert_int_equal(cached_images(), 0);
	assert_true(load_knows(ini, "Aino", &nerr));
	assert_int_equal(nerr, 0);
	assert_int_equal(cached_images(), 1);
	assert_true(load_knows(ini, "Aino", &nerr));	/* from the image */
	assert_int_equal(cached_images(), 1);
	/* a longer list: the image is stale, compiled again */
	write_list("Aino\nBirte\n");
	assert_true(load_knows(ini, "Birte", &nerr));
	assert_int_equal(cached_images(), 1);		/* replaced */
	/* an error: reported every time, never cached */
	bad = write_ini("img-bad.ini", "[rule.x]\ntype = ORG\npattern = x\n"
	    "[rule.y]\ntype = ORG\npattern = (y\n");
	assert_false(load_knows(bad, "Aino", &nerr));
	assert_int_equal(nerr, 1);
	assert_false(load_knows(bad, "Aino", &nerr));
	assert_int_equal(nerr, 1);
	assert_int_equal(cached_images(), 1);
	free(bad);
	free(ini);
	free(env);
}

/* A damaged image is not used (nor trusted): the files are read. */
static void
test_image_damaged(void **state)
{
	char *ini = write_ini("dmg.ini", "[lists]\ngiven = img-given.txt\n"
	    "[rule.x]\ntype = ORG\npattern = x\n");
	char *env = xasprintf("%s/cache", tmpdir), *cmd;
	size_t nerr;
	int k;

	(void)state;
	setenv("XDG_CACHE_HOME", env, 1);
	write_list("Aino\nBirte\n");
	assert_true(load_knows(ini, "Birte", &nerr));
	/* cut every image short, then fill them with garbage */
	for (k = 0; k < 2; k++) {
		cmd = xasprintf(k == 0 ? "for f in '%s'/cache/artread/rules/*"
		    ".idx; do head -c 300 \"$f\" > \"$f.x\" && mv \"$f.x\" "
		    "\"$f\"; done" : "for f in '%s'/cache/artread/rules/*.idx; "
		    "do head -c 2000 /dev/urandom | cat \"$f\" - > \"$f.x\" && "
		    "mv \"$f.x\" \"$f\"; done", tmpdir);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		assert_true(load_knows(ini, "Birte", &nerr));
		assert_int_equal(nerr, 0);
	}
	/* garbage inside, the size kept: whatever it says, no bad read
	 * (ASan and valgrind watch this) */
	cmd = xasprintf("for f in '%s'/cache/artread/rules/*.idx; do dd "
	    "if=/dev/urandom of=\"$f\" bs=1 seek=48 count=4000 conv=notrunc "
	    "2>/dev/null; done", tmpdir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	{
		const char *paths[1] = { ini };
		struct diag d;

		diag_init(&d);
		rules_free(rules_load(paths, 1, &d));
		diag_free(&d);
	}
	free(ini);
	free(env);
}

/*
 * make's image beside the INI file (rulesc: rules_compile_file) is used
 * as it is, from where the files were moved to too: nothing is compiled
 * or cached.
 */
static void
test_image_beside(void **state)
{
	char *ini = write_ini("ship.ini", "[lists]\ngiven = img-given.txt\n"
	    "[rule.x]\ntype = ORG\npattern = x\n");
	char *idx = xasprintf("%s/ship.idx", tmpdir);
	char *env = xasprintf("%s/cache2", tmpdir), *cmd, *moved;
	struct diag d;
	size_t nerr;

	(void)state;
	setenv("XDG_CACHE_HOME", env, 1);
	write_list("Aino\nCarme\n");
	diag_init(&d);
	assert_int_equal(rules_compile_file(ini, idx, &d), 0);
	assert_int_equal(d.n, 0);
	assert_true(load_knows(ini, "Carme", &nerr));
	cmd = xasprintf("test ! -e '%s'", env);
	assert_int_equal(system(cmd), 0);		/* nothing cached */
	free(cmd);
	cmd = xasprintf("mkdir '%s/moved' && cp -p '%s' '%s' "
	    "'%s/img-given.txt' '%s/moved/'", tmpdir, ini, idx, tmpdir, tmpdir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	moved = xasprintf("%s/moved/ship.ini", tmpdir);
	assert_true(load_knows(moved, "Carme", &nerr));
	cmd = xasprintf("test ! -e '%s'", env);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	/* an error in the files: no image is written */
	free(ini);
	ini = write_ini("ship.ini", "[rule.x]\ntype = NOPE\npattern = x\n");
	assert_int_equal(rules_compile_file(ini, idx, &d), -1);
	assert_int_equal(d.errors, 1);
	diag_free(&d);
	free(moved);
	free(ini);
	free(idx);
	free(env);
}

static void
test_utf8(void **state)
{
	(void)state;
	assert_true(utf8_valid("plain ascii text, long enough", 29));
	assert_true(utf8_valid("caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d",
	    14));
	assert_false(utf8_valid("bad \xc3 byte", 10));
	assert_false(utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc;

	(void)state;
	rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_loads),
		cmocka_unit_test(test_compile_error),
		cmocka_unit_test(test_type_and_missing),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_catastrophic),
		cmocka_unit_test(test_scan_all_is_each_range),
		cmocka_unit_test(test_match_sees_its_paragraph),
		cmocka_unit_test(test_dollar_is_the_end_of_the_text),
		cmocka_unit_test(test_long_paragraph_cut_at_space),
		cmocka_unit_test(test_long_capitalised_run),
		cmocka_unit_test(test_costly_rule_switched_off),
		cmocka_unit_test(test_no_jit_pattern),
		cmocka_unit_test(test_needed_byte_same_matches),
		cmocka_unit_test(test_needed_strings_same_matches),
		cmocka_unit_test(test_prescan_same_matches),
		cmocka_unit_test(test_prescan_costly_starts),
		cmocka_unit_test(test_prescan_second_byte_at_segment_end),
		cmocka_unit_test(test_run_starts_same_matches),
		cmocka_unit_test(test_image_cache),
		cmocka_unit_test(test_image_damaged),
		cmocka_unit_test(test_image_beside),
		cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
