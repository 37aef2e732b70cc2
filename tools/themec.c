/*
 * themec.c: compiles a theme file into C (struct theme_compiled,
 * theme.h): its bytes and the theme they load to.  make runs it on
 * themes/default.ini; artread registers the result at start and takes
 * it instead of parsing a file that holds the same bytes.  A theme that
 * inherits (it depends on other files) or that loads with any warning
 * or error is refused: the build fails and says why.
 *
 *   themec INI SYMBOL OUT.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artread/diag.h"
#include "artread/ini.h"
#include "artread/theme.h"
#include "artread/util.h"

/* s as a C string literal, every byte but plain ASCII in octal. */
static void
put_literal(FILE *f, const char *s, size_t n)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			fputs(i + 1 < n ? "\\n\"\n\t\"" : "\\n", f);
		else if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f || c == '?')
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void
put_style(FILE *f, struct style s)
{
	fprintf(f, "{ %d, %d, %#xu }", s.fg, s.bg, s.attrs);
}

static void
put_theme(FILE *f, const struct theme *t, const char *sym, const char *text,
    size_t len, const char *src)
{
	size_t i;

	fprintf(f, "/* %s, compiled by tools/themec.c: do not edit. */\n"
	    "#include \"artread/theme.h\"\n\n", src);
	fprintf(f, "static const char *const tag_names[] = {");
	for (i = 0; i < t->ntags; i++) {
		fputs(i ? ", " : " ", f);
		put_literal(f, t->tags[i].name, strlen(t->tags[i].name));
	}
	fprintf(f, "%s};\n\nstatic const struct style tag_styles[] = {",
	    t->ntags ? " " : " NULL ");
	for (i = 0; i < t->ntags; i++) {
		fputs(i ? ",\n\t" : "\n\t", f);
		put_style(f, t->tags[i].style);
	}
	fprintf(f, "%s};\n\nconst struct theme_compiled %s;\n"
	    "const struct theme_compiled %s = {\n\t", t->ntags ? "\n" :
	    "{ 0, 0, 0 } ", sym, sym);
	put_literal(f, text, len);
	fprintf(f, ",\n\t%zu,\n\t", len);
	put_literal(f, t->description, strlen(t->description));
	fputs(",\n\t{", f);
	for (i = 0; i < STYLE_EL__COUNT; i++) {
		fputs(i ? ",\n\t    " : " ", f);
		put_style(f, t->el[i]);
	}
	fputs(" },\n\t{", f);
	for (i = 0; i < STYLE_EL__COUNT; i++)
		fprintf(f, "%s%u", i ? ", " : " ", t->set[i]);
	fprintf(f, " },\n\ttag_names, tag_styles, %zu,\n\t", t->ntags);
	put_literal(f, t->name, strlen(t->name));
	fputs("\n};\n", f);
}

int
main(int argc, char **argv)
{
	struct diag d;
	struct theme *t;
	struct ini *ini;
	char *text;
	size_t len;
	FILE *f;
	int inherits;

	if (argc != 4) {
		fprintf(stderr, "usage: themec INI SYMBOL OUT.c\n");
		return 2;
	}
	diag_init(&d);
	ini = ini_load(argv[1], &d);
	inherits = ini != NULL && ini_find(ini, "theme", "inherit") != NULL;
	ini_free(ini);
	t = theme_load_file(argv[1], &d);
	if (t == NULL || d.errors > 0 || d.warnings > 0 || inherits) {
		diag_print(&d, stderr);
		fprintf(stderr, "themec: %s: %s\n", argv[1], inherits ?
		    "a theme that inherits cannot be compiled" :
		    "not compiled (see above)");
		return 1;
	}
	diag_free(&d);
	if ((text = util_read_file(argv[1], &len)) == NULL ||
	    (f = fopen(argv[3], "w")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	put_theme(f, t, argv[2], text, len, argv[1]);
	if (fclose(f) != 0) {
		perror(argv[3]);
		return 1;
	}
	free(text);
	theme_free(t);
	return 0;
}
