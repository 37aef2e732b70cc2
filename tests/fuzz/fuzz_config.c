/*
 * fuzz_config.c: the theme loader, the config loader, the key-name and
 * style parsers.  The whole input is loaded as a theme file and as a
 * config file; each line of it is also given to keymap_parse_key and
 * style_parse (and each word to keymap_parse_key).
 */
#include "fuzz.h"

#include "artread/config.h"
#include "artread/diag.h"
#include "artread/keymap.h"
#include "artread/style.h"
#include "artread/theme.h"
#include "artread/util.h"

static char theme_path[128];
static char config_path[128];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(theme_path, sizeof(theme_path), "%s/fuzz.ini",
	    fuzz_tmpdir());
	snprintf(config_path, sizeof(config_path), "%s/config.ini",
	    fuzz_tmpdir());
	return 0;
}

static void
parse_line(const char *s)
{
	struct style st;
	const char *err;
	char *copy, *w, *save;

	(void)keymap_parse_key(s);
	(void)style_parse(s, &st, &err);
	(void)style_parse_color(s, &st.fg);
	copy = xstrdup(s);
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save))
		(void)keymap_parse_key(w);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct theme *t;
	struct diag d;
	char *text, *line, *save;

	/* Lines of the input, as C strings. */
	text = xstrndup((const char *)data, size);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		parse_line(line);
	free(text);

	diag_init(&d);
	fuzz_write(theme_path, data, size);
	t = theme_load_file(theme_path, &d);
	if (t != NULL)
		theme_free(t);
	unlink(theme_path);

	fuzz_write(config_path, data, size);
	config_init(&cfg);
	(void)config_load_file(&cfg, config_path, &d);
	config_free(&cfg);
	unlink(config_path);
	diag_free(&d);
	return 0;
}
