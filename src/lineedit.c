/*
 * lineedit.c: a UTF-8 aware editor of one line, or of several lines
 * separated by '\n' (multiline: the note editor).
 */
#include "artread/lineedit.h"

#include <string.h>

#include "artread/keymap.h"
#include "artread/utf8.h"

void
lineedit_init(struct lineedit *le, const char *initial)
{
	buf_init(&le->text);
	buf_adds(&le->text, initial != NULL ? initial : "");
	le->cursor = le->text.len;
	le->multiline = 0;
}

void
lineedit_free(struct lineedit *le)
{
	buf_free(&le->text);
}

void
lineedit_set(struct lineedit *le, const char *text)
{
	buf_reset(&le->text);
	buf_adds(&le->text, text);
	le->cursor = le->text.len;
}

static size_t
next_char(const struct lineedit *le, size_t i)
{
	if (i >= le->text.len)
		return le->text.len;
	i++;
	while (i < le->text.len && ((unsigned char)le->text.data[i] & 0xc0) == 0x80)
		i++;
	return i;
}

static size_t
prev_char(const struct lineedit *le, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)le->text.data[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static void
delete_range(struct lineedit *le, size_t a, size_t b)
{
	if (b <= a)
		return;
	memmove(le->text.data + a, le->text.data + b, le->text.len - b + 1);
	le->text.len -= b - a;
	le->cursor = a;
}

static void
insert_char(struct lineedit *le, int cp)
{
	char u[4];
	size_t n = utf8_encode((uint32_t)cp, u);

	buf_reserve(&le->text, n);
	memmove(le->text.data + le->cursor + n, le->text.data + le->cursor,
	    le->text.len - le->cursor + 1);
	memcpy(le->text.data + le->cursor, u, n);
	le->text.len += n;
	le->cursor += n;
}

/* Start of the word before the cursor (Ctrl-W: spaces, then non-spaces). */
static size_t
word_before(const struct lineedit *le)
{
	size_t i = le->cursor;

	while (i > 0 && le->text.data[i - 1] == ' ')
		i--;
	while (i > 0 && le->text.data[i - 1] != ' ')
		i--;
	return i;
}

/* Multiline: where the cursor's line starts and ends (before its '\n'). */
static size_t
line_start(const struct lineedit *le, size_t i)
{
	while (i > 0 && le->text.data[i - 1] != '\n')
		i--;
	return i;
}

static size_t
line_end(const struct lineedit *le, size_t i)
{
	while (i < le->text.len && le->text.data[i] != '\n')
		i++;
	return i;
}

/* The byte col characters into the line starting at start (or its end). */
static size_t
column_at(const struct lineedit *le, size_t start, size_t col)
{
	size_t end = line_end(le, start);

	while (col-- > 0 && start < end)
		start = next_char(le, start);
	return start;
}

/* Up (-1) or down (+1) a line, keeping the character column. */
static void
move_line(struct lineedit *le, int dir)
{
	size_t start = line_start(le, le->cursor), col = 0, i;

	for (i = start; i < le->cursor; i = next_char(le, i))
		col++;
	if (dir < 0) {
		if (start == 0)
			return;
		le->cursor = column_at(le, line_start(le, start - 1), col);
	} else {
		i = line_end(le, le->cursor);
		if (i == le->text.len)
			return;
		le->cursor = column_at(le, i + 1, col);
	}
}

/* The keys that work on lines when there are several. */
static enum lineedit_result
line_key(struct lineedit *le, int key)
{
	size_t end;

	switch (key) {
	case KEYMAP_ALT_ENTER:
		insert_char(le, '\n'); break;
	case KEYMAP_UP: case KEYMAP_CTRL('p'):
		move_line(le, -1); break;
	case KEYMAP_DOWN: case KEYMAP_CTRL('n'):
		move_line(le, 1); break;
	case KEYMAP_HOME: case KEYMAP_CTRL('a'):
		le->cursor = line_start(le, le->cursor); break;
	case KEYMAP_END: case KEYMAP_CTRL('e'):
		le->cursor = line_end(le, le->cursor); break;
	case KEYMAP_CTRL('u'):
		delete_range(le, line_start(le, le->cursor), le->cursor); break;
	case KEYMAP_CTRL('k'):
		end = line_end(le, le->cursor);
		delete_range(le, le->cursor, end > le->cursor ? end :
		    next_char(le, end));
		break;
	default:
		return LINEEDIT_UNHANDLED;
	}
	return LINEEDIT_CONTINUE;
}

static enum lineedit_result
motion_or_delete(struct lineedit *le, int key)
{
	switch (key) {
	case KEYMAP_LEFT: case KEYMAP_CTRL('b'):
		le->cursor = prev_char(le, le->cursor); break;
	case KEYMAP_RIGHT: case KEYMAP_CTRL('f'):
		le->cursor = next_char(le, le->cursor); break;
	case KEYMAP_HOME: case KEYMAP_CTRL('a'):
		le->cursor = 0; break;
	case KEYMAP_END: case KEYMAP_CTRL('e'):
		le->cursor = le->text.len; break;
	case KEYMAP_BACKSPACE:
		delete_range(le, prev_char(le, le->cursor), le->cursor); break;
	case KEYMAP_DELETE: case KEYMAP_CTRL('d'):
		delete_range(le, le->cursor, next_char(le, le->cursor)); break;
	case KEYMAP_CTRL('k'):
		delete_range(le, le->cursor, le->text.len); break;
	case KEYMAP_CTRL('u'):
		delete_range(le, 0, le->cursor); break;
	case KEYMAP_CTRL('w'):
		delete_range(le, word_before(le), le->cursor); break;
	default:
		return LINEEDIT_UNHANDLED;
	}
	return LINEEDIT_CONTINUE;
}

/* The length of s without the line breaks that end it. */
static size_t
without_final_breaks(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n;
}

void
lineedit_paste(struct lineedit *le, const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	n = without_final_breaks(s, n);
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			i++;		/* an invalid byte */
			continue;
		}
		i += k;
		if (cp == '\r' && i < n && s[i] == '\n')
			continue;	/* CR LF: one break, at the LF */
		if (cp == '\r' || cp == '\n')
			cp = le->multiline ? '\n' : ' ';
		else if (cp == '\t')
			cp = ' ';
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			continue;
		insert_char(le, (int)cp);
	}
}

enum lineedit_result
lineedit_key(struct lineedit *le, int key)
{
	key = keymap_normalize(key);
	if (key == KEYMAP_ENTER)
		return LINEEDIT_ACCEPT;
	if (key == KEYMAP_ESC || key == KEYMAP_CTRL('g'))
		return LINEEDIT_CANCEL;
	if (key >= 0x20 && key < KEYMAP_SPECIAL && key != 0x7f &&
	    !(key >= 0x80 && key < 0xa0)) {
		insert_char(le, key);
		return LINEEDIT_CONTINUE;
	}
	if (le->multiline && line_key(le, key) == LINEEDIT_CONTINUE)
		return LINEEDIT_CONTINUE;
	return motion_or_delete(le, key);
}
