/*
 * test_quotes.c: quote pairing (straight, curly, guillemets, German,
 * nested, apostrophes, multi-paragraph, hard wraps, CRLF, unbalanced)
 * and attribution shapes, with the default rule set.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/rules.h"

#include "testrules.h"

/* Quote i covers exactly s; its speaker is sp ("" for none). */
static void
check(size_t i, const char *s, const char *sp)
{
	const struct quote *q;

	if (i >= A.nquotes)
		fail_msg("only %zu quotes, wanted #%zu", A.nquotes, i);
	q = &A.quotes[i];
	assert_mem_str(T + q->start, q->end - q->start, s);
	if (*sp == '\0') {
		assert_int_equal(q->speaker_start, 0);
		assert_int_equal(q->speaker_end, 0);
	} else
		assert_mem_str(T + q->speaker_start,
		    q->speaker_end - q->speaker_start, sp);
}

static void
test_straight_and_curly(void **state)
{
	(void)state;
	run("\"We will win,\" said Elon Musk. Then: “It is done,” Musk said.");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"We will win,\"", "Elon Musk");
	/* the fullest name the text gives (issue 14) */
	check(1, "“It is done,”", "Elon Musk");
	assert_int_equal(A.quotes[0].flags, 0);
}

static void
test_guillemets_and_german(void **state)
{
	(void)state;
	run("«Nous avons gagné», a dit Marie. Elle: « Oui ».\n\n"
	    "Der Minister sagte: „Wir bleiben.“ Gut.");
	assert_int_equal(A.nquotes, 3);
	check(0, "«Nous avons gagné»", "");
	check(1, "« Oui »", "");
	check(2, "„Wir bleiben.“", "");
}

static void
test_nested_and_apostrophes(void **state)
{
	(void)state;
	run("“He told me ‘never again’ and I’ve listened since the ’90s,” "
	    "said Kieran O’Dwyer. China’s rock 'n' roll, Jones' car and "
	    "don't worry.");
	assert_int_equal(A.nquotes, 1);
	check(0, "“He told me ‘never again’ and I’ve listened since the ’90s,”",
	    "Kieran O’Dwyer");
}

static void
test_multi_paragraph(void **state)
{
	(void)state;
	run("Dr. Helena Marsh spoke first.\n\n“The deck is high.\n\n"
	    "“We modelled storms.\n\n“It is buildable.”\n\nAfter that, "
	    "silence.");
	assert_int_equal(A.nquotes, 1);
	check(0, "“The deck is high.\n\n“We modelled storms.\n\n"
	    "“It is buildable.”", "Helena Marsh");
	assert_int_equal(A.quotes[0].flags & QUOTE_UNBALANCED, 0);
}

static void
test_unbalanced(void **state)
{
	(void)state;
	run("She said: \"this never closes\n\nNext paragraph has a "
	    "\"quote, too,\" said Ana Costa.");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"this never closes", "");
	assert_true(A.quotes[0].flags & QUOTE_UNBALANCED);
	check(1, "\"quote, too,\"", "Ana Costa");
}

static void
test_hard_wrapped_crlf(void **state)
{
	(void)state;
	run("\"We did not choose this fight. The fight came to\r\n"
	    "our gates,\" said Emeka Obiora, president of the\r\n"
	    "union.\r\n \r\n\"Ask them,\" he said.\r\n");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"We did not choose this fight. The fight came to\r\n"
	    "our gates,\"", "Emeka Obiora");
	check(1, "\"Ask them,\"", "Emeka Obiora");
}

static void
test_attribution_shapes(void **state)
{
	(void)state;
	run("Tesla stated: \"Deliveries rose.\" Musk said: \"Good.\" "
	    "\"Fine,\" she told reporters. \"We grow,\" said Dr. Ines Varga, "
	    "the agency's director. The rise was \"steady and real\", "
	    "according to Tim Cook.");
	assert_int_equal(A.nquotes, 5);
	check(0, "\"Deliveries rose.\"", "Tesla");
	check(1, "\"Good.\"", "Musk");
	check(2, "\"Fine,\"", "Musk");
	check(3, "\"We grow,\"", "Ines Varga");
	check(4, "\"steady and real\"", "Tim Cook");
}

static void
test_scare_and_unknown(void **state)
{
	(void)state;
	run("The so-called \"toll guarantee\" failed. A councillor called "
	    "it \"the longest night of my life.\"");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"toll guarantee\"", "");
	assert_true(A.quotes[0].flags & QUOTE_SCARE);
	check(1, "\"the longest night of my life.\"", "");
	assert_false(A.quotes[1].flags & QUOTE_SCARE);
}

static void
test_pronoun_unknown(void **state)
{
	(void)state;
	run("\"Nobody knows,\" he said.");
	assert_int_equal(A.nquotes, 1);
	check(0, "\"Nobody knows,\"", "");
}

static void
test_british_single(void **state)
{
	(void)state;
	run("'We will fight on,' said Ana Costa. O’Brien's 'plan' and "
	    "Jones' car won't go.\n\n'It's over,' she said.");
	assert_int_equal(A.nquotes, 3);
	check(0, "'We will fight on,'", "Ana Costa");
	check(1, "'plan'", "");
	assert_true(A.quotes[1].flags & QUOTE_SCARE);
	check(2, "'It's over,'", "Ana Costa");
}

/* Speakers whose names start with capitals beyond Latin-1. */
static void
test_speakers_beyond_latin1(void **state)
{
	(void)state;
	run("\xe2\x80\x9cWe have the votes,\xe2\x80\x9d \xc8\x9aurcanu said.\n\n"
	    "\xe2\x80\x9c\xce\x9d\xce\xb1\xce\xb9,\xe2\x80\x9d said "
	    "\xce\x86\xce\xbd\xce\xbd\xce\xb1 \xce\xa0\xce\xb1\xcf\x80"
	    "\xce\xac\xcf\x82.");
	assert_int_equal(A.nquotes, 2);
	check(0, "\xe2\x80\x9cWe have the votes,\xe2\x80\x9d",
	    "\xc8\x9aurcanu");
	check(1, "\xe2\x80\x9c\xce\x9d\xce\xb1\xce\xb9,\xe2\x80\x9d",
	    "\xce\x86\xce\xbd\xce\xbd\xce\xb1 \xce\xa0\xce\xb1\xcf\x80"
	    "\xce\xac\xcf\x82");
}

static void
test_dash_attribution(void **state)
{
	(void)state;
	run("\"Nobody should panic\" — Jonas Lindqvist, the health minister, "
	    "said at a briefing.");
	assert_int_equal(A.nquotes, 1);
	check(0, "\"Nobody should panic\"", "Jonas Lindqvist");
	/* a sentence in marks, then a dash and a name, no verb */
	run("\"The river gave us everything.\" — Marta Quiroga, a "
	    "boatwoman\n\nThe boats left.");
	assert_int_equal(A.nquotes, 1);
	check(0, "\"The river gave us everything.\"", "Marta Quiroga");
}

static void
test_verb_particle(void **state)
{
	(void)state;
	run("Analysts were split. \"Velmar is the safe choice,\" summed up "
	    "Dana Whitlock, an analyst.");
	assert_int_equal(A.nquotes, 1);
	check(0, "\"Velmar is the safe choice,\"", "Dana Whitlock");
}

static void
test_translation_in_parens(void **state)
{
	(void)state;
	run("\"No podemos operar\" (\"We cannot operate\"), said Ximena Lagos, "
	    "the director, on Tuesday.");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"No podemos operar\"", "Ximena Lagos");
	check(1, "\"We cannot operate\"", "Ximena Lagos");
}

static void
test_pronoun_skips_org_speaker(void **state)
{
	(void)state;
	run("Marta Quist, a technician, spoke first.\n\n"
	    "Velmar Rail said in a statement: \"We will defend every job.\"\n\n"
	    "\"Never,\" she told reporters.");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"We will defend every job.\"", "Velmar Rail");
	check(1, "\"Never,\"", "Marta Quist");
}

static void
test_subject_with_prepositional_phrase(void **state)
{
	(void)state;
	run("Dr. Kenji Watanabe of the Nagano Astrophysics Centre, which "
	    "shares time at Cerro Blanco, wrote that the cut was \"a step "
	    "backwards for everyone\".");
	assert_int_equal(A.nquotes, 1);
	check(0, "\"a step backwards for everyone\"", "Kenji Watanabe");
}

static void
test_colon_without_verb(void **state)
{
	(void)state;
	run("Asked about jobs, Lucía Ferrándiz was careful: \"There will be "
	    "changes.\"\n\nThe Ruling was clear: \"No appeal.\"");
	assert_int_equal(A.nquotes, 2);
	check(0, "\"There will be changes.\"", "Lucía Ferrándiz");
	check(1, "\"No appeal.\"", "");
}


/*
 * Issue 14, 11: speakers named in full.  One text per row; every quote
 * of the text in order, with its speaker ("" for none).
 */
struct said {
	const char	*quote;
	const char	*speaker;
};

struct quote_case {
	const char	*name;
	const char	*text;
	struct said	 want[8];	/* up to the first NULL quote */
};

static struct quote_case quote_cases[] = {
	/* wt-h11read: "In a statement, the NOUN said" names the statement's
	 * author for a later "the statement said" */
	{ "the statement said after \"In a statement, the cooperative said\"",
	    "Prices fell.\n\nThe Lakeside Growers' Cooperative asked the "
	    "Ministry of Farms for help on Friday.\n\nIn a statement, the "
	    "cooperative said early surveys showed losses. \"We cannot carry "
	    "another year,\" the statement said.",
	    { { "\"We cannot carry another year,\"",
	        "Lakeside Growers' Cooperative" } } },
	/* wt-h11read: a noun that only modifies a name ("University" of a
	 * students' association) does not make it "the university" */
	{ "the university: the one the noun heads, not an association",
	    "Rents rose.\n\nThe University of Tarvik cut rents. The Tarvik "
	    "University Students' Association, led by Ana Ruiz, backed the "
	    "strike.\n\nThe university said it had \"no plans\" to act.",
	    { { "\"no plans\"", "University of Tarvik" } } },
	/* wt-h11read: a person a paragraph of its own introduces, as the
	 * object of its verb, over the subject of a paragraph before */
	{ "she after a paragraph naming a person: that person, not the "
	  "speaker before",
	    "Farms lost half the crop.\n\nA spokeswoman, Zsófia Kertész, "
	    "told Napló that any aid \"will follow the report.\"\n\nThat "
	    "plan worries Ágnes Bartók, the union's chair, who runs a bakery "
	    "in Pécs.\n\n\"By the time they act, we will be gone,\" she said.",
	    { { "\"will follow the report.\"", "Zsófia Kertész" },
	      { "\"By the time they act, we will be gone,\"",
	        "Ágnes Bartók" } } },
	/* wt-h11read: "the coalition", "the co-op" stand for the body the
	 * paragraph named, even when its name does not hold the noun */
	{ "the coalition said: the body named in apposition before",
	    "Prices fell.\n\nA coalition of river and farm groups, Aliansi "
	    "Sungai Brantas, said the dam was wrong. \"It is a trap,\" the "
	    "coalition said.",
	    { { "\"It is a trap,\"", "Aliansi Sungai Brantas" } } },
	/* wt-h11read: "the submission said" after "X said in a written
	 * submission": a document like a statement */
	{ "the submission said: whoever made the submission",
	    "Prices fell.\n\nThe Ngati Rua Land Trust said in a written "
	    "submission that it opposed the plan. \"The land is ours,\" the "
	    "submission said.",
	    { { "\"The land is ours,\"", "Ngati Rua Land Trust" } } },
	/* wt-h11read: an embassy speaks as an organisation */
	{ "an embassy said in a statement: the embassy",
	    "Prices fell.\n\nThe Embassy of Peru in Oslo said in a statement "
	    "that the pilot had been \"a friend to many\".",
	    { { "\"a friend to many\"", "Embassy of Peru" } } },
	/* wt-h10read: "the" + a nationality + a noun before the verb */
	{ "the Serbian opposite said: the one the sentence named, not the "
	  "Japanese company",
	    "The match ended late.\n\nMilica Tadic finished with 27 points, "
	    "and the Serbian opposite said afterwards that her side had "
	    "\"found its nerve\". Later the Japanese broadcaster said the "
	    "final had \"drawn a record audience\".",
	    { { "\"found its nerve\"", "Milica Tadic" },
	      { "\"drawn a record audience\"", "" } } },
	/* wt-h10read: a handle in parentheses after its owner's name */
	{ "a name, its handle in parentheses, wrote: the name speaks",
	    "The match ended late.\n\nIn a post on X, Tarvik Rowing Club "
	    "(@TarvikRC) wrote: \"Nothing is decided. See you next week.\"",
	    { { "\"Nothing is decided. See you next week.\"",
	        "Tarvik Rowing Club" } } },
	/* wt-h10read: a live blog's reader "emails:" */
	{ "a reader who emails, with a place after the name",
	    "Ferry strike\n\n09:10 The talks began.\n\n09:40 A listener, "
	    "Tavita Moana in Apia, emails: \"When will the ferry run "
	    "again?\" A fair question.",
	    { { "\"When will the ferry run again?\"", "Tavita Moana" } } },
	/* wt-h10read: an organisation's name broken across a line */
	{ "the association stands for a name wrapped before Association",
	    "Prices rose.\n\nIn Suva, the growers' body FCGA (Fiji Cane "
	    "Growers\nAssociation) said in a statement that the levy would "
	    "\"hurt small farms\".\n\n\"Every cent of it comes from the "
	    "farm,\" the association said.",
	    { { "\"hurt small farms\"", "Fiji Cane Growers\nAssociation" },
	      { "\"Every cent of it comes from the farm,\"",
	        "Fiji Cane Growers\nAssociation" } } },
	/* wt-h10read: a company's legal form ends the sentence before a
	 * quotation */
	{ "a quote after a name ending in \"Inc.\" carries on its speaker",
	    "Growers said the frost had spread. \"We lost half a field,\" "
	    "said Orlaith Venn, a manager at Brackwater Farms Inc. \"The "
	    "rest may recover by spring.\"",
	    { { "\"We lost half a field,\"", "Orlaith Venn" },
	      { "\"The rest may recover by spring.\"", "Orlaith Venn" } } },
	/* wt-s92read: "The operator has issued a statement:" after a live
	 * blog's time: the organisation the noun stands for */
	{ "the operator's statement before a colon, after a time",
	    "Heating cut\n\n08:05\nThe plant's operator, Tobol Heat & "
	    "Power, says two boilers tripped.\n\n08:22\nThe operator has "
	    "issued a short statement: \"Repair crews are on site.\"",
	    { { "\"Repair crews are on site.\"", "Tobol Heat & Power" } } },
	/* wt-s92read: a fragment after "that", then "explained most of
	 * it": the quote is that verb's subject, not one unnamed's words */
	{ "said that \"...\" explained most of it: the one who said",
	    "Prices rose.\n\nAccording to the Kenya Tea and Coffee Growers "
	    "Association, exports fell 18% in a year. The association said "
	    "that \"tight supply rather than crop size\" explained most of "
	    "it.",
	    { { "\"tight supply rather than crop size\"",
	        "Kenya Tea and Coffee Growers Association" } } },
	/* wt-s92read: a who clause between the name and the colon */
	{ "X, who ..., has sent us this: the sender",
	    "The storm reached the coast at dawn.\n\n07:48\nReader Halina "
	    "Zielinska, who lives on the shore road at Leba, has sent us "
	    "this: \"The windows are bending. The dog is under the bed.\"",
	    { { "\"The windows are bending. The dog is under the bed.\"",
	        "Halina Zielinska" } } },
	/* wt-s92read: a paper's editorial speaks for the paper */
	{ "an editorial in the paper called: the paper",
	    "She kept every cutting.\n\nNot everyone agreed. A 1990 "
	    "editorial in the Tasman Courier called her plan \"a costly "
	    "folly dressed up as reform.\" She framed it.",
	    { { "\"a costly folly dressed up as reform.\"",
	        "Tasman Courier" } } },
	/* wt-s92read: a name between "the" and a noun it qualifies is no
	 * one "she" stands for */
	{ "the Mary Stone library: a name as a modifier takes no pronoun",
	    "In her speech Amina Yusuf thanked her mother and promised to "
	    "reopen the Mary Stone library within a year.\n\n\"This borough "
	    "has never been easy,\" she said.",
	    { { "\"This borough has never been easy,\"", "Amina Yusuf" } } },
	/* wt-s92read: "came a cry from the benches": no one named; "came
	 * the reply from X": X */
	{ "came a cry from the benches; came the reply from a name",
	    "Hemi Rawiri rose. \"We are getting on with it,\" he said."
	    "\n\n\"Getting on with what?\" came a cry from the back "
	    "benches.\n\n\"With it,\" came the reply from Ana Ruiz.",
	    { { "\"We are getting on with it,\"", "Hemi Rawiri" },
	      { "\"Getting on with what?\"", "" },
	      { "\"With it,\"", "Ana Ruiz" } } },
	/* wt-s92read: "he" in an answer is never its label's person */
	{ "he in a transcript answer: not the one the label names",
	    "Host: A bear attacked a shepherd, Ion Popa. The mayor, Radu "
	    "Enescu, is on the line.\n\nEnescu: Good morning.\n\nHost: "
	    "How is Mr Popa?\n\nEnescu: He is stable. He said to me, \"I am "
	    "not going back up that hill.\" I believe him.\n\nHost: Thank "
	    "you.",
	    { { "\"I am not going back up that hill.\"", "Ion Popa" } } },
	/* wt-s92read: a deck (the line under the headline, no stop at its
	 * end) quotes words said later */
	{ "a deck's quote is said by whoever says its words later",
	    "Bus queues grow in Tartu\n\nDrivers' union warns of a \"winter "
	    "of cancellations\" as the city struggles to hire\n\nThe "
	    "queues grew again on Monday.\n\nThe Estonian Bus Drivers' "
	    "Union said the city faced \"a winter of cancellations\".",
	    { { "\"winter of cancellations\"",
	        "Estonian Bus Drivers' Union" },
	      { "\"a winter of cancellations\"",
	        "Estonian Bus Drivers' Union" } } },
	/* wt-s92read: a dateline ending in a spaced hyphen or an en dash
	 * leaves the organisation after it the subject "it" stands for */
	{ "a dateline's spaced hyphen: the organisation after it is the "
	    "subject",
	    "Seed drills get eyes\n\nRIGA, Latvia - Lauksensors, a young "
	    "firm spun out of the University of Latvia, on Monday launched "
	    "a camera that it says can give an old drill \"the eyes of a "
	    "hawk\" for little money.",
	    { { "\"the eyes of a hawk\"", "Lauksensors" } } },
	/* wt-s92read: "written" is a speech verb: the writer in the who
	 * clause, not the one who reads the letter out */
	{ "X, who had written that: the writer, not the reader",
	    "Then came Tom Hale, who rarely speaks. He read from a letter "
	    "sent to him by a baker, Mere Tautari, who had written that "
	    "\"every late ferry is a lost morning\".",
	    { { "\"every late ferry is a lost morning\"",
	        "Mere Tautari" } } },
	/* wt-s92read: "the minister" after "for" is no subject */
	{ "a spokesperson for the minister said: one not named",
	    "Then came Sione Lutui, who asked about boats.\n\n\"Does the "
	    "minister agree?\" Lutui asked.\n\nA spokesperson for the "
	    "minister said only: \"The minister stands by his answers.\"",
	    { { "\"Does the minister agree?\"", "Sione Lutui" },
	      { "\"The minister stands by his answers.\"", "" } } },
	/* wt-s92read: "claims" after "the" or a possessive is a noun,
	 * not the speech verb */
	{ "called the company's claims: the verb is called",
	    "Orbit Farm Systems sells the sensor.\n\nNot everyone is "
	    "convinced. Ines Rask, an agronomist, called the company's "
	    "claims \"plausible but unproven\". Ola Berg, a farmer, called "
	    "the claims \"a sales pitch for dry fields\".",
	    { { "\"plausible but unproven\"", "Ines Rask" },
	      { "\"a sales pitch for dry fields\"", "Ola Berg" } } },
	/* wt-s92read: a panel of three labelled voices has no one guest
	 * whose words the headline's quote would be */
	{ "a headline's quote over a panel of three voices is no one's",
	    "Transcript: \"Wolves in the valley\"\n\nHost: Good morning. "
	    "With us is the mayor, Tomas Berg, and Dr Lina Holm.\n\n"
	    "Berg: Good morning.\n\nHolm: Good morning.\n\nHost: Are "
	    "the wolves back?\n\nBerg: They are.\n\nHolm: Some of "
	    "them.\n\nHost: Thank you both.",
	    { { "\"Wolves in the valley\"", "" } } },
	/* wt-s92read: "corrected" is a speech verb */
	{ "X corrected her: the corrector, not the one corrected",
	    "Next came the Greens member Ana Lisi, who asked about cost.\n\n"
	    "\"For advice on a boat,\" Lisi said.\n\n\"For advice on two "
	    "boats and a wharf,\" Tom Brandt corrected her.",
	    { { "\"For advice on a boat,\"", "Ana Lisi" },
	      { "\"For advice on two boats and a wharf,\"",
	        "Tom Brandt" } } },
	/* wt-s92read: "the shaken dad-of-two told": a parent described by
	 * the children stands for the one named before */
	{ "the dad-of-two: a descriptor for the one named before",
	    "The raid began at dawn as guard Pieter Maes, 58, unlocked the "
	    "door.\n\n\"They came out of nowhere,\" the shaken "
	    "dad-of-two told reporters. \"One had a gun.\"",
	    { { "\"They came out of nowhere,\"", "Pieter Maes" },
	      { "\"One had a gun.\"", "Pieter Maes" } } },
	/* wt-s92read: a quote split by "she paused" (no speech verb) */
	{ "a quote split by a pronoun and a verb in -ed",
	    "The chair spoke last.\n\nMaria Lopez intervened. \"The member "
	    "will sit down, and the minister,\" she paused, \"will "
	    "answer.\"",
	    { { "\"The member will sit down, and the minister,\"",
	        "Maria Lopez" },
	      { "\"will answer.\"", "Maria Lopez" } } },
	/* wt-s92read: a listener's message read out before a colon, and
	 * the next one's ellipsis "And from X, in Y:" */
	{ "a message from X: and And from Y: before a quote",
	    "The host read from the inbox. Callers have been ringing in. A "
	    "message from Dorota in Gdynia: \"The buses never come on "
	    "time.\" And from Marek, in Sopot: \"Trams are worse.\"",
	    { { "\"The buses never come on time.\"", "Dorota" },
	      { "\"Trams are worse.\"", "Marek" } } },
	/* wt-h9read: a fragment that is a verb's subject ('that "..."
	 * explained most of the drop') is no "..., said a spokesman" */
	{ "a fragment as the subject of the verb after it",
	    "Story\n\nAccording to the Ostrava Brewers Association, sales "
	    "fell. The association said in a bulletin that \"cold weather\" "
	    "explained most of the drop.",
	    { { "\"cold weather\"", "Ostrava Brewers Association" } } },
	/* wt-h9read: a person named in a leading participle phrase
	 * ("Born in X, the daughter of ..., she") is not the "she" after
	 * it, nor a later one */
	{ "a mother named in a leading participle phrase",
	    "Obituary\n\nZemfira Baltacheva, who has died aged 90, taught "
	    "the violin.\n\nBorn in Ufa, the daughter of a miner and a "
	    "nurse, Olesya Brovkina, she studied in Moscow. She joined an "
	    "orchestra in 1960.\n\nLater her husband, the pianist Pavel "
	    "Sabirov, took a post in Kazan.\n\n\"I was never tired,\" "
	    "she told a radio station in 2001.",
	    { { "\"I was never tired,\"", "Zemfira Baltacheva" } } },
	/* wt-h9read: a lede's "a judge said" is the judge the article
	 * names later, not the next paragraph's subject; a judge it never
	 * names is no one */
	{ "a lede's judge named paragraphs later",
	    "Landlord fined\n\nA landlord who let out damp flats was fined "
	    "on Monday after a judge said he had shown \"contempt for his "
	    "tenants\".\n\nOwen Trask, 61, of Dunmore, admitted the "
	    "charges.\n\nHis tenants wept. One of them spoke.\n\n"
	    "Sentencing, Judge Ruth Abalo-Kinn said: \"Enough.\"",
	    { { "\"contempt for his tenants\"", "Ruth Abalo-Kinn" },
	      { "\"Enough.\"", "Ruth Abalo-Kinn" } } },
	{ "a lede's judge named nowhere",
	    "Landlord fined\n\nA landlord who let out damp flats was fined "
	    "on Monday after a judge said he had shown \"contempt for his "
	    "tenants\".\n\nOwen Trask, 61, of Dunmore, admitted the "
	    "charges.",
	    { { "\"contempt for his tenants\"", "" } } },
	/* wt-h9read: a banner's words are no one's: not the group named
	 * after "by" in its participle phrase, nor the person opening the
	 * next paragraph (a lede's "A developer ... told") */
	{ "a banner carried by a group, a placard before a named person",
	    "The Dockworkers Federation said in a statement that it would "
	    "appeal.\n\nA banner carried by the federation read: \"Fair "
	    "pay now.\"\n\nA placard on the gate read: \"Closed by "
	    "greed.\"\n\nMarta Ilves, the owner, did not comment.",
	    { { "\"Fair pay now.\"", "" },
	      { "\"Closed by greed.\"", "" } } },
	/* wt-h9read: "the Ghana international", "the keeper": a player
	 * described by a noun of the game stands for the one named before */
	{ "the international and the keeper, descriptors of a player",
	    "Full-back Kojo Ansah-Darko, 27, limped off late.\n\n\"It "
	    "was my fault,\" the Ghana international conceded. Later the "
	    "veteran Ines Calvao spoke. \"I saw it,\" the keeper said.",
	    { { "\"It was my fault,\"", "Kojo Ansah-Darko" },
	      { "\"I saw it,\"", "Ines Calvao" } } },
	/* wt-h9read: "the Scot" is a demonym standing for the one named
	 * before, as "the Serb" was */
	{ "the Scot, a demonym for the manager named before",
	    "Visiting manager Ailsa Drummond-Kerr was not in a forgiving "
	    "mood.\n\nAsked about the referee, the Scot snapped: \"Ask "
	    "him.\"",
	    { { "\"Ask him.\"", "Ailsa Drummond-Kerr" } } },
	/* wt-h8read: "it said" after "..., the board said ..." stands for
	 * the organisation that noun names, not the verb after its name */
	{ "it said, after a sentence whose subject is the regulator",
	    "The Marine Safety Authority opened a file on the ferry.\n\nFerry "
	    "crews spoke of long shifts and late pay.\n\nOn Tuesday "
	    "evening, the authority said the inquiry would take a year. \"We "
	    "will publish every finding,\" it said.",
	    { { "\"We will publish every finding,\"",
	        "Marine Safety Authority" } } },
	/* wt-h8read: "the judge said she accepted that ... "…"": the
	 * coroner's words; "A coroner" in the next sentence gave the
	 * title to no one named before it */
	{ "said she accepted: the titled one, not the one named near",
	    "Greer says he is sorry. A judge ruled otherwise\n\nMarlowe "
	    "Greer, 50, had \"betrayed us\", Judge Ines Varga said on "
	    "Monday.\n\nLater, the judge said she accepted that Greer had "
	    "tried, but that it could not change \"the hard facts\" of the "
	    "night.",
	    { { "\"betrayed us\"", "Ines Varga" },
	      { "\"the hard facts\"", "Ines Varga" } } },
	/* wt-h8read: "the gardener says": a role no list holds, written
	 * next to a name before; a relative's noun is no such role */
	{ "a role written next to a name stands for it later",
	    "The garden was planted by the Dutch gardener Femke Aalbers, who "
	    "chose every bulb.\n\nThe last word goes to Aalbers and "
	    "Tomas Reyes. \"Nothing here is an accident,\" the gardener "
	    "says.",
	    { { "\"Nothing here is an accident,\"", "Femke Aalbers" } } },
	/* wt-h8read: a singular "they" for the one person just named as
	 * a subject; not for a plural noun phrase named since */
	{ "singular they for the subject named just before",
	    "Quinn Adeyemi-Ross walks into the studio late, holding a "
	    "coffee. \"Traffic,\" they say, grinning. \"Always "
	    "traffic.\"\n\nRosa Keane met the two drummers at the door. "
	    "\"Late again,\" they said.\n\nAdeyemi-Ross grew up in Leeds, "
	    "the child of a teacher. Painting, they say, came later. \"My "
	    "father hated the smell of oil.\"",
	    { { "\"Traffic,\"", "Quinn Adeyemi-Ross" },
	      { "\"Always traffic.\"", "Quinn Adeyemi-Ross" },
	      { "\"Late again,\"", "" },
	      { "\"My father hated the smell of oil.\"",
	        "Quinn Adeyemi-Ross" } } },
	/* wt-h8read: singular "they" past a possessive ("the town's") and
	 * a name used as a modifier ("a former Tolvane pupil") */
	{ "singular they past a possessive and a modifier name",
	    "Rowan Achterberg-Lys, 16, a former Tolvane pupil now at a "
	    "college in Leeds, spoke for the town's youth council. They said "
	    "the plan had \"ignored every child\" from the start.",
	    { { "\"ignored every child\"", "Rowan Achterberg-Lys" } } },
	/* wt-h8read: a person after a lower-case role opening the
	 * sentence is its subject, over one named sentences before */
	{ "a role before the name opens the sentence",
	    "Castellanos, 40, left the race after six laps.\n\nTrackside, "
	    "veteran team manager Ilka Sorensen shook her head. \"We "
	    "expected more,\" she said.",
	    { { "\"We expected more,\"", "Ilka Sorensen" } } },
	/* wt-h8read: a name others give, in apposition, is no one's
	 * words, and the next quote is still the speaker's */
	{ "a nickname after a comma; the speaker's quote after it",
	    "Kalani Mahoe won the sprint.\n\n\"That was for my town!\" "
	    "shouted Mahoe, dubbed \"the harbour rocket\" by locals, as she "
	    "waved. \"I never doubted it.\"",
	    { { "\"That was for my town!\"", "Kalani Mahoe" },
	      { "\"the harbour rocket\"", "" },
	      { "\"I never doubted it.\"", "Kalani Mahoe" } } },
	/* wt-h8read: "who asked not to be named" however the appositive
	 * before it runs */
	{ "one who asked not to be named, in a long appositive",
	    "Rhian Pryce runs the food bank. \"We are stretched,\" she said."
	    "\n\nOne volunteer, a woman in her sixties who had asked "
	    "not to be named, said she now came four days a week. \"There "
	    "is no one else,\" she said.",
	    { { "\"We are stretched,\"", "Rhian Pryce" },
	      { "\"There is no one else,\"", "" } } },
	/* wt-speakers7: "But X" is the subject of its sentence; a quote
	 * whose speaker a noun named stands where the quote is */
	{ "a subject after But; a pronoun after a noun's quote",
	    "Ingrid Solberg coached the visitors. Her side led twice. "
	    "Nobody expected that.\n\nBut Solberg was furious about the "
	    "second goal, which came after her keeper Ama Owusu fell. \"It "
	    "was a foul,\" the Norwegian said.\n\nAsked about the referee, "
	    "she snapped: \"Why bother?\"",
	    { { "\"It was a foul,\"", "Ingrid Solberg" },
	      { "\"Why bother?\"", "Ingrid Solberg" } } },
	{ "the company: not one named in a subsidiary's phrase",
	    "Velora Foods, a unit of the Paris-based Groupe Maret, said it "
	    "would appeal. The company said it was \"disappointed by the "
	    "ruling\".",
	    { { "\"disappointed by the ruling\"", "Velora Foods" } } },
	{ "the company: not the firm of an analyst named last",
	    "Halvard Marine ASA cut its forecast on Monday, and Halvard "
	    "Marine ASA shares fell 9%.\n\nInes Berger, an analyst at "
	    "Kestrel Capital in Oslo, said the fall was overdone.\n\nThe "
	    "company said in a statement that it expected \"a stronger "
	    "spring\".",
	    { { "\"a stronger spring\"", "Halvard Marine" } } },
	{ "an unnamed subject with a party's name, after a curly quote",
	    "Ngozi Okafor was brief: \xe2\x80\x9cIt is a formality.\xe2\x80\x9d"
	    "\n\nA Labour agent, who did not want to be named, called the "
	    "request \xe2\x80\x9ctheatre\xe2\x80\x9d.",
	    { { "\xe2\x80\x9cIt is a formality.\xe2\x80\x9d", "Ngozi Okafor" },
	      { "\xe2\x80\x9ctheatre\xe2\x80\x9d", "" } } },
	{ "votes that came from people are no remark of theirs",
	    "Chair Leona Marsh cast the last vote.\n\n\"I have heard the "
	    "cafes,\" she said. \"I have also heard the stalls.\"\n\nThe "
	    "two votes against came from Tobias Wren and Hal Ruiz.",
	    { { "\"I have heard the cafes,\"", "Leona Marsh" },
	      { "\"I have also heard the stalls.\"", "Leona Marsh" } } },
	{ "rating words and a fragment after 'saying' in one sentence",
	    "Analysts were unimpressed. Farah Quddus of Meridian Capital "
	    "cut her rating on the stock to \"sell\" from \"hold,\" saying "
	    "the guidance for the fourth quarter looked \"heroic.\"",
	    { { "\"sell\"", "Farah Quddus" },
	      { "\"hold,\"", "Farah Quddus" },
	      { "\"heroic.\"", "Farah Quddus" } } },
	{ "the younger and the elder of two people sharing a surname",
	    "Ruth Nakato, 51, has cleaned wards for twenty years. \"We are "
	    "tired,\" she said.\n\nBack at the picket line, Nakato's "
	    "daughter, Ama Nakato, 22, a student nurse, brought tea.\n\n"
	    "\"I am proud of her,\" the younger Nakato said. \"We never "
	    "sold,\" the elder Nakato added.",
	    { { "\"We are tired,\"", "Ruth Nakato" },
	      { "\"I am proud of her,\"", "Ama Nakato" },
	      { "\"We never sold,\"", "Ruth Nakato" } } },
	{ "said that they would be writing ... and would: the sayer's",
	    "The match ended.\n\nRovers said in a statement that they "
	    "would be writing to the Football Association about the "
	    "refereeing and would \"seek clarity on the second goal\".",
	    { { "\"seek clarity on the second goal\"", "Rovers" } } },
	{ "a statement from an organisation before a colon",
	    "09:14\nTurnout was low.\n\n09:40\nStatement from Leeds City "
	    "Council just in: \"The count has been paused for a recheck.\"",
	    { { "\"The count has been paused for a recheck.\"",
	        "Leeds City Council" } } },
	{ "a caption speaks for the one an aside says wrote it",
	    "Imogen Tallis kept every print.\n\nOne caption, written by "
	    "Tallis in pencil, simply says: \"Auntie, who would not stop "
	    "talking.\"",
	    { { "\"Auntie, who would not stop talking.\"",
	        "Imogen Tallis" } } },
	{ "a pronoun in a leading clause is the subject after it",
	    "Council member Pao Lee Vang voted yes. Rosa Delgado, a vendor, "
	    "said she was relieved. \"It is over,\" she said.\n\nAsked "
	    "whether she expected an appeal, Vang smiled and pointed at the "
	    "clock above the door.\n\n\"Ask me tomorrow,\" she said.",
	    { { "\"It is over,\"", "Rosa Delgado" },
	      { "\"Ask me tomorrow,\"", "Pao Lee Vang" } } },
	{ "a paragraph opening with 'She' after a friend spoke of her",
	    "Halina Brennan, midwife, dies at 90\n\nHalina Brennan, who ran "
	    "the maternity ward at St Luke's for thirty years, died on "
	    "Sunday.\n\nHer colleague, Dr Ewa Lindqvist, said Brennan had "
	    "been \"fierce and kind\".\n\n\"She never once went home on "
	    "time,\" Lindqvist said. \"She would count the cots.\"\n\nShe "
	    "was honoured twice, and accepted both times, she said, \"for "
	    "the nurses.\"\n\nHer last visit to the ward was in May.\n\n"
	    "\"Let them in,\" she told the crowd.",
	    { { "\"fierce and kind\"", "Ewa Lindqvist" },
	      { "\"She never once went home on time,\"", "Ewa Lindqvist" },
	      { "\"She would count the cots.\"", "Ewa Lindqvist" },
	      { "\"for the nurses.\"", "Halina Brennan" },
	      { "\"Let them in,\"", "Halina Brennan" } } },
	{ "'He added:' after a coach's quote is the coach's",
	    "Tharaka Silva took nine wickets. Silva bowled 31 overs. Silva "
	    "smiled.\n\nThe coach, Pieter Botha, praised the young spinner."
	    "\n\n\"What I saw was a kid who never dropped short,\" Botha "
	    "said.\n\nHe added: \"We will enjoy tonight.\"",
	    { { "\"What I saw was a kid who never dropped short,\"",
	        "Pieter Botha" },
	      { "\"We will enjoy tonight.\"", "Pieter Botha" } } },
	{ "the Irishwoman, the Welshman: whom the demonym describes",
	    "Rhys Pryce and Niamh Keane both scored.\n\nKeane was the "
	    "better player. \"It was a good day,\" the Irishwoman said.\n\n"
	    "Pryce was less happy. \"Ask me later,\" the Welshman said.",
	    { { "\"It was a good day,\"", "Niamh Keane" },
	      { "\"Ask me later,\"", "Rhys Pryce" } } },
	{ "X of an organisation named with a title word, who ..., told",
	    "Turnout was low.\n\nProfessor Anjali Rao of Queen Mary "
	    "University of London, who studies London local elections, told "
	    "us the result would be \"a real test of the big parties\".",
	    { { "\"a real test of the big parties\"", "Anjali Rao" } } },
	{ "a quote attributed by 'she' is no later 'he''s",
	    "The dancers bowed at five. Ren Aoki and Kai Lund leave "
	    "together, shoes in hand. \"Same time next year?\" she asks "
	    "him.\n\n\"If my knees agree,\" he says.",
	    { { "\"Same time next year?\"", "Ren Aoki" },
	      { "\"If my knees agree,\"", "Kai Lund" } } },
	/* wt-ents11: a club before a word for its people modifies the
	 * subject: the person after it, else no one named */
	{ "a club's manager, and its fans, are not the club",
	    "Headline\n\nSwansea City won 2-1 on a wet night.\n\nCity "
	    "manager Olusegun Baptiste hailed his side's \"grit\" and "
	    "\"calm, quiet nerve\".\n\nCity fans sang \"Mensah's on "
	    "fire\" long after the whistle.",
	    { { "\"grit\"", "Olusegun Baptiste" },
	      { "\"calm, quiet nerve\"", "Olusegun Baptiste" },
	      { "\"Mensah's on fire\"", "" } } },
	/* wt-names9: a person named after "she" in its own sentence is
	 * who she acted on; the next "she" goes on with the first */
	{ "a pronoun goes on past the one it acted on",
	    "Renata Kowalczyk built bridges for forty years. Her first was "
	    "in Gdansk. In 1980 she married Ekundayo Ilori, a painter. "
	    "Friends said she adored him.  \"He painted, I "
	    "calculated,\" she once said.",
	    { { "\"He painted, I calculated,\"", "Renata Kowalczyk" } } },
	{ "the fullest name, surname first or last",
	    "Zhou Mingyu ran the port. \"We are full,\" Zhou said. Later "
	    "Rhys Pettifer spoke. \"No,\" said Pettifer.",
	    { { "\"We are full,\"", "Zhou Mingyu" },
	      { "\"No,\"", "Rhys Pettifer" } } },
	{ "a headline's surname before the full name",
	    "\"Late Goal Saves Us,\" Þórisdóttir Says\n\n"
	    "Sóley Þórisdóttir scored. \"I aimed,\" Þórisdóttir said.",
	    { { "\"Late Goal Saves Us,\"", "Sóley Þórisdóttir" },
	      { "\"I aimed,\"", "Sóley Þórisdóttir" } } },
	{ "pronouns by sex, not people named in quotes",
	    "Ines Calloway met Tomás Ferrer. \"Ask Juan Ortiz,\" Ferrer "
	    "said.\n\n\"We will see,\" she said. \"Fine,\" he said.",
	    { { "\"Ask Juan Ortiz,\"", "Tomás Ferrer" },
	      { "\"We will see,\"", "Ines Calloway" },
	      { "\"Fine,\"", "Tomás Ferrer" } } },
	{ "a pronoun takes the subject before",
	    "Jones laughed as she recalled the night when Gil Hartnell, the "
	    "singer, was sick in her office. \"Never again,\" she said.",
	    { { "\"Never again,\"", "Jones" } } },
	{ "an attribution in the next sentence",
	    "Rasmus Holm works at Nordea. \"The numbers do not add up.\" The "
	    "remark came from Dana Whitlock, an economist.",
	    { { "\"The numbers do not add up.\"", "Dana Whitlock" } } },
	{ "organisations speak; acronyms by their expansion",
	    "The Financial Supervisory Service (FSS) opened a review. \"We "
	    "will act,\" the FSS said. The Ministry of Transport and "
	    "Infrastructure met on Monday. The ministry said in a statement "
	    "that it \"takes note.\"",
	    { { "\"We will act,\"", "Financial Supervisory Service" },
	      { "\"takes note.\"", "Ministry of Transport and Infrastructure" } } },
	{ "a title for a person named before",
	    "Health Minister Jonas Berg visited. \"We will not close a "
	    "ward,\" the minister said. Berg's spokeswoman said he "
	    "\"stands by every word.\"",
	    { { "\"We will not close a ward,\"", "Jonas Berg" },
	      { "\"stands by every word.\"", "" } } },
	{ "post-nominals and appositives",
	    "The agents hired a London barrister, Jane Holtby KC, who told "
	    "the court that they \"paid because they had to.\" \"It is "
	    "done,\" said the group's press officer, Nikos Stamatiou.",
	    { { "\"paid because they had to.\"", "Jane Holtby" },
	      { "\"It is done,\"", "Nikos Stamatiou" } } },
	{ "split quotes and fragments",
	    "\"The rate,\" said Tereza Dvořáková, \"is too high.\" Her "
	    "colleague Łukasz Wróblewski described it as \"a raincoat.\"",
	    { { "\"The rate,\"", "Tereza Dvořáková" },
	      { "\"is too high.\"", "Tereza Dvořáková" },
	      { "\"a raincoat.\"", "Łukasz Wróblewski" } } },
	{ "the title of a work, said by no one",
	    "Ines Moreau chaired the jury. \"It was a long week,\" she "
	    "said. Prizes went to the Chilean drama \"Salt Road,\" whose "
	    "director was absent, and to the comedy \"The Borrowed "
	    "Wedding,\" which won the audience award.\n\n\"Night Ferry\" "
	    "opens in May. \"Never Again,\" said Tomas Brel.",
	    { { "\"It was a long week,\"", "Ines Moreau" },
	      { "\"Salt Road,\"", "" },
	      { "\"The Borrowed Wedding,\"", "" },
	      { "\"Night Ferry\"", "" },
	      { "\"Never Again,\"", "Tomas Brel" } } },
	{ "a name in an aside opened by a participle and by",
	    "The panel, led by the Danish architect Freja Holm, called the "
	    "design \"a quiet triumph\" and praised its \"honest brick.\" "
	    "Oskar Lind, backed by the council, called it \"a bold bet.\"",
	    { { "\"a quiet triumph\"", "" },
	      { "\"honest brick.\"", "" },
	      { "\"a bold bet.\"", "Oskar Lind" } } },
	{ "no one named: a term, a group, a spokesman",
	    "The so-called \"toll guarantee\" failed. Unions called it \"a "
	    "stunt.\" A spokesman for the board said it was \"on track.\"",
	    { { "\"toll guarantee\"", "" }, { "\"a stunt.\"", "" },
	      { "\"on track.\"", "" } } },
	{ "an attribution that ends the paragraph before",
	    "Mira Castell, the port director, met the workers. Afterwards, "
	    "Castell said:\n\n\"Nobody will lose their job.\"",
	    { { "\"Nobody will lose their job.\"", "Mira Castell" } } },
	{ "a Q&A transcript: you and I are the guest",
	    "Kjell Aamodt has audited the forests since 2012.\n\n"
	    "Interviewer: You once called the audit \"a map drawn in fog.\" "
	    "Why?\n\nAamodt: My predecessor told me \"the data will come.\" "
	    "I said \"it will not.\"\n\nInterviewer: And then?\n\n"
	    "Aamodt: They said \"thank you.\"",
	    { { "\"a map drawn in fog.\"", "Kjell Aamodt" },
	      { "\"the data will come.\"", "" },
	      { "\"it will not.\"", "Kjell Aamodt" },
	      { "\"thank you.\"", "" } } },
	{ "a shared surname is the article's subject",
	    "Henrik Lund, a fisherman, died on Sunday.\n\nHis son, Ola "
	    "Lund, said he died peacefully. \"He went out in his boat,\" Ola "
	    "Lund said.\n\nLund first drew attention in 1986. \"They can "
	    "take my boat,\" he told the newspaper Nordlys.",
	    { { "\"He went out in his boat,\"", "Ola Lund" },
	      { "\"They can take my boat,\"", "Henrik Lund" } } },
	/* wt-names9: a headline's surname alone is not the subject; the
	 * first name in full is */
	{ "a shared surname is the subject named in full, after a "
	  "headline's surname",
	    "Kaho's comeback sinks Leeds\n\nSemisi Kaho, a prop, scored "
	    "twice on Saturday.\n\nHis aunt, Lesieli Kaho, flew in to "
	    "watch.\n\nThe crowd rose. \"Thank you,\" Kaho said.",
	    { { "\"Thank you,\"", "Semisi Kaho" } } },
	/* wt-names9: speech verbs of temper (rules/default.ini verbs.8) */
	{ "a speaker who rages or fumes",
	    "Leeds director of rugby Ewan Strachan was fuming at referee "
	    "Hine Parata, who he felt had missed a knock-on.\n\n\"I've "
	    "watched it four times,\" Strachan raged. \"It's forward.\"",
	    { { "\"I've watched it four times,\"", "Ewan Strachan" },
	      { "\"It's forward.\"", "Ewan Strachan" } } },
	/* wt-names9: words quoted inside a sentence whose subject is a
	 * person named by no name are no one's, not the next paragraph's
	 * subject's */
	{ "a fragment said by someone unnamed, its rebuttal next",
	    "Headline\n\n\"We can wait,\" said Tupac Huarachi Rojas, "
	    "manager of the co-op.\n\nHuarachi, 44, says the grain should "
	    "command a premium. Buyers disagree.\n\nA representative of a "
	    "Lima export house, who asked not to be named because talks "
	    "with buyers are continuing, said some of the highland stock had "
	    "\"quality problems nobody wants to talk about.\"\n\n"
	    "Huarachi rejected that. \"Our lab results are public,\" he "
	    "said.",
	    { { "\"We can wait,\"", "Tupac Huarachi Rojas" },
	      { "\"quality problems nobody wants to talk about.\"", "" },
	      { "\"Our lab results are public,\"",
		"Tupac Huarachi Rojas" } } },
	/* wt-names9: a written piece from an organisation says what it
	 * quotes inside its sentence; its title is no one's */
	{ "a note from a firm, titled, says a fragment",
	    "Prices fell.\n\nA note from Pampas Grain Research, titled "
	    "\"Waiting for Rain\", said the gap \"will close by May if "
	    "the harvest is fair.\"",
	    { { "\"Waiting for Rain\"", "" },
	      { "\"will close by May if the harvest is fair.\"",
		"Pampas Grain Research" } } },
	{ "a live blog's lines; a plural noun is no speaker",
	    "09:12 Unions say \"90% of trains\" are cancelled\n\n"
	    "10:40 -- Transport minister Radek Šimůnek rejected the demand. "
	    "\"We will not pay twice,\" Šimůnek told Czech Television.",
	    { { "\"90% of trains\"", "" },
	      { "\"We will not pay twice,\"", "Radek Šimůnek" } } },
	{ "Question and Answer labels; a title and a particle",
	    "Dr. Rania al-Khatib runs the clinic.\n\nQuestion: You have "
	    "called screening \"the cheapest medicine.\" Why?\n\nAnswer: "
	    "My teacher told me \"treat the numbers.\"\n\nQuestion: And "
	    "now?\n\nAnswer: I said \"enough.\"",
	    { { "\"the cheapest medicine.\"", "Rania al-Khatib" },
	      { "\"treat the numbers.\"", "" },
	      { "\"enough.\"", "Rania al-Khatib" } } },
	/* "read" and "grumbled" attribute a quote (a letter read out);
	 * a sign that reads is no one */
	{ "a letter read out, a sign that reads",
	    "A banner read \"Save our school\", and Mira Holt waved it. "
	    "\"It is full of us,\" Tomas Ruud read from his letter. "
	    "\"Still late,\" Ruud grumbled.",
	    { { "\"Save our school\"", "" },
	      { "\"It is full of us,\"", "Tomas Ruud" },
	      { "\"Still late,\"", "Tomas Ruud" } } },
	{ "an organisation named in an appositive speaks",
	    "The court backed the insurer, Aviva Ireland, on Tuesday. Aviva "
	    "welcomed the ruling as \"a fair reading.\"",
	    { { "\"a fair reading.\"", "Aviva Ireland" } } },
	{ "NAME, who told: a relative clause after a preposition",
	    "The case was led by Simon Achterberg KC, who told the jury that "
	    "Pryce-Morgan had \"lied to everyone.\"",
	    { { "\"lied to everyone.\"", "Simon Achterberg" } } },
	{ "lower-case titles, then the name, then the verb",
	    "Workers walked out. \"We stay out,\" union leader Ilse "
	    "Verbruggen told the broadcaster NOS.",
	    { { "\"We stay out,\"", "Ilse Verbruggen" } } },
	{ "a name after a joining word is no title's",
	    "Priya Venkataraman of Harbourfront Securities Inc. said the "
	    "price was \"full but fair,\" while Derek Olafsson at Kestrel "
	    "Capital Markets called it \"a lot of money.\"",
	    { { "\"full but fair,\"", "Priya Venkataraman" },
	      { "\"a lot of money.\"", "Derek Olafsson" } } },
	{ "a relative named by kinship after a possessive",
	    "Tevita Koroibete scored. \"He knows that,\" said Koroibete's "
	    "mother, Litia Koroibete, from the stand. \"Our lineout failed.\" "
	    "That was the verdict of Samoa's head coach, Lukas Brandtner.",
	    { { "\"He knows that,\"", "Litia Koroibete" },
	      { "\"Our lineout failed.\"", "Lukas Brandtner" } } },
	{ "the note said: the firm named before",
	    "Analysts at Nomura said in a note that rates would fall. "
	    "\"Food is the swing factor,\" the note said.",
	    { { "\"Food is the swing factor,\"", "Nomura" } } },
	{ "a quote running on from a paragraph whose subject is a pronoun",
	    "\"It spread,\" Nomvula Dlamini said. Joseph Ssekandi agreed.\n\n"
	    "She said the team chose islands.\n\n"
	    "\"People ask whether it is safe.\n\n\"We listened.\"",
	    { { "\"It spread,\"", "Nomvula Dlamini" },
	      { "\"People ask whether it is safe.\n\n\"We listened.\"",
	        "Nomvula Dlamini" } } },
	{ "the mayor, not the deputy mayor",
	    "Mayor Lucía Ferreira-Holt lost the vote. The deputy mayor, Sione "
	    "Latu, voted with Hemi Walker. \"Ask me in a year,\" the mayor "
	    "said.",
	    { { "\"Ask me in a year,\"", "Lucía Ferreira-Holt" } } },
	{ "her son: the relative the text named",
	    "Halina Brennan died on Sunday. She is survived by a son, Piotr "
	    "Brennan Jr. \"She would want her books back,\" her son said.",
	    { { "\"She would want her books back,\"", "Piotr Brennan" } } },
	{ "a maiden name is the same person",
	    "Halina Brennan, a librarian, died on Sunday.\n\nBorn Halina "
	    "Zawadzka in Gdańsk in 1935, she came to Ireland in 1958 after "
	    "marrying Séamus Brennan. She spoke almost no English.\n\n"
	    "\"I learned the language,\" she told RTÉ.",
	    { { "\"I learned the language,\"", "Halina Brennan" } } },
	{ "the 34-year-old, the Spaniard, the Swede, the veteran",
	    "MELBOURNE, Jan. 21 -- Pablo Etxeberria beat the eighth seed, "
	    "Viktor Hallström, on Tuesday.\n\n\"I still love this,\" the "
	    "34-year-old said. \"My knee said no,\" said the Spaniard, who "
	    "was cheered.\n\nHallström, 23, served for the match. \"I got "
	    "tight,\" the Swede told reporters.\n\nEtxeberria smiled. \"Ask "
	    "me in a year,\" the veteran replied.",
	    { { "\"I still love this,\"", "Pablo Etxeberria" },
	      { "\"My knee said no,\"", "Pablo Etxeberria" },
	      { "\"I got tight,\"", "Viktor Hallström" },
	      { "\"Ask me in a year,\"", "Pablo Etxeberria" } } },
	{ "So said Ald. X; shot back; the alderman by the fullest name",
	    "The committee met.\n\n\"We keep writing fiction.\"\n\nSo said "
	    "Ald. Bogdan Marchetti, who chairs it. Ald. Keisha Robinson "
	    "disagreed. \"It is a wish,\" Robinson shot back.\n\nMarchetti "
	    "expects a vote. \"If not,\" the alderman said, \"we are in "
	    "trouble.\"",
	    { { "\"We keep writing fiction.\"", "Bogdan Marchetti" },
	      { "\"It is a wish,\"", "Keisha Robinson" },
	      { "\"If not,\"", "Bogdan Marchetti" },
	      { "\"we are in trouble.\"", "Bogdan Marchetti" } } },
	{ "the company, the judge: a noun right before the verb",
	    "Voltrad GmbH recalled bikes. In a statement, the company said: "
	    "\"Safety comes first.\" Justice Nokuthula Mahlangu ruled. The "
	    "city, the judge said, had known and \"chose to do little.\" "
	    "\"We are watching,\" a KBA spokesman said.",
	    { { "\"Safety comes first.\"", "Voltrad" },
	      { "\"chose to do little.\"", "Nokuthula Mahlangu" },
	      { "\"We are watching,\"", "" } } },
	{ "a person named by an appositive, then she",
	    "Jocelyn Tan, a mother of three from Tondo, sat outside. Her "
	    "youngest son, Miguel, was ill.\n\n\"He was playing,\" she said.",
	    { { "\"He was playing,\"", "Jocelyn Tan" } } },
	{ "a quote after a sentence whose subject speaks",
	    "Yaw Ofori grows cocoa. He shook his head. \"They promised us "
	    "the same.\"\n\nGilles Perrin says she has \"wasted a talent.\" "
	    "Told of the remark, Camille Roussel shrugged. \"Gilles never "
	    "tasted it.\"\n\nThe price rose. \"Progress\" was slow.",
	    { { "\"They promised us the same.\"", "Yaw Ofori" },
	      { "\"wasted a talent.\"", "Gilles Perrin" },
	      { "\"Gilles never tasted it.\"", "Camille Roussel" },
	      { "\"Progress\"", "" } } },
	{ "a colon after X's answer or For X",
	    "Adjoa Mensah-Bonsu was asked. Mensah-Bonsu's answer was short: "
	    "\"Better prices.\" For Yaw Darko, the answer is simple: "
	    "\"Wait.\"",
	    { { "\"Better prices.\"", "Adjoa Mensah-Bonsu" },
	      { "\"Wait.\"", "Yaw Darko" } } },
	{ "a title holding an organisation, then the name",
	    "\"It is a symptom,\" a spokeswoman for the International Cocoa "
	    "Organization, Ingrid Haugland, said. \"The borders are long,\" "
	    "the board's head of security, Major Kofi Agyeman, told lawmakers.",
	    { { "\"It is a symptom,\"", "Ingrid Haugland" },
	      { "\"The borders are long,\"", "Kofi Agyeman" } } },
	{ "before adding:; the CEO",
	    "\"It is late,\" Akosua Frimpong said, before adding: \"They pay "
	    "cash.\" Efua Owusu, the chief executive of Volta Mining, spoke. "
	    "\"We will fix it,\" the CEO said.",
	    { { "\"It is late,\"", "Akosua Frimpong" },
	      { "\"They pay cash.\"", "Akosua Frimpong" },
	      { "\"We will fix it,\"", "Efua Owusu" } } },
	{ "a colon after an appositive; fragments in one sentence",
	    "Dr. Murat Yildiz said: \"It is striking.\" His colleague, Prof. "
	    "Zeynep Arslan, was more cautious: \"We need data.\" Minister "
	    "Kemal Aydin said the ministry had \"saved lives\" and called the "
	    "methods \"bold\" and \"speculative.\" Ali Demir said \"no,\" "
	    "and the union called it \"a farce.\"",
	    { { "\"It is striking.\"", "Murat Yildiz" },
	      { "\"We need data.\"", "Zeynep Arslan" },
	      { "\"saved lives\"", "Kemal Aydin" },
	      { "\"bold\"", "Kemal Aydin" },
	      { "\"speculative.\"", "Kemal Aydin" },
	      { "\"no,\"", "Ali Demir" },
	      { "\"a farce.\"", "" } } },
	{ "the central bank, the tycoon; an organisation's spokesperson",
	    "Minera Andina Sur owns the mine. A Minera Andina Sur spokesperson "
	    "said it would start \"before winter.\" Rodrigo Echeverria wrote a "
	    "statement. The tycoon added: \"We hire locally.\" The Central "
	    "Bank of Chile met. The central bank said that mining was \"the "
	    "main driver.\"",
	    { { "\"before winter.\"", "" },
	      { "\"We hire locally.\"", "Rodrigo Echeverria" },
	      { "\"the main driver.\"", "Central Bank of Chile" } } },
	{ "more speech verbs: retorted, reckons, went on, chimed in",
	    "\"Nonsense,\" Ana Ionescu retorted. \"It is late,\" Ion Popescu "
	    "reckons. \"And dark,\" Maria Lupu went on. \"Yes,\" Dan Vasile "
	    "chimed in.",
	    { { "\"Nonsense,\"", "Ana Ionescu" },
	      { "\"It is late,\"", "Ion Popescu" },
	      { "\"And dark,\"", "Maria Lupu" },
	      { "\"Yes,\"", "Dan Vasile" } } },
	{ "a dateline's place and date are no speakers; the message from X",
	    "WARSAW, Nov. 3 -- Agnieszka Wrobel, the head of the union, said "
	    "on Monday that the strike would last \"as long as it takes.\"\n\n"
	    "\"We are asking to sleep.\"\n\nThe message from Wrobel drew "
	    "applause.",
	    { { "\"as long as it takes.\"", "Agnieszka Wrobel" },
	      { "\"We are asking to sleep.\"", "Agnieszka Wrobel" } } },
	{ "a live blog: colons after the subject, says commuter X",
	    "14:05 Minister Karel Havel says the strike is \"unjustified\". "
	    "Unions respond that \"the government is not listening\".\n\n"
	    "14:32 The Ministry of Transport has published a statement: "
	    "\"Talks resume.\"\n\n14:45 Union leader Josef Kratochvil, "
	    "speaking outside the ministry in Prague: \"We are ready.\"\n\n"
	    "15:00 \"It is a disgrace,\" says commuter Pavel Dvorak.\n\n"
	    "15:10 Havel again, in a television interview: \"Return to "
	    "work.\"",
	    { { "\"unjustified\"", "Karel Havel" },
	      { "\"the government is not listening\"", "" },
	      { "\"Talks resume.\"", "Ministry of Transport" },
	      { "\"We are ready.\"", "Josef Kratochvil" },
	      { "\"It is a disgrace,\"", "Pavel Dvorak" },
	      { "\"Return to work.\"", "Karel Havel" } } },
	{ "wire shapes: quoted as saying, a long clause, a title's subject",
	    "\"A cut is forming,\" Governor Irina Sokolova was quoted as "
	    "saying by Interfax. The Bank of Russia said in a statement that "
	    "inflation had slowed to 6.8% in March from 7.4% in February, and "
	    "that expectations were \"declining.\" Dmitry Orlov, an economist "
	    "at Sovcombank, was quoted by the agency as saying that a cut would "
	    "come \"in July.\"\n\nFinance Minister Anton Belyakov spoke. \"We "
	    "hold spending,\" he said.",
	    { { "\"A cut is forming,\"", "Irina Sokolova" },
	      { "\"declining.\"", "Bank of Russia" },
	      { "\"in July.\"", "Dmitry Orlov" },
	      { "\"We hold spending,\"", "Anton Belyakov" } } },
	{ "an interview: its correspondent asks, its headline quotes the guest",
	    "\"Build for the Heat\": An Architect\n\nOur correspondent Chidi "
	    "Okonkwo spoke to Folasade Adeyinka-Moore, whose practice designs "
	    "schools.\n\nQ: You called it \"a failure.\" Why?\n\nA: My "
	    "teacher, Professor Bode Akintola, used to say: \"The wind is "
	    "free.\"\n\nQ: And now?\n\nA: I build.",
	    { { "\"Build for the Heat\"", "Folasade Adeyinka-Moore" },
	      { "\"a failure.\"", "Folasade Adeyinka-Moore" },
	      { "\"The wind is free.\"", "Bode Akintola" } } },
	{ "a possessor starting a sentence is not its subject",
	    "\"It is late,\" Abdul Karim said.\n\nKarim's cousin, Shafiqul "
	    "Islam, planted rice. \"It grew,\" he said.",
	    { { "\"It is late,\"", "Abdul Karim" },
	      { "\"It grew,\"", "Shafiqul Islam" } } },
	{ "names and titles in marks are said by no one",
	    "\"People came,\" said Teresa Magalhaes. The fair, known as \"the "
	    "fair of small publishers\", grew. A press called \"Papel de "
	    "Seda\" sold a novel titled \"The Orange Trees of Tavira\" under "
	    "the slogan \"Read Where You Live\". She called it \"the best "
	    "week of all.\"",
	    { { "\"People came,\"", "Teresa Magalhaes" },
	      { "\"the fair of small publishers\"", "" },
	      { "\"Papel de Seda\"", "" },
	      { "\"The Orange Trees of Tavira\"", "" },
	      { "\"Read Where You Live\"", "" },
	      { "\"the best week of all.\"", "Teresa Magalhaes" } } },
	{ "according to him, the bank, a statement from X",
	    "Tomas Vergara spoke. According to him, the rules are \"strict\". "
	    "The Bank of Chile met. Rates, according to the bank, were "
	    "\"right\". Delays are \"frustrating\", according to a "
	    "statement from Harbour Link Ferries Ltd.",
	    { { "\"strict\"", "Tomas Vergara" },
	      { "\"right\"", "Bank of Chile" },
	      { "\"frustrating\"", "Harbour Link Ferries" } } },
	{ "the agency or the utility, named just before without the word",
	    "Auckland Transport funds the ferries. The backlog, according to "
	    "the agency, was \"unacceptable\". Watercare Services Ltd. runs the "
	    "pipes. "
	    "\"We are fixing it,\" the utility said.",
	    { { "\"unacceptable\"", "Auckland Transport" },
	      { "\"We are fixing it,\"", "Watercare Services" } } },
	{ "a verb that carries on an earlier one has its subject",
	    "The Nairobi Water Board said on Friday that tariffs would rise, "
	    "and described the rise as \"overdue.\" The Central Bank of "
	    "Kenya (CBK) said in a statement that growth was weaker than it "
	    "had forecast and that \"risks remain.\" The Ministry of Energy "
	    "met unions. Prices will be reviewed, the ministry said, adding "
	    "that fuel would cost \"a little more\".",
	    { { "\"overdue.\"", "Nairobi Water Board" },
	      { "\"risks remain.\"", "Central Bank of Kenya" },
	      { "\"a little more\"", "Ministry of Energy" } } },
	{ "a pronoun the words reported open is not the reporter",
	    "Rosa Lima wrote for the paper for forty years. The editor Ivo "
	    "Brandão, who hired her in 1990, said she had never missed a "
	    "deadline.\n\n\"She wrote faster than anyone. "
	    "She never complained.\"",
	    { { "\"She wrote faster than anyone. She never complained.\"",
	      "Ivo Brandão" } } },
	{ "\"it\" for the organisation that is the subject before",
	    "09:10\nHarwick Rail Ltd has just issued a statement. It reads:"
	    "\n\n\"Services resume at noon.\"\n\nKestrel Foods cut "
	    "prices on Monday. It added that \"more cuts may follow.\"",
	    { { "\"Services resume at noon.\"", "Harwick Rail" },
	      { "\"more cuts may follow.\"", "Kestrel Foods" } } },
	{ "the magistrate for a person titled Magistrate before",
	    "Senior Magistrate Ruth Kamau heard the plea. \"Bail is "
	    "refused,\" the magistrate said.",
	    { { "\"Bail is refused,\"", "Ruth Kamau" } } },
	{ "a club's lower-case title before a person after the quote",
	    "Kelso, who have lost twice, fell again. \"We were robbed,\" "
	    "Kelso coach Abel Mensah told reporters.",
	    { { "\"We were robbed,\"", "Abel Mensah" } } },
	{ "a title that is also a given name names the speaker",
	    "Boats sold well. \"Buy early,\" said Dean Prowse, who sells "
	    "them.",
	    { { "\"Buy early,\"", "Dean Prowse" } } },
	{ "a lede's description named in the next paragraph; no agency",
	    "LIMA, May 2 (AP) - A fisherman who spent nine days adrift told "
	    "rescuers he had \"stopped counting the sharks.\"\n\n"
	    "Ernesto Quispe, 41, was found on Sunday.\n\n"
	    "A spokesman for the navy said the search had been \"a long "
	    "shot.\"\n\nMarta Ccori, his sister, wept.",
	    { { "\"stopped counting the sharks.\"", "Ernesto Quispe" },
	      { "\"a long shot.\"", "" } } },
	{ "analysts at a firm, a statement from one",
	    "Shares fell. The verdict from economists at Nomura was short: "
	    "\"Too little, too late.\" A statement from Unilever said: "
	    "\"We are reviewing it.\" \"Sell,\" analysts at Barclays "
	    "wrote.",
	    { { "\"Too little, too late.\"", "Nomura" },
	      { "\"We are reviewing it.\"", "Unilever" },
	      { "\"Sell,\"", "Barclays" } } },
	{ "according to no one named is no one, not the speaker before",
	    "\"We won,\" said Petra Lind.\n\n\"We will appeal,\" according "
	    "to a statement from the club.",
	    { { "\"We won,\"", "Petra Lind" },
	      { "\"We will appeal,\"", "" } } },
	{ "a title named right after the quote",
	    "\"Rates stay where they are,\" the governor said on Monday. "
	    "Governor Amira Haddad, who took office in May, left early.",
	    { { "\"Rates stay where they are,\"", "Amira Haddad" } } },
	{ "a relative is the one the text names next to the kin word",
	    "Irma Solberg ran the ferry. Her husband, Arne Solberg, and their "
	    "son, Nils, survive her.\n\nHer husband used to say: \"A ferry "
	    "waits for no one.\"",
	    { { "\"A ferry waits for no one.\"", "Arne Solberg" } } },
	{ "a byline does not name the one interviewed",
	    "By Tamsin Greaves\n\nOla Berg farms near Bergen.\n\n"
	    "Q: Why sheep?\n\nA: They are patient.\n\nQ: You called wool "
	    "\"the first fleece economy.\" Why?\n\nA: Because it was.",
	    { { "\"the first fleece economy.\"", "Ola Berg" } } },
	{ "a question after the sentence that leads into it",
	    "Asked about a second term, Lidia Moreno smiled. \"Who "
	    "knows?\"",
	    { { "\"Who knows?\"", "Lidia Moreno" } } },
	{ "an unknown capitalised word before a title is no rival name",
	    "Ministry spokeswoman Aiko Tanabe declined to give figures but "
	    "said the plan was \"on schedule.\"",
	    { { "\"on schedule.\"", "Aiko Tanabe" } } },
	{ "\"it\" after \"The\" and a live blog's time",
	    "16:20\nThe Danish Maritime Authority has closed the strait. In "
	    "a post on X, it said: \"Ships must wait.\"",
	    { { "\"Ships must wait.\"", "Danish Maritime Authority" } } },
	{ "a pronoun for a relative the text does not name is no one",
	    "Goran Petrović builds violins in Novi Sad.\n\nHis father was "
	    "a carpenter. When Goran chose music, he said, \"Wood does not "
	    "care.\"",
	    { { "\"Wood does not care.\"", "" } } },
	{ "a pronoun for a relative the text names elsewhere",
	    "Vesna Horvat taught piano for fifty years. Her husband, Ante "
	    "Horvat, tuned the pianos.\n\nHer husband used to joke about "
	    "it. \"She plays, I suffer,\" he said.",
	    { { "\"She plays, I suffer,\"", "Ante Horvat" } } },
	{ "a speech verb in the passive: the one after \"by\"",
	    "Dragan Ilić was told by the referee, Sofia Lund: \"One more "
	    "word and you are off.\"",
	    { { "\"One more word and you are off.\"", "Sofia Lund" } } },
	{ "a subject and \"but\" before the verb; analysts after it; an "
	  "unknown name and a title before a person",
	    "Dr. Kofi Boateng, a surgeon at Korle Bu, praised the plan but "
	    "warned: \"Beds are not doctors.\" \"Buy the dip,\" wrote "
	    "analysts at Morgan Stanley. \"Stay away,\" Ghamet director "
	    "Yaw Ofori said.",
	    { { "\"Beds are not doctors.\"", "Kofi Boateng" },
	      { "\"Buy the dip,\"", "Morgan Stanley" },
	      { "\"Stay away,\"", "Yaw Ofori" } } },
	{ "a party in parentheses after the name does not speak",
	    "Cllr Ciara Doyle (Green Party) said the plan was \"too "
	    "timid.\"",
	    { { "\"too timid.\"", "Ciara Doyle" } } },
	{ "a pronoun skips a person the text shows to be of the other sex",
	    "Ayodeji Alabi met Chidera Obi on Monday. Alabi said he was not "
	    "worried.\n\n\"We will vote again,\" she said.",
	    { { "\"We will vote again,\"", "Chidera Obi" } } },
	{ "\"the company\" is not the platform it posted on",
	    "Brightmoor Foods cut prices. Its founder posted a video on "
	    "TikTok. \"Milk will get cheaper,\" the company said.",
	    { { "\"Milk will get cheaper,\"", "Brightmoor Foods" } } },
	{ "a clause after the comma is no appositive; a lead-in past an "
	  "object",
	    "\"Rents will fall,\" said Tomas Hale, while his partner, Nora "
	    "Quist, replied: \"They will not.\"\n\nAsked about Quist's "
	    "reply, Hale shrugged. \"Nora likes to argue.\"",
	    { { "\"Rents will fall,\"", "Tomas Hale" },
	      { "\"They will not.\"", "Nora Quist" },
	      { "\"Nora likes to argue.\"", "Tomas Hale" } } },
	{ "a headline quoting words said later",
	    "\"The Ice Does Not Negotiate\": A Glaciologist Speaks\n\n"
	    "Dr. Reto Andermatt measures glaciers. \"The ice does not "
	    "negotiate,\" Andermatt said.",
	    { { "\"The Ice Does Not Negotiate\"", "Reto Andermatt" },
	      { "\"The ice does not negotiate,\"", "Reto Andermatt" } } },
	{ "the next sentence: how X described it, all X would say, the "
	  "words were X's",
	    "Ald. Hector Quine spoke first. \"We are ready,\" he said.\n\n"
	    "\"Forty years and never a queue like it.\" That was how "
	    "shopkeeper Ilse Marrow, 71, described the opening.\n\n"
	    "\"Absurd.\" That one word was all Senator Obi Tennant would "
	    "say.\n\n\"We lost.\" That is how Wren Calder puts it.\n\n"
	    "\"Enough.\" The words were Petra Lusk's.",
	    { { "\"We are ready,\"", "Hector Quine" },
	      { "\"Forty years and never a queue like it.\"", "Ilse Marrow" },
	      { "\"Absurd.\"", "Obi Tennant" },
	      { "\"We lost.\"", "Wren Calder" },
	      { "\"Enough.\"", "Petra Lusk" } } },
	{ "a next sentence naming someone without a verb of saying is no "
	  "attribution",
	    "Mayor Ada Brook spoke. \"We won.\" That was how Tobin Vell "
	    "lost his seat.",
	    { { "\"We won.\"", "Ada Brook" } } },
	{ "he after her opponent, named after a comma, is that opponent",
	    "Her opponent, Lorcan Ashbury, was next. \"I regret "
	    "nothing,\" he said.",
	    { { "\"I regret nothing,\"", "Lorcan Ashbury" } } },
	{ "the next sentence: the comment, from X; words spoken by X; it "
	  "was X who said it",
	    "Mayor Ada Brook spoke.\n\n\"Not yet.\" The comment, from "
	    "councillor Tobin Vell, drew applause.\n\n\"Never.\" Those "
	    "words, spoken by Wren Calder in 2019, were remembered.\n\n"
	    "\"Go home.\" It was Petra Lusk who said it, from the back.",
	    { { "\"Not yet.\"", "Tobin Vell" },
	      { "\"Never.\"", "Wren Calder" },
	      { "\"Go home.\"", "Petra Lusk" } } },
	{ "an age and a role between the name and the verb",
	    "Mayor Ada Brook spoke. \"Fine,\" she said.\n\n\"Nobody "
	    "wins,\" Ilse Marrow, 63, a retired nurse, said afterwards.",
	    { { "\"Fine,\"", "Ada Brook" },
	      { "\"Nobody wins,\"", "Ilse Marrow" } } },
	{ "after the quote's comma: was all X would say, was how X put it",
	    "Ilse Marrow spoke. \"Fine,\" she said.\n\n\"We will see,\" "
	    "was all Senator Obi Tennant would say. \"A mess,\" was how "
	    "Wren Calder put it.",
	    { { "\"Fine,\"", "Ilse Marrow" },
	      { "\"We will see,\"", "Obi Tennant" },
	      { "\"A mess,\"", "Wren Calder" } } },
	{ "the next sentence: were X's words, is what X called it, so says "
	  "X, the response of X",
	    "Mayor Ada Brook spoke.\n\n\"Not on my watch.\" Those were "
	    "Wren Calder's words.\n\n\"A disaster.\" That is what Ilse "
	    "Marrow called it.\n\n\"It works.\" So says Dara Quill, who "
	    "built it.\n\n\"Nonsense.\" That was the response of Nell "
	    "Garrow.\n\n\"Ask her.\" That was Colm Tiernan\u2019s answer.",
	    { { "\"Not on my watch.\"", "Wren Calder" },
	      { "\"A disaster.\"", "Ilse Marrow" },
	      { "\"It works.\"", "Dara Quill" },
	      { "\"Nonsense.\"", "Nell Garrow" },
	      { "\"Ask her.\"", "Colm Tiernan" } } },
	{ "a name owning something else in the next sentence says nothing",
	    "Mayor Ada Brook spoke.\n\n\"We won.\" It was Tobin Vell's "
	    "seat that fell.",
	    { { "\"We won.\"", "Ada Brook" } } },
	{ "a question put to someone: \"X was asked\" names no speaker",
	    "Mayor Ada Brook spoke.\n\n\"Will you resign?\" Brook was "
	    "asked. \"No,\" she said.",
	    { { "\"Will you resign?\"", "" },
	      { "\"No,\"", "Ada Brook" } } },
	{ "a company named by a quarter word speaks whole",
	    "Storms hit.\n\nWestern Power said crews were working "
	    "\"around the clock.\"",
	    { { "\"around the clock.\"", "Western Power" } } },
	{ "he after a person who was unapologetic",
	    "Lorcan Ashbury was unapologetic. \"I regret nothing,\" he "
	    "said.",
	    { { "\"I regret nothing,\"", "Lorcan Ashbury" } } },
	{ "a clause after a quote, not a title: \"and that the X, Y, had\"",
	    "The Irish Rugby Union said on Friday that it would study the "
	    "tackle \"with an open mind\" and that the citing officer, Moira "
	    "Tallis, had \"followed every protocol.\"",
	    { { "\"with an open mind\"", "Irish Rugby Union" },
	      { "\"followed every protocol.\"", "Irish Rugby Union" } } },
	{ "the statement said: whoever issued the statement named before",
	    "The Harbour Trust closed the pier. Governor Elin Maddox said in "
	    "a statement that the closure was \"a precaution.\" \"Nobody "
	    "was hurt,\" the statement said.",
	    { { "\"a precaution.\"", "Elin Maddox" },
	      { "\"Nobody was hurt,\"", "Elin Maddox" } } },
	{ "the agency: an acronym whose expansion says agency",
	    "The Danish Energy Agency (DEA) and the Nordic Grid Agency met. "
	    "Later the Port Authority spoke. The DEA issued a warning on "
	    "Friday. The agency told homes to save power \"until Monday.\"",
	    { { "\"until Monday.\"", "Danish Energy Agency" } } },
	{ "a pronoun in an aside is no one named before it in its sentence",
	    "Lena Brandt runs the clinic. Dr. Priya Rao, she said, had been "
	    "\"the first to warn us.\"",
	    { { "\"the first to warn us.\"", "Lena Brandt" } } },
	{ "a title opening a sentence stands for the one who holds it",
	    "Judge Marta Quill heard the case. The prosecutor, Helen Voss, "
	    "asked for a fine. The judge was not persuaded. The fine, she "
	    "said, was \"too small for the harm done.\"\n\n"
	    "Minister Ana Perl left early. Sara Lind stayed on. \"We are "
	    "done,\" she said.",
	    { { "\"too small for the harm done.\"", "Marta Quill" },
	      { "\"We are done,\"", "Sara Lind" } } },
	{ "a date ends a sentence: \"on June 4.\"",
	    "Alder Vance admitted the theft on June 4.\n\nThe shop lost its "
	    "stock two days later.\n\nThen Nadia Ferris spoke for the Crown "
	    "and said the loss was large. \"He knew what he took,\" she "
	    "said.",
	    { { "\"He knew what he took,\"", "Nadia Ferris" } } },
	{ "the subject after a leading phrase and its comma",
	    "Alder Vance admitted the theft.\n\nOpening the case, Nadia "
	    "Ferris said the loss was large. \"He knew what he took,\" she "
	    "told the court.",
	    { { "\"He knew what he took,\"", "Nadia Ferris" } } },
	{ "a title opening the sentence beats a possessor inside it",
	    "Judge Ines Carro heard the plea of Jordan Vance. The judge said "
	    "Vance's plea had cut the term. She added: \"It took courage.\"",
	    { { "\"It took courage.\"", "Ines Carro" } } },
	{ "the victim's father: a relative named paragraphs later",
	    "A driver who hit a cyclist was fined after the cyclist's father "
	    "told him he had \"ruined a summer\".\n\nThe crash happened on "
	    "a quiet road outside Ghent in the early evening, when the light "
	    "was already failing and the driver was late for a meeting.\n\n"
	    "He braked too late, the court heard, and the bicycle was thrown "
	    "into a ditch beside the road, where a farmer found it.\n\nThe "
	    "cyclist's father, Emeka Obi, spoke outside the court.",
	    { { "\"ruined a summer\"", "Emeka Obi" } } },
	{ "a quote paragraph after one about its speaker",
	    "The court rose.\n\nThe boy's aunt, Lotte Brun, read a letter "
	    "to the court, her partner, Sven Aas, standing beside her.\n\n"
	    "\"We miss him every day.\"",
	    { { "\"We miss him every day.\"", "Lotte Brun" } } },
	{ "said the cellist X: a lower-case title after \"the\"",
	    "The hall was full. \"She plays as if the cello were "
	    "furniture,\" said the cellist Maria Kowalczyk.",
	    { { "\"She plays as if the cello were furniture,\"",
	        "Maria Kowalczyk" } } },
	{ "a singular they: the quote speaks as one person",
	    "Rowan Achterberg, 31, who runs the stall, watched the crowd. "
	    "\"I\u2019m not moving,\" they said.\n\nThe traders voted. "
	    "\"We stay,\" they said.",
	    { { "\"I\u2019m not moving,\"", "Rowan Achterberg" },
	      { "\"We stay,\"", "" } } },
	{ "terms before a participle's quote: the sentence's subject",
	    "Shares fell.\n\nJefferies moved the stock to \"sell\" from "
	    "\"neutral\", saying in a note that costs were \"out of "
	    "control\". The so-called \"fast lane\" plan, Hanne Dahl said, "
	    "was \"a mistake\".",
	    { { "\"sell\"", "Jefferies" }, { "\"neutral\"", "Jefferies" },
	      { "\"out of control\"", "Jefferies" }, { "\"fast lane\"", "" },
	      { "\"a mistake\"", "Hanne Dahl" } } },
	{ "a capitalised word before a lower-case role and a name",
	    "21:10 Polls close.\n\n21:40 Seasoned commentator Ingrid "
	    "Solberg, writing on X, is not impressed: \"Nobody won "
	    "tonight.\"",
	    { { "\"Nobody won tonight.\"", "Ingrid Solberg" } } },
	{ "what she later called: an adverb between the pronoun and called",
	    "Amara Eze joined the mill in 1971, on what she later called "
	    "\"the loudest year of my life.\" A machine later called \"the "
	    "Beast\" stood by the door.",
	    { { "\"the loudest year of my life.\"", "Amara Eze" },
	      { "\"the Beast\"", "" } } },
	{ "used to ask: a speech verb in its plain form",
	    "I was slow to start. My brother, Kwame, used to ask me every "
	    "spring, \"Is this the year?\" People ask that still.",
	    { { "\"Is this the year?\"", "Kwame" } } },
	{ "a shared surname not the article's subject's: the latest named",
	    "Ines Moreau, a baker, died on Friday.\n\nHer marriage to Karl "
	    "Brandt ended in divorce. She is survived by a son, Felix "
	    "Brandt.\n\nHer son said she baked before dawn.\n\n\"She "
	    "never slept,\" Mr. Brandt said.",
	    { { "\"She never slept,\"", "Felix Brandt" } } },
	{ "a shared surname is the article's subject after a byline",
	    "By Anna Holt\n\nHenrik Lund, a fisherman, died on Sunday.\n\n"
	    "His son, Ola Lund, said he died peacefully.\n\nLund first "
	    "drew attention in 1986. \"They can take my boat,\" Lund said.",
	    { { "\"They can take my boat,\"", "Henrik Lund" } } },
	{ "van der Meer said: particles before the name",
	    "Hanna van der Meer founded the shop.\n\nIts ovens are old. "
	    "\"We bake by hand,\" van der Meer, the founder, said.",
	    { { "\"We bake by hand,\"", "Hanna van der Meer" } } },
	{ "the federation: the organisation the sentence before is about",
	    "The Irish Hockey Association said on Monday it would review the "
	    "match. The federation added that it had \"full confidence\" in "
	    "its umpires.",
	    { { "\"full confidence\"", "Irish Hockey Association" } } },
	{ "Cr (an Australian councillor) and DS are titles, not names",
	    "Cr Maria Kovac opposed the plan. \"It is too tall,\" Cr Kovac "
	    "said.\n\nDS Ferdinand Osei led the search. \"We found the "
	    "van,\" DS Osei said.",
	    { { "\"It is too tall,\"", "Maria Kovac" },
	      { "\"We found the van,\"", "Ferdinand Osei" } } },
	{ "a given name of two syllables, the second of five letters",
	    "The new coach, Choi Eun-jeong, who joined a Seoul-based club, "
	    "spoke. \"We start again,\" she said.",
	    { { "\"We start again,\"", "Choi Eun-jeong" } } },
	{ "a relative who speaks: 'her son recalled', then 'he said'",
	    "Wanjiru Kamau died in Nyeri. Her son, Peter Kamau, confirmed "
	    "it. She married Daniel Otieno in 1960.\n\nShe sang every "
	    "morning, her son recalled.\n\n\"She had a "
	    "terrible voice,\" he said.",
	    { { "\"She had a terrible voice,\"", "Peter Kamau" } } },
	{ "an unnamed person's pronoun is no one, not the last named",
	    "Ingrid Holm runs the depot. \"We are short,\" Holm said.\n\n"
	    "A driver at the depot, who would not give her name, said the "
	    "buses were old. \"They break down,\" she said.\n\nOne "
	    "mechanic, who gave only his first name, Anders, said he "
	    "worked nights. \"I sleep in the day,\" he said.",
	    { { "\"We are short,\"", "Ingrid Holm" },
	      { "\"They break down,\"", "" },
	      { "\"I sleep in the day,\"", "Anders" } } },
	{ "a Spanish given name with its accent is a man's",
	    "Martín Ibarra and his sister, Noa Kessler, run the bakery. "
	    "Ibarra is tired. \"We open at five,\" he says.",
	    { { "\"We open at five,\"", "Martín Ibarra" } } },
	{ "the Chief Justice is not a Justice of the same bench",
	    "A bench of Chief Justice Alan Mwangi and Justice Ruth Chebet "
	    "heard the case. \"This is late,\" the Chief Justice said.\n\n"
	    "Chief Inspector Paul Reid spoke. \"No comment,\" the inspector "
	    "said.",
	    { { "\"This is late,\"", "Alan Mwangi" },
	      { "\"No comment,\"", "Paul Reid" } } },
	{ "a live blog: a job in lower case before the subject; X again",
	    "By Lea Kos\n\nThe incumbent, Marko Zupan, leads.\n\n21:05 "
	    "Zupan 40%, Novak 38%.\n\n21:10 Independent analyst Tine Bizjak "
	    "is with us. It is close, he says, \"closer than Zupan "
	    "thinks.\"\n\n21:30 Bizjak again, on the suburbs and the "
	    "rain: \"Turnout there will decide it.\"",
	    { { "\"closer than Zupan thinks.\"", "Tine Bizjak" },
	      { "\"Turnout there will decide it.\"", "Tine Bizjak" } } },
	{ "his verdict came: a pronoun's speech; then he grinned",
	    "Ilse Brandt chaired the jury. Tomas Weber, 80, watched from "
	    "the back. His verdict came with a shrug: \"Too long.\"\n\n"
	    "Then he grinned. \"But I stayed to the end.\"",
	    { { "\"Too long.\"", "Tomas Weber" },
	      { "\"But I stayed to the end.\"", "Tomas Weber" } } },
	{ "names in an opening phrase are not the pronoun's; thanks, accepted",
	    "Olav Dahl told the court he locked the door.\n\nUnder "
	    "questioning by Erik Lunde, defending Mr Berg, he accepted "
	    "that he had been \"a bit tired\".\n\nOlav Dahl left. He "
	    "thanks his lawyer and \"everyone who believed me\". Prices "
	    "rose \"sharply\" thanks to Kari Moe.",
	    { { "\"a bit tired\"", "Olav Dahl" },
	      { "\"everyone who believed me\"", "Olav Dahl" },
	      { "\"sharply\"", "" } } },
	{ "'they added' goes on from the one person quoted just before",
	    "Sam Okoro, a coder at Helio who uses they, wrote the patch.\n\n"
	    "\"Bugs hide in the edges,\" Okoro said.\n\n\"Tests find "
	    "them,\" they added. \"Not people.\"\n\nAnalysts at Vantage "
	    "were calm. \"Buy,\" they added.",
	    { { "\"Bugs hide in the edges,\"", "Sam Okoro" },
	      { "\"Tests find them,\"", "Sam Okoro" },
	      { "\"Not people.\"", "Sam Okoro" },
	      { "\"Buy,\"", "" } } },
	{ "a person's who-clause closed by a comma, then an adverb and a verb",
	    "Speaker Agnes Mulder, who rarely intervenes in debates, twice "
	    "asked members to \"mind the clock\".\n\nLena Ruiz, a chemist "
	    "at a lab in Leiden, who led the study, said it was \"a start\".",
	    { { "\"mind the clock\"", "Agnes Mulder" },
	      { "\"a start\"", "Lena Ruiz" } } },
	{ "a second verb after 'but' carries the sentence's subject on",
	    "The reviewer Hana Cole called the album \"brave\" but warned "
	    "that it risked sounding \"like homework.\"",
	    { { "\"brave\"", "Hana Cole" },
	      { "\"like homework.\"", "Hana Cole" } } },
	{ "an organisation's 'which said' clause",
	    "The merger needs the approval of the European Commission, which "
	    "said it would study it \"with care,\" and of regulators in "
	    "Japan.",
	    { { "\"with care,\"", "European Commission" } } },
	{ "the central bank is the one its name says; the circular is its",
	    "The Central Bank of Kenya held its rate, Bloomberg reported.\n\n"
	    "Exporters must repatriate earnings, the central bank said in a "
	    "circular. \"No waiver will be granted,\" the circular said.\n\n"
	    "\"We are watching,\" the central bank said.",
	    { { "\"No waiver will be granted,\"", "Central Bank of Kenya" },
	      { "\"We are watching,\"", "Central Bank of Kenya" } } },
	{ "the noun an organisation's name was set beside",
	    "The Oslo Stock Exchange opened late. Norway's tax service, the "
	    "Norwegian Tax Administration, said it was looking into the "
	    "case.\n\n\"We take this seriously,\" the service said.",
	    { { "\"We take this seriously,\"",
		"Norwegian Tax Administration" } } },
	{ "'it' after a sentence that opens with 'The union'",
	    "Pay talks at the Transport Workers Union broke down.\n\nThe "
	    "union said it would ballot drivers. In a letter sent on Friday, "
	    "it told members: \"Stand firm.\"",
	    { { "\"Stand firm.\"", "Transport Workers Union" } } },
	{ "a speech verb after an article is an adjective ('an emailed comment')",
	    "Its backer, Fjord Capital, a Bergen fund, said in an emailed "
	    "comment that it \"remains patient.\"",
	    { { "\"remains patient.\"", "Fjord Capital" } } },
	{ "Olumide is a woman's name too; 'Asked by X' names no antecedent",
	    "Detective Sergeant Olumide Bello led the search. Asked by Ms "
	    "Grant how officers found the van, she said: \"By its plates.\"",
	    { { "\"By its plates.\"", "Olumide Bello" } } },
	/* general mechanisms from the speaker errors of s68-s79 (issue
	 * 14, wt-speakers6); new sentences */
	{ "an owner's role, then the name and its closing comma",
	    "The mill said it would appeal.\n\n\"We are let down,\" "
	    "Northfield Textiles's director, Anna Kowal, told Reuters. \"We "
	    "will appeal.\"",
	    { { "\"We are let down,\"", "Anna Kowal" },
	      { "\"We will appeal.\"", "Anna Kowal" } } },
	{ "a pronoun after a sentence's leading phrase",
	    "Governor Anna Kowal said the bank was patient.\n\nAsked whether "
	    "a cut was likely in May, she smiled. \"Read the minutes.\"",
	    { { "\"Read the minutes.\"", "Anna Kowal" } } },
	{ "the bank: the organisation whose name holds the noun",
	    "The Central Bank of Ruritania held its rate. Four members of "
	    "the Monetary Policy Committee voted to hold, the bank said in "
	    "its statement.\n\n\"The vote was close,\" the statement said.",
	    { { "\"The vote was close,\"", "Central Bank of Ruritania" } } },
	{ "a forecaster is an organisation",
	    "Met Office has raised its warning for Devon.\n\n\"Stay at "
	    "home,\" the forecaster said in its update.",
	    { { "\"Stay at home,\"", "Met Office" } } },
	{ "a relative in apposition has the relative's sex",
	    "Maria Lenz died on Monday. She was 80. She kept bees.\n\n"
	    "Born in Hull, she came to Leeds in 1970 to join her husband, "
	    "Corvan Marsh, a baker, and as she told a reporter in 1990, "
	    "\"the work was endless.\"",
	    { { "\"the work was endless.\"", "Maria Lenz" } } },
	{ "Singh and Kaur say a Sikh name's sex",
	    "Navjot Kaur Bains chairs the branch. She is 60. She likes "
	    "tea.\n\nLast year she hired Navjot Singh Gill, and later "
	    "she told the union: \"We stay out.\"",
	    { { "\"We stay out.\"", "Navjot Kaur Bains" } } },
	{ "a fragment in a who-clause belongs to the subject",
	    "Pavel Dubrov, a nurse who ran on a promise to \"fix the rota "
	    "first,\" refused to sign.",
	    { { "\"fix the rota first,\"", "Pavel Dubrov" } } },
	{ "a fragment after a leading phrase that ends in a place",
	    "My neighbour in Lyon, Ana Duarte, ran on a pledge to \"keep "
	    "the market open all year.\"",
	    { { "\"keep the market open all year.\"", "Ana Duarte" } } },
	{ "a verb that leads a speech verb ('kept writing')",
	    "Her agent in Oslo, Ruth Amdal, kept writing \"too long!\" in "
	    "red ink.",
	    { { "\"too long!\"", "Ruth Amdal" } } },
	{ "a pronoun stands for a name no list knows that opens a sentence",
	    "Her barrister, Tunde Fashola-Reid, said his client was home."
	    "\n\nXolani Mthembu, a night guard, said he saw a van leave. "
	    "\"I could not see the plates,\" he told the court.",
	    { { "\"I could not see the plates,\"", "Xolani Mthembu" } } },
	{ "a spokeswoman for an organisation is no one",
	    "Northwind Power says 38,000 homes are dark in north Clare.\n\n"
	    "\"Our crews are ready,\" a spokeswoman for the company said.",
	    { { "\"Our crews are ready,\"", "" } } },
	{ "a person's name typed as an organisation takes he",
	    "Devon Ashworth, a developer, saw the thread and checked his "
	    "dock.\n\n\"It was hot to the touch,\" he told us.\n\n"
	    "Ashworth said he had since had a refund.",
	    { { "\"It was hot to the touch,\"", "Devon Ashworth" } } },
	{ "a headline's quote is the one person the headline names",
	    "\"I still paint at night\": a conversation with Ada Obi-Lawson"
	    "\n\nThe painter Ada Obi-Lawson spoke to Rui Sena.\n\n"
	    "Rui Sena: When did you start?\n\nAda Obi-Lawson: At nine."
	    "\n\nRui Sena: And now?\n\nAda Obi-Lawson: Every night.",
	    { { "\"I still paint at night\"", "Ada Obi-Lawson" } } },
	{ "a subhead's quote is said by whoever says its words later",
	    "Clinic hours cut\n\nNurse Lena Ostrova runs the clinic. "
	    "\"We help who we can,\" Ostrova said.\n\n\"We simply forgot "
	    "the forms\"\n\nIn Tver, Pavel Lindqvist missed a deadline. "
	    "\"We simply forgot the forms, and then the fines came,\" he "
	    "said.",
	    { { "\"We help who we can,\"", "Lena Ostrova" },
	      { "\"We simply forgot the forms\"", "Pavel Lindqvist" },
	      { "\"We simply forgot the forms, and then the fines came,\"",
	        "Pavel Lindqvist" } } },
	{ "its governor, named later; a headline's title is no byline's",
	    "Ruritania's bank holds rate as governor warns\n\nBy Tomasz "
	    "Lewandowski\n\nThe Central Bank of Ruritania held its rate, and "
	    "its governor said risks had \"not gone away at all.\"\n\n\"We "
	    "wait,\" Governor Anna Belova told a news conference.",
	    { { "\"not gone away at all.\"", "Anna Belova" },
	      { "\"We wait,\"", "Anna Belova" } } },
	/* wt-h12read: the names of an "Asked about ..." phrase opening the
	 * sentence before are objects, not its subject */
	{ "a quote after \"Asked about keeping X on, Y shrugged.\": Y's",
	    "They lost.\n\nAsked about his decision to keep Ilse Varga on "
	    "court after her red card, Tomas Ruud shrugged. \"She is the "
	    "best we have. Why would I drop her?\"",
	    { { "\"She is the best we have. Why would I drop her?\"",
	        "Tomas Ruud" } } },
	/* wt-h12read: "it" for an organisation named as an object that a
	 * "which" clause goes on to describe */
	{ "it said: the organisation a which-clause describes",
	    "Prices rose.\n\nThe closure drew anger from the Baltic Dockers' "
	    "Federation, which speaks for 900 crane drivers. In a statement "
	    "it said it would \"fight every lay-off\".",
	    { { "\"fight every lay-off\"", "Baltic Dockers' Federation" } } },
	/* wt-h12read: the nearest person, a preposition's object, gives
	 * way to the one before it in the paragraph */
	{ "the 29-year-old said: not the person a pass came from",
	    "They won.\n\nWhat Ilse Varga did next was take a pass from "
	    "Marta Lind on the wing and score. The Dane then ran to the "
	    "fans.\n\n\"I owed them that,\" the 29-year-old said.",
	    { { "\"I owed them that,\"", "Ilse Varga" } } },
	/* wt-know: nouns of kinds of organisation gathered by domain
	 * (culture, health, business, sport, industry), not from errors */
	{ "the orchestra, the hospital, the startup, the league, the "
	  "drugmaker said: the body named before",
	    "Budgets shrank\n\nThe Marlow Youth Orchestra cancelled its "
	    "tour. \"We had no choice,\" the orchestra said.\n\nAt Tarvik "
	    "General Hospital, two wards closed. \"Staff are exhausted,\" the "
	    "hospital said.\n\nKestrel Robotics paused hiring on Friday. "
	    "\"It is temporary,\" the startup said.\n\nThe Norland Netball "
	    "League moved its final. \"Safety comes first,\" the league "
	    "said.\n\nBrenna Pharma cut its forecast. \"Trials ran late,\" "
	    "the drugmaker said.",
	    { { "\"We had no choice,\"", "Marlow Youth Orchestra" },
	      { "\"Staff are exhausted,\"", "Tarvik General Hospital" },
	      { "\"It is temporary,\"", "Kestrel Robotics" },
	      { "\"Safety comes first,\"", "Norland Netball League" },
	      { "\"Trials ran late,\"", "Brenna Pharma" } } },
	/* wt-know: occupations, positions and community roles gathered by
	 * kind (ISCO groups, sport positions), not from errors */
	{ "the nanny, the diplomat, the goaltender said: the one so titled",
	    "Notes\n\nKovu Tamsin, a nanny, has worked for the family for "
	    "years. On Monday Lena Brask came back late.\n\n\"It was a long "
	    "day,\" the nanny said.\n\nTalks resumed with diplomat Orvell "
	    "Dask and Piet Varn in Tarvo.\n\n\"We are close,\" the diplomat "
	    "said.\n\nThe save came from goaltender Ilse Marrow, passed by "
	    "Ada Kell.\n\n\"I saw it late,\" the goaltender said.",
	    { { "\"It was a long day,\"", "Kovu Tamsin" },
	      { "\"We are close,\"", "Orvell Dask" },
	      { "\"I saw it late,\"", "Ilse Marrow" } } },
	/* wt-know: reporting verbs gathered by kind (judging, confiding,
	 * complaining, laughing, scolding), not from errors */
	{ "ruled, confided, bemoaned, chuckled, scolded are speech verbs",
	    "Notes\n\nThe appeal failed. \"The claim has no basis,\" Judge "
	    "Kovu Tamsin ruled.\n\n\"I nearly quit,\" Lena Brask confided."
	    "\n\n\"Nobody listens,\" Piet Varn bemoaned.\n\n\"Not bad for "
	    "an old man,\" Ada Kell chuckled.\n\n\"Sit down,\" Ilse Marrow "
	    "scolded.",
	    { { "\"The claim has no basis,\"", "Kovu Tamsin" },
	      { "\"I nearly quit,\"", "Lena Brask" },
	      { "\"Nobody listens,\"", "Piet Varn" },
	      { "\"Not bad for an old man,\"", "Ada Kell" },
	      { "\"Sit down,\"", "Ilse Marrow" } } },
	/* wt-h15read: a relative named in apposition after "and" is no
	 * rival subject */
	{ "a statement from X and her husband, Y, said:",
	    "Notes\n\nA statement from Anna Berg and her husband, Tomas, "
	    "read by a court adviser, said: \"We lost more than we "
	    "brought.\"",
	    { { "\"We lost more than we brought.\"", "Anna Berg" } } },
	/* wt-h15read: "..., a phrase she uses often": the one who uses it */
	{ "a phrase or a line after the quote that a person uses or repeats",
	    "Notes\n\nArchitect Elif Demir met the council on Monday. The "
	    "old quarter should not become \"a new town with an old name,\" "
	    "a phrase she uses often.\n\nThe plan was \"a city for "
	    "everyone,\" a line Tovan Reyes repeats at every meeting.",
	    { { "\"a new town with an old name,\"", "Elif Demir" },
	      { "\"a city for everyone,\"", "Tovan Reyes" } } },
	/* wt-h15read: a speech verb in the passive: its subject heard the
	 * words, not the organisation's speaker (the one speaking goes on,
	 * "she added") */
	{ "a passive speech verb's subject is no speaker",
	    "Notes\n\nAnna Berg, head of the Harbour Workers Union, spoke "
	    "first. \"They know ships,\" Berg said. The union had been "
	    "promised \"city wages, not port wages\" for the new jobs, she "
	    "added.",
	    { { "\"They know ships,\"", "Anna Berg" },
	      { "\"city wages, not port wages\"", "Anna Berg" } } },
	/* wt-h15read: "with X promising "..."": the participle's subject */
	{ "with, a name and a participle speech verb before the quote",
	    "Notes\n\nThe hosts lost at home, with Tovan Reyes promising "
	    "\"no more late goals before May.\"",
	    { { "\"no more late goals before May.\"", "Tovan Reyes" } } },
	/* wt-h14read: a family name written first that a list knows only
	 * as a town stands for the person named in full before */
	{ "a family name first, known as a town, speaks as the person",
	    "Notes\n\nThe album was recorded in Osaka by Nagahama Teruki, "
	    "who runs a small label.\n\n\"I recorded them in one room,\" "
	    "Nagahama said.",
	    { { "\"I recorded them in one room,\"", "Nagahama Teruki" } } },
	/* wt-h14read: the words of a letter read out after a colon are its
	 * sender's, named after "sent ... by" anywhere in the clause */
	{ "a letter sent to her office by X, read out after a colon",
	    "Notes\n\nThe bill was sponsored by Ilinca Varga. In her speech "
	    "she read from a letter sent to her office by Dorina Pascu, a "
	    "teacher in a village school:\n\n\"The children walk six "
	    "kilometres.\"",
	    { { "\"The children walk six kilometres.\"", "Dorina Pascu" } } },
	/* wt-h14read: a name inside a relative clause closed before the
	 * verb is not the subject */
	{ "X of Y, whom Z met at a fair, wrote that it was \"...\"",
	    "Notes\n\nIlinca Varga sells brandy.\n\nTomas Rehak of Brno "
	    "Malt Trading, whom Varga met at a fair in Vienna, wrote in an "
	    "email that the plan was \"a little too bold\".",
	    { { "\"a little too bold\"", "Tomas Rehak" } } },
	/* wt-h14read: a thing that bears words reads them: no one's */
	{ "the label, which she designed, reads \"...\": no one's",
	    "Notes\n\nIlinca Varga studied design at the Northfield Academy "
	    "of Arts.\n\nThe new label, which she designed, reads \"Made "
	    "by hand\".",
	    { { "\"Made by hand\"", "" } } },
	/* wt-h14read: "has called" after a name is the name's word, not a
	 * term someone coined */
	{ "a situation X has called \"...\"",
	    "Notes\n\nThe bill was sponsored by Ilinca Varga.\n\nAbout "
	    "1,900 communes have no pharmacy, a situation Varga has called "
	    "\"a quiet scandal\".",
	    { { "\"a quiet scandal\"", "Ilinca Varga" } } },
	/* wt-h14read: a name apposed to a spokesman's "for" object is
	 * that object (these conventions: a spokesman for X is no one
	 * named) */
	{ "a spokesman for the lobby, the Association of X, said: no one",
	    "Notes\n\nThe bill passed.\n\nA spokesman for the chains' "
	    "lobby, the Association of Shop Owners, said the group would "
	    "\"study the text\" first.",
	    { { "\"study the text\"", "" } } },
	/* wt-h14read: "Her mother ...:" before "My mother ...": the words
	 * of the one "Her" stands for */
	{ "Her mother was her first teacher: \"My mother ...\"",
	    "Notes\n\nLan, 34, trained at the academy in Hanoi. \"The "
	    "instrument has one string,\" she says.\n\nHer mother was her "
	    "first teacher, and a harder one than the academy:\n\n\"My "
	    "mother played in a state troupe.\"",
	    { { "\"The instrument has one string,\"", "Lan" },
	      { "\"My mother played in a state troupe.\"", "Lan" } } },
	/* wt-h14read: words of a message reported: its sender's */
	{ "X had sent a message telling them that checks were \"...\"",
	    "Notes\n\nOpening the case, Nora Blake said the firm knew.\n\n"
	    "She said that last year Tom Perrin had sent a message to shift "
	    "leaders telling them that checks were \"holding up the loads\".",
	    { { "\"holding up the loads\"", "Tom Perrin" } } },
	/* wt-h14read: memos and leaflets carry their writers' words */
	{ "a memo sent, a leaflet signed by X",
	    "Notes\n\nOpening the case, Nora Blake said the firm knew.\n\n"
	    "She said that last year Tom Perrin had sent a memo to staff "
	    "telling them that checks were \"holding up the loads\".\n\n"
	    "A leaflet, signed by Ana Ruiz, read: \"Stay home\".",
	    { { "\"holding up the loads\"", "Tom Perrin" },
	      { "\"Stay home\"", "Ana Ruiz" } } },
	/* wt-h14read: "the Norwegian company": the company just named,
	 * though in a phrase, not the sentence's subject */
	{ "X is owned by Y AS of Bergen. \"...,\" the Norwegian company said",
	    "Notes\n\nA storm tore a net pen belonging to Brekkalax ehf. in "
	    "the fjord.\n\nBrekkalax employs 46 people in the village.\n\n"
	    "Brekkalax is owned by Havbruk Holding AS of Bergen. \"We take "
	    "this very seriously,\" the Norwegian company said in a "
	    "statement.",
	    { { "\"We take this very seriously,\"", "Havbruk Holding" } } },
	/* wt-h14read: a headline that is one quote, over a standfirst that
	 * opens with a person: the profile's person */
	{ "a headline quote over a standfirst opening with a person",
	    "\"Losing teaches more than winning\"\n\nAnna Lindqvist coached "
	    "chess in a car park for six years. She talks to Ada Obi about "
	    "boredom.\n\nLindqvist keeps a broken knight on her desk.",
	    { { "\"Losing teaches more than winning\"", "Anna Lindqvist" } } },
	/* wt-h14read: a headline's quote of two words said again later */
	{ "a headline's two words said again in the text",
	    "Cameras have \"changed nothing\", fishers tell MPs\n\nFishers "
	    "told MPs on Wednesday that cameras had done little.\n\nGiving "
	    "evidence, Tomas Reyes, who runs two boats, said the cameras had "
	    "\"changed nothing on the water except the mood.\"",
	    { { "\"changed nothing\"", "Tomas Reyes" },
	      { "\"changed nothing on the water except the mood.\"",
	        "Tomas Reyes" } } },
};

static void
quote_row(void **state)
{
	const struct quote_case *c = *state;
	size_t i;

	run(c->text);
	for (i = 0; i < testutil_nelem(c->want) && c->want[i].quote != NULL;
	    i++)
		check(i, c->want[i].quote, c->want[i].speaker);
	assert_int_equal(A.nquotes, i);
}

/* The speaker is shown by its fullest name; the attribution's words stay
 * highlighted where they are. */
static void
test_said_span(void **state)
{
	const struct quote *q;

	(void)state;
	run("Zhou Mingyu spoke. \"Yes,\" Zhou said.");
	assert_int_equal(A.nquotes, 1);
	q = &A.quotes[0];
	assert_mem_str(T + q->speaker_start, q->speaker_end - q->speaker_start,
	    "Zhou Mingyu");
	assert_mem_str(T + q->said_start, q->said_end - q->said_start, "Zhou");
	run("\"Yes,\" said Zhou Mingyu.");
	q = &A.quotes[0];
	assert_int_equal(q->said_start, 0);
	assert_int_equal(q->said_end, 0);
}

int
main(void)
{
	static const struct CMUnitTest funcs[] = {
		cmocka_unit_test(test_straight_and_curly),
		cmocka_unit_test(test_guillemets_and_german),
		cmocka_unit_test(test_nested_and_apostrophes),
		cmocka_unit_test(test_multi_paragraph),
		cmocka_unit_test(test_unbalanced),
		cmocka_unit_test(test_hard_wrapped_crlf),
		cmocka_unit_test(test_attribution_shapes),
		cmocka_unit_test(test_scare_and_unknown),
		cmocka_unit_test(test_pronoun_unknown),
		cmocka_unit_test(test_british_single),
		cmocka_unit_test(test_dash_attribution),
		cmocka_unit_test(test_verb_particle),
		cmocka_unit_test(test_translation_in_parens),
		cmocka_unit_test(test_pronoun_skips_org_speaker),
		cmocka_unit_test(test_subject_with_prepositional_phrase),
		cmocka_unit_test(test_colon_without_verb),
		cmocka_unit_test(test_speakers_beyond_latin1),
		cmocka_unit_test(test_said_span),
	};

	testutil_run_with_table(funcs, quote_cases, quote_row, setup, teardown);
}
