/* gen-news: deterministic generator of news-like text for benchmarks.
 *
 *   cc -O2 -o bench/out/gen-news bench/gen-news.c
 *   bench/out/gen-news SIZE_MB OUT_FILE      (SIZE_MB may be fractional)
 *
 * The output is one long "article": a headline, a byline, then paragraphs
 * separated by blank lines, with occasional sub-headings.  Sentences mention
 * fictional people, organisations and places (some with accents), quote
 * them in several shapes (straight and curly quotes, quotes that run over
 * several paragraphs), and contain dates, money, percentages, URLs, e-mail
 * addresses and @handles.  About a third of the paragraphs are hard-wrapped
 * at 72 columns.  The same SIZE_MB always gives the same bytes.
 *
 * Markers for the benchmark (each appears exactly once):
 *   top:  the headline, "Kestrel Valley Council Approves Record Harbour Budget"
 *   end:  the last line, "End of the Kestrel Gazette archive."
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)(((rng_state * 2685821657736338717ULL) >> 33) % n);
}

#define PICK(a) ((a)[rnd(N(a))])

static const char *first[] = {
	"Maren", "Adaeze", "Rhys", "Lorraine", "Kieran", "Helena", "José",
	"Zoë", "Łukasz", "Søren", "Amélie", "Tomás", "Björn", "Inès",
	"Priya", "Oluwaseun", "Mateo", "Chloé", "Dariusz", "Hana", "Émile",
	"Nikolai", "Fatima", "Ignacio", "Saoirse", "Jürgen", "Mei", "Ruairí",
	"Agnès", "Kwame", "Ottilie", "Raúl", "Yusuf", "Élodie", "Anders",
};
static const char *last[] = {
	"Holt", "Okafor", "Pettifer", "Castellano", "O'Dwyer", "Marsh",
	"Müller", "Ångström", "Świątek", "Kjærgaard", "Lefèvre", "Peña",
	"Åberg", "Dubois", "Ramanathan", "Adebayo", "Ferreira", "Moreau",
	"Wiśniewski", "Takahashi", "Giraud", "Volkov", "Haddad", "Ortíz",
	"Ní Bhriain", "Schäfer", "Lin", "Mac Giolla", "Bérenger", "Mensah",
	"Thorne", "Gutiérrez", "Demir", "Rousseau", "Lindqvist",
};
static const char *title[] = {
	"", "", "", "", "Dr. ", "Prof. ", "Mr. ", "Ms. ", "Councillor ",
	"Sen. ", "Gov. ", "Mayor ", "Judge ", "Rev. ",
};
static const char *role[] = {
	"chief executive", "finance director", "spokeswoman", "spokesman",
	"chief engineer", "union organiser", "deputy mayor", "senior analyst",
	"chair of the board", "head of research", "project manager",
	"harbour master", "economist", "lead counsel", "press officer",
};
static const char *org[] = {
	"Kestrel Valley Council", "Harlow & Pike Engineering Ltd.",
	"Brightwater Capital Inc.", "the Mersey Crossings Authority",
	"Northgate Rail Co.", "Vöslau Energie GmbH", "the Ministry of Ports",
	"Château-Roux Logistique S.A.", "the Lantern Rooms Trust",
	"Orrin Bay Fisheries Cooperative", "Greyhaven University",
	"the Federation of Dock Workers", "Ridley & Sons Holdings plc",
	"the Bureau of Coastal Statistics", "São Brás Baterias Lda.",
	"Nordlys Grid AS", "the Tidewater Residents' Association",
	"Atherton Mutual Bank", "the Office for Budget Scrutiny",
};
static const char *place[] = {
	"Kestrel Valley", "Orrin Bay", "Greyhaven", "Port Amsel", "Vöslau",
	"São Brás", "Château-Roux", "Tidewater", "Lindmark", "Ardcarrow",
	"Qëndra", "Mirefield", "Saint-Élise", "Nordlys", "Kaltenbrück",
	"Bayonne-sur-Lys", "Dunmore Quay", "Ystrad Fawr", "Peñalba",
};
static const char *month[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *weekday[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday",
};
static const char *thing[] = {
	"the harbour budget", "the bridge proposal", "the toll guarantee",
	"the battery plant", "the night ferry", "the grid upgrade",
	"the pension reform", "the rail link", "the dock strike",
	"the flood barrier", "the housing plan", "the water tariff",
	"the port expansion", "the school closures", "the wind farm",
};
static const char *verb[] = {
	"approved", "rejected", "delayed", "questioned", "defended",
	"criticised", "endorsed", "revised", "published", "blocked",
	"welcomed", "challenged", "postponed", "audited", "backed",
};
static const char *adv[] = {
	"narrowly", "unexpectedly", "quietly", "finally", "reluctantly",
	"again", "formally", "publicly", "once more", "in principle",
};
static const char *clause[] = {
	"after a session that ran past midnight",
	"despite objections from residents",
	"following months of negotiation",
	"amid concerns about rising costs",
	"as the deadline approached",
	"under pressure from local businesses",
	"in a vote that split the ruling group",
	"without consulting the neighbouring districts",
	"before the summer recess",
	"while inspectors were still on site",
};
static const char *qtext[] = {
	"We are not against a bridge, we are against a blank cheque",
	"Nobody in this room should pretend it is cheap",
	"This is the longest night of my political life",
	"The numbers simply do not add up",
	"We have waited long enough for this decision",
	"I would rather be honest about the risks than sorry later",
	"Our members will not accept another pay freeze",
	"The water is lower than anyone here can remember",
	"It is buildable, and it can be open on time",
	"A guarantee that expires when the cameras leave is no guarantee",
	"We will study the report carefully before we comment",
	"Every family on this coast will feel the difference",
	"Nobody told us the ferry would stop for good",
	"The market has already priced in the delay",
};
static const char *qverb[] = {
	"said", "told reporters", "added", "insisted", "warned", "argued",
	"wrote in a statement", "said on Tuesday", "told the chamber",
};
static const char *filler[] = {
	"The figures were first reported by The Kestrel Gazette",
	"Officials declined to give a timetable for the next stage",
	"The proposal will now go to a public consultation",
	"Critics say the estimates rest on optimistic traffic forecasts",
	"Shares in the company rose in early trading",
	"The agreement still needs the approval of the regional assembly",
	"Several councillors left the meeting before the final vote",
	"Residents gathered outside the town hall in the rain",
	"The report runs to more than four hundred pages",
	"Engineers expect the work to take at least three years",
	"The opposition has promised to challenge the decision in court",
	"Inflation in the region has stayed above the national average",
};
static const char *subhead[] = {
	"Costs and overruns", "What happens next", "Reaction on the waterfront",
	"The financing plan", "A divided council", "Voices from the docks",
	"Background", "The view from the markets", "Legal challenges",
};
static const char *tld[] = { "example", "test", "invalid" };
static const char *slug[] = {
	"harbour-budget", "bridge-vote", "dock-strike", "grid-warning",
	"battery-deal", "low-water", "ferry-cuts", "toll-guarantee",
};

/* ---- output buffer: a paragraph is built here, then written (wrapped) */

static char para[1 << 16];
static size_t plen;
static FILE *out;
static unsigned long long written;

static void put(const char *s)
{
	size_t n = strlen(s);
	if (plen + n < sizeof(para)) {
		memcpy(para + plen, s, n);
		plen += n;
	}
}

static void putf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void putf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(para + plen, sizeof(para) - plen, fmt, ap);
	va_end(ap);
	if (n > 0 && plen + (size_t)n < sizeof(para))
		plen += (size_t)n;
}

static void emit(const char *s, size_t n)
{
	fwrite(s, 1, n, out);
	written += n;
}

/* Write the paragraph, hard-wrapped at `width` columns (0: one line).
 * Columns count code points, not bytes. */
static void flush_para(int width)
{
	if (width <= 0) {
		emit(para, plen);
		emit("\n", 1);
	} else {
		size_t start = 0, last_space = (size_t)-1, i = 0;
		int col = 0;
		while (i < plen) {
			if (para[i] == ' ')
				last_space = i;
			if (((unsigned char)para[i] & 0xC0) != 0x80)
				col++;
			if (col > width && last_space != (size_t)-1 && last_space > start) {
				emit(para + start, last_space - start);
				emit("\n", 1);
				start = last_space + 1;
				last_space = (size_t)-1;
				/* recount columns of the carried-over text */
				col = 0;
				for (size_t j = start; j <= i; j++)
					if (((unsigned char)para[j] & 0xC0) != 0x80)
						col++;
			}
			i++;
		}
		emit(para + start, plen - start);
		emit("\n", 1);
	}
	plen = 0;
}

/* ---- pieces of text */

/* A sentence's full stop, unless the text already ends with one (Ltd.). */
static void stop(void)
{
	if (plen == 0 || para[plen - 1] != '.')
		put(".");
}

/* `s` with its first letter capitalised (organisations start "the ...") */
static void put_cap(const char *s)
{
	if (*s >= 'a' && *s <= 'z') {
		char c[2] = { (char)(*s - 'a' + 'A'), 0 };
		put(c);
		s++;
	}
	put(s);
}

static const char *saidverb[] = { "said", "added", "insisted", "warned", "argued" };

static void person(int with_title)
{
	if (with_title)
		put(PICK(title));
	put(PICK(first));
	put(" ");
	put(PICK(last));
}

static void surname(void) { put(PICK(last)); }

static void date(void)
{
	switch (rnd(4)) {
	case 0: putf("%s %u, %u", PICK(month), 1 + rnd(28), 2019 + rnd(8)); break;
	case 1: putf("%u %s %u", 1 + rnd(28), PICK(month), 2019 + rnd(8)); break;
	case 2: putf("%u-%02u-%02u", 2019 + rnd(8), 1 + rnd(12), 1 + rnd(28)); break;
	default: put("on "); put(PICK(weekday)); break;
	}
}

static void money(void)
{
	switch (rnd(6)) {
	case 0: putf("£%um", 10 + rnd(900)); break;
	case 1: putf("$%u million", 5 + rnd(500)); break;
	case 2: putf("€%u.%ubn", 1 + rnd(20), rnd(10)); break;
	case 3: putf("£%u,%03u", 1 + rnd(99), rnd(1000)); break;
	case 4: putf("%u million kroner", 20 + rnd(800)); break;
	default: putf("$%u.%02u", 1 + rnd(99), rnd(100)); break;
	}
}

static void percent(void)
{
	if (rnd(2))
		putf("%u%%", 1 + rnd(60));
	else
		putf("%u.%u per cent", rnd(20), rnd(10));
}

static void url(int kind)
{
	switch (kind) {
	case 0:
		putf("https://www.kestrel-gazette.%s/%u/%02u/%s", PICK(tld),
		     2019 + rnd(8), 1 + rnd(12), PICK(slug));
		break;
	case 1:
		putf("press@%s-council.%s", "kestrel", PICK(tld));
		break;
	default: {
		const char *f = PICK(first);
		const char *l = PICK(last);
		put("@");
		/* ASCII-only handle from the first letters of the names */
		for (const char *p = f; *p && p - f < 5; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				putf("%c", *p);
		put("_");
		for (const char *p = l; *p && p - l < 6; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				putf("%c", *p);
		break;
	}
	}
}

static void sentence(void)
{
	switch (rnd(12)) {
	case 0: /* “…,” said X. */
		put("“"); put(PICK(qtext)); put(",” "); put(PICK(saidverb)); put(" ");
		person(1); put(", the "); put(PICK(role)); put(" of "); put(PICK(org));
		stop();
		break;
	case 1: /* "…," X said. */
		put("\""); put(PICK(qtext)); put(",\" "); person(0); put(" ");
		put(PICK(qverb)); put(".");
		break;
	case 2: /* X said: “…” */
		surname(); put(" "); put(PICK(qverb)); put(": “"); put(PICK(qtext));
		put(".”");
		break;
	case 3: /* X said that …, adding: "…" */
		person(1); put(" said "); put(PICK(thing)); put(" would cost ");
		money(); put(", adding: \""); put(PICK(qtext)); put(".\"");
		break;
	case 4:
		put_cap(PICK(org)); put(" "); put(PICK(adv)); put(" "); put(PICK(verb));
		put(" "); put(PICK(thing)); put(" "); put(PICK(clause)); put(".");
		break;
	case 5:
		put("The plan, first announced "); date(); put(", would raise ");
		put(PICK(thing) + 4); put(" costs by "); percent(); put(" to ");
		money(); put(".");
		break;
	case 6:
		put("In "); put(PICK(place)); put(", "); person(1); put(", "); put(PICK(role));
		put(" at "); put(PICK(org)); put(", said the vote "); date();
		put(" was \"a turning point\" for the region.");
		break;
	case 7:
		put("Details are published at "); url(0); put(" and questions can be sent to ");
		url(1 + (int)rnd(2)); put(".");
		break;
	case 8:
		put(PICK(filler)); put(".");
		break;
	case 9:
		put("Turnout fell to "); percent(); put(" in "); put(PICK(place));
		put(", down from "); percent(); put(" in "); putf("%u", 2010 + rnd(12));
		put(".");
		break;
	case 10:
		put("On social media, "); url(2); put(" called it “"); put(PICK(qtext));
		put("”, a post shared more than "); putf("%u,%03u", 1 + rnd(90), rnd(1000));
		put(" times.");
		break;
	default:
		put(PICK(filler)); put(", "); put("according to "); person(1);
		put(" of "); put(PICK(org)); stop();
		break;
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s SIZE_MB OUT_FILE\n", argv[0]);
		return 2;
	}
	double mb = atof(argv[1]);
	if (mb <= 0) {
		fprintf(stderr, "gen-news: bad size '%s'\n", argv[1]);
		return 2;
	}
	unsigned long long target = (unsigned long long)(mb * 1024 * 1024);
	out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	static char obuf[1 << 20];
	setvbuf(out, obuf, _IOFBF, sizeof(obuf));

	const char *end = "End of the Kestrel Gazette archive.\n";
	unsigned long long reserve = strlen(end) + 1;

	put("Kestrel Valley Council Approves Record Harbour Budget");
	flush_para(0);
	emit("\n", 1);
	put("By "); person(0);
	flush_para(0);
	emit("\n", 1);

	unsigned long long nparas = 0;
	int in_long_quote = 0;
	while (written + reserve < target) {
		int width = rnd(3) == 0 ? 72 : 0;
		if (nparas % 40 == 39) {
			put(PICK(subhead));
			flush_para(0);
			emit("\n", 1);
		}
		if (in_long_quote) {
			/* continuation of a quote over several paragraphs:
			 * each opens with “, only the last one closes. */
			put("“"); put(PICK(qtext)); put(". "); put(PICK(qtext)); put(".");
			if (--in_long_quote == 0)
				put("”");
		} else if (rnd(25) == 0) {
			put_cap(PICK(org)); put("'s "); put(PICK(role)); put(", ");
			person(1); put(", addressed the meeting. “"); put(PICK(qtext));
			put(".");
			in_long_quote = 1 + (int)rnd(2);
		} else {
			if (nparas == 0) {
				/* dateline */
				put("KESTREL VALLEY -- ");
			}
			int ns = 2 + (int)rnd(5);
			for (int s = 0; s < ns; s++) {
				if (s)
					put(" ");
				sentence();
			}
		}
		flush_para(width);
		emit("\n", 1);
		nparas++;
	}
	emit(end, strlen(end));
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
