/*
 * style.c: element names, style strings ("fg=yellow,bg=default,bold" or
 * "yellow on blue bold"), colour names and mapping any colour to the
 * nearest one a terminal can show (xterm's 256-colour palette).
 */
#include "artread/style.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/util.h"

static const char *element_names[] = {
#define STYLE_NAME(e, key, desc) key,
	STYLE_ELEMENTS(STYLE_NAME)
#undef STYLE_NAME
};

static const char *color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct {
	const char	*name;
	unsigned	 attr;
} attr_names[] = {
	{ "bold",	STYLE_BOLD },
	{ "bright",	STYLE_BOLD },
	{ "underline",	STYLE_UNDERLINE },
	{ "underscore",	STYLE_UNDERLINE },
	{ "reverse",	STYLE_REVERSE },
	{ "dim",	STYLE_DIM },
	{ "italic",	STYLE_ITALIC },
	{ "italics",	STYLE_ITALIC },
	{ "blink",	STYLE_BLINK },
	{ "standout",	STYLE_STANDOUT },
};

/* xterm's 16 system colours. */
static const unsigned char system_rgb[16][3] = {
	{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
	{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
	{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
	{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
};

/* The 6 levels of each component in the 6x6x6 cube (16-231). */
static const unsigned char cube_level[6] = { 0, 95, 135, 175, 215, 255 };

const char *
style_element_name(enum style_element el)
{
	if (el < 0 || el >= STYLE_EL__COUNT)
		return "unknown";
	return element_names[el];
}

int
style_element_from_name(const char *name)
{
	int i;

	for (i = 0; i < STYLE_EL__COUNT; i++)
		if (strcasecmp(element_names[i], name) == 0)
			return i;
	return -1;
}

struct style
style_unset(void)
{
	struct style s;

	s.fg = s.bg = STYLE_COLOR_UNSET;
	s.attrs = 0;
	return s;
}

struct style
style_layer(struct style base, struct style top)
{
	if (top.fg != STYLE_COLOR_UNSET)
		base.fg = top.fg;
	if (top.bg != STYLE_COLOR_UNSET)
		base.bg = top.bg;
	base.attrs |= top.attrs;
	return base;
}

/* A decimal number 0..max filling all of s, or -1. */
static int
parse_index(const char *s, int max)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > max)
		return -1;
	return (int)v;
}

static int
hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* "#rrggbb" (or the short "#rgb"). */
static int
parse_hex(const char *s, int *out)
{
	int v[6], i, n = (int)strlen(s);

	if (n != 6 && n != 3)
		return -1;
	for (i = 0; i < n; i++)
		if ((v[i] = hex_digit((unsigned char)s[i])) < 0)
			return -1;
	if (n == 3)
		*out = STYLE_RGB(v[0] * 17, v[1] * 17, v[2] * 17);
	else
		*out = STYLE_RGB(v[0] * 16 + v[1], v[2] * 16 + v[3],
		    v[4] * 16 + v[5]);
	return 0;
}

static int
parse_name(const char *s)
{
	int i;

	for (i = 0; i < 8; i++)
		if (strcasecmp(s, color_names[i]) == 0)
			return i;
	return -1;
}

int
style_parse_color(const char *text, int *out)
{
	int v;

	if (text == NULL || *text == '\0')
		return -1;
	if (strcasecmp(text, "default") == 0) {
		*out = STYLE_COLOR_DEFAULT;
		return 0;
	}
	if (*text == '#')
		return parse_hex(text + 1, out);
	if ((v = parse_name(text)) >= 0) {
		*out = v;
		return 0;
	}
	if (strncasecmp(text, "bright", 6) == 0) {
		text += 6;
		if (*text == '-')
			text++;
		if ((v = parse_name(text)) < 0)
			return -1;
		*out = v + 8;
		return 0;
	}
	if (strcasecmp(text, "grey") == 0 || strcasecmp(text, "gray") == 0) {
		*out = 8;
		return 0;
	}
	if (strncasecmp(text, "colour", 6) == 0)
		text += 6;
	else if (strncasecmp(text, "color", 5) == 0)
		text += 5;
	if ((v = parse_index(text, 255)) < 0)
		return -1;
	*out = v;
	return 0;
}

static int
parse_attr(const char *s, unsigned *attr)
{
	size_t i;

	for (i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (strcasecmp(s, attr_names[i].name) == 0) {
			*attr = attr_names[i].attr;
			return 0;
		}
	return -1;
}

/*
 * Copy text with the white space around '=' removed, so "fg = red" is one
 * word, and commas turned into spaces: the result splits at spaces.
 */
static char *
normalise(const char *text)
{
	char *copy = xmalloc(strlen(text) + 1), *q = copy;
	const char *p;

	for (p = text; *p != '\0'; p++) {
		if (*p == '=') {
			while (q > copy && q[-1] == ' ')
				q--;
			*q++ = '=';
			while (p[1] == ' ' || p[1] == '\t')
				p++;
		} else if (*p == ',' || isspace((unsigned char)*p))
			*q++ = ' ';
		else
			*q++ = *p;
	}
	*q = '\0';
	return copy;
}

/* One word of a style string; *want_bg is set after "on". */
static int
parse_word(char *w, struct style *s, int *want_bg, const char **err)
{
	unsigned attr;
	int c;

	if (*want_bg) {
		*want_bg = 0;
		if (style_parse_color(w, &s->bg) != 0) {
			*err = "bad colour after 'on'";
			return -1;
		}
		return 0;
	}
	if (strncasecmp(w, "fg=", 3) == 0 || strncasecmp(w, "bg=", 3) == 0) {
		if (style_parse_color(w + 3, &c) != 0) {
			*err = "bad colour (use a name, bright-NAME, 0-255, "
			    "colourN, #rrggbb or default)";
			return -1;
		}
		if (tolower((unsigned char)w[0]) == 'f')
			s->fg = c;
		else
			s->bg = c;
		return 0;
	}
	if (strcasecmp(w, "on") == 0) {
		*want_bg = 1;
		return 0;
	}
	if (strcasecmp(w, "none") == 0 || strcasecmp(w, "plain") == 0) {
		s->fg = s->bg = STYLE_COLOR_DEFAULT;
		s->attrs = 0;
		return 0;
	}
	if (parse_attr(w, &attr) == 0) {
		s->attrs |= attr;
		return 0;
	}
	if (strchr(w, '=') == NULL && style_parse_color(w, &c) == 0) {
		if (s->fg != STYLE_COLOR_UNSET) {
			*err = "two foreground colours (write 'FG on BG')";
			return -1;
		}
		s->fg = c;
		return 0;
	}
	*err = strchr(w, '=') != NULL ? "unknown setting (use fg= or bg=)" :
	    "unknown attribute or colour";
	return -1;
}

int
style_parse(const char *text, struct style *out, const char **err)
{
	struct style s = style_unset();
	char *copy, *w, *save = NULL;
	int want_bg = 0, rc = 0;
	const char *dummy;

	if (err == NULL)
		err = &dummy;
	copy = normalise(text);
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		if ((rc = parse_word(w, &s, &want_bg, err)) != 0)
			break;
	}
	free(copy);
	if (rc == 0 && want_bg) {
		*err = "'on' without a colour";
		rc = -1;
	}
	if (rc == 0)
		*out = s;
	return rc;
}

/* The RGB value of a palette index or an RGB colour. */
static void
color_rgb(int c, int rgb[3])
{
	if (STYLE_IS_RGB(c)) {
		rgb[0] = (c >> 16) & 0xff;
		rgb[1] = (c >> 8) & 0xff;
		rgb[2] = c & 0xff;
	} else if (c < 16) {
		rgb[0] = system_rgb[c][0];
		rgb[1] = system_rgb[c][1];
		rgb[2] = system_rgb[c][2];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = cube_level[c / 36];
		rgb[1] = cube_level[(c / 6) % 6];
		rgb[2] = cube_level[c % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = 8 + (c - 232) * 10;
}

/*
 * Squared distance with the usual cheap perceptual weights (green counts
 * most, blue least), enough to pick among palette entries.
 */
static long
color_distance(const int a[3], const int b[3])
{
	long dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];

	return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
}

/* The nearer (by RGB distance) of palette entries a and b. */
static int
nearer(const int rgb[3], int a, int b)
{
	int ca[3], cb[3];

	color_rgb(a, ca);
	color_rgb(b, cb);
	return color_distance(rgb, cb) < color_distance(rgb, ca) ? b : a;
}

/*
 * For 8 or 16 colours, RGB distance alone turns every pastel into white:
 * a 256-colour theme on TERM=screen would lose its highlights.  Pick the
 * hue first: a colour with some saturation becomes the basic colour of
 * its hue (or its bright twin, whichever is nearer, with 16 colours); a
 * grey becomes the nearest of black, white and their bright twins.
 */
static int
by_hue(const int rgb[3], int sixteen)
{
	/* Hue sectors of 60 degrees from red, as palette indexes. */
	static const int sector[6] = { 1, 3, 2, 6, 4, 5 };
	int max = rgb[0], min = rgb[0], i, base;
	double hue;

	for (i = 1; i < 3; i++) {
		if (rgb[i] > max)
			max = rgb[i];
		if (rgb[i] < min)
			min = rgb[i];
	}
	if (max - min < 40 || (max - min) * 100 < 20 * max) {
		base = nearer(rgb, 0, 7);
		return sixteen ? nearer(rgb, nearer(rgb, base, 8), 15) : base;
	}
	if (max == rgb[0])
		hue = 60.0 * (double)(rgb[1] - rgb[2]) / (max - min);
	else if (max == rgb[1])
		hue = 60.0 * (2.0 + (double)(rgb[2] - rgb[0]) / (max - min));
	else
		hue = 60.0 * (4.0 + (double)(rgb[0] - rgb[1]) / (max - min));
	if (hue < 0)
		hue += 360;
	base = sector[(int)((hue + 30) / 60) % 6];
	return sixteen ? nearer(rgb, base, base + 8) : base;
}

/*
 * With 256 colours only 16-255 are searched for an RGB colour, as tmux
 * does: the 16 system colours differ from terminal to terminal.
 */
int
style_nearest_color(int color, int ncolors)
{
	int rgb[3], cand[3], i, lo, hi, best;
	long d, bestd;

	if (color < 0)
		return color;
	if (!STYLE_IS_RGB(color) && color < ncolors)
		return color;
	if (STYLE_IS_RGB(color) && ncolors > 256)
		return color;
	if (ncolors < 8)
		return STYLE_COLOR_DEFAULT;
	color_rgb(color, rgb);
	if (ncolors < 256)
		return by_hue(rgb, ncolors >= 16);
	if (ncolors >= 256) {
		lo = 16;
		hi = 256;
	} else {
		lo = 0;
		hi = ncolors >= 16 ? 16 : 8;
	}
	best = lo;
	bestd = -1;
	for (i = lo; i < hi; i++) {
		color_rgb(i, cand);
		d = color_distance(rgb, cand);
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}
