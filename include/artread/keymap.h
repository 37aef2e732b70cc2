/*
 * keymap.h: our own key codes (no curses) and the table from keys to
 * actions, one per mode.  The defaults are text in the same syntax as the
 * [keys] section of config.ini and go through the same parser.
 *
 * Key codes: a printable key is its Unicode code point; Ctrl-letter is
 * 1..26 (<C-x> is 24); special keys are KEYMAP_* >= 0x110000.  The raw
 * codes 9, 10, 13, 27, 8 and 127 are the same keys as KEYMAP_TAB,
 * KEYMAP_ENTER (both 10 and 13: terminals send either), KEYMAP_ESC and
 * KEYMAP_BACKSPACE (both ^H and DEL): keymap_normalize() maps them, and
 * keymap_lookup() normalizes the key it is given, so the UI may pass the
 * terminal's byte or the KEYMAP_ constant.  So <C-m>, <C-j> and <CR> all
 * name <Enter>, <C-i> names <Tab>, <C-[> names <Esc>, <C-h> names <BS>.
 *
 * Key names: one character ("q", "]", "é"), or in angle brackets
 * (case-insensitive): <Space> <Enter> <CR> <Return> <Tab> <S-Tab> <Esc>
 * <BS> <Del> <Ins> <Up> <Down> <Left> <Right> <PgUp> <PageUp> <PgDn>
 * <PageDown> <Home> <End> <F1>..<F12> <C-a>..<C-z> <C-[> <Lt> <Gt> <Hash>
 * <Semicolon> <Bslash> <Bar> <Resize> <ScrollUp> <ScrollDown> <M-Enter>.  "#" and
 * ";" start a comment in an INI value: write <Hash>, <Semicolon> or quote
 * the value.  Digits cannot be bound: the UI uses them for counts and
 * tag keys.
 *
 * A binding may be a sequence of up to KEYMAP_SEQ_MAX keys written as one
 * word ("ZZ", "g<Home>"): its first key then waits for the next
 * (keymap_match says KEYMAP_PREFIX).  A sequence and a key it starts
 * cannot both be bound in a mode: the clash is an error, or the user's
 * binding takes the key from a default one.
 */
#ifndef ARTREAD_KEYMAP_H
#define ARTREAD_KEYMAP_H

#include <stddef.h>

#include "artread/action.h"
#include "artread/diag.h"
#include "artread/util.h"

#define KEYMAP_CTRL(c)	((c) & 0x1f)	/* KEYMAP_CTRL('x') == 24 */

enum keymap_special {
	KEYMAP_SPECIAL = 0x110000,	/* first code that is no character */
	KEYMAP_UP = KEYMAP_SPECIAL,
	KEYMAP_DOWN,
	KEYMAP_LEFT,
	KEYMAP_RIGHT,
	KEYMAP_PGUP,
	KEYMAP_PGDN,
	KEYMAP_HOME,
	KEYMAP_END,
	KEYMAP_INSERT,
	KEYMAP_DELETE,
	KEYMAP_BACKSPACE,
	KEYMAP_ENTER,
	KEYMAP_TAB,
	KEYMAP_BTAB,
	KEYMAP_ESC,
	KEYMAP_RESIZE,
	KEYMAP_MOUSE_WHEEL_UP,
	KEYMAP_MOUSE_WHEEL_DOWN,
	KEYMAP_ALT_ENTER,	/* Esc then Enter at once (Alt-Enter, M-Enter) */
	KEYMAP_PASTE,		/* a bracketed paste, whole (its text: the UI's);
				   bound to nothing */
	KEYMAP_F0 = KEYMAP_SPECIAL + 0x100,	/* KEYMAP_F(n) for n 1..12 */
	KEYMAP_F12 = KEYMAP_F0 + 12
};
#define KEYMAP_F(n)	(KEYMAP_F0 + (n))

/* Enough for any name keymap_key_name() writes, with its NUL. */
#define KEYMAP_NAME_MAX	16
/* The longest key sequence, and room for its name. */
#define KEYMAP_SEQ_MAX	2
#define KEYMAP_SEQ_NAME_MAX	(KEYMAP_SEQ_MAX * (KEYMAP_NAME_MAX - 1) + 1)

/* What keys typed so far are to the bindings of a mode. */
enum keymap_match {
	KEYMAP_NO_MATCH,
	KEYMAP_MATCH,	/* a whole binding */
	KEYMAP_PREFIX	/* the start of a sequence: wait for the next key */
};

struct keymap;

/* A key map holding the default bindings. */
struct keymap *keymap_new(void);
void keymap_free(struct keymap *km);

/*
 * Apply one line of the [keys] section, "ACTION = KEY [KEY...]": the
 * action's keys are replaced (an empty list unbinds it).  A key that
 * another action had by default in the same mode moves silently; a key
 * that another user line bound is an error naming both actions.  Unknown
 * actions and unparseable keys are errors "FILE:LINE: ..." in d.
 * Returns 0 or -1.
 */
int keymap_bind(struct keymap *km, const char *action, const char *keys,
    const char *file, int line, struct diag *d);

/*
 * After the [keys] lines (at line of file): a warning in d for each
 * command left without a key because its default keys all moved to
 * other commands, when no line named it (one that unbinds a command on
 * purpose names it).  quit and help are the caller's to check.
 */
void keymap_warn_dropped(const struct keymap *km, const char *file,
    int line, struct diag *d);

/*
 * The action for a key in a mode.  In ACTION_MODE_SELECT a key bound
 * there wins, else the pager's binding applies if its action works while
 * selecting (action_in_selection: paging keys, t, a).  ACTION_NONE if
 * unbound or refused.
 */
enum action keymap_lookup(const struct keymap *km, enum action_mode mode,
    int key);

/*
 * The keys typed so far, keys[0..n), in a mode (the fallback to the
 * pager's bindings as in keymap_lookup): an enum keymap_match, with the
 * action in *a for KEYMAP_MATCH (else ACTION_NONE).
 */
int keymap_match(const struct keymap *km, enum action_mode mode,
    const int *keys, size_t n, enum action *a);

/* Append the keys of an action, space-separated ("j <Down>"), to out. */
void keymap_describe(const struct keymap *km, enum action a, struct buf *out);
/*
 * The key list for --help and the help screen, from the bindings in
 * force: one line per action ("  j <Down> ...   scroll down one line"),
 * with a heading before each mode's actions.  Lines end in '\n'.
 */
void keymap_help(const struct keymap *km, struct buf *out);
/* The same with each action's name for [keys] between the keys and the
 * help ("  j <Down> ...   line_down   scroll down one line"): --help. */
void keymap_help_named(const struct keymap *km, struct buf *out);
/* How many keys an action has. */
size_t keymap_count(const struct keymap *km, enum action a);

/*
 * Parse a key name ("q", "<C-x>", "<PgDn>"); returns the normalized code,
 * or -1.
 */
int keymap_parse_key(const char *name);
/*
 * Parse a key or a sequence ("ZZ", "g<Home>") into keys (KEYMAP_SEQ_MAX
 * of them); returns how many, or 0 if it is no such thing.  In a
 * sequence, "<" starts a name when a ">" follows (else write <Lt>).
 */
size_t keymap_parse_keys(const char *name, int *keys);
/* Format keys[0..n): buf must hold KEYMAP_SEQ_NAME_MAX bytes. */
char *keymap_keys_name(const int *keys, size_t n, char *buf);
/* Format a key: buf must hold KEYMAP_NAME_MAX bytes; returns buf. */
char *keymap_key_name(int key, char *buf);
/* 10/13 -> KEYMAP_ENTER, 9 -> TAB, 27 -> ESC, 8/127 -> BACKSPACE. */
int keymap_normalize(int key);

/*
 * The default bindings as [keys] lines, one per action in ACTION_LIST
 * order ("line_down = j <Down> <Enter> <C-n> <C-e>"); an action with an
 * empty list is deliberately unbound.
 */
const char *const *keymap_defaults(size_t *n);

#endif
