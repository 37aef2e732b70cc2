/*
 * keymap.c: key names and the per-mode tables from keys to actions.  The
 * default bindings are [keys] lines parsed by the same code as the
 * user's (as tmux's key-bindings.c does), so --help, the help screen and
 * the man page list whatever the table holds.
 */
#include "artread/keymap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artread/ini.h"
#include "artread/utf8.h"

struct binding {
	int		key[KEYMAP_SEQ_MAX];	/* a sequence: ZZ */
	size_t		nkeys;
	enum action	action;
	int		line;	/* the user's config line; 0 = a default */
};

struct keymap {
	struct binding	*b[ACTION_MODE__COUNT];
	size_t		 n[ACTION_MODE__COUNT];
	unsigned char	 named[ACTION__COUNT];	/* by a [keys] line */
};

/* Less habits in the pager, vim's while selecting; ACTION_LIST order. */
static const char *const default_lines[] = {
	"line_down = j <Down> <Enter> <C-n> <C-e> e",
	"line_up = k <Up> <C-p> <C-y> y",
	"page_down = <Space> f <PgDn> <C-f>",
	"page_up = b <PgUp> <C-b>",
	"half_page_down = d <C-d>",
	"half_page_up = <C-u>",
	"top = g <Home> <",
	"bottom = G <End> >",
	"percent = %",
	"search_forward = /",
	"search_backward = ?",
	"search_next = n",
	"search_prev = N",
	"set_mark = m",
	"goto_mark = '",
	"next_file =",		/* :n, through colon */
	"prev_file =",		/* :p, through colon */
	"colon = :",
	"word_next = w",
	"word_prev = W",
	"sentence_next = )",
	"sentence_prev = (",
	"paragraph_next = }",
	"paragraph_prev = {",
	"highlight_next = <Tab>",
	"highlight_prev = <S-Tab>",
	"next_quote = J",
	"prev_quote = K",
	"next_same = *",
	"prev_same = <Hash>",
	"filter = &",
	"file_info = = <C-g>",
	"open_file =",		/* :e, through colon */
	"select = v",
	"select_sentence = s",
	"select_paragraph = p",
	"select_object = o",
	"tag_palette = t",
	"note = a",
	"delete_annotation = x",
	"undo = u",
	"redo = <C-r>",
	"next_annotation = ]",
	"prev_annotation = [",
	"cycle_annotation = c",
	"read_notes = i",
	"annotations_panel = A",
	"quotes_panel = Q",
	"entities_panel = E",
	"cycle_layers = H",
	"cycle_theme = T",
	"export = X",
	"help = h <F1>",
	"redraw = <C-l>",
	"reload = R",
	"differences = D",
	"quit = q ZZ",
	"select_left = h <Left>",
	"select_right = l <Right>",
	"select_word_next = w",
	"select_word_prev = b",
	"select_word_end = e",
	"select_down = j <Down>",
	"select_up = k <Up>",
	"select_row_start = 0 <Home>",
	"select_row_end = $ <End>",
	"select_sentence_next = )",
	"select_sentence_prev = (",
	"select_paragraph_next = }",
	"select_paragraph_prev = {",
	"select_cancel = <Esc> <C-g> q",
	"select_copy = y",
	"select_copy_citation = Y",
};

/* Names inside <>; the first name of a code is the one printed. */
static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "Space",	' ' },
	{ "Enter",	KEYMAP_ENTER },
	{ "CR",		KEYMAP_ENTER },
	{ "Return",	KEYMAP_ENTER },
	{ "Tab",	KEYMAP_TAB },
	{ "S-Tab",	KEYMAP_BTAB },
	{ "BTab",	KEYMAP_BTAB },
	{ "Esc",	KEYMAP_ESC },
	{ "Escape",	KEYMAP_ESC },
	{ "BS",		KEYMAP_BACKSPACE },
	{ "Backspace",	KEYMAP_BACKSPACE },
	{ "Del",	KEYMAP_DELETE },
	{ "Delete",	KEYMAP_DELETE },
	{ "Ins",	KEYMAP_INSERT },
	{ "Insert",	KEYMAP_INSERT },
	{ "Up",		KEYMAP_UP },
	{ "Down",	KEYMAP_DOWN },
	{ "Left",	KEYMAP_LEFT },
	{ "Right",	KEYMAP_RIGHT },
	{ "PgUp",	KEYMAP_PGUP },
	{ "PageUp",	KEYMAP_PGUP },
	{ "PgDn",	KEYMAP_PGDN },
	{ "PageDown",	KEYMAP_PGDN },
	{ "Home",	KEYMAP_HOME },
	{ "End",	KEYMAP_END },
	{ "Resize",	KEYMAP_RESIZE },
	{ "ScrollUp",	KEYMAP_MOUSE_WHEEL_UP },
	{ "WheelUp",	KEYMAP_MOUSE_WHEEL_UP },
	{ "ScrollDown",	KEYMAP_MOUSE_WHEEL_DOWN },
	{ "WheelDown",	KEYMAP_MOUSE_WHEEL_DOWN },
	{ "M-Enter",	KEYMAP_ALT_ENTER },
	{ "A-Enter",	KEYMAP_ALT_ENTER },
	{ "Lt",		'<' },
	{ "Gt",		'>' },
	{ "Hash",	'#' },
	{ "Semicolon",	';' },
	{ "Bslash",	'\\' },
	{ "Bar",	'|' },
};

#define NITEMS(a)	(sizeof (a) / sizeof (a)[0])

int
keymap_normalize(int key)
{
	switch (key) {
	case '\n':
	case '\r':
		return KEYMAP_ENTER;
	case '\t':
		return KEYMAP_TAB;
	case 27:
		return KEYMAP_ESC;
	case 8:
	case 127:
		return KEYMAP_BACKSPACE;
	}
	return key;
}

/* Decode one UTF-8 character filling all of s; -1 if it is not one. */
static int
utf8_one(const char *s)
{
	uint32_t cp;
	size_t n = strlen(s), len = utf8_decode(s, n, &cp);

	return len == 0 || len != n ? -1 : (int)cp;
}

/* The name inside <>: "C-x", "F5", "PgDn". */
static int
parse_bracketed(const char *in)
{
	size_t i;
	int n;
	char *end;

	for (i = 0; i < NITEMS(key_names); i++)
		if (strcasecmp(in, key_names[i].name) == 0)
			return key_names[i].key;
	if ((in[0] == 'C' || in[0] == 'c') && in[1] == '-' && in[2] != '\0' &&
	    in[3] == '\0') {
		n = (unsigned char)in[2];
		if (isalpha(n))
			return tolower(n) & 0x1f;
		if (n >= '@' && n <= '_')
			return n & 0x1f;
		return -1;
	}
	if ((in[0] == 'F' || in[0] == 'f') && isdigit((unsigned char)in[1])) {
		n = (int)strtol(in + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12)
			return KEYMAP_F(n);
	}
	return -1;
}

int
keymap_parse_key(const char *name)
{
	size_t len = strlen(name);
	char inner[32];
	int key;

	if (len == 0)
		return -1;
	if (name[0] == '<' && len > 2 && name[len - 1] == '>') {
		if (len - 2 >= sizeof inner)
			return -1;
		memcpy(inner, name + 1, len - 2);
		inner[len - 2] = '\0';
		key = parse_bracketed(inner);
	} else
		key = utf8_one(name);
	return key < 0 ? -1 : keymap_normalize(key);
}

static void
put_utf8(int cp, char *buf)
{
	buf[utf8_encode((uint32_t)cp, buf)] = '\0';
}

char *
keymap_key_name(int key, char *buf)
{
	size_t i;

	key = keymap_normalize(key);
	for (i = 0; i < NITEMS(key_names); i++)
		if (key_names[i].key == key && (key >= KEYMAP_SPECIAL ||
		    key == ' ')) {
			snprintf(buf, KEYMAP_NAME_MAX, "<%s>", key_names[i].name);
			return buf;
		}
	if (key > KEYMAP_F0 && key <= KEYMAP_F12)
		snprintf(buf, KEYMAP_NAME_MAX, "<F%d>", key - KEYMAP_F0);
	else if (key >= 0 && key < 0x20)
		snprintf(buf, KEYMAP_NAME_MAX, "<C-%c>",
		    key >= 1 && key <= 26 ? key + 'a' - 1 : key + '@');
	else if (key > 0x20 && key < 0x110000 && key != 0x7f &&
	    !(key >= 0xd800 && key <= 0xdfff))
		put_utf8(key, buf);
	else
		snprintf(buf, KEYMAP_NAME_MAX, "<0x%x>", (unsigned)key);
	return buf;
}

/* The length of the key name at the start of s: one UTF-8 character, or
 * <...> when a '>' follows. */
static size_t
name_length(const char *s)
{
	const char *gt;
	uint32_t cp;

	if (s[0] == '<' && (gt = strchr(s + 1, '>')) != NULL)
		return (size_t)(gt - s) + 1;
	return utf8_decode_lossy(s, strlen(s), &cp);
}

size_t
keymap_parse_keys(const char *name, int *keys)
{
	char one[32];
	size_t n = 0, len;

	if ((keys[0] = keymap_parse_key(name)) >= 0)
		return 1;	/* "<" and ">" alone */
	while (*name != '\0') {
		len = name_length(name);
		if (n == KEYMAP_SEQ_MAX || len >= sizeof one)
			return 0;
		memcpy(one, name, len);
		one[len] = '\0';
		if ((keys[n++] = keymap_parse_key(one)) < 0)
			return 0;
		name += len;
	}
	return n;
}

char *
keymap_keys_name(const int *keys, size_t n, char *buf)
{
	char one[KEYMAP_NAME_MAX];
	size_t i, at = 0, len;

	for (i = 0; i < n && i < KEYMAP_SEQ_MAX; i++) {
		len = strlen(keymap_key_name(keys[i], one));
		memcpy(buf + at, one, len);	/* KEYMAP_SEQ_NAME_MAX holds all */
		at += len;
	}
	buf[at] = '\0';
	return buf;
}

static void add_binding(struct keymap *, int, const struct binding *);
static size_t parse_keys(const char *, struct binding **, const char *,
    const char *, int, struct diag *);

/* Is keys[0, n) among list[0, k)?  (A default line naming a key twice.) */
static int
listed_before(const struct binding *list, size_t k, const struct binding *b)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (list[i].nkeys == b->nkeys && memcmp(list[i].key, b->key,
		    b->nkeys * sizeof b->key[0]) == 0)
			return 1;
	return 0;
}

/*
 * The defaults are bound without the checks a user's line goes through:
 * line i is action i's (test_keymap checks that they cover every action
 * in order and that none clashes with another), so there is no name to
 * look up, nothing to replace and no clash to look for.  Bound through
 * keymap_bind, the 73 lines cost 0.29 M instructions, before the first
 * screen, at every start.
 */
struct keymap *
keymap_new(void)
{
	struct keymap *km = xcalloc(1, sizeof *km);
	struct binding *list;
	struct diag d;
	const char *eq;
	size_t i, j, n;
	int m;

	diag_init(&d);
	for (i = 0; i < NITEMS(default_lines); i++) {
		if ((eq = strchr(default_lines[i], '=')) == NULL)
			fatalx("default key line without '=': %s",
			    default_lines[i]);
		n = parse_keys(eq + 1, &list, action_name((enum action)i),
		    "(defaults)", 0, &d);
		if (n == (size_t)-1)
			break;
		m = action_mode((enum action)i);
		for (j = 0; j < n; j++) {
			list[j].action = (enum action)i;
			list[j].line = 0;
			if (!listed_before(list, j, &list[j]))
				add_binding(km, m, &list[j]);
		}
		free(list);
	}
	if (d.n != 0)
		fatalx("default key bindings: %s", d.msgs[0]);
	diag_free(&d);
	return km;
}

void
keymap_free(struct keymap *km)
{
	int m;

	if (km == NULL)
		return;
	for (m = 0; m < ACTION_MODE__COUNT; m++)
		free(km->b[m]);
	free(km);
}

static void
remove_at(struct keymap *km, int m, size_t i)
{
	memmove(&km->b[m][i], &km->b[m][i + 1],
	    (km->n[m] - i - 1) * sizeof km->b[m][0]);
	km->n[m]--;
}

static void
remove_action(struct keymap *km, int m, enum action a)
{
	size_t i = 0;

	while (i < km->n[m])
		if (km->b[m][i].action == a)
			remove_at(km, m, i);
		else
			i++;
}

/* Do two key sequences clash: the same, or one the start of the other? */
static int
overlap(const struct binding *b, const int *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < b->nkeys; i++)
		if (b->key[i] != keys[i])
			return 0;
	return 1;
}

/* The binding whose keys clash with keys[0..n). */
static struct binding *
find_overlap(const struct keymap *km, int m, const int *keys, size_t n,
    size_t *idx)
{
	size_t i;

	for (i = 0; i < km->n[m]; i++)
		if (overlap(&km->b[m][i], keys, n)) {
			if (idx != NULL)
				*idx = i;
			return &km->b[m][i];
		}
	return NULL;
}

static void
add_binding(struct keymap *km, int m, const struct binding *nb)
{
	km->b[m] = xreallocarray(km->b[m], km->n[m] + 1, sizeof km->b[m][0]);
	km->b[m][km->n[m]++] = *nb;
}

/* The action for a config name; "page-down" means "page_down". */
static enum action
lookup_action(const char *name)
{
	char *copy = xstrdup(name), *p;
	enum action a;

	for (p = copy; *p != '\0'; p++)
		*p = *p == '-' ? '_' : (char)tolower((unsigned char)*p);
	a = action_from_name(copy);
	free(copy);
	return a;
}

static void
unknown_action(const char *name, const char *file, int line,
    struct diag *d)
{
	const char *names[ACTION__COUNT];
	char *hint;
	int i;

	for (i = 0; i < ACTION__COUNT; i++)
		names[i] = action_name((enum action)i);
	hint = ini_did_you_mean(name, names, ACTION__COUNT, "''");
	diag_error(d, "%s:%d: unknown command '%s'%s", file, line, name, hint);
	free(hint);
}

/* Parse every key of a list first, so a bad one changes nothing. */
static size_t
parse_keys(const char *keys, struct binding **out, const char *action,
    const char *file, int line, struct diag *d)
{
	char *copy = xstrdup(keys), *w, *save = NULL;
	struct binding nb;
	size_t n = 0;
	int bad = 0;

	*out = NULL;
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		memset(&nb, 0, sizeof nb);
		if ((nb.nkeys = keymap_parse_keys(w, nb.key)) == 0) {
			diag_error(d, "%s:%d: bad key name '%s' for '%s'",
			    file, line, w, action);
			bad = 1;
			continue;
		}
		if (nb.key[0] >= '1' && nb.key[0] <= '9') {
			diag_warning(d, "%s:%d: '%s' is not bound: digits "
			    "are counts and tag keys", file, line, w);
			continue;
		}
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = nb;
	}
	free(copy);
	if (bad) {
		free(*out);
		*out = NULL;
		return (size_t)-1;
	}
	return n;
}

/* "key Z", or "keys ZZ and Z" when one starts the other. */
static void
clash_name(const struct binding *old, const struct binding *nb, char *buf,
    size_t size)
{
	char a[KEYMAP_SEQ_NAME_MAX], b[KEYMAP_SEQ_NAME_MAX];

	keymap_keys_name(old->key, old->nkeys, a);
	keymap_keys_name(nb->key, nb->nkeys, b);
	if (strcmp(a, b) == 0)
		snprintf(buf, size, "key %s", a);
	else
		snprintf(buf, size, "keys %s and %s", a, b);
}

/* Bind nb in mode m unless a clash forbids it: 0, or -1 (said in d). */
static int
bind_one(struct keymap *km, int m, struct binding *nb, const char *file,
    struct diag *d)
{
	struct binding *old;
	char keys[2 * KEYMAP_SEQ_NAME_MAX + 16];
	size_t idx;

	while ((old = find_overlap(km, m, nb->key, nb->nkeys, &idx)) != NULL) {
		if (old->action == nb->action && old->nkeys == nb->nkeys)
			return 0;	/* the same key twice */
		clash_name(old, nb, keys, sizeof keys);
		if (old->line != 0 && nb->line != 0) {
			diag_error(d, "%s:%d: %s bound to both '%s' (line %d) "
			    "and '%s'", file, nb->line, keys,
			    action_name(old->action), old->line,
			    action_name(nb->action));
			return -1;
		}
		if (old->line == 0 && nb->line == 0) {
			diag_error(d, "%s: %s bound to both '%s' and '%s'",
			    file, keys, action_name(old->action),
			    action_name(nb->action));
			return -1;
		}
		remove_at(km, m, idx);	/* the user's intent wins */
	}
	add_binding(km, m, nb);
	return 0;
}

int
keymap_bind(struct keymap *km, const char *action, const char *keys,
    const char *file, int line, struct diag *d)
{
	enum action a;
	struct binding *list;
	size_t n, i;
	int m, rc = 0;

	if ((a = lookup_action(action)) == ACTION_NONE) {
		unknown_action(action, file, line, d);
		return -1;
	}
	if ((n = parse_keys(keys, &list, action, file, line, d)) ==
	    (size_t)-1)
		return -1;
	m = action_mode(a);
	km->named[a] = 1;
	remove_action(km, m, a);
	for (i = 0; i < n; i++) {
		list[i].action = a;
		list[i].line = line;
		if (bind_one(km, m, &list[i], file, d) != 0)
			rc = -1;
	}
	free(list);
	return rc;
}

/* keys[0..n) against the bindings of mode m (only those that work while
 * selecting if selecting): KEYMAP_MATCH (*a set), KEYMAP_PREFIX or
 * KEYMAP_NO_MATCH. */
static int
match_in(const struct keymap *km, int m, const int *keys, size_t n,
    int selecting, enum action *a)
{
	const struct binding *b;
	size_t i;
	int found = KEYMAP_NO_MATCH;

	for (i = 0; i < km->n[m]; i++) {
		b = &km->b[m][i];
		if (b->nkeys < n || !overlap(b, keys, n) ||
		    (selecting && !action_in_selection(b->action)))
			continue;
		if (b->nkeys == n) {
			*a = b->action;
			return KEYMAP_MATCH;
		}
		found = KEYMAP_PREFIX;
	}
	return found;
}

int
keymap_match(const struct keymap *km, enum action_mode mode,
    const int *keys, size_t n, enum action *a)
{
	int k[KEYMAP_SEQ_MAX], r;
	size_t i;

	*a = ACTION_NONE;
	if (mode < 0 || mode >= ACTION_MODE__COUNT || n == 0 ||
	    n > KEYMAP_SEQ_MAX)
		return KEYMAP_NO_MATCH;
	for (i = 0; i < n; i++)
		k[i] = keymap_normalize(keys[i]);
	r = match_in(km, mode, k, n, 0, a);
	if (r == KEYMAP_NO_MATCH && mode != ACTION_MODE_PAGER)
		r = match_in(km, ACTION_MODE_PAGER, k, n, 1, a);
	return r;
}

enum action
keymap_lookup(const struct keymap *km, enum action_mode mode, int key)
{
	enum action a;

	return keymap_match(km, mode, &key, 1, &a) == KEYMAP_MATCH ? a :
	    ACTION_NONE;
}

void
keymap_describe(const struct keymap *km, enum action a, struct buf *out)
{
	char name[KEYMAP_SEQ_NAME_MAX];
	int m = action_mode(a), first = 1;
	size_t i;

	for (i = 0; i < km->n[m]; i++) {
		if (km->b[m][i].action != a)
			continue;
		if (!first)
			buf_addc(out, ' ');
		buf_adds(out, keymap_keys_name(km->b[m][i].key,
		    km->b[m][i].nkeys, name));
		first = 0;
	}
}

size_t
keymap_count(const struct keymap *km, enum action a)
{
	int m = action_mode(a);
	size_t i, n = 0;

	for (i = 0; i < km->n[m]; i++)
		if (km->b[m][i].action == a)
			n++;
	return n;
}

const char *const *
keymap_defaults(size_t *n)
{
	*n = NITEMS(default_lines);
	return default_lines;
}

/* Actions reached through another key (":" then n or p) when unbound. */
static const char *
reached_by(enum action a)
{
	switch (a) {
	case ACTION_NEXT_FILE:	return ":n";
	case ACTION_PREV_FILE:	return ":p";
	case ACTION_OPEN_FILE:	return ":e FILE";
	default:		return "(unbound)";
	}
}

void
keymap_warn_dropped(const struct keymap *km, const char *file, int line,
    struct diag *d)
{
	struct keymap *def = NULL;
	struct buf keys;
	int a;

	for (a = 0; a < ACTION__COUNT; a++) {
		if (km->named[a] || keymap_count(km, (enum action)a) > 0 ||
		    a == ACTION_QUIT || a == ACTION_HELP ||
		    strcmp(reached_by((enum action)a), "(unbound)") != 0)
			continue;
		if (def == NULL)
			def = keymap_new();
		if (keymap_count(def, (enum action)a) == 0)
			continue;
		buf_init(&keys);
		keymap_describe(def, (enum action)a, &keys);
		diag_warning(d, "%s:%d: [keys] took every key of %s (%.*s) for "
		    "other commands: it has none now; bind it again",
		    file, line, action_name((enum action)a), (int)keys.len,
		    keys.data);
		buf_free(&keys);
	}
	keymap_free(def);
}

static void
help_lines(const struct keymap *km, int named, struct buf *out)
{
	static const char *const heading[ACTION_MODE__COUNT] = {
		"Reading (less keys; a number first is a count: 12j, 30%, "
		    "40g):\n",
		"Selecting (after v, s, p or o; vim keys; paging keys still "
		    "page; 1-9 or t tag the selection, a adds a note; other "
		    "reading keys wait until Esc or q ends it):\n",
	};
	struct buf keys;
	int a;

	buf_init(&keys);
	for (a = 0; a < ACTION__COUNT; a++) {
		if (a == 0 || action_mode(a) != action_mode(a - 1))
			buf_adds(out, heading[action_mode(a)]);
		buf_reset(&keys);
		keymap_describe(km, (enum action)a, &keys);
		buf_printf(out, "  %-28s ", keys.len ? keys.data :
		    reached_by((enum action)a));
		if (named)	/* a column as wide as the longest name */
			buf_printf(out, "%-21s ", action_name((enum action)a));
		buf_printf(out, "%s\n", action_help((enum action)a));
	}
	buf_free(&keys);
}

void
keymap_help(const struct keymap *km, struct buf *out)
{
	help_lines(km, 0, out);
}

void
keymap_help_named(const struct keymap *km, struct buf *out)
{
	help_lines(km, 1, out);
}
