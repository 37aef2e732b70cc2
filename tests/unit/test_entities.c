/*
 * test_entities.c: entity rules, lists, context, propagation and the
 * span conventions of news NER corpora, with the default rule set.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>
#include "artread/analysis.h"
#include "artread/diag.h"
#include "artread/entities.h"
#include "artread/rules.h"
#include "artread/strmap.h"
#include "artread/utf8.h"
#include "artread/util.h"

#include "testrules.h"

/* Is there a mention of exactly s (its first occurrence from `from`)
 * with type t? */
static void
has(const char *s, enum ent_type t, size_t from)
{
	const char *p = strstr(T + from, s);
	size_t i;

	if (p == NULL)
		fail_msg("\"%s\" not in the text", s);
	for (i = 0; i < A.nents; i++) {
		if (A.ents[i].start == (size_t)(p - T) &&
		    A.ents[i].end == (size_t)(p - T) + strlen(s)) {
			if (A.ents[i].type != t)
				fail_msg("\"%s\" is %s, not %s", s,
				    ent_type_name(A.ents[i].type),
				    ent_type_name(t));
			return;
		}
	}
	fail_msg("no mention \"%s\"", s);
}

static void
none_at(const char *s)
{
	size_t i, at = (size_t)(strstr(T, s) - T);

	for (i = 0; i < A.nents; i++) {
		if (A.ents[i].start <= at && A.ents[i].end > at)
			fail_msg("unexpected mention at \"%s\"", s);
	}
}

/*
 * One text, analysed with the default rules: its mentions are sorted
 * and disjoint, each wanted mention is there with its type, and no
 * mention covers an absent string.
 */
struct mention {
	const char	*s;	/* its first occurrence from `from` */
	enum ent_type	 type;
	size_t		 from;
};

struct ent_case {
	const char	*name;
	const char	*text;
	struct mention	 want[12];	/* up to the first unused (NULL) */
	const char	*absent[6];	/* up to the first NULL */
};

static struct ent_case ent_cases[] = {
	/* wt-h9read: a name apposed to a work's noun is a work's, no
	 * entity; not a person before "the play's director" */
	{ "a work named in apposition",
	    "Headline\n\nShe danced in Juniper Lake, a production that "
	    "toured, and met Ana Lopes, the play's director.",
	    { { "Ana Lopes", ENT_PERSON, 0 } },
	    { "Juniper Lake", NULL } },
	/* wt-h9read: a name before "crude" is an oil benchmark's */
	{ "an oil benchmark is no place",
	    "Headline\n\nBrent crude slipped while Urals crude held near "
	    "$60 in Moscow.",
	    { { "Moscow", ENT_PLACE, 0 } },
	    { "Brent", "Urals", NULL } },
	/* wt-h9read: a division of a sport is a competition, no entity */
	{ "a sport's divisions are competitions",
	    "Headline\n\nIt is worth a lot to the League One side, and "
	    "its striker came from the J League.",
	    { { NULL, 0, 0 } },
	    { "League One", "J League", NULL } },
	/* wt-h9read: a point of the compass after an organisation's
	 * word ending the name is inside it */
	{ "an organisation named for its part of the country",
	    "Headline\n\nShe sang for Opera West until 1990, then joined "
	    "Radio South as a presenter.",
	    { { "Opera West", ENT_ORG, 0 },
	      { "Radio South", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-h9read: a banner in capitals, however long, is read as a
	 * heading in capitals: the text's names, not a place's name the
	 * text writes in lower case */
	{ "a long banner in capitals",
	    "Headline\n\nKofi Mensah-Arthur scored twice for his nan. A "
	    "sheet read: \"KOFI'S NAN IS WATCHING FROM THE STAND.\"",
	    { { "Kofi Mensah-Arthur", ENT_PERSON, 0 },
	      { "KOFI", ENT_PERSON, 0 } },
	    { "NAN IS", NULL } },
	/* wt-h9read: a given name no list knows alone is the person
	 * the words around one mention made a person */
	{ "an unknown given name alone after a person by context",
	    "Headline\n\nAmong the volunteers was Tavrin Oloye, later a "
	    "nurse. \"Tavrin never stopped,\" a friend said.",
	    { { "Tavrin Oloye", ENT_PERSON, 0 },
	      { "Tavrin", ENT_PERSON, 60 } },
	    { NULL } },
	/* wt-h9read: a name before "(nee" and the maiden name after it
	 * are a person's */
	{ "a maiden name in parentheses",
	    "Headline\n\nHer father was a driver and her mother, Olesya "
	    "(nee Brovkina), a cook. Later Marit (n\xc3\xa9" "e Tveitan) "
	    "sang.",
	    { { "Olesya", ENT_PERSON, 0 },
	      { "Brovkina", ENT_PERSON, 0 },
	      { "Tveitan", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-h9read: a name written with its web domain is a company,
	 * whole, also opening a sentence; a missing space after a place's
	 * period is no domain */
	{ "a company named by its web address",
	    "Headline\n\nMarkets were mixed. Tengrimart.kz gained 2%, and "
	    "shares of Ordabook.com fell. Rain hit Almaty.It was cold.",
	    { { "Tengrimart.kz", ENT_ORG, 0 },
	      { "Ordabook.com", ENT_ORG, 0 },
	      { "Almaty", ENT_PLACE, 0 } },
	    { NULL } },
	/* wt-h9read: an appositive ending in a legislature makes an
	 * organisation */
	{ "a parliament's chamber apposed",
	    "Headline\n\nThe bill went to the Saeimara, the lower house of "
	    "parliament. Then the Volskar, the national assembly, voted.",
	    { { "Saeimara", ENT_ORG, 0 },
	      { "Volskar", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-h9read: countries that were (the Soviet Union) are places,
	 * not organisations for their word "Union" */
	{ "a former country is a place",
	    "Headline\n\nHe left Czechoslovakia in 1968 and, when the "
	    "Soviet Union broke up, settled in Riga.",
	    { { "Czechoslovakia", ENT_PLACE, 0 },
	      { "Soviet Union", ENT_PLACE, 0 } },
	    { NULL } },
	/* wt-h9read: one word joining two words with a capital after
	 * three lower-case letters is a brand, not a person's name */
	{ "a brand written in camel case; a Mac family name stays a person",
	    "Headline\n\n\"We expected it,\" the farmer told FarmWatch. "
	    "Later Tom MacInnes told GreenLedger too.",
	    { { "FarmWatch", ENT_ORG, 0 },
	      { "Tom MacInnes", ENT_PERSON, 0 },
	      { "GreenLedger", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-h9read: two common nouns joined by "and" inside one name
	 * ending in an organisation's word, the text writing one of them
	 * in lower case */
	{ "an organisation of two nouns joined by and",
	    "Headline\n\nShe sang with the Orlov Regional Opera and Ballet "
	    "Theatre long before ballet paid. Exports, the Kenya Tea and "
	    "Spice Federation said, fell as tea prices rose.",
	    { { "Orlov Regional Opera and Ballet Theatre", ENT_ORG, 0 },
	      { "Kenya Tea and Spice Federation", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-h9read: a word no list knows before a club word is a club,
	 * and that word alone is the club */
	{ "a club named for a town no list knows, then by the town alone",
	    "Cup upset\n\nLowly Tarrow Athletic knocked Brackwell United "
	    "out on Tuesday. Brackwell had led early. A shot beat Brackwell "
	    "keeper Ilan Sorel.",
	    { { "Brackwell United", ENT_ORG, 0 },
	      { "Brackwell", ENT_ORG, 80 },
	      { "Brackwell", ENT_ORG, 110 } },
	    { NULL } },
	/* wt-h9read: Russian, Tatar and Central Asian family names
	 * (-ova, -ev) and patronymics (-ovna, -ovich) end a person's name */
	{ "a family name in -ova, a patronymic in -ovich",
	    "Headline\n\nThe prize went to Dilfuza Sharipova in 2019. "
	    "On stage was Ravil Fayzullovich Nurmukhametov at dusk.",
	    { { "Dilfuza Sharipova", ENT_PERSON, 0 },
	      { "Ravil Fayzullovich Nurmukhametov", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-h9read: a role appositive after a word for when ("X, later
	 * a principal with", "X, then a student") says person */
	{ "a role apposed after later or then",
	    "Headline\n\nAmong the first recruits was Tavrin Oloye, later a "
	    "principal with the company. Next came Maelis Quarne-Obi, "
	    "then a student.",
	    { { "Tavrin Oloye", ENT_PERSON, 0 },
	      { "Maelis Quarne-Obi", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-ents11: a public body in an appositive that ends at its
	 * head makes an organisation, in every mention; a person before a
	 * new clause's subject stays a person; Advertiser is a paper */
	{ "a public body apposed, and a paper's word",
	    "Headline\n\nTalks went through Ofwex, the arbitration service. "
	    "Ofwex said little. She told the Advertiser she had met Ivo "
	    "Marek.\n\nAccording to Marek, the authority has asked again.",
	    { { "Ofwex", ENT_ORG, 0 },
	      { "Ofwex", ENT_ORG, 60 },
	      { "Advertiser", ENT_ORG, 0 },
	      { "Marek", ENT_PERSON, 130 } },
	    { NULL } },
	/* wt-ents11: a gate is a place word; a kind of venue before
	 * Centre or Center makes a place, not an organisation */
	{ "a gate and a venue's centre are places",
	    "Headline\n\nThe crowd left Marlow Gate at ten. Voters met at "
	    "the Halton Leisure Centre, and staff at the Legal Aid Centre "
	    "and the Barlow Community Center agreed.",
	    { { "Marlow Gate", ENT_PLACE, 0 },
	      { "Halton Leisure Centre", ENT_PLACE, 0 },
	      { "Legal Aid Centre", ENT_ORG, 0 },
	      { "Barlow Community Center", ENT_PLACE, 0 } },
	    { NULL } },
	/* wt-ents11: "An" capitalised mid-sentence is inside the name
	 * (the Irish article, a given name); opening a sentence it is
	 * the English article */
	{ "the Irish article An inside a name",
	    "Headline\n\nThe depot needs approval from An Bord Pleanála, and "
	    "the letters went by An Post.\n\nAn Bord Gáis engineer was "
	    "there.",
	    { { "An Bord Pleanála", ENT_ORG, 0 },
	      { "An Post", ENT_ORG, 0 },
	      { "Bord Gáis", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-ents11: words in parentheses after a person's name are the
	 * person's party, in every mention; a known place stays a place */
	{ "a party in parentheses after a person's name",
	    "Headline\n\nThe seat went to Amara Osei (Conservative), ahead of "
	    "Tomás Rey (Leith Independents) and Nadia Kerr (Kent). The "
	    "Leith Independents' agent conceded.",
	    { { "Conservative", ENT_ORG, 0 },
	      { "Leith Independents", ENT_ORG, 0 },
	      { "Kent", ENT_PLACE, 0 },
	      { "Leith Independents", ENT_ORG, 120 } },
	    { NULL } },
	/* wt-ents11: a short form in parentheses that opens like the
	 * organisation's first word is its short form everywhere, also
	 * where it speaks */
	{ "a blended short form in parentheses",
	    "Headline\n\nThe Cooperativa Pesqueira do Litoral Norte "
	    "(Coopelit) landed less fish.\n\nCoopelit said prices would "
	    "rise. Boats at Coopelit stayed in port.",
	    { { "Cooperativa Pesqueira do Litoral Norte", ENT_ORG, 0 },
	      { "Coopelit", ENT_ORG, 0 },
	      { "Coopelit", ENT_ORG, 75 },
	      { "Coopelit", ENT_ORG, 110 } },
	    { NULL } },
	/* wt-ents11: a club word alone before a word for the club's
	 * people is the club, and so is the town's name with it with no
	 * score after it ("Mexico City", a listed place, stays one) */
	{ "a club named for its town, and its club word alone",
	    "Headline\n\nThe win lifted Swansea City to sixth. City boss "
	    "Ana Duarte was calm, and City fans sang. He flew to Mexico "
	    "City later.",
	    { { "Swansea City", ENT_ORG, 0 },
	      { "City", ENT_ORG, 40 },
	      { "City", ENT_ORG, 80 },
	      { "Mexico City", ENT_PLACE, 0 } },
	    { NULL } },
	/* wt-ents11: the cedi by its sign; a season of two years */
	{ "the cedi sign and a season of two years",
	    "Headline\n\nThe levy raised GH¢12 million, and GH₵3.5bn more "
	    "is due in the 2031/32 season, the board said on Friday.",
	    { { "GH¢12 million", ENT_MONEY, 0 },
	      { "GH₵3.5bn", ENT_MONEY, 0 },
	      { "2031/32", ENT_DATE, 0 } },
	    { NULL } },
	/* wt-ents11: Portuguese, Italian and Irish organisation heads
	 * make one name over their particles */
	{ "organisation heads in other languages",
	    "Headline\n\nA loan from the Cooperativa Agrícola do Alto "
	    "Paraná helped, said the Sociedade Portuguesa de Botânica. "
	    "The Federazione Italiana Nuoto and Bord Gáis agreed.",
	    { { "Cooperativa Agrícola do Alto Paraná", ENT_ORG, 0 },
	      { "Sociedade Portuguesa de Botânica", ENT_ORG, 0 },
	      { "Federazione Italiana Nuoto", ENT_ORG, 0 },
	      { "Bord Gáis", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-names10: "Born X Y" says person also where the text writes
	 * "born" in lower case elsewhere (an obituary's "Nadi-born") */
	{ "Born before a name when the text also writes born",
	    "Headline\n\nDame Lesieli Tupou, the Nadi-born nurse, died on "
	    "Friday.\n\nBorn Lesieli Fifita in 1941, she trained in Leeds.",
	    { { "Lesieli Tupou", ENT_PERSON, 0 },
	      { "Lesieli Fifita", ENT_PERSON, 0 } },
	    { "Born" } },
	/* wt-names10: a nationality of two words opening a sentence is
	 * no name */
	{ "a nationality of two words",
	    "Headline\n\nThe Sri Lankan arm of the study was small. "
	    "Northern Irish farmers were not asked.",
	    { { NULL, ENT_ORG, 0 } },
	    { "Sri Lankan", "Northern Irish" } },
	/* wt-names10: a plural organisation word before "of" heads an
	 * organisation's name, the place after it inside */
	{ "a plural head before of",
	    "Headline\n\nThe loan came from the National Museums of Ghana, "
	    "which said the drums would return in June.",
	    { { "National Museums of Ghana", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-names10: a name no list knows after a lower-case "the" is
	 * no person's ("the Kulturhus said"); ", which" says no person */
	{ "an unknown name after the, or before which, is no person",
	    "Headline\n\nThe quilts hang at the Vestby Kulturhus, a short "
	    "walk away. In a statement, the Kulturhus said it was proud."
	    "\n\nMerkato, which runs the stalls, says rents will rise. "
	    "Stalls, which open at six, are busy.",
	    { { "Vestby Kulturhus", ENT_ORG, 0 },
	      { "Kulturhus", ENT_ORG, 90 },
	      { "Merkato", ENT_ORG, 0 } },
	    { "Stalls" } },
	/* wt-names10: a person's name in capitals in a lede, by a given
	 * name first or a surname the document gives a person, is no
	 * organisation; an acronym pair stays one */
	{ "a person's name in capitals in running text",
	    "Headline\n\nLast night SAMUEL OKONJO-WARE scored twice, and "
	    "TUALA FAALOGO made one.\n\nFaalogo said it was luck. The "
	    "NATO RDF unit was not there.",
	    { { "SAMUEL OKONJO-WARE", ENT_PERSON, 0 },
	      { "TUALA FAALOGO", ENT_PERSON, 0 },
	      { "Faalogo", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-names10: both words of an unknown name of two, each seen
	 * alone elsewhere, make a person, even where every mention opens
	 * a sentence */
	{ "a name whose halves are each used alone",
	    "Headline\n\nTavake Nukuhiva does not like mornings.\n\n"
	    "Nukuhiva had worked nights for years. \"Tavake, go home,\" her "
	    "sister told her.",
	    { { "Tavake Nukuhiva", ENT_PERSON, 0 },
	      { "Nukuhiva", ENT_PERSON, 40 },
	      { "Tavake", ENT_PERSON, 60 } },
	    { NULL } },
	/* wt-names10: Swahili honorifics are titles, cut from the name */
	{ "Mzee and Mama before a name",
	    "Headline\n\nThe boat belonged to Mzee Baraka Omondi, and the "
	    "stall to Mama Zuhura.",
	    { { "Baraka Omondi", ENT_PERSON, 0 },
	      { "Zuhura", ENT_PERSON, 0 } },
	    { "Mzee", "Mama" } },
	/* wt-names10: May is a given name before a surname no list
	 * knows (a month alone stays no name) */
	{ "a month as a given name",
	    "Headline\n\nClub chairwoman May Tanvir, who bought the club, "
	    "was angry. Talks resume in May.",
	    { { "May Tanvir", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-names10: a sentence-opening word (Said, Hope) capitalised
	 * mid-sentence after a given name, or after a person's noun, is a
	 * surname, not the end of the name */
	{ "a surname that is also a sentence-opening word",
	    "Headline\n\nThe prize went to Yusuf Amran Said, a potter, and "
	    "his niece Rehema Said. Said Ali was not there.",
	    { { "Yusuf Amran Said", ENT_PERSON, 0 },
	      { "Rehema Said", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-names10: letters in capitals between commas after a person's
	 * name are post-nominals, no organisation, and the role after them
	 * still types the name */
	{ "post-nominal letters after a name",
	    "Headline\n\nSir Tavita Leaupepe, KNZM, ONZM, opened the hall. "
	    "Lusia Fonoti, CPA, an analyst at Deloitte, said it was "
	    "fine.\n\nThe deal, WHO officials said, was late.",
	    { { "Tavita Leaupepe", ENT_PERSON, 0 },
	      { "Lusia Fonoti", ENT_PERSON, 0 },
	      { "Deloitte", ENT_ORG, 0 },
	      { "WHO", ENT_ORG, 0 } },
	    { "KNZM", "ONZM", "CPA" } },
	/* wt-names10: a demonym of a country or region no list gives, a
	 * nationality's man or woman, are no names; the plural of a title
	 * is cut from the name after it like the title */
	{ "demonyms made from polities, plural titles",
	    "Headline\n\nThe Fijian and Nicaraguan crews waited while a "
	    "Bavarian brewer and two Tasmanians argued. The Welshwoman "
	    "laughed.\n\nCommissioners Halvard Ostrem and Ruth Okafor "
	    "voted against the plan on Friday.",
	    { { "Halvard Ostrem", ENT_PERSON, 0 },
	      { "Ruth Okafor", ENT_PERSON, 0 } },
	    { "Fijian", "Nicaraguan", "Tasmanians", "Welshwoman",
	      "Commissioners" } },
	/* wt-h8read: a word of two letters that opens sentences (Do, Oh),
	 * capitalised mid-sentence before a hyphenated name, is a family
	 * name written first, and that word alone later is the person;
	 * not an interjection, not a title */
	{ "a family name first that is also a short common word",
	    "Headline\n\nThe band hired the sound engineer Do Min-jun, who "
	    "mixed the album in Seoul. Do said the tapes were damaged.\n\n"
	    "\"Oh, it was cold,\" said Lena Brandt. Mr Okafor agreed.",
	    { { "Do Min-jun", ENT_PERSON, 0 },
	      { "Do", ENT_PERSON, 60 },
	      { "Lena Brandt", ENT_PERSON, 0 },
	      { "Okafor", ENT_PERSON, 0 } },
	    { "Oh", "Mr Okafor" } },
	/* wt-h8read: people who work somewhere, opening a sentence, before
	 * "at X": X is an organisation, as after the lower-case word */
	{ "forecasters at a name opening a sentence",
	    "Headline\n\nRain fell all week in the valley.\n\nForecasters at "
	    "Vendrasol said the rain would ease by Friday.",
	    { { "Vendrasol", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-h8read: a word in -ing opening a sentence before a comma,
	 * whose stem the text writes in lower case, is a participle */
	{ "a participle opening a sentence before a comma",
	    "Headline\n\nThe panel heard the appeal of Ewa Sokol, 40.\n\n"
	    "Ruling, the chair said the rule was clear.\n\nManning, the "
	    "goalkeeper, said he would rest.",
	    { { "Ewa Sokol", ENT_PERSON, 0 },
	      { "Manning", ENT_PERSON, 0 } },
	    { "Ruling" } },
	/* wt-names9: a capitalised ordinary word opening a sentence is no
	 * part of the name after it (a role, a participle), and a title
	 * after a given name ends the name */
	{ "a role or a participle opening a sentence is cut",
	    "Team-mate Sione Havili said the flanker never gave up.\n\n"
	    "Born Leilani Kaho in Suva in 1951, she trained as a nurse.\n\n"
	    "Reader Dauren writes: the buses were late again.\n\n"
	    "Her pupil said that Anjali Miss never shouted.",
	    { { "Sione Havili", ENT_PERSON, 0 },
	      { "Leilani Kaho", ENT_PERSON, 0 },
	      { "Dauren", ENT_PERSON, 0 },
	      { "Anjali", ENT_PERSON, 0 } },
	    { "Team-mate", "Born", "Reader", "Miss" } },
	/* an age in apposition says person: "X, now 19 and", "X, 71," */
	{ "a name no list knows with its age after a comma",
	    "Headline\n\nTeuila Ofahengaue, now 19 and studying law, "
	    "agreed.\n\nMarama Huia, 71, shrugged. Ravensworth Mill, 1888, "
	    "closed.",
	    { { "Teuila Ofahengaue", ENT_PERSON, 0 },
	      { "Marama Huia", ENT_PERSON, 0 } },
	    { "Ravensworth" } },
	/* one sense per document, backwards: two capitalised words opening
	 * a sentence whose last word the document makes a person are that
	 * person's full name; a name may open with a modifier letter
	 * (the Tongan okina, U+02BB) */
	{ "a full name opening a sentence, its surname a person later",
	    "Tevita Lolohea has been doubted for years.\n\n"
	    "Mum \xca\xbbOfa Lolohea watched from the stand.\n\n"
	    "Lolohea said he never stopped training.",
	    { { "Tevita Lolohea", ENT_PERSON, 0 },
	      { "\xca\xbbOfa Lolohea", ENT_PERSON, 0 },
	      { "Lolohea", ENT_PERSON, 87 } },
	    { "Mum" } },
	/* a role noun's possessive before an organisation's head is part
	 * of the organisation's name */
	{ "a role's office of a place is one organisation",
	    "The Prosecutor's Office of Peru said the audit was late. The "
	    "Governor's Office of Ohio declined to comment.",
	    { { "Prosecutor's Office of Peru", ENT_ORG, 0 },
	      { "Governor's Office of Ohio", ENT_ORG, 0 } },
	    { NULL } },
	/* person evidence across a name's mentions, one sense per
	 * document: "X swears she", "X is 64" (its surname alone), and
	 * then the surname and the given name alone are the person */
	{ "a person's name no list knows, by what is said of it",
	    "In a boathouse off Dock Road, Keto Bakhtadzelia is caulking a "
	    "hull. Even so, Keto Bakhtadzelia swears she will sell it.\n\n"
	    "Bakhtadzelia is 64. She learned from her father.\n\n"
	    "Bakhtadzelia sands the keel again.\n\nLater, Keto shrugs.",
	    { { "Keto Bakhtadzelia", ENT_PERSON, 0 },
	      { "Keto Bakhtadzelia", ENT_PERSON, 40 },
	      { "Bakhtadzelia", ENT_PERSON, 121 },
	      { "Bakhtadzelia", ENT_PERSON, 171 },
	      { "Keto", ENT_PERSON, 214 } },
	    { NULL } },
	/* once the document makes a full name a person, its surname alone
	 * is that person with no cue of its own */
	{ "a surname alone after its full name is a person",
	    "In a boathouse off Dock Road, Keto Bakhtadzelia is caulking a "
	    "hull. Even so, Keto Bakhtadzelia swears she will sell it.\n\n"
	    "Bakhtadzelia sands the keel again.\n\nA buyer came. "
	    "Bakhtadzelia refused him.",
	    { { "Bakhtadzelia", ENT_PERSON, 121 },
	      { "Bakhtadzelia", ENT_PERSON, 171 } },
	    { NULL } },
	/* an age that is no age: a decimal goes on */
	{ "a share that is no age",
	    "Turnout was 31.4 per cent on Sunday.",
	    { { "31.4 per cent", ENT_PERCENT, 0 } },
	    { "Turnout" } },
	/* "their cousin and neighbour X": person nouns after a possessive;
	 * "X, a Tongan-born engineer": a role appositive with a birthplace */
	{ "a person by her relation or by a role after a birthplace",
	    "Their cousin and neighbour Sione Hufanga fits the engines. "
	    "Then Mele Taufahema, a Tongan-born sail engineer who sews the "
	    "canvas, came by.",
	    { { "Sione Hufanga", ENT_PERSON, 0 },
	      { "Mele Taufahema", ENT_PERSON, 0 } },
	    { NULL } },
	/* "NAME (ACRONYM)": the acronym is the name's only if it fits
	 * its initials; else the person's party */
	{ "an acronym that does not fit the name before it",
	    "Councillor Temo Zhordania (LDP), said the slipway was unsafe. "
	    "The Office for Harbour Safety (OHS) agreed.",
	    { { "Temo Zhordania", ENT_PERSON, 0 }, { "LDP", ENT_ORG, 0 },
	      { "Office for Harbour Safety", ENT_ORG, 0 },
	      { "OHS", ENT_ORG, 0 } },
	    { NULL } },
	/* bylines: a lower-case "by" opening the paragraph; a second
	 * credit line in the same paragraph; a name and its role on a
	 * line of its own under a standfirst */
	{ "a byline with a lower-case by",
	    "Parents pack hall as plan goes to vote\n\nby Morwenna Quiller, "
	    "Education Reporter\n\nParents met on Monday.",
	    { { "Morwenna Quiller", ENT_PERSON, 0 } },
	    { "Education" } },
	{ "two credit lines in one paragraph",
	    "The last harp maker\n\nIn a shed an old craft survives.\n\n"
	    "Words by Ilse Varkonyi\nPhotographs by Dmitri Ostrovsen\n\n"
	    "The shed is cold.",
	    { { "Ilse Varkonyi", ENT_PERSON, 0 },
	      { "Dmitri Ostrovsen", ENT_PERSON, 0 } },
	    { "Photographs" } },
	{ "a byline under a standfirst",
	    "Dry start leaves growers betting on rain\n\nGrowers have sown "
	    "into dust. Some are counting the cost.\n\nSarah Quint, "
	    "Agriculture Correspondent\n\nOn a paddock, Darren Whitfield "
	    "kicks the soil.",
	    { { "Sarah Quint", ENT_PERSON, 0 },
	      { "Darren Whitfield", ENT_PERSON, 0 } },
	    { "Agriculture" } },
	/* a ministry's name with "for the" goes on past "and the" unless
	 * what follows is a name of its own */
	{ "a ministry of two portfolios joined by and the",
	    "The Ministry for the Coastal Transition and the Rural Challenge "
	    "said it would act. The Ministry of the Interior and the "
	    "Treasury disagreed.",
	    { { "Ministry for the Coastal Transition and the Rural Challenge",
		ENT_ORG, 0 },
	      { "Ministry of the Interior", ENT_ORG, 0 },
	      { "Treasury", ENT_ORG, 0 } },
	    { NULL } },
	/* "Empresa", "Compañía": heads of Spanish company names, kept
	 * before "de" and a city */
	{ "a Spanish company named for its city",
	    "Empresa Metro de Quito, the city-owned company, hired a firm. "
	    "Empresas Públicas de Cali agreed.",
	    { { "Empresa Metro de Quito", ENT_ORG, 0 },
	      { "Empresas Públicas de Cali", ENT_ORG, 0 } },
	    { NULL } },
	/* capitalised words on both sides of an ampersand: a firm, even
	 * where the document names a person by its last word */
	{ "an ampersand firm",
	    "Tomas Ruud waited at Pemberton & Lyle on Friday. Later "
	    "Harriet Lyle said so.",
	    { { "Pemberton & Lyle", ENT_ORG, 0 },
	      { "Harriet Lyle", ENT_PERSON, 0 } },
	    { NULL } },
	/* one unknown word right before a score is a club, in all its
	 * mentions */
	{ "an unknown club before a score",
	    "The leaders beat Orsundspor 3-0 on Saturday, and the champions "
	    "beat Hallonby 2\xe2\x80\x93" "1. Orsundspor, who sacked their "
	    "manager in May, are bottom.",
	    { { "Orsundspor", ENT_ORG, 0 }, { "Hallonby", ENT_ORG, 0 },
	      { "Orsundspor", ENT_ORG, 60 } },
	    { NULL } },
	/* a byline's surname in capitals is the person's surname in
	 * title case later on */
	{ "a byline's surname in capitals, later in title case",
	    "Ferry fares rise again\n\nBy DARIA KESTRAVEL\n\nFares on the "
	    "island routes rose on Monday.\n\nKestravel's own ferry, she "
	    "wrote, was late.",
	    { { "DARIA KESTRAVEL", ENT_PERSON, 0 },
	      { "Kestravel", ENT_PERSON, 0 } },
	    { NULL } },
	/* one unknown word before a word of a club's people ("X coach
	 * Y told", after a closing mark) is a club, in all its mentions */
	{ "an unknown club named by its coach",
	    "\"It was never a penalty,\" Veldhaven coach Iker Saez told "
	    "reporters. Veldhaven, who have lost three in a row, are 13th. "
	    "The win at Veldhaven lifted the visitors after kick-off. Away "
	    "fans sang.",
	    { { "Veldhaven", ENT_ORG, 0 }, { "Veldhaven", ENT_ORG, 50 },
	      { "Veldhaven", ENT_ORG, 130 }, { "Iker Saez", ENT_PERSON, 0 } },
	    { "Away" } },
	/* an unknown name apposed to a kind of work or product is no
	 * organisation, in any of its mentions (one sense per document) */
	{ "a work or a product named like a company",
	    "Critics said Moonwake Odyssey looked unfinished. The studio "
	    "delayed its sequel, Moonwake Odyssey, to March. Moonwake Odyssey, "
	    "a farming game with a fishing mode, was shown in Oslo.",
	    { { "Oslo", ENT_PLACE, 0 } },
	    { "Moonwake Odyssey looked", "Moonwake Odyssey, to",
	      "Moonwake Odyssey, a" } },
	/* "above", "below", "beneath", "overlooking", "toward(s)": place
	 * prepositions for names no list knows, as "in" and "near" are */
	{ "unknown names after above, below and towards",
	    "The bakery sits above the Plaza Tarrow, and its back windows "
	    "look towards the Ulvhaug Range. A cellar below Mirrenfold "
	    "floods each spring.",
	    { { "Plaza Tarrow", ENT_PLACE, 0 },
	      { "Ulvhaug Range", ENT_PLACE, 0 },
	      { "Mirrenfold", ENT_PLACE, 0 } },
	    { NULL } },
	/* an unknown given name alone, known from a full name whose
	 * second word the document votes a person's ("Weerakkody said") */
	{ "an unknown given name alone after the full name",
	    "On Sunday the ball turned, and so did Oshadha Weerakkody. "
	    "Weerakkody said the pitch helped him. \"Oshadha bowled "
	    "beautifully,\" the captain said.",
	    { { "Oshadha Weerakkody", ENT_PERSON, 0 },
	      { "Weerakkody", ENT_PERSON, 50 }, { "Oshadha", ENT_PERSON, 70 } },
	    { NULL } },
	/* a quotation opened after a comma starts a sentence: its first
	 * word, a common word that a gazetteer also knows, is no place
	 * there ("Salt is", "Bath nights"), but is one after "to" */
	{ "a common word opening a quotation after a comma",
	    "The old fisherman told us, \xe2\x80\x9c" "Salt is older than "
	    "money,\xe2\x80\x9d and laughed. His wife said, \xe2\x80\x9c"
	    "Bath nights were Sundays.\xe2\x80\x9d They moved to Bath in "
	    "1990.",
	    { { "Bath", ENT_PLACE, 100 } },
	    { "Salt is", "Bath nights" } },
	/* issue 14 item 4: one unknown word after "at" is a place ("the
	 * clinic at Ofankor"), unless the words around say organisation
	 * ("analysts at X") or a workplace ("she worked at X") */
	{ "one unknown word after at: a place, not a workplace",
	    "Nurses at Ofankor said the clinic had run out of gloves by "
	    "Friday. Analysts at Brenkstein said the shortage would last, "
	    "and Ama Owusu, who worked at Tallholm for a decade, agreed. The "
	    "queue at Ofankor was long. Her cousin lives in East Ofankor.",
	    { { "Ofankor", ENT_PLACE, 0 }, { "Brenkstein", ENT_ORG, 0 },
	      { "Ama Owusu", ENT_PERSON, 0 }, { "Ofankor", ENT_PLACE, 100 },
	      { "East Ofankor", ENT_PLACE, 0 } },
	    { "Tallholm" } },
	/* issue 14 item 4: an unknown company whose name ends like an
	 * event ("Games"), typed by its appositive ("the Tampere studio")
	 * in every mention, the headline's too, and its short form after */
	{ "an unknown company named like an event, and its short form",
	    "Vesilinna Games cuts 60 jobs\n\nVesilinna Games, the Tampere "
	    "studio behind two puzzle hits, confirmed on Monday that it would "
	    "close its Oulu office. Vesilinna said the cuts would fall "
	    "hardest on its art team. The Commonwealth Games in Glasgow drew "
	    "the studio's founders.",
	    { { "Vesilinna Games", ENT_ORG, 0 },
	      { "Vesilinna Games", ENT_ORG, 30 },
	      { "Vesilinna", ENT_ORG, 147 }, { "Glasgow", ENT_PLACE, 0 } },
	    { "Commonwealth Games" } },
	{ "patterns: dates, times, money, percentages, contacts",
	    "On March 4, 2026 at 2:15 a.m. it cost £640m, up 3.5 per cent "
	    "or 18%; mail a@b.example or see https://x.example/a, @handle "
	    "and #Tag by Tuesday, in 2031.",
	    { { "March 4, 2026", ENT_DATE, 0 }, { "2:15 a.m.", ENT_TIME, 0 },
	      { "£640m", ENT_MONEY, 0 }, { "3.5 per cent", ENT_PERCENT, 0 },
	      { "18%", ENT_PERCENT, 0 }, { "a@b.example", ENT_EMAIL, 0 },
	      { "https://x.example/a", ENT_URL, 0 },
	      { "@handle", ENT_HANDLE, 0 }, { "#Tag", ENT_HASHTAG, 0 },
	      { "Tuesday", ENT_DATE, 0 }, { "2031", ENT_DATE, 0 } },
	    { NULL } },
	{ "names and titles",
	    "Councillor Rhys Pettifer met Mr. Cook and Dr. Ines Varga in "
	    "Lisbon. The Wall Street Journal and Harlow & Pike Engineering "
	    "Ltd. reported it. Chinese officials in Communist China said so.",
	    { { "Rhys Pettifer", ENT_PERSON, 0 }, { "Cook", ENT_PERSON, 0 },
	      { "Ines Varga", ENT_PERSON, 0 }, { "Lisbon", ENT_PLACE, 0 },
	      { "Wall Street Journal", ENT_ORG, 0 },
	      { "Harlow & Pike Engineering Ltd.", ENT_ORG, 0 },
	      { "China", ENT_PLACE, 0 } },
	    { "Chinese", "The Wall", NULL } },
	{ "particles and possessives",
	    "Yesterday Anna van der Berg, Luis da Costa and Kieran O’Dwyer "
	    "spoke. O’Dwyer's boat and D'Angelo left China’s port.",
	    { { "Anna van der Berg", ENT_PERSON, 0 },
	      { "Luis da Costa", ENT_PERSON, 0 },
	      { "Kieran O’Dwyer", ENT_PERSON, 0 },
	      { "O’Dwyer", ENT_PERSON, 70 }, { "China", ENT_PLACE, 0 } },
	    { "Yesterday", NULL } },
	{ "propagation: a surname and an acronym again",
	    "Elon Musk visited. Later Musk left. The Guizhou-Cloud Big Data "
	    "(GCBD) unit grew; GCBD hired 40 people.",
	    { { "Elon Musk", ENT_PERSON, 0 }, { "Musk", ENT_PERSON, 15 },
	      { "Guizhou-Cloud Big Data", ENT_ORG, 0 },
	      { "GCBD", ENT_ORG, 0 }, { "GCBD", ENT_ORG, 70 } },
	    { NULL } },
	{ "places and organisations",
	    "WARSAW -- Workers at the Port of Liverpool and on Dale Street "
	    "joined the Mersey Crossings Authority and the Department for "
	    "Transport near the River Mersey.",
	    { { "WARSAW", ENT_PLACE, 0 },
	      { "Port of Liverpool", ENT_PLACE, 0 },
	      { "Dale Street", ENT_PLACE, 0 },
	      { "Mersey Crossings Authority", ENT_ORG, 0 },
	      { "Department for Transport", ENT_ORG, 0 },
	      { "River Mersey", ENT_PLACE, 0 } },
	    { NULL } },
	{ "headline and byline",
	    "Liverpool Council Backs Bridge\n\nBy Maren Holt\n\nLiverpool "
	    "Council met on Monday in Liverpool with Maren Holt.",
	    { { "Maren Holt", ENT_PERSON, 0 },
	      { "Liverpool Council", ENT_ORG, 0 } },
	    { "Backs", NULL } },
	/* A listed place that was a person's surname is that person. */
	{ "a surname over the place list",
	    "The director, Ximena Lagos, spoke on Tuesday. Lagos, 52, said "
	    "the cut came without warning.",
	    { { "Ximena Lagos", ENT_PERSON, 0 }, { "Lagos", ENT_PERSON, 30 } },
	    { NULL } },
	{ "percentages in words, a weekday with its date",
	    "Prices rose four per cent, then twenty-five percent, on "
	    "Saturday, March 7, 2026, and fell on Tuesday. Ten people came.",
	    { { "four per cent", ENT_PERCENT, 0 },
	      { "twenty-five percent", ENT_PERCENT, 0 },
	      { "Saturday, March 7, 2026", ENT_DATE, 0 },
	      { "Tuesday", ENT_DATE, 0 } },
	    { "Ten", NULL } },
	/* Issue 14, 3: the gazetteer; places that are common words need
	 * context, places that are given names yield to people. */
	{ "gazetteer places and their context",
	    "Engineers from Reading and Split met in Nice with officials "
	    "from Debrecen, Bắc Ninh and Thessaloniki.\n\n"
	    "Reading the report, most staff agreed. Nice work, they said.",
	    { { "Reading", ENT_PLACE, 0 }, { "Split", ENT_PLACE, 0 },
	      { "Nice", ENT_PLACE, 0 }, { "Debrecen", ENT_PLACE, 0 },
	      { "Bắc Ninh", ENT_PLACE, 0 }, { "Thessaloniki", ENT_PLACE, 0 } },
	    { "Reading the", "Nice work", NULL } },
	{ "a place named like a person",
	    "Victoria Hale, the mayor, flew to Victoria, British Columbia, "
	    "where Hale met Regina Obi of Regina.",
	    { { "Victoria Hale", ENT_PERSON, 0 }, { "Victoria", ENT_PLACE, 20 },
	      { "British Columbia", ENT_PLACE, 0 }, { "Hale", ENT_PERSON, 50 },
	      { "Regina Obi", ENT_PERSON, 0 }, { "Regina", ENT_PLACE, 80 } },
	    { NULL } },
	/* 4: names no list knows, typed by the words around them */
	{ "unknown names from the document",
	    "Workers at Brellmouth said the plant in Brellmouth would reopen. "
	    "Korrisan's shares rose after Brellmouth-based Korrisan said in a "
	    "statement that Talvanne Okoye would lead it. Okoye, 44, is a "
	    "lawyer. The Mereth board met; Mereth declined to comment.",
	    { { "Brellmouth", ENT_PLACE, 0 }, { "Brellmouth", ENT_PLACE, 40 },
	      { "Korrisan", ENT_ORG, 0 }, { "Brellmouth", ENT_PLACE, 80 },
	      { "Korrisan", ENT_ORG, 100 }, { "Talvanne Okoye", ENT_PERSON, 0 },
	      { "Okoye", ENT_PERSON, 170 }, { "Mereth", ENT_ORG, 0 },
	      { "Mereth", ENT_ORG, 215 } },
	    { NULL } },
	/* 5: letters beyond Latin-1, whole names */
	{ "letters beyond Latin-1",
	    "Ștefan Țărănescu met Łukasz Wróblewski, Şükrü Yıldız, Þórdís "
	    "Guðmundsdóttir and Nguyễn Thị Hoa in Reykjavík.",
	    { { "Ștefan Țărănescu", ENT_PERSON, 0 },
	      { "Łukasz Wróblewski", ENT_PERSON, 0 },
	      { "Şükrü Yıldız", ENT_PERSON, 0 },
	      { "Þórdís Guðmundsdóttir", ENT_PERSON, 0 },
	      { "Nguyễn Thị Hoa", ENT_PERSON, 0 },
	      { "Reykjavík", ENT_PLACE, 0 } },
	    { NULL } },
	/* 6: every naming order, particles, initials */
	{ "family names first, particles, initials",
	    "Zhou Mingyu met Park Ji-woo, Sato Haruki and Kovács Eszter in "
	    "Seoul. Later Zhou and Park spoke. Hamad al-Rashid, Aoife Ní "
	    "Bhriain, Eoin Mac Suibhne and Prof. K. R. Srinivasan joined "
	    "them, and Ní Bhriain said so.",
	    { { "Zhou Mingyu", ENT_PERSON, 0 }, { "Park Ji-woo", ENT_PERSON, 0 },
	      { "Sato Haruki", ENT_PERSON, 0 },
	      { "Kovács Eszter", ENT_PERSON, 0 }, { "Zhou", ENT_PERSON, 70 },
	      { "Park", ENT_PERSON, 80 }, { "Hamad al-Rashid", ENT_PERSON, 0 },
	      { "Aoife Ní Bhriain", ENT_PERSON, 0 },
	      { "Eoin Mac Suibhne", ENT_PERSON, 0 },
	      { "K. R. Srinivasan", ENT_PERSON, 0 },
	      { "Ní Bhriain", ENT_PERSON, 190 } },
	    { NULL } },
	{ "post-nominals and people who speak",
	    "The barrister, Jane Holtby KC, and Owen Pryce MP met Dara "
	    "Quellin. Quellin said the deal was off.",
	    { { "Jane Holtby", ENT_PERSON, 0 }, { "Owen Pryce", ENT_PERSON, 0 },
	      { "Dara Quellin", ENT_PERSON, 0 }, { "Quellin", ENT_PERSON, 60 } },
	    { "KC", "MP", NULL } },
	/* 7: the longest name wins, typed by its head */
	{ "organisations that hold a place",
	    "The People's Committee of Da Nang, the Bank of Thailand, the "
	    "Frankfurt Stock Exchange, Radio France and the Ministry of "
	    "Labour, Family and Social Affairs met the Department of Labor "
	    "and Industries and the Port of Gdańsk.",
	    { { "People's Committee of Da Nang", ENT_ORG, 0 },
	      { "Bank of Thailand", ENT_ORG, 0 },
	      { "Frankfurt Stock Exchange", ENT_ORG, 0 },
	      { "Ministry of Labour, Family and Social Affairs", ENT_ORG, 0 },
	      { "Department of Labor and Industries", ENT_ORG, 0 },
	      { "Port of Gdańsk", ENT_PLACE, 0 } },
	    { NULL } },
	/* 8: ambiguous words, by context */
	{ "May, Jordan, Washington, Amazon in one text",
	    "Harriet May spoke in May. May said Jordan Ellis had visited "
	    "Jordan, and Ellen Washington flew to Washington. Washington said "
	    "Amazon's shares fell as fires burned in the Amazon.",
	    { { "Harriet May", ENT_PERSON, 0 }, { "May", ENT_PERSON, 26 },
	      { "Jordan Ellis", ENT_PERSON, 0 }, { "Jordan", ENT_PLACE, 60 },
	      { "Ellen Washington", ENT_PERSON, 0 },
	      { "Washington", ENT_PLACE, 90 }, { "Washington", ENT_PERSON, 105 },
	      { "Amazon", ENT_ORG, 0 }, { "Amazon", ENT_PLACE, 160 } },
	    { "May.", NULL } },
	/* 9: scripts without case */
	{ "Han names beside romanised ones",
	    "In Shenzhen (深圳), BYD (比亚迪) and 京东方 (BOE Technology) rose; "
	    "青川能源 fell and Wang Lihua (王丽华) spoke.",
	    { { "Shenzhen", ENT_PLACE, 0 }, { "深圳", ENT_PLACE, 0 },
	      { "BYD", ENT_ORG, 0 }, { "比亚迪", ENT_ORG, 0 },
	      { "京东方", ENT_ORG, 0 }, { "BOE Technology", ENT_ORG, 0 },
	      { "青川能源", ENT_ORG, 0 }, { "Wang Lihua", ENT_PERSON, 0 },
	      { "王丽华", ENT_PERSON, 0 } },
	    { NULL } },
	/* 10: lines in capitals */
	{ "datelines, notes and headings in capitals",
	    "EDITOR'S NOTE: This story was corrected.\n\nKEY POINTS\n\n"
	    "BUCHAREST, March 12 -- Dockers struck on MONDAY.\n\n"
	    "TACOMA, Wash. -- The council met.\n\nWHAT HAPPENS NEXT",
	    { { "BUCHAREST", ENT_PLACE, 0 }, { "March 12", ENT_DATE, 0 },
	      { "MONDAY", ENT_DATE, 0 }, { "TACOMA", ENT_PLACE, 0 },
	      { "Wash.", ENT_PLACE, 0 } },
	    { "EDITOR", "NOTE", "KEY", "POINTS", "WHAT", NULL } },
	{ "\"and\" after a sentence's The; \"for the\" after a head",
	    "The Securities and Exchange Board of India met. The Land and "
	    "Environment Court agreed with the Federal Office for the "
	    "Environment. Northpoll Research for the Clarion asked.",
	    { { "Securities and Exchange Board of India", ENT_ORG, 0 },
	      { "Land and Environment Court", ENT_ORG, 0 },
	      { "Federal Office for the Environment", ENT_ORG, 0 },
	      { "Northpoll Research", ENT_ORG, 0 } },
	    { NULL } },
	{ "appositives that say person or organisation",
	    "Jocelyn Tan, a mother of three, sat down. Johannesburg Water, "
	    "the utility that runs the network, agreed.",
	    { { "Jocelyn Tan", ENT_PERSON, 0 },
	      { "Johannesburg Water", ENT_ORG, 0 } },
	    { NULL } },
	{ "the organisation's someone after a comma is a person",
	    "\"Soon,\" said Callum Drever, the operator\u2019s harbour "
	    "manager. Maria Lopez, the carrier's spokeswoman, agreed.",
	    { { "Callum Drever", ENT_PERSON, 0 },
	      { "Maria Lopez", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a relative or neighbour named after a comma; a title as surname",
	    "His neighbour, Le Thi Hoa, was doubtful. Karim's cousin, "
	    "Shafiqul Islam, planted rice. Abdul Karim Sheikh digs ponds.",
	    { { "Le Thi Hoa", ENT_PERSON, 0 },
	      { "Shafiqul Islam", ENT_PERSON, 0 },
	      { "Abdul Karim Sheikh", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a legal form in lower case ends the company; its short form",
	    "The court held that Brannock Mutual Assurance plc must pay. "
	    "Brannock appealed. Ragna Sigurdsson runs Fjord Data ehf., "
	    "and Wisla Steel sp. z o.o. supplies it.",
	    { { "Brannock Mutual Assurance plc", ENT_ORG, 0 },
	      { "Brannock", ENT_ORG, 60 },
	      { "Fjord Data ehf.", ENT_ORG, 0 },
	      { "Wisla Steel sp. z o.o.", ENT_ORG, 0 } },
	    { NULL } },
	{ "a byline's role is not a name; other bylines",
	    "Harbour Fees Rise\n\nBy Maeve Dunne, Legal Affairs "
	    "Correspondent\n\nInterview by Osei Boateng\n\nBy Ann Ng, "
	    "Bob Hale\n\nThe fees rose.",
	    { { "Maeve Dunne", ENT_PERSON, 0 },
	      { "Osei Boateng", ENT_PERSON, 0 }, { "Ann Ng", ENT_PERSON, 0 },
	      { "Bob Hale", ENT_PERSON, 0 } },
	    { "Legal", "Affairs", "Correspondent", NULL } },
	{ "a quarter of a known place is one place",
	    "Freight between Poland and Central Asia rose. Storms hit "
	    "South-East Asia and the Eastern Mediterranean. Clinics in "
	    "Metro Manila shut.",
	    { { "Central Asia", ENT_PLACE, 0 },
	      { "South-East Asia", ENT_PLACE, 0 },
	      { "Eastern Mediterranean", ENT_PLACE, 0 },
	      { "Metro Manila", ENT_PLACE, 0 } },
	    { NULL } },
	{ "unknown places by the words around them",
	    "In Vestmark the council voted. The mill lies north of Oksvik. "
	    "Clinics in Quezon City and Tanvale reopened. The level at "
	    "Lokvatn, the reservoir that feeds the town, fell. Shops in the "
	    "Corvela complained. The Dong Anh industrial zone grew. Traders "
	    "at the Obalende market waited.",
	    { { "Vestmark", ENT_PLACE, 0 }, { "Oksvik", ENT_PLACE, 0 },
	      { "Tanvale", ENT_PLACE, 0 }, { "Lokvatn", ENT_PLACE, 0 },
	      { "Corvela", ENT_PLACE, 0 }, { "Dong Anh", ENT_PLACE, 0 },
	      { "Obalende", ENT_PLACE, 0 } },
	    { NULL } },
	{ "an appositive headed by a kind of organisation or place",
	    "Vatnorka, Iceland's state-owned power company, warned. Kestrova, "
	    "the country's largest discount broker, fell. Miejskie Linie, the "
	    "municipal company that runs the buses, agreed. She told the "
	    "Tassera news agency. Ferries left Saronida, Greece's "
	    "second-largest island. Anna Berg, the firm's chief economist, "
	    "spoke.",
	    { { "Vatnorka", ENT_ORG, 0 }, { "Iceland", ENT_PLACE, 0 },
	      { "Kestrova", ENT_ORG, 0 }, { "Miejskie Linie", ENT_ORG, 0 },
	      { "Tassera", ENT_ORG, 0 }, { "Saronida", ENT_PLACE, 0 },
	      { "Anna Berg", ENT_PERSON, 0 } },
	    { NULL } },
	{ "the longest organisation name: lists before and, in, a place",
	    "Jo Pym chairs the Transport, Housing and Local Government "
	    "Committee. Ken Abe chairs the Finance and Audit Committee. "
	    "Staff at the Slovak Technical University in Bratislava and the "
	    "National Opera Sofia agreed. A judge ordered the City of Durban "
	    "to pay. Leeds City Hall has just released a statement.",
	    { { "Transport, Housing and Local Government Committee", ENT_ORG,
		0 },
	      { "Finance and Audit Committee", ENT_ORG, 0 },
	      { "Slovak Technical University in Bratislava", ENT_ORG, 0 },
	      { "National Opera Sofia", ENT_ORG, 0 },
	      { "City of Durban", ENT_ORG, 0 },
	      { "Leeds City Hall", ENT_ORG, 0 } },
	    { NULL } },
	{ "a title's portfolio is no name; the person after it is",
	    "Portugal's Minister of Maritime Affairs, Rui Neves, spoke. "
	    "Deputy Mayor for Housing Petra Holá agreed. Mayor of Lyon Anne "
	    "Roux did too.",
	    { { "Rui Neves", ENT_PERSON, 0 }, { "Petra Holá", ENT_PERSON, 0 },
	      { "Lyon", ENT_PLACE, 0 }, { "Anne Roux", ENT_PERSON, 0 } },
	    { "Maritime", "Affairs", "Housing", NULL } },
	{ "currency codes, dotted handles, an index, post-nominals",
	    "A gap of HUF 2.4 trillion and CZK 90 billion opened; the WIG "
	    "index fell. Follow @delta.farm today. Dr. Maeve Dunne OBE, a "
	    "trustee, spoke.",
	    { { "HUF 2.4 trillion", ENT_MONEY, 0 },
	      { "CZK 90 billion", ENT_MONEY, 0 },
	      { "@delta.farm", ENT_HANDLE, 0 },
	      { "Maeve Dunne", ENT_PERSON, 0 } },
	    { "WIG", "OBE", NULL } },
	{ "elided articles, platforms, a kind before, works, long names",
	    "Cocoa went to C\xc3\xb4te d\xe2\x80\x99Ivoire. She wrote on X. "
	    "He posted on Mastodon. Jo Pym, a partner at the law firm Rourke "
	    "Dempsey, spoke. A novel titled \"The Lemon Groves of Faro\" "
	    "sold. \"Yes,\" L\xc3\xaa Th\xe1\xbb\x8b M\xe1\xbb\xb9 "
	    "Dung said. Clouds cover the Amazon for half the year; the "
	    "Amazon watched from space.",
	    { { "C\xc3\xb4te d\xe2\x80\x99Ivoire", ENT_PLACE, 0 },
	      { "X", ENT_ORG, 30 }, { "Mastodon", ENT_ORG, 0 },
	      { "Rourke Dempsey", ENT_ORG, 0 },
	      { "L\xc3\xaa Th\xe1\xbb\x8b M\xe1\xbb\xb9 Dung",
		ENT_PERSON, 0 },
	      { "Amazon", ENT_PLACE, 0 }, { "Amazon", ENT_PLACE, 240 } },
	    { "Lemon", "Faro", NULL } },
	{ "common names of many origins; compound surnames; in + one word",
	    "Mert Tomaszewski met Hauwa Ogunleye and Lavanya Ramasamy. "
	    "Beatriz Quintela de Mello spoke.\n\nQuintela de Mello left. "
	    "The winger Jonah Whelan scored. She farmed in Szabolcs.",
	    { { "Mert Tomaszewski", ENT_PERSON, 0 },
	      { "Hauwa Ogunleye", ENT_PERSON, 0 },
	      { "Lavanya Ramasamy", ENT_PERSON, 0 },
	      { "Beatriz Quintela de Mello", ENT_PERSON, 0 },
	      { "Quintela de Mello", ENT_PERSON, 80 },
	      { "Jonah Whelan", ENT_PERSON, 0 },
	      { "Szabolcs", ENT_PLACE, 0 } },
	    { NULL } },
	{ "head-first organisations, a place's City, councillors' titles",
	    "Shares of Banco do Brasil rose as the Banco Central do Brasil "
	    "met. Flights to Hồ Chí Minh City resumed. Cllr Orla Keane TD "
	    "backed Fianna Fáil.",
	    { { "Banco do Brasil", ENT_ORG, 0 },
	      { "Banco Central do Brasil", ENT_ORG, 0 },
	      { "Hồ Chí Minh City", ENT_PLACE, 0 },
	      { "Orla Keane", ENT_PERSON, 0 },
	      { "Fianna Fáil", ENT_ORG, 0 } },
	    { "Cllr", "TD", NULL } },
	{ "places joined by a particle; streets named first",
	    "Farmers in San Pedro de Atacama, the nearest town, agreed. "
	    "Ferries waited off Hoek van Holland. He lives on Rua dos "
	    "Anjos. Paulo de Lima and Ana de Armas are people.",
	    { { "San Pedro de Atacama", ENT_PLACE, 0 },
	      { "Hoek van Holland", ENT_PLACE, 0 },
	      { "Rua dos Anjos", ENT_PLACE, 0 },
	      { "Paulo de Lima", ENT_PERSON, 0 },
	      { "Ana de Armas", ENT_PERSON, 0 } },
	    { NULL } },
	{ "crore and lakh, rupees written Rs; a known place's State",
	    "Repairs cost \xe2\x82\xb9" "450 crore, or Rs 12 lakh a ward. "
	    "Rain hit Kano State and Ogun State.",
	    { { "\xe2\x82\xb9" "450 crore", ENT_MONEY, 0 },
	      { "Rs 12 lakh", ENT_MONEY, 0 },
	      { "Kano State", ENT_PLACE, 0 },
	      { "Ogun State", ENT_PLACE, 0 } },
	    { NULL } },
	{ "patronymics say person; leagues are no entities; journals",
	    "Talks between Saud bin Faisal Al Harbi and the club went on. "
	    "After the S\xc3\xbcper Lig match the team wrote in Nature.",
	    { { "Saud bin Faisal Al Harbi", ENT_PERSON, 0 },
	      { "Nature", ENT_ORG, 0 } },
	    { "Lig", NULL } },
	{ "a club by its player, a lab by its researchers; for and a price",
	    "Sigrid Holm, who plays for Fylkir in the north, scored. "
	    "Two researchers at Ondvega built it. Nordlys Energy agreed to buy "
	    "Granite Trust Bank for C$2.1 billion.",
	    { { "Fylkir", ENT_ORG, 0 }, { "Ondvega", ENT_ORG, 0 },
	      { "Granite Trust Bank", ENT_ORG, 0 },
	      { "C$2.1 billion", ENT_MONEY, 0 } },
	    { NULL } },
	{ "an acronym inside a title's appositive; parliaments",
	    "Mwale-Banda, the WHO director-general, spoke. Ms Keane told "
	    "the D\xc3\xa1il and the Sejm heard it too.",
	    { { "Mwale-Banda", ENT_PERSON, 0 }, { "WHO", ENT_ORG, 0 },
	      { "D\xc3\xa1il", ENT_ORG, 0 }, { "Sejm", ENT_ORG, 0 } },
	    { NULL } },
	{ "newspapers and news agencies of many countries",
	    "She told the Irish Times; PTI and Kathimerini ran the story.",
	    { { "Irish Times", ENT_ORG, 0 }, { "PTI", ENT_ORG, 0 },
	      { "Kathimerini", ENT_ORG, 0 } },
	    { NULL } },
	{ "a particle inside a name after two words or a given name",
	    "For a decade Mariana Teixeira de Albuquerque has led the lab. "
	    "Teixeira de Albuquerque smiled. Loans from Caixa de Crédito "
	    "rose.",
	    { { "Mariana Teixeira de Albuquerque", ENT_PERSON, 0 },
	      { "Teixeira de Albuquerque", ENT_PERSON, 60 } },
	    { NULL } },
	{ "Vietnamese names with Thị or Văn are one person",
	    "Hồ Thị Mỹ Linh arrived first. Lê Văn Sơn waited in Huế.",
	    { { "Hồ Thị Mỹ Linh", ENT_PERSON, 0 },
	      { "Lê Văn Sơn", ENT_PERSON, 0 } },
	    { NULL } },
	{ "an office's portfolio is no part of the name",
	    "Minister for Finance Gareth Doyle and Deputy Mayor for Housing "
	    "Katarzyna Wójcik spoke.",
	    { { "Gareth Doyle", ENT_PERSON, 0 },
	      { "Katarzyna Wójcik", ENT_PERSON, 0 } },
	    { "Finance", "Housing", NULL } },
	{ "a city hall that speaks is an organisation",
	    "Marchers reached Bristol City Hall at noon. Later, Cork City "
	    "Hall issued a statement.",
	    { { "Bristol City Hall", ENT_PLACE, 0 },
	      { "Cork City Hall", ENT_ORG, 0 } },
	    { NULL } },
	{ "orchestras, choirs and mutual insurers; their short forms",
	    "Dunmore Mutual refused to pay. The Varna Philharmonic and the "
	    "Sligo Choir played. Dunmore appealed.",
	    { { "Dunmore Mutual", ENT_ORG, 0 },
	      { "Varna Philharmonic", ENT_ORG, 0 },
	      { "Sligo Choir", ENT_ORG, 0 }, { "Dunmore", ENT_ORG, 40 } },
	    { NULL } },
	{ "scientists' job titles are cut from names",
	    "Glaciologist Ines Varga measured the ice. Epidemiologist Tomas "
	    "Aalto agreed.",
	    { { "Ines Varga", ENT_PERSON, 0 }, { "Tomas Aalto", ENT_PERSON, 0 } },
	    { "Glaciologist Ines Varga", NULL } },
	{ "a name joined by and to a person is a person's",
	    "The shop was founded by Hanna van der Meer and Tjitske "
	    "Ruitenbeek. Its rival was founded by Sanne van Breda and Fokje "
	    "Ruitenbeek.",
	    { { "Hanna van der Meer", ENT_PERSON, 0 },
	      { "Tjitske Ruitenbeek", ENT_PERSON, 0 },
	      { "Sanne van Breda", ENT_PERSON, 0 },
	      { "Fokje Ruitenbeek", ENT_PERSON, 0 } },
	    { NULL } },
	{ "People asking is no one named",
	    "People ask why. The People's Bank of China said nothing.",
	    { { "People's Bank of China", ENT_ORG, 0 } },
	    { "People", NULL } },
	{ "an Infotech's short form is the company",
	    "Shares in Kaveri Infotech fell on Monday. Kaveri said its "
	    "board would meet.",
	    { { "Kaveri Infotech", ENT_ORG, 0 }, { "Kaveri", ENT_ORG, 40 } },
	    { NULL } },
	{ "a person's surname owns a spokesman and stays a person",
	    "Senator Pavel Rudenko flew home. Rudenko's spokesman declined "
	    "to comment.",
	    { { "Pavel Rudenko", ENT_PERSON, 0 },
	      { "Rudenko", ENT_PERSON, 30 } },
	    { NULL } },
	{ "a credit line names a person",
	    "Interview by Tamsin Greaves\n\nWe spoke in Oslo.",
	    { { "Tamsin Greaves", ENT_PERSON, 0 },
	      { "Oslo", ENT_PLACE, 0 } },
	    { NULL } },
	{ "playing positions and Cllr are titles, cut from names",
	    "Striker Oskar Nyberg scored twice and Cllr Aoife Byrne watched.",
	    { { "Oskar Nyberg", ENT_PERSON, 0 },
	      { "Aoife Byrne", ENT_PERSON, 0 } },
	    { "Striker", "Cllr", NULL } },
	{ "a dateline before a single dash; bank and university words "
	  "in other languages",
	    "TALLINN - Banco Ribeira lent money to the Universidad de "
	    "Oviedo.",
	    { { "TALLINN", ENT_PLACE, 0 }, { "Banco Ribeira", ENT_ORG, 0 },
	      { "Universidad de Oviedo", ENT_ORG, 0 } },
	    { NULL } },
	{ "a TD's letters after a portfolio's name; a mixed-case acronym",
	    "Minister for Justice Helen McEntee TD spoke. The Nigerian "
	    "Ports Authority (NiPort) said NiPort would reopen.",
	    { { "Helen McEntee", ENT_PERSON, 0 },
	      { "Nigerian Ports Authority", ENT_ORG, 0 },
	      { "NiPort", ENT_ORG, 0 }, { "NiPort", ENT_ORG, 80 } },
	    { "TD", "Justice", NULL } },
	{ "a quarter and a known place; a byline's job; a lower-case suffix",
	    "By Ivo Marsh, Foreign Correspondent\n\nExports to Central "
	    "Asia and West Africa rose, and Halden Fisk hf. gained.",
	    { { "Ivo Marsh", ENT_PERSON, 0 }, { "Central Asia", ENT_PLACE, 0 },
	      { "West Africa", ENT_PLACE, 0 },
	      { "Halden Fisk hf.", ENT_ORG, 0 } },
	    { "Foreign", "Correspondent", NULL } },
	{ "a city's government; a metro area",
	    "The City of Durban said floods hit Metro Cebu. Later the City "
	    "of Durban apologised.",
	    { { "City of Durban", ENT_ORG, 0 }, { "Metro Cebu", ENT_PLACE, 0 },
	      { "City of Durban", ENT_ORG, 40 } },
	    { NULL } },
	{ "a title that is also a given name, before a surname alone",
	    "Dean Prowse sells boats in Hull, and Dean Marta Ruiz teaches "
	    "law.",
	    { { "Dean Prowse", ENT_PERSON, 0 },
	      { "Marta Ruiz", ENT_PERSON, 0 } },
	    { NULL } },
	{ "analysts at a firm opening a sentence; investors; a province's "
	  "abbreviation in a dateline",
	    "SUDBURY, Ont. — Analysts at Norvik said a fund run by Brenna "
	    "Global Investors had lost money.",
	    { { "Ont.", ENT_PLACE, 0 }, { "Norvik", ENT_ORG, 0 },
	      { "Brenna Global Investors", ENT_ORG, 0 } },
	    { NULL } },
	{ "an organisation word ends a name whose head before \"of\" is a "
	  "place word",
	    "Nurses at the Lake of Bays Memorial Hospital walked out.",
	    { { "Lake of Bays Memorial Hospital", ENT_ORG, 0 } },
	    { NULL } },
	{ "a quarter word opening a sentence before a place; legislators' "
	  "letters and a head of government's title are no names",
	    "South Wales Police said on Friday that MSPs and the Tánaiste "
	    "had been told.",
	    { { "South Wales Police", ENT_ORG, 0 } },
	    { "MSPs", "Tánaiste", NULL } },
	{ "Organization and Organisation end organisations",
	    "She spoke for the International Cocoa Organization and the "
	    "Pacific Tuna Organisation.",
	    { { "International Cocoa Organization", ENT_ORG, 0 },
	      { "Pacific Tuna Organisation", ENT_ORG, 0 } },
	    { NULL } },
	{ "his or her rival after a comma is a person, its rival is not",
	    "His rival, Lorcan Ashbury, spoke. Its rival, Quenby Freight, "
	    "did not.",
	    { { "Lorcan Ashbury", ENT_PERSON, 0 },
	      { "Quenby Freight", ENT_ORG, 0 } },
	    { NULL } },
	{ "her girlfriend after a comma is a person",
	    "Her girlfriend, Lorcan Ashbury, was away.",
	    { { "Lorcan Ashbury", ENT_PERSON, 0 } },
	    { NULL } },
	{ "his opponent, a phrase, then the name after a comma",
	    "His opponent in last year's race, Lorcan Ashbury, spoke.",
	    { { "Lorcan Ashbury", ENT_PERSON, 0 } },
	    { NULL } },
	{ "the subject of a mood said only of people is a person",
	    "Lorcan Ashbury was unapologetic.",
	    { { "Lorcan Ashbury", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a role word opening a sentence is cut like a title",
	    "Librarian Tamsin Greythorpe said no. Caretaker Lorcan Ashbury "
	    "agreed. Teacher Training College said nothing.",
	    { { "Tamsin Greythorpe", ENT_PERSON, 0 },
	      { "Lorcan Ashbury", ENT_PERSON, 0 },
	      { "Teacher Training College", ENT_ORG, 0 } },
	    { "Librarian", "Caretaker", NULL } },
	{ "a nationality word after a given name ends the name as its "
	  "surname; not in capitals, not alone",
	    "Union official Bongani Zulu spoke, and Zulu said more. The "
	    "Zulu kingdom and a Spanish nurse, Maria, listened.",
	    { { "Bongani Zulu", ENT_PERSON, 0 },
	      { "Zulu", ENT_PERSON, 30 },
	      { "Maria", ENT_PERSON, 0 } },
	    { "Spanish", "Zulu kingdom", NULL } },
	{ "a quarter word and an organisation word are one organisation",
	    "Western Power said crews were out. Northern Rail cancelled "
	    "trains. Western Europe froze.",
	    { { "Western Power", ENT_ORG, 0 },
	      { "Northern Rail", ENT_ORG, 0 },
	      { "Western Europe", ENT_PLACE, 0 } },
	    { NULL } },
	{ "Commodities ends an organisation, also after a nationality word",
	    "She is an analyst at Danish Commodities in Riga.",
	    { { "Danish Commodities", ENT_ORG, 0 } },
	    { NULL } },
	{ "two places joined by \"and\" before Police or Council are one "
	  "organisation",
	    "Officers from Devon and Cornwall Police helped. Leeds and "
	    "Bradford councils met.",
	    { { "Devon and Cornwall Police", ENT_ORG, 0 },
	      { "Leeds", ENT_PLACE, 0 },
	      { "Bradford", ENT_PLACE, 0 } },
	    { NULL } },
	{ "a word opening a sentence before \"group\" and a name is no name",
	    "Environmental group Greenwatch called for rules. Campaign "
	    "group Fair Rents agreed.",
	    { { "Greenwatch", ENT_ORG, 0 },
	      { "Fair Rents", ENT_ORG, 0 } },
	    { "Environmental", "Campaign", NULL } },
	{ "\"of\" after a name or an age and a comma names a home town",
	    "Wenna Tredinnick, 58, of Polgooth, admitted theft. Her "
	    "brother, Jago Tredinnick, of Lanjeth, was cleared.",
	    { { "Polgooth", ENT_PLACE, 0 },
	      { "Lanjeth", ENT_PLACE, 0 } },
	    { NULL } },
	{ "a pronoun's contraction opening a sentence is no name",
	    "\"Nobody here hates homes,\" she said. \"I'm against "
	    "building 300 of them on a narrow lane.\"\n\n\"Every month "
	    "the rent rises. I'm not asking for charity. We're asking for "
	    "a fair chance,\" said Tamsin Ollerenshaw. They'll manage.",
	    { { "Tamsin Ollerenshaw", ENT_PERSON, 0 } },
	    { "I'm", "I've", "We're", "They'll", NULL } },
	{ "a street word first names a street, past particles and titles",
	    "The band marched from Via Garibaldi to Piazza delle Erbe, "
	    "then down Calle Serrano and Rue du Bac. Park Min-jun "
	    "watched. Airport Director Ana Ruiz did not.",
	    { { "Via Garibaldi", ENT_PLACE, 0 },
	      { "Piazza delle Erbe", ENT_PLACE, 0 },
	      { "Calle Serrano", ENT_PLACE, 0 },
	      { "Rue du Bac", ENT_PLACE, 0 },
	      { "Park Min-jun", ENT_PERSON, 0 },
	      { "Ana Ruiz", ENT_PERSON, 0 } },
	    { "Airport", NULL } },
	{ "shillings, rand and naira by their prefixes",
	    "The plan costs Sh4.2 billion, or KSh 700 million a year; "
	    "a rival bid was R3.1 billion and another N85 billion. The "
	    "N7 road stays shut.",
	    { { "Sh4.2 billion", ENT_MONEY, 0 },
	      { "KSh 700 million", ENT_MONEY, 0 },
	      { "R3.1 billion", ENT_MONEY, 0 },
	      { "N85 billion", ENT_MONEY, 0 } },
	    { "N7 road", NULL } },
	{ "a portfolio before a minister's title is no organisation",
	    "Rural Affairs Minister Odile Fontanet visited. Later, Water "
	    "Resources Secretary Kwame Asante-Bright spoke.",
	    { { "Odile Fontanet", ENT_PERSON, 0 },
	      { "Kwame Asante-Bright", ENT_PERSON, 0 } },
	    { "Rural Affairs", "Water", NULL } },
	{ "devolved governments, parliaments and mountain ranges",
	    "The Welsh Government asked the Senedd for money. Snow fell "
	    "on the Apennines and the Carpathians.",
	    { { "Welsh Government", ENT_ORG, 0 },
	      { "Senedd", ENT_ORG, 0 },
	      { "Apennines", ENT_PLACE, 0 },
	      { "Carpathians", ENT_PLACE, 0 } },
	    { "The Welsh", NULL } },
	{ "a byline naming no one, and the place after it",
	    "Ferry Fares Rise Again\n\nBy OUR CORRESPONDENT, MOMBASA\n\n"
	    "Fares rose on Monday.",
	    { { "MOMBASA", ENT_PLACE, 0 },
	      { "Monday", ENT_DATE, 0 } },
	    { "OUR", "CORRESPONDENT", NULL } },
	{ "a byline stops at its line; the paper on the role line under it",
	    "Ferry Fares Rise Again\n\nBy GWENDOLYN ASHCROFT\nGazette "
	    "Staff Writer\n\nFares rose on Monday.",
	    { { "GWENDOLYN ASHCROFT", ENT_PERSON, 0 },
	      { "Gazette", ENT_ORG, 0 } },
	    { "Staff Writer", NULL } },
	{ "a byline's place after \"in\" or \"at\"",
	    "Ferry Fares Rise Again\n\nBy Hamish Crowther and Leila "
	    "Bouzid in Marseille\n\nBy Owen Tudor-Hale at Cardiff Arms "
	    "Park\n\nFares rose.",
	    { { "Hamish Crowther", ENT_PERSON, 0 },
	      { "Leila Bouzid", ENT_PERSON, 0 },
	      { "Marseille", ENT_PLACE, 0 },
	      { "Owen Tudor-Hale", ENT_PERSON, 0 },
	      { "Cardiff Arms Park", ENT_PLACE, 0 } },
	    { NULL } },
	{ "a byline without \"By\" under the headline",
	    "Ferry Fares Rise Again\n\nPriya Venkataraman, Transport and "
	    "Energy Correspondent\n\nFares rose on Monday.",
	    { { "Priya Venkataraman", ENT_PERSON, 0 } },
	    { "Transport", "Energy", NULL } },
	{ "a name alone under the headline is a byline",
	    "Ferry Fares Rise Again\n\nMartha Oyelaran\n\nFares rose on "
	    "Monday.",
	    { { "Martha Oyelaran", ENT_PERSON, 0 } },
	    { NULL } },
	{ "an agency in parentheses after a dateline is no place's acronym",
	    "Ferry Fares Rise Again\n\nBARI, Italy (AP) \xe2\x80\x94 "
	    "Fares rose. The United Arab Emirates (UAE) agreed.",
	    { { "BARI", ENT_PLACE, 0 },
	      { "Italy", ENT_PLACE, 0 },
	      { "AP", ENT_ORG, 0 },
	      { "United Arab Emirates", ENT_PLACE, 0 },
	      { "UAE", ENT_PLACE, 0 } },
	    { NULL } },
	{ "capitals in a quoted sign, slogan or title make no name",
	    "Placards read \"Keep the Orchard\" and \"Fair Pay Now\"; the "
	    "crowd chanted \"Nurses Need Nights Off\". Her record, "
	    "\xe2\x80\x9c" "Copper Tides,\xe2\x80\x9d charted in Oslo. "
	    "A bakery called \"Pane Nostro Bianco\" closed.\n\n"
	    "\"Edda Lindqvist,\" he said, \"was right.\"",
	    { { "Oslo", ENT_PLACE, 0 },
	      { "Pane Nostro Bianco", ENT_ORG, 0 },
	      { "Edda Lindqvist", ENT_PERSON, 0 } },
	    { "Keep", "Fair Pay", "Nurses", "Copper", NULL } },
	/* a result on a line of its own makes both sides clubs in every
	 * mention (one sense per document), a town too, unless the words
	 * around it say place ("in Preston") */
	{ "the sides of a result line are clubs in every mention",
	    "Preston 1 Saints 2\n\nSaints came from behind at Deepdale. "
	    "Preston led through an early header, and a Preston penalty "
	    "appeal was turned down. Traffic in Preston was heavy later.",
	    { { "Preston", ENT_ORG, 0 }, { "Saints", ENT_ORG, 0 },
	      { "Saints", ENT_ORG, 15 }, { "Preston", ENT_ORG, 20 },
	      { "Preston", ENT_ORG, 90 }, { "Preston", ENT_PLACE, 130 } },
	    { NULL } },
	/* a magnitude after a hyphen (Canadian copy) is part of the sum */
	{ "money with a hyphenated magnitude",
	    "The province approved a $2.4-billion plan and a C$450-million "
	    "loan, and a $12 fee.",
	    { { "$2.4-billion", ENT_MONEY, 0 },
	      { "C$450-million", ENT_MONEY, 0 }, { "$12", ENT_MONEY, 0 } },
	    { NULL } },
	/* the heads of Spanish, Galician and Portuguese public bodies and
	 * guilds make an organisation of the whole "X de Y" name; Galician
	 * given names; a stand, an arch, a walk and a reef end a place's
	 * name but do not open one */
	{ "Junta de X and Cofradía de X; Xosé; a stand, an arch, a reef",
	    "The Junta de Andalucía and the Cofradía de Pescadores de Barbate "
	    "met on Monday. Xosé Luis Pereira, a skipper, said little. The "
	    "Great Barrier Reef and Marble Arch were on screen, and fans in "
	    "the Jack Walker Stand sang. Stand Up Now, a charity, filmed it.",
	    { { "Junta de Andalucía", ENT_ORG, 0 },
	      { "Cofradía de Pescadores de Barbate", ENT_ORG, 0 },
	      { "Xosé Luis Pereira", ENT_PERSON, 0 },
	      { "Great Barrier Reef", ENT_PLACE, 0 },
	      { "Marble Arch", ENT_PLACE, 0 },
	      { "Jack Walker Stand", ENT_PLACE, 0 } },
	    { "Stand Up", NULL } },
	/* the longest name: a royal title before an organisation's head,
	 * a country's short name before an organisation, a nation after
	 * one; "X University in Y, Z" says where the university is */
	{ "King X University, the US Federal Reserve, BBC Scotland",
	    "She trained at Queen Elizabeth Hospital and King Fahd University "
	    "of Petroleum and Minerals, then taught at Monash University in "
	    "Melbourne, Australia. The US Federal Reserve, the U.S. Supreme "
	    "Court and BBC Scotland were told, and Joe Biden spoke in the "
	    "U.S. Senate.",
	    { { "Queen Elizabeth Hospital", ENT_ORG, 0 },
	      { "King Fahd University of Petroleum and Minerals", ENT_ORG, 0 },
	      { "Monash University", ENT_ORG, 0 },
	      { "Melbourne", ENT_PLACE, 0 },
	      { "US Federal Reserve", ENT_ORG, 0 },
	      { "U.S. Supreme Court", ENT_ORG, 0 },
	      { "BBC Scotland", ENT_ORG, 0 },
	      { "U.S.", ENT_PLACE, 200 },
	      { "Senate", ENT_ORG, 0 } },
	    { NULL } },
	/* a word no list types takes the type of the names it is listed
	 * with; a lone given name listed with places is a place */
	{ "a name listed with typed names takes their type",
	    "Flooding hit Sligo, Leitrim and Drumkeeran overnight, and roads "
	    "near Limerick and Clare closed. Shares of Sony and Kestrelvane fell, "
	    "and Hexatronic and Siemens rose.",
	    { { "Sligo", ENT_PLACE, 0 }, { "Drumkeeran", ENT_PLACE, 0 },
	      { "Clare", ENT_PLACE, 0 }, { "Sony", ENT_ORG, 0 },
	      { "Kestrelvane", ENT_ORG, 0 }, { "Hexatronic", ENT_ORG, 0 },
	      { "Siemens", ENT_ORG, 0 } },
	    { NULL } },
	/* a name whose price moves by a percentage, or one word after a
	 * kind of organisation, is a company, even a town's name */
	{ "a price move or a kind of company makes a company",
	    "Airlines were hit hardest: Azul fell 11% and Embraer slipped 2.1 "
	    "per cent. Shares in the pulp maker Suzano rose 1.8%. Exports "
	    "from Lisbon rose 3%. Revenue rose 12%. Sales fell 3%. In "
	    "Warsaw, Kowalczyk waited.",
	    { { "Azul", ENT_ORG, 0 }, { "Embraer", ENT_ORG, 0 },
	      { "Suzano", ENT_ORG, 0 }, { "Lisbon", ENT_PLACE, 0 },
	      { "Warsaw", ENT_PLACE, 0 } },
	    { "Revenue", "Sales", "Kowalczyk", NULL } },
	/* "from" a surname the document gave a person is that person,
	 * even where a town has the name; without the person, the town */
	{ "from a person named before",
	    "Midfielder Kenji Sakai curled a cross in. A late tackle from "
	    "Sakai drew a booking.",
	    { { "Kenji Sakai", ENT_PERSON, 0 }, { "Sakai", ENT_PERSON, 50 } },
	    { NULL } },
	{ "from a town",
	    "A late flight from Sakai landed at noon.",
	    { { "Sakai", ENT_PLACE, 0 } },
	    { NULL } },
	/* a headline in capitals goes on past a colon and a number; its
	 * known places and the names the text gives are entities */
	{ "a capitals headline with a colon and a number",
	    "FURY AND FLOWERS: OKONJO TAKES LEEDS BY 88 VOTES\n\nGrace Okonjo "
	    "won the seat on Friday. Okonjo said she was tired.\n\nUPDATE: "
	    "EU leaders met in Brussels.",
	    { { "OKONJO", ENT_PERSON, 0 }, { "LEEDS", ENT_PLACE, 0 },
	      { "Grace Okonjo", ENT_PERSON, 0 }, { "EU", ENT_ORG, 0 },
	      { "Brussels", ENT_PLACE, 0 } },
	    { "FURY", "UPDATE", NULL } },
	/* a person noun opening a sentence or a live blog's line after
	 * its time is no part of the name after it */
	{ "Reader X Y, Listener X Y: the role is no part of the name",
	    "09:12\nReader Joanna Fox, who lives in Sligo, sent us this. "
	    "Listener Tom Hale agreed.",
	    { { "Joanna Fox", ENT_PERSON, 0 }, { "Sligo", ENT_PLACE, 0 },
	      { "Tom Hale", ENT_PERSON, 0 } },
	    { "Reader", "Listener", NULL } },
	/* "told The X", "an interview with The X": a paper, without its
	 * The, even a word a list knows otherwise (Sun the weekday) */
	{ "a paper after told The",
	    "The mayor told The Sun he was happy, and later gave an "
	    "interview with The Harbour Gazette.",
	    { { "Sun", ENT_ORG, 0 }, { "Harbour Gazette", ENT_ORG, 0 } },
	    { "The Sun", NULL } },
	{ "a town and a club word are a club; City before a score",
	    "Late Goals Settle Cup Tie\n\nNorwich City 2 Exeter City 1\n\n"
	    "Norwich City had led early, and the Exeter manager smiled. "
	    "Fans of Bristol Rovers and Leeds United watched. Kansas City "
	    "and Mexico City stay places.",
	    { { "Norwich City", ENT_ORG, 0 },
	      { "Exeter City", ENT_ORG, 0 },
	      { "Norwich City", ENT_ORG, 50 },
	      { "Exeter", ENT_ORG, 80 },
	      { "Bristol Rovers", ENT_ORG, 0 },
	      { "Leeds United", ENT_ORG, 0 },
	      { "Kansas City", ENT_PLACE, 0 },
	      { "Mexico City", ENT_PLACE, 0 } },
	    { NULL } },
	{ "a domain and a path without www. are a URL",
	    "Details are at harbourtrust.org/notices/ferry-fares. Write to "
	    "help@harbourtrust.org or see https://www.harbourtrust.org/faq.",
	    { { "harbourtrust.org/notices/ferry-fares", ENT_URL, 0 },
	      { "help@harbourtrust.org", ENT_EMAIL, 0 },
	      { "https://www.harbourtrust.org/faq", ENT_URL, 0 } },
	    { NULL } },
	{ "a provider or vendor in apposition is an organisation; Queens",
	    "The breach began at Routeline, a payments software provider. "
	    "Routeline declined to comment. She grew up in Astoria, Queens.",
	    { { "Routeline", ENT_ORG, 0 },
	      { "Routeline", ENT_ORG, 50 },
	      { "Astoria", ENT_PLACE, 0 },
	      { "Queens", ENT_PLACE, 0 } },
	    { NULL } },
	{ "Australian councillors and detective sergeants: titles, not names",
	    "Cr Moana Tipene moved the motion and Cr Haddad seconded it. "
	    "DS Okafor told the court the van was empty. DCI Varga agreed.",
	    { { "Moana Tipene", ENT_PERSON, 0 },
	      { "Haddad", ENT_PERSON, 0 },
	      { "Okafor", ENT_PERSON, 0 },
	      { "Varga", ENT_PERSON, 0 } },
	    { "Cr ", "DS ", "DCI", NULL } },
	{ "QA, FX, DJ and CCTV are no organisations; Faroese is no place",
	    "The layoffs hit QA and the FX desk. A DJ played while CCTV "
	    "filmed the Faroese trawler leaving Bergen.",
	    { { "Bergen", ENT_PLACE, 0 } },
	    { "QA", "FX", "DJ", "CCTV", "Faroese", NULL } },
	{ "every credit of a credit line is a person",
	    "The port reopened on Monday.\n\n(Reporting by Ama Owusu in "
	    "Accra and Femi Adebayo in Lagos; Writing by Ingrid Solberg; "
	    "Editing by Tomasz Wrona)",
	    { { "Ama Owusu", ENT_PERSON, 0 },
	      { "Accra", ENT_PLACE, 0 },
	      { "Femi Adebayo", ENT_PERSON, 0 },
	      { "Lagos", ENT_PLACE, 0 },
	      { "Ingrid Solberg", ENT_PERSON, 0 },
	      { "Tomasz Wrona", ENT_PERSON, 0 } },
	    { "Writing", "Editing", NULL } },
	{ "a short credit line: each credit after the first is a person too",
	    "The port reopened on Monday.\n\n(Reporting by Ama Owusu; "
	    "Writing by Ingrid Solberg; Editing by Tomasz Wrona)\n\n"
	    "(Reporting by Kofi Mensah; Editing by Paula Grieve)",
	    { { "Ama Owusu", ENT_PERSON, 0 },
	      { "Ingrid Solberg", ENT_PERSON, 0 },
	      { "Tomasz Wrona", ENT_PERSON, 0 },
	      { "Kofi Mensah", ENT_PERSON, 0 },
	      { "Paula Grieve", ENT_PERSON, 0 } },
	    { "Writing", "Editing", NULL } },
	{ "race gaps are no times; British times; currencies in words",
	    "She started at 9:30 and finished 2:05 ahead of the pack, with the "
	    "Swiss rider 3:10 behind. The gates shut at 10.45pm. The city "
	    "spent 95 million soles, 12 crore rupees, 300 million Swedish "
	    "crowns and 7 million złoty.",
	    { { "9:30", ENT_TIME, 0 },
	      { "10.45pm", ENT_TIME, 0 },
	      { "95 million soles", ENT_MONEY, 0 },
	      { "12 crore rupees", ENT_MONEY, 0 },
	      { "300 million Swedish crowns", ENT_MONEY, 0 },
	      { "7 million z\xc5\x82oty", ENT_MONEY, 0 } },
	    { "2:05", "3:10", NULL } },
	{ "double given names, five-letter Korean syllables, -de- places",
	    "The board, led by Kim Min-jung and Yoon Seo-hyeon, met. "
	    "Anne-Sophie Lefebvre, a French chemist, objected. The convoy "
	    "stopped at Bourg-de-Thizy and later at Ville-sur-Yron. A "
	    "Busan-based lender and a Lyon-style bistro stayed shut.",
	    { { "Kim Min-jung", ENT_PERSON, 0 },
	      { "Yoon Seo-hyeon", ENT_PERSON, 0 },
	      { "Anne-Sophie Lefebvre", ENT_PERSON, 0 },
	      { "Bourg-de-Thizy", ENT_PLACE, 0 },
	      { "Ville-sur-Yron", ENT_PLACE, 0 },
	      { "Busan", ENT_PLACE, 0 },
	      { "Lyon", ENT_PLACE, 0 } },
	    { "-based", "-style", NULL } },
	{ "the longest name wins: a court or council before a title; an "
	    "organisation word before a particle; known bodies",
	    "The ruling by Superior Court Justice Nadia Okoro stands. An "
	    "economist at the Pontificia Universidad Javeriana de Cali "
	    "agreed. Police Scotland and Bursa Malaysia said nothing.",
	    { { "Superior Court", ENT_ORG, 0 },
	      { "Nadia Okoro", ENT_PERSON, 0 },
	      { "Pontificia Universidad Javeriana de Cali", ENT_ORG, 0 },
	      { "Police Scotland", ENT_ORG, 0 },
	      { "Bursa Malaysia", ENT_ORG, 0 } },
	    { NULL } },
	{ "a person-shaped name right after in or near is a place",
	    "Her family has farmed in Kim Thanh for decades. In Tan Hiep, "
	    "the river took a school. Ask Kim Thanh's mayor.",
	    { { "Kim Thanh", ENT_PLACE, 0 },
	      { "Tan Hiep", ENT_PLACE, 0 } },
	    { NULL } },
	{ "a role noun before a name: a person; plural Justices; Hyun-woo",
	    "After the opener Tavish Quayum fell, the painter Orrin "
	    "Delacroix-Vey opened her show. Justices Mbeki Ngcobo and Hal "
	    "Brandt dissented. Ji-hoon Park, a chemist, disagreed.",
	    { { "Tavish Quayum", ENT_PERSON, 0 },
	      { "Orrin Delacroix-Vey", ENT_PERSON, 0 },
	      { "Mbeki Ngcobo", ENT_PERSON, 0 },
	      { "Hal Brandt", ENT_PERSON, 0 },
	      { "Ji-hoon Park", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a given name with accents is known without them; an unlisted "
	    "first name alone is the person named in full before",
	    "It is a job. Nicolás Ferreyra and his partner teach daily. "
	    "The spinner Dilruk Weerakoon took five.\n\n\"We lost,\" the "
	    "captain said. \"Dilruk bowled well.\"",
	    { { "Nicol\xc3\xa1s Ferreyra", ENT_PERSON, 0 },
	      { "Dilruk Weerakoon", ENT_PERSON, 0 },
	      { "Dilruk", ENT_PERSON, 110 } },
	    { NULL } },
	{ "a dateline of two places; a dateline ending in a colon",
	    "Rubber slips\n\nBANGKOK/HANOI, May 3 (Reuters) - Prices fell."
	    "\n\nMUMBAI, June 9: The court sat late.",
	    { { "BANGKOK", ENT_PLACE, 0 },
	      { "HANOI", ENT_PLACE, 0 },
	      { "MUMBAI", ENT_PLACE, 0 } },
	    { NULL } },
	{ "Norwegian og and Faroese \xc3\xad join names; an oval and a "
	    "sal\xc3\xb3n are places; Nordic and Scottish given names",
	    "Boats from Sogn og Fjordane and Jens \xc3\xad Dali sailed. "
	    "The match at the Basin Reserve Oval drew 9,000; the Sal\xc3\xb3n "
	    "Rivadavia was full. Ahead of Norway's Vegard Hestnes and "
	    "Eilidh Baird, the rest faded.",
	    { { "Sogn og Fjordane", ENT_PLACE, 0 },
	      { "Jens \xc3\xad Dali", ENT_PERSON, 0 },
	      { "Basin Reserve Oval", ENT_PLACE, 0 },
	      { "Sal\xc3\xb3n Rivadavia", ENT_PLACE, 0 },
	      { "Vegard Hestnes", ENT_PERSON, 0 },
	      { "Eilidh Baird", ENT_PERSON, 0 } },
	    { NULL } },
	{ "an owner's possessive opens a title in apposition; a title "
	    "after co- is a title; a preposition and his after the name",
	    "Tavita Seumalo, Labour's health spokeswoman and the member for "
	    "Otara, rose first. Seumalo tried again. Green Party co-leader "
	    "Marama Tuhiwai rose to ask her question. Eritrea's Tesfay "
	    "Haileselassie, in his first race abroad, finished fourth.",
	    { { "Tavita Seumalo", ENT_PERSON, 0 },
	      { "Seumalo", ENT_PERSON, 20 },
	      { "Marama Tuhiwai", ENT_PERSON, 0 },
	      { "Tesfay Haileselassie", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a transcript's labels in capitals: one person each, and the "
	    "surname alone later",
	    "Radio Cluj, Evening Edition.\n\nELENA MURE\xc8\x98" "AN: Good "
	    "evening. The mayor, Csaba Nagy, is on the line.\n\nCSABA NAGY: "
	    "Good evening.\n\nMURE\xc8\x98" "AN: How is the road?\n\nNAGY: "
	    "Closed.\n\nMURE\xc8\x98" "AN: Thank you.",
	    { { "ELENA MURE\xc8\x98" "AN", ENT_PERSON, 0 },
	      { "CSABA NAGY", ENT_PERSON, 0 },
	      { "MURE\xc8\x98" "AN", ENT_PERSON, 60 } },
	    { NULL } },
	{ "a name inside an appositive's title ('the Nandi County police "
	    "officer')",
	    "The race was hard.\n\nMercy Chepkoech, the Nandi County police "
	    "officer who led early, faded late.",
	    { { "Mercy Chepkoech", ENT_PERSON, 0 },
	      { "Nandi County", ENT_PLACE, 0 } },
	    { NULL } },
	{ "one unknown word apposed to an organisation's name is it; not "
	    "before a clause's subject",
	    "Waiting lists grew at Sjukrahusid, the Regional University "
	    "Hospital of the North, again. The ship sank east of Thirasia, "
	    "the Hellenic Coast Guard said.",
	    { { "Sjukrahusid", ENT_ORG, 0 },
	      { "Thirasia", ENT_PLACE, 0 } },
	    { NULL } },
	{ "a town before ', in X County'; the mayor of a town",
	    "A bear walked into Pietrosita, in Covasna County, and left. "
	    "The mayor of Vadenisor, Ion Pop, spoke.",
	    { { "Pietrosita", ENT_PLACE, 0 },
	      { "Covasna County", ENT_PLACE, 0 },
	      { "Vadenisor", ENT_PLACE, 0 },
	      { "Ion Pop", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a byline's role: a capitalised word before a lower-case title "
	    "is no name",
	    "Ferry chaos\n\nBy Anna Kerr, Parliamentary sketch writer\n\n"
	    "WELLINGTON - The ferries sank.",
	    { { "Anna Kerr", ENT_PERSON, 0 },
	      { "WELLINGTON", ENT_PLACE, 0 } },
	    { "Parliamentary" } },
	{ "a legal form after a comma ('Co., Ltd.', ', Inc.')",
	    "Shares of Pelican Robotics, Inc. rose. Orvo Mobility Co., Ltd., "
	    "a maker of tractors, signed.",
	    { { "Pelican Robotics, Inc.", ENT_ORG, 0 },
	      { "Orvo Mobility Co., Ltd.", ENT_ORG, 0 } },
	    { NULL } },
	{ "a country, a plain word, 'and', then an organisation's words",
	    "Prices rose, the Kenya Tea and Coffee Growers Association said "
	    "on Monday.",
	    { { "Kenya Tea and Coffee Growers Association", ENT_ORG, 0 } },
	    { NULL } },
	{ "X is a wonderful town: a place, and later as a modifier",
	    "The minister said that Karoro is a wonderful town. A Karoro "
	    "cafe owner wrote in.",
	    { { "Karoro", ENT_PLACE, 0 },
	      { "Karoro", ENT_PLACE, 40 } },
	    { NULL } },
	/* wt-h11read: a plural possessive at a hard-wrapped line's end */
	{ "a plural possessive inside a name, the line wrapped after it",
	    "Kovács is one of 90 members of the Felső-Tisza Plum Growers'\n"
	    "Cooperative, which asked for help on Monday.",
	    { { "Felső-Tisza Plum Growers'\nCooperative", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-h10read: heldout10's roles and patronyms */
	{ "an agent's noun or a team position opening a sentence before a "
	  "name of two is a role, not the name's first word",
	    "Farmhand Tevaki Holloway fed the calves. Stoker Umeko Varrant "
	    "shovelled coal. Libero Orsolya Kemény dug out a spike.",
	    { { "Tevaki Holloway", ENT_PERSON, 0 },
	      { "Umeko Varrant", ENT_PERSON, 0 },
	      { "Orsolya Kemény", ENT_PERSON, 0 } },
	    { "Farmhand", "Stoker", "Libero", NULL } },
	{ "a/p, a/l, s/o between a given name and the father's is one name",
	    "\"Rates will hold,\" said Kavitha a/p Ramasamy, an economist. "
	    "A trader, Selvam a/l Murugiah, and Arjun s/o Pillay agreed.",
	    { { "Kavitha a/p Ramasamy", ENT_PERSON, 0 },
	      { "Selvam a/l Murugiah", ENT_PERSON, 0 },
	      { "Arjun s/o Pillay", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a title, \"of\" and its field before the comma before a name",
	    "The talks resumed. Tonga's minister of ports and harbours, "
	    "Vailea Tonganui Ahomana, has flown in.",
	    { { "Vailea Tonganui Ahomana", ENT_PERSON, 0 } },
	    { NULL } },
	{ "an unknown word and a place opening a sentence are one "
	  "organisation where the text writes them mid-sentence too",
	    "The growers had written to Forestry Tonga in May.\n\n"
	    "Forestry Tonga welcomed the ruling on Friday.",
	    { { "Forestry Tonga", ENT_ORG, 0 },
	      { "Forestry Tonga", ENT_ORG, 40 } },
	    { NULL } },
	{ "an organisation the text knows, then a sponsor's word and a city: "
	  "one organisation",
	    "Korvel said in a statement it would appeal.\n\nKorvel Tarsana "
	    "Porto beat them 3-1. Fans saw Korvel Tarsana Porto win.",
	    { { "Korvel Tarsana Porto", ENT_ORG, 0 },
	      { "Korvel Tarsana Porto", ENT_ORG, 70 } },
	    { NULL } },
	{ "a credit line in parentheses wrapped across lines names its "
	  "people after the wrap",
	    "Prices fell on Monday.\n\n(Reporting by Ayu Lestiani in "
	    "Medan and Farid Rosli in\nPenang; Editing by Tomasz Brevik)\n",
	    { { "Ayu Lestiani", ENT_PERSON, 0 },
	      { "Farid Rosli", ENT_PERSON, 0 },
	      { "Penang", ENT_PLACE, 0 },
	      { "Tomasz Brevik", ENT_PERSON, 0 } },
	    { NULL } },
	{ "a credit ending a paragraph after a sentence names people",
	    "Live: harbour talks\n\nDay three, as it happened. Reporting by "
	    "Tavake Lauaki and Ngaio Te Rangi-Whare\n\n09:00 Talks resume.",
	    { { "Tavake Lauaki", ENT_PERSON, 0 },
	      { "Ngaio Te Rangi-Whare", ENT_PERSON, 0 } },
	    { NULL } },
	{ "the Maori \"o\" (of) inside a name opening with Te; Runanga "
	  "(council) heads an organisation",
	    "The ruling was welcomed.\n\nTe Rūnanga o Ngāti Waiora, whose "
	    "trust holds quota in the strait, said it was relieved.",
	    { { "Te Rūnanga o Ngāti Waiora", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h12read: a board's Trustee is a title, cut from the name",
	    "Trustee Marisol Quintanar-Vega voted no.",
	    { { "Marisol Quintanar-Vega", ENT_PERSON, 0 } },
	    { "Trustee", NULL } },
	{ "wt-h12read: \"and\" inside an agency's name before its "
	  "organisation word",
	    "She works for the Fire and Rescue Authority in Perth.",
	    { { "Fire and Rescue Authority", ENT_ORG, 0 },
	      { "Perth", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h12read: a Korean given name hyphenated to a lower-case "
	  "syllable",
	    "Choi Min-jun, the port's director, met Park Seong-u in Busan.",
	    { { "Choi Min-jun", ENT_PERSON, 0 },
	      { "Park Seong-u", ENT_PERSON, 0 }, { "Busan", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h12read: Executive ends a public body's name; a chief "
	  "executive is still a title",
	    "An inspector with the Mines and Quarries Executive met Chief "
	    "Executive Tove Lund.",
	    { { "Mines and Quarries Executive", ENT_ORG, 0 },
	      { "Tove Lund", ENT_PERSON, 0 } },
	    { NULL } },
	{ "wt-h12read: millions and trillions as mn and tn, like bn",
	    "It raised $48mn, then ₩1.7tn.",
	    { { "$48mn", ENT_MONEY, 0 }, { "₩1.7tn", ENT_MONEY, 0 } },
	    { NULL } },
	{ "wt-h12read: a Dome and an Aréna (Hungarian, Czech) are venues",
	    "They played at the Tarnok Dome and then at the Veszla Aréna.",
	    { { "Tarnok Dome", ENT_PLACE, 0 },
	      { "Veszla Aréna", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h12read: an Inspectorate is an organisation",
	    "The Brasov Road Inspectorate closed the pass.",
	    { { "Brasov Road Inspectorate", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h12read: a byline of a name and its city under a standfirst",
	    "Tarn Display cuts its dividend\n\nThe screen maker delays a "
	    "line\n\nLena Kovacs in Vienna\n\nTarn Display said so.",
	    { { "Lena Kovacs", ENT_PERSON, 0 }, { "Vienna", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h12read: a company of two words named later by its first",
	    "Korvath Display, a maker of screens, cut jobs. Korvath will "
	    "close a plant.",
	    { { "Korvath Display", ENT_ORG, 0 }, { "Korvath", ENT_ORG, 30 } },
	    { NULL } },
	{ "wt-h12read: two initials and a surname are a person",
	    "He joined the band of A. B. Crayle in 1962.",
	    { { "A. B. Crayle", ENT_PERSON, 0 }, { "1962", ENT_DATE, 0 } },
	    { NULL } },
	{ "wt-h12read: a school district is a body, not a place",
	    "The Tarn Valley Unified School District board met.",
	    { { "Tarn Valley Unified School District", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-names: a live blog's entry opens with its time; the word
	 * after it opens a sentence ("At" is no part of the name) */
	{ "a live blog's time opens the entry's sentence",
	    "Ljubljana votes\n\n19:02 Polls have closed. Nina Kowalski, the "
	    "mayor, is ahead.\n\n19:35 At Kowalski's party in a former "
	    "factory, supporters are chanting.\n\n19:48 Kowalski has "
	    "arrived.",
	    { { "Nina Kowalski", ENT_PERSON, 0 },
	      { "Kowalski", ENT_PERSON, 79 } },
	    { "At Kowalski", NULL } },
	{ "wt-h12read: a name alone in a paragraph under a standfirst",
	    "Obituary: a drummer\n\nHe taught three generations to play "
	    "it\n\nAma Owusu-Ansah\n\nThe drummer has died.",
	    { { "Ama Owusu-Ansah", ENT_PERSON, 0 } },
	    { NULL } },
	/* wt-know: organisation head words and legal forms gathered by
	 * domain (transport, legal forms, sport, health, media, finance,
	 * police, culture, non-English heads), not from errors */
	{ "wt-know: head words of many domains make a subject an organisation",
	    "Notes\n\nBramwell Aviation said it would cut routes.\n\n"
	    "Dorvik Kft. signed the lease.\n\nHalvard Harriers won the "
	    "relay.\n\nSzpital Lorenski said the ward was full.\n\n"
	    "Corrow Ledger said the figures were wrong.\n\nTesman "
	    "Associates said it would appeal.\n\nVeskor JSC said output "
	    "fell.\n\nMarden Constabulary said two men were held.\n\n"
	    "Pellin Sinfonietta said the tour would go ahead.\n\n"
	    "Hochschule Ravensberg said fees would rise.",
	    { { "Bramwell Aviation", ENT_ORG, 0 },
	      { "Dorvik Kft.", ENT_ORG, 0 },
	      { "Halvard Harriers", ENT_ORG, 0 },
	      { "Szpital Lorenski", ENT_ORG, 0 },
	      { "Corrow Ledger", ENT_ORG, 0 },
	      { "Tesman Associates", ENT_ORG, 0 },
	      { "Veskor JSC", ENT_ORG, 0 },
	      { "Marden Constabulary", ENT_ORG, 0 },
	      { "Pellin Sinfonietta", ENT_ORG, 0 },
	      { "Hochschule Ravensberg", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-know: kinds of organisation and public bodies in apposition,
	 * gathered by kind, not from errors */
	{ "wt-know: a word no list knows apposed to an office, a council, a "
	  "drugmaker, a think-tank is an organisation",
	    "Notes\n\nThe plan went to Ofvarn, the statistics office, on "
	    "Monday.\n\nApproval rests with Kordell, the housing council, "
	    "this week.\n\nThe suit was filed by Vellara, the drugmaker, in "
	    "May.\n\nIt was backed by Corvanta, the think-tank, last year.",
	    { { "Ofvarn", ENT_ORG, 0 }, { "Kordell", ENT_ORG, 0 },
	      { "Vellara", ENT_ORG, 0 }, { "Corvanta", ENT_ORG, 0 } },
	    { NULL } },
	/* wt-know: titles and honorifics of many languages and ranks, and
	 * occupations opening a sentence, gathered by kind, not from errors */
	{ "wt-know: honorifics, ranks and occupations are cut from names",
	    "Notes\n\nAlhaji Musa Bello said the market would reopen.\n\n"
	    "On Monday Herr Jonas Albrecht and Datin Siti Rahmah met Lt Col "
	    "Anna Berg.\n\nMechanic Orvell Dask said the engine failed.\n\n"
	    "The claim was backed by Señora Lucía Ortega and "
	    "Mufti Idris Kamau.\n\nMidshipman Tovan Reyes was there.",
	    { { "Musa Bello", ENT_PERSON, 0 },
	      { "Jonas Albrecht", ENT_PERSON, 0 },
	      { "Siti Rahmah", ENT_PERSON, 0 }, { "Anna Berg", ENT_PERSON, 0 },
	      { "Orvell Dask", ENT_PERSON, 0 },
	      { "Lucía Ortega", ENT_PERSON, 0 },
	      { "Idris Kamau", ENT_PERSON, 0 },
	      { "Tovan Reyes", ENT_PERSON, 0 } },
	    { NULL } },
	{ "wt-h14read: he, she or his after a name's verb says person",
	    "Notes\n\nSamoan lock Talavou Fetuaki barged over from a scrum "
	    "on the hour. He called it the easy part.\n\nThen Tongan centre "
	    "Vaipulu Mateaki scored twice while he was still limping.",
	    { { "Talavou Fetuaki", ENT_PERSON, 0 },
	      { "Vaipulu Mateaki", ENT_PERSON, 0 } },
	    { NULL } },
	{ "wt-h14read: Pacific honorifics are cut from names",
	    "Notes\n\nCaptain Ratu Semiti Lomavere was less sentimental."
	    "\n\nThe award went to Tā Hemi Parekawa and Kahurangi Mereana "
	    "Tipoki, and Susuga Faleolo Vaai gave the blessing.",
	    { { "Semiti Lomavere", ENT_PERSON, 0 },
	      { "Hemi Parekawa", ENT_PERSON, 0 },
	      { "Mereana Tipoki", ENT_PERSON, 0 },
	      { "Faleolo Vaai", ENT_PERSON, 0 } },
	    { NULL } },
	{ "wt-h14read: a side of a result, a nationality and a word, by the "
	    "word alone",
	    "Notes\n\nTongan Velemoa 21 Samoan Lelaulu 18\n\nThe Tongan "
	    "Velemoa held on to beat Samoan Lelaulu in the rain.\n\nVelemoa "
	    "prop Kelo Vaka was sent off, and Lelaulu scored late.",
	    { { "Velemoa", ENT_ORG, 108 }, { "Lelaulu", ENT_ORG, 108 } },
	    { NULL } },
	{ "wt-h15read: a side of a result, a sponsor's word and a town, by "
	    "the town alone; a byline's \"in X\" a place",
	    "Late win\n\nBy Anna Berg in Szeged\n\nOrvanto Szeged 29 Halvex "
	    "Celje 27\n\nSzeged coach "
	    "Tovan Reyes was relieved. Celje led at the break, and a crowd of "
	    "8,000 in Szeged saw Szeged hold on.",
	    { { "Szeged", ENT_PLACE, 0 }, { "Szeged", ENT_ORG, 69 },
	      { "Celje", ENT_ORG, 69 }, { "Szeged", ENT_PLACE, 156 },
	      { "Szeged", ENT_ORG, 167 } },
	    { NULL } },
	{ "wt-h15read: capitals after a number are its unit; mid-, pre-, "
	    "pro- before a name are no particle",
	    "Notes\n\nA 4,000 TEU ship and a 300 MWh battery arrived, "
	    "and the yard handles 2.5 million TEU. Work starts in mid-April, "
	    "after a pre-Easter pause, and a pro-Kremlin paper objected. In "
	    "2019 NATO said so.",
	    { { "NATO", ENT_ORG, 0 } },
	    { "TEU", "MWh", "mid-April", "pre-Easter", "pro-Kremlin" } },
	{ "wt-h15read: a person's surname a list knows only as a town",
	    "Notes\n\nSione Latu Kandy, 52, a former builder, was jailed. "
	    "Judge Anna Berg said Kandy had lied, and Kandy wept.",
	    { { "Sione Latu Kandy", ENT_PERSON, 0 },
	      { "Kandy", ENT_PERSON, 40 } },
	    { NULL } },
	{ "wt-h15read: road works' words end a place's name",
	    "Notes\n\nTraffic stopped at the Kofi Mensah Interchange and on "
	    "the Vale Lane Gyratory. Police closed the Ruto Bypass and the "
	    "Abbey Road Flyover.",
	    { { "Kofi Mensah Interchange", ENT_PLACE, 0 },
	      { "Vale Lane Gyratory", ENT_PLACE, 0 },
	      { "Ruto Bypass", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h15read: a name shaped like a person's, apposed to or said "
	    "to be a kind of place",
	    "Notes\n\nCarriers had long memories of Vinh Lai, a smaller port "
	    "in the north.\n\n\"Bao Son was a river port with a sandbar,\" "
	    "he said.\n\nJang Minho, the city's mayor, agreed, as did Lee "
	    "Sunwoo, a port official.",
	    { { "Vinh Lai", ENT_PLACE, 0 }, { "Bao Son", ENT_PLACE, 0 },
	      { "Jang Minho", ENT_PERSON, 0 },
	      { "Lee Sunwoo", ENT_PERSON, 0 } },
	    { NULL } },
	{ "wt-h15read: a masthead of fields between pipes: the outlet, a "
	    "section, a byline",
	    "Flood closes the ring road\n\nKTV News | Live | Updated 21:35\n\n"
	    "Harbour Trade Weekly | Ships & Terminals\n\nOBITUARIES | By "
	    "Magnus Stefansson Berg\n\nThe water rose overnight.",
	    { { "KTV News", ENT_ORG, 0 }, { "Harbour Trade Weekly", ENT_ORG, 0 },
	      { "Magnus Stefansson Berg", ENT_PERSON, 0 } },
	    { "Terminals", "Live" } },
	{ "wt-h15read: a known place in capitals and its country, a "
	    "paragraph of their own",
	    "Rebuilding the old town\n\nBy Anna Berg\n\nKAYSERI, Turkey\n\n"
	    "The workshop reopened in May.",
	    { { "KAYSERI", ENT_PLACE, 0 }, { "Turkey", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h15read: Icelandic words for a glacier, a lake, a waterfall "
	    "end a place's name",
	    "Notes\n\nShe measured Langjökull for years, camped by "
	    "Hvítárvatn and once walked to Hengifoss and across "
	    "Eldhraun.",
	    { { "Langjökull", ENT_PLACE, 0 }, { "Hvítárvatn", ENT_PLACE, 0 },
	      { "Hengifoss", ENT_PLACE, 0 }, { "Eldhraun", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h15read: Danish and Norwegian legal forms with a slash",
	    "Notes\n\nThe forwarder Torvald Shipping A/S agreed, and so did "
	    "Kestrel Freight I/S.",
	    { { "Torvald Shipping A/S", ENT_ORG, 0 },
	      { "Kestrel Freight I/S", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h15read: the plural of a facility a company runs heads it",
	    "Notes\n\nThe cargo went to Anna Gateway Terminals, and the "
	    "rest to Maria Airports and Bao Son Hotels.",
	    { { "Anna Gateway Terminals", ENT_ORG, 0 },
	      { "Maria Airports", ENT_ORG, 0 },
	      { "Bao Son Hotels", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h15read: widely known clubs by their short names",
	    "Notes\n\nThe striker left Juve for Barça in June, and Spurs "
	    "and Bayern were interested.",
	    { { "Juve", ENT_ORG, 0 }, { "Barça", ENT_ORG, 0 },
	      { "Spurs", ENT_ORG, 0 }, { "Bayern", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h15read: a team's scorers, each a name and a tally",
	    "Notes\n\nThe hosts won 31-30.\n\nHosts: Orvell 9, Dasken 7, "
	    "Marrow-Tull 5, others 10.",
	    { { "Dasken", ENT_PERSON, 0 }, { "Marrow-Tull", ENT_PERSON, 0 } },
	    { "others" } },
	{ "wt-h14read: a nationality, a word, and, words ending in an "
	    "organisation's: one name",
	    "Notes\n\nThe Icelandic Food and Veterinary Authority agreed, "
	    "and so did the Danish Coast and Harbour Agency.",
	    { { "Icelandic Food and Veterinary Authority", ENT_ORG, 0 },
	      { "Danish Coast and Harbour Agency", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h14read: a byline's outlet after a comma or a pipe; a date "
	    "line under a byline",
	    "Robbery at an exchange office\n\nBy Ingrid Halvorsen-Lund, "
	    "Kestrel Evening Post\nThursday, March 13, 2025, 4:52 p.m.\n\n"
	    "Two men robbed an office.",
	    { { "Ingrid Halvorsen-Lund", ENT_PERSON, 0 },
	      { "Kestrel Evening Post", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h14read: a byline of a name, a pipe, the outlet, the date",
	    "Salmon found in three rivers\n\nFarmers want answers\n\n"
	    "Ingrid Halvorsen | Fjordline Radio | Tuesday 14 May 2024 at "
	    "18:05\n\nEscaped salmon have been caught.",
	    { { "Ingrid Halvorsen", ENT_PERSON, 0 },
	      { "Fjordline Radio", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h14read: \", which\" at a hard wrap's line end says "
	    "organisation",
	    "Notes\n\nIts framework was reviewed by Verdantix, which\ncalled "
	    "it credible.",
	    { { "Verdantix", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h14read: the and a capitalised plural no list knows: a team",
	    "Notes\n\nThey face the Vantahs in Canberra on Friday, while the "
	    "hosts meet the Korimakos at home. Salmon are farmed in the "
	    "Ostfjords.",
	    { { "Vantahs", ENT_ORG, 0 }, { "Korimakos", ENT_ORG, 0 },
	      { "Ostfjords", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h14read: a Chamber of X is an organisation",
	    "Notes\n\nThe Chamber of Commerce agreed, and the Chamber of "
	    "Mines disagreed.",
	    { { "Chamber of Commerce", ENT_ORG, 0 },
	      { "Chamber of Mines", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h14read: \"in X, who\": the who is the person before",
	    "Notes\n\n\"We are still counting,\" said Tovan Reyes, a "
	    "biologist at the Marine Research Institute in Skarvafjordur, who "
	    "examined the fish.",
	    { { "Tovan Reyes", ENT_PERSON, 0 },
	      { "Skarvafjordur", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h14read: legislatures by their own names",
	    "Notes\n\nSaeima approved the bill on Monday. A vote in the "
	    "Riigikogu followed, and Landtag members met in Kiel. The bill has "
	    "been before the Folketinget since May.",
	    { { "Saeima", ENT_ORG, 0 }, { "Riigikogu", ENT_ORG, 0 },
	      { "Landtag", ENT_ORG, 0 }, { "Folketinget", ENT_ORG, 0 } },
	    { NULL } },
	{ "wt-h14read: a known place and a date, a paragraph of their own",
	    "Late surge falls short\n\nBy ANNA BERG\n\nTAMPERE, March 3\n\n"
	    "The hosts survived a frantic final ten minutes.",
	    { { "TAMPERE", ENT_PLACE, 0 } },
	    { NULL } },
	{ "wt-h14read: street words of more languages, before and after",
	    "Notes\n\nThe shop on Istiklal Caddesi closed. A march went down "
	    "Nevsky Prospekt. The office is on Vörösmarty tér, near Andrássy "
	    "út, and another on Sergels torg.",
	    { { "Istiklal Caddesi", ENT_PLACE, 0 },
	      { "Nevsky Prospekt", ENT_PLACE, 0 },
	      { "Vörösmarty tér", ENT_PLACE, 0 },
	      { "Andrássy út", ENT_PLACE, 0 },
	      { "Sergels torg", ENT_PLACE, 0 } },
	    { NULL } },
};

static void
ent_row(void **state)
{
	const struct ent_case *c = *state;
	size_t i;

	run(c->text);
	for (i = 1; i < A.nents; i++)
		assert_true(A.ents[i - 1].end <= A.ents[i].start);
	for (i = 0; i < testutil_nelem(c->want) && c->want[i].s != NULL; i++)
		has(c->want[i].s, c->want[i].type, c->want[i].from);
	for (i = 0; i < testutil_nelem(c->absent) && c->absent[i] != NULL;
	    i++)
		none_at(c->absent[i]);
}

/*
 * A user's rule ranked above the name heuristics keeps its type, even
 * where the document's votes would make the same string a PLACE.
 * (Regression: make_consistent used to retype it.)
 */
static void
test_user_rule_keeps_type(void **state)
{
	char dir[] = "/tmp/artread-test-ent.XXXXXX", path[64];
	const char *paths[2] = { "rules/default.ini", path };
	struct rules *r;
	struct diag d;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/user.ini", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[rule.link]\ntype = ORG\npattern = \"Seacombe Link\"\n"
	    "priority = 90\n", f);
	fclose(f);
	diag_init(&d);
	r = rules_load(paths, 2, &d);
	assert_non_null(r);
	assert_int_equal(d.errors, 0);
	analysis_free(&A);
	T = "The bridge, called the Seacombe Link, opens in Seacombe. "
	    "Crews at the Seacombe Link started work in Liverpool.";
	analysis_run(r, T, strlen(T), &A);
	has("Seacombe Link", ENT_ORG, 0);
	has("Seacombe Link", ENT_ORG, 40);
	rules_free(r);
	diag_free(&d);
	unlink(path);
	rmdir(dir);
}

/* Capitals in every script start names (\u0218, \u021a and \u0386 were
 * missed when upper case meant Latin-1, Latin Extended-A, basic Greek and
 * Cyrillic). */
static void
test_capitals_beyond_latin1(void **state)
{
	const char *greek = "\xce\x86\xce\xbd\xce\xbd\xce\xb1 "
	    "\xce\xa0\xce\xb1\xcf\x80\xce\xb1\xce\xb4\xce\xbf"
	    "\xcf\x80\xce\xbf\xcf\x8d\xce\xbb\xce\xbf\xcf\x85";
	size_t i, at;
	int found = 0;

	(void)state;
	run("The finance minister \xc8\x98tefan \xc8\x9aurcanu met "
	    "\xce\x86\xce\xbd\xce\xbd\xce\xb1 \xce\xa0\xce\xb1\xcf\x80"
	    "\xce\xb1\xce\xb4\xce\xbf\xcf\x80\xce\xbf\xcf\x8d\xce\xbb"
	    "\xce\xbf\xcf\x85 in Athens. Later \xc8\x9aurcanu said the talks "
	    "went well.");
	has("\xc8\x98tefan \xc8\x9aurcanu", ENT_PERSON, 0);
	has("\xc8\x9aurcanu", ENT_PERSON, 60);
	has("Athens", ENT_PLACE, 0);
	/* the Greek name is one mention, whole (its type is the
	 * recogniser's business) */
	at = (size_t)(strstr(T, greek) - T);
	for (i = 0; i < A.nents; i++)
		found |= A.ents[i].start == at &&
		    A.ents[i].end == at + strlen(greek);
	assert_true(found);
}

/*
 * The steps a block at a time (entities.h), with every block's pattern
 * rules' matches found first (ent_block_rules, before the lower-case
 * words and the votes, as analysis.c finds them beside the votes) or
 * last (ent_block_find): the same mentions as the whole text's.
 */
static void
test_rules_before_votes(void **state)
{
	struct strmap lower;
	struct ent_doc *doc;
	struct ent_block *b;
	struct ent_cands **c;
	struct entity *whole, *e;
	struct buf all;
	size_t *bounds, nb, i, k, nw, n, at;
	int early;

	(void)state;
	buf_init(&all);
	testrules_read_dir("sample-articles", &all);
	nw = ent_find(R, all.data, all.len, &whole, NULL);
	nb = analysis_blocks(all.data, all.len, 1, &bounds);
	assert_true(nb > 10);
	for (early = 0; early <= 1; early++) {
		doc = ent_doc_new(R, all.data, all.len,
		    utf8_valid(all.data, all.len));
		c = xcalloc(nb, sizeof *c);
		for (i = 0; early && i < nb; i++)
			c[i] = ent_block_rules(doc, bounds[i], bounds[i + 1],
			    NULL);
		strmap_init(&lower, 1);
		for (i = 0; i < nb; i++) {
			b = ent_block_new(doc, bounds[i], bounds[i + 1]);
			ent_block_lower(doc, b, &lower);
			ent_block_free(b);
		}
		ent_doc_add_lower(doc, &lower);
		strmap_free(&lower);
		for (i = 0; i < nb; i++) {
			b = ent_block_new(doc, bounds[i], bounds[i + 1]);
			ent_block_vote(doc, b);
			ent_block_free(b);
		}
		for (i = 0, at = 0; i < nb; i++) {
			b = ent_block_new(doc, bounds[i], bounds[i + 1]);
			n = early ? ent_block_found(doc, b, c[i], &e) :
			    ent_block_find(doc, b, &e, NULL);
			for (k = 0; k < n; k++, at++)
				if (at >= nw || e[k].start != whole[at].start ||
				    e[k].end != whole[at].end ||
				    e[k].type != whole[at].type)
					fail_msg("rules %s: mention %zu differs",
					    early ? "first" : "last", at);
			free(e);
			ent_block_free(b);
		}
		assert_int_equal(at, nw);
		free(c);
		ent_doc_free(doc);
	}
	free(bounds);
	free(whole);
	buf_free(&all);
}

int
main(void)
{
	static const struct CMUnitTest funcs[] = {
		cmocka_unit_test(test_user_rule_keeps_type),
		cmocka_unit_test(test_capitals_beyond_latin1),
		cmocka_unit_test(test_rules_before_votes),
	};

	testutil_run_with_table(funcs, ent_cases, ent_row, setup, teardown);
}
