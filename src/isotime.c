/*
 * isotime.c: reading and writing times.  The calendar arithmetic is the
 * proleptic Gregorian one of ISO 8601 (days from 1970-01-01 by the
 * civil-from-days formulas), so no time zone database and no timegm(3)
 * are involved.
 */
#include "artread/isotime.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The parts of a time as read, before the offset is applied. */
struct parts {
	long	year;
	int	mon, day, hour, min, sec;
	unsigned ms;
	long	offset;		/* seconds east of UTC */
};

static long long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long long)era * 146097 + doe - 719468;
}

static void
civil_from_days(long long z, long *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (long)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(long y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

void
isotime_format(long long secs, unsigned ms, char out[ISOTIME_LEN])
{
	long long days = secs / 86400, rem = secs % 86400;
	long y;
	int m, d;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)		/* outside what we read: clamp */
		y = y < 0 ? 0 : 9999;
	snprintf(out, ISOTIME_LEN, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ",
	    (unsigned)y % 10000, (unsigned)m % 100, (unsigned)d % 100,
	    (unsigned)(rem / 3600) % 100, (unsigned)(rem / 60 % 60),
	    (unsigned)(rem % 60), ms % 1000);
}

void
isotime_now(char out[ISOTIME_LEN])
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	isotime_format((long long)ts.tv_sec, (unsigned)(ts.tv_nsec / 1000000),
	    out);
}

/* Exactly n digits at *s: their value, and *s moves past them; -1. */
static long
digits(const char **s, int n)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return -1;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return v;
}

/* 1 or 2 digits. */
static long
short_number(const char **s)
{
	if (!isdigit((unsigned char)**s))
		return -1;
	return isdigit((unsigned char)(*s)[1]) ? digits(s, 2) : digits(s, 1);
}

static int
parts_valid(const struct parts *p)
{
	return p->year >= 0 && p->year <= 9999 && p->mon >= 1 &&
	    p->mon <= 12 && p->day >= 1 &&
	    p->day <= days_in_month(p->year, p->mon) && p->hour >= 0 &&
	    p->hour <= 24 && p->min >= 0 && p->min <= 59 && p->sec >= 0 &&
	    p->sec <= 60 && (p->hour < 24 || (p->min == 0 && p->sec == 0 &&
	    p->ms == 0));
}

/* "+HH:MM", "+HHMM", "+HH", "Z" (or nothing: UTC); -1 if bad. */
static int
iso_offset(const char *s, long *offset)
{
	long h, m = 0;
	int sign;

	*offset = 0;
	if (*s == '\0' || ((*s == 'Z' || *s == 'z') && s[1] == '\0'))
		return 0;
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if ((h = digits(&s, 2)) < 0 || h > 23)
		return -1;
	if (*s == ':')
		s++;
	if (*s != '\0' && ((m = digits(&s, 2)) < 0 || m > 59))
		return -1;
	if (*s != '\0')
		return -1;
	*offset = sign * (h * 3600 + m * 60);
	return 0;
}

/* ISO 8601 extended: date, and optionally a time and an offset. */
static int
parse_iso(const char *s, struct parts *p)
{
	if ((p->year = digits(&s, 4)) < 0 || *s++ != '-' ||
	    (p->mon = (int)digits(&s, 2)) < 0 || *s++ != '-' ||
	    (p->day = (int)digits(&s, 2)) < 0)
		return -1;
	if (*s == '\0')
		return 0;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return -1;
	s++;
	if ((p->hour = (int)digits(&s, 2)) < 0 || *s++ != ':' ||
	    (p->min = (int)digits(&s, 2)) < 0)
		return -1;
	if (*s == ':') {
		s++;
		if ((p->sec = (int)digits(&s, 2)) < 0)
			return -1;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return -1;
			for (int i = 0; i < 3; i++)
				p->ms = p->ms * 10 + (unsigned)(isdigit(
				    (unsigned char)*s) ? *s++ - '0' : 0);
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	return iso_offset(s, &p->offset);
}

static const char *const months[] = { "jan", "feb", "mar", "apr", "may",
    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

/* RFC 2822 zones: "+hhmm", and the names of its section 4.3. */
static int
rfc2822_zone(const char *z, long *offset)
{
	static const struct {
		const char	*name;
		int		 hours;
	} names[] = { { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
	    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
	    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 } };
	size_t i;
	long hhmm;
	int sign;

	*offset = 0;
	if (*z == '\0')
		return 0;
	if (*z == '+' || *z == '-') {
		sign = *z++ == '-' ? -1 : 1;
		if ((hhmm = digits(&z, 4)) < 0 || *z != '\0' ||
		    hhmm % 100 > 59 || hhmm / 100 > 23)
			return -1;
		*offset = sign * (hhmm / 100 * 3600 + hhmm % 100 * 60);
		return 0;
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(z, names[i].name) == 0) {
			*offset = names[i].hours * 3600L;
			return 0;
		}
	}
	/* Military zones: RFC 2822 says to read them as -0000. */
	return isalpha((unsigned char)z[0]) && z[1] == '\0' ? 0 : -1;
}

/* "[Day,] DD Mon YYYY HH:MM[:SS] [zone]". */
static int
parse_rfc2822(const char *s, struct parts *p)
{
	char mon[4];
	size_t i, k;
	long n;

	while (isalpha((unsigned char)*s))
		s++;			/* the day of the week */
	if (*s == ',')
		s++;
	while (*s == ' ')
		s++;
	if ((p->day = (int)short_number(&s)) < 0 || *s++ != ' ')
		return -1;
	for (k = 0; k < 3 && isalpha((unsigned char)*s); k++)
		mon[k] = (char)tolower((unsigned char)*s++);
	mon[k] = '\0';
	for (p->mon = 0; p->mon < 12 && strcmp(mon, months[p->mon]) != 0;
	    p->mon++)
		;
	if (p->mon++ == 12 || *s++ != ' ')
		return -1;
	for (n = 0, i = 0; isdigit((unsigned char)*s); i++)
		n = n * 10 + (*s++ - '0');
	if (i == 2)
		n += n < 50 ? 2000 : 1900;	/* RFC 2822 section 4.3 */
	else if (i != 4)
		return -1;
	p->year = n;
	if (*s++ != ' ' || (p->hour = (int)digits(&s, 2)) < 0 ||
	    *s++ != ':' || (p->min = (int)digits(&s, 2)) < 0)
		return -1;
	if (*s == ':' && (s++, (p->sec = (int)digits(&s, 2)) < 0))
		return -1;
	while (*s == ' ')
		s++;
	return rfc2822_zone(s, &p->offset);
}

/* Already "YYYY-MM-DDThh:mm:ss.mmmZ" with fields in range?  (The form
 * every time artread wrote has: no need to take it apart.) */
static int
quick_canonical(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	long y;
	int i, mon, day;

	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) :
		    s[i] != shape[i])
			return 0;
	}
	if (s[i] != '\0')
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	mon = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	return mon >= 1 && mon <= 12 && day >= 1 &&
	    day <= days_in_month(y, mon) && (s[11] - '0') * 10 +
	    (s[12] - '0') <= 23 && s[14] <= '5' && s[17] <= '5';
}

int
isotime_normalise(const char *s, char out[ISOTIME_LEN])
{
	struct parts p;
	long long secs;

	if (quick_canonical(s)) {
		memcpy(out, s, 25);
		return 0;
	}
	while (isspace((unsigned char)*s))
		s++;
	memset(&p, 0, sizeof p);
	if (parse_iso(s, &p) != 0) {
		memset(&p, 0, sizeof p);
		if (parse_rfc2822(s, &p) != 0)
			return -1;
	}
	if (!parts_valid(&p))
		return -1;
	if (p.sec == 60)
		p.sec = 59;		/* a leap second: xsd:dateTime has none */
	secs = days_from_civil(p.year, p.mon, p.day) * 86400LL +
	    p.hour * 3600LL + p.min * 60LL + p.sec - p.offset;
	if (secs < days_from_civil(0, 1, 1) * 86400LL ||
	    secs >= days_from_civil(10000, 1, 1) * 86400LL)
		return -1;
	isotime_format(secs, p.ms, out);
	return 0;
}

int
isotime_is_canonical(const char *s)
{
	char norm[ISOTIME_LEN];

	return strlen(s) == 24 && s[10] == 'T' && s[19] == '.' &&
	    s[23] == 'Z' && isotime_normalise(s, norm) == 0 &&
	    strcmp(norm, s) == 0;
}
