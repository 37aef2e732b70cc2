/*
 * ansi.c: painted lines to ANSI text.
 */
#include "artread/ansi.h"

#include <string.h>

int
ansi_colors_for_term(const char *term)
{
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return 0;
	if (strncmp(term, "vt", 2) == 0)
		return 0;
	if (strstr(term, "256") != NULL || strstr(term, "direct") != NULL)
		return 256;
	return 8;
}

static void
add_color(struct buf *b, int color, int base, int ncolors)
{
	int c;

	if (color == STYLE_COLOR_UNSET || color == STYLE_COLOR_DEFAULT)
		return;
	c = style_nearest_color(color, ncolors);
	if (c < 8)
		buf_printf(b, ";%d", base + c);
	else if (c < 16 && ncolors <= 16)
		buf_printf(b, ";%d", base + 60 + c - 8);
	else
		buf_printf(b, ";%d;5;%d", base + 8, c);
}

void
ansi_sgr(struct buf *b, struct style st, int ncolors)
{
	static const struct {
		unsigned	attr;
		const char	*code;
	} attrs[] = {
		{ STYLE_BOLD, ";1" }, { STYLE_DIM, ";2" }, { STYLE_ITALIC, ";3" },
		{ STYLE_UNDERLINE, ";4" }, { STYLE_BLINK, ";5" },
		{ STYLE_REVERSE, ";7" }, { STYLE_STANDOUT, ";7" },
	};
	size_t i;

	buf_adds(b, "\033[0");
	for (i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (st.attrs & attrs[i].attr)
			buf_adds(b, attrs[i].code);
	if (ncolors > 0) {
		add_color(b, st.fg, 30, ncolors);
		add_color(b, st.bg, 40, ncolors);
	}
	buf_addc(b, 'm');
}

void
ansi_line_to(struct buf *b, int margin, const struct paint_line *l,
    int ncolors)
{
	size_t i;
	int styled = ncolors != 0;

	for (i = 0; i < (size_t)margin; i++)
		buf_addc(b, ' ');
	for (i = 0; i < l->nruns; i++) {
		const struct paint_run *r = &l->runs[i];

		if (styled)
			ansi_sgr(b, r->st, ncolors < 0 ? 0 : ncolors);
		buf_add(b, l->text.data + r->text_off, r->text_len);
	}
	if (styled && l->nruns > 0)
		buf_adds(b, "\033[0m");
	buf_addc(b, '\n');
}

void
ansi_write_line(FILE *out, int margin, const struct paint_line *l, int ncolors)
{
	struct buf b;

	buf_init(&b);
	ansi_line_to(&b, margin, l, ncolors);
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}
