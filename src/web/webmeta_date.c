/*
 * webmeta_date.c: dates as pages write them, normalised to ISO 8601
 * (webmeta_date in webmeta.h).  A date is only accepted when it exists
 * (no 31 February, no hour 25); a time zone is kept as given, a zero
 * offset written "Z".
 */
#include "artread/webmeta.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct date {
	int	year, month, day;
	int	has_time, hour, min, sec;
	int	has_zone, zone_min;	/* offset east of UTC, in minutes */
};

static const char *const months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

static int
days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

static int
valid(const struct date *d)
{
	if (d->year < 1800 || d->year > 2200 || d->month < 1 ||
	    d->month > 12 || d->day < 1 ||
	    d->day > days_in_month(d->year, d->month))
		return 0;
	if (d->has_time && (d->hour > 23 || d->min > 59 || d->sec > 60))
		return 0;
	return !d->has_zone || (d->zone_min > -16 * 60 && d->zone_min < 16 * 60);
}

/* n digits at *s into *v; advances *s. */
static int
digits(const char **s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return 0;
		*v = *v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return 1;
}

/* 1 or 2 digits. */
static int
small_number(const char **s, int *v)
{
	if (!isdigit((unsigned char)**s))
		return 0;
	if (isdigit((unsigned char)(*s)[1]))
		return digits(s, 2, v);
	return digits(s, 1, v);
}

/* "Z", "GMT", "UTC", "+01:00", "+0100", "+01", "-04:00". */
static void
parse_zone(const char *s, struct date *d)
{
	int sign, hh, mm = 0;

	while (*s == ' ')
		s++;
	if (*s == 'Z' || strncmp(s, "GMT", 3) == 0 || strncmp(s, "UTC", 3) == 0) {
		d->has_zone = 1;
		d->zone_min = 0;
		return;
	}
	if (*s != '+' && *s != '-')
		return;
	sign = *s == '-' ? -1 : 1;
	s++;
	if (!digits(&s, 2, &hh))
		return;
	if (*s == ':')
		s++;
	if (isdigit((unsigned char)*s) && !digits(&s, 2, &mm))
		return;
	d->has_zone = 1;
	d->zone_min = sign * (hh * 60 + mm);
}

/* "10:15", "10:15:00", "10:15:00.452", then a zone. */
static void
parse_time(const char *s, struct date *d)
{
	int h, m, sec = 0;

	if (!small_number(&s, &h) || *s++ != ':' || !digits(&s, 2, &m))
		return;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &sec))
			return;
		if (*s == '.' || *s == ',') {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	d->has_time = 1;
	d->hour = h;
	d->min = m;
	d->sec = sec;
	parse_zone(s, d);
}

/* "2026-03-04", then "T10:15..." or " 10:15...". */
static int
parse_iso(const char *s, struct date *d)
{
	const char *p = strchr(s, '-');

	for (; p != NULL; p = strchr(p + 1, '-')) {
		const char *q = p - 4;

		if (p - s < 4 || !digits(&q, 4, &d->year) ||
		    (p - s > 4 && isdigit((unsigned char)p[-5])))
			continue;
		q = p + 1;
		if (!digits(&q, 2, &d->month) || *q++ != '-' ||
		    !digits(&q, 2, &d->day) || isdigit((unsigned char)*q))
			continue;
		if (*q == 'T' || *q == ' ')
			parse_time(q + 1, d);
		return 1;
	}
	return 0;
}

static int
month_at(const char *s, size_t *len)
{
	int i;
	size_t n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if ((n == strlen(months[i]) || (n == 3) ||
		    (n == 4 && strncasecmp(s, "sept", 4) == 0)) &&
		    strncasecmp(s, months[i], n == 4 && i == 8 ? 3 : n) == 0) {
			*len = n;
			return i + 1;
		}
	return 0;
}

/* A four-digit year at s, not part of a longer number. */
static int
year_at(const char *s, int *year)
{
	const char *p = s;

	return digits(&p, 4, year) && !isdigit((unsigned char)*p);
}

/* "4 March 2026", "4th March 2026", "March 4, 2026", "Mar. 4 2026",
 * optionally followed by a time. */
static int
parse_written(const char *s, struct date *d)
{
	const char *p;
	size_t mlen;
	int m;

	for (p = s; *p != '\0'; p++) {
		if (!isalpha((unsigned char)*p) || (p > s && isalpha((unsigned char)p[-1])))
			continue;
		if ((m = month_at(p, &mlen)) == 0)
			continue;
		/* Month D, YYYY */
		{
			const char *q = p + mlen;

			if (*q == '.')
				q++;
			while (*q == ' ')
				q++;
			if (small_number(&q, &d->day)) {
				while (isalpha((unsigned char)*q))
					q++;	/* 4th */
				if (*q == ',')
					q++;
				while (*q == ' ')
					q++;
				if (year_at(q, &d->year)) {
					d->month = m;
					return 1;
				}
			}
		}
		/* D Month YYYY: look back for the day. */
		{
			const char *q = p;

			while (q > s && (q[-1] == ' ' || q[-1] == '.' ||
			    isalpha((unsigned char)q[-1])) && p - q < 6)
				q--;
			if (q > s && isdigit((unsigned char)q[-1])) {
				const char *dq = q - 1;

				if (dq > s && isdigit((unsigned char)dq[-1]))
					dq--;
				if (small_number(&dq, &d->day)) {
					const char *y = p + mlen;

					if (*y == ',')
						y++;
					while (*y == ' ')
						y++;
					if (year_at(y, &d->year)) {
						d->month = m;
						y += 4;
						while (*y == ',' || *y == ' ')
							y++;
						if (isdigit((unsigned char)*y))
							parse_time(y, d);
						return 1;
					}
				}
			}
		}
	}
	return 0;
}

/* 2026年3月4日, optionally 15時30分. */
static int
parse_cjk(const char *s, struct date *d)
{
	static const char nen[] = "\xe5\xb9\xb4", gatsu[] = "\xe6\x9c\x88",
	    nichi[] = "\xe6\x97\xa5", ji[] = "\xe6\x99\x82", fun[] = "\xe5\x88\x86";
	const char *p = strstr(s, nen), *q;

	if (p == NULL || p - s < 4)
		return 0;
	q = p - 4;
	if (!year_at(q, &d->year))
		return 0;
	q = p + 3;
	if (!small_number(&q, &d->month) || strncmp(q, gatsu, 3) != 0)
		return 0;
	q += 3;
	if (!small_number(&q, &d->day) || strncmp(q, nichi, 3) != 0)
		return 0;
	q += 3;
	while (*q == ' ')
		q++;
	if (small_number(&q, &d->hour) && strncmp(q, ji, 3) == 0) {
		q += 3;
		if (small_number(&q, &d->min) && strncmp(q, fun, 3) == 0)
			d->has_time = 1;
	}
	return 1;
}

int
webmeta_date(const char *in, char *out, size_t outsz)
{
	struct date d;

	if (in == NULL)
		return -1;
	memset(&d, 0, sizeof d);
	if (!parse_iso(in, &d)) {
		memset(&d, 0, sizeof d);
		if (!parse_written(in, &d)) {
			memset(&d, 0, sizeof d);
			if (!parse_cjk(in, &d))
				return -1;
		}
	}
	if (!valid(&d))
		return -1;
	if (!d.has_time)
		snprintf(out, outsz, "%04d-%02d-%02d", d.year, d.month, d.day);
	else if (!d.has_zone)
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d", d.year,
		    d.month, d.day, d.hour, d.min, d.sec);
	else if (d.zone_min == 0)
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year,
		    d.month, d.day, d.hour, d.min, d.sec);
	else
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		    d.year, d.month, d.day, d.hour, d.min, d.sec,
		    d.zone_min < 0 ? '-' : '+', (d.zone_min < 0 ? -d.zone_min :
		    d.zone_min) / 60, (d.zone_min < 0 ? -d.zone_min :
		    d.zone_min) % 60);
	return 0;
}
